"""The expression, indicator and data-value API, the analytics API and the scorecard pages, on a kit
plan of the kit's city with two targets (life expectancy, binding; nurses per 1,000, expected) over
the kit's small registry and 12,000 residents a year."""

import pytest
from django.db.models import F

from tests import factories as f
from tixi.indicators.models import DataElement, DataValue, Indicator, Target
from tixi.registry.models import InstitutionYear

pytestmark = [pytest.mark.without_demo, pytest.mark.usefixtures("catalogue_once")]
PLAN = "kit-city-plan"


@pytest.fixture
def plan(region, users):
    """The city's plan; its institutions report 100 beds, 14 nurses and 18 physicians in 2020 (the
    other city's hospital aside), and it has 12,000 residents each year."""
    kit = f.institutions_in(region, years=(2020, 2021, 2023, 2024))
    # the kit's reports alone: in a run that built the demo, an update of every row (the demo's too) made
    # PostgreSQL's statement trigger on the resource cube run for half an hour (session 16's CI)
    InstitutionYear.objects.filter(institution__in=kit.values()).update(physicians=F("nurses") + 1)
    for year in (2020, 2021, 2023, 2024):
        f.population(region["city"], year, per_band=1000)
    made = f.plan(region["city"], code=PLAN, period_start=2021, period_end=2025)
    for order, (code, label, value, nature) in enumerate(
        [
            ("life_expectancy", "人均预期寿命", 80, "binding"),
            ("nurses_per_1000", "每千人口注册护士数", 3, "expected"),
        ],
        start=1,
    ):
        Target.objects.create(
            plan=made, order=order, label=label, indicator=Indicator.objects.get(code=code),
            division=region["city"], target_year=2025, target_value=value, nature=nature, clause=f"{label}达到{value}",
        )  # fmt: skip
    return made


def test_describe_endpoint(api):
    response = api("planner").get("/api/expressions/describe/", {"expression": "R{physicians} * 1000 / P{}"})
    assert response.status_code == 200 and "执业" in response.data["description"]
    response = api("planner").get("/api/expressions/describe/", {"expression": "R{physicians} * / P{}"})
    assert response.status_code == 400 and "17" in response.data["expression"][0]


def test_malformed_indicator_is_refused(catalogue_manager):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(catalogue_manager)
    before = Indicator.objects.count()
    response = client.post(
        "/api/indicators/", {"code": "bad", "name": "坏", "numerator": "R{nurses} +"}, format="json"
    )
    assert response.status_code == 400 and "numerator" in response.data
    assert Indicator.objects.count() == before


def test_data_values_are_stored_with_who(api, region):
    city = region["city"].code
    value = {
        "element": "health_literacy",
        "division": city,
        "period": "2024",
        "value": 31.5,
        "comment": "年报",
    }
    response = api("planner").post("/api/datavalues/", value, format="json")
    assert response.status_code == 201, response.data
    stored = DataValue.objects.get(element__code="health_literacy", division__code=city, period="2024")
    assert stored.stored_by.username == "kit-planner" and stored.value == 31.5
    bad = api("planner").post("/api/datavalues/", {**value, "period": "2024-1", "value": 1}, format="json")
    assert bad.status_code == 400 and list(bad.data) == ["period"]
    outside = api("county").post("/api/datavalues/", {**value, "value": 1}, format="json")
    assert outside.status_code == 400 and list(outside.data) == ["division"]
    assert (
        DataValue.objects.get(element__code="health_literacy", division__code=city, period="2024").value
        == 31.5
    )


def test_a_value_written_is_in_the_next_scorecard(api, region, plan):
    before = api("planner").get(f"/api/plans/{PLAN}/evaluation/", {"year": 2024}).data
    life = next(t for t in before["targets"] if t["indicator"] == "life_expectancy")
    assert (life["actual"], life["status"]) == (None, "no_data")
    api("planner").post(
        "/api/datavalues/",
        {"element": "life_expectancy", "division": region["city"].code, "period": "2024", "value": 81.23},
        format="json",
    )
    after = api("planner").get(f"/api/plans/{PLAN}/evaluation/", {"year": 2024}).data
    life = next(t for t in after["targets"] if t["indicator"] == "life_expectancy")
    assert (life["actual"], life["status"]) == (81.23, "achieved")


def test_analytics_like_dhis2(api, region, plan):
    city = region["city"].code
    response = api("planner").get(
        "/api/analytics/",
        {
            "dimension": ["dx:beds_per_1000;physicians_per_1000", "pe:2020;2021", f"ou:{city}"],
            "includeNumDen": "true",
        },
    )
    assert response.status_code == 200
    assert [h["name"] for h in response.data["headers"]][:4] == ["dx", "pe", "ou", "value"]
    rows = {(r[0], r[1]): r for r in response.data["rows"]}
    assert set(rows) == {
        (dx, pe) for dx in ("beds_per_1000", "physicians_per_1000") for pe in ("2020", "2021")
    }
    assert rows[("physicians_per_1000", "2020")][3] == "1.5"  # 18 physicians per 12,000
    assert (
        float(rows[("beds_per_1000", "2020")][4]) == 100 and float(rows[("beds_per_1000", "2021")][4]) == 104
    )
    assert response.data["metaData"]["items"][city]["name"] == region["city"].name
    assert api("planner").get("/api/analytics/", {"dx": "nope", "pe": "2020", "ou": city}).status_code == 400
    other = {"dx": "beds_per_1000", "pe": "2020", "ou": region["other_county"].code}
    assert api("county").get("/api/analytics/", other).status_code == 400


def test_scorecard_page_and_downloads(web, region, plan):
    client = web("planner")
    page = client.get(f"/plans/{PLAN}/", {"year": 2023})
    text = page.content.decode()
    assert page.status_code == 200 and "每千人口注册护士数" in text and "人均预期寿命" in text
    assert [r["indicator"] for r in page.context["rows"]] == ["life_expectancy", "nurses_per_1000"]
    filtered = client.get(f"/plans/{PLAN}/", {"year": 2023, "nature": "binding"}).content.decode()
    assert "每千人口注册护士数" not in filtered and "人均预期寿命" in filtered
    ranking = client.get(f"/plans/{PLAN}/targets/2/", {"year": 2023})
    assert ranking.status_code == 200 and region["county"].name in ranking.content.decode()
    docx = client.get(f"/plans/{PLAN}/report.docx", {"year": 2023})
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    assert [p.code for p in client.get("/plans/").context["plans"]] == [PLAN]


def test_scorecard_is_scoped(web, region, plan):
    county = web("county")
    assert county.get(f"/plans/{PLAN}/", {"year": 2023, "division": region["city"].code}).status_code == 404
    assert county.get(f"/plans/{PLAN}/", {"year": 2023, "division": region["county"].code}).status_code == 200


def test_scorecard_query_count_is_constant(client, django_user_model, region, plan):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(django_user_model.objects.create(username="root", is_superuser=True))
    client.get("/plans/")  # the session's first request also notes when it was last seen (idle timeout)
    client.get(f"/plans/{PLAN}/", {"year": 2023})  # and what a process reads once (in a shuffled order too)
    # the same plan for the city and for one of its counties (fewer rows): the same count
    counts = []
    for division in (region["city"], region["county"]):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/plans/{PLAN}/", {"year": 2023, "division": division.code}).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] < 25, counts


def test_data_value_page(web, region):
    client = web("planner")
    assert client.get("/datavalues/").status_code == 200
    element = DataElement.objects.get(code="health_literacy")
    city = region["city"].code
    ok = client.post(
        "/datavalues/",
        {"element": element.pk, "option": "", "division_code": city, "period": "2025", "value": "33.3", "comment": "抽样调查"},
    )  # fmt: skip
    assert ok.status_code == 302
    assert DataValue.objects.get(element=element, division__code=city, period="2025").value == 33.3
    bad = client.post(
        "/datavalues/", {"element": element.pk, "division_code": "12", "period": "20251", "value": "x"}
    )
    assert bad.status_code == 400
    text = bad.content.decode()
    assert "field-division_code" in text and "field-period" in text and "field-value" in text


def test_scorecard_downloads_open_with_the_headline_figures(web, plan):
    """Before: the 指标表（Excel） and the page's .xlsx held the targets only, not the line of figures
    above them (已达成 · 进度正常 · 存在风险 · 进度滞后 · 无数据 · 不评价)."""
    import io

    from openpyxl import load_workbook

    from tests.core.html_tables import assert_download_is_the_page

    client = web("planner")
    page = client.get(f"/plans/{PLAN}/", {"year": 2023})
    statuses = [r["status"] for r in page.context["rows"]]
    expected = [
        (label, statuses.count(key))
        for key, label in [
            ("achieved", "已达成"),
            ("on_track", "进度正常"),
            ("at_risk", "存在风险"),
            ("off_track", "进度滞后"),
            ("no_data", "无数据"),
            ("not_judged", "不评价"),
        ]
    ]
    assert sum(n for _label, n in expected) == 2
    report = load_workbook(io.BytesIO(client.get(f"/plans/{PLAN}/report.xlsx", {"year": 2023}).content))
    assert [s.title for s in report.worksheets][0] == "主要数据"
    assert list(report.worksheets[0].iter_rows(min_row=2, values_only=True)) == expected
    assert report.worksheets[1].cell(row=2, column=2).value == "人均预期寿命"
    assert_download_is_the_page(client, f"/plans/{PLAN}/?year=2023")


def test_ranking_brackets_the_target_year_full_width(web, plan):
    """Before: "目标值：3 (2025)", a half-width bracket in Chinese running text."""
    from django.template import Context, Template
    from django.utils import translation

    text = web("planner").get(f"/plans/{PLAN}/targets/2/", {"year": 2023}).content.decode()
    assert "目标值：≥3（2025年） · " in text  # the year as the scorecard writes it (journey17)
    assert " (2025)" not in text
    tag = Template("{% load tixi_tags %}a{% bracketed x %}")
    with translation.override("en"):
        assert tag.render(Context({"x": "<2025>"})) == "a (&lt;2025&gt;)"
    with translation.override("zh-hans"):
        assert tag.render(Context({"x": 2025})) == "a（2025）"


def test_the_sparkline_ends_at_the_year_chosen(web, plan):
    """Before: the sparkline of 2023's scorecard went on to 2024's value, its last labelled point not
    the table's."""
    page = web("planner").get(f"/plans/{PLAN}/", {"year": 2023})
    rows = {r["order"]: r for r in page.context["rows"]}
    nurses = next(c for c in page.context["charts"] if c["id"] == "t2")
    assert 2024 in rows[2]["series"] and rows[2]["series"][2024] is not None  # a later year has a value
    assert max(nurses["series"]) == 2023
    assert nurses["series"][2023] == round(rows[2]["actual"], rows[2]["decimals"])


def test_an_english_ranking_page_names_its_target_in_english(web, plan):
    """The screenshot pass (session 13): an English ranking page was headed by the plan's Chinese label,
    "每千人口注册护士数"; it is headed by the indicator's English name, the clause keeps the plan's words."""
    from tixi.indicators.models import Indicator

    client = web("planner")
    client.cookies["django_language"] = "en"
    page = client.get(f"/plans/{PLAN}/targets/2/", {"year": 2023})
    english = Indicator.objects.get(code="nurses_per_1000").name_en
    assert english and page.context["heading"] == english
    text = page.content.decode()
    assert (
        f"<h1>{english[0].upper()}{english[1:]}</h1>" in text and "每千人口注册护士数达到3" in text
    )  # the clause, verbatim
    client.cookies["django_language"] = "zh-hans"
    assert (
        web("planner").get(f"/plans/{PLAN}/targets/2/", {"year": 2023}).context["heading"]
        == "每千人口注册护士数"
    )


def test_a_registry_target_leads_on_to_its_institutions(web, region, plan):
    """Session 15's planner journey (a target off track -> the institutions behind it) ended on the
    ranking page: nurses per 1,000 is counted from the registry, yet nothing led to its institutions;
    life expectancy (a data element) has none to show."""
    client = web("planner")
    page = client.get(f"/plans/{PLAN}/targets/2/", {"year": 2023}).content.decode()
    city = region["city"]
    assert f'href="/institutions/?division={city.code}&amp;year=2023"' in page
    assert f"{city.name}的机构及其年度报表" in page
    assert (
        'id="ranking-institutions"'
        not in client.get(f"/plans/{PLAN}/targets/1/", {"year": 2023}).content.decode()
    )

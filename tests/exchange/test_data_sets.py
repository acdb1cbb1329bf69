"""Data sets with period types: the entry form (saved as you go, previous period beside each field),
completeness per period, and the approval state on data pages."""

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from tests import factories
from tixi.exchange import approval
from tixi.geo.models import Division
from tixi.indicators.engine import periods
from tixi.indicators.models import DataSet, DataValue

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo, pytest.mark.usefixtures("catalogue_once")]


@pytest.fixture
def codes(region):
    """The codes of the kit's city and county (as 攀枝花 and 米易), and a sibling county of the city (as
    盐边) with a township of its own."""
    sibling = factories.division("990103000000", parent=region["city"], name="测试邻县")
    factories.division("990103100000", parent=sibling, name="测试邻县镇")
    return {"city": region["city"].code, "county": region["county"].code, "sibling": sibling.code}


def test_periods():
    assert [periods.type_of(p) for p in ("2024", "2024Q3", "202411")] == ["yearly", "quarterly", "monthly"]
    assert periods.previous("2024Q1") == "2023Q4" and periods.previous("202401") == "202312"
    assert str(periods.end_of("2024Q1")) == "2024-03-31" and str(periods.end_of("202402")) == "2024-02-29"
    assert periods.adx("2024Q2") == "2024-04-01/P3M"
    for bad in ("2024Q5", "202413", "24", "2024-01", ""):
        with pytest.raises(periods.PeriodError):
            periods.type_of(bad)


def test_data_sets_are_loaded_with_their_period_types(api):
    sets = {d["code"]: d for d in api("planner").get("/api/datasets/").json()}
    assert sets["yearly_resources"]["reporter"] == "institution"
    assert sets["family_doctor_quarterly"]["period_type"] == "quarterly"
    assert "health_literacy" in sets["county_health_yearly"]["elements"]


def test_entry_form_saves_as_you_go_with_the_previous_period_beside(web, codes):
    miyi_code = codes["county"]
    client = web("planner")
    miyi = Division.objects.at(miyi_code, 2024)
    DataValue.objects.update_or_create(
        element=DataSet.objects.get(code="family_doctor_quarterly").elements.get(
            code="elderly_health_management"
        ),
        option="",
        division=miyi,
        period="2024Q1",
        defaults={"value": 61.5},
    )
    page = client.get("/datasets/family_doctor_quarterly/entry/", {"division": miyi_code, "period": "2024Q2"})
    html = page.content.decode()
    assert page.status_code == 200 and "2024Q1" in html and "61.5" in html
    saved = client.post(
        "/datasets/family_doctor_quarterly/entry/field/",
        {"division": miyi_code, "period": "2024Q2", "field": "elderly_health_management", "value": "６２.４"},
    )
    assert saved.status_code == 200
    assert (
        DataValue.objects.get(division=miyi, period="2024Q2", element__code="elderly_health_management").value
        == 62.4
    )
    # bad input: a word, a period of the wrong type, a field not in the set, nothing written
    for data, status, problem in (
        ({"period": "2024Q2", "field": "elderly_health_management", "value": "很多"}, 400, "65岁"),
        # a year for a quarterly set: the period and the expected type named
        ({"period": "2024", "field": "elderly_health_management", "value": "1"}, 400, "期间 2024 不符"),
        ({"period": "2024", "field": "elderly_health_management", "value": "1"}, 400, "按季度填报（例如 20"),
        ({"period": "2024-2", "field": "elderly_health_management", "value": "1"}, 400, "YYYYQn"),
        ({"period": "2024Q2", "field": "life_expectancy", "value": "1"}, 400, "life_expectancy"),
    ):
        answer = client.post(
            "/datasets/family_doctor_quarterly/entry/field/", {"division": miyi_code, **data}
        )
        assert answer.status_code == status and problem in answer.content.decode(), data
    assert DataValue.objects.filter(division=miyi, period="2024Q2").count() == 1
    # emptying a field clears the value
    client.post(
        "/datasets/family_doctor_quarterly/entry/field/",
        {"division": miyi_code, "period": "2024Q2", "field": "elderly_health_management", "value": ""},
    )
    assert not DataValue.objects.filter(division=miyi, period="2024Q2").exists()


def test_completeness_per_period_and_on_time(api, web, codes):
    panzhihua_code, miyi_code = codes["city"], codes["county"]  # as 攀枝花, 米易
    panzhihua = Division.objects.at(panzhihua_code, 2024)
    data_set = DataSet.objects.get(code="family_doctor_quarterly")
    element = data_set.elements.first()
    DataValue.objects.filter(element__in=data_set.elements.all(), period="2024Q3").delete()
    DataValue.objects.create(
        element=element, division=Division.objects.at(miyi_code, 2024), period="2024Q3", value=70
    )
    rows = (
        api("planner")
        .get("/api/completeness/", {"division": panzhihua_code, "dataSet": data_set.code, "period": "2024Q3"})
        .json()
    )
    counties = len(Division.objects.valid_in(2024).filter(parent=panzhihua))
    assert len(rows) == counties == 2
    assert sum(r["expected"] for r in rows) == counties and sum(r["received"] for r in rows) == 1
    miyi = next(r for r in rows if r["division"] == miyi_code)
    # stored today, long after the quarter's deadline (2024-09-30 + 20 days): not on time
    assert miyi["share"] == 100.0 and miyi["on_time_share"] == 0.0
    bad = api("planner").get(
        "/api/completeness/", {"division": panzhihua_code, "dataSet": data_set.code, "period": "2024"}
    )
    assert bad.status_code == 400 and "period" in bad.json()
    page = web("planner").get(
        f"/datasets/{data_set.code}/completeness/", {"division": panzhihua_code, "period": "2024Q3"}
    )
    assert page.status_code == 200 and Division.objects.at(miyi_code, 2024).name in page.content.decode()


def test_approval_state_shows_on_data_pages_and_locks_the_form(web, users, codes):
    yanbian_code = codes["sibling"]
    yanbian = Division.objects.at(yanbian_code, 2023)
    client = web("planner")
    for township in approval.children(yanbian, 2023):
        approval.approve(township, 2023, users["planner"])
    approval.approve(yanbian, 2023, users["planner"])
    page = client.get("/datasets/county_health_yearly/entry/", {"division": yanbian_code, "period": "2023"})
    html = page.content.decode()
    assert 'id="approval-state"' in html and "hx-post" not in html
    refused = client.post(
        "/datasets/county_health_yearly/entry/field/",
        {"division": yanbian_code, "period": "2023", "field": "health_literacy", "value": "30"},
    )
    assert refused.status_code == 400 and "2023" in refused.content.decode()


def test_every_list_downloads_as_shown(web, users, region, codes):
    # a task of the city's plan led by the county's bureau, overdue by the demo's today (2025-10-15),
    # and one not overdue: the overdue filter keeps one row
    bureau = factories.unit("县卫生健康局", region["county"], members=[users["county"]])
    plan = factories.plan(region["city"])
    factories.task(plan, lead=[bureau], deadline=dt.date(2024, 6, 30))
    factories.task(plan, lead=[bureau], deadline=dt.date(2030, 12, 31))
    client = web("county")
    for url in (
        "/divisions/",
        "/plans/",
        "/approvals/",
        "/datasets/",
        "/ledger/",
        "/ledger/projects/",
        "/validation/",
    ):
        page = client.get(url)
        assert page.status_code == 200, url
        assert "format=xlsx" in page.content.decode(), url
        book = client.get(url, {"format": "xlsx"})
        assert book.status_code == 200 and book["Content-Type"].startswith("application/vnd.openxml"), url
        load_workbook(io.BytesIO(book.content))
        text = client.get(url, {"format": "csv"}).content.decode("utf-8-sig")
        assert text.strip(), url
    # within the user's scope (the county, not its sibling) and as filtered on the page
    tree = client.get("/divisions/", {"format": "csv"}).content.decode("utf-8-sig")
    assert region["county"].code in tree and codes["sibling"] not in tree
    shown = client.get("/ledger/", {"status": "overdue"}).content.decode()
    rows = client.get("/ledger/", {"status": "overdue", "format": "csv"}).content.decode("utf-8-sig")
    assert rows.count("\n") - 1 == shown.count("<tr") - 1 == 1


def test_the_data_set_list_shows_names_not_codes(web):
    import re

    html = web("planner").get("/datasets/").content.decode()
    text = re.sub(r"<[^>]+>", " ", html)  # what a reader sees, not links and tooltips
    assert "家庭医生" in text or "年度" in text
    for data_set in DataSet.objects.all():
        assert data_set.code not in text
        assert f'title="{data_set.code}"' in html  # the code is still there for whoever needs it


def test_a_page_with_a_period_of_the_wrong_type_says_why(web, codes):
    miyi_code = codes["county"]
    client = web("county")
    for page in ("entry", "completeness"):
        response = client.get(
            f"/datasets/family_doctor_quarterly/{page}/", {"division": miyi_code, "period": "202403"}
        )
        assert response.status_code == 400
        assert "期间 202403 不符" in response.content.decode() and "按季度填报" in response.content.decode()
    client.cookies["django_language"] = "en"
    response = client.get(
        "/datasets/family_doctor_quarterly/entry/", {"division": miyi_code, "period": "2024"}
    )
    assert response.status_code == 400
    assert (
        "The period 2024 does not fit" in response.content.decode()
        and "quarterly" in response.content.decode()
    )

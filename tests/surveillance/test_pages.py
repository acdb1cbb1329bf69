"""The pages: today's signals with filters, a signal with its chart data, the cases behind it, the
verification form, and the resources of its county; Chinese by default, English too."""

import datetime as dt
import json
import re

import pytest

from tests import factories
from tests.surveillance.conftest import cases
from tixi.surveillance import detection
from tixi.surveillance.models import Signal, SignalStatus

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


@pytest.fixture
def plague(townships):
    day = dt.date(2025, 10, 14)
    cases("plague", townships[0], [day, day], start=5)
    detection.scan(day, day, sources={"cases"}, codes={"plague"})
    return Signal.objects.get(code="plague")


def test_the_list_filters_by_county_status_and_overdue(web, plague, county, region):
    other_county = factories.division("990103000000", parent=region["city"])  # as 盐边 beside 米易
    page = web("cdc").get("/surveillance/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    html = page.content.decode()
    assert page.status_code == 200 and "鼠疫" in html and "预警信号" in html
    assert "待核实" in html
    assert "鼠疫" in web("cdc").get(f"/surveillance/?county={county.code}").content.decode()
    assert "鼠疫" not in web("cdc").get(f"/surveillance/?county={other_county.code}").content.decode()
    assert "鼠疫" not in web("cdc").get("/surveillance/?status=closed").content.decode()
    Signal.objects.filter(pk=plague.pk).update(verify_by=plague.raised_at - dt.timedelta(hours=1))
    overdue = web("cdc").get("/surveillance/?overdue=1").content.decode()
    assert "鼠疫" in overdue and "逾期" in overdue
    assert "鼠疫" not in web("dachuan").get("/surveillance/").content.decode()  # outside the scope


@pytest.fixture
def resources(region):
    """Infectious beds, negative-pressure ambulances, a fever clinic and a CDC in the signal's county,
    and a hospital of the other city (not the county's) with beds and a fever clinic of its own."""
    from tixi.registry.models import Department, DepartmentKind

    hospital = factories.institution(region["county"], name="测试县传染病医院")
    factories.yearly_report(hospital, 2024, infectious_beds=30, ambulances=3, negative_pressure_ambulances=2)
    factories.yearly_report(hospital, 2025, infectious_beds=40, ambulances=3, negative_pressure_ambulances=2)
    centre = factories.institution(region["township"], name="测试镇卫生院", type="township_health_centre")
    factories.yearly_report(centre, 2025, infectious_beds=4, ambulances=1, negative_pressure_ambulances=1)
    cdc = factories.institution(region["county"], name="测试县疾控中心", type="cdc", level=None)
    factories.yearly_report(cdc, 2025, public_health_physicians=7, health_technicians=21)
    Department.objects.create(institution=hospital, kind=DepartmentKind.FEVER_CLINIC)
    elsewhere = factories.institution(region["other_county"], name="测试外市医院")
    factories.yearly_report(elsewhere, 2025, infectious_beds=99, ambulances=5, negative_pressure_ambulances=5)
    Department.objects.create(institution=elsewhere, kind=DepartmentKind.FEVER_CLINIC)


def test_the_signal_page_shows_its_chart_cases_resources_and_verifies(web, plague, users, resources):
    page = web("cdc").get(f"/surveillance/signals/{plague.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    data = json.loads(
        re.search(r'<script id="chart-data" type="application/json">(.*?)</script>', html, re.S).group(1)
    )
    k = data["signal"]  # the signal's day; the chart goes on with the days since
    assert data["labels"][k] == "2025-10-14" and data["counts"][k] == 2 and data["alarms"][k] is True
    assert data["upper"][k] == 1.0 and k == len(data["labels"]) - 1  # nothing was loaded since
    assert html.count("Tplague") == 2  # the two cases behind the period
    assert "传染病床位" in html and "发热门诊" in html and "负压救护车" in html
    # the county's resources as of the signal's year (its latest reports), not another city's
    shown = re.sub(r"\s+", " ", html[html.index('id="resources"') :])
    assert "传染病床位：44" in shown and "测试县传染病医院 · 40" in shown and "测试镇卫生院 · 4" in shown
    assert "负压救护车：3" in shown and "测试县传染病医院 · 2" in shown
    assert "发热门诊：1" in shown and "测试县疾控中心 · 公共卫生医师 7 · 卫生技术人员 21" in shown
    assert "测试外市医院" not in shown
    assert 'id="verify-form"' in html and "<script>" not in html  # no inline script (CSP)
    # the method in words (R's names stay in the title, for replay); no step chosen for the analyst
    method = re.search(r'id="signal-method"[^>]*>(.*?)</p>', html, re.S).group(1)
    assert method.startswith("方法：固定阈值") and "阈值（例）" in method and "threshold" not in method
    assert '<option value="">请从下拉列表中选择</option>' in html
    assert "预期值" in html and "预期性" not in html  # the expected count, not a target's nature
    answer = web("cdc").post(
        f"/surveillance/signals/{plague.pk}/", {"status": "suspected", "note": "同户两例"}
    )
    assert answer.status_code == 302
    plague.refresh_from_db()
    assert plague.status == SignalStatus.SUSPECTED and plague.verified_by == users["cdc"]
    refused = web("cdc").post(f"/surveillance/signals/{plague.pk}/", {"status": "closed"}, follow=True)
    assert "不能转为" in refused.content.decode()
    assert (
        web("auditor").post(f"/surveillance/signals/{plague.pk}/", {"status": "discarded"}).status_code == 403
    )
    assert (
        'id="verify-form"' not in web("auditor").get(f"/surveillance/signals/{plague.pk}/").content.decode()
    )


def test_english_pages_have_no_chinese_chrome(web, plague):
    client = web("cdc")
    client.cookies["django_language"] = "en"
    html = client.get(f"/surveillance/signals/{plague.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Early warning signals" in html and "plague" in html.lower()
    assert "Cases behind this period" in html


def test_the_list_has_a_map_of_signals_per_county(web, plague, county):
    from tixi.geo.models import Boundary

    square = {"type": "Polygon", "coordinates": [[[101, 26], [102, 26], [102, 27], [101, 26]]]}
    Boundary.objects.update_or_create(division=county, defaults={"geometry": square})
    html = web("cdc").get("/surveillance/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    data = json.loads(
        re.search(r'<script id="signals-map-data" type="application/json">(.*?)</script>', html, re.S).group(
            1
        )
    )
    row = next(c for c in data["counties"] if c["code"] == county.code)
    assert (row["signals"], row["overdue"], row["geometry"]) == (1, 0, square)
    assert 'id="signals-map"' in html and "surveillance/signals.js" in html
    closed = web("cdc").get("/surveillance/?status=closed").content.decode()
    assert '"signals": 0' in closed or '"signals":0' in closed  # the map follows the filters
    script = (
        __import__("pathlib").Path(__file__).parents[2] / "tixi/surveillance/static/surveillance/signals.js"
    ).read_text()
    # every formatter escapes what it returns
    assert script.count("formatter:") == script.count("formatter: (p) =>") == 2
    assert "esc(p.name)" in script and "${c" not in script


def test_the_signal_tables_stack_on_a_phone(web, plague):
    html = web("cdc").get("/surveillance/").content.decode()
    assert '<table id="signals" class="stack"' in html and 'data-label="核实时限"' in html

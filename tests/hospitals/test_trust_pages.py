"""Hospital pages an official believes (issue 12 §3): the navigation's entry opens the institution
account's own hospital (it answered 404), values carry the indicator's decimals (not the engine's
"31.684 %"), and English pages name departments and list versions in English."""

import json
import re

import pytest

from tests.conftest import PANZHIHUA
from tixi.accounts.models import Role, User
from tixi.hospitals import names, targets, views
from tixi.indicators.models import Indicator
from tixi.registry.models import Institution

pytestmark = pytest.mark.django_db
OWN = "攀枝花市中心医院"  # the demo institution account's hospital


def test_the_institution_account_opens_its_own_hospital(web):
    client = web("institution")
    home = client.get("/", follow=True)
    assert 'href="/hospitals/"' in home.content.decode()  # the entry is in its navigation
    response = client.get("/hospitals/")
    own = Institution.objects.get(name=OWN)
    assert response.status_code == 302 and response["Location"] == f"/hospitals/{own.code}/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    # its breadcrumb does not send it to a region's ranking it may not read
    crumb = re.search(r'<nav class="breadcrumb".*?</nav>', page.content.decode(), re.S).group(0)
    assert "/hospitals/?division=" not in crumb and OWN in crumb
    # a region's ranking named outright stays refused
    assert client.get(f"/hospitals/?division={PANZHIHUA}&year=2024").status_code == 404


def test_staff_of_an_institution_that_is_no_hospital_are_told_why(client):
    centre = Institution.objects.filter(type="township_health_centre").first()
    staff = User.objects.create_user("centre-staff", password="x", role=Role.INSTITUTION)
    staff.scope_institutions.set([centre])
    client.force_login(staff)
    client.cookies["django_language"] = "zh-hans"
    page = client.get("/hospitals/")
    assert page.status_code == 200
    assert "您的权限范围内没有医院" in page.content.decode()


def test_the_ranking_and_funnel_use_the_indicators_decimals(web):
    client = web("planner")
    page = client.get(f"/hospitals/?division={PANZHIHUA}&year=2024&figure=level4_share")
    text = page.content.decode()
    funnel = json.loads(re.search(r'id="funnel-data"[^>]*>(.*?)</script>', text, re.S).group(1))
    decimals = lambda v: len(repr(v).split(".")[1]) if "." in repr(v) else 0  # noqa: E731
    assert decimals(funnel["overall"]) <= 1
    assert all(decimals(point[1]) <= 1 for point in funnel["points"])
    assert f"overall {funnel['overall']} %" in text or f"{funnel['overall']} %" in text
    ranked = [row["value"] for row in page.context["rows"] if row["value"] is not None]
    assert ranked and all(decimals(v) <= 1 for v in ranked)
    table = re.search(r'<table id="hospital-ranking"[^>]*>.*?</table>', text, re.S).group(0)
    cells = re.findall(
        r"<tr><td class=\"num\">\d+</td><td>.*?</td><td class=\"num\">\d</td><td class=\"num\">([^<]+)</td>",
        table,
    )
    assert cells and all(re.fullmatch(r"\d+\.\d", c) for c in cells)
    cmi = client.get(f"/hospitals/?division={PANZHIHUA}&year=2024&figure=cmi")
    assert all(decimals(r["value"]) <= 2 for r in cmi.context["rows"] if r["value"] is not None)


def test_the_figures_decimals_are_the_catalogues():
    for spec in targets.PUBLISHED:
        indicator = Indicator.objects.filter(numerator=f"#{{{spec.element}}}").first()
        if indicator is not None:
            assert views.DECIMALS[spec.figure] == indicator.decimals, spec.element


def test_english_pages_name_departments_and_versions_in_english(web):
    client = web("planner")
    own = Institution.objects.get(name=OWN)
    client.cookies["django_language"] = "en"
    text = client.get(f"/hospitals/{own.code}/?year=2024&department=内科").content.decode()
    departments = re.search(r'<table[^>]*id="hospital-departments".*?</table>', text, re.S).group(0)
    assert "Internal medicine" in departments and "内科" not in departments
    assert not re.search(
        r"[\u4e00-\u9fff]",
        departments.split("<tbody>")[1].split("</tbody>")[0] if "<tbody>" in departments else departments,
    )
    versions = re.search(r'<p class="muted" id="versions">.*?</p>', text, re.S).group(0)
    assert not re.search(r"[\u4e00-\u9fff]", versions) and "demo 2024" in versions
    assert "Stays of internal medicine, 2024" in text
    # the drill-down still finds the department by the word the records hold
    assert "department=%E5%86%85%E7%A7%91" in departments
    client.cookies["django_language"] = "zh-hans"
    text = client.get(f"/hospitals/{own.code}/?year=2024").content.decode()
    assert "内科" in text and "internal medicine" not in text and "演示2024" in text


def test_a_department_not_listed_shows_as_recorded():
    from django.utils import translation

    with translation.override("en"):
        assert names.department_name("内科") == "internal medicine"
        assert names.department_name("疼痛科") == "疼痛科"
        assert names.version_name("国临→医保2.0-5d523a2") == "clinical → insurance 2.0-5d523a2"
    with translation.override("zh-hans"):
        assert names.department_name("内科") == "内科" and names.version_name("演示2024") == "演示2024"


def test_the_trend_charts_axis_does_not_go_below_zero():
    # a static check of the chart script: a low-risk mortality of 0 drew an axis from -1
    from pathlib import Path

    script = (Path(views.__file__).parent / "static" / "hospitals" / "charts.js").read_text()
    trend = script.split("trendData", 1)[1].split("monthData")[0]
    assert "min: Math.max(0, Math.floor(Math.min(...all)" in trend

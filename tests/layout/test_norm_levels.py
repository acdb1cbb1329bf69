"""A norm is judged on the level it is set for, never on a place below it (issue 12 point 2): 攀枝花's
6.3 beds per 1,000 in its city-level public and large enterprise hospitals are the city's figure; a
county has none of those hospitals, so "required 1,495, actual 0, not met" on 米易县 is nonsense. On a
county such a norm shows without a status, saying why, on the page, its download and the CLI; on the
city it is judged as before."""

import io
import json

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from openpyxl import load_workbook

from tests import factories as f
from tixi.accounts.models import Role
from tixi.geo.models import Division
from tixi.layout.models import Norm
from tixi.layout.norms import as_json, gaps

YEAR = 2024
pytestmark = pytest.mark.without_demo


@pytest.fixture
def county(db):
    county = f.sample_county()  # 测试县 in 测试市
    f.peopled("990102001000", county, "甲镇", 50_000, YEAR)
    hospital = f.institution(
        county, name="测试县人民医院", type="general_hospital", level=2, operator="county"
    )
    f.yearly_report(hospital, YEAR, actual_beds=200)
    common = {"source": "测试", "clause": "测试条文", "version": "t", "basis": "P{}", "unit": "beds"}
    Norm.objects.create(
        code="t-city-beds",
        name="每千人口市级公立医院床位数",
        name_en="City-level public hospital beds per 1,000 population",
        region="990100",
        kind="per_population",
        level=2,
        measure="R{actual_beds: category=hospital & operator=city & ownership=public}",
        minimum=6.3,
        per=1000,
        **common,
    )
    Norm.objects.create(
        code="t-county-beds",
        name="每千人口医疗机构床位数",
        name_en="Beds per 1,000 population",
        region="990102",
        kind="per_population",
        level=3,
        measure="R{actual_beds}",
        minimum=5,
        per=1000,
        **common,
    )
    return county


def norms_of(code, language="zh-hans"):
    place = Division.objects.at(code, YEAR)
    with translation.override(language):
        return {n["code"]: n for n in as_json(place, YEAR, gaps(place, YEAR))["norms"]}


def test_a_citys_norm_is_not_judged_on_its_county_and_says_why(county):
    norms = norms_of("990102000000")
    city = norms["t-city-beds"]
    assert (city["passed"], city["required"], city["actual"], city["judged"]) == (None, None, None, 0)
    assert city["skipped"] == "按市一级整体设定（测试市），不在县（区）一级评判"
    english = norms_of("990102000000", "en")["t-city-beds"]
    assert english["skipped"] == "set for the city as a whole (Ceshi City), not judged on a county"
    # the county's own norm is judged on the county
    own = norms["t-county-beds"]
    assert (own["required"], own["actual"], own["passed"]) == (250, 200, False)


def test_on_the_city_itself_the_norm_is_judged(county):
    city = norms_of("990100000000")["t-city-beds"]
    assert not city["skipped"] and city["passed"] is False and city["required"] == 315


def test_a_countys_rate_is_not_judged_on_a_township(county):
    township = norms_of("990102001000")
    assert township["t-county-beds"]["passed"] is None
    assert (
        township["t-county-beds"]["skipped"] == "按县（区）一级整体设定（测试县），不在乡镇（街道）一级评判"
    )
    assert township["t-city-beds"]["skipped"].startswith("按市一级整体设定")


def client_for(county, language="zh-hans"):
    client = Client()
    client.cookies["django_language"] = language
    client.force_login(f.user(Role.PLANNER, divisions=[county]))
    return client


def test_the_page_and_its_download_show_it_without_a_status(county):
    url = f"/layout/{county.code}/gaps/?year={YEAR}"
    html = client_for(county).get(url).content.decode()
    row = html.split('data-norm="t-city-beds"')[1].split("</tr>")[0]
    assert "按市一级整体设定（测试市），不在县（区）一级评判" in row and "未达标" not in row
    english = client_for(county, "en").get(url).content.decode()
    row = english.split('data-norm="t-city-beds"')[1].split("</tr>")[0]
    assert "set for the city as a whole" in row and "not met" not in row
    book = load_workbook(io.BytesIO(client_for(county).get(url + "&format=xlsx").content))
    figures = dict(book["主要数据"].iter_rows(min_row=2, values_only=True))
    assert figures == {"适用的配置标准": 2, "已达标": 0, "未达标": 1, "未评判或无数据": 1}
    rows = list(book["配置标准"].iter_rows(values_only=True))
    written = dict(zip(rows[0], next(r for r in rows if r[0] == "每千人口市级公立医院床位数"), strict=True))
    assert written["结果"] == "按市一级整体设定（测试市），不在县（区）一级评判"
    assert written["应有"] is None and written["实际值"] is None


def test_the_cli_lists_it_without_a_status(county, capsys):
    call_command("layout", "gaps", "--division", "990102", "--year", str(YEAR), "--format", "json")
    row = next(n for n in json.loads(capsys.readouterr().out)["norms"] if n["code"] == "t-city-beds")
    assert row["passed"] is None and row["skipped"].startswith("按市一级整体设定")

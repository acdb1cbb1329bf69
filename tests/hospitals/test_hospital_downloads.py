"""The hospital ranking and the upcoding watch download what they show (issue 12 §3): the .xlsx and
.csv are written from the page's own table objects, open on its headline figures, carry numbers as
numbers with the indicator's decimals, are named after the place and the year, and hold no hospital the
page would not show (a county's administrator gets the county's hospital, not the city's).

On the kit: the city's central hospital (level 3) and the county's hospital (level 2), each with stays
in 2018 and 2019 and a one-DRG weight table."""

import io
from urllib.parse import unquote

import pytest
from openpyxl import load_workbook

from tests import factories as f
from tests.core.html_tables import assert_download_is_the_page
from tests.factories import client_of
from tests.hospitals.test_import import HEAD, run_import, write
from tixi.hospitals import importing

pytestmark = [pytest.mark.without_demo, pytest.mark.usefixtures("catalogue_once")]


def stays(code: str, year: int, n: int, surgery: int) -> list[str]:
    """n stays of March of `year`, the first `surgery` of them operated on."""
    rows = []
    for i in range(n):
        operated = i < surgery
        rows.append(
            f"{code},{code}-{year}-{i},{year}-03-01 08:00,{year}-03-0{2 + i % 5} 10:00,1,45,,K80.101,"
            f"I10.x00x002,{'51.2300' if operated else ''},{f'{year}-03-02' if operated else ''},"
            f"{'surgery' if operated else ''},1,0,1,1,1,12000.5,HC39"
        )
    return rows


@pytest.fixture
def hospitals(region, users, tmp_path):
    central = users["institution"].scope_institutions.get()
    county = f.institution(region["county"], name="测试县人民医院", level=2)
    lines = [HEAD]
    for year in (2018, 2019):
        f.yearly_report(central, year, actual_beds=50, approved_beds=50)
        f.yearly_report(county, year, actual_beds=20, approved_beds=20)
        lines += stays(central.code, year, 6, 4) + stays(county.code, year, 3, 1)
    assert run_import(write(tmp_path, lines)).ok
    importing.import_weights(
        "W-kit", write(tmp_path, ["drg,weight", "HC39,1.2"], "w.csv"), allow_missing=True
    )
    return {"central": central, "county": county}


def filename(response) -> str:
    return unquote(response["Content-Disposition"].split("filename*=utf-8''")[-1])


def sheets(response) -> dict:
    book = load_workbook(io.BytesIO(response.content))
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize("figure", ["surgery_share", "cmi"])
def test_the_ranking_downloads_what_it_shows(users, region, hospitals, language, figure):
    client = client_of(users["planner"], language)
    assert_download_is_the_page(
        client, f"/hospitals/?division={region['city'].code}&year=2019&figure={figure}"
    )


def test_the_ranking_workbook_opens_on_its_headline_figures(users, region, hospitals):
    client = client_of(users["planner"])
    path = f"/hospitals/?division={region['city'].code}&year=2019&figure=surgery_share"
    page = client.get(path)
    assert 'id="hospital-figures"' in page.content.decode() and 'class="export-bar"' in page.content.decode()
    response = client.get(path + "&format=xlsx")
    assert filename(response) == f"{region['city'].name}-2019-医院绩效-手术占比.xlsx"
    book = sheets(response)
    assert list(book) == ["主要数据", "排名"]
    # 4 of 6 and 1 of 3 stays operated on: 55.6 % over the nine
    assert book["主要数据"][1:] == [("医院数", 2), ("出院人次", 9), ("手术占比（全部医院）", 55.6)]
    heading, *rows = book["排名"]
    assert heading == ("排名", "医院", "等级", "手术占比", "出院人次", "手术占比", "平均住院日", "CMI")
    assert rows == [
        (1, "测试市中心医院", 3, 66.7, 6, 66.7, rows[0][6], 1.2),
        (2, "测试县人民医院", 2, 33.3, 3, 33.3, rows[1][6], 1.2),
    ]
    assert all(type(v) in (int, float) for row in rows for v in row[2:])
    cell = load_workbook(io.BytesIO(response.content))["排名"]["D2"]
    assert cell.number_format == "#,##0.0"


def test_a_county_downloads_its_own_hospitals_only(users, region, hospitals):
    county = client_of(users["county"])
    own = county.get(
        f"/hospitals/?division={region['county'].code}&year=2019&figure=surgery_share&format=xlsx"
    )
    assert [row[1] for row in sheets(own)["排名"][1:]] == ["测试县人民医院"]
    assert_download_is_the_page(county, f"/hospitals/?division={region['county'].code}&year=2019&figure=cmi")
    city = f"/hospitals/?division={region['city'].code}&year=2019&figure=surgery_share"
    assert county.get(city + "&format=xlsx").status_code == 404
    assert county.get(city + "&format=csv").status_code == 404


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_upcoding_watch_downloads_what_it_shows(users, region, hospitals, language):
    client = client_of(users["planner"], language)
    path = f"/hospitals/upcoding/?division={region['city'].code}&year=2019"
    assert_download_is_the_page(client, path)
    response = client.get(path + "&format=xlsx")
    book = sheets(response)
    if language == "zh-hans":
        assert filename(response) == f"{region['city'].name}-2019-高套编码监测.xlsx"
        assert book["主要数据"][1:] == [("比较的医院数", 2), ("被标记的医院数", 0)]
        heading, *rows = book["高套编码监测"]
        assert heading[:3] == ("医院", "上年 CMI", "本年 CMI")
    else:
        assert filename(response) == f"{region['city'].name}-2019-Upcoding-watch.xlsx"
        heading, *rows = book["Upcoding watch"]
    # the same weight both years: CMI 1.2 before and now, as numbers
    assert sorted(row[0] for row in rows) == ["测试县人民医院", "测试市中心医院"]
    assert all(row[1] == 1.2 and row[2] == 1.2 and row[3] == 0 for row in rows)


def test_a_county_downloads_its_own_upcoding_watch_only(users, region, hospitals):
    county = client_of(users["county"])
    path = f"/hospitals/upcoding/?division={region['county'].code}&year=2019"
    assert_download_is_the_page(county, path)
    rows = sheets(county.get(path + "&format=xlsx"))["高套编码监测"][1:]
    assert [row[0] for row in rows] == ["测试县人民医院"]
    city = f"/hospitals/upcoding/?division={region['city'].code}&year=2019&format=csv"
    assert county.get(city).status_code == 404


def test_the_upcoding_watch_of_a_year_with_no_weight_table_says_why(users, region, hospitals, monkeypatch):
    """The watch compares a year with the one before: where the figures cannot be loaded (no weight table,
    code list or division that year) the page answers 404, as the ranking does, never a 500."""
    from tixi.hospitals import figures

    def no_figures(division, year, *args, **kwargs):
        raise figures.FigureError("该年没有DRG权重表")

    monkeypatch.setattr(figures, "load", no_figures)
    planner = client_of(users["planner"])
    for path in ("/hospitals/upcoding/", "/hospitals/"):
        response = planner.get(path, {"division": region["city"].code, "year": 2019})
        assert response.status_code == 404

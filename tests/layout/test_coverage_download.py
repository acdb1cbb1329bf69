"""The access page downloads what it shows (issue 12 §3): its headline figures, residents within reach
(how many and what share), the EMS radii, each township's shares and the what-if's townships, from the
page's own table objects; numbers as numbers with the page's decimals, the file named after place and
year, and a user whose page is refused downloads nothing.

On the kit: the other county as nine square towns with an EMS station in the middle one
(tests/layout/test_ems_not_judged.py)."""

import io
from urllib.parse import unquote

import pytest
from openpyxl import load_workbook

from tests.core.html_tables import assert_download_is_the_page
from tests.factories import client_of
from tests.layout.test_ems_not_judged import COUNTY, YEAR
from tests.layout.test_ems_not_judged import county as county  # noqa: F401 (the fixture)

pytestmark = pytest.mark.without_demo
PAGE = f"/layout/{COUNTY}/coverage/?year={YEAR}"


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_download_is_the_page(users, county, language):  # noqa: F811
    client = client_of(users["dachuan"], language)
    assert_download_is_the_page(client, PAGE)
    assert_download_is_the_page(client, PAGE + "&whatif=1&kind=township&minutes=30&add=990203001000")


def test_numbers_as_numbers_named_after_place_and_year(users, county):  # noqa: F811
    response = client_of(users["dazhou"]).get(PAGE + "&format=xlsx")
    name = unquote(response["Content-Disposition"].split("filename*=utf-8''")[-1])
    assert name == f"{county.name}-{YEAR}-就医可及性.xlsx"
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["主要数据", "可及范围内的常住人口", "院前急救服务半径", "分乡镇（街道）"]
    figures = dict(list(book["主要数据"].iter_rows(values_only=True))[1:])
    heading, *towns = book["分乡镇（街道）"].iter_rows(values_only=True)
    assert figures["急救站点数"] == 1 and figures["常住人口"] == sum(t[1] for t in towns) > 0
    assert len(towns) == 9 and all(type(v) in (int, float) for t in towns for v in t[1:4])
    summary = list(book["可及范围内的常住人口"].iter_rows(values_only=True))
    assert summary[0][:4] == ("最近的机构", "机构数", "15 分钟内", "15 分钟内占比（%）")
    assert all(0 <= row[3] <= 100 and row[2] <= figures["常住人口"] for row in summary[1:])
    assert book["可及范围内的常住人口"]["D2"].number_format == "#,##0.0"


def test_a_user_whose_page_is_refused_downloads_nothing(users, county):  # noqa: F811
    city = client_of(users["planner"])
    for fmt in ("xlsx", "csv"):
        assert city.get(PAGE + f"&format={fmt}").status_code == 404

"""The siting page downloads what it shows (issue 12 §3): the answer's headline figures, its new sites,
the sweep k = 1..K and the scenarios saved, from the page's own table objects (the form that makes
projects of a scenario is the page's alone); numbers as numbers, the file named after place and year,
and a user whose page is refused downloads nothing.

On the kit: the other county as nine square townships with a village clinic each
(tests/layout/test_siting_scenarios.py)."""

import io
from urllib.parse import unquote

import pytest
from openpyxl import load_workbook

from tests.core.html_tables import assert_download_is_the_page
from tests.factories import client_of
from tests.layout.test_siting_scenarios import DACHUAN
from tests.layout.test_siting_scenarios import county as county  # noqa: F401 (the autouse fixture)

pytestmark = pytest.mark.without_demo
PAGE = f"/layout/{DACHUAN}/site/?year=2024"
ASKED = "&kind=township&k=2&minutes=30&candidates=10&sweep=2"


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_download_is_the_page(users, language):
    client = client_of(users["dazhou"], language)
    saved = client.post(
        f"/layout/{DACHUAN}/site/?year=2024",
        {
            "kind": "township",
            "k": "2",
            "minutes": "30",
            "candidates": "10",
            "name": "=两站",
            "action": "save",
        },
    )
    assert saved.status_code == 200
    assert_download_is_the_page(client, PAGE)  # the scenarios saved alone
    assert_download_is_the_page(client, PAGE + ASKED)


def test_numbers_as_numbers_named_after_place_and_year(users, county):  # noqa: F811
    client = client_of(users["dazhou"])
    response = client.get(PAGE + ASKED + "&format=xlsx")
    name = unquote(response["Content-Disposition"].split("filename*=utf-8''")[-1])
    assert name == f"{county.name}-2024-新址选择.xlsx"
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames[0] == "主要数据" and len(book.sheetnames) == 4
    figures = dict(list(book["主要数据"].iter_rows(values_only=True))[1:])
    assert figures["常住人口"] > figures["目前 30 分钟内可达"] > 0 and figures["新增覆盖人口"] > 0
    sheet = book.worksheets[1]
    heading, *sites = sheet.iter_rows(values_only=True)
    assert len(sites) == 2 and all(isinstance(s[3], float) and isinstance(s[4], float) for s in sites)
    assert sheet["D2"].number_format == "#,##0.0000"
    heading, *steps = book.worksheets[2].iter_rows(values_only=True)
    assert [s[0] for s in steps] == [1, 2] and steps[-1][1] == figures["新增覆盖人口"]


def test_a_user_whose_page_is_refused_downloads_nothing(users):
    city = client_of(users["planner"])
    for fmt in ("xlsx", "csv"):
        assert city.get(PAGE + ASKED + f"&format={fmt}").status_code == 404

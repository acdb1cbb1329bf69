"""A norm's page downloads what it shows (issue 12 §3): what the norm states and its revisions (who
changed what, when), from the page's own table objects; the revision a number, the time a date, the file
named after the region and the norm, and a reader whose page is refused downloads nothing.

On the kit: 攀枝花's beds norm moved to the kit's city as `kit-beds` (tests/layout/test_norm_writes.py)."""

import datetime as dt
import io
from urllib.parse import unquote

import pytest
from openpyxl import load_workbook

from tests.core.html_tables import assert_download_is_the_page
from tests.layout.test_norm_writes import norms as norms  # noqa: F401 (the autouse fixture)
from tests.layout.test_norm_writes import page_for
from tixi.layout.models import Norm

pytestmark = pytest.mark.without_demo
PAGE = "/layout/norms/kit-beds/"


def revise(users) -> None:
    values = {k: ("" if v is None else v) for k, v in Norm.objects.get(code="kit-beds").definition().items()}
    values["minimum"] = 8.7
    assert page_for(users["planner"]).post(PAGE, values).status_code == 302


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_download_is_the_page(users, language):
    revise(users)
    assert_download_is_the_page(page_for(users["planner"], language), PAGE)
    assert_download_is_the_page(page_for(users["county"], language), PAGE)  # no form: the same tables


def test_the_revisions_as_numbers_and_dates_named_after_region_and_norm(users, region):
    revise(users)
    response = page_for(users["planner"]).get(PAGE, {"format": "xlsx"})
    name = unquote(response["Content-Disposition"].split("filename*=utf-8''")[-1])
    norm = Norm.objects.get(code="kit-beds")
    assert name.startswith(f"{region['city'].name}-{norm.year}-") and name.endswith("-修订记录.xlsx")
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["配置标准", "修订记录"]
    facts = dict(list(book["配置标准"].iter_rows(values_only=True))[1:])
    assert facts["代码"] == "kit-beds" and facts["修订号"] == "2" and facts["原文"] == f"“{norm.clause}”"
    heading, *rows = book["修订记录"].iter_rows(values_only=True)
    assert [row[0] for row in rows] == [2, 1] and all(isinstance(row[1], dt.datetime) for row in rows)
    assert "8.6 → 8.7" in rows[0][4]


def test_a_reader_whose_page_is_refused_downloads_nothing(users):
    for fmt in ("xlsx", "csv"):
        assert page_for(users["dazhou"]).get(PAGE, {"format": fmt}).status_code == 404

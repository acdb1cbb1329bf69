"""The audit trail downloads what it shows (issue 12 §3): the page's table objects write the .xlsx and
.csv, opening on the headline figure (the entries filtered), named after the region, the page and the
period filtered, and a reader downloads only the entries their page would list: an auditor of the city
gets the city's, the other city's planner the other city's."""

import io
from urllib.parse import unquote

import pytest
from openpyxl import load_workbook

from tests.accounts.test_audit_page import changes  # noqa: F401 (the fixture)
from tests.core.html_tables import assert_download_is_the_page
from tests.factories import client_of

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_download_is_the_page(users, changes, language):  # noqa: F811
    assert_download_is_the_page(client_of(users["auditor"], language), "/audit/")
    assert_download_is_the_page(client_of(users["auditor"], language), "/audit/?object=审计")


def test_each_reader_downloads_the_entries_of_their_own_region(users, region, changes):  # noqa: F811
    since = changes[0].division.valid_from.isoformat()  # any date before today: the period is named
    objects = {}
    for role in ("auditor", "dazhou"):
        response = client_of(users[role]).get("/audit/", {"object": "审计", "since": since, "format": "xlsx"})
        name = unquote(response["Content-Disposition"].split("filename*=utf-8''")[-1])
        place = region["city" if role == "auditor" else "other_city"].name
        assert name == f"{place}-审计日志-{since}.xlsx"
        book = load_workbook(io.BytesIO(response.content))
        assert book.sheetnames == ["主要数据", "审计日志"]
        rows = list(book["审计日志"].iter_rows(values_only=True))
        assert list(book["主要数据"].iter_rows(values_only=True))[1:] == [("条目数", len(rows) - 1)]
        objects[role] = {row[4] for row in rows[1:]}
    assert "审计米易卫生院" in objects["auditor"] and "审计达川卫生院" not in objects["auditor"]
    assert objects["dazhou"] == {"审计达川卫生院"}


def test_without_a_period_the_file_is_dated_on_the_platforms_today(users, region, changes, settings):  # noqa: F811
    import datetime as dt

    settings.TIXI_TODAY = dt.date(2025, 10, 15)  # a demo's today, not the calendar's
    response = client_of(users["auditor"]).get("/audit/", {"format": "csv"})
    name = unquote(response["Content-Disposition"].split("filename*=utf-8''")[-1])
    assert name == f"{region['city'].name}-审计日志-2025-10-15.csv"

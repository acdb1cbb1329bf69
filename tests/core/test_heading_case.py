"""English headings start with a capital letter (issue 12, the English pages): a msgid that also serves
inside sentences ("population", "within 15 min", "onset date") headed its column in lower case, on the
page, in a phone's card, in the .xlsx and .csv. The Chinese stays as it is."""

import csv
import io

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import translation
from openpyxl import load_workbook

from tixi.core.exports import NUMBER, Column, Table, csv_bytes, xlsx_bytes

pytestmark = pytest.mark.without_demo


def table():
    t = Table(
        "t", [Column("population", kind=NUMBER), Column("within 15 min"), Column("CMI"), Column("人口")]
    )
    for _ in range(3):
        t.add(1, "a", "b", "c")
    return t


def test_english_headings_start_with_a_capital_on_the_page_and_in_downloads():
    with translation.override("en"):
        t = table()
        assert t.headings() == ["Population", "Within 15 min", "CMI", "人口"]
        html = render_to_string("core/_table.html", {"table": t})
        t.stack = True
        stacked = render_to_string("core/_table.html", {"table": t})
        sheet = load_workbook(io.BytesIO(xlsx_bytes([t]))).active
        written = [c.value for c in next(sheet.iter_rows(max_row=3)) if c.value]
        lines = list(csv.reader(io.StringIO(csv_bytes([t]).decode("utf-8-sig"))))
    assert '<th class="num">Population</th>' in html and "<th>Within 15 min</th>" in html
    assert 'data-label="Population"' in stacked
    assert "Population" in written
    assert any(line[:2] == ["Population", "Within 15 min"] for line in lines), lines


def test_chinese_headings_are_left_as_they_are():
    with translation.override("zh-hans"):
        t = Table("t", [Column("km数"), Column("人口")])
        assert t.headings() == ["km数", "人口"]


def test_the_plan_draft_s_headings_start_with_a_capital_in_english():
    source = '{% load i18n %}<th>{% translate "keep" as heading %}{{ heading|capfirst }}</th>'
    with translation.override("en"):
        assert Template(source).render(Context()) == "<th>Keep</th>"
    from pathlib import Path

    import tixi

    draft = (Path(tixi.__file__).parent / "ledger/templates/ledger/plan_draft.html").read_text()
    assert '<th>{% translate "keep" %}' not in draft and "heading|capfirst" in draft


def test_a_row_s_label_starts_with_a_capital_in_english():
    """The first cell names the row: an indicator's English name ("life expectancy"), a designation,
    a data set; in English it starts with a capital letter (page and download), the Chinese as it is."""
    from tixi.core.exports import Cell

    def table():
        t = Table("t", [Column("indicator"), Column("value", kind=NUMBER)])
        t.add("life expectancy", 78)
        t.add(Cell("in-county hospitalisation rate", href="/x/"), 91)
        t.add("人均预期寿命", 78)
        return t

    with translation.override("en"):
        t = table()
        html = render_to_string("core/_table.html", {"table": t})
        sheet = load_workbook(io.BytesIO(xlsx_bytes([t]))).active
    assert "<td>Life expectancy</td>" in html and '<a href="/x/">In-county hospitalisation rate</a>' in html
    assert "<td>人均预期寿命</td>" in html
    assert "Life expectancy" in [
        c.value for row in sheet.iter_rows() for c in row
    ]  # the download as the page
    with translation.override("zh-hans"):
        assert "<td>life expectancy</td>" in render_to_string("core/_table.html", {"table": table()})


def test_the_ledger_s_own_form_fields_start_with_a_capital_in_english():
    from tixi.ledger.forms import TaskForm, UnitForm

    with translation.override("en"):
        labels = [str(TaskForm.base_fields[n].label) for n in ("lead", "cooperating")]
        labels.append(str(UnitForm.base_fields["member_names"].label))
    assert labels == ["Lead units", "Cooperating units", "Members"]

"""The Word evaluation report reads as the commission would write it (Chinese throughout, charts with
their glyphs, a table that fits the page, values at the indicator's decimals, a section per area)."""

import io
import re
import warnings

import pytest
from django.utils import translation
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from tixi.indicators import reports
from tixi.indicators.models import Plan
from tixi.indicators.services import evaluate_plan

pytestmark = pytest.mark.django_db
ENGLISH = re.compile(r"[A-Za-z]{2,}")


@pytest.fixture(scope="module")
def dachuan(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), translation.override("zh-hans"):
        plan = Plan.objects.get(code="dachuan-14th-health")
        rows = evaluate_plan(plan, plan.region, 2023)
        docx = reports.evaluation_docx(plan, plan.region, 2023, rows)
        xlsx = reports.evaluation_xlsx(plan, plan.region, 2023, rows)
    return rows, Document(io.BytesIO(docx)), load_workbook(io.BytesIO(xlsx))


def all_text(document):
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return texts


def test_no_english_word_in_the_chinese_report(dachuan):
    _, document, _ = dachuan
    english = {w for t in all_text(document) for w in ENGLISH.findall(t)}
    assert english == set()
    assert document.paragraphs[0].text == "达州市达川区“十四五”卫生健康发展规划中期评估报告"


def test_charts_have_every_glyph():
    """Matplotlib warns "Glyph … missing from font(s)" when a label falls back to a Latin font."""
    row = {
        "label": "每千人口注册护士数(人)",
        "unit": "人",
        "decimals": 2,
        "series": {2020: 2.79, 2021: 3.0, 2022: 3.2},
        "trajectory_path": {2020: 2.79, 2025: 3.8},
        "target": 3.8,
        "kind": "value",
        "status": "at_risk",
    }
    with translation.override("zh-hans"), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reports._chart_png([row])
        reports._series_png(row)
    missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
    assert reports.cjk_font_name() == reports.CJK_FONT, "install fonts-noto-cjk (make browser)"
    assert missing == []


def test_table_fits_a_landscape_page(dachuan):
    _, document, _ = dachuan
    table = document.tables[0]
    section = document.sections[1]
    usable = section.page_width - section.left_margin - section.right_margin
    assert section.page_width > section.page_height  # landscape
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert len(grid) == 9 and sum(grid) * 635 <= usable  # twips → EMU
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"


def test_values_at_the_indicator_decimals(dachuan):
    rows, document, workbook = dachuan
    table = document.tables[0]
    for r, row in zip(rows, table.rows[1:], strict=True):
        for value, cell in (
            (r["baseline"], row.cells[3]),
            (r["trajectory"], row.cells[4]),
            (r["actual"], row.cells[5]),
        ):
            if value is not None:
                decimals = len(cell.text.partition(".")[2])
                assert decimals == r["decimals"], (r["label"], cell.text)
    sheet = workbook.active
    actual = sheet.cell(row=2, column=6)
    assert isinstance(actual.value, float) and actual.value == round(rows[0]["actual"], rows[0]["decimals"])


def test_a_section_per_area_in_prose(dachuan):
    rows, document, _ = dachuan
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    areas = list(dict.fromkeys(r["area"] for r in rows))
    assert headings == [f"{reports.chinese_numeral(i + 1)}、{a}" for i, a in enumerate(areas)]
    assert [reports.chinese_numeral(n) for n in (1, 10, 11, 20, 23)] == ["一", "十", "十一", "二十", "二十三"]
    text = "\n".join(p.text for p in document.paragraphs)
    for area in areas:
        assert f"{area}领域共" in text
    # the sentence of one target, from its evaluated row (the demo's values are synthetic)
    life = next(r for r in rows if r["label"].startswith("人均预期寿命"))
    sentence = f"人均预期寿命(岁)2023年为{life['actual']:.{life['decimals']}f}，目标为2025年≥78.2，"
    assert sentence in text
    rest = text.split(sentence, 1)[1].split("。", 1)[0] + "。"
    assert re.fullmatch(
        r"(已达成|进度正常|存在风险（还差 \d+\.\d\d 岁）|进度滞后（还差 \d+\.\d\d 岁）)。", rest
    ), rest


def test_font_registered_from_its_file_when_the_cache_lacks_it(monkeypatch):
    from matplotlib import font_manager

    without = [f for f in font_manager.fontManager.ttflist if f.name != reports.CJK_FONT]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", without)
    assert reports.cjk_font_name() == reports.CJK_FONT
    with translation.override("zh-hans"), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reports._chart_png([{"status": "achieved"}])
    assert [str(w.message) for w in caught if "missing from" in str(w.message)] == []


def test_a_contradiction_inside_the_seed_is_in_the_word_report_and_the_workbook(dachuan):
    """达川's smart-hospital stars: 第十一章 says 区人民医院 2 stars, Table 1 row 23 one with 1 star."""
    rows, document, workbook = dachuan
    noted = [r for r in rows if r.get("note")]
    assert noted
    paragraphs = [p.text for p in document.paragraphs]
    for r in noted:
        assert f"关于“{r['label']}”的说明：{r['note']}" in paragraphs
    sheet = workbook.active
    assert sheet.cell(row=1, column=10).value == "说明"
    for n, r in enumerate(rows, start=2):  # one line per target, in the order of the rows
        assert sheet.cell(row=n, column=2).value == r["label"]
        assert (sheet.cell(row=n, column=10).value or "") == (r.get("note") or "")

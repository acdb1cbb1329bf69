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
    sheet = workbook.worksheets[1]  # after the headline figures
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
    sentence = f"人均预期寿命(岁)2023年为{life['actual']:.{life['decimals']}f} 岁，目标为≥78.2 岁（2025年），"
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
    sheet = workbook.worksheets[1]  # after the headline figures
    assert sheet.cell(row=1, column=10).value == "说明"
    for n, r in enumerate(rows, start=2):  # one line per target, in the order of the rows
        assert sheet.cell(row=n, column=2).value == r["label"]
        assert (sheet.cell(row=n, column=10).value or "") == (r.get("note") or "")


def report_of(code, year=2025, language="zh-hans"):
    with translation.override(language):
        plan = Plan.objects.get(code=code)
        rows = evaluate_plan(plan, plan.region, year)
        return rows, Document(io.BytesIO(reports.evaluation_docx(plan, plan.region, year, rows)))


@pytest.mark.parametrize(
    "code",
    [
        "dazhou-2025-system",
        "panzhihua-14th-system",
        "bazhong-2025-hospitals",
        "dachuan-14th-health",
        "wushan-2027-system",
    ],
)
def test_every_seed_plan_reads_in_chinese_with_units(code):
    """Each plan's Chinese report: no English word but the seed's own (CMI), a value with its unit
    ("53.0%", "11 个"), the target then its year, a done-or-not goal as 已完成/未完成 (never "为0"),
    and a "新建 N 个" goal's gap in the new ones still to come."""
    rows, document = report_of(code)
    seed_words = {w for r in rows for w in ENGLISH.findall(r["label"] + r["clause"] + (r.get("note") or ""))}
    english = {w for t in all_text(document) for w in ENGLISH.findall(t)} - seed_words
    assert english == set(), english
    text = "\n".join(p.text for p in document.paragraphs)
    for r in rows:
        if r["actual"] is None:
            continue
        if reports.yes_no(r):
            state = "已完成" if r["actual"] >= 1 else "未完成"
            assert f"{r['label']}：2025年{state}" in text, r["label"]
            continue
        shown = reports.with_unit(reports.number_text(r["actual"], r["decimals"]), r["unit"] or "")
        assert f"{r['label']}2025年为{shown}，目标为" in text, r["label"]
        if r["unit"] == "%":
            assert shown.endswith("%")
        if r["kind"] == "new" and r["status"] != "achieved":
            assert r["gap"]["text"].startswith("还差") and r["gap"]["value"] == r["target"] - r["actual"]
    table_labels = [row.cells[1].text for row in document.tables[0].rows[1:]]
    for r, shown in zip(rows, table_labels, strict=True):
        unit = r["unit"] or ""
        assert unit in shown or reports.yes_no(r), shown  # the unit by the label: "社区医院（个）"


def test_the_english_report_speaks_english_but_for_the_plan_s_names():
    """The English report: indicator names in English, English units ("beds", not 张), words that fit
    their column; Chinese only in what the plan names (its title, areas, places, issuer) and the seed's
    words a note quotes, marked "Seed text:"."""
    rows, document = report_of("panzhihua-14th-system", language="en")
    plan = Plan.objects.get(code="panzhihua-14th-system")
    names = [plan.title, plan.region.name, plan.issuer, plan.document_number]
    names += [d.name for d in plan.region.children.all()]  # places: 东区 in "beds of 东区"
    names += [r["area"] for r in rows] + [r["institution"] for r in rows if r.get("institution")]
    # a note is ours and in English; the seed's words it quotes stay verbatim, after "Seed text:"
    names += [q for r in rows for q in re.findall(r"Seed text: ([^A-Za-z]*)", r.get("note_en") or "")]
    names += [r["note"] for r in rows if r.get("note") and not r.get("note_en")] + [
        r["label"] for r in rows if not r["indicator_name_en"]
    ]
    cjk = re.compile(r"[\u4e00-\u9fff]+")
    left = set()
    for t in all_text(document):
        for name in sorted(filter(None, names), key=len, reverse=True):
            t = t.replace(name, "")
        left.update(cjk.findall(t))
    assert left == set(), sorted(left)[:20]
    text = "\n".join(all_text(document))
    assert " beds to go" in text and " 张 " not in text
    widths = reports.COLUMN_WIDTHS_CM_EN
    assert abs(sum(widths) - sum(reports.COLUMN_WIDTHS_CM)) < 1e-9 and widths[2] >= 1.9  # "expected"


def test_the_report_table_shows_no_nature_the_seed_does_not_state():
    row = {
        "area": "医疗服务",
        "label": "县域内就诊率",
        "baseline": 80.0,
        "trajectory": None,
        "actual": 85.0,
        "target_text": "提高",
        "target_year": 2025,
        "status": "achieved",
        "gap": None,
        "no_data_reason": None,
        "decimals": 1,
    }
    with translation.override("zh-hans"):
        natures = [
            r[2] for r in reports._table_rows([{**row, "nature": n} for n in ("", "expected", "binding")])[1]
        ]
    assert natures == ["—", "预期性", "约束性"]


def test_a_count_s_chart_has_whole_ticks_and_ends_with_the_report_s_year():
    """攀枝花's "市疾控中心加强型生物安全二级水平实验室数（个）" went from 1 to 2: its axis read 1.00, 1.25,
    1.50 labs, and the 2024 report drew 2025 as well."""
    import matplotlib.pyplot as plt

    row = {
        "label": "市疾控中心加强型生物安全二级水平实验室数",
        "unit": "个",
        "decimals": 0,
        "series": {2020: 1, 2021: 1, 2022: 1, 2023: 2, 2024: 2, 2025: 2},
        "trajectory_path": {},
        "target": 2,
        "kind": "count",
        "status": "achieved",
    }
    with translation.override("zh-hans"), plt.rc_context(reports._figure_style()):
        figure = reports._series_figure(row, until=2024)
        axes = figure.axes[0]
        figure.canvas.draw()
        ticks = [t for t in axes.get_yticks() if axes.get_ylim()[0] <= t <= axes.get_ylim()[1]]
        drawn_years = list(axes.lines[0].get_xdata())
        plt.close(figure)
    assert ticks and all(t == int(t) for t in ticks), ticks
    assert drawn_years == [2020, 2021, 2022, 2023, 2024]
    # a rate keeps its decimals' ticks
    share = {
        **row,
        "decimals": 1,
        "series": {2020: 80.0, 2021: 80.5, 2022: 81.2},
        "target": 81.5,
        "kind": "value",
    }
    figure = reports._series_figure(share)
    assert any(t != int(t) for t in figure.axes[0].get_yticks())
    plt.close(figure)


def test_a_report_makes_two_figures_whatever_its_pictures(monkeypatch):
    """Issue 12: a figure per trend picture (136 for 攀枝花) was a third of the report's time; now one
    for the chart by status and one canvas for every trend picture, and none the second time."""
    from matplotlib.figure import Figure

    monkeypatch.setattr(reports, "_PNG_CACHE", type(reports._PNG_CACHE)())
    monkeypatch.setenv("TIXI_REPORT_WORKERS", "1")  # in this process, where the figures are counted
    made, making = [], Figure.__init__

    def counting(self, *args, **kwargs):
        made.append(self)
        return making(self, *args, **kwargs)

    monkeypatch.setattr(Figure, "__init__", counting)
    rows, document = report_of("dachuan-14th-health")
    pictures = len(document.inline_shapes)
    assert pictures > 50 and len(made) == 2
    made.clear()
    report_of("dachuan-14th-health")
    assert len(made) == 1

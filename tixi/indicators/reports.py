"""Mid-term and final evaluation reports (中期评估 / 终期评估): Word with charts, and the same table as .xlsx."""

import io

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from tixi.core.exports import safe_cells

STATUS_COLOURS = {
    "achieved": "D1FADF",
    "on_track": "E0F2FE",
    "at_risk": "FEF0C7",
    "off_track": "FEE4E2",
    "no_data": "EEF2F7",
}
CJK_FONT = "Noto Sans CJK SC"


def status_label(key: str) -> str:
    from tixi.indicators.views import STATUS_LABELS

    return str(STATUS_LABELS[key])


def report_kind(plan, year) -> str:
    return _("final evaluation") if year >= plan.period_end else _("mid-term evaluation")


def _table_rows(rows):
    header = [
        _("Area"),
        _("Indicator"),
        _("Nature"),
        _("Baseline"),
        _("Trajectory"),
        _("Actual"),
        _("Target"),
        _("Status"),
        _("Gap"),
    ]
    body = []
    for r in rows:
        body.append(
            [
                r["area"],
                r["label"],
                _("binding") if r["nature"] == "binding" else _("expected"),
                "" if r["baseline"] is None else f"{r['baseline']:g}",
                "" if r["trajectory"] is None else f"{r['trajectory']:g}",
                "" if r["actual"] is None else f"{r['actual']:g}",
                f"{r['target_text']} ({r['target_year']})",
                status_label(r["status"]),
                (r["gap"] or {}).get("text", "") or (r["no_data_reason"] or ""),
            ]
        )
    return header, body


def _chart_png(rows) -> bytes:
    """Status counts as a bar chart, with a CJK font when one is installed."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    if CJK_FONT in names:
        plt.rcParams["font.family"] = CJK_FONT
    keys = list(STATUS_COLOURS)
    counts = [sum(1 for r in rows if r["status"] == k) for k in keys]
    fig, ax = plt.subplots(figsize=(6, 2.6), dpi=150)
    ax.bar(
        [status_label(k) for k in keys],
        counts,
        color=[f"#{STATUS_COLOURS[k]}" for k in keys],
        edgecolor="#555",
    )
    for i, n in enumerate(counts):
        ax.text(i, n, str(n), ha="center", va="bottom")
    ax.set_ylabel(_("targets"))
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()


def _series_png(row) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    if CJK_FONT in {f.name for f in font_manager.fontManager.ttflist}:
        plt.rcParams["font.family"] = CJK_FONT
    years = [y for y, v in row["series"].items() if v is not None]
    fig, ax = plt.subplots(figsize=(5, 2.2), dpi=130)
    ax.plot(years, [row["series"][y] for y in years], marker="o", color="#0b6e4f", label=_("Actual"))
    path = row.get("trajectory_path") or {}
    if path:
        ax.plot(
            list(path),
            list(path.values()),
            "--",
            color="#b44d12",
            label=_("Trajectory"),
        )
    ax.set_title(row["label"], fontsize=9)
    ax.legend(fontsize=7)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()


def evaluation_docx(plan, division, year, rows) -> bytes:
    document = Document()
    style = document.styles["Normal"]
    style.font.name = CJK_FONT
    style.element.rPr.rFonts.set(qn("w:eastAsia"), CJK_FONT)
    style.font.size = Pt(10.5)
    kind = report_kind(plan, year)
    title = document.add_heading(f"{plan.title}{kind}{_('report')}", level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(
        f"{division.name} · {_('Year')} {year} · {plan.issuer} {plan.document_number}"
    ).alignment = WD_ALIGN_PARAGRAPH.CENTER
    counts = {k: sum(1 for r in rows if r["status"] == k) for k in STATUS_COLOURS}
    document.add_heading(_("Summary"), level=1)
    document.add_paragraph(
        _(
            "Of %(total)s targets, %(achieved)s are achieved, %(on_track)s on track, %(at_risk)s at risk, "
            "%(off_track)s off track and %(no_data)s without data."
        )
        % {"total": len(rows), **counts}
    )
    achieved = [r["label"] for r in rows if r["status"] == "achieved"]
    behind = [r for r in rows if r["status"] in ("off_track", "at_risk")]
    if achieved:
        document.add_paragraph(_("Achievements: ") + "；".join(achieved[:12]))
    if behind:
        document.add_paragraph(
            _("Gaps: ")
            + "；".join(
                f"{r['label']}（{(r['gap'] or {}).get('text', status_label(r['status']))}）"
                for r in behind[:12]
            )
        )
    document.add_picture(io.BytesIO(_chart_png(rows)))
    document.add_heading(_("Indicators"), level=1)
    header, body = _table_rows(rows)
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for values, r in zip(body, rows, strict=True):
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
        run = cells[7].paragraphs[0].runs[0] if cells[7].paragraphs[0].runs else None
        if run is not None and r["status"] in ("off_track", "at_risk"):
            run.font.color.rgb = RGBColor(0x91, 0x20, 0x18)
    for area in dict.fromkeys(r["area"] for r in rows):
        document.add_heading(area or _("Other"), level=1)
        for r in [r for r in rows if r["area"] == area]:
            line = (
                f"{r['label']}：{_('Actual')} {r['actual'] if r['actual'] is not None else '—'}，{_('Target')} "
                f"{r['target_text']}（{r['target_year']}），{status_label(r['status'])}。"
            )
            document.add_paragraph(line, style="List Bullet")
            if len([v for v in r["series"].values() if v is not None]) >= 2:
                document.add_picture(io.BytesIO(_series_png(r)))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def evaluation_xlsx(plan, division, year, rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(year)
    sheet.append(safe_cells([f"{plan.title} · {division.name} · {year}"], sheet))
    sheet["A1"].font = Font(bold=True, size=13)
    header, body = _table_rows(rows)
    sheet.append(header)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for values, r in zip(body, rows, strict=True):
        sheet.append(safe_cells(values, sheet))
        sheet.cell(row=sheet.max_row, column=8).fill = PatternFill(
            "solid", fgColor=STATUS_COLOURS[r["status"]]
        )
    for column, width in zip("ABCDEFGHI", (14, 44, 8, 10, 10, 10, 14, 10, 50), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

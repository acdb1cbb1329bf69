"""Mid-term and final evaluation reports (中期评估 / 终期评估): Word with charts, and the same table as .xlsx.

The report reads as a commission writes it: a summary, the indicator table (landscape, so that it fits
the page), then a section per area in prose with the charts of its indicators. Values carry the
indicator's decimals; charts use a CJK font registered from its file, so every label has its glyphs."""

import copy
import functools
import hashlib
import io
import json
import logging
import os
import subprocess
import sys
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor

from django.utils.translation import get_language
from django.utils.translation import gettext as _
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, RGBColor

from tixi.core.exports import NUMBER, Cell, Column, Table, printable, xlsx_bytes
from tixi.core.word import WordDocument
from tixi.indicators.areas import area_label, note_text
from tixi.indicators.engine import charts
from tixi.indicators.engine.charts import CJK_FONT, CJK_FONT_FILES, cjk_font_name  # noqa: F401 (their home)

log = logging.getLogger(__name__)

STATUS_COLOURS = {
    "achieved": "D1FADF",
    "on_track": "E0F2FE",
    "at_risk": "FEF0C7",
    "off_track": "FEE4E2",
    "no_data": "EEF2F7",
    "not_judged": "FFFFFF",
}
CHINESE_DIGITS = "零一二三四五六七八九"


def chinese_numeral(number: int) -> str:
    """1..99 as a heading counts them: 一, 十, 十一, 二十, 二十三."""
    tens, units = divmod(number, 10)
    if not tens:
        return CHINESE_DIGITS[units]
    return (CHINESE_DIGITS[tens] if tens > 1 else "") + "十" + (CHINESE_DIGITS[units] if units else "")


# Column widths (cm) of the indicator table on a landscape A4 page with 2 cm margins (25.7 cm).
COLUMN_WIDTHS_CM = (2.4, 6.2, 1.5, 1.8, 1.8, 1.8, 2.9, 1.9, 5.4)
# English words do not break between characters: wider nature, trajectory and status columns.
COLUMN_WIDTHS_CM_EN = (2.2, 5.6, 1.9, 1.8, 2.1, 1.8, 2.9, 2.0, 5.4)


def status_label(key: str) -> str:
    from tixi.indicators.views import STATUS_LABELS

    return str(STATUS_LABELS[key])


def report_kind(plan, year) -> str:
    return _("final evaluation") if year >= plan.period_end else _("mid-term evaluation")


def number_text(value, decimals: int) -> str:
    """A value at the indicator's decimals, with thousands separators; "—" when there is none."""
    if value is None:
        return "—"
    return f"{value:,.{decimals}f}"


# Units written against the number ("53.0%", "3.06‰", "1.2/10万"); the others after a space ("11 个").
UNITS_AGAINST_THE_NUMBER = ("%", "％", "‰")


def with_unit(text: str, unit: str) -> str:
    """A number (or a target such as "≥100" or "5–8") followed by its unit, once."""
    from tixi.indicators.services import unit_label

    unit = unit_label(unit) if unit not in UNITS_AGAINST_THE_NUMBER else unit
    if not unit or text == "—" or not text[-1:].isdigit():
        return text
    if unit in UNITS_AGAINST_THE_NUMBER or unit.startswith("/"):
        return f"{text}{unit}"
    return f"{text} {unit}"


def yes_no(row) -> bool:
    """A goal met or not (是=1): read as done / not done, never as "0"."""
    return "是=1" in (row.get("indicator_name") or "") or "是=1" in row.get("label", "")


def english() -> bool:
    return not (get_language() or "").startswith("zh")


def label_of(row) -> str:
    """The target's label: the seed's words in Chinese; in English the indicator's English name (with
    the hospital a target names), the seed's words where the catalogue has none."""
    if english() and row.get("indicator_name_en"):
        name = row["indicator_name_en"]
        return f"{name}: {row['institution']}" if row.get("institution") else name
    return row["label"]


def labelled(row) -> str:
    """The indicator's label with its unit where the label does not say it: "社区医院（个）"."""
    from tixi.indicators.services import unit_label

    unit, label = unit_label(row.get("unit") or ""), label_of(row)
    if not unit or unit in label or yes_no(row):
        return label
    return f"{label} ({unit})" if english() else f"{label}（{unit}）"


def rounded(value, decimals: int):
    return None if value is None else round(value, decimals)


def _header():
    return [
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


def _table_rows(rows):
    """The table as values: numbers stay numbers, rounded to each indicator's decimals."""
    body = []
    for r in rows:
        decimals = r.get("decimals", 2)
        body.append(
            [
                area_label(r["area"]),
                r["label"],
                {"binding": _("binding"), "expected": _("expected")}.get(r["nature"], "—"),
                rounded(r["baseline"], decimals),
                rounded(r["trajectory"], decimals),
                rounded(r["actual"], decimals),
                _("%(target)s (%(year)s)") % {"target": r["target_text"], "year": r["target_year"]},
                status_label(r["status"]),
                (r["gap"] or {}).get("text", "") or (r["no_data_reason"] or ""),
            ]
        )
    return _header(), body


def _figure_style():
    return charts.figure_style()


def _png(fig) -> bytes:
    """The figure as PNG, drawn and encoded once: margins are set before (`charts.fit_margins`), as no
    layout engine may be left on the figure (Matplotlib then draws it twice to save it)."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()


def _chart_png(rows) -> bytes:
    """Targets by status as a bar chart."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with plt.rc_context(_figure_style()):
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
        ax.set_title(_("Targets by status"), fontsize=10)
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()  # one picture a report: laid out by Matplotlib, then no engine left to redraw it
        fig.set_layout_engine(None)
        return _png(fig)


def _series_spec(row, until: int | None = None) -> dict:
    """What a trend picture shows, in the report's language: the indicator's values by year up to the
    report's year (`until`) at its decimals, its trajectory and its target (`charts.series_figure`)."""
    decimals = row.get("decimals", 2)
    years = [y for y, v in row["series"].items() if v is not None and (until is None or int(y) <= until)]
    values = [row["series"][y] for y in years]
    has_target = row.get("target") is not None and row.get("kind") in ("value", "count")
    return {
        "title": labelled(row),
        "years": years,
        "values": values,
        "value_labels": [number_text(v, decimals) for v in values],
        "path": list((row.get("trajectory_path") or {}).items()),
        "target": row["target"] if has_target else None,
        "whole": decimals == 0,
        "actual": _("Actual"),
        "trajectory": _("Trajectory"),
        "target_label": _("Target"),
        "xlabel": _("Year"),
    }


def _series_figure(row, until: int | None = None, on=None):
    """The indicator's trend picture as a figure (drawn on `on`, a figure and its cleared axes, when
    given)."""
    return charts.series_figure(_series_spec(row, until), on=on)


def _series_png(row, until: int | None = None, canvas=None) -> bytes:
    """A trend picture as PNG; drawn on `canvas` (a `SeriesCanvas`) when given, on a figure of its own
    otherwise."""
    if canvas is not None:
        return canvas.png(row, until)
    from matplotlib import rc_context

    with rc_context(_figure_style()):
        return _png(_series_figure(row, until))


# The trend pictures last drawn, by what they show (a report downloaded again, or another report with
# the same indicator, draws none of its pictures anew): about 35 KB each.
PNG_CACHE_SIZE = 512
_PNG_CACHE: OrderedDict[str, bytes] = OrderedDict()
_CACHE_LOCK = threading.Lock()
# A report with at least this many pictures still to draw draws them in worker processes, one per
# core (at most PICTURE_WORKERS; TIXI_REPORT_WORKERS overrides, 1: in this process).
PARALLEL_FROM = 24
PICTURE_WORKERS = 4


def _spec_key(spec: dict) -> str:
    shown = {"size": charts.SERIES_SIZE, "font": cjk_font_name(), **spec}
    return hashlib.sha256(json.dumps(shown, sort_keys=True, default=str).encode()).hexdigest()


def _cached(key: str) -> bytes | None:
    with _CACHE_LOCK:
        if key in _PNG_CACHE:
            _PNG_CACHE.move_to_end(key)
            return _PNG_CACHE[key]
    return None


def _keep(key: str, png: bytes) -> None:
    with _CACHE_LOCK:
        _PNG_CACHE[key] = png
        while len(_PNG_CACHE) > PNG_CACHE_SIZE:
            _PNG_CACHE.popitem(last=False)


def picture_workers() -> int:
    configured = os.environ.get("TIXI_REPORT_WORKERS", "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    return max(
        1, min(PICTURE_WORKERS, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)
    )


def series_pngs(specs: list[dict]) -> list[bytes]:
    """The trend pictures of `specs` as PNG, in order: from the cache, the others drawn on one canvas,
    or, when many are left and the machine has cores, in worker processes each drawing every n-th."""
    keys = [_spec_key(s) for s in specs]
    found = [_cached(k) for k in keys]
    missing = [i for i, png in enumerate(found) if png is None]
    workers = min(picture_workers(), len(missing) // (PARALLEL_FROM // 2) or 1)
    todo = [specs[i] for i in missing]
    if workers > 1 and len(missing) >= PARALLEL_FROM:
        drawn = _draw_in_workers(todo, workers)
    else:
        drawn = charts.draw_many(todo)
    for i, png in zip(missing, drawn, strict=True):
        found[i] = png
        _keep(keys[i], png)
    return found


def _draw_in_workers(specs: list[dict], workers: int) -> list[bytes]:
    """Every `workers`-th picture in each of `workers` fresh Python processes running the drawing
    engine alone (`python -m tixi.indicators.engine.charts`: no fork of this process, whose threads
    may hold locks, and no re-import of its main module); drawn here if one fails."""
    chunks = [specs[i::workers] for i in range(workers)]

    def draw(chunk):
        completed = subprocess.run(
            [sys.executable, "-m", "tixi.indicators.engine.charts"],
            input=json.dumps(chunk).encode(),
            capture_output=True,
            check=True,
            timeout=600,
        )
        return charts.unframe(completed.stdout)

    try:
        with ThreadPoolExecutor(max_workers=workers) as threads:
            parts = list(threads.map(draw, chunks))
    except (OSError, subprocess.SubprocessError, ValueError) as error:
        log.warning("Drawing the report's pictures in this process: %s", error)
        return charts.draw_many(specs)
    drawn = [b""] * len(specs)
    for i, part in enumerate(parts):
        if len(part) != len(chunks[i]):
            return charts.draw_many(specs)
        drawn[i::workers] = part
    return drawn


class SeriesCanvas:
    """One figure for the trend pictures drawn one by one (`charts.Canvas`), with the cache."""

    def __init__(self):
        self.canvas = charts.Canvas()

    def png(self, row, until: int | None = None) -> bytes:
        spec = _series_spec(row, until)
        key = _spec_key(spec)
        png = _cached(key)
        if png is None:
            png = self.canvas.png(spec)
            _keep(key, png)
        return png


def _a4(section, landscape=False):
    long, short = Cm(29.7), Cm(21.0)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0) if landscape else Cm(2.5))


def _counts(rows) -> dict:
    return {k: sum(1 for r in rows if r["status"] == k) for k in STATUS_COLOURS}


def target_sentence(r, year) -> str:
    """One target as the commission writes it: value, target, status and what is left to do."""
    decimals = r.get("decimals", 2)
    if r["actual"] is None:
        return _("%(label)s: no value for %(year)s (%(reason)s).") % {
            "label": label_of(r),
            "year": year,
            "reason": r["no_data_reason"] or status_label("no_data"),
        }
    if yes_no(r):
        values = {
            "label": label_of(r),
            "state": _("done") if r["actual"] >= 1 else _("not done"),
            "year": year,
            "target_year": r["target_year"],
            "status": status_label(r["status"]),
        }
        if not r.get("deadline_stated", True):
            return _("%(label)s: %(state)s in %(year)s (the plan gives no year): %(status)s.") % values
        return _("%(label)s: %(state)s in %(year)s, to be done by %(target_year)s: %(status)s.") % values
    unit = r.get("unit") or ""
    values = {
        "label": label_of(r),
        "actual": with_unit(number_text(r["actual"], decimals), unit),
        "year": year,
        "target": with_unit(r["target_text"], unit),
        "target_year": r["target_year"],
        "status": status_label(r["status"]),
        "gap": ((r["gap"] or {}).get("text") or "").rstrip("。."),
    }
    if values["gap"] and r["status"] != "achieved":
        return (
            _(
                "%(label)s was %(actual)s in %(year)s, against a target of %(target)s by %(target_year)s: %(status)s (%(gap)s)."
            )
            % values
        )
    return (
        _(
            "%(label)s was %(actual)s in %(year)s, against a target of %(target)s by %(target_year)s: %(status)s."
        )
        % values
    )


def area_summary(area, rows) -> str:
    counts = _counts(rows)
    return _(
        "%(area)s has %(total)s targets: %(achieved)s achieved, %(on_track)s on track, "
        "%(at_risk)s at risk, %(off_track)s off track and %(no_data)s without data."
    ) % {"area": area, "total": len(rows), **counts}


def _printable(value):
    """A row's texts without what XML cannot hold (a control character pasted into a label or a
    name made python-docx refuse the whole report)."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {key: _printable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_printable(item) for item in value)
    return value


def evaluation_docx(plan, division, year, rows) -> bytes:
    plan, division = copy.copy(plan), copy.copy(division)
    # the title in the report's language (display_title), the Chinese original in brackets under it
    title, original = printable(plan.display_title), printable(plan.original_title)
    plan.title, plan.issuer = printable(plan.title), printable(plan.display_issuer)
    plan.document_number, division.name = printable(plan.document_number), printable(division.display_name)
    rows = [_printable(r) for r in rows]
    document = WordDocument()
    _a4(document.sections[0])
    kind = report_kind(plan, year)
    document.heading(_("%(plan)s: %(kind)s report") % {"plan": title, "kind": kind}, 0, centred=True)
    if original:
        document.paragraph(f"({original})", centred=True)
    document.paragraph(
        " · ".join(
            part
            for part in (
                division.name,
                _("year %(year)s") % {"year": year},
                plan.issuer,
                plan.document_number,
            )
            if part
        ),
        centred=True,
    )
    counts = _counts(rows)
    document.heading(_("Summary"), level=1)
    document.paragraph(
        _(
            "Of %(total)s targets, %(achieved)s are achieved, %(on_track)s on track, %(at_risk)s at risk, "
            "%(off_track)s off track and %(no_data)s without data."
        )
        % {"total": len(rows), **counts}
    )
    achieved = [label_of(r) for r in rows if r["status"] == "achieved"]
    behind = [r for r in rows if r["status"] in ("off_track", "at_risk")]
    if achieved:
        document.paragraph(_("Achievements: %(list)s.") % {"list": _("; ").join(achieved[:12])})
    if behind:
        gaps = _("; ").join(
            _("%(label)s (%(gap)s)")
            % {
                "label": label_of(r),
                "gap": ((r["gap"] or {}).get("text") or status_label(r["status"])).rstrip("。."),
            }
            for r in behind[:12]
        )
        document.paragraph(_("Gaps: %(list)s.") % {"list": gaps})
    document.picture(_chart_png(rows), width=Cm(14))

    # The table on a landscape page of its own, every column of a fixed width that adds up to the page.
    landscape = document.add_section()
    _a4(landscape, landscape=True)
    document.heading(_("Indicators"), level=1)
    widths = [Cm(w) for w in (COLUMN_WIDTHS_CM_EN if english() else COLUMN_WIDTHS_CM)]
    grid = document.table(report_table(rows), widths=widths, text=_report_cell, font_size=9)
    for added, r in zip(grid.rows[1:], rows, strict=True):
        runs = added.cells[7].paragraphs[0].runs
        if runs and r["status"] in ("off_track", "at_risk"):
            runs[0].font.color.rgb = RGBColor(0x91, 0x20, 0x18)

    # A section per area: a summary, a sentence per target and the charts of its indicators.
    portrait = document.add_section()
    _a4(portrait)
    document.heading(_("Progress by area"), level=1)
    # the trend pictures first, all at once (cached, or drawn on one canvas or in worker processes)
    charted = [  # a chart of a done-or-not goal's 0 and 1 tells nothing the sentence does not
        r for r in rows if len([v for v in r["series"].values() if v is not None]) >= 2 and not yes_no(r)
    ]
    pictures = dict(
        zip(map(id, charted), series_pngs([_series_spec(r, until=year) for r in charted]), strict=True)
    )
    for number, area in enumerate(dict.fromkeys(r["area"] for r in rows), start=1):
        in_area = [r for r in rows if r["area"] == area]
        name = area_label(area) or _("Other")
        chinese = get_language().startswith("zh") and number < 100
        numeral = chinese_numeral(number) if chinese else str(number)
        document.heading(_("%(numeral)s. %(area)s") % {"numeral": numeral, "area": name}, level=2)
        document.paragraph(area_summary(name, in_area))
        document.paragraph(" ".join(target_sentence(r, year) for r in in_area))
        for r in in_area:  # a contradiction inside the seed that affects the target, in its words
            if r.get("note"):
                document.paragraph(
                    _("Note on %(label)s: %(note)s")
                    % {"label": label_of(r), "note": note_text(r["note"], r.get("note_en", ""))}
                )
        for r in in_area:
            if id(r) in pictures:
                document.picture(pictures[id(r)], width=Cm(13))
    return document.bytes()


def report_table(rows) -> Table:
    """The Word report's indicator table: the scorecard's columns less its note, the label with its
    unit; each row's item is its result (for its decimals)."""
    header, body = _table_rows(rows)
    columns = [Column(h, kind=NUMBER if i in (3, 4, 5) else "text") for i, h in enumerate(header)]
    table = Table(_("Indicators"), columns)
    for values, r in zip(body, rows, strict=True):
        table.add(*values[:1], labelled(r), *values[2:], item=r)
    return table


def _report_cell(value, column, row) -> str:
    if column.kind == NUMBER:
        return number_text(value, row.item.get("decimals", 2))
    return str(value)


def evaluation_table(plan, division, year, rows, link=None) -> Table:
    """The indicator table of a plan for a division and year, as the scorecard page shows it, its
    downloads write it and the Word report's workbook holds it. `link(row)`: the page's link of an
    indicator (to its ranking)."""
    header, body = _table_rows(rows)
    english = not (get_language() or "").startswith("zh")
    number = functools.partial(Column, kind=NUMBER)
    # the baseline's year, which the page showed under each value and the downloads lost: in the
    # heading when the targets share one ("基期值（2020年）", a plan pack's baseline_year), else a
    # column of its own beside the value (targets edited to different years)
    years = sorted({r["baseline_year"] for r in rows if r.get("baseline_year")})
    baseline_heading = _("Baseline (%(year)s)") % {"year": years[0]} if len(years) == 1 else header[3]
    year_column = [Column(_("baseline year"), width=8, css="nowrap")] if len(years) > 1 else []
    columns = [
        # on the page the area keeps a few characters a line and the nature (预期性) one line: they
        # wrapped one character a line at 1,280 px beside the long indicator names (screenshot pass #10)
        Column(header[0], width=14, css="area"),
        Column(header[1], width=44),
        Column(header[2], width=8, css="nowrap"),
        number(baseline_heading, width=12),
        *year_column,
        number(header[4], width=10),
        number(header[5], width=10),
        # the target breaks before its year, not inside it (≥0.14 / （2025 / 年） at 1,280 px: journey17)
        Column(header[6], width=14, css="keep"),
        Column(header[7], width=10),
        Column(header[8], width=50),
        Column(_("Note"), width=60),
    ]
    table = Table(
        f"{division.display_name} {year}", columns, html_id="scorecard", actions="indicators/_trend.html"
    )
    table.actions_heading = _("Trend")
    for values, r in zip(body, rows, strict=True):
        decimals = r.get("decimals", 2)
        label = r.get("indicator_name_en") if english and r.get("indicator_name_en") else values[1]
        no_year = (
            ""
            if r.get("deadline_stated", True)
            else _("The seed gives no year; evaluated at the plan's last year.")
        )
        table.add(
            values[0],
            Cell(label, href=link(r) if link else "", title=r.get("clause", ""), note=no_year),
            values[2],
            Cell(values[3], decimals=decimals),
            *([r.get("baseline_year") or ""] if year_column else []),
            Cell(values[4], decimals=decimals),
            Cell(values[5], decimals=decimals),
            values[6],
            Cell(values[7], css=f"status {r['status']}", title=str(r.get("rule") or "")),
            values[8],
            note_text(r.get("note") or "", r.get("note_en") or ""),
            item=r,
        )
    return table


def headline_table(rows) -> Table:
    """The scorecard's headline figures: how many targets are achieved, on track, at risk, off
    track, without data and not judged, as the page's line shows them and its downloads' first sheet
    writes them."""
    table = Table(_("Headline figures"), [Column(_("Figure")), Column(_("Value"), kind=NUMBER)])
    for key, n in _counts(rows).items():
        table.add(Cell(status_label(key), css=f"status {key}"), n)
    return table


def evaluation_xlsx(plan, division, year, rows) -> bytes:
    """The headline figures, then the indicator table: the scorecard page's first two sheets."""
    return xlsx_bytes([headline_table(rows), evaluation_table(plan, division, year, rows)])

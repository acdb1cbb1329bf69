import numbers

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag(takes_context=True)
def export_links(context):
    """'Download: Excel · CSV' for the page's tables, with the page's own filters."""
    request = context["request"]
    links = []
    for fmt, label in (("xlsx", "Excel"), ("csv", "CSV")):
        query = request.GET.copy()
        query["format"] = fmt
        links.append(
            format_html(
                '<a href="?{}" class="export-{}" data-no-export>{}</a>', query.urlencode(), fmt, label
            )
        )
    return format_html(
        '<span class="export-links" data-no-export>{} {}</span>',
        _("Download:"),
        format_html(" · ".join(["{}"] * len(links)), *links),
    )


@register.simple_tag
def colon():
    """The colon after a label: full width in Chinese ("牵头单位：…"), ": " in English. A label's
    colon written in a template (`{% translate "Lead units" %}: `) stays half width on a Chinese page."""
    # the same word as Django's forms' label suffix (`label_tag`), which Django's own Chinese leaves
    # half width: this catalogue gives it full width for both
    suffix = _(":")
    return suffix if suffix != ":" else ": "


@register.simple_tag
def bracketed(value):
    """A figure in brackets after a label: " (2025)" on an English page, "（2025）" on a Chinese one,
    whose running text takes full-width brackets (the ranking's target year, a heading's count)."""
    template = _("(%(text)s)")
    template = template if template != "(%(text)s)" else " " + template
    before, _sep, after = template.partition("%(text)s")
    return format_html("{}{}{}", before, value, after)


@register.filter
def grouped(value):
    """1322151 → "1,322,151", 1234.5 → "1,234.5": thousands separators, the value's own decimals kept."""
    if isinstance(value, bool) or not isinstance(value, numbers.Number):
        return value
    return f"{value:,}"


@register.filter
def whole(value):
    """248850.0 → "248,850": an amount shown to the unit, with thousands separators."""
    if isinstance(value, bool) or not isinstance(value, numbers.Number):
        return value
    return f"{round(value):,}"


@register.filter
def percent(value):
    """12.5 → "12.5%", None → "—" (not "—%": a share not computed carries no unit)."""
    if value is None or value == "":
        return "—"
    return f"{grouped(value)}%"


@register.filter
def local_name(thing, fallback=""):
    """A catalogue entry's name in the page's language: `name_en` on English pages when it has one."""
    if thing is None:
        return fallback
    english = getattr(thing, "name_en", "") if not (get_language() or "").startswith("zh") else ""
    return english or getattr(thing, "name", "") or fallback


def _cell_text(value, column, decimals) -> str:
    import datetime as dt

    if value is None or value == "":
        return "—" if column.kind != "text" or value is None else ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, numbers.Number):
        return f"{value:,.{decimals}f}" if decimals is not None else grouped(value)
    return str(value)


@register.simple_tag
def cell_html(cell, column):
    """A value of a `tixi.core.exports.Table` as the page shows it (thousands separators, the
    column's decimals, dates as 2024-06-30, "—" for nothing), with the link, badge and muted note
    only the page has (marked data-no-export)."""
    from tixi.core.exports import Cell

    extra = cell if isinstance(cell, Cell) else Cell(cell)
    decimals = extra.decimals if extra.decimals is not None else column.decimals
    text = _cell_text(extra.value, column, decimals)
    if "\n" in text:  # a value of several lines (a list of sentences): one line each
        body = format_html_join(mark_safe("<br>\n"), "{}", ((line,) for line in text.split("\n")))
    else:
        body = format_html("{}", text)
    if extra.css:  # inside the link: a linked name keeps its class (the norm's name on the gaps page)
        body = format_html('<span class="{}">{}</span>', extra.css, body)
    if extra.href:
        body = format_html('<a href="{}">{}</a>', extra.href, body)
    if extra.badge:
        body = format_html('{} <span class="badge synthetic" data-no-export>{}</span>', body, extra.badge)
    if extra.note:
        body = format_html('{}<br><span class="muted" data-no-export>{}</span>', body, extra.note)
    if extra.links:
        links = format_html_join(" · ", '<a href="{}">{}</a>', ((href, text) for text, href in extra.links))
        body = format_html('{}<br><small class="links" data-no-export>{}</small>', body, links)
    return body


@register.filter
def stacks(table) -> bool:
    """Whether a table reads better on a phone as one block of "heading: value" lines per row: a
    table of words (tasks, plans, targets) does; a table of figures (years, divisions) scrolls."""
    from tixi.core.exports import NUMBER

    if getattr(table, "stack", None) is not None:  # the page says
        return table.stack
    numbers = sum(1 for c in table.columns if c.kind == NUMBER)
    return len(table.columns) >= 5 and numbers * 3 <= len(table.columns)


@register.simple_tag
def table_cell(cell, columns, index, stacked=False):
    """One <td> of a `tixi.core.exports.Table`; in a stacked table it carries its heading (a phone
    shows it before the value)."""
    from tixi.core.exports import DATE, NUMBER, Cell

    column = columns[index]
    title = cell.title if isinstance(cell, Cell) else ""
    classes = " ".join(filter(None, ({NUMBER: "num", DATE: "date"}.get(column.kind, ""), column.css)))
    kind = format_html(' class="{}"', classes) if classes else ""
    body = cell_html(cell, column)
    if stacked and not body:
        # a phone shows the heading before the value: never a heading with nothing beside it
        body = format_html('<span class="muted" data-no-export>{}</span>', _("none"))
    return format_html(
        "<td{}{}{}>{}</td>",
        mark_safe(kind),
        format_html(' data-label="{}"', column.heading) if stacked else "",
        format_html(' title="{}"', title) if title else "",
        # one flex item beside the heading: a value and its note or badge stay together
        format_html("<span>{}</span>", body) if stacked and body else body,
    )

import numbers

from django import template
from django.utils.html import format_html
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


@register.filter
def grouped(value):
    """1322151 → "1,322,151", 1234.5 → "1,234.5": thousands separators, the value's own decimals kept."""
    if isinstance(value, bool) or not isinstance(value, numbers.Number):
        return value
    return f"{value:,}"


@register.filter
def local_name(thing, fallback=""):
    """A catalogue entry's name in the page's language: `name_en` on English pages when it has one."""
    if thing is None:
        return fallback
    english = getattr(thing, "name_en", "") if not (get_language() or "").startswith("zh") else ""
    return english or getattr(thing, "name", "") or fallback

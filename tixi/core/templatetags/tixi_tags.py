import numbers

from django import template
from django.utils.html import format_html
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


@register.simple_tag(takes_context=True)
def place_picker(context, name, code="", label=None):
    """Choose a place by name: a search box over the divisions the user sees (city, county, township),
    each with its parent where names repeat; static/tixi/places.js puts the chosen one's code in the
    hidden field. A 12-digit code typed in still works."""
    import datetime as dt

    from django.utils.html import format_html_join

    from tixi.geo.models import Division

    request = context["request"]
    year = context.get("year") if isinstance(context.get("year"), int) else dt.date.today().year
    places = list(
        Division.objects.visible_to(request.user)
        .valid_in(year)
        .filter(level__lte=4)
        .select_related("parent")
        .order_by("path")
    )
    counts: dict[str, int] = {}
    for place in places:
        counts[place.name] = counts.get(place.name, 0) + 1

    def shown(place):
        if counts[place.name] > 1 and place.parent is not None:
            return f"{place.name}（{place.parent.name}）"
        return place.name

    code = str(code or "")
    current = next((shown(p) for p in places if p.code == code), code)
    field = f"place-{name}"
    return format_html(
        '<label>{label}<input type="search" list="{field}-options" value="{current}" data-place-picker="{field}" '
        'data-unknown="{unknown}" placeholder="{placeholder}" autocomplete="off" size="16"></label>'
        '<input type="hidden" name="{name}" id="{field}" value="{code}">'
        '<datalist id="{field}-options">{options}</datalist>',
        label=label or _("Place"),
        field=field,
        current=current,
        unknown=_("Choose a place from the list, or type its 12-digit code."),
        placeholder=_("name of the place"),
        name=name,
        code=code,
        options=format_html_join(
            "", '<option value="{}" data-code="{}">{}</option>', ((shown(p), p.code, p.code) for p in places)
        ),
    )


@register.filter
def local_name(thing, fallback=""):
    """A catalogue entry's name in the page's language: `name_en` on English pages when it has one."""
    from django.utils.translation import get_language

    if thing is None:
        return fallback
    english = getattr(thing, "name_en", "") if not (get_language() or "").startswith("zh") else ""
    return english or getattr(thing, "name", "") or fallback

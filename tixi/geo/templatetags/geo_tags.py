"""Template tags of places: the division picker (geo owns divisions)."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from tixi.core import clock
from tixi.geo.models import Division

register = template.Library()


@register.simple_tag(takes_context=True)
def place_picker(context, name, code="", label=None):
    """Choose a place by name: a search box over the divisions the user sees (city, county, township),
    each with its parent where names repeat; static/tixi/places.js puts the chosen one's code in the
    hidden field. A 12-digit code typed in still works."""
    request = context["request"]
    year = context.get("year") if isinstance(context.get("year"), int) else clock.today().year
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

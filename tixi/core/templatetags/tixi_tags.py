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

"""The access page's tables on a phone (issue 12, 390 px in English): the residents within 15, 30 and
60 minutes stood off-screen at the right of a table that scrolled sideways; now a card per kind of
facility and per EMS radius, every figure in view. Laid out by Chromium with the site's stylesheet
(tests/core/test_layout_in_browser.py), no server."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from tests.core.test_layout_in_browser import browser, lines_of  # noqa: F401 (the fixture)
from tixi.layout.views import coverage_tables

pytestmark = pytest.mark.without_demo

MINUTES = ["15", "30", "60"]
DATA = {
    "population": 1_318_197,
    "minutes": MINUTES,
    "bed_access": {"per_1000": 6.05},
    "ems": {
        "stations": 58,
        "inside": 1_201_334,
        "rows": [{"km": km, "within": 1_006_053, "share": 76.3} for km in (5, 10, 20)],
    },
}
KINDS = [
    {
        "key": key,
        "label": label,
        "facilities": facilities,
        "rows": [
            {"minutes": m, "within": 1_136_904, "share": 86.2, "below": 1_119_887, "above": 1_152_233}
            for m in MINUTES
        ],
    }
    for key, label, facilities in (
        ("primary", "any primary care", 512),
        ("township", "a township or community health centre", 51),
        ("hospital", "a hospital or county sub-centre (level 2 or above)", 20),
    )
]

# the rightmost edge of any cell of the table, and whether the table scrolls sideways
EDGE_JS = """
(selector) => [...document.querySelectorAll(selector)].map((table) => [
  Math.max(...[...table.querySelectorAll('td, th')].filter((c) => c.offsetParent !== null)
    .map((c) => c.getBoundingClientRect().right)),
  table.scrollWidth - table.clientWidth,
])
"""


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_residents_within_reach_are_in_view_on_a_phone(browser, language):  # noqa: F811
    with translation.override(language):
        tables = coverage_tables(DATA, KINDS, [], None)
        body = "".join(render_to_string("core/_table.html", {"table": t}) for t in tables[1:3])
    html = f'<!doctype html><html lang="{language}"><head><link rel="stylesheet" href="x.css"></head><body><main>{body}</main></body></html>'
    found = lines_of(browser, html, 390, "#coverage-summary, #ems-radius", EDGE_JS)
    assert len(found) == 2
    for right, scrolls in found:
        assert right <= 390 and scrolls <= 0, found
    found = lines_of(browser, html, 1280, "#coverage-summary thead th", None)
    assert len(found) == 2 + 2 * len(MINUTES)  # a table still on a wide screen

"""The siting map's pins: two sites in one town are fanned out side by side, numbered in order, instead
of one pin hiding the other (siting.js, run in Debian's Chromium)."""

from pathlib import Path

import pytest

from tests.core.test_browser import CHROMIUM, REQUIRED

SITING_JS = Path(__file__).resolve().parents[2] / "tixi" / "layout" / "static" / "layout" / "siting.js"

pytestmark = [pytest.mark.browser, pytest.mark.without_demo]


@pytest.fixture(scope="module")
def fan():
    if not Path(CHROMIUM).exists():
        if REQUIRED:
            pytest.fail("Debian's chromium is required (TIXI_REQUIRE_BROWSER=1) but missing")
        pytest.skip("chromium is not installed (make browser installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.set_content(f"<script>{SITING_JS.read_text()}</script>")
        yield lambda points, near=24, step=22: page.evaluate(
            "([points, near, step]) => window.tixiFanOffsets(points, near, step)", [points, near, step]
        )
        browser.close()


def test_two_pins_in_one_place_are_fanned_out_by_number(fan):
    assert fan([[100, 100], [103, 101]]) == [[-11, 0], [11, 0]]
    assert fan([[100, 100], [100, 100], [100, 100]]) == [[-22, 0], [0, 0], [22, 0]]


def test_pins_apart_stay_where_they_are_and_chains_join_one_fan(fan):
    assert fan([[0, 0], [300, 0], [0, 300]]) == [[0, 0], [0, 0], [0, 0]]
    # 1 near 3, 3 near 2 (but 1 not near 2): one fan of three, west to east as their points lie
    offsets = fan([[100, 100], [140, 100], [120, 100], [400, 400]])
    assert offsets == [[-22, 0], [22, 0], [0, 0], [0, 0]]
    assert fan([None, [5, 5]]) == [[0, 0], [0, 0]]  # a point off the map is left alone

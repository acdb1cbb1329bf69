"""The allocation norms page on a phone (390 px, Debian's Chromium): one card per norm, nothing wider
than the screen, in Chinese and English; on a wide screen still a table."""

import pytest

from tests.core.test_browser import ARGS, CHROMIUM, logged_in, server  # noqa: F401 (the fixture)

PAGES = ("/layout/510400000000/gaps/?year=2024", "/layout/511703000000/gaps/?year=2024")


@pytest.mark.browser
def test_gaps_page_is_one_card_per_norm_on_a_phone(server):  # noqa: F811
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for language in ("zh-hans", "en"):
            page = logged_in(browser, server, "planner", language, width=390)
            for path in PAGES:
                page.goto(server + path)
                assert page.evaluate("document.documentElement.scrollWidth") <= 390, (language, path)
                assert not page.locator("#norm-gaps thead").is_visible()
                card = page.locator('#norm-gaps tr[data-norm="pzh-emergency-observation-beds"]')
                if card.count():
                    box = card.locator("td.lacking").bounding_box()
                    assert box["width"] > 300  # who lacks it: the card's full width, not off-screen
        page = logged_in(browser, server, "planner", "en", width=1280)
        page.goto(server + PAGES[0])
        assert page.locator("#norm-gaps thead").is_visible()
        browser.close()

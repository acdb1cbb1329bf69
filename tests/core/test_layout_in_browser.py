"""What the screenshot pass saw, measured in a real browser without a server: a page rendered by the
test client, with the stylesheet put inline, laid out by Chromium at a phone's or a desktop's width.
A word that should stay on one line is one line box.

Session 14's pass: the division tree's names stood one character a line at 390 px (攀/枝/花/市 beside
the fold button), the scorecard's nature (预期性) one character a line at 1,280 px (#10 of session 13)."""

import re
import shutil
from pathlib import Path

import pytest

from tests import factories as f
from tixi.indicators.models import Indicator, Target

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CSS = Path(__file__).resolve().parents[2] / "tixi" / "core" / "static" / "tixi" / "tixi.css"
pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]

# each element's text and the number of lines it takes
LINES_JS = """
(selector) => [...document.querySelectorAll(selector)].map((el) => {
  // the most lines any one of the element's texts takes (a button beside a name is not a second line)
  let most = 0;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    most = Math.max(most, tops.size);
  }
  return [el.innerText.trim(), most];
})
"""


@pytest.fixture
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed")
    return CHROMIUM


def lines_of(chromium: str, html: str, width: int, selector: str, script: str | None = None) -> list:
    """Lay the page out at `width` with the site's stylesheet (scripts left out: no server to load
    them from) and count the lines of each element `selector` finds. The browser starts here, after
    the database work: Playwright's loop would make Django refuse queries as from async code."""
    from playwright.sync_api import sync_playwright

    html = re.sub(r'<link rel="stylesheet"[^>]*>', f"<style>{CSS.read_text(encoding='utf-8')}</style>", html)
    html = re.sub(r"<script\b[^>]*>.*?</script>", "", html, flags=re.S)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.set_content(html, wait_until="load")
        found = page.evaluate(script or LINES_JS, selector)
        browser.close()
    return found


def page_html(web, path, **query) -> str:
    response = web("planner").get(path, query)
    assert response.status_code == 200
    return response.content.decode()


def test_the_division_trees_names_stay_on_one_line_on_a_phone(web, region, browser):
    region["city"].name = "攀枝花市"
    region["city"].save()
    region["county"].name = "米易县"
    region["county"].save()
    region["township"].name = "攀莲镇"
    region["township"].save()
    found = lines_of(browser, page_html(web, "/divisions/"), 390, "#division-tree tbody td:first-child")
    names = {text.strip("▾▸ "): lines for text, lines in found}
    assert {"攀枝花市", "米易县", "攀莲镇"} <= set(names)
    assert {name: lines for name, lines in names.items() if lines > 1} == {}


@pytest.mark.usefixtures("catalogue_once")
def test_the_scorecards_nature_and_area_do_not_stand_one_character_a_line(web, region, browser):
    plan = f.plan(region["city"], code="kit-layout-plan")
    for order, (label, area) in enumerate(
        [("每千人口医疗卫生机构床位数（张）", "床位和人力配置"), ("人均预期寿命（岁）", "健康水平")], start=1
    ):
        Target.objects.create(
            plan=plan, order=order, label=label, indicator=Indicator.objects.get(code="life_expectancy"),
            division=region["city"], target_year=2025, target_value=80, area=area, nature="expected",
            clause=label + "达到80", note="第三章第二节写6.3张为“市级公立医院及大企业医院”（含企业医院），表1写“市办公立医院”" * 2,
        )  # fmt: skip
    html = page_html(web, "/plans/kit-layout-plan/", year=2023)
    natures = lines_of(browser, html, 1280, "#scorecard tbody td:nth-child(3)")
    assert [n for n in natures if n[0] == "预期性"] and all(lines == 1 for _, lines in natures)
    areas = lines_of(browser, html, 1280, "#scorecard tbody td:nth-child(1)")
    assert areas and all(len(text) / lines >= 3 for text, lines in areas), areas


@pytest.mark.usefixtures("catalogue_once")
def test_the_scorecards_headings_stay_on_one_line_at_1280_and_fit_a_phone(web, region, browser):
    """基期值（2020年） stood on three lines at 1,280 px (基期值 / （2020 / 年）), squeezed by the notes and the
    trend (journey17): every heading is one line there, in Chinese and English; at 390 px the rows are
    cards whose labels wrap inside the screen (no sideways scrolling)."""
    plan = f.plan(region["city"], code="kit-heading-plan")
    for order, label in enumerate(["每千人口医疗卫生机构床位数（张）", "人均预期寿命（岁）"], start=1):
        Target.objects.create(
            plan=plan, order=order, label=label, indicator=Indicator.objects.get(code="life_expectancy"),
            division=region["city"], target_year=2025, target_value=80, baseline_year=2020,
            baseline_value=78.5, area="床位和人力配置", nature="expected", clause=label + "达到80",
            note="第三章第二节写6.3张为“市级公立医院及大企业医院”（含企业医院），表1写“市办公立医院”" * 2,
        )  # fmt: skip
    for language, baseline in (("zh-hans", "基期值（2020年）"), ("en", "Baseline (2020)")):
        client = web("planner")
        client.cookies["django_language"] = language
        html = client.get("/plans/kit-heading-plan/", {"year": 2023}).content.decode()
        headings = lines_of(browser, html, 1280, "#scorecard thead th")
        assert baseline in [text for text, _lines in headings], (language, headings)
        assert [(text, lines) for text, lines in headings if lines > 1] == [], language
        # and the table fits the window: a column kept from breaking (a gap's long sentence with
        # word-break keep-all) pushed the page sideways
        wide = lines_of(browser, html, 1280, "html", "() => [[document.documentElement.scrollWidth, 0]]")
        assert wide[0][0] <= 1280, (language, wide)
        # the target (≥80（2025年）) breaks before its year at most, not inside it (（2025 / 年）)
        targets = lines_of(browser, html, 1280, "#scorecard tbody td:nth-child(7)")
        assert targets and all(lines <= 2 for _text, lines in targets), (language, targets)
        wide = lines_of(browser, html, 390, "html", "() => [[document.documentElement.scrollWidth, 0]]")
        assert wide[0][0] <= 390, (language, wide)


# how far each element's text starts from the element's own left edge, in pixels
INDENT_JS = """
(selector) => [...document.querySelectorAll(selector)].map((el) => {
  const range = document.createRange();
  range.selectNodeContents(el);
  return [el.innerText.trim(), Math.round(range.getBoundingClientRect().left - el.getBoundingClientRect().left)];
})
"""


def test_an_empty_lists_word_reads_from_the_left_on_a_phone(web, region, browser):
    """A stacked table's empty row (no heading of its own) stood at the right edge at 390 px: "None." under
    'Sub-tasks (0)' and the validation list (session 14's pass)."""
    html = page_html(web, "/validation/", year=2024)
    found = lines_of(browser, html, 390, "#findings tbody td[colspan]", INDENT_JS)
    assert found and all(indent <= 10 for _, indent in found), found

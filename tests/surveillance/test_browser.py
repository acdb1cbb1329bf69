"""The surveillance pages in a real browser (Debian's Chromium, driven by Playwright) on a demo of their
own: the signals map's county names never overlap (ECharts' labelLayout hideOverlap; the same view
without it does overlap, so the check can fail), and clicking a point of a case series' chart lists the
cases behind that period."""

import datetime as dt
import json
import re

import pytest

from tests.core.test_browser import ARGS, CHROMIUM, TIXI, demo_of_its_own
from tixi.ops.loadtest import start_server, stop_server

# the map's region labels as drawn: text elements shown (not hidden by the label layout), in page pixels
VISIBLE_LABELS = """(names) => {
  const chart = echarts.getInstanceByDom(document.getElementById("signals-map"));
  const out = [];
  for (const d of chart.getZr().storage.getDisplayList(true)) {
    if (!["text", "tspan"].includes(d.type) || d.ignore || d.invisible || !names.includes(d.style.text)) continue;
    const r = d.getBoundingRect().clone();
    r.applyTransform(d.getComputedTransform());
    out.push([d.style.text, r.x, r.y, r.width, r.height]);
  }
  return out;
}"""


LABEL_STYLES = """(names) => {
  const chart = echarts.getInstanceByDom(document.getElementById("signals-map"));
  return chart.getZr().storage.getDisplayList(true)
    .filter((d) => ["text", "tspan"].includes(d.type) && !d.ignore && !d.invisible && names.includes(d.style.text))
    .map((d) => [d.style.fill || "", d.style.stroke || "", d.style.lineWidth || 0]);
}"""


def contrast(one: str, other: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours (1 when either is not one)."""

    def luminance(colour):
        channels = [int(colour[k : k + 2], 16) / 255 for k in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    if not (re.fullmatch(r"#[0-9a-fA-F]{6}", one) and re.fullmatch(r"#[0-9a-fA-F]{6}", other)):
        return 1.0
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def overlapping(labels) -> list[tuple[str, str]]:
    pairs = []
    for i, (a, ax, ay, aw, ah) in enumerate(labels):
        for b, bx, by, bw, bh in labels[i + 1 :]:
            if ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah:
                pairs.append((a, b))
    return pairs


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    var, env = demo_of_its_own(tmp_path_factory)
    with open(var / "serve.log", "w") as log:
        process, port = start_server(TIXI, env, log, ["--no-access-log"])
        yield f"http://127.0.0.1:{port}"
        stop_server(process)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def logged_in(browser, server, width, height=900):
    page = browser.new_page(viewport={"width": width, "height": height}, locale="zh-CN")
    page.goto(f"{server}/login/")
    page.fill("#id_username", "cdc")
    page.fill("#id_password", "tixi-demo")
    page.click("#login-button")
    page.wait_for_load_state("networkidle")
    return page


@pytest.mark.browser
@pytest.mark.parametrize("width", [720, 1280])
def test_the_signals_map_names_never_overlap(browser, server, width):
    page = logged_in(browser, server, width)
    page.goto(f"{server}/surveillance/?status=all")
    page.wait_for_selector("#signals-map[data-rendered='1'] canvas", timeout=30000)
    names = [c["name"] for c in json.loads(page.locator("#signals-map-data").text_content())["counties"]]
    assert len(names) >= 3
    assert page.get_attribute("#signals-map", "data-labels") == "true"  # names are shown at this width
    shown = page.evaluate(VISIBLE_LABELS, names)
    assert shown, "no county name drawn"
    assert overlapping(shown) == []
    # every name readable on the darkest red too: dark text in a white halo (contrast >= 7 against it)
    for fill, halo, width in page.evaluate(LABEL_STYLES, names):
        assert width >= 2 and contrast(fill, halo) >= 7, (fill, halo, width)
    # crowd the map (larger names): some are hidden rather than drawn over each other
    page.evaluate(
        """() => echarts.getInstanceByDom(document.getElementById("signals-map"))
             .setOption({ series: [{ label: { fontSize: 64 } }] })"""
    )
    page.wait_for_timeout(300)
    crowded = page.evaluate(VISIBLE_LABELS, names)
    assert overlapping(crowded) == [] and len(crowded) < len(names)
    # the same crowded view without the label layout overlaps: the check above can fail
    page.evaluate(
        """() => echarts.getInstanceByDom(document.getElementById("signals-map"))
             .setOption({ series: [{ labelLayout: { hideOverlap: false } }] })"""
    )
    page.wait_for_timeout(300)
    assert overlapping(page.evaluate(VISIBLE_LABELS, names))
    page.close()


@pytest.mark.browser
def test_clicking_a_point_of_a_case_series_lists_its_cases(browser, server):
    page = logged_in(browser, server, 1280)
    page.goto(f"{server}/surveillance/?status=all")
    links = page.eval_on_selector_all(
        "#signals-table a[href*='/surveillance/signals/'], table a[href*='/surveillance/signals/']",
        "els => els.map(e => e.href)",
    )
    data = None
    for link in dict.fromkeys(links):
        page.goto(link)
        data = json.loads(page.locator("#chart-data").text_content())
        if data.get("cases_link") and sum(1 for c in data["counts"] if c) >= 2:
            break
    else:
        pytest.fail("no case-series signal with cases in the demo")
    page.wait_for_selector("#chart-series[data-rendered='1'] canvas", timeout=30000)
    # a period in view with cases, other than the signal's own
    view = page.evaluate(
        """() => { const o = echarts.getInstanceByDom(document.getElementById("chart-series")).getOption();
                   return [o.dataZoom[0].startValue, o.dataZoom[0].endValue]; }"""
    )
    candidates = [
        i
        for i in range(view[0], view[1] + 1)
        if i < len(data["counts"]) and data["counts"][i] and i != data.get("signal")
    ]
    assert candidates, "no period with cases in the chart's view"
    index = candidates[len(candidates) // 2]
    x, y = page.evaluate(
        """([i, c]) => echarts.getInstanceByDom(document.getElementById("chart-series"))
             .convertToPixel({ seriesIndex: 0 }, [i, c / 2])""",
        [index, data["counts"][index]],
    )
    box = page.locator("#chart-series").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    start = data["starts"][index]
    page.wait_for_url(re.compile(rf"period={start}"), timeout=30000)
    heading = page.locator("#cases-heading").inner_text()
    assert data["labels"][index] in heading
    rows = page.locator("#cases tbody tr")
    assert rows.count() == min(data["counts"][index], 200)
    first = dt.date.fromisoformat(start)
    last = dt.date.fromisoformat(data["starts"][index + 1]) if index + 1 < len(data["starts"]) else None
    for onset, report in zip(
        page.locator("#cases tbody tr td:nth-child(2)").all_inner_texts(),
        page.locator("#cases tbody tr td:nth-child(3)").all_inner_texts(),
        strict=True,
    ):
        # by onset or by report date, as the signal's series counts them
        inside = [
            first <= d and (last is None or d < last) for d in map(dt.date.fromisoformat, (onset, report))
        ]
        assert any(inside)
    page.close()

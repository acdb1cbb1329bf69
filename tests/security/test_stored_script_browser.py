"""Stored script in every hover box, in a real Chromium. The payload in front of every text users
write (`tests/security/planting.py`: institutions, divisions, units, tasks, projects, indicators,
norms, signal notes, hospital departments...), and a second one with `</script>`, `{{ }}` and `$…$`
in front of the names the charts and maps draw, are planted in a demo of the test's own. Each page
that draws a chart or a map (found from the scripts in tixi/*/static: dashboard, division tree,
scorecard sparklines, project map, coverage, siting, signals map, a signal's series, the hospitals'
funnel and trends) is opened by the role that reads it, and every point of every series has its
hover box opened. No image of the payload enters the page (checked in the DOM, so that the
Content-Security-Policy, which would stop the handler anyway, hides nothing), no handler runs, and
the hover boxes show the planted names as text."""

import subprocess

import pytest

from tests.conftest import DACHUAN, MIYI, PANZHIHUA
from tests.core.test_browser import CHROMIUM, TIXI, demo_of_its_own
from tests.security.planting import PLANT_SOURCE
from tixi.ops.loadtest import start_server, stop_server

# what a template engine, a closing script tag or a TeX-reading chart would take as its own
SECOND = "</script>{{7*7}}$x$"
DRAWN = ["geo.Division", "registry.Institution", "ledger.Project", "ledger.Unit", "ledger.Task",
         "indicators.Indicator", "indicators.Target", "layout.Norm", "hospitals.Discharge"]  # fmt: skip

FIND_OBJECTS = f"""
from tixi.indicators.models import Plan
from tixi.surveillance.models import Signal
from tixi.hospitals.models import Discharge
plant({SECOND!r}, extra=False, only={DRAWN!r})
city_plan = Plan.objects.filter(region__code="{PANZHIHUA}").order_by("code").first()
signal = Signal.objects.filter(division__code="{MIYI}", steps__isnull=False).order_by("pk").first()
hospital = Discharge.objects.filter(year=2024).values_list("institution__code", flat=True).first()
print("OBJECTS", city_plan.code, signal.pk, hospital)
"""

OPEN_EVERY_TIP = """(limit) => {
    // every chart of the page: each point of each series gets its hover box, whose HTML is kept
    let html = "", charts = 0, tips = 0;
    for (const el of document.querySelectorAll("[_echarts_instance_]")) {
        const chart = echarts.getInstanceByDom(el);
        if (!chart) continue;
        charts += 1;
        (chart.getOption().series || []).forEach((s, seriesIndex) => {
            const n = Math.min((s.data || []).length, limit);
            for (let dataIndex = 0; dataIndex < n; dataIndex++) {
                chart.dispatchAction({ type: "showTip", seriesIndex, dataIndex });
                const box = [...el.querySelectorAll("div")].find((d) => d.style.zIndex === "9999999");
                if (box && box.innerHTML) { html += box.innerHTML + "\\n"; tips += 1; }
            }
        });
        chart.dispatchAction({ type: "hideTip" });
    }
    return { html, charts, tips };
}"""


def pages(plan, signal, hospital) -> list[tuple[str, str, str]]:
    """(role, page, what must show a planted name in a hover box: a chart's selector, or "")."""
    return [
        ("planner", f"/divisions/{PANZHIHUA}/?year=2024", "#chart-map"),
        ("planner", "/divisions/?year=2024", "#tree-map"),
        ("planner", f"/plans/{plan}/?year=2024", ""),  # sparklines: years and values
        ("planner", "/ledger/projects/?region=all", "#project-map"),
        ("planner", f"/layout/{MIYI}/coverage/?year=2024", "#coverage-map"),
        ("dachuan", f"/layout/{DACHUAN}/site/?year=2024&kind=township&k=1&candidates=5&sweep=0", "#siting-map"),
        ("cdc", "/surveillance/", "#signals-map"),
        ("cdc", f"/surveillance/signals/{signal}/", ""),
        ("planner", "/hospitals/?division=500237000000&year=2024&figure=surgery_share", "#funnel"),
        ("planner", f"/hospitals/{hospital}/?year=2024", ""),
    ]  # fmt: skip


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    var, env = demo_of_its_own(tmp_path_factory)
    planting = subprocess.run(
        [*TIXI, "manage", "shell", "-c", PLANT_SOURCE + "\nprint(plant())\n" + FIND_OBJECTS],
        env=env,
        capture_output=True,
        text=True,
    )
    assert planting.returncode == 0, planting.stderr
    objects = planting.stdout.split("OBJECTS", 1)[1].split()
    with open(var / "serve.log", "w") as log:
        process, port = start_server(TIXI, env, log, ["--no-access-log"])
        yield f"http://127.0.0.1:{port}", pages(*objects)
        stop_server(process)


@pytest.mark.browser
def test_no_hover_box_runs_a_planted_name(planted):
    from playwright.sync_api import sync_playwright

    server, walk = planted
    injected, ran, unescaped, not_shown, not_drawn = [], [], [], [], []
    all_tips = ""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        contexts = {}
        for role, url, named_in in walk:
            if role not in contexts:
                context = browser.new_context()
                context.set_default_timeout(180_000)  # a loaded machine: the siting page computes
                page = context.new_page()
                page.goto(f"{server}/login/")
                page.fill("#id_username", role)
                page.fill("#id_password", "tixi-demo")
                page.click("#login-button")
                page.wait_for_load_state("load")
                contexts[role] = page
            page = contexts[role]
            response = page.goto(server + url)
            assert response is not None and response.status == 200, (role, url)
            page.wait_for_load_state("load")
            charts = page.locator("[_echarts_instance_]")
            if named_in:
                page.wait_for_selector(f"{named_in}[_echarts_instance_] canvas")
            page.wait_for_timeout(1500)  # maps draw after their boundaries are fetched
            if page.evaluate("document.querySelectorAll('img[src=\"x\"]').length"):
                injected.append((role, url))
            opened = page.evaluate(OPEN_EVERY_TIP, 300)
            if opened["charts"] == 0 or opened["tips"] == 0 or charts.count() == 0:
                not_drawn.append((role, url, opened["charts"], opened["tips"]))
            tips = opened["html"]
            all_tips += tips
            if "<img" in tips or "</script>" in tips:
                unescaped.append((role, url))
            if named_in and "&lt;img src=x" not in tips:
                not_shown.append((role, url))
            page.wait_for_timeout(200)
            if page.evaluate("window.__xss"):
                ran.append((role, url))
        browser.close()
    assert injected == [] and ran == [] and unescaped == [], (injected, ran, unescaped)
    assert not_drawn == [] and not_shown == [], (not_drawn, not_shown)
    # shown as typed: the template braces and the TeX dollars are text, the closing tag escaped
    assert "&lt;/script&gt;{{7*7}}$x$" in all_tips

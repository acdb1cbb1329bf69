"""Names typed by users never run as script in a viewer's browser: the hover boxes of the dashboard's
institution points, of the division tree's map, of the project map and of the siting map, the maps and charts of the apps added
later (townships on the coverage map, counties on the signals map, hospitals on the funnel plot), and
the pages of units and tasks (a real Chromium)."""

import subprocess

import pytest

from tests.core.test_browser import CHROMIUM, TIXI, demo_of_its_own
from tixi.ops.loadtest import start_server, stop_server

PAYLOAD = '"><img src=x onerror="window.__xss=(window.__xss||0)+1">'

PLANT = f"""
from tixi.accounts.audit import acting_as
from tixi.registry.models import Institution
from tixi.ledger.models import Project, Task, Unit
from tixi.geo.models import Division
from tixi.hospitals.models import Discharge
payload = {PAYLOAD!r}
with acting_as("tests"):
    Division.objects.filter(code="510421000000").update(name=payload + "县")
    Division.objects.filter(parent__code="510421000000").update(name=payload + "镇")
    hospitals = Discharge.objects.filter(year=2024).values_list("institution", flat=True).distinct()
    Institution.objects.filter(pk__in=list(hospitals), division__path__contains="500237000000/").update(
        name=payload + "医院"
    )
    from tixi.registry.dashboard_views import MAP_TYPES  # an institution the dashboard's map shows
    institution = Institution.objects.filter(
        division__path__contains="510400000000/", longitude__isnull=False, type__in=MAP_TYPES
    ).first()
    Institution.objects.filter(pk=institution.pk).update(name=payload + "医院")
    project = Project.objects.filter(longitude__isnull=False).first()
    Project.objects.filter(pk=project.pk).update(name=payload, site=payload)
    task = Task.objects.first()
    Task.objects.filter(pk=task.pk).update(title=payload)
    unit = Unit.objects.filter(division__code="510400000000").first() or Unit.objects.first()
    Unit.objects.filter(pk=unit.pk).update(name=payload)
    centre = Institution.objects.filter(
        division__path__contains="511703000000/", type="township_health_centre", longitude__isnull=False
    ).first()
    Institution.objects.filter(pk=centre.pk).update(name=payload + "卫生院")
print(task.pk, unit.pk, project.pk)
"""


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    var, env = demo_of_its_own(tmp_path_factory)
    planting = subprocess.run(
        [*TIXI, "manage", "shell", "-c", PLANT], env=env, capture_output=True, text=True
    )
    assert planting.returncode == 0, planting.stderr
    out = planting.stdout.split()
    task_pk, unit_pk, _project_pk = out[-3:]
    with open(var / "serve.log", "w") as log:
        process, port = start_server(TIXI, env, log)
        yield f"http://127.0.0.1:{port}", task_pk, unit_pk
        stop_server(process)


def show_every_tip(page, selector: str, series_index: int) -> str:
    """Opens the hover box of every point of a scatter series and returns the boxes' HTML."""
    return page.evaluate(
        """([selector, seriesIndex]) => {
            const chart = echarts.getInstanceByDom(document.querySelector(selector));
            const n = chart.getOption().series[seriesIndex].data.length;
            let html = "";
            for (let i = 0; i < n; i++) {
                chart.dispatchAction({ type: "showTip", seriesIndex, dataIndex: i });
                const box = [...document.querySelectorAll("div")].find((d) => d.style.zIndex === "9999999"
                    && d.style.position === "absolute");
                html += box ? box.innerHTML : "";
            }
            return html;
        }""",
        [selector, series_index],
    )


@pytest.mark.browser
def test_planted_names_never_run(planted):
    from playwright.sync_api import sync_playwright

    server, task_pk, unit_pk = planted
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.goto(f"{server}/login/")
        page.fill("#id_username", "planner")
        page.fill("#id_password", "tixi-demo")
        page.click("#login-button")
        page.wait_for_url("**/divisions/510400000000/")
        page.wait_for_selector("#chart-map[data-rendered='1'] canvas", timeout=15000)
        page.wait_for_function(
            "echarts.getInstanceByDom(document.querySelector('#chart-map')).getOption().series.length > 1"
        )
        tips = show_every_tip(page, "#chart-map", 1)
        assert "&lt;img" in tips and "<img" not in tips
        page.wait_for_timeout(300)
        assert page.evaluate("window.__xss") is None

        page.goto(
            f"{server}/ledger/projects/?region=all"
        )  # the lists open on 攀枝花; the projects are 达川's
        page.wait_for_selector("#project-map canvas", timeout=15000)
        tips = show_every_tip(page, "#project-map", 0)
        assert "&lt;img" in tips and "<img" not in tips
        page.wait_for_timeout(300)
        assert page.evaluate("window.__xss") is None

        # the division tree's map (米易 named with the payload, a county of 攀枝花's map), and the maps and
        # charts of layout, surveillance and hospitals: every hover box escaped
        for url, selector in (
            ("/divisions/?year=2024", "#tree-map"),
            ("/layout/510421000000/coverage/?year=2024", "#coverage-map"),
            ("/surveillance/", "#signals-map"),
            ("/hospitals/?division=500237000000&year=2024&figure=surgery_share", "#funnel"),
        ):
            page.goto(server + url)
            page.wait_for_selector(f"{selector}[data-rendered='1'] canvas", timeout=15000)
            tips = show_every_tip(page, selector, 0)
            assert "&lt;img" in tips and "<img" not in tips, url
            page.wait_for_timeout(300)
            assert page.evaluate("window.__xss") is None, url

        # the siting page's map: existing facilities' names in its hover boxes
        # the page computes the siting on load: a loaded CI machine takes longer than goto's 30 s default
        page.goto(
            f"{server}/layout/511703000000/site/?year=2024&kind=township&k=1&candidates=5&sweep=0",
            timeout=120000,
        )
        page.wait_for_selector("#siting-map[data-rendered='1'] canvas", timeout=120000)
        tips = show_every_tip(page, "#siting-map", 1)
        assert "&lt;img" in tips and "<img" not in tips
        page.wait_for_timeout(300)
        assert page.evaluate("window.__xss") is None

        for url in (f"/ledger/tasks/{task_pk}/", f"/ledger/units/{unit_pk}/", "/ledger/", "/institutions/"):
            page.goto(server + url)
            page.wait_for_load_state("load")
            page.wait_for_timeout(200)
            assert page.evaluate("window.__xss") is None, url
        browser.close()

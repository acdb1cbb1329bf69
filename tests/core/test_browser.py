"""A real browser (Debian's Chromium, driven by Playwright) logs in and sees the dashboard's charts."""

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tixi.demo.calendar import DEMO_TODAY
from tixi.ops.loadtest import start_server, stop_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
REQUIRED = os.environ.get("TIXI_REQUIRE_BROWSER") == "1"
SERVER_LOG: list[Path] = []  # the server's output, for the load test below


TIXI = [sys.executable, "-m", "tixi.cli"]


def demo_of_its_own(tmp_path_factory) -> tuple[Path, dict]:
    """A browser test's own demo database in a temporary data folder (skipped, or failed in CI, when
    Chromium is missing): the folder and the environment that points the `tixi` commands at it."""
    if not Path(CHROMIUM).exists():
        if REQUIRED:
            pytest.fail("Debian's chromium is required (TIXI_REQUIRE_BROWSER=1) but missing")
        pytest.skip("chromium is not installed (make browser installs it)")
    var = tmp_path_factory.mktemp("var")
    shutil.copytree(built_demo(tmp_path_factory), var, dirs_exist_ok=True)
    return var, demo_environment(var)


def demo_environment(var: Path) -> dict:
    return {
        **os.environ,
        "TIXI_VAR_DIR": str(var),
        "DATABASE_URL": f"sqlite:///{var / 'demo.sqlite3'}",
        # served as `tixi demo` serves it: on the demo's today, whose years hold its data
        "TIXI_TODAY": f"{DEMO_TODAY:%Y-%m-%d}",
    }


def built_demo(tmp_path_factory) -> Path:
    """`tixi demo --build-only` run once for the whole test run (every xdist worker), in a data folder
    each browser module copies: the modules plant their own data in their own copy. The build takes
    a minute and a half; the workers share one temporary root and take turns by a file lock."""
    # under xdist each worker's base folder sits in the run's own; alone, the base folder is the run's
    base = tmp_path_factory.getbasetemp()
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    built = root / "demo-built"
    with open(root / "demo-built.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (built / "done").exists():
            shutil.rmtree(built, ignore_errors=True)
            built.mkdir()
            subprocess.run(
                [*TIXI, "demo", "--build-only"], env=demo_environment(built), check=True, capture_output=True
            )
            (built / "done").touch()
    return built


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    var, env = demo_of_its_own(tmp_path_factory)
    SERVER_LOG[:] = [var / "serve.log"]
    with open(SERVER_LOG[0], "w") as log:
        process, port = start_server(TIXI, env, log, ["--no-access-log"])
        yield f"http://127.0.0.1:{port}"
        stop_server(process)


@pytest.mark.browser
def test_login_and_dashboard_chart(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        page = browser.new_page()
        page.goto(f"{server}/login/")
        page.fill("#id_username", "planner")
        page.fill("#id_password", "tixi-demo")
        page.click("#login-button")
        page.wait_for_url("**/divisions/510400000000/")
        page.wait_for_selector("#chart-types[data-rendered='1'] canvas", timeout=15000)
        page.wait_for_selector("#chart-map[data-rendered='1'] canvas", timeout=15000)
        assert "攀枝花市" in page.title()
        assert page.locator("#institution-count").inner_text().strip().replace(",", "").isdigit()
        page.select_option("#year-select", "2020")
        page.wait_for_selector("#chart-trend[data-rendered='1']", timeout=15000)
        assert page.locator("#institution-count").inner_text().strip() == "1,009"
        browser.close()


ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
# Words allowed on a Chinese page: product and format names, the user name, the language switch.
ALLOWED_LATIN = {"English", "Excel", "CSV", "Word", "API", "CMI", "SHA", "txt", "docx", "xlsx", "csv", "Tixi"}
# the case-mix abbreviations Chinese documents write in Latin letters (CHS-DRG, MDC, ADRG, CC/MCC)
ALLOWED_LATIN |= {"DRG", "CHS", "MDC", "ADRG", "MCC"}
PAGES = (
    "/divisions/510400000000/",
    "/divisions/",
    "/institutions/",
    "/institutions/510402100001/",
    "/plans/",
    "/plans/bazhong-2025-hospitals/?division=511900000000&year=2025",
    "/datavalues/",
    "/imports/",
    "/validation/",
    "/approvals/",
    "/ledger/",
    "/ledger/projects/",
    "/no-such-page/",
    "/hospitals/?division=511900000000&year=2024",
    "/hospitals/511902100001/",
    "/hospitals/upcoding/?division=510400000000&year=2024",
)


def logged_in(browser, server, username, language="zh-hans", width=1280):
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_cookies([{"name": "django_language", "value": language, "url": server}])
    page = context.new_page()
    page.goto(f"{server}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "tixi-demo")
    page.click("#login-button")
    page.wait_for_load_state()
    return page


@pytest.mark.browser
def test_a_refused_field_shows_why_beside_it_and_keeps_the_value(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = logged_in(browser, server, "institution")
        page.goto(f"{server}/institutions/510402100001/")
        page.click("#report-links a:text('2024')")
        page.wait_for_url("**/resources/2024/")
        field = page.locator("#id_approved_beds")
        field.fill("-5")
        field.press("Tab")
        beside = page.locator("#resources-form p:has(#id_approved_beds) .saved")
        beside.locator(".errorlist").wait_for(timeout=10000)
        assert "不能小于0" in beside.inner_text()
        assert field.input_value() == "-5"
        browser.close()


@pytest.mark.browser
def test_pages_fit_a_phone_and_the_english_navigation_fits(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        too_wide = []
        for language in ("zh-hans", "en"):
            page = logged_in(browser, server, "planner", language, width=390)
            for path in PAGES[:-1]:
                page.goto(server + path)
                width = page.evaluate("document.documentElement.scrollWidth")
                if width > 390:
                    too_wide.append((language, path, width))
        assert too_wide == []
        # a table of words stacks into "heading: value" lines on a phone; the navigation names the page
        page = logged_in(browser, server, "planner", "zh-hans", width=390)
        page.goto(f"{server}/ledger/")
        assert not page.locator("#tasks thead").is_visible()
        deadline = page.locator("#tasks tbody tr").first.locator("td.date")
        assert (
            page.evaluate("e => getComputedStyle(e, '::before').content", deadline.element_handle())
            == '"完成时限"'
        )
        assert page.locator("header nav a[aria-current=page]").inner_text() == "任务台账"
        # the bar scrolls on a phone: the page's own link is brought into view, and an edge shows more links hide
        current = page.locator("header nav a[aria-current=page]").bounding_box()
        assert current["x"] >= 0 and current["x"] + current["width"] <= 390
        assert page.evaluate("document.querySelector('header nav').scrollLeft") > 0
        assert "radial-gradient" in page.evaluate(
            "getComputedStyle(document.querySelector('header nav')).backgroundImage"
        )
        page.goto(f"{server}/divisions/510400000000/")
        assert page.locator("header nav a[aria-current=page]").inner_text() == "概览"
        page = logged_in(browser, server, "planner", "en", width=1280)
        assert page.locator("header").bounding_box()["height"] < 100  # the navigation in at most two rows
        assert "体系" not in page.locator("header").inner_text()
        browser.close()


@pytest.mark.browser
def test_no_english_on_chinese_pages(server):
    import re

    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = logged_in(browser, server, "planner")
        found = {}
        for path in PAGES:
            page.goto(server + path)
            page.wait_for_timeout(300)
            tokens = page.evaluate("document.body.innerText").split()
            words = (
                {
                    w
                    for token in tokens
                    if "_" not in token and "@" not in token and "/" not in token
                    for w in re.findall(r"[A-Za-z]{3,}", token)
                }
                - ALLOWED_LATIN
                - {"planner"}
            )
            if words:
                found[path] = sorted(words)
            if path == "/ledger/":  # and a task's edit form (its targets once showed the plan's code)
                page.locator("#tasks tbody a").first.click()
                page.wait_for_url("**/ledger/tasks/*/")
                page.goto(page.url + "edit/")
                if words := set(re.findall(r"[A-Za-z]{3,}", page.evaluate("document.body.innerText"))) - {
                    *ALLOWED_LATIN,
                    "planner",
                }:
                    found[page.url] = sorted(words)
        assert found == {}
        # the scorecard's sparklines label their latest value
        page.goto(server + PAGES[5])
        page.wait_for_selector("[id^=chart-][data-rendered='1']", timeout=15000)
        shows = page.evaluate(
            "echarts.getInstanceByDom(document.querySelector('[id^=chart-][data-rendered]')).getOption().series[0].label.show"
        )
        assert shows is True
        browser.close()


@pytest.mark.browser
def test_a_place_is_chosen_by_name(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = logged_in(browser, server, "planner")
        page.goto(f"{server}/plans/panzhihua-14th-system/")
        box = page.locator("input[data-place-picker]")
        assert box.input_value() == "攀枝花市"
        box.fill("米易县")
        box.press("Tab")
        page.click("form.filters button")
        page.wait_for_url("**division=510421000000**")
        assert page.locator("input[data-place-picker]").input_value() == "米易县"
        page.goto(f"{server}/institutions/")
        box = page.locator("input[data-place-picker]")
        box.fill("米易县")
        box.press("Tab")
        page.wait_for_url("**division=510421000000**")
        assert "米易县人民医院" in page.locator("#institution-table").inner_text()
        page.goto(f"{server}/approvals/")  # opens on the user's own region; a place picked reloads the page
        box = page.locator("input[data-place-picker]")
        assert box.input_value() == "攀枝花市"
        box.fill("米易县")
        box.press("Tab")
        page.wait_for_url("**division=510421000000**")
        browser.close()


@pytest.mark.browser
def test_division_tree_folds_and_shows_a_map(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = logged_in(browser, server, "planner")
        page.goto(f"{server}/divisions/?year=2024")
        page.wait_for_selector("#tree-map[data-rendered='1'] canvas", timeout=15000)
        rows = page.locator("#division-tree tbody tr")
        folded = page.locator("#division-tree tbody tr:visible").count()
        assert folded < rows.count() / 5  # townships folded under their counties
        page.locator("#division-tree tr:has(a:text-is('米易县')) .tree-toggle").click()
        assert page.locator("#division-tree tbody tr:visible").count() > folded
        assert page.locator("#division-tree tr:has(a:text-is('罗林街道'))").is_visible()
        browser.close()


CSP_PAGES = [
    "/divisions/510400000000/",
    "/plans/panzhihua-14th-system/?division=510400000000&year=2024",
    "/ledger/",
    "/imports/",
    "/divisions/",
    "/hospitals/?division=511900000000&year=2024",
    "/hospitals/511902100001/",
    "/api/docs/",
    "/api/redoc/",
    "/admin/",
]


@pytest.mark.browser
def test_production_server_and_no_content_security_policy_violation(server):
    """`tixi serve` is gunicorn, and the main pages run under the CSP with nothing refused."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        violations, errors = [], []
        page.on(
            "console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None
        )
        page.on("pageerror", lambda e: errors.append(str(e)))
        response = page.goto(f"{server}/login/")
        assert response.headers["server"] == "gunicorn"
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.fill("#id_username", "planner")
        page.fill("#id_password", "tixi-demo")
        page.click("#login-button")
        page.wait_for_url("**/divisions/510400000000/")
        page.wait_for_selector("#chart-types[data-rendered='1'] canvas", timeout=15000)
        for path in CSP_PAGES:
            page.goto(f"{server}{path}")
            page.wait_for_load_state("networkidle")
        page.goto(f"{server}/api/docs/")
        page.wait_for_selector(".swagger-ui .info", timeout=15000)
        page.goto(f"{server}/api/redoc/")
        page.wait_for_selector("redoc .api-info, [role=navigation]", timeout=15000)
        # the language switch (formerly an inline onchange handler) still submits on change
        page.goto(f"{server}/divisions/")
        page.select_option("select[name=language]", "en")
        page.wait_for_selector("html[lang=en]", timeout=15000)
        browser.close()
    # ReDoc's sidebar fetches its maker's logo from the internet: refused on purpose (ReDoc hides it)
    refused_on_purpose = "https://cdn.redoc.ly/redoc/logo-mini.svg"
    assert [v for v in violations if refused_on_purpose not in v] == []
    assert errors == []


def test_eight_users_at_once_get_no_error_and_no_database_lock(server):
    """The load test's clients (tixi/ops/loadtest.py) against the gunicorn server: 8 logins at
    once (session writes) and pages for 3 s."""
    from tixi.ops.loadtest import drive

    port = int(server.rsplit(":", 1)[1])
    figures, elapsed = drive(port, clients=8, seconds=3, password="tixi-demo")
    assert all(f.errors == [] for f in figures.values()), {n: f.errors[:3] for n, f in figures.items()}
    assert all(f.latencies for f in figures.values())
    server_log = SERVER_LOG[0].read_text()
    assert "database is locked" not in server_log and "Traceback" not in server_log

"""A real browser (Debian's Chromium, driven by Playwright) logs in and sees the dashboard's charts."""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
REQUIRED = os.environ.get("TIXI_REQUIRE_BROWSER") == "1"
SERVER_LOG: list[Path] = []  # the server's output, for the load test below


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        if REQUIRED:
            pytest.fail("Debian's chromium is required (TIXI_REQUIRE_BROWSER=1) but missing")
        pytest.skip("chromium is not installed (make browser installs it)")
    var = tmp_path_factory.mktemp("var")
    env = {**os.environ, "TIXI_VAR_DIR": str(var), "DATABASE_URL": f"sqlite:///{var / 'demo.sqlite3'}"}
    tixi = [sys.executable, "-m", "tixi.cli"]
    subprocess.run([*tixi, "demo", "--build-only"], env=env, check=True, capture_output=True)
    port = free_port()
    SERVER_LOG[:] = [var / "serve.log"]
    log = open(SERVER_LOG[0], "w")  # noqa: SIM115 (closed below, after the server)
    process = subprocess.Popen(
        [*tixi, "serve", "--addrport", f"127.0.0.1:{port}", "--no-access-log"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(30)
    log.close()


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
        assert page.locator("#institution-count").inner_text().strip().isdigit()
        page.select_option("#year-select", "2020")
        page.wait_for_selector("#chart-trend[data-rendered='1']", timeout=15000)
        assert page.locator("#institution-count").inner_text().strip() == "1009"
        browser.close()


CSP_PAGES = [
    "/divisions/510400000000/",
    "/plans/panzhihua-14th-system/?division=510400000000&year=2024",
    "/ledger/",
    "/imports/",
    "/divisions/",
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

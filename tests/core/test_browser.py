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
    process = subprocess.Popen(
        [*tixi, "serve", "--addrport", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(10)


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

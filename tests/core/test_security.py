"""No public secret key, `check --deploy` clean for production, security headers, no inline script."""

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests.conftest import PANZHIHUA
from tixi.settings import generated_secret_key

TIXI = Path(__file__).resolve().parents[2] / "tixi"


def test_a_key_is_generated_once_readable_by_its_owner_only(tmp_path):
    key = generated_secret_key(tmp_path / "var")
    path = tmp_path / "var" / "secret_key"
    assert len(key) >= 50 and path.read_text() == key
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert generated_secret_key(tmp_path / "var") == key  # kept: sessions survive a restart
    assert generated_secret_key(tmp_path / "other") != key
    assert [p.name for p in (tmp_path / "var").iterdir()] == ["secret_key"]


def test_no_key_and_nowhere_to_keep_one_refuses_to_start(tmp_path):
    (tmp_path / "a-file").write_text("")
    with pytest.raises(ImproperlyConfigured, match="TIXI_SECRET_KEY"):
        generated_secret_key(tmp_path / "a-file" / "var")


def run_tixi(*args, **env):
    base = {k: v for k, v in os.environ.items() if not k.startswith("TIXI_") or k == "TIXI_SEEDS_DIR"}
    return subprocess.run(
        [sys.executable, "-m", "tixi.cli", *args], env={**base, **env}, capture_output=True, text=True
    )


def test_the_server_uses_the_generated_key_without_tixi_secret_key(tmp_path):
    shown = run_tixi(
        "manage",
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SECRET_KEY)",
        TIXI_VAR_DIR=str(tmp_path),
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip().splitlines()[-1] == (tmp_path / "secret_key").read_text()
    assert "development" not in shown.stdout


def test_check_deploy_is_clean_for_a_production_configuration(tmp_path):
    production = {
        "TIXI_VAR_DIR": str(tmp_path),
        "TIXI_HTTPS": "1",
        "TIXI_BEHIND_PROXY": "1",
        "TIXI_ALLOWED_HOSTS": "tixi.wjw.example.cn",
    }
    clean = run_tixi("manage", "check", "--deploy", "--fail-level", "WARNING", **production)
    assert clean.returncode == 0, clean.stderr
    assert "no issues (1 silenced)" in clean.stdout  # W021, HSTS preload: see the settings
    # the same without HTTPS is not clean: the check is not vacuous
    plain = run_tixi("manage", "check", "--deploy", "--fail-level", "WARNING", TIXI_VAR_DIR=str(tmp_path))
    assert plain.returncode != 0 and "SESSION_COOKIE_SECURE" in plain.stderr
    # and the language cookie too is only sent over HTTPS
    shown = run_tixi(
        "manage",
        "shell",
        "-c",
        "from django.conf import settings; print(settings.LANGUAGE_COOKIE_SECURE)",
        **production,
    )
    assert shown.stdout.split()[-1] == "True"


def test_security_headers_on_every_page(web):
    client = web("planner")
    for path in ["/login/", f"/divisions/{PANZHIHUA}/", "/api/divisions/", "/api/docs/", "/api/redoc/"]:
        response = client.get(path)
        policy = response.headers["Content-Security-Policy"]
        script_src = re.search(r"script-src ([^;]*)", policy).group(1)
        assert script_src == "'self'", path
        assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "same-origin"


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)


def test_no_template_has_an_inline_script_or_event_handler():
    offenders = []
    for template in TIXI.rglob("templates/**/*.html"):
        text = template.read_text()
        if INLINE_SCRIPT.search(text) or INLINE_HANDLER.search(text) or "javascript:" in text:
            offenders.append(str(template.relative_to(TIXI)))
    assert offenders == []


@pytest.mark.parametrize(
    "path",
    [
        f"/divisions/{PANZHIHUA}/",
        f"/plans/panzhihua-14th-system/?division={PANZHIHUA}&year=2024",
        "/ledger/",
        "/imports/",
        "/approvals/",
        "/divisions/",
        "/api/docs/",
        "/api/redoc/",
        "/admin/",
    ],
)
def test_main_pages_render_without_inline_script(web, path, admin_client):
    # the admin is for superusers only
    response = (admin_client if path == "/admin/" else web("planner")).get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert not INLINE_SCRIPT.search(html), INLINE_SCRIPT.search(html).group(0)
    assert not INLINE_HANDLER.search(html), INLINE_HANDLER.search(html).group(0)


def test_swagger_ui_start_up_script_is_a_file(web):
    response = web("planner").get("/api/docs/?script=")
    assert response.status_code == 200 and response.headers["Content-Type"].startswith(
        "application/javascript"
    )
    assert "SwaggerUIBundle" in response.content.decode()


@pytest.mark.parametrize(
    "path", ["/hospitals/%00/", "/hospitals/?division=%00", "/layout/%00/coverage/", "/institutions/?q=a%00b"]
)
def test_a_nul_character_is_refused_in_one_place_never_a_server_error(client, path):
    """PostgreSQL text cannot hold NUL: refused with a message before any view reads it."""
    answer = client.get(path)
    assert answer.status_code == 400
    assert "空字符" in answer.content.decode()
    posted = client.post("/login/", {"username": "a\x00b", "password": "x"})
    assert posted.status_code == 400

"""`tixi serve` is gunicorn (the development server only with --dev); SQLite is set up for several
server processes; the load test's bounds and arithmetic."""

import io
import os
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from tixi.ops import loadtest, serve


def test_worker_count_follows_the_cores_within_bounds(monkeypatch):
    monkeypatch.delenv("TIXI_WORKERS", raising=False)
    assert serve.worker_count(1) == 3
    assert serve.worker_count(2) == 5
    assert serve.worker_count(64) == 8
    monkeypatch.setenv("TIXI_WORKERS", "2")
    assert serve.worker_count(64) == 2


def captured_serve(monkeypatch, **options):
    calls, execs = [], []
    monkeypatch.setattr(serve, "call_command", lambda *a, **k: calls.append(a))
    monkeypatch.setattr(serve.os, "execv", lambda path, argv: execs.append(argv))
    call_command("serve", stdout=io.StringIO(), **options)
    return calls, execs


def test_serve_runs_gunicorn_after_migrating(monkeypatch):
    calls, execs = captured_serve(monkeypatch, addrport="127.0.0.1:8123", workers=3)
    assert calls == [("migrate",)]
    (argv,) = execs
    assert argv[:4] == [sys.executable, "-m", "gunicorn", "tixi.wsgi:application"]
    assert argv[argv.index("--bind") + 1] == "127.0.0.1:8123"
    assert argv[argv.index("--workers") + 1] == "3"
    assert "--access-logfile" in argv


def test_the_development_server_only_with_dev(monkeypatch):
    calls, execs = captured_serve(monkeypatch, dev=True)
    assert calls == [("migrate",), ("runserver", "127.0.0.1:8000")]
    assert execs == []


@pytest.mark.skipif(os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="SQLite settings")
def test_sqlite_runs_in_wal_mode_with_immediate_transactions(tmp_path):
    env = {
        **os.environ,
        "TIXI_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    script = (
        "from django.db import connection\n"
        "with connection.cursor() as c:\n"
        "    c.execute('PRAGMA journal_mode'); print(c.fetchone()[0])\n"
        "    c.execute('PRAGMA busy_timeout'); print(c.fetchone()[0])\n"
        "print(connection.transaction_mode)\n"
    )
    shown = subprocess.run(
        [sys.executable, "-m", "tixi.cli", "manage", "shell", "-c", script],
        env=env,
        capture_output=True,
        text=True,
    )
    assert shown.stdout.split()[-3:] == ["wal", "30000", "IMMEDIATE"], shown.stderr


def test_load_test_is_bounded(tmp_path):
    with pytest.raises(CommandError, match="--clients"):
        call_command("bench", "serve", clients=500, stdout=io.StringIO())
    with pytest.raises(CommandError, match="--seconds"):
        call_command("bench", "serve", seconds=3600, stdout=io.StringIO())
    assert loadtest.LOOPBACK == "127.0.0.1"


def test_percentiles():
    values = [i / 100 for i in range(1, 101)]
    assert loadtest.percentile(values, 0.5) == pytest.approx(0.51, abs=0.011)
    assert loadtest.percentile(values, 0.95) == pytest.approx(0.95, abs=0.011)

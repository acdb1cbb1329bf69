"""The README's systemd unit and cron line, exercised rather than only read: the unit's ExecStart,
run with the settings file of step 3 as systemd would read it, serves the login page through the
proxy's headers; the cron line's own command, run by /bin/sh with cron's bare environment, writes a
backup that `tixi restore` restores, and deletes the backups older than two weeks and nothing else.
(systemd is not PID 1 in a container, so `systemctl start` cannot be run here; cron's daemon neither.)"""

import http.client
import os
import re
import shlex
import subprocess
import sys
import tarfile
import time
import uuid
from pathlib import Path

import pytest

from tests.core.test_backup import CHANGE_DATA, MAKE_DATA, snapshot, tixi
from tests.core.test_deployment import README, readme_block, settings_block
from tixi.ops.loadtest import LISTENING, stop_server

TIXI = Path(sys.executable).parent / "tixi"  # the console script beside this interpreter
CRON_PATH = "/usr/bin:/bin"  # what cron gives a crontab's commands


@pytest.fixture(scope="module")
def installation(tmp_path_factory):
    """A fresh installation: a data folder, a database (SQLite, or a scratch one on the suite's
    PostgreSQL server) migrated with a little data, and the README's settings file pointing at them."""
    root = tmp_path_factory.mktemp("installation")
    url = os.environ.get("DATABASE_URL", "")
    name = f"tixi_unit_{uuid.uuid4().hex[:8]}"
    if url.startswith("postgres"):
        import psycopg

        server = url.rsplit("/", 1)[0]
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        database = f"{server}/{name}"
    else:
        database = f"sqlite:///{root / 'var' / 'tixi.sqlite3'}"
    settings = settings_block()
    for line in ("DATABASE_URL=postgres:///tixi", "TIXI_VAR_DIR=/srv/tixi/var", "TIXI_HTTPS=1"):
        assert line in settings.splitlines(), line  # the README changed: point this test at its new text
    settings = settings.replace("DATABASE_URL=postgres:///tixi", f"DATABASE_URL={database}")
    settings = settings.replace("TIXI_VAR_DIR=/srv/tixi/var", f"TIXI_VAR_DIR={root / 'var'}")
    # one worker, not 2 x cores + 1: the suite shares the machine (the README's own line is commented out)
    (root / "env").write_text(settings + "TIXI_WORKERS=1\n")
    env = {**systemd_environment(root / "env"), "PATH": os.environ["PATH"], "HOME": str(root)}
    tixi(env, "migrate")
    tixi(env, "manage", "shell", "-c", MAKE_DATA)
    yield root, env
    if url.startswith("postgres"):
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def systemd_environment(path: Path) -> dict:
    """EnvironmentFile= as systemd reads it: KEY=VALUE lines, `#` lines are comments, the rest of a
    line is the value (the README's file holds no quotes or backslashes, which systemd would unescape)."""
    env = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        key, value = line.split("=", 1)
        assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key) and not re.search(r"[\"'\\]", value), line
        env[key] = value
    return env


def unit_settings() -> dict:
    unit = readme_block("**4. The service**", "ini")
    return dict(line.split("=", 1) for line in unit.splitlines() if re.match(r"[A-Za-z]+=", line))


def get(port: int, path: str, headers: dict) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def test_the_unit_s_execstart_serves_the_login_page_behind_the_proxy(installation):
    root, _ = installation
    unit = unit_settings()
    assert unit["EnvironmentFile"] == "/etc/tixi/env" and unit["WorkingDirectory"] == "/srv/tixi/app"
    argv = shlex.split(unit["ExecStart"])
    assert argv[0] == "/srv/tixi/app/.venv/bin/tixi" and argv[1] == "serve"
    assert argv[argv.index("--addrport") + 1] == "127.0.0.1:8000"
    # this checkout's tixi, and port 0 (the system picks a free one) instead of 8000: nothing else changed
    argv = [str(TIXI), *argv[1:]]
    argv[argv.index("--addrport") + 1] = "127.0.0.1:0"
    # systemd starts a service with its own bare environment plus the EnvironmentFile's settings
    env = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME": str(root)}
    env.update(systemd_environment(root / "env"))
    log_path = root / "journal.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(argv, cwd=README.parent, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            port, ends = None, time.monotonic() + 240
            while port is None and time.monotonic() < ends and server.poll() is None:
                found = LISTENING.search(log_path.read_text(errors="replace"))
                port = int(found.group(1)) if found else None
                time.sleep(0.3)
            assert port, log_path.read_text()[-3000:]
            behind_nginx = {"Host": "tixi.wjw.example.cn", "X-Forwarded-Proto": "https"}
            while time.monotonic() < ends:  # gunicorn binds before its worker has loaded Django
                try:
                    page = get(port, "/login/", behind_nginx)
                    break
                except (OSError, http.client.HTTPException):
                    time.sleep(0.5)
            assert page.status == 200, log_path.read_text()[-3000:]
            # the headers the README promises with TIXI_HTTPS=1 (HSTS without preload)
            assert page.getheader("Strict-Transport-Security") == "max-age=31536000; includeSubDomains"
            assert "Secure" in page.getheader("Set-Cookie")
            plain = get(port, "/login/", {"Host": "tixi.wjw.example.cn"})  # not through HTTPS: redirected
            assert plain.status == 301 and plain.getheader("Location") == "https://tixi.wjw.example.cn/login/"
            assert (
                get(port, "/login/", {"Host": "elsewhere.example.cn", "X-Forwarded-Proto": "https"}).status
                == 400
            )
        finally:
            stop_server(server)  # TERM, as `systemctl stop` sends
    assert server.returncode == 0, log_path.read_text()[-3000:]
    journal = log_path.read_text()
    assert '"GET /login/ HTTP/1.1" 200' in journal  # requests logged to the journal, as the README says
    # (a request for another host name is logged by Django's security logger, its traceback included)
    assert "Traceback" not in journal[: journal.index("Invalid HTTP_HOST header")]


def cron_command(backups: Path, env_file: Path) -> str:
    """The README's crontab line, its schedule taken off and its `\\%` unescaped as cron does, its
    paths pointed at this installation."""
    (line,) = [row for row in readme_block("**6. Backups.**", "sh").splitlines() if row.strip()]
    fields = line.split(None, 5)
    assert fields[:5] == ["30", "2", "*", "*", "*"], line  # nightly at 02:30
    command = fields[5]
    # cron turns an unescaped % into a newline: the README's line escapes every one
    assert "%" not in command.replace("\\%", ""), command
    command = command.replace("\\%", "%")
    for path in ("cd /srv/tixi/app ", "/etc/tixi/env", "/srv/tixi/backups", " .venv/bin/tixi "):
        assert path in command, path
    return (
        command.replace("cd /srv/tixi/app ", f"cd {shlex.quote(str(README.parent))} ")
        .replace("/etc/tixi/env", str(env_file))
        .replace("/srv/tixi/backups", str(backups))
        .replace(" .venv/bin/tixi ", f" {TIXI} ")
    )


def test_the_cron_line_backs_up_what_tixi_restore_restores_and_keeps_two_weeks(installation):
    root, env = installation
    backups = root / "backups"
    backups.mkdir(mode=0o700, exist_ok=True)
    aged = {"tixi-2020-01-01.tar": 20, "tixi-recent.tar": 3, "other-2020-01-01.tar": 20}
    for name, days in aged.items():
        (backups / name).write_text("old")
        past = time.time() - days * 86400
        os.utime(backups / name, (past, past))
    before = snapshot(env)

    cron_env = {"PATH": CRON_PATH, "HOME": str(root), "SHELL": "/bin/sh", "LOGNAME": "tixi"}

    def cron_s_date() -> str:
        """`date +%F` as the line's shell runs it: the system's time zone, not the one Django set in
        this process (Asia/Shanghai, a day ahead of UTC from 16:00)."""
        return subprocess.run(["date", "+%F"], env=cron_env, capture_output=True, text=True).stdout.strip()

    dates = {cron_s_date()}
    ran = subprocess.run(
        ["/bin/sh", "-c", cron_command(backups, root / "env")], env=cron_env, capture_output=True, text=True
    )
    assert ran.returncode == 0, ran.stderr[-3000:]
    dates.add(cron_s_date())  # run across midnight
    made = sorted(set(os.listdir(backups)) - set(aged))
    assert len(made) == 1 and made[0] in {f"tixi-{day}.tar" for day in dates}, made
    archive = backups / made[0]
    assert oct(archive.stat().st_mode & 0o777) == "0o600"
    with tarfile.open(archive) as tar:
        assert {"manifest.json", "media/attachments/plan.txt"} <= set(tar.getnames())
    # more than two weeks old and named like a backup: deleted; anything else kept
    assert not (backups / "tixi-2020-01-01.tar").exists()
    assert (backups / "tixi-recent.tar").exists() and (backups / "other-2020-01-01.tar").exists()

    tixi(env, "manage", "shell", "-c", CHANGE_DATA)
    assert snapshot(env) != before
    tixi(env, "restore", str(archive), "--yes")
    assert snapshot(env) == before
    media = Path(env["TIXI_VAR_DIR"]) / "media" / "attachments"
    assert (media / "plan.txt").read_text() == "版本一" and not (media / "new.txt").exists()

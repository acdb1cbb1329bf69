"""`tixi backup` / `tixi restore`: back up, change data, restore, compare — on the database engine of
DATABASE_URL (SQLite, or a scratch database on the PostgreSQL server of the suite)."""

import contextlib
import io
import json
import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests import factories
from tixi.accounts.models import User

MAKE_DATA = """
from tixi.geo.models import Division
from tixi.accounts.services import create_user
from django.conf import settings
city = Division.objects.create(code="510400000000", name="攀枝花市", level=2)
Division.objects.create(code="510421000000", name="米易县", level=3, parent=city)
create_user("keeper", "a-Long-pass-2026", "county", ["510421000000"])
(settings.MEDIA_ROOT / "attachments").mkdir(parents=True, exist_ok=True)
(settings.MEDIA_ROOT / "attachments" / "plan.txt").write_text("版本一")
"""
CHANGE_DATA = """
from tixi.geo.models import Division
from tixi.accounts.models import User
from django.conf import settings
User.objects.filter(username="keeper").delete()
Division.objects.filter(code="510421000000").update(name="改名县")
Division.objects.create(code="510422000000", name="盐边县", level=3, parent=Division.objects.get(code="510400000000"))
(settings.MEDIA_ROOT / "attachments" / "plan.txt").write_text("版本二")
(settings.MEDIA_ROOT / "attachments" / "new.txt").write_text("new")
"""


@pytest.fixture
def scratch_env(tmp_path):
    """Environment of a fresh installation: its own data folder and its own database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIXI_") or k == "TIXI_SEEDS_DIR"}
    env["TIXI_VAR_DIR"] = str(tmp_path / "var")
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        name = f"tixi_restore_{uuid.uuid4().hex[:8]}"
        server = url.rsplit("/", 1)[0]
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = f"{server}/{name}"
        yield env
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'var' / 'tixi.sqlite3'}"
        yield env


def tixi(env, *args, stdin=None):
    completed = subprocess.run(
        [sys.executable, "-m", "tixi.cli", *args], env=env, input=stdin, capture_output=True, text=True
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return completed.stdout


def snapshot(env) -> list:
    out = tixi(env, "manage", "dumpdata", "geo", "accounts.user", "--natural-foreign")
    return json.loads(out[out.index("[") :])


def test_backup_change_restore_compare(scratch_env, tmp_path):
    media = Path(scratch_env["TIXI_VAR_DIR"]) / "media" / "attachments"
    tixi(scratch_env, "migrate")
    tixi(scratch_env, "manage", "shell", "-c", MAKE_DATA)
    before = snapshot(scratch_env)
    assert {row["fields"].get("username") for row in before} >= {"keeper"}

    archive = tmp_path / "backup.tar"
    assert "backed up" in tixi(scratch_env, "backup", "--out", str(archive))
    assert oct(archive.stat().st_mode & 0o777) == "0o600"
    with tarfile.open(archive) as tar:
        assert {"manifest.json", "media/attachments/plan.txt"} <= set(tar.getnames())

    tixi(scratch_env, "manage", "shell", "-c", CHANGE_DATA)
    assert snapshot(scratch_env) != before
    tixi(scratch_env, "restore", str(archive), "--yes")

    assert snapshot(scratch_env) == before
    assert (media / "plan.txt").read_text() == "版本一"
    assert not (media / "new.txt").exists()


@pytest.mark.django_db
@pytest.mark.without_demo
def test_restore_refuses_what_is_not_a_backup_and_changes_nothing(tmp_path):
    factories.seven_roles()  # something a wrong restore would wipe
    users = User.objects.count()
    assert users >= 7
    bogus = tmp_path / "bogus.tar"
    bogus.write_bytes(b"not a tar file at all" * 100)
    with pytest.raises(CommandError, match="not a Tixi backup"):
        call_command("restore", str(bogus), yes=True, stdout=io.StringIO())
    other_engine = tmp_path / "other.tar"
    with tarfile.open(other_engine, "w") as tar:
        manifest = json.dumps({"format": 1, "engine": "oracle", "database": "x"}).encode()
        info = tarfile.TarInfo("manifest.json")
        info.size = len(manifest)
        tar.addfile(info, io.BytesIO(manifest))
    with pytest.raises(CommandError, match="oracle backup"):
        call_command("restore", str(other_engine), yes=True, stdout=io.StringIO())
    assert User.objects.count() == users


def test_restore_asks_for_confirmation(tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(tmp_path / "x.tar"), stdout=io.StringIO())


@pytest.mark.parametrize("python_has_the_data_filter", [True, False])
def test_a_backup_unpacks_only_plain_files_inside_its_folder(
    tmp_path, monkeypatch, python_has_the_data_filter
):
    """Debian 12's Python (3.11.2) has no `filter="data"` for tar files: the same check without it."""
    from tixi.ops.backup import BackupError, extract_safely

    if not python_has_the_data_filter:
        monkeypatch.delattr(tarfile, "data_filter", raising=False)

    def archive(*members):
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode="w") as tar:
            for name, kind in members:
                info = tarfile.TarInfo(name)
                if kind == "link":
                    info.type, info.linkname = tarfile.SYMTYPE, "/etc/passwd"
                else:
                    info.size = 2
                tar.addfile(info, io.BytesIO(b"ok") if kind == "file" else None)
        buffer.seek(0)
        return tarfile.open(fileobj=buffer)

    extract_safely(archive(("database.dump", "file"), ("media/a.txt", "file")), tmp_path / "fine")
    assert (tmp_path / "fine" / "media" / "a.txt").read_text() == "ok"
    refused = (BackupError, getattr(tarfile, "FilterError", BackupError))
    for bad in (("../outside.txt", "file"), ("media/link", "link")):
        with pytest.raises(refused):
            extract_safely(archive(bad), tmp_path / "bad")
    assert not (tmp_path / "outside.txt").exists() and not (tmp_path / "bad" / "media" / "link").exists()
    absolute = f"{tmp_path}/absolute.txt"  # refused, or (Python's filter) unpacked inside the folder
    with contextlib.suppress(refused):
        extract_safely(archive((absolute, "file")), tmp_path / "bad")
    assert not Path(absolute).exists()


NEWER_TABLE = """
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE newer_addition (id integer PRIMARY KEY, "
                   "owner_id integer NOT NULL REFERENCES accounts_user (id))")
    cursor.execute("INSERT INTO newer_addition SELECT id, id FROM accounts_user")
"""
HAS_NEWER_TABLE = """
from django.db import connection
print("newer_addition" in connection.introspection.table_names())
"""


def test_a_backup_of_an_older_version_restores_over_a_newer_schema(scratch_env, tmp_path):
    """The README's order after an upgrade: restore an older backup, then migrate. On PostgreSQL
    pg_restore --clean dropped only what the archive held, and a newer table's foreign key on an old
    one made it fail (session 12's rehearsal: ledger_projectaddition on ledger_project)."""
    tixi(scratch_env, "migrate")
    tixi(scratch_env, "manage", "shell", "-c", MAKE_DATA)
    before = snapshot(scratch_env)
    archive = tmp_path / "older.tar"
    tixi(scratch_env, "backup", "--out", str(archive))
    # what a later version's migration adds: a table pointing at an old one, with rows
    tixi(scratch_env, "manage", "shell", "-c", NEWER_TABLE)
    assert tixi(scratch_env, "manage", "shell", "-c", HAS_NEWER_TABLE).split()[-1] == "True"

    tixi(scratch_env, "restore", str(archive), "--yes")
    assert tixi(scratch_env, "manage", "shell", "-c", HAS_NEWER_TABLE).split()[-1] == "False"
    assert snapshot(scratch_env) == before

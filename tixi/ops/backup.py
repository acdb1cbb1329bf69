"""`tixi backup` / `tixi restore`: the database and the attachments in one .tar file.

SQLite is copied with its online backup API (consistent while the server runs); PostgreSQL with
pg_dump's custom format, restored by psql in one transaction (every table dropped, then pg_restore's
script). The archive says which engine made it, so a restore into the other engine is refused before
anything is touched.
"""

import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import connection, connections

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database.sqlite3"
POSTGRES_MEMBER = "database.pgdump"


class BackupError(Exception):
    pass


def engine() -> str:
    vendor = connection.vendor
    if vendor not in {"sqlite", "postgresql"}:
        raise BackupError(f"database engine {vendor}: only SQLite and PostgreSQL are supported")
    return vendor


def default_name() -> str:
    return f"tixi-backup-{datetime.now():%Y%m%d-%H%M%S}.tar"


def backup(out: Path) -> dict:
    """Write the archive to `out` (via a temporary file: a failed backup leaves no half archive)."""
    out = Path(out)
    vendor = engine()
    media = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="tixi-backup-") as work:
        work = Path(work)
        if vendor == "sqlite":
            member = SQLITE_MEMBER
            _sqlite_copy(Path(settings.DATABASES["default"]["NAME"]), work / member)
        else:
            member = POSTGRES_MEMBER
            _pg_run(
                "pg_dump", ["--format=custom", "--no-owner", "--no-privileges", f"--file={work / member}"]
            )
        manifest = {
            "format": FORMAT,
            "engine": vendor,
            "database": member,
            "created": datetime.now().astimezone().isoformat(timespec="seconds"),
            "migrations": _applied_migrations(),
        }
        partial = out.with_name(f".{out.name}.partial")
        # readable by its owner only from the start: it holds every account's password hash
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as file, tarfile.open(fileobj=file, mode="w") as tar:
            data = json.dumps(manifest, indent=1).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
            tar.add(work / member, arcname=member)
            if media.is_dir():
                tar.add(media, arcname="media")
        partial.replace(out)
    return {**manifest, "file": str(out), "bytes": out.stat().st_size}


def extract_safely(tar: tarfile.TarFile, into: Path) -> None:
    """Only plain files and folders inside `into`. Python's "data" filter does this where the Python
    has it (3.11.4 and later); Debian 12's own Python is 3.11.2, so the same check is made here."""
    if hasattr(tarfile, "data_filter"):
        tar.extractall(into, filter="data")
        return
    root = into.resolve()
    for member in tar.getmembers():
        target = (root / member.name).resolve()
        if not (member.isfile() or member.isdir()) or not target.is_relative_to(root):
            raise BackupError(f"{member.name}: not a plain file inside the backup")
    tar.extractall(into)  # noqa: S202 (every member checked above)


def restore(archive: Path) -> dict:
    """Replace the database and the attachments with the archive's."""
    archive = Path(archive)
    vendor = engine()
    if not tarfile.is_tarfile(archive):
        raise BackupError(f"{archive}: not a Tixi backup (not a .tar file)")
    with tarfile.open(archive, "r") as tar, tempfile.TemporaryDirectory(prefix="tixi-restore-") as work:
        work = Path(work)
        try:
            manifest = json.load(tar.extractfile(MANIFEST))
        except (KeyError, ValueError, TypeError) as error:
            raise BackupError(f"{archive}: not a Tixi backup (no {MANIFEST})") from error
        if manifest.get("format") != FORMAT:
            raise BackupError(f"{archive}: backup format {manifest.get('format')} is not {FORMAT}")
        if manifest.get("engine") != vendor:
            raise BackupError(
                f"{archive} is a {manifest.get('engine')} backup; this installation uses {vendor}"
            )
        extract_safely(tar, work)
        database = work / manifest["database"]
        if vendor == "sqlite":
            _sqlite_check(database)
            connections.close_all()
            _sqlite_copy(database, Path(settings.DATABASES["default"]["NAME"]))
        else:
            connections.close_all()
            _pg_restore(database, work)
        _replace_media(work / "media")
    return manifest


# Tables the backup does not hold go too: a backup from an older version restored after an upgrade
# (the README's order: restore, then migrate) met the newer tables' foreign keys on the old ones,
# and pg_restore --clean, which drops only what the archive holds, failed on them.
DROP_EVERY_TABLE = """
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
    EXECUTE format('DROP TABLE IF EXISTS %I.%I CASCADE', current_schema(), r.tablename);
  END LOOP;
END $$;
"""


def _pg_restore(database: Path, work: Path) -> None:
    """The whole database replaced in one transaction (psql --single-transaction): every table of the
    schema dropped, then pg_restore's script (its own drops, then the archive's objects and rows).
    Any error rolls all of it back and the database stays as it was."""
    script, prelude = work / "restore.sql", work / "drop-tables.sql"
    _pg_run(
        "pg_restore",
        ["--clean", "--if-exists", "--no-owner", "--no-privileges", f"--file={script}", str(database)],
    )
    prelude.write_text(DROP_EVERY_TABLE)
    _pg_run(
        "psql",
        ["--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1",
         f"--file={prelude}", f"--file={script}"],
    )  # fmt: skip


def _sqlite_copy(source: Path, target: Path) -> None:
    """SQLite's online backup: a consistent copy page by page, taking the locks a writer would."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    dst = sqlite3.connect(target, timeout=30)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def _sqlite_check(path: Path) -> None:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = db.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            db.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"the backup's database is damaged ({error})") from error
    if result != "ok":
        raise BackupError(f"the backup's database is damaged ({result})")


def _replace_media(restored: Path) -> None:
    media = Path(settings.MEDIA_ROOT)
    if media.exists():
        shutil.rmtree(media)
    if restored.is_dir():
        shutil.copytree(restored, media)
    else:
        media.mkdir(parents=True, exist_ok=True)


def _applied_migrations() -> dict:
    from django.db.migrations.recorder import MigrationRecorder

    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        latest[app] = max(latest.get(app, ""), name)
    return dict(sorted(latest.items()))


def _pg_env() -> dict:
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[var] = str(db[key])
    env["PGDATABASE"] = db["NAME"]
    return env


def _pg_tool(name: str) -> str:
    """The client of the server's major version: pg_dump refuses a newer server, and pg_restore an
    archive from a newer pg_dump. TIXI_PG_BIN names the folder when several versions are installed."""
    folder = os.environ.get("TIXI_PG_BIN")
    tool = str(Path(folder) / name) if folder else shutil.which(name)
    if not tool:
        raise BackupError(
            f"{name} not found: install postgresql-client (of the server's version) or set TIXI_PG_BIN"
        )
    version = subprocess.run([tool, "--version"], capture_output=True, text=True).stdout
    found = re.search(r"PostgreSQL\)\s+(\d+)", version)
    if not found:
        raise BackupError(f"{tool}: unexpected version {version.strip()!r}")
    client_major = int(found.group(1))
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        server_major = int(cursor.fetchone()[0]) // 10000
    if client_major < server_major:
        raise BackupError(f"{name} {client_major} is older than the PostgreSQL {server_major} server")
    return tool


def _pg_run(name: str, args: list[str]) -> None:
    completed = subprocess.run([_pg_tool(name), *args], env=_pg_env(), capture_output=True, text=True)
    if completed.returncode:
        raise BackupError(f"{name} failed: {completed.stderr.strip()[-2000:]}")

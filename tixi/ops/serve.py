"""`tixi serve`: the production server (gunicorn, static files through WhiteNoise); `--dev` for Django's
development server."""

import os
import sys

from django.core.management import call_command
from django.db import connections

MAX_WORKERS = 8


def worker_count(cpus: int | None = None) -> int:
    """Gunicorn's rule of thumb (2 x cores + 1), at most 8: more processes only add memory and, on
    SQLite, writers waiting for one another. TIXI_WORKERS overrides."""
    if os.environ.get("TIXI_WORKERS"):
        return max(1, int(os.environ["TIXI_WORKERS"]))
    return min(2 * (cpus or os.cpu_count() or 1) + 1, MAX_WORKERS)


def gunicorn_argv(addrport: str, workers: int, access_log: bool = True) -> list[str]:
    argv = [
        sys.executable,
        "-m",
        "gunicorn",
        "tixi.wsgi:application",
        "--bind",
        addrport,
        "--workers",
        str(workers),
        # threads serve keep-alive connections and slow clients without holding a whole process
        "--worker-class",
        "gthread",
        "--threads",
        "4",
        "--timeout",
        "120",
        "--graceful-timeout",
        "30",
        "--keep-alive",
        "5",
        # gunicorn's control socket is one path per user: two servers would share it
        "--no-control-socket",
        "--max-requests",
        "2000",
        "--max-requests-jitter",
        "200",
        "--error-logfile",
        "-",
    ]
    if access_log:
        argv += ["--access-logfile", "-"]
    return argv


def serve(addrport: str, dev: bool = False, workers: int | None = None, access_log: bool = True, out=None):
    out = out or sys.stdout
    call_command("migrate", interactive=False, verbosity=0)
    if dev:
        out.write(f"Tixi (development server) on http://{addrport}/  (Ctrl-C to stop)\n")
        call_command("runserver", addrport, use_reloader=False, use_threading=True)
        return
    workers = workers or worker_count()
    out.write(f"Tixi on http://{addrport}/ (gunicorn, {workers} workers)  (Ctrl-C to stop)\n")
    out.flush()
    connections.close_all()  # nothing of this process's database connections into the server's
    argv = gunicorn_argv(addrport, workers, access_log)
    os.execv(argv[0], argv)

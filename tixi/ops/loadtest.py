"""`tixi bench serve`: the production server under load, on this machine only.

Starts `tixi serve` (gunicorn) on a loopback port the system picks over the database of DATABASE_URL (by default
its own SQLite file, with the demo region built into it), logs a number of clients in as the demo
planner, and (after one warm-up round) has each load the dashboard and a scorecard again and again
for a bounded time. Prints
requests/s, p50/p95 latency and errors per page, and whether the server logged "database is locked".
"""

import http.client
import os
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

LOOPBACK = "127.0.0.1"  # never anything else: this is a load test of one's own machine
MAX_CLIENTS = 32
MAX_SECONDS = 300
BENCH_DB = "bench-serve.sqlite3"
PAGES = {
    "dashboard": "/divisions/510400000000/?year=2024",
    "scorecard": "/plans/panzhihua-14th-system/?division=510400000000&year=2024",
}
USERNAME = "planner"


@dataclass
class PageFigures:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class Client:
    """One browser: its own keep-alive connection and cookies."""

    def __init__(self, port: int):
        self.connection = http.client.HTTPConnection(LOOPBACK, port, timeout=60)
        self.cookies: dict[str, str] = {}
        self.location: str | None = None

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        self.location = response.getheader("Location")
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, text

    def log_in(self, password: str) -> None:
        status, page = self.request("GET", "/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or not token:
            raise RuntimeError(f"login page: HTTP {status}")
        form = urlencode({"csrfmiddlewaretoken": token.group(1), "username": USERNAME, "password": password})
        status, _ = self.request("POST", "/login/", form)
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"login as {USERNAME}: HTTP {status}")

    def reconnect(self):
        self.connection.close()
        self.connection = http.client.HTTPConnection(LOOPBACK, self.connection.port, timeout=60)

    def close(self):
        self.connection.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def drive(port: int, clients: int, seconds: float, password: str) -> tuple[dict[str, PageFigures], float]:
    figures = {name: PageFigures() for name in PAGES}
    lock = threading.Lock()
    deadline = [0.0]
    # every client logged in, then the clock starts for all at once
    start = threading.Barrier(
        clients + 1, action=lambda: deadline.__setitem__(0, time.perf_counter() + seconds)
    )

    def one_client():
        client = Client(port)
        try:
            client.log_in(password)
            for path in PAGES.values():  # warm-up, not counted: each worker's first page fills its caches
                client.request("GET", path)
        except Exception as error:  # counted, and this client stops
            with lock:
                figures["dashboard"].errors.append(f"login: {error}")
            start.wait()
            return
        start.wait()
        client.reconnect()  # the server closed it while this client waited for the others' logins
        try:
            while time.perf_counter() < deadline[0]:
                for name, path in PAGES.items():
                    began = time.perf_counter()
                    try:
                        status, _ = client.request("GET", path)
                        problem = None if status == 200 else f"HTTP {status} {client.location or ''}".strip()
                    except (OSError, http.client.HTTPException) as error:
                        problem = f"{type(error).__name__}: {error}"
                        client.reconnect()
                    elapsed = time.perf_counter() - began
                    with lock:
                        if problem:
                            figures[name].errors.append(problem)
                        else:
                            figures[name].latencies.append(elapsed)
        finally:
            client.close()

    threads = [threading.Thread(target=one_client, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join(seconds + 120)
    return figures, time.perf_counter() - began


LISTENING = re.compile(r"Listening at: http://[0-9.]+:(\d+)")


def _log_tail(log) -> str:
    log.flush()
    return Path(log.name).read_text(errors="replace")[-2000:]


def start_server(
    tixi: list[str], env: dict, log, options=(), timeout: float = 240
) -> tuple[subprocess.Popen, int]:
    """`tixi serve` on a loopback port the system picks (port 0: never one another server already
    holds, so two test runs on one machine never collide), writing to the open file `log`. Returns
    the process and its port once a page answers, waiting as long as a loaded machine needs
    (gunicorn binds before its workers have loaded Django), or raises with the server's log."""
    argv = [*tixi, "serve", "--addrport", f"{LOOPBACK}:0", *options]
    server = subprocess.Popen(argv, env=env, stdout=log, stderr=subprocess.STDOUT)
    ends = time.monotonic() + timeout
    port = None
    try:
        while time.monotonic() < ends:
            if server.poll() is not None:
                raise RuntimeError(f"the server stopped (exit {server.returncode}):\n{_log_tail(log)}")
            if port is None:
                found = LISTENING.search(Path(log.name).read_text(errors="replace"))
                port = int(found.group(1)) if found else None
            if port is not None:
                try:
                    connection = http.client.HTTPConnection(LOOPBACK, port, timeout=10)
                    connection.request("GET", "/login/")
                    connection.getresponse().read()
                    connection.close()
                    return server, port
                except (OSError, http.client.HTTPException):
                    pass
            time.sleep(0.3)
        raise RuntimeError(f"no page answered within {timeout:.0f} s:\n{_log_tail(log)}")
    except BaseException:
        stop_server(server)
        raise


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def server_environment(environ, var_dir: Path) -> dict:
    """The environment of the bench's own server: the production configuration (no DEBUG) over its own
    database, speaking plain HTTP to its clients on the loopback. A commission's settings file read
    first (TIXI_HTTPS=1, its host name) would answer every request with a redirect or a 400."""
    env = dict(environ)
    env.setdefault("DATABASE_URL", f"sqlite:///{var_dir / BENCH_DB}")
    for name in ("TIXI_DEBUG", "TIXI_HTTPS", "TIXI_BEHIND_PROXY"):
        env.pop(name, None)
    env["TIXI_ALLOWED_HOSTS"] = LOOPBACK
    # it serves the demo, on the demo's today (the year its data runs to), as `tixi demo` does
    from tixi.demo.calendar import DEMO_TODAY

    env.setdefault("TIXI_TODAY", f"{DEMO_TODAY:%Y-%m-%d}")
    return env


def run(clients: int, seconds: float, workers: int | None, var_dir: Path, out=sys.stdout) -> dict:
    if not 1 <= clients <= MAX_CLIENTS:
        raise ValueError(f"--clients: between 1 and {MAX_CLIENTS}")
    if not 1 <= seconds <= MAX_SECONDS:
        raise ValueError(f"--seconds: between 1 and {MAX_SECONDS}")
    from tixi.demo.load import DEMO_PASSWORD

    env = server_environment(os.environ, var_dir)
    tixi = [sys.executable, "-m", "tixi.cli"]
    database = env["DATABASE_URL"].split("://")[0]
    out.write(f"database: {database}; building the demo region there if missing...\n")
    built = subprocess.run([*tixi, "demo", "--build-only"], env=env, capture_output=True, text=True)
    if built.returncode != 0:  # e.g. a commission's database: `tixi demo` refuses it, say why
        raise RuntimeError(f"tixi demo --build-only: {(built.stderr or built.stdout).strip()[-1500:]}")
    options = ["--no-access-log", *(["--workers", str(workers)] if workers else [])]
    with open(var_dir / "bench-serve.log", "w+") as log:
        server, port = start_server(tixi, env, log, options)
        try:
            out.write(
                f"server: serve --addrport {LOOPBACK}:{port} {' '.join(options)}; {clients} clients for {seconds:.0f} s\n"
            )
            figures, elapsed = drive(port, clients, seconds, DEMO_PASSWORD)
        finally:
            stop_server(server)
        log.seek(0)
        server_log = log.read()
    locked = server_log.count("database is locked")
    server_errors = len(re.findall(r"^Traceback", server_log, flags=re.M))
    total = sum(len(f.latencies) for f in figures.values())
    out.write(f"{'page':<11}{'requests':>9}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'errors':>7}\n")
    report = {"database": database, "clients": clients, "seconds": round(elapsed, 1), "pages": {}}
    for name, f in figures.items():
        row = {
            "requests": len(f.latencies),
            "per_second": len(f.latencies) / elapsed,
            "p50_ms": percentile(f.latencies, 0.50) * 1000,
            "p95_ms": percentile(f.latencies, 0.95) * 1000,
            "errors": len(f.errors),
        }
        report["pages"][name] = row
        out.write(
            f"{name:<11}{row['requests']:>9}{row['per_second']:>8.1f}{row['p50_ms']:>8.0f}"
            f"{row['p95_ms']:>8.0f}{row['errors']:>7}\n"
        )
        for problem in sorted(set(f.errors))[:5]:
            out.write(f"  {name}: {problem}\n")
    report.update(total_per_second=total / elapsed, database_locked=locked, server_tracebacks=server_errors)
    out.write(
        f'all pages: {total / elapsed:.1f} requests/s; "database is locked" in the server log: {locked}; '
        f"tracebacks: {server_errors}\n"
    )
    return report

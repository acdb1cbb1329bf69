"""`tixi bench registry`: a province-sized registry, and how fast its dashboard figures come."""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

PROVINCE = {"code": "650000", "name": "模拟省"}
BENCH_DB = "bench-registry.sqlite3"


def province_specs(cities: int = 18, counties_per_city: int = 10) -> list[dict]:
    """About 180 counties, 4,500 townships, 50,000 villages and 80,000 institutions (all synthetic)."""
    specs = []
    for c in range(cities):
        city_code = f"65{c + 1:02d}"
        specs.append(
            {
                "name": f"模拟市{c + 1:02d}",
                "code": city_code,
                "province": PROVINCE,
                "centre": [80 + (c % 6) * 2.0, 38 + (c // 6) * 2.0],
                "extent": [1.9, 1.9],
                "growth": 0.002,
                "population": 4_600_000,
                "counties": [
                    {
                        "code": f"{city_code}{k + 1:02d}",
                        "name": f"模拟县{c + 1:02d}{k + 1:02d}",
                        "share": 1.0,
                        "streets": 3,
                        "towns": 22,
                    }
                    for k in range(counties_per_city)
                ],
                "trends": {"default": 0.02},
            }
        )
    return specs


class Command(BaseCommand):
    help = "Benchmarks. `tixi bench registry`: build a province-sized registry, time the dashboard figures."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["registry"])
        parser.add_argument("--rebuild", action="store_true", help="build the benchmark registry again")
        parser.add_argument("--repeat", type=int, default=5)
        parser.add_argument("--in-process", action="store_true", help=argparse_hidden())

    def handle(self, *args, what, rebuild, repeat, in_process, **options):
        if not in_process:
            # The benchmark has its own database, never the demo's (PostgreSQL when DATABASE_URL says so).
            env = dict(os.environ)
            if "DATABASE_URL" not in env:
                env["DATABASE_URL"] = f"sqlite:///{Path(settings.VAR_DIR) / BENCH_DB}"
            argv = [sys.executable, "-m", "tixi.cli", "bench", what, "--in-process", "--repeat", str(repeat)]
            if rebuild:
                argv.append("--rebuild")
            completed = subprocess.run(argv, env=env)
            if completed.returncode:
                raise CommandError("benchmark failed")
            return
        self.run_registry(rebuild, repeat)

    def run_registry(self, rebuild, repeat):
        from tixi.demo.builder import DemoBuilder
        from tixi.demo.load import write
        from tixi.geo.models import Division, Population
        from tixi.registry.models import Institution, InstitutionYear

        call_command("migrate", interactive=False, verbosity=0)
        years = range(2017, 2027)
        if rebuild or not Division.objects.filter(code="650000000000").exists():
            if Division.objects.exists():
                call_command("flush", interactive=False, verbosity=0)
            started = time.perf_counter()
            self.stdout.write("generating a province-sized registry (fixed seed)...")
            builder = DemoBuilder(seed=7, years=years).build(province_specs())
            generated = time.perf_counter()
            write(builder)
            self.stdout.write(
                f"  generated in {generated - started:.1f} s, written in {time.perf_counter() - generated:.1f} s"
            )
        counts = {
            "counties": Division.objects.filter(level=3).count(),
            "townships": Division.objects.filter(level=4).count(),
            "villages": Division.objects.filter(level=5).count(),
            "institutions": Institution.objects.count(),
            "yearly resource rows": InstitutionYear.objects.count(),
            "population rows": Population.objects.count(),
        }
        self.stdout.write(f"database: {connection.vendor}")
        for label, n in counts.items():
            self.stdout.write(f"  {label:<22} {n:>9,}")
        province = Division.objects.at("650000000000", 2025)
        county = Division.objects.valid_in(2025).filter(level=3).order_by("code").first()
        city = county.parent
        self.stdout.write(f"\ndashboard figures for 2025, median of {repeat} runs (query count in brackets):")
        for label, division in (("province", province), ("city", city), ("county", county)):
            self.time(f"{label} figures ({division.name})", lambda d=division: self.figures(d), repeat)
        for label, division in (("province", province), ("county", county)):
            self.time(f"{label} whole dashboard", lambda d=division: self.dashboard(d), repeat)

    @staticmethod
    def figures(division):
        from tixi.registry.services import division_figures

        return division_figures(division, 2025)

    @staticmethod
    def dashboard(division):
        from tixi.registry.services import children_figures, division_figures, division_series

        division_figures(division, 2025)
        children_figures(division, 2025)
        division_series(division, range(2018, 2027))

    def time(self, label, function, repeat):
        function()  # warm caches
        timings = []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                function()
                timings.append(time.perf_counter() - started)
        self.stdout.write(
            f"  {label:<40} {statistics.median(timings) * 1000:>8.1f} ms  [{len(queries)} queries]"
        )


def argparse_hidden():
    import argparse

    return argparse.SUPPRESS

"""Whole-table statements on the yearly reports under the resource cube's triggers.

Usage, on an EMPTY database migrated by Tixi (it writes test divisions and reports):
    DATABASE_URL=postgres://… PYTHONPATH=. python scripts/cube_statements.py [reports]

Prints the time of one UPDATE of every report, one save, and a raw DELETE of half the reports,
and the cube's drift after them (0 when the triggers kept it exact). Session 17, PostgreSQL 15,
10,000 reports in 10,000 cells: the update took 112 s when the trigger joined the cube with the
transition table, 0.8 s with the subtracting upsert (README, Benchmark).
"""

import os
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tixi.settings")
django.setup()

from django.db import connection, transaction  # noqa: E402
from django.db.models import F  # noqa: E402

from tests import factories  # noqa: E402
from tixi.registry.models import InstitutionYear, ResourceCube  # noqa: E402
from tixi.registry.services import cube_drift  # noqa: E402


def main(reports: int) -> None:
    if InstitutionYear.objects.exists():
        sys.exit("the database holds yearly reports already: run this on an empty one")
    with transaction.atomic():
        factories.institutions_in(factories.two_cities(), years=[2020])
        base = list(InstitutionYear.objects.all())
        fields = [f.attname for f in InstitutionYear._meta.concrete_fields if f.attname != "id"]
        copies = [
            InstitutionYear(**{**{name: getattr(r, name) for name in fields}, "year": 2020 + k})
            for k in range(1, reports // len(base))
            for r in base
        ]
        InstitutionYear.objects.bulk_create(copies, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print("reports", InstitutionYear.objects.count(), "cube cells", ResourceCube.objects.count())
    started = time.perf_counter()
    InstitutionYear.objects.update(physicians=F("nurses") + 1)
    print(f"update of every report: {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    with transaction.atomic():
        report = InstitutionYear.objects.order_by("id").first()
        report.nurses += 1
        report.save()
    print(f"one save: {1000 * (time.perf_counter() - started):.1f} ms")
    middle = 2020 + reports // len(base) // 2
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM registry_institutionyear WHERE year >= %s", [middle])
    print(f"raw delete of half the reports: {time.perf_counter() - started:.2f} s")
    print("cube drift rows:", len(cube_drift()))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)

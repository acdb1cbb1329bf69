"""`tixi figures` lives with the demo: its --check compares the registry with the figures the seeds
publish, which is the demo's calibration (tixi/demo/calibration.py)."""

import json
import sys

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from tixi.core.exports import TableCommand
from tixi.demo.calibration import check_division, contradictions_for
from tixi.geo.cli import division_option
from tixi.registry.services import division_figures


class Command(TableCommand):
    help = "Registry figures of a division (12-digit code) for a year; --check compares them with the seeds."

    def add_arguments(self, parser):
        parser.add_argument("--division", required=True, help="12-digit division code, e.g. 510400000000")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--format", choices=["json", "table"], default="table")
        parser.add_argument(
            "--check", action="store_true", help="list every published figure with the computed value"
        )

    def handle(self, *args, division, year, format, check, **options):
        row = division_option(division, year)
        if check:
            return self.run_check(row, year, format)
        figures = division_figures(row, year)
        if format == "json":
            self.stdout.write(json.dumps(figures, ensure_ascii=False, indent=2))
            return
        width = max(map(len, figures))
        for key, value in figures.items():
            self.stdout.write(
                f"{key.ljust(width)}  {json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else value}"
            )

    def run_check(self, row, year, format):
        results = check_division(row, year)
        if not results:
            raise CommandError(
                _("division: the seeds publish no baseline figures for %(name)s in %(year)s.")
                % {"name": row.name, "year": year}
            )
        unexpected = [r for r in results if not r.matches and not r.note]
        if format == "json":
            self.stdout.write(
                json.dumps([r.__dict__ for r in results], ensure_ascii=False, indent=2, default=str)
            )
        else:
            for r in results:
                status = (
                    "match" if r.matches else ("mismatch (recorded contradiction)" if r.note else "MISMATCH")
                )
                self.stdout.write(
                    f"{status:<34} {r.key:<60} published={r.published!s:<28} computed={r.computed!s:<28} {r.source}"
                )
                if r.note:
                    self.stdout.write(f"{'':<34} note: {r.note}")
            for text in contradictions_for(row.code):
                self.stdout.write(f"contradiction in the seed: {text}")
            self.stdout.write(
                f"{len(results) - len(unexpected)} of {len(results)} published figures reproduced or explained; {len(unexpected)} unexpected mismatches"
            )
        if unexpected:
            sys.exit(1)

"""`tixi figures` lives with the demo: its --check compares the registry with the figures the seeds
publish, which is the demo's calibration (tixi/demo/calibration.py)."""

import json
import sys

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from tixi.core.exports import TableCommand
from tixi.demo.calibration import check_division, contradictions_for
from tixi.geo.cli import division_option
from tixi.registry.engine.figures import CONTRADICTION, MATCH, SHORTFALL
from tixi.registry.services import division_figures

STATUS_WORDS = {
    MATCH: "match",
    CONTRADICTION: "mismatch (contradiction in the seed)",
    SHORTFALL: "MISMATCH (the demo falls short)",
}


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
        # a mismatch passes only as the seed's own contradiction, proven by its other figures
        unexpected = [r for r in results if r.status == SHORTFALL]
        if format == "json":
            self.stdout.write(
                json.dumps([r.__dict__ for r in results], ensure_ascii=False, indent=2, default=str)
            )
        else:
            for r in results:
                self.stdout.write(
                    f"{STATUS_WORDS[r.status]:<38} {r.key:<60} published={r.shown(r.published):<28} computed={r.shown(r.computed):<28} {r.source}"
                )
                if r.proof:
                    self.stdout.write(f"{'':<38} proof: {r.proof}")
                if r.note:
                    self.stdout.write(f"{'':<38} note: {r.note}")
            for text in contradictions_for(row.code):
                self.stdout.write(f"contradiction in the seed: {text}")
            matched = sum(r.status == MATCH for r in results)
            proven = sum(r.status == CONTRADICTION for r in results)
            self.stdout.write(
                f"{len(results)} published figures: {matched} reproduced, {proven} contradicted by the seed's own figures, {len(unexpected)} not reproduced by the demo"
            )
        if unexpected:
            sys.exit(1)

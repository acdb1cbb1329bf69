from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tixi.geo.models import Division
from tixi.indicators import reports
from tixi.indicators.models import Plan, Trajectory
from tixi.indicators.services import evaluate_plan


def resolve(plan_code: str, division_code: str, year: int) -> tuple[Plan, Division]:
    plan = Plan.objects.filter(code=plan_code).first()
    if plan is None:
        known = ", ".join(Plan.objects.values_list("code", flat=True))
        raise CommandError(f"plan: no plan {plan_code!r}; plans are {known}")
    division_code = division_code or plan.region.code
    if len(division_code) != 12 or not division_code.isdigit():
        raise CommandError(f"division: a division code must be exactly 12 digits (got {division_code!r})")
    division = Division.objects.at(division_code, year)
    if division is None:
        raise CommandError(f"division: no division {division_code} on the map of {year}")
    return plan, division


class Command(BaseCommand):
    help = "Reports: `tixi report evaluation --plan P --division D --year Y --out FILE.docx` (and FILE.xlsx beside it)."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["evaluation"])
        parser.add_argument("--plan", required=True)
        parser.add_argument("--division", default="")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--trajectory", choices=Trajectory.values, help="override each target's")
        parser.add_argument("--out", required=True, help="a .docx file; the .xlsx table is written beside it")

    def handle(self, *args, kind, plan, division, year, out, trajectory=None, **options):
        out = Path(out)
        if out.suffix != ".docx":
            raise CommandError("out: the report is a Word file; give a name ending in .docx")
        plan_row, division_row = resolve(plan, division, year)
        rows = evaluate_plan(plan_row, division_row, year, trajectory=trajectory)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(reports.evaluation_docx(plan_row, division_row, year, rows))
        table = out.with_suffix(".xlsx")
        table.write_bytes(reports.evaluation_xlsx(plan_row, division_row, year, rows))
        self.stdout.write(f"wrote {out} and {table} ({len(rows)} targets)")

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tixi.geo.cli import division_option
from tixi.geo.models import Division
from tixi.indicators import reports
from tixi.indicators.models import Plan, Trajectory
from tixi.indicators.services import evaluate_plan


def resolve(plan_code: str, division_code: str, year: int) -> tuple[Plan, Division]:
    plan = Plan.objects.filter(code=plan_code).first()
    if plan is None:
        known = ", ".join(Plan.objects.values_list("code", flat=True))
        raise CommandError(
            _("--plan: no plan %(code)r; the plans are %(known)s.") % {"code": plan_code, "known": known}
        )
    return plan, division_option(division_code or plan.region.code, year)


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
            raise CommandError(_("--out: the report is a Word file; give a name ending in .docx."))
        plan_row, division_row = resolve(plan, division, year)
        rows = evaluate_plan(plan_row, division_row, year, trajectory=trajectory)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(reports.evaluation_docx(plan_row, division_row, year, rows))
        table = out.with_suffix(".xlsx")
        table.write_bytes(reports.evaluation_xlsx(plan_row, division_row, year, rows))
        self.stdout.write(f"wrote {out} and {table} ({len(rows)} targets)")

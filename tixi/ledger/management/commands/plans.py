"""`tixi plans` lives with the ledger, the higher of the two apps it serves: `list` and `evaluate`
read the indicators' plans, `parse` is the ledger's plan reader."""

import json
from collections import defaultdict
from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from tixi.core.exports import TableCommand
from tixi.indicators.management.commands.report import resolve
from tixi.indicators.models import Target, Trajectory
from tixi.indicators.services import evaluate_plan, plan_summaries
from tixi.ledger.engine import parse
from tixi.ledger.engine.documents import NotADocument, read_document
from tixi.ledger.engine.tables import indicator_rows

STATUS_MARK = {
    "achieved": "✔",
    "on_track": "●",
    "at_risk": "▲",
    "off_track": "✘",
    "no_data": "?",
    "not_judged": "–",
}


class Command(TableCommand):
    help = "Plans: list them, or evaluate every target of one for a division and year."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        listing = sub.add_parser("list")
        listing.add_argument("--format", choices=["json", "table"], default="table")
        evaluate = sub.add_parser("evaluate")
        evaluate.add_argument("--plan", required=True)
        evaluate.add_argument("--division", default="", help="12-digit code (default: the plan's region)")
        evaluate.add_argument("--year", type=int, required=True)
        evaluate.add_argument("--format", choices=["json", "table"], default="table")
        evaluate.add_argument(
            "--trajectory", choices=Trajectory.values, help="override each target's trajectory"
        )
        reading = sub.add_parser("parse")
        reading.add_argument("file", help="a plan or notice as .txt or .docx")
        reading.add_argument("--format", choices=["json", "table"], default="table")

    def handle(self, *args, action, **options):
        if action == "parse":
            return self.parse(options["file"], options["format"])
        if action == "list":
            rows = plan_summaries()
            if options["format"] == "json":
                clauses = defaultdict(list)
                for code, order, label, clause in Target.objects.order_by("plan__code", "order").values_list(
                    "plan__code", "order", "label", "clause"
                ):
                    clauses[code].append({"order": order, "label": label, "clause": clause})
                for r in rows:
                    r["target_list"] = clauses[r["code"]]
                self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            else:
                for r in rows:
                    self.stdout.write(
                        f"{r['code']:<28} {r['targets']:>3} targets  {r['document_number'] or '—':<18} {r['title']}"
                    )
            return
        plan, division = resolve(options["plan"], options["division"], options["year"])
        rows = evaluate_plan(plan, division, options["year"], trajectory=options["trajectory"])
        if options["format"] == "json":
            keep = (
                "order",
                "area",
                "label",
                "indicator",
                "institution",
                "nature",
                "kind",
                "baseline_year",
                "baseline",
                "target_year",
                "target",
                "target_text",
                "national",
                "trajectory",
                "actual",
                "status",
                "rule",
                "gap",
                "no_data_reason",
                "baseline_comparator",
                "baseline_text",
                "deadline_stated",
                "clause",
                "note",
            )
            self.stdout.write(
                json.dumps([{k: r[k] for k in keep} for r in rows], ensure_ascii=False, indent=2)
            )
            return
        self.stdout.write(f"{plan.title} · {division.name} · {options['year']}")
        for r in rows:
            gap = (r["gap"] or {}).get("text", "")
            self.stdout.write(
                f"{STATUS_MARK[r['status']]} {r['status']:<9} {r['label'][:34]:<36} baseline={r['baseline']!s:<8} "
                f"actual={r['actual']!s:<10} target={r['target_text']:<8} {gap}"
            )

    def parse(self, file: str, fmt: str):
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("file: %(path)s does not exist.") % {"path": file})
        try:
            text = read_document(path.name, path.read_bytes())
        except NotADocument as error:
            raise CommandError(f"file: {error}") from error
        tasks = [
            {
                "clause": t["clause"],
                "text": t["title"],
                "lead_units": t["lead_units"],
                "cooperating_units": t["cooperating_units"],
                "deadline": t["deadline"],
            }
            for t in parse.tasks(text)
        ]
        targets = parse.targets(text)
        indicators = indicator_rows(text)
        if fmt == "json":
            self.stdout.write(
                json.dumps(
                    {"tasks": tasks, "targets": targets, "indicators": indicators},
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return
        if not tasks and not targets and not indicators:
            self.stdout.write("found no tasks and no numeric targets: this does not read as a plan")
            return
        for r in indicators:
            self.stdout.write(
                f"indicator table {r['table'] or '(no caption)'} row {r['number']} [{r['area']}] {r['name']} · "
                f"{r['baseline_year'] or 'baseline'}: {r['baseline_text'] or '—'} → {r['target_year']}: "
                f"{r['target_text']} · {r['nature'] or '—'}"
            )
        for t in tasks:
            self.stdout.write(
                f"task {t['clause']} {t['text']} · lead {'、'.join(t['lead_units'])} · with {'、'.join(t['cooperating_units'])} · by {t['deadline']}"
            )
        for t in targets:
            self.stdout.write(
                f"target {t['comparator']} {t['value']:g}{t['unit']} by {t['year']} · {t['text'][:60]}"
            )

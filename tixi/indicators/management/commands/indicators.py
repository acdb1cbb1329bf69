import json

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from tixi.core.exports import TableCommand
from tixi.indicators.engine.expression import ExpressionError
from tixi.indicators.models import Indicator
from tixi.indicators.services import describe_expression


class Command(TableCommand):
    help = "The indicator catalogue: list it, or validate an expression and say it in words."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        listing = sub.add_parser("list")
        listing.add_argument("--format", choices=["json", "table"], default="table")
        describe = sub.add_parser("describe")
        describe.add_argument("expression")
        describe.add_argument("--language", default="zh-hans", choices=["zh-hans", "en"])

    def handle(self, *args, action, **options):
        if action == "list":
            rows = list(
                Indicator.objects.values("code", "name", "unit", "factor", "numerator", "denominator")
            )
            if options["format"] == "json":
                self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            else:
                for r in rows:
                    self.stdout.write(f"{r['code']:<40} {r['name']}")
            return
        text = options["expression"]
        try:
            self.stdout.write(describe_expression(text, options["language"]))
        except ExpressionError as error:
            pointer = " " * error.position + "^"
            message = _(error.message) % error.params if error.params else _(error.message)
            raise CommandError(
                _("expression: character %(position)s: %(problem)s")
                % {"position": error.position + 1, "problem": message}
                + f"\n  {text}\n  {pointer}"
            ) from error

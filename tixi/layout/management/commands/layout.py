"""`tixi layout gaps`: each allocation norm of a division and year (required, actual, gap in whole units).
`tixi layout site`: where K new facilities would cover the most population within M minutes."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tixi.geo.models import Division
from tixi.layout.norms import as_json, gaps


def division_at(code: str, year: int) -> Division:
    if not code.isdigit() or not 6 <= len(code) <= 12:
        raise CommandError(
            _("--division: a division code has 6 to 12 digits (got %(code)r).") % {"code": code}
        )
    row = Division.objects.at(code.ljust(12, "0"), year)
    if row is None:
        raise CommandError(
            _("--division: no division %(code)s on the map of %(year)s.") % {"code": code, "year": year}
        )
    return row


def cell(value) -> str:
    return "—" if value is None else str(value)


class Command(BaseCommand):
    help = (
        "Layout: `tixi layout gaps --division CODE --year YYYY [--format json|table]`; "
        "`tixi layout site --division CODE --year YYYY --new K [--candidates N] [--minutes 30]`."
    )

    def add_arguments(self, parser):
        verbs = parser.add_subparsers(dest="verb", required=True)
        gap = verbs.add_parser(
            "gaps", help="each allocation norm: required, actual and the gap in whole units"
        )
        gap.add_argument("--division", required=True, help="division code (6 or 12 digits)")
        gap.add_argument("--year", type=int, required=True)
        gap.add_argument("--format", default="table", choices=["table", "json"])

    def handle(self, *args, verb, **options):
        if verb == "gaps":
            return self.gaps(options)

    def gaps(self, options):
        division = division_at(options["division"], options["year"])
        data = as_json(division, options["year"], gaps(division, options["year"]))
        if options["format"] == "json":
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{data['name']} {data['year']}")
        header = [_("norm"), _("judged"), _("required"), _("actual"), _("gap"), _("result")]
        self.stdout.write("\t".join(header))
        for n in data["norms"]:
            if n["skipped"]:
                state = _("not judged: %(reason)s") % {"reason": n["skipped"]}
            else:
                state = {True: _("met"), False: _("not met"), None: _("no data")}[n["passed"]]
            row = [n["name"], str(n["judged"]), cell(n["required"]), cell(n["actual"]), cell(n["gap"]), state]
            self.stdout.write("\t".join(row))
            for sentence in n["sentences"][:5]:
                self.stdout.write(f"    {sentence}")
            if len(n["lacking"]) > 5:
                self.stdout.write("    " + _("... and %(n)s more") % {"n": len(n["lacking"]) - 5})

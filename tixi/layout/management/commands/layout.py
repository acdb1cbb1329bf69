"""`tixi layout gaps`: each allocation norm of a division and year (required, actual, gap in whole units).
`tixi layout site`: where K new facilities would cover the most population within M minutes."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tixi.geo.models import Division
from tixi.layout.access import KINDS, AccessError, division_siting
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
        site = verbs.add_parser(
            "site", help="K new sites covering the most population within M minutes (HiGHS)"
        )
        site.add_argument("--division", required=True, help="division code (6 or 12 digits)")
        site.add_argument("--year", type=int, required=True)
        site.add_argument(
            "--kind", default="township", choices=list(KINDS), help="the kind of facility to add"
        )
        site.add_argument("--new", type=int, required=True, help="K: how many new sites")
        site.add_argument("--candidates", type=int, default=50, help="N: candidate sites considered")
        site.add_argument("--minutes", type=float, default=30.0, help="M: travel-time threshold")
        site.add_argument("--time-limit", type=float, default=60.0, help="seconds the exact solver may take")
        site.add_argument("--format", default="table", choices=["table", "json"])

    def handle(self, *args, verb, **options):
        if verb == "gaps":
            return self.gaps(options)
        if verb == "site":
            return self.site(options)

    def site(self, options):
        division = division_at(options["division"], options["year"])
        try:
            data = division_siting(
                division,
                options["year"],
                options["kind"],
                options["new"],
                options["candidates"],
                options["minutes"],
                options["time_limit"],
            )
        except AccessError as error:
            raise CommandError(str(error)) from error
        if options["format"] == "json":
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        exact, heuristic = data["exact"], data["greedy"]
        self.stdout.write(f"{data['name']} {data['year']}: {data['note']}")
        self.stdout.write(
            _(
                "Within %(minutes)s min today: %(before)s of %(population)s residents "
                "(%(existing)s facilities); %(new)s new sites among %(candidates)s candidates:"
            )
            % {
                "minutes": f"{data['minutes']:g}",
                "before": data["covered_before"],
                "population": data["population"],
                "existing": data["existing_facilities"],
                "new": data["new"],
                "candidates": data["candidates"],
            }
        )
        self.stdout.write(
            _(
                "HiGHS: %(covered)s more residents covered; bound %(bound)s, gap %(gap)s%% "
                "(%(state)s, %(seconds)s s)"
            )
            % {
                "covered": exact["newly_covered"],
                "bound": exact["bound"],
                "gap": exact["gap_percent"],
                "state": _("proven optimal") if exact["optimal"] else _("time limit reached"),
                "seconds": exact["seconds"],
            }
        )
        for site in exact["sites"]:
            self.stdout.write(f"    {site['place']} ({site['near']})")
        self.stdout.write(
            _(
                "Greedy: %(covered)s more residents covered, %(below)s%% below the bound; marginal: %(marginal)s"
            )
            % {
                "covered": heuristic["newly_covered"],
                "below": heuristic["below_best_percent"],
                "marginal": ", ".join(str(m) for m in heuristic["marginal"]),
            }
        )

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

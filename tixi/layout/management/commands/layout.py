"""`tixi layout gaps`: each allocation norm of a division and year (required, actual, gap in whole units).
`tixi layout site`: where K new facilities would cover the most population within M minutes."""

import json

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from tixi.accounts.audit import acting_as
from tixi.core.exports import TableCommand
from tixi.core.text import digits
from tixi.geo.cli import division_option
from tixi.indicators.models import Plan
from tixi.layout.access import (
    KINDS,
    AccessError,
    division_siting,
    parse_capacity,
    read_candidates,
    site_label,
)
from tixi.layout.models import SitingScenario
from tixi.layout.norms import as_json, gaps
from tixi.layout.scenarios import save_scenario, scenario_to_projects


def cell(value) -> str:
    return "—" if value is None else str(value)


class Command(TableCommand):
    help = (
        "Layout: `tixi layout gaps --division CODE --year YYYY [--format json|table]`; "
        "`tixi layout site --division CODE --year YYYY --k K [--candidates N|FILE] [--minutes 30] [--sweep K] "
        "[--capacity N] [--per-township one|any] [--save NAME]`; `tixi layout projects --division CODE --year YYYY --scenario NAME --plan CODE`."
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
        site.add_argument("--k", "--new", dest="new", type=int, required=True, help="K: how many new sites")
        site.add_argument(
            "--candidates",
            default="50",
            help="N: the N registry settlements covering most, or FILE: a CSV "
            "code[,name,longitude,latitude,capacity]",
        )
        site.add_argument(
            "--sweep", type=int, default=0, help="also k = 1..SWEEP, each added site's marginal"
        )
        site.add_argument("--save", metavar="NAME", help="keep the answer as a siting scenario of this name")
        site.add_argument(
            "--capacity",
            help="residents each new site may serve (a candidate file's capacity column overrides it)",
        )
        site.add_argument(
            "--per-township",
            default="one",
            choices=["one", "any"],
            help="one: at most one new site per township (default); any: several may share one",
        )
        made = verbs.add_parser(
            "projects", help="turn a saved siting scenario into planned projects of a plan"
        )
        made.add_argument("--division", required=True, help="division code (6 or 12 digits)")
        made.add_argument("--year", type=int, required=True)
        made.add_argument("--scenario", required=True, help="the scenario's name")
        made.add_argument("--plan", required=True, help="the plan's code")
        made.add_argument("--unit", default="", help="responsible unit (default: the plan's issuer)")
        made.add_argument("--user", help="act as this user (a planner whose scope covers both)")
        site.add_argument("--minutes", type=float, default=30.0, help="M: travel-time threshold")
        site.add_argument("--time-limit", type=float, default=60.0, help="seconds the exact solver may take")
        site.add_argument("--format", default="table", choices=["table", "json"])

    def handle(self, *args, verb, **options):
        if verb == "gaps":
            return self.gaps(options)
        if verb == "site":
            return self.site(options)
        if verb == "projects":
            return self.projects(options)

    def projects(self, options):
        division = division_option(options["division"], options["year"])
        scenario = SitingScenario.objects.filter(
            division__code=division.code, year=options["year"], name=options["scenario"]
        ).first()
        if scenario is None:
            raise CommandError(
                _("--scenario: %(division)s %(year)s has no scenario named %(name)s.")
                % {"division": division.name, "year": options["year"], "name": options["scenario"]}
            )
        plan = Plan.objects.filter(code=options["plan"]).first()
        if plan is None:
            raise CommandError(_("--plan: no plan with the code %(code)s.") % {"code": options["plan"]})
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"], is_active=True).first()
            if user is None:
                raise CommandError(_("--user: no active user %(name)s.") % {"name": options["user"]})
        try:
            with acting_as(user or "tixi layout"):
                projects = scenario_to_projects(scenario, plan, user, options["unit"])
        except (AccessError, PermissionDenied) as error:
            raise CommandError(str(error)) from error
        for project in projects:
            self.stdout.write(f"{project.number}. {project.name} ({project.site})")

    def site(self, options):
        division = division_option(options["division"], options["year"])
        try:
            given = options["candidates"].strip()
            candidates = (
                int(given) if digits(given.lstrip("-")) else read_candidates(given, division, options["year"])
            )
            data = division_siting(
                division,
                options["year"],
                options["kind"],
                options["new"],
                candidates,
                options["minutes"],
                options["time_limit"],
                sweep_to=options["sweep"],
                capacity=parse_capacity(options["capacity"] or "", "--capacity"),
                one_per_township=options["per_township"] == "one",
            )
            if options["save"] is not None:
                with acting_as("tixi layout"):
                    data["saved"] = save_scenario(data, options["save"]).name
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
                "state": _("proven optimal") if exact["optimal"] else _("not proven optimal"),
                "seconds": exact["seconds"],
            }
        )
        if data["capacitated"]:
            self.stdout.write(
                _("Each new site serves at most its capacity; residents served:")
                if data["capacity"] is None
                else _("Each new site serves at most %(capacity)s residents; residents served:")
                % {"capacity": data["capacity"]}
            )
        if data["one_per_township"]:
            self.stdout.write(_("At most one new site per township."))
        for site in exact["sites"]:
            served = "" if site["served"] is None else f"  {site['served']}"
            self.stdout.write(f"    {site_label(site)}{served}")
        for step in data["sweep"]:
            self.stdout.write(
                _(
                    "k=%(k)s: %(covered)s more residents covered (+%(marginal)s), within %(gap)s%% of the best possible"
                )
                % {
                    "k": step["k"],
                    "covered": step["newly_covered"],
                    "marginal": step["marginal"],
                    "gap": step["gap_percent"],
                }
                + ": "
                + "; ".join(site_label(site) for site in step["sites"])
            )
        if data.get("saved"):
            self.stdout.write(_("Saved as scenario %(name)s.") % {"name": data["saved"]})
        if heuristic["optimal"]:
            self.stdout.write(
                _("Greedy: %(covered)s more residents covered, proven optimal; marginal: %(marginal)s")
                % {
                    "covered": heuristic["newly_covered"],
                    "marginal": ", ".join(str(m) for m in heuristic["marginal"]),
                }
            )
        else:
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
        division = division_option(options["division"], options["year"])
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
            if n.get("gap_note"):
                self.stdout.write(f"    {n['gap_note']}")
            for sentence in n["sentences"][:5]:
                self.stdout.write(f"    {sentence}")
            if len(n["lacking"]) > 5:
                self.stdout.write("    " + _("... and %(n)s more") % {"n": len(n["lacking"]) - 5})

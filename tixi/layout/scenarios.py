"""Siting scenarios: a siting answer saved under a name, and a saved scenario turned into planned
projects of a plan. One action each, used by the page and the command line; planners only, within
their scope; audited."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tixi.accounts import audit
from tixi.accounts.permissions import Capability, can
from tixi.accounts.scope import scope_of
from tixi.core.validators import control_character_message
from tixi.geo.models import Division
from tixi.indicators.models import Plan
from tixi.indicators.planned_projects import write_projects
from tixi.layout.access import KIND_LABELS, AccessError
from tixi.layout.models import SitingScenario


def check_planner_over(user, division: Division) -> None:
    """A user (None: the command line, run by the operator) must be a planner whose scope covers it."""
    if user is None:
        return
    scope = scope_of(user)
    if not can(user, Capability.PLAN) or not (scope.unrestricted or scope.covers_path(division.path)):
        raise PermissionDenied(
            _("Only a planner whose scope covers %(name)s may do this.") % {"name": division.display_name}
        )


def snapshot(scenario: SitingScenario) -> dict:
    return {
        "name": scenario.name,
        "division": scenario.division.code,
        "year": scenario.year,
        "kind": scenario.kind,
        "minutes": scenario.minutes,
        "capacity": scenario.capacity,
        "one_per_township": scenario.one_per_township,
        "sites": [s["place"] for s in scenario.sites],
        "newly_covered": scenario.newly_covered,
        "gap_percent": scenario.gap_percent,
        "projects": scenario.projects,
    }


def save_scenario(data: dict, name: str, user=None) -> SitingScenario:
    """Keep a siting answer (as `division_siting` returns it) under a name, unique per division and year."""
    name = (name or "").strip()
    if not name:
        raise AccessError(_("--save: give the scenario a name."))
    if len(name) > 80:
        raise AccessError(_("--save: a name has at most 80 characters."))
    refused = control_character_message("--save", name)
    if refused is not None:
        raise AccessError(refused)
    division = Division.objects.at(data["division"], data["year"])
    check_planner_over(user, division)
    exact = data["exact"]
    scenario = SitingScenario(
        name=name,
        division=division,
        year=data["year"],
        kind=data["kind"],
        minutes=data["minutes"],
        capacity=data.get("capacity"),
        one_per_township=bool(data.get("one_per_township")),
        sites=[
            {
                "place": s["code"],
                "place_name": s["place"],
                "near": s["near"],
                "township": s.get("township", s["place"]),
                "served": s.get("served"),
                "longitude": s["longitude"],
                "latitude": s["latitude"],
            }
            for s in exact["sites"]
        ],
        covered_before=data["covered_before"],
        newly_covered=exact["newly_covered"],
        bound=exact["bound"],
        gap_percent=exact["gap_percent"],
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    try:
        with transaction.atomic():
            scenario.save()
            audit.record_rows(
                "layout.SitingScenario",
                _("siting scenario saved"),
                [(scenario.pk, scenario.name, None, snapshot(scenario), division.path)],
            )
    except IntegrityError:
        raise AccessError(
            _("--save: %(division)s %(year)s already has a scenario named %(name)s.")
            % {"division": division.display_name, "year": data["year"], "name": name}
        ) from None
    return scenario


def scenario_to_projects(
    scenario: SitingScenario, plan: Plan, user=None, unit_name: str = "", start_year=None, end_year=None
) -> list:
    """One planned project of the plan per site of the scenario (new construction, investment to be
    filled in), all or nothing; a scenario becomes projects once."""
    check_planner_over(user, scenario.division)
    check_planner_over(user, plan.region)
    if not scenario.division.path.startswith(plan.region.path):
        raise AccessError(
            _("plan: %(plan)s does not cover %(name)s.")
            % {"plan": plan.display_title, "name": scenario.division.display_name}
        )
    if scenario.projects:
        raise AccessError(_("scenario: %(name)s has already become projects.") % {"name": scenario.name})
    if plan.period_end < scenario.year:
        raise AccessError(
            _("plan: %(plan)s ended in %(last)s, before the scenario's year %(year)s.")
            % {"plan": plan.display_title, "last": plan.period_end, "year": scenario.year}
        )
    # from the year after the scenario's; in a plan's last year, that year itself (the plan still runs)
    start = start_year or min(max(plan.period_start, scenario.year + 1), plan.period_end)
    end = end_year or plan.period_end
    if not (plan.period_start <= start <= end <= plan.period_end):
        raise AccessError(
            _("years: %(start)s-%(end)s is not within the plan's period %(first)s-%(last)s.")
            % {"start": start, "end": end, "first": plan.period_start, "last": plan.period_end}
        )
    kind = str(KIND_LABELS.get(scenario.kind, scenario.kind))
    sites = [
        {
            "name": _("New %(kind)s in %(place)s") % {"kind": kind, "place": site["place_name"]},
            "place": site["place"],
            "place_name": site["place_name"],
            "content": _("Sited near %(near)s: within %(minutes)s minutes of residents not reached today.")
            % {"near": site["near"], "minutes": f"{scenario.minutes:g}"},
            "longitude": site["longitude"],
            "latitude": site["latitude"],
        }
        for site in scenario.sites
    ]
    note = _(
        "From siting scenario %(name)s (%(covered)s more residents covered, within %(gap)s%% of the best possible)."
    ) % {
        "name": scenario.name,
        "covered": scenario.newly_covered,
        "gap": f"{scenario.gap_percent:g}",
    }
    before = snapshot(scenario)
    with transaction.atomic():
        projects = write_projects(plan, sites, unit_name or plan.issuer, start, end, note)
        scenario.projects = [p.pk for p in projects]
        scenario.save(update_fields=["projects"])
        audit.record_rows(
            "layout.SitingScenario",
            _("siting scenario made into projects"),
            [(scenario.pk, scenario.name, before, snapshot(scenario), scenario.division.path)],
        )
    return projects

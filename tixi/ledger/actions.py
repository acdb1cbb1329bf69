"""Writes with rules in the ledger: one function each, called by the page (and any API, import or
command that comes to write the same), which only parses input and calls it."""

from dataclasses import dataclass

from django.db import transaction

from tixi.indicators.models import Plan
from tixi.ledger.models import Project, ProjectNature, ProjectStatus, Task
from tixi.ledger.services import add_drafted_targets, units_named


@dataclass
class DraftedTask:
    """A task the reader drafted and the planner kept (as corrected), its units by name."""

    clause: str
    title: str
    text: str
    deadline: object
    lead: list[str]
    cooperating: list[str]


@transaction.atomic
def create_plan_from_draft(plan: Plan, tasks: list[DraftedTask], targets: list[dict]) -> Plan:
    """A plan read from a document and reviewed: the plan, its kept tasks with their units (created in
    the plan's region when it names a new one) and its kept targets, all or nothing. A task that its
    plan refuses (a deadline before the plan, say) raises ValidationError and nothing is written."""
    plan.full_clean()
    plan.save()
    for order, item in enumerate(tasks, start=1):
        task = Task(
            plan=plan,
            order=order,
            clause=item.clause,
            title=item.title,
            text=item.text,
            deadline=item.deadline,
        )
        task.full_clean(exclude=["lead_units", "cooperating_units", "targets"])
        task.save()
        task.lead_units.set(units_named(item.lead, plan.region))
        task.cooperating_units.set(units_named(item.cooperating, plan.region))
    add_drafted_targets(plan, targets)
    return plan


def projects_from_sites(
    plan: Plan, sites: list[dict], unit_name: str, start_year: int, end_year: int, note: str
):
    """New planned projects of a plan, one per site (a siting scenario's answer), numbered after the plan's
    last; the investment is left at 0 for the planner to fill. Each project is audited by the ledger's
    signals; all or nothing (the caller's transaction)."""
    from django.db.models import Max

    from tixi.geo.models import Division

    unit = units_named([unit_name], plan.region)[0]
    number = (plan.projects.aggregate(last=Max("number"))["last"] or 0) + 1
    made = []
    for offset, site in enumerate(sites):
        project = Project(
            plan=plan,
            number=number + offset,
            name=site["name"][:160],
            site=site["place_name"][:120],
            division=Division.objects.filter(code=site["place"]).order_by("-valid_from").first(),
            nature=ProjectNature.NEW,
            content=f"{site['content']}\n{note}"[:2000],
            start_year=start_year,
            end_year=end_year,
            investment=0,
            unit=unit,
            leader="",
            status=ProjectStatus.PLANNED,
            longitude=site.get("longitude"),
            latitude=site.get("latitude"),
        )
        project.full_clean(exclude=["leader"])
        project.save()
        made.append(project)
    return made

"""Loading the seeds' tasks and projects into the ledger, and the summaries a commission reads."""

import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from tixi.geo.models import Division
from tixi.indicators.models import Plan
from tixi.ledger.engine import parse
from tixi.ledger.models import Project, Task, Unit

BEDS = re.compile(r"新增(?:医疗)?床位(\d+)张")
PLACES = re.compile(r"新增托位(\d+)个|托位(\d+)个")


def seeds_dir() -> Path | None:
    import os

    here = Path(__file__).resolve().parents[3] / "shared" / "seeds"
    path = Path(os.environ.get("TIXI_SEEDS_DIR") or here)
    return path if path.is_dir() else None


def _units(names) -> list[Unit]:
    return [Unit.objects.get_or_create(name=name)[0] for name in names]


@transaction.atomic
def load_tasks(plan: Plan, text: str) -> int:
    plan.tasks.all().delete()
    for order, item in enumerate(parse.tasks(text, plan.period_end), start=1):
        task = Task(
            plan=plan,
            order=order,
            clause=item["clause"],
            title=item["title"][:120],
            text=item["text"],
            deadline=item["deadline"],
        )
        task.full_clean(exclude=["lead_units", "cooperating_units"])
        task.save()
        task.lead_units.set(_units(item["lead_units"]))
        task.cooperating_units.set(_units(item["cooperating_units"]))
    return plan.tasks.count()


@transaction.atomic
def load_projects(plan: Plan, text: str) -> int:
    plan.projects.all().delete()
    townships = {d.name: d for d in Division.objects.filter(path__startswith=plan.region.path, level=4)}
    for item in parse.projects(text):
        division = next(
            (d for name, d in townships.items() if name[:-2] in item["site"] or name in item["site"]), None
        )
        places = sum(int(a or b) for a, b in PLACES.findall(item["content"]))
        Project.objects.create(
            plan=plan,
            number=item["number"],
            name=item["name"],
            site=item["site"],
            nature=item["nature"],
            content=item["content"],
            start_year=item["start_year"],
            end_year=item["end_year"],
            investment=Decimal(str(item["investment"])),
            unit=_units([item["unit"]])[0],
            leader=item["leader"],
            division=division or plan.region,
            beds_added=sum(int(b) for b in BEDS.findall(item["content"])),
            childcare_places_added=places,
        )
    return plan.projects.count()


def load_from_seeds() -> dict:
    """Tasks of every plan whose seed assigns units, and the projects of an annex, as published."""
    folder = seeds_dir()
    counts = {"tasks": 0, "projects": 0}
    if folder is None:
        return counts
    for plan in Plan.objects.exclude(source=""):
        path = folder / plan.source
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        counts["tasks"] += load_tasks(plan, text)
        counts["projects"] += load_projects(plan, text)
    return counts


def project_summaries(projects) -> dict:
    """Totals by first year, by unit and by nature; the grand total reproduces the annex."""
    by = {"year": defaultdict(Decimal), "unit": defaultdict(Decimal), "nature": defaultdict(Decimal)}
    total = Decimal(0)
    for p in projects:
        by["year"][p.start_year] += p.investment
        by["unit"][p.unit.name] += p.investment
        by["nature"][p.get_nature_display()] += p.investment
        total += p.investment
    return {"total": total, **{k: sorted(v.items(), key=lambda kv: str(kv[0])) for k, v in by.items()}}

"""The seeds' tasks and projects, loaded into the ledger by `tixi demo` from settings.TIXI_SEEDS_DIR."""

from pathlib import Path

from django.conf import settings

from tixi.indicators.models import Plan
from tixi.ledger.services import load_projects, load_tasks


def load_from_seeds(folder: Path | None = None) -> dict:
    """Tasks of every plan whose seed assigns units, and the projects of an annex, as published."""
    folder = Path(folder or settings.TIXI_SEEDS_DIR)
    counts = {"tasks": 0, "projects": 0}
    if not folder.is_dir():
        return counts
    for plan in Plan.objects.exclude(source=""):
        path = folder / plan.source
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        counts["tasks"] += load_tasks(plan, text)
        counts["projects"] += load_projects(plan, text)
    return counts

"""Capacity that apps above the registry plan to add to a division (beds, childcare places).

The division dashboard shows it, but the projects that plan it belong to the ledger, a higher
layer: so the registry declares the interface here and the ledger registers its provider when it
is installed (LedgerConfig.ready). Without a provider the dashboard shows no planned capacity."""

from collections.abc import Callable

PlannedCapacity = Callable[[object], dict[str, int]]  # division -> {"beds": n, "childcare_places": n}

_providers: list[PlannedCapacity] = []


def register_planned_capacity(provider: PlannedCapacity) -> None:
    if provider not in _providers:
        _providers.append(provider)


def planned_capacity_in(division) -> dict[str, int]:
    """What every registered provider plans to add in the division's subtree, summed by measure."""
    totals = {"beds": 0, "childcare_places": 0}
    for provider in _providers:
        for measure, value in provider(division).items():
            totals[measure] = totals.get(measure, 0) + (value or 0)
    return totals


# Projects that add beds, listed for a rule on where beds may be added (攀枝花: none at an underused
# hospital): division -> [{"name", "site", "beds", "url"}]. The ledger registers the provider.
PlannedBedProjects = Callable[[object], list[dict]]

_bed_project_providers: list[PlannedBedProjects] = []


def register_planned_bed_projects(provider: PlannedBedProjects) -> None:
    if provider not in _bed_project_providers:
        _bed_project_providers.append(provider)


def planned_bed_projects_in(division) -> list[dict]:
    return [project for provider in _bed_project_providers for project in provider(division)]

"""Planned projects written from elsewhere: the layout app's siting scenarios become projects of a plan,
but layout and the ledger sit on one layer and may not import each other (DESIGN.md), so the ledger
registers its writer here and layout calls it."""

from collections.abc import Callable

_writer: Callable | None = None


def register_project_writer(writer: Callable) -> None:
    """writer(plan, sites, unit_name, start_year, end_year, note) -> list of created projects; each site a
    dict with name, place (division code), content, longitude, latitude."""
    global _writer
    _writer = writer


def write_projects(
    plan, sites: list[dict], unit_name: str, start_year: int, end_year: int, note: str
) -> list:
    if _writer is None:
        raise RuntimeError("the ledger app is not installed")
    return _writer(plan, sites, unit_name, start_year, end_year, note)

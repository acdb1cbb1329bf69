"""The approval lock on a division's data of a year, asked by every app that writes such data.

Approval belongs to `exchange`, a higher layer. geo declares the question here and exchange answers
it (ExchangeConfig.ready registers its approvals), so that the registry's yearly reports and the
indicators' data values ask the lock without importing the app above them. With nobody registered
nothing is locked."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

Cell = tuple[str, int]  # (division path, year)


@dataclass(frozen=True)
class Locks:
    refuse_if_locked: Callable[[str, int], None]  # raises ValidationError when the cell is locked
    locked_cells: Callable[[Iterable[Cell]], set[Cell]]  # of many cells, the locked ones (one query)
    state_of: Callable[[str, int], dict | None]  # approved and locked, returned with a reason, or None


_registered: list[Locks] = []


def register_locks(locks: Locks) -> None:
    _registered[:] = [locks]


def refuse_if_locked(path: str, year: int) -> None:
    for locks in _registered:
        locks.refuse_if_locked(path, year)


def locked_cells(cells: Iterable[Cell]) -> set[Cell]:
    return _registered[0].locked_cells(cells) if _registered else set()


def state_of(path: str, year: int) -> dict | None:
    return _registered[0].state_of(path, year) if _registered else None

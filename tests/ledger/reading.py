"""The reader's targets as plain tuples, for tests on made-up text."""

from tixi.ledger.engine.parse import targets


def read_targets(text: str) -> list[tuple]:
    """[(value, unit, year, comparator)] of every target the reader finds in `text`."""
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in targets(text)]

"""Tables too large for the row-by-row import (millions of discharge records): a higher app registers
one here from its `ready()` with its own template writer and streaming importer, and `tixi template` /
`tixi import` dispatch to it. The importer keeps the same promises: problems by row and column (in the
user's language), all or nothing per file."""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class StreamedProblem:
    row: int | None
    column: str
    value: str
    message: str


@dataclass
class StreamedResult:
    rows: int
    problems: list[StreamedProblem] = field(default_factory=list)
    problem_count: int = 0
    summary: str = ""  # what was written, in the user's language

    @property
    def ok(self) -> bool:
        return self.problem_count == 0


@dataclass
class StreamedTable:
    name: str
    title: object
    template: Callable[[], bytes]
    import_file: Callable[..., StreamedResult]  # (path: Path, dry_run: bool) -> StreamedResult


STREAMED: dict[str, StreamedTable] = {}


def register(table: StreamedTable) -> None:
    STREAMED[table.name] = table


def import_streamed(name: str, path: Path, dry_run: bool = False) -> StreamedResult:
    return STREAMED[name].import_file(path, dry_run=dry_run)

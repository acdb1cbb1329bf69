"""The institution list downloads in the import template's layout, so that a planner can correct a
download and import it back. The layout belongs to `exchange`, a higher layer: it registers its
writer here (ExchangeConfig.ready) and the registry's list calls it without importing exchange."""

from collections.abc import Callable, Iterable

TemplateWriter = Callable[[str, Iterable, str], bytes]  # (table name, model rows, "xlsx" | "csv") -> file

_writers: list[TemplateWriter] = []


def register_template_writer(writer: TemplateWriter) -> None:
    _writers[:] = [writer]


def template_writer() -> TemplateWriter | None:
    return _writers[0] if _writers else None

"""A stored Chinese name as the reader's page writes it: the one rule the pages' display names share."""

from collections.abc import Callable

from django.utils.translation import get_language


def in_reader_language(name: str, english_of: Callable[[str], str | None]) -> str:
    """`english_of(name)` on an English page when it reads the name whole, else the name as stored."""
    if not (get_language() or "").startswith("zh"):
        return english_of(name) or name
    return name

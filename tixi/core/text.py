"""Control characters in typed text (no Django: the import's cell parsers use it too). An escape, a
vertical tab or a NUL pasted into a name breaks the .xlsx and Word downloads that hold it, and can
rewrite a terminal that prints it; every text input path refuses them with `control_character`."""

import re

# C0 controls and DEL; a multi-line text (a text area) keeps tab, newline and carriage return
IN_A_LINE = re.compile("[\x00-\x1f\x7f]")
IN_A_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def control_character(value, multiline: bool = False) -> tuple[int, str] | None:
    """(1-based position, "U+001B") of the first control character of `value`, or None."""
    if not isinstance(value, str):
        return None
    found = (IN_A_TEXT if multiline else IN_A_LINE).search(value)
    if found is None:
        return None
    return found.start() + 1, f"U+{ord(found.group()):04X}"


def visible(value) -> str:
    """The text with each control character written out (`\\x1b`), for a report that quotes what was
    refused: the terminal shows it, and does not obey it."""
    return IN_A_LINE.sub(lambda found: f"\\x{ord(found.group()):02x}", str(value))


def digits(value) -> bool:
    """Whether `value` is a non-empty string of the digits 0-9. `str.isdigit` also takes "²" and "５",
    which int() refuses or a code must not hold: `?year=²` was a 500 on a dozen pages (probe16)."""
    return isinstance(value, str) and value.isascii() and value.isdigit()

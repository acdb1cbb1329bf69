"""Turning domain problems (plain English msgids from engines) into translated validation errors."""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.utils.translation import gettext, gettext_noop

# Messages raised by engine modules (which cannot import Django): listed here so that
# makemessages extracts them.
ENGINE_MESSAGES = [
    gettext_noop("A division code must be exactly 12 digits."),
    gettext_noop("The code has digits beyond those of its level."),
    gettext_noop("The code does not begin with its parent's code."),
    gettext_noop("A division below province level needs a parent."),
    gettext_noop("The parent must be at a higher level."),
    gettext_noop("The end of validity must come after its start."),
]


def raise_problems(problems) -> None:
    """Raise one ValidationError naming every field and its problems, if there are any."""
    if not problems:
        return
    by_field: dict[str, list[str]] = defaultdict(list)
    for problem in problems:
        by_field[problem.field].append(gettext(problem.message))
    raise ValidationError(dict(by_field))


def message_dict(error: ValidationError) -> dict[str, list[str]]:
    if hasattr(error, "error_dict"):
        return {field: [str(m) for m in msgs] for field, msgs in error.message_dict.items()}
    return {"non_field_errors": [str(m) for m in error.messages]}


def format_errors(error: ValidationError) -> str:
    """One line per field for the command line: 'field: problem; problem'."""
    return "\n".join(f"{field}: {'; '.join(msgs)}" for field, msgs in message_dict(error).items())

"""The audit trail's notes in the reader's language.

Programs write a note as one of the forms below (an English msgid with its parameters filled in);
some wrote it through gettext, so in the language of whoever acted then. The trail reads each stored
note against every form in English and in Chinese and shows it again in the reader's language; a note
a person typed matches no form and is shown as written."""

import functools
import re

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

# the most specific first: "import #%(batch)s %(file)s" before "import #%(batch)s"
NOTE_FORMS = (
    gettext_noop("demo: synthetic sample 1/%(sample)s"),
    gettext_noop("demo region built (synthetic where not published)"),
    gettext_noop("undo of import #%(batch)s"),
    gettext_noop("import #%(batch)s %(file)s"),
    gettext_noop("import #%(batch)s"),
    gettext_noop("import: %(months)s hospital-months"),
    gettext_noop("DHIS2 dataValueSet import"),
    gettext_noop("signal step %(step)s"),
    gettext_noop("siting scenario saved"),
    gettext_noop("siting scenario made into projects"),
    gettext_noop("address unknown"),
    gettext_noop("address %(address)s"),
    gettext_noop("idle %(minutes)s min (limit %(limit)s)"),
    # a data value's comment that the hospitals' figures write (tixi.hospitals.targets.publish)
    gettext_noop("from discharge records; lists %(lists)s, weights %(weights)s"),
)
LANGUAGES = ("en", "zh-hans")
_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _pattern(text: str) -> re.Pattern:
    """A form as a regular expression: each %(name)s one non-empty group (a file name may hold spaces)."""
    parts, at = [], 0
    for m in _PLACEHOLDER.finditer(text):
        parts.append(re.escape(text[at : m.start()]))
        parts.append(f"(?P<{m.group(1)}>.+?)")
        at = m.end()
    parts.append(re.escape(text[at:]))
    return re.compile("".join(parts) + r"\Z", re.S)


@functools.cache
def _patterns() -> list[tuple[str, re.Pattern]]:
    found = []
    for form in NOTE_FORMS:
        for language in LANGUAGES:
            with translation.override(language):
                found.append((form, _pattern(_(form))))
    return found


def parse(stored: str) -> tuple[str, dict] | None:
    """(the form, its parameters) of a note a program wrote, in either language; None otherwise."""
    for form, pattern in _patterns():
        if m := pattern.match(stored or ""):
            return form, m.groupdict()
    return None


def in_language(stored: str) -> str:
    """The note in the active language (a typed note as it was typed)."""
    parsed = parse(stored)
    if parsed is None:
        return stored
    form, params = parsed
    return _(form) % params if params else _(form)


def in_languages(stored: str) -> set[str]:
    """The note as it reads in each language (what a search of the trail matches)."""
    out = {stored}
    for language in LANGUAGES:
        with translation.override(language):
            out.add(in_language(stored))
    return out

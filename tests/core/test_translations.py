"""The Chinese catalogue: every string has its Chinese, and the compiled catalogue really serves it."""

import re
from pathlib import Path

from django.utils import translation

PO = Path(__file__).resolve().parents[2] / "tixi" / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
ENTRY = re.compile(r'^((?:#.*\n)*)msgid "((?:[^"\\]|\\.)+)"\nmsgstr "((?:[^"\\]|\\.)*)"\n', re.MULTILINE)


def entries():
    text = PO.read_text(encoding="utf-8")
    for flags, msgid, msgstr in ENTRY.findall(text):
        unescape = lambda s: s.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")  # noqa: E731
        yield flags, unescape(msgid), unescape(msgstr)


def test_no_entry_is_fuzzy_or_empty():
    """msgfmt leaves fuzzy entries out of the .mo: their English would show on Chinese pages."""
    found = list(entries())
    assert len(found) > 500
    assert [m for flags, m, _ in found if "fuzzy" in flags] == []
    assert [m for _, m, s in found if not s] == []


def test_compiled_catalogue_serves_every_entry():
    with translation.override("zh-hans"):
        wrong = [(m, translation.gettext(m)) for _, m, s in entries() if translation.gettext(m) != s]
    assert wrong == []
    with translation.override("zh-hans"):
        assert translation.gettext("about %(value)s") % {"value": "1.2"} == "1.2左右"
        change = translation.gettext("up %(amount)s %(unit)s a year") % {"amount": "0.5", "unit": "张"}
        assert change == "每年增加 0.5 张"

"""The audit trail reads in the reader's language: the notes programs write (the demo's bulk loads,
imports and their undoing, signal steps...) are shown in Chinese on Chinese pages and in English on
English ones, whichever language they were stored in; and the object search finds rows stored by
code (a signal of cholera) by their name in either language (霍乱 or cholera)."""

import re

import pytest

from tixi.accounts import notes
from tixi.accounts.models import AuditEntry

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]

# as stored by the demo, exchange, surveillance and the login audit (some through gettext at the time)
STORED_NOTES = (
    "demo: synthetic sample 1/150",
    "demo region built (synthetic where not published)",
    "import #12 cases.csv",
    "import #13",
    "导入 #14",
    "undo of import #12",
    "撤销导入 #13",
    "import: 24 hospital-months",
    "signal step 7",
    "信号处理记录 8",
    "siting scenario saved",
    "address unknown",
    "idle 31 min (limit 30)",
)
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def trail(region):
    """The notes stored in the county of the kit's city (the auditor's scope)."""
    path = region["county"].path
    for note in STORED_NOTES:
        AuditEntry.objects.create(
            username="cdc", action="bulk", model="surveillance.CaseReport", note=note, division_path=path
        )
    # a signal of cholera, as Signal.__str__ stores it (by codes)
    AuditEntry.objects.create(
        username="cdc",
        action="update",
        model="surveillance.Signal",
        object_repr="cholera 米易县 2025-W41 (fixed-threshold)",
        note="typed by a person",
        division_path=path,
    )


def _notes_shown(client, language: str, query: str = "") -> list[str]:
    client.cookies["django_language"] = language
    page = client.get(f"/audit/?user=cdc&{query}").content.decode()
    rows = re.findall(r"<tr>\s*(.*?)</tr>", re.search(r"<tbody>.*</tbody>", page, re.S).group(0), re.S)
    return [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)[-1] for row in rows if "colspan" not in row]


def test_program_notes_read_chinese_on_chinese_pages_and_english_on_english_ones(trail, web):
    client = web("auditor")
    chinese = [n for n in _notes_shown(client, "zh-hans") if n != "typed by a person"]
    assert len(chinese) == len(STORED_NOTES)
    stray = {w for n in chinese for w in ENGLISH_WORD.findall(n.removesuffix("cases.csv"))}
    assert stray == set(), chinese
    assert (
        "演示数据：合成抽样 1/150" in chinese
        and "导入 #12 cases.csv" in chinese
        and "撤销导入 #12" in chinese
    )
    english = [n for n in _notes_shown(client, "en") if n != "typed by a person"]
    assert [n for n in english if HAN.search(n)] == []
    assert "undo of import #13" in english and "signal step 8" in english and "import #14" in english
    # the download reads as the page does
    client.cookies["django_language"] = "zh-hans"
    exported = client.get("/audit/?user=cdc&format=csv").content.decode("utf-8-sig")
    assert "演示数据：合成抽样 1/150" in exported and "demo: synthetic" not in exported


def test_a_note_typed_by_a_person_is_shown_as_typed():
    assert notes.in_language("typed by a person") == "typed by a person"
    assert notes.in_language("import #12 两个 文件.csv").endswith("两个 文件.csv")


def test_the_object_search_finds_a_row_stored_by_code_by_its_name_in_either_language(trail, web):
    client = web("auditor")
    for language in ("zh-hans", "en"):
        for text in ("霍乱", "cholera", "Cholera", "固定阈值"):
            assert _notes_shown(client, language, f"object={text}") == ["typed by a person"], (language, text)
    assert _notes_shown(client, "zh-hans", "object=鼠疫") == []
    # a program's note is found by its words in either language too
    assert len(_notes_shown(client, "en", "object=撤销导入")) == 2

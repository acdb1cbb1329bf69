"""An approximate count ("400多个", "3000余人", "1万多张") is the number written, ge (tests/ledger/heldout/README.md,
session 24); made-up text only."""

from tixi.ledger.engine import parse


def _read(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in parse.targets(text)]


def test_yu_reads_as_duo():
    assert (3000.0, "人", 2025, "ge") in _read("到2025年，培训全科医生3000余人。")
    assert (100.0, "家", 2025, "ge") in _read("到2025年，建成各类养老机构100余家。")


def test_a_count_in_wan_with_duo_or_yu_after_wan():
    found = parse.targets("到2025年，新增护理型床位1万多张，培训养老护理员2.5万余人。")
    assert [(t["value"], t["unit"]) for t in found] == [(1.0, "万张"), (2.5, "万人")]
    # the sentence keeps the document's words
    assert all("1万多张" in t["text"] for t in found)


def test_an_approximate_count_reported_is_no_goal():
    found = _read("2020年，全县已有村卫生室400多个，乡村医生1万多人。今年要新增床位300张。")
    assert [value for value, *_ in found] == [300.0]

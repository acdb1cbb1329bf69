"""How a gap reads: the total as the sum of the places that lack (said on the row and in JSON), the
gap named by what it counts ("还需 3 个社区卫生服务站"), the ambulances and their negative-pressure
share in one sentence, and the norm's note in the reader's language."""

import json
import re

import pytest
import yaml
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from tests import factories as f
from tixi.accounts.models import Role
from tixi.geo.models import Division
from tixi.layout.models import Norm
from tixi.layout.norms import NORMS_FILE, as_json, gaps

YEAR = 2024
pytestmark = pytest.mark.without_demo
COMMON = {"region": "990102", "source": "测试", "clause": "测试条文", "version": "t"}


def township(code, parent, name, people):
    return f.peopled(code, parent, name, people, YEAR)


def stations(place, n):
    for _ in range(n):
        f.yearly_report(f.institution(place, type="community_health_station", level=None), YEAR)


@pytest.fixture
def county(db):
    county = f.sample_county()
    # 40,000 residents each: 2 stations needed in each; 甲 has 4, 乙 none, 丙 1 -> required 6, actual 5,
    # gap 3 (2 + 1), not 1: 甲's surplus does not serve 乙 or 丙
    stations(township("990102001000", county, "甲街道", 40_000), 4)
    township("990102002000", county, "乙街道", 40_000)
    stations(township("990102003000", county, "丙街道", 40_000), 1)
    Norm.objects.create(
        code="t-stations",
        name="社区卫生服务站",
        name_en="Community health service stations",
        kind="per_population",
        level=4,
        place_kind="subdistrict",
        measure="N{type=community_health_station}",
        basis="P{}",
        minimum=1,
        per=20_000,
        unit="institutions",
        counted="社区卫生服务站",
        counted_en="community health service station",
        note="按街道人口判断。",
        note_en="Judged on each subdistrict's population.",
        **COMMON,
    )
    return county


def norm_json(county, code, language="zh-hans"):
    with translation.override(language):
        data = as_json(county, YEAR, gaps(county, YEAR))
    return next(n for n in data["norms"] if n["code"] == code)


def test_total_gap_is_the_sum_of_the_places_that_lack_and_says_so(county):
    row = norm_json(county, "t-stations")
    assert (row["required"], row["actual"], row["gap"]) == (6, 5, 3)  # not 6 - 5
    assert row["gap_rule"] == "sum_of_places"
    assert (row["places_judged"], row["places_short"], row["places_above"]) == (3, 2, 1)
    assert row["gap_note"] == "缺口 3：2 个街道不足，1 个街道有余，一地之余不补他处"
    english = norm_json(county, "t-stations", "en")
    assert english["gap_note"] == (
        "Gap 3: 2 subdistricts short, 1 subdistrict with more than required; a surplus in one does not serve another"
    )


def test_no_note_where_nothing_is_short_or_one_place_is_judged(county):
    stations(Division.objects.get(code="990102002000"), 2)
    stations(Division.objects.get(code="990102003000"), 1)
    row = norm_json(county, "t-stations")
    assert row["gap"] == 0 and row["gap_note"] == ""
    town = Division.objects.get(code="990102002000")
    with translation.override("zh-hans"):
        one = next(n for n in as_json(town, YEAR, gaps(town, YEAR))["norms"] if n["code"] == "t-stations")
    assert one["gap_rule"] == "one_place" and one["gap_note"] == ""


def test_gap_sentence_names_what_is_missing(county):
    row = norm_json(county, "t-stations")
    assert row["sentences"] == ["乙街道 还需 2 个社区卫生服务站", "丙街道 还需 1 个社区卫生服务站"]
    english = norm_json(county, "t-stations", "en")
    assert english["sentences"] == [
        "乙街道 still needs 2 community health service stations",
        "丙街道 still needs 1 community health service station",
    ]


def test_note_in_the_readers_language(county, capsys):
    assert norm_json(county, "t-stations")["note"] == "按街道人口判断。"
    english = norm_json(county, "t-stations", "en")
    assert (
        english["note"] == "Judged on each subdistrict's population."
        and english["note_zh"] == "按街道人口判断。"
    )
    with translation.override("en"):
        call_command("layout", "gaps", "--division", "990102", "--year", str(YEAR), "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert next(n for n in data["norms"] if n["code"] == "t-stations")["note"].startswith("Judged on")


def ambulance_norms(fleet: int, negative_pressure: int, county):
    f.yearly_report(
        f.institution(county, type="ems_centre", level=None),
        YEAR,
        ambulances=fleet,
        negative_pressure_ambulances=negative_pressure,
    )
    Norm.objects.create(
        code="t-ambulances", name="救护车", kind="per_population", level=3, measure="R{ambulances}",
        basis="P{}", minimum=1, per=30_000, unit="vehicles", counted="救护车", counted_en="ambulance",
        **COMMON,
    )  # fmt: skip
    Norm.objects.create(
        code="t-negative", name="负压救护车占比", kind="share", level=3,
        measure="R{negative_pressure_ambulances}", basis="R{ambulances}", minimum=40, per=100,
        unit="vehicles", counted="负压救护车", counted_en="negative-pressure ambulance", **COMMON,
    )  # fmt: skip


def test_ambulances_and_their_negative_pressure_share_in_one_sentence(county):
    # 120,000 residents: 4 ambulances; 2 of them, 1 negative-pressure. With 2 more the fleet is 4, of
    # which 40% is 2 (1.6 rounded up): 1 more negative-pressure
    ambulance_norms(2, 1, county)
    whole, share = norm_json(county, "t-ambulances"), norm_json(county, "t-negative")
    assert whole["gap"] == 2 and whole["with_share"] == "t-negative" and share["with_share"] == "t-ambulances"
    assert whole["sentences"] == share["sentences"] == ["测试县 还需 2 辆救护车，其中负压 1 辆"]
    assert norm_json(county, "t-ambulances", "en")["sentences"] == [
        "测试县 still needs 2 ambulances, 1 of them negative-pressure"
    ]


def test_negative_pressure_beyond_the_new_ambulances_is_said(county):
    # 3 ambulances, none negative-pressure: 1 more needed; of 4, 2 negative-pressure: the new one and 1
    # of the present ones
    ambulance_norms(3, 0, county)
    assert norm_json(county, "t-ambulances")["sentences"] == [
        "测试县 还需 1 辆救护车，全部为负压，另有现有 1 辆须换为负压"
    ]


def test_every_seed_norm_says_what_it_counts_and_its_note_in_english():
    entries = yaml.safe_load(NORMS_FILE.read_text(encoding="utf-8"))["norms"]
    for entry in entries:
        assert entry["counted"] and entry["counted_en"], entry["code"]
        # the English noun is pluralised on its last word: nothing may follow the head noun
        assert not re.search(r"\b(in|of|at|meeting|for|with)\b", entry["counted_en"]), entry["code"]
        assert bool(entry.get("note")) == bool(entry.get("note_en")), entry["code"]
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in entry.get("note_en", "")), entry["code"]


def test_english_gaps_page_shows_english_notes_and_named_gaps(county):
    ambulance_norms(2, 1, county)
    client = Client()
    client.cookies["django_language"] = "en"
    client.force_login(f.user(Role.PLANNER, divisions=[county]))
    html = client.get(f"/layout/{county.code}/gaps/?year={YEAR}").content.decode()
    assert "Judged on each subdistrict&#x27;s population." in html and "按街道人口判断" not in html
    assert "乙街道 still needs 2 community health service stations" in html
    assert "测试县 still needs 2 ambulances, 1 of them negative-pressure" in html
    client.cookies["django_language"] = "zh-hans"
    html = client.get(f"/layout/{county.code}/gaps/?year={YEAR}").content.decode()
    assert "按街道人口判断。" in html and 'class="stack"' in html
    assert "乙街道 还需 2 个社区卫生服务站" in html and "测试县 还需 2 辆救护车，其中负压 1 辆" in html


def test_enough_ambulances_but_too_few_negative_pressure(county):
    # 4 ambulances for 120,000 residents, 1 negative-pressure: of 4, 2 must be
    ambulance_norms(4, 1, county)
    assert norm_json(county, "t-ambulances")["sentences"] == []
    assert norm_json(county, "t-negative")["sentences"] == ["测试县 还需 1 辆负压救护车"]

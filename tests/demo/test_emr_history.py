"""A hospital's EMR level rises after its first evaluation (提高电子病历分级评价等级): the demo drew one level
per hospital and never a later one, so 巫山's goal read 0 % every year and the 二级…4级 goals of 巴中 and
攀枝花 could never move (believe16)."""

import datetime as dt

import pytest

from tixi.demo.builder import EMR_LAST_YEAR, EMR_TOP_LEVEL, Inst, Place, emr_history

pytestmark = pytest.mark.without_demo


def hospital(code: str, level: int) -> Inst:
    place = Place.__new__(Place)
    return Inst(0, code, "医院", "general_hospital", place, place, "county", "public", level=level)


def test_each_evaluation_is_one_level_higher_later_and_never_past_the_top():
    upgraded = 0
    for n in range(200):
        level = 2 if n % 2 else 3
        first = (1 if level == 2 else 3, dt.date(2019 + n % 6, 12, 1))
        history = emr_history(hospital(f"H{n:05d}", level), *first)
        assert history[0] == first
        for (before, on_before), (after, on_after) in zip(history, history[1:], strict=False):
            assert after == before + 1 and on_before < on_after and on_after.year <= EMR_LAST_YEAR
            assert on_after <= dt.date(2025, 10, 15)  # published before the demo's today
        assert history[-1][0] <= EMR_TOP_LEVEL[level]
        upgraded += len(history) > 1
    assert 60 <= upgraded <= 190  # most hospitals move over the years, not all


def test_a_hospital_s_history_is_its_own_the_same_at_each_build():
    one = emr_history(hospital("510402000001", 2), 1, dt.date(2019, 12, 1))
    assert one == emr_history(hospital("510402000001", 2), 1, dt.date(2019, 12, 1))

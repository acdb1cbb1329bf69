"""Numeric targets by class (session 22, reader41): what a review of session 21 found the reader misread. A yearly pace
ends at its own clause when a later clause names the whole area or a thing built; a 针对 clause that goes on to build
keeps its count; a share of places that must have or reach something is the goal; a level closed by 的 says which ones
count. Every text here is made up; none is a held-out document. Each test but the guards fails on main at 66ebddbe."""

from tixi.ledger.engine.parse import targets


def found(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in targets(text)]


def test_a_later_clause_of_the_whole_area_is_a_goal_after_a_yearly_pace():
    text = "到2025年，每年选派100名医师下沉基层，全市建成县域医共体10个。"
    assert found(text) == [(10.0, "个", 2025, "ge")]


def test_a_thing_built_after_a_yearly_pace_is_a_goal():
    text = "到2026年，每年培训乡村医生500人次，建成标准化村卫生室300所。"
    assert found(text) == [(300.0, "所", 2026, "ge")]


def test_a_pace_goes_on_through_a_list_of_yearly_counts():
    # guard: the later clauses list more of the same year's pace ("每年遴选20个…，培育100个…"), no goal
    text = "到2025年，每年遴选20个健康促进示范单位，推广100个优秀案例。"
    assert found(text) == []


def test_a_scope_clause_that_goes_on_to_build_keeps_its_count():
    text = "到2025年，针对农村留守儿童建设儿童之家200个。"
    assert found(text) == [(200.0, "个", 2025, "ge")]


def test_the_things_a_measure_aims_at_stay_no_goal():
    # guard: 针对 and the things counted, no building or reaching in the clause
    text = "到2025年，针对首年关税为零的2034种出口商品，加大支持力度。"
    assert found(text) == []


def test_a_share_of_places_that_must_have_a_capacity_is_the_goal():
    text = "到2025年，95%以上的乡镇卫生院应当具备急诊急救能力，90%以上的二级医院必须达到国家标准。"
    assert found(text) == [(95.0, "%", 2025, "ge"), (90.0, "%", 2025, "ge")]


def test_a_size_that_says_which_schools_are_meant_stays_a_condition():
    # guard: a headcount before 的 and an obligation is which ones are meant
    text = "到2025年，超过1000人规模的学校必须配备专职校医。"
    assert found(text) == []


def test_a_level_that_says_which_firms_count_is_no_goal():
    text = "到2025年，达到3级及以上标准的企业占比60%以上，培育达到3级以上标准的企业600家。"
    assert found(text) == [(60.0, "%", 2025, "ge"), (600.0, "家", 2025, "ge")]


def test_a_level_to_reach_stays_a_goal():
    # guard: a level reached by the subject itself
    text = "到2025年，全市医院智慧服务水平达到3级以上。"
    assert found(text) == [(3.0, "级", 2025, "ge")]

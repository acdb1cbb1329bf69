"""Gaps and targets of change an official can read: a gap that rounds to nothing at the indicator's
decimals is written precisely enough to see why a value shown equal to its target is behind; a yearly
change reads as a planner says it; a target of change says what is behind (review13 faults 3 and 5).
No database: the indicators and targets are unsaved."""

from django.utils import translation

from tixi.indicators.models import Indicator
from tixi.indicators.services import gap_text


def test_a_gap_that_rounds_to_nothing_is_written_precisely_enough_to_see():
    """0.1363 万人 against ≥0.14 shows "0.14 ≥0.14, behind": the gap says why, in 人 ("还差 37 人")
    or with more decimals; never "还差 0.00 万人" nor "还差不足 0.01 万人" (review13 fault 3)."""
    people = Indicator(code="p", name="人数", unit="万人", decimals=2)
    with translation.override("zh-hans"):
        assert gap_text(0.14 - 0.1363, people) == "还差 37 人"
        assert gap_text(0.004, people) == "还差 40 人"
        assert gap_text(0.005001, people) == "还差 0.01 万人"
        mu = Indicator(code="m", name="银杏景观林", unit="万亩", decimals=1)
        assert gap_text(2 - 1.98, mu) == "还差 200 亩"
        assert gap_text(0.0, mu, "gt") == "与目标持平，须超过目标"  # 2.0 against >2
        assert gap_text(0.0, mu, "lt") == "与目标持平，须低于目标"
        assert gap_text(0.3, Indicator(code="n", name="数", unit="个", decimals=0)) == "还差 0.3 个"
        assert gap_text(-0.04, Indicator(code="r", name="率", unit="%", decimals=1)) == "还差 0.04 个百分点"
    with translation.override("en"):
        assert gap_text(0.0037, people) == "37 people to go"  # no Chinese unit
        assert gap_text(0.0, mu, "gt") == "equal to the target; it must exceed it"


def test_a_yearly_change_reads_as_a_planner_says_it():
    """ "目标为每年-0.5%" was written for a rate falling 0.5 points a year (review13 fault 5)."""
    from tixi.indicators.models import Direction, Target, TargetKind
    from tixi.indicators.services import target_text

    rate = Indicator(code="myopia", name="近视率", unit="%", decimals=1, direction=Direction.LOWER)
    target = Target(indicator=rate, kind=TargetKind.CHANGE_PER_YEAR, change_per_year=-0.5, target_year=2025)
    with translation.override("zh-hans"):
        assert target_text(target) == "每年下降 0.5 个百分点"
        target.change_per_year = 2
        target.indicator = Indicator(code="n", name="数", unit="个", decimals=0)
        assert target_text(target) == "每年增加 2 个"
    with translation.override("en"):
        target.change_per_year, target.indicator = -0.5, rate
        assert target_text(target) == "down 0.5 percentage points a year"


def test_a_target_of_change_says_what_is_behind():
    """ "逐年提高 … 进度滞后" and "每年下降 … 进度滞后" had no gap: say the change on last year, or the
    distance to this year's expected value."""
    from tixi.indicators.models import Direction, Target, TargetKind
    from tixi.indicators.services import change_gap

    index = {2020: 0, 2024: 1, 2025: 2}
    rate = Indicator(code="myopia", name="近视率", unit="%", decimals=1, direction=Direction.LOWER)
    yearly = Target(
        indicator=rate,
        kind=TargetKind.CHANGE_PER_YEAR,
        change_per_year=-0.5,
        baseline_year=2020,
        baseline_value=50.0,
        target_year=2025,
    )
    rising = Target(
        indicator=Indicator(code="s", name="比例", unit="%", decimals=1), kind=TargetKind.INCREASE
    )
    with translation.override("zh-hans"):
        # expected 50 − 5 × 0.5 = 47.5 in 2025; 48.2 is 0.7 points short
        assert (
            change_gap(yearly, [50.0, 48.0, 48.2], index, 2025)["text"]
            == "距 2025 年应达到的 47.5% 还差 0.7 个百分点"
        )
        assert change_gap(yearly, [50.0, 48.0, 47.0], index, 2025)["text"] == "已达标"
        assert (
            change_gap(rising, [None, 60.0, 59.7], index, 2025)["text"] == "比上年（60.0%）下降 0.3 个百分点"
        )
        assert change_gap(rising, [None, 60.0, 60.0], index, 2025)["text"] == "与上年（60.0%）持平"
        assert change_gap(rising, [None, 60.0, 61.0], index, 2025)["text"] == "已达标"
        assert change_gap(rising, [None, None, 61.0], index, 2025) is None
    with translation.override("en"):
        assert change_gap(rising, [None, 60.0, 59.7], index, 2025)["text"] == (
            "down 0.3 percentage points on the year before (60.0%)"
        )


def test_a_rate_per_population_follows_its_number_without_a_space():
    """ "0.00 /10万" read as a number and a stray unit (words14's own fault): a rate's unit follows its number."""
    from tixi.indicators.services import value_text

    with translation.override("zh-hans"):
        assert (
            value_text(12.5, Indicator(code="mm", name="孕产妇死亡率", unit="/10万", decimals=2))
            == "12.50/10万"
        )
        assert value_text(0.14, Indicator(code="p", name="人数", unit="万人", decimals=2)) == "0.14 万人"
    with translation.override("en"):
        assert (
            value_text(12.5, Indicator(code="mm", name="MMR", unit="/10万", decimals=2))
            == "12.50 per 100,000"
        )


def test_a_rate_to_lower_year_on_year_reads_down_and_is_met_at_nought():
    """孕产妇死亡率 "稳中有降" read "逐年提高", and at 0 two years running was behind: nought cannot fall (words14)."""
    from tixi.indicators.engine.trajectory import ACHIEVED, OFF_TRACK, TargetSpec, status
    from tixi.indicators.models import Direction, Target, TargetKind
    from tixi.indicators.services import target_text

    deaths = Indicator(code="mmr", name="孕产妇死亡率", unit="/10万", decimals=2, direction=Direction.LOWER)
    with translation.override("zh-hans"):
        assert target_text(Target(indicator=deaths, kind=TargetKind.INCREASE, target_year=2025)) == "逐年下降"
    spec = TargetSpec(kind="increase", comparator="le", lower_is_better=True, target_year=2025)
    assert status(spec, 2025, 0.0, previous=0.0).status == ACHIEVED
    assert status(spec, 2025, 3.1, previous=3.1).status == OFF_TRACK  # a rate above nought must still fall
    assert status(spec, 2025, 2.0, previous=3.1).status == ACHIEVED


def test_a_rate_at_nought_two_years_running_reads_met_beside_its_status():
    """A death rate at 0 two years running on a "持续下降" goal read 已达成 beside "与上年（0.00/10万）持平"
    (journey17): its gap says met, as its status does; the ranking row shows no gap for it."""
    from tixi.indicators.engine.trajectory import ACHIEVED, TargetSpec, status
    from tixi.indicators.models import Direction, Target, TargetKind
    from tixi.indicators.services import change_gap, row_gap_text

    deaths = Indicator(code="mmr", name="孕产妇死亡率", unit="/10万", decimals=2, direction=Direction.LOWER)
    falling = Target(indicator=deaths, kind=TargetKind.INCREASE, target_year=2025)
    spec = TargetSpec(kind="increase", comparator="le", lower_is_better=True, target_year=2025)
    assert status(spec, 2025, 0.0, previous=0.0).status == ACHIEVED
    index = {2024: 0, 2025: 1}
    for language, met in (("zh-hans", "已达标"), ("en", "met")):
        with translation.override(language):
            assert change_gap(falling, [0.0, 0.0], index, 2025)["text"] == met
            assert row_gap_text(falling, {2024: 0.0, 2025: 0.0}, 2025) == ""
            # above nought, flat is still behind and says so
            assert change_gap(falling, [3.1, 3.1], index, 2025)["text"] != met


def test_a_rate_per_population_gap_has_its_unit_after_the_number():
    """ "还差 10.6 /10万" on 达川's 心脑血管疾病死亡率 (journey17's sweep): the gap writes a rate's unit after
    its number, as the value does; English writes it in words."""
    rate = Indicator(code="cvd", name="心脑血管疾病死亡率", unit="/10万", decimals=1)
    with translation.override("zh-hans"):
        assert gap_text(10.6, rate, "le") == "还差 10.6/10万"
    with translation.override("en"):
        assert gap_text(10.6, rate, "le") == "10.6 per 100,000 to go"

"""A travel time asked of the coverage page, its what-if, the CLI or a siting run is bounded: the cost
search runs to the largest threshold, so minutes=100000 tied a web worker up for minutes (probe16)."""

import pytest
from django.utils import translation

from tixi.layout.access import AccessError, check_minutes, check_siting_input, what_if
from tixi.layout.coverage import parse_minutes
from tixi.layout.engine.coverage import MAX_MINUTES
from tixi.layout.engine.rasters import InputError

pytestmark = pytest.mark.without_demo


@pytest.mark.parametrize("minutes", [100000.0, MAX_MINUTES + 1, 0.0, -3.0, float("nan"), float("inf")])
def test_a_what_if_past_the_bound_is_refused_before_any_search(minutes):
    # no division is needed: the bound is checked before the region's grid is read
    with (
        translation.override("zh-hans"),
        pytest.raises(AccessError, match="^分钟：须为大于0且不超过240的分钟数"),
    ):
        what_if(None, 2024, "township", minutes)


def test_the_bound_itself_and_the_seeds_circles_are_allowed():
    for minutes in (15.0, 30.0, 60.0, MAX_MINUTES):
        check_minutes(minutes)
    assert parse_minutes("15,30,60,240") == [15.0, 30.0, 60.0, 240.0]


def test_the_cli_and_siting_name_their_option():
    with (
        translation.override("en"),
        pytest.raises(AccessError, match="^--minutes: a number of minutes above 0"),
    ):
        check_siting_input(1, 100000.0, 5)


def test_the_coverage_page_s_thresholds_are_bounded_too():
    with pytest.raises(InputError) as error:
        parse_minutes("15,100000")
    assert error.value.field == "minutes"

"""The years an institution page offers for its yearly report are the platform's years
(TIXI_YEARS, a setting), not the last ten years by a literal."""

import datetime as dt
from types import SimpleNamespace

from django.test import override_settings

from tixi.registry.views import entry_years


def institution(opened=None, closed=None):
    return SimpleNamespace(
        opened_on=opened and dt.date(opened, 1, 1), closed_on=closed and dt.date(closed, 6, 30)
    )


@override_settings(TIXI_YEARS=range(2018, 2027), TIXI_TODAY=dt.date(2025, 10, 15))
def test_an_old_institution_is_offered_the_platform_years_up_to_today():
    years = [y for y, _ in entry_years(institution(opened=1990), [])]
    assert years == list(range(2018, 2026))  # not 2015: the data starts in 2018


@override_settings(TIXI_YEARS=range(2012, 2027), TIXI_TODAY=dt.date(2025, 10, 15))
def test_the_first_year_follows_the_setting():
    assert entry_years(institution(opened=1990), [])[0] == (2012, False)


@override_settings(TIXI_YEARS=range(2018, 2027), TIXI_TODAY=dt.date(2025, 10, 15))
def test_opening_and_closing_bound_the_years_and_a_filed_year_is_kept():
    assert [y for y, _ in entry_years(institution(opened=2021, closed=2023), [])] == [2021, 2022, 2023]
    filed = [SimpleNamespace(year=2016, locked=True)]
    assert entry_years(institution(opened=1990, closed=2019), filed) == [
        (2016, True),
        (2018, False),
        (2019, False),
    ]

"""Engine modules alone: no database."""

import pytest

from tixi.demo.allocation import count_for_rate, largest_remainder
from tixi.geo.engine import codes
from tixi.registry.engine.figures import Group, PopulationSummary, compute, round_like


def test_largest_remainder_sums_exactly():
    parts = largest_remainder(10, [1, 1, 1])
    assert sum(parts) == 10 and sorted(parts) == [3, 3, 4]
    with pytest.raises(ValueError):
        largest_remainder(5, [0, 0])


def test_count_for_rate_reproduces_the_rate():
    n = count_for_rate(3.63, 1000, 1298600)
    assert round_like(n * 1000 / 1298600, 2) == 3.63


def test_round_half_up():
    assert round_like(2.675, 2) == 2.68 and round_like(0.125, 2) == 0.13


def test_codes():
    assert codes.level_of("510400000000") == codes.CITY
    assert codes.level_of("510421105000") == codes.TOWNSHIP
    assert codes.check_code("5104") and not codes.check_code("510421000000", 3, "510400000000")
    assert codes.check_code("511721000000", 3, "510400000000")[0].field == "parent"


def test_ratios_are_ratios_of_sums():
    groups = [
        Group("general_hospital", 3, "A", "public", "city", 1, {"actual_beds": 900, "physicians": 300}),
        Group("village_clinic", None, "", "public", "village", 10, {"actual_beds": 0, "physicians": 10}),
    ]
    f = compute(groups, PopulationSummary(total=100000))
    assert f["institutions"] == 11 and f["hospitals_by_grade"] == {"3A": 1}
    assert f["beds_per_1000"] == 9.0 and f["physicians_per_1000"] == 3.1
    assert compute([], PopulationSummary(total=None))["beds_per_1000"] is None

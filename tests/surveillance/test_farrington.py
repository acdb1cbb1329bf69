"""The Farrington engine without R: its reference windows, thresholds and rules, checked against
independent definitions (scipy's distributions, R's documented windows), and the batch equals
the series one by one."""

import numpy as np
import pytest
from scipy import stats

from tixi.surveillance.engine import farrington
from tixi.surveillance.engine.methods import METHODS, method
from tixi.surveillance.engine.spec import DetectionError

from .cases import weekly_cases


def test_registry_holds_both_methods_with_r_defaults():
    assert {"farrington", "farrington-flexible"} <= set(METHODS)
    flexible = METHODS["farrington-flexible"].defaults
    assert (flexible["b"], flexible["w"], flexible["alpha"], flexible["weightsThreshold"]) == (
        5,
        3,
        0.05,
        2.58,
    )
    assert flexible["pastWeeksNotIncluded"] is None and flexible["noPeriods"] == 1
    assert flexible["thresholdMethod"] == "delta" and flexible["pThresholdTrend"] == 0.05
    classic = METHODS["farrington"].defaults
    assert (classic["b"], classic["w"], classic["alpha"], classic["limit54"]) == (5, 3, 0.05, (5, 4))
    assert "weightsThreshold" not in classic


def test_unknown_method_names_the_known_ones():
    with pytest.raises(DetectionError, match="farrington, farrington-flexible"):
        method("farringtn")


def test_unknown_control_is_refused():
    with pytest.raises(DetectionError, match="baseline"):
        METHODS["farrington"].check_control({"baseline": 7})


def test_classic_windows_are_b_years_of_2w_plus_1_weeks():
    periods = farrington.classic_periods(313, b=5, w=3, frequency=52)
    assert periods.tolist() == [t for i in range(5, 0, -1) for t in range(313 - 52 * i - 3, 313 - 52 * i + 4)]
    # before period 1 they are dropped (R warns and goes on): at R's default start no oldest window
    assert farrington.classic_periods(257, b=5, w=3, frequency=52).size == 28
    assert farrington.classic_periods(260, b=5, w=3, frequency=52)[:4].tolist() == [1, 2, 3, 49]


def test_flexible_blocks_split_each_year_into_nine_periods_and_the_window():
    periods, levels = farrington.flexible_periods(
        313, b=5, w=3, frequency=52, no_periods=10, past_weeks_not_included=26
    )
    # from the oldest window (313 - 260 - 3) up to 27 weeks before now, every week
    assert periods.tolist() == list(range(50, 313 - 26))
    window = {t for i in range(1, 6) for t in range(313 - 52 * i - 3, 313 - 52 * i + 4)}
    assert {int(t) for t, level in zip(periods, levels, strict=True) if level == 10} == window
    # 52 - 7 = 45 weeks between windows: nine blocks of five
    year = levels[(periods > 313 - 52 * 5 + 3) & (periods < 313 - 52 * 4 - 3)]
    assert year.tolist() == [j for j in range(1, 10) for _ in range(5)]
    # noPeriods = 1: the windows only, without the current one (pastWeeksNotIncluded = w)
    periods, levels = farrington.flexible_periods(313, 5, 3, 52, 1, 3)
    assert periods.tolist() == farrington.classic_periods(313, 5, 3, 52).tolist()
    assert set(levels.tolist()) == {1}


def test_nb_and_poisson_quantiles_match_scipy():
    rng = np.random.default_rng(0)
    mean = np.concatenate([rng.uniform(0.01, 5, 300), rng.uniform(5, 3000, 300), [1e-9, 0.5, 40.0]])
    phi = np.concatenate([rng.uniform(1.0001, 6, 600), [1.0, 1.0, 1.0]])
    phi[:100] = 1.0
    for alpha in (0.05, 0.01, 0.3):
        ours = farrington.nb_upper(mean, phi, alpha)
        size = mean / np.where(phi > 1, phi - 1, 1)
        expected = np.where(
            phi > 1, stats.nbinom.ppf(1 - alpha, size, 1 / phi), stats.poisson.ppf(1 - alpha, mean)
        )
        assert np.array_equal(ours, expected)
    assert np.isnan(farrington.nb_upper(np.array([np.inf]), np.array([2.0]), 0.05)).all()


def test_delta_upper_bound_is_farringtons_formula():
    mu0, tau, z = np.array([4.0, 30.0]), np.array([1.5, 2.0]), 1.96
    expected = (mu0 ** (2 / 3) + z * np.sqrt(4 / 9 * mu0 ** (1 / 3) * tau)) ** 1.5
    assert np.allclose(farrington.delta_upper(mu0, tau, z, "2/3"), expected, rtol=1e-14)
    assert np.allclose(farrington.delta_upper(mu0, tau, z, "none"), mu0 + z * np.sqrt(mu0 * tau))


def test_a_batch_is_the_series_one_by_one():
    counts = weekly_cases()
    for name, options in (
        ("farrington", {}),
        ("farrington-flexible", {"noPeriods": 10, "thresholdMethod": "nbPlugin"}),
    ):
        chosen = METHODS[name]
        control = chosen.check_control(options)
        together = chosen.run(counts, 380, 416, **control)
        for s in range(counts.shape[0]):
            alone = chosen.run(counts[s : s + 1], 380, 416, **control)
            assert np.array_equal(alone.alarm[0], together.alarm[s])
            assert np.array_equal(alone.upperbound[0], together.upperbound[s], equal_nan=True)


def test_an_outbreak_is_flagged_and_quiet_weeks_are_not():
    rng = np.random.default_rng(7)
    t = np.arange(416)
    counts = rng.poisson(8 + 4 * np.cos(2 * np.pi * t / 52), size=(20, 416)).astype(float)
    counts[:, 399] += 60  # period 400
    for name in ("farrington", "farrington-flexible"):
        detection = METHODS[name].run(counts, 390, 416, **METHODS[name].defaults)
        assert detection.alarm[:, 400 - 390].all()
        assert detection.alarm.mean() < 0.15
        assert (detection.upperbound[:, 400 - 390] < counts[:, 399]).all()


def test_fewer_than_five_cases_in_four_weeks_never_alarm():
    counts = np.zeros((1, 320))
    counts[0, -1] = 4  # 4 cases after years of nothing: R's limit54 says too few
    for name, no_bound in (("farrington", 0.0), ("farrington-flexible", np.nan)):
        detection = METHODS[name].run(counts, 300, 320, **METHODS[name].defaults)
        assert not detection.alarm.any()
        assert np.array_equal(detection.upperbound[0, -1:], [no_bound], equal_nan=True)
    counts[0, -2] = 1  # now five: the alarm
    for name in ("farrington", "farrington-flexible"):
        assert METHODS[name].run(counts, 320, 320, **METHODS[name].defaults).alarm[0, 0]


@pytest.mark.parametrize(
    ("name", "options", "first", "message"),
    [
        ("farrington-flexible", {}, 263, "monitors from period 263"),
        ("farrington-flexible", {}, 262, "monitors from period 263"),
        ("farrington", {}, 256, "monitors from period 257"),
        ("farrington-flexible", {"thresholdMethod": "exact"}, 300, "thresholdMethod"),
        ("farrington-flexible", {"powertrans": "1/3"}, 300, "powertrans"),
        ("farrington-flexible", {"noPeriods": 60}, 300, "too big"),
        ("farrington-flexible", {"limit54": (5, 0)}, 300, "limit54"),
        ("farrington", {"alpha": 1.5}, 300, "alpha"),
        ("farrington-flexible", {"populationOffset": True}, 300, "population"),
    ],
)
def test_bad_controls_and_ranges_are_refused(name, options, first, message):
    counts = np.ones((2, 320))
    chosen = METHODS[name]
    if first == 263:
        chosen.run(counts, 263, 320, **chosen.check_control(options))  # the first possible period works
        return
    with pytest.raises(DetectionError, match=message):
        chosen.run(counts, first, 320, **chosen.check_control(options))


def test_range_beyond_the_series_is_refused():
    with pytest.raises(DetectionError, match="320 periods"):
        METHODS["farrington"].run(np.ones((1, 320)), 300, 321, **METHODS["farrington"].defaults)

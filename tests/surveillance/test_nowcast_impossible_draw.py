"""A draw of the delay distribution that gives the cases already reported no chance (its share reported by
that delay is 0 while cases were reported) is ruled out by the data: it leaves the average of the Bayes
nowcast's posterior instead of turning the period's PMF into NaN (0/0, "invalid value encountered in
subtract"). If no draw allows the reported cases, the nowcast is refused in words."""

import warnings

import numpy as np
import pytest

from tixi.surveillance.engine import nowcast

ONSET = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10]
REPORT = [0, 1, 3, 3, 5, 5, 7, 8, 9, 10, 10, 10]
POSSIBLE = [0.1, 0.2, 0.3, 0.4]  # R's order: the last column is delay 0
IMPOSSIBLE = [0.4, 0.3, 0.3, 0.0]  # no case reported on its onset period, yet two were (period 10)


def bayes(draws):
    return nowcast.bayes(ONSET, REPORT, 10, D=3, m=5, prior_mean=2, prior_variance=4, draws=draws, n_max=50)


def test_a_draw_the_reported_cases_rule_out_leaves_the_posterior_without_a_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # numpy's "invalid value encountered in subtract" fails the test
        mixed = bayes([POSSIBLE, IMPOSSIBLE])
    alone = bayes([POSSIBLE])
    assert not np.isnan(mixed.pmf).any()
    np.testing.assert_allclose(mixed.pmf[:, 10], alone.pmf[:, 10])
    assert mixed.median[10] == alone.median[10] and mixed.upper[10] == alone.upper[10]
    assert mixed.median[10] >= 2  # never below the two cases reported


def test_no_draw_allowing_the_reported_cases_is_refused_in_words():
    with pytest.raises(nowcast.NowcastError) as error:
        bayes([IMPOSSIBLE])
    assert error.value.msgid.startswith("No draw of the delay distribution allows")

"""`tixi surveillance evaluate --multipoint`: channels sharing one outbreak, channel 1 alone against the
compound alarm, precision at matched POD."""

import io

import numpy as np
import pytest
from django.core.management.base import CommandError

from tixi.surveillance.engine import multipoint
from tixi.surveillance.engine.methods import METHODS
from tixi.surveillance.evaluation import run_evaluate


def test_the_compound_alarm_needs_enough_channels_within_the_window():
    alarms = np.zeros((3, 1, 6), dtype=bool)
    alarms[0, 0, 1] = alarms[1, 0, 2] = True  # two channels, a week apart
    assert not multipoint.compound(alarms, needed=2, window=1).any()
    assert multipoint.compound(alarms, needed=2, window=2)[0].tolist() == [
        False,
        False,
        True,
        False,
        False,
        False,
    ]
    assert not multipoint.compound(alarms, needed=3, window=2).any()


def test_at_pod_interpolates_along_the_sweep():
    points = [(20.0, 60.0, 1.0), (40.0, 40.0, 3.0), (60.0, 20.0, 9.0)]
    assert multipoint.at_pod(points, 50.0) == (30.0, 6.0)
    assert multipoint.at_pod(points, 70.0) is None


def test_the_multipoint_trigger_lifts_precision_at_equal_pod():
    simulation = multipoint.simulate(channels=3, replicates=10, seed=7, chosen=range(15, 29))
    assert simulation.counts.shape == (3, 140, 624)
    # the outbreak is shared: its weeks hold extra cases in every channel
    rows = multipoint.matched(multipoint.sweep(METHODS["ears-c1"], simulation, needed=2, window=1))
    at_50 = next(r for r in rows if r["pod"] == 50.0)
    assert at_50["compound_ppv"] > 1.3 * at_50["single_ppv"]
    assert at_50["compound_fpr"] < at_50["single_fpr"]


def test_the_command_prints_the_table_and_refuses_a_method_without_alpha():
    out = io.StringIO()
    run_evaluate({"multipoint": True, "replicates": "2", "scenarios": "15-20", "format": "table"}, out)
    text = out.getvalue()
    assert "ears-c1" in text and text.count("\n") == 8
    with pytest.raises(CommandError, match="alpha"):
        run_evaluate({"multipoint": True, "methods": "cusum"}, io.StringIO())

"""The Noufaily (2013) evaluation: the simulated design, the scores on known alarms, and the command's
function (`tixi surveillance evaluate`) with its table and its refusals."""

import io
import json

import numpy as np
import pytest
from django.core.management.base import CommandError
from django.utils import translation

from tixi.surveillance.engine import evaluate as design
from tixi.surveillance.engine.ears import METHODS as EARS
from tixi.surveillance.evaluation import add_evaluate_arguments, run_evaluate

EARS_BY_NAME = {method.name: method for method in EARS}


@pytest.fixture(scope="module")
def simulation():
    return design.simulate(replicates=10, seed=7)


def test_design_has_42_scenarios_and_plants_outbreaks_where_the_paper_does(simulation):
    assert len(design.scenarios()) == 42
    assert simulation.counts.shape == (420, 624)
    assert sorted(set(simulation.scenario.tolist())) == list(range(1, 43))
    assert ((simulation.current_start >= 576) & (simulation.current_start <= 624)).all()
    assert sorted(set(simulation.current_k.tolist())) == list(range(1, 11))
    planted = simulation.outbreak & ~simulation.current
    assert not planted[:, :312].any()  # past outbreaks begin in week 313
    assert (simulation.current[:, :575].sum() == 0) and simulation.current.any(axis=1).mean() > 0.9
    assert (simulation.counts >= 0).all() and (simulation.counts == np.round(simulation.counts)).all()


def test_baseline_follows_the_scenario_mean():
    # the third parameter set (θ = 1.5, φ = 1: Poisson) without trend or season
    scenario = next(s for s in design.scenarios() if s.theta == 1.5 and not s.trend and s.harmonics == 0)
    sim = design.simulate(replicates=40, seed=3, chosen=[scenario.number])
    quiet = sim.counts[:, :300]  # before any planted outbreak
    assert quiet.mean() == pytest.approx(np.exp(1.5), rel=0.02)
    assert quiet.var() == pytest.approx(np.exp(1.5), rel=0.08)  # φ = 1
    seasonal = next(s for s in design.scenarios() if s.theta == 0.5 and s.trend and s.harmonics == 2)
    t = np.arange(1, 625)
    expected = np.exp(
        0.5
        + 0.002 * t
        + sum(0.5 * np.cos(2 * np.pi * j * t / 52) + 0.5 * np.sin(2 * np.pi * j * t / 52) for j in (1, 2))
    )
    assert np.allclose(design.baseline_mean(seasonal, t.astype(float)), expected)


def test_scores_of_known_alarms():
    counts = np.zeros((2, 624))
    outbreak = np.zeros((2, 624), dtype=bool)
    outbreak[0, 579:582] = True  # weeks 580-582
    outbreak[1, 599:600] = True  # week 600
    sim = design.Simulation(
        counts, outbreak, outbreak.copy(), np.array([580, 600]), np.array([3, 3]), np.array([1, 2])
    )
    alarm = np.zeros((2, 49), dtype=bool)
    alarm[0, 581 - 576] = True  # series 1: detected in its second week
    alarm[1, 0:2] = True  # series 2: two false alarms, outbreak missed
    score = design.score("x", alarm, sim)
    quiet_weeks = 2 * 49 - 4
    assert score.fpr == pytest.approx(100 * 2 / quiet_weeks)
    assert score.specificity == pytest.approx(100 - 100 * 2 / quiet_weeks)
    assert score.pod == 50.0 and score.pod_first_week == 0.0
    assert score.sensitivity == 25.0
    assert score.ppv == pytest.approx(100 / 3)
    assert score.days_to_detection == 7.0


def test_r_c3_lags_on_the_design_and_the_textbook_c3_does_not(simulation):
    scores = {s.method: s for s in design.evaluate(list(EARS), simulation)}
    c1, c3, textbook = scores["ears-c1"], scores["ears-c3"], scores["ears-c3-textbook"]
    assert 1.0 < c1.fpr < 8.0 and 40.0 < c1.pod < 75.0  # our notes' run: FPR 3.6 %, POD 56 %
    assert c3.pod_first_week < 20.0 < c1.pod_first_week  # R's C3 ignores the current week
    assert textbook.pod_first_week > 2 * c3.pod_first_week
    assert c3.days_to_detection > c1.days_to_detection + 3


def parse(*argv):
    import argparse

    parser = argparse.ArgumentParser()
    add_evaluate_arguments(parser)
    return vars(parser.parse_args(argv))


def test_command_prints_the_table_beside_the_anchors():
    out = io.StringIO()
    with translation.override("zh-hans"):
        scores = run_evaluate(
            parse("--methods", "ears-c1,cdc", "--replicates", "2", "--scenarios", "1-6,40"), out
        )
    text = out.getvalue()
    assert [s.method for s in scores] == ["ears-c1", "cdc"]
    assert "检出率 %" in text and "误报率 %" in text and "14 条序列" in text
    assert "92.7" in text and "88.7" in text and "0.7" in text
    assert "ears-c1" in text and "cdc" in text


def test_command_json_and_options_reach_the_method():
    out = io.StringIO()
    run_evaluate(parse("--methods", "ears-c1", "--replicates", "3", "--format", "json"), out)
    default = json.loads(out.getvalue())["methods"][0]
    out = io.StringIO()
    run_evaluate(
        parse("--methods", "ears-c1", "--replicates", "3", "--format", "json", "--set", "ears-c1.alpha=0.2"),
        out,
    )
    loose = json.loads(out.getvalue())
    assert loose["series"] == 126 and loose["anchors"][0]["sensitivity"] == 92.7
    assert loose["methods"][0]["fpr"] > default["fpr"] + 5


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (("--methods", "farrington-x"), "--methods"),
        (("--replicates", "0"), "--replicates"),
        (("--replicates", "many"), "--replicates"),
        (("--scenarios", "0-50"), "--scenarios"),
        (("--set", "ears-c1alpha=1"), "--set"),
        (("--set", "ears-c1.b=3"), "b"),
        (("--methods", "ears-c1", "--replicates", "1", "--set", "ears-c1.alpha=2"), "alpha=2"),
    ],
)
def test_bad_options_are_refused_in_chinese_naming_the_option(argv, named):
    with translation.override("zh-hans"), pytest.raises(CommandError) as refused:
        run_evaluate(parse(*argv), io.StringIO())
    message = str(refused.value)
    assert named in message
    assert any("\u4e00" <= char <= "\u9fff" for char in message), message

"""Does the multi-point trigger lift precision at equal POD? A simulation of several channels watching
one place (our own design, on the Noufaily 2013 baseline):

- each place is a Noufaily scenario × replicate; each of its `channels` channels has its own baseline
  series (the scenario's negative binomial, drawn independently) and its own four past outbreaks, but
  the current outbreak is shared: the same start week and k, each channel receiving Poisson(k·sd) cases
  of it spread by ⌊lognormal(0, 0.5)⌋ weeks, as in the single-series design;
- a method (EARS C1 by default) runs on every channel over weeks 576–624 at a sweep of its α;
- single channel: the alarms of channel 1 alone; compound: a week where at least `needed` channels
  alarm within `window` weeks (that week and the window − 1 before it), as a trigger rule does;
- truth: the weeks holding cases of the shared outbreak in any channel; POD = outbreaks with ≥ 1 alarm
  in those weeks; precision (PPV) = alarms in those weeks / all alarms; FPR over the other weeks;
- matched POD: for each target POD, each arm's PPV and FPR are interpolated along its own α sweep
  (both move monotonically with α), so the arms are compared where they find as many outbreaks."""

from dataclasses import dataclass

import numpy as np

from tixi.surveillance.engine.evaluate import CURRENT, PAST, PAST_K, WEEKS, _spread, baseline_mean, scenarios
from tixi.surveillance.engine.spec import Method

ALPHAS = tuple(float(a) for a in np.geomspace(1e-5, 0.45, 24))
TARGET_PODS = (40.0, 50.0, 60.0, 70.0, 80.0, 90.0)


@dataclass(frozen=True)
class Channels:
    counts: np.ndarray  # (channels, places, WEEKS)
    shared: np.ndarray  # bool (places, WEEKS): weeks with cases of the shared current outbreak
    start: np.ndarray  # (places,) 1-based start week of the shared outbreak


def simulate(channels=3, replicates=10, seed=2013, chosen=None) -> Channels:
    rng = np.random.default_rng(seed)
    t = np.arange(1, WEEKS + 1, dtype=np.float64)
    picked = [s for s in scenarios() if chosen is None or s.number in set(chosen)]
    places = len(picked) * replicates
    counts = np.zeros((channels, places, WEEKS))
    shared = np.zeros((places, WEEKS), dtype=bool)
    start = np.zeros(places, dtype=int)
    row = 0
    for scenario in picked:
        mu = baseline_mean(scenario, t)
        sd = np.sqrt(scenario.phi * mu)
        for replicate in range(replicates):
            week, k = int(rng.integers(CURRENT[0], CURRENT[1] + 1)), 1 + replicate % 10
            start[row] = week
            for c in range(channels):
                if scenario.phi > 1:
                    size = mu / (scenario.phi - 1)
                    y = rng.negative_binomial(size, size / (size + mu)).astype(np.float64)
                else:
                    y = rng.poisson(mu).astype(np.float64)
                plan = [
                    (int(rng.integers(PAST[0], PAST[1] + 1)), int(rng.choice(PAST_K)), False)
                    for _ in range(4)
                ]
                plan.append((week, k, True))
                for first, k_out, is_shared in plan:
                    weeks = first - 1 + _spread(rng, rng.poisson(k_out * sd[first - 1]))
                    weeks = weeks[weeks < WEEKS]
                    np.add.at(y, weeks, 1.0)
                    if is_shared:
                        shared[row, weeks] = True
                counts[c, row] = y
            row += 1
    return Channels(counts, shared, start)


def _scores(alarm: np.ndarray, truth: np.ndarray) -> tuple[float, float, float]:
    """(POD %, PPV %, FPR %) of alarms over the monitored weeks."""
    has = truth.any(axis=1)
    pod = 100.0 * ((alarm & truth).any(axis=1) & has).sum() / max(has.sum(), 1)
    alarms = alarm.sum()
    ppv = 100.0 * (alarm & truth).sum() / alarms if alarms else float("nan")
    fpr = 100.0 * (alarm & ~truth).sum() / max((~truth).sum(), 1)
    return pod, ppv, fpr


def compound(alarms: np.ndarray, needed: int, window: int) -> np.ndarray:
    """(channels, places, weeks) alarms → a week where ≥ `needed` channels alarmed within `window` weeks."""
    recent = np.zeros_like(alarms)
    for lag in range(window):
        recent[..., lag:] |= alarms[..., : alarms.shape[-1] - lag]
    return recent.sum(axis=0) >= needed


def sweep(method: Method, simulation: Channels, needed=2, window=1, control=None) -> dict[str, list]:
    """Per α of ALPHAS: (POD, PPV, FPR) of channel 1 alone and of the compound alarm."""
    columns = slice(CURRENT[0] - 1, CURRENT[1])
    truth = simulation.shared[:, columns]
    channels, places, weeks = simulation.counts.shape
    flat = simulation.counts.reshape(channels * places, weeks)
    single, multi = [], []
    for alpha in ALPHAS:
        options = method.check_control({**(control or {}), "alpha": alpha})
        alarm = np.asarray(method.run(flat, CURRENT[0], CURRENT[1], **options).alarm, dtype=bool)
        alarm = alarm.reshape(channels, places, -1)
        single.append(_scores(alarm[0], truth))
        multi.append(_scores(compound(alarm, needed, window), truth))
    return {"single": single, "compound": multi}


def at_pod(points: list[tuple[float, float, float]], target: float) -> tuple[float, float] | None:
    """(PPV, FPR) interpolated at POD `target` along a sweep (None when the sweep does not reach it)."""
    ordered = sorted((p for p in points if not np.isnan(p[1])), key=lambda p: p[0])
    pods = [p[0] for p in ordered]
    if not ordered or not pods[0] <= target <= pods[-1]:
        return None
    return (
        float(np.interp(target, pods, [p[1] for p in ordered])),
        float(np.interp(target, pods, [p[2] for p in ordered])),
    )


def matched(results: dict[str, list], targets=TARGET_PODS) -> list[dict]:
    rows = []
    for target in targets:
        single, multi = at_pod(results["single"], target), at_pod(results["compound"], target)
        rows.append(
            {
                "pod": target,
                "single_ppv": single[0] if single else None,
                "single_fpr": single[1] if single else None,
                "compound_ppv": multi[0] if multi else None,
                "compound_fpr": multi[1] if multi else None,
            }
        )
    return rows

"""How well a detection method finds planted outbreaks: the Noufaily et al. (2013) simulation design.

What we simulate (Noufaily A, Enki DG, Farrington P et al., Stat Med 2013;32:1206-22, section 4; the design
Bédubourg & Le Strat 2017 reuse):
- 624 weeks per series; weekly baseline counts negative binomial with mean
  μ(t) = exp(θ + βt + Σ_{j=1..m} [γ₁ cos(2πjt/52) + γ₂ sin(2πjt/52)]) and variance φμ (Poisson when φ = 1);
- 42 scenarios: 7 parameter sets (θ, β, γ₁, γ₂, φ) × trend on/off (β = 0 when off) × m ∈ {0, 1, 2};
- four past outbreaks starting in weeks 313–575, each of k·sd cases with k drawn from {2, 3, 5, 10}, and
  one current outbreak starting in weeks 576–624 with k = 1..10 (replicate r uses k = 1 + r mod 10, so each
  k is equally represented); sd = √(φμ) at the outbreak's start week; the size is Poisson(k·sd) cases;
- each outbreak case falls ⌊X⌋ weeks after the start, X ~ lognormal(0, 0.5) (R's lognormDiscrete:
  0 weeks 50%, 1 week 42%, 2 weeks 7%, ...); cases after week 624 are lost.
Each method monitors weeks 576–624 with its own defaults (R's), on the whole history before.

Scores, pooled over scenarios and replicates:
- outbreak week: a monitored week holding cases of any planted outbreak;
- FPR: alarms in monitored weeks without outbreak cases / such weeks; specificity = 1 − FPR;
- sensitivity: alarmed outbreak weeks / outbreak weeks (week by week);
- POD: the share of current outbreaks with ≥1 alarm in one of their weeks; POD week 1: in their start week;
- PPV: alarms in outbreak weeks / all alarms;
- days to detection: 7 × (first alarmed week of the outbreak − its start week), over detected outbreaks
  (weekly data: 0 means "in the week it began").
"""

from collections.abc import Sequence
from dataclasses import dataclass
from time import perf_counter

import numpy as np

from tixi.surveillance.engine.spec import Method

WEEKS = 624
CURRENT = (576, 624)  # weeks of the current outbreak's start and the monitored range (1-based, inclusive)
PAST = (313, 575)
PAST_K = (2, 3, 5, 10)
PARAMETER_SETS = (  # θ, β, γ₁, γ₂, φ (Noufaily 2013, table 1)
    (0.1, 0.0025, 0.6, 0.6, 1.5),
    (-2.0, 0.005, 0.1, 0.3, 2.0),
    (1.5, 0.003, 0.2, -0.4, 1.0),
    (0.5, 0.002, 0.5, 0.5, 5.0),
    (2.5, 0.001, 1.0, 0.1, 3.0),
    (3.75, 0.001, 0.1, -0.1, 1.1),
    (5.0, 0.0001, 0.05, 0.01, 1.2),
)
ANCHORS = (  # (what, FPR %, POD %, sensitivity %, specificity %, days to detection)
    ("CIDARS HFMD 2010-12", None, None, 92.7, 95.0, 2.1),
    ("Bédubourg & Le Strat 2017, best of 21", 0.7, 88.7, None, None, None),
)


@dataclass(frozen=True)
class Scenario:
    number: int  # 1..42
    theta: float
    beta: float
    gamma1: float
    gamma2: float
    phi: float
    trend: bool
    harmonics: int


def scenarios() -> list[Scenario]:
    out = []
    for theta, beta, gamma1, gamma2, phi in PARAMETER_SETS:
        for trend in (False, True):
            for harmonics in (0, 1, 2):
                out.append(Scenario(len(out) + 1, theta, beta, gamma1, gamma2, phi, trend, harmonics))
    return out


@dataclass(frozen=True)
class Simulation:
    counts: np.ndarray  # (n_series, WEEKS)
    outbreak: np.ndarray  # bool (n_series, WEEKS): the week holds planted cases (any outbreak)
    current: np.ndarray  # bool (n_series, WEEKS): the week holds cases of the current outbreak
    current_start: np.ndarray  # (n_series,) 1-based start week of the current outbreak
    current_k: np.ndarray  # (n_series,)
    scenario: np.ndarray  # (n_series,) scenario number


def baseline_mean(scenario: Scenario, t: np.ndarray) -> np.ndarray:
    beta = scenario.beta if scenario.trend else 0.0
    season = np.zeros_like(t, dtype=np.float64)
    for j in range(1, scenario.harmonics + 1):
        season += scenario.gamma1 * np.cos(2 * np.pi * j * t / 52) + scenario.gamma2 * np.sin(
            2 * np.pi * j * t / 52
        )
    return np.exp(scenario.theta + beta * t + season)


def _spread(rng, n_cases: int) -> np.ndarray:
    """Week offsets of the cases: ⌊lognormal(0, 0.5)⌋."""
    return np.floor(rng.lognormal(0.0, 0.5, size=n_cases)).astype(int)


def simulate(replicates: int = 10, seed: int = 2013, chosen: Sequence[int] | None = None) -> Simulation:
    rng = np.random.default_rng(seed)
    t = np.arange(1, WEEKS + 1, dtype=np.float64)
    picked = [s for s in scenarios() if chosen is None or s.number in set(chosen)]
    n = len(picked) * replicates
    counts = np.zeros((n, WEEKS))
    outbreak = np.zeros((n, WEEKS), dtype=bool)
    current = np.zeros((n, WEEKS), dtype=bool)
    start = np.zeros(n, dtype=int)
    ks = np.zeros(n, dtype=int)
    numbers = np.zeros(n, dtype=int)
    row = 0
    for scenario in picked:
        mu = baseline_mean(scenario, t)
        sd = np.sqrt(scenario.phi * mu)
        for replicate in range(replicates):
            if scenario.phi > 1:
                size = mu / (scenario.phi - 1)
                y = rng.negative_binomial(size, size / (size + mu)).astype(np.float64)
            else:
                y = rng.poisson(mu).astype(np.float64)
            plan = [
                (int(rng.integers(PAST[0], PAST[1] + 1)), int(rng.choice(PAST_K)), False) for _ in range(4)
            ]
            k = 1 + replicate % 10
            plan.append((int(rng.integers(CURRENT[0], CURRENT[1] + 1)), k, True))
            for week, k_out, is_current in plan:
                n_cases = rng.poisson(k_out * sd[week - 1])
                weeks = week - 1 + _spread(rng, n_cases)
                weeks = weeks[weeks < WEEKS]
                np.add.at(y, weeks, 1.0)
                outbreak[row, weeks] = True
                if is_current:
                    current[row, weeks] = True
                    start[row], ks[row] = week, k_out
            counts[row], numbers[row] = y, scenario.number
            row += 1
    return Simulation(counts, outbreak, current, start, ks, numbers)


@dataclass(frozen=True)
class Score:
    method: str
    fpr: float  # %
    pod: float  # %
    pod_first_week: float  # %
    sensitivity: float  # %
    specificity: float  # %
    ppv: float  # % (NaN without alarms)
    days_to_detection: float  # mean over detected outbreaks (NaN when none)
    series: int
    seconds: float


def score(name: str, alarm: np.ndarray, simulation: Simulation, seconds: float = 0.0) -> Score:
    """Scores of alarms over the monitored weeks CURRENT (columns 575..623)."""
    columns = slice(CURRENT[0] - 1, CURRENT[1])
    alarm = np.asarray(alarm, dtype=bool)
    outbreak = simulation.outbreak[:, columns]
    current = simulation.current[:, columns]
    quiet = ~outbreak
    false_alarms = (alarm & quiet).sum()
    fpr = 100.0 * false_alarms / max(quiet.sum(), 1)
    sensitivity = 100.0 * (alarm & outbreak).sum() / max(outbreak.sum(), 1)
    has_outbreak = current.any(axis=1)  # an outbreak of 0 cases cannot be detected: left out of POD
    hit = alarm & current
    detected = hit.any(axis=1) & has_outbreak
    pod = 100.0 * detected.sum() / max(has_outbreak.sum(), 1)
    start_column = simulation.current_start - CURRENT[0]
    first_week = hit[np.arange(hit.shape[0]), start_column]
    pod_first = 100.0 * (first_week & has_outbreak).sum() / max(has_outbreak.sum(), 1)
    first_alarm = np.argmax(hit, axis=1)
    delays = 7.0 * (first_alarm[detected] - start_column[detected])
    n_alarms = alarm.sum()
    return Score(
        method=name,
        fpr=float(fpr),
        pod=float(pod),
        pod_first_week=float(pod_first),
        sensitivity=float(sensitivity),
        specificity=float(100.0 - fpr),
        ppv=float(100.0 * (alarm & outbreak).sum() / n_alarms) if n_alarms else float("nan"),
        days_to_detection=float(delays.mean()) if delays.size else float("nan"),
        series=int(alarm.shape[0]),
        seconds=seconds,
    )


def evaluate(
    methods: Sequence[Method],
    simulation: Simulation,
    controls: dict[str, dict] | None = None,
) -> list[Score]:
    """Each method over the monitored weeks of every simulated series, with R's defaults unless `controls`
    (method name → R control names → value) says otherwise."""
    results = []
    for method in methods:
        control = method.check_control((controls or {}).get(method.name, {}))
        began = perf_counter()
        detection = method.run(simulation.counts, CURRENT[0], CURRENT[1], **control)
        results.append(score(method.name, detection.alarm, simulation, perf_counter() - began))
    return results

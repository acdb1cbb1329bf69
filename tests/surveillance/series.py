"""Series the parity tests feed to R and to us: seasonal Poisson and negative binomial counts with planted
outbreaks, near-zero diseases, flat stretches (sd 0 windows) and short histories."""

import numpy as np


def seasonal_series(n_series: int, n_periods: int, seed: int, frequency: int = 52) -> np.ndarray:
    rng = np.random.default_rng(seed)
    t = np.arange(1, n_periods + 1)
    rows = []
    for i in range(n_series):
        kind = i % 5
        level = rng.choice([-1.0, 0.5, 1.5, 2.5, 3.5])
        season = rng.uniform(0.0, 0.8)
        phase = rng.uniform(0, 2 * np.pi)
        trend = rng.choice([0.0, 0.001, -0.0005])
        mu = np.exp(level + trend * t + season * np.cos(2 * np.pi * t / frequency + phase))
        if kind in (0, 1):  # Poisson
            y = rng.poisson(mu)
        else:  # negative binomial, variance phi·mu
            phi = rng.uniform(1.2, 4.0)
            size = mu / (phi - 1.0)
            y = rng.negative_binomial(size, size / (size + mu))
        y = y.astype(np.float64)
        for _ in range(rng.integers(0, 4)):  # outbreaks: a few periods of extra cases
            start = rng.integers(0, n_periods - 5)
            length = rng.integers(1, 6)
            y[start : start + length] += rng.poisson(3 * np.sqrt(mu[start] + 1) + 2, size=length)
        if kind == 4:  # a flat stretch: the same count for 15 periods, and a run of zeros
            start = rng.integers(0, n_periods - 30)
            y[start : start + 15] = y[start]
            zeros = rng.integers(0, n_periods - 12)
            y[zeros : zeros + 12] = 0.0
        rows.append(y)
    return np.array(rows)

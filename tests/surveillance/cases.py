"""Series for the parity tests: seasonal Poisson and negative binomial counts with trends, past and
current outbreaks, sparse and all-zero series, over several years (fixed seeds)."""

import numpy as np


def seasonal_mean(weeks, level, trend=0.0, amplitude=0.6, phase=0.0, frequency=52):
    t = np.arange(weeks)
    return np.exp(level + trend * t + amplitude * np.cos(2 * np.pi * t / frequency + phase))


def weekly_cases(weeks=416, seed=1, frequency=52):
    """Eleven series of `weeks` periods: each a different shape R must agree on."""
    rng = np.random.default_rng(seed)
    series = []
    series.append(rng.poisson(seasonal_mean(weeks, 1.5, frequency=frequency)))  # seasonal Poisson
    series.append(rng.poisson(seasonal_mean(weeks, 2.5, trend=0.003, frequency=frequency)))  # rising trend
    series.append(rng.poisson(seasonal_mean(weeks, 3.0, trend=-0.002, frequency=frequency)))  # falling trend
    mean = seasonal_mean(weeks, 2.0, amplitude=1.0, frequency=frequency)
    series.append(rng.negative_binomial(mean / 2.0, 1 / 3.0))  # overdispersed, phi = 3
    mean = seasonal_mean(weeks, 0.5, amplitude=0.3, frequency=frequency)
    series.append(rng.negative_binomial(mean / 1.0, 1 / 2.0))  # low counts, phi = 2
    sparse = rng.poisson(seasonal_mean(weeks, -2.0, frequency=frequency))  # mostly zeros
    series.append(sparse)
    series.append(np.zeros(weeks, dtype=int))  # nothing ever
    lonely = np.zeros(weeks, dtype=int)  # nothing, then a cluster at the end
    lonely[-6:-3] = [2, 4, 7]
    series.append(lonely)
    with_outbreaks = rng.poisson(seasonal_mean(weeks, 2.0, frequency=frequency))
    for start, size in (
        (weeks * 5 // 10, 25),
        (weeks * 7 // 10, 40),
        (weeks * 85 // 100, 15),
    ):  # past outbreaks
        with_outbreaks[start : start + 4] += rng.multinomial(size, [0.2, 0.4, 0.3, 0.1])
    with_outbreaks[-8:-4] += [6, 14, 20, 9]  # the current one
    series.append(with_outbreaks)
    big = rng.poisson(seasonal_mean(weeks, 5.5, amplitude=0.8, frequency=frequency))  # hundreds a week
    big[-10] += 400
    series.append(big)
    step = rng.poisson(np.where(np.arange(weeks) < weeks // 2, 3.0, 9.0))  # a level shift
    series.append(step)
    return np.array(series, dtype=float)

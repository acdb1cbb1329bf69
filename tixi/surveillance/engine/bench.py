"""`tixi bench surveillance`: 100,000 weekly series x 52 monitored weeks through farringtonFlexible
(and EARS when the registry has it), and R's surveillance on a sample of the same series."""

import os
import time

import numba
import numpy as np

from tixi.surveillance.engine import rsurveillance
from tixi.surveillance.engine.methods import METHODS

YEARS_BACK, HALF_WINDOW, FREQUENCY = 5, 3, 52
FIRST = FREQUENCY * YEARS_BACK + HALF_WINDOW + 1  # farringtonFlexible's default range starts here


def weekly_series(n_series: int, monitored: int = 52, seed: int = 2026) -> np.ndarray:
    """Seasonal Poisson counts, means from about 0.3 to 60 a week, some with a trend, and a few
    outbreaks in the monitored weeks: (n_series, FIRST - 1 + monitored)."""
    rng = np.random.default_rng(seed)
    weeks = FIRST - 1 + monitored
    t = np.arange(weeks)
    level = rng.uniform(-1.0, 4.0, (n_series, 1))
    trend = rng.choice([0.0, 0.0, 0.002, -0.001], (n_series, 1))
    amplitude = rng.uniform(0.0, 1.0, (n_series, 1))
    mean = np.exp(level + trend * t + amplitude * np.cos(2 * np.pi * t / FREQUENCY))
    counts = rng.poisson(mean).astype(np.float64)
    hit = rng.random(n_series) < 0.1
    week = rng.integers(FIRST - 1, weeks, n_series)
    counts[hit, week[hit]] += rng.poisson(3 * np.sqrt(mean[hit, week[hit]]) + 5)
    return counts


def _timed(method, counts, first, last):
    control = method.check_control({})
    method.run(counts[:4], first, last, **control)  # compile, or load numba's cache, first
    started, cpu = time.perf_counter(), time.process_time()
    detection = method.run(counts, first, last, **control)
    return time.perf_counter() - started, time.process_time() - cpu, detection


def run(write, n_series: int = 100_000, monitored: int = 52, r_series: int = 20) -> dict:
    load = os.getloadavg()
    write(
        f"machine: {os.cpu_count()} cores, numba threads {numba.get_num_threads()}, "
        f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (1/5/15 min)"
    )
    started = time.perf_counter()
    counts = weekly_series(n_series, monitored)
    write(
        f"{n_series:,} weekly series x {counts.shape[1]} weeks generated in {time.perf_counter() - started:.1f} s; "
        f"monitored weeks {FIRST}..{counts.shape[1]} ({monitored})"
    )
    first, last = FIRST, counts.shape[1]
    figures = {}
    names = ["farrington-flexible"] + [name for name in ("ears-c1", "ears-c2", "ears-c3") if name in METHODS]
    for name in names:
        seconds, cpu, detection = _timed(METHODS[name], counts, first, last)
        figures[name] = seconds
        write(
            f"  {name:<20} {seconds:8.2f} s total  {seconds / n_series * 1000:8.4f} ms per series  "
            f"(CPU {cpu:.1f} s over {numba.get_num_threads()} threads; {detection.alarm.sum():,} alarms)"
        )
    if "ears-c1" not in METHODS:
        write("  (EARS is not in the registry on this branch: not measured)")
    if r_series and rsurveillance.has_surveillance():
        sample = counts[:r_series]
        control = METHODS["farrington-flexible"].check_control({})
        theirs = rsurveillance.run_r("farrington-flexible", sample, first, last, control)
        ours_seconds, _cpu, ours = _timed(METHODS["farrington-flexible"], sample, first, last)
        per_r = theirs.seconds / r_series
        per_ours = figures["farrington-flexible"] / n_series
        same = np.array_equal(np.nan_to_num(theirs.alarm, nan=0).astype(bool), ours.alarm)
        close = np.isclose(ours.upperbound, theirs.upperbound, rtol=1e-6, atol=0, equal_nan=True).all()
        write(
            f"R surveillance farringtonFlexible on {r_series} of the series, side by side: "
            f"{per_r * 1000:.1f} ms per series (Tixi on the same {r_series}: {ours_seconds / r_series * 1000:.2f} ms)"
        )
        write(
            f"  R / Tixi per series (Tixi at scale): {per_r / per_ours:,.0f}x; "
            f"same alarms: {'yes' if same else 'NO'}, upper bounds within 1e-6: {'yes' if close else 'NO'}"
        )
        figures["r_per_series"] = per_r
    elif r_series:
        write(
            "R with the surveillance package is not installed (apt-get install r-cran-surveillance): no side-by-side run"
        )
    load = os.getloadavg()
    write(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    return figures

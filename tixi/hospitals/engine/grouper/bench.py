"""`tixi bench hospitals` (grouping part): group a city-year of synthetic discharges and say how fast."""

import os
import resource
import time

from .grouping import GROUPED, group
from .rules import load_rules
from .synthetic import generate_cases


def bench_grouping(write, rows: int = 1_300_000, seed: int = 2023) -> dict:
    """Generate `rows` discharges (fixed seed), group them once, report seconds, rate, load and memory."""
    started = time.perf_counter()
    rules = load_rules()
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    cases = generate_cases(rows, seed=seed, rules=rules)
    generated = time.perf_counter() - started
    load_before = os.getloadavg()[0]
    started, cpu_started = time.perf_counter(), time.process_time()
    grouping = group(cases, rules)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    load_after = os.getloadavg()[0]
    grouped = int((grouping.status == GROUPED).sum())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    write(f"DRG grouping ({rules.scheme}, {rules.source}):")
    write(f"  rule tables loaded               {loaded:>8.1f} s")
    write(f"  {rows:,} synthetic discharges made {generated:>6.1f} s")
    write(
        f"  grouped                          {seconds:>8.1f} s  ({rows / seconds:,.0f} cases/s, goal < 60 s; "
        f"CPU {cpu:.1f} s)"
    )
    write(f"  {grouped:,} grouped, {rows - grouped:,} not (no group, failed check)")
    write(f"  load average {load_before:.1f} before, {load_after:.1f} after; peak memory {peak_mb:,.0f} MB")
    return {
        "rows": rows,
        "seconds": seconds,
        "grouped": grouped,
        "cpu_seconds": cpu,
        "load": load_before,
        "peak_mb": peak_mb,
    }

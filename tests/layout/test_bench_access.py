import re

import numpy as np
from django.core.management import call_command

from tixi.layout.engine import bench, grass, synthetic


def test_bench_access_prints_grass_beside_tixi_and_a_scale_run(capsys):
    call_command("bench", "access", side=80, grass_side=60, facilities=20, max_minutes=30, siting_demand=2000)
    out = capsys.readouterr().out
    assert re.search(
        r"6,400 cells, 20 facilities, 16 moves, 30-min cap: compute [\d.]+ s .* peak memory [\d.]+ GB", out
    )
    assert re.search(
        r"CPU time: compute [\d.]+ s on 1 thread\(s\), [\d.]+ M cells per CPU-second; the whole run [\d.]+ s",
        out,
    )  # 6,400 cells: one thread (bands from a million cells on)
    assert re.search(
        r"coverage: [\d,]+ persons spread over 1 zones in [\d.]+ s, counted within 15/30/60 min "
        r"\(and \+-1 min\) per zone in [\d.]+ s; [\d.]+% within 60 min",
        out,
    )
    assert re.search(
        r"siting k=30: [\d.]+ s, covered [\d,]+ of at most [\d,]+: within [\d.]+% of the best", out
    )
    capped = re.search(
        r"siting k=30, each site serving at most ([\d,]+) residents: [\d.]+ s, served ([\d,]+) of at most "
        r"([\d,]+): within [\d.]+% of the best possible",
        out,
    )
    capacity, served, bound = (int(v.replace(",", "")) for v in capped.groups())
    assert served <= min(30 * capacity, bound)
    assert re.search(r"peak memory [\d.]+ GB \(its own process", out)
    if grass.grass_executable():
        for moves in ("8 moves:", "16 moves:", "8 moves, walking:", "16 moves, walking:"):
            line = next(line for line in out.splitlines() if line.startswith("60x60") and moves in line)
            assert re.search(r"GRASS/Tixi = [\d.]+x", line) and "same nearest: 100.0000%" in line
        assert re.search(r"r\.walk -k [\d.]+ s", out)
    else:
        assert "GRASS is not installed" in out


def test_a_runs_peak_memory_is_its_own_not_the_benchmarks(tmp_path):
    """The child reports its own peak, however much the process that started it holds."""
    friction_path, facilities_path = synthetic.write_case(tmp_path, 40, 40, 3, cell=100.0, seed=1)
    alone = bench.child_run(friction_path, facilities_path, tmp_path, 8, 0)["peak_mb"]
    ballast = np.ones(600 * 2**20 // 8)  # 600 MiB touched in this process
    beside = bench.child_run(friction_path, facilities_path, tmp_path, 8, 0)["peak_mb"]
    assert ballast.sum() > 0 and beside < alone + 150, (alone, beside)

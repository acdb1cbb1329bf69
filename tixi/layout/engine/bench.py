"""`tixi bench access`: Tixi against GRASS r.cost and r.walk on the same grid, then Tixi alone at scale.

Each measured run is a child process (`python -m tixi.layout.engine.bench run ...`) that reads the
GeoTIFF and CSV, computes and writes the surfaces as `tixi access surface` does, so that its peak
memory (ru_maxrss) is that of one real run, not of the synthetic data's making.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from tixi.layout.engine import grass, synthetic
from tixi.layout.engine.coverage import coverage_by_zone, spread_population
from tixi.layout.engine.rasters import read_elevation, read_facilities, read_friction, write_surfaces
from tixi.layout.engine.travel import thread_count, travel_time


def one_run(friction_path, facilities_path, out_folder, moves, max_minutes, elevation_path=None) -> dict:
    started = time.perf_counter()
    friction = read_friction(friction_path)
    sites = read_facilities(facilities_path, friction)
    heights = read_elevation(elevation_path, friction) if elevation_path else None
    read = time.perf_counter()
    cpu = time.process_time()  # every thread of the process: the work done, whatever the load
    surface = travel_time(
        friction.values,
        friction.cell_x,
        friction.cell_y,
        sites.rows,
        sites.cols,
        sites.ids,
        moves=moves,
        max_seconds=None if not max_minutes else max_minutes * 60.0,
        padded=friction.padded,
        elevation=heights,
    )
    computed = time.perf_counter()
    compute_cpu = time.process_time() - cpu
    out = Path(out_folder)
    write_surfaces(surface, friction, out / "time.tif", out / "nearest.tif")
    written = time.perf_counter()
    np.save(out / "seconds.npy", surface.seconds)
    np.save(out / "nearest.npy", surface.nearest)
    return {
        "cells": int(friction.values.size),
        "facilities": len(sites.ids),
        "reached": int(surface.reached.sum()),
        "read_s": read - started,
        "compute_s": computed - read,
        "write_s": written - computed,
        "compute_cpu_s": compute_cpu,
        "threads": thread_count(*friction.shape),
        "cpu_s": time.process_time(),
        "peak_mb": peak_mb(),
    }


def peak_mb() -> float:
    """This process's own peak memory in MiB. Not ru_maxrss: Linux carries the spawning process's peak
    over into a child's across exec (the bench's parent, after making a province's synthetic grid,
    reported its 4.0 GB as the child's); /proc's VmHWM belongs to the child's own address space."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_run(
    friction_path, facilities_path, out_folder, moves, max_minutes, elevation_path=None, threads=None
) -> dict:
    """`threads`: TIXI_THREADS for the child (None: as this process has it)."""
    env = dict(os.environ, **({"TIXI_THREADS": str(threads)} if threads else {}))
    argv = [sys.executable, "-m", "tixi.layout.engine.bench", "run", str(friction_path), str(facilities_path)]
    argv += [str(out_folder), str(moves), str(max_minutes or 0)]
    argv += [str(elevation_path)] if elevation_path else []
    completed = subprocess.run(argv, capture_output=True, text=True, check=False, env=env)
    if completed.returncode:
        raise RuntimeError(completed.stderr)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def warm_up() -> None:
    """Compile (or load from numba's cache) the kernel so that no run pays for it."""
    tiny = np.ones((3, 3))
    for moves in (8, 16):
        travel_time(tiny, 1.0, 1.0, [1], [1], [1], moves=moves)
        travel_time(tiny, 1.0, 1.0, [1], [1], [1], moves=moves, elevation=tiny)


def side_by_side(write, side=1000, facilities=100, moves_list=(8, 16)) -> list[dict]:
    results = []
    with tempfile.TemporaryDirectory(prefix="tixi-bench-") as folder:
        folder = Path(folder)
        friction_path, facilities_path = synthetic.write_case(
            folder, side, side, facilities, cell=100.0, seed=11
        )
        for moves in moves_list:
            ours = child_run(friction_path, facilities_path, folder, moves, 0, threads=1)
            theirs = grass.run_r_cost(friction_path, facilities_path, 100.0, moves=moves)
            figures = grass.compare(np.load(folder / "seconds.npy"), np.load(folder / "nearest.npy"), theirs)
            result = {"moves": moves, "ours": ours, "grass_s": theirs.cost_seconds, **figures}
            results.append(result)
            write(
                f"{side}x{side} = {side * side:,} cells, {facilities} facilities, {moves} moves: "
                f"Tixi {ours['compute_s']:.2f} s, {theirs.version} r.cost{' -k' if moves == 16 else ''} "
                f"{theirs.cost_seconds:.2f} s: GRASS/Tixi = {theirs.cost_seconds / ours['compute_s']:.1f}x; "
                f"within 0.5%: {figures['within']:.4%} of reached cells, max relative error "
                f"{figures['max_relative']:.1e}, same nearest: {figures['nearest_same']:.4%}"
            )
        # walking (anisotropic) over a synthetic DEM, against r.walk
        elevation_path = synthetic.write_raster(
            folder / "elevation.tif", synthetic.elevation_surface(side, side, seed=11)
        )
        for moves in moves_list:
            ours = child_run(friction_path, facilities_path, folder, moves, 0, elevation_path, threads=1)
            theirs = grass.run_r_walk(friction_path, elevation_path, facilities_path, moves=moves)
            figures = grass.compare(np.load(folder / "seconds.npy"), np.load(folder / "nearest.npy"), theirs)
            results.append(
                {"moves": moves, "walk": True, "ours": ours, "grass_s": theirs.cost_seconds, **figures}
            )
            write(
                f"{side}x{side} = {side * side:,} cells, {facilities} facilities, {moves} moves, walking: "
                f"Tixi {ours['compute_s']:.2f} s, {theirs.version} r.walk{' -k' if moves == 16 else ''} "
                f"{theirs.cost_seconds:.2f} s: GRASS/Tixi = {theirs.cost_seconds / ours['compute_s']:.1f}x; "
                f"within 0.5%: {figures['within']:.4%} of reached cells, max relative error "
                f"{figures['max_relative']:.1e}, same nearest: {figures['nearest_same']:.4%}"
            )
    return results


def at_scale(write, side=4000, facilities=3000, moves=16, max_minutes=120) -> dict:
    with tempfile.TemporaryDirectory(prefix="tixi-bench-") as folder:
        folder = Path(folder)
        made = time.perf_counter()
        friction_path, facilities_path = synthetic.write_case(
            folder, side, side, facilities, cell=100.0, seed=12
        )
        write(
            f"(synthetic {side}x{side} friction and {facilities} facilities made in {time.perf_counter() - made:.0f} s)"
        )
        result = child_run(friction_path, facilities_path, folder, moves, max_minutes)
        result["coverage"] = coverage_child(folder / "seconds.npy")
    cap = f", {max_minutes:g}-min cap" if max_minutes else ""
    write(
        f"{result['cells']:,} cells, {result['facilities']:,} facilities, {moves} moves{cap}: "
        f"compute {result['compute_s']:.1f} s (read {result['read_s']:.1f} s, write {result['write_s']:.1f} s), "
        f"{result['reached']:,} cells reached, peak memory {result['peak_mb'] / 1024:.2f} GB "
        f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: other work slows it)"
    )
    write(
        f"CPU time: compute {result['compute_cpu_s']:.1f} s on {result['threads']} thread(s), "
        f"{result['cells'] / max(result['compute_cpu_s'], 1e-9) / 1e6:.2f} M cells per CPU-second; "
        f"the whole run {result['cpu_s']:.1f} s (what an idle machine's cores would take)"
    )
    figures = result["coverage"]
    write(
        f"coverage: {figures['people']:,} persons spread over {figures['zones']:,} zones in "
        f"{figures['spread_s']:.1f} s, counted within 15/30/60 min (and +-1 min) per zone in "
        f"{figures['coverage_s']:.1f} s; {figures['within_60']:.1%} within 60 min; peak memory "
        f"{figures['peak_mb'] / 1024:.2f} GB (its own process, the surface read from disk)"
    )
    return result


def coverage_figures(seconds: np.ndarray, zone_side: int = 100, seed: int = 13) -> dict:
    """Townships as square blocks of zone_side cells, a population table spread over settlements
    (a random weight on 5% of cells), then coverage per township, each timed. Made row block by row
    block in 4-byte types, and counted by the block-wise functions: a province's 146 M cells take
    the grid's zones, weights and persons once each, not a dozen float64 copies."""
    rows, cols = seconds.shape
    rng = np.random.default_rng(seed)
    across = (cols + zone_side - 1) // zone_side
    zones = np.empty((rows, cols), np.int32)
    weights = np.empty((rows, cols), np.float32)
    column_zone = (np.arange(cols) // zone_side).astype(np.int32)
    step = max(1, (1 << 21) // max(cols, 1))
    for top in range(0, rows, step):
        band = slice(top, min(rows, top + step))
        height = band.stop - band.start
        zones[band] = (np.arange(band.start, band.stop)[:, None] // zone_side).astype(np.int32) * across
        zones[band] += column_zone[None, :]
        settled = rng.random((height, cols), np.float32)
        weights[band] = settled * (rng.random((height, cols), np.float32) < 0.05)
    count = ((rows + zone_side - 1) // zone_side) * across
    table = {int(z): int(v) for z, v in enumerate(rng.integers(5_000, 60_000, count))}
    started = time.perf_counter()
    people = spread_population(zones, None, table, weights, np.int32)
    del weights
    spread = time.perf_counter()
    counted = coverage_by_zone(seconds, people, zones)
    done = time.perf_counter()
    return {
        "zones": len(table),
        "people": int(people.sum(dtype=np.int64)),
        "spread_s": spread - started,
        "coverage_s": done - spread,
        "within_60": float(counted.column(60).sum() / counted.total.sum()),
        "peak_mb": peak_mb(),
    }


def coverage_child(seconds_path) -> dict:
    """coverage_figures in a process of its own, so that its peak memory is its own."""
    argv = [sys.executable, "-m", "tixi.layout.engine.bench", "coverage", str(seconds_path)]
    completed = subprocess.run(argv, capture_output=True, text=True, check=False)
    if completed.returncode:
        raise RuntimeError(completed.stderr)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m tixi.layout.engine.bench")
    sub = parser.add_subparsers(dest="what", required=True)
    cover = sub.add_parser("coverage")
    cover.add_argument("seconds")
    run = sub.add_parser("run")
    for name in ("friction", "facilities", "out"):
        run.add_argument(name)
    run.add_argument("moves", type=int)
    run.add_argument("max_minutes", type=float)
    run.add_argument("elevation", nargs="?")
    args = parser.parse_args(argv)
    if args.what == "coverage":  # the surface mapped from disk: its pages are read as counted
        print(json.dumps(coverage_figures(np.load(args.seconds, mmap_mode="r"))))
        return
    warm_up()
    print(
        json.dumps(
            one_run(args.friction, args.facilities, args.out, args.moves, args.max_minutes, args.elevation)
        )
    )


if __name__ == "__main__":
    main()

"""GRASS GIS `r.cost` and `r.walk` on the same friction and facilities: the reference for parity tests and benchmarks.

Runs `grass --tmp-location FRICTION.tif --exec` (a throw-away location in the raster's CRS), imports
the friction, turns it into r.cost's cost per cell (friction x east-west cell size: r.cost measures
moves in east-west cells), reads the facilities as start points whose category is their id, and
exports the cumulative cost and the nearest start point as GeoTIFFs. `r.walk` takes the friction as it
is (seconds per metre) with the elevation beside it.
"""

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import rasterio

SCRIPT = """set -e
r.in.gdal -o --quiet input="$FRICTION" output=friction
g.region raster=friction
r.mapcalc --quiet expression="cost = friction * $CELL_X"
v.in.ascii --quiet input="$FACILITIES" output=facilities separator=comma skip=1 x=2 y=3 cat=1
started=$(date +%s.%N)
r.cost $KNIGHT --quiet input=cost output=seconds nearest=nearest start_points=facilities max_cost=$MAX_COST memory=$MEMORY
finished=$(date +%s.%N)
echo "$started $finished" > "$OUT/elapsed"
r.out.gdal --quiet -c -f input=seconds output="$OUT/seconds.tif" format=GTiff type=Float64 nodata=-1
r.out.gdal --quiet -c -f input=nearest output="$OUT/nearest.tif" format=GTiff type=Int32 nodata=-2147483648
"""


WALK_SCRIPT = """set -e
r.in.gdal -o --quiet input="$FRICTION" output=friction
r.in.gdal -o --quiet input="$ELEVATION" output=elevation
g.region raster=friction
v.in.ascii --quiet input="$FACILITIES" output=facilities separator=comma skip=1 x=2 y=3 cat=1
started=$(date +%s.%N)
r.walk $KNIGHT --quiet elevation=elevation friction=friction output=seconds nearest=nearest \
    start_points=facilities max_cost=$MAX_COST memory=$MEMORY walk_coeff=$WALK_COEFF lambda=$LAMBDA \
    slope_factor=$SLOPE_FACTOR
finished=$(date +%s.%N)
echo "$started $finished" > "$OUT/elapsed"
r.out.gdal --quiet -c -f input=seconds output="$OUT/seconds.tif" format=GTiff type=Float64 nodata=-1
r.out.gdal --quiet -c -f input=nearest output="$OUT/nearest.tif" format=GTiff type=Int32 nodata=-2147483648
"""


@dataclass(frozen=True)
class GrassRun:
    seconds: np.ndarray  # float64, inf where r.cost reached nothing
    nearest: np.ndarray  # int32, NEAREST_NODATA where unreached
    cost_seconds: float  # wall time of r.cost alone
    version: str


def grass_executable() -> str | None:
    return shutil.which("grass")


def grass_version() -> str:
    completed = subprocess.run(["grass", "--version"], capture_output=True, text=True, check=False)
    lines = [line.strip() for line in (completed.stdout + completed.stderr).splitlines() if "GRASS" in line]
    return lines[0] if lines else "GRASS"  # 8.2 prints it on stderr


def run_r_cost(
    friction_path: Path,
    facilities_csv: Path,
    cell_x: float,
    moves: int = 8,
    max_cost: int = 0,
    memory_mb: int = 2000,
) -> GrassRun:
    """r.cost (with -k when moves == 16); max_cost 0 means no cap, as in r.cost."""
    env = {
        "FRICTION": str(Path(friction_path).resolve()),
        "FACILITIES": str(Path(facilities_csv).resolve()),
        "CELL_X": repr(float(cell_x)),
        "KNIGHT": "-k" if moves == 16 else "",
        "MAX_COST": str(int(max_cost)),
        "MEMORY": str(int(memory_mb)),
    }
    return run_script(SCRIPT, friction_path, env, "r.cost")


def run_r_walk(
    friction_path: Path,
    elevation_path: Path,
    facilities_csv: Path,
    moves: int = 8,
    max_cost: int = 0,
    walk=None,
    memory_mb: int = 2000,
) -> GrassRun:
    """r.walk (with -k when moves == 16) with walk's parameters (a travel.Walk; r.walk's defaults if None)."""
    values = (0.72, 6.0, 1.9998, -1.9998, 1.0, -0.2125) if walk is None else tuple(walk.as_array())
    env = {
        "FRICTION": str(Path(friction_path).resolve()),
        "ELEVATION": str(Path(elevation_path).resolve()),
        "FACILITIES": str(Path(facilities_csv).resolve()),
        "KNIGHT": "-k" if moves == 16 else "",
        "MAX_COST": str(int(max_cost)),
        "MEMORY": str(int(memory_mb)),
        "WALK_COEFF": ",".join(repr(float(v)) for v in values[:4]),
        "LAMBDA": repr(float(values[4])),
        "SLOPE_FACTOR": repr(float(values[5])),
    }
    return run_script(WALK_SCRIPT, friction_path, env, "r.walk")


def run_script(text: str, friction_path: Path, env: dict, module: str) -> GrassRun:
    with tempfile.TemporaryDirectory(prefix="tixi-grass-") as folder:
        out = Path(folder)
        script = out / "run.sh"
        script.write_text(text)
        env = {**env, "OUT": str(out)}
        completed = subprocess.run(
            ["grass", "--tmp-location", str(Path(friction_path).resolve()), "--exec", "bash", str(script)],
            env={**os.environ, **env},
            capture_output=True,
            text=True,
            check=False,
        )
        if completed.returncode or not (out / "seconds.tif").exists():
            raise RuntimeError(f"GRASS {module} failed:\n{completed.stdout}\n{completed.stderr}")
        started, finished = (float(v) for v in (out / "elapsed").read_text().split())
        with rasterio.open(out / "seconds.tif") as source:
            seconds = source.read(1, masked=True).astype(np.float64).filled(np.inf)
        with rasterio.open(out / "nearest.tif") as source:
            nearest = source.read(1).astype(np.int32)
        return GrassRun(seconds, nearest, finished - started, grass_version())


def compare(ours_seconds, ours_nearest, grass: GrassRun, tolerance: float = 0.005) -> dict:
    """Parity figures over the cells GRASS reaches: relative error, share within tolerance, nearest agreement."""
    reached = np.isfinite(grass.seconds)
    both = reached & np.isfinite(ours_seconds)
    theirs = grass.seconds[both]
    mine = ours_seconds[both]
    relative = np.abs(mine - theirs) / np.maximum(theirs, 1e-12)
    relative[theirs == 0] = np.abs(mine[theirs == 0])  # the facilities' own cells: both 0
    return {
        "reached_grass": int(reached.sum()),
        "reached_ours": int(np.isfinite(ours_seconds).sum()),
        "reached_both": int(both.sum()),
        "within": float((relative <= tolerance).sum() / max(reached.sum(), 1)),
        "max_relative": float(relative.max()) if relative.size else 0.0,
        "p99_relative": float(np.percentile(relative, 99)) if relative.size else 0.0,
        "nearest_same": float((ours_nearest[both] == grass.nearest[both]).sum() / max(reached.sum(), 1)),
    }

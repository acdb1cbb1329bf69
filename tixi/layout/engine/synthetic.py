"""A synthetic friction surface and facilities (fixed seed) for tests and benchmarks, labelled as such.

Walking speeds of 2-5 km/h by patch of land cover, straight roads at 20-80 km/h, a river and lakes as
barriers (nodata), in a projected CRS in metres (CGCS2000 / 3-degree Gauss-Kruger CM 102E).
"""

from pathlib import Path

import numpy as np
import rasterio
from rasterio.transform import Affine

CRS = "EPSG:4543"
ORIGIN = (500_000.0, 3_000_000.0)  # west, north


def friction_surface(
    rows: int, cols: int, seed: int = 0, barriers: bool = True, roads: bool = True, with_river: bool = False
) -> np.ndarray | tuple[np.ndarray, np.ndarray]:
    """Seconds per metre, NaN on barriers; without `roads`, off-road walking only (roads burnt later).
    `with_river`: also the river's cells (bool), where a synthetic terrain puts its valley floor."""
    rng = np.random.default_rng(seed)
    patch = 16
    coarse = rng.uniform(2.0, 5.0, ((rows + patch - 1) // patch, (cols + patch - 1) // patch))
    speed_kmh = np.repeat(np.repeat(coarse, patch, axis=0), patch, axis=1)[:rows, :cols].copy()
    speed_kmh *= rng.uniform(0.8, 1.2, (rows, cols))  # texture within a patch
    for _ in range(max(2, (rows + cols) // 150) if roads else 0):  # roads: straight lines across the grid
        fast = rng.uniform(20.0, 80.0)
        if rng.random() < 0.5:
            speed_kmh[rng.integers(0, rows), :] = fast
        else:
            speed_kmh[:, rng.integers(0, cols)] = fast
    friction = 3.6 / speed_kmh  # km/h -> s/m
    river = np.zeros((rows, cols), bool)
    if barriers:
        # a meandering river two cells wide, with a bridge where each road crosses it
        centre = (cols / 2 + np.cumsum(rng.normal(0, 1.0, rows))).astype(int).clip(1, cols - 3)
        river[np.arange(rows), centre] = True
        river[np.arange(rows), centre + 1] = True
        river &= speed_kmh < 20.0
        friction[river] = np.nan
        for _ in range(max(1, rows * cols // 40_000)):  # round lakes
            r, c, radius = rng.integers(0, rows), rng.integers(0, cols), rng.uniform(2, 8)
            top, left = max(0, r - 8), max(0, c - 8)
            yy, xx = np.ogrid[top : min(rows, r + 9), left : min(cols, c + 9)]
            window = friction[top : r + 9, left : c + 9]
            window[(yy - r) ** 2 + (xx - c) ** 2 <= radius**2] = np.nan
        friction[rng.random((rows, cols)) < 0.01] = np.nan  # scattered buildings, cliffs
    return (friction, river) if with_river else friction


def facility_cells(friction: np.ndarray, count: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Distinct cells off the barriers."""
    rng = np.random.default_rng(seed + 1)
    open_cells = np.flatnonzero(~np.isnan(friction))
    chosen = rng.choice(open_cells, size=count, replace=False)
    return np.divmod(chosen, friction.shape[1])


def write_case(folder: Path, rows: int, cols: int, facilities: int, cell: float = 100.0, seed: int = 0):
    """FRICTION.tif (nodata NaN) and FACILITIES.csv (ids from 1, at random points inside their cells)."""
    folder = Path(folder)
    friction = friction_surface(rows, cols, seed)
    rr, cc = facility_cells(friction, facilities, seed)
    rng = np.random.default_rng(seed + 2)
    transform = Affine(cell, 0.0, ORIGIN[0], 0.0, -cell, ORIGIN[1])
    friction_path = folder / "friction.tif"
    with rasterio.open(
        friction_path,
        "w",
        driver="GTiff",
        width=cols,
        height=rows,
        count=1,
        dtype="float64",
        crs=CRS,
        transform=transform,
        nodata=np.nan,
        tiled=True,
        compress="deflate",
    ) as sink:
        sink.write(friction, 1)
    x = ORIGIN[0] + (cc + rng.uniform(0.1, 0.9, facilities)) * cell
    y = ORIGIN[1] - (rr + rng.uniform(0.1, 0.9, facilities)) * cell
    facilities_path = folder / "facilities.csv"
    lines = ["id,x,y"] + [f"{i + 1},{x[i]:.3f},{y[i]:.3f}" for i in range(facilities)]
    facilities_path.write_text("\n".join(lines) + "\n")
    return friction_path, facilities_path


def elevation_surface(rows: int, cols: int, seed: int = 0, cell: float = 100.0) -> np.ndarray:
    """Metres above sea level: hills and valleys steep enough to hold gentle, moderate (to -0.2125) and
    steep slopes, so that every branch of r.walk's walking cost is taken."""
    rng = np.random.default_rng(seed + 3)
    yy, xx = np.mgrid[0:rows, 0:cols].astype(np.float64) * cell
    height = np.full((rows, cols), 800.0)
    for _ in range(max(4, rows * cols // 2_000)):
        r, c = rng.uniform(0, rows * cell), rng.uniform(0, cols * cell)
        spread = rng.uniform(4, 25) * cell
        height += rng.uniform(-600, 900) * np.exp(-((yy - r) ** 2 + (xx - c) ** 2) / (2 * spread**2))
    height += rng.normal(0, 2.0, (rows, cols))  # roughness
    return height


def write_raster(path: Path, values: np.ndarray, cell: float = 100.0, nodata=np.nan, crs: str | None = CRS):
    """A float64 GeoTIFF on the synthetic grid (same origin and cells as `write_case`)."""
    rows, cols = values.shape
    with rasterio.open(
        path,
        "w",
        driver="GTiff",
        width=cols,
        height=rows,
        count=1,
        dtype="float64",
        crs=crs,
        transform=Affine(cell, 0.0, ORIGIN[0], 0.0, -cell, ORIGIN[1]),
        nodata=nodata,
    ) as sink:
        sink.write(values, 1)
    return path

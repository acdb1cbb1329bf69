"""A synthetic elevation for the demo regions (no Django), labelled synthetic: the demo has no DEM.

Hills of several sizes (1 to 32 km across, smooth: cubic interpolation of random nodes) over a valley
cut along the grid's river (its floor the region's lowest point) and side valleys along the main
roads (roads follow valleys, and the towns they join stand low), stretched to the place's real range
of heights, with town centres set on level ground (a town stands on its valley floor, not on a
slope). The heights are skewed so that half the land lies below the place's typical height: in these
mountains most people live low and few peaks are high.

The ranges (lowest, typical, highest in metres) are not from the seeds (they give none); they are
public encyclopedic figures, approximate, and marked where only the brief gave them:

- 攀枝花: 937 m (仁和区 平地镇, the lowest point) to 4,195.5 m (盐边县 穿洞子), "山高谷深"; typical
  1,800 m is an approximation (the city lies at 1,000-1,200 m in the 金沙江 valley, the mountains
  round it at 2,000-3,000 m).
- 达州: 222 m to 2,458 m (figures of the brief, not verified here); typical 600 m, an approximation
  (hills and low mountains in the south-west, 大巴山 in the north-east).
- 巴中: 345 m (巴州区) to 2,575 m (通江县 摩天岭) by an encyclopedic page (the brief: about 300-2,500);
  typical 800 m, an approximation.
- 巫山: 73.1 m (培石, the 长江 at its lowest) to 2,680 m (官阳 太平山); "境内一般海拔 800~1500 米",
  so typical 1,150 m.

A county's grid takes its city's range: no county figures are at hand, so the demo's counties each
reach their city's lowest and highest heights (an approximation, said in the JSON's note).
"""

import math

import numpy as np
from scipy import ndimage

# lowest, typical (median of the land), highest: metres above sea level, by the division code's prefix
RELIEF = {
    "5104": (937.0, 1800.0, 4195.5),  # 攀枝花
    "5117": (222.0, 600.0, 2458.0),  # 达州 (range from the brief)
    "5119": (345.0, 800.0, 2575.0),  # 巴中
    "500237": (73.1, 1150.0, 2680.0),  # 巫山
}
DEFAULT_RELIEF = (300.0, 800.0, 2000.0)  # any other place: a middling Sichuan mountain county

HILLS_METRES = (32_000.0, 16_000.0, 8_000.0, 4_000.0, 2_000.0, 1_000.0)  # wavelengths of the hills
HURST = 0.6  # each halving of the wavelength keeps 2^-0.6 = 66 % of the amplitude: rough, not jagged
VALLEY_METRES = 3_000.0  # the river's valley: its sides rise over about this distance
UPLAND_FLOOR = 0.15  # the lowest uplands stand this share of the hills' height above the valley floor
SIDE_VALLEY_METRES = 2_500.0  # a main road's valley: its sides rise over about this distance
SIDE_VALLEY_DEPTH = 0.5  # and its floor lies this share of the hills' height below them
TOWN_METRES = 1_500.0  # a township centre's level ground (radius); the county seat's is twice that
SEAT_METRES = 3_000.0


def relief_of(code: str) -> tuple[float, float, float]:
    """The (lowest, typical, highest) heights of the place a division code falls in."""
    for prefix, relief in sorted(RELIEF.items(), key=lambda item: -len(item[0])):
        if code.startswith(prefix):
            return relief
    return DEFAULT_RELIEF


def hills(rows: int, cols: int, cell: float, rng: np.random.Generator) -> np.ndarray:
    """Smooth hills of every size in HILLS_METRES: random nodes spaced one wavelength apart, cubic
    between them, summed with amplitudes falling as wavelength^HURST; scaled to [0, 1]."""
    total = np.zeros((rows, cols))
    for wavelength in HILLS_METRES:
        step = wavelength / cell  # cells between two nodes
        nodes = rng.normal(size=(int(rows / step) + 4, int(cols / step) + 4))
        at_rows = np.arange(rows) / step + 1.5
        at_cols = np.arange(cols) / step + 1.5
        where = np.meshgrid(at_rows, at_cols, indexing="ij")
        total += (wavelength / 1000.0) ** HURST * ndimage.map_coordinates(
            nodes, where, order=3, mode="nearest"
        )
    low, high = total.min(), total.max()
    return (total - low) / (high - low) if high > low else np.zeros_like(total)


def synthetic_elevation(
    rows: int,
    cols: int,
    cell: float,
    seed: int,
    relief: tuple[float, float, float],
    river: np.ndarray | None = None,
    towns=(),
    seat=None,
    roads: np.ndarray | None = None,
) -> np.ndarray:
    """Metres above sea level on the grid (float64, no gaps).

    `river`: its cells (bool), the valley floor; `roads`: the main roads' cells (bool), which run in
    side valleys (a road follows a valley: the towns it joins stand low, its sides rise off it);
    `towns`: (row, col) of township centres, `seat`: the county seat's, each set on level ground."""
    lowest, typical, highest = relief
    rng = np.random.default_rng(seed + 17)
    uplands = UPLAND_FLOOR + (1.0 - UPLAND_FLOOR) * hills(rows, cols, cell, rng)
    if river is not None and river.any():
        metres = ndimage.distance_transform_edt(~river) * cell
        valley = 1.0 - np.exp(-((metres / VALLEY_METRES) ** 2))  # flat floor, rising sides
    else:
        valley = np.ones((rows, cols))
    if roads is not None and roads.any():
        metres = ndimage.distance_transform_edt(~roads) * cell
        valley = valley * (1.0 - SIDE_VALLEY_DEPTH * np.exp(-((metres / SIDE_VALLEY_METRES) ** 2)))
    height = uplands * valley
    height /= height.max()
    # skew so that half the land lies below the typical height (a power keeps 0 and 1 where they are)
    middle = float(np.median(height))
    target = (typical - lowest) / (highest - lowest)
    if 0.0 < middle < 1.0 and 0.0 < target < 1.0:
        height **= math.log(target) / math.log(middle)
    height = lowest + (highest - lowest) * height
    for (row, col), radius in [(town, TOWN_METRES) for town in towns] + (
        [(seat, SEAT_METRES)] if seat is not None else []
    ):
        level_ground(height, int(row), int(col), radius, cell)
    return height


def level_ground(height: np.ndarray, row: int, col: int, radius: float, cell: float) -> None:
    """Lower and level the land round (row, col) to the low ground within `radius` (its 10th
    percentile), blending back to the hills over another radius: the town's basin (in place)."""
    rows, cols = height.shape
    reach = int(math.ceil(2.5 * radius / cell))
    top, bottom = max(0, row - reach), min(rows, row + reach + 1)
    left, right = max(0, col - reach), min(cols, col + reach + 1)
    yy, xx = np.ogrid[top:bottom, left:right]
    metres = np.hypot(yy - row, xx - col) * cell
    window = height[top:bottom, left:right]
    floor = float(np.percentile(window[metres <= radius], 10))
    weight = np.exp(-((metres / radius) ** 4))  # ~1 inside the radius, ~0 beyond twice it
    lowered = np.minimum(window, floor + (window - floor) * (1.0 - weight))
    window[...] = np.maximum(lowered, height.min())


def slope_degrees(height: np.ndarray, cell: float) -> np.ndarray:
    """The steepest slope at each cell (degrees), by central differences."""
    d_row, d_col = np.gradient(height, cell)
    return np.degrees(np.arctan(np.hypot(d_row, d_col)))

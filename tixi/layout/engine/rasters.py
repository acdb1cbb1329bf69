"""Reading a friction GeoTIFF and a facilities CSV, checking them, and writing the surfaces.

Every refusal raises InputError with an English msgid (translated by the app) and the field it
concerns; nothing is written unless every check passed and the computation finished.
"""

import csv
import functools
import io
import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import rasterio
from rasterio.crs import CRS
from rasterio.errors import CRSError, RasterioIOError
from rasterio.windows import Window

from tixi.layout.engine.travel import NEAREST_NODATA, PAD, Surface

TIME_NODATA = -1.0  # a travel time is never negative
# What a run holds per cell: friction (8, read strip by strip into the kernel's padded buffer),
# seconds (8) and nearest (4), plus the heap and strips being read or written.
BYTES_PER_CELL = 24
STRIP_ROWS = 512
INT32 = np.iinfo(np.int32)
# GDAL keeps decoded blocks in a cache of 5 % of the machine's memory (1.2 GB here): reading and writing
# a province strip by strip, that cache grew to a quarter of the run's peak. Each block is read or
# written once, whole, so a small cache costs nothing; GDAL decodes and deflates on every core.
GDAL_CACHE_MB = 64


def small_gdal_cache(function):
    @functools.wraps(function)
    def with_small_cache(*args, **kwargs):
        with rasterio.Env(GDAL_CACHEMAX=GDAL_CACHE_MB, GDAL_NUM_THREADS="ALL_CPUS"):
            return function(*args, **kwargs)

    return with_small_cache


# AccessMod's travel modes (its scenario table's `mode` column). FRICTION.tif written by
# `tixi access friction` carries them as a second band named "mode" (GeoTIFF bands share one data type,
# so it is float64 too: 1, 2 or 3, deflated to almost nothing), so that `tixi access surface` knows
# which cells are driven without a second file; a friction raster without that band is walked
# everywhere (slope priced on every cell, as before).
WALKING, BICYCLING, MOTORIZED = 1, 2, 3
MODES = {WALKING: "WALKING", BICYCLING: "BICYCLING", MOTORIZED: "MOTORIZED"}
MODE_BAND = "mode"


class InputError(ValueError):
    """Bad input: `field` names the option (or file) at fault, `message` is an English msgid."""

    def __init__(self, field: str, message: str, **params):
        super().__init__(message % params if params else message)
        self.field, self.message, self.params = field, message, params


@dataclass(frozen=True)
class Friction:
    values: np.ndarray  # float64 seconds per metre, NaN on barriers
    transform: object  # affine.Affine
    crs: CRS
    cell_x: float
    cell_y: float
    padded: np.ndarray | None = None  # values inside two rings of NaN, as the kernel reads them
    modes: np.ndarray | None = None  # uint8 travel mode per cell (MODES), None: every cell walked

    @property
    def driven(self) -> np.ndarray | None:
        """True on the cells travelled by motor vehicle (slope is not priced there), or None."""
        return None if self.modes is None else self.modes == MOTORIZED

    @property
    def shape(self):
        return self.values.shape


@dataclass(frozen=True)
class Facilities:
    ids: np.ndarray  # int32
    rows: np.ndarray
    cols: np.ndarray
    lines: list[int]  # the CSV line of each, for messages


def memory_limit() -> int:
    """Three quarters of the machine's memory."""
    try:
        return int(os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") * 0.75)
    except (ValueError, OSError, AttributeError):
        return 4 * 2**30


def gigabytes(n: float) -> str:
    return f"{n / 2**30:.1f}"


@small_gdal_cache
def read_friction(path: str | Path, max_bytes: int | None = None) -> Friction:
    path = Path(path)
    field = "friction"
    limit = memory_limit() if max_bytes is None else max_bytes
    if not path.is_file():
        raise InputError(field, "%(path)s does not exist.", path=str(path))
    if path.stat().st_size > limit:
        raise InputError(
            field,
            "The file is %(size)s GB; the limit is %(limit)s GB.",
            size=gigabytes(path.stat().st_size),
            limit=gigabytes(limit),
        )
    try:
        source = rasterio.open(path)
    except RasterioIOError:
        raise InputError(field, "%(path)s is not a raster GDAL can read (GeoTIFF).", path=str(path)) from None
    with source:
        cells = source.width * source.height
        if cells * BYTES_PER_CELL > limit:
            raise InputError(
                field,
                "The raster has %(cells)s cells and needs about %(need)s GB of memory; the limit is %(limit)s GB.",
                cells=f"{cells:,}",
                need=gigabytes(cells * BYTES_PER_CELL),
                limit=gigabytes(limit),
            )
        if source.crs is None:
            raise InputError(field, "The raster has no coordinate reference system (CRS).")
        if source.crs.is_geographic:
            raise InputError(
                field,
                "The raster is in degrees (%(crs)s); friction is per metre: reproject it to a projected CRS in metres.",
                crs=source.crs.to_string(),
            )
        transform = source.transform
        if transform.b != 0 or transform.d != 0:
            raise InputError(field, "The raster is rotated; warp it north-up first.")
        # read strip by strip into a buffer already padded for the kernel: no whole-grid copy
        padded = np.full((source.height + 2 * PAD, source.width + 2 * PAD), np.nan)
        inner = padded[PAD:-PAD, PAD:-PAD]
        mode_band = mode_band_of(source)
        modes = None if mode_band is None else np.full((source.height, source.width), WALKING, np.uint8)
        block_rows = source.block_shapes[0][0]
        strip = max(block_rows, STRIP_ROWS // block_rows * block_rows)  # whole blocks: each decoded once
        for top in range(0, source.height, strip):
            window = Window(0, top, source.width, min(strip, source.height - top))
            values = source.read(1, window=window, masked=True)
            block = np.asarray(values.data, dtype=np.float64)
            valid = ~np.ma.getmaskarray(values)
            check_values(block, valid, transform, top)
            block[~valid] = np.nan  # barriers
            inner[top : top + block.shape[0]] = block
            if modes is not None:
                mode = np.asarray(source.read(mode_band, window=window), dtype=np.float64)
                modes[top : top + block.shape[0]] = check_modes(mode, valid, transform, top)
        crs = source.crs
    return Friction(inner, transform, crs, abs(transform.a), abs(transform.e), padded, modes)


def mode_band_of(source) -> int | None:
    """The 1-based index of the band named "mode" (after the friction's), or None."""
    for index, name in enumerate(source.descriptions, start=1):
        if index > 1 and (name or "").strip().lower() == MODE_BAND:
            return index
    return None


def check_modes(mode: np.ndarray, valid: np.ndarray, transform, row_offset: int = 0) -> np.ndarray:
    """The mode band's values as uint8, refused at the first passable cell that holds no known mode."""
    known = np.isin(mode, list(MODES))
    bad = valid & ~known
    if bad.any():
        row, col = (int(i) for i in np.argwhere(bad)[0])
        x, y = transform @ (col + 0.5, row + row_offset + 0.5)
        raise InputError(
            "friction",
            "The mode band holds %(value)s at row %(row)s, column %(col)s (x=%(x)s, y=%(y)s); "
            "the modes are 1 (WALKING), 2 (BICYCLING) and 3 (MOTORIZED).",
            value=mode[row, col],
            row=row + row_offset,
            col=col,
            x=f"{x:.1f}",
            y=f"{y:.1f}",
        )
    return np.where(known, mode, WALKING).astype(np.uint8)


def read_elevation(path: str | Path, friction: Friction, max_bytes: int | None = None) -> np.ndarray:
    """Metres above sea level on the friction's grid (same CRS, cells and origin); nodata is a barrier.

    Refused by name: another grid or CRS, no CRS, NaN or infinite heights outside the nodata cells.
    """
    field = "elevation"
    grid = read_grid(path, field, max_bytes=max_bytes)
    if grid.crs is None:
        raise InputError(field, "The raster has no coordinate reference system (CRS).")
    reference = Grid(
        friction.values, None, friction.transform, friction.crs, friction.shape[1], friction.shape[0]
    )
    check_same_grid(reference, "friction", grid, field)
    heights = np.asarray(grid.values, dtype=np.float64)
    bad = grid.valid & ~np.isfinite(heights)
    if bad.any():
        raise InputError(
            field,
            "Elevation is not a number at row %(row)s, column %(col)s (x=%(x)s, y=%(y)s); mark gaps as nodata.",
            **first_bad_cell(bad, grid.transform),
        )
    heights[~grid.valid] = np.nan  # a barrier, as in r.walk
    return heights


def check_values(friction: np.ndarray, valid: np.ndarray, transform, row_offset: int = 0) -> None:
    """Refuse NaN, infinite or negative friction outside the nodata cells, naming the first such cell."""
    for bad, message in (
        (
            valid & np.isnan(friction),
            "Friction is NaN at row %(row)s, column %(col)s (x=%(x)s, y=%(y)s); mark barriers as nodata.",
        ),
        (
            valid & np.isinf(friction),
            "Friction is infinite at row %(row)s, column %(col)s (x=%(x)s, y=%(y)s); mark barriers as nodata.",
        ),
        (
            valid & (friction < 0),
            "Friction is negative (%(value)s) at row %(row)s, column %(col)s (x=%(x)s, y=%(y)s).",
        ),
    ):
        if bad.any():
            row, col = (int(i) for i in np.argwhere(bad)[0])
            x, y = transform @ (col + 0.5, row + row_offset + 0.5)
            raise InputError(
                "friction",
                message,
                row=row + row_offset,
                col=col,
                x=f"{x:.1f}",
                y=f"{y:.1f}",
                value=friction[row, col],
            )


def read_csv_text(path: str | Path, field: str) -> str:
    """A CSV's text as people save it (UTF-8, with or without BOM, or GBK), refused by option name."""
    path = Path(path)
    if not path.is_file():
        raise InputError(field, "%(path)s does not exist.", path=str(path))
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gbk"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(field, "The CSV is neither UTF-8 nor GBK text.")


def read_facilities(path: str | Path, friction: Friction, crs: str | None = None) -> Facilities:
    path = Path(path)
    field = "facilities"
    if crs:
        try:
            theirs = CRS.from_user_input(crs)
        except CRSError:
            raise InputError("crs", "%(crs)s is not a coordinate reference system.", crs=crs) from None
        if theirs != friction.crs:
            raise InputError(
                "crs",
                "The facilities are in %(theirs)s but the raster is in %(ours)s; give them in the raster's CRS.",
                theirs=theirs.to_string(),
                ours=friction.crs.to_string(),
            )
    text = read_csv_text(path, field)
    reader = csv.DictReader(io.StringIO(text))
    header = [name.strip() for name in (reader.fieldnames or [])]
    missing = [name for name in ("id", "x", "y") if name not in header]
    if missing:
        raise InputError(
            field, "The CSV needs the header id,x,y; missing: %(missing)s.", missing=",".join(missing)
        )
    reader.fieldnames = header
    rows, cols, ids, lines, seen = [], [], [], [], {}
    height, width = friction.shape
    inverse = ~friction.transform
    for line, record in enumerate(reader, start=2):
        try:
            ident = int(record["id"].strip())
        except (ValueError, AttributeError):
            raise InputError(
                field, "Line %(line)s: id %(value)r is not a whole number.", line=line, value=record["id"]
            ) from None
        if not (INT32.min < ident <= INT32.max):
            raise InputError(field, "Line %(line)s: id %(value)s is out of range.", line=line, value=ident)
        if ident in seen:
            raise InputError(
                field,
                "Line %(line)s: id %(value)s is also on line %(other)s.",
                line=line,
                value=ident,
                other=seen[ident],
            )
        seen[ident] = line
        try:
            x, y = float(record["x"]), float(record["y"])
        except (TypeError, ValueError):
            raise InputError(field, "Line %(line)s: x and y must be numbers.", line=line) from None
        if not (math.isfinite(x) and math.isfinite(y)):
            raise InputError(field, "Line %(line)s: x and y must be numbers.", line=line)
        col_f, row_f = inverse @ (x, y)
        row, col = math.floor(row_f), math.floor(col_f)
        if not (0 <= row < height and 0 <= col < width):
            raise InputError(
                field,
                "Line %(line)s: facility %(id)s (x=%(x)s, y=%(y)s) is outside the raster.",
                line=line,
                id=ident,
                x=x,
                y=y,
            )
        if np.isnan(friction.values[row, col]):
            raise InputError(
                field,
                "Line %(line)s: facility %(id)s (x=%(x)s, y=%(y)s) is on a barrier (nodata).",
                line=line,
                id=ident,
                x=x,
                y=y,
            )
        rows.append(row)
        cols.append(col)
        ids.append(ident)
        lines.append(line)
    if not ids:
        raise InputError(field, "The CSV lists no facilities.")
    return Facilities(np.array(ids, np.int32), np.array(rows, np.int64), np.array(cols, np.int64), lines)


def check_output(path: str | Path, field: str, inputs: list[Path]) -> Path:
    path = Path(path)
    if not path.parent.is_dir():
        raise InputError(field, "The folder %(path)s does not exist.", path=str(path.parent))
    if any(path.resolve() == Path(other).resolve() for other in inputs):
        raise InputError(field, "The output would overwrite an input file.")
    return path


def geotiff_profile(shape: tuple[int, int], crs, transform, compress: str = "deflate") -> dict:
    """One band, tiled and compressed; BigTIFF when the grid needs it (a province at 100 m does)."""
    return {
        "driver": "GTiff",
        "width": shape[1],
        "height": shape[0],
        "count": 1,
        "crs": crs,
        "transform": transform,
        "tiled": True,
        "blockxsize": 256,
        "blockysize": 256,
        "compress": compress,
        "BIGTIFF": "IF_SAFER",
    }


@small_gdal_cache
def write_band(path: Path, values: np.ndarray, dtype: str, nodata, crs, transform) -> None:
    """One band written to a temporary file beside the target, then moved in place: all or nothing."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        with rasterio.open(
            temporary, "w", dtype=dtype, nodata=nodata, **geotiff_profile(values.shape, crs, transform)
        ) as sink:
            sink.write(values.astype(dtype, copy=False), 1)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)


@small_gdal_cache
def write_surfaces(surface: Surface, friction: Friction, time_path: Path, nearest_path: Path | None) -> None:
    """Write to temporary files beside the targets, then move them in place: all or nothing.

    TIME.tif is not compressed: float64 seconds keep their random low bits, so deflate saved 8 % of the
    file for 1.6 s of CPU per 16 M cells (as long as the search itself takes on two cores); NEAREST.tif
    (large patches of one id) shrinks 50-fold and stays deflated.
    """

    def time_strip(rows: slice) -> np.ndarray:
        seconds = surface.seconds[rows]
        return np.where(np.isfinite(seconds), seconds, TIME_NODATA)

    outputs = [(time_path, time_strip, "float64", TIME_NODATA, "none")]
    if nearest_path is not None:
        outputs.append((nearest_path, lambda rows: surface.nearest[rows], "int32", NEAREST_NODATA, "deflate"))
    height, width = friction.shape
    written = []
    try:
        for target, strip_of, dtype, nodata, compress in outputs:
            handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            os.close(handle)
            written.append((temporary, target))
            profile = geotiff_profile(friction.shape, friction.crs, friction.transform, compress)
            with rasterio.open(temporary, "w", dtype=dtype, nodata=nodata, **profile) as sink:
                for top in range(0, height, STRIP_ROWS):  # strip by strip: no whole-grid copy
                    block = strip_of(slice(top, top + STRIP_ROWS))
                    window = Window(0, top, width, block.shape[0])
                    sink.write(np.ascontiguousarray(block, dtype=dtype), 1, window=window)
        for temporary, target in written:
            os.replace(temporary, target)
    finally:
        for temporary, _target in written:
            if os.path.exists(temporary):
                os.remove(temporary)


def write_friction(friction: Friction, path: Path) -> None:
    """FRICTION.tif (float64 s/m, nodata NaN on barriers) through a temporary file: all or nothing; with
    the travel modes, a second band named "mode" (see MODES)."""
    if friction.modes is None:
        write_band(path, friction.values, "float64", np.nan, friction.crs, friction.transform)
        return
    write_bands(
        path,
        [(friction.values, "friction"), (friction.modes, MODE_BAND)],
        "float64",
        np.nan,
        friction.crs,
        friction.transform,
        tags={MODE_BAND: ", ".join(f"{k}={v}" for k, v in MODES.items())},
    )


@small_gdal_cache
def write_bands(path: Path, bands, dtype: str, nodata, crs, transform, tags=None) -> None:
    """Several named bands (values, description) in one GeoTIFF, through a temporary file."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    profile = {**geotiff_profile(bands[0][0].shape, crs, transform), "count": len(bands)}
    try:
        with rasterio.open(temporary, "w", dtype=dtype, nodata=nodata, **profile) as sink:
            for index, (values, name) in enumerate(bands, start=1):
                sink.write(values.astype(dtype, copy=False), index)
                sink.set_band_description(index, name)
            if tags:
                sink.update_tags(**tags)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)


@dataclass(frozen=True)
class Grid:
    """One band as read: its values, where they are valid (not nodata), and where they sit."""

    values: np.ndarray
    valid: np.ndarray
    transform: object
    crs: CRS | None
    width: int
    height: int


@small_gdal_cache
def read_grid(path: str | Path, field: str, max_bytes: int | None = None) -> Grid:
    """A single-band raster for coverage (travel time, population, zones), refused by name if unreadable."""
    path = Path(path)
    limit = memory_limit() if max_bytes is None else max_bytes
    if not path.is_file():
        raise InputError(field, "%(path)s does not exist.", path=str(path))
    try:
        source = rasterio.open(path)
    except RasterioIOError:
        raise InputError(field, "%(path)s is not a raster GDAL can read (GeoTIFF).", path=str(path)) from None
    with source:
        if source.width * source.height * BYTES_PER_CELL > limit:
            raise InputError(
                field,
                "The raster has %(cells)s cells and needs about %(need)s GB of memory; the limit is %(limit)s GB.",
                cells=f"{source.width * source.height:,}",
                need=gigabytes(source.width * source.height * BYTES_PER_CELL),
                limit=gigabytes(limit),
            )
        band = source.read(1, masked=True)
        return Grid(
            np.asarray(band.data),
            ~np.ma.getmaskarray(band),
            source.transform,
            source.crs,
            source.width,
            source.height,
        )


def check_same_grid(reference: Grid, reference_field: str, other: Grid, field: str) -> None:
    """Refuse a raster that is not on the reference's grid: cell for cell, in the same CRS."""
    if (other.height, other.width) != (reference.height, reference.width):
        raise InputError(
            field,
            "The raster has %(rows)s x %(cols)s cells but --%(other)s has %(their_rows)s x %(their_cols)s; "
            "put both on the same grid.",
            rows=other.height,
            cols=other.width,
            other=reference_field,
            their_rows=reference.height,
            their_cols=reference.width,
        )
    if other.crs != reference.crs:
        raise InputError(
            field,
            "The raster is in %(crs)s but --%(other)s is in %(their_crs)s; put both on the same grid.",
            crs=other.crs.to_string() if other.crs else "-",
            other=reference_field,
            their_crs=reference.crs.to_string() if reference.crs else "-",
        )
    if not other.transform.almost_equals(reference.transform, precision=1e-6):
        raise InputError(
            field,
            "The raster's origin or cell size differs from --%(other)s's (%(transform)s vs %(their_transform)s); "
            "put both on the same grid.",
            other=reference_field,
            transform=tuple(round(v, 6) for v in other.transform[:6]),
            their_transform=tuple(round(v, 6) for v in reference.transform[:6]),
        )


def first_bad_cell(bad: np.ndarray, transform) -> dict:
    row, col = (int(i) for i in np.argwhere(bad)[0])
    x, y = transform @ (col + 0.5, row + 0.5)
    return {"row": row, "col": col, "x": f"{x:.1f}", "y": f"{y:.1f}"}


POPULATION_NODATA = -1


def write_population(grid: np.ndarray, like: Grid, path: Path) -> None:
    """POP.tif: whole persons (int32) on the zones' grid, nodata -1 outside every zone; all or nothing."""
    values = np.where(like.valid, grid, POPULATION_NODATA)
    write_band(path, values, "int32", POPULATION_NODATA, like.crs, like.transform)

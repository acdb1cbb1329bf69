"""Coverage and siting from the database: a division's townships, population and registry facilities
on a synthetic grid (see `engine/region_grid.py`), cached under TIXI_VAR_DIR/layout.

`division_coverage` answers, per township, the population within 15/30/60 minutes (and at +-1 minute)
of each kind of facility; `division_siting` where K new facilities of a kind would cover the most
population not yet within M minutes, with the exact model's bound beside the greedy answer.
"""

import csv
import io
import math
import time
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tixi.core.text import digits
from tixi.geo.models import Division, Level, subtree_filter, year_end
from tixi.indicators import items as item_values
from tixi.indicators.reports import cjk_font_name
from tixi.layout.engine.coverage import (
    MAX_MINUTES,
    coverage_by_zone,
    two_step_catchment,
    weighted_median_by_zone,
)
from tixi.layout.engine.fields import build_fields
from tixi.layout.engine.isochrones import bands, render_png
from tixi.layout.engine.rasters import InputError, read_csv_text
from tixi.layout.engine.region_grid import (
    METRES_PER_DEGREE,
    SYNTHETIC_SPEEDS,
    WALKING,
    RegionGrid,
    ZoneBox,
    build_region_grid,
)
from tixi.layout.engine.siting import (
    best_sites,
    constrained_greedy,
    cover_matrix,
    greedy,
    merged_demand,
    people,
    sweep,
)
from tixi.layout.engine.terrain import relief_of
from tixi.layout.engine.travel import travel_time
from tixi.layout.norms import place_kind_of, radius_norms, values_of
from tixi.registry.engine import classification as cls
from tixi.registry.models import Designation, DesignationKind, Institution, InstitutionYear

# 2: a synthetic road network burnt in as GeoJSON roads are; 3: with county roads; 4: zones by outline;
# 5: a synthetic elevation, walked by Tobler's function off the roads; trunk roads from the seat,
# sub-centres; 6: both together
GRID_VERSION = 6
EMS_TYPES = ("ems_centre", "ems_station")
MOVES = 8
KINDS = {
    "primary": cls.TOWNSHIP_HEALTH_CENTRE_TYPES
    + ("community_health_centre", "community_health_station", "village_clinic"),
    "township": cls.TOWNSHIP_HEALTH_CENTRE_TYPES + ("community_health_centre",),
    "hospital": cls.GENERAL_AND_TCM_HOSPITAL_TYPES,
}
KIND_LABELS = {
    "primary": gettext_lazy("any primary care"),
    "township": gettext_lazy("a township or community health centre"),
    "hospital": gettext_lazy("a hospital or county sub-centre (level 2 or above)"),
}
SYNTHETIC_NOTE = gettext_lazy(
    "Travel times are computed on a synthetic terrain and road network (demo data), not on real maps."
)


class AccessError(ValueError):
    """Bad input, the message naming the option."""


def townships_of(division: Division, year: int) -> list[Division]:
    if division.level >= Level.TOWNSHIP:
        return [division]
    return list(
        Division.objects.descendants_of(division.code, year).filter(level=Level.TOWNSHIP).order_by("code")
    )


def box_of(division: Division) -> tuple[float, float, float, float] | None:
    """The boundary's box, carrying its outline (the grid fills zones by their shape)."""
    boundary = getattr(division, "boundary", None)
    if boundary is None:
        return None
    outline = boundary.geometry["coordinates"][0]
    ring = np.asarray(outline, float)
    box = (float(ring[:, 0].min()), float(ring[:, 1].min()), float(ring[:, 0].max()), float(ring[:, 1].max()))
    return ZoneBox(box, outline)


def facilities_of(division: Division, year: int, kind: str):
    """The facilities of a kind open in the year. A level-2+ hospital is a general or TCM hospital of
    level 2 or above, or a county sub-centre (县域医疗卫生次中心) built to the level-2 general hospital
    standard: a township centre rated level 2 that holds the designation that year (the plans build
    them as the 片区医疗救治中心 where the county hospital is far)."""
    qs = Institution.objects.in_division(division, year).filter(
        longitude__isnull=False, latitude__isnull=False
    )
    if kind == "hospital":
        qs = qs.filter(level__gte=2).filter(
            Q(type__in=KINDS[kind])
            | Q(type__in=cls.TOWNSHIP_HEALTH_CENTRE_TYPES, pk__in=sub_centres_in(year))
        )
    else:
        qs = qs.filter(type__in=KINDS[kind])
    return list(qs.order_by("code"))


def sub_centres_in(year: int):
    """Ids of the institutions holding the county sub-centre designation at the end of the year."""
    end = year_end(year)
    return (
        Designation.objects.filter(kind=DesignationKind.COUNTY_SUB_CENTRE, obtained_on__lte=end)
        .filter(Q(revoked_on__isnull=True) | Q(revoked_on__gt=end))
        .values("institution_id")
    )


@dataclass
class Region:
    division: Division
    year: int
    townships: list[Division]
    grid: RegionGrid


def cache_path(division: Division, year: int) -> Path:
    return Path(settings.VAR_DIR) / "layout" / f"grid-{division.code}-{year}-v{GRID_VERSION}.npz"


def region(division: Division, year: int) -> Region:
    """The division's grid, built once and cached (a few seconds for a county)."""
    townships = townships_of(division, year)
    path = cache_path(division, year)
    if path.exists():
        with np.load(path) as arrays:
            return Region(division, year, townships, RegionGrid.from_arrays(arrays))
    boxes = {i + 1: box_of(t) for i, t in enumerate(townships)}
    boxes = {z: b for z, b in boxes.items() if b is not None}
    if not boxes:
        raise AccessError(
            _("--division: %(name)s has no township boundaries to build a grid from.")
            % {"name": division.display_name}
        )
    bbox = box_of(division) or (
        min(b[0] for b in boxes.values()),
        min(b[1] for b in boxes.values()),
        max(b[2] for b in boxes.values()),
        max(b[3] for b in boxes.values()),
    )
    people = values_of("P{}", [item_values.Cell(t, year) for t in townships])
    population = {i + 1: int(p) for i, p in enumerate(people) if math.isfinite(p)}
    points = Institution.objects.in_division(division, year).filter(longitude__isnull=False)
    lon, lat = (
        (np.array(v, float) for v in zip(*points.values_list("longitude", "latitude"), strict=True))
        if points.exists()
        else (np.zeros(0), np.zeros(0))
    )
    hubs, seat = road_hubs(division, year, townships)
    grid = build_region_grid(
        bbox,
        boxes,
        population,
        (lon, lat),
        seed=int(division.code[:9]) % (2**31),
        hubs=hubs,
        seat=seat,
        relief=relief_of(division.code),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".part.npz")
    np.savez_compressed(partial, **grid.as_arrays())
    partial.replace(path)
    return Region(division, year, townships, grid)


def road_hubs(division: Division, year: int, townships: list[Division]):
    """Where the synthetic county roads meet: each township's centre (its first township health
    centre's point, zone numbered as in `region`) and the county seat (the highest-level hospital's,
    a sub-centre not counted)."""
    hubs = {}
    centres = (
        Institution.objects.in_division(division, year)
        .filter(type__in=KINDS["township"], longitude__isnull=False, latitude__isnull=False)
        .select_related("division")
        .order_by("code")
    )
    zone_of = {t.code: i + 1 for i, t in enumerate(townships)}
    for centre in centres:
        township = township_of(centre.division, townships)
        if township is not None:
            hubs.setdefault(zone_of[township.code], (centre.longitude, centre.latitude))
    hospitals = sorted(
        (h for h in facilities_of(division, year, "hospital") if h.type in KINDS["hospital"]),
        key=lambda h: (-(h.level or 0), h.code),
    )
    seat = (hospitals[0].longitude, hospitals[0].latitude) if hospitals else None
    return hubs, seat


def surface(grid: RegionGrid, facilities, cap_minutes: float):
    rows, cols = grid.cells_of([f.longitude for f in facilities], [f.latitude for f in facilities])
    grid.open_cells(rows, cols)
    return travel_time(
        grid.friction,
        grid.cell,
        grid.cell,
        rows,
        cols,
        np.arange(len(facilities)),
        moves=MOVES,
        max_seconds=cap_minutes * 60.0,
        **grid.travel(),
    )


def distance_to_nearest(grid: RegionGrid, lon, lat) -> np.ndarray:
    """Straight-line metres from each cell's centre to the nearest point (inf without points)."""
    rows, cols = grid.shape
    nearest = np.full(grid.shape, np.inf)
    if not len(lon):
        return nearest
    scale = math.cos(math.radians(grid.lat0)) * METRES_PER_DEGREE
    px = (np.asarray(lon, float) - grid.west) * scale
    py = (grid.north - np.asarray(lat, float)) * METRES_PER_DEGREE
    y = ((np.arange(rows) + 0.5) * grid.cell)[:, None]
    x = ((np.arange(cols) + 0.5) * grid.cell)[None, :]
    for i in range(len(px)):
        np.minimum(nearest, np.hypot(x - px[i], y - py[i]), out=nearest)
    return nearest


def ems_points(division: Division, year: int) -> list[Institution]:
    """The points an ambulance leaves from, by the registry's own data: the EMS centres and stations
    (急救中心（站）), and every institution whose report for the year holds ambulances (the 急救网络医院
    and the township health centres of a county-township EMS network). A hospital without
    ambulances is not a point, whatever its size."""
    with_ambulances = InstitutionYear.objects.filter(year=year, ambulances__gt=0).values("institution_id")
    return list(
        Institution.objects.in_division(division, year)
        .filter(Q(type__in=EMS_TYPES) | Q(pk__in=with_ambulances))
        .filter(longitude__isnull=False, latitude__isnull=False)
        .order_by("code")
    )


def ems_radii(division: Division, year: int) -> dict[str, float]:
    """The EMS service radius (km) by place kind ("" for every place) from the norms that bind the
    division (达川: 5 km in a subdistrict, 10-20 km in a town)."""
    return {norm.place_kind: norm.within for norm in radius_norms(division, year)}


def ems_radius(place: Region) -> dict:
    """Residents within each norm's EMS radius of an EMS point (`ems_points`), per township and in all;
    each township judged at the radius of the norm for its kind of place (none: not judged, as 攀枝花's
    towns, whose plan leaves the rural radius to local conditions). Every township, judged or not, has
    its residents' median straight-line distance to the nearest point (`median_km`)."""
    grid = place.grid
    by_kind = ems_radii(place.division, place.year)
    radii = tuple(sorted(set(by_kind.values())))
    stations = ems_points(place.division, place.year)
    metres = distance_to_nearest(grid, [s.longitude for s in stations], [s.latitude for s in stations])
    # distances as "seconds" to reuse the per-zone counting: 1 km = 60 "seconds" = 1 "minute"
    cover = coverage_by_zone(
        metres * 0.06, grid.population, grid.zones, grid.zones > 0, radii or (1.0,), edge=0
    )
    townships = {}
    for i, township in enumerate(place.townships):
        at = np.flatnonzero(cover.zones == i + 1)
        radius = by_kind.get(place_kind_of(township), by_kind.get(""))
        if len(at) and radius is not None:
            j = int(at[0])
            townships[township.code] = {
                "population": int(cover.total[j]),
                "within": {f"{r:g}": int(cover.within[j, k]) for k, r in enumerate(radii)},
                "radius": f"{radius:g}",
                "inside": int(cover.within[j, radii.index(radius)]),
            }
    medians = weighted_median_by_zone(metres, grid.population, grid.zones, range(1, len(place.townships) + 1))
    return {
        "stations": len(stations),
        "median_km": {
            township.code: round(float(m) / 1000, 1)
            for township, m in zip(place.townships, medians, strict=True)
            if np.isfinite(m)
        },
        "radii": [f"{r:g}" for r in radii],
        "within": {f"{r:g}": int(cover.within[:, k].sum()) for k, r in enumerate(radii)},
        "inside": sum(t["inside"] for t in townships.values()),
        "townships": townships,
    }


def division_coverage(division: Division, year: int, minutes=(15.0, 30.0, 60.0)) -> dict:
    started = time.perf_counter()
    place = region(division, year)
    grid = place.grid
    kinds = {}
    for kind in KINDS:
        facilities = facilities_of(division, year, kind)
        if facilities:
            seconds = surface(grid, facilities, max(minutes) + 1).seconds
        else:
            seconds = np.full(grid.shape, np.inf)
        cover = coverage_by_zone(seconds, grid.population, grid.zones, grid.zones > 0, minutes)
        kinds[kind] = (len(facilities), cover)
    rows = []
    for i, township in enumerate(place.townships):
        row = {"code": township.code, "name": township.name, "population": 0, "kinds": {}}
        for kind, (_count, cover) in kinds.items():
            at = np.flatnonzero(cover.zones == i + 1)
            if not len(at):
                continue
            j = int(at[0])
            row["population"] = int(cover.total[j])
            row["kinds"][kind] = {f"{m:g}": int(cover.within[j, k]) for k, m in enumerate(cover.minutes)}
        rows.append(row)
    beds = bed_access(place, facilities_of(division, year, "hospital"), BED_ACCESS_MINUTES)
    for i, row in enumerate(rows):
        row["beds_per_1000"] = beds["zones"][i + 1]
    total = int(grid.population.sum())
    summary = {}
    for kind, (count, cover) in kinds.items():
        summary[kind] = {
            "label": str(KIND_LABELS[kind]),
            "facilities": count,
            "within": {f"{m:g}": int(cover.within[:, k].sum()) for k, m in enumerate(cover.minutes)},
        }
    return {
        "division": division.code,
        "name": division.display_name,
        "year": year,
        "synthetic": True,
        "note": str(SYNTHETIC_NOTE),
        "grid": {"rows": grid.shape[0], "cols": grid.shape[1], "cell_metres": grid.cell},
        "terrain": terrain_summary(grid),
        "minutes": [f"{m:g}" for m in minutes],
        "columns": [f"{m:g}" for m in kinds["primary"][1].minutes],
        "population": total,
        "kinds": summary,
        "townships": rows,
        "ems": ems_radius(place),
        "bed_access": {k: v for k, v in beds.items() if k != "zones"},
        "seconds": round(time.perf_counter() - started, 2),
    }


def terrain_summary(grid: RegionGrid) -> dict:
    """What the travel times walk over: the synthetic elevation's range and how slope is priced."""
    if grid.elevation is None:
        return {"slope": None}
    return {
        "synthetic": True,
        "lowest_metres": round(float(grid.elevation.min()), 1),
        "highest_metres": round(float(grid.elevation.max()), 1),
        "slope": "tobler",  # off the roads, toward the facility; the roads' cells keep their speed
    }


BED_ACCESS_MINUTES = 60.0


def bed_access(place: Region, hospitals, minutes: float) -> dict:
    """Hospital beds within reach per 1,000 residents, by the two-step floating catchment (2SFCA):
    each hospital's beds shared among the residents within `minutes` of it, each resident's share
    summed over the hospitals within reach; per township, the residents' mean. Where beds are few
    for the many within reach the figure is low though a hospital is near. The beds are the
    hospitals' reported actual beds of the year."""
    grid = place.grid
    reported = dict(
        InstitutionYear.objects.filter(institution__in=hospitals, year=place.year).values_list(
            "institution_id", "actual_beds"
        )
    )
    supply = np.array([reported.get(h.pk) or 0 for h in hospitals], dtype=np.float64)
    zones = np.asarray(grid.zones).ravel()
    people = np.asarray(grid.population, dtype=np.float64)
    count = len(place.townships) + 1
    residents = np.bincount(zones, weights=people.ravel(), minlength=count)
    if len(hospitals):
        rows, cols = grid.cells_of([h.longitude for h in hospitals], [h.latitude for h in hospitals])
        grid.open_cells(rows, cols)
        catchments = two_step_catchment(
            grid.friction,
            grid.cell,
            grid.cell,
            rows,
            cols,
            supply,
            people,
            minutes,
            moves=MOVES,
            **grid.travel(),
        )
        shares = np.bincount(zones, weights=(people * catchments.accessibility).ravel(), minlength=count)
        reached = float(supply[catchments.demand > 0].sum())
    else:
        shares, reached = np.zeros(count), 0.0
    per_zone = {
        z: (round(1000.0 * shares[z] / residents[z], 2) if residents[z] > 0 else None) for z in range(count)
    }
    total = float(residents[1:].sum())
    return {
        "label": str(BED_ACCESS_LABEL),
        "minutes": f"{minutes:g}",
        "hospitals": len(hospitals),
        "beds": int(supply.sum()),
        "beds_reaching_residents": int(reached),
        "per_1000": round(1000.0 * float(shares[1:].sum()) / total, 2) if total else None,
        "zones": per_zone,
    }


BED_ACCESS_LABEL = gettext_lazy("hospital beds within 60 minutes per 1,000 residents (2SFCA)")


CANDIDATE_COLUMNS = ("code", "name", "longitude", "latitude", "capacity")


@dataclass(frozen=True)
class Candidate:
    name: str
    place: Division
    longitude: float
    latitude: float
    capacity: int | None = None  # residents it may serve (None: as --capacity, or no limit)


MOST_RESIDENTS = (
    10_000_000  # more than any county's residents: a larger capacity is a slip (and overflows a column)
)


def parse_capacity(text: str, field: str) -> int | None:
    """A capacity in residents: a whole number of at least 1, or nothing (no limit)."""
    text = (text or "").strip().replace(",", "")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and 1 <= value <= MOST_RESIDENTS and value == int(value)):
        raise AccessError(
            _("%(field)s: a capacity is a whole number of residents, 1 to %(most)s (got %(value)s).")
            % {"field": field, "value": text, "most": f"{MOST_RESIDENTS:,}"}
        )
    return int(value)


def read_candidates(path, division: Division, year: int) -> list[Candidate]:
    """A candidate file (CSV, UTF-8 or GBK): `code` a place of the division (its point: an institution
    there, else the middle of its boundary), optional `name`, optional `longitude,latitude` to put
    the site at a given point of that place, and optional `capacity` (residents it may serve). Any
    fault refuses the whole file, naming row and column."""
    try:
        text = read_csv_text(path, "candidates")
    except InputError as error:
        raise AccessError("--candidates: " + _(error.message) % error.params) from None
    reader = csv.DictReader(io.StringIO(text))
    header = [(name or "").strip() for name in (reader.fieldnames or [])]
    unknown = [name for name in header if name not in CANDIDATE_COLUMNS]
    if unknown:
        raise AccessError(
            _("--candidates: unknown column %(columns)s; the columns are %(known)s.")
            % {"columns": ", ".join(unknown), "known": ",".join(CANDIDATE_COLUMNS)}
        )
    if "code" not in header:
        raise AccessError(_("--candidates: the file needs a code column (a place of the division)."))
    reader.fieldnames = header
    found: list[Candidate] = []
    for line, record in enumerate(reader, start=2):
        code = (record.get("code") or "").strip()
        place = (
            Division.objects.valid_in(year)
            .filter(code=code.ljust(12, "0") if digits(code) else code)
            .filter(subtree_filter("path", division.path))
            .first()
        )
        if place is None:
            raise AccessError(
                _("--candidates: row %(row)s, code: %(code)s is not a place of %(name)s.")
                % {"row": line, "code": code or "—", "name": division.display_name}
            )
        lon_text, lat_text = (record.get("longitude") or "").strip(), (record.get("latitude") or "").strip()
        if lon_text or lat_text:
            try:
                lon, lat = float(lon_text), float(lat_text)
            except ValueError:
                raise AccessError(
                    _("--candidates: row %(row)s, longitude/latitude: not numbers.") % {"row": line}
                ) from None
            if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                raise AccessError(
                    _("--candidates: row %(row)s, longitude/latitude: not a point on Earth.") % {"row": line}
                )
        else:
            point = point_of(place, year)
            if point is None:
                raise AccessError(
                    _("--candidates: row %(row)s, code: %(code)s has no point; give longitude and latitude.")
                    % {"row": line, "code": code}
                )
            lon, lat = point
        capacity = parse_capacity(
            record.get("capacity") or "",
            _("--candidates: row %(row)s, capacity") % {"row": line},
        )
        found.append(Candidate((record.get("name") or "").strip() or place.name, place, lon, lat, capacity))
    if not found:
        raise AccessError(_("--candidates: the file holds no candidate."))
    return found


def registry_candidates(division: Division, year: int) -> list[Candidate]:
    """Every settlement of the registry (its institutions' points) is a candidate."""
    pool = (
        Institution.objects.in_division(division, year)
        .filter(longitude__isnull=False)
        .select_related("division")
        .order_by("code")
    )
    # a site is a place (its village or community), the institution standing there only a landmark:
    # a new sub-centre is not built "at 吴氏诊所"
    return [Candidate(site_name(i), i.division, i.longitude, i.latitude) for i in pool]


def site_name(institution: Institution) -> str:
    """Its village or community, with the institution as a landmark unless it is named after it."""
    place = institution.division.display_name
    if place in institution.display_name:
        return place
    return _("%(place)s, by %(landmark)s") % {"place": place, "landmark": institution.display_name}


def check_minutes(minutes: float, option: str | None = None) -> None:
    """A travel time asked on the page, the CLI (`option`: its name) or a siting run: above 0 and at
    most MAX_MINUTES."""
    if not (math.isfinite(minutes) and 0 < minutes <= MAX_MINUTES):
        raise AccessError(
            _("%(field)s: a number of minutes above 0 and at most %(most)s.")
            % {"field": option or _("minutes"), "most": int(MAX_MINUTES)}
        )


def check_siting_input(k: int, minutes: float, candidates, capacity=None) -> None:
    if capacity is not None and not (isinstance(capacity, int) and capacity >= 1):
        raise AccessError(_("--capacity: a whole number of residents, at least 1."))
    if k < 1:
        raise AccessError(_("--k: give at least 1 new site."))
    if isinstance(candidates, int) and candidates < 1:
        raise AccessError(_("--candidates: give at least 1 candidate."))
    check_minutes(minutes, "--minutes")
    count = candidates if isinstance(candidates, int) else len(candidates)
    if k > count:
        raise AccessError(
            _("--k: %(new)s new sites cannot be chosen among %(candidates)s candidates.")
            % {"new": k, "candidates": count}
        )


def site_label(site: dict) -> str:
    """A chosen site told apart from any other: its name, township and point."""
    return _("%(near)s (%(township)s, %(longitude)s, %(latitude)s)") % {
        "near": site["near"],
        "township": site["township"],
        "longitude": f"{site['longitude']:.4f}",
        "latitude": f"{site['latitude']:.4f}",
    }


def township_of(place: Division, townships: list[Division]) -> Division | None:
    """The township a place lies in (itself when it is one); None above township level."""
    for township in townships:
        if place.path.startswith(township.path):
            return township
    return None


def division_siting(
    division: Division,
    year: int,
    kind: str,
    new: int,
    candidates: int | list[Candidate] = 50,
    minutes: float = 30.0,
    time_limit: float = 60.0,
    sweep_to: int = 0,
    capacity: int | None = None,
    one_per_township: bool = False,
) -> dict:
    """K new sites of a kind: the registry's settlements (the `candidates` covering most) or the given
    candidates; the answer with its proven bound, the greedy answer beside it, and optionally the sweep
    k = 1..sweep_to with each added site's marginal coverage. With `capacity` (or a candidate's own)
    each new site serves at most that many residents within reach (residents of a place may be split
    between sites) and the answer maximises residents served; with `one_per_township` no two new
    sites stand in one township."""
    if kind not in KINDS:
        raise AccessError(_("--kind: not a kind of facility offered here."))
    check_siting_input(new, minutes, candidates, capacity)
    started = time.perf_counter()
    place = region(division, year)
    grid = place.grid
    existing = facilities_of(division, year, kind)
    cap = minutes * 60.0
    covered = surface(grid, existing, minutes).seconds <= cap if existing else np.zeros(grid.shape, bool)
    population_cells = grid.population.ravel().astype(np.float64)
    demand_cells = np.flatnonzero((population_cells > 0) & ~covered.ravel())
    demand_index = np.full(population_cells.size, -1, np.int64)
    demand_index[demand_cells] = np.arange(len(demand_cells))
    weights = population_cells[demand_cells]
    given = not isinstance(candidates, int)
    pool = list(candidates) if given else registry_candidates(division, year)
    taken = (
        set(zip(*grid.cells_of([f.longitude for f in existing], [f.latitude for f in existing]), strict=True))
        if existing and not given
        else set()
    )
    sites, seen = [], set(taken)
    for candidate in pool:
        r, c = (int(v[0]) for v in grid.cells_of([candidate.longitude], [candidate.latitude]))
        if (r, c) not in seen and not np.isnan(grid.friction[r, c]):
            seen.add((r, c))
            sites.append((candidate, r, c))
    # each candidate's reach: its own capped field, searched in a window around it (engine/fields.py),
    # kept for the next answer on this grid (a planner trying capacities or k recomputes none)
    cells = tuple((r, c) for _c, r, c in sites)
    reaches = remembered(
        _CANDIDATE_REACHES,
        (division.code, year, cap, zlib.crc32(grid.friction.tobytes()), cells),
        lambda: (
            build_fields(
                grid.friction,
                grid.cell,
                grid.cell,
                [r for r, _c in cells],
                [c for _r, c in cells],
                range(len(cells)),
                cap,
                moves=MOVES,
                **grid.travel(),
            ).fields
        ),
    )
    covers = []
    for reach in reaches:
        index = demand_index[reach.cells[reach.seconds <= cap]]
        covers.append(index[index >= 0])
    gain = np.array([weights[c].sum() for c in covers])
    township_of_site = [township_of(candidate.place, place.townships) for candidate, _r, _c in sites]
    order = np.argsort(-gain, kind="stable")
    if one_per_township:
        # two candidates of one township compete for one slot: each township's best comes first
        seen_townships, firsts, others = set(), [], []
        for j in order.tolist():
            township = township_of_site[j]
            key = township.code if township else ("site", j)
            (others if key in seen_townships else firsts).append(j)
            seen_townships.add(key)
        order = np.array(firsts + others, np.int64)
    keep = order[: len(sites) if given else candidates]
    if new > len(keep):
        raise AccessError(
            _("--k: %(new)s new sites cannot be chosen among %(candidates)s candidates.")
            % {"new": new, "candidates": len(keep)}
        )
    chosen_covers = [covers[j] for j in keep]
    township_at = [township_of_site[j] for j in keep]
    groups = None
    if one_per_township:
        codes = {}
        groups = np.array(
            [-1 if t is None else codes.setdefault(t.code, len(codes)) for t in township_at], np.int64
        )
        distinct = len(codes) + int(np.sum(groups < 0))
        if new > distinct:
            raise AccessError(
                _(
                    "--k: %(new)s new sites, one per township, cannot be chosen: the candidates lie in "
                    "%(townships)s townships."
                )
                % {"new": new, "townships": distinct}
            )
    own = [sites[j][0].capacity for j in keep]
    capacities = None
    if capacity is not None or any(c is not None for c in own):
        capacities = np.array(
            [c if c is not None else (capacity if capacity is not None else np.inf) for c in own], np.float64
        )
    prepared = time.perf_counter() - started
    exact = best_sites(
        weights, chosen_covers, new, time_limit=time_limit, capacities=capacities, groups=groups
    )
    greedy_started = time.perf_counter()
    if capacities is None and groups is None:
        greedy_chosen, greedy_covered, gains = greedy(weights, chosen_covers, new)
    else:
        w, merged = merged_demand(people(weights), chosen_covers)
        limits = np.full(len(chosen_covers), np.inf) if capacities is None else np.floor(capacities)
        greedy_chosen, gains = constrained_greedy(w, cover_matrix(len(w), merged), new, limits, groups)
        greedy_covered = float(sum(gains))
    greedy_seconds = time.perf_counter() - greedy_started
    served = dict(zip(exact.chosen, exact.served, strict=False)) if capacities is not None else {}

    def described(j: int) -> dict:
        candidate, r, c = sites[keep[j]]
        township = township_at[j]
        return {
            "near": candidate.name,
            "place": candidate.place.name,
            "code": candidate.place.code,
            "township": township.name if township else candidate.place.name,
            "township_code": township.code if township else candidate.place.code,
            "row": r,
            "col": c,
            "longitude": candidate.longitude,
            "latitude": candidate.latitude,
            "capacity": None if capacities is None or not np.isfinite(capacities[j]) else int(capacities[j]),
            "served": int(round(served[j])) if j in served else None,
        }

    population = int(population_cells.sum())
    already = int(population_cells[covered.ravel()].sum())
    steps = (
        sweep(weights, chosen_covers, sweep_to, time_limit=time_limit, capacities=capacities, groups=groups)
        if sweep_to
        else []
    )
    greedy_below = max(0.0, exact.bound - greedy_covered) / exact.bound if exact.bound > 0 else 0.0
    # per township: residents within reach today and with the new sites (reach, whatever the capacity)
    reached_after = covered.ravel().copy()
    for j in exact.chosen:
        reached_after[demand_cells[chosen_covers[j]]] = True
    zones = grid.zones.ravel()
    by_zone = [
        np.bincount(zones, population_cells * mask, minlength=len(place.townships) + 1)
        for mask in (np.ones_like(reached_after), covered.ravel(), reached_after)
    ]
    townships = [
        {
            "code": t.code,
            "name": t.name,
            "population": int(by_zone[0][i + 1]),
            "before": int(by_zone[1][i + 1]),
            "after": int(by_zone[2][i + 1]),
        }
        for i, t in enumerate(place.townships)
    ]
    return {
        "division": division.code,
        "name": division.display_name,
        "year": year,
        "kind": kind,
        "minutes": minutes,
        "synthetic": True,
        "note": str(SYNTHETIC_NOTE),
        "population": population,
        "covered_before": already,
        "existing_facilities": len(existing),
        "candidates": len(keep),
        "new": new,
        "capacity": capacity,
        "capacitated": capacities is not None,
        "one_per_township": bool(one_per_township),
        "exact": {
            "sites": [described(j) for j in exact.chosen],
            "newly_covered": int(round(exact.covered)),
            "bound": int(math.floor(exact.bound + 1e-6)),
            "gap_percent": round(100 * exact.gap, 3),
            "optimal": exact.optimal,
            "seconds": round(exact.seconds, 3),
        },
        "greedy": {
            "sites": [described(j) for j in greedy_chosen],
            "newly_covered": int(round(greedy_covered)),
            "marginal": [int(round(g)) for g in gains],
            "below_best_percent": round(100 * greedy_below, 3),
            # greedy's answer reaches the proven bound: nothing is better
            "optimal": bool(exact.optimal and greedy_covered >= exact.covered - 1e-6),
            "seconds": round(greedy_seconds, 3),
        },
        "sweep": [
            {
                "k": step.k,
                "newly_covered": int(round(step.covered)),
                "marginal": int(round(step.marginal)),
                "gap_percent": round(100 * step.gap, 3),
                "covered_after": already + int(round(step.covered)),
                "sites": [described(j) for j in step.chosen],
            }
            for step in steps
        ],
        "covered_after": already + int(round(exact.covered)),
        "townships": townships,
        "existing": [
            {"name": f.name, "code": f.code, "longitude": f.longitude, "latitude": f.latitude}
            for f in existing
        ],
        "prepare_seconds": round(prepared, 2),
    }


def point_of(place: Division, year: int) -> tuple[float, float] | None:
    """Where a new facility in `place` would stand: one of its institutions' points, else its box's centre."""
    located = (
        Institution.objects.in_division(place, year).filter(longitude__isnull=False).order_by("code").first()
    )
    if located is not None:
        return located.longitude, located.latitude
    box = box_of(place)
    return None if box is None else ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)


ROAD_CLASS_LABELS = {
    "provincial": gettext_lazy("provincial road"),
    "county": gettext_lazy("county road"),
    "village": gettext_lazy("village road"),
}


ROAD_CLASS_ALL = {
    "provincial": gettext_lazy("all provincial roads"),
    "county": gettext_lazy("all county roads"),
    "village": gettext_lazy("all village roads"),
}


def parse_roads(values) -> tuple[list[int], list[str]]:
    """Roads to close as the page and the command give them: numbers, or class names."""
    numbers, classes = [], []
    for value in values:
        value = str(value).strip()
        if not value:
            continue
        if digits(value):
            numbers.append(int(value))
        elif value in ROAD_CLASS_LABELS:
            classes.append(value)
        else:
            raise AccessError(
                _("close road: %(value)s is neither a road number nor a class (%(known)s).")
                % {"value": value, "known": ", ".join(ROAD_CLASS_LABELS)}
            )
    return numbers, classes


def road_classes(grid: RegionGrid) -> list[str | None]:
    """The class of each road of the synthetic network (by its speed), in road order."""
    by_speed = {speed: name for name, speed in SYNTHETIC_SPEEDS.items()}
    speeds = [] if grid.road_speeds is None else grid.road_speeds.tolist()
    return [by_speed.get(float(speed)) for speed in speeds]


def road_class_choices(division: Division, year: int) -> list[tuple[str, str]]:
    """The classes of road the division's network has, to close all of a class at once."""
    present = set(road_classes(region(division, year).grid))
    return [(key, str(label)) for key, label in ROAD_CLASS_ALL.items() if key in present]


def road_choices(division: Division, year: int, longest_village_roads: int = 30) -> list[dict]:
    """Roads a planner can close on the page, named by class, number and the townships at their two
    ends: every provincial and county road and the longest village roads (hundreds of short village
    roads are closed as a class)."""
    grid = region(division, year).grid
    if grid.road_index is None:
        return []
    names = {i + 1: t.display_name for i, t in enumerate(townships_of(division, year))}
    kinds = road_classes(grid)
    flat = grid.road_index.ravel()
    order = np.argsort(flat, kind="stable")
    bounds = np.searchsorted(flat[order], np.arange(len(kinds) + 2))
    zones = grid.zones.ravel()
    width = grid.shape[1]
    lengths = np.diff(bounds)[1 : len(kinds) + 1]
    village = [n for n, kind in enumerate(kinds, start=1) if kind == "village"]
    longest = set(sorted(village, key=lambda n: -lengths[n - 1])[:longest_village_roads])
    choices = []
    for number, kind in enumerate(kinds, start=1):
        if kind == "village" and number not in longest:
            continue
        cells = order[bounds[number] : bounds[number + 1]]
        if not len(cells):
            continue  # wholly under a faster road
        # a road may run on beyond the county's outline (the synthetic network spans the county's box):
        # its ends are named by the first and last cells that lie in one of the county's townships
        inside = cells[zones[cells] > 0]
        cells = inside if len(inside) else cells
        rows, cols = np.divmod(cells, width)
        # its ends along its longer extent
        along = cols if np.ptp(cols) >= np.ptp(rows) else rows
        ends = [
            names.get(int(zones[cells[np.argmin(along)]])),
            names.get(int(zones[cells[np.argmax(along)]])),
        ]
        ends = [e for e in ends if e]
        label = str(ROAD_CLASS_LABELS[kind])
        if len(set(ends)) == 2:
            text = _("%(road)s %(number)s: %(from)s – %(to)s") % {
                "road": label,
                "number": number,
                "from": ends[0],
                "to": ends[1],
            }
        elif ends:
            text = _("%(road)s %(number)s (in %(township)s)") % {
                "road": label,
                "number": number,
                "township": ends[0],
            }
        else:
            text = f"{label} {number}"
        choices.append({"number": number, "kind": kind, "label": text})
    return choices


# Each facility's own capped field, kept per (division, year, kind, cap, facilities) so that a what-if
# closes facilities or roads and adds sites without recomputing the others (engine/fields.py).
_KEPT_FIELDS: dict = {}
# The siting candidates' reaches, per (division, year, cap, friction, candidate cells)
_CANDIDATE_REACHES: dict = {}
KEPT_AT_MOST = 8


def kept_fields(grid: RegionGrid, division: Division, year: int, kind: str, facilities, cap: float):
    # the grid's own friction and the facilities' points name the fields: another database is another key
    points = tuple((f.code, f.longitude, f.latitude) for f in facilities)
    rows, cols = grid.cells_of([f.longitude for f in facilities], [f.latitude for f in facilities])
    # opened on every call, not only when the fields are computed: a what-if's friction (roads closed)
    # is derived from this grid's, whose facility cells must be passable as the kept fields had them
    grid.open_cells(rows, cols)
    key = (division.code, year, kind, cap, zlib.crc32(grid.friction.tobytes()), points)
    return remembered(
        _KEPT_FIELDS,
        key,
        lambda: build_fields(
            grid.friction,
            grid.cell,
            grid.cell,
            rows,
            cols,
            range(len(facilities)),
            cap,
            moves=MOVES,
            **grid.travel(),
        ),
    )


def remembered(store: dict, key, make):
    """store[key], made by make() the first time; the oldest of KEPT_AT_MOST entries goes first."""
    kept = store.get(key)
    if kept is None:
        kept = make()
        while len(store) >= KEPT_AT_MOST:
            store.pop(next(iter(store)))
        store[key] = kept
    return kept


def what_if(
    division: Division,
    year: int,
    kind: str,
    minutes: float = 30.0,
    close=(),
    add=(),
    close_roads=(),
    close_road_classes=(),
) -> dict:
    """Coverage within `minutes` before and after closing facilities (registry codes) or roads (their
    numbers on the synthetic network, or whole classes: provincial, county, village) and adding new
    ones in places (division codes). Incremental: the facilities' own fields are kept; a closed
    facility's field is dropped, a closed road recomputes only the fields near it, a new site computes
    its own (`recomputed` says how many were computed). The page and `tixi access whatif` call this."""
    if kind not in KINDS:
        raise AccessError(_("kind: not a kind of facility offered here."))
    check_minutes(minutes)
    started = time.perf_counter()
    grid = region(division, year).grid
    townships = townships_of(division, year)
    facilities = facilities_of(division, year, kind)
    codes = {f.code for f in facilities}
    unknown = [c for c in close if c not in codes]
    if unknown:
        raise AccessError(
            _("close: %(codes)s is not a facility of this kind here.") % {"codes": ", ".join(unknown)}
        )
    roads = 0 if grid.road_speeds is None else len(grid.road_speeds)
    bad_roads = [str(r) for r in close_roads if not (isinstance(r, int) and 1 <= r <= roads)]
    if bad_roads:
        raise AccessError(
            _("close road: %(roads)s is not a road of the network (1 to %(count)s).")
            % {"roads": ", ".join(bad_roads), "count": roads}
        )
    bad_classes = [c for c in close_road_classes if c not in ROAD_CLASS_LABELS]
    if bad_classes:
        raise AccessError(
            _("close road class: %(classes)s is not a class of road; the classes are %(known)s.")
            % {"classes": ", ".join(bad_classes), "known": ", ".join(ROAD_CLASS_LABELS)}
        )
    kinds = road_classes(grid)
    close_roads = sorted(
        set(close_roads) | {i + 1 for i, c in enumerate(kinds) if c is not None and c in close_road_classes}
    )
    places = []
    for code in add:
        place = Division.objects.valid_in(year).filter(code=code, path__startswith=division.path).first()
        point = point_of(place, year) if place else None
        if point is None:
            raise AccessError(
                _("add: %(code)s is not a place of %(name)s.") % {"code": code, "name": division.display_name}
            )
        places.append((place, point))
    cap = (minutes + 1) * 60.0
    base = kept_fields(grid, division, year, kind, facilities, cap)
    before = base.surface().seconds
    scenario = replace(base, fields=list(base.fields), recomputed=0)
    for i, facility in enumerate(facilities):
        if facility.code in close:
            scenario.close(i)
    friction = grid.friction_without([r - 1 for r in close_roads]) if close_roads else base.friction.copy()
    new_cells = [tuple(int(v[0]) for v in grid.cells_of([lon], [lat])) for _place, (lon, lat) in places]
    for r, c in new_cells:  # a new site stands somewhere passable
        if np.isnan(friction[r, c]):
            friction[r, c] = WALKING
    scenario.set_friction(friction, grid.travel(closed_roads=[r - 1 for r in close_roads]).get("driven"))
    for j, (r, c) in enumerate(new_cells):
        scenario.add(len(facilities) + j, r, c)
    after = scenario.surface().seconds
    covers = [
        coverage_by_zone(s, grid.population, grid.zones, grid.zones > 0, [minutes], edge=0)
        for s in (before, after)
    ]
    rows = []
    for i, township in enumerate(townships):
        at = [np.flatnonzero(c.zones == i + 1) for c in covers]
        if not len(at[0]):
            continue
        b, a = int(covers[0].within[at[0][0], 0]), int(covers[1].within[at[1][0], 0])
        rows.append(
            {
                "code": township.code,
                "name": township.name,
                "population": int(covers[0].total[at[0][0]]),
                "before": b,
                "after": a,
                "change": a - b,
            }
        )
    total_before, total_after = int(covers[0].within[:, 0].sum()), int(covers[1].within[:, 0].sum())
    return {
        "kind": kind,
        "minutes": f"{minutes:g}",
        "closed": [f.display_name for f in facilities if f.code in close],
        "closed_roads": list(close_roads),
        "closed_road_classes": [str(ROAD_CLASS_LABELS[c]) for c in close_road_classes],
        "added": [p.display_name for p, _point in places],
        "before": total_before,
        "after": total_after,
        "change": total_after - total_before,
        "townships": [r for r in rows if r["change"]],
        "recomputed": scenario.recomputed,
        "facilities": len(facilities),
        "seconds": round(time.perf_counter() - started, 2),
    }


def isochrone_map(division: Division, year: int, kind: str, minutes=(15.0, 30.0, 60.0)) -> bytes:
    """The travel-time map of one facility kind: bands of equal reach and their isochrones (PNG)."""
    if kind not in KINDS:
        raise AccessError(_("kind: one of %(kinds)s.") % {"kinds": ", ".join(KINDS)})
    grid = region(division, year).grid
    facilities = facilities_of(division, year, kind)
    if facilities:
        seconds = surface(grid, facilities, max(minutes) + 1).seconds
        rows, cols = grid.cells_of([f.longitude for f in facilities], [f.latitude for f in facilities])
    else:
        seconds, rows, cols = np.full(grid.shape, np.inf), np.zeros(0), np.zeros(0)
    legend = [_("within %(minutes)s min") % {"minutes": f"{minutes[0]:g}"}]
    legend += [
        _("%(low)s–%(high)s min") % {"low": f"{low:g}", "high": f"{high:g}"}
        for low, high in zip(minutes, minutes[1:], strict=False)
    ]
    legend.append(_("beyond %(minutes)s min or out of reach") % {"minutes": f"{minutes[-1]:g}"})
    return render_png(
        bands(seconds, grid.zones > 0, minutes), legend, rows, cols, str(KIND_LABELS[kind]), cjk_font_name()
    )

"""The demo region: every region the seeds describe, from the platform's first year (2018) to the year
of the demo's today (2025; `tixi.demo.calendar`), reproducibly (fixed seed).

Published baseline figures (data/*.yaml, each with the seed clause it comes from) are reproduced
exactly; everything else is generated and marked synthetic. The builder produces plain records in
memory and `tixi.demo.load` writes them in bulk.
"""

import datetime as dt
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import yaml

from tixi.demo.allocation import count_for_rate, largest_remainder
from tixi.demo.calendar import demo_today, demo_years, not_after
from tixi.demo.names import NameMaker
from tixi.demo.shapes import Patch, contains, tile
from tixi.demo.shapes import area as ring_area
from tixi.registry.engine import classification as cls
from tixi.registry.engine.figures import MEASURES

DATA_DIR = Path(__file__).parent / "data"
REGION_FILES = ("panzhihua.yaml", "dazhou.yaml", "bazhong.yaml", "wushan.yaml")
BASE_YEAR = 2020
PSYCHIATRIC_NAME = "精神病"
SPECIALTY_WORDS = ("骨科", "眼科", "口腔", "妇产", "康复", "肿瘤")  # names.py's specialty hospitals
SEED = 20201231
# A street's (街道) land as a share of a town's (镇乡): streets are the urban townships, a few to some
# twenty km² (攀枝花's 东区: 167 km² for its streets), a hill-country town 60-150 km² (达川, 巫山)
STREET_LAND = 0.25
FAR_PAST = dt.date(1949, 10, 1)

AGE_SHARES = {"0-2": 0.026, "3-6": 0.045, "7-14": 0.092, "15-59": 0.6, "60-64": 0.067, "65+": 0.17}
SEX_SHARES = {"M": 0.505, "F": 0.495}


def _extent(ring) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


@dataclass
class Place:
    """One division row (a version of a division)."""

    id: int
    code: str
    name: str
    level: int
    parent: "Place | None"
    valid_from: dt.date = FAR_PAST
    valid_to: dt.date | None = None
    successor: "Place | None" = None
    synthetic: bool = True
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    kind: str = ""  # street / town / township for level 4
    weight: float = 1.0
    ring: list | None = None  # the boundary's outline (closed, counter-clockwise); bbox is its extent
    patch: Patch | None = field(default=None, repr=False)  # the four-sided patch its children tile

    @property
    def path(self) -> str:
        return (self.parent.path if self.parent else "") + self.code + "/"

    def on_map(self, year: int) -> "Place":
        """The row that stands for this place at the end of `year`."""
        place = self
        while place.valid_to is not None and place.valid_to <= dt.date(year, 12, 31) and place.successor:
            place = place.successor
        return place

    def valid_in(self, year: int) -> bool:
        end = dt.date(year, 12, 31)
        return self.valid_from <= end and (self.valid_to is None or self.valid_to > end)


@dataclass
class Inst:
    id: int
    code: str
    name: str
    type: str
    place: Place  # the village or township row where it stood when it opened
    county: Place
    operator: str
    ownership: str
    level: int | None = None
    grade: str = ""
    opened_on: dt.date | None = None
    closed_on: dt.date | None = None
    synthetic: bool = True
    point: tuple[float, float] | None = None
    base: dict = field(default_factory=dict)  # base-year resources
    fixed: dict = field(default_factory=dict)  # published or stated base-year values
    approved_path: tuple[int, int] | None = None  # Table 2: approved beds 2020 and 2025
    years: dict = field(default_factory=dict)  # year -> resources
    rank: int = 0  # among the institutions of its type in its county, in order of creation
    # year -> grade code ("3B") it holds from that year on (a district CDC reaching 三级乙等 in 2024):
    # the registry is the truth of a level, and a plan's 是=1 goal of it is counted from the registry
    upgrades: dict = field(default_factory=dict)

    def grade_in(self, year: int) -> tuple[int | None, str]:
        """(level, grade) as it stood in `year`: its first classification, then each upgrade."""
        level, grade = self.level, self.grade
        for since in sorted(self.upgrades):
            if since <= year:
                code = self.upgrades[since]
                level, grade = int(code[0]), code[1:]
        return level, grade

    @property
    def category(self) -> str:
        return cls.category_of(self.type)

    @property
    def hospital_like(self) -> bool:
        return self.category == cls.HOSPITAL or self.type in cls.BEDDED_PUBLIC_HEALTH_TYPES

    def open_in(self, year: int) -> bool:
        end = dt.date(year, 12, 31)
        return (self.opened_on is None or self.opened_on <= end) and (
            self.closed_on is None or self.closed_on > end
        )

    @property
    def key(self) -> tuple:
        """What names it among the draws: its county, type and rank among that county's ones of
        its type (its code would shift when an institution of another type is added first)."""
        return (self.county.code[:6], self.type, self.rank)


# Groups that the seeds' sub-totals and shares are stated over.
GROUPS = {
    "city_public_hospitals": lambda i: i.hospital_like and i.ownership == "public" and i.operator == "city",
    "county_public_hospitals_and_primary_care": lambda i: (
        i.category == cls.PRIMARY_CARE
        or (i.hospital_like and i.ownership == "public" and i.operator in ("county", "township", "village"))
    ),
    "public_tcm_hospitals": lambda i: i.type in cls.TCM_HOSPITAL_TYPES and i.ownership == "public",
    "public_health_institutions": lambda i: i.category == cls.PUBLIC_HEALTH,
    "primary_care_institutions": lambda i: i.category == cls.PRIMARY_CARE,
    "level2plus_general_hospitals": lambda i: (
        i.type in cls.GENERAL_AND_TCM_HOSPITAL_TYPES and (i.level or 0) >= 2
    ),
    "level2plus_public_general_hospitals": lambda i: (
        i.type in cls.GENERAL_HOSPITAL_TYPES and (i.level or 0) >= 2 and i.ownership == "public"
    ),
    "township_and_community_centres": lambda i: (
        i.type in (*cls.TOWNSHIP_HEALTH_CENTRE_TYPES, "community_health_centre")
    ),
    "hospitals": lambda i: i.category == cls.HOSPITAL,
    "level2plus_hospitals": lambda i: i.category == cls.HOSPITAL and (i.level or 0) >= 2,
    "level3_hospitals": lambda i: i.category == cls.HOSPITAL and i.level == 3,
}

# Relative size of one institution of a type (beds; health workers besides beds).
BED_WEIGHT = {
    "general_hospital": 110,
    "tcm_hospital": 150,
    "integrated_hospital": 150,
    "specialty_hospital": 80,
    "rehabilitation_hospital": 60,
    "community_health_centre": 18,
    "central_township_health_centre": 40,
    "township_health_centre": 18,
    "mch_centre": 40,
}
LEVEL_BED_WEIGHT = {3: 900, 2: 260, 1: 60}
# a sub-centre at the level-2 general hospital standard: 100 beds and more (二级综合医院基本标准)
SUB_CENTRE_BED_WEIGHT = 110
STAFF_BASE = {
    "village_clinic": 2,
    "clinic": 3,
    "outpatient_department": 12,
    "community_health_station": 7,
    "community_health_centre": 40,
    "township_health_centre": 22,
    "central_township_health_centre": 45,
    "cdc": 60,
    "mch_centre": 70,
    "health_supervision": 18,
    "health_education": 8,
    "ems_centre": 40,
    "ems_station": 10,
    "blood_centre": 60,
    "other": 8,
}
# Share of health workers in each category of staff, by category or type.
STAFF_MIX = {
    "physicians": {
        "hospital": 0.3,
        "primary_care": 0.36,
        "village_clinic": 0.22,
        "clinic": 0.5,
        "cdc": 0.3,
        "mch_centre": 0.3,
        "ems_centre": 0.3,
        "ems_station": 0.35,
        "health_supervision": 0.05,
        "public_health": 0.2,
        "other": 0.2,
    },
    "nurses": {
        "hospital": 0.44,
        "primary_care": 0.3,
        "village_clinic": 0.05,
        "clinic": 0.3,
        "cdc": 0.05,
        "mch_centre": 0.4,
        "ems_centre": 0.3,
        "ems_station": 0.3,
        "health_supervision": 0.0,
        "public_health": 0.1,
        "other": 0.1,
    },
    "pharmacists": {
        "hospital": 0.04,
        "primary_care": 0.05,
        "village_clinic": 0.0,
        "clinic": 0.04,
        "mch_centre": 0.03,
        "public_health": 0.005,
        "other": 0.01,
    },
    "gps": {
        "hospital": 0.006,
        "primary_care": 0.12,
        "community_health_centre": 0.16,
        "community_health_station": 0.18,
        "village_clinic": 0.02,
        "clinic": 0.02,
        "public_health": 0.0,
        "other": 0.0,
    },
    "tcm_physicians": {
        "hospital": 0.03,
        "tcm_hospital": 0.25,
        "integrated_hospital": 0.2,
        "primary_care": 0.08,
        "village_clinic": 0.06,
        "clinic": 0.15,
        "public_health": 0.005,
        "other": 0.01,
    },
    "public_health_physicians": {
        "hospital": 0.004,
        "primary_care": 0.03,
        "cdc": 0.3,
        "mch_centre": 0.04,
        "public_health": 0.02,
        "village_clinic": 0.0,
        "clinic": 0.0,
        "other": 0.0,
    },
    "childcare_places": {
        "mch_centre": 1.0,
        "community_health_centre": 0.6,
        "township_health_centre": 0.3,
        "central_township_health_centre": 0.4,
    },
}
# Default rates for regions whose seeds publish no baseline (per 1,000 residents; GPs per 10,000,
# Sichuan 2020: 2.6).
DEFAULT_RATES = {
    "actual_beds": 6.8,
    "health_workers": 8.0,
    "physicians": 2.6,
    "nurses": 3.0,
    "pharmacists": 0.3,
    "gps": 2.5,
    "tcm_physicians": 0.5,
    "childcare_places": 1.2,
}
SPECS_PER_10000 = {"gps"}


def mix(measure: str, inst: Inst) -> float:
    table = STAFF_MIX[measure]
    return table.get(inst.type, table.get(inst.category, 0.0 if measure == "childcare_places" else 0.0))


def middle_cell(n: int, rows: int) -> int:
    """The index of the middle cell of `tile(patch, n weights, rows)`, which fills rows from the south."""
    per_row = [n // rows + (1 if r < n % rows else 0) for r in range(rows)]
    return sum(per_row[: rows // 2]) + (per_row[rows // 2] - 1) // 2


class DemoBuilder:
    def __init__(self, seed: int = SEED, years=None, today=None):
        self.seed = seed
        self.rng = np.random.default_rng(seed)  # names only: every other draw has a key of its own
        self.today = today or demo_today()
        self.years = tuple(years or demo_years(self.today))  # no report of a year not yet begun
        self.places: list[Place] = []
        self.institutions: list[Inst] = []
        self.population: list[tuple[Place, int, str, str, int]] = []
        # counties whose villages have residents of their own (巫山: its norm spares villages under 300)
        self.village_population: set[int] = set()
        self.designations: list[tuple[Inst, str, int | None, dt.date]] = []
        self.departments: list[tuple[Inst, str, dt.date]] = []
        self.own_rows: dict[int, dict] = {}  # a town centre's rows before its branches joined
        self.handed_over: set[int] = set()  # the branches whose resources their town centre holds
        self.merged_into: dict[int, Place] = {}  # a merged township's centre -> the town that took it over
        self.regions: list[dict] = []
        self.names = NameMaker(self.rng)
        self._place_id = 0
        self._children: dict[int, list[Place]] = {}
        self._by_county: dict[int, list[Inst]] = {}
        self._inst_seq: dict[str, int] = {}
        self._type_rank: dict[tuple[str, str], int] = {}
        self._in_town_turn: dict[int, int] = {}
        # township id -> (designation date, level) of its county sub-centre (县域医疗卫生次中心)
        self.sub_centre_towns: dict[int, tuple[dt.date | None, int | None]] = {}
        self.second_hospital_towns: set[int] = set()  # where a county's 第二人民医院 stands
        self.provinces: dict[str, Place] = {}

    def draws(self, *key) -> np.random.Generator:
        """The random draws of one thing (a division, an institution, a measure of a unit): each
        has its own stream, so that adding or moving one institution leaves every other draw as it
        was (one stream for all would shift every draw after it)."""
        return np.random.default_rng([self.seed, zlib.crc32("|".join(map(str, key)).encode())])

    # ---------------------------------------------------------------- divisions
    def place(self, code, name, level, parent, **kw) -> Place:
        self._place_id += 1
        p = Place(self._place_id, code, name, level, parent, **kw)
        self.places.append(p)
        if parent is not None:
            self._children.setdefault(parent.id, []).append(p)
        return p

    def province(self, spec) -> Place:
        code = spec["code"]
        if code not in self.provinces:
            self.provinces[code] = self.place(code.ljust(12, "0"), spec["name"], 1, None, synthetic=False)
        return self.provinces[code]

    def build_region(self, spec: dict) -> dict:
        province = self.province(spec["province"])
        west, south = spec["centre"][0] - spec["extent"][0] / 2, spec["centre"][1] - spec["extent"][1] / 2
        east, north = west + spec["extent"][0], south + spec["extent"][1]
        counties_spec = spec["counties"]
        is_county_region = len(counties_spec) == 1 and counties_spec[0]["code"] == spec["code"]
        city = None
        if not is_county_region:
            city = self.place(
                spec["code"].ljust(12, "0"),
                spec["name"],
                2,
                province,
                synthetic=False,
                bbox=(west, south, east, north),
            )
        # irregular county shapes that tile the city's outline (tixi/demo/shapes.py), areas by each county's
        # land area (a city district is a few hundred km², a rural county thousands), else its population share
        shares = np.array([c.get("area_km2", c["share"]) for c in counties_spec], dtype=float)
        outline = Patch.rounded(west, south, east, north, self.draws(spec["code"], "outline"))
        rows = max(1, round(np.sqrt(len(counties_spec) * (north - south) / (east - west))))
        # a rounded outline squeezes the cells at its ends: reweight until each area is its share
        weights = shares / shares.sum()
        for _ in range(4):
            cells = tile(outline, weights, rows, self.draws(spec["code"], "county-shapes"), wiggle=0.3)
            got = np.array([ring_area(c.ring) for c in cells])
            weights = weights * (shares / shares.sum()) / (got / got.sum())
        if city is not None:
            city.ring, city.patch = outline.ring().tolist(), outline
            city.bbox = _extent(city.ring)
        counties = []
        for i, cs in enumerate(counties_spec):
            county = self.place(
                cs["code"].ljust(12, "0"),
                cs["name"],
                3,
                city or province,
                synthetic=False,
                bbox=cells[i].bbox,
                weight=cs["share"],
                ring=cells[i].ring.tolist(),
                patch=cells[i].patch,
            )
            self.build_townships(county, cs)
            counties.append(county)
        region = {"spec": spec, "city": city, "counties": counties, "top": city or counties[0]}
        self.regions.append(region)
        return region

    def build_townships(self, county: Place, cs: dict) -> None:
        given = list(cs.get("township_names", []))
        streets_given = [n for n in given if n.endswith("街道")]
        towns_given = [n for n in given if not n.endswith("街道")]
        specs = [
            ("street", streets_given[i] if i < len(streets_given) else None) for i in range(cs["streets"])
        ]
        specs += [("town", towns_given[i] if i < len(towns_given) else None) for i in range(cs["towns"])]
        n = len(specs)
        n_streets = cs["streets"]
        if 0 < n_streets < n:
            # the streets (街道) are the town proper: one compact core of small urban townships, each
            # STREET_LAND of a town's land, tiled inside the core; the towns share the rest
            # the core in the middle of the county (its seat, as most county seats are), not at a corner
            m = 1 + n - n_streets
            cols = int(np.ceil(np.sqrt(m)))
            rows = int(np.ceil(m / cols))
            middle = middle_cell(m, rows)
            weights = [1.0] * (n - n_streets)
            weights.insert(middle, STREET_LAND * n_streets)
            outer = tile(county.patch, weights, rows, self.draws(county.code, "township-shapes"), wiggle=0.18)
            cols = int(np.ceil(np.sqrt(n_streets)))
            core = tile(
                outer[middle].patch,
                np.ones(n_streets),
                int(np.ceil(n_streets / cols)),
                self.draws(county.code, "street-shapes"),
                wiggle=0.18,
            )
            cells = core + outer[:middle] + outer[middle + 1 :]
        else:
            cols = int(np.ceil(np.sqrt(n)))
            rows = int(np.ceil(n / cols))
            cells = tile(
                county.patch, np.ones(n), rows, self.draws(county.code, "township-shapes"), wiggle=0.18
            )
            # the seat (the first township) in the middle of the county, not at its south-west corner
            middle = middle_cell(n, rows)
            cells = [cells[middle], *cells[:middle], *cells[middle + 1 :]]
        street_no, town_no = 0, 100
        draw = self.draws(county.code, "townships")
        village_names = cs.get("village_names", {})
        for k, (kind, name) in enumerate(specs):
            bbox = cells[k].bbox
            if kind == "street":
                street_no += 1
                number = street_no
            else:
                town_no += 1
                number = town_no if not (name or "").endswith("乡") else 100 + town_no
            synthetic = name is None
            name = name or self.names.township(kind)
            if kind == "town" and not name.endswith(("镇", "乡")):
                name += "镇"
            t = self.place(
                county.code[:6] + f"{number:03d}" + "000",
                name,
                4,
                county,
                synthetic=synthetic,
                bbox=bbox,
                ring=cells[k].ring.tolist(),
                kind=kind,
                weight=float(draw.lognormal(0, 0.35)) * (1.6 if kind == "street" else 1),
            )
            count = int(draw.integers(4, 8)) if kind == "street" else int(draw.integers(7, 15))
            named_villages = village_names.get(name, [])
            sizes = self.village_sizes(t, count) if cs.get("village_population") else [1.0] * count
            for v in range(count):
                vname = named_villages[v] if v < len(named_villages) else self.names.village(kind)
                vcode = t.code[:9] + (f"{v + 1:03d}" if kind == "street" else f"{v + 201:03d}")
                self.place(vcode, vname, 5, t, synthetic=v >= len(named_villages), kind=kind, weight=sizes[v])
        if cs.get("village_population"):
            self.village_population.add(county.id)
        reorg = cs.get("reorganised")
        if reorg:
            self.reorganise(county, reorg, dt.date(int(cs.get("reorganised_year", 2021)), 1, 1))

    @staticmethod
    def village_sizes(township: Place, count: int) -> list[float]:
        """Relative sizes of a township's villages: mountain villages vary several-fold, a few are
        hamlets of some hundreds. Its own generator leaves the builder's random stream as it was."""
        draw = np.random.default_rng([SEED, int(township.code[:9]), 5])
        return [float(w) for w in draw.lognormal(0.0, 0.7, count)]

    def in_counties(self, counties) -> list[Inst]:
        return [i for c in counties for i in self._by_county.get(c.id, [])]

    def children(self, place: Place, year: int | None = None) -> list[Place]:
        return [p for p in self._children.get(place.id, []) if year is None or p.valid_in(year)]

    def reorganise(self, county: Place, how: str, on: dt.date) -> None:
        """撤乡并镇 (merge) or 乡改街道 (rename): old rows end, new rows begin; history is kept."""
        towns = [t for t in self.children(county) if t.kind == "town"]
        streets = [t for t in self.children(county) if t.kind == "street"]
        if how == "merge":
            old, keep = towns[-1], towns[-2]
            new_parent = keep
            old.successor = keep
        else:  # rename: the first town becomes a street with a street code
            old = towns[0]
            number = len(streets) + 1
            new_parent = self.place(
                county.code[:6] + f"{number:03d}000",
                old.name[:-1] + "街道",
                4,
                county,
                valid_from=on,
                bbox=old.bbox,
                ring=old.ring,
                kind="street",
                weight=0.0,
            )
            old.successor = new_parent
        old.valid_to = on
        taken = len(self.children(new_parent))
        for k, village in enumerate(self.children(old)):
            village.valid_to = on
            village.successor = self.place(
                new_parent.code[:9] + f"{taken + k + 201:03d}",
                village.name,
                5,
                new_parent,
                valid_from=on,
                kind=village.kind,
            )

    # ---------------------------------------------------------------- population
    def county_populations(self, region) -> dict[int, int]:
        """Base-year population of each county; a calibrated division gets its exact figure."""
        spec, counties = region["spec"], region["counties"]
        cal = spec.get("calibration")
        total = spec.get("population") or (cal and cal["population"])
        if cal and spec["code"] == cal["division"]:
            total = cal["population"]
        result = {}
        fixed = {}
        if cal and cal["division"] != spec["code"]:
            fixed = {c.id: cal["population"] for c in counties if c.code[:6] == cal["division"]}
        free = [c for c in counties if c.id not in fixed]
        # the specs round shares (0.2, 0.2): a county's own jitter keeps two counties from sharing a
        # population; its own generator leaves the builder's random stream as it was
        jitter = [float(np.random.default_rng([SEED, int(c.code[:6])]).uniform(0.985, 1.015)) for c in free]
        parts = largest_remainder(
            total - sum(fixed.values()), [c.weight * j for c, j in zip(free, jitter, strict=True)]
        )
        result.update(fixed)
        result.update({c.id: n for c, n in zip(free, parts, strict=True)})
        return result

    def build_population(self, region) -> None:
        growth = region["spec"].get("growth", 0.0)
        for county in region["counties"]:
            base = region["county_population"][county.id]
            for year in self.years:
                total = base if year == BASE_YEAR else int(round(base * (1 + growth) ** (year - BASE_YEAR)))
                townships = self.children(county, year)
                weights = [t.weight + sum(p.weight for p in t.predecessors_in(self, year)) for t in townships]
                for township, n in zip(townships, largest_remainder(total, weights), strict=True):
                    cells = [(sex, band) for sex in SEX_SHARES for band in AGE_SHARES]
                    drift = 1 + 0.01 * (year - BASE_YEAR)  # ageing: more 65+, fewer children
                    shares = [
                        SEX_SHARES[s]
                        * AGE_SHARES[b]
                        * (drift if b == "65+" else 1 / drift if b in ("0-2", "3-6") else 1)
                        for s, b in cells
                    ]
                    for (sex, band), count in zip(cells, largest_remainder(n, shares), strict=True):
                        self.population.append((township, year, sex, band, count))
                    if county.id in self.village_population:
                        self.spread_over_villages(township, year, n, cells, shares)

    def spread_over_villages(self, township: Place, year: int, n: int, cells, shares) -> None:
        """The township's residents over its villages by their sizes, each village by sex and age as the
        township (P{} reads the shallowest level with rows, so nothing is counted twice)."""
        villages = self.children(township, year)
        for village, people in zip(villages, largest_remainder(n, [v.weight for v in villages]), strict=True):
            for (sex, band), count in zip(cells, largest_remainder(people, shares), strict=True):
                self.population.append((village, year, sex, band, count))

    # ---------------------------------------------------------------- county sub-centres
    def town_people(self, town: Place, year: int = BASE_YEAR) -> float:
        """A town's share of its county's people (its weight and its merged predecessors')."""
        return town.weight + sum(p.weight for p in town.predecessors_in(self, year))

    def far_towns(self, county: Place, n: int, anchors: list[Place], first: list[Place] = ()) -> list[Place]:
        """n towns of the county (besides `first`, taken as they come) chosen as a county chooses the
        towns of its sub-centres: 覆盖人口多、服务半径大 (seed 001 第六章), so each next the town whose
        people times its distance from the nearest seat, hospital town or town already chosen is
        largest: a big town far from any hospital, not the big town next to the seat."""
        towns = [t for t in self.children(county, BASE_YEAR) if t.kind == "town" and t not in anchors]
        chosen = [t for t in first if t in towns][:n]

        def centre(p: Place) -> np.ndarray:
            w, s, e, n_ = p.bbox
            return np.array([(w + e) / 2, (s + n_) / 2])

        while len(chosen) < n and len(chosen) < len(towns):
            held = [centre(p) for p in [*anchors, *chosen]]
            best = max(
                (t for t in towns if t not in chosen),
                key=lambda t: self.town_people(t) * min(float(np.hypot(*(centre(t) - h))) for h in held),
            )
            chosen.append(best)
        return chosen

    def plan_sub_centres(self, region) -> None:
        """The region's 县域医疗卫生次中心 (`sub_centres` of its spec): the count its plan builds, spread
        over its counties by land area (a large rural county needs more of them; the named ones where
        the plan names the towns), each in a town picked by `far_towns`, designated in a year of the
        plan's span; one designated before the demo's last year is 二级 where the plan builds them to
        the level-2 general hospital standard (`level`)."""
        spec = region["spec"].get("sub_centres")
        if not spec:
            return
        named = {code: list(names) for code, names in spec.get("named", {}).items()}
        counties = [
            c for c in region["counties"] if any(t.kind == "town" for t in self.children(c, BASE_YEAR))
        ]
        free = [c for c in counties if c.code[:6] not in named]
        left = spec["count"] - sum(len(v) for v in named.values())
        areas = {c["code"]: c.get("area_km2", c["share"]) for c in region["spec"]["counties"]}
        shares = largest_remainder(left, [areas[c.code[:6]] for c in free]) if free else []
        per_county = dict(zip((c.id for c in free), shares, strict=True))
        first_year, last_year = spec["years"]
        for county in counties:
            towns = self.children(county, BASE_YEAR)
            first = [t for name in named.get(county.code[:6], []) for t in towns if t.name == name]
            n = len(first) if county.code[:6] in named else per_county[county.id]
            anchors = [self.seat(county), *(t for t in towns if t.id in self.second_hospital_towns)]
            for k, town in enumerate(self.far_towns(county, n, anchors, first)):
                r = self.draws(county.code, "sub-centre", k)
                on = dt.date(int(r.integers(first_year, last_year + 1)), int(r.integers(1, 13)), 1)
                # one of the plan's later years is still being built on the demo's today: its town's
                # centre is a central one, not yet a sub-centre
                built = on <= demo_today()
                level = spec.get("level") if built and on.year < self.years[-1] else None
                self.sub_centre_towns[town.id] = (on if built else None, level)

    # ---------------------------------------------------------------- institutions
    def new_inst(
        self, name, type_, place: Place, county: Place, operator, ownership, recent=None, **kw
    ) -> Inst:
        """`recent` (True/False) draws the opening date: mostly long ago, a private one maybe 2018-20."""
        prefix = county.code[:6]
        self._inst_seq[prefix] = self._inst_seq.get(prefix, 0) + 1
        code = f"{prefix}{cls.CATEGORIES.index(cls.category_of(type_)) + 1}{self._inst_seq[prefix]:05d}"
        rank = self._type_rank[(prefix, type_)] = self._type_rank.get((prefix, type_), 0) + 1
        r = self.draws(prefix, type_, rank, "site")
        area = place.parent if place.level == 5 else place
        area = area if area.bbox else county
        w, s, e, n = area.bbox or county.bbox
        point = (round(float(r.uniform(w, e)), 5), round(float(r.uniform(s, n)), 5))
        if area.ring is not None and not contains(np.asarray(area.ring), *point):
            # inside the shape, from a stream of its own (the draws after this one stay as they were)
            inside = self.draws(prefix, type_, rank, "site-inside")
            while not contains(np.asarray(area.ring), *point):
                point = (round(float(inside.uniform(w, e)), 5), round(float(inside.uniform(s, n)), 5))
        if recent is not None:
            kw["opened_on"] = self.opened_on(r, recent)
        inst = Inst(
            len(self.institutions) + 1,
            code,
            name,
            type_,
            place,
            county,
            operator,
            ownership,
            point=point,
            rank=rank,
            **kw,
        )
        self.institutions.append(inst)
        self._by_county.setdefault(county.id, []).append(inst)
        return inst

    def seat(self, county: Place, year=BASE_YEAR) -> Place:
        """The county seat: its first street, or its first town."""
        townships = self.children(county, year)
        streets = [t for t in townships if t.kind == "street"]
        return (streets or townships)[0]

    def in_town(self, county: Place) -> Place:
        """Where the next of a county's own hospitals and centres stands: its streets in turn, from the
        seat (a city district's hospitals stand all over its streets, not in one), else its seat town."""
        streets = [t for t in self.children(county, BASE_YEAR) if t.kind == "street"]
        if not streets:
            return self.seat(county)
        k = self._in_town_turn[county.id] = self._in_town_turn.get(county.id, -1) + 1
        return streets[k % len(streets)]

    @staticmethod
    def opened_on(r: np.random.Generator, recent: bool = True) -> dt.date:
        """Mostly long ago; a private clinic or hospital may have opened in 2018-2020."""
        if r.random() < 0.85 or not recent:
            return dt.date(int(r.integers(1985, 2018)), int(r.integers(1, 13)), 1)
        return dt.date(int(r.integers(2018, 2021)), int(r.integers(1, 13)), 1)

    def add_named(self, region) -> None:
        counties = {c.code[:6]: c for c in region["counties"]}
        for n in region["spec"].get("named", []):
            county = counties[n["county"]]
            grade = str(n.get("grade", ""))
            place = self.in_town(county)
            if n["operator"] == "county" and n["name"].endswith("第二人民医院"):
                # a county's second people's hospital serves the far side of the county from a big
                # town (often the old seat), not the seat where the first one stands
                place = self.far_towns(county, 1, [self.seat(county)])[0]
                self.second_hospital_towns.add(place.id)
            inst = self.new_inst(
                n["name"],
                n["type"],
                place,
                county,
                n["operator"],
                "public",
                level=int(grade[0]) if grade else None,
                grade=grade[1:],
                synthetic=False,
                opened_on=dt.date.fromisoformat(str(n["opened"])) if n.get("opened") else dt.date(1965, 1, 1),
                upgrades={int(y): str(code) for y, code in (n.get("upgrades") or {}).items()},
            )
            if "approved" in n:
                inst.approved_path = tuple(n["approved"])
                inst.fixed["approved_beds"] = n["approved"][0]
            for key, field_name in (
                ("actual", "actual_beds"),
                ("discharges", "discharges"),
                ("bed_days", "bed_days"),
            ):
                if key in n:
                    inst.fixed[field_name] = n[key]

    def type_counts(self, region, counties) -> dict[str, int]:
        """Institutions by type to create (besides the named ones) in a generated county."""
        pop = sum(region["county_population"][c.id] for c in counties)
        towns = sum(1 for c in counties for t in self.children(c, BASE_YEAR) if t.kind == "town")
        streets = sum(1 for c in counties for t in self.children(c, BASE_YEAR) if t.kind == "street")
        villages = sum(
            1
            for c in counties
            for t in self.children(c, BASE_YEAR)
            if t.kind == "town"
            for _ in self.children(t, BASE_YEAR)
        )
        sub_centres = sum(
            1 for c in counties for t in self.children(c, BASE_YEAR) if t.id in self.sub_centre_towns
        )
        central = max(1, round(towns * 0.25), sub_centres)
        return {
            "general_hospital": max(1, round(pop / 70000)),
            "tcm_hospital": 0,
            "specialty_hospital": max(1, round(pop / 160000)),
            "community_health_centre": streets,
            "community_health_station": streets * 2,
            "central_township_health_centre": central,
            "township_health_centre": towns - central,
            "village_clinic": int(round(villages * 0.93)),
            "outpatient_department": round(pop / 30000),
            "clinic": round(pop / 3000),
            "health_supervision": len(counties),
            "ems_station": len(counties),
            "other": round(pop / 200000),
        }

    def standard_county_set(self, region) -> None:
        """Every generated county has its people's hospital, TCM hospital, MCH, CDC."""
        named = {n["name"] for n in region["spec"].get("named", [])}
        # name -> {year: grade reached}: a plan's 是=1 goal of a level is read from the registry
        upgrades = region["spec"].get("upgrades") or {}
        for county in region["counties"]:
            big = region["county_population"][county.id] > 800_000
            label = county.name
            for suffix, type_, grade in (
                ("人民医院", "general_hospital", "3B" if big else "2A"),
                ("中医医院", "tcm_hospital", "2A"),
                ("妇幼保健院", "mch_centre", "2B"),
                ("疾病预防控制中心", "cdc", ""),
            ):
                name = label + suffix
                if name in named or name.replace("中医医院", "中医院") in named:
                    continue
                self.new_inst(
                    name,
                    type_,
                    self.in_town(county),
                    county,
                    "county",
                    "public",
                    level=int(grade[0]) if grade else None,
                    grade=grade[1:],
                    opened_on=dt.date(
                        int(self.draws(county.code, type_, "opened").integers(1950, 1990)), 1, 1
                    ),
                    upgrades={int(y): str(code) for y, code in (upgrades.get(name) or {}).items()},
                )

    def add_synthetic(self, region, counties, counts: dict[str, int], levels: dict) -> None:
        """Create `counts` institutions by type (named ones already made are subtracted)."""
        year = BASE_YEAR
        in_unit = [i for i in self.in_counties(counties) if i.open_in(year)]
        have: dict[str, int] = {}
        for i in in_unit:
            have[i.type] = have.get(i.type, 0) + 1
        towns = [t for c in counties for t in self.children(c, year) if t.kind == "town"]
        streets = [t for c in counties for t in self.children(c, year) if t.kind == "street"]
        villages = [v for t in towns for v in self.children(t, year)]
        communities = [v for t in streets for v in self.children(t, year)]
        pop_weights = [region["county_population"][c.id] for c in counties]
        county_of = {t.id: t.parent for t in towns + streets}

        def add(type_, n, places_, operator, ownership, namer, **kw):
            for k in range(n):
                place = places_[k % len(places_)] if places_ else self.seat(counties[k % len(counties)])
                township = place.parent if place.level == 5 else place
                county = county_of.get(township.id, township.parent)
                self.new_inst(
                    namer(place, county),
                    type_,
                    place,
                    county,
                    operator,
                    ownership,
                    recent=ownership == "private",
                    **kw,
                )

        stations_of: dict[str, list] = {}  # station name -> the places that hold one, in order

        def station_name(place, county) -> str:
            """天溪社区卫生服务站; a community's second station 天溪社区卫生服务站（二站）; a community of
            the same name elsewhere with its county (达川区天溪社区卫生服务站)."""
            name = f"{place.name.removesuffix('社区')}社区卫生服务站"
            held = stations_of.get(name)
            if (held and held[0] != place.id) or (held is None and name in self.names.used):
                name = f"{county.name}{name}"
            held = stations_of.setdefault(name, [])
            held.append(place.id)
            self.names.used.add(name)
            n = len(held)
            return name if n == 1 else f"{name}（{'二三四五六七八九'[min(n, 9) - 2]}站）"

        def spread(n, *key):
            """n places spread over counties by population, each at a township of the county drawn by
            its people (a private hospital or clinic opens where people are, the seat's streets and the
            big towns, not in any hill township alike)."""
            per_county = largest_remainder(n, pop_weights) if n else []
            chosen = []
            for county, k in zip(counties, per_county, strict=False):
                options = self.children(county, year)
                people = np.array([self.town_people(t, year) for t in options])
                r = self.draws(county.code, "spread", *key)
                chosen += [options[int(j)] for j in r.choice(len(options), size=k, p=people / people.sum())]
            return chosen

        missing = {t: max(0, n - have.get(t, 0)) for t, n in counts.items()}
        # township health centres: one per town that has none; central ones first
        free_towns = [
            t
            for t in towns
            if not any(i.place is t and i.type in cls.TOWNSHIP_HEALTH_CENTRE_TYPES for i in in_unit)
        ]
        # the central ones in the sub-centres' towns (`plan_sub_centres`), then in the largest towns
        # (中心乡镇: the big towns of a county)
        free_towns.sort(key=lambda t: (t.id not in self.sub_centre_towns, -self.town_people(t)))
        n_central = missing.pop("central_township_health_centre", 0)
        n_thc = missing.pop("township_health_centre", 0)
        add(
            "central_township_health_centre",
            n_central,
            free_towns[:n_central],
            "township",
            "public",
            lambda p, c: f"{c.name}{p.name}中心卫生院",
        )
        for i in self.in_counties(counties):
            if i.type == "central_township_health_centre" and i.place.id in self.sub_centre_towns:
                i.level = self.sub_centre_towns[i.place.id][1]
        add(
            "township_health_centre",
            n_thc,
            free_towns[n_central : n_central + n_thc],
            "township",
            "public",
            lambda p, c: f"{c.name}{p.name}卫生院",
        )
        add(
            "community_health_centre",
            missing.pop("community_health_centre", 0),
            streets,
            "county",
            "public",
            lambda p, c: f"{c.name}{p.name}社区卫生服务中心",
        )
        stations = self.draws(*(c.code for c in counties), "community stations")
        n_vc = missing.pop("village_clinic", 0)
        lasting = [t for t in towns if t.valid_to is None]
        while len(villages) < n_vc:  # a calibrated count may need more villages than were drawn
            town = lasting[len(villages) % len(lasting)]
            villages.append(
                self.place(
                    town.code[:9] + f"{len(self.children(town)) + 201:03d}",
                    self.names.village("town"),
                    5,
                    town,
                    kind="town",
                )
            )
        # the smallest villages go without a clinic of their own (all weigh the same where villages
        # have no residents of their own, and the stable sort keeps their order)
        villages.sort(key=lambda v: -v.weight)
        add("village_clinic", n_vc, villages[:n_vc], "village", "public", lambda p, c: f"{p.name}卫生室")
        add(
            "community_health_station",
            missing.pop("community_health_station", 0),
            [communities[int(k)] for k in stations.integers(len(communities), size=999)]
            if communities
            else [],
            "private",
            "private",
            station_name,
        )
        for type_ in ("cdc", "mch_centre", "health_supervision"):
            n = missing.pop(type_, 0)
            # a city-run one seated in a district does not serve that district: it still lacks its own
            lacking = [
                c
                for c in counties
                if not any(i.type == type_ and i.operator == "county" for i in self.in_counties([c]))
            ]
            for k in range(n):
                county = lacking[k] if k < len(lacking) else counties[0]
                operator = "county" if k < len(lacking) else "city"
                owner = (
                    county.name
                    if operator == "county"
                    else (region["city"].name if region["city"] else county.name)
                )
                suffix = {
                    "cdc": "疾病预防控制中心",
                    "mch_centre": "妇幼保健院",
                    "health_supervision": "卫生监督所",
                }[type_]
                self.new_inst(
                    owner + suffix,
                    type_,
                    self.seat(county),
                    county,
                    operator,
                    "public",
                    opened_on=dt.date(1985, 1, 1),
                )
        for type_, n in missing.items():
            hospital_levels = levels.get(type_, {})
            leveled = [lv for lv, k in sorted(hospital_levels.items(), reverse=True) for _ in range(k)]
            places_ = spread(n, type_)
            for k, place in enumerate(places_):
                county = county_of.get(place.id, place.parent)
                category = cls.category_of(type_)
                operator, ownership = (
                    ("private", "private")
                    if category in (cls.HOSPITAL, cls.PRIMARY_CARE)
                    else ("county", "public")
                )
                if type_ == "other" and k % 3 == 0:
                    operator, ownership = "county", "public"
                level = int(leveled[k]) if k < len(leveled) else None
                self.new_inst(
                    self.names.institution(type_, place, county),
                    type_,
                    place,
                    county,
                    operator,
                    ownership,
                    level=level,
                    recent=ownership == "private" and category == cls.PRIMARY_CARE,
                )

    def later_changes(self, counties) -> None:
        """Openings and closures after the base year, so that counts move over the years."""
        for i in self.in_counties(counties):
            r = self.draws(*i.key, "closed")
            if (
                i.county in counties
                and i.synthetic
                and i.type in ("village_clinic", "clinic")
                and r.random() < 0.06
            ):
                i.closed_on = dt.date(int(r.integers(BASE_YEAR + 1, self.years[-1] + 1)), 7, 1)
        for county in counties:
            townships = self.children(county, self.years[-1])
            r = self.draws(county.code, "openings")
            for _ in range(int(r.integers(2, 6))):
                t = townships[int(r.integers(len(townships)))]
                type_ = "clinic" if r.random() < 0.7 else "community_health_station"
                self.new_inst(
                    self.names.institution(type_, t, county),
                    type_,
                    t,
                    county,
                    "private",
                    "private",
                    opened_on=dt.date(int(r.integers(BASE_YEAR + 1, self.years[-1] + 1)), 3, 1),
                )

    def add_merged_centres(self, counties, spec: dict) -> None:
        """The health centres of townships that a reform merged while their centres stayed open for a
        while (达川 2020: 20 towns on the map and 52 township centres built to standard, 第一章一9;
        the merged towns' centres become branches, 分院, under the plan, 第六章第2节). Each stands in
        the town that took its township over and closes as an institution of its own on
        `branches_on`; its names come from a generator of their own (the others' draws stay)."""
        towns = [t for c in counties for t in self.children(c, BASE_YEAR) if t.kind == "town"]
        names = NameMaker(np.random.default_rng([SEED, int(counties[0].code[:6]), 2020]))
        branches_on = dt.date.fromisoformat(str(spec["branches_on"]))
        taken = {p.name[:-1] for p in self.places if p.level == 4}
        for k in range(spec["count"]):
            town = towns[k % len(towns)]
            stem = names.township("town")[:-1]
            while stem in taken:
                stem = names.township("town")[:-1]
            taken.add(stem)
            county = town.parent
            inst = self.new_inst(
                f"{county.name}{stem}乡卫生院",
                "township_health_centre",
                town,
                county,
                "township",
                "public",
                opened_on=dt.date(1958, 1, 1),
                closed_on=branches_on,
            )
            self.names.used.add(inst.name)
            self.merged_into[id(inst)] = town

    def town_centre_of(self, branch: Inst) -> Inst | None:
        """The open health centre of the town that took a merged township's centre over."""
        town = self.merged_into.get(id(branch))
        return next(
            (
                i
                for i in self._by_county.get(branch.county.id, [])
                if i.place is town and i.type in cls.TOWNSHIP_HEALTH_CENTRE_TYPES and i.closed_on is None
            ),
            None,
        )

    def hand_over_to_the_town_centre(self) -> None:
        """A merged township's centre that becomes a branch hands what it holds to its town's centre:
        a standard reached stays reached there, and its beds, staff, vehicles and work go on as the
        branch's (分院) inside the town centre's report, so the county does not lose them the year the
        branch stops reporting of its own; nothing is obtained or opened after it closed."""
        self.hand_over_resources()
        for inst, kind, value, on in list(self.designations):
            if id(inst) not in self.merged_into or on >= inst.closed_on:
                continue
            main = self.town_centre_of(inst)
            if main is None:
                continue
            held = [d for d in self.designations if d[0] is main and d[1] == kind]
            if not held:
                self.designations.append((main, kind, value, inst.closed_on))
            elif min(d[3] for d in held) > inst.closed_on:
                self.designations = [d for d in self.designations if not (d[0] is main and d[1] == kind)]
                self.designations.append((main, kind, value, inst.closed_on))
        self.designations = [d for d in self.designations if not d[0].closed_on or d[3] < d[0].closed_on]
        self.departments = [d for d in self.departments if not d[0].closed_on or d[2] < d[0].closed_on]

    def hand_over_resources(self) -> None:
        """From the year a branch stops reporting, its last year's resources join its town centre's
        rows, growing as the town centre's own do (a measure the centre lacks keeps the branch's)."""
        for branch in [i for i in self.institutions if id(i) in self.merged_into]:
            main = self.town_centre_of(branch)
            reported = sorted(branch.years)
            if main is None or not reported or id(branch) in self.handed_over:
                continue  # (each region's build hands over again: once is enough)
            self.handed_over.add(id(branch))
            last_year, last = reported[-1], branch.years[reported[-1]]
            own = self.own_rows.setdefault(id(main), {y: dict(r) for y, r in main.years.items()})
            base = own.get(last_year, {})
            for year in [y for y in sorted(main.years) if y > last_year]:
                row = main.years[year]
                for measure, value in last.items():
                    if not isinstance(value, int) or isinstance(value, bool) or measure not in row:
                        continue
                    # grown as the centre's own rows grew (not counting branches already joined)
                    growth = own[year][measure] / base[measure] if base.get(measure) else 1.0
                    row[measure] += int(round(value * growth))
                consistent(row)

    # ---------------------------------------------------------------- resources
    def bed_weight(self, i: Inst) -> float:
        if i.category == cls.HOSPITAL and i.level:
            return LEVEL_BED_WEIGHT[i.level] * (0.5 if i.type != "general_hospital" else 1)
        if i.type in cls.TOWNSHIP_HEALTH_CENTRE_TYPES and i.level == 2:
            return SUB_CENTRE_BED_WEIGHT
        return BED_WEIGHT.get(i.type, 0)

    def allocate(self, members: list[Inst], measure: str, total: int, weight, label: str) -> None:
        fixed = sum(i.base[measure] for i in members if measure in i.base)
        free = [i for i in members if measure not in i.base]
        remaining = total - fixed
        weights = [weight(i) * float(self.draws(*i.key, measure, label).lognormal(0, 0.25)) for i in free]
        if remaining < 0 or (remaining and not any(weights)):
            raise ValueError(f"{label}: cannot allocate {remaining} {measure} over {len(free)} institutions")
        for inst, value in zip(free, largest_remainder(remaining, weights) if free else [], strict=True):
            inst.base[measure] = value

    def calibrate(self, region, members: list[Inst], population: int, cal: dict | None) -> None:
        """Base-year resources of the institutions open in the base year, summing to the published totals."""
        totals_spec = (cal or {}).get("totals", {})
        for i in members:
            i.base = {k: v for k, v in i.fixed.items() if k in MEASURES and k != "approved_beds"}

        def total_for(measure):
            spec = totals_spec.get(measure)
            if isinstance(spec, int):
                return spec
            if isinstance(spec, dict):
                factor, rate = (10000, spec["per_10000"]) if "per_10000" in spec else (1000, spec["per_1000"])
                return count_for_rate(rate, factor, population)
            unit = sorted({i.county.code for i in members})
            rate = DEFAULT_RATES[measure] * float(self.draws(*unit, measure).uniform(0.85, 1.15))
            generated = int(round(rate * population / (10000 if measure in SPECS_PER_10000 else 1000)))
            # a generated county holding big named hospitals needs room for them and the rest
            stated = sum(i.base.get(measure, 0) for i in members)
            return max(generated, int(stated * 1.35))

        pools = (cal or {}).get("pools", [])
        # beds first (staff follows beds), pools before the total
        for measure in (
            "actual_beds",
            "health_workers",
            "physicians",
            "nurses",
            "pharmacists",
            "gps",
            "tcm_physicians",
            "childcare_places",
        ):
            if measure == "health_workers":
                weight = lambda i: STAFF_BASE.get(i.type, 30) + 1.25 * i.base.get("actual_beds", 0)  # noqa: E731
            elif measure == "actual_beds":
                weight = self.bed_weight
            else:
                weight = lambda i, m=measure: i.base.get("health_workers", 0) * mix(m, i)  # noqa: E731
            for pool in pools:
                if pool["measure"] == measure:
                    factor, rate = (
                        (10000, pool["per_10000"]) if "per_10000" in pool else (1000, pool["per_1000"])
                    )
                    group = [i for i in members if GROUPS[pool["group"]](i)]
                    self.allocate(
                        group,
                        measure,
                        count_for_rate(rate, factor, population),
                        weight,
                        f"{region['spec']['name']} {pool['group']}",
                    )
            self.allocate(members, measure, total_for(measure), weight, region["spec"]["name"])
        self.keep_staff_consistent(members)
        for i in members:
            self.derive(i)
        self.calibrate_flows(members, (cal or {}).get("flows", []))

    @staticmethod
    def calibrate_flows(members: list[Inst], flows: list[dict]) -> None:
        """Service volumes of the base year as a seed publishes them: a total, the shares of groups
        (hospitals, primary care), an average stay (bed-days over discharges) and bed occupancy of a
        group (bed-days over beds × 365). Stated values of named institutions are kept."""

        def spread(group: list[Inst], measure: str, total: int, weight=None) -> None:
            free = [i for i in group if measure not in i.fixed]
            remaining = total - sum(i.base[measure] for i in group if measure in i.fixed)
            weights = [max(weight(i) if weight else i.base[measure], 1) for i in free]
            for inst, value in zip(free, largest_remainder(remaining, weights), strict=True):
                inst.base[measure] = value

        for flow in flows:
            measure = flow["measure"]
            if "average_length_of_stay" in flow:
                total = int(
                    round(flow["average_length_of_stay"] * sum(i.base["discharges"] for i in members))
                )
            else:
                total = flow.get("total")
            grouped: set[int] = set()
            for group_name, share in flow.get("shares", {}).items():
                group = [i for i in members if GROUPS[group_name](i)]
                spread(group, measure, int(round(total * share / 100)))
                grouped.update(id(i) for i in group)
            discharges_published = any(f["measure"] == "discharges" for f in flows)
            occupancies = dict(flow.get("occupancy", {}))
            whole = occupancies.pop("all", None)
            for group_name, occupancy in occupancies.items():
                group = [i for i in members if GROUPS[group_name](i) and i.base["actual_beds"]]
                if whole is not None:
                    DemoBuilder.open_for_the_whole(members, group, total, whole)
                # one occupancy for the group (bed-days over open bed-days), hospital by hospital (not
                # 128 % here and 70 % there), and discharges that give each the stay of its kind:
                # within the group's published total where there is one, else from its bed-days
                opened = sum(i.base["open_bed_days"] for i in group)
                spread(
                    group, measure, int(round(occupancy / 100 * opened)), lambda i: i.base["open_bed_days"]
                )
                grouped.update(id(i) for i in group)
                stays = {id(i): DemoBuilder.bed_use_of(i)[1] for i in group}
                if discharges_published:
                    total_discharges = sum(i.base["discharges"] for i in group)
                    spread(
                        group,
                        "discharges",
                        total_discharges,
                        lambda i, stays=stays: i.base["bed_days"] / stays[id(i)],
                    )
                else:
                    for i in group:
                        if "discharges" not in i.fixed:
                            i.base["discharges"] = max(int(round(i.base["bed_days"] / stays[id(i)])), 1)
            if total is not None:
                rest = [
                    i
                    for i in members
                    if id(i) not in grouped and (measure != "bed_days" or i.base["actual_beds"])
                ]
                spread(rest, measure, total - sum(i.base[measure] for i in members if id(i) in grouped))

    @staticmethod
    def open_for_the_whole(
        members: list[Inst], group: list[Inst], bed_days: int | None, whole: float
    ) -> None:
        """Open bed-days of `group` such that the occupancy of all `members` is `whole` %: a seed that
        publishes the occupancy of the whole (攀枝花 79.67 %) and of a group (its hospitals 82.82 %)
        beside the bed-days (9.7 days × 29.99万) says how many bed-days were open. The others' beds
        stay open all year; the group's wards open for the rest (a hospital with stated bed-days too)."""
        if bed_days is None:
            raise ValueError("an occupancy of the whole needs the total bed-days (an average stay)")
        in_group = {id(i) for i in group}
        others = sum(i.base["open_bed_days"] for i in members if id(i) not in in_group)
        free = [i for i in group if "bed_days" not in i.fixed]
        needed = (
            int(round(bed_days * 100 / whole))
            - others
            - sum(i.base["open_bed_days"] for i in group if "bed_days" in i.fixed)
        )
        most = sum(i.base["actual_beds"] * 365 for i in free)
        if not 0 < needed <= most:
            raise ValueError(f"{whole} % of all beds leaves {needed} open bed-days for {most} in the group")
        weights = [i.base["actual_beds"] for i in free]
        for inst, value in zip(free, largest_remainder(needed, weights), strict=True):
            inst.base["open_bed_days"] = value

    @staticmethod
    def keep_staff_consistent(members: list[Inst]) -> None:
        """Physicians and nurses never outnumber health workers: move excess nurses to the
        institution with the most room, so that every calibrated total stays as published."""
        for i in members:
            excess = i.base["physicians"] + i.base["nurses"] - i.base["health_workers"]
            if excess <= 0:
                continue
            room = max(
                members, key=lambda m: m.base["health_workers"] - m.base["physicians"] - m.base["nurses"]
            )
            moved = min(excess, i.base["nurses"])
            i.base["nurses"] -= moved
            room.base["nurses"] += moved
            if excess > moved:
                i.base["physicians"] -= excess - moved
                room.base["physicians"] += excess - moved

    def derive(self, i: Inst) -> None:
        """Resources that no seed publishes, derived from the calibrated ones."""
        b = i.base
        beds = b["actual_beds"]
        r = self.draws(*i.key, "derived")
        b.setdefault("approved_beds", i.fixed.get("approved_beds", int(round(beds * r.uniform(0.9, 1.1)))))
        core = b["physicians"] + b["nurses"] + b["pharmacists"]
        b["health_technicians"] = min(
            b["health_workers"],
            max(core, int(round(b["health_workers"] * (0.4 if i.type == "village_clinic" else 0.84)))),
        )
        big = i.category == cls.HOSPITAL and (i.level or 0) >= 2
        b["icu_beds"] = int(round(beds * 0.025)) if big else 0
        b["rehabilitation_beds"] = int(
            round(beds * (0.05 if big else 0.03 if i.category == cls.PRIMARY_CARE else 0))
        )
        psychiatric = i.type == "specialty_hospital" and r.random() < 0.15
        if psychiatric:
            # a hospital mostly of psychiatric beds is a psychiatric hospital by name too (骨科 → 精神)
            psychiatric = self.name_as_psychiatric(i)
        b["psychiatric_beds"] = int(round(beds * (0.6 if psychiatric else 0.01)))
        b["infectious_beds"] = int(round(beds * (0.04 if big else 0.0)))
        b["emergency_observation_beds"] = int(round(beds * (0.02 if big else 0.0)))
        b["public_health_physicians"] = int(round(b["health_workers"] * mix("public_health_physicians", i)))
        ambulances = {
            "ems_centre": 12,
            "ems_station": 3,
            "central_township_health_centre": 2,
            "township_health_centre": 1,
        }
        b["ambulances"] = ambulances.get(i.type, int(beds // 150) + (1 if big else 0))
        b["negative_pressure_ambulances"] = int(
            b["ambulances"] * (0.3 if big or i.type.startswith("ems") else 0)
        )
        occupancy, stay = self.bed_use(i)
        b.setdefault("discharges", int(round(beds * 365 * occupancy / stay)))
        b.setdefault("bed_days", int(round(b["discharges"] * stay)))
        b["open_bed_days"] = beds * 365  # every bed open all year, unless a seed's figures say less
        b["outpatient_visits"] = int(round(b["health_workers"] * r.uniform(600, 1100)))

    def name_as_psychiatric(self, i: Inst) -> bool:
        """Renames a specialty hospital drawn psychiatric (开江县瑞康口腔医院 → 开江县瑞康精神病医院);
        False where that name is taken (it stays a hospital of its own specialty)."""
        if PSYCHIATRIC_NAME in i.name:
            return True
        specialty = next((w for w in SPECIALTY_WORDS if w + "医院" in i.name), None)
        if specialty is None:
            return False
        renamed = i.name.replace(specialty + "医院", PSYCHIATRIC_NAME + "医院")
        if any(other.name == renamed for other in self.institutions):
            return False
        i.name = renamed
        return True

    @staticmethod
    def bed_use_of(i: Inst) -> tuple[float, float]:
        """The middle of the occupancy and stay ranges of its kind (where no draw is at hand)."""
        low, high, stay_low, stay_high = DemoBuilder.use_range(i)
        return (low + high) / 2, (stay_low + stay_high) / 2

    def bed_use(self, i: Inst) -> tuple[float, float]:
        """A plausible bed occupancy (share of bed-days over beds × 365) and average stay (days) for
        an institution of its kind: 三级 hospitals busy with short stays, a psychiatric hospital
        full with long ones, township centres half used (the national 2020-2023 ranges)."""
        low, high, stay_low, stay_high = self.use_range(i)
        r = self.draws(*i.key, "bed use")
        return float(r.uniform(low + 0.05, high - 0.04)), float(r.uniform(stay_low, stay_high))

    @staticmethod
    def use_range(i: Inst) -> tuple[float, float, float, float]:
        """(lowest, highest occupancy; shortest, longest average stay) an institution of its kind shows."""
        b = i.base
        if i.type == "specialty_hospital" and b.get("psychiatric_beds", 0) * 2 > b.get("actual_beds", 0):
            return 0.8, 1.0, 30.0, 60.0
        if i.category == cls.HOSPITAL:
            if (i.level or 0) >= 3:
                return 0.8, 1.0, 7.0, 12.0
            if i.level == 2:
                return 0.66, 0.95, 6.5, 10.0
            return 0.6, 0.85, 5.5, 9.0
        if i.type in cls.BEDDED_PUBLIC_HEALTH_TYPES:
            return 0.6, 0.85, 4.0, 6.5
        return 0.4, 0.8, 5.0, 8.5  # township and community centres

    def flows_of_year(self, i: Inst, row: dict, year: int) -> None:
        """Bed-days and discharges of a year that follow the year's beds: the occupancy of the base
        year (kept within what its kind shows) drifting a little, stays shortening 1.5 % a year, and
        in the year it opened only the days it was open (a hospital that grows from 0 to 980 beds
        fills them; its bed-days do not stay those of 2020)."""
        beds = row.get("actual_beds") or 0
        if not beds:
            row["bed_days"] = row["discharges"] = row["open_bed_days"] = 0
            return
        low, high, stay_low, stay_high = self.use_range(i)
        b = i.base
        open0 = b.get("open_bed_days") or (b.get("actual_beds") or 0) * 365
        open_share = min(open0 / (b["actual_beds"] * 365), 1.0) if b.get("actual_beds") else 1.0
        occupancy0 = b["bed_days"] / open0 if open0 else 0.0
        stay0 = b["bed_days"] / b["discharges"] if b.get("discharges") else 0.0
        if not low <= occupancy0 <= high or not stay_low <= stay0 <= stay_high:
            occupancy0, stay0 = self.bed_use(i)
        r = self.draws(*i.key, "bed drift")
        drift = float(r.uniform(-0.01, 0.005))
        t = year - BASE_YEAR
        occupancy = min(max(occupancy0 * (1 + drift) ** t, low), high)
        stay = min(max(stay0 * 0.985**t, stay_low), stay_high)
        end = dt.date(year, 12, 31)
        opened = i.opened_on if i.opened_on and i.opened_on.year == year else dt.date(year, 1, 1)
        days = (end - opened).days + 1
        row["open_bed_days"] = int(round(beds * days * open_share))
        row["bed_days"] = int(round(row["open_bed_days"] * occupancy))
        row["discharges"] = max(int(round(row["bed_days"] / stay)), 1)

    def project_years(self, region) -> None:
        """Yearly rows from the base year along the region's trends (base year exact)."""
        trends = region["spec"].get("trends", {})
        default = trends.get("default", 0.02)
        achievement = {}
        for i in self.in_counties(region["counties"]):
            if not i.base:  # opened after the base year: like a peer of its type
                peers = [p for p in self._by_county[i.county.id] if p.type == i.type and p.base] or [
                    p for p in self.in_counties(region["counties"]) if p.type == i.type and p.base
                ]
                r = self.draws(*i.key, "peer")
                i.base = dict(peers[int(r.integers(len(peers)))].base) if peers else {}
                if not i.base:
                    continue
            r = self.draws(*i.key, "years")
            ach = achievement.setdefault(i.id, float(r.choice([1.0, 0.85, 0.6])))
            for year in self.years:
                if not i.open_in(year):
                    continue
                if year == BASE_YEAR and i.open_in(BASE_YEAR):
                    i.years[year] = dict(i.base)
                    continue
                t = year - BASE_YEAR
                noise = float(r.lognormal(0, 0.02))
                row = {}
                for m, v in i.base.items():
                    g = trends.get(m, default)
                    row[m] = max(0, int(round(v * (1 + g) ** t * (noise if v > 5 else 1))))
                if i.approved_path:
                    a0, a1 = i.approved_path
                    approved = (
                        a0 + (a1 - a0) * min(max(t / 5, 0), 1.2) * ach if t > 0 else a0 * (1 + 0.01 * t)
                    )
                    row["approved_beds"] = int(round(approved))
                    ratio = (i.base["actual_beds"] / a0) if a0 else 0.9
                    row["actual_beds"] = int(round(approved * ratio))
                consistent(row)
                self.flows_of_year(i, row, year)
                i.years[year] = row

    # ---------------------------------------------------------------- designations, departments
    def qualities(self, region, cal) -> None:
        members = self.in_counties(region["counties"])
        open_base = [i for i in members if i.open_in(BASE_YEAR)]

        def before_base(r):
            return dt.date(int(r.integers(2008, BASE_YEAR)), int(r.integers(1, 13)), 1)

        def after_base(r):
            return dt.date(int(r.integers(BASE_YEAR + 1, self.years[-1] + 1)), int(r.integers(1, 13)), 1)

        stated = {d["kind"]: d for d in (cal or {}).get("departments", [])}
        defaults = {
            "geriatrics": ("level2plus_general_hospitals", 0.5),
            "tcm_department": ("level2plus_public_general_hospitals", 0.9),
            "tcm_hall": ("township_and_community_centres", 0.8),
            "infectious_disease": ("level2plus_general_hospitals", 0.9),
            "fever_clinic": ("township_and_community_centres", 0.5),
            "public_health": ("hospitals", 0.3),
            "rehabilitation": ("hospitals", 0.35),
            "psychiatry": ("hospitals", 0.15),
            "tcm_pharmacy": ("township_and_community_centres", 0.6),
        }
        for kind, (group, share) in defaults.items():
            d = stated.get(kind, {"group": group, "share": share})
            eligible = [i for i in open_base if GROUPS[d["group"]](i)]
            eligible.sort(key=lambda i: (i.synthetic, -(i.level or 0), i.grade or "Z", i.id))
            n = d["count"] if "count" in d else int(round(d["share"] * len(eligible)))
            for i in eligible[:n]:
                r = self.draws(*i.key, kind)
                self.departments.append((i, kind, max(before_base(r), i.opened_on or FAR_PAST)))
            for i in eligible[n:]:  # the rest catch up over the plan period, some of them
                r = self.draws(*i.key, kind)
                if r.random() < 0.5:
                    self.departments.append((i, kind, after_base(r)))
        for i in members:
            r = self.draws(*i.key, "designations")
            if i.type in (*cls.TOWNSHIP_HEALTH_CENTRE_TYPES, "community_health_centre"):
                if r.random() < 0.55:
                    self.designations.append(
                        (i, "primary_basic_standard", None, dt.date(int(r.integers(2019, 2026)), 6, 30))
                    )
                    if r.random() < 0.3:
                        self.designations.append(
                            (
                                i,
                                "primary_recommended_standard",
                                None,
                                dt.date(int(r.integers(2021, 2026)), 11, 30),
                            )
                        )
                if i.type in cls.TOWNSHIP_HEALTH_CENTRE_TYPES and r.random() < 0.25:
                    self.designations.append(
                        (i, "grade_a_township", None, dt.date(int(r.integers(2019, 2026)), 9, 1))
                    )
                if i.type == "central_township_health_centre":
                    r.random()  # the draw of the old coin, so that the draws after it stay as they were
                    on = self.sub_centre_towns.get(i.place.id, (None, None))[0]
                    if on is not None:
                        self.designations.append((i, "county_sub_centre", None, on))
                if r.random() < 0.06:
                    self.designations.append(
                        (i, "community_hospital", None, dt.date(int(r.integers(2020, 2026)), 12, 1))
                    )
            if i.category == cls.HOSPITAL and (i.level or 0) >= 2:
                first = (
                    int(r.integers(3, 6)) if i.level == 3 else int(r.integers(1, 4)),
                    dt.date(int(r.integers(2019, 2025)), 12, 1),
                )
                self.designations += [(i, "emr_level", level, on) for level, on in emr_history(i, *first)]
                if i.level == 3:
                    self.designations.append(
                        (
                            i,
                            "smart_hospital",
                            int(r.integers(1, 4)),
                            dt.date(int(r.integers(2021, 2026)), 12, 1),
                        )
                    )
                    for kind in (
                        "chest_pain_centre",
                        "stroke_centre",
                        "trauma_centre",
                        "critical_maternal_centre",
                        "critical_neonatal_centre",
                    ):
                        if r.random() < 0.6:
                            self.designations.append(
                                (i, kind, None, dt.date(int(r.integers(2017, 2026)), 6, 1))
                            )
                if i.operator == "county" and i.type == "general_hospital":
                    for kind in (
                        "oncology_centre",
                        "chronic_disease_centre",
                        "interventional_centre",
                        "anaesthesia_pain_centre",
                        "critical_care_centre",
                    ):
                        if r.random() < 0.5:
                            self.designations.append(
                                (i, kind, None, dt.date(int(r.integers(2019, 2026)), 6, 1))
                            )

    def calibrate_designations(self, region, cal) -> None:
        """Base-year counts of designations a seed publishes (攀枝花: 2 chest-pain and 2 stroke
        centres): holders beyond the count obtain it after the base year, missing ones before it,
        as far as the division has eligible institutions."""
        counts = (cal or {}).get("designations", {})
        if not counts:
            return
        end = dt.date(BASE_YEAR, 12, 31)
        code = cal["division"]
        prefix = code[:4] if code.endswith("00") else code  # a city's counties, or the county itself
        members = [i for i in self.in_counties(region["counties"]) if i.county.code.startswith(prefix)]
        ids = {id(i) for i in members}
        for kind, wanted in counts.items():
            held = [n for n, d in enumerate(self.designations) if d[1] == kind and id(d[0]) in ids]
            # a holder counts in the base year if it held the designation and was open then
            before = [
                n
                for n in held
                if self.designations[n][3] <= end and self.designations[n][0].open_in(BASE_YEAR)
            ]
            for n in before[wanted:]:  # too many in the base year: obtained later
                inst, _kind, value, _on = self.designations[n]
                self.designations[n] = (inst, kind, value, dt.date(BASE_YEAR + 1, 6, 30))
            holders = {id(self.designations[n][0]) for n in held}
            group = GROUPS[
                "township_and_community_centres" if kind.startswith("primary_") else "level3_hospitals"
            ]
            candidates = [i for i in members if group(i) and i.open_in(BASE_YEAR) and id(i) not in holders]
            later = [
                n
                for n in held
                if self.designations[n][3] > end and self.designations[n][0].open_in(BASE_YEAR)
            ]
            for n in later[: max(wanted - len(before), 0)]:  # too few: some obtained earlier
                inst, _kind, value, _on = self.designations[n]
                self.designations[n] = (inst, kind, value, dt.date(BASE_YEAR, 6, 30))
            for inst in candidates[: max(wanted - len(before) - len(later), 0)]:
                self.designations.append((inst, kind, None, dt.date(BASE_YEAR, 6, 30)))

    # ---------------------------------------------------------------- all
    def build(self, specs: list[dict] | None = None) -> "DemoBuilder":
        specs = specs if specs is not None else load_specs()
        for spec in specs:
            region = self.build_region(spec)
            region["county_population"] = self.county_populations(region)
            self.build_population(region)
            self.add_named(region)
            self.plan_sub_centres(region)
            cal = spec.get("calibration")
            cal_counties = [
                c
                for c in region["counties"]
                if cal and (c.code[:6] == cal["division"] or spec["code"] == cal["division"])
            ]
            if cal:
                self.add_synthetic(region, cal_counties, cal["institutions"], cal.get("levels", {}))
                if cal.get("merged_centres"):
                    self.add_merged_centres(cal_counties, cal["merged_centres"])
            other = [c for c in region["counties"] if c not in cal_counties]
            if other:
                self.standard_county_set({**region, "counties": other})
                for county in other:
                    self.add_synthetic(region, [county], self.type_counts(region, [county]), {})
            for unit in ([cal_counties] if cal_counties else []) + [[c] for c in other]:
                members = [i for i in self.in_counties(unit) if i.open_in(BASE_YEAR)]
                population = sum(region["county_population"][c.id] for c in unit)
                self.calibrate(
                    region, members, population, cal if unit is cal_counties or unit == cal_counties else None
                )
            self.later_changes(region["counties"])
            self.project_years(region)
            self.qualities(region, cal)
            self.calibrate_designations(region, cal)
            self.hand_over_to_the_town_centre()
        # dates drawn in the open year may fall after today: nothing is obtained or opened yet to come
        self.designations = [(i, k, v, not_after(d, self.today)) for i, k, v, d in self.designations]
        self.departments = [(i, k, not_after(d, self.today)) for i, k, d in self.departments]
        return self


def consistent(row: dict) -> None:
    """What a yearly row must hold whatever grew: negative-pressure ambulances among the ambulances,
    physicians and nurses among the health workers, technicians no more than the workers."""
    row["negative_pressure_ambulances"] = min(row["negative_pressure_ambulances"], row["ambulances"])
    row["health_workers"] = max(row["health_workers"], row["physicians"] + row["nurses"])
    row["health_technicians"] = min(row["health_technicians"], row["health_workers"])


def _predecessors_in(self: Place, builder: DemoBuilder, year: int) -> list[Place]:
    return [
        p for p in builder.places if p.successor is self and not p.valid_in(year) and p.level == self.level
    ]


Place.predecessors_in = _predecessors_in


def load_specs(files=REGION_FILES) -> list[dict]:
    return [yaml.safe_load((DATA_DIR / f).read_text(encoding="utf-8")) for f in files]


# The EMR levels a hospital reaches after its first evaluation: the plans push each level up (提高电子病历
# 分级评价等级), so a hospital is evaluated again now and then, a level higher each time (a year's chance, up
# to a level-3 hospital's 6 or a level-2 hospital's 4), each result published at mid-year (30 June: the
# demo's 2025 is known by its today, 15 October).
EMR_UPGRADE_CHANCE = 0.35
EMR_TOP_LEVEL = {2: 4, 3: 6}
EMR_LAST_YEAR = 2025


def emr_history(hospital: Inst, level: int, on: dt.date) -> list[tuple[int, dt.date]]:
    """(level, date) of each evaluation, the first one given; drawn on the hospital's own stream, so
    the demo's other draws stay as they were."""
    draws = np.random.default_rng(zlib.crc32(f"emr:{hospital.code}".encode()))
    history = [(level, on)]
    for year in range(on.year + 1, EMR_LAST_YEAR + 1):
        if level < EMR_TOP_LEVEL.get(hospital.level or 2, 4) and draws.random() < EMR_UPGRADE_CHANCE:
            level += 1
            history.append((level, dt.date(year, 6, 30)))
    return history

"""Small objects for unit tests, without the demo region: divisions, institutions, yearly reports,
users of each role and plans. Each function saves through the model (so the rules of `save` apply)
and takes any field to override. Codes start with 99 (no real province), so they never collide
with the demo built once per test database.

    province = division("990000000000")
    county = division("990102000000", parent=division("990100000000", parent=province))
    hospital = institution(county)
    county_user = user("county", divisions=[county])
"""

import datetime as dt
import itertools

from tixi.accounts.models import Role, User
from tixi.geo.engine.codes import level_of
from tixi.geo.models import Division
from tixi.indicators.models import Plan
from tixi.ledger.models import Project, Task, Unit
from tixi.registry.models import Institution, InstitutionYear

_serial = itertools.count(1)


def division(code: str, parent: Division | None = None, **fields) -> Division:
    """A division of the current map; its level follows from the code."""
    fields = {"name": f"测试区划{code}", "level": level_of(code), "valid_from": dt.date(2000, 1, 1), **fields}
    return Division.objects.create(code=code, parent=parent, **fields)


def institution(in_division: Division, **fields) -> Institution:
    n = next(_serial)
    fields = {"code": f"T{n:06d}", "name": f"测试医院{n}", "type": "general_hospital", "level": 2, **fields}
    return Institution.objects.create(division=in_division, **fields)


def yearly_report(of: Institution, year: int, **resources) -> InstitutionYear:
    """A report filed where the institution lies now, or in `division=` (where it lay that year)."""
    resources = {"division": of.division, **resources}
    return InstitutionYear.objects.create(institution=of, year=year, **resources)


def user(role: str, divisions=(), institutions=(), **fields) -> User:
    """A user of a role (Role.values) with a scope; no usable password unless one is given."""
    assert role in Role.values, role
    created = User.objects.create(
        username=fields.pop("username", f"{role}-{next(_serial)}"), role=role, **fields
    )
    created.scope_divisions.set(divisions)
    created.scope_institutions.set(institutions)
    return created


def plan(region: Division, **fields) -> Plan:
    n = next(_serial)
    fields = {
        "code": f"test-plan-{n}",
        "title": f"测试规划{n}",
        "issuer": "测试人民政府",
        "period_start": 2021,
        "period_end": 2025,
        **fields,
    }
    return Plan.objects.create(region=region, **fields)


def catalogue() -> None:
    """The shared indicator catalogue (data elements, indicators, national targets, data sets) as every
    installation loads it from tixi/indicators/data: no region, no seed figures."""
    from tixi.indicators.services import load_catalogue

    load_catalogue()


def two_cities() -> dict[str, Division]:
    """A province with two cities, a county in each and a township in the first: the shape of the demo's
    攀枝花 (city) / 米易 (county) and 达州 (other_city) / 达川 (other_county)."""
    province = division("990000000000")
    city = division("990100000000", parent=province)
    county = division("990102000000", parent=city)
    other_city = division("990200000000", parent=province)
    return {
        "province": province,
        "city": city,
        "county": county,
        "township": division("990102100000", parent=county),
        "other_city": other_city,
        "other_county": division("990203000000", parent=other_city),
    }


def two_counties() -> dict[str, Division]:
    """A province with one city of two counties, east and west (no township)."""
    province = division("990000000000")
    city = division("990100000000", parent=province)
    return {
        "province": province,
        "city": city,
        "east": division("990101000000", parent=city),
        "west": division("990102000000", parent=city),
    }


# the shapes of the `region` fixture (tests/conftest.py), chosen with pytest.mark.region("<shape>")
REGIONS = {"two_cities": two_cities, "two_counties": two_counties}


def seven_roles(region: dict[str, Division] | None = None) -> dict[str, User]:
    """The demo's seven accounts by name, on `two_cities()`: planner, cdc and auditor of the city, county
    of its county, institution of its city hospital; dazhou the other city's planner, dachuan its
    county's. A module that overrides the `users` fixture with these gets `api` and `web` for free (user
    names start with kit-: the demo's own accounts may be in the same test database)."""
    region = region or two_cities()
    hospital = institution(region["city"], name="测试市中心医院", level=3)
    return {
        "planner": user(Role.PLANNER, divisions=[region["city"]], username="kit-planner"),
        "county": user(Role.COUNTY, divisions=[region["county"]], username="kit-county"),
        "institution": user(Role.INSTITUTION, institutions=[hospital], username="kit-institution"),
        "cdc": user(Role.CDC, divisions=[region["city"]], username="kit-cdc"),
        "auditor": user(Role.AUDITOR, divisions=[region["city"]], username="kit-auditor"),
        "dazhou": user(Role.PLANNER, divisions=[region["other_city"]], username="kit-dazhou"),
        "dachuan": user(Role.COUNTY, divisions=[region["other_county"]], username="kit-dachuan"),
    }


def institutions_in(region: dict[str, Division], years=(2020, 2024)) -> dict[str, Institution]:
    """A small registry on `two_cities()`: the city's central hospital (the `institution` user's, when
    `seven_roles` made it), a county hospital, a township health centre and a village clinic in the
    county, and a hospital of the other city's county; each with a yearly report for each of `years`
    (beds, nurses and health workers that differ by institution and year, so sums are not trivial);
    and a village clinic of the county closed in 2019 (no reports), which no list of 2020 or later holds."""
    central = Institution.objects.filter(division=region["city"], name="测试市中心医院").first()
    built = {
        "central": central or institution(region["city"], name="测试市中心医院", level=3),
        "county_hospital": institution(region["county"], name="测试县人民医院", level=2),
        "township_centre": institution(
            region["township"], name="测试镇卫生院", type="township_health_centre", level=1
        ),
        "village_clinic": institution(
            region["township"], name="测试村卫生室", type="village_clinic", level=None
        ),
        "other_city_hospital": institution(region["other_county"], name="测试外市县医院", level=2),
    }
    closed = institution(
        region["township"],
        name="测试已撤卫生室",
        type="village_clinic",
        level=None,
        closed_on=dt.date(2019, 6, 30),
    )
    for k, each in enumerate(built.values(), start=1):
        for year in years:
            beds = 10 * k + year - 2020
            yearly_report(
                each, year, actual_beds=beds, approved_beds=beds, nurses=k + 1, health_workers=4 * k + 2
            )
    return {**built, "closed_clinic": closed}


def unit(name: str, in_division: Division, members=()) -> Unit:
    """A responsible unit as plans name them (县卫生健康局), of a division; `members` report for it."""
    created, _ = Unit.objects.get_or_create(name=name, division=in_division)
    created.members.add(*members)
    return created


def task(of: Plan, lead=(), cooperating=(), **fields) -> Task:
    """A task of the plan's ledger, led by `lead` units (by default the plan region's 卫生健康局)."""
    n = next(_serial)
    fields = {
        "clause": f"（{n}）",
        "title": f"测试任务{n}",
        "text": f"完成测试任务{n}。",
        "order": n,
        "deadline": dt.date(of.period_end, 12, 31),
        **fields,
    }
    created = Task.objects.create(plan=of, **fields)
    created.lead_units.set(lead or [unit("卫生健康局", of.region)])
    created.cooperating_units.set(cooperating)
    return created


def project(of: Plan, **fields) -> Project:
    """A major construction project of the plan's annex, in the plan's region."""
    n = next(_serial)
    fields = {
        "number": n,
        "name": f"测试建设项目{n}",
        "site": "测试地点",
        "division": of.region,
        "content": "新建业务用房",
        "start_year": of.period_start,
        "end_year": of.period_end,
        "investment": 1000,
        "leader": "张三",
        **fields,
    }
    if "unit" not in fields:
        fields["unit"] = unit("卫生健康局", of.region)
    return Project.objects.create(plan=of, **fields)


def population(of: Division, year: int, per_band: int = 100) -> int:
    """Residents of a division in a year: `per_band` of each sex in each age band; returns the total."""
    from tixi.geo.models import AGE_BANDS, Population

    Population.objects.bulk_create(
        Population(division=of, year=year, sex=sex, age_band=band, count=per_band)
        for sex in ("M", "F")
        for band in AGE_BANDS
    )
    return per_band * 2 * len(AGE_BANDS)


def sample_county(name: str = "测试县") -> Division:
    """测试县 (990102) in 测试市 of province 99: where the layout tests judge their norms."""
    city = division("990100000000", parent=division("990000000000"), name="测试市")
    return division("990102000000", parent=city, name=name)


def peopled(code: str, parent: Division, name: str, people: int, year: int) -> Division:
    """A place with `people` residents in `year` (one row: adults of one sex)."""
    from tixi.geo.models import Population

    place = division(code, parent=parent, name=name)
    Population.objects.create(division=place, year=year, sex="M", age_band="15-59", count=people)
    return place


def square(lon: float, lat: float, size: float = 0.1) -> dict:
    """A GeoJSON square of `size` degrees from its south-west corner."""
    ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]
    return {"type": "Polygon", "coordinates": [ring]}


def nine_square_towns(county: Division, year: int, per_band=lambda n: 100) -> list[tuple[Division, int, int]]:
    """The county as nine towns of 0.1° (about 10 km) in a 3 × 3 square from 107°E 31°N, town n (1-9, the
    middle one 5) with `per_band(n)` residents per age band in `year`: [(town, row, column)]."""
    from tixi.geo.models import Boundary

    Boundary.objects.create(division=county, geometry=square(107.0, 31.0, 0.3))
    towns = []
    for i in range(3):
        for j in range(3):
            n = i * 3 + j + 1
            town = division(f"{county.code[:6]}{n:03d}000", parent=county, name=f"镇{i}{j}")
            Boundary.objects.create(division=town, geometry=square(107.0 + 0.1 * j, 31.0 + 0.1 * i))
            population(town, year, per_band=per_band(n))
            towns.append((town, i, j))
    return towns


def client_of(user, language: str = "zh-hans"):
    """A test client logged in as `user`, its pages in `language` (the downloads' tests ask both)."""
    from django.test import Client

    client = Client()
    client.cookies["django_language"] = language
    client.force_login(user)
    return client

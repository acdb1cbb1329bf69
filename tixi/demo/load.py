"""Write a built demo into the database in bulk, in one transaction, and create the demo accounts."""

from django.db import connection, transaction
from django.utils import timezone

from tixi.accounts import audit
from tixi.accounts.models import Role, User
from tixi.core import clock
from tixi.demo.builder import DemoBuilder
from tixi.geo.models import Boundary, Division, Population
from tixi.ledger.models import Unit
from tixi.registry.models import Department, Designation, Institution, InstitutionYear

DEMO_PASSWORD = "tixi-demo"
BATCH = 5000


def _polygon(place) -> dict:
    """The place's irregular outline (tixi/demo/shapes.py), or its box; to 5 decimals (about 1 m)."""
    if place.ring is not None:
        ring = [[round(x, 5), round(y, 5)] for x, y in place.ring]
        ring = [p for i, p in enumerate(ring) if i == 0 or p != ring[i - 1]]
        ring[-1] = ring[0]
        return {"type": "Polygon", "coordinates": [ring]}
    w, s, e, n = (round(v, 5) for v in place.bbox)
    return {"type": "Polygon", "coordinates": [[[w, s], [e, s], [e, n], [w, n], [w, s]]]}


@transaction.atomic
def write(builder: DemoBuilder) -> dict:
    divisions = [
        Division(
            id=p.id,
            code=p.code,
            name=p.name,
            level=p.level,
            parent_id=p.parent.id if p.parent else None,
            path=p.path,
            valid_from=p.valid_from,
            valid_to=p.valid_to,
            is_synthetic=p.synthetic,
        )
        for p in builder.places
    ]
    Division.objects.bulk_create(divisions, batch_size=BATCH)
    for p in builder.places:
        if p.successor:
            Division.objects.filter(id=p.id).update(successor_id=p.successor.id)
    Boundary.objects.bulk_create(
        [
            Boundary(division_id=p.id, geometry=_polygon(p), is_synthetic=True)
            for p in builder.places
            if p.bbox
        ],
        batch_size=BATCH,
    )
    Population.objects.bulk_create(
        [
            Population(division_id=t.id, year=y, sex=s, age_band=b, count=n, is_synthetic=True)
            for t, y, s, b, n in builder.population
        ],
        batch_size=BATCH,
    )
    last_year = builder.years[-1]
    Institution.objects.bulk_create(
        [
            Institution(
                id=i.id,
                code=i.code,
                name=i.name,
                type=i.type,
                level=i.grade_in(builder.today.year)[0],
                grade=i.grade_in(builder.today.year)[1],
                ownership=i.ownership,
                operator=i.operator,
                division_id=i.place.on_map(last_year).id,
                longitude=i.point[0],
                latitude=i.point[1],
                opened_on=i.opened_on,
                closed_on=i.closed_on,
                is_synthetic=i.synthetic,
            )
            for i in builder.institutions
        ],
        batch_size=BATCH,
    )
    rows = []
    for i in builder.institutions:
        for year, values in i.years.items():
            place = i.place.on_map(year)
            rows.append(
                InstitutionYear(
                    institution_id=i.id,
                    year=year,
                    division_id=place.id,
                    division_path=place.path,
                    is_synthetic=True,
                    type=i.type,
                    level=i.grade_in(year)[0],
                    grade=i.grade_in(year)[1],
                    ownership=i.ownership,
                    operator=i.operator,
                    **values,
                )
            )
    InstitutionYear.objects.bulk_create(rows, batch_size=BATCH)
    Designation.objects.bulk_create(
        [
            Designation(institution_id=i.id, kind=k, value=v, obtained_on=d, is_synthetic=True)
            for i, k, v, d in builder.designations
        ],
        batch_size=BATCH,
    )
    Department.objects.bulk_create(
        [
            Department(institution_id=i.id, kind=k, opened_on=d, is_synthetic=True)
            for i, k, d in builder.departments
        ],
        batch_size=BATCH,
    )
    if connection.vendor == "postgresql":  # explicit ids were given: move the sequences past them
        with connection.cursor() as cursor:
            for model in (Division, Institution):
                table = model._meta.db_table
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
                )
    counts = {
        "divisions": len(divisions),
        "population_rows": len(builder.population),
        "institutions": len(builder.institutions),
        "yearly_resources": len(rows),
        "designations": len(builder.designations),
        "departments": len(builder.departments),
    }
    for label, n in counts.items():
        audit.record_bulk(label, "demo region built (synthetic where not published)", n)
    return counts


# The regions of the seed plans (达州 with 达川, 巴中, 巫山): the demo planner reads and writes their
# ledgers besides the demo region, so every page has something to show.
SEED_REGIONS = ("511700000000", "511900000000", "500237000000")

DEMO_ACCOUNTS = (
    # username, role, division codes (12 digits) or institution name, units (region code, name)
    # each a member of the units whose tasks the demo's ledger gives them (tixi.demo.ledger_story)
    ("planner", Role.PLANNER, ("510400000000", *SEED_REGIONS), None, (("510400000000", "市卫生健康委"),)),
    ("county", Role.COUNTY, ("510421000000",), None, (("510421000000", "米易县卫生健康局"),)),
    ("institution", Role.INSTITUTION, (), "攀枝花市中心医院", (("510400000000", "攀枝花市中心医院"),)),
    ("cdc", Role.CDC, ("510400000000",), None, (("510400000000", "市疾病预防控制中心"),)),
    ("auditor", Role.AUDITOR, ("510400000000",), None, ()),
    # a member of 达州's 市卫生健康委 (lead unit of most of the city's tasks), of 达川's bureau
    # (responsible for annex projects) and of 达川's government (its part of the city's tasks):
    # they report progress and close rectification loops
    ("dazhou", Role.PLANNER, ("511700000000",), None, (("511700000000", "市卫生健康委"),)),
    (
        "dachuan",
        Role.COUNTY,
        ("511703000000",),
        None,
        (("511703000000", "达川区卫生健康局"), ("511703000000", "达川区人民政府")),
    ),
)


@transaction.atomic
def create_demo_accounts() -> list[tuple[str, str, str]]:
    """One account per role, all with the demo password. Only `tixi demo` calls this."""
    created = []
    today_year = clock.today().year
    for username, role, division_codes, institution_name, units in DEMO_ACCOUNTS:
        # joined now: on the demo's today while the demo is built (the field's default is fixed at import)
        user, _ = User.objects.get_or_create(
            username=username, defaults={"role": role, "date_joined": timezone.now()}
        )
        user.role = role
        user.is_staff = role == Role.PLANNER
        user.set_password(DEMO_PASSWORD)
        user.save()
        if division_codes:
            divisions = [
                Division.objects.at(code, today_year) or Division.objects.at(code) for code in division_codes
            ]
            user.scope_divisions.set([d for d in divisions if d is not None])
            scope = "、".join(d.name for d in divisions if d is not None)
        else:
            institution = Institution.objects.get(name=institution_name)
            user.scope_institutions.set([institution])
            scope = institution.name
        # the units exist once the seeds' ledger is loaded
        user.units.set(
            [u for code, name in units for u in Unit.objects.filter(division__code=code, name=name)]
        )
        if role == Role.PLANNER:
            from django.contrib.auth.models import Permission

            user.user_permissions.set(
                Permission.objects.filter(content_type__app_label__in=["geo", "registry"])
            )
        created.append((username, str(role.label), scope))
    return created

"""The demo's discharge records: a synthetic sample of every seed-region hospital's stays (each record
stands for `SAMPLE` stays, so volumes, shares and bed occupancy come out at full scale), the demo (演示)
procedure lists and DRG weights, and the plan figures computed from them."""

import datetime as dt
import logging
import time
from pathlib import Path

import duckdb
from django.db import connection, transaction
from django.utils import timezone

from tixi.accounts import audit
from tixi.hospitals import figures, importing, targets
from tixi.hospitals.engine import records, synthetic
from tixi.hospitals.models import CodeList, CodeListEntry, CodeMap, Discharge, Weight, WeightTable
from tixi.indicators.models import Plan
from tixi.registry.engine import classification
from tixi.registry.models import InstitutionType, InstitutionYear

logger = logging.getLogger(__name__)
SAMPLE = 150  # one synthetic record for 150 stays: ~12,000 records a year for the seed regions
LIST_VERSION = "演示2024"
WEIGHT_VERSION = "演示CHS-DRG1.1"
# clinical → 医保 codes as OpenDRG converts them (Apache-2.0; see data/chs_drg_1_1/NOTICE.md): not a demo
CODE_MAP_VERSION = "国临→医保2.0-5d523a2"
CODE_MAP_FILE = Path(__file__).parent / "data" / "chs_drg_1_1" / "clinical_to_insurance.csv"
CODE_MAP_SOURCE = "OpenDRG/DRG_Python chs_drg_11 ICD/ZD_MAP.dat, SS_MAP.dat @5d523a2 (Apache-2.0)"
YEARS = range(2020, 2026)


@transaction.atomic
def store_demo_lists() -> None:
    for kind, entries in synthetic.demo_lists().items():
        code_list, _created = CodeList.objects.update_or_create(
            kind=kind, version=LIST_VERSION, defaults={"is_demo": True}
        )
        code_list.entries.all().delete()
        CodeListEntry.objects.bulk_create(
            [CodeListEntry(code_list=code_list, code=c, name=n) for c, n in entries]
        )
    table, _created = WeightTable.objects.update_or_create(version=WEIGHT_VERSION, defaults={"is_demo": True})
    table.weights.all().delete()
    Weight.objects.bulk_create(
        [Weight(table=table, drg=d, weight=w) for d, w in synthetic.demo_weights().items()]
    )
    importing.import_code_map(CODE_MAP_VERSION, CODE_MAP_FILE, source=CODE_MAP_SOURCE)
    # stamped at the start of the demo's day: on a pinned day only the time of day moves, so a list, table or
    # mapping the commission imports later that day (at 07:00, say) is still the latest, whatever hour the demo
    # was built (the OpenDRG mapping is real data, not a demo one, so is_demo alone cannot rank it below)
    # (the day is the one each was just stamped with by the platform's clock)
    for model, version in (
        (CodeList, LIST_VERSION),
        (WeightTable, WEIGHT_VERSION),
        (CodeMap, CODE_MAP_VERSION),
    ):
        for pk, stamp in model.objects.filter(version=version).values_list("pk", "imported_at"):
            start = timezone.localtime(stamp).replace(hour=0, minute=0, second=0, microsecond=0)
            model.objects.filter(pk=pk).update(imported_at=start)


def hospital_years(year: int) -> list[dict]:
    hospital_types = [
        t for t in InstitutionType.values if classification.category_of(t) == classification.HOSPITAL
    ]
    rows = list(
        InstitutionYear.objects.filter(year=year, type__in=hospital_types, actual_beds__gt=0).values(
            "institution_id", "institution__code", "level", "actual_beds", "division__code"
        )
    )
    counties_of_city: dict[str, set[str]] = {}
    for r in rows:
        county = (r["division__code"] or "")[:6]
        counties_of_city.setdefault(county[:4], set()).add(county)
    hospitals = []
    for r in rows:
        county = (r["division__code"] or "")[:6]
        others = sorted(counties_of_city[county[:4]] - {county}) or [county]
        hospitals.append(
            {
                "institution_id": r["institution_id"],
                "hospital": r["institution__code"],
                "level": r["level"] or 1,
                "beds": r["actual_beds"],
                "county": county,
                "other_counties": others,
            }
        )
    return hospitals


def generate_discharges(
    years=YEARS,
    sample: int = SAMPLE,
    today: dt.date | None = None,
    hospitals_of=hospital_years,
    calibrate=None,
) -> int:
    """Replaces the synthetic records of those years; stays end before `today` (the demo's today).
    `hospitals_of(year)` lists the hospitals to draw; `calibrate(con, hospitals, year)`, where given,
    adjusts the drawn table before it is stored (the demo: to each hospital's reported figures)."""
    columns = [*records.STORED_COLUMNS, "is_synthetic", "represents"]
    sql = f"INSERT INTO {Discharge._meta.db_table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
    written = 0
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    with transaction.atomic():
        Discharge.objects.filter(is_synthetic=True, year__in=list(years))._raw_delete(connection.alias)
        for year in years:
            hospitals = hospitals_of(year)
            synthetic.generate(con, hospitals, year, seed=20240101 + year, sample=sample)
            if calibrate:
                calibrate(con, hospitals, year)
            cut = f"WHERE discharged_at < '{today:%Y-%m-%d}'" if today and today.year == year else ""
            result = con.execute(
                f"SELECT {', '.join(records.STORED_COLUMNS)}, true, represents FROM generated {cut}"
            )
            with connection.cursor() as cursor:
                while batch := result.fetchmany(20_000):
                    cursor.executemany(sql, batch)
                    written += len(batch)
        audit.record_bulk("hospitals.Discharge", f"demo: synthetic sample 1/{sample}", written)
    con.close()
    return written


def publish_plan_regions(years=YEARS) -> int:
    """The plan figures of every plan region whose targets read hospital figures."""
    elements = set(targets.BY_ELEMENT) | {targets.IN_COUNTY}
    regions = {
        p.region
        for p in Plan.objects.select_related("region").prefetch_related("targets__indicator")
        if any(t.indicator and t.indicator.numerator.strip("#{}") in elements for t in p.targets.all())
    }
    written = 0
    for region in sorted(regions, key=lambda d: d.code):
        for year in years:
            loaded = figures.load(region, year, lists=LIST_VERSION, weights=WEIGHT_VERSION)
            written += targets.publish(loaded, is_synthetic=True)
            loaded.con.close()
    return written


def build(today: dt.date | None = None, hospitals_of=hospital_years, calibrate=None) -> dict:
    store_demo_lists()
    started = time.perf_counter()
    # no records of a year not yet begun: the demo's today closes them
    years = range(YEARS.start, today.year + 1) if today else YEARS
    count = generate_discharges(years, today=today, hospitals_of=hospitals_of, calibrate=calibrate)
    logger.info("hospitals demo: %s records in %.1f s", count, time.perf_counter() - started)
    return {
        f"discharge_records (synthetic, 1/{SAMPLE} sample)": count,
        "hospital_figures": publish_plan_regions(years),
    }

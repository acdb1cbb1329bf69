"""The demo's discharge records follow each hospital's yearly report: as many stays as the registry's
discharges and as many bed-days as its occupied bed-days, so that the hospital page and
`tixi hospitals indicators` (computed from the records) read the occupancy and stay the registry shows.

The synthetic generator draws about beds × a rate of stays with stays of its catalogue's lengths.
Here each hospital is given the number of records its reported discharges need (one for about
`SAMPLE` stays, at least one), each record stands for discharges ÷ records stays, and after the draw
the lengths of its stays (not day surgery) are scaled, in whole days, so that they add up to the
reported bed-days. What the catalogue draws (diagnoses, procedures, DRGs, deaths) is left as drawn."""

import datetime as dt
import math

from tixi.hospitals import demo as hospitals_demo
from tixi.hospitals.engine import synthetic
from tixi.hospitals.engine.indicators import insert_rows
from tixi.registry.models import InstitutionYear

TIME = "%Y-%m-%d %H:%M"


def hospitals_as_reported(year: int) -> list[dict]:
    """The year's hospitals for the generator, each with the records its reported discharges need
    (as the beds the generator turns into that many) and `represents`/`bed_days` for `calibrate`."""
    hospitals = hospitals_demo.hospital_years(year)
    reported = {
        r["institution_id"]: (r["discharges"] or 0, r["bed_days"] or 0)
        for r in InstitutionYear.objects.filter(
            year=year, institution_id__in=[h["institution_id"] for h in hospitals]
        ).values("institution_id", "discharges", "bed_days")
    }
    for h in hospitals:
        discharges, bed_days = reported.get(h["institution_id"], (0, 0))
        if discharges <= 0 or bed_days <= 0:
            continue  # no yearly report: drawn from its beds as before
        records = max(1, round(discharges / hospitals_demo.SAMPLE))
        rate = synthetic.DISCHARGES_PER_BED.get(h["level"] or 1, 22.0)
        h["beds"] = records * hospitals_demo.SAMPLE / rate  # the generator draws beds × rate ÷ sample
        h["records"] = records
        h["represents"] = round(discharges / records)
        h["bed_days"] = bed_days
    return hospitals


def stay_days(admitted_at: str, discharged_at: str) -> int:
    """A record's bed-days as the indicators count them: calendar days between, at least one."""
    return max((dt.date.fromisoformat(discharged_at[:10]) - dt.date.fromisoformat(admitted_at[:10])).days, 1)


def spread(weights: list[float], total: int) -> list[int]:
    """Whole numbers of at least 1, in proportion to `weights`, adding up to `total` (or to one
    each where `total` is less than their count): the largest remainders get the days left over."""
    n = len(weights)
    total = max(total, n)
    fixed: dict[int, int] = {}
    while True:
        free = [i for i in range(n) if i not in fixed]
        left = total - sum(fixed.values())
        weight = sum(weights[i] for i in free) or 1.0
        shares = {i: (weights[i] or 1.0) * left / weight for i in free}
        low = [i for i, x in shares.items() if x < 1]
        if not low:
            break
        fixed.update(dict.fromkeys(low, 1))
    out = [fixed.get(i, 0) for i in range(n)]
    for i, x in shares.items():
        out[i] = math.floor(x)
    rest = total - sum(out)
    for i in sorted(shares, key=lambda i: shares[i] - math.floor(shares[i]), reverse=True)[:rest]:
        out[i] += 1
    return out


def calibrate(con, hospitals: list[dict], year: int, table: str = "generated") -> None:
    """Gives each reported hospital's records its `represents` and stretches or shortens its stays
    (the day surgeries kept) so that they add up to its reported bed-days."""
    wanted = {h["institution_id"]: h for h in hospitals if "represents" in h}
    if not wanted:
        return
    rows = con.execute(
        f"SELECT institution_id, record_id, admitted_at, discharged_at, coalesce(day_surgery, false), "
        f"procedure_dates FROM {table}"
    ).fetchall()
    by_hospital: dict[int, list] = {}
    for row in rows:
        if row[0] in wanted:
            by_hospital.setdefault(row[0], []).append(row)
    changes = []
    for institution_id, records in by_hospital.items():
        h = wanted[institution_id]
        represents = h["represents"]
        target = round(h["bed_days"] / represents)  # record-days: each stands for `represents` stays
        kept = [r for r in records if r[4]]
        scaled = [r for r in records if not r[4]]
        if not scaled:
            scaled, kept = kept, []
        days_kept = sum(stay_days(r[2], r[3]) for r in kept)
        new_days = spread([stay_days(r[2], r[3]) for r in scaled], target - days_kept)
        for r in kept:
            changes.append((institution_id, r[1], r[2], r[5], represents))
        for r, days in zip(scaled, new_days, strict=True):
            discharged = dt.datetime.strptime(r[3], TIME)
            admitted = (discharged - dt.timedelta(days=days)).strftime(TIME)
            # procedures are dated on the day of admission
            dates = (r[5] or "").replace(r[2][:10], admitted[:10])
            changes.append((institution_id, r[1], admitted, dates, represents))
    con.execute(
        "CREATE OR REPLACE TEMP TABLE g_calibrated (institution_id BIGINT, record_id VARCHAR, "
        "admitted_at VARCHAR, procedure_dates VARCHAR, represents INTEGER)"
    )
    insert_rows(con, "g_calibrated", changes)
    con.execute(
        f"""UPDATE {table} AS g SET admitted_at = c.admitted_at, procedure_dates = c.procedure_dates,
               represents = c.represents
            FROM g_calibrated c WHERE g.institution_id = c.institution_id AND g.record_id = c.record_id"""
    )
    con.execute("DROP TABLE g_calibrated")

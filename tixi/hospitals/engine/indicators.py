"""Hospital performance indicators from discharge records, as the national assessment (国考) defines them,
written once as SQL over a per-case fact table and run on DuckDB.

Inputs (tables of one DuckDB connection):
- `discharges`: one row per stay (the stored columns of a discharge record, `|`-separated lists);
- `hospitals(institution_id, hospital, level, beds, county)`: the registry's level (1-3), actual beds
  and the 6-digit county the hospital stands in;
- `list_codes(kind, code)`: the procedure lists of the chosen versions (level4, level3,
  minimally_invasive, surgery);
- `weights(drg, weight)`: the DRG weight table of the chosen version.

The traps the definitions keep (see notes/hospitals.md):
- patients, not operations: a stay with three operations is one surgery patient;
- "surgery" includes interventions (手术 or 介入治疗), or, when a surgery list is given, a code on it;
- level-4 and MI come from the national lists, never from the front page's own level field;
- day surgery is planned (the flag), elective, and ≤ 24 h from admission to discharge;
- CMI = Σ weight ÷ cases with a weight, of a named weight table; a DRG the payer assigned is used
  as given, other stays go through `group` (a grouper the caller supplies) and count as "not grouped"
  when there is none;
- the period is the discharge date's.

Every count is a sum of `represents` (1 for a real record; a synthetic sample's record stands for
several stays), so shares, ALOS, CMI and bed occupancy are the same whether or not the data is a sample.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import duckdb

SURGERY_KINDS = ("surgery", "intervention")
DAY_SURGERY_HOURS = 24
DEATH = "5"  # 离院方式 5 死亡
LOW_RISK_Z = -1.0  # a DRG whose standardised ln(mortality) is below -1 is a low-risk group (CN-DRG)

# Why a stay is left out of a figure: the drill-down shows these codes next to each case.
NOT_GROUPED = "not_grouped"
NO_WEIGHT = "no_weight"
DAY_SURGERY_OVER_24H = "day_surgery_over_24h"
DAY_SURGERY_NOT_ELECTIVE_SURGERY = "day_surgery_not_elective_surgery"

Group = Callable[[duckdb.DuckDBPyRelation], object]
"""A grouper: takes the stays without a payer DRG (institution_id, record_id, sex, age_years, age_days, birth_weight,
principal_diagnosis, other_diagnoses, procedures, discharge_method, los_days) and returns something DuckDB
can scan (an Arrow table, a relation) with institution_id, record_id, drg (NULL when it failed) and status."""

FIGURES = (
    "discharges", "surgery_patients", "surgery_share", "minimally_invasive_patients",
    "minimally_invasive_share", "level4_patients", "level4_share", "level3_patients", "level3_share",
    "elective_surgery_patients", "day_surgery_patients", "day_surgery_share", "pathway_patients",
    "pathway_share", "pathway_completed", "pathway_completion", "bed_days", "alos", "beds",
    "bed_occupancy", "cmi_cases", "total_weight", "cmi", "time_efficiency", "cost_efficiency",
    "low_risk_cases", "low_risk_deaths", "low_risk_mortality", "not_grouped", "no_weight",
)  # fmt: skip

KEYS = {
    "hospital": ("institution_id", "hospital", "level"),
    "department": ("department",),
    "month": ("month",),
    "year": ("year",),
}


@dataclass
class Versions:
    lists: dict[str, str] = field(default_factory=dict)  # kind -> version
    weights: str | None = None
    grouper: str | None = None
    code_map: str | None = None  # the clinical → 医保 code mapping applied before grouping

    def as_dict(self) -> dict:
        return {
            "lists": dict(self.lists),
            "weights": self.weights,
            "grouper": self.grouper,
            "code_map": self.code_map,
        }


def _list(column: str) -> str:
    return (
        f"CASE WHEN {column} = '' OR {column} IS NULL THEN []::VARCHAR[] ELSE string_split({column}, '|') END"
    )


def build_facts(
    con: duckdb.DuckDBPyConnection, group: Group | None = None, surgery_list: bool = False
) -> None:
    """Creates `facts`: one row per stay with the flags every indicator sums, the DRG, its weight and
    the reasons a stay is left out of a figure."""
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE stays AS
        SELECT d.institution_id, h.hospital, h.level, h.county AS hospital_county, d.record_id,
            d.department, d.month, d.year, d.sex, d.age_years, d.age_days, d.birth_weight, d.principal_diagnosis,
            d.other_diagnoses, d.procedures, d.discharge_method, d.total_cost, d.drg, d.represents AS w,
            coalesce(d.elective, false) AS elective, d.day_surgery, d.pathway_entered, d.pathway_completed,
            substr(d.residence_code, 1, 6) AS residence_county,
            d.admitted, d.discharged,
            greatest(date_diff('day', CAST(d.admitted AS DATE), CAST(d.discharged AS DATE)), 1) AS los_days,
            date_diff('minute', d.admitted, d.discharged) / 60.0 AS stay_hours,
            {_list("d.procedures")} AS codes, {_list("d.procedure_kinds")} AS kinds
        FROM (SELECT *, strptime(admitted_at, '%Y-%m-%d %H:%M') AS admitted,
                        strptime(discharged_at, '%Y-%m-%d %H:%M') AS discharged FROM discharges) d
        JOIN hospitals h USING (institution_id)"""
    )
    # patients, not operations: every flag is "any procedure of the stay", one per stay
    surgery = (
        "bool_or(l.kind = 'surgery')" if surgery_list else "bool_or(p.kind IN ('surgery', 'intervention'))"
    )
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE procedure_flags AS
        SELECT p.institution_id, p.record_id,
            coalesce({surgery}, false) AS surgery,
            coalesce(bool_or(l.kind = 'minimally_invasive'), false) AS on_mi_list,
            coalesce(bool_or(l.kind = 'level4'), false) AS on_level4_list,
            coalesce(bool_or(l.kind = 'level3'), false) AS on_level3_list
        FROM (SELECT institution_id, record_id, unnest(codes) AS code, unnest(kinds) AS kind
              FROM stays WHERE len(codes) > 0) p
        LEFT JOIN list_codes l ON l.code = p.code
        GROUP BY p.institution_id, p.record_id"""
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE grouped (institution_id BIGINT, record_id VARCHAR, drg VARCHAR, status VARCHAR)"
    )
    if group is not None:
        ungrouped = con.sql(
            """SELECT institution_id, record_id, sex, age_years, age_days, birth_weight, principal_diagnosis,
                      other_diagnoses, procedures, discharge_method, los_days
               FROM stays WHERE drg = ''"""
        )
        result = group(ungrouped)  # noqa: F841 (DuckDB scans the local variable by name)
        con.execute("INSERT INTO grouped SELECT institution_id, record_id, drg, status FROM result")
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE facts AS
        SELECT s.* EXCLUDE (codes, kinds, drg),
            s.drg AS payer_drg,
            CASE WHEN s.drg <> '' THEN s.drg ELSE g.drg END AS drg,
            coalesce(f.surgery, false) AS surgery,
            coalesce(f.surgery AND f.on_mi_list, false) AS minimally_invasive,
            coalesce(f.surgery AND f.on_level4_list, false) AS level4,
            coalesce(f.surgery AND f.on_level3_list, false) AS level3,
            coalesce(f.surgery, false) AND s.elective AS elective_surgery,
            coalesce(f.surgery, false) AND s.elective AND s.day_surgery
                AND s.stay_hours <= {DAY_SURGERY_HOURS} AS day_surgery_case,
            CASE WHEN NOT s.day_surgery THEN NULL
                 WHEN NOT (coalesce(f.surgery, false) AND s.elective) THEN '{DAY_SURGERY_NOT_ELECTIVE_SURGERY}'
                 WHEN s.stay_hours > {DAY_SURGERY_HOURS} THEN '{DAY_SURGERY_OVER_24H}' END AS day_surgery_excluded,
            w.weight,
            CASE WHEN s.drg = '' AND g.drg IS NULL THEN '{NOT_GROUPED}'
                 WHEN w.weight IS NULL THEN '{NO_WEIGHT}' END AS cmi_excluded,
            g.status AS group_status,
            s.discharge_method = '{DEATH}' AS died
        FROM stays s
        LEFT JOIN procedure_flags f USING (institution_id, record_id)
        LEFT JOIN grouped g USING (institution_id, record_id)
        LEFT JOIN weights w ON w.drg = (CASE WHEN s.drg <> '' THEN s.drg ELSE g.drg END)"""
    )
    # per-DRG references over every stay computed together (the region): mean LOS and cost for the
    # efficiency indices, mortality and its standardised log for the low-risk groups
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE drg_reference AS
        WITH m AS (
            SELECT drg, sum(los_days * w) / sum(w) AS mean_los, sum(total_cost * w) / sum(w) AS mean_cost,
                   sum(CASE WHEN died THEN w ELSE 0 END) / sum(w) AS mortality
            FROM facts WHERE drg IS NOT NULL GROUP BY drg),
        z AS (SELECT avg(ln(mortality)) AS mu, stddev_samp(ln(mortality)) AS sigma FROM m WHERE mortality > 0)
        SELECT m.*, mortality > 0 AND coalesce((ln(greatest(mortality, 1e-12)) - z.mu) / nullif(z.sigma, 0), 0) < {LOW_RISK_Z} AS low_risk
        FROM m, z"""
    )


def _aggregate(con: duckdb.DuckDBPyConnection, keys: Sequence[str], where: str = "true") -> list[dict]:
    group_keys = [c for k in keys for c in KEYS[k]]
    select_keys = ", ".join(f"f.{c}" for c in group_keys)
    group_by = f"GROUP BY {select_keys}" if group_keys else ""
    select_prefix = f"{select_keys}, " if group_keys else ""
    sql = f"""
        SELECT {select_prefix}
            sum(w) AS discharges,
            coalesce(sum(w) FILTER (WHERE surgery), 0) AS surgery_patients,
            coalesce(sum(w) FILTER (WHERE minimally_invasive), 0) AS minimally_invasive_patients,
            coalesce(sum(w) FILTER (WHERE level4), 0) AS level4_patients,
            coalesce(sum(w) FILTER (WHERE level3), 0) AS level3_patients,
            coalesce(sum(w) FILTER (WHERE elective_surgery), 0) AS elective_surgery_patients,
            coalesce(sum(w) FILTER (WHERE day_surgery_case), 0) AS day_surgery_patients,
            coalesce(sum(w) FILTER (WHERE pathway_entered), 0) AS pathway_patients,
            coalesce(sum(w) FILTER (WHERE pathway_entered AND pathway_completed), 0) AS pathway_completed,
            sum(los_days * w) AS bed_days,
            coalesce(sum(w) FILTER (WHERE weight IS NOT NULL), 0) AS cmi_cases,
            sum(weight * w) AS total_weight,
            sum(w * los_days / r.mean_los) FILTER (WHERE r.mean_los > 0) AS time_ratio_sum,
            coalesce(sum(w) FILTER (WHERE r.mean_los > 0), 0) AS time_ratio_cases,
            sum(w * total_cost / r.mean_cost) FILTER (WHERE r.mean_cost > 0) AS cost_ratio_sum,
            coalesce(sum(w) FILTER (WHERE r.mean_cost > 0), 0) AS cost_ratio_cases,
            coalesce(sum(w) FILTER (WHERE r.low_risk), 0) AS low_risk_cases,
            coalesce(sum(w) FILTER (WHERE r.low_risk AND died), 0) AS low_risk_deaths,
            coalesce(sum(w) FILTER (WHERE cmi_excluded = '{NOT_GROUPED}'), 0) AS not_grouped,
            coalesce(sum(w) FILTER (WHERE cmi_excluded = '{NO_WEIGHT}'), 0) AS no_weight,
            min(month) AS first_month, max(month) AS last_month
        FROM facts f LEFT JOIN drg_reference r ON r.drg = f.drg
        WHERE {where}
        {group_by}
        ORDER BY {", ".join(f"f.{c}" for c in group_keys) or 1}"""
    result = con.execute(sql)
    names = [d[0] for d in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def _share(numerator, denominator, factor=100.0):
    return None if not denominator else round(factor * numerator / denominator, 4)


def finish(row: dict, beds: float | None = None, days: int | None = None) -> dict:
    """Shares in percent (None where the denominator is zero) from the sums of `_aggregate`."""
    out = dict(row)
    out["surgery_share"] = _share(row["surgery_patients"], row["discharges"])
    out["minimally_invasive_share"] = _share(row["minimally_invasive_patients"], row["surgery_patients"])
    out["level4_share"] = _share(row["level4_patients"], row["surgery_patients"])
    out["level3_share"] = _share(row["level3_patients"], row["surgery_patients"])
    out["day_surgery_share"] = _share(row["day_surgery_patients"], row["elective_surgery_patients"])
    out["pathway_share"] = _share(row["pathway_patients"], row["discharges"])
    out["pathway_completion"] = _share(row["pathway_completed"], row["pathway_patients"])
    out["alos"] = _share(row["bed_days"], row["discharges"], 1.0)
    out["total_weight"] = None if row["total_weight"] is None else round(row["total_weight"], 6)
    out["cmi"] = _share(row["total_weight"], row["cmi_cases"], 1.0)
    out["time_efficiency"] = _share(row.pop("time_ratio_sum") or 0, row.pop("time_ratio_cases"), 1.0)
    out["cost_efficiency"] = _share(row.pop("cost_ratio_sum") or 0, row.pop("cost_ratio_cases"), 1.0)
    for name in ("time_ratio_sum", "time_ratio_cases", "cost_ratio_sum", "cost_ratio_cases"):
        out.pop(name, None)
    out["low_risk_mortality"] = _share(row["low_risk_deaths"], row["low_risk_cases"])
    out["beds"] = beds
    out["bed_occupancy"] = _share(row["bed_days"], (beds or 0) * (days or 0)) if beds and days else None
    return out


def days_in(period: int) -> int:
    """Days of a year (YYYY) or a month (YYYYMM)."""
    import calendar

    if period > 9999:
        return calendar.monthrange(period // 100, period % 100)[1]
    return 366 if calendar.isleap(period) else 365


def compute(
    con: duckdb.DuckDBPyConnection, by: Sequence[str] = ("hospital",), where: str = "true"
) -> list[dict]:
    """The figures for each group of `by` (any of hospital, department, month, year); `facts` must be
    built. Bed occupancy needs the hospital in `by` (its beds) and is over the year, or the month."""
    beds = dict(con.execute("SELECT institution_id, beds FROM hospitals").fetchall())
    rows = []
    for row in _aggregate(con, by, where):
        hospital_beds = beds.get(row.get("institution_id")) if "hospital" in by else None
        if "month" in by:
            days = days_in(row["month"])
        elif row["first_month"] and row["first_month"] // 100 == row["last_month"] // 100:
            days = days_in(row["first_month"] // 100)
        else:
            days = None
        rows.append(finish(row, hospital_beds, days))
    return rows


def in_county_share(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """县域内住院率 per county of residence: residents' stays in hospitals of their own county ÷ all
    their stays (in the hospitals whose records were loaded)."""
    result = con.execute(
        """SELECT residence_county AS county, sum(w) AS resident_discharges,
                  coalesce(sum(w) FILTER (WHERE hospital_county = residence_county), 0) AS in_county_discharges
           FROM facts WHERE residence_county <> '' GROUP BY 1 ORDER BY 1"""
    )
    rows = []
    for county, total, inside in result.fetchall():
        rows.append(
            {
                "county": county,
                "resident_discharges": total,
                "in_county_discharges": inside,
                "in_county_share": _share(inside, total),
            }
        )
    return rows


def cases(con: duckdb.DuckDBPyConnection, where: str = "true", limit: int = 200) -> list[dict]:
    """The stays behind a figure, with the flags that put them in it and the reasons that kept them out."""
    result = con.execute(
        f"""SELECT f.hospital, f.record_id, f.month, f.department, f.los_days, round(f.stay_hours, 2) AS stay_hours,
                   f.surgery, f.minimally_invasive, f.level4, f.level3, f.elective_surgery, f.day_surgery,
                   f.day_surgery_case, f.day_surgery_excluded, f.pathway_entered, f.pathway_completed,
                   f.payer_drg, f.drg, f.group_status, f.weight, f.cmi_excluded, f.died, f.total_cost
            FROM facts f WHERE {where} ORDER BY f.hospital, f.record_id LIMIT {int(limit)}"""
    )
    names = [d[0] for d in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def unknown_procedure_codes(con: duckdb.DuckDBPyConnection, limit: int = 50) -> list[tuple[str, int]]:
    """Surgery codes on no list of the chosen versions: listed, never silently dropped."""
    return con.execute(
        f"""SELECT code, count(*) AS n FROM (
                SELECT unnest(codes) AS code, unnest(kinds) AS kind FROM stays WHERE len(codes) > 0)
            WHERE kind IN ('surgery', 'intervention') AND code NOT IN (SELECT code FROM list_codes)
            GROUP BY code ORDER BY n DESC, code LIMIT {int(limit)}"""
    ).fetchall()


def drgs_without_weight(con: duckdb.DuckDBPyConnection) -> list[tuple[str, int]]:
    return con.execute(
        f"SELECT drg, count(*) FROM facts WHERE cmi_excluded = '{NO_WEIGHT}' GROUP BY drg ORDER BY 2 DESC, 1"
    ).fetchall()


DISCHARGE_SCHEMA = {
    "institution_id": "BIGINT", "record_id": "VARCHAR", "admitted_at": "VARCHAR", "discharged_at": "VARCHAR",
    "month": "INTEGER", "year": "INTEGER", "department": "VARCHAR", "sex": "VARCHAR", "age_years": "INTEGER",
    "age_days": "INTEGER", "birth_weight": "INTEGER", "residence_code": "VARCHAR", "principal_diagnosis": "VARCHAR",
    "other_diagnoses": "VARCHAR", "procedures": "VARCHAR", "procedure_kinds": "VARCHAR",
    "elective": "BOOLEAN", "day_surgery": "BOOLEAN", "pathway_entered": "BOOLEAN",
    "pathway_completed": "BOOLEAN", "discharge_method": "VARCHAR", "total_cost": "DOUBLE", "drg": "VARCHAR",
    "represents": "INTEGER",
}  # fmt: skip


def prepare(
    con: duckdb.DuckDBPyConnection,
    hospitals: Sequence[dict],
    lists: dict[str, Sequence[str]],
    weights: dict[str, float],
) -> None:
    """Creates the input tables but `discharges`' rows: the registry's hospitals, the lists' codes and
    the weights; `discharges` is created empty with its columns (the caller fills it)."""
    columns = ", ".join(f"{name} {kind}" for name, kind in DISCHARGE_SCHEMA.items())
    con.execute(f"CREATE OR REPLACE TABLE discharges ({columns})")
    con.execute(
        "CREATE OR REPLACE TABLE hospitals (institution_id BIGINT, hospital VARCHAR, level INTEGER, beds DOUBLE, county VARCHAR)"
    )
    insert_rows(
        con,
        "hospitals",
        [
            (h["institution_id"], h["hospital"], h.get("level"), h.get("beds"), h.get("county") or "")
            for h in hospitals
        ],
    )
    con.execute("CREATE OR REPLACE TABLE list_codes (kind VARCHAR, code VARCHAR)")
    insert_rows(con, "list_codes", [(kind, code) for kind, codes in lists.items() for code in codes])
    con.execute("CREATE OR REPLACE TABLE weights (drg VARCHAR, weight DOUBLE)")
    insert_rows(con, "weights", list(weights.items()))


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[tuple]) -> None:
    """Appends Python rows to a table in one statement (DuckDB's executemany runs one per row)."""
    if not rows:
        return
    import pyarrow as pa

    names = [d[0] for d in con.execute(f"SELECT * FROM {table} LIMIT 0").description]
    arrow = pa.table({f"c{i}": list(column) for i, column in enumerate(zip(*rows, strict=True))})  # noqa: F841
    con.execute(f"INSERT INTO {table} ({', '.join(names)}) SELECT * FROM arrow")


def case_mix(con: duckdb.DuckDBPyConnection) -> dict[int, dict]:
    """Per hospital, for the upcoding watch: CMI, the CMI its cases would have at the base split of their
    ADRG (the weight table's lowest weight of the ADRG: the case mix without severity), and the share of
    weighted cases in a split with complications (the DRG's 4th character 1 = MCC, 3 = CC)."""
    result = con.execute(
        """WITH base AS (SELECT substr(drg, 1, 3) AS adrg, min(weight) AS base_weight FROM weights GROUP BY 1)
        SELECT f.institution_id,
               sum(f.weight * f.w) / sum(f.w) AS cmi,
               sum(b.base_weight * f.w) / sum(f.w) AS adrg_cmi,
               100.0 * coalesce(sum(f.w) FILTER (WHERE substr(f.drg, 4, 1) IN ('1', '3')), 0) / sum(f.w) AS cc_capture,
               sum(f.w) AS cases
        FROM facts f JOIN base b ON b.adrg = substr(f.drg, 1, 3)
        WHERE f.weight IS NOT NULL GROUP BY f.institution_id"""
    )
    names = [d[0] for d in result.description]
    return {row[0]: dict(zip(names, row, strict=True)) for row in result.fetchall()}


def upcoding_watch(before: dict[int, dict], after: dict[int, dict], drift_limit: float = 0.03) -> list[dict]:
    """CMI drifting faster than the case mix explains: the relative change of CMI minus the relative change
    of the ADRG-level CMI (what severity splits added), with the change in CC/MCC capture; flagged when
    the unexplained drift passes `drift_limit` (3 %) and the capture rose."""
    rows = []
    for pk, now in after.items():
        then = before.get(pk)
        if not then or not then["cmi"] or not then["adrg_cmi"]:
            continue
        cmi_change = now["cmi"] / then["cmi"] - 1
        mix_change = now["adrg_cmi"] / then["adrg_cmi"] - 1
        capture_change = now["cc_capture"] - then["cc_capture"]
        drift = cmi_change - mix_change
        rows.append(
            {
                "institution_id": pk,
                "cmi_before": round(then["cmi"], 4),
                "cmi_after": round(now["cmi"], 4),
                "cmi_change": round(100 * cmi_change, 2),
                "case_mix_change": round(100 * mix_change, 2),
                "unexplained_drift": round(100 * drift, 2),
                "cc_capture_before": round(then["cc_capture"], 2),
                "cc_capture_after": round(now["cc_capture"], 2),
                "cc_capture_change": round(capture_change, 2),
                "cases": now["cases"],
                "flagged": drift > drift_limit and capture_change > 0,
            }
        )
    rows.sort(key=lambda r: -r["unexplained_drift"])
    return rows


def funnel_limits(overall: float, volumes: Sequence[float], points: int = 40) -> list[dict]:
    """Control limits of a share (percent) against volume: overall ± z·√(p(1−p)/n), z = 1.96 (95 %) and
    3.09 (99.8 %), at `points` volumes from the smallest to the largest hospital."""
    import math

    p = overall / 100.0
    low, high = max(min(volumes), 1.0), max(max(volumes), 2.0)
    result = []
    for k in range(points + 1):
        n = low * (high / low) ** (k / points)
        spread = math.sqrt(max(p * (1 - p), 0.0) / n)
        result.append(
            {
                "n": round(n, 1),
                "lower95": round(100 * max(p - 1.96 * spread, 0.0), 3),
                "upper95": round(100 * min(p + 1.96 * spread, 1.0), 3),
                "lower998": round(100 * max(p - 3.09 * spread, 0.0), 3),
                "upper998": round(100 * min(p + 3.09 * spread, 1.0), 3),
            }
        )
    return result

"""The indicators of a division's hospitals for a year: stored records → DuckDB → the engine's definitions."""

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

import duckdb
import pyarrow as pa
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import F, FloatField, Func, IntegerField, Model, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from tixi.core import clock
from tixi.geo.models import Division, subtree_filter, year_end
from tixi.hospitals.engine import indicators as ind
from tixi.hospitals.engine.grouper.mapping import CodeMapping
from tixi.hospitals.models import CodeList, CodeMap, Discharge, ListKind, WeightTable
from tixi.registry.engine import classification
from tixi.registry.models import Institution, InstitutionType, InstitutionYear

# The CHS-DRG grouper registers itself here (hospitals.engine.grouper, wired by the lead): until then
# stays without a payer DRG count as "not grouped" and stay out of CMI with that reason.
GROUPER: dict = {"group": None, "name": None}


def set_grouper(group: ind.Group | None, name: str | None) -> None:
    GROUPER.update(group=group, name=name)


M = TypeVar("M", bound=Model)


class FigureError(ValueError):
    pass


@dataclass
class Loaded:
    con: duckdb.DuckDBPyConnection | ind.SparkEngine  # where `facts` was built
    versions: ind.Versions
    hospitals: dict[int, dict]  # institution id -> code, name, level, type, ownership
    division: Division
    year: int
    # the grouper's log of the stays it grouped (reason, code mapping, codes it changed, path)
    grouping_log: pa.Table | None = None
    # (institution id, year) -> beds, when several years were loaded together (a hospital's series)
    beds_by_year: dict | None = None


def latest_of(versions: QuerySet[M]) -> M | None:
    """The version to use where none is named: one the commission imported before any made up for the
    demo, then the one imported last. On a demo the platform's day is pinned and only the time of day
    moves, so an import made early in the morning is stamped before the demo's own tables: the stamp
    alone would let the demo's made-up table win over the real one just imported."""
    return versions.order_by("is_demo", "-imported_at", "-version").first()


def latest_list(kind: str) -> CodeList | None:
    return latest_of(CodeList.objects.filter(kind=kind))


def choose_versions(lists: str | None, weights: str | None) -> tuple[dict[str, CodeList], WeightTable | None]:
    """The named version of each list (or the latest one where none is named) and of the weights."""
    chosen = {}
    for kind in ListKind.values:
        found = CodeList.objects.filter(kind=kind, version=lists).first() if lists else latest_list(kind)
        if found:
            chosen[kind] = found
    if lists and not chosen:
        raise FigureError(_("No code list has the version %(version)s.") % {"version": lists})
    table = None
    if weights:
        table = WeightTable.objects.filter(version=weights).first()
        if table is None:
            raise FigureError(_("No DRG weight table has the version %(version)s.") % {"version": weights})
    else:
        table = latest_of(WeightTable.objects.all())
    return chosen, table


def choose_code_map(version: str | None) -> CodeMapping | None:
    """The named clinical → 医保 mapping, or the latest one; None when there is none."""
    if version:
        found = CodeMap.objects.filter(version=version).first()
        if found is None:
            raise FigureError(_("No code mapping has the version %(version)s.") % {"version": version})
    else:
        found = latest_of(CodeMap.objects.all())
    if found is None:
        return None
    return CodeMapping(found.version, dict(found.entries.values_list("clinical_code", "insurance_code")))


def hospitals_of(division: Division, year: int, hospital: str | None = None) -> dict[int, dict]:
    institutions = Institution.objects.in_division(division, year).filter(
        type__in=[
            t for t in InstitutionType.values if classification.category_of(t) == classification.HOSPITAL
        ]
    )
    if hospital:  # one hospital, wherever the registry placed it that year
        institutions = Institution.objects.filter(code=hospital)
    rows = {
        i["id"]: {
            "institution_id": i["id"],
            "hospital": i["code"],
            "name": i["name"],
            "level": i["level"],
            "type": i["type"],
            "ownership": i["ownership"],
            "county": (i["division__code"] or "")[:6],
        }
        for i in institutions.values("id", "code", "name", "level", "type", "ownership", "division__code")
    }
    beds = dict(
        InstitutionYear.objects.filter(institution_id__in=list(rows), year=year).values_list(
            "institution_id", "actual_beds"
        )
    )
    for pk, row in rows.items():
        row["beds"] = beds.get(pk)
    return rows


def load(
    division: Division,
    year: int,
    hospital: str | None = None,
    lists: str | None = None,
    weights: str | None = None,
    con: duckdb.DuckDBPyConnection | None = None,
    engine: str = "duckdb",
    code_map: str | None = None,
    years: Sequence[int] | None = None,
) -> Loaded:
    """Copies the year's records of the division's hospitals into DuckDB, a batch at a time (Arrow
    columns, no model instances), with the chosen lists and weights, and builds the fact table there,
    or on Spark (`engine="spark"`, TIXI_SPARK_MASTER) from the same tables. `years`: the records of
    these years instead, in one load (a hospital's series: as many queries for six years as for one);
    figures by year or month then take each year's beds."""
    con = con or duckdb.connect()
    chosen, table = choose_versions(lists, weights)
    mapping = choose_code_map(code_map)
    hospitals = hospitals_of(division, year, hospital)
    beds_by_year = None
    if years:
        beds_by_year = {
            (pk, y): beds
            for pk, y, beds in InstitutionYear.objects.filter(
                institution_id__in=list(hospitals), year__in=list(years)
            ).values_list("institution_id", "year", "actual_beds")
        }
    list_codes = {kind: list(cl.entries.values_list("code", flat=True)) for kind, cl in chosen.items()}
    weight_map = dict(table.weights.values_list("drg", "weight")) if table else {}
    ind.prepare(con, list(hospitals.values()), list_codes, weight_map)
    columns = list(ind.DISCHARGE_SCHEMA)
    period = {"year__in": list(years)} if years else {"year": year}
    query = Discharge.objects.filter(**period, institution_id__in=list(hospitals) or [0]).values_list(
        *columns
    )
    _copy_discharges(con, query)
    versions = ind.Versions(
        lists={kind: cl.version for kind, cl in chosen.items()},
        weights=table.version if table else None,
        grouper=GROUPER["name"],
        code_map=mapping.version if mapping and GROUPER["group"] else None,
    )
    log: dict[str, pa.Table] = {}
    group = GROUPER["group"]
    if group is not None and engine == "spark":
        # the grouper runs in Spark's workers: the mapping travels with it, the per-case log stays there
        group = functools.partial(group, code_map=mapping)
    elif group is not None:
        base = group

        def group(stays):  # the mapping goes in, the log comes back (one division: small enough for paths)
            log["table"] = base(stays, code_map=mapping, with_path=True)
            return log["table"]

    # one hospital: its DRGs' references (efficiency indices, low-risk groups) are the division's
    reference = reference_sums(division, list(years) if years else [year], mapping) if hospital else None
    if engine == "spark":
        con = ind.SparkEngine.from_duckdb(con)
    ind.build_facts(con, group, surgery_list=ListKind.SURGERY in chosen, reference=reference)
    return Loaded(con, versions, hospitals, division, year, log.get("table"), beds_by_year)


class StayDays(Func):
    """Calendar days of a stay from the stored times, at least 1 (`ind.LOS_DAYS`, in the database's SQL)."""

    output_field = IntegerField()

    def __init__(self):
        super().__init__(F("admitted_at"), F("discharged_at"))

    def as_sql(self, compiler, connection, **extra):
        (admitted, admitted_params), (discharged, discharged_params) = (
            compiler.compile(e) for e in self.source_expressions
        )
        if connection.vendor == "sqlite":
            sql = (
                f"MAX(CAST(julianday(substr({discharged}, 1, 10)) - julianday(substr({admitted}, 1, 10)) "
                "AS INTEGER), 1)"
            )
        else:
            sql = f"GREATEST(CAST(substr({discharged}, 1, 10) AS date) - CAST(substr({admitted}, 1, 10) AS date), 1)"
        return sql, (*discharged_params, *admitted_params)


def reference_hospitals(division: Division, years: Sequence[int]) -> Q:
    """The stays of the division's hospitals, each year as the registry placed them (as `hospitals_of`
    chooses them for one year), in one query."""
    hospital_types = [
        t for t in InstitutionType.values if classification.category_of(t) == classification.HOSPITAL
    ]
    placed = (
        InstitutionYear.objects.filter(year__in=years, institution__type__in=hospital_types)
        .filter(subtree_filter("division_path", division.path))
        .values_list("institution_id", "year", "institution__opened_on", "institution__closed_on")
    )
    by_year: dict[int, list[int]] = {}
    for pk, y, opened, closed in placed:
        end = year_end(y)
        if (opened is None or opened <= end) and (closed is None or closed > end):
            by_year.setdefault(y, []).append(pk)
    stays = Q(pk__in=[])
    for y, ids in by_year.items():
        stays |= Q(year=y, institution_id__in=ids)
    return stays


def reference_sums(division: Division, years: Sequence[int], mapping: CodeMapping | None) -> pa.Table:
    """The per-(year, DRG) sums the references are made of (stays, bed days, cost, deaths) over the
    division's hospitals, without bringing their stays here: the database adds up the stays with a payer
    DRG (one query); only those without one travel, to the grouper, as `load` groups them (one query)."""
    stays = Discharge.objects.filter(reference_hospitals(division, years))
    rows = list(
        stays.exclude(drg="")
        .order_by()
        .values("year", "drg")
        .annotate(
            n=Sum("represents"),
            days=Sum(StayDays() * F("represents")),
            cost=Sum(F("total_cost") * F("represents"), output_field=FloatField()),
            died=Coalesce(Sum("represents", filter=Q(discharge_method=ind.DEATH)), 0),
        )
        .values_list("year", "drg", "n", "days", "cost", "died")
    )
    group = GROUPER["group"]
    if group is not None:
        con = duckdb.connect()
        try:
            ind.prepare(con, [], {}, {})
            _copy_discharges(con, stays.filter(drg="").order_by().values_list(*ind.DISCHARGE_SCHEMA))
            grouped = group(con.sql(_UNGROUPED_STORED), code_map=mapping)  # noqa: F841 (scanned by name)
            rows += con.execute(
                f"""SELECT d.year, g.drg, sum(d.represents), sum({ind.LOS_DAYS} * d.represents),
                           sum(d.total_cost * d.represents),
                           coalesce(sum(d.represents) FILTER (WHERE d.discharge_method = '{ind.DEATH}'), 0)
                    FROM discharges d JOIN grouped g ON g.institution_id = d.institution_id AND g.record_id = d.record_id
                    WHERE g.drg IS NOT NULL GROUP BY d.year, g.drg"""
            ).fetchall()
        finally:
            con.close()
    columns = list(zip(*rows, strict=True)) or [[]] * len(ind.REFERENCE_COLUMNS)
    types = [pa.int32(), pa.string(), pa.int64(), pa.int64(), pa.float64(), pa.int64()]
    return pa.table(  # PostgreSQL's sums may come back as Decimal
        {
            name: pa.array([v if v is None or kind == pa.string() else cast(v) for v in column], kind)
            for name, column, kind in zip(ind.REFERENCE_COLUMNS, columns, types, strict=True)
            for cast in [float if kind == pa.float64() else int]
        }
    )


def _copy_discharges(con: duckdb.DuckDBPyConnection, query) -> None:
    """Appends the records of `query` (values_list of DISCHARGE_SCHEMA's columns) to `discharges`, a
    batch at a time as Arrow columns."""
    try:
        sql, params = query.query.sql_with_params()
    except (
        EmptyResultSet
    ):  # a filter that can match nothing: no hospital of the division reported those years
        return
    schema = pa.schema([(c, _arrow_type(kind)) for c, kind in ind.DISCHARGE_SCHEMA.items()])
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(50_000):
            batch = pa.table(  # noqa: F841 (scanned by DuckDB by name)
                [pa.array(col, type=schema.field(i).type) for i, col in enumerate(zip(*rows, strict=True))],
                schema=schema,
            )
            con.execute("INSERT INTO discharges SELECT * FROM batch")


def assigned_drgs() -> dict[str, tuple[int, str]]:
    """The DRGs Tixi's grouper gives the stored stays that carry no payer DRG (with the latest code
    mapping, as the indicators do): DRG -> (stays, one of them as "hospital/record"). Empty when no
    grouper is registered. A weight table must weigh these as it weighs the payer's DRGs."""
    group = GROUPER["group"]
    if group is None:
        return {}
    con = duckdb.connect()
    try:
        ind.prepare(con, [], {}, {})
        _copy_discharges(con, Discharge.objects.filter(drg="").order_by().values_list(*ind.DISCHARGE_SCHEMA))
        stays = con.sql(_UNGROUPED_STORED)
        grouped = group(stays, code_map=choose_code_map(None))  # noqa: F841 (scanned by DuckDB by name)
        found = con.execute(
            """SELECT drg, count(*), arg_min(institution_id, record_id), min(record_id) FROM grouped
               WHERE drg IS NOT NULL GROUP BY drg ORDER BY drg"""
        ).fetchall()
    finally:
        con.close()
    codes = dict(
        Institution.objects.filter(pk__in={pk for _d, _n, pk, _r in found}).values_list("pk", "code")
    )
    return {drg: (n, f"{codes.get(pk, pk)}/{record}") for drg, n, pk, record in found}


# the columns the grouper reads (`ind.UNGROUPED`), from the copied records alone: every stored stay
_UNGROUPED_STORED = f"""
    SELECT d.institution_id, d.record_id, d.sex, d.age_years, d.age_days, d.birth_weight, d.principal_diagnosis,
           d.other_diagnoses, d.procedures, d.discharge_method, {ind.LOS_DAYS} AS los_days
    FROM discharges d"""


def _arrow_type(kind: str):
    return {
        "BIGINT": pa.int64(),
        "INTEGER": pa.int32(),
        "VARCHAR": pa.string(),
        "BOOLEAN": pa.bool_(),
        "DOUBLE": pa.float64(),
    }[kind]


def city_of(division: Division, year: int) -> Division:
    """The prefecture-level division above (or at) `division` that year, the reference region of a
    hospital's figures; the division itself when it is a province."""
    parts = [p for p in division.path.split("/") if p]
    if len(parts) < 2:
        return division
    return Division.objects.valid_in(year).filter(code=parts[1]).first() or division


def division_of(code: str, year: int) -> Division:
    code = code.ljust(12, "0") if len(code) in (2, 4, 6, 9) else code
    division = Division.objects.valid_in(year).filter(code=code).first()
    if division is None:
        raise FigureError(_("No division with the code %(code)s in %(year)s.") % {"code": code, "year": year})
    return division


def hospital_figures(loaded: Loaded, by=("hospital",)) -> list[dict]:
    """One object per hospital (and department or month when asked), with the versions used."""
    versions = loaded.versions.as_dict()
    rows = []
    for row in ind.compute(loaded.con, by, as_of=clock.today()):
        info = loaded.hospitals.get(row.pop("institution_id"), {})
        row["hospital_name"] = info.get("name", "")
        row["hospital_type"] = info.get("type", "")
        # the national assessment's surgery-level indicator follows the hospital's level
        row["surgery_level_indicator"] = "level4_share" if row.get("level") == 3 else "level3_share"
        row.pop("first_month", None)
        row.pop("last_month", None)
        if "department" in by:  # beds are the hospital's, not a department's
            row["beds"] = row["bed_occupancy"] = None
        elif loaded.beds_by_year is not None and ("year" in by or "month" in by):
            period = row["month"] if "month" in by else row["year"]
            row["beds"] = loaded.beds_by_year.get(
                (info.get("institution_id"), period // 100 if "month" in by else period)
            )
            days = ind.days_in(period, clock.today())
            row["bed_occupancy"] = (
                round(100.0 * row["bed_days"] / (row["beds"] * days), 4)
                if row["beds"] and "hospital" in by
                else None
            )
        row["versions"] = versions
        rows.append(row)
    return rows


def cases_with_log(loaded: Loaded, limit: int = 200) -> list[dict]:
    """The drill-down's stays, each with the grouper's log when Tixi grouped it: why it failed, which code
    mapping it went through and the codes that changed, and the path it took."""
    rows = ind.cases(loaded.con, limit=limit)
    ids = {info["hospital"]: pk for pk, info in loaded.hospitals.items()}
    wanted = {(ids.get(r["hospital"]), r["record_id"]) for r in rows}
    log = {}
    for entry in loaded.grouping_log.to_pylist() if loaded.grouping_log is not None else []:
        key = (entry["institution_id"], entry["record_id"])
        if key in wanted:
            log[key] = entry
    for row in rows:
        entry = log.get((ids.get(row["hospital"]), row["record_id"]), {})
        row["group_reason"] = entry.get("reason") or None
        row["code_map"] = entry.get("code_map")
        row["mapped_codes"] = entry.get("mapped_codes") or None
        row["unmapped_codes"] = entry.get("unmapped_codes") or None
        row["group_path"] = entry.get("path")
    return rows


def mapping_log(loaded: Loaded, top: int = 20) -> dict | None:
    """The code mapping's log over the stays Tixi grouped: the mapping's version, the stays it changed and
    the code pairs most often changed, the stays with a code it could not map (in neither the mapping nor
    the grouper's code set) and those codes, most frequent first. None when Tixi grouped no stay."""
    if loaded.grouping_log is None or loaded.grouping_log.num_rows == 0:
        return None
    from collections import Counter

    changed, unmapped = Counter(), Counter()
    changed_stays = unmapped_stays = 0
    columns = loaded.grouping_log.select(["mapped_codes", "unmapped_codes"]).to_pydict()
    for changes, failed in zip(columns["mapped_codes"], columns["unmapped_codes"], strict=True):
        if changes:
            changed_stays += 1
            changed.update(set(changes.split(";")))
        if failed:
            unmapped_stays += 1
            unmapped.update(set(failed.split(";")))
    return {
        "code_map": loaded.versions.code_map,
        "grouped_stays": loaded.grouping_log.num_rows,
        "changed_stays": changed_stays,
        "changed_codes": [
            {"clinical": pair.split("→")[0], "insurance": pair.split("→")[1], "stays": n}
            for pair, n in sorted(changed.items(), key=lambda item: (-item[1], item[0]))[:top]
        ],
        "unmapped_stays": unmapped_stays,
        "unmapped_codes": [
            {"code": code, "stays": n}
            for code, n in sorted(unmapped.items(), key=lambda item: (-item[1], item[0]))[:top]
        ],
    }

"""Hospital performance indicators from discharge records, as the national assessment (国考) defines them,
written once as SQL over a per-case fact table and run on DuckDB (embedded, the default) or on Apache
Spark (local mode or a cluster): the SQL is DuckDB's dialect and sqlglot translates it for Spark, so
there is one copy of every definition (`DuckDBEngine`, `SparkEngine`).

Inputs (tables of one DuckDB connection):
- `discharges`: one row per stay (the stored columns of a discharge record, `|`-separated lists);
- `hospitals(institution_id, hospital, level, beds, county)`: the registry's level (1-3), actual beds
  and the 6-digit county the hospital stands in;
- `list_codes(kind, code)`: the procedure lists of the chosen versions (level4, level3,
  minimally_invasive, surgery);
- `weights(drg, weight)`: the DRG weight table of the chosen version.
On Spark these are temporary views of the same names (`SparkEngine.from_duckdb`, `read_parquet`).

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

import datetime as dt
import functools
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


# ---------------------------------------------------------------------------------------------------
# Engines. The definitions below are SQL text in DuckDB's dialect, written once. DuckDB runs the text as
# written; Spark runs sqlglot's translation of it (`to_spark`). Each definition is a named stage: a view
# (evaluated where it is read, so unused columns cost nothing) or a table (computed once and reused).


class DuckDBEngine:
    """The definitions on an embedded DuckDB connection (the default)."""

    name = "duckdb"

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con

    def create(self, name: str, select: str, table: bool = True) -> None:
        self.con.execute(f"CREATE OR REPLACE TEMP {'TABLE' if table else 'VIEW'} {name} AS {select}")

    def put(self, name: str, arrow) -> None:
        self.con.register("_arrow_in", arrow)
        try:
            self.con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM _arrow_in")
        finally:
            self.con.unregister("_arrow_in")

    def rows(self, select: str) -> list[dict]:
        result = self.con.execute(select)
        names = [d[0] for d in result.description]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]

    def tuples(self, select: str) -> list[tuple]:
        return self.con.execute(select).fetchall()

    def group(self, group: "Group", select: str) -> None:
        self.put("grouped", group(self.con.sql(select)))

    def close(self) -> None:
        self.con.close()


_SPARK_FUNCTIONS = {
    "LIST_EXTRACT": "TRY_ELEMENT_AT"
}  # DuckDB's 1-based, NULL out of range; sqlglot leaves it as is


@functools.lru_cache(maxsize=256)
def to_spark(sql: str) -> str:
    """A definition in Spark SQL: sqlglot's translation from DuckDB's dialect."""
    import sqlglot
    from sqlglot import exp

    tree = sqlglot.parse_one(sql, read="duckdb")
    for node in list(tree.find_all(exp.Anonymous)):
        spark_name = _SPARK_FUNCTIONS.get(str(node.this).upper())
        if spark_name:
            node.replace(exp.Anonymous(this=spark_name, expressions=node.expressions))
    return tree.sql(dialect="spark")


def spark_session(master: str | None = None, partitions: int | None = None, memory: str | None = None):
    """A Spark session: TIXI_SPARK_MASTER (a cluster's spark://host:7077, or local[N]; default local[*]).
    Tixi must be installed where the executors run (the grouper runs there). Timestamps are read in UTC,
    so no daylight-saving jump enters a length of stay."""
    import os
    import sys

    from pyspark.sql import SparkSession

    master = master or os.environ.get("TIXI_SPARK_MASTER") or "local[*]"
    # the grouper runs in Spark's Python workers: this interpreter (its virtualenv) unless told otherwise
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (
        SparkSession.builder.appName("tixi-hospitals")
        .master(master)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.memory", memory or os.environ.get("TIXI_SPARK_DRIVER_MEMORY", "2g"))
        .config(
            "spark.sql.shuffle.partitions", str(partitions or os.environ.get("TIXI_SPARK_PARTITIONS", "8"))
        )
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
    )
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def _plain(value):
    """Spark hands DECIMAL back as Decimal: as float, as DuckDB's DOUBLE would be."""
    import decimal

    return float(value) if isinstance(value, decimal.Decimal) else value


class SparkEngine:
    """The same definitions on Apache Spark (local mode or a cluster), translated by sqlglot."""

    name = "spark"

    def __init__(self, session=None):
        self.spark = session or spark_session()
        self.cached: dict[str, object] = {}

    @classmethod
    def from_duckdb(cls, con: duckdb.DuckDBPyConnection, session=None) -> "SparkEngine":
        """The input tables `prepare` made (and the caller filled) in DuckDB, handed to Spark as Arrow."""
        engine = cls(session)
        for name in INPUTS:
            engine.put(name, con.table(name).fetch_arrow_table())
        return engine

    def read_parquet(self, name: str, path: str) -> None:
        self.spark.read.parquet(path).createOrReplaceTempView(name)

    def _replace(self, name: str, frame, table: bool) -> None:
        old = self.cached.pop(name, None)
        if table:
            frame = frame.cache()
            self.cached[name] = frame
        frame.createOrReplaceTempView(name)
        if old is not None:
            old.unpersist()

    def create(self, name: str, select: str, table: bool = True) -> None:
        self._replace(name, self.spark.sql(to_spark(select)), table)

    def put(self, name: str, arrow) -> None:
        self._replace(name, self.spark.createDataFrame(arrow), True)

    def rows(self, select: str) -> list[dict]:
        return [
            {k: _plain(v) for k, v in row.asDict().items()}
            for row in self.spark.sql(to_spark(select)).collect()
        ]

    def tuples(self, select: str) -> list[tuple]:
        return [tuple(_plain(v) for v in row) for row in self.spark.sql(to_spark(select)).collect()]

    def group(self, group: "Group", select: str) -> None:
        """The grouper runs where the stays are (Spark's Python workers), 50,000 stays at a time (rows
        through Spark's RDD, so that no pandas is needed)."""
        frame = self.spark.sql(to_spark(select))
        names = frame.columns

        def run(rows):
            import itertools

            import duckdb as worker_duckdb
            import pyarrow as pa

            con = worker_duckdb.connect()
            rows = iter(rows)
            while chunk := list(itertools.islice(rows, 50_000)):
                stays = pa.table(  # noqa: F841 (scanned by DuckDB by name)
                    {name: list(column) for name, column in zip(names, zip(*chunk, strict=True), strict=True)}
                )
                result = pa.table(group(con.sql("SELECT * FROM stays")))
                yield from zip(*(result.column(c).to_pylist() for c in GROUPED_COLUMNS), strict=True)
            con.close()

        grouped = self.spark.createDataFrame(
            frame.rdd.mapPartitions(run), "institution_id long, record_id string, drg string, status string"
        )
        self._replace("grouped", grouped, True)

    def close(self) -> None:
        for frame in self.cached.values():
            frame.unpersist()
        self.cached.clear()


Engine = DuckDBEngine | SparkEngine
INPUTS = ("discharges", "hospitals", "list_codes", "weights")


def engine_of(con) -> Engine:
    """A DuckDB connection (the callers' usual argument) or an engine."""
    return con if isinstance(con, DuckDBEngine | SparkEngine) else DuckDBEngine(con)


GROUPED_COLUMNS = ("institution_id", "record_id", "drg", "status")


def _grouped_empty():
    import pyarrow as pa

    return pa.table(
        {
            "institution_id": pa.array([], pa.int64()),
            "record_id": pa.array([], pa.string()),
            "drg": pa.array([], pa.string()),
            "status": pa.array([], pa.string()),
        }
    )


# ---------------------------------------------------------------------------------------------------
# The definitions (DuckDB's dialect, kept to what sqlglot translates to Spark SQL faithfully; the parity
# test runs every one on both engines).

# the stored times are 'YYYY-MM-DD HH:MM' (the import writes them so): a cast reads them at half the
# cost of strptime, on both engines; calendar days from the dates alone
LOS_DAYS = (
    "greatest(date_diff('day', CAST(substr(d.admitted_at, 1, 10) AS DATE), "
    "CAST(substr(d.discharged_at, 1, 10) AS DATE)), 1)"
)


def _stay_hours(table: str) -> str:
    return (
        f"CAST(date_diff('minute', CAST({table}.admitted_at AS TIMESTAMP), "
        f"CAST({table}.discharged_at AS TIMESTAMP)) AS DOUBLE) / 60"
    )


STAYS = f"""
    SELECT d.institution_id, h.hospital, h.level, h.county AS hospital_county, d.record_id,
        d.department, d.month, d.year, d.sex, d.age_years, d.age_days, d.birth_weight, d.principal_diagnosis,
        d.other_diagnoses, d.procedures, d.procedure_kinds, d.discharge_method, d.total_cost,
        d.drg AS payer_drg, d.represents AS w,
        coalesce(d.elective, false) AS elective, d.day_surgery, d.pathway_entered, d.pathway_completed,
        substr(d.residence_code, 1, 6) AS residence_county,
        {LOS_DAYS} AS los_days,
        d.admitted_at, d.discharged_at, {_stay_hours("d")} AS stay_hours
    FROM discharges d JOIN hospitals h ON h.institution_id = d.institution_id"""

# patients, not operations: a stay is on a list when any of its procedures is. The lists are matched once
# per distinct procedure string of the cube (`cube_stays`), not per stay: far fewer strings than stays,
# and no join on record ids. Only strings with a listed code come out (the others are on no list).
PROCEDURE_FLAGS = """
    SELECT p.procedures,
        bool_or(l.kind = 'surgery') AS on_surgery_list,
        bool_or(l.kind = 'minimally_invasive') AS on_mi_list,
        bool_or(l.kind = 'level4') AS on_level4_list,
        bool_or(l.kind = 'level3') AS on_level3_list
    FROM (SELECT procedures, unnest(string_split(procedures, '|')) AS code
          FROM (SELECT DISTINCT procedures FROM cube_stays WHERE procedures <> '') u) p
    JOIN list_codes l ON l.code = p.code
    GROUP BY p.procedures"""

UNGROUPED = """
    SELECT institution_id, record_id, sex, age_years, age_days, birth_weight, principal_diagnosis,
           other_diagnoses, procedures, discharge_method, los_days
    FROM stays WHERE payer_drg = ''"""


def _kind_in(column: str, kinds: Sequence[str]) -> str:
    """Any procedure of the stay is of one of `kinds`, on the stored text (no list is built): the import
    stores only the words surgery, intervention, diagnostic and therapeutic, none inside another."""
    return "(" + " OR ".join(f"{column} LIKE '%{k}%'" for k in kinds) + ")"


def _flagged(surgery_list: bool) -> str:
    """Each stay with its DRG and the flags every indicator sums (no weight yet: see `FACTS`)."""
    surgery = (
        "coalesce(f.on_surgery_list, false)"
        if surgery_list
        else f"coalesce({_kind_in('s.procedure_kinds', SURGERY_KINDS)}, false)"
    )
    # the inner query decides each stay's surgery flag and DRG once; the outer one derives the rest.
    # The times are read only for flagged day surgery (a CASE evaluates its branch on the rows it
    # selects; `stay_hours`, a column of `stays`, would be computed for every stay).
    return f"""
    SELECT x.*,
        surgery AND on_mi_list AS minimally_invasive,
        surgery AND on_level4_list AS level4,
        surgery AND on_level3_list AS level3,
        surgery AND elective AS elective_surgery,
        CASE WHEN surgery AND elective AND day_surgery THEN {_stay_hours("x")} <= {DAY_SURGERY_HOURS} ELSE false END
            AS day_surgery_case,
        CASE WHEN NOT day_surgery THEN NULL
             WHEN NOT (surgery AND elective) THEN '{DAY_SURGERY_NOT_ELECTIVE_SURGERY}'
             WHEN stay_hours > {DAY_SURGERY_HOURS} THEN '{DAY_SURGERY_OVER_24H}' END AS day_surgery_excluded,
        coalesce(payer_drg = '' AND grouped_drg IS NULL, false) AS not_grouped,
        discharge_method = '{DEATH}' AS died
    FROM (
        SELECT s.*,
            CASE WHEN s.payer_drg <> '' THEN s.payer_drg ELSE g.drg END AS drg,
            {surgery} AS surgery,
            coalesce(f.on_mi_list, false) AS on_mi_list,
            coalesce(f.on_level4_list, false) AS on_level4_list,
            coalesce(f.on_level3_list, false) AS on_level3_list,
            g.drg AS grouped_drg, g.status AS group_status
        FROM stays s
        LEFT JOIN procedure_flags f ON f.procedures = s.procedures
        LEFT JOIN grouped g ON g.institution_id = s.institution_id AND g.record_id = s.record_id
    ) x"""


FACTS = f"""
    SELECT f.*, wt.weight,
        CASE WHEN f.not_grouped THEN '{NOT_GROUPED}' WHEN wt.weight IS NULL THEN '{NO_WEIGHT}' END AS cmi_excluded
    FROM flagged f LEFT JOIN weights wt ON wt.drg = f.drg"""


# One pass over the stays (`cube_stays`): the sums of every figure per hospital, department, month, DRG
# and procedure string, with the stay's surgery flag by kind. Nothing per stay but this pass: the lists
# are matched per procedure string (`PROCEDURE_FLAGS`) and the flags they decide (surgery by list, MI,
# level 4 and 3, elective surgery, day surgery) apply to these sums, which `cube` then adds up without
# the procedure string. Every grouping the pages ask for, and the per-DRG references, are sums of
# `cube`'s rows. The times are parsed for the length of stay only, and for the hours only where a stay is
# flagged elective day surgery (a CASE evaluates its branch on the rows it selects).
def _cube_stays() -> str:
    hours = _stay_hours("d")
    return f"""
    SELECT d.institution_id, d.department, d.month, d.year,
        CASE WHEN d.drg <> '' THEN d.drg ELSE g.drg END AS drg,
        d.procedures,
        coalesce({_kind_in("d.procedure_kinds", SURGERY_KINDS)}, false) AS kind_surgery,
        sum(d.represents) AS discharges,
        coalesce(sum(d.represents) FILTER (WHERE d.elective), 0) AS elective_patients,
        coalesce(sum(d.represents) FILTER (WHERE
            CASE WHEN d.elective AND d.day_surgery THEN {hours} <= {DAY_SURGERY_HOURS} ELSE false END), 0)
            AS elective_day_surgery_patients,
        coalesce(sum(d.represents) FILTER (WHERE d.pathway_entered), 0) AS pathway_patients,
        coalesce(sum(d.represents) FILTER (WHERE d.pathway_entered AND d.pathway_completed), 0) AS pathway_completed,
        sum({LOS_DAYS} * d.represents) AS bed_days,
        sum(d.total_cost * d.represents) AS total_cost,
        coalesce(sum(d.represents) FILTER (WHERE d.discharge_method = '{DEATH}'), 0) AS deaths,
        coalesce(sum(d.represents) FILTER (WHERE d.drg = '' AND g.drg IS NULL), 0) AS not_grouped
    FROM discharges d
    LEFT JOIN grouped g ON g.institution_id = d.institution_id AND g.record_id = d.record_id
    GROUP BY d.institution_id, d.department, d.month, d.year,
        CASE WHEN d.drg <> '' THEN d.drg ELSE g.drg END, d.procedures,
        coalesce({_kind_in("d.procedure_kinds", SURGERY_KINDS)}, false)"""


def _cube(surgery_list: bool) -> str:
    surgery = "coalesce(f.on_surgery_list, false)" if surgery_list else "s.kind_surgery"
    return f"""
    SELECT c.*, h.hospital, h.level,
        CASE WHEN wt.weight IS NULL THEN 0 ELSE c.discharges END AS cmi_cases,
        wt.weight * c.discharges AS total_weight,
        CASE WHEN wt.weight IS NULL THEN c.discharges - c.not_grouped ELSE 0 END AS no_weight
    FROM (
        SELECT x.institution_id, x.department, x.month, x.year, x.drg,
            sum(x.discharges) AS discharges,
            sum(CASE WHEN x.surgery THEN x.discharges ELSE 0 END) AS surgery_patients,
            sum(CASE WHEN x.surgery AND x.on_mi_list THEN x.discharges ELSE 0 END) AS minimally_invasive_patients,
            sum(CASE WHEN x.surgery AND x.on_level4_list THEN x.discharges ELSE 0 END) AS level4_patients,
            sum(CASE WHEN x.surgery AND x.on_level3_list THEN x.discharges ELSE 0 END) AS level3_patients,
            sum(CASE WHEN x.surgery THEN x.elective_patients ELSE 0 END) AS elective_surgery_patients,
            sum(CASE WHEN x.surgery THEN x.elective_day_surgery_patients ELSE 0 END) AS day_surgery_patients,
            sum(x.pathway_patients) AS pathway_patients,
            sum(x.pathway_completed) AS pathway_completed,
            sum(x.bed_days) AS bed_days,
            sum(x.total_cost) AS total_cost,
            sum(x.deaths) AS deaths,
            sum(x.not_grouped) AS not_grouped
        FROM (
            SELECT s.*, {surgery} AS surgery,
                coalesce(f.on_mi_list, false) AS on_mi_list,
                coalesce(f.on_level4_list, false) AS on_level4_list,
                coalesce(f.on_level3_list, false) AS on_level3_list
            FROM cube_stays s LEFT JOIN procedure_flags f ON f.procedures = s.procedures
        ) x
        GROUP BY x.institution_id, x.department, x.month, x.year, x.drg
    ) c
    JOIN hospitals h ON h.institution_id = c.institution_id
    LEFT JOIN weights wt ON wt.drg = c.drg"""


# per-DRG references over every stay computed together (the region), each year on its own (a
# hospital's series loads several years at once): mean LOS and cost for the efficiency indices,
# mortality and its standardised log for the low-risk groups
# The population is `reference_cube(year, drg, discharges, bed_days, total_cost, deaths)`: the loaded
# stays' own sums (`cube`) when a division was loaded, or the reference region's sums handed in by the
# caller when one hospital was loaded (a hospital is not its own reference: its indices would be 1).
REFERENCE_CUBE = "SELECT year, drg, discharges, bed_days, total_cost, deaths FROM cube"
REFERENCE_COLUMNS = ("year", "drg", "discharges", "bed_days", "total_cost", "deaths")
DRG_REFERENCE = f"""
    WITH m AS (
        SELECT year, drg, sum(bed_days) / sum(discharges) AS mean_los, sum(total_cost) / sum(discharges) AS mean_cost,
               sum(deaths) / sum(discharges) AS mortality
        FROM reference_cube WHERE drg IS NOT NULL GROUP BY year, drg),
    z AS (SELECT year, avg(ln(mortality)) AS mu, stddev_samp(ln(mortality)) AS sigma FROM m
          WHERE mortality > 0 GROUP BY year)
    SELECT m.year, m.drg, m.mean_los, m.mean_cost, m.mortality,
        m.mortality > 0 AND coalesce((ln(greatest(m.mortality, 1e-12)) - z.mu) / nullif(z.sigma, 0), 0) < {LOW_RISK_Z} AS low_risk
    FROM m LEFT JOIN z ON z.year = m.year"""


def build_facts(con, group: Group | None = None, surgery_list: bool = False, reference=None) -> None:
    """Creates `facts` (a view: one row per stay with the flags every indicator sums, the DRG, its weight
    and the reasons a stay is left out of a figure), `cube` (its sums) and `drg_reference`. `con` is a
    DuckDB connection or an engine. `reference`: the per-(year, DRG) sums of the reference population
    (an Arrow table of `REFERENCE_COLUMNS`); None: the loaded stays are their own reference."""
    engine = engine_of(con)
    engine.create("stays", STAYS, table=False)
    if group is None:
        engine.put("grouped", _grouped_empty())
    else:
        engine.group(group, UNGROUPED)
    engine.create("cube_stays", _cube_stays())
    engine.create("procedure_flags", PROCEDURE_FLAGS)
    engine.create("flagged", _flagged(surgery_list), table=False)
    engine.create("facts", FACTS, table=False)
    engine.create("cube", _cube(surgery_list))
    if reference is None:
        engine.create("reference_cube", REFERENCE_CUBE, table=False)
    else:
        engine.put("reference_cube", reference)
    engine.create("drg_reference", DRG_REFERENCE)


def _aggregate(engine: Engine, keys: Sequence[str]) -> list[dict]:
    group_keys = [c for k in keys for c in KEYS[k]]
    select_keys = ", ".join(f"c.{c}" for c in group_keys)
    return engine.rows(f"""
        SELECT {select_keys + ", " if group_keys else ""}
            sum(c.discharges) AS discharges,
            sum(c.surgery_patients) AS surgery_patients,
            sum(c.minimally_invasive_patients) AS minimally_invasive_patients,
            sum(c.level4_patients) AS level4_patients,
            sum(c.level3_patients) AS level3_patients,
            sum(c.elective_surgery_patients) AS elective_surgery_patients,
            sum(c.day_surgery_patients) AS day_surgery_patients,
            sum(c.pathway_patients) AS pathway_patients,
            sum(c.pathway_completed) AS pathway_completed,
            sum(c.bed_days) AS bed_days,
            sum(c.cmi_cases) AS cmi_cases,
            sum(c.total_weight) AS total_weight,
            sum(c.bed_days / nullif(r.mean_los, 0)) FILTER (WHERE r.mean_los > 0) AS time_ratio_sum,
            coalesce(sum(c.discharges) FILTER (WHERE r.mean_los > 0), 0) AS time_ratio_cases,
            sum(c.total_cost / nullif(r.mean_cost, 0)) FILTER (WHERE r.mean_cost > 0) AS cost_ratio_sum,
            coalesce(sum(c.discharges) FILTER (WHERE r.mean_cost > 0), 0) AS cost_ratio_cases,
            coalesce(sum(c.discharges) FILTER (WHERE r.low_risk), 0) AS low_risk_cases,
            coalesce(sum(c.deaths) FILTER (WHERE r.low_risk), 0) AS low_risk_deaths,
            coalesce(sum(c.not_grouped), 0) AS not_grouped,
            coalesce(sum(c.no_weight), 0) AS no_weight,
            min(c.month) AS first_month, max(c.month) AS last_month
        FROM cube c LEFT JOIN drg_reference r ON r.drg = c.drg AND r.year = c.year
        {"GROUP BY " + select_keys if group_keys else ""}
        ORDER BY {select_keys or 1}""")


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


def days_in(period: int, as_of: dt.date | None = None) -> int:
    """Days of a year (YYYY) or a month (YYYYMM); of a period still open on `as_of`, the days up to and
    including that day (bed occupancy in October is over the year so far, not over 365 days)."""
    import calendar

    if period > 9999:
        year, month = divmod(period, 100)
        first, days = dt.date(year, month, 1), calendar.monthrange(year, month)[1]
    else:
        first, days = dt.date(period, 1, 1), 366 if calendar.isleap(period) else 365
    if as_of is not None and first <= as_of < first + dt.timedelta(days=days):
        return (as_of - first).days + 1
    return days


def compute(con, by: Sequence[str] = ("hospital",), as_of: dt.date | None = None) -> list[dict]:
    """The figures for each group of `by` (any of hospital, department, month, year); `facts` must be
    built. Bed occupancy needs the hospital in `by` (its beds) and is over the year, or the month (of
    a period still open on `as_of`, over its days so far).
    `con` is a DuckDB connection or an engine."""
    engine = engine_of(con)
    beds = dict(engine.tuples("SELECT institution_id, beds FROM hospitals"))
    rows = []
    for row in _aggregate(engine, by):
        hospital_beds = beds.get(row.get("institution_id")) if "hospital" in by else None
        if "month" in by:
            days = days_in(row["month"], as_of)
        elif row["first_month"] and row["first_month"] // 100 == row["last_month"] // 100:
            days = days_in(row["first_month"] // 100, as_of)
        else:
            days = None
        rows.append(finish(row, hospital_beds, days))
    return rows


def in_county_share(con) -> list[dict]:
    """县域内住院率 per county of residence: residents' stays in hospitals of their own county ÷ all
    their stays (in the hospitals whose records were loaded)."""
    result = engine_of(con).tuples(
        """SELECT residence_county AS county, sum(w) AS resident_discharges,
                  coalesce(sum(w) FILTER (WHERE hospital_county = residence_county), 0) AS in_county_discharges
           FROM stays WHERE residence_county <> '' GROUP BY residence_county ORDER BY residence_county"""
    )
    rows = []
    for county, total, inside in result:
        rows.append(
            {
                "county": county,
                "resident_discharges": total,
                "in_county_discharges": inside,
                "in_county_share": _share(inside, total),
            }
        )
    return rows


def cases(con, where: str = "true", limit: int = 200) -> list[dict]:
    """The stays behind a figure, with the flags that put them in it and the reasons that kept them out
    (`where` in DuckDB's dialect, over the columns of `facts`)."""
    return engine_of(con).rows(
        f"""SELECT f.hospital, f.record_id, f.month, f.department, f.los_days, round(f.stay_hours, 2) AS stay_hours,
                   f.surgery, f.minimally_invasive, f.level4, f.level3, f.elective_surgery, f.day_surgery,
                   f.day_surgery_case, f.day_surgery_excluded, f.pathway_entered, f.pathway_completed,
                   f.payer_drg, f.drg, f.group_status, f.weight, f.cmi_excluded, f.died, f.total_cost
            FROM facts f WHERE {where} ORDER BY f.hospital, f.record_id LIMIT {int(limit)}"""
    )


def unknown_procedure_codes(con, limit: int = 50) -> list[tuple[str, int]]:
    """Surgery codes on no list of the chosen versions: listed, never silently dropped. The codes and
    their kinds are paired by position (a small table of positions 1..longest list)."""
    engine = engine_of(con)
    (longest,) = engine.tuples(
        "SELECT coalesce(max(array_length(string_split(procedures, '|'))), 0) FROM stays WHERE procedures <> ''"
    )[0]
    import pyarrow as pa

    engine.put("positions", pa.table({"i": pa.array(range(1, int(longest) + 1), pa.int32())}))
    return engine.tuples(
        f"""SELECT code, count(*) AS n FROM (
                SELECT list_extract(string_split(s.procedures, '|'), p.i) AS code,
                       list_extract(string_split(s.procedure_kinds, '|'), p.i) AS kind
                FROM stays s JOIN positions p ON p.i <= array_length(string_split(s.procedures, '|'))
                WHERE s.procedures <> '') x
            WHERE kind IN ('surgery', 'intervention') AND code NOT IN (SELECT code FROM list_codes)
            GROUP BY code ORDER BY n DESC, code LIMIT {int(limit)}"""
    )


def drgs_without_weight(con) -> list[tuple[str, int]]:
    return engine_of(con).tuples(
        f"""SELECT drg, count(*) AS n FROM facts WHERE cmi_excluded = '{NO_WEIGHT}'
            GROUP BY drg ORDER BY n DESC, drg"""
    )


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
    discharges: str | None = None,
) -> None:
    """Creates the input tables but `discharges`' rows: the registry's hospitals, the lists' codes and
    the weights; `discharges` is created empty with its columns (the caller fills it), or, given a
    source (a table, `read_parquet('…')`), is a view of its columns (nothing copied, unused columns unread)."""
    if discharges:
        columns = ", ".join(f"CAST({name} AS {kind}) AS {name}" for name, kind in DISCHARGE_SCHEMA.items())
        con.execute(f"CREATE OR REPLACE VIEW discharges AS SELECT {columns} FROM {discharges}")
    else:
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


def case_mix(con) -> dict[int, dict]:
    """Per hospital, for the upcoding watch: CMI, the CMI its cases would have at the base split of their
    ADRG (the weight table's lowest weight of the ADRG: the case mix without severity), and the share of
    weighted cases in a split with complications (the DRG's 4th character 1 = MCC, 3 = CC)."""
    rows = engine_of(con).rows(
        """WITH base AS (SELECT substr(drg, 1, 3) AS adrg, min(weight) AS base_weight FROM weights GROUP BY substr(drg, 1, 3))
        SELECT f.institution_id,
               sum(f.weight * f.w) / sum(f.w) AS cmi,
               sum(b.base_weight * f.w) / sum(f.w) AS adrg_cmi,
               100 * CAST(coalesce(sum(f.w) FILTER (WHERE substr(f.drg, 4, 1) IN ('1', '3')), 0) AS DOUBLE) / sum(f.w) AS cc_capture,
               sum(f.w) AS cases, count(*) AS records
        FROM facts f JOIN base b ON b.adrg = substr(f.drg, 1, 3)
        WHERE f.weight IS NOT NULL GROUP BY f.institution_id"""
    )
    return {row["institution_id"]: row for row in rows}


CAPTURE_Z = (
    1.96  # a rise in CC/MCC capture counts when chance alone would give it less than 2.5 % of the time
)


def capture_rise_z(then: dict, now: dict) -> float:
    """The rise in CC/MCC capture in standard errors (two-proportion test, pooled). The sample size is the
    number of records, not the stays they stand for: a synthetic record standing for 150 stays carries
    one record's evidence, and a real hospital's records are its stays."""
    n1, n2 = then.get("records", then["cases"]), now.get("records", now["cases"])
    p1, p2 = then["cc_capture"] / 100, now["cc_capture"] / 100
    if not n1 or not n2:
        return 0.0
    pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
    error = (pooled * (1 - pooled) * (1 / n1 + 1 / n2)) ** 0.5
    return (p2 - p1) / error if error else 0.0


def upcoding_watch(before: dict[int, dict], after: dict[int, dict], drift_limit: float = 0.03) -> list[dict]:
    """CMI drifting faster than the case mix explains: the relative change of CMI minus the relative change
    of the ADRG-level CMI (what severity splits added), with the change in CC/MCC capture; flagged when
    the unexplained drift passes `drift_limit` (3 %) and the capture rose beyond chance (`CAPTURE_Z`: a
    hospital of a few dozen records moves by several points from one year to the next by chance alone)."""
    rows = []
    for pk, now in after.items():
        then = before.get(pk)
        if not then or not then["cmi"] or not then["adrg_cmi"]:
            continue
        cmi_change = now["cmi"] / then["cmi"] - 1
        mix_change = now["adrg_cmi"] / then["adrg_cmi"] - 1
        capture_change = now["cc_capture"] - then["cc_capture"]
        drift = cmi_change - mix_change
        z = capture_rise_z(then, now)
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
                "cc_capture_z": round(z, 2),
                "cases": now["cases"],
                "flagged": drift > drift_limit and capture_change > 0 and z > CAPTURE_Z,
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

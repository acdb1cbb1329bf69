"""Reading and checking a discharge file in bulk with DuckDB: the file is scanned, never held as Python
rows, so a city-year (1.3 M records) is checked in seconds. Problems come back as codes the app
translates (row, column, value, problem code, parameters)."""

import csv
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from tixi.exchange.engine.reading import MAX_RATIO, ReadError
from tixi.hospitals.engine.indicators import insert_rows
from tixi.hospitals.engine.layout import (
    FIELDS,
    FLAG_FIELDS,
    PROCEDURE_KINDS,
    SLOTS,
    anchor_of,
    column_for,
    slot_for,
)

TIME_FORMATS = ["%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d %H:%M:%S"]
# ICD-10 with the Chinese extensions (K80.101, I10.x00x002), a dagger/asterisk pair (A01.000x003+G01*) and a
# morphology code (C22.101M81600/3): every shape of the 医保版 2.0 and 国临版 2.0 code sets
DIAGNOSIS_PATTERN = (
    r"^[A-Z][0-9]{2}(\.[0-9A-Za-z]{1,4}([xX][0-9]{3})?)?"
    r"(\+?[A-Z][0-9]{2}(\.[0-9A-Za-z]{1,4}([xX][0-9]{3})?)?\*?)?(M[0-9]{5}/[0-9])?$"
)
# ICD-9-CM-3 with the Chinese extensions (96.0800x005, 01.6x00, 17.912A0)
PROCEDURE_PATTERN = r"^[0-9]{2}(\.[0-9x][0-9A-Za-z]{0,5}(x[0-9]{3,4})?)?$"
DRG_PATTERN = r"^[A-Z][A-Z0-9]{3}$"
PROBLEM_LIMIT = 500
NEONATE_DAYS = 28  # a neonate's stay needs its birth weight (CHS-DRG's MDCP splits on it)
MIN_GRAMS, MAX_GRAMS = 200, 9999  # a newborn's weight in grams


class LayoutError(ValueError):
    """The file is not a discharge file of this layout (missing columns)."""

    def __init__(self, missing: list[str], unknown: list[str]):
        super().__init__(", ".join(missing))
        self.missing = missing
        self.unknown = unknown


@dataclass
class Problem:
    row: int | None  # the file's row number (the heading is row 1)
    column: str
    value: str
    code: str  # what is wrong: "required", "time", "before_admission", ...
    params: dict = field(default_factory=dict)


@dataclass
class Checked:
    con: duckdb.DuckDBPyConnection  # holds `clean`: one typed row per record, ready to store
    rows: int
    problems: list[Problem]
    problem_count: int
    months: list[tuple[str, int]]  # (hospital code, YYYYMM) the file covers: those months are replaced


NOT_A_SPREADSHEET = "This is not a spreadsheet: neither .xlsx nor CSV."
NOT_TEXT = "The CSV is neither UTF-8 nor GBK text."


def _utf8_copy(path: Path) -> tuple[Path, bool]:
    """DuckDB reads UTF-8: a GBK file (what Excel in China saves) is re-encoded into a temporary copy.
    A file that is neither (a binary renamed .csv) is refused with the imports' reason (ReadError)."""
    with open(path, "rb") as handle:
        head = handle.read(1 << 16)
    if b"\x00" in head[:4096] or head[:4] == b"PK\x03\x04":
        raise ReadError(NOT_A_SPREADSHEET)
    try:
        head.decode("utf-8")
        return path, False
    except UnicodeDecodeError as error:
        if error.start > len(head) - 4:  # a character cut at the end of the sample
            return path, False
    fd, name = tempfile.mkstemp(suffix=".csv")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out, open(path, encoding="gb18030") as source:
            while chunk := source.read(1 << 20):
                out.write(chunk)
    except UnicodeDecodeError:
        Path(name).unlink(missing_ok=True)
        raise ReadError(NOT_TEXT) from None
    return Path(name), True


def _xlsx_to_csv(path: Path) -> Path:
    """An .xlsx is streamed row by row (calamine) into a temporary CSV that DuckDB then scans; a file
    that is no workbook, or one that expands far beyond its size (a zip bomb), is refused (ReadError)."""
    import zipfile

    from python_calamine import CalamineWorkbook

    try:
        with zipfile.ZipFile(path) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise ReadError(NOT_A_SPREADSHEET) from None
    if expanded > MAX_RATIO * max(path.stat().st_size, 1):
        raise ReadError(
            "The workbook expands to %(size)s MB: refused as unsafe (zip bomb).", size=expanded // 2**20
        )
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheet = workbook.get_sheet_by_index(0)
    except Exception:  # calamine's own errors (no workbook part, a damaged sheet)
        raise ReadError(NOT_A_SPREADSHEET) from None
    fd, name = tempfile.mkstemp(suffix=".csv")
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        for row in sheet.iter_rows():
            writer.writerow(["" if v is None else _cell_text(v) for v in row])
    return Path(name)


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d %H:%M") if hasattr(value, "hour") else value.strftime("%Y-%m-%d")
    return str(value)


def _headings(path: Path) -> tuple[list[str], int]:
    """The file's column codes and how many heading rows it has (the template has a second row of
    English codes under the Chinese headings)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        first = next(reader, [])
        second = next(reader, [])
    codes = [column_for(h) or _slot_name(h) or _stay_number(h) for h in first]
    skip = 1
    pairs = [(v, c) for v, c in zip(second, codes, strict=False) if v.strip()]
    if pairs and all(column_for(v) == c for v, c in pairs):
        skip = 2
    return [c or f"?{h}" for c, h in zip(codes, first, strict=False)], skip


STAY_NUMBER = "A49"  # 住院次数 of the national layout: the n-th stay of the same 病案号 (A48)


def _stay_number(heading: str) -> str:
    return "stay_number" if heading.strip().lstrip("\ufeff").upper() == STAY_NUMBER else ""


def _slot_name(heading: str) -> str:
    """`procedures__3` for a numbered national column (C35x03C), else ''."""
    slot = slot_for(heading)
    return f"{slot[0]}__{slot[1]}" if slot else ""


def _raw_name(national: str, names: list[str]) -> str | None:
    """The raw table's column for a national column name, when the file has it."""
    if national in SLOTS:
        code, index = SLOTS[national]
        name = f"{code}__{index}"
    else:
        name = column_for(national) or ""
    return name if name in names else None


def _join_slots(con: duckdb.DuckDBPyConnection, names: list[str]) -> None:
    """Joins the numbered national columns of each list (C35x01C, C35x02C ...) into our `|`-separated
    column, keeping a slot where its anchor (the code it goes with) is filled, so that a procedure's date,
    level, incision and anaesthesia stay in the procedure's position."""
    for f in FIELDS:
        if not f.slots or f.code in names:
            continue
        values = [_raw_name(n, names) for n in f.slots]
        if not any(values):
            continue
        anchors = [_raw_name(n, names) for n in anchor_of(f)]
        value_list = "[" + ", ".join(f"trim({v})" if v else "NULL" for v in values) + "]"
        anchor_list = "[" + ", ".join(f"trim({a})" if a else "NULL" for a in anchors) + "]"
        kept = f"list_filter(range(1, {len(values) + 1}), lambda i: nullif({anchor_list}[i], '') IS NOT NULL)"
        entries = f"list_transform({kept}, lambda i: coalesce({value_list}[i], ''))"
        con.execute(
            f"""CREATE OR REPLACE TABLE raw AS SELECT *,
                CASE WHEN list_bool_or(list_transform({entries}, lambda x: x <> ''))
                     THEN array_to_string({entries}, '|') ELSE '' END AS {f.code}
            FROM raw"""
        )
        names.append(f.code)


def read(path: Path, con: duckdb.DuckDBPyConnection | None = None) -> tuple[duckdb.DuckDBPyConnection, int]:
    """Loads the file into the table `raw` (all text, our column codes, `row_no` as in the file)."""
    path = Path(path)
    temporary = []
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        path = _xlsx_to_csv(path)
        temporary.append(path)
    else:
        path, copied = _utf8_copy(path)
        if copied:
            temporary.append(path)
    try:
        codes, skip = _headings(path)
        present = [c.split("__")[0] for c in codes if not c.startswith("?")]
        missing = [f.code for f in FIELDS if f.required and f.code not in present]
        if missing:
            raise LayoutError(missing, [c[1:] for c in codes if c.startswith("?")])
        con = con or duckdb.connect()
        names = [c if not c.startswith("?") else f"ignored_{i}" for i, c in enumerate(codes)]
        columns = "{" + ", ".join(f"'{n}': 'VARCHAR'" for n in names) + "}"
        con.execute(
            f"""CREATE OR REPLACE TABLE raw AS
            SELECT row_number() OVER () + {skip} AS row_no, *
            FROM read_csv(?, header=false, skip={skip}, columns={columns}, quote='"', escape='"',
                          null_padding=true, strict_mode=false)""",
            [str(path)],
        )
        _join_slots(con, names)
        if "stay_number" in names:  # 病案号 123456, 住院次数 2 -> record id 123456-2 (one per stay)
            con.execute(
                """CREATE OR REPLACE TABLE raw AS SELECT * REPLACE (
                    CASE WHEN nullif(trim(stay_number), '') IS NULL THEN record_id
                         ELSE trim(record_id) || '-' || trim(stay_number) END AS record_id)
                FROM raw"""
            )
        for f in FIELDS:
            if f.code not in names:
                con.execute(f"ALTER TABLE raw ADD COLUMN {f.code} VARCHAR")
        rows = con.execute("SELECT count(*) FROM raw").fetchone()[0]
        return con, rows
    finally:
        for p in temporary:
            p.unlink(missing_ok=True)


def _kinds_case(expr: str) -> str:
    cases = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in PROCEDURE_KINDS.items())
    return f"CASE trim({expr}) {cases} ELSE NULL END"


def _flag(code: str) -> str:
    return (
        f"CASE WHEN nullif(trim({code}), '') IS NULL THEN NULL "
        f"WHEN trim({code}) IN ('1', '是', 'Y', 'y', 'true') THEN true "
        f"WHEN trim({code}) IN ('0', '否', 'N', 'n', 'false') THEN false ELSE NULL END"
    )


def _split(code: str) -> str:
    return f"CASE WHEN nullif(trim({code}), '') IS NULL THEN []::VARCHAR[] ELSE list_transform(string_split({code}, '|'), lambda x: trim(x)) END"


def check(
    con: duckdb.DuckDBPyConnection,
    hospitals: dict[str, int],
    rows: int | None = None,
    known_codes: Iterable[str] | None = None,
) -> Checked:
    """Types the raw rows into `clean` and lists every problem; `hospitals` maps the registry's
    codes to their ids (an unknown hospital is a problem, not a dropped row); `known_codes` are the
    diagnosis and procedure codes a stay may carry (the grouper's 医保 codes and the clinical codes of
    the code mapping): a well-formed code outside them is listed by row and field, never dropped."""
    formats = "[" + ", ".join(f"'{f}'" for f in TIME_FORMATS) + "]"
    con.execute("CREATE OR REPLACE TABLE known_hospitals (code VARCHAR, id BIGINT)")
    insert_rows(con, "known_hospitals", list(hospitals.items()))
    flags = ",\n".join(f"{_flag(c)} AS {c}" for c in FLAG_FIELDS)
    con.execute(
        f"""CREATE OR REPLACE TABLE typed AS
        SELECT r.row_no,
            trim(r.hospital_code) AS hospital_code, h.id AS institution_id, trim(r.record_id) AS record_id,
            try_strptime(trim(r.admitted_at), {formats}) AS admitted,
            try_strptime(trim(r.discharged_at), {formats}) AS discharged,
            coalesce(trim(r.department), '') AS department,
            CASE trim(r.sex) WHEN '1' THEN '1' WHEN '男' THEN '1' WHEN '2' THEN '2' WHEN '女' THEN '2'
                 WHEN '9' THEN '9' WHEN '0' THEN '9' WHEN '未说明' THEN '9' ELSE NULL END AS sex,
            try_cast(nullif(trim(r.age_years), '') AS INTEGER) AS age_years,
            try_cast(nullif(trim(r.age_days), '') AS INTEGER) AS age_days,
            try_cast(nullif(trim(r.birth_weight), '') AS INTEGER) AS birth_weight,
            try_cast(nullif(trim(r.admission_weight), '') AS INTEGER) AS admission_weight,
            coalesce(trim(r.residence_code), '') AS residence_code,
            coalesce(trim(r.admission_route), '') AS admission_route,
            -- the chapter letter in capitals; the extension keeps its lower-case x (I10.x00x002), as the code sets write it
            upper(left(trim(r.principal_diagnosis), 1)) || substr(trim(r.principal_diagnosis), 2) AS principal_diagnosis,
            {_split("r.other_diagnoses")} AS other_diagnoses,
            {_split("r.admission_conditions")} AS admission_conditions,
            {_split("r.procedures")} AS procedures,
            {_split("r.procedure_dates")} AS procedure_dates,
            {_split("r.procedure_levels")} AS procedure_levels,
            list_transform({_split("r.procedure_kinds")}, lambda k: {_kinds_case("k")}) AS procedure_kinds,
            {_split("r.procedure_kinds")} AS procedure_kinds_given,
            {_split("r.incisions")} AS incisions,
            {_split("r.anaesthesia")} AS anaesthesia,
            {flags},
            coalesce(trim(r.discharge_method), '') AS discharge_method,
            try_cast(replace(nullif(trim(r.total_cost), ''), ',', '') AS DOUBLE) AS total_cost,
            upper(coalesce(trim(r.drg), '')) AS drg,
            {", ".join(f"r.{f.code} AS r_{f.code}" for f in FIELDS)}
        FROM raw r LEFT JOIN known_hospitals h ON h.code = trim(r.hospital_code)"""
    )
    checks = [
        # (column, problem code, condition on typed rows, value shown)
        *[(f.code, "required", f"nullif(trim(r_{f.code}), '') IS NULL", "''") for f in FIELDS if f.required],
        # typed text kept as it is: a control character is refused, as every other import refuses it
        *[
            (c, "control_character", f"regexp_matches({c}, '[\\x00-\\x1f\\x7f]')", c)
            for c in ("record_id", "department")
        ],
        (
            "hospital_code",
            "unknown_hospital",
            "nullif(trim(r_hospital_code), '') IS NOT NULL AND institution_id IS NULL",
            "r_hospital_code",
        ),
        (
            "admitted_at",
            "time",
            "nullif(trim(r_admitted_at), '') IS NOT NULL AND admitted IS NULL",
            "r_admitted_at",
        ),
        (
            "discharged_at",
            "time",
            "nullif(trim(r_discharged_at), '') IS NOT NULL AND discharged IS NULL",
            "r_discharged_at",
        ),
        ("discharged_at", "before_admission", "discharged < admitted", "r_discharged_at"),
        ("sex", "sex", "nullif(trim(r_sex), '') IS NOT NULL AND sex IS NULL", "r_sex"),
        (
            "age_years",
            "number",
            "nullif(trim(r_age_years), '') IS NOT NULL AND (age_years IS NULL OR age_years < 0 OR age_years > 150)",
            "r_age_years",
        ),
        (
            "age_days",
            "number",
            "nullif(trim(r_age_days), '') IS NOT NULL AND (age_days IS NULL OR age_days < 0 OR age_days > 365)",
            "r_age_days",
        ),
        (
            "age_years",
            "age_missing",
            "nullif(trim(r_age_years), '') IS NULL AND nullif(trim(r_age_days), '') IS NULL",
            "''",
        ),
        (
            "age_days",
            "neonate_age_days",
            "age_years = 0 AND nullif(trim(r_age_days), '') IS NULL",
            "r_age_years",
        ),
        *[
            (
                c,
                "grams",
                f"nullif(trim(r_{c}), '') IS NOT NULL AND ({c} IS NULL OR {c} < {MIN_GRAMS} OR {c} > {MAX_GRAMS})",
                f"r_{c}",
            )
            for c in ("birth_weight", "admission_weight")
        ],
        (
            "birth_weight",
            "neonate_birth_weight",
            f"coalesce(age_years, 0) = 0 AND age_days <= {NEONATE_DAYS} AND nullif(trim(r_birth_weight), '') IS NULL",
            "r_age_days",
        ),
        (
            "principal_diagnosis",
            "diagnosis_code",
            f"nullif(principal_diagnosis, '') IS NOT NULL AND NOT regexp_matches(principal_diagnosis, '{DIAGNOSIS_PATTERN}')",
            "principal_diagnosis",
        ),
        (
            "other_diagnoses",
            "diagnosis_code",
            f"len(list_filter(other_diagnoses, lambda x: NOT regexp_matches(x, '{DIAGNOSIS_PATTERN}'))) > 0",
            f"array_to_string(list_filter(other_diagnoses, lambda x: NOT regexp_matches(x, '{DIAGNOSIS_PATTERN}')), '|')",
        ),
        (
            "procedures",
            "procedure_code",
            f"len(list_filter(procedures, lambda x: NOT regexp_matches(x, '{PROCEDURE_PATTERN}'))) > 0",
            f"array_to_string(list_filter(procedures, lambda x: NOT regexp_matches(x, '{PROCEDURE_PATTERN}')), '|')",
        ),
        *[
            (c, "list_length", f"len({given}) > 0 AND len({given}) <> len(procedures)", f"r_{c}")
            for c, given in (
                ("procedure_dates", "procedure_dates"),
                ("procedure_levels", "procedure_levels"),
                ("procedure_kinds", "procedure_kinds_given"),
                ("incisions", "incisions"),
                ("anaesthesia", "anaesthesia"),
            )
        ],
        (
            "procedure_kinds",
            "procedure_kind",
            "len(list_filter(procedure_kinds, lambda k: k IS NULL)) > 0",
            "r_procedure_kinds",
        ),
        (
            "procedure_levels",
            "procedure_level",
            "len(list_filter(procedure_levels, lambda x: x NOT IN ('1', '2', '3', '4'))) > 0",
            "r_procedure_levels",
        ),
        (
            "procedure_dates",
            "procedure_date",
            "len(list_filter(procedure_dates, lambda x: try_strptime(x, '%Y-%m-%d') IS NULL)) > 0",
            "r_procedure_dates",
        ),
        (
            "procedure_dates",
            "procedure_outside_stay",
            "admitted IS NOT NULL AND discharged IS NOT NULL AND len(list_filter(procedure_dates, lambda x: try_strptime(x, '%Y-%m-%d')::DATE < admitted::DATE OR try_strptime(x, '%Y-%m-%d')::DATE > discharged::DATE)) > 0",
            "r_procedure_dates",
        ),
        *[(c, "flag", f"nullif(trim(r_{c}), '') IS NOT NULL AND {c} IS NULL", f"r_{c}") for c in FLAG_FIELDS],
        (
            "pathway_completed",
            "completed_without_entry",
            "pathway_completed AND NOT coalesce(pathway_entered, false)",
            "r_pathway_completed",
        ),
        (
            "discharge_method",
            "discharge_method",
            "discharge_method <> '' AND discharge_method NOT IN ('1', '2', '3', '4', '5', '9')",
            "r_discharge_method",
        ),
        (
            "total_cost",
            "number",
            "nullif(trim(r_total_cost), '') IS NOT NULL AND (total_cost IS NULL OR total_cost < 0)",
            "r_total_cost",
        ),
        ("drg", "drg_code", f"drg <> '' AND NOT regexp_matches(drg, '{DRG_PATTERN}')", "drg"),
        (
            "record_id",
            "duplicate",
            "count(*) OVER (PARTITION BY hospital_code, record_id) > 1 AND nullif(record_id, '') IS NOT NULL",
            "r_record_id",
        ),
    ]
    unions = " UNION ALL ".join(
        f"SELECT row_no, '{column}' AS col, CAST({value} AS VARCHAR) AS val, '{code}' AS problem FROM typed WHERE {condition}"
        if code != "duplicate"
        else f"SELECT row_no, '{column}', CAST({value} AS VARCHAR), '{code}' FROM (SELECT *, {condition} AS bad FROM typed) WHERE bad"
        for column, code, condition, value in checks
    )
    if known_codes is not None:
        con.execute("CREATE OR REPLACE TABLE known_codes (code VARCHAR)")
        insert_rows(con, "known_codes", [(c,) for c in known_codes])
        unions += " UNION ALL " + " UNION ALL ".join(
            f"""SELECT row_no, '{column}', string_agg(code, '|' ORDER BY position), 'unknown_code'
                FROM (SELECT row_no, unnest({codes}) AS code, generate_subscripts({codes}, 1) AS position
                      FROM typed WHERE len({codes}) > 0) c
                WHERE regexp_matches(code, '{pattern}') AND code NOT IN (SELECT code FROM known_codes)
                GROUP BY row_no"""
            for column, codes, pattern in (
                ("principal_diagnosis", "[principal_diagnosis]", DIAGNOSIS_PATTERN),
                ("other_diagnoses", "other_diagnoses", DIAGNOSIS_PATTERN),
                ("procedures", "procedures", PROCEDURE_PATTERN),
            )
        )
    con.execute(f"CREATE OR REPLACE TABLE problems AS {unions}")
    count = con.execute("SELECT count(*) FROM problems").fetchone()[0]
    problems = [
        Problem(row, column, value or "", code)
        for row, column, value, code in con.execute(
            f"SELECT * FROM problems ORDER BY row_no, col LIMIT {PROBLEM_LIMIT}"
        ).fetchall()
    ]
    con.execute(
        """CREATE OR REPLACE TABLE clean AS SELECT
            institution_id, record_id,
            strftime(admitted, '%Y-%m-%d %H:%M') AS admitted_at,
            strftime(discharged, '%Y-%m-%d %H:%M') AS discharged_at,
            CAST(strftime(discharged, '%Y%m') AS INTEGER) AS month,
            year(discharged) AS year,
            department, sex, age_years, age_days, birth_weight, admission_weight, residence_code, admission_route, principal_diagnosis,
            coalesce(array_to_string(other_diagnoses, '|'), '') AS other_diagnoses,
            coalesce(array_to_string(admission_conditions, '|'), '') AS admission_conditions,
            coalesce(array_to_string(procedures, '|'), '') AS procedures,
            coalesce(array_to_string(procedure_dates, '|'), '') AS procedure_dates,
            coalesce(array_to_string(procedure_levels, '|'), '') AS procedure_levels,
            coalesce(array_to_string(procedure_kinds, '|'), '') AS procedure_kinds,
            coalesce(array_to_string(incisions, '|'), '') AS incisions,
            coalesce(array_to_string(anaesthesia, '|'), '') AS anaesthesia,
            elective, coalesce(day_surgery, false) AS day_surgery,
            coalesce(pathway_entered, false) AS pathway_entered,
            coalesce(pathway_completed, false) AS pathway_completed,
            discharge_method, total_cost, drg, hospital_code
        FROM typed ORDER BY row_no"""
    )
    months = con.execute(
        "SELECT DISTINCT hospital_code, month FROM clean WHERE month IS NOT NULL ORDER BY 1, 2"
    ).fetchall()
    total = rows if rows is not None else con.execute("SELECT count(*) FROM raw").fetchone()[0]
    return Checked(con, total, problems, count, months)


STORED_COLUMNS = (
    "institution_id", "record_id", "admitted_at", "discharged_at", "month", "year", "department", "sex",
    "age_years", "age_days", "birth_weight", "admission_weight", "residence_code", "admission_route", "principal_diagnosis", "other_diagnoses",
    "admission_conditions", "procedures", "procedure_dates", "procedure_levels", "procedure_kinds",
    "incisions", "anaesthesia", "elective", "day_surgery", "pathway_entered", "pathway_completed",
    "discharge_method", "total_cost", "drg",
)  # fmt: skip


def batches(checked: Checked, size: int = 20_000) -> Iterable[list[tuple]]:
    """The clean rows in file order, a batch at a time (what the app stores)."""
    result = checked.con.execute(f"SELECT {', '.join(STORED_COLUMNS)} FROM clean")
    while chunk := result.fetchmany(size):
        yield chunk

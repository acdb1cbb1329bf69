"""A discharge table (CSV text, the issue's columns) read into grouper cases, refused whole when it is wrong.

Problems carry an English message template with %(name)s parameters, the row (1 = header) and the field,
so the caller translates them; nothing is grouped or written when any problem is found.
"""

import csv
import io
from dataclasses import dataclass, field

import numpy as np

from .grouping import Cases
from .mapping import CodeMapping, apply
from .rules import RuleSet

REQUIRED = ("sex", "age_years", "age_days", "principal_diagnosis", "other_diagnoses", "procedures")
OPTIONAL = ("birth_weight",)
MAX_PROBLEMS = 50


@dataclass
class Problem:
    message: str
    params: dict = field(default_factory=dict)
    row: int | None = None
    field: str = ""


class CaseTableError(ValueError):
    def __init__(self, problems: list[Problem], more: int = 0):
        super().__init__(problems[0].message % problems[0].params if problems else "")
        self.problems = problems
        self.more = more  # problems found beyond those listed


@dataclass
class CaseTable:
    header: list[str]
    rows: list[list[str]]
    cases: Cases
    code_map: str | None = None  # the clinical → 医保 mapping the codes went through
    mapped_codes: list[str] = field(default_factory=list)  # per row: "clinical→医保" pairs, ";"-separated


def _number(text: str) -> float:
    """NaN for empty or unreadable text (the caller tells them apart)."""
    try:
        return float(text) if text else float("nan")
    except ValueError:
        return float("nan")


def read_case_table(text: str, rules: RuleSet, mapping: CodeMapping | None = None) -> CaseTable:
    """The table's cases; with a clinical → 医保 `mapping`, the codes go through it before they are checked
    against the grouper's code set (a code in neither is refused, named with its row and field)."""
    reader = csv.reader(io.StringIO(text))
    header = [name.strip() for name in next(reader, [])]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        if not set(REQUIRED) & set(header):
            message = "This is not a discharge table: its header has none of the columns %(columns)s."
            missing = list(REQUIRED)
        else:
            message = "The header lacks the columns %(columns)s."
        raise CaseTableError([Problem(message, {"columns": ", ".join(missing)}, 1, "header")])
    at = {name: header.index(name) for name in (*REQUIRED, *OPTIONAL) if name in header}
    rows = [row for row in reader if any(cell.strip() for cell in row)]
    problems: list[Problem] = []
    more = 0

    def problem(message: str, params: dict, row: int, column: str) -> None:
        nonlocal more
        if len(problems) < MAX_PROBLEMS:
            problems.append(Problem(message, params, row, column))
        else:
            more += 1

    # column by column, each checked with one pass; row numbers count the header as row 1
    width = len(header)
    for row in rows:
        if len(row) < width:
            row.extend([""] * (width - len(row)))
    column = {name: [row[position].strip() for row in rows] for name, position in at.items()}
    n = len(rows)
    sex = np.zeros(n, dtype=np.int64)
    # GB/T 2261.1: 1 male, 2 female, 0 unknown, 9 unstated; unknown ones fail the grouper's check
    for index, value in enumerate(column["sex"]):
        if value in ("1", "2"):
            sex[index] = int(value)
        elif value not in ("", "0", "9"):
            problem(
                "%(value)s is not a sex: 1 male, 2 female (0 or 9 unknown).",
                {"value": value},
                index + 2,
                "sex",
            )
    numbers = {}
    for name, (low, high, whole) in {
        "age_years": (0, 150, False),
        "age_days": (0, 365, True),
        "birth_weight": (100, 10000, False),
    }.items():
        values = column.get(name, [""] * n)
        try:
            parsed = np.array([value or "nan" for value in values], dtype=float)
            unreadable: list[int] = []
        except ValueError:  # the slow path only for a column holding text
            parsed = np.array([_number(value) for value in values], dtype=float)
            unreadable = np.flatnonzero(
                np.isnan(parsed) & np.array([bool(value) for value in values])
            ).tolist()
        with np.errstate(invalid="ignore"):
            bad = ~np.isnan(parsed) & (
                (parsed < low) | (parsed > high) | (whole & (parsed != np.trunc(parsed)))
            )
        bad[unreadable] = True
        for index in np.flatnonzero(bad).tolist():
            message = "%(value)s is not a number from %(low)s to %(high)s."
            problem(message, {"value": values[index], "low": low, "high": high}, index + 2, name)
        numbers[name] = parsed
    lists = {}
    for name in ("principal_diagnosis", "other_diagnoses", "procedures"):
        values = column[name]
        if name != "principal_diagnosis" and any(" " in value or "||" in value for value in values):
            values = ["|".join(code.strip() for code in value.split("|") if code.strip()) for value in values]
        lists[name] = values
    mapped_codes: list[str] = []
    if mapping is not None:
        mapped = apply(mapping, lists["principal_diagnosis"], lists["other_diagnoses"], lists["procedures"])
        lists = {
            "principal_diagnosis": mapped.principal_diagnosis,
            "other_diagnoses": mapped.other_diagnoses,
            "procedures": mapped.procedures,
        }
        mapped_codes = mapped.changes
    unknown_message = (
        "Unknown diagnosis codes: %(codes)s.",
        "Unknown procedure codes: %(codes)s.",
    )
    if mapping is not None:
        unknown_message = (
            "Diagnosis codes in neither the code mapping %(version)s nor the grouper's code set: %(codes)s.",
            "Procedure codes in neither the code mapping %(version)s nor the grouper's code set: %(codes)s.",
        )
    for name, ids, message in (
        ("principal_diagnosis", rules.diagnosis_ids, unknown_message[0]),
        ("other_diagnoses", rules.diagnosis_ids, unknown_message[0]),
        ("procedures", rules.procedure_ids, unknown_message[1]),
    ):
        values = lists[name]
        unknown = set("|".join(values).split("|")) - ids.keys() - {""}
        if not unknown:
            continue
        for index, value in enumerate(values):
            codes = [code for code in value.split("|") if code in unknown]
            if codes:
                params = {"codes": ", ".join(codes)}
                if mapping is not None:
                    params["version"] = mapping.version
                problem(message, params, index + 2, name)
    if problems:
        raise CaseTableError(problems, more)
    cases = Cases(
        sex=sex,
        age_years=numbers["age_years"],
        age_days=numbers["age_days"],
        birth_weight=numbers["birth_weight"],
        principal_diagnosis=lists["principal_diagnosis"],
        other_diagnoses=lists["other_diagnoses"],
        procedures=lists["procedures"],
    )
    return CaseTable(
        header=header,
        rows=rows,
        cases=cases,
        code_map=mapping.version if mapping else None,
        mapped_codes=mapped_codes,
    )

"""A discharge table (CSV text, the issue's columns) read into grouper cases, refused whole when it is wrong.

Problems carry an English message template with %(name)s parameters, the row (1 = header) and the field,
so the caller translates them; nothing is grouped or written when any problem is found.
"""

import csv
import io
from dataclasses import dataclass, field

import numpy as np

from .grouping import Cases
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


def _number(text: str, low: float, high: float, whole: bool) -> float | None:
    """NaN for empty, None when not a number in [low, high]."""
    if not text:
        return float("nan")
    try:
        value = float(text)
    except ValueError:
        return None
    if not low <= value <= high or (whole and value != int(value)):
        return None
    return value


def read_case_table(text: str, rules: RuleSet) -> CaseTable:
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

    n = len(rows)
    sex = np.zeros(n, dtype=np.int64)
    age = np.full(n, np.nan)
    days = np.full(n, np.nan)
    weight = np.full(n, np.nan)
    principal, others, procedures = [""] * n, [""] * n, [""] * n
    ranges = {
        "age_years": (age, 0, 150, False),
        "age_days": (days, 0, 365, True),
        "birth_weight": (weight, 100, 10000, False),
    }
    for index, row in enumerate(rows):
        line = index + 2
        if len(row) < len(header):
            row = row + [""] * (len(header) - len(row))
        cell = {name: row[position].strip() for name, position in at.items()}
        if cell["sex"] not in ("", "1", "2"):
            problem("%(value)s is not a sex: 1 male, 2 female.", {"value": cell["sex"]}, line, "sex")
        else:
            sex[index] = int(cell["sex"] or 0)
        for name, (target, low, high, whole) in ranges.items():
            if name not in cell:
                continue
            value = _number(cell[name], low, high, whole)
            if value is None:
                message = "%(value)s is not a number from %(low)s to %(high)s."
                problem(message, {"value": cell[name], "low": low, "high": high}, line, name)
            else:
                target[index] = value
        principal[index] = cell["principal_diagnosis"]
        if principal[index] and principal[index] not in rules.diagnosis_ids:
            problem(
                "Unknown diagnosis codes: %(codes)s.",
                {"codes": principal[index]},
                line,
                "principal_diagnosis",
            )
        for name, ids, kind, target in (
            ("other_diagnoses", rules.diagnosis_ids, "Unknown diagnosis codes: %(codes)s.", others),
            ("procedures", rules.procedure_ids, "Unknown procedure codes: %(codes)s.", procedures),
        ):
            codes = [code.strip() for code in cell[name].split("|") if code.strip()]
            unknown = [code for code in codes if code not in ids]
            if unknown:
                problem(kind, {"codes": ", ".join(unknown)}, line, name)
            target[index] = "|".join(codes)
    if problems:
        raise CaseTableError(problems, more)
    cases = Cases(
        sex=sex,
        age_years=age,
        age_days=days,
        birth_weight=weight,
        principal_diagnosis=principal,
        other_diagnoses=others,
        procedures=procedures,
    )
    return CaseTable(header=header, rows=rows, cases=cases)

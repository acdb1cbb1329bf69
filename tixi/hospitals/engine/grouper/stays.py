"""The grouper as the indicators call it: stays without a payer DRG in (a DuckDB relation), DRGs out (Arrow)."""

import duckdb
import numpy as np
import pyarrow as pa

from .grouping import STATUSES, Cases, group
from .rules import RuleSet, load_rules

NAME = "CHS-DRG 1.1 · 5d523a2"  # the scheme and the OpenDRG DRG_Python commit its tables come from
_RULES: dict[str, RuleSet] = {}


def _floats(values) -> np.ndarray:
    return np.array([np.nan if v is None else float(v) for v in values], dtype=float)


def group_stays(stays: duckdb.DuckDBPyRelation) -> pa.Table:
    """institution_id, record_id, drg (NULL when the case did not group) and status for every stay given."""
    rows = stays.select(
        "institution_id, record_id, sex, age_years, age_days, principal_diagnosis, other_diagnoses, procedures"
    ).fetchall()
    if "rules" not in _RULES:
        _RULES["rules"] = load_rules()
    columns = list(zip(*rows, strict=True)) if rows else [[] for _ in range(8)]
    cases = Cases(
        sex=np.array(
            [int(v) if str(v) in ("1", "2") else 0 for v in columns[2]], dtype=np.int64
        ),  # 9: unknown
        age_years=_floats(columns[3]),
        age_days=_floats(columns[4]),
        birth_weight=np.full(len(rows), np.nan),  # the discharge layout carries no birth weight yet
        principal_diagnosis=[v or "" for v in columns[5]],
        other_diagnoses=[v or "" for v in columns[6]],
        procedures=[v or "" for v in columns[7]],
    )
    if not rows:
        return pa.table(
            {
                "institution_id": pa.array([], pa.int64()),
                "record_id": pa.array([], pa.string()),
                "drg": pa.array([], pa.string()),
                "status": pa.array([], pa.string()),
            }
        )
    grouping = group(cases, _RULES["rules"])
    drgs = [code or None for code in grouping.drg_array().tolist()]
    return pa.table(
        {
            "institution_id": pa.array(list(columns[0]), pa.int64()),
            "record_id": pa.array([str(v) for v in columns[1]], pa.string()),
            "drg": pa.array(drgs, pa.string()),
            "status": pa.array([STATUSES[s] for s in grouping.status.tolist()], pa.string()),
        }
    )

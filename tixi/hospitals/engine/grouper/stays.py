"""The grouper as the indicators call it: stays without a payer DRG in (a DuckDB relation), DRGs out (Arrow)."""

import duckdb
import numpy as np
import pyarrow as pa

from .grouping import REASONS, STATUSES, Cases, group
from .mapping import CodeMapping, apply
from .rules import RuleSet, load_rules

NAME = "CHS-DRG 1.1 · 5d523a2"  # the scheme and the OpenDRG DRG_Python commit its tables come from
_RULES: dict[str, RuleSet] = {}


def _floats(values) -> np.ndarray:
    return np.array([np.nan if v is None else float(v) for v in values], dtype=float)


LOG_COLUMNS = ("reason", "code_map", "mapped_codes", "unmapped_codes", "path")


def group_stays(
    stays: duckdb.DuckDBPyRelation, code_map: CodeMapping | None = None, with_path: bool = False
) -> pa.Table:
    """institution_id, record_id, drg (NULL when the case did not group) and status for every stay given,
    with each case's log: the reason it failed, the code mapping it went through (clinical → 医保 codes,
    applied before grouping), what that changed and the codes it could not map (in neither the mapping
    nor the grouper's code set), and the path it took (`with_path`: building the paths
    of a province's millions of stays costs seconds, so the bulk runs leave it out)."""
    weight = "birth_weight" if "birth_weight" in stays.columns else "NULL::INTEGER AS birth_weight"
    rows = stays.select(
        "institution_id, record_id, sex, age_years, age_days, principal_diagnosis, other_diagnoses, procedures, "
        + weight
    ).fetchall()
    if "rules" not in _RULES:
        _RULES["rules"] = load_rules()
    columns = list(zip(*rows, strict=True)) if rows else [[] for _ in range(9)]
    principal = [v or "" for v in columns[5]]
    others = [v or "" for v in columns[6]]
    procedures = [v or "" for v in columns[7]]
    changes = unmapped = [""] * len(rows)
    if code_map is not None:
        rules = _RULES["rules"]
        mapped = apply(code_map, principal, others, procedures, rules.diagnosis_ids, rules.procedure_ids)
        principal, others, procedures = mapped.principal_diagnosis, mapped.other_diagnoses, mapped.procedures
        changes, unmapped = mapped.changes, mapped.unmapped
    cases = Cases(
        sex=np.array(
            [int(v) if str(v) in ("1", "2") else 0 for v in columns[2]], dtype=np.int64
        ),  # 9: unknown
        age_years=_floats(columns[3]),
        age_days=_floats(columns[4]),
        birth_weight=_floats(columns[8]),
        principal_diagnosis=principal,
        other_diagnoses=others,
        procedures=procedures,
    )
    if not rows:
        return pa.table(
            {
                "institution_id": pa.array([], pa.int64()),
                "record_id": pa.array([], pa.string()),
                "drg": pa.array([], pa.string()),
                "status": pa.array([], pa.string()),
                **{name: pa.array([], pa.string()) for name in LOG_COLUMNS},
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
            "reason": pa.array([REASONS[r] for r in grouping.reason.tolist()], pa.string()),
            "code_map": pa.array([code_map.version if code_map else None] * len(rows), pa.string()),
            "mapped_codes": pa.array(changes, pa.string()),
            "unmapped_codes": pa.array(unmapped, pa.string()),
            "path": pa.array(
                grouping.columns()["drg_path"] if with_path else [None] * len(rows), pa.string()
            ),
        }
    )

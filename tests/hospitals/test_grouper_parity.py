"""Our grouper against OpenDRG's DRG_Python, case by case: on the stored sample (its DRGs computed by OpenDRG,
scripts/opendrg_reference_sample.py) always, and live when a DRG_Python snapshot is at hand."""

import csv
import math
import os
from pathlib import Path

import numpy as np
import pytest

from tixi.hospitals.engine.grouper import Cases, group, load_rules
from tixi.hospitals.engine.grouper.reference import ENVIRONMENT, parity
from tixi.hospitals.engine.grouper.synthetic import generate_cases

SAMPLE = Path(__file__).parent / "data" / "opendrg_chs_drg_11_sample.csv"
SNAPSHOTS = [os.environ.get(ENVIRONMENT, ""), "/tmp/opendrg"]  # the folder scripts/ and the report use
SNAPSHOT = next(
    (path for path in SNAPSHOTS if path and (Path(path) / "drg_group" / "chs_drg_11").is_dir()), None
)


def number(text: str) -> float:
    return float(text) if text else math.nan


def test_the_stored_opendrg_sample_is_grouped_identically():
    with open(SAMPLE, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    cases = Cases(
        sex=np.array([int(row["sex"]) for row in rows]),
        age_years=np.array([number(row["age_years"]) for row in rows]),
        age_days=np.array([number(row["age_days"]) for row in rows]),
        birth_weight=np.array([number(row["birth_weight"]) for row in rows]),
        principal_diagnosis=[row["principal_diagnosis"] for row in rows],
        other_diagnoses=[row["other_diagnoses"] for row in rows],
        procedures=[row["procedures"] for row in rows],
    )
    grouping = group(cases, load_rules())
    differences = [
        (index, grouping.drg_of(index), row["opendrg_drg"], grouping.row(index)["drg_path"])
        for index, row in enumerate(rows)
        if grouping.drg_of(index) != row["opendrg_drg"]
    ]
    assert len(rows) == 1500
    assert differences == []
    # the sample is not trivial: it spans the scheme and its failures
    assert len(set(grouping.mdc[grouping.status == 0].tolist())) == 26
    assert len({row["opendrg_drg"] for row in rows}) > 350
    assert sum(1 for row in rows if not row["opendrg_drg"]) >= 10


@pytest.mark.skipif(SNAPSHOT is None, reason=f"no DRG_Python snapshot (set {ENVIRONMENT})")
def test_live_parity_with_opendrg():
    rules = load_rules()
    cases = generate_cases(600, seed=77, rules=rules)
    result = parity(cases, group(cases, rules), SNAPSHOT)
    assert result.differences == []
    assert result.share == 1.0
    assert result.coverage["exclusion_decided"] > 0

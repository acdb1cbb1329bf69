"""The indicators group stays without a payer DRG with Tixi's grouper: the same DRG as `group` gives."""

import duckdb
import numpy as np

from tixi.hospitals.engine.grouper import Cases, group, load_rules
from tixi.hospitals.engine.grouper.stays import group_stays
from tixi.hospitals.engine.grouper.synthetic import generate_cases


def test_stays_get_the_grouper_drgs_and_statuses():
    rules = load_rules()
    cases = generate_cases(300, seed=5, rules=rules)
    sexes = ["9" if s == 0 else str(int(s)) for s in cases.sex]  # the front page writes 9 for unknown
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE s (institution_id BIGINT, record_id VARCHAR, sex VARCHAR, age_years DOUBLE,"
        " age_days DOUBLE, principal_diagnosis VARCHAR, other_diagnoses VARCHAR, procedures VARCHAR)"
    )
    con.executemany(
        "INSERT INTO s VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                1,
                f"r{i}",
                sexes[i],
                None if np.isnan(cases.age_years[i]) else float(cases.age_years[i]),
                None if np.isnan(cases.age_days[i]) else float(cases.age_days[i]),
                cases.principal_diagnosis[i],
                cases.other_diagnoses[i],
                cases.procedures[i],
            )
            for i in range(len(cases))
        ],
    )
    result = group_stays(con.sql("SELECT * FROM s ORDER BY record_id")).to_pylist()
    no_weight = Cases(
        sex=np.where(np.isin(cases.sex, [1, 2]), cases.sex, 0),
        age_years=cases.age_years,
        age_days=cases.age_days,
        birth_weight=np.full(len(cases), np.nan),
        principal_diagnosis=cases.principal_diagnosis,
        other_diagnoses=cases.other_diagnoses,
        procedures=cases.procedures,
    )
    expected = group(no_weight, rules).drg_array().tolist()
    by_record = {row["record_id"]: row for row in result}
    assert [by_record[f"r{i}"]["drg"] or "" for i in range(len(cases))] == expected
    assert {row["status"] for row in result} >= {"grouped"}
    assert sum(row["drg"] is not None for row in result) > 200


def test_no_stays_no_rows():
    con = duckdb.connect()
    empty = con.sql(
        "SELECT 1::BIGINT AS institution_id, 'x' AS record_id, '1' AS sex, 1.0 AS age_years, NULL AS age_days,"
        " 'A' AS principal_diagnosis, '' AS other_diagnoses, '' AS procedures WHERE false"
    )
    assert group_stays(empty).num_rows == 0


def test_the_platform_groups_with_it():
    from tixi.hospitals import figures

    assert figures.GROUPER["group"] is group_stays and "CHS-DRG 1.1" in figures.GROUPER["name"]

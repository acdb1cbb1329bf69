"""The indicator definitions give the same results on DuckDB and on Spark (local mode): every key of every
figure, per hospital (and per month, per department, for the region), the in-county shares, the drill-down,
the unknown codes, the DRGs without a weight and the case mix, on generated stays plus edge cases.

Tolerance: counts (discharges, patients, bed-days, cases) exactly equal; ratios and sums of doubles
(shares, ALOS, CMI, weights, efficiency indices) within 1e-9 relative (the engines add doubles in different
orders). Skipped where pyspark or Java is missing, except with TIXI_REQUIRE_SPARK=1 (CI), where it fails."""

import importlib.util
import math
import os
import shutil

import duckdb
import pytest

from tixi.hospitals.engine import indicators as ind
from tixi.hospitals.engine import synthetic
from tixi.hospitals.engine.grouper.stays import group_stays

RELATIVE = 1e-9
YEAR = 2024


def spark_or_skip():
    missing = []
    if importlib.util.find_spec("pyspark") is None:
        missing.append("pyspark")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        missing.append("java (openjdk-17-jre-headless)")
    if missing:
        message = f"Spark parity needs {', '.join(missing)}"
        if os.environ.get("TIXI_REQUIRE_SPARK"):
            pytest.fail(f"TIXI_REQUIRE_SPARK is set but {message}")
        pytest.skip(message)


HOSPITALS = [
    {"institution_id": 1, "hospital": "T3", "level": 3, "beds": 40, "county": "511902",
     "other_counties": ["511921"]},
    {"institution_id": 2, "hospital": "S2", "level": 2, "beds": 30, "county": "511921",
     "other_counties": ["511902"]},
    {"institution_id": 3, "hospital": "P1", "level": 1, "beds": 20, "county": "511922"},
    # registered, with beds, but no stay in the year: must come out of neither engine
    {"institution_id": 4, "hospital": "E0", "level": 2, "beds": 50, "county": "511922"},
]  # fmt: skip


def edge_stay(record, admitted, discharged, **kw):
    row = {
        "institution_id": 3, "record_id": record, "admitted_at": admitted, "discharged_at": discharged,
        "month": int(discharged[:4] + discharged[5:7]), "year": int(discharged[:4]), "department": "外科",
        "sex": "1", "age_years": 40, "age_days": None, "birth_weight": None, "residence_code": "511922001000",
        "principal_diagnosis": "K80.101", "other_diagnoses": "", "procedures": "", "procedure_kinds": "",
        "elective": False, "day_surgery": False, "pathway_entered": False, "pathway_completed": False,
        "discharge_method": "1", "total_cost": 5000.0, "drg": "", "represents": 1,
    }  # fmt: skip
    row.update(kw)
    return row


EDGE_STAYS = [
    # neonates: age in days, a P-group DRG from the payer, and one without (grouped, or not)
    edge_stay("n1", "2024-02-01 03:00", "2024-02-08 10:00", age_years=0, age_days=3,
              principal_diagnosis="P07.300", department="新生儿科", drg="PU19"),
    edge_stay("n2", "2024-02-03 03:00", "2024-02-05 10:00", age_years=0, age_days=1, birth_weight=3100,
              principal_diagnosis="P59.900", department="新生儿科"),
    edge_stay("n3", "2024-02-03 03:00", "2024-02-09 10:00", age_years=0, age_days=2,
              principal_diagnosis="P59.900", department="新生儿科"),  # no birth weight: fails the check
    # day surgery: within 24 h, over 24 h, flagged but an emergency, flagged without any surgery
    edge_stay("d1", "2024-03-04 08:00", "2024-03-05 07:59", procedures="51.2300", procedure_kinds="surgery",
              elective=True, day_surgery=True, drg="HC39"),
    edge_stay("d2", "2024-03-04 08:00", "2024-03-05 08:01", procedures="51.2300", procedure_kinds="surgery",
              elective=True, day_surgery=True, drg="HC39"),
    edge_stay("d3", "2024-03-04 08:00", "2024-03-04 20:00", procedures="47.0100", procedure_kinds="surgery",
              elective=False, day_surgery=True),
    edge_stay("d4", "2024-03-04 08:00", "2024-03-04 20:00", procedures="45.2300", procedure_kinds="diagnostic",
              elective=True, day_surgery=True, drg="GU29"),
    # several procedures, listed and unlisted, kinds shorter than codes; a DRG missing from the weights
    edge_stay("m1", "2024-12-30 22:00", "2024-12-31 23:59", procedures="36.1000|99.9999|47.0100|00.6600",
              procedure_kinds="surgery|surgery|therapeutic", drg="ZZ99", method="5"),
    edge_stay("m2", "2024-06-01 10:00", "2024-06-01 10:00", drg="ES29", discharge_method="5",
              residence_code="", total_cost=0.0),
    # a stay that represents several (a sample), without payer DRG and an unknown diagnosis
    edge_stay("s1", "2024-07-01 10:00", "2024-07-20 10:00", represents=7, principal_diagnosis="Z99.999"),
]  # fmt: skip


def inputs() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    lists = {kind: [c for c, _ in entries] for kind, entries in synthetic.demo_lists().items()}
    ind.prepare(con, HOSPITALS, lists, synthetic.demo_weights())
    synthetic.generate(con, HOSPITALS[:3], YEAR, sample=20)
    con.execute(f"INSERT INTO discharges SELECT {', '.join(ind.DISCHARGE_SCHEMA)} FROM generated")
    columns = list(ind.DISCHARGE_SCHEMA)
    ind.insert_rows(con, "discharges", [tuple(s[c] for c in columns) for s in EDGE_STAYS])
    return con


@pytest.fixture(scope="module")
def engines():
    spark_or_skip()
    con = inputs()
    spark = ind.SparkEngine.from_duckdb(con, ind.spark_session("local[2]", partitions=2))
    for engine in (con, spark):
        ind.build_facts(engine, group_stays)
    yield con, spark
    spark.close()
    con.close()


def assert_same(duck, spark, where=""):
    if isinstance(duck, dict):
        assert isinstance(spark, dict) and set(duck) == set(spark), where
        for key in duck:
            assert_same(duck[key], spark[key], f"{where}.{key}")
    elif isinstance(duck, list | tuple):
        assert len(duck) == len(spark), where
        for i, (a, b) in enumerate(zip(duck, spark, strict=True)):
            assert_same(a, b, f"{where}[{i}]")
    elif isinstance(duck, float) or isinstance(spark, float):
        assert duck is not None and spark is not None, f"{where}: {duck!r} vs {spark!r}"
        assert math.isclose(duck, spark, rel_tol=RELATIVE, abs_tol=1e-12), f"{where}: {duck!r} vs {spark!r}"
    else:  # counts, codes, flags, None: exactly
        assert duck == spark, f"{where}: {duck!r} vs {spark!r}"
        assert type(duck) is type(spark), f"{where}: {type(duck)} vs {type(spark)}"


def test_every_figure_is_the_same_on_duckdb_and_spark(engines):
    con, spark = engines
    for by in (("hospital",), ("hospital", "month"), ("hospital", "department"), ("year",), ()):
        duck_rows, spark_rows = ind.compute(con, by), ind.compute(spark, by)
        assert duck_rows, by
        assert_same(duck_rows, spark_rows, f"compute{by}")
    by_hospital = {r["hospital"]: r for r in ind.compute(spark, ("hospital",))}
    assert set(by_hospital) == {"T3", "S2", "P1"}  # the empty hospital has no row on either
    assert set(ind.FIGURES) <= set(by_hospital["T3"])
    p1 = by_hospital["P1"]
    assert (
        p1["day_surgery_patients"] >= 1
        and p1["not_grouped"] + p1["cmi_cases"] + p1["no_weight"] == p1["discharges"]
    )
    assert_same(ind.in_county_share(con), ind.in_county_share(spark), "in_county")
    assert_same(ind.cases(con, limit=100_000), ind.cases(spark, limit=100_000), "cases")
    assert_same(
        ind.cases(con, "cmi_excluded IS NOT NULL OR day_surgery_excluded IS NOT NULL", 50),
        ind.cases(spark, "cmi_excluded IS NOT NULL OR day_surgery_excluded IS NOT NULL", 50),
        "cases left out",
    )
    assert_same(ind.unknown_procedure_codes(con), ind.unknown_procedure_codes(spark), "unknown codes")
    assert ("99.9999", 1) in ind.unknown_procedure_codes(spark)
    assert_same(ind.drgs_without_weight(con), ind.drgs_without_weight(spark), "no weight")
    assert_same(ind.case_mix(con), ind.case_mix(spark), "case mix")


def test_the_edge_cases_come_out_as_defined_on_spark(engines):
    _con, spark = engines
    cases = {c["record_id"]: c for c in ind.cases(spark, "f.hospital = 'P1' AND f.record_id NOT LIKE 'S%'")}
    assert cases["d1"]["day_surgery_case"] and cases["d1"]["stay_hours"] == pytest.approx(
        23 + 59 / 60, abs=0.01
    )
    assert cases["d2"]["day_surgery_excluded"] == ind.DAY_SURGERY_OVER_24H
    assert cases["d3"]["day_surgery_excluded"] == ind.DAY_SURGERY_NOT_ELECTIVE_SURGERY
    assert cases["d4"]["day_surgery_excluded"] == ind.DAY_SURGERY_NOT_ELECTIVE_SURGERY
    assert cases["m1"]["surgery"] and cases["m1"]["level4"] and cases["m1"]["cmi_excluded"] == ind.NO_WEIGHT
    assert cases["m1"]["los_days"] == 1 and cases["m2"]["los_days"] == 1
    assert cases["n1"]["drg"] == "PU19" and cases["n1"]["payer_drg"] == "PU19"
    # without a payer DRG the grouper ran on Spark's workers and said why when it failed
    assert cases["n2"]["payer_drg"] == "" and cases["n2"]["group_status"]
    assert cases["s1"]["group_status"] and cases["s1"]["cmi_excluded"] == ind.NOT_GROUPED


def test_the_translation_keeps_duckdb_semantics_where_spark_differs():
    sql = ind.to_spark("SELECT list_extract(string_split(p, '|'), 2) AS x FROM t")
    assert "TRY_ELEMENT_AT" in sql.upper()  # 1-based and NULL past the end, as DuckDB's list_extract
    assert "SPLIT" in sql.upper() and "\\\\Q" in sql  # the separator is taken literally, not as a regex


def test_the_province_bench_computes_from_parquet_in_its_own_process(tmp_path):
    from tixi.hospitals.engine import bench

    lines = []
    figures = bench._province(lines.append, 30_000, tmp_path, spark=False, memory="1GB")
    assert abs(figures["province_discharges"] - 30_000) < 1_500
    assert figures["province_indicators_s"] > 0 and figures["province_duckdb_peak_mb"] > 0
    assert any("all indicators on DuckDB" in line and "goal < 20 s" in line for line in lines)


def test_the_bench_counts_differing_figures_with_the_stated_tolerance():
    from tixi.hospitals.engine.bench import differences

    duck = [{"hospital": "A", "discharges": 10, "cmi": 1.0, "alos": None}]
    assert differences(duck, [{"hospital": "A", "discharges": 10, "cmi": 1.0 + 1e-12, "alos": None}]) == 0
    assert differences(duck, [{"hospital": "A", "discharges": 11, "cmi": 1.0, "alos": None}]) == 1
    assert differences(duck, [{"hospital": "A", "discharges": 10, "cmi": 1.0 + 1e-6, "alos": None}]) == 1
    assert differences(duck, []) == 1

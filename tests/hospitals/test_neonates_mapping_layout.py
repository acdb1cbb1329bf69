"""Birth weight in the discharge layout and the grouper's neonate check; the clinical → 医保 code mapping
(versioned data, applied before grouping, logged per case); the national layout's numbered columns; unknown
codes listed by row and field."""

import io
import json

import duckdb
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from tixi.hospitals import demo, figures, importing
from tixi.hospitals.engine import indicators as ind
from tixi.hospitals.engine.grouper.mapping import CodeMapping
from tixi.hospitals.engine.grouper.stays import group_stays
from tixi.hospitals.models import CodeMap, Discharge
from tixi.registry.models import Institution

pytestmark = pytest.mark.django_db
HEAD = (
    "hospital_code,record_id,admitted_at,discharged_at,sex,age_years,age_days,birth_weight,admission_weight,"
    "principal_diagnosis,other_diagnoses,procedures,discharge_method,total_cost,drg"
)


@pytest.fixture
def hospital():
    return Institution.objects.filter(type="general_hospital", level=3).order_by("code").first()


def write(tmp_path, lines, name="d.csv"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_import(path):
    with translation.override("zh-hans"):
        return importing.import_discharges(path)


def stays(con, rows):
    con.execute(
        "CREATE OR REPLACE TABLE s (institution_id BIGINT, record_id VARCHAR, sex VARCHAR, age_years INTEGER,"
        " age_days INTEGER, birth_weight INTEGER, principal_diagnosis VARCHAR, other_diagnoses VARCHAR,"
        " procedures VARCHAR)"
    )
    con.executemany("INSERT INTO s VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return con.sql("SELECT * FROM s ORDER BY record_id")


def test_a_neonate_with_its_birth_weight_groups_in_mdc_p_and_without_fails_the_check():
    con = duckdb.connect()
    rows = [
        (1, "a", "1", 0, 10, 3100, "P36.800x002", "", ""),
        (1, "b", "1", 0, 10, None, "P36.800x002", "", ""),
        (1, "c", "2", 0, 5, 1200, "P07.200", "", ""),
    ]
    result = {r["record_id"]: r for r in group_stays(stays(con, rows), with_path=True).to_pylist()}
    assert result["a"]["status"] == "grouped" and result["a"]["drg"].startswith("P")
    assert result["a"]["path"].startswith("MDCP:")
    assert (result["b"]["status"], result["b"]["reason"]) == ("check_failed", "birth_weight_missing")
    assert result["c"]["drg"].startswith("PS1")  # the < 1,500 g band


def test_birth_weight_imports_and_a_neonate_without_it_is_refused_naming_row_and_field(tmp_path, hospital):
    good = f"{hospital.code},N1,2019-04-01 08:00,2019-04-08 10:00,1,0,3,3150,3200,P36.800x002,,,1,8000,"
    assert run_import(write(tmp_path, [HEAD, good])).ok
    stored = Discharge.objects.get(institution=hospital, record_id="N1")
    assert (stored.birth_weight, stored.admission_weight, stored.age_days) == (3150, 3200, 3)

    before = Discharge.objects.count()
    no_weight = good.replace("N1", "N2").replace("3150,3200", ",").replace("-04-", "-05-")
    bad_grams = good.replace("N1", "N3").replace("3150", "31.5kg").replace("-04-", "-05-")
    no_days = good.replace("N1", "N4").replace(",0,3,", ",0,,").replace("-04-", "-05-")
    result = run_import(write(tmp_path, [HEAD, no_weight, bad_grams, no_days], "bad.csv"))
    assert not result.ok and Discharge.objects.count() == before  # nothing half-written
    found = {(p.row, p.column, p.message) for p in result.problems}
    assert any(r == 2 and "新生儿出生体重（克）" in c and "出生体重" in m for r, c, m in found)
    assert any(r == 3 and "新生儿出生体重（克）" in c and "克" in m for r, c, m in found)
    assert any(r == 4 and "年龄不足1周岁的年龄（天）" in c for r, c, m in found)


def test_national_numbered_columns_join_into_lists_in_procedure_order(tmp_path, hospital):
    head = (
        "A01,A48,A49,B12,B15,A12C,A14,A16,A18x01,A17,C03C,C05C,C06x01C,C08x01C,C06x02C,C08x02C,C14x01C,C16x01,"
        "C17x01,C22x01C,C35x01C,C37x01,C38x01,C43x01C,C35x02C,C37x02,C38x02,C43x02C,B34C,D01"
    )
    row = (
        f"{hospital.code},NAT1,2,2019-06-01 08:00,2019-06-09 10:00,1,0,20,2900,2950,P36.800x002,1,"
        "I10.x00x002,1,E11.900,2,51.2300,2019-06-02,4,1,45.1300,2019-06-03,2,2,,2019-06-04,1,,1,18000.5"
    )
    assert run_import(write(tmp_path, [head, row])).ok
    stored = Discharge.objects.get(institution=hospital, record_id="NAT1-2")  # 病案号-住院次数
    assert stored.other_diagnoses == "I10.x00x002|E11.900"
    assert stored.admission_conditions == "1|1|2"
    assert stored.procedures == "51.2300|45.1300"  # the empty C35x02C slot drops its date and level
    assert stored.procedure_dates == "2019-06-02|2019-06-03"
    assert stored.procedure_levels == "4|2"
    assert stored.anaesthesia == "1|2"
    assert (stored.birth_weight, stored.admission_weight, stored.age_days) == (2900, 2950, 20)


def test_unknown_codes_are_listed_by_row_and_field_not_dropped(tmp_path, hospital):
    rows = [
        f"{hospital.code},U1,2019-07-01 08:00,2019-07-03 10:00,1,50,,,,K80.101,I10.x00x002|Q99.999x999,51.2300,1,9000,",
        f"{hospital.code},U2,2019-07-01 08:00,2019-07-03 10:00,1,50,,,,Z98.999x999,,51.2300|99.9999x999,1,9000,",
    ]
    before = Discharge.objects.count()
    result = run_import(write(tmp_path, [HEAD, *rows]))
    assert not result.ok and Discharge.objects.count() == before
    found = {(p.row, p.column): p.message for p in result.problems}
    assert "Q99.999x999" in found[(2, "其他诊断编码（other_diagnoses）")]
    assert "I10.x00x002" not in found[(2, "其他诊断编码（other_diagnoses）")]
    assert "Z98.999x999" in found[(3, "主要诊断编码（principal_diagnosis）")]
    assert "99.9999x999" in found[(3, "手术操作编码（procedures）")]


def test_a_clinical_code_imports_when_a_mapping_holds_it_and_groups_through_it(tmp_path, hospital, capsys):
    row = f"{hospital.code},M1,2019-08-01 08:00,2019-08-04 10:00,1,40,,,,A01.000x002,,,1,6000,"
    assert CodeMap.objects.filter(version=demo.CODE_MAP_VERSION).exists()  # the demo loads OpenDRG's
    assert run_import(write(tmp_path, [HEAD, row])).ok  # a 国临版 code the mapping converts
    call_command("hospitals", "cases", "--division", hospital.division.code, "--year", "2019",
                 "--hospital", hospital.code, "--code-map", demo.CODE_MAP_VERSION, "--limit", "5000")  # fmt: skip
    case = next(c for c in json.loads(capsys.readouterr().out) if c["record_id"] == "M1")
    assert case["code_map"] == demo.CODE_MAP_VERSION and case["mapped_codes"] == "A01.000x002→A01.003"
    assert case["drg"] == "SR15" and case["group_path"].startswith("MDCS:")
    call_command("hospitals", "indicators", "--division", hospital.division.code, "--year", "2019",
                 "--hospital", hospital.code, "--code-map", demo.CODE_MAP_VERSION, "--format", "json")  # fmt: skip
    assert json.loads(capsys.readouterr().out)[0]["versions"]["code_map"] == demo.CODE_MAP_VERSION


def test_without_the_mapping_the_clinical_code_does_not_group():
    con = duckdb.connect()
    relation = stays(con, [(1, "a", "1", 40, None, None, "A01.000x002", "", "")])
    plain = group_stays(relation).to_pylist()[0]
    assert (plain["drg"], plain["reason"], plain["code_map"]) == (None, "principal_unknown", None)
    mapped = group_stays(relation, CodeMapping("T", {"A01.000x002": "A01.003"})).to_pylist()[0]
    assert (mapped["drg"], mapped["code_map"], mapped["mapped_codes"]) == ("SR15", "T", "A01.000x002→A01.003")


def test_mapping_import_is_versioned_all_or_nothing_and_names_rows(tmp_path):
    good = write(
        tmp_path, ["clinical_code,insurance_code", "K35.800x001,K35.800", "51.2300x001,51.2300"], "m.csv"
    )
    call_command(
        "hospitals", "mappings", "import", "--version", "T1", "--demo", str(good), stdout=io.StringIO()
    )
    code_map = CodeMap.objects.get(version="T1")
    assert code_map.is_demo and code_map.entries.count() == 2
    assert figures.choose_code_map("T1").codes == {"K35.800x001": "K35.800", "51.2300x001": "51.2300"}
    bad = write(
        tmp_path,
        ["clinical_code,insurance_code", "K35.800x001,51.2300", "NOPE,K35.800", "K35.800x002,K35.800",
         "K35.800x002,K35.801"],
        "bad.csv",
    )  # fmt: skip
    with translation.override("zh-hans"), pytest.raises(CommandError) as raised:
        call_command("hospitals", "mappings", "import", "--version", "T2", str(bad))
    message = str(raised.value)
    assert "第 2 行" in message and "第 3 行" in message and "NOPE" in message and "第 5 行" in message
    assert not CodeMap.objects.filter(version="T2").exists()
    with pytest.raises(figures.FigureError):
        figures.choose_code_map("T2")


def test_the_template_carries_the_weights_and_names_the_numbered_national_columns():
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(importing.discharge_template()))["数据"]
    codes = [c.value for c in sheet[2]]
    assert "birth_weight" in codes and "admission_weight" in codes
    head = {c: sheet.cell(row=1, column=i + 1) for i, c in enumerate(codes)}
    assert (
        head["birth_weight"].value == "新生儿出生体重（克）" and "A18X01" in head["birth_weight"].comment.text
    )
    assert "C14X01C、C35X01C…C35X40C" in head["procedures"].comment.text
    assert "C16X01、C37X01…C37X40" in head["procedure_dates"].comment.text


@pytest.mark.parametrize(
    "heading, column",
    [("A01", "hospital_code"), ("A48", "record_id"), ("B12", "admitted_at"), ("B15", "discharged_at"),
     ("A12C", "sex"), ("A14", "age_years"), ("A16", "age_days"), ("A18x01", "birth_weight"),
     ("A17", "admission_weight"), ("C03C", "principal_diagnosis"), ("B34C", "discharge_method"),
     ("D01", "total_cost"), ("B16C", "department"), ("B11C", "admission_route")],
)  # fmt: skip
def test_the_national_codes_of_the_issue_columns_are_headings(heading, column):
    from tixi.hospitals.engine.layout import column_for

    assert column_for(heading) == column


@pytest.mark.parametrize(
    "heading, column, position",
    [("C06x01C", "other_diagnoses", 0), ("C06x40C", "other_diagnoses", 39), ("C14x01C", "procedures", 0),
     ("C35x01C", "procedures", 1), ("C17x01", "procedure_levels", 0), ("C38x03", "procedure_levels", 3),
     ("C16x01", "procedure_dates", 0), ("C37x02", "procedure_dates", 2), ("C21x01C", "incisions", 0),
     ("C42x01C", "incisions", 1), ("C22x01C", "anaesthesia", 0), ("C43x05C", "anaesthesia", 5),
     ("C05C", "admission_conditions", 0), ("C08x01C", "admission_conditions", 1)],
)  # fmt: skip
def test_the_numbered_national_columns_are_slots_of_our_lists(heading, column, position):
    from tixi.hospitals.engine.layout import column_for, slot_for

    assert slot_for(heading) == (column, position) and column_for(heading) is None


def test_the_mapping_log_counts_changed_codes_and_the_codes_it_could_not_map():
    con = duckdb.connect()
    relation = stays(
        con,
        [
            (1, "a", "1", 40, None, None, "A01.000x002", "", ""),
            (1, "b", "1", 40, None, None, "A01.000x002", "Q99.999x999", ""),
            (1, "c", "1", 60, None, None, "G91.000x002", "", ""),
        ],
    )
    table = group_stays(relation, CodeMapping("T", {"A01.000x002": "A01.003"}), with_path=True)
    assert table.column("unmapped_codes").to_pylist() == ["", "Q99.999x999", ""]
    loaded = figures.Loaded(con, ind.Versions(code_map="T"), {}, None, 2019, table)
    log = figures.mapping_log(loaded)
    assert (log["code_map"], log["grouped_stays"], log["changed_stays"], log["unmapped_stays"]) == (
        "T",
        3,
        2,
        1,
    )
    assert log["changed_codes"] == [{"clinical": "A01.000x002", "insurance": "A01.003", "stays": 2}]
    assert log["unmapped_codes"] == [{"code": "Q99.999x999", "stays": 1}]
    assert figures.mapping_log(figures.Loaded(con, ind.Versions(), {}, None, 2019, None)) is None

"""`tixi drg group` and `tixi drg compare`: the columns written, each refusal (Chinese, row and field, nothing
written), and the benchmark function `tixi bench hospitals` calls."""

import csv
import re

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from tixi.cli import VERBS
from tixi.hospitals.engine.grouper.bench import bench_grouping
from tixi.hospitals.engine.grouper.reference import ENVIRONMENT

from .test_grouper_parity import SNAPSHOT

HEADER = "hospital_code,record_id,sex,age_years,age_days,principal_diagnosis,other_diagnoses,procedures,drg\n"
ROWS = [
    "H1,1,1,60,,G91.000x002,G93.500,,\n",
    "H1,2,1,60,,G91.000x002,A01.100,,\n",
    "H1,3,2,50,,Z51.103,C15.900,99.2503,RE13\n",
    "H1,4,1,40,,A18.100x019+N77.1*,,,\n",
]


def run_group(tmp_path, text, encoding="utf-8"):
    source = tmp_path / "in.csv"
    source.write_bytes(text.encode(encoding))
    call_command("drg", "group", "--input", str(source), "--out", str(tmp_path / "out.csv"))
    with open(tmp_path / "out.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_group_adds_the_drg_its_path_and_the_reason(tmp_path):
    with translation.override("zh-hans"):
        rows = run_group(tmp_path, HEADER + "".join(ROWS))
    assert [row["drg"] for row in rows] == ["BR15", "BR11", "RE13", ""]
    assert rows[0]["cc_excluded"] == "G93.500"
    assert rows[1]["mcc"] == "A01.100"
    assert rows[1]["drg_path"] == "MDCB:diagnosis > BR1:pdx > BR11:mcc(A01.100)"
    assert (rows[3]["drg_status"], rows[3]["drg_reason"]) == ("no_group", "sex_conflict")
    assert rows[3]["drg_reason_text"] == "主要诊断与患者性别不符"
    assert rows[0]["hospital_code"] == "H1" and rows[2]["record_id"] == "3"  # the input columns kept


def test_group_reads_gbk_and_birth_weight(tmp_path):
    text = "sex,age_years,age_days,birth_weight,principal_diagnosis,other_diagnoses,procedures,备注\n"
    text += "1,0,3,1200,P07.200,,,早产\n1,0,3,,P07.200,,,早产\n"
    rows = run_group(tmp_path, text, encoding="gbk")
    assert rows[0]["adrg"] == "PS1" and rows[0]["备注"] == "早产"
    assert rows[1]["drg_reason"] == "birth_weight_missing"


def test_group_writes_no_live_formula(tmp_path):
    """The input's own columns come back in the output: text starting with = + - @ is prefixed with the
    protective apostrophe (core.exports.safe_cells), numbers stay numbers."""
    text = "sex,age_years,age_days,principal_diagnosis,other_diagnoses,procedures,备注\n"
    text += '1,60,,G91.000x002,,,"=HYPERLINK(""http://x"",""y"")"\n1,60,,G91.000x002,,,@SUM(A1)\n'
    rows = run_group(tmp_path, text)
    assert [r["备注"] for r in rows] == ['\'=HYPERLINK("http://x","y")', "'@SUM(A1)"]
    assert rows[0]["age_years"] == "60" and rows[0]["drg"]


def refused(tmp_path, text: str) -> str:
    source = tmp_path / "in.csv"
    source.write_text(text, encoding="utf-8")
    with translation.override("zh-hans"), pytest.raises(CommandError) as raised:
        call_command("drg", "group", "--input", str(source), "--out", str(tmp_path / "out.csv"))
    assert not (tmp_path / "out.csv").exists()
    assert [path.name for path in tmp_path.iterdir()] == ["in.csv"]  # no temporary file left either
    message = str(raised.value)
    assert re.search(r"[\u4e00-\u9fff]", message) and "未写入" in message, message
    return message


def test_unknown_codes_are_listed_by_row_and_field(tmp_path):
    bad = ROWS[0] + "H1,2,1,60,,G91.000x002,G93.500|NOT.A.CODE|ALSO.NOT,99.9999x999,\n"
    message = refused(tmp_path, HEADER + bad)
    assert "第 3 行" in message and "other_diagnoses" in message and "NOT.A.CODE, ALSO.NOT" in message
    assert "procedures" in message and "99.9999x999" in message
    assert "G93.500" not in message.replace("G93.500|", "")  # known codes are not listed


def test_bad_values_name_row_and_field(tmp_path):
    message = refused(tmp_path, HEADER + "H1,1,男,sixty,,G91.000x002,,,\n")
    assert "第 2 行" in message and "sex" in message and "age_years" in message


def test_missing_columns_and_other_layouts(tmp_path):
    message = refused(tmp_path, "sex,age_years,principal_diagnosis\n1,40,I60.000\n")
    assert "age_days" in message and "procedures" in message and "表头" in message
    other = refused(tmp_path, "id,x,y\n1,2,3\n")
    assert "不是出院病例表" in other


def test_binary_input_is_refused(tmp_path):
    source = tmp_path / "in.csv"
    source.write_bytes(b"PK\x03\x04\x00\x00\xff\xfe\x00")
    with translation.override("zh-hans"), pytest.raises(CommandError) as raised:
        call_command("drg", "group", "--input", str(source), "--out", str(tmp_path / "out.csv"))
    assert "未写入" in str(raised.value) and not (tmp_path / "out.csv").exists()


def test_compare_without_the_reference_says_where_to_put_it(tmp_path, monkeypatch):
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    with translation.override("zh-hans"), pytest.raises(CommandError) as raised:
        call_command("drg", "compare", "--cases", "10", "--reference", str(tmp_path))
    assert ENVIRONMENT in str(raised.value) and "drg_group" in str(raised.value)


@pytest.mark.skipif(SNAPSHOT is None, reason=f"no DRG_Python snapshot (set {ENVIRONMENT})")
def test_compare_prints_the_identical_share(capsys):
    with translation.override("en"):
        call_command("drg", "compare", "--cases", "300", "--seed", "3", "--reference", SNAPSHOT)
    out = capsys.readouterr().out
    assert "300 of 300 generated cases (seed 3) get the same DRG: 100.00%" in out
    assert "of 26 MDCs" in out


def test_the_verb_and_the_benchmark():
    assert "drg" in VERBS
    lines = []
    result = bench_grouping(lines.append, rows=2000)
    assert result["rows"] == 2000 and 0 < result["grouped"] <= 2000 and result["seconds"] > 0
    assert any("cases/s" in line for line in lines) and any("load average" in line for line in lines)
    assert result["cpu_seconds"] > 0 and any("CPU" in line and "cases/s" in line for line in lines)


MAPPED_HEADER = "record_id,sex,age_years,age_days,principal_diagnosis,other_diagnoses,procedures\n"


@pytest.fixture
def clinical_map(tmp_path):
    """A small clinical → 医保 mapping, version T-DRG (a 国临版 code the grouper does not know → its 医保 code)."""
    from io import StringIO

    source = tmp_path / "map.csv"
    source.write_text("clinical_code,insurance_code\nA01.000x002,A01.003\n", encoding="utf-8")
    call_command(
        "hospitals", "mappings", "import", "--version", "T-DRG", "--demo", str(source), stdout=StringIO()
    )
    source.unlink()
    return "T-DRG"


@pytest.mark.django_db
@pytest.mark.without_demo  # the code map is the test's own
def test_group_with_a_code_map_maps_before_grouping_and_writes_what_it_changed(tmp_path, clinical_map):
    text = MAPPED_HEADER + "1,1,40,,A01.000x002,,\n2,1,60,,G91.000x002,A01.100,\n"
    refused_without = refused(tmp_path, text)  # without the mapping the 国临版 code is unknown
    assert "第 2 行" in refused_without and "A01.000x002" in refused_without
    source = tmp_path / "in.csv"
    source.write_text(text, encoding="utf-8")
    call_command(
        "drg", "group", "--input", str(source), "--out", str(tmp_path / "out.csv"), "--code-map", clinical_map
    )
    with open(tmp_path / "out.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["drg"], r["code_map"], r["mapped_codes"]) for r in rows] == [
        ("SR15", "T-DRG", "A01.000x002→A01.003"),
        ("BR11", "T-DRG", ""),
    ]
    assert rows[0]["principal_diagnosis"] == "A01.000x002"  # the input as given, the mapping beside it


@pytest.mark.django_db
@pytest.mark.without_demo  # the code map is the test's own
def test_group_with_a_code_map_names_codes_it_cannot_map_and_unknown_versions(tmp_path, clinical_map):
    source = tmp_path / "in.csv"
    source.write_text(MAPPED_HEADER + "1,1,40,,A01.000x002,,\n2,1,40,,A01.000x999,,\n", encoding="utf-8")
    with translation.override("zh-hans"), pytest.raises(CommandError) as raised:
        call_command(
            "drg",
            "group",
            "--input",
            str(source),
            "--out",
            str(tmp_path / "out.csv"),
            "--code-map",
            clinical_map,
        )
    message = str(raised.value)
    assert "第 3 行" in message and "A01.000x999" in message and "T-DRG" in message and "未写入" in message
    assert "第 2 行" not in message
    with translation.override("zh-hans"), pytest.raises(CommandError) as raised:
        call_command(
            "drg", "group", "--input", str(source), "--out", str(tmp_path / "out.csv"), "--code-map", "NOPE"
        )
    assert "NOPE" in str(raised.value) and "未写入" in str(raised.value)
    assert not (tmp_path / "out.csv").exists()

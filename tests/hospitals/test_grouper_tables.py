"""scripts/build_chs_drg_tables.py: OpenDRG's modules read as data into the CSV tables, unknown shapes refused,
and the shipped tables equal to a regeneration from the snapshot (when one is at hand)."""

import filecmp
import importlib.util
import sys
from pathlib import Path

import pytest

from tixi.hospitals.engine.grouper import Cases, group
from tixi.hospitals.engine.grouper.rules import DATA, load_rules

from .test_grouper_parity import SNAPSHOT

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_chs_drg_tables.py"

GROUPER = "def group(record):\n  result=MDCA.group(record)\n  if result:\n    return result\n"
GROUPER += "  result=MDCB.group(record)\n  if result:\n    return result\n  return '0000'\n"
MDC_A = """def group(record):
  mdc_zd=[]
  if not (True and record.ssList and record.ssList[0] in SS_VALID):
    return ''
  result=AA1.group(record)
  if result:
    return result
"""
MDC_B = """def group(record):
  mdc_zd=["B01.000","B02.000","B01.000"]
  if not (True and record.zdList[0] in mdc_zd and record.gender==2):
    return ''
  result=BB1.group(record)
  if result:
    return result
  if False and record.ssList and intersect(SS_VALID,record.ssList):
    return 'BQY'
  result=BR1.group(record)
  if result:
    return result
"""
ADRG = """def group(record):
  adrg_zd={zd}
  adrg_zd1=[]
  adrg_ss={ss}
  adrg_ss1=[]
  dept_list=[]
  if {condition}:
    {calls}
    return '{name}'
  else:
    return ''
"""
CALL = "if MDC{mdc}_DRG.{drg}_group(record):\n      return '{drg}'\n    "
DRGS = """def AA19_group(record):
  return True
def BB11_group(record):
  return len(record.zdList)>1 and has_mcc(record.zdList[0],record.zdList[1:])
def BB15_group(record):
  return True
def BR13_group(record):
  return len(record.zdList)>1 and (has_mcc(record.zdList[0],record.zdList[1:]) or has_cc(record.zdList[0],record.zdList[1:]))
def BR15_group(record):
  return True
"""


def adrg(name, condition, drgs, zd="[]", ss="[]"):
    calls = "".join(CALL.format(mdc=name[0], drg=drg) for drg in drgs)
    return ADRG.format(zd=zd, ss=ss, condition=condition, calls=calls, name=name)


def miniature(folder: Path, bb1_condition="True and record.zdList[0] in adrg_zd and record.ssList and "
              "record.ssList[0] in adrg_ss") -> Path:  # fmt: skip
    for sub in ("MDC", "ADRG", "DRG", "DATA", "ICD"):
        (folder / sub).mkdir(parents=True)
    (folder / "Grouper.py").write_text(GROUPER)
    (folder / "MDC" / "MDCA.py").write_text(MDC_A)
    (folder / "MDC" / "MDCB.py").write_text(MDC_B)
    (folder / "ADRG" / "AA1.py").write_text(
        adrg("AA1", "True and record.ssList and record.ssList[0] in adrg_ss", ["AA19"], ss='["99.0001"]')
    )
    (folder / "ADRG" / "BB1.py").write_text(
        adrg("BB1", bb1_condition, ["BB11", "BB15"], '["B01.000"]', '["88.01"]')
    )
    (folder / "ADRG" / "BR1.py").write_text(
        adrg("BR1", "True and record.zdList[0] in adrg_zd", ["BR13", "BR15"], '["B01.000","B02.000"]')
    )
    (folder / "DRG" / "MDCA_DRG.py").write_text(DRGS)
    (folder / "DATA" / "DRG.dat").write_text("AA19 甲\nBB11 乙\nBB15 丙\nBR13 丁\nBR15 戊")
    (folder / "DATA" / "MCC.dat").write_text("X01.000 7\nX02.000 8\n")
    (folder / "DATA" / "CC.dat").write_text("Y01.000 7\n")
    (folder / "DATA" / "CCE.dat").write_text("B01.000 7\n")
    (folder / "DATA" / "SS_VALID.dat").write_text("99.0001 移植\n88.01 手术\n")
    (folder / "ICD" / "ZD_INFO.dat").write_text(
        "B01.000 病一\nB02.000 病二\nX01.000 并一\nX02.000 并二\nY01.000 并三\n"
    )
    (folder / "ICD" / "SS_INFO.dat").write_text("99.0001 移植\n88.01 手术\n")
    # clinical → 医保 codes: the codes that map to themselves stay out of the table
    (folder / "ICD" / "ZD_MAP.dat").write_text("B01.000 B01.000\nB01.000x001 B01.000\n")
    (folder / "ICD" / "SS_MAP.dat").write_text("88.0100 88.01\n99.0001 99.0001\n")
    return folder


def build(monkeypatch, source: Path, out: Path, *extra: str):
    spec = importlib.util.spec_from_file_location("build_chs_drg_tables", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "OUT", out)
    monkeypatch.setattr(sys, "argv", ["build", str(source), *extra])
    module.main()


def test_a_miniature_scheme_becomes_tables_the_grouper_runs(tmp_path, monkeypatch):
    scheme = tmp_path / "data" / "mini"
    build(monkeypatch, miniature(tmp_path / "src"), scheme, "--commit", "abc")
    assert (scheme / "mdc.csv").read_text().splitlines() == [
        "mdc,priority,gate,sex,infant,min_trauma_regions,ambiguity_check,ambiguity_after",
        "A,1,valid_procedure,,0,0,0,1",
        "B,2,diagnosis,2,0,0,0,1",
    ]
    assert (scheme / "mdc_diagnoses.csv").read_text().splitlines()[1:] == ["B,B01.000,", "B,B02.000,"]
    assert (scheme / "adrg.csv").read_text().splitlines()[1:] == [
        "AA1,A,1,surgical,0,0,1,0,,0,0,,",
        "BB1,B,2,surgical,1,0,1,0,,0,0,,",
        "BR1,B,3,medical,1,0,0,0,,0,0,,",
    ]
    assert (scheme / "drg.csv").read_text().splitlines()[1:] == [
        "AA19,AA1,1,none,甲", "BB11,BB1,1,mcc,乙", "BB15,BB1,2,none,丙", "BR13,BR1,1,cc,丁", "BR15,BR1,2,none,戊",
    ]  # fmt: skip
    assert "at commit abc" in (scheme / "SOURCE.txt").read_text()
    assert (scheme / "clinical_to_insurance.csv").read_text().splitlines() == [
        "clinical_code,insurance_code", "B01.000x001,B01.000", "88.0100,88.01",
    ]  # fmt: skip

    monkeypatch.setattr("tixi.hospitals.engine.grouper.rules.DATA", scheme.parent)
    rules = load_rules.__wrapped__("mini")
    cases = Cases(
        sex=[2, 2, 2, 1, 2],
        age_years=[40.0] * 5,
        age_days=[float("nan")] * 5,
        birth_weight=[float("nan")] * 5,
        principal_diagnosis=["B01.000", "B01.000", "B02.000", "B02.000", "B02.000"],
        other_diagnoses=["X02.000", "X01.000", "Y01.000", "", ""],
        procedures=["88.01", "88.01", "", "", "99.0001"],
    )
    grouping = group(cases, rules)
    assert [grouping.row(i)["drg"] for i in range(5)] == ["BB11", "BB15", "BR13", "", "AA19"]
    assert grouping.row(1)["cc_excluded"] == "X01.000"  # B01.000's table 7 holds X01.000
    assert grouping.row(3)["drg_reason"] == "sex_conflict"


def test_an_unknown_condition_stops_the_script(tmp_path, monkeypatch):
    source = miniature(tmp_path / "src", bb1_condition="True and record.dept in dept_list")
    with pytest.raises(SystemExit) as stopped:
        build(monkeypatch, source, tmp_path / "out")
    assert "BB1: condition not understood" in str(stopped.value)


@pytest.mark.skipif(SNAPSHOT is None, reason="no DRG_Python snapshot")
def test_the_shipped_tables_are_a_regeneration(tmp_path, monkeypatch):
    build(monkeypatch, Path(SNAPSHOT) / "drg_group" / "chs_drg_11", tmp_path, "--commit", "x")
    shipped = DATA / "chs_drg_1_1"
    names = sorted(path.name for path in tmp_path.glob("*.csv"))
    assert names == sorted(path.name for path in shipped.glob("*.csv"))
    _, mismatch, errors = filecmp.cmpfiles(tmp_path, shipped, names, shallow=False)
    assert (mismatch, errors) == ([], [])

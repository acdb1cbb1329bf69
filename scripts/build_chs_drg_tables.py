"""Regenerate the CHS-DRG 1.1 rule tables (tixi/hospitals/data/chs_drg_1_1/*.csv) from OpenDRG's DRG_Python.

OpenDRG/DRG_Python (Apache-2.0) publishes the CHS-DRG 1.1 grouping scheme as generated Python modules (one
per MDC, ADRG and MDC's DRG splits) plus .dat tables (CC, MCC, CC exclusions, valid procedures, DRG names,
code names). This script reads those modules as *data* with `ast` (the list literals and the shape of each
condition); it executes none of their code and copies none of it. Any condition shape it does not know stops
the script, so a changed upstream scheme cannot be half-translated.

    git -C <mirror> archive HEAD drg_group/chs_drg_11 | tar x -C /tmp/opendrg
    .venv/bin/python scripts/build_chs_drg_tables.py /tmp/opendrg/drg_group/chs_drg_11 --commit <sha>
"""

import argparse
import ast
import csv
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "tixi" / "hospitals" / "data" / "chs_drg_1_1"

# The ADRG conditions seen in CHS-DRG 1.1, in OpenDRG's spelling with list literals replaced by "L",
# mapped to the structured columns of adrg.csv. pdx = principal diagnosis in the ADRG's diagnosis list,
# any_dx = any diagnosis in it, pp = principal procedure in the ADRG's procedure list, pp_valid = principal
# procedure is an OR procedure (valid_procedures.csv), combo = procedure parts the stay must hold together.
CONDITIONS = {
    "True and record.zdList[0] in adrg_zd": {"pdx": 1},
    "True and record.ssList and record.ssList[0] in adrg_ss": {"pp": 1},
    "True and record.zdList[0] in adrg_zd and record.ssList and record.ssList[0] in adrg_ss": {
        "pdx": 1,
        "pp": 1,
    },
    "True and record.ssList and intersect(record.ssList,adrg_ss) and intersect(record.ssList,adrg_ss1)": {
        "combo": "a+b"
    },
    "True and record.zdList[0] in adrg_zd and record.ssList and intersect(record.ssList,adrg_ss) and "
    "intersect(record.ssList,adrg_ss1)": {"pdx": 1, "combo": "a+b"},
    "True and record.ssList and record.ssList[0] in adrg_ss and record.ageDay!=None and record.ageDay<=28": {
        "pp": 1,
        "neonate": 1,
    },
    "True and record.zdList[0] in adrg_zd and record.ageDay!=None and record.ageDay<=28": {
        "pdx": 1,
        "neonate": 1,
    },
    "True": {},
    "True and record.ssList and record.ssList[0] in SS_VALID": {"pp_valid": 1},
    "True and intersect(record.zdList,adrg_zd) and record.ssList and record.ssList[0] in SS_VALID": {
        "any_dx": 1,
        "pp_valid": 1,
    },
    "True and not intersect(record.ssList,SS_VALID)": {"no_valid_procedure": 1},
}
# matched against the condition with its spaces removed
WEIGHT_CONDITION = re.compile(
    r"Trueandintersect\(record\.zdList,adrg_zd\)andrecord\.weight"
    r"(?:andrecord\.weight>=(?P<min>\d+))?(?:andrecord\.weight<(?P<max>\d+))?"
    r"andrecord\.ageDay!=Noneandrecord\.ageDay<=28$"
)
COMBO_CONDITION = re.compile(r"Trueandrecord\.zdList\[0\]inadrg_zdand\((?P<expr>.*)\)$")
MDC_GATES = {
    "True and record.zdList[0] in mdc_zd": {"gate": "diagnosis"},
    "True and record.zdList[0] in mdc_zd and record.gender==1": {"gate": "diagnosis", "sex": "1"},
    "True and record.zdList[0] in mdc_zd and record.gender==2": {"gate": "diagnosis", "sex": "2"},
    "True and record.zdList[0] in mdc_zd and int(record.age)==0": {"gate": "diagnosis", "infant": 1},
    "True and record.ssList and record.ssList[0] in SS_VALID": {"gate": "valid_procedure"},
}
SPLITS = {
    "True": "none",
    "len(record.zdList)>1 and has_mcc(record.zdList[0],record.zdList[1:])": "mcc",
    "len(record.zdList)>1 and (has_mcc(record.zdList[0],record.zdList[1:]) or "
    "has_cc(record.zdList[0],record.zdList[1:]))": "cc",
}
ADRG_COLUMNS = ["adrg", "mdc", "priority", "kind", "pdx", "any_dx", "pp", "pp_valid", "combo"]
ADRG_COLUMNS += ["no_valid_procedure", "neonate", "weight_min", "weight_max"]


def fail(message: str) -> None:
    sys.exit(f"build_chs_drg_tables: {message}")


def lists(tree: ast.Module) -> dict[str, list[str]]:
    """Every `name=[...]` list literal of the module's function body."""
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.List) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                found[target.id] = [ast.literal_eval(item) for item in node.value.elts]
    return found


def first_if(function: ast.FunctionDef) -> ast.If:
    return next(node for node in function.body if isinstance(node, ast.If))


def group_calls(function: ast.FunctionDef) -> list[str]:
    """The `X.group(record)` calls of an MDC module in order, with the ambiguity block as "QY"."""
    order = []
    for node in function.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            func = node.value.func
            if isinstance(func, ast.Attribute) and func.attr == "group":
                order.append(func.value.id)
        elif isinstance(node, ast.If) and "QY" in ast.unparse(node):
            disabled = isinstance(node.test, ast.BoolOp) and ast.unparse(node.test.values[0]) == "False"
            order.append("QY-disabled" if disabled else "QY")
    return order


def adrg_rule(name: str, source: str) -> tuple[dict, list[str], list[tuple[str, str]], list[str]]:
    tree = ast.parse(source)
    function = next(node for node in tree.body if isinstance(node, ast.FunctionDef))
    values = lists(tree)
    if values.get("adrg_zd1") or values.get("dept_list"):
        fail(f"{name}: second diagnosis list or department list, not supported")
    test = ast.get_source_segment(source, first_if(function).test).replace(" ", "")
    rule = {"pdx": 0, "any_dx": 0, "pp": 0, "pp_valid": 0, "combo": "", "no_valid_procedure": 0, "neonate": 0}
    rule |= {"weight_min": "", "weight_max": ""}
    plain = {key.replace(" ", ""): value for key, value in CONDITIONS.items()}
    procedures: list[tuple[str, str]] = []
    weight = WEIGHT_CONDITION.match(test)
    combo = COMBO_CONDITION.match(test)
    if test in plain:
        rule |= plain[test]
    elif weight:
        rule |= {
            "any_dx": 1,
            "neonate": 1,
            "weight_min": weight["min"] or "",
            "weight_max": weight["max"] or "",
        }
    elif combo and "ss_matched" in combo["expr"]:
        alternatives = []
        for alternative in combo["expr"].split("or"):
            parts = re.findall(r'"(\w+)"inss_matched', alternative)
            if not parts:
                fail(f"{name}: unreadable procedure combination {alternative!r}")
            alternatives.append("+".join(parts))
        rule |= {"pdx": 1, "combo": ";".join(alternatives)}
    else:
        fail(f"{name}: condition not understood: {test}")
    if rule["combo"] == "a+b":
        procedures = [(code, "a") for code in values["adrg_ss"]] + [
            (code, "b") for code in values["adrg_ss1"]
        ]
    elif rule["combo"]:
        # ss_matched takes the part of a code's first listing (list.index), so later listings are dropped
        seen: dict[str, str] = {}
        for code, part in zip(values["adrg_ss"], values["adrg_ss1"], strict=True):
            seen.setdefault(code, part)
        procedures = list(seen.items())
    else:
        procedures = [(code, "") for code in values["adrg_ss"]]
    drgs = re.findall(r"_DRG\.(\w{4})_group\(record\)", source)
    return rule, values["adrg_zd"], procedures, drgs


def read_dat(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            code, _, rest = line.partition(" ")
            rows.append((code, rest.strip()))
    return rows


def write(name: str, header: list[str], rows) -> int:
    rows = list(rows)
    with open(OUT / name, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("source", type=Path, help="OpenDRG DRG_Python's drg_group/chs_drg_11 folder")
    parser.add_argument("--commit", default="", help="the DRG_Python commit the folder comes from")
    args = parser.parse_args()
    source: Path = args.source
    OUT.mkdir(parents=True, exist_ok=True)

    mdc_order = re.findall(
        r"result=MDC(\w)\.group\(record\)", (source / "Grouper.py").read_text(encoding="utf-8")
    )
    splits: dict[str, str] = {}
    for path in sorted((source / "DRG").glob("MDC*_DRG.py")):
        text = path.read_text(encoding="utf-8")
        for function in ast.parse(text).body:
            if isinstance(function, ast.FunctionDef):
                body = ast.get_source_segment(text, function.body[0].value).replace(" ", "")
                kind = {key.replace(" ", ""): value for key, value in SPLITS.items()}.get(body)
                if kind is None:
                    fail(f"{path.name} {function.name}: split not understood: {body}")
                splits[function.name.removesuffix("_group")] = kind
    drg_names = dict(read_dat(source / "DATA" / "DRG.dat"))

    mdc_rows, mdc_dx_rows, adrg_rows, adrg_dx_rows, adrg_ss_rows, drg_rows = [], [], [], [], [], []
    priority = 0
    for mdc_priority, mdc in enumerate(mdc_order, start=1):
        source_text = (source / "MDC" / f"MDC{mdc}.py").read_text(encoding="utf-8")
        tree = ast.parse(source_text)
        function = next(node for node in tree.body if isinstance(node, ast.FunctionDef))
        gate_test = ast.get_source_segment(source_text, first_if(function).test.operand)
        gate = {key.replace(" ", ""): value for key, value in MDC_GATES.items()}.get(
            gate_test.replace(" ", "")
        )
        if gate is None:
            fail(f"MDC{mdc}: gate not understood: {gate_test}")
        calls = group_calls(function)
        if "QY" in calls:
            fail(f"MDC{mdc}: an enabled ambiguity block; give mdc.csv its position")
        multi_trauma = "len(types)<2" in source_text
        ambiguity_after = calls.index("QY-disabled") if "QY-disabled" in calls else len(calls)
        mdc_rows.append(
            [
                mdc,
                mdc_priority,
                gate["gate"],
                gate.get("sex", ""),
                gate.get("infant", 0),
                2 if multi_trauma else 0,
            ]
            + [0, ambiguity_after]
        )
        # a code listed twice keeps its first place and its last body region (OpenDRG's zd_map overwrites)
        region, regions = "", {}
        for code in lists(tree).get("mdc_zd", []):
            if multi_trauma and code.endswith("创伤"):
                region = code
                continue
            regions[code] = region
        mdc_dx_rows += [[mdc, code, region] for code, region in regions.items()]
        for adrg in (call for call in calls if not call.startswith("QY")):
            priority += 1
            rule, diagnoses, procedures, drgs = adrg_rule(
                adrg, (source / "ADRG" / f"{adrg}.py").read_text(encoding="utf-8")
            )
            kind = "surgical" if adrg[1] <= "J" else "non_or" if adrg[1] <= "Q" else "medical"
            adrg_rows.append([adrg, mdc, priority, kind] + [rule[column] for column in ADRG_COLUMNS[4:]])
            adrg_dx_rows += [[adrg, code] for code in dict.fromkeys(diagnoses)]
            adrg_ss_rows += [[adrg, code, part] for code, part in dict.fromkeys(procedures)]
            for order, drg in enumerate(drgs, start=1):
                drg_rows.append([drg, adrg, order, splits[drg], drg_names.get(drg, "")])

    counts = {
        "mdc.csv": write(
            "mdc.csv",
            [
                "mdc",
                "priority",
                "gate",
                "sex",
                "infant",
                "min_trauma_regions",
                "ambiguity_check",
                "ambiguity_after",
            ],
            mdc_rows,
        ),
        "mdc_diagnoses.csv": write("mdc_diagnoses.csv", ["mdc", "code", "trauma_region"], mdc_dx_rows),
        "adrg.csv": write("adrg.csv", ADRG_COLUMNS, adrg_rows),
        "adrg_diagnoses.csv": write("adrg_diagnoses.csv", ["adrg", "code"], adrg_dx_rows),
        "adrg_procedures.csv": write("adrg_procedures.csv", ["adrg", "code", "part"], adrg_ss_rows),
        "drg.csv": write("drg.csv", ["drg", "adrg", "order", "split", "name"], drg_rows),
        "complications.csv": write(
            "complications.csv",
            ["code", "severity", "exclusion_table"],
            [[code, "MCC", table] for code, table in read_dat(source / "DATA" / "MCC.dat")]
            + [[code, "CC", table] for code, table in read_dat(source / "DATA" / "CC.dat")],
        ),
        "cc_exclusions.csv": write(
            "cc_exclusions.csv",
            ["principal_diagnosis", "exclusion_table"],
            read_dat(source / "DATA" / "CCE.dat"),
        ),
        "valid_procedures.csv": write(
            "valid_procedures.csv", ["code", "name"], read_dat(source / "DATA" / "SS_VALID.dat")
        ),
        "diagnosis_codes.csv": write(
            "diagnosis_codes.csv", ["code", "name"], read_dat(source / "ICD" / "ZD_INFO.dat")
        ),
        "procedure_codes.csv": write(
            "procedure_codes.csv", ["code", "name"], read_dat(source / "ICD" / "SS_INFO.dat")
        ),
        # clinical (国临版) → 医保版 2.0 codes, as OpenDRG converts them before grouping; the codes that map
        # to themselves are left out (a code the mapping does not hold passes unchanged)
        "clinical_to_insurance.csv": write(
            "clinical_to_insurance.csv",
            ["clinical_code", "insurance_code"],
            [
                [clinical, insurance]
                for name in ("ZD_MAP.dat", "SS_MAP.dat")
                for clinical, insurance in read_dat(source / "ICD" / name)
                if clinical != insurance
            ],
        ),
    }
    (OUT / "SOURCE.txt").write_text(
        "OpenDRG/DRG_Python drg_group/chs_drg_11"
        + (f" at commit {args.commit}" if args.commit else "")
        + "\nregenerated by scripts/build_chs_drg_tables.py\n"
        + "".join(f"{name}: {count} rows\n" for name, count in counts.items()),
        encoding="utf-8",
    )
    for name, count in counts.items():
        print(f"{name:24} {count:7,} rows")


if __name__ == "__main__":
    main()

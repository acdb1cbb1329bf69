"""A DRG scheme's rule tables (the CSV files of `tixi/hospitals/data/<scheme>/`) turned into lookup arrays.

Every code gets an integer id; each table becomes an array indexed by that id, with one extra last slot for
codes the scheme does not know, so the grouper looks codes up with one numpy fancy index per rule.
"""

import csv
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parents[2] / "data"
DEFAULT_SCHEME = "chs_drg_1_1"
NO_TABLE = -1


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@dataclass
class Adrg:
    code: str
    mdc: str
    priority: int
    kind: str
    pdx: bool
    any_dx: bool
    pp: bool
    pp_valid: bool
    combo: list[list[str]]
    no_valid_procedure: bool
    neonate: bool
    weight_min: float | None
    weight_max: float | None
    diagnoses: np.ndarray | None = None  # bool per diagnosis id (+ unknown slot)
    procedures: np.ndarray | None = None  # bool per procedure id (+ unknown slot)
    procedure_parts: np.ndarray | None = None  # bit per combination part, per procedure id
    parts: list[str] = field(default_factory=list)
    drgs: list[tuple[str, str]] = field(default_factory=list)  # (drg, split) in the order they are tried

    def condition(self) -> str:
        """The rule id: the ADRG's conditions in a few words (pdx, any_dx, pp, pp_valid, combo, ...)."""
        words = [name for name in ("pdx", "any_dx", "pp", "pp_valid") if getattr(self, name)]
        if self.combo:
            words.append("procedures(" + "|".join("+".join(alt) for alt in self.combo) + ")")
        if self.no_valid_procedure:
            words.append("no_or_procedure")
        if self.neonate:
            words.append("neonate")
        if self.weight_min is not None or self.weight_max is not None:
            low = "" if self.weight_min is None else f"{self.weight_min:g}"
            high = "" if self.weight_max is None else f"{self.weight_max:g}"
            words.append(f"weight[{low},{high})")
        return "+".join(words) or "always"


@dataclass
class Mdc:
    code: str
    priority: int
    gate: str  # "diagnosis" (principal diagnosis on the MDC's list) or "valid_procedure"
    sex: int  # 0 any, 1 male, 2 female
    infant: bool  # age in years must be 0
    min_trauma_regions: int  # MDC Z: diagnoses from at least this many body regions
    ambiguity_check: bool  # cases with an OR procedure left after the surgical ADRGs are ambiguous (xQY)
    ambiguity_after: int  # position of that check among the MDC's ADRGs
    adrgs: list[Adrg] = field(default_factory=list)


@dataclass
class RuleSet:
    scheme: str
    source: str
    mdcs: list[Mdc]
    diagnosis_ids: dict[str, int]
    procedure_ids: dict[str, int]
    diagnosis_names: dict[str, str]
    procedure_names: dict[str, str]
    dx_mdc_bits: np.ndarray  # int64 bit per MDC index whose list holds the code
    dx_trauma_bits: np.ndarray  # int64 bit per MDC Z body region
    trauma_regions: list[str]
    dx_mcc_table: np.ndarray  # exclusion table of an MCC code, NO_TABLE otherwise
    dx_cc_table: np.ndarray
    dx_exclusion_table: np.ndarray  # CC exclusion table of a principal diagnosis
    procedure_valid: np.ndarray  # an OR procedure (counts for MDC A, xQY, ZZ1, "存在手术" rules)
    drg_names: dict[str, str]

    @property
    def adrgs(self) -> list[Adrg]:
        return [adrg for mdc in self.mdcs for adrg in mdc.adrgs]


def _ids(codes) -> dict[str, int]:
    ids: dict[str, int] = {}
    for code in codes:
        ids.setdefault(code, len(ids))
    return ids


def _number(text: str) -> float | None:
    return float(text) if text.strip() else None


@cache
def load_rules(scheme: str = DEFAULT_SCHEME) -> RuleSet:
    folder = DATA / scheme
    if not (folder / "adrg.csv").exists():
        raise FileNotFoundError(f"no DRG scheme {scheme!r} in {DATA}")
    mdc_rows = read_csv(folder / "mdc.csv")
    mdc_dx = read_csv(folder / "mdc_diagnoses.csv")
    adrg_rows = read_csv(folder / "adrg.csv")
    adrg_dx = read_csv(folder / "adrg_diagnoses.csv")
    adrg_ss = read_csv(folder / "adrg_procedures.csv")
    drg_rows = read_csv(folder / "drg.csv")
    complications = read_csv(folder / "complications.csv")
    exclusions = read_csv(folder / "cc_exclusions.csv")
    valid = read_csv(folder / "valid_procedures.csv")
    diagnosis_names = {row["code"]: row["name"] for row in read_csv(folder / "diagnosis_codes.csv")}
    procedure_names = {row["code"]: row["name"] for row in read_csv(folder / "procedure_codes.csv")}

    dx_ids = _ids(
        [*diagnosis_names, *(r["code"] for r in mdc_dx), *(r["code"] for r in adrg_dx)]
        + [r["code"] for r in complications]
        + [r["principal_diagnosis"] for r in exclusions]
    )
    ss_ids = _ids([*procedure_names, *(r["code"] for r in valid), *(r["code"] for r in adrg_ss)])
    n_dx, n_ss = len(dx_ids) + 1, len(ss_ids) + 1

    mdcs = [
        Mdc(
            code=row["mdc"],
            priority=int(row["priority"]),
            gate=row["gate"],
            sex=int(row["sex"] or 0),
            infant=row["infant"] == "1",
            min_trauma_regions=int(row["min_trauma_regions"]),
            ambiguity_check=row["ambiguity_check"] == "1",
            ambiguity_after=int(row["ambiguity_after"]),
        )
        for row in sorted(mdc_rows, key=lambda row: int(row["priority"]))
    ]
    if len(mdcs) > 63:
        raise ValueError("at most 63 MDCs fit the bit masks")
    mdc_index = {mdc.code: index for index, mdc in enumerate(mdcs)}
    dx_mdc_bits = np.zeros(n_dx, dtype=np.int64)
    dx_trauma_bits = np.zeros(n_dx, dtype=np.int64)
    trauma_regions = sorted({row["trauma_region"] for row in mdc_dx if row["trauma_region"]})
    region_bit = {region: 1 << index for index, region in enumerate(trauma_regions)}
    for row in mdc_dx:
        code = dx_ids[row["code"]]
        dx_mdc_bits[code] |= 1 << mdc_index[row["mdc"]]
        if row["trauma_region"]:
            dx_trauma_bits[code] |= region_bit[row["trauma_region"]]

    dx_lists: dict[str, list[int]] = {}
    for row in adrg_dx:
        dx_lists.setdefault(row["adrg"], []).append(dx_ids[row["code"]])
    ss_lists: dict[str, list[tuple[int, str]]] = {}
    for row in adrg_ss:
        ss_lists.setdefault(row["adrg"], []).append((ss_ids[row["code"]], row["part"]))
    drgs: dict[str, list[tuple[int, str, str]]] = {}
    for row in drg_rows:
        drgs.setdefault(row["adrg"], []).append((int(row["order"]), row["drg"], row["split"]))

    for row in sorted(adrg_rows, key=lambda row: int(row["priority"])):
        combo = [alternative.split("+") for alternative in row["combo"].split(";") if alternative]
        adrg = Adrg(
            code=row["adrg"],
            mdc=row["mdc"],
            priority=int(row["priority"]),
            kind=row["kind"],
            pdx=row["pdx"] == "1",
            any_dx=row["any_dx"] == "1",
            pp=row["pp"] == "1",
            pp_valid=row["pp_valid"] == "1",
            combo=combo,
            no_valid_procedure=row["no_valid_procedure"] == "1",
            neonate=row["neonate"] == "1",
            weight_min=_number(row["weight_min"]),
            weight_max=_number(row["weight_max"]),
            drgs=[(drg, split) for _, drg, split in sorted(drgs.get(row["adrg"], []))],
        )
        if adrg.pdx or adrg.any_dx:
            adrg.diagnoses = np.zeros(n_dx, dtype=bool)
            adrg.diagnoses[dx_lists.get(adrg.code, [])] = True
        if adrg.pp:
            adrg.procedures = np.zeros(n_ss, dtype=bool)
            adrg.procedures[[code for code, _ in ss_lists.get(adrg.code, [])]] = True
        if combo:
            adrg.parts = sorted({part for alternative in combo for part in alternative})
            if len(adrg.parts) > 8:
                raise ValueError(f"{adrg.code}: more than 8 procedure parts")
            adrg.procedure_parts = np.zeros(n_ss, dtype=np.uint8)
            for code, part in ss_lists.get(adrg.code, []):
                adrg.procedure_parts[code] |= 1 << adrg.parts.index(part)
        mdcs[mdc_index[adrg.mdc]].adrgs.append(adrg)

    tables: dict[str, int] = {}
    dx_mcc_table = np.full(n_dx, NO_TABLE, dtype=np.int32)
    dx_cc_table = np.full(n_dx, NO_TABLE, dtype=np.int32)
    dx_exclusion_table = np.full(n_dx, NO_TABLE, dtype=np.int32)
    for row in complications:
        table = tables.setdefault(row["exclusion_table"], len(tables))
        target = dx_mcc_table if row["severity"] == "MCC" else dx_cc_table
        target[dx_ids[row["code"]]] = table
    for row in exclusions:
        dx_exclusion_table[dx_ids[row["principal_diagnosis"]]] = tables.setdefault(
            row["exclusion_table"], len(tables)
        )
    procedure_valid = np.zeros(n_ss, dtype=bool)
    procedure_valid[[ss_ids[row["code"]] for row in valid]] = True

    source = (folder / "SOURCE.txt").read_text(encoding="utf-8") if (folder / "SOURCE.txt").exists() else ""
    return RuleSet(
        scheme=scheme,
        source=source.splitlines()[0] if source else "",
        mdcs=mdcs,
        diagnosis_ids=dx_ids,
        procedure_ids=ss_ids,
        diagnosis_names=diagnosis_names,
        procedure_names=procedure_names,
        dx_mdc_bits=dx_mdc_bits,
        dx_trauma_bits=dx_trauma_bits,
        trauma_regions=trauma_regions,
        dx_mcc_table=dx_mcc_table,
        dx_cc_table=dx_cc_table,
        dx_exclusion_table=dx_exclusion_table,
        procedure_valid=procedure_valid,
        drg_names={row["drg"]: row["name"] for row in drg_rows},
    )

"""Clinical codes → 医保 codes before grouping. Hospitals code the front page in the clinical versions (ICD-10
国临版 2.0, ICD-9-CM-3 国临版 3.0); CHS-DRG 1.1 reads the 医保版 2.0 codes. A mapping is versioned data
(`tixi hospitals mappings import`); a code it does not hold passes unchanged (it may already be a 医保 code;
the grouper names it when it knows neither)."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CodeMapping:
    version: str
    codes: dict[str, str] = field(default_factory=dict)  # clinical code -> 医保 code


@dataclass
class Mapped:
    principal_diagnosis: list[str]
    other_diagnoses: list[str]
    procedures: list[str]
    changes: list[str]  # per case: "clinical→医保" pairs, ";"-separated ('' when nothing changed)


def _map_list(text: str, codes: dict[str, str], changes: list[str]) -> str:
    if not text:
        return text
    out = []
    for code in text.split("|"):
        new = codes.get(code, code)
        if new != code:
            changes.append(f"{code}→{new}")
        out.append(new)
    return "|".join(out)


def apply(mapping: CodeMapping, principal: list[str], others: list[str], procedures: list[str]) -> Mapped:
    codes = mapping.codes
    result = Mapped([], [], [], [])
    for pdx, other, procs in zip(principal, others, procedures, strict=True):
        changes: list[str] = []
        result.principal_diagnosis.append(_map_list(pdx, codes, changes))
        result.other_diagnoses.append(_map_list(other, codes, changes))
        result.procedures.append(_map_list(procs, codes, changes))
        result.changes.append(";".join(changes))
    return result

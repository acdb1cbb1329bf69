"""Clinical codes → 医保 codes before grouping. Hospitals code the front page in the clinical versions (ICD-10
国临版 2.0, ICD-9-CM-3 国临版 3.0); CHS-DRG 1.1 reads the 医保版 2.0 codes. A mapping is versioned data
(`tixi hospitals mappings import`); a code it does not hold passes unchanged (it may already be a 医保 code).
A code that is neither in the mapping nor in the grouper's code set could not be mapped: `apply` lists it
per case, so the mapping's log says which cases it failed."""

from collections.abc import Collection
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
    unmapped: list[str]  # per case: codes in neither the mapping nor the grouper's code set, ";"-separated


def _map_list(text: str, codes: dict[str, str], changes: list[str], known, unmapped: list[str]) -> str:
    if not text:
        return text
    out = []
    for code in text.split("|"):
        new = codes.get(code)
        if new is None:
            new = code
            if known is not None and code not in known:
                unmapped.append(code)
        elif new != code:
            changes.append(f"{code}→{new}")
        out.append(new)
    return "|".join(out)


def apply(
    mapping: CodeMapping,
    principal: list[str],
    others: list[str],
    procedures: list[str],
    diagnoses_known: Collection[str] | None = None,
    procedures_known: Collection[str] | None = None,
) -> Mapped:
    """Each case's codes through the mapping; with the grouper's code sets (`…_known`), the codes it could
    not map are listed per case."""
    codes = mapping.codes
    result = Mapped([], [], [], [], [])
    for pdx, other, procs in zip(principal, others, procedures, strict=True):
        changes: list[str] = []
        unmapped: list[str] = []
        result.principal_diagnosis.append(_map_list(pdx, codes, changes, diagnoses_known, unmapped))
        result.other_diagnoses.append(_map_list(other, codes, changes, diagnoses_known, unmapped))
        result.procedures.append(_map_list(procs, codes, changes, procedures_known, unmapped))
        result.changes.append(";".join(changes))
        result.unmapped.append(";".join(unmapped))
    return result

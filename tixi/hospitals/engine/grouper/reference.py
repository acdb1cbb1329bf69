"""The independent grouper our results are checked against: OpenDRG's DRG_Python (Apache-2.0), CHS-DRG 1.1.

It is not part of Tixi: it is run from a snapshot of its repository (the folder holding `drg_group/`), named
by `--reference` or the TIXI_OPENDRG_DIR setting, one case at a time through its own entry point.
"""

import dataclasses
import importlib
import math
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .grouping import AMBIGUOUS, CHECK_FAILED, GROUPED, Cases, Grouping, group
from .rules import NO_TABLE

ENVIRONMENT = "TIXI_OPENDRG_DIR"
MODULES = {"chs_drg_1_1": "chs_drg_11"}


class ReferenceMissing(LookupError):
    pass


def reference_folder(folder: str | Path | None = None) -> Path:
    path = Path(folder or os.environ.get(ENVIRONMENT, ""))
    if not str(folder or os.environ.get(ENVIRONMENT, "")) or not (path / "drg_group").is_dir():
        raise ReferenceMissing(str(path))
    return path


def reference_grouper(folder: str | Path | None = None, scheme: str = "chs_drg_1_1"):
    """OpenDRG's GroupProxy for the scheme, imported from the snapshot folder."""
    path = reference_folder(folder)
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))
    proxy = importlib.import_module(f"drg_group.{MODULES[scheme]}.GroupProxy")
    base = importlib.import_module(f"drg_group.{MODULES[scheme]}.Base")
    return proxy.GroupProxy(), base.MedicalRecord


def _number(value: float) -> int | None:
    return None if math.isnan(value) else int(value)


def reference_drgs(cases: Cases, folder: str | Path | None = None) -> list[str]:
    """OpenDRG's DRG per case ("" when it assigns none, "QY" kept as its xQY code)."""
    proxy, record_type = reference_grouper(folder)
    drgs = []
    for index in range(len(cases)):
        sex = int(cases.sex[index])
        diagnoses = "|".join(
            code for code in [cases.principal_diagnosis[index], cases.other_diagnoses[index]] if code
        )
        record = record_type(
            Index=index,
            gender=sex if sex in (1, 2) else None,
            age=_number(cases.age_years[index]),
            ageDay=_number(cases.age_days[index]),
            weight=_number(cases.birth_weight[index]),
            dept="",
            inHospitalTime=1,
            leavingType="1",
            zdList=diagnoses,
            ssList=cases.procedures[index],
        )
        result = proxy.group(record)
        drgs.append("" if result.drg in ("0000", "") else result.drg)
    return drgs


@dataclass
class Difference:
    case: int
    ours: str
    reference: str
    row: dict


def compare(grouping: Grouping, reference: list[str]) -> tuple[int, list[Difference]]:
    """Identical cases and the differing ones (a no-group or failed check compares as "")."""
    differences = []
    identical = 0
    for index, theirs in enumerate(reference):
        ours = grouping.drg_of(index)  # "" when not grouped, as OpenDRG's 0000
        if grouping.status[index] == AMBIGUOUS and grouping.mdc[index] >= 0:
            ours = grouping.rules.mdcs[grouping.mdc[index]].code + "QY"
        if ours == theirs:
            identical += 1
        else:
            differences.append(Difference(index, ours, theirs, grouping.row(index)))
    return identical, differences


@dataclass
class Parity:
    cases: int
    identical: int
    differences: list[Difference]
    coverage: dict[str, int]

    @property
    def share(self) -> float:
        return self.identical / self.cases if self.cases else 1.0


def parity(cases: Cases, grouping: Grouping, folder: str | Path | None = None) -> Parity:
    """Our DRGs against OpenDRG's, case by case, and what the cases exercised."""
    identical, differences = compare(grouping, reference_drgs(cases, folder))
    rules = grouping.rules
    # the cases whose DRG the CC exclusion tables decided: grouped again with the tables emptied
    no_table = np.full_like(rules.dx_exclusion_table, NO_TABLE)
    without_exclusions = group(cases, dataclasses.replace(rules, dx_exclusion_table=no_table))
    used_adrg = {int(index) for index in grouping.adrg[grouping.adrg >= 0]}
    coverage = {
        "mdcs": len({int(index) for index in grouping.mdc[grouping.status == GROUPED]}),
        "mdcs_in_scheme": len(rules.mdcs),
        "adrgs": len(used_adrg),
        "adrgs_in_scheme": len(rules.adrgs),
        "drgs": len({int(index) for index in grouping.drg[grouping.drg >= 0]}),
        "drgs_in_scheme": len(grouping.drg_codes),
        "with_mcc": int(((grouping.split == 1) & (grouping.status == GROUPED)).sum()),
        "with_cc": int(((grouping.split == 2) & (grouping.status == GROUPED)).sum()),
        "with_excluded_code": int((grouping.excluded >= 0).sum()),
        "exclusion_decided": int((without_exclusions.drg != grouping.drg).sum()),
        "no_group": int((grouping.status == 1).sum()),
        "check_failed": int((grouping.status == CHECK_FAILED).sum()),
    }
    return Parity(len(cases), identical, differences, coverage)

"""Group discharges into DRGs in bulk: MDC → ADRG → DRG, each rule applied to all cases at once.

The loop runs over the scheme's rules (26 MDCs, 376 ADRGs, 3 split levels), never over cases: each rule is a
few numpy lookups on the cases its MDC admitted and that no earlier rule has taken. The first rule that fits
wins, in the scheme's order (mdc.csv / adrg.csv priority), which is how CHS-DRG's published grouper walks.
Every case keeps the path it took (MDC, ADRG and the rule that admitted it, the split, the MCC/CC found or
excluded) or the reason it failed.
"""

from dataclasses import dataclass, field
from itertools import repeat

import numpy as np

from .rules import NO_TABLE, RuleSet, load_rules

GROUPED, NO_GROUP, AMBIGUOUS, CHECK_FAILED = 0, 1, 2, 3
STATUSES = ("grouped", "no_group", "ambiguous", "check_failed")
# why a case has no DRG; the keys are stable (the CLI translates them)
REASONS = (
    "",
    "sex_missing",
    "sex_invalid",
    "age_missing",
    "age_days_missing",
    "birth_weight_missing",
    "principal_missing",
    "principal_unknown",
    "no_mdc",
    "sex_conflict",
    "neonate_conflict",
    "single_trauma_region",
    "no_adrg",
    "or_procedure_outside_mdc",
)
REASON = {name: index for index, name in enumerate(REASONS)}
EMPTY = -2  # id of an empty list element, dropped


@dataclass
class Cases:
    """The columns the grouper reads. Lists are `|`-separated strings, procedures in their order."""

    sex: np.ndarray  # 1 male, 2 female, 0 missing; anything else is invalid
    age_years: np.ndarray  # float, NaN when missing
    age_days: np.ndarray  # float, NaN when missing (only neonates and infants carry it)
    birth_weight: np.ndarray  # grams, NaN when missing
    principal_diagnosis: list[str]
    other_diagnoses: list[str]
    procedures: list[str]

    def __len__(self) -> int:
        return len(self.principal_diagnosis)


@dataclass
class CodeList:
    """One `|`-separated column flattened: ids, the case each belongs to and its position in the case."""

    ids: np.ndarray
    case: np.ndarray
    position: np.ndarray
    tokens: list[str]  # the codes as written, same order as ids
    unknown: int  # id given to codes the scheme does not know


def flatten(texts: list[str], ids: dict[str, int]) -> CodeList:
    unknown = len(ids)
    lookup = dict(ids)
    lookup[""] = EMPTY
    counts = np.fromiter(
        (text.count("|") + 1 if text else 0 for text in texts), dtype=np.int64, count=len(texts)
    )
    tokens = "|".join(text for text in texts if text).split("|") if counts.sum() else []
    token_ids = np.fromiter(map(lookup.get, tokens, repeat(unknown)), dtype=np.int64, count=len(tokens))
    case = np.repeat(np.arange(len(texts)), counts)
    keep = token_ids != EMPTY
    if not keep.all():
        token_ids, case = token_ids[keep], case[keep]
        tokens = [token for token, kept in zip(tokens, keep.tolist(), strict=True) if kept]
    starts = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(np.bincount(case, minlength=len(texts)), out=starts[1:])
    position = np.arange(len(token_ids)) - starts[case]
    return CodeList(ids=token_ids, case=case, position=position, tokens=tokens, unknown=unknown)


def segment_any(n: int, case: np.ndarray, flags: np.ndarray) -> np.ndarray:
    out = np.zeros(n, dtype=bool)
    out[case[flags]] = True
    return out


def segment_or(n: int, case: np.ndarray, bits: np.ndarray) -> np.ndarray:
    out = np.zeros(n, dtype=bits.dtype)
    nonzero = bits != 0
    np.bitwise_or.at(out, case[nonzero], bits[nonzero])
    return out


def first_index(n: int, case: np.ndarray, flags: np.ndarray) -> np.ndarray:
    """Per case, the flat index of its first flagged element (-1 when none); elements are in case order."""
    out = np.full(n, -1, dtype=np.int64)
    where = np.flatnonzero(flags)
    # reversed so that the earliest element of a case is written last
    out[case[where[::-1]]] = where[::-1]
    return out


@dataclass
class Grouping:
    rules: RuleSet
    status: np.ndarray
    reason: np.ndarray
    mdc: np.ndarray  # index into rules.mdcs, -1 none
    adrg: np.ndarray  # index into rules.adrgs, -1 none
    drg: np.ndarray  # index into drg_codes, -1 none
    split: np.ndarray  # the split that placed the case: 0 none, 1 MCC, 2 CC
    mcc: np.ndarray  # flat index (into others.tokens) of the first MCC that counts, -1 none
    cc: np.ndarray  # first CC that counts
    excluded: np.ndarray  # first MCC/CC excluded by the principal diagnosis's table
    others: CodeList
    procedures: CodeList
    unknown_diagnoses: dict[int, list[str]] = field(default_factory=dict)
    unknown_procedures: dict[int, list[str]] = field(default_factory=dict)
    drg_codes: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.status)

    def drg_of(self, index: int) -> str:
        return self.drg_codes[self.drg[index]] if self.drg[index] >= 0 else ""

    def drg_array(self) -> np.ndarray:
        codes = np.array([*self.drg_codes, ""], dtype=object)
        return codes[self.drg]

    def row(self, index: int) -> dict[str, str]:
        """The result of one case: drg, status, reason, mdc, adrg, mcc, cc, cc_excluded, path."""
        mdc = self.rules.mdcs[self.mdc[index]] if self.mdc[index] >= 0 else None
        adrg = self.rules.adrgs[self.adrg[index]] if self.adrg[index] >= 0 else None
        drg = self.drg_of(index)

        def token(flat: int) -> str:
            return self.others.tokens[flat] if flat >= 0 else ""

        steps = []
        if mdc:
            steps.append(f"MDC{mdc.code}:{mdc.gate}")
        if adrg:
            steps.append(f"{adrg.code}:{adrg.condition()}")
        elif self.status[index] == AMBIGUOUS and mdc:
            steps.append(f"{mdc.code}QY:or_procedure")
        if drg:
            split = ("none", "mcc", "cc")[self.split[index]]
            found = {1: token(self.mcc[index]), 2: token(self.cc[index]) or token(self.mcc[index])}
            steps.append(f"{drg}:{split}" + (f"({found[self.split[index]]})" if self.split[index] else ""))
        return {
            "drg": drg,
            "drg_status": STATUSES[self.status[index]],
            "drg_reason": REASONS[self.reason[index]],
            "mdc": mdc.code if mdc else "",
            "adrg": adrg.code if adrg else "",
            "mcc": token(self.mcc[index]),
            "cc": token(self.cc[index]),
            "cc_excluded": token(self.excluded[index]),
            "drg_path": " > ".join(steps),
        }

    def columns(self) -> dict[str, list[str]]:
        """The results of all cases as columns (the keys of `row`), built with array lookups."""
        rules = self.rules
        mdc_codes = np.array([mdc.code for mdc in rules.mdcs] + [""], dtype=object)
        mdc_steps = np.array([f"MDC{mdc.code}:{mdc.gate}" for mdc in rules.mdcs] + [""], dtype=object)
        adrg_codes = np.array([adrg.code for adrg in rules.adrgs] + [""], dtype=object)
        adrg_steps = np.array(
            [f"{adrg.code}:{adrg.condition()}" for adrg in rules.adrgs] + [""], dtype=object
        )
        qy_steps = np.array([f"{mdc.code}QY:or_procedure" for mdc in rules.mdcs] + [""], dtype=object)
        tokens = np.array([*self.others.tokens, ""], dtype=object)
        mcc, cc = tokens[self.mcc], tokens[self.cc]
        drg = self.drg_array()
        split = np.array(["none", "mcc", "cc"], dtype=object)[self.split]
        found = np.where(self.split == 1, mcc, np.where(self.split == 2, cc, ""))
        adrg_step = np.where(self.status == AMBIGUOUS, qy_steps[self.mdc], adrg_steps[self.adrg])
        paths = [
            " > ".join(
                step
                for step in (
                    mdc_step,
                    adrg_part,
                    (f"{code}:{how}" + (f"({why})" if why else "")) if code else "",
                )
                if step
            )
            for mdc_step, adrg_part, code, how, why in zip(
                mdc_steps[self.mdc].tolist(), adrg_step.tolist(), drg.tolist(), split.tolist(), found.tolist(),
                strict=True,
            )
        ]  # fmt: skip
        return {
            "drg": drg.tolist(),
            "drg_status": np.array(STATUSES, dtype=object)[self.status].tolist(),
            "drg_reason": np.array(REASONS, dtype=object)[self.reason].tolist(),
            "mdc": mdc_codes[self.mdc].tolist(),
            "adrg": adrg_codes[self.adrg].tolist(),
            "mcc": mcc.tolist(),
            "cc": cc.tolist(),
            "cc_excluded": tokens[self.excluded].tolist(),
            "drg_path": paths,
        }


def group(cases: Cases, rules: RuleSet | None = None) -> Grouping:
    rules = rules or load_rules()
    n = len(cases)
    sex = np.asarray(cases.sex, dtype=np.int64)
    age = np.asarray(cases.age_years, dtype=float)
    days = np.asarray(cases.age_days, dtype=float)
    weight = np.asarray(cases.birth_weight, dtype=float)

    dx_lookup = dict(rules.diagnosis_ids)
    dx_lookup[""] = EMPTY
    dx_unknown = len(rules.diagnosis_ids)
    pdx = np.fromiter(
        map(dx_lookup.get, cases.principal_diagnosis, repeat(dx_unknown)), dtype=np.int64, count=n
    )
    principal_missing = pdx == EMPTY
    pdx[principal_missing] = dx_unknown
    others = flatten(cases.other_diagnoses, rules.diagnosis_ids)
    procs = flatten(cases.procedures, rules.procedure_ids)
    pp = np.full(n, len(rules.procedure_ids), dtype=np.int64)  # the unknown slot: no procedure fits
    first = procs.position == 0
    pp[procs.case[first]] = procs.ids[first]
    has_procedure = np.zeros(n, dtype=bool)
    has_procedure[procs.case] = True

    status = np.full(n, NO_GROUP, dtype=np.int8)
    reason = np.zeros(n, dtype=np.int8)

    # the record checks of the CHS-DRG grouper, in its order; the first one failed is the reason
    infant = np.trunc(age) == 0
    neonate = days <= 28  # NaN compares False
    checks = [
        ("sex_missing", sex == 0),
        ("sex_invalid", (sex != 1) & (sex != 2)),
        ("age_missing", np.isnan(age)),
        ("age_days_missing", infant & np.isnan(days)),
        ("birth_weight_missing", infant & neonate & np.isnan(weight)),
        ("principal_missing", principal_missing),
    ]
    for name, failed in reversed(checks):
        status[failed] = CHECK_FAILED
        reason[failed] = REASON[name]
    open_ = status != CHECK_FAILED

    any_valid = segment_any(n, procs.case, rules.procedure_valid[procs.ids]) & has_procedure
    mdc_bits = rules.dx_mdc_bits[pdx]
    all_trauma = rules.dx_trauma_bits[pdx] | segment_or(n, others.case, rules.dx_trauma_bits[others.ids])
    trauma_regions = np.bitwise_count(all_trauma.astype(np.uint64)).astype(np.int64)

    adrg_index = {adrg.code: index for index, adrg in enumerate(rules.adrgs)}
    mdc_of = np.full(n, -1, dtype=np.int16)
    adrg_of = np.full(n, -1, dtype=np.int16)
    gate_passed = np.full(n, -1, dtype=np.int16)  # first MDC that admitted a case nothing then took

    for mdc_position, mdc in enumerate(rules.mdcs):
        if mdc.gate == "valid_procedure":
            gate = has_procedure & rules.procedure_valid[pp]
        else:
            gate = ((mdc_bits >> mdc_position) & 1).astype(bool)
        if mdc.sex:
            gate &= sex == mdc.sex
        if mdc.infant:
            gate &= infant
        if mdc.min_trauma_regions:
            gate &= trauma_regions >= mdc.min_trauma_regions
        idx = np.flatnonzero(gate & open_ & (adrg_of < 0) & (status != AMBIGUOUS))
        if not len(idx):
            continue
        gate_passed[idx[gate_passed[idx] < 0]] = mdc_position
        for position, adrg in enumerate(mdc.adrgs):
            if mdc.ambiguity_check and position == mdc.ambiguity_after:
                idx = _ambiguous(idx, any_valid, status, reason, mdc_of, mdc_position)
            if not len(idx):
                break
            fits = _fits(adrg, idx, pdx, pp, others, procs, days, weight, any_valid, rules.procedure_valid, n)
            taken = idx[fits]
            adrg_of[taken] = adrg_index[adrg.code]
            mdc_of[taken] = mdc_position
            idx = idx[~fits]
        if mdc.ambiguity_check and mdc.ambiguity_after >= len(mdc.adrgs) and len(idx):
            _ambiguous(idx, any_valid, status, reason, mdc_of, mdc_position)

    # CC and MCC of the secondary diagnoses, less those in the principal diagnosis's exclusion table
    exclusion = rules.dx_exclusion_table[pdx][others.case]
    mcc_table = rules.dx_mcc_table[others.ids]
    cc_table = rules.dx_cc_table[others.ids]
    is_mcc = mcc_table != NO_TABLE
    is_cc = cc_table != NO_TABLE
    mcc_counts = is_mcc & ((exclusion == NO_TABLE) | (exclusion != mcc_table))
    cc_counts = is_cc & ((exclusion == NO_TABLE) | (exclusion != cc_table))
    excluded = (is_mcc & ~mcc_counts) | (is_cc & ~cc_counts)
    first_mcc = first_index(n, others.case, mcc_counts)
    first_cc = first_index(n, others.case, cc_counts)
    first_excluded = first_index(n, others.case, excluded)
    has_mcc = first_mcc >= 0
    has_cc_or_mcc = has_mcc | (first_cc >= 0)

    drg_codes = [drg for adrg in rules.adrgs for drg, _ in adrg.drgs]
    drg_index = {drg: index for index, drg in enumerate(drg_codes)}
    levels = max(len(adrg.drgs) for adrg in rules.adrgs)
    drg_table = np.full((len(rules.adrgs) + 1, levels), -1, dtype=np.int32)
    split_table = np.zeros((len(rules.adrgs) + 1, levels), dtype=np.int8)
    for index, adrg in enumerate(rules.adrgs):
        for level, (drg, split) in enumerate(adrg.drgs):
            drg_table[index, level] = drg_index[drg]
            split_table[index, level] = {"none": 0, "mcc": 1, "cc": 2}[split]
    drg_of = np.full(n, -1, dtype=np.int32)
    split_of = np.zeros(n, dtype=np.int8)
    for level in range(levels):
        candidate = drg_table[adrg_of, level]  # adrg -1 reads the padding row
        split = split_table[adrg_of, level]
        fits = (
            (adrg_of >= 0)
            & (drg_of < 0)
            & (candidate >= 0)
            & ((split == 0) | ((split == 1) & has_mcc) | ((split == 2) & has_cc_or_mcc))
        )
        drg_of[fits] = candidate[fits]
        split_of[fits] = np.where((split[fits] == 2) & ~(first_cc[fits] >= 0), 1, split[fits])
    status[drg_of >= 0] = GROUPED

    _no_group_reasons(rules, status, reason, pdx, dx_unknown, sex, infant, gate_passed, mdc_of, mdc_bits)
    return Grouping(
        rules=rules,
        status=status,
        reason=reason,
        mdc=mdc_of,
        adrg=adrg_of,
        drg=drg_of,
        split=split_of,
        mcc=first_mcc,
        cc=first_cc,
        excluded=first_excluded,
        others=others,
        procedures=procs,
        unknown_diagnoses=_unknown(cases.principal_diagnosis, pdx, dx_unknown, others),
        unknown_procedures=_unknown(None, None, None, procs),
        drg_codes=drg_codes,
    )


def _fits(adrg, idx, pdx, pp, others, procs, days, weight, any_valid, valid, n) -> np.ndarray:
    fits = np.ones(len(idx), dtype=bool)
    if adrg.pdx:
        fits &= adrg.diagnoses[pdx[idx]]
    if adrg.any_dx:
        anywhere = adrg.diagnoses[pdx] | segment_any(n, others.case, adrg.diagnoses[others.ids])
        fits &= anywhere[idx]
    if adrg.pp:
        fits &= adrg.procedures[pp[idx]]
    if adrg.pp_valid:
        fits &= valid[pp[idx]]
    if adrg.combo:
        held = segment_or(n, procs.case, adrg.procedure_parts[procs.ids])[idx]
        masks = [sum(1 << adrg.parts.index(part) for part in alternative) for alternative in adrg.combo]
        fits &= np.logical_or.reduce([(held & mask) == mask for mask in masks])
    if adrg.no_valid_procedure:
        fits &= ~any_valid[idx]
    if adrg.neonate:
        fits &= days[idx] <= 28
    if adrg.weight_min is not None or adrg.weight_max is not None:
        grams = weight[idx]
        ok = grams > 0  # a missing or zero weight fits no weight band
        if adrg.weight_min is not None:
            ok &= grams >= adrg.weight_min
        if adrg.weight_max is not None:
            ok &= grams < adrg.weight_max
        fits &= ok
    return fits


def _ambiguous(idx, any_valid, status, reason, mdc_of, mdc_position) -> np.ndarray:
    """CHS-DRG's xQY: a case of this MDC holding an OR procedure that none of its surgical ADRGs took."""
    hit = any_valid[idx]
    status[idx[hit]] = AMBIGUOUS
    reason[idx[hit]] = REASON["or_procedure_outside_mdc"]
    mdc_of[idx[hit]] = mdc_position
    return idx[~hit]


def _no_group_reasons(rules, status, reason, pdx, dx_unknown, sex, infant, gate_passed, mdc_of, mdc_bits):
    lost = np.flatnonzero(status == NO_GROUP)
    if not len(lost):
        return
    codes = {mdc.code: position for position, mdc in enumerate(rules.mdcs)}
    sexed = sum(1 << codes[mdc.code] for mdc in rules.mdcs if mdc.sex)
    infant_only = sum(1 << codes[mdc.code] for mdc in rules.mdcs if mdc.infant)
    trauma = sum(1 << codes[mdc.code] for mdc in rules.mdcs if mdc.min_trauma_regions)
    bits = mdc_bits[lost]
    choices = [
        (pdx[lost] == dx_unknown, "principal_unknown"),
        (gate_passed[lost] >= 0, "no_adrg"),
        ((bits & sexed) != 0, "sex_conflict"),
        (((bits & infant_only) != 0) & ~infant[lost], "neonate_conflict"),
        ((bits & trauma) != 0, "single_trauma_region"),
    ]
    picked = np.full(len(lost), REASON["no_mdc"], dtype=np.int8)
    for mask, name in reversed(choices):
        picked[mask] = REASON[name]
    reason[lost] = picked
    with_gate = lost[gate_passed[lost] >= 0]
    mdc_of[with_gate] = gate_passed[with_gate]


def _unknown(texts, ids, unknown_id, code_list: CodeList) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    if texts is not None:
        for case in np.flatnonzero(ids == unknown_id).tolist():
            if texts[case]:
                found.setdefault(case, []).append(texts[case])
    for flat in np.flatnonzero(code_list.ids == code_list.unknown).tolist():
        found.setdefault(int(code_list.case[flat]), []).append(code_list.tokens[flat])
    return found

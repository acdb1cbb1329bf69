"""Synthetic discharges aimed at the rules: for testing the grouper against another and for benchmarks.

Each case is built for one ADRG drawn at random (so every MDC and most ADRGs occur): a principal diagnosis
from its lists, the procedures it needs (principal procedure, a pair, a combination), the sex, age and
birth weight its MDC asks for; then 0-6 secondary diagnoses mixing MCCs, CCs, codes excluded by the
principal diagnosis's table and plain codes, extra procedures, and a share of cases bent to fail (another
sex, an adult with a neonatal diagnosis, a random principal diagnosis, missing fields).
"""

import numpy as np

from .grouping import Cases
from .rules import NO_TABLE, RuleSet, load_rules


def _pick(rng: np.random.Generator, pool: np.ndarray, size: int) -> np.ndarray:
    return pool[rng.integers(0, len(pool), size)]


def _join(n: int, case: np.ndarray, codes: np.ndarray) -> list[str]:
    """`|`-joined codes per case, in the order given (case must be sorted)."""
    out = [""] * n
    if not len(case):
        return out
    bounds = np.flatnonzero(np.diff(case)) + 1
    starts = np.concatenate([[0], bounds])
    ends = np.concatenate([bounds, [len(case)]])
    code_list = codes.tolist()
    for owner, start, end in zip(case[starts].tolist(), starts.tolist(), ends.tolist(), strict=True):
        out[owner] = "|".join(code_list[start:end])
    return out


def generate_cases(n: int, seed: int = 0, rules: RuleSet | None = None, noise: float = 0.08) -> Cases:
    rules = rules or load_rules()
    rng = np.random.default_rng(seed)
    dx_codes = np.array(list(rules.diagnosis_ids), dtype=object)
    ss_codes = np.array(list(rules.procedure_ids), dtype=object)
    valid_codes = ss_codes[rules.procedure_valid[: len(ss_codes)]]
    adrgs = rules.adrgs
    mdc_position = {mdc.code: position for position, mdc in enumerate(rules.mdcs)}
    mdc_by_code = {mdc.code: mdc for mdc in rules.mdcs}

    principal = np.empty(n, dtype=object)
    sex = rng.integers(1, 3, n)
    age = rng.integers(1, 90, n).astype(float)
    days = np.full(n, np.nan)
    weight = np.full(n, np.nan)
    main_procedures = np.full(n, "", dtype=object)  # "|"-joined procedures the rule needs, principal first
    extra_dx: list[tuple[np.ndarray, np.ndarray]] = []

    choice = rng.integers(0, len(adrgs), n)
    for index, adrg in enumerate(adrgs):
        rows = np.flatnonzero(choice == index)
        if not len(rows):
            continue
        mdc = mdc_by_code[adrg.mdc]
        in_mdc = ((rules.dx_mdc_bits[: len(dx_codes)] >> mdc_position[mdc.code]) & 1).astype(bool)
        pool = dx_codes[in_mdc] if mdc.gate == "diagnosis" else dx_codes
        if adrg.diagnoses is not None:
            own = adrg.diagnoses[: len(dx_codes)]
            both = dx_codes[own & in_mdc] if mdc.gate == "diagnosis" else dx_codes[own]
            pool = both if len(both) else dx_codes[own]
        if adrg.any_dx and not adrg.pdx and mdc.gate == "diagnosis":
            # the list may be met by a secondary diagnosis: principal from the MDC, the listed code after it
            listed = dx_codes[adrg.diagnoses[: len(dx_codes)]]
            extra_dx.append((rows, _pick(rng, listed, len(rows))))
            pool = dx_codes[in_mdc]
        principal[rows] = _pick(rng, pool, len(rows))
        if mdc.sex:
            sex[rows] = mdc.sex
        if mdc.infant or adrg.neonate:
            age[rows] = 0
            days[rows] = rng.integers(0, 29, len(rows))
            weight[rows] = rng.integers(600, 4800, len(rows))
        elif adrg.mdc == "P":
            age[rows] = 0
            days[rows] = rng.integers(0, 365, len(rows))
            weight[rows] = rng.integers(600, 4800, len(rows))
        if mdc.min_trauma_regions:
            region_pool = dx_codes[rules.dx_trauma_bits[: len(dx_codes)] != 0]
            extra_dx.append((rows, _pick(rng, region_pool, len(rows))))
        if adrg.pp:
            main_procedures[rows] = _pick(rng, ss_codes[adrg.procedures[: len(ss_codes)]], len(rows))
        elif adrg.combo:
            for row in rows.tolist():
                alternative = adrg.combo[rng.integers(0, len(adrg.combo))]
                codes = []
                for part in alternative:
                    bit = 1 << adrg.parts.index(part)
                    members = ss_codes[(adrg.procedure_parts[: len(ss_codes)] & bit) != 0]
                    codes.append(str(_pick(rng, members, 1)[0]))
                rng.shuffle(codes)
                main_procedures[row] = "|".join(codes)
        elif adrg.pp_valid or mdc.gate == "valid_procedure":
            main_procedures[rows] = _pick(rng, valid_codes, len(rows))

    # secondary diagnoses: MCC, CC, excluded by the principal's table, plain
    count = rng.integers(0, 7, n)
    case = np.repeat(np.arange(n), count)
    kind = rng.choice(4, size=len(case), p=[0.2, 0.3, 0.15, 0.35])
    mcc_pool = dx_codes[rules.dx_mcc_table[: len(dx_codes)] != NO_TABLE]
    cc_pool = dx_codes[rules.dx_cc_table[: len(dx_codes)] != NO_TABLE]
    secondary = _pick(rng, dx_codes, len(case))
    secondary[kind == 0] = _pick(rng, mcc_pool, int((kind == 0).sum()))
    secondary[kind == 1] = _pick(rng, cc_pool, int((kind == 1).sum()))
    secondary[kind == 2] = _excluded_for(rules, dx_codes, principal[case[kind == 2]], rng)
    for rows, codes in extra_dx:
        case = np.concatenate([case, rows])
        secondary = np.concatenate([secondary, codes])
    order = np.argsort(case, kind="stable")
    others = _join(n, case[order], secondary[order])

    # extra procedures after the ones the rule needs (some OR procedures, some not)
    extra_count = rng.choice(4, size=n, p=[0.45, 0.3, 0.15, 0.1])
    extra_case = np.repeat(np.arange(n), extra_count)
    extras = _pick(rng, ss_codes, len(extra_case))
    valid_share = rng.random(len(extra_case)) < 0.3
    extras[valid_share] = _pick(rng, valid_codes, int(valid_share.sum()))
    extra_joined = _join(n, extra_case, extras)
    procedures = [
        "|".join(part for part in (main, extra) if part)
        for main, extra in zip(main_procedures.tolist(), extra_joined, strict=True)
    ]

    # cases bent to fail or to wander: another sex, random principal, adults with neonatal codes, gaps
    bent = rng.random(n) < noise
    how = rng.integers(0, 6, n)
    flip = bent & (how == 0)
    sex[flip] = 3 - sex[flip]
    wander = bent & (how == 1)
    principal[wander] = _pick(rng, dx_codes, int(wander.sum()))
    grown = bent & (how == 2)
    age[grown], days[grown] = rng.integers(1, 80, int(grown.sum())), np.nan
    older = bent & (how == 3)
    days[older] = rng.integers(29, 365, int(older.sum()))
    gap = bent & (how == 4)
    gap_kind = rng.integers(0, 3, n)
    sex[gap & (gap_kind == 0)] = 0
    age[gap & (gap_kind == 1)] = np.nan
    weight[gap & (gap_kind == 2)] = np.nan
    no_procedure = bent & (how == 5)
    for row in np.flatnonzero(no_procedure).tolist():
        procedures[row] = ""
    return Cases(
        sex=sex,
        age_years=age,
        age_days=days,
        birth_weight=weight,
        principal_diagnosis=principal.tolist(),
        other_diagnoses=others,
        procedures=procedures,
    )


def _excluded_for(rules: RuleSet, dx_codes: np.ndarray, principals: np.ndarray, rng) -> np.ndarray:
    """For each principal diagnosis a CC/MCC from its own exclusion table (or any CC when it has none)."""
    table = rules.dx_exclusion_table[[rules.diagnosis_ids[code] for code in principals.tolist()]]
    known = len(dx_codes)
    member_table = np.where(
        rules.dx_mcc_table[:known] != NO_TABLE, rules.dx_mcc_table[:known], rules.dx_cc_table[:known]
    )
    members = np.flatnonzero(member_table != NO_TABLE)
    members = members[np.argsort(member_table[members], kind="stable")]
    sorted_tables = member_table[members]
    start = np.searchsorted(sorted_tables, table, side="left")
    end = np.searchsorted(sorted_tables, table, side="right")
    size = end - start
    pick = start + (rng.random(len(table)) * np.maximum(size, 1)).astype(np.int64)
    chosen = dx_codes[members[np.minimum(pick, len(members) - 1)]]
    fallback = size == 0
    chosen[fallback] = _pick(rng, dx_codes[member_table != NO_TABLE], int(fallback.sum()))
    return chosen

"""What a plan states besides its targets, read from its pack with the verbatim clause: rules about
each institution (judged per hospital from the registry) and goals with nothing numeric to judge
them by (shown as such, never scored, never given an invented number)."""

import datetime as dt
from functools import cache

from tixi.geo.models import Division
from tixi.indicators.engine import rules as rule_engine
from tixi.indicators.services import PLAN_FILES, load_pack_file
from tixi.registry.models import InstitutionYear


@cache
def _packs() -> dict[str, dict]:
    packs = (load_pack_file(name) for name in PLAN_FILES)
    return {p["code"]: p for p in packs}


def unjudged(plan) -> list[dict]:
    """Goals of the plan with no number to judge them by: area, label, why, clause."""
    return list(_packs().get(plan.code, {}).get("unjudged", []))


def hospital_rows(
    division: Division, year: int, types, ownership: str, operators=None
) -> tuple[list[rule_engine.HospitalYear], list[str]]:
    """One row per institution of the types reporting in `year` within the division, with its
    report of the year before (one query for both years); and the names of those the clause does
    not name: with `operators` given, only the institutions they run are judged (a clause on
    公立医院 where the plan counts enterprise hospitals apart)."""
    reports = (
        InstitutionYear.objects.in_division(division)
        .filter(year__in=(year - 1, year), type__in=types, ownership=ownership)
        .select_related("institution")
        .order_by("institution__code", "year")
    )
    kept, set_apart = [], []
    for r in reports:
        if operators and r.operator not in operators:
            if r.year == year:
                set_apart.append(r.institution.name)
            continue
        kept.append(r)
    return hospital_years(kept, year), set_apart


def hospital_years(reports, year: int) -> list[rule_engine.HospitalYear]:
    """One row per institution reporting in `year`, with its report of the year before: the input
    of the rule "no new beds where use is low" (reports of both years, ordered by institution)."""
    by_code: dict[str, dict] = {}
    for r in reports:
        by_code.setdefault(r.institution.code, {"name": r.institution.name})[r.year] = r
    rows = []
    for code, found in by_code.items():
        now, before = found.get(year), found.get(year - 1)
        if now is None:
            continue
        rows.append(
            rule_engine.HospitalYear(
                code,
                found["name"],
                now.actual_beds,
                before.actual_beds if before else None,
                before.bed_days if before else None,
                before.discharges if before else None,
                days_open(before.institution.opened_on, year - 1) if before else 365,
                (before.open_bed_days or None) if before else None,
            )
        )
    return rows


def days_open(opened_on, year: int) -> int:
    """Days an institution was open in `year`: all of them unless it opened during the year."""
    if opened_on is None or opened_on.year != year:
        return 365
    return (dt.date(year, 12, 31) - opened_on).days + 1


def judged_rules(plan, division: Division, year: int) -> list[dict]:
    """Each rule of the plan with its judgement per hospital of the division in `year`."""
    found = []
    for rule in _packs().get(plan.code, {}).get("rules", []):
        judge = rule_engine.RULES[rule["rule"]]
        rows, set_apart = hospital_rows(
            division, year, rule["types"], rule["ownership"], rule.get("operators")
        )
        judgements = judge(rows, **rule["params"])
        found.append(
            {
                **rule,
                "set_apart": set_apart,
                "judgements": judgements,
                "breaches": [j for j in judgements if j.status == rule_engine.BREACH],
                "concerned": [j for j in judgements if j.status in (rule_engine.BREACH, rule_engine.HELD)],
                "no_data": [j for j in judgements if j.status == rule_engine.NO_DATA],
            }
        )
    return found

"""Validation rules as data, in the indicator expression language; run on save and in batches."""

import numpy as np
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tixi.exchange.models import Finding, ValidationRule
from tixi.geo.models import Division, subtree_filter
from tixi.indicators import items as item_values
from tixi.indicators.engine import expression as ex
from tixi.indicators.engine.evaluate import Evaluator, IndicatorDef, binary
from tixi.indicators.services import all_definitions, evaluate
from tixi.registry.models import RESOURCE_FIELDS, InstitutionYear

DEFAULT_RULES = [
    {
        "code": "beds_within_approved",
        "name": "实有床位不超过编制床位的1.5倍",
        "left": "R{actual_beds}",
        "operator": "<=",
        "right": "R{approved_beds} * 1.5",
        "importance": "medium",
        "message": "实有床位超过编制床位的1.5倍，请核实。",
    },
    {
        "code": "nurses_not_negative",
        "name": "注册护士数不小于0",
        "left": "R{nurses}",
        "operator": ">=",
        "right": "0",
        "importance": "high",
        "blocking": True,
        "message": "注册护士数不能为负数。",
    },
    {
        "code": "beds_by_kind_within_total",
        "name": "分科床位之和不超过实有床位",
        "operator": "<=",
        "left": "R{icu_beds} + R{rehabilitation_beds} + R{psychiatric_beds} + R{infectious_beds} + R{emergency_observation_beds}",
        "right": "R{actual_beds}",
        "importance": "high",
        "message": "重症、康复、精神科、传染病和急诊观察床位之和超过实有床位。",
    },
    {
        "code": "gps_within_physicians",
        "name": "全科医生不超过执业（助理）医师",
        "left": "R{gps}",
        "operator": "<=",
        "right": "R{physicians}",
        "importance": "medium",
        "message": "全科医生数多于执业（助理）医师数。",
    },
    {
        "code": "negative_pressure_within_ambulances",
        "name": "负压救护车不超过救护车",
        "left": "R{negative_pressure_ambulances}",
        "operator": "<=",
        "right": "R{ambulances}",
        "importance": "high",
        "blocking": True,
        "message": "负压救护车数多于救护车数。",
    },
    {
        "code": "physicians_per_1000_floor",
        "name": "每千人口执业（助理）医师不低于0.5",
        "level": "division",
        "left": "I{physicians_per_1000}",
        "operator": ">=",
        "right": "0.5",
        "importance": "low",
        "message": "每千人口执业（助理）医师低于0.5，数据可能不全。",
    },
    {
        "code": "physicians_per_1000_ceiling",
        "name": "每千人口执业（助理）医师不高于8",
        "level": "division",
        "left": "I{physicians_per_1000}",
        "operator": "<=",
        "right": "8",
        "importance": "low",
        "message": "每千人口执业（助理）医师高于8，请核实人口或人员数。",
    },
]


def check_rule_text(rule: ValidationRule) -> None:
    """A rule's sides must parse; an institution rule may only use R{measure} of the report itself."""
    for side in ("left", "right"):
        try:
            node = ex.parse(getattr(rule, side))
        except ex.ExpressionError as error:
            raise ValidationError(
                {side: _(error.message) % error.params if error.params else _(error.message)}
            ) from error
        if rule.level == ValidationRule.Level.INSTITUTION:
            for item in ex.items_of(node):
                if (
                    not isinstance(item, ex.RegistrySum)
                    or item.filters
                    or item.measure not in RESOURCE_FIELDS
                ):
                    raise ValidationError(
                        {side: _("A rule on a yearly report may only use R{measure} of that report.")}
                    )


@transaction.atomic
def load_default_rules() -> int:
    for data in DEFAULT_RULES:
        rule = ValidationRule(**{"level": "institution", "blocking": False, **data})
        check_rule_text(rule)
        ValidationRule.objects.update_or_create(
            code=rule.code,
            defaults={
                k: getattr(rule, k)
                for k in ("name", "level", "left", "operator", "right", "importance", "blocking", "message")
            },
        )
    return len(DEFAULT_RULES)


def _report_values(reports) -> dict:
    return {
        item_values.item_key(ex.RegistrySum(0, m)): np.fromiter(
            (getattr(r, m) or 0 for r in reports), dtype=float, count=len(reports)
        )
        for m in RESOURCE_FIELDS
    }


def broken_on_reports(reports, rules=None) -> list[tuple[int, ValidationRule, float, float]]:
    """(index of the report, rule, left, right) for every institution rule a report breaks."""
    rules = (
        rules
        if rules is not None
        else list(ValidationRule.objects.filter(level=ValidationRule.Level.INSTITUTION))
    )
    if not reports or not rules:
        return []
    evaluator = Evaluator(_report_values(reports), len(reports))
    broken = []
    for rule in rules:
        left, right = evaluator.eval(ex.parse(rule.left)), evaluator.eval(ex.parse(rule.right))
        holds = binary(rule.operator, left, right)
        for i in np.flatnonzero(holds == 0):
            broken.append((int(i), rule, float(left[i]), float(right[i])))
    return broken


def check_reports(reports) -> list[tuple[int, str, bool]]:
    """(index, message, blocking) for the reports about to be saved."""
    return [(i, rule.message, rule.blocking) for i, rule, _l, _r in broken_on_reports(reports)]


def refuse_blocking(report) -> list[str]:
    """Raise for a blocking rule; return the warnings of the others (shown after the save)."""
    results = check_reports([report])
    blocking = [m for _i, m, b in results if b]
    if blocking:
        raise ValidationError(blocking)
    return [m for _i, m, b in results if not b]


@transaction.atomic
def run_batch(division: Division, year: int) -> list[Finding]:
    """Check every report and every division of the subtree for the year; refresh the follow-up list."""
    Finding.objects.filter(year=year, status=Finding.Status.OPEN).filter(
        subtree_filter("division_path", division.path)
    ).delete()
    reports = list(
        InstitutionYear.objects.filter(year=year)
        .filter(subtree_filter("division_path", division.path))
        .select_related("institution", "division")
    )
    findings = [
        Finding(
            rule=rule,
            year=year,
            institution=reports[i].institution,
            division=reports[i].division,
            division_path=reports[i].division_path,
            left_value=left,
            right_value=right,
        )
        for i, rule, left, right in broken_on_reports(reports)
    ]
    division_rules = list(ValidationRule.objects.filter(level=ValidationRule.Level.DIVISION))
    if division_rules:
        divisions = list(
            Division.objects.valid_in(year).filter(subtree_filter("path", division.path)).filter(level__lte=4)
        )
        cells = [item_values.Cell(d, year) for d in divisions]
        definitions = []
        for rule in division_rules:
            definitions.append(IndicatorDef(f"{rule.code}:left", ex.parse(rule.left), None, 1))
            definitions.append(IndicatorDef(f"{rule.code}:right", ex.parse(rule.right), None, 1))
        result = evaluate(definitions, cells, all_definitions(), reasons=False)
        for rule in division_rules:
            left, right = result.values[f"{rule.code}:left"], result.values[f"{rule.code}:right"]
            holds = binary(rule.operator, left, right)
            for i in np.flatnonzero(holds == 0):
                findings.append(
                    Finding(
                        rule=rule,
                        year=year,
                        division=divisions[i],
                        division_path=divisions[i].path,
                        left_value=float(left[i]),
                        right_value=float(right[i]),
                    )
                )
    Finding.objects.bulk_create(findings, batch_size=2000)
    return findings

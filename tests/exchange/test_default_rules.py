"""A server set up without the demo has the default validation rules, the blocking ones included: a
yearly report with more negative-pressure ambulances than ambulances is refused there too."""

import pytest

from tixi.exchange.models import ValidationRule
from tixi.exchange.validation import DEFAULT_RULES, load_default_rules

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


def test_a_fresh_database_has_every_default_rule():
    stored = {rule.code: rule for rule in ValidationRule.objects.all()}
    assert {data["code"] for data in DEFAULT_RULES} <= set(stored)
    blocking = {data["code"] for data in DEFAULT_RULES if data.get("blocking")}
    assert "negative_pressure_within_ambulances" in blocking
    assert {code for code in blocking if stored[code].blocking} == blocking
    for data in DEFAULT_RULES:
        rule = stored[data["code"]]
        assert (rule.left, rule.operator, rule.right) == (data["left"], data["operator"], data["right"])


def test_the_demo_loader_still_restores_the_defaults():
    ValidationRule.objects.filter(code="beds_within_approved").update(right="R{approved_beds} * 9")
    load_default_rules()
    assert ValidationRule.objects.get(code="beds_within_approved").right == "R{approved_beds} * 1.5"

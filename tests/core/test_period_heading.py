"""A period of a value, a report or a signal is 期间 in Chinese; a plan's years are its 规划期. Every
"Period" heading read 期限 (a time limit): the signal list put "期限 2025-10-15" beside its own
"核实时限", the data values and progress reports a deadline over their statistical periods (the
screenshot pass, session 14)."""

import re

import pytest

from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


def headings(web, path: str, language: str = "zh-hans") -> list[str]:
    client = web("planner")
    client.cookies["django_language"] = language
    response = client.get(path)
    assert response.status_code == 200
    return re.findall(r"<th[^>]*>([^<]*)</th>", response.content.decode())


def test_a_values_period_is_not_a_deadline(web):
    found = headings(web, "/datavalues/")
    assert "期间" in found and "期限" not in found


def test_a_plans_years_are_its_plan_period(web, region):
    factories.plan(region["city"])
    found = headings(web, "/plans/")
    assert "规划期" in found and "期限" not in found
    assert "Plan period" in headings(web, "/plans/", "en")

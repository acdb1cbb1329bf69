"""A plan target that reads an allocation norm's result for its division, judged on the scorecard."""

import pytest
from django.test import Client

from tests.conftest import DACHUAN
from tixi.geo.models import Division
from tixi.indicators.models import Plan, Target
from tixi.indicators.services import evaluate_plan
from tixi.layout.norms import gaps

pytestmark = pytest.mark.django_db


def norm_target(plan, division, code, order=900):
    return Target.objects.create(
        plan=plan,
        order=order,
        label=f"按配置标准：{code}",
        division=division,
        norm=code,
        target_year=2025,
        clause="原则上按1辆/3万人的标准配备救护车",
    )


def test_a_norm_target_reads_required_actual_and_pass_fail(users):
    plan = Plan.objects.get(code="dachuan-14th-health")
    dachuan = Division.objects.at(DACHUAN, 2024)
    norm_target(plan, dachuan, "dc-ambulances")
    norm_target(plan, dachuan, "no-such-norm", order=901)
    expected = next(g for g in gaps(dachuan, 2024) if g.norm.code == "dc-ambulances")
    rows = {r["indicator"]: r for r in evaluate_plan(plan, dachuan, 2024)}
    row = rows["norm:dc-ambulances"]
    assert row["required"] == expected.required and row["actual"] == expected.actual
    assert row["target"] == expected.required
    assert row["passed"] == expected.passed is not None
    assert row["status"] == ("achieved" if expected.passed else "at_risk")  # 2024, before the target year
    if expected.gap:
        assert str(expected.gap) in row["gap"]["text"] or "还需" in row["gap"]["text"]
    assert rows["norm:no-such-norm"]["status"] == "no_data"
    assert len(rows) > 2  # the indicator targets are still there
    # the same norm judged in the target year is off track when it still fails
    late = {r["indicator"]: r for r in evaluate_plan(plan, dachuan, 2025)}["norm:dc-ambulances"]
    assert late["status"] in ("achieved", "off_track", "no_data")


def test_the_scorecard_shows_a_norm_target(users):
    plan = Plan.objects.get(code="dachuan-14th-health")
    dachuan = Division.objects.at(DACHUAN, 2024)
    norm_target(plan, dachuan, "dc-ambulances")
    client = Client()
    client.force_login(users["planner"])
    html = client.get(f"/plans/{plan.code}/?year=2024&division={DACHUAN}").content.decode()
    assert "按配置标准：dc-ambulances" in html
    english = Client()
    english.cookies["django_language"] = "en"
    english.force_login(users["planner"])
    assert english.get(f"/plans/{plan.code}/?year=2024&division={DACHUAN}").status_code == 200


def test_a_target_cannot_read_both_an_indicator_and_a_norm():
    from django.core.exceptions import ValidationError

    target = Target.objects.filter(plan__code="dachuan-14th-health", indicator__isnull=False).first()
    target.norm = "dc-ambulances"
    with pytest.raises(ValidationError, match="norm"):
        target.full_clean()

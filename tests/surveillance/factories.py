"""Surveillance rows for tests outside this folder (the role matrix): one of each inside 米易 and
one inside 达川."""

import datetime as dt

from django.utils import timezone

from tixi.geo.models import Division
from tixi.surveillance.models import CaseReport, ChannelCount, CompoundSignal, Signal, TriggerRule


def role_matrix_objects(inside: str, outside: str) -> dict:
    found = {}
    rule = TriggerRule.objects.first()
    for side, county_code in (("in", inside), ("out", outside)):
        county = Division.objects.current().get(code=county_code)
        township = Division.objects.current().filter(parent=county).order_by("code").first()
        day = dt.date(2025, 10, 14)
        case = CaseReport.objects.create(
            card_id=f"RM-{side}",
            disease_code="hfmd",
            onset_date=day,
            report_date=day,
            division=township,
            sex="M",
            status="clinical",
        )
        count = ChannelCount.objects.create(
            channel="pharmacy", category="antipyretic", division=township, site="药店", date=day, count=3
        )
        now = timezone.now()
        signal = Signal.objects.create(
            source="cases",
            code="hfmd",
            division=county,
            resolution="week",
            basis="report",
            period_start=dt.date(2025, 10, 13),
            period_label="2025-W42",
            method="cidars-percentile",
            method_version="test",
            observed=5,
            threshold=2,
            raised_at=now,
            verify_by=now + dt.timedelta(hours=24),
        )
        compound = CompoundSignal.objects.create(
            rule=rule,
            division=township,
            first_date=day,
            last_date=day,
            warning_type=rule.warning_type,
            risk_level=rule.risk_level,
            raised_at=now,
        )
        found.update(
            {
                f"case_{side}": case.pk,
                f"count_{side}": count.pk,
                f"signal_{side}": signal.pk,
                f"compound_{side}": compound.pk,
            }
        )
    return found

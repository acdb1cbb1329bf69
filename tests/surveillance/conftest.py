import datetime as dt

import pytest
from django.utils import translation

from tests.conftest import MIYI
from tixi.geo.models import Division
from tixi.surveillance.models import CaseReport, ChannelCount


@pytest.fixture(autouse=True)
def _chinese_by_default():
    """Audit notes are written in the active language: Chinese, whatever page an earlier test read
    in English (a page request leaves its language active in the thread)."""
    with translation.override("zh-hans"):
        yield


@pytest.fixture
def townships(db):
    """Two townships of 米易县 on the current map."""
    return list(Division.objects.current().filter(parent__code=MIYI).order_by("code")[:2])


@pytest.fixture
def county(db):
    return Division.objects.current().get(code=MIYI)


def cases(disease: str, division, days, start: int = 0) -> list[CaseReport]:
    """One case report per day in `days` (report = onset + 1 day), card ids from `start`."""
    rows = [
        CaseReport(
            card_id=f"T{disease[:6]}{start + k:07d}",
            disease_code=disease,
            onset_date=day - dt.timedelta(days=1),
            report_date=day,
            division=division,
            sex="F",
            status="clinical",
        )
        for k, day in enumerate(days)
    ]
    return CaseReport.objects.bulk_create(rows)


def counts(channel: str, category: str, division, values: dict[dt.date, int], site="哨点") -> None:
    ChannelCount.objects.bulk_create(
        ChannelCount(channel=channel, category=category, division=division, site=site, date=d, count=n)
        for d, n in values.items()
    )

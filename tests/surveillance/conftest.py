import datetime as dt

import pytest
from django.utils import translation

from tests import factories
from tixi.surveillance.models import CaseReport, ChannelCount


@pytest.fixture(autouse=True)
def _chinese_by_default():
    """Audit notes are written in the active language: Chinese, whatever page an earlier test read
    in English (a page request leaves its language active in the thread)."""
    with translation.override("zh-hans"):
        yield


@pytest.fixture
def townships(region):
    """Two townships of the kit's county (the county user's, in the cdc analyst's city: as 米易县 in
    攀枝花): the kit's own township and a second one."""
    return [region["township"], factories.division("990102200000", parent=region["county"])]


@pytest.fixture
def county(region):
    return region["county"]


@pytest.fixture
def other_city_township(region):
    """A township of the other city's county (as one of 达川's): outside the cdc analyst's scope."""
    return factories.division("990203100000", parent=region["other_county"])


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

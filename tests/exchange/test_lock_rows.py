"""The approval lock is read under row locks: saving a yearly report (one, or many in a bulk load or an
import) first locks the rows an approval of its division or any division above would take
(SELECT ... FOR UPDATE on PostgreSQL; SQLite serialises writes and ignores it), and an approval takes
the same lock. So an approval cannot land between the check of the lock and the save."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from tests import factories as make
from tixi.exchange import actions, approval
from tixi.geo.models import Division, ancestor_paths

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


@pytest.fixture
def report():
    region = make.two_cities()
    hospital = make.institution(region["township"])
    return make.yearly_report(hospital, 2024)


@pytest.fixture
def events(monkeypatch):
    """What happens in which order: row locks taken (with their paths) and approvals read."""
    seen = []
    lock, read = Division.objects.select_for_update, approval.Approval.objects.filter

    class Locking:
        def __init__(self, queryset):
            self.queryset = queryset

        def filter(self, path__in):
            seen.append(("lock", set(path__in)))
            return self.queryset.filter(path__in=path__in)

    def locking(*args, **kwargs):
        return Locking(lock(*args, **kwargs))

    def reading(*args, **kwargs):
        seen.append(("read", None))
        return read(*args, **kwargs)

    monkeypatch.setattr(Division.objects, "select_for_update", locking)
    monkeypatch.setattr(approval.Approval.objects, "filter", reading)
    return seen


def _locked_paths(events):
    return {path for kind, paths in events if kind == "lock" for path in paths}


def test_saving_a_report_locks_its_division_and_those_above_before_reading_the_lock(report, events):
    actions.save_yearly_report(report)
    assert [kind for kind, _q in events][:2] == ["lock", "read"]
    assert _locked_paths(events) == set(ancestor_paths(report.division.path, include_self=True))


def test_bulk_writers_lock_before_they_read(report, events):
    with transaction.atomic():
        assert actions.refused_reports([report]) == []
    assert events[0][0] == "lock" and report.division.path in _locked_paths(events)


def test_an_approval_takes_the_same_lock(report, events):
    planner = make.user("planner", divisions=[report.division])
    with transaction.atomic():
        approval.approve(report.division, 2024, planner)
    assert report.division.path in _locked_paths(events)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="FOR UPDATE is PostgreSQL's (CI runs both)")
def test_on_postgresql_the_sql_says_for_update(report):
    with CaptureQueriesContext(connection) as queries:
        actions.save_yearly_report(report)
    assert any("FOR UPDATE" in q["sql"] and "geo_division" in q["sql"] for q in queries.captured_queries)

"""Nothing half-written: on every write path a failure in the middle of the write (an exception on
the Nth row, after earlier rows were written) leaves the rows and the audit trail as they were."""

import contextlib
import json

import pytest
from django.db.models.signals import post_save

from tests import factories
from tixi.accounts.models import AuditEntry
from tixi.exchange import services
from tixi.exchange.services import apply_import, preview_import
from tixi.geo.models import Division
from tixi.indicators.models import DataValue
from tixi.registry.models import Institution

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo, pytest.mark.usefixtures("catalogue_once")]


@pytest.fixture
def county(region):
    """The code of the kit's county: the county user's scope, inside the planner's city."""
    return region["county"].code


class Failure(RuntimeError):
    """The failure planted in the middle of a write."""


@contextlib.contextmanager
def failing_on_save(model, nth: int):
    """The nth save of `model` raises, after the row itself was written."""
    seen = []

    def fail(sender, instance, **kwargs):
        seen.append(instance)
        if len(seen) == nth:
            raise Failure(f"planted failure on save {nth} of {model.__name__}")

    post_save.connect(fail, sender=model, weak=False, dispatch_uid="tixi-test-failure")
    try:
        yield seen
    finally:
        post_save.disconnect(sender=model, dispatch_uid="tixi-test-failure")


@contextlib.contextmanager
def failing_on_call(monkeypatch, module, name: str, nth: int):
    """The nth call of module.name raises (the calls before it go through)."""
    original, calls = getattr(module, name), []

    def wrapper(*args, **kwargs):
        calls.append(args)
        if len(calls) == nth:
            raise Failure(f"planted failure on call {nth} of {name}")
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)
    yield calls


def counts(*models):
    return [m.objects.count() for m in (*models, AuditEntry)]


def test_an_import_failing_on_its_third_row_writes_nothing(users, county, monkeypatch):
    rows = "\n".join(f"HALF000{n},测试卫生室{n},village_clinic,private,private,{county}" for n in range(1, 5))
    data = f"code,name,type,ownership,operator,division_code\n{rows}\n".encode()
    preview = preview_import("institutions", data, "i.csv", users["planner"])
    assert preview.ok and len(preview.inserts) == 4, [(p.row, p.column, p.message) for p in preview.problems]
    before = counts(Institution)
    with failing_on_call(monkeypatch, services, "_derive", 3), pytest.raises(Failure):
        apply_import(preview, users["planner"])
    assert counts(Institution) == before and not Institution.objects.filter(code__startswith="HALF").exists()


def test_an_import_failing_on_its_audit_writes_nothing(users, county, monkeypatch):
    """The rows are written (bulk), then recording them fails: the rows go too."""
    from tixi.accounts import audit

    data = f"code,name,type,ownership,operator,division_code\nHALF0009,测试卫生室,village_clinic,private,private,{county}\n"
    preview = preview_import("institutions", data.encode(), "i.csv", users["planner"])
    before = counts(Institution)
    with failing_on_call(monkeypatch, audit, "record_rows", 1), pytest.raises(Failure):
        apply_import(preview, users["planner"])
    assert counts(Institution) == before


def test_a_divisions_import_failing_on_its_second_row_writes_nothing(region, monkeypatch):
    head = "code,name,level,parent_code\n"  # a third city of the kit's province, and a county in it
    data = (head + "990300000000,测试市,2,990000000000\n990301000000,测试县,3,990300000000\n").encode()
    admin = factories.user("planner", is_superuser=True)
    preview = preview_import("divisions", data, "d.csv", admin)
    assert preview.ok, [(p.row, p.column, p.message) for p in preview.problems]
    before = counts(Division)
    with failing_on_call(monkeypatch, services, "_derive", 2), pytest.raises(Failure):
        apply_import(preview, admin)
    assert counts(Division) == before and not Division.objects.filter(code__startswith="9903").exists()


def test_an_api_write_failing_after_the_row_is_saved_writes_nothing(api, county, region):
    hospital = factories.institution(region["county"], name="测试县人民医院")
    payload = {
        "code": "HALF0101",
        "name": "测试医院",
        "type": "general_hospital",
        "ownership": "private",
        "operator": "private",
        "division": county,
    }
    before = counts(Institution)
    with failing_on_save(Institution, 1), pytest.raises(Failure):
        api("county").post("/api/institutions/", payload, format="json")
    assert counts(Institution) == before
    with failing_on_save(Institution, 1), pytest.raises(Failure):
        api("county").patch(f"/api/institutions/{hospital.code}/", {"name": "改名"}, format="json")
    assert Institution.objects.get(pk=hospital.pk).name == "测试县人民医院" and counts(Institution) == before


def test_a_form_failing_after_the_row_is_saved_writes_nothing(web, county):
    client = web("county")
    form = {
        "code": "HALF0201",
        "name": "测试医院",
        "type": "general_hospital",
        "ownership": "private",
        "operator": "private",
        "division_code": county,
        "opened_on": "2020-01-01",
    }
    before = counts(Institution)
    with failing_on_save(Institution, 1) as seen, pytest.raises(Failure):
        client.post("/institutions/new/", form)
    assert seen, "the form never saved: the test would prove nothing"
    assert counts(Institution) == before


def test_a_dhis2_load_failing_on_its_second_value_writes_nothing(api, county):
    values = {
        "dataValues": [
            {"dataElement": "health_literacy", "period": "2026", "orgUnit": county, "value": "31"},
            {"dataElement": "life_expectancy", "period": "2026", "orgUnit": county, "value": "78.5"},
        ]
    }
    before = counts(DataValue)
    with failing_on_save(DataValue, 2) as seen, pytest.raises(Failure):
        api("county").post("/api/dataValueSets", json.dumps(values), content_type="application/json")
    assert len(seen) == 2  # the first value was written before the failure
    assert counts(DataValue) == before

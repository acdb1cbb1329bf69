"""Each role's rights come from one table (tixi/accounts/permissions.py). The attack probe found the
CDC analyst writing registry, population, data values and approvals, and a 达州 planner writing into
攀枝花 through the admin."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from tests import factories
from tixi.accounts.models import AuditEntry, Role
from tixi.accounts.permissions import RIGHTS, Capability, can
from tixi.exchange.models import Approval
from tixi.geo.models import Population
from tixi.indicators.models import DataValue
from tixi.registry.models import Institution

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo, pytest.mark.usefixtures("catalogue_once")]


@pytest.fixture
def registry(region):
    """The kit's registry (the city's central hospital with its yearly reports) and its residents."""
    factories.population(region["township"], 2024)
    return factories.institutions_in(region)


def test_every_role_has_a_row_and_the_cdc_analyst_writes_only_surveillance():
    assert set(RIGHTS) == set(Role.values)
    # SEE_SIGNALS is a read: the analyst's only writes are case data and verifications
    assert RIGHTS[Role.CDC] == {Capability.REPORT_CASES, Capability.VERIFY_SIGNALS, Capability.SEE_SIGNALS}
    assert RIGHTS[Role.AUDITOR] == {Capability.AUDIT, Capability.SEE_SIGNALS}
    assert all(Capability.MANAGE_CATALOGUE not in rights for rights in RIGHTS.values())


def test_the_cdc_analyst_writes_nothing(api, web, users, region, registry):
    city, county = region["city"].code, region["county"].code
    cdc = api("cdc")
    hospital = registry["central"]
    report = hospital.years.order_by("-year").first()
    population = Population.objects.filter(division__path__contains=city).first()
    writes = [
        cdc.post("/api/institutions/", {"code": "CDC0001", "name": "x"}, format="json"),
        cdc.patch(f"/api/institutions/{hospital.code}/", {"name": "改名"}, format="json"),
        cdc.patch(f"/api/resources/{report.pk}/", {"actual_beds": 1}, format="json"),
        cdc.patch(f"/api/population/{population.pk}/", {"count": 1}, format="json"),
        cdc.post("/api/divisions/", {"code": "990199000000", "name": "x"}, format="json"),
        cdc.post(
            "/api/datavalues/",
            {"element": "health_literacy", "division": city, "period": "2024", "value": 1},
            format="json",
        ),
        cdc.post(
            "/api/dataValueSets",
            f'{{"dataValues": [{{"dataElement": "health_literacy", "orgUnit": "{city}", '
            '"period": "2024", "value": "1"}]}',
            content_type="application/json",
        ),
    ]
    assert [r.status_code for r in writes] == [403] * len(writes), [r.content[:200] for r in writes]
    page = web("cdc")
    township = region["township"]
    pages = [
        page.post("/approvals/", {"division": township.code, "year": 2024, "action": "approve"}),
        page.post("/validation/", {"division": city, "year": 2024}),
        page.post(f"/institutions/{hospital.code}/edit/", {"name": "改名"}),
        page.post("/datavalues/", {"element": "health_literacy", "division": city, "period": "2024"}),
        page.post(
            "/datasets/county_health_yearly/entry/field/",
            {"division": county, "period": "2024", "field": "x", "value": "1"},
        ),
    ]
    assert [r.status_code for r in pages] == [403] * len(pages)
    assert not Approval.objects.filter(division=township, year=2024, by=users["cdc"]).exists()
    assert not DataValue.objects.filter(stored_by=users["cdc"]).exists()
    assert Institution.objects.get(pk=hospital.pk).name == "测试市中心医院"


def test_the_admin_is_for_superusers_only(users, region, registry):
    dazhou = users["dazhou"]
    dazhou.is_staff = True
    dazhou.save()
    dazhou.user_permissions.add(*Permission.objects.filter(content_type__app_label__in=["registry", "geo"]))
    client = Client()
    client.force_login(dazhou)
    assert client.get("/admin/").status_code == 302  # to the admin's login
    township = region["township"]
    before = Institution.objects.count(), Population.objects.count()
    client.post(
        "/admin/registry/institution/add/",
        {"code": "ADMIN001", "name": "越权医院", "division": township.pk, "category": "hospital"},
    )
    client.post(
        "/admin/geo/population/add/",
        {"division": township.pk, "year": 2024, "sex": "m", "age_band": "0-2", "count": 1},
    )
    assert (Institution.objects.count(), Population.objects.count()) == before
    assert "/admin/" not in client.get("/divisions/").content.decode()  # no link to it


def test_a_superuser_keeps_the_admin(django_user_model):
    root = django_user_model.objects.create_superuser("root-test", password="x-unused-9Q!")
    client = Client()
    client.force_login(root)
    assert client.get("/admin/").status_code == 200
    assert can(root, Capability.MANAGE_CATALOGUE) and can(root, Capability.PLAN)
    assert AuditEntry.objects.exists()

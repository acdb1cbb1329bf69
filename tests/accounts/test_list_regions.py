"""Every list opens on the user's home region (the first division of their scope), with a choice
to widen it to everything in scope or to move to another region of the scope: one helper for all."""

import pytest

from tests import factories
from tixi.accounts.models import AuditEntry
from tixi.indicators.models import Plan
from tixi.ledger.models import Task
from tixi.registry.models import Institution

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]

# the kit's two cities (factories.two_cities): the planner's home city and the other one (as 攀枝花
# and 达州 for the demo's planner, whose scope holds both)
CITY, OTHER_CITY = "990100000000", "990200000000"
COUNTY = "990102000000"
LISTS = ("/institutions/", "/imports/", "/datavalues/", "/plans/", "/ledger/", "/ledger/projects/")


@pytest.fixture
def users(db):
    """The kit's roles, the planner's scope widened to the other city; a registry, and in each city a
    plan with two tasks, one of the other city's assigned to its county's unit (as 达州's to 达川)."""
    region = factories.two_cities()
    people = factories.seven_roles(region)
    people["planner"].scope_divisions.add(region["other_city"])
    factories.institutions_in(region)
    factories.plan(region["province"])
    for city, county_user in ((region["city"], people["county"]), (region["other_city"], people["dachuan"])):
        plan = factories.plan(city)
        factories.task(plan)
        county_unit = factories.unit("区人民政府", county_user.scope_divisions.get(), members=[county_user])
        factories.task(plan, lead=[county_unit])
    factories.task(factories.plan(region["other_county"]))
    return people


@pytest.mark.parametrize("url", LISTS)
def test_every_list_offers_the_region_choice(web, url):
    html = web("planner").get(url).content.decode()
    assert 'name="region"' in html and "权限内全部地区" in html
    assert f'<option value="{CITY}" selected>测试区划{CITY}</option>' in html


def test_the_institution_list_names_its_region_and_its_place_filter_apart(web):
    """The list's region (地区) and the filter on where an institution stands are two fields: one label each
    (the screenshot pass saw 地区 twice)."""
    html = web("planner").get("/institutions/").content.decode()
    assert html.count("<label>地区<") == 1 and "<label>所在地<" in html


def test_the_institution_list_opens_on_the_home_region_and_widens(web, users):
    client = web("planner")
    # closed ones too ("closed=1"): without it, a list without a year holds what is open today (4 of 5)
    assert client.get("/institutions/").context["page"].paginator.count == 4
    home = client.get("/institutions/", {"closed": "1"}).context["page"].paginator.count
    everything = (
        client.get("/institutions/", {"region": "all", "closed": "1"}).context["page"].paginator.count
    )
    dazhou = (
        client.get("/institutions/", {"region": OTHER_CITY, "closed": "1"}).context["page"].paginator.count
    )
    visible = Institution.objects.visible_to(users["planner"])
    assert home == visible.filter(division__path__contains=f"{CITY}/").count() == 5  # the closed one too
    assert everything == visible.count() > home
    assert dazhou == visible.filter(division__path__contains=f"{OTHER_CITY}/").count() > 0
    # a code outside the user's scope falls back to the home region
    assert (
        client.get("/institutions/", {"region": "110000000000", "closed": "1"})
        .context["page"]
        .paginator.count
        == home
    )


def test_plans_and_tasks_of_the_home_region_and_of_the_levels_above(web, users):
    client = web("planner")
    codes = {p.code for p in client.get("/plans/").context["plans"]}
    # the city's plan and the province's above it; not the other city's nor its county's
    above_and_home = Plan.objects.filter(region__code__in=["990000000000", CITY])
    assert codes == set(above_and_home.values_list("code", flat=True)) and len(codes) == 2
    assert {p.code for p in client.get("/plans/", {"region": "all"}).context["plans"]} > codes
    home_tasks = client.get("/ledger/").context["tasks"]
    assert home_tasks and all(CITY in t.plan.region.path for t in home_tasks)
    assert len(client.get("/ledger/", {"region": "all"}).context["tasks"]) > len(home_tasks)
    # the other county's own list holds its city's task assigned to its unit (达州 is above 达川), its
    # own plan's too; not the city's task of the city's unit, which it reads in the plan's list
    dachuan_tasks = web("dachuan").get("/ledger/").context["tasks"]
    visible = Task.objects.visible_to(users["dachuan"])
    theirs = visible.filter(plan__region__code=OTHER_CITY).exclude(lead_units__name="区人民政府")
    assert theirs.count() == 1
    assert {t.pk for t in dachuan_tasks} == set(visible.exclude(pk__in=theirs).values_list("pk", flat=True))
    assert [t.lead_units.get().name for t in dachuan_tasks if t.plan.region.code == OTHER_CITY] == [
        "区人民政府"
    ]
    assert {t.plan.region.code for t in dachuan_tasks} == {OTHER_CITY, "990203000000"}


def test_the_audit_trail_opens_on_the_home_region(web, users):
    AuditEntry.objects.create(
        username="x",
        action="update",
        model="registry.institution",
        object_repr="in 达州",
        division_path=f"990000000000/{OTHER_CITY}/",
    )
    AuditEntry.objects.create(
        username="x",
        action="update",
        model="registry.institution",
        object_repr="in 攀枝花",
        division_path=f"990000000000/{CITY}/{COUNTY}/",
    )
    users["auditor"].is_superuser = True  # sees every region; scope divisions still say home
    users["auditor"].save()
    client = web("auditor")
    shown = {e.object_repr for e in client.get("/audit/").context["page"]}
    assert "in 攀枝花" in shown and "in 达州" not in shown
    shown = {e.object_repr for e in client.get("/audit/", {"region": "all"}).context["page"]}
    assert {"in 攀枝花", "in 达州"} <= shown


def test_the_audit_trail_names_the_division(web):
    AuditEntry.objects.create(
        username="x",
        action="update",
        model="registry.institution",
        object_repr="米易的一家机构",
        division_path=f"990000000000/{CITY}/{COUNTY}/",
    )
    html = web("auditor").get("/audit/").content.decode()
    named = f"测试区划{CITY} / 测试区划{COUNTY}"
    assert f'<td title="990000000000/{CITY}/{COUNTY}/">{named}</td>' in html
    export = web("auditor").get("/audit/", {"format": "csv"}).content.decode("utf-8-sig")
    assert named in export and f"{COUNTY}/" not in export

"""Every list opens on the user's home region (the first division of their scope), with a choice
to widen it to everything in scope or to move to another region of the scope: one helper for all."""

import pytest

from tixi.accounts.models import AuditEntry
from tixi.indicators.models import Plan
from tixi.ledger.models import Task
from tixi.registry.models import Institution

pytestmark = pytest.mark.django_db

DAZHOU = "511700000000"
LISTS = ("/institutions/", "/imports/", "/datavalues/", "/plans/", "/ledger/", "/ledger/projects/")


@pytest.mark.parametrize("url", LISTS)
def test_every_list_offers_the_region_choice(web, url):
    html = web("planner").get(url).content.decode()
    assert 'name="region"' in html and "权限内全部地区" in html
    assert '<option value="510400000000" selected>攀枝花市</option>' in html


def test_the_institution_list_opens_on_the_home_region_and_widens(web, users):
    client = web("planner")
    home = client.get("/institutions/").context["page"].paginator.count
    everything = client.get("/institutions/", {"region": "all"}).context["page"].paginator.count
    dazhou = client.get("/institutions/", {"region": DAZHOU}).context["page"].paginator.count
    visible = Institution.objects.visible_to(users["planner"])
    assert home == visible.filter(division__path__contains="510400000000/").count()
    assert everything == visible.count() > home
    assert dazhou == visible.filter(division__path__contains=f"{DAZHOU}/").count() > 0
    # a code outside the user's scope falls back to the home region
    assert client.get("/institutions/", {"region": "110000000000"}).context["page"].paginator.count == home


def test_plans_and_tasks_of_the_home_region_and_of_the_levels_above(web, users):
    client = web("planner")
    codes = {p.code for p in client.get("/plans/").context["plans"]}
    assert codes and all(
        p.region.path.startswith("510000000000/510400000000/") for p in Plan.objects.filter(code__in=codes)
    )
    assert {p.code for p in client.get("/plans/", {"region": "all"}).context["plans"]} > codes
    home_tasks = client.get("/ledger/").context["tasks"]
    assert home_tasks and all("510400000000" in t.plan.region.path for t in home_tasks)
    assert len(client.get("/ledger/", {"region": "all"}).context["tasks"]) > len(home_tasks)
    # 达川's own list holds the city's tasks assigned to it (达州 is above 达川)
    dachuan_tasks = web("dachuan").get("/ledger/").context["tasks"]
    visible = Task.objects.visible_to(users["dachuan"])
    assert {t.pk for t in dachuan_tasks} == set(visible.values_list("pk", flat=True))
    assert any(t.plan.region.code == DAZHOU for t in dachuan_tasks)


def test_the_audit_trail_opens_on_the_home_region(web, users):
    AuditEntry.objects.create(
        username="x",
        action="update",
        model="registry.institution",
        object_repr="in 达州",
        division_path=f"510000000000/{DAZHOU}/",
    )
    AuditEntry.objects.create(
        username="x",
        action="update",
        model="registry.institution",
        object_repr="in 攀枝花",
        division_path="510000000000/510400000000/510421000000/",
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
        division_path="510000000000/510400000000/510421000000/",
    )
    html = web("auditor").get("/audit/").content.decode()
    assert '<td title="510000000000/510400000000/510421000000/">攀枝花市 / 米易县</td>' in html
    export = web("auditor").get("/audit/", {"format": "csv"}).content.decode("utf-8-sig")
    assert "攀枝花市 / 米易县" in export and "510421000000/" not in export

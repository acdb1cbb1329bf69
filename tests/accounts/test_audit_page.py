"""The audit page: an auditor reads the trail of their own region, filtered, and downloads it."""

import csv
import io

import pytest
from openpyxl import load_workbook

from tests import factories
from tixi.accounts.audit import acting_as
from tixi.accounts.models import AuditEntry
from tixi.geo.models import Population

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


@pytest.fixture
def changes(users, region):
    """A rename in the city's county (as in 米易) by the county user and one in the other city's county
    (as in 达川) by the other city's planner."""
    registry = factories.institutions_in(region)
    miyi, dachuan = registry["county_hospital"], registry["other_city_hospital"]
    with acting_as(users["county"]):
        miyi.name = "审计米易卫生院"
        miyi.save()
    with acting_as(users["dazhou"]):
        dachuan.name = "审计达川卫生院"
        dachuan.save()
    return miyi, dachuan


def test_entries_carry_the_division_path_of_what_they_record(changes, region):
    miyi, dachuan = changes
    entry = AuditEntry.objects.get(model="registry.Institution", object_pk=str(miyi.pk), action="update")
    assert entry.division_path == miyi.division.path
    entry = AuditEntry.objects.get(model="registry.Institution", object_pk=str(dachuan.pk), action="update")
    assert entry.division_path == region["other_county"].path
    factories.population(region["other_county"], 2020)
    population = Population.objects.filter(division=region["other_county"]).select_related("division").first()
    population.count += 1
    population.save()
    entry = AuditEntry.objects.filter(model="geo.Population", object_pk=str(population.pk)).latest("id")
    assert entry.division_path == population.division.path


def test_an_auditor_of_panzhihua_sees_panzhihua_and_not_dazhou(web, changes):
    response = web("auditor").get("/audit/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "审计米易卫生院" in page and "审计达川卫生院" not in page
    assert 'href="/audit/"' in page  # in the navigation
    assert "审计日志" in page  # Chinese by default


def test_entries_without_a_division_only_to_their_maker_and_superusers(users, web):
    with acting_as(users["county"]):
        AuditEntry.objects.create(
            username="county",
            user=users["county"],
            action="update",
            model="accounts.User",
            object_repr="无区划条目",
        )
    assert AuditEntry.objects.visible_to(users["planner"]).filter(object_repr="无区划条目").count() == 0
    assert AuditEntry.objects.visible_to(users["county"]).filter(object_repr="无区划条目").count() == 1
    users["planner"].is_superuser = True
    users["planner"].__dict__.pop("_tixi_scope", None)
    assert AuditEntry.objects.visible_to(users["planner"]).filter(object_repr="无区划条目").count() == 1


def test_a_county_user_may_not_read_the_trail(web):
    response = web("county").get("/audit/")
    assert response.status_code == 403
    assert 'href="/audit/"' not in web("county").get("/").content.decode()


def test_filters(web, changes):
    client = web("planner")
    by_user = client.get("/audit/", {"user": "kit-county", "model": "registry.Institution"}).content.decode()
    assert "审计米易卫生院" in by_user
    assert "审计米易卫生院" not in client.get("/audit/", {"user": "nobody-at-all"}).content.decode()
    assert "审计米易卫生院" not in client.get("/audit/", {"action": "delete"}).content.decode()
    assert "审计米易卫生院" in client.get("/audit/", {"object": "审计米易"}).content.decode()
    assert "审计米易卫生院" not in client.get("/audit/", {"model": "geo.Population"}).content.decode()
    assert "审计米易卫生院" not in client.get("/audit/", {"until": "2000-01-01"}).content.decode()
    from django.utils import timezone

    today = timezone.localdate().isoformat()
    assert "审计米易卫生院" in client.get("/audit/", {"since": today, "until": today}).content.decode()
    bad = client.get("/audit/", {"since": "昨天"})
    assert bad.status_code == 400 and "YYYY-MM-DD" in bad.content.decode()


def test_export_carries_every_filtered_row(web, changes, users):
    miyi, _dachuan = changes
    with acting_as(users["county"]):
        for n in range(60):  # more than one page
            miyi.name = f"=审计{n}"
            miyi.save()
    client = web("auditor")
    response = client.get("/audit/", {"object": "审计", "format": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[:3] == [["主要数据"], ["指标", "数值"], ["条目数", "61"]]  # the headline figure first
    heading = rows.index(["时间", "用户名", "操作", "对象类型", "对象", "区划", "说明"])
    names = [row[4] for row in rows[heading + 1 :]]
    assert len(names) == 61 and "'=审计59" in names  # formulas neutralised
    assert not any("达川" in name for name in names)
    response = client.get("/audit/", {"object": "审计", "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content))["审计日志"]
    assert sheet.max_row == 62
    assert {cell.value for cell in sheet["E"]} >= {"审计米易卫生院", "=审计0"}
    assert sheet["E2"].data_type == "s"

"""Every ledger page and export as each role: what lies outside a user's scope is neither listed,
exported nor found by its number; a county reads the plans above it that assign it work.

A kit of plans one above the other on `two_cities()`: the city's plan (攀枝花's place), the other
city's (达州) with a county plan under it (达川's, with the projects of its annex).

A county's ledger lists its own work: its plan's tasks and, of the plans above, those that one of its
units leads or cooperates on (the city's first task is led by the county's 县卫生健康局, its second has
it cooperate); the city plan's other tasks are read by choosing the plan, or by their page."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document
from openpyxl import load_workbook

from tests import factories as f
from tixi.geo.models import Division
from tixi.indicators.models import Plan
from tixi.ledger.models import Project, Task, Unit

pytestmark = pytest.mark.without_demo
CITY, OTHER_CITY, OTHER_COUNTY = "kit-city-plan", "kit-other-city-plan", "kit-other-county-plan"
# the plans each user reaches: the other city's and its county's see each other's (one is above the other)
PLANS_SEEN = {
    "planner": {CITY},
    "county": {CITY},
    "institution": {CITY},
    "cdc": {CITY},
    "auditor": {CITY},
    "dazhou": {OTHER_CITY, OTHER_COUNTY},
    "dachuan": {OTHER_CITY, OTHER_COUNTY},
}
TASKS = {CITY: 3, OTHER_CITY: 4, OTHER_COUNTY: 2}
# the tasks each user's ledger lists (everything in scope, no plan chosen): (plan, order among its tasks)
LISTED = {
    "planner": {(CITY, i) for i in range(3)},
    "county": {(CITY, 0), (CITY, 1)},  # its unit leads one, cooperates on another
    "institution": set(),  # its hospital takes part in none
    "cdc": {(CITY, i) for i in range(3)},
    "auditor": {(CITY, i) for i in range(3)},
    "dazhou": {(OTHER_CITY, i) for i in range(4)} | {(OTHER_COUNTY, i) for i in range(2)},
    "dachuan": {(OTHER_COUNTY, i) for i in range(2)},  # the city's are led by the city's commission
}
OTHER_CITY_CODE = "990200000000"  # the kit's (the demo's 达州 has units of the same names)


@pytest.fixture
def plans(region, users):
    """The three plans with their tasks (the other city's led by its 市卫生健康委, of which the other
    city's planner is a member, one task also by its 市医保局), two projects in the county's plan's
    annex, and a second county in the other city (where a task is assigned down to two counties)."""
    Division.objects.filter(pk=region["other_county"].pk).update(name="乙区")
    f.division("990204000000", parent=region["other_city"], name="丙县")
    made = {
        CITY: f.plan(region["city"], code=CITY),
        OTHER_CITY: f.plan(region["other_city"], code=OTHER_CITY),
        OTHER_COUNTY: f.plan(Division.objects.get(pk=region["other_county"].pk), code=OTHER_COUNTY),
    }
    health = f.unit("市卫生健康委", region["other_city"], members=[users["dazhou"]])
    insurance = f.unit("市医保局", region["other_city"])
    county_health = f.unit("县卫生健康局", region["county"])
    for code, n in TASKS.items():
        for i in range(n):
            lead = [health] if code == OTHER_CITY else ()
            cooperating = [insurance] if code == OTHER_CITY and i == 0 else ()
            if code == CITY and i < 2:
                (lead, cooperating) = ([county_health], ()) if i == 0 else ((), [county_health])
            f.task(made[code], lead=lead, cooperating=cooperating)
    for _ in range(2):
        f.project(made[OTHER_COUNTY])
    return made


# the lists open on the user's home region; these tests read everything in scope
EVERYTHING = {"region": "all"}


def _listed(role) -> set[int]:
    """The pks of LISTED[role]."""
    return {Task.objects.filter(plan__code=code).order_by("order")[i].pk for code, i in LISTED[role]}


def _xlsx_tasks(client) -> list[str]:
    sheet = load_workbook(io.BytesIO(client.get("/ledger/", {"format": "xlsx", **EVERYTHING}).content)).active
    return [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]


def _docx_rows(client) -> int:
    document = Document(io.BytesIO(client.get("/ledger/", {"format": "docx", **EVERYTHING}).content))
    return len(document.tables[0].rows) - 1


@pytest.mark.parametrize("role", sorted(PLANS_SEEN))
def test_each_role_sees_the_tasks_of_its_plans_only(web, users, plans, role):
    client = web(role)
    seen = PLANS_SEEN[role]
    expected = Task.objects.filter(plan__code__in=seen)
    assert expected.count() == sum(TASKS[code] for code in seen)
    assert set(Plan.objects.visible_to(users[role]).values_list("code", flat=True)) == seen
    # list, .xlsx and .docx agree with each other and with the user's work
    page = client.get("/ledger/", EVERYTHING)
    assert page.status_code == 200
    listed = Task.objects.filter(pk__in=_listed(role))
    assert {t.pk for t in page.context["tasks"]} == set(listed.values_list("pk", flat=True))
    assert sorted(_xlsx_tasks(client)) == sorted(f"{t.clause} {t.title}" for t in listed)
    assert _docx_rows(client) == listed.count()
    # a plan chosen, all of its tasks the user reads
    for code in seen:
        chosen = client.get("/ledger/", {**EVERYTHING, "plan": code}).context["tasks"]
        assert {t.pk for t in chosen} == set(
            Task.objects.filter(plan__code=code).values_list("pk", flat=True)
        )
    # a task beyond the scope is not found, nor its unit's page
    outside = Task.objects.exclude(plan__code__in=seen).filter(plan__code__in=TASKS).first()
    assert client.get(f"/ledger/tasks/{outside.pk}/").status_code == 404
    assert client.get(f"/ledger/tasks/{outside.pk}/", {"format": "xlsx"}).status_code == 404
    assert client.get(f"/ledger/units/{outside.lead_units.first().pk}/").status_code == 404
    assert client.get(f"/ledger/tasks/{expected.first().pk}/").status_code == 200
    # projects: the county plan's annex, seen from the county, from the city above it; not elsewhere
    projects = client.get("/ledger/projects/", EVERYTHING)
    shown = {p.pk for p in projects.context["projects"]}
    annex = set(Project.objects.filter(plan=plans[OTHER_COUNTY]).values_list("pk", flat=True))
    assert shown == (annex if OTHER_COUNTY in seen else set())
    assert client.get(f"/ledger/projects/{min(annex)}/").status_code == (200 if shown else 404)
    # the plan pages follow the same rule
    assert {p.code for p in client.get("/plans/", EVERYTHING).context["plans"]} == seen
    # (a scorecard is a region's page: an institution's staff, who see no division, are not offered it)
    assert client.get(f"/plans/{CITY}/").status_code == (
        200 if CITY in seen and role != "institution" else 404
    )


def test_the_filters_offer_only_what_the_user_sees(web, region, plans):
    page = web("dachuan").get("/ledger/")
    assert {p.code for p in page.context["plans"]} == {OTHER_CITY, OTHER_COUNTY}
    regions = {u.division.code for u in page.context["units"]}
    assert regions == {region["other_city"].code, region["other_county"].code}  # none of the city's


def test_a_member_of_a_unit_sees_its_tasks_beyond_the_scope(web, users, plans):
    """The county's administrator made a member of the other city's 市医保局 sees that unit's task only."""
    unit = Unit.objects.get(name="市医保局", division__code=OTHER_CITY_CODE)
    users["county"].units.add(unit)
    client = web("county")
    mine = Task.objects.filter(plan__code=OTHER_CITY, cooperating_units=unit)
    titles = {t.title for t in client.get("/ledger/").context["tasks"] if t.plan.code == OTHER_CITY}
    assert titles == set(mine.values_list("title", flat=True)) and len(titles) == 1
    assert client.get(f"/ledger/units/{unit.pk}/").status_code == 200
    other = Task.objects.filter(plan__code=OTHER_CITY).exclude(pk__in=mine.values("pk")).first()
    assert client.get(f"/ledger/tasks/{other.pk}/").status_code == 404


def test_writing_needs_the_plan_in_scope(web, plans):
    task = Task.objects.filter(plan__code=OTHER_CITY).first()
    # the other city's planner edits its tasks; its county reads them but is refused the edit form
    assert web("dazhou").get(f"/ledger/tasks/{task.pk}/edit/").status_code == 200
    assert web("dachuan").get(f"/ledger/tasks/{task.pk}/edit/").status_code == 403
    # a rectification is raised by a responsible unit or a planner of the region, not by a reader
    raise_one = {"action": "raise", "problem": "进度滞后", "measure": "月底前补齐", "deadline": "2026-12-31"}
    assert web("dachuan").post(f"/ledger/tasks/{task.pk}/", raise_one).status_code == 403
    assert task.rectifications.count() == 0
    assert web("dazhou").post(f"/ledger/tasks/{task.pk}/", raise_one).status_code == 302
    assert list(task.rectifications.values_list("problem", flat=True)) == ["进度滞后"]


def test_the_lead_unit_reports_from_its_page(web, plans):
    """The other city's planner belongs to its 市卫生健康委: its report sets the task's state."""
    task = Task.objects.filter(plan__code=OTHER_CITY).first()
    unit = task.lead_units.get(name="市卫生健康委")
    page = web("dazhou").get(f"/ledger/tasks/{task.pk}/")
    assert "progress-form" in page.content.decode()
    report = {
        "action": "report",
        "unit": unit.pk,
        "period": "2025-09",
        "status": "in_progress",
        "percent": 40,
        "narrative": "已完成方案制定",
    }
    assert web("dazhou").post(f"/ledger/tasks/{task.pk}/", report).status_code == 302
    task.refresh_from_db()
    assert (task.status, task.percent) == ("in_progress", 40)


@pytest.mark.parametrize("typed", ["²", "³⁵"])
def test_a_percent_that_is_no_whole_number_is_named_in_chinese(web, plans, typed):
    """'²' passed the view's isdigit() and int() then failed: the page showed Python's English
    'invalid literal for int() with base 10' (probe16). It gets the field's own message."""
    task = Task.objects.filter(plan__code=OTHER_CITY).first()
    unit = task.lead_units.get(name="市卫生健康委")
    report = {"action": "report", "unit": unit.pk, "period": "2025-09", "percent": typed}
    page = web("dazhou").post(f"/ledger/tasks/{task.pk}/", report)
    text = page.content.decode()
    assert page.status_code == 400
    assert "完成比例须为 0 至 100 的整数" in text and "invalid literal" not in text
    assert not task.progress.exists()
    # the city's planner of the county plan below sees the task but belongs to no unit of it: no form
    assert "progress-form" not in web("dachuan").get(f"/ledger/tasks/{task.pk}/").content.decode()


def test_a_rectification_that_is_no_number_is_refused_in_chinese(web, plans):
    """A ValueError of Django's own (an id that is no number) showed its English text on the Chinese page."""
    task = Task.objects.filter(plan__code=OTHER_CITY).first()
    page = web("dazhou").post(f"/ledger/tasks/{task.pk}/", {"action": "advance", "rectification": "abc"})
    text = page.content.decode()
    assert page.status_code == 400
    assert "表单中有无效的值" in text and "expected a number" not in text


def test_ledger_page_queries_do_not_grow_with_the_tasks(web, plans):
    client = web("dazhou")
    client.get("/ledger/", EVERYTHING)  # the session's first write out of the way

    def queries() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as captured:
            page = client.get("/ledger/", EVERYTHING)
        return len(page.context["tasks"]), len(captured)

    shown, few = queries()
    for _ in range(20):
        f.task(
            plans[OTHER_CITY], lead=[Unit.objects.get(name="市卫生健康委", division__code=OTHER_CITY_CODE)]
        )
    more, many = queries()
    assert (shown, more) == (6, 26)
    assert many == few <= 16


def test_a_planner_of_the_region_keeps_a_units_members_audited(web, users, plans):
    from tixi.accounts.models import AuditEntry

    unit = Unit.objects.get(name="市医保局", division__code=OTHER_CITY_CODE)
    change = {"contact": "张三 0818-1234567", "member_names": "kit-dachuan、kit-county"}
    # the county below reads the unit's page but may not change it; nothing is written
    assert web("dachuan").post(f"/ledger/units/{unit.pk}/", change).status_code == 403
    bad = web("dazhou").post(f"/ledger/units/{unit.pk}/", {**change, "member_names": "kit-dachuan、nobody"})
    assert bad.status_code == 400 and "nobody" in bad.content.decode()
    assert not unit.members.exists()
    assert web("dazhou").post(f"/ledger/units/{unit.pk}/", change).status_code == 302
    assert set(unit.members.values_list("username", flat=True)) == {"kit-dachuan", "kit-county"}
    entry = AuditEntry.objects.filter(model="ledger.Unit", object_pk=str(unit.pk)).latest("pk")
    assert entry.username == "kit-dazhou" and sorted(entry.after["members"]) == sorted(
        [users["dachuan"].pk, users["county"].pk]
    )
    # membership shows the unit's task to the county's administrator, beyond its scope
    shown = [t for t in web("county").get("/ledger/").context["tasks"] if t.plan.code == OTHER_CITY]
    assert [t.cooperating_units.get() for t in shown] == [unit]


def test_links_changed_from_either_side_are_audited(users, plans):
    from tixi.accounts.models import AuditEntry

    unit = Unit.objects.get(name="市医保局", division__code=OTHER_CITY_CODE)
    users["auditor"].units.add(unit)  # from the user's side
    entry = AuditEntry.objects.filter(model="accounts.User", object_pk=str(users["auditor"].pk)).latest("pk")
    assert entry.after == {"units": [unit.pk]} and entry.before == {"units": []}
    task = Task.objects.filter(plan__code=OTHER_CITY).last()
    task.cooperating_units.add(unit)  # from the task's side
    entry = AuditEntry.objects.filter(model="ledger.Task", object_pk=str(task.pk)).latest("pk")
    assert unit.pk in entry.after["cooperating_units"] and unit.pk not in entry.before["cooperating_units"]


def test_a_task_is_assigned_down_to_each_county(web, users, plans):
    task = Task.objects.filter(plan__code=OTHER_CITY, parent__isnull=True).first()
    assert web("dachuan").post(f"/ledger/tasks/{task.pk}/", {"action": "assign_down"}).status_code == 403
    assert not task.subtasks.exists()
    assert web("dazhou").post(f"/ledger/tasks/{task.pk}/", {"action": "assign_down"}).status_code == 302
    assert sorted(task.subtasks.values_list("lead_units__name", flat=True)) == [
        "丙县人民政府",
        "乙区人民政府",
    ]
    web("dazhou").post(f"/ledger/tasks/{task.pk}/", {"action": "assign_down"})
    assert task.subtasks.count() == 2  # twice adds nothing
    ours = task.subtasks.get(lead_units__name="乙区人民政府")
    assert ours.deadline == task.deadline and ours.title == f"{task.title}（乙区）"
    # the county's government reports on its own part; the parent lists every part
    ours.lead_units.get().members.add(users["dachuan"])
    report = {"action": "report", "unit": ours.lead_units.get().pk, "period": "2025-09", "percent": 30}
    assert (
        web("dachuan").post(f"/ledger/tasks/{ours.pk}/", {**report, "status": "in_progress"}).status_code
        == 302
    )
    page = web("dazhou").get(f"/ledger/tasks/{task.pk}/")
    assert len(page.context["subtasks"]) == 2 and "乙区人民政府" in page.content.decode()


def test_new_task_link_only_where_the_planner_may_write(web, plans):
    assert "/tasks/new/" in web("dazhou").get("/ledger/", {"plan": OTHER_CITY}).content.decode()
    # the county plan lies under the other city: its planner covers it and may add tasks there too
    assert "/tasks/new/" in web("dazhou").get("/ledger/", {"plan": OTHER_COUNTY}).content.decode()
    # the county reads the city's plan but is offered no way to add to it
    assert "/tasks/new/" not in web("dachuan").get("/ledger/", {"plan": OTHER_CITY}).content.decode()


def test_a_county_opens_the_citys_scorecard_at_home(web, region, plans):
    """The city's plan, read by its county: evaluated for the county (the city is beyond its scope)."""
    page = web("dachuan").get(f"/plans/{OTHER_CITY}/", {"year": 2023})
    assert page.status_code == 200 and page.context["division"].code == region["other_county"].code


def test_attachments_download_only_within_the_scope(web, users, plans):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tixi.ledger import services

    task = Task.objects.filter(plan__code=OTHER_CITY).first()
    unit = task.lead_units.get(name="市卫生健康委")
    progress = services.report_progress(
        task,
        users["dazhou"],
        unit,
        "2025-09",
        "in_progress",
        20,
        "方案已印发",
        "",
        [SimpleUploadedFile("方案.pdf", b"%PDF-1.4 plan")],
    )
    item = progress.attachments.get()
    page = web("dachuan").get(f"/ledger/tasks/{task.pk}/").content.decode()
    assert f"/ledger/attachments/{item.pk}/" in page
    download = web("dachuan").get(f"/ledger/attachments/{item.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.4 plan"
    assert download["Content-Type"] == "application/pdf"
    assert web("county").get(f"/ledger/attachments/{item.pk}/").status_code == 404


def test_a_countys_ledger_is_its_units_work(web, region, plans):
    """The county lists the city's two tasks its 县卫生健康局 takes part in, and its own plan's; the
    city's third is read in the plan's list (linked) and on its own page, not in the county's ledger.
    The city's planner lists all three."""
    own = f.plan(region["county"], code="kit-county-plan")
    ours = f.task(own)  # led by the county's 卫生健康局
    city_tasks = list(Task.objects.filter(plan__code=CITY).order_by("order"))
    page = web("county").get("/ledger/")  # on the county, its home region
    assert {t.pk for t in page.context["tasks"]} == {city_tasks[0].pk, city_tasks[1].pk, ours.pk}
    body = page.content.decode()
    assert f"plan={CITY}" in body and 'id="plans-above"' in body
    assert web("county").get(f"/ledger/tasks/{city_tasks[2].pk}/").status_code == 200
    read = web("county").get("/ledger/", {"plan": CITY}).context["tasks"]
    assert [t.pk for t in read] == [t.pk for t in city_tasks]
    planner = web("planner").get("/ledger/", EVERYTHING).context["tasks"]
    assert {t.pk for t in planner} == {t.pk for t in city_tasks} | {ours.pk}
    assert 'id="plans-above"' not in web("planner").get("/ledger/").content.decode()

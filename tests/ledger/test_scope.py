"""Every ledger page and export as each demo role: what lies outside a user's scope is neither listed,
exported nor found by its number; a county reads the plans above it that assign it work."""

import io

import pytest
from docx import Document
from openpyxl import load_workbook

from tixi.indicators.models import Plan
from tixi.ledger.models import Project, Task, Unit

DAZHOU, BAZHONG, WUSHAN, DACHUAN = (
    "dazhou-2025-system",
    "bazhong-2025-hospitals",
    "wushan-2027-system",
    "dachuan-14th-health",
)
# the plans each demo user reaches: 达川 and 达州 see each other's (one is above the other)
PLANS_SEEN = {
    "planner": {DAZHOU, BAZHONG, WUSHAN, DACHUAN, "panzhihua-14th-system"},
    "dazhou": {DAZHOU, DACHUAN},
    "dachuan": {DAZHOU, DACHUAN},
    "county": {"panzhihua-14th-system"},
    "institution": {"panzhihua-14th-system"},
    "cdc": {"panzhihua-14th-system"},
    "auditor": {"panzhihua-14th-system"},
}


# the lists open on the user's home region; these tests read everything in scope
EVERYTHING = {"region": "all"}


def _xlsx_tasks(client) -> list[str]:
    sheet = load_workbook(io.BytesIO(client.get("/ledger/", {"format": "xlsx", **EVERYTHING}).content)).active
    return [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]


def _docx_rows(client) -> int:
    document = Document(io.BytesIO(client.get("/ledger/", {"format": "docx", **EVERYTHING}).content))
    return len(document.tables[0].rows) - 1


@pytest.mark.django_db
@pytest.mark.parametrize("username", sorted(PLANS_SEEN))
def test_each_role_sees_the_tasks_of_its_plans_only(web, users, username):
    client = web(username)
    plans = PLANS_SEEN[username]
    expected = Task.objects.filter(plan__code__in=plans)
    assert set(Plan.objects.visible_to(users[username]).values_list("code", flat=True)) == plans
    # list, .xlsx and .docx agree with each other and with the scope
    page = client.get("/ledger/", EVERYTHING)
    assert page.status_code == 200 and len(page.context["tasks"]) == expected.count()
    assert len(_xlsx_tasks(client)) == expected.count() == _docx_rows(client)
    # any task beyond the scope is not found, nor its unit's page
    outside = Task.objects.exclude(plan__code__in=plans).prefetch_related("lead_units").first()
    if outside is not None:
        assert client.get(f"/ledger/tasks/{outside.pk}/").status_code == 404
        assert client.get(f"/ledger/tasks/{outside.pk}/", {"format": "xlsx"}).status_code == 404
        assert client.get(f"/ledger/units/{outside.lead_units.first().pk}/").status_code == 404
    inside = expected.first()
    if inside is not None:
        assert client.get(f"/ledger/tasks/{inside.pk}/").status_code == 200
    # projects: 达川's annex, seen from 达川, from 达州 above it, and by the planner
    projects = client.get("/ledger/projects/", EVERYTHING)
    shown = len(projects.context["projects"])
    assert shown == (29 if DACHUAN in plans else 0)
    number_one = Project.objects.get(number=1)
    assert client.get(f"/ledger/projects/{number_one.pk}/").status_code == (200 if shown else 404)
    # the plan pages and the API follow the same rule
    assert {p.code for p in client.get("/plans/", EVERYTHING).context["plans"]} == plans
    assert client.get(f"/plans/{BAZHONG}/").status_code == (200 if BAZHONG in plans else 404)


@pytest.mark.django_db
def test_the_filters_offer_only_what_the_user_sees(web):
    page = web("dachuan").get("/ledger/")
    assert {p.code for p in page.context["plans"]} == {DAZHOU}
    regions = {u.division.code for u in page.context["units"]}
    assert regions == {"511700000000", "511703000000"}  # 达州's and 达川's units, none of 巴中 or 巫山


@pytest.mark.django_db
def test_a_member_of_a_unit_sees_its_tasks_beyond_the_scope(web, users):
    """米易's administrator made a member of 巴中's 市卫生健康委 sees the tasks of that unit only."""
    unit = Unit.objects.filter(division__code="511900000000", name="市卫生健康委").get()
    users["county"].units.add(unit)
    client = web("county")
    mine = Task.objects.filter(plan__code=BAZHONG).filter(lead_units=unit) | Task.objects.filter(
        plan__code=BAZHONG, cooperating_units=unit
    )
    titles = {t.title for t in client.get("/ledger/").context["tasks"] if t.plan.code == BAZHONG}
    assert titles == set(mine.values_list("title", flat=True)) and titles
    assert client.get(f"/ledger/units/{unit.pk}/").status_code == 200
    other = Task.objects.filter(plan__code=BAZHONG).exclude(pk__in=mine.values("pk")).first()
    if other is not None:
        assert client.get(f"/ledger/tasks/{other.pk}/").status_code == 404


@pytest.mark.django_db
def test_writing_needs_the_plan_in_scope(web):
    task = Task.objects.filter(plan__code=DAZHOU).first()
    # 达州's planner edits 达州's tasks; 达川's county reads them but is refused the edit form
    assert web("dazhou").get(f"/ledger/tasks/{task.pk}/edit/").status_code == 200
    assert web("dachuan").get(f"/ledger/tasks/{task.pk}/edit/").status_code == 403
    # a rectification is raised by a responsible unit or a planner of the region, not by a reader
    raise_one = {"action": "raise", "problem": "进度滞后", "measure": "月底前补齐", "deadline": "2026-12-31"}
    before = task.rectifications.count()
    assert web("dachuan").post(f"/ledger/tasks/{task.pk}/", raise_one).status_code == 403
    assert task.rectifications.count() == before
    assert web("dazhou").post(f"/ledger/tasks/{task.pk}/", raise_one).status_code == 302
    assert task.rectifications.count() == before + 1


@pytest.mark.django_db
def test_the_lead_unit_reports_from_its_page(web):
    """The demo's 达州 account belongs to 市卫生健康委: its report sets the task's state."""
    task = Task.objects.filter(plan__code=DAZHOU, lead_units__name="市卫生健康委").first()
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
    # the planner sees the task but belongs to no unit of it: no report form
    assert "progress-form" not in web("planner").get(f"/ledger/tasks/{task.pk}/").content.decode()


@pytest.mark.django_db
def test_ledger_page_queries_do_not_grow_with_the_tasks(web, django_assert_max_num_queries):
    client = web("planner")
    # 16: the page's 13 and the idle timeout's session write (savepoint, update, release; once a minute)
    with django_assert_max_num_queries(16):
        page = client.get("/ledger/", EVERYTHING)
    assert len(page.context["tasks"]) > 60


@pytest.mark.django_db
def test_a_planner_of_the_region_keeps_a_units_members_audited(web, users):
    from tixi.accounts.models import AuditEntry

    unit = Unit.objects.get(division__code="511700000000", name="市医保局")
    change = {"contact": "张三 0818-1234567", "member_names": "dachuan、county"}
    # 达川's county reads the unit's page but may not change it; nothing is written
    assert web("dachuan").post(f"/ledger/units/{unit.pk}/", change).status_code == 403
    bad = web("dazhou").post(f"/ledger/units/{unit.pk}/", {**change, "member_names": "dachuan、nobody"})
    assert bad.status_code == 400 and "nobody" in bad.content.decode()
    assert not unit.members.exists()
    assert web("dazhou").post(f"/ledger/units/{unit.pk}/", change).status_code == 302
    assert set(unit.members.values_list("username", flat=True)) == {"dachuan", "county"}
    entry = AuditEntry.objects.filter(model="ledger.Unit", object_pk=str(unit.pk)).latest("pk")
    assert entry.username == "dazhou" and sorted(entry.after["members"]) == sorted(
        [users["dachuan"].pk, users["county"].pk]
    )
    # membership shows the unit's tasks to 米易's administrator, beyond its scope
    assert any(t.plan.code == DAZHOU for t in web("county").get("/ledger/").context["tasks"])


@pytest.mark.django_db
def test_links_changed_from_either_side_are_audited(users):
    from tixi.accounts.models import AuditEntry

    unit = Unit.objects.get(division__code="511700000000", name="市医保局")
    users["auditor"].units.add(unit)  # from the user's side (the auditor belongs to no unit in the demo)
    entry = AuditEntry.objects.filter(model="accounts.User", object_pk=str(users["auditor"].pk)).latest("pk")
    assert entry.after == {"units": [unit.pk]} and entry.before == {"units": []}
    task = Task.objects.filter(plan__code=DAZHOU).first()
    task.cooperating_units.add(unit)  # from the task's side
    entry = AuditEntry.objects.filter(model="ledger.Task", object_pk=str(task.pk)).latest("pk")
    assert unit.pk in entry.after["cooperating_units"] and unit.pk not in entry.before["cooperating_units"]


@pytest.mark.django_db
def test_a_task_is_assigned_down_to_each_county(web, users):
    from tixi.geo.models import Division

    task = Task.objects.filter(plan__code=DAZHOU, parent__isnull=True).first()
    counties = Division.objects.filter(parent__code="511700000000").count()
    assert web("dachuan").post(f"/ledger/tasks/{task.pk}/", {"action": "assign_down"}).status_code == 403
    assert not task.subtasks.exists()
    assert web("dazhou").post(f"/ledger/tasks/{task.pk}/", {"action": "assign_down"}).status_code == 302
    assert task.subtasks.count() == counties > 0
    web("dazhou").post(f"/ledger/tasks/{task.pk}/", {"action": "assign_down"})
    assert task.subtasks.count() == counties  # twice adds nothing
    ours = task.subtasks.get(lead_units__name="达川区人民政府")
    assert ours.deadline == task.deadline and ours.title.endswith("（达川区）")
    # 达川's government reports on its own part; the parent lists every part
    ours.lead_units.get().members.add(users["dachuan"])
    report = {"action": "report", "unit": ours.lead_units.get().pk, "period": "2025-09", "percent": 30}
    assert (
        web("dachuan").post(f"/ledger/tasks/{ours.pk}/", {**report, "status": "in_progress"}).status_code
        == 302
    )
    page = web("dazhou").get(f"/ledger/tasks/{task.pk}/")
    assert len(page.context["subtasks"]) == counties and "达川区人民政府" in page.content.decode()


@pytest.mark.django_db
def test_new_task_link_only_where_the_planner_may_write(web):
    assert "/tasks/new/" in web("dazhou").get("/ledger/", {"plan": DAZHOU}).content.decode()
    # 达川's plan lies under 达州: 达州's planner covers it and may add tasks there too
    assert "/tasks/new/" in web("dazhou").get("/ledger/", {"plan": DACHUAN}).content.decode()
    # 达川's county reads 达州's plan but is offered no way to add to it
    assert "/tasks/new/" not in web("dachuan").get("/ledger/", {"plan": DAZHOU}).content.decode()


@pytest.mark.django_db
def test_a_county_opens_the_citys_scorecard_at_home(web):
    """The city's plan, read by 达川's county: evaluated for 达川 (the city is beyond its scope)."""
    page = web("dachuan").get(f"/plans/{DAZHOU}/", {"year": 2023})
    assert page.status_code == 200 and page.context["division"].code == "511703000000"


@pytest.mark.django_db
def test_attachments_download_only_within_the_scope(web, users, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tixi.ledger import services

    settings.MEDIA_ROOT = tmp_path
    task = Task.objects.filter(plan__code=DAZHOU, lead_units__name="市卫生健康委").first()
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

"""Writing the ledger by hand and from a document, and reporting on projects."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.ledger.test_ledger import SEEDS
from tixi.accounts.models import AuditEntry
from tixi.indicators.models import Plan
from tixi.ledger.models import Project, Task

PLAN = "dazhou-2025-system"


@pytest.mark.django_db
def test_a_planner_adds_a_task_with_units_and_a_sub_task(web):
    client = web("planner")
    assert client.get(f"/ledger/plans/{PLAN}/tasks/new/").status_code == 200
    parent = Task.objects.filter(plan__code=PLAN).first()
    response = client.post(
        f"/ledger/plans/{PLAN}/tasks/new/",
        {
            "clause": "二十六",
            "title": "建设区域检验中心",
            "text": "到2025年建成区域医学检验中心。",
            "lead": "市卫生健康委",
            "cooperating": "市医保局、市中医药局",
            "deadline": "2025-12-31",
            "parent": parent.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    task = Task.objects.get(title="建设区域检验中心")
    assert [u.name for u in task.lead_units.all()] == ["市卫生健康委"]
    assert {u.name for u in task.cooperating_units.all()} == {"市医保局", "市中医药局"}
    assert task.parent == parent and task in parent.subtasks.all()
    assert AuditEntry.objects.filter(model="ledger.Task", object_pk=str(task.pk)).exists()
    edited = client.post(
        f"/ledger/tasks/{task.pk}/edit/",
        {"clause": "二十六", "title": "建设区域检验中心", "text": "x", "lead": "市医保局", "deadline": ""},
    )
    assert edited.status_code == 302
    task.refresh_from_db()
    assert [u.name for u in task.lead_units.all()] == ["市医保局"] and not task.cooperating_units.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change, field, words",
    [
        ({"lead": ""}, "lead", "牵头"),
        ({"lead": "市不存在局"}, "lead", "市不存在局"),
        ({"deadline": "2010-06-30"}, "deadline", "规划"),
    ],
)
def test_a_bad_task_is_refused_and_nothing_is_written(web, change, field, words):
    client = web("planner")
    before = Task.objects.count()
    data = {
        "clause": "二十七",
        "title": "坏任务",
        "text": "x",
        "lead": "市卫生健康委",
        "deadline": "2025-12-31",
    }
    response = client.post(f"/ledger/plans/{PLAN}/tasks/new/", {**data, **change})
    page = response.content.decode()
    assert response.status_code == 400 and f"field-{field}" in page and words in page
    assert Task.objects.count() == before


@pytest.mark.django_db
def test_only_a_planner_writes_tasks(web):
    # 达川's county reads the city's plan (it is assigned work there) but does not write it
    assert web("dachuan").get(f"/ledger/plans/{PLAN}/tasks/new/").status_code == 403
    # 米易 lies outside 达州: the plan is not even found
    assert web("county").get(f"/ledger/plans/{PLAN}/tasks/new/").status_code == 404
    assert web("auditor").post("/ledger/drafts/", {}).status_code == 403


def _review_post(response, keep_tasks=None, keep_targets=None, **plan):
    """The review form as the browser would send it, from the page's own formsets."""
    data = {**plan}
    for name, formset, keep in (
        ("task", response.context["tasks"], keep_tasks),
        ("target", response.context["targets"], keep_targets),
    ):
        data[f"{name}-TOTAL_FORMS"] = len(formset.forms)
        data[f"{name}-INITIAL_FORMS"] = len(formset.forms)
        for index, form in enumerate(formset.forms):
            for field, value in form.initial.items():
                if field != "keep" and value is not None:
                    data[form.add_prefix(field)] = value
            if keep is None or index in keep:
                data[form.add_prefix("keep")] = "on"
    return data


PLAN_FIELDS = {
    "code": "wushan-2024-notice-draft",
    "title": "巫山县关于进一步完善医疗卫生服务体系的通知（草稿）",
    "issuer": "巫山县人民政府办公室",
    "document_number": "",
    "period_start": 2024,
    "period_end": 2027,
    "region_code": "510400000000",  # within the planner's scope
}


@pytest.mark.django_db
def test_a_document_becomes_a_plan_after_review(web):
    client = web("planner")
    text = next(SEEDS.glob("002_*.txt")).read_bytes()
    review = client.post("/ledger/drafts/", {"document": SimpleUploadedFile("wushan.txt", text)})
    assert review.status_code == 200
    assert len(review.context["tasks"].forms) == 20 and len(review.context["targets"].forms) == 7
    data = _review_post(review, keep_tasks=set(range(18)), keep_targets={0, 1, 2}, **PLAN_FIELDS)
    data["task-0-title"] = "夯实城乡医疗卫生服务网底（已校对）"  # a correction
    created = client.post("/ledger/drafts/", data)
    assert created.status_code == 302, created.content.decode()[:3000]
    plan = Plan.objects.get(code=PLAN_FIELDS["code"])
    assert plan.tasks.count() == 18 and plan.targets.count() == 3
    first = plan.tasks.get(order=1)
    assert first.title.endswith("（已校对）") and first.lead_units.filter(name="县卫生健康委").exists()
    assert {t.target_value for t in plan.targets.all()} == {35.0, 2.0, 1.0}


@pytest.mark.django_db
def test_a_bad_review_writes_nothing(web):
    client = web("planner")
    text = next(SEEDS.glob("002_*.txt")).read_bytes()
    review = client.post("/ledger/drafts/", {"document": SimpleUploadedFile("wushan.txt", text)})
    data = _review_post(review, **PLAN_FIELDS)
    data["task-3-lead"] = ""  # a kept task without a lead unit
    plans, tasks = Plan.objects.count(), Task.objects.count()
    refused = client.post("/ledger/drafts/", data)
    assert refused.status_code == 400 and "牵头单位" in refused.content.decode()
    assert (Plan.objects.count(), Task.objects.count()) == (plans, tasks)
    data = _review_post(review, **{**PLAN_FIELDS, "period_start": 2030, "period_end": 2031})
    late = client.post("/ledger/drafts/", data)  # deadlines of 2025 come before a plan of 2030
    assert late.status_code == 400 and Plan.objects.count() == plans


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, content, words",
    [
        ("note.txt", "今天天气很好。我们去公园散步吧。".encode(), "没有找到"),
        ("plan.docx", b"PK\x03\x04 not really a docx", "Word"),
        ("plan.xls", b"\xd0\xcf\x11\xe0", ".docx"),
    ],
)
def test_a_document_that_is_not_a_plan(web, name, content, words):
    response = web("planner").post("/ledger/drafts/", {"document": SimpleUploadedFile(name, content)})
    assert response.status_code == 400 and words in response.content.decode()


@pytest.mark.django_db
def test_project_progress_status_and_milestones(web, users):
    project = Project.objects.get(number=1)
    client = web("planner")
    page = client.get(f"/ledger/projects/{project.pk}/")
    assert page.status_code == 200 and "汉兴北街700号" in page.content.decode()
    assert (
        client.post(
            f"/ledger/projects/{project.pk}/", {"action": "status", "status": "under_way"}
        ).status_code
        == 302
    )
    assert (
        client.post(
            f"/ledger/projects/{project.pk}/", {"action": "investment", "year": 2023, "amount": "12000"}
        ).status_code
        == 302
    )
    assert (
        client.post(
            f"/ledger/projects/{project.pk}/",
            {"action": "milestone", "name": "开工", "planned": "2022-06-30"},
        ).status_code
        == 302
    )
    bad = client.post(
        f"/ledger/projects/{project.pk}/", {"action": "investment", "year": 2023, "amount": "很多"}
    )
    assert bad.status_code == 400 and "amount" in bad.content.decode()
    far = client.post(
        f"/ledger/projects/{project.pk}/", {"action": "investment", "year": 2040, "amount": "1"}
    )
    assert far.status_code == 400
    project.refresh_from_db()
    # the demo's No. 1 is late and has its investment so far and milestones: the 2023 amount is replaced
    assert project.status == "under_way" and project.investments.get(year=2023).amount == 12000
    milestone = project.milestones.get(name="开工", planned=dt.date(2022, 6, 30))
    assert milestone.is_late
    client.post(
        f"/ledger/projects/{project.pk}/",
        {"action": "reached", "milestone": milestone.pk, "reached": "2022-07-15"},
    )
    milestone.refresh_from_db()
    assert milestone.reached == dt.date(2022, 7, 15)
    listing = client.get("/ledger/projects/", {"region": "all"}).content.decode()
    assert "12000" in listing and "project-map-data" in listing
    change = {"action": "status", "status": "in_use"}
    # 达川's county bureau sees its region's projects, reports on its own (No. 29), not the hospital's
    assert web("dachuan").post(f"/ledger/projects/{project.pk}/", change).status_code == 403
    own = Project.objects.get(number=29)
    assert web("dachuan").post(f"/ledger/projects/{own.pk}/", change).status_code == 302
    # 米易 lies outside 达州: the project is not found at all
    assert web("county").post(f"/ledger/projects/{project.pk}/", change).status_code == 404


@pytest.mark.django_db
def test_projects_feed_the_planned_capacity(web, users):
    from tixi.geo.models import Division
    from tixi.ledger.services import planned_capacity_in

    dachuan = Division.objects.get(code="511703000000", valid_to=None)
    from tixi.ledger.services import PLANNED_CAPACITY_STATUSES

    due = Project.objects.filter(status__in=PLANNED_CAPACITY_STATUSES)
    expected = {
        "beds": sum(due.values_list("beds_added", flat=True)),
        "childcare_places": sum(due.values_list("childcare_places_added", flat=True)),
    }
    assert expected["beds"] > 0 and planned_capacity_in(dachuan) == expected
    Project.objects.filter(number=1).update(status="in_use")  # in use: no longer planned
    users["planner"].scope_divisions.add(dachuan)  # the demo planner works for 攀枝花
    page = web("planner").get("/divisions/511703000000/")
    assert page.status_code == 200 and "planned-capacity" in page.content.decode()
    points = [p for p in Project.objects.all() if p.longitude is not None]
    assert len(points) == 29


def _table_docx() -> bytes:
    """A Word plan with an indicator table laid out as commissions do: the area merged down its rows."""
    from docx import Document

    document = Document()
    document.add_paragraph("到2025年，全县每千人口注册护士数达到3.5人。")
    document.add_paragraph("表1　“十四五”时期主要发展指标")
    rows = [
        ("领域", "序号", "主要指标", "2020年", "2025年", "指标性质"),
        ("健康水平", "1", "人均预期寿命（岁）", "77.5", "78.5", "预期性"),
        ("", "2", "孕产妇死亡率（/10万）", "12", "≤14.5", "预期性"),
        ("", "3", "健康预期寿命（岁）", "—", "同比例提高", "预期性"),
    ]
    table = document.add_table(rows=len(rows), cols=6)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    table.cell(1, 0).merge(table.cell(3, 0))
    document.add_paragraph("第二章　主要任务")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.django_db
def test_an_indicator_table_in_word_is_reviewed_with_suggested_indicators(web):
    client = web("planner")
    upload = SimpleUploadedFile("plan.docx", _table_docx())
    review = client.post("/ledger/drafts/", {"document": upload})
    assert review.status_code == 200
    rows = [f.initial for f in review.context["targets"].forms]
    assert [r["label"] for r in rows[:3]] == [
        "人均预期寿命（岁）",
        "孕产妇死亡率（/10万）",
        "健康预期寿命（岁）",
    ]
    assert [r["indicator"] for r in rows[:3]] == [
        "life_expectancy",
        "maternal_mortality",
        "healthy_life_expectancy",
    ]
    assert rows[1]["comparator"] == "le" and rows[1]["baseline"] == 12 and rows[2]["kind"] == "increase"
    assert all(r["area"] == "健康水平" for r in rows[:3])
    assert rows[3]["indicator"] == "nurses_per_1000"  # from the sentence
    fields = {**PLAN_FIELDS, "code": "table-plan-draft"}
    # an unknown indicator code, and a floor on an indicator where lower is better: refused, named
    data = _review_post(review, keep_tasks=set(), **fields)
    data["target-0-indicator"] = "no_such_indicator"
    data["target-1-comparator"] = "ge"
    refused = client.post("/ledger/drafts/", data)
    page = refused.content.decode()
    assert refused.status_code == 400 and "no_such_indicator" in page
    assert not Plan.objects.filter(code="table-plan-draft").exists()
    created = client.post("/ledger/drafts/", _review_post(review, keep_tasks=set(), **fields))
    assert created.status_code == 302, created.content.decode()[:2000]
    targets = {
        t.label: t for t in Plan.objects.get(code="table-plan-draft").targets.select_related("indicator")
    }
    mortality = targets["孕产妇死亡率（/10万）"]
    assert (mortality.indicator.code, mortality.baseline_value, mortality.baseline_year) == (
        "maternal_mortality",
        12,
        2020,
    )
    assert (mortality.comparator, mortality.target_value, mortality.area) == ("le", 14.5, "健康水平")
    assert targets["健康预期寿命（岁）"].kind == "increase"


@pytest.mark.django_db
def test_a_project_site_is_placed_inside_its_region(web):
    from tixi.geo.engine.shapes import centroid, contains
    from tixi.geo.models import Boundary

    project = Project.objects.select_related("plan__region").get(number=3)
    region = project.plan.region
    township = (
        Boundary.objects.filter(division__parent=region)
        .exclude(division=project.division)
        .select_related("division")
        .first()
    )
    x, y = centroid(township.geometry)
    assert contains(township.geometry, x, y)
    client = web("planner")
    url = f"/ledger/projects/{project.pk}/"
    placed = client.post(url, {"action": "position", "longitude": f"{x:.6f}", "latitude": f"{y:.6f}"})
    assert placed.status_code == 302
    project.refresh_from_db()
    assert project.division == township.division and round(project.longitude, 6) == round(x, 6)
    far = client.post(url, {"action": "position", "longitude": "101.72", "latitude": "26.58"})  # 攀枝花
    assert far.status_code == 400 and region.name in far.content.decode()
    words = client.post(url, {"action": "position", "longitude": "东经107度", "latitude": "31"})
    assert words.status_code == 400
    project.refresh_from_db()
    assert project.division == township.division  # nothing changed by the refused points


@pytest.mark.django_db
def test_a_planner_sets_what_a_project_adds_on_its_page(web, users):
    project = Project.objects.get(number=1)
    client = web("planner")
    client.cookies["django_language"] = "zh-hans"
    done = client.post(
        f"/ledger/projects/{project.pk}/", {"action": "addition", "what": "icu_beds", "amount": "40"}
    )
    assert done.status_code == 302
    assert dict(project.additions.values_list("what", "amount")) == {"icu_beds": 40}
    page = client.get(f"/ledger/projects/{project.pk}/").content.decode()
    assert 'id="additions"' in page and "重症床位" in page
    bad = client.post(
        f"/ledger/projects/{project.pk}/", {"action": "addition", "what": "icu_beds", "amount": "四十"}
    )
    assert bad.status_code == 400 and "数量须为整数" in bad.content.decode()
    assert dict(project.additions.values_list("what", "amount")) == {"icu_beds": 40}

"""The paths a responsible unit trips on when reporting: a refused report comes back as typed with its
reason inside its own form, in the page's language (never Python's words); a period not yet begun is
refused; the form suggests the quarter just ended and the task's own state; the sub-task table's
headings are capitalised; a project's milestone example is in the page's language."""

import datetime as dt

import pytest

from tixi.ledger import services
from tixi.ledger.models import Progress, Project, Task

pytestmark = pytest.mark.django_db


@pytest.fixture
def task_and_lead(users):
    task = Task.objects.filter(plan__code="dazhou-2025-system", title="提高公共卫生专业服务能力").get()
    lead = task.lead_units.get()
    lead.members.add(users["planner"])
    return task, lead


def form(html: str, form_id: str) -> str:
    start = html.index(f'id="{form_id}"')
    return html[start : html.index("</form>", start)]


def test_a_refused_report_keeps_what_was_typed_and_says_why_beside_it(web, task_and_lead, settings):
    settings.TIXI_TODAY = dt.date(2025, 10, 15)
    task, lead = task_and_lead
    client = web("planner")
    client.cookies["django_language"] = "zh-hans"
    before = Progress.objects.filter(task=task).count()
    typed = {
        "action": "report",
        "unit": lead.pk,
        "period": "2025-9",
        "percent": "40",
        "narrative": "已完成四成",
    }
    page = client.post(f"/ledger/tasks/{task.pk}/", typed)
    html = page.content.decode()
    assert page.status_code == 400 and Progress.objects.filter(task=task).count() == before
    progress_form = form(html, "progress-form")
    assert "期间格式为" in progress_form
    assert (
        'value="2025-9"' in progress_form and 'value="40"' in progress_form and "已完成四成" in progress_form
    )
    # a percent that is no whole number is refused in Chinese, not with Python's "invalid literal"
    page = client.post(f"/ledger/tasks/{task.pk}/", {**typed, "period": "2025-09", "percent": "4o"})
    html = page.content.decode()
    assert page.status_code == 400 and "invalid literal" not in html
    assert "完成比例须为 0 至 100 的整数" in form(html, "progress-form")
    # a deadline left empty when raising a problem: a Chinese reason in that form, the text kept
    page = client.post(
        f"/ledger/tasks/{task.pk}/", {"action": "raise", "problem": "人员不足", "deadline": ""}
    )
    html = page.content.decode()
    assert page.status_code == 400 and "isoformat" not in html
    raise_form = form(html, "raise-form")
    assert "完成时限须为日期" in raise_form and "人员不足" in raise_form


def test_a_period_not_yet_begun_is_refused(users, task_and_lead, settings):
    from django.core.exceptions import ValidationError

    settings.TIXI_TODAY = dt.date(2025, 10, 15)
    task, lead = task_and_lead
    with pytest.raises(ValidationError) as refused:
        services.report_progress(task, users["planner"], lead, "2025-12", "in_progress", 50, "x", "")
    assert "period" in refused.value.message_dict
    services.report_progress(task, users["planner"], lead, "2025-10", "in_progress", 50, "x", "")


def test_the_form_suggests_the_quarter_just_ended_and_the_task_s_state(web, task_and_lead, settings):
    settings.TIXI_TODAY = dt.date(2025, 10, 15)
    task, _lead = task_and_lead
    task.status = "in_progress"
    task.save(update_fields=["status"])
    html = web("planner").get(f"/ledger/tasks/{task.pk}/").content.decode()
    progress_form = form(html, "progress-form")
    assert 'placeholder="2025-09"' in progress_form
    assert '<option value="in_progress" selected>' in progress_form
    assert services.last_quarter_ended(dt.date(2025, 2, 1)) == "2024-12"
    assert services.last_quarter_ended(dt.date(2025, 7, 1)) == "2025-06"


def test_english_headings_and_examples(web, users, task_and_lead):
    task, _lead = task_and_lead
    client = web("planner")
    client.cookies["django_language"] = "en"
    html = client.get(f"/ledger/tasks/{task.pk}/").content.decode()
    assert ">Clause no.<" in html and ">Task<" in html
    assert ">clause<" not in html and ">task<" not in html
    project = Project.objects.filter(plan__region__code="511703000000").order_by("pk").first()
    project.unit.members.add(users["dachuan"])  # one who reports on it sees the forms
    chinese = web("dachuan")
    chinese.cookies["django_language"] = "zh-hans"
    assert 'placeholder="开工"' in chinese.get(f"/ledger/projects/{project.pk}/").content.decode()
    english = web("dachuan")
    english.cookies["django_language"] = "en"
    html = english.get(f"/ledger/projects/{project.pk}/").content.decode()
    assert 'placeholder="start of works"' in html and 'placeholder="开工"' not in html

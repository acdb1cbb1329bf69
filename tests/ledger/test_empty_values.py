"""A label never stands with nothing beside it on the ledger's task page: a progress report without an
attachment says "无" / "none" under 附件 / Attachments (phone and desktop alike), a stacked cell left empty
(no problems reported) says so too, and a task without a lead unit shows "—" after its label."""

import re

import pytest

from tests import factories
from tixi.ledger.models import Progress, TaskStatus

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]

EMPTY_STACKED_CELL = re.compile(r'<td[^>]*data-label="([^"]*)"[^>]*>\s*</td>')


@pytest.fixture
def task(region, users):
    plan = factories.plan(region["city"])
    lead = factories.unit("市卫生健康委", region["city"], members=[users["planner"]])
    task = factories.task(plan, lead=[lead])
    Progress.objects.create(
        task=task,
        unit=lead,
        period="2025-06",
        status=TaskStatus.IN_PROGRESS,
        percent=40,
        narrative="已完成选址",
    )
    return task


@pytest.mark.parametrize(("language", "none"), [("zh-hans", "无"), ("en", "none")])
def test_a_progress_report_without_attachments_or_problems_says_none(page_in, task, language, none):
    html = page_in(f"/ledger/tasks/{task.pk}/", language)
    progress = re.search(r'<table id="progress".*?</table>', html, re.S).group(0)
    assert "已完成选址" in progress
    assert not EMPTY_STACKED_CELL.findall(progress), EMPTY_STACKED_CELL.findall(progress)
    attachments = re.search(r"<td data-no-export[^>]*>(.*?)</td>", progress, re.S).group(1)
    assert f'<span class="muted" data-no-export>{none}</span>' in attachments


def test_a_task_without_a_lead_unit_shows_a_dash_after_the_label(page_in, region, users):
    bare = factories.task(factories.plan(region["city"], code="bare-plan"))
    bare.lead_units.clear()
    html = page_in(f"/ledger/tasks/{bare.pk}/", "zh-hans")
    assert re.search(r"牵头单位：—", html), re.search(r"牵头单位：.{0,40}", html).group(0)


@pytest.mark.parametrize(("language", "heading"), [("zh-hans", "完成比例"), ("en", "Percent done")])
def test_the_share_done_is_labelled_in_words_not_a_bare_percent_sign(page_in, task, language, heading):
    """On a phone each cell is "label: value"; a bare "%" label says nothing of what the figure is."""
    html = page_in(f"/ledger/tasks/{task.pk}/", language)
    progress = re.search(r'<table id="progress".*?</table>', html, re.S).group(0)
    assert f'data-label="{heading}"' in progress
    assert 'data-label="%"' not in progress

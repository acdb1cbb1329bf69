"""A label's colon is the page's own: full width on a Chinese page ("牵头单位：…", as the seeds write
it), ": " on an English one. The screenshot pass (scripts/screenshot_pass.py) found "牵头单位: " and
"成员: " with a half-width colon on the task and unit pages, and 24 more in ten templates."""

import re

import pytest

from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


@pytest.fixture
def task(region, users):
    plan = factories.plan(region["city"])
    lead = factories.unit("市卫生健康委", region["city"], members=[users["planner"]])
    return factories.task(plan, lead=[lead])


def test_task_and_unit_pages_write_the_colon_of_their_language(page_in, task):
    unit = task.lead_units.get()
    for url in (f"/ledger/tasks/{task.pk}/", f"/ledger/units/{unit.pk}/"):
        chinese = page_in(url, "zh-hans")
        english = page_in(url, "en")
        # no Chinese label followed by a half-width colon
        assert not re.findall(r"[\u4e00-\u9fff]: ", chinese), url
        assert "：" not in english, url
    chinese = page_in(f"/ledger/tasks/{task.pk}/", "zh-hans")
    assert "牵头单位：" in chinese and "完成时限：" in chinese
    assert "Lead units: " in page_in(f"/ledger/tasks/{task.pk}/", "en")
    assert "成员：" in page_in(f"/ledger/units/{unit.pk}/", "zh-hans")


def test_a_forms_label_ends_with_the_full_width_colon_in_chinese(page_in, task):
    """Django's own Chinese catalogue keeps the forms' label suffix ":" half width ("联系人:")."""
    unit = task.lead_units.get()
    chinese = page_in(f"/ledger/units/{unit.pk}/", "zh-hans")
    assert re.search(r"联系人：</label>", chinese)
    assert not re.search(r"[\u4e00-\u9fff]:</label>", chinese)
    assert re.search(
        r"Contact people:</label>|contact people:</label>", page_in(f"/ledger/units/{unit.pk}/", "en")
    )


def test_the_approval_page_and_the_institution_list_write_the_full_width_colon(page_in, task):
    for url, label in (("/approvals/", "状态："), ("/institutions/", "按当前筛选下载：")):
        chinese = page_in(url, "zh-hans")
        assert label in chinese, url
        assert not re.findall(r"[\u4e00-\u9fff]:\s", chinese), url


def test_a_task_without_cooperating_units_says_so(page_in, task):
    """Session 15's planner journey: a late county task read "配合单位： · 完成时限：…", a label with
    nothing after it, as if the page had failed to load the units."""
    chinese = re.sub(r"\s+", " ", page_in(f"/ledger/tasks/{task.pk}/", "zh-hans"))
    assert "配合单位：— ·" in chinese
    english = re.sub(r"\s+", " ", page_in(f"/ledger/tasks/{task.pk}/", "en"))
    assert "Cooperating units: — ·" in english


def test_the_parent_task_label_starts_with_a_capital_in_english(page_in, task):
    """The English task page read "parent task: 七 …" where every other label is capitalised."""
    child = factories.task(task.plan, lead=list(task.lead_units.all()), parent=task)
    english = page_in(f"/ledger/tasks/{child.pk}/", "en")
    assert "Parent task: " in english and "parent task:" not in english
    assert "上级任务：" in page_in(f"/ledger/tasks/{child.pk}/", "zh-hans")

"""A project's 新建/改扩建 is its 建设性质: the project page labelled it 指标性质 (an indicator's nature,
the msgid "nature" they shared; the screenshot pass, session 14)."""

import pytest

from tests import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


def test_a_projects_nature_is_its_nature_of_construction(web, region):
    project = f.project(f.plan(region["city"]), nature="新建")
    client = web("planner")
    html = client.get(f"/ledger/projects/{project.pk}/").content.decode()
    assert "建设性质" in html and "指标性质" not in html
    client.cookies["django_language"] = "en"
    assert "Nature of construction" in client.get(f"/ledger/projects/{project.pk}/").content.decode()

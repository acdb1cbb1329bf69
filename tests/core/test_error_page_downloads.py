"""A page that is not found (out of the reader's scope) offers nothing to download: the institution
account's 404 on its city's plan read "下载：Excel · CSV" above "页面不存在" (journey17's sweep)."""

import pytest

from tests import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo, pytest.mark.usefixtures("catalogue_once")]


def test_a_page_not_found_has_no_download_bar_and_the_page_itself_has(web, region):
    plan = f.plan(region["city"], code="kit-export-plan")
    found = web("planner").get(f"/plans/{plan.code}/")
    assert found.status_code == 200 and 'class="export-bar"' in found.content.decode()
    for path in (f"/plans/{plan.code}/", f"/plans/{plan.code}/targets/1/"):
        missing = web("institution").get(path)
        assert missing.status_code == 404, path
        assert 'class="export-bar"' not in missing.content.decode(), path

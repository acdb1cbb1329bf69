"""The access page's cells (issue 12 §3): a share not computed reads "—", not "—%", and a town without a
service radius shows none, not "≤None 公里" (it did, for 攀枝花's towns)."""

import pytest

from tests.conftest import PANZHIHUA
from tixi.core.templatetags.tixi_tags import percent

pytestmark = pytest.mark.django_db


def test_a_share_not_computed_reads_a_dash_without_a_unit():
    assert percent(None) == "—" and percent(12.5) == "12.5%" and percent(1234.5) == "1,234.5%"


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_coverage_page_shows_no_none_and_no_bare_percent(web, language):
    client = web("planner")
    client.cookies["django_language"] = language
    page = client.get(f"/layout/{PANZHIHUA}/coverage/", {"year": 2025})
    assert page.status_code == 200
    text = page.content.decode()
    assert "None" not in text and "—%" not in text

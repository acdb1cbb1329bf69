"""A chart's target caption on the hospital page is written in the page's language: "目标值 1.1（2025年）：…"
on a Chinese page, "Target 1.1 (2025): …" on an English one. The screenshot pass found
"目标值 25.0 (2025): 三级公立医院微创手术占比" (half-width brackets and colon) on every hospital page."""

import re

import pytest

from tests.security.test_hospital_targets_scope import CMI, hospital  # noqa: F401 - the kit's fixture

pytestmark = [pytest.mark.without_demo, pytest.mark.usefixtures("catalogue_once")]


def caption(client, code, language):
    client.cookies["django_language"] = language
    page = client.get(f"/hospitals/{code}/")
    assert page.status_code == 200
    html = page.content.decode()
    return re.findall(r'<span class="muted">([^<]*' + re.escape(CMI) + r")</span>", html)


def test_the_target_caption_reads_in_the_pages_language(web, hospital):  # noqa: F811
    client = web("institution")
    assert caption(client, hospital.code, "zh-hans") == [f"目标值 1.1（2025年）：{CMI}"]
    assert caption(client, hospital.code, "en") == [f"Target 1.1 (2025): {CMI}"]

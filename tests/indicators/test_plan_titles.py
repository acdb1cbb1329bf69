"""A plan's title in the page's language (issue 12 point 3: no Chinese chrome in the English interface):
the English pages, downloads and Word report name a plan by its English title (`title_en`, from the plan
pack), the scorecard's heading then gives the document's own Chinese title in brackets; the Chinese ones
are unchanged; a plan without an English title keeps its Chinese one; the audit trail keeps the Chinese."""

import io
import re
from pathlib import Path

import pytest
import yaml
from django.urls import reverse
from django.utils import translation
from docx import Document

from tests import factories as f
from tixi.indicators import reports

PLANS = Path(__file__).resolve().parents[2] / "tixi" / "indicators" / "data" / "plans"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”]")
TITLE = "攀枝花市“十四五”医疗卫生服务体系规划"
TITLE_EN = "Panzhihua 14th Five-Year Plan for the Medical and Health Service System"
ESCAPED = TITLE.replace("“", "&ldquo;").replace("”", "&rdquo;")


def shows(page: str, title: str) -> bool:
    return title in page or title.replace("“", "&ldquo;").replace("”", "&rdquo;") in page


def test_every_plan_pack_has_an_english_title_without_chinese():
    for pack in sorted(PLANS.glob("*.yaml")):
        data = yaml.safe_load(pack.read_text(encoding="utf-8"))
        assert data.get("title_en"), pack.stem
        assert not CJK.search(data["title_en"]), (pack.stem, data["title_en"])
        assert len(data["title_en"]) <= 200, pack.stem
        if "十四五" in data["title"]:
            assert "14th Five-Year" in data["title_en"], pack.stem


@pytest.mark.without_demo
@pytest.mark.django_db
def test_display_title_follows_the_language_and_falls_back_to_the_chinese(region):
    titled = f.plan(region["city"], title=TITLE, title_en=TITLE_EN)
    untitled = f.plan(region["city"], title="巫山县测试通知")
    with translation.override("en"):
        assert titled.display_title == TITLE_EN and titled.original_title == TITLE
        assert untitled.display_title == "巫山县测试通知" and untitled.original_title == ""
        assert str(titled) == TITLE  # the audit trail's name stays the document's own
    with translation.override("zh-hans"):
        assert titled.display_title == TITLE and titled.original_title == ""


@pytest.mark.without_demo
@pytest.mark.django_db
def test_the_issuing_body_reads_in_the_page_s_language(region):
    plan = f.plan(region["city"], title=TITLE, title_en=TITLE_EN, issuer="达州市达川区人民政府")
    unread = f.plan(region["city"], title="巫山县测试通知", issuer="某某筹备组")
    with translation.override("en"):
        assert plan.display_issuer == "Dazhou City Dachuan District People's Government"
        assert unread.display_issuer == "某某筹备组"  # the tables cannot read it whole: as issued
    with translation.override("zh-hans"):
        assert plan.display_issuer == "达州市达川区人民政府"


@pytest.mark.without_demo
@pytest.mark.django_db
def test_english_pages_name_the_plan_in_english_and_chinese_pages_in_chinese(web, region):
    plan = f.plan(region["city"], code="kit-title-plan", title=TITLE, title_en=TITLE_EN)
    bare = f.plan(region["city"], code="kit-bare-plan", title="测试无英文标题规划")
    task = f.task(plan)
    client = web("planner")
    pages = {
        "scorecard": reverse("scorecard", args=[plan.code]) + "?year=2023",
        "plan list": reverse("plan-list"),
        "task": reverse("task-detail", args=[task.pk]),
    }
    client.cookies["django_language"] = "en"
    for name, url in pages.items():
        page = client.get(url).content.decode()
        assert TITLE_EN in page, name
    scorecard = client.get(pages["scorecard"]).content.decode()
    heading = re.search(r"<h1>(.*?)</h1>\s*<p[^>]*id=\"plan-original-title\">(.*?)</p>", scorecard, re.S)
    assert heading and heading.group(1) == TITLE_EN and shows(heading.group(2), f"({TITLE})"), heading
    breadcrumb = re.search(r'<span aria-current="page">(.*?)</span>', scorecard).group(1)
    assert breadcrumb == TITLE_EN
    listing = client.get(pages["plan list"]).content.decode()
    assert not shows(listing, TITLE)
    assert "测试无英文标题规划" in listing  # no English title: the Chinese one, not a blank
    client.cookies["django_language"] = "zh-hans"
    for name, url in pages.items():
        page = client.get(url).content.decode()
        assert shows(page, TITLE) and TITLE_EN not in page, name
    scorecard = client.get(pages["scorecard"]).content.decode()
    assert re.search(r"<h1>(.*?)</h1>", scorecard).group(1) in (TITLE, ESCAPED)
    assert 'id="plan-original-title"' not in scorecard
    assert bare.display_title == "测试无英文标题规划"


@pytest.mark.without_demo
@pytest.mark.django_db
def test_the_word_report_names_the_plan_in_its_language(region):
    plan = f.plan(region["city"], title=TITLE, title_en=TITLE_EN)

    def paragraphs(language):
        with translation.override(language):
            data = reports.evaluation_docx(plan, region["city"], 2023, [])
        return [p.text for p in Document(io.BytesIO(data)).paragraphs if p.text]

    english = paragraphs("en")
    assert english[0].startswith(TITLE_EN + ": ") and english[1] == f"({TITLE})", english[:3]
    chinese = paragraphs("zh-hans")
    assert chinese[0].startswith(TITLE) and TITLE_EN not in " ".join(chinese), chinese[:3]
    assert not chinese[1].startswith("("), chinese[:3]
    assert plan.title == TITLE  # the report works on a copy


@pytest.mark.without_demo
@pytest.mark.django_db
def test_the_draft_plan_form_takes_an_optional_english_title_checked_as_the_title(region):
    from tixi.ledger.task_views import DraftPlanForm

    planner = f.user("planner", divisions=[region["city"]])
    data = {
        "code": "kit-draft", "title": TITLE, "issuer": "测试人民政府", "period_start": 2021,
        "period_end": 2025, "region_code": region["city"].code,
    }  # fmt: skip
    assert DraftPlanForm(data, user=planner).is_valid()  # optional
    with translation.override("zh-hans"):
        form = DraftPlanForm({**data, "title_en": "x" * 201}, user=planner)
        assert not form.is_valid() and "title_en" in form.errors
        assert form.fields["title_en"].label == "英文标题"
    form = DraftPlanForm({**data, "title_en": TITLE_EN}, user=planner)
    assert form.is_valid(), form.errors
    assert form.save(commit=False).title_en == TITLE_EN

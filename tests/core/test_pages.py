"""What users trip on, page by page: links, messages, breadcrumbs, separators, error pages."""

import datetime as dt
import re

import pytest

from tests.conftest import DACHUAN, MIYI, PANZHIHUA

pytestmark = pytest.mark.django_db


def test_institution_page_links_its_yearly_report_forms(web):
    client = web("institution")
    page = client.get("/institutions/510402100001/").content.decode()
    links = re.findall(r'href="/institutions/510402100001/resources/(\d{4})/"', page)
    assert "2024" in links and "2020" in links
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "<table" not in title and title.startswith("攀枝花市中心医院")
    assert page.count('id="history"') == 1


def test_a_refusal_is_not_a_green_success(web):
    client = web("county")
    page = client.post("/approvals/", {"division": MIYI, "year": "2024", "action": "approve"}, follow=True)
    html = page.content.decode()
    assert re.search(r'<li class="error" role="alert">[^<]+</li>', html), html[html.find("messages") :][:400]


def test_dashboard_figures_have_thousands_separators_and_the_page_a_favicon(web):
    html = web("planner").get(f"/divisions/{PANZHIHUA}/", {"year": "2024"}).content.decode()
    population = re.search(r'<div class="value">([\d,]+)</div>', html).group(1)
    assert re.fullmatch(r"\d{1,3}(,\d{3})+", population)
    assert 'rel="icon"' in html


@pytest.mark.parametrize(
    ("url", "last"),
    [
        ("/plans/dachuan-14th-health/", "达州市达川区“十四五”卫生健康发展规划"),
        ("/institutions/510402100001/", "攀枝花市中心医院"),
        (f"/divisions/{MIYI}/", "米易县"),
        ("/institutions/510402100001/resources/2024/", "2024年度报表"),
        ("/institutions/510402100001/edit/", "编辑"),
        ("/institutions/new/", "新增机构"),
        ("/ledger/drafts/", "读取规划文件"),
        ("/ledger/plans/panzhihua-14th-system/tasks/new/", "新增任务"),
        ("task-edit", "编辑"),
        ("unit", "攀枝花市中心医院"),
    ],
)
def test_breadcrumb_names_the_page(web, url, last):
    from tixi.ledger.models import Task, Unit

    if url == "task-edit":
        url = f"/ledger/tasks/{Task.objects.filter(plan__code='panzhihua-14th-system').first().pk}/edit/"
    elif url == "unit":
        url = f"/ledger/units/{Unit.objects.get(name='攀枝花市中心医院').pk}/"
    html = web("planner").get(url).content.decode()
    crumb = re.search(r'<nav class="breadcrumb"[^>]*>(.*?)</nav>', html, re.S).group(1)
    assert re.search(r'<span aria-current="page">([^<]+)</span>', crumb).group(1).strip() == last


def test_not_found_in_chinese(web):
    response = web("planner").get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "页面不存在" in html and "Not Found" not in html


def test_places_are_chosen_by_name_within_scope(web):
    html = web("county").get("/plans/panzhihua-14th-system/", {"division": MIYI}).content.decode()
    assert 'data-place-picker="place-division"' in html and 'value="米易县"' in html
    assert '<option value="米易县" data-code="510421000000">' in html
    assert "盐边县" not in html.split("<datalist")[1].split("</datalist>")[0]  # only places the user sees
    assert 'name="division" id="place-division" value="510421000000"' in html


def test_a_division_shows_its_own_validity_dates(web):
    html = web("county").get("/divisions/", {"year": "2024"}).content.decode()
    assert "1949-10-01" not in html  # the model's default start is no division's own date
    # 米易's first town became a street in 2021 (乡改街道); its name is the demo's synthetic one
    from tixi.geo.models import Division

    street = Division.objects.get(parent__code=MIYI, level=4, name__endswith="街道", valid_from="2021-01-01")
    row = re.search(rf"{street.name}.*?</tr>", html, re.S).group(0)
    assert "2021-01-01" in row


def test_english_pages_use_the_catalogue_s_english_names(web):
    client = web("planner")
    client.cookies["django_language"] = "en"
    data_sets = client.get("/datasets/").content.decode()
    assert "Yearly health statistics of a county" in data_sets and "区县卫生健康统计年报" not in data_sets
    assert "life expectancy" in data_sets and "人均预期寿命" not in data_sets
    scorecard = client.get("/plans/dachuan-14th-health/").content.decode()
    assert "registered nurses per 1,000" in scorecard
    client.cookies["django_language"] = "zh-hans"
    assert "区县卫生健康统计年报" in client.get("/datasets/").content.decode()


def test_an_institution_s_staff_are_offered_no_page_of_a_region(web):
    """They see their institution only: the region's pages answer 404 to them, so neither the
    navigation nor a list links there (before: 规划, 数据校验, 审核 and the plan's title led to 404)."""
    client = web("institution")
    page = client.get("/institutions/510402100001/").content.decode()
    nav = re.search(r"<nav>(.*?)</nav>", page, re.S).group(1)
    for path in ("/divisions/", "/plans/", "/validation/", "/approvals/", "/datasets/", "/datavalues/"):
        assert f'href="{path}"' not in nav, path
    assert 'href="/institutions/"' in nav and 'href="/ledger/"' in nav
    assert 'href="/divisions/' not in page.split("</nav>", 1)[1]  # the township is named, not linked
    plans = client.get("/plans/").content.decode()
    assert "攀枝花市“十四五”医疗卫生服务体系规划" in plans and 'href="/plans/panzhihua' not in plans
    assert client.get("/plans/panzhihua-14th-system/").status_code == 404  # why the link is gone
    assert 'href="/institutions/new/"' not in client.get("/institutions/").content.decode()
    planner = web("planner").get("/plans/").content.decode()
    assert 'href="/plans/panzhihua-14th-system/"' in planner


def test_a_task_s_targets_are_offered_by_their_labels(web):
    from tixi.ledger.models import Task

    task = Task.objects.filter(plan__code="panzhihua-14th-system").first()
    html = web("planner").get(f"/ledger/tasks/{task.pk}/edit/").content.decode()
    options = re.search(r'<select name="targets".*?</select>', html, re.S).group(0)
    assert "panzhihua-14th-system" not in re.sub(r'value="[^"]*"', "", options)
    assert ">专业公共卫生机构人员数（万人）</option>" in options


def test_the_audit_filter_offers_only_kinds_of_rows_users_write(web):
    html = web("planner").get("/audit/").content.decode()
    kinds = re.search(r'<select name="model">(.*?)</select>', html, re.S).group(1)
    assert "resource cube" not in kinds and "ResourceCube" not in kinds
    assert "任务" in kinds


def test_a_table_of_words_stacks_on_a_phone_and_a_table_of_figures_keeps_its_columns(web):
    client = web("planner")
    ledger = client.get("/ledger/").content.decode()
    assert '<table id="tasks" class="stack"' in ledger
    assert re.search(r'<td class="date" data-label="完成时限"><span>\d{4}-\d\d-\d\d</span></td>', ledger)
    dashboard = client.get(f"/divisions/{PANZHIHUA}/", {"year": "2024"}).content.decode()
    children = re.search(r'<table id="children-table"[^>]*>', dashboard).group(0)
    assert "stack" not in children
    # the rates of every division at two decimals (2.40, not 2.4 beside 2.33)
    body = dashboard.split('id="children-table"', 1)[1].split("<tbody>", 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
    for row in rows:
        rates = re.findall(r'<td class="num">([\d,.]+)</td>', row)[3:]
        assert rates and all(re.fullmatch(r"\d+\.\d\d", r) for r in rates), row


def test_a_county_without_its_city_in_the_tree_sits_with_the_cities(web):
    html = web("planner").get("/divisions/", {"year": "2024"}).content.decode()

    def indent(name):
        return int(re.search(rf'<td[^>]*style="padding-left:(\d+)rem">[^\n]*?>{name}</a>', html).group(1))

    assert indent("巫山县") == indent("攀枝花市")  # 重庆市 is not in the demo
    assert indent("米易县") == indent("攀枝花市") + 1


def test_a_region_without_projects_says_so_instead_of_empty_tables_and_a_blank_map(web):
    html = web("planner").get("/ledger/projects/").content.decode()
    assert "本地区的规划未列出重大建设项目。" in html and 'id="project-map"' not in html
    dachuan = web("dachuan").get("/ledger/projects/").content.decode()
    assert 'id="project-map"' in dachuan and "本地区的规划未列出重大建设项目。" not in dachuan


def test_the_english_dashboard_s_figures_are_labelled_with_a_capital(web, settings):
    settings.TIXI_TODAY = dt.date(2025, 10, 15)  # the demo's today: the dashboard opens on 2025's reports
    client = web("dachuan")
    client.cookies["django_language"] = "en"
    html = client.get(f"/divisions/{DACHUAN}/").content.decode()
    labels = re.findall(r'<div class="label">([^<]+)</div>', html)
    assert "Hospitals" in labels and "Level 3 grade B" in labels  # were "hospitals", "level 3 grade B"
    assert all(label[0].isupper() for label in labels if label[0].isalpha()), labels

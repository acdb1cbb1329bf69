"""What users trip on, page by page: links, messages, breadcrumbs, separators, error pages."""

import re

import pytest

from tests.conftest import MIYI, PANZHIHUA

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
    ],
)
def test_breadcrumb_names_the_page(web, url, last):
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
    assert "yearly health statistics of a county" in data_sets and "区县卫生健康统计年报" not in data_sets
    assert "life expectancy" in data_sets and "人均预期寿命" not in data_sets
    scorecard = client.get("/plans/dachuan-14th-health/").content.decode()
    assert "registered nurses per 1,000" in scorecard
    client.cookies["django_language"] = "zh-hans"
    assert "区县卫生健康统计年报" in client.get("/datasets/").content.decode()

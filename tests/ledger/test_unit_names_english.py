"""Issue 12 point 3: English pages name the ledger's responsible units (government organs) in English;
the Chinese pages and `__str__` (the audit) keep the Chinese; a name the tables cannot read whole stays
Chinese, never a half-translated mix."""

import html
import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests import factories as f
from tests.security.planting import PAYLOAD, RAW
from tixi.geo.engine.units import unit_english

# Unit names of the demo's plans (sqlite3 var/tixi.sqlite3 "select distinct name from ledger_unit")
# and the seeds' tasks (tests/ledger/seed_truth/*.yaml), with the English they must get.
REAL = {
    # a unit named with its city and district: two places, never one proper name ("Dazhoushidachuan District")
    "达州市达川区人民政府": "Dazhou City Dachuan District People's Government",
    "攀枝花市人民政府办公室": "Panzhihua City People's Government General Office",
    "达州市卫生健康委员会": "Dazhou City Health Commission",
    "市卫生健康委": "Municipal Health Commission",
    "市发展改革委": "Municipal Development and Reform Commission",
    "市财政局": "Municipal Finance Bureau",
    "市人力资源社会保障局": "Municipal Human Resources and Social Security Bureau",
    "县人力社保局": "County Human Resources and Social Security Bureau",
    "市教育局": "Municipal Education Bureau",
    "县公安局": "County Public Security Bureau",
    "市民政局": "Municipal Civil Affairs Bureau",
    "市医保局": "Municipal Healthcare Security Administration",
    "市市场监管局": "Municipal Administration for Market Regulation",
    "市中医药局": "Municipal Administration of Traditional Chinese Medicine",
    "市委编办": "Municipal Party Committee Office for Public Sector Reform",
    "市疾病预防控制中心": "Municipal Center for Disease Control and Prevention",
    "达川区卫生健康局": "Dachuan District Health Commission",
    "米易县卫生健康局": "Miyi County Health Commission",
    "达川区人民政府": "Dachuan District People's Government",
    "渠县人民政府": "Quxian County People's Government",
    "市人力资源和社会保障局": "Municipal Human Resources and Social Security Bureau",
    "达州金融监管分局": "Dazhou Branch of the National Administration of Financial Regulation",
    "巴中经开区管委会": "Administrative Committee of Bazhong Economic and Technological Development Zone",
    "达川区人民医院": "Dachuan District People's Hospital",
    "各县（区）人民政府": "the people's governments of each county and district",
    "各县（市、区）人民政府（管委会）": (
        "the people's governments (administrative committees) of each county, city and district"
    ),
    "市中医药局、市人力资源社会保障局、市教育局、市财政局": (
        "Municipal Administration of Traditional Chinese Medicine, Municipal Human Resources and Social"
        " Security Bureau, Municipal Education Bureau, Municipal Finance Bureau"
    ),
}


@pytest.mark.parametrize("chinese", REAL)
def test_real_unit_names_in_english(chinese):
    assert unit_english(chinese) == REAL[chinese]


def test_every_unit_the_seeds_name_is_read():
    import pathlib

    import yaml

    names = set()
    for path in pathlib.Path(__file__).parent.glob("seed_truth/*.yaml"):
        for task in yaml.safe_load(path.read_text(encoding="utf-8")).get("tasks") or []:
            names.update(task.get("lead") or [], task.get("cooperating") or [])
    assert len(names) > 40
    assert [n for n in sorted(names) if not unit_english(n)] == []


@pytest.mark.parametrize(
    "chinese",
    [
        "巴中金融监管分局",
        "达川区妇幼保健计划生育服务中心",
        "市教育局、某某商会",
        "卫生健康局",
        "",
        "x市财政局",
    ],
)
def test_a_unit_the_tables_cannot_read_whole_gets_no_english(chinese):
    """巴中金融监管分局 is not in the whole-name table; 达川区妇幼保健计划生育服务中心 is an institution
    kind no table holds; a list with one unreadable part is not half translated."""
    assert unit_english(chinese) is None


def text_of(page: str) -> str:
    page = re.sub(r"<script.*?</script>|<code>.*?</code>", "", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def _ledger(region, names):
    county = region["county"]
    county.name = "达川区"
    county.save()
    plan = f.plan(county)
    units = [f.unit(n, county) for n in names]
    task = f.task(plan, lead=units[:1], cooperating=units[1:])
    return plan, units, task


@pytest.mark.without_demo
@pytest.mark.django_db
def test_display_name_follows_the_language_and_str_stays_chinese(region):
    _, (unit,), _ = _ledger(region, ["达川区卫生健康局"])
    with translation.override("en"):
        assert unit.display_name == "Dachuan District Health Commission"
        assert str(unit) == "达川区卫生健康局"
    with translation.override("zh-hans"):
        assert unit.display_name == "达川区卫生健康局"


NAMES = ["达川区卫生健康局", "各县（市、区）人民政府（管委会）", "达川区人民政府"]


@pytest.mark.without_demo
@pytest.mark.django_db
def test_english_ledger_pages_name_units_in_english(web, region):
    plan, units, task = _ledger(region, NAMES)
    client = web("planner")
    pages = {
        "ledger": reverse("ledger") + f"?plan={plan.code}",
        "task": reverse("task-detail", args=[task.pk]),
        "unit": reverse("unit-page", args=[units[0].pk]),
    }
    english = [unit_english(n) for n in NAMES]
    client.cookies["django_language"] = "en"
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        text = text_of(response.content.decode())
        for chinese in NAMES if name != "unit" else NAMES[:1]:
            assert chinese not in text, (name, chinese)
        assert english[0] in text, name
        if name != "unit":
            assert all(e in text for e in english), name
    client.cookies["django_language"] = "zh-hans"
    for name, url in pages.items():
        text = text_of(client.get(url).content.decode())
        assert NAMES[0] in text and "Health Commission" not in text, name


@pytest.mark.without_demo
@pytest.mark.django_db
def test_english_ledger_download_names_units_in_english(web, region):
    plan, _, _ = _ledger(region, NAMES)
    client = web("planner")
    client.cookies["django_language"] = "en"
    response = client.get(reverse("ledger") + f"?plan={plan.code}&format=csv")
    assert response.status_code == 200 and "csv" in response["Content-Type"]
    body = b"".join(response.streaming_content if response.streaming else [response.content]).decode(
        "utf-8-sig"
    )
    assert "Dachuan District Health Commission" in body and "达川区卫生健康局" not in body


@pytest.mark.without_demo
@pytest.mark.django_db
def test_a_planted_unit_name_stays_escaped_on_the_english_pages(web, region):
    _, units, task = _ledger(region, [PAYLOAD + "市财政局"])
    client = web("planner")
    client.cookies["django_language"] = "en"
    for url in (
        reverse("task-detail", args=[task.pk]),
        reverse("unit-page", args=[units[0].pk]),
        reverse("ledger"),
    ):
        page = client.get(url).content.decode()
        assert RAW not in page, url
        assert "&quot;&gt;&lt;img" in page or "&#x27;" in page or html.escape(PAYLOAD) in page, url


@pytest.mark.without_demo
@pytest.mark.django_db
def test_the_ledger_s_unit_filter_is_in_the_reader_s_order_one_choice_a_name(web, region):
    """The filter matches a name, so one name is one choice; English pages order the English names (an order by
    the Chinese would read at random), Chinese pages the Chinese."""
    names = ["市医保局", "市财政局", "市教育局"]
    plan, _, _ = _ledger(region, names)
    f.task(plan, lead=[f.unit("市财政局", region["city"])])  # the same name in another division
    client = web("planner")
    client.cookies["django_language"] = "en"
    units = client.get(reverse("ledger")).context["units"]
    with translation.override("en"):
        assert [u.display_name for u in units] == sorted(unit_english(n) for n in names)
    client.cookies["django_language"] = "zh-hans"
    assert [u.name for u in client.get(reverse("ledger")).context["units"]] == sorted(names)

"""Places and institutions named in English on English pages (issue 12 point 3: no Chinese chrome in
the English one): the engine writes the demo's real names the way China's own rules do (proper part in
pinyin as one word, the generic translated; a one-syllable proper part keeps its generic in the
pinyin: 渠县 Quxian County); an institution is its places and its kind, or stays Chinese; the pages
pick the language through Division/Institution.display_name; the Chinese pages are unchanged."""

import html
import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests import factories as f
from tests.security.planting import PAYLOAD, RAW
from tixi.geo.engine.english import division_english, institution_english, pinyin_word

# Every level-1..3 name of the demo and towns whose reading an official would check, read by eye.
DIVISIONS = {
    "四川省": "Sichuan Province",
    "重庆市": "Chongqing Municipality",
    "攀枝花市": "Panzhihua City",
    "达州市": "Dazhou City",
    "巴中市": "Bazhong City",
    "东区": "Dongqu District",
    "西区": "Xiqu District",
    "仁和区": "Renhe District",
    "米易县": "Miyi County",
    "盐边县": "Yanbian County",
    "通川区": "Tongchuan District",
    "达川区": "Dachuan District",
    "宣汉县": "Xuanhan County",
    "开江县": "Kaijiang County",
    "大竹县": "Dazhu County",
    "渠县": "Quxian County",
    "万源市": "Wanyuan City",
    "巴州区": "Bazhou District",
    "恩阳区": "Enyang District",
    "通江县": "Tongjiang County",
    "南江县": "Nanjiang County",
    "平昌县": "Pingchang County",
    "巫山县": "Wushan County",
    "长寿区": "Changshou District",
    "石桥镇": "Shiqiao Town",
    "渡市镇": "Dushi Town",
    "三里坪街道": "Sanliping Subdistrict",
    "巫峡镇": "Wuxia Town",
    "大昌镇": "Dachang Town",
    "骡坪镇": "Luoping Town",
    "竹贤乡": "Zhuxian Township",
    "红椿土家族乡": "Hongchun Tujia Ethnic Township",
    "朝阳村": "Chaoyang Village",  # 朝 zhāo is the common reading, chāo the place's
    "长七镇": "Changqi Town",
    "西安镇": "Xi'an Town",  # the apostrophe before a syllable starting a, o, e
    "七朝社区": "Qichao Community",
}

INSTITUTIONS = {
    "达川区人民医院": "Dachuan District People's Hospital",
    "攀枝花市第二人民医院": "Panzhihua City Second People's Hospital",
    "达川区中医医院": "Dachuan District Hospital of Traditional Chinese Medicine",
    "米易县中医院": "Miyi County Hospital of Traditional Chinese Medicine",
    "攀枝花市妇幼保健院": "Panzhihua City Maternal and Child Health Hospital",
    "米易县宝新镇中心卫生院": "Miyi County Baoxin Town Central Health Centre",
    "达川区渡市镇卫生院": "Dachuan District Dushi Town Health Centre",
    "东区秀丹街道社区卫生服务中心": "Dongqu District Xiudan Subdistrict Community Health Service Centre",
    "七长社区卫生服务站": "Qichang Community Health Service Station",
    "七东村卫生室": "Qidong Village Clinic",
    "攀枝花市疾病预防控制中心": "Panzhihua City Center for Disease Control and Prevention",
    "攀枝花市中西医结合医院": "Panzhihua City Hospital of Integrated Traditional Chinese and Western Medicine",
    "巫山县精神卫生中心": "Wushan County Mental Health Centre",
    "东区卫生监督所": "Dongqu District Health Supervision Institute",
    "达川区健康教育所": "Dachuan District Health Education Institute",
}

# A proprietor's or a brand's name no table translates: the whole name stays Chinese.
UNREAD = [
    "万源市三沙李氏诊所",
    "攀钢集团总医院",
    "达川区民生中医医院",
    "泉岩社区卫生服务站（二站）",
    "人民医院",
    "市人民医院",
    PAYLOAD + "达川区人民医院",
    "达川区杨柳health_education",
]


def test_division_names_of_the_demo_in_english():
    assert {name: division_english(name) for name in DIVISIONS} == DIVISIONS


def test_a_one_syllable_proper_name_keeps_its_generic_in_the_pinyin():
    assert division_english("渠县") == "Quxian County"
    assert division_english("东区") == "Dongqu District"
    assert division_english("东区") != "Dong District"


def test_names_that_cannot_be_read_get_no_english():
    for name in ("", "区", "测试区划990102", "Dachuan District", PAYLOAD + "达川区", "达川"):
        assert division_english(name) is None, name
    assert pinyin_word("abc") is None


def test_institution_names_of_the_demo_in_english():
    assert {name: institution_english(name) for name in INSTITUTIONS} == INSTITUTIONS


def test_an_institution_the_table_cannot_read_stays_chinese_never_half_translated():
    for name in UNREAD:
        assert institution_english(name) is None, name


@pytest.mark.without_demo
@pytest.mark.django_db
def test_display_name_follows_the_language_and_str_stays_chinese(region):
    county = region["county"]
    county.name = "达川区"
    county.save()
    hospital = f.institution(county, name="达川区人民医院")
    clinic = f.institution(county, name="达川区济民中医医院")
    with translation.override("en"):
        assert county.display_name == "Dachuan District"
        assert hospital.display_name == "Dachuan District People's Hospital"
        assert clinic.display_name == "达川区济民中医医院"
        assert str(county).startswith("达川区") and str(hospital) == "达川区人民医院"
    with translation.override("zh-hans"):
        assert county.display_name == "达川区" and hospital.display_name == "达川区人民医院"


def text_of(page: str) -> str:
    """The page's visible text, tags and scripts dropped, entities read; the audit's recorded values
    (<code>: the row as stored, its Chinese name a datum, not chrome) dropped too."""
    page = re.sub(r"<script.*?</script>|<code>.*?</code>", "", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.mark.without_demo
@pytest.mark.django_db
def test_english_pages_name_places_and_institutions_in_english(web, region):
    county = region["county"]
    county.name = "达川区"
    county.save()
    hospital = f.institution(county, name="达川区人民医院")
    f.yearly_report(hospital, 2023)
    client = web("planner")
    pages = {
        "dashboard": reverse("division-dashboard", args=[county.code]) + "?year=2023",
        "institution": reverse("institution-detail", args=[hospital.code]),
        "institutions": reverse("institution-list") + f"?division={county.code}",
    }
    client.cookies["django_language"] = "en"
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        text = text_of(response.content.decode())
        assert "达川区" not in text, name
        assert "Dachuan District" in text, name
    institution = text_of(client.get(pages["institution"]).content.decode())
    assert "Dachuan District People's Hospital" in institution
    client.cookies["django_language"] = "zh-hans"
    for name, url in pages.items():
        text = text_of(client.get(url).content.decode())
        assert "达川区" in text and "Dachuan" not in text, name


@pytest.mark.without_demo
@pytest.mark.django_db
def test_a_planted_name_stays_escaped_on_the_english_page(web, region):
    county = region["county"]
    county.name = PAYLOAD + "达川区"
    county.save()
    hospital = f.institution(county, name=PAYLOAD + "达川区人民医院")
    client = web("planner")
    client.cookies["django_language"] = "en"
    for url in (
        reverse("division-dashboard", args=[county.code]) + "?year=2023",
        reverse("institution-detail", args=[hospital.code]),
    ):
        page = client.get(url).content.decode()
        assert RAW not in page, url
        assert html.escape(PAYLOAD) in page or "&quot;&gt;&lt;img" in page, url


@pytest.mark.without_demo
@pytest.mark.django_db
def test_the_map_names_its_institutions_in_the_readers_language(web, region):
    county = region["county"]
    hospital = f.institution(county, name="达川区人民医院", longitude=107.5, latitude=31.2)
    f.yearly_report(hospital, 2023)
    client = web("planner")
    url = reverse("division-map", args=[region["city"].code]) + "?year=2023"
    client.cookies["django_language"] = "en"
    names = [p["name"] for p in client.get(url).json()["institutions"]]
    assert names == ["Dachuan District People's Hospital"]
    client.cookies["django_language"] = "zh-hans"
    assert [p["name"] for p in client.get(url).json()["institutions"]] == ["达川区人民医院"]


def test_places_written_one_after_another_are_read_apart_never_as_one_proper_name():
    from tixi.geo.engine.english import places_english

    assert division_english("达州市达川区") is None
    assert places_english("达州市达川区") == "Dazhou City Dachuan District"
    assert places_english("四川省达州市") == "Sichuan Province Dazhou City"
    # a one-character proper name keeps its generic in the name (渡市镇, 市中区): one place
    assert division_english("渡市镇") == "Dushi Town" and places_english("渡市镇") == "Dushi Town"
    assert division_english("市中区") == "Shizhong District"

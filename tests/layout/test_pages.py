"""The layout pages: allocation norms with their gaps, and access to care (table and map data)."""

import json
import re

import pytest
from django.test import Client

from tests.conftest import DACHUAN, MIYI

pytestmark = pytest.mark.django_db


def client_for(users, name, language="zh-hans"):
    client = Client()
    client.cookies["django_language"] = language
    client.force_login(users[name])
    return client


def test_gaps_page_shows_each_norm_with_its_clause_and_who_lacks_it(users):
    page = client_for(users, "planner").get(f"/layout/{DACHUAN}/gaps/?year=2024")
    assert page.status_code == 200
    html = page.content.decode()
    assert "每3万人1辆救护车" in html and "原则上按1辆/3万人的标准配备救护车" in html
    assert "还需" in html  # a gap in words: "达川区 还需 25 辆车"
    assert 'data-norm="dc-village-clinic"' in html


def test_coverage_page_table_and_map_data(users):
    page = client_for(users, "planner").get(f"/layout/{DACHUAN}/coverage/?year=2024")
    assert page.status_code == 200
    html = page.content.decode()
    assert "模拟" in html  # labelled synthetic
    assert 'id="bed-access"' in html and "60分钟可及床位（每千人）" in html  # 2SFCA per township
    data = json.loads(
        re.search(r'id="coverage-data" type="application/json">(.*?)</script>', html, re.S).group(1)
    )
    assert [k["key"] for k in data["kinds"]] == ["primary", "township", "hospital"]
    assert len(data["townships"]) == 24 and all(t["geometry"] for t in data["townships"])
    for t in data["townships"]:
        shares = [t["share"]["township"][m] for m in ("15", "30", "60")]
        assert shares == sorted(shares) and 0 <= shares[-1] <= 100
    assert 'id="ems-radius"' in html and "急救" in html
    assert "<script>" not in html.replace("<script src=", "")  # no inline script (CSP)


def test_english_pages_have_no_chinese_chrome(users):
    page = client_for(users, "planner", "en").get(f"/layout/{MIYI}/coverage/?year=2024")
    html = page.content.decode()
    assert "Access to care" in html and "Residents within reach" in html
    assert not any(word in html for word in ("就医可及性", "可及范围内", "最近的机构", "模拟数据", "分钟内"))
    gaps = client_for(users, "planner", "en").get(f"/layout/{MIYI}/gaps/?year=2024").content.decode()
    assert "Allocation norms" in gaps and "配置标准" not in gaps


def test_out_of_scope_is_404(users):
    for url in (f"/layout/{DACHUAN}/gaps/?year=2024", f"/layout/{DACHUAN}/coverage/?year=2024"):
        assert client_for(users, "county").get(url).status_code == 404


def test_what_if_closing_and_adding_on_the_page(users):
    from tixi.geo.models import Division
    from tixi.layout.access import facilities_of, what_if

    dachuan = Division.objects.at(DACHUAN, 2024)
    centre = facilities_of(dachuan, 2024, "township")[0]
    closed = what_if(dachuan, 2024, "township", 30, close=[centre.code])
    assert closed["change"] <= 0 and closed["after"] == closed["before"] + closed["change"]
    village = (
        Division.objects.valid_in(2024).filter(level=5, path__startswith=dachuan.path).order_by("code")[100]
    )
    added = what_if(dachuan, 2024, "township", 30, add=[village.code])
    assert added["change"] >= 0 and added["added"] == [village.name]
    # closing one and adding it back where it stood gives today's coverage again (incremental = rerun)
    both = what_if(dachuan, 2024, "township", 30, close=[centre.code], add=[centre.division.code])
    assert both["after"] >= closed["after"]
    page = client_for(users, "planner").get(
        f"/layout/{DACHUAN}/coverage/?year=2024&whatif=1&kind=township&minutes=30&close={centre.code}"
    )
    html = page.content.decode()
    assert page.status_code == 200 and 'id="what-if-result"' in html and centre.name in html


@pytest.mark.parametrize(
    "query, field",
    [("kind=township&minutes=-3", "minutes"), ("kind=township&close=NOPE", "close"), ("kind=x", "kind")],
)
def test_what_if_bad_input_names_the_field(users, query, field):
    page = client_for(users, "planner", "en").get(f"/layout/{DACHUAN}/coverage/?year=2024&whatif=1&{query}")
    assert page.status_code == 200
    assert re.search(rf'class="errorlist" role="alert"><li>{field}:', page.content.decode())


def test_english_gaps_page_names_every_norm_in_english(users):
    import yaml

    from tixi.layout.norms import NORMS_FILE

    entries = yaml.safe_load(NORMS_FILE.read_text(encoding="utf-8"))["norms"]
    assert len(entries) == 41 and all(e.get("name_en") for e in entries)
    chinese_names = {e["name"] for e in entries}
    for code in (DACHUAN, MIYI, "500237000000", "511900000000"):
        html = client_for(users, "planner", "en").get(f"/layout/{code}/gaps/?year=2024").content.decode()
        shown = re.findall(r'<span class="norm-name">(.*?)</span>', html)
        assert shown, code
        assert not any(re.search(r"[\u4e00-\u9fff]", name) for name in shown), shown
        # nowhere but in the clauses, quoted verbatim as the source
        outside_clauses = re.sub(
            r'<small[^>]*>.*?</small>|<td class="clause[^"]*"[^>]*>.*?</td>', "", html, flags=re.S
        )
        assert not [name for name in chinese_names if name in outside_clauses]
    zh = client_for(users, "planner").get(f"/layout/{DACHUAN}/gaps/?year=2024").content.decode()
    assert '<span class="norm-name">每3万人1辆救护车</span>' in zh


def test_siting_page_sweep_save_and_make_projects(users):
    from tixi.indicators.models import Plan
    from tixi.layout.models import SitingScenario
    from tixi.ledger.models import Project

    planner = client_for(users, "planner")
    url = f"/layout/{DACHUAN}/site/?year=2024"
    html = planner.get(url + "&kind=township&k=2&minutes=30&candidates=10&sweep=3").content.decode()
    assert 'id="siting-sweep"' in html and 'data-k="3"' in html and "与最优解" in html
    assert 'id="save-scenario"' in html
    form = {
        "kind": "township",
        "k": "2",
        "minutes": "30",
        "candidates": "10",
        "name": "页面方案",
        "action": "save",
    }
    assert client_for(users, "county").post(url, form).status_code == 404  # out of scope
    assert client_for(users, "dachuan").post(url, form).status_code == 403  # in scope, not a planner
    assert not SitingScenario.objects.exists()
    saved = planner.post(url, form).content.decode()
    scenario = SitingScenario.objects.get(name="页面方案")
    assert "已保存为方案" in saved and len(scenario.sites) == 2
    assert f'data-scenario="{scenario.pk}"' in saved and "生成规划项目" in saved
    before = Project.objects.count()
    made = planner.post(url, {"action": "projects", "scenario": scenario.pk, "plan": "dachuan-14th-health"})
    assert "个规划项目" in made.content.decode()
    assert Project.objects.count() == before + 2
    assert (
        Project.objects.filter(
            plan=Plan.objects.get(code="dachuan-14th-health"), name__contains="新建"
        ).count()
        >= 2
    )
    english = client_for(users, "planner", "en").get(url).content.decode()
    assert "Where to build next" in english and "Saved scenarios" in english and "新址" not in english


def test_siting_page_bad_input_is_a_message_not_a_500(users):
    from tixi.layout.models import SitingScenario

    url = f"/layout/{DACHUAN}/site/?year=2024"
    # saving holds to the bounds of computing (k 1-30, candidates 1-500, minutes up to 240)
    for bad in ({"k": "31", "candidates": "40"}, {"minutes": "300"}, {"candidates": "100000"}, {"k": "abc"}):
        form = {"kind": "township", "k": "2", "minutes": "30", "candidates": "10", "name": "越界", **bad}
        page = client_for(users, "planner").post(url, form)
        text = page.content.decode()
        assert page.status_code == 400 and ("须在" in text or "不是数字" in text)
        assert "--" not in text.split("<main")[1] and (
            "新址数（K）：" in text or "候选点数：" in text or "分钟：" in text
        )
    assert not SitingScenario.objects.exists()
    page = client_for(users, "planner").get(f"/layout/{DACHUAN}/site/?year=2024&k=0&minutes=30")
    assert page.status_code == 200 and "须在" in page.content.decode()
    page = client_for(users, "planner").get(f"/layout/{DACHUAN}/site/?year=2024&k=2&minutes=abc")
    assert page.status_code == 200 and "不是数字" in page.content.decode()


def test_the_annexs_projects_narrow_dachuans_bed_and_childcare_gaps(users):
    """达川's own projects, read from their text (300 + 100 + 100 medical beds, the 托位 of each
    托育 centre), narrow the county's gaps on the page; a township is not judged on the county's rate."""
    from tixi.geo.models import Division
    from tixi.layout.norms import as_json, gaps
    from tixi.ledger.models import ProjectAddition
    from tixi.ledger.services import counts_in

    dachuan = Division.objects.at(DACHUAN, 2024)
    norms = {n["code"]: n for n in as_json(dachuan, 2024, gaps(dachuan, 2024))["norms"]}
    for code, what in (("dc-beds", "beds"), ("dc-childcare", "childcare_places")):
        row = norms[code]
        counted = [
            a.amount
            for a in ProjectAddition.objects.filter(what=what, project__plan__region__code=DACHUAN)
            if counts_in(a.project, 2024)
        ]
        assert row["gap"] > 0 and row["planned"] == sum(counted) > 0
        assert row["gap_after_planned"] == max(0, row["gap"] - row["planned"]) < row["gap"]
    assert norms["dc-beds"]["planned"] == 500  # 医疗床位 of 秦巴医养中心 (300), 管村 and 翠屏 (100 each)
    html = client_for(users, "planner").get(f"/layout/{DACHUAN}/gaps/?year=2024").content.decode()
    assert "项目将新增 500 张床位" in html and "秦巴医养中心建设项目" in html
    # drilled down: a township is not judged against the county's per-1,000 rate (issue 12 point 2)
    township = Division.objects.descendants_of(DACHUAN, 2024).filter(level=4).order_by("code").first()
    norm = next(
        n for n in as_json(township, 2024, gaps(township, 2024))["norms"] if n["code"] == "dc-childcare"
    )
    assert norm["passed"] is None and norm["gap"] is None
    page = client_for(users, "planner").get(f"/layout/{township.code}/gaps/?year=2024").content.decode()
    assert "按县（区）一级整体设定（达川区），不在乡镇（街道）一级评判" in page

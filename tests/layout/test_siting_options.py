"""Siting on the demo with capacities and one site per township (command, page, scenario), the sites
told apart by name, township and point, the greedy line when greedy is already optimal, the siting
page's map, and closing roads on the coverage page and with `tixi access whatif`."""

import json
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.conftest import DACHUAN
from tests.layout.test_pages import client_for
from tixi.geo.models import Division

pytestmark = pytest.mark.django_db
SITE = ["layout", "site", "--division", "511703", "--year", "2024"]


def site_json(capsys, *args) -> dict:
    call_command(*SITE, *args, "--format", "json")
    return json.loads(capsys.readouterr().out)


def test_capacity_caps_what_each_site_serves(capsys):
    args = ["--k", "3", "--candidates", "50", "--sweep", "3"]
    free = site_json(capsys, *args, "--per-township", "any")
    capped = site_json(capsys, *args, "--per-township", "any", "--capacity", "20000")
    assert capped["capacitated"] and capped["capacity"] == 20000 and not free["capacitated"]
    served = [s["served"] for s in capped["exact"]["sites"]]
    assert all(0 <= s <= 20000 for s in served) and sum(served) == capped["exact"]["newly_covered"]
    assert capped["exact"]["newly_covered"] <= min(60000, free["exact"]["newly_covered"])
    assert capped["exact"]["bound"] >= capped["exact"]["newly_covered"]
    assert [s["newly_covered"] for s in capped["sweep"]] == sorted(
        s["newly_covered"] for s in capped["sweep"]
    )
    # a capacity above everyone in reach changes nothing
    plenty = site_json(capsys, *args, "--per-township", "any", "--capacity", str(free["population"]))
    assert plenty["exact"]["newly_covered"] == free["exact"]["newly_covered"]
    assert all(s["served"] is not None for s in plenty["exact"]["sites"])


def test_one_site_per_township_by_default_and_sites_told_apart(capsys):
    args = ["--k", "3", "--candidates", "50", "--sweep", "3", "--capacity", "10000"]
    several = site_json(capsys, *args, "--per-township", "any")
    one = site_json(capsys, *args)
    assert one["one_per_township"] and not several["one_per_township"]
    townships = [s["township_code"] for s in several["exact"]["sites"]]
    assert len(set(townships)) < len(townships)  # the demo's best answer puts two in one township
    for data in (one, several):
        steps = [data["exact"]] + data["sweep"]
        for step in steps:
            points = [(s["near"], s["longitude"], s["latitude"]) for s in step["sites"]]
            assert len(set(points)) == len(points)  # two sites in one township still differ by name and point
    for step in [one["exact"]] + one["sweep"]:
        codes = [s["township_code"] for s in step["sites"]]
        assert len(set(codes)) == len(codes)
    # each site's township is the one holding its place
    for site in one["exact"]["sites"]:
        place = Division.objects.at(site["code"], 2024)
        assert place.path.startswith(Division.objects.at(site["township_code"], 2024).path)
    call_command(*SITE, *args, "--per-township", "any")
    table = capsys.readouterr().out
    for site in several["exact"]["sites"]:
        assert f"{site['near']}（{site['township']}，{site['longitude']:.4f}" in table


def test_greedy_already_optimal_is_said_so(capsys):
    # three sites of 10,000 each filled: greedy's answer is the bound (the demo's roads decide which
    # capacities leave greedy optimal; at 15,000 it is 2 % below since the hamlet roads)
    args = ["--k", "3", "--candidates", "50", "--capacity", "10000", "--per-township", "any"]
    data = site_json(capsys, *args)
    assert data["greedy"]["optimal"] and data["greedy"]["below_best_percent"] == 0
    call_command(*SITE, *args)
    table = capsys.readouterr().out
    assert "已证明为最优" in table and "比上界低 0" not in table
    uncapped = site_json(capsys, "--k", "3", "--candidates", "50", "--per-township", "any")
    if uncapped["greedy"]["newly_covered"] < uncapped["exact"]["newly_covered"]:
        assert not uncapped["greedy"]["optimal"] and uncapped["greedy"]["below_best_percent"] > 0


def test_candidate_capacities_from_the_file(tmp_path, capsys):
    dachuan = Division.objects.at(DACHUAN, 2024)
    towns = list(
        Division.objects.valid_in(2024).filter(level=4, path__startswith=dachuan.path).order_by("code")
    )
    file = tmp_path / "candidates.csv"
    rows = [f"{t.code},候选{i},{'3000' if i % 2 else ''}" for i, t in enumerate(towns[:6])]
    file.write_text("code,name,capacity\n" + "\n".join(rows) + "\n", encoding="utf-8")
    data = site_json(capsys, "--k", "3", "--candidates", str(file), "--capacity", "9000")
    for site in data["exact"]["sites"]:
        number = int(site["near"].removeprefix("候选"))
        assert site["capacity"] == (3000 if number % 2 else 9000) and site["served"] <= site["capacity"]
    file.write_text(f"code,capacity\n{towns[0].code},12\n{towns[1].code},很多\n", encoding="utf-8")
    with pytest.raises(CommandError, match="第 3 行，capacity"):
        call_command(*SITE, "--k", "1", "--candidates", str(file))


@pytest.mark.parametrize("value", ["0", "-5", "2.5", "many", "1e300", "4294967296"])
def test_a_bad_capacity_is_refused_by_option(value):
    with pytest.raises(CommandError, match="--capacity"):
        call_command(*SITE, "--k", "1", "--capacity", value)


def test_more_sites_than_townships_is_refused(tmp_path):
    from tixi.layout.access import point_of

    dachuan = Division.objects.at(DACHUAN, 2024)
    town = Division.objects.valid_in(2024).filter(level=4, path__startswith=dachuan.path).order_by("code")[3]
    lon, lat = point_of(town, 2024)
    file = tmp_path / "candidates.csv"
    rows = [f"{town.code},点{i},{lon + 0.01 * i:.5f},{lat:.5f}" for i in range(3)]
    file.write_text("code,name,longitude,latitude\n" + "\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match="每个乡镇"):
        call_command(*SITE, "--k", "2", "--candidates", str(file))
    call_command(*SITE, "--k", "2", "--candidates", str(file), "--per-township", "any")


def test_siting_page_capacity_map_and_greedy_wording(users):
    from tixi.layout.models import SitingScenario

    planner = client_for(users, "planner")
    url = f"/layout/{DACHUAN}/site/?year=2024&kind=township&k=3&minutes=30&candidates=50&sweep=3"
    html = planner.get(url + "&capacity=10000&per_township=any").content.decode()
    assert 'id="siting-capacity"' in html and "服务人数" in html
    greedy = re.search(r'<p class="muted" id="siting-greedy">(.*?)</p>', html, re.S).group(1)
    assert "已证明为最优" in greedy and "低于最优上界" not in greedy
    chart = json.loads(
        re.search(r'id="siting-data" type="application/json">(.*?)</script>', html, re.S).group(1)
    )
    assert len(chart["townships"]) == 24 and all(t["geometry"] for t in chart["townships"])
    assert all(t["after"] >= t["before"] for t in chart["townships"] if t["before"] is not None)
    assert len(chart["sites"]) == 3 and chart["existing"]
    assert all(site[3] is not None and site[3] <= 10000 for site in chart["sites"])
    assert "<script>" not in html.replace("<script src=", "")  # no inline script (CSP)
    english = (
        client_for(users, "planner", "en").get(url + "&capacity=10000&per_township=any").content.decode()
    )
    greedy = re.search(r'<p class="muted" id="siting-greedy">(.*?)</p>', english, re.S).group(1)
    assert "proven optimal" in greedy and "below the best" not in greedy
    assert "Residents served" in english and "服务人数" not in english
    # one per township by default: the sites' townships differ
    default = planner.get(url).content.decode()
    rows = re.search(r'<table id="siting-sites"[^>]*>.*?<tbody>(.*?)</tbody>', default, re.S).group(1)
    townships = re.findall(r"<tr><td>[^<]*</td><td>([^<]*)</td>", rows)
    assert len(townships) == 3 == len(set(townships))
    form = {"kind": "township", "k": "2", "minutes": "30", "candidates": "10", "capacity": "15000"}
    posted = planner.post(url, {**form, "per_township": "one", "name": "容量方案", "action": "save"})
    assert "已保存为方案" in posted.content.decode(), re.findall(
        r'role="alert">(.*?)<', posted.content.decode()
    )
    saved = SitingScenario.objects.get(name="容量方案")
    assert saved.capacity == 15000 and saved.one_per_township and saved.newly_covered <= 30000
    bad = planner.get(url + "&capacity=0").content.decode()
    assert "容量：" in bad


def test_coverage_page_closes_a_road(users):
    from tixi.layout.access import road_choices, what_if

    dachuan = Division.objects.at(DACHUAN, 2024)
    planner = client_for(users, "planner")
    base = f"/layout/{DACHUAN}/coverage/?year=2024&whatif=1&kind=township&minutes=30"
    html = planner.get(f"/layout/{DACHUAN}/coverage/?year=2024").content.decode()
    assert 'name="road"' in html and "全部村道" in html and "省道 1：" in html
    closed = planner.get(base + "&road=village").content.decode()
    result = what_if(dachuan, 2024, "township", 30, close_road_classes=["village"])
    assert result["change"] < 0 and result["townships"]
    assert 'id="what-if-result"' in closed and "条道路" in closed
    assert f"{result['after']:,}" in closed
    # a class is its roads: the same as closing them by number
    numbers = result["closed_roads"]
    assert what_if(dachuan, 2024, "township", 30, close_roads=numbers)["after"] == result["after"]
    one = road_choices(dachuan, 2024)[1]
    page = planner.get(base + f"&road={one['number']}").content.decode()
    assert 'id="what-if-result"' in page and f"{one['label']}: 关闭 1 条道路" in page
    bad = planner.get(base + "&road=motorway").content.decode()
    assert re.search(r'class="errorlist" role="alert"><li>关闭道路', bad)


def test_access_whatif_command_is_the_page_action(capsys):
    from tixi.layout.access import facilities_of, what_if

    dachuan = Division.objects.at(DACHUAN, 2024)
    centre = facilities_of(dachuan, 2024, "township")[0]
    call_command(
        "access", "whatif", "--division", "511703", "--year", "2024", "--close", centre.code,
        "--close-road", "village", "--close-road", "1", "--format", "json",
    )  # fmt: skip
    data = json.loads(capsys.readouterr().out)
    expected = what_if(
        dachuan, 2024, "township", 30, close=[centre.code], close_roads=[1], close_road_classes=["village"]
    )
    assert data["after"] == expected["after"] < data["before"] and data["closed"] == [centre.name]
    with pytest.raises(CommandError, match="关闭道路"):
        call_command("access", "whatif", "--division", "511703", "--year", "2024", "--close-road", "highway")
    call_command("access", "whatif", "--division", "511703", "--year", "2024", "--close-road", "village")
    assert "关闭" not in capsys.readouterr().err

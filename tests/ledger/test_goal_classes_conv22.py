"""Counts of pilots and demonstration sites (session 22, helper conv22; tests/ledger/heldout/README.md "What counts",
conv22): a number of pilots the plan says will be selected, built or named (遴选/选择/选取/确定/培育/建设/打造 N个…试点/
示范…) is a target, [N, 个/家/…, the sentence's or the plan's year, 以上/bare ge, 左右 about, a range its lower bound];
the pilots the text names itself ("确定北京、吉林…10个省…作为试点地区") and the places where a measure is tried ("在10个省份
开展试点") are not. Every text here is made up; none is a held-out document. Each test fails on main (66ebddb), where
PILOT_SCOPE read any count after 选择/遴选/确定… in a sentence naming 试点 as the pilot's scope, but two: the last (guards
that pass on main too) and the pilots the text names itself (main left them out by PILOT_SCOPE; without the new
PILOT_NAMED it fails)."""

from tixi.ledger.engine.parse import targets


def found(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in targets(text)]


def test_a_count_of_pilots_to_select_is_a_goal():
    assert found("到2026年，遴选出150个以上智慧医院建设试点项目。") == [(150.0, "个", 2026, "ge")]
    assert found("到2026年，全省遴选30家互联网医院试点示范。") == [(30.0, "家", 2026, "ge")]


def test_about_a_count_of_pilots_is_about():
    text = "一、试点目标\n到2027年，某某体系基本建立。\n二、试点范围\n在全省范围内选择8个左右有基础的县（市），开展某某改革试点。"
    assert found(text) == [(8.0, "个", 2027, "about")]


def test_a_range_of_pilots_keeps_its_lower_bound():
    text = "某市2026年卫生健康工作要点\n到2026年底完成。\n3.推进数据共享。选取4—6个重点科室开展数据共享试点。加强安全管理。"
    assert found(text) == [(4.0, "个", 2026, "ge")]


def test_a_pilot_per_place_to_select_is_a_goal_without_another_goal_word():
    # the sentence has no year and no other goal word: the count of pilots to select dates it by the plan's year
    text = "某省2026年医改重点工作任务\n各市要加强示范引领，每个市拟选择2个县开展县域医共体改革示范工作，以点带面。"
    assert found(text) == [(2.0, "个", 2026, "ge")]


def test_a_count_of_pilots_to_select_beside_another_goal():
    text = "到2026年，确定12个左右城市作为试点城市，试点城市家庭医生签约率达到60%以上。"
    assert found(text) == [(12.0, "个", 2026, "about"), (60.0, "%", 2026, "ge")]


def test_the_pilots_the_text_names_itself_are_no_goal():
    # the list is the selection, made by the text: its count only sums the names, nothing is left to deliver
    text = "2026年，确定甲市、乙市、丙市、丁市4个城市作为试点地区，开展某某试点。"
    assert found(text) == []


def test_where_a_measure_is_tried_is_no_goal():
    assert found("到2026年，在12个县开展家庭病床试点。") == []
    assert found("到2026年，在选定的6个试点县推行医保打包付费。") == []
    assert found("到2026年，要在80个医改试点城市开展家庭医生签约服务。") == []


def test_guards_a_count_to_build_and_a_yearly_selection():
    # guards (pass on main too): a count to build stays a goal; a yearly selection stays a pace (conv20)
    assert found("到2026年，建成20个县域医疗卫生次中心。") == [(20.0, "个", 2026, "ge")]
    assert found("到2026年，每年遴选10个试点项目。") == []
    assert found("到2026年，在30家医疗机构推进无障碍环境建设。") == [(30.0, "家", 2026, "ge")]


def test_a_long_list_of_names_is_looked_at_once():
    import time

    from tixi.ledger.engine import parse

    line = "确定甲市、" * 4000  # a list with no count closing it: each 确定 looks at most forty names ahead
    start = time.perf_counter()
    parse.PILOT_NAMED.search(line)
    assert time.perf_counter() - start < 0.5

"""Over-broad reader rules found by session 21's review (helper fix40): each test is a made-up text on which the rule
misfired (main at 97328d4) and which reads right after its fix. None is a held-out document."""

import time

from tixi.ledger.engine.parse import targets, tasks


def found(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in targets(text)]


def test_a_long_full_width_text_reads_quickly_and_finds_its_values():
    # typed full-width throughout, "；" joins clauses; 600 joined clauses made one sentence of ~14k characters
    clauses = "；".join(f"全市新建第{i}类社区卫生服务中心{i + 1}个以上" for i in range(600))
    text = f"到2025年，{clauses}。"
    start = time.perf_counter()
    read = found(text)
    assert time.perf_counter() - start < 3
    assert [value for value, *_ in read] == [float(i + 1) for i in range(600)]
    assert {(unit, year, comparator) for _, unit, year, comparator in read} == {("个", 2025, "ge")}


def test_a_section_heading_ends_a_steps_year():
    text = (
        "一、发展目标\n到2025年，全市卫生总费用达到800亿元。\n第二步，到2035年，全面建成健康城市。\n"
        "——健康产业规模达到2000亿元。\n二、重点任务\n新建社区卫生服务中心20个以上。"
    )
    read = found(text)
    assert (20.0, "个", 2025, "ge") in read
    assert (20.0, "个", 2035, "ge") not in read


def test_conditions_end_at_any_heading_the_reader_knows():
    text = (
        "三、申报条件\n1.企业年营业收入超过1000万元。\n## 四、工作目标\n"
        "到2025年，全市建成互联网医院50家以上，远程医疗覆盖率达到90%。"
    )
    read = found(text)
    assert (50.0, "家", 2025, "ge") in read
    assert (90.0, "%", 2025, "ge") in read
    assert not [t for t in read if t[0] == 1000.0]


def test_a_sentence_opened_by_a_verb_of_policy_names_no_units():
    for text in (
        "1.推动临床研究。支持医院、研究所参与。",
        "2.加强医联体建设。鼓励三级医院牵头。",
        "4.推进智慧医疗。试点医院负责。",
    ):
        assert tasks(text) == [], text


def test_generic_areas_are_no_cooperating_units():
    # a bracket naming kinds of areas beside a unit names no units (as main at 1acb928 read it: no task)
    read = tasks("3.加强统筹。（省发展改革委牵头，沿海地区、试点城市配合）")
    units = {u for t in read for u in t["lead_units"] + t["cooperating_units"]}
    assert not units & {"沿海地区", "试点城市"}


def test_real_places_stay_cooperating_units():
    read = tasks("3.加强统筹。（省发展改革委牵头，成都市、越秀区、高新区配合）")
    assert [(t["lead_units"], t["cooperating_units"]) for t in read] == [
        (["省发展改革委"], ["成都市", "越秀区", "高新区"])
    ]


def test_a_grade_and_a_user_count_are_no_engineering_units():
    read = found("到2025年，景区质量等级达到4A以上，注册用户超过1W。")
    assert not [t for t in read if t[1] in ("A", "W")]

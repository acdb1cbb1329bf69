"""Tasks' units by class (session 24, reader63): heldout_cy's first-reading misses, made general. Responsibility
brackets that say the sharing in other words ("按分管领域负责", "按照职责分工负责", "按各自职责负责"), that close with a
deadline and what follows it ("2031年10月底前完成并持续推进"), that give the units after a 牵头 "负责落实" (they do their part:
cooperating), and lists naming a zone after 和 ("16区和某某经济技术开发区"). Every text here is made up; none is a
held-out document. Each test fails on the parser before these rules (main at 1eef3bad) but the guards."""

from tixi.ledger.engine.parse import tasks, unit_names, units_of


def units(text: str) -> list[tuple]:
    return [(t["lead_units"], t["cooperating_units"]) for t in tasks(text)]


def test_sharing_said_as_by_field_or_by_own_duty_cooperates_after_a_lead_and_leads_alone():
    assert units_of("县文旅局牵头，各乡镇、县各相关部门按分管领域负责") == (
        ["县文旅局"],
        ["各乡镇", "县各相关部门"],
    )
    assert units_of("区民政局、区财政局按分管领域负责") == (["区民政局", "区财政局"], [])
    assert units_of("市林业局牵头，市水务局按照职责分工负责") == (["市林业局"], ["市水务局"])
    assert units_of("市林业局牵头，市水务局、市农业局按各自职责负责") == (
        ["市林业局"],
        ["市水务局", "市农业局"],
    )

    # the cooperating words after the same sharing words
    assert units_of("市林业局牵头，市水务局按照职责分工配合") == (["市林业局"], ["市水务局"])
    assert units_of("市林业局牵头，市水务局、各区按分管领域配合") == (["市林业局"], ["市水务局", "各区"])


def test_a_deadline_with_what_follows_it_after_the_units_names_no_unit():
    assert units_of("市文旅局牵头，各区按分管领域负责，2031年10月底前完成并持续推进") == (
        ["市文旅局"],
        ["各区"],
    )
    assert units_of("市文旅局牵头，会同某某新区公共服务局协同推进，2031年9月底前完成首批并持续推进") == (
        ["市文旅局"],
        ["某某新区公共服务局"],
    )
    assert units_of("市各相关部门按分管领域负责，持续推进") == (["市各相关部门"], [])


def test_a_deadline_before_the_units_names_no_unit():
    assert units_of("2031年10月底前完成，市文旅局牵头，各区按分管领域负责") == (["市文旅局"], ["各区"])
    assert units_of("2031年底前，市文旅局负责") == (["市文旅局"], [])
    # a year's goal in a bracket names no units
    assert units_of("2031年，全市达到90%") is None


def test_units_after_a_lead_that_carry_it_out_cooperate():
    assert units_of("市档案局牵头，各区政府、市政府各部门负责落实") == (
        ["市档案局"],
        ["各区政府", "市政府各部门"],
    )
    assert units_of("市档案局牵头，各区政府负责实施") == (["市档案局"], ["各区政府"])
    assert units_of("市档案局牵头，各区政府负责组织实施") == (["市档案局"], ["各区政府"])
    # with no 牵头 before them they lead, as before
    assert units_of("各区政府、市政府各部门负责落实") == (["各区政府", "市政府各部门"], [])


def test_a_zone_after_and_is_a_unit_of_its_own_and_counted_districts_are_units():
    assert unit_names("市商务局、12区和某某经济技术开发区") == ["市商务局", "12区", "某某经济技术开发区"]
    assert unit_names("各区政府和某某新区管委会") == ["各区政府", "某某新区管委会"]
    # 和 inside a unit's name stays
    assert unit_names("市发展和改革委、市城市管理和综合执法局") == [
        "市发展和改革委",
        "市城市管理和综合执法局",
    ]
    assert units_of("责任单位：市商务局、12区和某某经济技术开发区") == (
        ["市商务局", "12区", "某某经济技术开发区"],
        [],
    )


def test_a_work_plans_items_with_such_brackets_read_as_tasks():
    text = (
        "一、重点任务\n"
        "（一）优化线上服务。完善网上办事平台。（市文旅局牵头，各区、市各相关部门按分管领域负责，2031年10月底前完成并持续推进）\n"
        "（二）推进档案公开。整理馆藏目录。（市档案局牵头，各区政府、市政府各部门负责落实）\n"
    )
    assert units(text) == [
        (["市文旅局"], ["各区", "市各相关部门"]),
        (["市档案局"], ["各区政府", "市政府各部门"]),
    ]

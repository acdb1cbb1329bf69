"""The reader reads a short text the same in each shape a planner pastes it in (tixi/ledger/engine/perturb.py,
issue 12 point 4): one test per class of loss fixed, each a made-up text in the plain shape and in the other."""

from tixi.ledger.engine import parse, tables
from tixi.ledger.engine.perturb import perturbed


def _reading(text: str) -> tuple:
    found = parse.tasks(text)
    return (
        [(t["title"], t["lead_units"], t["cooperating_units"]) for t in found],
        [(t["value"], t["unit"], t["year"], t["comparator"]) for t in parse.targets(text)],
        [(r["target"], r["unit"], r["target_year"]) for r in tables.indicator_rows(text)],
    )


WORD_PASTE = (
    "一、主要目标\n"
    "到2025年，全市二级以上医院达到12所，每千人口床位数达到6.5张，65岁以上老人健康管理率达到75%。\n"
    "二、重点任务\n"
    "1.新增城镇就业4.3万人，培训家政服务人员1万人次，新增家政服务人员4100人。（牵头单位：市人社局）\n"
    "2.建成15分钟健康服务圈，新建社区卫生服务站8个。（牵头单位：市卫健委）\n"
)


def test_a_word_paste_s_spaces_around_numbers_and_its_indents_read_as_without():
    spaced = perturbed("word_spaces")(WORD_PASTE)
    assert "到 2025 年" in spaced and "\u3000\u3000" in spaced
    assert _reading(spaced) == _reading(WORD_PASTE)
    assert len(_reading(WORD_PASTE)[1]) >= 5


def test_a_row_whose_cells_are_set_apart_by_spaces_keeps_its_cells_in_a_word_paste():
    # the space before a row's first number, before a number closing the row and before an item's number is a
    # cell's edge; the others are the paste's
    rows = (
        "2021年麻风病防治项目绩效目标\n"
        "数量指标 每年春节慰问麻风村休养员 32人\n"
        "质量指标 休养员生活得到改善 100%\n"
        "群众防治知识知晓率显著提升 100%\n"
        "时效指标 项目实施时间 2021年1月-12月\n"
        "资金拨付到位情况 12月底前100%到位\n"
        "一 强化县域资源统筹 优化 1.健全乡村医疗卫生服务体系\n"
    )
    assert parse.normalise(perturbed("word_spaces")(rows)) == parse.normalise(rows)
    assert (
        parse._unspaced_numbers(WORD_PASTE) == WORD_PASTE
    )  # a text without a paste's spaces is left as written


def _wrapped(text: str, width: int = 36) -> str:
    """A PDF copy by hand: every line cut each `width` characters."""
    return "\n".join(
        line[i : i + width] for line in text.split("\n") for i in range(0, max(len(line), 1), width)
    )


def test_a_pdf_copy_of_a_table_whose_rows_are_not_closed_by_a_bar_is_read_row_by_row():
    table = "\n".join(
        [
            "附件",
            "各部门政策开发的重点领域",
            "部门 | 政策开发重点领域 | 对应的健康因素",
            "市教育局 | 提高学生健康素养和身心素质，改善学校卫生环境，抓好学校食品安全、饮用水卫生，预防控制疾病。 | 健康素养、健康环境",
            "市公安局 | 维护社会治安，减少犯罪，加强交通安全，强化对网吧等互联网上网服务营业场所控烟工作的监督管理。 | 社会环境、意外伤害",
            "市民政局 | 提高社会救助水平，提高医疗救助水平，对有健康困难的家庭开展适当的救助与帮扶，加强社区健康和养老服务建设。 | 社会救助",
            "市财政局 | 提高对健康领域的经费支持，将健康促进与教育经费、建设健康促进县经费纳入预算。 | 健康资源",
        ]
    )
    assert len(_reading(table)[0]) == 4
    assert _reading(perturbed("pdf_wrap")(table)) == _reading(table)
    assert _reading(_wrapped(table)) == _reading(table)


def test_a_pdf_copy_s_line_opened_by_a_stop_or_holding_an_item_s_units_alone_goes_on_from_the_line_above():
    plain = (
        "一、对促进外贸、外资稳定增长，积极优化营商环境成效明显的省（区、市），在外贸转型升级基地培育中给予优先支持。（商务部负责）\n"
        "二、对在扶贫开发工作成效考核中认定为完成年度计划的省（区、市），在分配中央财政专项扶贫资金时给予一定奖励，确保资金及时足额拨付。（财政部、国务院扶贫办负责）\n"
        "三、对公立医院综合改革成效较为明显的市（地、州、盟）、县（市、区、旗），由省（区、市）统筹按一定比例或额度给予奖励。（国家卫生健康委、财政部负责）"
    )
    cut = (
        "一、对促进外贸、外资稳定增长，积极优化营商环境成效明显的省（区、市）\n"
        "，在外贸转型升级基地培育中给予优先支持。（商务部负责）\n"
        "二、对在扶贫开发工作成效考核中认定为完成年度计划的省（区、市），在分\n"
        "配中央财政专项扶贫资金时给予一定奖励，确保资金及时足额拨付。\n"
        "（财政部、国务院扶贫办负责）\n"
        "三、对公立医院综合改革成效较为明显的市（地、州、盟）、县（市、区、\n"
        "旗），由省（区、市）统筹按一定比例或额度给予奖励。（国家卫生健康委\n"
        "、财政部负责）"
    )
    assert len(_reading(plain)[0]) == 3
    assert _reading(cut)[0] == _reading(plain)[0]


def test_a_pdf_copy_of_spaced_numbers_and_tab_indents_is_joined_again():
    # a number spaced in its sentence ("到 2025 年") and a tab indent are no table cells; a number cut at its space
    # ("达 4" / " 万亩") goes on
    plain = (
        "第四节 加快中医药产业规范化发展\n"
        "开展中医药示范县创建工作，加强中药材良繁基地规范化建设。到 2025 年，全区植物类中药材种植面积达 4 万亩，特色中药材种植面积达 15 万亩，综合产值达 1 亿元以上。\n"
        "\t专栏 2\t医疗服务能力提升项目\n"
        "\t区级医疗卫生机构能力提升：加强专科建设，到2025年建成省市重点专科15个（区人民医院9个、区中医医院6个）；提高常见病诊疗能力。"
    )
    cut = (
        "第四节 加快中医药产业规范化发展\n"
        "开展中医药示范县创建工作，加强中药材良繁基地规范化\n"
        "建设。到 2025 年，全区植物类中药材种植面积达 4\n"
        " 万亩，特色中药材种植面积达 15 万亩，综合产值达 1 亿\n"
        "元以上。\n"
        "\t专栏 2\t医疗服务能力提升项目\n"
        "\t区级医疗卫生机构能力提升：加强专科建设，到2025年\n"
        "建成省市重点专科15个（区人民医院9个、区中医医院6个\n"
        "）；提高常见病诊疗能力。"
    )
    assert len(_reading(plain)[1]) >= 5
    assert _reading(cut)[1] == _reading(plain)[1]


def test_a_pdf_copy_s_row_cut_after_a_bar_with_cells_of_its_own_is_one_row():
    header = "序号 | 工作任务 | 责任处室 | 完成时限 |"
    rows = [
        "1 | 扎实做好疫苗接种信息公开和舆论引导工作 | 疾控处 | 长期推进 |",
        "2 | 提高新冠肺炎疫情信息发布规范化水平 | 宣传处 | 2021年8月前 |",
        "3 | 逐步清理、摸清底数,有步骤推进本部门规范性文件统一公开工作 | 政法处 | 长期推进 |",
        "4 | 修订完善本部门主动公开目录 | 办公室 | 长期推进 |",
    ]
    plain = "\n".join([header, *rows])
    cut = "\n".join(
        [
            header,
            rows[0],
            rows[1],
            "3 | 逐步清理、摸清底数,有步骤推进本部门规范性文件统一公开工作 | ",
            "政法处 | 长期推进 |",
            rows[3],
        ]
    )
    assert len(_reading(plain)[0]) == 4
    assert _reading(cut)[0] == _reading(plain)[0]


def test_circled_or_bracketed_measures_take_their_units_from_a_label_line_as_numbered_ones_do():
    plain = (
        "（一）优化空间布局\n"
        "1．打造环高校创业带。以高等院校为核心，建设共享办公空间。\n"
        "责任单位：市科技局、市工信局\n"
        "2．建设创业社区。各区县（市）政府选择人才密度高的片区布局。\n"
        "责任单位：各区县（市）政府\n"
    )
    for marker in ("①②", "（1）（2）"):
        first, second = (marker[:1], marker[1:]) if len(marker) == 2 else (marker[:3], marker[3:])
        shaped = plain.replace("1．", first).replace("2．", second)
        assert _reading(shaped)[0] == _reading(plain)[0]
    assert len(_reading(plain)[0]) == 2


def test_a_running_list_whose_parts_name_their_units_reads_as_the_numbered_list():
    plain = (
        "二、主要任务\n"
        "（一）加强出生缺陷防治。到2025年，产前筛查率达到90%以上。（牵头单位：市卫健委）\n"
        "（二）完善机制。推进医防融合。\n"
        "牵头责任单位：市财政局。主要协作单位：各县（区）人民政府\n"
        "（三）推进改革。责任单位：市发改委、各区县（市）政府\n"
        "三、保障措施\n"
    )
    shaped = perturbed("running_list")(plain)
    assert "一是加强出生缺陷防治" in shaped and "二是完善机制" in shaped and "三是推进改革" in shaped
    assert [t[1:] for t in _reading(shaped)[0]] == [t[1:] for t in _reading(plain)[0]]
    assert len(_reading(plain)[0]) == 3
    # a running list whose units close the whole paragraph is one item's
    one = "（一）加强保障。一是加强人才培养；二是加大投入。（市卫健委负责）"
    assert [t[1:] for t in _reading(one)[0]] == [(["市卫健委"], [])]


def test_running_list_rewrites_leaf_lists_only():
    from tixi.ledger.engine.perturb import running_list

    text = "二、任务\n（一）甲。\n（二）乙\n1.子一\n2.子二\n（三）丙。\n\n三、保障\n（一）丁\n（二）戊。\n| 1. | x |"
    out = running_list(text).split("\n")
    assert out[1:3] == ["（一）甲。", "（二）乙"]  # a list whose item holds a deeper list stays as it is
    assert out[3] == "一是子一；二是子二。"
    assert out[7] == "一是丁；二是戊。" and out[-1] == "| 1. | x |"


def test_a_pdf_copy_s_number_cut_in_two_at_the_margin_is_joined_even_in_a_line_of_fields():
    # the title that dates the work plan ("…关于2024年实施47项民生实事的通知 文号:") cut inside its year
    plain = (
        "名称: 【保基本民生】某市民生工作领导小组办公室关于2024年实施47项民生实事的通知 文号:\n"
        "发布日期: 2024-03-14\n\n一、促进就业(3项)\n\n"
        "1.促进重点群体稳定就业,新增城镇就业4.3万人,省级充分就业社区数量达到城市社区的60%(牵头单位:市人社局)\n\n"
        "2.实施放心家政行动,培训家政服务人员1万人次,新增家政服务人员4100人。(牵头单位:市商务局)"
    )
    cut = (
        "名称: 【保基本民生】某市民生工作领导小组办公室关于202\n"
        "4年实施47项民生实事的通知 文号:\n"
        "发布日期: 2024-03-14\n\n一、促进就业(3项)\n\n"
        "1.促进重点群体稳定就业,新增城镇就业4.3万人,省级充分就\n"
        "业社区数量达到城市社区的60%(牵头单位:市人社局)\n\n"
        "2.实施放心家政行动,培训家政服务人员1万人次,新增家政服务\n"
        "人员4100人。(牵头单位:市商务局)"
    )
    assert len(_reading(plain)[1]) == 4
    assert _reading(cut) == _reading(plain)


def test_a_responsibility_table_one_cell_a_line_numbers_its_rows_in_any_list_style():
    plain = (
        "2021年市政府重点工作责任分工抓落实方案\n\n牵头领导\n\n重点工作\n\n牵头单位\n\n配合单位\n\n备注\n\n某某市长\n\n"
        "1.始终做到忠诚于党。学懂弄通做实党的创新理论。\n\n市府办\n\n各单位\n\n"
        "2.始终坚持依法行政。坚持开门做决策。\n\n市府办\n\n市司法局\n\n市审计局\n\n各单位\n"
    )
    assert len(_reading(plain)[0]) == 2
    for first, second in (("（1）", "（2）"), ("①", "②")):
        shaped = plain.replace("1.始终", f"{first}始终").replace("2.始终", f"{second}始终")
        assert _reading(shaped)[0] == _reading(plain)[0]


def test_a_pdf_copy_s_trailing_space_of_a_row_cut_onto_its_own_line_is_no_line_between_rows():
    header = "序号 | 考核项目 | 各项分值 | 考核内容 | 评分标准 | 说明"
    rows = [
        f"{n} | {unit} | 60 | {task} | 1.{task}（30分）2.按时上报进展（30分） | "
        for n, unit, task in (
            (1, "县财政局", "负责落实河长制专项经费，监督资金使用"),
            (2, "县统计局", "负责提供河长制工作有关统计资料"),
            (3, "县科技局", "开展河流治理、生态修复等技术示范"),
            (4, "县教育局", "加强河湖保护教育"),
        )
    ]
    plain = "\n".join([header, *rows])
    cut = "\n".join([header, rows[0].rstrip(), " ", rows[1].rstrip(), " ", rows[2], rows[3]])
    assert len(_reading(plain)[0]) == 4
    assert _reading(cut)[0] == _reading(plain)[0]

"""reader64: the reader under a PDF copy's hard wraps (made-up text, issue 12 point 4)."""

from tixi.ledger.engine import parse

# a plan copied from a PDF page about 30 characters wide: every paragraph cut at the margin
WRAPPED = "\n".join(
    [
        "一、总体要求",
        "坚持以人民健康为中心，全面推进健康城市建设工作，着力加快",
        "提升卫生服务能力，持续改善群众看病就医的体验与感受。",
        "二、“十三五”时期发展成就和“十四五”时期目标",
        "到2025年，全市人均预期寿命达到80岁，全市婴儿死亡率",
        "控制在4‰以下，居民健康素养水平达到30%以上。",
        "三、重点任务安排",
        "加强基层医疗卫生机构建设，推进家庭医生签约服务工作，着力",
        "提高基本公共卫生服务均等化水平，完善分级诊疗制度。",
    ]
)


def test_heading_short_of_margin_stays_its_own_line():
    # the heading reaches three quarters of the page but holds no stop and stops short of the margin: the copy did
    # not cut it, and the paragraph under it opens a line of its own
    lines = parse.normalise(WRAPPED).split("\n")
    assert "二、“十三五”时期发展成就和“十四五”时期目标" in lines
    assert (
        "到2025年，全市人均预期寿命达到80岁，全市婴儿死亡率控制在4‰以下，居民健康素养水平达到30%以上。"
        in lines
    )


def test_item_cut_at_margin_still_goes_on():
    # an item opened by "一、" whose clause holds "、" was cut by the copy: it goes on in the next line
    text = "\n".join(
        [
            "一、对财政预算执行、提高收入质量、盘活存量资金、国库管理",
            "等工作完成情况好的地区，中央财政利用存量资金予以奖励支持。",
            "二、对水利建设投资落实好、中央投资计划完成率高的地区，",
            "适当增加安排部分中央预算内投资，减少地方投资（水利部负责）。",
            "三、对土地节约集约利用成效好、闲置土地少且需求量较大的地区",
            "在全国新增建设用地计划中安排一定指标予以奖励，支持项目建设。",
        ]
    )
    lines = parse.normalise(text).split("\n")
    assert (
        "一、对财政预算执行、提高收入质量、盘活存量资金、国库管理等工作完成情况好的地区，中央财政利用存量资金予以奖励支持。"
        in lines
    )


# a work report whose parts a planner numbers "（二）" (no "二、" anywhere), a sentence a line
PAREN_PARTS = "\n".join(
    [
        "政府工作报告",
        "——2021年1月20日在市第十五届人民代表大会第六次会议上",
        "（二）“十三五”时期发展成就和“十四五”时期主要目标任务",
        "过去五年，全市经济社会发展取得新的成就，全市生产总值年均增长6.5%，城乡居民收入稳步提高。",
        "“十四五”时期是开启全面建设社会主义现代化新征程的第一个五年，全市上下要奋力开创发展新局面。",
        "加快推进生态屏障建设，构建以自然保护区为主体的保护地体系，全市森林覆盖率达到45%。",
        "（三）2021年重点工作",
        "今年全市城镇新增就业8万人以上，城镇调查失业率控制在5.5%左右，居民消费价格涨幅3%左右。",
    ]
)


def test_period_part_numbered_in_brackets():
    # "（二）…“十四五”时期主要目标任务" marks the period's part as "二、" does (a sentence there without a year of its
    # own is for 2025); "（三）2021年重点工作" ends it (its goals the year's)
    found = {(t["value"], t["unit"], t["year"]) for t in parse.targets(PAREN_PARTS)}
    assert (45.0, "%", 2025) in found
    assert (8.0, "万人", 2021) in found


def test_book_title_cut_at_margin_is_one_line():
    # a news copy's first line (a space after the dateline reads as a cell's edge, so the wraps' rejoin leaves it) cut
    # inside a plan's title: "《…“十二五”发展" / "规划的通知》" is one line, so the title's period dates the goals
    text = "\n".join(
        [
            "某某网讯 市政府办公厅日前发布《关于印发某市卫生事业“十二五”发展",
            "规划的通知》,确立了今后五年卫生事业发展方向和目标。",
            "《规划》提出:“十二五”期间,全市孕产妇死亡率下降20%以上,婴儿死亡率下降",
            "15%以上,居民健康素养水平提高到25%。",
        ]
    )
    lines = parse.normalise(text).split("\n")
    assert lines[0].endswith("发展规划的通知》,确立了今后五年卫生事业发展方向和目标。")
    # a title closed on its line, or a table's row, stays as it is
    rows = "| 1 | 落实《健康中国行动（2019—2030年）》的 | 卫生健康委 |\n| 2 | 》 |"
    assert parse.normalise(rows) == rows

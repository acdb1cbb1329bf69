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

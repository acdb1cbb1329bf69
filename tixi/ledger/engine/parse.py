"""Reading a Chinese plan document: tasks with their lead and cooperating units, numeric targets,
and the major-projects annex. Rules and a small dictionary, no model: it runs offline.

Returns plain dicts; says it found nothing rather than inventing items.
"""

import re
from collections import Counter
from contextvars import ContextVar
from dataclasses import asdict, dataclass, field

from tixi.ledger.engine import dating

CLAUSE = re.compile(r"^[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*\**([^。；*]{2,40})[。*]")
# a "（三）" item whose first sentence runs past 40 characters is still an item (not a page-break
# continuation of the item before it)
CLAUSE_LONG = re.compile(r"^[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*\**([^。；*]{2,})")
NUMBERED = re.compile(r"^(\d{1,3})(?:[.．](?!\d)|、)\s*([^。；*]{2,40})[。*]")
# an item whose first sentence is long or unfinished ("2.加强…防控,切实保障…安全"): the sentence is its title
NUMBERED_LONG = re.compile(r"^(\d{1,3})(?:[.．](?!\d)|、)\s*([^。；*]{2,})")
# "11.121人才梯队项目": a number and a point followed by digits is a decimal, unless it is the item after
# the one before (10 → 11), whose title begins with a number
NUMBERED_NEXT = re.compile(r"^(\d{1,2})[.．]\s*(\d[^。；*]{1,})")
# a third-level measure: "(1)积极争取…。", "（2）推进…"
SUB_NUMBERED = re.compile(r"^[（(](\d{1,2})[)）]\s*([^。；*]{2,})")
CIRCLED_ITEM = re.compile(r"^([①-⑳])\s*([^。；*]{2,})")
ARABIC_MARKER = re.compile(r"^\d{1,3}(?:[.．](?!\d)|、)")
HEADING = re.compile(r"^(?:#|第[一二三四五六七八九十]+[章节]|[一二三四五六七八九十]+、)")
# one line holding many items ("…人群。1、…(市卫生局负责,市财政局配合)2、…"): each item on its own line
# A copy that keeps a whole section on one line runs its items together: "…负责）2．…", "…负责）具体措施：1．…",
# "…负责）二、…（五）…": an item, a measure after its label, or a numbered heading after a sentence or a bracket
INLINE_ITEM = re.compile(
    r"(?<=[。；;）)])\s*(?:[^\s。；;，,（）()：:\d]{2,6}[：:])?\s*"
    r"(?=(?:\d{1,2}(?:、|．|\.(?!\d))|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、))"
)
# a numbered heading run together with the item after it: "二、放要放出活力（五）…"
HEADING_THEN_ITEM = re.compile(
    r"^([一二三四五六七八九十]+、[^。；;：:（）()]{2,60}?)(?=[（(][一二三四五六七八九十]+[)）])"
)


# a list written as running text, "一是…（甲牵头）；二是…（乙牵头）；三是…": each "N是" part is an item where its parts
# name their own units (a list whose units close the whole paragraph is one item's: "（一）…。一是…；二是…。（甲负责）")
RUNNING_SPLIT = re.compile(r"(?<=[。；;）)])\s*(?=[一二三四五六七八九十]{1,3}是)")
RUNNING_ITEM = re.compile(r"^([一二三四五六七八九十]{1,3})是\s*(.{2,})$")


def _running_parts(line: str) -> list[str]:
    """A line that opens a running list ("一是…；二是…") whose parts name their own units (a part before the last names
    some): one part per item."""
    if not RUNNING_ITEM.match(line.strip()) or "二是" not in line:
        return [line]
    parts = RUNNING_SPLIT.split(line.strip())
    numbered = [RUNNING_ITEM.match(part) for part in parts]
    if not all(m and _cn_number(m.group(1)) == n for n, m in enumerate(numbered, start=1)):
        return [line]
    if not any(
        _units_in(part) for part in parts[:-1]
    ):  # units closing the last part only are the paragraph's
        return [line]
    return parts


def _cn_number(numeral: str) -> int | None:
    """一 → 1, 十二 → 12, 二十三 → 23 (a list's numerals)."""
    digits = "一二三四五六七八九"
    tens, ten, ones = numeral.partition("十")
    if not ten:
        return digits.index(numeral) + 1 if len(numeral) == 1 and numeral in digits else None
    value = (digits.index(tens) + 1 if tens else 1) * 10
    return value + (digits.index(ones) + 1 if ones else 0)


def _inline_parts(line: str) -> list[str]:
    """A line holding several items (a copy without line breaks): one part per item or heading."""
    split = INLINE_ITEM.split(line)
    if (
        len(split) > 1
        and all(re.match(r"\s*\d{1,2}(?:、|．|\.(?!\d))", part) for part in split[1:])
        and not any(_units_in(part) for part in split[:-1])
    ):
        # (lead, session 26) "…分区域实施入学政策。1.临川区:…4.市直:…（责任单位：…）": points numbered in one
        # paragraph whose units close the paragraph only are the heading's item, not items of their own; so are
        # they when the paragraph opens with its first point ("1.住房公积金缴存人…2.…3.…（责任单位：…）")
        return [re.sub(r"^(\s*)1(?:、|．|\.)", r"\1", line)]
    parts = []
    for part in split:
        if heading := HEADING_THEN_ITEM.match(part):
            parts += [heading.group(1), part[heading.end() :]]
        else:
            parts.append(part)
    return parts


# "2019年1月1日至2020年12月31日" ends a period a measure is in force, not a year to reach
YEAR = re.compile(r"(?:到|至)\s*(\d{4})\s*年(?!\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(?:底)?")
# a deadline dates what its sentence sets: "2020年底前…压缩至5个工作日以内", "2021年6月底前…"
# ("2022年年底前" with the year written twice too)
DEADLINE = re.compile(r"(?<!\d)(\d{4})\s*年(?:\d{1,2}\s*月)?(?:年?底|年?末)?前")
# a development plan's steps, each opening a paragraph ("第一步，到2020年…", "第二步：到2025年…")
PLAN_STEP = re.compile(r"第[一二三四五六七八九十]步[，,：:]?\s*(?:到|至)\s*(\d{4})\s*年")
# a horizon opening a clause inside a sentence ("…培育优良发展生态，到2025年，…") or a stage's ("第二阶段到2030年，"):
# (the sentence opening on "到YYYY年，" is read apart)
MID_SENTENCE_HORIZON = re.compile(
    r"(?:[，,；;]\s*(?:力争|争取)?|^第[一二三四五六七八九十]阶段[，,：:]?\s*)(?:到|至)\s*(\d{4})\s*年(?:底|末)?[，,：:]"
)
CONDITIONS_HEADING = re.compile(
    r"(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十\d]{1,3}[、.．])?\s*(?:申报|申请|认定|支持|享受)条件"
    r"(?:[（(][^（）()]{0,30}[）)])?[:：]?"
)
STEP_ENDS = re.compile(
    r"第[一二三四五六七八九十]步|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十百]+[章节部条]"
)
DONE_BY = re.compile(r"(\d{4})\s*年(?:底|前)?(?:[^。；]{0,40}?)(?:完成|建成)")
# a bracket of units: "（责任单位：…）", "（牵头单位：…；配合单位：…）", "（X牵头，Y配合）", "（X负责，Y配合）",
# "（X、Y按职责分工负责）", "（X会同Y负责）"; brackets inside a unit's name ("各县（市、区）人民政府") kept
# (each closed by its own kind: "【…）" is no bracket; a round one of either width, "（…)")
BRACKET = re.compile(
    r"(?:(?P<round>[（(])|(?P<tortoise>〔)|(?P<square>\[)|【)"
    r"\s*(?P<inside>(?:[^（）()〔〕\[\]【】]|[（(][^（）()]*[）)]|〔[^（）()〔〕]*〕){2,400}?)\s*"
    r"(?(round)[）)]|(?(tortoise)〕|(?(square)\]|】)))"
)
# ONE vocabulary of the words that say who leads and who cooperates, used by the labels ("牵头单位：", "协办单位："),
# the columns of a responsibility table and the role words after units ("A承办，B协办", "A、B配合落实"): a stem names
# the role, a kind of unit (单位/部门/处室/科室/股室) makes it a label; 责任 alone is a duty (lead, or cooperating
# beside a lead label)
# ONE tuple per role, from which the stems of the labels and the role words after units are built; a few forms are
# a label's only ("牵头责任单位", "主要协作单位"), a few a role word's only ("A指导", "A统筹", "A牵头抓总")
LEAD_ROLES = ("牵头", "负责", "主责", "主办", "承办", "主抓")
COOPERATING_ROLES = ("配合", "参与", "协助", "协同", "协作", "支持", "协办", "参加")
LEAD_STEMS = ("牵头责任", "主要责任", "主体责任", *LEAD_ROLES)
COOPERATING_STEMS = ("主要协作", "配合责任", *COOPERATING_ROLES)
UNIT_KINDS = "单位|部门|处室|科室|股室|处|科"
LABEL_NAMES = rf"(?:{'|'.join(LEAD_STEMS)}|{'|'.join(COOPERATING_STEMS)}|责任)(?:{UNIT_KINDS})"
LABELLED = re.compile(rf"^(?P<label>{LABEL_NAMES})\s*[:：]\s*")
# "牵头单位：X，配合单位：Y": a comma before a label ends the labelled part before it
# (or spaces: "牵头单位：X　配合单位：Y")
COMMA_BEFORE_LABEL = re.compile(rf"(?:[，,]\s*|(?<=[^\s:：])[ \t\u3000]+)(?=(?:{LABEL_NAMES})\s*[:：])")
INLINE_LABEL = re.compile(rf"[。；;]\s*((?:{LABEL_NAMES})\s*[:：][^（）()。]+?)[。]?\s*$")
# an item's label of units inside its first sentence, after a comma or glued to the heading ("1、学前教育促进,牵头单位:市教体局。
# 其中,…", "(一)适龄女生HPV疫苗接种牵头责任部门:县卫生健康委员会"): the label names the item's units, the words before it
# its title
GLUED_LABEL = re.compile(
    rf"(?:[，,]\s*|(?<=[\u4e00-\u9fffA-Za-z0-9”）)]))((?:{LABEL_NAMES})\s*[:：][^（）()，,]+?)\s*$"
)
LEAD_LABEL = re.compile(rf"^(?:{'|'.join(LEAD_STEMS)})(?:{UNIT_KINDS})$")
DUTY_LABEL = re.compile(rf"^责任(?:{UNIT_KINDS})$")
# "（负责部门：X；适用范围：Y）": where a measure applies, or by when, names no unit
NOT_UNITS_LABEL = re.compile(
    r"(?:[，,；;。]\s*|(?<=[^\s:：])[ \t\u3000]+)(?:适用范围|完成时限|完成时间|时间节点|时限)\s*[:：].*$"
    # a deadline after the units, unlabelled: "（市卫健委牵头，市医保局配合；2026年底前完成）"
    r"|[，,；;]\s*20\d{2}\s*年[^，,；;（）()]{0,10}$"
    # a longer one, closed by what is done: "（…按分管领域负责，2023年10月底前完成首批并持续推进）"
    r"|[，,；;]\s*20\d{2}\s*年[^，,；;（）()]{0,8}?前(?:完成|建成|落实|实现|启动|出台)[^，,；;（）()]{0,16}$"
    # or before them: "（2031年10月底前完成，市文旅局牵头，各区按分管领域负责）"
    r"|^\s*20\d{2}\s*年[^，,；;（）()]{0,8}?(?:前|底|内)(?:完成|建成|落实|实现|启动|出台)?[^，,；;（）()]{0,8}[，,；;]\s*(?=\S)"
    # or a time in words: "（国务院各部门分别负责，年内持续推进）", "（…负责，年底前完成）", "（…负责，长期坚持）"
    r"|(?<=负责|牵头|落实|配合)[，,；;]\s*(?:年内|年底前|年底|长期|持续|逐年|分年度)[^，,；;（）()\d]{0,8}$"
)
# a responsibility bracket of a 分解方案 that names the leader and who reports the figures beside the units ("牵头领导:谢瑞武,
# 牵头单位:市发改委,责任单位:…,数据提供单位:市统计局"): a person, and the source of the data, are no unit of the task
NOT_UNITS_PART = re.compile(
    r"(?:^|(?<=[，,；;]))\s*(?:(?:牵头|责任|分管|联系|包抓|督导)(?:市|县|区)?领导|数据(?:提供|来源|统计)单位)\s*[:：][^，,；;]*[，,；;]?"
)
BARE_LABEL = re.compile(rf"^{LABEL_NAMES}$")
TASK_LABEL = re.compile(r"^(?:具体任务|工作任务|任务内容)[:：]?$")
# The role words of a responsibility bracket, a closed list from the grammar of Chinese official documents:
# the unit(s) before the word lead (牵头, 负责, 主责, 主办, 指导, 督导, 统筹, 落实, 负责落实) or cooperate (配合,
# 参与, 协助, 协同, 支持, 协办, 参加); "按职责分工负责" and its variants (依职责, 根据职责分工, 分工负责, …落实 for
# …负责) share the work (they cooperate after a 牵头, else they lead); 分别/共同/依法 modify the word, not the role.
LEAD_WORDS = "|".join(
    ("牵头负责", "牵头抓总", "具体负责", "负总责", *LEAD_ROLES, "指导", "督导", "统筹", "落实")
)
COOPERATING_WORDS = COOPERATING_ROLES
# a role word may be followed by what the units do: "配合落实", "牵头实施", "参与推进", "协助完成"
# (or "组织实施": "各区政府负责组织实施" (reader63); "（X负责指导）", "（X牵头督导）": the unit leads (reader62))
ROLE_TAIL = "(?:组织实施|组织落实|落实|实施|推进|完成|执行|指导|督导)"
# (职能 for 职责: "按职能分工负责"; "按职责分别负责", "分头落实"; "具体实施": the units carry out their part)
# "按分管领域负责", "按照职责分工负责", "按各自职责负责", "依职责范围落实": the same sharing in other words (after a
# 牵头 they cooperate, else they lead)
SHARED_OTHER_WORDS = "(?:按照|依照|按|依|根据)(?:分管领域|分管职责|各自职责|职责范围|工作职责|职[责能]分工|职[责能])(?:分别)?(?:负责|落实)"
SHARED_WORDS = (
    "(?:按|依|根据)?职[责能]分工(?:负责|落实)|(?:按|依|根据)职[责能]分工|(?:按|依|根据)职[责能](?:分别)?(?:负责|落实)"
    f"|分(?:工|头)(?:负责|落实)|具体实施|{SHARED_OTHER_WORDS}"
)
# "Y、Z按职责分工配合": a cooperating word after the sharing words
# (also "按照职责分工配合", "按分管领域配合", "按各自职责参与")
SHARED_COOPERATING = (
    rf"(?:按照|依照|按|依|根据)(?:分管领域|各自职责|职[责能])(?:分工)?(?:{'|'.join(COOPERATING_WORDS)})"
)
# "A，B负责督促完成": B oversees what the units before it do (they lead, B cooperates); alone, B is responsible
SUPERVISING = r"(?:负责)?督促(?:完成|落实)?"
ROLE = re.compile(
    rf"(?P<role>{SUPERVISING}|{SHARED_COOPERATING}|{SHARED_WORDS}|(?:分别|共同|依法)?(?:{LEAD_WORDS}|{'|'.join(COOPERATING_WORDS)}){ROLE_TAIL}?)$"
)

# a bracket that says who does what (a role word, a label), not units named bare
NAMES_ROLES = re.compile(rf"{LEAD_WORDS}|{'|'.join(COOPERATING_WORDS)}|职责|会同|[:：]")
ORGANISATION = re.compile(
    r"(?:委|局|办|厅|部|府|会|院|中心|单位|部门|政府|管委会|分局|公司|组|队|站|所|署|总局|集团|机构|社|行|协会|学会|银行"
    r"|工商联|妇联|残联|侨联|科协|计生协|团中央|办公室|处|科|股|室|海关|党校|电视台|档案馆|图书馆|博物馆"
    # (reader68) a central bank's branch shortened ("人行苏州中支": 中国人民银行苏州市中心支行)
    r"|中支)$"
)
# a unit followed by another name for it in brackets: "市交通委（市道运局）", "规划处(爱卫办)"; (reader68) a copy's
# angle brackets too ("各县级市<区>政府<管委会>", "‹管委会›": a web copy's typed brackets, kept as written)
ALIAS = re.compile(r"\s*(?:[（(][^（）()]*[）)]|〔[^〔〕]*〕|[<‹〈][^<>‹›〈〉]*[>›〉])$")
# "A会B" in a list of units is "A会同B" (a unit ends before the 会; 委员会, 总工会, 协会… are names, and 会议,
# 会展, 会计, 会商… words, not this)
SHORT_HUITONG = re.compile(
    r"(?<=[处科股室局厅办部])会(?![同议展计商签审员务所馆场])(?=[^，,、；;（）()]{3,}$)"
)


# the governments of places named together: "各地区", "相关地区", "有关地方", "各省（区、市）"
PLACES_TOGETHER = re.compile(
    r"^(?:各|相关|有关)(?:地区|地方|省|市|县|区|乡镇|街道)(?:[（(][^（）()]*[）)])?$"
)


# a government unit named bare in an item's closing bracket: its level, then what it is ("市人社局", "区卫生健康委")
BARE_UNIT = re.compile(r"^(?:省|市|县|区|州|旗|盟)[^，,、；;:：\s\d]{1,14}(?:局|委|厅|办|院|中心|政府)$")


PLACE_UNIT = re.compile(
    r"(?:各|有关|相关)[\u4e00-\u9fffA-Za-z]{0,10}(?:区县|区|县|市|街道|乡镇|镇|社区|园区)"
    # (reader68) a port zone run as a unit ("广元国际铁路港", "某某综合保税区")
    r"|[\u4e00-\u9fff]{1,10}(?:开发区|经开区|新区|园区|专班|机关|铁路港|国际陆港|无水港|港务区|保税区)"
    r"|[\u4e00-\u9fff]{2,3}(?:市|区|县)"
    # a town or a subdistrict named by its place ("古林镇", "石碶街道"), not a kind of town ("小城镇", "特色小镇")
    r"|[\u4e00-\u9fff]{2,3}(?<![城小乡集])镇|[\u4e00-\u9fff]{2}街道"
)

# a kind of area, no place: "沿海地区", "试点城市", "重点园区", "发展新区" (a word before 地区/城市/园区/新区 that names no
# place; "浦东新区", "喀什地区", "高新区" stay places)
GENERIC_AREA = re.compile(
    r"[\u4e00-\u9fff]{2}城市"
    r"|(?:沿海|沿边|沿江|沿线|内陆|边远|偏远|边疆|贫困|脱贫|民族|山区|农村|城镇|城乡|试点|示范|重点|发展|先行|中心|周边"
    r"|其他|其它|部分|重要|特色|新兴|产业|工业|开发|物流|数字|西部|东部|中部|东北|西北|西南|发达|落后|受援|对口|统筹"
    r"|入驻|特殊|困难|老区|牧区|林区|灾区|毗邻|相邻)(?:地区|园区|新区)"
)


def is_organisation(name: str) -> bool:
    """A name a bracket or a column may give as a unit: it ends like an organisation (an alias in brackets aside),
    or it names the governments of several places together ("各地区")."""
    return bool(
        ORGANISATION.search(ALIAS.sub("", name))
        or PLACES_TOGETHER.match(name)
        or COUNTED_DIVISIONS.fullmatch(name)
        # the places and bodies a bracket assigns beside departments: "有关区县", "各街道", "各镇（街道）", "各OPC社区",
        # "立山经济开发区", "县经开区", "全区经济运行各专班", "团市委机关", "成都市", "越秀区" (a place named as a unit)
        or (PLACE_UNIT.fullmatch(ALIAS.sub("", name)) and not GENERIC_AREA.fullmatch(name))
        # "各区、县级市", "各区、县(市)政府": one 各-phrase naming kinds of divisions (unit_names joins it)
        or re.fullmatch(
            rf"(?:各|有关|相关).{{0,4}}?(?:区|县|市|乡镇|乡|镇|旗)、(?:{DIVISION_KIND.pattern}|{DIVISION_GOVERNMENTS.pattern})",
            name,
        )
    )


# "以下均需各县（市、区）人民政府（管委会）落实，不再列出", "以下责任单位均包括各县（市、区）人民政府": a rule for
# every task after it
# (reader61) said also of every measure, the "以下" after the units: "各项措施责任单位均包括各市〔州〕、各县〔…〕人民政府，
# 以下不再列出" (without "以下…不再列出" such a sentence may state a duty of one paragraph only)
FROM_HERE_ON = re.compile(
    r"(?:(?P<ahead>以下[^。；，,（）()]{0,12}?)|(?:各项|所有|全部|每项)[^。；，,（）()]{0,8}?)均(?:需|包括|含|由|涉及)"
    # (reader72) units a comma divides ("以下均需各园区管委会,各镇(街)人民政府落实,不再列出"), where 不再列出 follows
    r"(?P<units>(?:[^（）()。；〔〕，,\]】]|[（(][^（）()]*[）)]|〔[^（）()〔〕]*〕"
    r"|[，,](?=[^。；〔〕]{2,80}?[，,]\s*不再(?:一一|重复|单独|另行)?列出))+?)"
    # (reader65) the units' duty in two words ("以下各项任务均需各县区负责落实"); a cooperating word makes them cooperate
    r"(?P<verb>负责落实|具体落实|组织落实|(?:配合|参与|协助)(?:落实|实施)?|落实|负责|参与|配合|协助)?"
    r"(?(ahead)(?:[，,]\s*不再(?:一一|重复|单独|另行)?列出)?|[，,]\s*以下\s*(?:均\s*)?不再(?:一一|重复|单独|另行)?列出)(?=[。；;〕）)\]】]|$)"
)
# "（A、B负责。列第一位者为牵头单位，下同）": in this bracket and every one after it, the first unit leads; said
# also "排在首位的部门为牵头部门", or cut off by a copy's end after "注：排在首位"
# (reader72) "各项举措中排序第一的责任单位为该项牵头单位": the same rule, said of each measure
FIRST_LISTED_LEADS = re.compile(
    r"(?:(?:列|排)(?:在)?(?:第一位|首位)|排序第一(?:位)?)(?:者|的)?(?:责任)?(?:单位|部门)?"
    r"(?:为(?:该项|该条|该)?(?:工作)?牵头(?:单位|部门|或)|[）)]?\s*$)"
    # "第一个单位为牵头单位", "第一家单位是牵头单位": the same rule with the first unit counted
    r"|第一(?:个|家)?(?:单位|部门)(?:为|是)牵头(?:单位|部门)",
    re.M,
)
# a bracket whose units have a role word of their own ("A指导", "A牵头，B参与"); "按职责分工负责" shares the work
NAMES_A_ROLE = re.compile(rf"{LEAD_WORDS}|{'|'.join(COOPERATING_WORDS)}|会同")
# "逗号前为牵头单位，下同": the units before a bracket's first comma lead, in it and in every bracket after it
COMMA_LEADS = re.compile(r"逗号前(?:的)?(?:为|是)牵头")
# a unit named by its province ("上海银保监局", "广东海事局", "北京证监局"): its level is its own, not the unit's before it
PROVINCE_NAMED = re.compile(
    "(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州"
    "|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆)"
)
# a national regulator's office named by its city ("深圳金融监管局", "宁波证监局", "青岛海事局", "厦门出入境检验检疫局";
# "地方金融监管局" names no place: the province's own bureau, of the list's level)
CITY_OFFICE = re.compile(
    r"^(?!金融|证券|地方)[\u4e00-\u9fff]{2,3}(?:金融监管局|证监局|银保监局|银保监分局|海事局|邮政管理局|出入境检验检疫局)$"
)
# a city bureau's branch in a district, named by the district's place ("海曙生态环境分局", "海曙自然资源规划分局"):
# the place names its level, the list's is not added
PLACE_BRANCH = re.compile(
    r"^[\u4e00-\u9fff]{2,3}?(?:生态环境|自然资源(?:和)?规划|自然资源|公安|税务|市场监管|规划)分局$"
)
LEVEL = re.compile(r"^(?:省|市(?!场)|县|区|州|旗|盟)")  # 市场监管总局 is national, not 市
# (reader61) a zone of a city's rank that names its departments "示范区X局" ("示范区发展改革和统计局、财政金融局"):
# a bare bureau after one is the zone's
ZONE_LEVEL = re.compile(
    r"^示范区(?=[\u4e00-\u9fff]{2,}?(?:[局委办厅部]|委员会)(?:[（(][\u4e00-\u9fff]{1,8}[)）])?$)"
)
DIVISION_KIND = re.compile(r"(?:县级市|县（市、区）|县（区）|县|区|市|乡镇|乡|镇|街道|旗)")

# the first unit of a list of units ("责任单位：科技厅、", "（教育厅、"), to see whether it has its level
LIST_OPENS_BARE = re.compile(
    rf"(?:(?:{LABEL_NAMES})\s*[:：]|[（(])\s*(?P<first>[^\s、，,。；;：:（）()\d]{{2,10}}?[厅局委])(?=[、，,])"
)
# the kinds of divisions closing a 各-phrase with their governments: "县(市)政府(管委会)", "县(市)人民政府"
# (reader68) the kind named by its rank too: "各市、县级政府", "各市、县级人民政府" are one unit
DIVISION_GOVERNMENTS = re.compile(
    r"(?:县级市|县[（(]市[)）]|县[（(]区[)）]|县区|(?:县|区|市|乡|镇)级|县|区|市)(?:人民)?政府(?:[（(][^（()）、]{1,6}[)）])?"
)

# (reader57) a people's body or an academy of a level, written bare after a unit of its level ("省发展改革委、…妇联",
# "省科技厅、科学院", "…农业农村厅、农科院"): of that level too
LEVELLED_BODY = re.compile(
    r"(?:妇联|残联|侨联|文联|科协|总工会|团委|(?:科学|农科|社科|农业科学|社会科学|林科|医学科学)院)"
)
# (reader57) a 各-phrase naming kinds of divisions of any kind, a 州 or 盟 among them, each with its sub-kinds in
# brackets: "各市、州、县人民政府", "各市（州）、县（市、区）人民政府", "各盟、市、旗人民政府" are one unit each
DIVISION_NAME = (
    r"(?:县级市|自治州|自治县|地区|乡镇|街道|县|区|市|州|盟|旗|乡|镇)"
    # (reader61) the sub-kinds in 〔〕 too ("各市〔州〕、各县〔市、区、特区〕人民政府")
    r"(?:[（(][^（()）]{1,8}[)）]|〔[^〔〕（()）]{1,8}〕)?"
)
# (reader72) kinds written together without a 顿号 are one kind-run too: "各市州、县市区人民政府" is one unit
DIVISIONS_RUN = re.compile(rf"(?:各|有关|相关)(?:{DIVISION_NAME}){{1,3}}(?:、(?:{DIVISION_NAME}){{1,3}})*")
DIVISION_CLOSING = re.compile(
    rf"(?:{DIVISION_NAME}){{1,3}}(?:(?:人民)?政府|党委和政府|党委、政府)?(?:[（(][^（()）、]{{1,6}}[)）])?"
    # (reader61) "各市〔州〕、各县〔市、区、特区〕人民政府": the kinds each with its 各, closed by their governments
    rf"|各{DIVISION_NAME}(?:人民)?政府(?:[（(][^（()）、]{{1,6}}[)）])?"
)


@dataclass
class Task:
    clause: str
    title: str
    text: str
    lead_units: list[str] = field(default_factory=list)
    cooperating_units: list[str] = field(default_factory=list)
    deadline: str | None = None


def _split_outside_brackets(text: str, separators: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += ch in "（(〔"
        depth -= ch in "）)〕"
        if ch in separators and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return [*parts, current]


# what a group after 等 is called: 部门, 单位, "部门和单位", "部门单位", "部门及单位", 机构
GROUP_WORD = r"(?:部门(?:和|及|与)?单位|部门|单位|机构)"


# whether the document being read names a department without its level where it could take one (True while
# tasks() reads a document that opens a list of units with a bare 厅/局/委: "责任单位：科技厅、成都市、…")
AS_WRITTEN: ContextVar[bool] = ContextVar("units_as_written", default=False)
# (reader68) the "A、B" pairs that name ONE unit in the document being read (a joint office, "市科委、中关村管委会"):
# set while tasks() reads a document whose labelled lists separate units by "，" (see _joined_pairs)
JOINED_PAIRS: ContextVar[frozenset[str]] = ContextVar("joined_unit_pairs", default=frozenset())
# a labelled line of units standing alone ("主责单位：市教委，市科委、中关村管委会，市财政局")
LABELLED_LINE = re.compile(rf"^\s*(?:{LABEL_NAMES})\s*[:：]\s*(?P<units>[^。；;：:\n]+?)[。]?\s*$", re.M)


def _joined_pairs(text: str) -> frozenset[str]:
    """(reader68) "主责单位：A，B、C，D" on line after line, with "，" between units: a "、" there joins the two names of
    one unit (an office with two names) when the same pair recurs and neither of its names is ever listed alone. A
    document whose lists separate groups by "，" and units by "、" ("责任单位：A、B，C") lists its units apart too,
    so its pairs do not recur unbroken with their names never alone; a 各-phrase beside a unit is never one body."""
    pairs: dict[str, int] = {}
    alone: set[str] = set()
    many_commas = False
    for m in LABELLED_LINE.finditer(text):
        parts = [p.strip() for p in _split_outside_brackets(m.group("units"), "，,")]
        if len(parts) < 2:
            alone.update(parts)
            continue
        many_commas = many_commas or len(parts) >= 3
        for part in parts:
            names = _split_outside_brackets(part, "、")
            # a joint office's two names are one body's: a 各-phrase names many ("各区县(市)政府、开发园区管委会")
            if len(names) == 2 and all(
                len(n) >= 2 and not re.match(r"(?:各|有关|相关|其他|其它)", n) for n in names
            ):
                pairs[part] = pairs.get(part, 0) + 1
            elif len(names) == 1:
                alone.add(part)
            else:
                alone.update(names)
    members = [n for pair in pairs for n in pair.split("、")]
    return frozenset(
        pair
        for pair, count in pairs.items()
        if many_commas
        and count >= 2
        and not any(n in alone or members.count(n) > 1 for n in pair.split("、"))
    )


def _opens_a_list_bare(text: str) -> bool:
    """Whether a list of units opens with a department named without its level ("（责任单位：教育厅、人力资源社会保障厅、
    科技厅）"): such a document writes its departments bare throughout, and one after a unit with a level is not
    given that level."""
    return any(
        not re.match(r"^(?:省|市|县|区|州|旗|盟|各|国家|自治区|乡|镇|中央|中国)", m.group("first"))
        and not re.search(r"[省州市县区]", m.group("first"))
        and not PROVINCE_NAMED.match(m.group("first"))
        for m in LIST_OPENS_BARE.finditer(text)
    )


# "16区和北京经济技术开发区", "各区政府和天府新区管委会": a zone (开发区, 新区, 园区) after 和/及 beside the divisions or
# a unit is a unit of its own
ZONE_AFTER_AND = re.compile(
    r"(?:(?<=[委局办厅府会部院心门位署区县市])|(?<=公司))(?:以及|及|和|与)"
    r"(?=[\u4e00-\u9fff]{2,14}?(?:开发区|新区|园区|示范区|管委会|管理委员会)(?:[（(][^（）()、，,]{0,12}[）)])?(?:[、，,；;]|等|$))"
)
# the districts named by their count ("16区", "13个区县", "十六个区"): the governments of all of them
COUNTED_DIVISIONS = re.compile(r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})个?(?:区县|县区|县市区|区|县|市)")


def unit_names(part: str) -> list[str]:
    """'市劳动和社会保障局、卫生局及各县（区）人民政府等' → its units: split at 、 and at 及/和/以及 between two
    units (not inside a name: 人力资源和社会保障局), a trailing 等 dropped, a bureau written without its level
    given the level of the first unit (卫生局 after 市…局 → 市卫生局)."""
    # a company, a group or a bank before 及 is a unit too ("中国国家铁路集团有限公司及各地区"); so is a group's members
    # after it ("市工业和信息化局及专班成员单位")
    part = re.sub(
        r"(?:(?<=[委局办厅府会部院心门位署])|(?<=公司)|(?<=集团)|(?<=银行))(?:以及|及|和|与)"
        r"(?=[各省市县区州旗乡镇国]|相关|有关|[^、，,及和与]{0,8}成员单位"
        # (reader68) the departments a named document concerns ("…政府及《管理办法》涉及的相关部门")
        r"|[^、，,]{0,20}?(?:相关|有关)(?:部门|单位)(?:[、，,]|$))",
        "、",
        part,
    )
    part = ZONE_AFTER_AND.sub("、", part)
    names = []
    joined = JOINED_PAIRS.get()
    pieces = _split_outside_brackets(re.sub(r"^\s*由", "", part), "、")
    for i in range(len(pieces) - 1, 0, -1):
        if f"{pieces[i - 1].strip()}、{pieces[i].strip()}" in joined:  # one unit of two names
            pieces[i - 1 : i + 1] = [f"{pieces[i - 1].strip()}、{pieces[i].strip()}"]
    for name in pieces:
        name = name.strip(" 　")
        # "民政部等有关部门和单位", "住房城乡建设部等国务院相关部门": the group after 等 is a unit of its own
        # "市统计局等各相关部门": so is one after 等各
        # "市财政局等市级相关单位": so is one after 等市级
        group = re.search(
            rf"(?<=.)等((?:国务院|中央|(?:省|市|县|区)级?)?各?(?:相关|有关){GROUP_WORD})$", name
        )
        # "人民银行等部门", "中国科协等部门单位": a group word after 等 with no 相关/有关 names no unit
        name = re.sub(
            rf"(?:等(?:(?:国务院|中央|(?:省|市|县|区)级?)?各?(?:相关|有关))?{GROUP_WORD}?)$", "", name
        )
        if (
            names
            and (DIVISION_KIND.fullmatch(name) or DIVISION_GOVERNMENTS.fullmatch(name))
            and re.fullmatch(r"(?:各|有关|相关).{0,4}?(?:区|县|市|乡镇|乡|镇|旗)", names[-1])
        ) or (names and DIVISIONS_RUN.fullmatch(names[-1]) and DIVISION_CLOSING.fullmatch(name)):
            # "各区、县级市": one 各-phrase naming kinds of divisions is one unit; so is "各区、县(市)政府(管委会)" and
            # "有关区、市政府" (the divisions concerned)
            names[-1] += "、" + name
        elif name:
            names.append(name)
        if group:
            names.append(
                group.group(1)
            )  # "民政部等有关部门和单位": the ministry, then the others as one unit
    # "广州、深圳、东莞市政府": the places before a city's government share its words (广州市政府, 深圳市政府)
    for i in range(len(names) - 2, -1, -1):
        shared = re.fullmatch(r"[\u4e00-\u9fff]{2,3}?((?:市|区|县)(?:人民)?政府)", names[i + 1])
        if shared and re.fullmatch(r"[\u4e00-\u9fff]{2,3}", names[i]) and not is_organisation(names[i]):
            names[i] += shared.group(1)
    # (reader72) "济源示范区、航空港区管委会": a bare zone before a zone's committee shares its words (济源示范区管委会)
    for i in range(len(names) - 2, -1, -1):
        shared = re.fullmatch(
            r"[\u4e00-\u9fff]{2,10}?(?:示范区|新区|开发区|高新区|园区|港区)(管委会|管理委员会)", names[i + 1]
        )
        if shared and re.fullmatch(r"[\u4e00-\u9fff]{2,10}(?:示范区|新区|开发区|园区|港区)", names[i]):
            names[i] += shared.group(1)
    level = LEVEL.match(names[0]).group(0) if names and LEVEL.match(names[0]) else ""
    if names and ZONE_LEVEL.match(names[0]):
        level = ZONE_LEVEL.match(names[0]).group(0)
    for i, written in enumerate(names):
        # (lead, session 26) a unit's second name in brackets ("农业农村厅（乡村振兴局）", "发改委（数据管理局）") is no
        # part of what tells its kind and its length; a central body's regional office ("民航云南监管局", "中国…局集团")
        # is national
        name = ALIAS.sub("", written)
        bare = not re.match(r"^(?:省|市(?!场)|县|区|州|旗|盟|各|国家|自治区|乡|镇|中央|民航|中国)", name)
        if (
            level
            and bare
            and not AS_WRITTEN.get()
            # "人力资源社会保障厅", "人力资源和社会保障局"; (reader68) an administration's longer name
            # ("行政审批政务信息管理局")
            and (
                len(name) <= 10
                or (len(name) <= 12 and name.endswith("管理局"))
                or (len(name) <= 14 and name.endswith("成员单位"))
            )
            # a court, a procuratorate and a short-named centre are of a level too ("省法院、检察院" -> 省检察院,
            # "市人社局 医保中心" -> 市医保中心); a longer centre's name may open with its place ("成都公积金中心")
            and (
                re.search(r"(?:[局委办厅]|法院|检察院|^[\u4e00-\u9fff]{2,3}中心)$", name)
                # (lead, session 26) a corps of the level's fire and rescue ("消防救援总队" -> 省消防救援总队)
                or re.fullmatch(r"消防救援(?:总队|支队|大队)", name)
                # (reader72) a centre named by its work ("土地发展中心", "不动产登记和交易中心"), not by a place
                or re.search(r"(?:发展|服务|交易|登记|保障|促进)中心$", name)
                or LEVELLED_BODY.fullmatch(name)
                # (reader68) a company named by its trade alone ("电力公司", "燃气公司"; "苏州供电公司" names its
                # place) and a committee's members ("安全生产委员会成员单位"; a group's, "领导小组成员单位", stays as written)
                or re.fullmatch(r"[\u4e00-\u9fff]{2}公司", name)
                or re.search(r"委员会成员单位$", name)
                # (reader61) a commission written in full ("卫生健康委员会") in a zone's list
                or (level in ("示范区",) and name.endswith("委员会"))
            )
            and not re.search(
                r"[省州县区]|市(?!场)", name
            )  # "团省委" names its level ("市场监管局" does not)
            and not PROVINCE_NAMED.match(name)  # "上海银保监局", "广东海事局": a place names its level
            and not CITY_OFFICE.match(name)  # "深圳金融监管局", "厦门证监局": so does a city
            and not PLACE_BRANCH.match(
                name
            )  # "海曙生态环境分局": a city bureau's branch named by its district
        ):
            names[i] = level + written
    return names


def split_units(text: str) -> tuple[list[str], list[str]]:
    """'市卫生健康委，市发展改革委、市医保局' → lead before the first comma, the rest cooperate."""
    text = re.sub(
        r"[，,]\s*含[^）)]*下同", "", text
    )  # 各县（市、区，含…，下同）人民政府 → 各县（市、区）人民政府
    text = text.split("。")[0]
    lead, *rest = _split_outside_brackets(text, "，,")
    return unit_names(lead), [n for part in rest for n in _levelled_after(unit_names(lead), part)]


def _levelled_after(before: list[str], part: str) -> list[str]:
    """(reader72) The units of a comma's part whose first unit is written without its level after a list that has
    it ("市住建局、自然资源和规划局,不动产登记和交易中心、土地发展中心"): of the level of the list's first unit."""
    names = unit_names(part)
    if not before or not names or LEVEL.match(names[0]) or not LEVEL.match(before[0]):
        return names
    levelled = unit_names(f"{before[0]}、{part}")[1:]
    return levelled if len(levelled) == len(names) else names


GLUED_LEAD_WORD = re.compile(
    rf"(?<=[委局办厅府会部院心联])牵头(?=(?:省|市|县|区|州)[^，,；;。]{{0,200}}?(?:{SHARED_WORDS}|{'|'.join(COOPERATING_WORDS)}|负责))"
)
# a 责任单位 list whose first units lead by a role word and a 顿号 after it ("A和B分别牵头、C", "A牵头、B、C"); what
# follows names no role of its own
LEADS_BEFORE_LIST = re.compile(
    r"^(?P<lead>[^，,；;。、牵配（）()]{2,40}?)(?:分别|共同)?牵头(?:负责)?、(?P<rest>[^，,；;。牵配责（）()]{2,200})$"
)
# a unit marked as the lead inside a list: "市卫健委（牵头）、市财政局"
LEAD_MARK = re.compile(r"\s*[（(]\s*牵头(?:单位|部门)?\s*[)）]")
# reader58: a sign before a unit marking it the lead ("▲发改局,各部门,各镇乡(街道)", "★市卫健委、市财政局"), a 任务分解
# table's mark for its 牵头 unit: read as "（牵头）" after that unit (LEAD_MARK), the units not marked cooperate
LEAD_SIGNS = "▲★☆△◆●■※"
SIGN_MARKED_UNIT = re.compile(
    rf"[{LEAD_SIGNS}]\s*((?:[^，,、；;。（()）{LEAD_SIGNS}\s]|[（(][^（()）]*[)）])(?:[^，,、；;。（()）{LEAD_SIGNS}]|[（(][^（()）]*[)）])*)"
)


def _signs_as_lead_marks(bracket: str) -> str:
    """'▲发改局,各部门' → '发改局（牵头）,各部门': each unit a sign marks as the lead, its mark written out."""
    return SIGN_MARKED_UNIT.sub(lambda m: m.group(1) + "（牵头）", bracket)


# role words closing a part of a list of units: "A牵头，B、C配合"
ROLE_INSIDE = re.compile(
    rf"(?:{SUPERVISING}|{LEAD_WORDS}|{'|'.join(COOPERATING_WORDS)}){ROLE_TAIL}?\s*(?:[，,；;]|$)"
)


def _comma_list(bracket: str) -> bool:
    """Whether a bracket is one 责任单位 list whose parts a comma divides with no role word or stated rule of
    its own ("责任单位：A、B，C"; not "责任单位：A牵头，B配合", "逗号前为牵头单位" or a second label)."""
    text = re.sub(r"[，,]\s*含[^）)]*下同", "", bracket.strip().lstrip("（(").rstrip("）)。；; "))
    labelled = LABELLED.match(text)
    if not labelled or not DUTY_LABEL.match(labelled.group("label")):
        return False
    units = text[labelled.end() :]
    return bool(
        re.search(r"[，,]", units)
        and not LABELLED.search(re.sub(r"^.*?[；;。\n]", "", units, flags=re.S))
        and not re.search(rf"[；;。\n]\s*(?:{LABEL_NAMES})\s*[:：]", units)
        and not ROLE.search(units)
        and not NAMES_A_ROLE.search(units)
        and "逗号" not in units
        and not FIRST_LISTED_LEADS.search(units)
    )


def _duty_list_before_cooperating(bracket: str) -> list[str]:
    """(reader65) "责任单位：A，B；配合单位：C": the units after the first comma of a 责任单位 list whose bracket names its
    cooperating units under a label of their own. The comma there separates units of one list (the 配合单位 label says
    who cooperates), so they lead with A in a document that states no comma rule; [] for any other bracket."""
    text = COMMA_BEFORE_LABEL.sub("；", bracket.strip().lstrip("（(").rstrip("）)。；; "))
    segments = [segment.strip() for segment in re.split(r"[；;。\n]", text) if segment.strip()]
    if len(segments) < 2:
        return []
    duty, *others = segments
    labelled = LABELLED.match(duty)
    if not (labelled and DUTY_LABEL.match(labelled.group("label"))):
        return []
    for other in others:
        label = LABELLED.match(other)
        if not label or not label.group("label").startswith(COOPERATING_STEMS):
            return []
    units = duty[labelled.end() :]
    if (
        not re.search(r"[，,]", units)
        or ROLE.search(units)
        or NAMES_A_ROLE.search(units)
        or "逗号" in units
        or FIRST_LISTED_LEADS.search(units)
    ):
        return []
    return split_units(units)[1]


def units_of(bracket: str) -> tuple[list[str], list[str]] | None:
    """The lead and cooperating units a bracket names, or None when it names no units.

    - "责任单位：A，B、C": lead before the first comma ("逗号前为牵头单位"), the rest cooperate;
    - "牵头单位：A；配合单位：B" (or 牵头责任单位/主要协作单位 on lines of their own): as labelled;
    - "A牵头，B配合" / "A负责，B配合" / "A、B分别负责，C配合": by the word after each part;
    - "A牵头，B按职责分工负责": B cooperates; "A、B按职责分工负责" with no 牵头: all lead;
    - "A会同B负责": A leads, B cooperates; "A及B"/"A和各B": two units; a trailing 等 is dropped.
    """
    bracket = re.sub(r"[，,]\s*含[^）)]*下同", "", bracket).strip()
    # "各区人民政府〈含开发区、长江新区、风景区管委会,下同〉": what the unit covers, no unit of its own
    bracket = re.sub(r"[〈<]\s*含[^〈〉<>]*[〉>]", "", bracket)
    bracket = re.sub(r"[。；;]?\s*逗号前为牵头单位.*$", "", bracket)
    bracket = re.sub(
        r"[。；;，,（(]?\s*(?:注\s*[:：]\s*)?(?:(?:列|排)(?:在)?(?:第一位|首位)|排序第一(?:位)?)"
        r"(?:(?:者|的)?(?:责任)?(?:单位|部门)?为(?:该项|该条|该)?(?:工作)?牵头.*)?$",
        "",
        bracket,
    )
    bracket = FROM_HERE_ON.sub("", bracket).rstrip("。；;，, ")
    bracket = NOT_UNITS_LABEL.sub("", bracket)
    bracket = NOT_UNITS_PART.sub("", bracket).rstrip("。；;，, ")
    bracket = COMMA_BEFORE_LABEL.sub("；", bracket)
    # "省残联、省卫生健康委牵头省教育厅、省民政厅按职责分工负责": a copy that lost the comma after 牵头 (the next
    # unit starts with its level, a role word follows it)
    bracket = GLUED_LEAD_WORD.sub("牵头，", bracket)
    if SIGN_MARKED_UNIT.search(bracket):
        bracket = _signs_as_lead_marks(bracket)
    if LEAD_MARK.search(bracket):
        # "责任单位：市卫健委（牵头）、市财政局、市医保局": the unit marked (牵头) leads, the others cooperate
        # the labels opening its parts are no unit's name ("牵头单位：A（牵头）；配合单位：B、C"); the units not marked
        # cooperate, so under a 配合 label too
        listed = "；".join(LABELLED.sub("", segment.strip()) for segment in re.split(r"[；;]", bracket))
        lead, cooperating, unmarked = [], [], []
        for part in [*_split_outside_brackets(listed, "，,、；;"), "（牵头）"]:
            if not LEAD_MARK.search(part):
                unmarked.append(part.strip())
                continue
            # the units not marked between two marked ones read as one list ("各区、县级市" one unit)
            unmarked, name = [p for p in unmarked if p], LEAD_MARK.sub("", part).strip()
            before = unit_names("、".join(unmarked)) if unmarked else []
            joined = unit_names("、".join([*unmarked, name])) if unmarked and name else []
            if before and len(joined) == len(before):
                # "各区、县（市）政府（牵头）": the mark closes a 各-phrase begun before it, which leads whole
                cooperating, lead = cooperating + before[:-1], [*lead, joined[-1]]
            else:
                cooperating, lead = cooperating + before, lead + unit_names(name)
            unmarked = []
        if lead and all(is_organisation(n) or n.startswith("各") for n in lead + cooperating):
            return lead, cooperating
    if LABELLED.match(bracket):
        lead, cooperating = [], []
        segments = []
        for segment in re.split(r"[；;。\n]", bracket):
            # "责任单位：市高院、…市通信管理局等；各区政府": units after a semicolon, with no label or role word of their
            # own, are the label's before it
            if (
                segments
                and not LABELLED.match(segment.strip())
                and not ROLE.search(segment)
                and (bare := unit_names(segment.strip()))
                and all(is_organisation(n) or n.startswith("各") for n in bare)
            ):
                segments[-1] += "、" + segment.strip()
            else:
                segments.append(segment)
        for segment in segments:
            labelled = LABELLED.match(segment.strip())
            if not labelled:
                continue
            units = segment.strip()[labelled.end() :]
            if DUTY_LABEL.match(labelled.group("label")) and any(
                LABELLED.match(other.strip())
                and LEAD_LABEL.match(LABELLED.match(other.strip()).group("label"))
                for other in re.split(r"[；;。\n]", bracket)
            ):
                cooperating += [n for part in _split_outside_brackets(units, "，,") for n in unit_names(part)]
            elif DUTY_LABEL.match(labelled.group("label")) and (shared := LEADS_BEFORE_LIST.match(units)):
                # "责任单位：A和B分别牵头、C": the units before 牵头 lead, those after it cooperate
                lead += unit_names(re.sub(r"(?<=[局委办厅府心])(?:和|及|与)", "、", shared.group("lead")))
                cooperating += unit_names(shared.group("rest"))
            elif (
                DUTY_LABEL.match(labelled.group("label"))
                and ROLE_INSIDE.search(units)
                and (roled := units_of(units))
            ):
                lead += roled[0]  # "责任单位：A牵头，B、C配合": the role words inside the label say who leads
                cooperating += roled[1]
            elif DUTY_LABEL.match(labelled.group("label")):
                # (reader72) "责任单位：各相关职能部门按职责分工": the sharing words closing the list name no unit
                first, rest = split_units(
                    re.sub(rf"(?<=[\u4e00-\u9fff）)])(?:{SHARED_WORDS})$", "", units.strip())
                )
                lead += first
                cooperating += rest
            elif LEAD_LABEL.match(labelled.group("label")):
                lead += [n for part in _split_outside_brackets(units, "，,") for n in unit_names(part)]
            else:
                cooperating += [n for part in _split_outside_brackets(units, "，,") for n in unit_names(part)]
        return (lead, cooperating) if lead or cooperating else None
    parts = [_huitong(p.strip()) for p in _split_outside_brackets(bracket, "，,；;") if p.strip()]
    if len(parts) == 1 and "会同" in parts[0] and not ROLE.search(parts[0]):
        parts = [parts[0] + "负责"]  # "（省卫生健康委会同省财政厅）"
    roles = [ROLE.search(p) for p in parts]
    if (
        len(parts) == 1
        and not roles[0]
        and (names := unit_names(parts[0]))
        and all(is_organisation(n) for n in names)
        and BARE_UNIT.match(names[0])
    ):
        # "1.提高养老金待遇。…(市人社局、市财政局)": the units named bare after an item do it; (lead, session 26) so do
        # bodies named by their own name beside them once the list opens with a levelled unit ("（省交通运输厅、昆明海关、
        # 中国铁路昆明局集团）"; a comma in the list keeps its meaning, the units before it lead)
        return names, []
    if not roles or not roles[-1]:
        return None  # a bracket that ends with no role word names no units: "（以下简称“医共体”）"
    has_lead_word = any(r and "牵头" in r.group("role") for r in roles)
    lead, cooperating, pending = [], [], []
    for part, role in zip(parts, roles, strict=True):
        if not role:
            pending.append(part)  # "A，B配合": a part without its word takes the next part's
            continue
        word = role.group("role")
        if re.fullmatch(SUPERVISING, word) and pending:
            lead += [n for p in pending for n in unit_names(p)]
            pending = []
        names = [n for p in [*pending, part[: role.start()]] for n in unit_names(p)]
        pending = []
        if re.fullmatch(SUPERVISING, word) and lead:
            cooperating += names
        elif "会同" in part[: role.start()]:
            head, _sep, others = part[: role.start()].partition("会同")
            lead += unit_names(head)
            cooperating += unit_names(others)
        elif re.sub(f"{ROLE_TAIL}$", "", word).endswith(COOPERATING_WORDS) or (
            _shares(word) and has_lead_word
        ):
            cooperating += names
        elif (_shares(word) or (word in LATER_LEAD_WORDS and has_lead_word)) and lead:
            # "A负责，B按职责分工负责"; "A牵头，B、C负责" or "A牵头，…，各市政府落实": B and C do their part
            cooperating += names
        else:
            lead += names
    if not all(is_organisation(n) for n in lead + cooperating) or not (lead or cooperating):
        return None
    return lead, cooperating


# "A牵头，B负责落实", "A牵头，B负责实施": after a 牵头, a later part's plain duty word is its share of the work
LATER_LEAD_WORDS = (
    "负责",
    "落实",
    "负责落实",
    "负责实施",
    "负责推进",
    "负责组织实施",
    "具体落实",
    "具体负责",
)


def _huitong(part: str) -> str:
    """ "宣传处会办公室" → "宣传处会同办公室": the short 会 between two units, when what it joins are units."""
    role = ROLE.search(part)
    names = part[: role.start()] if role else part
    m = SHORT_HUITONG.search(names)
    if m and is_organisation(names[: m.start()]) and is_organisation(names[m.end() :]):
        return part[: m.start()] + "会同" + part[m.end() :]
    return part


def _shares(word: str) -> bool:
    """ "按职责分工负责", "依职责负责", "分工负责": the units share the work named before."""
    return bool(re.fullmatch(SHARED_WORDS, word))


def deadline_of(text: str, default_year: int | None = None) -> str | None:
    """'到2025年' → end of 2025; '2024年底前完成' → end of 2024."""
    years = [int(y) for y in DONE_BY.findall(text)] or [int(y) for y in YEAR.findall(text)]
    year = min(years) if years else default_year
    return f"{year}-12-31" if year else None


def _numbered(line: str, last_number: int):
    """The '2.' or '2、' item a line opens, if any ("11.121人才…" only right after item 10)."""
    if found := NUMBERED.match(line) or NUMBERED_LONG.match(line):
        return found
    following = NUMBERED_NEXT.match(line)
    return following if following and int(following.group(1)) == last_number + 1 else None


# an unnumbered paragraph opening with a sentence ("培育各类工业互联网平台。…"), not a bracket or a mark
UNNUMBERED_MEASURE = re.compile(r"^[\u4e00-\u9fff“][^。；;（）()\n]{1,80}[。，,]")


def _measure_paragraphs(lines: list[str], start: int) -> int:
    """How many unnumbered paragraphs from `start` on, up to the next heading or item, open with a sentence and
    close with a bracket of units ("培育各类平台。…（责任单位：…）")."""
    count = 0
    for raw in lines[start:]:
        line = raw.strip()
        if not line:
            continue
        if HEADING.match(line) or OPENS_ITEM.match(line) or SUB_HEADING.match(line):
            break
        if not (UNNUMBERED_MEASURE.match(line) and _unit_brackets(line)):
            break
        count += 1
    return count


# an article of a regulation-like plan: "第一条 办公空间支持"
ARTICLE = re.compile(r"^第([一二三四五六七八九十百]+)条[\s\u3000]*(\S.*)$")


def _items(text: str):
    """(clause, title, body, offset) of each numbered item; lines broken inside an item (a PDF's page
    breaks) are joined back to it, and '1.' items take the '（一）' section they sit in."""
    section, items, offset, task_follows, last_number = "", [], 0, False, -1
    under_heading, heading_title = False, ""  # the line before was a heading "一、…", and its words
    restarted = False  # a heading just passed: its list may number from 1 again ("二、…" / "1.2021年底前…")
    lines = _label_lines(
        [part for raw in text.splitlines() for piece in _running_parts(raw) for part in _inline_parts(piece)]
    )
    running = {
        part.strip() for raw in text.splitlines() if len(parts := _running_parts(raw)) > 1 for part in parts
    }
    # a document whose sections hold several unnumbered measures each closing with its units: a heading numbered
    # "（一）" over them is a heading too (the document numbered in another planner's style)
    paragraph_sections = any(
        (HEADING.match(line.strip()) or SUB_HEADING.match(line.strip()))
        and _measure_paragraphs(lines, k + 1) >= 2
        for k, line in enumerate(lines)
    )
    # does the document number its measures "1." / "1、" anywhere? (if not, "（1）" is the style it numbers them in)
    openers = [re.sub(r"^[#*\s]+", "", line) for line in lines]
    arabic_list = any(ARABIC_MARKER.match(line) for line in openers)
    clause_list = any(CLAUSE_LONG.match(line) for line in openers)
    for line in (raw.strip() for raw in lines):
        offset += 1
        if not line:
            continue
        bare = re.sub(r"^#+\s*", "", line).replace("*", "")
        if TASK_LABEL.match(bare):
            task_follows = (
                True  # "具体任务" on a line of its own: the next line is a task (a table laid out as lines)
            )
            continue
        if task_follows:
            task_follows = False
            title = re.split(r"[。；;,，]", bare)[0][:60]
            items.append([str(sum(1 for i in items if i) + 1), title, bare, offset])
        elif article := ARTICLE.match(bare):
            # "第一条 办公空间支持" then its paragraph "…。（责任单位：…）": an article naming its units is a task; one
            # that does not ("第三条 人才支持" over "（一）…") heads the items under it; either closes the item before it
            section, last_number = "", 0
            if _unit_brackets(_paragraph(bare, lines[offset:])):
                title = re.split(r"[。；;，,]", article.group(2))[0].strip()[:60]
                items.append([f"第{article.group(1)}条", title, bare, offset])
            else:
                items.append(None)
        elif paragraph_sections and SUB_HEADING.match(bare) and _measure_paragraphs(lines, offset) >= 1:
            # "（一）支持平台建设" over unnumbered measures "培育各类平台。…（责任单位：…）": a heading as "一、…" is (the
            # same document numbered in another planner's style)
            if items:
                items.append(None)
            under_heading = True
            heading_title = re.sub(r"^[（(][一二三四五六七八九十]+[)）]\s*", "", bare).strip()[:60]
            continue
        elif clause := (CLAUSE.match(bare) or CLAUSE_LONG.match(bare)):
            section, last_number = clause.group(1), 0  # the measures under a new item are numbered from 1
            items.append([clause.group(1), clause.group(2).strip()[:60], bare, offset])
        elif (measure := re.match(r"^([一二三四五六七八九十]+)、\s*(.{2,})$", bare)) and _unit_brackets(bare):
            # "一、对…的省（区、市），给予…支持。（财政部负责）": a numbered measure with its units, not a heading
            section = ""
            items.append(
                [measure.group(1), re.split(r"[。；]", measure.group(2))[0].strip()[:60], bare, offset]
            )
        elif (
            measure := re.match(r"^([一二三四五六七八九十]+)、\s*([^。；;，,]{2,40})$", bare)
        ) and _field_card(lines[offset:]):
            # "一、未通气老旧小区天然气通气工程" over its fields ("项目内容:…", "完成时限:…", "责任人:…", "责任单位:区住建局"): a
            # project of a list laid out as cards, a task of the unit its label names, not a heading
            section = ""
            items.append([measure.group(1), measure.group(2).strip(), bare, offset])
        elif (
            (last_number > 0 or not arabic_list)
            and (sub := SUB_NUMBERED.match(bare))
            # (its bracket, labelled lines, or a label in its first sentence: "（1）…接种牵头责任部门:县卫健委")
            and _units_in(_paragraph(bare, lines[offset:]))
        ):
            # "(1)积极争取…。…(省卫健委、省发改委负责,…)" under "1.…": a third-level measure naming its units is a task of its
            # own ("（1）…" right under "（一）…" is a paragraph of that item: its first part keeps the item's title);
            # in a list that never numbers "1." the "（1）" items are its measures (a planner's other style)
            prefix = f"（{section}）" if section else ""
            level = f"{last_number}" if last_number > 0 else ""
            items.append([f"{prefix}{level}({sub.group(1)})", sub.group(2).strip()[:60], bare, offset])
        elif line in running and (item := RUNNING_ITEM.match(bare)):
            # "二是…（乙牵头）" of a running list whose parts name their own units
            prefix = f"（{section}）" if section else ""
            level = f"{last_number}" if last_number > 0 else ""
            title = re.split(r"[。；;*]", item.group(2))[0].strip()[:60]
            items.append([f"{prefix}{level}{item.group(1)}是", title, bare, offset])
        elif (circled := CIRCLED_ITEM.match(bare)) and _units_in(_paragraph(bare, lines[offset:])):
            # "①建设…。（市卫健委负责）": a measure numbered with a circled digit naming its units is a task
            prefix = f"（{section}）" if section else ""
            level = f"{last_number}" if last_number > 0 else ""
            title = re.split(r"[。；*]", circled.group(2))[0].strip()[:60]
            items.append([f"{prefix}{level}{circled.group(1)}", title, bare, offset])
        elif not arabic_list and not clause_list and (sub := SUB_NUMBERED.match(bare)):
            # a list numbered "（1）" throughout, with no "（一）" or "1." above it: its items, as "1." items are
            last_number = int(sub.group(1))
            title = re.split(r"[。；*]", sub.group(2))[0].strip()[:60]
            prefix = f"（{section}）" if section else ""
            items.append([f"{prefix}({sub.group(1)})", title, bare, offset])
        elif numbered := _numbered(bare, last_number) or (restarted and _numbered(bare, 0)):
            last_number, restarted = int(numbered.group(1)), False
            title = numbered.group(2).strip()[:60]
            prefix = f"（{section}）" if section else ""
            items.append([f"{prefix}{numbered.group(1)}", title, bare, offset])
        elif HEADING.match(line) or line.startswith("**"):
            restarted = restarted or bool(HEADING.match(line))
            if items and HEADING.match(line):
                items.append(None)  # a heading closes the item before it
            under_heading = bool(HEADING.match(line))
            heading_title = re.sub(r"^(?:#+\s*)?[一二三四五六七八九十]+、\s*", "", bare).strip()[:60]
            continue
        elif (
            under_heading
            and (not items or items[-1] is None)
            and UNNUMBERED_MEASURE.match(bare)
            and _unit_brackets(bare)
        ):
            # "一、支持…" over unnumbered paragraphs "培育各类平台。…（责任单位：…）": the first is a measure (the
            # paragraphs after it join it, each later bracket's task titled by the sentence after the bracket before)
            title = re.split(r"[。；;，,]", bare)[0].strip()[:60]
            if (last := next((i for i in reversed(items) if i), None)) and not last[0].startswith("段"):
                # a section of unnumbered text after numbered measures ("五、推进措施" / "加强组织领导，…（X牵头）"): the
                # section is the measure, its heading the title
                title = heading_title
            items.append([f"段{len(items) + 1}", title, bare, offset])
        elif items and items[-1] is not None:
            items[-1][2] += "\n" + line  # a page break inside a sentence: joined again where read
        under_heading = False
    return [item for item in items if item is not None], lines


FIELD_LINE = re.compile(r"^[^\s:：，,。；;（）()]{2,6}[:：]")


def _field_card(after: list[str]) -> bool:
    """Whether the lines under a heading, up to the next item or heading, are its fields, each opening with a short
    label ("项目内容:", "完成时限:", "责任人:"), one of them a label of units ("责任单位:")."""
    fields = _paragraph("", after).split("\n")[1:]
    return (
        len(fields) >= 2
        and all(FIELD_LINE.match(f) for f in fields)
        and any(LABELLED.match(f) for f in fields)
    )


def _paragraph(line: str, after: list[str]) -> str:
    """A line and the lines after it up to the next that opens a list item or a heading (a page break inside the
    item)."""
    following = []
    for raw in after:
        if not raw.strip():
            continue
        if OPENS_ITEM.match(raw.strip()) or HEADING.match(raw.strip()) or CIRCLED_ITEM.match(raw.strip()):
            break
        following.append(raw.strip())
    return "\n".join([line, *following])


def _label_lines(lines: list[str]) -> list[str]:
    """A label on a line of its own and its value on the next ("责任单位" / "卫健局、文旅局"): one
    labelled line ("责任单位:卫健局、文旅局")."""
    joined, waiting = [], None
    for line in lines:
        if waiting is not None and line.strip():
            joined.append(f"{waiting}:{line.strip()}")
            waiting = None
        elif BARE_LABEL.match(line.strip()):
            waiting = line.strip()
        elif waiting is None:
            joined.append(line)
    return joined


def _flat(body: str) -> str:
    # one seed misplaces the 按: "…人民政府按、巴中经开区管委会职责分工负责"
    return _flat_breaks(body)[0]


def _flat_breaks(body: str) -> tuple[str, set[int]]:
    """The item's lines joined (a page break inside a sentence joined again, as _flat) and the places in
    the joined text where a line ended: a bracket of units there closes a paragraph."""
    flat, breaks = "", set()
    for line in body.split("\n"):
        if flat:
            breaks.add(len(flat))
        flat += line.replace("按、", "、").replace("和各", "、各")
    return flat, breaks


def _closes(flat: str, breaks: set[int], m: re.Match) -> bool:
    """A bracket of units closes what it assigns: it follows the end of a sentence ("…。（A负责）"), it
    comes before one ("…（A负责）。", "…（A负责）；") or it ends a paragraph or a list item."""
    return bool(
        re.search(r"[。；;!！]\s*$", flat[: m.start()])
        or re.match(r"\s*(?:[。；;]|$)", flat[m.end() :])
        or m.end() in breaks
    )


def _unit_brackets(body: str) -> list[tuple[re.Match, tuple[list[str], list[str]]]]:
    """The brackets of an item that name units, in order, with their units. A bracket inside a sentence
    ("…证书的实施（技工院校内由人社部门负责），…") is an aside: units close a sentence or an item."""
    flat = _flat(body)
    return [
        (m, units)
        for m in BRACKET.finditer(flat)
        if (units := units_of(m.group("inside")))
        and (re.search(r"[。；;!！]\s*$", flat[: m.start()]) or not re.match(r"\s*[，,、]", flat[m.end() :]))
        # units named bare ("(市人社局、市财政局)") close a sentence; inside one ("…医院(区中医院)2大…") a name's alias
        and (
            NAMES_ROLES.search(m.group("inside"))
            or re.search(r"[。；;!！]\s*$", flat[: m.start()])
            or re.fullmatch(
                r"\s*[。；;]?\s*", flat[m.end() :]
            )  # "2.…2万人(市卫健委、市教育局)": the item's end
        )
    ]


def _units_in(body: str) -> tuple[list[str], list[str]] | None:
    """The units of an item: its last bracket that names units, or its 牵头/协作单位 lines."""
    if found := _unit_brackets(body):
        return found[-1][1]
    labelled = [line for line in body.split("\n")[1:] if LABELLED.match(line)]
    if labelled:
        return units_of("；".join(labelled))
    if labels := _closing_labels(body.split("\n")[0]):
        return units_of(labels)
    # "1.新建村卫生室200个。责任单位:省卫生健康委": the label after the item's sentence, on its line
    inline = INLINE_LABEL.search(body.split("\n")[0])
    if inline:
        return units_of(inline.group(1))
    glued = _glued_label(body)
    if glued:
        return units_of(glued.group(1))
    sentence = _units_sentence_after(body)
    return units_of(sentence) if sentence else None


# a verb of policy opening a sentence: "支持医院、研究所参与", "鼓励三级医院牵头", "试点医院负责" name whom a policy
# moves, no units charged with the task; a "unit" named so ("支持医院") is none
POLICY_OPENING = re.compile(r"\s*(?:支持|鼓励|引导|推动|动员|组织(?!部)|试点|倡导|号召|吸引|带动)")


# "1.加强…建设。市卫健委牵头，市财政局按职责分工负责。": the item's units in a sentence of their own after its title,
# no bracket and no label; the sentence is only units and their role words (units_of reads it whole)
def _units_sentence_after(body: str) -> str:
    sentences = [s.strip() for s in re.split(r"[。；;]", body.split("\n")[0])]
    while sentences and not sentences[-1]:
        sentences.pop()
    if (
        len(sentences) < 2
        or not NAMES_A_ROLE.search(sentences[-1])
        or POLICY_OPENING.match(sentences[-1])
        or _unit_brackets(body)
    ):
        return ""
    units = units_of(sentences[-1])
    if not units or any(POLICY_OPENING.match(name) for names in units for name in names):
        return ""
    return sentences[-1]


def _glued_label(body: str) -> re.Match | None:
    """The label of units inside an item's first sentence (GLUED_LABEL), where no bracket names its units."""
    if _unit_brackets(body):
        return None
    return GLUED_LABEL.search(re.split(r"[。；;]", body.split("\n")[0])[0])


def _closing_labels(line: str) -> str:
    """The labels that close an item's line ("…升级。牵头责任单位:县卫健委。主要协作单位:各乡镇…", "…。责任单位：…各区县
    （市）政府；"), as one text; "" where none does, or where they sit in a bracket left open ("（牵头单位:…;配合单位:…")."""
    segments = [seg.strip() for seg in re.split(r"[。；;]", line)]
    while segments and not segments[-1]:
        segments.pop()
    labels = []
    while segments and LABELLED.match(segments[-1]):
        labels.insert(0, segments.pop())
    before = "".join(segments)
    if not labels or not segments or len(re.findall(r"[（(]", before)) > len(re.findall(r"[）)]", before)):
        return ""
    return "；".join(labels)


def _label_source(body: str) -> str:
    """The text an item with no bracket of units takes its units from (_units_in): its labelled lines, or
    the label after its sentence."""
    if _unit_brackets(body):
        return ""
    labelled = [line for line in body.split("\n")[1:] if LABELLED.match(line)]
    if labelled:
        return "；".join(labelled)
    if labels := _closing_labels(body.split("\n")[0]):
        return labels
    inline = INLINE_LABEL.search(body.split("\n")[0])
    if inline:
        return inline.group(1)
    glued = _glued_label(body)
    return glued.group(1) if glued else _units_sentence_after(body)


def _parts(title: str, body: str) -> list[tuple[str, str, str, tuple[list[str], list[str]]]]:
    """(title, text, bracket, units) of each task of an item. An item whose brackets each close the
    sentences they assign ("…环境。（A负责）加强…。（B、C负责）…") holds one task per bracket, the later
    ones titled by their first sentence; otherwise the item is one task with its last bracket's units."""
    brackets = _unit_brackets(body)
    flat, breaks = _flat_breaks(body)
    separate = len(brackets) > 1 and all(
        _closes(flat, breaks, m) and flat[m.end() :].strip(" 。；;") for m, _units in brackets[:-1]
    )
    if not separate:
        units = _units_in(body)
        glued = _glued_label(body) if units else None
        if glued and _label_source(body) == glued.group(1) and glued.group(1) in title:
            # "学前教育促进,牵头单位:市教体局": the title ends before its label
            title = title[: title.index(glued.group(1))].rstrip("，, ")
        return [(title, body, brackets[-1][0].group("inside") if brackets else "", units)] if units else []
    parts, start = [], 0
    for i, (m, units) in enumerate(brackets):
        text = flat[start : m.end()]
        first_sentence = re.split(r"[。；;]", flat[start : m.start()])[0].strip()
        # "（2）加强…", "具体措施：抓好…": the sentence, not its number or its label
        first_sentence = LIST_MARK.sub("", MEASURE_LABEL.sub("", first_sentence))[:60]
        parts.append((title if i == 0 else first_sentence, text, m.group("inside"), units))
        start = m.end() + len(re.match(r"[\s。；;]*", flat[m.end() :]).group(0))
    return parts


# a label that introduces an item's measures: "具体措施：", "主要任务：", "工作举措："
MEASURE_LABEL = re.compile(r"^[^\s。；;，,：:]{0,4}(?:措施|任务|举措)[:：]\s*")
# the number of a list item inside an item: "（2）", "2.", "2、", "②"
LIST_MARK = re.compile(r"^(?:[（(]\d{1,2}[)）]|\d{1,2}[.．、](?!\d)|[①-⑳])\s*")


# the columns of a responsibility table ("序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限")
COLUMN_ROLES = (
    ("number", re.compile(r"^(?:序号|编号)$")),
    # "市卫健委内牵头处室", "局内配合科室": one department's own divisions beside the table's units, no unit of the task
    ("other", re.compile(r"^[^\s，,、]{1,8}内(?:牵头|配合|协办|参与|责任)?(?:处室|科室|股室|处|科)$")),
    # "决策承办单位", "项目牵头单位": what the unit answers for, before its role (never a cooperating word)
    (
        "lead",
        re.compile(
            rf"^(?:(?!{'|'.join(COOPERATING_STEMS)})[^\s，,、]){{0,4}}?(?:{LEAD_LABEL.pattern[1:-1]}|责任主体)$"
        ),
    ),
    ("cooperating", re.compile(rf"^(?:{'|'.join(COOPERATING_STEMS)})(?:{UNIT_KINDS})$")),
    # who does the task, no lead named: 责任单位, "责任分工" (the units sharing it), "实施单位"/"实施主体"
    # a bare "部门" column: the department whose row it is (a duty table "部门 | 职责与任务", "部门 | 政策制定重点领域")
    ("duty", re.compile(rf"^(?:责任(?:{UNIT_KINDS})|责任分工|实施(?:单位|主体|部门)|部门(?:名称)?)$")),
    (
        "task",
        re.compile(
            r"^(?!.*(?:单位|部门|处室|时限|时间|领导|备注|进度))(?:.{0,8}(?:任务|工作|事项|举措|措施|内容|分工|重点领域)(?:名称)?"
            r"|目标任务|.{0,6}工作目标"
            r"|.{0,4}指标(?:名称)?)$"
        ),
    ),
    # "决策主要依据", "拟履行的程序", "实施决策的必要性、可行性": why and how a decision is taken
    (
        "other",
        re.compile(
            r"^.{0,8}(?:时限|时间|领导|备注|进度|评价|安排|情况|责任人|因素)$|^.{0,10}(?:依据|程序|必要性|可行性)$"
        ),
    ),
    # an indicator table's value columns: an indicator with a 牵头单位 column is its unit's task
    (
        "value",
        re.compile(
            r"^(?:(?:计量)?单位|\d{4}年.{0,6}|.{0,4}(?:性质|属性)|基期.{0,2}|基数|现状.{0,2}|目标值)$"
        ),
    ),
)


def _column_role(cell: str) -> str | None:
    cell = re.sub(r"\s", "", cell)
    # "牵头单位（部门）", "牵头处（室）": a header's bracketed alternative says the same
    cell = re.sub(r"(?<=.)[（(][^（）()]{1,4}[)）]$", "", cell)
    return next((role for role, pattern in COLUMN_ROLES if pattern.match(cell)), None)


def _header(cells: list[str]) -> list[str] | None:
    """The roles of a table's header row, when every cell is a column label and the table names tasks and
    their units."""
    roles = [_column_role(c) for c in cells]
    if None in roles or "task" not in roles or not {"lead", "duty"} & set(roles):
        return None
    return roles


def _one_name(cell: str) -> str:
    """A unit's name over two lines of its cell, joined by the copy with a space ("省自然资源和 规划厅"), is one name;
    a cell of whole names spaced apart ("市公安局 市交通运输局") names each of them."""
    pieces = cell.split()
    if len(pieces) > 1 and is_organisation(pieces[-1]):
        return ("、" if all(is_organisation(x) for x in pieces) else "").join(pieces)
    return cell


EMPTY_CELL = re.compile(r"[—\-－/／]+|无")


def _row_task(roles: list[str], cells: list[str]) -> tuple | None:
    """(title, text, lead, cooperating, deadline) of a table row read by its columns; None when it names
    no task or no unit. Its title is the first task column's first sentence (a second one details it).
    A 责任单位 column beside a 牵头 column cooperates; alone, it reads as a bracket of units when it has a role
    word or a 会同 ("A、B等按职责分工落实", "A会同B"), else as a 责任单位 bracket (逗号前为牵头)."""
    by_role: dict[str, list[str]] = {}
    for role, cell in zip(roles, cells, strict=True):
        # a cell marked empty ("—", "/", "无") names no unit
        by_role.setdefault(role, []).append("" if EMPTY_CELL.fullmatch(cell.strip()) else cell.strip())

    def spaced(part):
        # a unit column's cell naming its units one after another, spaced ("市公安局 市交通运输局")
        pieces = part.split()
        return pieces if len(pieces) > 1 and all(is_organisation(x) for x in pieces) else [_one_name(part)]

    def names(role):
        return [
            n
            for cell in by_role.get(role, [])
            for p in _split_outside_brackets(cell, "，,；;")
            for q in spaced(p)
            for n in unit_names(q)
        ]

    task_cells = [cell for cell in by_role.get("task", []) if cell]
    task = " ".join(task_cells).strip()
    lead, cooperating = names("lead"), names("cooperating")
    duty = by_role.get("duty", [""])[0]
    if "lead" in by_role:
        cooperating = [*cooperating, *(n for n in names("duty") if n not in lead)]
    elif duty and (duty := _one_name(duty)) and (found := units_of(duty) or units_of("责任单位：" + duty)):
        lead, cooperating = found[0], [*found[1], *cooperating]
    # a 责任单位 cell whose units all cooperate ("A、B配合落实") names a task without a lead; an empty 牵头 cell (merged
    # with the row above) names none
    if not lead and (not cooperating or "lead" in by_role):
        return None
    if not task or not all(is_organisation(n) or n.startswith("各") for n in lead + cooperating):
        return None
    by_when = re.search(r"(20\d{2})\s*年", " ".join(by_role.get("other", [])))
    deadline = f"{by_when.group(1)}-12-31" if by_when else None
    return re.split(r"[。；;]", task_cells[0])[0].strip()[:60], task, lead, cooperating, deadline


def _merged_leading_cells(roles: list[str], cells: list[str]) -> list[str] | None:
    """The roles of a row under a numbered item that spans several rows ("序号 | 工作事项 | 主要内容 | 牵头单位 | …", the
    number and the 工作事项 cell merged down, copied once on the item's first row): the row is short by exactly those
    leading cells and holds the columns after them, its own content cell first; it is a task of its own. Only where the
    cells left out are the number and task columns opening the header and a task column remains."""
    short = len(roles) - len(cells)
    if short < 1 or roles[0] != "number" or re.fullmatch(r"\d{1,3}", cells[0].strip()):
        return None
    rest = roles[short:]
    if any(r not in ("number", "task") for r in roles[:short]) or "task" not in rest or rest[0] != "task":
        return None
    return rest if _row_task(rest, cells) else None


def _aligned(roles: list[str], cells: list[str]) -> list[str] | None:
    """The roles of a row shorter than its header (a cell merged with the row above, an empty cell left out),
    found by what the cells say: its number first, its units the last cell that reads as units, the task
    before them, the rest after. Only where one column holds the units (lead or 责任单位, none cooperating)."""
    merged = _merged_leading_cells(roles, cells)
    if merged is not None:
        return merged
    unit_roles = [r for r in roles if r in ("lead", "duty", "cooperating")]
    if len(unit_roles) != 1 or unit_roles[0] == "cooperating" or len(cells) < 2:
        return None
    start = 1 if "number" in roles and re.fullmatch(r"\d{1,3}", cells[0].strip()) else 0
    for i in range(len(cells) - 1, start, -1):
        aligned = [*(["number"] if start else []), *["task"] * (i - start), unit_roles[0]]
        aligned += ["other"] * (len(cells) - i - 1)
        if _row_task(aligned, cells):
            return aligned
    return None


def _cells(line: str) -> list[str]:
    """The cells of a table row written "|a|b|c|" or with tabs between its cells."""
    if not re.search(r"\||\t", line):
        return []
    return [c for c in re.split(r"\s*\|\s*|\t+", line.strip().strip("|")) if c.strip()]


def _one_cell(line: str) -> str | None:
    """The cell of a line holding one cell of a table copied one cell a line, bare or ending with "|" ("序号 |");
    None for a line of several cells."""
    if "\t" in line:
        return None
    cell = re.sub(r"\s*\|+\s*$", "", line.strip())
    return None if "|" in cell else cell.strip()


# a row of a table read by its columns that groups the rows after it, one cell across: "(一)刘忻市长牵头重点工作"
# (its marker in any list style: "（1）…", "一、…", "①…")
GROUP_ROW = re.compile(
    r"\s*(?:[（(](?:[一二三四五六七八九十]+|\d{1,2})[)）]|[一二三四五六七八九十]+、|\d{1,2}[.．、](?!\d)|[①-⑳])"
    r"[^。；;|]{2,40}"
)


# a category column's header before a table's 序号 column ("分类 | 序号 | 事项 | 责任单位 | 牵头单位"), and its cell
CATEGORY_HEADER = re.compile(r"^(?:分类|类别|类型|板块|领域)$")
CATEGORY_CELL = re.compile(r"[\u4e00-\u9fff、]{2,12}")


# a row's number in any list style: "1." "1、" ("1. 5个县" is a decimal, no row), "（1）", "①"
ROW_NUMBER = re.compile(r"^(?:(\d{1,3})[.．、](?!\s*\d)|[（(](\d{1,3})[)）]|([①-⑳]))\s*")


def _row_value(opened: re.Match) -> int:
    return int(opened.group(1) or opened.group(2) or "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".index(opened.group(3)) + 1)


LEADER_CELL = re.compile(
    r"^[^，,。；;:：、\d]{2,12}$"
)  # a person's cell merged across rows ("周某市长"): no unit, no text


def _numbered_cell_rows(lines: list[str], i: int) -> tuple[list[tuple], int] | None:
    """A responsibility table copied one cell a line with no 序号 column ("牵头领导", "重点工作", "牵头单位", "配合单位",
    "备注", blank lines between): each row opens with its task cell numbered "1.…", then its unit cells one a line;
    the first names the 牵头 cell's units, the others the 配合 column's (a cell of several units spills over lines).
    A short cell that is no unit (the 牵头领导 merged across rows) is passed over. Returns the rows (number, title,
    text, lead, cooperating, deadline) and the line after the table."""
    order, block = [], []
    for j in range(i, len(lines)):  # the header, up to its first cell that names no column
        if lines[j].strip() in ("", "|"):
            continue
        if not (cell := _one_cell(lines[j])) or not _column_role(cell):
            break
        order.append(j)
        block.append(cell)
    roles = _header(block) if len(block) >= 3 else None
    if not roles or "number" in roles or "lead" not in roles:
        return None
    # the lines after it, only for a header (not for each line that names a column)
    order += [j for j in range(order[-1] + 1, len(lines)) if lines[j].strip() not in ("", "|")]
    rows, k, number, end = [], len(block), 0, order[len(block) - 1] + 1
    while k < len(order):
        cell = (_one_cell(lines[order[k]]) or "").strip()
        opened = ROW_NUMBER.match(cell)
        if not opened or _row_value(opened) != number + 1:
            if LEADER_CELL.match(cell) and not all(is_organisation(n) for n in unit_names(cell)):
                k += 1
                continue
            break
        number, k, units = number + 1, k + 1, []
        while k < len(order) and not ROW_NUMBER.match(
            unit_cell := (_one_cell(lines[order[k]]) or "").strip()
        ):
            names = [n for part in _split_outside_brackets(unit_cell, "，,；;") for n in unit_names(part)]
            if not names or not all(is_organisation(n) or n.startswith("各") for n in names):
                break
            units.append(names)
            k += 1
        end = order[k - 1] + 1
        if units:
            task = cell[opened.end() :]
            lead = units[0] if "cooperating" in roles else [n for names in units for n in names]
            cooperating = [n for names in units[1:] for n in names] if "cooperating" in roles else []
            rows.append(
                (str(number), re.split(r"[。；;]", task)[0].strip()[:60], task, lead, cooperating, None)
            )
    return (rows, end) if rows else None


def _barred_rows(
    lines: list[str], i: int, blank: bool = False
) -> tuple[list[list[str]], list[str], int] | None:
    """A table copied one cell a line with a line of a bare "|" after each cell ("序号", "|", "主要工作目标", "|", …,
    "14", "|", "聚力推动…", "|", "县发展改革委", "县经济和信息化局", "|", …): a cell is the lines between two bars (its
    units one a line, joined by spaces); each row opens with its number cell, a number above the row before's (a list
    picked out of a longer table). With `blank`, a blank line closes a cell as the bar did (a spreadsheet's copy of
    the same table drops the bars; blank lines in a row close one cell, no empty one). Returns the rows' cells, the
    header's roles and the line after the table; None where the header names no task and no units or the cells after
    it open no numbered row."""
    cells, ends, current = [], [], []
    for j in range(i, len(lines)):
        if lines[j].strip() == "|" or (blank and not lines[j].strip() and current):
            cells.append(" ".join(current))
            ends.append(j + 1)
            current = []
        elif lines[j].strip():
            current.append(lines[j].strip())
    # text after the last bar closes no cell: it follows the table
    width = 0
    while width < len(cells) and _column_role(cells[width]):
        width += 1
    roles = _header(cells[:width]) if width >= 3 else None
    if not roles or roles[0] != "number" or width >= len(cells) or not re.fullmatch(r"\d{1,3}", cells[width]):
        return None
    rows, number, end = [], 0, ends[width - 1]
    for k in range(width, len(cells)):
        if re.fullmatch(r"\d{1,3}", cells[k]) and int(cells[k]) > number:
            number = int(cells[k])
            rows.append([cells[k]])
        elif len(rows[-1]) < len(roles):
            rows[-1].append(cells[k])
        else:  # a full row not followed by a higher number ends the table
            break
        end = ends[k]
    return rows, roles, end


def _with_empty_cells(roles: list[str], cells: list[str], line: str) -> list[str]:
    """A row whose empty cell inside it keeps its column ("| 2 | 任务 | 市卫健委 |  | 年底 |": no cooperating unit), where
    the empty cells fall under a column of cooperating units or of notes only; else its cells as read."""
    raw = _raw_cells(line)
    while raw and not raw[-1]:
        raw.pop()  # "… | 长期推进 ||": bars closing the row, no cell
    if len(cells) == len(roles) or len(raw) != len(roles):
        return cells
    empty_under = {role for role, cell in zip(roles, raw, strict=True) if not cell}
    return raw if empty_under <= {"cooperating", "other"} else cells


def _raw_cells(line: str) -> list[str]:
    """The cells of a row written "a | b |  | c | " (its last cell empty) or "|a|b|c|", the empty ones kept (their place
    says their column)."""
    if "|" not in line:  # a spreadsheet's copy, its cells apart by tabs
        return [c.strip() for c in line.strip("\r\n").split("\t")]
    line = line.strip()
    return [c.strip() for c in (line.strip("|") if line.startswith("|") else line).split("|")]


def _unit_cell_rows(lines: list[str], i: int) -> tuple[list[tuple], int] | None:
    """Rows of a table whose header names a task column ("考核内容") and no column of units, each row naming its unit
    in a cell before the task ("3 | 县工信局 | 60 | 持续加强… | 评分标准 |", an assessment's 考核细则): the unit leads the
    row's task; a row short of a cell under a row that named its unit (a unit cell spanning rows, copied once) is that
    unit's too. The task cell is found counting from the row's end (the cells before it vary: a group cell, a spanned
    number and unit). None unless the header opens with 序号 and two rows name a unit."""
    if not lines[i].strip().lstrip("|").strip().startswith(("序号", "编号")) or not re.search(
        r"\||\t", lines[i]
    ):
        return None
    header = _raw_cells(lines[i])
    roles = [_column_role(c) for c in header]
    if (
        len(header) < 4
        or roles[0] != "number"
        or "task" not in roles
        or {"lead", "duty", "cooperating"} & set(roles)
    ):
        return None
    from_end = len(header) - roles.index("task")
    found, unit, j = [], None, i + 1
    while j < len(lines) and re.search(r"\||\t", lines[j]):
        cells = _raw_cells(lines[j])
        j += 1
        if len(cells) < from_end:
            unit = None
            continue
        before, task = cells[: len(cells) - from_end], cells[len(cells) - from_end]
        named = [c for c in before[1:] if is_organisation(c) and not c.endswith(("考核部门", "考核单位"))]
        if named:
            unit = named[-1]
        elif len(cells) >= len(header):  # a full row naming no unit: the span above ended
            unit = None
        if unit and task:
            title = re.split(r"[。；;]", task)[0].strip()[:60]
            found.append((str(len(found) + 1), title, task, [unit], [], None))
    return (found, j) if len(found) >= 2 else None


# reader58: a table's unit cell opening with a lead sign ("▲发改局,各部门"); two such cells make the sign the table's lead mark
SIGNED_CELL = re.compile(rf"(?:^|[|\t])\s*[{LEAD_SIGNS}]\s*[\u4e00-\u9fff]")


def _unsigned_row_all_lead(roles: list[str], cells: list[str]) -> list[str]:
    """In a table whose rows mark their lead unit with a sign, a row's 责任单位 cell with no sign names no lead over
    the others: each of its units leads (as a 责任单位 alone), not the first before a comma."""
    return [
        cell
        if role != "duty" or not cell.strip() or re.search(f"[{LEAD_SIGNS}]|牵头|配合|协助|会同", cell)
        else _signs_as_lead_marks(
            "、".join(LEAD_SIGNS[0] + p.strip() for p in _split_outside_brackets(cell, "，,、") if p.strip())
        )
        for role, cell in zip(roles, cells, strict=False)
    ]


def _table_tasks(lines: list[str]) -> tuple[list[tuple], set[int]]:
    """(row number, title, text, lead, cooperating, deadline) of each row of a responsibility table, read
    by its columns, and the lines the tables take: rows written "|1|…|X|Y|" or with tabs between the cells,
    or (a table copied out of a PDF or a page) one cell a line, each row opening with its number under a
    序号 column."""
    found, used, i = [], set(), 0
    signed_table = sum(bool(SIGNED_CELL.search(line)) for line in lines) >= 2

    def keep(roles, cells):
        if len(cells) != len(roles):
            roles = _aligned(roles, cells)
        if roles and signed_table:
            cells = _unsigned_row_all_lead(roles, cells)
        if roles and (row := _row_task(roles, cells)):
            number = cells[roles.index("number")] if "number" in roles else str(len(found) + 1)
            found.append((number, *row))

    while i < len(lines):
        cells = _cells(lines[i])
        # rows of cells on one line each; two columns will do for a unit and its task ("部门 | 职责与任务")
        if (
            len(cells) >= 2
            and (roles := _header(cells))
            and (len(cells) >= 3 or set(roles) == {"duty", "task"})
        ):
            used.add(i)
            i += 1
            # a line of bare "|" (or "|---|") between rows is part of the table
            while i < len(lines) and (
                (cells := _cells(lines[i]))
                or re.fullmatch(r"[-:\s|]*\|[-:\s|]*", lines[i])
                # a blank line between two rows (a copy that dropped the bare "|" line between them)
                or (
                    not lines[i].strip()
                    and _cells(lines[i - 1])
                    and i + 1 < len(lines)
                    # the next line a numbered row, not a second table's header
                    and re.fullmatch(r"\d{1,3}", (_cells(lines[i + 1]) or [""])[0])
                )
            ):
                if cells and not re.fullmatch(r"[-:\s|]+", lines[i].strip()):
                    keep(roles, _with_empty_cells(roles, cells, lines[i]))
                used.add(i)
                i += 1
            continue
        if (unit_rows := _unit_cell_rows(lines, i)) is not None:
            found += unit_rows[0]
            used.update(range(i, unit_rows[1]))
            i = unit_rows[1]
            continue
        if (bare_rows := _headerless_rows(lines, i)) is not None:
            found += bare_rows[0]
            used.update(range(i, bare_rows[1]))
            i = bare_rows[1]
            continue
        role = _column_role(_one_cell(lines[i]) or "")
        # "分类", "", "序号", "", "事项", …: a category column before the 序号 column, its cell merged across the rows
        # (copied once, before the first row it groups: "发展目标", "", "1", …)
        grouped = False
        if role is None and CATEGORY_HEADER.match(_one_cell(lines[i]) or ""):
            j = next(
                (j for j in range(i + 1, min(i + 3, len(lines))) if lines[j].strip() not in ("", "|")), None
            )
            if j is not None and _column_role(_one_cell(lines[j]) or "") == "number":
                i, role, grouped = j, "number", True
        if role and role != "number" and (numbered := _numbered_cell_rows(lines, i)) is not None:
            found += numbered[0]
            used.update(range(i, numbered[1]))
            i = numbered[1]
            continue
        # one cell a line, opening with its 序号 cell; a page's copy may leave a blank line between the cells ("序号", "",
        # "项目内容", "", …): the blank lines are skipped where the header's first cell is followed by one (a blank line is
        # then no empty cell)
        if role != "number":
            i += 1
            continue
        # a page's copy with a line of a bare "|" closing each cell, a cell over several lines (its units one a line):
        # read cell by cell, each row opening with its number (a list picked out of a longer table: 14, 80, 135, …)
        if (
            i + 1 < len(lines)
            and lines[i + 1].strip() == "|"
            and (barred := _barred_rows(lines, i)) is not None
        ):
            for cells in barred[0]:
                keep(barred[1], cells)
            used.update(range(i, barred[2]))
            i = barred[2]
            continue
        # or a line of a bare "|" between the cells ("序号", "|", "重点工作任务", "|", …): skipped as such blank lines are
        spaced = i + 1 < len(lines) and lines[i + 1].strip() in ("", "|")
        order, block = [], []
        for j in range(i, len(lines)):  # the header, up to its first cell that names no column
            if spaced and lines[j].strip() in ("", "|"):
                continue
            if (cell := _one_cell(lines[j])) is None or not _column_role(cell):
                break
            order.append(j)
            block.append(cell)
        if len(block) >= 3 and (roles := _header(block)) and roles[0] == "number":
            # the lines after it, only for a header (not for each line that names a column)
            order += [
                j for j in range(order[-1] + 1, len(lines)) if not spaced or lines[j].strip() not in ("", "|")
            ]
            k, number = len(block), 0
            while k < len(order):
                cell = _one_cell(lines[order[k]]) or ""
                if (
                    GROUP_ROW.fullmatch(cell)
                    and k + 1 < len(order)
                    and (_one_cell(lines[order[k + 1]]) or "") == str(number + 1)
                ):
                    k += 1  # "(二)戴建平常务副市长牵头重点工作": a row grouping the rows after it, no task; the rows go on
                    continue
                if (
                    grouped
                    and CATEGORY_CELL.fullmatch(cell)
                    and not is_organisation(cell)
                    and k + 1 < len(order)
                    and (_one_cell(lines[order[k + 1]]) or "") == str(number + 1)
                ):
                    k += 1  # "发展目标": the category column's cell over the rows after it
                    continue
                if cell != str(number + 1):
                    break
                taken = order[k : k + len(roles)]
                keep(roles, [_one_cell(lines[j]) or "" for j in taken])
                number, k = number + 1, k + len(taken)
            # no row numbered from 1 after a header whose cells blank lines close: the bars' table ("14", "80", …,
            # a cell of units over lines) copied without its bars
            if (
                k == len(block)
                and not lines[i + 1].strip()
                and (barred := _barred_rows(lines, i, blank=True)) is not None
            ):
                for cells in barred[0]:
                    keep(barred[1], cells)
                used.update(range(i, barred[2]))
                i = barred[2]
                continue
            end = order[k - 1] + 1
            used.update(range(i, end))
            i = end
            continue
        if (loose := _loose_numbered_rows(lines, i)) is not None:
            found += loose[0]
            used.update(range(i, loose[1]))
            i = loose[1]
            continue
        i += 1
    return found, used


def _headerless_rows(lines: list[str], i: int) -> tuple[list[tuple], int] | None:
    """Rows of a table copied with no header, each "N | task | unit | progress | status |" (a bare "|" or a blank line
    between rows), numbered from 1: the cell after the number is the task, the first later cell naming units alone its
    unit, in the same column in every row; the cells after it (what was done, how far) are no part of the task. None
    unless two rows read so."""
    rows, number, j, end, column = [], 0, i, i, None
    while j < len(lines):
        if re.fullmatch(r"[\s|]*", lines[j]):
            j += 1
            continue
        cells = _cells(lines[j])
        if len(cells) < 3 or cells[0].strip() != str(number + 1):
            break
        at = next((n for n in range(2, len(cells)) if _row_units(cells[n])), None)
        task = cells[1].strip()
        if at is None or (column is not None and at != column) or len(task) < 8 or _row_units(task):
            break
        number, column, j = number + 1, at, j + 1
        end = j
        rows.append(
            (str(number), re.split(r"[。；;]", task)[0].strip()[:60], task, _row_units(cells[at]), [], None)
        )
    return (rows, end) if len(rows) >= 2 else None


def _row_units(cell: str) -> list[str]:
    """The units a cell names when it names nothing else ("县卫健局", "区卫健局 区财政局"); else none."""
    names = [n for part in _split_outside_brackets(cell, "，,；;、 ") for n in unit_names(part)]
    return names if names and all(is_organisation(n) for n in names) else []


def _loose_numbered_rows(lines: list[str], i: int) -> tuple[list[tuple], int] | None:
    """A table copied one cell a line under a 序号 header some of whose cells the column words do not name (a header
    cell over two lines, "是否省市统一进度"), its rows' empty cells dropped by the copy: the header only says that the
    table names tasks and their units (a task column, a 牵头/责任 column). Each row runs from its number to the next
    row's; its unit is its last cell naming units alone, its task the first cell before it that reads as a clause (a
    category "*医疗卫生" and a share done "20%" are no task). None unless two rows name a task and a unit."""
    if _column_role(_one_cell(lines[i]) or "") != "number":
        return None
    order = [j for j in range(i + 1, len(lines)) if lines[j].strip() not in ("", "|")]
    header = []
    for j in order:
        cell = _one_cell(lines[j])
        if cell is None or cell == "1" or len(header) > 12 or len(cell) > 30:
            break
        header.append(cell)
    roles = {_column_role(c) for c in header}
    if "task" not in roles or not {"lead", "duty"} & roles or len(header) < 3:
        return None
    k, number, rows, end = len(header), 0, [], None
    while k < len(order) and (_one_cell(lines[order[k]]) or "") == str(number + 1):
        number, start = number + 1, k + 1
        k = start
        while (
            k < len(order)
            and k - start < len(header)
            and (_one_cell(lines[order[k]]) or "") != str(number + 1)
        ):
            k += 1
        cells = [(_one_cell(lines[j]) or "").strip() for j in order[start:k]]
        unit_at = next((n for n in range(len(cells) - 1, 0, -1) if _row_units(cells[n])), None)
        clauses = [
            c for c in cells[:unit_at] if len(c) >= 8 and not PROGRESS_CELL.fullmatch(c) and not _row_units(c)
        ]
        # a project's content reads as a sentence (a stop, a comma, a figure); a long project name before it does not
        task = next((c for c in clauses if re.search(r"[。，,；;\d]", c)), clauses[0] if clauses else None)
        if unit_at is None or task is None:
            break
        end = order[k - 1] + 1
        title = re.split(r"[。；;]", task)[0].strip()[:60]
        rows.append((str(number), title, task, _row_units(cells[unit_at]), [], None))
    return (rows, end) if len(rows) >= 2 else None


# (reader72) a line of its own naming the units of the measures above it, back to their heading ("牵头单位:X,责任单位:Y"
# after "（一）…（二）…（三）…"): each measure of that group is done by them
GROUP_UNITS_LINE = re.compile(
    r"^牵头(?:单位|部门)\s*[:：][^。；;:：]{2,80}?[，,；;]\s*(?:责任|配合|协助|参与)(?:单位|部门)\s*[:：][^。；;:：]{2,160}$"
)
OWN_UNITS_LABEL = re.compile(r"(?:牵头|责任|配合|协助|参与)(?:单位|部门)\s*[:：]")
GROUP_MEASURE = re.compile(r"^(?:[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、](?!\d))\s*\S")


def _group_units_shared(text: str) -> str:
    """Each measure of a group closed by a units line of its own (GROUP_UNITS_LINE) gets that line as its bracket,
    where no measure of the group names units of its own; the line itself is dropped."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if not GROUP_UNITS_LINE.match(line.strip()):
            continue
        starts = []
        for j in range(i - 1, -1, -1):
            above = lines[j].strip()
            if HEADING.match(above) or GROUP_UNITS_LINE.match(above) or OWN_UNITS_LABEL.search(above):
                break
            if GROUP_MEASURE.match(above):
                starts.insert(0, j)
        if len(starts) < 2:
            continue
        ends = [
            next(k for k in range(end - 1, start - 1, -1) if lines[k].strip())
            for start, end in zip(starts, [*starts[1:], i], strict=True)
        ]
        for end in ends:
            lines[end] = f"{lines[end].rstrip()}（{line.strip()}）"
        lines[i] = ""
    return "\n".join(lines)


def _close_cut_bracket(text: str) -> str:
    """A copy cut off inside the bracket of its last item ("…（A、B负责，C参与。注：排在首位") ends that bracket where
    it ends: what the bracket names is read (a bracket cut before its role word names no units, as any other)."""
    body = text.rstrip()
    opened = max(body.rfind("（"), body.rfind("("))
    if (
        opened > max(body.rfind("）"), body.rfind(")"))
        and "\n" not in body[opened:]
        and NAMES_ROLES.search(body[opened:])
        # "(牵头单位:市卫健委;责任单位:", "(牵头单位:市人力资源社会保": cut inside a label's units, the bracket's units are
        # not all there (a name cut, a label without its units): none is read, the item is no task
        and not re.search(r"(?:单位|部门)\s*[:：][^;；,，。()（）]*$", body[opened:])
    ):
        return body + "）"
    return text  # "…(市医疗保障局、市卫生健康委": units named bare and cut may go on; none is read


# a 分工 table a PDF copy ran into one line, its header's cells spaced ("序号 主要任务 主要内容 具体内容及目标 责任单位")
# and its units column last (spaces, not the tabs of a table read by its columns)
SPACED_DUTY_HEADER = re.compile(
    r"序号[ \u3000]+(?:\S{0,8}(?:任务|工作|事项|举措|措施))(?:[ \u3000]+\S{1,10}){0,4}?[ \u3000]+"
    r"(?P<label>(?:责任|牵头)(?:单位|部门))[ \u3000]+"
)
# a PDF's line break inside a word or a name ("健全乡 村医疗卫 生", "发改 委"): no space between two Chinese characters
PDF_BREAK = re.compile(r"(?<=[\u4e00-\u9fff（）()、，,。；;])\s+(?=[\u4e00-\u9fff（）()、，,。；;])")


def _units_sentence(sentence: str) -> bool:
    """A sentence that only names units: "市卫健委、发改委、农业农村局,各县(市、区)党委和人民政府"."""
    names = [
        n for part in _split_outside_brackets(sentence, "，,") for n in _split_outside_brackets(part, "、")
    ]
    return (
        bool(names)
        and bool(LEVEL.match(names[0]) or names[0].startswith("各"))
        and all(is_organisation(n.strip()) and len(n.strip()) <= 20 for n in names)
    )


def _flattened_duty_table(text: str) -> str:
    """A 分工 table run into one line by a PDF copy, written as the items the reader knows: each numbered task
    ("1.健全乡村医疗卫生服务体系。…") on a line of its own, its units (a sentence that only names units, wherever the
    copy left it among the row's cells) and the document-wide rules said after them ("列在首位的为牵头单位,…下同;
    以下均需…落实,不再列出") in a bracket closing the row."""
    out = []
    for line in text.splitlines():
        header = SPACED_DUTY_HEADER.search(line)
        if not header:
            out.append(line)
            continue
        out.append(line[: header.start()])
        rest = PDF_BREAK.sub("", line[header.end() :])
        starts, number = [], 1
        for m in re.finditer(r"(?:(?<=\s)|^)(\d{1,2})[.．](?=[\u4e00-\u9fff])", rest):
            if int(m.group(1)) == number:
                starts.append(m.start())
                number += 1
        for k, start in enumerate(starts):
            row = rest[start : starts[k + 1] if k + 1 < len(starts) else len(rest)].strip()
            sentences = re.split(r"(?<=[。；;])", row)
            units = [n for n, sentence in enumerate(sentences) if _units_sentence(sentence.strip(" 。；;"))]
            if not units:
                out.append(row)
                continue
            n = units[-1]
            taken = [n]
            while n + 1 < len(sentences) and (
                FIRST_LISTED_LEADS.search(sentences[n + 1]) or FROM_HERE_ON.search(sentences[n + 1])
            ):
                n += 1
                taken.append(n)
            body = "".join(x for i, x in enumerate(sentences) if i not in taken).strip()
            bracket = "".join(sentences[i].strip() for i in taken).rstrip("。；; ")
            out.append(
                f"{body}（{header.group('label')}：{bracket}）"
            )  # the column's label: who leads, who cooperates
    return "\n".join(out)


# How a text was pasted is not what it says (issue 12 point 4, tixi/ledger/engine/perturb.py): line ends of
# Windows or old Macs, digits and the per cent sign typed in an input method's full-width mode read as the plain
# ones, once, at the reader's entry (tasks, targets, tables.indicator_rows); no value changes.
# "1﹒推进…" (U+FE52, the small full stop) numbers a measure as "1." does; "1﹒3" is a decimal point
PASTED_FORMS = str.maketrans({**{chr(0xFF10 + d): str(d) for d in range(10)}, "％": "%", "﹒": "."})


# a PDF copy breaks its lines at the page's width, in mid-sentence and even inside a number ("到20" / "25年"): a line
# as long as the page is wide that ends without closing a sentence, followed by a line that neither opens an item
# or heading nor is indented as a new paragraph, goes on in that next line
WRAP_WIDTH = 80  # a document whose lines (nine in ten) are no longer than this is set at a page's width
WRAP_NARROWEST = 25  # a page holds more than this: shorter lines are a phone copy or a table one cell a line
WRAP_FULL = 0.75  # a line this share of the page's width or longer reaches the right margin
# "|", tabs, or cells set apart by spaces — but not one space between a number and a word ("到 2025 年", "100% 达到") or
# after a stop ("万吨， 基本实现"): a writer's or a paste's spacing inside a sentence ("78.3 79.5", "（岁） 78.3" are cells)
TABLE_CELLS = re.compile(
    r"[|\t]|(?<=\S)[ \u3000]{2,}(?=\S)"
    r"|(?<=[\u4e00-\u9fff])[ \u3000](?=[^\s\d])"
    r"|(?<=[\d%‰])[ \u3000](?=[\d≤≥<>＜＞])"
    r"|(?<=[^\s\u4e00-\u9fff\d%‰，,。；;、：:])[ \u3000](?=\S)"
)
SENTENCE_CLOSED = re.compile(r"(?:[。；;：:！!？?…）)】」』”\"]|(?<!\d)\.)\s*$")
WRAP_SHARE = 0.5  # and most of its lines reach that width: a list of short items, one a line, is not wrapped
WRAP_FEWEST = 4  # fewer lines than this tell no page's width
WRAP_FEW = 10  # fewer than this tell it only where a run closes a sentence (as where lines vary)
NUMBER_CUT_END = re.compile(r"\d$")
NUMBER_CUT_START = re.compile(r"[\d.．%‰年月日万亿千百个岁名人所家张项]")
CANNOT_END = re.compile(r"[、，,和及与]\s*$")  # a list of units or a clause goes on after these
WRAP_VARIED = (
    0.2  # or a fifth of them, in a document whose lines vary (then only runs that close a sentence join)
)
# ("3.2020年底前…": an item's number before a year, no decimal; a copy may garble the year: "6.202223年")
OPENS_ITEM = re.compile(
    r"^(?:[\s\u3000]|#|\||[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,3}[.．、](?!\d)|\d{1,2}[.．](?=20\d{2,4}\s*年)|[①-⑳]"
    r"|[一二三四五六七八九十]+[、是]|第[一二三四五六七八九十百\d]+[章节条部篇]|表\s*\d|专栏|附件|附表|[-*•·]|$)"
)


def _rejoin_cut_rows(lines: list[str]) -> list[str]:
    """A table whose rows close with "|" (a last cell, even empty) and which a PDF copy cut inside a row: the
    row's pieces, joined, close with "|" and hold no more cells than a row of the table. A row cut right after a
    "|" looks closed: the lines after it that hold no "|" up to one that closes with "|" are its last cell."""
    if sum(" | " in line and line.rstrip().endswith("|") for line in lines) < 3:
        return lines
    # rows differ in cells where one spans several rows, and the widest may be cut too: half again the widest line
    # seen, but never a row and the next (twice a row's cells)
    widest = max(line.count("|") for line in lines if " | " in line) * 3 // 2
    # a row cut right after a "|" whose rest holds cells of its own ("7 | 逐步清理…工作 | " / "政法处 | 长期推进 |"), in a
    # copy set at a page's width: a line that reaches the margin, and the two make no more cells than the widest row
    most = max(line.count("|") for line in lines if " | " in line)
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    width = lengths[int(0.9 * (len(lengths) - 1))]
    margin = WRAP_FULL * width if WRAP_NARROWEST <= width <= WRAP_WIDTH else None
    out, i = [], 0
    while i < len(lines):
        line, end = lines[i], None
        if " | " in line:
            closed = line.rstrip().endswith("|")
            joined, j = line.rstrip(), i + 1
            while j < len(lines) and j - i <= ROW_PIECES and lines[j].strip():
                piece = lines[j]
                if closed and "|" in piece and not piece.rstrip().endswith("|"):
                    break
                joined += piece
                j += 1
                if joined.count("|") > widest or (
                    closed
                    and "|" in piece
                    and piece.count("|") > 1
                    and (margin is None or len(line.strip()) < margin or joined.count("|") > most)
                ):
                    break
                if piece.rstrip().endswith("|"):
                    end = j
                    break
        if end is None:
            out.append(line)
            i += 1
        else:
            out.append(joined)
            i = end
    return out


ROW_PIECES = 6  # a row cut into more pieces than this is no row
NO_LINE_OPENS = re.compile(r"^[，,、。；;：:！!？?）)」』”]")
UNITS_LINE = re.compile(r"^\s*[（(〔](?P<inside>[^（）()〔〕]{2,200})[）)〕][。；;]?\s*$")


def _continues(above: str, line: str) -> bool:
    """A line that goes on from the line above in a copy cut at a page's width: one opened by a stop or a closing
    mark (no writer opens a line so), one that is a bracket of units alone (the item's, cut after its "。"), or
    one opened by a single space after a number (a spaced number cut at its space: "达 4" / " 万亩")."""
    bracket = UNITS_LINE.match(line)
    return bool(
        NO_LINE_OPENS.match(line)
        or (bracket and NAMES_ROLES.search(bracket.group("inside")))
        or (re.search(r"\d$", above) and re.match(r" [^\s\d]", line))
    )


def _rejoin_open_rows(lines: list[str]) -> list[str]:
    """A table whose rows are "a | b | c" (no "|" closing them) in a copy set at a page's width: a row's line that
    reaches the right margin goes on in the next lines, up to the table's count of cells, then in the lines
    without "|" (its last cell's words) while each piece reaches the margin, up to the next row."""
    rows = [line for line in lines if " | " in line and not line.rstrip().endswith("|")]
    if len(rows) < 3:
        return lines
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not WRAP_NARROWEST <= width <= WRAP_WIDTH:
        return lines
    full = WRAP_FULL * width
    # a row's cells: most rows', or a row short of the margin's (a header, whole) where the copy cut most rows
    bars = max(
        Counter(row.count("|") for row in rows).most_common(1)[0][0],
        max((row.count("|") for row in rows if len(row.strip()) < full), default=0),
    )
    out, i = [], 0
    while i < len(lines):
        line, j = lines[i], i + 1
        # (a line closing with "|" was cut right after it: its last cell is to come)
        if " | " in line and line.count("|") <= bars:
            last = line
            while j < len(lines) and j - i <= ROW_PIECES and lines[j].strip() and len(last.strip()) >= full:
                piece = lines[j]
                if "|" in piece and (line.count("|") >= bars or line.count("|") + piece.count("|") > bars):
                    break  # a row of its own
                line, last, j = line.rstrip() + piece, piece, j + 1
        out.append(line)
        i = j
    return out


NUMBER_CELL = re.compile(r"^\s*\d{1,3}\s*\|?\s*$")  # a row's 序号 cell on a line of its own ("14", "2 |")
CELL_CUT = 25  # a cell's line this long that closes nothing reached a PDF page's margin (a page holds more)


def _rejoin_cut_cells(lines: list[str]) -> list[str]:
    """A table copied one cell a line (rows opening with their 序号 cell on a line of its own, three or more) whose long
    cell a PDF copy cut at the margin ("…、区交通局、莲都" / "邮政管理局、…"): a cell's lines (after a blank line, a bar
    or a cell closed by "|"; up to a blank line, a bar or a closing "|") each but the last at a page's width, closing no
    sentence and no cell, are one line. A heading ("第二节…") or an item over a paragraph is no cell."""
    if sum(bool(NUMBER_CELL.match(line)) for line in lines) < 3:
        return lines

    def cell_edge(line: str) -> bool:
        return line.strip() in ("", "|") or line.rstrip().endswith("|") or bool(NUMBER_CELL.match(line))

    def cut(line: str) -> bool:
        return (
            CELL_CUT <= len(line.strip()) <= WRAP_WIDTH
            and "|" not in line
            and not SENTENCE_CLOSED.search(line)
        )

    def goes_on(line: str) -> bool:
        return (
            (not cell_edge(line) or line.rstrip().endswith("|") and not NUMBER_CELL.match(line))
            and not OPENS_ITEM.match(line)
            and "|" not in line.rstrip().rstrip("|")
        )

    out, i = [], 0
    while i < len(lines):
        j = i
        if i and cell_edge(lines[i - 1]) and not OPENS_ITEM.match(lines[i]):
            while j + 1 < len(lines) and cut(lines[j]) and goes_on(lines[j + 1]):
                j += 1
        closed = lines[j].rstrip().endswith("|") or j + 1 == len(lines) or cell_edge(lines[j + 1])
        if j > i and closed:
            out.append("".join(line.rstrip() for line in lines[i:j]) + lines[j])
            i = j + 1
        else:
            out.append(lines[i])
            i += 1
    return out


# reader64: a heading ("二、…主要目标任务", "第三章 …") alone on its line, no stop (nor "、") inside, short of the widest lines:
# the PDF copy did not cut it (a cut line reaches the margin), so the paragraph under it opens a line of its own
HEADING_NO_STOP = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百]+[章节部篇]|[一二三四五六七八九十]+、)[^，,、。；;：:！!？?]*$"
)


def _heading_short_of_margin(group: list[str], width: int) -> bool:
    return len(group) == 1 and bool(HEADING_NO_STOP.match(group[0])) and len(group[0].strip()) < width


def _rejoin_cut_titles(lines: list[str]) -> list[str]:
    """reader64: a book title cut at a page's margin ("…印发宁波市安全生产“十二五”发展" / "规划的通知》,确立…"): a line
    of prose at least a narrow page wide that leaves "《" open, the next closing it with "》" first, is one line (no
    writer breaks a line inside a title's brackets; a table's row, with "|" or a tab, is left as it is)."""
    out: list[str] = []
    for line in lines:
        if out and _title_left_open(out[-1]) and "》" in line and not re.search(r"[|\t]", line):
            closing, opening = line.find("》"), line.find("《")
            if opening < 0 or closing < opening:
                out[-1] = out[-1].rstrip() + line.lstrip()
                continue
        out.append(line)
    return out


def _title_left_open(line: str) -> bool:
    return (
        len(line.strip()) >= WRAP_NARROWEST
        and not re.search(r"[|\t]", line)
        and line.rfind("《") > line.rfind("》")
    )


def _rejoin_wrapped(text: str) -> str:
    lines = text.split("\n")
    # a row's trailing space cut onto a line of its own ("…（20分） |" then " "): no line between two rows
    lines = [
        line
        for i, line in enumerate(lines)
        if not (
            line
            and not line.strip()
            and 0 < i < len(lines) - 1
            and lines[i - 1].rstrip().endswith("|")
            and " | " in lines[i + 1]
        )
    ]
    lines = _rejoin_open_rows(_rejoin_cut_rows(lines))
    text = "\n".join(lines)
    # a table's lines (cells apart by "|", tabs or spaces, or one cell a line ending in "|") are no wrapped prose
    lengths = sorted(
        len(line.strip()) for line in lines if line.strip() and not TABLE_CELLS.search(line.strip())
    )
    if len(lengths) < WRAP_FEWEST:
        return text
    width = lengths[int(0.9 * (len(lengths) - 1))]
    full = sum(n >= WRAP_FULL * width for n in lengths)
    if not WRAP_NARROWEST <= width <= WRAP_WIDTH or full < WRAP_VARIED * len(lengths):
        return text
    # a document whose lines vary (headings, short items, numbers a line between the wrapped paragraphs): a run of
    # lines is one paragraph only where it closes a sentence or each of its lines but the last ends where no line
    # can (after 、，和及与) — a list of short items, one a line, closes none
    # (so is a short text: a paragraph or two cut in a few lines)
    varied = full < WRAP_SHARE * len(lengths) or len(lengths) < WRAP_FEW
    groups = [[lines[0]]]
    # reader54: a 纲要's decimal headings ("1.1 “五个中心”建设既定目标如期实现"), two or more: each a line of its own
    decimal_headings = sum(1 for line in lines if DECIMAL_HEADING.match(line)) >= 2
    for line in lines[1:]:
        last = "".join(part.rstrip() for part in groups[-1])
        piece = groups[-1][-1]
        if decimal_headings and (DECIMAL_HEADING.match(line) or DECIMAL_HEADING.match(piece)):
            groups.append([line])  # the heading, and the line after it (no sentence runs on from a heading)
        elif (
            len(piece.strip()) >= WRAP_FULL * width
            and not piece.lstrip().startswith(("#", "|"))
            and (
                (re.search(r"\d$", piece) and re.match(r"\d{1,3}(?:[年月日%‰]|[万亿]\S)", line))
                or NO_LINE_OPENS.match(line)  # no row opens with "。" either
            )
        ):
            groups[-1].append(
                line
            )  # a number cut in two at the margin ("…关于202" / "4年实施…"), even in a row
        elif (
            len(last.rstrip()) >= WRAP_FULL * width  # an indent takes its share of the page
            and not last.lstrip().startswith("#")
            and not TABLE_CELLS.search(last.strip())  # a leading tab is an indent, no cell
            and not TABLE_CELLS.search(line.strip())
            and not _heading_short_of_margin(groups[-1], width)
            and (
                not (SENTENCE_CLOSED.search(last) or OPENS_ITEM.match(line))
                # a line no writer opens (with "，" "、" "。"…) goes on from the line above, and an item's bracket
                # of units ("（财政部、国务院扶贫办负责）") cut from its sentence's "。" closes that item
                or (len(groups[-1][-1].strip()) >= WRAP_FULL * width and _continues(last, line))
            )
        ):
            groups[-1].append(line)
        else:
            groups.append([line])
    out = []
    for group in groups:
        if (
            varied
            and not SENTENCE_CLOSED.search(group[-1])
            and not all(CANNOT_END.search(part) for part in group[:-1])
        ):
            # even so, a number cut in two ("…从2015" / "年的73.25岁…") is one line's
            for part in group:
                if (
                    out
                    and NUMBER_CUT_END.search(out[-1])
                    and NUMBER_CUT_START.match(part)
                    # reader58: a page's date alone on its line ("2023-09-22") is whole, no number cut
                    and not dating.ISO_DATE_LINE.match(out[-1])
                ):
                    out[-1] = out[-1].rstrip() + part
                else:
                    out.append(part)
        else:
            out.append("".join(part.rstrip() for part in group[:-1]) + group[-1])
    return "\n".join(out)


# a Word paste sets a space either side of every number between Chinese characters ("到 2025 年达到 90 %"): in a
# document that does so nearly everywhere the spaces are the paste's, not the writer's, and go; a document that
# spaces some numbers only (a writer's habit, a table's cells set apart by spaces) keeps them as written
NUMBER_EDGE = re.compile(r"(?<=[\u4e00-\u9fff])([ \u3000]?)(?=\d)|(?<=\d)([ \u3000]?)(?=[\u4e00-\u9fff])")
CELL_SPACE = re.compile(r"[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff]")  # cells set apart by spaces
LAST_CELL = re.compile(
    r"\d+(?:\.\d+)?[ \u3000]?(?:[%‰]|[\u4e00-\u9fff]{1,3})?\s*$"
)  # a number and its unit close the line
ITEM_NUMBER = re.compile(r"\d{1,2}[.．、](?!\d)")  # "优化 1.健全…": an item's number opens a cell or an item
WORD_SPACED = 0.9  # the share of a number's edges with a space at which the spaces are a paste's
WORD_SPACED_FEWEST = 10  # fewer edges than this tell no habit


def _unspaced_line(line: str, among_rows: bool) -> str:
    # in a row whose cells are set apart by spaces ("数量指标 每年慰问…现症病人 32人", "…知晓率显著提升 100%")
    # the space before the row's first number (after a cell, or in a line that is no sentence
    # among rows of cells), or before a
    # number that with its unit closes the row, may be a cell's edge, and so may the space before an item's
    # number: it stays
    def fold(m: re.Match) -> str:
        if m.group(1) and (
            LAST_CELL.match(line, m.end())
            or ITEM_NUMBER.match(line, m.end())
            or (
                not re.search(r"\d", line[: m.start()])
                and (
                    CELL_SPACE.search(line[: m.end()]) or (among_rows and not re.search(r"[，。；,;]", line))
                )
            )
        ):
            return m.group(1)
        return ""

    return NUMBER_EDGE.sub(fold, line)


def _unspaced_numbers(text: str) -> str:
    edges = [m.group(1) or m.group(2) or "" for m in NUMBER_EDGE.finditer(text)]
    if len(edges) < WORD_SPACED_FEWEST or sum(bool(e) for e in edges) < WORD_SPACED * len(edges):
        return text
    lines = text.split("\n")
    return "\n".join(
        _unspaced_line(line, any(CELL_SPACE.search(near) for near in lines[max(i - 1, 0) : i + 2]))
        for i, line in enumerate(lines)
    )


# An OCR copy that sets a space between every two digits ("2 9 0 0 亿元", "1 2 %", "6 .5 %", a number cut at a line's
# end "1 .\n2万"): a number's digits, not a list of them, where single digits spaced apart outnumber digits written
# together in the whole text (a table's cells "1 2 3" or a writer's "到 2025 年" spaces whole numbers, not digits)
OCR_SPACED_DIGIT = re.compile(r"(?<![\d.])\d[ \u3000](?=\d)")
OCR_DIGIT_GAP = re.compile(r"(?<=\d)[ \u3000](?=\d)|(?<=\d)[ \u3000]*([.．])[ \u3000]*\n?[ \u3000]*(?=\d)")
OCR_SPACED_FEWEST = 10  # fewer spaced digits than this tell no habit
OCR_SPACED_SHARE = 2  # and they outnumber the digits written together this many times over


def _joined_ocr_digits(text: str) -> str:
    spaced = len(OCR_SPACED_DIGIT.findall(text))
    if spaced < OCR_SPACED_FEWEST or spaced < OCR_SPACED_SHARE * len(re.findall(r"\d\d", text)):
        return text
    return OCR_DIGIT_GAP.sub(lambda m: "." if m.group(1) else "", text)


# Marks inside a number a copy wrote otherwise ("2，900万人", "10,000多个", "11．13亿人", an OCR's "3· 5％"): the
# thousands' comma (then three digits and no more) goes; a full-width stop or a middle dot between a word's number and
# its digits is its decimal point (a numbered item "1．80%的…" opens its line: no word before it). A list of values
# (分别 before) keeps its commas.
THOUSANDS = re.compile(r"(?<![\d.])(\d{1,3})(?:[,，](\d{3}))+(?![\d.．,，])")
MID_DECIMAL = re.compile(
    r"(?<=[\u4e00-\u9fff])(\d{1,4})．(\d{1,3})(?![\d．])"
    # a middle dot before a per cent sign, wherever it stands (not "“7·20”暴雨", a day's name)
    r"|(?<![\d.])(\d{1,3})[ \u3000]?[·・][ \u3000]?(\d{1,2})(?=\s*[%‰])"
)


# a range's dash an OCR read as the numeral 一 between two percentages ("有50％一70％达到…"): a dash
OCR_RANGE_DASH = re.compile(r"(?<=\d[%‰])一(?=\d+(?:\.\d+)?[%‰])")


def _number_marks(text: str) -> str:
    if not re.search(r"\d[,，．·・%‰]", text):
        return text

    def thousands(m: re.Match) -> str:
        if "分别" in text[max(m.start() - 12, 0) : m.start()]:
            return m.group(0)
        return re.sub(r"[,，]", "", m.group(0))

    text = MID_DECIMAL.sub(lambda m: ".".join(g for g in m.groups() if g), THOUSANDS.sub(thousands, text))
    return OCR_RANGE_DASH.sub("-", text) if "一" in text else text


# Numbers an old text writes digit by digit in Chinese numerals, "○" its zero, "·" its decimal point ("到一九五七年达到二四·四万张",
# "○·四万人"): a year of the last century ("一九五七年") and a decimal number before its unit, read as digits. Numerals with
# 十/百/千 ("三十万人") and runs with no point ("三四万人" is thirty to forty thousand) are words, left (reader60)
NUMERAL_DIGITS = {ord(c): str(i) for i, c in enumerate("〇一二三四五六七八九")} | {
    ord("○"): "0",
    ord("零"): "0",
}
NUMERAL_YEAR = re.compile(r"(?<![〇○零一二三四五六七八九十百千万])一九[〇○零一二三四五六七八九]{2}(?=\s*年)")
NUMERAL_DECIMAL = re.compile(
    r"(?<![〇○零一二三四五六七八九十百千万亿])[〇○零一二三四五六七八九]{1,4}[·・][〇○零一二三四五六七八九]{1,3}"
    r"(?=\s*(?:[万亿]|%|‰))"
)


def _positional_numerals(text: str) -> str:
    if "一九" not in text and "·" not in text and "・" not in text:
        return text
    text = NUMERAL_YEAR.sub(lambda m: m.group(0).translate(NUMERAL_DIGITS), text)
    return NUMERAL_DECIMAL.sub(lambda m: re.sub("[·・]", ".", m.group(0).translate(NUMERAL_DIGITS)), text)


def normalise(text: str) -> str:
    """The text as the rules read it: \r\n and \r as \n, ０-９ as 0-9, ％ as %, a Word paste's spaces around
    numbers dropped, a PDF copy's hard-wrapped lines joined again."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(PASTED_FORMS)
    text = _rejoin_wrapped(_unspaced_numbers(_number_marks(_joined_ocr_digits(_positional_numerals(text)))))
    text = "\n".join(
        _rejoin_cut_titles(text.split("\n"))
    )  # after the wraps' rejoin: its page width as measured
    text = "\n".join(_rejoin_cut_cells(text.split("\n")))
    # a paragraph's first-line indent typed full-width ("　　") says no more than the line break before it
    return INDENT.sub("", text)


INDENT = re.compile(r"^\u3000+", re.M)


def _rule_units(rule: re.Match, line: str) -> list[str]:
    """The units a document-wide rule names; a short name that the units listed before it on its line spell out
    ("…各县区人民政府、市各功能区管委会，以下均涉及各县区、功能区，不再重复列出") is that unit's full name."""
    named = [n for part in _split_outside_brackets(rule.group("units"), "，,") for n in unit_names(part)]
    before = [
        n
        for part in re.split(r"[、，,：:；;。（(）)\s]", line[: rule.start()])
        # (reader65) a unit named with its role word ("各地级以上市政府负责落实。以下任务均需各市落实")
        for n in unit_names(_without_role_word(part.strip()))
        if n and is_organisation(n)
    ]
    resolved = []
    for name in named:
        fuller = {n for n in before if name in n and n != name}
        if not fuller and name.startswith("各"):
            # (reader65) a 各-phrase shortened by leaving words out ("各市" for "各地级以上市政府", "各县区" for
            # "各县（市、区）人民政府"): the one 各-unit before it that holds its characters in order
            fuller = {n for n in before if n.startswith("各") and n != name and _in_order(name, n)}
        resolved.append(fuller.pop() if len(fuller) == 1 else name)
    return resolved


def _rule_cooperates(rule: re.Match) -> bool:
    """Whether a document-wide rule's own word makes its units cooperate ("以下任务均需市统计局配合，不再列出");
    with a lead's word (落实, 负责) their role is the document's (see _tasks)."""
    return bool(rule.group("verb") and rule.group("verb").startswith(COOPERATING_ROLES))


def _without_role_word(part: str) -> str:
    """ "各地级以上市政府负责落实" → "各地级以上市政府": a part of a bracket without the role word closing it."""
    role = ROLE.search(part)
    return part[: role.start()] if role else part


def _in_order(short: str, full: str) -> bool:
    """Whether every character of short stands in full, in the same order."""
    rest = iter(full)
    return all(c in rest for c in short)


def tasks(text: str, default_year: int | None = None) -> list[dict]:
    token = AS_WRITTEN.set(_opens_a_list_bare(normalise(text)))
    joined = JOINED_PAIRS.set(_joined_pairs(normalise(text)))
    try:
        return _tasks(text, default_year)
    finally:
        JOINED_PAIRS.reset(joined)
        AS_WRITTEN.reset(token)


def _tasks(text: str, default_year: int | None = None) -> list[dict]:
    """Items '（一）title。…（责任单位：…）' with their units (see units_of for the grammar); a
    document-wide rule ("以下均需各县…落实") adds its units to every task after it (cooperating where the document
    tells its leads apart or the rule says 配合, else leading), and
    "列第一位者为牵头单位，下同" makes the first unit of its bracket and of every later one the lead.
    Items that name no unit are not tasks (保障措施 and the like)."""
    found = []
    text = _flattened_duty_table(_close_cut_bracket(_group_units_shared(normalise(text))))
    table_rows, table_lines = _table_tasks(text.splitlines())
    # the lines of a table are read by its columns, not as items ("工作任务" there heads a column)
    text = "\n".join("" if i in table_lines else line for i, line in enumerate(text.splitlines()))
    items, lines = _items(text)
    rules = []  # (line number from which it holds, units, whether they cooperate by the rule's own word)
    for number, line in enumerate(lines, start=1):
        for m in FROM_HERE_ON.finditer(line):
            rules.append((number, _rule_units(m, line), _rule_cooperates(m)))
    first_listed_from = next(
        (number for number, line in enumerate(lines, start=1) if FIRST_LISTED_LEADS.search(line)), None
    )
    if first_listed_from and items and first_listed_from > max(offset for *_, offset in items):
        # (reader72) stated after every item ("各项举措中排序第一的责任单位为该项牵头单位" in the closing
        # paragraph): the rule can only speak of the items before it, all of them
        first_listed_from = 1
    lead_told_from = next(
        (number for number, line in enumerate(lines, start=1) if COMMA_LEADS.search(line)), None
    )
    roles_told = False  # whether a bracket so far has told its leads apart by a role word or a stated rule
    for clause, item_title, item_body, offset in items:
        first_listed = FIRST_LISTED_LEADS.search(item_body) or (
            first_listed_from and first_listed_from <= offset
        )
        for n, (title, body, bracket, (lead, cooperating)) in enumerate(
            _parts(item_title, item_body), start=1
        ):
            lead, cooperating = list(lead), list(cooperating)
            if (
                cooperating
                and not (lead_told_from and lead_told_from <= offset)
                and _comma_list(bracket or _label_source(body))
            ):
                # "责任单位：A、B，C" in a document that states no comma rule ("逗号前为牵头单位"): the comma
                # separates units of one list as the 顿号 does, and every unit leads
                lead, cooperating = lead + cooperating, []
            elif cooperating and not (lead_told_from and lead_told_from <= offset):
                # "责任单位：A，B；配合单位：C": A and B lead, C cooperates
                one_list = _duty_list_before_cooperating(bracket or _label_source(body))
                lead += [u for u in cooperating if u in one_list]
                cooperating = [u for u in cooperating if u not in one_list]
            # (a unit named for its role in other tasks, "各项目牵头单位", names no lead here)
            names_leads = "牵头" in re.sub(
                r"牵头(?:单位|部门)(?!\s*[:：])", "", FIRST_LISTED_LEADS.sub("", bracket)
            )
            if first_listed and len(lead) > 1 and not names_leads:
                # "列第一位者为牵头单位": the others cooperate, unless the bracket names its leads ("A、B牵头负责");
                # "A、B负责，C参与" under it: A leads, B and C cooperate
                lead, cooperating = lead[:1], lead[1:] + cooperating
            # the bracket that states the rule names its units after the others ("A、B，各区、县（市）政府。以下均需
            # 各区、县（市）政府落实"): in such a document they lead there as after it
            own_rule = {
                n
                for m in FROM_HERE_ON.finditer(bracket)
                if not _rule_cooperates(m)
                for n in _rule_units(m, bracket)
            }
            # the rule's units join the lead in a document that has not told its leads apart up to this task (no
            # bracket so far has read a unit as cooperating, no "列第一位的为牵头单位" or "逗号前为牵头单位" in force)
            # where the task's own units all lead; else they cooperate. (reader65) A lead word alone tells nothing
            # apart: brackets that all say "X、Y牵头负责" name every unit a lead, as a plain list does
            roles_told = roles_told or bool(
                set(cooperating) - own_rule or first_listed or (lead_told_from and lead_told_from <= offset)
            )
            if not roles_told and cooperating and set(cooperating) <= own_rule:
                lead, cooperating = lead + cooperating, []
            joins_lead = not cooperating and not roles_told
            # (reader72) a rule stated in a task's own bracket holds for that task too ("（责任单位：A、B。以下均需
            # 各市州、县市区人民政府落实，不再列出）": the governments do this task as every later one)
            own = [(_rule_units(m, bracket), _rule_cooperates(m)) for m in FROM_HERE_ON.finditer(bracket)]
            for extra, cooperates in [(u, c) for since, u, c in rules if since < offset] + own:
                (lead if joins_lead and not cooperates else cooperating).extend(
                    u for u in extra if u not in lead and u not in cooperating
                )
            body = body.replace("\n", "")
            found.append(
                asdict(
                    Task(
                        clause if n == 1 else f"{clause}.{n}",
                        title,
                        body[:400],
                        lead,
                        cooperating,
                        deadline_of(body, default_year),
                    )
                )
            )
    for number, title, body, lead, cooperating, deadline in table_rows:
        found.append(asdict(Task(f"表{number}", title, body[:400], lead, cooperating, deadline)))
    titles, heading = {t["title"] for t in found}, ""
    for line in lines:
        if not line.strip():
            continue
        # a running list's part ("三是由A负责,B配合,…（A牵头，B配合）") whose bracket names its units is read as an item
        running_read = bool(RUNNING_ITEM.match(line.strip()) and _unit_brackets(line.strip()))
        cell = None if running_read else _unit_led_cell(line.strip())
        if cell and not cell[0]:
            cell = (heading, *cell[1:]) if heading else None
        heading = (m.group(1) or m.group(2)) if (m := UNITS_HEADING.match(line.strip())) else ""
        if cell and cell[0] not in titles:
            title, lead, cooperating = cell
            titles.add(title)
            body = line.strip()
            found.append(
                asdict(
                    Task(
                        f"格{len(titles)}",
                        title,
                        body[:400],
                        lead,
                        cooperating,
                        deadline_of(body, default_year),
                    )
                )
            )
    return found


# a cell of a task table copied one cell a line that opens with its units and their roles, no number before it
# ("区城管局负责,工商局、区商务局配合,取缔…。", "区商务局、区城管局负责督促业主…."): the units do the cell's task
UNIT_LED_CELL = re.compile(
    r"^(?P<lead>[^\d，,。；;:：、\s（(.．]{2,20}(?:、[^\d，,。；;:：、\s（(.．]{2,20}){0,3})(?:负责|承办|主办)"
    rf"(?:[，,](?P<coop>[^，,。；;:：]{{2,120}}?)(?:{'|'.join(COOPERATING_WORDS)})(?=[，,。]|$))?"
    r"(?:[，,][^，,。；;:：]{2,20}?指导(?=[，,]))?"
)


# (reader68) a web page's colophon ("X、Y主办 各镇街、区直部门内容保障", "技术支持：…"): who runs the site, no task
SITE_COLOPHON = re.compile(r"内容保障|技术支持|网站标识码|版权所有|ICP备|网站主办|主办单位[:：]")


# a heading naming a task, the units' sentence on the line after it ("一、治理畜牧业产品污染" / "由省经贸委承办,…协办。")
UNITS_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+、\s*([^。；;，,]{2,40})|[（(][一二三四五六七八九十]+[)）]\s*([^。；;，,]{2,40}))$"
)


def _unit_led_cell(line: str) -> tuple[str, list[str], list[str]] | None:
    """(title, lead, cooperating) of a cell that opens with its units ("X负责,Y配合,…"); a bureau named without its level
    after one that has it is of the same level ("区城管局负责,工商局…配合" -> 区工商局); who guides ("区爱卫办指导") does
    no part of it."""
    # "(一)由省经贸委负责,省农业厅、环保局…配合,加快…": a measure numbered in a bracket, its units after 由, reads alike
    line = re.sub(r"^[（(][一二三四五六七八九十]+[)）]\s*(?=由)", "", line)
    m = UNIT_LED_CELL.match(line[1:] if line.startswith("由") else line)
    if not m or SITE_COLOPHON.search(line):
        return None
    lead = [n for part in m.group("lead").split("、") for n in unit_names(part)]
    cooperating = [
        n
        for part in _split_outside_brackets(m.group("coop") or "", "、")
        for piece in re.split(r"(?<=[局委办])和", part)  # "商务局和各街道办事处", not "卫生和计划生育委员会"
        for n in unit_names(piece.strip())
    ]
    if not lead or not all(is_organisation(n) for n in lead + cooperating):
        return None
    level = LEVEL.match(lead[0])
    if level and all(LEVEL.match(n) for n in lead):
        cooperating = [
            n
            if LEVEL.match(n) or n.startswith("各") or not n.endswith(("局", "厅")) or len(n) > 5
            else level.group(0) + n
            for n in cooperating
        ]
    title = re.split(r"[。；;]|\.(?!\d)", line)[0].strip()[:60]
    if re.fullmatch(r"\s*(?:[。；;].*)?", line[m.end() + line.startswith("由") :]):
        title = ""  # "由省经贸委承办,省农业厅…协办。治理工作目标:…": the units alone; the heading above names the task
    return title, lead, cooperating


# SI and engineering units in Latin letters, and "度" (read after a goal's verb or before 以内/以上 only, below)
ENGINEERING_UNITS = (
    r"(?:[EPTGM]\s?)?(?:FL)?OPS(?:/[wW])?|[EPTZ]?FLOPS/[wW]"
    r"|[kMGT]?Hz|dB[mi]?|[kMG]?Pa|[pnμ]T|[kKMG]?Wh?|[mkK]?V|[mk]?A(?=[，,。；;、以的\s]|$)"
    r"|[nμu]m|mm|cm[23]?(?:/[hsd])?|m[23]/[hsd]|ms|μs|ns"
    r"|h(?=[，,。；;、以的]|$)|度(?!电)"
)
# a level per head or per population written as one unit ("补助标准达到95元/人", "床位配置6.5床/千人", "4人/万人"): the
# unit as written (grammar.py's per-head units; "万元/人" above it keeps its own)
# reader55: machines or vehicles per population too ("工业机器人使用密度力争达360台/万人", "每千人拥有汽车300辆/千人")
PER_HEAD_UNIT = r"(?:元|人|名|张|床|台|辆|套)\s*[/／]\s*[百千万]?人(?!次)"
# (reader57) a capacity a year, a level of plant and not a yearly pace ("煤炭产能稳定在1.4亿吨/年以上", "天然气外引能力达到
# 200亿立方米/年"): the unit as written; so is a backbone's bandwidth in G ("总带宽达到2800G", not "5G基站")
YEARLY_CAPACITY_UNIT = r"[万亿]?(?:吨|立方米|千瓦时)\s*[/／]\s*年|(?:(?<=[到过于]\d)|(?<=[到过于]\d\d)|(?<=[到过于]\d{3})|(?<=[到过于]\d{4})|(?<=[到过于]\d{5}))G(?=以上|[，,。；;]|$)"
# (reader57) the conditions a new project, plant or firm must meet to enter ("新上光伏制造项目应满足…不低于20%、…不低于18%",
# "新建企业须达到…"), to the sentence's end: entry thresholds, not the plan's goals
NEW_PROJECT_ENTRY = re.compile(
    r"新(?:上|建|开工|批准|核准|备案|进入)[^，,。；;]{0,16}(?:项目|企业|装置|生产线)[^，,。；;]{0,6}"
    r"(?:应|须|必须|需|需要)(?:满足|达到|符合|具备)[^。；;]*$"
)
# (reader61) the building of a list sped up, its first item maybe named without a count ("加快建设国家紧急医学救援基地(贵
# 州)、2个省级区域医疗中心、50个县域医疗次中心和40个…"): the clause's verb 加快建设, the value a count of the list
SPED_UP_BUILDING = re.compile(
    r"^\s*加快建设(?:[^，,。；;\d、和及]{2,30}(?:、|和|及|以及))?"
    r"(?:\d+(?:\.\d+)?\s*[个所家座处][^，,。；;\d、和及]{1,24}(?:、|和|及|以及))*$"
)
# (reader57) a clause opening with 加快 and the counts of a list before the value ("加快", "加快12个…中心、")
SPED_UP_LIST = re.compile(
    r"加快(?:推进)?(?:\d+(?:\.\d+)?\s*[个所家座处条][^，,。；;\d、和及]{1,24}(?:、|和|及|以及))*"
)
# (reader66) a clause pushing the building of kinds it counts, two or more, closed by 等 ("着力推动6个国家级制造业创新中心、3个国家级
# 产业创新中心、6个国家大学科技园等平台建设"): platforms designated and under way, named by example (conv22 (d)), no count to reach
# (one count pushed, "推进18个中央投资项目建设", stays a goal)
DESIGNATED_KINDS_PUSHED = re.compile(
    r"(?:\d{1,2}[.．、])?\s*(?:着力|积极|加快)?(?:推动|推进)"
    r"(?:\d+(?:\.\d+)?\s*[个所家座处][^，,。；;\d、和及等]{1,24}(?:、|和|及|以及)){1,}"
    r"\d+(?:\.\d+)?\s*[个所家座处][^，,。；;\d、和及等]{1,24}等[^，,。；;\d]{0,8}建设"
)
# reader62: two rates listed by 、, each named whole with its 率, before the one value they share ("2020年7月底前发证率、
# 登记率不少于60%", "A覆盖率、B达标率均达到90%"); "脊灰疫苗、麻风腮疫苗接种率" names one rate of two vaccines
TWO_RATES_LISTED = re.compile(
    r"(?:^|[，,；;：:])[^，,、；;：:]{0,24}?[\u4e00-\u9fff]率、[^，,、；;：:\d]{1,16}?率"
    + r"(?:(?:到|至)\s*\d{4}\s*年(?:底|末)?)?"  # LIST_YEAR's, defined below
    + r"(?:保持在|达到|均达到|均达|均|都)?$"
)


# reader62: a unit sign standing alone as a clause ("…达到86%;%,农村要达到88%", "；‰，"): the copy lost a value and the
# words before it (its year among them)
LOST_VALUE_MARK = re.compile(r"(?:^|[;；,，。])\s*[%‰]\s*(?=[;；,，。])")
# reader62: places named one by one right before their count ("河北、山西、江苏和陕西4个省", "甲市、乙市、丙市3个城市"): the
# count is of the list, no goal (a count beside "等" names examples of more, left as it was)
PLACES_LISTED = re.compile(
    r"((?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,4}(?:(?:和|及|与)[\u4e00-\u9fff]{2,4})?)$"
)
PLACE_KINDS = re.compile(r"(?:省|市|县|区|省份|省区|城市|地市|区县|县区|县市|地区)")


def _counts_places_listed(before: str, value: float, after: str) -> bool:
    if not PLACE_KINDS.match(after) or not (listed := PLACES_LISTED.search(before)):
        return False
    return len(re.split(r"、|和|及|与", listed.group(1))) == value


# reader62: short words listed before a long last item ("视力、听力、智力残疾儿童少年义务教育入学率", "城市、农村孕产妇…率"):
# kinds qualifying the one group the last item names, whose rate is one ("健康机关、健康社区、…建设率": places, each a rate)
def _shared_noun_modifiers(items: str, last: str) -> bool:
    words = [w for w in items.split("、") if w]
    return all(len(w) == 2 for w in words) and len(last) >= 10


# reader62: an age in months before the children it names ("6个月以内婴儿", "0-6个月婴幼儿", "6个月龄"): who is counted
AGE_IN_MONTHS = re.compile(r"\s*(?:以内|以下|及以下|内)?\s*的?(?:婴儿|婴幼儿|幼儿|儿童|新生儿|龄)")
# a number with its unit; "5～8个" keeps the lower bound; ages (岁), 人次 and 个百分点 are not targets
TARGET = re.compile(
    r"(?P<before>达到|不低于|不少于|不得低于|不小于|不超过|不高于|不大于|不多于|不超出|超过|低于|小于|大于|高于|多于|控制在|下降至|下降到|降低到|降低至|降至|降到|减少到|减少至|提高到"
    r"|至少|≥|≤|[<＜>＞]|超(?!过)|逾|突破"
    r"|(?:压缩|压减|缩短|缩小|减)(?:至|到)|精简(?:为|至)|约|达)?\s*"
    # a range keeps its lower bound, its unit written once ("5～8个") or twice ("25%-30%", with a dash only: "从20%到30%"
    # is a change from a baseline)
    # or a count's unit written twice with 至 ("2位至3位", "3个至5个", "8%至10%"); the dash full-width ("6.5%－7%") or an en dash too
    r"(?:(?P<low>\d+(?:\.\d+)?)\s*(?:[～~—–－-]|到|至|[%‰]\s*(?:[～~—–－-]|至)|(?:个|位|名|家|所|项|种)\s*(?:至|～|~))\s*)?"
    r"(?P<value>\d+(?:\.\d+)?)\s*"
    # reader55: "完成7700多项…标准", "新建100多个": "多" between a count and its unit, more than the count
    # "培训3000余人", "建成100余家": "余" as "多"; "1多万张" (_approximate_wan_counts) before a unit in 万
    r"(?:[多余](?=\s*(?:[项个家所种条座处名件人户张台辆套]|万[人名户张个家所台辆亩吨件套册场次例])))?"
    r"(?P<unit>%|‰|"
    + PER_HEAD_UNIT
    + r"|/\s*10\s*万|万元\s*[/／]\s*人|万元(?![/／起])|"
    # reader62: a rate per 10,000 as written ("出生缺陷发生率降至72/万", "并发症发生率控制在4/万以下"), closing its clause
    + r"/\s*万(?=以下|以内|以上|左右|[，,。；;）)]|$)|"
    + YEARLY_CAPACITY_UNIT
    + r"|亿吨|亿亩|万亿斤|亿斤|万斤|亿公斤|[万亿]立方米(?:[/／](?:小时|秒|日))?|微克\s*[/／]\s*立方米|m2(?![A-Za-z0-9/])|万亩次|万亩|万人次|万人[（(]次[)）]|万人|万名|万亿元|亿元|万美元|亿美元|亿千瓦时|亿千瓦|万马力|万千瓦时|万千瓦|[万亿]吨标准煤|万吨/日|万吨|万公里|万个|万张|万例|万户|万台套|万台|万辆(?![/／])|万平方米|亿平方米|万平方公里|平方公里|亿册|亿印张|万种|万箱|万门(?![诊户类槛急店口])|万场|万批次|万次|万套|万只|万头|亿尾|万尾|万家次|万家|万所|万对|万公顷|万标箱|万标准箱|亿方(?![面法案式])|亿(?=[^，,。；;\d万亿]{0,6}?人口)|亿人次|亿人|万(?=以上|以内|以下|人次以上|[，,。；]|$)|(?<!每\d)(?<!每\d\d)(?<!每\d\d\d)万(?=[^，,。；;\d万亿元]{1,6}?(?:人口|用户))|亿(?=以上|[，,。；\n]|$)|元(?=以上)"
    + r"|/\s*10\s*万|万元\s*[/／]\s*人|万元(?![/／起])|亿吨|亿亩|万亿斤|亿斤|万斤|[万亿]担(?![心任当保])|亿公斤|[万亿]立方米(?:[/／](?:小时|秒|日))?|微克\s*[/／]\s*立方米|m2(?![A-Za-z0-9/])|万亩次|万亩|万人次|万人|万名|万亿元|亿元|万美元|亿美元|亿千瓦时|亿千瓦|万马力|万千瓦时|万千瓦|[万亿]吨标准煤|万吨/日|万吨|万公里|万个|万张|万例|万户|万台套|万台|万辆(?![/／])|万平方米|亿平方米|万平方公里|亿册|亿印张|万种|万箱|万门(?![诊户类槛急店口])|万场|万批次|万次|万套|万只|万头|亿尾|万尾|万家次|万家|万所|万对|万公顷|万标箱|万标准箱|亿方(?![面法案式])|亿(?=[^，,。；;\d万亿]{0,6}?人口)|亿人次|亿人|万(?=以上|以内|以下|人次以上|[，,。；]|$)|(?<!每\d)(?<!每\d\d)(?<!每\d\d\d)万(?=[^，,。；;\d万亿元]{1,6}?(?:人口|用户))|亿(?=以上|[，,。；\n]|$)|元(?=以上)"
    r"|个工作日|工作日|个自然日|个月|个(?!百分点|基点)|所|家次|家[（(]次[)）]|家|张|名|人次|人年(?=以上|及以上|左右|[，,。；;]|$)|人(?!制)|条(?![例款])|公里\s*[/／]\s*[百千万]?平方公里|公里|片(?![区])|座|处(?![理置])|户|栋|台(?![账])|级|天|分钟|分(?=及以上|以上|及以下|以下)|支|岁|套|场次|场(?![次所地馆景])|块(?!状)|项|种|小时|平方米/人|㎡/人|平方米|㎡|颗|辆(?![/／])|批次|堂"
    # reader55: tonnes of a small place's abatement ("重点工程减排量分别达到245吨、18吨"); "吨标准煤", "吨/日" are others
    r"|吨(?![/／标])"
    # more units of counts and lengths, read as the others (the first readings met each): rooms, doses, cases, copies
    r"|间(?![隔断歇])|万剂次|万?册|万?份(?![额])|万?盒|床(?![位旁边])|公顷|千米|亩"
    # (reader69) ships ("完成7艘…船舶…治理"), and kinds counted to a floor after a goal's verb ("集中带量采购品种达10类以上"; a
    # bare "3类" names a class, "Ⅲ类水体", and "能够提供6类以上…技术" what a centre can offer)
    # (not "为全区739艘…渔船每艘增配1只…": the fleet a per-ship measure is for, its scope)
    r"|艘(?![^，,。；;]{0,16}每艘)|(?(before)类(?=以上|及以上)|(?!))"
    # (lead27) plots and houses ("盘活利用农房4500宗", "打造农业“标准地”30宗以上"), records and uses counted in 亿
    # ("汇聚数据37亿条", "调用超过2亿次")
    r"|宗(?![教旨族师亲])|[万亿]条|亿次"
    r"|位(?=[^置于次列浮整]|$)|[例次](?=以上|及以上|以下|以内|[，,。；;])"
    # cases closing a clause ("实施免费手术2000例、…", "…3000例（牵头单位：…）"), lifts ("加装电梯500部以上"), courses
    # ("课程100门")
    r"|例(?=[、（(])|部(?![门分委署位长队件])|门(?![诊户类槛急店口])"
    # pieces ("发明专利授权量达350件"); "15件民生实事", "10件12项…实事" count a list's own items
    r"|万?件(?!\d|事|(?:重点)?(?:民生|为民|惠民|实事|项目|大事|好事))"
    # computing power, storage and bandwidth in Latin letters ("算力规模达到14EFlops", "存储容量500PB", "带宽20Tbps")
    r"|[EPTZ]?(?:FLOPS|Flops|flops)(?![A-Za-z/])|[KMGTPEZ]B(?![A-Za-z/])|[KMGT]bps(?![A-Za-z])"
    # SI and engineering units in Latin letters, and "度", after a goal's verb only ("信噪比达到70dB", "精度达到0.005 度",
    # "能效比超过1TFLOPS/w", "成形效率大于450cm3/h", "连续工作时间大于240h"): a bare "16位" or "360 度" names a property;
    # a prefix, a power and a rate ("/w", "/h") are part of the unit (a bit width, "16位浮点", is no count: 位 below)
    r"|(?(before)(?:" + ENGINEERING_UNITS + r")(?![A-Za-z])"
    r"|(?:" + ENGINEERING_UNITS + r")(?=以内|以上|及以上|以下|左右))"
    r")?"
    r"(?P<after>及以上|及以下|以上|以内|之内|以下|左右)?"
)
COMPARATORS = {
    "不低于": "ge",
    "不少于": "ge",
    "不得低于": "ge",
    # (reader69) "护理型床位占比不小于60%": a floor, as 不低于 (not 小于's ceiling)
    "不小于": "ge",
    "至少": "ge",
    "≥": "ge",
    "以上": "ge",
    "及以上": "ge",
    "超过": "gt",
    "大于": "gt",
    # "覆盖率超80%", "达标率逾90%", "吸烟率<24.5%"
    "超": "gt",
    "逾": "gt",
    "突破": "gt",  # "总产值将突破1000亿元": more than the value
    ">": "gt",
    "＞": "gt",
    "<": "lt",
    "＜": "lt",
    "以内": "le",
    "以下": "le",
    "及以下": "le",
    "不超过": "le",
    "不高于": "le",
    # comparators in words, one table: "不大于", "不多于", "不超出" a ceiling; "高于", "多于" above; "之内" within
    "不大于": "le",
    "不多于": "le",
    "不超出": "le",
    "高于": "gt",
    "多于": "gt",
    "之内": "le",
    "≤": "le",
    "控制在": "le",
    "下降至": "le",
    "下降到": "le",
    "降到": "le",
    "减少到": "le",
    "减少至": "le",
    "降至": "le",
    "低于": "lt",
    "小于": "lt",
    "降低到": "le",
    "降低至": "le",
    "左右": "about",
    "约": "about",
    # a time to shorten: "压缩至5个工作日以内", "减至1个月"
    "压缩至": "le",
    "压缩到": "le",
    "压减至": "le",
    "压减到": "le",
    "缩短至": "le",
    "缩短到": "le",
    "精简为": "le",  # (reader70) "审批流程精简为5个工作日"
    "精简至": "le",
    # a gap narrowed to a level: "城乡居民收入倍差缩小到1.9以内"
    "缩小到": "le",
    "缩小至": "le",
    "减至": "le",
    "减到": "le",
}
# (money raised to, "投资扩大到4776亿元", is a budget's size, not a level the plan sets; 增至/增加到 with money are read by
# the line above it in GOAL_WORDS, reader51's)
RAISED_TO = (
    r"(?:(?:增加|扩大|发展|提升|增长|上升)(?:到|至)|增至)\s*\d+(?:\.\d+)?(?![\d.])(?!\s*[万亿]?(?:美元|元))"
)
# (a rate to lower: "分别下降到5.8‰、12/10万", "小于25%" — a ceiling states a goal as a floor does)
GOAL_WORDS = re.compile(
    r"\d年内|[一二三四五六七八九十两]年内|力争|下降到|下降至|降低到|降低至|降至|降到|减少到|减少至|小于|大于|‰|达到|不低于|不少于|不得低于|以上|超过|建成|左右|提高到|控制在|至少|≥|以内|创建|新增|新建|打造|超\s*\d|逾\s*\d|突破\s*\d|(?:建设|建立|布局|组建|实施|设立|培养|引进|培训|遴选|选派|筹集|筹建|扶持|资助|完成|研制|培育|改造|推出)\d|削减[^，,。；\d]{0,10}\d|\d分钟[^，。]{0,6}圈|达\s*\d|今年[^，,。；;\d]{0,4}拟[\u4e00-\u9fff]{1,4}\d"
    # a count right after two verbs ("改造提升25个标准化养老机构", "新建改扩建30所", "培育推广200个…场景"), or the people a service is for ("为2万名
    # 特殊困难老年人提供…")
    # a level to hold, its value right after ("粮食产量稳定在23万吨", an item of a year's expected goals)
    r"|(?:稳定|保持|维持)在\s*约?\s*\d"
    # a count to bring about right after 初步/基本 形成 or 新发现 ("初步形成5-8处大型基地", "新发现10-20个有利目标区"): what a stage of a
    # plan dated by spans ("用3年时间,…") sets (reader57)
    # (a bare 形成 describes as often: "分解形成153个指标", "目前…形成300万马力产能")
    r"|(?:初步|基本|逐步|力争)形成\s*\d|新发现\s*\d"
    # reader58: titles to win, counted right after the verb of striving for them ("争创2个国家生猪调出大县"), as 创建
    r"|争创\s*\d"
    # a gap or time narrowed to a ceiling ("急救反应时间缩短到12分钟以下", "倍差缩小到1.9以内"), as 下降到 (not 压缩至:
    # "办理时限压缩至1个工作日内" is a procedure's term in a sentence naming no year, heldout_ay, _af)
    r"|(?:缩小|缩短)(?:到|至)\s*约?\s*\d"
    # (reader70) a service time cut ("审批时限压缩到1个工作日", "审批流程精简为5个工作日"): the round-4 truths, _k and _db count it
    # (le), as most sets do; _ay's "办理时限压缩至1个工作日内" left out is the one reading against it
    r"|(?:压缩|压减|精简|缩减)(?:到|至|为)\s*\d+(?:\.\d+)?\s*个?(?:工作日|自然日)"
    # a ceiling by its sign or word ("孕产妇死亡率≤10/10万", "…不高于10/10万"), as 不超过 and ≥ are
    r"|(?:不高于|≤)\s*\d"
    # below a value closing its clause ("平均住院日低于9天。"; not "低于75%的医院", a condition)
    r"|[低高]于\s*\d+(?:\.\d+)?\s*[^\d，,。；;的]{0,4}(?=[，,。；;]|$)"
    # a level raised or grown to, as 提高到 ("区域医疗中心增至10个", "营业收入提升至300亿元"), or reached about ("达约10个")
    r"|(?:增至|增加到|增加至|增长到|增长至|提升至|提升到|提高至)\s*约?\s*\d|(?:达到|达)\s*约\s*\d"
    # a level the plan sets out to reach, named right after 实现 ("“十四五”实现人均体育场地面积3.6平方米", a headline)
    r"|实现(?!了)[^，,。；;\d了]{1,14}\d"
    r"|(?:改造|提升|新建|改扩建|扩建|建设|建成|打造|创建|培育)(?:提升|改造|建设|新建|改扩建|扩建|认定|推广)\d+(?:\.\d+)?万?"
    r"(?:个|所|家|张|座|处|条|名|户|套)"
    r"|(?:^|[，,；;])为\d+(?:\.\d+)?万?(?:名|户)"
    # a count closing a clause after a work and its object ("改造建华路、根河路等背街巷道10条")
    r"|(?:^|[，,；;])(?:改造|新建|改建|扩建|修建|硬化|铺设)[^，,。；;\d]{1,14}?\d+(?:\.\d+)?万?(?:个|所|座|处|条|套|公里)(?=[，,。；;]|$)"
    # homes a work report starts or renovates this year, counted in 万套/万户 closing the clause ("今年开工580万套",
    # "…棚户区改造住房共1000万套，改造农村危房150万户")
    r"|(?:开工|改造|建设|建成|新建)[^，,。；;\d]{0,24}?\d+(?:\.\d+)?万(?:套|户)(?=[，,。；;]|$)"
    # the people a training reaches ("面向3万名…开展…培训"), matters carried through ("推动74项…事项全面落地")
    r"|(?:^|[，,；;。])面向\d+(?:\.\d+)?万?(?:名|人)|推动\d+(?:\.\d+)?(?:项|个|家)"
    # what a plan equips its recipients with ("为乡镇卫生院配备救护车50辆", "…配备500张床位"; not "每个村卫生室配备乡村医生2名",
    # a layout norm)
    r"|(?:^|[，,；;])为[^，,。；;\d]{2,12}?配备[^，,。；;\d]{0,12}?\d+(?:\.\d+)?(?:\s*[～~—–－-]\s*\d+)?万?(?:名|张|辆|台|套|个)"
    # a count after a verb and its noun, closing the clause: "培训乡村医生5000人", "新建县域医疗次中心58个", "建设健康步道200公里"
    r"|(?:培训|招募|培养|引进|资助|救助|帮扶|新增|新建|改造|建设|建成|培育)[^，,。；;\d]{1,12}?\d+(?:\.\d+)?万?"
    r"(?:人次|人|名|个|所|家|张|座|处|公里|辆|台|套)(?=[，,。；;]|$)"
    # the people to find work, closing the clause: "失业人员实现再就业10万人", "帮助…就业5000人"
    r"|(?:实现|帮助|促进)[^，,。；;\d]{0,8}?就业\d+(?:\.\d+)?万?(?:人次|人|名)(?=[，,。；;]|$)"
    # a count before the noun of what a verb supports, the clause closed by the work: "支持100个农村养老服务设施建设"
    r"|(?:支持|推动|完成)\d+(?:\.\d+)?万?(?:个|所|家|座|处)[^，,。；;\d]{1,16}?(?:建设|改造|提升)(?=[，,。；;]|$)"
    # a standard raised by an amount: "人均财政补助标准分别再提高30元和5元", "基础养老金最低标准再提高20元"
    r"|标准(?:分别)?再?(?:提高|提升|上调)\s*\d+(?:\.\d+)?\s*元"
    # a plan's commitment opened by its focus word: "将重点突破…，获得40项…", "重点支持…，开展8个~10个…的研发"
    r"|(?:^|[，,；;])\s*(?:将|要)?重点(?:突破|支持|开展|研发|发展)"
    # a verb before a list whose first item has no count: "完成县指挥中心、18个乡镇分控中心和376个村居广播室建设"
    r"|(?:建设|建立|建成|新建|完成|实施|设立)[^，,。；;\d、]{2,20}、\s*\d+(?:\.\d+)?\s*(?:个|所|家|张|座|处|套|台|条)"
    # people or teams brought in and grown ("新引育90名…人才", "集聚…创新团队30支", "招引…博士200人")
    r"|(?:引育|引培|育引|集聚|聚集|汇聚|招引|引聚)[^，,。；;\d]{0,12}?\d+(?:\.\d+)?万?(?:名|人|位|支)"
    # a list of counts of people sharing its noun, after the clause's verb: "…90名国家级、150名省级科技人才"
    r"|(?:^|[，,；;：:])(?!现有|拥有|共有|已有|有|其中|涉及)[\u4e00-\u9fff]{1,6}?\d+(?:\.\d+)?万?名[^，,。；;、\d]{1,8}"
    r"、\s*\d+(?:\.\d+)?万?名[^，,。；;、\d]{1,12}?(?:人才|专家|人员|学者|团队|工匠)"
    # a level raised to, its value right after, in the other verbs a plan writes besides 提高到 ("住宅面积增加到25平方米",
    # "招生规模扩大到800万人", "设市城市发展到400多个", "受教育年限增长至9年")
    r"|" + RAISED_TO
)
# a work report's count to reach this year after its verb and the work's object, in a sentence naming no year ("完成绿化
# 130万平方米", "完成主城区甲路、乙路等12条道路", "做好22.8公里道路的扩建", "重点实施城区20条道路的改造提升", "完成今年8008户
# 改造任务"): the report's year's goal
WORK_OBJECT_COUNT = re.compile(
    r"(?:完成|实施|做好)(?!了)(?![^，,。；;\d]{0,24}?现有)[^，,。；;\d了]{0,24}?\d+(?:\.\d+)?万?"
    r"(?:平方米|公里|条|栋|户|座|所|处|套)"
)  # (not "完成对…现有的450万平方米棚户区的调查": the stock surveyed)
# the year a goal names between its listed rates and their verb ("A和B到2030年均达到90%")
LIST_YEAR = r"(?:(?:到|至)\s*\d{4}\s*年(?:底|末)?)?"
# money per head (PER_HEAD_UNIT)
PAID_PER_HEAD = re.compile(r"元\s*[/／]")
PAID_BEFORE = re.compile(r"(?:按|可获|获得|给予|补助|补贴|资助|奖励|奖补)\s*(?:最高)?\s*$")
PAID_AFTER = re.compile(r"\s*(?:的)?(?:标准|资助|补贴|补助|奖励|奖补|一次性)")
# a rate's unit per 10万 ("/10万", "/ 10 万"): two rates joined by 和 before one such value reach it each
JOINED_RATE_UNIT = re.compile(r"/\s*10\s*万$")
# a ceiling's verb right before "约" ("控制在约15分钟", "降至约30分钟"): the time limit is about the value
LOWERED_TO = re.compile(
    r"(?:控制在|降至|降到|下降到|下降至|降低到|降低至|缩小到|缩小至|缩短到|缩短至|压缩到|压缩至)\s*$"
)
# a year's text (a work report) naming a work and its count this year, or over a span from it, without a goal's word:
# "今年要淘汰燃煤小锅炉5万台", "今年再解决6000万农村人口的饮水安全问题", "今年启动1亿亩试点", "争取用三年时间，解决750万户…",
# "今后三年内中央财政再支持5000所…建设", "再解决6000万人安全饮水问题" (再: again, this year)
REPORT_WORK_COUNT = re.compile(
    r"(?:今年|年内|今明两年|[两二三四五]年(?:内|之内)|用[两二三四五]年(?:左右的?)?时间|(?:^|[，,；;])(?:要|将)?再(?=[\u4e00-\u9fff]))"
    r"[^。；;\d]{0,12}?"
    r"(?:淘汰|解决|启动|增加|支持|改造|减少|搬迁|扩招|培训|压减|退出|治理|关停)[^。；;\d]{0,16}?\d"
)
# reader71: a work report's clause of this year's work, its verb opening the clause, its object, and its count closing
# it ("组织主题消费活动10场", "处置闲置土地6000亩", "筹集保障性租赁住房1500套", "提供安置房7880套"), or its count right
# after the verb ("新入驻10家…企业", "实施…等203个重点项目"): in a work report (its year known) the year's goal
# (lead27) works started, places created to a standard, works renewed and services brought to one standard too ("启动12个
# “美丽街区”建设", "新创成省级…单位5家", "新改造老旧小区130万平方米", "实现160项政务服务“同事同标”")
REPORT_CLAUSE_COUNT = re.compile(
    r"(?:^|[，,；;。：:、])(?:要|将|再)?(?:新入驻|入驻|组织|举办|处置|筹集|筹建|提供|实施|安装|建设|提档升级|升级改造|改造提升|完成|清理整合|修复|成立|绿化|启动|新创成|创成|新改造|改造|实现)"
    r"[^，,。；;：:\d了]{0,20}?\d+(?:\.\d+)?(?:万|亿)?"
    r"(?:个|家|场|项|亩|公顷|套|条|所|公里|平方米|兆瓦|户|座|处|人次|名)"
    r"(?:（次）|\(次\))?(?:以上)?"
    r"(?=[，,。；;、]|$|[\u4e00-\u9fff]{0,12}(?:项目|企业|工程)?(?:建设)?(?:[，,。；;、]|$)"
    # (lead27) the works' name in quotation marks ("启动12个“美丽街区”建设")
    r"|[\u4e00-\u9fff]{0,8}“[\u4e00-\u9fff]{2,10}”(?:项目|工程)?(?:建设)?(?:[，,。；;]|$))"
    # the outputs a report's year ensures, in a list of levels after 确保 ("确保生猪出栏200万头、家禽出笼6000万只")
    r"|(?:^|[，,；;。：:])确保[^，,。；;、\d]{1,10}?\d+(?:\.\d+)?[万亿]?[\u4e00-\u9fff]{1,2}、[^，,。；;\d]{1,10}?\d"
    # the pilots a report's year carries out, named by one of them ("开展东湖片区等8个…试点", conv22's pilots counted)
    r"|(?:^|[，,；;。：:])开展[^，,。；;\d]{1,16}?等\d+个[^，,。；;\d]{1,14}?试点(?=[，,。；;]|$)"
)
# money and the aggregates of a budget or of credit, in the clause holding the value (a plan's "信贷额度不低于50亿元" is a
# commitment, a goal): "全国财政赤字合计9500亿元",
# "广义货币增长17%左右", "新增贷款5万亿元以上", "实施总额4万亿元的两年投资计划", "中央财政专项扶贫资金增长30%以上",
# "今年拟安排430亿元" (heldout_af: money is no target); tax rules ("购置税按7.5%征收", "加计扣除比例由50%提高到75%")
BUDGET_CLAUSE = re.compile(
    r"赤字|国债|新增(?:人民币)?贷款|广义货币|(?<![A-Za-z])M2(?![.\d])|货币供应|政府投资|投资计划"
    r"|征收|计征|加计扣除|应纳税所得额|所得税|购置税|税率"
)
# money spent ("今年中央财政科技投入1461亿元，增长25.6%", "今年拟安排430亿元"): no goal, unless the clause commits to it
# ("确保省级财政教育投入年均增长10%左右", an education plan's goal)
SPENDING_CLAUSE = re.compile(
    r"(?:财政|预算内)[^，,。；;]{0,8}?(?:投入|投资|资金|支出)|(?:专项|扶贫|补助|补贴)资金|拟安排\s*\d+(?:\.\d+)?\s*万?亿元"
)
# a clause going on from the one before (its subject there): "…投入1461亿元，增长25.6%", "…计划，其中中央政府拟新增1.18万亿元"
CLAUSE_GOES_ON = re.compile(r"^\s*(?:其中|比上年|同比)?\s*(?:增长|下降|增加|减少|占|拟|新增|达到)?")
# a forecast of a number to come, not a goal: "预计今年高校毕业生超过1170万人", "今年高校毕业生将达727万人"
FORECAST_BEFORE = re.compile(
    r"(?:毕业生|新成长劳动力|新增劳动力)(?:人数|规模|总量)?(?:将|预计)?(?:达到|达|超过|突破|为)?$"
)  # (a goal's own "预计将达到550万人" in a plan stays a goal)


def _budget_or_forecast(digits: str, m: re.Match, unit: str) -> bool:
    """The value is money or a ratio of a budget or of credit, a tax rule, or a forecast (see BUDGET_CLAUSE)."""
    if unit in SERVICE_TIME_UNITS:
        return False  # (reader70) "一般政府投资项目…审批时间控制在50个工作日内": a service time, no money of 政府投资
    stops = "，,；;。：:"
    start = max(digits.rfind(c, 0, m.start()) for c in stops) + 1
    ends = [i for i in (digits.find(c, m.end()) for c in stops) if i >= 0]
    clause = digits[start : min(ends) if ends else len(digits)]
    if _budget(clause):
        return True
    before = digits[start : m.start()]
    if (
        FORECAST_BEFORE.search(before)
        and not GOAL_VERB_BEFORE.search(before)
        and not GRADUATES_DRAWN.search(before)
    ):
        return True
    if start > 0 and (unit.endswith("元") or unit == "%") and CLAUSE_GOES_ON.match(clause).group(0).strip():
        # the clause opens by going on from the one before: that one names the money
        previous = digits[max(digits.rfind(c, 0, start - 1) for c in stops) + 1 : start - 1]
        return _budget(previous)
    return False


def _budget(clause: str) -> bool:
    return bool(
        BUDGET_CLAUSE.search(clause)
        or (SPENDING_CLAUSE.search(clause) and not GOAL_VERB_BEFORE.search(clause))
    )


# (reader70) graduates a place draws or keeps ("引留高校毕业生15万人以上"): a goal, no forecast of their number
GRADUATES_DRAWN = re.compile(
    r"(?:引留|留住|引进|吸引|招引|留用|集聚|留苏|留[\u4e00-\u9fff])[^，,。；;\d]{0,8}毕业生$"
)
# a goal's own verb before a forecast word ("力争…", "确保…"): a goal all the same
GOAL_VERB_BEFORE = re.compile(r"力争|确保|争取|目标")
# the kinds a measure covers, named by examples then counted, the measure after ("全面推开尿毒症等8类大病保障", "将肺癌等12类
# 大病纳入保障和救助试点范围", as heldout_cf's "儿童白血病等20种重大疾病保障试点")
KINDS_COVERED = re.compile(r"等\s*\d+\s*[类种][^，,。；;\d]{1,12}?(?:保障|救助|试点|纳入)")
# a pilot, or a measure's reach, widened to a level ("县级公立医院综合改革试点扩大到1000个县", conv22)
PILOT_WIDENED = re.compile(r"(?:试点|范围)[^，,。；;\d]{0,10}?(?:扩大|扩展|推开)到\s*\d")
# money a clause opens with, spent on the works named after it ("投资10.6亿元，加快推进…", "年内投资1.6亿元，完成…")
WORKS_INVESTMENT = re.compile(r"(?:^|[，,；;：:])(?:年内|全年)?(?:计划)?投资$")
# (reader67, conv24) the money the plan's own projects spend, their projects named in the clause right before the amount
# ("力争一季度重点建设项目完成投资280亿元", "安排省、市重点项目投资超1000亿元", "…项目年底前完成投资15亿元以上", "其中建成项目102个、完成
# 投资135亿元"): the cost of the plan's works, no level of the economy's investment ("工业投资完成1600亿元" names no project)
PROJECTS_SPENDING = re.compile(r"项目[^，,。；;]{0,10}?(?:完成|累计完成)?(?:年度)?投资(?:额)?$")
# (reader71, conv24) the same spending in a clause of its own right after the clause naming the projects ("实施…等203个
# 重点项目，完成投资362亿元", "推进585个…重点项目建设，完成投资807亿元")
PROJECTS_CLAUSE_SPENDING = re.compile(r"\s*(?:全年|年内)?(?:完成|累计完成)(?:年度)?投资(?:额)?")
# (reader71, conv24) the money a year's works take, put in as a clause of its own ("今年投入82亿元、实施项目96个")
MONEY_PUT_IN = re.compile(r"(?:^|[，,；;、])\s*(?:今年|年内|全年)?(?:计划)?(?:共|累计)?投入(?:资金)?$")
# (reader71, conv24) funds to win from above, named before their amount or their growth in the clause ("申报争取债券资金25亿元
# 以上", "向上争取竞争性项目资金增长10%"): money to raise, no level of the place
FUNDS_TO_WIN = re.compile(
    r"(?:争取|申报|申请)[^，,。；;\d]{0,12}?(?:资金|债券|专项债|国债)(?:规模|额度|总额)?(?:增长|增加)?(?:达到|达|超过|突破)?$"
)
# (reader67, conv24) money named after its amount as funds, bonds or a credit quota ("120亿元地方政府专项债券全部支付使用完毕",
# "用好…发行的190亿元债券资金", "完成60亿元政策性银行新增信贷额度任务"): money to raise, hand out or spend, no level of the place
FUNDS_AFTER_AMOUNT = re.compile(
    r"[^，,。；;\d]{0,14}?(?:专项债券?|债券|资金|信贷额度|贷款额度|授信额度|融资额度)"
)
# (reader67, conv24) loans the plan's money supports, their amount right after ("支持企业实现转贷超50亿元", "帮助小微企业
# 续贷20亿元"): money handed out (a sector's credit, "全市新增贷款1000亿元", names no support)
LOANS_SUPPORTED = re.compile(r"(?:支持|帮助|扶持)[^，,。；;\d]{0,10}?(?:转贷|续贷|贷款|融资|授信)$")
# (reader67) a cap on what a payment or a loan may be ("贷款额度最高不超过200万元", "单个项目最高不超过50万元"): its term
CAPPED_BEFORE = re.compile(r"最高(?:可达)?$")
# (reader67, conv24) the pace of the plan's money, a share of it invested, used or paid ("投资进度完成15%左右", "年底前使用进度
# 达到70%以上", "支付进度达到80%以上"): funds' pace, no level of the place
FUNDS_PROGRESS = re.compile(r"(?:投资|使用|支付|拨付|执行|下达|投放)进度(?:完成|达到|达)?$")
# headings of the parts that look back (十三五 achievements, a review of the past year, the situation) or annex
# projects: no targets there. A heading that also names what is to be done (目标, 任务, 要点…) looks forward.
LOOKING_BACK = re.compile(
    r"发展成就|发展基础|规划背景|背景及依据|编制背景|取得成效|面临形势|机遇与挑战|重大建设项目|回顾|总结|成效|成绩|成就|现状|进展情况"
    r"|基础与形势|发展环境|基本情况|工作进展|主要进展|形势与挑战|^\W*(?:[一二三四五六七八九十]+、|\d{1,2}[.．、]|[（(]\d{1,2}[)）]|[①-⑳])\S{0,6}形势\W*$"
)
# reader54: a decimal heading on a line of its own, no sentence ("1.1 “五个中心”建设既定目标如期实现", "2.3 发展基础")
DECIMAL_HEADING = re.compile(
    r"^\s*\d{1,2}\.\d{1,2}(?![.．\d])\s*(?![万亿千百个%‰元米岁人家件项公平立吨亩台])[“\"\u4e00-\u9fff][^，,。；;：:！!？?%、]{1,38}$"
)
# a heading reporting a period's goals reached ("既定目标如期实现", "主要目标任务全面完成"): it looks back though it says 目标
REACHED_HEADING = re.compile(
    r"(?:目标|任务)[^，,。；;\d]{0,4}(?:如期|全面|圆满|胜利|顺利|基本)(?:实现|完成)|如期实现|圆满完成|胜利完成"
)


def _reached_heading(line: str) -> bool:
    """A heading reporting goals reached, not one that sees to it ("四、强化保障，确保规划目标任务全面完成")."""
    return bool(REACHED_HEADING.search(line)) and not re.search(r"确保|保证|力争|争取|推动|促进|保障", line)


# a heading naming what goes on after the results ("实施成效与延续", "成效与展望") looks forward too
LOOKING_FORWARD = re.compile(
    r"目标|任务|要点|计划|措施|举措|思路|要求|重点|原则|路径|安排|方向|延续|展望|下一步|今后"
    # (reader57) a base to lay, the back-word the object of a verb of building: "九、提升安全保障能力,夯实内需发展基础"
    r"|(?:夯实|筑牢|打牢|厚植|稳固)[^，,。；;：:]{0,10}(?:基础|优势)"
)
QUOTED_GOAL = re.compile(
    r"(?:提出|目标(?:为|是)|力争)[^。；]{0,12}?(?<!截)(?:到|至)\s*\d{4}\s*年|(?<!截)(?:到|至)\s*\d{4}\s*年[^。；]{0,30}?(?:将|力争|目标(?:为|是))"
)
# a title line of its own ("2016年绍兴市卫生计生工作总结", "2017年…工作要点"): a review, or the plan that follows it
REVIEW_TITLE = re.compile(r"(?:工作)?(?:总结|回顾)$")
PLAN_TITLE = re.compile(r"(?:要点|计划|方案|规划|意见|安排)$")
# conv22 (tests/ledger/heldout/README.md): a count of pilots to select ("选择10个左右…城市开展试点") is a goal; not one
# that closes the names the text itself gives ("确定北京、吉林…10个省…作为试点地区": chosen already, the list counted)
PILOT_NAMED = re.compile(
    r"(?:选择|遴选|选取|选定|确定|挑选)(?:[^，,；;。\d、]{1,12}、){2,40}[^，,；;。\d、等]{1,8}$"
)
# …nor where a measure is tried ("在10个省份开展试点", "在200个…试点城市开展…", "在选定的10个县开展试点")
PILOT_WHERE = re.compile(r"在(?:[^，,；;。\d]{0,6}的)?$")
# the sentence names its count of pilots to select with no other goal word ("每个市州拟选择1个县开展…示范工作")
PILOT_COUNT = re.compile(
    r"(?:选择|遴选|选取|选定|确定|挑选)出?\d+(?:[—–~～-]\d+)?(?:个|家|所)[^，,；;。]{0,30}?(?:试点|示范)"
)
SECTION = re.compile(
    r"^(?:\[bookmark[^\]]*\])*\s*(?:#+\s*)?(第[一二三四五六七八九十]+[章节]|[一二三四五六七八九十]+、|附件|表\s*\d)"
)
# an area: "of the hospitals whose bed use is under 75%…" (a condition; a goal's "不低于25%" only inside its clause:
# "…不低于25%，将我省建设成为…的" goes on in a new clause), "beds 2%～3% of…" (a norm)
# an investment need ("投资需求约3.4万亿元") is a cost, not a level to reach; a range in 万 ("服务人口1～3万") a norm, but not
# right after a goal's verb ("签约人数达到50～60万人", "经费增至500～600万元": a level to reach, its lower bound)
NOT_A_GOAL = re.compile(
    r"(?<!不)(?<!不得)低于\d+%.{0,12}(?:高于|的)|低于\d+%[^，,。；;]{0,12}(?:高于|的)|按.{0,12}\d+%[～~]|服务半径|(?<!\d)(?<!达)(?<!到)(?<!至)(?<!在)\d+\s*[～~—-]\s*\d+\s*万|(?:投资|资金)(?:需求|约?需)"
    # a focus ("以占…65%以上的污染源为重点"), the count of the plan's own works ("重点实施10项…工程")
    r"|以[^，,。；]*?\d[^，,。；]*?为重点|(?<!累计)实施\d+项[^，,。；]{0,12}(?:工程|行动|项目)"
)
# the clause holding a range in 万 (NOT_A_GOAL's "\d+～\d+万"), to its commas
WAN_RANGE_CLAUSE = re.compile(
    r"(?:^|(?<=[，,；;。]))[^，,；;。]*?(?<!\d)(?<!达)(?<!到)(?<!至)(?<!在)\d+\s*[～~—-]\s*\d+\s*万[^，,；;。]*"
)
# ("全省累计实施63项河道治理项目": a cumulative amount over the plan's period, a goal like any 累计 count)
# rows of an indicator table whose cells a copy ran together: "（万吨）2551.72347.6-8%", "（%）55>605个百分点" (the bracket
# holds the unit; "超出省定目标任务(60%)22.33个百分点" is a sentence, a value in its bracket)
RUN_TOGETHER_ROW = re.compile(r"[（(][^（）()\d]{1,6}[）)][\d.<>＜＞≥≤\-－]+(?:%|个百分点)")


# "25。4%", "37．2%": a full stop between the digits of a percentage after a word (a numbered item "1．80%的…" opens its
# line or follows punctuation, and is left alone)
# the last clause of a copy cut off: after its last stop or comma, ending on a word that ends nothing
CUT_CLAUSE = re.compile(r"(?<=[。；;，,：:])[^。；;，,：:！!？?）)”\"\n]*(?<![\d%‰上下右内])$")
PER_100K_IN_WORDS = re.compile(r"(?<!\d)10\s*万\s*分之\s*(\d+(?:\.\d+)?)(?![\d.])")
DECIMAL_STOP = re.compile(r"(?<=[\u4e00-\u9fff])(\d{1,3})[。．](\d{1,2}\s*[%‰])")
# a year the copy garbled: "到202223年", an OCR's "到2 0 0年" (a digit lost: no plan sets a goal for year 200)
GARBLED_YEAR = re.compile(r"(?<!\d)\d{5,6}年|(?<=[到至])\s*\d{3}\s*年(?!代)")
FULL_WIDTH_POINT = re.compile(r"(?<=[\u4e00-\u9fff])(\d{1,4})．(\d{1,4})(?=\s*[\u4e00-\u9fffA-Za-z%‰/])")
# the year of a plan without 到YYYY年: its period's end ("行动计划(2016—2018年)"), else the year its title
# names ("2023年全省卫生健康工作要点", "县卫健委2021年政府工作报告任务分解")
PERIOD = re.compile(r"(20\d{2})\s*[—–-]+\s*(20\d{2})\s*年")
TITLE_YEAR = re.compile(
    # "2019 年健康促进与教育 工作实施方案" (a copy spacing the title's words): its year all the same
    r"(20\d{2})\s*年[^，,。\n]{0,20}(?:工作要点|任务分解|工作计划|行动计划|实施方案|规划|重点工作(?:任务|责任清单|清单)?(?![^，,。\n]{0,4}(?:总结|回顾|完成|进展|成效|情况))|工作责任清单"
    # "2019年《政府工作报告》确定的主要目标任务责任分解方案": the year's goals, shared out among the units
    r"|(?:主要(?:预期)?)?目标任务\s*(?:责任)?分解方案"
    # "某县2025年政府工作报告": the report sets the goals of the year its title names
    r"|政府工作报告(?=[ \t]*(?:\n|$))"
    # a provincial work meeting sets the goals of its year ("2023年全省卫生健康工作电视电话会议")
    r"|工作(?:电视电话|视频)?会议"
    # a yearly work plan opening on its year's requirements ("2023年全市卫生健康工作的总体要求是:…"): that year's work
    r"|工作的?总体要求(?:是|为)?[:：]"
    # (reader69) measures for a year or its quarter ("推动2025年第一季度经济“开门红”若干政策措施"): that year's work
    r"|若干(?:政策)?措施(?=[ \t]*(?:\n|$)))"
)


# a text naming its goals ("主要目标", "发展目标", "目标任务", "目标如下"; not a cited "…2035年远景目标纲要") (reader50)
GOALS_NAMED = re.compile(r"(?:主要|发展|总体|工作|具体|规划|行动)目标|目标(?:任务|如下|是|为)")


# "2012年起5年内": a period of N years from a year (2012–2016)
PERIOD_FROM = re.compile(r"(20\d{2})\s*年起\s*(\d{1,2})\s*年内")


# a plan for one year, its title naming the year ("鹰潭市2025年度献血方案"): its goals are that year's
YEAR_PLAN_TITLE = re.compile(
    r"(20\d{2})\s*年度[^，,。；\n《》]{1,16}?方案"
    # "石城县2018年度河长制湖长制工作责任单位目标管理（绩效）考核细则": the year's assessment rules, a title line
    r"|(?<![\d年])(20\d{2})\s*年度[^，,。；\n《》]{1,40}?考核(?:细则|办法|方案)[ \t]*$"
    # "思南县2014年新型农村合作医疗统筹补偿方案": a title line naming a year's scheme (the line ends with 方案)
    r"|^[^，,。；\n《》\d]{0,12}(20\d{2})\s*年[^，,。；\n《》\d]{2,24}方案[ \t]*$",
    re.M,
)


# a report's session line: "——2026年1月27日在某省第十四届人民代表大会第四次会议上" (a dash or none before it)
REPORT_SESSION = re.compile(
    r"^[ \t\u3000]*[—―─－-]*[ \t\u3000]*(20\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在[^\n。]{2,60}?(?:大会|会议)[^\n。]{0,12}?上[ \t\u3000]*$",
    re.M,
)


# a title line naming its year without 年 ("数字山东2021行动方案"): a plan for that year
TITLE_LINE_YEAR = re.compile(
    r"^[ \t\u3000]*[^\d，,。；;《》\n]{2,20}(20\d{2})(?!\s*年)[^\d，,。；;《》\n]{0,10}?"
    r"(?:行动方案|行动计划|工作要点|工作计划|实施方案)[ \t\u3000]*$",
    re.M,
)
# a work report's part heading naming its year ("二、2024年经济社会发展总体要求和政策取向", "二、2012年工作总体部署",
# "三、2025年政府工作任务"): a copy of the report's parts without its title sets that year's goals (not a review part)
YEAR_WORK_HEADING = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])?[ \t\u3000]*(20\d{2})\s*年"
    r"(?:国民)?(?:经济社会发展|经济和社会发展|政府工作|工作)?的?(?:总体部署|总体要求|主要任务|重点工作|工作任务|任务|工作安排|主要目标任务)"
    r"(?![^\n]{0,12}?(?:完成|进展|回顾|总结|成效|情况))[^\n。，,；;]{0,12}$",
    re.M,
)
# a span of years from this year, in a year's text: "今明两年", "(今后)三年内", "用三年时间", "今后三年"
YEAR_SPAN = re.compile(
    r"今明两年|(?:今后|未来)?([两二三])年(?:内|之内)|用([两二三])年(?:左右的?)?时间|(?:今后|未来)([两二三])年(?!以后|后)"
)  # (a five-year span in a report is its five-year plan's, dated by the plan's period)
SPAN_YEARS = {"两": 2, "二": 2, "三": 3}
# the issue line closing a notice ("山东省人民政府办公厅2019年3月15日印发"): the day the plan was issued
ISSUE_LINE = re.compile(r"(?<!\d)(20\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发[ \t\u3000]*$", re.M)
# goals dated within the year of issue, no year named ("年底前,…不低于90%", "年内培育50家")
SAME_YEAR_GOAL = re.compile(r"(?:^|[。；;，,\s])(?:年底前|年内)")


# "…，制定本行动方案": the text is a plan of its own, made to carry out the one it cites
OWN_PLAN = re.compile(r"制定本(?:行动|实施|工作)?(?:方案|计划|要点|意见|措施)")


def _own_period(head: str) -> re.Match | None:
    """The first period the text names of its own: in a plan made to carry out another ("为贯彻落实《数字山东发展
    规划（2018—2022年）》，…制定本行动方案") a period inside the cited title is the parent plan's, not this one's (a page
    on the cited plan itself, "《中国妇女发展纲要(2011—2020年)》提出了…目标", has its period)."""
    own_plan = OWN_PLAN.search(head)
    for period in PERIOD.finditer(head):
        before = head[: period.start()]
        if own_plan and before.rfind("《") > before.rfind("》"):
            continue
        if MEASURE_LINE.match(head, before.rfind("\n") + 1):
            continue  # (reader65) "10. …2025—2027年省财政安排专项资金": a measure's own span, not the plan's period
        return period
    return None


# (reader65) a line that is a numbered measure ("10. 发挥…", "（3）…", "（一）推进…三年行动(2024-2027年),举10场…"): a period
# its sentence names is what the measure does over it (funds set aside, a campaign), not the document's own period
MEASURE_LINE = re.compile(
    r"[ \t\u3000]*(?:\d{1,3}\s*[.．、](?!\d)|[（(](?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）])"
)


# the years a plan says it runs over, in its body: "实施年度为2016年-2018年", "实施期限为2019—2021年"
IMPLEMENTATION_PERIOD = re.compile(
    r"实施(?:年度|期限|期|周期|时间)(?:为|是|[:：])\s*\d{4}\s*年?\s*[-—–~～至到]\s*(\d{4})\s*年"
)


def _title_year(text: str) -> int | None:
    head = text[:1500]
    # "从2015—2019年，…从1.38人增长到2.61人": a period looked back on is no plan's
    if (period := _own_period(head)) and not head[: period.start()].endswith(("从", "自")):
        return int(period.group(2))
    if title := TITLE_LINE_YEAR.search("\n".join(head.splitlines()[:12])):
        return int(title.group(1))
    if period := PERIOD_FROM.search(head):
        return int(period.group(1)) + int(period.group(2)) - 1
    if title := TITLE_YEAR.search(head) or YEAR_PLAN_TITLE.search(head):
        return int(next(g for g in title.groups() if g))
    # a title broken over short lines ("2025年" / "政府工作报告" / "卫生健康工作重点"): its first lines read as one
    opening = [
        line.strip() for line in head.splitlines()[:6] if line.strip() and not line.lstrip().startswith("#")
    ]
    for k in range(2, len(opening) + 1):
        if len(opening[k - 1]) > 16:
            break
        if title := TITLE_YEAR.match("".join(opening[:k]) + "\n"):
            return int(title.group(1))
    if (session := REPORT_SESSION.search(head)) and "工作报告" in head[: session.start()]:
        # "政府工作报告\n——2026年1月27日在…人民代表大会…会议上": a report's title without a year, its session line dates
        # it, and the year a report is given in is the year its goals are for
        return int(session.group(1))
    if heading := YEAR_WORK_HEADING.search(head):
        return int(heading.group(1))
    if goal := FIVE_YEAR_GOAL.search(text):
        return FIVE_YEAR_ENDS[goal.group(1)]  # "“十三五”期间,陕西的主要发展目标是,…": the period's last year
    if period := IMPLEMENTATION_PERIOD.search(text):
        return int(
            period.group(1)
        )  # "试点示范培育行动实施年度为2016年-2018年": the end of the period the text runs over
    if (issued := ISSUE_LINE.search(text)) and SAME_YEAR_GOAL.search(text):
        # a one-year plan without a title line, its goals "年底前"/"年内": the year its closing issue line names
        return int(issued.group(1))
    return None


# a numbered heading inside a line (a copy without line breaks): "…健全。　  三、推进减排　  （一）…": the heading
# on a line of its own, the text after it on the next
INLINE_HEADING = re.compile(
    r"(?:(?<=[。；])|^|[\s　]{2,})([一二三四五六七八九十]+、[^。；，,\s　]{2,30})[\s　]{2,}"
)
# a chapter's or section's heading run into its first sentence by a PDF's text (two spaces or more between them, no line
# break): "第四十七章　人口　　1990年末，…", "第一节　增强粮食安全保障能力　　稳定粮食播种面积…": the heading on a line of
# its own, its paragraph on the next (left whole, the paragraph was read as the heading and left out)
CHAPTER_RUN_IN = re.compile(
    r"^([ \t\u3000]*第[一二三四五六七八九十百]+[篇章节][ \t\u3000]*[^。；;，,\s\u3000]{1,30})[ \t\u3000]{2,}(?=[^\s\u3000])",
    re.M,
)
# a second-level heading on a line of its own, no sentence: "（一）主要成绩", "(二)面临形势"
SUB_HEADING = re.compile(r"^\s*[（(][一二三四五六七八九十]+[)）]\s*[^，,。；;：:\s]{2,20}\s*$")
# a heading run into its paragraph: "（一）基础与优势。“十二五”时期，…", "1.发展基础。“十三五”以来，…"; one whose words name
# the past's results or the situation (the whole head, so "提升工作成效" is no such heading) makes its paragraphs
# look back until the next heading, run in or not
RUN_IN_HEADING = re.compile(
    r"^\s*(?:[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]|\d{1,2}[.．、](?!\d)|[①-⑳])\s*(?P<head>[^，,。；;：:\s\d]{2,20})。"
)
RUN_IN_BACK_HEAD = re.compile(
    r"(?:发展|工作|现实|已有)?(?:基础|现状|成就|成效|回顾|成绩)(?:与|和|及)?(?:优势|形势|条件|挑战|问题|不足)?"
    r"|(?:面临|发展)形势(?:与|和)?(?:挑战|机遇)?"
)
# a table kept on one line by the copy ("专栏1：…主要指标序号指标2010年2015年…"): read as a table, not as sentences
TABLE_LINE = re.compile(r"^\s*(?:表|专栏)\s*\d+\s*[:：]?.{0,40}?指标")
# the heading of a news page's list of other items, below the document: what follows is other news, no goal of it
OTHER_NEWS = re.compile(
    r"\s*(?:新闻推荐|相关新闻|相关阅读|推荐阅读|延伸阅读|热门排行|热点推荐|热门推荐|猜你喜欢|热门文章|最新新闻|上一篇|下一篇)"
    r"(?:[\sA-Za-z0-9:：]*)$"
)


# a document whose title or opening names one year's list of tasks ("2021年上海市为民办实事项目", "2024年漯河市十件民生实事",
# "2023年…重点工作任务清单", "2023年重点民生事项"): each of its items is a goal of that year; a report of the list done (进展, 完成情况, 发布会) is not
YEARLY_LIST = re.compile(
    r"(?:(?<!\d)(20\d{2})\s*年|今年[，,]?)[^。；;，,\n]{0,30}?(?:民生实事|实事项目|为民(?:办)?实事"
    r"|[十\d一二三四五六七八九]+\s*(?:件|项)(?:重点)?(?:民生)?实事"
    # "2026年天津卫生健康为民服务16项举措": the year's measures for the people, counted
    r"|为民服务\s*[十\d一二三四五六七八九]+\s*(?:件|项)举措"
    # "2026年…卫生健康惠民十大举措", "2025年…十项便民惠民措施"
    r"|(?:为民|惠民|便民|利民)\s*[十\d一二三四五六七八九]+\s*(?:大|件|项|条)(?:举措|措施)"
    r"|[十\d一二三四五六七八九]+\s*(?:大|件|项|条)(?:便民|惠民|为民|利民)+(?:举措|措施)"
    r"|重点工作任务|任务清单"
    # "2023年重点民生事项" (a 政府工作报告's list of the year's works for the people, its items numbered "01", "02", …)
    r"|重点民生事项"
    # a forum or portal's post title cut at the line's end mid-word ("…速览菏泽2021年十件民生实" / "…十件民生"): the list still
    r"|[十\d一二三四五六七八九]+\s*(?:件|项)(?:重点)?民生实?(?=[ \t]*(?:\n|$)))"
)
# an opening sentence naming the year first and the list at its end, commas between ("2017年,区政府将努力为民办好十件实事:",
# "2025年嘉定区将继续针对…,积极围绕…,推进一批…民生实事项目。"): the list is that year's
YEARLY_LIST_SENTENCE = re.compile(
    r"(?<!\d)(20\d{2})\s*年[^。；;\n]{0,80}?(?:民生实事|实事项目|为民(?:办)?实事|件(?:民生)?实事)[^，,。；;\n]{0,4}[。:：]"
)  # the sentence ends on the list (a report's "…实施十大为民办实事工程,用心…" goes on: no list opens)
YEARLY_LIST_REPORT = re.compile(
    r"完成情况|进度|进展|已完成|圆满完成|超额完成|全部完成|全面完成|顺利完成|如期完成|发布会|总结|回顾|成效"
)
# what an item of such a list does to a count: "开设500个…", "为300名…儿童提供…", "帮助8000名…", "组织10万名…"
LIST_ITEM_VERB = re.compile(
    r"(?:新建|新增|建设|改建|改造|加装|配置|配备|开设|推出|完成|培训|帮助|组织|实施|开展|提供|为|建成|打造|建立|支持|推进"
    r"|治理|提升|启动|布局|安装|招募|发放|培养|筛查|减免|救助|资助|向|惠及|(?:新|改|扩)[、(（)）新改扩]{0,6}建"
    # "筹建人才住房1000套", "投放运营…公交车80辆", "开发安置…岗位2.76万个", "举办…6000场", "确保2个…基地投入使用",
    # "更新…计量表50万只"
    r"|筹建|投放|开发|举办|放映|确保|更新"
    # "组建完善并规范运作18支社区少年服务队": the teams it forms and runs
    r"|组建|运作"
    # "增加5000个普通高中招生计划", "实现…毕业生就业2万人", "维修养护农村供水工程1900处", "招聘…医学毕业生800名",
    # "慰问困难群众30万人次", "开工建设…1.2万套", "增设…托位", "培育…示范户", "吸纳…就业", "接种…疫苗"
    r"|增加|实现|维修|养护|招聘|慰问|开工|增设|培育|吸纳|接种|推动"
    # "对480户符合条件的…家庭进行适老化改造": the count the item's work reaches, named after 对
    # or after a card's field label, the place first: "项目内容:对高新区3448户未通气老旧小区进行燃气管线…施工建设"
    r"|(?:^(?:\d{1,3}[.．、])?|[，,])对(?=\d)|^[^\s:：，,。；;]{2,6}[:：]对(?=[^，,。；;、\d]{0,5}\d))"
    r"[^，,。；;、]{0,20}?\d|筛查[^，,。；;]{0,30}?\d"
    # "在30家医疗机构推进…": the places a measure of the list reaches, counted
    r"|^(?:\d{1,2}[.．、]|[一二三四五六七八九十]+是)?在\d+(?:\.\d+)?(?:万|千)?(?:个|家|所|条|座)"
    # "开工建设矾山镇、马站镇等2家中心敬老院", "打通人民大道等12条断头路": the places it names, counted after 等
    r"|^(?:\d{1,3}[.．、])?(?:开工建设|建设|建成|新建|改造|打通|完成)[^，,。；;]{2,40}?等\d+(?:个|家|所|条|座|处)"
)
# a list of the year's works announced in a longer text: "今年要继续办好“十件民生实事”", "今年…继续认真办好十方面民生实事",
# "2026年自治区民生实事" (an annex's heading), "将着力办好以下民生实事" (the text's year; a verb looking ahead: "持续推进民生
# 工程" in a review is none)
INNER_LIST_NOUN = r"(?:民生实事|为民(?:办)?实事|惠民实事|实事项目|民生工程|民心工程|民生项目)"
INNER_LIST = re.compile(
    # the year, then a verb of doing ("今年再办好15件民生实事"; not "作为…2024年二十项民心工程中的…已于…投入使用")
    r"(?:(?<!\d)(20\d{2})\s*年|今年)[^。；;\n]{0,40}?(?:办好|办理|实施|推进|安排|确定|推出|集中力量办)[^。；;\n]{0,20}?"
    + INNER_LIST_NOUN
    # a verb looking ahead ("继续认真办好十方面民生实事", "将着力办好以下民生实事")
    + r"|(?:将|要|继续|再)[^，,。；;\n]{0,6}?(?:办好|实施|推进|安排)[^。；;\n]{0,40}?"
    + INNER_LIST_NOUN
    # a heading of its own ("2026年自治区民生实事", "2026年全省十件民生实事项目")
    + r"|^[^，,。；;\n]{0,20}?(?<!\d)(20\d{2})\s*年[^，,。；;\n]{0,20}?"
    + INNER_LIST_NOUN
    + r"[^，,。；;\n]{0,8}$"
)
# a sentence looking back on the list done: "去年…十件民生实事全部完成"
INNER_LIST_PAST = re.compile(r"去年|上年|过去|一年来|已(?!经?(?:列入|纳入|确定|明确))")
# an item of it on a line of its own: "1.医疗卫生方面。", "（2）…", "一、…", "三是…"
INNER_LIST_ITEM = re.compile(
    r"(?:\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）]|[（(]?[一二三四五六七八九十]{1,3}[)）、]|[一二三四五六七八九十]{1,3}是|[①-⑳])"
)
# a numbered item of such a list on a line of its own ("一、新建50家社区综合为老服务中心;新增…"): an item, not a heading
LIST_ITEM_COUNT = re.compile(
    r"\d+(?:\.\d+)?\s*(?:万|千|百)?(?:个|家|张|名|人|所|条|片|公里|项|支|场|套|台|辆|间|户|座)"
)


PLANNED_FUNDS = re.compile(r"[。；;]\s*计划(?:安排|投入|投资)资金\s*\d")
# a standard paid per head ("补助标准由每人每年670元", "资助标准由每生每年2000元"), raised: its new level is a goal
PER_HEAD_STANDARD = re.compile(r"标准[^，,。；;]{0,12}?(?:由|从)[^，,。；;]{0,12}?每(?:人|生|户)每(?:年|月)")
# an income per head whose level follows, in its clause or after its growth ("农民人均纯收入达到16892元",
# "城镇常住居民人均可支配收入增长8%,达到35578元")
INCOME_PER_HEAD = re.compile(r"人均(?:可支配|纯)收入(?:[^，,。；;]{0,8}?[%％][，,])?[^，,。；;\d]{0,4}$")
# a standard raised to a level, the amount right after: "补助标准提高到每人每年640元", "救助标准提高至3万元"
STANDARD_RAISED = re.compile(
    r"标准(?:(?:提高|提升|上调)(?:到|至)(?:每(?:人|生|户)每(?:年|月))?|(?:分别)?再?(?:提高|提升|上调)(?:[^，,。；;]{0,4}元和)?)$"
)
# an item of such a list written as a headline that opens with its count: "10个滨江生态公园建设", "5万名产业技能人才培训参赛"
LIST_HEADLINE = re.compile(
    r"\d+(?:\.\d+)?(?:万|千)?(?:个|家|张|名|人次|人|所|条|公里|支|场|套|台|辆|间|户|座)[^，,。；;：:\d]{2,30}$"
    # or closes with it: "乡村健身广场200个", "社区养老服务综合体100个"
    r"|[^，,。；;：:\d]{2,30}?\d+(?:\.\d+)?(?:万|千)?(?:个|家|张|名|人次|人|所|条|公里|支|场|套|台|辆|间|户|座)$"
)


# the note of what was done beside an item of a yearly list: "完成情况:…", "进展情况:…"
DONE_LABEL = re.compile(r"\s*(?:完成情况|进展情况|进度情况|工作进展|推进情况|实施情况)\s*[:：]")


# the header cell of a progress column, on a line of its own (a table copied one cell a line)
# ("完成率(%)", "形象进度(%)": a share done)
PROGRESS_COLUMN = re.compile(
    r"\s*(?:当前|目前|工作|项目|形象)?(?:进度|进展|完成|落实)(?:情况|率)?\s*(?:[（(]%[)）])?\s*\|?\s*"
)
# a cell of that column: a share done, a note of what lags in its bracket ("80%(新区实验幼儿园进度滞后)", "95%")
PROGRESS_CELL = re.compile(r"\s*(?:已完成|完成)?\d+(?:\.\d+)?\s*%\s*(?:[（(][^）)]*[）)]?)?\s*\|?\s*")


# a cell of a progress table saying how far its row is ("基本完成。", "提前完成年度任务"): what follows it in the row, up to
# the next row's number, notes what was done ("截至6月21日,已完成筛查任务数16010人"), no goal
PROGRESS_STATUS = re.compile(
    r"\s*(?:基本完成|已完成|全面完成|超额完成|提前完成(?:年度)?任务|已完成(?:年度)?任务|按序时推进|序时推进|正在推进|推进中|未完成)"
    r"\s*[。.]?\s*\|?\s*"
)


def _without_progress_notes(text: str) -> str:
    """A progress table read by its columns (one cell a line) with its progress notes blanked: in each numbered row, the
    lines after its status cell and before the next row's number."""
    lines, number, noting = text.splitlines(), 0, False
    for i, line in enumerate(lines):
        if line.strip() == str(number + 1):
            number, noting = number + 1, False
        elif noting:
            lines[i] = ""
        elif number and PROGRESS_STATUS.fullmatch(line):
            noting = True
    return "\n".join(lines)


def _task_cells_only(text: str, read: str) -> str:
    """`read` (the text, line for line) with the lines of its task tables kept only for their rows' task cells: a
    progress table's other cells (what was done, a share done, a leader, a unit) set no goal."""
    lines, kept = read.splitlines(), text.splitlines()
    rows, used = _table_tasks(kept)
    tasks = [row[2].strip() for row in rows]
    for i in used:
        if i < len(lines) and kept[i].strip() not in tasks:
            lines[i] = next((task for task in tasks if task and task in kept[i]), "")
    return "\n".join(lines)


def _progress_table(text: str) -> bool:
    """Whether the text holds a table of tasks read by its columns (one cell a line) with a progress column."""
    if not any(PROGRESS_COLUMN.fullmatch(line) for line in text.splitlines()):
        return False
    lines = text.splitlines()
    rows, used = _table_tasks(lines)
    return bool(rows) and any(PROGRESS_COLUMN.fullmatch(lines[i]) for i in used)


# the day a page was published, in its header ("发布日期:2024-08-28 16:34:00")
PAGE_DATE = re.compile(r"(?:发布日期|发布时间)\s*[:：]\s*(20\d{2})\s*[-年./]")
# a title naming a list's progress with no year ("公共服务“七优享”民生实事项目半年度进度表")
LIST_PROGRESS_TITLE = re.compile(r"(?:民生实事|实事项目|为民(?:办)?实事)[^。，,；;\n]{0,12}(?:进度|进展)")


def _progress_page_year(text: str, opening: str) -> int | None:
    """The year of a page showing a yearly list's progress in a table read by its columns, its title naming no year:
    the year the page was published, where the table's task cells name no other year."""
    if not LIST_PROGRESS_TITLE.search(opening) or not (date := PAGE_DATE.search(text[:600])):
        return None
    if not _progress_table(text):
        return None
    year = int(date.group(1))
    rows, _used = _table_tasks(text.splitlines())
    named = {int(y) for row in rows for y in re.findall(r"(?<!\d)(20\d{2})\s*年", row[2])}
    return year if named <= {year} else None


# a disclosure page's record row ("发布单位 | 区政府 | 发文日期 | 2022-07-14 |"), a cell the date
RECORD_DATE = re.compile(r"(?:发文日期|成文日期|发布日期)\s*[|:：]\s*(20\d{2})\s*[-年./]")
# a yearly list's table header naming its items' column ("序号 | 实事项目 | 工作举措… | 责任单位 |")
LIST_TABLE_HEADER = re.compile(
    r"^[^\n]{0,40}\|\s*(?:民生实事|实事项目|为民(?:办)?实事)(?:项目|名称|内容)?\s*\|", re.M
)


# a news item announcing this year's list ("同时发布了新年的十件民生实事", "公布了今年的八件实事")
NEWS_LIST_ANNOUNCED = re.compile(
    r"(?:发布|公布|确定|出炉)了?(?:今年|新年|新一年)的?[十\d一二三四五六七八九]+\s*(?:件|项)(?:重点)?(?:民生)?实事"
)


def _list_table_page_year(text: str) -> int | None:
    """The year of a 民生实事 table on a disclosure page whose text names no year: the year of its record's 发文日期,
    where no other year is written in the table (a page dated one year listing the next year's works names that year)."""
    head = text[:1500]
    if not (date := RECORD_DATE.search(head)) or not LIST_TABLE_HEADER.search(head):
        return None
    year = int(date.group(1))
    named = {int(y) for y in re.findall(r"(?<!\d)(20\d{2})\s*年", text)}
    return year if named <= {year} else None


def yearly_list_year(text: str) -> int | None:
    """The year of a yearly list of tasks, named by its title or opening (its first lines outside the copy's notes)."""
    opening = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))[:200]
    listed = YEARLY_LIST.search(opening)
    if not listed and (phrases := re.search(r"(?:[^\n]{1,16}\n){3,}", opening)):
        # a phone copy's opening, one short phrase a line ("确定在2026年" / "实施50项民生实事项目"): read as one line
        opening = opening[: phrases.start()] + phrases.group(0).replace("\n", "") + opening[phrases.end() :]
        listed = YEARLY_LIST.search(opening)
    if not listed:
        listed = YEARLY_LIST_SENTENCE.search(opening)
    if not listed and (page_year := _progress_page_year(text, opening)):
        return page_year
    if not listed and (page_year := _list_table_page_year(text)):
        return page_year
    if not listed and NEWS_LIST_ANNOUNCED.search(text[:800]) and (first := FIRST_YEAR.search(text)):
        # a news item past its opening: "…会议昨天举行,同时发布了新年的十件民生实事" then the items, one naming the year
        return int(first.group(1))
    if not listed:
        # a copy of a 民生实事 list that lost its title, each item closing with the funds planned for it ("…110个普惠性托位。
        # 计划安排资金1089万元,其中上级补助610万元…"): the year's works, of the year it writes first ("2023年度…资金")
        if len(PLANNED_FUNDS.findall(text)) >= 3 and (first := FIRST_YEAR.search(text)):
            return int(first.group(1))
        return None
    title = opening[max(opening.rfind("\n", 0, listed.start()), 0) : opening.find("\n", listed.end()) % 10**6]
    # a report of the list done is a list still where each item's note of what was done is labelled apart ("完成情况:…"):
    # the items keep their goals, the notes are left out
    # so is a table of the list's progress read by its columns, its progress a column apart ("项目内容" / "当前进度" /
    # "牵头单位", each a header cell on a line of its own): the items keep their goals, the progress cells are left out
    if YEARLY_LIST_REPORT.search(title) and not (
        any(DONE_LABEL.match(line) for line in text.splitlines()) or _progress_table(text)
    ):
        return None
    if listed.group(1):
        return int(listed.group(1))
    # "今年为民办八件实事": the year the page was written, the first it writes ("2017年全市…将…办好“八件实事”", its date)
    return int(first.group(1)) if (first := FIRST_YEAR.search(text)) else None


# a copying site's note under the text, restating its title: "《…》是由傻大方资讯为您编辑整理的,希望能对您有所帮助。"
SITE_NOTE = re.compile(r"\s*《[^》]{2,80}》(?:是)?由[^，,。]{1,20}(?:为您)?(?:编辑|收集)?整理")


# the styles a list's markers are written in, a level each (a planner picks which level takes which)
LIST_STYLES = (
    re.compile(r"^(?:#+\s*)?[（(][一二三四五六七八九十]{1,3}[)）]"),
    re.compile(r"^(?:#+\s*)?\d{1,2}(?:[.．](?!\d)|、)"),
    re.compile(r"^(?:#+\s*)?[（(]\d{1,2}[)）]"),
    re.compile(r"^(?:#+\s*)?[①-⑳]"),
)


def _top_style(lines: list[str]):
    """In a document with no "一、" or "第一章" heading and lists of more than one level, the style of its first list
    marker: its top level, whose title lines ("1.主要成绩", "（1）工作回顾") head its sections as "一、" does
    elsewhere; else None."""
    if any(SECTION.match(line.strip()) for line in lines):
        return None
    used = [style for line in lines for style in LIST_STYLES if style.match(line.strip())]
    # a list of one level ("1.…" "2.继续推行…") has items, no sections: only a level with another under it heads
    return used[0] if len(set(used)) > 1 else None


def _sections(text: str, yearly_list: bool = False, boundaries: bool = False):
    """The lines of the document that look forward (goals, tasks), tables and the notes under them left out; in a
    yearly list of tasks, a numbered line naming counts is an item of the list, not a heading. With boundaries, a
    heading left out leaves SECTION_BOUNDARY in its place (a plan step's year ends there)."""
    looking_back = section_back = False
    in_review = False  # under a review's title ("2016年…工作总结"): its numbered headings look back too
    lines = [
        part
        for raw in text.splitlines()
        for part in CHAPTER_RUN_IN.sub("\\1\n", INLINE_HEADING.sub("\n\\1\n", raw)).split("\n")
    ]
    top = _top_style(lines)
    run_in_back = False  # whether looking back was set by a run-in heading ("1.发展基础。…")
    # headings numbered "1.1 …" (two or more of them: a single one may be a wrapped line's value)
    decimal_headings = sum(1 for line in lines if DECIMAL_HEADING.match(line)) >= 2
    decimal_back = False  # whether looking back was set by such a heading
    for line in lines:
        if OTHER_NEWS.match(line):
            return  # a news page's list of other items ("新闻推荐", "热门排行"): the document has ended
        if SITE_NOTE.match(line):
            continue  # "《到2020年…》是由某某资讯为您编辑整理的,希望…": the copying site's note restating the title, no goal
        if (
            re.match(r"\s*注\s*[:：]", line)
            or (TABLE_LINE.match(line) and len(line.strip()) >= 60)
            or len(RUN_TOGETHER_ROW.findall(line)) >= 2
        ):
            continue  # "注：①…": how a table's values are measured, not goals
        if yearly_list and (DONE_LABEL.match(line) or PROGRESS_CELL.fullmatch(line)):
            continue  # "完成情况:全市开展各类职业技能培训10万人次": what was done beside the list's item, no goal
        is_heading = (SECTION.match(line.strip()) and len(line.strip()) < 60) or (
            top is not None
            and top.match(line.strip())
            and len(line.strip()) < 50
            and not re.search(r"[。；;，,：:]", line)
            and not re.search(
                r"\d", top.sub("", line.strip(), count=1)
            )  # "1、千人医生数达到2.8名": an item's goal
        )
        if (
            is_heading
            and yearly_list
            and LIST_ITEM_COUNT.search(line)
            # "一、新建3所公办幼儿园,新增学位2700个": an item without its stop, a verb setting its count
            and (
                re.search(r"[;；。]\s*$", line)
                or LIST_ITEM_VERB.search(SECTION.sub("", line.strip(), count=1))
            )
        ):
            is_heading = (
                None  # "四、推出200家早餐工程示范点;建设…服务库。": the list's item, its counts goals
            )
        title = line.strip() if len(line.strip()) < 50 and not re.search(r"[。；，,：:]", line) else ""
        if not is_heading and title and REVIEW_TITLE.search(title):
            looking_back = in_review = True  # "2016年…工作总结": the review before the year's plan
            continue
        if not is_heading and title and PLAN_TITLE.search(title) and re.match(r"\s*\d{4}\s*年", title):
            looking_back = in_review = False  # "2017年…工作要点": the plan after the review
            continue
        if boundaries and (is_heading or SUB_HEADING.match(line) or "[bookmark" in line):
            yield SECTION_BOUNDARY
        if (is_heading or SUB_HEADING.match(line)) and run_in_back:
            run_in_back = False
        elif not is_heading and (run_in := RUN_IN_HEADING.match(line)):
            if RUN_IN_BACK_HEAD.fullmatch(run_in.group("head")):
                looking_back = run_in_back = True
            elif run_in_back:
                looking_back, run_in_back = in_review or section_back, False
        if not is_heading and decimal_headings and DECIMAL_HEADING.match(line):
            # reader54: "1.1 “五个中心”建设既定目标如期实现" (a 纲要's decimal heading on its line): its part reports the
            # period's results (1.1.1 … its run-in items) until the next decimal heading
            if _reached_heading(line) or (LOOKING_BACK.search(line) and not LOOKING_FORWARD.search(line)):
                looking_back = decimal_back = True
                continue
            if decimal_back:
                looking_back, decimal_back = in_review or section_back, False
        if not is_heading and SUB_HEADING.match(line):
            # "（一）主要成绩" (a heading of its own line, no sentence): it looks back as its words say, or as its section
            # does unless its words look forward ("（二）主要目标")
            looking_back = (
                in_review
                or ((section_back or bool(LOOKING_BACK.search(line))) and not LOOKING_FORWARD.search(line))
                or _reached_heading(line)  # reader54: "（一）“十三五”规划目标任务全面完成"
            )
            continue
        if is_heading or "[bookmark" in line:
            # "一、突出两个主题,深化医改促发展" under "2016年…工作总结" reports the year past as its title does
            looking_back = (
                in_review
                or (bool(LOOKING_BACK.search(line)) and not LOOKING_FORWARD.search(line))
                or _reached_heading(line)  # reader54: "一、“十三五”规划目标任务胜利完成"
            )
            section_back = looking_back
            if re.match(r"\s*表\s*\d", line):
                looking_back = True  # an indicator table: read as a table, not as sentences
            elif not looking_back and INNER_LIST.search(line.strip()):
                yield line  # "附件：2026年十件民生实事": a heading announcing the year's list, for the lines after it
            continue
        if not looking_back:
            yield line
        else:
            # "（2023-2030年）》进一步提出到2030年将5年生存率提升至46.6%": a goal set for a year to come, quoted under a
            # heading of results, is a goal; "到2020年底，全市…达到90%" (no 提出/将/目标) stays a figure reached
            yield from (sentence for sentence in re.split(r"(?<=[。])", line) if QUOTED_GOAL.search(sentence))


# a five-year plan by its number ("十四五" → 十四): the group each pattern below names it by (FIVE_YEAR_ENDS gives its end)
FIVE_YEAR_NUMBER = dating.FIVE_YEAR_NUMBER
# a work report's numbered part on a five-year period's goals ("二、“十三五”时期主要目标任务和重大举措",
# "二、“十三五”时期发展成就和“十四五”时期主要目标任务": the last period it names) and the next numbered part that ends it
# reader64: or "（二）…" where a planner numbers the report's parts so (then the next "（三）" ends it, as "三、" does)
PERIOD_GOALS_PART = re.compile(
    r"\s*(?:[一二三四五六七八九十]+、|(?P<paren>[（(][一二三四五六七八九十]+[)）]))[^。；;，,]{0,30}?[“\"]?"
    + FIVE_YEAR_NUMBER
    + r"[”\"]?时期[^。；;，,]{0,8}?目标[^。；;，,]{0,12}$"
)
# in that part, a change by a value or a count right after its verb ("人均预期寿命提高1岁", "城镇棚户区住房改造2000万套")
PERIOD_PART_CHANGE = re.compile(r"(?:提高|提升|增加|改造)\d")
PERIOD_REVIEWED = re.compile(r"成就|回顾|成效")
PERIOD_REVIEW = "\ue0ff"  # after PERIOD_PART: the part opens on the earlier period's results
TOP_PART = re.compile(r"\s*[一二三四五六七八九十]+、")
PAREN_PART = re.compile(r"\s*[（(][一二三四五六七八九十]+[)）]")
# the line left in a period part's heading's place (then the period's end year, a private-use character each, no digit
# the cleaning of the body could take), and alone where the next part begins
PERIOD_PART = "\ue001"


def _mark_period_parts(text: str) -> str:
    if "时期" not in text:
        return text  # no five-year period named: nothing to mark
    lines, inside, later, paren = [], False, None, False
    for line in text.split("\n"):
        part = PERIOD_GOALS_PART.match(line)
        if part:
            paren = bool(part.group("paren"))
            periods = re.findall(FIVE_YEAR_NUMBER + r"[”\"]?时期", line)
            end = max(FIVE_YEAR_ENDS[p] for p in periods)
            if len(set(periods)) > 1 and PERIOD_REVIEWED.search(line):
                # "二、“十三五”时期发展成就和“十四五”时期主要目标任务": the earlier period's results first, each a line
                # in a copy kept a sentence a line; the goals from the first line naming the later period
                lines += [PERIOD_PART + PERIOD_REVIEW, line]
                later = (max(periods, key=FIVE_YEAR_ENDS.get), end)
            else:
                lines += [PERIOD_PART + chr(0xE100 + end - 2000), line]
            inside = True
            continue
        if inside and (TOP_PART.match(line) or (paren and PAREN_PART.match(line))):
            lines.append(PERIOD_PART)
            inside, later = False, None
        elif later and re.search(later[0] + r"五[”\"]?(?:时期|期间)", line):
            lines.append(PERIOD_PART + chr(0xE100 + later[1] - 2000))
            later = None
        lines.append(line)
    return "\n".join(lines)


def _period_part_year(marker: str) -> int | None:
    return ord(marker[1]) - 0xE100 + 2000 if len(marker) > 1 and marker[1] != PERIOD_REVIEW else None


# where a heading was, for the sentence loop (a private-use character: no text writes it)
SECTION_BOUNDARY = "\ue000"
# a sentence that is only numbered headings ("一、总体思路（一）指导思想", "（四）阶段目标", "二、主要目标"): short, no figure
RUN_ON_HEADING = re.compile(
    r"(?:(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[)）])[^\d，,。；;：:！!？?（()）]{1,14}){1,3}"
)


# a label line of goals or indicators ("规划指标:", "发展目标："), then its stages each on a line opening with its year
# ("2030 年:每千人口…床位数 8.4 张", "2035年：…"): each stage's values are set for its year, as after "到2030年,"
GOALS_LABEL = re.compile(r"^\s*[^，,。；;:：\d]{0,10}(?:目标|指标)\s*[:：]\s*$", re.M)
STAGE_LINE = re.compile(r"^(\s*)(20\d{2})\s*年\s*[:：]\s*")
LABEL_LINE = re.compile(r"^\s*[^，,。；;:：\d]{1,8}[:：]")


def _stage_lines(text: str) -> str:
    if not GOALS_LABEL.search(text):
        return text
    lines, under = text.split("\n"), False
    for i, line in enumerate(lines):
        if GOALS_LABEL.match(line):
            under = True
        elif under and (stage := STAGE_LINE.match(line)):
            lines[i] = f"{stage.group(1)}到{stage.group(2)}年,{line[stage.end() :]}"
        elif under and not LABEL_LINE.match(line) and line.strip():
            under = False
    return "\n".join(lines)


# a round count written as one character after a goal's verb: "建成百个", "培育千家", "集聚万名"
ROUND_COUNT = re.compile(
    r"(?<=建成|培育|集聚|打造|引进|培养|新增|建设|发展|孵化|吸引)([百千万])(?=[个家名所户项][^万千百])"
)
ROUND_VALUES = {"百": 100, "千": 1000, "万": 10000}
ROUND_WORDS = {str(value): word for word, value in ROUND_VALUES.items()}
ROUND_READ = re.compile(
    r"(?<=建成|培育|集聚|打造|引进|培养|新增|建设|发展|孵化|吸引)(100|1000|10000)(?=[个家名所户项])"
)
# the day a document's measures lapse: "有效期至2028年12月31日", "有效期截至2028年12月31日"
VALID_UNTIL = re.compile(r"有效期(?:至|截至|截止(?:到|至)?|到)\s*(\d{4})\s*年")


# a half-width mark where a half-width writer would type it: a comma or colon not between two digits, ; ( ) %
HALF_WIDTH_MARK = re.compile(r"(?<!\d)[,:]|[,:](?!\d)|[;()%]")


def _typed_full_width(text: str) -> bool:
    """A text typed in an input method's full-width mode throughout: no half-width mark anywhere and its per cent
    signs (if any) full-width too. Its "；" is the key a half-width writer's ";" is (the same clause joined on),
    not the stop a writer who mixes the two means by it (the seeds: "%" half-width, "；" a stop)."""
    return not HALF_WIDTH_MARK.search(text) and ("％" in text or "%" not in text)


# an indicator table's row a PDF kept on one line with its nature before the target columns ("6 % 预期性 4.5左右 -"):
# tables.indicator_rows reads it; its row number is no value of a sentence
MID_NATURE_TABLE_ROW = re.compile(
    r"(?m)^[ \t]*\d{1,2}[ \t]+[^\n]*?[ \t](?:预期性|约束性)[ \t]+\S+[ \t]+\S+[ \t]*\r?$"
)


def _without_grid_rows(text: str) -> str:
    """The text less the rows an indicator table holds a line each ("2.义务教育巩固率(%) | 100% | 100% | 约束性 |") and
    the notes among a table's rows ("计算方法:…超过80%…"): tables.indicator_rows reads the rows by their columns (grid.py);
    as sentences their baselines would read as goals, and a note defines a row, it sets no goal."""
    if not re.search(r"\||\t|\S {2,}\S|(?:说明|计算方法)\s*[:：]", text):
        return text
    from tixi.ledger.engine import grid  # grid reads parse's words: imported here, not at the top

    rows = grid.row_lines(text)
    if not rows:
        return text
    return "\n".join("" if n in rows else line for n, line in enumerate(text.split("\n")))


def targets(text: str) -> list[dict]:
    """Numeric targets: in sentences that set a year, or that state a goal (达到, 不低于, 以上, 左右…)
    under the document's target year (the year its 到YYYY年 phrases name most; dating.py gives the order of the
    anchors a goal's year comes from). A text typed full-width throughout reads its "；" as ";" (its targets' text
    keeps "；")."""
    # reader59: a garbled deadline ("2022年8底前") and a restated floor ("90分(含90分)以上") repaired, the goal lines
    # under a year's heading ("确定2021空气质量目标") read for its year; the sentences given their own words back after
    from tixi.ledger.engine import headed

    repaired, repairs = headed.repaired(text)
    found = _period_targets(repaired)
    found += headed.heading_dated(repaired, found, _period_targets)
    return dating.own_words(found, repairs, normalise(text)) if repairs else found


def _period_targets(text: str) -> list[dict]:
    # "到“十四五”末" read as the year it names ("到2025年"), the sentences given their own words back after (reader50)
    dated, swaps = dating.period_ends_as_years(text)
    # "新增床位1万多张", "培训3万余人": the count's 多/余 before 万, read as "1多万张" (the sentence's words given back after)
    dated, approximate = _approximate_wan_counts(dated)
    if not swaps and not approximate:
        return _targets(text)
    return dating.own_words(_targets(dated), {**swaps, **approximate}, normalise(text))


# a count in 万 written approximately, "多"/"余" between 万 and the unit ("1万多张", "3万余人", "2.5万多户")
APPROXIMATE_WAN = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)万([多余])(?=[人名户张个家所台辆亩吨件套册场次例])")


def _approximate_wan_counts(text: str) -> tuple[str, dict[str, str]]:
    """The text with each approximate count in 万 written as the reader reads an approximate count ("1万多张" →
    "1多万张", its unit 万张 whole), and what each form replaced."""
    swaps: dict[str, str] = {}

    def moved(m: re.Match) -> str:
        form = f"{m.group(1)}{m.group(2)}万"
        swaps.setdefault(form, m.group(0))
        return form

    if "万多" not in text and "万余" not in text:
        return text, swaps
    return APPROXIMATE_WAN.sub(moved, text), swaps


# a plan's list of its main indicators announced ("1981年国民经济计划主要指标安排如下。", "2031年计划的主要指标是："), then
# a paragraph per sector opened by its name ("农业，粮食产量34，250万吨，…", "原材料工业，钢产量3，500万吨，水泥7，800万吨。"):
# each bare "name value unit" clause is a level for the list's year, a rise beside it ("增加1，000万吨") no level (reader60)
INDICATORS_ANNOUNCED = re.compile(r"(\d{4})年[^。；;\n]{0,24}?主要指标(?:安排)?(?:如下|是|为)[。：:]?$")
LIST_SECTOR_OPENING = re.compile(r"^[^，,。；;：:\d]{2,10}[，,、]")
LISTED_LEVEL = re.compile(
    r"^(?P<name>[^\d，,；;。：:（）()]{1,14}?)(?P<value>\d+(?:\.\d+)?)"
    r"(?P<unit>[万亿]?(?:吨|辆|架|只|台|度|立方米|马力|人|元|担|斤|亩|张|套|公里|千瓦(?:时)?)|%)$"
)
# a clause that counts a change, an effect or a saving, not a level
LISTED_NOT_LEVEL = re.compile(
    r"增加|增长|减少|提高|下降|降低|比|较|预计|节约|少用|超过|控制|投资|收入|改造|新增|扩大"
)


def _listed_levels(text: str) -> list[dict]:
    """The levels of a plan's main-indicator list (INDICATORS_ANNOUNCED), paragraph by paragraph to the first that no
    sector name opens."""
    if "主要指标" not in text:
        return []
    found, year = [], None
    for line in normalise(text).split("\n"):
        bare = line.strip(" \t\u3000")
        if not bare:
            continue
        if announced := INDICATORS_ANNOUNCED.search(bare):
            year = int(announced.group(1))
            continue
        if year is None:
            continue
        if not LIST_SECTOR_OPENING.match(bare):
            year = None
            continue
        for clause in re.split(r"[，,；;。]", bare):
            level = LISTED_LEVEL.match(clause.strip())
            if level and not LISTED_NOT_LEVEL.search(level.group("name")):
                value = float(level.group("value"))
                found.append(
                    {
                        "value": value,
                        "unit": level.group("unit"),
                        "year": year,
                        "comparator": "ge",
                        "text": clause,
                    }
                )
    return found


def _targets(text: str) -> list[dict]:
    listed = _listed_levels(text)
    found = _targets_read(text)
    if not listed:
        return found
    # a listed level the sentences read already (a rate "增长8%") is not read twice
    have = {(t["value"], t["unit"], t["year"]) for t in found}
    return found + [t for t in listed if (t["value"], t["unit"], t["year"]) not in have]


def _targets_read(text: str) -> list[dict]:
    if "性" in text:
        text = MID_NATURE_TABLE_ROW.sub("", text)
    text = _without_grid_rows(text)
    if _typed_full_width(text) and "；" in text:
        # a sentence that joining would make long (over 400 characters: a list of hundreds of clauses) keeps its "；" as
        # stops: the sentence loop is slow on long clauses and so long a run is a list, not one clause's subject
        found = _sentence_targets(
            "".join(
                part if len(part) > 400 else part.replace("；", ";") for part in re.split(r"([。\n])", text)
            )
        )
        for target in found:
            target["text"] = target["text"].replace(";", "；")
        return found
    return _sentence_targets(text)


# a heading's markup before its number: "## 四、", "**四、…**"
MARKUP_OPENING = re.compile(r"^[#*\s]+")


def _without_conditions(text: str) -> str:
    """The text less the lists under a heading of the conditions to apply ("（一）申报条件" then "2.申报主体…面积超过300平方米
    （含）；"), to the next heading: who may apply, no goal."""
    if "条件" not in text:
        return text
    kept, conditions, rank = [], False, None
    for line in text.split("\n"):
        bare = line.strip(" \t\u3000")
        if CONDITIONS_HEADING.fullmatch(bare):
            conditions, rank = True, _heading_rank(MARKUP_OPENING.sub("", bare))
        elif (
            conditions
            # "三、申请条件" then "（一）科教资源丰富…（二）产业基础较好…": items under the heading, not past it
            and (rank is None or (_heading_rank(MARKUP_OPENING.sub("", bare)) or rank) <= rank)
        ) and (
            STEP_ENDS.match(plain := MARKUP_OPENING.sub("", bare))
            or re.match(r"[一二三四五六七八九十]+[．.]", plain)
            or HEADING.match(bare)
            or SECTION.match(bare)
        ):
            # any heading the reader knows ends the list: "## 四、工作目标", "**四、…**", "四．…"
            conditions = False
        kept.append("" if conditions and bare else line)
    return "\n".join(kept)


# the level of a numbered heading: "第一章" 0, "一、" 1, "（一）" 2
HEADING_RANKS = (
    re.compile(r"第[一二三四五六七八九十百]+[章节部]"),
    re.compile(r"[一二三四五六七八九十]+[、.．]"),
    re.compile(r"[（(][一二三四五六七八九十]+[）)]"),
)


def _heading_rank(line: str) -> int | None:
    return next((rank for rank, kind in enumerate(HEADING_RANKS) if kind.match(line)), None)


def _sentence_targets(text: str) -> list[dict]:
    text = _stage_lines(normalise(text))
    # "截至2014年" looks back and "从2012年的…下降至2021年…" records a change: neither names a year to come
    # "2012年至2021年,…从75.11岁增至78.06岁" records a change over a period: its end is no year to come either
    # "本规划期限为2021—2025年，展望到2035年": a vision beyond the plan's period is not its goals' year (reader50)
    # (reader74) "政策执行期至2024年12月", "执行期限到2025年": the day one measure lapses is no year its goals are set for
    years = [
        int(y)
        for y in YEAR.findall(
            re.sub(
                PERIOD_CHANGE,
                "",
                CHANGE_RECORD.sub("", re.sub(r"截(?:至|止)|展望(?:到|至)|执行期(?:限)?(?:至|到)", "", text)),
            )
        )
    ]
    list_year = yearly_list_year(text)
    document_year = max(set(years), key=years.count) if years else list_year or _title_year(text)
    # the plan's own period stated anywhere, in years (dating.stated_period: a title's bracket, a 规划期 sentence in
    # its last chapter): its end, when no 到YYYY年 nor title dates the goals (reader50)
    stated = dating.stated_period(text)
    if document_year is None and stated:
        document_year = stated[1]
    if report_this := dating.report_year(text):
        # a work report's goals without a year of their own are its year's ("今年"), not those of the one sentence
        # naming the period's end ("到2015年" in a 2014 report) (reader50)
        document_year = report_this
    # a text whose only time to come is a five-year period it names ("“十五五”…有望达到80岁", "通过五年的努力"): the
    # period's end, when no year it states is later
    if (
        document_year is None
        and (horizon := [FIVE_YEAR_ENDS[m.group(1)] for m in FIVE_YEAR_NAMED.finditer(text)])
        and max(horizon) > max((int(y) for y in re.findall(r"(\d{4})\s*年", text)), default=0)
    ):
        document_year = max(horizon)
    if (
        document_year is None
        and (
            horizon := [
                FIVE_YEAR_ENDS[m.group(1)]
                for m in FIVE_YEAR_PLAN_NAMED.finditer(text)
                # "基本实现了《某省“十三五”健康规划》总体目标": a plan whose goals are reported reached sets none
                if not PLAN_REACHED.search(text, max(m.start() - 30, 0), m.start())
            ]
        )
        # the years it writes are the period's end or the year before the period (a base column, "2020年"), besides
        # the days it was written on: a year inside the period ("2024年天津市…民心工程") is what the text is about
        and all(
            int(y) in (max(horizon), max(horizon) - 5)
            for y in re.findall(r"(?<!\d)(\d{4})\s*年(?!\s*\d{1,2}\s*月)", text)
        )
        and max(horizon) > max((int(y) for y in WRITTEN_ON.findall(text)), default=0)
    ):
        # a page copy of a five-year plan, or news of one, whose only date is the plan it names ("《江苏体育发展十四五规划》",
        # "“十四五”…主要发展指标", a "2025年" column at most): its goals are for the period's end
        document_year = max(horizon)
    if (
        document_year is None
        and (THIS_YEAR_GOAL.search(text) or THIS_TERM_GOAL.search(text))
        and (first := FIRST_YEAR.search(text))
    ):
        # a news page on what is to be done "this year" ("今年,全国将重点建设500个…"): the year it was written for, its
        # headline's or its publication date's (the first year it writes)
        document_year = int(first.group(1))
    if document_year is None and len(deadlines := {int(y) for y in DEADLINE.findall(text)}) == 1:
        # a work plan dated only by one year's deadline ("2021年底前,…建成率达80%以上"): its sentences without a year of
        # their own are set for it (items each with a deadline of its own, 2020 or 2021, set none for the others)
        document_year = deadlines.pop()
    if document_year is None and (valid := VALID_UNTIL.search(text)):
        # measures naming no year to reach but the day they lapse ("本措施…有效期至2028年12月31日"): what they commit to
        # ("每年挖掘不少于100个…场景") is for their period, to its end
        document_year = int(valid.group(1))
    if document_year is None and (served := GOALS_UNDER_PERIOD_PLAN.search(text)):
        # "根据《…“十二五”发展规划》…要求，确定本工程的建设目标如下": goals set under a five-year plan, its last year
        document_year = FIVE_YEAR_ENDS[served.group(1)]
    if (
        document_year is None
        and (named := dating.document_period(text))
        and named[1] > max((int(y) for y in WRITTEN_ON.findall(text)), default=0)
        and GOALS_NAMED.search(text)
    ):
        # "某市“十四五”卫生健康发展规划" whose goals name no year (a baseline "2020年" and a "2022年" work besides): the
        # period its title names, to its end (a page written at its end or later reports on it; a copy cut before
        # its goals, naming none, has the past's results only) (reader50)
        document_year = named[1]
    if document_year is None and (written := dating.written_year(text)) and dating.names_its_goals(text):
        # (7) a text heading its goals and naming no year to reach: the year it was written in, as it states its own date
        document_year = written
    # the plan's first year: its period's start ("(2021—2025年)"), else the first year it sets a goal for
    # (reader65) not a span a numbered measure names ("10. …2025—2027年省财政安排专项资金")
    period = next(
        (
            p
            for p in PERIOD.finditer(text[:1500])
            if not MEASURE_LINE.match(text, text.rfind("\n", 0, p.start()) + 1)
        ),
        None,
    )
    period_start = int(period.group(1)) if period else None  # the plan's own period, as its title names it
    plan_start = int(period.group(1)) if period else min(years) if years else None
    if period_start is None and stated and not years:
        plan_start = period_start = stated[
            0
        ]  # "规划期为2021—2025年。" closing a plan whose goals name no year
    # a page naming no year to come but the day it was issued ("发布时间:2025年9月28日"): the changes it records up to a
    # year before it are past
    issued = ISSUED.search(text) if plan_start is None else None
    record_start = int(issued.group(1)) if issued else plan_start
    # (reader66) measures in force to a year's end ("本措施…有效期至2023年12月31日"): a sentence naming that year sets its goals
    in_force_until = int(valid.group(1)) if (valid := VALID_UNTIL.search(text)) else None
    found = []
    # a progress table's notes ("提前完成年度任务。" then "截至…已完成筛查任务数16010人"): what was done, no goal
    read = (
        _task_cells_only(text, _without_progress_notes(text)) if list_year and _progress_table(text) else text
    )
    read = _without_conditions(read)
    # a copy kept a sentence a line: "过去一年，我们的各项工作取得了很大成绩。" then the results a clause a line
    # ("国内生产总值增长10.3%，") to the line closing the sentence: the year before's figures, no goal
    read = YEAR_RESULTS_LINES.sub(lambda m: m.group(1) + re.sub(r"[^\n]", "", m.group(2)), read)
    # a work report's part on a five-year period's goals ("二、“十三五”时期主要目标任务和重大举措"): its sentences with no
    # year of their own are for the period's end, up to the next part ("三、2016年重点工作")
    read = _mark_period_parts(read)
    annex = read.find("重大建设项目表")  # the projects annex is read by projects()
    # a plan's steps ("第二步，到2035年…"): a heading ends a step's year, so _sections marks where headings were
    steps = bool(PLAN_STEP.search(read))
    body = (
        "\n".join(_sections(read[:annex] if annex > 0 else read, bool(list_year), steps))
        .replace("１", "1")
        .replace("２", "2")
    )
    if steps:
        body = body.rstrip(SECTION_BOUNDARY + "\n")  # a heading closing the text marks nothing
    body = DECIMAL_STOP.sub(r"\1.\2", body)  # "提升到25。4%": the copy's 。 for a decimal point
    if "．" in body:
        # reader54: a full-width point between digits after a word ("死亡率控制在０．０８以内", "浓度３５．５微克/立方米"):
        # a decimal point (an item's "1．" opens its line or follows a stop)
        body = FULL_WIDTH_POINT.sub(r"\1.\2", body)
    # "建成百个…社区，培育千家…企业，集聚万名…人才": a round count in one character after a goal's verb (not "千家万户")
    body = ROUND_COUNT.sub(lambda m: str(ROUND_VALUES[m.group(1)]), body)
    if "分之" in body:
        body = PER_100K_IN_WORDS.sub(r"\1/10万", body)  # "降低到10万分之50": a rate per 100,000 in words
    # a copy cut off right after a number ("…粉尘浓度定期检测率达到95"): the value lost its unit and what followed
    body = re.sub(r"\d+(?:\.\d+)?$", "", body.rstrip())
    # a copy cut off inside its last clause ("…均设有…1所公办二级甲等或以上的中医", "…120个县级临床重点专"): that clause is
    # lost, its values with it (a clause ending on its value or its word, "…达到90%以上", is whole)
    if cut := CUT_CLAUSE.search(body, body.rfind("\n") + 1):  # in the last line
        body = body[: cut.start()]
    paragraph_year = None
    # "到2027年，…主要目标如下：" then "——…" paragraphs: a horizon announcing a list dates the paragraphs under it, to the
    # next heading or horizon
    section_year = None
    # "第一步，到2020年…" in a paragraph of its own: the paragraphs under it ("--人工智能产业竞争力…超过1500亿元") are the
    # step's goals, for its year, until the next step or a heading
    step_year = None
    reporting = False  # the paragraph reports a goal reached ("主要目标提前实现"): its figures without a year to come too
    past_before = (
        False  # the sentence before stated a past year's level ("2020年底,全国注册护士总数470余万人")
    )
    # the five-year period the text sets goals for ("“十四五”时期,目标…", "“十三五”期间,…主要发展目标是")
    goal_period = max((FIVE_YEAR_ENDS[g.group(1)] for g in FIVE_YEAR_GOAL.finditer(text)), default=None)
    # under "…取得了明显的阶段性成果:", the paragraphs after report results until a year to come is named
    reporting_results = False
    reporting_since = False  # the report was opened by "N年来" (a year to come ends it)
    since_period = since_period_before = (
        False  # the report was opened by "“十三五”以来," (PERIOD_SINCE_OPENING)
    )
    line_opens = False  # the sentence opens a line
    list_years = ""  # the clause of this sentence that named a list of years ("到2022年和2030年,…;")
    paced = False  # the sentence before opened a yearly pace ("期间每年…确定50个以上…")
    goals_line = (
        None  # the year a 政府工作报告's goals line names, over its clauses (；) to the sentence's end
    )
    text_year = int(first.group(1)) if (first := FIRST_YEAR.search(text)) else None
    # (reader69) the day a page is dated, when it is the first year the text writes ("柳州日报  2021-07-26"): its "今年"
    page_year = text_year if first and PAGE_DAY.match(text, first.start()) else None
    task_list = bool(TASK_LIST.search(text[:1500])) and not TASK_LIST_REPORT.search(text[:1500])
    # a report of a year's work meeting ("今(22)日,…2019年卫生健康工作会…今年,重庆将…。到2020年,…达到…"): what "今年" sets,
    # and what its sentences without a year set, is for the year the text writes first, not the later 到YYYY年
    this_year = (
        text_year
        if THIS_YEAR_GOAL.search(text)
        and text_year
        and plan_start
        and period_start is None
        and text_year < plan_start
        else None
    )
    year_tasks, kept = (
        [],
        set(),
    )  # (sentence, where its value starts, target); (sentence, where a value read starts)
    # the year of a list of the year's works announced inside a longer text (a 政府工作报告's "今年再办好15件民生实事。一是…",
    # "附件\n2026年自治区民生实事\n1.…"): its paragraph, and the numbered lines after it, are the list's items
    inner_list, line_wrapped = None, False
    period_part = None  # the end year of the five-year period whose goals part the sentence is in
    period_review = False  # the sentence is in such a part's opening review of the period before
    # the year of the goals the sentence before set (a line break between them aside), for a breakdown opened by 其中
    last_goal_year = previous_goal_year = None
    clauses = list(_clauses(body))
    # a news copy's "主要目标" heading on a line of its own over a work report's goals paragraph: the report's year
    heading_goals_year = report_this or (
        int(dated.group(1)) if (dated := REPORT_GIVEN_DATE.search(text[:2000])) else None
    )
    goals_heading = None  # the year of such a heading just read, for the paragraph after it
    annex_year = (
        None  # reader62: the year of a one-year plan run on into the text as its part (ANNEX_YEAR_PLAN)
    )
    for index, sentence in enumerate(clauses):
        period_paragraph = False
        if (annex := ANNEX_YEAR_PLAN.search(sentence)) and sentence[: annex.start()].rfind("《") <= sentence[
            : annex.start()
        ].rfind("》"):
            annex_year = int(annex.group(1))
        if sentence in ("\n", "。"):
            list_years = ""  # the years of a list go on over the sentence's clauses (；), not past its end
            goals_line = None
        elif heading_goals_year and GOALS_HEADING.fullmatch(sentence):
            goals_heading = heading_goals_year
            continue
        elif goals_heading:
            goals_line, goals_heading = goals_heading, None
        if sentence == "\n":
            # a report a five-year period's "以来" opened may go on in the next paragraph's review angle (below)
            since_period_before = reporting_since and since_period
            since_period = False
            paragraph_year, reporting, reporting_since = step_year or section_year, reporting_results, False
            line_opens = True
            # a line broken inside a sentence (a PDF copy's wrap the rejoin left): the next line goes on with it
            line_wrapped = bool(
                re.search(r"[^。；;：:！!？?\s]\s*$", "".join(clauses[max(index - 3, 0) : index]))
            )
            continue
        if sentence == SECTION_BOUNDARY:
            step_year = paragraph_year = section_year = None  # a heading ends a step's paragraphs
            last_goal_year = None
            continue
        if sentence.startswith(PERIOD_PART):
            # a five-year period's goals part opens (a year), or ends (None)
            period_part = _period_part_year(sentence)
            period_review = sentence[1:] == PERIOD_REVIEW
            continue
        if period_review and not FUTURE_MARK.search(sentence):
            continue  # "过去五年，…" then "城镇新增就业超过6000万人。" a line each: the earlier period's results
        sentence = re.sub(r"\s+", "", sentence)
        previous_goal_year, last_goal_year = last_goal_year, None
        if not sentence or sentence in "。；;":
            continue
        if line_opens and BARE_CELL.fullmatch(sentence) and _after_bare_cell(clauses, index):
            # "85.1%" then "90%以上", each alone on its line: a row's values of a table copied one cell a line (tables.py
            # reads its row)
            continue
        if _not_chinese(sentence):
            continue  # a page's hot-zone coordinates ("73.036811%,29.810298%"), an English abstract: no goal of the text
        if line_opens and reporting_results and not RESULT_ITEM.match(sentence):
            reporting = reporting_results = (
                False  # the list of results ends with its items ("一是…", "二是…")
            )
        opens_line, line_opens = line_opens, False
        if opens_line and step_year and STEP_ENDS.match(sentence):
            step_year = paragraph_year = None  # a heading or the next step ends a step's paragraphs
        if opens_line and section_year and STEP_ENDS.match(sentence):
            section_year = paragraph_year = None  # a heading ends the list a horizon announced
        if (
            inner_list
            and opens_line
            and not line_wrapped
            and not INNER_LIST_ITEM.match(sentence)
            # a line counting what an item does, naming no year (a PDF copy's line broken after an item's 。): the list
            # goes on
            and not (LIST_ITEM_VERB.search(sentence) and not re.search(r"\d{4}\s*年", sentence))
        ):
            inner_list = None  # a line that is no item ends the list
        if (
            (announced := INNER_LIST.search(sentence))
            and not YEARLY_LIST_REPORT.search(sentence)
            and not INNER_LIST_PAST.search(sentence)
        ):
            named = int(year) if (year := announced.group(1) or announced.group(2)) else None
            inner_list = (
                named if named and named == (document_year or named) else document_year if not named else None
            )
        year_tasks += [
            (index, start, target)
            for start, target in _year_tasks(sentence, document_year or text_year, task_list)
        ]
        continues_past, past_before = past_before, False
        paced_before, paced = paced, bool(YEARLY_OPENING.search(sentence))
        if paced_before and sentence.startswith("其中") and not FUTURE_MARK.search(sentence):
            paced = True
            continue  # "期间每年…确定50个以上…项目。其中:…各选择10个以上…": the yearly counts broken down, each year's too
        if continues_past and sentence.startswith("其中") and not FUTURE_MARK.search(sentence):
            continue  # "…2020年底,全国注册护士总数470余万人。其中,…护士超70%": the same past year's level
        if FUTURE_MARK.search(sentence):
            # "近年来,…。到2025年,…达到80岁。…达到30%": a year to come ends what the years before brought
            reporting_results = False
            if reporting_since:
                reporting = reporting_since = False
        if reporting_since and RUN_ON_HEADING.fullmatch(sentence):
            # a numbered heading ends what "近年来" opened, as a line break does: a crawl that joined the paragraphs
            # into one line runs "…时机已经成熟。一、总体思路（一）指导思想。" on (reader57)
            reporting = reporting_since = False
        if (
            plan_start is None
            and document_year
            and (opening := PAST_YEAR_OPENING.match(sentence) or PAST_YEAR_REVIEWED.search(sentence))
            and int(opening.group(1)) < document_year
            and not FUTURE_MARK.search(sentence)
            # "总结2025年工作成效,部署2026年重点工作": the year to come follows in the same sentence
            and all(int(y) < document_year for y in re.findall(r"(20\d{2})\s*年", sentence))
        ):
            # "据了解,2025年,我区…。持续推动4个…" in the text of a 2026 work meeting naming no 到YYYY年: the year before the
            # meeting's, its paragraph's figures are results
            reporting = True
        if reporting and (
            sentence.startswith("今年")
            or (
                document_year
                and (named := re.match(r"(\d{4})\s*年", sentence))
                and int(named.group(1)) >= document_year
                and plan_start is None
            )
        ):
            reporting = reporting_since = (
                False  # "去年,…增长6.8%。今年…主要预期目标是:…": the year to come follows
            )
        if reporting and not FUTURE_MARK.search(sentence):
            continue  # "…主要目标提前实现。…居民健康素养水平提升到25.4%": a figure reached, no goal
        if (
            opens_line
            and since_period_before
            and REVIEW_ANGLE_OPENING.match(sentence)
            and not FUTURE_MARK.search(sentence)
        ):
            # "“十三五”以来,…。\n从就业质量看,…年均增长7.1%": the next paragraph's review angle goes on with the report
            reporting = reporting_since = since_period = True
            since_period_before = False
            continue
        if opens_line:
            since_period_before = False
        if (
            not reporting
            and ("年来" in sentence or "去年" in sentence or "过去" in sentence or "以来" in sentence)
            and (since := YEARS_SINCE_OPENING.search(sentence) or PERIOD_SINCE_OPENING.match(sentence))
            and not PROGRESS.search(sentence)
        ):
            reporting = reporting_since = True
            since_period = bool(PERIOD_SINCE_OPENING.match(sentence))
            if "年来" not in since.group(0) and not FUTURE_MARK.search(sentence):
                continue  # "过去的一年,我们新建…12个": the year before the text's, its figures reached
        reporting = reporting or bool(PROGRESS.search(sentence))
        if (
            reporting
            and PROGRESS.search(sentence)
            and not FUTURE_MARK.search(sentence)
            and not AIMED.search(sentence)
        ):
            continue  # "…达到25%,提前完成“十三五”规划目标": the level of a goal reached, reported
        if sentence.endswith((":", "：")) and RESULTS_INTRO.search(sentence):
            reporting = reporting_results = True
        if (
            ("为" in sentence or "是" in sentence)
            and (stated := YEAR_STATED.search(sentence))
            and not FUTURE_MARK.search(sentence)
            and not (plan_start and int(stated.group(1)) >= plan_start)
        ):
            continue  # "2018年,全国…总体近视率为53.6%(…分别为14.5%…)": the year's figures stated, no goal
        if goals := GOALS_LINE_YEAR.match(sentence):
            goals_line = int(goals.group(1))
        elif report_this and dating.THIS_YEAR_GOALS_LINE.match(sentence):
            goals_line = report_this  # "今年全区经济社会发展的预期目标是：…" in a work report: its year, over the clauses
        if (
            LAST_YEAR_COMPARED.search(sentence)
            and not FUTURE_MARK.search(sentence)
            and not AIMED_COMPARISON.search(sentence)
            and not _bare_rise_then_dated_goal(sentence, report_this)
            and not AIMED_RISE.search(sentence)
            # "…预期目标是:地区生产总值达到240亿元,同比增长21%;地方财政总收入达到20亿元,同比增长24.6%": the goals line's
            # later clauses compare with last year too
            and not goals_line
            and not _report_year_will_reach(sentence, report_this)
            # (reader66) "2023年…无还本续贷累放金额同比增长20%" in measures in force to 2023: the year's goal, measured
            # against last year, not a result reported
            and not (
                in_force_until and re.search(rf"(?<!\d){in_force_until}\s*年(?!\s*\d{{1,2}}\s*月)", sentence)
            )
        ):
            continue  # "全市人均预期寿命达到79.1岁,比上年提高0.3岁": this year's level against last year's, reported
        if LAST_YEAR_COMPARED.search(sentence) and _report_year_will_reach(sentence, report_this):
            # "总数将达到33.9万张，比上年增长22%": the level is the goal, its rise over last year beside it no level (reader60)
            sentence = LAST_YEAR_RISE_BESIDE.sub("", sentence)
        if FOUNDATION_LAID.search(sentence) and not FUTURE_MARK.search(sentence):
            continue  # "2015年全区人均预期寿命达到74.31岁,…,为全面建成小康社会奠定了健康基础": results that laid a foundation
        if (
            (opening := re.match(r"(\d{4})年(?:底|末)?[，,]", sentence))
            and plan_start
            and int(opening.group(1)) < plan_start
            # reader54: "2008年,将涌现6个…示范区" (in a plan to 2010): a stage to come on the way, no level reached
            and not WILL_AFTER_YEAR.match(sentence, opening.end())
        ):
            continue  # "2020年，全市…达到23.15%。到2025年，…": a year before the plan's, its level reached
        if (
            (opening := re.match(r"(\d{4})年(?:底|末|度)?[，,]", sentence))
            and plan_start is None
            and (published := issued or PUBLISHED.search(text[:1500]))
            and int(opening.group(1)) < int(published.group(1))
            and not FUTURE_MARK.search(sentence)
        ):
            continue  # "2024年,全省…支出完成15293.91亿元" on a page issued in 2025: the year before, its figures reached
        year_match = (
            # "与2015年相比,2020年全省…下降10%", "较2015年,2020年…": the year after the base compared with dates the
            # sentence (before the base's "2015年," could)
            _year_after_base(sentence)
            # (reader66: not the year a value is compared with, "…数量高于2022年,…")
            or re.search(r"(?:到|至)?(?<!\d)(?<!高于)(?<!低于)(?<!比)(?<!较)(\d{4})年(?:底)?[，,]", sentence)
            or YEAR.search(sentence)
            # "2020年初步建成300个…": a sentence opening with the year of what it builds
            or re.match(r"(\d{4})年(?:底|前)?[^，,。；]{0,6}?(?:建成|完成|实现|达到)", sentence)
            or DEADLINE.search(sentence)
            # "卫生部提出2020年居民人均寿命增至77岁": the year a goal is set for, in a news headline
            or re.search(r"(?:提出|预计|力争|计划)(\d{4})年", sentence)
            # "压减至8个工作日以内，2021年全面推广…": the year the sentence names, after its value
            or re.search(
                r"(?<![\d到至])(\d{4})\s*年(?:底)?(?:全面|基本)?(?:推广|推行|实现|完成|建成|覆盖)", sentence
            )
            # "2025年经济社会发展的主要预期目标是:…": the year a 政府工作报告 sets its expected goals for
            # (a district's "2012年全区经济社会发展的预期目标是:…", no 主要)
            or GOALS_LINE_YEAR.match(sentence)
            # "…完善分级诊疗制度,2017年县域就诊率达到90%": a clause opened by the year of the level it sets
            or (CLAUSE_GOAL_YEAR.search(sentence) if not COMPARED_WITH_YEAR.search(sentence) else None)
            # (reader65) "2025年新增80家社区普惠托育点", "58.2025年建设改造…60个以上", "…,2025年打造50个…": a clause (or a
            # measure's sentence after its number) opened by the year of the work it counts
            or (next(_work_years(sentence), None) if not COMPARED_WITH_YEAR.search(sentence) else None)
        )
        if not year_match and report_this and dating.FIVE_YEARS_AHEAD.match(sentence):
            # "今后五年，…森林覆盖率达到23.04%" in a 2016 report: the five years from the report's, to 2020 (reader50)
            year_match = re.match(r"(\d{4})", str(report_this + 4))
        if report_this and year_match and 2000 < int(year_match.group(1)) < report_this:
            # "从2003年到2006年年均超收2040亿元" in a 2007 report: a year before the report's is past, its figures reached
            # (reader55)
            continue
        if not year_match and (plan_end := FIVE_YEAR_END.search(sentence) or FIVE_YEAR_GOAL.search(sentence)):
            # "到“十四五”末，…达到32%", "“十四五”时期,目标人均预期寿命提高1岁": the five-year plan's last year, named by
            # the plan's number
            year_match = re.match(r"(\d{4})", str(FIVE_YEAR_ENDS[plan_end.group(1)]))
            if (named := FIVE_YEAR_NAMED.search(sentence)) and named.group(1) == plan_end.group(1):
                # "“十二五”期间，…将重点开展以下工作：一是…力争“十二五”末实现100%…。二是…力争县道好路率达到80%": the
                # period the paragraph looks forward to dates its later sentences too
                period_paragraph = True
        if (
            (period := FIVE_YEAR_PERIOD.match(sentence))
            and not FIVE_YEAR_GOAL.match(sentence)
            and goal_period
            and FIVE_YEAR_ENDS[period.group(1)] < goal_period
        ):
            continue  # "“十三五”时期,…达到77.3岁。“十四五”时期,目标…": the period before the one the text sets goals for
        if (
            (period := PAST_PERIOD_OPENING.match(sentence))
            and (goal_period or document_year)
            and FIVE_YEAR_ENDS[period.group(1)] < (goal_period or document_year)
            and not FUTURE_MARK.search(sentence)
        ):
            continue  # "朱宏介绍,“十三五”(2016年至2020年)期间,…由2015年的77.1岁提高到78.4岁": a period ended before the plan's year
        if not year_match and goals_line:
            year_match = re.match(r"(\d{4})", str(goals_line))  # a later clause (；) of the year's goals line
        if not year_match and re.search(r"(?:自|从)\d{4}年(?:开始|起)", sentence):
            continue  # "自2019年开始，…在10个左右领域开展培训": what starts, not a level to reach by a year
        if year_match and 2000 < int(year_match.group(1)) < 2100:
            year = int(year_match.group(1))
            section_year = None  # a year named anew ends the list a horizon announced
            if opens_line and (step := PLAN_STEP.match(sentence)):
                step_year = paragraph_year = int(step.group(1))
            elif re.match(r"到\d{4}年(?:底|末)?[，,：:]", sentence) or period_paragraph:
                # "到2020年，…。全国…达到70%", "到2028年底：①…；②…": the paragraph's later sentences too
                paragraph_year = year
            elif (
                not reporting
                and (inside := MID_SENTENCE_HORIZON.search(sentence))
                and {int(y) for y in re.findall(r"(?<!\d)(\d{4})\s*年", sentence)} == {int(inside.group(1))}
                and "每年" not in sentence
            ):
                # "坚持…，到2025年，…。建设50家以上…", "第二阶段到2030年，…。制修订140项以上…": a horizon opening a clause
                # inside the sentence, the only year it names, dates the paragraph's later sentences too
                paragraph_year = int(inside.group(1))
            if paragraph_year == year and sentence.endswith(("：", ":")) and not step_year:
                section_year = year  # "到2027年，主要目标如下：": the paragraphs under it too
            elif re.match(r"\d{4}\s*年[，,]", sentence) and not reporting and year >= (text_year or year):
                paragraph_year = (
                    year  # "2018年,…参合率稳定在96%以上。城镇居民…参保率维持在95%以上": a year's goals go on
                )
        elif (
            this_year
            and THIS_YEAR_GOAL.search(sentence)
            and (GOAL_WORDS.search(sentence) or "%" in sentence or LIST_ITEM_VERB.search(sentence))
        ):
            year = this_year  # "今年,重庆将…推进18个中央投资项目建设", "到2027年,…。今年要新建…10个"
        elif paragraph_year and (
            GOAL_WORDS.search(sentence)
            or "%" in sentence
            or (paragraph_year == report_this and REPORT_CLAUSE_COUNT.search(sentence))
        ):
            year = paragraph_year
        elif period_part and (
            GOAL_WORDS.search(sentence) or "%" in sentence or PERIOD_PART_CHANGE.search(sentence)
        ):
            year = period_part  # "届时，我国经济总量超过90万亿元" in the 十三五 goals part: for 2020
        elif document_year and (
            GOAL_WORDS.search(sentence)
            or "%" in sentence
            or PILOT_COUNT.search(sentence)
            or WORK_OBJECT_COUNT.search(sentence)
            or REPORT_WORK_COUNT.search(sentence)
            or (report_this and REPORT_CLAUSE_COUNT.search(sentence))
            or PILOT_WIDENED.search(sentence)
            or KINDS_COVERED.search(sentence)
            or _own_period_total(sentence, document_year)
            or WORKS_ABOUT.search(sentence)
        ):
            year = this_year or annex_year or document_year
        elif list_year and document_year == list_year and LIST_ITEM_VERB.search(sentence):
            year = document_year  # "开设500个…暑托班;为300名…儿童提供支持服务": an item of the year's list
        elif inner_list and (
            LIST_ITEM_VERB.search(sentence)
            or any(LIST_HEADLINE.match(c) for c in re.split(r"[，,]", sentence))
        ):
            # "今年再办好15件民生实事。…九是为既有住宅加装电梯600部", "十四是免费送戏下乡1万场": an item of the year's list
            # in a report, its count after a verb or closing a clause
            year = inner_list
        elif list_year and document_year == list_year and opens_line and LIST_HEADLINE.match(sentence):
            year = document_year  # "十大民生实事项目\n10个滨江生态公园建设\n5万人入住公共租赁住房": items as headlines
        elif document_year and any(
            int(named.group(1)) == document_year for named in HEADLINE_YEAR.finditer(sentence)
        ):
            year = document_year  # "…:2030年人均寿命80岁": a headline naming the plan's target year before a value
        elif previous_goal_year and BREAKDOWN_OPENING.match(sentence):
            # "1990年，出版总印张达到793亿印张" then "其中：图书5万种、90亿册…": the goal's parts, for its year
            year = previous_goal_year
        else:
            continue
        # a range in 万 ("服务人口3～5万", "向广东送电160～300万千瓦") is no level: its clause only, the sentence's other
        # clauses ("到2005年,全省装机容量达1080万千瓦,…") keep their goals
        ranged = [r.span() for r in WAN_RANGE_CLAUSE.finditer(sentence)] if "万" in sentence else []
        if NOT_A_GOAL.search(
            WAN_RANGE_CLAUSE.sub(lambda r: "，" * len(r.group()), sentence) if ranged else sentence
        ):
            continue
        if GARBLED_YEAR.search(sentence) and not (year_match and 2000 < int(year_match.group(1)) < 2100):
            continue  # "到202223年": the copy lost the year; its values are not placed in time
        # "2020年底前实现…58项，2021年底前实现…74项": each value takes the last date before it in its sentence
        dates = sorted(
            [(d.end(), int(d.group(1))) for d in (*YEAR.finditer(sentence), *DEADLINE.finditer(sentence))]
        )
        if (
            dates
            and (opening := OPENING_YEAR.match(sentence))
            and int(opening.group(1)) < min(y for _e, y in dates)
        ):
            # "2025年,…比例达90%以上,到2030年达95%以上": the year opening the sentence dates what comes before the later one
            dates.insert(0, (opening.end(1), int(opening.group(1))))
        if (
            dates
            and page_year
            and not report_this
            and THIS_YEAR_OPENING.match(sentence)
            and page_year < min(y for _e, y in dates)
        ):
            # (reader69) "今年底前,…覆盖率达到60%以上,…在2022年底前将实现全覆盖" on a page dated 2021-07-26: what comes
            # before the later deadline is the page's year's ("今年")
            dates.insert(0, (0, page_year))
        if dates:
            # "到2025年，…不低于25%，2030年不低于30%": a clause opening with a later year dates what follows it
            dates = sorted(
                dates
                + [
                    (d.end(), int(d.group(1)))
                    for d in CLAUSE_YEAR.finditer(sentence)
                    if int(d.group(1)) > min(y for _e, y in dates) and d.end() not in {e for e, _y in dates}
                ]
            )
        # "…,2017年县域就诊率达到90%,2020年人均预期寿命达76.7岁": each clause opened by a year and setting a level dates it
        dates = sorted(
            dates
            + [
                (d.end(1), int(d.group(1)))
                for d in (*CLAUSE_GOAL_YEAR.finditer(sentence), *_work_years(sentence))
                if not COMPARED_WITH_YEAR.search(sentence)
                and d.end(1) not in {e for e, _y in dates}
                and 2000 < int(d.group(1)) < 2100
            ]
        )
        # "吸烟率2022年<24.5%,2030年<20%", "素养水平2020年提高到20%": a year written right before the value's sign or verb
        # dates that value
        dates = sorted(
            dates
            + [
                (d.end(), int(d.group(1)))
                for d in YEAR_BEFORE_VALUE.finditer(sentence)
                if d.end() not in {e for e, _y in dates} and 2000 < int(d.group(1)) < 2100
            ]
        )
        # (reader74) "落实…工程2023年培训计划，培养不少于3500名…": a clause naming a year's plan dates what the sentence
        # sets after it (the plan's year, not the document's horizon)
        plan_dates = [
            (d.end(), int(d.group(1)))
            for d in YEAR_PLAN_NAMED.finditer(sentence)
            if d.end() not in {e for e, _y in dates} and 2000 < int(d.group(1)) < 2100
        ]
        if plan_dates and not dates and len({y for _e, y in plan_dates}) == 1:
            year = plan_dates[0][1]  # the one year's plan the sentence names dates its values
        dates = sorted(dates + plan_dates)
        # reader62: "确保2021年12月15日17点前…95%的…完成履约": a deadline written as a full day (an hour too) dates what follows
        day_dates = [
            (d.end(), int(d.group(1)))
            for d in DAY_DEADLINE.finditer(sentence)
            if d.end() not in {e for e, _y in dates} and 2000 < int(d.group(1)) < 2100
        ]
        if day_dates and not dates and len({y for _e, y in day_dates}) == 1:
            year = day_dates[0][1]  # the one date of the sentence dates its values, as "到YYYY年" would
        dates = sorted(dates + day_dates)
        if (
            not dates
            and not year_match
            and period_start is None
            and "今年" in text
            and "每年" not in sentence
            and not period_part
            and year == (this_year or document_year)
            and (span := YEAR_SPAN.search(sentence))
        ):
            # a year's text (a work report) setting goals over a span from this year: "今明两年…培训3500万人次以上",
            # "三年内参保率均提高到90%以上" are for the span's last year; what comes before the span stays this year's
            dates = [
                (0, year),
                (span.end(), year + SPAN_YEARS[next((g for g in span.groups() if g), "两")] - 1),
            ]
        if (
            not dates
            and report_this
            and year == report_this
            and (opened := REPORT_PERIOD_OPENING.match(sentence))
            and FIVE_YEAR_ENDS[opened.group(1)] > report_this
        ):
            # reader55: "“十一五”期间，关停5000万千瓦…，今年要关停1000万千瓦；五年淘汰…1亿吨…，今年力争…" in a 2007 report:
            # the period's clauses are for its end, those of 今年 for the report's year
            period_end = FIVE_YEAR_ENDS[opened.group(1)]
            dates = sorted(
                [(0, period_end)]
                + [(t.end(), report_this) for t in re.finditer(r"今年|年内", sentence)]
                + [(f.end(), period_end) for f in REPORT_PERIOD_AGAIN.finditer(sentence, opened.end())]
            )
        in_sentence, previous = [], None  # (match, target) of the values kept, for the lists below
        norm_end = None  # where the last value read as a layout norm ended
        looking_back = (
            _looking_back_spans(sentence, record_start)
            + _baseline_spans(sentence)
            + _past_year_spans(sentence, record_start or year, year)
        )
        past_before = bool(_past_year_spans(sentence, plan_start or year, year)) and not FUTURE_MARK.search(
            sentence
        )
        # "每万人口全科医生数将达到两人": a goal in words is read as its digit (one character for one: places stay)
        digits = VALUE_IN_WORDS.sub(
            lambda w: w.group(1) + str(WORD_DIGITS[w.group(2)]) + w.group(3), sentence
        )
        finding = (
            FINDING.search(sentence)
            if "显示" in sentence or "表明" in sentence or "发现" in sentence
            else None
        )
        # the stop closing the sentence ("…服务5000例。"): a count in 例 closes a clause there, not at a line's end (a
        # news graphic's "…下降至2021年15407例")
        stop = clauses[index + 1] if index + 1 < len(clauses) and clauses[index + 1] in "。；" else ""
        for m in TARGET.finditer(digits + stop):
            if ranged and any(start <= m.start() < end for start, end in ranged):
                continue
            unit, value = m.group("unit") or "", float(m.group("low") or m.group("value"))
            if (
                not unit
                and m.group("before") == "提高到"
                and digits[m.end() : m.end() + 1] == "元"
                and PER_HEAD_STANDARD.search(digits[: m.start()])
            ):
                unit = "元"  # "补助标准由每人每年670元提高到700元": a standard per head raised to a level
            if (
                not unit
                and m.group("before") in ("达到", "达", "超过", "突破")
                and digits[m.end() : m.end() + 1] == "元"
                and INCOME_PER_HEAD.search(digits[: m.start()])
            ):
                unit = "元"  # "城镇人均可支配收入达到23896元": an income per head to reach, a level (not money paid)
            if (
                not unit
                and (money := re.match(r"万?元", digits[m.end() :]))
                and STANDARD_RAISED.search(digits[: m.start()])
            ):
                unit = money.group(
                    0
                )  # "补助标准提高到每人每年640元", "救助标准提高至3万元": a standard raised to a level
            if (
                not unit
                and digits[m.end() : m.end() + 1] == "类"
                and re.search(r"范围(?:扩大|扩展|增加)(?:到|至)$", digits[: m.start()])
            ):
                unit = "类"  # "医疗救助范围扩大至9类群体": the kinds a scope is widened to, a level
            if (
                not unit
                and m.group("before")
                and digits[m.end() : m.end() + 1] == "年"
                and YEARS_OF_DURATION.search(digits[: m.start()])
            ):
                unit = "年"  # "平均受教育年限达到10.8年": a length in years to reach, no calendar year
            if not unit and digits[m.end() : m.end() + 1] == "类" and digits[: m.start()].endswith("等"):
                unit = "类"  # "全面推开尿毒症等8类大病保障": the kinds a measure covers, named by examples then counted
            if _budget_or_forecast(digits, m, unit):
                continue
            word = m.group("after") or m.group("before") or ""
            if not word and previous and LIST_GAP.fullmatch(sentence[previous[0].end() : m.start()]):
                word = previous[1]  # "分别低于7%和5%", "下降到4.0‰、4.5‰": the list shares its word
            if (
                not unit
                and not (
                    (m.group("before") in ("达到", "达") and m.group("after") == "左右")
                    or (
                        m.group("before") in ("达到", "达", "提高到")
                        and sentence[: m.start()].endswith("指数")
                    )
                    # a coefficient raised to a level, no unit: "灌溉用水有效利用系数达到0.45", "…系数提高到0.5"
                    or (
                        m.group("before") in ("达到", "达", "提高到", "提升到", "不低于")
                        and sentence[: m.start()].endswith("系数")
                    )
                    # a rate whose "%" the copy lost: "…比例分别达到50 及以上和90 及以上" (the list shares it)
                    or (
                        m.group("before") in ("达到", "达", "提高到", "不低于")
                        and LOST_PERCENT.search(sentence[: m.start()])
                    )
                    # a density per population, its unit unwritten: "预计到2025年,全省每万人口全科医生数3.2"
                    or PER_POPULATION.search(sentence[: m.start()])
                    # a value named the target's: "力争完成千人口献血率目标值9"
                    or sentence[: m.start()].endswith("目标值")
                    # an efficiency or coefficient lowered below a level, no unit: "电能利用效率降到1.3以下" (PUE)
                    or (
                        m.group("before")
                        in ("降到", "降至", "下降到", "下降至", "降低到", "降低至", "控制在")
                        and m.group("after") in ("以下", "以内")
                        and re.search(r"(?:效率|系数|指数|比值)$", sentence[: m.start()])
                    )
                    # reader54: a rate per a base its name writes, its unit unwritten: "亿元国内生产总值死亡率控制在0.81以内",
                    # "道路交通万车死亡率下降到7.0以下", "煤矿百万吨死亡率保持在1.0以下" (a ceiling)
                    or (m.group("after") in ("以下", "以内") and RATE_PER_BASE.search(sentence[: m.start()]))
                    # a ratio has no unit: "城乡居民收入倍差缩小到1.9以内", "26县居民收入与全省平均之比达到0.75"
                    or (
                        m.group("before") in ("达到", "达", "缩小到", "缩小至", "提高到", "不低于")
                        and re.search(r"(?:倍差|之比|比值)$", sentence[: m.start()])
                    )
                    # reader55: a sex ratio brought under a ceiling has no unit: "出生人口性别比趋于合理，降低到108.5以下",
                    # "出生人口性别比控制在110以内"
                    or (
                        m.group("before") in SEX_RATIO_VERBS
                        and m.group("after") in ("以下", "以内")
                        and SEX_RATIO_BEFORE.search(sentence[: m.start()])
                    )
                    # a sign after an indicator's name in a sentence, its unit lost by the copy: "…健康期望寿命≥71,"
                    or (
                        m.group("before") in ("≥", "≤")
                        and re.match(r"[，,。；;]", sentence[m.end() :])
                        and re.search(r"[\u4e00-\u9fff]{2}$", sentence[: m.start()])
                    )
                    or (
                        previous
                        and previous[2]
                        and LIST_GAP.fullmatch(sentence[previous[0].end() : m.start()])
                    )
                )
            ):
                continue  # a bare number is a target only as "达到1.2左右" (CMI) or an index's ("发展指数达85")
            before, after = sentence[: m.start()], sentence[m.end() :]
            clause_before = re.split(r"[，,；;]", before)[-1]  # the clause the value closes, up to it
            if m.group("unit") == "%" and (
                SPENDING_GROWTH_BEFORE.search(before) or PERMITTED_BEFORE.search(before)
            ):
                # reader55: "中央对地方均衡性转移支付增长10.9%": money's growth; "各地可降至16%": a leave, no commitment
                continue
            if WHEN_OPENING.match(sentence) and not FUTURE_MARK.search(sentence):
                continue  # (reader66) "政府制定涉企政策时,…民营企业比例不低于70%": a procedure's terms, kept each time it is done
            if RED_LINE_AFTER.match(after) and not RED_LINE_DRAWN.search(re.split(r"[，,；;。]", before)[-1]):
                continue  # reader55: "守住全国耕地不少于18亿亩这条红线": a floor held, no level to reach
            if m.group("unit") in ("亿元", "万亿元", "万元") and BUDGET_BEFORE.search(before):
                continue  # reader55: "明年将安排200亿元", "拿出1000亿元", "支出总额将达到664亿元": public money budgeted
            if (unit.endswith("元") or unit in ("%", "元/人")) and PAYMENT_STANDARD_RAISED.search(
                clause_before
            ):
                continue  # conv24: "补助标准提高到每人每年640元", "基本养老金继续提高10%": money handed out, no level reached
            if (m.group("unit") in ("万吨", "吨") and PLANT_OUTPUT_BEFORE.search(before)) or (
                not m.group("before") and re.search(r"[/／]\s*(?:年|日)$", unit) and NAMES_A_WORK.match(after)
            ):
                continue  # (reader67) "建成投产某某年产30万吨…一体化", "某某50万吨/年…(PGA)项目": a plant's size in its name
            if m.group("unit") == "吨" and PLANT_SIZE_BEFORE.search(before):
                continue  # reader55: "发展日产5000吨及以上的新型干法水泥": each plant's size, no amount to deliver
            if (
                m.group("unit")
                and re.search("[多余]", digits[m.end("value") : m.start("unit")])
                and not COMMITTED_CLAUSE.search(clause_before)
                # "到2025年，培训医生3000余人": a count to reach by a year to come, approximate or not
                and not YEAR_TO_COME_BEFORE.search(before)
            ):
                continue  # reader55: "1990年，…发展到400多个": an approximate count reported; "今年要完成7700多项" commits
            if (
                not m.group("before")
                and m.group("unit") in ("万人", "万")
                and not m.group("after")
                and RATE_DENOMINATOR.match(digits, m.end())
            ):
                continue  # reader54: "工矿商贸就业人员10万人生产安全事故死亡率下降19%": the rate's base population, no count
            if not m.group("before") and re.search(r"(?<![A-Za-z])[A-Za-z]$", digits[: m.start()]):
                # "L3级以上智能网联汽车": a digit after one Latin letter names a level or a model, no count (after a word,
                # "培育…OPC100家以上", it is the count of what the word names)
                continue
            if (
                re.search(r"每个[^，,；至]{0,10}(?:办好|设置|建立)$", before)
                # "每个地级市有1家医院达到三级甲等", "各市(州)均有1家精神病医院": one in each division, a layout
                or re.search(r"(?:每个|各)[^，,；至具]{1,10}(?:均|都)?有$", before[-16:])
                # (reader73) "…率=签约人数/常住人口数*100%": a formula's scale, written with "*" as with "×"
                or before.endswith(("/", "×", "*", "＊"))
            ):
                norm_end = m.end()
                continue  # "每个行政村办好1所", "1辆/3万人": layout norms, not targets
            if re.search(r"加快(?:建设|推进|实施)$", before) and re.match(
                r"[^，,。；;\d]{0,16}项目(?=[，,。；;]|$)", after
            ):
                continue  # "加快建设9个国家区域医疗中心项目": projects under way, sped up, not a count to reach
            if unit in ("个", "所", "家", "座", "处") and SPED_UP_BUILDING.search(
                re.split(r"[，,。；;]", before)[-1]
            ):
                continue  # (reader61) "加快建设国家…基地、2个…中心、50个…次中心": designated and under way (conv22 (d))
            if unit in ("个", "所", "家", "座", "处") and DESIGNATED_KINDS_PUSHED.fullmatch(
                re.split(r"[，,。；;]", before)[-1] + re.split(r"[，,。；;]", sentence[m.start() :])[0]
            ):
                continue  # (reader66) "推动6个国家级…中心、3个…中心等平台建设": designated kinds under way (conv22 (d))
            if SPED_UP_LIST.fullmatch(re.split(r"[，,。；;]", before)[-1]) and re.match(
                r"[^，,。；;]*?建设(?=[，,。；;]|$)", after
            ):
                # (reader57) "加快12个…中心、26个…中心建设", "加快40个养牛大县和18个奶业重点县建设": places or centres
                # designated and under way, their building sped up (conv22 (d)), not a count to reach
                continue
            if (unit == "A" and re.search(r"等级[^，,。；;\d]{0,4}$", before)) or (
                unit == "W" and re.search(r"(?:用户|人)[^，,。；;\d]{0,4}$", before)
            ):
                continue  # "质量等级达到4A以上" (a grade), "注册用户超过1W" (万 in a Latin letter): no amperes, no watts
            if re.match(r"(?:及以上|以上|以下|以内)?的[，,]", after) and re.search(
                # (reader67) "对…执行进度未达到90%的，…": a level not reached names whom a rule falls on
                r"(?:少于|多于|大于|小于|等于|不足|低于|高于|超过|未达到|未达|达不到)$",
                before + (m.group("before") or ""),
            ):
                continue  # "入住人数少于或等于10人的，安排…": a condition on who gets what, not a level to reach
            if (
                REWARD_THRESHOLDS.match(after)
                # (reader67) a growth as the threshold too: "同比增长10%以上的，产值每增长1000万元奖励1万元"
                and re.search(
                    r"(?:达到|达|超过|突破|超|增长|增加|提高|提升)[^，,。；;]*$",
                    before + (m.group("before") or ""),
                )
            ) or (re.search(r"每[\u4e00-\u9fff]{1,4}$", before) and RATE_PAID.match(after)):
                continue  # "收入首次达到2000万元、5000万元的，分别给予…", "每认定1家给予…扶持": who is paid, and how much each
            if PART_BEYOND.match(after) and re.search(
                r"(?:超出|超过|超)[^，,。；;]*$", before + (m.group("before") or "")
            ):
                continue  # (reader67) "超出2000万元以上部分，每1000万元奖励1万元": what a payment is reckoned on
            if RECLAIMED_AFTER.match(after):
                continue  # (reader67) "将未支出部分的20%直接回收": a share of money taken back, a rule on funds
            if GRANT.search(sentence) and (
                re.search(r"(?:^|[，,])对[^，,。；;]*$", before)
                and re.match(r"[^，,。；;]*的[，,]", after)
                or re.search(r"按[^，,。；;]*$", before)
                and re.match(r"[^。；;]*?给予", after)
                or re.search(r"(?:给予|[，,、])最高$", before)
            ):
                continue  # a payment's standard or its condition ("对…达10个以上的，给予最高3万元的奖励", "按…的10%给予奖励")
            if CONDITION_GRANTED.match(after):
                continue  # "年营业收入达到2000万元以上或年纳税额达到200万元以上、…的，给予…": who is paid, no goal
            if NEW_PROJECT_ENTRY.search(before):
                continue  # (reader57) "新上…项目应满足…转换效率不低于20%": what a new project must meet to enter, no goal
            if (SUPPORTED_OPENING.search(before) and SUPPORT_FOLLOWS.match(after)) or QUALIFIED_FOLLOWS.match(
                after
            ):
                continue  # "对…超10万美元的OPC，给予…", "年薪达到8万元且…的…成员，可直接认定…": who is supported, no goal
            if unit in ("元", "万元", "亿元", "万亿元") and (
                GRANTED_AMOUNT.search(before)
                or PAID_AMOUNT.search(before)
                or (PER_HEAD_AMOUNT.search(before) and not STANDARD_RAISED.search(before))
            ):
                continue  # "发放…劳务报酬20亿元以上", "给予每人1万元救助": money paid, no level to reach
            if unit in ("元", "万元", "亿元", "万亿元") and (
                FUNDS_AFTER_AMOUNT.match(after)
                or LOANS_SUPPORTED.search(before)
                or (CAPPED_BEFORE.search(before) and COMPARATORS.get(m.group("before") or "") == "le")
            ):
                continue  # (reader67) "120亿元专项债券…支付使用完毕", "支持企业转贷超50亿元", "额度最高不超过200万元": money (conv24)
            if unit in ("万元", "亿元") and WORKS_INVESTMENT.search(before) and re.match(r"[，,]", after):
                continue  # "投资1260万元，完成5个村的饮水安全工程": the money the works cost, the works are the goal
            if unit in ("万元", "亿元", "万亿元") and PROJECTS_SPENDING.search(clause_before):
                continue  # (reader67) "重点建设项目完成投资280亿元": the plan's projects' own spending (conv24)
            if (
                unit in ("万元", "亿元", "万亿元")
                and len(clauses_before := re.split(r"[，,；;]", before)) > 1
                and PROJECTS_CLAUSE_SPENDING.fullmatch(clauses_before[-1])
                and "项目" in clauses_before[-2]
            ):
                continue  # (reader71) "实施…等203个重点项目，完成投资362亿元": the projects named before, their spending
            if unit in ("万元", "亿元", "万亿元") and MONEY_PUT_IN.search(before):
                continue  # (reader71) "今年投入82亿元、实施项目96个": the money the year's works take, spending (conv24)
            if unit in ("%", "万元", "亿元", "万亿元") and FUNDS_TO_WIN.search(clause_before):
                continue  # (reader71) "申报争取债券资金25亿元以上", "争取…项目资金增长10%": funds to win (conv24)
            if unit == "%" and FUNDS_PROGRESS.search(before):
                continue  # (reader67) "投资进度完成15%左右", "使用进度达到70%以上": the pace of money spent (conv24)
            if (
                (m.group("before") or m.group("after"))
                and (group := GROUP_QUALIFIED.match(after))
                # "95%以上的乡镇卫生院应当具备…能力": a share of places that must have something, the share is the goal
                and not (unit in ("%", "‰") and group.group().endswith(("必须", "应当", "须")))
            ):
                continue  # "超过50度的学生比例降至15%", "超过1000人规模的学校必须配备…": which ones are meant, no goal
            if (
                not m.group("before")
                and m.group("after") in ("以上", "及以上", "以下", "及以下")
                and SUPPORTED_OPENING.search(before)
                and GRANT_CLOSES_CLAUSE.match(after)
            ):
                continue  # (reader66) "对…300亩以上规模经营主体从事粮食生产给予奖补": who qualifies, no goal
            if unit in ("万元", "亿元", "万亿元") and (
                FUND_LEVERAGE.search(clause_before)
                or (FUND_SPENDING.fullmatch(clause_before) and "基金" in before)
            ):
                continue  # (lead27) "撬动社会资本200亿元以上", a fund's "完成年度投资50亿元": fund money (conv24)
            if unit not in ("%", "‰") and SHARE_REACHING.search(clause_before):
                continue  # (lead27) "95%的行政村实现集体经济收入30万元以上": the share is the goal, the sum its threshold
            if unit in ("万元", "亿元", "万亿元") and LENT_AMOUNT.search(before):
                continue  # (reader66) "推动发放创业担保贷款60亿元以上": money lent out, no level of the sector
            if SUBSIDY_CONDITION_OPENING.search(before) and SUBSIDY_CONDITION.match(after):
                continue  # "对…网络销售额2万元以上且…的经营主体进行补助": who may get a subsidy, no goal
            if (
                not m.group("before")
                and (named := NAMES_COUNTED.search(before))
                and len(re.split(r"[、和]", named.group(1))) == value
            ):
                continue  # "启动正阳和建设2个办事处文体活动中心项目": the count of the names the clause lists, no goal
            if (
                not m.group("before")
                and unit in ("个", "家", "所", "座", "处", "项")
                and (listed_names := NAMES_BEFORE_COUNT.search(before))
                and WORKS_DONE_AFTER.match(after)
                and len(re.split(r"[、和]", listed_names.group(1))) == value
            ):
                continue  # (reader67) "11月底前甲乙、丙丁2个露天煤矿建设出煤": the names just listed, counted (conv22 (a))
            if not m.group("before") and EXISTING_POPULATION.search(before):
                continue  # (reader67) "因疫情停工的256个…项目有序复工", "在建的2269个…项目": the population acted on, a scope
            if not m.group("before") and NAMED_PLACES_COUNTED.search(before):
                continue  # "在册亨、罗甸…等8个重点县建设…": the count of the places the clause names, no goal
            if (
                (unit in ("元", "万元", "亿元", "万亿元") and FUNDS_USED.match(after))
                # (reader74) "…服务费的80%用于…薪酬分配，20%用于…统筹": a share of a sum put to a use, no level to reach
                or (unit == "%" and SHARE_PUT_TO_USE.match(after))
                or ((example := EXAMPLE.search(before)) and not EXAMPLE_GOAL.search(example.group(0)))
                or (RELIED_ON.search(before) and STRENGTH.match(after))
                or IN_FORCE.search(sentence)
                or SUPPORT_TERMS.search(before)
            ):
                continue  # money put to a use, an example, a strength relied on, a measure in force: no level to reach
            if _in_definition(before):
                continue  # "OPC（…，指全职团队规模一般在10人以内…）": what a name means, no goal
            if GRANT.search(sentence) and _pays(before + (m.group("before") or ""), after, unit):
                continue  # "分别给予最高不超过25万元、10万元、3万元一次性后补助", "按实付利息最高50%给予贴息支持": what is paid
            if _support_term(sentence, before + (m.group("before") or ""), after, unit):
                continue  # (reader70) a tax rate, a discount, a per-loan cap, a threshold of whom a relief is for
            if unit in ("%", "‰") and _charge_rule(before, after):
                continue  # (reader66) "检验费用按80%收取", "担保费率不超过1%", "预付款比例不低于50%": a charge's rule, no level
            if unit in ("万千瓦", "亿千瓦") and re.match(
                r"(?:及以上|以上|以下|以内)?(?:[（(]含[)）])?的", after
            ):
                continue  # "单机容量30万千瓦以上（含）的燃煤机组", "装机容量10万千瓦以下的电厂": which plants, not a goal
            if (
                not m.group("before")
                and m.group("after") in ("以上", "及以上", "以下", "及以下")
                and SIZE_ATTRIBUTE.search(before)
                and re.match(r"[\u4e00-\u9fff]", after)
                and not re.match(r"的?(?:目标|水平)", after)
            ):
                # reader54: "培育100家年销售收入1亿元以上具有…的龙头企业", "城区常住人口100万以上城市…覆盖率达到100%":
                # the size of what the sentence speaks of, a condition, no goal
                continue
            if unit in ("亿元", "万元", "亿美元", "万美元") and (
                QUALIFYING_AMOUNT.match(after)
                or (m.group("after") in ("以上", "及以上", "以下") and SIZED_ENTERPRISE.match(after))
            ):
                continue  # "3家以上100亿元企业", "营收超1000万元OPC100家": the size of what is counted, not a goal
            if (
                unit in ("平方公里", "万平方公里")
                and not m.group("after")
                and AREA_OF_NAMED_PARK.match(after)
            ):
                continue  # (reader67) "规划建设超400平方公里某某产业园、160平方公里某某产业园": a named park's area, its size
            if (
                unit in ("亿元", "万元", "万亿元")
                and SIZED_CLUSTER.match(after)
                and COUNT_BEFORE_SIZE.search(before + (m.group("before") or ""))
            ):
                continue  # "培育10个左右规模达到1000亿元以上的创新型产业集群": each cluster's size, the count is the goal
            if norm_end is not None and NORM_LIST_GAP.fullmatch(sentence[norm_end : m.start()]):
                norm_end = m.end()
                continue  # "每个…区域设置1个市办…医院、1个县办…医院": the list shares its norm
            if ENCOURAGED.search(before) and not (
                YEAR.search(after_encouraged(before))
                or DEADLINE.search(after_encouraged(before))
                # "鼓励发展…旱粮生产，2005年粮食总产量达到1600万吨左右": a later clause opened by a year sets its own level
                or CLAUSE_OPENED_BY_YEAR.search(after_encouraged(before))
                # reader55: "鼓励更多…报考，今年大规模扩招100万人": a later clause opened by 今年 commits on its own
                or CLAUSE_OPENED_BY_THIS_YEAR.search(after_encouraged(before))
                or CLAUSE_OPENED_BY_GOAL_VERB.search(after_encouraged(before))
            ):
                continue  # "鼓励有条件的地方完成15%的…，在10%的…": encouraged, not committed
            if finding is not None and finding.end() <= m.start():
                continue  # "据…研究报告显示,…35%感染艾滋的儿童会死亡": a finding reported, not a level to reach
            if unit in ("元", "万元", "亿元", "万亿元") and (
                PLANNED_SPENDING.search(before) or DEBT_AFTER.match(after)
            ):
                continue  # "全年计划投资8.6亿元", "完成2019年度7.89亿元政府隐性债务化解目标": money spent or owed, no level
            if HANDLED_OPENING.search(before) and HANDLED_DONE.match(after):
                continue  # "《规划》把…支持济南建设的66个重大载体平台和项目进行了细化安排": what was done with them, no goal
            if (
                re.search(r"每年[^，,。；;]*$", before)
                and unit != "元"
                and not (
                    unit in ("%", "‰")
                    and (
                        YEARLY_RATE.search(before)
                        or (m.group("before") == "控制在" and before.endswith("每年"))
                    )
                    # "2002—2012年平均每年增长约5.3%": a rate over years named, past or not, is no goal of the plan's
                    and not re.search(r"\d{4}\s*年?[^，,。；;]*$", before)
                )
            ):
                continue  # "每年资助培养…50名": a yearly quantity is a rate, not a level to reach
            if (
                (pace := YEARLY_OPENING.search(before))
                and unit not in ("元", "%", "‰")
                and not LEVEL_AFTER_PACE.search(before[pace.end() :])
                and not PACE_ENDED.match(re.split(r"[，,]", before)[-1])
            ):
                continue  # "每年推广应用…8000台以上，工业人工智能应用100个以上": the 每年 opening the sentence holds on
            if (scope := SCOPE_OPENING.search(before)) and not SCOPE_ACTION.search(scope.group()):
                continue  # "针对首年关税为零的2034种、…的2725种出口商品，…": the things a measure aims at, no goal
            if unit in ("亿元", "万元") and before.endswith("规模") and FUND_AFTER.match(after):
                continue  # "设立总规模不少于100亿元的…专项基金": the size of a fund set up, money, no level to reach
            if unit in ("%", "‰") and TAX_RULE_AFTER.match(after):
                continue  # "研发费用税前100%加计扣除": a tax rule's rate, no level to reach
            if unit in ("人", "户") and PLACES_QUALIFIED.match(after):
                continue  # "基本实现20人以上的自然村4G网络覆盖": which villages are meant, a condition
            if (
                not m.group("before")
                and re.search(r"(?<![达提])(?:约|大约)?占[^，,。；;达到]{1,16}的$", before)
                # "2026年底前实现即时结算资金占…的80%以上": a share to reach, its verb before it
                and not re.search(r"(?:实现|力争|确保|争取)[^，,。；;]{1,20}占[^，,。；;]{1,16}的$", before)
                # reader54: "接待旅游人次7300万,旅游总收入800亿元,…,增加值占GDP的12%": a share closing a list of goals
                # kept in its sentence is one of them
                and not (
                    in_sentence
                    and re.search(r"[，,、；;][^，,。；;约]{1,16}(?<!约)占[^，,。；;达到]{1,16}的$", before)
                    and re.match(r"(?:以上|左右)?(?:[，,。；;]|$)", sentence[m.end() :])
                )
            ):
                continue  # "草牧业…约占农牧民纯收入的50%以上": a share stated as what is, no level to reach
            if "试点" in sentence and (
                PILOT_NAMED.search(before)
                or (PILOT_WHERE.search(before) and re.match(r"[^，,；;。]*试点", after))
            ):
                continue  # "确定北京、…10个省…作为试点地区", "在10个省份开展试点": the pilots named, or where tried (conv22)
            if after.startswith("为基数") or re.match(r"[^，,、]{0,12}?(?<![人平])均", after):
                continue  # a basis of calculation; "6所妇幼保健院均达到": a count of what exists ("77.3岁的平均水平" is a level)
            if (
                value == 1
                and unit in ("所", "家", "个")
                and re.search(
                    r"(?:\d+(?:\.\d+)?%(?:以上)?的[^，,。；;]{1,12}(?:建设|建成|设置|设立))$",
                    before,
                )
            ):
                continue  # "90%以上的城乡社区建设1所…儿童之家": one in each of a share of places, a norm (the share the goal)
            if re.match(r"[，,](?:即|则)?可(?:与|以|向|在|申请|预约)", after):
                continue  # "预报名献血人数达20人,可与…预约上门采血": a threshold a service asks, no goal
            following = sentence[m.end() : m.end() + 1]
            if (
                following
                and following in "年岁月日项类"
                and unit
                not in ("类", "年")  # 年: a length in years already read as its unit (YEARS_OF_DURATION)
                # "20家年销售额过百亿元的…企业": a count of things whose yearly figure follows, no span of years
                and not (following == "年" and unit in ("家", "所", "名", "座", "户", "台", "套"))
                # (reader67) "等10个项目建成投产": projects counted, 项 opening the noun 项目, no unit 项
                and not (unit == "个" and sentence[m.end() : m.end() + 2] == "项目")
            ):
                continue
            if unit == "项" and re.match(r"(?:专项|重大|重点)?行动", after):
                continue  # "推动健康河南行动16项专项行动取得突破性进展": the plan's own actions counted, whatever the verb
            if unit == "公里" and re.search(r"(?:时速|速度)$", before):
                continue  # "时速120公里以上线路": a speed, which lines are meant, no length to build
            if unit == "种" and re.search(r"、[^，,。；;、]{1,20}等$", before):
                continue  # "…尿毒症透析、器官移植术后抗排异治疗等5种…病": the kinds just listed, counted
            if unit in ("位", "名") and re.search(r"[前第]\s*$", before):
                continue  # "稳居全省前3位": a rank, no count
            if unit == "条" and OWN_ARTICLES.match(after):
                continue  # "出台24条实施意见": the articles of a policy counted, no goal
            if unit == "项" and LIST_OWN_COUNT.match(after):
                continue  # "实施50项民生实事", "促进就业(3项)": the list's own items counted, no goal
            if unit == "项" and re.search(r"(?:民生工程|民生实事|实事项目)$", before):
                continue  # "实施民生工程32项": the programme's own projects counted after their name, no goal
            if re.search(r"涉及[^，,。；;\d]{0,6}$", before):
                continue  # "改造27个老旧小区,…涉及居民21122户": who or what the work touches, its scope, no goal
            if unit in ("项", "个") and re.search(r"(?:指标|任务|目标)中有?$", before):
                continue  # "纲要草案20个主要指标中有7个是民生福祉类": how many of a document's own items, no level
            if (
                unit not in ("%", "‰")  # "85%以上的建制村通沥青或水泥路": a share of places to reach, a goal
                and not m.group("before")
                and re.fullmatch(r"及?以[上下]", m.group("after") or "")
                and SIZE_CLASS.match(after)
            ):
                continue  # "城区常住人口500万以上的超大特大城市,要…": the size that names a class the clause is about
            if ELIMINATED.search(before) and re.fullmatch(r"及?以上", m.group("after") or ""):
                continue  # "全面消除56人及以上大班额": the size that names what is to be done away with, no level
            if (
                unit.endswith("元")
                and re.search(r"(?:投入|拨付|下达|筹集)$", before)
                and re.match(r"[，,]?用于", after)
            ):
                continue  # "今年中央财政拟投入423亿元，用于扶助和促进就业": money put into a work, no level to reach
            if unit == "个" and after.startswith("方面"):
                continue  # "从土壤、地下水、农业农村3个方面设置了…指标": the parts a document is laid out in, no level
            if RATE_AS_CONDITION.match(after):
                continue  # "6.5%左右的增速可以实现比较充分的就业": a growth named as what allows a result, no goal restated
            if unit in ("项", "个") and ITEM_COUNT.match(after):
                continue  # "提出了16项具体工作指标", "5个…可量化的具体指标": a count of a document's own items, not a level
            if before.endswith("每"):
                continue  # "每10万人口…医师数量不低于3.8名": the denominator of a rate, not a level to reach
            if (
                QUOTED_NAME.search(before)
                and QUOTE_CLOSES.match(after)
                and not m.group("before")
                and not year_match
            ):
                continue  # "打造…“15分钟健身圈”" in a sentence with no year of its own: a coined name, not a goal
            if unit == "项" and re.search(r"\d类$", before):
                continue  # "能够开展6类10项以上适宜技术": what each institution offers, a norm
            if (
                unit == "分钟"
                and "圈" not in sentence[m.end() : m.end() + 12]
                and word != "以内"
                and not after.startswith("内")  # "居民15分钟内能够达到最近的医疗点": a time within which
                and COMPARATORS.get(m.group("before") or "") not in ("le", "lt")
                and not (m.group("before") == "约" and LOWERED_TO.search(sentence[: m.start()]))
            ):
                continue
            if unit in ("个工作日", "工作日", "个自然日", "个月") and not (
                word == "以内" or COMPARATORS.get(word) == "le"
            ):
                continue  # a time limit to shorten ("压缩至5个工作日以内"), not a term ("实习时间一般为6个月")
            if (lost := list(LOST_VALUE_MARK.finditer(before))) and not re.search(
                r"\d{4}\s*年", before[lost[-1].end() :]
            ):
                continue  # reader62: "…;%,农村要达到88%": a copy lost the value and its year before; undated
            if unit == "个" and _counts_places_listed(before, value, after):
                continue  # reader62: "河北、山西…和陕西8个省在此基础上增加…": the places just named, counted
            if unit == "个月" and AGE_IN_MONTHS.match(after):
                continue  # reader62: "4~6个月以内婴儿的纯母乳喂养率": the age of whom a rate counts, as "5岁以下儿童"
            if PER_DAY_NORM.search(re.split(r"[，,；;。]", before)[-1]):
                continue  # (reader67, conv24) "孩子每天接触户外自然光不少于1小时": a norm kept each day, no level reached
            if unit == "小时" and COMPARATORS.get(m.group("before") or "") != "ge":
                continue  # a time to spend at least ("每天体育活动时间不低于2小时"), not a time limit ("24小时完成检测")
            if unit == "级" and not (word or "水平" in sentence[m.end() : m.end() + 3]):
                continue
            if unit == "级" and LEVEL_QUALIFIES.match(after):
                continue  # "达到3级及以上标准的企业占比60%以上", "培育达到3级以上标准的企业600家": which ones count, no goal
            if unit == "岁" and not LIFE_EXPECTANCY.search(before + (m.group("before") or "")):
                continue  # life expectancy (or its rise) is a target; "65岁以上老年人" is not
            if any(start <= m.start() < end for start, end in looking_back):
                continue  # "截至2015年…达到76岁", "从1.38人增长到2.61人": a figure reached, no goal
            if BASELINE.search(before) or ALREADY.search(before):
                continue  # "由10.7‰下降到…": the value a change starts from; "已达到…": reached
            if EXCESS_OVER_LEVEL.search(before) and (m.group("before") or "").strip() in (
                "超过",
                "高于",
                "超出",
                "高出",
            ):
                continue  # "比原定2027年3856亿斤的水平超过133亿斤": the excess over a level named, a difference (reader60)
            if re.search(r"(?:相差|相距|差距(?:为|是)?)\s*$", before):
                continue  # "目前健康期望寿命与人均期望寿命相差10岁左右": the gap between two figures, no level to reach
            if POPULATION_FORECAST.search(before):
                continue  # "预计到2020年,…老年人口将达到539万人,占全省人口总数的14.4%": the population expected, no goal
            if (bracket := BRACKETED_BASE.search(before)) and (
                not (bracket.group(1) or bracket.group(2)) or int(bracket.group(1) or bracket.group(2)) < year
            ):
                continue  # "达到30%（2020年为23.15%）", "（基线值23%）": the baseline in brackets, no goal
            if unit not in ("%", "‰") and (QUALIFIER.match(after) or CLASS_THRESHOLD.match(after)):
                continue  # "设置100张以上床位的护理院达到5家": what the counted ones have, the count is the goal
            if (
                re.search(r"“[^“”]{0,3}$", before)
                and re.match(r"[^“”，,。]{0,8}”", after)
                and not FUTURE_MARK.search(before)
            ):
                continue  # "积极建设“10分钟健身圈”,到2025年,…": a quoted name before the year to come (after it, it is dated)
            if after.startswith("的标准"):
                continue  # "人均用地不少于0.1平方米的标准规划配建…": a planning norm, not a level to reach
            if PAID_PER_HEAD.match(unit) and (PAID_BEFORE.search(before) or PAID_AFTER.match(after)):
                continue  # "按1500元/人标准发放…补贴", "可获10000元/人资助": a payment's rate or a subsidy, no level to reach
            if unit == "天" and not m.group("before") and re.match(r"内[^，,。；;]{0,20}?(?:率|比例)", after):
                continue  # "感染者30天内接受抗病毒治疗比例保持在90%以上": the time within which a rate is counted
            if m.group("low"):
                word = "以上"
            if (
                not word
                and re.search(r"分别[^，,。；;]*$", before)
                and (closing := LIST_CLOSED_BY.match(after))
            ):
                # "分别增长4.5%、5.5%左右": the word closing the list of values governs each
                word = closing.group(1)
            comparator = COMPARATORS.get(word, "ge")
            if not word and re.search(r"控制目标(?:为|是).*为$", before):
                comparator = "le"  # "吸烟率控制目标为…男性为40%,女性为4%": a ceiling
            if unit == "分钟" and comparator not in ("about", "lt"):
                comparator = (
                    "le"  # a time limit; "控制在15分钟左右", "降至约30分钟" stay about, "低于30分钟" lt
                )
            previous = (m, word, not unit)
            # "马铃薯种植、收获机械化率均达到45%": one value for each of the listed rates
            listed = LISTED_EACH.search(before)
            # "心脏病、脑血管疾病、恶性肿瘤的年龄别死亡率分别降低10%": 分别 and a change by one value (no list of values
            # after it) cut or raise each listed indicator by that value, as 均 does ("…比例、…比例分别达到100", a level,
            # stays one: heldout_x)
            if not listed and not re.match(r"\s*(?:[、和及与]|以及)\s*\d", after):
                listed = LISTED_CHANGED.search(before) or LISTED_ALL_CHANGED.search(before)
            # "健康机关、健康社区、健康学校、健康医院建设率达到50%": three or more kinds listed before the one rate they share
            # (no 均) reach the level each; two ("脊灰疫苗、麻风腮疫苗接种率达95%", the seeds') stay one target
            if (
                not listed
                and unit == "%"
                and m.group("before") in ("达到", "达", "提高到", "不低于")
                and not re.match(r"\s*(?:[、和及与]|以及)\s*\d", after)
            ):
                listed = re.search(
                    r"(?:^|[，,；;：:])((?:[^，,、；;：:（）()\d\s]{2,8}、){2,})[^，,、；;：:（）()\d]{2,14}?率$",
                    before,
                )
                if listed and "的" in before[listed.end(1) :]:
                    # (reader67, conv24) "妊娠妇女乙肝、梅毒、艾滋病的检测率达90%": the list joined to its one rate by 的,
                    # one rate over the items (as "高血压、糖尿病患者规范管理率"), one target
                    listed = None
            if listed and _shared_noun_modifiers(listed.group(1), before[listed.end(1) :]):
                listed = (
                    None  # reader62: "视力、听力、智力残疾儿童…入学率达到90%": kinds of one group, one rate
                )
            # "…知晓率和综合干预措施覆盖比例、…知晓率均达95%以上": a rate joined to the next by 和/及/与 is listed too
            joined = len(re.findall(r"(?:率|比例)(?:和|及|与)(?=[^、]{2})", listed.group(1))) if listed else 0
            # "3岁以下儿童系统管理率和7岁以下儿童健康管理率保持在90%以上": two rates joined by 和 before one value, one each
            # (so with 均 after them: "孕前风险评估率和孕前优生检测率均达到80%以上"); a rate per thousand or per 10万 too
            # ("婴儿死亡率和5岁以下儿童死亡率均降至4.5‰"), the goal's year between them and the verb ("…率到2030年均达到")
            if (
                not listed
                and (unit in ("%", "‰") or JOINED_RATE_UNIT.match(unit or ""))
                and re.search(
                    r"(?:^|[，,])[^，,、]{2,24}?率(?:和|及|与)[^，,、]{2,40}?率"
                    + LIST_YEAR
                    + r"(?:保持在|达到|均达到|均达|均|都)$",
                    before,
                )
            ):
                joined = 1
            if not listed and not joined and unit in ("%", "‰") and TWO_RATES_LISTED.search(before):
                joined = (
                    1  # reader62: "发证率、登记率不少于60%": two rates, each named whole, one floor: one each
                )
            if (
                not listed
                and not joined
                and not re.match(r"\s*(?:[、和及与]|以及)\s*\d", after)
                and (EACH_OF_TWO.search(before) or TWO_KINDS_EACH.search(before))
            ):
                joined = 1  # "城镇新增就业和转移农业劳动力各4500万人": two quantities, one value each
            dated_before = [y for end, y in dates if end <= m.start()]
            target = {
                "text": sentence[:200],
                "value": value,
                "unit": re.sub(r"\s", "", unit),
                "year": dated_before[-1] if len({y for _e, y in dates}) > 1 and dated_before else year,
                "comparator": comparator,
            }
            # one for the rate named last, one more (a copy: years are paired later) for each listed before it
            if not listed and not joined and (named := LISTED_IN_CLAUSE_BEFORE.search(before)):
                # "分别纳入A、B和C覆盖范围，三年内参保率均提高到90%以上": 均 after the list the clause before names, one each
                joined = named.group(1).count("、") + 1
            copies = 1 + (listed.group(1).count("、") if listed else 0) + joined
            if (
                copies == 1
                and in_sentence
                and LIST_GAP.fullmatch(sentence[in_sentence[-1][0].end() : m.start()])
            ):
                # "…科室、康复科室的比例均分别达到90%、100%": a value listed after one counted for each indicator is too
                copies = sum(1 for k, _t in in_sentence if k is in_sentence[-1][0])
            in_sentence += [(m, dict(target)) for _ in range(copies)]
        _pair_years(sentence, in_sentence, list_years)
        kept.update((index, start) for m, _t in in_sentence for start in range(m.start(), m.end()))
        # "某市…规划（2021—2025年）…到2020年底,全市…达到25%": a level dated before the plan's own period was reached
        found += [
            target for _m, target in in_sentence if not (period_start and target["year"] < period_start)
        ]
        last_goal_year = year if in_sentence else None
        if YEAR_LIST.search(sentence):
            list_years = sentence
    # a yearly task text's tasks beside what was done: those its sentences did not give as goals already
    found += [target for index, start, target in year_tasks if (index, start) not in kept]
    if ROUND_COUNT.search(text):
        # the clause as the document words it ("建成百个…"), not as the rules read it ("建成100个…")
        written = re.sub(r"\s", "", normalise(text))
        for target in found:
            spoken, last = "", 0
            for m in ROUND_READ.finditer(target["text"]):
                spoken += target["text"][last : m.start()]
                word = ROUND_WORDS[m.group(1)]
                spoken += word if spoken + word in written else m.group(1)
                last = m.end()
            target["text"] = spoken + target["text"][last:]
    return found + _performance_form_targets(text)


# a performance goal form ("项目支出绩效目标申报表", "(2021年度)"): under its header naming the 指标值 column, each row whose
# last cell is a value ("…现症病人 32人", "…知晓率显著提升 100%", "资金拨付到位情况 12月底前100%到位") sets a goal of the form's year
PERFORMANCE_FORM = re.compile(r"绩效目标(?:申报|批复)?表")
FORM_YEAR = re.compile(r"[（(]\s*(20\d{2})\s*年度?\s*[)）]|(20\d{2})\s*年度")
FORM_VALUE = re.compile(
    r"(?:\d{1,2}月(?:底|末)前)?(?P<value>\d+(?:\.\d+)?)(?P<unit>%|人次|人|个|家|所|场|次|份|户|名)(?:以上)?(?:到位)?"
)


def _performance_form_targets(text: str) -> list[dict]:
    head = text[:800]
    if not (form := PERFORMANCE_FORM.search(head)) or not (year := FORM_YEAR.search(head[form.start() :])):
        return []
    found, in_rows = [], False
    for line in text.splitlines():
        cells = line.split()
        if not in_rows:
            in_rows = any(cell.startswith("指标值") for cell in cells)
            continue
        if len(cells) >= 2 and (value := FORM_VALUE.fullmatch(cells[-1])):
            found.append(
                {
                    "text": line.strip()[:200],
                    "value": float(value.group("value")),
                    "unit": value.group("unit"),
                    "year": int(year.group(1) or year.group(2)),
                    "comparator": "ge",
                }
            )
    return found


# the year's task written beside what was done, in a yearly task text (民生实事, a progress note, a completion notice):
# "全年筛查任务(6.6万人)", "省定目标任务(60%)", "目标人群为500人", "目标数2300人", "目标任务为1350人", "任务数192.6万元", "超出40%的
# 目标要求": the amount committed for the text's year (a floor); "完成全年任务数71%", "完成…任务的103%" are results
YEAR_TASK = re.compile(
    r"(?<!完成)(?<!完成全年)(?:任务|目标人数|目标人群|目标数|任务数)(?:为|是)?\s*(?P<open>[（(])?\s*"
    r"(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>万人|万对|万元|%|人|例|名|家|个|所)(?(open)\s*[）)]|(?![\d.]))"
    r"|(?P<value2>\d+(?:\.\d+)?)\s*(?P<unit2>%|万人|人|例)的目标(?:要求|任务)"
    # the people a yearly task screens or examines: "完成全省1160万中小学生脊柱侧弯筛查", "对全省20万名…妇女进行‘两癌’免费检查"
    # ("已为全省30.5万对…提供…检查" is done)
    r"|(?<!已)(?:对|为|完成)(?:全省|全市|全县|全区)?(?P<value3>\d+(?:\.\d+)?)(?P<unit3>万名|万人|万对|万)"
    r"[^，,。；;]{0,30}?(?:筛查|检查)"
    # a share of the year's task a place takes on: "兰州市承担20000名妇女“两癌”检查任务"
    r"|承担(?P<value4>\d+(?:\.\d+)?)(?P<unit4>万名|万人|名|人|例)[^，,。；;]{0,30}?任务"
)
# a task reported done right after it: "为2万名妇女进行“两癌”免费检查 圆满完成该项…任务"
DONE_AFTER = re.compile(r"[^，,。；;]{0,30}?(?:圆满|全面|超额|提前)完成")
# what a study found: "据…研究报告显示,…", "调查显示"
FINDING = re.compile(r"(?:研究|调查|监测)(?:报告|结果|数据)?(?:显示|表明|发现)")
# "马铃薯种植、收获机械化率均达到45%", "…、…死亡率分别降低10%": the indicators listed before one value (the list opens
# at its first 、 so that a long line with no comma is read once, not tried at each 、)
LISTED_EACH = re.compile(
    r"(?:^|[，,])([^，,、]*、[^，,]*?)(?<!人)(?:均|都)(?:分别)?(?:达到|达|不低于|保持在)?$"
)
# the rest of a list of values after 分别 and the word closing it ("、5.5%左右", "和8‰以内")
LIST_CLOSED_BY = re.compile(
    r"(?:\s*(?:[、和及与]|以及)\s*\d+(?:\.\d+)?\s*[%‰]?)+\s*(左右|以内|之内|以下|及以下)"
)
# two quantities joined by 和/与/及 sharing one value: "…就业和转移农业劳动力各4500万人", "各达到4000万人", "化学需氧量和氨氮
# 排放都要减少2%", "城镇居民…收入和农村居民…收入分别年均增长5%" (分别 and one change: each by it)
EACH_OF_TWO = re.compile(
    r"(?:^|[，,；;：:])[^，,、；;：:]{2,30}?(?:和|与|及)[^，,、；;：:]{2,30}?"
    r"(?:各(?:达到|达|为)?|都要?(?:减少|降低|下降|增长|提高|达到)|分别(?:年均|平均每年)?(?:增长|提高|下降|降低|减少))\s*$"
)
# (lead27) two kinds a 、 joins sharing one count ("新增国家单项冠军企业、省“雄鹰”企业各1家"): one each, as with 和; places listed
# before 各 ("安定区、陇西县各50个") are a floor per place, read once (their truths' convention), so an item ending in a
# division's kind is no kind here
TWO_KINDS_EACH = re.compile(
    r"(?:^|[，,；;：:])[^，,、；;：:和与及]{2,30}?(?<![区县市镇乡村旗州盟])、[^，,、；;：:和与及]{2,30}?(?<![区县市镇乡村旗州盟])各(?:达到|达|为)?\s*$"
)
LISTED_CHANGED = re.compile(r"(?:^|[，,])([^，,、]*、[^，,]*?)分别(?:降低|下降|减少|提高|增长|增加)$")
# a list in the clause before (its items joined by 、 and a last 和/及), then a clause whose rate 均 reaches one value
LISTED_IN_CLAUSE_BEFORE = re.compile(
    r"(?:^|[，,；;：:])[^，,；;：:、]*?((?:[^，,；;：:、\d]{2,20}、)+[^，,；;：:、\d]{2,20}?(?:和|及|以及)[^，,；;：:、\d]{2,24})"
    r"[，,][^，,；;：:、\d]{0,14}?(?:率|比例)均$"
)
# "二氧化硫、化学需氧量排放量都要减少2%", "…均要下降5%": 都/均 and a change by one value cut or raise each listed one
LISTED_ALL_CHANGED = re.compile(
    r"(?:^|[，,])([^，,、]*、[^，,]*?)(?<!人)(?:均|都)(?:要|将|应)?(?:降低|下降|减少|提高|增长|增加)$"
)
# "今年,全国将重点建设…", "今年要…达到": a goal for the year of the text (计划生育 is family planning, no plan)
# what a text aims at for a part of its year or the whole ("力争三季度全县GDP增长10.8%以上", "力争实现全年17家…"): the year
# it was written in (its first), as 今年
THIS_TERM_GOAL = re.compile(r"(?:力争|确保|争取)(?:实现)?(?:[一二三四]季度|全年)")
THIS_YEAR_GOAL = re.compile(
    r"今年(?:底|内|年底)?(?:前)?[，,]?[^。；，,]{0,20}?(?:将|要|力争|确保|计划(?!生育)|拟)"
)
# the year a yearly task text is for: the first year it writes ("2022年省定民生实事", "现将2020年我局承办的…"), else the
# day it was published ("2022-10-10")
FIRST_YEAR = re.compile(r"(?<!\d)(20\d{2})\s*(?:年|-\d{1,2}-\d{1,2})")
# (reader69) a day written in full where the text first writes a year (a page's date), and a sentence opened by this year
# ("今年底前,", "今年,")
PAGE_DAY = re.compile(r"20\d{2}\s*(?:-\d{1,2}-\d{1,2}|年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")
THIS_YEAR_OPENING = re.compile(r"今年(?:年?底前|底|内)?[，,]")


# a list of the year's tasks ("现将2020年我局承办的重点民生实事项目目标任务分解情况予以公示"), not a report of them done
# ("…完成情况予以公示", "…民生实事进度")
TASK_LIST = re.compile(r"民生实事[^。；\n]{0,12}?(?:目标任务|任务清单|任务分解)")
TASK_LIST_REPORT = re.compile(r"完成情况|进度|进展|已完成|圆满完成|超额完成")
# a count closing a numbered item of such a list ("3、孕产妇免费产前筛查5000人", "…全覆盖(17个乡镇34名)")
ITEM_COUNT_CLOSES = re.compile(
    r"^(?:\d{1,2}[、.．]|[（(]\d{1,2}[）)])\D.*?(?<![\d.])(?P<value>\d+(?:\.\d+)?)(?P<unit>人|名|家|所|个|例)[）)]?[；;。]?$"
)


def _year_tasks(sentence: str, text_year: int | None, task_list: bool = False) -> list[tuple[int, dict]]:
    """(where its value starts, target) for each task of the year a sentence writes beside what was done, and the
    count closing each numbered item of a list of the year's tasks; `text_year` is the document's year (its years to
    come), else the first year it writes."""
    if not task_list and not any(word in sentence for word in ("任务", "目标", "筛查", "检查")):
        return []  # no task named, no one screened: the common sentence, left at once
    found = []
    item = ITEM_COUNT_CLOSES.match(sentence) if task_list and text_year else None
    for m in [*YEAR_TASK.finditer(sentence), *([item] if item else [])]:
        if re.search(r"已|累计|以来", re.split(r"[，,]", sentence[: m.start()])[-1]):
            continue  # "自2010年以来,我省已累计为190万群众进行…检查": done, not a task
        # the sentence's own year, not a base it compares with ("较2020年", "在2020年基础上")
        own = re.search(
            r"(?<![\d较比])(20\d{2})\s*年(?!\d{1,2}月\d)(?!(?:底|末)?的?基础)", sentence[: m.start()]
        )
        year = int(own.group(1)) if own else text_year
        if year is None or not 2000 < year < 2100:
            continue
        if DONE_AFTER.match(sentence, m.end()):
            continue  # "…检查 圆满完成该项省列为民实事任务": done, not a task
        value_group = next(g for g in ("value", "value2", "value3", "value4") if m.groupdict().get(g))
        found.append(
            (
                m.start(value_group),
                {
                    "text": sentence[:200],
                    "value": float(m.group(value_group)),
                    "unit": m.group("unit")
                    or m.groupdict().get("unit2")
                    or m.groupdict().get("unit3")
                    or m.groupdict().get("unit4"),
                    "year": year,
                    "comparator": "ge",
                },
            )
        )
    return found


def _clauses(body: str):
    """The sentences of a text and their stops (。；and line ends). A copy's ASCII ";" between two clauses each opened by
    its own year ends a clause as "；" does ("2025年,…达到79.2岁;到2027年,…达到80岁"); elsewhere the clauses it joins
    share their sentence's subject and year ("到2020年…寿命…增长到74岁;到2030年,进一步增长到76岁")."""
    for sentence in re.split(r"([。；\n])", body):
        if ";" in sentence and CLAUSE_OPENING_YEAR.match(sentence.strip()):
            yield from re.split(r"(;)(?=\s*(?:到|至)?\d{4}\s*年[，,])", sentence)
        else:
            yield sentence


CLAUSE_OPENING_YEAR = re.compile(r"(?:到|至)?\d{4}\s*年(?:底|末)?[，,]")


def _not_chinese(sentence: str) -> bool:
    """A line with no Chinese word, or more Latin letters than Chinese characters: the page's chrome (map coordinates,
    links) or an English abstract, no sentence of the Chinese document."""
    chinese = len(re.findall(r"[\u4e00-\u9fff]", sentence))
    return chinese == 0 or len(re.findall(r"[A-Za-z]", sentence)) > chinese


# life expectancy and its rise: "人均预期寿命达到77岁", "人均期望寿命", "人均寿命将达77.3岁", "寿命在2015年基础上提高1.3岁以上
# (即77.3岁)", "寿命…增加4岁,达到77岁" (the clause after a comma goes on with the same rate)
LIFE_EXPECTANCY = re.compile(
    r"(?:预期|期望)?寿命[^，,；;。]{0,20}$|寿命[^，,；;。]{0,24}[，,](?:并|将)?(?:达到|达|增至|增加到|提高到|提高至|提升至|增长到|增长至)$"
    # "寿命从2015年的73.25岁增长到74岁;到2030年,进一步增长到76岁": the rate goes on in a clause of a later year
    r"|寿命[^，,；;。]{0,30}[；;](?:到|至)?\d{4}年[，,]?(?:将|并|进一步)?(?:达到|达|增至|增长到|增加到|提高到)$"
)
# a year opening what a headline states, its value right after the indicator's name: "…:2030年人均寿命80岁"
# ("2018年中国人均预期寿命为77.0岁" states a level: 为/是)
HEADLINE_YEAR = re.compile(r"(?:^|[\s:：])(\d{4})年(?![底末前内起])[^，,。；;\d为是]{2,12}?\d")
# a goal reached ("主要目标提前实现", "如期完成"): what the paragraph goes on to report are figures reached
PROGRESS_WORDS = (
    r"提前(?:实现|完成|达到|达成)|(?:如期|圆满|顺利)(?:实现|完成|达到|达成)"
    # "“十四五”时期,主要健康指标达到预期目标": the period's goals reached, a review
    r"|(?:实现|完成|达到|达成)了?(?:预期|既定|规划)目标"
)
# "N年来" (4年来, 近10年来, 多年来): what the years before brought
YEARS_SINCE = r"[近多\d一二三四五六七八九十几两]{1,3}年来"
# a paragraph opening with it reports what they brought ("报告指出,4年来,…")
# "2018年,全国…总体近视率为53.6%": a year's figure stated with 为/是 (after the page's "…6亿!" too)
YEAR_STATED = re.compile(r"(?:^|[!！?？])(\d{4})年(?:底|末)?[，,][^，,。；;\d]{0,30}?(?:为|是)\d")
PAST_MARK_MORE = re.compile(YEARS_SINCE + r"|(?:降幅|增幅|涨幅)达")
# "在2024年下降到23.2%" ("在2015年基础上" is a baseline, read elsewhere)
PAST_YEAR_IN = re.compile(r"在(\d{4})\s*年(?!(?:底|末)?的?基础)[^，,。；;]*")
# "过去的一年,我们新建…", "去年,全市…": the year before the text's, reported
YEARS_SINCE_OPENING = re.compile(
    r"(?:^|[，,：:])(?:" + YEARS_SINCE + r"|过去(?:的)?(?:一|1)年(?:里|中|来)?|去年(?:以来)?)[，,]"
)
# a sentence opened by a five-year period "以来" ("“十三五”以来,山西就业规模稳步增长,…。就业结构持续优化,…达到118.5万人"):
# its paragraph reports what the period brought, as "N年来" does
# a paragraph opened by the angle a review takes ("从就业质量看,", "从结构上来看,")
REVIEW_ANGLE_OPENING = re.compile(r"从[^，,。；;\d]{1,8}(?:来)?看[，,]")
PERIOD_SINCE_OPENING = re.compile(r"[“\"]?十[一二三四五]五[”\"]?(?:时期|期间)?以来[，,]")
# "…为全面建成小康社会奠定了健康基础", "打下了坚实基础": the figures before it are results reached (a foundation to lay,
# "为2030年…奠定坚实基础", has no 了)
FOUNDATION_LAID = re.compile(r"(?:奠定|打下|夯实)了[^。；;，,]{0,16}基础")
# "…取得了明显的阶段性成果:": a list of results follows
RESULTS_INTRO = re.compile(r"(?:取得|实现)了?[^。；，,:：]{0,12}(?:成果|成效|成绩|成就|进展)[:：]$")
# the items of a list of results: "一是…", "（二）…", "3.…", "④…"
RESULT_ITEM = re.compile(
    r"(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、](?!\d)|[①-⑳])"
)
# a change between two years' levels: "从2012年的27420例下降至2021年15407例", "从2015年的27.7%下降到2024年的23.2%"
CHANGE_RECORD = re.compile(
    r"(?:从|由)\d{4}\s*年(?:底|末)?的[^，,。；;\n]{0,24}?(?:到|至)\s*\d{4}\s*年(?:底|末)?的?[^，,。；;\n]{0,12}"
)
# the day a page or a document was issued: "2025年9月28日"
# the day a page was published, as its site writes it ("发布时间:2025-03-18 08:44:00", "发布日期: 2025- 05- 20")
PUBLISHED = re.compile(r"(?:发布|发文|成文)(?:时间|日期)\s*[:：]\s*(20\d{2})\s*-")
ISSUED = re.compile(r"(?<!\d)(\d{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
# "中国已实现消除碘缺乏病的目标" reports a goal reached too (PAST_MARK reads "已实现" already)
PROGRESS = re.compile(PROGRESS_WORDS + r"|已(?:经)?(?:实现|完成|达到)[^。；，,]{0,12}目标")
# "2012年至2021年,广西的人均预期寿命从75.11岁增至78.06岁": a change recorded over a period named by its two years
PERIOD_CHANGE = (
    r"(?<!\d)\d{4}\s*年\s*(?:至|到|—|-)\s*\d{4}\s*年[，,](?=[^。；;]*?(?:从|由)[^。；;]*?"
    r"(?:增至|增加到|提高到|提升到|增长到|下降到|降至|降到|上升到))"
)
# a figure already reached: from a "截至/截止YYYY年", a past period "从2015—2019年", "提高了", "已达到" on, until a year
# to come ("到2020年") in the same sentence
PAST_MARK = re.compile(
    r"(?:截至|截止(?:到)?)\d{4}年(?![，,]?[^，,。；;]{0,12}预计)|(?:从|自)\d{4}\s*[—–-]+\s*\d{4}年"
    r"|(?:提高|增长|增加|下降|降低|减少|缩短|上升)了|已(?:经)?(?:达到|达|超过|实现|提高到|增长到|下降到|降至|降到)"
    # "已建成60个", "截至目前,…累计建成", "今年以来,…新增床位2000张", "上半年,…降至2.1‰", "据统计,…": the present reached
    r"|已(?:经)?(?:建成|建立|完成|创建|设立|覆盖|开展|培训|新增|新建|组建|获批)"
    # "已建成保障性住房与商品住房套数的比率达到35%": what was built names a rate to reach, no result reported
    r"(?![^，,。；;\d]{0,24}的(?:比率|比例|比重|占比))|(?:截至|截止)(?:目前|当前|今年|\d{1,2}月)"
    r"|(?:今年|年初)以来|上半年|前[一二三]季度|据统计|统计显示"
    r"|"
    + PROGRESS_WORDS
    # "近年来，…由10%提升到23%", "“十三五”以来": what the years before the plan brought
    + r"|近(?:几|五|十)?年来|(?:\d{4}\s*年|[“\"]?十[一二三四]五[”\"]?)以来|过去[一二三四五六七八九十几]{0,2}年"
    # "回顾“十三五”时期，…", "去年…期望寿命83.63岁", "入托率仅为6%", "比例高达75%": the present or the past stated
    + r"|回顾|去年|(?:高|仅)达|仅为|仅有|数据显示"
    # "至十三五末,…达到了80.6岁", "实现了…": a verb with 了 reports what was reached; "根据…统计公报,2019年…": a statistic cited
    + r"|(?:达到|实现|完成|建成|提升到|提高到|增至|增长到|增加到|下降到|降至|降到|降低到|上升到)了|统计公报"
    # "2012年至2021年,…从75.11岁增至78.06岁": a change over a period both of whose years are named is a record
    + r"|"
    + PERIOD_CHANGE
)
# ("提升到2020年的23%" after 近年来 is a level reached by then, not a year to come)
# a sentence opened by a year, maybe after who says it: "2025年,我区…", "据了解,2025年,…", "会上通报,2024年全市…"
PAST_YEAR_OPENING = re.compile(
    r"(?:[^，,。；;\d]{1,8}[，,])?(\d{4})\s*年(?:底|末|度|以来)?(?:[，,]|(?=(?:全|我)(?:市|省|区|县|州|旗|国)))"
)
# "会议总结了2025年工作", "回顾2025年,…": what the paragraph goes on to report is that year's
PAST_YEAR_REVIEWED = re.compile(r"(?:总结|回顾)(?:了)?[^，,。；;\d]{0,6}(\d{4})\s*年")
FUTURE_MARK = re.compile(r"(?<!截)(?<!截止)(?<!\d年)(?:到|至)\s*\d{4}\s*年(?!的)|\d{4}\s*年(?:底|末)?前")
# the value a change starts from: "由10.7‰下降到4.54‰", "从1.38人增长到2.61人"
# "比2020年的23%提高7个百分点": the level a comparison starts from ("较2015年下降20%" is the cut, kept)
BASELINE = re.compile(
    r"(?:由|从)(?:\d{4}\s*年(?:底|末)?的?)?[^，,；。由从\d]{0,3}$|(?:比|较)\d{4}\s*年(?:底|末)?的$"
    # "较目前的76.34岁继续增长": the present level a rise starts from
    r"|(?:比|较)(?:目前|现在|当前|现有)(?:水平)?的?$"
)
# a baseline in brackets after the goal: "（2020年为23.15%）", "(基线值:23%)"; reader58: a year and a colon alone
# too ("≥95%(2022:90%)", "(2022 :90%)": last year's value beside an indicator's floor)
BRACKETED_BASE = re.compile(
    r"[（(](?:(\d{4})\s*年(?:底|末)?(?:为|是|[:：])?|(\d{4})\s*[:：]|(?:基线|基期|现状)值?(?:为|是|[:：])?)"
    r"[^（）()，,；。]{0,12}$"
)
# a sentence granting money: "给予最高3万元的一次性奖励", "按…的30%、最高800万元的标准给予补助"
GRANT = re.compile(
    r"(?:给予|予以)[^。；;]{0,40}?(?:奖励|补助|补贴|资助|奖补|贴息|扶持|启动资金|入股支持|资金支持|减免|补偿|抵扣"
    # (reader66) "给予展位费最高80%…支持", "按…增量的2%给予激励资金": a share paid as support or an incentive
    r"|支持|激励资金)"
    r"|(?:奖励|补贴|补助|资助)(?:最高|不超过)?\d"  # "单场活动最高补贴10万元", "…的奖励5万元"
    # a support applied for ("可申请1万元的一次性创业资助", "可申领…赋能券", "可同时申请…贷款贴息"), a share paid ("按实缴保费
    # 最高50%补贴", "20%的研发补贴"), a discount enjoyed ("可享受三年租金优惠")
    r"|申(?:请|领)[^。；;]{0,30}?(?:奖励|补助|补贴|资助|贴息|抵扣|券)"
    r"|\d\s*%\s*的?[^，,。；;\d]{0,4}?(?:补贴|资助|贴息)"
    r"|享受[^。；;]{0,12}?优惠"
)
# the words of a payment in the clause around a value ("单个项目最高支持1000万元", "依次给予5000元、1万元创业补贴",
# "C类减免70%", "3年内50平方米面积的租金减免"), and the verbs of a level to reach that keep it a goal
PAYMENT_WORDS = re.compile(
    r"给予|予以|最高|不超过|不高于|总额|减免|补贴|奖励|补助|资助|扶持|贴息|启动资金|补偿|抵扣|额度|租金|优惠"
    r"|奖补|激励资金"  # (reader66) "分别奖补300万元、200万元"
)
LEVEL_VERBS = re.compile(r"提高到|提高至|提升到|提升至|达到|增加到|增至|建成|培育|打造")


MONEY_OR_SHARE = ("元", "万元", "亿元", "万美元", "%")
# money paid out, named right before its amount: "发放…劳务报酬20亿元以上", "发放补贴资金3亿元"
PAID_AMOUNT = re.compile(r"(?:报酬|工资|薪酬|补贴|补助|奖补|奖金|救助金|补偿金|抚恤金|津贴)(?:资金)?$")
# a plan's own spending, the amount right after ("全年计划投资8.6亿元"; not the economy's "固定资产投资完成194亿元")
PLANNED_SPENDING = re.compile(r"(?:计划|拟|总)投资(?:约|达)?$")
# a debt the amount is of ("7.89亿元政府隐性债务化解目标")
DEBT_AFTER = re.compile(r"[^，,。；;\d]{0,6}债务")
# things a clause opened by 把 counts and says were dealt with (了): "把…明确支持济南建设的66个…项目进行了细化安排"
HANDLED_OPENING = re.compile(r"把[^，,。；;]*$")
HANDLED_DONE = re.compile(r"[^，,。；;]*?(?:进行了|作了|做了)")
# a sentence breaking down the goal before it: "其中：图书5万种、90亿册", "其中农村25万张"
BREAKDOWN_OPENING = re.compile(r"其中[:：，,]?\s*[^，,。；;\d]{1,12}\d")
# a rate of change per year in other words than 年均 ("平均每年增长4%", "每年递增3.5%", "人口自然增长率平均每年控制在12‰左右"):
# the plan's growth rate, read as "年均增长" is (a yearly count, "每年培训50名", stays a pace)
YEARLY_RATE = re.compile(r"(?:平均)?每年(?:平均)?(?:增长|递增|提高|上升|下降|降低|减少|递减)$")
# a yearly pace opening a clause earlier in the sentence ("…，每年遴选20个…，培育100个…"): the counts after it are each
# year's, unless the sentence turns to a level or a year to reach ("每年新增…，到2025年累计达到…")
# ("试点…实施年度为2016年-2018年。期间每年10月底前,…确定50个以上…": the period's years, each)
YEARLY_OPENING = re.compile(r"(?:^|[，,：:])(?:期间|其间)?每年")
LEVEL_AFTER_PACE = re.compile(r"(?:到|至)\s*\d{4}\s*年|累计|总(?:数|量|规模)|达到|[。；;]")
# a later clause of its own, no 每年 in it, that names the whole area or a thing built: the pace ended at its clause
# ("每年选派100名医师下沉基层，全市建成县域医共体10个": the 10个 is the sentence's goal)
PACE_ENDED = re.compile(r"(?![^，,。；;]*每年)\s*(?:全(?:市|省|县|区|国|州|盟)|[^，,。；;]*?建成)")
# a clause opened by 针对 names what a measure aims at ("针对…的2034种…商品，以…为重点，加大…")
SCOPE_OPENING = re.compile(r"(?:^|[，,：:；;])针对[^，,。；;]*$")
# the same clause goes on to build or reach something: its count is the goal ("针对农村留守儿童建设儿童之家200个")
SCOPE_ACTION = re.compile(
    r"针对[^，,。；;]+?(?:建设|建成|新建|设立|设置|培育|打造|实现|达到|提高到|提升到|完成|覆盖)"
)
FUND_AFTER = re.compile(r"的[^，,。；;]{0,24}?基金")
TAX_RULE_AFTER = re.compile(r"(?:的)?(?:加计扣除|税前扣除|抵扣|减征|减免)")
# a size that says which ones are meant, the group a share is counted of or an obligation falls on ("年增长超过50度的学生比例",
# "超过1000人规模的学校必须配备")
GROUP_QUALIFIED = re.compile(r"(?:及以上|以上|以下)?(?:规模)?的[^，,。；;\d]{1,8}?(?:比例|占比|必须|应当|须)")
# "20人以上的自然村", "50户以上的社区": a size that says which places are meant
PLACES_QUALIFIED = re.compile(r"的[^，,。；;\d]{0,4}(?:村|社区|小区|乡镇|街道)")


# an amount per head ("给予每人1万元救助", "每户每年2000元"): a payment's standard (raised to a level it is a goal:
# STANDARD_RAISED)
PER_HEAD_AMOUNT = re.compile(r"每(?:人|户|生|名|位|例)(?:每(?:年|月|天|次))?$")
# a subsidy's condition: "十二是对农产品网络销售额2万元以上且快递单量达1000单以上的经营主体进行补助"
# the levels that qualify for a reward, a list closed by 的 and the reward ("年销售收入首次达到2000万元、5000万元、1亿元的，分别
# 给予…"): who is paid, no level the plan commits to reach
GRANTING = r"(?:给予|予以|奖励|补助|补贴|资助|扶持)"  # the words that pay a reward or a subsidy


def _granted_on(condition: str, reach: int, grant: str) -> re.Pattern:
    """A condition closed by "的，" and a grant within reach characters after it (REWARD_THRESHOLDS, CONDITION_GRANTED:
    one shape): the value in the condition says who is paid, no goal."""
    return re.compile(condition + rf"的[，,][^。；;]{{0,{reach}}}?" + grant)


REWARD_THRESHOLDS = _granted_on(
    r"(?:及以上|以上)?(?:[、和或]\s*\d+(?:\.\d+)?\s*[^\d\s，,。；;、的]{0,4}?(?:及以上|以上)?){0,8}(?:[（(]含[)）])?",
    30,
    GRANTING,
)
# a payment for each one counted ("每认定1家给予孵化器10万元扶持", "每引进1名博士奖励5万元"): a rate, no goal
RATE_PAID = re.compile(r"[^，,。；;]{0,20}?" + GRANTING)
SUBSIDY_CONDITION_OPENING = re.compile(r"(?:^|[，,：:]|是)(?:对|对于)[^，,。；;]*$")


def _group_then(follows: str) -> re.Pattern:
    """A clause that names, by 的, the group meant, and what the group gets or may do after it (SUBSIDY_CONDITION,
    QUALIFIED_FOLLOWS: one shape): a value in the clause says who is meant, no goal. (Used only as match or no match, so
    the lazy group reads as QUALIFIED_FOLLOWS' greedy one did.)"""
    return re.compile(r"[^，,。；;]*?的[^，,。；;\d]{1,16}?" + follows)


SUBSIDY_CONDITION = _group_then(r"(?:(?:进行|给予|予以|实施)?(?:补助|补贴|奖励|奖补|资助)|给予|予以)")
# a work and the names of the things it is done on, their count right after ("启动正阳和建设2个办事处…项目",
# "启用智慧城管、智慧社区2个智慧应用"); with 等 the clause names only some
NAMES_COUNTED = re.compile(
    r"(?:启动|启用|建设|推进|实施|完成|打造)((?:[^\W\d_等和]{2,6}[、和]){1,9}[^\W\d_等和]{2,6})$"
)
# (reader67, conv24) a norm each person or school keeps per day, week, session or meal ("每天接触户外自然光不少于1小时",
# "每周参与体育活动达到中等强度4次以上"): a pace, not a level the place reaches; a rate or an average measured daily
# ("成人每天2次刷牙率达到45%", "成人每日平均睡眠时间达到7~8小时") is a level and stays one
# ("人均每日食盐摄入量降低20%": a population's average too)
PER_DAY_NORM = re.compile(
    r"(?<!人均)(?<!平均)(?:每天|每日|每周|每次|每餐)(?![^，,。；;]*(?:率|比例|比重|平均|人均))"
)
# (reader67) names listed as the subject opening a clause (a deadline at most before them), then their count and what is to
# be done with them ("11月底前甲乙、丙丁2个露天煤矿建设出煤"): the count of the names, nothing left to deliver but the named
# works (conv22 (a)); after a verb ("建成投用甲区、乙区2家医院") the count is the goal's, as the truths read it
NAMES_BEFORE_COUNT = re.compile(
    r"(?:^|[，,；;：:])(?:\d{1,2}月(?:底|中旬|下旬)?前|年底前|年内|今年)?"
    r"((?:[^\W\d_等和、]{2,6}[、和]){1,9}[^\W\d_等和、]{2,6})$"
)
# (reader67) the kind of the named works, then what is to be done with them ("…2个露天煤矿建设出煤", "…3个项目开工"): the
# subject's verb after its count (a goal's verb before the names, "争取甲、乙3个项目纳入…", may run into the first name)
WORKS_DONE_AFTER = re.compile(r"[^，,。；;\d]{1,10}?(?:建设|建成|投产|开工|复工|竣工|投用|达产)")
# (reader67) the state of an existing population right before its count ("因疫情停工的256个省重大工程项目有序复工", "在建的2269个
# 省重大项目完成投资…", "已开工的57个项目要加快建设"): the things a measure acts on, its scope, no count to reach
EXISTING_POPULATION = re.compile(
    r"(?:在建|续建|停工|停产|停业|停运|现有|存量|已(?:有|建|建成|开工|启动|实施|立项))的$"
)
# (reader67) one plant's yearly or daily output right after 年产/日产 ("年产30万吨电池级磷酸铁一体化"; not "粮食年产量达到…")
PLANT_OUTPUT_BEFORE = re.compile(r"(?:年产|日产|年处理|日处理)$")
# (reader67) a capacity closed by the work it sizes, in the work's name ("50万吨/年聚乙醇酸(PGA)项目")
NAMES_A_WORK = re.compile(r"[^，,。；;\d]{1,16}?(?:项目|装置|生产线)")
# the places a clause names, then counts: "在册亨、罗甸、…、关岭等8个重点县建设…基地"
NAMED_PLACES_COUNTED = re.compile(r"在[^，,。；;\d]*、[^，,。；;\d]*等$")
# who a support goes to, the clause that names them: "对首年…出口额超10万美元的OPC，给予…", "对于年薪连续2年达到50万元…成员，
# 可申报D类…人才", "当年度年薪达到8万元且…的OPC核心团队成员，可直接认定为F类人才" (a value in it is a condition, no goal)
# (reader66) the condition opened by "以及对…" after another, or going on over clauses joined by 且/或 ("对建设面积2000平方米以上,
# 且年…交易额300万美元以上的…海外仓,给予…")
CONDITION_GOES_ON = r"(?:[，,]\s*(?:且|并且|或|或者)[^，,。；;]*)*"
SUPPORTED_OPENING = re.compile(
    r"(?:^|[，,：:；;])(?:以及|并|同时)?(?:对|对于)[^，,。；;]*" + CONDITION_GOES_ON + "$"
)
# ("对…首次小批量生产（订单量100-10000件），按实际支付…的费用给予20%的补贴": 按 and its basis before 给予)
# (reader74) the grant may name its rate's base or split ("…的合作社,每户给予5万元", "…的企业,分别补助30万元、20万元"), or
# follow a second condition closed by 的 ("对…6家以上的外贸企业,所服务企业业绩总额达到600万元的,给予…")
SUPPORT_FOLLOWS = re.compile(
    r"[^，,。；;]*" + CONDITION_GOES_ON + r"(?:[，,][^，,。；;]{0,30}的)?[，,]\s*(?:按[^，,。；;]{0,40}?)?"
    r"(?:可|均可|即可|给予|予以|(?:每(?:户|家|个|人|所|项)|分别|一次性)(?:给予|予以|补助|奖励|补贴|奖补))"
)
# (reader66) a threshold in the clause of who is supported, the grant closing the same clause ("对符合条件的300亩以上规模经营主体
# 从事粮食生产给予奖补"): who qualifies, no goal
GRANT_CLOSES_CLAUSE = re.compile(r"[^，,。；;]*?(?:给予|予以)")
# (reader66) money lent by the plan's banks and guarantors, named right before its amount ("推动发放创业担保贷款60亿元以上",
# "支持新增小微企业贷款2000亿元以上", "新增…业务放款1200亿元以上"): funds handed out (conv24), not a level of the sector's credit
# ("各项存贷款规模突破8.5万亿元", "贷款增速达10%左右")
# (lead27) the money a fund draws in ("撬动社会资本200亿元以上", "撬动金融和社会资本投入20亿元以上") and the fund's own year's
# investment named after it ("充分发挥产业基金撬动作用，完成年度投资50亿元以上"): fund money (conv24), no level of the place
FUND_LEVERAGE = re.compile(r"撬动[^，,。；;\d]{0,14}?$")
FUND_SPENDING = re.compile(r"\s*(?:完成|实现)(?:年度|全年)?投资(?:额)?\s*")
# (lead27) a share of places that reach a level, the share opening the clause ("90%的村集体经济收入达到20万元以上", "95%
# 的行政村实现…30万元且…15万元以上"): the share is the goal, the level each place must reach its threshold
SHARE_REACHING = re.compile(
    r"(?<![\d.])\d+(?:\.\d+)?%(?:以上)?的[^，,。；;\d]{1,16}?(?:实现|达到|达)[^，,。；;]*$"
)
# (lead27) "新增制造业中长期贷款170亿元", "新增本外币各项贷款3500亿元": a sector's or the economy's credit, counted; 新增 is lent
# money where a support's verb opens it ("支持新增小微企业贷款…") or 发放 follows it
LENT_AMOUNT = re.compile(
    r"(?:(?:发放|投放|(?:支持|推动|帮助|引导|撬动)[^，,。；;\d余]{0,6}?新增)[^，,。；;\d余]{0,16}?贷款|放款)$"
)
# a clause closed by "的，" and a grant after it: the value is a condition of the grant
CONDITION_GRANTED = _granted_on(r"[^，,。；;]*", 60, r"(?:给予|予以)")
QUALIFIED_FOLLOWS = _group_then(r"[，,]\s*(?:可|均可|即可)(?!持续)")
# a definition of who is meant, in brackets: "OPC（…，指全职团队规模一般在10人以内…）", "支持对象为…（…、员工规模不超过10人）"
DEFINED_BY = re.compile(r"所称|对象为|是指|系指")


# a report's figures that set no level to reach: money put to a use ("计划投资3252亿元人民币用于交通体系建设"), an example
# ("比如他管的2000个左右的居民"), a strength relied on ("依托…在读大学生超10万人的人才资源优势"), a measure already in force
# ("…报销80%，此项政策已经市政府发文执行")
# the terms of a support listed after its colon: "可享受三年租金优惠：首年免费，次年租金为市场价30%，第三年为50%"
# ("…给予最长五年的房租补贴，其中前两年100%、后三年50%": the terms after 其中)
SUPPORT_TERMS = re.compile(r"(?:优惠|补贴|资助|扶持|奖励|补助)(?:[:：]|[，,]其中)[^。；;]*$")
# an amount right after the verb that grants it ("对新认定的…园区给予200万元")
GRANTED_AMOUNT = re.compile(r"(?:给予|予以)(?:一次性|最高|不超过)*$")
SHARE_PUT_TO_USE = re.compile(r"\s*(?:的比例)?(?:用于|投向)")
FUNDS_USED = re.compile(r"(?:人民币)?(?:用于|投向|支持(?!力度))")  # (reader66) "新增11亿元支持粮食生产"
EXAMPLE = re.compile(r"(?:比如|例如|譬如)[^。；;]*$")
EXAMPLE_GOAL = re.compile(
    r"提出|目标|(?:到|至)\s*\d{4}\s*年"
)  # "例如上海提出到2030年…目标为59%": an example of a goal
RELIED_ON = re.compile(r"(?:依托|发挥|利用)[^，,。；;]*$")
STRENGTH = re.compile(r"[^，,。；;]*的[^，,。；;]{0,8}(?:优势|基础|条件)")
IN_FORCE = re.compile(
    r"[，,](?:此项|该项|这项|上述)?[^，,。；;]{0,6}已经?[^，,。；;]{0,10}(?:执行|实施|施行)\s*[。；;]?\s*$"
)


def _in_definition(before: str) -> bool:
    """Whether a value stands inside a bracket (not closed before it) that says what a name means."""
    opening = max(before.rfind("（"), before.rfind("("))
    if opening < 0 or max(before.rfind("）"), before.rfind(")")) > opening:
        return False
    inside = before[opening + 1 :]
    return bool(re.search(r"(?:^|[，,])指", inside) or DEFINED_BY.search(before[:opening]))


def _pays(before: str, after: str, unit: str | None) -> bool:
    """Whether a value in a sentence granting money is what is paid: an amount or a share whose clause (between
    commas) names the payment and no level to reach ("补助标准提高到89元" stays a goal), or what a 减免 spans ("3年内50平方米
    面积的租金减免"); a count of those supported ("5年内重点扶持100个…项目") stays a goal."""
    rest = re.split(r"[，,；;。]", after)[0]
    if unit in MONEY_OR_SHARE and re.search(r"(?:^|[，,])对[^，,。；;]*$", before) and after.startswith("的"):
        return True  # "对营收规模首次达到2000万元的奖励5万元": the condition of a payment
    # what a bracket says beside the value ("500万元（达到A类）") is no verb of the clause; a level to reach is named
    # right before the value ("补助比例提高到75%"; not "按社区实际培育OPC数量…给予…最高40万元奖励")
    opening = re.sub(r"[（(][^（）()]*[)）]", "", re.split(r"[，,；;：:]", before)[-1])
    clause = opening + re.sub(r"[（(][^（）()]*[)）]", "", rest)
    if LEVEL_VERBS.search(opening[-8:]):
        return False
    if unit in MONEY_OR_SHARE:
        return bool(PAYMENT_WORDS.search(clause))
    return "减免" in rest


# (reader66) a charge or a contribution computed at a share of its basis ("按现行收费标准80%收取", "缴费基数按照…平均工资60%
# 核定"): a rule of calculation, no level the place reaches (a share to reach has a verb of its own: "按…比例达到")
CALCULATED_AT = re.compile(r"按(?:照)?[^，,。；;]*$")
CALCULATION_VERB = re.compile(r"[^，,。；;\d]{0,4}?(?:收取|计收|核定|征收|计征|缴纳|缴存|减收|计算)")
# the rate a fee is charged at, capped ("收取的担保费率不超过1%", "平均担保费率低于1%"): the price of a service the plan caps
# (a social insurance contribution rate cut, "缴费费率由7%降至6%", is a level of the scheme and stays a goal)
FEE_RATE_BEFORE = re.compile(
    r"(?:担保|手续|服务|中介|通行|检验|检测|评估)费率$|收取的[^，,。；;\d]{0,8}费率$"
)
# a policy in force continued, its rate inside ("船闸收费继续执行下调10%政策")
POLICY_IN_FORCE_BEFORE = re.compile(r"(?:执行|实行|延续)[^，,。；;\d]{0,8}$")
POLICY_AFTER = re.compile(r"[^，,。；;\d]{0,8}?政策")
# the share of a works contract paid in advance or on settlement ("预付款比例不低于50%", "过程结算款支付比例不低于85%"): terms of
# payment a buyer keeps (a health insurer's "住院费用基金支付比例" is no contract's and stays a goal)
PAYMENT_TERMS_BEFORE = re.compile(r"(?:预付款|进度款|结算款|工程款)(?:支付)?比例$")


# (reader70) the units of a service time cut ("审批时间控制在50个工作日内", "办理期限缩短至20个自然日")
SERVICE_TIME_UNITS = ("个工作日", "工作日", "个自然日")
# (reader70) a tax's rate in the rule that sets it ("适用3%预征率", "减按1%征收率征收", "加计10%抵减应纳税额", "按50%减征")
TAX_RATE_AFTER = re.compile(r"(?:预征率|征收率|税率|抵减|减征|减半征收)")
# (reader70) a share granted off a price or a fee ("给予阶段性顶格20%的价格扣除", "车辆通行费给予6%优惠"): a discount's size
DISCOUNT_BEFORE = re.compile(r"(?:给予|享受|顶格)[^，,。；;\d]{0,5}$")
DISCOUNT_AFTER = re.compile(r"的?[^，,。；;\d]{0,4}?(?:优惠|价格扣除|折扣|让利)")
# (reader70) a policy in force continued, its rate named inside it ("延续实施…预留份额阶段性提高至40%以上的政策", "延续实施…
# 通行费30%优惠政策", "继续实施100%暂退…保证金政策")
POLICY_CONTINUED_BEFORE = re.compile(r"(?:延续|继续)(?:实施|执行|实行)[^，,。；;]{0,40}$")
POLICY_NAMED_AFTER = re.compile(r"(?:以上|以下)?的?[^，,。；;\d]{0,16}?政策")
# (reader70) a fee's standard cut by a share ("将防空地下室易地建设费标准下调20%"): a charge lowered, no level of the place
FEE_CUT_BEFORE = re.compile(r"费(?:用)?(?:标准)?(?:下调|降低|下浮|减收)$")
# (reader70) money paid out as vouchers ("发放2亿元消费券"): a payment, no level to reach
VOUCHERS_AFTER = re.compile(r"的?[^，,。；;\d]{0,4}?(?:消费券|购物券|惠民券|代金券|优惠券)")
# (reader70) the share of the year's investment plan done in a quarter ("项目投资额均完成年度计划的30%以上"): the pace of money
# spent (conv24), as FUNDS_PROGRESS
PLAN_SHARE_DONE = re.compile(r"投资(?:额)?[^，,。；;\d]{0,4}完成(?:年度|全年)(?:投资)?计划的$")
# (reader70) a fee rate capped then lowered, the cap in the clause before ("担保业务平均费率不超过1.5%,并逐步降低至1%以下"), or
# a fee rate subsidised to a level ("将年化担保费率分别补贴至2.5%或2.3%"): the price of a service, no level of the sector
FEE_RATE_LOWERED = re.compile(
    r"(?:担保|手续|服务|中介|通行|检验|检测|评估)(?:业务)?(?:平均)?费率"
    r"(?:[^，,。；;\d]{0,6}\d+(?:\.\d+)?%[，,](?:并|且|再)?(?:逐步|进一步)?(?:降低|降|下降|下调)(?:至|到)"
    r"|[^，,。；;\d]{0,4}(?:补贴|补助|降低|下调)(?:至|到)(?:\d+(?:\.\d+)?%[或、和])?"
    r"|(?:不超过|不高于|低于|控制在))$"
)
# (reader70) a guarantee's or a deposit's share, set or changed ("住房公积金贷款保证金比例从5%降为3%", "下浮50%的比例存储工资保证金"),
# an advance payment's share of the contract ("预付款应不低于合同总价(…)的10%"): terms of payment, no goal
DEPOSIT_SHARE_BEFORE = re.compile(
    r"保证金(?:比例|比率)(?:从|由)?(?:\d+(?:\.\d+)?%(?:降为|降至|降低至|下调至|调整为))?$"
)
DEPOSIT_SHARE_AFTER = re.compile(r"的?比例[^，,。；;\d]{0,8}保证金")
ADVANCE_OF_CONTRACT = re.compile(
    r"(?:预付款|进度款|结算款|工程款)[^，,。；;\d]{0,16}合同[^，,。；;\d]{0,8}的$"
)
# (reader70) a per-loan limit raised ("个人创业担保贷款额度提升至30万元"): a loan's term, no level of the sector
LOAN_LIMIT_RAISED = re.compile(r"贷款(?:额度|限额)(?:提升|提高|上调|调整|放宽)?(?:至|到|为)$")
# (reader70) a threshold in a clause opened by 对 naming whom a relief or a grant is for ("对月销售额10万元以下(含本数)的增值税
# 小规模纳税人,免征增值税", "对年度财力贡献超过3000万元、2000万元…的建筑业企业,分别…给予…奖补", "对每月通行次数在30次及以上的…
# 客车,车辆通行费给予八五折优惠"): who qualifies, no goal
THRESHOLD_IN_SUPPORTED = re.compile(
    r"(?:^|[，,：:；;）)])(?:以及|并|同时)?(?:对|对于)[^，,。；;]*?"
    r"(?:超过|达到|达|超|在|满|低于|高于|不足|少于|多于|月销售额|年销售额|单笔)[^，,。；;]*$"
)
THRESHOLD_NAMES_WHOM = re.compile(r"[^，,。；;]*?的[^，,。；;的]{1,40}[，,]")
RELIEF_GRANTED = re.compile(r"免征|减征|免收|免除|给予|予以|奖补|补贴|奖励|资助|减免|补助|优惠")
# (reader70) an amount per head paid as a subsidy ("补贴标准按照…高校500元/人", "其中博士不低于5万元/人", "按不低于每人500元的标准
# 给予…补贴"): what is paid, no level (a standard raised, "补助标准提高到每人每年640元", stays a goal: conv20)
PER_HEAD_PAID = re.compile(r"补贴|补助|奖励|慰问|津贴|给予")


# (reader70) the size bound of a kind of machine or vehicle meant ("以及3吨以下叉车、园林机械使用新能源"): which ones, no goal
MACHINE_SIZED = re.compile(r"的?[\u4e00-\u9fff]{0,4}?(?:叉车|货车|客车|车辆|锅炉|机组|船舶|窑炉|工程机械)")
# (reader70) the area of the standing crop a season's work looks after ("抓好8500万亩春季麦田管理"): the work's scope, no goal
CROP_MANAGED = re.compile(r"[^，,。；;\d]{0,10}?管理(?=[，,。；;]|$)")


# (lead, session 26) the terms of a housing or land measure (round 6's 房地产 measures): a share or an amount set for a
# down payment, a loan's limit raised "由X万元提高至Y万元", a subsidy's cap, a guarantee swapped for a share of a deposit, the
# supervised funds a swap must leave, a deposit's floor, a share of a building's area approved in advance, a quota of
# housing built beside a project; what the rule is, not a level the place reaches
HOUSING_TERM_CLAUSE = re.compile(
    r"首付(?:款)?(?:比例)?|(?:补贴|奖励|补助)额度|置换(?:金额|后)|监管(?:资金|额度)|(?:竞买)?保证金比例|出让(?:价款|金)"
)
HOUSING_TERM_AFTER = re.compile(
    r"的?[^，,。；;\d]{0,8}?(?:首付款|保证金)|的(?:比例)?(?:配建|办理)|的配建比例"
)
LOAN_LIMIT_CHANGED = re.compile(
    r"(?:贷款|公积金)[^，,。；;\d]{0,6}?额度(?:由\d+(?:\.\d+)?万元)?[^，,。；;\d]{0,4}?(?:提升|提高|上调|调整|放宽)(?:至|到|为)"
    r"(?:\d+(?:\.\d+)?万元、)*$"
)
# a trigger or a condition of a rule, not a goal: "每完成网签备案1000套…", "若…不足1000套，则…", "去化周期在12-18个月的"
RULE_CONDITION_CLAUSE = re.compile(
    r"(?:^|[，,；;])(?:若|如果|凡)[^，,。；;]*$|每(?:完成|销售|成交|备案)[^，,。；;\d]{0,10}$"
)
RANGE_CONDITION_AFTER = re.compile(r"[-—~～至到]\d+(?:\.\d+)?[^，,。；;\d]{0,4}的[，,]")
# a term's longest span for a payment put off ("延期缴纳，最长不超过6个月")
DEFERRAL_SPAN = re.compile(r"延期[^。；;]{0,40}最长(?:不超过|不得超过)?$")


def _housing_term(before: str, after: str, unit: str | None) -> bool:
    """(lead, session 26) Whether a value is a term of a housing or land measure's rule (HOUSING_TERM_CLAUSE…)."""
    clause_before = re.split(r"[，,。；;]", before)[-1]
    if unit == "%" and (HOUSING_TERM_CLAUSE.search(clause_before) or HOUSING_TERM_AFTER.match(after)):
        return True
    if unit in ("万元", "元") and LOAN_LIMIT_CHANGED.search(before):
        return True
    if RULE_CONDITION_CLAUSE.search(before):
        return True
    if clause_before.endswith("在") and RANGE_CONDITION_AFTER.match(after):
        return True
    return unit in ("个月", "天", "日") and bool(DEFERRAL_SPAN.search(before))


def _support_term(sentence: str, before: str, after: str, unit: str | None) -> bool:
    """Whether a value is a term of a support measure, no level to reach (reader70): a tax's rate, a discount granted,
    a policy in force continued, a fee rate capped or subsidised, a deposit's or an advance's share, a per-loan limit,
    a threshold naming whom a relief is for, an amount per head paid."""
    clause_before = re.split(r"[，,。；;]", before)[-1]
    if _housing_term(before, after, unit):
        return True
    if unit in ("%", "‰") and (
        TAX_RATE_AFTER.match(after)
        or (DISCOUNT_BEFORE.search(clause_before) and DISCOUNT_AFTER.match(after))
        or (POLICY_CONTINUED_BEFORE.search(before) and POLICY_NAMED_AFTER.match(after))
        or FEE_CUT_BEFORE.search(before)
        or PLAN_SHARE_DONE.search(before)
        or FEE_RATE_LOWERED.search(before)
        or DEPOSIT_SHARE_BEFORE.search(before)
        or DEPOSIT_SHARE_AFTER.match(after)
        or ADVANCE_OF_CONTRACT.search(re.sub(r"[（(][^（）()]*[)）]", "", clause_before))
    ):
        return True
    if (
        unit in ("吨", "蒸吨", "千瓦")
        and re.match(r"(?:及以下|以下|及以上|以上)", after) is None
        and MACHINE_SIZED.match(after)
        and not re.search(r"(?:达到|新增|淘汰|改造|更新|推广)$", before)
    ):
        return True
    if unit in ("万亩", "亩") and re.search(r"(?:抓好|做好|加强)$", before) and CROP_MANAGED.match(after):
        return True
    if unit in ("万元", "亿元", "元") and (LOAN_LIMIT_RAISED.search(before) or VOUCHERS_AFTER.match(after)):
        return True
    if (
        THRESHOLD_IN_SUPPORTED.search(before)
        and THRESHOLD_NAMES_WHOM.match(after)
        and RELIEF_GRANTED.search(after.split("。")[0])
    ):
        return True
    return bool(
        unit
        and unit.endswith("/人")
        and PER_HEAD_PAID.search(sentence)
        and not STANDARD_RAISED.search(before)
    )


def _charge_rule(before: str, after: str) -> bool:
    """Whether a share or rate is a charge's or a payment's rule: what a fee is collected at, a fee rate capped, a policy
    in force continued, the terms of a contract's payments (reader66)."""
    return bool(
        (CALCULATED_AT.search(before) and CALCULATION_VERB.match(after))
        or FEE_RATE_BEFORE.search(before)
        or (POLICY_IN_FORCE_BEFORE.search(before) and POLICY_AFTER.match(after))
        or PAYMENT_TERMS_BEFORE.search(before)
    )


# what follows an amount of money that sizes the things a goal counts: "打造3家以上100亿元企业", "2家以上年销售收入达500亿元的
# 高新技术企业" (the amount, then 企业 or 公司), "培育营收超1000万元OPC100家以上" (a name, then their count)
QUALIFYING_AMOUNT = re.compile(
    # (reader67) an alternative amount in brackets between ("超10亿元(或1亿美元)重大产业项目70个"), or its closing bracket
    r"(?:[（(][^（）()，,。；;]{0,16}[）)]|[）)])?"
    # (reader70) 以上 closing the size before the name counted too ("5亿元(3000万美元)以上产业项目新开工150个")
    r"(?:以上)?(?:(?:的[^\d，,。；;、]{0,10}?|级?)(?:企业|公司)|[A-Za-z\u4e00-\u9fff]{1,8}?\d+(?:\.\d+)?(?:家|个|户))"
)
# (reader67) what follows an amount closed by 以上/以下 that names the enterprises of that size ("联系20亿元以上龙头企业",
# "5亿元以上工业企业"): which ones are meant, no goal
SIZED_ENTERPRISE = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:企业|公司)")
# (reader67) the part of a figure beyond a threshold that a payment is reckoned on ("超出2000万元以上部分，每1000万元奖励
# 1万元"): a rule of the payment, no goal
PART_BEYOND = re.compile(r"(?:的)?部分[，,][^。；;]{0,30}?(?:" + GRANTING + r"|每)")
# (reader67) a share of money taken back ("将未支出部分的20%直接回收", "按10%扣减下年预算"): a rule on funds, no goal
RECLAIMED_AFTER = re.compile(r"(?:直接|予以|全部|统一)?(?:收回|回收|扣减|扣回|核减)")
# (reader67) an area right before the name of the park or zone it sizes ("超400平方公里佛北某某产业园", "约30平方公里某某灯塔
# 产业园"): the named place's size, no area to reach
AREA_OF_NAMED_PARK = re.compile(r"[^\d，,。；;、的]{1,14}?(?:产业园|园区|新区|片区|开发区|示范区)")
# the size of each of the clusters or parks a goal counts: "10个左右规模达到1000亿元以上的创新型产业集群"
SIZED_CLUSTER = re.compile(r"(?:以上)?的[^\d，,。；;、]{0,10}?(?:集群|园区|产业园|基地)")
COUNT_BEFORE_SIZE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:个|家)(?:左右|以上)?[^，,。；;\d]{0,8}?(?:达到|超过|达|超)?$"
)
# a length counted in years named just before its verb: "劳动年龄人口平均受教育年限达到10.8年", "…年限达11.3年"
YEARS_OF_DURATION = re.compile(r"年限$")
# the last year of a five-year plan named by its number: "到“十四五”末"
# ("到“十四五”末", "力争“十二五”末实现…": a goal's verb before it, not a past period's end reported: "“十二五”末,全市…")
# ("力争在“十四五”期末实现…达75%": the aim's verb, then 在/于 before the period)
FIVE_YEAR_END = re.compile(
    r"(?:到|至|(?:力争|争取|确保)(?:在|于)?)[“\"]?" + FIVE_YEAR_NUMBER + r"[”\"]?(?:时期)?(?:期末|末)"
)
# a five-year period the text sets goals for: "“十四五”时期,目标人均预期寿命提高1岁", "“十三五”期间,…的主要发展目标是"
FIVE_YEAR_GOAL = re.compile(
    r"(?:^|(?<=[，,；;。\s]))[“\"]?"
    + FIVE_YEAR_NUMBER
    + r"[”\"]?(?:时期|期间)[，,]?[^，,。；;]{0,12}?(?<!预期)(?<!既定)(?<!规划)(?<!达到)(?<!实现)(?<!完成)目标(?!.{0,6}(?:实现|完成))"
)  # ("“十四五”时期,主要健康指标达到预期目标" reports the period's goals reached)
# a sentence's first clause (after who speaks: "朱宏介绍,") naming a five-year period, its years in brackets or not, or
# its end ("“十三五”末,")
PAST_PERIOD_OPENING = re.compile(
    r"(?:[^，,。；;\d]{0,10}(?:介绍|表示|指出|说|称|显示)[，,:：])?[“\"]?" + FIVE_YEAR_NUMBER + r"[”\"]?"
    r"(?:[（(][^（）()]{0,16}[)）])?(?:时期|期间|期?末期?)"
)  # ("《计划》显示,“十二五”期间,…", "陈竺称,“十一五”末期,…提高到74.83岁")
# what aims rather than reports: "力争提前完成…", "确保如期实现…"
AIMED = re.compile(r"力争|确保|将|要|争取")
# a five-year period named in quotes as a time to come: its clause hopes or aims ("“十五五”中国人均预期寿命有望达到80岁";
# not "“十三五”期间,18项指标…", "“十四五”以来")
FIVE_YEAR_NAMED = re.compile(
    r"[“\"]"
    + FIVE_YEAR_NUMBER
    + r"[”\"](?!以来)(?:(?:时期|期间)[，,])?[^，,。；;《》]{0,20}?(?:有望|预计|力争|希望|(?<!预期)(?<!既定)(?<!规划)(?<!达到)(?<!实现)(?<!完成)目标|将)"
)  # (not a plan's title: "《…“十二五”行动计划》总体目标")
# goals a text sets under a five-year plan it names: "根据《公路水路交通运输信息化“十二五”发展规划》（…）要求，确定本工程的
# 建设目标如下"
GOALS_UNDER_PERIOD_PLAN = re.compile(
    r"(?:根据|按照|依据)《[^《》。]{0,40}?[“\"]"
    + FIVE_YEAR_NUMBER
    + r"[”\"][^《》。]{0,20}》[^。；;]{0,40}?目标"
)
# a value alone, with its sign, unit or word ("99%以上", ">7.5", "12.3年以上"): no sentence, a table's cell
BARE_CELL = re.compile(
    r"[≤≥<>≦≧＜＞]?\d+(?:\.\d+)?(?:[%‰]|[\u4e00-\u9fff]{1,2}?)?(?:及以上|以上|及以下|以下|以内|左右)?"
)


def _after_bare_cell(clauses: list[str], index: int) -> bool:
    """The clause at `index` is the whole of its line, and the line before it is a value alone too."""

    def apart(clause: str) -> bool:
        return clause in ("\n", SECTION_BOUNDARY) or not clause.strip()

    if index + 1 < len(clauses) and not apart(clauses[index + 1]):
        return False
    before = index - 1
    while before >= 0 and apart(clauses[before]):
        before -= 1
    return (
        before >= 0
        and (before == 0 or apart(clauses[before - 1]))
        and bool(BARE_CELL.fullmatch(re.sub(r"\s+", "", clauses[before])))
    )


# a five-year plan named by its number before its kind ("《…十四五规划》", "“十四五”学前教育发展提升行动计划",
# "“十四五”…主要发展指标", "“十四五”规划纲要草案")
FIVE_YEAR_PLAN_NAMED = re.compile(
    r"[“\"]?"
    + FIVE_YEAR_NUMBER
    + r"[”\"]?(?!以来)[^，,。；;：:\n“”\"]{0,20}?(?:规划|计划|纲要|发展指标|主要指标)"
)
# what reports a plan's goals reached, before its name in the clause ("基本实现了《…", "全面完成“十三五”规划…")
PLAN_REACHED = re.compile(r"(?:(?:实现|完成)了|基本实现|全面完成|顺利完成)[^，,。；;]*$")
# a day a page was written ("2025年11月11日", "发表于: 2020-12-23"): one written in the period's last year or later
# reports on the plan it names ("“十四五”规划高质量收官"), it sets no goal for it
WRITTEN_ON = re.compile(r"(?<!\d)(20\d{2})(?:\s*年\s*\d{1,2}\s*月|-\d{1,2}-\d{1,2})")
# a sentence opening with a five-year period ("“十三五”时期,我国居民…")
FIVE_YEAR_PERIOD = re.compile(r"[“\"]?" + FIVE_YEAR_NUMBER + r"[”\"]?(?:时期|期间)")
FIVE_YEAR_ENDS = dating.FIVE_YEAR_ENDS  # the five-year plans' end years, one table for the reader
# a year opening a clause ("…，2030年不低于30%"); one before a later year to come opens a baseline ("2020年全市…为23%，
# 到2025年达到30%")
OPENING_YEAR = re.compile(r"^\s*(?:\d{1,2}[.．、]\s*)?(20\d{2})\s*年(?:底|末)?[，,]")
CLAUSE_YEAR = re.compile(r"(?:^|[，,；;])\s*(\d{4})\s*年(?!\s*(?:底|末)?前)(?!\d)")


def _baseline_spans(sentence: str) -> list[tuple[int, int]]:
    """Where a clause opened by a year states the level a later goal starts from: from that year to the later one."""
    # "2025年,…达95%以上,到2030年持续保持": a later year whose clause states no value ("持续保持", "持续巩固提升") keeps
    # the level, the earlier clause's value is a goal of its own
    futures = [
        (m.start(), int(re.search(r"\d{4}", m.group(0)).group(0)))
        for m in FUTURE_MARK.finditer(sentence)
        if re.search(r"\d", re.split(r"[，,；;。]", sentence[m.end() :], maxsplit=1)[0])
        or not re.match(r"\s*(?:持续|继续|仍|均)?(?:保持|巩固|稳定)", sentence[m.end() :])
    ]
    spans = []
    for opened in CLAUSE_YEAR.finditer(sentence):
        later = next(((start, y) for start, y in futures if start > opened.start()), None)
        if later and later[1] > int(opened.group(1)):
            spans.append((opened.start(), later[0]))
    return spans


def _past_year_spans(sentence: str, plan_start: int, year: int) -> list[tuple[int, int]]:
    """Where a clause opened by a year before the plan's first states that year's level ("…基础，2018年户籍人口期望寿命
    83.63岁", "2017年…全国平均值是14.18%"): from that year to the next year named or to come (or the end). A year a
    period starts from ("2012年起"), one of a list ("2022年和2030年") or one the sentence sets a goal for ("2020年初步
    建成300个…") opens no level."""
    opened_years = [
        m
        for m in CLAUSE_YEAR.finditer(sentence)
        if not re.match(r"\s*(?:起|[和、及与至到—–-])", sentence[m.end() :])
    ]
    ends = sorted({m.start() for m in FUTURE_MARK.finditer(sentence)} | {m.start() for m in opened_years})
    # "吸烟率在2024年下降到23.2%": a year before the plan's dating what its clause states
    spans = [
        (m.start(), m.end())
        for m in (PAST_YEAR_IN.finditer(sentence) if "在" in sentence else ())
        if int(m.group(1)) < plan_start and not FUTURE_MARK.search(m.group(0))
    ]
    return (
        spans
        + [
            (opened.start(), next((e for e in ends if e > opened.start()), len(sentence)))
            for opened in opened_years
            if int(opened.group(1)) < plan_start
            and not (
                int(opened.group(1)) == year
                and (BUILT_BY.match(sentence[opened.end() :]) or _opens_its_work(sentence[opened.end() :]))
            )
            # reader54: "2008年,将涌现6个…": a stage to come, no level reached
            and not (
                int(opened.group(1)) == year
                and WILL_AFTER_YEAR.match(re.sub(r"^(?:底|末)?[，,]", "", sentence[opened.end() :]))
            )
        ]
    )


# a clause opened by a year whose words then set a level with a verb of goals: "…,2017年县域就诊率达到90%" (the
# year's level is stated with 为/是, not these verbs)
# reader62: a one-year work plan attached after a plan of several years, its title run into the text before its first
# heading ("…（2021-2023年）…2021年度环评与排污许可监管工作方案一、主要任务（一）…"): its goals without a year are that year's
ANNEX_YEAR_PLAN = re.compile(
    r"(?<!\d)(20\d{2})\s*年度[^，,。；;《》\n\d]{2,30}?(?:工作方案|工作要点|工作计划|实施方案)"
    r"(?=[\s\u3000]*(?:[一二三四五六七八九十]+、|\n|$))"
)
# reader62: a deadline to the day, its hour too ("2021年12月15日17点前", "2030年6月30日之前")
DAY_DEADLINE = re.compile(
    r"(?<!\d)(\d{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]\s*(?:\d{1,2}\s*[点时](?:\s*\d{1,2}\s*分)?\s*)?(?:之)?前"
)
# (reader65) a year opening a clause, or a measure's sentence after its number ("58.2025年…"), not a deadline ("2025年底前"),
# a start ("2012年起5年内") nor a year set apart by a comma ("2025年,…": OPENING_YEAR's)
YEAR_OPENS_CLAUSE = re.compile(
    r"(?:^(?:\d{1,2}[.．、])?|(?<=[，,；;]))(20\d{2})\s*年(?:内|全年)?(?![底末前起\d，,])"
)


def _opens_its_work(after_year: str) -> bool:
    """(reader65) Whether the clause after a year sets that year's work: a verb of the works a plan counts with the count
    after it ("新增80家…", "打造50个…", "改造提升300个…") or a goal's word before a value ("…活动超2000场次"), nothing
    reported done in it (了, 已, 累计) nor a level stated (为, 是): a goal for the year, not the level a past year stated
    ("2018年人均预期寿命为77.0岁")."""
    clause = re.split(r"[，,。；;]", after_year, maxsplit=1)[0]
    return bool(
        re.search(r"\d", clause)
        # a level stated ("…寿命为77.0岁", "三大健康指标分别为:…") or reported reached
        and not re.search(r"了|已|累计|共计|(?:为|是)\s*[:：]?\s*\d|(?:为|是)\s*[:：]", clause)
        and (LIST_ITEM_VERB.search(clause) or re.search(r"(?:超|突破)\s*\d", clause))
    )


def _work_years(sentence: str):
    """The years opening a clause of the sentence that set that year's work (_opens_its_work)."""
    return (m for m in YEAR_OPENS_CLAUSE.finditer(sentence) if _opens_its_work(sentence[m.end() :]))


CLAUSE_GOAL_YEAR = re.compile(
    # (reader73) the verb straight after the year too: "较上一年增加，2035年达到90%"
    r"(?:^|[，,；;]|(?<=[^\d\s]{2}[:：]))(\d{4})年(?!\s*(?:底|末)?前)(?![底末内起\d])(?:(?:[^，,。；;\d为是]{2,16}?|(?=达))"
    r"(?:达到|达|提高到|提升到|提升至|降至|降到|下降到|控制在|不低于|超过"
    # reader62: "2030年电解铝使用可再生能源比例提高至30%以上": the verbs' other forms
    r"|提高至|下降至|降低到|降低至|增加到|增加至|增长到|增长至|减少到|减少至|不少于|不高于|不超过)"
    # "2017年建成省级健康教育基地10个,2020年建成15个": a count of what is to be built by the year opening the clause
    # ("2016年启动50个以上…试点示范项目": a count to start in the year opening the clause)
    r"|(?:建成|新建|启动)[^，,。；;\d为是]{0,16}?"
    # (reader66) "2025年全年推动1万家工业企业技改数转": a count the year opening the clause pushes to a change
    r"|(?:全年)?推动)\d"
)
# "2025年经济社会发展的主要预期目标是:…", "2012年全区经济社会发展的预期目标是:…": the year a 政府工作报告's goals line
# sets its goals for
# a heading alone on its line naming a work report's goals ("主要目标", "二、今年主要预期目标")
GOALS_HEADING = re.compile(
    r"\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])?\s*(?:今年|\d{4}年)?的?(?:经济社会发展的?)?"
    r"主要(?:预期)?(?:目标|指标)\s*[:：]?\s*"
)
# the day a work report was given, as a news copy writes it ("都在2015年4月27日的镇安县政府工作报告中")
REPORT_GIVEN_DATE = re.compile(
    r"(?<!\d)(20\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^。；;\n]{0,30}?政府工作报告"
)
GOALS_LINE_YEAR = re.compile(
    # a news copy's "张新起还提出了2014年…主要预期目标是:…", "市长指出,2015年…": the report's goals line, its speaker named
    # ("此外,县长还指出,2013年的…": a connective before the speaker)
    r"(?:(?:[^，,。；;:：\d]{1,6}[，,])?[^，,。；;:：\d]{0,16}?(?:提出|指出|表示|强调|明确)了?[，,:：]?)?"
    r"(\d{4})年[^，,。；;:：]{0,16}?(?:主要)?预期目标(?:是|为)?[:：]"
)
# "…达到79.1岁,比上年提高0.3岁", "同比下降": a level compared with last year's (or the same time of it) is reported
LAST_YEAR_COMPARED = re.compile(r"(?:比|较)(?:上年|去年|上一年)|同比")
# (reader61) a rise over last year with a floor ("同比增长50%以上", "比上年增长 4 %以上"), or in a sentence that strives
# for it ("力争全年…,同比增长4%"): aimed at, a goal; a report states the rise reached, with no floor
AIMED_RISE = re.compile(
    r"(?:同比|(?:比|较)(?:上年|去年|上一年)(?:同期)?)(?:增长|提高|增加)\s*\d+(?:\.\d+)?\s*%\s*(?:及)?以上"
    r"|(?:力争|确保)[^。；;]*?(?:同比|(?:比|较)(?:上年|去年|上一年))"
)
# "粮食产量1300亿斤以上、力争比去年实现更多增长", "主要预期目标是:…": a comparison with last year aimed at, or inside the
# year's goals line, is a goal of the year, not a level reported
AIMED_COMPARISON = re.compile(
    r"(?:力争|争取|确保|努力)[^，,。；;]{0,4}?(?:比|较)(?:上年|去年|上一年)|主要(?:预期)?目标(?:是|为)?[:：]"
    r"|预期目标(?:是|为)[:：]"  # "2012年全区经济社会发展的预期目标是:…", no 主要
)
# "比五年计划原定1957年3856亿斤的水平超过", "比上年的水平高出": the level a value exceeds, then the excess (reader60)
EXCESS_OVER_LEVEL = re.compile(r"(?:比|较)[^，,。；;比较]{1,30}?的?水平\s*$")
# a work report's level for its own year put in the future ("1956年…病床…总数将达到33.9万张，比上年增长22%", "专科防治所将
# 达到650个，比上年增长125%"): the year's plan, its rise over last year beside it, not a level reported (reader60)
REPORT_YEAR_WILL_REACH = re.compile(r"将(?:要)?(?:达到|增加到|提高到|发展到|增设|增加)")


# (reader73) an indicator's standard "较上一年增加，力争2023年达到80%", "比上一年增加，2035年达到90%": a rise over last year
# with no figure (the direction asked each year), then a level for a named year: that level is the goal, no result reported
BARE_RISE_THEN_DATED_GOAL = re.compile(
    r"(?:比|较)(?:上年|去年|上一年)(?:增加|提高|增长|上升|下降|减少|降低)[，,]\s*(?:力争|争取|到)?\s*(\d{4})\s*年"
    r"(?:底|末)?[，,]?\s*(?:力争|争取)?[^，,。；;]{0,20}?(?:达到|达|不低于|不少于)"
)


def _bare_rise_then_dated_goal(sentence: str, report_this: int | None) -> bool:
    """A rise over last year with no figure, then a level for a named year (after a work report's own year, in one)."""
    found = BARE_RISE_THEN_DATED_GOAL.search(sentence)
    return bool(found) and (not report_this or int(found.group(1)) > report_this)


LAST_YEAR_RISE_BESIDE = re.compile(
    r"[，,](?:比|较)(?:上年|去年|上一年)(?:增长|提高|增加)\d+(?:\.\d+)?%(?=[，,；;。]|$)"
)


def _report_year_will_reach(sentence: str, report_this: int | None) -> bool:
    """A sentence of a work report (its year known) setting a level with 将 for the report's year, or for no year."""
    if not report_this or not REPORT_YEAR_WILL_REACH.search(sentence):
        return False
    named = {int(y) for y in re.findall(r"(?<![\d比较])(\d{4})\s*年(?!\s*\d{1,2}\s*月)", sentence)}
    return named <= {report_this}


# "2024年…达到79岁,比2020年提高1.1岁": a year's level compared with an earlier year's is a result reported, not a goal
COMPARED_WITH_YEAR = re.compile(r"(?:比|较)\d{4}\s*年")
# reader54: what follows a population written before a rate's name ("10万人生产安全事故死亡率", "10万人口死亡率",
# "10万人发病率"): the population the rate is counted per
RATE_DENOMINATOR = re.compile(
    r"(?:口|人口)?[^，,。；;：:、\d%]{0,14}?(?:死亡率|发病率|患病率|伤亡率|事故率|率)"
)
# the name of a rate counted per a base it writes (亿元GDP, 10万人, 万车, 百万吨), then its verb: a value after it without unit
# is the rate's level (unit "")
RATE_PER_BASE = re.compile(
    r"(?:亿元|万人|万车|百万吨|万吨|万人口|就业人员|生产总值|GDP|gdp)[^，,。；;\d%]{0,16}?率"
    r"(?:控制在|保持在|稳定在|下降到|下降至|降到|降至|降低到|降低至|减少到|减少至|不超过|不高于|低于)?$"
)
# reader54: a total over the plan's own five-year period, opening its sentence ("“十四五”期间，全省累计清淤排水管网8.25万公里")
PERIOD_TOTAL = re.compile(
    r"^[“\"]?" + FIVE_YEAR_NUMBER + r"[”\"]?(?:时期|期间)[，,][^。；;]*?累计[^，,。；;\d了]{0,16}?\d"
)


def _own_period_total(sentence: str, document_year: int) -> bool:
    """Whether the sentence opens with the plan's own period (its end the document's year) and totals a count over it."""
    total = PERIOD_TOTAL.match(sentence)
    return bool(total) and FIVE_YEAR_ENDS[total.group(1)] == document_year


# reader54: the attribute a size threshold is of, just before its value ("年销售收入1亿元以上…企业", "人口100万以上城市")
SIZE_ATTRIBUTE = re.compile(
    r"(?:人口|收入|产值|营收|销售额|营业额|资产|投资额?|用地面积|建筑面积"
    # (reader70) a yearly throughput or sales that sizes the sites meant ("年运量150万吨以上的物流园区", "年销售汽油5000吨以上的
    # 加油站")
    r"|年?运量|吞吐量|年销售[\u4e00-\u9fff]{0,3})$"
)
# reader54: what a year opening a sentence is followed by when it looks forward ("2008年,将涌现…", "2022年，全市力争…")
WILL_AFTER_YEAR = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:将|力争|计划|预计|争取)")
# reader54: a quantity of works a plan's sentence lists to carry out, about so much ("完成…工程，以及约2000公里老旧供水管网
# 更新改造"): the document's year dates it as it does a goal's verb
WORKS_ABOUT = re.compile(
    r"(?:完成|实施|推进|开展)[^。；;]*?约\d+(?:\.\d+)?万?(?:公里|平方米|平方公里|座|处|户|套)[^，,。；;\d]{0,16}?"
    r"(?:更新改造|改造|维修|整治|修复|新建|建设)(?:工程)?(?:[，,。；;]|$)"
)
# reader54: a comparison's base year, then the year compared ("与2015年相比,2020年…", "同2015年比较，到2020年…",
# "较2015年,2020年…", "2020年与2015年相比,…"): the later year is the one the sentence's levels are set for
BASE_THEN_YEAR = re.compile(
    r"(?:(?:与|同|和|跟|较|比)\s*(?P<base>\d{4})\s*年(?:末|底)?\s*(?:相比较|相比|比较|对比|比)?"
    # the base opening a line its 与 was cut from ("…我省提出,与" then "2015年相比,2020年…")
    r"|^(?P<base3>\d{4})\s*年(?:末|底)?\s*(?:相比较|相比|比较|对比))\s*[，,、]?\s*(?:到|至)?\s*"
    r"(?P<year>\d{4})\s*年(?:末|底)?"
    r"|(?P<year2>\d{4})\s*年(?:末|底)?\s*(?:与|同|和|跟)\s*(?P<base2>\d{4})\s*年(?:末|底)?\s*(?:相比|比较|对比)"
)


def _year_after_base(sentence: str) -> re.Match | None:
    """The year a comparison with an earlier base year names (a match whose group 1 is that year), else None."""
    found = BASE_THEN_YEAR.search(sentence)
    if not found:
        return None
    year, base = (
        (found.group("year"), found.group("base") or found.group("base3"))
        if found.group("year")
        else found.group("year2", "base2")
    )
    if not int(base) < int(year):
        return None
    return re.compile(r"(?<!\d)(" + year + r")\s*年").search(sentence, found.start())


# "2020年初步建成300个…": what a year opening a clause is to see built
BUILT_BY = re.compile(r"(?:底|前)?[^，,。；]{0,6}?(?:建成|完成|实现|达到)")


# (reader74) a clause naming one year's plan ("2023年培训计划，", "2024年度招生计划,"): not a family-planning 计划生育
YEAR_PLAN_NAMED = re.compile(r"(?<![\d到至])(20\d{2})\s*年度?[^，,。；;\d《》“”]{0,12}?计划(?!生育)[，,]")
YEAR_BEFORE_VALUE = re.compile(
    r"(?<![\d到至])(\d{4})\s*年(?=\s*(?:[<>≥≤＜＞]|提高到|提升到|提升至|达到|达|降至|降到|下降到|不低于|不高于|不超过|控制在)\s*\d)"
)
ALREADY = re.compile(r"已(?:经)?(?:达到|达|超过)$")
# a value qualifying what a later value counts: "100张以上床位的护理院达到5家" (the 5 is the goal)
# (not a share of a whole after the count: "高技能人才总量达到5500万人、占技能劳动者总量的比重达到32%", two goals)
QUALIFIER = re.compile(
    r"(?!、?占)[^，,；;。\d]{0,10}的[^，,；;。\d]{1,12}(?:达到|达|不少于|不低于|超过)\s*\d"
)
# a value naming a class whose count follows: "龙头企业产值超过50亿元的3家、超过30亿元的5家" (the counts are the goals)
# a level closed by 的 and what reaches it: "3级及以上标准的企业", "3级以上水平的工厂"
LEVEL_QUALIFIES = re.compile(r"(?:及以上|以上)?(?:[（(]含[)）])?(?:标准|水平)?的[^，,。；;\d]{1,12}")
CLASS_THRESHOLD = re.compile(r"的\s*\d+(?:\.\d+)?\s*(?:家|个|所|座|项|名|位|人)")
# a small value in words right after 达到: "将达到两人"; "至少有一所…" stays a norm in words
WORD_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
VALUE_IN_WORDS = re.compile(r"(达到)([一二两三四五六七八九])(人|名|所|家|张)")


# (reader61) a part of the year after a commitment in its clause ("确保工业投资上半年完成1600亿元,全年完成3200亿元",
# "力争一季度…"): a milestone to reach, not the present reached ("上半年,…降至2.1‰")
HALF_YEAR_MARKS = ("上半年", "前一季度", "前二季度", "前三季度")
# ("确保上半年投放60%以上、使用率达60%以上", "上半年下达60%": the pace funds are paid out, money, stays out)
FUNDS_PACE = re.compile(r"[^，,。；;\d]{0,6}?(?:投放|使用|下达|拨付|支付|兑现)")
MILESTONE_COMMITTED = re.compile(r"(?:确保|力争|争取|务必|努力)[^，,。；;：:\d]{0,20}$")


def _looking_back_spans(sentence: str, plan_start: int | None = None) -> list[tuple[int, int]]:
    """Where a sentence states figures already reached: from each past mark to the next year to come (or the end)."""
    futures = [m.start() for m in FUTURE_MARK.finditer(sentence)]
    spans = []
    # "4年来", "近10年来" (what the years before brought), "降幅达43.8%" (a fall's size reached): read apart from PAST_MARK,
    # only where the sentence holds their words (the time to read every sentence)
    marks = [
        m
        for m in PAST_MARK.finditer(sentence)
        if not (
            m.group(0) in HALF_YEAR_MARKS
            and MILESTONE_COMMITTED.search(sentence[: m.start()])
            and not FUNDS_PACE.match(sentence, m.end())
        )
    ]
    if "年来" in sentence or "幅达" in sentence:
        marks += [*PAST_MARK_MORE.finditer(sentence)]
    for mark in marks:
        end = next((f for f in futures if f > mark.start()), len(sentence))
        spans.append((mark.start(), end))
    # "目前,我国人均预期寿命提高到77.93岁": the present level, stated in the clause after 目前
    if "目前" in sentence or "当前" in sentence:
        spans += [(m.start(), m.end()) for m in PRESENT.finditer(sentence)]
    # a change between two years' levels is a record, unless the sentence names a year to come of its own ("到2030年,
    # 婴儿死亡率从2015年的5.28‰降到2030年的≤5‰")
    # ("…从2020年的6.46张增加到2023年的7.23张;每千人口医师由2.90人提高到3.40人": the changes after it in its sentence are
    # of the same years, up to a year to come)
    spans += [
        (m.start(), next((f for f in futures if f > m.start()), len(sentence)))
        for m in (CHANGE_RECORD.finditer(sentence) if "的" in sentence else ())
        if not any(f < m.start() or f >= m.end() for f in futures)
        and plan_start
        and int(re.findall(r"\d{4}", m.group(0))[-1]) < plan_start
    ]
    return spans


# "过去一年，…取得了很大成绩。" on its line, then its results a clause a line (each closed by "，" or "；") to the line
# closing the sentence ("国际收支状况有所改善。")
YEAR_RESULTS_LINES = re.compile(
    r"(^[ \t\u3000]*(?:过去(?:的)?(?:一|1)年|去年)[，,][^\n]{0,40}?(?:成绩|成就|成效|进展)[。：:][ \t\u3000]*\n)"
    r"((?:[^\n。]{1,60}[，,；;][ \t\u3000]*\n){1,12}[^\n。]{1,60}。)",
    re.MULTILINE,
)
PRESENT = re.compile(
    r"(?:^|(?<=[，,；;：:]))目前[，,][^，,。；;]*"
    # reader54: "上海目前有各类残疾人94.2万人", "全省当前共有…": a stock the clause says is there now
    r"|(?:^|(?<=[，,；;：:]))[^，,。；;\d]{0,8}?(?:目前|当前)(?:全市|全省|全区|全国)?(?:共|已|尚)?(?:有|拥有)[^，,。；;]*"
)


# "…的增速可以实现…", "…的增速就能够…": a growth rate as the condition of a result
RATE_AS_CONDITION = re.compile(
    r"[^，,。；;\d]{0,2}?的(?:增速|增长速度)[^，,。；;\d]{0,2}?(?:可以|能够|就能|才能|足以)"
)


# "16项具体工作指标", "24项督查激励措施", "46项市级绩效任务", "5个方面的具体目标": what follows a count in 项 names the
# document's items
ITEM_COUNT = re.compile(r"[^，,；。\d]{0,12}?(?:指标|任务|措施|举措|目标|内容)")
# a size naming a class that opens a clause, what is to be done for it after ("500万以上的超大特大城市,要…"; not
# "建设10个以上的产业园区,推动…", a count to build)
SIZE_CLASS = re.compile(r"的[^，,。；;\d]{1,10}[，,](?:要|应|须|可)")
# what a goal does away with, named by a size ("消除56人及以上大班额")
ELIMINATED = re.compile(r"(?:消除|杜绝|取消|清除)[^，,。；;\d]{0,6}$")
# a yearly list counting its own items: "2023年我省实施50项民生实事", "一、促进就业(3项)"
OWN_ARTICLES = re.compile(r"[^，,；。\d]{0,14}?(?:意见|措施|举措|政策|规定|办法|条款|细则|建议)")
LIST_OWN_COUNT = re.compile(r"[^，,；。\d]{0,5}?实事|[）)]")
# a value opening a short quoted name ("“15分钟健身圈”") with no goal word: a name; "实现“…人才达到2000名左右…”" is a
# quoted goal and stays one
QUOTED_NAME = re.compile(r"“[^”，,]{0,2}$")
QUOTE_CLOSES = re.compile(r"[^“”，,、。；]{0,10}”")
# the name of a rate right before its verb ("…比例分别达到"): a bare number after it is a percentage whose sign was lost
LOST_PERCENT = re.compile(r"(?:率|比例)(?:分别)?$")
# the name of a density per thousand or ten thousand people right before its value ("每千常住人口医疗机构床位数")
PER_POPULATION = re.compile(r"每[千万](?:常住|户籍)?人口[^，,；;。\d]{1,16}数(?:达到|达|为|不低于|提高到)?$")
# a forecast of the population and of its share ("预计到2020年,全省65周岁以上老年人口将达到539万人,占全省人口总数的
# 14.4%", "预计“十三五”时期,新出生人口486万人"): what is expected, not a goal (a density per head, "每万人口…数", is one)
POPULATION_FORECAST = re.compile(
    r"预计[^。；;]{0,40}?(?<![每千万])人口(?:总量|总数|数量|规模)?(?:将|预计)?(?:突破|超过|增至|增加到)?$"
    r"|预计[^。；;]{0,40}?(?<![每千万])人口[^。；;，,]{0,16}[，,]\s*(?:占|比重|占比)[^。；;，,]{0,20}?$"
)
LIST_GAP = re.compile(r"\s*(?:[、和及与]|以及)\s*")
# between two values of one norm's list: "1个市办中医类医院、1个县办…" (what the first counts, then 、/和/及)
NORM_LIST_GAP = re.compile(r"[^，,；。\d]{0,12}(?:[、和及与]|以及)")
# "鼓励有条件的地方完成15%的…": a value others are encouraged to reach, not one the plan commits to; "鼓励并资助250名"
# is the plan's own commitment, and a year named after the 鼓励 ("鼓励…，到2025年，新建…2个") dates a goal of its own
ENCOURAGED = re.compile(r"鼓励(?![并和及](?:资助|奖励))")
CLAUSE_OPENED_BY_YEAR = re.compile(r"[，,；;]\s*\d{4}\s*年(?:底|末)?(?![前内起])")
# public money's growth, its name right before ("均衡性转移支付增长10.9%", "财政支出增长8%") (reader55)
SPENDING_GROWTH_BEFORE = re.compile(r"(?:转移支付|财政支出|预算支出|一般公共预算支出)(?:规模)?(?:增长|增加)$")
# a leave, not a commitment: "各地可降至16%", "可适当提高到" (reader55)
PERMITTED_BEFORE = re.compile(r"(?<![不即])可(?:适当)?$")
# (reader66) a sentence opened by a when-clause, what is done then ("政府制定涉企政策时,原则上应邀请…共同参与,民营企业比例不低于
# 70%"; a unit bracket or an item's number before it): the terms a procedure keeps each time, no level the place reaches
WHEN_OPENING = re.compile(
    r"^(?:[（(][^（）()]*[)）])?(?:\d{1,2}[.．、])?[^，,。；;\d]{2,30}?(?<![小同及准适])时[，,]"
)
# the words after a floor held that name it a red line ("不少于18亿亩这条红线", "1.2亿亩生态保护红线") (reader55)
RED_LINE_AFTER = re.compile(r"[^，,。；;\d]{0,8}红线")
# (reader67) a red line the plan draws ("划定450平方公里以上工业用地保护红线"): the area to delineate is a level to reach (a red
# line held, "守住…18亿亩这条红线", sets none)
RED_LINE_DRAWN = re.compile(r"划定|划足|划好|划设")
# public money budgeted, named right before its amount: "明年将安排200亿元", "从…结余中拿出1000亿元", "支出总额将达到664亿元"
# (reader55)
BUDGET_BEFORE = re.compile(
    r"(?:(?:将|拟|再|共|要)?安排|拿出|支出总额(?:将|要)?(?:达到|达)?)(?:资金|专项资金)?$"
)
# a standard of payment raised, to a level, by an amount or by a rate (tests/ledger/heldout/README.md, conv24): a subsidy or
# funding standard, a pension, 低保, an aid standard, a minimum wage ("人均财政补助标准提高到89元", "基本养老金继续提高10%",
# "农村低保标准提高6%", "最低工资标准平均上调15%左右"): money the plan hands out, no level of the place
PAYMENT_STANDARD_RAISED = re.compile(
    r"(?:补助|补贴|资助|救助|津贴|养老金|低保|最低工资|待遇|助学金|抚恤|建设标准)[^，,。；;\d]{0,8}?(?:标准|水平)?[^，,。；;\d]{0,10}?"
    r"(?:提高|提升|上调|增加|增长|提标|调整)"
)
# what a tonnage after them sizes: one plant's output or capacity, no amount (reader55)
PLANT_SIZE_BEFORE = re.compile(r"(?:日产|年产|日处理|年处理|产能|处理能力|规模)[^，,。；;\d]{0,4}$")
# words of a clause that commits to a count it writes approximately ("今年要完成7700多项", "力争新建100多个") (reader55)
COMMITTED_CLAUSE = re.compile(r"今年|年内|明年|要|将|力争|确保|计划|争取|新建|建成")
# a sentence opening on the year its goals are for ("到2025年，…", "力争到2027年,…")
YEAR_TO_COME_BEFORE = re.compile(r"(?:^|[，,；;。])\s*(?:力争)?(?:到|至)\s*20\d{2}\s*年(?:底|末)?\s*[，,]")
# a work report's sentence opened by its five-year plan's period ("“十一五”期间，关停…"), and the period named again in a
# later clause ("；五年淘汰…", "；“十一五”时期…") (reader55)
REPORT_PERIOD_OPENING = re.compile(r"[“\"]?" + FIVE_YEAR_NUMBER + r"[”\"]?(?:期间|时期)[，,]")
REPORT_PERIOD_AGAIN = re.compile(
    r"[；;，,]\s*(?:[“\"]?" + FIVE_YEAR_NUMBER + r"[”\"]?(?:期间|时期)|五年(?![来前]))"
)
CLAUSE_OPENED_BY_THIS_YEAR = re.compile(r"[，,；;]\s*(?:今年|年内)")
# (reader70) a later clause opened by a goal's own verb ("鼓励外贸企业加大进出口规模,新增外贸实绩企业10家"): it commits on its own
# (lead27) or a later clause naming its own measure and the level it reaches ("鼓励企业、园区利用清洁能源，绿电消费量达到1亿千瓦时")
CLAUSE_OPENED_BY_GOAL_VERB = re.compile(
    r"[，,；;]\s*(?:新增|力争|确保|[^，,；;\d]{1,12}?(?:量|总量|规模|总额)(?:达到|提高到|提升至|突破|超过)?$)"
)
# a sex ratio's name before its ceiling, a few words apart at most ("出生人口性别比趋于合理，降低到108.5以下") (reader55)
SEX_RATIO_BEFORE = re.compile(r"性别比[^。；;\d%]{0,10}$")
SEX_RATIO_VERBS = ("降到", "降至", "降低到", "降低至", "下降到", "下降至", "控制在", "稳定在", "保持在")


def after_encouraged(before: str) -> str:
    """The words between the last 鼓励 and a value."""
    return before[[m.end() for m in ENCOURAGED.finditer(before)][-1] :]


# "到2022和2030年": the first year of a list without its 年
# "到2023年底和2030年": a year of the list may end with 底/末
SPELLED_LIST_GAP = re.compile(r"\s*(?:[、和及与]|以及)[^，,；;。\d%]{0,8}\d{4}年[^，,；;。\d%]{0,10}")
YEAR_LIST = re.compile(r"(?<!\d)20\d{2}(?:年(?:底|末)?)?(?:(?:[、和及与]|以及)20\d{2}年)+")


def _pair_years(sentence: str, kept: list, carried: str = "") -> None:
    """ "到2022年和2030年…分别不低于22%和30%": a list of as many values as the years named goes with
    them in order (22% in 2022, 30% in 2030). The years named in an earlier clause of the same sentence (`carried`:
    "到2022年和2030年,…;…比例分别达到50%和90%") pair the lists of the clauses after it."""
    years_named = YEAR_LIST.search(sentence) or YEAR_LIST.search(carried)
    if not years_named:
        return
    years = [int(y) for y in re.findall(r"20\d{2}", years_named.group(0))]
    runs, run = [], []
    for i, (m, _target) in enumerate(kept):
        if run and m is kept[i - 1][0]:
            run.append(
                i
            )  # a copy of the value before (one for each indicator listed before it) stands in its place
            continue
        if (
            run
            and (
                LIST_GAP.fullmatch(gap := sentence[kept[i - 1][0].end() : m.start()])
                # "分别在2019年基础上提高10%和在2022年基础上提高10%": a list after 分别 whose items each name their base
                or (
                    SPELLED_LIST_GAP.fullmatch(gap)
                    and "分别" in re.split(r"[，,；;]", sentence[: kept[run[0]][0].start()])[-1]
                )
            )
        ):
            run.append(i)
        else:
            if run:
                runs.append(run)
            run = [i]
    if run:
        runs.append(run)
    for run in runs:
        # the places of the run's values: a value and its copies share one ("A、B均分别达到90%、100%")
        places = [[i for i in run if kept[i][0] is m] for m in dict.fromkeys(kept[i][0] for i in run)]
        if len(places) == len(years):
            for place, year in zip(places, years, strict=True):
                for i in place:
                    kept[i][1]["year"] = year
        elif (
            len(places) == 1
            and len(run) == 1
            and (own := YEAR_LIST.search(sentence))
            and own.end() <= kept[run[0]][0].start()
            and re.search(r"均[^，,；;。、]{0,20}$", sentence[: kept[run[0]][0].start()])
        ):
            # "2025年和2030年,…危险行为均较前5年减少10%以上": one value 均 sets for each year of the list, one target each
            m, target = kept[run[0]]
            target["year"] = years[0]
            kept += [(m, dict(target, year=year)) for year in years[1:]]
        else:
            # "…比例分别达到100%": one value for every year of the list is dated by the first year it names
            for i in run:
                if kept[i][1]["year"] in years[1:]:
                    kept[i][1]["year"] = years[0]


PROJECT_ROW = re.compile(
    r"\|(?P<n>\d{1,2})\|(?P<name>[^|]+)\|(?P<site>[^|]+)\|(?:(?P<nature>新建|改扩建|改建|扩建)\|)?(?P<content>[^|]+)\|"
    r"(?P<years>\d{4}(?:-\d{4})?)\|(?P<investment>\d+(?:\.\d+)?)\|(?P<unit>[^|]+)\|(?P<leader>[^|]+)(?=\|)"
)


def projects(text: str) -> list[dict]:
    """The rows of a major-construction-projects annex (序号 项目名称 建设地址 建设性质 … 责任领导)."""
    start = text.find("重大建设项目表")
    if start < 0:
        return []
    cells = "|" + "|".join(line.strip() for line in text[start:].splitlines() if line.strip()) + "|"
    rows = []
    for m in PROJECT_ROW.finditer(cells):
        first, _sep, last = m.group("years").partition("-")
        rows.append(
            {
                "number": int(m.group("n")),
                "name": m.group("name"),
                "site": m.group("site"),
                "nature": m.group("nature") or "",
                "content": m.group("content"),
                "start_year": int(first),
                "end_year": int(last or first),
                "investment": float(m.group("investment")),
                "unit": m.group("unit"),
                "leader": m.group("leader"),
            }
        )
    return rows

"""The plan reader against hand-made expectations of the five seeds (tests/ledger/seed_truth/*.yaml):
precision and recall on tasks with their units and on numeric targets. `tixi bench parse` prints
the same table."""

from pathlib import Path

import pytest
from django.conf import settings

import tixi.indicators
from tixi.ledger.engine.accuracy import seed_scores

TRUTH = Path(__file__).resolve().parent / "seed_truth"
HELD_OUT = Path(__file__).resolve().parent / "heldout"
# gathered after the rules were written on HELD_OUT; measured first with those rules frozen (its README)
SECOND_SET = Path(__file__).resolve().parent / "heldout_b"
# a whole city document and four openings of health plans, gathered after the rules of both sets above
THIRD_SET = Path(__file__).resolve().parent / "heldout_c"
# gathered after the rules were changed on THIRD_SET and kept unseen: no rule is tuned on it
FOURTH_SET = Path(__file__).resolve().parent / "heldout_d"
# six whole State Council documents, gathered after FOURTH_SET's rules froze
FIFTH_SET = Path(__file__).resolve().parent / "heldout_e"
# two more whole State Council documents, truth committed before the rules were changed on FIFTH_SET
SIXTH_SET = Path(__file__).resolve().parent / "heldout_f"
# one more whole document, truth committed before the rules were changed on SIXTH_SET: kept unseen
SEVENTH_SET = Path(__file__).resolve().parent / "heldout_g"
# one more whole document, truth committed before the rule was written on SEVENTH_SET: kept unseen
EIGHTH_SET = Path(__file__).resolve().parent / "heldout_h"
# three more whole documents, truth committed before the rules were generalised by class; measured once after
NINTH_SET = Path(__file__).resolve().parent / "heldout_i"
# ten health documents, truth committed before the reader ran on them; measured once with the rules frozen
TENTH_SET = Path(__file__).resolve().parent / "heldout_j"
# three whole documents (two 任务分工 documents, a five-year plan), truth committed before the reader ran on them
ELEVENTH_SET = Path(__file__).resolve().parent / "heldout_k"
# four whole documents gathered after the rules were generalised on ELEVENTH_SET: their unseen measure
TWELFTH_SET = Path(__file__).resolve().parent / "heldout_l"
# six whole texts gathered after the rules were generalised on TWELFTH_SET: kept unseen
THIRTEENTH_SET = Path(__file__).resolve().parent / "heldout_m"
# seven openings of health documents gathered in session 12, none used before: their unseen measure, then rules by class
FOURTEENTH_SET = Path(__file__).resolve().parent / "heldout_n"
# five national health plans' goals gathered after the rules were generalised on FOURTEENTH_SET: kept unseen
FIFTEENTH_SET = Path(__file__).resolve().parent / "heldout_o"
# 健康中国行动2023年工作要点 in three page copies, gathered after FIFTEENTH_SET was measured: unseen, then one rule
SIXTEENTH_SET = Path(__file__).resolve().parent / "heldout_p"
# two more national health task plans gathered after the rule written on SIXTEENTH_SET: kept unseen
SEVENTEENTH_SET = Path(__file__).resolve().parent / "heldout_q"
# six health goal texts (深圳, 安徽, a city's 一老一小 plan, a province's 养老/健康服务 plan, 健康中国2020, a review), gathered
# after the session-12 class rules (a count of a document's items, a short quoted name): unseen when first measured, seen
# since rules were written on its failure classes (reader9)
EIGHTEENTH_SET = Path(__file__).resolve().parent / "heldout_r"
# four health goal texts (健康儿童行动, 癌症防治, two reports of progress) gathered after the rules written on the eighteenth's
# failure classes (reader9): unseen
NINETEENTH_SET = Path(__file__).resolve().parent / "heldout_s"
# nine health goal texts (精神卫生 twice, 职业病, 健康甘肃2030, 出生缺陷, 护理 twice, 慢性病, 健康中国2030) gathered while
# reader10 changed the rules, truth committed before the reader ran on them: unseen, first measured by the lead after
# reader10's rules (no threshold here until then)
TWENTIETH_SET = Path(__file__).resolve().parent / "heldout_t"
# fifteen health goal texts (艾滋病, 健康口腔, 老年健康, 宫颈癌, 眼健康, 全科医生, 碘缺乏病, 健康素养, 上海急救) gathered after TWENTIETH_SET while
# reader10 changed the rules, truth committed before the reader ran on them: unseen, first measured by the lead after
# reader10's rules (no threshold here until then)
TWENTY_FIRST_SET = Path(__file__).resolve().parent / "heldout_u"
# sixteen health goal texts (福州 十四五, 健康武汉2035, 控烟 thrice, 健康中国2030, 十五五 纲要, 十四五 国民健康, 老龄, 健康福建,
# 托位, 心理健康 twice, 妇幼, 嵊州 十二五, 健康上海) gathered by helper unseen14 while reader10 changed the rules, truth
# committed before the reader ran on them: unseen, first measured by the lead (no threshold here until then)
TWENTY_SECOND_SET = Path(__file__).resolve().parent / "heldout_v"
# twelve health goal texts (河北 中医药, 五健 近视, 床位 预留, 护理, 癌症 thrice, 吸烟, four without goals) gathered after
# TWENTY_SECOND_SET, truth committed before the reader ran on them: first measured unseen by the lead, seen since reader12
TWENTY_THIRD_SET = Path(__file__).resolve().parent / "heldout_w"
# seventeen health goal texts (国民营养 江西, 地方病 twice, 陕西 十三五, 陕西 爱卫, 老年健康, 全民健身 twice, 基层中医药,
# 社会心理服务 twice, 健康鲅鱼圈, 佛山 寿命, 慢性病, 包虫病, 迪庆 艾滋病, 人权 评估) gathered by helper unseen15 while reader11
# changed the rules, truth committed before the reader ran on them: measured once unseen by the lead, seen since reader12
TWENTY_FOURTH_SET = Path(__file__).resolve().parent / "heldout_x"
# fifteen GENERAL planning texts (卫生健康 十四五 of 烟台, 梅州, 广东, 青岛; 广州 区域卫生规划; 福建 医疗机构设置规划; 卫生事业 十二五
# twice; 中医药 十二五 indicator table;
# 十五五 寿命; 江苏 2015; 河南 and national regional medical centres; three without goals) gathered by helper unseen16 while
# reader12 changed the rules, truth committed before the reader ran on them: unseen, first measured by the lead (no threshold
# here)
TWENTY_FIFTH_SET = Path(__file__).resolve().parent / "heldout_y"
# thirteen SPECIAL plans and action plans (沅江 寿命提升 table, 宁国 健康城乡, 杭州 老年, 母婴安全 twice, 尘肺病 thrice, 广州 宫颈癌,
# 社会心理服务 试点, 资阳 寿命, 常州 老龄化, 内蒙古 医养结合) gathered by helper unseen17 while reader12 changed the rules, truth
# committed before the reader ran on them: unseen, first measured by the lead (no threshold here)
TWENTY_SIXTH_SET = Path(__file__).resolve().parent / "heldout_z"
# eighteen health goal texts of northern, central, north-eastern and north-western provinces and national ones (健康河北,
# 健康辽宁, 健康吉林, 健康龙江, 湖南 健康2030, 湖北 中医药 twice, 河南 十四五 twice, 陕西 十四五, 宁夏 2027, 天津 精神卫生, 甘肃
# 三项方案, 母乳喂养 twice; four without goals: 河北 十四五 results, 湖南 基层中医药, 阿拉善 十四五) gathered by helper
# unseen18 while reader13 changed the rules, truth committed before the reader ran on them: unseen, first measured by the
# lead (no threshold here)
TWENTY_SEVENTH_SET = Path(__file__).resolve().parent / "heldout_aa"
# thirteen texts of EASTERN, SOUTHERN and SOUTH-WESTERN provinces (南通 十三五 indicator table, 安徽 人口 十三五 医养结合, 深圳
# 十四五, 健康山东, 江西 十四五, 浙江 十四五, 海南 寿命, 广西 十四五, 江西 儿童心理, 红河 寿命; three without goals) gathered by helper
# unseen19 while reader13 changed the rules, truth committed before the reader ran on them: unseen, first measured by the lead
# (no threshold here)
TWENTY_EIGHTH_SET = Path(__file__).resolve().parent / "heldout_ab"
# twenty-two health goal texts of northern, central, north-eastern and north-western provinces and national ones (健康河南
# 2025, 宁夏 2024, 健康湖南 十四五, 河北 2023, 十五五 寿命, 千县工程, 医共体 2019, 消除母婴传播 2025, eleven 民生实事 task lists, progress notes and
# completion 公示; five without goals) gathered by helper unseen20 while reader14 changed the rules, truth committed before the
# reader ran on them: measured once unseen (reader14 523b648: targets 21 of 53, 26 found), seen since reader15
TWENTY_NINTH_SET = Path(__file__).resolve().parent / "heldout_ac"
# eleven texts of EASTERN, SOUTHERN and SOUTH-WESTERN provinces, cities and counties (江西 四区四高地 2027, 泉州 公共服务
# 十四五, 健康广州行动, 贵州 八大工程, 青岛 十四五, 海南 医疗健康产业 十三五, 四川 卫生与健康 意见, 安庆 区域卫生规划, 三亚
# 设施布点; two without goals) gathered by helper unseen21 while reader14 changed the rules, truth committed before the reader
# ran on them: measured once unseen (reader14 523b648: targets 60 of 64, 61 found), seen since reader15
THIRTIETH_SET = Path(__file__).resolve().parent / "heldout_ad"
# ten texts of NORTHERN, CENTRAL and NORTH-WESTERN provinces, cities and counties (绥宁 寿命 目标责任清单, 湖南 寿命 2027, 宁远
# 寿命, 漯河 2024 民生实事, 河南 2022 民生实事, 兰州 2024 两癌, 晋中 2017 八件实事, 南县 绩效目标表 2025; two without goals)
# gathered by helper unseen22 while reader15 changed the rules, truth committed before the reader ran on them: unseen, first
# measured by the lead (no threshold here)
THIRTY_FIRST_SET = Path(__file__).resolve().parent / "heldout_ae"
# fourteen 民生实事 lists, task lists, progress notes and 政府工作报告 passages of EASTERN, SOUTHERN and SOUTH-WESTERN provinces and
# cities (浙江 2024 and its progress, 余姚 2025, 安徽 2023, 宣城 2024, 上海 2021, 重庆 2025, 高明 2025, 江苏 2022 and 2026, 广西 2025,
# 福建 2017; two without goals) gathered by
# helper unseen23 while reader15 changed the rules, truth committed before the reader ran on them: unseen, first measured by
# the lead (no threshold here)
THIRTY_SECOND_SET = Path(__file__).resolve().parent / "heldout_af"
# eleven 民生实事 lists, yearly measures, work-meeting and 政府工作报告 passages, progress notes and 养老托育 plans of NORTHERN,
# CENTRAL, NORTH-EASTERN and NORTH-WESTERN provinces and cities (天津 2026 16项举措, 西安 2025 为民实事, 湖北 2024 52项, 内蒙古 2026,
# 河南 2022, 尚志 and 辽宁 养老托育, 山西 2024 内镜筛查, 天津 2025 progress; two without goals) gathered by helper unseen24 while
# reader16 changed the rules, truth committed before the reader ran on them: first measured by the lead (no threshold here);
# seen since reader17
THIRTY_THIRD_SET = Path(__file__).resolve().parent / "heldout_ag"
# nine texts of EASTERN, SOUTHERN and SOUTH-WESTERN provinces, cities and districts (成都 2019 责任分解方案 with 牵头单位/责任单位,
# 柘荣 2025 政府工作报告 预期目标, 内江 2023, 贵阳贵安 2024, 贵州 2021, 南海 2024 民生实事, 重庆 2019 卫生健康工作会; two without goals)
# gathered by helper unseen25 while reader16 changed the rules, truth committed before the reader ran on them: unseen, first
# measured by the lead (no threshold here); seen since reader17
THIRTY_FOURTH_SET = Path(__file__).resolve().parent / "heldout_ah"
# twelve PLANS of provinces, cities, counties and districts (2025-2030 艾滋病 plans of 北京, 湖南, 河北, 江西, 科左中旗, 渝北区;
# 赣州 医疗卫生设施布局规划 2024-2035, 包头 健康城市 2017, 重庆 慢性病中长期规划, the national 丙肝 工作方案; two without goals)
# gathered by helper unseen26 while reader17 changed the rules, truth committed before the reader ran on them: unseen, first
# measured by the lead (no threshold here); seen since reader18
THIRTY_FIFTH_SET = Path(__file__).resolve().parent / "heldout_ai"
# ten YEARLY TASK DOCUMENTS of cities and counties (武汉 2023 and 2018 责任分解方案 with 牵头单位/责任单位, 苍南 2022 民生实事
# progress with 牵头单位, 巨鹿 2023, 扬州 2026 民生实事, 昭化 2021 绩效目标申报表, 北京 2025 重点工作, 宁德 2021 progress;
# two without goals) gathered by helper unseen27 while reader17 changed the rules, truth committed before the reader ran on
# them: unseen, first measured by the lead (no threshold here); seen since reader18
THIRTY_SIXTH_SET = Path(__file__).resolve().parent / "heldout_aj"
# five texts whose items name their RESPONSIBLE UNITS (彭山区 中医药强区 with 责任单位, a 区's 2008 创卫 责任分解表 with
# X负责/Y配合 cells, 福建 餐桌污染 方案 with 承办/协办, a city's 2024 爱国卫生提质年 方案 with 牵头/配合/责任单位, 上海 2024 食品安全
# 责任清单 goals) gathered by helper unseen28 while reader17 changed the rules, truth committed before the reader ran on them:
# unseen, first measured by the lead (no threshold here); seen since reader18
THIRTY_SEVENTH_SET = Path(__file__).resolve().parent / "heldout_ak"
# twelve PLANS (鹰潭 2025 献血方案, 健康七里河 2023, 健康泰州 2020, a 近视防控 方案, a 妇女发展规划 page without year; reports of
# 河北 健身健康融合 意见, 健康上海2030, the national 医共体 试点, 全民健康信息化 规划, 糖尿病 防治行动, 妇女儿童发展纲要
# 2011-2020 and its 2030 实施方案; no task) gathered by helper unseen29 while reader18 changed the rules, truth committed before
# the reader ran on them: unseen, first measured by the lead (no threshold here)
THIRTY_EIGHTH_SET = Path(__file__).resolve().parent / "heldout_al"
# eleven YEARLY TASK DOCUMENTS of cities, counties and districts (咸宁 2023 and 许昌 2020 责任分解 with 牵头单位/责任单位, 玉环 2021
# 分工方案 with 牵头/配合单位, 杭州 重点工作 and 嘉兴 2023 with 责任单位, 奉化 2024 民生实事 with 责任单位, 聊城 2023 and 武汉 2021
# 民生实事, 泰顺 2023 progress, the 2025 national report's health lines; one without goals: 蕲春 2024) gathered by helper unseen30
# while reader18 changed the rules, truth committed before the reader ran on them: unseen, first measured by the lead (no
# threshold here)
THIRTY_NINTH_SET = Path(__file__).resolve().parent / "heldout_am"
# thirteen PLANS WITH TARGETS (内蒙古 2020 蒙医药中医药振兴行动 with goals for 2022 and 2030, 天津 职业病防治 十四五, 健康杭州
# 2023-2025, a page of 健康中国2030, the 十三五 卫生与健康规划's 发展目标, 烟台 老年人健康教育, a 十二五 goals thread, 健康西藏,
# 健康海南行动, 上海 健康老龄化 2025, 木垒 2025 免疫规划; two without goals: 宁夏 十四五 现状, 黑龙江 健康老龄化 opening; no task) gathered by helper
# unseen31 while reader20 changed the rules, truth committed before the reader ran on them: unseen, first measured by the lead
# (no threshold here)
FORTIETH_SET = Path(__file__).resolve().parent / "heldout_an"
# eight texts: TASKS WITH UNITS (the national 健康中国行动2021年工作要点 with 牵头 / 按职责分工负责 / 负责 brackets; 健康赣州建设's
# organising points with 牵头, 按职责分工负责 and 分别负责 in one bracket) and plans' goals (四川 2020-2022 遏制艾滋病, 厦门 2018
# 精神卫生, 赣州 2023 工作要点, 秀英 2019 健康促进, news of 安吉 2009 健康宝宝计划 and 陕西 2018 健康细胞) gathered by helper unseen32
# while reader20 changed the rules, truth committed before the reader ran on them: unseen, first measured by the lead (no
# threshold here)
FORTY_FIRST_SET = Path(__file__).resolve().parent / "heldout_ao"
# fourteen PLANS WITH TARGETS (the national 十四五 公共服务规划's 主要指标 for 2025; 廉江 2024 十四五 卫生健康 主要发展指标, an
# indicator table one cell a line with 2020 and 2025 columns; 深圳 十二五 and 重庆 十三五 社会事业 plans; 珠三角 十三五 寿命
# goals; 农村卫生服务体系 2010; 湘西州 2025 六大行动; 北京 儿童口腔 2025/2030; 家庭医生签约 2017; 杭州 国家卫生镇 2020; 新农合
# pilots 2006-2007; 成都 十二五 寿命; two without goals: 健康云南2030 两步走, 苏南 indicators without a year; 69 targets, no
# task) gathered by helper unseen33 while reader21 changed the rules, truth committed before the reader ran on them: unseen,
# first measured by the lead (no threshold here); seen since reader22
FORTY_SECOND_SET = Path(__file__).resolve().parent / "heldout_ap"
# seven texts: TASKS WITH UNITS (三明 2024 乡村医疗卫生体系 分工方案, a table with the document-wide rules "列在首位的为牵头单位
# …下同" and "以下均需各县(市、区)党委和人民政府落实"; a province's 残疾预防 实施方案 with 牵头 / 按职责分工负责 brackets; 杭州 2025
# 院前急救 with "列第一位的为牵头单位,下同"; 昌吉 2025 决策事项目录 with its 承办单位 column) and plans' goals (深圳 and 海南 残疾预防
# 2025 indicators, 思南 2014 新农合) gathered by helper unseen34 while reader21 changed the rules,
# truth committed before the reader ran on them: unseen, first measured by the lead (no threshold here); seen since reader22
FORTY_THIRD_SET = Path(__file__).resolve().parent / "heldout_aq"
# three texts: PLANS WITH TARGETS and their tasks (芜湖 2025-2030 健康素养提升行动计划's 2030 goal; 安徽 2025 爱国卫生运动和
# 健康安徽行动 工作要点, items with "X牵头负责,Y…等有关部门参与" brackets; 健康宁夏2030's preamble of 2015 results, no goal)
# gathered by helper unseen35 while reader22 changed the rules, truth committed before the reader ran on them: unseen,
# first measured by the lead (no threshold here); seen since reader23
FORTY_FOURTH_SET = Path(__file__).resolve().parent / "heldout_ar"
# six texts: TASKS WITH UNITS (枞阳 2023 主要工作目标任务 progress table with a 牵头责任单位 column, one unit a line; 铜陵 2018
# 民生工程 医保 project with its 承办部门) and goals (铜陵 2018 新农合/居民医保, 铜陵 2021 民生工程 news, 株洲 2019 民生实事); two
# without goals (滨州 2024 若干措施, 柳州 2020 分工方案 notice) gathered by helper unseen36 while reader22 changed the rules,
# truth committed before the reader ran on them: unseen, first measured by the lead (no threshold here); seen since
# reader23
FORTY_FIFTH_SET = Path(__file__).resolve().parent / "heldout_as"
# two texts from a new source, real government text pasted into public GitHub files: TASKS WITH UNITS (数字广东建设2025年
# 工作要点's part on 数字社会, items closed by "责任单位：X牵头，Y按职责分工负责" / "A、B按职责分工负责" / "X牵头") and goals (浙江's
# 2022 party congress report, goals for 2027) gathered by helper unseen37, truth committed before the reader ran on them:
# first measured by the lead (no threshold here); seen since reader25
FORTY_SIXTH_SET = Path(__file__).resolve().parent / "heldout_at"
# seven texts from a NEW SOURCE, government text stored in public GitHub files, fields other than health: TASKS WITH UNITS
# (石城 2018 河长制 责任单位 考核细则 table with rowspan units; 莆田 双招双引 items "责任单位：A、B。"; 上海 2023 营商环境
# passages "（责任单位：…等；各区政府）"; 山西 2020 禁煤区 "X牵头，Y负责落实") and goals (石家庄 污染防治 news, 农业部 草牧业
# 2020, 中共中央 国务院 2021 碳达峰碳中和 意见) gathered by helper unseen38, truth committed before the reader ran on them:
# first measured by the lead (no threshold here); seen since reader25
FORTY_SEVENTH_SET = Path(__file__).resolve().parent / "heldout_au"
# nine texts from two collections of policy texts in public GitHub repositories (a health-policy knowledge base's Word
# files; a site's "全国OPC政策汇编" pages): TASKS WITH UNITS (江西 2025 将健康融入所有政策 意见 "以下责任单位均包括…，不再列出";
# 海南 2025 health action plans "X牵头，Y按职责分工负责"; 2026 人工智能 OPC plans of 宁波 "列第一位的为牵头单位，下同", 杭州, 泰安
# "以下均需…落实，不再列出", 太仓 "（牵头单位：A，责任单位：B）", 四川) and goals (海南 儿童健康 2030, OPC plans 2027-2028),
# gathered by helper unseen41, truth committed before the reader ran on them: UNSEEN, first measured by the lead (no
# threshold here)
FIFTIETH_SET = Path(__file__).resolve().parent / "heldout_ax"
# seven 2026 人工智能 OPC plans from the same site's "全国OPC政策汇编" pages (not taken by heldout_ax): TASKS WITH UNITS (南充
# "第一个逗号前为牵头单位，多个牵头部门的按照职责分工负责，下同"; 广东 "A牵头负责，B配合" / "按职责分工负责" with units written
# without their level; 武汉 several unit groups in one item; 湖北, 郑州, 深圳罗湖) and goals (南充 2027, 广东 2026 and 2028,
# 武汉, 胶州 2026 and 2028) and a 2020 news roundup's 养老/老龄 goals, gathered by helper unseen42, truth committed before the reader ran on them: UNSEEN, first measured by the lead (no
# threshold here)
FIFTY_FIRST_SET = Path(__file__).resolve().parent / "heldout_ay"
# seven NON-HEALTH texts from public GitHub files: TASKS WITH UNITS (2026 人工智能 OPC plans of 成都 "（牵头单位：A、B）",
# 宿迁 "以下均涉及各县区、功能区，不再重复列出" (a document-wide rule), 重庆 "（责任单位：…，有关区县）") and goals (those plans; 2011
# news reports of “十二五” plans: 甘肃 高速公路, 青岛 交通规划, 滨州 公路, 江苏 沿海风电), gathered by helper unseen43, truth
# committed before the reader ran on them: UNSEEN, first measured by the lead (no threshold here)
FIFTY_SECOND_SET = Path(__file__).resolve().parent / "heldout_az"
# eight texts from public GitHub files: TASKS WITH UNITS (苍南县 2026 人工智能 OPC 若干举措 "（责任单位：*A、B…）", its "*"
# unexplained) and goals (2026 OPC plans of 东莞 and 珠海香洲区; 2011 news reports of plans: HEALTH 国家 "十二五" 科技规划's
# 生物医药卫生 goals, 上海 医改, 全国药品流通 规划纲要; 河北 "十二五" 交通, 珠海 柴油发动机产业), gathered by helper unseen44,
# truth committed before the reader ran on them: UNSEEN, first measured by the lead (no threshold here)
FIFTY_THIRD_SET = Path(__file__).resolve().parent / "heldout_ba"
# seven 2026 provincial 政府工作报告 from one public GitHub dataset (whole lines of each report): goals (the year's 主要预期目标
# of 内蒙古, 广东, 贵州, 浙江, 黑龙江, 湖南, 山西; HEALTH paragraphs; 民生实事 lists: 广东 items 二/四/七, 浙江 1-3, 贵州 "（1）…",
# 山西 "一是…") and TASKS WITH UNITS (内蒙古's 附件 民生实事 "（牵头单位：A、B）"), gathered by helper gather45, truth committed
# before the reader ran on them: UNSEEN, first measured targets 92/119 (98 found), tasks 10/10 (no threshold here)
FIFTY_FOURTH_SET = Path(__file__).resolve().parent / "heldout_bb"
# eleven public government pages from the search tool's pages corpus: TASKS WITH UNITS in county and district lists of the
# year's projects with a unit per item (文成 2024 and 平阳 progress tables, 琼中 2022 "…牵头责任部门:…", 六安 2021 "…,牵头单位:…。",
# 大连高新区 2025 "责任单位:" lines, 淄川 2021, 国发〔2020〕6号 item 1) and goals (上海 民政局 2025 民心工程, 萧山 2017, 嘉定 2025; a 健康报
# 2019 report naming units in prose), gathered by helper gather46, truth committed before the reader ran on them: UNSEEN, first
# measured with main's rules 13a433b9 (targets 16/49, tasks 0/27; no threshold here)
FIFTY_FIFTH_SET = Path(__file__).resolve().parent / "heldout_bc"
# ten more 2026 provincial 政府工作报告 from the same dataset (whole lines of each report): goals (the year's 主要预期目标 of
# 重庆, 甘肃, 北京, 上海, 吉林, 辽宁, 西藏, 宁夏, 安徽, 天津; HEALTH and 养老 paragraphs; 民生实事 lists: 重庆's 15件, 甘肃 "一是…",
# 吉林, 西藏), no unit named (no task), gathered by helper gather47, truth committed before the reader ran on them: UNSEEN,
# first measured targets 107/136 (110 found) with main's rules (efd6411) (no threshold here; FIFTY_FIFTH, heldout_bc, is
# another helper's)
FIFTY_SIXTH_SET = Path(__file__).resolve().parent / "heldout_bd"
# ten more 2026 provincial 政府工作报告 from the same dataset (whole lines of each report): goals (the year's 主要预期目标 of
# 山东, 河北, 江西, 青海, 河南, 福建, 新疆, 湖北, 云南, 四川; HEALTH and 养老 paragraphs, five without a figure), no unit named
# (no task), gathered by helper gather48, truth committed before the reader ran on them: UNSEEN, first measured targets
# 72/87 (74 found) with main's rules (c320181); seen since reader34 (87/87, 87 found; the seen total holds it)
FIFTY_SEVENTH_SET = Path(__file__).resolve().parent / "heldout_be"
# eight public government pages from the search tool's pages corpus: TASKS WITH UNITS in fields other than health (莲都
# 2023 政府工作报告 责任分解 one cell a line, 责任单位 before 牵头单位; 立山 2023 unit lines; 钢城 2021 放管服, 威海 2023 数字政府
# and 西安 2024 营商环境 brackets and lines; 平顶山 2018 河长制 table; a bureau's own 股室/科室: 天祝 卫计局 2017, 芜湖 教育局 2024)
# and their goals, gathered by helper gather49, truth committed before the reader ran on them: UNSEEN, first measured with
# main's rules (ba34b65) targets 17/17 (17 found), tasks 11/30 (15 found); seen since reader35 (rules on its classes):
# tasks 27/30 (28 found), pinned by the bench's seen total (no threshold here)
FIFTY_EIGHTH_SET = Path(__file__).resolve().parent / "heldout_bf"
# six public government pages from the search tool's pages corpus: TASKS WITH UNITS in fields other than health (厦门 2019
# 营商环境 unit lines with "第一责任单位为牵头单位,下同"; 淮安 2022 纾困 brackets, a note giving two units to every later item;
# 泰州 2019 营商环境; 江门 2018 降成本 "[责任单位:…,排在首位为牵头单位,下同]"; 济宁 就业创业 "A、B牵头,C…参加"; 重庆 2022 促消费),
# no goal, gathered by helper gather50, truth committed before the reader ran on them: UNSEEN, first measured with main's
# rules (46d75aa) tasks 4/8 (7 found) (no threshold here)
FIFTY_NINTH_SET = Path(__file__).resolve().parent / "heldout_bg"
# the last four 2026 provincial 政府工作报告 of the public GitHub dataset heldout_bb, _bd and _be drew on (江苏, 陕西, 海南, 广西:
# 主要预期目标 lines, 海南's 消费/就业/医疗卫生 paragraphs, 广西's 民生 paragraph of money, HEALTH and 养老 paragraphs without a
# figure), no unit named (no task), gathered by helper gather51, truth committed before the reader ran on them: UNSEEN, first
# measured with main's rules (1acb928) targets 28/28 (29 found) (no threshold here)
SIXTIETH_SET = Path(__file__).resolve().parent / "heldout_bh"
# three plans kept inside an Excel file in a public GitHub repository (xvshiting/politic_analysis_paper_2025): TASKS WITH
# UNITS of the State Council's 2020 plan on older people and smart technology (养老, 就医), 济南 2021 科创 policy measures and a
# 山东 2024 人工智能 科技创新 行动计划 (81 tasks, 25 targets), gathered by helper gather52, truth committed before the reader ran
# on them: UNSEEN, first measured with main's rules (1dd2498) tasks 79/81 (79 found), targets 22/25 (26 found); seen since
# reader37 (rules on its classes): tasks 81/81 (81 found), targets 25/25 (25 found), pinned by the bench's seen total (no
# threshold here)
SIXTY_FIRST_SET = Path(__file__).resolve().parent / "heldout_bi"
# three more cells of the same Excel file (xvshiting/politic_analysis_paper_2025, ShanDong rows 49, 26, 8): TASKS WITH
# UNITS, every bracket "（责任单位：…）" without 牵头 (青岛 2024—2026 人工智能产业 行动计划, 济南 2021 数字先锋城市 推进方案, 济南
# 2019 先进制造业和数字经济 policy measures; 75 tasks, 37 targets), gathered by helper gather53, truth committed before the
# reader ran on them: UNSEEN, first measured with main's rules (952fcb7) tasks 73/75 (75 found), targets 32/37 (33 found)
# (no threshold here); seen since reader40 (rules on its classes: a horizon inside a sentence dating its paragraph, a count
# after "培育推广", "有关区、市政府" one unit, a group's members after 及): tasks 75 of 75 with 75 found, targets 35 of 37
# with 36 found (tixi bench parse --repeat 1; the 2 left: "均达到7000亿级", the truth's DOUBTFUL call)
SIXTY_SECOND_SET = Path(__file__).resolve().parent / "heldout_bj"
# three more plans from the Excel file of heldout_bi (xvshiting/politic_analysis_paper_2025, ShanDong rows 7, 23, 48): TASKS
# WITH UNITS of 数字山东2019行动方案 (68 brackets in 21 measures), 数字山东2021行动方案 (33) and 济南 2024 新一代人工智能 行动计划
# (21), with their goals (42 targets), gathered by helper gather54, truth committed before the reader ran on them: UNSEEN,
# first measured with main's rules (952fcb7) tasks 116/122 (118 found), targets 7/42 (34 found: 26 of them the right value
# with the parent plan's 2022 for the plans' own year) (no threshold here); seen since reader38 (rules on its classes: a
# cited plan's period, the title line's and the 印发 line's year, 分头落实/具体实施/按职责分工负责): tasks 122 of 122 with 122
# found, targets 34 of 42 with 34 found (tixi bench parse --repeat 1)
SIXTY_THIRD_SET = Path(__file__).resolve().parent / "heldout_bk"
# six plans kept inside files in two public GitHub repositories (xvshiting/politic_analysis_paper_2025's Excel file, four
# more cells; mengke25/policy_text_frenq's 北大法宝 exports, two 安徽 texts): TASKS WITH UNITS and goals of 山东 2023 and
# 2024-2025 新一代信息技术 plans, a national 2020 大数据中心 opinion, 山东 2023-2025 制造业创新能力, 安徽 2021 工业互联网 and 安徽
# 2022 RCEP (186 tasks, 59 targets), gathered by helper gather55, truth committed before the reader ran on them: UNSEEN,
# first measured with main's rules (952fcb7) tasks 141/186 (156 found), targets 53/59 (65 found) (no threshold here);
# seen since reader38 (rules on its classes: '1﹒' measures, unnumbered measures under headings, 按职责分工配合/按职能分工负责,
# an earlier 每年, a 针对 scope, a fund's size, a unitless 以下, 亿, 面向N万名): tasks 186 of 186 with 186 found, targets 56 of
# 59 with 57 found (tixi bench parse --repeat 1)
SIXTY_FOURTH_SET = Path(__file__).resolve().parent / "heldout_bl"
# three more cells of the Excel file of heldout_bi: 山东's 十四五 教育 plan (56 tasks, the first unit of each "（X、Y负责）"
# leading; 22 targets) and two national AI plans naming no unit (工信部 2018-2020, 30 technical targets; 国务院 新一代人工智能
# 发展规划, 6 targets in three steps), gathered by helper gather57, truth committed before the reader ran on them: UNSEEN,
# first measured with main's rules (4a012fa) tasks 56/56 (56 found), targets 42/58 (52 found) (no threshold here); seen
# since reader39 (rules on its classes: Latin and engineering units after a goal's verb, a plan's steps dating the
# paragraphs under them, "YYYY年年底前", a group qualified by its size): tasks 56 of 56 with 56 found, targets 57 of 58
# with 59 found (tixi bench parse --repeat 1)
SIXTY_SIXTH_SET = Path(__file__).resolve().parent / "heldout_bn"
# four more cells of xvshiting/politic_analysis_paper_2025's Excel file (ShanDong rows 51, 39, 15, 54): TASKS WITH UNITS
# and goals of 山东 2024-2027 标志性产业链 科技创新, 山东 2022-2025 智能制造 提级增效, 济南 2020 人工智能 试验区 policies and
# 青岛 2024 海洋人工智能大模型 集聚区 (53 tasks, 24 targets), gathered by helper gather56, truth committed before the reader
# ran on them: UNSEEN, first measured with main's rules (4a012fa) tasks 48/53 (53 found), targets 22/24 (25 found) (no
# threshold here)
SIXTY_FIFTH_SET = Path(__file__).resolve().parent / "heldout_bm"
# five more cells of xvshiting/politic_analysis_paper_2025's Excel file (ShanDong rows 43, 44, 45; Central rows 167, 44):
# TASKS WITH UNITS of 青岛 2023 人工智能产业园 若干政策 and 实施细则, 青岛 2023 工业互联网平台 若干措施, 山东 2025-2027 场景创新
# "十强产业" plan and 交通运输部's 2022 交通强国 pilot reply (72 tasks, 1 target), gathered by helper gather58, truth committed
# before the reader ran on them: UNSEEN, first measured with main's rules (4a012fa) tasks 67/72 (68 found), targets 1/1
# (30 found) (no threshold here); seen since reader39 (rules on its target classes: a subsidy's conditions and amounts,
# a list under "申报条件"): tasks 67 of 72 with 68 found (its task classes not yet written on), targets 1 of 1 with 1 found
# (tixi bench parse --repeat 1)
SIXTY_SEVENTH_SET = Path(__file__).resolve().parent / "heldout_bo"
# three more cells of the Excel file (Central rows 66, 62, 18): goals of national plans (智慧健康养老 2021-2025, HEALTH;
# 智能制造 十四五; 数字技术适老化 2023; 21 targets, 1 task), gathered by helper gather59, truth committed before any reader ran:
# UNSEEN, first read by the lead after reader36/37/38 (acfba7b) targets 17/21 (17 found), tasks 0/1 (no threshold here)
SIXTY_EIGHTH_SET = Path(__file__).resolve().parent / "heldout_bp"
# five more cells (ShanDong rows 10, 40, 46, 53, 32): 山东 工业大数据 2020-2022's 20 tasks "（X、Y分工负责）" and goals of four
# measures naming no unit, gathered by helper gather60, truth committed before any reader ran: UNSEEN, first read by the lead
# (acfba7b) tasks 20/20 (20 found), targets 17/33 (18 found); 13 targets dated by the file, not the text, then left out
# (the set's README, "Lead's change"): 17/20 (no threshold here)
SIXTY_NINTH_SET = Path(__file__).resolve().parent / "heldout_bq"
# three more cells (Central rows 9, 36, 120): goals of three national 工业和信息化部 plans naming no unit (14 targets), gathered
# by helper gather61, truth committed before any reader ran: UNSEEN, first read by the lead (acfba7b) targets 13/14 (17 found)
# (no threshold here); seen since reader40 (a stage's "第二阶段到2030年，" dating the sentences after it, "L3级" a level's
# name): targets 14 of 14 with 16 found (the copy's repeated goals section read twice, the truth's DOUBTFUL call)
SEVENTIETH_SET = Path(__file__).resolve().parent / "heldout_br"
# four more cells of the Excel file (Central rows 109, 35, 11, 87): goals of national plans naming no unit (药品智慧监管, HEALTH;
# 13 targets), gathered by helper gather62, truth committed before any reader ran: UNSEEN, first read by the lead with all of
# session 21's rules (3507467) targets 13/13 (14 found) (no threshold here)
SEVENTY_FIRST_SET = Path(__file__).resolve().parent / "heldout_bs"
# five more cells (ShanDong rows 6, 11, 16, 22, 31): goals of 山东/青岛 plans naming no unit (13 targets), gathered by helper
# gather63: UNSEEN, first read by the lead (3507467) targets 10/13 (11 found) (no threshold here); seen since reader40 (a
# horizon inside a sentence dating its paragraph, "不低于25%，将…的" no condition): targets 13 of 13 with 14 found (the extra:
# "投资500万元以上重点技改项目", a size condition)
SEVENTY_SECOND_SET = Path(__file__).resolve().parent / "heldout_bt"
# two more cells (Central rows 60, 33): a 智能制造 标准应用试点 notice (1 task, 2 targets) and a 智能汽车基础地图 standards guide (2
# targets), gathered by helper gather64: UNSEEN, first read by the lead (3507467) targets 2/4 (8 found), task 0/1 (no
# threshold here)
SEVENTY_THIRD_SET = Path(__file__).resolve().parent / "heldout_bu"
# six stored web-page copies with NUMERIC TARGETS (龙湾区 and 宝应县 十四五 卫生健康 goals, 江苏 体育 十四五, 成都 全民健身, the national 十四五
# 纲要's 民生 goals, 学前/县中 plans; 47 targets, no task) gathered by helper gather65 from the pages corpus: UNSEEN, first
# read by the lead (8845c4b, session 22, after reader40, reader41, conv22): targets 5/47 (9 found) (no threshold here);
# seen since reader42 (a five-year plan named by its number dating a text with no other year to come, a table a row a line
# with " | " cells): targets 47/47 (54 found: the dated 5/15/30分钟 circles and "15分钟内" read as the seeds' truth and
# heldout_ad count them, the DOUBTFUL 60%—70% range's lower bound)
SEVENTY_FOURTH_SET = Path(__file__).resolve().parent / "heldout_bv"
# eight stored web-page copies (咸安区 2023 责任分解 with 12 tasks with units, 甘肃 爱国卫生, 福建 人居环境, 内蒙古 残疾人 十四五 table, a
# county's 十四五 教育 indicator table, 上海 2019, 苍溪 2021, national 2023 goals; 61 targets) gathered by helper gather66:
# UNSEEN, first read by the lead (8845c4b, session 22, after reader40, reader41, conv22): targets 27/61 (27 found),
# tasks 12/12 (no threshold here); seen since reader42 (indicator tables one cell a line under group labels with 其中
# parts, a PDF's three wide columns, a quarter's goals dated by the day written, 稳定在): targets 59/61 (59 found), tasks 12/12
SEVENTY_FIFTH_SET = Path(__file__).resolve().parent / "heldout_bw"
# five more cells of the Excel file of heldout_bi (ShanDong 4, 25; Central 84, 159, 162: 山东 智能制造 试点示范 2016-2018, 济南
# 数字化 规划 解读, AI 试验区 指引, 公交智能化 示范 指南, AI 标准体系 指南 2024; 25 targets, no task) gathered by helper gather67: UNSEEN, first
# read by the lead (8845c4b, session 22, after reader40, reader41, conv22): targets 12/25 (15 found) (no threshold
# here); seen since reader43 (a period named in the body, goals under a 十二五 plan, a yearly pace's 其中, a conditions
# section's items, "把…进行了"): targets 25 of 25 with 25 found, pinned by the bench's seen total
SEVENTY_SIXTH_SET = Path(__file__).resolve().parent / "heldout_bx"
# four more cells of that Excel file (ShanDong 3, 21 cut at Excel's cap: 山东 十三五/十四五 科技创新 规划; Central 123, 155:
# 国家智能制造标准体系建设指南 2018 and 2015; 34 targets, no task) gathered by helper gather68: UNSEEN, first read by the lead
# (8845c4b, session 22, after reader40, reader41, conv22): targets 34/34 (50 found) (no threshold here); seen since reader44
# (a heading run into its paragraph, "1.发展基础。…", looks back; each cluster's size is no goal): targets 34/34 (34 found)
SEVENTY_SEVENTH_SET = Path(__file__).resolve().parent / "heldout_by"
# five government work reports of 海拉尔区 (2012, 2013, 2014, 2017, 2019: goals sections and 民生/社会事业 paragraphs;
# derek-s/Python-GovWorkReportAnalyze @8dc65fe; 77 targets, no task) gathered by helper gather69: UNSEEN, first read
# by the lead (8845c4b, session 22, after reader40, reader41, conv22): targets 62/77 (65 found) (no threshold here);
# seen since reader43 (a goals line without 主要 with 同比, incomes per head in 元, money spent or owed, counts after an
# object or of the names listed): targets 77 of 77 with 77 found, pinned by the bench's seen total
SEVENTY_EIGHTH_SET = Path(__file__).resolve().parent / "heldout_bz"
# ten stored web-page copies of 政府工作报告 责任分解 lists with TASKS WITH UNITS (嘉鱼 2021, 海曙 2023/2024, 宁波 2019/2025, 平湖 2024,
# 湖州 2020/2023/2024, 长兴 2023; 39 tasks, 27 targets) gathered by helper gather70: UNSEEN, first read by the lead
# (8845c4b, session 22, after reader40, reader41, conv22): tasks 31/39 (39 found), targets 27/27 (28 found) (no
# threshold here); seen since reader44 ("(列第一位者为牵头或汇总单位,下同)" a first-listed rule, "A和B分别牵头、C", a district
# branch "某某生态环境分局" named as written): tasks 39/39 (39 found), targets 27/27 (28 found: 湖州 2020's DOUBTFUL 200亿元)
SEVENTY_NINTH_SET = Path(__file__).resolve().parent / "heldout_ca"
# five government work reports (海拉尔区 2015, 2016, 2018 as heldout_bz's; the State Council's 2016 and 2021 from
# liuzeyi11/GovernmentWorkReportCorpus @6b81a7e, a sentence a line) with 91 targets, gathered by helper gather71:
# UNSEEN, first read by the lead (34995823, session 22, after reader42/43/44 written on heldout_bv … heldout_ca):
# targets 52/91 (86 found) (no threshold here); seen since reader45 (a five-year goals part "二、“十三五”时期主要目标任务…" dated
# by the period's end, its earlier period's results past; "6.5%－7%" a range; a count to complete after its work's object;
# money a clause opens with and the stock surveyed no goal): targets 86/91 (94 found)
EIGHTIETH_SET = Path(__file__).resolve().parent / "heldout_cb"
# five texts of ShirleyLoveGIS/PolicyTextMining @aecfd0d policytxt.txt as its authors extracted them from PDF/Word
# (hard wraps, page numbers, CR LF: 上海 十四五 纲要 chapters 二, 十三, 十四 with its 主要指标 table; 浙江 城市内涝治理 十四五 tables; 北京
# 国土空间生态修复规划) with 92 targets, gathered by helper gather72: UNSEEN, first read by the lead (34995823, session 22,
# after reader42/43/44 written on heldout_bv … heldout_ca): targets 51/92 (59 found) (no threshold here); seen since
# reader46 (a PDF table a row a line with its nature before the target columns, wrapped unit cells joined; a plan-total
# column 计划任务 and its 其中：YYYY年任务 part; 指标属性 no group label; a group label wrapped before a row's name;
# 万立方米/小时; a 累计实施N项 count; a cell of labelled values): targets 87 of 92 with 87 found, pinned by the bench's seen
# total
EIGHTY_FIRST_SET = Path(__file__).resolve().parent / "heldout_cc"
# eight stored web-page copies (就业 plans of 湖南, 山西, the nation 十三五, 2019 goals; 无锡 癌症防控, 江西 艾滋病, 浙江 托育, 深圳 中医药) with
# 45 targets, gathered by helper gather73: UNSEEN, first read by the lead (34995823, session 22, after reader42/43/44
# written on heldout_bv … heldout_ca): targets 32/45 (36 found) (no threshold here); seen since reader47 ("力争在“十四五”
# 期末" dating goals, a length in 年 after 年限, a count then its share "、占…的比重", a "“十三五”以来," paragraph and the
# review angle after it reporting): targets 38/45 (39 found), pinned by the bench's seen total
EIGHTY_SECOND_SET = Path(__file__).resolve().parent / "heldout_cd"
# eight stored web-page copies of plans of fields no set held (镇江 现代农业 十二五 with a 28-row indicator table; 江西 渔业渔政,
# national 种植业, 畜牧兽医, 土壤地下水, 林草 十四五; 水十条; 十三五 城镇污水) with 74 targets, gathered by helper gather74: UNSEEN, first read
# by the lead (8b512c9d, session 22, after reader45/46/47 written on heldout_cb, _cc, _cd): targets 45/74 (46 found)
# (no threshold here); seen since reader48 (a table with neither 序号 nor nature column, "类别 | 指标 | 2010年实绩 | 2015年目标"
# one cell a line; "(万亩)(5年新增量)"; 亿尾; "N个方面" no goal): targets 74/74 (74 found), pinned by the bench's seen total
EIGHTY_THIRD_SET = Path(__file__).resolve().parent / "heldout_ce"
# four State Council work reports (2011, 2013, 2018, 2022) of liuzeyi11/GovernmentWorkReportCorpus @6b81a7e taken as
# heldout_cb took 2016 and 2021 (the SAME source and layout as heldout_cb, whose rules were written before this
# reading) with 52 targets, gathered by helper gather75: UNSEEN, first read by the lead (8b512c9d, session 22, after
# reader45/46/47 written on heldout_cb, _cc, _cd): targets 48/52 (59 found) (no threshold here); seen since reader48 (the
# past year's results a clause a line, "8%至10%", homes this year in 万套/万户, a growth rate as a condition and money put in
# "用于…" no goals): targets 51/52 (56 found), pinned by the bench's seen total
EIGHTY_FOURTH_SET = Path(__file__).resolve().parent / "heldout_cf"
# session 23's fresh sets, truth by gather76-79 (reviewed by review24a/b before any reading), UNSEEN, first read by the lead
# with session 22's last reader (1bcbf6f; no rule written since their truth), per set in bench.py (no threshold here):
# the 十一五 纲要 (PDF text), 云南 十五 (OCR, spaced digits) and the 2015 State Council report: targets 66/117 (77 found);
# seen since reader52 (OCR digits spaced one by one joined, 增加到/扩大到 levels, "各 X" two quantities, "到2 0 0年" garbled, a
# chapter heading run into its sentence, 系数 unitless, a 万 range's clause only, a year's clause after 鼓励, truth fix "/10 万" -> "/10万"):
# 107/117 (119 found, with reader49/51 merged), pinned by the seen total
EIGHTY_FIFTH_SET = Path(__file__).resolve().parent / "heldout_cg"
# four State Council reports (2012, 2014, 2017, 2020), the source and layout of the SEEN heldout_cb/_cf: 47/61 (58 found);
# seen since reader53 (a report's part heading naming its year, spans from this year, 都/均 after a list, a work's count
# this year, a pilot widened, 等N类, budget/credit/tax clauses and forecasts no goals): 61/61 (65 found), pinned by the
# bench's seen total
EIGHTY_SIXTH_SET = Path(__file__).resolve().parent / "heldout_ch"
# nine web-page copies of plans of fields no set held (安全生产, 旅游, 学前教育, 科技, 交通, 残疾人): 52/71 (64 found); seen
# since reader54 (a base year then the year compared, a rate's base population, a rate per a base with no unit, a stage
# to come, a stock now, a size condition, 人年, a share closing a list of goals): 68/71 (68 found), pinned by the bench's
# seen total
EIGHTY_SEVENTH_SET = Path(__file__).resolve().parent / "heldout_ci"
# other chapters of heldout_cc's 上海 纲要 and 浙江 内涝 plan, and 北京 生态安全格局: 36/40 (54 found); seen since reader54 (a
# decimal heading over the period's results, 万标准箱, 亿方, a total over the plan's own period, works about so much, a size
# condition): 40/40 (40 found), pinned by the bench's seen total
EIGHTY_EIGHTH_SET = Path(__file__).resolve().parent / "heldout_cj"
# four more national five-year texts of minoriwww/NLPtools (十五, 十二五 full-width digits, 七五, 八五 OCR): 56/111 (71 found);
# seen since reader52 (thousands' commas, "11．13", "3· 5％", "50％一70％", a heading run in, "平均每年增长4%", "五年内，增加…",
# "其中：" parts, 系数 unitless): 82/111 (93 found; the 十二五 chapters 0/21, their text naming no year nor period), pinned by the seen total
EIGHTY_NINTH_SET = Path(__file__).resolve().parent / "heldout_ck"
# four State Council reports (2009, 2010, 2024, 2025) of aldohemsn/chinese-political-corpora: 30/49 (57 found); seen since
# reader53 (heldout_ch's classes, 万吨标准煤, "N万农村人口" in 万, 均 after the clause before's list): 49/49 (53 found), pinned by the bench's seen total
NINETIETH_SET = Path(__file__).resolve().parent / "heldout_cl"
# session 23's second round, truth by gather82/83/84 (reviewed by review26 before any reading), UNSEEN, first read by the
# lead with the reader after reader49-54 (bf36fdd3), per set in bench.py (no threshold here): eight page copies of health
# and 民生实事 goals 79/81 (79 found); seen since reader55 (a sex ratio's ceiling unitless): 80/81 (80 found), pinned by
# the bench's seen total
NINETY_FIRST_SET = Path(__file__).resolve().parent / "heldout_cm"
# ten page copies of plans of fields no set held (制造业, 消费, 充电, 体育, 节能减排, 标准化, 养老, 商贸): 50/57 (53 found); seen
# since reader55 (吨 of abatement, "台/万人"): 55/57 (57 found; 宁波's two goals dated only by the page's address), pinned by the seen total
NINETY_SECOND_SET = Path(__file__).resolve().parent / "heldout_cn"
# four State Council reports (2005, 2007, 2008, 2019): 27/44 (54 found); seen since reader55 (a copy opening on
# "二、2007年工作总体部署" dated by it, "“十一五”期间，…，今年要…", "7700多项", red lines, money budgeted, its growth): 40/44 (49 found), pinned by the seen total
NINETY_THIRD_SET = Path(__file__).resolve().parent / "heldout_co"
# session 23's third round, truth by gather85/86 (reviewed by review27 before any reading), UNSEEN, first read by the lead
# with the reader after reader49-54: nine page copies of 民生实事 lists and two plans 67/105 (75 found), tasks 3/5 (5);
# seen since reader56 (a 发文日期 row dates a 实事项目 table naming no year; a news item announcing '新年的…实事'): 88/105
# (97 found)
NINETY_FOURTH_SET = Path(__file__).resolve().parent / "heldout_cp"
# six page copies of local work reports and a 党代会 report: 20/65 (20 found); seen since reader56 (a post title cut
# mid-word, a goals line after its speaker (a connective before), a "主要目标" heading over a news copy's goals): 60/65
# (60 found)
NINETY_FIFTH_SET = Path(__file__).resolve().parent / "heldout_cq"
# session 24's round (truth by gather87/88/89/90, reviewed by review28-31 before any reading: no change), UNSEEN, first read
# by the lead with the reader after step (7) of a goal's year (11187de6), per set in bench.py (no threshold here): two
# GitHub datasets' plans 80/111 targets (99 found), tasks 70/97 (97 found); heldout_cr seen since reader57 (a 各-phrase
# of divisions naming 州 one unit, a run-on heading ending "近年来", 初步形成/新发现 N, units as written, "夯实…基础",
# "加快N个…建设", entry conditions, 妇联/科学院 of the level before): 99/111 (110 found), tasks 94/97 (97 found)
NINETY_SIXTH_SET = Path(__file__).resolve().parent / "heldout_cr"
# six page copies of yearly work goals: 35/61 (36 found), tasks 0/9 (9 found); seen since reader58 (a lead sign "▲A,B",
# 争创N个, an ISO date line dating a signed indicator list, "(2022:90%)" a baseline): 57/61 (58 found), tasks 9/9 (9 found)
NINETY_SEVENTH_SET = Path(__file__).resolve().parent / "heldout_cs"
# eight page copies of newer plans (2022-2030): 16/44 (16 found); seen since reader59 (a sideways table's names row,
# year label and values row; a deadline month without 月; a floor restated in brackets; goal lines under a year heading
# without 年): 42/44 (44 found)
NINETY_EIGHTH_SET = Path(__file__).resolve().parent / "heldout_ct"
# four old national texts (1956, 1957, 1980, 1998): 11/100 (15 found); SEEN since reader60: 94/100 (103 found)
NINETY_NINTH_SET = Path(__file__).resolve().parent / "heldout_cu"
# session 24's second round (truth by gather91-94, reviewed by review32-35 before any reading), UNSEEN, first read by the
# lead with the reader after reader57-60 (b174aaa2), per set in bench.py (no threshold here): four records of heldout_cr's
# policy database 82/123 targets (112 found), tasks 134/176 (176 found); SEEN since reader61 (a document-wide note "各项措施
# 责任单位均包括X，以下不再列出", 各-divisions in 〔〕 one unit, a 示范区 level, a half-year milestone after 确保/力争, a rise
# over last year with a floor, "加快建设…N个…" no count): 117/123 (145 found), tasks 176/176 (176 found)
HUNDREDTH_SET = Path(__file__).resolve().parent / "heldout_cv"
# eight 生态环境部 texts: 25/32 (31 found), tasks 45/48 (45 found); SEEN since reader62: 32/32 (32 found), tasks 47/48 (47)
HUNDRED_AND_FIRST_SET = Path(__file__).resolve().parent / "heldout_cw"
# five page copies of 儿童/养老/教育 plans: 44/75 (47 found); SEEN since reader62: 75/75 (75 found)
HUNDRED_AND_SECOND_SET = Path(__file__).resolve().parent / "heldout_cx"
# five texts of a policy-QA knowledge base (北京): 18/18 (18 found), tasks 55/82 (66 found); SEEN since reader63
# (sharing said in other words, '…牵头，…负责落实', a deadline in a bracket of units, a zone after 和): tasks 82/82 (82 found)
HUNDRED_AND_THIRD_SET = Path(__file__).resolve().parent / "heldout_cy"
# session 24's third round (truth by gather95-97, reviewed by review36-38 before any reading), UNSEEN and left so (no
# rule written on them this session: the next session's unseen evidence), first read by the lead with 2624e1e0 (after
# reader57-63), per set in bench.py (no threshold here): three records of the policy database 28/35 targets (68 found),
# tasks 90/167 (167 found)
HUNDRED_AND_FOURTH_SET = Path(__file__).resolve().parent / "heldout_cz"
# two page copies of 妇幼 plans: 34/34 (37 found)
HUNDRED_AND_FIFTH_SET = Path(__file__).resolve().parent / "heldout_da"
# three more records of the policy database: 47/67 (74 found), tasks 58/59 (59 found)
HUNDRED_AND_SIXTH_SET = Path(__file__).resolve().parent / "heldout_db"
# round 4 of session 25, gathered while reader65-67 wrote rules on round 3, truth committed and reviewed before any reader
# ran; first read by the lead with 5cc7a7b5: three more records of the policy database (广元, 苏州, 河南): tasks 57/118 (101
# found), targets 35/63 (81)
HUNDRED_AND_SEVENTH_SET = Path(__file__).resolve().parent / "heldout_dc"
# three 2024 city work reports (随州, 泰州, 日照's review): targets 0/102 (92 found, all dated 2023)
HUNDRED_AND_EIGHTH_SET = Path(__file__).resolve().parent / "heldout_dd"
# eleven page openings (全民健身, 养老, 医保, 精神卫生, 职业病, 食品安全, 中医药): targets 58/64 (64 found)
HUNDRED_AND_NINTH_SET = Path(__file__).resolve().parent / "heldout_de"
# an energy-policy vault (北京 任务清单, 吉林 充换电, 重庆 空气): tasks 35/98 (98 found), targets 59/60 (62)
HUNDRED_AND_TENTH_SET = Path(__file__).resolve().parent / "heldout_df"
# round 5 of session 25, gathered while reader68-70 wrote rules on round 4, truth committed and reviewed before any reader
# ran; first read by the lead with 8033ae9c: 鄂州 and 天门 2024 work reports: targets 0/139 (0 found)
HUNDRED_AND_ELEVENTH_SET = Path(__file__).resolve().parent / "heldout_dg"
# 广州 2023 家庭医生 实施方案 with its tables: tasks 0/39 (0 found), targets 33/43 (45)
HUNDRED_AND_TWELFTH_SET = Path(__file__).resolve().parent / "heldout_dh"
# 定西 2023 今冬明春, 河南 2024 服务业: tasks 8/58 (35 found), targets 8/10 (22)
HUNDRED_AND_THIRTEENTH_SET = Path(__file__).resolve().parent / "heldout_di"
# 福清 2023, 南京 2023: tasks 0/74 (74 found), targets 0/2 (8)
HUNDRED_AND_FOURTEENTH_SET = Path(__file__).resolve().parent / "heldout_dj"
# 辽宁 设备更新, 湖南 充电 and 电力: tasks 30/46 (46 found), targets 34/43 (46)
HUNDRED_AND_FIFTEENTH_SET = Path(__file__).resolve().parent / "heldout_dk"
# round 6 of session 25, gathered while reader71-74 wrote rules on round 5, truth committed and reviewed before any reader
# ran; first read by the lead with e65e2424 and kept UNSEEN: 亳州 and 滨州 2024 work reports: targets 193/208 (207 found)
HUNDRED_AND_SIXTEENTH_SET = Path(__file__).resolve().parent / "heldout_dl"
# 漯河 and 抚州 2023 房地产 measures: tasks 55/61 (61 found), targets 0/0 (24 found)
HUNDRED_AND_SEVENTEENTH_SET = Path(__file__).resolve().parent / "heldout_dn"
# 河南 工业设备更新, 福建 充电, 云南 物流 and 充电倍增 (the energy-policy vault): tasks 40/55 (45 found), targets 24/29 (25)
HUNDRED_AND_EIGHTEENTH_SET = Path(__file__).resolve().parent / "heldout_dm"
# round 7 of session 26, gathered by helper gather109 while the lead wrote rules on round 6, truth committed before any reader
# ran; first read by the lead with 006a069e and kept UNSEEN: 衢州 and 镇江 2024 work reports: targets 168/185 (175 found)
HUNDRED_AND_NINETEENTH_SET = Path(__file__).resolve().parent / "heldout_do"
# round 8 of session 27, gathered by helper gather112 while the lead wrote rules on round 7, truth committed before any reader
# ran; first read by the lead with 57b13acc and kept UNSEEN: 上海 银发经济, 河南 生育支持, 福田 扩大消费: tasks 49/53 (53 found)
HUNDRED_AND_TWENTIETH_SET = Path(__file__).resolve().parent / "heldout_dr"
# round 8 too, gathered by helper gather111: 山东 服务业数字化转型 and 北京 2022 政务公开工作要点, first read with 3faaab8b and
# kept UNSEEN: tasks 91/95 (95 found), targets 0/0 (3 found)
HUNDRED_AND_TWENTY_FIRST_SET = Path(__file__).resolve().parent / "heldout_dq"
# round 8 too, gathered by helper gather110: 云南 2024 稳进提质, 河南 2025 降本增效 (the energy-policy vault), first read with
# 7d3ce973 and kept UNSEEN: tasks 95/97 (97 found), targets 10/15 (14 found)
HUNDRED_AND_TWENTY_SECOND_SET = Path(__file__).resolve().parent / "heldout_dp"
# eight NON-HEALTH texts from government text stored in public GitHub files: TASKS WITH UNITS (广州 2012 新型城市化 实施意见
# items "（牵头单位：X，配合单位：Y…，各区、县级市政府）": 科技创新工程, 民生幸福工程, 民主法治建设, 党建创新工程; a 四川 2014 督查
# notice) and goals (those 广州 texts; news reports of 贵州, 广西 and 京津冀 plans), gathered by helper unseen40, truth committed
# before the reader ran on them: unseen, first measured by the lead (no threshold here)
FORTY_NINTH_SET = Path(__file__).resolve().parent / "heldout_aw"
# seven HEALTH texts from public GitHub files (a new source): TASKS WITH UNITS (three 将健康融入所有政策 department-duty tables:
# 海南 2025 省级相关部门职责清单, 阜新 2020 and 句容 2022 各部门政策重点领域, one row a unit and its duties) and goals (抚州 乡镇敬老院
# 十条措施; 国家医保局 即时结算 2025, 门诊费用跨省直接结算 2021, 智能监管改革试点 2025) gathered by helper unseen39, truth committed
# before the reader ran on them: unseen, first measured by the lead (no threshold here)
FORTY_EIGHTH_SET = Path(__file__).resolve().parent / "heldout_av"
DATA = Path(tixi.indicators.__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def scores():
    return seed_scores(TRUTH, settings.TIXI_SEEDS_DIR)


def test_every_seed_has_its_expectations(scores):
    assert sorted(scores) == ["000", "001", "002", "003", "004"]
    assert sum(s["tasks"].expected for s in scores.values()) == 67
    assert (
        sum(s["targets"].expected for s in scores.values()) == 168
    )  # 003: 80％ read since reader24 (full-width ％)


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_precision_and_recall_at_least_0_9(scores, seed):
    """The seeds stay at 1.00 (the floor is 0.9)."""
    for kind in ("tasks", "targets"):
        result = scores[seed][kind]
        assert result.precision >= 0.9 and result.recall >= 0.9, (seed, kind, result)


def test_a_wrong_expectation_lowers_the_score():
    """The measure can fail: a unit moved from lead to cooperating no longer matches."""
    from tixi.ledger.engine.accuracy import task_score

    right = ("推进医联体建设发展", ["市卫生健康委"], ["市中医药局"])
    wrong = ("推进医联体建设发展", ["市卫生健康委", "市中医药局"], [])
    result = task_score([right], [wrong])
    assert result.precision == 0 and result.recall == 0


def test_a_task_is_matched_by_its_units_exactly_and_its_wording_by_overlap():
    """Issue 12 §4 asks the units exact and the task recognisable: a title cut at another comma, or kept with a
    heading's words, is the same task; another task of the same units is not; one expected task counts once."""
    from tixi.ledger.engine.accuracy import task_score, title_overlap

    units = (["市卫生健康委"], ["市医保局", "市财政局"])
    expected = [("加快推进紧密型县域医共体建设，实现县域全覆盖", *units), ("完善家庭医生签约服务", *units)]
    cut_elsewhere = ("加快推进紧密型县域医共体建设", *units)
    with_heading = ("（三）强化基层。推进紧密型县域医共体建设，实现县域全覆盖", *units)
    other_task = ("规范发展互联网医院", *units)
    assert task_score(expected, [cut_elsewhere]).matched == 1
    assert task_score(expected, [with_heading]).matched == 1
    assert task_score(expected, [other_task]).matched == 0
    assert task_score(expected[:1], [cut_elsewhere, with_heading]).matched == 1  # found twice, right once
    assert title_overlap("完善家庭医生签约服务", "规范发展互联网医院") < 0.5
    moved = ("加快推进紧密型县域医共体建设", ["市卫生健康委", "市医保局"], ["市财政局"])
    assert task_score(expected, [moved]).matched == 0  # units stay exact


def test_indicator_tables_against_the_plan_packs():
    """达川's Table 1 (29 rows) and 攀枝花's (19 rows and 2 sub-rows), written by hand into the plan
    packs row by row: each row read as the document's row with the right target value."""
    from tixi.ledger.engine.accuracy import table_scores

    tables = table_scores(DATA / "plans", settings.TIXI_SEEDS_DIR)
    assert {seed: s.expected for seed, s in tables.items()} == {"001": 29, "003": 21}
    for seed, result in tables.items():
        assert result.precision >= 0.9 and result.recall >= 0.9, (seed, result)


def test_an_indicator_row_in_detail():
    from tixi.ledger.engine.tables import indicator_rows

    seeds = settings.TIXI_SEEDS_DIR
    rows = {r["number"]: r for r in indicator_rows(next(seeds.glob("001_*.txt")).read_text(encoding="utf-8"))}
    assert (rows["3"]["baseline"], rows["3"]["target"], rows["3"]["comparator"]) == (0, 14.5, "le")
    assert rows["3"]["unit"] == "/10万" and rows["3"]["area"] == "健康水平"
    assert (rows["17"]["kind"], rows["17"]["change_per_year"], rows["17"]["nature"]) == (
        "change_per_year",
        -0.5,
        "binding",
    )
    assert rows["25"]["kind"] == "national" and rows["28"]["kind"] == "maintain"
    assert (rows["1"]["baseline_year"], rows["1"]["target_year"]) == (2020, 2025)


def test_indicator_suggestions_against_the_plan_packs():
    """The review page suggests an indicator for each drafted target; against the links made by hand
    in the plan packs, at least 90 % are right and a wrong one is rare."""
    from tixi.ledger.engine.accuracy import suggestion_scores
    from tixi.ledger.engine.matching import suggest

    counts = suggestion_scores(DATA / "plans", DATA / "catalogue.yaml")
    total = sum(counts.values())
    assert counts["right"] >= 0.9 * total and counts["wrong"] <= 0.05 * total, counts
    names = {"beds_per_1000": "每千人口医疗卫生机构床位数", "nurses_per_1000": "每千人口注册护士数"}
    assert suggest("每千人口医疗机构床位数(张)", names) == "beds_per_1000"
    assert suggest("居民健康素养水平(%)", names) is None


def test_the_held_out_plans_are_real_documents_with_their_source():
    """Nine public documents of other places than the seeds, each naming its source address."""
    from tixi.ledger.engine.accuracy import held_out_scores

    scores = held_out_scores(HELD_OUT)
    assert len(scores) >= 5
    for name in scores:
        assert (HELD_OUT / f"{name}.txt").read_text(encoding="utf-8").startswith("# source: http")
    assert not {"达州", "达川", "巴中", "巫山", "攀枝花"} & {
        place
        for name in scores
        for place in ("达州", "达川", "巴中", "巫山", "攀枝花")
        if place in (HELD_OUT / f"{name}.txt").read_text(encoding="utf-8")
    }


def test_held_out_figures_do_not_fall():
    """Floors at what the reader reached on the held-out plans (12 tasks, 27 targets): tasks 1.00/1.00,
    targets precision 1.00, recall 26 of 27 (健康浙江发展指数达85, a bare number, was missed until reader10's index rule:
    27 of 27 since; 26 of 26 since reader15, foshan's value in a clause its copy cuts off dropped from the truth by
    the lead's decision)."""
    from tixi.ledger.engine.accuracy import held_out_scores, total

    scores = held_out_scores(HELD_OUT)
    tasks, targets = total(scores, "tasks"), total(scores, "targets")
    assert (tasks.expected, targets.expected) == (12, 26)
    assert tasks.precision >= 0.99 and tasks.recall >= 0.99, tasks
    assert targets.precision >= 0.99 and targets.matched >= 26, targets


def test_seed_truth_follows_the_document_wide_rule():
    """Seed 000 says "以下均需各县（市、区）人民政府（管委会）落实": its later tasks carry the counties."""
    from django.conf import settings

    from tixi.ledger.engine import parse

    found = parse.tasks(next(Path(settings.TIXI_SEEDS_DIR).glob("000_*.txt")).read_text(encoding="utf-8"))
    assert all("各县（市、区）人民政府（管委会）" in t["cooperating_units"] for t in found)


def test_second_set_figures_do_not_fall():
    """The second set (1 task, 12 targets), measured once with the rules frozen: tasks 0/1, targets
    precision 0.31, recall 0.33. After the table-of-lines task, the list comparator and the
    分别-years rules: the task found, 12 of 12 targets, one extra ("15分钟健身圈", named without a
    year, is not in the truth); none since the rule on a value opening a short quoted name (session 12, reader8)."""
    from tixi.ledger.engine.accuracy import held_out_scores, total

    scores = held_out_scores(SECOND_SET)
    tasks, targets = total(scores, "tasks"), total(scores, "targets")
    assert (tasks.expected, targets.expected) == (1, 12)
    assert tasks.matched == 1 and tasks.found == 1, tasks
    assert (targets.matched, targets.found) == (12, 12), targets


def test_third_set_is_a_whole_document_with_its_truth():
    """广州's 人才集聚工程 document, whole (44 tasks, 62 targets), and four openings of health plans of
    other places, each naming where it comes from."""
    from tixi.ledger.engine.accuracy import held_out_scores, total

    scores = held_out_scores(THIRD_SET)
    assert len(scores) >= 5
    assert (total(scores, "tasks").expected, total(scores, "targets").expected) == (44, 62)
    for name in scores:
        text = (THIRD_SET / f"{name}.txt").read_text(encoding="utf-8")
        assert text.startswith("# source: http")
        assert not any(place in text for place in ("达州", "达川", "巴中", "巫山", "攀枝花"))


def test_third_set_figures_do_not_fall():
    """Measured once with the rules frozen (commit "Plan reader: a third held-out set…"): tasks 1 of 44
    right among 43 found (precision and recall 0.02: "牵头单位：X，配合单位：Y" read as one lead list,
    "各区、县级市" split in two, item "11.121…" lost), targets 0 of 62 (no 到YYYY年: "2012年起5年内" gave no
    year). After the comma-before-a-label, 各-phrase, next-item and period-from-a-year rules: 44 of 44
    tasks, 61 of 62 targets and none extra (1000项 is missed: 项 is not a unit, as in the seeds)."""
    from tixi.ledger.engine.accuracy import held_out_scores, total

    scores = held_out_scores(THIRD_SET)
    tasks, targets = total(scores, "tasks"), total(scores, "targets")
    assert tasks.matched == 44 and tasks.found == 44, tasks
    assert targets.matched >= 61 and targets.found == targets.matched, targets


def test_fourth_set_first_unseen_then_seen_since_reader10():
    """Kept unseen until session 13 (rules frozen at the commit before it): tasks 0 of 3 found (a table flattened to
    lines: 牵头/主体/配合责任单位 columns), targets 0 of 1 with 2 invented (绍兴's review of 2016 read as goals of
    2017). SEEN since reader10 wrote rules on its target failure classes (a review's title governs the numbered
    headings under it; a year-titled list of key work dates its rows): targets 1 of 1, nothing invented; the tasks
    of the flattened table are still not found."""
    from tixi.ledger.engine.accuracy import held_out_scores, total

    scores = held_out_scores(FOURTH_SET)
    assert len(scores) == 4
    for name in scores:
        assert (FOURTH_SET / f"{name}.txt").read_text(encoding="utf-8").startswith("# source: http")
    tasks, targets = total(scores, "tasks"), total(scores, "targets")
    assert (tasks.expected, tasks.found, tasks.matched) == (3, 0, 0), tasks
    assert (targets.expected, targets.found, targets.matched) == (1, 1, 1), targets


def test_bench_parse_prints_each_held_out_set_apart_from_the_seeds_seen_and_unseen_apart():
    """The seeds, then the held-out sets the rules were written on (SEEN), then those no rule was written on since their
    truth was committed (UNSEEN), each under its own heading, each group with its total; a precision with nothing found
    is "-", not 1.00 (青阳's tasks: none found of 3)."""
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("bench", "parse", "--repeat", "1", stdout=out)
    text = out.getvalue()
    seen_heading, unseen_heading = (
        text.index("=== SEEN held-out sets"),
        text.index("=== UNSEEN held-out sets"),
    )
    assert text.index("seed_truth") < seen_heading < unseen_heading
    seen = [
        "HELD-OUT plans",
        "SECOND",
        "THIRD",
        "FOURTH",  # seen since reader10
        "FIFTH",
        "SIXTH",
        "SEVENTH",
        "EIGHTH",
        "TENTH",
        "ELEVENTH",
        "TWELFTH",
    ]
    seen += ["FOURTEENTH", "SIXTEENTH", "FIFTEENTH"]  # the fifteenth seen since the session-12 class rules
    seen += ["EIGHTEENTH"]  # seen since the rules written on its failure classes (reader9)
    seen += ["NINETEENTH"]  # seen since the rules written on its failure classes (reader10)
    seen += ["TWENTIETH", "TWENTY-FIRST", "TWENTY-SECOND"]  # seen since reader11's class rules
    seen += ["TWENTY-THIRD", "TWENTY-FOURTH"]  # seen since reader12's class rules
    seen += ["TWENTY-FIFTH", "TWENTY-SIXTH"]  # seen since reader13's class rules
    seen += ["TWENTY-SEVENTH", "TWENTY-EIGHTH"]  # seen since reader14's class rules
    seen += ["TWENTY-NINTH", "THIRTIETH"]  # seen since reader15's class rules
    seen += ["THIRTY-FIRST", "THIRTY-SECOND"]  # seen since reader16's class rules
    seen += ["THIRTY-THIRD", "THIRTY-FOURTH"]  # seen since reader17's class rules
    seen += ["THIRTY-FIFTH", "THIRTY-SIXTH", "THIRTY-SEVENTH"]  # seen since reader18's class rules
    seen += ["THIRTY-EIGHTH", "THIRTY-NINTH"]  # seen since reader19's class rules
    seen += ["FORTIETH", "FORTY-FIRST"]  # seen since reader21's class rules
    seen += ["FORTY-SECOND", "FORTY-THIRD"]  # seen since reader22's class rules
    seen += ["FORTY-FOURTH", "FORTY-FIFTH"]  # seen since reader23's class rules
    seen += ["FORTY-SIXTH", "FORTY-SEVENTH"]  # seen since reader25's class rules
    seen += ["FORTY-EIGHTH", "FORTY-NINTH", "FIFTIETH"]  # seen since reader28's class rules
    seen += ["FIFTY-FIRST", "FIFTY-SECOND"]  # seen since reader29's class rules
    seen += ["FIFTY-THIRD"]  # seen since reader30's class rules
    seen += ["FIFTY-FOURTH"]  # seen since reader32's class rules
    unseen = ["NINTH", "THIRTEENTH", "SEVENTEENTH"]
    positions = [
        text.index(f"\n{heading} held-out" if heading != "HELD-OUT plans" else heading) for heading in seen
    ]
    assert positions == sorted(positions) and positions[-1] < unseen_heading
    unseen_positions = [text.index(f"\n{heading} held-out") for heading in unseen]
    assert unseen_positions == sorted(unseen_positions) and unseen_positions[0] > unseen_heading
    qingyang = next(line for line in text[positions[3] :].splitlines() if line.startswith("qingyang"))
    assert qingyang.split()[1:5] == ["-", "0.00", "3", "0"]
    guangzhou = next(
        line for line in text[positions[2] :].splitlines() if line.startswith("guangzhou_rencai")
    )
    assert guangzhou.split()[1:5] == ["1.00", "1.00", "44", "44"]
    unseen_total = text[text.index("all unseen sets together") :].splitlines()[2].split()
    # tasks n/found, targets n/found: the ninth, thirteenth and seventeenth sets (heldout_y and heldout_z seen since
    # reader13, their first measure at reader12 4148692: targets 41 of 64 with 52 found and 34 of 55 with 39 found, z's
    # tasks none found; heldout_aa and heldout_ab seen since reader14, their first measure at reader13 6f5be4d: targets
    # 47 of 50 with 60 found and 50 of 62 with 63 found, aa's tasks 1 of 2 with 2 found; ab once more with aa's classes
    # at reader14 2572fed: the same 50 of 62 with 63 found)
    # heldout_ag and heldout_ah (THIRTY-THIRD, THIRTY-FOURTH) seen since reader17, their first measure by the lead with
    # reader16's rules frozen (main 210f155): ag targets 38 of 61 with 51 found, tasks 0 of 2; ah 45 of 77 with 50 found,
    # tasks 0 of 8; heldout_ai, heldout_aj and heldout_ak (THIRTY-FIFTH to THIRTY-SEVENTH) seen since reader18, their first
    # measure by the lead with reader17's rules frozen (main c9efd1d): ai targets 46 of 54 with 47 found, tasks 0 of 1; aj
    # targets 6 of 47 with 6 found, tasks 2 of 23 with 3 found; ak targets 0 of 12, tasks 11 of 22 with 11 found
    # heldout_al and heldout_am (THIRTY-EIGHTH, THIRTY-NINTH) seen since reader19, their first measure by the lead with
    # reader18's rules frozen (main cc4f93c): al targets 37 of 49 with 44 found, no task; am targets 40 of 90 with 40
    # found, tasks 12 of 28 with 14 found
    # heldout_an and heldout_ao (FORTIETH, FORTY-FIRST) measured once by the lead with reader20's rules frozen (main
    # 6bcb5ca): an targets 43 of 53 with 50 found, no task; ao targets 24 of 38 with 24 found, tasks 11 of 13 with 13 found;
    # both seen since reader21
    # heldout_ap and heldout_aq (FORTY-SECOND, FORTY-THIRD) measured once by the lead with reader21's rules frozen (main
    # f581796): ap targets 50 of 69 with 64 found, no task; aq targets 10 of 31 with 15 found, tasks 1 of 8 with 2 found;
    # both seen since reader22
    # heldout_ar and heldout_as (FORTY-FOURTH, FORTY-FIFTH) measured once by the lead with reader22's rules frozen (main
    # c36f9b3): ar targets 1 of 2 with 6 found, tasks 1 of 3 with 1 found; as targets 2 of 18 with 4 found, tasks 0 of 5;
    # both seen since reader23
    # heldout_at and heldout_au (FORTY-SIXTH, FORTY-SEVENTH) measured by the lead with session 17's rules frozen (main
    # 0f3058e): at targets 2 of 15 with 7 found, tasks 15 of 16 with 16 found; au targets 19 of 27 with 20 found, tasks 3
    # of 41 with 4 found; with reader24 + fix17 (main 9ffd6d3): at targets 8 of 15 with 9 found, au the same; both seen
    # since reader25
    # heldout_av, heldout_aw and heldout_ax (FORTY-EIGHTH to FIFTIETH) measured once by the lead with main's rules frozen
    # (a278525): av targets 7 of 11 with 12 found, tasks 0 of 75; aw targets 55 of 70 with 75 found, tasks 65 of 66 with 65
    # found; ax targets 45 of 50 with 52 found, tasks 39 of 119 with 104 found; all three seen since reader28
    # heldout_ay and heldout_az (FIFTY-FIRST, FIFTY-SECOND) UNSEEN: with main's rules (a278525) ay targets 17 of 29 with
    # 65 found, tasks 54 of 100 with 96 found; az targets 18 of 38 with 48 found, tasks 14 of 33 with 33 found; with
    # reader27 and reader28 (0bcfa49) ay targets 17 of 29 with 58 found, az 22 of 38 with 39 found, tasks the same; both
    # seen since reader29
    # heldout_ba (FIFTY-THIRD) UNSEEN: with reader28's rules (67c5e2c) targets 30 of 49 with 72 found, tasks 8 of 8; with
    # reader29's (d0f534b) targets 30 of 49 with 60 found, tasks 8 of 8: the unseen total holds it with heldout_i, _m
    # and _q (tasks 46 of 46, targets 5 of 5); seen since reader30: the unseen total is heldout_i, _m and _q's again
    # heldout_bb (FIFTY-FOURTH) UNSEEN: with main's rules (13a433b) targets 92 of 119 with 98 found, tasks 10 of 10: the
    # unseen total holds it with heldout_i, _m and _q (tasks 56 of 56, targets 97 of 124 with 103 found)
    # heldout_bc (FIFTY-FIFTH) UNSEEN, gathered by helper gather46: with main's rules (13a433b9) targets 16 of 59 with 16
    # found, tasks 0 of 27; the unseen total holds it with heldout_bb, heldout_i, _m and _q (tasks 83 with 56 found, targets 173 with 119: 平阳's ten
    # targets left out by the lead, their year was not in the text)
    # heldout_bd (FIFTY-SIXTH) UNSEEN: with main's rules (efd6411) targets 107 of 136 with 110 found, no task: the
    # unseen total holds it too (with heldout_bb, _bc, _i, _m and _q: tasks 83 with 56 found, targets 309 with 229 found)
    # heldout_be (FIFTY-SEVENTH) UNSEEN, gathered by helper gather48: with main's rules (c320181) targets 72 of 87 with 74
    # found, no task: the unseen total holds it too (with heldout_bb, _bc, _bd, _i, _m and _q: tasks 83 with 56 found,
    # targets 396 with 303 found)
    # unseen total holds it with heldout_i, _m and _q (tasks 56 of 56, targets 97 of 124 with 103 found); seen since
    # reader32: the unseen total is heldout_i, _m and _q's again
    # heldout_bf (FIFTY-EIGHTH) UNSEEN, gathered by helper gather49: with main's rules (ba34b65) targets 17 of 17 with 17
    # found, tasks 11 of 30 with 15 found; the unseen total holds it too (its 30 tasks with 15 found and 17 targets with
    # 17 found added to main's 73/46 and 277/218)
    # heldout_be seen since reader34 (its classes: tixi bench parse --repeat 1 at reader34): the unseen total is heldout_bc,
    # _bd, _i, _m and _q's (tasks 73 with 46 found, targets 190 with 153 found)
    # both (lead, session 20): bc, bd, bf, i, m, q unseen; bd read a third time with reader32's and reader34's rules
    # (written on its siblings bb and be, not on it): targets 129 of 136 with 132 found
    # reader33: heldout_bc seen since reader33 (its classes: units in a cell, a line or a label of their own; a year named
    # only by a list's opening sentence or the progress page's date): the unseen total is heldout_bb, _bd, _i, _m and _q's
    # (tasks 56 with 56 found, targets 260 with 213 found: unchanged by reader33's rules); merged with main f1e43c3 (heldout_be
    # and _bf UNSEEN, bb seen since reader32): the unseen total is heldout_bd, _be, _bf, _i, _m and _q's, main's 103/61 and
    # 294/235 less bc's 27/0 and 49/16
    # both merged (lead, session 20): bd, bf, i, m, q unseen; bf read a second time with reader33's rules (written on bc):
    # tasks 11 of 30 with 15 found, unchanged
    # reader35: bf seen (its 30/28 tasks and 17/17 targets after reader35's rules move to the seen total)
    # heldout_bg (FIFTY-NINTH) UNSEEN, gathered by helper gather50: with main's rules (46d75aa) tasks 4 of 8 with 7 found,
    # no target; the unseen total holds it too (its 8 tasks with 7 found added to main's 76/61; targets unchanged)
    # both merged (lead, session 20): bd, bg, i, m, q unseen; bg read a second time with reader35's rules (written on
    # bf): tasks 4 of 8 with 7 found, unchanged
    # heldout_bh (SIXTIETH) UNSEEN, gathered by helper gather51: with main's rules (1acb928) targets 28 of 28 with 29
    # found, no task; the unseen total holds it too (its 28 targets with 29 found added to main's 141/137; tasks unchanged)
    # heldout_bi (SIXTY-FIRST) UNSEEN, gathered by helper gather52: with main's rules (1dd2498) tasks 79 of 81 with 79
    # found, targets 22 of 25 with 26 found; the unseen total holds it too (its 81 tasks with 79 found and 25 targets with
    # 26 found added to main's 54/53 and 169/166)
    # heldout_bj (SIXTY-SECOND) UNSEEN, gathered by helper gather53: with main's rules (952fcb7) tasks 73 of 75 with 75
    # found, targets 32 of 37 with 33 found; the unseen total holds it too (its 75 tasks with 75 found and 37 targets with
    # 33 found added to main's 135/132 and 194/192)
    # heldout_bk (SIXTY-THIRD) UNSEEN, gathered by helper gather54: with main's rules (952fcb7) tasks 116 of 122 with 118
    # found, targets 7 of 42 with 34 found; the unseen total holds it too (its 122 tasks with 118 found and 42 targets
    # with 34 found added to main's 135/132 and 194/192)
    # heldout_bl (SIXTY-FOURTH) UNSEEN, gathered by helper gather55: with main's rules (952fcb7) tasks 141 of 186 with 156
    # found, targets 53 of 59 with 65 found; the unseen total holds it too (its 186 tasks with 156 found and 59 targets with
    # 65 found added to main's 135/132 and 194/192)
    # together (bj, bk and bl added to main's 135/132 and 194/192): tasks 518 with 481 found, targets 332 with 324 found
    # heldout_bn (SIXTY-SIXTH) UNSEEN, gathered by helper gather57: with main's rules (4a012fa) tasks 56 of 56 with 56
    # found, targets 42 of 58 with 52 found; the unseen total holds it too (its 56 tasks with 56 found and 58 targets with
    # 52 found added to main's 518/481 and 332/324)
    # heldout_bm (SIXTY-FIFTH) UNSEEN, gathered by helper gather56: with main's rules (4a012fa) tasks 48 of 53 with 53
    # found, targets 22 of 24 with 25 found; the unseen total holds it too (its 53 tasks with 53 found and 24 targets with
    # 25 found added to 518/481 and 332/324): tasks 571 with 534 found, targets 356 with 349 found
    # heldout_bo (SIXTY-SEVENTH) UNSEEN, gathered by helper gather58: with main's rules (4a012fa) tasks 67 of 72 with 68
    # found, targets 1 of 1 with 30 found; the unseen total holds it too (its 72 tasks with 68 found and 1 target with 30
    # found added to main's 518/481 and 332/324)
    # together (bm, bn and bo added to main's 518/481 and 332/324): tasks 699 with 658 found, targets 415 with 431 found
    # reader37: heldout_bi seen (its 81/81 tasks and 25/25 targets after reader37's rules move to the seen total): the
    # unseen total is bd, bg, bh, i, m and q's again, unchanged by reader37's rules
    # merged (lead, session 21): bd, bg, bh, bj, bk, bl, bm, bn, bo, i, m, q unseen; main's total less bi's (81/79, 25/26),
    # bj..bo read a second time with reader37's rules (written on bi): tasks unchanged, targets 5 more found
    # reader38: heldout_bk and heldout_bl seen since reader38 (their 122 + 186 tasks and 42 + 59 targets move to the seen
    # total); the other unseen sets' found counts unchanged by reader38's rules: tasks 210 with 207 found, targets 231
    # with 225 found
    # merged (lead, session 21): reader37 (bi seen) and reader38 (bk, bl seen); unseen bd, bg, bh, bj, bm, bn, bo, i, m, q,
    # bj, bm, bn and bo read a second time with reader37's and reader38's rules (written on bi, bk, bl, not on them)
    # heldout_bp, _bq, _br (SIXTY-EIGHTH to SEVENTIETH) UNSEEN, truth by gather59/60/61, first read by the lead with
    # acfba7b's rules: bp targets 17/21 (17 found), task 0/1; bq tasks 20/20, targets 17/20 (18 found, after the lead's
    # change); br targets 13/14 (17 found): added to 310/305 and 289/291
    # reader39: heldout_bn and heldout_bo seen since reader39 (their 56 + 72 tasks with 56 + 68 found and 58 + 1 targets
    # with 59 + 1 found move to the seen total); the other unseen sets' figures unchanged by reader39's rules (per set
    # against main's, tixi bench parse --repeat 1): tasks 182 with 181 found, targets 230 with 226 found
    # merged (lead, session 21): reader39 (bn, bo seen); unseen bd, bg, bh, bj, bm, bp, bq, br, i, m, q (bj, bm read a
    # third time, bp, bq, br a second time, with reader39's rules written on bn and bo)
    # heldout_bs, _bt, _bu (SEVENTY-FIRST to SEVENTY-THIRD) UNSEEN, truth by gather62/63/64, first read by the lead with all
    # of session 21's rules (3507467): bs 13/13 targets (14 found), bt 10/13 (11 found), bu 2/4 (8 found) and task 0/1
    # reader40: heldout_bj, _br and _bt seen since reader40 (their 75 tasks with 75 found and 37 + 14 + 13 targets with 36
    # + 16 + 14 found move to the seen total); the other unseen sets' figures unchanged by reader40's rules (per set
    # against main's, tixi bench parse --repeat 1): tasks 129 with 126 found, targets 251 with 248 found
    # conv22 (session 22): a count of pilots to select is a target (heldout/README.md "What counts"); the reader reads
    # heldout_bu's "遴选出200个以上…试点项目" (truth unchanged): targets found 311 -> 312
    # merged (lead, session 22): reader40 (bj, br, bt seen), reader41, conv22: unseen tasks 129 with 126 found, targets 251 with 249
    # heldout_bv … heldout_ca (SEVENTY-FOURTH to SEVENTY-NINTH) UNSEEN, truth by gather65-70 (reviewed by review22 before
    # any reading), first read by the lead with main 8845c4b: together targets 167 of 271 with 194 found, tasks 43 of 51
    # with 51 found (per set in bench.py); added to 129/126 and 251/249
    # reader44: heldout_by and heldout_ca seen since reader44 (their 0 + 39 tasks with 0 + 39 found and 34 + 27 targets
    # with 34 + 28 found move to the seen total); the other unseen sets' figures unchanged by reader44's rules (per set
    # against main's, tixi bench parse --repeat 1): tasks 141 with 138 found, targets 461 with 365 found
    # reader43: heldout_bx and heldout_bz seen since reader43 (their 25 + 77 targets with 25 + 77 found move to the seen
    # total); the other unseen sets' figures unchanged by reader43's rules (per set against main's, tixi bench parse
    # --repeat 1): tasks 180 with 177 found, targets 420 with 363 found
    # merged (lead, session 22): reader43 + reader44 (bx, by, bz, ca seen)
    # reader42: heldout_bv and heldout_bw seen since reader42 (their 12 tasks with 12 found and 47 + 61 targets with 54 + 59
    # found move to the seen total); the other unseen sets' figures by reader42's rules (per set against main's, tixi bench
    # parse --repeat 1): tasks 168 with 165 found, targets 414 with 413 found (heldout_bx found 15 -> 21)
    # merged (lead, session 22): reader42 + reader43 + reader44: bv … ca all seen; unseen as before them
    # heldout_cb, _cc, _cd (EIGHTIETH to EIGHTY-SECOND) UNSEEN, truth by gather71/72/73 (reviewed by review23), first read
    # by the lead with main 34995823: targets 135 of 228 with 181 found (cb 52/91 (86), cc 51/92 (59), cd 32/45 (36))
    # reader46: heldout_cc seen since reader46 (its 92 targets with 87 found move to the seen total); the other unseen
    # sets' figures unchanged by reader46's rules (per set against main's, tixi bench parse --repeat 1)
    # reader47: heldout_cd seen since reader47 (its 45 targets with 39 found move to the seen total); the other unseen sets
    # by reader47's rules (per set against main's, tixi bench parse --repeat 1): heldout_cb found 86 -> 87 (one extra in
    # guowuyuan_2021_zhengfu_gongzuo_baogao), heldout_cc 59 -> 61 (shanghai_gangyao_gaopinzhi_shenghuo_2025 13 -> 14, one
    # more matched; shanghai_gangyao_zhuyao_mubiao_2025 12 -> 13, one extra): tasks 129 with 126, targets 434 with 397
    # merged (lead, session 22): reader46 + reader47 (cc, cd seen)
    # reader45: heldout_cb seen since reader45 (its 91 targets with 94 found move to the seen total); the other unseen
    # sets by reader45's rules (per set against main's, tixi bench parse --repeat 1): targets 388 with 348 found
    # (heldout_bd found 132 -> 134, recall 0.95 -> 0.96; one heldout_cc document 9 -> 11 found)
    # merged (lead, session 22): reader45 (cb seen) with reader46, reader47: heldout_bd's gansu 24 -> 26 found
    # heldout_ce, _cf (EIGHTY-THIRD, EIGHTY-FOURTH) UNSEEN, truth by gather74/75, first read by the lead with main
    # 8b512c9d: targets 93 of 126 with 105 found (ce 45/74 (46), cf 48/52 (59)); added to 251/251
    # reader48: heldout_ce, _cf seen since reader48 (their 126 targets with 130 found move to the seen total); the other
    # unseen sets by reader48's rules (per set against main's, tixi bench parse --repeat 1): heldout_bm found 14 -> 13 (one
    # extra fewer, P 0.93 -> 1.00): targets 251 with 250 found
    # heldout_cg, _ch, _ci, _cj (EIGHTY-FIFTH to EIGHTY-EIGHTH) UNSEEN, truth by gather76-79 (reviewed by review24a/b),
    # first read by the lead with session 22's last reader (1bcbf6f): targets 201 of 289 with 253 found (cg 66/117 (77),
    # ch 47/61 (58), ci 52/71 (64), cj 36/40 (54)); added to 251/250
    # heldout_ck, _cl (EIGHTY-NINTH, NINETIETH) UNSEEN, truth by gather80/81 (reviewed by review25), first read by the lead
    # with 1bcbf6f's reader: targets 86 of 160 with 128 found (ck 56/111 (71), cl 30/49 (57)); added to 540/503; one task
    # found where ck's truth has none (十五 纲要): tasks 129 with 127 found
    # reader51 (the goal grammar's classes; per set against main's, tixi bench parse --repeat 1): heldout_bd
    # ningxia_2026_yiliao_anju 11 -> 12 found, one more matched (recall 0.79 -> 0.86; the document not opened): 251 with 251
    # merged (lead, session 23): reader51 with the six fresh sets UNSEEN; their second reading (reader51's grammar was
    # written before they existed): 294 of 449 with 390 found (first reading 287 with 381): unseen 700 with 641 found
    # reader53: heldout_ch, _cl seen since reader53 (their 110 targets with 116 found move to the seen total); the other
    # unseen sets by reader53's rules (per set against main's, tixi bench parse --repeat 1): found 516 -> 524 (heldout_cg's
    # 2015 report 28 -> 30, R 0.83 -> 0.92; heldout_ck's 1990 七五 24 -> 27 and 1995 八五 8 -> 11, each recall up): targets
    # 590 with 524 found; tasks unchanged
    # merged (lead, session 23): reader53 (ch, cl seen) after reader49/50/51: unseen 590 with 527 found
    # reader52: heldout_cg, _ck seen since reader52 (their 117 + 111 targets with 119 + 93 found, and ck's one task found
    # where none is, move to the seen total); the other unseen sets by reader52's rules (per set against main's 58c7c4ad,
    # tixi bench parse --repeat 1): heldout_ch guowuyuan_2014 found 22 -> 24 (one more matched), heldout_ci
    # zhongwei_anquan 1 -> 2 and heldout_cl guowuyuan_2009 21 -> 25 (none more matched): tasks 129 with 126 found,
    # targets 472 with 497 found
    # merged (lead, session 23): reader52 (cg, ck seen) with reader49/50/51/53: unseen (the eleven older sets, ci, cj) 362 with 370
    # merged (lead, session 23): reader54 (ci, cj seen): the unseen sets are the eleven older ones again, 251 with 251 found
    # heldout_cm, _cn, _co (NINETY-FIRST to NINETY-THIRD) UNSEEN, truth by gather82/83/84 (reviewed by review26), first
    # read by the lead with bf36fdd3 (after reader49-54): targets 156 of 182 with 186 found (cm 79/81 (79), cn 50/57 (53),
    # co 27/44 (54)); added to 251/251
    # heldout_cp, _cq (NINETY-FOURTH, NINETY-FIFTH) UNSEEN, truth by gather85/86 (reviewed by review27), first read by the
    # lead with the reader after reader49-54: targets 87 of 170 with 95 found (cp 67/105 (75), cq 20/65 (20)), tasks 3 of
    # 5 with 5 found; added to 433/437 and 129/126
    # merged (lead, session 23): reader55 (cm, cn, co seen): unseen the eleven older sets, cp and cq: 421 with 346 found
    # merged (lead, session 23): reader56 (cp, cq seen) with reader55: the unseen sets are the eleven older ones again
    # reader60 (a report part heading setting the year's plan, budget or work in 1950-1999 or this century dates its goals;
    # a report's level for its own year with 将 beside last year's is a goal): heldout_cu 1956 0 -> 40 of 42 (52 found),
    # 1998 0 -> 7 of 8 (7 found): unseen 567 with 476 found; no other set changed (tixi bench parse --repeat 1, per set)
    # reader60 (a rise over last year beside such a level no level, 万担 a unit, the excess over a level named no level, a
    # plan's announced list of main indicators read bare): heldout_cu 1956 40/42 (46 found), 1980 11 -> 37 of 41 (41
    # found): unseen 567 with 496 found; no other set changed
    # reader60: numbers digit by digit in numerals ("二四·四万张", "一九五七年"): heldout_cu 一五 0 -> 9 of 9 (567/505); then
    # heldout_cu seen (its 100 targets with 103 found move to the seen total): unseen 467 with 402 found
    # merged (lead, session 24): reader57-60 (heldout_cr, _cs, _ct, _cu seen): the eleven older sets
    # session 24 round 2 (heldout_cv … _cy) registered unseen
    # reader63: heldout_cy tasks 55/82 (66 found) -> 82/82 (unseen 435/429), then heldout_cy seen (82 tasks, 18 targets
    # move to the seen total); no other set changed (tixi bench parse --repeat 1, per set)
    # merged (lead, session 24): reader61-63 (heldout_cv … _cy seen): the eleven older sets again
    # session 24 round 3 (heldout_cz, _da, _db) registered unseen and left so
    # conv24 (investment: the plan's own projects' spending is no target): heldout_db's truth 5 values fewer (贵州 4,
    # 佛山 1, changed by reading the text; the set stays unseen), found unchanged
    # conv24 (a payment standard raised is no target): heldout_db jiangsu's 人均730元 out of the truth (381)
    # lead (session 24): the reader follows conv24's payment standards (one fewer found)
    # reader66 (session 25: charges' rules, support measures, a rise over last year in measures in force, designated
    # kinds pushed, 万家次, a procedure's terms under a when-clause): heldout_cz 安徽 17/18 (47 found) -> 18/18 (18), 郑州
    # 10/11 (13) -> 10/11 (11), 广东 1/6 (8) -> 2/6 (6): unseen 381 with 396 found
    # reader67 (session 25, rules by class on heldout_db 佛山/贵州 and heldout_da 西安/福州, the sets still registered
    # unseen): db 佛山 10/12 (20 found) -> 12/12 (14), 贵州 25/27 (40) -> 26/27 (26), da 福州 20/20 (21) -> 20 (20), 西安
    # 14/14 (16) -> 14 (14), cz 安徽 17/18 (47) -> 17 (46); of the older unseen sets bm shandong_biaozhixing 13/13 (14) ->
    # 13 (13); no unseen match lost (per document, /work/tools/measure.py over every set)
    # lead (session 25): reader66 and reader67 merged: unseen 381 with 372 found (per document against 86bc8191: no match lost)
    # reader65 (session 25, round 3 rules; per set against main's 86bc8191, tixi bench parse --repeat 1): heldout_cz 广东
    # targets 8 -> 9 found (6/6), heldout_db 江苏 14 -> 24 found (22/22); tasks found unchanged (cz 90 -> 167 matched)
    # lead (session 25): reader65 merged on top: unseen 381 with 381 found (per document: cz 广东 and 安徽, db 江苏 gain, none lost)
    # lead (session 25): heldout_cz, _da, _db seen since reader65-67 (tasks 226 with 226 found, targets 130 with 132 found
    # leave the unseen pool); round 4 registered unseen, first read with 5cc7a7b5: heldout_dc tasks 57/118 (101 found),
    # targets 35/63 (81); heldout_dd targets 0/102 (92); heldout_de 58/64 (64); heldout_df tasks 35/98 (98), targets 59/60 (62)
    # reader70 (session 25, round-4 target extras: a support measure's terms, service times in 个工作日/个自然日): dc 广元
    # 13/19 (39 found) -> 17/19 (17), 苏州 13/18 (29) -> 14/18 (15), 河南 9/26 (13) -> 9/26 (11); df 重庆 41/42 (44) ->
    # 41/42 (42); no unseen match lost (per document, /work/tools/measure.py); then a goal clause after 鼓励's, graduates
    # drawn, a machine's size, a crop managed: 广元 18/19 (18), 苏州 15/18 (16), 河南 9/26 (10), 重庆 41/42 (41), dd 泰州
    # 0/17 (14) -> 0/17 (16: 150个 and 100个 read, dated 2023 where the truth has 2024, the dating lane's)
    # reader68 (session 25, round 4 tasks' units): heldout_dc tasks 118/118 (118 found: 苏州 41 -> 55, 广元 32 -> 35),
    # heldout_df 98/98, heldout_de 枣庄's colophon no task (1 -> 0 found); targets unchanged
    # reader69 (session 25, dating and missed targets in round 4, the sets still registered unseen): dd 随州 0/85 (78
    # found) -> 75/85 (78), 泰州 0/17 (14) -> 14/17 (14) (a report's year from its part after the review); dc 河南 9/26
    # (13) -> 22/26 (26) (measures titled for a year's quarter: that year); de 柳州 4/6 -> 6/6 (今年 on a dated page),
    # 上海 布局 5/7 -> 6/7 (不小于), 山西 13/14 -> 14/14 (14 found), df 重庆 41/42 (44) -> 42/42 (45) (units 类, 艘); seen
    # sets unchanged
    # lead (session 25): reader70, reader68 and reader69 merged: unseen tasks 345 with 342 found, targets 540 with 525
    # lead (session 25): heldout_dc, _dd, _de, _df seen since reader68-70 (tasks 216 with 216 found, targets 289 with 276
    # found leave the unseen pool); round 5 registered unseen, first read with 8033ae9c: heldout_dg targets 0/139 (0 found);
    # heldout_dh tasks 0/39 (0), targets 33/43 (45); heldout_di tasks 8/58 (35), targets 8/10 (22); heldout_dj tasks 0/74
    # (74), targets 0/2 (8); heldout_dk tasks 30/46 (46), targets 34/43 (46)
    # reader73 (session 25): heldout_dh tasks 0/39 (0) -> 39/39 (39) (a 任务分工表 with its department's own 处室 columns
    # and numbered items over several rows); targets 33/43 (45) -> 40/43 (48) (a rise with no figure then a level for a
    # named year, "，2035年达到90%", a formula's "*100%"); seen sets unchanged
    # reader72 (session 25): round-5 tasks' units: di 河南 服务业 0/28 (27 found) -> 28/28 (28), dk 湖南 848号 0/16 ->
    # 16/16 (glued division kinds one unit, a rule in its own bracket, a zone sharing 管委会, 按职责分工 closing a list);
    # dj 南京 0/33 -> 33/33 (排序第一的…为该项牵头单位 closing the document), 福清 0/41 -> 41/41 (a rule's units divided
    # by commas, a comma part's level), di 定西 8/30 (8) -> 30/30 (30) (a units line closing a group of measures)
    # lead (session 25): reader73 and reader72 merged: unseen tasks 346 with 343 found
    # reader71 (session 25, work reports of heldout_dg): a copy with no title dated by any heading of the part for the year
    # after its review ("二、2024年重点工作安排", "二、2024年总体思路和目标任务"): 鄂州 0/82 (0) -> 58/82 (62), 天门 0/57 (0) ->
    # 56/57 (63); seen sets unchanged. reader71: a work report's clause opened by its work and closed by its count
    # ("组织…活动10场", "处置…土地6000亩", "筹集…住房1500套") its year's goal, the projects' "完成投资N亿元" after the clause
    # naming them no goal: 鄂州 58/82 (62) -> 72/82 (75); seen: two extras gone (竹山 15 -> 14 found, 贵州 扩大投资 64 -> 63)
    # reader71: funds to win ("申报争取债券资金25亿元以上", "争取…项目资金增长10%") no goal, a report's pilots named by one of
    # them ("开展…等11个…试点") its goal: 鄂州 72/82 (75) -> 72/82 (74), 天门 56/57 (63) -> 57/57 (63); seen: 贵州 扩大投资 one
    # extra gone (63 -> 62 found)
    # reader71: more works of a report closing their clause with a count (安装, 筹建, 建设, 提档升级; a count before a
    # list of 、): 鄂州 72/82 (74) -> 77/82 (79); seen sets unchanged
    # lead (session 25): reader71 merged on top: unseen targets 488 with 515 found
    # reader74 (session 25): round-5 targets: dj 南京 0/1 (8) -> 1/1 (8) (a measure's 执行期至 no horizon), dh 广州 40/43
    # (48) -> 42/43 (44) (a year's 培训计划 dates its clause, "80%用于…" a share put to a use), di 定西 8/10 (22) -> 8/10
    # (18) (a grant's condition with 每户/分别 or a second 的-clause): unseen targets found 373 -> 365
    # lead (session 25): reader74 merged; round 5 (heldout_dg … _dk) seen since reader71-74 (tasks 217 with 217 found, targets
    # 237 with 258 found leave the unseen pool): the eleven older unseen sets remain
    # lead (session 25): round 6 registered unseen, first read with e65e2424 and left unseen (the next session's evidence):
    # heldout_dl targets 193/208 (207 found); heldout_dn tasks 55/61 (61 found), targets 0/0 (24 found)
    # lead (session 25): heldout_dm (round 6) registered unseen, first read with e65e2424's reader: tasks 40/55 (45 found),
    # targets 24/29 (25 found)
    # lead (session 26): rules on round 6's misses (tasks' units, housing measures' terms): unseen tasks 245 with 242 found,
    # targets 488 with 505 found; then round 6 (heldout_dl, _dm, _dn) seen, and heldout_do (衢州, 镇江 2024 work reports) registered
    # unseen, first read with 006a069e's reader: targets 168/185 (175 found)
    # lead (session 27): heldout_do reviewed (review113: 185 -> 186 targets; first reading 169/186 with 175 found) and seen
    # since the lead's rules on its misses: its targets leave the unseen pool (the eleven older unseen sets remain)
    # lead (session 27): heldout_dr (round 8) registered unseen, first read with 57b13acc: tasks 49/53 (53 found)
    # lead (session 27): heldout_dq (round 8) registered unseen, first read with 3faaab8b: tasks 91/95 (95 found), targets 0/0
    # (3 found); 3faaab8b's class of a work report's works done with no goal's word ('新创成…5家', '新改造…万平方米', written on
    # heldout_do) also reads two more of unseen heldout_bd 宁夏's (12 -> 14 of 14, 12 -> 14 found)
    # lead (session 27): heldout_dp (round 8) registered unseen, first read with 7d3ce973: tasks 95/97 (97 found), targets
    # 10/15 (14 found)
    assert unseen_total[3:5] == ["374", "371"] and unseen_total[7:9] == ["266", "268"]
    # reader55: heldout_cm, _cn, _co seen since reader55 (their 182 targets with 186 found move to the seen total); the
    # other unseen sets' figures unchanged by reader55's rules (per set against main's, tixi bench parse --repeat 1)
    # reader56: heldout_cp, _cq seen since reader56 (their 170 targets with 140 found and 5 tasks with 5 found move to the
    # seen total); the other unseen sets' figures unchanged by reader56's rules (per set against main's 7a765845, tixi
    # bench parse --repeat 1)
    # reader54: heldout_ci, _cj seen since reader54 (their 111 targets with 108 found move to the seen total); the other
    # unseen sets' figures unchanged by reader54's rules (per set against main's, tixi bench parse --repeat 1)
    seen_total = text[text.index("all seen sets together") :].splitlines()[2].split()
    # reader14: aa 50 of 50 with 54 found (the 4 extras: values in a clause the copy cut off), ab 62 of 62 with 62
    # found; heldout_t's chusheng_quexian and huli_2015, heldout_u's kouqiang sets and dianquefa_2010, heldout_v's
    # fuzhou_shisiwu and jiankang_wuhan better by the same classes, none worse
    # reader15: heldout_ac (first measured at reader14 523b648: 21 of 53 with 26 found) and heldout_ad (60 of 64 with 61
    # found) seen since reader15; now ac 49 of 53 with 51 found, ad 63 of 64 with 64 found; heldout tianjin_jingshen_weisheng
    # and heldout_y henan_quyu_zhongxin better by the same classes, none worse; foshan's cut value dropped from its truth
    # (the lead's decision) and a clause a copy cuts off read as lost: foshan, hebei_jiankang_2027 (3) and xinli_shidian_2020
    # one extra fewer each; the people a yearly task screens (河北 1160万 twice, 甘肃 20万名, 湖北 26万对): ac found 51 -> 55;
    # the plan's own actions counted (16项专项行动): ac found 55 -> 54
    # reader16: heldout_ae (first measured at reader15 7dfb6ff: targets 15 of 31 with 19 found, tasks 11 of 12 with 11
    # found) and heldout_af (11 of 103 with 24 found, tasks 15 of 20 with 16 found) seen since reader16; now ae 16 of 31
    # with 19 found, af 86 of 103 with 86 found (the yearly list of tasks as a context); heldout_z ningguo 7 -> 8 of 8;
    # then ae's own classes (a completion report with labelled notes, a place's share of the task, a list of "今年"): ae 24 of 31 with 25 found
    # reader17: heldout_ag and heldout_ah seen since reader17; their classes (a 分解方案 bracket's 牵头领导/数据提供单位, a
    # yearly list named "今年,…" or "为民服务N项举措" or known by its items' planned funds, items as count headlines, a work
    # meeting's past-year paragraph and "今年" goals, units named bare, a standard per head raised to N元, "等N种"): ag 59 of
    # 61 with 59 found, tasks 2 of 2; ah 75 of 77 with 77 found, tasks 8 of 8; no other set changed
    # reader18: heldout_ai, heldout_aj and heldout_ak seen since reader18; their classes (a breakdown numbered past 99 and
    # titled without 主要, a table one cell a line with blank lines between, a yearly list's progress table, a 工作责任清单 and
    # a score in 分, a yearly list named across short lines, a cell "X负责,Y配合" or "(一)由X负责,…", rates joined by 和 before
    # 均, "N天内…比例", "等N家", a 绩效目标申报表's 指标值, 批次/堂 and "对N户"): ai 47 of 54 with 47 found; aj targets 36 of 47
    # with 37 found, tasks 23 of 23 with 23 found; ak targets 11 of 12 with 12 found, tasks 18 of 22 with 18 found; a copy
    # cut inside a label's units names none: heldout_af anhui_2023 and heldout_x bayuquan one extra task fewer each; no
    # other set changed
    # reader19: heldout_al and heldout_am seen since reader19; their classes (a yearly list titled 重点民生事项 and its items
    # that 筹建/投放/开发/举办/放映/确保/更新 a count, 万场/万套/万只, a standard raised to or by an amount, a scope widened to
    # N类, a table one cell a line with bare "|" lines and group rows, "各区、县(市)政府(管委会)" one unit, a progress table's
    # 落实情况 column and its notes after the status cell, a report titled over short lines, "2030年达30%", a plan titled
    # YYYY年度…方案, "目标值9", a threshold ",可与…", one in each of a share of places, a
    # copying site's note restating the title, ㎡, a yearly fall ended by ";", two rates joined by 和
    # before one value): al targets 46 of 49 with 47 found;
    # am targets 90 of 90 with 91 found, tasks 20 of 28 with 24 found; no other set changed
    # reader20: the residual misses of ai … am by general class (one vocabulary of lead/cooperating words for labels,
    # role words and columns with 承办/协办/主办 and "配合落实"; a table one cell a line without 序号; a verb before a list
    # whose first item has no count, 位 closing a clause; "YYYY年重点工作"; stages "YYYY年:" under a label of indicators,
    # 平方米/人; a sentence opening "YYYY年," before a later year; a long second rate after 及; a units sentence under its
    # heading; "到今年底"; comparators in words; more units): ai 52 of 54 with 52 found; aj targets 45 of 47 with 46 found;
    # ak tasks 19 of 22; am tasks 23 of 28 with 27 found; heldout_ae zhejiang_2024 0 -> 1 of 1; no other set changed
    # reader21: heldout_an and heldout_ao seen since reader21; their classes ("等各相关部门", a yearly plan's year from a spaced
    # title or "YYYY年…工作的总体要求是:", 分别 and a change by one value after listed indicators, three or more kinds before
    # the one rate they share, a forecast of the population, "YYYY年建成…N个", "A率和B率均达到", "均分别达到X、Y" per year):
    # an targets 51 of 53 with 53 found; ao targets 36 of 38 with 36 found, tasks 13 of 13; then reader20's residual
    # (one value 均 sets for a list of years, a later year keeping the level without a value): heldout_ai kezuozhongqi
    # 10 -> 12 of 12 with 12 found; the gap between two figures ("相差10岁左右") no goal and a sign after an indicator in a
    # sentence whose unit the copy lost ("…寿命≥71,"): an shanghai 1 of 3 with 2 found -> 3 of 3; no other set changed
    # reader22: heldout_ap and heldout_aq seen since reader22; their classes (square brackets of units "[责任单位:…,列第一位的
    # 为牵头单位,下同]", a 牵头 glued to the next unit and 团省委's own level, a decision table's 决策事项名称/决策承办单位, an
    # indicator table one cell a line whose header lost 序号 and a value's own %, a 分工 table a PDF ran into one line with
    # its document-wide rules "列在首位的为牵头单位…下同" and "以下均需…落实,不再列出"): aq targets 26 of 31 with 31 found,
    # tasks 8 of 8 with 8 found; then life expectancy raised "从2015年的76.7岁,提高至78岁" across a comma: ap chongqing 0 -> 1
    # of 5; "已建成…的比率达到35%" a rate to reach, no result reported: ap shenzhen 5 -> 10 of 10 with 17 found (ap 56 of 69
    # with 70 found); 万次 a unit: ap gonggong_fuwu 16 -> 17 of 19 (ap 57 of 69 with 71 found); a title line naming a
    # year's scheme ("某县2014年…补偿方案") dates its undated goals: aq sinan 0 -> 3 of 5 with 5 found (aq 29 of 31 with 36
    # found); no other set changed
    # reader23: heldout_ar and heldout_as seen since reader23; their classes (a news page's "今年计划/拟…" dating its goals,
    # results that "奠定了…基础", a table with a bare "|" line closing each cell and its units one a line, a paragraph
    # opened by "YYYY年," dating its later sentences, "今年还拟改造…" counted but not "涉及…户" nor "实施民生工程32项"): ar
    # targets 1 of 2 with 2 found, tasks 1 of 3 with 1 found; as targets 15 of 18 with 15 found, tasks 4 of 5 with 4 found;
    # heldout_ae henan_shixiang_shishi_2022 1 -> 4 of 4; no other set changed
    # reader25: heldout_at and heldout_au seen since reader25; their classes (units 万元, 万元／人, 亿吨, 亿亩, 亿立方米,
    # 微克/立方米, m2; a table whose rows name their unit in a cell before the task, a unit cell spanning rows; a title line
    # "YYYY年度…考核细则"; counts in 次 and 例 with their comparator; a ratio's bare value "倍差缩小到1.9以内", "之比达到
    # 0.75"; a unit named by its province keeps its name; units after a semicolon with no label are the label's before
    # it; a share stated as what is, "约占…的50%以上", no goal): at targets 15 of 15 with 15 found, tasks 15 of 16; au
    # targets 27 of 27 with 27 found, tasks 40 of 41 with 40
    # found; heldout_aq sinan 3 -> 4 of 5, heldout_v jiankang_wuhan 9 -> 10 of 11; no other set changed
    # reader28: heldout_av, heldout_aw and heldout_ax seen since reader28 (tasks 75 + 66 + 119, targets 11 + 70 + 50 more);
    # their classes (a document-wide rule's units lead in a document whose brackets name no role, a rule closing a square
    # bracket, 各区〔县、市〕政府 one unit): ax tasks 39 -> 89 of 119 with 106 found; a duty table "部门 | 职责与任务" (one row
    # a department and its duties, its task): av tasks 0 -> 73 of 75 with 75 found; 计生协, 党校, 电视台, 海关 and a name
    # with its other name in 〔〕 end a unit's name: ax tasks 89 -> 102 of 119 with 119 found; heldout_ar
    # anhui_aiwei_jiankang_2025_yaodian finds one more task (1 of 3 with 2 found: its "省卫生健 康委" keeps the PDF's space
    # and "等有关部门" stays a unit); a paragraph looking forward to a five-year period dates its goals by the period's end:
    # aw guangxi 3 -> 9 of 9 with 10 found; 突破 gt, 万辆, 万台套: aw guizhou 5 -> 8 of 8 with 12 found, ax taian 1 -> 2 of 2;
    # hours to spend at least ("不低于2小时"): ax hainan_ertong_jiankang 8 -> 10 of 10; an amount sizing what a goal counts
    # ("3家以上100亿元企业", "营收超1000万元OPC100家") no goal: aw guizhou 12 -> 9 found, guangzhou_keji 16 -> 15, ax
    # hangzhou 24 -> 23 (none right lost); a payment's standard and its condition ("对…达10个以上的，给予最高3万元的奖励",
    # "按…的10%给予奖励") no goal: ax ningbo 7 -> 2 found (2 of 2 right); a condition "…少于/大于N人的，" no goal: av fuzhou
    # 8 -> 6 found (4 of 5 right); a share to reach after its verb ("实现…占…的80%以上"): av yibao_jishi 1 -> 2 of 2; no
    # other set changed
    # reader29: heldout_ay and heldout_az seen since reader29 (tasks 100 + 33, targets 29 + 38 more); their classes (a
    # comma in a 责任单位 list splits lead from cooperating only where the document says so; a document-wide rule
    # "以下均涉及各县区、功能区，不再重复列出" whose short names the bracket spells out; the level rule for names up to 10
    # characters and not in a document that writes its departments bare): ay tasks 54 -> 93 of 100 with 96 found, az
    # tasks 14 -> 33 of 33; heldout_am xuchang 0 -> 2 of 2, heldout_ax hangzhou 13 -> 16 of 16, sichuan 13 -> 16 of 16;
    # no other set changed; "到2028年底：①…；②…" dates its paragraph: ay jiaozhou targets 9 -> 14 of 14; the amounts and
    # shares a grant pays are no goals: ay found 58 -> 30 (nanchong 20 -> 4, luohu 10 -> 2, jiaozhou 21 -> 17), az 39 -> 32
    # (chengdu 16 -> 9), none right lost; an article "第一条 办公空间支持" naming its units is a task: ay luohu tasks 13 ->
    # 15 of 15 with 15 found; measures naming no year to reach commit to the end of their validity ("有效期至2028年12月31日")
    # and more grant wordings ("最高补贴10万元", "对…达到2000万元的奖励5万元"): ay wuhan targets 0 -> 1 of 3 with 2 found,
    # az suqian 0 -> 2 of 2 with 4 found; a note "〈含…,下同〉" adds no unit: ay wuhan tasks 23 -> 24 of 24
    # places sharing a government ("广州、深圳市政府"), an office named by its city ("深圳金融监管局") and 市场监管局 under the
    # level rule: ay guangdong tasks 14 -> 18 of 18 with 18 found; a round count in one character after a goal's verb
    # ("建成百个", "培育千家", "集聚万名"): ay guangdong targets 1 -> 4 of 4 with 4 found; 万千瓦 a unit (a plant's size
    # "30万千瓦以上（含）的" no goal): az jiangsu 0 -> 5 of 5 with 5 found
    # reader30: heldout_ba seen since reader30 (tasks 8, targets 49 more); its classes (a support measure's figures, who it
    # goes to or qualifies, a rank, a definition in brackets; 公里/百平方公里; N家年销售额…; ranges in 项; a plan's
    # commitments after 重点突破/支持/… or 研制/培育; 万马力; a report's figures that set no level; the terms of a support
    # after its colon): ba targets 30 -> 48 of 49 with 60 -> 50 found, tasks 8 of 8; heldout_az qingdao 5 -> 6 of 6,
    # binzhou 7 -> 8 of 9 (found 9 -> 10); heldout_aw guangzhou_keji_chuangxin 15 -> 17 of 18 (found 15 -> 17),
    # guangxi_nongcun_gonglu found 10 -> 9 (9 of 9); no other set changed
    # conv20 (session 20): one convention per class across the truths (heldout/README.md "What counts"): a yearly
    # quantity is no target, 5 values removed from heldout_al yingtan (2), heldout_ax hangzhou (1), heldout_ay wuhan
    # (2): targets expected 1901 -> 1896 (found unchanged); the group after 等 is a unit: 8 unit lists changed
    # (heldout_ar, heldout_ax), task counts unchanged; a floor in characters after 至少 ("每县(市)至少一所") is a norm in
    # words, no target: heldout_w hebei_zhongyiyao and heldout_ay minsheng_dalibao one value each, 1896 -> 1894
    # reader32: heldout_bb seen since reader32 (tasks 10, targets 119 more); its classes (a list of the year's 民生实事
    # announced inside a report, its paragraph and the numbered lines after it, each clause's count; 亿斤, 万亩次, 万批次,
    # 部, 门, 件, 例 before 、/（ or a sentence's stop; a count after a verb and its noun; money paid, an amount per head,
    # a subsidy's condition, the count of places a clause names, "N人制"): bb targets 92 -> 119 of 119 with 98 -> 119
    # found, tasks 10 of 10; heldout_ap gonggong_fuwu 17 -> 18 of 19 (found 17 -> 18), heldout_aw guangzhou_keji_chuangxin
    # 17 -> 18 of 18 (found 17 -> 18); then more units of a report's goals (亿美元, 亿千瓦时, 万头, 万家, 万所, 万对, 万公顷,
    # 万标箱, 亿人次, 亿人): heldout_ap nongcun_weisheng_tixi 3 -> 4 of 4 (found 4 -> 5), heldout_t manbing_guihua_tu 9 -> 10
    # of 14 (found 12 -> 14); no other set changed
    # reader34: heldout_be seen since reader34 (targets 87 more); its classes (a comparison with last year aimed at or
    # inside the goals line, counts after 培育/再就业/支持N个…建设, a word closing a 分别 list governs each, a report's
    # session line dates it, projects sped up no count): be targets 74 -> 87 of 87 with 76 -> 87 found; no other seen set
    # changed
    # reader33: heldout_bc seen (tasks 27 with 26 found, 26 right; targets 49 with 43 found, 43 right); heldout_af
    # yuyao_2025_shishi_jinzhan's progress table read by its columns (a header the column words name in part): tasks 0 ->
    # 5 of 5 with 5 found, targets 0 -> 7 of 8 with 7 found (its progress cells no goal); no other set changed; on main
    # f1e43c3 (after reader32): 1055/1037 -> 1082/1068 tasks, 2013/1998 -> 2062/2048 targets
    # both merged (lead, session 20): bc and be seen
    # reader35 (rules on bf's classes, bf seen): bf tasks 11 -> 27 of 30 with 28 found, targets 17/17; no other set
    # changed (measure_unseen.py over all heldout* folders): 1082/1068 + 30/28 tasks, 2149/2135 + 17/17 targets
    # reader37 (rules on bi's classes, bi seen): bi tasks 79 -> 81 of 81 with 81 found, targets 22 -> 25 of 25 with 26 -> 25
    # found; no other seen set changed (tixi bench parse --repeat 1, per set against main's): 1112/1096 + 81/81 tasks,
    # 2166/2152 + 25/25 targets
    # reader38 (rules on heldout_bk's and heldout_bl's classes, both seen): bk tasks 116 -> 122 of 122 (122 found), targets
    # 7 -> 34 of 42 (34 found); bl tasks 141 -> 186 of 186 (186 found), targets 53 -> 56 of 59 (65 -> 57 found); heldout_af
    # yuyao_2025_shishi_jinzhan targets 7 -> 8 of 8 (found 7 -> 8), heldout_az gansu_gaosu_gonglu_2015 5 -> 6 of 11 (found
    # 6 -> 7); no other seen set changed: 1112/1096 + 308/308 tasks, 2166/2154 + 101/91 targets
    # reader39 (rules on heldout_bn's and heldout_bo's target classes, both seen): bn targets 42 -> 57 of 58 (52 -> 59
    # found), bo targets 1 of 1 (30 -> 1 found), bo tasks 67 of 72 (68 found) unchanged; no other seen set changed (tixi
    # bench parse --repeat 1, per set against main's): 1501/1485 + 128/124 tasks, 2292/2271 + 59/60 targets
    # reader40 (a horizon inside a sentence dating its paragraph, "不低于N%，…的" across a clause no condition, a count
    # after "培育推广", "L3级" a name; "有关区、市政府" one unit, a group's members after 及; bj, br, bt seen): heldout_af
    # anhui_2023_minsheng_shishi targets 12 -> 14 of 15 (found 12 -> 14); no other seen set changed (tixi bench parse
    # --repeat 1, per set against main's): 1629/1609 + 75/75 tasks, 2351/2333 + 64/66 targets
    # conv22 (session 22): counts of pilots to select are targets: heldout_h wufei's "选择10个左右…城市" and heldout_n
    # gansu_yigai_2016's "每个市州拟选择1个县" added to the truth (2351 -> 2353) and read; heldout_bk's "选取3—5个",
    # "遴选打造1000个左右" and heldout_bl's "遴选50家…试点示范" (counted by their truth) now read: found 2331 -> 2336
    # merged (lead, session 22): reader40 + reader41 + conv22: tasks 1704 with 1684 found, targets 2417 with 2404 found
    # reader44 (a first-listed rule said "(列第一位者为牵头或汇总单位,下同)", "A和B分别牵头、C", a district branch named as
    # written, a run-in heading of results looking back, each cluster's size no goal; by and ca seen): heldout_bj
    # jinan_shuzi_xianfeng_2025 one extra target fewer (26 -> 25 found, 25 matched); no other seen set changed (tixi bench
    # parse --repeat 1, per set against main's): 1704/1684 + 39/39 tasks, 2417/2403 + 61/62 targets
    # reader43 (a goals line without 主要, incomes per head in 元, a period named in the body, goals under a 十二五 plan, a
    # yearly pace's 其中, a conditions section's items, money spent or owed; bx, bz seen): heldout_aw's
    # guizhou_zhuangbei_zhizao_2015 found 9 -> 8 and heldout_az's qingdao_jiaotong_guihua_2015 found 8 -> 7 (extras gone, matched the
    # same); no other seen set changed (tixi bench parse --repeat 1, per set against main's): 1704/1684 tasks,
    # 2417/2402 + 102/102 targets
    # merged (lead, session 22): reader43 + reader44 (bx, by, bz, ca seen)
    # reader42: heldout_bv, _bw seen (tasks 12 with 12 found, targets 108 with 113 found); heldout_v shiwuwu_gangyao 0 -> 4
    # of 4 and heldout_u quanke_zhidu 0 -> 1 of 1 (a five-year plan named by its number dates them): found 2404 -> 2409
    # merged (lead, session 22): reader42 + reader43 + reader44 (bv … ca seen): the six sets 269 of 271 targets with 277
    # found, 51 of 51 tasks
    # reader46: heldout_cc seen (92 targets with 87 found: 上海 纲要 万平方米 ×2 and 千座, 浙江 65项, 上海 民生 13年 still
    # missed); no seen set's figures changed
    # reader47 ("力争在“十四五”期末", 年 after 年限, a count then its share, a "“十三五”以来," paragraph reporting; cd seen,
    # targets 45 with 39 found): heldout_ap gonggong_fuwu_shisiwu_2025 and heldout_bw jiaoyu_shisiwu_zhibiao 18 -> 19
    # found, both matched (受教育年限); no other seen set changed (tixi bench parse --repeat 1, per set against main's)
    # merged (lead, session 22): reader46 + reader47 (cc, cd seen)
    # reader45: heldout_cb seen (91 targets with 94 found added); no other seen set changed
    # merged (lead, session 22): reader45 + reader46 + reader47 (cb, cc, cd seen): the three sets 213 of 228 with 225 found
    # reader48 (a plain table, "8%至10%", the past year's results a line each, 万套/万户 this year, a rate as a condition, "N个方面",
    # money "用于…"; ce, cf seen, targets 126 with 130 found): heldout_cb guowuyuan_2016 31 -> 30 found (its DOUBTFUL extra
    # "有6.5%－7%的增速就能够实现…" no longer read), none matched fewer; no other seen set changed
    # reader51 (session 23; the goal grammar's classes: 增至/提升至 and 达约 without a year, "A和B…均降至N‰", N～M万 after a
    # verb, per-head units, "控制在N分钟左右"): heldout_t jingshen_mubiao 3 -> 4 found and heldout_ap
    # chongqing_shehui_shiye_2020 1 -> 3 found, all matched; no other seen or unseen set changed
    # reader49 (grid.py: an indicator table read by its cells' content; a table the specific readers read stays theirs
    # unless grid.py reads every target they read and more; a table's rows a line and the notes among them left to the
    # table reader, no sentences): heldout_ap lianjiang_shisiwu_zhibiao 12 -> 13 of 13 found and matched (its 孕产妇死亡率
    # row, unit cell "/10万"); heldout_aq hainan_canji_yufang_2025 found 8 -> 4, 3 of 3 matched (the "|"-rows of its
    # table, with a 2025年 column for 海南 and one for the nation, and a "计算方法:…超过80%…" note no longer read as
    # sentences); no other seen set changed (tixi bench parse --repeat 1, per set against main's)
    # merged (lead, session 23): reader49 + reader51: 3042 with 3039 found (reader51 +3 matched, reader49 4 extras fewer and one more matched)
    # reader53 (a report's part heading naming its year, spans from this year, 都/均 after a list, a work's count this
    # year, a pilot widened, 等N类, budget/credit/tax clauses and forecasts no goals; ch, cl seen, targets 110 with 116
    # found): heldout_cb guowuyuan_2016 and hailaer_2016, heldout_cf guowuyuan_2013 one more matched each (2016's 8%, 1亿,
    # 海拉尔's 8%, 2013's 20种), found 3039 -> 3041; no seen set matched fewer; 均 after the list of the clause before
    # (heldout_cl 2009 "分别纳入A、B和C覆盖范围，三年内参保率均提高到90%以上" three): found 3157 -> 3159
    # reader52 (OCR digits spaced one by one, thousands' commas and decimal marks, 增加到/扩大到 levels, "N年内" in words,
    # "各 X" two quantities, a chapter heading run in, "平均每年增长X%", "其中：" parts; cg, ck seen: targets 228 with 212 found, one task
    # found where ck's truth has none): heldout_t jingshen_mubiao 3 -> 4 and heldout_ap chongqing_shehui_shiye_2020 1 -> 3
    # found, all matched (reader51 reads them too since); merged with main 58c7c4ad (reader49, reader51): no seen set
    # changed against main's (tixi bench parse --repeat 1, per set)
    # merged (lead, session 23): reader52 + reader53 (cg, ch, ck, cl seen) with reader49/50/51: 3380 with 3373 found
    # merged (lead, session 23): reader54 (ci, cj seen) with reader49-53: 3491 with 3482 found
    # reader55: heldout_cm, _cn, _co seen (182 targets with 186 found: cm 80/81 (80), cn 55/57 (57), co 40/44 (49));
    # the other seen sets unchanged (per set against main's, tixi bench parse --repeat 1): 3673 with 3668 found
    # merged (lead, session 23): reader55 + reader56 (cm … cq seen): tasks 1760 with 1741 found, targets 3843 with 3825
    # reader60: heldout_cu seen (100 targets with 103 found, 94 matched); no other seen set changed
    # merged (lead, session 24): reader57-60 and the lead's 多/余 counts: heldout_cr … _cu 293 of 316 targets with 316 found,
    # 103 of 106 tasks; heldout_af jiangsu_xueyayi +1 found, heldout_cb hailaer_2018 -1 found
    # reader63: heldout_cy seen (82 of 82 tasks with 82 found, 18 of 18 targets); no other seen set changed
    # merged (lead, session 24): reader61-63 (heldout_cv … _cy seen: 242 of 248 targets with 270 found, 305 of 306 tasks)
    # conv24 (a daily or weekly norm per person is no target; truths changed): heldout_ax hainan_ertong_jiankang_2030
    # 10 -> 8 targets (10 found, 8 matched), heldout_v jiankang_wuhan 11 -> 10 (11 found, 9 matched); no other set changed
    # conv24 (one value after two rates named each with its own 率: one target a rate; truths changed): heldout_bb
    # guangdong_2026_shishi_weisheng 16 -> 17 (16 found), heldout_bw shanghai_2019_yuqi_mubiao 5 -> 6 (5 found), heldout_cr
    # zhaokuang_tupo_xingdong_2020 13 -> 15 (10 found), heldout_cv shenyang_qingnian_jiuye_2022 1 -> 2 (0 found): the
    # reader reads one value once, recall falls there; no other set changed
    # conv24 (a payment standard raised, to a level, by an amount or by a rate, is no target; truths changed):
    # heldout_af fujian_2017_shishi_jinzhan 2 -> 1 (0 found), heldout_ag hubei_2024_minsheng_shishi 22 -> 21 (22 found),
    # xian_2025_weimin_shishi 7 -> 3 (7 found), heldout_am guowuyuan_gongzuobaogao_weisheng_2025 3 -> 0 (3 found),
    # liaocheng_zhongdian_minsheng_2023 33 -> 31 (33 found), heldout_as tongling_minsheng_gongcheng_2021 12 -> 11 (10
    # found): the reader reads them, precision falls there; no other set changed
    # conv24 (investment: a sector's level is a target, the plan's own projects' spending and funds are not; truths
    # changed): heldout_aj ningde_2021_buduanban_jindu 2 -> 1 (1 found), heldout_cv guizhou_kuoda_touzi_2022 53 -> 51
    # (64 found), jiyuan_tizhen_xinxin_2023 63 -> 62 (71 found); no other seen set changed
    # conv24 (payment standards, more found): heldout_ae luohe_minshengshishi_2024 8 -> 7 (6 found), heldout_af
    # anhui_2023_minsheng_shishi 15 -> 13 (14 found, the reader reads both 低保 增幅); no other seen set changed
    # lead (session 24): the reader follows conv24's payment standards: 17 fewer found, none matched lost (per set against
    # b10453d7: precision up in 12 documents, recall unchanged)
    # reader66 (session 25): heldout_ay wuhan_opc_cuoshi_2026 2 -> 1 found (its '按照…租金的70%缴纳租金', a payment
    # standard), heldout_cv jiyuan_tizhen_xinxin_2023 71 -> 70 found (its '新增发放创业担保贷款2亿元', money lent out); no
    # match lost on any set (per set against 86bc8191)
    # reader67 (session 25): conv24's daily norms no target (ax hainan_ertong 10 -> 8 found, bn jiaoyu 23 -> 22, cn tiyu
    # 7 -> 6, v jiankang_wuhan 11 -> 10), "N个项目" read (cg 2015 22/24 (29) -> 23 (30), cs 深圳 2/4 (2) -> 3 (3), y 河南
    # 2/3 (2) -> 3 (3)): seen matched +3, found −2, no seen match lost (per document)
    # lead (session 25): heldout_cz, _da, _db seen since reader65-67 (226 tasks with 226 found, 130 targets with 132 found)
    # reader70 (session 25): ay jiaozhou_opc_fangan_2026 17 -> 18 found (its "办理时限压缩至1个工作日内", a service time the
    # majority of the truths count, left out there), cv jiyuan_tizhen_xinxin_2023 70 -> 69 found; no seen match lost
    # lead (session 25): heldout_dc, _dd, _de, _df seen since reader68-70 (216 tasks with 216 found, 289 targets with 276)
    # reader71: two extras gone (竹山 2024 预期目标 15 -> 14 found, 贵州 扩大投资 64 -> 63), no value lost
    # reader71: funds to win no goal, 贵州 扩大投资 63 -> 62 found
    # reader71: heldout_dd 随州's open misses (a report's "确保A210万头、B7500万只…", "、实施项目96个", 成立/绿化 closing a
    # count; "今年投入82亿元" spending no goal): 随州 75/85 (78) -> 82/85 (85); no other seen set changes
    # reader71: "…高于4个" closing its clause a goal above the value (gt), as 低于 is: dd 泰州 16/17 (16) -> 17/17 (17)
    # reader74 (session 25): cv guizhou_kuoda_touzi_2022 64 -> 63 found ("…的X%用于…" a share put to a use); no seen
    # match lost
    # lead (session 25): reader74 merged (one extra fewer on cv 贵州 扩大投资); round 5 seen since reader71-74
    # lead (session 26): round 6 (heldout_dl, _dm, _dn) seen since the lead's rules on its misses (tasks 116 with 115 found,
    # targets 237 with 236 found join the seen total)
    # lead (session 27): heldout_do seen (186 targets, 176 found after the rules); heldout_cr +1 found, heldout_cv -1
    # lead (session 27): new loans of a sector counted (heldout_do +1, heldout_dc +1 found)
    # lead (session 27): two kinds joined by 、 each counted, a report's works done (heldout_do +4 found)
    # lead (session 27): a measure's own level after an encouraged clause (heldout_do 镇江 +1)
    assert seen_total[3:5] == ["2947", "2926"] and seen_total[7:9] == ["5469", "5478"]
    # reader56: heldout_cp, _cq seen (targets 88/105 (97 found) and 60/65 (60 found), tasks 3/5 (5 found))
    # reader54 (a base year then the year compared, rates per a base, a decimal heading over results, a stage to come, a
    # stock now, size conditions, 人年/亿方/万标准箱, a period's total, works about so much, a share closing goals; ci, cj seen,
    # targets 111 with 108 found): heldout_bt shandong_chuantong_chanye_zhineng_jigai_2022 3 -> 2 found (an extra gone)
    # and heldout_cc zhejiang_chengshi_neilao_zhili_2025 28 -> 29 found (one more matched, 26 -> 27); no other seen set
    # changed (tixi bench parse --repeat 1, per set against main's)


def test_fifth_set_is_six_whole_documents_with_their_source():
    """Six whole State Council documents (92 tasks, 19 targets), each naming its official address."""
    from tixi.ledger.engine.accuracy import held_out_scores, total

    scores = held_out_scores(FIFTH_SET)
    assert len(scores) == 6
    assert (total(scores, "tasks").expected, total(scores, "targets").expected) == (92, 19)
    for name in scores:
        text = (FIFTH_SET / f"{name}.txt").read_text(encoding="utf-8")
        assert text.startswith("# source: http://www.gov.cn/zhengce/content/")
        assert not any(place in text for place in ("达州", "达川", "巴中", "巫山", "攀枝花"))


def test_fifth_set_figures_do_not_fall():
    """Measured once with the rules frozen at the commit before the set (unseen): tasks 61 right of 92
    with 85 found (precision 0.72, recall 0.66), targets 11 right of 19 with 50 found (precision 0.22,
    recall 0.58: the health document's annex "×100%" read as 33 targets). After the rules written on it
    ("排在第一位的部门为牵头部门", a bracket naming its own leads, one task per bracket of an item, "X等有关
    部门和单位", 市场监管总局 without the level 市, 全国工商联/办公室 as units; a paragraph's 到YYYY年, 亿千瓦/
    万亿元/项, "均达到" over a list, "×100%" and a subsidy's date range left out): 92 of 92, 19 of 19. From
    then on these documents are seen; the kept-aside sixth set measures the changed rules."""
    from tixi.ledger.engine.accuracy import held_out_scores, total

    scores = held_out_scores(FIFTH_SET)
    tasks, targets = total(scores, "tasks"), total(scores, "targets")
    assert (tasks.expected, tasks.found, tasks.matched) == (92, 92, 92), tasks
    assert (targets.expected, targets.found, targets.matched) == (19, 19, 19), targets


def test_sixth_set_figures_do_not_fall():
    """Kept aside while the rules were changed on the fifth set, measured once with them frozen (unseen):
    tasks 0 of 53 right with 1 found (the label "负责部门：" not read; "（技工院校内由人力资源社会保障行政部门
    负责）" read as a task), targets 4 of 5 right with 6 found ("2020年初步建成300个" given the document's
    2022; "10个左右…领域" taken as a goal). After the rules written on it (负责部门/负责单位 labels and
    适用范围 left out; a bracket inside a sentence is an aside; a sentence opening with its year; "自YYYY年
    开始" sets no goal): 53 of 53, 5 of 5. Seen from then on; the seventh set measures these rules."""
    from tixi.ledger.engine.accuracy import held_out_scores, total

    scores = held_out_scores(SIXTH_SET)
    assert sorted(scores) == ["zhijiao", "zimaoqu"]
    for name in scores:
        text = (SIXTH_SET / f"{name}.txt").read_text(encoding="utf-8")
        assert text.startswith("# source: http://www.gov.cn/zhengce/content/")
    tasks, targets = total(scores, "tasks"), total(scores, "targets")
    assert (tasks.expected, tasks.found, tasks.matched) == (53, 53, 53), tasks
    assert (targets.expected, targets.found, targets.matched) == (5, 5, 5), targets


def test_seventh_set_figures_do_not_fall():
    """Kept aside while the rules were changed on the sixth set, measured once with them frozen (unseen):
    tasks 0 of 30, none found (measures numbered "一、…三十、", each with its "（X负责）", read as section
    headings), no target expected and none invented. After the rule written on it ("一、…" ending with a
    bracket of units is a measure): 30 of 30. Seen from then on; the eighth set measures this rule."""
    from tixi.ledger.engine.accuracy import held_out_scores, total

    scores = held_out_scores(SEVENTH_SET)
    assert sorted(scores) == ["zhenzhua"]
    assert (
        (SEVENTH_SET / "zhenzhua.txt")
        .read_text(encoding="utf-8")
        .startswith("# source: http://www.gov.cn/zhengce/content/")
    )
    tasks, targets = total(scores, "tasks"), total(scores, "targets")
    assert (tasks.expected, tasks.found, tasks.matched) == (30, 30, 30), tasks
    assert (targets.expected, targets.found, targets.matched) == (0, 0, 0), targets


def test_eighth_set_is_measured_again_with_the_rules_generalised_by_class():
    """First measured with the rules frozen after the seventh set (unseen): tasks 1 of 39 right with 2 found
    ("X指导" not a role word, so the brackets of ministries that guide named no units and an item's
    paragraphs closing with brackets were not split), targets 4 of 4 right with 5 found ("选择10个左右…城市",
    the pilot's scope, taken as a goal). No rule was written on its text; its README named those failures and
    the rules were then generalised by class (a closed list of role words, brackets closing paragraphs, a
    pilot's scope). Measured again once with them frozen: tasks 37 of 39 right with 39 found (tasks 一.3 and
    一.4 lack the cooperating 试点城市政府: the "以下均需…" rule sits in the bracket of the same item and holds only
    from the next line), targets 4 of 4 with none extra."""
    from tixi.ledger.engine.accuracy import held_out_scores, total

    scores = held_out_scores(EIGHTH_SET)
    assert sorted(scores) == ["wufei"]
    assert (
        (EIGHTH_SET / "wufei.txt")
        .read_text(encoding="utf-8")
        .startswith("# source: http://www.gov.cn/zhengce/content/")
    )
    tasks, targets = total(scores, "tasks"), total(scores, "targets")
    assert (tasks.expected, tasks.found, tasks.matched) == (39, 39, 37), tasks
    # conv22 (session 22): "选择10个左右…城市" is a count of pilots to select, in the truth since and read: 4 -> 5
    assert (targets.expected, targets.found, targets.matched) == (5, 5, 5), targets


def test_ninth_set_is_three_whole_documents_with_their_source():
    """广州's 党建创新工程 实施意见 (35 tasks, 3 targets), the State Council office's health pilot 国家组织药品集中
    采购和使用试点方案 and its 政府网站集约化 pilot (nothing to find: they count what the reader invents)."""
    from tixi.ledger.engine.accuracy import held_out_scores, total

    scores = held_out_scores(NINTH_SET)
    assert sorted(scores) == ["dangjian", "jiyuehua", "yaopin_caigou"]
    assert (total(scores, "tasks").expected, total(scores, "targets").expected) == (35, 4)
    for name in scores:
        text = (NINTH_SET / f"{name}.txt").read_text(encoding="utf-8")
        assert text.startswith("# source: http")
        assert not any(place in text for place in ("达州", "达川", "巴中", "巫山", "攀枝花"))


def test_ninth_set_is_the_unseen_figure_of_the_rules_generalised_by_class():
    """Truth committed before the rules were generalised, measured once with them frozen (commit "Plan reader:
    rules generalised by class…"): tasks 35 of 35 right with 35 found (precision and recall 1.00), targets 3 of
    3 right with 4 found (precision 0.75, recall 1.00: "到2013年全市各街（镇）至少建立1个党员服务站", left out of the truth as
    first written, is read as a goal). By the seeds' definition (per-unit minimums with 至少 and a year are targets,
    layouts without a comparator are not) that sentence is a target: added to the truth afterwards, no rule changed,
    the same reading scores 4 of 4 with 4 found. A rule that changes these figures makes the set seen."""
    from tixi.ledger.engine.accuracy import held_out_scores, total

    scores = held_out_scores(NINTH_SET)
    tasks, targets = total(scores, "tasks"), total(scores, "targets")
    assert (tasks.expected, tasks.found, tasks.matched) == (35, 35, 35), tasks
    assert (targets.expected, targets.found, targets.matched) == (4, 4, 4), targets
    for name in ("jiyuehua", "yaopin_caigou"):
        assert scores[name]["tasks"].found == 0 and scores[name]["targets"].found == 0, name


def test_tenth_set_is_ten_health_documents_with_their_source():
    """健康中国行动's indicator table in two reprint layouts (4 targets each), 广东省卫健委's 2021 task ledger (8 rows
    with 责任处室) and seven openings of health plans and notices with nothing to find, none used by an earlier set."""
    from tixi.ledger.engine.accuracy import held_out_scores, total

    scores = held_out_scores(TENTH_SET)
    assert len(scores) == 10
    assert (total(scores, "tasks").expected, total(scores, "targets").expected) == (8, 8)
    earlier = {
        line
        for folder in TENTH_SET.parent.glob("heldout*")
        if folder != TENTH_SET
        for path in folder.glob("*.txt")
        for line in path.read_text(encoding="utf-8").splitlines()[:1]
    }
    for name in scores:
        first = (TENTH_SET / f"{name}.txt").read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# source: http") and first not in earlier, name


def test_tenth_set_first_unseen_then_with_rules_written_on_it():
    """Truth committed first (commit "Plan reader: a tenth held-out set…"), then measured once with the rules frozen
    (the unseen figure): tasks none found of 8 (the ledger's header "序号 | 工作任务 | 细化分工 | 责任处室 | …" was no
    responsibility table to the reader), targets none found of 8 (neither reader read the indicator table flattened to
    lines), nothing invented on the seven openings. Then rules were generalised by those failure classes (commit
    "Plan reader: rules generalised on the tenth set's failure classes…"): the figures below are of rules WRITTEN ON
    this set, not unseen ones. Nothing invented still."""
    from tixi.ledger.engine.accuracy import held_out_scores, total

    scores = held_out_scores(TENTH_SET)
    tasks, targets = total(scores, "tasks"), total(scores, "targets")
    assert (tasks.expected, tasks.found, tasks.matched) == (8, 8, 8), tasks
    assert (targets.expected, targets.found, targets.matched) == (8, 8, 8), targets
    for name, score in scores.items():
        if not score["tasks"].expected and not score["targets"].expected:
            assert score["tasks"].found == score["targets"].found == 0, name


def test_eleventh_set_is_three_whole_documents_none_used_before():
    """国办发〔2020〕43号 (99 tasks, 8 targets), 国办发〔2020〕24号 (20 tasks, 1 target) and the 国家环境保护十二五规划
    (22 targets), whole texts as a public repository's crawl of www.gov.cn stores them; no earlier set holds them."""
    from tixi.ledger.engine.accuracy import held_out_scores, total

    scores = held_out_scores(ELEVENTH_SET)
    assert sorted(scores) == ["fangguanfu_fengong", "huanbao_shierwu", "youhua_yingshang"]
    assert (total(scores, "tasks").expected, total(scores, "targets").expected) == (119, 31)
    earlier = {
        path.read_text(encoding="utf-8")[:4000]
        for folder in ELEVENTH_SET.parent.glob("heldout*")
        if folder != ELEVENTH_SET
        for path in folder.glob("*.txt")
    }
    for name in scores:
        text = (ELEVENTH_SET / f"{name}.txt").read_text(encoding="utf-8")
        assert text.startswith("# source: public GitHub repository"), name
        number = text.splitlines()[1].split("(")[1][:12]  # 国办发〔2020〕43号…
        assert not any(number in other for other in earlier), name


def test_eleventh_set_first_unseen_then_with_rules_written_on_it():
    """Truth committed first (commit "Plan reader: an eleventh held-out set…"), then measured once with the rules frozen
    (the unseen figure, commit "Plan reader: the eleventh set measured once…"): tasks 2 of 119 right with 17 found (precision 0.12, recall 0.02: items, 具体措施 and their
    brackets run together on one line, "X等国务院相关部门" read as one unit), targets 11 of 31 right with 31 found
    (precision 0.35, recall 0.35: the 十二五 plan's 主要指标 table with its cells run together read as nothing but
    stray numbers, the review of 十一五 read as goals, deadlines "2020年底前" giving no year, units 万吨/万公里/个工作日
    unknown). Then rules were generalised by those failure classes (commits "Plan reader: rules generalised on the
    eleventh set's failure classes…"): the figures below are of rules WRITTEN ON this set, not unseen ones. The last
    miss ("压减至8个工作日以内，2021年全面推广…": a year named after the value) read since reader10."""
    from tixi.ledger.engine.accuracy import held_out_scores, total

    scores = held_out_scores(ELEVENTH_SET)
    tasks, targets = total(scores, "tasks"), total(scores, "targets")
    assert (tasks.expected, tasks.found, tasks.matched) == (119, 119, 119), tasks
    assert (targets.expected, targets.found, targets.matched) == (31, 31, 31), targets


def test_twelfth_set_first_unseen_then_with_rules_written_on_it():
    """Gathered after the rules were generalised on the eleventh set, truth committed first (commit "Plan reader: a
    twelfth held-out set…"), measured once with those rules frozen: targets 18 of 27 right with 28 found (precision
    0.64, recall 0.67: the 十一五 plan's 专栏2 with its cells run together and its caption on the line before, 万吨/日,
    a scope "以占…65%以上的…为重点", the count of the plan's works, "投资约需占…1.35%"); nothing invented on the two
    opinions with nothing to find. Then rules were generalised by its failure classes and the eleventh's (commit
    "Plan reader: rules generalised on the twelfth set's failure classes…"): the figures below are of rules WRITTEN
    ON this set, no longer unseen."""
    from tixi.ledger.engine.accuracy import held_out_scores, total

    scores = held_out_scores(TWELFTH_SET)
    tasks, targets = total(scores, "tasks"), total(scores, "targets")
    assert (tasks.expected, tasks.found) == (0, 0), tasks
    assert (targets.expected, targets.found, targets.matched) == (27, 27, 27), targets
    for name in ("disanfang", "nongcun_renju"):
        assert scores[name]["targets"].found == 0, name


def test_thirteenth_set_unseen_nothing_invented_on_numbers_that_are_no_goals():
    """Gathered after the rules were generalised on the twelfth set, truth committed first (commit "Plan reader: a
    thirteenth held-out set…"), measured once with those rules frozen: the one target found, nothing invented on six
    whole texts full of distances, fines, yearly rates and scopes. A rule that changes this makes the set seen."""
    from tixi.ledger.engine.accuracy import held_out_scores, total

    scores = held_out_scores(THIRTEENTH_SET)
    assert len(scores) == 6
    tasks, targets = total(scores, "tasks"), total(scores, "targets")
    assert (tasks.expected, tasks.found) == (0, 0), tasks
    assert (targets.expected, targets.found, targets.matched) == (1, 1, 1), targets


def test_fourteenth_set_health_documents_first_unseen_then_with_rules_written_on_it():
    """Seven openings of health documents (中医药 分工方案, 甘肃 2016 医改 tasks, the 十四五 中医药 plan's goals, 陕西 医改,
    精神卫生 plan, a 宣城 notice, 北京's review), truth committed first (commit "Plan reader: a fourteenth held-out
    set…"), measured once with the rules frozen: tasks 1 of 2 (甘肃's bracket, cut off after "注：排在首位", not read),
    targets 5 of 5 with 8 found (encouraged values "鼓励…15%…10%" and a norm's list "设置1个…、1个…" read as goals),
    nothing invented on the five with nothing to find. Rules then generalised by those classes (first-listed rule
    said "排在首位", a bracket cut off by a copy's end, 鼓励, a norm's list): the figures below are SEEN."""
    from tixi.ledger.engine.accuracy import held_out_scores, total

    scores = held_out_scores(FOURTEENTH_SET)
    assert len(scores) == 7
    for name in scores:
        text = (FOURTEENTH_SET / f"{name}.txt").read_text(encoding="utf-8")
        assert text.startswith("# source: http")
        assert not any(place in text for place in ("达州", "达川", "巴中", "巫山", "攀枝花"))
    tasks, targets = total(scores, "tasks"), total(scores, "targets")
    assert (tasks.expected, tasks.found, tasks.matched) == (2, 2, 2), tasks
    # conv22 (session 22): gansu_yigai_2016's "每个市州拟选择1个县开展…示范工作" is a count of pilots to select: 5 -> 6
    assert (targets.expected, targets.found, targets.matched) == (6, 6, 6), targets
    for name in ("shaanxi_yigai", "jingshen_guihua", "xuancheng_yuzhi", "beijing_jixiao"):
        assert scores[name]["tasks"].found == 0 and scores[name]["targets"].found == 0, name


def test_fifteenth_set_health_plans_first_unseen_then_seen():
    """Five national health plans (近视防控, 慢性病, 结核病 ×2, 心脑血管), gathered after the rules were generalised on the
    fourteenth set, truth committed first (commit "Plan reader: a fifteenth held-out set…"), measured once with those
    rules frozen: targets 14 of 14 with 15 found (precision 0.93, recall 1.00; "16项具体工作指标", the count of the
    plan's indicators, read as a goal), nothing invented on the 2024 plan's opening. Then a rule on that class (a
    count in 项 of a document's own indicators, tasks or measures, also met in the seen heldout_g and heldout_n):
    14 of 14 with 14 found. SEEN now."""
    from tixi.ledger.engine.accuracy import held_out_scores, total

    scores = held_out_scores(FIFTEENTH_SET)
    assert len(scores) == 5
    for name in scores:
        assert (FIFTEENTH_SET / f"{name}.txt").read_text(encoding="utf-8").startswith("# source: http")
    tasks, targets = total(scores, "tasks"), total(scores, "targets")
    assert (tasks.expected, tasks.found) == (0, 0), tasks
    assert (targets.expected, targets.found, targets.matched) == (14, 14, 14), targets
    assert scores["jiehe_2024"]["targets"].found == 0


def test_a_count_of_a_documents_items_is_no_target():
    """ "提出了16项具体工作指标", "24项督查激励措施", "46项市级绩效任务": how many items a document holds, not a level to
    reach; "完成30项以上" (no item word after it) still is one."""
    from tixi.ledger.engine import parse

    for sentence in (
        "到2025年，规划提出了16项具体工作指标。",
        "到2025年，将实施24项督查激励措施。",
        "到2025年，完成46项市级绩效任务。",
        "到2025年，推出8项重点举措。",
    ):
        assert parse.targets(sentence) == [], sentence
    kept = parse.targets("到2025年，完成适宜技术推广30项以上。")
    assert [(t["value"], t["unit"], t["year"]) for t in kept] == [(30.0, "项", 2025)]


def test_a_value_opening_a_short_quoted_name_is_no_target():
    """ "打造…“15分钟健身圈”" with no year of its own names a thing; a quoted goal ("实现“…人才达到2000名左右”") and a
    dated circle ("到2025年，建成“15分钟健康服务圈”") stay targets."""
    from tixi.ledger.engine import parse

    assert (
        parse.targets("努力打造百姓身边健身组织和“15分钟健身圈”。推进设施开放，到2030年达到90%。")[0]["value"]
        == 90.0
    )
    assert (
        len(parse.targets("努力打造百姓身边健身组织和“15分钟健身圈”。推进设施开放，到2030年达到90%。")) == 1
    )
    goal = parse.targets("到2030年，实现“重点引进和培养高层次人才达到2000名左右”的目标。")
    assert [(t["value"], t["unit"], t["comparator"]) for t in goal] == [(2000.0, "名", "about")]
    circle = parse.targets("到2025年，建成“15分钟健康服务圈”。")
    assert [(t["value"], t["unit"], t["year"]) for t in circle] == [(15.0, "分钟", 2025)]


def test_sixteenth_set_a_health_task_plan_first_unseen_then_with_a_rule_written_on_it():
    """健康中国行动2023年工作要点 in three page copies (23 tasks), truth committed first (commit "Plan reader: a sixteenth
    held-out set…"), measured once with the rules frozen: tasks 19 of 23 with 23 found (precision and recall 0.83;
    "中国科协等部门单位" kept as a unit), no target invented. Then one rule by class (a group word after 等 however worded,
    "部门单位", "部门及单位", names no unit): 23 of 23, SEEN now."""
    from tixi.ledger.engine.accuracy import held_out_scores, total

    scores = held_out_scores(SIXTEENTH_SET)
    assert len(scores) == 3
    tasks, targets = total(scores, "tasks"), total(scores, "targets")
    assert (tasks.expected, tasks.found, tasks.matched) == (23, 23, 23), tasks
    assert (targets.expected, targets.found) == (0, 0), targets


def test_seventeenth_set_health_task_plans_unseen():
    """健康中国行动2022年工作要点 and 全国爱国卫生运动2021年工作要点 (openings, 11 tasks), gathered after the rule written on the
    sixteenth set, truth committed first (commit "Plan reader: a seventeenth held-out set…"), measured once with the rules
    frozen: 11 of 11, nothing invented. Kept UNSEEN: a rule that changes this makes the set seen."""
    from tixi.ledger.engine.accuracy import held_out_scores, total

    scores = held_out_scores(SEVENTEENTH_SET)
    assert len(scores) == 2
    tasks, targets = total(scores, "tasks"), total(scores, "targets")
    assert (tasks.expected, tasks.found, tasks.matched) == (11, 11, 11), tasks
    assert (targets.expected, targets.found) == (0, 0), targets


def test_eighteenth_set_health_goal_texts_seen():
    """Six health goal texts of other places (深圳 卫生强市, 安徽 十三五 draft, a city's 一老一小 plan, a province's 养老/健康
    服务 plan, 健康中国2020, a 十三五 review with nothing to find), gathered after the session-12 class rules, truth committed
    first (commit "Plan reader: an eighteenth held-out set…"), measured once with the rules frozen: targets 26 of 44 with
    46 found (precision 0.57, recall 0.59). SEEN since (reader9): rules written by class on its failure classes (figures
    already reached, a news page's other items, ceilings, rises in years, life expectancy however named, 万-units, 平方米,
    a value in words; tests/ledger/test_goal_texts.py): 44 of 44 with 44 found, the review's past figures no longer read."""
    from tixi.ledger.engine.accuracy import held_out_scores, total

    scores = held_out_scores(EIGHTEENTH_SET)
    assert len(scores) == 6
    for name in scores:
        text = (EIGHTEENTH_SET / f"{name}.txt").read_text(encoding="utf-8")
        assert text.startswith("# source: http")
        assert not any(place in text for place in ("达州", "达川", "巴中", "巫山", "攀枝花"))
    tasks, targets = total(scores, "tasks"), total(scores, "targets")
    assert (tasks.expected, tasks.found) == (0, 0), tasks
    assert (targets.expected, targets.found, targets.matched) == (44, 44, 44), targets
    assert (scores["shisanwu_huigu"]["targets"].expected, scores["shisanwu_huigu"]["targets"].found) == (0, 0)


def test_nineteenth_set_health_goal_texts_first_unseen_then_seen():
    """Four health goal texts (健康儿童行动提升计划, the 癌症防治 plans, two reports of progress with nothing to find),
    gathered after the rules written on the eighteenth set's failure classes, truth committed first (commit "Plan
    reader: a nineteenth held-out set…"), measured once with the rules frozen: targets 7 of 10 with 10 found (precision
    0.70, recall 0.70): a headline's past figure with a garbled decimal ("提升到254%", "25。4%") read as goals, and
    goals under a heading "实施成效与延续" left unread. SEEN since reader10 wrote rules on those classes (a goal reported
    as reached and its paragraph, 。 as a decimal point, a heading of results and continuation, a goal for a year to come
    quoted under a heading of results; tests/ledger/test_goal_classes.py): 10 of 10, nothing invented."""
    from tixi.ledger.engine.accuracy import held_out_scores, total

    scores = held_out_scores(NINETEENTH_SET)
    assert len(scores) == 4
    for name in scores:
        text = (NINETEENTH_SET / f"{name}.txt").read_text(encoding="utf-8")
        assert text.startswith("# source: http")
        assert not any(place in text for place in ("达州", "达川", "巴中", "巫山", "攀枝花"))
    tasks, targets = total(scores, "tasks"), total(scores, "targets")
    assert (tasks.expected, tasks.found) == (0, 0), tasks
    assert (targets.expected, targets.found, targets.matched) == (10, 10, 10), targets
    assert scores["ertong_xingdong"]["targets"].matched == 6
    assert (scores["xingdong_jinzhan"]["targets"].expected, scores["xingdong_jinzhan"]["targets"].found) == (
        0,
        0,
    )


def test_twenty_third_and_twenty_fourth_sets_first_unseen_then_seen_since_reader12():
    """heldout_w (twelve health goal texts) first measured unseen with the rules at f5d3723 (reader10): targets 26 of 28,
    51 found (P 0.51, R 0.93); heldout_x (seventeen) measured once with the rules frozen at ad02ba9 (reader11): 41 of 54,
    49 found (P 0.84, R 0.76). SEEN since reader12 wrote rules on their failure classes (a list of years with 底, a rate
    whose % the copy lost, a report's goals dated by their clause's year, the five-year period of the goals, reports of
    results, a forecast after 截至; tests/ledger/test_goal_classes.py). Left: w's "每县(市)至少一所" (a goal in words),
    x's "65%以上的村卫生…" (cut by the copy's end) and "社区15分钟健身圈" (a name by these sets' truth)."""
    from tixi.ledger.engine.accuracy import held_out_scores, total

    w, x = held_out_scores(TWENTY_THIRD_SET), held_out_scores(TWENTY_FOURTH_SET)
    assert (len(w), len(x)) == (12, 17)
    for folder, scores in ((TWENTY_THIRD_SET, w), (TWENTY_FOURTH_SET, x)):
        for name in scores:
            assert (folder / f"{name}.txt").read_text(encoding="utf-8").startswith("# source: http")
    targets = total(w, "targets")
    # session 20 (conv20): w's "每县(市)至少一所" left out by the one convention for a floor in characters after 至少 (a
    # norm in words, heldout/README.md "What counts"): expected 28 -> 27
    assert (targets.expected, targets.found, targets.matched) == (27, 27, 27), targets
    targets = total(x, "targets")
    assert (targets.expected, targets.found, targets.matched) == (54, 56, 54), targets
    for nothing_to_find in ("jinshi_xianzhuang", "xingdong_chengxiao", "zhiyebing_chengxiao"):
        assert w[nothing_to_find]["targets"].found == 0
    assert x["renquan_pinggu"]["targets"].found == 0

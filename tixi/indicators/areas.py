"""The plan packs' areas (the seeds' own headings, stored in Chinese on each target) in English, as the
catalogue gives indicators English names: an English page names an area in English, a Chinese page as
the seed does. A contradiction note, written in Chinese beside the seed's figures, is quoted on an
English page after an English lead-in (issue 12: no Chinese chrome on English pages)."""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

AREAS_EN = {
    "中医药": "Traditional Chinese medicine",
    "中医药产业": "TCM industry",
    "中医药应急": "TCM in emergencies",
    "中医药服务体系": "TCM service system",
    "临床重点专科": "Key clinical specialties",
    "乡村医疗卫生服务体系": "Rural health service system",
    "人力资源": "Human resources",
    "人口家庭": "Population and families",
    "人才": "Health workforce",
    "人才队伍": "Health workforce",
    "价格和支付方式改革": "Pricing and payment reform",
    "价格改革": "Pricing reform",
    "优化布局": "Better layout",
    "优质医疗资源均衡布局": "Balanced layout of high-quality medical resources",
    "优质医疗资源扩容": "More high-quality medical resources",
    "伤害预防": "Injury prevention",
    "信息化": "Health informatics",
    "健康产业": "Health industry",
    "健康促进": "Health promotion",
    "健康保障": "Health protection",
    "健康教育体系": "Health education system",
    "健康服务": "Health services",
    "健康水平": "Health status",
    "健康环境": "Healthy environment",
    "健康生活": "Healthy living",
    "免疫规划": "Immunisation",
    "公共卫生": "Public health",
    "公共卫生体系": "Public health system",
    "公共卫生服务体系": "Public health service system",
    "公共卫生机构管理": "Management of public health institutions",
    "内部控制": "Internal control",
    "分级诊疗": "Tiered care",
    "区县级医疗卫生机构": "District and county health institutions",
    "区域医疗中心": "Regional medical centres",
    "医保支付": "Medical insurance payment",
    "医养结合": "Combined medical and elderly care",
    "医学科技创新": "Medical science and innovation",
    "医疗服务": "Medical services",
    "医疗服务体系": "Medical service system",
    "医疗服务模式": "Models of medical service",
    "医疗服务能力": "Medical service capacity",
    "医疗服务质量安全": "Quality and safety of medical services",
    "医疗质量": "Quality of care",
    "医联体": "Medical consortia",
    "医药卫生体制改革": "Health system reform",
    "卫生健康科技创新": "Health science and innovation",
    "卫生监管": "Health supervision",
    "县域医共体": "County medical communities",
    "发展目标": "Development goals",
    "城市医疗卫生服务体系": "Urban health service system",
    "基层医疗卫生": "Primary health care",
    "基层医疗卫生服务体系": "Primary health care system",
    "妇幼健康服务体系": "Maternal and child health system",
    "安全": "Safety",
    "家庭医生": "Family doctors",
    "家庭医生签约服务": "Family doctor contracts",
    "就医体验": "Patient experience",
    "布局": "Layout",
    "床位和人力配置": "Beds and staffing",
    "应急医疗救治体系": "Emergency medical treatment system",
    "康复服务体系": "Rehabilitation service system",
    "强化规划引领": "Guidance by planning",
    "心理和精神卫生体系": "Mental health system",
    "总体目标": "Overall goals",
    "总体要求": "General requirements",
    "患者需求": "Patients' needs",
    "托育服务": "Childcare services",
    "托育服务体系": "Childcare service system",
    "技术配置": "Technology",
    "投入保障": "Funding",
    "改善服务体验": "Better patient experience",
    "智慧医疗": "Smart health care",
    "智慧医院": "Smart hospitals",
    "服务体系": "Service system",
    "服务安全性": "Safety of services",
    "机构设置": "Institutions",
    "残疾人健康": "Health of people with disabilities",
    "法治": "Rule of law",
    "深化改革": "Deepening reform",
    "现代医院管理": "Modern hospital management",
    "疾病防控": "Disease prevention and control",
    "疾病预防控制体系": "Disease prevention and control system",
    "省内高水平医院": "High-level hospitals in the province",
    "社会参与": "Social participation",
    "精神卫生": "Mental health",
    "综合监管": "Comprehensive supervision",
    "编制人事": "Staffing quotas and personnel",
    "老年健康": "Health of older people",
    "老年健康服务体系": "Health services for older people",
    "职业健康": "Occupational health",
    "职业病防治体系": "Occupational disease prevention system",
    "脱贫人群": "People lifted out of poverty",
    "药品供应": "Medicine supply",
    "薪酬分配": "Pay distribution",
    "薪酬制度": "Pay system",
    "薪酬激励": "Pay incentives",
    "表2 编制床位": "Table 2: authorised beds",
    "计划生育": "Family planning",
    "设备配置": "Equipment",
    "财政投入": "Public funding",
    "采供血服务体系": "Blood collection and supply system",
    "重大疫情救治": "Treatment in major epidemics",
    "重点专科学科建设": "Key specialties and disciplines",
    "重点人群": "Priority groups",
    "重点人群健康服务": "Health services for priority groups",
    "防治结合": "Prevention combined with treatment",
    "预算管理": "Budget management",
}


def english() -> bool:
    return not (get_language() or "").startswith("zh")


def area_label(area: str) -> str:
    """The area in the page's language: the seed's heading in Chinese, its English name in English
    (the heading itself where none is known, as a proper noun would be)."""
    if not area or not english():
        return area
    return AREAS_EN.get(area, area)


def note_text(note: str, note_en: str = "") -> str:
    """Our note on a target (a contradiction inside the seed, a comparator the seed does not write):
    in the page's language. On an English page its English version (the seed's words it quotes kept
    verbatim, marked "Seed text:"); a note nobody has put into English yet says it is in Chinese
    rather than mixing the languages silently (it read "In the seed: …", though the words are ours)."""
    if not note or not english():
        return note
    if note_en:
        return note_en
    return _("Note in Chinese, not yet translated: %(note)s") % {"note": note}

"""The classification of institutions (医疗卫生机构分类), as plain data.

Categories follow the national health statistics: hospitals, primary care institutions,
public health institutions and other institutions.
"""

HOSPITAL = "hospital"
PRIMARY_CARE = "primary_care"
PUBLIC_HEALTH = "public_health"
OTHER = "other"
CATEGORIES = (HOSPITAL, PRIMARY_CARE, PUBLIC_HEALTH, OTHER)

# type code -> (category, Chinese name)
TYPES: dict[str, tuple[str, str]] = {
    "general_hospital": (HOSPITAL, "综合医院"),
    "tcm_hospital": (HOSPITAL, "中医医院"),
    "integrated_hospital": (HOSPITAL, "中西医结合医院"),
    "ethnic_medicine_hospital": (HOSPITAL, "民族医医院"),
    "specialty_hospital": (HOSPITAL, "专科医院"),
    "rehabilitation_hospital": (HOSPITAL, "康复医院"),
    "nursing_hospital": (HOSPITAL, "护理院"),
    "community_health_centre": (PRIMARY_CARE, "社区卫生服务中心"),
    "community_health_station": (PRIMARY_CARE, "社区卫生服务站"),
    "central_township_health_centre": (PRIMARY_CARE, "中心卫生院"),
    "township_health_centre": (PRIMARY_CARE, "乡镇卫生院"),
    "village_clinic": (PRIMARY_CARE, "村卫生室"),
    "outpatient_department": (PRIMARY_CARE, "门诊部"),
    "clinic": (PRIMARY_CARE, "诊所（医务室）"),
    "cdc": (PUBLIC_HEALTH, "疾病预防控制中心"),
    "mch_centre": (PUBLIC_HEALTH, "妇幼保健院（所、站）"),
    "ems_centre": (PUBLIC_HEALTH, "急救中心"),
    "ems_station": (PUBLIC_HEALTH, "急救站"),
    "blood_centre": (PUBLIC_HEALTH, "血站"),
    "mental_health_centre": (PUBLIC_HEALTH, "精神卫生中心"),
    "occupational_disease_institution": (PUBLIC_HEALTH, "职业病防治机构"),
    "disease_prevention_institution": (PUBLIC_HEALTH, "专科疾病防治院（所、站）"),
    "health_supervision": (PUBLIC_HEALTH, "卫生监督所（中心）"),
    "health_education": (PUBLIC_HEALTH, "健康教育所（中心）"),
    "other": (OTHER, "其他卫生机构"),
}

TOWNSHIP_HEALTH_CENTRE_TYPES = ("township_health_centre", "central_township_health_centre")
GENERAL_HOSPITAL_TYPES = ("general_hospital",)
TCM_HOSPITAL_TYPES = ("tcm_hospital", "integrated_hospital", "ethnic_medicine_hospital")
# Institutions whose beds count as "hospital beds" in allocation norms (MCH hospitals have wards).
BEDDED_PUBLIC_HEALTH_TYPES = ("mch_centre",)


def category_of(type_code: str) -> str:
    return TYPES[type_code][0]


def types_in(category: str) -> tuple[str, ...]:
    return tuple(code for code, (cat, _name) in TYPES.items() if cat == category)


GRADES = ("3A", "3B", "3C", "2A", "2B", "2C", "1A", "1B", "1C")
# 二级及以上综合医院（含中医医院）: the seeds' group for geriatrics and infectious disease departments.
GENERAL_AND_TCM_HOSPITAL_TYPES = GENERAL_HOSPITAL_TYPES + TCM_HOSPITAL_TYPES
DEPARTMENT_FIGURES = ("geriatrics", "tcm_department", "tcm_hall", "infectious_disease", "fever_clinic")


def grade_code(level: int | None, grade: str | None) -> str | None:
    """'3A' for 三级甲等; None for an ungraded institution or one with a level but no grade (二级未定等)."""
    if not level or not grade:
        return None
    return f"{level}{grade}"

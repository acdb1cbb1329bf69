"""English names of the Chinese words the discharge records and the code lists carry: the departments
(诊疗科目 of the national list) and the versions of the lists, weights and mappings. A record keeps
its Chinese word; an English page shows the English name, a word not listed here as it is."""

from django.utils.translation import get_language, gettext_lazy

# the departments of 医疗机构诊疗科目名录 a discharge record names most often
DEPARTMENTS = {
    "内科": gettext_lazy("internal medicine"),
    "外科": gettext_lazy("surgical department"),
    "妇产科": gettext_lazy("obstetrics and gynaecology"),
    "妇科": gettext_lazy("gynaecology"),
    "产科": gettext_lazy("obstetrics"),
    "儿科": gettext_lazy("paediatrics"),
    "新生儿科": gettext_lazy("neonatology"),
    "眼科": gettext_lazy("ophthalmology"),
    "耳鼻咽喉科": gettext_lazy("otorhinolaryngology"),
    "口腔科": gettext_lazy("stomatology"),
    "皮肤科": gettext_lazy("dermatology"),
    "精神科": gettext_lazy("psychiatry"),
    "感染科": gettext_lazy("infectious diseases"),
    "传染科": gettext_lazy("infectious diseases"),
    "肿瘤科": gettext_lazy("oncology"),
    "急诊医学科": gettext_lazy("emergency medicine"),
    "康复医学科": gettext_lazy("rehabilitation medicine"),
    "中医科": gettext_lazy("traditional Chinese medicine"),
    "重症医学科": gettext_lazy("critical care medicine"),
    "全科医疗科": gettext_lazy("general practice"),
    "老年病科": gettext_lazy("geriatrics"),
    "骨科": gettext_lazy("orthopaedics"),
    "心血管内科": gettext_lazy("cardiology"),
    "神经内科": gettext_lazy("neurology"),
    "呼吸内科": gettext_lazy("respiratory medicine"),
    "消化内科": gettext_lazy("gastroenterology"),
    "普通外科": gettext_lazy("general surgery"),
    "神经外科": gettext_lazy("neurosurgery"),
    "泌尿外科": gettext_lazy("urology"),
    "胸外科": gettext_lazy("thoracic surgery"),
}

# the Chinese words of a list's, a weight table's or a mapping's version ("演示2024", "国临→医保2.0")
VERSION_WORDS = {
    "演示": gettext_lazy("demo"),
    "国临": gettext_lazy("clinical"),
    "医保": gettext_lazy("insurance"),
}


def in_chinese() -> bool:
    return (get_language() or "").startswith("zh")


def department_name(department: str | None) -> str:
    """The department as the page's language names it ("内科" → "internal medicine" in English)."""
    if not department or in_chinese():
        return department or ""
    found = DEPARTMENTS.get(department.strip())
    return str(found) if found is not None else department


def version_name(version: str | None) -> str | None:
    """A version as the page's language reads it: "演示2024" → "demo 2024" in English; unchanged in Chinese."""
    if not version or in_chinese():
        return version
    for word, english in VERSION_WORDS.items():
        version = version.replace(word, f" {english} ")
    return " ".join(version.split()).replace(" →", "→").replace("→ ", "→").replace("→", " → ")

"""The disease list and the multi-point trigger rules a fresh database starts with (data: the admin,
and the migration that loads them, may change them).

Fixed-threshold diseases: CIDARS's single-case real-time alerts (plague, cholera, SARS, polio, human
avian influenza, pulmonary anthrax, unexplained pneumonia) and those managed like them. Temporal
diseases: the moving percentile method with the per-disease percentiles of the Songjiang tuning
(BMC Public Health 2017: P75 chickenpox, P80 mumps, P75 influenza, P45 rubella, P75 HFMD, P80
scarlet fever; 5-week × 5-year window); others P80.
"""

# code, Chinese, English, kind, percentile
DISEASES = [
    ("plague", "鼠疫", "plague", "fixed", 80),
    ("cholera", "霍乱", "cholera", "fixed", 80),
    ("sars", "传染性非典型肺炎", "SARS", "fixed", 80),
    ("polio", "脊髓灰质炎", "poliomyelitis", "fixed", 80),
    ("hpai", "人感染高致病性禽流感", "human infection with highly pathogenic avian influenza", "fixed", 80),
    ("anthrax_pulmonary", "肺炭疽", "pulmonary anthrax", "fixed", 80),
    ("unexplained_pneumonia", "不明原因肺炎", "pneumonia of unknown cause", "fixed", 80),
    ("diphtheria", "白喉", "diphtheria", "fixed", 80),
    ("measles", "麻疹", "measles", "temporal", 80),
    ("dysentery", "细菌性痢疾", "bacillary dysentery", "temporal", 80),
    ("typhoid", "伤寒和副伤寒", "typhoid and paratyphoid fever", "temporal", 80),
    ("hepatitis_a", "甲型肝炎", "hepatitis A", "temporal", 80),
    ("scarlet_fever", "猩红热", "scarlet fever", "temporal", 80),
    ("pertussis", "百日咳", "pertussis", "temporal", 80),
    ("dengue", "登革热", "dengue", "temporal", 80),
    ("influenza", "流行性感冒", "influenza", "temporal", 75),
    ("mumps", "流行性腮腺炎", "mumps", "temporal", 80),
    ("rubella", "风疹", "rubella", "temporal", 45),
    ("hfmd", "手足口病", "hand, foot and mouth disease", "temporal", 75),
    (
        "infectious_diarrhoea",
        "其它感染性腹泻病",
        "other infectious diarrhoea (incl. norovirus)",
        "temporal",
        80,
    ),
    ("varicella", "水痘", "varicella (chickenpox)", "temporal", 75),
]

# code, Chinese, English, components, minimum (0 = all), place level, window days, warning type, risk
TRIGGER_RULES = [
    (
        "respiratory-township",
        "发热门诊 + 药店退热药 + 学校发热缺课（同一乡镇 3 天内）",
        "fever clinic + pharmacy antipyretics + school absence for fever (same township, 3 days)",
        [
            {"source": "fever_clinic", "code": "visits"},
            {"source": "pharmacy", "code": "antipyretic"},
            {"source": "school", "code": "fever"},
        ],
        0,
        4,
        3,
        "warning_notice",
        "medium",
    ),
    (
        "enteric-township",
        "肠道门诊、药店止泻药、学校腹泻缺课、诺如病毒阳性中任意 3 项（同一乡镇 3 天内）",
        "any 3 of diarrhoea clinic, pharmacy antidiarrhoeals, school absence for diarrhoea, norovirus positives "
        "(same township, 3 days)",
        [
            {"source": "diarrhoea_clinic", "code": "visits"},
            {"source": "pharmacy", "code": "antidiarrhoeal"},
            {"source": "school", "code": "diarrhoea"},
            {"source": "lab", "code": "norovirus"},
        ],
        3,
        4,
        3,
        "health_risk_notice",
        "low",
    ),
]


def load(apps=None) -> None:
    """Create the diseases and rules that are missing (never overwrite what a user changed)."""
    if apps is None:
        from django.apps import apps
    Disease = apps.get_model("surveillance", "Disease")
    TriggerRule = apps.get_model("surveillance", "TriggerRule")
    for code, zh, en, kind, percentile in DISEASES:
        Disease.objects.get_or_create(
            code=code, defaults={"name_zh": zh, "name_en": en, "kind": kind, "percentile": percentile}
        )
    for code, zh, en, components, minimum, level, days, warning, risk in TRIGGER_RULES:
        TriggerRule.objects.get_or_create(
            code=code,
            defaults={
                "name_zh": zh,
                "name_en": en,
                "components": components,
                "minimum": minimum,
                "place_level": level,
                "window_days": days,
                "warning_type": warning,
                "risk_level": risk,
            },
        )

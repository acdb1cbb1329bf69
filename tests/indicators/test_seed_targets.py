"""Issue 12: what the plan packs encode beyond a value — counts of new ones since the baseline, the
baseline's own comparator, goals without a year, notes on contradictions inside a seed — and the
encoding fixes (综合性医院, 三级公立医院, enterprise hospitals)."""

import numpy as np
import pytest
from django.conf import settings

from tests.conftest import DACHUAN, PANZHIHUA
from tixi.geo.models import Division
from tixi.indicators.engine import trajectory as tj
from tixi.indicators.models import DataElement, DataValue, Indicator, Plan, Target
from tixi.indicators.services import evaluate_plan, load_pack_file

pytestmark = pytest.mark.django_db


def test_since_baseline_subtracts_the_baseline_value():
    series = np.array([4.0, 4.0, 5.0, 6.0])
    assert list(tj.since_baseline(series, 0)) == [0.0, 0.0, 1.0, 2.0]
    assert np.isnan(tj.since_baseline(np.array([np.nan, 5.0]), 0)).all()
    assert np.isnan(tj.since_baseline(series, None)).all()


def plan_with(kind, target, values):
    """A plan for 达川 with one target on national hygienic towns, and their stock per year."""
    dachuan = Division.objects.at(DACHUAN)
    plan = Plan.objects.create(
        code=f"t-{kind}", title="测试", issuer="测试", region=dachuan, period_start=2020, period_end=2025
    )
    element = DataElement.objects.get(code="national_hygienic_towns")
    DataValue.objects.filter(element=element, division=dachuan).delete()  # the demo's own values
    for year, value in values.items():
        DataValue.objects.create(element=element, division=dachuan, period=str(year), value=value)
    Target.objects.create(
        plan=plan,
        label="国家卫生乡镇",
        indicator=Indicator.objects.get(code="national_hygienic_towns"),
        division=dachuan,
        kind=kind,
        baseline_year=2020,
        target_year=2025,
        target_value=target,
        clause="力争创建国家卫生乡镇1个",
    )
    return plan, dachuan


def test_new_ones_are_counted_from_the_baseline_not_the_stock():
    """ "新建 N 个": 4 towns in 2020 and 5 in 2023 are 1 new one, short of 2 new (a stock of 5 ≥ 2 would
    wrongly be achieved)."""
    plan, dachuan = plan_with("new", 2, {2020: 4, 2023: 5})
    (row,) = evaluate_plan(plan, dachuan, 2023)
    assert row["actual"] == 1 and row["status"] != "achieved"
    assert "2020" in row["target_text"]
    stock, _ = plan_with("count", 2, {2020: 4, 2023: 5})
    assert evaluate_plan(stock, dachuan, 2023)[0]["status"] == "achieved"
    Target.objects.filter(plan=plan).update(target_value=1)
    assert evaluate_plan(plan, dachuan, 2023)[0]["status"] == "achieved"


def test_new_ones_without_a_baseline_value_are_no_data_with_the_reason():
    plan, dachuan = plan_with("new", 1, {2023: 5})
    (row,) = evaluate_plan(plan, dachuan, 2023)
    assert row["status"] == "no_data"
    assert "2020" in row["no_data_reason"]


def evaluated(code, division, year=2023):
    return evaluate_plan(Plan.objects.get(code=code), Division.objects.at(division), year)


def test_a_baseline_keeps_its_comparator():
    rows = evaluated("dachuan-14th-health", DACHUAN)
    row19 = next(r for r in rows if r["label"].startswith("孕产妇系统管理率"))
    assert row19["baseline_text"] == ">85" and row19["baseline"] == 85


def test_no_year_is_invented_where_the_seed_says_gradually():
    rows = evaluated("bazhong-2025-hospitals", "511900000000")
    ratio = next(r for r in rows if r["indicator"] == "nurses_per_physician_public_hospitals")
    assert ratio["deadline_stated"] is False
    cmi = next(r for r in rows if r["indicator"] == "case_mix_index")
    assert cmi["deadline_stated"] is True


def test_a_contradiction_inside_the_seed_is_shown_with_the_target(web):
    rows = evaluated("panzhihua-14th-system", PANZHIHUA)
    ratio = next(r for r in rows if r["indicator"] == "nurses_per_physician")
    assert "1：1.13" in ratio["note"]
    page = web("planner").get(f"/plans/panzhihua-14th-system/?division={PANZHIHUA}&year=2023")
    assert "1：1.13" in page.content.decode()


def test_wushan_consortium_pairs_carry_their_own_deadlines():
    pairs = Target.objects.filter(plan__code="wushan-2027-system", label__contains="医共体")
    assert sorted(pairs.values_list("target_year", flat=True)) == [2024, 2024, 2025, 2025, 2025]


def test_smart_hospital_built_is_a_new_one():
    (smart,) = [t for t in load_pack_file("wushan.yaml")["targets"] if t["indicator"] == "smart_hospitals"]
    assert smart["kind"] == "new" and "新建成" in smart["clause"]


def test_general_hospital_shares_where_the_seed_says_comprehensive_hospitals():
    """达川 row 22 and 巫山 say 综合性医院 (no 含中医医院): TCM hospitals are not counted. 攀枝花's table
    says 综合医院（含中医医院，下同）, so its row 17 counts them."""
    general = Indicator.objects.get(code="geriatrics_share_general")
    assert "tcm_hospital" not in general.numerator + general.denominator
    codes = {
        p: {t["label"]: t["indicator"] for t in load_pack_file(p)["targets"]}
        for p in ("dachuan.yaml", "wushan.yaml", "panzhihua.yaml")
    }
    assert codes["dachuan.yaml"]["二级及以上综合性医院设老年医学科比例(%)"] == "geriatrics_share_general"
    assert "geriatrics_share_general" in codes["wushan.yaml"].values()
    assert codes["panzhihua.yaml"]["二级及以上综合医院设立老年医学科比例（%）"] == "geriatrics_share"


def test_panzhihua_cmi_and_city_beds_as_the_seed_words_them():
    targets = load_pack_file("panzhihua.yaml")["targets"]
    cmi = next(t for t in targets if "CMI" in t["label"])
    assert cmi["indicator"] == "case_mix_index_level3_public"
    assert Indicator.objects.get(code="case_mix_index_level3_public").name.startswith("三级公立医院")
    beds = next(t for t in targets if t.get("row") == "5.1")
    assert "operator=enterprise" in Indicator.objects.get(code=beds["indicator"]).numerator
    assert "企业医院" in beds["note"]


def test_goals_without_registry_data_show_no_data_naming_the_element():
    DataValue.objects.filter(element__code="urban_medical_groups").delete()  # as before any report
    rows = evaluated("dazhou-2025-system", "511700000000")
    labs = next(r for r in rows if r["indicator"] == "urban_medical_groups")
    assert labs["status"] == "no_data" and "紧密型城市医疗集团数" in labs["no_data_reason"]
    # and which report would bring it: no data set holds the element yet
    assert labs["no_data_reason"].endswith("（尚未列入数据集：按区划录入数据值）")


def test_a_missing_figure_names_the_data_set_that_reports_it():
    from tixi.indicators.services import where_reported

    with_set = Target(indicator=Indicator.objects.get(code="life_expectancy"))
    assert "区县卫生健康统计年报" in where_reported(with_set)
    # an English page names it in English, not "(reported in the data set 区县卫生健康统计年报)"
    from django.utils import translation

    with translation.override("en"):
        assert where_reported(with_set) == " (reported in the data set yearly health statistics of a county)"
    registry = Target(indicator=Indicator.objects.get(code="beds_per_1000"))
    assert where_reported(registry) == ""


def test_panzhihua_institution_setting_is_counted_from_the_registry():
    """第四章 sets 7 city and 3 enterprise hospitals, 6 county hospitals, 37 卫生院, 14 centres, 450
    village clinics, 6 CDCs, 6 MCH institutions, one EMS centre and one blood station: each a count of
    the registry, with no year invented."""
    rows = {r["indicator"]: r for r in evaluated("panzhihua-14th-system", PANZHIHUA)}
    planned = {
        "city_public_hospitals": 7,
        "enterprise_hospitals": 3,
        "county_public_hospitals": 6,
        "township_health_centres": 37,
        "community_health_centres": 14,
        "village_clinics": 450,
        "cdcs": 6,
        "mch_centres": 6,
        "ems_centres": 1,
        "blood_centres": 1,
    }
    for code, target in planned.items():
        assert rows[code]["target"] == target and rows[code]["deadline_stated"] is False
        assert Indicator.objects.get(code=code).numerator.startswith("N{")
    village = rows["village_clinics"]
    assert village["status"] != "no_data" and float(village["actual"]).is_integer()


def test_dazhou_ten_centres_and_five_sharing_centres_are_one_target_each():
    targets = load_pack_file("dazhou.yaml")["targets"]
    centres = [t for t in targets if t["indicator"].startswith("counties_") and t.get("words") == "各县"]
    centres = [t for t in centres if t["indicator"] != "counties_with_ten_centres_share"]
    assert len(centres) == 10 and all(t["target"] == 100 for t in centres)
    assert all("deadline" not in t for t in centres)  # 到 2025 年 is stated
    sharing = [t for t in targets if t["indicator"].endswith("_sharing_centre_share")]
    assert len(sharing) == 5 and all(t["deadline"] == "未定" for t in sharing)  # "全面推进", no year


def test_dachuan_boxes_keep_their_own_years():
    targets = {t["indicator"]: t for t in load_pack_file("dachuan.yaml")["targets"]}
    assert targets["dachuan_mch_childcare_centre"]["target_year"] == 2022
    assert targets["care_education_complexes"]["target_year"] == 2022
    assert targets["dachuan_people_hospital_prevention_centre"]["deadline"] == "未定"
    support = targets["sub_centre_supported_township_hospitals"]
    assert (support["comparator"], support["target"], support["target_high"]) == ("range", 3, 5)
    rows = {r["indicator"]: r for r in evaluated("dachuan-14th-health", DACHUAN)}
    assert rows["dachuan_mch_childcare_centre"]["target_year"] == 2022
    assert rows["geriatric_clinic_share_level2plus"]["deadline_stated"] is False


def test_panzhihua_hospital_setting_against_the_demo_registry():
    """The 7 city hospitals include the city MCH hospital (三级妇幼保健院1所 in the list); 花城新区医院
    opens in 2024, so the count rises by one. The seed's 3 enterprise hospitals against Table 2's 4 is
    a note."""
    before = {r["indicator"]: r for r in evaluated("panzhihua-14th-system", PANZHIHUA, 2023)}
    after = {r["indicator"]: r for r in evaluated("panzhihua-14th-system", PANZHIHUA, 2025)}
    assert after["city_public_hospitals"]["actual"] == before["city_public_hospitals"]["actual"] + 1
    assert after["county_public_hospitals"]["actual"] == 6
    assert "表2列企业医院4家" in after["enterprise_hospitals"]["note"]


def test_wushan_second_reading_has_every_judgeable_goal():
    """巫山, re-read clause by clause: each goal judged done or not (是=1) or by an increase is a
    target with its verbatim clause and no invented year (the notice gives none: 未定 / 逐步)."""
    targets = {t["indicator"]: t for t in load_pack_file("wushan.yaml")["targets"]}
    expected = {
        "wushan_integrated_medicine_demo_county": "创建基层中西医结合服务示范县",
        "wushan_regional_lab": "建设渝东北三峡库区城镇群区域实验室",
        "wushan_infection_building": "建设相对独立的感染楼或感染性疾病病区",
        "wushan_mental_health_public_class1": "设置县精神卫生中心为县属公益一类事业单位",
        "wushan_people_hospital_neurology_key_specialty": "县人民医院新增神经内科、呼吸科等一批重点专科",
        "wushan_people_hospital_respiratory_key_specialty": "县人民医院新增神经内科、呼吸科等一批重点专科",
        "wushan_national_key_specialty": "创国家级重点专科",
        "wushan_translational_centre": "积极申报创建市级转化医学研究中心",
        "wushan_shared_service_centres_share": "心电诊断、病理、消毒供应等中心",
        "emr4_share_level2plus": "提高电子病历分级评价等级",
        "appointment_share": "提高预约诊疗比例",
        "cross_province_direct_settlement_rate": "持续提高跨省异地就医直接结算率",
        "primary_share_of_services": "逐步提高基层医疗卫生机构提供的服务在医疗服务总量",
        "primary_share_of_insurance_payments": "医保基金支付中的占比",
    }
    for code, words in expected.items():
        t = targets[code]
        assert words in t["clause"], code
        assert "target_year" not in t and t["deadline"] in ("未定", "逐步"), code
        assert "nature" not in t and "comparator" not in t, code  # the notice states neither
    increases = [c for c in expected if targets[c].get("kind") == "increase"]
    assert len(increases) == 5 and all("target" not in targets[c] for c in increases)
    rows = {r["indicator"]: r for r in evaluated("wushan-2027-system", "500237000000", 2026)}
    assert rows["wushan_integrated_medicine_demo_county"]["target"] == 1
    assert rows["wushan_integrated_medicine_demo_county"]["deadline_stated"] is False


def test_bazhong_second_reading_has_every_judgeable_goal():
    """巴中, re-read clause by clause: the named grades (南江、通江 三甲, 恩阳 三乙), centres, hospitals
    and platform, sub-centres at level 2, the infectious-disease wards and hospital, the deficit
    budget and long-term debt (逐步, below the province) and energy cost (降低)."""
    targets = {t["indicator"]: t for t in load_pack_file("bazhong.yaml")["targets"]}
    yes_no = {
        "nanjiang_people_hospital_grade_3a": "南江县、通江县人民医院创建三级甲等综合医院",
        "tongjiang_people_hospital_grade_3a": "南江县、通江县人民医院创建三级甲等综合医院",
        "enyang_people_hospital_grade_3b": "恩阳区人民医院创建三级乙等综合医院",
        "bazhong_provincial_tcm_centre": "建设省级区域中医医疗中心、康复中心",
        "bazhong_provincial_rehabilitation_centre": "建设省级区域中医医疗中心、康复中心",
        "bazhong_city_tcm_hospital": "独立设置市级中医医院、中西医结合医院",
        "bazhong_city_integrated_hospital": "独立设置市级中医医院、中西医结合医院",
        "county_general_hospitals_infectious_ward": "县级公立综合医院完成相对独立的传染病区建设",
        "bazhong_infectious_disease_hospital": "全市建立独立的传染病医院",
        "bazhong_ems_dispatch_platform": "建立全市统一的院前急救指挥调度平台",
    }
    for code, words in yes_no.items():
        t = targets[code]
        assert words in t["clause"] and t["target"] == 1 and t["deadline"] == "未定", code
        assert Indicator.objects.get(code=code).name.endswith("（是=1）")
    sub = targets["sub_centres_at_level2"]
    assert sub["target"] == 10 and "达到二级综合医院水平" in sub["clause"]
    debt = targets["long_term_debt_ratio_vs_province"]
    assert (debt["comparator"], debt["target"], debt["deadline"]) == ("lt", 100, "逐步")
    deficit = targets["public_hospitals_with_deficit_budget"]
    assert (deficit["comparator"], deficit["target"]) == ("le", 0) and deficit[
        "clause"
    ] == "不得编制赤字预算。"
    assert targets["energy_cost_per_10k_revenue"]["kind"] == "increase"
    assert Indicator.objects.get(code="energy_cost_per_10k_revenue").direction == "lower"


def test_goals_without_a_baseline_get_plausible_demo_values():
    """The demo starts a goal the seed gives without a baseline from the figure it publishes for the
    baseline year, else a plausible start: 达川 shows no data only where nothing can be drawn."""
    rows = evaluated("dachuan-14th-health", DACHUAN, 2025)
    missing = [r for r in rows if r["status"] == "no_data"]
    assert len(missing) <= 2, [r["label"] for r in missing]
    assert all(r["no_data_reason"] for r in missing)
    by_code = {r["indicator"]: r for r in rows}
    # the seed's 2020 figures: 4 national hygienic towns, 68.64 % of diabetes patients managed
    towns = DataValue.objects.get(
        element__code="national_hygienic_towns", division__code=DACHUAN, period="2020"
    )
    assert towns.value == 4
    new_towns = by_code["national_hygienic_towns"]  # "创建国家卫生乡镇1个": counted from the 4 of 2020
    assert new_towns["series"][2020] == 0 and float(new_towns["actual"]).is_integer()
    assert by_code["diabetes_management_rate"]["series"][2020] == 68.64
    # a yes-or-no goal is 0 or 1 and, once done, stays done
    for code in ("dachuan_cdc_grade_3b", "dachuan_people_hospital_prevention_centre"):
        values = [v for _, v in sorted(by_code[code]["series"].items()) if v is not None]
        assert set(values) <= {0, 1} and values == sorted(values), code
    # a ceiling starts above its line: the caries rate comes down toward ≤30 %
    caries = by_code["caries_rate_age12"]["series"]
    assert caries[2020] > 30 and 0 <= min(v for v in caries.values() if v is not None) <= 100


def test_dazhou_second_reading_has_every_judgeable_goal():
    """达州, re-read clause by clause: the named centres, pilots and platforms (done or not), the
    in-county visit rate (不断提高), the public-health departments every public institution must
    have, the debt ban (严禁: none) and full budgeting; no year where the sentence gives none."""
    targets = {t["indicator"]: t for t in load_pack_file("dazhou.yaml")["targets"]}
    yes_no = {
        "dazhou_provincial_public_health_centre": "争创省区域公共卫生中心",
        "dazhou_national_regional_medical_centre": "全力争取国家区域医疗中心落地达州",
        "dazhou_border_regional_medical_centre": "川渝陕结合部区域医疗中心建设",
        "dazhou_cdcs_in_urban_medical_groups": "将市、县疾控中心纳入紧密型城市医疗集团试点",
        "dazhou_central_hospital_bedside_admission": "在达州市中心医院、达川区人民医院试点“床旁出入院”服务",
        "dachuan_people_hospital_bedside_admission": "在达州市中心医院、达川区人民医院试点“床旁出入院”服务",
        "dachuan_people_hospital_credit_care": "在达川区人民医院试点“信用就医”服务",
        "dazhou_central_hospital_senior_title_review": "达州市中心医院高级职称自主评审试点",
        "dazhou_health_data_brain": "打造“健康达州数智大脑”",
        "dazhou_health_information_platform": "达州全民健康信息平台建设",
    }
    for code, words in yes_no.items():
        t = targets[code]
        assert words in t["clause"] and t["target"] == 1 and t["deadline"] == "未定", code
        assert Indicator.objects.get(code=code).name.endswith("（是=1）")
        assert "nature" not in t and "comparator" not in t, code  # the plan states neither
    visits = targets["in_county_visit_rate"]
    assert (
        visits["kind"] == "increase" and "target" not in visits and "不断提高县域内就诊率" in visits["clause"]
    )
    assert targets["public_institutions_public_health_dept_share"]["target"] == 100
    debt = targets["public_hospitals_debt_financed_building"]
    assert (debt["comparator"], debt["target"]) == ("le", 0) and debt["clause"].startswith(
        "严禁公立医院举债建设"
    )
    # "确保所有县域医疗卫生次中心至少有 1 个基层临床特色科室" has no year of its own
    assert targets["sub_centres_with_speciality_share"]["deadline"] == "未定"
    assert len(targets) >= 47
    rows = {r["indicator"]: r for r in evaluated("dazhou-2025-system", "511700000000", 2025)}
    for code in yes_no:
        assert rows[code]["deadline_stated"] is False and rows[code]["status"] != "no_data", code
    assert rows["in_county_visit_rate"]["status"] != "no_data"


def test_panzhihua_second_reading_has_every_judgeable_goal():
    """攀枝花, re-read clause by clause: the CDC staffing norms (≥85 %, ≥70 %), the named regional
    centres and bases (done or not), the goals stated as every/all, the increases (县域就诊率, day
    surgery, service revenue, blood collected) and the decreases (孕产妇、新生儿死亡率稳中有降); a
    sentence without a year gets none (CMI, ALOS, the BSL-2 labs are not "2025")."""
    pack = load_pack_file("panzhihua.yaml")
    targets = {t["indicator"]: t for t in pack["targets"]}
    cdc = "其中专业技术人员在编制总额中占比≥85%，卫生技术人员≥70%"
    assert (
        targets["cdc_professional_staff_share"]["target"] == 85
        and cdc in targets["cdc_professional_staff_share"]["clause"]
    )
    assert targets["cdc_health_technician_share"]["target"] == 70
    centres = {
        "panzhihua_central_hospital_regional_centre": "市中心医院建设高水平省级区域医疗中心",
        "regional_tcm_preventive_centre": "市中西医结合医院建设区域中医治未病中心",
        "regional_occupational_disease_centre": "市第二人民医院建设区域职业病防治中心",
        "regional_mental_health_centre": "市第三人民医院建设区域精神卫生中心",
        "provincial_regional_mch_centre": "省级区域妇幼健康中心",
        "regional_reproductive_medicine_centre": "川西南滇西北区域生殖医学中心",
        "tcm_epidemic_prevention_base": "区域重大疫情中医药防控基地",
        "tcm_emergency_rescue_base": "区域中医紧急医学救援基地",
        "integrated_flagship_hospital": "中西医结合“旗舰”医院",
        "chemical_poisoning_centre": "区域性化学中毒救治中心",
        "psychological_rescue_centre": "公共卫生应急心理救援中心",
        "miyi_cdc_grade_3b": "米易县疾病预防控制中心创建三级乙等疾控机构",
        "panzhihua_ems_dispatch_platform": "院前医疗急救指挥调度信息化平台",
    }
    for code, words in centres.items():
        t = targets[code]
        assert words in t["clause"] and t["target"] == 1 and t["deadline"] == "未定", code
        assert "nature" not in t and "comparator" not in t, code
    assert targets["city_tcm_hospital_infectious_ward"]["deadline"] == "逐步"  # "逐步在市级中医类医院…"
    increases = [
        "in_county_visit_rate",
        "day_surgery_share_level3_hospitals",
        "service_revenue_share",
        "unpaid_blood_collection",
        "maternal_mortality",
        "neonatal_mortality",
    ]
    for code in increases:
        t = next(t for t in pack["targets"] if t["indicator"] == code and t.get("kind") == "increase")
        assert "target" not in t and t["deadline"] == "未定", code
    assert Indicator.objects.get(code="neonatal_mortality").direction == "lower"
    for code in (
        "case_mix_index_level3_public",
        "level3_general_alos",
        "city_cdc_bsl2plus_labs",
        "municipal_county_key_specialties",
    ):
        assert targets[code]["deadline"] == "未定", code
    assert "icu_beds_per_1000" in targets and "deadline" not in targets["icu_beds_per_1000"]  # 到2025年
    assert len(pack["targets"]) >= 150
    rows = {r["indicator"]: r for r in evaluated("panzhihua-14th-system", PANZHIHUA, 2025)}
    for code in [
        *centres,
        *increases,
        "level2plus_public_health_dept_share",
        "county_tcm_hospitals_infectious_dept_share",
    ]:
        assert rows[code]["status"] != "no_data", code
    # the department shares are counted from the registry, not drawn
    share = rows["level2plus_psych_clinic_share"]
    assert 0 <= share["actual"] <= 100 and Indicator.objects.get(
        code="level2plus_psych_clinic_share"
    ).numerator.startswith("N{")


def test_bazhong_booking_and_settlement_shares_come_from_a_yearly_report():
    """巴中's 60 %/90 % time-slot booking and 40 %/70 % bedside settlement: each county reports in
    公立医院便民服务年报 how many of its public hospitals practise them, the registry counts the
    hospitals; the demo's counts are whole, within the hospitals there are, never falling."""
    from tixi.indicators.models import DataSet

    data_set = DataSet.objects.get(code="public_hospital_services_yearly")
    assert data_set.reporter == "division" and data_set.level == 3
    reported = set(data_set.elements.values_list("code", flat=True))
    rows = {r["indicator"]: r for r in evaluated("bazhong-2025-hospitals", "511900000000", 2025)}
    codes = (
        "timed_appointment_share_level2",
        "timed_appointment_share_level3",
        "bedside_settlement_share_level2",
        "bedside_settlement_share_level3",
    )
    statuses = set()
    for code in codes:
        indicator = Indicator.objects.get(code=code)
        element = indicator.numerator.strip("#{}")
        assert element in reported and indicator.denominator.startswith("N{category=hospital"), code
        row = rows[code]
        assert row["status"] != "no_data" and 0 <= row["actual"] <= 100, code
        statuses.add(row["status"] == "achieved")
        values = DataValue.objects.filter(
            element__code=element, division__path__startswith="510000000000/511900000000/"
        )
        assert values.exists() and all(v.is_synthetic and float(v.value).is_integer() for v in values)
        for division_id in {v.division_id for v in values}:
            series = [v.value for v in values.filter(division_id=division_id).order_by("period")]
            assert series == sorted(series) and min(series) >= 0, code
    assert statuses == {True, False}  # some met, some not
    # without the counts, the scorecard names the report that brings them
    DataValue.objects.filter(element__code="timed_booking_level2_public_hospitals").delete()
    row = next(
        r for r in evaluated("bazhong-2025-hospitals", "511900000000", 2025) if r["indicator"] == codes[0]
    )
    assert row["status"] == "no_data" and "公立医院便民服务年报" in row["no_data_reason"]


def test_a_nature_is_the_one_the_seed_states_and_none_is_invented():
    """预期性/约束性 only where the seed's row says so; the text goals state none and show none."""
    natures = {}
    for target in Target.objects.filter(plan__code__in=[p.code for p in Plan.objects.all()]):
        stated = "binding" if "约束性" in target.clause else "expected" if "预期性" in target.clause else ""
        if target.clause:
            assert target.nature == stated, (target.plan.code, target.label, target.nature)
        natures[target.nature] = natures.get(target.nature, 0) + 1
    # every kind occurs: the tables' rows state one, most text goals none
    assert natures.get("binding") and natures.get("expected") and natures.get("")
    row17 = Target.objects.get(plan__region__code=DACHUAN, label__startswith="全区儿童青少年总体近视率")
    assert row17.nature == "binding"


def test_dachuan_second_reading_has_every_judgeable_goal():
    """达川 (seed 001), re-read for goals with a number, a share, a count of new ones or a thing to
    build by a date (第三章 目标, 第四章 to 第九章 and their 专栏): each is a target with its verbatim
    clause, and the year the sentence gives (none where it gives none)."""
    seed = (settings.TIXI_SEEDS_DIR / "001_8ad369e398ec183a.txt").read_text(encoding="utf-8")
    targets = {}
    for t in load_pack_file("dachuan.yaml")["targets"]:
        targets.setdefault(t["indicator"], t)
    expected = {
        # indicator: (words of the clause, the year it states or None)
        "dachuan_tcm_hospital_grade_3b": ("区中医医院力争达“三级乙等”中医院标准", 2022),
        "dachuan_tcm_hospital_grade_3a": ("创“三级甲等”中医院", 2025),
        "care_education_complexes": ("试点建设一家“医教养综合体”", 2022),
        "centres_with_integrated_elderly_care_share": ("30%以上的社区卫生服务中心和乡镇（中心）卫生院", 2022),
        "tcm_technique_types_centres_min": ("能够提供6类以上中医药适宜技术", None),
        "tcm_technique_types_stations_min": ("能够提供4类以上中医药适宜技术", None),
        "village_clinics_preventive_tcm_share": ("80%以上的村卫生室开展中医药治未病服务", None),
        "wumei_processing_share": ("乌梅年初深加工能力80%以上", None),
        # found missing on this reading and encoded now
        "centres_psych_clinic_share": ("社区卫生服务中心、乡镇卫生院要设立精神(心理)科门诊", 2025),
        "dachuan_wumei_street_started": ("开工建设乌梅特色街区", 2023),
        "dachuan_tcm_wellness_centre_started": ("开工建设乌梅特色街区、康养中心", 2023),
    }
    flat = seed.replace(" ", "")
    for code, (words, year) in expected.items():
        t = targets[code]
        assert words in t["clause"], code
        assert t["clause"].replace(" ", "")[:20] in flat, f"{code}: the clause is not the seed's words"
        assert t.get("target_year", 2025 if t.get("deadline") is None else None) == year, code
    for code in ("dachuan_wumei_street_started", "dachuan_tcm_wellness_centre_started"):
        assert targets[code]["target"] == 1 and Indicator.objects.get(code=code).name.endswith("（是=1）")
    psych = targets["centres_psych_clinic_share"]
    assert (psych["target"], psych["target_year"]) == (100, 2025)
    rows = {r["indicator"]: r for r in evaluated("dachuan-14th-health", DACHUAN, 2025)}
    assert {"centres_psych_clinic_share", "dachuan_wumei_street_started"} <= rows.keys()

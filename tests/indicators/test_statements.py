"""What a plan states besides its targets: 攀枝花's rule about each public general hospital judged
per hospital from the registry, and goals with nothing numeric to judge them by shown as such."""

import re

import pytest

from tests.conftest import DACHUAN, PANZHIHUA
from tixi.indicators.engine import rules
from tixi.registry.models import InstitutionYear

pytestmark = pytest.mark.django_db


def test_the_rule_is_judged_from_the_year_before():
    rows = [
        # 365 beds, 73.15% occupancy (97,455 bed-days), 10-day stays, then 400 beds: breach
        rules.HospitalYear("A", "甲医院", 400, 365, 97_455, 9_745),
        # same condition, beds kept: held
        rules.HospitalYear("B", "乙医院", 365, 365, 97_455, 9_745),
        # busy (90%): not concerned, whatever it adds
        rules.HospitalYear("C", "丙医院", 500, 365, 119_903, 14_000),
        # short stays (8 days): not concerned
        rules.HospitalYear("D", "丁医院", 500, 365, 80_000, 10_000),
        # no report the year before
        rules.HospitalYear("E", "戊医院", 100, None, None, None),
    ]
    found = {j.code: j for j in rules.no_new_beds_when_underused(rows, occupancy_below=75, stay_above=9)}
    assert found["A"].status == rules.BREACH and found["A"].occupancy == pytest.approx(73.15)
    assert found["A"].average_stay == pytest.approx(10.0, abs=0.01)
    assert found["B"].status == rules.HELD
    assert found["C"].status == found["D"].status == rules.NOT_CONCERNED
    assert found["E"].status == rules.NO_DATA


def test_occupancy_reads_the_reported_open_bed_days_not_beds_times_days():
    # 400 beds, but a ward of 100 closed half the year: 127,750 open bed-days, not 146,000. With
    # 100,000 occupied bed-days that is 78.3 % in use (not concerned), where beds × 365 read 68.5 %.
    row = rules.HospitalYear("A", "甲医院", 420, 400, 100_000, 9_000, open_bed_days_before=127_750)
    (judged,) = rules.no_new_beds_when_underused([row], occupancy_below=75, stay_above=9)
    assert judged.occupancy == pytest.approx(78.28, abs=0.01)
    assert judged.status == rules.NOT_CONCERNED
    # without a reported figure, beds × the days open stand in
    (fallback,) = rules.no_new_beds_when_underused(
        [rules.HospitalYear("A", "甲医院", 420, 400, 100_000, 9_000)], occupancy_below=75, stay_above=9
    )
    assert fallback.occupancy == pytest.approx(68.49, abs=0.01) and fallback.status == rules.BREACH


def test_the_registry_open_bed_days_reach_the_rule():
    from types import SimpleNamespace

    from tixi.indicators.statements import hospital_years

    hospital = SimpleNamespace(code="A", name="甲医院", opened_on=None)

    def report(year, beds, bed_days, discharges, open_bed_days):
        return SimpleNamespace(
            institution=hospital,
            year=year,
            actual_beds=beds,
            bed_days=bed_days,
            discharges=discharges,
            open_bed_days=open_bed_days,
        )

    (row,) = hospital_years([report(2023, 400, 100_000, 9_000, 127_750), report(2024, 420, 0, 0, 0)], 2024)
    assert row.open_bed_days_before == 127_750
    (unreported,) = hospital_years([report(2023, 400, 100_000, 9_000, 0), report(2024, 420, 0, 0, 0)], 2024)
    assert unreported.open_bed_days_before is None


def test_the_panzhihua_scorecard_lists_the_hospitals_the_rule_concerns(web):
    year = 2023
    page = web("planner").get("/plans/panzhihua-14th-system/", {"division": PANZHIHUA, "year": year})
    html = page.content.decode()
    assert page.status_code == 200
    assert "病床使用率低于75%，平均住院日高于9天的公立综合医院，不再新增床位" in html
    rule = page.context["rules"][0]
    # the same judgement computed here from the registry, hospital by hospital
    reports = InstitutionYear.objects.filter(
        division_path__startswith="510000000000/510400000000/",
        type="general_hospital",
        ownership="public",
        operator__in=("city", "county", "township"),  # 公立医院: the plan counts enterprise ones apart
        year__in=(year - 1, year),
    ).select_related("institution")
    by_code = {}
    for r in reports:
        by_code.setdefault(r.institution.code, {})[r.year] = r
    breaches, held = set(), set()
    for code, years in by_code.items():
        before, now = years.get(year - 1), years.get(year)
        if before is None or now is None or not before.actual_beds or not before.discharges:
            continue
        if (
            100 * before.bed_days / (before.actual_beds * 365) < 75
            and before.bed_days / before.discharges > 9
        ):
            (breaches if now.actual_beds > before.actual_beds else held).add(code)
    assert {j.code for j in rule["breaches"]} == breaches
    assert {j.code for j in rule["concerned"]} == breaches | held
    assert breaches | held, "the demo should hold at least one hospital the rule concerns"
    for j in rule["concerned"]:
        assert j.name in html


def test_the_rule_judges_public_hospitals_not_enterprise_ones(web):
    """The clause names 公立综合医院; the plan sets 市级公立医院7所 apart from 企业办非营利性医院3所
    (only the 6.3 beds per 1,000 cover 市级公立医院及大企业医院): 攀钢集团总医院 is not judged by it,
    and the scorecard says so."""
    year = 2024
    page = web("planner").get("/plans/panzhihua-14th-system/", {"division": PANZHIHUA, "year": year})
    rule = page.context["rules"][0]
    judged = {j.name for j in rule["judgements"]}
    assert "攀钢集团总医院" not in judged and "攀枝花市中心医院" in judged
    assert {"攀钢集团总医院", "攀枝花市铁路医院"} <= set(rule["set_apart"])
    operators = set(
        InstitutionYear.objects.filter(year=year, institution__name__in=judged).values_list(
            "operator", flat=True
        )
    )
    assert operators <= {"city", "county", "township"}
    assert "企业办医院（" in page.content.decode() and "不在本条之列" in page.content.decode()


@pytest.mark.parametrize(
    "code, division, goal",
    [
        ("wushan-2027-system", "500237000000", "探索城市医疗集团建设"),
        (
            "bazhong-2025-hospitals",
            "511900000000",
            "二级以上公立医院门诊患者、住院患者和员工满意度均排名全省前列",
        ),
        ("dazhou-2025-system", "511700000000", "不断提升群众就医满意度"),
        ("panzhihua-14th-system", PANZHIHUA, "血液质量安全水平居全省前列"),
    ],
)
def test_every_plan_lists_its_unjudged_goals(web, code, division, goal):
    """Goals without a number are collected for the other four plans as for 达川: a table, not scored."""
    page = web("planner").get(f"/plans/{code}/", {"division": division, "year": 2024})
    assert page.status_code == 200
    html = page.content.decode()
    assert "无数值可据以评价的目标" in html and goal in html
    assert all(r["label"] != goal for r in page.context["rows"])


def test_goals_without_a_number_are_shown_not_scored(web):
    page = web("dachuan").get("/plans/dachuan-14th-health/", {"division": DACHUAN, "year": 2023})
    html = page.content.decode()
    assert "无数值可据以评价的目标" in html and "全区出生人口性别比趋于平衡" in html
    assert "继续开展出生人口性别比综合治理，全区出生人口性别比趋于平衡。" in html
    assert all(r["label"] != "全区出生人口性别比趋于平衡" for r in page.context["rows"])  # not scored
    english = web("dachuan")
    english.cookies["django_language"] = "en"
    assert (
        "Goals stated without a number to judge them by"
        in english.get("/plans/dachuan-14th-health/", {"division": DACHUAN, "year": 2023}).content.decode()
    )


CJK = re.compile(r"[\u3400-\u9fff]")


def test_english_scorecard_names_the_rule_in_english_and_quotes_the_chinese_clause(web):
    """On the English page the rule's name is the pack's English one, not the seed's Chinese words after
    "Rule for each hospital:"; the seed's clause stays Chinese as a quotation labelled as the original, and
    the unjudged goals' table shows no Chinese outside their quoted clauses."""
    english = web("planner")
    english.cookies["django_language"] = "en"
    page = english.get("/plans/panzhihua-14th-system/", {"division": PANZHIHUA, "year": 2023})
    html = page.content.decode()
    heading = re.search(r'<section class="plan-rule" id="rule-1">\s*<h2>(.*?)</h2>', html, re.S).group(1)
    assert heading.startswith("Rule for each hospital:") and not CJK.search(heading), heading
    assert "bed occupancy below 75%" in heading
    assert "Clause (Chinese original): “（三）提升床位使用率。" in html
    table = page.context["unjudged_table"]
    assert table.rows
    for row in table.rows:
        *others, clause = [str(v) for v in row.values()]
        assert clause.startswith("“") and clause.endswith("”")
        assert not any(CJK.search(v) for v in others), others

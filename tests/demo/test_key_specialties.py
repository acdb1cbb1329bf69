"""Key specialties add up (issue 12 point 2, review13 "Key-specialty counts don't add up"): every count
of key specialties the plans read -- a region's per level, 达川's district total and its two hospitals'
-- is the number of key-specialty designations its institutions hold at the end of the year, so a
region's count is the sum over its institutions in every year, and never falls."""

import datetime as dt

import pytest

from tixi.demo.calendar import demo_years
from tixi.geo.models import Division
from tixi.indicators.models import DataValue
from tixi.registry.models import Designation, Institution

pytestmark = pytest.mark.django_db

KEY_SPECIALTY = "key_specialty"  # the designation's kind; its value is the level:
NATIONAL, PROVINCIAL, MUNICIPAL, COUNTY = 1, 2, 3, 4  # tixi.registry.models.SpecialtyLevel

LEVELS = {
    "national_key_specialties": {NATIONAL},
    "provincial_key_specialties": {PROVINCIAL},
    "municipal_key_specialties": {MUNICIPAL},
    "county_key_specialties": {COUNTY},
    "dachuan_key_specialties": {PROVINCIAL, MUNICIPAL},
}
# the TCM specialties (spec14 left them drawn): designations of their own kinds, leveled the same way
TCM_KEY, TCM_ADVANTAGE = "tcm_key_specialty", "tcm_advantage_specialty"
TCM = {
    "national_tcm_key_specialties": (TCM_KEY, NATIONAL),  # 攀枝花: 国家中医重点专科1～2个
    "provincial_tcm_key_specialties": (TCM_KEY, PROVINCIAL),  # 攀枝花 10～12; 达川 2020: 1 (肝病科)
    "municipal_tcm_key_specialties": (TCM_KEY, MUNICIPAL),  # 达川 2020: 5
    "national_tcm_advantage_specialties": (TCM_ADVANTAGE, NATIONAL),  # 攀枝花: 国家中医特色优势专科1个
    "provincial_tcm_specialties": (TCM_ADVANTAGE, PROVINCIAL),  # 巴中: 省级中医优势（特色）专科15个以上
}
DACHUAN_HOSPITALS = {
    "dachuan_people_hospital_key_specialties": "达川区人民医院",
    "dachuan_tcm_hospital_key_specialties": "达川区中医医院",
}


def per_institution(year: int, levels) -> dict[int, int]:
    """Key specialties of these levels each institution holds at the end of the year."""
    counts: dict[int, int] = {}
    for inst, level in Designation.objects.filter(
        kind=KEY_SPECIALTY, obtained_on__lte=dt.date(year, 12, 31)
    ).values_list("institution_id", "value"):
        if level in levels:
            counts[inst] = counts.get(inst, 0) + 1
    return counts


def value(code: str, division: Division, year: int):
    row = DataValue.objects.filter(element__code=code, option="", division=division, period=str(year)).first()
    return None if row is None else row.value


def test_a_region_s_specialty_count_is_the_sum_over_its_institutions_every_year():
    checked = 0
    for code, levels in LEVELS.items():
        divisions = Division.objects.filter(datavalue__element__code=code).distinct()
        for division in divisions:
            inside = set(
                Institution.objects.filter(division__path__startswith=division.path).values_list(
                    "id", flat=True
                )
            )
            before = 0
            for year in demo_years():
                shown = value(code, division, year)
                if shown is None:
                    continue
                held = sum(n for i, n in per_institution(year, levels).items() if i in inside)
                assert shown == held, (code, division.name, year, shown, held)
                assert shown >= before, (code, division.name, year, "falls")
                before = shown
                checked += 1
    assert checked > 20  # 攀枝花, 巴中, 达州, 达川 over the demo's years


def test_dachuan_s_total_is_its_two_hospitals_every_year():
    dachuan = DataValue.objects.filter(element__code="dachuan_key_specialties").first().division
    hospitals = {
        code: Institution.objects.get(division__path__startswith=dachuan.path, name=name)
        for code, name in DACHUAN_HOSPITALS.items()
    }
    for year in demo_years():
        levels = LEVELS["dachuan_key_specialties"]
        counts = per_institution(year, levels)
        parts = [value(code, dachuan, year) for code in hospitals]
        assert value("dachuan_key_specialties", dachuan, year) == sum(parts), year
        assert parts == [float(counts.get(i.id, 0)) for i in hospitals.values()], year


def test_the_seeds_published_counts_are_the_designations():
    # 攀枝花 2020: "建成国家级重点专科1个、省级重点专科28个"; 达川 2020: "1个省级重点专科，7个市级重点专科"
    for code, division, expected in [
        ("national_key_specialties", "510400000000", 1),
        ("provincial_key_specialties", "510400000000", 28),
        ("provincial_key_specialties", "511703000000", 1),
        ("municipal_key_specialties", "511703000000", 7),
    ]:
        d = DataValue.objects.get(element__code=code, division__code=division, period="2020").division
        inside = set(
            Institution.objects.filter(division__path__startswith=d.path).values_list("id", flat=True)
        )
        held = sum(n for i, n in per_institution(2020, LEVELS[code]).items() if i in inside)
        assert value(code, d, 2020) == expected == held, (code, division)


def test_the_levels_are_the_registry_s():
    from tixi.registry.models import DesignationKind, SpecialtyLevel

    assert DesignationKind.KEY_SPECIALTY == KEY_SPECIALTY
    assert (DesignationKind.TCM_KEY_SPECIALTY, DesignationKind.TCM_ADVANTAGE_SPECIALTY) == (
        TCM_KEY,
        TCM_ADVANTAGE,
    )
    assert [NATIONAL, PROVINCIAL, MUNICIPAL, COUNTY] == [
        SpecialtyLevel.NATIONAL,
        SpecialtyLevel.PROVINCIAL,
        SpecialtyLevel.MUNICIPAL,
        SpecialtyLevel.COUNTY,
    ]


def held_of_kind(kind: str, level: int, inside: set[int], year: int) -> int:
    return Designation.objects.filter(
        kind=kind, value=level, institution_id__in=inside, obtained_on__lte=dt.date(year, 12, 31)
    ).count()


def test_tcm_specialty_counts_are_the_sum_over_institutions_every_year():
    """Every TCM specialty count of the plan packs, in every year of the demo (2018 to its today's),
    is the number of designations of its kind and level its institutions hold; it never falls."""
    years = list(demo_years())
    checked = set()
    for code, (kind, level) in TCM.items():
        for division in Division.objects.filter(datavalue__element__code=code).distinct():
            inside = set(
                Institution.objects.filter(division__path__startswith=division.path).values_list(
                    "id", flat=True
                )
            )
            before = 0
            for year in years:
                shown = value(code, division, year)
                assert shown is not None, (code, division.name, year, "no value")
                held = held_of_kind(kind, level, inside, year)
                assert shown == held, (code, division.name, year, shown, held)
                assert shown >= before, (code, division.name, year, "falls")
                before = shown
            checked.add((code, division.code))
    assert checked == {
        ("national_tcm_key_specialties", "510400000000"),
        ("provincial_tcm_key_specialties", "510400000000"),
        ("national_tcm_advantage_specialties", "510400000000"),
        ("provincial_tcm_specialties", "511900000000"),
        ("provincial_tcm_key_specialties", "511703000000"),
        ("municipal_tcm_key_specialties", "511703000000"),
    }
    # held at TCM or integrated hospitals where the region has one
    types = set(
        Designation.objects.filter(kind__in=[TCM_KEY, TCM_ADVANTAGE]).values_list(
            "institution__type", flat=True
        )
    )
    assert types and types <= {"tcm_hospital", "integrated_hospital"}, types


def test_dachuan_s_published_tcm_specialties_are_designations():
    # 达川 2020: "创建省级中医重点专科（肝病科）1个、市级中医重点专科5个"
    dachuan = Division.objects.get(code="511703000000")
    inside = set(
        Institution.objects.filter(division__path__startswith=dachuan.path).values_list("id", flat=True)
    )
    for code, expected in [("provincial_tcm_key_specialties", 1), ("municipal_tcm_key_specialties", 5)]:
        kind, level = TCM[code]
        assert value(code, dachuan, 2020) == expected == held_of_kind(kind, level, inside, 2020), code

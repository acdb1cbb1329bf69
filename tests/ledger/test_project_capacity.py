"""达川's annex of 29 projects: beds and places multiplied out ("分别在5个社区设置托位各150个" is 750),
and each site matched to its township by the whole name (石梯镇 is not 石桥镇)."""

import pytest

from tixi.ledger.models import Project
from tixi.ledger.services import capacity_added, township_of

pytestmark = pytest.mark.django_db


def test_places_in_each_of_several_communities_are_multiplied_out():
    assert capacity_added("分别在5个社区设置托位各150个、打造活动场地各300平方米") == (0, 750)
    assert capacity_added("新增床位600张（医疗床位300张，养老床位300张），新增托位300个") == (600, 300)
    assert capacity_added("设置医养床位30张、托位60个、购置所需设施设备") == (30, 60)


def test_a_site_is_matched_by_the_whole_township_name():
    townships = {"石桥镇": "石桥", "石梯镇": "石梯", "三里坪街道": "三里坪"}
    assert township_of("石梯镇五四社区", townships) == "石梯"
    assert township_of("石桥镇街道", townships) == "石桥"
    assert township_of("汉兴北街700号", townships) is None


def test_the_annex_as_loaded():
    projects = {p.number: p for p in Project.objects.filter(plan__code="dachuan-14th-health")}
    assert len(projects) == 29
    assert projects[9].childcare_places_added == 750  # 三里坪街道: 5 communities × 150
    assert projects[10].childcare_places_added == 600 and projects[11].childcare_places_added == 300
    assert projects[15].division.name == "石梯镇" and projects[23].division.name == "石梯镇"
    assert projects[3].division.name == "石桥镇"
    assert projects[12].beds_added == 30 and projects[3].beds_added == 600


def test_spellings_of_one_unit_are_one_unit():
    from tixi.ledger.models import Unit

    dachuan = Unit.objects.filter(division__code="511703000000", name__contains="三里")
    assert list(dachuan.values_list("name", flat=True)) == ["三里坪街道社区卫生服务中心"]
    projects = Project.objects.filter(plan__code="dachuan-14th-health", number__in=[9, 10, 18])
    assert {p.unit.name for p in projects} == {"三里坪街道社区卫生服务中心"}
    assert not Unit.objects.filter(name="市人力资源和社会保障局").exists()


def test_the_annex_additions_by_measure_as_its_text_states_them():
    projects = {p.number: p for p in Project.objects.filter(plan__code="dachuan-14th-health")}

    def adds(number):
        return dict(projects[number].additions.values_list("what", "amount"))

    # "新增床位600张（医疗床位300张，养老床位300张）": 300 medical beds, not the elderly care beds
    assert adds(3) == {"beds": 300, "childcare_places": 300}
    # a 中医医院's beds are TCM hospital beds as well
    assert adds(28) == {"beds": 100, "tcm_hospital_beds": 100, "childcare_places": 150}
    assert adds(9) == {"childcare_places": 750}  # 5 communities x 150
    assert adds(12) == {"childcare_places": 60}  # 医养 beds are not the registry's medical beds
    assert adds(1) == adds(5) == adds(26) == {}  # no number stated: nothing invented

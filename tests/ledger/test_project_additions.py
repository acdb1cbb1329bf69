"""What a project adds, by measure: read from its own text where the text states it (never more), and
set by one action that refuses bad input in Chinese and writes nothing then."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tests import factories as f
from tixi.ledger.services import additions_stated, set_project_addition

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


def test_medical_beds_of_a_breakdown_not_the_elderly_care_beds():
    content = "新增床位600张（医疗床位300张，养老床位300张），新增托位300个"
    assert additions_stated("秦巴医养中心建设项目", content) == {"beds": 300, "childcare_places": 300}
    # 医养 beds are not the registry's medical beds: only the places count
    assert additions_stated("渡市镇医养及托育中心建设项目", "设置医养床位30张、托位60个") == {
        "childcare_places": 60
    }


def test_the_beds_of_a_named_kind_of_hospital_are_also_that_kinds_beds():
    assert additions_stated("市中医医院住院楼建设项目", "新增床位500张") == {
        "beds": 500,
        "tcm_hospital_beds": 500,
    }
    assert additions_stated("市精神卫生中心迁建项目", "新增床位200张") == {
        "beds": 200,
        "psychiatric_beds": 200,
    }
    assert additions_stated("市中心医院综合楼", "新增床位800张，其中重症监护床位40张") == {
        "beds": 800,
        "icu_beds": 40,
    }


def test_places_in_several_communities_institutions_and_ambulances_as_stated():
    assert additions_stated("托育中心", "分别在5个社区设置托位各150个") == {"childcare_places": 750}
    assert additions_stated("社区卫生服务站建设", "新建3个社区卫生服务站") == {"community_health_station": 3}
    assert additions_stated("院前急救", "购置救护车5辆，其中负压2辆") == {
        "ambulances": 5,
        "negative_pressure_ambulances": 2,
    }


def test_nothing_the_text_does_not_state():
    assert (
        additions_stated("达川区中医医院百马医共体建设项目", "按照二级医院设置相关科室，配套污水处理") == {}
    )
    assert additions_stated("智慧医院建设项目", "购置相关数字设施设备和服务系统") == {}


@pytest.fixture
def project(db):
    county = f.two_cities()["county"]
    return f.project(f.plan(county))


def test_the_action_sets_changes_and_removes_an_addition(project):
    set_project_addition(project, "psychiatric_beds", "120")
    set_project_addition(project, "psychiatric_beds", 150)
    assert list(project.additions.values_list("what", "amount")) == [("psychiatric_beds", 150)]
    set_project_addition(project, "psychiatric_beds", "0")
    assert not project.additions.exists()


@pytest.mark.parametrize(
    "what, amount, field, words",
    [
        ("castles", "3", "what", "请选择"),
        ("beds", "很多", "amount", "整数"),
        ("beds", "-5", "amount", "整数"),
        ("beds", "2.5", "amount", "整数"),
        ("beds", "5000000", "amount", "1000000"),
    ],
)
def test_bad_input_is_refused_in_chinese_and_nothing_is_written(project, what, amount, field, words):
    with translation.override("zh-hans"), pytest.raises(ValidationError) as error:
        set_project_addition(project, what, amount)
    assert words in error.value.message_dict[field][0].replace(",", "").replace(" ", "")
    assert not project.additions.exists()


def test_the_unit_that_builds_reports_progress_but_only_a_planner_sets_what_the_project_adds(project):
    """What a project adds counts against the region's norms: the responsible unit may report its status,
    investment and milestones, not raise its planned beds (review12: a county member set 1,000,000)."""
    from django.core.exceptions import PermissionDenied

    from tixi.ledger.services import change_project

    builder = f.user("county", divisions=[project.plan.region])
    project.unit.members.add(builder)
    planner = f.user("planner", divisions=[project.plan.region])
    stranger = f.user("county", divisions=[project.plan.region])
    change_project(project, {"action": "status", "status": "under_way"}, builder)
    with pytest.raises(PermissionDenied):
        change_project(project, {"action": "addition", "what": "beds", "amount": "1000000"}, builder)
    with pytest.raises(PermissionDenied):
        change_project(project, {"action": "status", "status": "suspended"}, stranger)
    assert not project.additions.exists()
    project.refresh_from_db()
    assert project.status == "under_way"
    change_project(project, {"action": "addition", "what": "beds", "amount": "120"}, planner)
    assert list(project.additions.values_list("what", "amount")) == [("beds", 120)]

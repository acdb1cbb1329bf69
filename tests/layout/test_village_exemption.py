"""巫山's village clinics: a village clinic in every administrative village, except the few villages
with fewer than 300 residents that a neighbour's clinic or the township centre's tours serve (seed
002, "服务人口低于300人…通过邻村卫生室共建、乡镇卫生院定期巡诊"). Such a village is not counted short;
a village without its own population figure is judged like any other."""

import pytest
import yaml
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation

from tests import factories as f
from tixi.geo.models import Population
from tixi.layout.models import Norm
from tixi.layout.norms import NORMS_FILE, as_json, gaps
from tixi.layout.tables import NORMS as NORM_TABLE

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]

YEAR = 2024
CLAUSE = (
    "对邻近乡镇卫生院、服务人口低于300人、短期内无法招到合格村医的个别行政村，通过邻村卫生室共建、"
    "乡镇卫生院定期巡诊或派驻服务等方式，保障基本医疗卫生服务供给。"
)


def village(code, township, name, people=None, clinics=0):
    row = f.division(code, parent=township, name=name)
    if people is not None:
        Population.objects.create(division=row, year=YEAR, sex="F", age_band="15-59", count=people)
    for _ in range(clinics):
        f.yearly_report(f.institution(row, type="village_clinic", level=None), YEAR)
    return row


@pytest.fixture
def county():
    county = f.sample_county()
    town = f.division("990102101000", parent=county, name="甲镇")
    village("990102101201", town, "大村", 1_200, clinics=1)
    village("990102101202", town, "小村", 240)  # no clinic, 240 residents: spared
    village("990102101203", town, "中村", 800)  # no clinic, 800 residents: short
    village("990102101204", town, "边村", 299)  # no clinic, one short of 300: spared
    village("990102101205", town, "界村", 300)  # no clinic, exactly 300: short
    village("990102101206", town, "无数村")  # no clinic, no population row: judged as any other
    village("990102101001", town, "新街社区", 3_000)  # a community: not an administrative village
    Norm.objects.create(
        code="t-village-clinic",
        name="每个行政村1所村卫生室",
        kind="per_place",
        level=5,
        place_kind="village",
        measure="N{type=village_clinic}",
        basis="P{}",
        minimum=1,
        exempt_below=300,
        unit="institutions",
        counted="村卫生室",
        counted_en="village clinic",
        region="990102",
        source="测试",
        clause=CLAUSE,
        version="t",
    )
    return county


def norm_json(county, language="zh-hans"):
    with translation.override(language):
        data = as_json(county, YEAR, gaps(county, YEAR))
    return next(n for n in data["norms"] if n["code"] == "t-village-clinic")


def test_small_villages_without_a_clinic_are_spared_and_named(county):
    row = norm_json(county)
    # 6 villages judged; 大村 has its clinic; 小村 and 边村 are spared; 中村, 界村 and 无数村 lack one
    assert row["judged"] == 6
    assert (row["required"], row["actual"], row["gap"]) == (4, 1, 3)
    assert sorted(r["name"] for r in row["lacking"]) == ["中村", "无数村", "界村"]
    assert [(r["name"], r["basis"], r["exempt"], r["gap"]) for r in row["spared"]] == [
        ("小村", 240, True, 0),
        ("边村", 299, True, 0),
    ]
    assert row["spared_note"] == (
        "2 个行政村人口不足 300 人，未单设（小村、边村）：由邻近机构共建或定期巡诊保障，不计缺口"
    )
    assert "中村 还需 1 个村卫生室" in row["sentences"] and len(row["sentences"]) == 3  # the short ones only
    english = norm_json(county, "en")["spared_note"]
    assert english == (
        "2 administrative villages with fewer than 300 residents have none of their own (小村, 边村): "
        "served by a neighbour's or by tours, not counted short"
    )


def test_without_the_exemption_every_village_without_a_clinic_is_short(county):
    Norm.objects.filter(code="t-village-clinic").update(exempt_below=None, basis="")
    row = norm_json(county)
    assert (row["required"], row["gap"], row["spared"], row["spared_note"]) == (6, 5, [], "")


def test_a_small_village_with_a_clinic_is_judged_as_it_is(county):
    small = village("990102101207", county.children.get(name="甲镇"), "山村", 90, clinics=1)
    row = norm_json(county)
    judged = next(r for r in row["rows"] if r["code"] == small.code)
    assert (judged["required"], judged["actual"], judged["passed"], judged["exempt"]) == (1, 1, True, False)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kind": "per_population", "per": 1000}, "exempt_below"),  # only a norm in every place spares
        ({"basis": ""}, "basis"),  # the residents to compare are the basis
    ],
)
def test_a_norm_sparing_small_places_is_refused_where_it_means_nothing(county, change, field):
    norm = Norm.objects.get(code="t-village-clinic")
    for name, value in change.items():
        setattr(norm, name, value)
    with pytest.raises(ValidationError) as refused:
        norm.full_clean()
    assert field in refused.value.message_dict


def test_wushan_loads_the_norm_with_its_clause_verbatim():
    entries = {n["code"]: n for n in yaml.safe_load(NORMS_FILE.read_text(encoding="utf-8"))["norms"]}
    norm = entries["ws-village-clinic"]
    assert (norm["exempt_below"], norm["region"], norm["place_kind"]) == (300, "500237", "village")
    seed = (settings.TIXI_SEEDS_DIR / norm["seed"]).read_text(encoding="utf-8")
    assert norm["clause"] in seed and "服务人口低于300人" in norm["clause"]
    assert "exempt_below" in {c.code for c in NORM_TABLE.columns}

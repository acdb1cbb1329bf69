"""Hand-computed checks of the evaluation rules on a tiny region built here."""

import datetime as dt

import numpy as np
import pytest

from tixi.geo.models import Division, Population
from tixi.indicators import items as item_values
from tixi.indicators.engine import expression as ex
from tixi.indicators.engine.evaluate import IndicatorDef
from tixi.indicators.models import DataElement, DataValue
from tixi.indicators.services import evaluate
from tixi.registry.models import Institution, InstitutionYear

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


def division(code, name, level, parent=None, valid_from=dt.date(1990, 1, 1), valid_to=None):
    return Division.objects.create(
        code=code, name=name, level=level, parent=parent, valid_from=valid_from, valid_to=valid_to
    )


@pytest.fixture
def tiny():
    """Province 990000 with counties A (1,000 residents, 10 beds) and B (9,000 residents, 9 beds) in 2020;
    in 2021 B has 10,000 residents. Township B2 merges into B1 on 2021-01-01."""
    province = division("990000000000", "测试省", 1)
    a = division("990101000000", "甲县", 3, province)
    b = division("990102000000", "乙县", 3, province)
    a1 = division("990101001000", "甲一镇", 4, a)
    b1 = division("990102001000", "乙一镇", 4, b)
    b2 = division("990102002000", "乙二镇", 4, b, valid_to=dt.date(2021, 1, 1))
    for place, year, count in (
        (a1, 2020, 1000),
        (b1, 2020, 6000),
        (b2, 2020, 3000),
        (a1, 2021, 1000),
        (b1, 2021, 10000),
    ):
        Population.objects.create(division=place, year=year, sex="M", age_band="15-59", count=count)
    ha = Institution.objects.create(code="T-A", name="甲院", type="general_hospital", division=a1)
    hb = Institution.objects.create(code="T-B", name="乙院", type="general_hospital", division=b1)
    hb2 = Institution.objects.create(code="T-B2", name="乙二院", type="township_health_centre", division=b1)
    for inst, place, year, beds in (
        (ha, a1, 2020, 10),
        (hb, b1, 2020, 6),
        (hb2, b2, 2020, 3),
        (ha, a1, 2021, 10),
        (hb, b1, 2021, 6),
        (hb2, b1, 2021, 3),
    ):
        InstitutionYear.objects.create(institution=inst, year=year, division=place, actual_beds=beds)
    return {"province": province, "a": a, "b": b, "b1": b1, "b2": b2}


BEDS = IndicatorDef("beds", ex.parse("R{actual_beds}"), ex.parse("P{}"), 1000)


def values(definition, cells):
    return evaluate([definition], cells).values[definition.code]


def test_ratio_of_sums_not_mean_of_ratios(tiny):
    cells = [item_values.Cell(tiny[k], 2020) for k in ("a", "b", "province")]
    a, b, province = values(BEDS, cells)
    assert a == pytest.approx(10.0) and b == pytest.approx(1.0)  # 10/1000, 9/9000 per 1,000
    assert province == pytest.approx(19 / 10000 * 1000)  # 1.9, not the mean of ratios 5.5


def test_denominator_of_the_right_year(tiny):
    first, second = values(BEDS, [item_values.Cell(tiny["b"], 2020), item_values.Cell(tiny["b"], 2021)])
    assert first == pytest.approx(9 / 9000 * 1000) and second == pytest.approx(9 / 10000 * 1000)


def test_division_merged_mid_period(tiny):
    count = IndicatorDef("n", ex.parse("N{}"), None, 1)
    b1_2020, b2_2020, b1_2021, b_2021 = values(
        count,
        [
            item_values.Cell(tiny["b1"], 2020),
            item_values.Cell(tiny["b2"], 2020),
            item_values.Cell(tiny["b1"], 2021),
            item_values.Cell(tiny["b"], 2021),
        ],
    )
    assert (b1_2020, b2_2020) == (1, 1)  # on the 2020 map B2 still has its institution
    assert b1_2021 == 2 and b_2021 == 2  # after the merger B1 holds both; the county is unchanged


def test_stock_and_flow_over_time(tiny):
    stock = DataElement.objects.create(code="t_staff", name="在岗人数", aggregation="stock", additive=True)
    flow = DataElement.objects.create(code="t_visits", name="诊疗人次", aggregation="flow", additive=True)
    for month, staff, visits in ((1, 10, 100), (6, 12, 200), (12, 15, 300)):
        DataValue.objects.create(element=stock, division=tiny["a"], period=f"2020{month:02d}", value=staff)
        DataValue.objects.create(element=flow, division=tiny["a"], period=f"2020{month:02d}", value=visits)
        DataValue.objects.create(element=flow, division=tiny["b"], period=f"2020{month:02d}", value=visits)
    s = IndicatorDef("s", ex.parse("#{t_staff}"), None, 1)
    f = IndicatorDef("f", ex.parse("#{t_visits}"), None, 1)
    result = evaluate([s, f], [item_values.Cell(tiny["a"], 2020), item_values.Cell(tiny["province"], 2020)])
    assert list(result.values["s"]) == [15, 15]  # year-end value; the province adds its counties' stocks
    assert list(result.values["f"]) == [600, 1200]  # the year's sum; the province adds both counties


def test_division_by_zero_is_no_data_with_a_reason(tiny):
    share = IndicatorDef("share", ex.parse("N{department=geriatrics}"), ex.parse("N{type=cdc}"), 100)
    result = evaluate([share], [item_values.Cell(tiny["a"], 2020)])
    assert np.isnan(result.values["share"][0])
    assert result.reasons["share"][0] == "denominator is zero"


def test_missing_data_is_no_data_not_zero(tiny):
    DataElement.objects.create(code="t_empty", name="空")
    d = IndicatorDef("e", ex.parse("#{t_empty} + 1"), None, 1)
    result = evaluate([d], [item_values.Cell(tiny["a"], 2020)])
    assert np.isnan(result.values["e"][0]) and "空" in result.reasons["e"][0]

"""The map of a year: subtrees in one query, a township merged in 2021 kept on the maps before it, and
figures that sum over the map of their year."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tixi.geo.models import Division
from tixi.registry.services import division_figures

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


@pytest.fixture
def region(db):
    """The kit's two cities; its county has three townships until mid-2021, when one merges into the
    first (as 盐边县's did), and a village under the first; an institution in each township reports in
    2020 and 2023 where it lies that year."""
    region = factories.two_cities()
    county, kept = region["county"], region["township"]
    merged = factories.division("990102101000", parent=county, valid_to=dt.date(2021, 7, 1), successor=kept)
    other = factories.division("990102102000", parent=county)
    factories.division("990102100001", parent=kept)
    moved = factories.institution(kept, name="原合并乡卫生院", type="township_health_centre", level=1)
    factories.yearly_report(moved, 2020, division=merged)
    factories.yearly_report(moved, 2023, division=kept)
    for township in (kept, other):
        clinic = factories.institution(township, type="township_health_centre", level=1)
        factories.yearly_report(clinic, 2020)
        factories.yearly_report(clinic, 2023)
    return {**region, "merged": merged, "other_township": other}


def test_descendants_is_one_query(region):
    city = region["city"]
    with CaptureQueriesContext(connection) as queries:
        rows = list(Division.objects.descendants_of(city.code, 2020))
    assert len(queries) == 1
    assert {r.level for r in rows} == {2, 3, 4, 5}
    assert all(r.path.startswith(city.path) for r in rows)
    assert len(rows) == 1 + 1 + 3 + 1  # the city, its county, three townships, a village
    assert region["other_county"].code not in {r.code for r in rows}


def test_a_merged_township_keeps_its_2020_row(region):
    county = region["county"].code
    merged = Division.objects.filter(code__startswith=county[:6], level=4, valid_to__isnull=False).get()
    assert merged.successor == region["township"] and merged.valid_to.year == 2021
    towns_2020 = set(
        Division.objects.descendants_of(county, 2020).filter(level=4).values_list("code", flat=True)
    )
    towns_2023 = set(
        Division.objects.descendants_of(county, 2023).filter(level=4).values_list("code", flat=True)
    )
    assert merged.code in towns_2020 and merged.code not in towns_2023
    assert len(towns_2020) == len(towns_2023) + 1 == 3


def test_figures_aggregate_over_the_map_of_their_year(region):
    merged = region["merged"]
    assert division_figures(merged, 2020)["institutions"] == 1
    assert Division.objects.at(merged.code, 2023) is None
    # the county total is the same whichever map its townships are on
    county = region["county"].code
    county_2023 = division_figures(Division.objects.at(county, 2023), 2023)
    by_township = sum(
        division_figures(t, 2023)["institutions"]
        for t in Division.objects.valid_in(2023).filter(parent__code=county)
    )
    assert by_township == county_2023["institutions"] == 3
    assert division_figures(Division.objects.at(county, 2020), 2020)["institutions"] == 3
    # the kept township holds the merged one's institution on the 2023 map
    assert division_figures(region["township"], 2023)["institutions"] == 2


def test_division_validation_names_the_field(region):
    from django.core.exceptions import ValidationError

    parent = Division.objects.at(region["city"].code, 2020)
    bad = Division(code="99010", name="x", level=3, parent=parent)
    with pytest.raises(ValidationError) as error:
        bad.clean()
    assert "code" in error.value.message_dict
    stranger = Division(code="990299000000", name="x", level=3, parent=parent)  # a county of the other city
    with pytest.raises(ValidationError) as error:
        stranger.clean()
    assert "parent" in error.value.message_dict


def test_a_division_that_ended_says_so(web, region):
    """Before: a township merged in 2021 opened without ?year= as "页面不存在 … 不在您可查看的区域范围内",
    blaming the user's scope; it says when it ended, links its last year's page and its successor."""
    response = web("planner").get("/divisions/990102101000/")
    text = response.content.decode()
    assert response.status_code == 404
    assert "测试区划990102101000（990102101000）已于 2021-07-01 撤销" in text
    assert 'href="/divisions/990102101000/?year=2020"' in text  # the map at the end of 2021 lacks it
    assert 'href="/divisions/990102100000/" id="division-successor">已并入测试区划990102100000' in text
    assert "不在您可查看的区域范围内" not in text
    assert 'class="export-bar"' not in text  # nothing to download from a page that says why there is nothing
    assert web("planner").get("/divisions/990102101000/", {"year": 2020}).status_code == 200
    # outside the user's scope it is the usual page: nothing told about a division not theirs
    other = web("dazhou").get("/divisions/990102101000/")
    assert other.status_code == 404 and "撤销" not in other.content.decode()

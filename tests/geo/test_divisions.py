import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import PANZHIHUA, YANBIAN
from tixi.geo.models import Division
from tixi.registry.services import division_figures

pytestmark = pytest.mark.django_db


def test_descendants_is_one_query():
    with CaptureQueriesContext(connection) as queries:
        rows = list(Division.objects.descendants_of(PANZHIHUA, 2020))
    assert len(queries) == 1
    assert {r.level for r in rows} == {2, 3, 4, 5}
    assert all(r.path.startswith("510000000000/510400000000/") for r in rows)


def test_a_merged_township_keeps_its_2020_row():
    merged = Division.objects.filter(code__startswith=YANBIAN[:6], level=4, valid_to__isnull=False).get()
    assert merged.successor is not None and merged.valid_to.year == 2021
    towns_2020 = set(
        Division.objects.descendants_of(YANBIAN, 2020).filter(level=4).values_list("code", flat=True)
    )
    towns_2023 = set(
        Division.objects.descendants_of(YANBIAN, 2023).filter(level=4).values_list("code", flat=True)
    )
    assert merged.code in towns_2020 and merged.code not in towns_2023
    assert len(towns_2020) == len(towns_2023) + 1


def test_figures_aggregate_over_the_map_of_their_year():
    merged = Division.objects.filter(code__startswith=YANBIAN[:6], level=4, valid_to__isnull=False).get()
    assert division_figures(merged, 2020)["institutions"] > 0
    assert Division.objects.at(merged.code, 2023) is None
    # the county total is the same whichever map its townships are on
    county_2023 = division_figures(Division.objects.at(YANBIAN, 2023), 2023)
    by_township = sum(
        division_figures(t, 2023)["institutions"]
        for t in Division.objects.valid_in(2023).filter(parent__code=YANBIAN)
    )
    assert by_township == county_2023["institutions"]


def test_division_validation_names_the_field():
    from django.core.exceptions import ValidationError

    parent = Division.objects.at(PANZHIHUA, 2020)
    bad = Division(code="51040", name="x", level=3, parent=parent)
    with pytest.raises(ValidationError) as error:
        bad.clean()
    assert "code" in error.value.message_dict
    stranger = Division(code="511799000000", name="x", level=3, parent=parent)
    with pytest.raises(ValidationError) as error:
        stranger.clean()
    assert "parent" in error.value.message_dict

"""Materialised paths stay true: a new parent or code rewrites the paths below and the rows that carry
them (the cube follows), a code with divisions below is refused, and a planner may rename. On a small
region of the test kit's own (a county, two townships, four villages, a hospital in each village)."""

import pytest
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from tests import factories
from tixi.exchange.models import Approval
from tixi.geo.models import Division
from tixi.registry.models import InstitutionYear
from tixi.registry.services import cube_drift, division_figures

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]
COUNTY = "990102000000"


@pytest.fixture
def region():
    province = factories.division("990000000000")
    city = factories.division("990100000000", parent=province)
    county = factories.division(COUNTY, parent=city)
    for t in (1, 2):
        town = factories.division(f"990102{t:03d}000", parent=county)
        for v in (1, 2):
            village = factories.division(f"990102{t:03d}{v:03d}", parent=town)
            hospital = factories.institution(village, type="village_clinic", level=None)
            factories.yearly_report(hospital, 2024, actual_beds=10 * t + v, physicians=t + v)
    return {"province": province, "city": city, "county": county}


def api_as_planner(region):
    client = APIClient()
    client.force_authenticate(factories.user("planner", divisions=[region["city"]]))
    return client


def subtree_ids(division) -> list[int]:
    ids, level = [division.pk], [division.pk]
    while level:
        level = list(Division.objects.filter(parent_id__in=level).values_list("pk", flat=True))
        ids += level
    return ids


def test_a_new_parent_rewrites_every_path_below_and_the_reports_that_carry_them(region):
    county = region["county"]
    old_path = county.path
    before = division_figures(county, 2024)
    approval = Approval.objects.create(
        division=county,
        year=2024,
        status=Approval.Status.APPROVED,
        by=factories.user("county", divisions=[county]),
        division_path=old_path,
    )
    county.parent = region["province"]  # straight under the province
    county.save()
    assert county.path == "990000000000/990102000000/" != old_path
    below = Division.objects.filter(pk__in=subtree_ids(county))
    assert below.count() == 7
    for division in below.select_related("parent"):
        assert division.path == (division.parent.path if division.parent_id else "") + division.code + "/"
    reports = InstitutionYear.objects.filter(division__in=below).select_related("division")
    assert reports.count() == 4 and all(r.division_path == r.division.path for r in reports)
    assert not InstitutionYear.objects.filter(division_path__startswith=old_path).exists()
    approval.refresh_from_db()
    assert approval.division_path == county.path
    assert cube_drift() == []  # the resource cube followed the reports
    assert division_figures(county, 2024) == before


def test_a_new_code_of_a_leaf_rewrites_its_path_and_its_reports(region):
    report = InstitutionYear.objects.filter(division__code="990102001002").select_related("division").get()
    village = report.division
    village.code = "990102001999"
    village.full_clean()
    village.save()
    report.refresh_from_db()
    assert village.path.endswith("/990102001999/") and report.division_path == village.path
    assert cube_drift() == []


def test_the_code_of_a_division_with_divisions_below_cannot_change(region):
    county = Division.objects.get(code=COUNTY, valid_to=None)
    county.code = "990199000000"
    with pytest.raises(ValidationError) as error:
        county.full_clean()
    assert "code" in error.value.message_dict
    with pytest.raises(ValidationError):
        county.save()
    response = api_as_planner(region).patch(
        f"/api/divisions/{COUNTY}/", {"code": "990199000000"}, format="json"
    )
    assert response.status_code == 400 and "code" in response.data
    assert Division.objects.filter(code=COUNTY, valid_to=None).exists()


def test_a_planner_renames_a_division_of_their_scope_with_the_name_alone(region):
    client = api_as_planner(region)
    response = client.patch(f"/api/divisions/{COUNTY}/", {"name": "测试县（更名）"}, format="json")
    assert response.status_code == 200, response.data
    county = Division.objects.get(code=COUNTY, valid_to=None)
    assert county.name == "测试县（更名）" and county.parent.code == "990100000000"
    # leaving the parent out keeps it; naming one outside the scope is still refused
    outside = client.patch(f"/api/divisions/{COUNTY}/", {"parent": "990000000000"}, format="json")
    assert outside.status_code == 400 and "parent" in outside.data

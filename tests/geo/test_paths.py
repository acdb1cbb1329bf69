"""Materialised paths stay true: a new parent or code rewrites the paths below and the rows that carry
them (the cube follows), a code with divisions below is refused, and a planner may rename."""

import pytest
from django.core.exceptions import ValidationError

from tests.conftest import MIYI
from tixi.exchange.models import Approval
from tixi.geo.models import Division
from tixi.registry.models import InstitutionYear
from tixi.registry.services import cube_drift, division_figures

pytestmark = pytest.mark.django_db


def subtree_ids(division) -> list[int]:
    ids, level = [division.pk], [division.pk]
    while level:
        level = list(Division.objects.filter(parent_id__in=level).values_list("pk", flat=True))
        ids += level
    return ids


def test_a_new_parent_rewrites_every_path_below_and_the_reports_that_carry_them(users):
    miyi = Division.objects.get(code=MIYI, valid_to=None)
    old_path = miyi.path
    before = division_figures(miyi, 2024)
    approval = Approval.objects.create(
        division=miyi, year=2024, status=Approval.Status.APPROVED, by=users["county"], division_path=old_path
    )
    miyi.parent = miyi.parent.parent  # straight under the province
    miyi.save()
    assert miyi.path == "510000000000/510421000000/" != old_path
    below = Division.objects.filter(pk__in=subtree_ids(miyi))
    assert below.count() > 100
    for division in below.select_related("parent"):
        assert division.path == (division.parent.path if division.parent_id else "") + division.code + "/"
    reports = InstitutionYear.objects.filter(division__in=below).select_related("division")
    assert reports.exists() and all(r.division_path == r.division.path for r in reports)
    assert not InstitutionYear.objects.filter(division_path__startswith=old_path).exists()
    approval.refresh_from_db()
    assert approval.division_path == miyi.path
    assert cube_drift() == []  # the resource cube followed the reports
    assert division_figures(miyi, 2024) == before


def test_a_new_code_of_a_leaf_rewrites_its_path_and_its_reports():
    report = InstitutionYear.objects.filter(division__level=5, year=2024).select_related("division").first()
    village = report.division
    taken = set(Division.objects.filter(parent=village.parent).values_list("code", flat=True))
    new_code = next(
        f"{village.code[:9]}{n:03d}" for n in range(999, 0, -1) if f"{village.code[:9]}{n:03d}" not in taken
    )
    village.code = new_code
    village.full_clean()
    village.save()
    report.refresh_from_db()
    assert village.path.endswith(f"/{new_code}/") and report.division_path == village.path
    assert cube_drift() == []


def test_the_code_of_a_division_with_divisions_below_cannot_change(api):
    miyi = Division.objects.get(code=MIYI, valid_to=None)
    miyi.code = "510499000000"
    with pytest.raises(ValidationError) as error:
        miyi.full_clean()
    assert "code" in error.value.message_dict
    with pytest.raises(ValidationError):
        miyi.save()
    response = api("planner").patch(f"/api/divisions/{MIYI}/", {"code": "510499000000"}, format="json")
    assert response.status_code == 400 and "code" in response.data
    assert Division.objects.filter(code=MIYI, valid_to=None).exists()


def test_a_planner_renames_a_division_of_their_scope_with_the_name_alone(api):
    response = api("planner").patch(f"/api/divisions/{MIYI}/", {"name": "米易县（更名）"}, format="json")
    assert response.status_code == 200, response.data
    miyi = Division.objects.get(code=MIYI, valid_to=None)
    assert miyi.name == "米易县（更名）" and miyi.parent.code == "510400000000"
    # leaving the parent out keeps it; naming one outside the scope is still refused
    outside = api("planner").patch(f"/api/divisions/{MIYI}/", {"parent": "510000000000"}, format="json")
    assert outside.status_code == 400 and "parent" in outside.data

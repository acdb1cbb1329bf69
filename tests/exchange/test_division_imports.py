"""Divisions by import: the optional validity column may be left out, parents may be rows of the same
file (written parent-first, all or nothing), and a new parent rewrites the paths below."""

import pytest
from django.core.management import call_command

from tests import factories
from tixi.exchange.services import apply_import, preview_import
from tixi.geo.models import Division
from tixi.registry.models import InstitutionYear

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


@pytest.fixture
def admin():
    return factories.user("planner", is_superuser=True)


HEAD = "code,name,level,parent_code\n"


def csv_of(*lines: str, head: str = HEAD) -> bytes:
    return (head + "\n".join(lines) + "\n").encode("utf-8")


def test_the_command_imports_a_file_without_valid_from(tmp_path):
    province = factories.division("990000000000")
    path = tmp_path / "divisions.csv"
    path.write_bytes(csv_of("990100000000,测试市甲,2,990000000000"))
    call_command("import", "divisions", str(path))
    city = Division.objects.get(code="990100000000")
    assert city.parent == province and city.path == "990000000000/990100000000/"


def test_parents_in_the_same_file_child_first(admin):
    factories.division("990000000000")
    data = csv_of(
        "990101000000,测试县乙,3,990100000000",  # its parent comes below, in the same file
        "990100000000,测试市乙,2,990000000000",
        "990101001000,测试乡乙,4,990101000000",
    )
    preview = preview_import("divisions", data, "d.csv", admin)
    assert preview.ok, [(p.row, p.column, p.message) for p in preview.problems]
    apply_import(preview, admin)
    town = Division.objects.get(code="990101001000")
    assert town.parent.code == "990101000000" and town.parent.parent.code == "990100000000"
    assert town.path == "990000000000/990100000000/990101000000/990101001000/"


def test_a_bad_row_writes_nothing(admin):
    factories.division("990000000000")
    data = csv_of("990100000000,测试市丙,2,990000000000", "990101000000,测试县丙,3,990199000000")
    preview = preview_import("divisions", data, "d.csv", admin)
    assert [p.row for p in preview.problems] == [3]
    assert not Division.objects.filter(code="990100000000").exists()


def test_a_new_parent_rewrites_the_paths_below(admin):
    province = factories.division("990000000000")
    new_city = factories.division("990100000000", parent=province)
    county = factories.division("990102000000", parent=province)  # was directly under the province
    town = factories.division("990102001000", parent=county)
    hospital = factories.institution(town)
    report = factories.yearly_report(hospital, 2024)
    data = csv_of(f"990102000000,{county.name},3,990100000000")
    preview = preview_import("divisions", data, "d.csv", admin)
    assert preview.ok, [(p.row, p.column, p.message) for p in preview.problems]
    apply_import(preview, admin)
    county.refresh_from_db()
    town.refresh_from_db()
    assert county.parent == new_city and county.path == "990000000000/990100000000/990102000000/"
    assert town.path == county.path + "990102001000/"
    assert InstitutionYear.objects.get(pk=report.pk).division_path == town.path


def test_undoing_a_move_gives_back_the_paths_below(admin):
    from tixi.exchange.services import undo_import

    province = factories.division("990000000000")
    factories.division("990100000000", parent=province)
    county = factories.division("990102000000", parent=province)
    town = factories.division("990102001000", parent=county)
    report = factories.yearly_report(factories.institution(town), 2024)
    old_county, old_town = county.path, town.path
    preview = preview_import(
        "divisions", csv_of(f"990102000000,{county.name},3,990100000000"), "d.csv", admin
    )
    batch = apply_import(preview, admin)
    assert Division.objects.get(pk=town.pk).path != old_town  # moved under the city
    undo_import(batch, admin)
    county.refresh_from_db()
    town.refresh_from_db()
    assert county.parent == province and county.path == old_county == "990000000000/990102000000/"
    assert town.path == old_town == "990000000000/990102000000/990102001000/"
    assert InstitutionYear.objects.get(pk=report.pk).division_path == old_town


@pytest.mark.parametrize("level", ["县（区）", "县(区)", "county", "3"])
def test_a_level_by_the_templates_own_chinese_label(admin, level):
    """The template's drop-down offers 县（区）, 乡镇（街道）: full-width brackets the reader folds to
    ASCII. Found following the README's deployment section (the label was refused)."""
    factories.division("990100000000", parent=factories.division("990000000000"))
    data = csv_of(
        f"990101000000,测试县丁,{level},990100000000", "990101001000,测试乡丁,乡镇（街道）,990101000000"
    )
    preview = preview_import("divisions", data, "d.csv", admin)
    assert preview.ok, [(p.row, p.column, p.message) for p in preview.problems]
    apply_import(preview, admin)
    assert Division.objects.get(code="990101000000").level == 3
    assert Division.objects.get(code="990101001000").level == 4

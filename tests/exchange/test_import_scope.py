"""Import batches are scoped like everything else: a planner lists, reads and undoes only the
imports whose rows lie in the scope (the attack probe: 达州's planner read and undid 米易's)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.exchange.test_imports import HEAD, xlsx
from tests.exchange.test_imports import good_row as any_row
from tixi.exchange.models import ImportBatch
from tixi.registry.models import Institution

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


@pytest.fixture
def good_row(region):
    """A row for a new clinic in the township of the kit's county (the county user's scope)."""

    def row(code, **overrides):
        return any_row(code, **{"所在区划代码": region["township"].code, **overrides})

    return row


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def upload(client, rows, name):
    return client.post("/imports/", {"table": "institutions", "file": SimpleUploadedFile(name, xlsx(rows))})


def test_a_planner_elsewhere_neither_lists_reads_nor_undoes(users, region, good_row):
    county = logged_in(users["county"])
    upload(county, [HEAD, good_row("SCOPE001")], "miyi.xlsx")
    pending = ImportBatch.objects.filter(status="pending").latest("id")
    assert county.post(f"/imports/{pending.pk}/confirm/").status_code == 302
    applied = ImportBatch.objects.filter(status="applied").latest("id")
    assert applied.division_path.startswith(region["county"].path)
    bad = upload(county, [HEAD, good_row("SCOPE002", 所在区划代码="9901")], "bad.xlsx")
    assert bad.status_code == 400
    rejected = ImportBatch.objects.filter(status="refused").latest("id")

    dazhou = logged_in(users["dazhou"])
    page = dazhou.get("/imports/").content.decode()
    assert "miyi.xlsx" not in page and "bad.xlsx" not in page
    assert dazhou.get(f"/imports/{rejected.pk}/errors.xlsx").status_code == 404
    assert dazhou.post(f"/imports/{applied.pk}/undo/").status_code == 404
    assert Institution.objects.filter(code="SCOPE001").exists()
    assert dazhou.get("/imports/", {"format": "csv"}).content.decode("utf-8-sig").count("miyi.xlsx") == 0

    planner = logged_in(users["planner"])  # the city's planner: the county is in the scope
    assert "miyi.xlsx" in planner.get("/imports/").content.decode()
    assert planner.get(f"/imports/{rejected.pk}/errors.xlsx").status_code == 200
    assert planner.post(f"/imports/{applied.pk}/undo/").status_code == 302
    assert not Institution.objects.filter(code="SCOPE001").exists()


def test_others_see_only_their_own(users, good_row):
    """(The county user undoes its own import: tests/exchange/test_undo_rights.py.)"""
    county = logged_in(users["county"])
    upload(county, [HEAD, good_row("SCOPE003")], "own.xlsx")
    batch = ImportBatch.objects.filter(status="pending").latest("id")
    county.post(f"/imports/{batch.pk}/confirm/")
    assert ImportBatch.objects.filter(status="applied", filename="own.xlsx").exists()
    cdc = logged_in(users["cdc"])  # the city in scope but not a planner: not someone else's import
    assert "own.xlsx" not in cdc.get("/imports/").content.decode()
    assert (
        cdc.post(
            "/imports/", {"table": "institutions", "file": SimpleUploadedFile("a.csv", b"x")}
        ).status_code
        == 403
    )

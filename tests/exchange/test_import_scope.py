"""Import batches are scoped like everything else: a planner lists, reads and undoes only the
imports whose rows lie in the scope (the attack probe: 达州's planner read and undid 米易's)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.exchange.test_imports import HEAD, good_row, xlsx
from tixi.exchange.models import ImportBatch
from tixi.registry.models import Institution

pytestmark = pytest.mark.django_db


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def upload(client, rows, name):
    return client.post("/imports/", {"table": "institutions", "file": SimpleUploadedFile(name, xlsx(rows))})


def test_a_planner_elsewhere_neither_lists_reads_nor_undoes(users):
    county = logged_in(users["county"])
    upload(county, [HEAD, good_row("SCOPE001")], "miyi.xlsx")
    pending = ImportBatch.objects.filter(status="pending").latest("id")
    assert county.post(f"/imports/{pending.pk}/confirm/").status_code == 302
    applied = ImportBatch.objects.filter(status="applied").latest("id")
    assert applied.division_path.startswith("510000000000/510400000000/510421000000/")
    bad = upload(county, [HEAD, good_row("SCOPE002", 所在区划代码="5104")], "bad.xlsx")
    assert bad.status_code == 400
    rejected = ImportBatch.objects.filter(status="pending").latest("id")

    dazhou = logged_in(users["dazhou"])
    page = dazhou.get("/imports/").content.decode()
    assert "miyi.xlsx" not in page and "bad.xlsx" not in page
    assert dazhou.get(f"/imports/{rejected.pk}/errors.xlsx").status_code == 404
    assert dazhou.post(f"/imports/{applied.pk}/undo/").status_code == 404
    assert Institution.objects.filter(code="SCOPE001").exists()
    assert dazhou.get("/imports/", {"format": "csv"}).content.decode("utf-8-sig").count("miyi.xlsx") == 0

    planner = logged_in(users["planner"])  # 攀枝花's planner: 米易 is in the scope
    assert "miyi.xlsx" in planner.get("/imports/").content.decode()
    assert planner.get(f"/imports/{rejected.pk}/errors.xlsx").status_code == 200
    assert planner.post(f"/imports/{applied.pk}/undo/").status_code == 302
    assert not Institution.objects.filter(code="SCOPE001").exists()


def test_only_planners_undo_and_others_see_only_their_own(users):
    county = logged_in(users["county"])
    upload(county, [HEAD, good_row("SCOPE003")], "own.xlsx")
    batch = ImportBatch.objects.filter(status="pending").latest("id")
    county.post(f"/imports/{batch.pk}/confirm/")
    applied = ImportBatch.objects.filter(status="applied").latest("id")
    assert county.post(f"/imports/{applied.pk}/undo/").status_code == 403
    cdc = logged_in(users["cdc"])  # 攀枝花 in scope but not a planner: not someone else's import
    assert "own.xlsx" not in cdc.get("/imports/").content.decode()
    assert (
        cdc.post(
            "/imports/", {"table": "institutions", "file": SimpleUploadedFile("a.csv", b"x")}
        ).status_code
        == 403
    )

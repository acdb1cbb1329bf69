"""Allocation norms as data (issue 14 §1): one action writes them for the admin, the API, the import and
the pages; it checks the expressions and the region, lets a planner write only the norms of regions in
his scope (a catalogue manager any), keeps every change as a revision and records it in the audit trail."""

import io

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.test import Client
from openpyxl import load_workbook
from rest_framework.test import APIClient

from tests import factories as f
from tixi.accounts.models import AuditEntry
from tixi.exchange.services import apply_import, preview_import
from tixi.geo.models import Division
from tixi.layout import actions
from tixi.layout.models import Norm, NormVersion

pytestmark = pytest.mark.without_demo
# the kit's `two_cities()`: the city (攀枝花's place in the demo), the other city (达州) and its county (达川)
PANZHIHUA, DAZHOU, DACHUAN = "990100000000", "990200000000", "990203000000"
# four seed norms as the seeds word them, each moved to a kit region under a kit code: a norm per
# population, a count, a share, and the one a plan target reads (the demo's own sit beside them)
SEED_NORMS = {
    "pzh-beds": ("kit-beds", PANZHIHUA),
    "dz-sub-centres": ("kit-sub-centres", DAZHOU),
    "ws-grade-a-township": ("kit-grade-a", PANZHIHUA),
    "dc-ambulances": ("kit-ambulances", DACHUAN),
}


@pytest.fixture(autouse=True)
def norms(region):
    import yaml

    from tixi.layout.norms import FIELDS, NORMS_FILE

    for entry in yaml.safe_load(NORMS_FILE.read_text(encoding="utf-8"))["norms"]:
        if entry["code"] in SEED_NORMS:
            code, region_code = SEED_NORMS[entry["code"]]
            values = {k: v for k, v in entry.items() if k in FIELDS}
            actions.save_norm({**values, "code": code, "region": region_code[:6]}, None)
    return Norm.objects.filter(code__startswith="kit-")


def new_norm(**changes) -> dict:
    return {
        "code": "test-beds",
        "name": "每千人口测试床位数",
        "region": PANZHIHUA,
        "kind": "per_population",
        "level": 2,
        "measure": "R{actual_beds}",
        "basis": "P{}",
        "minimum": 7.5,
        "per": 1000,
        "unit": "beds",
        "year": 2025,
        "source": "测试规划",
        "clause": "每千人口床位数达到7.5张。",
        "version": "2025-01",
        **changes,
    }


def api_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def page_for(user, language="zh-hans") -> Client:
    client = Client()
    client.cookies["django_language"] = language
    client.force_login(user)
    return client


def catalogue_manager():
    manager = f.user("county", divisions=[Division.objects.current().get(code=DACHUAN)])
    manager.user_permissions.add(Permission.objects.get(codename="change_indicator"))
    return type(manager).objects.get(pk=manager.pk)  # permissions are cached per instance


# ------------------------------------------------------------------ the action
def test_a_norm_is_created_versioned_and_audited_with_its_region(users):
    norm = actions.save_norm(new_norm(region="990100"), users["planner"])
    assert (norm.region, norm.revision) == (PANZHIHUA, 1)  # stored whole, one spelling per region
    version = NormVersion.objects.get(code="test-beds")
    assert (version.action, version.revision, version.before, version.username) == (
        "create",
        1,
        None,
        "kit-planner",
    )
    assert version.after["minimum"] == 7.5
    entry = AuditEntry.objects.get(model="layout.Norm", object_pk=str(norm.pk))
    assert (entry.action, entry.user, entry.division_path) == (
        "create",
        users["planner"],
        "990000000000/990100000000/",
    )
    # an auditor of the city reads it in the trail of the region
    assert AuditEntry.objects.visible_to(users["auditor"]).filter(pk=entry.pk).exists()


def test_a_change_is_a_new_revision_with_before_and_after_and_no_change_is_none(users):
    norm = actions.save_norm(new_norm(), users["planner"])
    actions.save_norm({"minimum": 8.0, "clause": "每千人口床位数达到8张。"}, users["planner"], norm)
    actions.save_norm({"minimum": 8.0}, users["planner"], Norm.objects.get(pk=norm.pk))  # unchanged
    norm.refresh_from_db()
    assert norm.revision == 2
    latest = NormVersion.objects.filter(code="test-beds").order_by("-revision").first()
    assert (latest.revision, latest.action) == (2, "update")
    assert (latest.before["minimum"], latest.after["minimum"]) == (7.5, 8.0)
    assert latest.changed() == ["minimum", "clause"]
    entry = AuditEntry.objects.filter(model="layout.Norm", object_pk=str(norm.pk)).order_by("-id").first()
    assert (entry.action, entry.before, entry.after["minimum"]) == (
        "update",
        {"minimum": 7.5, "clause": "每千人口床位数达到7.5张。"},
        8.0,
    )


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"measure": "I{no_such_indicator}"}, "measure"),
        ({"measure": "R{no_such_measure}"}, "measure"),
        ({"basis": "P{} +"}, "basis"),
        ({"region": "999999"}, "region"),
        ({"region": "abc"}, "region"),
        ({"maximum": 1.0}, "maximum"),
        ({"kind": "per_institution", "institutions": "bogus=1"}, "institutions"),
        ({"basis": ""}, "basis"),
    ],
)
def test_a_bad_norm_is_refused_naming_the_field_and_nothing_is_written(users, changes, field):
    with pytest.raises(ValidationError) as refused:
        actions.save_norm(new_norm(**changes), users["planner"])
    assert field in refused.value.message_dict
    assert not Norm.objects.filter(code="test-beds").exists()
    assert not NormVersion.objects.filter(code="test-beds").exists()


def test_a_planner_writes_only_the_norms_of_regions_in_his_scope(users):
    dazhou = users["dazhou"]
    with pytest.raises(PermissionDenied):
        actions.save_norm(new_norm(), dazhou)  # a norm of the city
    pzh = Norm.objects.get(code="kit-beds")
    with pytest.raises(PermissionDenied):
        actions.save_norm({"minimum": 1}, dazhou, pzh)
    with pytest.raises(PermissionDenied):  # nor move a norm of his own out of his scope
        actions.save_norm({"region": PANZHIHUA}, dazhou, Norm.objects.get(code="kit-sub-centres"))
    assert actions.save_norm(new_norm(region=DAZHOU), dazhou).revision == 1
    for role in ("county", "institution", "cdc", "auditor", "dachuan"):  # they read only
        with pytest.raises(PermissionDenied):
            actions.save_norm({"minimum": 1}, users[role], pzh)
    # a catalogue manager writes the norms of any region
    assert actions.save_norm({"minimum": 9}, catalogue_manager(), pzh).revision == 2


def test_deleting_keeps_the_revisions_and_is_audited(users):
    norm = actions.save_norm(new_norm(), users["planner"])
    pk = norm.pk
    actions.delete_norm(norm, users["planner"])
    assert not Norm.objects.filter(code="test-beds").exists()
    assert list(NormVersion.objects.filter(code="test-beds").values_list("revision", "action")) == [
        (2, "delete"),
        (1, "create"),
    ]
    assert AuditEntry.objects.filter(model="layout.Norm", object_pk=str(pk), action="delete").exists()


def test_a_norm_a_target_reads_is_not_deleted(users):
    from tests.layout.test_norm_targets import norm_target

    dachuan = Division.objects.at(DACHUAN, 2024)
    norm_target(f.plan(dachuan), "kit-ambulances")
    with pytest.raises(ValidationError) as refused:
        actions.delete_norm(Norm.objects.get(code="kit-ambulances"), users["dazhou"])
    assert "code" in refused.value.message_dict
    assert Norm.objects.filter(code="kit-ambulances").exists()


# ------------------------------------------------------------------ API
def one_page(response) -> list[dict]:
    """The rows of a list answer: a page of the API's paging (50 rows), here holding every row."""
    assert response.status_code == 200
    page = response.json()
    assert page["count"] == len(page["results"]) and page["next"] is None, page["count"]
    return page["results"]


def test_api_lists_the_norms_of_the_readers_places_with_filters(users):
    def codes(user, query=""):
        return {r["code"] for r in one_page(api_for(users[user]).get(f"/api/norms/{query}"))}

    assert codes("planner") == {"kit-beds", "kit-grade-a"}  # the city's
    assert codes("dazhou") == {"kit-sub-centres", "kit-ambulances"}  # the other city's and its county's
    assert codes("county", "?region=990100") == {"kit-beds", "kit-grade-a"}  # the county reads its city's
    assert codes("dazhou", "?kind=count&level=2") == {"kit-sub-centres"}
    assert codes("dazhou", "?kind=count&level=3") == set()
    assert api_for(users["dazhou"]).get("/api/norms/kit-beds/").status_code == 404


def test_api_create_patch_history_delete(users):
    client = api_for(users["planner"])
    created = client.post("/api/norms/", new_norm(), format="json")
    assert created.status_code == 201, created.content
    assert created.json()["revision"] == 1
    patched = client.patch("/api/norms/test-beds/", {"minimum": 8.1}, format="json")
    assert patched.status_code == 200 and patched.json()["revision"] == 2
    history = client.get("/api/norms/test-beds/history/").json()
    assert [(h["revision"], h["action"]) for h in history] == [(2, "update"), (1, "create")]
    assert history[0]["changed"] == ["minimum"] and history[0]["before"]["minimum"] == 7.5
    assert history[0]["username"] == "kit-planner"
    assert client.delete("/api/norms/test-beds/").status_code == 204
    assert NormVersion.objects.filter(code="test-beds", action="delete").exists()


def test_api_refuses_a_bad_expression_by_field_in_chinese(users):
    client = api_for(users["planner"])
    response = client.post("/api/norms/", new_norm(measure="I{no_such_indicator}"), format="json")
    assert response.status_code == 400
    assert response.json() == {"measure": ["第1个字符：未知的指标 'no_such_indicator'。"]}
    assert not Norm.objects.filter(code="test-beds").exists()


def test_api_scope_refusals(users):
    dazhou = api_for(users["dazhou"])
    assert dazhou.patch("/api/norms/kit-beds/", {"minimum": 1}, format="json").status_code == 404
    assert dazhou.delete("/api/norms/kit-beds/").status_code == 404
    assert dazhou.post("/api/norms/", new_norm(), format="json").status_code == 403
    # a planner of the other city's county reads that city's norms (they bind it) but may not change them
    dachuan = Division.objects.current().get(code=DACHUAN)
    planner = api_for(f.user("planner", divisions=[dachuan]))
    assert planner.get("/api/norms/kit-sub-centres/").status_code == 200
    assert planner.patch("/api/norms/kit-sub-centres/", {"minimum": 1}, format="json").status_code == 403
    assert planner.patch("/api/norms/kit-ambulances/", {"note": "测试"}, format="json").status_code == 200
    assert (
        api_for(users["county"]).patch("/api/norms/kit-beds/", {"minimum": 1}, format="json").status_code
        == 403
    )
    assert Norm.objects.get(code="kit-beds").minimum == 8.6
    assert Norm.objects.get(code="kit-sub-centres").revision == 1


# ------------------------------------------------------------------ import and export
def export_bytes(user) -> bytes:
    response = page_for(user).get("/layout/norms.xlsx")
    assert response.status_code == 200
    return response.content


def test_the_export_imports_back_unchanged(users):
    data = export_bytes(users["planner"])
    preview = preview_import("norms", data, "norms.xlsx", users["planner"])
    assert preview.ok, preview.problems
    assert preview.counts() == {"rows": 2, "insert": 0, "update": 0, "unchanged": 2, "rejected": 0}
    assert (len(preview.inserts), len(preview.updates)) == (0, 0)


def edited(data: bytes, code: str, heading: str, value) -> bytes:
    book = load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    headings = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=3):
        if row[0].value == code:
            row[headings.index(heading)].value = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_import_updates_by_code_through_the_action(users):
    data = edited(export_bytes(users["planner"]), "kit-beds", "下限", 8.8)
    preview = preview_import("norms", data, "norms.xlsx", users["planner"])
    assert preview.ok and len(preview.updates) == 1
    batch = apply_import(preview, users["planner"])
    norm = Norm.objects.get(code="kit-beds")
    assert (norm.minimum, norm.revision) == (8.8, 2)
    version = NormVersion.objects.get(code="kit-beds", revision=2)
    assert (version.before["minimum"], version.after["minimum"], version.username) == (
        8.6,
        8.8,
        "kit-planner",
    )
    assert AuditEntry.objects.filter(
        model="layout.Norm", object_pk=str(norm.pk), note__startswith=f"import #{batch.pk}"
    ).exists()
    from tixi.exchange.services import undo_import

    undo_import(batch, users["planner"])
    norm.refresh_from_db()
    assert (norm.minimum, norm.revision) == (8.6, 3)  # undone through the action: a revision too


def sheet_of(rows) -> bytes:
    from tixi.exchange.workbooks import template

    book = load_workbook(io.BytesIO(template("norms")))
    sheet = book.worksheets[0]
    codes = [c.value for c in sheet[2]]
    for values in rows:
        sheet.append([values.get(code) for code in codes])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_bad_expression_row_writes_nothing_and_is_named_by_row_and_column(users):
    good = new_norm(code="test-good")
    bad = new_norm(code="test-bad", measure="R{actual_beds} +")
    preview = preview_import("norms", sheet_of([good, bad]), "norms.xlsx", users["planner"])
    assert not preview.ok
    assert [(p.row, p.column) for p in preview.problems] == [(4, "计量表达式")]
    assert "第" in preview.problems[0].message or "字符" in preview.problems[0].message  # Chinese
    assert not Norm.objects.filter(code__in=["test-good", "test-bad"]).exists()


def test_an_import_of_another_regions_norm_is_refused_by_row(users):
    preview = preview_import("norms", sheet_of([new_norm()]), "norms.xlsx", users["dazhou"])
    assert [(p.row, p.column) for p in preview.problems] == [(3, "制定地区区划代码")]
    assert Division.objects.get(code=PANZHIHUA).name in preview.problems[0].message
    # the web import page: nothing written either
    page = page_for(users["dazhou"])
    upload = io.BytesIO(sheet_of([new_norm()]))
    upload.name = "norms.xlsx"
    page.post("/imports/", {"table": "norms", "file": upload})
    assert not Norm.objects.filter(code="test-beds").exists()
    # a role that writes no norms may not import them at all
    upload = io.BytesIO(sheet_of([new_norm()]))
    upload.name = "norms.xlsx"
    assert page_for(users["county"]).post("/imports/", {"table": "norms", "file": upload}).status_code == 403


def test_a_clause_that_looks_like_a_formula_survives_the_round_trip(users):
    actions.save_norm(new_norm(clause='=HYPERLINK("http://x")每千人口床位数达到7.5张。'), users["planner"])
    data = export_bytes(users["planner"])
    book = load_workbook(io.BytesIO(data))
    cells = [c for row in book.worksheets[0].iter_rows() for c in row]
    assert any(str(c.value).startswith("=HYPERLINK") for c in cells)
    assert not any(c.data_type == "f" for c in cells)  # text, never a live formula
    preview = preview_import("norms", data, "norms.xlsx", users["planner"])
    assert preview.ok and not preview.updates and not len(preview.inserts)


def test_the_command_line_template_and_import(tmp_path, users):
    template = tmp_path / "norms.xlsx"
    call_command("template", "norms", "--out", str(template))
    assert load_workbook(template).worksheets[0]["A1"].value == "标准代码"
    other = tmp_path / "other.xlsx"
    other.write_bytes(sheet_of([new_norm()]))
    with pytest.raises(
        SystemExit
    ):  # the other city's planner's import of a norm of the city: refused, nothing written
        call_command("import", "norms", str(other), "--user", "kit-dazhou", stderr=io.StringIO())
    assert not Norm.objects.filter(code="test-beds").exists()
    out = io.StringIO()
    call_command("import", "norms", str(other), stdout=out)  # the operator
    assert "1 to insert" in out.getvalue()
    assert NormVersion.objects.get(code="test-beds").username == "tixi import"


# ------------------------------------------------------------------ pages
def test_the_norms_page_lists_per_region_with_clause_revision_and_edit_only_in_scope(users):
    html = page_for(users["dazhou"]).get("/layout/norms/").content.decode()
    assert 'data-region="990200000000"' in html and 'data-region="990203000000"' in html
    assert 'data-region="990100000000"' not in html
    assert "全市建设 30 个县域医疗卫生次中心" in html  # the clause, verbatim
    assert 'id="norm-new"' in html
    county = page_for(users["county"]).get("/layout/norms/").content.decode()
    assert 'data-region="990100000000"' in county and 'id="norm-new"' not in county
    english = page_for(users["county"], "en").get("/layout/norms/").content.decode()
    assert "Allocation norms" in english and "配置标准" not in english
    planner = page_for(users["planner"]).get("/layout/norms/").content.decode()
    assert "≥ 35%" in planner  # a share of township centres at grade A (巫山's in the seeds)
    assert "≥ 8.6 张床位 每 1,000 人" in planner
    assert (
        "≥ 8.6 beds per 1,000 residents"
        in page_for(users["planner"], "en").get("/layout/norms/").content.decode()
    )


def test_the_gaps_page_links_each_norm_to_its_page(users):
    html = page_for(users["dazhou"]).get(f"/layout/{DACHUAN}/gaps/?year=2024").content.decode()
    assert 'href="/layout/norms/kit-ambulances/"' in html and 'href="/layout/norms/kit-sub-centres/"' in html
    assert 'href="/layout/norms/"' in html and 'href="/layout/norms/"' in html


def test_the_norm_page_edits_through_the_action_and_shows_the_history(users):
    page = page_for(users["planner"])
    html = page.get("/layout/norms/kit-beds/").content.decode()
    assert 'id="norm-form"' in html and 'id="norm-history"' in html
    values = {k: ("" if v is None else v) for k, v in Norm.objects.get(code="kit-beds").definition().items()}
    values["minimum"] = 8.7
    response = page.post("/layout/norms/kit-beds/", values)
    assert response.status_code == 302
    html = page.get("/layout/norms/kit-beds/").content.decode()
    assert 'data-revision="2"' in html and "8.6 → 8.7" in html
    values["measure"] = "I{no_such_indicator}"
    refused = page.post("/layout/norms/kit-beds/", values)
    assert refused.status_code == 400 and "field-measure" in refused.content.decode()
    assert Norm.objects.get(code="kit-beds").revision == 2
    # the county reads the norm, sees no form and may not post one
    county = page_for(users["county"])
    assert 'id="norm-form"' not in county.get("/layout/norms/kit-beds/").content.decode()
    assert county.post("/layout/norms/kit-beds/", values).status_code == 403
    # the other city's planner does not even see it
    assert page_for(users["dazhou"]).post("/layout/norms/kit-beds/", values).status_code == 404


def test_the_new_norm_page_refuses_another_region(users):
    values = {k: ("" if v is None else v) for k, v in new_norm().items()}
    assert page_for(users["dazhou"]).post("/layout/norms/new/", values).status_code == 403
    assert page_for(users["planner"]).post("/layout/norms/new/", values).status_code == 302
    assert Norm.objects.get(code="test-beds").revision == 1


def test_an_admin_save_goes_through_the_action(users):
    superuser = f.user("planner", is_superuser=True, is_staff=True)
    page = page_for(superuser)
    norm = Norm.objects.get(code="kit-beds")
    values = {k: ("" if v is None else v) for k, v in norm.definition().items()}
    values["minimum"] = 9.1
    response = page.post(f"/admin/layout/norm/{norm.pk}/change/", values)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert NormVersion.objects.get(code="kit-beds", revision=2).username == superuser.username
    values["measure"] = "I{no_such_indicator}"
    assert page.post(f"/admin/layout/norm/{norm.pk}/change/", values).status_code == 200  # the form's errors
    assert Norm.objects.get(code="kit-beds").revision == 2


def test_a_renamed_norm_keeps_its_history_and_a_norm_targets_read_keeps_its_code(users):
    from tests.layout.test_norm_targets import norm_target

    norm = actions.save_norm(new_norm(), users["planner"])
    actions.save_norm({"code": "test-beds-2"}, users["planner"], norm)
    history = api_for(users["planner"]).get("/api/norms/test-beds-2/history/").json()
    assert [h["revision"] for h in history] == [2, 1]
    dachuan = Division.objects.at(DACHUAN, 2024)
    norm_target(f.plan(dachuan), "kit-ambulances")
    with pytest.raises(ValidationError) as refused:
        actions.save_norm(
            {"code": "kit-ambulances-2"}, users["dazhou"], Norm.objects.get(code="kit-ambulances")
        )
    assert "code" in refused.value.message_dict


def test_reach_and_rule_norms_import_with_their_own_columns(users):
    reach = new_norm(
        code="test-reach",
        kind="reach",
        level=4,
        institutions="type=village_clinic",
        measure="N{type=village_clinic}",
        basis="",
        minimum=None,
        within=20,
        per=100,
        unit="persons",
        clause="20分钟服务圈。",
    )
    rule = new_norm(
        code="test-freeze",
        kind="bed_freeze",
        institutions="type=general_hospital & ownership=public",
        basis="",
        minimum=70,
        stay_above=10,
        per=100,
        clause="病床使用率低于70%，平均住院日高于10天的，不再新增床位。",
    )
    preview = preview_import("norms", sheet_of([reach, rule]), "norms.xlsx", users["planner"])
    assert preview.ok, preview.problems
    apply_import(preview, users["planner"])
    stored = Norm.objects.get(code="test-reach")
    assert (stored.kind, stored.within, stored.minimum) == ("reach", 20, None)
    assert Norm.objects.get(code="test-freeze").stay_above == 10
    # a rule without its average stay is refused by row and column
    broken = new_norm(code="test-freeze-2", kind="bed_freeze", institutions="type=general_hospital", basis="")
    preview = preview_import("norms", sheet_of([broken]), "norms.xlsx", users["planner"])
    assert [p.column for p in preview.problems] == ["平均住院日高于（天）"]

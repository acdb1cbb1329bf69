"""Control characters are refused where text comes in, not only left out by the downloads: one rule
(`tixi.core.text`, put on every text field of the models by `tixi.core.validators`) answers the
pages, the API, the imports and the command line with a Chinese message naming the field or the row,
and nothing is written. A text area keeps its tabs and newlines."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from rest_framework.test import APIClient

from tests import factories
from tests.exchange.test_imports import HEAD, csv_bytes, good_row
from tixi.exchange.models import Finding, ImportBatch, ValidationRule
from tixi.ledger.models import Progress
from tixi.registry.models import Institution

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]

ESCAPE = "医院\x1b[2J"  # an ANSI escape (clears a terminal) after two characters: character 3
SAID = "第3个字符是控制字符（U+001B），请删去。"


@pytest.fixture
def region(db):
    return factories.two_cities()


@pytest.fixture
def users(region):
    return factories.seven_roles(region)


def logged_in(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
    client.force_login(user)
    return client


def new_institution(region, **overrides):
    return {"code": "CTRL0001", "name": "测试医院", "type": "general_hospital", "ownership": "private",
            "operator": "private", **overrides}  # fmt: skip


def test_the_rule():
    from tixi.core.text import control_character

    assert control_character("a\x0bb") == (2, "U+000B")
    assert control_character("a\tb") == (2, "U+0009")  # a one-line field takes no tab
    assert control_character("a\tb\r\nc", multiline=True) is None  # a text area does
    assert control_character("a\x7fb", multiline=True) == (2, "U+007F")
    assert control_character("体系 — “正常”的文字") is None


def test_a_page_form_names_the_field_and_writes_nothing(users, region):
    client = logged_in(users["county"])
    form = {**new_institution(region, name=ESCAPE), "division_code": region["county"].code}
    response = client.post("/institutions/new/", form)
    assert response.status_code == 400
    assert "名称：" + SAID in response.content.decode()
    assert not Institution.objects.filter(code="CTRL0001").exists()
    form["name"] = "测试医院"  # the same form without the escape is taken
    assert client.post("/institutions/new/", form).status_code == 302
    assert Institution.objects.filter(code="CTRL0001").exists()


def test_a_text_area_keeps_newlines_and_refuses_an_escape(users, region):
    plan = factories.plan(region["county"])
    unit = factories.unit("测试县卫生健康局", region["county"], members=[users["county"]])
    task = factories.task(plan, lead=[unit])
    client = logged_in(users["county"])
    report = {"action": "report", "unit": unit.pk, "period": "2025-03", "status": "in_progress", "percent": "10",
              "problems": ""}  # fmt: skip
    response = client.post(f"/ledger/tasks/{task.pk}/", {**report, "narrative": "第一步\x1b完成"})
    assert response.status_code in (200, 400)
    assert "进展情况：第4个字符是控制字符（U+001B），请删去。" in response.content.decode()
    assert not Progress.objects.filter(task=task).exists()
    client.post(f"/ledger/tasks/{task.pk}/", {**report, "narrative": "第一步：\n\t完成选址"})
    assert Progress.objects.get(task=task).narrative == "第一步：\n\t完成选址"


def test_a_write_that_skips_the_form_is_refused_before_the_save(users, region):
    """The validation page writes a posted note straight to its finding: the check before every save
    refuses it, with a 400 naming the field, and the note stays as it was."""
    rule = ValidationRule.objects.create(code="ctrl-test", name="测试规则", left="1", operator=">=", right="0",
                                         message="测试")  # fmt: skip
    finding = Finding.objects.create(rule=rule, year=2024, division=region["county"],
                                     division_path=region["county"].path, note="原来的说明")  # fmt: skip
    client = logged_in(users["county"])
    response = client.post(
        f"/validation/?division={region['county'].code}&year=2024",
        {"finding": finding.pk, "status": "explained", "note": "已核实\x08"},
    )
    assert response.status_code == 400
    assert "备注：第4个字符是控制字符（U+0008），请删去。" in response.content.decode()
    assert Finding.objects.get(pk=finding.pk).note == "原来的说明"


def test_the_api_answers_400_naming_the_field(users, region):
    client = APIClient(HTTP_ACCEPT_LANGUAGE="zh-hans")
    client.force_authenticate(users["county"])
    payload = new_institution(region, name=ESCAPE, division=region["county"].code)
    response = client.post("/api/institutions/", payload, format="json")
    assert response.status_code == 400
    assert response.json()["name"] == ["名称：" + SAID]
    assert not Institution.objects.filter(code="CTRL0001").exists()
    hospital = factories.institution(region["county"], name="测试县医院")
    response = client.patch(f"/api/institutions/{hospital.code}/", {"operator": "个人\x0b"}, format="json")
    assert response.status_code == 400 and list(response.json()) == ["operator"]
    assert Institution.objects.get(pk=hospital.pk).operator == hospital.operator


def test_an_import_names_the_row_and_column_and_writes_nothing(users, region):
    rows = [HEAD, good_row("CTRL0101", 所在区划代码=region["township"].code),
            good_row("CTRL0102", 所在区划代码=region["township"].code, 机构名称="卫生室\x1b")]  # fmt: skip
    client = logged_in(users["county"])
    upload = SimpleUploadedFile("ctrl.csv", csv_bytes(rows))
    response = client.post("/imports/", {"table": "institutions", "file": upload})
    assert response.status_code == 400
    page = response.content.decode()
    assert "机构名称" in page and "第4个字符是控制字符（U+001B），请删去。" in page
    assert not Institution.objects.filter(code__startswith="CTRL01").exists()
    assert not ImportBatch.objects.filter(status="applied").exists()


def test_the_command_line_import_names_the_row_and_writes_nothing(region, tmp_path, capsys):
    bad = tmp_path / "ctrl.csv"
    bad.write_bytes(
        csv_bytes([HEAD, good_row("CTRL0201", 所在区划代码=region["township"].code, 举办主体="村\x07办")])
    )
    with pytest.raises(SystemExit) as exit_:
        call_command("import", "institutions", str(bad))
    assert exit_.value.code == 1
    err = capsys.readouterr().err
    assert "举办主体" in err and "第2个字符是控制字符（U+0007），请删去。" in err
    assert "\x07" not in err and "村\\x07办" in err  # the report quotes the value, written out
    assert not Institution.objects.filter(code="CTRL0201").exists()


def test_a_scenario_named_on_the_command_line_is_refused(users, region):
    from tixi.layout.access import AccessError
    from tixi.layout.scenarios import save_scenario

    with pytest.raises((AccessError, ValidationError), match="U\\+001B"):
        save_scenario({"division": region["county"].code, "year": 2024}, "方案\x1b", users["planner"])


def test_the_discharge_import_refuses_a_control_character_by_row(region, tmp_path):
    """The discharges (millions of rows) are checked in DuckDB, not row by row: the same refusal."""
    from django.utils import translation

    from tests.hospitals.test_import import HEAD as DISCHARGE_HEAD
    from tests.hospitals.test_import import good_rows
    from tixi.hospitals import importing
    from tixi.hospitals.models import Discharge

    hospital = factories.institution(region["county"], name="测试县医院", type="general_hospital", level=3)
    rows = [row + ",普外科" for row in good_rows(hospital.code, n=2)]
    rows[1] = rows[1].replace(",普外科", ",普外\x1b科")
    before = Discharge.objects.count()  # (a demo may be in the same test database)
    path = tmp_path / "d.csv"
    path.write_text("\n".join([DISCHARGE_HEAD + ",department", *rows]) + "\n", encoding="utf-8")
    with translation.override("zh-hans"):
        result = importing.import_discharges(path)
    assert not result.ok and Discharge.objects.count() == before
    [problem] = result.problems
    assert (problem.row, problem.column) == (3, "出院科别（department）")
    assert problem.message == "文字中含有控制字符（如转义符、制表符），请删去。"

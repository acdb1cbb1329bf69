"""The writes that skip the models' pre-save check (`bulk_create`, `bulk_update`) run the same rule
first, in one place (`tixi.core.validators.refuse_control_characters_in_bulk`): a control character
is refused with a Chinese message naming the row and the field, and nothing is written."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from rest_framework.test import APIClient

from tests import factories
from tests.exchange.test_imports import HEAD, csv_bytes, good_row
from tixi.exchange.models import ImportBatch
from tixi.registry.models import Institution

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]

ESCAPE = "医院\x1b[2J"  # an ANSI escape after two characters: character 3
SAID = "第3个字符是控制字符（U+001B），请删去。"


@pytest.fixture(autouse=True)
def in_chinese():
    with translation.override("zh-hans"):
        yield


def test_the_one_check_names_each_row_and_field():
    from tixi.core.validators import refuse_control_characters_in_bulk

    rows = [("第 2 行", Institution(code="A", name="好名字")), ("第 3 行", {"name": ESCAPE, "code": "B\x07"})]
    with pytest.raises(ValidationError) as refused:
        refuse_control_characters_in_bulk(Institution, rows)
    said = refused.value.messages
    assert len(said) == 2 and all(m.startswith("第 3 行：") for m in said), said
    assert any("名称：" + SAID in m for m in said), said
    refuse_control_characters_in_bulk(Institution, rows[:1])  # a clean row passes


def _institutions_preview(region, user, code="BULK0001"):
    from tixi.exchange.services import preview_import

    rows = [HEAD, good_row(code, 所在区划代码=region["township"].code)]
    preview = preview_import("institutions", csv_bytes(rows), "bulk.csv", user)
    assert preview.ok, preview.problems
    return preview


def test_an_import_s_bulk_insert_is_checked_before_it_is_written(region, users):
    """A row that reaches the write with a control character (derived, or changed since its cells
    were read) is refused there: the cell check is not the only guard."""
    from tixi.exchange.services import NewRows, apply_import

    preview = _institutions_preview(region, users["county"])
    rows = NewRows()
    for instance in preview.inserts:
        instance.name = ESCAPE
        rows.append(instance)
    preview.inserts = rows
    with pytest.raises(ValidationError) as refused:
        apply_import(preview, users["county"])
    assert "BULK0001" in refused.value.messages[0] and SAID in refused.value.messages[0]
    assert not Institution.objects.filter(code="BULK0001").exists()
    assert not ImportBatch.objects.filter(filename="bulk.csv").exists()


def test_an_import_s_bulk_update_is_checked_before_it_is_written(region, users):
    from tixi.exchange.services import apply_import

    hospital = factories.institution(region["township"], code="BULK0002", name="原名卫生室")
    preview = _institutions_preview(region, users["county"], code="BULK0003")
    hospital.name = ESCAPE
    preview.updates = [(hospital, {"name": ("原名卫生室", ESCAPE)})]
    with pytest.raises(ValidationError) as refused:
        apply_import(preview, users["county"])
    assert SAID in refused.value.messages[0]
    assert Institution.objects.get(code="BULK0002").name == "原名卫生室"
    assert not Institution.objects.filter(code="BULK0003").exists()  # the inserts went back too


def test_a_dhis2_value_with_a_control_character_names_the_row_and_imports_nothing(region, users):
    from tixi.indicators.models import DataElement, DataValue

    DataElement.objects.create(code="bulk_element", name="测试数据元")
    county = region["county"].code
    values = [
        {"dataElement": "bulk_element", "period": "2025", "orgUnit": county, "value": "3", "comment": "好"},
        {"dataElement": "bulk_element", "period": "2024", "orgUnit": county, "value": "4", "comment": ESCAPE},
    ]
    client = APIClient(HTTP_ACCEPT_LANGUAGE="zh-hans")
    client.force_authenticate(users["county"])
    body = json.dumps({"dataValues": values})
    answer = client.post("/api/dataValueSets", body, content_type="application/json")
    assert answer.status_code == 409, answer.content
    conflicts = answer.json()["conflicts"]
    assert len(conflicts) == 1 and conflicts[0]["value"].startswith("#2: ") and SAID in conflicts[0]["value"]
    assert "\x1b" not in conflicts[0]["object"]  # the value is quoted written out
    assert not DataValue.objects.filter(element__code="bulk_element").exists()


def test_a_hospital_code_list_names_the_row_and_keeps_the_list_it_had(tmp_path):
    from tixi.hospitals.importing import ListError, import_code_list
    from tixi.hospitals.models import CodeList

    good = tmp_path / "good.csv"
    good.write_text("code,name\n36.0600,冠状动脉支架置入术\n", encoding="utf-8")
    kept = import_code_list("surgery", "v1", good)
    bad = tmp_path / "bad.csv"
    bad.write_text(f"code,name\n36.0600,冠状动脉支架置入术\n36.0700,{ESCAPE}\n", encoding="utf-8")
    with pytest.raises(ListError) as refused:
        import_code_list("surgery", "v1", bad)
    assert "第 3 行" in str(refused.value) and SAID in str(refused.value), str(refused.value)
    assert list(CodeList.objects.get(pk=kept.pk).entries.values_list("code", "name")) == [
        ("36.0600", "冠状动脉支架置入术")
    ]


def test_targets_drafted_from_a_document_name_the_row_and_nothing_is_written():
    from tests.ledger.test_actions import TARGET, draft_plan, task
    from tixi.indicators.models import Plan
    from tixi.ledger.actions import create_plan_from_draft

    with pytest.raises(ValidationError) as refused:
        create_plan_from_draft(draft_plan(), [task()], [TARGET, {**TARGET, "label": ESCAPE}])
    assert refused.value.messages[0].startswith("第 2 行：") and SAID in refused.value.messages[0]
    assert not Plan.objects.filter(code="drafted-plan").exists()

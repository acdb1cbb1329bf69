"""The DHIS2 CSV export and the import templates are written by the one writer of `core.exports`
(numbers as numbers, text never a formula), not by writers of their own; compared file with file."""

import csv
import inspect
import io
import json

import pytest
from openpyxl import load_workbook

from tixi.core import exports
from tixi.exchange import dhis2, workbooks
from tixi.exchange.tables import TABLES

VALUES = [
    {
        "dataElement": "actual_beds",
        "period": "2024",
        "orgUnit": "H0001",
        "categoryOptionCombo": "default",
        "value": "120",
        "comment": "",
        "storedBy": "planner",
    },
    {
        "dataElement": "resident_population",
        "period": "2024",
        "orgUnit": "510421000000",
        "categoryOptionCombo": "female_0-4",
        "value": "-3.5",
    },
    {
        "dataElement": "E01",
        "period": "2024Q1",
        "orgUnit": "510421000000",
        "value": "12.25",
        "comment": '=HYPERLINK("http://x","点我")',
        "storedBy": "@county",
    },
]


def test_no_writer_of_their_own():
    from tixi.hospitals import importing

    assert "csv.writer" not in inspect.getsource(dhis2)
    for module in (workbooks, importing):  # the import templates, the discharge records' included
        source = inspect.getsource(module)
        assert "Workbook(" not in source and "openpyxl" not in source, module.__name__


def test_the_discharge_template_is_the_tables_of_the_one_writer():
    from tixi.hospitals import importing
    from tixi.hospitals.engine.layout import FIELDS

    book = load_workbook(io.BytesIO(importing.discharge_template()))
    assert book.sheetnames == ["数据", "说明"]
    data = book["数据"]
    assert [c.value for c in data[1]] == [f.heading for f in FIELDS]
    assert [c.value for c in data[2]] == [f.code for f in FIELDS]
    assert data.freeze_panes == "A3" and data.max_row == 2
    assert [c.font.color.rgb.endswith("C00000") for c in data[1]] == [f.required for f in FIELDS]
    guide = list(book["说明"].iter_rows(values_only=True))
    assert guide[0][0] == "出院病案首页 导入模板" and guide[5][:2] == ("列名", "代码")
    assert [row[1] for row in guide[6:]] == [f.code for f in FIELDS]


def test_dhis2_csv_holds_what_the_json_holds_and_no_formula():
    written = dhis2.to_csv(VALUES)
    assert written == exports.csv_bytes([dhis2.csv_table(VALUES)], byte_order_mark=False)
    assert not written.startswith("\ufeff".encode())  # DHIS2 reads its first heading by name
    rows = list(csv.reader(io.StringIO(written.decode("utf-8"))))
    assert rows[0] == dhis2.CSV_COLUMNS
    as_json = json.loads(dhis2.to_json(VALUES))["dataValues"]
    assert [(r[0], r[1], r[2], r[5]) for r in rows[1:]] == [
        (v["dataElement"], v["period"], v["orgUnit"], v["value"]) for v in as_json
    ]
    assert rows[2][5] == "-3.5"  # a negative number stays a number
    assert rows[3][8] == "'" + VALUES[2]["comment"] and rows[3][6] == "'@county"
    # and what is read back is what was written (the protective apostrophe dropped again)
    read_back = dhis2.parse(written, "csv")
    assert [v["value"] for v in read_back] == ["120", "-3.5", "12.25"]


@pytest.mark.django_db
@pytest.mark.without_demo  # the templates are written from the table specs, not from any data
def test_template_is_the_tables_of_the_one_writer():
    for name in TABLES:
        assert workbooks.template(name) and workbooks.template_tables(name)[0].columns
    spec = TABLES["institutions"]
    book = load_workbook(io.BytesIO(workbooks.template("institutions")))
    assert book.sheetnames == ["数据", exports.CHOICES_SHEET, "说明"]
    assert book[exports.CHOICES_SHEET].sheet_state == "hidden"
    data = book["数据"]
    assert [c.value for c in data[1]] == [c.heading for c in spec.columns]
    assert [c.value for c in data[2]] == [c.code for c in spec.columns]
    assert data.freeze_panes == "A3" and data.max_row == 2
    red = [c.font.color.rgb.endswith("C00000") for c in data[1]]
    assert red == [c.required for c in spec.columns]
    notes = [c.comment.text if c.comment else "" for c in data[1]]
    assert notes == [c.help for c in spec.columns]
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in data.data_validations.dataValidation}
    type_column = [c.code for c in spec.columns].index("type")
    letter = "ABCDEFGHIJKLM"[type_column]
    assert lists[f"{letter}3"] == f"'{exports.CHOICES_SHEET}'!${letter}$1:${letter}$25"
    choices = [c.value for c in book[exports.CHOICES_SHEET][letter]]
    assert "乡镇卫生院" in choices and "村卫生室" in choices
    guide = list(book["说明"].iter_rows(values_only=True))
    assert guide[0][0] == f"{spec.title} 导入模板" and guide[4][:2] == ("列名", "代码")
    assert [row[1] for row in guide[5:]] == [c.code for c in spec.columns]
    assert guide[5][5] == spec.example["code"]


def test_the_template_and_an_export_in_its_layout_share_their_heading_rows():
    class Row:
        code, name, level, latitude = "=1+1", "测试医院", 2, 26.5

        def __getattr__(self, name):
            return None

    template = load_workbook(io.BytesIO(workbooks.template("institutions")))["数据"]
    exported = load_workbook(io.BytesIO(workbooks.export("institutions", [Row()], "xlsx"))).active
    for row in (1, 2):
        assert [c.value for c in exported[row]] == [c.value for c in template[row]]
    values = {c.value: v.value for c, v in zip(exported[2], exported[3], strict=True)}
    assert values["level"] == 2 and values["latitude"] == 26.5  # numbers as numbers
    code_cell = exported.cell(row=3, column=1)
    assert code_cell.value == "=1+1" and code_cell.data_type == "s"  # text, not a formula

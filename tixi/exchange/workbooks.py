"""Workbooks Tixi writes: import templates, error reports, and exports in the template's layout
(so that an export can be corrected and imported back)."""

import datetime as dt
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from tixi.core.exports import NUMBER, Column, Table, write, xlsx_bytes
from tixi.exchange.tables import TABLES, TableSpec

HEAD = PatternFill("solid", fgColor="DCE6F1")
KIND_WORDS = {
    "text": "文本",
    "int": "整数",
    "float": "数值",
    "date": "日期（2024-06-30）",
    "choice": "下拉选择",
    "division": "12位区划代码",
    "institution": "机构代码",
    "element": "数据元代码",
}


def _save(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def template(table_name: str) -> bytes:
    spec = TABLES[table_name]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "数据"
    options = workbook.create_sheet("选项")
    guide = workbook.create_sheet("说明")
    for index, column in enumerate(spec.columns, start=1):
        letter = get_column_letter(index)
        head = sheet.cell(row=1, column=index, value=column.heading)
        head.font = Font(bold=True, color="C00000" if column.required else "000000")
        head.fill = HEAD
        if column.help:
            head.comment = Comment(column.help, "Tixi")
        code = sheet.cell(row=2, column=index, value=column.code)
        code.font = Font(italic=True, color="808080")
        sheet.column_dimensions[letter].width = max(12, len(column.heading) * 2 + 2)
        if column.kind == "choice":
            values = list(column.choices())
            labels = [
                max(column.choices()[v], key=lambda s: any("\u4e00" <= ch <= "\u9fff" for ch in s))
                for v in values
            ]
            for row, label in enumerate(labels, start=1):
                options.cell(row=row, column=index, value=label)
            rule = DataValidation(
                type="list",
                formula1=f"'选项'!${letter}$1:${letter}${len(labels)}",
                allow_blank=not column.required,
            )
            rule.error = "请从下拉列表中选择"
            sheet.add_data_validation(rule)
            rule.add(f"{letter}3:{letter}100000")
    sheet.freeze_panes = "A3"
    options.sheet_state = "hidden"
    guide.append([f"{spec.title} 导入模板"])
    guide["A1"].font = Font(bold=True, size=14)
    guide.append(
        [
            "第1行为中文列名（红色为必填），第2行为英文代码，请从第3行开始填写；列的顺序可以调整，但不要合并单元格、不要使用公式。"
        ]
    )
    guide.append(
        [
            "按“"
            + "、".join(
                spec.columns[i].heading for i in range(len(spec.columns)) if spec.columns[i].code in spec.key
            )
            + "”识别同一行：已有的更新，没有的新增；重复导入同一文件不会产生变化。导入全部成功或全部不写入。"
        ]
    )
    guide.append([])
    guide.append(["列名", "代码", "必填", "类型", "说明"])
    for cell in guide[5]:
        cell.font = Font(bold=True)
    for column in spec.columns:
        guide.append(
            [
                column.heading,
                column.code,
                "是" if column.required else "",
                KIND_WORDS[column.kind],
                column.help,
            ]
        )
    guide.append([])
    guide.append(["示例行（请勿复制到数据表之外的位置）："])
    guide.append([c.heading for c in spec.columns])
    guide.append([spec.example.get(c.code, "") for c in spec.columns])
    guide.column_dimensions["A"].width = 24
    guide.column_dimensions["E"].width = 40
    return _save(workbook)


def error_report(preview) -> bytes:
    """The problems of an import, then the uploaded rows with each refused cell marked red."""
    problems = Table(
        "问题",
        [
            Column(_("Row"), kind=NUMBER),
            Column(_("Column")),
            Column(_("Value")),
            Column(_("Problem"), width=70),
        ],
    )
    for p in preview.problems:
        problems.add(p.row or None, p.column, p.value, p.message)
    tables = [problems]
    if preview.source_rows:
        data = Table("数据", [Column(str(h or "")) for h in preview.headings])
        positions = {}
        for number, values in preview.source_rows:
            values = [v if not isinstance(v, dt.datetime) else v.date() for v in values]
            values = (values + [None] * len(data.columns))[: len(data.columns)]
            positions[number] = len(data.rows)
            data.add(*values)
        for p in preview.problems:
            if p.row in positions and p.column in preview.headings:
                data.marked.add((positions[p.row], preview.headings.index(p.column)))
        tables.append(data)
    return xlsx_bytes(tables)


def _cell(value):
    if value is None:
        return ""
    if hasattr(value, "code"):
        return value.code
    return value


def export_rows(spec: TableSpec, rows) -> tuple[list[str], list[str], list[list]]:
    """Headings, codes and values of model rows in the template's layout."""
    headings = [c.heading for c in spec.columns]
    codes = [c.code for c in spec.columns]
    body = []
    for row in rows:
        values = []
        for c in spec.columns:
            name = {
                "division_code": "division",
                "parent_code": "parent",
                "institution_code": "institution",
                "element_code": "element",
            }.get(c.code, c.code)
            values.append(_cell(getattr(row, name)))
        body.append(values)
    return headings, codes, body


def export(table_name: str, rows, fmt: str) -> bytes:
    """Model rows in the template's layout (Chinese headings, then the codes), written by the one
    writer, so that a download can be corrected and imported back."""
    spec = TABLES[table_name]
    headings, codes, body = export_rows(spec, rows)
    table = Table("数据", [Column(h, code=c) for h, c in zip(headings, codes, strict=True)])
    for values in body:
        table.add(*values)
    return write([table], fmt)

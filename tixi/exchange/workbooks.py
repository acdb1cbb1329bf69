"""Workbooks Tixi writes: import templates, error reports, and exports in the template's layout
(so that an export can be corrected and imported back)."""

import datetime as dt

from django.utils.translation import gettext as _

from tixi.core.exports import NUMBER, Column, Table, write, xlsx_bytes
from tixi.exchange.tables import TABLES, TableSpec

KIND_WORDS = {
    "text": "文本",
    "verbatim": "文本（原样保留，不转换全角标点）",
    "int": "整数",
    "float": "数值",
    "date": "日期（2024-06-30）",
    "choice": "下拉选择",
    "division": "12位区划代码",
    "institution": "机构代码",
    "element": "数据元代码",
}


def _label(names: dict) -> str:
    """A choice's Chinese name where it has one (the template is for Chinese users)."""
    return max(names, key=lambda s: any("\u4e00" <= ch <= "\u9fff" for ch in s))


def template_tables(table_name: str) -> list[Table]:
    """An import template as tables for the one writer: the data sheet (Chinese headings in red where
    required, the codes below, a note per heading, drop-downs of choices) and its guide."""
    spec = TABLES[table_name]
    data = Table(
        "数据",
        [
            Column(
                column.heading,
                code=column.code,
                required=column.required,
                comment=column.help,
                choices=tuple(_label(names) for names in column.choices().values())
                if column.kind == "choice"
                else (),
                width=max(12, len(column.heading) * 2 + 2),
            )
            for column in spec.columns
        ],
    )
    key = "、".join(c.heading for c in spec.columns if c.code in spec.key)
    guide = Table(
        "说明",
        [
            Column("列名"),
            Column("代码"),
            Column("必填"),
            Column("类型"),
            Column("说明", width=40),
            Column("示例"),
        ],
        preamble=[
            f"{spec.title} 导入模板",
            "第1行为中文列名（红色为必填），第2行为英文代码，请从第3行开始填写；列的顺序可以调整，"
            "但不要合并单元格、不要使用公式。",
            f"按“{key}”识别同一行：已有的更新，没有的新增；重复导入同一文件不会产生变化。导入全部成功或全部不写入。",
        ],
    )
    for column in spec.columns:
        guide.add(
            column.heading,
            column.code,
            "是" if column.required else "",
            KIND_WORDS[column.kind],
            column.help,
            spec.example.get(column.code, ""),
        )
    return [data, guide]


def template(table_name: str) -> bytes:
    return xlsx_bytes(template_tables(table_name))


def error_report(preview) -> bytes:
    """The problems of an import, then the uploaded rows with each refused cell marked red, each led
    by its row number in the uploaded file (行号), so that a county clerk finds row 18 of 40 without
    counting; sheet names and headings in the reader's language, the file's own headings as typed."""
    problems = Table(
        _("Problems found"),
        [
            Column(_("Row number"), kind=NUMBER),
            Column(_("Column")),
            Column(_("Value")),
            Column(_("Problem"), width=70),
        ],
    )
    for p in preview.problems:
        problems.add(p.row or None, p.column, p.value, p.message)
    tables = [problems]
    if preview.source_rows:
        headings = [str(h or "") for h in preview.headings]
        data = Table(_("Data"), [Column(_("Row number"), kind=NUMBER), *(Column(h) for h in headings)])
        positions = {}
        for number, values in preview.source_rows:
            values = [v if not isinstance(v, dt.datetime) else v.date() for v in values]
            values = (values + [None] * len(headings))[: len(headings)]
            positions[number] = len(data.rows)
            data.add(number, *values)
        for p in preview.problems:
            if p.row in positions and p.column in preview.headings:
                # the file's column, one to the right of the row number
                data.marked.add((positions[p.row], preview.headings.index(p.column) + 1))
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

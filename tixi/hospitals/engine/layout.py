"""The discharge-record file layout: our column codes, their Chinese headings, and the national upload
layout's field codes (国家病案首页上传格式, WS 445.10) accepted as headings for the same columns.

The national layout spreads a list over numbered columns: other diagnoses C06x01C … C06x40C, the principal
procedure C14x01C (date C16x01, level C17x01, incision C21x01C, anaesthesia C22x01C) and the other
procedures C35x01C … (C37xNN, C38xNN, C42xNNC, C43xNNC), birth weights A18x01 … A18x05. Such columns
(`Field.slots`) are read in their order and joined into our `|`-separated list. Field codes as in the
national 病案首页 (西医) upload tables, e.g. the B04 front-sheet forms of `qingleiw/mmp_cloud`. Procedure
kind, elective, day surgery, clinical pathway and the payer's DRG have no field in that layout: they take
our codes or Chinese headings only."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    code: str
    heading: str
    required: bool = False
    national: tuple[str, ...] = ()  # codes of the national upload layout that mean this column
    help: str = ""
    # the numbered national columns joined into this list, in order (the principal procedure's own
    # column C14x01C comes before the other procedures' C35xNNC)
    slots: tuple[str, ...] = ()
    # the columns whose value decides which slots are kept (the codes the list goes with): by default
    # the slots themselves, for a procedure's date or level the procedure codes' columns
    anchor: tuple[str, ...] = ()


OTHER_SLOTS = 40  # other diagnoses and other procedures: C06x01C … C06x40C, C35x01C … C35x40C


def _numbered(pattern: str) -> list[str]:
    return [pattern.format(n=n) for n in range(1, OTHER_SLOTS + 1)]


def _procedure_slots(principal: str, others: str) -> tuple[str, ...]:
    return (principal, *_numbered(others))


FIELDS: tuple[Field, ...] = (
    Field("hospital_code", "医疗机构代码", True, ("A01",), "登记的机构代码（组织机构代码）"),
    Field(
        "record_id", "病案号", True, ("A48",), "同一医院内唯一；同一病案号多次住院请加住院次数，如 123456-2"
    ),
    Field("admitted_at", "入院时间", True, ("B12",), "YYYY-MM-DD HH:MM"),
    Field("discharged_at", "出院时间", True, ("B15",), "YYYY-MM-DD HH:MM；按出院时间归入月份"),
    Field("department", "出院科别", False, ("B16C",)),
    Field("sex", "性别", True, ("A12C",), "1 男，2 女，9 未说明"),
    Field("age_years", "年龄（岁）", False, ("A14",)),
    Field("age_days", "年龄不足1周岁的年龄（天）", False, ("A16",), "不满1周岁必填"),
    Field(
        "birth_weight",
        "新生儿出生体重（克）",
        False,
        ("A18", "A18X01"),
        "出生28天内（含）的新生儿必填，单位克；CHS-DRG 新生儿组（MDCP）按出生体重分组",
    ),
    Field("admission_weight", "新生儿入院体重（克）", False, ("A17",), "新生儿入院时的体重，单位克"),
    Field("residence_code", "现住址区划代码", False, ("A26C",), "6或12位区划代码，用于县域内住院率"),
    Field("admission_route", "入院途径", False, ("B11C",), "1 急诊，2 门诊，3 其他医疗机构转入，9 其他"),
    Field("principal_diagnosis", "主要诊断编码", True, ("C03C",), "ICD-10（临床版或医保版）"),
    Field(
        "other_diagnoses",
        "其他诊断编码",
        False,
        ("C06C",),
        "多个用 | 分隔",
        slots=tuple(_numbered("C06X{n:02d}C")),
    ),
    Field(
        "admission_conditions",
        "入院病情",
        False,
        (),
        "与主要诊断、其他诊断依次对应，用 | 分隔：1有 2临床未确定 3情况不明 4无",
        slots=("C05C", *_numbered("C08X{n:02d}C")),
        anchor=("C03C", *_numbered("C06X{n:02d}C")),
    ),
    Field(
        "procedures",
        "手术操作编码",
        False,
        (),
        "ICD-9-CM-3，按顺序用 | 分隔，第一个为主要手术操作",
        slots=_procedure_slots("C14X01C", "C35X{n:02d}C"),
    ),
    Field(
        "procedure_dates",
        "手术操作日期",
        False,
        (),
        "与手术操作依次对应，YYYY-MM-DD，用 | 分隔",
        slots=_procedure_slots("C16X01", "C37X{n:02d}"),
    ),
    Field(
        "procedure_levels",
        "手术级别",
        False,
        (),
        "1–4，与手术操作依次对应",
        slots=_procedure_slots("C17X01", "C38X{n:02d}"),
    ),
    Field(
        "procedure_kinds",
        "手术操作类别",
        False,
        (),
        "surgery 手术 / intervention 介入治疗 / diagnostic 诊断性操作 / therapeutic 治疗性操作",
    ),
    Field(
        "incisions",
        "切口愈合等级",
        False,
        (),
        "与手术操作依次对应",
        slots=_procedure_slots("C21X01C", "C42X{n:02d}C"),
    ),
    Field(
        "anaesthesia",
        "麻醉方式",
        False,
        (),
        "与手术操作依次对应",
        slots=_procedure_slots("C22X01C", "C43X{n:02d}C"),
    ),
    Field("elective", "择期手术", False, (), "1 择期，0 急诊或限期"),
    Field("day_surgery", "日间手术", False, (), "1 按计划的日间手术"),
    Field("pathway_entered", "进入临床路径", False, (), "0/1"),
    Field("pathway_completed", "完成临床路径", False, (), "0/1"),
    Field(
        "discharge_method",
        "离院方式",
        True,
        ("B34C",),
        "1 医嘱离院，2 医嘱转院，3 转社区/卫生院，4 非医嘱离院，5 死亡，9 其他",
    ),
    Field("total_cost", "住院总费用（元）", True, ("D01",)),
    Field("drg", "医保分组（DRG）", False, (), "医保结算已分组的填写，否则留空由系统分组"),
)

BY_CODE = {f.code: f for f in FIELDS}
LIST_FIELDS = (
    "procedures",
    "procedure_dates",
    "procedure_levels",
    "procedure_kinds",
    "incisions",
    "anaesthesia",
)
FLAG_FIELDS = ("elective", "day_surgery", "pathway_entered", "pathway_completed")
PROCEDURE_KINDS = {
    "surgery": "surgery",
    "手术": "surgery",
    "1": "surgery",
    "intervention": "intervention",
    "介入治疗": "intervention",
    "介入": "intervention",
    "4": "intervention",
    "diagnostic": "diagnostic",
    "诊断性操作": "diagnostic",
    "2": "diagnostic",
    "therapeutic": "therapeutic",
    "治疗性操作": "therapeutic",
    "3": "therapeutic",
}


def anchor_of(field: Field) -> tuple[str, ...]:
    """The national columns that decide which of a field's slots hold an entry."""
    if field.anchor:
        return field.anchor
    if field.code in LIST_FIELDS:
        return BY_CODE["procedures"].slots
    return field.slots


# a numbered national column -> (our column, its position in the list)
SLOTS = {name: (f.code, index) for f in FIELDS for index, name in enumerate(f.slots)}


def slot_for(heading: str) -> tuple[str, int] | None:
    """(our column, position) for a numbered national column such as C35x02C, else None."""
    return SLOTS.get(heading.strip().lstrip("\ufeff").upper())


def column_for(heading: str) -> str | None:
    """Our column code for a heading: the code itself, the Chinese heading, or a national field code."""
    text = heading.strip().lstrip("\ufeff")
    for f in FIELDS:
        if text in (f.code, f.heading) or text.upper() in f.national:
            return f.code
    return None

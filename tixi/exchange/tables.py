"""The tables that can be imported and exported: their columns, keys and how a row becomes a model row."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from tixi.geo.models import AGE_BANDS, Division, Level, Population, Sex
from tixi.indicators.models import DataValue
from tixi.registry.models import (
    RESOURCE_FIELDS,
    Department,
    DepartmentKind,
    Designation,
    DesignationKind,
    Grade,
    Institution,
    InstitutionType,
    InstitutionYear,
    Operator,
    Ownership,
)


def labels_of(choices) -> dict[str, list[str]]:
    """code -> the labels people may type instead (English msgid and its Chinese)."""
    from django.utils import translation

    result = {}
    for code, label in choices:
        names = {str(label)}
        for language in ("zh-hans", "en"):
            with translation.override(language):
                names.add(str(label))
        result[str(code)] = sorted(names)
    return result


@dataclass
class Column:
    code: str
    heading: str  # Chinese heading (the template's first row); the English code is the second row
    kind: str = "text"  # text, verbatim (no full-width folding), int, float, date, choice, division, institution, element
    required: bool = False
    choices: object = None  # callable returning code -> labels
    minimum: float | None = None
    maximum: float | None = None
    help: str = ""
    max_length: int = 200  # text cells longer than this are refused


@dataclass
class TableSpec:
    name: str
    title: object
    model: type
    columns: list[Column]
    key: tuple[str, ...]  # columns that identify a row (upsert by these)
    example: dict = field(default_factory=dict)
    capability: object = None  # what a role needs to import this table (Capability.IMPORT when None)
    # a row's parsed values made canonical before keys are compared (a category typed by its label)
    normalize: object = None
    # an app whose writes have rules of their own (who may write which row, versions) checks each
    # row with them in the preview, validate(instance, user) raising ValidationError by field, and
    # writes through its own action: writer(preview, user, note) -> batch changes
    # {"inserted": [pk], "updated": [{"pk", "before", "after"}]}; undoer(batch, user) reverses them
    validate: object = None
    writer: object = None
    undoer: object = None
    # the column of an institution that reports rows about any place (a hospital's case reports: the
    # patient lives anywhere): a division outside the scope is accepted when that institution is in it
    place_reported_by: str | None = None

    def column(self, code: str) -> Column:
        return next(c for c in self.columns if c.code == code)


LEVEL_CHOICES = lambda: labels_of(Level.choices)  # noqa: E731
YEAR = {"minimum": 1949, "maximum": 2100}

TABLES: dict[str, TableSpec] = {
    "divisions": TableSpec(
        "divisions",
        _("divisions"),
        Division,
        [
            Column("code", "区划代码", "text", True, help="12位统计用区划代码"),
            Column("name", "名称", "text", True),
            Column("level", "层级", "choice", True, LEVEL_CHOICES, help="省/市/县/乡/村，或1–5"),
            Column("parent_code", "上级区划代码", "division"),
            Column("valid_from", "生效日期", "date"),
            Column("valid_to", "失效日期", "date"),
        ],
        key=("code", "valid_from"),
        example={
            "code": "510421100000",
            "name": "攀莲镇",
            "level": "乡镇（街道）",  # as the drop-down offers it (the guide is Chinese)
            "parent_code": "510421000000",
            "valid_from": "2021-01-01",
        },
    ),
    "population": TableSpec(
        "population",
        _("resident population"),
        Population,
        [
            Column("division_code", "区划代码", "division", True),
            Column("year", "年份", "int", True, **YEAR),
            Column("sex", "性别", "choice", True, lambda: labels_of(Sex.choices)),
            Column("age_band", "年龄组", "choice", True, lambda: {b: [b] for b in AGE_BANDS}),
            Column("count", "常住人口数", "int", True, minimum=0, maximum=50_000_000),
        ],
        key=("division_code", "year", "sex", "age_band"),
        example={
            "division_code": "510421000000",
            "year": 2024,
            "sex": "女",
            "age_band": "65+",
            "count": 18250,
        },
    ),
    "institutions": TableSpec(
        "institutions",
        _("institutions"),
        Institution,
        [
            Column("code", "机构代码", "text", True),
            Column("name", "机构名称", "text", True),
            Column("type", "机构类别", "choice", True, lambda: labels_of(InstitutionType.choices)),
            Column("level", "级别", "int", minimum=1, maximum=3, help="1、2、3 或留空"),
            Column("grade", "等次", "choice", False, lambda: labels_of(Grade.choices)),
            Column("ownership", "所有制", "choice", True, lambda: labels_of(Ownership.choices)),
            Column("operator", "举办主体", "choice", True, lambda: labels_of(Operator.choices)),
            Column("division_code", "所在区划代码", "division", True),
            Column("longitude", "经度", "float", minimum=73, maximum=136),
            Column("latitude", "纬度", "float", minimum=3, maximum=54),
            Column("parent_code", "主院机构代码", "institution"),
            Column("opened_on", "开业日期", "date"),
            Column("closed_on", "关闭日期", "date"),
        ],
        key=("code",),
        example={
            "code": "510421100099",
            "name": "米易县示例卫生院",
            "type": "乡镇卫生院",
            "ownership": "公立",
            "operator": "乡镇办",
            "division_code": "510421101000",
            "opened_on": "1998-05-01",
        },
    ),
    "designations": TableSpec(
        "designations",
        _("designations"),
        Designation,
        [
            Column("institution_code", "机构代码", "institution", True),
            Column("kind", "认定类型", "choice", True, lambda: labels_of(DesignationKind.choices)),
            Column("value", "达到级别", "int", minimum=0, maximum=8),
            Column("obtained_on", "取得日期", "date", True),
            Column("revoked_on", "撤销日期", "date"),
        ],
        key=("institution_code", "kind", "obtained_on"),
        example={"institution_code": "510421100099", "kind": "甲级卫生院", "obtained_on": "2024-09-01"},
    ),
    "departments": TableSpec(
        "departments",
        _("departments"),
        Department,
        [
            Column("institution_code", "机构代码", "institution", True),
            Column("kind", "科室", "choice", True, lambda: labels_of(DepartmentKind.choices)),
            Column("opened_on", "设立日期", "date", True),
            Column("closed_on", "撤销日期", "date"),
        ],
        key=("institution_code", "kind", "opened_on"),
        example={"institution_code": "510421100099", "kind": "发热门诊（诊室）", "opened_on": "2020-03-01"},
    ),
    "resources": TableSpec(
        "resources",
        _("yearly resources"),
        InstitutionYear,
        [
            Column("institution_code", "机构代码", "institution", True),
            Column("year", "年份", "int", True, **YEAR),
            *[
                Column(name, str(label), "int", minimum=0, maximum=10_000_000)
                for name, label in RESOURCE_FIELDS.items()
            ],
        ],
        key=("institution_code", "year"),
        example={
            "institution_code": "510421100099",
            "year": 2024,
            "approved_beds": 60,
            "actual_beds": 58,
            "health_workers": 52,
            "physicians": 15,
            "nurses": 18,
        },
    ),
    "datavalues": TableSpec(
        "datavalues",
        _("data values"),
        DataValue,
        [
            Column("element_code", "数据元代码", "element", True),
            Column("option", "分类", "text"),
            Column("division_code", "区划代码", "division", True),
            Column("period", "期间", "text", True, help="YYYY、YYYYQn（季度）或 YYYYMM"),
            Column("value", "数值", "float", True),
            Column("comment", "备注", "text"),
        ],
        key=("element_code", "option", "division_code", "period"),
        example={
            "element_code": "health_literacy",
            "division_code": "510421000000",
            "period": "2024",
            "value": 28.6,
        },
    ),
}

# headings of RESOURCE_FIELDS are lazy translations; the template shows them in Chinese
RESOURCE_HEADINGS_ZH = {
    "approved_beds": "编制床位",
    "actual_beds": "实有床位",
    "icu_beds": "重症床位",
    "rehabilitation_beds": "康复床位",
    "psychiatric_beds": "精神科床位",
    "infectious_beds": "传染病床位",
    "emergency_observation_beds": "急诊观察床位",
    "health_workers": "卫生人员",
    "health_technicians": "卫生技术人员",
    "physicians": "执业（助理）医师",
    "nurses": "注册护士",
    "pharmacists": "药师（士）",
    "gps": "全科医生",
    "tcm_physicians": "中医类别执业（助理）医师",
    "public_health_physicians": "公共卫生医师",
    "ambulances": "救护车",
    "negative_pressure_ambulances": "负压救护车",
    "childcare_places": "3岁以下婴幼儿托位",
    "outpatient_visits": "诊疗人次",
    "discharges": "出院人数",
    "bed_days": "实际占用床日数",
    "open_bed_days": "实际开放总床日数",
}
for column in TABLES["resources"].columns:
    if column.code in RESOURCE_HEADINGS_ZH:
        column.heading = RESOURCE_HEADINGS_ZH[column.code]

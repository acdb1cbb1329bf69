"""The surveillance tables of the import registry (template, all or nothing, errors by row), registered
from the app's ready(): surveillance sits above exchange in the layers."""

from django.utils.translation import gettext_lazy as _

from tixi.accounts.permissions import Capability
from tixi.exchange.tables import TABLES, Column, TableSpec, labels_of
from tixi.geo.models import Sex
from tixi.surveillance.models import (
    CaseReport,
    CaseStatus,
    Channel,
    ChannelCount,
    Disease,
    category_code,
)


def _category_by_code(values: dict) -> None:
    """A category typed by its label is its code before the row is matched with the stored ones:
    otherwise the same cell typed as 就诊人次 and as visits would be two rows (and a clash on saving)."""
    if values.get("channel") and values.get("category"):
        values["category"] = category_code(values["channel"], values["category"])


def disease_choices() -> dict[str, list[str]]:
    return {d.code: [d.name_zh, d.name_en] for d in Disease.objects.all()}


SURVEILLANCE_TABLES = {
    "case_reports": TableSpec(
        "case_reports",
        _("notifiable case reports"),
        CaseReport,
        [
            Column("card_id", "报告卡编号", "text", True),
            Column("disease_code", "病种", "choice", True, disease_choices, help="病种代码或名称"),
            Column("onset_date", "发病日期", "date", True),
            Column("diagnosis_date", "诊断日期", "date"),
            Column("report_date", "报告日期", "date", True),
            Column("division_code", "现住址区划代码", "division", True),
            Column("age", "年龄", "int", minimum=0, maximum=120),
            Column("sex", "性别", "choice", True, lambda: labels_of(Sex.choices)),
            Column("institution_code", "报告单位机构代码", "institution"),
            Column("status", "病例分类", "choice", True, lambda: labels_of(CaseStatus.choices)),
        ],
        key=("card_id",),
        example={
            "card_id": "510421202510150001",
            "disease_code": "hfmd",
            "onset_date": "2025-10-12",
            "diagnosis_date": "2025-10-13",
            "report_date": "2025-10-13",
            "division_code": "510421100000",
            "age": 4,
            "sex": "男",
            "status": "临床诊断病例",
        },
        capability=Capability.REPORT_CASES,
        place_reported_by="institution_code",  # as case_in_reach: a hospital reports patients from anywhere
    ),
    "channel_counts": TableSpec(
        "channel_counts",
        _("surveillance channel counts"),
        ChannelCount,
        [
            Column("channel", "监测渠道", "choice", True, lambda: labels_of(Channel.choices)),
            Column("category", "类别", "text", True, help="如 visits、antipyretic、fever、norovirus"),
            Column("division_code", "区划代码", "division", True),
            Column("site", "报告单位", "text", True),
            Column("date", "日期", "date", True),
            Column("count", "数量", "int", True, minimum=0, maximum=10_000_000),
        ],
        key=("channel", "category", "division_code", "site", "date"),
        normalize=_category_by_code,
        example={
            "channel": "药店销售",
            "category": "antipyretic",
            "division_code": "510421100000",
            "site": "攀莲镇示例药店",
            "date": "2025-10-14",
            "count": 36,
        },
        capability=Capability.REPORT_CASES,
    ),
}


def register() -> None:
    TABLES.update(SURVEILLANCE_TABLES)

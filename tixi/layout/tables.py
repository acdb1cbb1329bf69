"""The allocation norms table of the import registry (template, all or nothing, errors by row and
field), registered from the app's ready(): layout sits above exchange in the layers. Each row is checked
and written through `tixi.layout.actions`, so an imported norm is versioned and audited as one saved in
the admin or through the API, and only where the importer may write norms."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from tixi.accounts.permissions import Capability
from tixi.exchange.tables import TABLES, Column, TableSpec, labels_of
from tixi.geo.models import Level
from tixi.layout import actions
from tixi.layout.models import Norm, NormKind, PlaceKind, Unit
from tixi.ledger.models import AdditionKind

# blank text cells are empty text, a blank `per` is 1 (the model's default)
TEXT_FIELDS = (
    "name_en",
    "place_kind",
    "basis",
    "institutions",
    "seed",
    "note",
    "note_en",
    "counted",
    "counted_en",
    "planned_by",
)


def _canonical(values: dict) -> None:
    for name in TEXT_FIELDS:
        if name in values and values[name] is None:
            values[name] = ""
    if isinstance(values.get("level"), str):
        values["level"] = int(values["level"])
    if "per" in values and values["per"] is None:
        values["per"] = 1.0
    if isinstance(values.get("region"), str):
        values["region"] = actions.region_code(values["region"])


def _validate(norm: Norm, user) -> None:
    """The action's checks, and the writer's right over the norm's region (and its old region)."""
    region = actions.check_norm(norm)
    try:
        if norm.pk is not None:
            stored = Norm.objects.filter(pk=norm.pk).values_list("region", flat=True).first()
            if stored:
                actions.check_writer(user, actions.region_of(Norm(region=stored)))
        actions.check_writer(user, region)
    except PermissionDenied as error:
        raise ValidationError({"region": str(error)}) from error


def _write(preview, user, note: str) -> dict:
    inserted, updated = [], []
    for instance in preview.inserts:
        norm = actions.save_norm(instance.definition(), user, None, note=note)
        inserted.append(norm.pk)
    for instance, changes in preview.updates:
        stored = Norm.objects.get(pk=instance.pk)
        before = {name: getattr(stored, name) for name in changes}
        actions.save_norm({name: after for name, (_b, after) in changes.items()}, user, stored, note=note)
        updated.append(
            {"pk": instance.pk, "before": before, "after": {n: a for n, (_b, a) in changes.items()}}
        )
    return {"inserted": inserted, "updated": updated}


def _undo(batch, user) -> None:
    note = f"undo of import #{batch.pk}"
    for change in batch.changes.get("updated", []):
        norm = Norm.objects.filter(pk=change["pk"]).first()
        if norm is not None:
            actions.save_norm(change["before"], user, norm, note=note)
    for norm in Norm.objects.filter(pk__in=batch.changes.get("inserted", [])):
        actions.delete_norm(norm, user, note=note)


def _user_of(user):
    return user if getattr(user, "pk", None) else None  # the command line acts as the operator


NORMS = TableSpec(
    "norms",
    _("allocation norms"),
    Norm,
    [
        Column("code", "标准代码", "text", True, help="字母、数字和连字符，如 pzh-beds"),
        Column("name", "名称", "verbatim", True),
        Column("name_en", "英文名称", "verbatim"),
        Column("region", "制定地区区划代码", "text", True, help="制定该标准的地区，如 510400000000"),
        Column("kind", "标准类型", "choice", True, lambda: labels_of(NormKind.choices)),
        Column(
            "level", "评价层级", "choice", True, lambda: labels_of(Level.choices), help="按哪一级地区评价"
        ),
        Column("place_kind", "地区类别", "choice", False, lambda: labels_of(PlaceKind.choices[1:])),
        Column(
            "measure",
            "计量表达式",
            "verbatim",
            True,
            help="指标语言表达式，如 R{actual_beds}",
            max_length=400,
        ),
        Column("basis", "基数表达式", "verbatim", help="按人口：P{}；按比例：总数表达式", max_length=400),
        Column("institutions", "适用机构筛选", "verbatim", help="每个机构的标准：如 category=hospital"),
        Column("minimum", "下限", "float", help="到达或距离标准：要求的居民比例（%），规划未定比例时留空"),
        Column("maximum", "上限", "float"),
        Column("within", "时间或距离（分钟或公里）", "float", help="到达标准：分钟；距离标准：公里"),
        Column(
            "stay_above",
            "平均住院日高于（天）",
            "float",
            help="不再新增床位的规则：病床使用率低于下限（%）且平均住院日高于此数",
        ),
        Column(
            "exempt_below",
            "人口低于此数的地方不单设",
            "int",
            minimum=1,
            help="每地一所的标准：居民（基数）少于此数的地方由邻近机构共建或巡诊保障，不计缺口",
        ),
        Column("per", "每", "float", minimum=1e-9, help="每千人口：1000；百分比：100；留空为1"),
        Column("unit", "单位", "choice", True, lambda: labels_of(Unit.choices)),
        Column("year", "达标年份", "int", minimum=1949, maximum=2100),
        Column("source", "来源文件", "verbatim", True),
        Column("seed", "来源文件名", "text"),
        Column("clause", "条款原文", "verbatim", True, max_length=4000),
        Column("note", "备注", "verbatim", max_length=4000),
        Column("note_en", "英文备注", "verbatim", max_length=4000),
        Column("counted", "计数对象", "verbatim", help="缺口所指的对象，如 社区卫生服务站（量词由单位给出）"),
        Column(
            "counted_en", "计数对象英文", "verbatim", help="英文单数，如 community health service station"
        ),
        Column(
            "planned_by",
            "计入的项目新增",
            "choice",
            False,
            lambda: labels_of(AdditionKind.choices),
            help="规划建设项目新增的哪一项缩小本标准的缺口，如 床位",
        ),
        Column("version", "版本", "verbatim", True, help="来源文件的版本，如 2023-11"),
    ],
    key=("code",),
    normalize=_canonical,
    example={
        "code": "pzh-beds",
        "name": "每千人口医疗卫生机构床位数",
        "region": "510400000000",
        "kind": "per_population",
        "level": "2",
        "measure": "R{actual_beds}",
        "basis": "P{}",
        "minimum": 8.6,
        "per": 1000,
        "unit": "beds",
        "year": 2025,
        "source": "攀枝花市“十四五”医疗卫生服务体系规划",
        "clause": "到“十四五”末，全市每千人口医疗卫生机构床位数达到8.6张……",
        "version": "2023-11",
    },
    capability=Capability.EDIT_NORMS,
    validate=lambda norm, user: _validate(norm, _user_of(user)),
    writer=lambda preview, user, note: _write(preview, _user_of(user), note),
    undoer=lambda batch, user: _undo(batch, _user_of(user)),
)


def register() -> None:
    TABLES["norms"] = NORMS

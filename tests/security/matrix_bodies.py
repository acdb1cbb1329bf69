"""A valid body for every write of the role matrix, and what the write changes.

Each `Body` is built for one writer: from the row's object in scope (the path names it) or, for a
write that names its place in the body (a new institution, a case report, a DHIS2 value), from the
writer's own place (米易 or its institution for 攀枝花's roles, 达川 for 达州's), so that an allowed
write must succeed. `effect` reads what the write changes (a row created, a field changed): it must
differ after an allowed write and stay the same after a refused one (nothing half-written)."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.models import model_to_dict

from tests.conftest import DACHUAN, MIYI, PANZHIHUA

DAZHOU = "511700000000"
DAZHOU_ROLES = ("dazhou", "dachuan")
MARK = "角色矩阵"  # names and comments the matrix writes, so that its rows are found again


@dataclass(frozen=True)
class Body:
    make: Callable  # (objects, user) -> the body: a dict (JSON, form) or text sent as `content_type`
    effect: Callable  # (objects, user) -> what the write changes, compared before and after it
    content_type: str = ""  # a raw body (CSV), not JSON or a form
    path: Callable | None = None  # (objects) -> the path written, where not the row's "inside" one


def is_of_dazhou(user) -> bool:
    return user.username in DAZHOU_ROLES


def home_county(user) -> str:
    """The county the writer writes in: 米易 for 攀枝花's roles, 达川 for 达州's (the institution user
    has no division: its place-in-the-body writes name 米易 and are refused by the field)."""
    return DACHUAN if is_of_dazhou(user) else MIYI


def home_city(user) -> str:
    return DAZHOU if is_of_dazhou(user) else PANZHIHUA


def home_township(user) -> str:
    from tixi.geo.models import Division

    county = home_county(user)
    return Division.objects.current().filter(parent__code=county).order_by("code").first().code


def home_institution(objects, user) -> str:
    """The institution the writer reports for: its own (the institution user), else the row's."""
    own = user.scope_institutions.order_by("code").first()
    if own is not None:
        return own.code
    return objects["institution_out"] if is_of_dazhou(user) else objects["institution_in"]


def _element():
    """A data element without disaggregation: a plain number per division and period."""
    from tixi.indicators.models import DataElement

    return next(e for e in DataElement.objects.order_by("code") if not e.options)


def _values_marked(comment: str):
    from tixi.indicators.models import DataValue

    return sorted(DataValue.objects.filter(comment=comment).values_list("division__code", "period", "value"))


VALUE_PERIOD = "2025"  # a year no approval locks in the demo


def _dhis2_json(o, user):
    value = {"dataElement": _element().code, "period": VALUE_PERIOD, "orgUnit": home_county(user)}
    return {"dataValues": [{**value, "value": "7", "comment": f"{MARK}-dhis2"}]}


def _dhis2_csv(o, user):
    row = [_element().code, VALUE_PERIOD, home_county(user), "", "", "8", "", "", f"{MARK}-csv"]
    return ",".join(row) + "\n"


def _exists(model_path: str, **lookup):
    def effect(o, user):
        from django.apps import apps

        return apps.get_model(model_path).objects.filter(**lookup).exists()

    return effect


NEW_DIVISION_SUFFIX = "199000"  # a township code no seed uses


def _new_division(o, user):
    return {
        "code": home_county(user)[:6] + NEW_DIVISION_SUFFIX,
        "name": f"{MARK}镇",
        "level": 4,
        "parent": home_county(user),
        "valid_from": "2021-01-01",
    }


def _division_made(o, user):
    from tixi.geo.models import Division

    return Division.objects.filter(code=home_county(user)[:6] + NEW_DIVISION_SUFFIX).exists()


POPULATION_COUNT = 12345


def _population(o, user):
    return {
        "division": home_county(user),
        "year": 2031,
        "sex": "F",
        "age_band": "65+",
        "count": POPULATION_COUNT,
    }


def _population_made(o, user):
    from tixi.geo.models import Population

    return Population.objects.filter(
        division__code=home_county(user), year=2031, count=POPULATION_COUNT
    ).exists()


NEW_INSTITUTION = "JZ0001"
NEW_INSTITUTION_OF_THE_PAGE = "JZ0002"


def _institution(o, user):
    return {
        "code": NEW_INSTITUTION,
        "name": f"{MARK}医院",
        "type": "general_hospital",
        "ownership": "private",
        "operator": "private",
        "division": home_county(user),
    }


def _institution_form(o, user):
    body = {**_institution(o, user), "code": NEW_INSTITUTION_OF_THE_PAGE}
    body["division_code"] = body.pop("division")
    return body


REPORT_YEAR = 2030  # no institution reports for it yet


def _report(o, user):
    return {"institution": home_institution(o, user), "year": REPORT_YEAR, "actual_beds": 10}


def _report_made(o, user):
    from tixi.registry.models import InstitutionYear

    return InstitutionYear.objects.filter(
        institution__code=home_institution(o, user), year=REPORT_YEAR
    ).exists()


def _case(o, user):
    day = dt.date(2025, 10, 14).isoformat()
    return {
        "card_id": f"{MARK}-1",
        "disease_code": "hfmd",
        "onset_date": day,
        "report_date": day,
        "division": home_township(user),
        "sex": "M",
        "status": "clinical",
    }


def _count(o, user):
    return {
        "channel": "pharmacy",
        "category": "antipyretic",
        "division": home_township(user),
        "site": f"{MARK}药店",
        "date": "2025-10-14",
        "count": 3,
    }


def _signal_status(key):
    def effect(o, user):
        from tixi.surveillance.models import Signal

        return Signal.objects.get(pk=o[key]).status

    return effect


def _next_step(key, note):
    def make(o, user):
        from tixi.surveillance import actions
        from tixi.surveillance.models import Signal

        return {"status": actions.next_steps(Signal.objects.get(pk=o[key]))[-1], "note": note}  # not an end

    return make


def _norm(o, user):
    from tests.layout.test_norm_writes import new_norm

    return new_norm(
        code="jz-beds", name=f"每千人口{MARK}床位数", region=home_city(user), source=f"{MARK}规划"
    )


def _form_of(instance, fields, **changes) -> dict:
    """A page form's body: the instance's fields as the form shows them (empty ones left out), with
    some changed."""
    shown = {k: v for k, v in model_to_dict(instance, fields=fields).items() if v not in (None, "")}
    return {**shown, **changes}


def _norm_page(o, user):
    return {**_norm(o, user), "code": "jz-page"}


def _norm_edit(o, user):
    from tixi.layout.forms import NormForm
    from tixi.layout.models import Norm

    norm = Norm.objects.get(code=o["norm_in"])
    return _form_of(norm, NormForm._meta.fields, name=f"{norm.name}（{MARK}）")


def _norm_name(o, user):
    from tixi.layout.models import Norm

    return Norm.objects.get(code=o["norm_in"]).name


def _institution_edit(o, user):
    from tixi.registry.forms import InstitutionForm
    from tixi.registry.models import Institution

    institution = Institution.objects.get(code=o["institution_in"])
    changes = {"name": f"{institution.name}（{MARK}）", "division_code": institution.division.code}
    return _form_of(institution, InstitutionForm._meta.fields, **changes)


def _institution_name(o, user):
    from tixi.registry.models import Institution

    return Institution.objects.get(code=o["institution_in"]).name


RESOURCES_YEAR = 2024


def _report_of(o):
    from tixi.registry.models import InstitutionYear

    return InstitutionYear.objects.filter(institution__code=o["institution_in"], year=RESOURCES_YEAR).first()


def _resources_form(o, user):
    from tixi.registry.forms import ResourcesForm

    report = _report_of(o)
    return _form_of(report, ResourcesForm._meta.fields, outpatient_visits=(report.outpatient_visits or 0) + 1)


def _resources_field(o, user):
    return {
        "field": "outpatient_visits",
        "outpatient_visits": str((_report_of(o).outpatient_visits or 0) + 1),
    }


def _outpatient_visits(o, user):
    report = _report_of(o)
    return report.outpatient_visits if report else None


def _data_value_form(o, user):
    element = _element()
    return {
        "element": element.pk,
        "period": VALUE_PERIOD,
        "value": "9",
        "comment": f"{MARK}-page",
        "division_code": home_county(user),
    }


def _import(o, user):
    from tixi.exchange.tables import TABLES

    columns = TABLES["resources"].columns
    heading = {c.code: c.heading for c in columns}
    csv = f"{heading['institution_code']},{heading['year']},{heading['actual_beds']}\n"
    csv += f"{home_institution(o, user)},{REPORT_YEAR},12\n"
    return {"table": "resources", "file": SimpleUploadedFile(f"{MARK}.csv", csv.encode(), "text/csv")}


def _imports_made(o, user):
    from tixi.exchange.models import ImportBatch

    return ImportBatch.objects.filter(filename=f"{MARK}.csv").count()


APPROVAL_YEAR = 2024


def _township_of_miyi():
    from tixi.geo.models import Division

    return Division.objects.current().filter(parent__code=MIYI).order_by("code").first().code


def _approval_path(o):
    """A township of 米易: the county's own approval waits for all of its townships'."""
    return f"/approvals/?division={_township_of_miyi()}&year={APPROVAL_YEAR}"


def _approval(o, user):
    from tixi.exchange.models import Approval

    approvals = Approval.objects.filter(division__code=_township_of_miyi(), year=APPROVAL_YEAR)
    return list(approvals.values_list("status", "by"))


def _task(o, user, plan_code=None):
    """A valid task of the plan: its region's first unit leads it, due at the plan's end."""
    from tixi.indicators.models import Plan
    from tixi.ledger.models import Task, Unit

    if plan_code is None:
        plan_code = o["plan_in"]
    plan = Plan.objects.get(code=plan_code) if plan_code else Task.objects.get(pk=o["task_out"]).plan
    unit = Unit.objects.filter(division=plan.region).order_by("pk").first()
    return {
        "clause": "（矩阵）",
        "title": f"{MARK}的任务",
        "text": "角色矩阵写入的任务。",
        "deadline": f"{plan.period_end}-12-31",
        "lead": unit.name,
    }


def _task_edit(o, user):
    return _task(o, user, plan_code="")


def _tasks_titled(o, user):
    from tixi.ledger.models import Task

    return sorted(Task.objects.filter(title=f"{MARK}的任务").values_list("pk", flat=True))


BODIES: dict[str, Body] = {
    "api/dataValueSets": Body(_dhis2_json, lambda o, u: _values_marked(f"{MARK}-dhis2")),
    "api/dataValueSets.<str:ext>": Body(_dhis2_csv, lambda o, u: _values_marked(f"{MARK}-csv"), "text/csv"),
    "api/^divisions/$": Body(_new_division, _division_made),
    "api/^population/$": Body(_population, _population_made),
    "api/^institutions/$": Body(_institution, _exists("registry.Institution", code=NEW_INSTITUTION)),
    "api/^resources/$": Body(_report, _report_made),
    "api/^indicators/$": Body(
        lambda o, u: {"code": "jz-matrix", "name": f"{MARK}指标", "numerator": "1"},
        _exists("indicators.Indicator", code="jz-matrix"),
    ),
    "api/^datavalues/$": Body(
        lambda o, u: {
            "element": _element().code,
            "division": home_county(u),
            "period": VALUE_PERIOD,
            "value": 6,
            "comment": f"{MARK}-api",
        },
        lambda o, u: _values_marked(f"{MARK}-api"),
    ),
    "api/^case-reports/$": Body(_case, _exists("surveillance.CaseReport", card_id=f"{MARK}-1")),
    "api/^channel-counts/$": Body(_count, _exists("surveillance.ChannelCount", site=f"{MARK}药店")),
    "api/^signals/(?P<pk>[^/.]+)/move/$": Body(
        _next_step("signal_in", f"{MARK}-api"), _signal_status("signal_in")
    ),
    "api/^norms/$": Body(_norm, _exists("layout.Norm", code="jz-beds")),
    "layout/norms/new/": Body(_norm_page, _exists("layout.Norm", code="jz-page")),
    # a scenario saved: one new site among the township's candidates, no limit per township
    "layout/<str:code>/site/": Body(
        lambda o, u: {
            "kind": "township",
            "k": "1",
            "minutes": "30",
            "candidates": "20",
            "per_township": "any",
            "name": f"{MARK}-{u.username}",
        },
        lambda o, u: _exists("layout.SitingScenario", name=f"{MARK}-{u.username}")(o, u),
    ),
    "layout/norms/<slug:code>/": Body(_norm_edit, _norm_name),
    "institutions/new/": Body(
        _institution_form, _exists("registry.Institution", code=NEW_INSTITUTION_OF_THE_PAGE)
    ),
    "institutions/<str:code>/edit/": Body(_institution_edit, _institution_name),
    "institutions/<str:code>/resources/<int:year>/": Body(_resources_form, _outpatient_visits),
    "institutions/<str:code>/resources/<int:year>/field/": Body(_resources_field, _outpatient_visits),
    "datavalues/": Body(_data_value_form, lambda o, u: _values_marked(f"{MARK}-page")),
    "imports/": Body(_import, _imports_made),
    "approvals/": Body(lambda o, u: {"action": "approve"}, _approval, path=_approval_path),
    "surveillance/signals/<int:pk>/": Body(
        _next_step("signal_in", f"{MARK}-page"), _signal_status("signal_in")
    ),
    "ledger/plans/<slug:code>/tasks/new/": Body(_task, _tasks_titled),
    "ledger/tasks/<int:pk>/edit/": Body(_task_edit, _tasks_titled),
}

"""Stored script, probed as an attacker on every page and every role: a payload put in front of every
text users write (`tests/security/planting.py`: names, titles, notes, clauses, scenario names, import
file names, audit notes...) never reaches a page's HTML unescaped, whoever reads it; and the pages
show it as text. (The browser test `test_stored_script_browser.py` opens the charts and maps.)"""

import pytest
from django.test import Client

from tests.conftest import DACHUAN, MIYI, ROLES
from tests.security.planting import RAW, plant
from tests.security.test_role_matrix import build

pytestmark = pytest.mark.django_db

ESCAPED = "&quot;&gt;&lt;img src=x onerror="  # the payload as a page shows it, as text


def pages(objects, every: bool = True) -> list[str]:
    """Every page of the role matrix (inside and outside the scope) and the pages of the objects the
    plants reach: a task, a unit, a project, a norm, a signal, a plan's target, of 米易 and of 达川
    (`every`: each norm's and each plan's page too)."""
    from tixi.indicators.models import Plan, Target
    from tixi.layout.models import Norm
    from tixi.ledger.models import Project, Task, Unit
    from tixi.surveillance.models import Signal

    found = []
    for inside, outside, _answers, _capability in build(objects).values():
        for path in (inside, outside):
            if path and not path.startswith(("/api/", "/login/")) and "." not in path.split("?")[0]:
                found.append(path)
    for city in ("510400000000", "511700000000"):
        task = Task.objects.filter(plan__region__code=city).order_by("pk").first()
        found += [f"/ledger/tasks/{task.pk}/", f"/ledger/units/{task.lead_units.first().pk}/"]
        target = Target.objects.filter(plan__region__code=city).order_by("pk").first()
        if target is not None:
            found.append(f"/plans/{target.plan.code}/targets/{target.order}/?year=2024")
    found += [f"/ledger/units/{Unit.objects.filter(division__code=DACHUAN).first().pk}/"]
    found += [f"/ledger/projects/{p.pk}/" for p in Project.objects.order_by("pk")[:3]]
    norms = Norm.objects.order_by("code")
    found += [f"/layout/norms/{n.code}/" for n in (norms if every else norms[:2])]
    verified = Signal.objects.filter(steps__isnull=False).distinct().order_by("-pk")  # the plants' first
    found += [f"/surveillance/signals/{s.pk}/" for s in verified[:4]]
    found += [f"/plans/{p.code}/" for p in Plan.objects.order_by("code")] if every else []
    found += [
        "/ledger/?region=all",
        "/ledger/projects/?region=all",
        f"/layout/{MIYI}/site/?year=2024",
        f"/layout/{DACHUAN}/site/?year=2024",
        f"/layout/{DACHUAN}/gaps/?year=2024",
        f"/divisions/{DACHUAN}/?year=2024",
        f"/approvals/?division={DACHUAN}&year=2024",
        f"/validation/?division={DACHUAN}&year=2024",
        f"/validation/?division={MIYI}&year=2024",
        "/audit/?q=",
        "/imports/",
        "/surveillance/?status=all",
        f"/hospitals/?division={DACHUAN}&year=2024&figure=surgery_share",
        "/hospitals/?division=500237000000&year=2024",
        "/datavalues/",
        "/datasets/",
        "/institutions/?q=",
    ]
    return list(dict.fromkeys(found))


def test_planted_script_never_reaches_a_page_unescaped(objects):
    from tixi.accounts.models import User

    changed = plant()
    assert all(changed.values()), {label: n for label, n in changed.items() if not n}
    users = {u.username: u for u in User.objects.filter(username__in=ROLES)}
    unescaped, shown, errors = [], set(), []
    for role in ROLES:
        client = Client(raise_request_exception=False)
        client.force_login(users[role])
        for path in pages(objects, every=role == "planner"):
            response = client.get(path)
            if response.status_code >= 500:
                errors.append((role, path, response.status_code))
                continue
            if "html" not in response.get("Content-Type", ""):
                continue
            html = response.content.decode()
            if RAW in html:
                at = html.index(RAW)
                unescaped.append((role, path, html[max(0, at - 120) : at + 40]))
            if ESCAPED in html:
                shown.add(path)
    assert errors == []
    assert unescaped == []
    # the plants are shown as typed, on the pages that list them (the places', ledger's, norms' ...)
    assert {
        "/ledger/?region=all",
        "/ledger/projects/?region=all",
        "/layout/norms/",
        "/institutions/?q=",
        "/imports/",
        "/audit/?q=",
        f"/layout/{MIYI}/site/?year=2024",
    } <= shown, sorted(set(pages(objects)) - shown)


def test_a_planted_english_title_never_reaches_an_english_page_unescaped(users):
    """The English pages show what the Chinese ones do not: a plan's English title (Plan.display_title)."""
    from tixi.indicators.models import Plan
    from tixi.ledger.models import Task

    plant(extra=False, only={"indicators.Plan"})
    plan = Plan.objects.filter(region__code="510400000000").order_by("code").first()
    task = Task.objects.filter(plan=plan).order_by("pk").first()
    client = Client(raise_request_exception=False)
    client.force_login(users["planner"])
    client.cookies["django_language"] = "en"
    shown = set()
    for path in ("/plans/", f"/plans/{plan.code}/", f"/ledger/tasks/{task.pk}/", "/ledger/?region=all"):
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert RAW not in html, (path, html[max(0, html.find(RAW) - 120) : html.find(RAW) + 40])
        if ESCAPED in html:
            shown.add(path)
    assert {"/plans/", f"/plans/{plan.code}/"} <= shown, shown


def test_the_plants_are_every_text_a_user_writes():
    """A text field added to a model users write lands in `planting.TEXTS` or is named here as a code,
    an expression, a choice or machine-written (so that a new field is probed, not forgotten)."""
    from django.apps import apps
    from django.db import models

    from tests.security.planting import TEXTS

    not_free_text = {
        "accounts.User": {"password", "username", "first_name", "last_name", "email"},  # the admin's
        "accounts.AuditEntry": {"username", "model", "object_pk", "division_path"},
        "geo.Division": {"code", "path"},
        "registry.Institution": {"code"},
        "registry.InstitutionYear": {"division_path", "grade", "ownership"},
        "registry.ResourceCube": {"prefix", "type", "grade", "ownership", "operator"},
        "indicators.DataElement": {"code", "name_en", "unit"},
        "indicators.DataValue": {"option", "period"},
        "indicators.Indicator": {"code", "name_en", "numerator", "denominator"},
        "indicators.IndicatorVersion": {"username"},
        "indicators.Plan": {"code", "source"},
        "indicators.Target": {"norm"},
        "indicators.NationalTarget": {"source", "clause"},
        "indicators.DataSet": {"code", "name_en"},
        "exchange.ImportBatch": {"table", "sha256", "division_path"},
        "exchange.ValidationRule": {"code", "left", "right"},
        "exchange.Finding": {"division_path"},
        "exchange.Approval": {"division_path"},
        "ledger.Progress": {"period"},
        "layout.Norm": {"code", "name_en", "region", "measure", "basis", "institutions", "seed", "version"},
        "layout.NormVersion": {"code", "region", "username"},
        "layout.SitingScenario": {"kind"},
        "surveillance.Disease": {"code", "name_zh", "name_en"},
        "surveillance.CaseReport": {"card_id", "disease_code"},
        "surveillance.ChannelCount": {"category"},
        "surveillance.Signal": {"source", "code", "period_label", "method", "method_version"},
        "surveillance.SignalStep": {"username"},
        "surveillance.TriggerRule": {"code", "name_zh", "name_en"},
    }

    def probed_or_named(label, name) -> bool:
        return name in TEXTS.get(label, ()) or name in not_free_text.get(label, ())

    unprobed = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model.__module__.startswith("tixi.")
        # hospitals' code lists and weights are the operator's files; a discharge's texts are codes
        # and dates but for the department, which pages show by name
        and not model._meta.label.startswith("hospitals.")
        for field in model._meta.fields
        if isinstance(field, (models.CharField, models.TextField))
        and not field.choices
        and not probed_or_named(model._meta.label, field.name)
    ]
    assert unprobed == []

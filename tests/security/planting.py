"""An attacker's plants: a script payload put in front of every text a user can write (names of
institutions, units, tasks, projects, plans, targets, norms; notes of signals, findings, approvals,
progress reports, rectifications; scenario names, import file names, audit notes...), and a formula
in front of the same texts for the downloads. Used in the test database (`plant`) and, as source
text, in a browser test's own demo (`PLANT_SOURCE`)."""

import inspect

# an image whose error handler counts: in an attribute or in HTML, it would run (CSP aside)
PAYLOAD = '"><img src=x onerror="window.__xss=(window.__xss||0)+1">'
RAW = "<img src=x onerror="  # what must never reach a page unescaped
FORMULA = '=HYPERLINK("http://evil.example/","x")'

# model label → the texts users write there (through pages, the API, imports or the admin);
# codes, expressions and choices are left out: they are checked against their rules on writing
TEXTS = {
    "geo.Division": ("name",),
    "registry.Institution": ("name",),
    "registry.InstitutionYear": ("operator",),
    "indicators.Indicator": ("name", "unit", "description"),
    "indicators.DataElement": ("name",),
    "indicators.DataSet": ("name",),
    "indicators.DataValue": ("comment",),
    "indicators.Plan": ("title", "title_en", "issuer", "document_number"),
    "indicators.Target": ("area", "label", "institution_name", "clause", "note", "note_en"),
    "exchange.ImportBatch": ("filename",),
    "exchange.ValidationRule": ("name", "message"),
    "exchange.Finding": ("note",),
    "exchange.Approval": ("reason",),
    "ledger.Unit": ("name", "contact"),
    "ledger.Task": ("clause", "title", "text"),
    "ledger.Progress": ("narrative", "problems"),
    "ledger.Attachment": ("name",),
    "ledger.Rectification": ("problem", "measure"),
    "ledger.Notification": ("text",),
    "ledger.Project": ("name", "site", "content", "leader"),
    "ledger.Milestone": ("name",),
    "layout.Norm": ("name", "source", "clause", "note", "note_en", "counted", "counted_en"),
    "layout.SitingScenario": ("name",),
    "surveillance.ChannelCount": ("site",),
    "surveillance.SignalStep": ("note",),
    "hospitals.Discharge": ("department",),
    "accounts.AuditEntry": ("note", "object_repr"),
}


def plant(prefix: str = PAYLOAD, extra: bool = True, only=None) -> dict:
    """Puts `prefix` in front of every text of `TEXTS` (every row: names stay distinct), after making
    the rows the demo lacks (a siting scenario of 米易 and one of 达川, a signal verified with a note,
    an import batch, a finding and an approval). `only`: these model labels alone. Answers {model
    label: rows changed}."""
    from django.apps import apps
    from django.db.models import CharField, F, Value
    from django.db.models.functions import Concat, Left

    from tixi.accounts.audit import acting_as

    with acting_as("tests"):
        if extra:
            _make_the_missing_rows(prefix)
        changed = {}
        for label, fields in TEXTS.items():
            if only is not None and label not in only:
                continue
            model = apps.get_model(label)
            updates = {}
            for name in fields:
                field = model._meta.get_field(name)
                text = Concat(Value(prefix), F(name), output_field=CharField())
                if getattr(field, "max_length", None) and isinstance(field, CharField):
                    text = Left(text, field.max_length)
                updates[name] = text
            changed[label] = model.objects.update(**updates)
    return changed


def _make_the_missing_rows(prefix: str) -> None:
    import datetime as dt

    from django.utils import timezone

    from tixi.accounts.models import User
    from tixi.exchange.models import Approval, Finding, ImportBatch, ValidationRule
    from tixi.geo.models import Division
    from tixi.layout.models import SitingScenario
    from tixi.ledger.models import Attachment, Progress
    from tixi.registry.models import Institution
    from tixi.surveillance import actions
    from tixi.surveillance.models import Signal

    planner = User.objects.get(username="planner")
    for progress in (Progress.objects.order_by("pk").first(), Progress.objects.order_by("-pk").first()):
        Attachment.objects.create(progress=progress, name="验收报告.pdf", file="ledger/2025/01/report.pdf")
    for code in ("510421000000", "511703000000"):  # 米易, 达川
        county = Division.objects.current().get(code=code)
        township = Division.objects.current().filter(parent=county).order_by("code").first()
        site = {"place": township.code, "place_name": prefix + township.name, "near": prefix + "村",
                "township": township.name, "served": 10, "longitude": 102.1, "latitude": 26.9}  # fmt: skip
        for year in (2024, 2025):
            SitingScenario.objects.create(
                name=f"方案{year}", division=county, year=year, kind="township", minutes=30, sites=[site],
                covered_before=0, newly_covered=10, bound=10, gap_percent=0, created_by=planner,
            )  # fmt: skip
        now = timezone.now()
        signal = Signal.objects.create(
            source="cases", code="hfmd", division=county, resolution="week", basis="report",
            period_start=dt.date(2025, 10, 20), period_label="2025-W43", method="cidars-percentile",
            method_version="test", observed=5, threshold=2, raised_at=now, verify_by=now + dt.timedelta(hours=24),
        )  # fmt: skip
        cdc = User.objects.get(username="cdc" if code == "510421000000" else "planner")
        if cdc.role != "cdc":
            cdc = User.objects.create(username="cdc-dachuan", role="cdc")
            cdc.scope_divisions.set([county])
        step = actions.next_steps(signal)[0]
        actions.move(signal, step, cdc, "核实")
        ImportBatch.objects.create(
            table="institutions",
            filename="机构.xlsx",
            sha256="0" * 64,
            user=planner,
            division_path=county.path,
        )
        rule = ValidationRule.objects.first()
        institution = Institution.objects.filter(division__path__startswith=county.path).first()
        if rule is not None:
            Finding.objects.create(
                rule=rule, year=2024, institution=institution, division=county, division_path=county.path,
                note="核查",
            )  # fmt: skip
        Approval.objects.update_or_create(
            division=county, year=2024,
            defaults={"division_path": county.path, "status": Approval.Status.RETURNED, "by": planner, "reason": "退回"},
        )  # fmt: skip


# the same function as source text, for `tixi manage shell -c` in a browser test's own demo
PLANT_SOURCE = inspect.getsource(inspect.getmodule(plant))

"""Pages: today's signals (filters: county, status, overdue), a signal with its series chart and
threshold band, the cases behind its period, the verification form, and the resources near it."""

import datetime as dt

import numpy as np
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tixi.accounts.permissions import Capability, can, reads_need, writes_need
from tixi.geo.models import Boundary, Division, Level
from tixi.registry.models import Department, DepartmentKind, Institution, InstitutionType, InstitutionYear
from tixi.surveillance import actions, delays
from tixi.surveillance.detection import method_named, now
from tixi.surveillance.engine.spec import DetectionError
from tixi.surveillance.models import (
    CASES,
    CATEGORIES,
    CaseReport,
    Channel,
    CompoundSignal,
    Disease,
    Signal,
    SignalStatus,
)
from tixi.surveillance.series import ancestor, period_label, period_starts

OPEN = (
    SignalStatus.PENDING,
    SignalStatus.MONITORED,
    SignalStatus.SUSPECTED,
    SignalStatus.INVESTIGATING,
    SignalStatus.RESPONDING,
)
CHART_PERIODS = {"week": 104, "day": 120, "month": 36}
METHOD_LABELS = {
    "cidars-percentile": gettext_lazy("moving percentile method"),
    "fixed-threshold": gettext_lazy("fixed threshold method"),
}


def subject(signal: Signal) -> str:
    """What a signal is about, in the page's language: a disease, or a channel and its category."""
    language = translation.get_language() or "zh-hans"
    if signal.source == CASES:
        disease = Disease.objects.filter(code=signal.code).first()
        return disease.name(language) if disease else signal.code
    label = CATEGORIES.get(signal.source, {}).get(signal.code, signal.code)
    return f"{Channel(signal.source).label} · {label}"


@login_required
@reads_need(Capability.SEE_SIGNALS)
def signals(request):
    visible = Signal.objects.visible_to(request.user).select_related("division")
    counties = Division.objects.current().visible_to(request.user).filter(level=Level.COUNTY).order_by("path")
    county = request.GET.get("county", "")
    status = request.GET.get("status", "open")
    overdue = request.GET.get("overdue") == "1"
    at = now()
    rows = visible
    chosen = next((c for c in counties if c.code == county), None)
    if chosen is not None:
        rows = rows.filter(division__path__startswith=chosen.path)
    if status == "open":
        rows = rows.filter(status__in=OPEN)
    elif status in SignalStatus.values:
        rows = rows.filter(status=status)
    if overdue:
        rows = rows.overdue(at)
    signal_map = _map(rows, counties, at)
    rows = list(rows.order_by("-period_start", "-raised_at")[:200])
    for row in rows:
        row.subject = subject(row)
        row.is_overdue = row.status == SignalStatus.PENDING and row.verify_by < at
    compounds = CompoundSignal.objects.visible_to(request.user).select_related("rule", "division")
    if chosen is not None:
        compounds = compounds.filter(division__path__startswith=chosen.path)
    language = translation.get_language() or "zh-hans"
    compounds = list(compounds[:20])
    for compound in compounds:
        compound.name = compound.rule.name_zh if language.startswith("zh") else compound.rule.name_en
    names = {d.path: d.name for d in counties}
    timeliness = actions.timeliness(
        visible if chosen is None else visible.filter(division__path__startswith=chosen.path), at
    )
    for row in timeliness:
        row["name"] = names.get(row["path"], row["path"])
    return render(
        request,
        "surveillance/signals.html",
        {
            "rows": rows,
            "counties": counties,
            "county": county,
            "status": status,
            "statuses": SignalStatus.choices,
            "overdue": overdue,
            "overdue_count": visible.overdue(at).count(),
            "compounds": compounds,
            "timeliness": timeliness,
            "signal_map": signal_map,
            "quiet": delays.quiet_sources(request.user, at.date()),
        },
    )


def _map(rows, counties, at) -> dict | None:
    """The listed signals per county (open, overdue) on the counties' boundaries; None when no
    county in the list has a boundary."""
    paths = {c.path: c for c in counties}
    per_county: dict[str, dict] = {}
    for path, status, verify_by in rows.values_list("division__path", "status", "verify_by"):
        county = ancestor(path, Level.COUNTY) or path
        if county in paths:
            row = per_county.setdefault(county, {"signals": 0, "overdue": 0})
            row["signals"] += 1
            row["overdue"] += status == SignalStatus.PENDING and verify_by < at
    geometries = dict(
        Boundary.objects.filter(division__in=list(counties)).values_list("division__path", "geometry")
    )
    if not geometries:
        return None
    return {
        "counties": [
            {
                "code": county.code,
                "name": county.name,
                "geometry": geometries[county.path],
                **per_county.get(county.path, {"signals": 0, "overdue": 0}),
            }
            for county in counties
            if county.path in geometries
        ],
        "labels": {"signals": _("Signals"), "overdue": _("Overdue")},
    }


def _band(signal: Signal) -> dict:
    """The series of the snapshot with the method's upper bound over its last periods (replayed)."""
    counts = np.array([signal.snapshot.get("counts", [])], dtype=np.float64)
    n = counts.shape[1]
    if not n or "start" not in signal.snapshot:  # a signal stored without its series
        return {"labels": [], "counts": [], "upper": [], "alarms": [], "names": {}}
    start = dt.date.fromisoformat(signal.snapshot["start"])
    starts = period_starts(start, signal.period_start, signal.resolution)[:n]
    method = method_named(signal.method)
    control = method.check_control(signal.parameters)
    first = max(1, n - CHART_PERIODS.get(signal.resolution, 104) + 1)
    if signal.method == "cidars-percentile":
        first = max(first, control["b"] * control["frequency"] + control["w"] + 1)
    first = min(first, n)
    try:
        detection = method.run(counts, first, n, **control)
    except DetectionError:  # a snapshot shorter than the method needs: the counts without a band
        return {
            "labels": [period_label(s, signal.resolution) for s in starts],
            "counts": [int(c) for c in counts[0]],
            "upper": [None] * n,
            "alarms": [False] * n,
            "names": {"count": _("Count"), "upper": _("Threshold"), "alarm": _("Signal")},
            "first": starts[0].isoformat(),
        }
    upper = [None if np.isnan(u) else round(float(u), 2) for u in detection.upperbound[0]]
    return {
        "labels": [period_label(s, signal.resolution) for s in starts[first - 1 :]],
        "counts": [int(c) for c in counts[0, first - 1 :]],
        "upper": upper,
        "alarms": [bool(a) for a in detection.alarm[0]],
        "names": {"count": _("Count"), "upper": _("Threshold"), "alarm": _("Signal")},
        "first": starts[first - 1].isoformat(),
    }


def _with_nowcast(chart: dict, signal: Signal, user) -> dict:
    """A case series' chart gains the onset counts reported so far and their nowcast (median and 95 %
    interval of the last periods, Lawless's reverse-time hazard) as of the signal's period."""
    if signal.source != CASES or not chart.get("labels"):
        return chart
    cases = CaseReport.objects.visible_to(user).filter(
        disease_code=signal.code, division__path__startswith=signal.division.path
    )
    as_of = min(_period_end(signal), now().date())
    cast = delays.nowcast_cases(cases, signal.resolution, as_of, dt.date.fromisoformat(chart["first"]))
    if cast is None:
        return chart
    size = len(chart["labels"])
    chart["nowcast"] = {key: cast[key][:size] for key in ("observed", "median", "lower", "upper")}
    chart["names"].update(
        {
            "onsets": _("Onsets reported so far"),
            "nowcast": _("Nowcast of onsets"),
            "band": _("95% nowcast interval"),
        }
    )
    return chart


def _period_end(signal: Signal) -> dt.date:
    if signal.resolution == "week":
        return signal.period_start + dt.timedelta(days=6)
    if signal.resolution == "month":
        following = signal.period_start.replace(day=28) + dt.timedelta(days=4)
        return following.replace(day=1) - dt.timedelta(days=1)
    return signal.period_start


def resources_near(division: Division, year: int, user) -> dict:
    """What the registry holds in the signal's county: infectious-disease beds, fever clinics,
    negative-pressure ambulances, and the CDC's public health physicians; of the institutions the
    user's scope holds (a user scoped to a township sees its own, not the whole county's)."""
    county_path = ancestor(division.path, Level.COUNTY) or division.path
    reports = (
        InstitutionYear.objects.visible_to(user)
        .filter(division_path__startswith=county_path, year__lte=year)
        .select_related("institution")
        .order_by("institution_id", "-year")
    )
    latest = {}
    for report in reports:
        latest.setdefault(report.institution_id, report)
    beds = sorted((r for r in latest.values() if r.infectious_beds), key=lambda r: -r.infectious_beds)
    ambulances = sorted(
        (r for r in latest.values() if r.negative_pressure_ambulances),
        key=lambda r: -r.negative_pressure_ambulances,
    )
    cdc = [r for r in latest.values() if r.institution.type == InstitutionType.CDC]
    clinics = (
        Department.objects.filter(kind=DepartmentKind.FEVER_CLINIC, closed_on__isnull=True)
        .filter(institution__division__path__startswith=county_path)
        .filter(institution__in=Institution.objects.visible_to(user))
        .select_related("institution")
        .order_by("institution__name")
    )
    return {
        "beds": beds[:10],
        "beds_total": sum(r.infectious_beds for r in beds),
        "ambulances": ambulances[:10],
        "ambulances_total": sum(r.negative_pressure_ambulances for r in ambulances),
        "cdc": cdc,
        "clinics": list(clinics[:20]),
    }


@login_required
@reads_need(Capability.SEE_SIGNALS)
@writes_need(Capability.VERIFY_SIGNALS)
def signal_detail(request, pk):
    signal = get_object_or_404(Signal.objects.visible_to(request.user).select_related("division"), pk=pk)
    if request.method == "POST":
        try:
            actions.move(signal, request.POST.get("status", ""), request.user, request.POST.get("note", ""))
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
        else:
            messages.success(request, _("Saved."))
        return redirect("signal-detail", pk=signal.pk)
    signal.subject = subject(signal)
    behind = []
    if signal.source == CASES:
        date_field = "onset_date" if signal.basis == "onset" else "report_date"
        behind = (
            CaseReport.objects.visible_to(request.user)
            .filter(
                disease_code=signal.code,
                division__path__startswith=signal.division.path,
                **{f"{date_field}__gte": signal.period_start, f"{date_field}__lte": _period_end(signal)},
            )
            .select_related("division", "institution")
            .order_by("report_date", "card_id")[:200]
        )
    at = now()
    return render(
        request,
        "surveillance/signal_detail.html",
        {
            "signal": signal,
            "method_label": METHOD_LABELS.get(signal.method, signal.method),
            "chart": _with_nowcast(_band(signal), signal, request.user),
            "behind": behind,
            "steps": signal.steps.all(),
            "next_steps": [(s, SignalStatus(s).label) for s in actions.next_steps(signal)],
            "may_verify": can(request.user, Capability.VERIFY_SIGNALS),
            "is_overdue": signal.status == SignalStatus.PENDING and signal.verify_by < at,
            "resources": resources_near(signal.division, signal.period_start.year, request.user),
            "compounds": signal.compounds.select_related("rule"),
        },
    )

"""Pages: today's signals (filters: county, status, overdue), a signal with its series chart and
threshold band, the cases behind its period, the verification form, and the resources near it."""

import datetime as dt

import numpy as np
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tixi.accounts.permissions import Capability, can, reads_need, writes_need
from tixi.core.exports import DATE, NUMBER, Cell, Column, Table, exportable
from tixi.geo.models import Boundary, Division, Level
from tixi.registry.models import Department, DepartmentKind, Institution, InstitutionType, InstitutionYear
from tixi.surveillance import actions, delays
from tixi.surveillance import series as series_
from tixi.surveillance.detection import method_named, now
from tixi.surveillance.engine.spec import DetectionError
from tixi.surveillance.models import (
    CASES,
    CATEGORIES,
    CaseReport,
    Channel,
    ChannelCount,
    CompoundSignal,
    Disease,
    Signal,
    SignalStatus,
)
from tixi.surveillance.names import METHOD_LABELS, parameter_text
from tixi.surveillance.refusals import translated
from tixi.surveillance.series import ancestor, period_label, period_start, period_starts

OPEN = (
    SignalStatus.PENDING,
    SignalStatus.MONITORED,
    SignalStatus.SUSPECTED,
    SignalStatus.INVESTIGATING,
    SignalStatus.RESPONDING,
)
CHART_PERIODS = {"week": 104, "day": 120, "month": 36}
# the periods after a signal's own that its chart goes on with (the data as stored now)
AFTER_PERIODS = {"week": 26, "day": 60, "month": 12}


def subject(signal: Signal) -> str:
    """What a signal is about, in the page's language: a disease, or a channel and its category."""
    language = translation.get_language() or "zh-hans"
    if signal.source == CASES:
        disease = Disease.objects.filter(code=signal.code).first()
        return disease.name(language) if disease else signal.code
    label = CATEGORIES.get(signal.source, {}).get(signal.code, signal.code)
    return f"{Channel(signal.source).label} · {label}"


def local(moment: dt.datetime | None) -> dt.datetime | None:
    """A stored time as the reader's clock shows it, without its zone (a spreadsheet holds none)."""
    return None if moment is None else timezone.localtime(moment).replace(tzinfo=None)


def headline(*figures) -> Table:
    """A page's headline figures: its cards and its workbook's first sheet."""
    table = Table(_("Headline figures"), [Column(_("Figure")), Column(_("Value"), kind=NUMBER)])
    for label, value, decimals in figures:
        table.add(str(label), Cell(value, decimals=decimals))
    return table


def as_shown(value, decimals: int = 1) -> Cell:
    """A figure as `floatformat:"-1"` shows it: whole when it is, else to `decimals` places."""
    if value is None:
        return Cell(None)
    value = round(float(value), decimals)
    return Cell(int(value) if value == int(value) else value, decimals=0 if value == int(value) else decimals)


def signal_list_tables(rows, compounds, quiet, timeliness, overdue_count: int) -> list[Table]:
    """The signals page's tables, as it shows them and its .xlsx/.csv write them: the headline figures,
    the multi-point triggers (when there are), the signals listed, the quiet sources and the
    timeliness of verification per county."""
    tables = [headline((_("Signals listed"), len(rows), 0), (_("Verifications overdue"), overdue_count, 0))]
    if compounds:
        table = Table(
            _("Multi-point trigger"),
            [
                Column(_("Rule")),
                Column(_("Place")),
                Column(_("Days")),
                Column(_("Warning type")),
                Column(_("Risk level")),
                Column(_("Signals"), kind=NUMBER, decimals=0),
            ],
            html_id="compounds",
            stack=True,
        )
        for c in compounds:
            table.add(
                c.name,
                c.division.display_name,
                f"{c.first_date:%Y-%m-%d} – {c.last_date:%Y-%m-%d}",
                c.get_warning_type_display(),
                c.get_risk_level_display(),
                c.signals.count(),
            )
        tables.append(table)
    table = Table(
        _("Signals"),
        [
            Column(_("Time period")),
            Column(_("Disease or channel")),
            Column(_("Place")),
            Column(_("Observed"), kind=NUMBER, decimals=0),
            Column(_("Threshold"), kind=NUMBER),
            Column(_("Status")),
            Column(_("Verify by"), kind=DATE),
        ],
        html_id="signals",
        stack=True,
    )
    for s in rows:
        table.add(
            Cell(s.period_label, href=reverse("signal-detail", args=[s.pk])),
            s.subject,
            s.division.display_name,
            s.observed,
            as_shown(s.threshold),
            Cell(
                s.get_status_display(),
                badge=_("overdue") if s.is_overdue else "",
                note=_("synthetic") if s.is_synthetic else "",
            ),
            local(s.verify_by),
        )
    tables.append(table)
    table = Table(
        _("Quiet sources"),
        [
            Column(_("Channel")),
            Column(_("Reporting unit")),
            Column(_("Place")),
            Column(_("Last report"), kind=DATE),
            Column(_("Days silent"), kind=NUMBER, decimals=0),
            Column(_("Usual interval (days)"), kind=NUMBER),
        ],
        html_id="quiet",
        stack=True,
    )
    for q in quiet:
        table.add(
            q["channel"], q["source"], q["place"], q["last"], q["silent_days"], as_shown(q["usual_days"])
        )
    tables.append(table)
    table = Table(
        _("Timeliness of verification"),
        [
            Column(_("County")),
            Column(_("Signals"), kind=NUMBER, decimals=0),
            Column(_("Due"), kind=NUMBER, decimals=0),
            Column(_("Verified in time"), kind=NUMBER, decimals=0),
            Column(_("Rate (%)"), kind=NUMBER, decimals=0),
            Column(_("Overdue"), kind=NUMBER, decimals=0),
            Column(_("Median hours"), kind=NUMBER, decimals=1),
        ],
        html_id="timeliness",
        stack=True,
    )
    for t in timeliness:
        rate = t["on_time_rate"]
        hours = t["median_hours"]
        table.add(
            t["name"],
            t["signals"],
            t["due"],
            t["on_time"],
            None if rate is None else round(100 * rate),
            t["overdue"],
            None if hours is None else round(hours, 1),
        )
    tables.append(table)
    return tables


@login_required
@reads_need(Capability.SEE_SIGNALS)
@exportable("signals")
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
    names = {d.path: d.display_name for d in counties}
    timeliness = actions.timeliness(
        visible if chosen is None else visible.filter(division__path__startswith=chosen.path), at
    )
    for row in timeliness:
        row["name"] = names.get(row["path"], row["path"])
    quiet = delays.quiet_sources(request.user, at.date())
    overdue_count = visible.overdue(at).count()
    home = chosen or request.user.home_division()
    return TemplateResponse(
        request,
        "surveillance/signals.html",
        {
            "tables": signal_list_tables(rows, compounds, quiet, timeliness, overdue_count),
            "export_title": f"{home.name if home else ''} {_('Early warning signals')} {at.date():%Y-%m-%d}",
            "rows": rows,
            "counties": counties,
            "county": county,
            "status": status,
            "statuses": SignalStatus.choices,
            "overdue": overdue,
            "overdue_count": overdue_count,
            "compounds": compounds,
            "timeliness": timeliness,
            "signal_map": signal_map,
            "quiet": quiet,
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


def _shift(start: dt.date, periods: int, resolution: str) -> dt.date:
    """The start of the period `periods` periods after (negative: before) the one of `start`."""
    if resolution == "week":
        return start + dt.timedelta(weeks=periods)
    if resolution == "month":
        months = start.year * 12 + start.month - 1 + periods
        return dt.date(months // 12, months % 12 + 1, 1)
    return start + dt.timedelta(days=periods)


def _stored_counts(signal: Signal, user, first: dt.date, last: dt.date) -> list[int]:
    """The signal's series as stored now (in the user's scope), periods `first`..`last` (starts)."""
    rows = CaseReport if signal.source == CASES else ChannelCount
    built = series_.build(
        signal.source,
        (signal.code,),
        signal.division.level,
        signal.resolution,
        first,
        _end_of(last, signal.resolution),
        basis=signal.basis,
        within=signal.division.path,
        queryset=rows.objects.visible_to(user),
    )
    key = series_.SeriesKey(signal.source, signal.code, signal.division.path, signal.resolution, signal.basis)
    found = built.row(key)
    n = len(period_starts(first, last, signal.resolution))
    return [0] * n if found is None else [int(c) for c in found[:n]]


def _band(signal: Signal, user) -> dict:
    """The signal's series with the method's threshold band: the last CHART_PERIODS periods up to the
    signal's (its snapshot, as the data was when it was raised, preceded by the stored periods the
    method needs as baseline for the earlier ones), then the periods since, up to today (at most
    AFTER_PERIODS, as stored now), so that the chart is not limited to the snapshot."""
    snapshot = [int(c) for c in signal.snapshot.get("counts", [])]
    if not snapshot or "start" not in signal.snapshot:  # a signal stored without its series
        return {"labels": [], "counts": [], "upper": [], "alarms": [], "names": {}}
    resolution = signal.resolution
    method = method_named(signal.method)
    control = method.check_control(signal.parameters)
    history = (
        control["b"] * control["frequency"] + control["w"] if signal.method == "cidars-percentile" else 0
    )
    shown = CHART_PERIODS.get(resolution, 104)
    snapshot_start = dt.date.fromisoformat(signal.snapshot["start"])
    missing = max(0, history + shown - len(snapshot))  # baseline periods before the snapshot
    before = []
    if missing:
        before = _stored_counts(
            signal, user, _shift(snapshot_start, -missing, resolution), _shift(snapshot_start, -1, resolution)
        )
    # up to today, or to the latest data stored of the source when nothing was loaded since
    rows = (
        CaseReport.objects.aggregate(last=Max("report_date"))
        if signal.source == CASES
        else (ChannelCount.objects.filter(channel=signal.source).aggregate(last=Max("date")))
    )
    today = min(now().date(), rows["last"] or signal.period_start)
    after_starts = period_starts(signal.period_start, today, resolution)[1:]
    after_starts = after_starts[: AFTER_PERIODS.get(resolution, 26)]
    after = _stored_counts(signal, user, after_starts[0], after_starts[-1]) if after_starts else []
    counts = [*before, *snapshot, *after]
    start = _shift(snapshot_start, -len(before), resolution)
    starts = [_shift(start, k, resolution) for k in range(len(counts))]
    at_signal = len(before) + len(snapshot)  # 1-based position of the signal's period
    first = max(1, at_signal - shown + 1)
    band_from = min(max(first, history + 1), len(counts))
    upper, alarms = [None] * (band_from - first), [False] * (band_from - first)
    refused = []
    try:
        detection = method.run(np.array([counts], dtype=np.float64), band_from, len(counts), **control)
        upper += [None if np.isnan(u) else round(float(u), 2) for u in detection.upperbound[0]]
        alarms += [bool(a) for a in detection.alarm[0]]
    except DetectionError as error:  # e.g. too short for the method: the counts without a band, and why
        upper += [None] * (len(counts) - band_from + 1)
        alarms += [False] * (len(counts) - band_from + 1)
        refused.append(_("No threshold band: %(reason)s") % {"reason": translated(error)})
    return {
        "refused": refused,
        "labels": [period_label(s, resolution) for s in starts[first - 1 :]],
        "counts": counts[first - 1 :],
        "upper": upper,
        "alarms": alarms,
        "names": {
            "count": _("Count"),
            "upper": _("Threshold"),
            "alarm": _("Signal"),
            "since": _("After the signal"),
        },
        "first": starts[first - 1].isoformat(),
        "starts": [s.isoformat() for s in starts[first - 1 :]],
        "signal": at_signal - first,  # the index of the signal's own period
    }


def _linked(chart: dict, signal: Signal) -> dict:
    """A case series' points open the cases behind them (the page again, with `?period=`)."""
    chart["cases_link"] = signal.source == CASES
    return chart


NOWCAST_LABELS = {
    "bayes.trunc": gettext_lazy("Bayesian, truncation respected (bayes.trunc)"),
    "bayes.notrunc": gettext_lazy("Bayesian, truncation ignored (bayes.notrunc)"),
    "lawless": gettext_lazy("Lawless reverse-time hazard (lawless)"),
}


def _nowcast_method(request) -> str:
    """`?nowcast=` picks the method; anything else is the default."""
    asked = request.GET.get("nowcast", "")
    return asked if asked in delays.NOWCAST_METHODS else delays.DEFAULT_NOWCAST


def _with_nowcast(chart: dict, signal: Signal, user, method: str = delays.DEFAULT_NOWCAST) -> dict:
    """A case series' chart gains the onset counts reported so far and their nowcast (median and 95 %
    interval of the last periods, by `method`) as of the signal's period."""
    if signal.source != CASES or not chart.get("labels"):
        return chart
    cases = CaseReport.objects.visible_to(user).filter(
        disease_code=signal.code, division__path__startswith=signal.division.path
    )
    # as of today, or of the chart's last period when the chart stops before today
    last = dt.date.fromisoformat(chart["starts"][-1]) if chart.get("starts") else signal.period_start
    as_of = min(_end_of(last, signal.resolution), now().date())
    cast = delays.nowcast_cases(
        cases, signal.resolution, as_of, dt.date.fromisoformat(chart["first"]), method=method
    )
    if cast is None:
        return chart
    if "refused" in cast:
        chart.setdefault("refused", []).append(_("No nowcast: %(reason)s") % {"reason": cast["refused"]})
        return chart
    size = len(chart["labels"])
    chart["nowcast"] = {key: cast[key][:size] for key in ("observed", "median", "lower", "upper")}
    chart["names"].update(
        {
            "onsets": _("Onsets reported so far"),
            "nowcast": _("Nowcast of onsets (%(method)s)") % {"method": NOWCAST_LABELS[method]},
            "nowcast_method": method,
            "band": _("95% nowcast interval"),
        }
    )
    return chart


def _end_of(start: dt.date, resolution: str) -> dt.date:
    """The last day of the period that starts on `start`."""
    if resolution == "week":
        return start + dt.timedelta(days=6)
    if resolution == "month":
        following = start.replace(day=28) + dt.timedelta(days=4)
        return following.replace(day=1) - dt.timedelta(days=1)
    return start


def _chosen_period(request, signal: Signal) -> dt.date:
    """The period whose cases are listed: `?period=` (a day of it, as the chart's points give it), the
    signal's own by default; a period after today or before 1949 is the signal's own."""
    try:
        day = dt.date.fromisoformat(request.GET.get("period", ""))
    except ValueError:
        return signal.period_start
    if not dt.date(1949, 10, 1) <= day <= now().date():
        return signal.period_start
    return period_start(day, signal.resolution)


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


def signal_tables(signal: Signal, chart: dict, behind, cases_title: str) -> list[Table]:
    """A signal's page as tables: its headline figures (observed, expected, threshold), its series as
    the chart draws it (each period's count, the threshold band, whether it alarmed, the nowcast where
    there is one) and, for case series, the cases behind the period listed."""
    tables = [
        headline(
            (_("Observed"), signal.observed, 0),
            (_("Expected count"), None if signal.expected is None else round(signal.expected, 1), 1),
            (_("Threshold"), as_shown(signal.threshold).value, as_shown(signal.threshold).decimals),
        )
    ]
    nowcast = chart.get("nowcast") or {}
    columns = [
        Column(_("Time period")),
        Column(_("Count"), kind=NUMBER, decimals=0),
        Column(_("Threshold"), kind=NUMBER, decimals=2),
        Column(_("Signal")),
    ]
    if nowcast:
        columns += [
            Column(_("Onsets reported so far"), kind=NUMBER, decimals=0),
            Column(_("Nowcast (median)"), kind=NUMBER, decimals=1),
            Column(_("Nowcast, lower 95%"), kind=NUMBER, decimals=1),
            Column(_("Nowcast, upper 95%"), kind=NUMBER, decimals=1),
        ]
    table = Table(_("Series and threshold"), columns, html_id="series-table", stack=False)
    at_signal = chart.get("signal")
    for k, label in enumerate(chart.get("labels", [])):
        alarm = chart["alarms"][k] if k < len(chart["alarms"]) else False
        cells = [
            Cell(label, css="signal-period" if k == at_signal else ""),
            chart["counts"][k],
            chart["upper"][k] if k < len(chart["upper"]) else None,
            _("yes") if alarm else "",
        ]
        if nowcast:
            cells += [
                None if nowcast[key][k] is None else round(nowcast[key][k], 0 if key == "observed" else 1)
                for key in ("observed", "median", "lower", "upper")
            ]
        table.add(*cells)
    tables.append(table)
    if signal.source == CASES:
        table = Table(
            cases_title,
            [
                Column(_("report card number")),
                Column(_("onset date"), kind=DATE),
                Column(_("report date"), kind=DATE),
                Column(_("address division")),
                Column(_("age"), kind=NUMBER, decimals=0),
                Column(_("sex")),
                Column(_("case status")),
                Column(_("reporting institution")),
            ],
            html_id="cases",
            stack=False,
        )
        for c in behind:
            table.add(
                c.card_id,
                c.onset_date,
                c.report_date,
                c.division.display_name,
                c.age,
                c.get_sex_display(),
                c.get_status_display(),
                c.institution.display_name if c.institution else None,
            )
        tables.append(table)
    return tables


@login_required
@reads_need(Capability.SEE_SIGNALS)
@writes_need(Capability.VERIFY_SIGNALS)
@exportable("signal")
def signal_detail(request, pk):
    signal = get_object_or_404(Signal.objects.visible_to(request.user).select_related("division"), pk=pk)
    refused = False
    if request.method == "POST":
        try:
            actions.move(signal, request.POST.get("status", ""), request.user, request.POST.get("note", ""))
        except ValidationError as error:
            # a refused step is a 400 on the page with the reason, not a 302 that reads as done
            messages.error(request, "；".join(error.messages))
            refused = True
        else:
            messages.success(request, _("Saved."))
            return redirect("signal-detail", pk=signal.pk)
        signal.refresh_from_db()
    signal.subject = subject(signal)
    behind = []
    chosen = _chosen_period(request, signal)
    if signal.source == CASES:
        date_field = "onset_date" if signal.basis == "onset" else "report_date"
        behind = (
            CaseReport.objects.visible_to(request.user)
            .filter(
                disease_code=signal.code,
                division__path__startswith=signal.division.path,
                **{
                    f"{date_field}__gte": chosen,
                    f"{date_field}__lte": _end_of(chosen, signal.resolution),
                },
            )
            .select_related("division", "institution")
            .order_by("report_date", "card_id")[:200]
        )
    at = now()
    nowcast_method = _nowcast_method(request)
    chart = _linked(_with_nowcast(_band(signal, request.user), signal, request.user, nowcast_method), signal)
    behind_label = period_label(chosen, signal.resolution)
    behind_is_signal = chosen == signal.period_start
    behind = list(behind)
    cases_title = (
        _("Cases behind this period")
        if behind_is_signal
        else _("Cases behind %(period)s") % {"period": behind_label}
    )
    return TemplateResponse(
        request,
        "surveillance/signal_detail.html",
        {
            "signal": signal,
            "method_label": METHOD_LABELS.get(signal.method, signal.method),
            "parameter_text": parameter_text(signal.parameters or {}),
            "chart": chart,
            "tables": signal_tables(signal, chart, behind, cases_title),
            "export_title": f"{signal.division.display_name} {signal.period_label} {signal.subject}",
            "nowcast_method": nowcast_method,
            "nowcast_methods": list(NOWCAST_LABELS.items()),
            "behind": behind,
            "behind_label": behind_label,
            "behind_is_signal": behind_is_signal,
            "steps": signal.steps.all(),
            "next_steps": [(s, SignalStatus(s).label) for s in actions.next_steps(signal)],
            "may_verify": can(request.user, Capability.VERIFY_SIGNALS),
            "is_overdue": signal.status == SignalStatus.PENDING and signal.verify_by < at,
            "resources": resources_near(signal.division, signal.period_start.year, request.user),
            "compounds": signal.compounds.select_related("rule"),
        },
        status=400 if refused else 200,
    )

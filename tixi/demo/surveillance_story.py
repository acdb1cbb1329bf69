"""Synthetic surveillance data for the demo (演示数据): six years of notifiable case reports of the
seasonal diseases in every county of the seed regions, two years of daily counts of the other
channels in a few townships of 攀枝花, and planted outbreaks that the detection finds: an HFMD cluster
(米易县), a respiratory surge seen by fever clinic, pharmacy and school at once (a multi-point
trigger), a norovirus cluster (three of four enteric channels) and a cholera case (fixed threshold).
Then detection runs over the last weeks and the CDC analyst has verified part of the signals.
Counts are whole and never negative (Poisson); everything is marked synthetic; fixed seed."""

import datetime as dt
import time

import numpy as np
from django.db import connection, transaction

from tixi.accounts.models import User
from tixi.demo.ledger_story import DEMO_TODAY
from tixi.geo.models import Division, Level
from tixi.surveillance import actions, defaults, detection
from tixi.surveillance.models import CaseReport, ChannelCount, Signal, SignalStatus, SignalStep

SEED = 20251015
REGIONS = ("510400000000", "511700000000", "511900000000", "500237000000")  # 攀枝花 达州 巴中 巫山
# five years of baseline (the moving percentile's b=5, w=2) before the eight weeks the demo scans
FIRST_WEEK = DEMO_TODAY - dt.timedelta(days=DEMO_TODAY.weekday(), weeks=5 * 52 + 2 + 8 + 2)
CHANNEL_DAYS = 2 * 364 + 30
# weekly cases per 100,000 residents at the seasonal mean, the peak week (ISO), the peak's strength
SEASONS = {
    "influenza": (1.6, 2, 1.6),
    "hfmd": (2.2, 20, 1.2),
    "infectious_diarrhoea": (1.4, 50, 0.7),
    "scarlet_fever": (0.25, 22, 0.6),
    "mumps": (0.3, 18, 0.4),
    "varicella": (0.8, 48, 0.6),
}
AGES = {"hfmd": (1, 6), "scarlet_fever": (3, 12), "mumps": (4, 15), "varicella": (3, 14)}
CHANNELS = {  # channel, category: daily mean per township, peak week, strength
    ("fever_clinic", "visits"): (18, 2, 0.5),
    ("pharmacy", "antipyretic"): (30, 2, 0.5),
    ("school", "fever"): (6, 2, 0.6),
    ("diarrhoea_clinic", "visits"): (8, 50, 0.3),
    ("pharmacy", "antidiarrhoeal"): (12, 50, 0.3),
    ("school", "diarrhoea"): (3, 50, 0.4),
    ("lab", "norovirus"): (1, 50, 0.6),
}


def _seasonal(mean: float, peak_week: int, strength: float, weeks: np.ndarray) -> np.ndarray:
    return mean * np.exp(strength * np.cos(2 * np.pi * (weeks - peak_week) / 52.18) - strength / 2)


def _counties() -> list[Division]:
    year = DEMO_TODAY.year
    found = []
    for code in REGIONS:
        found.extend(Division.objects.descendants_of(code, year).filter(level=Level.COUNTY).order_by("path"))
    return found


def _townships(county: Division) -> list[Division]:
    return list(
        Division.objects.valid_in(DEMO_TODAY.year)
        .filter(parent=county, level=Level.TOWNSHIP)
        .order_by("code")
    )


def _cases(rng, counties) -> list[tuple]:
    weeks_total = (DEMO_TODAY - FIRST_WEEK).days // 7 + 1
    mondays = [FIRST_WEEK + dt.timedelta(weeks=k) for k in range(weeks_total)]
    iso_weeks = np.array([m.isocalendar()[1] for m in mondays], dtype=float)
    rows, serial = [], 0
    for county in counties:
        townships = _townships(county) or [county]
        size = rng.uniform(0.5, 2.0)  # a county's weight: small and large counties
        for disease, (mean, peak, strength) in SEASONS.items():
            weekly = rng.poisson(_seasonal(mean * size, peak, strength, iso_weeks))
            for week, n in enumerate(weekly):
                for _ in range(int(n)):
                    onset = mondays[week] + dt.timedelta(days=int(rng.integers(0, 7)))
                    serial += 1
                    rows.append(
                        _case(rng, serial, disease, onset, townships[int(rng.integers(len(townships)))])
                    )
    return [r for r in rows if r[REPORT] <= DEMO_TODAY]


CASE_COLUMNS = (
    "card_id",
    "disease_code",
    "onset_date",
    "diagnosis_date",
    "report_date",
    "division_id",
    "age",
    "sex",
    "status",
    "is_synthetic",
)
REPORT = CASE_COLUMNS.index("report_date")


def _case(rng, serial, disease, onset, place, delay=None) -> tuple:
    delay = int(min(rng.geometric(0.55) - 1, 10)) if delay is None else delay
    low, high = AGES.get(disease, (0, 80))
    return (
        f"DEMO{serial:08d}",
        disease,
        onset,
        onset + dt.timedelta(days=min(delay, 1)),
        onset + dt.timedelta(days=delay),
        place.pk,
        int(rng.integers(low, high + 1)),
        "M" if rng.random() < 0.52 else "F",
        "clinical" if rng.random() < 0.7 else "confirmed",
        True,
    )


def _channels(rng, townships) -> dict[tuple, int]:
    """(channel, category, township, site, day) -> count."""
    first = DEMO_TODAY - dt.timedelta(days=CHANNEL_DAYS)
    days = [first + dt.timedelta(days=k) for k in range(CHANNEL_DAYS + 1)]
    iso_weeks = np.array([d.isocalendar()[1] for d in days], dtype=float)
    weekday = np.array([d.weekday() for d in days])
    rows = {}
    for place in townships:
        for (channel, category), (mean, peak, strength) in CHANNELS.items():
            expected = _seasonal(mean, peak, strength, iso_weeks)
            if channel == "school":  # no school on weekends
                expected = np.where(weekday >= 5, 0.0, expected)
            # the marker is a flag (is_synthetic), not part of the name: the page says the data is the demo's
            # in its own language (issue 12: no Chinese chrome on English pages)
            site = f"{place.name}{_site(channel)}"
            for day, n in zip(days, rng.poisson(expected), strict=True):
                rows[(channel, category, place.pk, site, day)] = int(n)
    return rows


def _site(channel: str) -> str:
    return {
        "fever_clinic": "卫生院发热诊室",
        "diarrhoea_clinic": "卫生院肠道门诊",
        "pharmacy": "连锁药店",
        "school": "中心小学",
        "lab": "检测点",
    }[channel]


def _plant(rng, counties, townships, cases, counts) -> None:
    """The outbreaks the demo's detection should find."""
    by_code = {c.code: c for c in counties}
    serial = 90_000_000
    miyi = _townships(by_code["510421000000"])
    for k in range(14):  # HFMD cluster in a 米易 township, onsets 10-05..10-09
        serial += 1
        cases.append(
            _case(rng, serial, "hfmd", dt.date(2025, 10, 5) + dt.timedelta(days=k % 5), miyi[1], delay=1)
        )
    serial += 1
    yanbian = _townships(by_code["510422000000"])
    cases.append(_case(rng, serial, "cholera", dt.date(2025, 10, 13), yanbian[0], delay=1))
    index = {
        (channel, category, place, day): key for key in counts for channel, category, place, _s, day in [key]
    }
    respiratory, enteric = townships[0], townships[1]
    for (channel, category), day, extra in (
        (("fever_clinic", "visits"), dt.date(2025, 10, 12), 40),
        (("pharmacy", "antipyretic"), dt.date(2025, 10, 13), 60),
        (("school", "fever"), dt.date(2025, 10, 14), 25),
    ):
        counts[index[(channel, category, respiratory.pk, day)]] += extra
    # a pharmacy that stopped reporting ten days before the demo's today: a quiet source
    silent = townships[-1].pk
    for key in [
        k
        for k in counts
        if k[0] == "pharmacy" and k[2] == silent and k[4] > DEMO_TODAY - dt.timedelta(days=10)
    ]:
        del counts[key]
    for (channel, category), day, extra in (
        (("diarrhoea_clinic", "visits"), dt.date(2025, 10, 8), 25),
        (("school", "diarrhoea"), dt.date(2025, 10, 9), 20),
        (("lab", "norovirus"), dt.date(2025, 10, 10), 9),
    ):
        counts[index[(channel, category, enteric.pk, day)]] += extra


def _follow_up(rng) -> None:
    """The CDCs verify their signals as a working CDC does (CIDARS 2016: 99 % responded, 92 % within
    24 h, fixed-threshold median 0.7 h): each signal raised the morning after its period, verified
    within its deadline most of the time, a few late, and about one in forty of the due ones still
    pending (overdue); those whose deadline has not come yet are pending. The 攀枝花 CDC analyst
    (`cdc`) moves its own signals through the actions; the other regions' duty analysts have no
    account in the demo, so their steps are written as history under their CDC's name."""
    cdc = User.objects.filter(username="cdc").first()
    today = detection.now()
    own = set(Signal.objects.visible_to(cdc).values_list("pk", flat=True)) if cdc is not None else set()
    signals = Signal.objects.filter(is_synthetic=True).select_related("division")
    for signal in signals.order_by("period_start", "id"):
        end = signal.period_start + dt.timedelta(days=6 if signal.resolution == "week" else 0)
        raised = today.replace(year=end.year, month=end.month, day=end.day, hour=8, minute=0) + dt.timedelta(
            days=1
        )
        if raised > today:
            raised = today - dt.timedelta(hours=1)
        hours = 2 if signal.method == "fixed-threshold" else 24
        signal.raised_at, signal.verify_by = raised, raised + dt.timedelta(hours=hours)
        Signal.objects.filter(pk=signal.pk).update(raised_at=signal.raised_at, verify_by=signal.verify_by)
        late = rng.random() < 0.06
        taken = hours * (1.0 + rng.random()) if late else float(rng.gamma(2.0, hours / 8))
        at = raised + dt.timedelta(hours=taken)
        if at > today or rng.random() < 0.025:
            continue  # not verified yet: pending (overdue once its deadline has passed)
        status = SignalStatus.MONITORED if rng.random() < 0.4 else SignalStatus.DISCARDED
        note = "核实：与往年同期相近" if status == "discarded" else ""
        if signal.pk in own:
            actions.move(signal, status, cdc, note=note, at=at)
        else:
            _step(signal, status, note, at)


def _step(signal: Signal, status: str, note: str, at: dt.datetime) -> None:
    county = signal.division if signal.division.level == Level.COUNTY else signal.division.parent
    SignalStep.objects.create(
        signal=signal,
        from_status=signal.status,
        to_status=status,
        at=at,
        username=f"{county.name}疾控中心值班"[:150],
        note=note,
    )
    Signal.objects.filter(pk=signal.pk).update(status=status, verified_at=at)


def _insert(model, columns, rows) -> None:
    """Plain parameterised INSERTs (SQLite and PostgreSQL alike): 50,000 synthetic rows in a second,
    where building model instances took ten."""
    sql = f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
    rows = [tuple(v.isoformat() if isinstance(v, dt.date) else v for v in row) for row in rows]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 5000):
            cursor.executemany(sql, rows[start : start + 5000])


@transaction.atomic
def write() -> dict:
    started = time.perf_counter()
    defaults.load()
    rng = np.random.default_rng(SEED)
    counties = _counties()
    cases = _cases(rng, counties)
    panzhihua = [
        c for c in counties if c.path.startswith(Division.objects.at("510400000000", DEMO_TODAY.year).path)
    ]
    watched = [_townships(c)[0] for c in panzhihua[:2] if _townships(c)]
    watched += [_townships(c)[1] for c in panzhihua[2:4] if len(_townships(c)) > 1]
    counts = _channels(rng, watched)
    _plant(rng, counties, watched, cases, counts)
    _insert(CaseReport, CASE_COLUMNS, cases)
    _insert(
        ChannelCount,
        ("channel", "category", "division_id", "site", "date", "count", "is_synthetic"),
        [(*key, n, True) for key, n in counts.items()],
    )
    results = detection.scan(
        DEMO_TODAY - dt.timedelta(weeks=8), DEMO_TODAY, sources={"cases"}, synthetic=True
    )
    channels = {c for c, _category in CHANNELS}
    results.update(
        detection.scan(DEMO_TODAY - dt.timedelta(days=14), DEMO_TODAY, sources=channels, synthetic=True)
    )
    _follow_up(rng)
    return {
        "case_reports": len(cases),
        "channel_counts": len(counts),
        "signals": sum(len(r.created) for r in results.values()),
        "surveillance_seconds": round(time.perf_counter() - started, 1),
    }

"""Reporting delays over the stored data: the nowcast of a case series' last periods (`engine/nowcast.py`:
R's bayes.trunc by default, bayes.notrunc or Lawless's reverse-time hazard on request) and the sources that went quiet (an institution that reports cases, a
channel's reporting unit) — silent for longer than their usual interval between reports."""

import datetime as dt
from collections import defaultdict

import numpy as np
from django.utils.translation import gettext as _

from tixi.geo.models import display_name_of as place_name
from tixi.registry.models import display_name_of as institution_name
from tixi.surveillance.engine.nowcast import METHODS, NowcastError
from tixi.surveillance.engine.nowcast import run as run_nowcast
from tixi.surveillance.models import CaseReport, Channel, ChannelCount, Resolution
from tixi.surveillance.refusals import translated
from tixi.surveillance.series import _period_index, period_start

# per resolution: the longest delay modelled (D) and the complete periods the hazard is estimated from (m)
DELAY_WINDOW = {Resolution.DAY: (14, 56), Resolution.WEEK: (4, 26), Resolution.MONTH: (2, 12)}
NOWCAST_METHODS = METHODS
DEFAULT_NOWCAST = "bayes.trunc"  # Höhle & an der Heiden 2014: respects the reporting triangle's truncation


def prior_of(observed: np.ndarray, T: int, D: int, m: int) -> tuple[float, float]:
    """The Bayes methods' Poisson-gamma prior of N(t, ∞): its mean is the mean count of the complete
    periods of the window (at least 0.5 a period), its variance mean + mean² (NB size 1: a wide prior, the
    reported cases and the delays decide)."""
    complete = observed[max(0, T - m) : max(0, T - D)]
    mean = max(float(complete.mean()) if complete.size else 0.0, 0.5)
    return mean, mean + mean * mean


def nowcast_cases(
    cases, resolution: str, now: dt.date, first: dt.date, method: str = DEFAULT_NOWCAST
) -> dict | None:
    """The onset series of `cases` (a CaseReport queryset) from the period of `first` to the period of
    `now`, with the nowcast of its last D + 1 periods as of `now` (reports up to the end of `now`'s
    period). {"starts", "observed", "median", "lower", "upper"} (None outside the nowcast); None when
    there are no cases, {"refused": the engine's reason, translated} when the nowcast cannot be made. `method`: one of NOWCAST_METHODS."""
    D, m = DELAY_WINDOW[resolution]
    end = period_start(now, resolution)
    rows = np.array(
        list(cases.filter(onset_date__lte=now).values_list("onset_date", "report_date")),
        dtype="datetime64[D]",
    )
    if not rows.size:
        return None
    origin = min(period_start(first, resolution), period_start(rows[:, 0].min().astype(dt.date), resolution))
    onset = _period_index(rows[:, 0], origin, resolution)
    report = _period_index(rows[:, 1], origin, resolution)
    T = int(_period_index(np.array([end], dtype="datetime64[D]"), origin, resolution)[0])
    m = min(m, T)
    options = {"D": D, "m": m}
    if method != "lawless":
        seen = report <= T
        reported = np.bincount(onset[seen], minlength=T + 1)[: T + 1]
        mean, variance = prior_of(reported, T, D, m)
        # room for the largest nowcast: N.tInf.max well above the reported counts
        options |= {
            "prior_mean": mean,
            "prior_variance": variance,
            "n_max": max(300, 10 * int(reported.max()) + 50),
        }
    try:
        result = run_nowcast(method, onset, report, T, **options)
    except NowcastError as error:  # the page says why there is no nowcast
        return {"refused": translated(error)}
    skip = int(
        _period_index(np.array([period_start(first, resolution)], dtype="datetime64[D]"), origin, resolution)[
            0
        ]
    )
    inside = np.arange(T + 1) >= T - D

    def cut(values):
        return [float(v) if shown else None for v, shown in zip(values[skip:], inside[skip:], strict=True)]

    return {
        "observed": [int(v) for v in result.observed[skip:]],
        "median": cut(result.median),
        "lower": cut(result.lower),
        "upper": cut(result.upper),
        "delay": D,
        "periods": m,
        "method": method,
    }


def _usual_gap(days: list[dt.date]) -> float | None:
    """The 95th percentile of the gaps (days) between consecutive report days; None with fewer than 8."""
    if len(days) < 8:
        return None
    gaps = np.diff(np.array(sorted(days), dtype="datetime64[D]")).astype(np.int64)
    return float(np.percentile(gaps, 95))


def quiet_sources(user, today: dt.date, history_days: int = 365) -> list[dict]:
    """Institutions that report cases and channel reporting units whose silence since their last report
    is longer than their usual interval (P95 of their gaps over the past year, at least 2 days): a source
    that stops reporting would otherwise look like a quiet week."""
    since = today - dt.timedelta(days=history_days)
    found = []
    by_institution: dict[int, set] = defaultdict(set)
    names, places = {}, {}
    reports = (
        CaseReport.objects.visible_to(user)
        .filter(report_date__gte=since, report_date__lte=today, institution__isnull=False)
        .values_list("institution_id", "institution__name", "division__name", "report_date")
    )
    for institution, name, place, day in reports:
        by_institution[institution].add(day)
        names[institution], places[institution] = institution_name(name), place_name(place)
    for institution, days in by_institution.items():
        found += _if_quiet(_("case reports"), names[institution], places[institution], days, today)
    by_site: dict[tuple, set] = defaultdict(set)
    counts = (
        ChannelCount.objects.visible_to(user)
        .filter(date__gte=since, date__lte=today)
        .values_list("channel", "site", "division__name", "date")
    )
    for channel, site, place, day in counts:
        by_site[(channel, site, place_name(place))].add(day)
    for (channel, site, place), days in by_site.items():
        found += _if_quiet(str(Channel(channel).label), site, place, days, today)
    return sorted(found, key=lambda row: (-row["silent_days"] / row["usual_days"], row["source"]))


def _if_quiet(channel: str, source: str, place: str, days: set, today: dt.date) -> list[dict]:
    usual = _usual_gap(list(days))
    if usual is None:
        return []
    usual = max(usual, 2.0)
    last = max(days)
    silent = (today - last).days
    if silent <= usual:
        return []
    return [
        {
            "channel": channel,
            "source": source,
            "place": place,
            "last": last,
            "silent_days": silent,
            "usual_days": usual,
        }
    ]

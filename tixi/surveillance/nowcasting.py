"""`tixi surveillance nowcast`: the nowcast of a line list's last periods (`engine/nowcast.py`), R's
`nowcast()` methods by name: bayes.trunc (default), bayes.notrunc, lawless.

Input: a CSV with the header `onset,report` (ISO dates, one row per case; other columns are ignored).
Output: one row per period of the last D + 1 up to `--now`: period, reported (onsets reported by now),
median, lower, upper (the 1 − alpha prediction interval)."""

import csv
import datetime as dt
import io
import json
from pathlib import Path

import numpy as np
from django.utils.translation import gettext_noop

from tixi.core.exports import Column, Table, csv_bytes
from tixi.surveillance.delays import DEFAULT_NOWCAST, NOWCAST_METHODS, prior_of
from tixi.surveillance.detect import DetectInputError, decode, refuse
from tixi.surveillance.engine.nowcast import NowcastError
from tixi.surveillance.engine.nowcast import run as run_nowcast
from tixi.surveillance.refusals import translated
from tixi.surveillance.series import _period_index, period_label, period_start


def add_arguments(parser) -> None:
    parser.add_argument("--method", default=DEFAULT_NOWCAST, help=f"one of: {', '.join(NOWCAST_METHODS)}")
    parser.add_argument("--input", required=True, help="CASES.csv with the header onset,report (ISO dates)")
    parser.add_argument("--now", required=True, help="the date the nowcast is made on (reports up to it)")
    parser.add_argument(
        "--period", default="day", choices=["day", "week"], help="aggregate by day or ISO week"
    )
    parser.add_argument("--D", dest="D", type=int, default=15, help="longest delay modelled (R's D, 15)")
    parser.add_argument("--m", dest="m", type=int, help="periods the delays are estimated from (R's m)")
    parser.add_argument("--alpha", type=float, default=0.05, help="1 − the interval's level (0.05)")
    parser.add_argument("--prior-mean", type=float, help="Bayes: mean cases a period (mean.lambda)")
    parser.add_argument("--prior-variance", type=float, help="Bayes: its variance (var.lambda)")
    parser.add_argument("--samples", type=int, default=1000, help="Bayes: draws of the delays (nSamples)")
    parser.add_argument("--seed", type=int, default=0, help="Bayes: the draws' random seed")
    parser.add_argument("--format", choices=["csv", "json"], default="csv")
    parser.add_argument("--out", help="write here (all or nothing) instead of the standard output")


def read_line_list(path: str | Path) -> tuple[np.ndarray, np.ndarray]:
    try:
        raw = Path(path).read_bytes()
    except OSError:
        raise refuse(gettext_noop("Cannot read %(path)s."), path=str(path)) from None
    rows = list(csv.reader(io.StringIO(decode(raw))))
    header = [h.strip().lower() for h in rows[0]] if rows else []
    if "onset" not in header or "report" not in header:
        raise refuse(gettext_noop("The header must name the columns onset and report."))
    at_onset, at_report = header.index("onset"), header.index("report")
    onsets, reports = [], []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        dates = []
        for field, at in (("onset", at_onset), ("report", at_report)):
            text = row[at].strip() if at < len(row) else ""
            try:
                dates.append(dt.date.fromisoformat(text))
            except ValueError:
                raise refuse(
                    gettext_noop("Row %(row)s: %(field)s %(value)s is not a date (YYYY-MM-DD)."),
                    row=number,
                    field=field,
                    value=repr(text),
                ) from None
        if dates[1] < dates[0]:
            raise refuse(gettext_noop("Row %(row)s: the report date is before the onset date."), row=number)
        onsets.append(dates[0])
        reports.append(dates[1])
    if not onsets:
        raise refuse(gettext_noop("The file has no cases."))
    return np.array(onsets, dtype="datetime64[D]"), np.array(reports, dtype="datetime64[D]")


def nowcast_file(options: dict) -> dict:
    method = options["method"]
    if method not in NOWCAST_METHODS:
        raise refuse(
            gettext_noop("Unknown nowcast method %(method)s; methods are %(known)s."),
            method=method,
            known=", ".join(NOWCAST_METHODS),
        )
    try:
        now = dt.date.fromisoformat(options["now"])
    except ValueError:
        raise refuse(
            gettext_noop("--now %(value)s is not a date (YYYY-MM-DD)."), value=options["now"]
        ) from None
    onset_days, report_days = read_line_list(options["input"])
    resolution = options["period"]
    origin = period_start(onset_days.min().astype(dt.date), resolution)
    onset = _period_index(onset_days, origin, resolution)
    report = _period_index(report_days, origin, resolution)
    T = int(_period_index(np.array([now], dtype="datetime64[D]"), origin, resolution)[0])
    D, m = options["D"], options["m"]
    settings = {"D": D, "m": m, "alpha": options["alpha"]}
    if T < 0:
        raise refuse(
            gettext_noop("--now %(now)s is before the first onset in the file (%(first)s)."),
            now=now.isoformat(),
            first=str(onset_days.min()),
        )
    if method != "lawless":
        seen = report <= T
        reported = np.bincount(onset[seen & (onset <= T)], minlength=T + 1)[: T + 1]
        # room for the largest nowcast (R's N.tInf.max), as on the signal page
        settings["n_max"] = max(300, 10 * int(reported.max()) + 50)
        if options["prior_mean"] is None:
            mean, variance = prior_of(reported, T, D, T if m is None else m)
        else:
            mean = options["prior_mean"]
            variance = (
                options["prior_variance"] if options["prior_variance"] is not None else mean + mean * mean
            )
        settings |= {
            "prior_mean": mean,
            "prior_variance": variance,
            "n_samples": options["samples"],
            "seed": options["seed"],
        }
    try:
        result = run_nowcast(method, onset[onset <= T], report[onset <= T], T, **settings)
    except NowcastError as error:
        raise DetectInputError(translated(error)) from None
    start = np.datetime64(origin, "D")
    step = 7 if resolution == "week" else 1
    periods = range(max(0, T - D), T + 1)
    rows = [
        {
            "period": period_label((start + np.timedelta64(t * step, "D")).astype(dt.date), resolution),
            "reported": int(result.observed[t]),
            "median": float(result.median[t]),
            "lower": float(result.lower[t]),
            "upper": float(result.upper[t]),
        }
        for t in periods
    ]
    shown = {k: v for k, v in settings.items() if k not in ("seed", "n_max")}
    return {"method": method, "now": now.isoformat(), "period": resolution, "settings": shown, "rows": rows}


def render(result: dict, format: str) -> str:
    if format == "json":
        return json.dumps(result, ensure_ascii=False, indent=1) + "\n"
    columns = ["period", "reported", "median", "lower", "upper"]
    table = Table("nowcast", [Column(c) for c in columns])
    for row in result["rows"]:
        table.add(*[_plain(row[c]) for c in columns])
    return csv_bytes([table], byte_order_mark=False).decode("utf-8")


def _plain(value):
    return int(value) if isinstance(value, float) and value.is_integer() else value

"""The nowcast of reporting delays (Lawless 1994, reverse-time discrete hazard) against R `surveillance`
1.20.3 `nowcast(method = "lawless")` on generated line lists, by day and by ISO week: the same medians
and 95 % limits (whole numbers, equal), the reported share Ŵ (R's delayCDF) within 1e-12 relative."""

import subprocess
import tempfile
from pathlib import Path

import numpy as np
import pytest

from tests.surveillance.rsurveillance import skip_without_r
from tixi.surveillance.engine import nowcast

skip_without_r()

R_NOWCAST = r"""
suppressPackageStartupMessages(library(surveillance))
args <- commandArgs(TRUE)
d <- read.csv(args[1])
origin <- as.Date("2024-01-01")  # a Monday
df <- data.frame(onset = origin + d$onset * %(step)d, report = origin + d$report * %(step)d)
now <- origin + %(now)d * %(step)d
when <- origin + (%(first)d:%(now)d) * %(step)d
nc <- suppressWarnings(capture.output(r <- nowcast(now = now, when = when, data = df, dEventCol = "onset",
  dReportCol = "report", method = "lawless", aggregate.by = "%(by)s", D = %(D)d, m = %(m)s)))
i <- which(as.Date(rownames(r@pi)) %%in%% when)
out <- data.frame(median = upperbound(r)[i], lower = r@pi[i, 1, 1], upper = r@pi[i, 1, 2])
write.csv(out, args[2], row.names = FALSE)
writeLines(sprintf("%%.17g", r@delayCDF$lawless), args[3])
"""


def line_list(seed, periods, per_period, p_report):
    rng = np.random.default_rng(seed)
    counts = rng.poisson(per_period * (1 + 0.5 * np.sin(np.arange(periods) / 9)))
    counts[0] = max(counts[0], 1)  # R's time origin is the first onset
    onset = np.repeat(np.arange(periods), counts)
    report = onset + rng.geometric(p_report, onset.size) - 1
    return onset, report


def run_r(onset, report, now, D, m, by):
    with tempfile.TemporaryDirectory(prefix="tixi-r-") as folder:
        out = Path(folder)
        np.savetxt(
            out / "cases.csv",
            np.c_[onset, report],
            delimiter=",",
            fmt="%d",
            header="onset,report",
            comments="",
        )
        step = 7 if by == "1 week" else 1
        script = R_NOWCAST % {
            "step": step,
            "now": now,
            "first": now - D,
            "by": by,
            "D": D,
            "m": "NULL" if m is None else m,
        }
        (out / "run.R").write_text(script)
        done = subprocess.run(
            [
                "Rscript",
                str(out / "run.R"),
                str(out / "cases.csv"),
                str(out / "out.csv"),
                str(out / "cdf.txt"),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode:
            raise RuntimeError(done.stderr)
        table = np.genfromtxt(out / "out.csv", delimiter=",", names=True)
        cdf = np.loadtxt(out / "cdf.txt")
    return table, cdf


@pytest.mark.parametrize(
    ("seed", "periods", "per_period", "p_report", "now", "D", "m", "by"),
    [
        (1, 120, 6, 0.35, 110, 10, None, "1 day"),
        (2, 120, 6, 0.35, 110, 10, 30, "1 day"),
        (3, 90, 2, 0.2, 89, 15, 40, "1 day"),
        (4, 80, 25, 0.6, 75, 4, 20, "1 week"),
        (5, 60, 3, 0.5, 59, 5, 3, "1 day"),  # m < D: R's window runs backwards for long delays
    ],
)
def test_lawless_nowcast_matches_r(seed, periods, per_period, p_report, now, D, m, by):
    onset, report = line_list(seed, periods, per_period, p_report)
    ours = nowcast.lawless(onset, report, now, D=D, m=m)
    table, cdf = run_r(onset, report, now, D, m, by)
    window = slice(now - D, now + 1)
    assert ours.median[window].tolist() == table["median"].tolist()
    assert ours.lower[window].tolist() == table["lower"].tolist()
    assert ours.upper[window].tolist() == table["upper"].tolist()
    np.testing.assert_allclose(ours.delay_cdf, cdf, rtol=1e-12)
    # the nowcast lifts the incomplete last periods above what has been reported
    assert (ours.median[window] >= ours.observed[window]).all()
    assert ours.median[window].sum() > ours.observed[window].sum()


def test_bad_line_lists_are_refused():
    with pytest.raises(nowcast.NowcastError, match="before its onset"):
        nowcast.lawless([3], [2], 10, D=2)
    with pytest.raises(nowcast.NowcastError, match="longer than"):
        nowcast.lawless([0, 1], [1, 2], 3, D=5)

"""The Bayesian nowcasts (Höhle & an der Heiden 2014) against R `surveillance` 1.20.3
`nowcast(method = "bayes.trunc" | "bayes.notrunc")` on generated line lists, by day and by ISO week.

R draws the delay distribution with its own random numbers, so two comparisons:
- the same draws: R's `rgd` is replaced (in the test's R session only) by one returning our draws. Then the
  generalized Dirichlet posterior (α*, β*) is equal, the predictive PMFs agree within 1e-12 (absolute),
  the delay CDF within 1e-12, and the median and 95 % limits are equal whole numbers. R's prior size
  comes from uniroot (±1e-4); ours is exact (mean² / (var − mean)) and R's is within 1e-3 relative.
- R's own draws (nSamples 4,000 each side): medians and limits within 1 case of R's (Monte Carlo noise)."""

import subprocess
import tempfile
from pathlib import Path

import numpy as np
import pytest

from tests.surveillance.rsurveillance import skip_without_r
from tests.surveillance.test_nowcast_parity import line_list
from tixi.surveillance.engine import nowcast

skip_without_r()

R_BAYES = r"""
suppressPackageStartupMessages(library(surveillance))
args <- commandArgs(TRUE)
d <- read.csv(args[1])
seen <- new.env()
if (file.exists(args[2])) {
  draws <- as.matrix(read.csv(args[2], header = FALSE))
  assignInNamespace("rgd", function(n, alpha, beta) {
    seen$alpha <- alpha; seen$beta <- beta; seen$size <- get("size.prior", envir = parent.frame())
    stopifnot(n == nrow(draws))
    draws
  }, "surveillance")
  samples <- nrow(draws)
} else {
  set.seed(1); samples <- %(samples)d
}
origin <- as.Date("2024-01-01")  # a Monday
df <- data.frame(onset = origin + d$onset * %(step)d, report = origin + d$report * %(step)d)
now <- origin + %(now)d * %(step)d
when <- origin + (%(first)d:%(now)d) * %(step)d
ctl <- list(N.tInf.prior = structure("poisgamma", mean.lambda = %(mean)s, var.lambda = %(var)s),
  nSamples = samples, predPMF = TRUE, N.tInf.max = %(n_max)d)
nc <- suppressWarnings(capture.output(r <- nowcast(now = now, when = when, data = df, dEventCol = "onset",
  dReportCol = "report", method = "%(method)s", aggregate.by = "%(by)s", D = %(D)d, m = %(m)s,
  control = ctl)))
i <- which(as.Date(rownames(r@pi)) %%in%% when)
out <- data.frame(median = upperbound(r)[i], lower = r@pi[i, 1, 1], upper = r@pi[i, 1, 2])
write.csv(out, args[3], row.names = FALSE)
pmf <- sapply(as.character(when), function(w) r@predPMF[[w]][["%(method)s"]])
write.table(pmf, args[4], sep = ",", row.names = FALSE, col.names = FALSE)
writeLines(sprintf("%%.17g", c(seen$size, seen$alpha, seen$beta)), args[5])
writeLines(sprintf("%%.17g", r@delayCDF[["%(method)s"]]), args[6])
"""


def run_r(onset, report, case, draws=None, samples=1000):
    now, D, m = case["now"], case["D"], case["m"]
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
        if draws is not None:
            np.savetxt(out / "draws.csv", draws, delimiter=",", fmt="%.17g")
        script = R_BAYES % {
            "samples": samples,
            "step": 7 if case["by"] == "1 week" else 1,
            "now": now,
            "first": now - D,
            "mean": case["mean"],
            "var": case["var"],
            "n_max": case["n_max"],
            "method": case["method"],
            "by": case["by"],
            "D": D,
            "m": "NULL" if m is None else m,
        }
        (out / "run.R").write_text(script)
        files = [
            out / name for name in ("cases.csv", "draws.csv", "out.csv", "pmf.csv", "seen.txt", "cdf.txt")
        ]
        done = subprocess.run(
            ["Rscript", str(out / "run.R"), *map(str, files)], capture_output=True, text=True, check=False
        )
        if done.returncode:
            raise RuntimeError(done.stderr)
        table = np.genfromtxt(out / "out.csv", delimiter=",", names=True)
        pmf = np.loadtxt(out / "pmf.csv", delimiter=",", ndmin=2)
        seen = np.loadtxt(out / "seen.txt", ndmin=1) if (out / "seen.txt").stat().st_size else None
        cdf = np.loadtxt(out / "cdf.txt", ndmin=1)
    return table, pmf, seen, cdf


CASES = [
    dict(
        seed=3,
        periods=90,
        per_period=4,
        p_report=0.3,
        now=85,
        D=10,
        m=40,
        by="1 day",
        mean=10,
        var=60,
        n_max=300,
    ),
    dict(
        seed=8,
        periods=70,
        per_period=3,
        p_report=0.45,
        now=69,
        D=7,
        m=None,
        by="1 day",
        mean=5,
        var=30,
        n_max=200,
    ),
    dict(
        seed=4,
        periods=80,
        per_period=25,
        p_report=0.6,
        now=75,
        D=4,
        m=20,
        by="1 week",
        mean=40,
        var=900,
        n_max=400,
    ),
    # m = D: the shortest window R accepts (with m < D it reads unobserved cells and stops)
    dict(
        seed=5,
        periods=60,
        per_period=3,
        p_report=0.5,
        now=59,
        D=5,
        m=5,
        by="1 day",
        mean=3,
        var=12,
        n_max=150,
    ),
]


@pytest.mark.parametrize("method", nowcast.BAYES_METHODS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: f"seed{c['seed']}-{c['by'].split()[1]}")
def test_bayes_nowcast_matches_r_on_the_same_draws(case, method):
    case = {**case, "method": method}
    onset, report = line_list(case["seed"], case["periods"], case["per_period"], case["p_report"])
    now, D, m = case["now"], case["D"], case["m"]
    _, n_x, N_x = nowcast._triangle(onset, report, now, D, now if m is None else m)
    alpha_star, beta_star = nowcast.delay_posterior(n_x, N_x, D, method)
    draws = nowcast.draw_generalized_dirichlet(
        np.random.default_rng(case["seed"]), 300, alpha_star, beta_star
    )
    table, pmf, seen, cdf = run_r(onset, report, case, draws=draws)
    r_size, r_alpha, r_beta = seen[0], seen[1 : 1 + D], seen[1 + D :]
    np.testing.assert_array_equal(alpha_star, r_alpha)
    np.testing.assert_array_equal(beta_star, r_beta)
    assert r_size == pytest.approx(nowcast.prior_size(case["mean"], case["var"]), rel=1e-3)
    ours = nowcast.bayes(
        onset,
        report,
        now,
        D=D,
        m=m,
        method=method,
        prior_mean=case["mean"],
        size=r_size,
        draws=draws,
        n_max=case["n_max"],
    )
    window = slice(now - D, now + 1)
    np.testing.assert_allclose(ours.pmf[:, window], pmf, rtol=0, atol=1e-12)
    np.testing.assert_allclose(ours.delay_cdf, cdf, rtol=0, atol=1e-12)
    assert ours.median[window].tolist() == table["median"].tolist()
    assert ours.lower[window].tolist() == table["lower"].tolist()
    assert ours.upper[window].tolist() == table["upper"].tolist()
    # the nowcast lifts the incomplete last periods above what has been reported
    assert (ours.median[window] >= ours.observed[window]).all()
    assert ours.median[window].sum() > ours.observed[window].sum()


@pytest.mark.parametrize("method", nowcast.BAYES_METHODS)
def test_bayes_nowcast_is_within_one_case_of_r_with_its_own_draws(method):
    case = {**CASES[0], "method": method}
    onset, report = line_list(case["seed"], case["periods"], case["per_period"], case["p_report"])
    table, _, _, _ = run_r(onset, report, case, samples=4000)
    ours = nowcast.bayes(
        onset,
        report,
        case["now"],
        D=case["D"],
        m=case["m"],
        method=method,
        prior_mean=case["mean"],
        prior_variance=case["var"],
        n_samples=4000,
    )
    window = slice(case["now"] - case["D"], case["now"] + 1)
    for key in ("median", "lower", "upper"):
        assert np.abs(getattr(ours, key)[window] - table[key]).max() <= 1, key


def test_trunc_and_notrunc_differ_where_the_triangle_is_truncated():
    """bayes.notrunc counts every case of the window as evidence against a long delay, bayes.trunc only the
    onset periods in which that delay could have been seen: with a short window notrunc expects fewer late
    cases, so its nowcast of the last period is lower."""
    onset, report = line_list(3, 90, 4, 0.3)
    common = dict(D=10, m=15, prior_mean=10, prior_variance=60, n_samples=2000)
    trunc = nowcast.bayes(onset, report, 85, method="bayes.trunc", **common)
    notrunc = nowcast.bayes(onset, report, 85, method="bayes.notrunc", **common)
    assert trunc.delay_cdf[0] < notrunc.delay_cdf[0]  # P(delay 0)
    assert trunc.median[-1] > notrunc.median[-1]


def test_bad_bayes_inputs_are_refused():
    onset, report = line_list(3, 90, 4, 0.3)
    with pytest.raises(nowcast.NowcastError, match="larger than its mean"):
        nowcast.bayes(onset, report, 85, D=10, prior_mean=10, prior_variance=5)
    with pytest.raises(nowcast.NowcastError, match="Unknown nowcast method"):
        nowcast.run("bayes.magic", onset, report, 85, D=10, prior_mean=10, prior_variance=50)
    with pytest.raises(nowcast.NowcastError, match="N.tInf.max"):
        nowcast.bayes(onset, report, 85, D=10, prior_mean=10, prior_variance=50, n_max=2)
    with pytest.raises(nowcast.NowcastError, match="m ≥ D"):
        nowcast.bayes(onset, report, 85, D=10, m=5, prior_mean=10, prior_variance=50)
    with pytest.raises(nowcast.NowcastError, match="D \\+ 1"):
        nowcast.bayes(onset, report, 85, D=10, prior_mean=10, prior_variance=50, draws=np.ones((5, 3)))

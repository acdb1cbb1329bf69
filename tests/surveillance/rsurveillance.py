"""Runs R `surveillance` (Debian's r-cran-surveillance 1.20.3) on series we generate, for parity tests.

Skipped where Rscript or the package is missing, except when TIXI_REQUIRE_R=1 (CI), where it fails."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import pytest

HARNESS = r"""
suppressPackageStartupMessages(library(surveillance))
args <- commandArgs(TRUE)
y <- as.matrix(read.csv(args[1], header = FALSE))
freq <- as.numeric(args[4])
run_one <- function(y) {
%s
}
fmt <- function(v) paste(sprintf("%%.17g", as.numeric(v)), collapse = ",")
out_alarm <- character(nrow(y)); out_upper <- character(nrow(y))
for (j in seq_len(nrow(y))) {
  r <- run_one(as.numeric(y[j, ]))
  out_alarm[j] <- fmt(as.integer(r$alarm)); out_upper[j] <- fmt(r$upperbound)
}
writeLines(out_alarm, args[2]); writeLines(out_upper, args[3])
"""


def r_available() -> bool:
    if shutil.which("Rscript") is None:
        return False
    done = subprocess.run(
        ["Rscript", "-e", "library(surveillance)"], capture_output=True, text=True, check=False
    )
    return done.returncode == 0


def skip_without_r():
    """Call at module level of a parity test file."""
    if r_available():
        return
    if os.environ.get("TIXI_REQUIRE_R"):
        raise RuntimeError(
            "TIXI_REQUIRE_R is set but Rscript with the surveillance package is missing "
            "(apt-get install r-base-core r-cran-surveillance)"
        )
    pytest.skip(
        "R surveillance is not installed (apt-get install r-base-core r-cran-surveillance); CI runs these",
        allow_module_level=True,
    )


def run_r(counts: np.ndarray, body: str, frequency: int = 52) -> tuple[np.ndarray, np.ndarray]:
    """`body` is the R code of `run_one(y)` for one series `y` (numeric vector, `freq` in scope); it returns
    list(alarm=, upperbound=) over the monitored periods. Returns (alarm with -1 for NA, upperbound with NaN)."""
    with tempfile.TemporaryDirectory(prefix="tixi-r-") as folder:
        out = Path(folder)
        np.savetxt(out / "counts.csv", counts, delimiter=",", fmt="%.17g")
        (out / "run.R").write_text(HARNESS % body)
        done = subprocess.run(
            [
                "Rscript",
                str(out / "run.R"),
                str(out / "counts.csv"),
                str(out / "alarm.csv"),
                str(out / "upper.csv"),
                str(frequency),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode:
            raise RuntimeError(f"R failed:\n{done.stdout}\n{done.stderr}")
        alarm = _read(out / "alarm.csv")
        upper = _read(out / "upper.csv")
    return np.where(np.isnan(alarm), -1, alarm).astype(int), upper


def _read(path: Path) -> np.ndarray:
    rows = [
        [float("nan") if cell == "NA" else float(cell) for cell in line.split(",")]
        for line in path.read_text().splitlines()
    ]
    return np.array(rows, dtype=np.float64)


def compare(ours, r_alarm: np.ndarray, r_upper: np.ndarray, *, rtol: float, atol: float = 0.0) -> dict:
    """Mismatch counts between our Detection and R's output (R's NA alarm counts as no alarm)."""
    theirs_alarm = r_alarm == 1
    ours_upper = np.asarray(ours.upperbound, dtype=np.float64)
    both_missing = np.isnan(ours_upper) & np.isnan(r_upper)
    close = np.isclose(ours_upper, r_upper, rtol=rtol, atol=atol) | both_missing
    return {
        "periods": int(theirs_alarm.size),
        "r_alarms": int(theirs_alarm.sum()),
        "alarm_mismatches": int((np.asarray(ours.alarm) != theirs_alarm).sum()),
        "upperbound_mismatches": int((~close).sum()),
        "max_abs_difference": float(np.nanmax(np.abs(ours_upper - r_upper), initial=0.0)),
    }

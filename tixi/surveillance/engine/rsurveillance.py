"""R `surveillance` as the reference: run algo.farrington / farringtonFlexible on the same counts.

Used by the parity tests (tests/surveillance) and `tixi bench surveillance`. Needs `Rscript` with
the `surveillance` package (Debian: r-base-core, r-cran-surveillance 1.20.3).
"""

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

R_FUNCTIONS = {"farrington": "algo.farrington", "farrington-flexible": "farringtonFlexible"}

SCRIPT = r"""
suppressMessages(library(surveillance))
args <- commandArgs(TRUE)
counts <- as.matrix(read.csv(args[1], header = FALSE))
population <- if (nzchar(args[2])) as.matrix(read.csv(args[2], header = FALSE)) else NULL
control <- eval(parse(text = args[3]))
frequency <- as.integer(args[4])
method <- args[5]
out <- args[6]
alarm <- upper <- matrix(NA_real_, nrow(counts), length(control$range))
started <- proc.time()[["elapsed"]]
for (s in seq_len(nrow(counts))) {
  observed <- counts[s, ]
  if (method == "algo.farrington") {
    disProg <- sts2disProg(sts(observed = observed, frequency = frequency))
    result <- suppressWarnings(algo.farrington(disProg, control = control))
    alarm[s, ] <- result$alarm[, 1]
    upper[s, ] <- result$upperbound[, 1]
  } else {
    series <- if (is.null(population)) sts(observed = observed, frequency = frequency)
              else sts(observed = observed, frequency = frequency, population = as.matrix(population[s, ]))
    result <- suppressWarnings(farringtonFlexible(series, control = control))
    alarm[s, ] <- alarms(result)[, 1]
    upper[s, ] <- upperbound(result)[, 1]
  }
}
seconds <- proc.time()[["elapsed"]] - started
write.table(alarm, paste0(out, ".alarm"), sep = ",", row.names = FALSE, col.names = FALSE)
write.table(format(upper, digits = 17), paste0(out, ".upper"), sep = ",", row.names = FALSE,
            col.names = FALSE, quote = FALSE)
writeLines(format(seconds, digits = 17), paste0(out, ".seconds"))
"""


@dataclass(frozen=True)
class RResult:
    alarm: np.ndarray  # float (n_series, n_monitored): 1, 0 or NaN (R's NA)
    upperbound: np.ndarray  # float, NaN for R's NA
    seconds: float  # R's time for the loop over series (without starting R)


def rscript() -> str | None:
    return shutil.which("Rscript")


def has_surveillance() -> bool:
    executable = rscript()
    if executable is None:
        return False
    completed = subprocess.run(
        [executable, "-e", "quit(status = !requireNamespace('surveillance', quietly = TRUE))"],
        capture_output=True,
    )
    return completed.returncode == 0


def r_literal(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, (bool, np.bool_)):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        return repr(float(value))
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, (tuple, list)):
        return "c(" + ", ".join(r_literal(v) for v in value) + ")"
    raise TypeError(f"no R literal for {value!r}")


def run_r(method: str, counts, first: int, last: int, control: dict, population=None) -> RResult:
    """R's alarms and upper bounds for `counts` (n_series, n_periods), one univariate sts per series."""
    control = dict(control)
    frequency = control.pop("frequency", 52)
    items = [f"range = {first}:{last}"] + [f"{name} = {r_literal(v)}" for name, v in control.items()]
    with tempfile.TemporaryDirectory(prefix="tixi-r-") as folder:
        folder = Path(folder)
        np.savetxt(folder / "counts.csv", np.asarray(counts), delimiter=",", fmt="%.17g")
        population_path = ""
        if population is not None:
            population_path = str(folder / "population.csv")
            np.savetxt(population_path, np.asarray(population), delimiter=",", fmt="%.17g")
        (folder / "run.R").write_text(SCRIPT)
        out = folder / "result"
        completed = subprocess.run(
            [
                rscript() or "Rscript",
                str(folder / "run.R"),
                str(folder / "counts.csv"),
                population_path,
                f"list({', '.join(items)})",
                str(frequency),
                R_FUNCTIONS[method],
                str(out),
            ],
            capture_output=True,
            text=True,
        )
        if completed.returncode:
            raise RuntimeError(f"R failed:\n{completed.stderr[-2000:]}")
        shape = (np.asarray(counts).shape[0], last - first + 1)
        alarm = _read_matrix(Path(f"{out}.alarm"), shape)
        upper = _read_matrix(Path(f"{out}.upper"), shape)
        seconds = float(Path(f"{out}.seconds").read_text())
    return RResult(alarm=alarm, upperbound=upper, seconds=seconds)


def _read_matrix(path: Path, shape) -> np.ndarray:
    rows = [
        [float("nan") if cell.strip() in {"NA", "NaN"} else float(cell) for cell in line.split(",")]
        for line in path.read_text().splitlines()
        if line.strip()
    ]
    return np.array(rows, dtype=float).reshape(shape)

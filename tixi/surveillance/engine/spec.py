"""What every detection method is: one function over many series at once, R's control names and defaults.

A method's `run(counts, first, last, **control)` takes
- `counts`: float64 array (n_series, n_periods), period 1 in column 0; NaN where a count is missing;
- `first`, `last`: the monitored range as R's `range` (1-based, inclusive, like `--range FIRST:LAST`);
- `control`: R's control list by R's names (`b`, `w`, `alpha`, `noPeriods`, `baseline`, ...), already
  parsed to Python values; a name the method does not know is refused by `check_control` before `run`;
and returns a `Detection` with one column per monitored period.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from tixi.surveillance.engine.errors import EngineError


class DetectionError(EngineError):
    """Bad input or control of a detection method (an English msgid and its parameters)."""


@dataclass(frozen=True)
class Detection:
    alarm: np.ndarray  # bool (n_series, n_monitored)
    upperbound: np.ndarray  # float64 (n_series, n_monitored); NaN where the method gives none
    expected: np.ndarray | None = None  # float64 (n_series, n_monitored) when the method has one


@dataclass(frozen=True)
class Method:
    name: str  # the CLI's name: "farrington-flexible", "ears-c3", ...
    run: Callable[..., Detection]
    defaults: dict[str, Any] = field(default_factory=dict)  # R's defaults by R's control names
    reference: str = ""  # what it reproduces, e.g. "R surveillance 1.20.3 earsC(method='C3')"

    def check_control(self, control: dict[str, Any]) -> dict[str, Any]:
        unknown = sorted(set(control) - set(self.defaults))
        if unknown:
            raise DetectionError(
                "Unknown option for %(method)s: %(options)s.", method=self.name, options=", ".join(unknown)
            )
        return {**self.defaults, **control}

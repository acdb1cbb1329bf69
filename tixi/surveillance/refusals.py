"""The surveillance engine's refusals in the user's language (Chinese by default).

The engine has no Django: it raises `EngineError`s carrying an English msgid and its parameters
(`engine/errors.py`). Every msgid it raises is listed below so that makemessages extracts it
(`tests/surveillance/test_refusals.py` checks the list against the engine's source); commands, pages
and imports translate with `translated`, naming the series when the engine says which one.
"""

from django.utils.translation import gettext, gettext_noop

from tixi.surveillance.engine.errors import EngineError

ENGINE_MESSAGES = [
    gettext_noop("%(method)s: option %(option)s must be true or false (given: %(value)s)."),
    gettext_noop("%(method)s: options b=0 and actY=false leave no reference values."),
    gettext_noop(
        "%(method)s: option %(option)s must be 52: algo.cdc only works for weekly data (given: %(value)s)."
    ),
    gettext_noop("%(method)s: trans=anscombeNegBin needs m as the mean before the range or a number."),
    gettext_noop("%(method)s: option %(option)s must be a number or glm (given: %(value)s)."),
    gettext_noop("%(method)s: m=glm needs every count before the monitored range."),
    gettext_noop("%(name)s must be a whole number >= %(minimum)s (given: %(value)s)."),
    gettext_noop("%(name)s must be a number between %(low)s and %(high)s (given: %(value)s)."),
    gettext_noop("%(name)s must be TRUE or FALSE (given: %(value)s)."),
    gettext_noop("The limit54 arguments are out of bounds: cases >= 0 and period > 0."),
    gettext_noop("The range %(first)s:%(last)s is empty: the first period comes after the last."),
    gettext_noop(
        "%(method)s with these options monitors from period %(minimum)s on (it needs the periods before as its baseline); the range starts at %(first)s."
    ),
    gettext_noop("The range ends at period %(last)s but the series have %(n)s periods."),
    gettext_noop("counts must be a matrix: one row per series, one column per period."),
    gettext_noop("Counts cannot be negative."),
    gettext_noop("powertrans is one of none, 1/2, 2/3 (given: %(value)s)."),
    gettext_noop("pastWeeksNotIncluded must be a whole number >= 0 (given: %(value)s)."),
    gettext_noop("thresholdMethod is one of delta, nbPlugin, muan (given: %(value)s)."),
    gettext_noop("limit54 is two whole numbers, cases and periods (e.g. 5,4)."),
    gettext_noop(
        "No reference period of period %(k)s is in the seasonal level of the current window; decrease pastWeeksNotIncluded."
    ),
    gettext_noop("populationOffset needs a population for every series and period."),
    gettext_noop("The population must be positive for every series and period."),
    gettext_noop(
        "The reference periods of period %(k)s reach before period 1; decrease b or w or start the range later."
    ),
    gettext_noop("noPeriods=%(p)s is too big for frequency %(frequency)s and w=%(w)s."),
    gettext_noop("%(method)s: estimating mu0 needs every count before the monitored range."),
    gettext_noop("%(method)s: option mu0.refit is not supported."),
    gettext_noop("Unknown option for %(method)s: %(options)s."),
    gettext_noop("%(method)s: option %(option)s must be -1 or at least Mtilde (given: %(value)s)."),
    gettext_noop("%(method)s: change=epi returns the statistic only (ret=value)."),
    gettext_noop("%(method)s: a series has no count at period %(period)s of the monitored range."),
    gettext_noop("%(method)s: option %(option)s must not be 1 (given: %(value)s)."),
    gettext_noop("%(method)s: option alpha is needed when mu0 is given."),
    gettext_noop("%(method)s: option mu0 must be positive numbers."),
    gettext_noop("%(method)s: option mu0 must have one value per monitored period."),
    gettext_noop("Unknown method %(name)s; the methods are: %(known)s."),
    gettext_noop("Unknown nowcast method %(method)s; methods are %(known)s."),
    gettext_noop("Onset and report periods must be given for every case."),
    gettext_noop("A report period is before its onset period."),
    gettext_noop("Onset periods are counted from 0, the first onset period."),
    gettext_noop("D must be at least 1 (given: %(D)s)."),
    gettext_noop("D = %(D)s is longer than the series before now (%(T)s periods): give a smaller D."),
    gettext_noop("m must be at least 1 (given: %(m)s)."),
    gettext_noop("The prior mean of the cases per period must be positive (given: %(value)s)."),
    gettext_noop(
        "The prior variance must be larger than its mean (a Poisson-gamma prior; given: mean %(mean)s, variance %(variance)s)."
    ),
    gettext_noop("kappa (gd.prior.kappa) must be positive (given: %(value)s)."),
    gettext_noop("The prior mean of the cases per period is needed (mean.lambda)."),
    gettext_noop("m = %(m)s is shorter than D = %(D)s: the Bayes methods need m ≥ D."),
    gettext_noop("A period has %(cases)s cases reported, more than N.tInf.max = %(n_max)s."),
    gettext_noop("The draws must be a matrix with D + 1 = %(columns)s columns."),
    gettext_noop(
        "No draw of the delay distribution allows the %(cases)s cases of period %(period)s reported so far."
    ),
    gettext_noop("The prior variance (var.lambda) or the NB size is needed."),
    gettext_noop("The prior mean and size must be positive."),
    gettext_noop("The range %(first)s:%(last)s is outside the %(n)s periods of the series."),
    gettext_noop("%(method)s: option %(option)s must be a number (given: %(value)s)."),
    gettext_noop("%(method)s: option %(option)s must be a whole number (given: %(value)s)."),
    gettext_noop("%(method)s: option %(option)s must be finite (given: %(value)s)."),
    gettext_noop("%(method)s: option %(option)s must be greater than %(bound)s (given: %(value)s)."),
    gettext_noop("%(method)s: option %(option)s must be at least %(bound)s (given: %(value)s)."),
    gettext_noop("%(method)s: option %(option)s must be at most %(bound)s (given: %(value)s)."),
    gettext_noop("%(method)s: option %(option)s must be one of %(choices)s (given: %(value)s)."),
    gettext_noop("%(method)s: option %(option)s must be below 1 (given: %(value)s)."),
]


def translated(error: EngineError, names: list[str] | None = None) -> str:
    """The refusal in the active language; `names` (the series in the order of the engine's counts
    matrix) puts the series the engine blamed in front."""
    message = gettext(error.msgid)
    if error.params:
        message = message % error.params
    if names is not None and error.series is not None and 0 <= error.series < len(names):
        message = gettext("Series %(series)s: %(problem)s") % {
            "series": names[error.series],
            "problem": message,
        }
    return message

"""`tixi surveillance evaluate`: each detection method on the Noufaily (2013) simulation, scored beside the
published anchors. The `surveillance` command's `evaluate` subparser calls `add_evaluate_arguments` and
`run_evaluate`; the design is documented in `tixi.surveillance.engine.evaluate`."""

import json
import math

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from tixi.surveillance.engine import evaluate as design
from tixi.surveillance.engine import multipoint
from tixi.surveillance.engine.methods import METHODS
from tixi.surveillance.engine.spec import DetectionError, Method

MAX_REPLICATES = 1000


def available_methods() -> dict[str, Method]:
    """The methods this command can score: every registered one but the fixed threshold (single cases)."""
    return {name: method for name, method in METHODS.items() if name != "fixed-threshold"}


def add_evaluate_arguments(parser) -> None:
    parser.add_argument(
        "--methods", help="comma-separated method names (default: all), e.g. ears-c1,ears-c3,cdc"
    )
    parser.add_argument(
        "--replicates",
        default="10",
        help="series per scenario (1-1000; the current outbreak's k cycles 1..10)",
    )
    parser.add_argument("--scenarios", help="scenario numbers 1-42, e.g. 1-14 or 3,7,40 (default: all 42)")
    parser.add_argument("--seed", default="2013", help="random seed of the simulation")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="METHOD.OPTION=VALUE",
        help="an R control option of one method, e.g. ears-c1.alpha=0.01 or glrnb.c.ARL=3 (repeatable)",
    )
    parser.add_argument("--format", default="table", choices=["table", "json"])
    parser.add_argument(
        "--multipoint",
        action="store_true",
        help="score the multi-point trigger: channels sharing an outbreak, channel 1 alone vs the compound "
        "alarm, precision at matched POD (one method with an alpha, default ears-c1)",
    )
    parser.add_argument("--channels", default="3", help="with --multipoint: channels per place (2-6)")
    parser.add_argument("--needed", default="2", help="with --multipoint: channels that must alarm")
    parser.add_argument("--window", default="1", help="with --multipoint: weeks the alarms may spread over")


def _whole(option: str, text: str, low: int, high: int) -> int:
    try:
        value = int(text)
    except (TypeError, ValueError):
        value = None
    if value is None or not low <= value <= high:
        raise CommandError(
            _("%(option)s must be a whole number from %(low)s to %(high)s (got %(value)s).")
            % {"option": option, "low": low, "high": high, "value": text}
        )
    return value


def _scenarios(text: str | None) -> list[int] | None:
    if not text:
        return None
    chosen = []
    for part in text.split(","):
        bounds = part.strip().split("-")
        try:
            numbers = [int(bound) for bound in bounds]
        except ValueError:
            numbers = []
        if len(numbers) not in (1, 2) or not all(1 <= n <= 42 for n in numbers) or numbers[0] > numbers[-1]:
            raise CommandError(
                _("--scenarios: %(part)s is not a scenario number 1-42 or a range such as 1-14.")
                % {"part": part.strip()}
            )
        chosen.extend(range(numbers[0], numbers[-1] + 1))
    return sorted(set(chosen))


def _value(text: str):
    lowered = text.strip().lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    if lowered in ("null", "none"):
        return None
    try:
        number = float(text)
    except ValueError:
        return text.strip()
    return int(number) if number.is_integer() and "." not in text and "e" not in lowered else number


def _controls(settings: list[str], methods: dict[str, Method]) -> dict[str, dict]:
    controls: dict[str, dict] = {}
    for setting in settings:
        target, equals, text = setting.partition("=")
        name, dot, option = target.partition(".")
        if not equals or not dot or not option or not text.strip():
            raise CommandError(_("--set: write METHOD.OPTION=VALUE (got %(value)s).") % {"value": setting})
        if name not in methods:
            raise CommandError(
                _("--set: no method %(method)s; methods are %(known)s.")
                % {"method": name, "known": ", ".join(methods)}
            )
        if option not in methods[name].defaults:
            raise CommandError(
                _("--set: %(method)s has no option %(option)s; its options are %(known)s.")
                % {"method": name, "option": option, "known": ", ".join(methods[name].defaults)}
            )
        controls.setdefault(name, {})[option] = _value(text)
    return controls


def run_multipoint(options: dict, stdout) -> list[dict]:
    """Channel 1 alone against the compound alarm of `needed` of `channels`, at matched POD."""
    known = available_methods()
    name = (options.get("methods") or "ears-c1").strip()
    # methods whose alpha sets the threshold (cusum's and glrnb's alpha is a dispersion)
    with_alpha = [n for n, m in known.items() if "alpha" in m.defaults and n not in ("cusum", "glrnb")]
    if name not in with_alpha:
        raise CommandError(
            _("--multipoint takes one method with an alpha option; methods are %(known)s.")
            % {"known": ", ".join(with_alpha)}
        )
    channels = _whole("--channels", options.get("channels", "3"), 2, 6)
    needed = _whole("--needed", options.get("needed", "2"), 2, channels)
    window = _whole("--window", options.get("window", "1"), 1, 8)
    replicates = _whole("--replicates", options.get("replicates", "10"), 1, MAX_REPLICATES)
    seed = _whole("--seed", options.get("seed", "2013"), 0, 2**32 - 1)
    controls = _controls(options.get("set") or [], known).get(name, {})
    simulation = multipoint.simulate(channels, replicates, seed, _scenarios(options.get("scenarios")))
    rows = multipoint.matched(multipoint.sweep(known[name], simulation, needed, window, controls))
    if options.get("format") == "json":
        stdout.write(
            json.dumps(
                {
                    "method": name,
                    "channels": channels,
                    "needed": needed,
                    "window_weeks": window,
                    "rows": rows,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return rows
    header = [
        _("POD %"),
        _("One-channel PPV %"),
        _("Compound PPV %"),
        _("One-channel FPR %"),
        _("Compound FPR %"),
    ]
    table = [
        [
            _number(row["pod"]),
            _number(row["single_ppv"]),
            _number(row["compound_ppv"]),
            _number(row["single_fpr"]),
            _number(row["compound_fpr"]),
        ]
        for row in rows
    ]
    widths = [max(_width(r[i]) for r in [header, *table]) for i in range(len(header))]
    lines = [
        _(
            "Multi-point trigger: %(places)s places × %(channels)s channels sharing one outbreak (Noufaily 2013 "
            "baselines); %(method)s over weeks 576-624 at %(alphas)s values of alpha; compound = %(needed)s of "
            "%(channels)s channels alarm within %(window)s week(s); PPV and FPR at matched POD."
        )
        % {
            "places": simulation.counts.shape[1],
            "channels": channels,
            "method": name,
            "alphas": len(multipoint.ALPHAS),
            "needed": needed,
            "window": window,
        }
    ]
    for row in [header, *table]:
        lines.append(
            "  ".join(cell + " " * (width - _width(cell)) for cell, width in zip(row, widths, strict=True))
        )
    stdout.write("\n".join(lines) + "\n")
    return rows


def run_evaluate(options: dict, stdout) -> list[design.Score]:
    if options.get("multipoint"):
        return run_multipoint(options, stdout)
    known = available_methods()
    if options.get("methods"):
        names = [name.strip() for name in options["methods"].split(",") if name.strip()]
        unknown = [name for name in names if name not in known]
        if unknown or not names:
            raise CommandError(
                _("--methods: no method %(method)s; methods are %(known)s.")
                % {"method": ", ".join(unknown) or "''", "known": ", ".join(known)}
            )
    else:
        names = list(known)
    replicates = _whole("--replicates", options.get("replicates", "10"), 1, MAX_REPLICATES)
    seed = _whole("--seed", options.get("seed", "2013"), 0, 2**32 - 1)
    chosen = _scenarios(options.get("scenarios"))
    controls = _controls(options.get("set") or [], known)
    simulation = design.simulate(replicates=replicates, seed=seed, chosen=chosen)
    scores = []
    for name in names:
        try:
            scores.extend(design.evaluate([known[name]], simulation, controls))
        except DetectionError as error:
            raise CommandError(
                _("%(method)s refused its options %(options)s (%(problem)s).")
                % {
                    "method": name,
                    "options": ", ".join(f"{key}={value}" for key, value in controls.get(name, {}).items())
                    or "-",
                    "problem": error,
                }
            ) from error
    if options.get("format") == "json":
        stdout.write(json.dumps(_as_json(scores, simulation), ensure_ascii=False, indent=2))
    else:
        stdout.write(_table(scores, simulation))
    return scores


def _as_json(scores, simulation) -> dict:
    def clean(value):
        return None if isinstance(value, float) and math.isnan(value) else value

    return {
        "design": "Noufaily 2013",
        "series": int(simulation.counts.shape[0]),
        "methods": [{key: clean(value) for key, value in vars(score).items()} for score in scores],
        "anchors": [
            dict(
                zip(
                    ("source", "fpr", "pod", "sensitivity", "specificity", "days_to_detection"),
                    anchor,
                    strict=True,
                )
            )
            for anchor in design.ANCHORS
        ],
    }


def _number(value) -> str:
    return "—" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.1f}"


def _table(scores, simulation) -> str:
    header = [
        _("method"),
        _("FPR %"),
        _("POD %"),
        _("POD week 1 %"),
        _("sensitivity %"),
        _("specificity %"),
        _("PPV %"),
        _("days to detection"),
        _("seconds"),
    ]
    rows = [
        [
            score.method,
            _number(score.fpr),
            _number(score.pod),
            _number(score.pod_first_week),
            _number(score.sensitivity),
            _number(score.specificity),
            _number(score.ppv),
            _number(score.days_to_detection),
            f"{score.seconds:.2f}",
        ]
        for score in scores
    ]
    anchor_names = {
        "CIDARS HFMD 2010-12": _("anchor: CIDARS HFMD 2010-12"),
        "Bédubourg & Le Strat 2017, best of 21": _("anchor: best of 21 methods (Bédubourg & Le Strat 2017)"),
    }
    for source, fpr, pod, sensitivity, specificity, days in design.ANCHORS:
        rows.append(
            [
                anchor_names[source],
                _number(fpr),
                _number(pod),
                "—",
                _number(sensitivity),
                _number(specificity),
                "—",
                _number(days),
                "",
            ]
        )
    widths = [max(_width(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        _("Noufaily 2013 design: %(series)s series (%(scenarios)s scenarios), weeks 576-624 monitored.")
        % {"series": simulation.counts.shape[0], "scenarios": len(set(simulation.scenario.tolist()))}
    ]
    for row in [header, *rows]:
        lines.append(
            "  ".join(cell + " " * (width - _width(cell)) for cell, width in zip(row, widths, strict=True))
        )
    return "\n".join(lines) + "\n"


def _width(text: str) -> int:
    # a Chinese character takes two columns in a terminal
    return sum(2 if ord(char) > 0x2E80 else 1 for char in text)

"""`tixi surveillance scan`: detection on demand over a date range, then the multi-point trigger.

The `surveillance` command (management/commands/surveillance.py) adds this as its `scan` verb:
`add_arguments(subparsers.add_parser("scan"))` and, for that verb, `run(options, stdout)`."""

import datetime as dt

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from tixi.core import clock
from tixi.surveillance.detection import scan
from tixi.surveillance.models import CASES, Channel


def add_arguments(parser) -> None:
    parser.add_argument("--from", dest="first", help="first day scanned, YYYY-MM-DD (default: 8 weeks ago)")
    parser.add_argument("--to", dest="last", help="last day scanned, YYYY-MM-DD (default: today)")
    parser.add_argument(
        "--source", action="append", choices=[CASES, *Channel.values], help="only these sources (repeatable)"
    )
    parser.add_argument("--code", action="append", help="only these diseases or categories (repeatable)")


def _day(text: str | None, name: str, default: dt.date) -> dt.date:
    if not text:
        return default
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(
            _("%(option)s: %(value)s is not a date YYYY-MM-DD.") % {"option": name, "value": text}
        ) from error


def run(options: dict, stdout) -> dict:
    last = _day(options.get("last"), "--to", clock.today())
    first = _day(options.get("first"), "--from", last - dt.timedelta(weeks=8))
    if first > last:
        raise CommandError(_("--from: the first day comes after the last (--to)."))
    results = scan(
        first,
        last,
        sources=set(options["source"]) if options.get("source") else None,
        codes=set(options["code"]) if options.get("code") else None,
    )
    stdout.write("source\tcodes\tmethod\tseries\talarms\tnew signals\tupdated\n")
    for plan, result in results.items():
        stdout.write(
            f"{plan.source}\t{','.join(plan.codes)}\t{plan.method}\t{result.series}\t{result.alarms}\t"
            f"{len(result.created)}\t{result.updated}\n"
        )
    return results

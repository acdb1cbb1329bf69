"""`tixi surveillance detect`: outbreak detection on a file of counts, one row per series and period."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tixi.surveillance import nowcasting, scan
from tixi.surveillance.detect import (
    DetectInputError,
    check_out,
    detect,
    known_methods,
    render,
    write_atomically,
)
from tixi.surveillance.evaluation import add_evaluate_arguments, run_evaluate


class Command(BaseCommand):
    help = (
        "Surveillance: `tixi surveillance detect --method METHOD --input SERIES.csv --range FIRST:LAST "
        "[--period day|week|month] [--b 5 --w 3 ...] --format csv|json [--out F]` (options by R's "
        "control names); `tixi surveillance nowcast --method bayes.trunc|bayes.notrunc|lawless "
        "--input CASES.csv --now DATE [--period day|week] [--D 15] [--m M] --format csv|json`."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        # The methods' options (R's control list) are many and per method: argparse keeps the
        # ones it does not know in `controls`, and `detect` checks them against the method.
        parser = super().create_parser(prog_name, subcommand, **kwargs)

        def parse_args(args=None, namespace=None):
            namespace, extra = parser.parse_known_args(args, namespace)
            namespace.controls = extra
            return namespace

        parser.parse_args = parse_args
        return parser

    def add_arguments(self, parser):
        verbs = parser.add_subparsers(dest="verb", required=True)
        # no abbreviations: R's `m` (cusum) and `M` (glrnb) would otherwise be taken for --method
        run = verbs.add_parser(
            "detect",
            help="alarms and upper bounds per series and monitored period, as R's surveillance package",
            allow_abbrev=False,
        )
        run.add_argument("--method", required=True, help=f"one of: {', '.join(known_methods())}")
        run.add_argument(
            "--input",
            required=True,
            help="SERIES.csv with the header series,period,count (or series,date|week|month,count)",
        )
        run.add_argument(
            "--period",
            help="the period a date column's days are counted by (default: day)",
        )
        run.add_argument(
            "--range",
            dest="range_text",
            help="FIRST:LAST monitored periods, numbers or as dated in the CSV (default: R's)",
        )
        run.add_argument("--format", choices=["csv", "json"], default="csv")
        run.add_argument("--out", help="write here (all or nothing) instead of the standard output")
        add_evaluate_arguments(
            verbs.add_parser(
                "evaluate",
                help="POD, false-positive rate, sensitivity, specificity per method (Noufaily 2013)",
            )
        )
        scan.add_arguments(
            verbs.add_parser("scan", help="detect on the stored data now and keep the signals")
        )
        nowcasting.add_arguments(
            verbs.add_parser(
                "nowcast",
                help="the last periods of a line list corrected for reporting delays, as R's nowcast()",
                allow_abbrev=False,
            )
        )

    def handle(self, *args, verb, controls=(), **options):
        if verb == "detect":
            return self.detect(options, list(controls))
        if controls:
            raise CommandError(_("Unexpected argument %(token)s.") % {"token": controls[0]})
        if verb == "evaluate":
            run_evaluate(options, self.stdout)  # prints its table; Django would print a returned value too
            return None
        if verb == "scan":
            return scan.run(options, self.stdout)
        if verb == "nowcast":
            return self.nowcast(options)
        return None

    def nowcast(self, options):
        try:
            out = check_out(options["out"])
            result = nowcasting.nowcast_file(options)
        except DetectInputError as error:
            raise CommandError(_("%(problem)s Nothing was written.") % {"problem": error}) from error
        text = nowcasting.render(result, options["format"])
        if out is None:
            self.stdout.write(text, ending="")
            return
        write_atomically(out, text)
        self.stderr.write(
            _("Nowcast (%(method)s) of %(periods)s periods written to %(out)s.")
            % {"method": result["method"], "periods": len(result["rows"]), "out": out}
        )

    def detect(self, options, controls):
        try:
            out = check_out(options["out"])
            result = detect(
                options["method"], options["input"], options["range_text"], controls, options["period"]
            )
        except DetectInputError as error:
            raise CommandError(_("%(problem)s Nothing was written.") % {"problem": error}) from error
        text = render(result, options["format"])
        if out is None:
            self.stdout.write(text, ending="")
            return
        write_atomically(out, text)
        self.stderr.write(
            _("%(series)s series x %(periods)s periods, %(alarms)s alarms, written to %(out)s.")
            % {
                "series": len(result.series.names),
                "periods": result.last - result.first + 1,
                "alarms": result.alarms,
                "out": out,
            }
        )

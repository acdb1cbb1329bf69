import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tixi.core.text import digits
from tixi.exchange import dhis2
from tixi.geo.cli import division_option


class Command(BaseCommand):
    help = "DHIS2 exchange: `tixi dhis2 export --division CODE --period YYYY --format json|csv|adx --out FILE`, `tixi dhis2 import FILE`."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        export = sub.add_parser("export")
        export.add_argument("--division", required=True)
        export.add_argument("--period", required=True)
        export.add_argument("--format", choices=["json", "csv", "adx"], default="json")
        export.add_argument("--out", required=True)
        load = sub.add_parser("import")
        load.add_argument("file")
        load.add_argument("--dry-run", action="store_true")

    def handle(self, *args, action, **options):
        if action == "export":
            period = options["period"]
            if not (digits(period) and len(period) == 4):
                raise CommandError(_("--period: give a year as YYYY (got %(value)r).") % {"value": period})
            division = division_option(options["division"], int(period))
            values = dhis2.collect(division, period)
            content = {"json": dhis2.to_json, "csv": dhis2.to_csv, "adx": dhis2.to_adx}[options["format"]](
                values
            )
            Path(options["out"]).write_bytes(content)
            self.stdout.write(f"wrote {len(values)} data values to {options['out']}")
            return
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("file: %(path)s does not exist.") % {"path": path})
        fmt = "csv" if path.suffix.lower() == ".csv" else "json"
        try:
            values = dhis2.parse(path.read_bytes(), fmt)
        except (ValueError, UnicodeDecodeError) as error:
            raise CommandError(
                _("file: not a readable dataValueSet (%(error)s).") % {"error": error}
            ) from error
        import importlib

        system = importlib.import_module("tixi.exchange.management.commands.import").SystemUser()
        summary = dhis2.import_values(values, system, options["dry_run"])
        self.stdout.write(json.dumps(summary, ensure_ascii=False, indent=1))
        if summary["status"] != "SUCCESS":
            raise CommandError(_("Nothing was imported."))

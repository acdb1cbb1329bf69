import json
import sys
from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from tixi.accounts.audit import acting_as
from tixi.core.exports import TableCommand
from tixi.hospitals import figures, importing, targets
from tixi.hospitals.engine import indicators as ind
from tixi.hospitals.models import ListKind


class Command(TableCommand):
    help = "Hospital performance: code lists, DRG weights, indicators from discharge records, plan figures."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        lists = sub.add_parser(
            "lists", help="procedure code lists (national level-4/level-3/MI/surgery lists)"
        )
        lists_sub = lists.add_subparsers(dest="lists_action", required=True)
        lists_import = lists_sub.add_parser("import", help="import a list version from a CSV (code,name)")
        lists_import.add_argument("--kind", required=True, choices=ListKind.values)
        lists_import.add_argument("--version", required=True)
        lists_import.add_argument(
            "--demo", action="store_true", help="label it as a demo list, not the national one"
        )
        lists_import.add_argument("file")
        mappings = sub.add_parser(
            "mappings",
            help="clinical → 医保 code mappings (ICD-10 国临版 2.0 → 医保版 2.0, applied before grouping)",
        )
        mappings_sub = mappings.add_subparsers(dest="mappings_action", required=True)
        mappings_import = mappings_sub.add_parser(
            "import", help="import a mapping version from a CSV (clinical_code,insurance_code)"
        )
        mappings_import.add_argument("--version", required=True)
        mappings_import.add_argument("--source", default="", help="where the mapping comes from")
        mappings_import.add_argument(
            "--demo", action="store_true", help="label it as a demo mapping, not an official one"
        )
        mappings_import.add_argument("file")
        weights = sub.add_parser("weights", help="DRG weight tables")
        weights_sub = weights.add_subparsers(dest="weights_action", required=True)
        weights_import = weights_sub.add_parser(
            "import", help="import a weight table from a CSV (drg,weight)"
        )
        weights_import.add_argument("--version", required=True)
        weights_import.add_argument("--demo", action="store_true")
        weights_import.add_argument(
            "--allow-missing",
            action="store_true",
            help="import a table that lacks DRGs of the stored stays (the payer's or the grouper's), listing them",
        )
        weights_import.add_argument("file")
        for name, text in (
            ("indicators", "the indicators of a division's hospitals for a year"),
            ("cases", "the stays behind a hospital's figures, with the reasons a stay is left out"),
            ("publish", "store the division's hospital figures as the data values plan targets read"),
        ):
            p = sub.add_parser(name, help=text)
            p.add_argument("--division", required=True)
            p.add_argument("--year", type=int, required=True)
            p.add_argument("--hospital")
            p.add_argument("--lists", help="the version of the code lists (default: the latest)")
            p.add_argument("--weights", help="the version of the DRG weight table (default: the latest)")
            p.add_argument(
                "--code-map", help="the version of the clinical → 医保 code mapping (default: the latest)"
            )
            p.add_argument(
                "--engine",
                choices=["duckdb", "spark"],
                default="duckdb",
                help="where the indicators are computed: DuckDB (embedded) or Spark (TIXI_SPARK_MASTER, default local)",
            )
            p.add_argument("--format", choices=["json", "table"], default="table")
            p.add_argument(
                "--by", default="hospital", help="hospital, or hospital,month / hospital,department"
            )
            p.add_argument("--limit", type=int, default=200)

    def handle(self, *args, action, **options):
        try:
            with acting_as("tixi hospitals"):
                getattr(self, f"do_{action}")(**options)
        except (importing.ListError, figures.FigureError) as error:
            raise CommandError(str(error)) from error

    def do_lists(self, kind, version, demo, file, **options):
        code_list = importing.import_code_list(kind, version, Path(file), is_demo=demo)
        self.stdout.write(f"imported {code_list} ({code_list.entries.count()} codes)")

    def do_weights(self, version, demo, file, allow_missing, **options):
        table, missing = importing.import_weights(
            version, Path(file), is_demo=demo, allow_missing=allow_missing
        )
        self.stdout.write(f"imported weight table {table.version} ({table.weights.count()} DRGs)")
        if missing:  # --allow-missing: listed, never silent
            self.stderr.write(missing.text(limit=200))

    def do_mappings(self, version, source, demo, file, **options):
        code_map = importing.import_code_map(version, Path(file), is_demo=demo, source=source)
        self.stdout.write(f"imported code mapping {code_map.version} ({code_map.entries.count()} codes)")

    def _load(self, division, year, hospital, lists, weights, code_map=None, engine="duckdb", **options):
        return figures.load(
            figures.division_of(division, year),
            year,
            hospital,
            lists,
            weights,
            engine=engine,
            code_map=code_map,
        )

    def do_indicators(self, format, by, **options):
        loaded = self._load(**options)
        keys = tuple(k.strip() for k in by.split(",") if k.strip())
        unknown = [k for k in keys if k not in ind.KEYS]
        if unknown:
            raise CommandError(
                _("--by: unknown %(keys)s (hospital, department, month, year).")
                % {"keys": ", ".join(unknown)}
            )
        rows = figures.hospital_figures(loaded, keys)
        if format == "json":
            json.dump(rows, sys.stdout, ensure_ascii=False, indent=1, default=str)
            sys.stdout.write("\n")
            return
        columns = [*(c for k in keys for c in ind.KEYS[k] if c != "institution_id"), "discharges",
                   "surgery_share", "minimally_invasive_share", "level4_share", "level3_share",
                   "day_surgery_share", "pathway_share", "alos", "bed_occupancy", "cmi"]  # fmt: skip
        self.stdout.write("\t".join(columns))
        for row in rows:
            self.stdout.write(
                "\t".join(
                    "" if row.get(c) is None else f"{row[c]:g}" if isinstance(row[c], float) else str(row[c])
                    for c in columns
                )
            )
        self.stdout.write(f"versions: {json.dumps(loaded.versions.as_dict(), ensure_ascii=False)}")
        unknown_codes = ind.unknown_procedure_codes(loaded.con)
        if unknown_codes:
            listed = ", ".join(f"{code} ({n})" for code, n in unknown_codes[:20])
            self.stdout.write(f"surgery codes on no list: {listed}")
        missing = ind.drgs_without_weight(loaded.con)
        if missing:
            self.stdout.write("DRGs without a weight: " + ", ".join(f"{d} ({n})" for d, n in missing[:20]))

    def do_cases(self, limit, **options):
        loaded = self._load(**options)
        rows = figures.cases_with_log(loaded, limit=limit)
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1, default=str)
        sys.stdout.write("\n")

    def do_publish(self, **options):
        loaded = self._load(**options)
        written = targets.publish(loaded)
        self.stdout.write(f"stored {written} figures for {loaded.division.name} {loaded.year}")

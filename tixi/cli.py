"""The `tixi` command: one entry point, one verb per capability (Django management commands)."""

import os
import re
import signal
import sys

VERBS = {
    "demo": "build the demo region (all seeds' regions, 2018 to its today's year) and serve it; --build-only to stop after",
    "serve": "serve the platform with gunicorn on http://127.0.0.1:8000 (--addrport, --workers; --dev: development server)",
    "backup": "back up the database and the attachments into one file: `tixi backup [--out FILE.tar]`",
    "restore": "replace the database and the attachments with a backup's: `tixi restore FILE.tar [--yes]`",
    "figures": "registry figures of a division and year (--division CODE --year YYYY [--format json|table] [--check])",
    "plans": "plans and their targets: `tixi plans list`, `tixi plans evaluate --plan P --division D --year Y`",
    "indicators": "the indicator catalogue: `tixi indicators list`, `tixi indicators describe EXPR`",
    "report": "reports: `tixi report evaluation --plan P --division D --year Y --out FILE.docx`",
    "bench": "benchmarks: `tixi bench registry`, `tixi bench indicators`, `tixi bench access`, `tixi bench surveillance`, `tixi bench hospitals`, `tixi bench serve` (load test of the server)",
    "template": "write the .xlsx import template of a table: `tixi template TABLE --out FILE.xlsx`",
    "import": "import a table from .xlsx/.csv, all or nothing: `tixi import TABLE FILE [--dry-run]`",
    "dhis2": "DHIS2 dataValueSets: `tixi dhis2 export --division D --period YYYY --format json|csv|adx --out F`, `tixi dhis2 import F`",
    "hospitals": "hospital performance from discharge records: `tixi hospitals indicators --division D --year Y [--hospital H] [--lists V] [--weights V] --format json`, `lists import`, `weights import`, `mappings import`, `cases`, `publish`",
    "ledger": "the task ledger: `tixi ledger remind [--days N]`",
    "layout": "allocation norms and siting: `tixi layout gaps --division D --year Y [--format json]`, `tixi layout site --division D --year Y --new K [--capacity N] [--per-township one|any]`",
    "access": "travel time: `tixi access surface --friction F.tif --facilities F.csv --out TIME.tif [--nearest N.tif] [--moves 8|16] [--walk --elevation DEM.tif] [--roads R.geojson]`, `tixi access friction`, `tixi access coverage`, `tixi access whatif` (close a facility or a road, add a site)",
    "drg": "CHS-DRG 1.1 grouping: `tixi drg group --input F.csv --out F.csv`, `tixi drg compare --cases N` (parity with OpenDRG)",
    "surveillance": "outbreak detection as R's surveillance package: `tixi surveillance detect --method farrington-flexible --input SERIES.csv --range FIRST:LAST [--b 5 ...] --format csv|json [--out F]`; nowcasts of reporting delays: `tixi surveillance nowcast --method bayes.trunc --input CASES.csv --now DATE`",
    "createuser": "create a user with a role and a scope (USERNAME --role ROLE --division CODE | --institution CODE)",
    "boundaries": "import division boundaries from a GeoJSON FeatureCollection (properties.code)",
    "migrate": "create or update the database schema",
    "manage": "any other Django management command (`tixi manage help` lists them)",
}


def usage() -> str:
    width = max(map(len, VERBS))
    lines = ["usage: tixi VERB [options]   (tixi VERB --help for a verb's options)", "", "verbs:"]
    lines += [f"  {verb.ljust(width)}  {text}" for verb, text in VERBS.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    if hasattr(
        signal, "SIGPIPE"
    ):  # `tixi --help | head`: end quietly when the reader stops, as Unix tools do
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tixi.settings")
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(usage())
        return
    verb, rest = argv[0], argv[1:]
    if verb not in VERBS:
        print(f"tixi: unknown verb '{verb}'\n\n{usage()}", file=sys.stderr)
        sys.exit(2)
    from django.core.management import execute_from_command_line
    from django.db import DatabaseError

    try:
        execute_from_command_line(["tixi", *(rest if verb == "manage" else [verb, *rest])])
    except DatabaseError as error:
        table = missing_table(error)
        if table is None:
            raise
        # a verb run before the database exists: say what to run, not a traceback
        from django.conf import settings
        from django.utils import translation
        from django.utils.translation import gettext

        with translation.override(settings.LANGUAGE_CODE):
            message = gettext(
                "the database has no table %(table)s yet: run `tixi migrate` first (or `tixi demo --build-only` for the demo region)."
            ) % {"table": table}
        print(f"tixi: {message}", file=sys.stderr)
        sys.exit(1)


def missing_table(error: Exception) -> str | None:
    """The table named by SQLite's "no such table: T" or PostgreSQL's 'relation "T" does not exist'."""
    found = re.search(r'no such table: (\S+)|relation "([^"]+)" does not exist', str(error))
    return (found.group(1) or found.group(2)) if found else None


if __name__ == "__main__":
    main()

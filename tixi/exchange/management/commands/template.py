from pathlib import Path

from django.core.management.base import BaseCommand

from tixi.exchange.tables import TABLES
from tixi.exchange.workbooks import template


class Command(BaseCommand):
    help = "Write the .xlsx import template of a table (Chinese headings, codes, drop-downs, instructions)."

    def add_arguments(self, parser):
        parser.add_argument("table", choices=list(TABLES))
        parser.add_argument("--out", required=True)

    def handle(self, *args, table, out, **options):
        Path(out).write_bytes(template(table))
        self.stdout.write(f"wrote {out}")

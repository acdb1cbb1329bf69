from pathlib import Path

from django.core.management.base import BaseCommand

from tixi.exchange.streamed import STREAMED
from tixi.exchange.tables import TABLES
from tixi.exchange.workbooks import template


class Command(BaseCommand):
    help = "Write the .xlsx import template of a table (Chinese headings, codes, drop-downs, instructions)."

    def add_arguments(self, parser):
        parser.add_argument("table", choices=[*TABLES, *STREAMED])
        parser.add_argument("--out", required=True)

    def handle(self, *args, table, out, **options):
        Path(out).write_bytes(STREAMED[table].template() if table in STREAMED else template(table))
        self.stdout.write(f"wrote {out}")

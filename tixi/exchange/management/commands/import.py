import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tixi.accounts.audit import acting_as
from tixi.core.text import visible
from tixi.exchange.services import apply_import, preview_import
from tixi.exchange.streamed import STREAMED, import_streamed
from tixi.exchange.tables import TABLES


class SystemUser:
    """The command line acts with the whole registry in scope unless --user names someone."""

    is_authenticated = True
    is_active = True
    is_superuser = True
    username = "tixi import"
    pk = None

    def get_username(self):
        return self.username


class Command(BaseCommand):
    help = "Import a table from .xlsx or .csv: validated row by row, then all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("table", choices=[*TABLES, *STREAMED])
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
        parser.add_argument("--user", help="import as this user (their scope applies)")

    def handle(self, *args, table, file, dry_run, user, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("file: %(path)s does not exist.") % {"path": file})
        if table in STREAMED:
            self.import_streamed(table, path, dry_run)
            return
        actor = SystemUser()
        if user:
            actor = get_user_model().objects.filter(username=user).first()
            if actor is None:
                raise CommandError(_("--user: no user %(name)r.") % {"name": user})
        preview = preview_import(table, path.read_bytes(), path.name, actor)
        counts = preview.counts()
        if not preview.ok:
            self.stderr.write(f"rejected: {len(preview.problems)} problems; nothing was written")
            self.stderr.write("row\tcolumn\tvalue\tproblem")
            for p in preview.problems[:500]:
                self.stderr.write(f"{p.row or ''}\t{p.column}\t{visible(p.value)}\t{p.message}")
            sys.exit(1)
        try:
            with acting_as(actor if user else "tixi import"):
                batch = apply_import(preview, actor if user else None, dry_run=dry_run)
        except ValidationError as error:  # approved since the check: nothing was written
            raise CommandError("; ".join(error.messages)) from error
        verb = "checked (dry run)" if dry_run else f"imported as #{batch.pk}"
        encoding = f", {preview.encoding}" if preview.encoding else ""
        self.stdout.write(
            f"{verb}: {counts['rows']} rows{encoding}: {counts['insert']} to insert, {counts['update']} to update, "
            f"{counts['unchanged']} unchanged"
        )

    def import_streamed(self, table, path, dry_run):
        with acting_as("tixi import"):
            result = import_streamed(table, path, dry_run=dry_run)
        if not result.ok:
            self.stderr.write(f"rejected: {result.problem_count} problems; nothing was written")
            self.stderr.write("row\tcolumn\tvalue\tproblem")
            for p in result.problems[:500]:
                self.stderr.write(f"{p.row or ''}\t{p.column}\t{visible(p.value)}\t{p.message}")
            sys.exit(1)
        self.stdout.write(result.summary)

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tixi.ops.backup import BackupError, restore


class Command(BaseCommand):
    help = "Replace the database and the attachments with a backup's (stop the server first)."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="a file written by `tixi backup`")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, *args, archive, yes, **options):
        if not yes:
            if not sys.stdin.isatty():
                raise CommandError(_("restore replaces every row of the database: confirm with --yes."))
            answer = input(f"Replace the whole database and the attachments with {archive}? [yes/no] ")
            if answer.strip().lower() != "yes":
                raise CommandError(_("Restore cancelled."))
        try:
            manifest = restore(archive)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"restored the backup of {manifest['created']}; "
            "then run `tixi manage migrate` if it comes from an older version"
        )

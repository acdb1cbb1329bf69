from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tixi.ops.backup import BackupError, backup, default_name


class Command(BaseCommand):
    help = "Back up the database and the attachments into one .tar file (while the server runs)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--out", type=Path, help="the archive to write (default: tixi-backup-DATE-TIME.tar)"
        )

    def handle(self, *args, out, **options):
        try:
            result = backup(out or Path(default_name()))
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"backed up the {result['engine']} database and the attachments to {result['file']} "
            f"({result['bytes'] / 1e6:.1f} MB)"
        )

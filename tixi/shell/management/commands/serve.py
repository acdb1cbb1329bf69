from django.core.management.base import BaseCommand

from tixi.ops.serve import serve


class Command(BaseCommand):
    help = (
        "Serve the platform with gunicorn (static files through WhiteNoise); --dev: the development server."
    )

    def add_arguments(self, parser):
        parser.add_argument("--addrport", default="127.0.0.1:8000", help="address:port to listen on")
        parser.add_argument("--dev", action="store_true", help="Django's development server instead")
        parser.add_argument(
            "--workers", type=int, help="server processes (default: 2 x cores + 1, at most 8)"
        )
        parser.add_argument("--no-access-log", action="store_true", help="do not log each request")

    def handle(self, *args, addrport, dev, workers, no_access_log, **options):
        serve(addrport, dev=dev, workers=workers, access_log=not no_access_log, out=self.stdout)

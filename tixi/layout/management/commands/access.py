"""`tixi access surface`: travel time to the nearest facility over a friction raster (GRASS r.cost's moves)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tixi.layout.surface import SurfaceError, compute_surface


class Command(BaseCommand):
    help = "Accessibility: `tixi access surface --friction F.tif --facilities F.csv --out TIME.tif`."

    def add_arguments(self, parser):
        verbs = parser.add_subparsers(dest="verb", required=True)
        surface = verbs.add_parser(
            "surface",
            help="seconds to the nearest facility (float64 GeoTIFF) and its id (int32), as GRASS r.cost",
        )
        surface.add_argument(
            "--friction", required=True, help="GeoTIFF of seconds per metre; nodata = barrier"
        )
        surface.add_argument(
            "--facilities", required=True, help="CSV with the header id,x,y in the raster's CRS"
        )
        surface.add_argument("--out", required=True, help="TIME.tif: seconds, nodata -1 where unreachable")
        surface.add_argument("--nearest", help="NEAREST.tif: the nearest facility's id")
        surface.add_argument(
            "--moves", type=int, default=8, choices=[8, 16], help="16 adds knight's moves (r.cost -k)"
        )
        surface.add_argument(
            "--max-minutes", type=float, help="leave cells beyond this travel time unreached"
        )
        surface.add_argument(
            "--crs", help="the facilities' CRS (e.g. EPSG:4543); refused unless the raster's"
        )

    def handle(self, *args, verb, **options):
        try:
            summary = compute_surface(
                options["friction"],
                options["facilities"],
                options["out"],
                nearest=options["nearest"],
                moves=options["moves"],
                max_minutes=options["max_minutes"],
                crs=options["crs"],
            )
        except SurfaceError as error:
            raise CommandError(_("%(problem)s Nothing was written.") % {"problem": error}) from error
        self.stdout.write(
            _(
                "%(rows)s x %(cols)s cells, %(facilities)s facilities: %(reached)s cells reached "
                "(longest %(minutes).1f min), %(barriers)s barrier cells; computed in %(seconds).1f s."
            )
            % {
                "rows": summary.rows,
                "cols": summary.cols,
                "facilities": summary.facilities,
                "reached": summary.reached,
                "minutes": summary.max_seconds / 60,
                "barriers": summary.barriers,
                "seconds": summary.seconds,
            }
        )

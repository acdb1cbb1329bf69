import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from tixi.accounts.audit import acting_as
from tixi.core.text import digits
from tixi.geo.models import Boundary, Division

GEOMETRY_TYPES = {"Polygon", "MultiPolygon"}


class Command(BaseCommand):
    help = "Import division boundaries from a GeoJSON FeatureCollection (each feature's properties.code: 12 digits)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--year", type=int, help="attach to the division rows of this year's map (default: current)"
        )

    def handle(self, *args, file, year, **options):
        try:
            data = json.loads(Path(file).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(_("file: cannot read GeoJSON (%(error)s).") % {"error": error}) from error
        if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
            raise CommandError(_("file: a GeoJSON FeatureCollection is expected."))
        problems, rows = [], []
        divisions = Division.objects.valid_in(year) if year else Division.objects.current()
        for n, feature in enumerate(data.get("features", []), start=1):
            code = str((feature.get("properties") or {}).get("code", ""))
            geometry = feature.get("geometry") or {}
            division = divisions.filter(code=code).first() if len(code) == 12 and digits(code) else None
            if division is None:
                problems.append(
                    _("feature %(n)s: properties.code %(code)r is not a 12-digit code of a known division")
                    % {"n": n, "code": code}
                )
            elif geometry.get("type") not in GEOMETRY_TYPES:
                problems.append(_("feature %(n)s: geometry must be a Polygon or MultiPolygon") % {"n": n})
            else:
                rows.append((division, geometry))
        if problems:
            raise CommandError(_("Nothing was imported:") + "\n" + "\n".join(problems))
        with transaction.atomic(), acting_as("tixi boundaries"):
            for division, geometry in rows:
                Boundary.objects.update_or_create(
                    division=division, defaults={"geometry": geometry, "is_synthetic": False}
                )
        self.stdout.write(f"imported {len(rows)} boundaries")

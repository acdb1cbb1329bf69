"""`tixi access surface`: travel time to the nearest facility over a friction raster (GRASS r.cost's moves).
`tixi access coverage`: population per zone within 15/30/60 minutes (and at +-1 minute) of that surface."""

import json
import re

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from tixi.core.exports import TableCommand
from tixi.core.text import digits
from tixi.geo.cli import division_option
from tixi.layout.access import KINDS, AccessError, check_minutes, division_coverage, parse_roads, what_if
from tixi.layout.coverage import as_json, build_population, compute_coverage, parse_minutes
from tixi.layout.engine.rasters import InputError
from tixi.layout.surface import SurfaceError, build_friction, compute_surface, translated


def readable_errors(parser, prog: str) -> None:
    """argparse's English refusals (unknown option, bad choice, not a number) said in the user's language."""
    original = parser.error

    def error(message):
        unknown = re.match(r"unrecognized arguments: (.*)", message)
        wrong = re.match(r"argument (\S+?)(?:/\S+)?: invalid (?:choice|\w+ value): '?([^'\s(]*)", message)
        if unknown:
            message = _("unknown options: %(options)s; `%(prog)s VERB --help` lists the options.") % {
                "options": unknown.group(1),
                "prog": prog,
            }
        elif wrong:
            message = _(
                "%(option)s: %(value)s is not an accepted value; `%(prog)s VERB --help` lists them."
            ) % {
                "option": wrong.group(1),
                "value": wrong.group(2),
                "prog": prog,
            }
        if getattr(parser, "called_from_command_line", False):
            original(message)  # usage, the message, exit status 2
        raise CommandError(_("%(problem)s Nothing was written.") % {"problem": message})

    parser.error = error
    for action in parser._actions:  # the verbs' own parsers refuse their arguments themselves
        for sub in (getattr(action, "choices", None) or {}).values() if hasattr(action, "add_parser") else []:
            readable_errors(sub, prog)


class Command(TableCommand):
    help = (
        "Accessibility: `tixi access surface --friction F.tif --facilities F.csv --out TIME.tif`; "
        "`tixi access coverage --time TIME.tif --population POP.tif --zones ZONES.tif`; "
        "`tixi access population --zones ZONES.tif --table POP.csv --weights W.tif --out POP.tif`; "
        "`tixi access whatif --division CODE --year YYYY [--close CODE] [--close-road N|CLASS] [--add CODE]`."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        readable_errors(parser, "tixi access")
        return parser

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
        surface.add_argument(
            "--roads", help="ROADS.geojson (LineStrings with a class or a speed) burnt onto the friction"
        )
        surface.add_argument("--speeds", help="with --roads: km/h by class, e.g. primary=70,track=10")
        surface.add_argument(
            "--walk", action="store_true", help="anisotropic walking over --elevation, as GRASS r.walk"
        )
        surface.add_argument("--elevation", help="with --walk: DEM.tif in metres on the friction's grid")
        surface.add_argument(
            "--walk-coeff", help="with --walk: r.walk's a,b,c,d (default 0.72,6.0,1.9998,-1.9998)"
        )
        surface.add_argument(
            "--lambda", dest="lam", type=float, help="with --walk: weight of the friction (default 1.0)"
        )
        surface.add_argument(
            "--slope-factor", type=float, help="with --walk: steep descent below this slope (default -0.2125)"
        )
        surface.add_argument(
            "--slope",
            choices=["rwalk", "tobler"],
            help="with --walk: price slopes as r.walk (default) or by Tobler's hiking function; "
            "driven cells (the friction's mode band, --roads) keep their flat time",
        )

        friction = verbs.add_parser(
            "friction",
            help="FRICTION.tif: off-road walking friction or land cover, with GeoJSON roads burnt in by speed",
        )
        friction.add_argument("--walking", help="WALK.tif: off-road seconds per metre")
        friction.add_argument(
            "--landcover",
            help="instead of --walking: LC.tif of land-cover class codes, with --speeds TABLE.csv",
        )
        friction.add_argument("--roads", help="ROADS.geojson in the raster's CRS (required with --walking)")
        friction.add_argument(
            "--speeds",
            help="with --walking: km/h by road class, e.g. primary=70,track=10 (defaults: OSM classes); "
            "with --landcover: TABLE.csv with the header class,label,speed,mode (0 or barrier: impassable; "
            "mode WALKING, BICYCLING or MOTORIZED, empty: walking)",
        )
        friction.add_argument(
            "--out",
            required=True,
            help="FRICTION.tif: seconds per metre, nodata = barrier; band 2 named mode: 1 walking, "
            "2 bicycling, 3 motorized (roads), read by surface --walk",
        )

        coverage = verbs.add_parser(
            "coverage", help="population per zone within each threshold (and at +-1 minute), and its share"
        )
        coverage.add_argument("--time", help="TIME.tif: seconds; nodata or NaN = unreachable")
        coverage.add_argument(
            "--population", help="POP.tif: persons per cell on TIME.tif's grid; nodata = none"
        )
        coverage.add_argument("--zones", help="ZONES.tif: zone (township) id per cell")
        coverage.add_argument(
            "--division",
            help="instead of rasters: a division's townships and registry facilities (synthetic grid)",
        )
        coverage.add_argument(
            "--year", type=int, help="with --division: the year of the registry and population"
        )
        coverage.add_argument("--zone-names", help="CSV with the header id,name naming every zone id")
        coverage.add_argument("--minutes", default="15,30,60", help="thresholds in minutes, e.g. 15,30,60")
        coverage.add_argument("--format", default="table", choices=["table", "json"])

        whatif = verbs.add_parser(
            "whatif",
            help="coverage per township before and after closing facilities or roads, or adding sites",
        )
        whatif.add_argument("--division", required=True, help="division code (6 or 12 digits)")
        whatif.add_argument("--year", type=int, required=True)
        whatif.add_argument("--kind", default="township", choices=[k for k in KINDS if k != "primary"])
        whatif.add_argument("--minutes", type=float, default=30.0, help="the threshold in minutes")
        whatif.add_argument(
            "--close", action="append", default=[], help="a facility's registry code (repeat)"
        )
        whatif.add_argument(
            "--close-road",
            action="append",
            default=[],
            help="a road's number on the synthetic network, or a class: provincial, county, village (repeat)",
        )
        whatif.add_argument("--add", action="append", default=[], help="a place's division code (repeat)")
        whatif.add_argument("--format", default="table", choices=["table", "json"])

        population = verbs.add_parser(
            "population",
            help="a grid of whole persons: each zone's population spread in proportion to weights",
        )
        population.add_argument("--zones", required=True, help="ZONES.tif: zone (township) id per cell")
        population.add_argument("--table", required=True, help="CSV with the header id,population")
        population.add_argument(
            "--weights", required=True, help="WEIGHTS.tif on the zones' grid: settlements or built-up, >= 0"
        )
        population.add_argument("--out", required=True, help="POP.tif: persons per cell (int32), nodata -1")

    def handle(self, *args, verb, **options):
        if verb == "coverage":
            return self.coverage(options)
        if verb == "whatif":
            return self.what_if(options)
        if verb == "friction":
            try:
                built = build_friction(
                    options["walking"],
                    options["roads"],
                    options["out"],
                    options["speeds"],
                    landcover=options["landcover"],
                )
            except SurfaceError as error:
                raise CommandError(_("%(problem)s Nothing was written.") % {"problem": error}) from error
            if options["landcover"]:
                self.stdout.write(
                    _("%(classes)s land-cover classes priced; %(barriers)s barrier cells.") % built
                )
            if options["roads"]:
                self.stdout.write(
                    _(
                        "%(roads)s roads burnt onto %(cells)s cells (%(bridges)s of them bridges over barriers)."
                    )
                    % built
                )
            if built["driven"]:
                self.stdout.write(
                    _(
                        "%(driven)s cells are driven (MOTORIZED, the band named mode): slope is not priced there."
                    )
                    % built
                )
            return
        if verb == "population":
            try:
                built = build_population(
                    options["zones"], options["table"], options["weights"], options["out"]
                )
            except SurfaceError as error:
                raise CommandError(_("%(problem)s Nothing was written.") % {"problem": error}) from error
            self.stdout.write(
                _("%(population)s persons of %(zones)s zones spread over %(cells)s cells.") % built
            )
            return
        try:
            summary = compute_surface(
                options["friction"],
                options["facilities"],
                options["out"],
                nearest=options["nearest"],
                moves=options["moves"],
                max_minutes=options["max_minutes"],
                crs=options["crs"],
                walking=options["walk"],
                elevation=options["elevation"],
                walk_coeff=options["walk_coeff"],
                lam=options["lam"],
                slope_factor=options["slope_factor"],
                roads=options["roads"],
                speeds=options["speeds"],
                slope=options["slope"],
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

    def coverage(self, options):
        if options["division"]:
            return self.division_coverage(options)
        missing = [f"--{name}" for name in ("time", "population", "zones") if not options[name]]
        if missing:
            raise CommandError(
                _("%(options)s: give the rasters, or --division and --year.")
                % {"options": ", ".join(missing)}
            )
        try:
            result = compute_coverage(
                options["time"],
                options["population"],
                options["zones"],
                zone_names=options["zone_names"],
                minutes=options["minutes"],
            )
        except SurfaceError as error:
            raise CommandError(_("%(problem)s Nothing was written.") % {"problem": error}) from error
        data = as_json(result)
        if options["format"] == "json":
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        header = [_("zone"), _("name"), _("population"), _("reachable")]
        header += [_("within %(minutes)s min") % {"minutes": m} for m in data["columns"]]
        rows = [header]
        for zone in data["zones"]:
            row = [str(zone["zone"]), zone["name"], str(zone["population"]), str(zone["reachable"])]
            row += [f"{zone['within'][m]} ({zone['share'][m]:.1f}%)" for m in data["columns"]]
            rows.append(row)
        rows.append(
            ["", _("all zones"), str(data["population"]), ""]
            + [str(data["within"][m]) for m in data["columns"]]
        )
        for row in rows:
            self.stdout.write("\t".join(row))
        if data["outside_zones"]:
            self.stdout.write(
                _("Population on cells outside every zone: %(people)s") % {"people": data["outside_zones"]}
            )

    def division_coverage(self, options):

        if options["year"] is None:
            raise CommandError(_("--year: give the year with --division."))
        division = division_option(options["division"], options["year"])
        try:
            minutes = parse_minutes(options["minutes"])
            data = division_coverage(division, options["year"], minutes)
        except InputError as error:
            raise CommandError(translated(error)) from error
        except AccessError as error:
            raise CommandError(str(error)) from error
        if options["format"] == "json":
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{data['name']} {data['year']}: {data['note']}")
        header = [_("township"), _("population")]
        for kind in data["kinds"].values():
            header += [f"{kind['label']} ≤{m} min" for m in data["minutes"]]
        self.stdout.write("\t".join(header))
        for row in data["townships"]:
            cells = [row["name"], str(row["population"])]
            for kind in data["kinds"]:
                within = row["kinds"].get(kind, {})
                cells += [str(within.get(m, "")) for m in data["minutes"]]
            self.stdout.write("\t".join(cells))
        total = [_("all townships"), str(data["population"])]
        for kind in data["kinds"].values():
            total += [str(kind["within"][m]) for m in data["minutes"]]
        self.stdout.write("\t".join(total))

    def what_if(self, options):

        division = division_option(options["division"], options["year"])
        try:
            check_minutes(options["minutes"], "--minutes")
            numbers, classes = parse_roads(options["close_road"])
            data = what_if(
                division,
                options["year"],
                options["kind"],
                options["minutes"],
                close=options["close"],
                add=[code.ljust(12, "0") if digits(code) else code for code in options["add"]],
                close_roads=numbers,
                close_road_classes=classes,
            )
        except AccessError as error:
            raise CommandError(str(error)) from error
        if options["format"] == "json":
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            _(
                "Within %(minutes)s min: %(before)s residents now, %(after)s after the change (%(change)s); "
                "recomputed in %(seconds)s s."
            )
            % data
        )
        self.stdout.write("\t".join([_("township"), _("population"), _("now"), _("after"), _("change")]))
        for row in data["townships"]:
            self.stdout.write(
                "\t".join(str(row[k]) for k in ("name", "population", "before", "after", "change"))
            )

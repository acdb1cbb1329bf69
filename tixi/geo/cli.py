"""What every command that takes `--division` does with it: 6 to 12 digits (510400 is 攀枝花市,
padded with zeros to the statistical code), the row valid in the year, a message in the reader's
language otherwise."""

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from tixi.core.text import digits
from tixi.geo.models import Division


def division_option(code: str, year: int) -> Division:
    code = (code or "").strip()
    if not digits(code) or not 6 <= len(code) <= 12:
        raise CommandError(
            _("--division: a division code has 6 to 12 digits (got %(code)r).") % {"code": code}
        )
    row = Division.objects.at(code.ljust(12, "0"), year)
    if row is None:
        raise CommandError(
            _("--division: no division %(code)s on the map of %(year)s.") % {"code": code, "year": year}
        )
    return row

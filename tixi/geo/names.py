"""Population rows by their sex and age band in the reader's language: the audit trail stores a row
as `Population.__str__` ("石桥镇 2099 F 65+") and names it when the page (or its export) is read
("石桥镇 2099 女 65岁及以上", "石桥镇 2099 female aged 65 and over")."""

import re

from django.utils.translation import gettext as _

from tixi.geo.models import AGE_BANDS, Sex

POPULATION = re.compile(r"^(?P<division>.*) (?P<year>\d{4}) (?P<sex>[MF]) (?P<band>\S+)$")


def age_band_label(band: str) -> str:
    """ "65+" -> "65岁及以上" (aged 65 and over), "15-59" -> "15-59岁" (aged 15-59)."""
    if band.endswith("+"):
        return _("aged %(age)s and over") % {"age": band[:-1]}
    return _("aged %(band)s") % {"band": band}


def name_population_rows(texts) -> dict[str, str]:
    named = {}
    for text in texts:
        m = POPULATION.match(text)
        if m and m["band"] in AGE_BANDS:
            named[text] = f"{m['division']} {m['year']} {Sex(m['sex']).label} {age_band_label(m['band'])}"
    return named


def register() -> None:
    from tixi.accounts.audit import register_object_namer

    register_object_namer("geo.Population", name_population_rows)

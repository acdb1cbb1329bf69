"""Population rows by their sex and age band in the reader's language: the audit trail stores a row
as `Population.__str__` ("石桥镇 2099 F 65+") and names it when the page (or its export) is read
("石桥镇 2099 女 65岁及以上", "Shiqiao Town 2099 female aged 65 and over"); divisions, institutions
and their yearly reports are named in English on English pages the same way."""

import re

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tixi.core.language import in_reader_language
from tixi.geo.engine.english import division_english, institution_english
from tixi.geo.models import AGE_BANDS, Sex

POPULATION = re.compile(r"^(?P<division>.*) (?P<year>\d{4}) (?P<sex>[MF]) (?P<band>\S+)$")


def age_band_label(band: str) -> str:
    """ "65+" -> "65岁及以上" (aged 65 and over), "15-59" -> "15-59岁" (aged 15-59)."""
    if band.endswith("+"):
        return _("aged %(age)s and over") % {"age": band[:-1]}
    return _("aged %(band)s") % {"band": band}


DIVISION = re.compile(r"^(?P<name>.*) \((?P<code>\d+)\)$")
INSTITUTION_YEAR = re.compile(r"^(?P<name>.*) (?P<year>\d{4})$")


def english() -> bool:
    return not (get_language() or "").startswith("zh")


def place(name: str) -> str:
    """A division's name as the reader's pages write it (Division.display_name, from the stored text)."""
    return in_reader_language(name, division_english)


def name_population_rows(texts) -> dict[str, str]:
    named = {}
    for text in texts:
        m = POPULATION.match(text)
        if m and m["band"] in AGE_BANDS:
            division = place(m["division"])
            named[text] = f"{division} {m['year']} {Sex(m['sex']).label} {age_band_label(m['band'])}"
    return named


def name_division_rows(texts) -> dict[str, str]:
    """ "达川区 (511703000000)" -> "Dachuan District (511703000000)" on English pages."""
    named = {}
    for text in texts:
        m = DIVISION.match(text)
        if m and english():
            named[text] = f"{place(m['name'])} ({m['code']})"
    return named


def name_institution_rows(texts) -> dict[str, str]:
    """ "达川区人民医院" -> "Dachuan District People's Hospital" on English pages (Institution.display_name)."""
    return {t: institution_english(t) or t for t in texts} if english() else {}


def name_institution_year_rows(texts) -> dict[str, str]:
    """ "达川区人民医院 2023" -> "Dachuan District People's Hospital 2023" on English pages."""
    named = {}
    for text in texts:
        m = INSTITUTION_YEAR.match(text)
        if m and english():
            named[text] = f"{institution_english(m['name']) or m['name']} {m['year']}"
    return named


def register() -> None:
    from tixi.accounts.audit import register_object_namer

    register_object_namer("geo.Population", name_population_rows)
    # the audit stores a row's Chinese name (its __str__); an English page names it in English
    register_object_namer("geo.Division", name_division_rows)
    register_object_namer("registry.Institution", name_institution_rows)
    register_object_namer("registry.InstitutionYear", name_institution_year_rows)

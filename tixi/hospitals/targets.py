"""Plan targets read hospital figures as data values (巴中's CMI, MI, level-4, day surgery and pathway
targets; 攀枝花's level-3 public hospital targets): this module computes them for a division-year from
the discharge records and stores them, with the counts behind them for a target's gap in cases."""

import math
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tixi.core import clock
from tixi.hospitals.engine import indicators as ind
from tixi.hospitals.figures import Loaded
from tixi.hospitals.models import PublishedFigure
from tixi.indicators.models import DataElement, DataValue

GENERAL = "general_hospital"
PUBLIC = "public"


@dataclass(frozen=True)
class Published:
    element: str
    figure: str  # the engine's figure
    numerator: str
    denominator: str
    levels: tuple[int, ...]
    types: tuple[str, ...] = ()  # empty: every kind of hospital
    ownership: str | None = None
    what: object = ""  # what the numerator counts, for the gap in cases


SURGERY_PATIENTS = gettext_lazy("surgery patients")
PUBLISHED = (
    # 巴中 (巴府办发〔2023〕1号): the development goals are those of tertiary general hospitals
    Published("case_mix_index", "cmi", "total_weight", "cmi_cases", (3,), (GENERAL,)),
    Published(
        "minimally_invasive_share", "minimally_invasive_share", "minimally_invasive_patients",
        "surgery_patients", (3,), (GENERAL,), None, gettext_lazy("minimally invasive surgery patients"),
    ),
    Published(
        "level4_surgery_share", "level4_share", "level4_patients", "surgery_patients", (3,), (GENERAL,), None,
        gettext_lazy("level-4 surgery patients"),
    ),
    Published(
        "day_surgery_share_level2", "day_surgery_share", "day_surgery_patients", "elective_surgery_patients",
        (2,), (), None, gettext_lazy("day surgery patients"),
    ),
    Published(
        "day_surgery_share_level3", "day_surgery_share", "day_surgery_patients", "elective_surgery_patients",
        (3,), (), PUBLIC, gettext_lazy("day surgery patients"),
    ),
    Published(
        "clinical_pathway_share_level2", "pathway_share", "pathway_patients", "discharges", (2,), (), PUBLIC,
        gettext_lazy("patients on clinical pathways"),
    ),
    Published(
        "clinical_pathway_share_level3", "pathway_share", "pathway_patients", "discharges", (3,), (), PUBLIC,
        gettext_lazy("patients on clinical pathways"),
    ),
    # 攀枝花: tertiary public hospitals
    Published("case_mix_index_level3_public", "cmi", "total_weight", "cmi_cases", (3,), (), PUBLIC),
    Published(
        "minimally_invasive_share_level3_public", "minimally_invasive_share", "minimally_invasive_patients",
        "surgery_patients", (3,), (), PUBLIC, gettext_lazy("minimally invasive surgery patients"),
    ),
    Published(
        "level4_surgery_share_level3_public", "level4_share", "level4_patients", "surgery_patients", (3,), (),
        PUBLIC, gettext_lazy("level-4 surgery patients"),
    ),
)  # fmt: skip
BY_ELEMENT = {p.element: p for p in PUBLISHED}
IN_COUNTY = "in_county_hospitalisation"


def _members(loaded: Loaded, spec: Published) -> list[int]:
    return [
        pk
        for pk, h in loaded.hospitals.items()
        if h["level"] in spec.levels
        and (not spec.types or h["type"] in spec.types)
        and (spec.ownership is None or h["ownership"] == spec.ownership)
    ]


def division_figures(loaded: Loaded) -> dict[str, dict]:
    """element code -> value, numerator, denominator, hospitals (only where there is a denominator)."""
    # every figure is a ratio of sums: the hospitals' sums are added up per target's set of hospitals
    by_hospital = {
        row["institution_id"]: row for row in ind.compute(loaded.con, ("hospital",), as_of=clock.today())
    }
    result = {}
    for spec in PUBLISHED:
        members = [m for m in _members(loaded, spec) if m in by_hospital]
        numerator = sum(float(by_hospital[m][spec.numerator] or 0) for m in members)
        denominator = sum(float(by_hospital[m][spec.denominator] or 0) for m in members)
        if not denominator:
            continue
        factor = 1.0 if spec.figure == "cmi" else 100.0
        result[spec.element] = {
            "value": round(factor * numerator / denominator, 4),
            "numerator": numerator,
            "denominator": denominator,
            "hospitals": len(members),
        }
    counties = ind.in_county_share(loaded.con)
    prefix = division_prefix(loaded.division.code)
    local = [c for c in counties if c["county"].startswith(prefix)]  # the division's own residents
    total = sum(c["resident_discharges"] for c in local)
    if total:
        inside = sum(c["in_county_discharges"] for c in local)
        result[IN_COUNTY] = {
            "value": round(100.0 * inside / total, 4),
            "numerator": float(inside),
            "denominator": float(total),
            "hospitals": len(loaded.hospitals),
        }
    return result


def division_prefix(code: str) -> str:
    """The digits that a division's codes below it share: 511900000000 -> 5119, 511921000000 -> 511921."""
    code = code.ljust(12, "0")
    for length in (2, 4, 6, 9):
        if code[length:].strip("0") == "":
            return code[:length]
    return code


@transaction.atomic
def publish(loaded: Loaded, is_synthetic: bool | None = None) -> int:
    """Stores the division-year figures as data values (what the targets read) and as published
    figures (the counts and versions behind them). Synthetic when the records are."""
    from tixi.hospitals.models import Discharge

    if is_synthetic is None:
        is_synthetic = Discharge.objects.filter(
            year=loaded.year, institution_id__in=list(loaded.hospitals), is_synthetic=True
        ).exists()
    figures = division_figures(loaded)
    elements = {e.code: e for e in DataElement.objects.filter(code__in=list(figures))}
    versions = loaded.versions.as_dict()
    note = _("from discharge records; lists %(lists)s, weights %(weights)s") % {
        "lists": ", ".join(sorted(set(versions["lists"].values()))) or "—",
        "weights": versions["weights"] or "—",
    }
    written = 0
    for code, figure in figures.items():
        PublishedFigure.objects.update_or_create(
            division=loaded.division,
            year=loaded.year,
            element=code,
            defaults={**figure, "versions": versions, "is_synthetic": is_synthetic},
        )
        element = elements.get(code)
        if element is None:
            continue
        decimals = 2 if code.startswith("case_mix") else 1
        DataValue.objects.update_or_create(
            element=element,
            option="",
            division=loaded.division,
            period=str(loaded.year),
            defaults={
                "value": round(figure["value"], decimals),
                "year": loaded.year,
                "comment": note[:200],
                "is_synthetic": is_synthetic,
            },
        )
        written += 1
    return written


def gap_finder(division, year: int):
    """The published figures of a division-year, read in one query, and a finder of a target's gap."""
    stored = {f.element: f for f in PublishedFigure.objects.filter(division__code=division.code, year=year)}
    return lambda element, target_value: gap_in_cases(element, division, year, target_value, stored)


def gap_in_cases(
    element: str, division, year: int, target_value: float, stored: dict | None = None
) -> dict | None:
    """ "还需增加 1,240 例四级手术患者": the cases a share needs to reach the target, at this year's volume."""
    spec = BY_ELEMENT.get(element)
    if spec is None or not spec.what:
        return None
    if stored is None:
        stored = {
            f.element: f for f in PublishedFigure.objects.filter(division__code=division.code, year=year)
        }
    figure = stored.get(element)
    if figure is None or not figure.denominator:
        return None
    units = math.ceil(target_value * figure.denominator / 100.0 - figure.numerator - 1e-9)
    if units <= 0:
        return None
    return {
        "units": units,
        "text": _("%(units)s more %(what)s are needed (at this year's %(base)s).")
        % {"units": f"{units:,}", "what": spec.what, "base": f"{int(figure.denominator):,}"},
    }

"""Synthetic yearly values of the data elements that the plans' targets use (demo only).

The published baseline is reproduced exactly in the baseline year; other years move toward the
target, some on track and some behind. Elements whose data arrives with a later capability
(hospital performance, family doctors, appointments) get no values: their targets show no data.
"""

import numpy as np
from django.db import transaction

from tixi.indicators.engine import expression as ex
from tixi.indicators.models import DataElement, DataValue, Target

LATER_CAPABILITIES = {
    "case_mix_index",
    "minimally_invasive_share",
    "level4_surgery_share",
    "day_surgery_share_level2",
    "day_surgery_share_level3",
    "clinical_pathway_share_level2",
    "clinical_pathway_share_level3",
    "family_doctor_key_population_coverage",
    "timed_appointment_share_level2",
    "timed_appointment_share_level3",
    "bedside_settlement_share_level2",
    "bedside_settlement_share_level3",
    "in_county_hospitalisation",
}
START_WITHOUT_BASELINE = {
    "healthy_life_expectancy": 68.5,
    "child_myopia_rate": 52.0,
    "health_industry_size": 6.1,
    "cdc_standard_infrastructure": 60.0,
    "provincial_key_specialties": 3.0,
    "village_clinics_basic_standard": 35.0,
}


@transaction.atomic
def generate(years=range(2018, 2027), seed: int = 20201231) -> int:
    rng = np.random.default_rng(seed)
    elements = {e.code: e for e in DataElement.objects.all()}
    rows = {}
    for target in Target.objects.select_related("indicator", "plan", "division").order_by(
        "plan__code", "order"
    ):
        node = ex.parse(target.indicator.numerator)
        if not isinstance(node, ex.DataItem) or node.code in LATER_CAPABILITIES:
            continue
        element = elements[node.code]
        base_year = target.baseline_year or target.plan.period_start - 1
        base = (
            target.baseline_value
            if target.baseline_value is not None
            else START_WITHOUT_BASELINE.get(node.code)
        )
        if base is None:
            continue
        goal = target.target_value
        if target.kind == "change_per_year":
            goal = base + target.change_per_year * (target.target_year - base_year)
        elif target.kind in ("increase", "maintain", "national") or goal is None:
            goal = base * (1.01 if target.kind == "increase" else 1.0)
        achievement = float(rng.choice([1.1, 0.9, 0.6]))
        span = max(target.target_year - base_year, 1)
        for year in years:
            if year == base_year:
                value = base
            else:
                progress = (year - base_year) / span * achievement
                value = (
                    base
                    + (goal - base) * progress
                    + float(rng.normal(0, abs(goal - base) * 0.05 + abs(base) * 0.002))
                )
            key = (element.id, node.option or "", target.division_id, str(year))
            rows.setdefault(key, round(value, 2))
    DataValue.objects.filter(is_synthetic=True).delete()
    DataValue.objects.bulk_create(
        [
            DataValue(
                element_id=e,
                option=o,
                division_id=d,
                period=p,
                year=int(p),
                value=v,
                is_synthetic=True,
            )
            for (e, o, d, p), v in rows.items()
        ],
        batch_size=2000,
    )
    return len(rows)

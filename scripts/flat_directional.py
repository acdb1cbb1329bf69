"""How many of the demo's directional goals ("逐年提高", "逐年下降": a target of kind `increase`) read
"与上年持平" in the scorecard: over every plan, its region and the region's child divisions, and the
years 2021-2025, the rows whose value and the year before's are both known. Run on a built demo:

    TIXI_VAR_DIR=/tmp/x-var TIXI_TODAY=2025-10-15 DJANGO_SETTINGS_MODULE=tixi.settings \\
        .venv/bin/python scripts/flat_directional.py [--rows]
"""

import argparse
from collections import Counter

import django


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", action="store_true", help="print every row read")
    args = parser.parse_args()
    django.setup()
    from django.utils import translation

    from tixi.geo.models import Division
    from tixi.indicators.models import Plan
    from tixi.indicators.services import evaluate_plan

    translation.activate("zh-hans")
    counts: Counter = Counter()
    for plan in Plan.objects.order_by("code"):
        if not plan.targets.filter(kind="increase").exists():
            continue
        region = plan.region
        divisions = [region, *Division.objects.filter(parent__path=region.path).valid_in(2025)]
        for division in divisions:
            for year in range(2021, 2026):
                for row in evaluate_plan(plan, division, year):
                    if row.get("kind") != "increase" or not row.get("gap"):
                        continue
                    series = row["series"]
                    if series.get(year) is None or series.get(year - 1) is None:
                        continue
                    text = str(row["gap"]["text"])
                    word = "flat" if "持平" in text else ("moved" if row["gap"]["value"] else "met")
                    if row["gap"]["value"] == 0.0 and "持平" not in text:
                        word = "met"
                    elif "持平" not in text:
                        word = "wrong way"
                    counts[word] += 1
                    counts["all"] += 1
                    if args.rows:
                        print(
                            plan.code,
                            division.name,
                            year,
                            row["label"][:30],
                            series[year - 1],
                            series[year],
                            text,
                        )
    total = counts["all"]
    for word in ("met", "wrong way", "flat"):
        print(f"{word}: {counts[word]} of {total} ({100 * counts[word] / max(total, 1):.1f} %)")


if __name__ == "__main__":
    main()

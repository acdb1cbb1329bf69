"""Write the stored parity sample of tests/hospitals: generated cases with the DRG OpenDRG gives them.

The suite compares our grouper with this file on every run (no OpenDRG needed there); regenerate it when
the generator or the rule tables change, from a DRG_Python snapshot (the folder holding drg_group/):

    .venv/bin/python scripts/opendrg_reference_sample.py /tmp/opendrg --cases 1500 --seed 16
"""

import argparse
import csv
import math
from pathlib import Path

from tixi.hospitals.engine.grouper.reference import reference_drgs
from tixi.hospitals.engine.grouper.synthetic import generate_cases

OUT = Path(__file__).resolve().parents[1] / "tests" / "hospitals" / "data" / "opendrg_chs_drg_11_sample.csv"


def number(value: float) -> str:
    return "" if math.isnan(value) else f"{value:g}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("reference", help="the DRG_Python snapshot folder")
    parser.add_argument("--cases", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    cases = generate_cases(args.cases, seed=args.seed)
    drgs = reference_drgs(cases, args.reference)
    with open(OUT, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(
            ["sex", "age_years", "age_days", "birth_weight", "principal_diagnosis", "other_diagnoses"]
            + ["procedures", "opendrg_drg"]
        )
        for i in range(len(cases)):
            writer.writerow(
                [int(cases.sex[i]), number(cases.age_years[i]), number(cases.age_days[i])]
                + [number(cases.birth_weight[i]), cases.principal_diagnosis[i], cases.other_diagnoses[i]]
                + [cases.procedures[i], drgs[i]]
            )
    print(f"{len(cases)} cases written to {OUT}")


if __name__ == "__main__":
    main()

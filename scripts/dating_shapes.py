"""The dating shapes of tixi/ledger/engine/perturb.py on the SEEN held-out documents each changes (reader50): targets
matched and found on the plain text and on the shape, then the seeds. Run from a checkout:
    PYTHONPATH=$PWD DJANGO_SETTINGS_MODULE=tixi.settings .venv/bin/python scripts/dating_shapes.py [PERTURB_PY]
PERTURB_PY: another checkout's perturb.py to take the shapes from (to measure a reader that lacks them)."""

import importlib.util
import re
import shutil
import sys
import tempfile
from pathlib import Path

import django

django.setup()

from django.conf import settings  # noqa: E402

from tixi.ledger.engine import perturb  # noqa: E402
from tixi.ledger.engine.accuracy import held_out_scores, held_out_text, seed_scores  # noqa: E402

SHAPES = ("period_title_only", "period_sentence_last", "period_end_words", "report_year_in_title")
LEDGER = Path(__file__).resolve().parent.parent / "tests" / "ledger"


def seen_sets() -> list[str]:
    """The sets bench.py marks SEEN (never an unseen set's documents)."""
    bench = (Path(__file__).resolve().parent.parent / "tixi/shell/management/commands/bench.py").read_text()
    return re.findall(r'truth / "(heldout\w*)",\s*True,', bench)


def main() -> None:
    shapes = perturb
    if len(sys.argv) > 1:
        spec = importlib.util.spec_from_file_location("other_perturb", sys.argv[1])
        shapes = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(shapes)
    for name in SHAPES:
        shape = shapes.perturbed(name)
        docs = expected = plain = plain_found = shaped = shaped_found = 0
        for folder in seen_sets():
            changed = [
                p
                for p in sorted((LEDGER / folder).glob("*.txt"))
                if shape(held_out_text(p)) != held_out_text(p)
            ]
            if not changed:
                continue
            tmp = Path(tempfile.mkdtemp())
            for p in changed:
                shutil.copy(p, tmp / p.name)
                shutil.copy(p.with_suffix(".yaml"), tmp / f"{p.stem}.yaml")
            before, after = held_out_scores(tmp), held_out_scores(tmp, shape)
            shutil.rmtree(tmp)
            for doc, kinds in before.items():
                docs += 1
                expected += kinds["targets"].expected
                plain, plain_found = plain + kinds["targets"].matched, plain_found + kinds["targets"].found
                shaped += after[doc]["targets"].matched
                shaped_found += after[doc]["targets"].found
        seeds = seed_scores(LEDGER / "seed_truth", Path(settings.TIXI_SEEDS_DIR), shape)
        print(
            f"{name}: {docs} SEEN docs changed, {expected} targets: plain {plain} matched ({plain_found} found), "
            f"shape {shaped} ({shaped_found} found); seeds {sum(v['targets'].matched for v in seeds.values())} "
            f"matched ({sum(v['targets'].found for v in seeds.values())} found)"
        )


if __name__ == "__main__":
    main()

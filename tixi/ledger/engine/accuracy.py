"""Precision and recall of the plan reader against hand-made expectations (tests/ledger/seed_truth)."""

import re
from collections import Counter
from dataclasses import dataclass


@dataclass
class Score:
    expected: int
    found: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0


def _title(text: str) -> str:
    return re.sub(r"[\s*。.]", "", text)


def task_key(title, lead, cooperating) -> tuple:
    """A task is right when its title and both lists of units are right (order aside)."""
    return _title(title), frozenset(lead), frozenset(cooperating)


def target_key(value, unit, year, comparator) -> tuple:
    return round(float(value), 4), unit or "", int(year), comparator


def score(expected: list[tuple], found: list[tuple]) -> Score:
    """Matches counted as a multiset: a target stated twice must be found twice."""
    matched = sum((Counter(expected) & Counter(found)).values())
    return Score(len(expected), len(found), matched)


def seed_scores(truth_dir=None, seeds_dir=None) -> dict[str, dict[str, Score]]:
    """{seed: {"tasks": Score, "targets": Score}} for every hand-made expectation file."""
    import os
    from pathlib import Path

    import yaml

    from tixi.ledger.engine import parse

    root = Path(__file__).resolve().parents[3]
    truth_dir = Path(truth_dir or root / "tests" / "ledger" / "seed_truth")
    seeds_dir = Path(seeds_dir or os.environ.get("TIXI_SEEDS_DIR") or root.parent / "shared" / "seeds")
    results = {}
    for path in sorted(truth_dir.glob("*.yaml")):
        truth = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = next(seeds_dir.glob(f"{path.stem}_*.txt")).read_text(encoding="utf-8")
        found_tasks = parse.tasks(text)
        found_targets = parse.targets(text)
        results[path.stem] = {
            "tasks": score(
                [task_key(t["title"], t["lead"], t["cooperating"]) for t in truth["tasks"]],
                [task_key(t["title"], t["lead_units"], t["cooperating_units"]) for t in found_tasks],
            ),
            "targets": score(
                [target_key(*t) for t in truth["targets"]],
                [target_key(t["value"], t["unit"], t["year"], t["comparator"]) for t in found_targets],
            ),
        }
    return results

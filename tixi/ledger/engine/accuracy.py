"""Precision and recall of the plan reader against hand-made expectations (tests/ledger/seed_truth).

Every folder is the caller's to give (the seeds, the expectations, the plan packs, the catalogue):
an engine reads no test folder and knows no path beside the repository."""

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path


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


TITLE_PUNCTUATION = re.compile(r"[\s*。.,，、:：;；()（）%“”\"'《》]")
HELD_OUT_TITLE = 10  # titles that begin alike over this many characters agree (the measure before session 12)
TITLE_OVERLAP = 0.5  # else, the share of character pairs two titles must have in common to agree


def _title(text: str) -> str:
    return TITLE_PUNCTUATION.sub("", text)


def _pairs(text: str) -> Counter:
    return Counter(text[i : i + 2] for i in range(len(text) - 1))


def title_overlap(a: str, b: str) -> float:
    """How far two wordings of one task agree, 0 to 1: 1 when one holds the other whole or both begin with the
    same 10 characters, else the Dice share of their character pairs."""
    a, b = _title(a), _title(b)
    if not a or not b:
        return 0.0
    shorter, longer = sorted((a, b), key=len)
    if (len(shorter) >= 4 and shorter in longer) or a[:HELD_OUT_TITLE] == b[:HELD_OUT_TITLE]:
        return 1.0
    pa, pb = _pairs(a), _pairs(b)
    total_pairs = sum(pa.values()) + sum(pb.values())
    return 2 * sum((pa & pb).values()) / total_pairs if total_pairs else 0.0


UNIT_BRACKETS = str.maketrans({"(": "（", ")": "）"})


def _units(names) -> set[str]:
    """A unit's name is one name however its brackets were typed: 各县(区)人民政府 is 各县（区）人民政府
    (the reader keeps the brackets as written; a truth may have been written from the other shape)."""
    return {name.translate(UNIT_BRACKETS) for name in names}


def task_score(expected: list[tuple], found: list[tuple]) -> Score:
    """Tasks as (title, lead units, cooperating units). A found task is right when both lists of units are the
    expected task's exactly (order aside) and its title says the same task: the issue asks the units exact and
    the task's text recognisable, not a byte-exact title (a reader may cut the first sentence at another comma
    or keep a heading's words). Each expected task is matched once, the closest titles first."""
    candidates = []
    for i, (e_title, e_lead, e_coop) in enumerate(expected):
        for j, (f_title, f_lead, f_coop) in enumerate(found):
            if _units(e_lead) == _units(f_lead) and _units(e_coop) == _units(f_coop):
                overlap = title_overlap(e_title, f_title)
                if overlap >= TITLE_OVERLAP:
                    candidates.append((-overlap, i, j))
    used_expected, used_found = set(), set()
    for _, i, j in sorted(candidates):
        if i not in used_expected and j not in used_found:
            used_expected.add(i)
            used_found.add(j)
    return Score(len(expected), len(found), len(used_expected))


def target_key(value, unit, year, comparator) -> tuple:
    return round(float(value), 4), unit or "", int(year), comparator


def score(expected: list[tuple], found: list[tuple]) -> Score:
    """Matches counted as a multiset: a target stated twice must be found twice."""
    matched = sum((Counter(expected) & Counter(found)).values())
    return Score(len(expected), len(found), matched)


def table_row_key(clause: str, target) -> tuple:
    """A table row is right when it reads as the document's row and its target value is right."""
    return re.sub(r"\s", "", clause), None if target is None else round(float(target), 4)


def table_scores(packs_dir: Path, seeds_dir: Path) -> dict[str, Score]:
    """The indicator tables read from the seeds against the hand-made plan packs (their table rows,
    each with the row's text as its clause); seeds without a table in their pack are left out."""
    import yaml

    from tixi.ledger.engine.tables import indicator_rows

    results = {}
    for path in sorted(Path(packs_dir).glob("*.yaml")):
        pack = yaml.safe_load(path.read_text(encoding="utf-8"))
        rows = {}
        for t in pack["targets"]:
            if re.fullmatch(r"\d+(?:\.\d+)?", str(t.get("row", ""))):  # table 1, not the text or table 2
                rows.setdefault(re.sub(r"\s", "", t["clause"]), t.get("target"))
        if not rows:
            continue
        text = (Path(seeds_dir) / pack["source"]).read_text(encoding="utf-8")
        found = [r for r in indicator_rows(text) if r["table"] == 1]
        results[pack["source"][:3]] = score(
            [table_row_key(clause, target) for clause, target in rows.items()],
            [table_row_key(r["clause"], r["target"]) for r in found],
        )
    return results


def suggestion_scores(packs_dir: Path, catalogue_path: Path) -> dict[str, int]:
    """How often the suggested indicator is the one the plan packs link by hand (targets of a
    division, not of a named institution): {"right", "wrong", "none"}."""
    import yaml

    from tixi.ledger.engine.matching import suggest

    catalogue = yaml.safe_load(Path(catalogue_path).read_text(encoding="utf-8"))
    names = {i["code"]: i["name"] for i in catalogue["indicators"]}
    counts = Counter(right=0, wrong=0, none=0)
    for path in sorted(Path(packs_dir).glob("*.yaml")):
        for t in yaml.safe_load(path.read_text(encoding="utf-8"))["targets"]:
            if t.get("indicator") and not t.get("institution"):
                code = suggest(t["label"], names)
                counts["none" if code is None else "right" if code == t["indicator"] else "wrong"] += 1
    return dict(counts)


def seed_scores(truth_dir: Path, seeds_dir: Path, perturb=None) -> dict[str, dict[str, Score]]:
    """{seed: {"tasks": Score, "targets": Score}} for every hand-made expectation file; `perturb` (a function of
    the text, tixi.ledger.engine.perturb) reshapes each text before the reader sees it."""
    import yaml

    from tixi.ledger.engine import parse

    truth_dir, seeds_dir = Path(truth_dir), Path(seeds_dir)
    results = {}
    for path in sorted(truth_dir.glob("*.yaml")):
        truth = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = next(seeds_dir.glob(f"{path.stem}_*.txt")).read_text(encoding="utf-8")
        if perturb is not None:
            text = perturb(text)
        found_tasks = parse.tasks(text)
        found_targets = parse.targets(text)
        results[path.stem] = _document_scores(truth, found_tasks, found_targets)
    return results


def _document_scores(truth: dict, found_tasks: list[dict], found_targets: list[dict]) -> dict[str, Score]:
    """One document's tasks and targets scored against its hand-made truth (a seed's or a held-out plan's)."""
    return {
        "tasks": task_score(
            [(t["title"], t["lead"], t["cooperating"]) for t in truth["tasks"]],
            [(t["title"], t["lead_units"], t["cooperating_units"]) for t in found_tasks],
        ),
        "targets": score(
            [target_key(*t) for t in truth["targets"]],
            [target_key(t["value"], t["unit"], t["year"], t["comparator"]) for t in found_targets],
        ),
    }


def held_out_text(path: Path) -> str:
    """The document without the '# source:' lines at its top."""
    lines = path.read_text(encoding="utf-8").splitlines()
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    return "\n".join(lines)


def held_out_scores(folder: Path, perturb=None) -> dict[str, dict[str, Score]]:
    """{document: {"tasks": Score, "targets": Score}} on the held-out plans (tests/ledger/heldout):
    real documents of other places, their truth written before the rules saw them; `perturb` as in seed_scores
    (the '#' header is gone before it runs)."""
    import yaml

    from tixi.ledger.engine import parse, tables

    results = {}
    for path in sorted(Path(folder).glob("*.yaml")):
        truth = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = held_out_text(path.with_suffix(".txt"))
        if perturb is not None:
            text = perturb(text)
        found_tasks, found_targets = parse.tasks(text), parse.targets(text)
        # the plan's targets are what its sentences and its indicator tables give (as `tixi plans parse` and the
        # import show them); a bare value in a target column is a level to reach (ge)
        found_targets += [
            {
                "value": r["target"],
                "unit": r["unit"],
                "year": r["target_year"],
                "comparator": r["comparator"] or "ge",
            }
            for r in tables.indicator_rows(text)
            if r["target"] is not None
        ]
        results[path.stem] = _document_scores(truth, found_tasks, found_targets)
    return results


def total(scores: dict[str, dict[str, Score]], kind: str) -> Score:
    """All documents together (micro-average)."""
    return Score(
        *(sum(getattr(s[kind], f) for s in scores.values()) for f in ("expected", "found", "matched"))
    )


def layout_scores(folders, names=None) -> dict[str, Score]:
    """{layout: Score} of the tasks of every truth in `folders` rendered in each layout of perturb.UNIT_LAYOUTS (one
    document per set and layout) and read back: the reader on its role vocabulary in every combination."""
    import yaml

    from tixi.ledger.engine import parse
    from tixi.ledger.engine.perturb import UNIT_LAYOUTS, unit_layout

    results = {}
    for name in names or UNIT_LAYOUTS:
        expected_all, found_all, matched = 0, 0, 0
        for folder in folders:
            truth_tasks = [
                task
                for path in sorted(Path(folder).glob("*.yaml"))
                for task in yaml.safe_load(path.read_text(encoding="utf-8")).get("tasks") or []
            ]
            text, expected = unit_layout(name, truth_tasks)
            if not expected:
                continue
            found = [(t["title"], t["lead_units"], t["cooperating_units"]) for t in parse.tasks(text)]
            s = task_score(expected, found)
            expected_all, found_all, matched = (
                expected_all + s.expected,
                found_all + s.found,
                matched + s.matched,
            )
        results[name] = Score(expected_all, found_all, matched)
    return results

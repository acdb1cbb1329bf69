"""The apps form layers (DESIGN.md) and engines stay free of Django even through other modules."""

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def contracts() -> dict:
    config = tomllib.loads((REPO / "pyproject.toml").read_text())
    return {c["type"]: c for c in config["tool"]["importlinter"]["contracts"]}


def test_the_layers_and_the_engines_contracts_are_declared_strictly():
    declared = contracts()
    layers = [layer.replace(" ", "") for layer in declared["layers"]["layers"]]
    assert layers[0].startswith("shell") and layers[-1] == "core"
    beside = {app: i for i, layer in enumerate(layers) for app in layer.split("|")}  # apps side by side
    assert (
        layers.index("demo")
        < beside["layout"]  # above exchange: it registers the norms' import table
        == beside["surveillance"]
        == beside["hospitals"]
        < beside["exchange"]
        == beside["ledger"]
        < layers.index("indicators")
    )
    assert (
        layers.index("indicators") < layers.index("registry") < layers.index("geo") < layers.index("accounts")
    )
    assert declared["layers"]["exhaustive"] is True  # a new app must take its place in the layers
    assert declared["forbidden"]["allow_indirect_imports"] is False
    # every app's engine falls under it, the apps added later (layout, surveillance, hospitals, ...) too
    engines = {f"tixi.{p.parent.parent.name}.engine" for p in (REPO / "tixi").glob("*/engine/*.py")}
    assert len(engines) >= 8 and engines <= set(declared["forbidden"]["source_modules"])


def test_lint_imports_keeps_every_contract():
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 broken" in result.stdout


def test_no_production_code_reaches_into_tests_or_the_seeds_beside_the_repository():
    """The seeds' folder is a setting (TIXI_SEEDS_DIR); only the benchmark (the shell, a developer's
    tool) reads the plan reader's expectations kept with the tests."""
    seeds_path = re.compile(r"""["']shared["']\s*/\s*["']seeds["']|\.\./shared/seeds""")
    tests_path = re.compile(r"""["']tests["']\s*/""")
    offenders = []
    for path in sorted((REPO / "tixi").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        relative = str(path.relative_to(REPO))
        if seeds_path.search(text) and relative != "tixi/settings.py":
            offenders.append(relative)
        if tests_path.search(text) and relative != "tixi/shell/management/commands/bench.py":
            offenders.append(relative)
    assert offenders == []


def test_the_years_the_pages_offer_are_a_setting():
    code = (
        "import django; django.setup(); from tixi.geo.tree_views import YEARS; "
        "from tixi.exchange.dataset_views import FIRST_YEAR; print(YEARS[0], YEARS[-1], FIRST_YEAR)"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tixi.settings",
        "TIXI_FIRST_YEAR": "2019",
        "TIXI_LAST_YEAR": "2030",
    }
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["2019", "2030", "2019"]


def test_make_test_runs_the_role_matrix_the_fuzzing_and_the_browser_tests():
    """`make test` (what CI runs, on SQLite and PostgreSQL) runs the whole of tests/, security included:
    no marker, keyword or path left out there or in pytest's own options."""
    recipe = re.search(r"^test:.*\n\t(.+)", (REPO / "Makefile").read_text(), re.M).group(1)
    options = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]
    for command in (recipe, options["addopts"]):
        assert not re.search(r"(^|\s)(-m|-k|--ignore|--deselect)\b", command), command
    assert "pytest" in recipe and options["testpaths"] == ["tests"]
    for module in ("test_role_matrix.py", "test_api_fuzz.py", "test_browser_xss.py"):
        assert (REPO / "tests" / "security" / module).exists()
    assert "make test" in (REPO / ".ci" / "run").read_text()

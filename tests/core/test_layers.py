"""The apps form layers (DESIGN.md) and engines stay free of Django even through other modules."""

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
        < beside["exchange"]
        == beside["ledger"]
        == beside["layout"]
        < layers.index("indicators")
    )
    assert (
        layers.index("indicators") < layers.index("registry") < layers.index("geo") < layers.index("accounts")
    )
    assert declared["layers"]["exhaustive"] is True  # a new app must take its place in the layers
    assert declared["forbidden"]["allow_indirect_imports"] is False


def test_lint_imports_keeps_every_contract():
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 broken" in result.stdout

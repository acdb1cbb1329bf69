"""Every unit of the catalogue (and the base units its gaps fall back to) has an English label: an
English scorecard read "0.4 万亩 to go" for 达川's medicinal plant acreage (journey18's sweep)."""

import re
from pathlib import Path

import yaml

from tixi.indicators.services import BASE_UNITS, unit_label

CATALOGUE = Path(__file__).resolve().parents[2] / "tixi" / "indicators" / "data" / "catalogue.yaml"


def units(node):
    if isinstance(node, dict):
        if "unit" in node and isinstance(node["unit"], str):
            yield node["unit"]
        for value in node.values():
            yield from units(value)
    elif isinstance(node, list):
        for value in node:
            yield from units(value)


def test_every_catalogue_unit_reads_in_english_on_an_english_page():
    found = set(units(yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))))
    found |= set(BASE_UNITS) | {base for base, _times in BASE_UNITS.values()}
    assert "万亩" in found
    chinese = {u: unit_label(u, "en") for u in found if re.search(r"[\u4e00-\u9fff]", unit_label(u, "en"))}
    assert not chinese, chinese
    assert unit_label("万亩", "en") == "×10,000 mu" and unit_label("万亩", "zh-hans") == "万亩"

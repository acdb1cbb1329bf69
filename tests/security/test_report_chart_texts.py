"""Texts users write reach the Word report's charts as text: a target's label (planners, plans drafted
from documents), an institution's name (the institution's own users) or an indicator's English name
holding dollar signs is drawn as typed, not read as Matplotlib's mathematics, which refused
`$\\foo{$` with a 500 on every viewer's report download (and drew `$x^{10}$` as x¹⁰)."""

import pytest
from django.utils import translation

from tixi.indicators import reports

pytestmark = pytest.mark.without_demo

ROW = {
    "unit": "张",
    "decimals": 2,
    "series": {2020: 5.1, 2021: 5.4, 2022: 5.9},
    "trajectory_path": {2020: 5.1, 2025: 6.5},
    "target": 6.5,
    "kind": "value",
    "status": "on_track",
}


@pytest.fixture
def titles(monkeypatch):
    """The title each chart is drawn with, as the figure holds it when saved."""
    drawn = []
    saving = reports._png

    def keep(fig):
        title = fig.axes[0].title
        drawn.append((title.get_text(), title._preprocess_math(title.get_text())[1]))
        return saving(fig)

    monkeypatch.setattr(reports, "_png", keep)
    return drawn


@pytest.mark.parametrize("label", ["每千人口床位$\\foo{$数", "床位数$x^{10}$", "$$", "费用（$）"])
def test_a_label_with_dollar_signs_is_drawn_as_typed(titles, label):
    with translation.override("zh-hans"):
        png = reports._series_png({**ROW, "label": label})
    assert png.startswith(b"\x89PNG")
    assert titles == [(f"{label}（张）", False)]  # the text itself, not mathematics


def test_an_institution_named_with_dollar_signs_in_the_english_report(titles):
    row = {**ROW, "label": "床位", "indicator_name_en": "Beds", "institution": "医院$\\x$"}
    with translation.override("en"):
        assert reports._series_png(row).startswith(b"\x89PNG")
    [(text, mathematics)] = titles
    assert text.startswith("Beds: 医院$\\x$") and mathematics is False

"""The Word report's pictures are drawn once each (issue 12: the 攀枝花 report drew its 136 trend
pictures twice, tight_layout then savefig's second draw, 179 s on a loaded server), with margins
that still fit their labels as tight_layout set them."""

import matplotlib.pyplot as plt
import pytest
from django.utils import translation
from matplotlib.figure import Figure

from tixi.indicators import reports

pytestmark = pytest.mark.without_demo

ROW = {
    "label": "每千人口注册护士数",
    "unit": "人",
    "decimals": 2,
    "series": {2020: 2.79, 2021: 3.0, 2022: 3.2, 2023: 3.35},
    "trajectory_path": {2020: 2.79, 2025: 3.8},
    "target": 3.8,
    "kind": "value",
    "status": "at_risk",
}
ROWS = [
    ROW,
    {
        **ROW,
        "decimals": 0,
        "kind": "count",
        "series": {2020: 1, 2021: 2, 2022: 2},
        "target": 2,
        "trajectory_path": {},
    },
    {**ROW, "decimals": 1, "series": {2020: 12345.6, 2021: 23456.7, 2022: 34567.8}, "target": 40000},
    {**ROW, "series": {2020: 0.05, 2021: 0.07, 2022: 0.065}, "target": 0.1},
    {**ROW, "decimals": 0, "series": {2020: 350000, 2021: 420000, 2022: 512000}, "target": 600000},
    {
        **ROW,
        "label": "二级及以上公立医院平均住院日与患者满意度综合指数",
        "institution": "攀枝花市中西医结合医院",
    },
]


@pytest.fixture
def draws(monkeypatch):
    """How many times a figure is drawn (a PNG encoding follows each of savefig's draws)."""
    counted = []
    drawing = Figure.draw

    def counting(self, renderer):
        counted.append(self)
        return drawing(self, renderer)

    monkeypatch.setattr(Figure, "draw", counting)
    return counted


def test_each_picture_is_drawn_once(draws):
    with translation.override("zh-hans"):
        assert reports._series_png(ROW).startswith(b"\x89PNG")
        assert len(draws) == 1
        assert reports._chart_png([ROW]).startswith(b"\x89PNG")
        assert len(draws) == 2


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize("row", ROWS)
def test_margins_fit_the_labels_as_tight_layout_did(language, row):
    with translation.override(language), plt.rc_context(reports._figure_style()):
        figure = reports._series_figure(row, until=2024)
        ours = vars(figure.subplotpars).copy()
        figure.tight_layout()
        tight = vars(figure.subplotpars)
        width, height = figure.get_size_inches() * 72
    for side, size in (("left", width), ("right", width), ("top", height), ("bottom", height)):
        assert abs(ours[side] - tight[side]) * size < 0.5, (side, ours[side], tight[side])  # points


@pytest.fixture
def made(monkeypatch):
    """The figures made, with an empty picture cache."""
    monkeypatch.setattr(reports, "_PNG_CACHE", type(reports._PNG_CACHE)())
    counted = []
    making = Figure.__init__

    def counting(self, *args, **kwargs):
        counted.append(self)
        return making(self, *args, **kwargs)

    monkeypatch.setattr(Figure, "__init__", counting)
    return counted


def pixels(png):
    import io

    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("L")).astype(int)


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_report_s_pictures_are_drawn_on_one_figure_as_on_their_own(made, language):
    """Issue 12: 攀枝花's 136 pictures made 136 figures (a third of the report's time). On one canvas,
    each picture looks as it did on a figure of its own (at most a grey level of anti-aliasing)."""
    with translation.override(language):
        canvas = reports.SeriesCanvas()
        shared = [reports._series_png(row, until=2024, canvas=canvas) for row in ROWS]
        assert len(made) == 1
        alone = [reports._series_png(row, until=2024) for row in ROWS]
    for row, ours, theirs in zip(ROWS, shared, alone, strict=True):
        a, b = pixels(ours), pixels(theirs)
        assert a.shape == b.shape
        difference = abs(a - b)
        assert difference.max() <= 2 and (difference > 0).mean() < 0.002, row


def test_a_picture_already_drawn_comes_from_the_cache(made, draws):
    with translation.override("zh-hans"):
        first = reports._series_png(ROW, until=2024, canvas=reports.SeriesCanvas())
        again = reports._series_png(ROW, until=2024, canvas=reports.SeriesCanvas())
        assert again == first and len(draws) == 1
        reports._series_png({**ROW, "target": 4.0}, until=2024, canvas=reports.SeriesCanvas())
        reports._series_png(ROW, until=2022, canvas=reports.SeriesCanvas())
        assert len(draws) == 3
    with translation.override("en"):  # the words are another language's
        reports._series_png(ROW, until=2024, canvas=reports.SeriesCanvas())
        assert len(draws) == 4


def test_pictures_drawn_in_worker_processes_are_those_drawn_here(made, monkeypatch):
    """A report with many pictures left to draw shares them among worker processes (one per core):
    the same pictures, in the same order, none drawn in this process."""
    monkeypatch.setenv("TIXI_REPORT_WORKERS", "2")
    monkeypatch.setattr(reports, "PARALLEL_FROM", 4)
    with translation.override("zh-hans"):
        specs = [reports._series_spec(row, until=2024) for row in ROWS]
        drawn = reports.series_pngs(specs)
        assert len(made) == 0
        here = [reports._series_png(row, until=2024) for row in ROWS]
    for row, ours, theirs in zip(ROWS, drawn, here, strict=True):
        difference = abs(pixels(ours) - pixels(theirs))
        assert difference.max() <= 2 and (difference > 0).mean() < 0.002, row


def test_a_worker_that_fails_leaves_the_pictures_to_this_process(made, monkeypatch):
    monkeypatch.setenv("TIXI_REPORT_WORKERS", "2")
    monkeypatch.setattr(reports, "PARALLEL_FROM", 4)
    monkeypatch.setattr(reports.sys, "executable", "/nonexistent/python")
    with translation.override("en"):
        drawn = reports.series_pngs([reports._series_spec(row) for row in ROWS])
    assert len(drawn) == len(ROWS) and all(png.startswith(b"\x89PNG") for png in drawn)
    assert len(made) == 1  # one canvas here

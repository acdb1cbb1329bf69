"""The evaluation report's trend pictures, drawn from what they show (no Django: a worker process of
`draw_many` imports this module alone). A picture's `spec` is plain data, its words already in the
report's language: title, the years and values with their labels, the trajectory, the target.

Drawing is Matplotlib's Agg. A report's pictures share one figure (`Canvas`), cleared of the last
picture's lines, texts and legend: making a figure, its axes and ticks anew for each of 攀枝花's 136
pictures was a third of the report's time (issue 12)."""

import glob
import io
import logging

log = logging.getLogger(__name__)

CJK_FONT = "Noto Sans CJK SC"
# Where Debian (fonts-noto-cjk), other Linux distributions and macOS keep the font files.
CJK_FONT_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/**/NotoSansCJK*-Regular.tt[cf]",
    "/usr/share/fonts/**/NotoSansSC-Regular.[ot]tf",
    "/Library/Fonts/NotoSansCJK*.ttc",
)
SERIES_SIZE = (5.6, 2.4, 130)  # inches wide and high, dots per inch (13 cm wide in the report: 142 dpi)
# Room, in points, for a trend picture's title (9 pt text and its 6 pt pad) and for the year labels
# with the axis label under them: what tight_layout gave in either language (tests/indicators).
SERIES_TOP = 13.9
SERIES_BOTTOM = 29.3


def cjk_font_name() -> str | None:
    """Register the CJK font from its file (the font cache may not know it) and return its name."""
    from matplotlib import font_manager

    if CJK_FONT in {f.name for f in font_manager.fontManager.ttflist}:
        return CJK_FONT
    for pattern in CJK_FONT_FILES:
        for path in sorted(glob.glob(pattern, recursive=True)):
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError):  # pragma: no cover - an unreadable file: try the next
                continue
            if CJK_FONT in {f.name for f in font_manager.fontManager.ttflist}:
                return CJK_FONT
    log.warning("No CJK font (%s) found: chart labels in Chinese will miss glyphs.", CJK_FONT)
    return None


def figure_style():
    font = cjk_font_name()
    return {
        "font.family": [font, "DejaVu Sans"] if font else ["DejaVu Sans"],
        "axes.unicode_minus": False,  # the ASCII minus is in every font
    }


def new_figure(width: float, height: float, dpi: int):
    """A figure outside pyplot (no figure manager to register and forget) drawn by Agg."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=dpi)
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


def fit_margins(fig, ax, top_text: float, bottom_text: float) -> None:
    """Margins that fit the labels, as `tight_layout` sets them but without laying out every
    artist: the left one from the widest y tick label as drawn, top and bottom from the sizes (in
    points) of the texts above (title) and below (tick labels, axis label) the axes."""
    from matplotlib import rcParams
    from matplotlib.font_manager import FontProperties

    renderer = fig.canvas.get_renderer()
    points = fig.dpi / 72
    width, height = fig.get_size_inches() * fig.dpi
    pad = 1.08 * rcParams["font.size"] * points  # tight_layout's default pad
    # the height first: how many y ticks, so which labels, depends on it
    fig.subplots_adjust(
        top=1 - (pad + top_text * points) / height, bottom=(pad + bottom_text * points) / height
    )
    low, high = sorted(ax.get_ylim())
    ticks = [t for t in ax.yaxis.get_majorticklocs() if low <= t <= high]
    labels = ax.yaxis.get_major_formatter().format_ticks(ticks)
    prop = FontProperties(size=rcParams["ytick.labelsize"])
    widest = max(
        (renderer.get_text_width_height_descent(t, prop, ismath=False)[0] for t in labels), default=0
    )
    tick = (rcParams["ytick.major.size"] + rcParams["ytick.major.pad"]) * points
    fig.subplots_adjust(left=(pad + tick + widest) / width, right=1 - pad / width)


def clear(ax) -> None:
    """The axes as a new one has them, less the ticks and labels they keep: no lines, texts or
    legend, limits to come from the next data, the default y locator."""
    from matplotlib.ticker import AutoLocator

    for artist in [*ax.lines, *ax.texts]:
        artist.remove()
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    ax.relim()
    ax.set_autoscale_on(True)
    ax.yaxis.set_major_locator(AutoLocator())


def series_figure(spec: dict, on=None):
    """The values by year, their trajectory and target; a count's axis in whole numbers (no 1.25
    labs). Drawn on `on` (a figure and its cleared axes) when given, on a new figure otherwise."""
    from matplotlib.ticker import MaxNLocator

    fig, ax = on or new_figure(*SERIES_SIZE)
    years, values = spec["years"], spec["values"]
    ax.plot(years, values, marker="o", color="#0b6e4f", label=spec["actual"])
    for y, v, text in zip(years, values, spec["value_labels"], strict=True):
        ax.annotate(text, (y, v), textcoords="offset points", xytext=(0, 5), ha="center", fontsize=7)
    if spec["path"]:
        ax.plot(*zip(*spec["path"], strict=True), "--", color="#b44d12", label=spec["trajectory"])
    if spec["target"] is not None:
        ax.axhline(spec["target"], color="#912018", linewidth=0.8, linestyle=":", label=spec["target_label"])
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    if spec["whole"]:
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    # a label is text users wrote: drawn as typed, never read as Matplotlib's $mathematics$
    ax.set_title(spec["title"], fontsize=9, parse_math=False)
    ax.set_xlabel(spec["xlabel"], fontsize=8)
    ax.legend(fontsize=7)
    ax.spines[["top", "right"]].set_visible(False)
    fit_margins(fig, ax, SERIES_TOP, SERIES_BOTTOM)
    return fig


class Canvas:
    """One figure for many trend pictures (each as a figure of its own would draw it: within a grey
    level of anti-aliasing, tests/indicators/test_report_speed.py)."""

    def __init__(self):
        self.figure = None

    def png(self, spec: dict) -> bytes:
        from matplotlib import rc_context

        with rc_context(figure_style()):
            if self.figure is None:
                self.figure = new_figure(*SERIES_SIZE)
            else:
                clear(self.figure[1])
            fig = series_figure(spec, on=self.figure)
            buffer = io.BytesIO()
            fig.savefig(buffer, format="png")
            return buffer.getvalue()


def draw_many(specs: list[dict]) -> list[bytes]:
    """The pictures of `specs` as PNG, in order, on one canvas (a worker process's task)."""
    import matplotlib

    matplotlib.use("Agg")
    canvas = Canvas()
    return [canvas.png(spec) for spec in specs]


def frame(pngs: list[bytes]) -> bytes:
    """PNGs one after another, each after its length (8 bytes, big-endian)."""
    return b"".join(len(png).to_bytes(8, "big") + png for png in pngs)


def unframe(data: bytes) -> list[bytes]:
    pngs, at = [], 0
    while at < len(data):
        size = int.from_bytes(data[at : at + 8], "big")
        if size <= 0 or at + 8 + size > len(data):
            raise ValueError("a truncated picture from a drawing process")
        pngs.append(data[at + 8 : at + 8 + size])
        at += 8 + size
    return pngs


if __name__ == "__main__":  # a worker: the specs as JSON on stdin, the pictures framed on stdout
    import json
    import sys

    sys.stdout.buffer.write(frame(draw_many(json.load(sys.stdin.buffer))))

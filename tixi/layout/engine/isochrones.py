"""Isochrones (no Django): travel time to the nearest facility drawn as bands of equal reach
(within the first threshold, between two thresholds, beyond the last or unreachable) with the
thresholds' contour lines and the facilities marked, as a PNG."""

import io

import numpy as np

# green → yellow → orange for the bands within reach, grey for beyond the last threshold
BAND_COLOURS = ("#1a9850", "#a6d96a", "#fdae61", "#bdbdbd")


def bands(seconds: np.ndarray, inside: np.ndarray, minutes) -> np.ndarray:
    """Per cell: 0 within minutes[0], i within minutes[i] (and beyond minutes[i-1]), len(minutes)
    beyond the last or unreachable; -1 outside the division. A cell at exactly a threshold is within it."""
    limits = np.asarray(minutes, float) * 60.0
    band = np.searchsorted(limits, np.nan_to_num(seconds, nan=np.inf, posinf=np.inf), side="left")
    band = np.where(np.isfinite(seconds), band, len(limits))
    return np.where(inside, band, -1).astype(np.int8)


def render_png(
    band: np.ndarray,
    legend: list[str],
    facility_rows,
    facility_cols,
    facility_label: str,
    font: str | None = None,
    width_px: int = 640,
) -> bytes:
    """The bands as an image (north up), the thresholds as contour lines, facilities as triangles.
    `legend` names each band in order (len(minutes) + 1 labels)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    colours = BAND_COLOURS[: len(legend) - 1] + (BAND_COLOURS[-1],)
    rows, cols = band.shape
    # the map fits a square of width_px (a tall county stays readable on a phone); the legend below
    scale = width_px / max(rows, cols, 1)
    map_w, map_h = max(int(cols * scale), 1), max(int(rows * scale), 1)
    legend_px = 84
    fig_w, fig_h = max(map_w, 560), map_h + legend_px
    family = {"family": font} if font else {}
    figure = plt.figure(figsize=(fig_w / 100, fig_h / 100), dpi=100)
    try:
        axes = figure.add_axes(((fig_w - map_w) / 2 / fig_w, legend_px / fig_h, map_w / fig_w, map_h / fig_h))
        shown = np.ma.masked_less(band, 0)
        axes.imshow(
            shown,
            cmap=ListedColormap(colours),
            vmin=0,
            vmax=len(colours) - 1,
            interpolation="nearest",
            aspect="auto",
        )
        if (band >= 0).any() and len(legend) > 2:
            levels = [b + 0.5 for b in range(len(legend) - 1)]
            axes.contour(
                np.where(band < 0, len(legend) - 1, band), levels=levels, colors="#333333", linewidths=0.6
            )
        if len(facility_rows):
            axes.scatter(facility_cols, facility_rows, marker="^", s=18, c="#000000", linewidths=0)
        axes.set_axis_off()
        handles = [Patch(color=c, label=label) for c, label in zip(colours, legend, strict=True)]
        handles.append(
            matplotlib.lines.Line2D([], [], marker="^", linestyle="", color="#000000", label=facility_label)
        )
        figure.legend(handles=handles, loc="lower center", ncol=2, frameon=False, prop={"size": 9, **family})
        out = io.BytesIO()
        figure.savefig(out, format="png")
        return out.getvalue()
    finally:
        plt.close(figure)

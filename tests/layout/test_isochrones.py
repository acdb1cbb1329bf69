"""Isochrones: travel time drawn as bands of equal reach with the thresholds' lines (issue 14 §2:
"a page with the travel-time map, isochrones and a per-township table")."""

import base64
import io
import re

import numpy as np
import pytest
from skimage import io as image_io

from tests.conftest import DACHUAN
from tests.layout.test_pages import client_for
from tixi.layout.engine.isochrones import BAND_COLOURS, bands, render_png


def test_a_cell_at_a_threshold_is_within_it_and_unreachable_is_beyond_the_last():
    seconds = np.array([[0.0, 900.0, 901.0, 1800.0], [3600.0, 3601.0, np.inf, np.nan]])
    inside = np.array([[True, True, True, True], [True, True, True, False]])
    assert bands(seconds, inside, (15, 30, 60)).tolist() == [[0, 0, 1, 1], [2, 3, 3, -1]]


def test_the_png_shows_each_band_in_its_colour_and_nothing_outside():
    band = np.full((40, 60), -1, np.int8)
    band[5:35, 5:20], band[5:35, 20:35], band[5:35, 35:50], band[5:35, 50:55] = 0, 1, 2, 3
    png = render_png(band, ["≤15", "15–30", "30–60", ">60"], np.array([10]), np.array([10]), "centre")
    pixels = image_io.imread(io.BytesIO(png))[..., :3]
    colours = {tuple(int(BAND_COLOURS[b][i : i + 2], 16) for i in (1, 3, 5)) for b in range(4)}
    seen = {tuple(p) for p in pixels.reshape(-1, 3)}
    assert colours <= seen, colours - seen
    assert (255, 255, 255) in seen  # cells outside the division stay blank


def test_empty_division_draws_without_lines_or_facilities():
    png = render_png(np.full((10, 10), -1, np.int8), ["≤15", ">15"], np.zeros(0), np.zeros(0), "centre")
    assert png.startswith(b"\x89PNG")


@pytest.mark.django_db
def test_the_coverage_page_draws_the_isochrones_of_the_kind_asked(users):
    html = client_for(users, "planner").get(f"/layout/{DACHUAN}/coverage/?year=2024").content.decode()
    assert "到最近机构的通行时间" in html and "等时线" in html
    township = re.search(r'data:image/png;base64,([A-Za-z0-9+/=]+)"', html).group(1)
    hospital_page = client_for(users, "planner").get(f"/layout/{DACHUAN}/coverage/?year=2024&map=hospital")
    hospital = re.search(r'data:image/png;base64,([A-Za-z0-9+/=]+)"', hospital_page.content.decode()).group(1)
    assert base64.b64decode(township).startswith(b"\x89PNG") and township != hospital
    # a kind that does not exist falls back to township centres, never a server error
    odd = client_for(users, "planner").get(f"/layout/{DACHUAN}/coverage/?year=2024&map=<script>")
    assert odd.status_code == 200 and township in odd.content.decode()
    english = (
        client_for(users, "planner", "en").get(f"/layout/{DACHUAN}/coverage/?year=2024").content.decode()
    )
    assert "Travel time to the nearest facility" in english and "到最近机构" not in english

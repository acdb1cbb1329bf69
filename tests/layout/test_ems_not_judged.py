"""攀枝花's towns showed "—" for the EMS radius on the access page: its plan sets a radius for urban
areas only (城市地区服务半径不超过5公里，农村地区服务半径因地制宜), so a town is not judged, and the page
said nothing else, while its note claimed every town was judged at 20 km (达川's rule). A town not
judged now shows the distance half its residents live within of the nearest EMS point, and the note is
the norms' own (issue 12, point 2)."""

import numpy as np
import pytest

from tests import factories as f
from tixi.geo.models import Division
from tixi.layout import actions
from tixi.layout.engine.coverage import weighted_median_by_zone

pytestmark = pytest.mark.without_demo
COUNTY = "990203000000"  # the kit's other county
YEAR = 2024


def test_the_median_is_weighted_by_residents_per_zone():
    values = np.array([[1.0, 2.0, 3.0], [10.0, np.inf, 5.0]])
    weights = np.array([[1, 1, 5], [3, 9, 0]])
    zones = np.array([[1, 1, 1], [2, 2, 2]])
    # zone 1: 3.0 holds 5 of 7 residents; zone 2: only 10.0 is reachable with residents; zone 3: none
    medians = weighted_median_by_zone(values, weights, zones, [1, 2, 3])
    assert medians[:2].tolist() == [3.0, 10.0] and np.isnan(medians[2])


@pytest.fixture
def county(region):
    """Nine towns of 0.1° (about 10 km) in a square, an EMS station with ambulances in the middle one;
    攀枝花's EMS norm (subdistricts at 5 km, towns left to local conditions) binding the county."""
    import yaml

    from tixi.layout.norms import FIELDS, NORMS_FILE

    county = region["other_county"]
    f.nine_square_towns(county, YEAR)
    station = f.institution(Division.objects.get(code="990203005000"), type="ems_station", level=None,
                            longitude=107.15, latitude=31.15)  # fmt: skip
    f.yearly_report(station, YEAR, ambulances=3)
    seeds = yaml.safe_load(NORMS_FILE.read_text(encoding="utf-8"))["norms"]
    entry = next(e for e in seeds if e["code"] == "pzh-ems-radius-urban")
    values = {k: v for k, v in entry.items() if k in FIELDS}
    actions.save_norm({**values, "code": "kit-ems-radius-urban", "region": COUNTY[:6]}, None)
    return county


def test_a_town_not_judged_shows_the_distance_half_its_residents_live_within(county, web):
    from tixi.layout.access import ems_radius, region

    ems = ems_radius(region(county, YEAR))
    assert ems["stations"] == 1 and ems["radii"] == ["5"]
    assert ems["townships"] == {}  # towns only: none judged, as the plan says
    median = ems["median_km"]
    assert len(median) == 9
    middle = median["990203005000"]
    corners = [median[f"990203{n:03d}000"] for n in (1, 3, 7, 9)]
    # the station's own town (about 10 x 11 km) nearest of all; the corner towns, their centres 15 km
    # from it, further by several km; none beyond the county's reach
    assert 0 < middle == min(median.values()) and all(middle + 4 < c < 20 for c in corners), median
    html = web("dazhou").get(f"/layout/{COUNTY}/coverage/", {"year": YEAR}).content.decode()
    assert f"不评判；半数居民在 {middle} 公里内" in html
    assert "因地制宜" in html  # the norm's own note, not 达川's rule
    assert "按 20 公里评判" not in html

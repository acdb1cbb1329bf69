"""The demo's reporting units are named as real ones are: the "synthetic (demo)" marker is the rows'
flag, shown in the page's language, never baked into a name in Chinese (issue 12)."""

import numpy as np
import pytest

from tixi.demo import surveillance_story

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


def test_demo_reporting_units_carry_no_marker_in_their_names(townships):
    rows = surveillance_story._channels(np.random.default_rng(1), townships)
    sites = {site for (_channel, _category, _place, site, _day) in rows}
    assert sites and all(site.startswith(tuple(t.name for t in townships)) for site in sites)
    assert not [site for site in sites if "演示" in site or "（" in site]

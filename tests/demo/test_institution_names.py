"""A demo institution's name is Chinese whatever its type: the type's code never leaks into it."""

import re
from types import SimpleNamespace

import numpy as np
import pytest

from tixi.demo.names import NameMaker
from tixi.registry.engine import classification


@pytest.mark.parametrize("type_", sorted(classification.TYPES))
def test_every_type_gets_a_chinese_name_never_its_code(type_):
    names = NameMaker(np.random.default_rng(7))
    county = SimpleNamespace(name="达川区")
    place = SimpleNamespace(name="杨柳镇")
    name = names.institution(type_, place, county)
    assert not re.search(r"[A-Za-z_]", name), name
    assert name.startswith("达川区") or name.endswith("社区卫生服务站"), name


def test_a_county_s_health_education_institute_is_named_after_the_county():
    names = NameMaker(np.random.default_rng(7))
    name = names.institution(
        "health_education", SimpleNamespace(name="杨柳镇"), SimpleNamespace(name="达川区")
    )
    assert name == "达川区健康教育所"

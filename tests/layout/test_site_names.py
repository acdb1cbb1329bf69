"""A candidate site is a place: its village or community, the institution standing there a landmark
(a new township centre is not "built at 吴氏诊所")."""

import pytest
from django.utils import translation

from tests import factories
from tixi.layout.access import site_name

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


@pytest.fixture
def village(db):
    town = factories.division("990102001000", parent=factories.division("990102000000"), name="宝新镇")
    return factories.division("990102001001", parent=town, name="宝新村")


def test_a_site_is_its_village_with_the_institution_as_a_landmark(village):
    clinic = factories.institution(village, name="吴氏诊所")
    assert site_name(clinic) == "宝新村（吴氏诊所旁）"
    with translation.override("en"):
        # the village in English; a private clinic's name no table reads stays as registered
        assert site_name(clinic) == "Baoxin Village, by 吴氏诊所"


def test_an_institution_named_after_its_village_adds_nothing(village):
    assert site_name(factories.institution(village, name="宝新村卫生室")) == "宝新村"

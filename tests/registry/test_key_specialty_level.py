"""A key specialty is a designation with its level (1 national to 4 county): any other level is refused
with the reason, and the institution page names the level (省级), not a number."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tests import factories
from tixi.registry.models import Designation, DesignationKind

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo, pytest.mark.region("two_counties")]


@pytest.mark.parametrize(
    "kind",
    [
        DesignationKind.KEY_SPECIALTY,
        # the TCM specialties the plans count apart (中医重点专科, 中医优势（特色）专科) are leveled alike
        DesignationKind.TCM_KEY_SPECIALTY,
        DesignationKind.TCM_ADVANTAGE_SPECIALTY,
    ],
)
def test_a_key_specialty_s_level_is_national_to_county(region, kind):
    hospital = factories.institution(region["east"])
    good = Designation(institution=hospital, kind=kind, value=2, obtained_on=dt.date(2021, 5, 1))
    good.full_clean()
    with translation.override("en"):
        assert str(good.level_display()) == "provincial"
    with translation.override("zh-hans"):
        assert str(good.level_display()) == "省级"
    for wrong in (None, 0, 5):
        bad = Designation(
            institution=hospital,
            kind=kind,
            value=wrong,
            obtained_on=dt.date(2021, 5, 1),
        )
        with pytest.raises(ValidationError) as raised:
            bad.full_clean()
        assert "value" in raised.value.message_dict
    emr = Designation(
        institution=hospital, kind=DesignationKind.EMR_LEVEL, value=4, obtained_on=dt.date(2021, 5, 1)
    )
    assert emr.level_display() == 4

"""What an EMS point is (the 急救站点 the EMS radius is measured to): the EMS centres and stations, and
every institution whose yearly report holds ambulances (the 急救网络医院 and township health centres of
a county-township EMS network). Data from the registry, not a list of names or types."""

import pytest

from tests import factories as f
from tixi.geo.models import Division

YEAR = 2024


@pytest.fixture
def county(db):
    province = f.division("990000000000")
    return f.division("990102000000", parent=f.division("990100000000", parent=province))


def reported(county, year=YEAR, ambulances=0, **fields):
    institution = f.institution(county, longitude=101.7, latitude=26.6, **fields)
    f.yearly_report(institution, year, ambulances=ambulances)
    return institution


@pytest.mark.without_demo
def test_an_institution_is_an_ems_point_when_its_report_holds_ambulances(county):
    from tixi.layout.access import ems_points

    network_hospital = reported(county, ambulances=3)
    no_ambulance = reported(county, ambulances=0)
    township_centre = reported(county, ambulances=1, type="township_health_centre", level=None)
    # an EMS centre is a point by what it is, even one that dispatches other institutions' ambulances
    centre = reported(county, ambulances=0, type="ems_centre", level=None)
    # ambulances in 2023 only: not a point in 2024
    sold = reported(county, year=2023, ambulances=2)
    f.yearly_report(sold, YEAR, ambulances=0)
    # ambulances but no point on the map: it cannot be measured to
    f.yearly_report(f.institution(county, longitude=None, latitude=None), YEAR, ambulances=4)

    found = {i.code for i in ems_points(county, YEAR)}
    assert found == {network_hospital.code, township_centre.code, centre.code}
    assert no_ambulance.code not in found and sold.code not in found
    assert sold.code in {i.code for i in ems_points(county, 2023)}


# The demo's urban districts of 攀枝花 hold the city's EMS centre and its network hospitals (the
# 市中心医院, 攀钢总医院, the district people's hospitals...), all with ambulances in their reports. A city
# district of a few hundred km² with its hospitals spread over its streets has most residents within
# 5 km of one (real urban districts: 80-100 %). Under 70 % means the points or the geography went
# wrong again: with the EMS centre alone 攀枝花 had 18 % (geo9), with 东区 34x its area almost none.
PANZHIHUA_URBAN_DISTRICTS = ("510402000000", "510403000000", "510411000000")


@pytest.mark.parametrize("code", PANZHIHUA_URBAN_DISTRICTS)
def test_most_urban_residents_of_the_demo_are_within_5_km_of_an_ems_point(db, code):
    from tixi.layout.access import ems_radius, region

    district = Division.objects.at(code, YEAR)
    ems = ems_radius(region(district, YEAR))
    streets = [t for t in ems["townships"].values() if t["radius"] == "5"]
    assert streets, f"{district.name}: no subdistrict judged at 5 km"
    residents = sum(t["population"] for t in streets)
    within = sum(t["inside"] for t in streets)
    assert within >= 0.7 * residents > 0, f"{district.name}: {within:,} of {residents:,} within 5 km"

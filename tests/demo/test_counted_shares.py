"""A share of a count of places is a whole number of them (journey17): 国家卫生乡镇数量占比 was drawn as a
free share (13.2 % of 达川's 24 townships is no whole number of them); the shares of townships and
villages the plans hold are counted over the townships (villages) there are. No database."""

from tixi.demo.indicator_values import counted_level
from tixi.indicators.models import Indicator


def share(name):
    return Indicator(code="s", name=name, unit="%", decimals=1)


def test_shares_of_townships_and_villages_are_counted_over_them():
    assert counted_level(share("国家卫生乡镇数量占比")) == 4
    assert counted_level(share("省级卫生乡镇总体数量比例")) == 4
    assert counted_level(share("装备卫生监督协管信息系统的乡（镇）比例")) == 4
    assert counted_level(share("省级卫生村（社区）覆盖率")) == 5
    assert counted_level(share("办好1所标准化村卫生室的行政村比例")) == 5
    assert counted_level(share("建立公共卫生委员会的村（居）委会比例")) == 5
    # as before: counties, towns; a share of drug varieties or of people is not a count of places
    assert counted_level(share("至少建成1家互联网医院的县（区）比例")) == 3
    assert counted_level(share("办好1所达到基本标准以上卫生院的建制乡镇比例")) == 4
    assert counted_level(share("政府办基层医疗卫生机构基本药物配备品种数量占比")) is None
    assert counted_level(share("65岁以上老年人规范化健康管理覆盖率")) is None
    assert counted_level(Indicator(code="n", name="国家卫生乡镇数", unit="个")) is None

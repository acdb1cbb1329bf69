"""A standard of payment raised is no target (tests/ledger/heldout/README.md, conv24, session 24); made-up text only."""

from tixi.ledger.engine import parse


def _read(text: str) -> list[tuple]:
    return [(t["value"], t["unit"]) for t in parse.targets(text)]


def test_a_payment_standard_raised_is_no_target():
    assert _read("到2025年，人均基本公共卫生服务经费补助标准提高到89元。") == []
    assert (
        _read("2024年，城乡居民基础养老金继续提高10%，农村低保标准提高6%，最低工资标准平均上调15%左右。")
        == []
    )


def test_levels_of_the_place_beside_them_stay_goals():
    found = _read(
        "到2025年，居民健康素养水平提高到30%，城镇居民人均可支配收入增长8%，全社会固定资产投资增长10%。"
    )
    assert found == [(30.0, "%"), (8.0, "%"), (10.0, "%")]

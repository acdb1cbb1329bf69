"""A number typed into a query string as "²" (a digit to str.isdigit, which int() refuses) is bad
input like "abc", never a server error: `raw.isdigit() and int(raw)` was a 500 on the division,
institution, hospital, gaps and plan pages and the divisions API (probe16, seen on the demo). The one
test is `tixi.core.text.digits`: the digits 0-9 alone."""

import pytest

from tixi.core.text import digits
from tixi.indicators.engine import periods

pytestmark = pytest.mark.without_demo


def test_digits_are_the_ascii_ones():
    assert digits("2024") and digits("510400000000")
    assert not any(digits(v) for v in ("", "²", "2⁰24", "２０２４", "٢٠٢٤", "-1", "1.5", None, 2024))


def test_a_period_with_a_superscript_is_no_period():
    with pytest.raises(periods.PeriodError):
        periods.year_of("202²")


@pytest.mark.parametrize("typed", ["²", "20²4"])
def test_pages_and_the_api_answer_a_superscript_year_without_error(web, api, region, typed):
    city, county = region["city"].code, region["county"].code
    client = web("planner")
    for path in (
        "/divisions/",
        f"/divisions/{city}/",
        f"/divisions/{county}/",
        "/institutions/",
        "/hospitals/",
        f"/layout/{city}/gaps/",
    ):
        answer = client.get(path, {"year": typed})
        assert answer.status_code < 500, path
    for query in ({"year": typed}, {"level": typed}):
        answer = api("planner").get("/api/divisions/", query)
        assert answer.status_code < 500, query

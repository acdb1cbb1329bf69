"""A hostile expression (200 nested parentheses, if(, greatest(, unary minus, a chain of thousands of
terms) gives a message naming the limit, not a 500, on the describe endpoint and an indicator PATCH."""

import pytest
from rest_framework.test import APIClient

from tixi.indicators.engine.expression import MAX_DEPTH, ExpressionError, parse
from tixi.indicators.models import Indicator

HOSTILE = [
    "(" * 200 + "1" + ")" * 200,
    "if(1, " * 200 + "1" + ", 2)" * 200,
    "greatest(" * 200 + "1" + ")" * 200,
    "-" * 2000 + "1",
    "+".join(["R{nurses}"] * 5000),
]


@pytest.mark.parametrize("text", HOSTILE)
def test_engine_refuses_with_the_limit(text):
    with pytest.raises(ExpressionError) as caught:
        parse(text)
    assert "too deeply" in caught.value.message


def test_reasonable_nesting_still_parses():
    parse("(" * (MAX_DEPTH - 1) + "1" + ")" * (MAX_DEPTH - 1))
    parse("+".join(["R{nurses}"] * 150))


@pytest.mark.django_db
@pytest.mark.without_demo
@pytest.mark.usefixtures("catalogue_once")
@pytest.mark.parametrize("text", HOSTILE)
def test_api_answers_400_with_the_message(api, catalogue_manager, text):
    response = api("cdc").get("/api/expressions/describe/", {"expression": text})
    assert response.status_code == 400 and "嵌套过深" in str(response.data)
    client = APIClient()
    client.force_authenticate(catalogue_manager)
    indicator = Indicator.objects.order_by("code").first()
    response = client.patch(f"/api/indicators/{indicator.code}/", {"numerator": text}, format="json")
    assert response.status_code == 400 and "numerator" in response.data
    assert Indicator.objects.get(pk=indicator.pk).numerator == indicator.numerator

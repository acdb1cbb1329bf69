"""The data set entry page writes each element's unit in the page's language: the English page showed
岁 and /10万 (life expectancy, maternal mortality ratio) as the catalogue stores them (the screenshot
pass, session 14); the Chinese page keeps them."""

import re

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo, pytest.mark.usefixtures("catalogue_once")]


def units(web, region, language: str) -> dict[str, str]:
    client = web("planner")
    client.cookies["django_language"] = language
    response = client.get(
        "/datasets/county_health_yearly/entry/", {"division": region["county"].code, "period": "2024"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    table = html[html.index('id="data-entry"') : html.index("</table>", html.index('id="data-entry"'))]
    rows = re.findall(
        r"<tr[^>]*>\s*<td[^>]*>(?:<span>)?([^<]+)(?:</span>)?</td>\s*<td[^>]*>(?:<span>)?([^<]*)", table
    )
    return dict(rows)


def test_units_in_the_pages_language(web, region):
    english = units(web, region, "en")
    assert english["Life expectancy"] == "years" and english["Maternal mortality ratio"] == "per 100,000"
    assert not [u for u in english.values() if re.search(r"[\u3400-\u9fff]", u)]
    chinese = units(web, region, "zh-hans")
    assert chinese["人均预期寿命"] == "岁" and chinese["孕产妇死亡率"] == "/10万"

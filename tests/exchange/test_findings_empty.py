"""The validation page with no finding says so for the place and year, and to whoever may run the rules
how to: it showed a bare "无。" under the table's headings (the screenshot pass, session 14: an empty
section with no word why)."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


def findings_page(web, role: str, language: str = "zh-hans") -> str:
    client = web(role)
    client.cookies["django_language"] = language
    response = client.get("/validation/", {"year": 2024})
    assert response.status_code == 200
    html = response.content.decode()
    table = html[html.index('id="findings"') :]
    return table[: table.index("</table>")]


def test_an_empty_validation_list_says_why(web, region, users):
    city = region["city"].name
    planner = findings_page(web, "planner")
    assert f"{city}2024年没有待跟进的校验发现。" in planner and "运行校验规则" in planner
    assert ">无。<" not in planner
    auditor = findings_page(web, "auditor")
    assert f"{city}2024年没有待跟进的校验发现。" in auditor and "运行校验规则" not in auditor
    english = findings_page(web, "planner", "en")
    assert f"No finding to follow up for {city} in 2024." in english

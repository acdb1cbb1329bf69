"""A form's own field reads like the model's fields beside it: "Division code:" among "Data element:",
"Value:" (the data values form) and "Name:", "Type:" (a new institution); it read "division code:"
on the English pages (the screenshot pass, session 14)."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


@pytest.mark.parametrize("path", ["/datavalues/", "/institutions/new/"])
def test_the_division_code_label_is_capitalised_like_its_neighbours(web, path):
    client = web("planner")
    client.cookies["django_language"] = "en"
    html = client.get(path).content.decode()
    assert 'for="id_division_code">Division code:</label>' in html
    client.cookies["django_language"] = "zh-hans"
    assert 'for="id_division_code">区划代码：</label>' in client.get(path).content.decode()

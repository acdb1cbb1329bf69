"""A data value's comment that a program wrote reads in the page's language: the hospitals' figures
store "据出院病案首页计算；目录 演示2024，权重 演示CHS-DRG1.1" (written while the demo was built in
Chinese), and the English data values page showed it so (screenshot pass, session 14). A comment a
person typed stays as typed."""

import pytest
from django.utils import translation
from django.utils.translation import gettext as _

from tixi.indicators.models import DataElement, DataValue

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo, pytest.mark.usefixtures("catalogue_once")]
FORM = "from discharge records; lists %(lists)s, weights %(weights)s"


def values_page(web, language: str) -> str:
    client = web("planner")
    client.cookies["django_language"] = language
    response = client.get("/datavalues/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_programs_comment_reads_in_the_pages_language(web, region):
    with translation.override("zh-hans"):
        stored = _(FORM) % {"lists": "演示2024", "weights": "演示CHS-DRG1.1"}
    assert stored.startswith("据出院病案首页计算")
    elements = DataElement.objects.all()[:2]
    DataValue.objects.create(
        element=elements[0], division=region["city"], period="2024", value=31.2, comment=stored
    )
    DataValue.objects.create(
        element=elements[1], division=region["city"], period="2024", value=7, comment="人工核对"
    )
    english = values_page(web, "en")
    assert "from discharge records; lists 演示2024, weights 演示CHS-DRG1.1" in english
    assert "据出院病案首页计算" not in english and "人工核对" in english
    assert stored in values_page(web, "zh-hans")

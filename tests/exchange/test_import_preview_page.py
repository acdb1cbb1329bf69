"""The import page as a county administrator walks it (session 15's journey: forty institutions'
yearly reports from Excel). The preview of a yearly-resources file listed each change under the
model's field code ("actual_beds", "outpatient_visits") on the Chinese page; a refused row showed a
typed -3 as "-3.0"."""

import io

import pytest
from openpyxl import Workbook

from tests import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


@pytest.fixture
def hospital(region):
    return f.institutions_in(region, years=(2024, 2025))["county_hospital"]


def upload(web, language, rows, name="年度资源.xlsx"):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = name
    client = web("county")
    client.cookies["django_language"] = language
    return client.post("/imports/", {"table": "resources", "file": buffer})


def test_the_preview_names_changed_fields_in_the_pages_language(web, hospital):
    rows = [["机构代码", "年份", "实有床位", "诊疗人次"], [hospital.code, 2025, 321, 45678]]
    chinese = upload(web, "zh-hans", rows)
    assert chinese.status_code == 200
    html = chinese.content.decode()
    assert "<td>实有床位</td>" in html and "<td>诊疗人次</td>" in html
    assert "actual_beds" not in html and "outpatient_visits" not in html
    english = upload(web, "en", rows).content.decode()
    assert "<td>actual beds</td>" in english and "actual_beds" not in english


def test_a_refused_whole_number_reads_as_typed(web, hospital):
    rows = [["机构代码", "年份", "卫生技术人员"], [hospital.code, 2025, -3]]
    response = upload(web, "zh-hans", rows)
    assert response.status_code == 400
    html = response.content.decode()
    assert "<td>-3</td>" in html and "-3.0" not in html

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


def test_a_formula_is_named_by_row_and_field_beside_the_files_other_mistakes(web, hospital):
    """A formula refused the whole file with "第3行第C列含有公式（C3）": no field named, and the other
    mistakes of the file hidden until it was uploaded again."""
    rows = [
        ["机构代码", "年份", "执业（助理）医师", "注册护士"],
        [hospital.code, 2025, 10, "十二"],
        [hospital.code, 2024, "=1+1", 5],
    ]
    response = upload(web, "zh-hans", rows)
    assert response.status_code == 400
    problems = response.content.decode().split('id="import-problems"')[1]
    cells = [
        [c.strip() for c in row.split("</td>")[:4]] for row in problems.replace("<td>", "").split("<tr>")[2:]
    ]
    assert ["3", "执业（助理）医师", "C3", "此单元格含有公式（C3），请粘贴为数值后再导入。"] in cells
    assert ["2", "注册护士", "十二", "不是数字。"] in cells
    assert len(cells) == 2  # the formula's cell is not also reported as blank


def test_the_problems_are_listed_in_the_files_row_order(web, hospital):
    """The journey's file listed its mistakes as rows 18, 6, 10, 22, 14, 43: cell checks first, then
    unknown codes, then duplicates."""
    rows = [
        ["机构代码", "年份", "注册护士"],
        ["99UNKNOWN", 2025, 1],
        [hospital.code, 2025, "十二"],
        [hospital.code, 2024, 1],
        [hospital.code, 2024, 1],
        [hospital.code, 2023, -1],
    ]
    html = upload(web, "zh-hans", rows).content.decode().split('id="import-problems"')[1]
    numbers = [int(r.split("</td>")[0]) for r in html.split("<tr><td>")[1:]]
    assert numbers == sorted(numbers) and len(numbers) == 4, numbers


def test_a_refused_file_is_not_listed_as_waiting_for_confirmation(web, hospital):
    """Every file the journey uploaded with mistakes stayed in the history as "待确认" (waiting for
    confirmation), with nothing to confirm."""
    from tixi.exchange.models import ImportBatch

    upload(web, "zh-hans", [["机构代码", "年份", "实有床位"], [hospital.code, 2025, "十二"]], name="bad.xlsx")
    upload(web, "zh-hans", [["机构代码", "年份", "实有床位"], [hospital.code, 2025, 321]], name="good.xlsx")
    status = dict(ImportBatch.objects.values_list("filename", "status"))
    assert status == {"bad.xlsx": "refused", "good.xlsx": "pending"}
    history = web("county").get("/imports/").content.decode()
    history = history[history.index('id="import-history"') :]
    assert history.count("未通过校验，未写入") == 1 and history.count("待确认") == 1


def test_the_preview_offers_no_download_of_the_import_history(web, hospital):
    """The page bar's "下载：Excel · CSV" downloads the page's table; on a preview it linked to the history
    of imports, which the preview does not show (probe16)."""
    for rows, status in (
        ([["机构代码", "年份", "实有床位"], [hospital.code, 2025, 321]], 200),
        ([["机构代码", "年份", "卫生技术人员"], [hospital.code, 2025, -3]], 400),
    ):
        response = upload(web, "zh-hans", rows)
        assert response.status_code == status
        html = response.content.decode()
        assert 'class="export-links"' not in html and "format=xlsx" not in html

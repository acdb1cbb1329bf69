"""An import template and an import's error report are named in the reader's language: the template
was "tixi-divisions-template.xlsx" on a Chinese page, so a county that filled it in and sent it back had
the audit trail note "导入 #3 tixi-divisions-template.xlsx" (the screenshot pass's #8: the table by its
English code)."""

from urllib.parse import unquote

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


def name_of(response) -> str:
    header = response["Content-Disposition"]
    if "filename*=utf-8''" in header:
        return unquote(header.split("filename*=utf-8''", 1)[1])
    return header.split('filename="', 1)[1].rstrip('"')


def download(web, language, path):
    client = web("planner")
    client.cookies["django_language"] = language
    response = client.get(path)
    assert response.status_code == 200
    return response


def test_a_template_is_named_in_the_readers_language(web):
    assert name_of(download(web, "zh-hans", "/imports/templates/divisions.xlsx")) == "区划-导入模板.xlsx"
    assert name_of(download(web, "zh-hans", "/imports/templates/population.xlsx")) == "常住人口-导入模板.xlsx"
    assert (
        name_of(download(web, "en", "/imports/templates/divisions.xlsx")) == "divisions-import-template.xlsx"
    )

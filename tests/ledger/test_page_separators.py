"""Figures an official reads at a glance (issue 12 §3, found in the screenshot pass as 达州): the
projects' totals carry thousands separators ("133183" read as a code), and a whole data value reads
whole ("241,159", not "241,159.0 人")."""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_projects_totals_carry_thousands_separators(web, language):
    client = web("dazhou")
    client.cookies["django_language"] = language
    text = client.get("/ledger/projects/").content.decode()
    line = re.search(r'<strong id="project-invested">.*?</p>', text, re.S).group(0)
    numbers = re.findall(r"\d[\d,]*", line)
    assert numbers and all(not re.fullmatch(r"\d{4,}", n) for n in numbers), numbers
    assert re.search(r"\d{1,3}(,\d{3})+", line)
    total = re.search(r'<strong id="project-total">([^<]+)</strong>', text).group(1)
    assert re.fullmatch(r"\d{1,3}(,\d{3})+", total), total


def test_a_whole_data_value_reads_whole(web):
    text = web("dazhou").get("/datavalues/").content.decode()
    assert "241,159" in text and "241,159.0" not in text
    assert not re.search(r">\d[\d,]*\.0<", text)

"""An import template's guide (the sheet 说明, written in Chinese) gives each example as the column
accepts it from its drop-down: the divisions template's level example was "township", an English
code beside the drop-down's 省/市/县（区）/乡镇（街道）/村（社区） (found by the screenshot pass)."""

import io

import pytest
from django.utils import translation
from openpyxl import load_workbook

from tixi.exchange.workbooks import template

pytestmark = pytest.mark.without_demo


def test_the_level_example_is_one_of_the_drop_downs_choices():
    with translation.override("zh-hans"):
        book = load_workbook(io.BytesIO(template("divisions")))
    guide = {row[1]: row for row in book["说明"].iter_rows(values_only=True) if row and row[1]}
    choices = {row[2] for row in book["选项"].iter_rows(values_only=True) if row[2]}
    assert guide["level"][5] == "乡镇（街道）"
    assert guide["level"][5] in choices

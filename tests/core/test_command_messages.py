"""Commands refuse bad options in the reader's language (Chinese by default), naming the option;
`--division` takes 6 to 12 digits everywhere (510400 is the city 510400000000)."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from tests import factories
from tixi.geo.cli import division_option

pytestmark = pytest.mark.without_demo


@pytest.fixture
def city(db):
    return factories.division("990100000000", parent=factories.division("990000000000"))


def test_a_short_code_is_padded_to_the_statistical_code(city):
    assert division_option("990100", 2024) == city
    assert division_option(" 990100000000 ", 2024) == city


@pytest.mark.parametrize("code", ["99010", "9901000000001", "99O100", ""])
def test_a_malformed_code_is_refused_in_chinese_naming_the_option(city, code):
    with pytest.raises(CommandError, match="--division：区划代码须为 6 至 12 位数字"):
        division_option(code, 2024)


def test_an_unknown_code_is_refused_with_the_year(city):
    with pytest.raises(CommandError, match="--division：2024 年的区划中没有 980100"):
        division_option("980100", 2024)
    with (
        translation.override("en"),
        pytest.raises(CommandError, match="no division 980100 on the map of 2024"),
    ):
        division_option("980100", 2024)


def test_the_report_command_names_the_plan_and_the_file_in_chinese(city, tmp_path):
    with pytest.raises(CommandError, match="--plan：没有规划 'nope'"):
        call_command(
            "report", "evaluation", "--plan", "nope", "--year", "2024", "--out", str(tmp_path / "r.docx")
        )


def test_the_figures_command_takes_a_six_digit_code(city, capsys):
    call_command("figures", "--division", "990100", "--year", "2024", "--format", "json")
    assert "990100000000" in capsys.readouterr().out


def test_file_and_period_refusals_are_chinese(city, tmp_path):
    with pytest.raises(CommandError, match="文件：.*不存在"):
        call_command("import", "institutions", str(tmp_path / "missing.xlsx"))
    with pytest.raises(CommandError, match="--period：请以四位数字给出年份"):
        call_command(
            "dhis2", "export", "--division", "990100", "--period", "24", "--out", str(tmp_path / "x.json")
        )
    with pytest.raises(CommandError, match="文件：应为 GeoJSON FeatureCollection"):
        (tmp_path / "b.json").write_text("[]", encoding="utf-8")
        call_command("boundaries", str(tmp_path / "b.json"))

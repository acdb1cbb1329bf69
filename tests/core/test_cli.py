import io
import os
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from tests import factories
from tixi.cli import VERBS


def test_help_lists_the_verbs():
    out = subprocess.run(
        [sys.executable, "-m", "tixi.cli", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for verb in ("demo", "serve", "figures", "bench"):
        assert verb in out and verb in VERBS


def test_every_command_of_an_app_is_a_verb_and_lives_in_its_app():
    from django.core.management import get_commands

    ours = {name: app for name, app in get_commands().items() if app.startswith("tixi.")}
    assert set(ours) == set(VERBS) - {"manage", "migrate"}
    assert "tixi.core" not in ours.values()  # the ground floor has no commands: they import every app
    assert ours["createuser"] == "tixi.accounts" and ours["import"] == "tixi.exchange"
    assert ours["bench"] == "tixi.shell" and ours["figures"] == "tixi.demo"


@pytest.mark.django_db
@pytest.mark.without_demo
@pytest.mark.parametrize("code", ["99010", "9901000000000", "abcdefghijkl"])
def test_figures_refuses_a_bad_code(code):
    factories.two_cities()  # a map holding 990100000000, which the bad codes almost name
    with pytest.raises(CommandError, match="division"):
        call_command("figures", division=code, year=2020)


@pytest.mark.django_db
@pytest.mark.without_demo
def test_figures_refuses_an_unknown_division():
    factories.two_cities()  # a map, without 999900000000
    with pytest.raises(CommandError, match="division"):
        call_command("figures", division="999900000000", year=2020)
    # and answers for a division the map holds
    call_command("figures", division="990100000000", year=2020, stdout=io.StringIO())


def test_a_verb_before_the_database_exists_says_what_to_run(tmp_path):
    environment = {
        **os.environ,
        "TIXI_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
    }
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    answer = subprocess.run(
        [sys.executable, "-m", "tixi.cli", "plans", "list"],
        capture_output=True,
        text=True,
        env=environment,
    )
    assert answer.returncode == 1
    assert "Traceback" not in answer.stderr
    assert "tixi migrate" in answer.stderr and "数据库" in answer.stderr, answer.stderr


def test_missing_table_reads_both_databases_words():
    from tixi.cli import missing_table

    assert missing_table(Exception("no such table: indicators_plan")) == "indicators_plan"
    assert missing_table(Exception('relation "indicators_plan" does not exist\nLINE 1')) == "indicators_plan"
    assert missing_table(Exception("database is locked")) is None

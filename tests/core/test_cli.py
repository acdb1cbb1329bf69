import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from tixi.cli import VERBS


def test_help_lists_the_verbs():
    out = subprocess.run(
        [sys.executable, "-m", "tixi.cli", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for verb in ("demo", "serve", "figures", "bench"):
        assert verb in out and verb in VERBS


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["51040", "5104000000000", "abcdefghijkl"])
def test_figures_refuses_a_bad_code(code):
    with pytest.raises(CommandError, match="division"):
        call_command("figures", division=code, year=2020)


@pytest.mark.django_db
def test_figures_refuses_an_unknown_division():
    with pytest.raises(CommandError, match="division"):
        call_command("figures", division="999900000000", year=2020)

"""The test kit writes nothing into the repository's var/: uploads, and the data folder of the `tixi`
commands a test starts, are in a temporary folder."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from tixi.exchange.views import _store

REPOSITORY_VAR = Path(__file__).resolve().parents[2] / "var"


def test_uploads_and_commands_use_a_temporary_data_folder(uploads_in_a_temporary_folder):
    folder = uploads_in_a_temporary_folder
    assert Path(settings.VAR_DIR) == folder and not folder.is_relative_to(REPOSITORY_VAR)
    assert Path(settings.MEDIA_ROOT).is_relative_to(folder)
    assert _store().is_relative_to(folder)  # imports awaiting confirmation
    shown = subprocess.run(
        [
            sys.executable,
            "-m",
            "tixi.cli",
            "manage",
            "shell",
            "-c",
            "from django.conf import settings; print(settings.VAR_DIR)",
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "TIXI_DEBUG": "1"},
    )
    assert Path(shown.stdout.strip().splitlines()[-1]) == folder

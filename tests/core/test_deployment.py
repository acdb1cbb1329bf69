"""The README's deployment section, followed on a fresh Debian 12 machine (session 9), gave a settings
file the tixi user could not read and trailing comments that systemd's EnvironmentFile keeps inside the
values: `TIXI_HTTPS=1   # secure cookies…` then read as off (no secure cookies, no HSTS) and every
host name as invalid. The README now says otherwise, and Tixi refuses such values instead of guessing."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"


def settings_block() -> str:
    text = README.read_text()
    section = text[text.index("**3. Settings**") :]
    return section[section.index("```sh\n") + 6 : section.index("```", section.index("```sh\n") + 6)]


def started_with(**env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tixi.cli", "manage", "check"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
    )


def test_the_readme_settings_have_no_comment_after_a_value_and_are_readable_by_tixi():
    text = README.read_text()
    settings = text[text.index("**3. Settings**") : text.index("```sh\n", text.index("**3. Settings**"))]
    assert "-g tixi /dev/null /etc/tixi/env" in settings  # the group may read the file, not only root
    assignments = [line for line in settings_block().splitlines() if re.match(r"[A-Z_]+=", line)]
    assert {"DATABASE_URL", "TIXI_HTTPS", "TIXI_ALLOWED_HOSTS"} <= {a.split("=")[0] for a in assignments}
    for line in assignments:
        assert "#" not in line and " " not in line, line  # systemd would keep it in the value


@pytest.mark.parametrize(
    "name, value",
    [
        ("TIXI_HTTPS", "1                               # secure cookies, HTTPS redirect, HSTS"),
        ("TIXI_BEHIND_PROXY", "yes"),
        ("TIXI_ALLOWED_HOSTS", "tixi.wjw.example.cn     # the name users type"),
    ],
)
def test_a_setting_with_a_comment_in_its_value_is_refused_naming_it(name, value):
    started = started_with(**{name: value})
    assert started.returncode != 0 and name in started.stderr


def test_plain_values_start():
    started = started_with(TIXI_HTTPS="0", TIXI_BEHIND_PROXY="1", TIXI_ALLOWED_HOSTS="tixi.wjw.example.cn")
    assert started.returncode == 0, started.stderr

"""`tixi --help | head`: the command ends quietly when its reader has stopped, no BrokenPipeError
traceback (the pipe's reading end is closed before the command writes, as `head` closes it)."""

import os
import subprocess
import sys


def test_help_into_a_closed_pipe_ends_without_a_traceback():
    reading, writing = os.pipe()
    os.close(reading)
    try:
        done = subprocess.run(
            [sys.executable, "-c", "from tixi.cli import main; main(['--help'])"],
            stdout=writing,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(writing)
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr

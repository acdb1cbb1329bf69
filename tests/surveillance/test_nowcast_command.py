"""`tixi surveillance nowcast` on a line list: R's nowcast() methods by name, the same figures as the
engine (whose parity with R is tested in test_nowcast_parity / test_nowcast_bayes_parity), by day and by
ISO week, and refusals naming the row, in Chinese by default, with nothing written."""

import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests.surveillance.test_nowcast_parity import line_list
from tixi.surveillance.engine import nowcast

ORIGIN = dt.date(2024, 1, 1)  # a Monday


def write_cases(path, onset, report, step=1):
    with open(path, "w", encoding="utf-8") as stream:
        stream.write("card,onset,report\n")
        for k, (a, b) in enumerate(zip(onset, report, strict=True)):
            first, second = (
                ORIGIN + dt.timedelta(days=int(a) * step),
                ORIGIN + dt.timedelta(days=int(b) * step),
            )
            stream.write(f"C{k},{first},{second}\n")
    return path


def run(*args):
    out = io.StringIO()
    call_command("surveillance", "nowcast", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.mark.parametrize("method", ["bayes.trunc", "bayes.notrunc", "lawless"])
def test_the_command_writes_the_engines_nowcast_by_name(tmp_path, method):
    onset, report = line_list(3, 90, 4, 0.3)
    path = write_cases(tmp_path / "cases.csv", onset, report)
    now = ORIGIN + dt.timedelta(days=85)
    args = ["--method", method, "--input", str(path), "--now", now.isoformat(), "--D", "10", "--m", "40"]
    args += ["--prior-mean", "10", "--prior-variance", "60", "--format", "json"]
    document = json.loads(run(*args))
    expected = nowcast.run(
        method, onset[onset <= 85], report[onset <= 85], 85, D=10, m=40, prior_mean=10, prior_variance=60
    )
    assert document["method"] == method and len(document["rows"]) == 11
    assert document["rows"][-1]["period"] == now.isoformat()
    assert [r["median"] for r in document["rows"]] == expected.median[75:].tolist()
    assert [r["upper"] for r in document["rows"]] == expected.upper[75:].tolist()
    assert [r["reported"] for r in document["rows"]] == expected.observed[75:].tolist()
    text = run(*args[:-2], "--format", "csv")
    assert text.splitlines()[0] == "period,reported,median,lower,upper"
    assert len(text.splitlines()) == 12


def test_by_iso_week_the_periods_are_weeks(tmp_path):
    onset, report = line_list(4, 80, 25, 0.6)
    path = write_cases(tmp_path / "cases.csv", onset, report, step=7)
    now = ORIGIN + dt.timedelta(weeks=75, days=3)  # a Thursday: its week
    document = json.loads(
        run(
            "--input", str(path), "--now", now.isoformat(), "--period", "week", "--D", "4", "--format", "json"
        )
    )
    year, week, _ = now.isocalendar()
    assert document["rows"][-1]["period"] == f"{year}-W{week:02d}" == "2025-W24"
    last = document["rows"][-1]
    assert last["median"] > last["reported"]  # the last week is incomplete: the nowcast lifts it
    assert document["settings"]["prior_mean"] > 0  # the prior from the complete weeks


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("onset,report\n2024-01-05,2024-01-02\n", "第 2 行：报告日期早于发病日期"),
        (
            "onset,report\n2024-01-05,2024-01-07\n2024-02-30,2024-03-01\n",
            "第 3 行：onset '2024-02-30' 不是日期",
        ),
        ("begin,end\n2024-01-05,2024-01-07\n", "表头须包含 onset 和 report 两列"),
        ("onset,report\n", "文件中没有病例"),
    ],
)
def test_bad_line_lists_are_refused_naming_the_row(tmp_path, rows, message):
    path = tmp_path / "cases.csv"
    path.write_text(rows, encoding="utf-8")
    out = tmp_path / "out.csv"
    with pytest.raises(CommandError, match=message):
        run("--input", str(path), "--now", "2024-03-01", "--out", str(out))
    assert not out.exists()


def test_an_unknown_method_is_refused(tmp_path):
    onset, report = line_list(3, 90, 4, 0.3)
    path = write_cases(tmp_path / "cases.csv", onset, report)
    with pytest.raises(CommandError, match="未知的现时推算方法 bayes.magic"):
        run("--input", str(path), "--now", "2024-03-01", "--method", "bayes.magic")

"""`tixi surveillance detect` on a file: the rows it writes, and every refusal naming the series and
the CSV row, in Chinese by default, with nothing written."""

import csv
import io
import json

import numpy as np
import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from tixi.surveillance.engine.methods import METHODS

from .cases import weekly_cases

NAMES = ["达川区", "通川区", "渠县"]


def write_series(path, counts, names=NAMES, population=None):
    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["series", "period", "count"] + (["population"] if population is not None else []))
        for s, name in enumerate(names):
            for t, value in enumerate(counts[s]):
                writer.writerow(
                    [name, t + 1, int(value)] + ([population[s, t]] if population is not None else [])
                )
    return path


@pytest.fixture
def series_csv(tmp_path):
    return write_series(tmp_path / "series.csv", weekly_cases()[[0, 3, 8]])


def detect(*args, **kwargs):
    out = io.StringIO()
    call_command("surveillance", "detect", *args, stdout=out, stderr=io.StringIO(), **kwargs)
    return out.getvalue()


def test_csv_rows_are_the_engines_alarms_and_bounds(series_csv):
    text = detect(
        "--method", "farrington-flexible", "--input", str(series_csv), "--range", "380:416", "--b", "4"
    )
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ["series", "period", "alarm", "upperbound"]
    assert len(rows) == 3 * 37 and rows[0]["series"] == "达川区" and rows[37]["period"] == "380"
    chosen = METHODS["farrington-flexible"]
    expected = chosen.run(weekly_cases()[[0, 3, 8]], 380, 416, **chosen.check_control({"b": 4}))
    alarms = np.array([int(r["alarm"]) for r in rows]).reshape(3, 37)
    bounds = np.array([float(r["upperbound"]) if r["upperbound"] else np.nan for r in rows]).reshape(3, 37)
    assert np.array_equal(alarms, expected.alarm.astype(int))
    assert np.array_equal(bounds, expected.upperbound, equal_nan=True)
    assert alarms[2].sum() >= 1  # the planted outbreak of the third series


def test_series_named_like_formulas_are_never_live_ones(tmp_path):
    """The CSV goes through the one writer (core.exports): a name starting with = + - @ gets the
    protective apostrophe, so Excel shows it as text."""
    names = ['=HYPERLINK("http://x","y")', "+1县", "@SUM(A1)"]
    path = write_series(tmp_path / "series.csv", weekly_cases()[[0, 3, 8]], names=names)
    rows = list(csv.DictReader(io.StringIO(detect("--method", "farrington", "--input", str(path)))))
    assert {r["series"] for r in rows} == {"'" + name for name in names}


def test_defaults_are_rs_and_json_names_the_control(series_csv):
    document = json.loads(detect("--method", "farrington", "--input", str(series_csv), "--format", "json"))
    assert document["range"] == [52 * 5 - 3, 416]  # algo.farrington's default range
    assert document["control"]["b"] == 5 and document["control"]["limit54"] == [5, 4]
    assert document["reference"].startswith("R surveillance 1.20.3")
    assert len(document["rows"]) == 3 * (416 - 257 + 1)
    assert set(document["rows"][0]) == {"series", "period", "alarm", "upperbound"}
    flexible = json.loads(
        detect(
            "--method",
            "farrington-flexible",
            "--input",
            str(series_csv),
            "--format",
            "json",
            "--no-periods",
            "10",
            "--threshold-method",
            "nbPlugin",
            "--past-weeks-not-included=26",
            "--p-threshold-trend",
            "1",
            "--limit54",
            "0,4",
        )
    )
    assert flexible["range"] == [52 * 5 + 3 + 1, 416]  # farringtonFlexible's default range
    assert flexible["control"]["noPeriods"] == 10 and flexible["control"]["pastWeeksNotIncluded"] == 26
    bounds = [row["upperbound"] for row in flexible["rows"]]
    assert all(b is not None and float(b).is_integer() for b in bounds)  # NB quantiles, every week


def test_out_is_written_whole(series_csv, tmp_path):
    out = tmp_path / "alarms.csv"
    detect("--method", "farrington", "--input", str(series_csv), "--range", "400:416", "--out", str(out))
    assert out.read_text(encoding="utf-8").count("\n") == 1 + 3 * 17
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alarms.csv", "series.csv"]


def refusal(tmp_path, text, *options, method="farrington-flexible", range_text="300:320"):
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out.csv"
    out.write_text("before", encoding="utf-8")
    argv = ["--method", method, "--input", str(path), "--out", str(out), *options]
    if range_text:
        argv += ["--range", range_text]
    with translation.override("zh-hans"), pytest.raises(CommandError) as raised:
        detect(*argv)
    assert out.read_text(encoding="utf-8") == "before"  # nothing written
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    return str(raised.value)


def good_rows(name="甲县", periods=320, start=1):
    return "".join(f"{name},{t},{3 + t % 4}\n" for t in range(start, periods + 1))


HEADER = "series,period,count\n"


def test_gap_in_periods(tmp_path):
    text = HEADER + good_rows(periods=9) + good_rows(start=11)
    message = refusal(tmp_path, text)
    assert (
        "甲县" in message and "第 10 期" in message and "第 11 行" in message and "未写入任何文件" in message
    )


def test_negative_count(tmp_path):
    message = refusal(tmp_path, HEADER + good_rows(periods=4) + "甲县,5,-2\n" + good_rows(start=6))
    assert "甲县" in message and "第 6 行" in message and "负数" in message


def test_text_in_counts(tmp_path):
    message = refusal(tmp_path, HEADER + good_rows(periods=4) + "甲县,5,五\n" + good_rows(start=6))
    assert "甲县" in message and "第 6 行" in message and "'五'" in message and "不是整数" in message


def test_duplicate_period(tmp_path):
    message = refusal(tmp_path, HEADER + good_rows(periods=5) + "甲县,5,3\n" + good_rows(start=6))
    assert "甲县" in message and "第 7 行" in message and "第 6 行" in message


def test_series_shorter_than_the_range(tmp_path):
    message = refusal(tmp_path, HEADER + good_rows() + good_rows("乙县", periods=310))
    assert "乙县" in message and "第 310 期" in message and "第 631 行" in message and "第 320 期" in message


def test_range_before_the_baseline(tmp_path):
    message = refusal(tmp_path, HEADER + good_rows(), range_text="200:320")
    assert "farrington-flexible" in message and "第 263 期" in message


def test_bad_range(tmp_path):
    assert "--range" in refusal(tmp_path, HEADER + good_rows(), range_text="320:300")
    assert "--range" in refusal(tmp_path, HEADER + good_rows(), range_text="abc")


def test_unknown_method(tmp_path):
    message = refusal(tmp_path, HEADER + good_rows(), method="ears-c9")
    assert "ears-c9" in message and "farrington-flexible" in message and "未知方法" in message


def test_option_the_method_does_not_use(tmp_path):
    message = refusal(tmp_path, HEADER + good_rows(), "--baseline", "7")
    assert "--baseline" in message and "--weights-threshold" in message and "不是方法" in message
    message = refusal(tmp_path, HEADER + good_rows(), "--weights-threshold", "2", method="farrington")
    assert "--weights-threshold" in message


def test_bad_option_values(tmp_path):
    assert "--b" in refusal(tmp_path, HEADER + good_rows(), "--b", "五")
    assert "thresholdMethod" in refusal(tmp_path, HEADER + good_rows(), "--threshold-method", "exact")
    assert "--trend" in refusal(tmp_path, HEADER + good_rows(), "--trend", "maybe")


def test_bad_header(tmp_path):
    assert "series,period,count" in refusal(tmp_path, "county,week,cases\n" + good_rows())


def test_population_offset_reads_the_population_column(tmp_path):
    counts = weekly_cases()[[0, 1]]
    population = np.full(counts.shape, 50000.0)
    population[1] *= 3
    path = write_series(tmp_path / "pop.csv", counts, names=["A", "B"], population=population)
    text = detect(
        "--method",
        "farrington-flexible",
        "--input",
        str(path),
        "--range",
        "400:416",
        "--population-offset",
        "true",
    )
    chosen = METHODS["farrington-flexible"]
    expected = chosen.run(
        counts, 400, 416, population=population, **chosen.check_control({"populationOffset": True})
    )
    bounds = [
        float(r["upperbound"]) if r["upperbound"] else np.nan for r in csv.DictReader(io.StringIO(text))
    ]
    assert np.array_equal(np.array(bounds).reshape(2, 17), expected.upperbound, equal_nan=True)
    message = refusal(tmp_path, HEADER + good_rows(), "--population-offset", "true")
    assert "population" in message


def test_english_when_asked(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + "A,1,-1\n", encoding="utf-8")
    with (
        translation.override("en"),
        pytest.raises(CommandError, match="Series A, row 2: the count -1 is negative"),
    ):
        detect("--method", "farrington", "--input", str(path))

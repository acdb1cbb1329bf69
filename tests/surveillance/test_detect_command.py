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


# ------------------------------------------------------------------------------------------
# Dated rows: series,date|week|month,count
# ------------------------------------------------------------------------------------------


def weeks_from(monday, n):
    """ISO week labels of n consecutive weeks from `monday` (crosses 2020-W53)."""
    import datetime as dt

    labels = []
    for k in range(n):
        year, week, _day = (monday + dt.timedelta(weeks=k)).isocalendar()
        labels.append(f"{year}-W{week:02d}")
    return labels


def write_dated(path, column, labels, counts, names=NAMES):
    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["series", column, "count"])
        for s, name in enumerate(names):
            for label, value in zip(labels, counts[s], strict=True):
                writer.writerow([name, label, int(value)])
    return path


def test_iso_weeks_give_the_alarms_of_the_numbered_periods(tmp_path):
    import datetime as dt

    counts = weekly_cases()[[0, 3, 8]]
    labels = weeks_from(dt.date(2015, 1, 5), counts.shape[1])
    assert "2020-W53" in labels  # a long ISO year is no gap
    weekly = write_dated(tmp_path / "weeks.csv", "week", labels, counts)
    numbered = write_series(tmp_path / "numbered.csv", counts)
    options = ["--method", "farrington-flexible", "--b", "4"]
    by_number = list(
        csv.DictReader(io.StringIO(detect(*options, "--input", str(numbered), "--range", "380:416")))
    )
    by_week = list(
        csv.DictReader(
            io.StringIO(detect(*options, "--input", str(weekly), "--range", f"{labels[379]}:{labels[415]}"))
        )
    )
    assert [r["period"] for r in by_week[:37]] == labels[379:416]
    assert [(r["alarm"], r["upperbound"]) for r in by_week] == [
        (r["alarm"], r["upperbound"]) for r in by_number
    ]
    assert sum(int(r["alarm"]) for r in by_week) >= 1
    # numbers still work on dated rows, and the JSON says the calendar
    document = json.loads(detect(*options, "--input", str(weekly), "--range", "380:416", "--format", "json"))
    assert document["calendar"] == "week" and document["first_period"] == "2015-W02"
    assert [r["period"] for r in document["rows"][:2]] == labels[379:381]


def test_dates_counted_by_day_and_by_month(tmp_path):
    import datetime as dt

    counts = weekly_cases()[[0, 1]][:, :60]
    days = [(dt.date(2024, 1, 1) + dt.timedelta(days=k)).isoformat() for k in range(60)]
    daily = write_dated(tmp_path / "days.csv", "date", days, counts, names=["A", "B"])
    text = detect("--method", "ears-c2", "--input", str(daily), "--range", "2024-02-20:2024-02-29")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["period"] for r in rows[:10]] == days[50:60]
    expected = METHODS["ears-c2"].run(counts, 51, 60, **METHODS["ears-c2"].check_control({}))
    assert [int(r["alarm"]) for r in rows] == expected.alarm.astype(int).ravel().tolist()
    months = [f"{2019 + k // 12}-{k % 12 + 1:02d}" for k in range(60)]
    monthly = write_dated(tmp_path / "months.csv", "month", months, counts, names=["A", "B"])
    text = detect("--method", "ears-c1", "--input", str(monthly), "--range", "2023-01:2023-12")
    assert [r["period"] for r in csv.DictReader(io.StringIO(text))][:12] == months[48:60]
    # the first day of each month, counted by month
    firsts = [f"{month}-01" for month in months]
    dated = write_dated(tmp_path / "firsts.csv", "date", firsts, counts, names=["A", "B"])
    again = detect(
        "--method", "ears-c1", "--input", str(dated), "--period", "month", "--range", "2023-01-15:2023-12-31"
    )
    assert again == text


DATED = "series,week,count\n"


def week_rows(name="甲县", n=20, skip=None):
    import datetime as dt

    labels = weeks_from(dt.date(2024, 1, 1), n)
    return "".join(f"{name},{label},{3 + k % 4}\n" for k, label in enumerate(labels) if label != skip)


def test_a_missing_week_is_refused_by_series_and_row(tmp_path):
    message = refusal(
        tmp_path, DATED + week_rows() + week_rows("乙县", skip="2024-W07"), method="ears-c1", range_text=None
    )
    assert "乙县" in message and "2024-W07" in message and "2024-W08" in message and "第 28 行" in message
    assert "未写入任何文件" in message


def test_a_missing_day_is_refused_by_series_and_row(tmp_path):
    text = "series,date,count\n" + "".join(f"甲县,2024-03-{d:02d},2\n" for d in range(1, 20) if d != 9)
    message = refusal(tmp_path, text, method="ears-c1", range_text="2024-03-10:2024-03-19")
    assert "甲县" in message and "2024-03-09" in message and "第 10 行" in message


def test_two_days_of_one_week_are_refused(tmp_path):
    text = "series,date,count\n甲县,2024-01-01,2\n甲县,2024-01-03,2\n"
    message = refusal(tmp_path, text, "--period", "week", method="ears-c1", range_text=None)
    assert "甲县" in message and "2024-W01" in message and "第 3 行" in message and "第 2 行" in message


def test_bad_dated_cells_name_series_and_row(tmp_path):
    message = refusal(
        tmp_path, DATED + week_rows(n=3) + "甲县,2024-W54,3\n", method="ears-c1", range_text=None
    )
    assert "甲县" in message and "第 5 行" in message and "2024-W54" in message
    message = refusal(tmp_path, "series,date,count\n甲县,2024-02-30,1\n", method="ears-c1", range_text=None)
    assert "甲县" in message and "第 2 行" in message and "2024-02-30" in message
    message = refusal(tmp_path, "series,month,count\n甲县,2024-13,1\n", method="ears-c1", range_text=None)
    assert "第 2 行" in message and "2024-13" in message


def test_dated_series_start_together_and_cover_the_range(tmp_path):
    import datetime as dt

    late = "".join(
        f"乙县,{label},2\n" for label in weeks_from(dt.date(2024, 1, 8), 19)
    )  # starts a week later
    message = refusal(tmp_path, DATED + week_rows() + late, method="ears-c1", range_text=None)
    assert "乙县" in message and "2024-W02" in message and "2024-W01" in message and "第 22 行" in message
    message = refusal(
        tmp_path,
        DATED + week_rows() + week_rows("乙县", n=15),
        method="ears-c1",
        range_text="2024-W10:2024-W20",
    )
    assert "乙县" in message and "2024-W15" in message and "2024-W20" in message and "第 36 行" in message


def test_period_option_must_fit_the_time_column(tmp_path):
    assert "--period" in refusal(tmp_path, HEADER + good_rows(), "--period", "week")
    assert "--period" in refusal(tmp_path, DATED + week_rows(), "--period", "month", method="ears-c1")
    assert "--period" in refusal(tmp_path, DATED + week_rows(), "--period", "year", method="ears-c1")
    message = refusal(tmp_path, "series,period,week,count\n", method="ears-c1")
    assert "period" in message and "week" in message
    message = refusal(tmp_path, DATED + week_rows(), method="ears-c1", range_text="2023-W50:2024-W10")
    assert "--range" in message and "2024-W01" in message

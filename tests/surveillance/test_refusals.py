"""The engine's own refusals reach the analyst in their language: the engine (no Django) raises an
English msgid with its parameters, `tixi surveillance detect` / `nowcast` and the signal page translate
it (Chinese by default, English when asked), naming the series and row or the option; nothing written.
And the issue's bad-input list walked against `detect` with every method."""

import ast
import datetime as dt
import io
import json
import re
from pathlib import Path

import numpy as np
import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from django.utils.translation import gettext

from tests.surveillance.conftest import cases
from tixi.surveillance import delays, detection, refusals
from tixi.surveillance.engine.methods import METHODS
from tixi.surveillance.models import Signal

ENGINE = Path(refusals.__file__).parent / "engine"
RAISERS = {"DetectionError", "NowcastError", "EngineError", "refuse", "option_error"}


def engine_msgids() -> tuple[set[str], list[str]]:
    """Every msgid the engine raises, and the places that raise finished text (an f-string) instead."""
    msgids, finished = set(), []
    for path in sorted(ENGINE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in RAISERS and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    msgids.add(first.value)
                elif isinstance(first, ast.JoinedStr):
                    finished.append(f"{path.name}:{node.lineno}")
    return msgids, finished


def test_every_engine_refusal_is_a_listed_msgid_with_its_chinese():
    msgids, finished = engine_msgids()
    assert finished == []  # no f-string: it could not be translated
    assert len(msgids) > 50
    assert msgids <= set(refusals.ENGINE_MESSAGES), msgids - set(refusals.ENGINE_MESSAGES)
    with translation.override("zh-hans"):
        untranslated = [m for m in msgids if gettext(m) == m]
    assert untranslated == []


# ------------------------------------------------------------------------------------------
# tixi surveillance detect
# ------------------------------------------------------------------------------------------

HEADER = "series,period,count\n"


def rows(name, periods, start=1):
    return "".join(f"{name},{t},{3 + t % 4}\n" for t in range(start, periods + 1))


def refused(tmp_path, text, method, *options, language="zh-hans"):
    """The command's refusal in `language`; the output file untouched."""
    path = tmp_path / "series.csv"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "alarms.csv"
    out.write_text("before", encoding="utf-8")
    argv = ["detect", "--method", method, "--input", str(path), "--out", str(out), *options]
    with translation.override(language), pytest.raises(CommandError) as raised:
        call_command("surveillance", *argv, stdout=io.StringIO(), stderr=io.StringIO())
    assert out.read_text(encoding="utf-8") == "before"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    return str(raised.value)


# (method, options, Chinese, English): each engine check of an option, through the command
OPTION_REFUSALS = [
    (
        "ears-c1",
        ["--alpha", "1.5"],
        "ears-c1：选项 alpha 须不大于 1（给定值：1.5）",
        "option alpha must be at most 1",
    ),
    (
        "ears-c2",
        ["--baseline", "2"],
        "ears-c2：选项 baseline 须不小于 3",
        "option baseline must be at least 3",
    ),
    ("ears-c3", ["--alpha", "0"], "选项 alpha 须大于 0", "option alpha must be greater than 0"),
    ("cdc", ["--frequency", "12"], "algo.cdc 只适用于周数据", "algo.cdc only works for weekly data"),
    ("cdc", ["--alpha", "1"], "cdc：选项 alpha 须小于 1", "cdc: option alpha must be below 1"),
    ("cusum", ["--trans", "log"], "cusum：选项 trans 须为 standard", "option trans must be one of standard"),
    ("cusum", ["--m", "loess"], "选项 m 须为数值或 glm（给定值：loess）", "option m must be a number or glm"),
    ("glrnb", ["--theta", "1"], "glrnb：选项 theta 不能为 1", "option theta must not be 1"),
    (
        "glrnb",
        ["--change", "epi", "--ret", "cases"],
        "change=epi 只返回统计量",
        "change=epi returns the statistic",
    ),
    (
        "glrnb",
        ["--mtilde", "2", "--m", "1"],
        "选项 M 须为 -1 或不小于 Mtilde",
        "must be -1 or at least Mtilde",
    ),
    (
        "bayes",
        ["--b", "0", "--act-y", "false"],
        "b=0 且 actY=false 时没有任何参照值",
        "leave no reference values",
    ),
    ("cidars-percentile", ["--percentile", "120"], "选项 percentile 须不大于 100", "must be at most 100"),
    (
        "farrington-flexible",
        ["--threshold-method", "exact"],
        "thresholdMethod 须为 delta",
        "thresholdMethod is one of",
    ),
    ("farrington", ["--powertrans", "1/3"], "powertrans 须为 none、1/2 或 2/3", "powertrans is one of none"),
]


@pytest.mark.parametrize(("method", "options", "chinese", "english"), OPTION_REFUSALS)
def test_the_engines_option_refusals_in_chinese_and_english(tmp_path, method, options, chinese, english):
    text = HEADER + rows("甲县", 320)
    message = refused(tmp_path, text, method, "--range", "300:320", *options)
    assert chinese in message and "未写入任何文件" in message
    assert not re.search(r"\b(must|option|only|works)\b", message)  # no English left in the Chinese
    assert english in refused(tmp_path, text, method, "--range", "300:320", *options, language="en")


def monitors_from(method):
    """The first period `method` can monitor with its defaults (the engine's own refusal says it)."""
    try:
        METHODS[method].run(np.ones((1, 400)), 1, 400, **METHODS[method].defaults)
    except refusals.EngineError as error:
        return error.params["minimum"]
    return 1


@pytest.mark.parametrize("method", sorted(METHODS))
def test_a_series_shorter_than_the_method_needs(tmp_path, method):
    """40 weeks: the methods that need years of baseline name the series, its last row and the periods
    they need; the others, whose baseline fits, refuse a range that starts inside it."""
    minimum = monitors_from(method)
    text = HEADER + rows("甲县", 60) + rows("乙县", 40)
    if minimum == 1:  # fixed thresholds need no baseline
        assert "乙县" in refused(tmp_path, text, method, "--range", "41:60")
        return
    message = refused(tmp_path, text, method, "--range", "1:40")
    english = refused(tmp_path, text, method, "--range", "1:40", language="en")
    if minimum > 40:
        assert (
            f"序列 乙县 只有 40 期（最后一行为第 101 行）；{method} 在这些参数下至少需要 {minimum} 期"
            in message
        )
        assert (
            f"Series 乙县 has 40 periods (its last row is 101); {method} with these options needs" in english
        )
    else:
        assert f"{method} 在这些参数下从第 {minimum} 期起才能监测" in message and "第 1 期开始" in message
        assert f"{method} with these options monitors from period {minimum} on" in english


BAD_ROWS = [
    ("gap", HEADER + rows("甲县", 9) + rows("甲县", 330, start=11), ["甲县", "第 10 期", "第 11 行"]),
    (
        "negative",
        HEADER + rows("甲县", 4) + "甲县,5,-2\n" + rows("甲县", 330, 6),
        ["甲县", "第 6 行", "负数"],
    ),
    (
        "text",
        HEADER + rows("甲县", 4) + "甲县,5,五\n" + rows("甲县", 330, 6),
        ["甲县", "第 6 行", "不是整数"],
    ),
    (
        "duplicate",
        HEADER + rows("甲县", 5) + "甲县,5,3\n" + rows("甲县", 330, 6),
        ["甲县", "第 7 行", "第 6 行"],
    ),
    ("short", HEADER + rows("甲县", 330) + rows("乙县", 310), ["乙县", "第 310 期", "第 641 行"]),
]


@pytest.mark.parametrize("method", sorted(METHODS))
@pytest.mark.parametrize(("case", "text", "named"), BAD_ROWS, ids=[b[0] for b in BAD_ROWS])
def test_bad_rows_are_refused_with_every_method(tmp_path, method, case, text, named):
    message = refused(tmp_path, text, method, "--range", "320:330")
    assert all(part in message for part in named), message


@pytest.mark.parametrize("method", sorted(METHODS))
def test_unknown_options_and_methods_with_every_method(tmp_path, method):
    text = HEADER + rows("甲县", 330)
    message = refused(tmp_path, text, method, "--range", "320:330", "--windows", "3")
    assert f"--windows 不是方法 {method} 的选项" in message
    message = refused(tmp_path, text, method + "-x", "--range", "320:330")
    assert f"未知方法 {method}-x" in message


def test_a_missing_count_is_blamed_on_its_series():
    """The engine says which row of its matrix; the app puts the series' name in front."""
    error = refusals.EngineError(
        "%(method)s: a series has no count at period %(period)s of the monitored range.",
        method="glrnb",
        period=7,
        series=1,
    )
    with translation.override("zh-hans"):
        assert refusals.translated(error, ["甲县", "乙县"]) == "序列 乙县：glrnb：监测范围内第 7 期缺少计数。"
    with translation.override("en"):
        assert refusals.translated(error, ["甲县", "乙县"]) == (
            "Series 乙县: glrnb: a series has no count at period 7 of the monitored range."
        )


# ------------------------------------------------------------------------------------------
# tixi surveillance nowcast
# ------------------------------------------------------------------------------------------


def line_list(path, days=60):
    start = dt.date(2024, 1, 1)
    with open(path, "w", encoding="utf-8") as stream:
        stream.write("onset,report\n")
        for k in range(days):
            for j in range(3):
                onset = start + dt.timedelta(days=k)
                stream.write(f"{onset},{onset + dt.timedelta(days=j % 4)}\n")
    return path


NOWCAST_REFUSALS = [
    (["--D", "10", "--m", "5"], "m = 5 小于 D = 10：贝叶斯方法要求 m ≥ D", "m = 5 is shorter than D = 10"),
    (["--D", "200"], "D = 200 长于推算日之前的序列（59 期）：请减小 D", "D = 200 is longer than the series"),
    (["--D", "0"], "D 至少为 1（给定值：0）", "D must be at least 1"),
    (["--prior-mean", "5", "--prior-variance", "3"], "先验方差须大于先验均值", "variance must be larger"),
    (
        ["--now", "2023-12-01"],
        "--now 2023-12-01 早于文件中最早的发病日期（2024-01-01）",
        "is before the first onset",
    ),
]


@pytest.mark.parametrize(("options", "chinese", "english"), NOWCAST_REFUSALS)
def test_the_nowcast_engines_refusals_in_chinese_and_english(tmp_path, options, chinese, english):
    path = line_list(tmp_path / "cases.csv")
    out = tmp_path / "nowcast.csv"
    argv = ["nowcast", "--input", str(path), "--now", "2024-02-29", "--out", str(out), *options]
    for language, expected in (("zh-hans", chinese), ("en", english)):
        with translation.override(language), pytest.raises(CommandError) as raised:
            call_command("surveillance", *argv, stdout=io.StringIO(), stderr=io.StringIO())
        assert expected in str(raised.value)
        assert not out.exists()


def test_a_period_with_many_cases_is_nowcast_not_refused(tmp_path):
    """R's N.tInf.max is sized to the data (as on the signal page), not left at 300."""
    path = tmp_path / "cases.csv"
    day = dt.date(2024, 1, 1)
    lines = ["onset,report"] + [
        f"{day + dt.timedelta(days=k)},{day + dt.timedelta(days=k + j % 3)}"
        for k in range(40)
        for j in range(320)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = io.StringIO()
    call_command(
        "surveillance",
        "nowcast",
        "--input",
        str(path),
        "--now",
        "2024-02-09",
        "--D",
        "5",
        "--samples",
        "200",
        "--format",
        "json",
        stdout=out,
    )
    last = json.loads(out.getvalue())["rows"][-1]
    assert last["median"] > last["reported"]  # the last day is incomplete: the nowcast lifts it


# ------------------------------------------------------------------------------------------
# The signal page
# ------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.without_demo
def test_the_signal_page_says_why_a_band_or_nowcast_is_missing(web, townships, monkeypatch):
    day = dt.date(2025, 10, 14)
    cases("plague", townships[0], [day, day], start=5)
    detection.scan(day, day, sources={"cases"}, codes={"plague"})
    signal = Signal.objects.get(code="plague")
    Signal.objects.filter(pk=signal.pk).update(parameters={"threshold": -1})  # a control the engine refuses
    monkeypatch.setitem(delays.DELAY_WINDOW, "day", (100000, 100000))  # delays longer than the series
    client = web("cdc")
    html = client.get(f"/surveillance/signals/{signal.pk}/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "未画出阈值带：fixed-threshold：选项 threshold 须大于 0（给定值：-1）" in html
    assert "未作现时推算：D = 100000 长于推算日之前的序列" in html
    client.cookies["django_language"] = "en"
    html = client.get(f"/surveillance/signals/{signal.pk}/").content.decode()
    assert "No threshold band: fixed-threshold: option threshold must be greater than 0 (given: -1)" in html
    assert "No nowcast: D = 100000 is longer than the series before now" in html

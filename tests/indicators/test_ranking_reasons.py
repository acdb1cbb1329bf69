"""The ranking of a target over the townships of a county: each row says its own (its status from its
own value and the year before's, its own gap), and a reason that is the target's, not the row's (a
township's rate per residents is not held to the county's target), is said once above the table, not
on every row (issue 12: every township row read the same sentence)."""

import re

import pytest

from tests import factories as f
from tixi.indicators.models import DataElement, DataValue, Indicator, Target

pytestmark = [pytest.mark.without_demo, pytest.mark.usefixtures("catalogue_once")]


@pytest.fixture
def townships(region, users):
    """The kit's county with a second township; the county's plan."""
    second = f.division("990102101000", parent=region["county"], name="测试二镇")
    plan = f.plan(region["county"], code="kit-county-plan", period_start=2021, period_end=2025)
    return {"first": region["township"], "second": second, "plan": plan}


def target(plan, order, code, **fields):
    return Target.objects.create(
        plan=plan, order=order, label=f"目标{order}", indicator=Indicator.objects.get(code=code),
        division=plan.region, target_year=2025, clause=f"目标{order}", **fields,
    )  # fmt: skip


def rows_of(html: str) -> dict[str, str]:
    """Division name -> the text of its row in the ranking table."""
    table = html[html.index('id="ranking"') : html.index("</table>", html.index('id="ranking"'))]
    found = {}
    for row in re.findall(r"<tr.*?</tr>", table, re.S)[1:]:
        text = " ".join(re.sub(r"<[^>]+>", " ", row).split())
        name = next(n for n in ("测试二镇", "测试区划990102100000") if n in text)
        found[name] = text
    return found


def test_each_township_row_reads_its_own_status_and_gap(web, townships):
    plan = townships["plan"]
    target(plan, 1, "service_revenue_share", kind="increase")  # 逐年提高
    target(plan, 2, "service_revenue_share", kind="value", comparator="ge", target_value=29)
    share = DataElement.objects.get(code="service_revenue_share")
    for township, values in ((townships["first"], (27.0, 28.0)), (townships["second"], (30.0, 29.5))):
        for year, value in zip((2022, 2023), values, strict=True):
            DataValue.objects.create(element=share, division=township, period=str(year), value=value)
    client = web("county")
    client.cookies["django_language"] = "zh-hans"
    html = client.get(f"/plans/{plan.code}/targets/1/", {"year": 2023}).content.decode()
    rows = rows_of(html)
    # its own year before, not "无数据" on every row for want of it
    assert "已达成" in rows["测试区划990102100000"] and "无数据" not in rows["测试区划990102100000"]
    assert "进度滞后" in rows["测试二镇"]
    assert "比上年（30.0%）下降 0.5 个百分点" in rows["测试二镇"]
    html = client.get(f"/plans/{plan.code}/targets/2/", {"year": 2023}).content.decode()
    rows = rows_of(html)
    assert "还差 1.0 个百分点" in rows["测试区划990102100000"]
    assert "已达成" in rows["测试二镇"] and "还差" not in rows["测试二镇"]  # met: its status says so
    assert 'id="ranking-not-judged"' not in html
    heading = html[html.index('id="ranking"') : html.index("</thead>", html.index('id="ranking"'))]
    assert "差距" in heading
    # no township has a value of its own: no gap column left empty on every row
    target(plan, 3, "appointment_share", kind="increase")
    html = client.get(f"/plans/{plan.code}/targets/3/", {"year": 2023}).content.decode()
    heading = html[html.index('id="ranking"') : html.index("</thead>", html.index('id="ranking"'))]
    assert "状态" in heading and "差距" not in heading


def test_a_reason_of_the_target_is_said_once_not_on_every_row(web, townships):
    plan = townships["plan"]
    target(plan, 1, "nurses_per_1000", kind="value", comparator="ge", target_value=3)
    for language, reason in (("zh-hans", "未设定乡镇标准"), ("en", "no township norm is set")):
        client = web("county")
        client.cookies["django_language"] = language
        html = client.get(f"/plans/{plan.code}/targets/1/", {"year": 2023}).content.decode()
        assert html.count(reason) == 1, language  # above the table, not in each of the two rows
        note = html[html.index('id="ranking-not-judged"') :]
        assert reason in note[: note.index("</p>")]
        rows = rows_of(html)
        assert len(rows) == 2 and not any(reason in text for text in rows.values())
        # no column left that would say the same on every row
        heading = html[html.index('id="ranking"') : html.index("</thead>", html.index('id="ranking"'))]
        assert ("状态" if language == "zh-hans" else "Status") not in heading


def test_the_download_heads_its_rows_with_the_reason_the_page_says_once(web, townships):
    """The ranking's .xlsx and .csv held the rows without status or gap and no word of why (journey17):
    the target-wide reason heads them, once, above the headings, in the page's language."""
    import io

    import openpyxl

    plan = townships["plan"]
    target(plan, 1, "nurses_per_1000", kind="value", comparator="ge", target_value=3)
    for language, reason, division in (
        ("zh-hans", "未设定乡镇标准", "区划"),
        ("en", "no township norm is set", "Division"),
    ):
        client = web("county")
        client.cookies["django_language"] = language
        url = f"/plans/{plan.code}/targets/1/"
        book = openpyxl.load_workbook(io.BytesIO(client.get(url, {"year": 2023, "format": "xlsx"}).content))
        cells = [[c for c in row if c is not None] for row in book.active.iter_rows(values_only=True)]
        texts = [str(c) for row in cells for c in row]
        assert sum(reason in t for t in texts) == 1, (language, cells[:4])
        heading_at = next(k for k, row in enumerate(cells) if division in row)
        assert any(reason in str(c) for row in cells[:heading_at] for c in row), language
        text = client.get(url, {"year": 2023, "format": "csv"}).content.decode("utf-8-sig")
        rank = "排名," if language == "zh-hans" else "Rank,"
        assert text.count(reason) == 1 and text.index(reason) < text.index(rank), language
    # a target whose rows are judged has no such line: the rows start the sheet
    target(plan, 2, "service_revenue_share", kind="increase")
    client = web("county")
    client.cookies["django_language"] = "zh-hans"
    book = openpyxl.load_workbook(
        io.BytesIO(client.get(f"/plans/{plan.code}/targets/2/", {"year": 2023, "format": "xlsx"}).content)
    )
    assert next(book.active.iter_rows(values_only=True))[0] == "排名"


def test_the_ranking_writes_the_target_year_as_the_scorecard_does(web, townships):
    """ "目标值：≥78.2（2025）" on the ranking beside "≥78.2（2025年）" on the scorecard (journey17's sweep)."""
    plan = townships["plan"]
    target(plan, 1, "service_revenue_share", kind="value", comparator="ge", target_value=29)
    for language, expected in (("zh-hans", "≥29（2025年）"), ("en", "≥29 (2025)")):
        client = web("county")
        client.cookies["django_language"] = language
        html = client.get(f"/plans/{plan.code}/targets/1/", {"year": 2023}).content.decode()
        line = html[html.index('id="ranking-target"') : html.index("</p>", html.index('id="ranking-target"'))]
        assert expected in line, (language, line)

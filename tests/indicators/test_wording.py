"""How targets, gaps and missing data read on Chinese pages and reports: naturally, with no English."""

import re

import pytest
from django.utils import translation

from tixi.indicators.models import Indicator, Plan
from tixi.indicators.services import evaluate_plan, gap_text, reason_text

pytestmark = pytest.mark.django_db
ENGLISH = re.compile(r"[A-Za-z]{2,}")


def test_gap_of_a_rate_in_percentage_points_without_sign():
    rate = Indicator(code="r", name="率", unit="%", decimals=2)
    with translation.override("zh-hans"):
        assert gap_text(0.2349, rate) == "还差 0.23 个百分点"
        assert gap_text(-0.2349, rate) == "还差 0.23 个百分点"  # a ceiling: no negative sign
        assert gap_text(3, Indicator(code="n", name="数", unit="个", decimals=0)) == "还差 3 个"
    with translation.override("en"):
        assert gap_text(-1.5, Indicator(code="r", name="率", unit="%", decimals=1)) == (
            "1.5 percentage points to go"
        )


def test_the_gap_of_a_unitless_ratio_has_one_space_between_words():
    ratio = Indicator(code="q", name="医护比", unit="", decimals=2)
    with translation.override("en"):
        assert gap_text(0.11, ratio) == "0.11 to go"
        assert gap_text(0.001, ratio) == "0.001 to go"
    with translation.override("zh-hans"):
        assert gap_text(0.11, ratio) == "还差 0.11"


def test_the_scorecard_and_the_word_report_write_a_tiny_gap_naturally():
    from tests.conftest import DACHUAN
    from tixi.geo.models import Division
    from tixi.indicators import reports
    from tixi.indicators.models import DataElement, DataValue

    dachuan = Division.objects.at(DACHUAN)
    element = DataElement.objects.get(code="regular_exercisers")  # 万人, 1 decimal, target 35
    DataValue.objects.update_or_create(
        element=element, division=dachuan, period="2023", option="", defaults={"value": 34.9963}
    )
    plan = Plan.objects.get(code="dachuan-14th-health")
    with translation.override("zh-hans"):
        rows = evaluate_plan(plan, dachuan, 2023)
        (row,) = [r for r in rows if r["indicator"] == "regular_exercisers"]
        assert row["status"] != "achieved"
        assert row["gap"]["text"] == "还差 37 人"
        import io

        from docx import Document

        document = Document(io.BytesIO(reports.evaluation_docx(plan, dachuan, 2023, rows)))
    text = "\n".join(
        [p.text for p in document.paragraphs]
        + [c.text for t in document.tables for r in t.rows for c in r.cells]
    )
    assert "还差 37 人" in text and "还差 0.0 万人" not in text


def test_missing_data_reason_in_chinese():
    with translation.override("zh-hans"):
        assert reason_text("no data: 四级手术占比; denominator is zero") == "缺少数据：四级手术占比；分母为零"
    with translation.override("en"):
        assert reason_text("no data: x") == "no data for x"


@pytest.mark.parametrize("code", ["bazhong-2025-hospitals", "dachuan-14th-health", "panzhihua-14th-system"])
def test_every_row_of_a_scorecard_reads_in_chinese(code):
    plan = Plan.objects.get(code=code)
    with translation.override("zh-hans"):
        rows = evaluate_plan(plan, plan.region, 2024)
    for r in rows:
        gap = (r["gap"] or {}).get("text", "")
        texts = [r["target_text"], gap, r["no_data_reason"] or "", r["rule"]]
        assert not [t for t in texts if ENGLISH.search(t.replace("CMI", ""))], r["label"]
        assert not re.search(r"[+−-]\d", gap), gap


def test_catalogue_english_names_are_whole():
    """A comma ends a value in a YAML flow mapping: "beds per 1,000 residents" must not become "beds per 1"."""
    import yaml

    from tixi.indicators.services import DATA_DIR

    catalogue = yaml.safe_load((DATA_DIR / "catalogue.yaml").read_text(encoding="utf-8"))
    known = {"code", "name", "name_en", "unit", "factor", "decimals", "numerator", "denominator"}
    known |= {"direction", "additive", "options", "description", "aggregation"}
    for entry in catalogue["indicators"] + catalogue["data_elements"]:
        assert set(entry) <= known, entry
        assert entry["name_en"] and not entry["name_en"].endswith((" 1", " 10")), entry
    assert Indicator.objects.get(code="beds_per_1000").name_en == "beds per 1,000 residents"

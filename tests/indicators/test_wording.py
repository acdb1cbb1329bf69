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

"""Plan targets read the hospital figures (巴中, 攀枝花), with the gap in cases; the pages; the demo's data."""

import re

import pytest
from django.db.models import Avg
from django.utils import translation

from tixi.geo.models import Division
from tixi.hospitals import demo, figures, targets
from tixi.hospitals.models import CodeList, Discharge, PublishedFigure
from tixi.indicators.models import Plan
from tixi.indicators.services import evaluate_plan

pytestmark = pytest.mark.django_db
BAZHONG, PANZHIHUA = "511900000000", "510400000000"
HOSPITAL_TARGETS = {
    "case_mix_index", "minimally_invasive_share", "level4_surgery_share", "in_county_hospitalisation",
    "clinical_pathway_share_level3", "clinical_pathway_share_level2", "day_surgery_share_level2",
    "day_surgery_share_level3", "case_mix_index_level3_public", "minimally_invasive_share_level3_public",
    "level4_surgery_share_level3_public",
}  # fmt: skip


def test_the_demo_holds_a_labelled_synthetic_sample_with_plausible_volumes():
    assert CodeList.objects.filter(version=demo.LIST_VERSION, is_demo=True).count() == 4
    records = Discharge.objects.filter(year=2024, is_synthetic=True)
    # one record for about SAMPLE stays: each hospital's records stand for its reported discharges
    assert (
        records.exists()
        and 0.5 * demo.SAMPLE <= records.aggregate(m=Avg("represents"))["m"] <= 1.5 * demo.SAMPLE
    )
    loaded = figures.load(Division.objects.get(code=PANZHIHUA), 2024)
    rows = figures.hospital_figures(loaded)
    for row in rows:
        for name in ("surgery_share", "minimally_invasive_share", "level4_share", "pathway_share"):
            assert row[name] is None or 0 <= row[name] <= 100
        assert row["discharges"] == int(row["discharges"])  # whole stays
        if row["beds"] and row["discharges"] > 3000:
            assert 15 < row["discharges"] / row["beds"] < 60  # discharges a bed a year
            assert 35 < row["bed_occupancy"] < 110  # level-1 hospitals run at ~50 %, tertiary near 90 %


@pytest.mark.parametrize(
    "plan, region", [("bazhong-2025-hospitals", BAZHONG), ("panzhihua-14th-system", PANZHIHUA)]
)
def test_hospital_targets_no_longer_say_no_data(plan, region):
    plan = Plan.objects.get(code=plan)
    rows = evaluate_plan(plan, Division.objects.get(code=region), 2024)
    hospital_rows = [r for r in rows if r["indicator"] in HOSPITAL_TARGETS]
    assert hospital_rows
    assert all(r["status"] != "no_data" for r in hospital_rows), [
        r["label"] for r in hospital_rows if r["status"] == "no_data"
    ]


def test_the_gap_of_a_share_target_is_in_cases():
    division = Division.objects.get(code=BAZHONG)
    figure = PublishedFigure.objects.get(division=division, year=2024, element="level4_surgery_share")
    assert figure.versions["weights"] == demo.WEIGHT_VERSION and figure.is_synthetic
    needed = targets.gap_in_cases("level4_surgery_share", division, 2024, 99.0)
    expected = -(-(99.0 * figure.denominator / 100 - figure.numerator) // 1)
    assert needed["units"] == expected
    with translation.override("zh-hans"):
        text = targets.gap_in_cases("level4_surgery_share", division, 2024, 99.0)["text"]
    assert text.startswith(f"还需增加 {int(expected):,} 例四级手术患者")
    with translation.override("zh-hans"):
        rows = evaluate_plan(Plan.objects.get(code="bazhong-2025-hospitals"), division, 2024)
    level4 = next(r for r in rows if r["indicator"] == "level4_surgery_share")
    if level4["status"] != "achieved":
        assert "例四级手术患者" in level4["gap"]["text"] and level4["gap"]["units"] > 0


def test_publish_recomputes_from_the_records():
    division = Division.objects.get(code=BAZHONG)
    loaded = figures.load(division, 2023, lists=demo.LIST_VERSION, weights=demo.WEIGHT_VERSION)
    assert targets.publish(loaded) >= 8
    figure = PublishedFigure.objects.get(division=division, year=2023, element="case_mix_index")
    rows = [
        r
        for r in figures.hospital_figures(loaded)
        if r["level"] == 3 and r["hospital_type"] == "general_hospital"
    ]
    assert figure.value == pytest.approx(
        sum(r["total_weight"] for r in rows) / sum(r["cmi_cases"] for r in rows), abs=1e-4
    )


@pytest.mark.parametrize(
    "language, words",
    [("zh-hans", ("医院绩效", "漏斗图", "排名")), ("en", ("Hospital performance", "Funnel plot", "Ranking"))],
)
def test_pages_in_both_languages(web, language, words):
    client = web("planner")
    client.cookies["django_language"] = language
    page = client.get(f"/hospitals/?division={BAZHONG}&year=2024&figure=level4_share")
    assert page.status_code == 200
    text = page.content.decode()
    for word in words:
        assert word in text
    # discharge counts in the ranking carry thousands separators (every demo hospital has ≥ 1,000 a year)
    assert re.search(r'<td class="num">\d{1,3}(,\d{3})+</td>', text)
    assert 'id="funnel-data"' in text and "<script>" not in text.replace(
        '<script type="application/json"', ""
    )
    hospital = (
        Discharge.objects.filter(
            institution__division__path__startswith=Division.objects.get(code=BAZHONG).path
        )
        .values_list("institution__code", flat=True)
        .first()
    )
    detail = client.get(f"/hospitals/{hospital}/")
    assert detail.status_code == 200 and 'id="left-out"' in detail.content.decode()  # drill-down with reasons
    text = detail.content.decode()
    # the code mapping's log: which mapping, over how many stays Tixi grouped, what it changed or could not map
    log = detail.context["mapping_log"]
    assert (
        log["code_map"] == demo.CODE_MAP_VERSION and log["grouped_stays"] > 0 and 'id="mapping-log"' in text
    )
    if language == "zh-hans":
        assert "编码映射日志" in text and f"应用了编码映射 {demo.CODE_MAP_VERSION}" in text
        # a stay the grouper could not group says why (the grouper's reason, not only "not grouped")
        assert re.search(r"未分组：无医保分组，分组器也未能分组（不计入 CMI）; [^<]+</td>", text)
    else:
        # the demo's codes are mostly 医保 codes; a clinical one (I84.200 痔 → K64.805) is listed as changed
        assert "Code mapping log" in text
        assert ("Codes it changed" in text) == bool(log["changed_codes"])
    assert (
        client.get(
            f"/hospitals/upcoding/?division={PANZHIHUA}&year=2024", HTTP_ACCEPT_LANGUAGE=language
        ).status_code
        == 200
    )


@pytest.mark.parametrize("figure, level", [("level4_share", 3), ("level3_share", 2)])
def test_the_surgery_level_funnel_holds_only_the_grade_judged_on_it(web, figure, level):
    """国考: level-4 share in tertiary hospitals, level-3 share in secondary ones — a secondary hospital is
    not plotted at 0 % on the level-4 funnel."""
    client = web("planner")
    page = client.get(f"/hospitals/?division={PANZHIHUA}&year=2024&figure={figure}")
    assert page.status_code == 200
    rows, funnel = page.context["rows"], page.context["funnel"]
    assert rows and {r["level"] for r in rows} == {level}
    assert {p[2] for p in funnel["points"]} == {r["hospital_name"] for r in rows if r["surgery_patients"]}
    everything = client.get(f"/hospitals/?division={PANZHIHUA}&year=2024&figure=surgery_share").context[
        "rows"
    ]
    assert {r["level"] for r in everything} >= {2, 3}  # the other figures keep every grade
    assert 'id="grade-note"' in page.content.decode()


def test_the_upcoding_watch_flags_no_more_than_chance_on_the_demo(web):
    """The demo's synthetic records hold no upcoding: a hospital is flagged only where its CC/MCC capture
    rose beyond chance (the old rule, any rise, flagged a quarter of them from sampling noise)."""
    client = web("planner")
    for region in (PANZHIHUA, BAZHONG, "511700000000"):
        page = client.get(f"/hospitals/upcoding/?division={region}&year=2024")
        rows = page.context["rows"]
        assert len(rows) > 20
        assert page.context["flagged"] <= 0.1 * len(rows), region
        assert all(r["cc_capture_z"] > 1.96 for r in rows if r["flagged"])

"""Every indicator's definition and trap on a handful of stays computed by hand (engine only, no Django)."""

import duckdb
import pytest

from tixi.hospitals.engine import indicators as ind

T3, T2 = 1, 2  # a tertiary and a secondary hospital
HOSPITALS = [
    {"institution_id": T3, "hospital": "H3", "level": 3, "beds": 10, "county": "511902"},
    {"institution_id": T2, "hospital": "H2", "level": 2, "beds": 5, "county": "511921"},
]
LISTS = {
    "level4": ["36.1000"],
    "level3": ["47.0100"],
    "minimally_invasive": ["51.2300", "47.0100"],
}
WEIGHTS = {"HC35": 1.5, "FM19": 3.0, "GB11": 0.5}


def stay(hospital, record, admitted, discharged, **kw):
    row = {
        "institution_id": hospital,
        "record_id": record,
        "admitted_at": admitted,
        "discharged_at": discharged,
        "month": int(discharged[:4] + discharged[5:7]),
        "year": int(discharged[:4]),
        "department": kw.pop("department", "外科"),
        "sex": "1",
        "age_years": 50,
        "age_days": None,
        "birth_weight": None,
        "residence_code": kw.pop("residence", "511902001000"),
        "principal_diagnosis": "K80.101",
        "other_diagnoses": "",
        "procedures": kw.pop("procedures", ""),
        "procedure_kinds": kw.pop("kinds", ""),
        "elective": kw.pop("elective", False),
        "day_surgery": kw.pop("day_surgery", False),
        "pathway_entered": kw.pop("pathway_entered", False),
        "pathway_completed": kw.pop("pathway_completed", False),
        "discharge_method": kw.pop("method", "1"),
        "total_cost": kw.pop("cost", 10000.0),
        "drg": kw.pop("drg", ""),
        "represents": kw.pop("represents", 1),
    }
    assert not kw, kw
    return row


STAYS = [
    # three operations in one stay, one on the level-4 list: ONE surgery patient, ONE level-4 patient
    stay(T3, "a", "2024-03-01 08:00", "2024-03-11 09:00", procedures="36.1000|36.0600|88.5500",
         kinds="surgery|intervention|diagnostic", elective=True, drg="FM19", pathway_entered=True,
         pathway_completed=True, cost=60000.0),
    # planned day surgery within 24 h, MI list: a day surgery case
    stay(T3, "b", "2024-03-02 08:00", "2024-03-03 07:00", procedures="51.2300", kinds="surgery",
         elective=True, day_surgery=True, drg="HC35", pathway_entered=True, cost=8000.0),
    # flagged day surgery but 30 h: NOT day surgery (the 24 h trap), still elective surgery
    stay(T3, "c", "2024-03-02 08:00", "2024-03-03 14:00", procedures="51.2300", kinds="surgery",
         elective=True, day_surgery=True, drg="HC35", cost=9000.0),
    # an intervention counts as surgery; emergency; front-page level would say 4 but the list does not
    stay(T3, "d", "2024-04-05 10:00", "2024-04-09 10:00", procedures="00.6600", kinds="intervention",
         elective=False, cost=30000.0),
    # medical stay, no DRG from the payer and no grouper: not grouped, out of CMI
    stay(T3, "e", "2024-04-01 10:00", "2024-04-07 10:00", method="5", cost=5000.0),
    # diagnostic procedure only: not a surgery patient
    stay(T3, "f", "2024-04-01 10:00", "2024-04-04 10:00", procedures="45.2300", kinds="diagnostic",
         drg="GB11", cost=3000.0, residence="511921003000"),
    # a DRG missing from the weight table
    stay(T3, "g", "2024-04-01 10:00", "2024-04-02 10:00", drg="ZZ99", cost=2000.0),
    # secondary hospital: level-3 list procedure
    stay(T2, "h", "2024-05-01 10:00", "2024-05-06 10:00", procedures="47.0100", kinds="surgery",
         elective=True, drg="GB11", cost=7000.0, residence="511921003000"),
    stay(T2, "i", "2024-05-01 10:00", "2024-05-01 16:00", drg="GB11", cost=1000.0,
         residence="511902001000"),
]  # fmt: skip


def build(stays=STAYS, group=None, lists=LISTS, weights=WEIGHTS):
    con = duckdb.connect()
    ind.prepare(con, HOSPITALS, lists, weights)
    columns = list(ind.DISCHARGE_SCHEMA)
    con.executemany(
        f"INSERT INTO discharges VALUES ({', '.join('?' * len(columns))})",
        [[s[c] for c in columns] for s in stays],
    )
    ind.build_facts(con, group)
    return con


@pytest.fixture(scope="module")
def by_hospital():
    return {row["hospital"]: row for row in ind.compute(build(), ("hospital",))}


def test_surgery_counts_patients_not_operations_and_includes_interventions(by_hospital):
    h3 = by_hospital["H3"]
    assert h3["discharges"] == 7
    assert h3["surgery_patients"] == 4  # a (3 operations), b, c, d (intervention); not f (diagnostic)
    assert h3["surgery_share"] == pytest.approx(100 * 4 / 7, abs=1e-4)


def test_level4_and_mi_come_from_the_lists_over_surgery_patients(by_hospital):
    h3 = by_hospital["H3"]
    assert h3["level4_patients"] == 1  # a only: 36.1000 on the list (d's front-page level is ignored)
    assert h3["level4_share"] == 25.0
    assert h3["minimally_invasive_patients"] == 2  # b, c
    assert h3["minimally_invasive_share"] == 50.0


def test_secondary_hospitals_use_the_level3_list(by_hospital):
    h2 = by_hospital["H2"]
    assert h2["surgery_patients"] == 1
    assert h2["level3_share"] == 100.0
    assert h2["level4_share"] == 0.0


def test_day_surgery_is_planned_elective_and_within_24_hours(by_hospital):
    h3 = by_hospital["H3"]
    assert h3["elective_surgery_patients"] == 3  # a, b, c (d is an emergency)
    assert h3["day_surgery_patients"] == 1  # b; c is flagged but stayed 30 h
    assert h3["day_surgery_share"] == pytest.approx(100 / 3, abs=1e-4)


def test_pathways_share_and_completion(by_hospital):
    h3 = by_hospital["H3"]
    assert h3["pathway_patients"] == 2 and h3["pathway_share"] == pytest.approx(200 / 7, abs=1e-4)
    assert h3["pathway_completion"] == 50.0


def test_alos_counts_calendar_days_with_at_least_one(by_hospital):
    # a 10, b 1, c 1, d 4, e 6, f 3, g 1 = 26 bed-days over 7 stays; h 5, i (same day) 1
    assert by_hospital["H3"]["bed_days"] == 26
    assert by_hospital["H3"]["alos"] == pytest.approx(26 / 7, abs=1e-4)
    assert by_hospital["H2"]["alos"] == 3.0


def test_bed_occupancy_over_the_year_from_registry_beds(by_hospital):
    assert by_hospital["H3"]["bed_occupancy"] == pytest.approx(100 * 26 / (10 * 366), abs=1e-4)


def test_cmi_uses_payer_drgs_and_leaves_out_ungrouped_and_unweighted_stays(by_hospital):
    h3 = by_hospital["H3"]
    # weighted: a FM19 3.0, b HC35 1.5, c HC35 1.5, f GB11 0.5; d and e not grouped; g ZZ99 has no weight
    assert h3["cmi_cases"] == 4
    assert h3["cmi"] == pytest.approx((3.0 + 1.5 + 1.5 + 0.5) / 4, abs=1e-4)
    assert h3["not_grouped"] == 2 and h3["no_weight"] == 1


def test_a_grouper_fills_in_stays_without_a_payer_drg():
    def group(cases):
        return cases.select("institution_id, record_id, 'FM19' AS drg, 'ok' AS status")

    rows = {r["hospital"]: r for r in ind.compute(build(group=group), ("hospital",))}
    assert rows["H3"]["cmi_cases"] == 6  # d and e now grouped (FM19); g still without a weight
    assert rows["H3"]["cmi"] == pytest.approx((3.0 + 1.5 + 1.5 + 0.5 + 3.0 + 3.0) / 6, abs=1e-4)


def test_efficiency_indices_against_the_drg_means():
    con = build()
    rows = {r["hospital"]: r for r in ind.compute(con, ("hospital",))}
    # GB11: f (H3, 3 days, 3000), h (H2, 5 days, 7000), i (H2, 1 day, 1000): mean 3 days, 11000/3 yuan
    # HC35: b, c both 1 day, 8000 and 9000; FM19: a only; ZZ99: g only (a DRG without weight still has means)
    h2 = rows["H2"]
    assert h2["time_efficiency"] == pytest.approx((5 / 3 + 1 / 3) / 2, abs=1e-4)
    assert h2["cost_efficiency"] == pytest.approx((7000 / (11000 / 3) + 1000 / (11000 / 3)) / 2, abs=1e-4)


def test_low_risk_mortality_uses_drgs_with_low_standardised_mortality():
    # four DRGs with deaths at 1/100, 10/100, 20/100, 30/100: ln mortality z-scores; the first is below -1
    stays = []
    for drg, deaths in (("AA11", 1), ("BB11", 10), ("CC11", 20), ("DD11", 30)):
        for k in range(100):
            stays.append(
                stay(
                    T3,
                    f"{drg}-{k}",
                    "2024-01-01 08:00",
                    "2024-01-03 08:00",
                    drg=drg,
                    method="5" if k < deaths else "1",
                )
            )
    con = build(stays, weights={})
    row = ind.compute(con, ("hospital",))[0]
    assert row["low_risk_cases"] == 100 and row["low_risk_deaths"] == 1
    assert row["low_risk_mortality"] == 1.0


def test_by_month_and_department_and_a_sample_weight():
    rows = ind.compute(build(), ("hospital", "month"))
    march = next(r for r in rows if r["hospital"] == "H3" and r["month"] == 202403)
    assert march["discharges"] == 3
    assert march["bed_occupancy"] == pytest.approx(100 * 12 / (10 * 31), abs=1e-4)
    weighted = [dict(s, represents=10) for s in STAYS]
    row = {r["hospital"]: r for r in ind.compute(build(weighted), ("hospital",))}["H3"]
    assert row["discharges"] == 70 and row["surgery_share"] == pytest.approx(100 * 4 / 7, abs=1e-4)
    assert row["cmi"] == pytest.approx(6.5 / 4, abs=1e-4)


def test_in_county_share_by_residence():
    con = build()
    counties = {c["county"]: c for c in ind.in_county_share(con)}
    # 511902 residents: a,b,c,d,e,g in H3 (county 511902) and i in H2 (511921): 6 of 7
    assert counties["511902"]["in_county_share"] == pytest.approx(600 / 7, abs=1e-4)
    # 511921 residents: f in H3 (outside), h in H2 (inside)
    assert counties["511921"]["in_county_share"] == 50.0


def test_drill_down_gives_the_reason_a_stay_is_left_out():
    con = build()
    cases = {c["record_id"]: c for c in ind.cases(con)}
    assert cases["c"]["day_surgery_excluded"] == ind.DAY_SURGERY_OVER_24H
    assert cases["e"]["cmi_excluded"] == ind.NOT_GROUPED
    assert cases["g"]["cmi_excluded"] == ind.NO_WEIGHT
    assert cases["a"]["cmi_excluded"] is None and cases["a"]["level4"]
    assert ind.drgs_without_weight(con) == [("ZZ99", 1)]
    assert ("00.6600", 1) in ind.unknown_procedure_codes(con)


def test_upcoding_watch_separates_severity_from_case_mix():
    before = {1: {"cmi": 1.0, "adrg_cmi": 0.8, "cc_capture": 20.0, "cases": 100},
              2: {"cmi": 1.0, "adrg_cmi": 0.8, "cc_capture": 20.0, "cases": 100}}  # fmt: skip
    after = {1: {"cmi": 1.10, "adrg_cmi": 0.88, "cc_capture": 20.0, "cases": 100},  # mix explains all 10 %
             2: {"cmi": 1.10, "adrg_cmi": 0.80, "cc_capture": 35.0, "cases": 100}}  # none of it, CC up  # fmt: skip
    rows = {r["institution_id"]: r for r in ind.upcoding_watch(before, after)}
    assert rows[1]["unexplained_drift"] == pytest.approx(0.0) and not rows[1]["flagged"]
    assert rows[2]["unexplained_drift"] == pytest.approx(10.0) and rows[2]["flagged"]
    assert rows[2]["cc_capture_change"] == 15.0


def test_a_rise_in_cc_capture_within_chance_is_not_flagged():
    """The same shares flag a hospital of 1,000 records and not one of 20 (or 20 synthetic records standing
    for 3,000 stays: the evidence is in the records)."""
    then = {"cmi": 1.0, "adrg_cmi": 0.8, "cc_capture": 10.0}
    now = {"cmi": 1.10, "adrg_cmi": 0.80, "cc_capture": 20.0}
    large = ind.upcoding_watch({1: dict(then, cases=1000)}, {1: dict(now, cases=1000)})[0]
    small = ind.upcoding_watch({1: dict(then, cases=20)}, {1: dict(now, cases=20)})[0]
    sample = ind.upcoding_watch(
        {1: dict(then, cases=3000, records=20)}, {1: dict(now, cases=3000, records=20)}
    )[0]
    assert large["flagged"] and large["cc_capture_z"] > 5
    assert (
        not small["flagged"] and not sample["flagged"] and sample["cc_capture_z"] == small["cc_capture_z"] < 1
    )
    assert small["unexplained_drift"] == large["unexplained_drift"] == pytest.approx(10.0)


def test_case_mix_uses_the_adrg_base_weight_and_the_split_digit():
    stays = [
        stay(T3, "m1", "2024-01-01 08:00", "2024-01-05 08:00", drg="ES21"),
        stay(T3, "m2", "2024-01-01 08:00", "2024-01-05 08:00", drg="ES25"),
    ]
    con = build(stays, weights={"ES21": 1.5, "ES23": 1.2, "ES25": 0.9})
    row = ind.case_mix(con)[T3]
    assert row["cmi"] == pytest.approx(1.2) and row["adrg_cmi"] == pytest.approx(0.9)
    assert row["cc_capture"] == 50.0 and row["records"] == 2


def test_funnel_limits_narrow_with_volume():
    limits = ind.funnel_limits(20.0, [100, 10000], points=2)
    assert limits[0]["n"] == 100 and limits[-1]["n"] == 10000
    # 20 % ± 1.96·√(0.2·0.8/100) = 20 ± 7.84
    assert limits[0]["upper95"] == pytest.approx(27.84, abs=1e-2) and limits[0]["lower95"] == pytest.approx(
        12.16, abs=1e-2
    )
    assert limits[-1]["upper998"] - limits[-1]["lower998"] < limits[0]["upper998"] - limits[0]["lower998"]


def test_the_lists_are_matched_once_per_procedure_string_and_the_cube_sums_the_stays():
    """One pass over the stays: the lists are matched per distinct procedure string (not per stay, no join
    on record ids), and the cube's figures are those of the per-stay facts."""
    twin = [dict(s, record_id=s["record_id"] + "-twin") for s in STAYS]  # every procedure string twice
    con = build(STAYS + twin)
    listed = {
        s["procedures"]
        for s in STAYS
        if set(s["procedures"].split("|")) & {code for codes in LISTS.values() for code in codes}
    }
    flags = con.execute("SELECT procedures FROM procedure_flags").fetchall()
    assert sorted(p for (p,) in flags) == sorted(listed)  # one row a string, however many stays carry it
    assert "record_id" not in [d[0] for d in con.execute("SELECT * FROM procedure_flags LIMIT 0").description]
    from_facts = con.execute(
        """SELECT sum(w), sum(w) FILTER (WHERE surgery), sum(w) FILTER (WHERE minimally_invasive),
                  sum(w) FILTER (WHERE level4), sum(w) FILTER (WHERE day_surgery_case), sum(los_days * w)
           FROM facts"""
    ).fetchone()
    from_cube = con.execute(
        """SELECT sum(discharges), sum(surgery_patients), sum(minimally_invasive_patients),
                  sum(level4_patients), sum(day_surgery_patients), sum(bed_days) FROM cube"""
    ).fetchone()
    assert [int(v or 0) for v in from_cube] == [int(v or 0) for v in from_facts]
    assert from_cube[0] == 2 * sum(s["represents"] for s in STAYS)

"""A hospital reports every notifiable case it diagnoses, wherever the patient lives (网络直报): the
institution role's right to report cases (RIGHTS) is usable through the API and the import with its
own institution named, sees what it reported, and nothing else; a place outside the scope without an
institution within it is still refused by the field (matrix9 found the right unusable)."""

import datetime as dt

import pytest

from tests import factories as f
from tests.surveillance.test_data import HEAD, csv_bytes
from tixi.exchange.services import apply_import, preview_import
from tixi.surveillance.models import CaseReport

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


@pytest.fixture
def hospital(users):
    return users["institution"].scope_institutions.get()


def body(division, **fields):
    day = dt.date(2025, 10, 14).isoformat()
    return {
        "card_id": "H1",
        "disease_code": "hfmd",
        "onset_date": day,
        "report_date": day,
        "division": division.code,
        "sex": "F",
        "status": "clinical",
        **fields,
    }


def test_the_hospital_reports_a_patient_from_anywhere_with_its_own_name(api, region, townships, hospital):
    elsewhere = region["other_county"]  # another city's county: outside every scope of the hospital
    made = api("institution").post(
        "/api/case-reports/", body(elsewhere, institution=hospital.code), format="json"
    )
    assert made.status_code == 201, made.content
    assert CaseReport.objects.get(card_id="H1").institution == hospital
    # it reads what it reported, and no one else's
    f.institution(region["county"], name="测试别家医院")
    listed = api("institution").get("/api/case-reports/").json()
    assert [r["card_id"] for r in listed["results"]] == ["H1"]


def test_without_its_institution_or_with_another_the_place_or_the_institution_is_refused(
    api, region, townships, hospital
):
    other = f.institution(region["other_county"], name="测试外地医院")
    unnamed = api("institution").post("/api/case-reports/", body(townships[0]), format="json")
    assert unnamed.status_code == 400 and "division" in unnamed.json()
    foreign = api("institution").post(
        "/api/case-reports/", body(townships[0], institution=other.code), format="json"
    )
    assert foreign.status_code == 400 and "institution" in foreign.json()
    assert not CaseReport.objects.exists()


def test_the_hospital_imports_its_cases_and_a_row_without_it_is_refused_by_row(
    users, region, townships, hospital
):
    elsewhere = region["other_county"].code
    rows = [
        HEAD,
        [
            "H1",
            "手足口病",
            "2025-10-12",
            "",
            "2025-10-13",
            elsewhere,
            "4",
            "男",
            hospital.code,
            "临床诊断病例",
        ],
        ["H2", "手足口病", "2025-10-12", "", "2025-10-13", elsewhere, "5", "女", "", "临床诊断病例"],
    ]
    preview = preview_import("case_reports", csv_bytes(rows), "cases.csv", users["institution"])
    assert [(p.row, p.message) for p in preview.problems] == [(3, "该区划不在您的管辖范围内。")]
    preview = preview_import("case_reports", csv_bytes(rows[:2]), "cases.csv", users["institution"])
    assert not preview.problems
    apply_import(preview, users["institution"])
    assert CaseReport.objects.get(card_id="H1").division.code == elsewhere

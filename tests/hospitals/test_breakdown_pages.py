"""A hospital's page by department and by month (issue 16 §3): the figures add up to the year's, each row
drills down to its stays, the page asks the database a fixed number of times whatever the number of years,
departments or months, the tables download as Excel, and an institution sees only its own hospital."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from tixi.hospitals import figures, views
from tixi.hospitals.models import Discharge
from tixi.registry.models import Institution

pytestmark = pytest.mark.django_db
OWN = "攀枝花市中心医院"  # the demo institution account's hospital
DEPARTMENT, MONTH = 1, 2  # columns of the stays table


def own_hospital() -> Institution:
    return Institution.objects.get(name=OWN)


def page(client, hospital, **query):
    response = client.get(f"/hospitals/{hospital.code}/", query)
    assert response.status_code == 200
    return response


def rows_of(table) -> list[list]:
    return table.values()


def test_departments_and_months_add_up_to_the_year_and_match_the_engine(web):
    hospital = own_hospital()
    response = page(web("planner"), hospital, year=2024)
    context = response.context
    year_row = next(r for r in rows_of(context["year_table"]) if r[0] == "2024")
    assert "2,024" not in response.content.decode()  # a year is not a quantity
    departments, months = rows_of(context["department_table"]), rows_of(context["month_table"])
    assert len(departments) >= 3 and [m[0] for m in months] == [f"2024-{m:02d}" for m in range(1, 13)]
    assert sum(r[1] for r in departments) == year_row[1] == sum(r[1] for r in months)
    # each department's figures are those of the engine over that year alone
    loaded = figures.load(hospital.division, 2024, hospital=hospital.code)
    expected = {r["department"]: r for r in figures.hospital_figures(loaded, ("hospital", "department"))}
    loaded.con.close()
    keys = ["department", *(key for key, _label, _decimals in views.BREAKDOWN)]
    for row in departments:
        figure = expected[row[0]]
        assert dict(zip(keys[1:], row[1:], strict=True)) == {k: figure[k] for k in keys[1:]}
    text = response.content.decode()
    assert 'id="hospital-departments"' in text and 'id="hospital-months"' in text
    assert 'id="month-data"' in text and 'id="month-level4_share"' in text


def test_a_department_or_a_month_opens_its_stays(web):
    hospital = own_hospital()
    client = web("planner")
    department = Discharge.objects.filter(institution=hospital, year=2024).values_list(
        "department", flat=True
    )[0]
    response = page(client, hospital, year=2024, department=department)
    cases = response.context["cases_table"]
    assert cases is not None and cases.rows and 'id="cases"' in response.content.decode()
    assert {r[DEPARTMENT] for r in rows_of(cases)} == {department}
    stored = set(
        Discharge.objects.filter(institution=hospital, year=2024, department=department).values_list(
            "record_id", flat=True
        )
    )
    assert {r[0] for r in rows_of(cases)} <= stored
    # each department's link on the page leads to its stays
    link = response.context["department_table"].rows[-1].cells[0]
    followed = client.get(f"/hospitals/{hospital.code}/{link.href.split('#')[0]}").context["cases_table"]
    assert {r[DEPARTMENT] for r in rows_of(followed)} == {link.value}
    month = page(client, hospital, year=2024, month=202403).context["cases_table"]
    assert month.rows and {r[MONTH] for r in rows_of(month)} == {"2024-03"}
    # a department the hospital does not have, or a month of another year, opens nothing
    assert page(client, hospital, year=2024, department="x' OR 1=1 --").context["cases_table"] is None
    assert page(client, hospital, year=2024, month=202303).context["cases_table"] is None


def test_the_page_asks_the_database_as_often_for_one_year_as_for_six(web, django_assert_max_num_queries):
    """One load of every year's records: not one per year, department, month or stay."""
    client = web("planner")
    hospital = own_hospital()
    many_years = sorted(set(Discharge.objects.filter(institution=hospital).values_list("year", flat=True)))
    assert len(many_years) >= 3
    page(client, hospital, year=2024)  # the session is written on the first request only
    with CaptureQueriesContext(connection) as six:
        page(client, hospital, year=2024, department="内科")
    other = (
        Institution.objects.filter(discharge__year=2024)
        .exclude(pk=hospital.pk)
        .filter(division__path__startswith=hospital.division.path[:4])
        .distinct()
        .first()
    )
    Discharge.objects.filter(institution=other).exclude(year=2024).delete()
    with CaptureQueriesContext(connection) as one:
        page(client, other, year=2024, department="内科")
    assert len(one) == len(six), (
        "\n".join(q["sql"][:150] for q in six.captured_queries)
        + "\n----\n"
        + "\n".join(q["sql"][:150] for q in one.captured_queries)
    )
    with django_assert_max_num_queries(len(six)):
        page(client, hospital, year=2023, month=202305)


def test_the_tables_download_as_excel_as_shown(web):
    hospital = own_hospital()
    client = web("planner")
    shown = page(client, hospital, year=2024, department="内科").context
    response = client.get(
        f"/hospitals/{hospital.code}/", {"year": 2024, "department": "内科", "format": "xlsx"}
    )
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/vnd.openxmlformats"
    )
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    assert len(book.sheetnames) == 4  # by year, by department, by month, the department's stays
    departments = [list(r) for r in book.worksheets[1].iter_rows(min_row=2, values_only=True)]
    assert departments == rows_of(shown["department_table"])


def test_an_institution_sees_only_its_own_hospital(web):
    client = web("institution")
    own = own_hospital()
    assert page(client, own, year=2024).context["department_table"].rows
    other = Institution.objects.filter(discharge__year=2024).exclude(pk=own.pk).first()
    assert client.get(f"/hospitals/{other.code}/", {"year": 2024}).status_code == 404
    assert client.get(f"/hospitals/{other.code}/", {"format": "xlsx"}).status_code == 404


@pytest.mark.parametrize(
    "language, words",
    [
        ("zh-hans", ("按科室", "按月份", "出院人次", "内科 2024年病例", "下载")),
        ("en", ("By department, 2024", "By month, 2024", "Discharges", "Stays of", "Download")),
    ],
)
def test_the_breakdown_in_both_languages(web, language, words):
    client = web("planner")
    client.cookies["django_language"] = language
    text = page(client, own_hospital(), year=2024, department="内科").content.decode()
    for word in words:
        assert word in text, word


def test_a_year_still_open_is_judged_over_its_days_so_far(settings):
    """In October the year's bed occupancy is over the days gone by, not over 365 (the demo's stays end on
    its today: over the whole year 攀枝花市中心医院 read 69.8 % in 2025 against the 85 % it reports)."""
    import datetime as dt

    from tixi.demo.ledger_story import DEMO_TODAY
    from tixi.hospitals.engine.indicators import days_in
    from tixi.registry.models import InstitutionYear

    assert days_in(2025, dt.date(2025, 10, 15)) == 288 and days_in(202510, dt.date(2025, 10, 15)) == 15
    assert days_in(2024, dt.date(2025, 10, 15)) == 366 and days_in(2025) == 365
    settings.TIXI_TODAY = DEMO_TODAY
    hospital = own_hospital()
    loaded = figures.load(hospital.division, 2025, hospital=hospital.code, years=[2025])
    records = figures.hospital_figures(loaded, ("hospital", "year"))[0]["bed_occupancy"]
    reported = InstitutionYear.objects.get(institution=hospital, year=2025)
    registry = 100 * reported.bed_days / (reported.actual_beds * 365)
    assert abs(records - registry) / registry < 0.06, (records, registry)

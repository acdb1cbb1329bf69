"""`tixi template/import discharges`, `tixi hospitals lists/weights import`: what goes in, what is refused."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from openpyxl import Workbook, load_workbook

from tests import factories as f
from tixi.hospitals import importing
from tixi.hospitals.engine import synthetic
from tixi.hospitals.models import CodeList, Discharge, WeightTable
from tixi.registry.models import Institution

pytestmark = pytest.mark.django_db
# most tests need one hospital of the registry: the kit's (the demo's where its lists, weights or stays
# are read)
kit = pytest.mark.without_demo
HEAD = (
    "hospital_code,record_id,admitted_at,discharged_at,sex,age_years,age_days,principal_diagnosis,"
    "other_diagnoses,procedures,procedure_dates,procedure_kinds,elective,day_surgery,pathway_entered,"
    "pathway_completed,discharge_method,total_cost,drg"
)


@pytest.fixture
def hospital(request, db):
    if request.node.get_closest_marker("without_demo"):
        return f.institution(f.sample_county(), level=3)
    return Institution.objects.filter(type="general_hospital", level=3).order_by("code").first()


def write(tmp_path, lines, name="d.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def good_rows(code, month="03", n=3):
    return [
        f"{code},T{month}-{i},2019-{month}-01 08:00,2019-{month}-05 10:00,1,45,,K80.101,I10.x00x002,51.2300,"
        f"2019-{month}-02,surgery,1,0,1,1,1,12000.5,HC39"
        for i in range(n)
    ]


def run_import(path):
    with translation.override("zh-hans"):
        return importing.import_discharges(path)


@kit
def test_a_valid_file_imports_and_a_month_reimported_replaces_that_month(tmp_path, hospital):
    result = run_import(
        write(tmp_path, [HEAD, *good_rows(hospital.code, "03", 3), *good_rows(hospital.code, "04", 2)])
    )
    assert result.ok, result.problems
    stored = Discharge.objects.filter(institution=hospital, year=2019)
    assert stored.count() == 5
    record = stored.get(record_id="T03-0")
    assert record.procedure_list() == ["51.2300"] and record.month == 201903 and record.elective
    # March again with one record: March is replaced, April kept
    assert run_import(write(tmp_path, [HEAD, *good_rows(hospital.code, "03", 1)], "again.csv")).ok
    assert stored.filter(month=201903).count() == 1 and stored.filter(month=201904).count() == 2


@kit
def test_national_upload_codes_and_gbk_are_accepted(tmp_path, hospital):
    lines = [
        "A01,A48,B12,B15,B16C,A12C,A14,C03C,B34C,D01",
        f"{hospital.code},N1,2019-06-01 08:00,2019-06-03 09:00,普通外科,女,30,J18.900,1,3000",
    ]
    assert run_import(write(tmp_path, lines, encoding="gb18030")).ok
    assert Discharge.objects.get(institution=hospital, record_id="N1").sex == "2"


@kit
def test_template_round_trip_through_xlsx(tmp_path, hospital):
    out = tmp_path / "t.xlsx"
    call_command("template", "discharges", "--out", str(out), stdout=io.StringIO())
    sheet = load_workbook(out).active
    assert sheet.cell(1, 1).value == "医疗机构代码" and sheet.cell(2, 1).value == "hospital_code"
    book = Workbook()
    filled = book.active
    for row in sheet.iter_rows(min_row=1, max_row=2, values_only=True):
        filled.append(row)
    values = {"hospital_code": hospital.code, "record_id": "X1", "admitted_at": "2019-07-01 08:00",
              "discharged_at": "2019-07-02 08:00", "sex": "1", "age_years": 50, "principal_diagnosis": "K35.800",
              "discharge_method": "1", "total_cost": 5000}  # fmt: skip
    filled.append(
        [values.get(code) for code in next(sheet.iter_rows(min_row=2, max_row=2, values_only=True))]
    )
    book.save(tmp_path / "filled.xlsx")
    assert run_import(tmp_path / "filled.xlsx").ok
    assert Discharge.objects.filter(institution=hospital, record_id="X1").exists()


@pytest.mark.parametrize(
    "change, column, message",
    [
        ({"discharged_at": "2019-02-27 10:00"}, "出院时间", "出院时间早于入院时间"),
        ({"procedure_dates": "2019-03-09"}, "手术操作日期", "手术操作日期不在住院期间"),
        ({"procedure_dates": "2019-02-28"}, "手术操作日期", "手术操作日期不在住院期间"),  # before admission
        ({"age_years": "0", "age_days": ""}, "年龄不足1周岁的年龄（天）", "不满1周岁的患者须填写年龄（天）"),
        ({"hospital_code": "NOPE"}, "医疗机构代码", "机构名录中没有这个代码"),
        ({"principal_diagnosis": "XYZ"}, "主要诊断编码", "不是 ICD-10 编码"),
        ({"procedures": "5123"}, "手术操作编码", "不是 ICD-9-CM-3 编码"),
    ],
)
@kit
def test_bad_rows_are_named_by_row_and_field_and_nothing_is_written(
    tmp_path, hospital, change, column, message
):
    names = HEAD.split(",")
    values = dict(zip(names, good_rows(hospital.code, "03", 1)[0].split(","), strict=True))
    values.update(change)
    before = Discharge.objects.count()
    result = run_import(
        write(tmp_path, [HEAD, *good_rows(hospital.code, "05", 2), ",".join(values[n] for n in names)])
    )
    assert not result.ok and Discharge.objects.count() == before
    problem = next(p for p in result.problems if column in p.column)
    assert problem.row == 4 and message in problem.message


@kit
def test_a_file_of_another_layout_is_refused(tmp_path):
    result = run_import(write(tmp_path, ["division_code,year,count", "510400000000,2024,5"]))
    assert not result.ok
    assert (
        "不是本系统格式的出院病案首页文件" in result.problems[0].message
        and "病案号" in result.problems[0].message
    )


@kit
def test_a_workbook_of_another_layout_is_refused_naming_the_missing_columns(tmp_path):
    book = Workbook()
    book.active.append(["机构代码", "年份", "床位数"])
    book.active.append(["510400000000", 2024, 5])
    book.save(tmp_path / "other.xlsx")
    before = Discharge.objects.count()
    result = run_import(tmp_path / "other.xlsx")
    assert not result.ok and result.rows == 0 and Discharge.objects.count() == before
    assert "不是本系统格式的出院病案首页文件" in result.problems[0].message
    assert "病案号" in result.problems[0].message and "出院时间" in result.problems[0].message


@kit
def test_import_command_reports_problems_and_exits(tmp_path, hospital, capsys):
    path = write(
        tmp_path, [HEAD, good_rows(hospital.code)[0].replace("2019-03-05 10:00", "2019-02-01 10:00")]
    )
    with pytest.raises(SystemExit):
        call_command("import", "discharges", str(path))
    refused = capsys.readouterr().err
    assert "rejected: 2 problems; nothing was written" in refused
    assert "\n2\t出院时间（discharged_at）\t2019-02-01 10:00\t出院时间早于入院时间" in refused
    assert not Discharge.objects.filter(institution=hospital).exists()
    call_command(
        "import", "discharges", str(write(tmp_path, [HEAD, *good_rows(hospital.code, "08", 2)], "ok.csv"))
    )
    assert capsys.readouterr().out.strip() and Discharge.objects.filter(institution=hospital).count() == 2


@kit
def test_lists_and_weights_import_with_versions(tmp_path):
    lists = write(tmp_path, ["code,name", "36.1000,冠脉搭桥", "81.5100,全髋置换"], "l4.csv")
    call_command(
        "hospitals",
        "lists",
        "import",
        "--kind",
        "level4",
        "--version",
        "T2019",
        str(lists),
        stdout=io.StringIO(),
    )
    assert list(
        CodeList.objects.get(kind="level4", version="T2019").entries.values_list("code", flat=True)
    ) == [
        "36.1000",
        "81.5100",
    ]
    bad = write(tmp_path, ["code,name", "36.1000,a", "36.1000,b"], "bad.csv")
    with pytest.raises(CommandError, match="36.1000"):
        call_command("hospitals", "lists", "import", "--kind", "level4", "--version", "T2019b", str(bad))
    assert not CodeList.objects.filter(version="T2019b").exists()


@kit
def test_a_weight_table_without_a_drg_of_the_data_is_refused(tmp_path, hospital):
    assert run_import(write(tmp_path, [HEAD, *good_rows(hospital.code, "09", 1)])).ok  # carries HC39
    # every DRG of the demo's weight table but the one of the stored records (this file's)
    weights = {drg: w for drg, w in synthetic.demo_weights().items() if drg != "HC39"}
    table = write(tmp_path, ["drg,weight", *(f"{d},{w}" for d, w in weights.items())], "w.csv")
    with translation.override("zh-hans"), pytest.raises(importing.ListError, match=r"权重表缺少.*HC39"):
        importing.import_weights("W-bad", table)
    assert not WeightTable.objects.filter(version="W-bad").exists()


def test_a_weight_table_without_a_drg_the_grouper_assigns_is_refused_or_listed(tmp_path, capsys):
    """The stored stays without a payer DRG are grouped by Tixi: a table lacking one of those DRGs is
    refused naming it (nothing written), or imported with --allow-missing, which lists it."""
    from tixi.hospitals import figures

    assigned = figures.assigned_drgs()
    payer = set(Discharge.objects.exclude(drg="").values_list("drg", flat=True))
    only_grouped = sorted(set(assigned) - payer, key=lambda d: -assigned[d][0])[:2]
    assert only_grouped, "the demo holds stays that only the grouper puts in a DRG"
    stays, example = assigned[only_grouped[0]]
    hospital, record = example.split("/")
    assert Discharge.objects.filter(institution__code=hospital, record_id=record, drg="").exists()
    weights = {d: w for d, w in synthetic.demo_weights().items() if d not in only_grouped}
    table = write(tmp_path, ["drg,weight", *(f"{d},{w}" for d, w in weights.items())], "w.csv")
    with translation.override("zh-hans"), pytest.raises(CommandError) as refused:
        call_command("hospitals", "weights", "import", "--version", "W-grouped", str(table))
    message = str(refused.value)
    assert "体系分组器" in message and f"{only_grouped[0]}（{stays:,} 例，如 {example}）".replace(
        ",", ""
    ) in (message.replace(",", ""))
    assert all(d in message for d in only_grouped) and "--allow-missing" in message
    assert not WeightTable.objects.filter(version="W-grouped").exists()
    call_command("hospitals", "weights", "import", "--version", "W-grouped", "--allow-missing", str(table))
    out = capsys.readouterr()
    assert "imported weight table W-grouped" in out.out and all(d in out.err for d in only_grouped)
    assert WeightTable.objects.get(version="W-grouped").weights.count() == len(weights)
    # the full table imports without a word
    full = write(
        tmp_path, ["drg,weight", *(f"{d},{w}" for d, w in synthetic.demo_weights().items())], "f.csv"
    )
    call_command("hospitals", "weights", "import", "--version", "W-full", str(full))
    assert capsys.readouterr().err == ""


def test_indicators_command_gives_the_issue_keys_with_versions(tmp_path, hospital, capsys):
    assert run_import(write(tmp_path, [HEAD, *good_rows(hospital.code, "10", 4)])).ok
    division = hospital.division.code
    call_command("hospitals", "indicators", "--division", division, "--year", "2019", "--hospital", hospital.code,
                 "--lists", "演示2024", "--weights", "演示CHS-DRG1.1", "--format", "json")  # fmt: skip
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 1
    row = rows[0]
    for key in ("hospital", "discharges", "surgery_patients", "surgery_share", "minimally_invasive_share",
                "level4_share", "level3_share", "day_surgery_share", "pathway_share", "alos", "cmi"):  # fmt: skip
        assert key in row
    assert row["hospital"] == hospital.code and row["surgery_share"] == 100.0
    assert row["minimally_invasive_share"] == 100.0  # 51.2300 is on the demo MI list
    assert row["versions"]["weights"] == "演示CHS-DRG1.1" and row["versions"]["lists"]["level4"] == "演示2024"


def zip_bomb(path):
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", "<" + "a" * (20 * 2**20) + ">")
    return path


@kit
def test_a_file_that_is_no_spreadsheet_is_refused_with_a_reason_not_a_traceback(tmp_path):
    """A binary renamed .csv, bytes that are neither UTF-8 nor GBK, a renamed non-workbook .xlsx and a
    zip bomb: one problem naming the file, in Chinese (they raised UnicodeDecodeError or calamine's
    ZipError before)."""
    binary = tmp_path / "b.csv"
    binary.write_bytes(b"\x00\x01\xff\xfe" * 1000)
    not_text = tmp_path / "t.csv"
    not_text.write_bytes((HEAD + "\n").encode() + b"\xff\xfe\x80" * 10 + b"\n")
    not_a_workbook = tmp_path / "w.xlsx"
    not_a_workbook.write_bytes(b"this is not a workbook")
    cases = {binary: "不是电子表格", not_text: "既不是UTF-8", not_a_workbook: "不是电子表格"}
    cases[zip_bomb(tmp_path / "bomb.xlsx")] = "压缩炸弹"
    for path, reason in cases.items():
        result = run_import(path)
        assert not result.ok and result.rows == 0, path.name
        assert [(p.column, p.value) for p in result.problems] == [("文件", path.name)]
        assert reason in result.problems[0].message, (path.name, result.problems[0].message)


@kit
@pytest.mark.parametrize("verb", [["lists", "import", "--kind", "level4"], ["weights", "import"]])
def test_a_binary_list_or_weight_table_is_refused_by_message(tmp_path, verb):
    binary = tmp_path / "b.csv"
    binary.write_bytes(b"\x00\x01\xff\xfe" * 1000)
    with translation.override("zh-hans"), pytest.raises(CommandError, match="不是电子表格"):
        call_command("hospitals", *verb, "--version", "B1", str(binary))


@kit
def test_a_discharge_import_is_audited_per_batch_and_each_record_carries_its_batch(tmp_path, hospital):
    """Case data by the hundred thousand: one audit entry per batch with its row count and the SHA-256
    of what it wrote, and each stored record names its batch (README, audit)."""
    from tixi.accounts.models import AuditEntry

    assert run_import(write(tmp_path, [HEAD, *good_rows(hospital.code, "07", 4)], "batch.csv")).ok
    entry = AuditEntry.objects.filter(model="hospitals.Discharge", action="bulk").latest("pk")
    batch = entry.after["batch"]
    assert entry.after["rows"] == 4 and len(entry.after["sha256"]) == 64 and len(batch) == 16
    stored = Discharge.objects.filter(institution=hospital, month=201907)
    assert set(stored.values_list("import_batch", flat=True)) == {batch} and stored.count() == 4


@kit
def test_a_hospital_with_stays_but_no_yearly_report_has_its_page(tmp_path, hospital, client):
    """Stays imported before the hospital's yearly report is filed: its page reads them (the reference
    of its city, no hospital reporting that year, was an always-empty query that failed with a 500)."""
    from tixi.accounts.models import Role

    assert run_import(write(tmp_path, [HEAD, *good_rows(hospital.code, "03", 3)])).ok
    client.force_login(f.user(Role.PLANNER, divisions=[hospital.division.parent]))
    page = client.get(f"/hospitals/{hospital.code}/")
    assert page.status_code == 200 and page.context["years"] == [2019]
    assert len(page.context["month_chart"]["months"]) == 1  # March 2019


@kit
def test_a_table_the_commission_imports_is_chosen_over_the_demo_s_whatever_the_time_of_day(
    tmp_path, hospital, settings
):
    """On a demo the day is pinned and only the time of day moves: an import made at 07:00 is stamped
    before a demo table built at 23:00 of the same pinned day, and must still be the one used."""
    import datetime as dt

    from tixi.hospitals import figures

    settings.TIXI_TODAY = dt.date(2025, 10, 15)
    late = dt.datetime(2025, 10, 15, 23, 59, 59, tzinfo=dt.UTC) + dt.timedelta(hours=-8)
    demo_table = WeightTable.objects.create(version="demo-W", is_demo=True)
    demo_list = CodeList.objects.create(kind="level4", version="demo-L", is_demo=True)
    WeightTable.objects.filter(pk=demo_table.pk).update(imported_at=late)
    CodeList.objects.filter(pk=demo_list.pk).update(imported_at=late)
    weights = synthetic.demo_weights()
    table_file = write(tmp_path, ["drg,weight", *(f"{d},{w}" for d, w in weights.items())], "w.csv")
    table, _missing = importing.import_weights("W-2025", table_file, allow_missing=True)
    code_list = importing.import_code_list(
        "level4", "L-2025", write(tmp_path, ["code,name", "36.1000,冠脉搭桥"])
    )
    assert table.imported_at < late and code_list.imported_at < late  # stamped earlier in the pinned day
    lists, chosen = figures.choose_versions(None, None)
    assert chosen == table
    assert lists["level4"] == code_list
    # among the commission's own imports the last one stamped is chosen
    assert figures.latest_of(WeightTable.objects.filter(is_demo=False)) == table


@kit
def test_a_code_map_the_commission_imports_on_the_demo_s_day_is_used_before_the_demo_s(tmp_path, settings):
    """The demo's OpenDRG mapping is real data (not is_demo), so only its stamp ranks it: the demo stamps what it
    builds at the start of its day, and a mapping imported later that day, at any hour, is the one used."""
    import datetime as dt
    from unittest import mock

    from tixi.hospitals import demo, figures

    settings.TIXI_TODAY = dt.date(2025, 10, 15)
    at_23_00 = dt.datetime(2025, 10, 15, 15, 0, tzinfo=dt.UTC)  # 23:00 in Shanghai
    at_07_00 = dt.datetime(2025, 10, 20, 23, 0, tzinfo=dt.UTC)  # 07:00 days later, the day still pinned
    with mock.patch("django.utils.timezone.now", return_value=at_23_00):
        demo.store_demo_lists()
    mapping = write(tmp_path, ["clinical_code,insurance_code", "K80.101,K80.100"], "map.csv")
    with mock.patch("django.utils.timezone.now", return_value=at_07_00):
        mine = importing.import_code_map("本委映射2025", mapping)
    assert figures.choose_code_map(None).version == mine.version == "本委映射2025"
    lists, table = figures.choose_versions(None, None)
    assert table.version == demo.WEIGHT_VERSION  # no table of the commission's: the demo's is used

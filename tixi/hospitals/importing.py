"""Discharge files, code lists and weight tables in: checked in bulk, then written all or nothing."""

import csv
import hashlib
import io
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tixi.accounts import audit
from tixi.core.exports import Column, Table, xlsx_bytes
from tixi.core.validators import refuse_control_characters_in_bulk
from tixi.exchange.engine.reading import ReadError, decode
from tixi.exchange.streamed import StreamedProblem, StreamedResult
from tixi.hospitals.engine import records
from tixi.hospitals.engine.layout import BY_CODE, FIELDS
from tixi.hospitals.models import (
    CodeList,
    CodeListEntry,
    CodeMap,
    CodeMapEntry,
    Discharge,
    ListKind,
    Weight,
    WeightTable,
)
from tixi.registry.models import Institution

PROBLEMS = {
    "required": gettext_lazy("This column is required."),
    "control_character": gettext_lazy("The text holds a control character (an escape, a tab...); remove it."),
    "unknown_hospital": gettext_lazy("No institution with this code in the registry."),
    "time": gettext_lazy("Not a time: write YYYY-MM-DD HH:MM."),
    "before_admission": gettext_lazy("The discharge comes before the admission."),
    "sex": gettext_lazy("Sex is 1 (male), 2 (female) or 9 (not stated)."),
    "number": gettext_lazy("Not a number in the allowed range."),
    "age_missing": gettext_lazy("Give the age in years, or in days for a patient under one year."),
    "neonate_age_days": gettext_lazy("A patient under one year needs the age in days."),
    "grams": gettext_lazy("Not a newborn's weight in grams (200 to 9999)."),
    "neonate_birth_weight": gettext_lazy(
        "A neonate (28 days old or younger) needs the birth weight in grams: CHS-DRG groups neonates by it."
    ),
    "diagnosis_code": gettext_lazy("Not an ICD-10 code (e.g. K80.101, I10.x00x002)."),
    "procedure_code": gettext_lazy("Not an ICD-9-CM-3 code (e.g. 51.2300, 96.0800x005)."),
    "list_length": gettext_lazy("This list does not have one entry per procedure."),
    "procedure_kind": gettext_lazy("A procedure kind is surgery, intervention, diagnostic or therapeutic."),
    "procedure_level": gettext_lazy("A procedure level is 1, 2, 3 or 4."),
    "procedure_date": gettext_lazy("Not a date: write YYYY-MM-DD."),
    "procedure_outside_stay": gettext_lazy("A procedure is dated outside the stay."),
    "flag": gettext_lazy("Write 1 (yes) or 0 (no)."),
    "completed_without_entry": gettext_lazy("A clinical pathway completed without being entered."),
    "discharge_method": gettext_lazy("The discharge method is 1, 2, 3, 4, 5 or 9."),
    "drg_code": gettext_lazy("Not a DRG code (four characters, e.g. HC35)."),
    "duplicate": gettext_lazy("The same record id appears more than once in this file."),
    "unknown_code": gettext_lazy(
        "Codes neither in the health-insurance (NHSA 2.0) code set nor in a clinical → insurance code mapping: %(codes)s."
    ),
}


def _problem_text(problem: records.Problem) -> str:
    text = str(PROBLEMS[problem.code])
    return text % {"codes": problem.value} if problem.code == "unknown_code" else text


def column_label(code: str) -> str:
    field = BY_CODE.get(code)
    return f"{field.heading}（{code}）" if field else code


def known_codes() -> set[str]:
    """The codes a stay may carry: the grouper's (医保版 2.0) and the clinical codes of every stored code
    mapping (国临版 codes it converts)."""
    from tixi.hospitals.engine.grouper import load_rules

    rules = load_rules()
    return (
        set(rules.diagnosis_ids)
        | set(rules.procedure_ids)
        | set(CodeMapEntry.objects.values_list("clinical_code", flat=True))
    )


def hospital_ids() -> dict[str, int]:
    return dict(Institution.objects.values_list("code", "id"))


def _slot_range(slots: tuple[str, ...]) -> list[str]:
    """C14X01C, C35X01C … C35X40C: the numbered national columns of a list, shortened for the template."""
    if len(slots) <= 2:
        return list(slots)
    head = [slots[0]] if slots[0][:3] != slots[1][:3] else []
    rest = slots[len(head) :]
    return [*head, f"{rest[0]}…{rest[-1]}"]


DISCHARGE_GUIDE = (
    "出院病案首页 导入模板",
    "第1行为中文列名（红色为必填），第2行为英文代码，请从第3行开始填写；也可使用 CSV（UTF-8 或 GBK），列名可用中文列名、英文代码或国家病案首页上传字段代码（如 A01、A48、B12、B15；其他诊断 C06x01C…C06x40C、主要手术操作 C14x01C 与其他手术操作 C35x01C…C35x40C 等分列字段按顺序合并）。",
    "手术操作及其日期、级别、类别、切口、麻醉按顺序用 | 分隔，第一个为主要手术操作。",
    "同一文件全部通过检查才写入；再次导入某医院某月的数据将替换该月原有数据。",
)


def _national_fields(field) -> str:
    return "、".join([*field.national, *_slot_range(field.slots)])


def discharge_template_tables() -> list[Table]:
    """The template as tables for the one writer (`core.exports`): the data sheet (Chinese headings,
    required ones in red, a note naming the national upload fields, our codes under them) and a guide."""
    data = Table(
        "数据",
        [
            Column(
                f.heading,
                code=f.code,
                required=f.required,
                comment="；".join(
                    x
                    for x in (f.help, "国家上传字段：" + _national_fields(f) if _national_fields(f) else "")
                    if x
                ),
                width=max(12, len(f.heading) * 2 + 2),
            )
            for f in FIELDS
        ],
    )
    guide = Table(
        "说明",
        [
            Column("列名"),
            Column("代码"),
            Column("必填"),
            Column("说明", width=50),
            Column("国家上传字段", width=30),
        ],
        preamble=list(DISCHARGE_GUIDE),
    )
    for f in FIELDS:
        guide.add(f.heading, f.code, "是" if f.required else "", f.help, _national_fields(f))
    return [data, guide]


def discharge_template() -> bytes:
    """The .xlsx template, written by the one writer like every other import template."""
    return xlsx_bytes(discharge_template_tables())


def import_discharges(path: Path, dry_run: bool = False, is_synthetic: bool = False) -> StreamedResult:
    """Checks the whole file in DuckDB; if nothing is wrong, replaces the hospital-months it covers in
    one transaction (a re-import of a month replaces that month)."""
    started = time.perf_counter()
    try:
        con, rows = records.read(Path(path))
    except ReadError as error:  # not a spreadsheet, not UTF-8/GBK text, a zip bomb
        message = _(error.message) % error.params if error.params else _(error.message)
        return StreamedResult(0, [StreamedProblem(None, _("file"), Path(path).name, message)], 1)
    except records.LayoutError as error:
        missing = "、".join(column_label(c) for c in error.missing)
        message = _(
            "This is not a discharge-record file of this layout: the columns %(missing)s are missing."
        ) % {"missing": missing}
        return StreamedResult(0, [StreamedProblem(1, "", "", message)], 1)
    try:
        checked = records.check(con, hospital_ids(), rows, known_codes())
        problems = [
            StreamedProblem(p.row, column_label(p.column), p.value, _problem_text(p))
            for p in checked.problems
        ]
        if checked.problem_count:
            return StreamedResult(rows, problems, checked.problem_count)
        if dry_run:
            return StreamedResult(
                rows, summary=_("checked (dry run): %(rows)s records, nothing written") % {"rows": rows}
            )
        try:
            written = _store(checked, is_synthetic)
        except IntegrityError:
            message = _("A record id of this file is already stored for another month of the same hospital.")
            return StreamedResult(rows, [StreamedProblem(None, column_label("record_id"), "", message)], 1)
    finally:
        con.close()
    seconds = time.perf_counter() - started
    return StreamedResult(
        rows,
        summary=_(
            "imported %(rows)s discharge records (%(months)s hospital-months replaced) in %(seconds).1f s"
        )
        % {"rows": written, "months": len(checked.months), "seconds": seconds},
    )


def _store(checked: records.Checked, is_synthetic: bool) -> int:
    table = Discharge._meta.db_table
    ids = hospital_ids()
    columns = [*records.STORED_COLUMNS, "is_synthetic", "represents", "import_batch"]
    batch_id, checksum = uuid.uuid4().hex[:16], hashlib.sha256()
    placeholders = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"
    by_hospital: dict[int, list[int]] = {}
    for code, month in checked.months:
        by_hospital.setdefault(ids[code], []).append(month)
    written = 0
    with transaction.atomic():
        for institution_id, months in by_hospital.items():
            # one DELETE statement: the ORM's delete would load every row of the month to send signals
            Discharge.objects.filter(institution_id=institution_id, month__in=months)._raw_delete(
                connection.alias
            )
        with connection.cursor() as cursor:
            for batch in records.batches(checked):
                for row in batch:
                    checksum.update(repr(tuple(row)).encode("utf-8"))
                cursor.executemany(sql, [(*row, is_synthetic, 1, batch_id) for row in batch])
                written += len(batch)
        # one entry per batch, not per record (case data by the hundred thousand: the audit would
        # outgrow the data and copy patients' records into it); the stored rows carry the batch id and
        # the checksum shows whether they are still what the import wrote
        audit.record_bulk(
            "hospitals.Discharge",
            f"import: {len(checked.months)} hospital-months",
            written,
            batch=batch_id,
            sha256=checksum.hexdigest(),
        )
    return written


# ---- code lists and weight tables ----------------------------------------------------------------


class ListError(ValueError):
    pass


def _csv_rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict]]:
    data = Path(path).read_bytes()
    try:
        if b"\x00" in data[:4096]:  # a workbook or a binary: not a CSV
            raise ReadError("This is not a spreadsheet: neither .xlsx nor CSV.")
        text, _encoding = decode(data)
    except ReadError as error:
        raise ListError(_(error.message)) from None
    reader = csv.DictReader(io.StringIO(text))
    headings = [h.strip().lstrip("\ufeff") for h in reader.fieldnames or []]
    missing = [c for c in columns if c not in headings]
    if missing:
        raise ListError(_("The file needs the columns %(columns)s.") % {"columns": ", ".join(columns)})
    reader.fieldnames = headings
    return [(number, row) for number, row in enumerate(reader, start=2)]


@transaction.atomic
def import_code_list(kind: str, version: str, path: Path, is_demo: bool = False) -> CodeList:
    """Replaces the list of that kind and version (columns code,name); all or nothing."""
    if kind not in ListKind.values:
        raise ListError(_("Unknown list kind %(kind)s.") % {"kind": kind})
    rows = _csv_rows(path, ("code", "name"))
    problems, seen, entries = [], set(), []
    for number, row in rows:
        code = (row.get("code") or "").strip()
        if not code:
            problems.append(_("Row %(row)s, code: empty.") % {"row": number})
        elif code in seen:
            problems.append(_("Row %(row)s, code: %(code)s appears twice.") % {"row": number, "code": code})
        elif not any(regex_match(code) for regex_match in (_procedure_code,)):
            problems.append(
                _("Row %(row)s, code: %(code)s is not an ICD-9-CM-3 code.") % {"row": number, "code": code}
            )
        seen.add(code)
        entries.append(CodeListEntry(code=code, name=(row.get("name") or "").strip()[:200]))
    if problems:
        raise ListError(" ".join(problems[:50]))
    if not entries:
        raise ListError(_("The file has no codes."))
    code_list, _created = CodeList.objects.update_or_create(
        kind=kind, version=version, defaults={"is_demo": is_demo}
    )
    code_list.entries.all().delete()
    for entry in entries:
        entry.code_list = code_list
    try:  # the pre-save rule bulk_create skips; the transaction undoes the list's replacement
        refuse_control_characters_in_bulk(
            CodeListEntry,
            ((_("row %(n)s") % {"n": n}, e) for (n, _row), e in zip(rows, entries, strict=True)),
        )
    except ValidationError as error:
        raise ListError(" ".join(error.messages)) from error
    CodeListEntry.objects.bulk_create(entries, batch_size=2000)
    return code_list


def _procedure_code(code: str) -> bool:
    import re

    return re.match(records.PROCEDURE_PATTERN, code) is not None


@dataclass
class MissingWeights:
    """DRGs of the stored stays that a weight table does not weigh: those the payer assigned and those
    Tixi's grouper assigns to the stays without a payer DRG; each with its stays and one of them."""

    payer: dict[str, tuple[int, str]]
    grouper: dict[str, tuple[int, str]]

    def __bool__(self):
        return bool(self.payer or self.grouper)

    def text(self, limit: int = 20) -> str:
        def listed(found):
            shown = list(found.items())[:limit]
            more = len(found) - len(shown)
            text = "、".join(
                _("%(drg)s (%(stays)s stays, e.g. %(record)s)") % {"drg": d, "stays": n, "record": r}
                for d, (n, r) in shown
            )
            return text + (_(" and %(count)s more") % {"count": more} if more else "")

        parts = []
        if self.payer:
            parts.append(
                _(
                    "The weight table has no weight for the DRGs the payer assigned to stored records: %(drgs)s."
                )
                % {"drgs": listed(self.payer)}
            )
        if self.grouper:
            parts.append(
                _(
                    "The weight table has no weight for the DRGs Tixi's grouper assigns to stored records "
                    "without a payer DRG: %(drgs)s."
                )
                % {"drgs": listed(self.grouper)}
            )
        return " ".join(parts)


def missing_weights(weights: dict[str, float]) -> MissingWeights:
    """The DRGs of the stored stays (the payer's, and those Tixi's grouper assigns) that `weights` lacks."""
    from tixi.hospitals import figures

    payer: dict[str, list] = {}
    rows = (
        Discharge.objects.exclude(drg="")
        .exclude(drg__in=list(weights))
        .values_list("drg", "institution__code", "record_id")
        .order_by("drg", "institution__code", "record_id")
    )
    for drg, hospital, record in rows.iterator():
        found = payer.setdefault(drg, [0, f"{hospital}/{record}"])
        found[0] += 1
    grouper = {drg: found for drg, found in figures.assigned_drgs().items() if drg not in weights}
    return MissingWeights({d: (n, r) for d, (n, r) in payer.items()}, grouper)


@transaction.atomic
def import_weights(
    version: str, path: Path, is_demo: bool = False, allow_missing: bool = False
) -> tuple[WeightTable, MissingWeights]:
    """Replaces the weight table of that version (columns drg,weight). A table that lacks a DRG of the
    stored stays, one the payer assigned or one Tixi's grouper assigns to the stays without a payer DRG,
    is refused, naming each DRG with its stays and one of them; `allow_missing` imports it all the same
    and hands the missing DRGs back to be listed (their stays stay out of CMI, with that reason)."""
    import re

    rows = _csv_rows(path, ("drg", "weight"))
    problems, weights = [], {}
    for number, row in rows:
        drg = (row.get("drg") or "").strip().upper()
        text = (row.get("weight") or "").strip()
        if not re.match(records.DRG_PATTERN, drg):
            problems.append(
                _("Row %(row)s, drg: %(value)s is not a DRG code.") % {"row": number, "value": drg}
            )
            continue
        if drg in weights:
            problems.append(_("Row %(row)s, drg: %(value)s appears twice.") % {"row": number, "value": drg})
            continue
        try:
            weight = float(text)
        except ValueError:
            weight = -1
        if not 0 < weight < 100:
            problems.append(
                _("Row %(row)s, weight: %(value)s is not a weight above 0.") % {"row": number, "value": text}
            )
            continue
        weights[drg] = weight
    if problems:
        raise ListError(" ".join(problems[:50]))
    missing = missing_weights(weights)
    if missing and not allow_missing:
        raise ListError(
            missing.text()
            + " "
            + _(
                "Nothing was imported; add their weights, or import with --allow-missing to leave them out of CMI."
            )
        )
    table, _created = WeightTable.objects.update_or_create(version=version, defaults={"is_demo": is_demo})
    table.weights.all().delete()
    Weight.objects.bulk_create(
        [Weight(table=table, drg=d, weight=w) for d, w in weights.items()], batch_size=2000
    )
    return table, missing


@transaction.atomic
def import_code_map(version: str, path: Path, is_demo: bool = False, source: str = "") -> CodeMap:
    """Replaces the clinical → 医保 mapping of that version (columns clinical_code,insurance_code); a
    diagnosis maps to a diagnosis and a procedure to a procedure; all or nothing."""
    import re

    rows = _csv_rows(path, ("clinical_code", "insurance_code"))
    problems, pairs = [], {}

    def kind(code: str) -> str | None:
        if re.match(records.DIAGNOSIS_PATTERN, code):
            return "diagnosis"
        return "procedure" if re.match(records.PROCEDURE_PATTERN, code) else None

    for number, row in rows:
        clinical = (row.get("clinical_code") or "").strip()
        insurance = (row.get("insurance_code") or "").strip()
        for column, code in (("clinical_code", clinical), ("insurance_code", insurance)):
            if kind(code) is None:
                problems.append(
                    _("Row %(row)s, %(column)s: %(code)s is not an ICD-10 or ICD-9-CM-3 code.")
                    % {"row": number, "column": column, "code": code or "''"}
                )
        if kind(clinical) and kind(insurance) and kind(clinical) != kind(insurance):
            problems.append(
                _("Row %(row)s: %(clinical)s and %(insurance)s are not the same kind of code.")
                % {"row": number, "clinical": clinical, "insurance": insurance}
            )
        if clinical in pairs:
            problems.append(
                _("Row %(row)s, clinical_code: %(code)s appears twice.") % {"row": number, "code": clinical}
            )
        pairs[clinical] = insurance
    if problems:
        raise ListError(" ".join(problems[:50]))
    if not pairs:
        raise ListError(_("The file has no codes."))
    code_map, _created = CodeMap.objects.update_or_create(
        version=version, defaults={"is_demo": is_demo, "source": source[:200]}
    )
    code_map.entries.all().delete()
    CodeMapEntry.objects.bulk_create(
        [CodeMapEntry(code_map=code_map, clinical_code=c, insurance_code=i) for c, i in pairs.items()],
        batch_size=2000,
    )
    return code_map

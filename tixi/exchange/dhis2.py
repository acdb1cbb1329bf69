"""DHIS2 exchange: dataValueSets (JSON and CSV, idScheme=code) in and out, ADX XML out.

What maps to a DHIS2 data value here:
- yearly resources: dataElement = the resource field (actual_beds ...), orgUnit = the institution code;
- resident population: dataElement = resident_population, categoryOptionCombo = "<sex>_<age band>",
  orgUnit = the division code;
- data element values: dataElement = the element code, categoryOptionCombo = the option (or
  "default"), orgUnit = the division code.
Imports are all or nothing: any conflict and nothing is written (DHIS2's summary shape all the same).
"""

import csv
import io
import json
from collections import defaultdict
from xml.sax.saxutils import quoteattr

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tixi.accounts import audit
from tixi.accounts.scope import scope_of
from tixi.core.exports import Column, Table, csv_bytes
from tixi.core.text import visible
from tixi.core.validators import control_character_problems, refuse_control_characters_in_bulk
from tixi.exchange.actions import locked_message, refused_reports
from tixi.exchange.approval import locked_cells
from tixi.geo.models import AGE_BANDS, Division, Population, ancestor_paths, subtree_filter
from tixi.indicators.engine import periods
from tixi.indicators.models import DataElement, DataValue
from tixi.registry.models import RESOURCE_FIELDS, Institution, InstitutionYear

POPULATION = "resident_population"
DEFAULT = "default"
CSV_COLUMNS = [
    "dataelement",
    "period",
    "orgunit",
    "categoryoptioncombo",
    "attributeoptioncombo",
    "value",
    "storedby",
    "lastupdated",
    "comment",
    "followup",
]


def collect(division: Division, period: str) -> list[dict]:
    """Every value of a year in the division's subtree, as DHIS2 data values."""
    year = int(period[:4])
    values = []
    reports = InstitutionYear.objects.filter(year=year).filter(subtree_filter("division_path", division.path))
    for row in reports.select_related("institution").order_by("institution__code"):
        for name in RESOURCE_FIELDS:
            values.append(
                {
                    "dataElement": name,
                    "period": str(year),
                    "orgUnit": row.institution.code,
                    "categoryOptionCombo": DEFAULT,
                    "value": str(getattr(row, name)),
                }
            )
    population = list(
        Population.objects.filter(year=year)
        .filter(subtree_filter("division__path", division.path))
        .select_related("division")
        .order_by("division__code", "sex", "age_band")
    )
    # DHIS2 sums a subtree's values: a place's rows go only where no place above it has rows (a
    # county that also records its villages' residents sends its townships' rows)
    with_rows = {row.division.path for row in population}
    for row in population:
        if any(above in with_rows for above in ancestor_paths(row.division.path)):
            continue
        values.append(
            {
                "dataElement": POPULATION,
                "period": str(year),
                "orgUnit": row.division.code,
                "categoryOptionCombo": f"{row.sex}_{row.age_band}",
                "value": str(row.count),
            }
        )
    data = DataValue.objects.filter(year=year).filter(subtree_filter("division__path", division.path))
    for row in data.select_related("element", "division", "stored_by").order_by(
        "element__code", "division__code", "period"
    ):
        values.append(
            {
                "dataElement": row.element.code,
                "period": row.period,
                "orgUnit": row.division.code,
                "categoryOptionCombo": row.option or DEFAULT,
                "value": repr(row.value) if isinstance(row.value, float) else str(row.value),
                "comment": row.comment,
                "storedBy": row.stored_by.username if row.stored_by else "",
            }
        )
    return values


def to_json(values: list[dict]) -> bytes:
    return json.dumps({"dataValues": values}, ensure_ascii=False, indent=1).encode("utf-8")


def csv_table(values: list[dict]) -> Table:
    """Data values in DHIS2's CSV layout (its lower-case column names as headings)."""
    table = Table("dataValues", [Column(name) for name in CSV_COLUMNS])
    for v in values:
        table.add(
            v["dataElement"],
            v["period"],
            v["orgUnit"],
            v.get("categoryOptionCombo", DEFAULT),
            "",
            v["value"],
            v.get("storedBy", ""),
            "",
            v.get("comment", ""),
            "false",
        )
    return table


def to_csv(values: list[dict]) -> bytes:
    """Written by the one CSV writer (text typed by users never a formula); no byte-order mark, as
    DHIS2 reads the first heading by its name."""
    return csv_bytes([csv_table(values)], byte_order_mark=False)


def to_adx(values: list[dict], data_set: str = "TIXI") -> bytes:
    """ADX (IHE QRPH) XML: one group per orgUnit and period."""
    groups = defaultdict(list)
    for v in values:
        groups[(v["orgUnit"], v["period"])].append(v)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<adx xmlns="urn:ihe:qrph:adx:2015">']
    for (org_unit, period), items in groups.items():
        lines.append(
            f"  <group orgUnit={quoteattr(org_unit)} period={quoteattr(periods.adx(period))} dataSet={quoteattr(data_set)}>"
        )
        for v in items:
            coc = v.get("categoryOptionCombo", DEFAULT)
            extra = "" if coc == DEFAULT else f" categoryOptionCombo={quoteattr(coc)}"
            lines.append(
                f"    <dataValue dataElement={quoteattr(v['dataElement'])}{extra} value={quoteattr(v['value'])}/>"
            )
        lines.append("  </group>")
    lines.append("</adx>")
    return "\n".join(lines).encode("utf-8")


def parse(data: bytes, fmt: str) -> list[dict]:
    """Data values from a dataValueSet in JSON or CSV (DHIS2's column names, header optional)."""
    text = data.decode("utf-8-sig")
    if fmt == "json":
        payload = json.loads(text)
        values = payload.get("dataValues") if isinstance(payload, dict) else None
        if not isinstance(values, list):
            raise ValueError(_("A dataValueSet needs a 'dataValues' list."))
        defaults = {k: payload.get(k) for k in ("period", "orgUnit") if payload.get(k)}
        return [{**defaults, **v} if isinstance(v, dict) else {"invalid": v} for v in values]
    rows = list(csv.reader(io.StringIO(text)))
    if rows and [c.strip().lower() for c in rows[0][:3]] == CSV_COLUMNS[:3]:
        rows = rows[1:]
    result = []
    for row in rows:
        row = row + [""] * (len(CSV_COLUMNS) - len(row))
        result.append(
            {
                "dataElement": row[0],
                "period": row[1],
                "orgUnit": row[2],
                "categoryOptionCombo": row[3] or DEFAULT,
                "value": row[5],
                "comment": row[8],
            }
        )
    return result


def import_values(values: list[dict], user, dry_run: bool = False) -> dict:
    """Validate every value, then write all of them or none; DHIS2's import summary."""
    scope = scope_of(user)
    elements = {e.code: e for e in DataElement.objects.all()}
    codes_i = {v.get("orgUnit") for v in values if v.get("dataElement") in RESOURCE_FIELDS}
    codes_d = {v.get("orgUnit") for v in values if v.get("dataElement") not in RESOURCE_FIELDS}
    institutions = {
        i.code: i for i in Institution.objects.filter(code__in=codes_i).select_related("division")
    }
    divisions: dict[str, list[Division]] = defaultdict(list)
    for d in Division.objects.filter(code__in=codes_d):
        divisions[d.code].append(d)
    conflicts, reports, population, data = [], defaultdict(dict), {}, {}
    bands = {f"{s}_{b}": (s, b) for s in ("M", "F") for b in AGE_BANDS}
    for n, v in enumerate(values, start=1):
        element, org_unit, period, raw = (
            v.get("dataElement"),
            v.get("orgUnit"),
            str(v.get("period") or ""),
            v.get("value"),
        )
        coc = v.get("categoryOptionCombo") or DEFAULT

        def conflict(message, obj=org_unit, n=n):
            conflicts.append({"object": str(obj), "value": f"#{n}: {message}"})

        try:
            periods.type_of(period)
        except periods.PeriodError:
            conflict(_("Period must be YYYY, YYYYQn or YYYYMM."), period)
            continue
        year = int(period[:4])
        try:
            number = float(str(raw).replace(",", ""))
        except (TypeError, ValueError):
            conflict(_("Value is not a number."), raw)
            continue
        if element in RESOURCE_FIELDS:
            institution = institutions.get(org_unit)
            if institution is None:
                conflict(_("No institution has this code."))
            elif not scope.covers_institution(institution):
                conflict(_("This institution is outside your scope."))
            elif len(period) != 4 or number < 0 or not number.is_integer():
                conflict(_("Yearly resources are whole numbers of at least 0 for a year."), raw)
            else:
                reports[(institution, year)][element] = int(number)
            continue
        versions = divisions.get(org_unit, [])
        division = next((d for d in versions if d.valid_in(year)), None) or (
            versions[-1] if versions else None
        )
        if division is None:
            conflict(_("No division has this code."))
        elif not scope.covers_path(division.path):
            conflict(_("This division is outside your scope."))
        elif element == POPULATION:
            if coc not in bands or number < 0 or not number.is_integer():
                conflict(_("Population needs a sex_age category (e.g. F_65+) and a whole number."), coc)
            else:
                population[(division, year, *bands[coc])] = int(number)
        elif element in elements:
            option = "" if coc == DEFAULT else coc
            comment = str(v.get("comment") or "")[:200]
            if option and option not in (elements[element].options or []):
                conflict(_("This data element has no such disaggregation."), coc)
            elif problems := control_character_problems(DataValue, {"comment": comment}):
                conflict("；".join(problems), visible(comment))
            else:
                data[(elements[element], option, division, period)] = (number, comment)
        else:
            conflict(_("Unknown data element."), element)
    summary = {
        "responseType": "ImportSummary",
        "status": "ERROR" if conflicts else "SUCCESS",
        "importCount": {
            "imported": 0,
            "updated": 0,
            "ignored": len(values) if conflicts else 0,
            "deleted": 0,
        },
        "conflicts": conflicts[:1000],
        "dryRun": dry_run,
    }
    if conflicts:
        summary["description"] = _("Nothing was imported: %(n)s conflicts.") % {"n": len(conflicts)}
        return summary
    try:
        with transaction.atomic():
            counts = _write(reports, population, data, user)
            if dry_run:
                transaction.set_rollback(True)
    except Refused as refused:  # locked or against a blocking rule: rolled back, nothing written
        summary["status"] = "ERROR"
        summary["importCount"]["ignored"] = len(values)
        summary["conflicts"] = refused.conflicts[:1000]
        summary["description"] = _("Nothing was imported: %(n)s conflicts.") % {"n": len(refused.conflicts)}
        return summary
    summary["importCount"].update(counts)
    return summary


class Refused(Exception):
    def __init__(self, conflicts: list[dict]):
        super().__init__(conflicts)
        self.conflicts = conflicts


def _refusals(reports: list[InstitutionYear], population, data) -> list[dict]:
    """What the approval lock and the blocking rules refuse, checked inside the writing transaction."""
    conflicts = [{"object": str(reports[i]), "value": message} for i, message in refused_reports(reports)]
    cells = {(division.path, year) for division, year, _s, _b in population}
    cells |= {(division.path, int(period[:4])) for _e, _o, division, period in data}
    for path, year in sorted(locked_cells(cells)):
        conflicts.append({"object": path, "value": locked_message(year)})
    return conflicts


def _write(reports, population, data, user) -> dict:
    imported = updated = 0
    existing = {
        (r.institution_id, r.year): r
        for r in InstitutionYear.objects.filter(
            institution__in={i for i, _y in reports}, year__in={y for _i, y in reports}
        ).select_related("division")
    }
    new, changed, changes = [], [], []
    for (institution, year), fields in reports.items():
        row = existing.get((institution.pk, year))
        if row is None:
            row = InstitutionYear(
                institution=institution,
                year=year,
                division=institution.division,
                division_path=institution.division.path,
                **fields,
            )
            row.take_classification(institution)
            new.append(row)
            imported += len(fields)
        else:
            diff = {k: v for k, v in fields.items() if getattr(row, k) != v}
            if diff:
                changes.append(
                    (row.pk, str(row), {k: getattr(row, k) for k in diff}, diff, row.division_path)
                )
            for k, v in diff.items():
                setattr(row, k, v)
            if diff:
                changed.append(row)
            updated += len(diff)
    conflicts = _refusals(new + changed, population, data)
    if conflicts:
        raise Refused(conflicts)
    try:  # the pre-save rule the bulk writes below skip
        refuse_control_characters_in_bulk(InstitutionYear, ((str(r), r) for r in new + changed))
    except ValidationError as error:
        raise Refused([{"object": "", "value": message} for message in error.messages]) from error
    InstitutionYear.objects.bulk_create(new, batch_size=2000)
    if changed:
        InstitutionYear.objects.bulk_update(changed, list(RESOURCE_FIELDS), batch_size=2000)
    # the bulk writes bypass the per-row signals: each report is recorded with before and after
    # (population and data values below are saved one by one, so the signals record them)
    with audit.acting_as(user if getattr(user, "pk", None) else "dhis2 import"):
        audit.record_rows(
            InstitutionYear._meta.label,
            "DHIS2 dataValueSet import",
            [*((r.pk, str(r), None, audit._snapshot(r), r.division_path) for r in new), *changes],
        )
    for (division, year, sex, band), count in population.items():
        _obj, created = Population.objects.update_or_create(
            division=division, year=year, sex=sex, age_band=band, defaults={"count": count}
        )
        imported, updated = imported + created, updated + (not created)
    for (element, option, division, period), (value, comment) in data.items():
        _obj, created = DataValue.objects.update_or_create(
            element=element,
            option=option,
            division=division,
            period=period,
            defaults={
                "value": value,
                "comment": comment,
                "year": int(period[:4]),
                "stored_by": user if getattr(user, "pk", None) else None,
            },
        )
        imported, updated = imported + created, updated + (not created)
    with audit.acting_as(user if getattr(user, "pk", None) else "dhis2 import"):
        audit.record_bulk("exchange.dataValueSet", "DHIS2 dataValueSet import", imported + updated)
    return {"imported": imported, "updated": updated}

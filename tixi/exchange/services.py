"""Imports: read → map columns → parse cells → resolve codes (in bulk, within scope) → validate →
preview (insert / update / unchanged / rejected) → apply all or nothing → history, undo."""

import datetime as dt
import hashlib
import itertools
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from tixi.accounts import audit
from tixi.accounts.scope import scope_of
from tixi.core import clock
from tixi.core.text import digits, visible
from tixi.core.validators import refuse_control_characters_in_bulk
from tixi.exchange.actions import refused_rows
from tixi.exchange.engine import cells
from tixi.exchange.engine.reading import ReadError, read
from tixi.exchange.models import ImportBatch
from tixi.exchange.tables import TABLES, TableSpec
from tixi.geo.models import Division
from tixi.geo.paths import rewrite_below
from tixi.indicators.models import DataElement
from tixi.registry.models import CLASSIFICATION_FIELDS, Institution

REFERENCE_FIELDS = {
    "division_code": "division",
    "parent_code": "parent",
    "institution_code": "institution",
    "element_code": "element",
}


def _as_typed(value):
    """A spreadsheet's whole number as typed: the reader gives -3 back as -3.0."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


@dataclass
class Problem:
    row: int | None
    column: str
    value: str
    message: str
    formula: bool = False  # a cell holding a formula (reported once, not also as blank or wrong)

    def __post_init__(self):
        # a spreadsheet's whole number comes back from the reader as a float: a county's "-3" was
        # shown as "-3.0" beside "不能小于0", a value nobody typed
        self.value = _as_typed(self.value)


class NewRows:
    """The rows an import will insert, kept as tuples of field values and built into model
    instances as they are read: a Django instance costs ~1.5 KB, which is most of the memory of a
    100,000-row import. Related objects (institution, division) are kept with the tuple, so their
    caches are shared, not fetched again."""

    def __init__(self):
        self.model = None
        self.rows: list[tuple[tuple, tuple]] = []  # (concrete field values, cached related objects)

    def append(self, instance) -> None:
        if self.model is None:
            self.model = type(instance)
            self._fields = self.model._meta.concrete_fields
            self._relations = [f for f in self._fields if f.is_relation]
        self.rows.append(
            (
                tuple(getattr(instance, f.attname) for f in self._fields),
                tuple((f, f.get_cached_value(instance)) for f in self._relations if f.is_cached(instance)),
            )
        )

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self):
        for values, related in self.rows:
            instance = self.model(*values)  # positional: three times faster than keywords
            for f, obj in related:
                f.set_cached_value(instance, obj)
            yield instance

    def batches(self, size: int = 2000):
        """Lists of at most `size` instances, so that no more are alive at once."""
        batch = []
        for instance in self:
            batch.append(instance)
            if len(batch) == size:
                yield batch
                batch = []
        if batch:
            yield batch


@dataclass
class Preview:
    table: str
    filename: str
    sha256: str
    rows: int = 0
    inserts: NewRows = field(default_factory=NewRows)
    updates: list = field(default_factory=list)  # (instance, {field: (before, after)})
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    encoding: str = ""
    source_rows: list = field(default_factory=list)  # (row number, raw values) for the error report
    headings: list = field(default_factory=list)
    # divisions whose parent is a new row of the same file: ((code, valid_from), (code, valid_from))
    file_parents: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def counts(self) -> dict:
        return {
            "rows": self.rows,
            "insert": len(self.inserts),
            "update": len(self.updates),
            "unchanged": self.unchanged,
            # never more than the file's rows: a problem of the file itself (damaged, a column missing)
            # is no row (a damaged file read "行数 0 · 有问题的行 1": journey17)
            "rejected": min(len({p.row for p in self.problems}), self.rows),
        }


def row_path(instance) -> str | None:
    """The materialised path of the division a row belongs to (a division, or the division of its
    institution)."""
    if isinstance(instance, Division):
        if instance.path:
            return instance.path
        parent = instance.parent.path if instance.parent_id else ""
        return parent + instance.code + "/"
    if getattr(instance, "division_id", None):
        return instance.division.path
    if getattr(instance, "institution_id", None):
        return instance.institution.division.path
    return None


def reach_path(preview: "Preview", user) -> str:
    """The deepest division path above every row of the import. Rejected rows have no known division,
    so a file with problems (its error report shows every uploaded row) reaches over the whole scope
    of its uploader."""
    paths = {row_path(i) for i in preview.inserts} | {row_path(i) for i, _c in preview.updates}
    paths.discard(None)
    if preview.problems or not paths:
        scope = scope_of(user)
        if scope.unrestricted:
            return ""
        paths |= {*scope.paths, *scope.institution_paths}
    from tixi.geo.models import common_path

    return common_path(paths)


def _translate(message: str, params: dict) -> str:
    text = _(message)
    return text % params if params else text


def _column_map(spec: TableSpec, table, preview: Preview) -> dict[int, str] | None:
    by_name = {}
    for column in spec.columns:
        by_name[column.heading] = column.code
        by_name[column.code] = column.code
    mapping, seen = {}, {}
    names = table.headings
    for index, heading in enumerate(names):
        code_below = table.codes[index] if table.codes and index < len(table.codes) else ""
        if not heading and not code_below:
            continue
        code = by_name.get(heading) or by_name.get(code_below)
        if code is None:
            preview.problems.append(
                Problem(
                    1,
                    heading or code_below,
                    "",
                    _("Unknown column; the template's columns are: %(names)s.")
                    % {"names": "、".join(c.heading for c in spec.columns)},
                )
            )
            continue
        if code in seen:
            preview.problems.append(Problem(1, heading, "", _("This column appears twice.")))
            continue
        seen[code] = index
        mapping[index] = code
    for column in spec.columns:
        if column.required and column.code not in seen:
            preview.problems.append(Problem(1, column.heading, "", _("A required column is missing.")))
    return None if preview.problems else mapping


def _multiline(spec, code: str) -> bool:
    """Whether the column fills a multi-line text (a TextField): its cells may hold tabs and newlines."""
    try:
        return isinstance(spec.model._meta.get_field(code), models.TextField)
    except FieldDoesNotExist:
        return False


def _parse(column, raw, choices_cache, multiline=False):
    if column.kind in ("int", "float"):
        return cells.number(raw, integer=column.kind == "int", minimum=column.minimum, maximum=column.maximum)
    if column.kind == "date":
        return cells.date(raw)
    if column.kind == "choice":
        if column.code not in choices_cache:
            choices_cache[column.code] = column.choices()
        return cells.choice(raw, choices_cache[column.code])
    if column.kind == "verbatim":
        return cells.verbatim(raw, column.max_length, multiline)
    return cells.text(raw, column.max_length, multiline)


def preview_import(table_name: str, data: bytes, filename: str, user) -> Preview:
    spec = TABLES[table_name]
    preview = Preview(table_name, filename, hashlib.sha256(data).hexdigest())
    try:
        # a formula is reported under its column beside every other problem of the file, not alone
        table = read(data, filename, keep_formulas=True)
    except ReadError as error:
        preview.problems.append(Problem(None, _("file"), filename, _translate(error.message, error.params)))
        return preview
    preview.encoding = table.encoding
    preview.headings = table.headings
    mapping = _column_map(spec, table, preview)
    if mapping is None:
        return preview
    index_of = {code: index for index, code in mapping.items()}
    heading_of = {c.code: c.heading for c in spec.columns}
    formula_cells = _formula_problems(table, preview, {i: heading_of[c] for i, c in mapping.items()})
    columns = {c.code: c for c in spec.columns}
    multiline = {c.code: _multiline(spec, c.code) for c in spec.columns}
    parsed, choices_cache = [], {}
    rows, table.rows = table.rows, []  # each row of the file is let go once parsed (memory)
    for k in range(len(rows)):
        number, raw_values = rows[k]
        rows[k] = None
        problems_before = len(preview.problems)
        values = {}
        for index, code in mapping.items():
            raw = raw_values[index] if index < len(raw_values) else None
            column = columns[code]
            try:
                values[code] = _parse(column, raw, choices_cache, multiline[code])
            except cells.CellError as error:
                preview.problems.append(
                    Problem(
                        number,
                        column.heading,
                        "" if raw is None else str(_as_typed(raw)),
                        _translate(error.message, error.params),
                    )
                )
                values[code] = cells.CellError
                continue
            if values[code] is None and column.required:
                preview.problems.append(Problem(number, column.heading, "", _("This value is required.")))
        if table_name == "divisions":  # the optional validity left out: the code's latest version
            values.setdefault("valid_from", None)
        raw = RawRow(raw_values, index_of)
        if len(preview.problems) == problems_before:
            if spec.normalize is not None:
                spec.normalize(values)
            raw.release(values)  # every cell parsed: later messages can quote the parsed values
        parsed.append((number, values, raw))
    del rows
    preview.rows = len(parsed)
    if not parsed:
        preview.problems.append(
            Problem(None, _("file"), filename, _("The sheet has headings but no data rows."))
        )
        return preview
    _resolve(spec, parsed, preview, user, heading_of)
    _duplicates(spec, parsed, preview, heading_of)
    if not preview.problems:
        _diff(spec, parsed, preview, heading_of, user)
    if not preview.problems and spec.name in LOCKED_TABLES:
        _locks_and_rules(spec, preview)
    if formula_cells:  # a formula's cell is reported once, as a formula (not also as blank or wrong)
        preview.problems = [
            p for p in preview.problems if p.formula or (p.row, p.column) not in formula_cells
        ]
    # in the file's order, as the user corrects it (the checks ran cell by cell, then keys, then
    # duplicates: rows 18, 6, 10, 22, 14, 43); the file's own problems (no row) first
    preview.problems.sort(key=lambda p: p.row or 0)
    if preview.problems:  # the error report shows the rows with problems, as they were in the file
        bad = {p.row for p in preview.problems}
        # the file's rows were let go while parsing: read them again
        rows = read(data, filename, keep_formulas=True).rows
        preview.source_rows = [(n, r) for n, r in rows if n in bad]
    return preview


LOCKED_TABLES = ("resources", "datavalues", "population")


def _formula_problems(table, preview, heading_at: dict) -> set:
    """A problem for each formula cell, named by its row and its column's heading in the file (the
    journey of session 15: "第18行第L列含有公式" named neither the field nor the other mistakes of the
    file, which it refused alone). Returns the cells, (row, heading)."""
    cells_of = set()
    for row, index, reference in table.formulas:
        heading = heading_at.get(index) or (table.headings[index] if index < len(table.headings) else "")
        heading = heading or reference
        cells_of.add((row, heading))
        message = _("This cell holds a formula (%(cell)s); paste values instead.") % {"cell": reference}
        preview.problems.append(Problem(row, heading, reference, message, formula=True))
    return cells_of


def _year_of(spec):
    """The year a row of the table belongs to (a data value's period begins with it)."""
    if spec.name == "datavalues":
        return lambda row: int(row.period[:4])
    return lambda row: row.year


def _locks_and_rules(spec, preview) -> None:
    """Approved data is locked; blocking validation rules refuse the reports that break them: the
    exchange actions' one rule (`refused_rows`), a batch of rows at a time."""
    updated = [i for i, _c in preview.updates]
    # one pass, a batch of instances at a time: the inserts are built from their tuples only here
    for batch in itertools.chain(preview.inserts.batches(), [updated] if updated else []):
        for index, message in refused_rows(batch, _year_of(spec), rules=spec.name == "resources"):
            row = batch[index]
            preview.problems.append(Problem(None, str(row), str(_year_of(spec)(row)), message))


class RawRow:
    """A row's cells as typed, by column code (kept as the file's list: no copy per row)."""

    __slots__ = ("values", "index_of", "parsed")

    def __init__(self, values, index_of):
        self.values, self.index_of, self.parsed = values, index_of, None

    def release(self, parsed: dict) -> None:
        self.values, self.parsed = None, parsed

    def get(self, code, default=""):
        if self.values is None:
            value = self.parsed.get(code)
            return default if value is None else str(getattr(value, "code", value))
        index = self.index_of.get(code)
        if index is None or index >= len(self.values) or self.values[index] is None:
            return default
        return str(self.values[index])

    def __getitem__(self, code):
        return self.get(code)


def _resolve(spec, parsed, preview, user, heading_of) -> None:
    """Codes to rows, in one query per kind; codes outside the user's scope are refused."""
    scope = scope_of(user)
    wanted = {"division": set(), "institution": set(), "element": set()}
    for _number, values, _raw in parsed:
        for code, kind in ((c.code, c.kind) for c in spec.columns if c.kind in wanted):
            if isinstance(values.get(code), str):
                wanted[kind].add(values[code])
    divisions: dict[str, list[Division]] = {}
    for division in Division.objects.filter(code__in=wanted["division"]):
        divisions.setdefault(division.code, []).append(division)
    # only what scope, derivation and messages need, and one Division object per division shared
    # by its institutions: a province's institutions then fit in memory
    institutions = {
        i.code: i
        for i in Institution.objects.filter(code__in=wanted["institution"]).only(
            "code", "name", "opened_on", "closed_on", "division_id", *CLASSIFICATION_FIELDS
        )
    }
    shared = Division.objects.filter(id__in={i.division_id for i in institutions.values()}).only(
        "code", "name", "path", "level", "valid_from", "valid_to"
    )
    by_id = {d.id: d for d in shared}
    for institution in institutions.values():
        institution.division = by_id[institution.division_id]
    elements = {e.code: e for e in DataElement.objects.filter(code__in=wanted["element"])}
    file_codes = {v["code"] for _n, v, _r in parsed if isinstance(v.get("code"), str)}
    file_codes = file_codes if spec.name == "divisions" else set()
    for number, values, raw in parsed:
        year = values.get("year") if isinstance(values.get("year"), int) else None
        if isinstance(values.get("period"), str) and digits(values["period"][:4]):
            year = int(values["period"][:4])
        beyond = []  # divisions outside the scope, kept if the row's reporting institution is within it
        for column in spec.columns:
            value = values.get(column.code)
            if not isinstance(value, str) or column.kind not in wanted:
                continue
            problem = None
            if column.kind == "division":
                if len(value) != 12 or not digits(value):
                    problem = _("A division code must be exactly 12 digits.")
                else:
                    versions = divisions.get(value, [])
                    row = next((d for d in versions if year and d.valid_in(year)), None) or (
                        max(versions, key=lambda d: d.valid_from) if versions else None
                    )
                    if row is None and value in file_codes:
                        continue  # a new division of the same file: linked when written, parent first
                    if row is None:
                        problem = _("No division has this code.")
                    elif not scope.covers_path(row.path):
                        if spec.place_reported_by:
                            beyond.append((column, row))
                            continue
                        problem = _("This division is outside your scope.")
                    else:
                        values[column.code] = row
            elif column.kind == "institution":
                row = institutions.get(value)
                if row is None:
                    problem = _("No institution has this code.")
                elif not scope.covers_institution(row):
                    problem = _("This institution is outside your scope.")
                else:
                    values[column.code] = row
            else:
                row = elements.get(value)
                if row is None:
                    problem = _("No data element has this code.")
                else:
                    values[column.code] = row
            if problem:
                preview.problems.append(Problem(number, column.heading, raw[column.code], problem))
        for column, row in beyond:
            if isinstance(values.get(spec.place_reported_by), Institution):  # resolved: in the scope
                values[column.code] = row
            else:
                preview.problems.append(
                    Problem(
                        number, column.heading, raw[column.code], _("This division is outside your scope.")
                    )
                )
    if spec.name == "institutions":
        for number, values, raw in parsed:
            division = values.get("division_code")
            if isinstance(division, Division) and not scope.covers_path(division.path):
                preview.problems.append(
                    Problem(
                        number,
                        heading_of["division_code"],
                        raw["division_code"],
                        _("This division is outside your scope."),
                    )
                )


def _key(spec, values) -> tuple:
    return tuple(getattr(values[k], "pk", values[k]) for k in spec.key)


def _duplicates(spec, parsed, preview, heading_of) -> None:
    seen = {}
    for number, values, raw in parsed:
        if any(values.get(k) is cells.CellError for k in spec.key):
            continue
        key = _key(spec, values)
        if key in seen:
            preview.problems.append(
                Problem(
                    number,
                    heading_of[spec.key[0]],
                    raw[spec.key[0]],
                    _("The same row key as row %(row)s.") % {"row": seen[key]},
                )
            )
        else:
            seen[key] = number


def _model_values(spec, values) -> dict:
    result = {}
    for code, value in values.items():
        name = REFERENCE_FIELDS.get(code, code)
        if spec.name == "institutions" and code == "grade":
            value = value or ""
        if spec.name == "datavalues" and code in ("option", "comment"):
            value = value or ""
        if spec.name == "resources" and value is None and code not in spec.key:
            value = 0
        if spec.name == "divisions" and code == "level":
            value = int(value)
        result[name] = value
    return result


def _division_fields(fields, values, existing, new_divisions) -> dict:
    """A parent named by a new row of the same file (read before, rows being parent-first) is that
    row; without a validity column a new division is valid since 1949-10-01, and a known code keeps
    its own."""
    parent = fields.get("parent")
    if isinstance(parent, str):
        fields["parent"] = new_divisions[parent]
    if fields.get("valid_from") is None:
        if existing.get((values["code"], None)) is None:
            fields["valid_from"] = dt.date(1949, 10, 1)
        else:
            fields.pop("valid_from", None)
    return fields


def _existing(spec, parsed) -> dict:
    """Rows already in the database with the keys of the file: one query."""
    model = spec.model
    if spec.name == "institutions":
        rows = model.objects.filter(code__in=[v["code"] for _n, v, _r in parsed])
        return {(r.code,): r for r in rows}
    if spec.name == "divisions":
        rows = model.objects.filter(code__in=[v["code"] for _n, v, _r in parsed]).order_by("valid_from")
        found = {(r.code, r.valid_from): r for r in rows}
        found.update({(r.code, None): r for r in rows})  # no validity given: the code's latest version
        return found
    key_fields = [REFERENCE_FIELDS.get(k, k) for k in spec.key]
    filters = {}
    for code, name in zip(spec.key, key_fields, strict=True):
        values = {getattr(v[code], "pk", v[code]) for _n, v, _r in parsed}
        filters[f"{name}__in"] = values
    relations = [f for f in key_fields if model._meta.get_field(f).is_relation]
    if any(f.name == "division" for f in model._meta.fields) and "division" not in relations:
        relations.append("division")  # locks are checked on the report's division
    rows = model.objects.filter(**filters).select_related(*relations)
    attnames = [model._meta.get_field(f).attname for f in key_fields]
    return {tuple(getattr(r, a) for a in attnames): r for r in rows}


def _diff(spec, parsed, preview, heading_of, user=None) -> None:
    existing = _existing(spec, parsed)
    column_of = {REFERENCE_FIELDS.get(c.code, c.code): c.heading for c in spec.columns}
    # numbers, dates and choices were checked when parsed; text still meets the model's validators
    text_fields = [
        f
        for f in spec.model._meta.fields
        if not f.is_relation
        and any(c.code == f.name and c.kind in ("text", "verbatim") for c in spec.columns)
    ]
    new_divisions: dict[str, Division] = {}
    if spec.name == "divisions":  # parents first, so that a parent given in the file is known
        parsed.sort(key=lambda row: int(row[1]["level"]))
    for k in range(len(parsed)):
        number, values, raw = parsed[k]
        parsed[k] = None  # the row becomes a model instance: let its dict go (memory on big files)
        fields = _model_values(spec, values)
        if spec.name == "divisions":
            fields = _division_fields(fields, values, existing, new_divisions)
        key = _key(spec, values)
        current = existing.get(key)
        instance = spec.model(**fields) if current is None else current
        changes = {}
        if current is not None:
            for name, value in fields.items():
                field_ = spec.model._meta.get_field(name)
                if field_.is_relation:
                    before_id, after_id = getattr(current, field_.attname), getattr(value, "pk", value)
                    if before_id != after_id:
                        changes[name] = (getattr(current, name), value)
                elif getattr(current, name) != value:
                    changes[name] = (getattr(current, name), value)
            for name, (_before, value) in changes.items():
                setattr(instance, name, value)
        if spec.name == "resources" and current is None:
            instance.division = instance.institution.division
        if spec.name == "divisions":
            parent = instance.parent if instance.has_parent() else None
            instance.path = (parent.path if parent else "") + instance.code + "/"
            if current is None:
                new_divisions[instance.code] = instance
            if parent is not None and parent.pk is None:
                preview.file_parents.append(
                    ((instance.code, instance.valid_from), (parent.code, parent.valid_from))
                )
        try:
            instance.clean()
            for f in text_fields:
                if fields.get(f.name) is not None:
                    f.run_validators(fields[f.name])
            if spec.validate is not None:
                spec.validate(instance, user)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                column = column_of.get(name, name)
                preview.problems.append(
                    Problem(
                        number,
                        column,
                        raw.get({v: k for k, v in REFERENCE_FIELDS.items()}.get(name, name)),
                        "；".join(messages),
                    )
                )
            continue
        if current is None:
            preview.inserts.append(instance)
        elif changes:
            preview.updates.append((instance, changes))
        else:
            preview.unchanged += 1


def _jsonable(value):
    if hasattr(value, "pk"):
        return value.pk
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _row_name(instance) -> str:
    """A row as a refusal names it: its code where it has one (the file's key), written out."""
    return visible(getattr(instance, "code", None) or str(instance))


@transaction.atomic
def apply_import(preview: Preview, user, dry_run: bool = False) -> ImportBatch:
    """Write everything or nothing; record the batch (with what undo needs)."""
    if not preview.ok:
        raise ValueError("a rejected import cannot be applied")
    spec = TABLES[preview.table]
    model = spec.model
    batch = ImportBatch(
        table=preview.table,
        filename=preview.filename[:200],
        sha256=preview.sha256,
        user=user if getattr(user, "is_authenticated", False) else None,
        rows=preview.rows,
        inserted=len(preview.inserts),
        updated=len(preview.updates),
        unchanged=preview.unchanged,
        status=ImportBatch.Status.DRY_RUN if dry_run else ImportBatch.Status.APPLIED,
        division_path=reach_path(preview, user),
    )
    if dry_run:
        batch.save()
        return batch
    if spec.writer is not None:  # the app's own action writes, versions and audits each row
        batch.save()
        batch.changes = spec.writer(preview, user, f"import #{batch.pk} {preview.filename}")
        batch.save()
        return batch
    created, created_rows = [], []
    for instances in preview.inserts.batches():
        for instance in instances:
            _derive(spec, instance)
            if spec.name == "divisions":
                _unlink_unsaved_parent(instance)
        _refuse_locked(spec, instances)
        # the cells were checked as they were read; this is the models' own pre-save rule, which
        # bulk writes skip (a row derived or changed since would otherwise go in unchecked)
        refuse_control_characters_in_bulk(model, ((_row_name(i), i) for i in instances))
        for obj in model.objects.bulk_create(instances):
            created.append(obj.pk)
            path = audit.division_path_of(obj, fetch=False)
            created_rows.append((obj.pk, str(obj), None, audit._snapshot(obj), path))
    fields = sorted({name for _i, changes in preview.updates for name in changes})
    for instance, _changes in preview.updates:
        _derive(spec, instance)
        if spec.name == "divisions":
            _unlink_unsaved_parent(instance)
    _refuse_locked(spec, [i for i, _c in preview.updates])
    if preview.updates:
        refuse_control_characters_in_bulk(model, ((_row_name(i), i) for i, _c in preview.updates))
        derived = {"division_path", "path", "year", *CLASSIFICATION_FIELDS} & {
            f.name for f in model._meta.fields
        }
        model.objects.bulk_update(
            [i for i, _c in preview.updates], sorted(set(fields) | derived), batch_size=2000
        )
    if spec.name == "divisions":
        _link_file_parents(preview.file_parents)
        for instance, changes in preview.updates:
            if "parent" in changes:  # the divisions below and the rows that carry their paths follow
                rewrite_below(instance)
    batch.changes = {
        "inserted": created,
        "updated": [
            {
                "pk": i.pk,
                "before": {k: _jsonable(b) for k, (b, _a) in c.items()},
                "after": {k: _jsonable(a) for k, (_b, a) in c.items()},
            }
            for i, c in preview.updates
        ],
    }
    batch.save()
    with audit.acting_as(user):  # per row, with before and after, as pages and the API record
        note = f"import #{batch.pk} {preview.filename}"
        audit.record_rows(
            model._meta.label,
            note,
            [
                *created_rows,
                *(
                    (
                        change["pk"],
                        "",
                        change["before"],
                        change["after"],
                        audit.division_path_of(i, fetch=False),
                    )
                    for change, (i, _c) in zip(batch.changes["updated"], preview.updates, strict=True)
                ),
            ],
        )
    return batch


def _unlink_unsaved_parent(division) -> None:
    """A parent that is a new row of the same file has no id yet: linked once written."""
    if Division.parent.is_cached(division) and division.parent is not None and division.parent.pk is None:
        Division.parent.field.delete_cached_value(division)
        division.parent_id = None


def _link_file_parents(links) -> None:
    """Each division whose parent was a new row of the same file gets that parent's id: one query to
    find them all, one bulk update."""
    if not links:
        return
    codes = {code for pair in links for code, _valid_from in pair}
    ids = {
        (d.code, d.valid_from): d.pk
        for d in Division.objects.filter(code__in=codes).only("code", "valid_from")
    }
    children = []
    for child, parent in links:
        children.append(Division(pk=ids[child], parent_id=ids[parent]))
    Division.objects.bulk_update(children, ["parent"], batch_size=2000)


def _refuse_locked(spec, rows) -> None:
    """The preview checked the approval lock; a level may have approved since. The rows are checked
    again as they are written, inside the writing transaction (`refused_rows` takes the approval's row
    locks first, so none lands between the check and the write): a locked row raises and the whole
    import rolls back."""
    if spec.name not in LOCKED_TABLES or not rows:
        return
    refused = refused_rows(rows, _year_of(spec), rules=False)
    if refused:
        index, message = refused[0]
        raise ValidationError(message)


def _derive(spec, instance) -> None:
    if spec.name == "resources":
        instance.division_path = instance.division.path
        instance.take_classification()
        if instance.reported_at is None:
            instance.reported_at = clock.now()
    elif spec.name == "datavalues":
        instance.year = int(instance.period[:4])


def _restore_path(division_pk) -> None:
    """A division given back its old parent gets back its path, and so do the divisions below it and
    the rows that carry their paths (as when the import moved it)."""
    division = Division.objects.select_related("parent").get(pk=division_pk)
    division.path = (division.parent.path if division.parent else "") + division.code + "/"
    Division.objects.filter(pk=division.pk).update(path=division.path)
    rewrite_below(division)


@transaction.atomic
def undo_import(batch: ImportBatch, user) -> None:
    if batch.status != ImportBatch.Status.APPLIED:
        raise ValidationError({"status": _("Only an applied import can be undone.")})
    spec = TABLES[batch.table]
    model = spec.model
    if spec.undoer is not None:
        spec.undoer(batch, user)
        batch.status = ImportBatch.Status.UNDONE
        batch.undone_at = clock.now()
        batch.undone_by = user if getattr(user, "is_authenticated", False) else None
        batch.save()
        return
    from django.db.models import ProtectedError

    for change in batch.changes.get("updated", []):
        fields = {}
        for name, value in change["before"].items():
            field_ = model._meta.get_field(name)
            fields[field_.attname if field_.is_relation else name] = value
        model.objects.filter(pk=change["pk"]).update(**fields)
        if model is Division and "parent" in change["before"]:
            _restore_path(change["pk"])
    # each row the undo restores (the import's after back to its before) or deletes (its last state),
    # recorded as the import recorded it: per row, with before and after
    rows_of = _with_division(model)
    restored = rows_of.in_bulk([c["pk"] for c in batch.changes.get("updated", [])])
    undone = [
        (c["pk"], str(restored.get(c["pk"], "")), c["after"], c["before"], _path_of(restored.get(c["pk"])))
        for c in batch.changes.get("updated", [])
    ]
    inserted = batch.changes.get("inserted", [])
    deleted = [
        (row.pk, str(row), audit.snapshot(row), None, _path_of(row))
        for start in range(0, len(inserted), 5000)
        for row in rows_of.filter(pk__in=inserted[start : start + 5000])
    ]
    referenced = [
        r for r in model._meta.related_objects if not r.auto_created or r.one_to_many or r.one_to_one
    ]
    try:
        for start in range(0, len(inserted), 5000):
            rows = model.objects.filter(pk__in=inserted[start : start + 5000])
            if referenced:
                rows.delete()  # the collector finds (and protects) what refers to these rows
            else:
                rows._raw_delete(rows.db)  # nothing refers to them: one DELETE per chunk
    except ProtectedError as error:
        raise ValidationError(
            {"status": _("Rows of this import are now used elsewhere; it cannot be undone.")}
        ) from error
    batch.status = ImportBatch.Status.UNDONE
    batch.undone_at = clock.now()
    batch.undone_by = user if getattr(user, "is_authenticated", False) else None
    batch.save()
    with audit.acting_as(user):
        note = f"undo of import #{batch.pk}"
        audit.record_rows(model._meta.label, note, undone)
        audit.record_rows(model._meta.label, note, deleted, deleted=True)


def _with_division(model):
    """The model's rows with their division at hand, so that recording each row's place costs no query."""
    names = {f.name for f in model._meta.concrete_fields if f.is_relation}
    return model.objects.select_related(
        *(p for p in ("division", "institution__division", "region") if p.split("__")[0] in names)
    )


def _path_of(row) -> str:
    return audit.division_path_of(row) if row is not None else ""

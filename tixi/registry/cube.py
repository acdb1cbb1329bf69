"""The resource cube: yearly reports summed by (township, year, classification), kept by the database.

Indicator evaluation over a whole province reads ~110k cube rows instead of ~460k yearly reports.
Database triggers keep the cube exact under every write path (forms, API, imports, bulk loads,
undo, raw SQL) inside the writing transaction, so a value written is in the next evaluation: no
batch job. SQLite gets row triggers; PostgreSQL statement triggers over transition tables, so a
bulk insert costs one grouped upsert.
"""

# Paths are 12-digit codes plus "/" per level: the first 52 characters name the township.
CUBE_PATH_LENGTH = 52
KEYS = ("prefix", "year", "type", "level", "grade", "ownership", "operator")
TABLE = "registry_resourcecube"
SOURCE = "registry_institutionyear"
TRIGGER_NAMES = ("registry_cube_insert", "registry_cube_update", "registry_cube_delete")


def _key_values(row: str) -> list[str]:
    return [
        f"substr({row}.division_path, 1, {CUBE_PATH_LENGTH})",
        f"{row}.year",
        f"{row}.type",
        f"COALESCE({row}.level, 0)",
        f"{row}.grade",
        f"{row}.ownership",
        f"{row}.operator",
    ]


def _upsert_tail(measures, sign: str = "+") -> str:
    updates = ", ".join(
        [f"n = {{t}}.n {sign} excluded.n", *[f"{m} = {{t}}.{m} {sign} excluded.{m}" for m in measures]]
    )
    return f"ON CONFLICT ({', '.join(KEYS)}) DO UPDATE SET {updates.format(t=TABLE)}"


def _grouped_select(source: str, measures) -> str:
    keys = _key_values(source)
    sums = ", ".join(f"SUM({source}.{m})" for m in measures)
    groups = ", ".join(str(k + 1) for k in range(len(keys)))
    return f"SELECT {', '.join(keys)}, COUNT(*), {sums} FROM {source} GROUP BY {groups}"


def rebuild_sql(measures) -> list[str]:
    """Fill the cube from the yearly reports (after the migration, or to repair by hand)."""
    columns = ", ".join([*KEYS, "n", *measures])
    return [f"DELETE FROM {TABLE}", f"INSERT INTO {TABLE} ({columns}) {_grouped_select(SOURCE, measures)}"]


def _sqlite_triggers(measures) -> list[str]:
    columns = ", ".join([*KEYS, "n", *measures])
    add = (
        f"INSERT INTO {TABLE} ({columns}) VALUES ({', '.join(_key_values('NEW'))}, 1, "
        f"{', '.join(f'NEW.{m}' for m in measures)}) {_upsert_tail(measures)};"
    )
    match = " AND ".join(f"{k} = {v}" for k, v in zip(KEYS, _key_values("OLD"), strict=True))
    subtract = (
        f"UPDATE {TABLE} SET n = n - 1, {', '.join(f'{m} = {m} - OLD.{m}' for m in measures)} WHERE {match}; "
        f"DELETE FROM {TABLE} WHERE n = 0 AND {match};"
    )
    return [
        f"CREATE TRIGGER registry_cube_insert AFTER INSERT ON {SOURCE} BEGIN {add} END",
        f"CREATE TRIGGER registry_cube_update AFTER UPDATE ON {SOURCE} BEGIN {subtract} {add} END",
        f"CREATE TRIGGER registry_cube_delete AFTER DELETE ON {SOURCE} BEGIN {subtract} END",
    ]


def _postgresql_triggers(measures) -> list[str]:
    columns = ", ".join([*KEYS, "n", *measures])
    add = f"INSERT INTO {TABLE} ({columns}) {_grouped_select('new_rows', measures)} {_upsert_tail(measures)};"
    # Taking old rows out is an upsert that subtracts, then a delete of the emptied cells through
    # their partial index: no statement joins the cube with a transition table, whose size the
    # planner cannot know (a join it guessed small ran a whole-table UPDATE quadratically).
    subtract = (
        f"INSERT INTO {TABLE} ({columns}) {_grouped_select('old_rows', measures)} {_upsert_tail(measures, '-')}; "
        f"DELETE FROM {TABLE} WHERE n = 0;"
    )
    bodies = {"insert": add, "update": subtract + " " + add, "delete": subtract}
    transition = {
        "insert": "REFERENCING NEW TABLE AS new_rows",
        "update": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
        "delete": "REFERENCING OLD TABLE AS old_rows",
    }
    statements = []
    for op, body in bodies.items():
        statements += [
            f"CREATE FUNCTION registry_cube_{op}() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN {body} RETURN NULL; END $$",
            f"CREATE TRIGGER registry_cube_{op} AFTER {op.upper()} ON {SOURCE} {transition[op]} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION registry_cube_{op}()",
        ]
    return statements


def install_sql(vendor: str, measures) -> list[str]:
    if vendor == "sqlite":
        return _sqlite_triggers(measures) + rebuild_sql(measures)
    if vendor == "postgresql":
        return _postgresql_triggers(measures) + rebuild_sql(measures)
    raise NotImplementedError(f"the resource cube has no triggers for {vendor}")


def uninstall_sql(vendor: str) -> list[str]:
    if vendor == "postgresql":
        return [f"DROP TRIGGER IF EXISTS {name} ON {SOURCE}" for name in TRIGGER_NAMES] + [
            f"DROP FUNCTION IF EXISTS {name}()" for name in TRIGGER_NAMES
        ]
    return [f"DROP TRIGGER IF EXISTS {name}" for name in TRIGGER_NAMES]


def drift_sql(measures) -> str:
    """Rows where the cube and a fresh grouping of the yearly reports disagree (none when exact)."""
    columns = ", ".join([*KEYS, "n", *measures])
    fresh = _grouped_select(SOURCE, measures)
    kept = f"SELECT {columns} FROM {TABLE}"
    return f"SELECT * FROM ({fresh} EXCEPT {kept}) AS a UNION ALL SELECT * FROM ({kept} EXCEPT {fresh}) AS b"

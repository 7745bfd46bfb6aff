"""Database contents built once per test process and put back with COPY in later tests.

Browser tests are transactional: every test ends with a flush, and the next one used to rebuild
the reference data (7 s) or the real register (15–38 s) row by row. The first test that needs a
state builds it the usual way and copies every non-empty table out; later tests that start from
the same flushed database copy the rows back in (well under a second). The rows, their ids
included, are exactly what the build wrote in this process.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction


@dataclass
class Table:
    name: str
    rows: bytes
    sequence: str | None
    max_id: int | None


_snapshots: dict[str, tuple[list[Table], object]] = {}


def _tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True))


def _non_empty(cursor, tables) -> list[str]:
    quote = connection.ops.quote_name
    return [t for t in tables if _fetch(cursor, f"SELECT EXISTS (SELECT 1 FROM {quote(t)})")]


def _fetch(cursor, sql, params=()):
    cursor.execute(sql, params)
    return cursor.fetchone()[0]


def _take() -> list[Table]:
    quote = connection.ops.quote_name
    taken = []
    with transaction.atomic(), connection.cursor() as cursor:
        raw = cursor.cursor  # psycopg's own cursor: COPY
        for name in _non_empty(cursor, _tables()):
            with raw.copy(f"COPY {quote(name)} TO STDOUT") as copy:
                rows = b"".join(bytes(block) for block in copy)
            columns = {c.name for c in connection.introspection.get_table_description(cursor, name)}
            sequence = max_id = None
            if "id" in columns:
                sequence = _fetch(cursor, "SELECT pg_get_serial_sequence(%s, 'id')", [name])
                if sequence:
                    max_id = _fetch(cursor, f"SELECT MAX(id) FROM {quote(name)}")
            taken.append(Table(name, rows, sequence, max_id))
    return taken


def _restore(tables: list[Table]) -> None:
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        raw = cursor.cursor
        # Only what the flush's post_migrate wrote (content types, permissions) is in the way;
        # Django's foreign keys are deferred, so the order of the tables does not matter.
        for name in _non_empty(cursor, _tables()):
            cursor.execute(f"DELETE FROM {quote(name)}")
        for table in tables:
            with raw.copy(f"COPY {quote(table.name)} FROM STDIN") as copy:
                copy.write(table.rows)
            # The flush keeps the sequences; should one have gone back, move it past the ids.
            if (
                table.sequence
                and table.max_id is not None
                and _fetch(cursor, "SELECT nextval(%s)", [table.sequence]) <= table.max_id
            ):
                cursor.execute("SELECT setval(%s, %s)", [table.sequence, table.max_id])
    ContentType.objects.clear_cache()


def build_or_restore[T](key: str, build: Callable[[], T]) -> T:
    """Runs build() the first time (then keeps the database's rows and build's answer under
    key); on later calls puts those rows back and answers the same. Call only on a database in
    the same state each time."""
    if key in _snapshots:
        tables, value = _snapshots[key]
        _restore(tables)
        return value
    value = build()
    _snapshots[key] = (_take(), value)
    return value


def flushed() -> bool:
    """The database as a transactional test's flush leaves it: only the content types and
    permissions that post_migrate writes again."""
    from django.contrib.auth.models import Permission

    with connection.cursor() as cursor:
        found = set(_non_empty(cursor, _tables()))
    return found <= {ContentType._meta.db_table, Permission._meta.db_table}

"""The published package as typed SQLite tables and Parquet files.

Plain CSV readers guess types: HS code ``0101`` becomes the number 101 and an
empty cell the text ``''``. Here every column's type comes from its declaration
in :mod:`schemas` (the same one the Frictionless schema is made from), so codes
stay TEXT with their leading zeros, dates stay ISO text (SQLite has no date
type) or ``date32`` (Parquet), numbers and integers are typed, and an empty cell
is NULL. Keys come from the same declarations: primary keys, foreign keys, and
full-text search over the quotes.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import math
import os
import pickle
import shutil
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from schemas.model import Field, Table
from tradestats.csvio import read_csv_records
from tradestats.errors import InputError, Problem
from tradestats.source_cache import code_digest, digest

if TYPE_CHECKING:
    import pyarrow as pa
    import sqlite_utils

# pyarrow and sqlite-utils are imported by the functions that write with them: the card reads the
# typed rows only, and their imports are a good part of its run.

#: Python types sqlite-utils maps to SQLite column types (TEXT, INTEGER, FLOAT); a date is ISO TEXT.
SQLITE_TYPES = {"string": str, "date": str, "integer": int, "number": float}
def arrow_types() -> dict[str, pa.DataType]:
    """The pyarrow type of each declared type (dates as ``date32``)."""
    import pyarrow as pa

    return {"string": pa.string(), "date": pa.date32(), "integer": pa.int64(), "number": pa.float64()}


class _NoPandas:
    """A finder that says pandas is not installed (see :func:`without_pandas`)."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name == "pandas" or name.startswith("pandas."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


@contextlib.contextmanager
def without_pandas():
    """Within the block, ``import pandas`` fails, unless pandas is loaded already.

    sqlite-utils imports pandas whenever it is installed (only to map ``pd.Timestamp``
    to TEXT), and pyarrow imports it on its first ``pa.array`` (to ask whether the
    values are a pandas object). Neither needs it here: tables are created from
    Python's str, int and float and arrays made from lists, so the database and the
    Parquet files are the same without it (a test compares), and the stage saves
    pandas' import, a fifth of a second. pyarrow remembers for the process that pandas
    is missing: this is for the database stage's own process, not for a library.
    """
    if "pandas" in sys.modules:
        yield
        return
    sys.meta_path.insert(0, _NoPandas)
    try:
        yield
    finally:
        sys.meta_path.remove(_NoPandas)


def __getattr__(name: str):
    if name == "ARROW_TYPES":  # the mapping as a module constant, built on first use
        return arrow_types()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
#: Columns with full-text search (every fact carries the sentence it came from).
FTS_COLUMNS = ("quote",)


def convert(f: Field, raw: str):
    """One CSV cell as the Python value its declared type calls for; ``None`` for an empty cell.

    Raises ``ValueError`` for a cell that is not of its type (the caller names the place).
    """
    if raw == "":
        return None
    if f.type == "string":
        return raw
    if f.type == "integer":
        return int(raw)
    if f.type == "number":
        value = float(raw)
        if not math.isfinite(value):
            raise ValueError(f"not a finite number: {raw!r}")
        return value
    return dt.date.fromisoformat(raw).isoformat()  # checked, kept as ISO text


def _number(raw: str) -> float:
    value = float(raw)
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {raw!r}")
    return value


#: The converter of each declared type, for a non-empty cell (``convert`` cell by cell, without its dispatch).
_CONVERTERS: dict[str, Callable[[str], object]] = {
    "string": str, "integer": int, "number": _number, "date": lambda raw: dt.date.fromisoformat(raw).isoformat()}


#: Marks a cell text not converted yet.
_UNSEEN = object()


def typed_rows(table: Table, path: Path, label: str) -> list[dict]:
    """The rows of a published CSV, each cell converted by its column's declaration; every bad cell reported.

    Each column's converter is chosen once, and string cells are kept as they are: the card and the
    database read every published row on every run.
    """
    records = read_csv_records(path, table.columns, label)
    # each column's converter, and what it made of each distinct text (dates, codes of count and figures repeat)
    typed = [(f.name, _CONVERTERS[f.type], {}) for f in table.fields if f.type != "string"]
    names = [f.name for f in table.fields]
    rows, problems = [], []
    for rec in records:
        values = rec.values
        row = {name: (values[name] or None) for name in names}
        for name, conv, seen in typed:
            raw = values[name]
            if raw:
                value = seen.get(raw, _UNSEEN)
                if value is _UNSEEN:
                    try:
                        value = conv(raw)
                    except ValueError as exc:
                        value = exc
                    seen[raw] = value
                if isinstance(value, ValueError):
                    f = table.field(name)
                    problems.append(Problem(label, rec.line, name, f"type {f.type}", raw))
                else:
                    row[name] = value
        rows.append(row)
    if problems:
        raise InputError(problems, f"{label}: cells that are not of their declared type")
    return rows


def creation_order(tables: Mapping[str, Table]) -> list[str]:
    """Table names with every table after the tables its foreign keys point to (SQLite checks them at creation)."""
    order: list[str] = []

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in order:
            return
        if name in path:
            raise ValueError(f"foreign keys form a cycle: {' -> '.join((*path, name))}")
        for fk in tables[name].foreign_keys:
            if fk.resource != name:
                visit(fk.resource, (*path, name))
        order.append(name)

    for name in tables:
        visit(name, ())
    return order


def build_sqlite(path: Path, tables: Mapping[str, Table], rows: Mapping[str, list[dict]]) -> None:
    """Write a new SQLite database at ``path``: typed columns, NOT NULL, keys, FTS on quotes."""
    with without_pandas():
        import sqlite_utils

    path.unlink(missing_ok=True)
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA foreign_keys = ON")
    for name in creation_order(tables):
        table = tables[name]
        db[name].create(
            {f.name: SQLITE_TYPES[f.type] for f in table.fields},
            pk=table.primary_key[0] if len(table.primary_key) == 1 else table.primary_key,
            not_null={f.name for f in table.fields if f.required},
            foreign_keys=[(fk.fields, fk.resource, fk.reference_fields) for fk in table.foreign_keys],
        )
    for name in creation_order(tables):
        insert_rows(db, tables[name], rows[name])
        fts = [c for c in FTS_COLUMNS if c in tables[name].columns]
        if fts:
            db[name].enable_fts(fts, create_triggers=True, replace=True)
    violations = list(db.execute("PRAGMA foreign_key_check").fetchall())
    db.close()
    if violations:
        raise InputError([Problem(str(path), None, None, "foreign key", repr(v)) for v in violations],
                         "the package's foreign keys do not hold in SQLite")


def insert_rows(db: sqlite_utils.Database, table: Table, rows: list[dict]) -> None:
    """All rows of one table in one transaction, as plain parameter tuples.

    sqlite-utils' ``insert_all`` inspects every value of every row (to create columns and
    serialise JSON); the table already exists with its declared types, so that work is
    skipped: about five times faster at ten thousand articles.
    """
    columns = table.columns
    sql = (f"INSERT INTO [{table.name}] ({', '.join(f'[{c}]' for c in columns)}) "
           f"VALUES ({', '.join('?' for _ in columns)})")
    with db.conn:
        db.conn.executemany(sql, ([row[c] for c in columns] for row in rows))


def arrow_table(table: Table, rows: list[dict]) -> pa.Table:
    """A pyarrow table with the declared types (dates as ``date32``), columns in schema order."""
    import pyarrow as pa

    types = arrow_types()
    schema = pa.schema([pa.field(f.name, types[f.type], nullable=not f.required) for f in table.fields])
    columns = {}
    for f in table.fields:
        values = [r[f.name] for r in rows]
        if f.type == "date":
            values = [None if v is None else dt.date.fromisoformat(v) for v in values]
        columns[f.name] = pa.array(values, type=types[f.type])
    return pa.Table.from_pydict(columns, schema=schema)


def write_parquet_folder(folder: Path, tables: Mapping[str, Table], rows: Mapping[str, list[dict]]) -> None:
    """Write ``<table>.parquet`` files into a new folder (it must not exist yet)."""
    with without_pandas():
        import pyarrow.parquet as pq

        folder.mkdir(parents=True)
        for name, table in tables.items():
            pq.write_table(arrow_table(table, rows[name]), folder / f"{name}.parquet", compression="zstd")


def replace_folder(staged: Path, target: Path) -> None:
    """Put ``staged`` where ``target`` is: the old folder is renamed aside first and removed only after."""
    aside = target.with_name(f".{target.name}.backup")
    shutil.rmtree(aside, ignore_errors=True)
    if target.exists():
        os.replace(target, aside)
    try:
        os.replace(staged, target)
    except BaseException:
        if aside.exists():
            os.replace(aside, target)
        raise
    shutil.rmtree(aside, ignore_errors=True)


#: Bump when what :func:`cached_typed_rows` stores changes; a file stored another way is then not read.
TYPED_LAYOUT = 1


def cached_typed_rows(table: Table, path: Path, label: str, cache_dir: Path) -> list[dict]:
    """:func:`typed_rows`, kept in ``cache_dir/<table>.pickle`` under the hash of the file's bytes, the table's
    columns and types, and the code that types them: the database and the card both type every published row, and
    the one that runs second reads the rows back (a fifth of the time), unless a byte of the file has changed.

    A bad cell is never stored (typing raises); rows are stored only if the file still has the bytes they were
    keyed by once typed.
    """
    try:
        data = path.read_bytes()
    except OSError:
        return typed_rows(table, path, label)  # reported as typed_rows reports it
    key = typed_key(table, data)
    stored = cache_dir / f"{table.name}.pickle"
    try:
        with open(stored, "rb") as fh:
            found_key, rows = pickle.load(fh)
        if found_key == key:
            return rows
    except Exception:  # missing, damaged or of another layout: typed again
        pass
    rows = typed_rows(table, path, label)
    if typed_key(table, path.read_bytes()) == key:
        cache_dir.mkdir(parents=True, exist_ok=True)
        staged = stored.with_name(f".{stored.name}.staged")
        staged.write_bytes(pickle.dumps((key, rows), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(staged, stored)
    return rows


def typed_key(table: Table, data: bytes) -> str:
    return digest([TYPED_LAYOUT, typing_code(), sys.version_info[:2], [(f.name, f.type) for f in table.fields],
                   hashlib.sha256(data).hexdigest()])


@functools.cache
def typing_code() -> str:
    """The hash of the code that reads and types a published CSV (once per run)."""
    from tradestats import csvio

    return code_digest(Path(__file__), Path(csvio.__file__))


def read_all(tables: Mapping[str, Table], data_dir: Path, label_of: Callable[[Path], str],
             cache_dir: Path | None = None) -> dict[str, list[dict]]:
    """Every published table's typed rows (``label_of(path)`` names a file in messages); all problems at once.
    With ``cache_dir``, a table whose file is unchanged since it was last typed is read back
    (:func:`cached_typed_rows`)."""
    rows, problems = {}, []
    for name, table in tables.items():
        path = data_dir / f"{name}.csv"
        try:
            rows[name] = (typed_rows(table, path, label_of(path)) if cache_dir is None
                          else cached_typed_rows(table, path, label_of(path), cache_dir))
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems, "database: the published package cannot be typed")
    return rows

"""Hand-kept CSV tables -> typed pandas frames checked by the generated pandera schema.

Cells are read as strings and converted explicitly, column by column, by the
type declared in :mod:`schemas`; a cell that does not convert becomes a problem
naming its file, line and column instead of a silent NaN. The frame's index is
the CSV line number, so pandera's failure cases point at lines too.
"""
from __future__ import annotations

import datetime as dt
import decimal
import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from schemas.model import PANDAS_DTYPES, Field, Table, reference_values
from schemas.tolerance import is_missing
from tradestats.csvio import CsvRecord, format_number, read_csv_records
from tradestats.errors import InputError, Problem, shorten

if TYPE_CHECKING:  # pandas is imported where a frame is built: reconcile reads its tables as plain columns
    import pandas as pd

INTEGER = re.compile(r"-?\d+")
NUMBER = re.compile(r"-?\d+(\.\d+)?")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
EXPECTED = {
    "integer": "an integer such as 42",
    "number": "a plain decimal number such as 987900000 or 2.1 (no thousands separators, no units)",
    "date": "an ISO date YYYY-MM-DD",
}


def convert_cell(f: Field, raw: str):
    """The typed value of one cell, ``None`` for an empty cell; ValueError if it does not convert."""
    text = raw.strip()
    if text != raw:
        raise ValueError("leading or trailing spaces")
    if text == "":
        return None
    if f.type == "string":
        return text
    if f.type == "integer" and INTEGER.fullmatch(text):
        value = int(text)
        if not INT64[0] <= value <= INT64[1]:  # what a table's integer column holds (and SQLite, and Parquet)
            raise ValueError(f"expected an integer between {INT64[0]} and {INT64[1]}")
        return value
    if f.type == "number" and NUMBER.fullmatch(text):
        return checked_number(text)
    if f.type == "date" and DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"expected {EXPECTED['date']} that exists in the calendar") from None
    raise ValueError(f"expected {EXPECTED[f.type]}")


#: The significant digits a float keeps for sure: a number written with more may already be a float's rounding of
#: what the article said (12345678901234567890123 read as 12345678901234567741440), so it is refused.
SIGNIFICANT_DIGITS = 15


def checked_number(text: str) -> float:
    """A plain decimal number as a float, if the float is exactly what the text says; ValueError otherwise.

    A float keeps about 15 significant digits, and :func:`format_number` writes at most
    6 decimals: a figure written with more would be published altered, so it is refused.
    """
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("expected a number small enough to store (this one has more than 308 digits)")
    published = format_number(value)
    digits = len(decimal.Decimal(text).normalize().as_tuple().digits)
    if digits > SIGNIFICANT_DIGITS:
        raise ValueError(f"expected a number that can be stored exactly (at most {SIGNIFICANT_DIGITS} significant "
                         f"digits): this one has {digits}")
    if decimal.Decimal(published) != decimal.Decimal(text):
        raise ValueError(f"expected a number that can be stored exactly (at most 15 significant digits and "
                         f"6 decimals): it would be published as {shorten(published, 40)}")
    return value


#: Marks a cell text not converted yet (None is a converted empty cell).
_UNSEEN = object()


def typed_columns(table: Table, records: Sequence[CsvRecord], label: str) -> tuple[dict[str, list], list[Problem]]:
    """Each column's cells converted by its declared type (:func:`convert_cell`; a string cell kept as it is, an
    empty one None), and every cell that does not convert, row by row as the file reads."""
    found: list[tuple[int, int, Problem]] = []
    columns: dict[str, list] = {}
    lines = [r.line for r in records]
    for k, f in enumerate(table.fields):
        raws = [rec.values.get(f.name, "") for rec in records]
        if f.type == "string":  # most cells: kept as they are, only their spaces checked (convert_cell's rule)
            values = [raw or None for raw in raws]
            for i, raw in enumerate(raws):
                if raw != raw.strip():
                    found.append((lines[i], k, Problem(label, lines[i], f.name, f"type {f.type}", raw,
                                                       "leading or trailing spaces")))
                    values[i] = None
        else:  # each distinct text converted once (dates, units of count, offsets and figures repeat)
            values = []
            seen: dict[str, object] = {}
            for raw, line in zip(raws, lines):
                value = seen.get(raw, _UNSEEN)
                if value is _UNSEEN:
                    try:
                        value = convert_cell(f, raw)
                    except ValueError as exc:
                        value = exc
                    seen[raw] = value
                if isinstance(value, ValueError):
                    found.append((line, k, Problem(label, line, f.name, f"type {f.type}", raw, str(value))))
                    value = None
                values.append(value)
        columns[f.name] = values
    problems = [p for *_, p in sorted(found, key=lambda item: item[:2])]  # row by row, as the file reads
    return columns, problems


def typed_frame(table: Table, records: Sequence[CsvRecord], label: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Convert string records to a frame of the table's declared dtypes, indexed by CSV line."""
    columns, problems = typed_columns(table, records, label)
    return columns_frame(table, columns, [r.line for r in records]), problems


def columns_frame(table: Table, columns: dict[str, list], lines: list[int]) -> pd.DataFrame:
    """The frame of :func:`typed_columns`' values, in the table's declared dtypes, indexed by CSV line."""
    import pandas as pd

    index = pd.Index(lines, name="line")
    return pd.DataFrame({f.name: _typed_series(f, columns[f.name], index) for f in table.fields}, index=index)


def _typed_series(f: Field, values: list, index: pd.Index) -> pd.Series:
    import pandas as pd

    if f.type == "date":
        return pd.Series(pd.to_datetime(pd.Series(values, dtype="object")).array, index=index)
    return pd.Series(values, index=index, dtype=PANDAS_DTYPES[f.type])


def pandera_problems(table: Table, frame: pd.DataFrame, label: str) -> list[Problem]:
    """Every failure of the table's pandera schema (lazy), as located problems."""
    import pandera.errors  # imported here: reading a table (reconcile, publish) needs no pandera

    try:
        table.to_pandera().validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        return [_problem_from_case(table, label, case) for case in exc.failure_cases.to_dict("records")]
    return []


def _problem_from_case(table: Table, label: str, case: dict) -> Problem:
    """A pandera failure case, with the check said in a keeper's words."""
    import pandas as pd

    index = case.get("index")
    line = int(index) if index is not None and not pd.isna(index) else None
    value = case.get("failure_case")
    value = None if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    column = case.get("column")
    check = str(case.get("check"))
    field = table.field(column) if column in table.columns else None
    if check == "not_nullable":
        return Problem(label, line, column, "required", "", "this column must not be empty")
    if check.startswith("field_uniqueness") or check.startswith("multiple_fields_uniqueness"):
        return Problem(label, line, column, "unique", value, "the value appears on more than one row")
    if field is not None and check.startswith("isin") and field.enum:
        return Problem(label, line, column, "enum", value, f"expected one of: {', '.join(field.enum)}")
    if field is not None and check.startswith("isin") and field.reference:
        file_name, ref_column = field.reference.split(":")
        return Problem(label, line, column, "reference", value,
                       f"expected a {ref_column} listed in reference/{file_name}")
    if field is not None and check.startswith("str_matches"):
        return Problem(label, line, column, "pattern", value, f"expected the pattern {field.pattern}")
    if field is not None and check.startswith("greater_than_or_equal_to"):
        return Problem(label, line, column, "minimum", value, f"expected at least {field.minimum:g}")
    return Problem(label, line, column, check, value)


#: What the frame's dtypes hold (``Int64``, and dates as pandas converts ``datetime.date`` values): a value outside
#: is left to pandas and pandera to judge.
INT64 = (-(2 ** 63), 2 ** 63 - 1)
DATES = (dt.date(1678, 1, 1), dt.date(2261, 12, 31))


@functools.cache
def _full_pattern(pattern: str) -> re.Pattern:
    """The pattern as the pandera schema matches it (``str_matches`` of ``^(?:pattern)$``, by ``re.match``)."""
    return re.compile(f"^(?:{pattern})$")


def schema_surely_passes(table: Table, columns: dict[str, list]) -> bool:
    """Whether the table's pandera schema (:meth:`schemas.model.Table.to_pandera`) certainly finds nothing in these
    typed columns (:func:`typed_columns`, every cell converted).

    Every check the schema makes is made here, over every row, as strictly or more: a
    required cell is not empty; a unique column or a key of several columns repeats no
    value (an empty cell counted as a value); a value is one of its enum, listed in its
    reference table, matches its pattern, is at least its minimum; an integer or a date
    fits the frame's dtype. The columns are the table's, in order, by construction.
    ``False`` means only "maybe not": pandera then runs, and its problems and messages
    are the ones reported. So a table that passes pandera is never held up, one that
    fails it is reported in pandera's words, and pandera's import (a good part of the
    validate stage) is paid only when something may be wrong.
    """
    if list(columns) != table.columns:
        return False
    for f in table.fields:
        values = columns[f.name]
        present = [v for v in values if v is not None]
        if f.required and len(present) != len(values):
            return False
        if f.unique and len(set(values)) != len(values):
            return False
        if f.enum and not set(present) <= set(f.enum):
            return False
        if f.reference and not set(present) <= reference_values(f.reference):
            return False
        if f.pattern:
            match = _full_pattern(f.pattern).match
            if not all(isinstance(v, str) and match(v) for v in set(present)):
                return False
        if f.minimum is not None and not all(v >= f.minimum for v in present):
            return False
        if f.type == "integer" and not all(type(v) is int and INT64[0] <= v <= INT64[1] for v in present):
            return False
        if f.type == "date" and not all(type(v) is dt.date and DATES[0] <= v <= DATES[1] for v in present):
            return False
        if f.type == "number" and not all(type(v) is float and math.isfinite(v) for v in present):
            return False
        if f.type == "string" and not all(type(v) is str for v in present):
            return False
    if len(table.primary_key) > 1:
        keys = list(zip(*(columns[c] for c in table.primary_key)))
        if len(set(keys)) != len(keys):
            return False
    return True


@dataclass(frozen=True)
class LoadedTable:
    """A hand-kept table as :func:`load_table` reads it: its problems, records and typed columns; the pandas frame
    they make is built only when asked for (:attr:`frame`), so a stage that works on the columns imports no pandas."""

    table: Table
    problems: list[Problem]
    #: the CSV records as read (cells as text), in file order; none when the file could not be read
    records: list[CsvRecord]
    #: each column's typed values (:func:`typed_columns`), in file order
    columns: dict[str, list]
    #: the file could not be read as a table at all (encoding, header, quoting, cell counts): its rows are unknown
    unreadable: bool = False

    @property
    def lines(self) -> list[int]:
        return [r.line for r in self.records]

    @functools.cached_property
    def frame(self) -> pd.DataFrame:
        """The typed frame of the table's dtypes indexed by CSV line (``attrs["unreadable"]`` for an unreadable file)."""
        if self.unreadable:
            import pandas as pd

            frame = pd.DataFrame(columns=self.table.columns)
            frame.attrs["unreadable"] = True
            return frame
        return columns_frame(self.table, self.columns, self.lines)


def load_table(table: Table, path: Path, label: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Read, convert and schema-check one hand-kept CSV; every problem is returned, none raised.

    A file that cannot be read as a table at all (encoding, header, quoting, cell
    counts) gives an empty frame marked ``frame.attrs["unreadable"]``: its rows are unknown.
    """
    loaded = load_table_parts(table, path, label)
    return loaded.frame, loaded.problems


def load_table_parts(table: Table, path: Path, label: str) -> LoadedTable:
    """:func:`load_table`, keeping the records and the typed columns, the frame made only on demand."""
    try:
        records = read_csv_records(path, table.columns, label)
    except InputError as exc:
        return LoadedTable(table, exc.problems, [], {c: [] for c in table.columns}, unreadable=True)
    columns, problems = typed_columns(table, records, label)
    if not problems and schema_surely_passes(table, columns):
        return LoadedTable(table, [], records, columns)  # pandera would find nothing: neither it nor pandas is imported
    loaded = LoadedTable(table, problems, records, columns)
    unconverted = {(p.line, p.column) for p in problems}
    checked = [p for p in pandera_problems(table, loaded.frame, label) if (p.line, p.column) not in unconverted]
    # a cell that fails its code pattern and the reference table is one mistake: the reference names what to write
    referenced = {(p.line, p.column) for p in checked if p.check == "reference"}
    checked = [p for p in checked if not (p.check == "pattern" and (p.line, p.column) in referenced)]
    cells = {r.line: r.values for r in records}
    out = replace(loaded, problems=problems + [as_typed(p, cells) for p in checked])
    out.__dict__["frame"] = loaded.frame  # the frame pandera checked, not made twice
    return out


def read_checked_table(table: Table, path: Path, label: str) -> tuple[pd.DataFrame, list[Problem]]:
    """A table the validate stage has already checked: read and converted, without the schema run again.

    The stages after validate read its output; converting every cell still catches a file
    damaged since, and skipping the second pandera pass saves a second per stage.
    """
    import pandas as pd

    try:
        records = read_csv_records(path, table.columns, label)
    except InputError as exc:
        return pd.DataFrame(columns=table.columns), exc.problems
    return typed_frame(table, records, label)


def read_checked_columns(table: Table, path: Path, label: str) -> tuple[dict[str, list], list[Problem]]:
    """:func:`read_checked_table` as plain columns (dates as ``datetime.date``), without pandas: every cell is
    converted as there, so a file damaged since validate is still caught."""
    try:
        records = read_csv_records(path, table.columns, label)
    except InputError as exc:
        return {}, exc.problems
    return typed_columns(table, records, label)


def frame_records(frame: pd.DataFrame) -> list[dict]:
    """``frame.to_dict("records")``, column by column (several times faster): the same values, a missing
    number or integer as None."""
    import pandas as pd

    columns = []
    for name in frame.columns:
        values = frame[name].tolist()
        if isinstance(frame[name].dtype, pd.core.arrays.masked.BaseMaskedDtype):
            values = [None if v is pd.NA else v for v in values]
        columns.append(values)
    names = list(frame.columns)
    return [dict(zip(names, row)) for row in zip(*columns)]


def as_typed(problem: Problem, cells: dict[int, dict[str, str]]) -> Problem:
    """A problem showing the cell as the keeper typed it (``-5``), not as the typed frame holds it (``-5.0``)."""
    typed = cells.get(problem.line, {}).get(problem.column) if problem.line is not None else None
    if typed is None or problem.value is None or not typed:
        return problem
    return replace(problem, value=typed)


def format_cell(f: Field, value) -> str:
    """The canonical CSV text of a typed value (stable across runs, byte for byte)."""
    if is_missing(value):
        return ""
    if f.type == "date":
        if isinstance(value, dt.datetime):  # a pandas Timestamp among them
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        import pandas as pd

        return pd.Timestamp(value).date().isoformat()
    if f.type == "number":
        return format_number(float(value))
    if f.type == "integer":
        return str(int(value))
    return str(value)


def format_column(f: Field, values: list) -> list[str]:
    """:func:`format_cell` of every value of one column, with the per-cell work kept to what its type needs."""
    if f.type == "string":
        return ["" if v is None or (not isinstance(v, str) and is_missing(v)) else str(v) for v in values]
    if f.type == "number":  # format_cell's number branch, without its dispatch per cell
        return [format_number(v) if type(v) is float and v == v else format_cell(f, v) for v in values]
    return [format_cell(f, v) for v in values]


def frame_rows(table: Table, frame: pd.DataFrame) -> list[list[str]]:
    """Each row's cells in canonical text, column by column (a row-by-row walk of a frame is many times slower)."""
    columns = [format_column(f, frame[f.name].tolist()) for f in table.fields]
    return [list(row) for row in zip(*columns)] if columns else []


def canonical_rows(table: Table, records: Sequence[CsvRecord]) -> list[list[str]]:
    """:func:`frame_rows` of the frame these records make, from the cells as written: each cell is
    ``format_cell(convert_cell(cell))``, worked out once per distinct text of a column (dates, numbers and
    integers repeat); a string cell is its own text. A cell that does not convert is written empty, as its missing
    value is (a table with such a cell has a problem and is not written by the stages)."""
    columns = []
    for f in table.fields:
        cells = [rec.values.get(f.name, "") for rec in records]
        if f.type == "string":  # typed_columns keeps the text, or None for a cell with spaces around it
            columns.append([cell if cell == cell.strip() else "" for cell in cells])
            continue
        seen: dict[str, str] = {}
        out = []
        for cell in cells:
            text = seen.get(cell)
            if text is None:
                try:
                    text = format_cell(f, convert_cell(f, cell))
                except ValueError:
                    text = ""
                seen[cell] = text
            out.append(text)
        columns.append(out)
    return [list(row) for row in zip(*columns)] if columns else []

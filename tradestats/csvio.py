"""CSV reading and writing with the byte-level habits that keep git diffs honest.

Hand-kept CSVs are read as strings (``"NA"`` is Namibia's code, not a missing
value) together with the physical line each record starts on, so every error can
point at a line a keeper can open. Writes go to a temporary file beside the
target and are renamed into place: an interrupted run never leaves half a file.
"""
from __future__ import annotations

import csv
import io
import os
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tradestats.errors import InputError, Problem, shorten


@dataclass(frozen=True)
class CsvRecord:
    line: int  # 1-based physical line the record starts on
    values: dict[str, str]


#: A hand-kept cell may be long (a quote of a 3 MB one-line article): no cell is refused for its size.
csv.field_size_limit(sys.maxsize)


def read_csv_records(path: Path, expected: Sequence[str] | None = None, label: str | None = None) -> list[CsvRecord]:
    """Read a CSV as strings; check its header against ``expected`` when given.

    A byte-order mark and CRLF line ends are accepted; a row of empty cells is
    skipped. Everything else a hand edit can break (encoding, quoting, the header's
    labels, the number of cells) is a problem naming the file, the line, the column
    and what was expected.
    """
    label = label or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError([Problem(label, None, None, "file exists", None, "file not found")], "cannot read input")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        character = len(raw[line_start:exc.start].decode("utf-8", errors="replace")) + 1
        column, record_line = undecodable_cell(raw, exc.start, line)
        raise InputError([Problem(label, record_line, column or str(character), "UTF-8", f"0x{raw[exc.start]:02x}",
                                  f"byte {exc.start} (character {character} of line {line}) is not UTF-8: expected UTF-8 text (a "
                                  f"spreadsheet may have saved the file as latin-1 or Windows-1252); save it as UTF-8")],
                         "cannot read input")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[CsvRecord] = []
    start = 1
    try:
        header = next(reader)
    except StopIteration:
        raise InputError([Problem(label, 1, None, "header", None, "empty file: expected a header line")], "cannot read input")
    except csv.Error:
        raise InputError([quoting_problem(label, text, 1, [])], f"{label} is malformed") from None
    problems = label_problems(label, header)
    if expected is not None and not problems:
        problems = header_problems(label, header, expected)
    if problems:  # every row's cells are counted against the header: fix it first
        raise InputError(problems, f"{label} is malformed")
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error:
            problems.append(quoting_problem(label, text, start, header))
            break  # where the next record starts is unknown: the quoting must be fixed first
        if not "".join(row).strip():  # no cell holds more than whitespace (one join, not a strip per cell)
            start = reader.line_num + 1
            continue
        if len(row) != len(header):
            problems.append(cell_count_problem(label, start, header, row))
        else:
            records.append(CsvRecord(start, dict(zip(header, row))))
        start = reader.line_num + 1
    if problems:
        raise InputError(problems, f"{label} is malformed")
    return records


def undecodable_cell(raw: bytes, index: int, line: int) -> tuple[str | None, int]:
    """The column name of the cell holding the undecodable byte ``index``, and the line its record starts on.

    The bytes before ``index`` decode, so in the text decoded with replacement the first
    replacement character is that byte. ``(None, line)`` when the cells cannot be told apart.
    """
    text = raw.decode("utf-8-sig", errors="replace")
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        header, start = next(reader), 1
        if "\ufffd" in "".join(header):
            return None, 1
        start = reader.line_num + 1
        for row in reader:
            for i, cell in enumerate(row):
                if "\ufffd" in cell:
                    return (header[i] if i < len(header) else f"cell {i + 1}"), start
            start = reader.line_num + 1
    except csv.Error:
        pass
    return None, line


def header_problems(label: str, header: Sequence[str], expected: Sequence[str]) -> list[Problem]:
    problems = []
    for name in expected:
        if name not in header:
            problems.append(Problem(label, 1, name, "column present", None,
                                    f"missing column; the header must be: {','.join(expected)}"))
    for name in header:
        if name not in expected:
            problems.append(Problem(label, 1, name, "known column", name,
                                    f"unexpected column; the header must be: {','.join(expected)}"))
    if not problems and list(header) != list(expected):
        problems.append(Problem(label, 1, None, "column order", ",".join(header),
                                f"expected the order {','.join(expected)}"))
    return problems


def label_problems(label: str, header: Sequence[str]) -> list[Problem]:
    """Every header label is a name, and each name appears once."""
    problems, seen = [], {}
    for i, name in enumerate(header, start=1):
        if not name.strip():
            problems.append(Problem(label, 1, f"cell {i}", "column name", name,
                                    f"header cell {i} is blank: expected a column name"))
        elif name in seen:
            problems.append(Problem(label, 1, name, "column named once", name,
                                    f"the header names {name!r} twice (cells {seen[name]} and {i}): expected each "
                                    f"column once"))
        seen.setdefault(name, i)
    return problems


def cell_count_problem(label: str, line: int, header: Sequence[str], row: Sequence[str]) -> Problem:
    """A row with fewer or more cells than the header, naming the first column that has no cell or no name."""
    hint = " (a quote mark out of place merges or splits cells)" if any('"' in c for c in row) else ""
    if len(row) < len(header):
        missing = header[len(row)]
        return Problem(label, line, missing, "cell count", str(len(row)),
                       f"expected {len(header)} cells as in the header, found {len(row)}: no cell for {missing!r} "
                       f"and after{hint}")
    return Problem(label, line, f"cell {len(header) + 1}", "cell count", str(len(row)),
                   f"expected {len(header)} cells as in the header, found {len(row)}: cell {len(header) + 1} "
                   f"({shorten(row[len(header)], 30)!r}) has no column{hint}")


def quoting_problem(label: str, text: str, line: int, header: Sequence[str]) -> Problem:
    """Where a record's quoting breaks: a quoted cell never closed, or text after a closing quote mark."""
    offset = 0
    for _ in range(line - 1):
        offset = text.index("\n", offset) + 1
    fault = quote_fault(text, offset)
    if fault is None:
        return Problem(label, line, None, "quoting", None, "the row's quoting is broken: expected cells as a "
                       "spreadsheet writes them (a quote mark inside a quoted cell is written twice)")
    cell, at, kind, opened = fault
    column = header[cell] if cell < len(header) else f"cell {cell + 1}"
    opened_line = text.count("\n", 0, opened) + 1
    if kind == "unclosed":
        return Problem(label, opened_line, column, "quoting", None,
                       f"the quoted cell opened at character {character_in_line(text, opened)} of the line is never "
                       f"closed: expected a closing quote mark at the end of the cell")
    at_line = text.count("\n", 0, at) + 1
    if at_line != opened_line:
        return Problem(label, opened_line, column, "quoting", None,
                       f"the quoted cell opened at character {character_in_line(text, opened)} of the line runs on "
                       f"to line {at_line}: expected a closing quote mark at the end of the cell on line {opened_line}")
    return Problem(label, at_line, column, "quoting", None,
                   f"text follows the closing quote mark at character {character_in_line(text, at) - 1} of the "
                   f"line: expected ',' or the end of the line after it (a quote mark inside a cell is written \"\")")


def character_in_line(text: str, offset: int) -> int:
    """The 1-based column of ``offset`` in its line."""
    return offset - text.rfind("\n", 0, offset)


def quote_fault(text: str, offset: int) -> tuple[int, int, str, int] | None:
    """``(cell index, offset, kind, offset of the opening quote mark)`` of the first quoting fault of the record
    starting at ``offset``.

    ``kind`` is ``"unclosed"`` (no closing quote mark before the end of the text) or
    ``"after"`` (``offset`` is that of a character that follows a closing quote mark).
    """
    cell, i, in_quotes, at_start, opened = 0, offset, False, True, offset
    while i < len(text):
        c = text[i]
        if in_quotes:
            if c == '"' and text.startswith('""', i):
                i += 2
                continue
            if c == '"':
                in_quotes = False
                i += 1
                if i < len(text) and text[i] not in ",\r\n":
                    return cell, i, "after", opened
                continue
            i += 1
            continue
        if c == '"' and at_start:
            in_quotes, opened = True, i
        elif c == ",":
            cell += 1
            at_start = True
            i += 1
            continue
        elif c in "\r\n":
            return None
        at_start = False
        i += 1
    return (cell, opened, "unclosed", opened) if in_quotes else None


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue()


def normal_file_mode() -> int:
    """The mode a plain ``open()`` gives a new file (0644 under the usual umask 022).

    ``tempfile.mkstemp`` creates its file readable by its owner only (0600); a report
    or a published table renamed from it would keep that, so every atomic write
    sets the normal mode before the rename.
    """
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


#: How a spreadsheet recognises a formula (or, for tab and carriage return, hides the start of one).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralised(cell: str) -> str:
    """A cell for a CSV a person opens in a spreadsheet: one that would run as a formula gets a leading ``'``.

    A spreadsheet shows such a cell as text and drops the ``'`` when it saves the file;
    a cell that already starts with ``'`` gets a second one, so :func:`restored` gives
    back the exact text either way. Only files made for people are neutralised (the
    review queue); the tables in ``validated/`` and the published ``data/`` keep their
    cells exactly.
    """
    return "'" + cell if cell.startswith(FORMULA_START + ("'",)) else cell


def restored(cell: str) -> str:
    """The exact text of a cell :func:`neutralised` wrote, whether or not a spreadsheet has saved it since."""
    return cell[1:] if cell.startswith("'") and cell[1:2] and cell[1:].startswith(FORMULA_START + ("'",)) else cell


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so readers see the old file or the new one, never a part.

    The file gets the normal permissions of a new file (:func:`normal_file_mode`).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, normal_file_mode())
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_csv_atomic(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    write_text_atomic(path, csv_text(header, rows))


def format_number(x: float | int | None) -> str:
    """Plain decimal notation, no exponent, no trailing zeros: stable bytes across runs."""
    if x is None:
        return ""
    if float(x).is_integer():
        return str(int(x))
    return format(round(float(x), 6), "f").rstrip("0").rstrip(".")

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
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tradestats.errors import InputError, Problem


@dataclass(frozen=True)
class CsvRecord:
    line: int  # 1-based physical line the record starts on
    values: dict[str, str]


def read_csv_records(path: Path, expected: Sequence[str] | None = None, label: str | None = None) -> list[CsvRecord]:
    """Read a CSV as strings; check its header against ``expected`` when given."""
    label = label or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError([Problem(label, None, None, "file exists", None, "file not found")], "cannot read input")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError([Problem(label, line, None, "UTF-8", None, f"byte {exc.start} is not UTF-8")], "cannot read input")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError([Problem(label, 1, None, "header", None, "empty file: expected a header line")], "cannot read input")
    problems = header_problems(label, header, expected) if expected is not None else []
    records: list[CsvRecord] = []
    start = reader.line_num + 1
    for row in reader:
        if not any(cell.strip() for cell in row):
            start = reader.line_num + 1
            continue
        if len(row) != len(header):
            problems.append(Problem(label, start, None, "cell count", str(len(row)),
                                    f"expected {len(header)} cells as in the header, found {len(row)}"))
        else:
            records.append(CsvRecord(start, dict(zip(header, row))))
        start = reader.line_num + 1
    if problems:
        raise InputError(problems, f"{label} is malformed")
    return records


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


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue()


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so readers see the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
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

"""A package checked as ``frictionless validate`` checks it, in time that grows with what changed.

Frictionless reads every row of every resource on every run: at ten thousand
articles that is most of the publish stage, for a build whose new article changed
a handful of rows. Its checks fall in two kinds. A row's own cells (type, format,
required, enum, pattern, minimum, the count of cells) depend on nothing but the row
and the schema; keys (primary key, unique columns, foreign keys) and the file's
size and hash depend on the whole table. So:

* frictionless itself validates the rows it has not passed before under this schema,
  all of a table's new rows in one small resource, and a digest of every row it
  passed is kept (``build/publish-cache/<table>.txt``);
* the whole-table checks run over every row on every run, over sets in plain Python
  (milliseconds), and report what frictionless reports (its error types and notes).

A schema change, a new frictionless version or a missing cache means every row is
validated again. :func:`whole_package_problems` is frictionless on the whole package,
the check a consumer runs (``python -m stages.publish --full`` uses it).
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import frictionless
from frictionless import FrictionlessException, Package, Resource

from tradestats.csvio import csv_text, write_text_atomic
from tradestats.errors import Problem

#: Schema properties that speak of the whole table; everything else is about one row.
TABLE_LEVEL = ("primaryKey", "foreignKeys")


@dataclass(frozen=True)
class Table:
    """One resource as read from the staged package: its descriptor, header and rows (cells as text)."""

    resource: dict
    header: list[str]
    rows: list[list[str]]

    @property
    def name(self) -> str:
        return self.resource["name"]

    @property
    def label(self) -> str:
        return self.resource["path"]

    def column(self, name: str) -> list[str]:
        i = self.header.index(name)
        return [row[i] if i < len(row) else "" for row in self.rows]


@dataclass(frozen=True)
class CheckReport:
    problems: list[Problem]
    #: rows frictionless validated this run, and rows it had passed before (skipped)
    validated: int
    known: int
    #: each resource's count of rows
    rows: dict[str, int] = field(default_factory=dict)
    #: per resource, the schema key and the digests of its rows that frictionless passed (for :func:`remember`)
    passed: dict[str, tuple[str, set[str]]] = field(default_factory=dict)


def remember(report: CheckReport, cache_dir: Path) -> None:
    """Store the digests of the rows that passed; called once the package is in place, so a failed run
    leaves the cache as it was."""
    for name, (key, digests) in report.passed.items():
        save_digests(cache_dir / f"{name}.txt", key, digests)


# --------------------------------------------------------------------------- whole package, as a consumer runs it

def as_problems(report_tasks: Iterable, label_of=lambda task: f"data/{task.name}.csv") -> list[Problem]:
    return [Problem(label_of(task), getattr(err, "row_number", None), getattr(err, "field_name", None), err.type,
                    getattr(err, "cell", None), err.note)
            for task in report_tasks for err in task.errors]


def whole_package_problems(package_dir: Path, descriptor_name: str = "datapackage.json") -> list[Problem]:
    """Every problem ``frictionless validate`` finds in the package (it reads every row)."""
    report = Package(str(package_dir / descriptor_name), basepath=str(package_dir)).validate()
    return [Problem(descriptor_name, None, None, err.type, None, err.note) for err in report.errors] + \
        as_problems(report.tasks)


# --------------------------------------------------------------------------- the parts

def row_schema(schema: dict) -> dict:
    """The schema without what concerns the whole table (keys and unique columns): what one row is checked by."""
    out = {k: v for k, v in schema.items() if k not in TABLE_LEVEL}
    fields = []
    for f in schema["fields"]:
        constraints = {k: v for k, v in f.get("constraints", {}).items() if k != "unique"}
        fields.append({**{k: v for k, v in f.items() if k != "constraints"},
                       **({"constraints": constraints} if constraints else {})})
    return {**out, "fields": fields}


def schema_key(schema: dict) -> str:
    """What a row's validity depends on besides its cells: the row schema and the frictionless that checked it
    (and how a row is digested: a file of digests made another way is not read)."""
    text = json.dumps({"schema": row_schema(schema), "frictionless": frictionless.__version__,
                       "digest": DIGEST_VERSION}, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


#: Bump when :func:`row_digest` changes.
DIGEST_VERSION = 2


def row_digest(cells: list[str]) -> str:
    """A digest of the row's cells: of the ``repr`` of their list, which no two different rows share (a string's
    repr is quoted and escaped), made in one call instead of a format per cell."""
    return hashlib.blake2b(repr(cells).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def read_table(package_dir: Path, resource: dict) -> tuple[Table, bytes]:
    data = (package_dir / resource["path"]).read_bytes()
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    header, body = (rows[0], rows[1:]) if rows else ([], [])
    return Table(resource, header, body), data


def file_problems(table: Table, data: bytes) -> list[Problem]:
    """The descriptor's size and hash of the file, and its header, against the file and the schema."""
    out = []
    if "bytes" in table.resource and table.resource["bytes"] != len(data):
        out.append(Problem(table.label, None, None, "byte-count", None,
                           f'expected is "{table.resource["bytes"]}" and actual is "{len(data)}"'))
    expected_hash = table.resource.get("hash", "")
    actual = "sha256:" + hashlib.sha256(data).hexdigest()
    if expected_hash and expected_hash != actual:
        out.append(Problem(table.label, None, None, "hash-count", None,
                           f'expected is "{expected_hash}" and actual is "{actual}"'))
    names = [f["name"] for f in table.resource["schema"]["fields"]]
    if table.header != names:
        out.append(Problem(table.label, 1, None, "incorrect-label", ",".join(table.header),
                           f"the header must be: {','.join(names)}"))
    return out


def new_row_problems(table: Table, new: list[int], work_dir: Path) -> tuple[list[Problem], set[int]]:
    """Frictionless on the rows at positions ``new`` (one small resource); their problems and the rows that passed."""
    if not new:
        return [], set()
    path = work_dir / f"{table.name}.new.csv"
    path.write_text(csv_text(table.header, (table.rows[i] for i in new)), encoding="utf-8", newline="")
    resource = Resource({"name": table.name, "path": path.name, "format": "csv", "encoding": "utf-8",
                         # said, not sniffed: a few new rows are too small a sample to guess the separator from
                         "dialect": {"csv": {"delimiter": ",", "quoteChar": '"'}},
                         "schema": row_schema(table.resource["schema"])}, basepath=str(work_dir))
    report = resource.validate()
    problems, failed = [], set()
    for task in report.tasks:
        for err in task.errors:
            at = getattr(err, "row_number", None)
            position = new[at - 2] if at is not None and 2 <= at < len(new) + 2 else None
            if position is not None:
                failed.add(position)
            problems.append(Problem(table.label, None if position is None else position + 2,
                                    getattr(err, "field_name", None), err.type, getattr(err, "cell", None), err.note))
    if report.errors:
        problems += [Problem(table.label, None, None, err.type, None, err.note) for err in report.errors]
        failed = set(new)
    path.unlink()
    return problems, set(new) - failed


def key_problems(table: Table, tables: dict[str, Table]) -> list[Problem]:
    """Primary key, unique columns and foreign keys over the whole table, reported as frictionless reports them."""
    schema = table.resource["schema"]
    names = table.header
    out: list[tuple[int, Problem]] = []
    for f in schema["fields"]:
        if f.get("constraints", {}).get("unique") and f["name"] in names:
            first: dict[str, int] = {}
            for i, cell in enumerate(table.column(f["name"])):
                if cell == "":
                    continue
                if cell in first:
                    out.append((i, Problem(table.label, i + 2, f["name"], "unique-error", cell,
                                           f"the same as in the row at position {first[cell] + 2}")))
                else:
                    first[cell] = i
    key = schema.get("primaryKey") or []
    if key and all(k in names for k in key):
        seen: dict[tuple, int] = {}
        for i, cells in enumerate(zip(*(table.column(k) for k in key))):
            if all(c == "" for c in cells):
                out.append((i, Problem(table.label, i + 2, None, "primary-key", None,
                                       'cells composing the primary keys are all "None"')))
            elif cells in seen:
                out.append((i, Problem(table.label, i + 2, None, "primary-key", None,
                                       f"the same as in the row at position {seen[cells] + 2}")))
            else:
                seen[cells] = i
    for fk in schema.get("foreignKeys") or []:
        column, target = fk["fields"], fk["reference"]
        other = tables.get(target["resource"]) if target["resource"] else table
        if column not in names or other is None or target["fields"] not in other.header:
            continue
        allowed = set(other.column(target["fields"]))
        for i, cell in enumerate(table.column(column)):
            if cell != "" and cell not in allowed:
                out.append((i, Problem(table.label, i + 2, None, "foreign-key", None,
                                       f'for "{column}": values "{cell}" not found in the lookup table '
                                       f'"{other.name}" as "{target["fields"]}"')))
    return [p for _, p in sorted(out, key=lambda item: item[0])]


# --------------------------------------------------------------------------- the digest cache

def known_digests(cache_file: Path, key: str) -> set[str]:
    """Digests of rows frictionless passed under ``key``; none if the file is missing or for another schema."""
    try:
        lines = cache_file.read_text(encoding="utf-8").splitlines()
    except (FileNotFoundError, UnicodeDecodeError):
        return set()
    return set(lines[1:]) if lines and lines[0] == key else set()


def save_digests(cache_file: Path, key: str, digests: set[str]) -> None:
    write_text_atomic(cache_file, "\n".join([key, *sorted(digests)]) + "\n")


# --------------------------------------------------------------------------- the check

def descriptor_problems(package_dir: Path, descriptor_name: str) -> list[Problem]:
    try:
        Package(str(package_dir / descriptor_name), basepath=str(package_dir)).to_descriptor(validate=True)
    except FrictionlessException as exc:
        return [Problem(descriptor_name, None, None, err.type, None, err.note) for err in exc.to_errors()]
    return []


def package_problems(package_dir: Path, descriptor: dict, cache_dir: Path,
                     descriptor_name: str = "datapackage.json",
                     descriptor_check: Callable[[], list[Problem]] | None = None) -> CheckReport:
    """Every problem frictionless would find in the staged package, validating only rows not passed before.

    Problems come table by table in row order, as frictionless lists them. A descriptor
    frictionless refuses is the only problem reported. ``descriptor_check`` gives the
    descriptor's problems when they are worked out elsewhere (the publish stage checks the
    descriptor on another core while the rows are checked here): the rows are checked
    first, and what they found, or what went wrong reading them, counts only if the
    descriptor has no problem, so the report is the one of checking the descriptor first.
    """
    if descriptor_check is None:
        problems = descriptor_problems(package_dir, descriptor_name)
        return CheckReport(problems, 0, 0) if problems else table_report(package_dir, descriptor, cache_dir)
    try:
        report, failure = table_report(package_dir, descriptor, cache_dir), None
    except Exception as exc:  # a table a bad descriptor points at wrongly: the descriptor's problems say why
        report, failure = None, exc
    problems = descriptor_check()
    if problems:
        return CheckReport(problems, 0, 0)
    if failure is not None:
        raise failure
    return report


def table_report(package_dir: Path, descriptor: dict, cache_dir: Path) -> CheckReport:
    """The checks of every resource of a valid descriptor: frictionless on the new rows, keys, sizes and hashes."""
    problems: list[Problem] = []
    read = [read_table(package_dir, resource) for resource in descriptor["resources"]]
    tables = {table.name: table for table, _ in read}
    validated = known_count = 0
    passed_rows: dict[str, tuple[str, set[str]]] = {}
    for table, data in read:
        key = schema_key(table.resource["schema"])
        cache_file = cache_dir / f"{table.name}.txt"
        known = known_digests(cache_file, key)
        digests = [row_digest(row) for row in table.rows]
        new = [i for i, d in enumerate(digests) if d not in known]
        row_problems, passed = new_row_problems(table, new, package_dir)
        validated += len(new)
        known_count += len(digests) - len(new)
        passed_rows[table.name] = (key, {d for i, d in enumerate(digests) if i in passed or d in known})
        in_rows = sorted(row_problems + key_problems(table, tables), key=lambda p: p.line or 0)
        problems += file_problems(table, data) + in_rows
    return CheckReport(problems, validated, known_count, {name: len(t.rows) for name, t in tables.items()},
                       passed_rows)

"""The column and table model every schema in the project is generated from.

A column is declared once (:mod:`schemas.fields`); a table lists the columns it
uses. The pandera schema that guards the hand-kept CSVs and the Frictionless
Table Schema that ships in ``datapackage.json`` are both *derived* here, so the
two can never disagree about a name, a type or a constraint.
"""
from __future__ import annotations

import csv
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandera takes about a second to import: only the stages that check tables pay for it
    import pandera.pandas as pa

REPO = Path(__file__).resolve().parent.parent
REFERENCE_DIR = REPO / "reference"

#: pandas dtypes the explicit converters in :mod:`tradestats.tables` produce.
PANDAS_DTYPES = {"string": "str", "integer": "Int64", "number": "Float64", "date": "datetime64[us]"}


@dataclass(frozen=True)
class Field:
    """One published or hand-kept column, with everything both schemas need."""

    name: str
    type: str  # string | integer | number | date (Frictionless type names)
    description: str
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    minimum: float | None = None
    #: ``"file.csv:column"`` in ``reference/``: values must be one of that column's values.
    reference: str | None = None
    example: str | None = None

    def __post_init__(self) -> None:
        if self.type not in PANDAS_DTYPES:
            raise ValueError(f"field {self.name!r}: unknown type {self.type!r}")


@dataclass(frozen=True)
class ForeignKey:
    fields: str
    resource: str
    reference_fields: str


@dataclass(frozen=True)
class Table:
    """A table: its columns in order, its key and its links to other tables."""

    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = field(default=())

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"table {self.name!r} has no column {name!r}")

    # ---------------------------------------------------------------- derived schemas
    def to_frictionless(self) -> dict:
        """The Frictionless Table Schema descriptor of this table."""
        schema: dict = {
            "fields": [_frictionless_field(f) for f in self.fields],
            "missingValues": [""],
            "primaryKey": list(self.primary_key),
        }
        if self.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": fk.fields, "reference": {"resource": fk.resource, "fields": fk.reference_fields}}
                for fk in self.foreign_keys
            ]
        return schema

    def to_pandera(self) -> pa.DataFrameSchema:
        """The pandera schema of this table, for frames typed by ``tradestats.tables``."""
        import pandera.pandas as pa

        columns = {f.name: _pandera_column(f) for f in self.fields}
        return pa.DataFrameSchema(
            columns,
            name=self.name,
            strict=True,
            coerce=True,
            ordered=True,
            unique=list(self.primary_key) if len(self.primary_key) > 1 else None,
        )


def _frictionless_field(f: Field) -> dict:
    out: dict = {"name": f.name, "type": f.type, "description": f.description}
    if f.type == "number":
        out["bareNumber"] = True
    constraints: dict = {}
    if f.required:
        constraints["required"] = True
    if f.unique:
        constraints["unique"] = True
    if f.enum:
        constraints["enum"] = list(f.enum)
    if f.pattern:
        constraints["pattern"] = f.pattern
    if f.minimum is not None:
        constraints["minimum"] = f.minimum
    if constraints:
        out["constraints"] = constraints
    if f.example:
        out["example"] = f.example
    return out


def _pandera_column(f: Field) -> pa.Column:
    import pandera.pandas as pa

    checks = []
    if f.enum:
        checks.append(pa.Check.isin(list(f.enum), name="enum"))
    if f.pattern:
        checks.append(pa.Check.str_matches(f"^(?:{f.pattern})$", name=f"pattern {f.pattern}"))
    if f.minimum is not None:
        checks.append(pa.Check.ge(f.minimum, name=f"minimum {f.minimum:g}"))
    if f.reference:
        allowed = sorted(reference_values(f.reference))
        checks.append(pa.Check.isin(allowed, name=f"listed in reference/{f.reference}"))
    return pa.Column(
        PANDAS_DTYPES[f.type],
        checks=checks,
        nullable=not f.required,
        unique=f.unique,
        required=True,
        description=f.description,
    )


@functools.cache
def reference_values(spec: str) -> frozenset[str]:
    """Values of one column of a hand-kept reference CSV (``"file.csv:column"``)."""
    file_name, column = spec.split(":")
    with open(REFERENCE_DIR / file_name, newline="", encoding="utf-8") as fh:
        return frozenset(row[column] for row in csv.DictReader(fh) if row[column])

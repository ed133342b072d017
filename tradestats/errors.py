"""Problems found in input data, reported all at once with their exact location."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell (or line, or file) of the input.

    Every message a keeper sees names the file, the line, the column, the check
    that failed and the offending value, so a fix never needs a search.
    """

    file: str
    line: int | None
    column: str | None
    check: str
    value: str | None
    message: str = ""
    severity: str = "error"

    def location(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
        if self.column and self.column.isdigit():
            where += f":{self.column}"  # a position in a text file: file:line:column
        elif self.column:
            where += f" column {self.column!r}"
        return where

    def __str__(self) -> str:
        value = "" if self.value is None else f" (value {self.value!r})"
        return f"{self.location()}: {self.check}{value}{': ' + self.message if self.message else ''}"


class InputError(Exception):
    """Raised with every problem found, so one run reports them all."""

    def __init__(self, problems: list[Problem], headline: str = "invalid input") -> None:
        self.problems = problems
        self.headline = headline
        super().__init__(format_problems(problems, headline))


def format_problems(problems: list[Problem], headline: str, limit: int = 200) -> str:
    """A plain-text table of problems (file, line, column, check, value, message), one per row."""
    header = ("file", "line", "column", "check", "value", "message")
    rows = [
        (p.file, "" if p.line is None else str(p.line), p.column or "", p.check,
         "" if p.value is None else repr(shorten(p.value, 50)), p.message)
        for p in problems[:limit]
    ]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header[:-1])]

    def fmt(row: tuple[str, ...]) -> str:
        return "  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[-1]

    lines = [f"{headline}: {len(problems)} problem(s)", fmt(header).rstrip()]
    lines += [fmt(r).rstrip() for r in rows]
    if len(problems) > limit:
        lines.append(f"  ... and {len(problems) - limit} more (see the validation report)")
    return "\n".join(lines)


def shorten(text: str, n: int = 60) -> str:
    """A long value cut for a one-line message (the full value is in the file it names)."""
    return text if len(text) <= n else text[: n - 3] + "..."

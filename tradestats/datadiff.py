"""A data diff of the package: rows added, removed and changed per table, keyed by primary key.

A git diff of ``data/*.csv`` shows lines; a reader wants to know which fact
changed, in which column, from what to what. Rows are matched by their table's
primary key (from :mod:`schemas`) and compared cell by cell as published text,
so a change is exactly what a reader of the CSV would see.
"""
from __future__ import annotations

import csv
import io
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from schemas.model import Table


@dataclass(frozen=True)
class Change:
    key: str
    column: str
    old: str
    new: str


@dataclass
class TableDiff:
    name: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    columns_added: list[str] = field(default_factory=list)
    columns_removed: list[str] = field(default_factory=list)
    new_table: bool = False

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.columns_added or self.columns_removed
                    or self.new_table)


def parse_csv(text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def row_key(table: Table, row: dict[str, str]) -> str:
    return "|".join(row.get(c, "") for c in table.primary_key)


def diff_table(table: Table, old_text: str | None, new_text: str | None) -> TableDiff:
    """The keyed diff of one table's CSV text (``None``: the table did not exist / no longer exists)."""
    out = TableDiff(table.name, new_table=old_text is None and new_text is not None)
    old_cols, old_rows = parse_csv(old_text) if old_text is not None else ([], [])
    new_cols, new_rows = parse_csv(new_text) if new_text is not None else ([], [])
    if old_text is not None and new_text is not None:
        out.columns_added = [c for c in new_cols if c not in old_cols]
        out.columns_removed = [c for c in old_cols if c not in new_cols]
    old = {row_key(table, r): r for r in old_rows}
    new = {row_key(table, r): r for r in new_rows}
    out.added = sorted(set(new) - set(old))
    out.removed = sorted(set(old) - set(new))
    common = [c for c in new_cols if c in old_cols]
    for key in sorted(set(old) & set(new)):
        for column in common:
            if old[key][column] != new[key][column]:
                out.changed.append(Change(key, column, old[key][column], new[key][column]))
    return out


def git_file(repo: Path, rev: str, path: str) -> str | None:
    """A file's text at ``rev`` (``None`` when the file, the revision or git itself is not there)."""
    try:
        result = subprocess.run(["git", "show", f"{rev}:{path}"], cwd=repo, capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    return result.stdout.decode("utf-8-sig")


def git_revision(repo: Path, rev: str) -> str | None:
    """The commit ``rev`` names, or ``None`` outside git or for an unknown revision."""
    try:
        result = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], cwd=repo,
                                capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def shorten(text: str, n: int = 80) -> str:
    text = text.replace("\n", " ").replace("|", "\\|")
    return text if len(text) <= n else text[: n - 3] + "..."


def markdown(diffs: list[TableDiff], base: str, target: str, limit: int = 200) -> str:
    """The diff as Markdown: a summary line per table, then each added, removed and changed row."""
    lines = [f"# Data diff: {base} -> {target}", ""]
    lines += ["| table | added | removed | changed rows | changed cells |", "|---|---|---|---|---|"]
    for d in diffs:
        lines.append(f"| `{d.name}` | {len(d.added)} | {len(d.removed)} | {len({c.key for c in d.changed})} "
                     f"| {len(d.changed)} |")
    if all(d.empty for d in diffs):
        lines += ["", "No data changed."]
    for d in diffs:
        if d.empty:
            continue
        lines += ["", f"## `{d.name}`", ""]
        if d.new_table:
            lines.append("New table.")
        if d.columns_added:
            lines.append("Columns added: " + ", ".join(f"`{c}`" for c in d.columns_added))
        if d.columns_removed:
            lines.append("Columns removed: " + ", ".join(f"`{c}`" for c in d.columns_removed))
        for label, keys in (("added", d.added), ("removed", d.removed)):
            if keys:
                shown = ", ".join(f"`{k}`" for k in keys[:limit])
                more = f" and {len(keys) - limit} more" if len(keys) > limit else ""
                lines.append(f"- {label}: {shown}{more}")
        for c in d.changed[:limit]:
            lines.append(f"- changed `{c.key}` `{c.column}`: {shorten(c.old) or '(empty)'} -> "
                         f"{shorten(c.new) or '(empty)'}")
        if len(d.changed) > limit:
            lines.append(f"- ... and {len(d.changed) - limit} more changed cells")
    return "\n".join(lines) + "\n"

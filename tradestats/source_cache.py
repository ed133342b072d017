"""Results of per-source checks kept between runs, so an unchanged source is not checked again.

A source's row checks (each quote is its text at its offsets, each review column is
consistent, each accepted row still says what its candidate says) read nothing but
that source's text, its rows and the candidates those rows name. Their findings are
stored under the hash of exactly those inputs and of the checking code, so anything
that could change a finding changes the key: a cached entry is used only for
identical inputs, and can never hide an error a fresh check would find.

Findings are stored against the row's position among its source's rows, not its
CSV line, because adding an article moves every later row down the file.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from tradestats.csvio import write_text_atomic
from tradestats.errors import Problem

#: Bump when the stored layout changes; an older file is then ignored.
LAYOUT = 1


def digest(parts: Iterable[object]) -> str:
    """The SHA-256 of the ``repr`` of each part, separated so ("ab", "c") and ("a", "bc") differ."""
    h = hashlib.sha256()
    for part in parts:
        h.update(repr(part).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def code_digest(*files: Path) -> str:
    """The hash of the source files whose code decides the findings: editing a check re-checks everything."""
    return digest(Path(f).read_bytes() for f in files)


class SourceCache:
    """``{source_id: (key, findings)}`` read from and written to one JSON file (atomically)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, dict] = {}
        self.fresh: dict[str, dict] = {}
        self.hits = 0
        if path is not None and path.exists():
            try:
                stored = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                stored = {}  # a damaged cache is an empty one: everything is checked again
            if stored.get("layout") == LAYOUT:
                self.entries = stored.get("sources", {})

    def get(self, source_id: str, key: str) -> list[tuple[int, int, int, Problem]] | None:
        """The findings stored for this source under exactly this key, else None."""
        entry = self.entries.get(source_id)
        if entry is None or entry.get("key") != key:
            return None
        self.hits += 1
        self.fresh[source_id] = entry
        return [(ordinal, group, seq, Problem(**problem)) for ordinal, group, seq, problem in entry["findings"]]

    def put(self, source_id: str, key: str, findings: list[tuple[int, int, int, Problem]]) -> None:
        """Keep one source's findings (the Problem's line is not stored; the row's ordinal stands for it)."""
        self.fresh[source_id] = {"key": key, "findings": [
            [ordinal, group, seq, {**asdict(p), "line": None}] for ordinal, group, seq, p in findings]}

    def save(self) -> None:
        """Write the entries of this run's sources only, so entries of removed sources do not pile up."""
        if self.path is None:
            return
        write_text_atomic(self.path, json.dumps({"layout": LAYOUT, "sources": self.fresh}, ensure_ascii=False,
                                                separators=(",", ":"), sort_keys=True))

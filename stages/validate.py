"""Stage 3, validate: the hand-validated tables, checked before anything is published.

Reads ``validated/*.csv`` (as strings, converted explicitly), the documents and
the candidates of the last extraction, and refuses to go on unless

* every table passes its pandera schema (all failures reported at once);
* every row's quote is the source text at its offsets, verbatim;
* every candidate has been decided: accepted into a table or rejected;
* every flagged figure (stated in a sentence about trade, used by no candidate) is
  accounted for: stated by a row of a table, or dismissed with a reason
  (``checks.unclaimed_figures`` in ``params.yaml`` sets how strictly).

Writes the checked tables to ``build/checked/`` and a JSON report that DVC
tracks as a metric. Exits non-zero with a table of problems otherwise.
"""
from __future__ import annotations

import functools
import hashlib
import json
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import schemas
from schemas.model import Table
from schemas.consistency import CHECKS, fact_records, failing_rows
from schemas.tolerance import is_missing
from stages.common import Beside, stage_parser, CANDIDATES, CHECKED, DOCUMENTS, FIGURES, REPORTS, VALIDATED, params, relative, run_stage
from tradestats.csvio import csv_text, read_csv_records, write_text_atomic
from tradestats.documents import Document, iter_documents
from tradestats.errors import InputError, Problem, format_problems, shorten
from tradestats.review import JOURNAL, FigureRecord, figure_is_open, read_figures, rejection_covers, sentence_text
from tradestats import errors as errors_module
from tradestats import tables as tables_module
from tradestats import documents as documents_module
from tradestats import csvio as csvio_module
from tradestats import review as review_module
from tradestats.parsed_cache import cached_parse
from tradestats.progress import progress
from tradestats.source_cache import SourceCache, code_digest, digest
from tradestats.tables import LoadedTable, canonical_rows, convert_cell, format_cell, load_table_parts

if TYPE_CHECKING:  # pandas is imported only when a frame is asked for (a test, or pandera on a table that may fail)
    import pandas as pd

REPORT = REPORTS / "validation.json"
#: Per-source results of the row checks (git- and DVC-ignored, like the extraction cache).
CACHE = CANDIDATES.parent / "validate-cache"
ROW_CACHE = "row-checks.json"
SEVERITIES = ("error", "warning", "off")
#: The review command as a path from the repository root: it works without an activated environment.
REVIEW_COMMAND = ".venv/bin/review"
REVIEW_HINT = ("decide each with `review accept ID` or `review reject ID --reason TEXT`, or in bulk with "
               "`review export --out queue.csv` and `review apply queue.csv` (README, 'Reviewing candidates')")
FIGURE_HINT = ("add the fact it states with `review add --figure ID ...`, or `review dismiss ID --reason TEXT` "
               "when it is not a trade statistic (README, 'Figures no candidate uses')")
#: The check on flagged figures, set beside the consistency checks under ``checks:`` in ``params.yaml``.
UNCLAIMED_FIGURES = "unclaimed_figures"


@dataclass
class Validation:
    """Everything the stage learned: the checked tables and every problem, for the report."""

    #: each hand-kept fact table's records and typed columns
    loaded: dict[str, LoadedTable] = field(default_factory=dict)
    rejected_table: LoadedTable | None = None
    dismissed_table: LoadedTable | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    checks: dict[str, dict] = field(default_factory=dict)
    pending: list[dict] = field(default_factory=list)
    #: Flagged figures no row states and no dismissal covers (they block publishing unless the check is relaxed).
    open_figures: list[FigureRecord] = field(default_factory=list)
    figure_severity: str = "error"
    #: Tables that could not be read at all: what is decided is unknown, so nothing is listed as pending.
    unreadable: list[str] = field(default_factory=list)
    stats: dict = field(default_factory=dict)
    #: How many sources' row checks ran and how many came from the cache (not a metric: it varies by run).
    stats_cache: dict = field(default_factory=dict)
    #: The checked tables' text (:func:`checked_texts`), written only if nothing blocks publishing.
    checked: dict[str, str] | None = None

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """The checked fact tables as typed frames indexed by CSV line (made on demand: the stage needs none)."""
        return {name: loaded.frame for name, loaded in self.loaded.items()}

    @property
    def rejected(self) -> pd.DataFrame | None:
        return None if self.rejected_table is None else self.rejected_table.frame

    @property
    def dismissed(self) -> pd.DataFrame | None:
        return None if self.dismissed_table is None else self.dismissed_table.frame


def quote_problem(label: str, line: int, row: dict, doc: Document | None) -> Problem | None:
    """A row's quote must be its source's text at [char_start, char_end), verbatim."""
    sid, quote, start, end = row["source_id"], row["quote"], row["char_start"], row["char_end"]
    if is_missing(sid) or is_missing(quote) or is_missing(start) or is_missing(end):
        return None  # already reported as a required cell
    if doc is None:
        return Problem(label, line, "source_id", "source exists", sid, "no such article in raw/ (foreign key to sources)")
    found = doc.text[int(start):int(end)]
    if found == quote:
        return None
    hint = doc.text.find(quote)
    where = f"; the quote occurs at {hint}:{hint + len(quote)}" if hint >= 0 else "; the quote is not in the source"
    return Problem(label, line, "quote", "quote matches source", shorten(quote),
                   f"text[{start}:{end}] of {sid} is {shorten(found)!r}{where}")


def review_row_problems(label: str, line: int, row: dict) -> list[Problem]:
    """A correction keeps the extracted values and says why; a hand-added row has a hand id."""
    problems = []
    review, fact_id = row["review"], row["fact_id"]
    if review == "corrected":
        if is_missing(row["corrected_from"]):
            problems.append(Problem(label, line, "corrected_from", "correction keeps the extracted values", "",
                                    "a corrected row must record the extractor's original values"))
        if is_missing(row["note"]):
            problems.append(Problem(label, line, "note", "correction has a note", "",
                                    "a corrected row must say why it was corrected"))
    if review == "added" and not is_missing(fact_id) and not str(fact_id).startswith("h"):
        problems.append(Problem(label, line, "fact_id", "hand id", fact_id,
                                "a row added by hand has an id starting with 'h'"))
    if review in ("accepted", "corrected") and not is_missing(fact_id) and not str(fact_id).startswith("c"):
        problems.append(Problem(label, line, "fact_id", "candidate id", fact_id,
                                "an accepted or corrected row keeps its candidate's id (starting with 'c')"))
    return problems


def drift_row_warnings(label: str, line: int, table: Table, row: dict, proposed: dict | None) -> list[Problem]:
    """An accepted row that no longer says what its candidate says: a hand edit, or a changed extractor.

    Both keep the row valid (its quote still checks out), but a reader should know:
    a hand edit belongs in a correction, which keeps the extracted value beside it.
    """
    if row["review"] not in ("accepted", "corrected") or proposed is None:
        return []
    corrected = {part.split("=", 1)[0] for part in
                 ("" if is_missing(row["corrected_from"]) else str(row["corrected_from"])).split("; ") if "=" in part}
    warnings = []
    for f in drift_fields(table):
        have, want = format_cell(f, row[f.name]), canonical_text(f, proposed[f.name])
        if f.name not in corrected and have != want:
            warnings.append(Problem(label, line, f.name, "matches its candidate", have,
                                    f"the extractor proposes {want!r}: restore it, or make the edit a "
                                    f"correction (`review undo {row['fact_id']}`, then `review accept "
                                    f"{row['fact_id']} --set {f.name}=... --note ...`); after an extractor "
                                    f"change, see `review status`", "warning"))
    return warnings


def drift_fields(table: Table) -> list:
    """The columns an accepted row shares with its candidate (all but the candidate's own id)."""
    return [f for f in table.fields if f.name in schemas.CANDIDATES.columns and f.name != "candidate_id"]


def canonical_text(f, text: str) -> str:
    try:
        return format_cell(f, convert_cell(f, text))
    except ValueError:
        return text


# ------------------------------------------------------------------ per-source row checks
#: Finding groups, in the order the stage has always reported them within a table.
QUOTE, REVIEW, DRIFT = 0, 1, 2
#: The code that decides a row's findings; part of every cache key.
ROW_CHECK_CODE = (Path(__file__), Path(tables_module.__file__), Path(errors_module.__file__))
#: How :func:`source_key` reads a source's inputs; bump when that changes, so no key of the old way is matched.
KEY_LAYOUT = 3


@dataclass(slots=True)
class SourceRow:
    """One row of a hand-kept table, as the per-source checks see it: its typed values and its cells as written.

    Not frozen: one is made for every row on every run, and a frozen dataclass sets each
    field through ``object.__setattr__`` (nothing changes a row once grouped).
    """

    table: str
    line: int
    row: dict
    cells: tuple[str, ...] = ()


def source_row_findings(rows: list[SourceRow], doc: Document | None,
                        candidates: dict[str, dict]) -> list[tuple[int, int, int, Problem]]:
    """Every row check of one source's rows: ``(row ordinal, group, order within the row, problem)``."""
    findings = []
    for ordinal, r in enumerate(rows):
        label = f"validated/{r.table}.csv"
        found = [(QUOTE, p) for p in [quote_problem(label, r.line, r.row, doc)] if p is not None]
        found += [(REVIEW, p) for p in review_row_problems(label, r.line, r.row)]
        fact_id = r.row["fact_id"]
        proposed = candidates.get(fact_id) if isinstance(fact_id, str) else None
        found += [(DRIFT, p) for p in drift_row_warnings(label, r.line, schemas.VALIDATED[r.table], r.row, proposed)]
        findings += [(ordinal, group, seq, p) for seq, (group, p) in enumerate(found)]
    return findings


def text_digest(doc: Document | None) -> str | None:
    """The SHA-256 of a document's text (None for no document): what the row checks read of it."""
    return None if doc is None else hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()


def candidate_digest(row: dict[str, str]) -> str:
    """The SHA-256 of the ``repr`` of a candidate's cells in column order: what a row naming it is checked against."""
    return hashlib.sha256(repr(tuple(row.values())).encode("utf-8", "surrogatepass")).hexdigest()


def source_key(code: str, rows: list[SourceRow], text_hash: str | None, candidate_digests: dict[str, str]) -> str:
    """Everything one source's findings depend on: the checks' code, its text, its rows (not their lines), the
    candidates its rows name.

    A row enters by its cells as written, in the table's column order: its typed values
    are made from them by the conversion code, which is part of ``code``. The text enters
    by its hash (:func:`text_digest`) and a candidate by the hash of its cells
    (:func:`candidate_digest`), worked out once per content of their files rather than
    once per run. One hash of the ``repr`` of one list, which no two different inputs
    share (strings are quoted).
    """
    parts: list[object] = [code, text_hash]
    for r in rows:
        fact_id = r.row["fact_id"]
        parts += [r.table, r.cells, candidate_digests.get(fact_id) if isinstance(fact_id, str) else None]
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


def rows_by_source(tables: dict[str, LoadedTable]) -> dict[object, list[SourceRow]]:
    """Each source's rows across the hand-kept tables, in table order and then line order.

    A row's values are its typed cells (:func:`tradestats.tables.typed_columns`: the
    frame's values as plain Python, a date as ``datetime.date``, an empty cell None).
    """
    grouped: dict[object, list[SourceRow]] = {}
    for name, table in schemas.VALIDATED.items():
        loaded = tables[name]
        names = table.columns
        typed = zip(*(loaded.columns[c] for c in names))
        # a record read against the table's columns holds its cells in their order (the header must be exactly them)
        in_order = not loaded.records or list(loaded.records[0].values) == list(names)
        for record, values in zip(loaded.records, typed):
            row = dict(zip(names, values))
            sid = row["source_id"]
            cells = tuple(record.values.values()) if in_order else tuple(record.values.get(c, "") for c in names)
            grouped.setdefault(None if is_missing(sid) else sid, []).append(SourceRow(name, record.line, row, cells))
    return grouped


def row_check_problems(grouped: dict[object, list[SourceRow]], docs: dict[str, Document],
                       candidates: Candidates, cache: SourceCache,
                       text_hashes: dict[str, str] | None = None) -> tuple[list[Problem], list[Problem]]:
    """Errors and drift warnings of every row, source by source; an unchanged source's come from the cache.

    ``text_hashes`` (each document's :func:`text_digest`, by source id) saves hashing every text again.
    """
    by_id, digests = candidates.by_id, candidates.digests
    code = digest([KEY_LAYOUT, code_digest(*ROW_CHECK_CODE), [(n, [(f.name, f.type) for f in t.fields])
                                                  for n, t in schemas.VALIDATED.items()], schemas.CANDIDATES.columns])
    order = {name: i for i, name in enumerate(schemas.VALIDATED)}
    keyed: list[tuple[tuple, Problem]] = []
    with progress("validate", len(grouped), "sources") as advance:
        for sid, rows in grouped.items():
            doc = docs.get(sid) if sid is not None else None
            text_hash = (text_hashes or {}).get(sid) or text_digest(doc)
            key = source_key(code, rows, text_hash, digests)
            findings = cache.get(str(sid), key) if sid is not None else None
            if findings is None:
                findings = source_row_findings(rows, doc, by_id)
                if sid is not None:
                    cache.put(str(sid), key, findings)
            for ordinal, group, seq, p in findings:
                r = rows[ordinal]
                keyed.append(((order[r.table], group, r.line, seq), replace(p, line=r.line)))
            advance(1)
    keyed.sort(key=lambda item: item[0])
    return [p for _, p in keyed if p.severity == "error"], [p for _, p in keyed if p.severity != "error"]


def duplicate_id_problems(validation: Validation) -> list[Problem]:
    """A fact id is unique across all tables, and never both accepted and rejected."""
    seen: dict[str, str] = {}
    problems = []
    for name, loaded in validation.loaded.items():  # the typed columns the frames were made from (no pandas walk)
        for line, fact_id in zip((r.line for r in loaded.records), loaded.columns["fact_id"]):
            if fact_id is None:
                continue
            if fact_id in seen and seen[fact_id] != name:
                problems.append(Problem(f"validated/{name}.csv", int(line), "fact_id", "unique across tables", fact_id,
                                        f"also in validated/{seen[fact_id]}.csv"))
            seen.setdefault(fact_id, name)
    if validation.rejected_table is not None:
        rejected = validation.rejected_table
        for line, cid in zip(rejected.lines, rejected.columns["candidate_id"]):
            if cid is not None and cid in seen:
                problems.append(Problem("validated/rejected.csv", int(line), "candidate_id", "decided once", cid,
                                        f"also accepted in validated/{seen[cid]}.csv"))
    return problems


def consistency_problems(tables: dict[str, tuple[list[int], dict[str, list]]], docs: dict[str, Document],
                         severities: dict[str, str]) -> tuple[list[Problem], dict[str, dict]]:
    """Cross-row and cross-table checks; each failure names table, line, source and quote."""
    bad = [Problem("params.yaml", None, f"checks.{n}", "known check", n, f"known checks: {', '.join(CHECKS)}")
           for n in sorted(set(severities) - set(CHECKS))]
    bad += [Problem("params.yaml", None, f"checks.{n}", "severity", str(v), f"expected one of: {', '.join(SEVERITIES)}")
            for n, v in sorted(severities.items()) if v not in SEVERITIES]
    if bad:
        raise InputError(bad, "params.yaml is invalid")
    facts = fact_records(tables, {sid: d.published for sid, d in docs.items()})
    failures = failing_rows(facts, [n for n in CHECKS if severities.get(n, "error") != "off"])
    by_label = {f["label"]: f for f in facts} if failures else {}
    problems, summary = [], {n: {"severity": severities.get(n, "error"), "failed": 0} for n in CHECKS}
    for (check, idx), why in failures.items():
        row = by_label[idx]
        severity = severities.get(check, "error")
        summary[check]["failed"] += 1
        problems.append(Problem(f"validated/{row['table']}.csv", int(row["line"]), None, check, None,
                                f"{why} [source {row['source_id']}: {shorten(row['quote'], 80)!r}]", severity))
    for n, entry in summary.items():
        entry["passed"] = entry["severity"] != "off" and entry["failed"] == 0
    return problems, summary


def covering_rejections(rejected: LoadedTable, candidates: Candidates) -> tuple[set[str], list[Problem]]:
    """The rejected ids that still decide their candidate, and a warning for each that no longer does.

    A candidate whose rejection no longer covers it (:func:`rejection_covers`) is
    pending again and blocks publishing, instead of being silently rejected unread.
    """
    if not rejected.records:
        return set(), []
    quote_now = {row["candidate_id"]: row["quote"] for row in candidates.rows}
    covering, stale = set(), []
    for line, cid, quote in zip(rejected.lines, rejected.columns["candidate_id"], rejected.columns["quote"]):
        row = {"quote": quote}
        if cid not in quote_now or rejection_covers(row["quote"], quote_now[cid]):
            covering.add(cid)
        else:
            stale.append(Problem("validated/rejected.csv", int(line), "quote", "rejection matches its candidate",
                                 shorten(row["quote"]), f"candidate {cid} now quotes {shorten(quote_now[cid])!r}: "
                                 f"the rejection no longer applies; review it again", "warning"))
    return covering, stale


def unclaimed_figures(figures: dict[str, FigureRecord], tables: dict[str, LoadedTable], dismissed: LoadedTable,
                      docs: dict[str, Document], facts: dict[str, list[dict]] | None = None,
                      ) -> tuple[list[FigureRecord], list[Problem]]:
    """The flagged figures still open, and a warning for each dismissal that no longer covers its figure.

    A figure is accounted for by a row that states it (its quote holds the figure and
    its value or change is the figure's) or by a dismissal of the same sentence; a
    dismissal of words the article no longer says leaves the figure open again.
    ``facts`` (each source's rows) saves reading the tables again when the caller has them.
    """
    if facts is None:
        facts = {}
        for loaded in tables.values():
            for row in table_rows(loaded):
                facts.setdefault(row["source_id"], []).append(row)
    dismissal = {row["figure_id"]: (int(line), row) for line, row in zip(dismissed.lines, table_rows(dismissed))}
    still_open, stale = [], []
    for figure in figures.values():
        if not figure.flagged:
            continue  # never open: no sentence to look up
        found = dismissal.get(figure.id)
        now = sentence_text(docs, figure)
        if figure_is_open(figure, facts.get(figure.source_id, ()), found and found[1], now):
            still_open.append(figure)
            if found is not None:
                stale.append(Problem("validated/dismissed.csv", found[0], "quote", "dismissal matches its figure",
                                     shorten(found[1]["quote"]), f"figure {figure.id} now stands in "
                                     f"{shorten(now)!r}: the dismissal no longer applies; review it again", "warning"))
    return still_open, stale


def table_rows(loaded: LoadedTable) -> list[dict]:
    """Each row of a table as a dict of its typed values (an empty cell None), in file order."""
    names = list(loaded.columns)
    return [dict(zip(names, values)) for values in zip(*loaded.columns.values())]


def figure_severity(severities: dict[str, str]) -> str:
    severity = severities.get(UNCLAIMED_FIGURES, "error")
    if severity not in SEVERITIES:
        raise InputError([Problem("params.yaml", None, f"checks.{UNCLAIMED_FIGURES}", "severity", str(severity),
                                  f"expected one of: {', '.join(SEVERITIES)}")], "params.yaml is invalid")
    return severity


def pending_candidates(candidates: Candidates, decided: set[str]) -> list[dict]:
    """The undecided candidates with their CSV line."""
    return [{**row, "line": line} for line, row in zip(candidates.lines, candidates.rows)
            if row["candidate_id"] not in decided]


@dataclass(frozen=True)
class Candidates:
    """The candidate table as strings: one dict per row, and the CSV line each starts on (to point a pending one at)."""

    rows: list[dict[str, str]]
    lines: list[int]
    #: :attr:`digests` as worked out when the rows were read (kept with them by the stage's cache), if it was
    known_digests: dict[str, str] | None = field(default=None, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.rows)

    @functools.cached_property
    def by_id(self) -> dict[str, dict[str, str]]:
        """Each row by its candidate id."""
        return {row["candidate_id"]: row for row in self.rows}

    @functools.cached_property
    def digests(self) -> dict[str, str]:
        """Each row's :func:`candidate_digest` by its candidate id (a cache key of every source that names it)."""
        if self.known_digests is not None:
            return self.known_digests
        return {cid: candidate_digest(row) for cid, row in self.by_id.items()}

    @classmethod
    def of(cls, candidates: Candidates | pd.DataFrame) -> Candidates:
        """The table itself, or the rows of a frame of strings indexed by line (as tests write them)."""
        if isinstance(candidates, Candidates):
            return candidates
        columns = list(candidates.columns)
        rows = [dict(zip(columns, values)) for values in zip(*(candidates[c].tolist() for c in columns))]
        return cls(rows, [int(line) for line in candidates.index])


def read_candidates(path: Path) -> Candidates:
    """The candidate table as strings, with each row's CSV line."""
    records = read_csv_records(path, schemas.CANDIDATES.columns, relative(path))
    return Candidates([r.values for r in records], [r.line for r in records])  # each record's cells, in column order


def read_documents(path: Path) -> tuple[dict[str, Document], dict[str, str]]:
    """The documents by source id, and the :func:`text_digest` of each (the row checks' cache keys need them)."""
    docs = {d.source_id: d for d in iter_documents(path)}
    return docs, {sid: text_digest(doc) for sid, doc in docs.items()}


def figure_values(path: Path) -> list[dict[str, str]]:
    """:func:`tradestats.review.read_figures` as each figure's cells, in its order: what the stage's cache keeps (a
    list of dicts pickles and loads in half the time of as many records)."""
    return [f.values for f in read_figures(path, relative(path)).values()]


def candidate_parts(path: Path) -> tuple[list[dict[str, str]], list[int], dict[str, str]]:
    """:func:`read_candidates` as plain data, with each row's digest: what the stage's cache keeps (plain lists and
    dicts, not this module's classes, which a pickle made by the stage's program would name as ``__main__``'s)."""
    candidates = read_candidates(path)
    return candidates.rows, candidates.lines, candidates.digests


def read_extraction(cache_dir: Path | None, documents: Path | None = None, figures_path: Path | None = None,
                    candidates_path: Path | None = None
                    ) -> tuple[tuple[dict[str, Document], dict[str, str]], dict[str, FigureRecord], Candidates]:
    """The documents (with their texts' digests), figures and candidates the stage checks against, each parsed
    once per content of its file.

    Adding a reviewed article changes validated/ only: these files are byte for byte
    what the last run read, and parsing them was a quarter of the run. Each is read back
    from ``cache_dir`` while its bytes, its parsing code and its columns are the same
    (:func:`tradestats.parsed_cache.cached_parse`); without ``cache_dir`` each is parsed. A path not given is
    the extraction's file in build/.
    """
    documents, figures_path = documents or DOCUMENTS, figures_path or FIGURES
    candidates_path = candidates_path or CANDIDATES
    csv_code = Path(csvio_module.__file__)
    docs = cached_parse(documents, read_documents, "documents",
                        code_digest(Path(documents_module.__file__), Path(__file__)), cache_dir)
    figure_cells = cached_parse(figures_path, figure_values, "figures",
                                digest([code_digest(Path(review_module.__file__), Path(__file__), csv_code),
                                        schemas.FIGURES.columns]), cache_dir)
    figures = {f.id: f for f in map(FigureRecord, figure_cells)}
    rows, lines, digests = cached_parse(candidates_path, candidate_parts, "candidates",
                                        digest([code_digest(Path(__file__), csv_code), schemas.CANDIDATES.columns]),
                                        cache_dir)
    return docs, figures, Candidates(rows, lines, digests)


def interrupted_review(validated_dir: Path) -> list[Problem]:
    """A review command that died mid-write leaves its journal; its tables may be half-applied."""
    if (validated_dir / JOURNAL).exists():
        return [Problem(f"validated/{JOURNAL}", None, None, "no interrupted review", None,
                        "a `review` command was interrupted while writing validated/; run `review status` "
                        "to roll its change back, then rerun")]
    return []


def validate(validated_dir: Path, docs: dict[str, Document], candidates: Candidates | pd.DataFrame,
             severities: dict[str, str] | None = None, figures: dict[str, FigureRecord] | None = None,
             cache_dir: Path | None = None, text_hashes: dict[str, str] | None = None) -> Validation:
    """Every check of the stage; ``figures`` (the extraction's figures table) adds the check on flagged figures.

    With ``cache_dir``, the row checks of a source whose text, rows and candidates are
    unchanged since the last run are read from there instead of run again; ``text_hashes``
    (each document's :func:`text_digest`) saves hashing the texts for their keys.
    """
    severities = dict(severities or {})
    candidates = Candidates.of(candidates)
    result = Validation(figure_severity=figure_severity(severities))
    severities.pop(UNCLAIMED_FIGURES, None)
    result.problems += interrupted_review(validated_dir)
    for name, table in schemas.VALIDATED.items():
        label = f"validated/{name}.csv"
        loaded = load_table_parts(table, validated_dir / f"{name}.csv", label)
        result.loaded[name] = loaded
        result.problems += loaded.problems
    wrong_cells = {(p.file, p.line, p.column) for p in result.problems}
    # the cross-row checks need the tables only: worked out beside the row checks, on another core
    cross_rows = Beside(lambda: consistency_problems(without_bad_rows(result.loaded, wrong_cells), docs, severities))
    cache = SourceCache(cache_dir / ROW_CACHE if cache_dir is not None else None)
    grouped = rows_by_source(result.loaded)
    row_errors, drift = row_check_problems(grouped, docs, candidates, cache, text_hashes)
    result.problems += row_errors
    # a quote off its offsets is one mistake: its offsets differing from the candidate's say it again
    off_offsets = {(p.file, p.line) for p in row_errors if p.check == "quote matches source"}
    result.warnings += [w for w in drift if (w.file, w.line, w.column) not in wrong_cells
                        and not ((w.file, w.line) in off_offsets and w.column in ("char_start", "char_end"))]
    result.stats_cache = {"sources": len(cache.fresh), "from_cache": cache.hits}
    cache.save()
    rejected = load_table_parts(schemas.REJECTED, validated_dir / "rejected.csv", "validated/rejected.csv")
    result.rejected_table = rejected
    result.problems += rejected.problems
    dismissed = load_table_parts(schemas.DISMISSED, validated_dir / "dismissed.csv", "validated/dismissed.csv")
    result.dismissed_table = dismissed
    result.problems += dismissed.problems
    result.problems += duplicate_id_problems(result)
    result.unreadable = [f"validated/{name}.csv" for name, loaded in
                         [*result.loaded.items(), ("rejected", rejected), ("dismissed", dismissed)]
                         if loaded.unreadable]
    accepted = {fid for loaded in result.loaded.values() for fid in loaded.columns["fact_id"] if fid is not None}
    rejected_ids, stale = covering_rejections(rejected, candidates)
    result.pending = [] if result.unreadable else pending_candidates(candidates, accepted | rejected_ids)
    if not result.problems and not result.pending:  # the output, made while the cross-row checks finish beside
        result.checked = checked_texts(result.loaded)
    consistency, result.checks = cross_rows.result()
    result.problems += [p for p in consistency if p.severity == "error"]
    result.warnings += [p for p in consistency if p.severity == "warning"]

    result.problems = with_undo_hints(result.problems, result.loaded)
    result.warnings += stale
    if figures is not None and result.figure_severity != "off" and not result.unreadable:
        facts = {sid: [r.row for r in rows] for sid, rows in grouped.items()}
        result.open_figures, stale_dismissals = unclaimed_figures(figures, result.loaded, dismissed, docs, facts)
        result.warnings += stale_dismissals
        if result.figure_severity == "warning":
            result.warnings += [figure_problem(f, docs, "warning") for f in result.open_figures]
    flagged = [f for f in (figures or {}).values() if f.flagged]
    current = {row["candidate_id"] for row in candidates.rows}
    result.stats = {
        "rows": {name: len(loaded.records) for name, loaded in result.loaded.items()},
        "candidates": int(len(candidates)),
        "accepted": len(accepted & current),
        "rejected": len(rejected_ids & current),
        "pending": len(result.pending),
        "hand_added": sum(loaded.columns["review"].count("added") for loaded in result.loaded.values()),
        "corrected": sum(loaded.columns["review"].count("corrected") for loaded in result.loaded.values()),
        "stale_accepted": len({i for i in accepted if str(i).startswith("c")} - current),
        "stale_rejected": len(rejected_ids - current),
        "quotes_checked": sum(len(loaded.records) for loaded in result.loaded.values()),
        "figures": len(figures or {}),
        "figures_flagged": len(flagged),
        "figures_dismissed": len(dismissed.records),
        "figures_unclaimed": len(result.open_figures),
        "errors": len(result.problems),
        "warnings": len(result.warnings),
        "conflicts": result.checks.get("sources_agree", {}).get("failed", 0),
        "checks_passed": sum(1 for c in result.checks.values() if c["passed"]),
        "checks_run": sum(1 for c in result.checks.values() if c["severity"] != "off"),
    }
    return result


def without_bad_rows(tables: dict[str, LoadedTable], wrong_cells: set[tuple]) -> dict[str, tuple[list[int], dict]]:
    """Each table's lines and typed columns without the rows a cell error was found on: the cross-row checks would
    only repeat the error in other words (a value of -5 breaking the sum of the flows), so they check those rows
    once they are fixed."""
    out = {}
    for name, loaded in tables.items():
        bad = {line for file, line, _ in wrong_cells if file == f"validated/{name}.csv" and line is not None}
        lines = loaded.lines
        if bad and lines:
            keep = [i for i, line in enumerate(lines) if line not in bad]
            out[name] = ([lines[i] for i in keep], {c: [v[i] for i in keep] for c, v in loaded.columns.items()})
        else:
            out[name] = (lines, loaded.columns)
    return out


def with_undo_hints(problems: list[Problem], tables: dict[str, LoadedTable]) -> list[Problem]:
    """A problem on a row added by hand names the row's id and the `review undo` that takes it out again."""
    if not problems:
        return problems
    added: dict[tuple[str, int], str] = {}
    for name, loaded in tables.items():
        for line, review, fact_id in zip(loaded.lines, loaded.columns["review"], loaded.columns["fact_id"]):
            if review == "added" and isinstance(fact_id, str):
                added[(f"validated/{name}.csv", int(line))] = fact_id
    out = []
    for p in problems:
        fact_id = added.get((p.file, p.line)) if p.line is not None else None
        if fact_id is not None:
            p = replace(p, message=f"{p.message} (hand-added row {fact_id}: `review undo {fact_id}` removes it; "
                                   f"then `review add` it again with the fix)")
        out.append(p)
    return out


def blocked(result: Validation) -> bool:
    """Whether the tables may not be published: an error, a pending candidate, or an open flagged figure."""
    return bool(result.problems or result.pending or (result.open_figures and result.figure_severity == "error"))


def figure_problem(figure: FigureRecord, docs: dict[str, Document], severity: str) -> Problem:
    return Problem("build/figures.csv", None, "figure_id", UNCLAIMED_FIGURES, figure.id,
                   f"{figure.values['text']!r} in {figure.source_id} is used by no candidate and stated by no row: "
                   f"{shorten(sentence_text(docs, figure), 110)!r}", severity)


def describe_candidate(row: dict) -> str:
    """One line a keeper can judge a candidate by: what, between whom, when, how much."""
    period = f"{row['period_start'] or '?'}..{row['period_end'] or ''}" if row["period_start"] else "no period"
    figures = [f"value={row['value']} {row['unit']} ({row['qualifier']})" if row["value"] else "",
               f"growth={row['growth_ratio']}" if row["growth_ratio"] else "",
               f"change={row['change_value']} {row['unit']}" if row["change_value"] else ""]
    what = row["table"] + (f" {row['flow']} {row['commodity']!r}" if row["table"] == "commodities" else "")
    return f"{what} {row['reporter']}-{row['partner']} {period} " + " ".join(f for f in figures if f)


def per_source(items: list, source_of) -> str:
    counts: dict[str, int] = {}
    for item in items:
        counts[source_of(item)] = counts.get(source_of(item), 0) + 1
    shown = ", ".join(f"{sid} {n}" for sid, n in list(counts.items())[:5])
    return shown + (f", and {len(counts) - 5} more sources" if len(counts) > 5 else "")


def review_stop_message(pending: list[dict], figures: list[FigureRecord], shown: int = 5) -> str:
    """The stop for review, as one block: what waits, where, and the command that shows it.

    This is the pipeline's normal pause, not a failure, so it reads as a stop: nothing
    was published, the package in data/ is as it was, and the next step is named in a
    form that works without an activated environment.
    """
    lines = ["validate: stopped for review; nothing was published (the package in data/ is unchanged)"]
    if pending:
        lines.append(f"  {len(pending)} candidate{'s' if len(pending) != 1 else ''} await{'' if len(pending) != 1 else 's'} "
                     f"review ({per_source(pending, lambda r: r['source_id'])}): run `review show`")
        lines += [f"    {r['candidate_id']}  {r['source_id']}  {describe_candidate(r)}" for r in pending[:shown]]
        lines += [f"    ... and {len(pending) - shown} more"] if len(pending) > shown else []
    if figures:
        lines.append(f"  {len(figures)} flagged figure{'s' if len(figures) != 1 else ''} await{'' if len(figures) != 1 else 's'} "
                     f"a decision ({per_source(figures, lambda f: f.source_id)}): run `review show`")
        lines += [f"    {f.id}  {f.source_id}  {f.values['text']!r}" for f in figures[:shown]]
        lines += [f"    ... and {len(figures) - shown} more"] if len(figures) > shown else []
    lines.append(f"  without an activated environment: `{REVIEW_COMMAND} show`, or `make review`")
    if pending:
        lines.append(f"  then {REVIEW_HINT}")
    if figures:
        lines.append(f"  for a figure: {FIGURE_HINT}")
    return "\n".join(lines)


def pending_message(pending: list[dict], limit: int = 50) -> str:
    """Each pending candidate with its line in build/candidates.csv (for the report; the stage prints the stop)."""
    lines = [f"{len(pending)} candidate(s) are pending review: nothing unreviewed is published."]
    for row in pending[:limit]:
        where = f"build/candidates.csv:{row['line']}" if "line" in row else "build/candidates.csv"
        lines.append(f"  {where} candidate_id {row['candidate_id']} ({row['source_id']}): {describe_candidate(row)}")
        lines.append(f"      {shorten(row['quote'], 110)!r}")
    if len(pending) > limit:
        lines.append(f"  ... and {len(pending) - limit} more")
    return "\n".join(lines)


def write_report(path: Path, result: Validation) -> None:
    """The metrics DVC tracks (numbers only, so `dvc metrics show` and `dvc metrics diff` stay readable)."""
    report = {**result.stats, "passed": not blocked(result)}
    write_text_atomic(path, json.dumps(report, indent=2, sort_keys=True) + "\n")


def markdown_report(result: Validation) -> str:
    """The human-readable report: what was checked, what failed, what to look at."""
    st = result.stats
    verdict = "FAILED" if blocked(result) else "passed"
    lines = [f"# Validation report: {verdict}", "",
             f"{st['candidates']} candidates: {st['accepted']} accepted (of which {st['corrected']} corrected), "
             f"{st['rejected']} rejected, {st['pending']} pending; {st['hand_added']} added by hand; "
             f"{st['quotes_checked']} quotes checked against their sources.", "",
             f"{st['figures']} figures stated in the articles, {st['figures_flagged']} flagged for review (no "
             f"candidate uses them): {st['figures_dismissed']} dismissed, {st['figures_unclaimed']} still open.", "",
             "| table | rows |", "|---|---|"]
    lines += [f"| {name} | {n} |" for name, n in st["rows"].items()]
    lines += ["", "## Consistency checks", "", "| check | severity | failures | what it checks |", "|---|---|---|---|"]
    lines += [f"| `{name}` | {c['severity']} | {c['failed']} | {CHECKS[name].description} |"
              for name, c in result.checks.items()]
    for title, problems in (("Errors", result.problems), ("Warnings and conflicts", result.warnings)):
        lines += ["", f"## {title}", ""]
        lines += [f"- `{p.location()}` **{p.check}**{' ' + repr(p.value) if p.value else ''}: {p.message}"
                  for p in problems[:300]] or ["None."]
    if result.pending:
        lines += ["", "## Pending candidates", ""]
        lines += [f"- `{r['candidate_id']}` {r['source_id']} {r['table']}: {shorten(r['quote'], 100)}"
                  for r in result.pending[:300]]
    if result.open_figures:
        lines += ["", f"## Flagged figures ({result.figure_severity})", ""]
        lines += [f"- `{f.id}` {f.source_id} **{f.values['text']}**" for f in result.open_figures[:300]]
    return "\n".join(lines) + "\n"


def checked_texts(tables: dict[str, LoadedTable]) -> dict[str, str]:
    """Each fact table's checked CSV: canonical formatting, sorted by source and position (stable bytes, small diffs).

    The rows are written from the cells as read, each in the text its typed value is written as
    (:func:`tradestats.tables.canonical_rows`), in the order of their typed source, start and id.
    """
    texts = {}
    for name, table in schemas.FACT_TABLES.items():
        loaded = tables[name]
        keys = [tuple((1, 0) if v is None else (0, v) for v in row)  # a missing value last, as pandas sorts it
                for row in zip(*(loaded.columns[c] for c in ("source_id", "char_start", "fact_id")))]
        order = sorted(range(len(keys)), key=keys.__getitem__)
        texts[name] = csv_text(table.columns, canonical_rows(table, [loaded.records[i] for i in order]))
    return texts


def write_checked(out_dir: Path, result: Validation) -> None:
    """Each table's :func:`checked_texts` (as :func:`validate` worked them out, else now), written atomically."""
    texts = result.checked if result.checked is not None else checked_texts(result.loaded)
    for name, text in texts.items():
        write_text_atomic(out_dir / f"{name}.csv", text)


def main(argv: list[str] | None = None) -> None:
    parser = stage_parser("validate", __doc__)
    parser.add_argument("--validated", type=Path, default=VALIDATED, metavar="DIR",
                        help=f"folder of the hand-validated tables (default: {relative(VALIDATED)})")
    parser.add_argument("--report", type=Path, default=REPORT, metavar="FILE",
                        help=f"the metrics to write; the readable report goes beside it as .md (default: {relative(REPORT)})")
    parser.add_argument("--out", type=Path, default=CHECKED, metavar="DIR",
                        help=f"folder for the checked tables (default: {relative(CHECKED)})")
    parser.add_argument("--no-cache", action="store_true",
                        help="check every source's rows and parse every input again, ignoring (and not writing) "
                             "build/validate-cache")
    args = parser.parse_args(argv)

    cache_dir = None if args.no_cache else CACHE
    (docs, text_hashes), figures, candidates = read_extraction(cache_dir)
    result = validate(args.validated, docs, candidates, params("checks"), figures, cache_dir=cache_dir,
                      text_hashes=text_hashes)
    write_report(args.report, result)
    write_text_atomic(args.report.with_suffix(".md"), markdown_report(result))
    stop = blocked(result)
    if result.warnings:
        print(format_problems(result.warnings, "validate: warnings" + ("" if stop else " (published anyway)")),
              file=sys.stderr)
    if result.problems:
        print(format_problems(result.problems, "validate: the hand-validated tables have problems; nothing was "
                                               "published"), file=sys.stderr)
    if result.unreadable:
        print(f"validate: pending candidates are counted once {', '.join(result.unreadable)} can be read",
              file=sys.stderr)
    open_figures = result.open_figures if result.figure_severity == "error" else []
    if result.pending or open_figures:
        print(review_stop_message(result.pending, open_figures), file=sys.stderr)
    if stop:
        sys.exit(1)
    write_checked(args.out, result)
    rows = ", ".join(f"{k} {v}" for k, v in result.stats["rows"].items())
    print(f"validate: passed ({rows}; {result.stats['rejected']} rejected; "
          f"{result.stats['quotes_checked']} quotes checked; row checks of {result.stats_cache.get('from_cache', 0)} "
          f"of {result.stats_cache.get('sources', 0)} sources unchanged since the last run, from the cache) -> "
          f"{relative(args.out)}", file=sys.stderr)


if __name__ == "__main__":
    run_stage(main)

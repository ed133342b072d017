"""Review decisions over stable candidate ids: what is pending, what went stale, and
applying a batch of decisions to ``validated/`` all at once.

The candidates of the last extraction (``build/candidates.csv``) are proposals; the
tables in ``validated/`` are decisions, plain CSV so git shows every one. A decision
is tied to its candidate by the candidate's stable id, so it survives re-extraction
of unchanged text. This is the library behind the ``review`` command
(:mod:`stages.review`): it reads both sides, checks a batch of decisions against the
schemas and the source texts, and then writes every changed table or none.
"""
from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

import yaml

import schemas
from schemas.consistency import CHECKS, fact_records
from schemas.model import Field, Table, reference_values
from tradestats.csvio import CsvRecord, csv_text, neutralised, read_csv_records, restored
from tradestats.documents import Document, iter_documents
from tradestats.errors import InputError, Problem, shorten
from tradestats.tables import convert_cell, format_cell, typed_columns
from tradestats.transaction import commit_texts, recover_interrupted

#: Fields of a candidate a keeper may correct. Provenance (source, quote, offsets) is
#: never edited: a different quote is a different fact, added with ``review add``.
EDITABLE = ("table", "reporter", "partner", "flow", "period_start", "period_end", "value", "unit", "qualifier",
            "growth_ratio", "commodity", "hs_code", "change_value")
PROVENANCE = ("source_id", "quote", "char_start", "char_end")
#: Every file in ``validated/`` and its columns; "rejected" is the table of rejected candidates, "dismissed" the
#: table of dismissed figures (flagged figures that are not trade statistics).
REJECTED = "rejected"
DISMISSED = "dismissed"
TABLES: dict[str, Table] = {**schemas.VALIDATED, REJECTED: schemas.REJECTED, DISMISSED: schemas.DISMISSED}
#: How a row entered ``validated/`` (the ``review`` column), or that it was rejected or dismissed.
DECISION_KINDS = ("accepted", "corrected", "added", REJECTED, DISMISSED)

#: The review queue: one line per pending candidate, the decision first, the editable
#: fields as the extractor proposed them, the quote for reading and a fingerprint of
#: the candidate so a queue exported before a re-extraction is not applied blindly.
QUEUE_COLUMNS = ("decision", "candidate_id", *EDITABLE, "reason", "note", "quote", "source_id", "fingerprint")
QUEUE_DECISIONS = ("accept", "correct", "reject")

JOURNAL = ".review-journal.json"


# ----------------------------------------------------------------------------- inputs
@dataclass(frozen=True)
class ReviewPaths:
    """Where the review reads candidates and documents and keeps its decisions."""

    candidates: Path
    documents: Path
    validated: Path
    repo: Path

    figures: Path | None = None

    @classmethod
    def in_repo(cls, repo: Path, candidates: Path | None = None, documents: Path | None = None,
                validated: Path | None = None, figures: Path | None = None) -> "ReviewPaths":
        candidates = candidates or repo / "build" / "candidates.csv"
        return cls(candidates, documents or repo / "build" / "documents.jsonl", validated or repo / "validated", repo,
                   figures or candidates.with_name("figures.csv"))

    def label(self, path: Path) -> str:
        """A path as a keeper would type it: relative to the repository when inside it."""
        try:
            return str(Path(path).resolve().relative_to(self.repo.resolve()))
        except ValueError:
            return str(path)


@dataclass(frozen=True)
class CandidateRecord:
    """One row of the candidates table, as text (the contract in :mod:`schemas.candidates`)."""

    values: Mapping[str, str]

    @property
    def id(self) -> str:
        return self.values["candidate_id"]

    @property
    def source_id(self) -> str:
        return self.values["source_id"]

    @property
    def table(self) -> str:
        return self.values["table"]

    @property
    def quote(self) -> str:
        return self.values["quote"]

    @property
    def position(self) -> tuple[str, int, str]:
        return self.source_id, _int(self.values["char_start"]), self.id

    def fingerprint(self) -> str:
        """A short hash of every column, so a queue line knows whether its candidate changed since export.

        It starts with a letter so a spreadsheet never takes it for a number.
        """
        joined = "\x1f".join(self.values[c] for c in schemas.CANDIDATES.columns)
        return "f" + hashlib.sha1(joined.encode("utf-8")).hexdigest()[:12]

    def proposed(self) -> dict[str, str]:
        """The editable fields the extractor filled in, in the order of :data:`EDITABLE`."""
        return {f: self.values[f] for f in EDITABLE if self.values.get(f, "")}


def read_candidates(path: Path, label: str) -> dict[str, CandidateRecord]:
    """The candidates of the last extraction by id, in source and text order."""
    if not path.exists():
        raise InputError([Problem(label, None, None, "file exists", None,
                                  "no candidates yet: run `dvc repro extract` (or `dvc repro`) first")],
                         "cannot read the candidates")
    records = read_csv_records(path, schemas.CANDIDATES.columns, label)
    found = [CandidateRecord(r.values) for r in records]
    return {c.id: c for c in sorted(found, key=lambda c: c.position)}


@dataclass(frozen=True)
class FigureRecord:
    """One row of the figures table (:mod:`schemas.figures`): a money amount or quantity an article states."""

    values: Mapping[str, str]

    @property
    def id(self) -> str:
        return self.values["figure_id"]

    @property
    def source_id(self) -> str:
        return self.values["source_id"]

    @property
    def span(self) -> tuple[int, int]:
        return _int(self.values["char_start"]), _int(self.values["char_end"])

    @property
    def sentence(self) -> tuple[int, int]:
        return _int(self.values["sentence_start"]), _int(self.values["sentence_end"])

    @property
    def value(self) -> float | None:
        return _float(self.values["value"])

    @property
    def unit(self) -> str:
        return self.values["unit"]

    @property
    def flagged(self) -> bool:
        """Flagged for review: no candidate uses it, and its sentence speaks of trade."""
        return self.values["needs_review"] == "yes" and not self.values["candidate_id"]

    @property
    def position(self) -> tuple[str, int, str]:
        return self.source_id, self.span[0], self.id


def read_figures(path: Path, label: str) -> dict[str, FigureRecord]:
    """The figures of the last extraction by id, in source and text order."""
    if not path.exists():
        raise InputError([Problem(label, None, None, "file exists", None,
                                  "no figures yet: run `dvc repro extract` (or `dvc repro`) first")],
                         "cannot read the figures")
    found = [FigureRecord(r.values) for r in read_csv_records(path, schemas.FIGURES.columns, label)]
    return {f.id: f for f in sorted(found, key=lambda f: f.position)}


def states_figure(fact: Mapping[str, object], figure: FigureRecord) -> bool:
    """Whether a fact row (its cells as text or typed) states a flagged figure, so the figure is accounted for.

    The row must quote the figure's words (its quote span holds the figure) and
    give its number, as the value or as the absolute change, in its unit: a fact
    added with ``review add --figure`` does, and so does a candidate's accepted row.
    """
    if fact.get("source_id") != figure.source_id or fact.get("unit") != figure.unit:
        return False
    start, end = _number(fact.get("char_start")), _number(fact.get("char_end"))
    if start is None or end is None or not (start <= figure.span[0] and figure.span[1] <= end):
        return False
    wanted = figure.value
    return wanted is not None and any(
        (got := _number(fact.get(name))) is not None and abs(abs(got) - wanted) <= 1e-9 * max(abs(wanted), 1.0)
        for name in ("value", "change_value"))


def dismissal_covers(dismissed_quote: str, sentence_now: str) -> bool:
    """Whether a dismissal still decides its figure: the article says the same words there (as for rejections)."""
    return rejection_covers(dismissed_quote, sentence_now)


def read_documents(path: Path, label: str) -> dict[str, Document]:
    if not path.exists():
        raise InputError([Problem(label, None, None, "file exists", None,
                                  "no documents yet: run `dvc repro ingest` (or `dvc repro`) first")],
                         "cannot read the documents")
    return {d.source_id: d for d in iter_documents(path)}


# -------------------------------------------------------------------------- decisions
@dataclass(frozen=True)
class Decision:
    """One recorded decision: a row of a validated fact table, of ``rejected.csv`` or of ``dismissed.csv``."""

    table: str  # a fact table name, "rejected" or "dismissed"
    row: Mapping[str, str]

    @property
    def id(self) -> str:
        return self.row[TABLES[self.table].primary_key[0]]

    @property
    def kind(self) -> str:
        """accepted | corrected | added | rejected | dismissed."""
        return self.table if self.table in (REJECTED, DISMISSED) else self.row["review"]

    @property
    def file(self) -> str:
        return f"{self.table}.csv"

    @property
    def sort_key(self) -> tuple[str, int, str]:
        """Source, then position in the text, then id: new rows land where a reader expects them.

        A rejection or a dismissal has no offsets (its candidate or figure may be
        gone), so within a source they are ordered by id alone.
        """
        position = -1 if self.table in (REJECTED, DISMISSED) else _int(self.row["char_start"])
        return self.row["source_id"], position, self.id


@dataclass
class Decisions:
    """The tables of ``validated/`` in memory, rows as text, indexed by id.

    Rows are kept exactly as read; only the tables a decision touched are written
    back (sorted), so a review never rewrites a file it had no reason to change.
    """

    by_id: dict[str, Decision]
    touched: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, folder: Path, label: str = "validated") -> "Decisions":
        by_id: dict[str, Decision] = {}
        problems: list[Problem] = []
        for name, table in TABLES.items():
            file_label = f"{label}/{name}.csv"
            for rec in read_csv_records(folder / f"{name}.csv", table.columns, file_label):
                decision = Decision(name, rec.values)
                if decision.id in by_id:
                    problems.append(Problem(file_label, rec.line, table.columns[0], "decided once", decision.id,
                                            f"also in {label}/{by_id[decision.id].file}; remove one of the two rows"))
                by_id[decision.id] = decision
        if problems:
            raise InputError(problems, f"{label}/ records an id twice; fix it by hand before reviewing")
        return cls(by_id)

    def get(self, decision_id: str) -> Decision | None:
        return self.by_id.get(decision_id)

    def put(self, decision: Decision) -> None:
        old = self.by_id.get(decision.id)
        if old is not None:
            self.touched.add(old.table)
        self.by_id[decision.id] = decision
        self.touched.add(decision.table)

    def remove(self, decision_id: str) -> Decision:
        decision = self.by_id.pop(decision_id)
        self.touched.add(decision.table)
        return decision

    def of_table(self, name: str) -> list[Decision]:
        return sorted((d for d in self.by_id.values() if d.table == name), key=lambda d: d.sort_key)

    def table_text(self, name: str) -> str:
        columns = TABLES[name].columns
        return csv_text(columns, ([d.row[c] for c in columns] for d in self.of_table(name)))


#: The checks of one row on its own (``schemas.consistency``), run on a decision before it is written; the
#: cross-row checks (sums, growth against the prior period, sources agreeing) need the whole table: validate.
ROW_CHECKS = ("period_order", "whole_months", "not_after_publication")
#: What each row check expects, in a keeper's words.
CHECK_EXPECTS = {"period_order": "a period_end on or after period_start",
                 "whole_months": "a period from the 1st of a month to the last day of a month",
                 "not_after_publication": "a period that ends by the article's publication date"}
#: Which period field a row check's failure points at.
ROW_CHECK_FIELD = {"period_order": "period_end", "whole_months": "period_start", "not_after_publication": "period_end"}


def row_check_failures(table: str, row: Mapping[str, str], published: str,
                       severities: Mapping[str, str] | None = None) -> dict[str, str]:
    """``{check: explanation}`` for every row check (:data:`ROW_CHECKS`) that ``row`` fails as an error.

    The checks are validate's own functions (``schemas.consistency.CHECKS``), run on a
    one-row table, so a decision is held to exactly the rule validate will apply;
    a check set to ``warning`` or ``off`` in ``params.yaml`` refuses nothing.
    """
    names = [n for n in ROW_CHECKS if (severities or {}).get(n, "error") == "error"]
    columns, problems = typed_columns(schemas.VALIDATED[table], [CsvRecord(0, dict(row))], table)
    if problems or not names:
        return {}  # a cell that does not convert is reported on its own
    facts = fact_records({table: ([0], columns)}, {row["source_id"]: published})
    return {n: why for n in names if (why := CHECKS[n].explain(facts).get(facts[0]["label"]))}


def check_severities(repo: Path) -> dict[str, str]:
    """The ``checks:`` section of the repository's ``params.yaml`` (empty when there is none)."""
    try:
        with open(repo / "params.yaml", encoding="utf-8") as fh:
            return dict((yaml.safe_load(fh) or {}).get("checks") or {})
    except (OSError, yaml.YAMLError):
        return {}


# --------------------------------------------------------------------- checking values
def checked_value(f: Field, text: str) -> tuple[str, str | None]:
    """The canonical text of a cell and why it is invalid (``None`` when valid), judged by its declaration.

    The same rules the validate stage enforces through pandera (type, required, enum,
    pattern, minimum, reference codes), applied to one cell so an error can name the
    exact field a keeper typed before anything is written.
    """
    try:
        value = convert_cell(f, text)
    except ValueError as exc:
        return text, str(exc)
    if value is None:
        return "", ("this field is required" if f.required else None)
    canonical = format_cell(f, value)
    if f.enum and canonical not in f.enum:
        return canonical, f"expected one of: {', '.join(f.enum)}"
    if f.pattern and not re.fullmatch(f"(?:{f.pattern})", canonical):
        return canonical, f"expected the pattern {f.pattern}"
    if f.minimum is not None and float(value) < f.minimum:
        return canonical, f"expected at least {f.minimum:g}"
    if f.reference and canonical not in reference_values(f.reference):
        file_name, column = f.reference.split(":")
        return canonical, f"expected a {column} listed in reference/{file_name}"
    return canonical, None


def canonical(f: Field, text: str) -> str:
    """The canonical text of a cell, or the cell as is when it does not convert (so it compares unequal)."""
    return checked_value(f, text)[0]


def field_of(table: str, name: str) -> Field:
    """The declaration of one editable field as the target table requires it (``table`` is the candidates')."""
    return schemas.CANDIDATES.field(name) if name == "table" else schemas.VALIDATED[table].field(name)


def table_fields(table: str) -> list[str]:
    """The editable fields that are columns of a fact table."""
    return [c for c in schemas.VALIDATED[table].columns if c in EDITABLE]


def parse_corrections(text: str) -> dict[str, str]:
    """``"value=1; unit=USD"`` -> ``{"value": "1", "unit": "USD"}`` (the ``corrected_from`` format)."""
    pairs = (part.partition("=") for part in text.split("; ") if part.strip())
    return {name.strip(): value for name, _, value in pairs}


def format_corrections(original: Mapping[str, str]) -> str:
    return "; ".join(f"{name}={value}" for name, value in original.items())


def corrected_fields(candidate: CandidateRecord, table: str, row: Mapping[str, str]) -> dict[str, str]:
    """The extractor's values of the fields where ``row`` (bound for ``table``) differs from the candidate."""
    original = {}
    for name in EDITABLE:
        if name == "table":
            differs = table != candidate.table
        elif name in table_fields(table):
            differs = row[name] != canonical(field_of(table, name), candidate.values.get(name, ""))
        else:
            differs = False
        if differs:
            original[name] = candidate.values.get(name, "")
    return original


def hand_fact_id(source_id: str, table: str, quote: str, char_start: int, char_end: int,
                 identity: Mapping[str, str]) -> str:
    """``h`` + 12 hex digits of a hash of where a hand-added fact is stated and which fact it is.

    Where (source, table, quote, offsets): adding the same statement twice gives the
    same id, so ``review add`` is idempotent. Which (reporter, partner, flow,
    commodity, period): one sentence can state several facts, e.g. two commodities.
    """
    who = "|".join(identity.get(k, "") for k in ("reporter", "partner", "flow", "commodity", "period_start",
                                                  "period_end"))
    digest = hashlib.sha1(f"{source_id}|{table}|{quote}|{char_start}|{char_end}|{who}".encode("utf-8")).hexdigest()
    return "h" + digest[:12]


def occurrences(text: str, quote: str) -> list[int]:
    """Every offset where ``quote`` starts in ``text`` (overlapping ones too)."""
    found, start = [], text.find(quote)
    while quote and start >= 0:
        found.append(start)
        start = text.find(quote, start + 1)
    return found


# ------------------------------------------------------------------------- operations
@dataclass(frozen=True)
class Origin:
    """Where a decision came from (a queue line, a command), so a problem points at what the keeper typed."""

    label: str
    line: int | None = None
    #: field name -> how the keeper wrote it there, e.g. ``"value" -> "--set value"``.
    columns: Mapping[str, str] = field(default_factory=dict)

    def problem(self, column: str | None, check: str, value: str | None, message: str) -> Problem:
        where = self.columns.get(column, column) if column else None
        return Problem(self.label, self.line, where, check, value, message)


@dataclass(frozen=True)
class Accept:
    """Accept a candidate as extracted, or with ``changes`` as a correction."""

    candidate_id: str
    origin: Origin
    changes: Mapping[str, str] = field(default_factory=dict)
    note: str = ""
    #: The keeper said "correct": at least one field must then differ from the extraction,
    #: and a plain accept must not differ (an edited cell under "accept" is a slip).
    correction: bool = False


@dataclass(frozen=True)
class Reject:
    candidate_id: str
    origin: Origin
    reason: str = ""


@dataclass(frozen=True)
class Add:
    """A fact the extractor missed, stated by ``quote`` in ``source_id``."""

    source_id: str
    table: str
    quote: str
    origin: Origin
    values: Mapping[str, str] = field(default_factory=dict)
    note: str = ""
    char_start: int | None = None
    #: A flagged figure the fact states: the source, quote and offsets are its sentence's, and its value and unit
    #: are the defaults of the row's.
    figure_id: str = ""


@dataclass(frozen=True)
class Dismiss:
    """Dismiss a flagged figure: the article states it, but it is not a trade statistic."""

    figure_id: str
    origin: Origin
    reason: str = ""


@dataclass(frozen=True)
class Undo:
    """Forget the decision on an id: a candidate becomes pending again, a hand-added row goes."""

    decision_id: str
    origin: Origin


Operation = Accept | Reject | Add | Dismiss | Undo


@dataclass(frozen=True)
class Outcome:
    """What one operation did (or, for ``unchanged``, found already done)."""

    id: str
    action: str  # accepted | corrected | rejected | added | dismissed | removed | pruned | unchanged
    message: str

    @property
    def changed(self) -> bool:
        return self.action != "unchanged"


# ----------------------------------------------------------------------------- status
@dataclass
class Counts:
    pending: int = 0
    figures: int = 0  # flagged figures neither stated by a fact nor dismissed
    accepted: int = 0
    corrected: int = 0
    added: int = 0
    rejected: int = 0
    dismissed: int = 0
    stale: int = 0

    def plus(self, other: "Counts") -> "Counts":
        return Counts(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class StaleRow:
    """An accepted or corrected row whose candidate is gone or now reads differently, or a
    rejection whose candidate now quotes other words."""

    decision: Decision
    differences: tuple[str, ...]  # empty: the candidate no longer exists

    @property
    def reason(self) -> str:
        if not self.differences:
            return "its candidate is no longer extracted"
        return ("the row and its candidate now differ (a hand edit, or a changed extractor): "
                + "; ".join(self.differences))


@dataclass(frozen=True)
class Status:
    sources: dict[str, Counts]
    stale: list[StaleRow]
    #: Rejections whose candidate no longer exists (``review status --prune`` drops them).
    gone_rejections: list[Decision]
    #: Dismissals whose figure is no longer extracted (``review status --prune`` drops them too).
    gone_dismissals: list[Decision] = field(default_factory=list)

    @property
    def total(self) -> Counts:
        total = Counts()
        for counts in self.sources.values():
            total = total.plus(counts)
        return total


def stale_differences(decision: Decision, candidate: CandidateRecord) -> list[str]:
    """How the candidate now differs from the kept row, over the fields the keeper did not correct."""
    corrected = parse_corrections(decision.row.get("corrected_from", ""))
    differences = []
    if "table" not in corrected and candidate.table != decision.table:
        differences.append(f"table kept {decision.table}, extracted now {candidate.table}")
    for name in [*table_fields(decision.table), *PROVENANCE]:
        if name in corrected or name == "table":
            continue
        f = schemas.VALIDATED[decision.table].field(name)
        kept, now = canonical(f, decision.row[name]), canonical(f, candidate.values.get(name, ""))
        if kept != now:
            differences.append(f"{name} kept {shorten(kept)!r}, extracted now {shorten(now)!r}")
    return differences


def rejection_covers(rejected_quote: str, candidate_quote: str) -> bool:
    """Whether a rejection still decides the candidate that has its id.

    An id names where a figure stands in a text, not what it says: after an article
    is edited, the same id can carry another figure. An accepted row is held to its
    source by validate's quote check; a rejection keeps only its quote, so it covers
    the candidate only while the candidate still quotes the same words.
    """
    return rejected_quote == candidate_quote


def decides(decision: Decision | None, candidate: CandidateRecord) -> bool:
    """Whether a recorded decision still covers the candidate that has its id (see :func:`rejection_covers`)."""
    if decision is None:
        return False
    return decision.kind != REJECTED or rejection_covers(decision.row["quote"], candidate.quote)


def facts_by_source(decisions: Decisions) -> dict[str, list[Mapping[str, str]]]:
    """The rows of the fact tables, per source: what may state a flagged figure."""
    out: dict[str, list[Mapping[str, str]]] = {}
    for d in decisions.by_id.values():
        if d.table in schemas.VALIDATED:
            out.setdefault(d.row["source_id"], []).append(d.row)
    return out


def figure_is_open(figure: FigureRecord, facts: Sequence[Mapping[str, object]], dismissal: Mapping[str, str] | None,
                   sentence_now: str) -> bool:
    """Whether a figure still waits for a keeper: flagged, stated by no fact row and not (or no longer) dismissed."""
    if not figure.flagged:
        return False
    if dismissal is not None and dismissal_covers(dismissal["quote"], sentence_now):
        return False
    return not any(states_figure(fact, figure) for fact in facts)


def sentence_text(documents: Mapping[str, Document], figure: FigureRecord) -> str:
    doc = documents.get(figure.source_id)
    start, end = figure.sentence
    return doc.text[start:end] if doc is not None else ""


def compute_status(candidates: Mapping[str, CandidateRecord], decisions: Decisions,
                   figures: Mapping[str, FigureRecord] | None = None,
                   documents: Mapping[str, Document] | None = None) -> Status:
    """Counts per source, stale rows and rejections of vanished candidates (and, given the figures and the
    documents, the flagged figures still open and the dismissals that no longer apply)."""
    sources: dict[str, Counts] = {}

    def counts(source_id: str) -> Counts:
        return sources.setdefault(source_id, Counts())

    stale, gone = [], []
    for candidate in candidates.values():
        if not decides(decisions.get(candidate.id), candidate):
            counts(candidate.source_id).pending += 1
    for decision in sorted(decisions.by_id.values(), key=lambda d: (d.sort_key, d.table)):
        c = counts(decision.row["source_id"])
        if decision.kind in DECISION_KINDS:
            setattr(c, decision.kind, getattr(c, decision.kind) + 1)
        candidate = candidates.get(decision.id)
        if decision.kind == REJECTED and candidate is None:
            gone.append(decision)
        elif decision.kind == REJECTED and not decides(decision, candidate):
            c.stale += 1
            stale.append(StaleRow(decision, (f"quote rejected {shorten(decision.row['quote'])!r}, extracted now "
                                             f"{shorten(candidate.quote)!r}: pending again",)))
        elif decision.kind in ("accepted", "corrected"):
            differences = () if candidate is None else tuple(stale_differences(decision, candidate))
            if candidate is None or differences:
                c.stale += 1
                stale.append(StaleRow(decision, differences))
    gone_dismissals = []
    if figures is not None:
        facts = facts_by_source(decisions)
        for figure in figures.values():
            dismissal = decisions.get(figure.id)
            now = sentence_text(documents or {}, figure)
            if figure_is_open(figure, facts.get(figure.source_id, ()), dismissal and dismissal.row, now):
                counts(figure.source_id).figures += 1
                if dismissal is not None:
                    counts(figure.source_id).stale += 1
                    stale.append(StaleRow(dismissal, (f"sentence dismissed {shorten(dismissal.row['quote'])!r}, "
                                                      f"now {shorten(now)!r}: to review again",)))
        gone_dismissals = [d for d in decisions.by_id.values() if d.kind == DISMISSED and d.id not in figures]
    return Status(dict(sorted(sources.items())), stale, gone, sorted(gone_dismissals, key=lambda d: d.sort_key))


# ---------------------------------------------------------------------- the session
class ReviewSession:
    """Candidates, documents and decisions of one review command, and the operations on them.

    Opening a session first rolls back any commit an earlier command left half done,
    so every command starts from a consistent ``validated/``.
    """

    def __init__(self, paths: ReviewPaths) -> None:
        self.paths = paths
        self.recovered = recover_interrupted(paths.validated, JOURNAL) if paths.validated.exists() else []
        self.candidates = read_candidates(paths.candidates, paths.label(paths.candidates))
        self.decisions = Decisions.load(paths.validated, paths.label(paths.validated))
        self._documents: dict[str, Document] | None = None
        self._figures: dict[str, FigureRecord] | None = None
        self._severities: dict[str, str] | None = None

    @property
    def documents(self) -> dict[str, Document]:
        if self._documents is None:
            self._documents = read_documents(self.paths.documents, self.paths.label(self.paths.documents))
        return self._documents

    @property
    def figures(self) -> dict[str, FigureRecord]:
        """The figures of the last extraction, read when a command needs them."""
        if self._figures is None:
            path = self.paths.figures or self.paths.candidates.with_name("figures.csv")
            self._figures = read_figures(path, self.paths.label(path))
        return self._figures

    def file_label(self, table: str) -> str:
        return self.paths.label(self.paths.validated / f"{table}.csv")

    # ------------------------------------------------------------------ reading
    def status(self) -> Status:
        return compute_status(self.candidates, self.decisions, self.figures, self.documents)

    def open_figures(self, source_id: str | None = None) -> list[FigureRecord]:
        """Flagged figures no fact states and no dismissal covers, in source and text order."""
        if source_id is not None:
            self.require_source(source_id)
        facts = facts_by_source(self.decisions)
        return [f for f in self.figures.values() if source_id in (None, f.source_id)
                and figure_is_open(f, facts.get(f.source_id, ()), self._dismissal_row(f.id),
                                   sentence_text(self.documents, f))]

    def _dismissal_row(self, figure_id: str) -> Mapping[str, str] | None:
        d = self.decisions.get(figure_id)
        return d.row if d is not None and d.kind == DISMISSED else None

    def pending(self, source_id: str | None = None) -> list[CandidateRecord]:
        """Undecided candidates in source and text order; an unknown source is an error."""
        if source_id is not None:
            self.require_source(source_id)
        return [c for c in self.candidates.values()
                if not decides(self.decisions.get(c.id), c) and source_id in (None, c.source_id)]

    def require_source(self, source_id: str) -> None:
        known = {c.source_id for c in self.candidates.values()} | set(self.documents)
        if source_id not in known:
            raise InputError([Problem(self.paths.label(self.paths.documents), None, "source_id", "source exists",
                                      source_id, "no such article (its file name in raw/ without .txt)")],
                             "source not found")

    # ------------------------------------------------------------------ writing
    def apply(self, operations: Sequence[Operation], problems: Sequence[Problem] = (),
              write: bool = True) -> list[Outcome]:
        """Check every operation, then write all changed tables at once (unless ``write`` is false: a dry run).

        Operations see the ones before them (accepting an id twice in one batch is
        caught). If any operation, or any of the ``problems`` the caller found while
        reading them, is wrong, raise with all of them and write nothing.
        """
        all_problems = list(problems)
        outcomes = []
        for op in operations:
            result = self._decide(op)
            if isinstance(result, Outcome):
                outcomes.append(result)
            else:
                all_problems.extend(result)
        if all_problems:
            all_problems.sort(key=lambda p: (p.file, p.line or 0))
            raise InputError(all_problems, "nothing was written")
        if write:
            self.save()
        return outcomes

    def prune_rejections(self) -> list[Outcome]:
        """Drop rejections of candidates the extractor no longer proposes."""
        if not self.candidates:
            raise InputError([Problem(self.paths.label(self.paths.candidates), None, None, "candidates present", None,
                                      "the last extraction found no candidates at all; refusing to drop every "
                                      "rejection: run `dvc repro extract` first")], "nothing was pruned")
        outcomes = []
        status = self.status()
        for decision in status.gone_rejections:
            self.decisions.remove(decision.id)
            outcomes.append(Outcome(decision.id, "pruned", f"dropped from {self.file_label(REJECTED)}: its candidate "
                                    f"is no longer extracted (reason was {decision.row['reason']!r})"))
        for decision in status.gone_dismissals:
            self.decisions.remove(decision.id)
            outcomes.append(Outcome(decision.id, "pruned", f"dropped from {self.file_label(DISMISSED)}: its figure "
                                    f"is no longer extracted (reason was {decision.row['reason']!r})"))
        self.save()
        return outcomes

    def save(self) -> list[str]:
        """Write the tables decisions touched (only those whose text changed); return their file names."""
        texts = {f"{name}.csv": self.decisions.table_text(name) for name in sorted(self.decisions.touched)}
        changed = {name: text for name, text in texts.items() if _read_or_none(self.paths.validated / name) != text}
        commit_texts(self.paths.validated, changed, JOURNAL)
        self.decisions.touched.clear()
        return sorted(changed)

    # ------------------------------------------------------------ one operation
    def _decide(self, op: Operation) -> Outcome | list[Problem]:
        if isinstance(op, Accept):
            return self._accept(op)
        if isinstance(op, Reject):
            return self._reject(op)
        if isinstance(op, Add):
            return self._add(op)
        if isinstance(op, Dismiss):
            return self._dismiss(op)
        return self._undo(op)

    def _candidate(self, candidate_id: str, origin: Origin) -> CandidateRecord | Problem:
        candidate = self.candidates.get(candidate_id)
        if candidate is not None:
            return candidate
        return origin.problem("candidate_id", "known id", candidate_id,
                              f"not among the {len(self.candidates)} candidates of the last extraction "
                              f"({self.paths.label(self.paths.candidates)}); check the id, or run `dvc repro extract`")

    def _accept(self, op: Accept) -> Outcome | list[Problem]:
        candidate = self._candidate(op.candidate_id, op.origin)
        if isinstance(candidate, Problem):
            return [candidate]
        o = op.origin
        problems = [o.problem(name, "editable field", name, f"unknown field; editable fields: {', '.join(EDITABLE)}")
                    for name in op.changes if name not in EDITABLE]
        changes = {name: value for name, value in op.changes.items() if name in EDITABLE}
        target, problem = checked_value(schemas.CANDIDATES.field("table"), changes.get("table", candidate.table))
        if problem:
            return problems + [o.problem("table", "valid table", changes.get("table", candidate.table), problem)]
        problems += [o.problem(name, "column of the table", value, f"{target} has no column {name!r}")
                     for name, value in changes.items() if name != "table" and name not in table_fields(target)]
        row, cell_problems = self._fact_cells(target, {**candidate.values, **changes}, o, edited=set(changes))
        problems += cell_problems
        original = corrected_fields(candidate, target, row)
        if op.correction and not original and not problems:
            problems.append(o.problem(next(iter(changes), None), "correction changes a field", None,
                                      "no field differs from the extracted value: accept it instead"))
        if original and not op.correction:
            name = next(iter(original))
            problems.append(o.problem(name, "accepted as extracted", row.get(name, target),
                                      "the field was edited: make the decision 'correct' (with a note), "
                                      "or restore the extracted value"))
        if original and op.correction and not op.note.strip():
            problems.append(o.problem("note", "correction has a note", "", "a correction must say why"))
        problems += self._quote_problems(candidate, o)
        if problems:
            return problems
        review = "corrected" if original else "accepted"
        row.update(fact_id=candidate.id, source_id=candidate.source_id, quote=candidate.quote,
                   char_start=candidate.values["char_start"], char_end=candidate.values["char_end"],
                   note=op.note.strip(), review=review, corrected_from=format_corrections(original))
        problems = self._row_check_problems(target, row, o)
        if problems:
            return problems
        detail = ", ".join(f"{name} {old or '(empty)'} -> {row.get(name, target) or '(empty)'}"
                           for name, old in original.items())
        return self._record(Decision(target, row), o, f"{review} into {self.file_label(target)}"
                            + (f" ({detail})" if detail else ""))

    def _fact_cells(self, table: str, proposed: Mapping[str, str], origin: Origin,
                    edited: set[str]) -> tuple[dict[str, str], list[Problem]]:
        """A fact row with its editable cells canonical and checked against the table's declarations."""
        row = {c: "" for c in schemas.VALIDATED[table].columns}
        problems = []
        for name in table_fields(table):
            text, problem = checked_value(field_of(table, name), proposed.get(name, ""))
            row[name] = text
            if problem:
                hint = "" if name in edited else f" (the extractor proposed {proposed.get(name, '')!r}: correct it)"
                problems.append(origin.problem(name, f"valid {name}", proposed.get(name, ""), problem + hint))
        return row, problems

    def _row_check_problems(self, table: str, row: Mapping[str, str], origin: Origin) -> list[Problem]:
        """Validate's checks of one row (period order, whole months, not after publication), before it is written."""
        doc = self.documents.get(row["source_id"])
        if doc is None:
            return []
        if self._severities is None:
            self._severities = check_severities(self.paths.repo)
        failures = row_check_failures(table, row, doc.published, self._severities)
        return [origin.problem(ROW_CHECK_FIELD[name], name, row.get(ROW_CHECK_FIELD[name], ""),
                               f"{why}: expected {CHECK_EXPECTS[name]} (the validate check {name})")
                for name, why in failures.items()]

    def _quote_problems(self, candidate: CandidateRecord, origin: Origin) -> list[Problem]:
        """The candidate's quote must still be its source's text at its offsets (as validate will check)."""
        doc = self.documents.get(candidate.source_id)
        if doc is None:
            return [origin.problem("source_id", "source exists", candidate.source_id,
                                   f"no such article in {self.paths.label(self.paths.documents)}: rerun `dvc repro`")]
        start, end = _int(candidate.values["char_start"]), _int(candidate.values["char_end"])
        if doc.text[start:end] != candidate.quote:
            return [origin.problem("quote", "quote matches source", shorten(candidate.quote),
                                   f"not at {start}:{end} in the current text of {candidate.source_id}: "
                                   f"rerun `dvc repro extract` and review again")]
        return []

    def _reject(self, op: Reject) -> Outcome | list[Problem]:
        candidate = self._candidate(op.candidate_id, op.origin)
        if isinstance(candidate, Problem):
            return [candidate]
        if not op.reason.strip():
            return [op.origin.problem("reason", "rejection has a reason", "", "say why this is not a trade statistic")]
        row = {"candidate_id": candidate.id, "source_id": candidate.source_id, "quote": candidate.quote,
               "reason": op.reason.strip()}
        return self._record(Decision(REJECTED, row), op.origin, f"rejected into {self.file_label(REJECTED)}")

    def figure(self, figure_id: str, origin: Origin) -> FigureRecord | Problem:
        figure = self.figures.get(figure_id)
        if figure is not None:
            return figure
        label = self.paths.label(self.paths.figures or self.paths.candidates.with_name("figures.csv"))
        return origin.problem("figure_id", "known id", figure_id,
                              f"not among the {len(self.figures)} figures of the last extraction ({label}); check "
                              f"the id (`review show` lists the flagged ones), or run `dvc repro extract`")

    def _dismiss(self, op: Dismiss) -> Outcome | list[Problem]:
        figure = self.figure(op.figure_id, op.origin)
        if isinstance(figure, Problem):
            return [figure]
        if not op.reason.strip():
            return [op.origin.problem("reason", "dismissal has a reason", "",
                                      "say why this figure is not a trade statistic (a target, a contract, aid ...)")]
        if not figure.flagged:
            why = (f"candidate {figure.values['candidate_id']} uses it: decide that candidate"
                   if figure.values["candidate_id"] else "it is not flagged for review")
            return [op.origin.problem("figure_id", "flagged figure", figure.id, f"nothing to dismiss: {why}")]
        row = {"figure_id": figure.id, "source_id": figure.source_id, "text": figure.values["text"],
               "quote": sentence_text(self.documents, figure), "reason": op.reason.strip()}
        return self._record(Decision(DISMISSED, row), op.origin, f"dismissed into {self.file_label(DISMISSED)}")

    def _with_figure(self, op: Add) -> Add | Problem:
        """``op`` with its source, quote, offset, value and unit taken from its figure where the keeper gave none."""
        figure = self.figure(op.figure_id, op.origin)
        if isinstance(figure, Problem):
            return figure
        if op.source_id and op.source_id != figure.source_id:
            return op.origin.problem("source_id", "source of the figure", op.source_id,
                                     f"figure {figure.id} is in {figure.source_id}: leave --source out")
        start, end = figure.sentence
        quote = op.quote or sentence_text(self.documents, figure)
        defaults = {"value": figure.values["value"], "unit": figure.unit}
        values = {**op.values, **{k: v for k, v in defaults.items() if not op.values.get(k)}}
        return replace(op, source_id=figure.source_id, quote=quote, values=values,
                       char_start=op.char_start if op.quote else start)

    def _add(self, op: Add) -> Outcome | list[Problem]:
        if op.figure_id:
            filled = self._with_figure(op)
            if isinstance(filled, Problem):
                return [filled]
            op = filled
        o = op.origin
        table, problem = checked_value(schemas.CANDIDATES.field("table"), op.table)
        if problem:
            return [o.problem("table", "enum", op.table, problem)]
        doc = self.documents.get(op.source_id)
        if doc is None:
            return [o.problem("source_id", "source exists", op.source_id,
                              f"no such article in {self.paths.label(self.paths.documents)} (its file name in raw/ "
                              f"without .txt; after adding an article, run `dvc repro ingest`)")]
        start = self._quote_start(doc, op)
        if isinstance(start, Problem):
            return [start]
        problems = [o.problem(name, "column of the table", value, f"{table} has no column {name!r}")
                    for name, value in op.values.items() if value and name not in table_fields(table)]
        row, row_problems = self._fact_cells(table, op.values, o, edited=set(op.values))
        problems += row_problems
        if problems:
            return problems
        end = start + len(op.quote)
        row.update(fact_id=hand_fact_id(op.source_id, table, op.quote, start, end, row), source_id=op.source_id,
                   quote=op.quote, char_start=str(start), char_end=str(end), note=op.note.strip(), review="added")
        problems = self._row_check_problems(table, row, o)
        if problems:
            return problems
        if op.figure_id and not states_figure(row, self.figures[op.figure_id]):
            figure = self.figures[op.figure_id]
            return [o.problem("value", "states the figure", row.get("value", ""),
                              f"the row must state figure {figure.id} ({figure.values['text']!r} = "
                              f"{figure.values['value']} {figure.unit}) as its value or change, in a quote that holds "
                              f"it; for another fact of the sentence, add it with --quote instead of --figure")]
        return self._record(Decision(table, row), o, f"added to {self.file_label(table)} (quote at {start}:{end})")

    def _quote_start(self, doc: Document, op: Add) -> int | Problem:
        """Where the quote is in the source: found, or at ``char_start`` when it occurs several times."""
        if not op.quote:
            return op.origin.problem("quote", "required", "", "the sentence stating the figure, verbatim")
        found = occurrences(doc.text, op.quote)
        where = ", ".join(str(s) for s in found[:10])
        if op.char_start is not None:
            if doc.text[op.char_start:op.char_start + len(op.quote)] == op.quote:
                return op.char_start
            return op.origin.problem("char_start", "quote at offset", str(op.char_start),
                                     f"the quote is not at {op.char_start} in {doc.source_id}"
                                     + (f"; it occurs at {where}" if found else ""))
        if not found:
            return op.origin.problem("quote", "quote in source", shorten(op.quote),
                                     f"not found verbatim in {doc.source_id} (copy it exactly, quote marks and "
                                     f"spaces included)")
        if len(found) > 1:
            return op.origin.problem("quote", "quote occurs once", shorten(op.quote),
                                     f"occurs {len(found)} times in {doc.source_id} (at {where}): "
                                     f"choose one with --char-start")
        return found[0]

    def _undo(self, op: Undo) -> Outcome | list[Problem]:
        decision = self.decisions.get(op.decision_id)
        if decision is None:
            return [op.origin.problem("candidate_id", "decision exists", op.decision_id,
                                      f"no decision on this id in {self.paths.label(self.paths.validated)}/")]
        self.decisions.remove(decision.id)
        again = (" (pending again)" if decision.id in self.candidates
                 else " (flagged again)" if decision.kind == DISMISSED else "")
        return Outcome(decision.id, "removed", f"{decision.kind} row removed from "
                                               f"{self.file_label(decision.table)}{again}")

    def _record(self, decision: Decision, origin: Origin, message: str) -> Outcome | list[Problem]:
        """Put a decision, unless the same one is already recorded (a no-op) or a different one is (an error)."""
        existing = self.decisions.get(decision.id)
        if existing is None:
            self.decisions.put(decision)
            return Outcome(decision.id, decision.kind, message)
        candidate = self.candidates.get(decision.id)
        if existing.kind == REJECTED and candidate is not None and not decides(existing, candidate):
            self.decisions.put(decision)  # the rejection was of words the article no longer says
            return Outcome(decision.id, decision.kind, f"{message} (replacing the rejection of "
                                                       f"{shorten(existing.row['quote'])!r})")
        if existing.kind == DISMISSED and decision.kind == DISMISSED and existing.row["quote"] != decision.row["quote"]:
            self.decisions.put(decision)  # the dismissal was of words the article no longer says
            return Outcome(decision.id, decision.kind, f"{message} (replacing the dismissal of "
                                                       f"{shorten(existing.row['quote'])!r})")
        if existing.table == decision.table and _same_row(existing, decision):
            return Outcome(decision.id, "unchanged", f"already {existing.kind} in {self.file_label(existing.table)}")
        if existing.kind in (REJECTED, DISMISSED):
            what = f"already {existing.kind} (reason {existing.row['reason']!r})"
        elif existing.table == decision.table:
            what = f"already {existing.kind} with other values ({', '.join(_differing_fields(existing, decision))})"
        else:
            what = f"already {existing.kind}"
        return [origin.problem("candidate_id", "decided once", decision.id,
                               f"{what} in {self.file_label(existing.table)}: to change the decision, run "
                               f"`review undo {decision.id}` first")]


# ------------------------------------------------------------------------- the queue
def queue_text(candidates: Iterable[CandidateRecord]) -> str:
    """The review queue as CSV, with a byte-order mark so spreadsheets open it as UTF-8.

    Every cell that a spreadsheet would run as a formula is :func:`~tradestats.csvio.neutralised`
    (a quote may start with ``=`` or ``@``); :func:`read_queue` restores the exact text.
    """
    rows = ([neutralised(cell) for cell in ["", c.id, *(c.values[f] for f in EDITABLE), "", "", c.quote,
                                            c.source_id, c.fingerprint()]]
            for c in candidates)
    return "\ufeff" + csv_text(QUEUE_COLUMNS, rows)


def read_queue(path: Path, label: str, candidates: Mapping[str, CandidateRecord]
               ) -> tuple[list[Operation], list[Problem], int]:
    """The decisions of a filled-in queue, the problems found reading it, and how many lines were skipped.

    Every line is checked; a blank decision skips its line. Which fields a keeper
    edited is judged against the candidate as exported, so a queue exported before
    a re-extraction is refused line by line rather than misread.
    """
    records = read_csv_records(path, None, label)
    header = list(records[0].values) if records else _header(path)
    missing = [c for c in QUEUE_COLUMNS if c not in header]
    if missing:
        raise InputError([Problem(label, 1, c, "column present", None, f"missing column; export a new queue with "
                                  f"`review export`") for c in missing], f"{label} is not a review queue")
    operations: list[Operation] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    skipped = 0
    for rec in records:
        values = {name: restored(cell) for name, cell in rec.values.items()}
        origin = Origin(label, rec.line)
        decision = values["decision"].strip().lower()
        if not decision:
            skipped += 1
            continue
        if decision not in QUEUE_DECISIONS:
            problems.append(origin.problem("decision", "decision", values["decision"],
                                           f"expected one of: {', '.join(QUEUE_DECISIONS)} (or blank to skip)"))
            continue
        cid = values["candidate_id"].strip()
        candidate = candidates.get(cid)
        if candidate is None:
            problems.append(origin.problem("candidate_id", "known id", cid, "not among the candidates of the last "
                                           "extraction; export a new queue"))
            continue
        if cid in seen:
            problems.append(origin.problem("candidate_id", "decided once", cid, f"also decided on line {seen[cid]}"))
            continue
        seen[cid] = rec.line
        if values["fingerprint"] and values["fingerprint"] != candidate.fingerprint():
            problems.append(origin.problem("fingerprint", "candidate unchanged since export", values["fingerprint"],
                                           "the extractor's reading of this candidate changed after the queue was "
                                           "exported; export a new queue"))
            continue
        # whitespace may be reflowed by a spreadsheet; the words may not change
        read_only = [c for c in ("quote", "source_id") if values[c].split() != candidate.values[c].split()]
        if read_only:
            problems += [origin.problem(c, "read-only", shorten(values[c]), "provenance is never edited; a fact "
                                        "stated by other words is added with `review add`") for c in read_only]
            continue
        if decision == "reject":
            operations.append(Reject(cid, origin, values["reason"]))
        else:
            edits = {f: values[f] for f in EDITABLE if values[f] != candidate.values[f]}
            operations.append(Accept(cid, origin, edits, values["note"], correction=decision == "correct"))
    return operations, problems, skipped


# ---------------------------------------------------------------------- highlighting
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bln": 1e9,
           "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
_FIGURE = re.compile(
    r"(?P<currency>[$€£¥₸]\s?)?(?P<number>\d[\d,]*(?:\.\d+)?)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|mln|bln|bn|tn|[mkb])\b)?"
    r"(?:[\s-]?(?P<suffix>%|(?:times|fold|percent|per cent)\b))?", re.IGNORECASE)


def figure_spans(quote: str, values: Mapping[str, str]) -> list[tuple[int, int]]:
    """Spans of ``quote`` that state the candidate's figures (value, growth, change).

    Used to highlight the figure in its sentence. Falls back to every money, scale or
    growth expression when none matches the proposed numbers (a misread figure is
    exactly what the keeper should look at).
    """
    wanted = {abs(v) for k in ("value", "change_value") if (v := _float(values.get(k, ""))) is not None}
    ratio = _float(values.get("growth_ratio", ""))
    matched, figures = [], []
    for m in _FIGURE.finditer(quote):
        try:
            number = float(m["number"].replace(",", ""))
        except ValueError:
            continue
        amount = number * _SCALES.get((m["scale"] or "").lower(), 1)
        suffix = (m["suffix"] or "").lower()
        if m["currency"] or m["scale"] or suffix:
            figures.append(m.span())
        is_growth = ratio is not None and (
            suffix in ("times", "fold") and abs(number - ratio) < 1e-9
            or suffix in ("%", "percent", "per cent") and min(abs(1 + number / 100 - ratio),
                                                              abs(1 - number / 100 - ratio)) < 1e-9)
        if is_growth or not suffix and any(abs(amount - w) <= 1e-9 * max(abs(w), 1) for w in wanted):
            matched.append(m.span())
    return matched or figures


# --------------------------------------------------------------------------- helpers
def _int(text: str, default: int = -1) -> int:
    try:
        return int(text)
    except (TypeError, ValueError):
        return default


def _number(cell: object) -> float | None:
    """A cell as a number, whether it is text (a row of ``validated/``) or typed (a checked frame); None if empty."""
    if cell is None or cell == "":
        return None
    try:
        number = float(cell)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if number != number else number  # NaN and pandas' NA are empty cells


def _float(text: str) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None


def _same_row(a: Decision, b: Decision) -> bool:
    """Equal decisions, cell by cell in canonical form (a hand-typed ``12.50`` equals ``12.5``)."""
    return not _differing_fields(a, b)


def _differing_fields(a: Decision, b: Decision) -> list[str]:
    return [f.name for f in TABLES[a.table].fields
            if canonical(f, a.row.get(f.name, "")) != canonical(f, b.row.get(f.name, ""))]


def _read_or_none(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None


def _header(path: Path) -> list[str]:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        return next(csv.reader(fh), [])

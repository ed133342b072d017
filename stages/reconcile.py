"""Stage 4, reconcile: checked fact tables -> ``build/series/trade_series.csv``.

Several articles often state the same figure, more or less precisely. The series
keeps one value per flow, pair of economies, period and unit, chosen by rules a
reader can check (in order): a precise figure beats an approximate one; a
primary statement beats a comparison value quoted beside a later figure; a more
recent publication beats an older one. A prior-period value that no source
states, but that a stated value and growth ratio imply, is added as derived.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import schemas
from schemas.tolerance import value_tolerance, year_back
from stages.common import stage_parser, BUILD, CHECKED, DOCUMENTS, SERIES, relative, run_stage
from tradestats.csvio import csv_text, format_number, write_text_atomic
from tradestats import documents as documents_module
from tradestats.documents import iter_documents
from tradestats.errors import InputError
from tradestats.parsed_cache import cached_parse
from tradestats.source_cache import code_digest
from tradestats.tables import read_checked_columns

FLOW_OF_TABLE = {"turnover": "turnover", "exports": "export", "imports": "import"}
#: The publication date of each document, by the bytes of the documents file (git- and DVC-ignored, like the other
#: caches in build/): the stage needs the dates only, and reading every text for them was a tenth of its run.
CACHE = BUILD / "reconcile-cache"


@dataclass(frozen=True)
class Statement:
    """One stated flow figure, with what the choosing rules need to know about it."""

    table: str
    fact_id: str
    reporter: str
    partner: str
    period_start: str
    period_end: str
    value: float
    unit: str
    qualifier: str
    growth_ratio: float | None
    source_id: str
    char_start: int
    published: str
    quote: str = ""
    is_comparison: bool = False

    @property
    def key(self) -> tuple[str, str, str, str, str, str, str]:
        """What makes two statements the same statistic: flow, economies, period, "as of" date, unit."""
        reporter, partner = self.reporter, self.partner
        if self.table == "turnover":
            reporter, partner = sorted((reporter, partner))
        as_of = self.published if not self.period_end else ""
        return (FLOW_OF_TABLE[self.table], reporter, partner, self.period_start, self.period_end, as_of, self.unit)

    def precision(self) -> tuple[bool, float]:
        return (self.qualifier not in ("", "exact"), value_tolerance(self.value, self.qualifier, self.quote))


@dataclass(frozen=True)
class SeriesPoint:
    key: tuple[str, str, str, str, str, str, str]
    value: float
    qualifier: str
    basis: str
    sources: int
    rule: str
    method: str
    table: str
    fact_id: str
    #: every statement of the figure (or every one it can be derived from), the chosen one first
    fact_ids: tuple[str, ...] = ()

    @property
    def series_id(self) -> str:
        return "s" + hashlib.sha1("|".join(self.key).encode()).hexdigest()[:12]

    def row(self) -> list[str]:
        flow, reporter, partner, start, end, as_of, unit = self.key
        ids = {t: (self.fact_id if t == self.table else "") for t in ("turnover", "exports", "imports")}
        return [self.series_id, flow, reporter, partner, start, end, as_of, format_number(self.value), unit,
                self.qualifier,
                self.basis, str(self.sources), self.rule, self.method,
                ids["turnover"], ids["exports"], ids["imports"], " ".join(self.fact_ids or (self.fact_id,))]


def mark_comparisons(statements: list[Statement]) -> list[Statement]:
    """A value quoted in the same sentence as a later figure of the same flow is a comparison value."""
    latest: dict[tuple[str, int, str], str] = {}
    for s in statements:
        sentence = (s.source_id, s.char_start, s.table)
        latest[sentence] = max(latest.get(sentence, ""), s.period_start)
    return [replace(s, is_comparison=True) if s.period_start < latest[(s.source_id, s.char_start, s.table)]
            else s if not s.is_comparison else replace(s, is_comparison=False) for s in statements]


def recency(published: str) -> int:
    """Newer publications rank first; an unknown date ranks last."""
    return -dt.date.fromisoformat(published).toordinal() if published else 0


RULES = (
    ("most precise figure", lambda s: s.precision()),
    ("primary statement", lambda s: s.is_comparison),
    ("most recent publication", lambda s: recency(s.published)),
    ("lowest fact id", lambda s: s.fact_id),
)


def choose(statements: list[Statement]) -> tuple[Statement, str]:
    """The statement the rules prefer, and the first rule that set it apart from the runner-up.

    Each statement is ranked once (its precision reads the quote), not again to name the rule.
    """
    if len(statements) == 1:
        return statements[0], "only statement"
    ranked = sorted(((tuple(rank(s) for _, rank in RULES), s) for s in statements), key=lambda item: item[0])
    (best_rank, best), (runner_up, _) = ranked[0], ranked[1]
    for (name, _), mine, theirs in zip(RULES, best_rank, runner_up):
        if mine != theirs:
            return best, name
    return best, "lowest fact id"


def significant_digits(x: float) -> int:
    return len(format(abs(x), "f").replace(".", "").strip("0"))


def round_like(value: float, *stated: float) -> float:
    """Round a derived value to the significant digits of the least precise figure it came from (at least 2)."""
    significant = max(min(significant_digits(x) for x in stated), 2)
    if value == 0:
        return 0.0
    scale = 10 ** (math.floor(math.log10(abs(value))) - significant + 1)
    return round(value / scale) * scale


def linked_ids(best: Statement, group: list[Statement]) -> tuple[str, ...]:
    """The chosen fact first, then every other statement of the figure, so a reader sees what was set aside."""
    return (best.fact_id, *sorted({s.fact_id for s in group} - {best.fact_id}))


def reconcile(statements: list[Statement]) -> list[SeriesPoint]:
    statements = mark_comparisons(statements)
    groups: dict[tuple, list[Statement]] = {}
    for s in statements:
        groups.setdefault(s.key, []).append(s)
    points = []
    for key, group in groups.items():
        best, rule = choose(group)
        points.append(SeriesPoint(key, best.value, best.qualifier, "stated", len({s.source_id for s in group}),
                                  rule, "", best.table, best.fact_id, linked_ids(best, group)))
    derivations: dict[tuple, list[Statement]] = {}
    for s in statements:
        if s.growth_ratio and s.period_start:
            prior = replace(s, period_start=year_back(dt.date.fromisoformat(s.period_start)).isoformat(),
                            period_end=year_back(dt.date.fromisoformat(s.period_end)).isoformat()
                            if s.period_end else "")
            if prior.key not in groups:
                derivations.setdefault(prior.key, []).append(s)
    for key, group in derivations.items():
        best, _ = choose(group)
        value = round_like(best.value / best.growth_ratio, best.value, best.growth_ratio)
        points.append(SeriesPoint(key, value, "approx", "derived", len({s.source_id for s in group}), "derived",
                                  f"value / growth_ratio of {best.table} fact {best.fact_id}: "
                                  f"{format_number(best.value)} / {format_number(best.growth_ratio)}",
                                  best.table, best.fact_id, linked_ids(best, group)))
    return sorted(points, key=lambda p: p.key)


def read_statements(checked_dir: Path, published: dict[str, str]) -> list[Statement]:
    """Every dated flow figure of the checked tables, read as plain columns (no pandas: its import alone is a
    good part of the stage)."""
    statements = []
    for name in ("turnover", "exports", "imports"):
        path = checked_dir / f"{name}.csv"
        columns, problems = read_checked_columns(schemas.FACT_TABLES[name], path, relative(path))
        if problems:
            raise InputError(problems, f"{relative(path)} is not a checked table; rerun the validate stage")
        for row in zip(columns["fact_id"], columns["reporter"], columns["partner"], columns["period_start"],
                       columns["period_end"], columns["value"], columns["unit"], columns["qualifier"],
                       columns["growth_ratio"], columns["source_id"], columns["char_start"], columns["quote"]):
            fact_id, reporter, partner, start, end, value, unit, qual, ratio, source_id, char_start, quote = row
            if value is None or start is None:  # a growth-only or undated figure is not a point of a series
                continue
            statements.append(Statement(
                name, fact_id, reporter, partner, start.isoformat(), "" if end is None else end.isoformat(),
                float(value), unit, "" if qual is None else qual, None if ratio is None else float(ratio),
                source_id, int(char_start), published.get(source_id, ""), quote))
    return statements


def read_published(path: Path) -> dict[str, str]:
    """Each document's publication date ("" when unknown) by source id."""
    return {d.source_id: d.published for d in iter_documents(path)}


def published_dates(path: Path, cache_dir: Path | None) -> dict[str, str]:
    """:func:`read_published`, read back from ``cache_dir`` while the file's bytes and the code reading it are the
    same (:func:`tradestats.parsed_cache.cached_parse`)."""
    return cached_parse(path, read_published, "published",
                        code_digest(Path(documents_module.__file__), Path(__file__)), cache_dir)


def main(argv: list[str] | None = None) -> None:
    parser = stage_parser("reconcile", __doc__)
    parser.add_argument("--checked", type=Path, default=CHECKED, metavar="DIR",
                        help=f"folder of the checked fact tables (default: {relative(CHECKED)})")
    parser.add_argument("--out", type=Path, default=SERIES, metavar="FILE",
                        help=f"the series to write (default: {relative(SERIES)})")
    parser.add_argument("--no-cache", action="store_true",
                        help=f"read every document's date again, ignoring (and not writing) {relative(CACHE)}")
    args = parser.parse_args(argv)
    published = published_dates(DOCUMENTS, None if args.no_cache else CACHE)
    points = reconcile(read_statements(args.checked, published))
    write_text_atomic(args.out, csv_text(schemas.SERIES.columns, (p.row() for p in points)))
    derived = sum(p.basis == "derived" for p in points)
    print(f"reconcile: {len(points)} series points ({derived} derived) -> {relative(args.out)}", file=sys.stderr)


if __name__ == "__main__":
    run_stage(main)

"""Rows: proposed statistics before they become candidates, and the removal of repeats."""
from __future__ import annotations

from dataclasses import dataclass, replace

from tradestats.documents import Document
from tradestats.extract.candidate import Candidate, candidate_id
from tradestats.extract.periods import Period
from tradestats.extract.sentences import Span


@dataclass
class Row:
    """A candidate before it gets its id and quote."""

    table: str
    reporter: str
    partner: str
    flow: str
    period: Period
    value: float | None
    unit: str
    qualifier: str
    growth_ratio: float | None
    commodity: str
    hs_code: str
    change_value: float | None
    anchor: tuple[int, int]
    quote: Span
    #: the countries came from the context, not from the row's own sentence
    borrowed: bool = False


def _countries(row: Row) -> tuple[str, ...]:
    """The row's countries; unordered for turnover, where either may be named first."""
    return tuple(sorted((row.reporter, row.partner))) if row.table == "turnover" else (row.reporter, row.partner)


def _flow_key(row: Row) -> tuple:
    return row.table, _countries(row), row.flow, row.commodity


#: How many times what a pair is said to trade a value that borrowed the pair must be to be a wider total.
BEYOND_THE_PAIR = 3


def without_wider_totals(rows: list[Row]) -> list[Row]:
    """Rows but those whose pair came from the context and whose value is several times what the article says
    that pair traded in the same flow, period and unit, anywhere in it: "Total exports in the quarter came to
    N3.1tn" beside "exports to India (N180bn)" is the country's total, not India's. The figure stays flagged."""
    stated: dict[tuple, float] = {}
    for r in rows:
        if not r.borrowed and not r.commodity and r.value:
            key = (r.table, _countries(r), r.period.start, r.period.end, r.unit)
            stated[key] = min(stated.get(key, r.value), r.value)
    if not stated:
        return rows
    return [r for r in rows if not (r.borrowed and not r.commodity and r.value and r.value > BEYOND_THE_PAIR * stated.get(
        (r.table, _countries(r), r.period.start, r.period.end, r.unit), float("inf")))]


def deduplicated(rows: list[Row]) -> list[Row]:
    """Drop repeats of one statistic: a headline or a quote restating a figure proposes it once.

    A row repeats an earlier one with the same flow, period and values (or the
    same but for a growth the other one has, earlier or later). A growth-only row repeats a row
    with a value for the same flow and period; a row without a period repeats
    one stating the same value with its period.
    """
    keyed = [(r, _flow_key(r), (r.period.start, r.period.end)) for r in rows]  # each key built once
    with_value = {(key, period) for r, key, period in keyed if r.value is not None}
    dated_values = {(key, r.value, r.unit) for r, key, period in keyed if r.value is not None and r.period.start}
    # A headline without the growth its body sentence gives: the body's row, which says more, is kept.
    grown = {(key, period, r.value, r.unit, r.change_value) for r, key, period in keyed
             if r.growth_ratio is not None and r.value is not None}
    seen: set[tuple] = set()
    out = []
    for r, key, period in keyed:
        exact = (key, period, r.value, r.unit, r.change_value, r.growth_ratio)
        loose = exact[:-1]
        if exact in seen or (r.growth_ratio is None and (loose in seen or loose in grown)):
            continue
        if r.value is None and r.change_value is None and (key, period) in with_value:
            continue
        if r.value is not None and not r.period.start and (key, r.value, r.unit) in dated_values:
            continue
        seen.update((exact, loose))
        out.append(r)
    return out


def with_growth_of_the_sentence_before(rows: list[Row]) -> list[Row]:
    """A growth told in one sentence and the value in the next, of the same flow and period ("Trade grew by 14% in
    January-June. It reached $800 million."), are one statistic: the value's row takes the growth, and its quote
    spans both sentences, so the growth stays in the words quoted. Only for one value and one growth of the key,
    quoted side by side; the growth-only row then repeats the value's and is dropped as such."""
    growths: dict[tuple, list[Row]] = {}
    values: dict[tuple, list[Row]] = {}
    for r in rows:
        if not r.period.start or r.change_value is not None:
            continue
        key = (_flow_key(r), r.period.start, r.period.end)
        if r.value is None and r.growth_ratio is not None:
            growths.setdefault(key, []).append(r)
        elif r.value is not None:
            values.setdefault(key, []).append(r)
    merged: dict[int, Row] = {}
    for key, grown in growths.items():
        valued = values.get(key, [])
        if len(grown) != 1 or len(valued) != 1 or valued[0].growth_ratio is not None:
            continue
        growth, value = grown[0], valued[0]
        if 0 <= value.quote.start - growth.quote.end <= 2:  # the growth's sentence right before the value's
            merged[id(value)] = replace(value, growth_ratio=growth.growth_ratio,
                                        quote=Span(growth.quote.start, value.quote.end))
    return [merged.get(id(r), r) for r in rows] if merged else rows


def to_candidate(doc: Document, row: Row) -> Candidate:
    return Candidate(
        candidate_id=candidate_id(doc.source_id, row.table, row.anchor[0], row.anchor[1]),
        source_id=doc.source_id, table=row.table, reporter=row.reporter, partner=row.partner, flow=row.flow,
        period_start=row.period.start, period_end=row.period.end, value=row.value, unit=row.unit,
        qualifier=row.qualifier, growth_ratio=row.growth_ratio, commodity=row.commodity, hs_code=row.hs_code,
        change_value=row.change_value, char_start=row.quote.start, char_end=row.quote.end,
        quote=doc.text[row.quote.start:row.quote.end],
    )

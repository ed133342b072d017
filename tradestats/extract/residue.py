"""The residue: every money amount and quantity an article states, and which of them no candidate uses.

A keeper who reviews only candidates never sees what the extractor misread or missed.
So beside the candidates the extractor lists every figure of the article; a figure
that no candidate uses, in a sentence that speaks of trade, is flagged
(``needs_review``) and blocks publishing until a keeper adds it as a fact or
dismisses it. Figures in sentences that do not speak of trade (an exchange rate, a
road's capacity with no partner named) are listed but not flagged.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import astuple, dataclass, fields

from tradestats.documents import Document
from tradestats.extract import grammar as g
from tradestats.extract.candidate import Candidate
from tradestats.extract.lexicon import find_countries
from tradestats.extract.numbers import Amount
from tradestats.extract.sentences import Span

#: How close two values must be for a candidate to use a figure (they are the same parse of the same text).
_SAME_VALUE = 1e-9


def figure_id(source_id: str, start: int, end: int) -> str:
    """``f`` + 12 hex digits: like a candidate id, a hash of where the figure stands, so it is stable across runs."""
    digest = hashlib.sha1(f"{source_id}|figure|{start}|{end}".encode()).hexdigest()
    return "f" + digest[:12]


@dataclass(frozen=True)
class StatedFigure:
    """One money amount or quantity of an article. Column names and order are the figures-table contract."""

    figure_id: str
    source_id: str
    char_start: int
    char_end: int
    text: str
    value: float
    unit: str  # ISO 4217, "t" or "kg"
    sentence_start: int
    sentence_end: int
    candidate_id: str  # "" when no candidate uses the figure
    needs_review: str  # yes | no

    @classmethod
    def columns(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    def row(self) -> tuple:
        return astuple(self)


def same_value(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= _SAME_VALUE * max(abs(a), abs(b), 1.0)


def uses(candidate: Candidate, amount: Amount) -> bool:
    """Whether a candidate states this figure: quoted by it, with its unit and value (or absolute change)."""
    return (candidate.char_start <= amount.start and amount.end <= candidate.char_end
            and candidate.unit == amount.unit
            and (same_value(candidate.value, amount.value) or same_value(
                None if candidate.change_value is None else abs(candidate.change_value), amount.value)))


def document_figures(doc: Document, candidates: Sequence[Candidate], quick: g.QuickTests,
                     amounts: Sequence[Amount], sentence_of: Callable[[int], Span | None]) -> list[StatedFigure]:
    """Every figure of ``doc`` in text order, each with the candidate that uses it and whether it needs review.

    ``amounts`` are the article's money and tonnes, ``sentence_of`` the sentence an
    offset stands in, and ``quick`` the substring index of the text: the extractor
    has all three already, so listing the figures costs little more than a loop.
    """
    text = doc.text
    out: list[StatedFigure] = []
    trade: dict[Span, bool] = {}  # tested once per sentence, only when a figure in it is left unclaimed
    for m in amounts:
        sent = sentence_of(m.start)
        if sent is None:
            continue
        user = next((c.candidate_id for c in candidates if uses(c, m)), "")
        if not user and sent not in trade:
            trade[sent] = speaks_of_trade(text, quick, sent) or continues_trade(quick, sent, sentence_of)
        out.append(StatedFigure(figure_id(doc.source_id, m.start, m.end), doc.source_id, m.start, m.end,
                                text[m.start:m.end], m.value, m.unit, sent.start, sent.end, user,
                                "yes" if not user and trade[sent] else "no"))
    return out


#: Words of trade talk beside the flow words: a figure next to them is what a keeper must see, even when it
#: turns out to be a contract, a cargo capacity or a product's price rather than a trade statistic.
TRADE_TALK = ("contract", "deal", "worth", "cargo", "container", "traffic", "freight", "goods", "commodit",
              "product", "shipping")


def speaks_of_trade(text: str, quick: g.QuickTests, sent: Span) -> bool:
    """Whether a sentence speaks of trade: a flow word (trade, turnover, exports, supplied, bought ...), a word
    of trade talk (contracts, goods, cargo ...), or a country it could be a partner of."""
    if quick.flow_word(sent.start, sent.end):
        return True
    lower = quick.lower[sent.start:sent.end]
    return any(map(lower.__contains__, TRADE_TALK)) or bool(find_countries(text, sent.start, sent.end, quick.lower))


#: How many sentences back a figure's sentence may go on with a statement of trade.
CONTINUED_SENTENCES = 3
#: Words that go on with a ranking told sentence by sentence: such a sentence may open a paragraph of its own.
_RANKING_GOES_ON = ("followed", "came second", "came third", "ranked", "coming", "in second", "in third", "next")


def continues_trade(quick: g.QuickTests, sent: Span, sentence_of: Callable[[int], Span | None]) -> bool:
    """Whether one of the few sentences before has a flow word: the figure may go on with that statement in words
    no rule reads ("Trade with Belarus tends to go up. At the end of 2018, we have almost $900 million."). Only a
    sentence that goes on with a ranking ("It was followed by footwear with $593 million") looks back past the
    start of its paragraph."""
    lower = quick.lower
    ranking = any(map(lower[sent.start:sent.end].__contains__, _RANKING_GOES_ON))
    at = sent.start
    for _ in range(CONTINUED_SENTENCES):
        gap_end = at
        at -= 1
        while at >= 0 and lower[at].isspace():
            at -= 1
        if "\n" in lower[max(at, 0):gap_end] and not ranking:
            return False
        previous = sentence_of(at) if at >= 0 else None
        if previous is None or previous == sent:
            return False
        if quick.flow_word(previous.start, previous.end):
            return True
        at = previous.start
    return False

"""Properties of the extractor on any text: it never fails, its quotes are exact and its ids unique.

Hypothesis feeds arbitrary Unicode and text assembled from trade-like fragments
(written for these tests), the second kind reaching deep into the rules.
"""
from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tradestats.documents import Document
from tradestats.extract import extract_document

FRAGMENTS = [
    "Trade between Kazakhstan and Chile", "exports from Kazakhstan to Oman", "imports to Kazakhstan from Peru",
    "Oman's exports to Kazakhstan", "bilateral trade", "the trade turnover between the two countries",
    "mutual trade", "it", "the figure", "amounted to", "reached", "exceeded", "rose", "fell", "increased by",
    "decreased by", "$987.9 million", "US$26 billion", "1.2 trillion tenge", "($474.3 million)", "40 billion euros",
    "$1-2 billion", "5,403 tons", "2.1 times", "4.7-fold", "82.6%", "doubled", "by more than a third", "in 2022",
    "last year", "this year", "so far this year", "in January-August 2025", "in Q1 2024", "in the first half of",
    "for 9 months of 2023", "than in the same period of the previous year", "compared to", "from", "to",
    "respectively", "and", "while", "with Qatar", "of wheat", "sunflower oil", "petroleum products and trucks",
    "rail - by $ 7.5 million", "mainly flour", "aim to bring", "by 2030", "could reach", "contracts worth",
    "humanitarian aid", "almost", "nearly", "more than", "less than", "over the past five years", ",", ";", ".",
    "(", ")", "\n", "\n\n", " date 2023-01-01", "agricultural trade", "in the agro-industrial sector",
]
trade_like = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=40).map(" ".join)
published = st.sampled_from(["", "2023-06-15", "2023-12-31", "2022-01-01"])
FIELDS_OK = {
    "table": re.compile(r"turnover|exports|imports|commodities"),
    "unit": re.compile(r"|[A-Z]{3}|t"),
    "qualifier": re.compile(r"|exact|approx|over|under"),
    "hs_code": re.compile(r"|\d{2}(\d{2}(\d{2})?)?"),
    "period_start": re.compile(r"|\d{4}-\d{2}-\d{2}"),
    "period_end": re.compile(r"|\d{4}-\d{2}-\d{2}"),
    "reporter": re.compile(r"[A-Z]{3,4}"),
    "partner": re.compile(r"[A-Z]{3,4}"),
}


def check(text: str, date: str) -> None:
    doc = Document("p01_prop", text, date)
    found = extract_document(doc)
    assert len({c.candidate_id for c in found}) == len(found)
    for c in found:
        assert text[c.char_start:c.char_end] == c.quote
        assert c.reporter != c.partner
        for name, pattern in FIELDS_OK.items():
            assert pattern.fullmatch(getattr(c, name)), (name, getattr(c, name))
        assert (c.table == "commodities") == bool(c.flow)
        assert c.value is None or c.value >= 0
        assert c.qualifier == "" or c.value is not None
    assert extract_document(doc) == found  # a pure function: same text, same candidates


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), published)
def test_any_text(text: str, date: str) -> None:
    check(text, date)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trade_like, published)
def test_trade_like_text(text: str, date: str) -> None:
    check(text, date)


SCALE_PIECES = ["billion", "Million", "BN", "mln", "trln", "trillion", "mn", "bln", "4.5", " ", "\u00a0", "\n", "s",
                "é", "ı", "İ", "\u212a", "x", "-", ".", "(", "$", "abn", "_", "b", "m", "llion", "ln"]


@settings(max_examples=400, deadline=None)
@example("4 billioné, 5\u00a0BN)", 0, 0)
@example(" bİllion", 0, 0)
@example("7 mn_ 8 bıllion", 0, 0)
@given(st.lists(st.sampled_from(SCALE_PIECES), max_size=30).map("".join), st.integers(0, 5), st.integers(0, 5))
def test_scale_words_found_in_the_ascii_copy_are_those_the_pattern_finds(text: str, cut_start: int,
                                                                          cut_end: int) -> None:
    """The quick scan for "billion", "mn" ... in the article's lower-cased ASCII copy finds exactly what the
    case-insensitive pattern finds in the text, at the same offsets, in any stretch of it."""
    from tradestats.extract.numbers import _BARE_SCALE_WORD, _scale_words

    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    ascii_copy = text.encode("ascii", "replace").decode("ascii").lower()
    expected = [(w.start(), w.end(), w.group("scale")) for w in _BARE_SCALE_WORD.finditer(text, start, end)]
    assert _scale_words(text, start, end, ascii_copy) == expected


PERIOD_PIECES = ["between", "March", "May", "Sept", "2022", "2023", "-23", "/24", "–", "-", " to ", " and ", "the",
                 "12 months", "year", "years", "ended", "ending", "so far", "this", "since", "beginning", "start",
                 "of", "year-to-date", "same", "corresponding", "similar", "period", "month", "months", "last",
                 "previous", "past", "said", "fiscal", "FY", "current", "in", "LAST MONTH", "Same Period", "ſ", "İ",
                 "ı", " ", " ", "\n", ",", ".", "'s", "timeframe"]


@settings(max_examples=400, deadline=None)
@example("the 12 months to March 2023", 0, 0)
@example("since the beginning of the year, up from last month and the same period of 2022", 0, 0)
@example("between March 2022 and May 2023, in April-June 2022-23", 0, 0)
@given(st.lists(st.sampled_from(PERIOD_PIECES), max_size=30).map(" ".join), st.integers(0, 5), st.integers(0, 5))
def test_period_forms_skipped_by_their_gates_could_not_have_matched(text: str, cut_start: int, cut_end: int) -> None:
    """A period form passed over because the stretch names no month, no year (range) or none of the words every
    match of it holds finds the same periods as trying it anyway."""
    from unittest import mock

    from tradestats.extract import periods

    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    gated = periods.find_periods(text, start, end)
    with mock.patch.multiple(periods, _FORMS_OF_A_MONTH=frozenset(), _FORMS_OF_A_YEAR=frozenset(),
                             _FORMS_OF_A_YEAR_RANGE=frozenset(), _WORD_GATES={}):
        assert periods.find_periods(text, start, end) == gated

"""What a statement borrows from its article: the pair of countries and the reference date.

"Trade between the two countries reached $1 billion" names no country; the
reader knows the pair from the article. The pair is the two economies the article
mentions most (single countries only, never blocs), ties going to the one named
first, and the two are ordered as the article first names them. Relative periods
need the publication date; when it is unknown the year is inferred from the
years the text mentions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from tradestats.extract.lexicon import (BLOCS, FISCAL_YEAR_STARTS, FISCAL_YEARS_NAMED_BY_START, FISCAL_YEARS_OF_TRADE,
                                        country_codes)
from tradestats.extract.periods import Reference, find_periods, may_need_fiscal_start

_YEAR = re.compile(r"(?<![\w$.,/-])(?:19[5-9]\d|20\d\d)(?![\w%/-]|[.,]\d)")
_DEADLINE = re.compile(r"\bby\s+(?:the\s+end\s+of\s+)?$|\b(?:until|till|to)\s+$", re.IGNORECASE)
_RELATIVE_YEAR = re.compile(r"\b(?:this|current|last|previous|past)\s+year\b", re.IGNORECASE)


def article_pair(text: str, start: int, lower: str | None = None) -> tuple[str, ...]:
    """The two most-mentioned single countries of ``text[start:]``, in the order the article first names them.

    The article's own country usually opens it ("Kazakhstan is continuing to ...
    with Azerbaijan"), and it reports a turnover the statement does not attribute.
    """
    counts: dict[str, int] = {}
    first_seen: dict[str, int] = {}
    for at, code in country_codes(text, start, lower):
        if code in BLOCS:
            continue
        counts[code] = counts.get(code, 0) + 1
        first_seen.setdefault(code, at)
    ranked = sorted(counts, key=lambda code: (-counts[code], first_seen[code]))
    return tuple(sorted(ranked[:2], key=first_seen.__getitem__))


_LAST_YEAR = re.compile(r"\b(?:last|previous|past)\s+year\b", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|would|expected|expects|forecasts?|projected|predicted|predicts|estimated\s+that"
                     r"|target)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _last_year_beside(text: str, start: int, latest: int) -> int | None:
    """The reference year a sentence gives by naming "last year" beside the latest year of the article.

    "Last year, imports fell to $2 billion from $2.1 billion in 2016": last year is after 2016, so the article
    is written in 2018; "down from last year's $2.4 billion to $1.9 billion in January-August 2024": 2024 is the
    current year. "Trade in 2011 would grow 10% over last year's $18 billion": a year told in the future
    beside "last year" is the current year. None when no sentence says either.
    """
    for m in _LAST_YEAR.finditer(text, start):
        if text[max(start, m.start() - 12):m.start()].lower().rstrip().endswith(("same period", "same period of",
                                                                                 "same period in")):
            continue
        cut = max(text.rfind(". ", start, m.start()), text.rfind("\n", start, m.start()), start - 1) + 1
        end_m = _SENTENCE_END.search(text, m.end())
        end = end_m.start() if end_m else len(text)
        line_end = text.find("\n", m.end(), end)
        end = line_end if line_end != -1 else end  # a sentence ends with its paragraph
        named = [y for y in _YEAR.finditer(text, cut, end) if int(y.group()) == latest]
        if not named:
            continue
        if _FUTURE.search(text, cut, end):
            return latest
        if any(abs(y.start() - m.end()) <= 12 or abs(m.start() - y.end()) <= 12 for y in named):
            continue  # "last year (2016)": the same year named twice
        # "... to $1.9 billion in the first eight months of 2024" beside "last year's figure": a part of the year,
        # the current one; "from $2.1 billion in 2016": a whole year other than last year, the one before it
        named_periods = [p for p in find_periods(text, cut, end) if p.year == latest]
        if any(p.kind == "same_period" for p in named_periods):
            return latest + 1  # "up from $57 billion in a similar period of 2021" beside "last year": 2021 is last year
        return latest if any((p.first_month, p.last_month) != (1, 12) for p in named_periods) else latest + 2
    return None


#: A flow to or from a country whose other side goes unsaid: "imports from India", "exports to China" in an
#: article that owns the flows.
_UNSAID_SIDE_BEFORE = re.compile(r"\b(?:imports?|exports?|shipments|supplies)\s+(?:to|from)\s+(?:the\s+)?$",
                                 re.IGNORECASE)


def possessed_counts(text: str, start: int, lower: str | None = None) -> dict[str, int]:
    """How often each country is written as an owner ("Bangladesh's", "Kenya’s") in ``text[start:]``, less how
    often it is the far side of a flow whose own side goes unsaid ("imports from India": the article's country
    is the other one)."""
    counts: dict[str, int] = {}
    for at, code in country_codes(text, start, lower):
        end = text.find(" ", at)
        word = text[at:end if end != -1 else len(text)]
        if word.endswith(("'s", "’s")):
            counts[code] = counts.get(code, 0) + 1
        elif _UNSAID_SIDE_BEFORE.search(text, max(start, at - 20), at):
            counts[code] = counts.get(code, 0) - 1
    return counts


def inferred_reference(text: str, start: int) -> Reference:
    """A reference year for an undated article, from the years it reports on.

    Years after "by" or "until" are deadlines, not reports. An article that
    speaks of "this year" or "last year" is written after the latest full year
    it names ("last year ... 10% more than in 2021" is 2022, written in 2023),
    unless that latest year is itself a part-year figure ("January-May 2023"), or
    the year after one a part of "this year" is compared with ("the same period of
    2022"), which is the current year.
    """
    years = [int(m.group()) for m in _YEAR.finditer(text, start)
             if not _DEADLINE.search(text, max(start, m.start() - 20), m.start())]
    periods = find_periods(text, start, len(text))
    # years written in short forms ("1H17", "FY25", "Q3'22") count too
    years += [p.year for p in periods if p.year is not None and p.kind == "months" and not p.comparison]
    if not years:
        return Reference(None)
    latest = max(years)
    if not _RELATIVE_YEAR.search(text, start):
        return Reference(latest)
    told = _last_year_beside(text, start, latest)
    if told is not None:
        return Reference(told)
    if re.search(rf"\b(?:outcomes?|results?|totals?)\s+(?:of|for)\s+(?:the\s+(?:whole\s+)?(?:year\s+)?)?{latest}\b",
                 text[start:], re.IGNORECASE):
        # "According to the outcomes of 2024 ... five months of the current year": that year is over
        return Reference(latest + 1)
    partial = any(p.year == latest and (p.first_month, p.last_month) != (1, 12) for p in periods if p.kind == "months")
    # "in 2024's first quarter": a part of the latest year, written as its possessive
    partial = partial or re.search(rf"\b{latest}['’]s\s+(?:first|second|third|fourth|1st|2nd|3rd|4th|opening|final)?"
                                   r"\s*(?:quarter|half|months?|nine|six|three|eight|ten|eleven|seven|five|four|two)\b",
                                   text[start:]) is not None
    # "this year ... 30% above the same period of 2019" beside 2020: the months of 2020 so far
    compared = any(p.kind == "same_period" and p.year == latest - 1 for p in periods)
    return Reference(latest if partial or compared else latest + 1)


@dataclass
class ArticleContext:
    """Per-document facts computed on first use only: most sentences never need them."""

    text: str
    body_start: int
    published: str
    #: The text's ASCII copy lower-cased, with the same offsets (``QuickTests.lower``); "" when not at hand.
    lower: str = field(default="", repr=False)
    _pair: tuple[str, ...] | None = field(default=None, repr=False)
    _reference: Reference | None = field(default=None, repr=False)
    #: The country whose national statistics the article reports: the owner of its first national total
    #: ("Uzbekistan's foreign trade reached ..."); a partner named alone is that country's partner.
    home: str | None = None

    @property
    def pair(self) -> tuple[str, ...]:
        if self._pair is None:
            self._pair = article_pair(self.text, self.body_start, self.lower or None)
        return self._pair

    @property
    def reference(self) -> Reference:
        if self._reference is None:
            ref = Reference.from_iso(self.published)
            ref = ref if ref.year is not None else inferred_reference(self.text, self.body_start)
            if may_need_fiscal_start(self.lower or self.text.lower()):  # else no mention reads it: no pair needed
                owner = self.fiscal_owner()
                ref = replace(ref, fiscal_start=FISCAL_YEAR_STARTS.get(owner),
                              fiscal_named_by_start=owner in FISCAL_YEARS_NAMED_BY_START)
            self._reference = ref
        return self._reference

    def fiscal_owner(self) -> str | None:
        """The country whose "fiscal year" the article speaks of: the first of its two countries whose fiscal year
        is not the calendar year ("the first eight months of the current fiscal year" in a Pakistani report starts
        in July), one that reports trade by fiscal year before one that does not; None when neither has one."""
        owners = [c for c in self.pair if c in FISCAL_YEAR_STARTS]
        if len(owners) > 1:  # "Bangladesh's exports to India": the country whose flows the article owns
            owned = possessed_counts(self.text, self.body_start, self.lower or None)
            owners.sort(key=lambda c: -owned.get(c, 0))
        return next((c for c in owners if c in FISCAL_YEARS_OF_TRADE), owners[0] if owners else None)

    def other_than(self, code: str) -> str | None:
        """The article's country that is not ``code``: the partner of a one-country statement."""
        if self.home is not None and code != self.home:
            return self.home
        pair = self.pair
        if code in pair:
            rest = [c for c in pair if c != code]
            return rest[0] if rest else None
        return pair[0] if pair else None

"""Period expressions ("2022", "January-August 2025", "the first half of this year",
"9 months of 2023", "last year", "so far this year") and their ISO dates.

A mention is first read into months and a year that may be relative ("this
year", "last year"); it becomes dates only against a reference date (the
publication date), because the same words mean different years in different
articles. Some mentions are not the period of a figure at all: a comparison
("than in the same period of the previous year", "compared to 2021"), a span of
several years ("over the past six years") or a deadline ("by 2030").
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from tradestats.extract import grammar as g
from tradestats.extract import iranian
from tradestats.extract.lexicon import CURRENCY_TERMS
from tradestats.extract.numbers import PREFIX_PATTERN, WORD_NUMBER, WORD_NUMBERS

MONTH_NUMBERS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?")
_YEAR = r"(?<![\w$€£.,/-])(?:19[5-9]\d|20\d\d)(?![\w%/-]|[.,]\d)"
_RELATIVE = (r"(?:this|current|last|previous|past|preceding|next|coming|following)\s+year(?![\w-]|['’]s\s+(?:same"
             r"|analogous|corresponding|comparable)\s+period)")
#: The year that may follow a month range, a quarter or a half: "of 2022", "of this year", "2025", "[of 2023]" (an
#: editor's insertion).
_YEAR_SPEC = rf"(?:,?\s+\[?(?:(?:of|in|on|for)\s+)?(?:the\s+)?(?:(?P<y>{_YEAR})|(?P<rel>{_RELATIVE})))?"
#: The months of a year by their place in it: "the second month of the current year".
_MONTH_ORDINALS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split())}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


@dataclass
class PeriodMention:
    """A period as written. ``year`` is absolute, or ``offset`` relative to the reference year."""

    start: int
    end: int
    kind: str  # months | fiscal | ytd | same_period | current | year_ago | span | deadline
    first_month: int = 1
    last_month: int = 12
    year: int | None = None
    offset: int | None = None
    this_year: bool = False  # bare "this year": year to date unless the article is from December
    comparison: bool = False
    recalled: bool = False  # "than in 2021, when trade totalled ...": an earlier period, the figure after it its own
    bare: bool = False  # "the same period" with no year after it: the current period unless compared against
    whole_fiscal_year: bool = False  # "fiscal year 2021-22": the months of the country's fiscal year, July if unknown
    named_fiscal_year: bool = False  # "FY25": the country's fiscal year named by one year (unknown without the country)
    months_of_fiscal: bool = False  # "August to January of the current fiscal year": those months of that fiscal year
    #: "the first five months of the Iranian calendar year": months counted from Nowruz, and what the article
    #: wrote of the year and the dates ("1397", "(March 21-August 22)", "(beginning March 21, 2024)")
    #: "the five-month period" with no year: N months, which may be those of the period in force
    stretch: bool = False
    #: "the 12 months to June 2021": how many months, and the day they end on (the month's last day if None)
    months_to: tuple[int, int, int | None] | None = None
    iranian_months: int = 0
    iranian_year: int | None = None
    #: "the last Iranian year": the Iranian year so many before the one in force at publication
    iranian_offset: int | None = None
    #: "the current Iranian year" with no months: from Nowruz to date
    iranian_to_date: bool = False
    written_dates: tuple[tuple[int, int, int | None], tuple[int, int] | None] | None = None
    #: "the last nine months of 2023": the year's first months in an article of that year, its last ones after it
    counted_back: bool = False
    #: "over the year": the whole year in force when there is one, else the year before publication
    the_year: bool = False
    #: "last month": how many months before the publication's month
    months_back: int = 0
    #: "over the past ten months": this year's months so far when they reach back to January, else a rolling window
    past_window: bool = False
    #: "the period under review", "the reporting period": the period of the article's report, not of an aside
    under_review: bool = False

    @property
    def usable(self) -> bool:
        """Whether the mention can be the period of a figure (not a comparison, span or deadline)."""
        return self.kind in ("months", "ytd", "fiscal") and not self.comparison and not self.recalled


@dataclass(frozen=True)
class Reference:
    """What relative periods are resolved against: the publication year and month."""

    year: int | None
    month: int | None = None
    fiscal_start: int | None = None  # the first month of the fiscal year of the article's country, if not January
    fiscal_named_by_start: bool = False  # whether its "FY2024" starts in 2024 (Japan) rather than ends in it

    @classmethod
    def from_iso(cls, published: str) -> "Reference":
        try:
            day = dt.date.fromisoformat(published)
        except ValueError:
            return cls(None)
        return cls(day.year, day.month)


@dataclass(frozen=True)
class Period:
    start: str
    end: str

    @property
    def year(self) -> int:
        return int(self.start[:4])


NO_PERIOD = Period("", "")


def _offset(relative: str) -> int:
    word = relative.split()[0].lower()
    if word in ("this", "current"):
        return 0
    if word in ("next", "coming", "following"):
        return 1
    return -1


def _year_fields(m: re.Match) -> dict:
    """``year`` or ``offset`` from the groups ``y`` and ``rel`` of a match (a form may have either, both or none)."""
    groups = m.re.groupindex
    year = m.group("y") if "y" in groups else None
    if year:
        return {"year": int(year)}
    relative = m.group("rel") if "rel" in groups else None
    if relative:
        return {"offset": _offset(relative)}
    return {}


def _months_count(written: str) -> int:
    low = written.casefold()
    return WORD_NUMBERS[low] if low in WORD_NUMBERS else int(written)


def _range(m: re.Match, start: int, end: int) -> PeriodMention | None:
    first, last = MONTH_NUMBERS[m.group("m1").rstrip(".").lower()], MONTH_NUMBERS[m.group("m2").rstrip(".").lower()]
    fields = _year_fields(m)
    if last < first:
        # "from August to January" with no year: months across the new year, those of the fiscal year in progress
        # (or the latest such months); with a year written ("August-January 2023") which year it is is unclear
        return None if fields else PeriodMention(start, end, "fiscal", first, last, offset=0, months_of_fiscal=True)
    return PeriodMention(start, end, "months", first, last, **fields)


def _months_short(m: re.Match, start: int, end: int) -> PeriodMention | None:
    """ "4M23", "9M 2023": the first months of a year, as analysts write them."""
    n, written = int(m.group("n")), m.group("yy")
    year = int(written) if len(written) == 4 else 2000 + int(written)
    return PeriodMention(start, end, "months", 1, n, year=year) if 1 <= n <= 12 else None


def _first_months(m: re.Match, start: int, end: int) -> PeriodMention | None:
    n = _months_count(m.group("n"))
    if not 1 <= n <= 12:
        return None
    fields = _year_fields(m)
    return PeriodMention(start, end, "months", 1, n, stretch=not fields, **fields)


def _quarter(m: re.Match, start: int, end: int) -> PeriodMention:
    groups = m.groupdict()
    q = _ORDINALS[groups["q"].casefold()] if groups.get("q") else int(groups["qn"])
    return PeriodMention(start, end, "months", 3 * q - 2, 3 * q, **_year_fields(m))


def _first_quarters(m: re.Match, start: int, end: int) -> PeriodMention:
    n = _months_count(m.group("nq"))
    return PeriodMention(start, end, "months", 1, 3 * n, **_year_fields(m))


def _half(m: re.Match, start: int, end: int) -> PeriodMention:
    groups = m.groupdict()
    h = _ORDINALS[groups["h"].casefold()] if groups.get("h") else int(groups["hn"])
    return PeriodMention(start, end, "months", 6 * h - 5, 6 * h, **_year_fields(m))


def _nth_month(m: re.Match, start: int, end: int) -> PeriodMention:
    """ "the second month of the current year": that month, by its place in the year."""
    month = _MONTH_ORDINALS[m.group("nth").lower()]
    return PeriodMention(start, end, "months", month, month, **_year_fields(m))


def _month_of_year(m: re.Match, start: int, end: int) -> PeriodMention:
    month = MONTH_NUMBERS[m.group("m").rstrip(".").lower()]
    return PeriodMention(start, end, "months", month, month, **_year_fields(m))


def _year_to_date(m: re.Match, start: int, end: int) -> PeriodMention:
    return PeriodMention(start, end, "ytd", **(_year_fields(m) or {"offset": 0}))


def _current(m: re.Match, start: int, end: int) -> PeriodMention:
    """ "in the said period", "during this period": the period in force."""
    return PeriodMention(start, end, "current")


def _under_review(m: re.Match, start: int, end: int) -> PeriodMention:
    """ "in the reporting period", "the period under review": the period the article's report is about."""
    return PeriodMention(start, end, "current", under_review=True)


def _same_period(m: re.Match, start: int, end: int) -> PeriodMention:
    """ "the same period of last year": the months of the figure, a year back (so the figure has months)."""
    fields = _year_fields(m)
    # "the same period in FY2016-17" after a figure of FY2017-18: the fiscal year before, as a comparison does
    bare = not fields and not m.groupdict().get("fy") and \
        m.group().lower().rstrip().endswith(("period", "month", "months", "frame"))
    return PeriodMention(start, end, "same_period", **fields, comparison=True, bare=bare)


def _year_ago(m: re.Match, start: int, end: int) -> PeriodMention:
    """ "a year earlier", "year-on-year": a comparison that says nothing about the figure's own months."""
    return PeriodMention(start, end, "year_ago", comparison=True)


def _span(m: re.Match, start: int, end: int) -> PeriodMention:
    return PeriodMention(start, end, "span")


def _past_months(m: re.Match, start: int, end: int) -> PeriodMention:
    """ "over the past ten months" in a report of late November: the months of this year so far, as statistics
    agencies count them (January to October); a year or more ("the last 12 months") is a rolling window."""
    n = _months_count(m.group("n"))
    if not 1 <= n <= 11:
        return PeriodMention(start, end, "span")
    return PeriodMention(start, end, "months", 1, n, stretch=True, past_window=True)


def _year_pair(m: re.Match, start: int, end: int) -> PeriodMention:
    """ "2020-21", "2019-2020": two years; two years in a row are one fiscal year in an article of a country whose
    fiscal year is not the calendar's (``whole_fiscal_year``, read so only there), else a span of years."""
    first = int(m.group("y"))
    second = m.group("y2")
    following = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    return PeriodMention(start, end, "span", 7, 6, year=first, whole_fiscal_year=following == first + 1)


def _last_month(m: re.Match, start: int, end: int) -> PeriodMention:
    """ "last month": the month before the one the article was written in."""
    return PeriodMention(start, end, "months", months_back=1)


def _relative_year(m: re.Match, start: int, end: int) -> PeriodMention:
    offset = _offset(m.group("rel")) if m.group("rel") else -1
    if offset > 0:
        return PeriodMention(start, end, "deadline")
    return PeriodMention(start, end, "months", offset=offset, this_year=offset == 0, the_year=not m.group("rel"))


def _year(m: re.Match, start: int, end: int) -> PeriodMention:
    return PeriodMention(start, end, "months", year=int(m.group("y")))


def _fiscal_year(m: re.Match, start: int, end: int) -> PeriodMention | None:
    """ "fiscal year 2021-22", "FY2022/23": July to June, the fiscal year most often written as two years."""
    first = int(m.group("y"))
    second = m.group("y2")
    following = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if following != first + 1:
        return None
    return PeriodMention(start, end, "fiscal", 7, 6, year=first, whole_fiscal_year=True)


def _fiscal_relative(m: re.Match, start: int, end: int) -> PeriodMention:
    """ "the last financial year", "the first nine months of the ongoing fiscal": months of the fiscal year of the
    article's country, which only the article knows (``first_month`` 0 until resolved)."""
    months = 6 if m.group("half") else _months_count(m.group("n")) if m.group("n") else 12
    relative = (m.group("rel") or "this").lower()
    offset = -1 if relative in ("last", "previous", "past", "preceding") else 0
    return PeriodMention(start, end, "fiscal", 0, months, offset=offset)


def _fiscal_named(m: re.Match, start: int, end: int) -> PeriodMention:
    """ "FY25", "FY2025", "fiscal year 2025": the fiscal year named by one year, which only the country tells."""
    written = m.group("fy")
    return PeriodMention(start, end, "fiscal", 0, 12, year=int(written) if len(written) == 4 else 2000 + int(written),
                         named_fiscal_year=True)


def _first_months_of_fiscal_year(m: re.Match, start: int, end: int) -> PeriodMention | None:
    """ "the first seven months of FY2021-22": the first months of a fiscal year written as two years."""
    years = _fiscal_year(m, start, end)
    n = 6 if m.group("half") else _months_count(m.group("n"))
    if years is None or not 1 <= n <= 12:
        return None
    return PeriodMention(start, end, "fiscal", 0, n, year=years.year)


def _months_of_relative_fiscal_year(m: re.Match, start: int, end: int) -> PeriodMention:
    """ "August to January of the ongoing fiscal year": months of the fiscal year the article is in (or the last)."""
    first, last = MONTH_NUMBERS[m.group("m1").rstrip(".").lower()], MONTH_NUMBERS[m.group("m2").rstrip(".").lower()]
    offset = -1 if m.group("rel").lower() in ("last", "previous", "past", "preceding") else 0
    return PeriodMention(start, end, "fiscal", first, last, offset=offset, months_of_fiscal=True)


def _months_to(m: re.Match, start: int, end: int) -> PeriodMention | None:
    """ "the 12 months to June 2021", "the seven months to October 22": months counted back from where they end."""
    n = _months_count(m.group("n"))
    if not 1 <= n <= 24:
        return None
    return PeriodMention(start, end, "months", 1, 12, months_to=(n, MONTH_NUMBERS[m.group("m").rstrip(".").lower()],
                                                                  int(m.group("d")) if m.group("d") else None),
                         **_year_fields(m))


def _year_to(m: re.Match, start: int, end: int) -> PeriodMention:
    """ "the year ended March 2018", "the March 2018 year" (as Stats NZ writes it): the twelve months to that month."""
    month = MONTH_NUMBERS[(m.group("m") or m.group("m2")).rstrip(".").lower()]
    day = int(m.group("d")) if m.group("d") else None
    day = None if day is not None and day >= 28 else day  # "the year to June 30": the whole of June
    return PeriodMention(start, end, "months", 1, 12, months_to=(12, month, day), year=int(m.group("y") or m.group("y2")))


def _iranian_months(m: re.Match, start: int, end: int) -> PeriodMention | None:
    """ "the first five months of the current Iranian calendar year (March 21-August 22)", "the first ten months of
    the Iranian year 1397", "the first quarter of the Iranian calendar year (beginning March 21, 2024)"."""
    months = 3 if m.group("quarter") else _months_count(m.group("n"))
    if not 1 <= months <= 12:
        return None
    written = None
    if m.group("m1"):
        first = (MONTH_NUMBERS[m.group("m1").rstrip(".").lower()], int(m.group("d1")), int(m.group("y1")) if m.group("y1") else None)
        last = (MONTH_NUMBERS[m.group("m2").rstrip(".").lower()], int(m.group("d2"))) if m.group("m2") else None
        written = (first, last)
    return PeriodMention(start, end, "fiscal", 0, months, iranian_months=months,
                         iranian_year=int(m.group("iy")) if m.group("iy") else None, written_dates=written)


def _iranian_year(m: re.Match, start: int, end: int) -> PeriodMention | None:
    """A whole Iranian year: "the last Iranian calendar year (ended March 19, 2024)", "the Iranian year 1401",
    "in 1401" (a year of the Iranian calendar by its number: no Gregorian year of trade news has it), "the Iranian
    year, which ended on March 20". With neither a number, a word of when, nor an end date, the year is not known."""
    named = m.groupdict()
    rel = (named.get("rel") or "").lower()
    iranian_year = int(m.group("iy")) if m.group("iy") else None
    offset = (0 if rel == "present" else _offset(rel)) if rel else None
    if m.group("ended"):
        if m.group("ey"):
            iranian_year = int(m.group("ey")) - 1 - iranian.OFFSET
        elif offset is None:
            offset = -1  # the Iranian year that has ended: the one before the year in force
    if iranian_year is None and offset is None:
        return None
    return PeriodMention(start, end, "fiscal", 0, 12, iranian_months=12, iranian_year=iranian_year,
                         iranian_offset=None if iranian_year is not None else offset,
                         iranian_to_date=iranian_year is None and offset == 0 and not m.group("ended"))


def _fiscal_months(m: re.Match, start: int, end: int) -> PeriodMention | None:
    """ "July-February (2018-19)": months of a fiscal year written as two years, running across the new year."""
    years = _fiscal_year(m, start, end)
    if years is None:
        return None
    first, last = MONTH_NUMBERS[m.group("m1").rstrip(".").lower()], MONTH_NUMBERS[m.group("m2").rstrip(".").lower()]
    return PeriodMention(start, end, "fiscal", first, last, year=years.year)


def _months_across_years(m: re.Match, start: int, end: int) -> PeriodMention | None:
    """ "April 2022-March 2023", "from July 2021 to June 2022": the months from one to the other, across the new year
    when the second year follows the first; a stretch of more than twelve months is a span of years."""
    first, last = MONTH_NUMBERS[m.group("m1").rstrip(".").lower()], MONTH_NUMBERS[m.group("m2").rstrip(".").lower()]
    year, following = int(m.group("y1")), int(m.group("y2"))
    if following == year and first <= last:
        return PeriodMention(start, end, "months", first, last, year=year)
    if following == year + 1 and last < first:
        return PeriodMention(start, end, "fiscal", first, last, year=year)
    return PeriodMention(start, end, "span")


def _deadline(m: re.Match, start: int, end: int) -> PeriodMention:
    return PeriodMention(start, end, "deadline", year=int(m.group("y")))


def _end_of_year(m: re.Match, start: int, end: int) -> PeriodMention:
    """ "By the end of 2024": that whole year; a deadline when it lies after the reference year."""
    return PeriodMention(start, end, "months", **_year_fields(m))


def _half_short(m: re.Match, start: int, end: int) -> PeriodMention:
    """ "H1 2023", "1H17" (the first half of 2017), "H2'22"."""
    h = int(m.group("hn") or m.group("hn2"))
    year = int(m.group("y")) if m.group("y") else 2000 + int(m.group("yy"))
    return PeriodMention(start, end, "months", 6 * h - 5, 6 * h, year=year)


def _quarter_short(m: re.Match, start: int, end: int) -> PeriodMention:
    """ "1Q17", "Q3'22": a quarter of a year written with two digits."""
    q = int(m.group("qn") or m.group("qn2"))
    return PeriodMention(start, end, "months", 3 * q - 2, 3 * q, year=2000 + int(m.group("yy")))


@dataclass(frozen=True)
class _Form:
    """One way of writing a period.

    The pattern starts with the form's own words, never with optional words or a
    look-behind, so the regex engine can skip quickly to where it might match;
    the words that may lead into it ("from January ...", "in 2022") are taken
    afterwards by looking back.
    """

    pattern: re.Pattern  # for the original text
    lowered: re.Pattern | None  # the same, case-sensitive, for lower-cased text (much faster); None if case matters
    read: Callable[[re.Match, int, int], PeriodMention | None]  # the mention of a match, given its start and end
    needs: tuple[str | re.Pattern, ...]  # lower-case words or regexes; the form is tried only if one is present
    lead_in: frozenset[str] = frozenset()
    numeric: bool = False  # starts with a number: must not continue one ("$2022", "1.2022")


def _form(pattern: str, read, needs, lead_in: str = "", numeric: bool = False, cased: bool = False) -> _Form:
    """A form; unless ``cased`` (month names, "Q1"), it is also compiled for lower-cased text.

    As with ``words.Words``, forms whose case does not matter run on the
    lower-cased sentence, which all of them share (see ``find_periods``).
    """
    lowered = None if cased else re.compile(pattern.replace("(?i:", "(?:"))
    return _Form(re.compile(pattern, 0 if cased else re.IGNORECASE), lowered, read, needs,
                 frozenset(lead_in.split()), numeric)


_YEAR_CORE = r"(?:19[5-9]\d|20\d\d)(?![\w%/-]|[.,]\d)"
#: A year of the Iranian calendar by its number (1350 to 1449: 1971 to 2071), never followed by a unit
_IRANIAN_YEAR_NUMBER = r"(?<![\w$€£.,/-])(?P<iy>1[34]\d\d)(?![\w%/-]|[.,]\d)"
#: The Gregorian dates news writes after months of an Iranian year: "(March 21-July 22)", "(beginning March 21, 2024)"
_IRANIAN_WRITTEN_DATES = (rf"(?:\s*\((?i:(?:started|starting|beginning|from)\s+(?:on\s+)?)?(?P<m1>{_MONTH})\s+"
                          rf"(?P<d1>\d{{1,2}})(?:,?\s*(?P<y1>20\d\d))?(?:\s*(?:-|–|to)\s*(?P<m2>{_MONTH})\s+"
                          rf"(?P<d2>\d{{1,2}}))?\))?")
#: When a named Iranian year ended, as news adds it: "(ended March 19, 2024)", ", which ended on March 20"
_IRANIAN_YEAR_END = (r"(?P<ended>(?:\s*\(|,?\s+)(?:(?:which|that)\s+)?(?:ended|ending|ends)\s+(?:on\s+)?(?-i:March)\s+"
                     r"(?P<ed>[12]\d)(?:,?\s*(?P<ey>20\d\d))?\)?)?")
#: The first year of a two-year range ("2021-22", "2022/23").
_YEAR_CORE_RANGE = r"(?:19[5-9]\d|20\d\d)"
# The hints below start with a plain character or class ("\d\d\d\d", not "\d{4}"), so the regex engine can skip
# ahead to where they might match.
_FOUR_DIGITS = re.compile(r"\d\d\d\d")
_MONTH_NAME = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
#: The nouns of titles that end on a year: "the Economic Survey 2021", "Vision 2030" (lower case: the year's form
#: runs on the lower-cased sentence).
_NOT_IN_A_TITLE = "".join(rf"(?<!\b{word}\s)" for word in (
    "survey", "report", "vision", "expo", "agenda", "census", "yearbook", "outlook", "strategy", "review", "forum",
    "summit", "index", "programme", "program", "act"))
#: The first half of a fiscal year ("the first half of the financial year (2021-22)"): its first six months.
_FIRST_HALF = r"(?:the\s+)?(?:first|1st)\s+(?P<half>half)\b"
#: After "to": not an amount (a number, with the currency and the hedges written before one), so the "to" may start a
#: range of months.
_NO_AMOUNT_AFTER = rf"(?!\s+(?:{g.QUALIFIER_PHRASE}\s+)*(?:{PREFIX_PATTERN}\s?)?\d)"
_YEAR_RANGE = re.compile(r"\d\d\d\d\s*(?:[-–/]\s*\d\d|(?:to|till|until|through|and)\s*\d{4})")
_N = rf"(?:\d+|{WORD_NUMBER}|several|few|a\s+few)"

#: Every way of writing a period. Where two readings overlap, the one starting first, then the longest, wins.
_FORMS: list[_Form] = [
    _form(rf"(?P<m1>{_MONTH})\s+(?P<y1>(?:19|20)\d\d)\s*(?:-|–|—|to\b|through\b|thru\b|till\b|until\b)\s*"
          rf"(?P<m2>{_MONTH})\s+(?P<y2>{_YEAR})", _months_across_years, (_MONTH_NAME,), "from the in for during over",
          cased=True),
    _form(rf"[Bb]etween\s+(?P<m1>{_MONTH})\s+(?P<y1>(?:19|20)\d\d)\s+and\s+(?P<m2>{_MONTH})\s+(?P<y2>{_YEAR})",
          _months_across_years, ("between",), cased=True),
    _form(rf"(?P<m1>{_MONTH})\s*(?:-|–|—|to\b|through\b|till\b|until\b)\s*(?P<m2>{_MONTH})\s*(?:\(\s*|,\s*|of\s+)?"
          rf"(?:(?:the\s+)?(?:fiscal|financial)\s+year\s+|FY\s?)?(?P<y>{_YEAR_CORE_RANGE})\s*[-–/]\s*(?P<y2>20\d\d|\d\d)"
          r"(?!\d)\)?", _fiscal_months, (_MONTH_NAME,), "from between the in for during", cased=True),
    _form(rf"(?P<m1>{_MONTH})\s*(?:-|–|—|to\b|through\b|thru\b|till\b|until\b|and\b)\s*(?P<m2>{_MONTH})"
          rf"(?:\s+(?:period|months)(?=\s+of\b))?{_YEAR_SPEC}(?:\s+(?:period|months)\b)?", _range, (_MONTH_NAME,), "from between the in for during",
          cased=True),
    _form(rf"(?P<n>\d{{1,2}}|{WORD_NUMBER})[\s-]+months?\b{_YEAR_SPEC}", _first_months, ("month",),
          "the first"),
    _form(r"(?<![\w$€£.,])(?P<n>1[0-2]|[1-9])M(?P<yy>20\d\d|[12]\d)(?!\w|[.,]\d)", _months_short,
          ("0m", "1m", "2m", "3m", "4m", "5m", "6m", "7m", "8m", "9m"), cased=True),
    _form(rf"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b{_YEAR_SPEC}", _quarter,
          ("quarter",), "the"),
    _form(rf"Q(?P<qn>[1-4])(?:\s*[-,]?\s*(?:of\s+)?(?P<y>{_YEAR}))?(?!\w)", _quarter,
          ("q1", "q2", "q3", "q4"), cased=True),
    _form(rf"first\s+(?P<nq>two|three|2|3)\s+quarters\b{_YEAR_SPEC}", _first_quarters, ("quarters",),
          "the"),
    # "over the three quarters of this year" (never "three quarters of the trade", a share: a year must follow)
    _form(rf"(?<=the\s)(?P<nq>two|three)\s+quarters\s+(?:of|in)\s+(?:the\s+)?(?:(?P<y>{_YEAR})|(?P<rel>{_RELATIVE}))",
          _first_quarters, ("quarters",), "the"),
    _form(rf"(?P<h>first|second|1st|2nd)\s+half\b{_YEAR_SPEC}", _half, ("half",), "the"),
    # ("1H2018": the year may be glued to the half)
    _form(rf"(?:H(?P<hn>[12])|(?P<hn2>[12])H)(?:\s*-?\s*(?P<y>{_YEAR_CORE})|['’]?(?P<yy>[12]\d)(?![\w%]|[.,]\d))",
          _half_short, ("h1", "h2", "1h", "2h"), cased=True),
    _form(r"(?<![\w$€£.,])(?:Q(?P<qn>[1-4])['’]|(?P<qn2>[1-4])Q)(?P<yy>[12]\d)(?![\w%]|[.,]\d)", _quarter_short,
          ("q1", "q2", "q3", "q4", "1q", "2q", "3q", "4q"), cased=True),
    _form(rf"(?P<m>{_MONTH})\s+(?:of\s+)?(?:(?P<y>{_YEAR})|(?P<rel>(?:this|last|the\s+current|the\s+previous)\s+year)"
          r"(?![\w-]|['’]s))", _month_of_year, (_MONTH_NAME,), "in", cased=True),
    # ("rose 15 percent in September to $1.1 billion": a "to" before an amount is the figure's, no range of months)
    # (a month after "ended" or "began" dates the end of another period: "in fiscal 2017, which ended in March")
    _form(rf"(?<!ended\s)(?<!ending\s)(?<!ends\s)(?<!began\s)(?<!begins\s)(?<!started\s)"
          rf"(?:[Ii]n|[Ff]or|[Dd]uring)\s+(?:the\s+month\s+of\s+)?(?P<m>{_MONTH})(?![\w.]|\s*\d|\s*(?:[-–—]|to\b{_NO_AMOUNT_AFTER}|through\b"
          rf"|thru\b|till\b|until\b|and\s+{_MONTH}))", _month_of_year,
          (_MONTH_NAME,), cased=True),
    _form(rf"(?:since|from)\s+the\s+(?:beginning|start)\s+of\s+(?P<y>{_YEAR})", _year_to_date,
          ("beginning of", "start of")),
    _form(rf"since\s+(?:early|the\s+outset\s+of)\s+(?P<y>{_YEAR})", _year_to_date, ("since early", "outset of")),
    _form(r"[Ss]ince\s+(?:January|the\s+start\s+of\s+January)\b(?![\s,]*(?:\d|-|–|to\b|through\b))", _year_to_date,
          ("since january", "since the start of january"), cased=True),
    _form(rf"(?:(?:reporting|review|reported)\s+period|period\s+under\s+review)\b(?:\s+(?:of|in)\s+(?:the\s+)?"
          rf"(?:{_YEAR}|{_RELATIVE}))?", _under_review,
          ("reporting period", "review period", "reported period", "under review")),
    _form(r"(?:during|over|in|for|within)\s+the\s+period\b(?!\s+(?:of|from|between|to|in|when|since|until|till|under"
          r"|through|ending|ended)\b|\s*\d)", _current, ("the period",)),
    # "was China during this period", "in the given period": the period in force
    _form(r"(?:during|over|in|for|within)\s+(?:this|that|the\s+given|the\s+said)\s+period\b(?!\s+(?:of|last|a\s+year)\b"
          r"|\s*\d)", _current, ("this period", "that period", "given period", "said period")),
    _form(r"(?:so\s+far\s+(?:this|in\s+the\s+current|in\s+the)\s+year|(?:since|from)\s+the\s+(?:beginning|start)\s+"
          r"of\s+(?:the\s+|this\s+|the\s+current\s+)?year|year[\s-]to[\s-]date)\b", _year_to_date,
          ("year",)),
    _form(rf"(?:same|corresponding|comparable|analogous|similar)\s+(?:period|months?|timeframe|time\s+frame)"
          rf"(?:\s+(?:(?:of|in|a)\s+)?(?:the\s+)?"
          rf"(?:(?P<y>{_YEAR})|(?P<rel>{_RELATIVE})|year\s+(?:earlier|ago|before)"
          r"|(?P<fy>(?i:fy|fiscal\s+year\s+)\s?(?:19|20)\d\d(?:[-–/]\d\d(?:\d\d)?)?)))?"
          r"|(?:last|previous)\s+year['’]s\s+(?:same|analogous|corresponding|comparable)\s+period",
          _same_period, ("period", "month", "frame"), "the"),
    _form(rf"(?:the\s+)?(?P<nth>{'|'.join(_MONTH_ORDINALS)})\s+month\s+of\s+(?:the\s+)?"
          rf"(?:(?P<y>{_YEAR})|(?P<rel>{_RELATIVE}))", _nth_month, ("month of",), "in for during the"),
    # "the above-mentioned period in 2023": the months of the figure, in that year
    _form(rf"(?:above[\s-]mentioned|aforementioned|mentioned)\s+period\s+(?:of|in)\s+(?:the\s+)?"
          rf"(?:(?P<y>{_YEAR})|(?P<rel>{_RELATIVE}))", _same_period, ("mentioned",), "the"),
    _form(r"(?:year[\s-]on[\s-]year|y-o-y|a\s+year\s+(?:earlier|ago|before))\b", _year_ago, ("year",)),
    _form(rf"(?:over|in|during|for|within)\s+(?:the\s+)?(?:(?:past|last|previous|recent|next|coming)\s+)?{_N}\s+"
          r"(?:years|decades)\b|in\s+recent\s+years|over\s+the\s+(?:past|last)\s+decade", _span,
          ("years", "decade")),
    _form(rf"since\s+{_YEAR}", _span, ("since",)),
    _form(rf"from\s+{_YEAR}\s+(?:to|till|until|through)\s+{_YEAR}|between\s+{_YEAR}\s+and\s+{_YEAR}"
          rf"|{_YEAR_CORE}\s*[-–]\s*{_YEAR}", _span, (_YEAR_RANGE,)),
    _form(rf"(?<![\w$€£.,/-])(?P<y>{_YEAR_CORE_RANGE})\s*[-–/]\s*(?P<y2>(?:19|20)\d\d|\d\d)(?![\w%/-]|[.,]\d)",
          _year_pair, (_YEAR_RANGE,)),
    # ("the last nine months of 2023" is no rolling window: months of that year, read as months)
    _form(rf"(?:in|over|during)\s+the\s+(?:past|last)\s+(?P<n>\d+|{WORD_NUMBER})\s+months(?!\s+of\s+(?:19|20)\d\d)",
          _past_months, ("months",)),
    _form(rf"(?:by|at|to|as\s+of)\s+the\s+end\s+of\s+(?:the\s+)?(?:(?P<y>{_YEAR})|(?P<rel>{_RELATIVE}))",
          _end_of_year, ("end of",)),
    _form(rf"(?i:(?:the\s+)?(?:(?:first|initial|past|last)\s+)?)(?P<n>\d{{1,2}}|{WORD_NUMBER})(?i:\s+months?\s+(?:to|through|"
          rf"ending|ended|up\s+to|leading\s+(?:up\s+)?to)\s+(?:late\s+|the\s+end\s+of\s+)?)(?P<m>{_MONTH})(?:\s+(?P<d>[1-3]?\d)(?!\d))?"
          rf"(?:,?\s+(?P<y>{_YEAR}))?", _months_to, ("month",), "in the for during of over", cased=True),
    _form(rf"(?i:(?:the\s+)?(?:year|12\s+months)\s+(?:ended|ending|to)\s+)(?P<m>{_MONTH})(?:\s+(?P<d>[1-3]?\d)(?!\d))?"
          rf",?\s+(?P<y>{_YEAR})|(?i:the\s+)(?P<m2>{_MONTH})\s+(?P<y2>{_YEAR})\s+(?i:year)\b", _year_to,
          ("year",), "in the for during of over", cased=True),
    _form(rf"(?i:(?:the\s+)?(?:first|initial|past|last)\s+)(?:(?P<n>\d{{1,2}}|{WORD_NUMBER})(?i:\s+months?)|(?P<quarter>(?i:quarter)))"
          r"(?i:\s+of\s+(?:the\s+)?(?:current\s+)?(?:Iranian|Persian)\s+(?:calendar\s+|solar\s+)?year)"
          r"(?:(?i:\s+(?:of\s+)?)(?P<iy>1[34]\d\d))?"
          + _IRANIAN_WRITTEN_DATES, _iranian_months, ("iranian", "persian"), "in the for during of over", cased=True),
    # months of an Iranian year by its number alone ("the first four months of 1402")
    _form(rf"(?i:(?:the\s+)?(?:first|initial|past|last)\s+)(?:(?P<n>\d{{1,2}}|{WORD_NUMBER})(?i:\s+months?)|(?P<quarter>(?i:quarter)))"
          rf"(?i:\s+of\s+(?:the\s+)?(?:year\s+)?){_IRANIAN_YEAR_NUMBER}" + _IRANIAN_WRITTEN_DATES,
          _iranian_months, (_FOUR_DIGITS,), "in the for during of over", cased=True),
    # a whole Iranian year, named as such or by its number
    _form(rf"(?i:(?:the\s+)?(?:(?P<rel>last|previous|past|preceding|current|this|present)\s+)?(?:Iranian|Persian)\s+"
          rf"(?:calendar\s+|solar\s+|fiscal\s+)?year)(?:\s+(?i:of\s+)?{_IRANIAN_YEAR_NUMBER})?{_IRANIAN_YEAR_END}",
          _iranian_year, ("iranian", "persian"), "in the for during over", cased=True),
    _form(rf"(?:(?i:(?:the\s+)?year\s+)|(?<=\bin\s)|(?<=\bIn\s)|(?<=during\s)|(?<=\bfor\s)|(?<=over\s))"
          rf"{_IRANIAN_YEAR_NUMBER}"
          rf"(?=\s*(?:[,.;:)(]|$)|\s+(?i:compared|against|versus|from|to|and|when|which|while|as|up|down|than|in|"
          rf"was|were|reached|amounted|totaled|totalled|stood)\b){_IRANIAN_YEAR_END}",
          _iranian_year, (_FOUR_DIGITS,), "in the for during over", cased=True),
    _form(rf"(?i:(?:the\s+)?(?:(?:first|initial)\s+)?)(?:(?P<n>\d{{1,2}}|{WORD_NUMBER})(?i:\s+months?)|{_FIRST_HALF})"
          rf"(?i:\s+of\s+(?:the\s+)?)(?:(?i:(?:(?:current|ongoing|this|present|last|previous|past)\s+)?(?:fiscal|financial)\s+year)"
          rf"(?:\s+(?i:of\s+)?|\s*\((?=[^)]*\)))|FY\s?)(?P<y>{_YEAR_CORE_RANGE})\s*[-–/]\s*"
          r"(?P<y2>20\d\d|\d\d)(?!\d)\)?", _first_months_of_fiscal_year, ("fiscal", "financial", "fy"),
          "in the for during of", cased=True),
    _form(rf"(?P<m1>{_MONTH})\s*(?:-|–|—|to\b|through\b|till\b|until\b)\s*(?P<m2>{_MONTH})\s+(?i:(?:of\s+)?(?:the\s+)?"
          r"(?P<rel>current|ongoing|this|present|last|previous|past|preceding)\s+(?:fiscal|financial)(?:\s+year)?)\b",
          _months_of_relative_fiscal_year, ("fiscal", "financial"), "from between the in for during", cased=True),
    _form(rf"(?:(?i:fiscal|financial)\s+(?i:year)\s+(?:of\s+)?|FY\s?)(?P<y>{_YEAR_CORE_RANGE})\s*[-–/]\s*"
          r"(?P<y2>20\d\d|\d\d)(?!\d)", _fiscal_year, ("fiscal", "financial", "fy"), "in the for during of",
          cased=True),
    _form(r"(?:(?i:fiscal|financial)\s+(?i:year)\s+|(?i:fiscal)\s+(?=20\d\d)|FY\s?|FY\s?['’])(?P<fy>20\d\d|\d\d)"
          r"(?![\d%]|\s*[-–/]\s*\d)",
          _fiscal_named, ("fiscal", "financial", "fy"), "in the for during of", cased=True),
    _form(rf"(?:(?:the\s+)?(?:(?:first|initial)\s+(?P<n>\d{{1,2}}|{WORD_NUMBER})\s+months?|{_FIRST_HALF})\s+of\s+)?"
          r"(?:the\s+)?"
          r"(?:(?P<rel>current|ongoing|this|present|last|previous|past|preceding)\s+(?:(?:fiscal|financial)\s+year"
          r"|fiscal(?=\s*(?:[,.;)]|$)|\s+(?:to|in|from|and|was|were|is|compared|against|as|when|with|over)\b))"
          r"|(?:fiscal|financial)\s+year)\b"
          r"(?!\s*(?:\(?\s*(?:19|20)\d\d|of\s+(?:19|20)\d\d|end(?:ing|ed)\b|to\s+[A-Z]))",
          _fiscal_relative, ("fiscal", "financial"), "in during for over of the"),
    _form(rf"by\s+(?P<y>{_YEAR})", _deadline, ("by ",)),
    _form(rf"(?P<rel>{_RELATIVE})(?:\s+alone)?|over\s+the\s+year\b", _relative_year, ("year",),
          "in for during over throughout the"),
    # ("officials said last month that ..." dates the saying, not the figure)
    _form(r"(?<!said\s)(?<!says\s)(?<!reported\s)(?<!announced\s)(?<!told\s)(?<!published\s)(?<!released\s)"
          r"(?:last|previous|past)\s+month\b(?!['’]s|\s+of\b)", _last_month, ("month",), "in for during over the"),
    # (not the year in a title: "the Economic Survey 2021 shows", "Vision 2030", "Expo 2020")
    _form(rf"{_NOT_IN_A_TITLE}(?P<y>{_YEAR_CORE})(?:\s+year\b)?", _year, (_FOUR_DIGITS,), "in for during of throughout",
          numeric=True),
]
#: The hint words of the only forms whose reading depends on the fiscal year of the article's country
#: (``Reference.fiscal_start``): "FY2022-23", "FY25", "the first eight months of the current fiscal year",
#: "August to January of the current fiscal year". (Months across the new year with no year and no fiscal
#: word, "from August to January", are the latest such months without it.)
FISCAL_START_HINTS = ("fiscal", "financial", "fy")
assert all(set(f.needs) <= set(FISCAL_START_HINTS) for f in _FORMS
           if f.read in (_fiscal_year, _fiscal_relative, _fiscal_named, _first_months_of_fiscal_year,
                         _months_of_relative_fiscal_year))


def may_need_fiscal_start(lower: str) -> bool:
    """Whether some period mention of an article may be resolved against the fiscal year of its country.

    ``lower`` is the article lower-cased, or its ASCII copy lower-cased (``QuickTests.lower``),
    which holds the same hint words: of the letters in them, only an "i" followed by a
    combining dot (from "İ") can come from a letter outside ASCII, and every "i" of a hint
    is followed by a letter. Only the forms hinted by ``FISCAL_START_HINTS`` read such a
    mention, besides two years written as one, and a form is tried on a stretch only when its hint is in that stretch
    lower-cased, hence in the whole article. An article without them (most) needs no
    fiscal year, and so not its pair of countries, which costs a scan of it for every name.
    """
    return any(map(lower.__contains__, FISCAL_START_HINTS)) or _TWO_YEARS.search(lower) is not None


#: Two years written as one ("2022-23", "2021/2022"): a fiscal year where the article's country counts in those
#: ("$31.8 billion in 2022-23" in an Indian report), else a span of years.
_TWO_YEARS = re.compile(r"(?:19|20)\d\d\s*[-–/]\s*(?:20)?\d\d(?!\d)")


#: For each hint, the forms that need it (by position in ``_FORMS``): words looked for in the lower-cased
#: text, patterns searched in the text itself.
_FORMS_NEEDING_WORD: dict[str, list[int]] = {}
_FORMS_NEEDING_PATTERN: dict[re.Pattern, list[int]] = {}
for _index, _f in enumerate(_FORMS):
    for _hint in _f.needs:
        _needing = _FORMS_NEEDING_PATTERN if isinstance(_hint, re.Pattern) else _FORMS_NEEDING_WORD
        _needing.setdefault(_hint, []).append(_index)


def _hint_tree(words: dict[str, list[int]]) -> tuple[tuple[str, tuple[int, ...], tuple], ...]:
    """The hint words as a tree: (word, forms, children), each child holding its parent ("years" holds "year").

    A word absent from a sentence rules out every word that holds it, so a sentence is
    tested for a child only when it has the parent: far fewer tests than one per hint.
    """
    words = {"q": [], **words}  # a gate of no form of its own: "q" is rare in English, "q1" ... "q4" hold it
    parent: dict[str, str] = {}
    for w in words:
        holders = [p for p in words if p != w and p in w]
        if holders:
            parent[w] = min(holders, key=lambda p: (len(p), p))

    def node(w: str) -> tuple[str, tuple[int, ...], tuple]:
        return w, tuple(words[w]), tuple(node(c) for c in words if parent.get(c) == w)

    return tuple(node(w) for w in words if w not in parent)


_HINT_TREE = _hint_tree(_FORMS_NEEDING_WORD)
#: The forms needing each of the three hint patterns (the only ones).
_MONTH_FORMS = tuple(_FORMS_NEEDING_PATTERN[_MONTH_NAME])
_YEAR_FORMS = tuple(_FORMS_NEEDING_PATTERN[_FOUR_DIGITS])
_YEAR_RANGE_FORMS = tuple(_FORMS_NEEDING_PATTERN[_YEAR_RANGE])
assert len(_FORMS_NEEDING_PATTERN) == 3
#: The forms that read only a stretch with a month named in it ("between March 2022 and May 2023", "the 12 months
#: to June", "the year ended March 2023", "April-June of the current fiscal year"): every alternative of their
#: pattern holds ``_MONTH``, cased, and so ``_MONTH_NAME``. Hinted by words as some are, they are not tried on a
#: stretch that names no month.
_FORMS_OF_A_MONTH = frozenset(i for i, f in enumerate(_FORMS) if f.read in (
    _months_across_years, _months_to, _year_to, _months_of_relative_fiscal_year))
#: Of those, the forms with a year of four digits in every match ("March 2022 - May 2023"), and a range of years
#: ("April-June 2022-23", which ``_YEAR_RANGE`` finds): not tried on a stretch without one.
_FORMS_OF_A_YEAR_RANGE = frozenset(i for i, f in enumerate(_FORMS) if f.read is _fiscal_months)
_FORMS_OF_A_YEAR = frozenset(i for i, f in enumerate(_FORMS) if f.read is _months_across_years) | _FORMS_OF_A_YEAR_RANGE
#: Forms hinted by a common word ("year", "month", "period") whose every match, lower-cased, also holds one of
#: these words: on the lower-cased stretch (the only one they are gated on) they are tried only where one is.
#: "so far this year", "since the beginning of the year", "year-to-date"; "the same period", "last year's
#: corresponding period"; "last month".
_WORD_GATES: dict[int, tuple[str, ...]] = {
    i: words for i, f in enumerate(_FORMS) for read, needs, words in (
        (_year_to_date, ("year",), ("far", "beginning", "start", "date")),
        (_same_period, ("period", "month", "frame"), ("same", "corresponding", "comparable", "analogous", "similar")),
        (_last_month, ("month",), ("last", "previous", "past")))
    if f.read is read and f.needs == needs}
assert len(_WORD_GATES) == 3


def _hinted_forms(lower: str, nodes: tuple, active: set[int]) -> None:
    """Add to ``active`` the forms whose hint words are in ``lower``."""
    for word, forms, children in nodes:
        if word in lower:
            active.update(forms)
            if children:
                _hinted_forms(lower, children, active)


#: Words that make the period after them the one compared against ("than in 2021"), and the filler that may
#: stand between ("compared to the figure for 2021").
_COMPARING_WORDS = frozenset({"than", "against", "versus", "vs", "from"})
_COMPARING_PAIRS = frozenset({("compared", "to"), ("compared", "with"), ("comparison", "to"), ("comparison", "with"),
                              ("comparing", "to"), ("comparing", "with"), ("relative", "to"), ("as", "against"),
                              ("compare", "to"), ("compare", "with")})  # "if to compare with January 2016"
_COMPARISON_FILLER = frozenset("in the a same figure figures level levels period indicator of for that those its their "
                               "result results".split())
#: A stretch of months after these words ("the last 12 months") is a rolling window, not a calendar period.
_ROLLING_WORDS = frozenset({"last", "past", "previous", "recent", "next", "coming"})
#: Of those, the words that count months back from the end of the year named after them ("the past nine months
#: of 2023"): written during that year, its months so far.
_BACK_OF_A_YEAR = frozenset({"last", "past"})
#: "than in 2021, when trade totalled $3 billion": the period compared against is the period of the clause after it.
_WHEN_AFTER = re.compile(r",?\s+when\b")
#: "over the same period", "in the same period" (no year after): the period the article is about, not a comparison.
_CURRENT_LEAD_IN = frozenset({"over", "in", "during", "for"})
_TOKEN = re.compile(r"[a-z'’]+|[^\sa-z]")
_TOKEN_WORDS = re.compile(r"[a-z'’]+")


def _tokens_before(text: str, at: int, floor: int, width: int = 60) -> list[str]:
    """The lower-case words (and punctuation marks) just before ``at``."""
    return _TOKEN.findall(text[max(floor, at - width):at].lower())


#: What a figure is written with: "$22.9 billion", "5 percent", "1.2 trillion tenge".
_FIGURE_TOKENS = frozenset("$ € £ ¥ ₸ ₽ . , % percent per cent thousand million billion trillion mln bln bn mn trln "
                           "tn us".split()) | frozenset(word for position in CURRENCY_TERMS.values() for term in position
                                                        for word in _TOKEN_WORDS.findall(term.lower()))
#: A growth figure written before "on": "up 3.2% on 2022", "a rise of 8 percent on last year".
_GROWTH_ENDS = frozenset({"%", "percent", "cent", "times", "fold"})


#: A change named after its figure: "a 6.1 per cent decline".
_CHANGE_NOUNS = frozenset("decline increase growth rise drop fall decrease contraction gain jump".split())


def _is_comparison(tokens: list[str]) -> bool:
    """Whether the words before a period make it the period compared against.

    "than in 2021", "compared to the same period of 2022", "up 3.2% on 2022", and
    a comparison value's own period: "compared with $22.9 billion in January-July 2022".
    """
    i = _skip(tokens, len(tokens), _COMPARISON_FILLER)
    if not i:
        return False
    if _compares(tokens, i):
        return True
    if tokens[i - 1] == "on" and i >= 2 and tokens[i - 2] in _GROWTH_ENDS:
        return True
    if tokens[i - 1] in _CHANGE_NOUNS:  # "compared to a 6.1 per cent decline in March": the change compared with
        i -= 1
    j = i
    while j and (tokens[j - 1] in _FIGURE_TOKENS or tokens[j - 1][0].isdigit()):
        j -= 1
    if j == i or not any(t[0].isdigit() for t in tokens[j:i]):
        return False
    j = _skip(tokens, j, _COMPARISON_FILLER)
    if j >= 2 and tokens[j - 1] == "than" and tokens[j - 2] in ("more", "less") and (
            j < 3 or (tokens[j - 3] not in _GROWTH_ENDS and not tokens[j - 3][0].isdigit())):
        return False  # "amounted to more than $2 billion in 2018": a qualifier of the figure, not a comparison
    return bool(j) and _compares(tokens, j)


def _skip(tokens: list[str], i: int, words: frozenset[str]) -> int:
    while i and tokens[i - 1] in words:
        i -= 1
    return i


def _compares(tokens: list[str], i: int) -> bool:
    return tokens[i - 1] in _COMPARING_WORDS or (i >= 2 and (tokens[i - 2], tokens[i - 1]) in _COMPARING_PAIRS)


def _lead_in(text: str, at: int, floor: int, words: frozenset[str]) -> int:
    """Where a mention starts once the lead-in words before it ("from", "in the") are taken in."""
    start = at
    while words:
        word_end = start
        while word_end > floor and text[word_end - 1] in " \t\n":
            word_end -= 1
        word_start = word_end
        while word_start > floor and text[word_start - 1].isalpha():
            word_start -= 1
        if word_end == start or text[word_start:word_end].lower() not in words:
            break
        start = word_start
    return start


def find_periods(text: str, start: int, end: int) -> list[PeriodMention]:
    """Every period mention in ``text[start:end]``, in text order."""
    found = []
    lower = text[start:end].lower()
    lowered_ok = len(lower) == end - start  # lower-casing kept every offset (true but for rare letters)
    active: set[int] = set()
    _hinted_forms(lower, _HINT_TREE, active)
    if _MONTH_NAME.search(text, start, end) is not None:
        active.update(_MONTH_FORMS)
    elif active:
        active.difference_update(_FORMS_OF_A_MONTH)  # hinted by a word ("between", "year"), but no month is named
    four = _FOUR_DIGITS.search(text, start, end)
    if four is not None:  # a range of years starts with four digits, so not before the first four
        active.update(_YEAR_FORMS)
        if _YEAR_RANGE.search(text, four.start(), end) is not None:
            active.update(_YEAR_RANGE_FORMS)
        elif active:
            active.difference_update(_FORMS_OF_A_YEAR_RANGE)
    elif active:
        active.difference_update(_FORMS_OF_A_YEAR)
    for index in sorted(active):
        form = _FORMS[index]
        if form.lowered is not None and lowered_ok:
            gate = _WORD_GATES.get(index)
            if gate is not None and not any(map(lower.__contains__, gate)):
                continue  # hinted, but none of the words every match of the form holds is there
            matches, shift = form.lowered.finditer(lower), start
        else:
            matches, shift = form.pattern.finditer(text, start, end), 0
        for m in matches:
            at = m.start() + shift
            before = text[at - 1] if at > start else " "
            if before.isalnum() or before == "_" or (form.numeric and before in "$€£.,/-"):
                continue
            mention = form.read(m, _lead_in(text, at, start, form.lead_in), m.end() + shift)
            if mention is not None:
                found.append(mention)
    found.sort(key=lambda p: (p.start, -(p.end - p.start)))
    kept: list[PeriodMention] = []
    for p in found:
        if kept and p.start < kept[-1].end:
            continue
        if p.kind == "months":
            tokens = _tokens_before(text, p.start, start)
            if tokens and tokens[-1] in _ROLLING_WORDS:
                if p.year is not None and p.first_month == 1 and tokens[-1] in _BACK_OF_A_YEAR:
                    p = replace(p, counted_back=True)  # "over the last nine months of 2023": months of that year
                else:
                    p = replace(p, kind="span")
            elif _is_comparison(tokens):
                recalled = _WHEN_AFTER.match(text, p.end, end) is not None
                p = replace(p, comparison=not recalled, recalled=recalled)
        elif p.bare:
            tokens = _tokens_before(text, p.start, start)
            if tokens and tokens[-1] in _CURRENT_LEAD_IN and not _is_comparison(tokens):
                p = replace(p, kind="current", comparison=False)  # "over the same period": the period in force
        kept.append(p)
    return kept


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def months_long(period: Period) -> int:
    """How many months a period spans, to the nearest month (an Iranian quarter is three)."""
    if not period.start or not period.end:
        return 0
    days = (dt.date.fromisoformat(period.end) - dt.date.fromisoformat(period.start)).days + 1
    return round(days / 30.44)


def _reaches_back_to_january(months: int, ref: Reference) -> bool:
    """Whether "the past N months" of a report are this year's so far: the month before publication or the one before
    it is the Nth (statistics come out a month or two late)."""
    return ref.month is not None and ref.month - 2 <= months <= ref.month - 1


def resolve(mention: PeriodMention, ref: Reference) -> Period | None:
    """ISO dates of a usable mention, or None when its year cannot be known."""
    if mention.months_back:
        if ref.year is None or ref.month is None:
            return None
        k = ref.year * 12 + ref.month - 1 - mention.months_back
        return _months(k // 12, k % 12 + 1, k % 12 + 1)
    if mention.year is not None:
        year = mention.year
    elif ref.year is None:
        return None
    elif mention.offset is not None:
        year = ref.year + mention.offset
    else:
        # A month stretch without a year is the latest one not after the reference month.
        year = ref.year - 1 if ref.month and mention.last_month > ref.month else ref.year
    if mention.past_window and not _reaches_back_to_january(mention.last_month, ref):
        return None
    if mention.iranian_months:
        return _iranian_period(mention, ref)
    if mention.months_to is not None:
        return _months_to_period(mention, ref)
    if mention.named_fiscal_year:
        return _named_fiscal_year(mention, ref)
    if mention.months_of_fiscal:
        return _months_of_fiscal(mention, ref)
    if mention.kind == "fiscal" and mention.first_month == 0:  # "the first eight months of the current fiscal year"
        return _fiscal_stretch(mention, ref)
    if mention.whole_fiscal_year and ref.fiscal_start:  # "FY2022-23" in an Indian report: April to March
        first = ref.fiscal_start
        return Period(dt.date(year, first, 1).isoformat(),
                      _last_day(year + 1 if first > 1 else year, (first - 2) % 12 + 1).isoformat())
    if mention.kind == "fiscal":  # July of its first year to June of the next, or the months written
        end_year = year + 1 if mention.last_month < mention.first_month else year
        return Period(dt.date(year, mention.first_month, 1).isoformat(),
                      _last_day(end_year, mention.last_month).isoformat())
    whole_year = (mention.first_month, mention.last_month) == (1, 12)
    unfinished = whole_year and year == ref.year and ref.month is not None and ref.month < 12
    if mention.kind == "ytd" or (mention.this_year and ref.month != 12) or unfinished:
        # "this year" or "in 2023" written during 2023: the year so far.
        return _year_so_far(year)
    if mention.counted_back and ref.year is not None and ref.year > year:  # written after the year: its last months
        return _months(year, 13 - mention.last_month, 12)
    if mention.counted_back and ref.year == year and ref.month is not None:
        # written during the year: the months up to the one before publication ("the past three months of 2023"
        # in October: July to September)
        if ref.month == 1:
            return None
        return _months(year, max(1, ref.month - mention.last_month), ref.month - 1)
    return _months(year, mention.first_month, mention.last_month)


def _months_to_period(mention: PeriodMention, ref: Reference) -> Period | None:
    """The ``n`` months that end in the month written (the latest such month by the publication, if no year)."""
    n, month, day = mention.months_to
    if mention.year is not None:
        year = mention.year
    elif ref.year is None:
        return None
    else:
        year = ref.year + (mention.offset or 0) - (1 if ref.month is not None and month > ref.month else 0)
    try:
        end = dt.date(year, month, day) if day else _last_day(year, month)
    except ValueError:
        return None
    first = year * 12 + month - 1 - (n if day else n - 1)  # months since year 0 of the first month
    start_year, start_month = divmod(first, 12)
    start_month += 1
    start = dt.date(start_year, start_month, min(day + 1, calendar.monthrange(start_year, start_month)[1])) if day \
        else dt.date(start_year, start_month, 1)
    if day and start.month == 3 and n <= 11:
        # "the five months to August 21": the day the fifth Iranian month ends, so the months start on Nowruz
        nowruz, last = iranian.first_months(start.year - iranian.OFFSET, n)
        start = nowruz if last == end else start
    return Period(start.isoformat(), end.isoformat())


def _iranian_period(mention: PeriodMention, ref: Reference) -> Period | None:
    """Months of an Iranian year from Nowruz: the dates the article wrote where it wrote them, else counted."""
    written = mention.written_dates
    first_written = written[0] if written else None
    if mention.iranian_year is not None:
        year = mention.iranian_year
    elif mention.iranian_offset is not None:
        if ref.year is None or ref.month is None:
            return None
        year = ref.year - iranian.OFFSET - (1 if ref.month <= 3 else 0) + mention.iranian_offset
    elif first_written is not None and first_written[2] is not None:
        year = first_written[2] - iranian.OFFSET
    elif ref.year is not None and ref.month is not None:
        year = ref.year - iranian.OFFSET - (1 if ref.month <= 3 else 0)  # before Nowruz: the year that ends
    else:
        return None
    start, end = iranian.first_months(year, mention.iranian_months)
    if mention.iranian_to_date:
        return Period(start.isoformat(), "")
    try:
        if first_written is not None:
            start = dt.date(start.year, first_written[0], first_written[1])
        if written and written[1] is not None:
            month, day = written[1]
            end = dt.date(start.year + (1 if month < start.month else 0), month, day)
    except ValueError:  # a day the month does not have ("February 30"): the months counted from Nowruz stand
        start, end = iranian.first_months(year, mention.iranian_months)
    return Period(start.isoformat(), end.isoformat())


def _named_fiscal_year(mention: PeriodMention, ref: Reference) -> Period | None:
    """ "FY25" in a Bangladeshi report: July 2024 to June 2025; with no fiscal year known for the article, none."""
    first = ref.fiscal_start
    if first is None or mention.year is None:
        return None
    year = mention.year if ref.fiscal_named_by_start else mention.year - 1
    return Period(dt.date(year, first, 1).isoformat(), _last_day(year + 1, (first - 2) % 12 + 1).isoformat())


def _months_of_fiscal(mention: PeriodMention, ref: Reference) -> Period | None:
    """Months of the fiscal year the article is in, ``offset`` years back; without the country's fiscal year, the
    latest such stretch of months that has ended by the publication month."""
    if ref.year is None or ref.month is None:
        return None
    first, last = mention.first_month, mention.last_month
    if ref.fiscal_start is not None:
        fiscal = ref.year if ref.month >= ref.fiscal_start else ref.year - 1
        start_year = fiscal if first >= ref.fiscal_start else fiscal + 1
    else:
        end_year = ref.year if last <= ref.month else ref.year - 1
        start_year = end_year - 1 if last < first else end_year
    start_year += mention.offset or 0
    end_year = start_year + 1 if last < first else start_year
    if (end_year, last) > (ref.year, ref.month):
        # "July-April" in a Bangladeshi report of July 2018: the fiscal year just ended, not months still to come
        start_year, end_year = start_year - 1, end_year - 1
    return Period(dt.date(start_year, first, 1).isoformat(), _last_day(end_year, last).isoformat())


def _fiscal_stretch(mention: PeriodMention, ref: Reference) -> Period | None:
    """The first ``last_month`` months of the fiscal year the article's country was in (``offset`` years back), or of
    the fiscal year written ("the first seven months of FY2021-22": July if the country's is not known)."""
    if mention.year is not None:
        first = ref.fiscal_start or 7
        last = first + mention.last_month - 1
        end = _last_day(mention.year + (last - 1) // 12, (last - 1) % 12 + 1)
        return Period(dt.date(mention.year, first, 1).isoformat(), end.isoformat())
    first = ref.fiscal_start
    if first is None or ref.year is None or ref.month is None:
        return None
    year = (ref.year if ref.month >= first else ref.year - 1) + (mention.offset or 0)
    last = first + mention.last_month - 1
    end = _last_day(year + (last - 1) // 12, (last - 1) % 12 + 1)
    if mention.offset == 0 and mention.last_month == 12:
        return Period(dt.date(year, first, 1).isoformat(), "")  # the fiscal year so far
    return Period(dt.date(year, first, 1).isoformat(), end.isoformat())


@lru_cache(maxsize=4096)
def _months(year: int, first_month: int, last_month: int) -> Period:
    """The months ``first_month``..``last_month`` of ``year``; kept, as the same few periods recur in every article."""
    return Period(dt.date(year, first_month, 1).isoformat(), _last_day(year, last_month).isoformat())


@lru_cache(maxsize=1024)
def _year_so_far(year: int) -> Period:
    """``year`` from its first day, with no end yet."""
    return Period(dt.date(year, 1, 1).isoformat(), "")


def year_to_date(ref: Reference) -> Period | None:
    """The reference year so far: the period of "currently", "has already reached"."""
    return _year_so_far(ref.year) if ref.year else None


def shifted(period: Period, year: int | None = None) -> Period:
    """The same months in ``year`` (default: one year earlier): the period a comparison refers to."""
    start = dt.date.fromisoformat(period.start)
    target = year if year is not None else start.year - 1
    new_start = dt.date(target, start.month, 1).isoformat()
    if not period.end:
        return Period(new_start, "")
    end = dt.date.fromisoformat(period.end)
    return Period(new_start, _last_day(target + (end.year - start.year), end.month).isoformat())


def comparison_period(main: Period, mention: PeriodMention | None, ref: Reference) -> Period:
    """The prior period of a comparison value, given the main figure's period.

    "the same period of the previous year" and an unstated comparison are the
    main period one year earlier; "compared to 2021" keeps the main months in 2021.
    """
    if not main.start:
        return NO_PERIOD
    if mention is None:
        return shifted(main)
    if mention.year is not None:
        if mention.kind == "months" and (mention.first_month, mention.last_month) != (1, 12):
            if _ends_a_year_before(main, mention):
                return shifted(main)  # "up from $31.9 billion reported in March 2021" beside 12 months to March 2022
            return resolve(replace(mention, comparison=False), ref) or shifted(main)
        return shifted(main, mention.year)
    return shifted(main)


def _ends_a_year_before(main: Period, mention: PeriodMention) -> bool:
    """Whether a one-month mention is the last month of a longer main period, one year back: the month a
    comparison was reported for, the same stretch of months a year earlier."""
    if mention.first_month != mention.last_month or mention.months_to is not None or not main.end:
        return False
    start, end = dt.date.fromisoformat(main.start), dt.date.fromisoformat(main.end)
    longer = (start.year, start.month) != (end.year, end.month)
    return longer and (end.year - 1, end.month) == (mention.year, mention.first_month)

"""Money and tonnage expressions: "$987.9 million", "US$26 billion", "540 bln tenge", "5,403 tons".

The anchor of a candidate is the span of its figure, so each expression is
returned with the exact offsets of the figure (without qualifiers such as
"almost", which are read separately from the words just before it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tradestats.extract.lexicon import CURRENCY_TERMS, trie_alternation

#: A written number: "1,234.5" (comma thousands), "1,5" or "1.5" (decimal comma or point), "12".
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:[.,]\d+)?"
WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "hundred": 100,
}
WORD_NUMBER = r"(?i:" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")"

SCALES = {
    "thousand": 1e3, "thousands": 1e3, "thsd": 1e3, "k": 1e3,
    "million": 1e6, "millions": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "billions": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9,
    "trillion": 1e12, "trillions": 1e12, "trln": 1e12, "tln": 1e12, "tn": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
#: A scale word after a space; the one-letter forms only when glued to the number ("$5m").
_SCALE_SPACED = r"(?i:thousands?|millions?|billions?|trillions?|thsd|mln|bln|trln|tln|mn|bn|tn|lakhs?|crores?)\b"
_SCALE_GLUED = r"(?i:thousands?|millions?|billions?|trillions?|thsd|mln|bln|trln|tln|mn|bn|tn|m|b|k)\b"

#: Currency written before the number ("US$", "€", "KZT") and after it ("dollars", "tenge", "soums"), from
#: ``reference/currencies.csv``; lower case with single spaces, mapped to ISO 4217.
PREFIX_CURRENCIES = {term.lower(): code for term, code in CURRENCY_TERMS["prefix"].items()}
SUFFIX_CURRENCIES = {term.lower(): code for term, code in CURRENCY_TERMS["suffix"].items()}


def _written(terms: list[str], space: str) -> str:
    """A trie alternation of currency terms as written, each space standing for ``space``."""
    return "(?:" + trie_alternation(terms).replace("\\ ", space) + ")"


def _hints(prefix: list[str], suffix: list[str]) -> tuple[re.Pattern, tuple[str, ...]]:
    """What a sentence holding a written currency must hold: one pattern for the signs and codes ("$", "USD",
    "KSh"), which every prefix term and many suffix terms are, and substrings for the suffix words ("dollar",
    " som"), the shortest kept ("dollar" covers "dollars").

    A pattern of lower-case words would stop at nearly every letter, and a substring
    test per code costs as much as a test per word, so codes and signs go in one
    pattern (few places start with a capital or a sign) and words are substrings;
    a word of three letters only after a space, as "som" is in many a word.
    """
    last = {term.split()[-1] for term in prefix + suffix}
    coded = sorted(w for w in last if not (w.isalpha() and w.islower()))
    words: list[str] = []
    for w in sorted((w for w in last if w.isalpha() and w.islower()), key=len):
        if not any(k in w for k in words):
            words.append(w)
    common = ("USD", "EUR", "KZT", "RUB", "CNY", "GBP")
    return re.compile(trie_alternation(coded)), common + tuple(" " + w if len(w) <= 3 else w for w in words)


_PREFIX = _written(list(CURRENCY_TERMS["prefix"]), r"\s")
#: The longest prefix as written ("U.S. $"): how far before its sign or code a prefixed amount may begin.
_PREFIX_REACH = max(map(len, CURRENCY_TERMS["prefix"]))
_SUFFIX = _written(list(CURRENCY_TERMS["suffix"]), r"\s+") + r"\b"

_MONEY_PREFIXED = re.compile(
    rf"""
    (?P<pre>{_PREFIX})\s?(?P<pnum>{NUMBER})
        (?P<prange>\s?[-–]\s?(?:{NUMBER}))?
        (?:(?P<pglued>{_SCALE_GLUED})|\s(?P<pscale>{_SCALE_SPACED}))?
        (?:\s(?:US\s+dollars?|dollars?)\b)?
    """,
    re.VERBOSE,
)
_MONEY_SUFFIXED = re.compile(
    rf"""
    (?<![\w.,$])(?P<snum>{NUMBER}|{WORD_NUMBER})
        (?P<srange>\s?[-–]\s?(?:{NUMBER}))?
        (?:(?P<sglued>{_SCALE_GLUED})\s?|\s(?P<sscale>{_SCALE_SPACED})\s)?
        \s?(?P<suf>{_SUFFIX})
    """,
    re.VERBOSE,
)
#: A currency written after its number, in lower-cased text: where a suffixed amount can end.
_SUFFIX_WORD = re.compile(r"\b" + _written(sorted(SUFFIX_CURRENCIES), r"\s+") + r"\b")
#: How far before its currency word a suffixed amount may begin ("1,234.5 trillion US dollars").
_SUFFIXED_REACH = 40
#: Written currencies, lower case: a sentence without any of them has no money.
_CODED, _SUFFIX_WORDS = _hints(list(CURRENCY_TERMS["prefix"]), list(CURRENCY_TERMS["suffix"]))
#: Where a sign such as "$" already gave money, only the common words are looked for after a number
#: ("$2 million (900 million tenge)"): testing every word of the list costs more than it finds.
_COMMON_SUFFIX_WORDS = ("USD", "EUR", "KZT", "RUB", "CNY", "GBP", "dollar", "tenge", "rub", "roub", "euro", "yuan",
                        "pound", "soum")
_TONNES = re.compile(
    rf"(?<![\w.,$])(?P<num>{NUMBER}|{WORD_NUMBER})"
    rf"(?:\s(?P<scale>{_SCALE_SPACED})|(?P<glued>mln|mn|m|k))?\s?(?:metric\s)?(?:tons|tonnes|tonne|ton)\b"
)


@dataclass
class Amount:
    """A money or tonnage figure: ``unit`` is an ISO 4217 code or "t"."""

    start: int
    end: int
    value: float
    unit: str
    is_range: bool = False  # "$1-2 billion": a span of values, never a single statistic


_COMMA_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_SPACES = re.compile(r"\s+")


def parse_number(written: str) -> float:
    """The value of a written number: commas are thousands separators only before three digits."""
    if not written[:1].isdigit():
        low = written.lower()
        if low in WORD_NUMBERS:
            return float(WORD_NUMBERS[low])
    if "," not in written:
        return float(written)
    if _COMMA_THOUSANDS.fullmatch(written):
        return float(written.replace(",", ""))
    return float(written.replace(",", "."))


def _scale(word: str | None) -> float:
    return SCALES[word.lower()] if word else 1.0


def _currency(table: dict[str, str], written: str) -> str:
    """The ISO code of a written currency; the spacing of "US $" or "U.S.  dollars" is evened out first."""
    key = written.lower()
    if key in table:  # as written, the usual case: the spacing needs no evening out
        return table[key]
    return table[_SPACES.sub(" ", key)]


def find_money(text: str, start: int = 0, end: int | None = None) -> list[Amount]:
    """Every money expression in ``text[start:end]``, in text order."""
    end = len(text) if end is None else end
    written = text[start:end]
    coded = _CODED.search(written)
    found = []
    if coded is not None:
        # Every prefix ends with a sign or code that ``_CODED`` finds, so none begins more than its own length
        # before the first one found: the scan starts there.
        for m in _MONEY_PREFIXED.finditer(text, max(start, start + coded.start() - _PREFIX_REACH), end):
            value = parse_number(m.group("pnum")) * _scale(m.group("pglued") or m.group("pscale"))
            unit = _currency(PREFIX_CURRENCIES, m.group("pre"))
            found.append(Amount(m.start(), m.end(), round(value, 6), unit, bool(m.group("prange"))))
    # After a number: any currency word, or where a sign or code was found, a code or a common word.
    if coded is None:
        suffixed = any(map(written.__contains__, _SUFFIX_WORDS))
    else:
        suffixed = coded.group()[0].isalpha() or any(map(written.__contains__, _COMMON_SUFFIX_WORDS))
    if suffixed:
        taken = [(a.start, a.end) for a in found]
        for m in _suffixed(text, start, end, written.lower()):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            value = parse_number(m.group("snum")) * _scale(m.group("sglued") or m.group("sscale"))
            unit = _currency(SUFFIX_CURRENCIES, m.group("suf"))
            found.append(Amount(m.start(), m.end(), round(value, 6), unit, bool(m.group("srange"))))
    return sorted(found, key=lambda a: a.start) if len(found) > 1 else found


def _suffixed(text: str, start: int, end: int, lower: str) -> list[re.Match]:
    """Matches of "<number> <currency>" in ``text[start:end]`` (``lower`` is that slice lower-cased).

    Scanning a whole sentence for them is slow (every digit is a possible start),
    so the pattern runs only in a short window ending at each currency word.
    """
    if len(lower) != end - start:  # lower-casing moved offsets (rare letters): scan it all
        return list(_MONEY_SUFFIXED.finditer(text, start, end))
    out = []
    for word in _SUFFIX_WORD.finditer(lower):
        stop = start + word.end()
        m = next((m for m in _MONEY_SUFFIXED.finditer(text, max(start, stop - _SUFFIXED_REACH), stop)
                  if m.end() == stop), None)
        if m is not None:
            out.append(m)
    return out


def find_tonnes(text: str, start: int = 0, end: int | None = None) -> list[Amount]:
    """Every quantity in tonnes in ``text[start:end]``."""
    end = len(text) if end is None else end
    found = []
    if "ton" not in text[start:end].lower():
        return found
    for m in _TONNES.finditer(text, start, end):
        value = parse_number(m.group("num")) * _scale(m.group("scale") or m.group("glued"))
        found.append(Amount(m.start(), m.end(), round(value, 6), "t"))
    return found

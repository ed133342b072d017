"""Money and tonnage expressions: "$987.9 million", "US$26 billion", "540 bln tenge", "5,403 tons".

The anchor of a candidate is the span of its figure, so each expression is
returned with the exact offsets of the figure (without qualifiers such as
"almost", which are read separately from the words just before it).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from itertools import repeat

from tradestats.extract.lexicon import COUNTRY_NAMES, CURRENCY_TERMS, LOCAL_CURRENCIES, trie_alternation
from tradestats.extract.words import is_word_char

#: A written number: "1,234.5" (comma thousands), "1,5" or "1.5" (decimal comma or point), "12", and "5.103.6" (points
#: for thousands and the decimal both, as a translation from Spanish may leave them: 5,103.6).
NUMBER = r"\d{1,3}(?:\.\d{3})+\.\d{1,2}(?![\d.])|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:[.,]\d+)?"
WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "hundred": 100,
    **{f"{word} hundred": 100 * n for word, n in (("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5),
                                                   ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9))},
}
WORD_NUMBER = r"(?i:" + "|".join(w.replace(" ", r"\s") for w in sorted(WORD_NUMBERS, key=len, reverse=True)) + r")"

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


_PREFIX = _written(list(CURRENCY_TERMS["prefix"]), r"\s")
#: The currency words and signs written before a number ("$", "US$", "Rs"), as a pattern.
PREFIX_PATTERN = _PREFIX
#: The longest prefix as written ("U.S. $"): how far before its sign or code a prefixed amount may begin.
_PREFIX_REACH = max(map(len, CURRENCY_TERMS["prefix"]))
_SUFFIX = _written(list(CURRENCY_TERMS["suffix"]), r"\s+") + r"\b"
#: How far after its sign or code a prefixed amount may end: "$ 1,234,567.89 thousand-" ... "billion US dollars".
_PREFIXED_TAIL = 64

#: A number in a money amount, also typed with spaces between its thousands ("412 305 mln dollars", "$10 202.4 million") or a comma and
#: a space ("USD 1, 245 bln"): a scale word or currency follows, so it is no list of numbers.
MONEY_NUMBER = (rf"\d{{1,3}}(?:[ ]\d{{3}})+(?:\.\d+)?(?![\d.,])(?=\s?(?:{_SCALE_SPACED}))"  # [ ]: the patterns are verbose
                rf"|\d{{1,3}},[ ]\d{{3}}(?![\d,])(?=\s?(?:{_SCALE_SPACED}))|{NUMBER}")
_MONEY_PREFIXED = re.compile(
    rf"""
    (?P<pre>{_PREFIX})\s?(?P<pnum>{MONEY_NUMBER})
        (?P<prange>\s?[-–]\s?(?:{NUMBER}))?
        (?:(?P<pglued>{_SCALE_GLUED})|\s(?P<pscale>{_SCALE_SPACED}))?
        (?:\s(?:US\s+dollars?|dollars?)\b)?
    """,
    re.VERBOSE,
)
_MONEY_SUFFIXED = re.compile(
    rf"""
    (?<![\w.,$])(?P<snum>{MONEY_NUMBER}|{WORD_NUMBER}|(?<!half\s)(?<!quarter\s)(?<!of\s)[Aa](?=\s(?:trillion|billion|million)\b))
        (?P<srange>\s?[-–]\s?(?:{NUMBER}))?
        (?:(?P<sglued>{_SCALE_GLUED})\s?|\s(?P<sscale>{_SCALE_SPACED})\s)?
        \s?(?P<suf>{_SUFFIX})
    """,
    re.VERBOSE,
)
#: A currency written as a capital letter glued to the number, with a scale word after it, as the press of Nigeria
#: and South Africa writes naira and rand ("N4.7bn", "R12bn"): a lone letter before a plain number ("the N1
#: road", "R5 coins") is no amount.
GLUED_CURRENCIES = CURRENCY_TERMS["glued"]
_MONEY_GLUED = re.compile(
    rf"(?<![\w$.,])(?P<pre>{_written(list(GLUED_CURRENCIES), '') if GLUED_CURRENCIES else '(?!)'})(?P<pnum>{NUMBER})"
    rf"(?:(?P<pglued>{_SCALE_GLUED})|\s(?P<pscale>{_SCALE_SPACED}))"
)
#: Where a glued amount may start: a currency letter right before a digit (a scan for a plain class is quick).
_GLUED_HINT = re.compile("(?:" + "|".join(map(re.escape, sorted(GLUED_CURRENCIES))) + r")\d") if GLUED_CURRENCIES else None
#: How far before its currency word a suffixed amount may begin ("1,234.5 trillion US dollars").
_SUFFIXED_REACH = 40
#: Where a suffixed amount may end, in lower-cased text: a currency word after a digit (and perhaps a scale word),
#: or after a scale word (a number written in words). Amounts such as "ten dollars" are not looked for.
_SUFFIX_AFTER_DIGIT = re.compile(r"\d\s?(?:[a-z]+\s+)?" + _written(sorted(SUFFIX_CURRENCIES), r"\s+") + r"\Z")
#: A scale word ending ("million", "thousand") and, right after it, a currency: a number written in words.
_SCALE_HINTS = ("illion", "thousand", "lakh", "crore")
_CURRENCY_AFTER_SCALE = re.compile(r"s?\s+" + _written(sorted(SUFFIX_CURRENCIES), r"\s+") + r"\b")
#: Which currencies a text may hold is told by its words, lower-cased letters only: the set of them is built
#: in one pass (a byte translation and a split), far quicker than a pattern's scan or a substring test per
#: currency. The last word of each term: "dollars" of "US dollars"; the codes ("usd") and the signs apart.
_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
_SUFFIX_WORDS = frozenset(term.split()[-1].encode() for term in SUFFIX_CURRENCIES)
#: The codes written before a number ("KZT 5 billion"), by their lower-cased word: "us$" has a sign instead.
_PREFIX_CODES = {code.lower().encode(): [t for t in CURRENCY_TERMS["prefix"] if t.lower() == code.lower()]
                 for code in {t.lower() for t in CURRENCY_TERMS["prefix"] if t.isalpha()}}
_PREFIX_CODE_WORDS = frozenset(_PREFIX_CODES)
_CURRENCY_WORDS = _PREFIX_CODE_WORDS | _SUFFIX_WORDS
_SIGNS = tuple(sorted({ch for term in CURRENCY_TERMS["prefix"] for ch in term if not ch.isalnum() and ch not in " ."}))
_ASCII_SIGNS = tuple(sign for sign in _SIGNS if sign.isascii())
_OTHER_SIGNS = frozenset(_SIGNS) - frozenset(_ASCII_SIGNS)
#: How far before its "ton" a tonnage may begin ("1,234,567.5 thousand metric tons").
_TONNES_REACH = 48
#: Thousands set off by a comma and a space, as some agencies type them ("31, 457 tonnes"): only right before a
#: unit, where it cannot be a list ("in 2022, 336 firms").
_SPACED_THOUSANDS = r"\d{1,3}, \d{3}(?![\d,])"
#: Thousands written as a word with the rest after it ("34 thousand 975.2 tons"), or set off by spaces ("1 034 036
#: tons"): only right before a unit.
_THOUSAND_AND_REST = r"\d{1,3}\sthousand\s\d{1,3}(?:\.\d+)?(?=\s?(?:metric\s)?ton)"
_SPACE_GROUPED = r"\d{1,3}(?:[ ]\d{3})+(?![\d,.])(?=\s?(?:metric\s)?ton)"
_TONNES = re.compile(
    rf"(?<![\w.,$])(?P<num>{_SPACED_THOUSANDS}(?=\s?(?:metric\s)?ton)|{_THOUSAND_AND_REST}|{_SPACE_GROUPED}|{NUMBER}"
    rf"|{WORD_NUMBER})"
    rf"(?:(?:\s(?P<scale>{_SCALE_SPACED})|(?P<glued>mln|mn|m|k))?\s?(?:metric\s)?(?:tons|tonnes|tonne|tones|tone|ton|mt)\b"
    rf"|\s(?P<tn_scale>(?i:million|mln|thousand|thsd))\s+tn\b"  # "3.4 million tn": tonnes, not trillions
    rf"|\s?(?P<trade>KMT|MMT)\b)"
)
#: The starting value of a change right before a quantity: "from 4.2 thousand to 9 thousand tons", "from 12,300 to
#: 17,800 tons" (the first number has the unit of the second, and its scale when it states none).
_FROM_BEFORE = re.compile(rf"\bfrom\s+(?P<num>{NUMBER})(?:\s(?P<scale>{_SCALE_SPACED}))?\s+to\s+$", re.IGNORECASE)
#: A number right before "and" and a quantity with its unit: "in the volumes of 6,000 and 1,500 tons".
_SHARED_UNIT_BEFORE = re.compile(rf"(?<![\w.,$])(?P<num>{NUMBER})\s+(?:and|or)\s+$")
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
#: Tonnes glued to the number, as trade journals write them: "562,000t", "3.2Mt" (megatonnes), "850kt".
_GLUED_TONNES = re.compile(rf"(?<![\w.,$])(?P<num>{NUMBER})(?P<unit>Mt|kt|t)(?![\w-])")
_GLUED_TONNES_HINT = re.compile(r"\d(?:Mt|kt|t)(?![\w-])")
_GLUED_SCALES = {"Mt": 1e6, "kt": 1e3, "t": 1.0}
#: The trade's abbreviations for thousands and millions of metric tons ("913 KMT", "1.7 MMT").
_TRADE_TONNES = {"KMT": 1e3, "MMT": 1e6}
#: The lower end of a range right before a quantity: "7-8 mln tons", "seven to eight million tons".
_RANGE_BEFORE = re.compile(rf"(?:\d|\b{WORD_NUMBER})\s?(?:[-–]|to)\s?$")
#: A year before "to", which starts no range: "from 67,000 tons in 2022 to 115,000 tons".
_YEAR_TO_BEFORE = re.compile(r"(?<![\d.,])(?:19|20)\d\d\s+to\s$")


#: The units of quantities, beside the currencies: tonnes and kilograms (tea, coffee, saffron are sold by the kg),
#: and the measures of goods not sold by weight: cubic metres of gas, kilowatt-hours of electricity, litres of wine,
#: barrels of oil.
QUANTITY_UNITS = frozenset({"t", "kg", "m3", "kWh", "l", "bbl"})
#: Those measures as written, with the factor to the unit ("2.5 billion cubic meters", "1.3 bcm", "800 million kWh",
#: "5.6 million decalitres", "6.1 million barrels").
_MEASURES = {"cubic meters": ("m3", 1.0), "cubic metres": ("m3", 1.0), "cubic meter": ("m3", 1.0),
             "cubic metre": ("m3", 1.0), "m3": ("m3", 1.0), "bcm": ("m3", 1e9),
             "kilowatt-hours": ("kWh", 1.0), "kilowatt hours": ("kWh", 1.0), "kilowatt-hour": ("kWh", 1.0),
             "kilowatt hour": ("kWh", 1.0),
             "kwh": ("kWh", 1.0),
             "liters": ("l", 1.0), "litres": ("l", 1.0), "liter": ("l", 1.0), "litre": ("l", 1.0),
             "decaliters": ("l", 10.0), "decalitres": ("l", 10.0), "barrels": ("bbl", 1.0), "barrel": ("bbl", 1.0)}
_MEASURE = re.compile(
    rf"(?<![\w.,$])(?P<num>{NUMBER})(?:\s(?P<scale>{_SCALE_SPACED}))?\s?(?P<unit>(?i:cubic\s+met(?:er|re)s?|kilowatt"
    r"[\s-]hours?|decalit(?:er|re)s|lit(?:er|re)s?|barrels?|bcm|kwh)|m3)(?![\w-])"
    # (a rate is no quantity: "1.27 million barrels per day", "bcm a year")
    r"(?!\s*(?:per|a|an|each)\s+(?:day|week|month|year|annum|hour)\b|\s*/\s*(?:day|d|year)\b)")
#: The stems a sentence must hold for a measure to be looked for (cheap substring tests first).
_MEASURE_STEMS = ("cubic", "bcm", "kwh", "kilowatt", "lit", "barrel", "m3")
#: A quantity in kilograms: "8.4 million kilograms", "755,120 kg" (not "90-kilogramme bags", no price "per kg").
_KILOGRAMS = re.compile(
    rf"(?<![\w.,$])(?P<num>{NUMBER})(?:\s(?P<scale>{_SCALE_SPACED}))?\s?(?i:kilogram(?:me)?s|kgs?|kilos)\b(?!-)")


@dataclass
class Amount:
    """A money or quantity figure: ``unit`` is an ISO 4217 code or one of ``QUANTITY_UNITS``."""

    start: int
    end: int
    value: float
    unit: str
    is_range: bool = False  # "$1-2 billion": a span of values, never a single statistic
    implied: bool = False  # "(41.2 billion)" after "$58.3 billion": the currency is the one stated before


_COMMA_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_SPACES = re.compile(r"\s+")


def parse_number(written: str) -> float:
    """The value of a written number: commas are thousands separators only before three digits."""
    if written in ("a", "A"):  # "a trillion rubles": one
        return 1.0
    if not written[:1].isdigit():
        low = " ".join(written.casefold().split())
        if low in WORD_NUMBERS:
            return float(WORD_NUMBERS[low])
    if " thousand " in written:  # "34 thousand 975.2": the thousands, then the rest
        thousands, _, rest = written.partition(" thousand ")
        return float(thousands) * 1000 + float(rest)
    if ", " in written:  # "31, 457": thousands set off by a comma and a space
        written = written.replace(", ", ",")
    if " " in written:  # "412 305": thousands set off by spaces
        written = written.replace(" ", "")
    if written.count(".") > 1:  # "5.103.6": every point but the last sets off thousands
        head, _, decimals = written.rpartition(".")
        written = head.replace(".", "") + "." + decimals
    if "," not in written:
        return float(written)
    if _COMMA_THOUSANDS.fullmatch(written):
        return float(written.replace(",", ""))
    return float(written.replace(",", "."))


def _exact(value: float) -> float:
    """A scaled value as written: "$34.27 bln" is 34270000000, not the 34270000000.000004 that 34.27 * 1e9 gives."""
    if abs(value) >= 1e15:  # beyond what a float keeps exactly: left as read, for the keeper to correct
        return value
    return round(float(f"{value:.15g}"), 6)


def _scale(word: str | None) -> float:
    return SCALES[word.casefold()] if word else 1.0


def _currency(table: dict[str, str], written: str) -> str:
    """The ISO code of a written currency; the spacing of "US $" or "U.S.  dollars" is evened out first."""
    key = written.lower()
    if key in table:  # as written, the usual case: the spacing needs no evening out
        return table[key]
    return table[_SPACES.sub(" ", key)]


def find_money(text: str, start: int = 0, end: int | None = None, lower: str | None = None) -> list[Amount]:
    """Every money expression in ``text[start:end]``, in text order (``lower``: the whole text lower-cased, with
    the same offsets, when the caller has it)."""
    end = len(text) if end is None else end
    lower = text[start:end].lower() if lower is None else lower[start:end]
    ascii_lower = lower.encode("ascii", "replace")  # one byte for each character of ``lower``
    words = ascii_lower.translate(_LETTERS_ONLY).split()
    found = []
    # Every prefix ends with a sign or a code, so none begins more than its own length before one: the pattern runs
    # only in a short window at each (a scan of a whole article would try every capital letter in it).
    covered = start
    currency_words = _CURRENCY_WORDS.intersection(words)  # one pass over the words for codes and suffixes both
    aligned = len(lower) == end - start  # lower-casing kept every offset (true but for rare letters)
    for at, length in _marks(text, start, end, _PREFIX_CODE_WORDS & currency_words, ascii_lower if aligned else None):
        if at < covered:
            continue
        m = _MONEY_PREFIXED.search(text, max(covered, at - _PREFIX_REACH), min(end, at + length + _PREFIXED_TAIL))
        if m is None or m.start() > at:
            continue
        scale = _scale(m.group("pglued") or m.group("pscale"))
        value = parse_number(m.group("pnum")) * scale
        unit = _currency(PREFIX_CURRENCIES, m.group("pre"))
        value = _decimal_comma(m.group("pnum"), value, unit, scale)
        stop = m.end()
        named = _DOLLAR_CODE_AFTER.match(text, stop, end) if m.group("pre") == "$" else None
        if named is not None:  # "$3.14 billion CAD": the code after the sign says which dollars
            unit, stop = named.group(1), named.end()
        rest = _REST_AFTER_BILLIONS.match(text, stop, end) if scale == 1e9 and value % 1e9 == 0 else None
        if rest is not None:  # "$ 1 billion 219,700,000", "$1 billion 477 million": the billions, then the rest
            value += parse_number(rest.group("full")) if rest.group("full") else int(rest.group("m")) * 1e6
            stop = rest.end()
        found.append(Amount(m.start(), stop, _exact(value), unit, bool(m.group("prange"))))
        covered = stop
    glued = _GLUED_HINT.search(text, start, end) if GLUED_CURRENCIES else None
    for m in _MONEY_GLUED.finditer(text, glued.start(), end) if glued is not None else ():
        if any(m.start() < a.end and a.start < m.end() for a in found):
            continue
        scale = _scale(m.group("pglued") or m.group("pscale"))
        found.append(Amount(m.start(), m.end(), _exact(parse_number(m.group("pnum")) * scale),
                            GLUED_CURRENCIES[m.group("pre")]))
    # After a number: a currency word right after a digit or a scale word ("5,000 tenge", "1.5bn soums",
    # "two billion tenge").
    taken = [(a.start, a.end) for a in found]
    present = _SUFFIX_WORDS & currency_words
    for m in _suffixed(text, start, end, lower, present) if present else ():
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        scale = _scale(m.group("sglued") or m.group("sscale"))
        value = parse_number(m.group("snum")) * scale
        unit = _currency(SUFFIX_CURRENCIES, m.group("suf"))
        value = _decimal_comma(m.group("snum"), value, unit, scale)
        begin = m.start()
        higher = _HIGHER_SCALE_BEFORE.get(scale)
        billions = higher[1].search(text, max(start, begin - 20), begin) if higher and value < higher[0] else None
        if billions is not None and any(a.end > billions.start() for a in found if a.start < begin):
            billions = None  # "$1 billion 86 million USD": the billions were read as an amount of their own
        if billions is not None:  # "1 billion 86 million USD", "23 million and 320 thousand dollars": two scales
            begin, value = billions.start(), int(billions.group(1)) * higher[0] + value
        found.append(Amount(begin, m.end(), _exact(value), unit, bool(m.group("srange"))))
    return sorted(found, key=lambda a: a.start) if len(found) > 1 else found


#: What follows the billions of an amount written in two parts: " 219,700,000", " 477 million".
_REST_AFTER_BILLIONS = re.compile(r"\s+(?:(?P<full>\d{1,3}(?:,\d{3}){2})(?![\d,]|\.\d)|(?P<m>\d{1,3})\s+(?:million|mln)\b)",
                                  re.IGNORECASE)
#: The code of a dollar other than the US one, written after an amount with a bare "$".
_DOLLAR_CODE_AFTER = re.compile(r"\s?(CAD|AUD|NZD|SGD|HKD|USD)\b")

#: The billions of an amount whose millions follow ("1 billion " of "1 billion 86 million USD"), and the millions of
#: one whose thousands follow ("23 million and " of "23 million and 320 thousand dollars"), by the scale that follows.
_HIGHER_SCALE_BEFORE = {
    1e6: (1e9, re.compile(r"(?<![\d.,])(\d{1,3})\s+(?:billion|bln)\s+(?:and\s+)?$", re.IGNORECASE)),
    1e3: (1e6, re.compile(r"(?<![\d.,])(\d{1,3})\s+(?:million|mln)\s+(?:and\s+)?$", re.IGNORECASE)),
}


def _decimal_comma(written: str, value: float, unit: str, scale: float) -> float:
    """A dollar or euro amount written "d,ddd" (or "d ddd", "d, ddd") that no two economies trade is read with a
    decimal comma: "$ 1,481 billion" is $1.481 billion (a trillion or more), "512,270 mln dollars" $512.27 million (millions run to a few
    thousand, "1,150 million dollars"; hundreds of billions are written in billions)."""
    implausible = 1e11 if scale == 1e6 else 1e12
    if unit in ("USD", "EUR") and value >= implausible and len(_GROUP_MARK.findall(written)) == 1 and "." not in written:
        return value / 1000
    return value


#: What sets off a group of three digits: a comma, a space ("412 305"), or both ("1, 245").
_GROUP_MARK = re.compile(r", ?| ")


def _marks(text: str, start: int, end: int, codes: set[bytes], ascii_lower: bytes | None = None) -> list[tuple[int, int]]:
    """(offset, length) of every currency sign in ``text[start:end]``, and of the written forms of ``codes``.

    ``ascii_lower``, when at hand, is that slice lower-cased and encoded as ASCII, one "?"
    for each other character. A sign outside ASCII ("€", "₸") then stands where it has a
    "?", and is looked for only there: an article holds few (its curly quotes), while a
    search of a text wider than ASCII for each such sign runs through all of it.
    """
    marks = []
    signs = _SIGNS
    if ascii_lower is not None:
        signs = _ASCII_SIGNS
        k = ascii_lower.find(b"?")
        while k != -1:
            if text[start + k] in _OTHER_SIGNS:
                marks.append((start + k, 1))
            k = ascii_lower.find(b"?", k + 1)
    for mark in [*signs, *(form for code in codes for form in _PREFIX_CODES[code])]:
        k = text.find(mark, start, end)
        while k != -1:
            marks.append((k, len(mark)))
            k = text.find(mark, k + 1, end)
    return sorted(marks)


def _suffixed(text: str, start: int, end: int, lower: str, present: set[bytes]) -> list[re.Match]:
    """Matches of "<number> <currency>" in ``text[start:end]`` (``lower`` is that slice lower-cased, ``present``
    the currency words it holds).

    Scanning a text for them is slow (every digit is a possible start, every word
    a possible currency), so the places where a currency word ends are found first
    by substring search for the few currency words the text holds (an article
    holds one or two), those that follow a digit or a scale word are kept, and the
    pattern runs only in a short window ending at each.
    """
    if len(lower) != end - start:  # lower-casing moved offsets (rare letters): scan it all
        return list(_MONEY_SUFFIXED.finditer(text, start, end))
    stops = [stop for stop in _word_ends(lower, present)
             if _SUFFIX_AFTER_DIGIT.search(lower, max(0, stop - _SUFFIXED_REACH), stop) is not None]
    worded = [m.end() for m in map(_CURRENCY_AFTER_SCALE.match, repeat(lower), _all_ends(lower, _SCALE_HINTS)) if m]
    if worded:
        stops = sorted(set(stops).union(worded))
    out = []
    for stop in stops:
        stop += start
        m = next((m for m in _MONEY_SUFFIXED.finditer(text, max(start, stop - _SUFFIXED_REACH), stop)
                  if m.end() == stop), None)
        if m is not None:
            out.append(m)
    return out


def _word_ends(lower: str, words: set[bytes]) -> list[int]:
    """Where each whole-word-ending occurrence of each of ``words`` in ``lower`` ends, in text order: the ends a
    currency word may give an amount (the pattern checks what comes before)."""
    return sorted(k for k in _all_ends(lower, tuple(w.decode() for w in words))
                  if k == len(lower) or not (lower[k].isalnum() or lower[k] == "_"))


def _all_ends(text: str, words: tuple[str, ...]) -> list[int]:
    """Where each occurrence of each of ``words`` in ``text`` ends (substring search: no pattern scan)."""
    ends = []
    for word in words:
        k = text.find(word)
        while k != -1:
            ends.append(k + len(word))
            k = text.find(word, k + 1)
    return ends


def find_tonnes(text: str, start: int = 0, end: int | None = None, lower: str | None = None) -> list[Amount]:
    """Every quantity in tonnes in ``text[start:end]`` (``lower``: the whole text lower-cased, when at hand)."""
    end = len(text) if end is None else end
    found = []
    low = text[start:end].lower() if lower is None else lower[start:end]
    glued = [Amount(m.start(), m.end(), _exact(parse_number(m.group("num")) * _GLUED_SCALES[m.group("unit")]), "t")
             for m in _GLUED_TONNES.finditer(text, start, end)] if _GLUED_TONNES_HINT.search(text, start, end) else []
    if "ton" not in low and "mt" not in low and " tn" not in low:
        return glued
    # The pattern runs only in a short window ending at each "ton" or "MT" (every digit and number word of a whole
    # article is a possible start otherwise).
    covered = start
    for k in sorted(k for word in ("ton", "KMT", "MMT", " tn", " mt") for k in _all_starts(text, word, start, end)):
        if k < covered:
            continue
        m = next((m for m in _TONNES.finditer(text, max(covered, k - _TONNES_REACH), min(end, k + 7))
                  if m.end() > k), None)
        if m is not None:
            scale = _TRADE_TONNES[m.group("trade")] if m.group("trade") else \
                _scale(m.group("scale") or m.group("glued") or m.group("tn_scale"))
            changed = _FROM_BEFORE.search(text, max(covered, m.start() - 40), m.start())
            ranged = changed is None and _RANGE_BEFORE.search(text, max(start, m.start() - 12), m.start()) is not None \
                and _YEAR_TO_BEFORE.search(text, max(start, m.start() - 12), m.start()) is None
            shared = _SHARED_UNIT_BEFORE.search(text, max(covered, m.start() - 24), m.start())
            if shared is not None and not ranged and not _YEAR_LIKE.fullmatch(shared.group("num")):  # "6,000 and 1,500 tons": the first number shares the unit
                value = parse_number(shared.group("num")) * scale
                found.append(Amount(shared.start("num"), shared.end("num"), _exact(value), "t"))
            if changed is not None and not _YEAR_LIKE.fullmatch(changed.group("num")):
                first_scale = _scale(changed.group("scale")) if changed.group("scale") else scale
                found.append(Amount(changed.start("num"), changed.end("scale") if changed.group("scale") else
                                    changed.end("num"), _exact(parse_number(changed.group("num")) * first_scale), "t"))
            found.append(Amount(m.start(), m.end(), _exact(parse_number(m.group("num")) * scale), "t", ranged))
            covered = m.end()
            if m.group("scale"):
                elided = _elided_tonnage(text, m, end)
                if elided is not None:
                    found.append(elided)
                    covered = elided.end
    if glued:
        found += [x for x in glued if not any(f.start < x.end and x.start < f.end for f in found)]
        found.sort(key=lambda x: x.start)
    return found


def find_kilograms(text: str, start: int = 0, end: int | None = None, lower: str | None = None) -> list[Amount]:
    """Every quantity in kilograms in ``text[start:end]`` (``lower``: the whole text lower-cased, when at hand)."""
    end = len(text) if end is None else end
    low = text[start:end].lower() if lower is None else lower[start:end]
    if "kilo" not in low and "kg" not in low:
        return []
    return [Amount(m.start(), m.end(), _exact(parse_number(m.group("num")) * _scale(m.group("scale"))), "kg")
            for m in _KILOGRAMS.finditer(text, start, end)]


def find_measures(text: str, start: int = 0, end: int | None = None, lower: str | None = None) -> list[Amount]:
    """Every quantity in cubic metres, kilowatt-hours, litres or barrels in ``text[start:end]``."""
    end = len(text) if end is None else end
    low = text[start:end].lower() if lower is None else lower[start:end]
    if not any(map(low.__contains__, _MEASURE_STEMS)):
        return []
    found = []
    for m in _MEASURE.finditer(text, start, end):
        unit, factor = _MEASURES[_SPACES.sub(" ", m.group("unit").lower())]
        value = parse_number(m.group("num")) * _scale(m.group("scale")) * factor
        found.append(Amount(m.start(), m.end(), _exact(value), unit))
    return found


#: The last item of a list of tonnages, written without its unit: "..., 7.6 thousand tons to Kyrgyzstan, and 1,146
#: thousand to Afghanistan". It shares the scale of the tonnage before it and is followed by a preposition.
_ELIDED_ITEM = re.compile(rf",\s+(?:and\s+)?(?P<num>{NUMBER})\s(?P<scale>{_SCALE_SPACED})\s+(?=(?:to|from|for)\s)")


def _elided_tonnage(text: str, before: re.Match, end: int) -> Amount | None:
    """The unit-less last item of a list right after the tonnage ``before`` (a partner's name between)."""
    k = before.end()
    stop = min(end, k + 60)
    comma = text.find(",", k, stop)
    while comma != -1:
        m = _ELIDED_ITEM.match(text, comma, end)
        if m is not None:
            if m.group("scale").lower().rstrip("s") != before.group("scale").lower().rstrip("s") or \
                    any(ch.isdigit() for ch in text[k:comma]):
                return None
            return Amount(m.start("num"), m.end("scale"), _exact(parse_number(m.group("num")) * _scale(m.group("scale"))),
                          "t")
        comma = text.find(",", comma + 1, stop)
    return None


def _all_starts(text: str, word: str, start: int, end: int) -> list[int]:
    out = []
    k = text.find(word, start, end)
    while k != -1:
        out.append(k)
        k = text.find(word, k + len(word), end)
    return out


#: A number and a scale word with no unit, ending its phrase: "Iran came third (41.2 billion)", "when it
#: stood at 615.9 million." ("27 million people" goes on with its noun, so it is no amount of money).
#: It is found from its scale word, the rarer part: a scan for a pattern that opens on a look-behind tries every
#: position of the text.
_BARE_SCALE_WORD = re.compile(r"\s(?P<scale>(?i:billion|million|trillion|bln|mln|bn|mn|trln))\b")
#: The same scale words in a lower-cased ASCII copy of the text, found from their first letters (the regex engine
#: skips ahead to a "b", "m" or "t"); the space before and the word boundary after are tested on the text itself.
_LOWER_SCALE_WORD = re.compile(r"(?:b(?:illion|ln|n)|m(?:illion|ln|n)|tr(?:illion|ln))\b")
#: Letters that case-insensitive matching equates with ASCII ones but an ASCII copy cannot hold: with one of them
#: in the text, the case-insensitive pattern runs instead.
_FOLDED_LETTERS = ("\u0130", "\u0131", "\u017f", "\u212a")  # dotted capital I, dotless i, long s, Kelvin sign
_BARE_NUMBER_BEFORE = re.compile(rf"(?<![\w.,$€£¥₸₽])(?:{NUMBER})$")
_BARE_PHRASE_END = re.compile(r"\s*(?:[).,;:]|$)|\s+(?:in|for|and|or|respectively|compared|against|from|to|with|while"
                              r"|during|over|last|this|a|an|the|year|on)\b")
#: A bare number and scale said to be a worth is money whatever follows: "goods worth 14.2 million were imported".
_WORTH_BEFORE = re.compile(r"\b(?:worth|valued\s+at)\s+(?:about\s+|almost\s+|nearly\s+|over\s+)?$")
#: What a bare number and scale may count instead of money: "a population of 27 million".
_NOT_MONEY_BEFORE = re.compile(r"(?i:population|people|residents|tourists|visitors|passengers|doses|barrels|users"
                               r"|subscribers|cubic|units|vehicles|heads|households|jobs)\W+(?:\w+\W+){0,3}$")
#: How far back (in its paragraph) the money amount whose currency a bare amount takes may stand.
IMPLIED_REACH = 400
#: How far ahead, in its sentence, the money amount whose currency a bare amount takes may stand when none is before.
IMPLIED_AHEAD = 80
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def _scale_words(text: str, start: int, end: int, lower: str | None) -> list[tuple[int, int, str]]:
    """(start of the space before, end, scale word) of each scale word after a space in ``text[start:end]``, as
    ``_BARE_SCALE_WORD`` finds them; ``lower``: the text as a lower-cased ASCII copy with the same offsets."""
    if lower is None or any(map(text[start:end].__contains__, _FOLDED_LETTERS)):
        return [(w.start(), w.end(), w.group("scale")) for w in _BARE_SCALE_WORD.finditer(text, start, end)]
    found = []
    for w in _LOWER_SCALE_WORD.finditer(lower, start + 1, end):
        at, stop = w.start(), w.end()
        if text[at - 1].isspace() and not (stop < len(text) and stop < end and is_word_char(text[stop])):
            found.append((at - 1, stop, text[at:stop]))
    return found


#: A scale word ending a money amount as written: "$32.3 billion", "1.5bn tenge".
_SCALED = re.compile(r"(?:thousand|million|billion|trillion|mln|bln|bn|mn|trln|tn)\b", re.IGNORECASE)
#: How far after a scaled amount a bare one may borrow its scale.
SCALE_REACH = 120


def with_borrowed_scales(text: str, amounts: list[Amount]) -> list[Amount]:
    """Amounts written with no scale right after one with a scale in the same sentence take its scale: "exports
    reached $32.3 billion, while imports totaled $7.6." (a scale dropped in editing, never a value of $7.6). Only
    a small bare value stated by a verb of value and ending its phrase borrows: "$300 per tonne" and "a ton cost
    $850" are prices."""
    out: list[Amount] = []
    before: Amount | None = None  # the money amount before, with a scale or not
    for amount in amounts:
        if amount.unit in QUANTITY_UNITS:
            out.append(amount)
            continue
        if before is not None and 0 < amount.value < 1000 and amount.unit == before.unit and not amount.is_range \
                and amount.start - before.end <= SCALE_REACH and not _SCALED.search(text, amount.start, amount.end) \
                and _BORROWING_END.match(text, amount.end) and not _SENTENCE_END.search(text, before.end, amount.start) \
                and _VALUE_VERB_BEFORE.search(text, max(before.end, amount.start - 24), amount.start):
            scale = _SCALED.search(text, before.start, before.end)  # (its words are all scales of ``SCALES``)
            if scale is not None:
                amount = Amount(amount.start, amount.end, _exact(amount.value * _scale(scale.group())), amount.unit,
                                implied=amount.implied)
        out.append(amount)
        before = amount
    return _with_scales_of_the_next(text, out)


def _with_scales_of_the_next(text: str, amounts: list[Amount]) -> list[Amount]:
    """A bare value joined by "and" or "or" to the next amount, which has a scale, takes that scale: "arms exports
    grew to €320 and €240 million" (English writes the shared scale once, after the last)."""
    out = list(amounts)
    scale: str | None = None  # the scale word of the amount after, written or handed back to it
    for i in range(len(out) - 1, -1, -1):  # from the end: "$3, $4 and $5 billion" hands the scale back in turn
        amount = out[i]
        written = _SCALED.search(text, amount.start, amount.end)
        after = out[i + 1] if i + 1 < len(out) else None
        if written is not None or after is None or amount.unit in QUANTITY_UNITS or amount.unit != after.unit or \
                not 0 < amount.value < 1000 or amount.is_range or scale is None or \
                not _JOINED_TO_NEXT.fullmatch(text, amount.end, after.start):
            scale = written.group() if written is not None else None
            continue
        out[i] = Amount(amount.start, amount.end, _exact(amount.value * _scale(scale)), amount.unit,
                        implied=amount.implied)
    return out


#: Between a bare value and the next amount whose scale it shares: " and ", ", ", " or ".
_JOINED_TO_NEXT = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)")


#: What a bare value that borrows a scale is stated with: the verb of a value ("imports totaled $7.6"), never a
#: cost or a price ("a ton of copper cost $850").
_VALUE_VERB_BEFORE = re.compile(r"\b(?:totall?ed|amounted\s+to|reached|stood\s+at|came\s+to|were|was|to|at|from|than|against)\s+"
                                r"(?:about\s+|almost\s+|nearly\s+|over\s+)?$", re.IGNORECASE)
#: What may follow a bare value that borrows a scale: the end of its phrase or of the text.
_BORROWING_END = re.compile(r"\s*(?:[).,;]|$)|\s+(?:in|and|respectively|compared|against|while)\b")


def find_implied_money(text: str, start: int, end: int, stated: list[Amount], lower: str | None = None) -> list[Amount]:
    """Amounts written as a number and a scale word alone, in the currency of the money amount stated before them in
    the same paragraph; ``stated`` is every money and tonnage amount of ``text[start:end]``, in text order
    (``lower``: the whole text as a lower-cased ASCII copy, when the caller has it)."""
    money = [a for a in stated if a.unit not in QUANTITY_UNITS]
    if not money:
        return []
    out = []
    starts = [a.start for a in stated]
    money_starts = [a.start for a in money]
    for w_start, w_end, scale in _scale_words(text, start, end, lower):
        k = bisect.bisect_right(starts, w_start)
        if k and stated[k - 1].end > w_start:
            continue  # the scale word of a stated amount: most of them
        n = _BARE_NUMBER_BEFORE.search(text, max(start, w_start - 24), w_start)
        if n is None or w_end < end and not _BARE_PHRASE_END.match(text, w_end, end) and \
                not _WORTH_BEFORE.search(text, max(start, n.start() - 12), n.start()):
            continue
        at = n.start()
        k = bisect.bisect_right(starts, at)
        if k and stated[k - 1].end > at:
            continue  # part of a stated amount
        i = bisect.bisect_right(money_starts, at)
        before = money[i - 1] if i else None
        if before is None or at - before.end > IMPLIED_REACH or "\n\n" in text[before.end:at]:
            # "exports amounted to 2.5 billion, while imports to $1.6 billion": the currency stated next, in the
            # same sentence, when none was stated before in the paragraph
            before = money[i] if i < len(money) else None
            if before is None or before.start - w_end > IMPLIED_AHEAD or _SENTENCE_END.search(
                    text, w_end, before.start):
                continue
        if _NOT_MONEY_BEFORE.search(text, max(start, at - 60), at):
            continue
        value = parse_number(n.group()) * _scale(scale)
        out.append(Amount(at, w_end, _exact(value), before.unit, implied=True))
    return out


def in_local_currency(text: str, amounts: list[Amount], countries: tuple[str, ...]) -> list[Amount]:
    """``amounts`` with a bare currency word that several countries share ("947 million dinars", "rupees") read as
    the currency of the first of the article's ``countries`` that has one of that name; a word a demonym qualifies
    ("Iraqi dinars") names its own, and with no such country the word keeps the currency ``currencies.csv`` gives it.
    """
    if not countries or not any(m.unit in _SHARED_DEFAULTS for m in amounts):
        return amounts
    return [replace(m, unit=code) if (code := _local_code(text, m, countries)) else m for m in amounts]


#: The currencies ``currencies.csv`` gives the bare words that ``local_currencies.csv`` reads by country.
_SHARED_DEFAULTS = frozenset(SUFFIX_CURRENCIES.get(term) for term in LOCAL_CURRENCIES) - {None}


def _local_code(text: str, amount: Amount, countries: tuple[str, ...]) -> str | None:
    words = text[amount.start:amount.end].split()
    term = words[-1].lower() if words else ""
    by_country = LOCAL_CURRENCIES.get(term)
    if by_country is None or amount.unit != SUFFIX_CURRENCIES.get(term) or (
            len(words) > 1 and COUNTRY_NAMES.get(words[-2]) is not None):
        return None  # ("Iraqi dinars": the demonym names the currency)
    return next((by_country[c] for c in countries if c in by_country), None)


#: Dollars other than the US dollar that an article may name once and then write as a bare "$", by their country.
_OTHER_DOLLARS = {"AUD": "AUS", "CAD": "CAN", "NZD": "NZL", "SGD": "SGP", "HKD": "HKG"}


def in_stated_dollar(text: str, amounts: list[Amount], countries: tuple[str, ...]) -> list[Amount]:
    """``amounts`` with a bare "$" read as the one dollar other than the US dollar that the article names, when it is
    the dollar of one of the article's ``countries`` ("Australia's trade with China topped Aus$100 billion ... grew
    23.6 percent to $105.3 billion": Australian dollars), as news of that country writes. An article naming two such
    dollars, or none, or the dollar of a third country, keeps "$" the US dollar, as "US$" and "$US" always are."""
    named = {m.unit for m in amounts if m.unit in _OTHER_DOLLARS}
    if len(named) != 1 or _OTHER_DOLLARS[next(iter(named))] not in countries:
        return amounts
    code = next(iter(named))
    return [replace(m, unit=code) if m.unit == "USD" and _bare_dollar(text, m.start) else m for m in amounts]


def in_stated_yen(text: str, amounts: list[Amount], countries: tuple[str, ...]) -> list[Amount]:
    """``amounts`` with "¥" read as the Japanese yen in an article whose pair is Japan and a country other than China:
    the sign is both the yen's and the yuan's, and the currencies table reads it as the yuan, as Chinese news
    writes it. A Japan-China article keeps the yuan but for a Japanese article (Japan named first)."""
    if "JPN" not in countries or (countries[0] != "JPN" and "CHN" in countries) or "¥" not in text:
        return amounts
    return [replace(m, unit="JPY") if m.unit == "CNY" and text.startswith("¥", m.start) else m for m in amounts]


def _bare_dollar(text: str, start: int) -> bool:
    """Whether the amount at ``start`` is written with a "$" alone: not "US$", "$US" or "USD"."""
    return text.startswith("$", start) and not text.startswith("$US", start) and \
        not (start > 0 and text[start - 1].isalpha())

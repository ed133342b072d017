"""Country and commodity lookups built once from the reference CSVs.

Names live in ``reference/countries.csv``, ``reference/commodities.csv`` and
``reference/currencies.csv``; this module only turns them into matchers (the
currency words are made into money patterns in ``numbers``). Each table becomes one compiled regex whose
alternation is a character trie, so finding every name in a sentence is a single
left-to-right scan instead of one search per name, and the longest name wins
("sunflower oil" over "oil", "Kazakhstan" over "Kazakh").
"""
from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from tradestats.extract.words import Words

REFERENCE = Path(__file__).resolve().parents[2] / "reference"
COUNTRIES_CSV = REFERENCE / "countries.csv"
COMMODITIES_CSV = REFERENCE / "commodities.csv"
CURRENCIES_CSV = REFERENCE / "currencies.csv"
LOCAL_CURRENCIES_CSV = REFERENCE / "local_currencies.csv"
FISCAL_YEARS_CSV = REFERENCE / "fiscal_years.csv"

#: Codes that name a group of economies rather than one country.
BLOCS = frozenset({"EUU", "EAEU", "WLD"})


@dataclass(frozen=True)
class CountryName:
    code: str
    kind: str  # name | alias | demonym | bloc | capital | combining


@dataclass
class CountryMention:
    """A country, demonym or bloc name found in a text."""

    start: int
    end: int
    code: str
    kind: str


@dataclass(frozen=True)
class CommodityTerm:
    hs_code: str
    description: str


@dataclass(frozen=True)
class CommodityMention:
    start: int
    end: int
    name: str  # lower case, as written
    hs_code: str
    sector: bool = False  # a whole product group ("agricultural products"), which can set a paragraph's topic


def trie_alternation(words: list[str]) -> str:
    """A regex alternation of ``words`` shaped as a trie: shared prefixes are tested once.

    Optional tails are greedy, so the longest word that fits is tried first and
    the engine backs off to a shorter one only when the boundary after it fails.
    """
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends_here = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends_here:
            return ("(?:" + body + ")?") if len(branches) > 1 or len(body) > 1 else body + "?"
        return body

    return build(root)


def _read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def load_country_names(path: Path = COUNTRIES_CSV) -> dict[str, CountryName]:
    """Every spelling (name, alias, demonym, bloc name) mapped to its code; the first row wins."""
    names: dict[str, CountryName] = {}
    for row in _read_rows(path):
        spellings = (row["alias"], row["name"]) if row["kind"] == "name" else (row["alias"],)
        for spelling in spellings:
            if spelling and spelling not in names:
                names[spelling] = CountryName(row["code"], row["kind"] if spelling == row["alias"] else "name")
    return names


def load_commodity_terms(path: Path = COMMODITIES_CSV) -> dict[str, CommodityTerm]:
    """Every commodity term (lower case) mapped to its HS code; the first row wins."""
    terms: dict[str, CommodityTerm] = {}
    for row in _read_rows(path):
        term = row["term"].lower()
        if term and term not in terms:
            terms[term] = CommodityTerm(row["hs_code"], row["hs_description"])
    return terms


def load_currency_terms(path: Path = CURRENCIES_CSV) -> dict[str, dict[str, str]]:
    """Written currencies by where they stand: {"prefix": {term: code}, "suffix": {term: code}, "glued": ...}.

    Terms keep their case ("USD" before a number, "dollars" after it); a term of
    position "both" is written either way; a "glued" term is a letter written right
    against the number, with a scale word after it ("N1.2bn" for naira). The first
    row of a term wins.
    """
    terms: dict[str, dict[str, str]] = {"prefix": {}, "suffix": {}, "glued": {}}
    for row in _read_rows(path):
        term = " ".join(row["term"].split())
        positions = ("prefix", "suffix") if row["position"] == "both" else (row["position"],)
        for position in positions:
            # a currency word after a number may open a title or be capitalised ("180 billion Euros")
            written = (term, term.capitalize(), term.title()) if position == "suffix" and term.islower() else (term,)
            for form in written:
                if form and form not in terms[position]:
                    terms[position][form] = row["code"]
    return terms


def load_fiscal_years(path: Path = FISCAL_YEARS_CSV) -> dict[str, int]:
    """The first month of each country's fiscal year, for the countries whose fiscal year is not the calendar's."""
    return {row["country"]: int(row["first_month"]) for row in _read_rows(path)}


def load_fiscal_years_named_by_start(path: Path = FISCAL_YEARS_CSV) -> frozenset[str]:
    """The countries whose "FY2024" is the fiscal year that starts in 2024 (Japan's); elsewhere it is the one that
    ends in 2024 (India's FY25 is April 2024 to March 2025)."""
    return frozenset(row["country"] for row in _read_rows(path) if row["named_by"] == "start")


def load_fiscal_years_of_trade(path: Path = FISCAL_YEARS_CSV) -> frozenset[str]:
    """The countries whose trade figures are reported by fiscal year. An American article on Bangladesh's exports
    to the US counts Bangladesh's fiscal years: US trade figures are calendar years, its fiscal year is the budget's."""
    return frozenset(row["country"] for row in _read_rows(path) if row["trade_by_fiscal_year"] == "yes")


def load_local_currencies(path: Path = LOCAL_CURRENCIES_CSV) -> dict[str, dict[str, str]]:
    """A currency word that several countries' currencies share ("dinars", "rupees"), by country: {term: {country:
    code}}. The code ``currencies.csv`` gives such a bare word is the one read when no country of the article has
    its own."""
    local: dict[str, dict[str, str]] = {}
    for row in _read_rows(path):
        local.setdefault(row["term"].lower(), {}).setdefault(row["country"], row["code"])
    return local


COUNTRY_NAMES = load_country_names()
COMMODITY_TERMS = load_commodity_terms()
CURRENCY_TERMS = load_currency_terms()
FISCAL_YEAR_STARTS = load_fiscal_years()
FISCAL_YEARS_OF_TRADE = load_fiscal_years_of_trade()
FISCAL_YEARS_NAMED_BY_START = load_fiscal_years_named_by_start()
LOCAL_CURRENCIES = load_local_currencies()
#: Digest of the reference files: a changed name list can change the output for unchanged text.
REFERENCE_DIGEST = hashlib.sha256(b"\0".join(path.read_bytes() for path in (
    COUNTRIES_CSV, COMMODITIES_CSV, CURRENCIES_CSV, FISCAL_YEARS_CSV, LOCAL_CURRENCIES_CSV))).hexdigest()[:8]

# Country names are matched case-sensitively ("US" the country, not "us"), except
# the lower-case bloc spellings such as "the world", which are written that way.
# No look-behind at the start: a pattern that begins with the trie lets the regex engine skip ahead to
# possible first letters, which is several times faster; the word boundary before is checked after.
def _wrapping(pattern: str) -> str:
    """A names pattern whose spaces may also be line breaks: hard-wrapped text splits "South Korea" over two lines."""
    return pattern.replace(re.escape(" "), "[ \n]")


_COUNTRY_RE = re.compile(r"(?:" + _wrapping(trie_alternation(list(COUNTRY_NAMES))) + r")(?![\w])")
# The few names that begin in lower case ("the Netherlands", "world") would make the scan try every "t" and "w" of
# the text, the commonest letters of English. So the capitalised names are scanned for on their own, and the others
# matched only where ``str.find`` sees the last word of one (see ``_country_matches``).
_LOWER_CASE_NAMES = sorted(name for name in COUNTRY_NAMES if name[:1].islower())
_CAPITALISED_RE = re.compile(r"(?:" + _wrapping(trie_alternation([n for n in COUNTRY_NAMES if not n[:1].islower()]))
                             + r")(?![\w])")
_LOWER_CASE_RE = re.compile(r"(?:" + _wrapping(trie_alternation(_LOWER_CASE_NAMES)) + r")(?![\w])")
#: The lower-case names by their last word, far rarer in a text than their opening "the ": (word, how far the name
#: starts before the word). Names are matched literally, so a name stands only where its last word does.
def _by_last_word(names: list[str]) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """(last word, how far before it each name ending in it starts) for ``names``."""
    before: dict[str, set[int]] = {}
    for name in names:
        word = name.split(" ")[-1]
        before.setdefault(word, set()).add(len(name) - len(word))
    return tuple((word, tuple(sorted(before[word]))) for word in sorted(before))


_LOWER_CASE_ENDINGS = _by_last_word(_LOWER_CASE_NAMES)
_LOWER_CASE_ENDINGS_LOWERED = _by_last_word([name.lower() for name in _LOWER_CASE_NAMES])
assert all(name.isascii() for name in _LOWER_CASE_NAMES)  # so lower-casing keeps the length of every name
#: "US$", "US dollars": a currency, not the country.
_CURRENCY_AFTER = re.compile(r"\s?\$|\s+(?:dollars?|currency)\b")
#: Capitals, spelled as written: elsewhere a capital is a city ("talks in Moscow"), so ``names_a_country`` reads them.
CAPITALS = sorted(spelling for spelling, name in COUNTRY_NAMES.items() if name.kind == "capital")
#: A capital stands for its country as the subject of a flow verb: "Moscow also supplied more to Uzbekistan".
_CAPITAL_AS_SUBJECT = re.compile(r"\s+(?:also\s+|has\s+|had\s+)?(?:supplied|exported|imported|bought|sold|shipped"
                                 r"|delivered|purchased)\b")
#: A term may be written in the plural though the list has it in the singular ("natural wines", "oil gases").
_COMMODITIES = Words(r"(?:" + trie_alternation(sorted(COMMODITY_TERMS)) + r")(?:e?s)?(?![\w-])")
#: Terms whose plural is another word: "China leads", "Peru irons out", "the papers say".
_NO_PLURAL = frozenset({"lead", "iron", "paper"})


#: A country glued to a participle that makes it an epithet of what follows: "Russia-led", "China-backed".
_EPITHET_AFTER = re.compile(r"-(?:led|dominated|backed|sponsored|brokered|centred|centered|leaning)\b")


def _country_matches(text: str, start: int, end: int, lower: str | None = None) -> list[re.Match]:
    """The matches of ``_COUNTRY_RE.finditer(text, start, end)``, found faster.

    A match of the whole trie at an offset is the match of its branch for the letter
    there, so the capitalised names and the lower-case ones are found apart: the first
    by one scan, the second by matching where one of their openings stands, in text
    order, skipping what a match took (as the scan does). When no lower-case name
    overlaps a capitalised one, the scan of the whole trie would find both lists merged;
    when one does ("the Netherlands" holds "Netherlands"), the whole trie is scanned.
    ``lower`` is the text lower-cased with the same offsets (``QuickTests.lower``), when at hand.
    """
    capitalised = list(_CAPITALISED_RE.finditer(text, start, end))
    lower_case = _lower_case_matches(text, start, end, lower)
    if not lower_case:
        return capitalised
    if any(c.start() < m.end() and m.start() < c.end() for m in lower_case for c in capitalised):
        return list(_COUNTRY_RE.finditer(text, start, end))
    return sorted(capitalised + lower_case, key=lambda m: m.start())


def _lower_case_matches(text: str, start: int, end: int, lower: str | None = None) -> list[re.Match]:
    """``_LOWER_CASE_RE.finditer(text, start, end)``, tried only where one of its names may start: before an
    occurrence of the name's last word.

    With ``lower`` (the text lower-cased, same offsets) the last words are looked for lower-cased
    there: a superset of the places (the pattern decides), found quicker in an ASCII copy than
    in a text wider than ASCII.
    """
    haystack, endings = (text, _LOWER_CASE_ENDINGS) if lower is None else (lower, _LOWER_CASE_ENDINGS_LOWERED)
    at: list[int] = []
    for word, befores in endings:
        k = haystack.find(word, start, end)
        while k != -1:
            at += [k - before for before in befores if k - before >= start]
            k = haystack.find(word, k + 1, end)
    if not at:
        return at  # most stretches of text: none of them
    out = []
    resume = start
    for k in sorted(set(at)):
        if k < resume:
            continue  # inside the previous match
        m = _LOWER_CASE_RE.match(text, k, end)
        if m is not None:
            out.append(m)
            resume = m.end()
    return out


#: Prefixes that turn a name into its complement or its inside: "non-EU", "extra-EU", "intra-EU".
_NOT_OF_A_COUNTRY = ("non", "extra", "intra")


def _country_names(text: str, start: int, end: int, lower: str | None = None) -> list[tuple[int, int, CountryName]]:
    """(start, end, what it names) of each country name standing as a word in ``text[start:end]``.

    A list built in one loop: a generator would cost a frame switch per name, and both callers read it all.
    """
    out = []
    for m in _country_matches(text, start, end, lower):
        at = m.start()
        if at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_"):
            continue
        if at > 3 and text[at - 1] == "-" and text[max(0, at - 7):at - 1].lower().endswith(_NOT_OF_A_COUNTRY):
            continue  # "non-EU countries", "extra-EU trade": every country but those
        name = COUNTRY_NAMES[m.group().replace("\n", " ")]
        if name.code == "USA" and _CURRENCY_AFTER.match(text, m.end()):
            continue
        if name.kind == "capital" and not _CAPITAL_AS_SUBJECT.match(text, m.end()):
            continue
        if text.startswith("-", m.end()) and _EPITHET_AFTER.match(text, m.end()):
            continue  # "the Russia-led EAEU": an epithet of the bloc, not a country of the statement
        out.append((at, m.end(), name))
    if any(name.kind == "combining" for _, _, name in out):
        out = _joined_combining_forms(text, out)
    return out


def _joined_combining_forms(text: str, found: list[tuple[int, int, CountryName]]) -> list[tuple[int, int, CountryName]]:
    """``found`` with a combining form ("Sino", "Indo", "Bangla") kept only where a hyphen joins it to another
    country ("Sino-Russian trade", "Indo-Bangla trade"), read as a name; "the Indo-Pacific" names no country."""
    out = []
    for i, (a, b, name) in enumerate(found):
        if name.kind != "combining":
            out.append((a, b, name))
            continue
        after = i + 1 < len(found) and found[i + 1][0] == b + 1 and text[b:b + 1] == "-"
        before = i > 0 and found[i - 1][1] == a - 1 and text[a - 1:a] == "-"
        if after or before:
            out.append((a, b, CountryName(name.code, "name")))
    return out


def find_countries(text: str, start: int = 0, end: int | None = None, lower: str | None = None) -> list[CountryMention]:
    """Every country, demonym or bloc name in ``text[start:end]``, with absolute offsets (``lower``: the text
    lower-cased with the same offsets, ``QuickTests.lower``, when at hand, which makes the search quicker)."""
    end = len(text) if end is None else end
    return [CountryMention(a, b, name.code, name.kind) for a, b, name in _country_names(text, start, end, lower)]


def country_codes(text: str, start: int = 0, lower: str | None = None) -> list[tuple[int, str]]:
    """(offset, code) of every country, demonym or bloc name in ``text[start:]``.

    The same names as ``find_countries``, for counting them over a whole article
    without building a mention for each (``lower``: the text lower-cased with the same
    offsets, when at hand, which makes the search quicker).
    """
    return [(a, name.code) for a, _, name in _country_names(text, start, len(text), lower)]


def find_commodities(text: str, start: int = 0, end: int | None = None) -> list[CommodityMention]:
    """Every known commodity term in ``text[start:end]`` (longest match), with its HS code."""
    end = len(text) if end is None else end
    found = []
    for m, shift in _COMMODITIES.finditer(text, start, end):
        a, b = m.start() + shift, m.end() + shift
        if a > 0 and (text[a - 1].isalnum() or text[a - 1] in "_-"):
            continue
        name = _listed_term(m.group().lower())
        if name is None:
            continue
        if name in _NOT_GOODS_AFTER and text[max(0, a - 8):a].lower().endswith(_NOT_GOODS_AFTER[name]):
            continue
        if name in _VERBS_BEFORE_AN_OBJECT and _OBJECT_AFTER.match(text, b):
            continue  # "Pakistan cements top position", "Kenya cements ties with ...": the verb, not the goods
        found.append(CommodityMention(a, b, name, COMMODITY_TERMS[name].hs_code))
    return found


def _listed_term(matched: str) -> str | None:
    """The term of the commodity list a match stands for: itself, or the singular of a plural the list lacks."""
    if matched in COMMODITY_TERMS:
        return matched
    for cut in (1, 2):
        singular = matched[:-cut]
        if singular in COMMODITY_TERMS and matched[-cut:] in ("s", "es"):
            return None if singular in _NO_PLURAL else singular
    return None


#: Words of the commodity list that are also verbs taking an object, and the objects news gives them.
_VERBS_BEFORE_AN_OBJECT = frozenset({"cement"})
_OBJECT_AFTER = re.compile(r"s?\s+(?:its|their|his|her|the|a|an|top|ties|relations|position|status|role|place|lead)\b",
                           re.IGNORECASE)
#: Words of the commodity list that are other words after these: "China took the lead" (no metal), "a lead".
_NOT_GOODS_AFTER = {"lead": ("the ", "a ", "took ", "take ", "takes ", "taking ", "to ")}

"""The English phrasing of trade statements: flow words, hedges, cues of non-facts.

Everything here is grammar (how statements are worded), never names of
countries or products, which live in the reference CSVs (capitals too).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tradestats.extract.lexicon import CAPITALS
from tradestats.extract.words import CaselessWords, Words

_I = re.IGNORECASE


#: Words after "trade" that make it something other than a flow of goods ("trade office", "trade policy").
_NOT_A_FLOW_NOUNS = (
    "office mission partner partnership center centre house zone hub route corridor policy representative "
    "representation fair show agreement contract deal union organization organisation relation tie cooperation "
    "co-operation barrier company companies minister ministry war sanction surplus deficit balance facilitation "
    "potential opportunity opportunities link bloc block dispute talk negotiation regime rule finance financing "
    "platform portal network department council commission committee association chamber expo exhibition forum "
    "event delegation infrastructure"
).split()
_NOT_A_FLOW_AFTER_TRADE = (
    r"in\s+services|and\s+(?:economic|investment|integration|industry|commerce|development|logistics|transport|economy)"
    r"|(?:" + "|".join(_NOT_A_FLOW_NOUNS) + r")s?"
)
#: The core flow words; the adjectives before them ("mutual", "foreign") are read backwards from the core.
#: A ranked partner stands for trade with it even without the word "trade": "Uzbekistan's main partners were China
#: ($6.9 billion), Russia ...", but not a partner in investment or finance.
_RANKED_PARTNER = (r"(?:main|largest|biggest|leading|top|key|major|principal)\s+"
                   r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)?(?:trad(?:e|ing)\s+"
                   r"(?:and\s+(?:investment|economic)\s+)?)?partners?"
                   r"(?!\s+(?:in|for)\s+(?:investment|investing|financ|energy|security))")
RANKED_PARTNER_STARTS = ("main", "largest", "biggest", "leading", "top", "key", "major", "principal")
#: "Commerce" is trade only between two sides ("commerce between India and Russia", "bilateral commerce"), not in
#: the name of a ministry or a chamber.
_COMMERCE = r"commerce(?=\s+(?:between|with)\b)|(?<=bilateral\s)commerce"
_FLOW_CORE = CaselessWords(r"(?:turnover|trad(?:e|ing)\s+(?:turnover\s+|and\s+(?:investment|economic)\s+)?partners?"
                           r"|trade[ds]?|trading"
                           r"|(?:exports?|imports?)\s+and\s+(?:exports?|imports?)(?=\s+(?:between|of|with)\b)"
                           r"|export(?:s|ed|ing|ations?)?|import(?:s|ed|ing|ations?)?"
                           rf"|{_RANKED_PARTNER}|{_COMMERCE})\b(?!-)",
                           starts=("turnover", "trad", "export", "import", "commerce"), gated=("partner", RANKED_PARTNER_STARTS))
_FLOW_ADJECTIVES = frozenset(
    "foreign external mutual bilateral two-way reciprocal total overall commodity goods merchandise non-oil".split())
_NOT_A_FLOW_AFTER = re.compile(rf"\s+(?:{_NOT_A_FLOW_AFTER_TRADE})\b", _I)
_TURNOVER_AFTER = re.compile(r"\s+(?:turnover|volume)\b", _I)
#: Flow words that only stand for a flow when a sentence has no stronger one ("the supply of wheat").
_WEAK_EXPORTS = CaselessWords(r"(?:suppl(?:y|ies|ied)|shipments?|shipped|deliver(?:y|ies|ed)"
                              r"|brought(?=\s+(?:in\s+)?from\b))\b",  # "goods worth $54 million were brought from"
                              starts=("suppl", "shipment", "shipped", "deliver", "brought"))


#: Verbs and nouns of buying and selling, weak flow words too ("Mongolia bought $1 billion worth of Russian goods",
#: "sales of wheat to Iran"); they stand for a flow only when the sentence names a country.
_WEAK_TRADE = CaselessWords(r"(?:sold|sales|bought|purchas(?:es|ed))\b", starts=("sold", "sales", "bought", "purchas"))
_WEAK_TABLES = {"sold": "exports", "sales": "exports", "bought": "imports", "purchases": "imports",
                "purchased": "imports"}
#: Flow words that need a country named in their own sentence.
NEEDS_A_COUNTRY = frozenset(_WEAK_TABLES)


#: A country's place among the buyers or suppliers of one flow, right after its name: "Chile ranked first for
#: Peruvian exports", "Oman came second among the destinations of Iranian exports", "Peru was the top market for".
RANKED_FOR = re.compile(
    r"\s+(?:ranks?|ranked|comes?|came|is|was|stands?|stood|remains?|remained)\s+(?:in\s+)?(?:the\s+)?"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th)|top|largest|biggest"
    r"|leading|main)(?:\s+(?:place|position|destination|market|buyer|supplier|source))?\s+(?:for|among|in)\s+"
    r"(?:the\s+)?(?:(?:destinations|markets|buyers|suppliers|sources)\s+(?:of|for)\s+)?(?-i:(?=[A-Z]))", _I)
#: A place in a ranking of partners: "China is first with $13.7 billion", "In second place is Russia",
#: "followed by Turkey ($3.1 billion)".
RANK = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|next|\d{1,2}(?:st|nd|rd|th))\s+"
    r"(?:place|position|spot|line)\b"
    r"|\b(?:is|was|are|were|ranks?|ranked|comes?|came|remains?|remained)\s+(?:in\s+)?"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|next)\b(?!\s+(?:half|quarter))"
    r"|\bfollowed\s+(?:by|with)\b|\b(?:the\s+)?top(?:\s+|\s*-\s*)(?:three|four|five|six|seven|eight|nine|ten|[3-9]|10)\b"
    r"|\btook\s+the\s+lead\b|\b(?:topped|led|heads?|headed)\s+the\s+(?:list|ranking|table)\b",
    _I,
)
#: A share of a total after a value: "$4.7 billion, or 7.1 percent of the total imports" (the flow word names the
#: total the share is of, not the value's flow).
SHARE_OF_TOTAL = re.compile(r"(?:\bper\s*cent|%)\s+of\s+(?:the\s+)?(?:total|overall|all)\s+$", _I)
#: A country that the next ones of a ranking follow: "Germany was followed by the USA ...".
FOLLOWED_AFTER = re.compile(r"\s+(?:is|was|are|were)\s+(?:closely\s+)?followed\s+by\b", _I)
#: The words of the flow that a ranking sentence without a flow word of its own continues.
RANKED_PARTNER = "ranked partner"


#: A word that refers back to the flow of the previous sentence: "In 2022, it reached $1.3 billion".
_ANAPHOR = re.compile(
    r"\b(?:it|this\s+figure|the\s+(?:same\s+)?figure|(?:the|this)\s+(?:same\s+)?(?:index|indicator)"
    r"|(?:the|this)\s+(?:same\s+)?volume|(?:this|that)(?=\s+(?:is|was|represents|represented|marks|marked)\b))\b",
    _I,
)
#: A sentence remarking on the previous one's figure: "This is 23.4 percent more than a year earlier."
REMARK = re.compile(r"\b(?:[Tt]his|[Tt]hat|[Ii]t)\s+(?:is|was|represents|represented|marks|marked)\b[^.;]{0,40}?\d"
                    r"|\b(?:[Tt]he|[Tt]his)\s+(?:figure|indicator)\s+(?:\w+\s+){0,2}?(?:increased|decreased|grew|rose"
                    r"|fell|declined|dropped|is|was|amounted|stood|totall?ed|reached|came)\b[^.;]{0,40}?\d")
#: A proper-noun "Trade" inside an institution name: "Ministry of Trade and Integration".
_INSTITUTION_BEFORE = re.compile(r"(?:\bof|\bfor|\band|Minister|Ministry)\s+$")
#: Words that make a flow word a national total rather than a bilateral one when no country is named ("Iran's
#: non-oil trade": the country's trade with the world in all goods but oil).
NATIONAL_TOTAL = re.compile(r"\b(?:foreign|external|total|overall|non-oil)\b", _I)
#: Words that say a statement is about the two countries of the article.
BILATERAL = Words(
    r"\b(?:bilateral|mutual|two-way|reciprocal|each\s+other|between\s+(?:the\s+|our\s+|both\s+)?(?:two\s+)?"
    # "between the two neighbouring countries", "the two friendly nations"
    r"(?:(?:neighbou?ring|fraternal|friendly|brotherly|partner)\s+)?"
    r"(?:countries|states|nations|sides|parties)|(?:the|our|both|two)\s+(?:two\s+)?"
    r"(?:(?:neighbou?ring|fraternal|friendly|brotherly|partner)\s+)?(?:countries|states|nations))\b"
)


@dataclass
class FlowWord:
    """A word naming a flow of goods, with the adjectives before it ("foreign trade turnover")."""

    start: int
    end: int
    table: str  # turnover | exports | imports
    words: str  # the matched words, lower case


def _with_adjectives(text: str, start: int, floor: int) -> int:
    """Move ``start`` back over the flow adjectives before it: "foreign trade", "mutual trade"."""
    words = text[max(floor, start - 60):start].split(" ")
    words.pop()  # what follows the last space is the core itself ("")
    while words and words[-1].lower() in _FLOW_ADJECTIVES:
        start -= len(words.pop()) + 1
    return start


#: A partner ranked by one flow: "main partner by imports", "the top partners in terms of exports".
_BY_FLOW_AFTER = re.compile(r"\s+(?:by|in)\s+(?:terms\s+of\s+)?(?:the\s+)?(exports?|imports?)\b", _I)
#: The words of a flow word that ranks one flow's partners, whatever way it was written.
FLOW_PARTNERS = {"exports": "export partners", "imports": "import partners"}


def _core_table(core: str) -> str:
    """The kind of a core flow word as matched, in lower case: "trade" alone is decided by the words around it."""
    if " and " in core:  # "exports and imports between the two countries": their trade
        return "turnover"
    if core.startswith("export"):
        return "exports"
    if core.startswith("import"):
        return "imports"
    return "trade" if core in ("trade", "trading") else "turnover"  # turnover, trade(ing) partners, main partners


def find_flow_words(text: str, start: int, end: int, weak: bool = True) -> list[FlowWord]:
    """Flow words in ``text[start:end]``: trade/turnover, exports, imports.

    With ``weak``, "supply", "shipments" and "deliveries" stand for exports when
    there is no stronger flow word.
    """
    found: list[FlowWord] = []
    for a, b, core in _FLOW_CORE.finditer(text, start, end):
        table = _core_table(core)
        if found and a < found[-1].end:
            continue  # "turnover" of "trade turnover", already read with "trade"
        if core in ("exporting", "importing") and _PARTICIPLE_OF_A_NOUN.match(text, b, end):
            continue  # "the largest re-exporting hub", "oil-importing countries": what a place is, not a flow
        if found and _WORTH_OF_BEFORE.search(text, max(start, a - 10), a):
            continue  # "China with $4.6 billion worth of imports from Iran": the value's flow said again, no new one
        if core in ("turnover", "trade") and found and found[-1].table in ("exports", "imports") and \
                found[-1].words in ("export", "import") and text[found[-1].end:a] == " " and \
                text[found[-1].start - 1:found[-1].start] not in ("-", "/"):
            previous = found.pop()  # "export turnover", "import trade": the value of one flow, not trade both ways
            found.append(FlowWord(previous.start, b, previous.table, previous.words))
            continue
        if table == "trade":
            if _NOT_A_FLOW_AFTER.match(text, b, end):
                continue
            if text[a] == "T" and a > start and _INSTITUTION_BEFORE.search(text, max(start, a - 12), a):
                continue
            after = _TURNOVER_AFTER.match(text, b, end)
            b = after.end() if after else b
            table = "turnover"
        if table == "turnover" or text[a - 1:a] == " ":
            a = _with_adjectives(text, a, start)
        words = text[a:b].lower()
        by_flow = _BY_FLOW_AFTER.match(text, b, end) if "partner" in words else None
        if by_flow is not None:  # "Georgia's main partner by imports": the partners of one flow
            table = "exports" if by_flow.group(1).lower().startswith("export") else "imports"
            b, words = by_flow.end(), FLOW_PARTNERS[table]
        elif table in FLOW_PARTNERS and words in ("export", "import"):
            place = _PLACE_OF_FLOW_AFTER.match(text, b, end)
            if place is not None:  # "Peru was Chile's top export destination": a partner of that flow
                b, words = place.end(), FLOW_PARTNERS[table]
        found.append(FlowWord(a, b, table, words))
    if not found and weak:
        found = find_weak_flow_words(text, start, end)
    return found


#: The nouns an "exporting" or "importing" describes rather than a flow it names: "the re-exporting hub".
_PARTICIPLE_OF_A_NOUN = re.compile(r"\s+(?:hubs?|countr(?:y|ies)|nations?|states?|economy|economies|regions?|centres?"
                                   r"|centers?|compan(?:y|ies)|firms?|enterprises?|industr(?:y|ies)|sectors?|partners?)\b",
                                   _I)
#: The words between a value and a flow noun that restate the value's flow: "$4.6 billion worth of imports".
_WORTH_OF_BEFORE = re.compile(r"\bworth\s+of\s+$", _I)

#: What follows "export" or "import" when it names a partner of the flow: "export destination", "import source".
_PLACE_OF_FLOW_AFTER = re.compile(r"\s+(?:destinations?|markets?|sources?|suppliers?)\b", _I)


def find_weak_flow_words(text: str, start: int, end: int) -> list[FlowWord]:
    """Only the weak flow words in ``text[start:end]``: supply and shipment words, buying and selling."""
    found = [FlowWord(a, b, "exports", words) for a, b, words in _WEAK_EXPORTS.finditer(text, start, end)]
    found += [FlowWord(a, b, _WEAK_TABLES[words], words) for a, b, words in _WEAK_TRADE.finditer(text, start, end)]
    return sorted(found, key=lambda f: f.start)


_BUYER_OF = ("buyer of", "buyers of", "importer of", "importers of", "purchaser of", "purchasers of")

#: The buyers of one country's goods, named before a list of them: "the largest importers of Uzbek tomatoes",
#: "main buyers of Kazakh wheat", "Peru was the largest importer of Chile with $3 billion".
BUYERS_OF = re.compile(r"\b(?:(?:[Ii]mporters?|[Bb]uyers?|[Pp]urchasers?)\s+of\s+(?:the\s+)?"
                       r"|(?:[Mm]arkets|[Cc]ountries|[Nn]ations|[Dd]estinations)\s+(?:that|which)\s+(?:import(?:s|ed)?|buys?"
                       r"|bought|purchase[sd]?)\s+(?:the\s+most\s+)?(?:of\s+)?(?:the\s+)?)(?=[A-Z])")


def find_anaphor(text: str, start: int, end: int) -> re.Match | None:
    """A word standing for the previous sentence's flow ("it", "the figure", "this indicator")."""
    return _ANAPHOR.search(text, start, end)


#: Quick tests for a sentence worth reading: plain substring tests on lower-cased text, far cheaper than a regex.
#: (A paragraph is only passed over when it has none of these, so "trad" may stand for "trade" and "trading".)
_FLOW_STEMS = ("trad", "turnover", "export", "import", "commerce", "suppl", "shipment", "shipped", "deliver", "sold", "sales",
               "bought", "brought from", "brought in from", "purchas", "partner", "buyers")
_WEAK_STEMS = ("suppl", "shipment", "shipped", "deliver", "sold", "sales", "bought", "brought from", "brought in from",
               "purchas")  # ("brought together" is no flow)
assert set(_WEAK_STEMS) <= set(_FLOW_STEMS)  # ``QuickTests`` keeps only the weak stems among the flow stems found
_FIGURE_STEMS = ("doubl", "tripl", "quadrupl", "twice", "halv", "fold", "one", "two", "three", "four", "five", "six",
                 "seven", "eight", "nine", "ten", "third", "quarter", "half")
_TRADE_VERB_STEMS = ("supplied", "shipped", "shipment", "delivered", "sold", "sales", "bought", "purchas")
_REMARK_STEMS = ("this is", "this was", "that is", "that was", "it is", "it was", "represent", "mark", "figure",
                 "indicator")
_ANAPHOR_STEMS = ("it", "figure", "index", "indicator", "volume", "this", "that")
_DIGIT = re.compile(r"\d")
#: The ASCII digits: ten substring tests (each a ``memchr``) are several times quicker than a pattern's scan.
_ASCII_DIGITS = "0123456789"


#: "markets that import", "countries which bought": a clause naming the buyers of a country's goods.
_BUYING_CLAUSES = tuple(f"{w} {v}" for w in ("that", "which") for v in ("import", "buy", "bought", "purchase"))


class QuickTests:
    """Whether a stretch of one article may hold a flow word, a figure or an anaphor: substring tests.

    The words tested for are ASCII, and lower-casing makes ASCII letters only of
    ASCII letters, but for a "k" from the Kelvin sign and an "i" followed by a
    combining dot from "İ"; no word here has a "k" or ends in "i", so neither can be
    part of one. So the article is lower-cased once as ASCII, one character for each
    ("?" for any other), and a word is in a stretch of that copy exactly when it is
    in the same stretch of the text lower-cased: far cheaper than lower-casing each
    paragraph and sentence, above all once a curly quote makes the text wider than
    ASCII.
    """

    def __init__(self, text: str):
        self.text = text
        self.lower = text.encode("ascii", "replace").decode("ascii").lower()
        #: The flow stems the article holds at all: a stretch of it can hold no other, and most articles hold
        #: none or one or two, so a paragraph is tested for those few only.
        self.flow_stems = tuple(filter(self.lower.__contains__, _FLOW_STEMS))
        self.weak_stems = tuple(stem for stem in _WEAK_STEMS if stem in self.flow_stems)  # the same strings

    def flow_word(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` may hold a flow word (trade, turnover, export, import, supply...)."""
        return any(map(self.lower[start:end].__contains__, self.flow_stems))

    def weak_flow_word(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` may hold "supply", "shipments" or "deliveries"."""
        return any(map(self.lower[start:end].__contains__, self.weak_stems))

    def buyers(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` may name the buyers of goods ("importers of", "buyers of")."""
        lower = self.lower[start:end]
        return any(map(lower.__contains__, _BUYER_OF)) or (
            (" that " in lower or " which " in lower) and any(map(lower.__contains__, _BUYING_CLAUSES)))

    def figure(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` may hold a figure: a digit, or a word such as "doubled" or "three".

        A digit is looked for in the ASCII copy (ten substring tests, quicker than
        ``\\d``), and in the text itself only where the copy has a "?", which may
        stand for a digit of another script.
        """
        lower = self.lower[start:end]
        if any(map(lower.__contains__, _ASCII_DIGITS)) or ("?" in lower and _DIGIT.search(self.text, start, end)):
            return True
        return any(map(lower.__contains__, _FIGURE_STEMS))

    def trade_verb(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` may hold a weak flow word that makes a clause of its own ("supplied",
        "sales", "shipments"); "supplies" and "deliveries" are rarely more than a product line of the strong flow
        word of their sentence ("Exports of wheat rose, while supplies of flour fell")."""
        return any(map(self.lower[start:end].__contains__, _TRADE_VERB_STEMS))

    def possessive(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` may hold a possessive ("Chile's supplies to Peru"; a curly apostrophe is "?"
        in the ASCII copy)."""
        lower = self.lower[start:end]
        return "'s " in lower or "?s " in lower

    def remark(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` may remark on a figure ("This is 5% more than ..."): see ``REMARK``."""
        return any(map(self.lower[start:end].__contains__, _REMARK_STEMS))

    def anaphor(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` may refer back to a flow ("it", "the figure", "this indicator")."""
        return any(map(self.lower[start:end].__contains__, _ANAPHOR_STEMS))


# --- qualifiers ------------------------------------------------------------------------------------------------
#: The words right before a figure that say how exact it is.
_QUALIFIER_PHRASES = {
    "under": ("not more than", "not exceeding", "less than", "fewer than", "just under", "under", "below"),
    "approx": ("almost reaching", "an estimated", "close to", "almost", "nearly", "about", "around", "approximately",
               "approx", "roughly", "some", "circa", "estimated", "nearing"),
    "over": ("in excess of", "upwards of", "more than", "at least", "over", "exceeded", "exceeds", "exceed",
             "exceeding", "above", "surpassed", "surpasses", "surpassing", "topped", "topping", "tops", "beyond"),
}
_QUALIFIER_OF = {phrase: q for q, phrases in _QUALIFIER_PHRASES.items() for phrase in phrases}
#: Those phrases as a pattern, longest first, each space any whitespace.
QUALIFIER_PHRASE = "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+")
                                    for p in sorted(_QUALIFIER_OF, key=len, reverse=True)) + ")"
#: The last words of those phrases: most figures have none of them before, which settles it at once.
_QUALIFIER_LAST_WORDS = frozenset(phrase.split()[-1] for phrase in _QUALIFIER_OF)
_TAIL_WORDS = re.compile(r"[a-z]+")


def qualifier_before(text: str, start: int, floor: int) -> str:
    """exact | approx | over | under, from the (up to three) words right before a figure; longest phrase wins."""
    tail = text[max(floor, start - 30):start].lower().rstrip()
    if not tail or not (tail[-1].isalpha() or tail[-1] == "."):
        return "exact"  # punctuation between: the words before are not about this figure
    words = _TAIL_WORDS.findall(tail[-30:])[-3:]
    if not words or words[-1] not in _QUALIFIER_LAST_WORDS:
        return "exact"
    for n in (3, 2, 1):
        if len(words) >= n and " ".join(words[-n:]) in _QUALIFIER_OF:
            return _QUALIFIER_OF[" ".join(words[-n:])]
    return "exact"


# --- roles of figures -----------------------------------------------------------------------------------------
_TAIL_TOKEN = re.compile(r"[a-z]+|[^\sa-z]")
#: Hedges that may stand between a role word and its figure: "from about $5 million".
_HEDGES = frozenset("about almost nearly around over some approximately roughly".split())


def tail_tokens(text: str, at: int, floor: int, width: int = 40) -> list[str]:
    """The lower-case words and punctuation marks just before ``at``, hedges at the end dropped."""
    tokens = _TAIL_TOKEN.findall(text[max(floor, at - width):at].lower())
    while tokens and tokens[-1] in _HEDGES:
        tokens.pop()
    if len(tokens) >= 2 and tokens[-1] == "than" and tokens[-2] in ("more", "less"):
        tokens = tokens[:-2]
    return tokens


#: Money after these words is the prior value of a comparison: "from $31.7 million to", "compared to $474.3 million".
_COMPARISON_LAST = frozenset({"from", "than", "against", "versus", "vs"})
_COMPARISON_LAST_TWO = frozenset({("compared", "to"), ("compared", "with"), ("comparison", "to"),
                                  ("comparison", "with"), ("vs", "."), ("contrast", "to"), ("contrast", "with")})


def is_comparison_money(tokens: list[str]) -> bool:
    """Whether money after ``tokens`` (from ``tail_tokens``) is the prior value of a comparison."""
    if tokens and tokens[-1] == "the" and len(tokens) >= 3 and tuple(tokens[-3:-1]) in _COMPARISON_LAST_TWO:
        return True  # "in contrast to the $186 million", "compared with the $2 billion"
    if not tokens:
        return False
    if tokens[-1] == "than" and len(tokens) >= 2 and tokens[-2] == "fewer":
        return False
    if tokens[-1] in _EARLIER_WORDS and len(tokens) >= 2:
        # "from the earlier $14.3 million to $19.9 million": what the value was before
        k = len(tokens) - 1
        while k and tokens[k - 1] in _EARLIER_WORDS | {"the", "an", "a"}:
            k -= 1
        return bool(k) and tokens[k - 1] in _COMPARISON_LAST
    if len(tokens) >= 4 and tokens[-3] in ("year", "month", "period") and tokens[-2] in ("'", "’") and \
            tokens[-1] == "s":
        # "from last year's $8.2 billion", "against the previous year's $974 million": the value a year back
        k = len(tokens) - 3
        while k and tokens[k - 1] in _EARLIER_WORDS | _YEAR_BACK_WORDS:
            k -= 1
        return k < len(tokens) - 3 and bool(k) and (tokens[k - 1] in _COMPARISON_LAST
                                                    or tuple(tokens[k - 2:k]) in _COMPARISON_LAST_TWO)
    if tokens[-1] == "of" and len(tokens) >= 2 and tokens[-2] in _LEVEL_NOUNS:
        # "reached $2.4 billion from last year's level of $2.1 billion": the level compared with
        before = tokens[-9:-2]
        return any(t in _COMPARISON_LAST for t in before) or \
            any(pair in _COMPARISON_LAST_TWO for pair in zip(before, before[1:]))
    k = len(tokens)
    while k and tokens[k - 1] in _FLOW_NOUN_FILLER:
        k -= 1
    if k < len(tokens) and any(t in _FLOW_NOUNS for t in tokens[k:]):
        # "against exports of $1.1 billion", "compared to imports worth $2 billion": the flow compared with
        return bool(k) and (tokens[k - 1] in ("against", "versus", "vs") or tuple(tokens[k - 2:k]) in
                            _COMPARISON_LAST_TWO)
    return tokens[-1] in _COMPARISON_LAST or tuple(tokens[-2:]) in _COMPARISON_LAST_TWO


#: A flow named again as the term of a comparison, before its value: "against exports of", "compared to imports worth".
_FLOW_NOUNS = frozenset({"exports", "imports", "export", "import", "trade", "turnover"})
_FLOW_NOUN_FILLER = _FLOW_NOUNS | {"of", "worth", "at", "valued", "the"}


#: Words for the earlier value between "from" and the money: "from the earlier $14.3 million", "from a previous".
_EARLIER_WORDS = frozenset({"earlier", "previous", "prior", "initial", "original"})
#: The words of "last year's", "the same month's" before a prior value, with ``_EARLIER_WORDS``.
_YEAR_BACK_WORDS = frozenset({"last", "preceding", "the", "same", "a"})
#: What a comparison may call the earlier value: "from last year's level of $X", "than the previous figure of $X".
_LEVEL_NOUNS = frozenset({"level", "levels", "figure", "value", "mark", "total", "earnings", "income", "revenue",
                          "revenues"})


#: Nouns of a change: money right after "a decrease in trade of" is the amount it changed by.
_CHANGE_NOUNS = frozenset("increase increases decrease decreases rise fall drop decline reduction gain".split())


#: "reached $98 million, up $12 million": "up" or "down" opening a remark is a change ("made up $5 million" is not).
_CHANGE_REMARK = frozenset({"up", "down"})
_REMARK_OPENERS = frozenset({",", "(", "and", "–", "—", ";"})


def is_change_money(tokens: list[str]) -> bool:
    """Money after "by" is an absolute change ("rose by $7.5 million"), and so is money after "of" that ends a
    change noun's phrase ("showed a decrease in trade volumes of $260 million")."""
    if not tokens:
        return False
    if tokens[-1] in _CHANGE_REMARK:
        return len(tokens) > 1 and tokens[-2] in _REMARK_OPENERS
    return tokens[-1] in _CHANGE_VERBS or (tokens[-1] == "of" and not _CHANGE_NOUNS.isdisjoint(tokens[-5:-1]))


#: Words right before money that make it the amount a flow changed by: "rose by $7.5 million", "exports to Uganda
#: shed $12 billion", "trade added $1 billion".
_CHANGE_VERBS = frozenset({"by", "shed", "sheds", "shedding", "lost", "loses", "gained", "gains", "added", "adds"})


#: Words between a value and a second currency for the same value: "$1.2 billion (540 billion tenge)".
SAME_VALUE_BETWEEN = re.compile(r"\s*(?:\(|,?\s*or\s+(?:about\s+|around\s+|roughly\s+|approximately\s+|some\s+)?|/\s*"
                                r"|,?\s*i\.e\.\s*|,?\s*equivalent\s+to\s+)\s*$", _I)
#: Words that make a bracket or clause a comparison: "than in the same period of the previous year ($474.3 million)".
COMPARISON_WORDS = Words(r"\b(?:than|compared|comparison|against|versus|year\s+earlier|year\s+ago|from)\b")
#: The same without "from", which after a dash or colon names a partner rather than a starting value.
COMPARISON_REMARK_WORDS = Words(r"\b(?:than|compared|comparison|against|versus|year\s+earlier|year\s+ago|year\s+before"
                                r"|year[\s-]on[\s-]year|y-o-y"
                                # "an increase of 11 percent over the same period in 2021 (931,073 tons)"; not the
                                # hedge "over $5 million" nor the span "over the year"
                                r"|(?:over|on)\s+(?:the\s+)?(?:same|corresponding|comparable|analogous|similar|previous"
                                r"|preceding|prior|last)\s+(?:period|year|months?|quarter))\b")

# --- non-facts -------------------------------------------------------------------------------------------------
#: Words before a figure that make it a target, forecast, plan, deal, investment, aid, capacity or offer.
NOT_A_FACT_BEFORE = Words(
    r"\b(?:aim(?:s|ed|ing)?|goal|goals|target(?:s|ed|ing)?|task|tasks|plan(?:s|ned|ning)?|intend(?:s|ed)?|intention"
    r"|seek(?:s|ing)?|want(?:s|ed)?|wish(?:es)?|hope(?:s|d)?|ready|readiness|potential|opportunit(?:y|ies)"
    r"|prospects?|prerequisites|expect(?:s|ed|ation|ations)?|forecast\w*|project(?:ed|ion|ions)|predict\w*"
    r"|estimated\s+to|going\s+to|(?:un)?likely|anticipated|set\s+to|poised\s+to|on\s+(?:course|track)\s+to"
    # ("amounted to export of goods": a share of a value, the noun after "amounted to", not an infinitive)
    r"|(?<!amounted\s)(?<!accounted\s)(?<!million\s)(?<!billion\s)to\s+(?:(?:further|significantly|substantially"
    r"|at\s+least)\s+)?(?:bring|increase|boost|raise|expand|double"
    r"|triple|achieve|lift|grow|export|import|supply|ship|sell)"
    r"|bringing(?!\s+(?:it|the\s+(?:figure|volume|turnover))\s+to\b)|raising\s+trade|agree(?:s|d)?"
    r"|contracts?|deals?|agreements?|memorand\w*|signed|invest\w*|aid|humanitarian|grants?|loans?|credits?|gdp"
    r"|gross\s+domestic|capacity|capacities|transit|containers?|freight|cargo|throughput|compan(?:y|ies)"
    r"|enterprises?|firms?|joint\s+ventures?|items(?!\s+(?:earning|earned|that|which|with|include|including|are|were|such|to|from|of)\b)|list\s+of|offer\w*|propos\w*|suggest\w*|worth\s+of"
    r"|population|budget|reserves|tourists?|passengers?(?!\s+(?:cars?|vehicles?|aircraft|wagons?))|surplus(?:es)?"
    r"|deficits?|balance|gaps?"
    r"|excess\s+of\s+(?:exports?|imports?)\s+over"
    r"|customs\s+(?:payments?|duties|duty|revenues?|fees|charges|receipts)|(?:import|export)\s+duties"
    r"|duties\s+and\s+taxes|taxes\s+and\s+duties|tax\s+revenues?|taxes\s+(?:collected|paid|levied)"
    r"|medium[\s-]term|long[\s-]term)\b"
)
#: Modal verbs: case matters, "May" is a month.
#: (Not a remark on what is told: "It should be noted that", "it must be said that", "as can be seen".)
MODAL_BEFORE = re.compile(r"\b(?:could|may|might|can|will|would|should|shall|must|Could|Will|Would|Can|Should)\b"
                          r"(?!\s+be\s+(?:noted|mentioned|stressed|emphasi[sz]ed|recalled|said|seen|added|reminded)\b)")
#: Words after a figure that make it a target: "... to $35 billion by 2030", "in the coming years".
NOT_A_FACT_AFTER = Words(
    r"\b(?:in\s+the\s+(?:coming|next|near)\b|in\s+the\s+future|in\s+(?:the\s+)?(?:next|coming)\s+(?:\w+\s+)?years"
    r"|by\s+(?:the\s+end\s+of\s+)?(?:the\s+)?(?:next|coming)\s+year|is\s+expected|are\s+expected|is\s+planned"
    r"|as\s+a\s+target|could\s+be|would\s+be|will\s+be|in\s+the\s+(?:medium|long)[\s-]term"
    r"|over\s+the\s+(?:medium|long)[\s-]term)\b"
)
#: A price, not a value of trade: "$300 per ton", "$80 a barrel"; so is a value of each item ("12 groups of goods
#: with a value of more than $1 billion each").
PRICE_AFTER = re.compile(r"\s*(?:per|a|an|/)\s*(?:metric\s+)?(?:ton|tonne|t|kg|kilogram|barrel|bbl|unit|head"
                         r"|litre|liter|cubic|mwh|kwh|ounce|oz|piece)s?\b|\s+each\b(?!\s+(?:year|month|quarter|week|day))", _I)
#: A price named right before its amount: "at an average price of $273", "the cost of $1,200".
PRICE_BEFORE = re.compile(r"\b(?:average\s+|mean\s+|unit\s+|export\s+|import\s+)?(?:price|cost)\s+(?:of|was|is|at)\s+"
                          r"(?:about\s+|around\s+|some\s+)?$", _I)
#: Statements about regions and provinces, not countries ("the largest partner in the region": the countries around).
SUBNATIONAL = Words(r"\b(?:(?<!in\sthe\s)region|regions|province|provinces|oblast|oblasts|krai|prefecture|city|cities"
                    r"|autonomous|governorate|municipality)\b")
#: A partner named right after the flow word ("trade with St. Petersburg", "exports to Xinjiang"): a capitalised
#: name there that is not a country's is a city or a province, or a region such as "Central Asia".
NAMED_PARTNER = re.compile(r"\s+(?:with|to|from|into|between)\s+(?:the\s+)?(?:\w+-(?:led|dominated|backed)\s+)?"
                           # (not a month: "turnover from January through November")
                           r"(?=[A-Z])(?!(?:January|February|March|April|May|June|July|August|September|October"
                           r"|November|December)\b)")
#: Capitals written for their country ("trade between Astana and Beijing"): not a city as a partner.
_CAPITAL = re.compile(r"(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in CAPITALS) + r")\b")


#: A capitalised adjective before a noun for one country: "the Asian country", "the South Asian nation".
_ONE_COUNTRY_NOUN = re.compile(r"(?:[A-Z][\w-]*\s+){1,3}(?:country|nation|republic|state|neighbou?r|partner|market"
                               r"|economy|kingdom|giant|side)\b")


def names_a_country(text: str, at: int) -> bool:
    """Whether the capitalised name at ``at`` may stand for a country: a capital city standing for its country
    ("Beijing"), or a noun for one country ("the Asian country")."""
    return _CAPITAL.match(text, at) is not None or _ONE_COUNTRY_NOUN.match(text, at) is not None


#: The mark opening an item of a list written line by line: "- ", "• ", "2) ".
BULLET_MARK = r"[ \t]*(?:[-–—•●▪*]|\d{1,2}[.)])[ \t]+"
#: Words that make the following products a composition ("mainly wheat"), not the subject of the figure.
COMPOSITION = Words(r"\b(?:including|includes|such\s+as|mainly|mostly|primarily|predominantly|chiefly"
                    r"|excluding|excludes|excluded|except|apart\s+from|not\s+counting|without"
                    r"|among\s+them|led\s+by|consisting|notably|especially|dominated\s+by)\b")
#: "Already" makes a figure without a stated period a year-to-date one.
ALREADY = Words(r"\balready\b")

# --- product groups written as grammar, not in the commodity list -------------------------------------------
_AGRI = r"agricultural|agro-industrial|agro-food|agri-food|agrarian|agro"
PRODUCT_GROUP = Words(
    rf"\b(?P<adj>{_AGRI}|food|industrial|manufactured|chemical|textile|metallurgical|petrochemical|processed"
    r"|engineering|consumer|mineral|livestock|dairy|meat|fish|pharmaceutical|electronic|electrical|light\s+industry"
    r"|horticultural|fruit\s+and\s+vegetable|forestry|wood|leather|plastic|rubber|metal|tobacco|mining|cosmetic)"
    r"\s+(?P<noun>products|goods|commodities|produce|product(?=\s+(?:exports?|imports?|supplies|shipments)\b))\b"
    rf"|\b(?P<qadj>{_AGRI})\s+(?=(?:commodity\s+)?(?:trade|turnover|exports?|imports?|products?)\b)"
    # "Uzbek textile exports": the exports of textile products
    r"|\b(?P<eadj>textile|chemical|pharmaceutical|food|dairy|meat|fish|leather|plastic|rubber|tobacco|livestock|mineral)"
    r"\s+(?=(?:exports?|imports?|supplies|shipments)\b)"
    rf"|\b(?:in|of)\s+the\s+(?P<sadj>{_AGRI})\s+(?:sector|sphere|complex|industry)\b"
)
_AGRI_RE = re.compile(rf"(?:{_AGRI})$", _I)
AGRICULTURAL_PRODUCTS = "agricultural products"


def product_group_name(m: re.Match) -> str:
    """The name of a product group as a row's commodity: farm-sector words all mean agricultural products."""
    adj = (m.group("adj") or m.group("qadj") or m.group("sadj") or m.group("eadj")).lower()
    if _AGRI_RE.match(adj):
        return AGRICULTURAL_PRODUCTS
    noun = (m.group("noun") or "products").lower()
    return f"{' '.join(adj.split())} {'products' if noun == 'product' else noun}"

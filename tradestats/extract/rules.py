"""Rule-based reading of trade statements, sentence by sentence.

A paragraph is read only if it has a flow word (trade, turnover, exports,
imports, supply) and a figure; everything else is skipped after two substring
tests, which is what keeps extraction fast. A read sentence is cut into
segments, one per flow word; each segment's figures (money, tonnes, growth) are
grouped around their main value, and each group becomes a candidate row whose
countries, period and commodity are found in the segment, or carried from the
sentence, the paragraph or the article.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass, replace

from tradestats.documents import Document
from tradestats.extract import grammar as g
from tradestats.extract import iranian
from tradestats.extract.candidate import Candidate
from tradestats.extract.context import ArticleContext
from tradestats.extract.figures import LIST_BETWEEN, Figure, Group, find_figures, group_figures, stated_amounts
from tradestats.extract.growth import change_direction
from tradestats.extract.numbers import (QUANTITY_UNITS, Amount, in_local_currency, in_stated_dollar,
                                       in_stated_yen)
from tradestats.extract.lexicon import REFERENCE_DIGEST, CommodityMention, CountryMention, find_commodities, find_countries
from tradestats.extract.parties import Parties, listed_partner, ranked_subject, resolve_parties, respective_parties
from tradestats.extract.periods import (NO_PERIOD, Period, PeriodMention, comparison_period, find_periods, months_long,
                                        resolve, shifted, year_to_date)
from tradestats.extract.products import SentenceProducts, find_products
from tradestats.extract.residue import StatedFigure, document_figures
from tradestats.extract.rows import (BEYOND_THE_PAIR, Row, deduplicated, to_candidate,
                                     with_growth_of_the_sentence_before, without_wider_totals)
from tradestats.extract.sentences import Span, paragraph_bounds, sentences

#: The rules' own version: bump it whenever a change to the code can change the output for unchanged text.
RULES_VERSION = "2.00"
#: What the extract stage's cache is keyed on: the rules and the reference name lists they read.
EXTRACTOR_VERSION = f"{RULES_VERSION}+{REFERENCE_DIGEST}"

#: How many paragraphs without a trade statement (a quote, a remark on the figure) a paragraph's period and
#: countries may be carried over to the next statement.
CARRY_OVER_PARAGRAPHS = 2
#: How many paragraphs back a tonnage of no named goods looks for the goods it is of
GOODS_CARRY_PARAGRAPHS = 2
#: How far after a figure its own period may start ("$545.2 million in 2024").
ADJACENT_PERIOD = 45
#: What may stand between a figure and its own period after it: "$1.1bn in 2021", "$8 billion respectively in
#: 2022". A comma ends the figure's clause: in "in 2021 it was $10 million, in 2022 - $15 million" the period
#: after the comma belongs to the next figure.
#: A possessive pronoun right before a flow word: whose flow it is was said earlier in the sentence.
_POSSESSIVES = (" its ", " their ")
#: "$2 billion worth of seafood": the goods after the value.
_WORTH_OF = re.compile(r"\s+worth(?=\s+of\b)")
#: A clause giving the value of the period compared against: "higher than in 2021, when it totalled $3 billion".
_WHEN_CLAUSE = re.compile(r",\s+when\b")
#: A noun standing for a country of the current pair, after a preposition: "exports to the republic", "trade with
#: the neighbouring country", "imports from the Central Asian country" (not "the two countries", not "the country's").
_ANAPHORIC_COUNTRY = re.compile(
    r"\b(?:to|from|with|into|between|and)\s+(?:the\s+(?P<noun>(?:(?:neighbou?ring|fraternal|friendly|partner"
    r"|northern|southern|eastern|western|[A-Z][a-z-]+(?:\s+[A-Z][a-z-]+)?)\s+)?(?:country|republic|kingdom|nation)"
    r"|[A-Z][a-z-]+\s+giant)"
    r"|(?P<own>(?:its|their)\s+(?:(?:northern|southern|eastern|western|closest|close|immediate)\s+)?"
    r"neighbou?r))\b(?!['’-])")
#: A product's share of a flow: with a single owner country, a share of its national total.
_SHARE_OF = re.compile(r"\b(?:accounted|accounts|accounting)\s+for\b", re.IGNORECASE)
_ANAPHORIC_NOUN_STEMS = ("the country", "the republic", "the kingdom", "the nation", "neighbo", " country",
                         " republic", " kingdom", " giant")
#: The country whose statistics the article reports, as a possessive: "the country's main trading partner".
_HOME_POSSESSIVE = re.compile(r"\bthe\s+(?P<noun>country|republic|nation)(?=['’]s\b)", re.IGNORECASE)
_HOME_POSSESSIVE_STEMS = ("country's", "republic's", "nation's", "country\u2019s", "republic\u2019s", "nation\u2019s")
#: Words before a period that make it the one compared against: "a 19% rise over the previous year".
_COMPARED_BEFORE = re.compile(r"\b(?:than|over|compared\s+(?:to|with)|from|against|versus|vs\.?)\s+(?:in\s+|the\s+|that\s+of\s+)*$",
                              re.IGNORECASE)
#: Between a listed value and the partner it names: "428 thousand tons to Tajikistan", "$5 million worth of goods to".
_OWN_PARTNER_AFTER = re.compile(r"(?:\s+[a-z][\w-]*){0,4}?\s+(?:to|from)\s+(?:the\s+)?")
_COMPARED_LEAD = re.compile(r"(?:than|over|compared\s+(?:to|with)|from(?![^,;]*?\b(?:to|through|till|until)\b)|against|versus)\b",
                            re.IGNORECASE)
#: A quantity naming its goods right after it: "15,600 tons of grain".
_TONS_OF = re.compile(r"\s+of\s+(?!the\b|which\b|its\b)")
#: A group of countries as the other side of a flow: "trade with the five Central Asian republics", "the export
#: volume to Arab countries".
_GROUP_OF_COUNTRIES = re.compile(r"(?:\s+(?:volumes?|values?|flows?))?\s+(?:with|to|from)\s+(?:the\s+|its\s+|their\s+)?(?:(?:two|three|four|five|six|"
                                 r"seven|eight|nine|ten|\d+)\s+)?(?:(?:[A-Z][\w-]*\s+){1,3}(?:republics|countries|states"
                                 r"|nations|neighbou?rs|economies)|neighbou?ring\s+(?:countries|states|nations))\b")
#: A destination that is a region, not a country, right after a figure: "4.1 million tons ... to the regions".
#: A flow with every country outside a bloc: "trade with non-EU countries", "extra-EU exports".
_ALL_BUT = re.compile(r"\b(?:non|extra)-[A-Z][\w.]*\s+(?:countries|states|nations|markets|partners|trade|exports|imports)\b")
_REGION_AFTER = re.compile(r"[^,;.]*?\b(?:to|from|with)\s+the\s+(?:countries|regions?|states|nations)\b", re.IGNORECASE)
#: "Kazakhstan became the leader in trade with China": the country traded with is the one whose partners are ranked.
_LEADER_IN = re.compile(r"\b(?:leaders?|first|top)\s+(?:place\s+|position\s+)?in\s+(?:terms\s+of\s+)?(?:the\s+)?$",
                        re.IGNORECASE)
_BETWEEN_FIGURE_AND_PERIOD = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:(?:in|for|during|over|of|at|as|respectively|alone|total)\b\s*)*")


@dataclass
class Statement:
    """What a later sentence may borrow from an earlier one: countries, flow and period."""

    table: str
    parties: Parties
    period: Period | None = None
    sector: CommodityMention | None = None  # the product group the sentence was about, for its paragraph
    #: ``sector`` is the goods a flow word named in a sentence with no figure: they are the next figure's only when it
    #: is a tonnage of the same flow and countries ("... wheat imports from Kazakhstan reached a high. Imports
    #: amounted to 3.88mn tonnes")
    goods_named_only: bool = False
    ranked_flow: bool = False  # the sentence ranked the partners of one flow ("main partners by exports")
    #: the sentence listed three partners or more: a bare flow after it is the whole trade, not the last partner's
    many_partners: bool = False


@dataclass
class Segment:
    """The stretch of a sentence that belongs to one flow word, up to the next one."""

    start: int
    end: int
    flow: g.FlowWord


class DocumentReader:
    """Reads one document; holds what carries over between its sentences."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.body_start = doc.body_start  # a property that matches the date line: read once
        self.quick = g.QuickTests(doc.text)
        self.article = ArticleContext(doc.text, self.body_start, doc.published, self.quick.lower)
        self.rows: list[Row] = []
        self.previous_paragraph_tail: Statement | None = None
        self.tail_age = 0  # paragraphs without a statement read since the tail was set
        self.previous_sentence_rows: range = range(0)  # the rows of the last sentence that proposed any
        #: The article's period in force: the last one a statement stated (a national total's included); it holds
        #: for later statements that state none, however many paragraphs on, until another is stated.
        self.main_period: Period | None = None
        self.latest_period: Period | None = None  # the newest period in force so far: what the article reports
        self.paragraph_periods: list[Period] = []  # the periods put in force by the paragraph read last
        #: the period of the last value proposed as a statement of its own (not a comparison)
        self.stated_period: Period | None = None
        self.last_pair: tuple[str, str] | None = None  # reporter and partner of the last row proposed
        self.prior_anchors: set[tuple[int, int]] = set()  # comparison values of a remark on the previous figure
        #: The article opened with a national total before any bilateral row ("Uzbekistan's foreign trade was $9.9
        #: billion. Exports amounted to $3.6 billion"): a flow that names no country then goes on with that total.
        self.opened_with_total = False
        self._periods: dict[Span, list[PeriodMention]] = {}
        self._sentences: dict[Span, list[Span]] = {}

    @functools.cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """The article's paragraph bounds, cut once for the statements and the figures both."""
        return paragraph_bounds(self.text, self.body_start)

    @functools.cached_property
    def amounts(self) -> list[Amount]:
        """Every money amount and tonnage of the article: one scan of the whole text, which costs less than one
        scan per sentence read and gives the figures table the same amounts the statements were read from."""
        amounts = stated_amounts(self.text, self.body_start, len(self.text), self.quick.lower)
        pair = self.article.pair
        return in_stated_yen(self.text, in_stated_dollar(self.text, in_local_currency(self.text, amounts, pair), pair),
                             pair)

    @functools.cached_property
    def _amount_starts(self) -> list[int]:
        return [m.start for m in self.amounts]

    def amounts_in(self, a: int, b: int) -> list[Amount]:
        starts = self._amount_starts
        return [m for m in self.amounts[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)] if m.end <= b]

    def sentences_of(self, para: Span) -> list[Span]:
        """The sentences of a paragraph, cut once however often they are looked at."""
        found = self._sentences.get(para)
        if found is None:
            found = self._sentences[para] = list(sentences(self.text, para))
        return found

    def sentence_of(self, at: int) -> Span | None:
        """The sentence the offset ``at`` stands in; None outside the article's paragraphs."""
        k = bisect.bisect_right(self._paragraph_starts, at) - 1
        if k < 0 or at >= self.paragraphs[k][1]:
            return None
        spans = self.sentences_of(Span(*self.paragraphs[k]))
        j = bisect.bisect_right(spans, at, key=lambda s: s.start) - 1  # sentences are in text order
        return spans[j] if j >= 0 and spans[j].start <= at < spans[j].end else None

    @functools.cached_property
    def _paragraph_starts(self) -> list[int]:
        return [a for a, _ in self.paragraphs]

    # --- driving -------------------------------------------------------------------------------------------------
    def read(self) -> list[Row]:
        """Paragraphs with no flow word or no figure are skipped after two substring tests."""
        text = self.text
        if not self.quick.flow_stems:
            return self.rows  # no flow word anywhere: every paragraph would be passed over, and nothing carried
        for a, b in self.statement_blocks():
            has_flow_word = self.quick.flow_word(a, b)
            if has_flow_word and self.quick.figure(a, b):
                flows = g.find_flow_words(text, a, b, weak=False)
                weak = self.quick.weak_flow_word(a, b)
                if flows or weak or self.quick.buyers(a, b):
                    self.read_paragraph(Span(a, b), flows, weak)
                    continue
            if has_flow_word and self.main_period is None and not self.rows:
                self.note_lead_period(a, b)
            self.pass_over(a, b)
        return self.rows

    def statement_blocks(self) -> list[tuple[int, int]]:
        """The paragraphs, with a list written as bullet paragraphs read as one with the line that opens it:
        "Tajikistan's leading exports to Uzbekistan were:" then "- Cotton fiber ($24 million);" ..."""
        paras, text = self.paragraphs, self.text
        if ":" not in text or not any(text[max(a, b - 8):b].rstrip().endswith(":") for a, b in paras):
            return paras
        blocks: list[tuple[int, int]] = []
        i = 0
        while i < len(paras):
            a, b = paras[i]
            j = i + 1
            if text[max(a, b - 8):b].rstrip().endswith(":"):
                while j < len(paras) and (_BULLET.match(text, paras[j][0]) or _NAMED_ITEM.match(text, paras[j][0])):
                    j += 1
            blocks.append((a, paras[j - 1][1]))
            i = j
        return blocks

    def without_sources(self, countries: list[CountryMention]) -> list[CountryMention]:
        """Countries but one of the article's pair named as the source of the figures ("Korean customs officials
        say exports fell ..."): the statement is about the pair, not the country's total."""
        pair = self.article.pair
        return [c for c in countries if not (c.code in pair and _INSTITUTION_AFTER.match(self.text, c.end))]

    def note_lead_period(self, a: int, b: int) -> None:
        """A lead paragraph of a flow with no figure gives the period the figures after it speak of: "Chile's
        exports to Peru fell in May for a third month. Officials say they dropped 4% to $210 million"."""
        if g.find_flow_words(self.text, a, b, weak=False) or (
                any(map(self.quick.lower[a:b].__contains__, _TRADER_STEMS)) and _TRADER.search(self.text, a, b)):
            # ("Iraq ranks the fourth-largest importer of Turkish goods in July": a lead of a ranking)
            self.note_main_period([p for p in find_periods(self.text, a, b) if not p.comparison])

    def pass_over(self, a: int, b: int) -> None:
        """A paragraph with no flow word or no figure: it may remark on the last statement ("This is 5% more
        than a year earlier"), and the statement's period and countries carry over it, but not far."""
        tail = self.previous_paragraph_tail
        if tail is None:
            return
        if self.tail_age >= CARRY_OVER_PARAGRAPHS:
            self.previous_paragraph_tail = None
            return
        age = self.tail_age
        self.note_home_of_a_ranking(Span(a, b), tail)
        if (self.ranks_after(tail) and self.ranking(a, b)) or self.ranks_goods_after(tail, a, b):
            self.read_paragraph(Span(a, b), [], False)  # a ranking of the home country's partners or goods goes on
            return
        if self.quick.remark(a, b) and g.REMARK.search(self.text, a, b) is not None:
            kept = len(self.rows)
            self.read_paragraph(Span(a, b), [], False)
            # only the growth of the last statement is read here, and the value it is compared against, or the
            # figure's value for another period ("In January-April 2019, this figure amounted to $273 million")
            another = _FIGURE_ANAPHOR.search(self.text, a, b) is not None
            self.rows[kept:] = [r for r in self.rows[kept:] if r.anchor in self.prior_anchors or (
                another and r.value is not None and r.period is not None and r.period != tail.period)]
        self.previous_paragraph_tail = tail
        self.tail_age = age + 1

    def read_paragraph(self, para: Span, flows: list[g.FlowWord], weak: bool) -> None:
        """Sentences of one paragraph, each with its own flow words (``weak``: the paragraph has "supply" words)."""
        spans = self.sentences_of(para)
        carried: Statement | None = None
        last: Statement | None = None
        before = self.previous_paragraph_tail
        latest = self.latest_period
        if before is not None and before.period is not None and latest is not None and before.period.end and \
                before.period.end < latest.start and self.main_period == before.period and \
                latest in self.paragraph_periods:
            # "Trade in 2023 grew to $1.7 billion. At the end of 2022 it exceeded $1.6 billion. || Exports to Bolivia
            # totaled $255.8 million": a paragraph's look back holds for it; the next goes on with the newest period
            before = replace(before, period=latest)
            self.main_period = latest
        self.paragraph_periods = []
        main_before = self.main_period
        flow_starts = [f.start for f in flows]  # flows are in text order: each sentence takes its own by bisection
        said_before = False  # whether a sentence of the paragraph so far may hold a figure or a flow word (quick tests)
        for i, sent in enumerate(spans):
            # the statement before the paragraph goes to its first sentence, and past an opening with no figure
            # ("Other leading markets come next. Peru was followed by China with $7 billion")
            opening = not i or not said_before
            inherited = carried or (None if not opening or before is None else before if before.sector is None
                                    else replace(before, sector=None))
            if not said_before and before is not None:
                said_before = self.quick.figure(sent.start, sent.end) or self.quick.flow_word(sent.start, sent.end)
            own = flows[bisect.bisect_left(flow_starts, sent.start):bisect.bisect_left(flow_starts, sent.end)]
            if weak and own:
                # "Coal sales to India ..., while exports ..."; "trade grew due to Chile's supplies to Peru of ..."
                if self.quick.trade_verb(sent.start, sent.end) or (
                        self.quick.weak_flow_word(sent.start, sent.end) and self.quick.possessive(sent.start, sent.end)):
                    own = _with_weak_clauses(self.text, own, sent)
            elif weak and self.quick.weak_flow_word(sent.start, sent.end):
                own = g.find_flow_words(self.text, sent.start, sent.end)
            first_row = len(self.rows)
            last = self.read_sentence(sent, own, inherited, spans[max(0, i - EARLIER_SENTENCES):i])
            if last is not None and (len(self.rows) > first_row or not self.only_shares(sent)):
                carried = last
        if carried is None and before is not None and self.tail_age < CARRY_OVER_PARAGRAPHS:
            self.tail_age += 1  # a paragraph that stated nothing (a region's trade, a total): the last statement holds
            if self.main_period is not None and self.main_period != main_before:
                # ... but a national total for a newer period moves the period on ("Uzbek trade in the first half
                # was $29 billion. China remains its main partner, with $5.2 billion")
                self.previous_paragraph_tail = replace(before, period=self.main_period)
            return
        self.previous_paragraph_tail = carried
        self.tail_age = 0

    def only_shares(self, sent: Span) -> bool:
        """Whether a sentence that proposed nothing gives only percentages ("The share of Turkmenistan in
        Uzbekistan's foreign trade was 1.6%"): a remark that does not change the statement in force."""
        lower = self.quick.lower[sent.start:sent.end]
        return "share" in lower and all(m.is_range for m in self.amounts_in(sent.start, sent.end))

    # --- one sentence --------------------------------------------------------------------------------------------
    def read_sentence(self, sent: Span, flows: list[g.FlowWord], carried: Statement | None,
                      earlier: list[Span]) -> Statement | None:
        """Rows of one sentence with flow words ``flows``; returns what the next sentence may borrow."""
        text, a, b = self.text, sent.start, sent.end
        first_row = len(self.rows)
        buyers = g.BUYERS_OF.search(text, a, b) if self.quick.buyers(a, b) else None
        if buyers is not None:  # "Major importers of Uzbek tomatoes: Russia – ...": read as the seller's exports
            flows = [g.FlowWord(buyers.start(), buyers.end(), "exports", "exports")]
        statement = self._read_sentence(sent, flows, carried, earlier)
        if "direction" in self.quick.lower[a:b] or " way" in self.quick.lower[a:b]:
            # "imports from Uzbekistan reached $239 million, while $27 million of goods went the other way"
            self.rows[first_row:] = [_the_other_way(r) if r.anchor and _OTHER_WAY.match(text, r.anchor[1]) else r
                                     for r in self.rows[first_row:]]
        if len(self.rows) > first_row:
            self.previous_sentence_rows = range(first_row, len(self.rows))
            last = self.rows[-1]
            listed = statement is not None and statement.many_partners
            self.last_pair = None if listed else (last.reporter, last.partner)  # a list leaves no one pair in force
        return statement

    def with_anaphoric_countries(self, countries: list[CountryMention], a: int, b: int,
                                 before: Span | None) -> list[CountryMention]:
        """``countries`` and the nouns standing for a country of the current pair ("exports to the republic",
        "trade with the neighbouring country"): the pair's other country than the one the sentence names, or its
        partner when the sentence names neither. A sentence right before that named one other country alone makes
        that country the one meant ("Peru ranked fifth among its markets. Sales to the country amounted to ..."):
        the noun refers to the nearest country named, not to the pair of an older statement."""
        found = [m for m in _ANAPHORIC_COUNTRY.finditer(self.text, a, b)
                 if not any(c.start < m.end() and m.start(m.lastgroup) < c.end for c in countries)]
        if not found:
            return countries
        pair = self.last_pair
        named = {c.code for c in countries}
        nearest = set()
        if before is not None and not named and any(m.group("noun") for m in found) and not (
                self.rows and self.rows[-1].quote.start >= before.start):  # (a statement there set the pair)
            nearest = {c.code for c in find_countries(self.text, before.start, before.end, self.quick.lower)} - set(pair)
        if len(nearest) == 1:
            code = next(iter(nearest))
        elif len(named) == 2 and named != set(pair) and all(c.start < found[0].start() for c in countries):
            # "Canada exported goods to the US ... and bought goods from its southern neighbor": the sentence's own
            # pair, the noun standing for the country other than its subject, named first
            code = next(c.code for c in countries if c.code != countries[0].code)
        elif named & set(pair):
            others = [code for code in pair if code not in named]
            if len(others) != 1:
                return countries
            code = others[0]
        elif named:
            return countries
        else:
            code = pair[1]
        added = [CountryMention(m.start(m.lastgroup), m.end(), code, "name") for m in found]
        return sorted(countries + added, key=lambda c: c.start)

    def with_home_possessive(self, countries: list[CountryMention], a: int, b: int) -> list[CountryMention]:
        """``countries`` and "the country's" standing for the article's home country, whose partners it ranks."""
        added = [CountryMention(m.start(), m.end(), self.article.home, "name")
                 for m in _HOME_POSSESSIVE.finditer(self.text, a, b)
                 if not any(c.start < m.end() and m.start() < c.end for c in countries)]
        return sorted(countries + added, key=lambda c: c.start) if added else countries

    def _read_sentence(self, sent: Span, flows: list[g.FlowWord], carried: Statement | None,
                       earlier: list[Span]) -> Statement | None:
        text, a, b = self.text, sent.start, sent.end
        if len(flows) > 1:
            flows = _two_way_flows_joined(text, flows)
            flows = _without_partners_setting(text, flows)
            flows = _without_bracketed_remarks(text, flows)
            flows = _without_appositives(text, flows)
            flows = _without_compared_repeats(text, flows)
            if carried is not None and _OF_THE_TOTAL.fullmatch(text, a, flows[0].start) and \
                    text.startswith(",", flows[0].end):
                flows = flows[1:]  # "Of the total turnover, exports amounted to ...": the parts of the last statement
        if flows and ("total" in self.quick.lower[a:b] or "all " in self.quick.lower[a:b]) and \
                self.ranks_after(carried) and self.ranking(a, b):
            # "India came third with $4.7 billion, or 7.1 percent of the total imports": the total a share is of
            flows = [f for f in flows if not g.SHARE_OF_TOTAL.search(text, max(a, f.start - 30), f.start)]
        if len(flows) == 1 and earlier and _bare_partners(flows[0]):
            # "The share of the five largest partners by exports was 60%. The top partners were Iran ($40 million),
            # ...": the partners of the flow ranked in the sentence before
            by_flow = _PARTNERS_BY_FLOW.search(text, earlier[-1].start, earlier[-1].end)
            if by_flow is not None:
                table = "exports" if by_flow.group(1).lower().startswith("export") else "imports"
                flows = [replace(flows[0], table=table, words=g.FLOW_PARTNERS[table])]
        if not flows:
            ranked = self.ranked_after_by_flow(sent, earlier) or self.ranked_partner(sent, carried) or \
                self.ranked_goods(sent, carried, earlier[-1] if earlier else None)
            if ranked is not None:
                flows = [ranked]
            elif not (carried and self.quick.anaphor(a, b)):
                if carried is not None and self.quick.figure(a, b) and not self.amounts_in(a, b) and \
                        _CHANGE_WORD.search(text, a, b):
                    # "Trade is growing. Growth was seen in the first half of 2022. It was $307 million": the
                    # period of the change remarked on is the one the figures after it speak of
                    self.note_main_period([p for p in find_periods(text, a, b) if p.usable])
                return None
        elif self.ranks_after(carried) and flows[0].table != carried.table and self.amounts_in(a, flows[0].start) \
                and self.ranking(a, flows[0].start):
            # "In second place is Russia with $5.3 billion, while it remains the largest export market ...": the
            # ranking's value comes before the sentence's flow word
            flows = [g.FlowWord(a, a, "turnover", g.RANKED_PARTNER)] + flows
        has_figure = self.quick.figure(a, b)
        if not flows:
            anaphor = g.find_anaphor(text, a, b) if carried and has_figure else None
            if anaphor is None:
                return None
            flows = [g.FlowWord(anaphor.start(), anaphor.end(), carried.table, "")]
        figures = find_figures(text, a, b, self.amounts_in(a, b)) if has_figure else []
        amounts = [(f.start, f.end) for f in figures if f.amount]
        periods = find_periods(text, a, b) if figures or self.main_period is None else []
        countries = find_countries(text, a, b, self.quick.lower)
        if len(countries) > 1:
            countries = _without_ranked_past(text, countries)
        if amounts:  # a period or a name inside a money expression is part of it
            periods = [p for p in periods if not _overlaps_any(p.start, p.end, amounts)]
            countries = [c for c in countries if not _starts_in_any(c.start, amounts)]
        source = None  # the country whose officials state the figures: the reporter of the pair's flows
        if countries and any(map(text[a:b].__contains__, _INSTITUTION_STEMS)):
            kept = self.without_sources(countries)
            source = next((c.code for c in countries if c not in kept), None)
            countries = kept
        if periods and not _FOR_COMPARISON.match(text, a):  # "For comparison, the previous year's ...": no new period
            self.note_main_period([p for p in periods if not _of_a_comparison_value(p, figures, text)
                                   and not (figures and _of_an_aside(text, p, figures[-1].start))])
        if self.last_pair is not None and any(map(self.quick.lower[a:b].__contains__, _ANAPHORIC_NOUN_STEMS)):
            countries = self.with_anaphoric_countries(countries, a, b, earlier[-1] if earlier else None)
        if self.article.home is not None and any(map(text[a:b].lower().__contains__, _HOME_POSSESSIVE_STEMS)):
            countries = self.with_home_possessive(countries, a, b)
        if len(flows) > 1 and ", which " in self.quick.lower[a:b]:
            flows, countries = _outside_asides(text, a, b, flows, countries, figures)
        segments = _segments(flows, a, b, text)
        statement: Statement | None = None
        sentence_parties: Parties | None = None
        stated: set[Period] = set()
        products: SentenceProducts | None = None
        sectors: set[CommodityMention] = set()
        sentence_rows_from = len(self.rows)
        for seg in segments:
            if self.article.home is None and "partner" in seg.flow.words:
                self.article.home = _possessor(text, countries, seg.flow.start)
            seg_figures = [f for f in figures if seg.start <= f.start < seg.end]
            listed = self.respective(seg, seg_figures, figures, countries, sent)
            part_of = self.part_of_listed(seg, countries, sentence_rows_from)
            if listed:
                parties = listed[0]
            elif part_of is not None:
                parties = part_of
            else:
                parties = self.parties(seg, seg_figures, figures, countries, sent, sentence_parties, carried)
                if parties is None:
                    self.note_total(seg_figures)
                    continue
                if source is not None and not parties.explicit and parties.partner == source and \
                        seg.flow.table in ("exports", "imports"):
                    parties = replace(parties, reporter=source, partner=parties.reporter)
            if self.article.home is None and parties.explicit and seg.flow.table == "turnover" and \
                    _LEADER_IN.search(text, max(a, seg.flow.start - 40), seg.flow.start):
                self.article.home = parties.partner
            if parties.explicit or not parties.bilateral_flow or sentence_parties is None or \
                    _owner_right_before(text, countries, seg.flow.start):
                # ("..., trade with which amounted to ...": the pair named before; "with Chinese exports rising to
                # $60 billion and imports to $63 billion": the owner named goes on to the next flow word)
                sentence_parties = parties
            if not parties.bilateral_flow and self.article.home is None and any(
                    c.code == parties.reporter and seg.start <= c.start < seg.end for c in countries):
                self.article.home = parties.reporter

            if statement is None or (parties.explicit and not statement.parties.explicit):
                ranked_for = self.ranked_for(countries, seg, parties)
                if ranked_for and self.article.home is None:
                    self.article.home = parties.reporter  # the country whose partners are ranked
                statement = Statement(seg.flow.table, parties,
                                      ranked_flow=seg.flow.words in g.FLOW_PARTNERS.values()
                                      or (seg.flow.words == g.RANKED_PARTNER and seg.flow.table != "turnover")
                                      or ranked_for)
            if seg_figures:
                products = products or SentenceProducts.of(text, a, b)
                periods_found, sectors_found = self.read_segment(seg, figures, periods, parties, listed, countries,
                                                                 products, sent, carried, earlier)
                stated.update(periods_found)
                sectors.update(sectors_found)
        self.rows[sentence_rows_from:] = _without_unknown_goods_of_a_list(text, self.rows[sentence_rows_from:])
        if statement is not None:
            statement.sector = next(iter(sectors)) if len({c.name for c in sectors}) == 1 else None
            if not figures and len(segments) == 1:
                statement.sector = self.goods_of_a_flow_with_no_figure(segments[0], a, b)
                statement.goods_named_only = statement.sector is not None
            # Only an unambiguous period carries over to the next paragraph.
            asides = [m for m in periods if m.recalled or (figures and _of_an_aside(text, m, figures[-1].start))]
            if asides:  # a value recalled for an earlier year, or given in an aside, does not set the period
                stated = {p for p in stated if not any(p == resolve(m, self.article.reference) for m in asides)}
                if not stated and carried is not None and carried.period is not None:
                    stated = {carried.period}
            statement.period = next(iter(stated)) if len(stated) == 1 and next(iter(stated)).start else None
            if carried is not None and carried.period is not None and not any(m.usable for m in periods) and \
                    any(m.kind == "same_period" and not m.bare for m in periods):
                # "It was $541 million in the corresponding period of 2021": the period in force stays
                statement.period = carried.period
            if carried is not None and _FOR_COMPARISON.match(text, a):
                statement.period = carried.period  # "For comparison, the previous year's ...": the same
            statement.many_partners = len({(r.reporter, r.partner) for r in self.rows[sentence_rows_from:]
                                           if r.table != "commodities"}) >= 3
        return statement

    def ranked_partner(self, sent: Span, carried: Statement | None) -> g.FlowWord | None:
        """A flow word for a sentence that goes on ranking the home country's partners without one of its own
        ("Uzbekistan's trade reached $62 billion. China is first with $13.7 billion. In second place is Russia
        ..."): it stands at the sentence's start, so every country before the first value is a ranked partner."""
        self.note_home_of_a_ranking(sent, carried)
        if not self.ranks_after(carried) or not self.ranking(sent.start, sent.end):
            return None
        if not any(c.code != self.article.home for c in find_countries(self.text, sent.start, sent.end, self.quick.lower)):
            return None  # "These were followed by marble products, worth $1.8 billion": goods ranked, not partners
        # "... among Georgia's main partners by exports. Bulgaria ($58 million), ... were the top three": a
        # ranking of one flow's partners goes on in that flow, as it does after the last partner's own flow
        # ("Turkey's exports to Germany were $11 billion. Germany was followed by the USA with $8.5 billion")
        table = carried.table if carried.ranked_flow or (
            "followed by" in self.quick.lower[sent.start:sent.end] and self.follows_the_last_partner(sent, carried)) \
            else "turnover"
        return g.FlowWord(sent.start, sent.start, table, g.RANKED_PARTNER)

    def note_home_of_a_ranking(self, span: Span, carried: Statement | None) -> None:
        """An article with no home yet takes the reporter of the flow whose partner the others follow: "Turkey's
        exports to Germany were $11 billion. ... Germany was followed by the USA with $8.5 billion"."""
        if carried is not None and self.article.home is None and carried.table in ("exports", "imports") and \
                "followed by" in self.quick.lower[span.start:span.end] and self.follows_the_last_partner(span, carried):
            self.article.home = carried.parties.reporter

    def follows_the_last_partner(self, sent: Span, carried: Statement) -> bool:
        """Whether the sentence says the partner of ``carried`` "was followed by" others."""
        text = self.text
        return any(c.code == carried.parties.partner and g.FOLLOWED_AFTER.match(text, c.end)
                   for c in find_countries(text, sent.start, sent.end, self.quick.lower))

    def ranked_goods(self, sent: Span, carried: Statement | None, before: Span | None = None) -> g.FlowWord | None:
        """A flow word for a sentence that goes on ranking the goods of the sentence before without one of its own
        ("Vehicles led exports to Chile with $2.5 billion. They were followed by copper with $1.2 billion"), or the
        goods a sentence before spoke of ("12 groups of goods were exported to China. Among them, phones took the
        lead with $16.9 billion, followed by ..."): the flow, parties and period of those goods."""
        if not self.ranks_goods_after(carried, sent.start, sent.end, before):
            return None
        return g.FlowWord(sent.start, sent.start, carried.table, "")

    def ranks_goods_after(self, carried: Statement | None, a: int, b: int, before: Span | None = None) -> bool:
        """Whether ``text[a:b]`` goes on ranking, with values, the goods of the last sentence that proposed any, or
        of the sentence ``before`` when it speaks of the goods of a flow."""
        if carried is None or carried.table not in ("exports", "imports") or not self.quick.figure(a, b):
            return False
        if not any(self.rows[i].table == "commodities" for i in self.previous_sentence_rows if i < len(self.rows)) \
                and not (before is not None and carried.parties.bilateral_flow
                         and _GOODS_OF_A_FLOW.search(self.text, before.start, before.end) is not None):
            return False
        return _GOODS_RANK.search(self.text, a, b) is not None and bool(self.amounts_in(a, b)) and \
            bool(find_commodities(self.text, a, b))

    def ranked_after_by_flow(self, sent: Span, earlier: list[Span]) -> g.FlowWord | None:
        """A ranking with no flow word right after a sentence that named one flow's partners: "Spain ranked 7th
        among Chile's partners by exports. Meanwhile, China ($12 million), ... were the top three"."""
        if not earlier or "partner" not in self.quick.lower[earlier[-1].start:earlier[-1].end]:
            return None
        by_flow = _PARTNERS_BY_FLOW.search(self.text, earlier[-1].start, earlier[-1].end)
        if by_flow is None or not self.ranking(sent.start, sent.end):
            return None
        if self.article.home is None:  # "... among main Chile's partners by exports": whose partners they are
            owners = {c.code for c in find_countries(self.text, earlier[-1].start, by_flow.start())
                      if self.text.startswith(("'s", "’s"), c.end)}
            if len(owners) != 1:
                return None
            self.article.home = owners.pop()
        table = "exports" if by_flow.group(1).lower().startswith("export") else "imports"
        return g.FlowWord(sent.start, sent.start, table, g.RANKED_PARTNER)

    def ranked_for(self, countries: list[CountryMention], seg: Segment, parties: Parties) -> bool:
        """Whether the segment places its partner among the buyers or suppliers of one flow ("Chile ranked first for
        Peruvian exports with $2.1 billion"): a ranking of that flow's partners, which the next sentences go on."""
        if seg.flow.table not in ("exports", "imports") or not parties.explicit:
            return False
        ranked = any(c.code == parties.partner and c.end <= seg.flow.start and g.RANKED_FOR.match(self.text, c.end)
                     for c in countries)
        if not ranked:  # "As for Chile's imports, China took the lead with $14.8 billion": the partner ranked
            ranked = any(c.code == parties.partner and seg.flow.end <= c.start and g.RANK.match(self.text, c.end + 1)
                         for c in countries)
        return ranked

    def ranks_after(self, carried: Statement | None) -> bool:
        """Whether a ranking may go on after ``carried``: a statement of the article's home country."""
        home = self.article.home
        return carried is not None and home is not None and home in (carried.parties.reporter, carried.parties.partner)

    def ranking(self, a: int, b: int) -> bool:
        """Whether ``text[a:b]`` ranks partners with a value: a place word and an amount."""
        return g.RANK.search(self.text, a, b) is not None and bool(self.amounts_in(a, b))

    # --- countries -----------------------------------------------------------------------------------------------
    def parties(self, seg: Segment, seg_figures: list[Figure], all_figures: list[Figure],
                countries: list[CountryMention], sent: Span, sentence_parties: Parties | None,
                carried: Statement | None) -> Parties | None:
        text = self.text
        zone_end = seg_figures[0].start if seg_figures else seg.end
        if g.SUBNATIONAL.search(text, seg.start, zone_end) is not None:
            return None
        if seg.start > sent.start and text[max(sent.start, seg.flow.start - 6):seg.flow.start].lower().endswith(
                _POSSESSIVES) and \
                g.SUBNATIONAL.search(text, sent.start, seg.start) is not None:
            return None  # "The region accounted for 45% of the trade; its trade with Kazakhstan ...": the region's
        if seg.flow.words in g.NEEDS_A_COUNTRY and not any(sent.start <= c.start < sent.end for c in countries):
            return None
        named = g.NAMED_PARTNER.match(text, seg.flow.end, zone_end)
        if named is not None and not any(c.start == named.end() for c in countries) and not g.names_a_country(
                text, named.end()):
            return None  # a partner that is no country: a city, a province, a region
        if carried is not None and carried.many_partners and sentence_parties is None and not any(
                sent.start <= c.start < sent.end for c in countries):
            return None  # "Exports fell, due to gold ..." after a list of partners: the whole trade, not the last's
        if sentence_parties is None and (balance := self.pair_of_a_balance(seg, countries, sent)) is not None:
            return balance
        fallback = sentence_parties or self.pair_named_apart(seg, countries, sent) or (
            carried.parties if carried else None)
        if fallback is None and self.opened_with_total and self.last_pair is None and not any(
                sent.start <= c.start < sent.end for c in countries):
            return None  # the national total's exports and imports, not the article's pair's
        if _GROUP_OF_COUNTRIES.match(text, seg.flow.end, zone_end) is not None:
            return None  # "trade with the five Central Asian republics": a regional total, not one partner's
        if seg.start == sent.start:
            subject = [c for c in countries if sent.start <= c.start < seg.flow.start]
        else:  # "..., while China was third with trade turnover of $623 million": the subject of the flow's own clause
            clause = _clause_start(text, sent.start, seg.flow.start, [])
            subject = [c for c in countries if max(clause, seg.start - 60) <= c.start < seg.flow.start and
                       g.RANK.match(text, c.end + 1)] if clause > sent.start else []
        if fallback is None and self.last_pair is not None:
            fallback = Parties(*self.last_pair)  # "the two countries": the pair of the article's last statement
        floor = max([sent.start] + [f.end for f in all_figures if f.end <= seg.flow.start])
        parties = resolve_parties(text, seg.flow, seg.start, zone_end, seg.end, countries, subject, fallback,
                                  self.article, floor,
                                  pair_in_sentence=sentence_parties is not None and sentence_parties.bilateral_flow)
        home = self.article.home
        if parties is not None and parties.partner == home and seg.flow.table != "turnover" and \
                (_FLOW_PARTNERS.match(text, seg.flow.end) or seg.flow.words in g.FLOW_PARTNERS.values()):
            # "The main export partners were Russia ($1.3 billion), ...": the home country's exports to them
            parties = replace(parties, reporter=home, partner=parties.reporter)
        return parties

    def pair_named_apart(self, seg: Segment, countries: list[CountryMention], sent: Span) -> Parties | None:
        """The two countries a sentence names before its flow's clause, for a flow that names none: "Uzbekistan became
        Russia's second partner: the trade turnover of the countries rose 5.4%" is Russia's trade with Uzbekistan,
        not the pair of the sentence before."""
        named = [c for c in countries if sent.start <= c.start < seg.start]
        codes = list(dict.fromkeys(c.code for c in named))
        if len(codes) != 2 or any(seg.start <= c.start < seg.end for c in countries) or \
                not _COLON_OR_DASH.search(self.text, named[-1].end, seg.flow.start):
            return None
        home = self.article.home
        if home == codes[1]:
            codes.reverse()
        return Parties(codes[0], codes[1])

    def pair_of_a_balance(self, seg: Segment, countries: list[CountryMention], sent: Span) -> Parties | None:
        """The pair of a trade balance the sentence tells before a flow that names no country: "Japan had a trade
        deficit of ¥3.36 trillion with China, after imports rose 8.8 percent" is Japan's imports from China."""
        named = [c for c in countries if sent.start <= c.start < seg.flow.start]
        codes = list(dict.fromkeys(c.code for c in named))
        if len(codes) != 2 or any(seg.flow.start <= c.start < seg.end for c in countries) or \
                _BALANCE_WITH.search(self.text, named[0].end, named[-1].start) is None:
            return None
        return Parties(codes[0], codes[1], explicit=True)

    def respective(self, seg: Segment, seg_figures: list[Figure], all_figures: list[Figure],
                   countries: list[CountryMention], sent: Span) -> list[Parties] | None:
        """One pair of countries per value when a statement lists partners and values "respectively", or lists as
        many partners as values, each list joined by "and" alone ("Exports to Chile and Peru totaled $3.1 billion
        and $3.2 billion"): English pairs them in order either way."""
        lower = self.quick.lower[seg.start:seg.end]
        stated = "respectively" in lower
        if not stated and " and " not in lower:
            return None
        mains = [f for f in seg_figures if f.amount and f.role == "main"]
        if not mains and stated:
            # "exports to the UAE and Afghanistan declined by 11.0 per cent and 36.2 per cent, respectively": growths
            mains = [f for f in seg_figures if f.is_growth]
        if len(mains) < 2:
            return None
        text = self.text
        if not stated and not (all(LIST_BETWEEN.fullmatch(text, x.end, y.start) for x, y in zip(mains, mains[1:]))
                               and _coordinated_partners(text, seg.flow, countries, mains[0].start, len(mains))):
            return None
        floor = max([sent.start] + [f.end for f in all_figures if f.end <= seg.flow.start])
        listed = respective_parties(self.text, seg.flow, mains[0].start, countries, floor, self.article, len(mains))
        if listed is None and stated:
            # "China, Russia and Italy were Kazakhstan's top trading partners, with turnover of ... respectively":
            # the partners listed before the flow word, in the sentence's opening.
            listed = respective_parties(self.text, seg.flow, mains[0].start, countries, floor, self.article,
                                        len(mains), listed_before=True)
        return listed

    def beyond_the_pair(self, table: str, parties: Parties, period: Period, main: Figure) -> bool:
        """Whether a value the context gives a pair is several times what the pair was already said to trade in the
        same flow and period: "Azerbaijan's trade turnover amounted to $6.6 billion" after its $1.1 billion with
        Turkey is the country's total, not a second figure for the pair."""
        pair = {parties.reporter, parties.partner}
        amount = main.amount
        return any(r.table == table and not r.commodity and {r.reporter, r.partner} == pair and r.period == period
                   and r.value and r.unit == amount.unit and amount.value > BEYOND_THE_PAIR * r.value
                   for r in self.rows)

    def part_of_listed(self, seg: Segment, countries: list[CountryMention], first_row: int) -> Parties | None:
        """The pair of a part named right after a listed value: "Russia ($7.6 billion, of which imports $5 billion)"
        is the home country's imports from Russia, the partner of the row just proposed, not the sentence's first."""
        if first_row >= len(self.rows) or not _PART_OF_BEFORE.search(self.text, max(0, seg.flow.start - 30),
                                                                      seg.flow.start):
            return None
        last = self.rows[-1]
        pair = (last.reporter, last.partner)
        if any(seg.start <= c.start < seg.end and c.code not in pair for c in countries):
            return None  # the part names a country of its own
        home = self.article.home
        kept = home if home in pair else last.reporter
        return Parties(kept, pair[1] if kept == pair[0] else pair[0], explicit=True)

    # --- one segment ---------------------------------------------------------------------------------------------
    def read_segment(self, seg: Segment, figures: list[Figure], periods: list[PeriodMention], parties: Parties,
                     listed: list[Parties] | None, countries: list[CountryMention], products: SentenceProducts,
                     sent: Span, carried: Statement | None,
                     earlier: list[Span]) -> tuple[list[Period], list[CommodityMention]]:
        """Rows of one segment into ``self.rows``; returns the periods and product groups of what it proposed.

        ``figures`` are all the sentence's figures: a clause or a period ends at any of them.
        ``listed`` gives one pair of countries per value ("respectively"); otherwise a later
        value may name its own partner ("..., with Kyrgyzstan $1.3 billion").
        """
        found: list[Period] = []
        sectors: list[CommodityMention] = []
        seg_figures = [f for f in figures if seg.start <= f.start < seg.end and not self.over_years(f, seg, figures,
                                                                                                    periods, sent)]
        if seg_figures and seg.start < seg.flow.start and seg_figures[0].start == seg.start and \
                seg_figures[0].role == "comparison":
            # "$11.2 billion in imports compared to $2.5 billion in exports": the value of a flow of its own
            seg_figures[0] = replace(seg_figures[0], role="main")
        topic = carried.sector if carried and _continues_topic(seg.flow) else None
        if topic is not None and carried.goods_named_only and not _same_flow_in_tonnes(seg, seg_figures, parties, carried):
            topic = None
        valued = 0
        previous_end = seg.flow.end
        a_list = sum(1 for f in seg_figures if f.amount and f.role == "main") > 1
        # "exports increased by 49.7% to Turkey, by 48.5% to the United States": a list of growths, each with its partner
        growth_list = not a_list and sum(1 for f in seg_figures if f.is_growth) > 1
        subject: str | None | object = _UNSET  # the side a list after the first value ranks, looked up once
        previous_main: Figure | None = None  # the value before, and the parties it was given
        grown = 0  # growths of a "respectively" list given their partners so far
        previous_parties: Parties | None = None
        for commodities, item_figures in self.items(seg, seg_figures, products, topic, countries):
            for group in group_figures(item_figures):
                group_parties = parties
                if group.main is not None:
                    own = self.partner_after(group.main, countries, parties) if a_list and not listed else None
                    if a_list and not listed and not valued and own is None and \
                            self.total_before_its_parts(group.main, seg_figures):
                        self.note_total(seg_figures)  # "1.4 million tons of ore, mainly to Peru (610,000 tons), ..."
                        continue
                    if listed:
                        group_parties = listed[valued] if valued < len(listed) else None
                    elif own is not None:
                        group_parties = own  # "..., 2,345 thousand tons to Uzbekistan, 428 thousand tons to ..."
                    elif valued:
                        if subject is _UNSET:
                            subject = ranked_subject(self.text, sent.start, seg.flow, previous_end, countries,
                                                     parties)
                        # (a turnover names no side first: the list of its partners keeps the article's own country,
                        # "trade between the UK and Egypt totaled $5.3 billion, followed by the Netherlands" in an
                        # article on Egypt's trade)
                        keeps = self.article.home or (
                            self.article.pair[0] if seg.flow.table == "turnover" and self.article.pair and
                            "followed by" in self.quick.lower[seg.flow.end:group.main.start] else None)
                        group_parties = listed_partner(self.text, previous_end, group.main.start, countries, parties,
                                                       keeps, subject)
                        if group_parties is parties and previous_main is not None and \
                                previous_main.amount.unit != group.main.amount.unit and \
                                _WORTH_BETWEEN.fullmatch(self.text, previous_end, group.main.start):
                            # "India with 773,700 tons worth $282.9 million": the value of the item's tonnage
                            group_parties = previous_parties
                    valued += 1
                    previous_end = group.main.end
                    previous_main, previous_parties = group.main, group_parties
                if group.main is None and growth_list and listed and group.growth is not None:
                    # growths listed "respectively", one per partner named, in order
                    group_parties = listed[grown] if grown < len(listed) else None
                    grown += 1
                elif group.main is None and growth_list and not listed and group.growth is not None:
                    group_parties = self.partner_after(group.growth, countries, parties) or \
                        self.partner_before_growth(group.growth, countries, parties) or group_parties
                if group_parties is not None and not group_parties.bilateral_flow and commodities and \
                        commodities[0].end <= sent.start:
                    group_parties = self.counterpart_of_last_goods(group_parties, seg.flow.table) or group_parties
                if group_parties is None or (not group_parties.bilateral_flow and (
                        commodities is None or not self.names_a_partner(sent, countries, group_parties.reporter))):
                    # a national total, of a product too ("Kazakhstan exported 7.7 million tons of wheat"), unless
                    # the sentence names a partner
                    self.note_total(seg_figures)
                    continue
                if not group_parties.bilateral_flow and _SHARE_OF.search(self.text, sent.start,
                                                                         (group.main or group.lead).start):
                    continue  # "Oil accounted for $30 billion of Kazakhstan's exports": a share of a national total
                if commodities and not group_parties.explicit and _ALL_PARTNERS.search(
                        self.text, sent.start, (group.main or group.lead).start):
                    self.note_total(seg_figures)  # "the three most exported goods from Ukraine: food - $2.2 billion",
                    continue  # "in the total volume of goods imported": goods of all partners, not of the pair
                if self.not_a_fact(group, figures, sent):
                    continue
                if commodities is None and group.main is not None and group.main.amount.unit in QUANTITY_UNITS:
                    continue  # a quantity of no named goods ("913 thousand tons was exported"): flagged, not a row
                if _REGION_AFTER.match(self.text, (group.main or group.lead).end,
                                       min(sent.end, (group.main or group.lead).end + 90)):
                    continue  # "... exported to the countries of Central Asia": a regional total
                if not group_parties.explicit and _ALL_BUT.search(self.text, sent.start, (group.main or group.lead).start):
                    continue  # "trade with non-EU countries grew, exports by 5.9%": every country but a bloc
                lead = group.main or group.lead
                period = self.period_of(lead, seg, figures, periods, sent, carried, earlier)
                if period is None or (not group_parties.explicit and commodities is None and group.main is not None
                                      and self.beyond_the_pair(seg.flow.table, group_parties, period, group.main)):
                    continue
                rows = self.rows_of(group, seg, group_parties, period, commodities, periods, sent)
                if not group_parties.explicit:
                    rows = [replace(r, borrowed=True) for r in rows]
                self.rows.extend(rows)
                if rows:
                    found.append(period)
                    if period.start and lead.role == "main" and not self.dated_as_its_comparison(lead, period) \
                            and not _FOR_COMPARISON.match(self.text, sent.start):
                        self.stated_period = period
                    sectors += [c for c in commodities or [] if c.sector]
        return found, sectors

    def dated_as_its_comparison(self, lead: Figure, period: Period) -> bool:
        """Whether a growth alone took the date of the value it compares against ("This figure increased by 37.2%
        year-on-year ($38.1 million in January-April 2023)"): the period in force a year back, which must not
        become the period a later "during this period" means."""
        main = self.main_period
        return lead.amount is None and main is not None and bool(main.start) and \
            period == comparison_period(main, None, self.article.reference)

    def names_a_partner(self, sent: Span, countries: list[CountryMention], reporter: str) -> bool:
        """Whether a sentence names a country other than ``reporter``, or a noun standing for one ("to the
        South Asian nation")."""
        return any(sent.start <= c.start < sent.end and c.code != reporter for c in countries) or \
            _ANAPHORIC_COUNTRY.search(self.text, sent.start, sent.end) is not None

    def partner_after(self, f: Figure, countries: list[CountryMention], parties: Parties) -> Parties | None:
        """The partner a listed value names right after itself ("428 thousand tons to Tajikistan"), the list
        keeping its home side; None when no country follows the value in its own words."""
        after = next((c for c in countries if f.end <= c.start <= f.end + 45), None)
        if after is not None and _FROM_AFTER_VALUE.fullmatch(self.text, f.end, after.start):
            # "... $54 million were brought from Chile to Peru, and about $40 million - from Peru to Chile"
            to = next((c for c in countries if c.start > after.end and
                       _TO_BETWEEN.fullmatch(self.text, after.end, c.start)), None)
            if to is not None and to.code != after.code:
                return Parties(after.code, to.code, explicit=True, bilateral_flow=parties.bilateral_flow)
        if after is None or not _OWN_PARTNER_AFTER.fullmatch(self.text, f.end, after.start):
            return None
        return self.listed_with(after.code, parties)

    def listed_with(self, partner: str, parties: Parties) -> Parties | None:
        """The parties of a list item that names its own partner: the list keeps its home side (None when the item
        names that side itself)."""
        home = self.article.home
        kept = home if home is not None and home in (parties.reporter, parties.partner) else parties.reporter
        if partner == kept:
            return None
        return Parties(kept, partner, explicit=True, bilateral_flow=parties.bilateral_flow)

    def total_before_its_parts(self, total: Figure, figures: list[Figure]) -> bool:
        """Whether a first value is the whole its partners' values are parts of ("exported 1.4 million tons in 2021,
        mainly to Peru (610,000 tons) and Bolivia (85,000 tons)", "..., including 610,000 tons to Peru"): a world
        total, no value of the first partner's."""
        following = next((f for f in figures if f.start > total.end and f.amount is not None and f.role == "main"), None)
        return following is not None and \
            _PARTS_FOLLOW.search(self.text, total.end, following.start) is not None

    def partner_before_growth(self, f: Figure, countries: list[CountryMention], parties: Parties) -> Parties | None:
        """The partner a listed growth names right before itself: "trade with Chile fell by 20%, with Bolivia by
        10.3%"; the list keeps its home side."""
        before = next((c for c in reversed(countries) if f.start - 30 <= c.end <= f.start), None)
        if before is None or not _PARTNER_BEFORE_GROWTH.search(self.text, max(0, before.start - 12), before.start) \
                or not _GROWTH_AFTER_PARTNER.fullmatch(self.text, before.end, f.start):
            return None
        return self.listed_with(before.code, parties)

    def items(self, seg: Segment, figures: list[Figure], products: SentenceProducts,
              topic: CommodityMention | None, countries: list[CountryMention] = ()
              ) -> list[tuple[list[CommodityMention] | None, list[Figure]]]:
        """Figures split by the product they are about (None: the whole flow, or the paragraph's ``topic``).
        With a country named in the segment a tonnage and its growth are of the goods named before."""
        items: list[tuple[list[CommodityMention] | None, list[Figure]]] = []
        current: list[CommodityMention] | None = None
        untitled = [topic] if topic else None
        floor = seg.start
        if seg.start == seg.flow.start:  # a later flow word of the sentence: "..., and its furniture exports grew"
            untitled = products.naming(seg.flow.start) or untitled
        if untitled is None and seg.flow.table in ("exports", "imports") and \
                _DEMONSTRATIVE_BEFORE.search(self.text, max(seg.start, seg.flow.start - 8), seg.flow.start) and \
                any(self.rows[i].table == "commodities" for i in self.previous_sentence_rows if i < len(self.rows)):
            untitled = self.goods_named_before(seg.start)  # "Chile sold 4,000 tons of copper. These exports ..."
        for f in figures:
            own = products.before(floor, f.start)
            if f.amount and f.amount.unit in QUANTITY_UNITS and _TONS_OF.match(self.text, f.end):
                own = products.after(f.end, seg.end) or own  # "60,200 tons of flour and 15,600 tons of grain"
            if not own and (f.is_growth or (f.amount and f.amount.unit in QUANTITY_UNITS)):
                own = products.after(f.end, seg.end)
            elif own and f.is_growth and _TONS_OF.match(self.text, f.end):
                # "by 45% of plastics, by 23.4% of textiles, and by 21.4% of machinery": the goods after "of"
                own = products.after(f.end, seg.end) or own
            elif not own and f.amount:
                worth = _WORTH_OF.match(self.text, f.end, seg.end)  # "$1.5 billion worth of seafood"
                own = products.after(worth.end(), seg.end) if worth else own
            if own and (f.role == "comparison" or f.is_growth) and items and current is not None and \
                    [c.name for c in own] == [c.name for c in current]:
                # "300,000 tons of wheat ..., against 120,000 tons in 2017", "... of cement, a fall of 26%": the
                # same goods, named once before
                items[-1][1].append(f)
            elif own:
                current = own
                items.append((current, [f]))
            elif items:
                items[-1][1].append(f)
            else:
                items.append((untitled, [f]))
            floor = f.end
        if len(items) > 1 and "respectively" in self.quick.lower[seg.start:seg.end]:
            items = _respective_amounts(items)
        if any(c is None and (_tonnages_only(fs, with_growth=False) or (
                _tonnages_only(fs, with_growth=True) and any(seg.start <= m.start < seg.end for m in countries)))
               for c, fs in items) and \
                not _GENERIC_GOODS.search(self.text, seg.start, seg.flow.end):
            named = self.goods_named_before(seg.start)  # "China bought 4.81 thousand tons": of the goods just named
            items = [(named if c is None and named else c, fs) for c, fs in items]
        return [(c, fs) for c, fs in items if c is not None or any(f.amount is None or f.amount.unit not in QUANTITY_UNITS
                                                                   for f in fs)]

    def counterpart_of_last_goods(self, parties: Parties, table: str) -> Parties | None:
        """The other side of the last statement about goods, for a buyer or seller of goods named earlier:
        "Afghanistan imported Kazakh flour. ... China bought 4.8 thousand tons" buys them from Kazakhstan too."""
        last = next((r for r in reversed(self.rows) if r.table == "commodities"), None)
        if last is None or table not in ("exports", "imports"):
            return None
        exporter, importer = (last.reporter, last.partner) if last.flow == "export" else (last.partner, last.reporter)
        other = exporter if table == "imports" else importer
        if other == parties.reporter:
            return None
        return Parties(parties.reporter, other)

    def goods_named_before(self, at: int) -> list[CommodityMention] | None:
        """The goods named last before ``at`` in its paragraph or the two before it: a tonnage must be of some
        goods, and a paragraph that goes on about the buyers of a product names it once."""
        k = bisect.bisect_right(self._paragraph_starts, at) - 1
        start = self.paragraphs[max(k - GOODS_CARRY_PARAGRAPHS, 0)][0] if k >= 0 else 0
        mentions = [m for m in find_products(self.text, start, at) if not m.sector]
        if not mentions:
            return None
        return SentenceProducts(self.text, mentions, []).before(mentions[-1].start, mentions[-1].end)

    def over_years(self, f: Figure, seg: Segment, figures: list[Figure], periods: list[PeriodMention],
                   sent: Span) -> bool:
        """A growth over a span of years ("has grown 2.5 times over the past six years") has no concrete period."""
        if not f.is_growth:
            return False
        mention = _own_period(self.text, f, seg, periods)
        return mention is not None and mention.kind == "span"

    # --- non-facts -----------------------------------------------------------------------------------------------
    def not_a_fact(self, group: Group, figures: list[Figure], sent: Span) -> bool:
        """Targets, forecasts, deals, offers, aid...: cue words in the clause before the figure, or just after."""
        text = self.text
        first = min([group.lead] + group.comparisons, key=lambda f: f.start) if group.comparisons else group.lead
        lead = group.main or group.lead
        heads = [first] if first is lead else [first, lead]
        if group.growth is not None and group.growth.start < first.start:
            heads.insert(0, group.growth)  # "seeking to boost exports 6.5% to $24.4 billion": the growth's clause
        for f in heads:  # the clause of each, once
            start = _clause_start(text, sent.start, f.start, figures)
            own_worth = _WORTH_OF_OPENING.match(text, start) if f.amount is not None else None
            if own_worth is not None:  # "$1.2 billion worth of goods, including metals ($740 million)": the total's
                start = own_worth.end()
            if g.NOT_A_FACT_BEFORE.search(text, start, f.start) is not None or g.MODAL_BEFORE.search(
                    text, start, f.start):
                return True
        if lead.is_growth and _INFINITIVE_BEFORE.search(text, max(sent.start, lead.start - 12), lead.start):
            return True  # "instructed the governments to double the volume of trade": a target
        if lead.amount is not None and (g.PRICE_AFTER.match(text, lead.end, sent.end) or g.PRICE_BEFORE.search(
                text, max(sent.start, lead.start - 30), lead.start)):
            return True
        stop = _clause_end(text, lead.end, min([x.start for x in figures if x.start > lead.end] + [sent.end]))
        if g.NOT_A_FACT_AFTER.search(text, lead.end, min(stop, lead.end + 60)) is not None:
            return True
        window = min(stop, lead.end + 25)
        return "by" in text[lead.end:window] and any(p.kind == "deadline"
                                                     for p in find_periods(text, lead.end, window))

    # --- periods -------------------------------------------------------------------------------------------------
    def period_of(self, f: Figure, seg: Segment, figures: list[Figure], periods: list[PeriodMention],
                  sent: Span, carried: Statement | None, earlier: list[Span]) -> Period | None:
        """The period of a figure; None when the figure belongs to a span of years or to the future."""
        mention = _own_period(self.text, f, seg, periods, figures)
        ref = self.article.reference
        compared = _same_period_after(self.text, f, periods)
        if compared is not None:  # "The trade was $740.4 million in the same period last year": the prior value
            stated = resolve(mention, ref) if mention is not None and mention.usable else None
            base = stated or (carried.period if carried is not None and carried.period is not None else
                              self.main_period)
            if base is not None and not base.end and _within_from_january(self.main_period, base):
                base = self.main_period  # "in 2022" after "the first six months of 2022": those months
            if base is not None and base.start:
                return comparison_period(base, compared, ref)
        if mention is None and f.role == "main":
            # "During the corresponding period of 2021, trade amounted to $4.6 billion", "A year earlier, it was $4.6
            # billion": the months in force, that year
            lead = next((p for p in periods if p.end <= f.start and _a_prior_period(self.text, p)
                         and _LEADS_THE_SENTENCE.fullmatch(self.text, sent.start, p.start)), None)
            base = self.stated_period or (carried.period if carried is not None else None) or self.main_period
            if lead is not None and base is not None and base.start:
                return comparison_period(base, lead, ref)
            compared_month = _month_compared_after(self.text, f, periods)
            if compared_month is not None:
                # "increased by 46% to $323.65 million compared to the month of June 2021": June of the next year
                month = resolve(compared_month, ref)
                if month is not None and month.start:
                    period = shifted(month, int(month.start[:4]) + 1)
                    if not self.after_publication(period):
                        return period
        if mention is not None and mention.kind == "span" and mention.whole_fiscal_year and ref.fiscal_start:
            mention = replace(mention, kind="fiscal")  # "$8.1 billion in 2020-21" in an Indian report: its FY
        if mention is not None:
            if mention.kind in ("span", "deadline"):
                return None
            if mention.kind == "current" and mention.under_review and self.main_period is not None and \
                    self.main_period.start and self.main_period.end:
                return self.main_period  # "during the period under review", after a month's figures: the report's
            if mention.kind == "current":  # "over the same period": the period in force
                # the period of the last value stated, not that of a remark in between ("throughout 2020, cargo
                # transport grew. During the reported period, exports ...")
                return (self.stated_period or (carried.period if carried is not None else None) or self.main_period
                        or year_to_date(ref) or NO_PERIOD)
            if self.is_period_in_force(mention):
                return self.main_period  # "in the said four-month period": the four months in force
            if _FOR_COMPARISON.match(self.text, sent.start) and mention.year is None and mention.offset == -1 and \
                    (mention.first_month, mention.last_month) == (1, 12):
                # "From January to November 2019, trade reached $457.8 million. For comparison, the previous year's
                # turnover was $243.9 million": the same months a year back
                base = self.stated_period or (carried.period if carried is not None else None) or self.main_period
                if base is not None and base.start and not _whole_year(base):
                    return comparison_period(base, None, ref)
            in_force = carried.period if carried is not None else None
            if mention.the_year and in_force is not None and _whole_year(in_force):
                return in_force  # "trade reached $24 billion in 2022. Exports grew over the year ...": that year
            mention = _year_before_the_one_named(self.text, mention, periods)
            period = resolve(mention, ref)
            if period is None and mention.past_window:
                return None  # "over the past three months" in October: a rolling window, as a span of years is
            if period is None:
                return NO_PERIOD
            if self.after_publication(period):
                return None
            if (mention.kind == "ytd" or mention.this_year or not period.end) and \
                    _within_from_january(self.main_period, period):
                # "since the beginning of the year" after "over 10 months of this year"; "over the first term of
                # the current year" after "in January-April of this year"
                return self.main_period
            return period
        for span in reversed(earlier):
            usable = [p for p in self.periods_in(span) if p.usable and not _of_an_aside(self.text, p, span.end)]
            if usable:
                period = resolve(usable[-1], ref)
                if period is not None and not period.end and _within_from_january(self.main_period, period):
                    return self.main_period  # "... since the beginning of the year. Imports were ...": the months
                return period or NO_PERIOD
        if carried is not None and carried.period is not None:
            return carried.period
        clause = _clause_start(self.text, sent.start, f.start, figures)
        if g.ALREADY.search(self.text, clause, f.end) is not None:
            return year_to_date(ref) or NO_PERIOD
        if self.main_period is not None:
            return self.main_period
        if any(p.kind == "same_period" for p in periods if seg.start <= p.start < seg.end):
            return year_to_date(ref) or NO_PERIOD
        return NO_PERIOD

    def note_total(self, figures: list[Figure]) -> None:
        """A valued flow with no pair of countries (a national or a region's total) before any row was proposed."""
        if figures and self.last_pair is None:
            self.opened_with_total = True

    def is_period_in_force(self, mention: PeriodMention) -> bool:
        """Whether a stretch of months with no year ("the four-month period") is as long as the period in force; or
        whether months of the calendar are those of Iranian months in force, as news writes them ("in the April-August
        period" after "the five months to August 21", counted from Nowruz)."""
        if self.main_period is None:
            return False
        if _counted_from_nowruz(self.main_period) and mention.kind == "months" and (
                mention.first_month != 1 or mention.months_to is not None):
            written = resolve(mention, self.article.reference)
            if written is not None and written.end[:7] == self.main_period.end[:7] and \
                    months_long(written) == months_long(self.main_period):
                return True
        if months_long(self.main_period) != mention.last_month:
            return False
        if mention.stretch:
            return True
        # "the first four months of the current year", "the first quarter" after "the first four months of the
        # current Iranian year (March 21-July 22)": the article's year is the one its period in force is counted in
        return mention.kind == "months" and mention.first_month == 1 and mention.offset in (None, 0) and \
            mention.year is None and not self.main_period.start.endswith("-01-01")

    def note_main_period(self, periods: list[PeriodMention]) -> None:
        """The period a statement states, when it states exactly one, becomes the article's period in force."""
        ref = self.article.reference
        stated = {resolve(p, ref) for p in periods if p.usable and not _compared_before(self.text, p.start)
                  and not _COMPARED_LEAD.match(self.text, p.start) and not self.is_period_in_force(p)}
        if len(stated) != 1:
            return
        period = next(iter(stated))
        main = self.main_period
        if period is not None and period == main:
            self.paragraph_periods.append(period)  # restated: in force in this paragraph too
            return
        if main is not None and period is not None and main.start <= period.start and period.end and main.end and \
                period.end <= main.end:
            return  # "In January-July ... The supply of gold in July ...": a month inside the period in force
        if period is not None and not period.end and _within_from_january(main, period):
            return  # "Over 10 months of this year ... since the beginning of the year": the same months
        if period is not None and period.start and not self.after_publication(period):
            self.main_period = period
            self.paragraph_periods.append(period)
            latest = self.latest_period
            if period.end and (latest is None or period.end > latest.end):
                self.latest_period = period

    def after_publication(self, period: Period) -> bool:
        """Whether a period ends after the article was written: a target or a forecast, never a fact."""
        ref = self.article.reference
        if ref.year is None or not period.start:
            return False
        if period.year > ref.year:
            return True
        last = period.end or period.start
        return ref.month is not None and (int(last[:4]), int(last[5:7])) > (ref.year, ref.month)

    def periods_in(self, span: Span) -> list[PeriodMention]:
        """Period mentions of an earlier sentence, read once however many later sentences look back."""
        if span not in self._periods:
            self._periods[span] = find_periods(self.text, span.start, span.end)
        return self._periods[span]

    # --- rows ----------------------------------------------------------------------------------------------------
    def rows_of(self, group: Group, seg: Segment, parties: Parties, period: Period,
                commodities: list[CommodityMention] | None, periods: list[PeriodMention], sent: Span) -> list[Row]:
        if commodities is None:
            if group.main is not None and self.value_of_unknown_goods(seg, group.main):
                return []  # the figure stays flagged for the keeper
            return self.flow_rows(group, seg, parties, period, periods, sent)
        rows = []
        shared = len(commodities) > 1
        if shared and group.main is not None:
            # "exports of fruit and vegetables reached $400 million": one value for goods written together is one
            # product line, named as written; only a growth or a change is said of each ("doubled").
            first, last = commodities[0], commodities[-1]
            hs = {c.hs_code for c in commodities}
            commodities = [CommodityMention(first.start, last.end, " ".join(self.text[first.start:last.end].lower()
                                                                             .split()),
                                            hs.pop() if len(hs) == 1 else "")]
            shared = False
        for c in commodities:
            rows += self.commodity_rows(group, seg, parties, period, c, shared, periods, sent)
        return rows

    def goods_of_a_flow_with_no_figure(self, seg: Segment, a: int, b: int) -> CommodityMention | None:
        """The goods a flow word names in a sentence with no figure ("Uzbekistan's wheat imports from Kazakhstan
        reached a five-year high"): the topic of the next sentence's figures ("Imports amounted to 3.88mn tonnes")."""
        if seg.flow.table not in ("exports", "imports"):
            return None
        named = SentenceProducts.of(self.text, a, b).naming(seg.flow.start)
        return named[0] if len(named) == 1 else None

    def value_of_unknown_goods(self, seg: Segment, main: Figure) -> bool:
        """Whether a value bracketed after the goods a composition names is theirs, though the lexicon knows no such
        goods ("imports were dominated by rifles with smooth-bore barrels (valued at N52 billion)"): not the flow's."""
        if not _BRACKET_BEFORE_VALUE.search(self.text, max(seg.start, main.start - 16), main.start):
            return False
        return g.COMPOSITION.search(self.text, seg.flow.end, main.start) is not None

    def flow_rows(self, group: Group, seg: Segment, parties: Parties, period: Period,
                  periods: list[PeriodMention], sent: Span) -> list[Row]:
        table = seg.flow.table
        growth = group.growth.growth.ratio if group.growth else None
        change = self.signed_change(group, sent) if group.change and group.main else None
        base = dict(table=table, reporter=parties.reporter, partner=parties.partner, flow="", commodity="",
                    hs_code="", quote=sent)
        if group.main is None and group.growth is not None and (
                _IN_QUANTITY_AFTER.match(self.text, group.growth.end, sent.end) is not None or
                _QUANTITY_BEFORE.search(self.text, max(sent.start, group.growth.start - 60), group.growth.start)):
            # "This reflects a 43 percent rise in the weight of trade", "physical volumes gained almost 40%": a
            # growth of tonnes, not of the value
            return []
        if group.main is None:
            # a period written with the comparison value ("($205.1 million in January-April 2023)") is its own
            compared = {resolve(p, self.article.reference) for p in periods if _of_a_comparison_value(p, group.comparisons, self.text)}
            # "It rose 5% from $1.3 billion", or a flow word naming no country: "Trade grew 5% from $1.3 billion"
            if group.growth is not None and (not seg.flow.words or not parties.explicit) and self.growth_of_previous(
                    table, growth, None if period in compared else period):
                return self.priors_of_previous(group.comparisons, table, periods, sent)
            if group.growth is not None and not seg.flow.words and not group.comparisons and \
                    self.growth_of_previous_goods(growth, sent):
                return []  # "Georgia shipped 140,000 tons of cement for $7 million ... This is 15% less"
            if group.growth is None or not period.start:
                return []
            return [Row(period=period, value=None, unit="", qualifier="", growth_ratio=growth, change_value=None,
                        anchor=(group.growth.start, group.growth.end), **base)]
        if growth is not None and group.growth.end < group.main.start and _WHEN_CLAUSE.search(
                self.text, group.growth.end, group.main.start) and self.growth_of_previous(table, growth):
            if not seg.flow.words:  # "This is 9.6% more than a year earlier, when it amounted to $356.4 million"
                return self.priors_of_previous([group.main], table, periods, sent)
            growth = None  # "That was 5% higher than in 2021, when trade totalled $3 billion": 5% is of the previous
        return self.valued_rows(group, base, period, growth, change, periods)

    def priors_of_previous(self, priors: list[Figure], table: str, periods: list[PeriodMention],
                           sent: Span) -> list[Row]:
        """The comparison value of a growth said of the previous sentence's figure ("This is 9.6% more than in the
        same period of last year ($356.4 million)"): a row of the same flow for the period compared against."""
        if not priors:
            return []
        previous = next(self.rows[i] for i in self.previous_sentence_rows if self.rows[i].table == table
                        and self.rows[i].value is not None and not self.rows[i].commodity)
        if not previous.period.start:
            return []
        out = []
        for prior in priors:
            mention = _comparison_mention(prior, prior, periods)
            row = replace(previous, period=comparison_period(previous.period, mention, self.article.reference),
                          value=prior.amount.value, unit=prior.amount.unit, qualifier=prior.qualifier,
                          growth_ratio=None, change_value=None, anchor=(prior.start, prior.end), quote=sent)
            self.prior_anchors.add(row.anchor)
            out.append(row)
        return out

    def growth_of_previous(self, table: str, growth: float, period: Period | None = None) -> bool:
        """A growth said of "it" or "this" ("This is 23% more than a year earlier") is the growth of the previous
        sentence's figure, when that sentence gave one value of the flow and no growth, for the same period
        ("In the first quarter, it grew by 20%" is a growth of its own)."""
        previous = [i for i in self.previous_sentence_rows if self.rows[i].table == table
                    and self.rows[i].value is not None and not self.rows[i].commodity
                    and (period is None or not period.start or self.rows[i].period == period)]
        if len({self.rows[i].anchor for i in previous}) != 1 or any(self.rows[i].growth_ratio is not None
                                                                    for i in previous):
            return False
        for i in previous:
            self.rows[i] = replace(self.rows[i], growth_ratio=growth)
        return True

    def commodity_rows(self, group: Group, seg: Segment, parties: Parties, period: Period, c: CommodityMention,
                       shared: bool, periods: list[PeriodMention], sent: Span) -> list[Row]:
        flow = {"turnover": "turnover", "exports": "export", "imports": "import"}[seg.flow.table]
        growth = group.growth.growth.ratio if group.growth else None
        base = dict(table="commodities", reporter=parties.reporter, partner=parties.partner, flow=flow,
                    commodity=c.name, hs_code=c.hs_code, quote=sent)
        if group.main is None:
            if self.change_of_previous_goods(c.name, period, group, sent):
                return []  # "Set against last year, cement imports are $1 million or 10% less"
            if group.change is not None:
                anchor = (c.start, c.end) if shared else (group.change.start, group.change.end)
                return [Row(period=period, value=None, unit=group.change.amount.unit, qualifier="",
                            growth_ratio=growth, change_value=self.signed_change(group, sent), anchor=anchor,
                            **base)]
            if group.growth is None:
                return []
            anchor = (c.start, c.end) if shared else (group.growth.start, group.growth.end)
            return [Row(period=period, value=None, unit="", qualifier="", growth_ratio=growth, change_value=None,
                        anchor=anchor, **base)]
        change = self.signed_change(group, sent) if group.change else None
        rows = self.valued_rows(group, base, period, growth, change, periods)
        if shared:
            rows = [replace(rows[0], anchor=(c.start, c.end))]
        return rows

    def growth_of_previous_goods(self, growth: float, sent: Span) -> bool:
        """A growth said of "this" after a sentence that gave one line of goods (its value, its tonnage, or both)
        and no growth is that line's growth, in every unit it was stated in."""
        previous = [i for i in self.previous_sentence_rows if self.rows[i].table == "commodities"]
        if not previous or len({self.rows[i].commodity for i in previous}) != 1 or len(
                {self.rows[i].period for i in previous}) != 1 or any(
                self.rows[i].growth_ratio is not None or self.rows[i].value is None for i in previous):
            return False
        for i in previous:  # the quote runs on over the remark, so the growth stands in it
            self.rows[i] = replace(self.rows[i], growth_ratio=growth, quote=Span(self.rows[i].quote.start, sent.end))
        return True

    def signed_change(self, group: Group, sent: Span) -> float:
        """The change of a figure, negative for a fall: "decreased by $5 million" is -5000000, so the column reads
        as value minus prior value whatever verb the article used."""
        change = group.change
        direction = change_direction(self.text, change.start, change.end, sent.start, sent.end)
        if direction is None and group.growth is not None and group.growth.growth.ratio != 1:
            falls = group.growth.growth.ratio < 1  # "$1 million or 10 percent less": the growth says which way
        else:
            falls = direction == "down"
        return -change.amount.value if falls else change.amount.value

    def change_of_previous_goods(self, goods: str, period: Period, group: Group, sent: Span) -> bool:
        """A change stated without a level, in the sentence after the one that gave the goods' value in the same
        unit and period, is that value's change: the previous row takes the growth and the change."""
        unit = group.change.amount.unit if group.change is not None else None
        if unit is None or group.growth is None:
            return False
        previous = [i for i in self.previous_sentence_rows if self.rows[i].commodity == goods
                    and self.rows[i].unit == unit and self.rows[i].value is not None
                    and self.rows[i].period == period and self.rows[i].growth_ratio is None
                    and self.rows[i].change_value is None]
        if len(previous) != 1:
            return False
        i = previous[0]
        # the quote runs on over the remark, so both numbers stand in it
        self.rows[i] = replace(self.rows[i], growth_ratio=group.growth.growth.ratio,
                               change_value=self.signed_change(group, sent), quote=Span(self.rows[i].quote.start, sent.end))
        return True

    def valued_rows(self, group: Group, base: dict, period: Period, growth: float | None, change: float | None,
                    periods: list[PeriodMention]) -> list[Row]:
        main = group.main
        rows = [Row(period=period, value=main.amount.value, unit=main.amount.unit, qualifier=main.qualifier,
                    growth_ratio=growth, change_value=change, anchor=(main.start, main.end), **base)]
        for alt in group.alternates:
            rows.append(Row(period=period, value=alt.amount.value, unit=alt.amount.unit, qualifier=alt.qualifier
                            if alt.qualifier != "exact" else main.qualifier, growth_ratio=growth,
                            change_value=None, anchor=(alt.start, alt.end), **base))
        for prior in group.comparisons:
            prior_period = comparison_period(period, _comparison_mention(prior, main, periods), self.article.reference)
            rows.append(Row(period=prior_period, value=prior.amount.value, unit=prior.amount.unit,
                            qualifier=prior.qualifier, growth_ratio=None, change_value=None,
                            anchor=(prior.start, prior.end), **base))
        return rows


# --- helpers (pure functions) ----------------------------------------------------------------------------------
def _possessor(text: str, countries: list[CountryMention], flow_start: int) -> str | None:
    """The country whose partners a partner flow word names: "China is among Uzbekistan's main trading partners"
    makes Uzbekistan the article's home country, whose partners the rest of it ranks."""
    owner = next((c.code for c in reversed(countries) if flow_start - 30 <= c.end <= flow_start
                  and text[c.end:c.end + 1] in ("'", "’")), None)
    if owner is None:  # "Turkey was the main partner of Georgia"
        owner = next((c.code for c in countries if _PARTNER_OF.fullmatch(text, flow_start, c.start)), None)
    return owner


#: A partner flow word and the country whose partner it names: "partner of Georgia", "partners of the Kyrgyz ...".
_PARTNER_OF = re.compile(r"[\w ]{0,25}partners?\s+of\s+(?:the\s+)?", re.IGNORECASE)


def _respective_amounts(items: list[tuple[list[CommodityMention] | None, list[Figure]]]
                        ) -> list[tuple[list[CommodityMention] | None, list[Figure]]]:
    """Products listed first and their amounts after, "respectively": "rice by 3 times and lentils by 2 times,
    in the volumes of 6,000 and 1,500 tons, respectively": the last item's amounts go one to each item, in order."""
    amounts = [f for f in items[-1][1] if f.amount is not None]
    k = len(amounts)
    if k < 2 or k > len(items) or any(f.amount is not None for _, fs in items[-k:-1] for f in fs):
        return items
    out = items[:-k]
    for (products, figures), amount in zip(items[-k:], amounts):
        own = [f for f in figures if f.amount is None] + [amount]
        out.append((products, sorted(own, key=lambda f: f.start)))
    return out


def _tonnages_only(figures: list[Figure], with_growth: bool) -> bool:
    """Whether a flow's figures are tonnages (``with_growth``: or their growth). "Deliveries to Peru grew by 42% to
    944,000 tons" is a tonnage of some goods as much as "Peru bought 944,000 tons" is; with no country named, a
    growth is more often the national total's."""
    return any(f.amount is not None for f in figures) and all(
        (with_growth and f.is_growth) or
        (f.amount is not None and f.amount.unit in QUANTITY_UNITS and f.role in ("main", "comparison"))
        for f in figures)


def _overlaps_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` overlaps one of ``spans`` (a plain loop: no generator built per test)."""
    for s, e in spans:
        if s < end and start < e:
            return True
    return False


def _starts_in_any(at: int, spans: list[tuple[int, int]]) -> bool:
    for s, e in spans:
        if s <= at < e:
            return True
    return False


#: A flow word that names a part of the figure before it: "Russia with $3.1 billion, of which imports $2.6 billion".
_PART_OF_BEFORE = re.compile(r"\b(?:of\s+which|including|incl\.)\s*(?:[A-Z][a-z]+\s+)?$")
#: Where such a part ends and the list it interrupts goes on: ", and China with $2.2 billion".
_LIST_GOES_ON = re.compile(r",\s+(?:and\s+)?|;\s+|\s+and\s+")


def _segments(flows: list[g.FlowWord], a: int, b: int, text: str = "") -> list[Segment]:
    """One segment per flow word, from the word to the next one; the first also takes the sentence's opening.

    A flow word that names a part of the previous value ("of which imports $2.6 billion") has the segment of
    its own clause only; after it the list goes on under the previous flow word.
    """
    out = []
    starts = [a] + [_own_figure_before(text, max(a, flows[i - 1].end), f.start) for i, f in enumerate(flows) if i]
    for i, flow in enumerate(flows):
        start = starts[i]
        end = starts[i + 1] if i + 1 < len(flows) else b
        if i and text and _PART_OF_BEFORE.search(text, max(a, flow.start - 30), flow.start):
            figure = _FIRST_DIGIT.search(text, flow.end, end)
            rest = _LIST_GOES_ON.search(text, figure.end(), end) if figure else None
            if rest is not None:
                out.append(Segment(start, rest.start(), flow))
                outer = out[-2].flow
                # the list goes on under the outer flow word, read as if it stood where the list resumes
                out.append(Segment(rest.start(), end, g.FlowWord(rest.start(), rest.end(), outer.table, outer.words)))
                continue
        out.append(Segment(start, end, flow))
    return out


_FIRST_DIGIT = re.compile(r"\d[\d.,]*")
#: A value written before the flow word it is of: "with $3.1 billion in exports and $1.3 billion in imports",
#: "$1.9 billion accounted for imports, and $61 million for exports", "of which $3.2 billion was accounted for by
#: imports and $1 billion by exports", "$3.2 billion were imports", "$180 million amounted to export of goods and
#: $120 million to import".
_VALUE_IN_FLOW_BEFORE = re.compile(
    r"(?:[$€£]\s?|\b(?:USD|US\$|EUR|KZT|RUB)\s?)?\d[\d.,]*\s?(?:(?:trillion|billion|million|thousand|tn|bn|bln|mln|mn|m)\b"
    r"\.?\s?)?(?:(?:US\s)?dollars?\s|euros?\s|tenge\s|r[ou]ubles?\s|yuan\s|USD\s)?(?:worth\s)?"
    r"(?:in|for|to|(?:(?:was|were)\s+)?accounted\s+for\s+by|by|was|were"
    # "just $22mn of that was made up of Kyrgyz exports"
    r"|(?:of\s+(?:that|this|it|which)\s+)?(?:was|were)\s+made\s+up\s+of(?:\s+[A-Z][a-z]+)?)\s+$", re.IGNORECASE)


def _own_figure_before(text: str, floor: int, flow_start: int) -> int:
    """Where a later flow word's segment begins: at the flow word, or at a value written just before it
    ("$3.1 billion in exports"), which is the value of that flow, not of the one before."""
    if not text or (text[max(floor, flow_start - 5):flow_start].rstrip()[-3:].lower() not in (" in", "for", " by",
                                                                                           "ere", "was", " to")
                    and "made up of" not in text[max(floor, flow_start - 24):flow_start]):
        return flow_start
    m = _VALUE_IN_FLOW_BEFORE.search(text, max(floor, flow_start - 64), flow_start)
    return m.start() if m else flow_start


#: Where a clause of its own begins, for a weak flow word beside a strong one: "Coal sales to India exceeded
#: $1 billion, while oil exports were $2 billion", "Poland supplied cars worth $1 billion, and its exports ...".
_OWN_CLAUSE_MARKERS = (", while ", ", whereas ", ", and ", "; ", ": ")


#: Not looked up yet (None is an answer: no side is ranked).
_UNSET = object()

#: How many sentences of its paragraph a sentence may look back on for a period it does not state.
EARLIER_SENTENCES = 20
#: Between a quantity and its value, one item of a list: "773,700 tons worth $282.9 million", "1.3 million tons
#: ($218 million)", "852,657 tons valued at $243 million".
_WORTH_BETWEEN = re.compile(r"\s*(?:,\s*)?(?:\(|(?:worth|valued\s+at|for)\s+)(?:(?:about|around|some|over|nearly|almost"
                            r"|more\s+than)\s+)?")
#: The words of the figure before, opening the next one's clause: "$1.2 billion worth of goods".
_WORTH_OF_OPENING = re.compile(r"\s*worth\s+of\b", re.IGNORECASE)
#: A paragraph that is an item of a list: "- Cotton fiber ($24 million);", "• wheat – $45 million", "2) coal".
_BULLET = re.compile(g.BULLET_MARK)
#: An item of a list written as a line of its own without a bullet: "Russia – 37.7 thousand tons".
_NAMED_ITEM = re.compile(r"[ \t]*[A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*){0,3}\s*[–—-]\s*[$€£¥₽]?\s?\d"
                         # goods: "Passenger cars – $99.7 million;", "Glass containers (bottles, jars) – $20 million"
                         r"|[ \t]*(?![^\n]*\b(?:[Tt]rade|[Ee]xports?|[Ii]mports?|[Tt]urnover|grew|rose|fell|increased"
                         r"|decreased|reached|amounted)\b)"
                         r"[A-Z][a-z]+(?:[ ,-]+[\w'’.()]+){0,10}?\s+[–—]\s*[$€£¥₽]\s?\d[^\n]{0,40}[;.]?[ \t]*$",
                         re.MULTILINE)
#: A sentence opening on the statement before it: "Of the total turnover, exports amounted to $739.3 million".
_OF_THE_TOTAL = re.compile(r"[\W_]*(?:out\s+)?of\s+(?:the|this|that)\s+(?:total\s+)?", re.IGNORECASE)
#: "export partners": the partners ranked by one flow; "in the foreign trade turnover" after it only says where.
_FLOW_PARTNERS = re.compile(r"\s+partners?\b")
_IN_THE_FLOW = re.compile(r"(?:in|of)\s+(?:the\s+)?(?:(?:country's|total|overall|foreign|external)\s+)*$", re.IGNORECASE)


def _of_a_comparison_value(period: PeriodMention, figures: list[Figure], text: str = "") -> bool:
    """Whether a period is that of a comparison value right before it: "up 37% ($38.1 million in January-April
    2023)" states the earlier period, not the one the article goes on about; with ``text``, also "up from $31.9
    million reported in March 2021"."""
    return any(f.amount and f.role == "comparison" and 0 <= period.start - f.end and (
        period.start - f.end <= 4 or (text and _REPORTED_BETWEEN.fullmatch(text, f.end, period.start)))
        for f in figures)


#: Between a prior value and the period it is stated for: " reported", " recorded".
_REPORTED_BETWEEN = re.compile(r"\s+(?:reported|recorded|registered|posted|seen)\s*")


def _without_partners_setting(text: str, flows: list[g.FlowWord]) -> list[g.FlowWord]:
    """Flow words without the turnover that only sets the scene of a ranking of one flow's partners: "The main
    export partners in the foreign trade turnover were Russia ($1.3 billion), ..." ranks exports."""
    ranked = next((f for f in flows if f.table in ("exports", "imports") and _FLOW_PARTNERS.match(text, f.end)), None)
    if ranked is None:
        return flows
    return [f for f in flows if not (f.start > ranked.end and f.table == "turnover" and f.start - ranked.end < 80
                                     and _IN_THE_FLOW.search(text, ranked.end, f.start))]


def _with_weak_clauses(text: str, flows: list[g.FlowWord], sent: Span) -> list[g.FlowWord]:
    """``flows`` and the weak flow words ("supplied", "sales") standing in a clause without a strong one."""
    weak_words = g.find_weak_flow_words(text, sent.start, sent.end)
    cuts = sorted({k for marker in _OWN_CLAUSE_MARKERS
                   for k in _all_found(text, marker, sent.start, sent.end)} | {sent.start, sent.end}
                  | _subject_clause_starts(text, sent, weak_words))
    # "Canada exported goods to the US for $421 billion and bought goods from its neighbour for $353 billion": a
    # second verb of the same subject, joined by "and", is a clause of its own with the first verb's partner
    coordinated = {w.start for w in weak_words if _VERB_AND_BEFORE.search(text, max(sent.start, w.start - 12), w.start)
                   and any(f.end <= w.start and f.words.endswith("ed") for f in flows)}
    cuts = sorted(set(cuts) | coordinated)
    if len(cuts) == 2:
        return flows
    weak = [w for w in weak_words
            if not any(_same_clause(cuts, w.start, f.start) for f in flows) and (
                w.start in coordinated or _names_a_country(text, cuts, w.start))]
    return sorted(flows + weak, key=lambda f: f.start) if weak else flows


#: "and" right before a second verb of the subject: " and bought", " and also sold".
_VERB_AND_BEFORE = re.compile(r"\sand\s+(?:also\s+)?$")


_POSSESSIVE_BETWEEN = re.compile(r"['’]s\s+")
_TO_OR_FROM_AFTER = re.compile(r"\s+(?:to|from)\s+")
#: A country as the subject of the weak verb right after it: "Chile has sold", "Peru also bought".
_SUBJECT_OF_WEAK_VERB = re.compile(r"\s+(?:(?:has|have|had)\s+)?(?:also\s+)?$")


def _subject_clause_starts(text: str, sent: Span, weak_words: list[g.FlowWord]) -> set[int]:
    """The commas that open a clause whose subject is a country doing a weak verb: "even though the import volume
    is small, so far this year Chile has sold Peru 621 tonnes" (the clause is the verb's, not the noun's)."""
    out = set()
    for w in weak_words:
        owner = [c for c in find_countries(text, max(sent.start, w.start - 40), w.start) if c.kind != "demonym"]
        if owner and _POSSESSIVE_BETWEEN.fullmatch(text, owner[-1].end, w.start) and \
                _TO_OR_FROM_AFTER.match(text, w.end):
            out.add(owner[-1].start)  # "... due to an increase in Chile's supplies to Peru of farm goods by 13%"
            continue
        comma = text.rfind(", ", sent.start, w.start)
        if comma == -1:
            continue
        subject = [c for c in find_countries(text, comma, w.start) if c.kind != "demonym"]
        if subject and _SUBJECT_OF_WEAK_VERB.fullmatch(text, subject[-1].end, w.start):
            out.add(comma)
    return out


def _names_a_country(text: str, cuts: list[int], at: int) -> bool:
    """Whether the clause around ``at`` names a country: a weak flow word needs one to stand on its own."""
    start = max(c for c in cuts if c <= at)
    end = min(c for c in cuts if c > at)
    return bool(find_countries(text, start, end))


def _all_found(text: str, marker: str, start: int, end: int) -> list[int]:
    out = []
    k = text.find(marker, start, end)
    while k != -1:
        out.append(k)
        k = text.find(marker, k + 1, end)
    return out


def _same_clause(cuts: list[int], a: int, b: int) -> bool:
    return not any(min(a, b) < c <= max(a, b) for c in cuts)


def _continues_topic(flow: g.FlowWord) -> bool:
    """Whether a flow without a product of its own continues its paragraph's product group.

    "In particular, exports of agricultural products ... Imports from Iran ..." :
    one direction of the group's trade; a turnover or a total is the whole trade.
    """
    return flow.table != "turnover" and not g.NATIONAL_TOTAL.search(flow.words)


#: The words before a period that opens its sentence as the figure's own: "During the same period of 2021, ...".
_PARTS_FOLLOW = re.compile(r",\s*(?:(?:mainly|mostly|primarily|chiefly|largely|predominantly|principally)\s+(?:to|from|in)"
                           r"|including|in\s+particular|of\s+which)\b(?![^,;]*\b(?:imports?|exports?)\b)")
_PARTNER_BEFORE_GROWTH = re.compile(r"\b(?:with|to|from)\s+(?:the\s+)?$")
_GROWTH_AFTER_PARTNER = re.compile(r"\s*(?:[\w-]+\s+){0,2}")
_FOR_COMPARISON = re.compile(r"\s*(?:[Ff]or|[Bb]y|[Ii]n)\s+comparison\b")
_LEADS_THE_SENTENCE = re.compile(r"\s*(?:(?:[Dd]uring|[Ii]n|[Ff]or|[Oo]ver|[Ww]ithin)\s+)?")

#: A word of change in a sentence with no figure of its own.
_CHANGE_WORD = re.compile(r"\b(?:[Gg]rowth|grew|growing|[Ii]ncreases?|increased|[Dd]eclines?|declined|[Rr]ise|rose"
                          r"|fell|[Dd]rop|dropped)\b")

#: A listed value's own origin right after it: " - from ", " from the ".
_FROM_AFTER_VALUE = re.compile(r"\s*[-–—]?\s*from\s+(?:the\s+)?")
_TO_BETWEEN = re.compile(r"\s+to\s+(?:the\s+)?")

#: A noun standing for the last statement's figure: "this figure", "the indicator".
_FIGURE_ANAPHOR = re.compile(r"\b(?:[Tt]his|[Tt]he)\s+(?:figure|indicator)\b")  # as ``REMARK`` reads them

#: A flow word that points back at the goods just named: "these exports", "such supplies".
_DEMONSTRATIVE_BEFORE = re.compile(r"\b(?:[Tt]hese|[Ss]uch|[Tt]hose)\s+$")

#: A trader named in a lead paragraph: "the fourth-largest importer of Turkish goods in July".
_TRADER = re.compile(r"\b(?:importers?|exporters?|buyers?|suppliers?)\s+of\b", re.IGNORECASE)
_TRADER_STEMS = ("porter", "buyer", "supplier")  # a paragraph with none of them is passed over at once


#: Goods said of all of a country's trade: "in the total volume of goods imported", "the most exported goods".
_ALL_PARTNERS = re.compile(r"\bin\s+the\s+(?:total|overall)\b|\bof\s+(?:the\s+)?(?:total|overall)\s+(?:volume|structure)\b"
                           r"|\bmost\s+(?:exported|imported)\b", re.IGNORECASE)


#: After a growth with no value: what it is a growth of, when that is a weight ("a 43 percent rise in the weight of
#: trade", "rose by 10% in volume terms").
_IN_QUANTITY_AFTER = re.compile(r"[^.;,$\d]{0,24}?\bin\s+(?:the\s+)?(?:weight|tonnage|physical\s+(?:terms|volume)"
                                r"|volume\s+terms|terms\s+of\s+(?:weight|volume|tonnage))\b", re.IGNORECASE)
#: Before a growth with no value, in its clause: a quantity it is the growth of ("our physical volumes gained 40%").
_QUANTITY_BEFORE = re.compile(r"\b(?:physical\s+volumes?|in\s+physical\s+terms|in\s+(?:real|volume)\s+terms"
                              r"|by\s+(?:weight|volume)|tonnage)\b[^.;$\d]*$", re.IGNORECASE)
#: The opening of a bracket that holds a value: "(valued at N52 billion)", "(N44.8 billion)".
_BRACKET_BEFORE_VALUE = re.compile(r"\(\s*(?:valued\s+at\s+|worth\s+)?(?:about\s+|around\s+|some\s+|over\s+)?$",
                                   re.IGNORECASE)
#: Goods said to be traded, with no value of their own: "12 groups of goods exported to the Chinese market".
_GOODS_OF_A_FLOW = re.compile(r"\b(?:goods|products|items|commodities)\s+(?:were\s+|was\s+)?(?:exported|imported"
                              r"|shipped|sold)\b", re.IGNORECASE)
#: Words that go on with a ranking of goods: "followed by", "came second", "ranked fifth", "coming fourth was".
_GOODS_RANK = re.compile(
    r"\bfollow(?:ed|s|ing)?\s+(?:by|with)\b|\b(?:came|comes|coming|ranked|ranks|was|is|stood)\s+(?:in\s+)?"
    r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|next|last)\b|\bfollow(?:ed|s)\b",
    re.IGNORECASE)


#: A comparison's own flow word, the same as the statement's: "exports were $1.2 billion against exports of $1.1
#: billion a year before".
_COMPARED_FLOW_BEFORE = re.compile(r"\b(?:against|versus|compared\s+(?:to|with))\s+(?:the\s+)?$", re.IGNORECASE)


def _without_unknown_goods_of_a_list(text: str, rows: list[Row]) -> list[Row]:
    """A sentence's rows but the flow values listed among goods values after them: in "... led exports in the air
    conditioning industry with $248 million, hazelnuts with $208 million" the first value is of goods the lexicon does
    not know, not the flow's total; it stays a figure for the keeper."""
    goods = [r.anchor[0] for r in rows if r.table == "commodities" and r.anchor]
    if not goods:
        return rows
    first_goods = min(goods)
    ends = sorted(r.anchor[1] for r in rows if r.anchor)
    kept = []
    for r in rows:
        if r.table != "commodities" and r.anchor and r.value is not None and r.anchor[0] > first_goods:
            before = max((e for e in ends if e <= r.anchor[0]), default=None)
            if before is not None and _LISTED_ITEM_GAP.fullmatch(text, before, r.anchor[0]):
                continue
        kept.append(r)
    return kept


#: Between one listed value and the next item's value: ", air conditioning industry with ", ", and carpets (".
_LISTED_ITEM_GAP = re.compile(r"\s*\)?\s*,?\s*(?:and\s+)?(?![^.;$]*\b(?:total|overall|trade|turnover)\b)[^.;$]{1,80}?"
                              r"(?:\bwith|\bworth|\bat|[(:–—])\s*", re.IGNORECASE)


def _two_way_flows_joined(text: str, flows: list[g.FlowWord]) -> list[g.FlowWord]:
    """Flow words with an import and an export that share their partner ("German imports from and exports to China
    rose to 170 billion euros", "exports to and imports from India") read as the one turnover they add up to."""
    out: list[g.FlowWord] = []
    for f in flows:
        if out and {out[-1].table, f.table} == {"exports", "imports"} and \
                _TWO_WAY_BETWEEN.fullmatch(text, out[-1].end, f.start):
            out[-1] = g.FlowWord(out[-1].start, f.end, "turnover", "turnover")
            continue
        out.append(f)
    return out


#: Between the import and the export of one partner: " from and ", " to and ".
_TWO_WAY_BETWEEN = re.compile(r"\s+(?:from|to)\s+and\s+")


def _without_compared_repeats(text: str, flows: list[g.FlowWord]) -> list[g.FlowWord]:
    """Flow words but one that repeats the flow before it as the term of a comparison: in "exports were $1.2 billion
    against exports of $1.1 billion in 2022" the second value is the first one's comparison, not a statement."""
    kept = [flows[0]]
    for f in flows[1:]:
        if f.table == kept[-1].table and any(ch.isdigit() for ch in text[kept[-1].end:f.start]) and \
                _COMPARED_FLOW_BEFORE.search(text, max(kept[-1].end, f.start - 20), f.start):
            continue
        kept.append(f)
    return kept


def _without_bracketed_remarks(text: str, flows: list[g.FlowWord]) -> list[g.FlowWord]:
    """Flow words but those of a bracketed remark with no figure after an earlier one: "the foreign trade
    (without re-exports of fuel) of Moldova" has one flow, whose owner follows the bracket."""
    kept = [flows[0]]
    for f in flows[1:]:
        opened = text.rfind("(", kept[-1].end, f.start)
        closed = text.find(")", f.end, f.end + 80)
        inside = opened != -1 and closed != -1 and ")" not in text[opened:f.start] and "(" not in text[f.end:closed]
        if inside and not any(ch.isdigit() for ch in text[opened:closed]):
            continue
        kept.append(f)
    return kept


def _without_appositives(text: str, flows: list[g.FlowWord]) -> list[g.FlowWord]:
    """Flow words but those of an aside between commas with no figure, describing the partner named before it
    ("Ethiopia's coffee export to China, one of the main destinations for coffee exports, grew by 196 percent"):
    the sentence has one flow, the first."""
    kept = [flows[0]]
    for f in flows[1:]:
        aside = _APPOSITIVE.search(text, kept[-1].end, f.start)
        closed = text.find(",", f.end, f.end + 40) if aside is not None else -1
        if closed != -1 and not any(ch.isdigit() for ch in text[aside.start():closed]):
            continue
        kept.append(f)
    return kept


#: The opening of an aside that describes what was named before it: ", one of the main destinations for ...".
_APPOSITIVE = re.compile(r",\s+(?:one\s+of\s+the|the\s+(?:largest|biggest|main|top|leading|second|third)|a\s+(?:major"
                         r"|key|leading|main|large|big))\b[^,;.()]{0,60}$")
#: An institution right after a country's name or demonym: the source of a statistic ("Korean customs officials",
#: "the Kazakh Statistics Bureau"), not a party to the trade.
_INSTITUTION_AFTER = re.compile(r"\s+(?:(?:Finance|Trade|Economy|Commerce|Economic|Customs|Statistics)\s+)?"
                                r"(?:Ministry|ministry|officials|customs|Customs|authorities|statistics\s+office"
                                r"|Statistics\s+(?:Office|Bureau|Agency|Committee))\b")
_INSTITUTION_STEMS = ("inistr", "fficials", "ustoms", "uthorities", "tatistics")
#: Partners ranked by one flow: "the five largest trading partners by exports".
_PARTNERS_BY_FLOW = re.compile(r"partners?\s+(?:by|in\s+terms\s+of)\s+(?:the\s+)?(exports?|imports?)\b", re.IGNORECASE)


#: A value said to flow the other way from the flow before it: "..., while $27 million of goods went the other way".
_OTHER_WAY = re.compile(r"\s+(?:(?:worth\s+)?of\s+(?:goods|products|merchandise)\s+)?(?:went|flowed|moved|travell?ed"
                        r"|headed|came|were\s+shipped)\s+(?:in\s+)?the\s+(?:other|opposite|reverse)\s+(?:direction|way)\b")


def _the_other_way(row: Row) -> Row:
    """The row of the flow opposite to the one it was read as, for the same reporter and partner."""
    if row.table == "exports":
        return replace(row, table="imports")
    if row.table == "imports":
        return replace(row, table="exports")
    if row.flow in ("export", "import"):
        return replace(row, flow="import" if row.flow == "export" else "export")
    return row


def _bare_partners(flow: g.FlowWord) -> bool:
    """A flow word that is only "partners" ("the top partners"), with no flow of its own ("trading partners")."""
    return flow.table == "turnover" and "partner" in flow.words and "trad" not in flow.words and \
        "turnover" not in flow.words


def _outside_asides(text: str, a: int, b: int, flows: list[g.FlowWord], countries: list[CountryMention],
                    figures: list[Figure]) -> tuple[list[g.FlowWord], list[CountryMention]]:
    """Flow words and countries outside a relative clause that holds no figure: "turnover with the EAEU, which
    encompasses trade with Russia, Kazakhstan and Belarus, amounted to $868 million" is the bloc's turnover.

    The aside runs from ", which" to the last comma before the next figure (its own list has commas too).
    """
    asides = []
    k = text.find(", which ", a, b)
    while k != -1:
        following = next((f.start for f in figures if f.start > k), b)
        stop = text.rfind(",", k + 8, following)
        if stop != -1:
            asides.append((k, stop))
        k = text.find(", which ", max(k + 8, stop), b)
    if not asides:
        return flows, countries
    kept = [f for f in flows if not _starts_in_any(f.start, asides)]
    if not kept:
        return flows, countries
    return kept, [c for c in countries if not _starts_in_any(c.start, asides)]


def _clause_start(text: str, floor: int, at: int, figures: list[Figure]) -> int:
    """Where the clause of a figure begins: after the previous figure, a semicolon or a new clause."""
    start = floor
    for f in figures:
        if f.end <= at and not (f.amount and f.role in ("alt",)):
            start = max(start, f.end)
    if _may_hold_clause_marker(text, start, at):
        for marker in _CLAUSE_STARTS:
            k = text.rfind(marker, start, at)
            if k != -1:
                start = k + len(marker)
    if text.find(" and ", start, at) != -1:
        # "exported $400 million worth of goods to Armenia and imported $1.1 billion": the second verb begins the
        # figure's clause, and the words of the first are not its own
        verbs = list(_AND_FLOW_VERB.finditer(text, start, at))
        if verbs:
            start = verbs[-1].start(1)
    return start


#: "to" right before a growth verb makes it an infinitive: "to double", "to at least triple".
_INFINITIVE_BEFORE = re.compile(r"\bto\s+(?:at\s+least\s+|more\s+than\s+)?$", re.IGNORECASE)
#: Goods of no kind named with the flow word ("the volume of goods imported"): a tonnage of them is of all goods.
_GENERIC_GOODS = re.compile(r"\b(?:goods|cargo(?:es)?|freight|products)\b", re.IGNORECASE)
#: A second flow verb joined by "and": it begins a clause of its own.
_AND_FLOW_VERB = re.compile(r"\band\s+(?:also\s+|then\s+)?((?:exported|imported|supplied|shipped|sold|bought|purchased)\b)")


#: Where a clause ends: a later clause's words are not about the figure before it.
_CLAUSE_ENDS = (";", ", while ", ", whereas ", ", and ", ", but ", ", then ", " while ", " whereas ")
#: Where the clause of a figure may begin: where a clause ends, or at a relative clause.
_CLAUSE_STARTS = _CLAUSE_ENDS + (", which ",)


def _may_hold_clause_marker(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` may hold one of the markers above: each has a ";", a "," or " wh" in it."""
    return text.find(",", start, end) != -1 or text.find(";", start, end) != -1 or text.find(" wh", start, end) != -1


def _whole_year(period: Period) -> bool:
    return period.start[5:] == "01-01" and period.end[5:] == "12-31" and period.start[:4] == period.end[:4]


def _clause_end(text: str, start: int, end: int) -> int:
    """Where the clause that continues after ``start`` ends (at most ``end``)."""
    if not _may_hold_clause_marker(text, start, end):
        return end
    for marker in _CLAUSE_ENDS:
        k = text.find(marker, start, end)
        if k != -1:
            end = k
    return end


def _own_period(text: str, f: Figure, seg: Segment, periods: list[PeriodMention],
                figures: list[Figure] = ()) -> PeriodMention | None:
    """The period written for a figure: right after it, else before it in its segment or sentence, else later.
    The period of an earlier comparison value ("China - $10.4 billion ($8.7 billion in 2022), Peru - $6.6 billion")
    is not the next value's."""
    following = next((p for p in periods if p.start >= f.end), None)
    if following is not None and following.start - f.end <= ADJACENT_PERIOD and (
            following.usable or following.kind in ("span", "deadline", "current")):
        if _BETWEEN_FIGURE_AND_PERIOD.fullmatch(text, f.end, following.start):
            return following
    before = [p for p in periods if p.end <= f.start and not p.comparison and not _of_an_aside(text, p, f.start)
              and not (p.kind == "months" and not p.recalled and _compared_before(text, p.start))
              and not (f.role == "main" and _of_a_comparison_value(p, figures, text))
              and not _in_a_closed_bracket(text, p, f.start)]
    in_segment = [p for p in before if p.start >= seg.start]
    if in_segment or before:
        return (in_segment or before)[-1]
    # a period after a comparison word is the comparison's ("rose 4.2% to $12 billion, compared to a 6.1% decline
    # in March"), not the figure's
    # ... nor that of a comparison value after the figure ("$16.8 million, down 28% ($23.5 million in 2022)")
    later = [p for p in periods if p.start >= f.end and (p.usable or p.kind == "current")
             and not _COMPARED_BETWEEN.search(text, f.end, p.start)
             and not (f.role == "main" and _of_a_comparison_value(p, figures, text))]
    return later[0] if later else None


def _in_a_closed_bracket(text: str, p: PeriodMention, at: int) -> bool:
    """Whether the period stands in a bracket closed before ``at``: "$952 million (in 2020 - $907 million),
    including exports of $791 million": the bracket's period is its own value's."""
    opened = text.rfind("(", max(0, p.start - 40), p.start)
    return opened != -1 and text.find(")", opened, p.start) == -1 and text.find(")", p.end, at) != -1


_COMPARED_BETWEEN = re.compile(r"\b(?:[Cc]ompared|[Cc]omparison|[Aa]gainst|[Vv]ersus|vs|than)\b"
                               r"|\bfrom\b(?!\s+(?:the\s+)?[A-Z][a-z]+\b)")  # "from the Islamic Republic": a place


def _owner_right_before(text: str, countries: list[CountryMention], flow_start: int) -> bool:
    """Whether a demonym or a possessive stands right before a flow word: "Chinese exports", "Peru's imports"."""
    return any(c.end <= flow_start and text[c.end:flow_start].strip() in ("", "'s", "’s", "'", "’")
               for c in countries if flow_start - c.end <= 4)


def _year_before_the_one_named(text: str, mention: PeriodMention, periods: list[PeriodMention]) -> PeriodMention:
    """ "the preceding year" after a year named in its sentence is the year before that one ("$6.42 billion in 2022,
    while the figure stood at $5.59 billion in the preceding year": 2021); "last year" stays the publication's."""
    if mention.offset != -1 or mention.year is not None or not _BEFORE_THE_NAMED.search(text, mention.start,
                                                                                       mention.end):
        return mention
    named = [p for p in periods if p.end <= mention.start and p.year is not None and p.kind == "months"]
    return replace(mention, year=named[-1].year - 1, offset=None) if named else mention


#: The words of a year counted back from the one named before, not from the publication: "the preceding year".
_BEFORE_THE_NAMED = re.compile(r"\b(?:preceding|previous|prior)\s+year\b", re.IGNORECASE)


def _compared_before(text: str, start: int) -> bool:
    """Whether a period is written as the term of a comparison ("up 16% over January-April 2022"); a sentence
    opening on "Over 10 months of this year" states its own period."""
    m = _COMPARED_BEFORE.search(text, max(0, start - 30), start)
    if m is None:
        return False
    if text[m.start():m.start() + 4].lower() == "over":  # "over 10 months of this year": a stretch of time
        # ... and "growth was seen over January-June": only a change right before makes it the term compared with
        return not (text.startswith("Over", m.start()) or _N_MONTHS.match(text, start)) and \
            _CHANGE_RIGHT_BEFORE.search(text, max(0, m.start() - 30), m.start()) is not None
    return True


#: A change right before "over": "up 16%", "an increase of 5 percent", "rose 2.1 times", "higher", "growth".
_CHANGE_RIGHT_BEFORE = re.compile(r"(?:\d\s*(?:%|percent|per\s+cent|times|fold)|\b(?:up|down|higher|lower|more|less"
                                  r"|increase[ds]?|rise|rose|risen|grew|growth|decline[ds]?|drop(?:ped)?|fell|jump(?:ed)?"
                                  r"|surge[ds]?|gain(?:ed)?))\s*,?\s*$", re.IGNORECASE)


#: "10 months", "the first seven months": after "over", how long, not what a figure is compared with.
_N_MONTHS = re.compile(r"(?:the\s+)?(?:first\s+)?(?:\d{1,2}|[a-z]+)[\s-]+months?\b", re.IGNORECASE)


#: Between the two countries of a trade balance: "'s trade deficit of ¥3.36 trillion with ", " had a surplus with ".
_BALANCE_WITH = re.compile(r"\b(?:trade\s+)?(?:deficit|surplus|balance)\b[^;:()]{0,40}?\bwith\s+(?:the\s+)?$",
                           re.IGNORECASE)
_COLON_OR_DASH = re.compile(r"[:;]|\s[–—-]\s")
#: What joins the countries of a list: "A and B", "A, B and the C", "A, B, and C".
_COORDINATED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?")


def _coordinated_partners(text: str, flow: g.FlowWord, countries: list[CountryMention], first_value: int,
                          count: int) -> bool:
    """Whether ``count`` countries right after the flow word's preposition, joined as one list, are all it names
    before the first value ("to Italy and the U.S. totaled"): the partners of so many values, in order."""
    after = [c for c in countries if flow.end <= c.start < first_value]
    if len(after) != count:
        return False
    preposition = _LIST_PREPOSITION.fullmatch(text, flow.end, after[0].start)
    if preposition is None or (preposition.group(1).lower() == "with" and flow.table != "turnover"):
        return False  # "trade with Pakistan and Russia reached ... and ...", but not "exports with"
    return all(_COORDINATED.fullmatch(text, x.end, y.start) for x, y in zip(after, after[1:]))


#: Between a flow word and the first of its partners: "exports to", "imports from", "sales to the", "trade with".
_LIST_PREPOSITION = re.compile(r"(?:\s+(?:of\s+goods|of\s+products))?\s+(to|from|with)\s+(?:the\s+)?", re.IGNORECASE)

#: Words before a country that a ranking passes over: "after Russia, the largest trade was with Kazakhstan".
_PASSED_OVER = re.compile(r"\b(?:after|behind|besides|apart\s+from|except(?:\s+for)?|other\s+than)\s+(?:the\s+)?$",
                          re.IGNORECASE)


def _without_ranked_past(text: str, countries: list[CountryMention]) -> list[CountryMention]:
    """Countries but those a ranking names only to pass over them, when another country is left: in "Among the CIS
    countries after Russia, the largest volume of trade was with Kazakhstan" Russia is no party."""
    kept = [c for c in countries if not _PASSED_OVER.search(text, max(0, c.start - 20), c.start)]
    return kept or countries


def _within_from_january(main: Period | None, so_far: Period) -> bool:
    """Whether the period in force is the months from January of the year a "so far this year" speaks of."""
    return main is not None and bool(main.end) and main.start == so_far.start


def _of_an_aside(text: str, period: PeriodMention, before: int) -> bool:
    """Whether a period is that of a bracketed figure right after it, some figure before ``before``: "Russia,
    Georgia's biggest partner in 2022 (at $6.1bn), came second at $1.9bn" gives 2022 to the aside only."""
    m = _ASIDE_FIGURE.match(text, period.end)
    return m is not None and m.end() <= before


#: A bracketed figure opening right after a period: " (at $6.1bn)".
_ASIDE_FIGURE = re.compile(r"\s*\((?:at\s+|about\s+|around\s+|nearly\s+)?(?:US)?[$€£]\s?\d[^()]{0,30}\)")


def _month_compared_after(text: str, f: Figure, periods: list[PeriodMention]) -> PeriodMention | None:
    """A single month of a named year that a figure is compared with, in its sentence after it ("... to $323 million
    compared to the month of June 2021"): the figure is of that month a year on."""
    following = next((p for p in periods if p.start >= f.end), None)
    if following is None or following.kind != "months" or following.year is None or \
            following.first_month != following.last_month or following.months_to is not None:
        return None
    between = text[f.end:following.start]
    return following if len(between) <= 40 and _COMPARED_BETWEEN.search(between) is not None else None


def _same_flow_in_tonnes(seg: Segment, figures: list[Figure], parties: Parties, carried: Statement) -> bool:
    """Whether a segment goes on with the flow and countries of ``carried`` and gives only quantities."""
    mains = [f for f in figures if f.amount and f.role == "main"]
    return seg.flow.table == carried.table and bool(mains) and \
        (parties.reporter, parties.partner) == (carried.parties.reporter, carried.parties.partner) and \
        all(f.amount.unit in QUANTITY_UNITS for f in mains)


def _counted_from_nowruz(period: Period) -> bool:
    """Whether a period is months of an Iranian year: it starts on Nowruz, not on the 1st."""
    if not period.start or not period.end or period.start[5:7] != "03":
        return False
    start = dt.date.fromisoformat(period.start)
    return start == iranian.nowruz(start.year - iranian.OFFSET)


def _a_prior_period(text: str, p: PeriodMention) -> bool:
    """Whether a mention names the months in force a year back: "the same period of 2021", "a year earlier"."""
    return (p.kind == "same_period" and not p.bare) or \
        (p.kind == "year_ago" and text[p.start:p.start + 6].lower() == "a year")


def _same_period_after(text: str, f: Figure, periods: list[PeriodMention]) -> PeriodMention | None:
    """ "the same period last year" written right after a figure, the figure's own period a year back; so is "a
    year earlier" right after an amount ("whereas it totaled $700 million a year earlier"), where after a growth
    it only says what the growth compares."""
    following = next((p for p in periods if p.start >= f.end), None)
    if following is None or following.start - f.end > ADJACENT_PERIOD or \
            not _BETWEEN_FIGURE_AND_PERIOD.fullmatch(text, f.end, following.start):
        return None
    if _a_prior_period(text, following) and (following.kind == "same_period" or f.amount is not None):
        return following
    return None


def _comparison_mention(prior: Figure, main: Figure, periods: list[PeriodMention]) -> PeriodMention | None:
    """The period a prior value is stated for: right after it, or the comparison words near it."""
    for p in periods:
        if prior.end <= p.start <= prior.end + ADJACENT_PERIOD and p.kind == "months" and p.year is not None:
            if not (main.start > prior.end and p.start > main.start):
                return p
    comparisons = [p for p in periods if p.comparison]
    if not comparisons:
        return None
    return min(comparisons, key=lambda p: abs(p.start - prior.start))


@dataclass(frozen=True)
class Extraction:
    """What the extractor reads from one document: its candidates, and every figure it states (the residue)."""

    candidates: list[Candidate]
    figures: list[StatedFigure]


def extract_document(doc: Document) -> list[Candidate]:
    """Every trade statistic the rules find in one document, in text order, ids unique."""
    return _candidates(doc, DocumentReader(doc).read())


def read_document(doc: Document) -> Extraction:
    """The candidates of one document and its figures, each marked with the candidate that uses it."""
    reader = DocumentReader(doc)
    candidates = _candidates(doc, reader.read())
    figures = document_figures(doc, candidates, reader.quick, reader.amounts, reader.sentence_of)
    return Extraction(candidates, figures)


def _candidates(doc: Document, rows: list[Row]) -> list[Candidate]:
    out: list[Candidate] = []
    used: set[str] = set()
    # a growth told the sentence before its value joins that value first; the growth-only row then repeats it
    kept = deduplicated(with_growth_of_the_sentence_before(without_wider_totals(rows)))
    for row in sorted(kept, key=lambda r: (r.quote.start, r.anchor)):
        cand = to_candidate(doc, row)
        if cand.candidate_id in used:
            continue
        used.add(cand.candidate_id)
        out.append(cand)
    return out

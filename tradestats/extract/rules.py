"""Rule-based reading of trade statements, sentence by sentence.

A sentence is read only if it has a flow word (trade, turnover, exports,
imports, supply) and a figure; everything else is skipped by two cheap regex
tests. A read sentence is cut into segments, one per flow word; each segment's
figures (money, tonnes, growth) are grouped around their main value, and each
group becomes a candidate row with countries, period and commodity found in the
segment, or carried from the sentence, the paragraph or the article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from tradestats.documents import Document
from tradestats.extract import grammar as g
from tradestats.extract.candidate import Candidate, candidate_id
from tradestats.extract.context import ArticleContext
from tradestats.extract.growth import Growth, find_growth
from tradestats.extract.lexicon import CommodityMention, CountryMention, find_commodities, find_countries
from tradestats.extract.numbers import Amount, find_money, find_tonnes
from tradestats.extract.parties import Parties, listed_partner, resolve_parties, respective_parties
from tradestats.extract.periods import (NO_PERIOD, Period, PeriodMention, comparison_period, find_periods, resolve,
                                        year_to_date)
from tradestats.extract.sentences import Span, paragraphs, sentences

EXTRACTOR_VERSION = "1.0"

#: How far after a figure its own period may start ("$545.2 million in 2024").
ADJACENT_PERIOD = 45
#: What may stand between a figure and its own period: "$1.1bn in 2021", "$172 million, in 2022".
_BETWEEN_FIGURE_AND_PERIOD = re.compile(r"[\s,()]*(?:(?:in|for|during|over|of|at|as|respectively|alone|total)\b[\s,]*)*")


@dataclass(frozen=True)
class Figure:
    """A money amount, a tonnage or a growth expression, with its role in the statement."""

    start: int
    end: int
    amount: Amount | None = None
    growth: Growth | None = None
    role: str = "main"  # main | comparison | change | alt (money in another currency)
    qualifier: str = ""

    @property
    def is_growth(self) -> bool:
        return self.growth is not None


@dataclass
class Group:
    """One statistic: a main figure with the growth, change, comparison and other-currency figures that go with it."""

    lead: Figure
    main: Figure | None = None
    growth: Figure | None = None
    change: Figure | None = None
    comparisons: list[Figure] = field(default_factory=list)
    alternates: list[Figure] = field(default_factory=list)


@dataclass(frozen=True)
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


@dataclass
class Statement:
    """What a later sentence may borrow from an earlier one: countries, flow and period."""

    table: str
    parties: Parties
    period: Period | None = None
    sector: CommodityMention | None = None  # the product group the sentence was about, for its paragraph


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    flow: g.FlowWord


class DocumentReader:
    """Reads one document; holds what carries over between its sentences."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.article = ArticleContext(doc.text, doc.body_start, doc.published)
        self.rows: list[Row] = []
        self.previous_paragraph_tail: Statement | None = None
        self._periods: dict[Span, list[PeriodMention]] = {}

    # --- driving -------------------------------------------------------------------------------------------------
    def read(self) -> list[Row]:
        text = self.text
        for para in paragraphs(text, self.doc.body_start):
            if not g.has_flow_word(text, para.start, para.end) or not g.has_figure(text, para.start, para.end):
                self.previous_paragraph_tail = None
                continue
            self.read_paragraph(para)
        return self.rows

    def read_paragraph(self, para: Span) -> None:
        spans = list(sentences(self.text, para))
        carried: Statement | None = None
        last: Statement | None = None
        before = self.previous_paragraph_tail
        for i, sent in enumerate(spans):
            inherited = carried or (replace(before, sector=None) if i == 0 and before else None)
            last = self.read_sentence(sent, inherited, spans[:i])
            if last is not None:
                carried = last
        self.previous_paragraph_tail = last

    # --- one sentence --------------------------------------------------------------------------------------------
    def read_sentence(self, sent: Span, carried: Statement | None, earlier: list[Span]) -> Statement | None:
        text, a, b = self.text, sent.start, sent.end
        if not g.has_flow_word(text, a, b) and not (carried and g.has_anaphor(text, a, b)):
            return None
        has_figure = g.has_figure(text, a, b)
        flows = g.find_flow_words(text, a, b)
        if not flows:
            anaphor = g.find_anaphor(text, a, b) if carried and has_figure else None
            if anaphor is None:
                return None
            flows = [g.FlowWord(anaphor.start(), anaphor.end(), carried.table, "")]
        figures = self.figures(a, b) if has_figure else []
        periods = [p for p in find_periods(text, a, b) if not any(f.start < p.end and p.start < f.end
                                                                 for f in figures if not f.is_growth)]
        countries = [c for c in find_countries(text, a, b)
                     if not any(f.amount and f.start <= c.start < f.end for f in figures)]
        segments = _segments(flows, a, b)
        statement: Statement | None = None
        sentence_parties: Parties | None = None
        stated: set[Period] = set()
        sectors: set[CommodityMention] = set()
        for seg in segments:
            seg_figures = [f for f in figures if seg.start <= f.start < seg.end]
            parties = self.parties(seg, seg_figures, figures, countries, sent, sentence_parties, carried)
            listed = None
            if parties is None:
                listed = self.respective(seg, seg_figures, figures, countries, sent)
                if not listed:
                    continue
                parties = listed[0]
            if parties.explicit:
                sentence_parties = parties
            if statement is None or (parties.explicit and not statement.parties.explicit):
                statement = Statement(seg.flow.table, parties)
            if seg_figures:
                periods_found, sectors_found = self.read_segment(seg, figures, periods, parties, listed, countries,
                                                                 sent, carried, earlier)
                stated.update(periods_found)
                sectors.update(sectors_found)
        if statement is not None:
            statement.sector = next(iter(sectors)) if len({c.name for c in sectors}) == 1 else None
            # Only an unambiguous period carries over to the next paragraph.
            statement.period = next(iter(stated)) if len(stated) == 1 and next(iter(stated)).start else None
        return statement

    def figures(self, a: int, b: int) -> list[Figure]:
        """Money, tonnes and growth figures of a sentence, money classified by role."""
        text = self.text
        money = find_money(text, a, b)
        spans = [(m.start, m.end) for m in money]
        tonnes = [t for t in find_tonnes(text, a, b) if not _overlaps(t.start, t.end, spans)]
        spans += [(t.start, t.end) for t in tonnes]
        growth = [x for x in find_growth(text, a, b) if not _overlaps(x.start, x.end, spans)]
        figures: list[Figure] = []
        previous: Amount | None = None
        for amount in sorted(money + tonnes, key=lambda m: m.start):
            if amount.is_range:
                previous = None
                continue
            role = self.money_role(amount, previous, a)
            figures.append(Figure(amount.start, amount.end, amount=amount, role=role,
                                  qualifier=g.qualifier_before(text, amount.start, a)))
            previous = amount
        figures += [Figure(x.start, x.end, growth=x) for x in growth]
        return sorted(figures, key=lambda f: f.start)

    def money_role(self, amount: Amount, previous: Amount | None, floor: int) -> str:
        text = self.text
        if previous is not None and previous.unit != amount.unit and amount.unit != "t" and previous.unit != "t":
            between = text[previous.end:amount.start]
            if len(between) < 25 and g.SAME_VALUE_BETWEEN.fullmatch(between):
                return "alt"
        lo = max(floor, amount.start - 40)
        if g.COMPARISON_MONEY_BEFORE.search(text, lo, amount.start):
            return "comparison"
        if g.CHANGE_MONEY_BEFORE.search(text, lo, amount.start):
            return "change"
        if text[max(floor, amount.start - 2):amount.start].strip() == "(" and previous is not None:
            if g.COMPARISON_WORDS.search(text, previous.end, amount.start):
                return "comparison"
        return "main"

    # --- countries -----------------------------------------------------------------------------------------------
    def parties(self, seg: Segment, seg_figures: list[Figure], all_figures: list[Figure],
                countries: list[CountryMention], sent: Span, sentence_parties: Parties | None,
                carried: Statement | None) -> Parties | None:
        text = self.text
        zone_end = seg_figures[0].start if seg_figures else seg.end
        if g.SUBNATIONAL.search(text, seg.start, zone_end):
            return None
        subject = [c for c in countries if sent.start <= c.start < seg.flow.start] if seg.start == sent.start else []
        fallback = (sentence_parties or (carried.parties if carried else None))
        floor = max([sent.start] + [f.end for f in all_figures if f.end <= seg.flow.start])
        return resolve_parties(text, seg.flow, seg.start, zone_end, countries, subject, fallback, self.article, floor)

    def respective(self, seg: Segment, seg_figures: list[Figure], all_figures: list[Figure],
                   countries: list[CountryMention], sent: Span) -> list[Parties] | None:
        """One pair of countries per value when a statement lists partners and values "respectively"."""
        if not g.RESPECTIVELY.search(self.text, seg.start, seg.end):
            return None
        mains = [f for f in seg_figures if f.amount and f.role == "main"]
        if len(mains) < 2:
            return None
        floor = max([sent.start] + [f.end for f in all_figures if f.end <= seg.flow.start])
        return respective_parties(self.text, seg.flow, mains[0].start, countries, floor, self.article, len(mains))

    # --- one segment ---------------------------------------------------------------------------------------------
    def read_segment(self, seg: Segment, figures: list[Figure], periods: list[PeriodMention], parties: Parties,
                     listed: list[Parties] | None, countries: list[CountryMention], sent: Span, carried: Statement | None,
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
        topic = carried.sector if carried and _continues_topic(seg.flow) else None
        valued = 0
        previous_end = seg.flow.end
        for commodities, item_figures in self.items(seg, seg_figures, topic):
            for group in _groups(item_figures):
                group_parties = parties
                if group.main is not None:
                    if listed:
                        group_parties = listed[valued] if valued < len(listed) else None
                    elif valued:
                        group_parties = listed_partner(self.text, previous_end, group.main.start, countries, parties)
                    valued += 1
                    previous_end = group.main.end
                if group_parties is None or (commodities is None and not group_parties.bilateral_flow):
                    continue
                if self.not_a_fact(group, figures, sent):
                    continue
                lead = group.main or group.lead
                period = self.period_of(lead, seg, figures, periods, sent, carried, earlier)
                if period is None:
                    continue
                rows = self.rows_of(group, seg, group_parties, period, commodities, periods, sent)
                self.rows.extend(rows)
                if rows:
                    found.append(period)
                    sectors += [c for c in commodities or [] if c.sector]
        return found, sectors

    def items(self, seg: Segment, figures: list[Figure],
              topic: CommodityMention | None) -> list[tuple[list[CommodityMention] | None, list[Figure]]]:
        """Figures split by the product they are about (None: the whole flow, or the paragraph's ``topic``)."""
        text = self.text
        items: list[tuple[list[CommodityMention] | None, list[Figure]]] = []
        current: list[CommodityMention] | None = None
        untitled = [topic] if topic else None
        floor = seg.start
        for f in figures:
            own = _commodities(text, floor, f.start)
            if not own and (f.is_growth or (f.amount and f.amount.unit == "t")):
                own = _commodities_after(text, f.end, seg.end)
            if own:
                current = own
                items.append((current, [f]))
            elif items:
                items[-1][1].append(f)
            else:
                items.append((untitled, [f]))
            floor = f.end
        return [(c, fs) for c, fs in items if c is not None or any(f.amount is None or f.amount.unit != "t"
                                                                   for f in fs)]

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
        first = min([group.lead] + group.comparisons, key=lambda f: f.start)
        lead = group.main or group.lead
        for f in {first, lead}:
            start = _clause_start(text, sent.start, f.start, figures)
            if g.NOT_A_FACT_BEFORE.search(text, start, f.start):
                return True
        after_end = min([x.start for x in figures if x.start > lead.end] + [sent.end])
        stop = min(after_end, lead.end + 60)
        if g.NOT_A_FACT_AFTER.search(text, lead.end, stop):
            return True
        window = min(stop, lead.end + 25)
        return "by" in text[lead.end:window] and any(p.kind == "deadline"
                                                     for p in find_periods(text, lead.end, window))

    # --- periods -------------------------------------------------------------------------------------------------
    def period_of(self, f: Figure, seg: Segment, figures: list[Figure], periods: list[PeriodMention],
                  sent: Span, carried: Statement | None, earlier: list[Span]) -> Period | None:
        """The period of a figure; None when the figure belongs to a span of years or to the future."""
        mention = _own_period(self.text, f, seg, periods)
        ref = self.article.reference
        if mention is not None:
            if mention.kind in ("span", "deadline"):
                return None
            period = resolve(mention, ref)
            if period is None:
                return NO_PERIOD
            if ref.year is not None and period.year > ref.year:
                return None
            return period
        for span in reversed(earlier):
            usable = [p for p in self.periods_in(span) if p.usable]
            if usable:
                return resolve(usable[-1], ref) or NO_PERIOD
        if carried is not None and carried.period is not None:
            return carried.period
        clause = _clause_start(self.text, sent.start, f.start, figures)
        if g.ALREADY.search(self.text, clause, f.end) or any(
                p.kind == "same_period" for p in periods if seg.start <= p.start < seg.end):
            return year_to_date(ref) or NO_PERIOD
        return NO_PERIOD

    def periods_in(self, span: Span) -> list[PeriodMention]:
        """Period mentions of an earlier sentence, read once however many later sentences look back."""
        if span not in self._periods:
            self._periods[span] = find_periods(self.text, span.start, span.end)
        return self._periods[span]

    # --- rows ----------------------------------------------------------------------------------------------------
    def rows_of(self, group: Group, seg: Segment, parties: Parties, period: Period,
                commodities: list[CommodityMention] | None, periods: list[PeriodMention], sent: Span) -> list[Row]:
        if commodities is None:
            return self.flow_rows(group, seg, parties, period, periods, sent)
        rows = []
        shared = len(commodities) > 1
        for c in commodities:
            rows += self.commodity_rows(group, seg, parties, period, c, shared, periods, sent)
        return rows

    def flow_rows(self, group: Group, seg: Segment, parties: Parties, period: Period,
                  periods: list[PeriodMention], sent: Span) -> list[Row]:
        table = seg.flow.table
        growth = group.growth.growth.ratio if group.growth else None
        change = group.change.amount.value if group.change and group.main else None
        base = dict(table=table, reporter=parties.reporter, partner=parties.partner, flow="", commodity="",
                    hs_code="", quote=sent)
        if group.main is None:
            if group.growth is None or not period.start:
                return []
            return [Row(period=period, value=None, unit="", qualifier="", growth_ratio=growth, change_value=None,
                        anchor=(group.growth.start, group.growth.end), **base)]
        return self.valued_rows(group, base, period, growth, change, periods)

    def commodity_rows(self, group: Group, seg: Segment, parties: Parties, period: Period, c: CommodityMention,
                       shared: bool, periods: list[PeriodMention], sent: Span) -> list[Row]:
        flow = {"turnover": "turnover", "exports": "export", "imports": "import"}[seg.flow.table]
        growth = group.growth.growth.ratio if group.growth else None
        base = dict(table="commodities", reporter=parties.reporter, partner=parties.partner, flow=flow,
                    commodity=c.name, hs_code=c.hs_code, quote=sent)
        if group.main is None:
            if group.change is not None:
                anchor = (c.start, c.end) if shared else (group.change.start, group.change.end)
                return [Row(period=period, value=None, unit=group.change.amount.unit, qualifier="",
                            growth_ratio=growth, change_value=group.change.amount.value, anchor=anchor, **base)]
            if group.growth is None:
                return []
            anchor = (c.start, c.end) if shared else (group.growth.start, group.growth.end)
            return [Row(period=period, value=None, unit="", qualifier="", growth_ratio=growth, change_value=None,
                        anchor=anchor, **base)]
        change = group.change.amount.value if group.change else None
        rows = self.valued_rows(group, base, period, growth, change, periods)
        if shared:
            rows = [replace(rows[0], anchor=(c.start, c.end))]
        return rows

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
def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _segments(flows: list[g.FlowWord], a: int, b: int) -> list[Segment]:
    """One segment per flow word, from the word to the next one; the first also takes the sentence's opening."""
    out = []
    for i, flow in enumerate(flows):
        start = a if i == 0 else flow.start
        end = flows[i + 1].start if i + 1 < len(flows) else b
        out.append(Segment(start, end, flow))
    return out


def _commodities(text: str, start: int, end: int) -> list[CommodityMention]:
    """Products named in ``text[start:end]`` before any "including"/"mainly": the subject of the next figure."""
    if end <= start:
        return []
    cut = g.COMPOSITION.search(text, start, end)
    if cut:
        end = cut.start()
    found = find_commodities(text, start, end)
    for m in g.PRODUCT_GROUP.finditer(text, start, end):
        if not any(c.start < m.end() and m.start() < c.end and (c.end - c.start) >= (m.end() - m.start())
                   for c in found):
            found = [c for c in found if not (c.start < m.end() and m.start() < c.end)]
            found.append(CommodityMention(m.start(), m.end(), g.product_group_name(m), "", sector=True))
    found.sort(key=lambda c: c.start)
    if not found:
        return []
    # The products written together just before the figure ("petroleum products and trucks").
    last = [found[-1]]
    for c in reversed(found[:-1]):
        between = text[c.end:last[0].start]
        if between.strip(" ,") in ("and", "", "or") or between.strip() in (",", ", and", "and"):
            last.insert(0, c)
        else:
            break
    return last


_OF_AFTER = ("of", "in")


def _continues_topic(flow: g.FlowWord) -> bool:
    """Whether a flow without a product of its own continues its paragraph's product group.

    "In particular, exports of agricultural products ... Imports from Iran ..." :
    one direction of the group's trade; a turnover or a total is the whole trade.
    """
    return flow.table != "turnover" and not g.NATIONAL_TOTAL.search(flow.words)


def _commodities_after(text: str, start: int, end: int) -> list[CommodityMention]:
    """Products in an "of ..." phrase right after a growth word: "a doubling of shipments of trucks"."""
    rest = text[start:end]
    stripped = rest.lstrip()
    if not stripped.split(" ", 1)[0].lower() in _OF_AFTER:
        return []
    stop = start + len(rest)
    for ch in ",;.(":
        k = text.find(ch, start, end)
        if k != -1:
            stop = min(stop, k)
    return _commodities(text, start, stop)


def _groups(figures: list[Figure]) -> list[Group]:
    """Group figures around their main values (money or tonnes)."""
    mains = [f for f in figures if f.amount and f.role == "main"]
    groups = {id(m): Group(lead=m, main=m) for m in mains}
    order: list[Group] = [groups[id(m)] for m in mains]

    def nearest_main(f: Figure, prefer_after: bool = False) -> Group | None:
        if not mains:
            return None
        if prefer_after:
            after = [m for m in mains if m.start > f.start]
            if after:
                return groups[id(after[0])]
        best = min(mains, key=lambda m: abs(m.start - f.start))
        return groups[id(best)]

    previous: Figure | None = None
    for f in figures:
        if f.amount and f.role == "alt" and previous is not None:
            host = groups.get(id(previous))
            if host is not None:
                host.alternates.append(f)
            continue
        if f.amount and f.role == "comparison":
            host = nearest_main(f, prefer_after=True)
            if host is not None:
                host.comparisons.append(f)
            continue
        if f.amount and f.role == "change":
            host = nearest_main(f)
            if host is not None and host.change is None:
                host.change = f
            else:
                group = Group(lead=f, change=f)
                order.append(group)
                groups[id(f)] = group
        if f.amount:
            previous = f
    for f in figures:
        if not f.is_growth:
            continue
        host = nearest_main(f)
        if host is None:
            changes = [gr for gr in order if gr.main is None and gr.change is not None and gr.growth is None]
            host = min(changes, key=lambda gr: abs(gr.change.start - f.start)) if changes else None
        if host is not None and host.growth is None:
            host.growth = f
        elif host is not None and abs(f.start - host.lead.start) < abs(host.growth.start - host.lead.start):
            order.append(Group(lead=host.growth, growth=host.growth))
            host.growth = f
        else:
            order.append(Group(lead=f, growth=f))
    return sorted(order, key=lambda gr: gr.lead.start)


def _clause_start(text: str, floor: int, at: int, figures: list[Figure]) -> int:
    """Where the clause of a figure begins: after the previous figure, a semicolon or a new clause."""
    start = floor
    for f in figures:
        if f.end <= at and not (f.amount and f.role in ("alt",)):
            start = max(start, f.end)
    for marker in (";", ", while ", ", whereas ", ", and ", ", but ", " while ", " whereas ", ", which "):
        k = text.rfind(marker, start, at)
        if k != -1:
            start = k + len(marker)
    return start


def _own_period(text: str, f: Figure, seg: Segment, periods: list[PeriodMention]) -> PeriodMention | None:
    """The period written for a figure: right after it, else before it in its segment or sentence, else later."""
    following = next((p for p in periods if p.start >= f.end), None)
    if following is not None and following.start - f.end <= ADJACENT_PERIOD and (
            following.usable or following.kind in ("span", "deadline")):
        if _BETWEEN_FIGURE_AND_PERIOD.fullmatch(text, f.end, following.start):
            return following
    before = [p for p in periods if p.end <= f.start and not p.comparison]
    in_segment = [p for p in before if p.start >= seg.start]
    if in_segment or before:
        return (in_segment or before)[-1]
    later = [p for p in periods if p.start >= f.end and p.usable]
    return later[0] if later else None


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


# --- rows to candidates ----------------------------------------------------------------------------------------
def _country_key(row: Row) -> tuple:
    return tuple(sorted((row.reporter, row.partner))) if row.table == "turnover" else (row.reporter, row.partner)


def deduplicated(rows: list[Row]) -> list[Row]:
    """Drop repeats of one statistic: a headline or a quote restating a figure proposes it once.

    A growth-only row is a repeat when a row with a value states the same flow and
    period; a row without a period is a repeat when the same value is also stated
    with its period.
    """
    seen: set = set()
    valued = {(r.table, _country_key(r), r.period, r.commodity, r.flow) for r in rows if r.value is not None}
    dated_values = {(r.table, _country_key(r), r.value, r.unit, r.commodity, r.flow) for r in rows
                    if r.value is not None and r.period.start}
    out = []
    for r in rows:
        key = (r.table, _country_key(r), r.flow, r.period, r.value, r.unit, r.growth_ratio, r.commodity,
               r.change_value)
        loose = (r.table, _country_key(r), r.flow, r.period, r.value, r.unit, r.commodity, r.change_value)
        if key in seen or (loose in seen and r.growth_ratio is None):
            continue
        if r.value is None and r.change_value is None and (r.table, _country_key(r), r.period, r.commodity,
                                                            r.flow) in valued:
            continue
        if r.value is not None and not r.period.start and (r.table, _country_key(r), r.value, r.unit, r.commodity,
                                                            r.flow) in dated_values:
            continue
        seen.add(key)
        seen.add(loose)
        out.append(r)
    return out


def to_candidate(doc: Document, row: Row) -> Candidate:
    return Candidate(
        candidate_id=candidate_id(doc.source_id, row.table, row.anchor[0], row.anchor[1]),
        source_id=doc.source_id, table=row.table, reporter=row.reporter, partner=row.partner, flow=row.flow,
        period_start=row.period.start, period_end=row.period.end, value=row.value, unit=row.unit,
        qualifier=row.qualifier, growth_ratio=row.growth_ratio, commodity=row.commodity, hs_code=row.hs_code,
        change_value=row.change_value, char_start=row.quote.start, char_end=row.quote.end,
        quote=doc.text[row.quote.start:row.quote.end],
    )


def extract_document(doc: Document) -> list[Candidate]:
    """Every trade statistic the rules find in one document, in text order, ids unique."""
    rows = deduplicated(DocumentReader(doc).read())
    out: list[Candidate] = []
    used: set[str] = set()
    for row in sorted(rows, key=lambda r: (r.quote.start, r.anchor)):
        cand = to_candidate(doc, row)
        if cand.candidate_id in used:
            continue
        used.add(cand.candidate_id)
        out.append(cand)
    return out

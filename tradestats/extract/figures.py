"""Figures of a sentence (money, tonnes, growth) and how they group into statistics.

"$987.9 million, 2.1 times higher than ... ($474.3 million)" is one statistic:
a main value, its growth and a comparison value. Money takes a role from the
words before it ("from", "than" make a prior value, "by" a change, a bracket
after another currency the same value again); growth and the other figures
then join the nearest main value.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from tradestats.extract import grammar as g
from tradestats.extract.growth import Growth, find_growth
from tradestats.extract.numbers import (QUANTITY_UNITS, Amount, find_implied_money, find_kilograms, find_measures,
                                        find_money, find_tonnes, with_borrowed_scales)


@dataclass
class Figure:
    """A money amount, a tonnage or a growth expression, with its role in the statement."""

    start: int
    end: int
    amount: Amount | None = None
    growth: Growth | None = None
    role: str = "main"  # main | comparison | change | alt (money in another currency) | difference (read as none)
    qualifier: str = ""
    #: a comparison value bracketed right after its main value ("$6.6 billion ($5.5 billion)"): of the value before
    of_previous: bool = False

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


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def stated_amounts(text: str, a: int, b: int, lower: str | None = None) -> list[Amount]:
    """Money, tonnes and kilograms in ``text[a:b]`` in text order; a quantity inside a money expression is part of it.
    (``lower``: the whole text lower-cased, when at hand.)"""
    money = with_borrowed_scales(text, find_money(text, a, b, lower))
    quantities = find_tonnes(text, a, b, lower) + find_kilograms(text, a, b, lower) + find_measures(text, a, b, lower)
    tonnes = [t for t in quantities if not _overlaps(t.start, t.end, [(m.start, m.end) for m in money])]
    stated = sorted(money + tonnes, key=lambda m: m.start) if tonnes else money  # tonnes: and kilograms
    implied = find_implied_money(text, a, b, stated, lower)
    return sorted(stated + implied, key=lambda m: m.start) if implied else stated


def find_figures(text: str, a: int, b: int, amounts: Sequence[Amount] | None = None) -> list[Figure]:
    """Money, tonnes and growth figures of the sentence ``text[a:b]``, money classified by role.

    ``amounts`` are the sentence's money and tonnes when the caller has found them
    already (the extractor scans each article for them once).
    """
    if amounts is None:
        amounts = stated_amounts(text, a, b)
    spans = [(m.start, m.end) for m in amounts]
    growth = [x for x in find_growth(text, a, b) if not _overlaps(x.start, x.end, spans)]
    if len(growth) > 1:
        growth = _without_month_on_month(text, growth)
    figures: list[Figure] = []
    previous: Amount | None = None
    bracket_compares = False  # a bracketed value after a value was said to be of an earlier year
    for amount in amounts:
        bracketed = False
        if amount.is_range:
            previous = None
            continue
        role = money_role(text, amount, previous, a)
        if role == "main" and _YEAR_IN_BRACKET.match(text, amount.end) and any(
                x.end <= amount.start and _BRACKET_AFTER_VALUE.fullmatch(text, x.end, amount.start) for x in growth):
            role = "comparison"  # "a decline of 30.6 percent ($24.2 million in 2022)": the value it fell from
        if role == "main" and previous is not None and previous.unit == amount.unit and \
                _BRACKET_AFTER_VALUE.fullmatch(text, previous.end, amount.start):
            # "China - $10.4 billion ($8.7 billion in 2022), Poland - $6.6 billion ($5.5 billion)": the bracket
            # after each value is the value a year before, as the first bracket says
            dated = _DATED_BRACKET_REST.match(text, amount.end)
            bracket_compares = bracket_compares or dated is not None
            if bracket_compares:
                role, bracketed = "comparison", True
        if role == "main" and figures and figures[-1].role == "change" and previous is not None and \
                LIST_BETWEEN.fullmatch(text, previous.end, amount.start):
            role = "change"  # "a decrease of $260 million and $65 million, respectively": a list of changes
        figures.append(Figure(amount.start, amount.end, amount=amount, role=role,
                              qualifier=g.qualifier_before(text, amount.start, a), of_previous=bracketed))
        previous = amount
    figures += [Figure(x.start, x.end, growth=x) for x in growth]
    return sorted(figures, key=lambda f: f.start)


_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
#: After a growth, the month before as its base: "a decrease of 76% from January", "up 5% on the previous month".
_MONTH_ON_MONTH_AFTER = re.compile(rf"[^.;$€£\d]{{0,12}}?\b(?:from|over|on|compared\s+(?:to|with)|against)\s+(?:the\s+)?"
                                   rf"(?:previous\s+month|month\s+before|{_MONTHS}\b(?![\s,–-]*(?:19|20)\d\d))")
#: After a growth, the same months a year back as its base: "80.7% lower than the corresponding period of 2012".
_YEAR_ON_YEAR_AFTER = re.compile(r"[^.;$€£\d]{0,40}?\b(?:corresponding|same)\s+(?:period|month)|[^.;$€£\d]{0,12}?"
                                 r"\b(?:year[\s-]on[\s-]year|y-o-y|a\s+year\s+(?:earlier|ago|before))", re.IGNORECASE)


def _without_month_on_month(text: str, growth: list[Growth]) -> list[Growth]:
    """A change over the month before beside one over the same months a year back ("fell to 336,000 tons in
    February, a decrease of 76% from January and 80.7% lower than the corresponding period of 2012"): the value's
    growth is the year-on-year one, as every growth of the dataset is."""
    yearly = [x for x in growth if _YEAR_ON_YEAR_AFTER.match(text, x.end)]
    if not yearly:
        return growth
    return [x for x in growth if x in yearly or not _MONTH_ON_MONTH_AFTER.match(text, x.end)]


#: The rest of a bracketed value that names its own period: " in 10M2022)", " in January-May 2023)".
_YEAR_IN_BRACKET = re.compile(r"[^()]{0,40}?(?:19|20)\d\d[^()]{0,10}\)")
#: A bracket opening right after a value: "$6.6 billion (".
_BRACKET_AFTER_VALUE = re.compile(r"\s*\(\s*")
#: The rest of a bracketed value that names its year: " in 2022)".
_DATED_BRACKET_REST = re.compile(r"\s+(?:in|for)\s+(?:19|20)\d\d\s*\)")
#: What joins two values of one list: "$3.1 billion and $3.2 billion", "$260 million, and nearly $65 million".
LIST_BETWEEN = re.compile(r",?\s*(?:and\s+)?(?:almost\s+|nearly\s+|about\s+|over\s+)?")


#: After an amount, the same change as a percentage: "$1 million or 10 percent less" (not "... or 5% more than in 2022", a level).
_CHANGE_AFTER = re.compile(r"\s*(?:,\s*)?or\s+(?:by\s+)?\d[\d.,]*\s*(?:%|percent\b|per\s+cent\b)\s*"
                           r"(?:less|more|lower|higher)\b(?!\s+than\b)", re.IGNORECASE)
#: "from" as the start of a change ("up from last year"), not as the origin of goods ("from Turkey").
_FROM_NOT_A_PLACE = re.compile(r"\b[Ff]rom\b(?!\s+(?:the\s+)?[A-Z])")


#: A relative clause right before an amount: ", which stood at", "when it amounted to".
_PRIOR_CLAUSE_BEFORE = re.compile(r",?\s*\b(?:which|when\s+it|when\s+they)\s+(?:stood\s+at|amounted\s+to|was|were"
                                  r"|totall?ed|reached|came\s+to)\s+(?:about\s+|almost\s+|nearly\s+|over\s+)?$",
                                  re.IGNORECASE)
#: A compared period right before such a clause: "compared to the corresponding period last year, which stood at".
_COMPARED_PERIOD_BEFORE = re.compile(r"\b(?:compared|comparison|than|against|versus|from|over|on)\b[^.;$€£\d]*"
                                     r"\b(?:same|corresponding|comparable|analogous|similar|previous|preceding|last|prior"
                                     r"|(?:19|20)\d\d)\b[^.;$€£]*(?:period|year|month|quarter|\d{4}|earlier|ago|before)\s*$",
                                     re.IGNORECASE)
#: An amount that is how much one value exceeds another: "$19 billion more than those of Canada".
_DIFFERENCE_AFTER = re.compile(r"\s+(?:more|less|higher|lower|greater|bigger|smaller)\s+than\b", re.IGNORECASE)

#: A sentence that opens with the whole its parts are of: "Of $343 million, ...", "Out of the $2 billion, ...".
_WHOLE_BEFORE = re.compile(r"\s*(?:[Oo]ut\s+of|[Oo]f)\s+(?:the\s+|this\s+)?")
#: "more than" or "less than" right before an amount: a qualifier of it.
_HEDGE_BEFORE = re.compile(r"\b(?:more|less|fewer)\s+than\s+$", re.IGNORECASE)


def money_role(text: str, amount: Amount, previous: Amount | None, floor: int) -> str:
    """main | comparison ("from $X to", "than $X") | change ("by $X") | alt (the same value in another currency)."""
    if previous is not None and previous.unit != amount.unit and amount.unit not in QUANTITY_UNITS and \
            previous.unit not in QUANTITY_UNITS:
        between = text[previous.end:amount.start]
        if len(between) < 25 and g.SAME_VALUE_BETWEEN.fullmatch(between):
            return "alt"
    if amount.start > floor and text[amount.start - 1] in "+−" or text[max(floor, amount.start - 2):amount.start] == "+ ":
        return "change"  # "(+$2.8 billion)": a signed amount is a change
    if _CHANGE_AFTER.match(text, amount.end):
        return "change"  # "cement imports are $1 million or 10 percent less": the amount it changed by
    if _DIFFERENCE_AFTER.match(text, amount.end):
        return "difference"  # "worth $19 billion more than those of Canada": how far apart two values are
    if _WHOLE_BEFORE.fullmatch(text, floor, amount.start):
        return "difference"  # "Of $343 million, $334 million fell on exports": the total stated before, named again
    tokens = g.tail_tokens(text, amount.start, floor)
    if g.is_comparison_money(tokens):
        return "comparison"
    relative = _PRIOR_CLAUSE_BEFORE.search(text, max(floor, amount.start - 40), amount.start)
    if relative is not None and _COMPARED_PERIOD_BEFORE.search(text, max(floor, relative.start() - 50), relative.start()):
        return "comparison"  # "up 12% compared to the same period last year, which stood at $835 million"
    if g.is_change_money(tokens):
        return "change"
    if tokens and tokens[-1] in ("(", "–", "—", ":"):
        # "..., higher than in 2021 ($474.3 million)"; with no figure before it, the remark of a later sentence:
        # "This is 9.6% more than in the same period of last year ($356.4 million)". After a dash or colon "from"
        # names a partner ("imports from Armenia – $210 million"), so only the words of a comparison count.
        since = previous.end if previous is not None else floor
        closed = text.rfind(")", since, amount.start)
        if closed != -1:  # "... (up 7% on a year earlier) and Iran – $61 million": the bracket was the last item's
            since = closed + 1
        # "Georgia – more than $88 million": "more than" right before the amount hedges it, compares nothing
        hedge = _HEDGE_BEFORE.search(text, max(since, amount.start - 16), amount.start)
        if g.COMPARISON_REMARK_WORDS.search(text, since, hedge.start() if hedge else amount.start) is not None:
            return "comparison"
        if tokens[-1] == "(" and _FROM_NOT_A_PLACE.search(text, since, amount.start) is not None:
            return "comparison"  # "up 12% from a year earlier ($98 million)", not "imported from Turkey"
    return "main"


def group_figures(figures: list[Figure]) -> list[Group]:
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
    orphans: list[Figure] = []  # comparison values with no main value: of a growth said of an earlier figure
    for f in figures:
        if f.amount and f.role == "alt" and previous is not None:
            host = groups.get(id(previous))
            if host is not None:
                host.alternates.append(f)
            else:  # "from $2.6 billion (310 billion yen) in 2012 to ...": the earlier value in its other currency
                compared = next((gr for gr in order if any(c is previous for c in gr.comparisons)), None)
                if compared is not None:
                    compared.comparisons.append(f)
            continue
        if f.amount and f.role == "comparison":
            host = groups.get(id(previous)) if f.of_previous and previous is not None else None
            host = host or nearest_main(f, prefer_after=True)
            if host is not None:
                host.comparisons.append(f)
            else:
                orphans.append(f)
            previous = f
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
    if orphans:
        bare = [gr for gr in order if gr.main is None and gr.change is None and gr.growth is not None]
        for f in orphans:  # "This is 9.6% more than a year earlier ($356.4 million)": the growth's prior value
            if bare:
                min(bare, key=lambda gr: abs(gr.growth.start - f.start)).comparisons.append(f)
    return sorted(order, key=lambda gr: gr.lead.start)

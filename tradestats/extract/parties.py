"""Reporter and partner of a flow, from the prepositions around the country names.

"exports from Kazakhstan to Afghanistan" -> KAZ reports exports to AFG;
"imports to Kazakhstan from Afghanistan" and "Kazakhstan's imports from
Afghanistan" -> KAZ reports imports from AFG; "Kazakhstan's import to Azerbaijan"
-> AZE imports from KAZ; for turnover the country named first reports. A flow
that names no country borrows the pair from the sentence, the paragraph or the
article; one that names a single country as its owner ("Kazakhstan's foreign
trade") is that country's total with the world, not a bilateral flow.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tradestats.extract import grammar as g
from tradestats.extract.context import ArticleContext
from tradestats.extract.lexicon import CountryMention

#: A preposition before a country says its role; an epithet may stand between ("from next-door China", "with the
#: Russia-led EAEU").
_ROLE_BEFORE = re.compile(r"\b(from|to|into|with|between|by|of|and|&|or)\s+(?:the\s+)?"
                          r"(?:(?:next-door|neighbou?ring|nearby|fellow|landlocked|\w+-(?:led|dominated|backed))\s+)?$"
                          r"|(,)\s*$", re.IGNORECASE)
#: Verbs whose country right after is the buyer, with no "to": "Chile has sold Peru 600 tonnes".
_DATIVE_VERBS = frozenset({"sold", "sells", "supplied", "supplies", "shipped", "ships", "delivered", "delivers"})
#: "followed" right before the "by" of a country: the country is ranked next, not the owner of a flow.
_FOLLOWED_BEFORE = re.compile(r"\bfollowed\s*$", re.IGNORECASE)
#: How far before a country its preposition may stand.
_ROLE_REACH = 32
_ROLES = {"from": "source", "to": "dest", "into": "dest", "with": "with", "between": "between", "by": "owner",
          "of": "owner"}
_POSSESSIVE = re.compile(r"['’](?:s\b|(?=\s))")  # "Kazakhstan's", "Belarus' exports"
_APOSTROPHES = ("'", "’")
#: A flow noun right after a demonym: "Korean exports", "Chinese imports".
_FLOW_NOUN_AFTER = re.compile(r"\s+(?:exports?|imports?|shipments|supplies|sales|purchases|deliveries)\b", re.I)
#: A verb of flow right after a country: the country does the trading ("with Mongolia importing ...").
_SUBJECT_OF_FLOW = re.compile(r"\s+(?:importing|exporting|buying|selling|supplying|shipping)\b")  # what a possessive begins with: tested before the pattern
_PREPOSITION_BEFORE = re.compile(r"\b(?:to|from|into|with)\s+(?:the\s+)?$", re.IGNORECASE)
#: A partner's share of a flow: "Italy accounted for $5.1 billion of exports", "China accounts for 20%".
_SHARE_AFTER = re.compile(r"\s+(?:alone\s+)?(?:accounted|accounts|account|accounting)\s+for\b")
#: What may stand between a country and the flow word it qualifies: "Azerbaijan's export", "Kazakh-Afghan trade".
_NOT_IN_NOUN_PHRASE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|to|from|with|in|on|at|for|by|that|which|who|said|says|noted|between|of"
    r"|its|their|as|than|will|would|can|could)\b|[.,;:\d$()]",
    re.IGNORECASE,
)


@dataclass
class Parties:
    """Whose flow a statement reports, and with whom."""

    reporter: str
    partner: str
    explicit: bool = False  # both named in the statement itself
    bilateral_flow: bool = True  # False: a single owner country, whose flows are totals with the world


def _adjacent_before(text: str, flow_start: int, floor: int, countries: list[CountryMention]) -> list[CountryMention]:
    """Countries in the noun phrase ending at the flow word."""
    out = []
    for c in countries:
        if c.start < floor or c.end > flow_start:
            continue
        gap = _without_names(text, c.end, flow_start, countries)
        if len(gap) <= 40 and not _NOT_IN_NOUN_PHRASE.search(gap):
            out.append(c)
    return out


def _without_names(text: str, start: int, end: int, countries: list[CountryMention]) -> str:
    """``text[start:end]`` with the country names in it left out: the stops of "U.S." in "Chile-U.S. trade" are
    part of a name, not the end of a phrase."""
    inside = [c for c in countries if start <= c.start and c.end <= end]
    if not inside:
        return text[start:end]
    pieces, at = [], start
    for c in inside:
        pieces.append(text[at:c.start])
        at = c.end
    return "".join(pieces) + text[at:end]


def _roles(text: str, mentions: list[CountryMention], floor: int, default: str,
           demonym: str = "owner") -> list[tuple[str, str]]:
    """(code, role) for each mention: source, dest, with, between, owner or other.

    "the world" counts only as a partner named with a preposition; elsewhere it is dropped.
    ``demonym``: the role of a bare demonym: the owner before the flow word ("Kazakh exports"),
    the origin of the goods after it ("imports of Iranian bitumen", "purchases of Korean cars").
    """
    return [r for r in _mention_roles(text, mentions, floor, default, demonym) if r is not None]


def _mention_roles(text: str, mentions: list[CountryMention], floor: int,
                   default: str, demonym: str = "owner") -> list[tuple[str, str] | None]:
    """``_roles`` aligned with ``mentions``: None where a mention is dropped."""
    out: list[tuple[str, str] | None] = []
    previous_role = ""
    for c in mentions:
        m = _ROLE_BEFORE.search(text, max(floor, c.start - _ROLE_REACH), c.start)
        word = (m.group(1) or m.group(2) or "").lower() if m else ""
        if text[c.end:c.end + 1] in _APOSTROPHES and _POSSESSIVE.match(text, c.end):
            role = "owner"
        elif c.kind == "demonym" and _FLOW_NOUN_AFTER.match(text, c.end):
            role = "owner"  # "with Korean exports accounting for ...": the demonym says whose flow
        elif _BOUND_AFTER.match(text, c.end):
            role = "dest"  # "U.S.-bound exports": where the goods go
        elif _SHARE_AFTER.match(text, c.end):
            role = "with"  # "Italy accounted for $5 billion of the exports": the partner's share of them
        elif word == "with" and _SUBJECT_OF_FLOW.match(text, c.end):
            role = "owner"  # "..., with Mongolia importing 600,000 tonnes": the country is the subject
        elif word == "by" and _FOLLOWED_BEFORE.search(text, max(floor, m.start() - 12), m.start()):
            role = "with"  # "It was followed by Japan with exports of $X": the next partner of a ranking
        elif word == "of" and c.kind == "demonym" and not _STATE_AFTER.match(text, c.end):
            role = demonym  # "imports of Iranian bitumen": whose goods, not whose flow
        elif c.kind == "demonym" and _GOODS_BOUGHT_BY.match(text, c.end):
            role = "source"  # "Kazakh goods imported by Uzbekistan": where the goods come from; the buyer follows
        elif c.kind == "demonym" and _GOODS_IN_A_MARKET.match(text, c.end):
            role = "source"  # "the demand for Chinese goods in Kazakhstan": where the goods come from
        elif _MARKET_OF_GOODS.search(text, max(floor, c.start - 24), c.start):
            role = "dest"  # ... and the market they are sold in
        elif word in _ROLES:
            role = _ROLES[word]
        elif word in ("and", "&", "or", ",") and previous_role:
            role = previous_role
        elif c.kind == "demonym":
            role = demonym
        else:
            role = default
        previous_role = role
        out.append(None if c.code == "WLD" and role not in ("with", "dest", "source") else (c.code, role))
    return out


#: A destination glued to its flow: "U.S.-bound exports", "China-bound shipments".
_BOUND_AFTER = re.compile(r"[-‑–]bound\b", re.IGNORECASE)
#: A demonym's goods that a buyer named after "by" takes: "Kazakh goods imported by Uzbekistan".
_GOODS_BOUGHT_BY = re.compile(r"\s+(?:goods|products|produce)\s+(?:imported|bought|purchased)\s+by\b", re.IGNORECASE)
#: Goods of one country in another's market: "Chinese goods in Kazakhstan", "Turkish products in the Uzbek market".
_GOODS_IN_A_MARKET = re.compile(r"\s+(?:goods|products|produce)\s+in\s+(?:the\s+)?[A-Z]")
_MARKET_OF_GOODS = re.compile(r"\b(?:goods|products|produce)\s+in\s+(?:the\s+)?$")
#: A demonym naming the state itself: "the trade of the Uzbek Republic", "the Kyrgyz Republic's exports".
_STATE_AFTER = re.compile(r"\s+(?:Republic|Federation|Kingdom|State)\b")

_PARTNER_ROLES = frozenset({"source", "dest", "with", "between"})

#: The stretch from a ranked partner's figure to its name: "... partner with more than $6 billion was China".
_PARTNER_NAMED_AFTER = re.compile(r"[$€£]?\s?[\d.,]+\s*(?:(?:billion|million|thousand|bn|mln|m)\b\.?\s*)?"
                                  r"(?:(?:US\s)?dollars\s|USD\s)?(?:in\s[\w\s-]{3,20}?\s)?"
                                  r"(?:was|is|remained|remains|became|has\sbeen)\s+(?:the\s+)?", re.IGNORECASE)


#: Where a new clause begins after a figure: its countries are not the figure's ("..., as buyers turned to X").
_NEW_CLAUSE = (", as ", ", while ", ", whereas ", ", but ", ", which ", ", when ", ";")


#: Punctuation that ends the figure's phrase before a country; the comma of "300,000 tons" is part of the number.
_PUNCTUATION_BETWEEN = re.compile(r"[;()]|,(?!\d)|(?<!\d),")
_DIGIT_BETWEEN = re.compile(r"\d")


def _trailing(text: str, start: int, end: int, countries: list[CountryMention],
              turnover: bool = False) -> list[tuple[str, str]]:
    """Destinations and origins after the figure, in the same clause: "... worth $5 million to Uzbekistan"
    (and, for ``turnover``, the country traded with: "Russia traded $9.4 billion with Uzbekistan").

    A list ("to Uzbekistan, Tajikistan and Afghanistan") is returned whole, so a
    total over several partners is recognised as one.
    """
    stop = min([k for k in (text.find(m, start, end) for m in _NEW_CLAUSE) if k != -1] + [end])
    stop = _next_flow_phrase(text, start, stop, countries)
    after = [c for c in countries if start <= c.start < stop]  # in the same clause
    if not after or _PUNCTUATION_BETWEEN.search(text, start, after[0].start):
        return []
    # a list goes on only without a figure of its own ("2,345 thousand tons to Armenia, 428 thousand tons to ...")
    # nor a country labelling a value of its own ("... to Peru, Bolivia - 1.1 million tons": the list's next item)
    after = after[:1] + [c for c in after[1:] if not _DIGIT_BETWEEN.search(text, after[0].end, c.start)
                         and not _LABEL_OF_A_VALUE.match(text, c.end)]
    out = []
    for code, role in _roles(text, after, start, "other", "source"):  # "worth of Russian goods": their origin
        if role not in ("source", "dest") and not (turnover and role == "with"):
            break
        out.append((code, role))
    return out


_LABEL_OF_A_VALUE = re.compile(r"\s*(?:[–—:]|\s-)\s*(?:about\s+|over\s+|nearly\s+)?[$€£]?\s?\d")
#: A flow noun after a figure, which may open a statement of its own: "... and the Chilean-Bolivian turnover - $8m".
_LATER_FLOW_NOUN = re.compile(r"\b(?:turnover|trade|exports?|imports?)\b", re.IGNORECASE)


def _next_flow_phrase(text: str, start: int, stop: int, countries: list[CountryMention]) -> int:
    """Where the noun phrase of the next flow noun after ``start`` begins, or ``stop``: the countries
    that qualify a later flow noun ("and the Chilean-Bolivian turnover") are that statement's, not trailing ones."""
    later = _LATER_FLOW_NOUN.search(text, start, stop + 12)  # (the segment may end at the next flow noun)
    if later is None:
        return stop
    for c in countries:
        if start <= c.start and c.end <= later.start() and \
                not _NOT_IN_NOUN_PHRASE.search(_without_names(text, c.end, later.start(), countries)):
            return min(stop, c.start)
    return stop


def _first(codes: list[str], *exclude: str | None) -> str | None:
    for code in codes:
        if code not in exclude:
            return code
    return None


def _directed(table: str, roles: list[tuple[str, str]]) -> tuple[str | None, str | None]:
    """Reporter and partner of an exports or imports flow from the roles of its countries."""
    source = [c for c, r in roles if r == "source"]
    dest = [c for c, r in roles if r == "dest"]
    owner = [c for c, r in roles if r == "owner"]
    other = [c for c, r in roles if r in ("with", "between", "other")]
    # a country of no role beside an origin or a destination is the flow's subject: "Georgia bought more from
    # Turkey than it sold, with $2 billion in imports"
    subject = [c for c, r in roles if r == "other"]
    if table == "exports":
        reporter = _first(source) or _first(owner, *dest) or (_first(subject, *dest) if dest else None)
        partner = _first(dest, reporter) or _first(other, reporter) or _first(owner, reporter)
        return reporter, partner
    reporter = _first(dest) or _first(owner, *source) or (_first(subject, *source) if source else None)
    partner = _first(source, reporter) or _first(owner, reporter) or _first(other, reporter)
    return reporter, partner


#: What an export earns, and from whom: "export earnings from the US" are paid by the country exported to.
_EARNINGS_AFTER = re.compile(r"\s+(?:earnings|receipts|revenues?|income|proceeds)\s+from\b", re.IGNORECASE)

#: A ranking going on after the partner named first: "..., followed by Russia ($128.6 million)".
_FOLLOWED_BY = re.compile(r",?\s*(?:and\s+)?followed\s+by\b", re.IGNORECASE)


def resolve_parties(text: str, flow: g.FlowWord, seg_start: int, zone_end: int, seg_end: int,
                    countries: list[CountryMention], subject: list[CountryMention], fallback: Parties | None,
                    article: ArticleContext, floor: int, pair_in_sentence: bool = False) -> Parties | None:
    """Reporter and partner of the flow word ``flow``; None to skip the statement.

    The countries are those of the noun phrase ending at the flow word and those
    between it and its first figure (``zone_end``); a destination or origin
    written after the figure in the same clause ("exported goods worth $5 million
    to Uzbekistan") counts when the zone names no partner. ``pair_in_sentence``:
    an earlier flow of the sentence named both countries, so "Kazakh exports"
    later in it are towards the same partner, not to the world.
    """
    before = _adjacent_before(text, flow.start, floor, countries)
    if before and flow.words.endswith(("ed", "ing")):
        # "exported goods to Russia and imported ...": a verb's partner named before it is the earlier verb's
        before = [c for c in before if not _PREPOSITION_BEFORE.search(text, max(floor, c.start - 8), c.start)]
    after = [c for c in countries if flow.end <= c.start < zone_end]
    after_roles = _roles(text, after, flow.end, "other", "source")
    if after_roles and after[0].kind != "demonym" and after_roles[0][0] == after[0].code and \
            flow.words.lower() in _DATIVE_VERBS and not text[flow.end:after[0].start].strip():
        # "Chile has sold Peru 621 tonnes": the country right after the verb is the buyer
        after_roles[0] = (after[0].code, "dest")
    roles = _roles(text, before, floor, "owner") + after_roles
    if flow.table == "exports" and _EARNINGS_AFTER.match(text, flow.end):
        # "export earnings from the US": the money comes from the buyer, the country the goods went to
        after_codes = {c.code for c in after}
        roles = [(code, "dest" if role == "source" and code in after_codes else role) for code, role in roles]
    if subject and flow.words.endswith(("ed", "ing")):
        # "Uzbekistan bought more from China than exporting to it": "from China" is the earlier verb's partner
        subject = [c for c in subject if not _PREPOSITION_BEFORE.search(text, max(floor, c.start - 8), c.start)]
    if not roles and subject:
        # the subject's roles are read in its own clause, before any figure ("Georgia bought more from Turkey ...,
        # with $2 billion in imports")
        roles = _roles(text, subject, min(floor, subject[0].start), "other")
    elif subject and len({code for code, _ in roles}) == 1 and all(role == "owner" for _, role in roles) and \
            flow.table in ("exports", "imports") and (ranked := _ranked_for(text, subject, roles[0][0])):
        # "Chile ranked first for Peruvian exports": the country ranked is where the owner's goods go, or come from
        roles += [(ranked, "dest" if flow.table == "exports" else "source")]
    elif subject and len({code for code, _ in roles}) == 1 and all(role == "owner" for _, role in roles):
        # "Turkiye accounted for 5.4% of Uzbekistan's foreign trade ($1bn)": the share's country is the partner
        roles += [(c.code, "with") for c in subject if c.code != roles[0][0] and _SHARE_AFTER.match(text, c.end)][:1]
    elif subject and len({code for code, _ in roles}) == 1 and all(role in _PARTNER_ROLES for _, role in roles):
        # "Kazakhstan became the leader in trade with China": the subject trades with the partner named
        partner = roles[0][0]
        roles = [(code, "owner") for code, role in _roles(text, subject, floor, "other")
                 if code != partner and role != "with"][:1] + roles
    home = article.home or (fallback.reporter if fallback is not None else None)
    if home is not None and _SHARE_NOUN_AFTER.match(text, flow.end) and \
            [role for _, role in roles] == ["owner"] and roles[0][0] != home:
        # "Russia's trade turnover share amounted to 18.6% ($18.9bn)": its share of the home country's trade
        return Parties(home, roles[0][0], explicit=True)
    if flow.words == g.RANKED_PARTNER:
        # "Third place is taken by Kazakhstan ($4.4 billion)": every country the ranking names is a partner, but the
        # one the others follow, ranked already ("Germany was followed by the USA with $8.5 billion")
        followed = {c.code for c in countries if g.FOLLOWED_AFTER.match(text, c.end)}
        roles = [(code, "with") for code, role in roles if code != article.home and code not in followed]
    if "partner" in flow.words:  # "Turkey was the top trading partner": the country named is the partner
        roles = [(code, "with" if role == "other" else role) for code, role in roles]
        possessed = [c.code for c in before + after if text[c.end:c.end + 1] in _APOSTROPHES]
        if not possessed and flow.words in g.FLOW_PARTNERS.values():
            # "Uzbekistan was the 36th-largest export destination for South Korea": whose partner it is
            possessed = [c.code for c in after if _OWNER_AFTER_PLACE.fullmatch(text, flow.end, c.start)][:1]
        if not possessed and before and before[-1].kind == "demonym" and _FOLLOWED_BY.search(text, flow.end, zone_end):
            possessed = [before[-1].code]  # "the top Georgian trade partner, followed by ...": Georgia's partners
        if possessed:  # "Turkey remains Georgia's main trading partner": the possessive owns the partner
            owner = possessed[0]
            roles = sorted([(code, "owner" if code == owner else "with" if role == "owner" else role)
                            for code, role in roles], key=lambda r: r[0] != owner)
            if _FOLLOWED_BY.search(text, flow.end, zone_end):
                # "Turkey remained Georgia's main partner, followed by Russia ($128.6 million)": the values are of the
                # partners that follow; the one named before ranks first with no value of its own here
                firsts = {c.code for c in before + subject if c.code != owner}
                roles = [(code, role) for code, role in roles if code not in firsts]
        elif flow.words in g.FLOW_PARTNERS.values() and len(roles) == 1 and roles[0][1] == "owner" and \
                fallback is not None and fallback.bilateral_flow and roles[0][0] not in (fallback.reporter,
                                                                                         fallback.partner):
            # "China remained the biggest import source" after a statement of Kenya's: a source is a partner, of the
            # country whose flows the statement before told
            roles = [(roles[0][0], "with")]
        if roles and subject and all(role == "owner" for _, role in roles):
            # "China ranks as Uzbekistan's leading trade partner": the subject is the owner's partner
            owners = {code for code, _ in roles}
            roles += [(code, "with") for code, role in _roles(text, subject, floor, "other")
                      if role != "owner" and code not in owners]
    if not any(role in _PARTNER_ROLES for _, role in roles):
        roles += _trailing(text, zone_end, seg_end, countries, turnover=flow.table == "turnover")
    if "partner" in flow.words and roles and all(role == "owner" for _, role in roles):
        # "Mongolia's largest trading partner with $4 billion was Japan": the partner is named after its figure
        roles += [(c.code, "with") for c in countries
                  if zone_end <= c.start < seg_end and c.code != roles[0][0]
                  and _PARTNER_NAMED_AFTER.fullmatch(text, zone_end, c.start)][:1]
    codes = list(dict.fromkeys(code for code, _ in roles))
    if len(codes) > 2:
        return None
    if len(codes) == 2:
        if flow.table == "turnover":
            return Parties(codes[0], codes[1], explicit=True)
        reporter, partner = _directed(flow.table, roles)
        if reporter and partner and reporter != partner:
            return Parties(reporter, partner, explicit=True)
        return None
    # Only a flow naming one country or none needs to know whether it is said to be between two.
    bilateral = pair_in_sentence or g.BILATERAL.search(text, min(seg_start, flow.start), zone_end) is not None
    if len(codes) == 1:
        if flow.table == "imports" and article.home not in (None, codes[0]) and before and \
                before[-1].kind == "demonym" and not text[before[-1].end:flow.start].strip() and \
                flow.words.lower() == "imports":
            # "In particular, Chinese imports accounted for $5.36 billion" in an article on another country's trade:
            # goods imported from China, as the phrase is read in English
            return Parties(article.home, codes[0])
        if article.home not in (None, codes[0]) and roles[0][1] != "owner" and (
                (flow.table == "turnover" and "partner" in flow.words)
                or g.RANK.search(text, seg_start, max(zone_end, flow.end)) is not None):
            # "Russia comes in second with ...", "Russia is in second place - $230 million, exports to ...": a place
            # in the ranking of the home country's partners
            return Parties(article.home, codes[0])
        # "In 2018 bilateral trade reached $896 million. Belarus' export was $784 million": a bare flow of one side
        # of the pair in force goes on with that pair (a "foreign" or "total" flow is the country's own total)
        # (a flow "abroad" or "overseas" is the country's own total all the same)
        abroad = _ABROAD.search(text, flow.start, seg_end) is not None
        # ("Turkey's total cement exports exceeded $3.5 billion": a total of the goods, with the world)
        total = g.NATIONAL_TOTAL.search(flow.words) or _TOTAL_OF_GOODS_BEFORE.search(
            text, max(seg_start, flow.start - 40), flow.start)
        continues = fallback is not None and fallback.bilateral_flow and not abroad and \
            codes[0] in (fallback.reporter, fallback.partner) and not total
        return _one_named(flow.table, roles, bilateral or continues, fallback, article, abroad)
    if fallback is None:
        pair = article.pair
        if len(pair) < 2:
            return None
        fallback = Parties(pair[0], pair[1])
    # "foreign trade partner" is a partner all the same: a partner is always the other side of a bilateral flow
    national = bool(g.NATIONAL_TOTAL.search(flow.words)) and not bilateral and "partner" not in flow.words
    # A flow that names no country continues the statement before it, a world total included
    # ("Kazakhstan's foreign trade reached $134 billion, of which exports $84 billion").
    return Parties(fallback.reporter, fallback.partner,
                   bilateral_flow=(fallback.bilateral_flow or bilateral) and not national)


#: What stands between "export destination" and the country whose destination it is: " for ", " of the ".
_OWNER_AFTER_PLACE = re.compile(r"\s+(?:for|of)\s+(?:the\s+)?")
#: A flow word naming a share: "Russia's trade turnover share".
_SHARE_NOUN_AFTER = re.compile(r"\s+share\b", re.IGNORECASE)


def _ranked_for(text: str, subject: list[CountryMention], owner: str) -> str | None:
    """The country of the subject placed among the partners of ``owner``'s flow ("Chile ranked first for ...")."""
    return next((c.code for c in subject if c.code != owner and g.RANKED_FOR.match(text, c.end)), None)


#: "total" before the goods or the owner of a flow word: "total cement exports", "overall wheat imports", "Total U.S. trade".
_TOTAL_OF_GOODS_BEFORE = re.compile(r"\b(?:total|overall)\s+(?:[\w.-]+\s+){1,3}$", re.IGNORECASE)
#: Goods sent to the world, not to one partner: "Chile had shipped 6.3 million tons of grain abroad".
_ABROAD = re.compile(r"\b(?:abroad|overseas)\b|\bto\s+(?:foreign|world|international|overseas)\s+markets\b", re.IGNORECASE)


#: The roles of a country that leave the flow's owner unnamed: "exports to Germany", "imports from China".
_OWNER_ELSEWHERE = frozenset({("with", "exports"), ("with", "imports"), ("dest", "exports"), ("source", "imports")})


def _one_named(table: str, roles: list[tuple[str, str]], bilateral: bool, fallback: Parties | None,
               article: ArticleContext, abroad: bool = False) -> Parties | None:
    """A flow naming one country: the other comes from the context; an owner alone, or a country's flow
    "abroad", is a world total."""
    code, role = roles[0]
    if role == "between":
        return None  # "between China and Central Asia": the other side is not one country
    if fallback is not None and code in (fallback.reporter, fallback.partner):
        other = fallback.partner if code == fallback.reporter else fallback.reporter
    elif fallback is not None and fallback.bilateral_flow and (role, table) in _OWNER_ELSEWHERE:
        # "Exports to China were $15 billion. It was followed by Japan", "..., while the exports to Germany were
        # $670 million": the same exporter as the statement before
        other = fallback.reporter
    else:
        other = article.other_than(code)
    if other is None or other == code:
        return None
    alone = (role == "owner" or (abroad and role == "other")) and not bilateral
    if table == "turnover":
        reporter, partner = (other, code) if role in ("with", "between", "dest", "source") else (code, other)
    elif table == "exports":
        reporter, partner = (other, code) if role in ("dest", "with") else (code, other)
    else:
        reporter, partner = (other, code) if role in ("source", "with") else (code, other)
    return Parties(reporter, partner, bilateral_flow=not alone)


def respective_parties(text: str, flow: g.FlowWord, zone_end: int, countries: list[CountryMention], floor: int,
                       article: ArticleContext, count: int, listed_before: bool = False) -> list[Parties] | None:
    """Parties of "exports to Russia and China amounted to $8 billion and $13 billion respectively".

    The countries listed after the flow word pair one by one with the ``count``
    values; the owner (or the article's first country) is the other side of each.
    With ``listed_before`` the list is every country before the first value ("China, Russia and Italy were
    Kazakhstan's main trading partners, with ..."), a possessive one being the owner.
    """
    if listed_before:
        mentions = [c for c in countries if floor <= c.start < zone_end]
        # the country the turnover is "with", after the flow word, is the side every listed partner faces
        roles = [(r[0], "owner" if r[1] == "owner" or (c.start >= flow.end and r[1] == "with") else "with")
                 for c, r in zip(mentions, _mention_roles(text, mentions, floor, "with")) if r is not None]
    else:
        before = _adjacent_before(text, flow.start, floor, countries)
        after = [c for c in countries if flow.end <= c.start < zone_end]
        roles = _roles(text, before, floor, "owner") + _roles(text, after, flow.end, "other")
    listed = [(code, role) for code, role in roles if role != "owner"]
    owners = [code for code, role in roles if role == "owner"]
    if len(listed) != count or len({role for _, role in listed}) != 1 or len(set(owners)) > 1:
        return None
    home = owners[0] if owners else article.home or (article.pair[0] if article.pair else None)
    if home is None:
        return None
    role = listed[0][1]
    out = []
    for code, _ in listed:
        if code == home:
            return None
        reverse = (flow.table == "exports" and role == "source") or (flow.table == "imports" and role == "dest")
        out.append(Parties(code, home, explicit=True) if reverse else Parties(home, code, explicit=True))
    return out


#: A place in a ranking said of a country: "ranked third", "came next", "China followed with $12 billion".
_RANKED_AS = (r"(?:(?:ranked|ranks|ranking|came|comes|was|is|placed)\s+(?:second|third|fourth|fifth|sixth|seventh|eighth"
              r"|ninth|tenth|next)|(?:closely\s+)?followed(?!\s+by\b))")
#: A country written right before its own value: "Russia ($26 billion)", "China - $24 billion".
_RIGHT_BEFORE_VALUE = re.compile(
    rf"\s*(?:{_RANKED_AS}\s*(?=\())?"
    r"(?:\d+(?:[.,]\d+)?\s?(?:%|percent)\s*)?[(:–—-]?\s*(?:\d+(?:[.,]\d+)?\s?(?:%|percent)(?:\s*,)?\s+(?:or\s+)?)?"
    rf"(?:{_RANKED_AS}(?:\s+place)?\s*,?\s*)?"
    r"(?:for\s+|with\s+|at\s+)?(?:(?:a\s+little|just|slightly|some|about|around|nearly|almost|over|under|approximately"
    r"|roughly|close\s+to|up\s+to|more\s+than|less\s+than)\s+)*")


def ranked_subject(text: str, floor: int, flow: g.FlowWord, first_value: int, countries: list[CountryMention],
                   parties: Parties) -> str | None:
    """The party named as the bare subject of the flow ("Peru exported $329 million to Chile", "Bolivia, which
    imported ... of Chilean goods"), the other party named with a preposition or as the goods' origin after the
    first value: a list that goes on after it ("followed by Brazil with $177 million") ranks the subject's side.
    With the other party named before the value ("Peru exported the most to Chile - $329 million, Bolivia -
    ...") the list ranks the other side, as the items mirror the first."""
    if flow.table not in ("exports", "imports"):
        return None
    before = [c for c in countries if floor <= c.start < flow.start]
    roles = _mention_roles(text, before, floor, "other")
    bare = {r[0] for r in roles if r is not None and r[1] == "other"} & {parties.reporter, parties.partner}
    if len(bare) != 1:
        return None
    subject = bare.pop()
    other = parties.partner if subject == parties.reporter else parties.reporter
    if any(flow.end <= c.start < first_value and c.code == other for c in countries):
        return None
    zone = [c for c in countries if floor <= c.start and c.code == other]
    zone_roles = _mention_roles(text, zone, floor, "other", "source")
    if not any(r is not None and r[1] in ("dest", "source") for r in zone_roles):
        return None
    return subject


def listed_partner(text: str, start: int, end: int, countries: list[CountryMention], parties: Parties,
                   home: str | None = None, subject: str | None = None) -> Parties:
    """The parties of a later value in a list of partners.

    "... $4.6 billion, with Kyrgyzstan $1.3 billion" or "Russia ($26 billion),
    China ($24 billion)": the one country named between the previous value and
    this one, with a preposition or right before the value, is its partner.
    """
    inside = [c for c in countries if start <= c.start < end]
    roles = _mention_roles(text, inside, start, "other")
    named = [r for r, c in zip(roles, inside) if r is not None and (
        r[1] in ("with", "dest", "source") or _RIGHT_BEFORE_VALUE.fullmatch(text, c.end, end))]
    new = [r for r in named if r[0] not in (parties.reporter, parties.partner)]
    if subject is not None and subject in (parties.reporter, parties.partner) and len(new) == 1:
        # "Peru exported $329 million to Chile, followed by Bolivia with $245 million": the subject's side is ranked
        if subject == parties.reporter:
            return Parties(new[0][0], parties.partner, explicit=True, bilateral_flow=parties.bilateral_flow)
        return Parties(parties.reporter, new[0][0], explicit=True, bilateral_flow=parties.bilateral_flow)
    # the side the list keeps: the home country whose partners it lists, else the reporter
    kept = home if home is not None and home in (parties.reporter, parties.partner) else parties.reporter
    # ("... $4.6 billion worth of imports from Iran, followed by Iraq with $2.9 billion": the kept side said again)
    others = {r[0] for r in named if r[0] != kept}
    if len(others) != 1:
        return parties
    return Parties(kept, others.pop(), explicit=True, bilateral_flow=parties.bilateral_flow)

"""Products a figure is about: known commodity terms and product groups ("agricultural products").

Products are found once per sentence; each figure then takes the products
written in its own stretch of text (between the previous figure and itself),
stopping at words such as "including" or "mainly" that start a list of what a
total is made of rather than name the subject of the figure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tradestats.extract import grammar as g
from tradestats.extract.lexicon import CommodityMention, find_commodities, find_countries

#: Words a product group cannot be written without ("agricultural products", "agro-industrial sector").
_GROUP_STEMS = ("product", "goods", "commodit", "produce", "agr", "textile", "chemical", "pharma", "food", "dairy", "meat",
                "fish", "leather", "plastic", "rubber", "tobacco", "livestock", "mineral")
#: Words that may join products written together: "petroleum products and trucks".
_JOINERS = frozenset({"", "and", "or", ",", ", and"})
#: What may stand between a product and its own figure: "wheat ($500 million)", "rail - by $7.5 million".
_RIGHT_BEFORE = re.compile(r"\s*[(:–—-]?\s*(?:(?:by|of|worth|at|for)\s+)?")
#: A growth word may name its products after it: "a doubling of shipments of trucks".
_OF_AFTER = ("of", "in")


#: A flow noun followed by "of": what comes after it names the goods ("exports of soybeans to China"), as does a
#: tonnage ("33,000 tonnes of margarine (worth $29 million)").
_OF_STEMS = ("exports of", "export of", "imports of", "import of", "sales of", "purchases of", "shipments of",
             "supplies of", "deliveries of", "tonnes of", "tons of")
#: "exports of <goods> to/from/reached ...", matched where a stem above begins: the goods, in lower-case words,
#: after an optional demonym ("of Iranian bitumen"); a capitalised word (a country) is not goods.
_UNKNOWN_PRODUCT = re.compile(
    r"[A-Za-z]+\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[A-Z][a-z]+\s+)?"
    r"(?P<np>[a-z][a-z-]+(?:\s+(?:and\s+)?[a-z][a-z-]+){0,3}?)"
    r"(?=\s+(?:to|from|into|in|by|for|were|was|are|is|has|have|had|rose|fell|grew|increased|decreased|declined"
    r"|dropped|reached|amounted|totall?ed|stood|exceeded|jumped|surged|climbed|doubled|tripled|worth|at|came"
    r"|made|accounted|alone|also)\b|\s*[,.;:(])")
#: Words that make the phrase something other than a named product: generic goods, a share, a figure.
_NOT_GOODS = frozenset(
    "goods products product commodities commodity items item produce output value volume volumes worth total share "
    "country countries nation partner partners side region year month period more less about over some around "
    "nearly almost up all its their this these those which it them what such various other aid cargo cargoes "
    "freight consignment consignments humanitarian transit industries sector sectors supply".split())


def _unknown_products(text: str, start: int, end: int, lower: str) -> list[CommodityMention]:
    """Goods named after "exports of" that are not in the commodity list: a product without an HS code."""
    out = []
    for stem in _OF_STEMS:
        k = lower.find(stem)
        while k != -1:
            at = start + k
            m = _UNKNOWN_PRODUCT.match(text, at, end) if at == start or not text[at - 1].isalnum() else None
            if m is not None:
                words = m.group("np").split()
                if words[0] not in _NOT_GOODS and words[-1] not in _NOT_GOODS:
                    out.append(CommodityMention(m.start("np"), m.end("np"), " ".join(words), ""))
            k = lower.find(stem, k + 1)
    return out


#: An item of a list of goods written right before its own figure: ", textiles by 12%", "; coal – $3.4 million",
#: ", carpet exports with $239 million".
_LIST_ITEM = re.compile(
    r"(?:[,;:]\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+"
    r"|\b(?:including|includ(?:es|ed)|mainly|mostly|primarily|notably|especially|such\s+as)\s+)"
    r"(?P<np>[a-z][a-z-]+(?:\s+(?:and\s+|of\s+)?[a-z][a-z-]+){0,2}?)"
    r"(?:\s*[(:–—]\s*|\s+-\s+|\s+(?:(?:exports|imports|sales)\s+)?(?:by|at|worth|with)\s+)(?=[$€£¥₽]?\s?\d)")
#: An item of a list written as bullet lines, capitalised: "- Glassware ($3.1 million);".
_BULLET_ITEM = re.compile(
    rf"\n{g.BULLET_MARK}(?P<np>[A-Za-z][a-z-]+(?:\s+(?:and\s+|of\s+)?[a-z][a-z-]+){{0,3}}?)"
    r"(?:\s*[(:–—]\s*|\s+-\s+|\s+(?:by|at|worth)\s+)(?=[$€£¥₽]?\s?\d)")
#: Words no list item of goods is made of: flows, changes, units, figures and the small words between them.
_NOT_A_LIST_ITEM = _NOT_GOODS | frozenset(
    "export exports import imports turnover trade trading supplies shipments sales purchases deliveries rose grew "
    "increased decreased fell declined dropped jumped surged climbed reached amounted totalled totaled stood "
    "up down by at worth and or the a an of to from in for with while whereas compared respectively against "
    "than was were is are has have had growth increase decrease decline rise drop tonnes tons tonne ton thousand "
    "million billion trillion percent per cent units pieces head barrels kg kilograms cubic meters metres liters "
    "litres dollars euros rubles tenge sums som manats lari increasing decreasing rising falling growing declining "
    "dropping jumping surging climbing reaching amounting totalling totaling standing exceeding".split())


def _listed_products(text: str, start: int, end: int, known: list[CommodityMention]) -> list[CommodityMention]:
    """Goods outside the commodity list that stand as items of a list of known goods, each before its figure:
    "agricultural products rose by 133.7%, chemical products by 25.2% and textiles by 12%"."""
    if not known:
        return []
    first = min(c.start for c in known)
    cue = g.COMPOSITION.search(text, start, first)  # "including non-ferrous metals ($910 million), textiles ..."
    if cue is not None:
        first = cue
    out = []
    items = list(_LIST_ITEM.finditer(text, first, end))
    if "\n" in text[start:end]:
        items += _BULLET_ITEM.finditer(text, start, end)
    for m in items:
        if any(c.start == m.start("np") for c in find_countries(text, m.start("np"), m.end("np") + 1)):
            continue  # "- Russia – 37.7 thousand tons": a list of the goods' partners, not of goods
        words = m.group("np").lower().split()
        inner = [w for w in words[1:-1] if w not in ("and", "of")]
        if not any(w in _NOT_A_LIST_ITEM for w in (words[0], words[-1], *inner)):
            out.append(CommodityMention(m.start("np"), m.end("np"), " ".join(words), ""))
    return out


_EQUIVALENT_AFTER = re.compile(r"\s+equivalent\b", re.IGNORECASE)


def find_products(text: str, start: int, end: int) -> list[CommodityMention]:
    """Commodity terms and product groups in ``text[start:end]``; where they overlap the longer wins.

    Goods named after "exports of" that are in neither list become products of their own, without an HS code.
    """
    lower = text[start:end].lower()
    found = find_commodities(text, start, end)
    if "equivalent" in lower:  # "wheat and flour in grain equivalent": a unit of measure, not goods of their own
        found = [c for c in found if not _EQUIVALENT_AFTER.match(text, c.end)]
    for u in _unknown_products(text, start, end, lower):
        if not any(c.start < u.end and u.start < c.end for c in found):
            found.append(u)
    groups = g.PRODUCT_GROUP.finditer(text, start, end) if any(map(lower.__contains__, _GROUP_STEMS)) else []
    for m, shift in groups:
        a, b = m.start() + shift, m.end() + shift
        if any(c.start < b and a < c.end and c.end - c.start >= b - a for c in found):
            continue
        found = [c for c in found if not (c.start < b and a < c.end)]
        found.append(CommodityMention(a, b, g.product_group_name(m), "", sector=True))
    for u in _listed_products(text, start, end, found):
        if not any(c.start < u.end and u.start < c.end for c in found):
            found.append(u)
    return sorted(found, key=lambda c: c.start)


#: An aside between two double hyphens or em dashes, with no figure in it: " -- a mixture of wheat and rye -- ".
_DASH_ASIDE = re.compile(r"\s(?:--|—)\s[^\d\n—]{1,80}?\s(?:--|—)(?=\s)")


@dataclass
class SentenceProducts:
    """The products of one sentence and where composition lists ("including ...") begin."""

    text: str
    mentions: list[CommodityMention]
    composition_starts: list[int]

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "SentenceProducts":
        mentions = find_products(text, start, end)
        if mentions and ("--" in text[start:end] or "—" in text[start:end]):
            # "2.99 million tonnes of wheat and maslin -- a mixture of wheat and rye --": an aside names no goods
            asides = [m.span() for m in _DASH_ASIDE.finditer(text, start, end)]
            mentions = [m for m in mentions if not any(a <= m.start < b for a, b in asides)]
        # ("Among them, phones took the lead with $16.9 billion": a sentence opening on the words lists the goods of
        # the sentence before, its own are no composition)
        cuts = [m.start() + shift for m, shift in g.COMPOSITION.finditer(text, start, end)
                if text[start:m.start() + shift].strip()] if mentions else []
        return cls(text, mentions, cuts)

    def before(self, start: int, end: int) -> list[CommodityMention]:
        """The products written together last in ``[start, end)``, before any composition list.

        A product written right before the figure is its subject even inside a
        composition list: "mainly wheat ($500 million) and flour ($90 million)".
        """
        if not self.mentions:
            return []
        cut = next((c for c in self.composition_starts if start <= c < end), end)
        last = next((m for m in reversed(self.mentions) if start <= m.start and m.end <= end), None)
        if last is not None and last.end > cut and _RIGHT_BEFORE.fullmatch(self.text, last.end, end):
            cut = end
        inside = [m for m in self.mentions if start <= m.start and m.end <= cut]
        if not inside:
            return []
        last = [inside[-1]]
        for c in reversed(inside[:-1]):
            between = self.text[c.end:last[0].start]
            if between.strip(" ,") in _JOINERS or between.strip() in _JOINERS:
                last.insert(0, c)
            else:
                break
        return last

    def naming(self, flow_start: int) -> list[CommodityMention]:
        """The products written right before a flow word, as its noun phrase: "furniture exports"."""
        last = next((m for m in reversed(self.mentions) if m.end <= flow_start), None)
        if last is None or self.text[last.end:flow_start].strip():
            return []
        return self.before(last.start, last.end)

    def after(self, start: int, end: int) -> list[CommodityMention]:
        """Products in an "of ..." phrase right after a growth word, up to the next punctuation."""
        if not self.mentions:
            return []
        rest = self.text[start:end]
        if rest.lstrip().split(" ", 1)[0].lower() not in _OF_AFTER:
            return []
        stop = end
        for ch in (",", ";", ".", "(", " --", " – ", " — "):  # (a dash opens an aside: "wheat -- a grain --")
            k = self.text.find(ch, start, end)
            if k != -1:
                stop = min(stop, k)
        return self.before(start, stop)

"""Growth expressions and their ratio: "2.1 times", "4.7-fold", "by 82.6%", "doubled", "fell 3 times".

``growth_ratio`` is value / prior value. A percentage or a multiple only means
growth when a word of change goes with it ("increased by 13%", "20 percent more",
"a 19% increase"); "accounts for 83 percent" is a share and "met three times" a
count, so both are ignored. The direction word nearest to the figure decides
whether it is a rise (1 + p/100, n) or a fall (1 - p/100, 1/n).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tradestats.extract.numbers import NUMBER, WORD_NUMBER, parse_number
from tradestats.extract.words import Words

_UP = (r"increas\w*|grew|grow\w*|growth|rose|ris(?:e|es|en|ing)|up|higher|more|gain\w*|jump\w*|surg\w*|soar\w*"
       r"|climb\w*|spik\w*|expan\w*|boost\w*|add(?:ed|ing)|rall\w*|advanc\w*|upswing|double|doubled|hike[sd]?|upsurge|uptick"
       r"|skyrocket\w*|leap(?:s|t|ed|ing)?")
_DOWN = (r"negative\s+growth|shed(?:s|ding)?|decreas\w*|declin\w*|fell|fall\w*|drop\w*|lower|less|down|reduc\w*|shr[iau]nk\w*|contract(?:ed|ion|s)?"
         r"|slump\w*|plung\w*|plummet\w*|dipp?ed|dips?|slid|slipp?ed|lost|loss|downturn|cut|cuts|slash(?:ed|es)?"
         r"|tumbl\w*|sank|sinks?|sinking|sunk")
_DIRECTION = Words(rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN}))\b")
#: "more than" / "less than" before a figure hedge it; they say nothing about its direction.
_HEDGE_AFTER_WORD = re.compile(r"\s+than\b", re.IGNORECASE)
#: Direction stated right after the figure: "20 percent more", "a 19% increase", "13% trade growth".
_DIRECTION_AFTER = re.compile(
    r"\s*(?:[\w-]+\s+)?(?:(?P<up>higher|more|up|increase|growth|rise|jump|gain|upturn)"
    r"|(?P<down>lower|less|down|decrease|decline|drop|fall|reduction))\b",
    re.IGNORECASE,
)
#: A percentage that states a level, not a change: "to 30%", "at 5%", "share of 40%", a part of a whole
#: ("making up 15%", "accounting for 8%", "or 8% of all imports").
_LEVEL_BEFORE = re.compile(r"\b(?:to|at|share\s+of|of\s+the|making\s+up|makes?\s+up|made\s+up|accounting\s+for"
                           r"|accounts?\s+for|accounted\s+for|constitut(?:ing|es?|ed)|representing|comprising|or)"
                           # ("made up almost 69%": a hedged share)
                           r"(?:\s+(?:almost|nearly|about|around|over|some|roughly|approximately|just|more\s+than"
                           r"|less\s+than))?\s*$",
                           re.IGNORECASE)

_LESS_OR_MORE_AFTER = re.compile(r"\s*(?:less|more|lower|higher)\b", re.IGNORECASE)

_TIMES = Words(
    rf"(?<![\w.,])(?P<n>{NUMBER}|{WORD_NUMBER})\s?(?:-\s?)?(?:times\b|fold\b)"
    rf"|\b(?P<w>two|three|four|five|six|seven|eight|nine|ten)fold\b"
)
_PERCENT = Words(rf"(?<![\w.,])(?P<p>{NUMBER})\s?(?:%|percent\b|per\s+cent\b|pct\b)"
                 rf"|(?<![\w.,-])(?P<w>{WORD_NUMBER})\s(?:percent\b|per\s+cent\b)")  # "by four percent"
_MULTIPLYING_VERB = Words(
    r"\b(?:(?P<x2>doubl(?:ed|ing|es|e))|(?P<x3>tripl(?:ed|ing|es|e))|(?P<x4>quadrupl(?:ed|ing|es|e))"
    r"|(?P<half>halv(?:ed|ing|es|e))|(?P<twice>twice))\b"
)
_FRACTION = Words(
    r"\bby\s+(?:(?:more\s+than|almost|nearly|about|over|roughly)\s+)?(?P<f>(?:a|one)[\s-]third|(?:a|one)[\s-]quarter"
    r"|half|one[\s-]half|two[\s-]thirds)\b"
)
_FRACTIONS = {"third": 1 / 3, "quarter": 0.25, "half": 0.5, "thirds": 2 / 3}
_WORD_MULTIPLES = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

#: How far back (characters) a direction word may stand from its figure.
DIRECTION_WINDOW = 160


#: "by" right before a percentage, with the hedge news puts between: "by 5%", "by almost 5%", "by more than 20%".
_BY_BEFORE = re.compile(r"\bby\s+(?:(?:almost|nearly|about|around|some|over|approximately|roughly|(?:more|less)\s+than)"
                        r"\s+)?$", re.IGNORECASE)
_DASH_BEFORE = re.compile(r"\s[-–—]\s*$")
#: The lower end of a range of percentages right before a number: "12-15 percent", "85 to 90%".
_RANGE_BEFORE = re.compile(r"\d\s?(?:[-–]|to)\s?$")


@dataclass
class Growth:
    """A growth expression and its ratio (value / prior value)."""

    start: int
    end: int
    ratio: float


def _with_by(text: str, start: int, floor: int) -> int:
    """Start the span at a directly preceding "by", so the anchor reads "by 82.6%"."""
    m = _BY_BEFORE.search(text, max(floor, start - 24), start)
    return m.start() if m else start


def change_direction(text: str, start: int, end: int, floor: int, ceiling: int) -> str | None:
    """"up", "down" or None: the direction of an absolute change written at ``text[start:end]``."""
    return _direction(text, start, end, floor, ceiling)


def _direction(text: str, start: int, end: int, floor: int, ceiling: int, same_clause: bool = False) -> str | None:
    """"up", "down" or None: the change word after the figure, else the nearest one before it.

    With ``same_clause`` the word before must stand in the figure's own clause
    (no comma or bracket between): a percentage far from its verb is usually a share.
    """
    after = _DIRECTION_AFTER.match(text, end, min(ceiling, end + 40))
    if after:
        return "up" if after.group("up") else "down"
    sign = text[start - 1:start] if start > floor else ""
    if sign == "+" or (sign in ("-", "−", "–") and text[start - 2:start - 1] in ("(", " ", "")):
        return "up" if sign == "+" else "down"
    left_floor = max(floor, start - DIRECTION_WINDOW)
    if same_clause:
        cut = max(text.rfind(ch, left_floor, start) for ch in ",;:()")
        left_floor = max(left_floor, cut + 1)
    last = None
    for m, shift in _DIRECTION.finditer(text, left_floor, start):
        if m.group().lower() in ("more", "less") and _HEDGE_AFTER_WORD.match(text, m.end() + shift):
            continue
        last = m
    if last is None:
        return None
    return "up" if last.group("up") else "down"


def _ratio(multiple: float, direction: str) -> float:
    return round(multiple if direction == "up" else 1.0 / multiple, 4)


def find_growth(text: str, start: int, end: int) -> list[Growth]:
    """Every growth expression in the sentence ``text[start:end]`` with its ratio.

    Each pattern runs only when the words it needs are in the sentence at all.
    """
    found: list[Growth] = []
    lower = text[start:end].lower()
    times = "times" in lower or "fold" in lower
    percent = "%" in lower or "per" in lower or "pct" in lower
    verbs = any(map(lower.__contains__, ("doubl", "tripl", "quadrupl", "halv", "twice")))
    fractions = "by " in lower and any(map(lower.__contains__, ("third", "quarter", "half")))
    for m, shift in _TIMES.finditer(text, start, end) if times else ():
        a, b = m.start() + shift, m.end() + shift
        written = m.group("n") or m.group("w")
        multiple = parse_number(written) if m.group("n") else float(_WORD_MULTIPLES[written.casefold()])
        direction = _direction(text, a, b, start, end)
        if direction and multiple > 0:
            found.append(Growth(_with_by(text, a, start), b, _ratio(multiple, direction)))
    listed: str | None = None  # the direction of the last "<verb> by N%", for a list that goes on without a verb
    for m, shift in _PERCENT.finditer(text, start, end) if percent else ():
        a, b = m.start() + shift, m.end() + shift
        level = _LEVEL_BEFORE.search(text, max(start, a - 20), a)
        if level and level.group().lower().startswith("or") and _LESS_OR_MORE_AFTER.match(text, b, end):
            level = None  # "$1 million or 10 percent less": the change again, as a percentage
        if level or _RANGE_BEFORE.search(text, max(start, a - 8), a):
            continue  # a level, or the upper end of a range ("grew 12-15 percent"): no one ratio is stated
        direction = _direction(text, a, b, start, end, same_clause=True)
        by = _BY_BEFORE.search(text, max(start, a - 24), a) is not None
        if direction is None and by:
            direction = listed  # "exports of grain rose by 13%, of oil by 5%": the list shares its verb
        elif direction is None and listed and _DASH_BEFORE.search(text, max(start, a - 4), a):
            direction = listed  # "grapes - by 178 percent, pomegranates - 17 percent": the list goes on
        elif by:
            listed = direction
        pct = parse_number(m.group("p") or m.group("w"))
        if direction == "up":
            found.append(Growth(_with_by(text, a, start), b, round(1 + pct / 100, 4)))
        elif direction == "down" and pct < 100:
            found.append(Growth(_with_by(text, a, start), b, round(1 - pct / 100, 4)))
    for m, shift in _MULTIPLYING_VERB.finditer(text, start, end) if verbs else ():
        a, b = m.start() + shift, m.end() + shift
        if m.group("twice"):
            direction = _direction(text, a, b, start, end)
            if direction:
                found.append(Growth(a, b, _ratio(2.0, direction)))
            continue
        ratio = 2.0 if m.group("x2") else 3.0 if m.group("x3") else 4.0 if m.group("x4") else 0.5
        found.append(Growth(a, b, ratio))
    for m, shift in _FRACTION.finditer(text, start, end) if fractions else ():
        a, b = m.start() + shift, m.end() + shift
        direction = _direction(text, a, a, start, end) or "up"
        share = _FRACTIONS[m.group("f").lower().split()[-1].split("-")[-1]]
        found.append(Growth(a, b, round(1 + share if direction == "up" else 1 - share, 4)))
    return sorted(found, key=lambda g: g.start)

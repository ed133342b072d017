"""Paragraphs and sentences as spans of the original text.

A quote must be an exact slice of the document, so nothing here rewrites text:
every unit is a ``(start, end)`` pair into ``doc.text``. News files come in two
shapes: one paragraph per line, or hard-wrapped lines inside a paragraph (a line
ends mid-sentence and the next continues it). A newline is a paragraph break
unless it is such a continuation.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple


class Span(NamedTuple):
    """A stretch of the text, ``text[start:end]``: a paragraph or a sentence.

    A named tuple rather than a dataclass: one is built for every sentence read, and a
    tuple is the cheapest immutable record Python builds.
    """

    start: int
    end: int


#: Last characters of a line that ends a sentence or a heading-like unit.
_TERMINAL = frozenset(".!?:;\"”’»)]")
#: The next line continues the previous one (lower-case word, figure or currency).
_CONTINUES = re.compile(r"\s*[a-z0-9$(%]")
#: Where one sentence ends and the next begins, inside a paragraph; also where a page lost the space after a full stop
#: ("... of Commerce.This first position ...", "in 2023.Total"): a lower-case word or a number, the stop, a capitalised word.
_BOUNDARY = re.compile(r"([.!?])([\"”’»)\]]*)(?:\s+(?=[\"“‘«(\[]?[A-Z0-9$])|(?<=[a-z0-9][a-z0-9][.!?])(?=[A-Z][a-z][a-z]))")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
#: Everything up to the last character that cannot belong to a word such as "Dr" or "U.S": what follows is the word.
_UP_TO_WORD = re.compile(r"(?s:.*[^\w.])?")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
#: Words after which a full stop is not a sentence end.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jan feb mar apr jun jul aug sep sept oct nov dec no vs etc e.g i.e inc ltd co corp "
    "gen gov sen rep jr sr art fig approx est".split()
)


#: A non-blank line trimmed of the whitespace around it: from its first character that is not a space to its last.
#: ``\s`` is what ``str.strip`` strips (both use the same test of whitespace), and only "\n" ends a line.
_TRIMMED_LINE = re.compile(r"\S(?:[^\n]*\S)?")


def _lines(text: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of the non-blank lines of ``text[start:]``, trimmed of surrounding whitespace.

    One pattern scan: quicker than splitting the text into lines and stripping each.
    """
    return [m.span() for m in _TRIMMED_LINE.finditer(text, start)]


def paragraphs(text: str, start: int = 0) -> list[Span]:
    """Paragraph spans: lines joined where a line break only wraps a sentence.

    A break is a wrap when the line does not end a sentence and the next line is
    directly below it (no blank line) and either starts in lower case or the
    document wraps its lines elsewhere too.
    """
    return [Span(a, b) for a, b in paragraph_bounds(text, start)]


def paragraph_bounds(text: str, start: int = 0) -> list[tuple[int, int]]:
    """``paragraphs`` as (start, end) pairs: the extractor makes a span only of the few paragraphs it reads."""
    lines = _lines(text, start)
    if not lines:
        return []
    following = lines[1:]
    wraps = [_wraps(text, end, below) for (_, end), (below, _) in zip(lines, following)]
    if not any(wraps):
        return lines  # one paragraph a line, as most articles are written
    continues = [wrap and _CONTINUES.match(text, below) is not None for wrap, (below, _) in zip(wraps, following)]
    hard_wrapped = sum(continues) >= 2
    out = []
    current_start, current_end = lines[0]
    for wrap, continued, (line_start, line_end) in zip(wraps, continues, following):
        if wrap and (hard_wrapped or continued):
            current_end = line_end
        else:
            out.append((current_start, current_end))
            current_start, current_end = line_start, line_end
    out.append((current_start, current_end))
    return out


def _wraps(text: str, line_end: int, below: int) -> bool:
    """Whether the line starting at ``below`` sits right below the one ending at ``line_end``, cut mid-sentence."""
    return text[line_end - 1] not in _TERMINAL and text.count("\n", line_end, below) == 1


def _word_before(text: str, dot: int, floor: int) -> str:
    """The word (letters, digits, inner dots) right before the full stop at ``dot``, at most 20 characters back.

    Searching for ``_WORD_BEFORE`` tries every start in the window, each running to
    its end; matching from the window's start up to the word is one pass. Its "$"
    also matches before a final line break, the one case left to it.
    """
    low = max(floor, dot - 20)
    if text[dot - 1:dot] == "\n":
        m = _WORD_BEFORE.search(text, low, dot)
        return m.group(1) if m else ""
    return text[_UP_TO_WORD.match(text, low, dot).end():dot]


#: No abbreviation is longer than this, and every dotted one ("U.S", "e.g") ends in a one-letter part.
_LONGEST_ABBREVIATION = max(map(len, ABBREVIATIONS))


def _is_abbreviation(text: str, dot: int, floor: int) -> bool:
    span = _LONGEST_ABBREVIATION + 1
    if dot - span >= floor and text[dot - span:dot].isalnum():
        return False  # the word before is longer than any abbreviation and ends in more than one letter: most ends
    word = _word_before(text, dot, floor)
    if not word:
        return False
    if len(word) == 1 and word.isupper():
        return True  # an initial: "S. Korea", "J. Smith"
    if "." in word and _DOTTED.fullmatch(word):
        return True  # "U.S", "e.g"
    return word.lower() in ABBREVIATIONS


#: A sentence that only goes on with the ranking of the one before it.
_FOLLOWED_BY = ("Followed by ", "Followed closely by ")


def sentences(text: str, para: Span) -> Iterator[Span]:
    """Sentence spans inside one paragraph span."""
    start = para.start
    for m in _BOUNDARY.finditer(text, para.start, para.end):
        if m.group(1) == "." and _is_abbreviation(text, m.start(1), start):
            continue
        if m.group(1) == "." and text.startswith(_FOLLOWED_BY, m.end()):
            continue  # "... fell to Russia ($454.6 million). Followed by Turkey ($278.6 million)": one list, cut badly
        end = m.end(2)
        if end > start:
            yield Span(start, end)
        start = m.end()
    if start < para.end:
        yield Span(start, para.end)

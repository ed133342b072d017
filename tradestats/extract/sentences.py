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
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    start: int
    end: int


_LINE = re.compile(r"[^\n]+")
#: Last characters of a line that ends a sentence or a heading-like unit.
_TERMINAL = frozenset(".!?:;\"”’»)]")
#: The next line continues the previous one (lower-case word, figure or currency).
_CONTINUES = re.compile(r"\s*[a-z0-9$(%]")
#: Where one sentence ends and the next begins, inside a paragraph.
_BOUNDARY = re.compile(r"([.!?])([\"”’»)\]]*)\s+(?=[\"“‘«(\[]?[A-Z0-9$])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
#: Words after which a full stop is not a sentence end.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jan feb mar apr jun jul aug sep sept oct nov dec no vs etc e.g i.e inc ltd co corp "
    "gen gov sen rep jr sr art fig approx est".split()
)


def _lines(text: str, start: int) -> list[Span]:
    """Non-blank lines of ``text[start:]``, trimmed of surrounding whitespace."""
    out = []
    for m in _LINE.finditer(text, start):
        line = m.group()
        stripped = line.strip()
        if stripped:
            a = m.start() + len(line) - len(line.lstrip())
            out.append(Span(a, a + len(stripped)))
    return out


def paragraphs(text: str, start: int = 0) -> list[Span]:
    """Paragraph spans: lines joined where a line break only wraps a sentence.

    A break is a wrap when the line does not end a sentence and the next line is
    directly below it (no blank line) and either starts in lower case or the
    document wraps its lines elsewhere too.
    """
    lines = _lines(text, start)
    if not lines:
        return []
    wrapped_lines = 0
    for a, b in zip(lines, lines[1:]):
        wrapped_lines += _wraps(text, a, b) and _CONTINUES.match(text, b.start) is not None
        if wrapped_lines >= 2:
            break
    hard_wrapped = wrapped_lines >= 2
    out = []
    current = lines[0]
    for previous, line in zip(lines, lines[1:]):
        if _wraps(text, previous, line) and (hard_wrapped or _CONTINUES.match(text, line.start)):
            current = Span(current.start, line.end)
        else:
            out.append(current)
            current = line
    out.append(current)
    return out


def _wraps(text: str, line: Span, following: Span) -> bool:
    """Whether ``following`` sits right below ``line`` and ``line`` stops mid-sentence."""
    return text.count("\n", line.end, following.start) == 1 and text[line.end - 1] not in _TERMINAL


def _is_abbreviation(text: str, dot: int, floor: int) -> bool:
    m = _WORD_BEFORE.search(text, max(floor, dot - 20), dot)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "S. Korea", "J. Smith"
    if _DOTTED.fullmatch(word):
        return True  # "U.S", "e.g"
    return word.lower() in ABBREVIATIONS


def sentences(text: str, para: Span) -> Iterator[Span]:
    """Sentence spans inside one paragraph span."""
    start = para.start
    for m in _BOUNDARY.finditer(text, para.start, para.end):
        if m.group(1) == "." and _is_abbreviation(text, m.start(1), start):
            continue
        end = m.end(2)
        if end > start:
            yield Span(start, end)
        start = m.end()
    if start < para.end:
        yield Span(start, para.end)

"""Case-insensitive word patterns that keep the regex engine's fast scan.

A pattern of case-insensitive word alternatives ("increased|grew|rose") makes
Python's regex engine try every position of the text; the same pattern written
in lower case and compiled case-sensitively lets it jump between possible first
letters, several times faster. So such patterns run on ``text[start:end].lower()``
and their offsets are shifted back to ``text``. Lower-casing keeps offsets for
all but a few letters (such as the Turkish dotted capital I); for text holding
those, the case-insensitive pattern runs on the original instead.

``CaselessWords`` goes further for words looked for in whole paragraphs: the
pattern is tried only where ``str.find`` sees one of the words begin.
"""
from __future__ import annotations

import re
from collections.abc import Iterator


class Words:
    """A case-insensitive pattern of words, run on the lower-cased text when that keeps every offset.

    Case-insensitive word alternatives defeat the regex engine's fast scan; the
    same pattern, written in lower case and compiled case-sensitively, runs on
    ``text[start:end].lower()`` several times faster. Match offsets are shifted
    back to ``text``.
    """

    def __init__(self, pattern: str):
        self.lowered = re.compile(pattern.replace("(?i:", "(?:"))
        self.any_case = re.compile(pattern, re.IGNORECASE)

    def finditer(self, text: str, start: int, end: int) -> list[tuple[re.Match, int]]:
        """(match, shift) pairs: ``match.start() + shift`` is the offset in ``text``."""
        lower = text[start:end].lower()
        if len(lower) == end - start:
            return [(m, start) for m in self.lowered.finditer(lower)]
        return [(m, 0) for m in self.any_case.finditer(text, start, end)]

    def search(self, text: str, start: int, end: int) -> int | None:
        """Offset in ``text`` of the first match, or None."""
        lower = text[start:end].lower()
        if len(lower) == end - start:
            m = self.lowered.search(lower)
            return None if m is None else m.start() + start
        m = self.any_case.search(text, start, end)
        return None if m is None else m.start()


#: Letters that case-insensitive matching equates with ASCII ones but lower-casing leaves as they are.
_FOLDED_ONLY_BY_REGEX = ("ı", "ſ")  # dotless i, long s


def is_word_char(ch: str) -> bool:
    """Whether the one character ``ch`` is what ``\\w`` matches."""
    return ch.isalnum() or ch == "_"


class CaselessWords:
    """Words that begin at a word boundary, found exactly as ``\\b(?:words)`` compiled case-insensitively finds them.

    Every match must begin with one of ``starts`` (lower case): "export" for
    "exports?|exported". Scanning a paragraph with the regex engine costs far more
    than finding those few words in it with ``str.find``, so the pattern, in lower
    case and without its leading boundary, is only tried where one of them occurs
    in the lower-cased text, left to right, skipping what an earlier match took;
    the boundary is checked on the original text. That yields the same matches as
    the whole pattern run over the text. Where lower-casing would move an offset or
    change what matches (dotless i, long s), the case-insensitive pattern runs instead.
    """

    def __init__(self, words: str, starts: tuple[str, ...], gated: tuple[str, tuple[str, ...]] | None = None):
        """``gated`` is (word, more starts): every match that opens with one of those starts holds the word, so
        they are looked for only in a stretch that holds it ("main", "top", "key" of "main trading partner")."""
        self.lowered = re.compile(words)
        self.any_case = re.compile(rf"\b(?:{words})", re.IGNORECASE)
        self.starts = starts
        self.gate, gated_starts = gated or ("", ())
        self.all_starts = starts + gated_starts

    def finditer(self, text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
        """(start, end, matched words in lower case) of each match in ``text[start:end]``; offsets in ``text``."""
        lower = text[start:end].lower()
        if len(lower) != end - start or any(map(lower.__contains__, _FOLDED_ONLY_BY_REGEX)):
            for m in self.any_case.finditer(text, start, end):
                yield m.start(), m.end(), m.group().lower()
            return
        taken = 0
        starts = self.all_starts if self.gate in lower else self.starts
        for i in sorted(_occurrences(lower, starts)):
            if i < taken:
                continue  # inside the previous match
            m = self.lowered.match(lower, i)
            at = start + i
            if m is not None and (at == 0 or not is_word_char(text[at - 1])):
                yield at, start + m.end(), m.group()
                taken = m.end()


def _occurrences(text: str, words: tuple[str, ...]) -> list[int]:
    """Every offset in ``text`` where one of ``words`` begins."""
    found = []
    for word in words:
        i = text.find(word)
        while i != -1:
            found.append(i)
            i = text.find(word, i + 1)
    return found

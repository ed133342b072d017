"""Case-insensitive word patterns that keep the regex engine's fast scan.

A pattern of case-insensitive word alternatives ("increased|grew|rose") makes
Python's regex engine try every position of the text; the same pattern written
in lower case and compiled case-sensitively lets it jump between possible first
letters, several times faster. So such patterns run on ``text[start:end].lower()``
and their offsets are shifted back to ``text``. Lower-casing keeps offsets for
all but a few letters (such as the Turkish dotted capital I); for text holding
those, the case-insensitive pattern runs on the original instead.
"""
from __future__ import annotations

import re


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

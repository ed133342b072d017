"""The candidate record: what the extractor proposes for one statement."""
from __future__ import annotations

import hashlib
from dataclasses import astuple, dataclass, fields


def candidate_id(source_id: str, table: str, anchor_start: int, anchor_end: int) -> str:
    """A stable id: the same figure in the same text gets the same id on every run.

    The anchor is the span of the figure itself (the money expression such as
    ``$987.9 million``, or the growth expression such as ``2.1 times`` when no
    value is given), not the extracted field values: an improved extractor that
    reads a period differently keeps the id, so a keeper's decision stays attached.
    """
    digest = hashlib.sha1(f"{source_id}|{table}|{anchor_start}|{anchor_end}".encode()).hexdigest()
    return "c" + digest[:12]


@dataclass(frozen=True)
class Candidate:
    """One proposed row. Column names and order are the candidates-table contract."""

    candidate_id: str
    source_id: str
    table: str  # turnover | exports | imports | commodities
    reporter: str  # ISO 3166-1 alpha-3 or bloc code
    partner: str
    flow: str  # "" for turnover/exports/imports; export | import | turnover for commodities
    period_start: str  # ISO date or ""
    period_end: str
    value: float | None
    unit: str  # ISO 4217, "t" or "kg"; "" when no value and no change_value
    qualifier: str  # exact | approx | over | under; "" when no value
    growth_ratio: float | None
    commodity: str
    hs_code: str
    change_value: float | None
    char_start: int  # the quote's span in the document text
    char_end: int
    quote: str

    @classmethod
    def columns(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    def row(self) -> tuple:
        return astuple(self)

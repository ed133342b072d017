"""The candidate table the extract stage writes: a contract other tools read.

``flow`` and ``commodity`` are required in the commodities table but empty in a
candidate for turnover, exports or imports, so here they are optional.
"""
from dataclasses import replace

from schemas.fields import FIELDS, pick
from schemas.model import Table

TABLE = Table(
    "candidates",
    "Extracted candidates",
    "Every statement that looks like a trade statistic, proposed by the extractor for a keeper to review.",
    pick("candidate_id", "source_id", "table", "reporter", "partner")
    + (replace(FIELDS["flow"], required=False),)
    + pick("period_start", "period_end", "value", "unit", "qualifier", "growth_ratio")
    + (replace(FIELDS["commodity"], required=False),)
    + pick("hs_code", "change_value", "char_start", "char_end", "quote"),
    primary_key=("candidate_id",),
)

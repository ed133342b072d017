"""Dismissed figures: flagged figures a keeper judged not to be trade statistics.

The twin of ``rejected.csv`` for figures no candidate proposed. The sentence is kept
(``quote``) so a dismissal covers its figure only while the article still says the
same words there.
"""
from dataclasses import replace

from schemas.fields import FIELDS, pick
from schemas.model import Table

TABLE = Table(
    "dismissed",
    "Dismissed figures",
    "Figures flagged for review that a keeper judged not to be trade statistics, with the reason.",
    pick("figure_id", "source_id", "text", "quote")
    + (replace(FIELDS["reason"], description="Why a keeper judged the figure not to be a trade statistic (a "
               "target, a contract, an aid shipment, a price)."),),
    primary_key=("figure_id",),
)

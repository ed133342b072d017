"""The figures table the extract stage writes beside the candidates: every money amount and
quantity in every article, and whether a keeper must look at it.

The candidates are what the extractor understood; this table is everything the articles
state, so a figure the extractor did not understand still reaches the keeper
(``needs_review``) instead of silently never being published.
"""
from dataclasses import replace

from schemas.fields import FIELDS, pick
from schemas.model import Table

TABLE = Table(
    "figures",
    "Stated figures",
    "Every money amount and quantity in every article, with the candidate that uses it, if any.",
    pick("figure_id", "source_id")
    + (replace(FIELDS["char_start"], description="Offset of the figure's first character in the source text."),
       replace(FIELDS["char_end"], description="Offset one past the figure's last character."))
    + pick("text")
    + (replace(FIELDS["value"], minimum=None), replace(FIELDS["unit"], required=True))
    + pick("sentence_start", "sentence_end")
    + (replace(FIELDS["candidate_id"], required=False, unique=False,
               description="The candidate that uses the figure; empty when none does."),)
    + pick("needs_review"),
    primary_key=("figure_id",),
)

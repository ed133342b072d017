"""Harmonized System codes the commodity lexicon maps terms to."""
from dataclasses import replace

from schemas.fields import FIELDS
from schemas.model import Table

TABLE = Table(
    "hs_codes",
    "Harmonized System codes",
    "The HS codes (2, 4 or 6 digits) that commodity terms map to in reference/commodities.csv.",
    (replace(FIELDS["hs_code"], required=True, unique=True), FIELDS["hs_description"]),
    primary_key=("hs_code",),
)

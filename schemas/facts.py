"""The column layout shared by the four fact tables.

The hand-kept tables in ``validated/`` and the published ones have the same
columns: how a row was reviewed (``review``) and, for a correction, the
extractor's original values (``corrected_from``) travel with the figure, so a
reader can see which numbers a person changed and from what.
"""
from schemas.fields import pick
from schemas.model import ForeignKey, Table

LEAD = ("fact_id", "reporter", "partner", "period_start", "period_end", "value", "unit", "qualifier", "growth_ratio")
COMMODITY = ("flow", "commodity", "hs_code", "change_value")
PROVENANCE = ("source_id", "quote", "char_start", "char_end", "note", "review", "corrected_from")

SOURCE_LINK = ForeignKey("source_id", "sources", "source_id")
#: Codes link to the published reference tables, so `frictionless validate` checks them too.
COUNTRY_LINKS = (ForeignKey("reporter", "countries", "code"), ForeignKey("partner", "countries", "code"))
HS_LINK = ForeignKey("hs_code", "hs_codes", "hs_code")


def fact_table(name: str, title: str, description: str, commodity: bool = False) -> Table:
    columns = LEAD + (COMMODITY if commodity else ()) + PROVENANCE
    links = (SOURCE_LINK, *COUNTRY_LINKS) + ((HS_LINK,) if commodity else ())
    return Table(name, title, description, pick(*columns), primary_key=("fact_id",), foreign_keys=links)

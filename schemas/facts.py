"""The column layout shared by the four fact tables, and their hand-kept variant."""
from schemas.fields import pick
from schemas.model import ForeignKey, Table

LEAD = ("fact_id", "reporter", "partner", "period_start", "period_end", "value", "unit", "qualifier", "growth_ratio")
COMMODITY = ("flow", "commodity", "hs_code", "change_value")
PROVENANCE = ("source_id", "quote", "char_start", "char_end", "note")
#: Columns a hand-kept table in ``validated/`` has beyond the published ones.
REVIEW = ("review", "corrected_from")

SOURCE_LINK = ForeignKey("source_id", "sources", "source_id")


def fact_table(name: str, title: str, description: str, commodity: bool = False) -> Table:
    columns = LEAD + (COMMODITY if commodity else ()) + PROVENANCE
    return Table(name, title, description, pick(*columns), primary_key=("fact_id",), foreign_keys=(SOURCE_LINK,))


def validated_table(published: Table) -> Table:
    """The hand-kept table in ``validated/``: the published columns plus how each row was reviewed."""
    return published.extended(
        published.name,
        pick(*REVIEW),
        f"Hand-validated rows of `{published.name}`: every row was accepted, corrected or added by a keeper.",
    )

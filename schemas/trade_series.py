"""The reconciled series: one value per flow, pair of economies, period and unit."""
from schemas.facts import COUNTRY_LINKS
from schemas.fields import pick
from schemas.model import ForeignKey, Table

TABLE = Table(
    "trade_series",
    "Reconciled bilateral trade series",
    "One row per reporter/partner (turnover: unordered, the pair in alphabetical order), flow, period and unit, "
    "with the value chosen among all sources that state it, how many did, which fact was chosen and by which rule. "
    "Where a source states a value and a growth ratio but not the prior-period value, the implied prior value is "
    "published as derived.",
    pick("series_id", "flow", "reporter", "partner", "period_start", "period_end", "as_of", "value", "unit", "qualifier",
         "basis", "sources", "rule", "method", "turnover_fact_id", "exports_fact_id", "imports_fact_id",
         "fact_ids"),
    primary_key=("series_id",),
    foreign_keys=(
        *COUNTRY_LINKS,
        ForeignKey("turnover_fact_id", "turnover", "fact_id"),
        ForeignKey("exports_fact_id", "exports", "fact_id"),
        ForeignKey("imports_fact_id", "imports", "fact_id"),
    ),
)

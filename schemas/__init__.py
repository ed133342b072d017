"""Every table of the project: published fact tables, their hand-kept variants, and the rest.

``PUBLISHED`` is the order resources appear in ``datapackage.json``.
"""
from schemas import (candidates, commodities, countries, dismissed, exports, figures, hs_codes, imports, rejected,
                     sources, trade_series, turnover)
from schemas.model import Field, ForeignKey, Table

FACT_TABLES: dict[str, Table] = {m.TABLE.name: m.TABLE for m in (turnover, exports, imports, commodities)}
#: The hand-kept tables in ``validated/`` have exactly the published columns.
VALIDATED: dict[str, Table] = FACT_TABLES
SOURCES: Table = sources.TABLE
CANDIDATES: Table = candidates.TABLE
REJECTED: Table = rejected.TABLE
FIGURES: Table = figures.TABLE
DISMISSED: Table = dismissed.TABLE
SERIES: Table = trade_series.TABLE
COUNTRIES: Table = countries.TABLE
HS_CODES: Table = hs_codes.TABLE
PUBLISHED: dict[str, Table] = {**FACT_TABLES, "sources": SOURCES, "trade_series": SERIES,
                               "countries": COUNTRIES, "hs_codes": HS_CODES}

__all__ = ["CANDIDATES", "COUNTRIES", "DISMISSED", "FIGURES", "FACT_TABLES", "HS_CODES", "PUBLISHED", "REJECTED", "SERIES", "SOURCES", "VALIDATED", "Field", "ForeignKey", "Table"]

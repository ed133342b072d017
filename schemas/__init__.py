"""Every table of the project: published fact tables, their hand-kept variants, and the rest.

``PUBLISHED`` is the order resources appear in ``datapackage.json``.
"""
from schemas import candidates, commodities, exports, imports, rejected, sources, trade_series, turnover
from schemas.facts import validated_table
from schemas.model import Field, ForeignKey, Table

FACT_TABLES: dict[str, Table] = {m.TABLE.name: m.TABLE for m in (turnover, exports, imports, commodities)}
VALIDATED: dict[str, Table] = {name: validated_table(t) for name, t in FACT_TABLES.items()}
SOURCES: Table = sources.TABLE
CANDIDATES: Table = candidates.TABLE
REJECTED: Table = rejected.TABLE
SERIES: Table = trade_series.TABLE
PUBLISHED: dict[str, Table] = {**FACT_TABLES, "sources": SOURCES, "trade_series": SERIES}

__all__ = ["CANDIDATES", "FACT_TABLES", "PUBLISHED", "REJECTED", "SERIES", "SOURCES", "VALIDATED", "Field", "ForeignKey", "Table"]

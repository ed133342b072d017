from schemas.facts import fact_table

TABLE = fact_table(
    "commodities",
    "Bilateral trade by commodity",
    "A named product line traded between two economies, with its value, quantity, absolute change or growth, "
    "as stated in a news article.",
    commodity=True,
)

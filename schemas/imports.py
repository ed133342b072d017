from schemas.facts import fact_table

TABLE = fact_table(
    "imports",
    "Bilateral imports",
    "Goods imported by the reporter from the partner over a period, as stated in a news article.",
)

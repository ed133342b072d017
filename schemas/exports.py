from schemas.facts import fact_table

TABLE = fact_table(
    "exports",
    "Bilateral exports",
    "Goods exported by the reporter to the partner over a period, as stated in a news article.",
)

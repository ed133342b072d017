from schemas.facts import fact_table

TABLE = fact_table(
    "turnover",
    "Bilateral trade turnover",
    "Total trade (exports plus imports) between two economies over a period, as stated in a news article.",
)

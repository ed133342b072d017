from schemas.fields import pick
from schemas.model import Table

TABLE = Table(
    "rejected",
    "Rejected candidates",
    "Candidates a keeper judged not to be trade statistics, with the reason; kept so no decision is lost.",
    pick("candidate_id", "source_id", "quote", "reason"),
    primary_key=("candidate_id",),
)

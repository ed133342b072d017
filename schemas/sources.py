from schemas.fields import pick
from schemas.model import Table

TABLE = Table(
    "sources",
    "Source articles",
    "The news articles the facts were read from, with a checksum of the exact text the offsets index.",
    pick("source_id", "published", "title", "url", "publisher", "sha256", "characters"),
    primary_key=("source_id",),
)

"""Economies a fact can name, published so a consumer can check and label codes."""
from schemas.fields import pick
from schemas.model import Table

TABLE = Table(
    "countries",
    "Economies",
    "ISO 3166-1 alpha-3 codes and the blocs the dataset uses (EUU European Union, EAEU Eurasian Economic Union, "
    "WLD world), from reference/countries.csv.",
    pick("code", "name"),
    primary_key=("code",),
)

"""Every column of the project, declared once.

Tables in this package pick columns from here by name; the pandera and the
Frictionless schemas are generated from these declarations (see
:mod:`schemas.model`), and so is the README's data dictionary.
"""
from schemas.model import Field

ISO_DATE = "YYYY-MM-DD"
COUNTRY_PATTERN = r"[A-Z]{3,4}"
ID_PATTERN = r"[a-z][0-9a-f]{12}"

FIELDS: dict[str, Field] = {
    f.name: f
    for f in (
        Field("fact_id", "string", "Stable identifier of the fact: the candidate id it was accepted from "
              "(`c` + 12 hex digits), or `h` + 12 hex digits for a fact a keeper added by hand.",
              required=True, unique=True, pattern=ID_PATTERN, example="c3f1a9e07b2d4"),
        Field("candidate_id", "string", "Stable identifier of an extracted candidate: a hash of the source, "
              "the table and the position of the figure in the text, so re-extracting unchanged text gives the same id.",
              required=True, unique=True, pattern=ID_PATTERN),
        Field("table", "string", "Which fact table a candidate proposes a row for.", required=True,
              enum=("turnover", "exports", "imports", "commodities")),
        Field("reporter", "string", "ISO 3166-1 alpha-3 code of the reporting economy (whose exports or imports). "
              "Turnover has no direction: a published turnover pair is in alphabetical order, reporter first, in "
              "facts and series alike (`validated/turnover.csv` keeps the order the article names them). Blocs: EUU (European Union), EAEU (Eurasian Economic Union), "
              "WLD (world).", required=True, pattern=COUNTRY_PATTERN, reference="countries.csv:code", example="KAZ"),
        Field("partner", "string", "ISO 3166-1 alpha-3 code (or bloc code) of the partner economy.",
              required=True, pattern=COUNTRY_PATTERN, reference="countries.csv:code", example="AFG"),
        Field("flow", "string", "Direction of a commodity flow, seen from the reporter.", required=True,
              enum=("export", "import", "turnover")),
        Field("period_start", "date", f"First day of the period the figure covers ({ISO_DATE}); empty when the "
              "text states no period.", example="2022-01-01"),
        Field("period_end", "date", f"Last day of the period ({ISO_DATE}); empty for a year-to-date figure whose "
              "end the text does not state, or when no period is stated.", example="2022-12-31"),
        Field("value", "number", "The figure in full units (987.9 million is 987900000); empty when the text gives "
              "only a growth figure.", minimum=0, example="987900000"),
        Field("unit", "string", "Unit of `value` and `change_value`: an ISO 4217 currency code, `t` for tonnes, "
              "`kg` for kilograms, `m3` for cubic metres (gas), `kWh` for kilowatt-hours (electricity), `l` for "
              "litres or `bbl` for barrels.", pattern=r"[A-Z]{3}|t|kg|m3|kWh|l|bbl", example="USD"),
        Field("qualifier", "string", "How exact the stated value is: exact, approx (about, nearly, close to), "
              "over (more than, exceeded) or under (less than).", enum=("exact", "approx", "over", "under")),
        Field("growth_ratio", "number", "Value divided by the prior-period value, as the text states it "
              "(2.1 times -> 2.1; up 82.6% -> 1.826; down 10% -> 0.9).", minimum=0, example="2.1"),
        Field("commodity", "string", "Product line as written, in lower case.", required=True, example="wheat"),
        Field("hs_code", "string", "Harmonized System code (2, 4 or 6 digits) of the commodity, from "
              "`reference/commodities.csv`; empty when the term is not mapped.", pattern=r"\d{2}(\d{2}(\d{2})?)?",
              reference="commodities.csv:hs_code", example="1001"),
        Field("change_value", "number", "Absolute change of the figure over the prior period, in `unit`, "
              "negative for a fall (rose by $7.5 million -> 7500000; fell by $4.5 million -> -4500000).", example="7500000"),
        Field("source_id", "string", "The article the figure was read from: its file name in `raw/` without `.txt`.",
              required=True, pattern=r"[A-Za-z0-9][A-Za-z0-9_.-]*", example="000_4dbc4086e5c4abe1"),
        Field("quote", "string", "The sentence stating the figure, verbatim from the source.", required=True),
        Field("char_start", "integer", "Offset of the quote's first character in the source text (Unicode "
              "code points, 0-based).", required=True, minimum=0),
        Field("char_end", "integer", "Offset one past the quote's last character: "
              "text[char_start:char_end] == quote.", required=True, minimum=0),
        Field("note", "string", "A keeper's remark: how an ambiguity was resolved."),
        Field("review", "string", "How the row entered the table: accepted as extracted, corrected by a keeper, "
              "or added by hand for a statement the extractor missed.", required=True,
              enum=("accepted", "corrected", "added")),
        Field("corrected_from", "string", "For a corrected row, the extractor's original values of the corrected "
              "fields as `field=value` pairs separated by `; `."),
        Field("reason", "string", "Why a keeper judged the candidate not to be a trade statistic.", required=True),
        Field("figure_id", "string", "Stable identifier of a stated figure: a hash of the source and the "
              "position of the money amount or quantity in the text.", required=True, unique=True,
              pattern=ID_PATTERN, example="f0a1b2c3d4e5f"),
        Field("text", "string", "The figure as written in the article (\"$987.9 million\", \"5,403 tons\").",
              required=True),
        Field("sentence_start", "integer", "Offset of the first character of the sentence the figure stands in.",
              required=True, minimum=0),
        Field("sentence_end", "integer", "Offset one past the last character of the figure's sentence.",
              required=True, minimum=0),
        Field("needs_review", "string", "yes for a figure no candidate uses, in a sentence that speaks of trade "
              "(a keeper must add it as a fact or dismiss it); no otherwise.", required=True, enum=("yes", "no")),
        Field("series_id", "string", "Stable identifier of a series point: a hash of its flow, economies, period "
              "and unit.", required=True, unique=True, pattern=ID_PATTERN),
        Field("as_of", "date", "For a year-to-date figure (a period with no stated end): the publication date of "
              "the source, the day the period ran to at most. Year-to-date figures of different dates are different "
              "statistics."),
        Field("basis", "string", "Whether the value was stated in a source or derived from a stated value and "
              "growth ratio.", required=True, enum=("stated", "derived")),
        Field("sources", "integer", "How many sources state this figure (for a derived value: state the figure it "
              "was derived from).", required=True, minimum=1),
        Field("rule", "string", "Why this fact was chosen among the statements of the same figure: the only "
              "statement; the most precise figure (an exact figure beats an approximate one, $987.9 million beats "
              "$1 billion); a primary statement (beats a comparison value quoted beside a later figure); the most "
              "recent publication; or derived (no source states it).", required=True,
              enum=("only statement", "most precise figure", "primary statement", "most recent publication",
                    "lowest fact id", "derived")),
        Field("method", "string", "For a derived value, how it was computed."),
        Field("turnover_fact_id", "string", "The `turnover` fact the value comes from (or was derived from).",
              pattern=ID_PATTERN),
        Field("exports_fact_id", "string", "The `exports` fact the value comes from (or was derived from).",
              pattern=ID_PATTERN),
        Field("imports_fact_id", "string", "The `imports` fact the value comes from (or was derived from).",
              pattern=ID_PATTERN),
        Field("fact_ids", "string", "Every fact that states this figure (for a derived value: every fact it can be "
              "derived from), separated by spaces, the chosen one first; ids are unique across the fact tables.",
              required=True, pattern=rf"{ID_PATTERN}( {ID_PATTERN})*"),
        Field("code", "string", "ISO 3166-1 alpha-3 code of an economy, or a bloc code (EUU, EAEU, WLD).",
              required=True, unique=True, pattern=COUNTRY_PATTERN, example="KAZ"),
        Field("name", "string", "Short English name of the economy.", required=True, example="Kazakhstan"),
        Field("hs_description", "string", "What the Harmonized System code covers.", required=True),
        Field("published", "date", f"Publication date of the article ({ISO_DATE}).", required=True),
        Field("title", "string", "Headline of the article, when known."),
        Field("url", "string", "Where the article was published, when known."),
        Field("publisher", "string", "Who published the article, when known."),
        Field("sha256", "string", "SHA-256 of the article file's bytes, so a reader can check they have the same text.",
              required=True, pattern=r"[0-9a-f]{64}"),
        Field("characters", "integer", "Length of the article text in characters.", required=True, minimum=0),
    )
}


def pick(*names: str) -> tuple[Field, ...]:
    return tuple(FIELDS[n] for n in names)

"""Phrasing classes met in news the extractor had not seen, on sentences written for these tests.

Each group names one class of phrasing (a currency vocabulary, a product word,
a comparison period, a verb-led statement ...) and pins the reading the
extractor must make of it.
"""
from __future__ import annotations

import pytest

from tests.conftest import candidate_rows, extract_text
from tradestats.extract.lexicon import CURRENCY_TERMS, find_commodities
from tradestats.extract.numbers import find_money


extract, rows = extract_text, candidate_rows


# --- A. currencies from reference/currencies.csv ------------------------------------------------------------------
@pytest.mark.parametrize("written, value, unit", [
    ("3.4 trillion soums", 3.4e12, "UZS"),
    ("1.1 trillion Uzbek soums", 1.1e12, "UZS"),
    ("UZS 900 billion", 900e9, "UZS"),
    ("12 billion som", 12e9, "KGS"),
    ("45 billion Kenyan shillings", 45e9, "KES"),
    ("KES 2.5 billion", 2.5e9, "KES"),
    ("80 billion yuan", 80e9, "CNY"),
    ("6.5 billion Chinese yuan", 6.5e9, "CNY"),
    ("700 million lira", 700e6, "TRY"),
    ("TRY 3bn", 3e9, "TRY"),
    ("25,000 crore rupees", 250e9, "INR"),
    ("₹4,000 crore", 40e9, "INR"),
    ("300 billion yen", 300e9, "JPY"),
    ("£1.2 billion", 1.2e9, "GBP"),
    ("2 billion British pounds", 2e9, "GBP"),
    ("150 million manat", 150e6, "AZN"),
    ("90 million Turkmen manats", 90e6, "TMT"),
    ("8 billion hryvnias", 8e9, "UAH"),
    ("HK$5bn", 5e9, "HKD"),
    ("3 billion Canadian dollars", 3e9, "CAD"),
])
def test_more_currencies(written: str, value: float, unit: str) -> None:
    [amount] = find_money(f"The figure was {written} in total.")
    assert (amount.value, amount.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize("text", [
    "Some companies won contracts in several countries.",
    "Industrial materials and some 30 other items were discussed.",
    "The country will try 5 new approaches.",
])
def test_currency_words_inside_other_words_are_no_money(text: str) -> None:
    assert find_money(text) == []


def test_currency_vocabulary_is_reference_data() -> None:
    assert CURRENCY_TERMS["suffix"]["soums"] == "UZS"
    assert CURRENCY_TERMS["prefix"]["US$"] == "USD"
    assert "USD" in CURRENCY_TERMS["prefix"] and "USD" in CURRENCY_TERMS["suffix"]


def test_a_statement_in_soums() -> None:
    [c] = extract("Kyrgyzstan's exports to Uzbekistan reached 950 billion soums in 2022.")
    assert (c.table, c.reporter, c.partner, c.value, c.unit) == ("exports", "KGZ", "UZB", 950e9, "UZS")


# --- D. product words -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, names", [
    ("palm oil and crude oil", [("palm oil", "1511"), ("crude oil", "2709")]),
    ("soybeans, cherries and seafood", [("soybeans", "1201"), ("cherries", "0809"), ("seafood", "03")]),
    ("lithium carbonate and mineral fuels", [("lithium carbonate", "283691"), ("mineral fuels", "27")]),
    ("machinery and equipment", [("machinery and equipment", "84")]),
])
def test_more_commodity_terms_longest_first(text: str, names: list[tuple[str, str]]) -> None:
    assert [(c.name, c.hs_code) for c in find_commodities(text)] == names


def test_palm_oil_is_not_crude_petroleum() -> None:
    [c] = extract("Exports of palm oil from Kazakhstan to Iran totalled $35 million in 2022.")
    assert (c.table, c.commodity, c.hs_code, c.value) == ("commodities", "palm oil", "1511", 35e6)


# --- B. the period compared against is not the statement's period ------------------------------------------------
def test_growth_on_a_year_names_the_comparison_year() -> None:
    text = "Turkmenistan's exports to Georgia rose to $410 million in 2022, up 6.1% on 2021."
    assert rows(text) == {("exports", "TKM", "GEO", "2022-01-01", "2022-12-31", 410e6, 1.061, "")}


def test_a_comparison_value_with_its_own_period_does_not_set_the_period() -> None:
    text = ("In the first five months of this year, Kyrgyzstan's exports to Turkey totalled $120 million.\n\n"
            "Turkey's imports from Kyrgyzstan were $118 million, compared with $95 million in January-May 2022.\n\n"
            "Kyrgyzstan's imports from Turkey shrank by 4% to $300 million over the same period.")
    found = rows(text)
    assert ("imports", "TUR", "KGZ", "2023-01-01", "2023-05-31", 118e6, None, "") in found
    assert ("imports", "TUR", "KGZ", "2022-01-01", "2022-05-31", 95e6, None, "") in found
    assert ("imports", "KGZ", "TUR", "2023-01-01", "2023-05-31", 300e6, 0.96, "") in found


# --- C. a period carries over a paragraph that states nothing ----------------------------------------------------
def test_period_carries_over_a_remark_paragraph() -> None:
    text = ("Trade between Tajikistan and Iran reached $250 million in January-April 2023.\n\n"
            "Officials of the two countries met 3 times this spring.\n\n"
            "Tajik exports to Iran were $70 million, while imports from Iran stood at $180 million.")
    found = rows(text)
    assert ("exports", "TJK", "IRN", "2023-01-01", "2023-04-30", 70e6, None, "") in found
    assert ("imports", "TJK", "IRN", "2023-01-01", "2023-04-30", 180e6, None, "") in found


def test_the_main_period_carries_over_many_paragraphs() -> None:
    text = ("Trade between Tajikistan and Iran reached $250 million in January-April 2023.\n\n"
            + "A delegation visited 2 factories.\n\n" * 3
            + "Tajik exports to Iran were $70 million.")
    assert ("exports", "TJK", "IRN", "2023-01-01", "2023-04-30", 70e6, None, "") in rows(text)


# --- I. a growth in the next sentence is the growth of the previous figure ---------------------------------------
@pytest.mark.parametrize("remark", [
    "This is 12.5 percent more than in the same period of last year.",
    "That was 12.5% higher than a year earlier.",
])
def test_growth_remark_attaches_to_the_previous_figure(remark: str) -> None:
    for sep in (" ", "\n\n"):
        text = "Trade between Azerbaijan and Turkey amounted to $3.1 billion in the first half of 2023." + sep + remark
        assert rows(text) == {("turnover", "AZE", "TUR", "2023-01-01", "2023-06-30", 3.1e9, 1.125, "")}, sep


def test_growth_remark_does_not_replace_a_stated_growth() -> None:
    text = ("Trade between Azerbaijan and Turkey rose 4% to $3.1 billion in the first half of 2023.\n\n"
            "This is 12.5 percent more than in the same period of last year.")
    assert {r[6] for r in rows(text) if r[5] == 3.1e9} == {1.04}


def test_a_value_recalled_for_the_compared_year() -> None:
    text = ("Trade between Armenia and Georgia reached $1.4 billion in 2022.\n\n"
            "That was 9.5% higher than in 2021, when trade between the neighbours totalled $1.28 billion.\n\n"
            "Armenian exports to Georgia rose to $400 million.")
    assert rows(text, "2023-03-01") == {
        ("turnover", "ARM", "GEO", "2022-01-01", "2022-12-31", 1.4e9, 1.095, ""),
        ("turnover", "ARM", "GEO", "2021-01-01", "2021-12-31", 1.28e9, None, ""),
        ("exports", "ARM", "GEO", "2022-01-01", "2022-12-31", 400e6, None, "")}


# --- D. goods the commodity list does not know, and goods named after the value ------------------------------------
def test_goods_not_in_the_list_make_a_commodity_row_without_hs_code() -> None:
    [c] = extract("In 2022, exports of camel hair from Kazakhstan to Mongolia reached $4.2 million.")
    assert (c.table, c.flow, c.reporter, c.partner, c.commodity, c.hs_code, c.value) == (
        "commodities", "export", "KAZ", "MNG", "camel hair", "", 4.2e6)


@pytest.mark.parametrize("text", [
    "In 2022, exports of goods from Kazakhstan to Mongolia reached $4.2 million.",
    "In 2022, exports of the country's produce from Kazakhstan to Mongolia reached $4.2 million.",
])
def test_generic_goods_stay_a_country_flow(text: str) -> None:
    [c] = extract(text)
    assert (c.table, c.commodity) == ("exports", "")


def test_goods_named_after_worth_of() -> None:
    [c] = extract("In 2023, Kazakhstan shipped $75 million worth of flaxseed to Belgium.")
    assert (c.table, c.flow, c.reporter, c.partner, c.commodity, c.value) == (
        "commodities", "export", "KAZ", "BEL", "flaxseed", 75e6)


def test_goods_written_before_a_later_flow_word() -> None:
    text = ("Kazakhstan's trade with Georgia reached $120 million in 2022, and its sugar exports to Georgia grew by "
            "14%.")
    found = rows(text, "2023-03-01")
    assert ("commodities", "KAZ", "GEO", "2022-01-01", "2022-12-31", None, 1.14, "sugar") in found
    assert not any(r[0] == "exports" for r in found)


# --- E. buying and selling verbs, and clauses of their own --------------------------------------------------------
def test_countries_that_traded_goods_worth() -> None:
    [c] = extract("Last year Kazakhstan and Qatar traded goods worth $95 million.")
    assert (c.table, c.reporter, c.partner, c.period_start, c.value) == ("turnover", "KAZ", "QAT", "2022-01-01", 95e6)


def test_bought_worth_of_demonym_goods() -> None:
    [c] = extract("In 2022, Tajikistan bought $310 million worth of Kazakh goods.")
    assert (c.table, c.reporter, c.partner, c.value) == ("imports", "TJK", "KAZ", 310e6)


def test_sold_to() -> None:
    [c] = extract("In 2022, Kyrgyzstan sold $80 million worth of goods to Turkey.")
    assert (c.table, c.reporter, c.partner, c.value) == ("exports", "KGZ", "TUR", 80e6)


def test_sales_need_a_country_in_their_sentence() -> None:
    text = PAIR = "Kazakhstan and Uzbekistan held talks.\n\nRetail sales rose to $5 billion in 2022."
    assert extract(text) == []


def test_a_weak_flow_word_in_a_clause_of_its_own() -> None:
    text = ("In 2022, Kazakhstan's coal sales to Turkey exceeded $200 million, while its oil exports to Turkey "
            "totalled $1.1 billion.")
    found = rows(text, "2023-03-01")
    assert ("commodities", "KAZ", "TUR", "2022-01-01", "2022-12-31", 200e6, None, "coal") in found
    assert ("commodities", "KAZ", "TUR", "2022-01-01", "2022-12-31", 1.1e9, None, "oil") in found


# --- F. whose goods: demonyms after the flow word, subjects of a flow verb ----------------------------------------
def test_purchases_of_demonym_goods_name_the_partner() -> None:
    text = "Uzbekistan and South Korea signed a memorandum.\n\nIn 2022, purchases of Korean cars by Uzbekistan rose to $70 million."
    [c] = extract(text, "2023-03-01")
    assert (c.table, c.flow, c.reporter, c.partner, c.commodity, c.value) == (
        "commodities", "import", "UZB", "KOR", "cars", 70e6)


def test_imports_of_demonym_goods_name_the_partner() -> None:
    text = "Armenia and Iran held talks.\n\nImports of Iranian cement increased by $2.5 million in 2022."
    [c] = extract(text, "2023-03-01")
    assert (c.reporter, c.partner, c.commodity, c.change_value) == ("ARM", "IRN", "cement", 2.5e6)


def test_with_country_importing() -> None:
    text = "Demand grew in 2022, with Mongolia importing 500,000 tonnes of diesel from Russia."
    [c] = extract(text, "2023-03-01")
    assert (c.table, c.flow, c.reporter, c.partner, c.commodity, c.value) == (
        "commodities", "import", "MNG", "RUS", "diesel", 500e3)


# --- G. partners that are not countries ---------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "In 2022, Kazakhstan's trade with Xinjiang reached $9 billion.",
    "In 2022, trade between Belarus and St. Petersburg reached $3 billion.",
    "In 2022, Kazakhstan's exports to Central Asia reached $6 billion.",
])
def test_a_named_partner_that_is_no_country_is_no_fact(text: str) -> None:
    assert extract("Kazakhstan and China signed a deal.\n\n" + text) == []


def test_a_capital_standing_for_its_country_is_a_partner() -> None:
    [c] = extract("Kazakhstan and China signed a deal.\n\nIn 2022, trade between Astana and Beijing reached $31 billion.")
    assert (c.table, c.reporter, c.partner, c.value) == ("turnover", "KAZ", "CHN", 31e9)


def test_a_trade_surplus_is_no_flow() -> None:
    assert extract("In 2022, Kazakhstan's trade surplus with Italy reached $12 billion.") == []


# --- B. a comparison value's period, in another currency ----------------------------------------------------------
def test_comparison_value_in_soums_names_the_comparison_year() -> None:
    text = ("Trade between Uzbekistan and Tajikistan reached 20 trillion soums in 2023.\n\n"
            "Uzbekistan's exports to Tajikistan stood at 9 trillion soums, down from 9.5 trillion soums in 2022.")
    found = rows(text, "2024-03-01")
    assert ("exports", "UZB", "TJK", "2022-01-01", "2022-12-31", 9.5e12, None, "") in found
    assert ("exports", "UZB", "TJK", "2023-01-01", "2023-12-31", 9e12, None, "") in found


# --- C. a paragraph that states nothing does not break the chain of periods -----------------------------------------
def test_period_carries_over_a_regional_paragraph() -> None:
    text = ("Trade between Kazakhstan and Turkey reached $4.1 billion in the first nine months of 2023.\n\n"
            "The Mangystau region accounted for 20% of it; its trade with Turkey alone exceeded $800 million.\n\n"
            "Kazakhstan's exports to Turkey amounted to $2.9 billion, while imports from Turkey totaled $1.2 billion.")
    assert rows(text, "2023-11-20") == {
        ("turnover", "KAZ", "TUR", "2023-01-01", "2023-09-30", 4.1e9, None, ""),
        ("exports", "KAZ", "TUR", "2023-01-01", "2023-09-30", 2.9e9, None, ""),
        ("imports", "KAZ", "TUR", "2023-01-01", "2023-09-30", 1.2e9, None, "")}


def test_a_noun_for_one_country_after_the_flow_word_is_a_partner() -> None:
    text = "Kazakhstan and Pakistan held talks.\n\nIn 2022, Kazakh wheat exports to the South Asian nation reached $90 million."
    [c] = extract(text)
    assert (c.table, c.reporter, c.partner, c.commodity, c.value) == ("commodities", "KAZ", "PAK", "wheat", 90e6)


def test_a_trade_surplus_beside_a_flow_is_no_flow() -> None:
    text = "Kazakhstan's trade surplus with China was $3 billion in 2022, while exports to China reached $13 billion."
    assert {(c.table, c.value) for c in extract(text)} == {("exports", 13e9)}


def test_a_demonym_before_a_flow_noun_owns_the_flow_after_with() -> None:
    text = ("In 2023, Japan and Kazakhstan traded goods worth $2.4 billion, with Japanese exports accounting for "
            "$1.9 billion.")
    assert {(c.table, c.reporter, c.partner, c.value) for c in extract(text, "2024-02-01")} == {
        ("turnover", "JPN", "KAZ", 2.4e9), ("exports", "JPN", "KAZ", 1.9e9)}


def test_clauses_with_both_directions() -> None:
    text = ("In 2023, Kazakhstan's shipments to Armenia came to $60 million, while Armenia's exports to Kazakhstan "
            "were under $20 million.")
    assert {(c.table, c.reporter, c.partner, c.value, c.qualifier) for c in extract(text, "2024-02-01")} == {
        ("exports", "KAZ", "ARM", 60e6, "exact"), ("exports", "ARM", "KAZ", 20e6, "under")}

"""The rule-based extractor on sentences written for these tests (never article text).

Each test states one reading the extractor must make: a number, a currency, a
qualifier, a growth form, a period, a direction, a product, or a statement that
is not a fact and must not be proposed.
"""
from __future__ import annotations

import re

import pytest

from tests.conftest import extract_text
from tradestats.extract import EXTRACTOR_VERSION, Candidate, candidate_id
from tradestats.extract.lexicon import find_commodities, find_countries
from tradestats.extract.numbers import find_money, find_tonnes, parse_number
from tradestats.extract.periods import Reference, find_periods, resolve
from tradestats.extract.sentences import paragraphs, sentences

#: Two countries named up front, so statements that name none ("between the two countries") have a pair.
PAIR = "Kazakhstan and Uzbekistan held talks in the capital.\n"


extract = extract_text


def only(text: str, published: str = "2023-06-15") -> Candidate:
    found = extract(text, published)
    assert len(found) == 1, [(c.table, c.value, c.growth_ratio, c.commodity) for c in found]
    return found[0]


def period(c: Candidate) -> tuple[str, str]:
    return c.period_start, c.period_end


# --- numbers, currencies and scales -----------------------------------------------------------------------------
@pytest.mark.parametrize("written, value, unit", [
    ("$987.9 million", 987.9e6, "USD"),
    ("US$26 billion", 26e9, "USD"),
    ("US $ 3 million", 3e6, "USD"),
    ("$2.8bn", 2.8e9, "USD"),
    ("$780mln", 780e6, "USD"),
    ("$100mn", 100e6, "USD"),
    ("$1,5 billion", 1.5e9, "USD"),
    ("$ 7.5 million", 7.5e6, "USD"),
    ("140 million US dollars", 140e6, "USD"),
    ("USD 45 thousand", 45e3, "USD"),
    ("1.2 trillion tenge", 1.2e12, "KZT"),
    ("KZT 540 bln", 540e9, "KZT"),
    ("2.8 trillion rubles", 2.8e12, "RUB"),
    ("40 billion euros", 40e9, "EUR"),
    ("EUR 2 billion", 2e9, "EUR"),
    ("$228.8 Million", 228.8e6, "USD"),
])
def test_money_expressions(written: str, value: float, unit: str) -> None:
    text = f"The figure was {written} in total."
    [amount] = find_money(text)
    assert amount.value == pytest.approx(value)
    assert amount.unit == unit
    assert text[amount.start:amount.end] == written


def test_comma_thousands_and_decimal_comma() -> None:
    assert parse_number("5,403") == 5403
    assert parse_number("1,234,567.5") == 1234567.5
    assert parse_number("1,5") == 1.5
    assert parse_number("seven") == 7


def test_tonnes_and_ranges() -> None:
    [t] = find_tonnes("They shipped 2.5 million tons of barley.")
    assert (t.value, t.unit) == (2.5e6, "t")
    [r] = find_money("a potential of $1-2 billion a year")
    assert r.is_range


def test_money_in_a_trade_statement_is_in_full_units() -> None:
    c = only("Trade between Kazakhstan and Mongolia reached $150.4 million in 2022.")
    assert (c.table, c.reporter, c.partner) == ("turnover", "KAZ", "MNG")
    assert (c.value, c.unit, c.qualifier) == (150.4e6, "USD", "exact")
    assert period(c) == ("2022-01-01", "2022-12-31")


# --- qualifiers --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("hedge, qualifier", [
    ("almost", "approx"), ("nearly", "approx"), ("about", "approx"), ("around", "approx"),
    ("close to", "approx"), ("some", "approx"), ("over", "over"), ("more than", "over"),
    ("less than", "under"), ("under", "under"),
])
def test_qualifiers(hedge: str, qualifier: str) -> None:
    c = only(f"Trade between Kazakhstan and Georgia amounted to {hedge} $90 million in 2021.")
    assert (c.value, c.qualifier) == (90e6, qualifier)


def test_exceeded_means_over() -> None:
    c = only("In 2021 the turnover between Kazakhstan and Latvia exceeded $300 million.")
    assert (c.value, c.qualifier) == (300e6, "over")


# --- growth ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("phrase, ratio", [
    ("grew 2.1 times to", 2.1),
    ("rose 4-fold to", 4.0),
    ("rose 4.7-fold to", 4.7),
    ("increased by 82.6% to", 1.826),
    ("was 94.6% higher at", 1.946),
    ("doubled to", 2.0),
    ("tripled to", 3.0),
    ("decreased by 10% to", 0.9),
    ("fell 3 times to", 0.3333),
    ("grew by more than a third to", 1.3333),
    ("rose by 15 percent year-on-year to", 1.15),
])
def test_growth_forms(phrase: str, ratio: float) -> None:
    c = only(f"In 2022 trade between Kazakhstan and Armenia {phrase} $50 million.")
    assert c.value == 50e6
    assert c.growth_ratio == pytest.approx(ratio, abs=1e-4)


def test_growth_without_a_value_needs_a_concrete_period() -> None:
    c = only("Trade between Kazakhstan and Oman grew by 40% in the first half of 2022.")
    assert (c.value, c.unit, c.qualifier, c.growth_ratio) == (None, "", "", 1.4)
    assert period(c) == ("2022-01-01", "2022-06-30")
    assert extract("Over the past five years trade between Kazakhstan and Oman has grown almost four times.") == []


def test_a_share_is_not_growth() -> None:
    assert extract("Kazakhstan accounts for about 70 percent of Oman's trade with the region.") == []


# --- periods -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("written, published, expected", [
    ("in 2021", "2023-06-15", ("2021-01-01", "2021-12-31")),
    ("last year", "2023-06-15", ("2022-01-01", "2022-12-31")),
    ("in the past year", "2024-01-31", ("2023-01-01", "2023-12-31")),
    ("this year", "2023-06-15", ("2023-01-01", "")),
    ("this year", "2023-12-20", ("2023-01-01", "2023-12-31")),
    ("in the current year", "2023-06-15", ("2023-01-01", "")),
    ("so far this year", "2023-12-20", ("2023-01-01", "")),
    ("in January-August 2025", "2025-10-01", ("2025-01-01", "2025-08-31")),
    ("in Jan-Feb", "2023-06-15", ("2023-01-01", "2023-02-28")),
    ("in January and February of this year", "2024-04-02", ("2024-01-01", "2024-02-29")),
    ("from January through October 2023", "2023-11-21", ("2023-01-01", "2023-10-31")),
    ("in Q1 2024", "2024-05-01", ("2024-01-01", "2024-03-31")),
    ("in the third quarter of last year", "2023-06-15", ("2022-07-01", "2022-09-30")),
    ("in the first half of 2022", "2022-08-24", ("2022-01-01", "2022-06-30")),
    ("in the second half of 2021", "2022-08-24", ("2021-07-01", "2021-12-31")),
    ("for 9 months of 2023", "2023-11-01", ("2023-01-01", "2023-09-30")),
    ("in the first seven months of this year", "2023-09-25", ("2023-01-01", "2023-07-31")),
    ("by the end of 2024", "2025-05-06", ("2024-01-01", "2024-12-31")),
])
def test_periods(written: str, published: str, expected: tuple[str, str]) -> None:
    c = only(f"Trade between Kazakhstan and Chile reached $12 million {written}.", published)
    assert period(c) == expected


def test_month_range_without_year_is_the_latest_one() -> None:
    ref = Reference(2023, 1)
    [mention] = [p for p in find_periods("in January-November", 0, 19) if p.usable]
    assert resolve(mention, ref).start == "2022-01-01"


def test_period_carries_over_from_an_earlier_sentence_of_the_paragraph() -> None:
    text = ("In 2021 the two leaders met twice. Trade between Kazakhstan and Japan reached $2 billion, "
            "officials said.")
    assert period(only(text)) == ("2021-01-01", "2021-12-31")


def test_undated_article_takes_its_year_from_the_text() -> None:
    text = ("Trade between Kazakhstan and Peru reached $9 million in 2020. "
            "In the first quarter of this year trade between Kazakhstan and Peru reached $4 million, "
            "against $3 million last year.")
    found = {c.value: period(c) for c in extract(text, published="")}
    assert found[4e6] == ("2021-01-01", "2021-03-31")


def test_comparison_values_get_the_prior_period() -> None:
    text = ("Trade between Kazakhstan and Malaysia reached $300 million in 2022, 1.5 times more than a year "
            "earlier ($200 million).")
    found = {c.value: c for c in extract(text)}
    assert period(found[300e6]) == ("2022-01-01", "2022-12-31") and found[300e6].growth_ratio == 1.5
    assert period(found[200e6]) == ("2021-01-01", "2021-12-31") and found[200e6].growth_ratio is None


def test_from_to_values_and_compared_to() -> None:
    found = {c.value: period(c) for c in extract(
        "Trade between Kazakhstan and Chile rose from $10 million in 2020 to $16 million in 2021.")}
    assert found == {10e6: ("2020-01-01", "2020-12-31"), 16e6: ("2021-01-01", "2021-12-31")}
    found = {c.value: period(c) for c in extract(
        "In 2022 trade between Kazakhstan and Chile amounted to $16 million compared to $12 million in 2021.")}
    assert found[12e6] == ("2021-01-01", "2021-12-31")


def test_year_to_date_when_compared_with_the_same_period() -> None:
    text = ("Two-way trade between Kazakhstan and Chile has climbed from $30 million to $40 million against the "
            "same period of last year.")
    found = {c.value: period(c) for c in extract(text, "2023-06-15")}
    assert found == {40e6: ("2023-01-01", ""), 30e6: ("2022-01-01", "")}
    assert period(only("So far this year, trade between Kazakhstan and Chile has already reached $8 million.")) == (
        "2023-01-01", "")


# --- direction, reporter and partner -----------------------------------------------------------------------------
@pytest.mark.parametrize("statement, table, reporter, partner", [
    ("exports from Kazakhstan to Nepal reached $5 million", "exports", "KAZ", "NPL"),
    ("imports to Kazakhstan from Nepal reached $5 million", "imports", "KAZ", "NPL"),
    ("imports from Nepal to Kazakhstan reached $5 million", "imports", "KAZ", "NPL"),
    ("Nepal's exports to Kazakhstan reached $5 million", "exports", "NPL", "KAZ"),
    ("Nepal's imports from Kazakhstan reached $5 million", "imports", "NPL", "KAZ"),
    ("Kazakhstan's import to Nepal reached $5 million", "imports", "NPL", "KAZ"),
    ("Nepalese exports to Kazakhstan reached $5 million", "exports", "NPL", "KAZ"),
    ("trade between Nepal and Kazakhstan reached $5 million", "turnover", "NPL", "KAZ"),
    ("Kazakh-Nepalese trade reached $5 million", "turnover", "KAZ", "NPL"),
    ("Kazakhstan exported goods worth $5 million to Nepal", "exports", "KAZ", "NPL"),
])
def test_direction(statement: str, table: str, reporter: str, partner: str) -> None:
    c = only(f"In 2022 {statement}.")
    assert (c.table, c.reporter, c.partner, c.flow) == (table, reporter, partner, "")


def test_statement_without_countries_takes_the_article_pair() -> None:
    c = only(PAIR + "In 2022 trade between the two countries amounted to $4.6 billion.")
    assert {c.reporter, c.partner} == {"KAZ", "UZB"}


def test_countries_carry_from_the_previous_sentence() -> None:
    text = ("Kazakhstan and Qatar signed several documents. Trade between Kazakhstan and Qatar reached $20 million "
            "in 2021. In 2022, trade turnover amounted to $35 million.")
    assert {(c.reporter, c.partner, c.value) for c in extract(text)} == {("KAZ", "QAT", 20e6), ("KAZ", "QAT", 35e6)}


def test_exports_and_imports_in_one_sentence() -> None:
    found = extract(PAIR + "In 2021 Uzbek exports to Kazakhstan exceeded $900 million, while imports from "
                           "Kazakhstan reached $2.1 billion.")
    assert {(c.table, c.reporter, c.partner, c.value) for c in found} == {
        ("exports", "UZB", "KAZ", 900e6), ("imports", "UZB", "KAZ", 2.1e9)}


def test_several_partners_in_one_sentence() -> None:
    found = extract("In 2022 Kazakhstan's trade with Oman reached $40 million, with Qatar $60 million and "
                    "with Kuwait $20 million.")
    assert {(c.partner, c.value) for c in found} == {("OMN", 40e6), ("QAT", 60e6), ("KWT", 20e6)}
    found = extract("In 2022 Kazakhstan's exports to Oman and Qatar amounted to $40 million and $60 million "
                    "respectively.")
    assert {(c.reporter, c.partner, c.value) for c in found} == {("KAZ", "OMN", 40e6), ("KAZ", "QAT", 60e6)}


def test_bloc_partner() -> None:
    c = only("Kazakhstan's trade with the European Union reached 40 billion euros in 2022.")
    assert (c.reporter, c.partner, c.unit) == ("KAZ", "EUU", "EUR")


# --- one figure, several currencies -----------------------------------------------------------------------------
def test_one_candidate_per_currency() -> None:
    found = extract("In 2022 trade between Kazakhstan and Russia amounted to $26 billion (12 trillion tenge).")
    assert {(c.value, c.unit) for c in found} == {(26e9, "USD"), (12e12, "KZT")}
    assert len({c.candidate_id for c in found}) == 2


# --- commodities -------------------------------------------------------------------------------------------------
def test_commodity_growth_lines_with_hs_codes() -> None:
    text = PAIR + ("Kazakh exports to Uzbekistan of flour grew 1.7 times and of sunflower oil 2.4 times, while "
                   "deliveries of cement and trucks doubled.")
    found = {c.commodity: c for c in extract(text)}
    assert {k: (v.hs_code, v.growth_ratio) for k, v in found.items()} == {
        "flour": ("1101", 1.7), "sunflower oil": ("1512", 2.4), "cement": ("2523", 2.0), "trucks": ("8704", 2.0)}
    assert all((c.table, c.flow, c.reporter, c.partner) == ("commodities", "export", "KAZ", "UZB")
               for c in found.values())
    assert len({c.candidate_id for c in found.values()}) == 4


def test_commodity_changes_in_money_and_the_direction_from_context() -> None:
    text = PAIR + ("The growth of exports to Uzbekistan came from higher supplies of barley - 4 times, "
                   "rolled steel - by $2.5 million, and cement - by $1.2 million.")
    found = {c.commodity: c for c in extract(text)}
    assert found["barley"].growth_ratio == 4.0 and found["barley"].hs_code == "1003"
    assert (found["rolled steel"].change_value, found["rolled steel"].unit, found["rolled steel"].value) == (
        2.5e6, "USD", None)
    assert found["cement"].hs_code == "2523"
    assert {(c.reporter, c.partner, c.flow) for c in found.values()} == {("KAZ", "UZB", "export")}


def test_commodity_in_tonnes() -> None:
    c = only("In 2022 Kazakhstan exported 1.2 million tons of wheat flour to Mongolia.")
    assert (c.table, c.commodity, c.hs_code, c.value, c.unit) == ("commodities", "wheat flour", "1101", 1.2e6, "t")


def test_product_group_from_grammar() -> None:
    c = only(PAIR + "The mutual agricultural trade reached $700 million last year.")
    assert (c.table, c.flow, c.commodity, c.hs_code) == ("commodities", "turnover", "agricultural products", "")


def test_composition_lists_do_not_make_a_commodity_row() -> None:
    c = only("In 2022 Kazakhstan's exports to Mongolia, mainly wheat and flour, reached $90 million.")
    assert (c.table, c.commodity) == ("exports", "")


def test_longest_commodity_term_wins() -> None:
    names = [c.name for c in find_commodities("sunflower oil and oil products and waste and scrap of ferrous metals")]
    assert names == ["sunflower oil", "oil products", "waste and scrap of ferrous metals"]


# --- not facts ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Kazakhstan and Kyrgyzstan aim to bring trade turnover to $2 billion by 2030.",
    "The sides intend to increase trade between Kazakhstan and Oman up to $500 million.",
    "Kazakhstan expects its exports to Oman could reach $20 million next year.",
    "Trade between Kazakhstan and Oman is expected to reach $30 million.",
    "The two sides signed contracts worth $50 million to expand trade between Kazakhstan and Oman.",
    "Kazakhstan shipped 5,000 tons of humanitarian aid including flour to Afghanistan.",
    "Kazakhstan is ready to export 80 commodity items worth about $100 million to Oman.",
    "Investments from Oman in Kazakhstan's economy and trade amounted to $70 million in 2022.",
    "Kazakhstan's foreign trade turnover in 2022 reached $134 billion.",
    "Trade between China and Central Asia reached $70 billion in 2022.",
    "Trade between Kazakhstan's Mangystau region and Oman reached $5 million last year.",
    "The transit of cargo between Kazakhstan and Oman reached 2 million tons in 2022.",
    "Kazakh wheat exported to Oman sold at $300 per ton in 2022.",
])
def test_not_proposed(text: str) -> None:
    assert extract(text) == []


def test_a_future_year_is_a_target() -> None:
    assert extract("Trade between Kazakhstan and Oman will reach $10 million in 2025.", "2023-06-15") == []
    assert extract("Trade between Kazakhstan and Oman reached $10 million in 2025.", "2023-06-15") == []


# --- invariants ------------------------------------------------------------------------------------------------------
def test_quotes_are_exact_slices_and_ids_unique_and_stable() -> None:
    text = (" date 2023-03-01\nTrade between Kazakhstan and Chile in 2022 amounted to $30 million, "
            "1.5 times more than in 2021 ($20 million).\nExports from Kazakhstan to Chile\nin 2022 "
            "rose by 20% to $25 million.\n")
    first, second = extract(text), extract(text)
    assert first == second
    assert len({c.candidate_id for c in first}) == len(first) == 3
    for c in first:
        assert text[c.char_start:c.char_end] == c.quote
    exports = next(c for c in first if c.table == "exports")
    anchor = text.index("$25 million")
    assert exports.candidate_id == candidate_id("t01_test", "exports", anchor, anchor + len("$25 million"))
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION


# --- building blocks ---------------------------------------------------------------------------------------------
def test_countries_are_case_sensitive_and_currencies_are_not_countries() -> None:
    codes = [c.code for c in find_countries("US$5 for us, but the US and Türkiye and the Kazakh side")]
    assert codes == ["USA", "TUR", "KAZ"]


def test_sentences_survive_abbreviations_and_hard_wrapped_lines() -> None:
    text = "Trade with the U.S. rose on Oct. 28 in Astana. Trade with\nthe neighbours fell.\nA new line."
    spans = [text[s.start:s.end] for p in paragraphs(text) for s in sentences(text, p)]
    assert spans == ["Trade with the U.S. rose on Oct. 28 in Astana.", "Trade with\nthe neighbours fell.",
                     "A new line."]


def test_date_line_is_not_read_as_a_statement() -> None:
    text = " date 2022-03-01\nTrade between Kazakhstan and Chile reached $3 million in 2021.\n"
    c = only(text, "2022-03-01")
    assert c.char_start == text.index("Trade")
    assert re.fullmatch(r"c[0-9a-f]{12}", c.candidate_id)


# --- context: what a statement borrows from around it ----------------------------------------------------------
def test_a_pronoun_continues_the_previous_flow() -> None:
    text = PAIR + "Trade turnover keeps growing. In 2021, it reached $3.2 billion, a 12% increase."
    c = only(text)
    assert (c.table, c.value, c.growth_ratio, period(c)) == ("turnover", 3.2e9, 1.12, ("2021-01-01", "2021-12-31"))


def test_a_world_total_and_what_follows_it_are_not_bilateral() -> None:
    assert extract(PAIR + "In 2022, Kazakhstan's foreign trade turnover amounted to $134 billion, of which exports "
                          "amounted to $84 billion.") == []


def test_a_product_group_sets_the_topic_of_its_paragraph() -> None:
    text = PAIR + ("In 2022, exports of agricultural products from Kazakhstan to Uzbekistan grew to $400 million. "
                   "Imports from Uzbekistan to Kazakhstan reached $90 million.")
    assert {(c.table, c.flow, c.commodity, c.value) for c in extract(text)} == {
        ("commodities", "export", "agricultural products", 400e6),
        ("commodities", "import", "agricultural products", 90e6)}


def test_a_restated_figure_is_proposed_once() -> None:
    text = ("Kazakhstan-Bhutan trade tops $5 million\n\nTrade between Kazakhstan and Bhutan reached $5 million in "
            "2022. Minister Smith said trade between Kazakhstan and Bhutan reached $5 million in 2022.")
    c = only(text)
    assert period(c) == ("2022-01-01", "2022-12-31")


def test_products_with_their_own_values_inside_a_composition_list() -> None:
    found = extract(PAIR + "In 2022 Kazakhstan mainly exported barley ($50 million) and sugar ($20 million) to "
                           "Uzbekistan.")
    assert {(c.commodity, c.value) for c in found} == {("barley", 50e6), ("sugar", 20e6)}


def test_a_signed_percentage_and_a_month_of_the_current_year() -> None:
    c = only("Exports from Kazakhstan to Oman reached $1.2 million (+15%) in March.", "2023-06-15")
    assert (c.growth_ratio, period(c)) == (1.15, ("2023-03-01", "2023-03-31"))


def test_the_same_value_in_two_currencies_written_with_or() -> None:
    found = extract("In 2022 trade between Kazakhstan and Russia amounted to 12 trillion tenge, or $26 billion.")
    assert {(c.unit, c.value) for c in found} == {("KZT", 12e12), ("USD", 26e9)}


def test_hard_wrapped_lines_are_one_paragraph() -> None:
    text = ("Last year the bilateral\ntrade between Kazakhstan and Chile\nincreased by 30 percent and "
            "reached\n$24 million.\n")
    c = only(text, "2023-06-15")
    assert c.quote == text.strip() and period(c) == ("2022-01-01", "2022-12-31") and c.growth_ratio == 1.3


def test_parts_of_a_bilateral_total_in_the_same_sentence() -> None:
    found = extract("Kazakhstan's trade with Oman amounted to $40 million in 2022, Kazakh exports - $30 million, "
                    "imports - $10 million.")
    assert {(c.table, c.reporter, c.partner, c.value) for c in found} == {
        ("turnover", "KAZ", "OMN", 40e6), ("exports", "KAZ", "OMN", 30e6), ("imports", "KAZ", "OMN", 10e6)}


def test_a_series_of_years() -> None:
    found = extract(PAIR + "Trade between the two countries keeps growing: in 2020 it was $10 million, in 2021 - "
                           "$15 million, and in 2022 - $22 million.")
    assert {(c.value, c.period_start) for c in found} == {
        (10e6, "2020-01-01"), (15e6, "2021-01-01"), (22e6, "2022-01-01")}


def test_trading_partners_listed_with_their_values() -> None:
    found = extract("Kazakhstan's largest trading partners in 2022 were Oman ($26 million), Qatar ($24 million) "
                    "and Kuwait ($15 million).")
    assert {(c.reporter, c.partner, c.value) for c in found} == {
        ("KAZ", "OMN", 26e6), ("KAZ", "QAT", 24e6), ("KAZ", "KWT", 15e6)}


def test_a_total_over_several_destinations_is_not_bilateral() -> None:
    assert extract("In 2022 Kazakhstan exported 5 million tonnes of grain to Oman, Qatar and Kuwait.") == []


def test_a_regional_total_in_an_article_about_a_pair() -> None:
    assert extract("Kazakhstan and China signed documents. China's trade with Kazakhstan grew. Trade between "
                   "China and Central Asia reached $70 billion in 2022.") == []

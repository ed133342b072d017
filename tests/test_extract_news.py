"""Phrasing classes of wire-style news (one sentence a paragraph, a country's national statistics), on sentences
written for these tests.

Each group names one class and pins the reading the extractor must make of it.
"""
from __future__ import annotations

import pytest

from tests.conftest import candidate_rows


def rows(text: str, published: str = "2024-08-20") -> set[tuple]:
    return candidate_rows(text, published)


# --- A. "respectively" lists -------------------------------------------------------------------------------------
def test_partners_listed_before_the_flow_word_pair_with_values_respectively() -> None:
    text = ("Turkmenistan, Iran and Georgia were Armenia's largest trading partners in 2023, with turnover of "
            "$410 million, $720 million and $1.3 billion, respectively.")
    assert rows(text) == {
        ("turnover", "ARM", "TKM", "2023-01-01", "2023-12-31", 410e6, None, ""),
        ("turnover", "ARM", "IRN", "2023-01-01", "2023-12-31", 720e6, None, ""),
        ("turnover", "ARM", "GEO", "2023-01-01", "2023-12-31", 1.3e9, None, "")}


def test_trade_with_two_partners_respectively_is_the_article_country_s() -> None:
    text = ("Tajikistan's foreign trade rose by 6% in the first half of 2024.\n\n"
            "Trade with Kazakhstan and Uzbekistan amounted to $520 million and $210 million respectively.")
    assert rows(text) == {
        ("turnover", "TJK", "KAZ", "2024-01-01", "2024-06-30", 520e6, None, ""),
        ("turnover", "TJK", "UZB", "2024-01-01", "2024-06-30", 210e6, None, "")}


# --- B. the article's period holds until another is stated ---------------------------------------------------------
def test_the_period_of_a_national_total_holds_for_later_paragraphs() -> None:
    text = ("Kyrgyzstan's foreign trade turnover amounted to $7.9 billion in January-May 2024.\n\n"
            "Exports reached $1.2 billion.\n\n"
            "Imports stood at $6.7 billion.\n\n"
            "The main imported goods were fuel and cars.\n\n"
            "Trade with China amounted to $2.8 billion.\n\n"
            "Trade with Kazakhstan reached $600 million.")
    assert rows(text) == {
        ("turnover", "KGZ", "CHN", "2024-01-01", "2024-05-31", 2.8e9, None, ""),
        ("turnover", "KGZ", "KAZ", "2024-01-01", "2024-05-31", 600e6, None, "")}


def test_a_new_period_replaces_the_one_in_force() -> None:
    text = ("Trade between Georgia and Armenia reached $600 million in January-June 2024.\n\n"
            "In 2023, trade between Georgia and Azerbaijan was $1.1 billion.\n\n"
            "Georgian exports to Azerbaijan were $500 million.")
    assert ("exports", "GEO", "AZE", "2023-01-01", "2023-12-31", 500e6, None, "") in rows(text)


@pytest.mark.parametrize("same", ["over the same period", "in the same period", "during the same period"])
def test_the_same_period_without_a_year_is_the_period_in_force(same: str) -> None:
    text = ("Trade between Azerbaijan and Georgia amounted to $900 million in January-July 2024.\n\n"
            f"Azerbaijan's exports to Georgia reached $650 million {same}.")
    assert ("exports", "AZE", "GEO", "2024-01-01", "2024-07-31", 650e6, None, "") in rows(text)


def test_the_same_period_of_last_year_is_still_a_comparison() -> None:
    text = ("Trade between Azerbaijan and Georgia amounted to $900 million in January-July 2024, against "
            "$800 million in the same period of last year.")
    assert rows(text) == {
        ("turnover", "AZE", "GEO", "2024-01-01", "2024-07-31", 900e6, None, ""),
        ("turnover", "AZE", "GEO", "2023-01-01", "2023-07-31", 800e6, None, "")}


# --- C. a noun standing for a country of the current pair ----------------------------------------------------------
@pytest.mark.parametrize("noun", ["the republic", "the country", "the neighbouring country", "the kingdom",
                                  "the Caucasian country", "its neighbour"])
def test_a_noun_for_the_other_country_of_the_pair(noun: str) -> None:
    text = ("Trade between Georgia and Armenia reached $700 million in 2023.\n\n"
            f"Georgia's exports to {noun} amounted to $450 million.")
    assert ("exports", "GEO", "ARM", "2023-01-01", "2023-12-31", 450e6, None, "") in rows(text)


def test_a_noun_for_the_partner_when_the_sentence_names_no_country() -> None:
    text = ("Trade between Mongolia and Kazakhstan reached $300 million in 2023.\n\n"
            "Imports from the republic totalled $120 million.")
    assert ("imports", "MNG", "KAZ", "2023-01-01", "2023-12-31", 120e6, None, "") in rows(text)


# --- D. the country whose statistics the article reports ----------------------------------------------------------
def test_partners_named_alone_are_the_reporting_country_s() -> None:
    text = ("Turkmenistan's foreign trade reached $9 billion in January-June 2024, the statistics office said.\n\n"
            "China accounts for a large part. China and Turkey lead. China buys gas. Turkey buys cotton.\n\n"
            "Trade with China amounted to $4.1 billion, with Turkey – $1.2 billion.\n\n"
            "Imports from Russia amounted to $700 million.\n\n"
            "Exports to Italy reached $90 million.")
    assert rows(text) == {
        ("turnover", "TKM", "CHN", "2024-01-01", "2024-06-30", 4.1e9, None, ""),
        ("turnover", "TKM", "TUR", "2024-01-01", "2024-06-30", 1.2e9, None, ""),
        ("imports", "TKM", "RUS", "2024-01-01", "2024-06-30", 700e6, None, ""),
        ("exports", "TKM", "ITA", "2024-01-01", "2024-06-30", 90e6, None, "")}


def test_a_partner_s_share_of_the_exports() -> None:
    text = ("Azerbaijan's exports reached $12 billion in January-June 2024.\n\n"
            "Italy accounted for $5.6 billion of the exports.")
    assert rows(text) == {("exports", "AZE", "ITA", "2024-01-01", "2024-06-30", 5.6e9, None, "")}


def test_a_product_s_share_of_a_national_total_is_no_fact() -> None:
    text = "Crude oil accounted for $9 billion of Azerbaijan's exports in January-June 2024."
    assert rows(text) == set()


# --- E. the comparison value in a remark on the previous figure -----------------------------------------------------
@pytest.mark.parametrize("sep", [" ", "\n\n"])
def test_a_remark_gives_the_growth_and_the_compared_value(sep: str) -> None:
    text = ("Georgia's exports to Armenia amounted to $210.4 million in January-April 2024." + sep
            + "This is 8.5 percent more than in the same period of last year ($193.9 million).")
    assert rows(text) == {
        ("exports", "GEO", "ARM", "2024-01-01", "2024-04-30", 210.4e6, 1.085, ""),
        ("exports", "GEO", "ARM", "2023-01-01", "2023-04-30", 193.9e6, None, "")}


@pytest.mark.parametrize("remark", [
    "This is 8.5 percent more than in the same period of last year, when it amounted to $193.9 million.",
    "The figure increased by 8.5 percent compared to $193.9 million in January-April 2023.",
])
def test_a_remark_with_the_compared_value_in_a_clause(remark: str) -> None:
    text = "Georgia's exports to Armenia amounted to $210.4 million in January-April 2024.\n\n" + remark
    assert rows(text) == {
        ("exports", "GEO", "ARM", "2024-01-01", "2024-04-30", 210.4e6, 1.085, ""),
        ("exports", "GEO", "ARM", "2023-01-01", "2023-04-30", 193.9e6, None, "")}


# --- F. targets and periods after publication ------------------------------------------------------------------------
@pytest.mark.parametrize("target", [
    "The sides intend to raise mutual trade to $2 billion in the medium term.",
    "Trade is expected to exceed $1.5 billion next year.",
    "The presidents agreed to bring trade to $3 billion by 2030.",
])
def test_targets_are_no_facts(target: str) -> None:
    text = "Trade between Georgia and Azerbaijan reached $1.1 billion in 2023.\n\n" + target
    assert rows(text) == {("turnover", "GEO", "AZE", "2023-01-01", "2023-12-31", 1.1e9, None, "")}


def test_a_period_ending_after_publication_is_no_fact() -> None:
    text = "Trade between Georgia and Azerbaijan will reach $1.5 billion in January-September 2024."
    assert rows(text, "2024-05-10") == set()


# --- G. one fact stated twice ----------------------------------------------------------------------------------------
def test_a_headline_repeated_in_the_body_is_one_row_with_the_body_s_growth() -> None:
    text = ("Georgia-Armenia trade reaches $700 million in 2023\n\n"
            "Trade between Armenia and Georgia reached $700 million in 2023, up 12 percent, the ministry said.")
    assert rows(text) == {("turnover", "ARM", "GEO", "2023-01-01", "2023-12-31", 700e6, 1.12, "")}


# --- H. what is not a trade flow -------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Customs payments on goods imported from Iran to Armenia amounted to $40 million in 2023.",
    "Customs duties collected on imports from Iran to Armenia reached $40 million in 2023.",
])
def test_customs_payments_are_no_flow(sentence: str) -> None:
    assert rows(sentence) == set()


def test_an_excluded_product_is_not_the_subject() -> None:
    text = "Trade between Armenia and Switzerland, excluding gold, amounted to $150 million in 2023."
    assert rows(text) == {("turnover", "ARM", "CHE", "2023-01-01", "2023-12-31", 150e6, None, "")}


# --- I. goods written together with one value -----------------------------------------------------------------------
def test_goods_written_together_with_one_value_are_one_line() -> None:
    text = "Armenia's exports of fruit and vegetables to Georgia amounted to $35 million in 2023."
    assert rows(text) == {("commodities", "ARM", "GEO", "2023-01-01", "2023-12-31", 35e6, None,
                           "fruit and vegetables")}


def test_goods_written_together_with_one_growth_are_each_a_line() -> None:
    text = "Armenia's exports to Georgia of petroleum products and trucks doubled in 2023."
    assert {r[7] for r in rows(text)} == {"petroleum products", "trucks"}


# --- J. fiscal years and periods of the year so far -----------------------------------------------------------------
@pytest.mark.parametrize("written", ["in fiscal year 2022-23", "in FY2022/23", "during the financial year 2022-2023"])
def test_a_fiscal_year_runs_july_to_june(written: str) -> None:
    text = f"Trade between Bangladesh and Nepal stood at $850 million {written}."
    assert rows(text) == {("turnover", "BGD", "NPL", "2022-07-01", "2023-06-30", 850e6, None, "")}


@pytest.mark.parametrize("written", ["since January", "since the beginning of 2024"])
def test_since_the_start_of_the_year_is_the_year_so_far(written: str) -> None:
    text = f"Trade with Georgia and Turkey amounted to $300 million and $900 million respectively {written}."
    text = "Armenia's foreign trade grew by 4%.\n\n" + text
    assert rows(text) == {("turnover", "ARM", "GEO", "2024-01-01", "", 300e6, None, ""),
                          ("turnover", "ARM", "TUR", "2024-01-01", "", 900e6, None, "")}


def test_a_partner_s_share_does_not_break_the_statement_in_force() -> None:
    text = ("Trade between Armenia and Iran amounted to $700 million in 2023.\n\n"
            "The share of Iran in Armenia's foreign trade was 3.2 percent.\n\n"
            "Exports amounted to $150 million, imports – $550 million.")
    assert rows(text) == {("turnover", "ARM", "IRN", "2023-01-01", "2023-12-31", 700e6, None, ""),
                          ("exports", "ARM", "IRN", "2023-01-01", "2023-12-31", 150e6, None, ""),
                          ("imports", "ARM", "IRN", "2023-01-01", "2023-12-31", 550e6, None, "")}


def test_the_country_named_as_top_trading_partner_is_the_partner() -> None:
    text = ("Armenia's external trade turnover amounted to $6.1 billion in January-May 2024.\n\n"
            "Russia was the top trading partner with $2.2 billion, followed by China ($900 million) and Georgia "
            "($400 million).")
    assert rows(text) == {("turnover", "ARM", "RUS", "2024-01-01", "2024-05-31", 2.2e9, None, ""),
                          ("turnover", "ARM", "CHN", "2024-01-01", "2024-05-31", 900e6, None, ""),
                          ("turnover", "ARM", "GEO", "2024-01-01", "2024-05-31", 400e6, None, "")}


def test_a_second_verb_of_the_sentence_keeps_its_subject() -> None:
    text = "In 2023, Georgia exported goods worth $300 million to Armenia and imported goods worth $500 million."
    assert rows(text) == {("exports", "GEO", "ARM", "2023-01-01", "2023-12-31", 300e6, None, ""),
                          ("imports", "GEO", "ARM", "2023-01-01", "2023-12-31", 500e6, None, "")}


def test_a_growth_over_the_same_period_with_a_noun_for_the_partner() -> None:
    text = ("Mongolia's trade with China increased by 12% in January-June 2024 to reach $7 billion.\n\n"
            "Mongolia's imports from the Asian giant fell by 4% over the same period.")
    assert ("imports", "MNG", "CHN", "2024-01-01", "2024-06-30", None, 0.96, "") in rows(text)


def test_the_two_countries_are_the_pair_of_the_last_statement() -> None:
    text = ("Georgia hosted a forum on Caspian transport with Azerbaijan, Turkey and Kazakhstan. Turkey and Azerbaijan "
            "sent ministers. Turkey and Azerbaijan signed a memorandum.\n\n"
            "Trade between Georgia and Kazakhstan reached $160 million in 2023.\n\n"
            "The forum discussed ports.\n\n"
            "The ports handled 3 million tonnes of cargo.\n\n"
            "A rail link was opened.\n\n"
            "In January-May 2024, trade between the two countries amounted to $80 million.")
    assert ("turnover", "GEO", "KAZ", "2024-01-01", "2024-05-31", 80e6, None, "") in rows(text)


def test_partners_listed_respectively_face_the_reporting_country() -> None:
    text = ("Kyrgyzstan's foreign trade turnover amounted to $5.2 billion in January-April 2024.\n\n"
            "China and Russia lead. China ships cars. Russia ships fuel. China and Russia compete.\n\n"
            "Trade with China and Russia amounted to $1.9 billion and $1.1 billion, respectively.")
    assert rows(text) == {("turnover", "KGZ", "CHN", "2024-01-01", "2024-04-30", 1.9e9, None, ""),
                          ("turnover", "KGZ", "RUS", "2024-01-01", "2024-04-30", 1.1e9, None, "")}

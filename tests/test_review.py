"""The review workflow: decisions over stable candidate ids, written atomically to validated/.

Unit tests run the ``review`` command (typer's CliRunner) on a small repository
written for each test: two invented articles, candidates written by hand (so they do
not depend on the extractor) and empty hand-kept tables. The end-to-end test adds an
article to a copy of the real repository and runs the real ``dvc repro``.
"""
from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

import schemas
from stages.review import app, print_candidate
from stages.validate import read_candidates as read_candidate_frame
from stages.validate import validate
from tests.conftest import make_doc, review, write_validated
from tests.repo_copy import REPO, copy_repo, dvc_repro, run
from tradestats.csvio import csv_text
from tradestats.documents import iter_documents
from tradestats.review import JOURNAL, CandidateRecord, ReviewPaths, ReviewSession, figure_spans, hand_fact_id


# Articles written for these tests (never real article text).
SOURCE, OTHER = "t90_review", "t91_review"
TURNOVER = "In 2024 trade between Kazakhstan and Mongolia reached $210.4 million, 1.4 times more than a year earlier."
EXPORTS = "Kazakh exports to Mongolia amounted to $150.2 million over the same period."
TARGET = "The two governments aim to raise trade to $1 billion by 2030."
MISSED = "Mongolia bought 120 thousand tonnes of Kazakh wheat in 2024."
TWICE = "Both sides were satisfied."
TEXT = f" date 2025-02-10\nA note written for the tests.\n{TURNOVER}\n{EXPORTS} {TWICE}\n{TARGET}\n{MISSED}\n{TWICE}\n"
OTHER_SENTENCE = "Trade between Uzbekistan and Kyrgyzstan grew to $95 million in 2023."
OTHER_TEXT = f" date 2024-03-01\n{OTHER_SENTENCE}\n"

C_TURNOVER, C_EXPORTS, C_TARGET, C_OTHER = "c000000000a01", "c000000000a02", "c000000000a03", "c000000000b01"
YEAR_2024 = {"period_start": "2024-01-01", "period_end": "2024-12-31"}


def candidate(cid: str, table: str, quote: str, text: str = TEXT, source: str = SOURCE, **values: str) -> dict:
    start = text.index(quote)
    return ({c: "" for c in schemas.CANDIDATES.columns}
            | {"candidate_id": cid, "source_id": source, "table": table, "char_start": str(start),
               "char_end": str(start + len(quote)), "quote": quote} | values)


CANDIDATES = [
    candidate(C_TURNOVER, "turnover", TURNOVER, reporter="KAZ", partner="MNG", value="210400000", unit="USD",
              qualifier="exact", growth_ratio="1.4", **YEAR_2024),
    candidate(C_EXPORTS, "exports", EXPORTS, reporter="KAZ", partner="MNG", value="150200000", unit="USD",
              qualifier="exact", **YEAR_2024),
    candidate(C_TARGET, "turnover", TARGET, reporter="KAZ", partner="MNG", value="1000000000", unit="USD",
              qualifier="exact"),
    candidate(C_OTHER, "turnover", OTHER_SENTENCE, OTHER_TEXT, OTHER, reporter="UZB", partner="KGZ",
              value="95000000", unit="USD", qualifier="exact", period_start="2023-01-01", period_end="2023-12-31"),
]


def write_candidates(repo: Path, rows: list[dict]) -> None:
    columns = schemas.CANDIDATES.columns
    (repo / "build" / "candidates.csv").write_text(csv_text(columns, ([r[c] for c in columns] for r in rows)),
                                                   encoding="utf-8")


def figure(fid: str, sentence: str, written: str, value: str, unit: str, candidate_id: str = "",
           needs_review: str = "yes", text: str = TEXT, source: str = SOURCE) -> dict:
    """A row of the figures table: ``written`` as it stands in ``sentence`` of ``text``."""
    start = text.index(sentence)
    at = start + sentence.index(written)
    return {"figure_id": fid, "source_id": source, "char_start": str(at), "char_end": str(at + len(written)),
            "text": written, "value": value, "unit": unit, "sentence_start": str(start),
            "sentence_end": str(start + len(sentence)), "candidate_id": candidate_id, "needs_review": needs_review}


F_MISSED, F_TARGET = "f000000000a01", "f000000000a02"
FIGURES = [figure(F_TARGET, TARGET, "$1 billion", "1000000000", "USD", candidate_id=C_TARGET),
           figure(F_MISSED, MISSED, "120 thousand tonnes", "120000", "t")]


def write_figures(repo: Path, rows: list[dict]) -> None:
    columns = schemas.FIGURES.columns
    (repo / "build" / "figures.csv").write_text(csv_text(columns, ([r[c] for c in columns] for r in rows)),
                                                encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A small repository: two articles ingested, four candidates extracted, nothing decided yet."""
    (tmp_path / "build").mkdir()
    docs = [make_doc(SOURCE, TEXT, "2025-02-10"), make_doc(OTHER, OTHER_TEXT, "2024-03-01")]
    (tmp_path / "build" / "documents.jsonl").write_text("".join(d.to_json() + "\n" for d in docs), encoding="utf-8")
    write_candidates(tmp_path, CANDIDATES)
    write_figures(tmp_path, [])
    write_validated(tmp_path / "validated")
    return tmp_path


def rows(repo: Path, table: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((repo / "validated" / f"{table}.csv").read_text(encoding="utf-8"))))


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in the folder, hidden ones included: a crash must leave nothing behind either."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def validate_repo(repo: Path):
    """What the validate stage says about the repository's decisions."""
    docs = {d.source_id: d for d in iter_documents(repo / "build" / "documents.jsonl")}
    return validate(repo / "validated", docs, read_candidate_frame(repo / "build" / "candidates.csv"))


# ---------------------------------------------------------------------------- status
def test_status_counts_every_kind_per_source_and_in_total(repo):
    write_figures(repo, FIGURES)
    before = review(repo, "status").stdout
    assert "1 flagged figure(s): `review show` lists them" in before
    review(repo, "accept", C_TURNOVER)
    review(repo, "accept", C_EXPORTS, "--set", "value=150300000", "--note", "typo in the article")
    review(repo, "reject", C_TARGET, "--reason", "a target, not a statistic")
    review(repo, "add", "--source", SOURCE, "--quote", MISSED, "--table", "commodities", "--reporter", "MNG",
           "--partner", "KAZ", "--flow", "import", "--commodity", "wheat", "--hs-code", "1001", "--value", "120000",
           "--unit", "t", "--qualifier", "exact", "--period-start", "2024-01-01", "--period-end", "2024-12-31")
    out = review(repo, "status").stdout
    lines = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.strip()}
    assert lines["source"] == ["pending", "figures", "accepted", "corrected", "added", "rejected", "dismissed",
                               "stale"]
    assert lines[SOURCE] == ["0", "0", "1", "1", "1", "1", "0", "0"], "the added row states the flagged figure"
    assert lines[OTHER] == ["1", "0", "0", "0", "0", "0", "0", "0"]
    assert lines["total"] == ["1", "0", "1", "1", "1", "1", "0", "0"]
    assert "1 pending" in out and "flagged figure" not in out


def test_status_lists_stale_rows_and_prunes_vanished_rejections(repo):
    review(repo, "accept", C_TURNOVER)
    review(repo, "accept", C_EXPORTS, "--set", "value=150300000", "--note", "typo in the article")
    review(repo, "reject", C_TARGET, "--reason", "a target")
    # the extractor improves: it reads another period for the turnover, the target is gone,
    # and the corrected value is read differently (a corrected field never makes a row stale)
    improved = [dict(CANDIDATES[0], period_start="2024-07-01"), dict(CANDIDATES[1], value="150000000"), CANDIDATES[3]]
    write_candidates(repo, improved)
    out = review(repo, "status").stdout
    assert "1 stale row(s)" in out
    assert f"{C_TURNOVER}  validated/turnover.csv  {SOURCE}  accepted" in out
    assert "period_start kept '2024-01-01', extracted now '2024-07-01'" in out
    assert C_EXPORTS not in out.split("stale row(s)")[1]
    assert "1 rejection(s) refer to candidates no longer extracted" in out

    pruned = review(repo, "status", "--prune").stdout
    assert f"{C_TARGET}: dropped from validated/rejected.csv" in pruned and "'a target'" in pruned
    assert rows(repo, "rejected") == []

    write_candidates(repo, [CANDIDATES[3]])  # the accepted turnover candidate disappears altogether
    assert "its candidate is no longer extracted" in review(repo, "status").stdout


def test_prune_refuses_when_there_are_no_candidates(repo):
    review(repo, "reject", C_TARGET, "--reason", "a target")
    write_candidates(repo, [])
    result = review(repo, "status", "--prune", ok=False)
    assert "refusing to drop every rejection" in result.stderr
    assert len(rows(repo, "rejected")) == 1


# ------------------------------------------------------------------------------ show
def test_show_prints_pending_candidates_with_the_figure_highlighted(repo):
    review(repo, "reject", C_TARGET, "--reason", "a target")
    out = review(repo, "show", SOURCE).stdout
    assert ("In 2024 trade between Kazakhstan and Mongolia reached **$210.4 million**, **1.4 times** more than a "
            "year earlier.") in out
    assert "reporter=KAZ  partner=MNG  period_start=2024-01-01  period_end=2024-12-31  value=210400000" in out
    assert C_EXPORTS in out and C_TARGET not in out and C_OTHER not in out
    assert "\x1b[" not in out, "plain text when not a terminal"
    assert "2 pending candidate(s)" in out


@pytest.mark.parametrize("quote,values,figures", [
    ("Exports rose by 82.6% to $1.2 billion in 2023.", {"value": "1200000000", "growth_ratio": "1.826"},
     ["82.6%", "$1.2 billion"]),
    ("Imports fell 10 percent to 5.5 mln tonnes in 2021.", {"value": "5500000", "growth_ratio": "0.9"},
     ["10 percent", "5.5 mln"]),
    ("Trade grew 2.1-fold in 2022, reaching 987.9 million dollars.", {"value": "987900000", "growth_ratio": "2.1"},
     ["2.1-fold", "987.9 million"]),
    # a misread value matches nothing: every figure-like expression is marked for a look, years are not
    ("In 2022 trade reached $3 billion, up 5%.", {"value": "2000000000"}, ["$3 billion", "5%"]),
])
def test_figure_spans_mark_the_figures_the_candidate_states(quote, values, figures):
    assert [quote[a:b] for a, b in figure_spans(quote, values)] == figures


def test_show_unknown_source_is_an_error(repo):
    result = review(repo, "show", "no_such_article", ok=False)
    assert "source not found" in result.stderr and "no_such_article" in result.stderr


def test_show_on_a_terminal_styles_the_figure_instead_of_marking_it():
    out = io.StringIO()
    print_candidate(Console(file=out, force_terminal=True, color_system="standard", width=200),
                    CandidateRecord(CANDIDATES[0]))
    text = out.getvalue()
    assert "\x1b[1;33m$210.4 million\x1b[0m" in text and "**" not in text


# ---------------------------------------------------------------------------- accept
def test_accept_writes_the_candidate_with_its_provenance_and_is_idempotent(repo):
    result = review(repo, "accept", C_TURNOVER)
    assert f"{C_TURNOVER}: accepted into validated/turnover.csv" in result.stdout
    [row] = rows(repo, "turnover")
    start = TEXT.index(TURNOVER)
    assert row == {**{c: "" for c in schemas.VALIDATED["turnover"].columns}, "fact_id": C_TURNOVER,
                   "reporter": "KAZ", "partner": "MNG", **YEAR_2024, "value": "210400000", "unit": "USD",
                   "qualifier": "exact", "growth_ratio": "1.4", "source_id": SOURCE, "quote": TURNOVER,
                   "char_start": str(start), "char_end": str(start + len(TURNOVER)), "review": "accepted"}
    before = snapshot(repo / "validated")
    again = review(repo, "accept", C_TURNOVER)
    assert f"{C_TURNOVER}: already accepted in validated/turnover.csv" in again.stdout
    assert snapshot(repo / "validated") == before


def test_accept_with_set_is_a_correction_that_keeps_the_extracted_value(repo):
    review(repo, "accept", C_EXPORTS, "--set", "value=150300000", "--set", "qualifier=approx",
           "--note", "the ministry's table says 150.3")
    [row] = rows(repo, "exports")
    assert (row["value"], row["qualifier"], row["review"]) == ("150300000", "approx", "corrected")
    assert row["corrected_from"] == "value=150200000; qualifier=exact"
    assert row["note"] == "the ministry's table says 150.3"


def test_correction_can_move_a_candidate_to_another_table(repo):
    review(repo, "accept", C_TURNOVER, "--set", "table=exports", "--note", "the sentence is about exports")
    assert rows(repo, "turnover") == []
    [row] = rows(repo, "exports")
    assert (row["fact_id"], row["corrected_from"]) == (C_TURNOVER, "table=turnover")


def test_correction_needs_a_note_and_writes_nothing_without(repo):
    before = snapshot(repo / "validated")
    result = review(repo, "accept", C_EXPORTS, "--set", "value=150300000", ok=False)
    assert f"{C_EXPORTS} column '--note'" in result.stderr and "a correction must say why" in result.stderr
    assert snapshot(repo / "validated") == before


@pytest.mark.parametrize("assignment,column,expected", [
    ("valeu=1", "--set valeu", "unknown field; editable fields: table, reporter"),
    ("value=150,3", "--set value", "expected a plain decimal number"),
    ("value=-5", "--set value", "expected at least 0"),
    ("partner=XXX", "--set partner", "expected a code listed in reference/countries.csv"),
    ("qualifier=roughly", "--set qualifier", "expected one of: exact, approx, over, under"),
    ("period_end=2024-02-30", "--set period_end", "ISO date YYYY-MM-DD that exists in the calendar"),
    ("commodity=wheat", "--set commodity", "exports has no column 'commodity'"),
    ("table=tariffs", "--set table", "expected one of: turnover, exports, imports, commodities"),
    ("value", "", "expected FIELD=VALUE"),
])
def test_bad_set_names_the_field_and_what_was_expected(repo, assignment, column, expected):
    before = snapshot(repo / "validated")
    result = review(repo, "accept", C_EXPORTS, "--set", assignment, "--note", "n", ok=False)
    assert expected in result.stderr
    assert column in result.stderr
    assert snapshot(repo / "validated") == before


def test_set_to_the_extracted_value_is_not_a_correction(repo):
    result = review(repo, "accept", C_EXPORTS, "--set", "value=150200000.0", "--note", "n", ok=False)
    assert "no field differs from the extracted value" in result.stderr


def test_unknown_id_and_an_id_decided_the_other_way_are_errors(repo):
    unknown = review(repo, "accept", "c0000000000ff", ok=False)
    assert "c0000000000ff" in unknown.stderr and "not among the 4 candidates" in unknown.stderr
    review(repo, "reject", C_TARGET, "--reason", "a target")
    other_way = review(repo, "accept", C_TARGET, ok=False)
    assert "already rejected (reason 'a target')" in other_way.stderr
    assert f"review undo {C_TARGET}" in other_way.stderr
    assert rows(repo, "turnover") == []


def test_an_invalid_extracted_value_must_be_corrected(repo):
    write_candidates(repo, [dict(CANDIDATES[0], partner="MNX")])
    result = review(repo, "accept", C_TURNOVER, ok=False)
    assert "--set partner" in result.stderr and "the extractor proposed 'MNX': correct it" in result.stderr
    review(repo, "accept", C_TURNOVER, "--set", "partner=MNG", "--note", "code misread")
    assert rows(repo, "turnover")[0]["corrected_from"] == "partner=MNX"


def test_a_quote_that_no_longer_matches_its_source_is_refused(repo):
    start = int(CANDIDATES[0]["char_start"])
    write_candidates(repo, [dict(CANDIDATES[0], char_start=str(start + 1), char_end=str(start + 1 + len(TURNOVER)))])
    result = review(repo, "accept", C_TURNOVER, ok=False)
    assert "quote" in result.stderr and "rerun `dvc repro extract`" in result.stderr


# ---------------------------------------------------------------------- reject, undo
def test_reject_needs_a_reason_and_is_idempotent(repo):
    assert "say why" in review(repo, "reject", C_TARGET, "--reason", " ", ok=False).stderr
    review(repo, "reject", C_TARGET, C_TARGET, "--reason", "a target, not a statistic")
    assert rows(repo, "rejected") == [{"candidate_id": C_TARGET, "source_id": SOURCE, "quote": TARGET,
                                       "reason": "a target, not a statistic"}]
    assert "already rejected" in review(repo, "reject", C_TARGET, "--reason", "a target, not a statistic").stdout
    different = review(repo, "reject", C_TARGET, "--reason", "something else", ok=False)
    assert "already rejected (reason 'a target, not a statistic')" in different.stderr


def test_a_rejection_does_not_cover_other_words_under_the_same_id(repo):
    """An edited article can put another figure where a rejected one stood: it is pending again, not rejected."""
    review(repo, "reject", C_TARGET, "--reason", "a target")
    edited = TARGET.replace("$1 billion", "$9 billion")
    write_candidates(repo, [*CANDIDATES[:2], dict(CANDIDATES[2], quote=edited, value="9000000000"), CANDIDATES[3]])
    status = review(repo, "status").stdout
    assert "1 stale row(s)" in status and "pending again" in status
    assert C_TARGET in review(repo, "show", SOURCE).stdout
    result = validate_repo(repo)
    assert C_TARGET in {p["candidate_id"] for p in result.pending}
    assert any(w.file == "validated/rejected.csv" and w.line == 2 and w.column == "quote" for w in result.warnings)
    # deciding again replaces the rejection of the old words
    assert "replacing the rejection" in review(repo, "reject", C_TARGET, "--reason", "still a target").stdout
    assert rows(repo, "rejected")[0]["quote"] == edited


def test_undo_makes_a_candidate_pending_again(repo):
    review(repo, "accept", C_TURNOVER)
    assert "(pending again)" in review(repo, "undo", C_TURNOVER).stdout
    assert rows(repo, "turnover") == []
    assert C_TURNOVER in review(repo, "show").stdout
    assert "no decision on this id" in review(repo, "undo", C_TURNOVER, ok=False).stderr


# ------------------------------------------------------------------------------- add
ADD_WHEAT = ["--source", SOURCE, "--table", "commodities", "--reporter", "MNG", "--partner", "KAZ", "--flow",
             "import", "--commodity", "wheat", "--hs-code", "1001", "--value", "120000", "--unit", "t",
             "--qualifier", "exact", "--period-start", "2024-01-01", "--period-end", "2024-12-31"]


def test_add_finds_the_quote_and_gives_a_hand_id(repo):
    result = review(repo, "add", "--quote", MISSED, *ADD_WHEAT)
    [row] = rows(repo, "commodities")
    start = TEXT.index(MISSED)
    assert (row["char_start"], row["char_end"]) == (str(start), str(start + len(MISSED)))
    assert row["review"] == "added" and row["fact_id"].startswith("h") and len(row["fact_id"]) == 13
    assert row["fact_id"] == hand_fact_id(SOURCE, "commodities", MISSED, start, start + len(MISSED), row)
    assert f"{row['fact_id']}: added to validated/commodities.csv (quote at {start}:" in result.stdout
    before = snapshot(repo / "validated")
    assert "already added" in review(repo, "add", "--quote", MISSED, *ADD_WHEAT).stdout
    assert snapshot(repo / "validated") == before


def test_add_refuses_a_quote_not_in_the_source_or_an_unknown_source(repo):
    missing = review(repo, "add", "--quote", MISSED.replace("120", "130"), *ADD_WHEAT, ok=False)
    assert "column '--quote'" in missing.stderr and "not found verbatim in t90_review" in missing.stderr
    unknown = review(repo, "add", "--quote", MISSED, *ADD_WHEAT[2:], "--source", "t99_none", ok=False)
    assert "column '--source'" in unknown.stderr and "no such article" in unknown.stderr
    assert rows(repo, "commodities") == []


def test_add_needs_char_start_when_the_quote_occurs_twice(repo):
    first, second = TEXT.index(TWICE), TEXT.rindex(TWICE)
    args = ["add", "--quote", TWICE, "--source", SOURCE, "--table", "turnover", "--reporter", "KAZ", "--partner", "MNG"]
    result = review(repo, *args, ok=False)
    assert f"occurs 2 times in {SOURCE} (at {first}, {second}): choose one with --char-start" in result.stderr
    assert "is not at 3" in review(repo, *args, "--char-start", "3", ok=False).stderr
    review(repo, *args, "--char-start", str(second))
    assert rows(repo, "turnover")[0]["char_start"] == str(second)


# ------------------------------------------------------------------ export and apply
def export(repo: Path) -> Path:
    queue = repo / "queue.csv"
    review(repo, "export", "--out", str(queue))
    return queue


def fill(queue: Path, decisions: dict[str, dict[str, str]]) -> None:
    """Fill in the queue the way a keeper does in a spreadsheet: by candidate id."""
    text = queue.read_text(encoding="utf-8-sig")
    records = list(csv.DictReader(io.StringIO(text)))
    for record in records:
        record.update(decisions.get(record["candidate_id"], {}))
    queue.write_text(csv_text(list(records[0]), ([r[c] for c in records[0]] for r in records)), encoding="utf-8")


def test_export_writes_pending_candidates_with_an_empty_decision_column(repo):
    review(repo, "reject", C_TARGET, "--reason", "a target")
    queue = export(repo)
    raw = queue.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a byte-order mark so spreadsheets read UTF-8"
    records = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["candidate_id"] for r in records] == [C_TURNOVER, C_EXPORTS, C_OTHER]
    assert all(r["decision"] == "" and r["reason"] == "" and r["note"] == "" for r in records)
    assert (records[0]["value"], records[0]["quote"]) == ("210400000", TURNOVER)
    assert "exists" in review(repo, "export", "--out", str(queue), ok=False).stderr
    review(repo, "export", "--out", str(queue), "--force")


def test_apply_checks_every_line_first_and_applies_nothing_on_an_error(repo):
    queue = export(repo)
    fill(queue, {C_TURNOVER: {"decision": "accept"},
                 C_EXPORTS: {"decision": "corect"},
                 C_TARGET: {"decision": "correct", "value": "1,000,000,000", "note": "n"},
                 C_OTHER: {"decision": "reject"}})
    before = snapshot(repo / "validated")
    result = review(repo, "apply", str(queue), ok=False)
    err = result.stderr
    assert "nothing was written" in err
    assert (f"{queue}:3 column 'decision': expected one of: accept, correct, reject (or blank to skip) "
            f"[got 'corect']") in err
    assert f"{queue}:4 column 'value': expected a plain decimal number" in err
    assert f"{queue}:5 column 'reason': say why" in err
    assert snapshot(repo / "validated") == before


def test_apply_applies_all_decisions_and_twice_changes_nothing(repo):
    queue = export(repo)
    fill(queue, {C_TURNOVER: {"decision": "Accept"},
                 C_EXPORTS: {"decision": "correct", "value": "150300000", "note": "the ministry says 150.3"},
                 C_TARGET: {"decision": "reject", "reason": "a target, not a statistic"}})
    result = review(repo, "apply", str(queue))
    assert "1 accepted, 1 corrected, 1 rejected; 1 skipped (blank decision)" in result.stdout
    assert rows(repo, "exports")[0]["corrected_from"] == "value=150200000"
    assert [r["candidate_id"] for r in rows(repo, "rejected")] == [C_TARGET]
    before = snapshot(repo / "validated")
    again = review(repo, "apply", str(queue))
    assert "nothing to change; 3 already recorded; 1 skipped" in again.stdout
    assert snapshot(repo / "validated") == before
    result = validate_repo(repo)
    assert result.problems == [] and [r["candidate_id"] for r in result.pending] == [C_OTHER]


def test_apply_refuses_an_edited_field_under_accept_and_a_correction_without_note(repo):
    queue = export(repo)
    fill(queue, {C_TURNOVER: {"decision": "accept", "growth_ratio": "1.5"},
                 C_EXPORTS: {"decision": "correct", "value": "150300000"}})
    err = review(repo, "apply", str(queue), ok=False).stderr
    assert f"{queue}:2 column 'growth_ratio': the field was edited: make the decision 'correct'" in err
    assert f"{queue}:3 column 'note': a correction must say why" in err
    assert f"{queue}:2 column 'note'" not in err  # an accept needs no note: the edit is the one mistake


def test_apply_refuses_an_edited_quote(repo):
    queue = export(repo)
    fill(queue, {C_TURNOVER: {"decision": "accept", "quote": TURNOVER.replace("210.4", "219.4")}})
    err = review(repo, "apply", str(queue), ok=False).stderr
    assert f"{queue}:2 column 'quote'" in err and "provenance is never edited" in err
    assert rows(repo, "turnover") == []


def test_apply_refuses_a_queue_exported_before_the_candidate_changed(repo):
    queue = export(repo)
    fill(queue, {C_TURNOVER: {"decision": "accept"}})
    write_candidates(repo, [dict(CANDIDATES[0], growth_ratio="1.45"), *CANDIDATES[1:]])
    err = review(repo, "apply", str(queue), ok=False).stderr
    assert f"{queue}:2 column 'fingerprint'" in err and "export a new queue" in err


def test_apply_dry_run_writes_nothing(repo):
    queue = export(repo)
    fill(queue, {C_TURNOVER: {"decision": "accept"}})
    before = snapshot(repo / "validated")
    assert "dry run, nothing written: 1 accepted" in review(repo, "apply", str(queue), "--dry-run").stdout
    assert snapshot(repo / "validated") == before


def test_rows_stay_sorted_by_source_position_and_id(repo):
    review(repo, "accept", C_OTHER, C_TARGET, C_TURNOVER)
    review(repo, "accept", C_EXPORTS, "--set", "table=turnover", "--note", "a turnover figure")
    turnover = rows(repo, "turnover")
    assert [r["fact_id"] for r in turnover] == [C_TURNOVER, C_EXPORTS, C_TARGET, C_OTHER]
    assert [(r["source_id"], int(r["char_start"])) for r in turnover] == sorted(
        (r["source_id"], int(r["char_start"])) for r in turnover)


def test_decisions_written_by_review_pass_the_validate_stage(repo):
    review(repo, "accept", C_TURNOVER)
    review(repo, "accept", C_EXPORTS, "--set", "value=150300000", "--note", "n")
    review(repo, "reject", C_TARGET, C_OTHER, "--reason", "not wanted here")
    review(repo, "add", "--quote", MISSED, *ADD_WHEAT)
    result = validate_repo(repo)
    assert result.problems == [] and result.pending == []
    assert result.stats["corrected"] == 1 and result.stats["hand_added"] == 1


# ---------------------------------------------------------------------- atomic writes
def failing_second_rename(monkeypatch, exception: BaseException) -> list[str]:
    """Make the rename of the second staged table raise, as a full disk or a crash would."""
    real, renamed = os.replace, []

    def replace(src, dst):
        if str(src).endswith(".staged"):
            renamed.append(Path(dst).name)
            if len(renamed) == 2:
                raise exception
        return real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    return renamed


@pytest.mark.parametrize("exception", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_failure_in_the_middle_of_apply_leaves_validated_unchanged(repo, monkeypatch, exception):
    review(repo, "accept", C_OTHER)
    queue = export(repo)
    fill(queue, {C_TURNOVER: {"decision": "accept"}, C_EXPORTS: {"decision": "accept"},
                 C_TARGET: {"decision": "reject", "reason": "a target"}})
    before = snapshot(repo / "validated")
    renamed = failing_second_rename(monkeypatch, exception)
    result = CliRunner().invoke(app, ["--repo", str(repo), "apply", str(queue)])
    assert result.exit_code != 0
    assert len(renamed) == 2, "the first table was renamed into place before the failure"
    assert snapshot(repo / "validated") == before
    monkeypatch.undo()
    assert "2 accepted, 1 rejected" in review(repo, "apply", str(queue)).stdout
    assert len(rows(repo, "exports")) == 1 and len(rows(repo, "rejected")) == 1


def test_a_command_killed_in_the_middle_is_rolled_back_by_the_next_one(repo):
    queue = export(repo)
    fill(queue, {C_TURNOVER: {"decision": "accept"}, C_EXPORTS: {"decision": "accept"},
                 C_TARGET: {"decision": "reject", "reason": "a target"}})
    before = snapshot(repo / "validated")
    killed = subprocess.run([sys.executable, "-c", KILLED_IN_THE_MIDDLE, str(repo), str(queue)], cwd=REPO,
                            capture_output=True, text=True, timeout=60)
    assert killed.returncode == 9, killed.stderr
    assert (repo / "validated" / JOURNAL).exists(), "the process died with the journal in place"
    assert snapshot(repo / "validated") != before
    session = ReviewSession(ReviewPaths.in_repo(repo))
    assert session.recovered
    assert snapshot(repo / "validated") == before


#: Runs ``review apply`` in a child process that dies (no cleanup at all) at the second rename.
KILLED_IN_THE_MIDDLE = """
import os, sys
from stages.review import app
real, renamed = os.replace, []
def replace(src, dst):
    if str(src).endswith(".staged"):
        renamed.append(dst)
        if len(renamed) == 2:
            os._exit(9)
    return real(src, dst)
os.replace = replace
app(["--repo", sys.argv[1], "apply", sys.argv[2]], prog_name="review")
"""


# ------------------------------------------------------------------------ end to end
E2E_SOURCE = "900_review_e2e"
E2E_TURNOVER = ("In 2024 trade between Kazakhstan and Mongolia reached $210.4 million, 1.4 times more than a "
                "year earlier.")
E2E_EXPORTS = "Kazakhstan's exports to Mongolia amounted to $150.2 million in 2024."
E2E_MIRROR = "Mongolia's exports to Kazakhstan reached $25.5 million in 2024."
E2E_WHEAT = "Kazakhstan exported 85 thousand tonnes of wheat to Mongolia in 2024."
E2E_LOCAL = "Trade between Kazakh and Mongolian border towns reached $3 million in 2024."
E2E_MISSED = "Mongolia took in 120 thousand tonnes of Kazakh flour in 2024."  # the extractor does not read this one
E2E_ARTICLE = ("Kazakhstan and Mongolia sign a new trade agenda\n"
               "Officials of the two countries met in Ulaanbaatar on Tuesday.\n"
               f"{E2E_TURNOVER}\n{E2E_EXPORTS}\n{E2E_MIRROR}\n{E2E_WHEAT}\n{E2E_LOCAL}\n{E2E_MISSED}\n"
               "The next meeting is planned for the autumn.\n")
def review_cli(repo: Path, *args: str) -> subprocess.CompletedProcess:
    """The command as a keeper runs it, in the copy (``python -m stages.review`` imports the copy's code)."""
    result = run(repo, sys.executable, "-m", "stages.review", *args)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def published_rows(repo: Path, table: str) -> dict[str, dict[str, str]]:
    with open(repo / "data" / f"{table}.csv", encoding="utf-8", newline="") as fh:
        return {r["fact_id"]: r for r in csv.DictReader(fh)}


@pytest.mark.e2e
def test_a_new_article_is_reviewed_and_published_end_to_end(tmp_path, monkeypatch):
    repo = copy_repo(tmp_path / "repo")
    (repo / "raw" / f"{E2E_SOURCE}.txt").write_text(E2E_ARTICLE, encoding="utf-8")
    with open(repo / "raw" / "metadata.csv", "a", encoding="utf-8") as fh:
        fh.write(f"{E2E_SOURCE},2025-02-10,,Kazakhstan and Mongolia sign a new trade agenda,Test wire\n")

    failed = dvc_repro(repo)
    assert failed.returncode != 0
    assert "await review" in failed.stderr and E2E_SOURCE in failed.stderr

    pending = ReviewSession(ReviewPaths.in_repo(repo)).pending()
    assert {c.source_id for c in pending} == {E2E_SOURCE}, "only the new article is pending"
    by_quote = {c.quote: c for c in pending}
    turnover, exports, mirror, wheat, local = (by_quote[q] for q in (E2E_TURNOVER, E2E_EXPORTS, E2E_MIRROR,
                                                                       E2E_WHEAT, E2E_LOCAL))
    assert "reached **$210.4 million**" in review_cli(repo, "show", E2E_SOURCE).stdout

    # single-id commands: accept one, correct one, reject one
    review_cli(repo, "accept", mirror.id)
    review_cli(repo, "accept", exports.id, "--set", "value=150300000", "--note", "the ministry's table says 150.3")
    review_cli(repo, "reject", local.id, "--reason", "trade between border towns, not between the countries")
    added = review_cli(repo, "add", "--source", E2E_SOURCE, "--quote", E2E_MISSED, "--table", "commodities",
                       "--reporter", "MNG", "--partner", "KAZ", "--flow", "import", "--commodity", "flour",
                       "--hs-code", "1101", "--value", "120000", "--unit", "t", "--qualifier", "exact",
                       "--period-start", "2024-01-01", "--period-end", "2024-12-31")
    hand_id = added.stdout.split(":")[0]
    # the rest through the queue (two tables); a crash in the middle of applying it leaves validated/ as it was
    review_cli(repo, "export", "--out", "queue.csv")
    fill(repo / "queue.csv", {turnover.id: {"decision": "accept"}, wheat.id: {"decision": "accept"}})
    before = snapshot(repo / "validated")
    renamed = failing_second_rename(monkeypatch, OSError(5, "Input/output error"))
    crashed = CliRunner().invoke(app, ["--repo", str(repo), "apply", str(repo / "queue.csv")])
    monkeypatch.undo()
    assert len(renamed) == 2 and crashed.exit_code == 1 and "validated/ was left as it was" in crashed.stderr
    assert snapshot(repo / "validated") == before
    assert "2 accepted" in review_cli(repo, "apply", "queue.csv").stdout
    after = snapshot(repo / "validated")
    assert "nothing to change; 2 already recorded" in review_cli(repo, "apply", "queue.csv").stdout
    assert snapshot(repo / "validated") == after

    published = dvc_repro(repo)
    assert published.returncode == 0, published.stdout + published.stderr
    for table, candidate in [("turnover", turnover), ("exports", mirror), ("commodities", wheat)]:
        row = published_rows(repo, table)[candidate.id]
        assert row["source_id"] == E2E_SOURCE and row["value"] == candidate.values["value"]
        assert E2E_ARTICLE[int(row["char_start"]):int(row["char_end"])] == row["quote"] == candidate.quote
    assert published_rows(repo, "exports")[exports.id]["value"] == "150300000"
    flour = published_rows(repo, "commodities")[hand_id]
    assert (flour["commodity"], flour["value"], flour["quote"]) == ("flour", "120000", E2E_MISSED)
    assert E2E_ARTICLE[int(flour["char_start"]):int(flour["char_end"])] == E2E_MISSED
    [kept] = [r for r in rows(repo, "exports") if r["fact_id"] == exports.id]
    assert (kept["review"], kept["value"], kept["corrected_from"]) == ("corrected", "150300000", "value=150200000")
    assert local.id not in published_rows(repo, "turnover")
    assert local.id in {r["candidate_id"] for r in rows(repo, "rejected")}

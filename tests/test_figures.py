"""Every stated figure reaches the keeper: the figures table, flagged figures in review, and validate's check.

The sentences are written for these tests (never article text).
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from stages import extract
from stages.validate import read_candidates as read_candidate_frame
from stages.validate import validate
from tests.conftest import make_doc, review, write_validated
from tests.repo_copy import copy_repo, dvc_repro, run
from tradestats.documents import Document
from tradestats.extract import read_document
from tradestats.review import ReviewPaths, ReviewSession, read_figures

STATED = "In 2024 trade between Kazakhstan and Mongolia reached $210.4 million."
UNREAD = "Mongolia also took in 120 thousand tonnes of Kazakh flour, officials said."  # the rules do not read it
PLEDGE = "The two sides agreed on supplies worth $40 million over the next years."
BRIDGE = "A new bridge over the river cost $12 million to build."  # no trade, no partner
TEXT = f" date 2025-02-10\nA note written for the tests.\n{STATED}\n{UNREAD} {PLEDGE}\n{BRIDGE}\n"
SOURCE = "t80_figures"


def figures_of(text: str = TEXT, published: str = "2025-02-10") -> dict[str, object]:
    found = read_document(Document(SOURCE, text, published))
    return {f.text: f for f in found.figures}, found.candidates


# ----------------------------------------------------------------------- the figures table
def test_every_money_amount_and_tonnage_is_listed_with_its_sentence():
    figures, _ = figures_of()
    assert set(figures) == {"$210.4 million", "120 thousand tonnes", "$40 million", "$12 million"}
    tonnes = figures["120 thousand tonnes"]
    assert (tonnes.value, tonnes.unit) == (120000, "t")
    assert TEXT[tonnes.char_start:tonnes.char_end] == "120 thousand tonnes"
    assert TEXT[tonnes.sentence_start:tonnes.sentence_end] == UNREAD


def test_a_figure_a_candidate_uses_names_it_and_needs_no_review():
    figures, candidates = figures_of()
    [turnover] = [c for c in candidates if c.quote == STATED]
    assert figures["$210.4 million"].candidate_id == turnover.candidate_id
    assert figures["$210.4 million"].needs_review == "no"


def test_an_unclaimed_figure_is_flagged_only_in_a_sentence_about_trade():
    figures, _ = figures_of()
    assert (figures["120 thousand tonnes"].candidate_id, figures["120 thousand tonnes"].needs_review) == ("", "yes")
    assert figures["$40 million"].needs_review == "yes", "supplies: a trade word, though a pledge"
    assert figures["$12 million"].needs_review == "no", "a bridge's cost: no trade word, no partner"


def test_figure_ids_are_stable_and_follow_the_text():
    first, _ = figures_of()
    again, _ = figures_of()
    assert {k: f.figure_id for k, f in first.items()} == {k: f.figure_id for k, f in again.items()}
    shifted, _ = figures_of(TEXT.replace("A note written", "A longer note written"))
    assert shifted["$12 million"].figure_id != first["$12 million"].figure_id, "an id names where the figure stands"


def test_the_stage_writes_figures_beside_the_candidates(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / f"{SOURCE}.txt").write_text(TEXT, encoding="utf-8")
    extract.main(["--raw", str(raw), "--out", str(tmp_path / "c.csv"), "--figures", str(tmp_path / "f.csv")])
    with open(tmp_path / "f.csv", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    assert reader.fieldnames == ["figure_id", "source_id", "char_start", "char_end", "text", "value", "unit",
                                 "sentence_start", "sentence_end", "candidate_id", "needs_review"]
    assert {r["text"]: r["needs_review"] for r in rows} == {"$210.4 million": "no", "120 thousand tonnes": "yes",
                                                            "$40 million": "yes", "$12 million": "no"}
    assert {r["value"] for r in rows} >= {"210400000", "120000"}, "values in full units, plain notation"


# ------------------------------------------------------------------------ review and validate
@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with the test article extracted (candidates and figures) and nothing decided."""
    doc = make_doc(SOURCE, TEXT, "2025-02-10")
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "documents.jsonl").write_text(doc.to_json() + "\n", encoding="utf-8")
    found = read_document(doc)
    (tmp_path / "build" / "candidates.csv").write_text(extract.candidates_csv(found.candidates), encoding="utf-8")
    (tmp_path / "build" / "figures.csv").write_text(extract.figures_csv(found.figures), encoding="utf-8")
    write_validated(tmp_path / "validated")
    return tmp_path


def flagged(repo: Path) -> dict[str, str]:
    """Flagged figure ids by the figure's text."""
    figures = read_figures(repo / "build" / "figures.csv", "figures")
    return {f.values["text"]: f.id for f in figures.values() if f.flagged}


def validation(repo: Path, severity: str = "error"):
    docs = {SOURCE: make_doc(SOURCE, TEXT, "2025-02-10")}
    return validate(repo / "validated", docs, read_candidate_frame(repo / "build" / "candidates.csv"),
                    {"unclaimed_figures": severity}, read_figures(repo / "build" / "figures.csv", "figures"))


def accept_all_candidates(repo: Path) -> None:
    ids = [c.id for c in ReviewSession(ReviewPaths.in_repo(repo)).pending()]
    review(repo, "accept", *ids)


def test_show_lists_flagged_figures_highlighted_under_the_candidates(repo):
    out = review(repo, "show").stdout
    assert out.index("pending candidate(s)") < out.index(flagged(repo)["120 thousand tonnes"])
    assert "also took in **120 thousand tonnes** of Kazakh flour" in out
    assert "review dismiss ID --reason TEXT" in out and "review add --figure ID" in out
    status = review(repo, "status").stdout
    [row] = [line.split() for line in status.splitlines() if line.startswith(SOURCE)]
    assert row[2] == "2", "two flagged figures counted for the source"


def test_dismiss_records_the_figure_with_its_sentence_and_is_idempotent(repo):
    pledge = flagged(repo)["$40 million"]
    assert "say why" in review(repo, "dismiss", pledge, "--reason", " ", ok=False).stderr
    done = review(repo, "dismiss", pledge, "--reason", "a pledge of future supplies").stdout
    assert f"{pledge}: dismissed into validated/dismissed.csv" in done
    before = (repo / "validated" / "dismissed.csv").read_bytes()
    assert "already dismissed" in review(repo, "dismiss", pledge, "--reason", "a pledge of future supplies").stdout
    assert (repo / "validated" / "dismissed.csv").read_bytes() == before
    [row] = csv.DictReader(open(repo / "validated" / "dismissed.csv", encoding="utf-8"))
    assert (row["figure_id"], row["text"], row["quote"], row["reason"]) == (
        pledge, "$40 million", PLEDGE, "a pledge of future supplies")
    assert pledge not in review(repo, "show").stdout


def test_dismiss_refuses_an_unknown_or_unflagged_figure_and_writes_nothing(repo):
    assert "not among the" in review(repo, "dismiss", "f0000000000ff", "--reason", "x", ok=False).stderr
    figures = read_figures(repo / "build" / "figures.csv", "figures")
    used = next(f.id for f in figures.values() if f.values["candidate_id"])
    assert "decide that candidate" in review(repo, "dismiss", used, "--reason", "x", ok=False).stderr
    assert (repo / "validated" / "dismissed.csv").read_text(encoding="utf-8").count("\n") == 1


def test_add_with_a_figure_takes_its_sentence_and_value(repo):
    tonnes = flagged(repo)["120 thousand tonnes"]
    out = review(repo, "add", "--figure", tonnes, "--table", "commodities", "--reporter", "MNG", "--partner", "KAZ",
                 "--flow", "import", "--commodity", "flour", "--hs-code", "1101", "--qualifier", "exact").stdout
    [row] = csv.DictReader(open(repo / "validated" / "commodities.csv", encoding="utf-8"))
    assert (row["quote"], row["value"], row["unit"], row["review"]) == (UNREAD, "120000", "t", "added")
    assert TEXT[int(row["char_start"]):int(row["char_end"])] == UNREAD and row["fact_id"] in out
    assert "120 thousand tonnes" not in review(repo, "show").stdout, "the added row accounts for the figure"


def test_add_with_a_figure_must_state_it(repo):
    tonnes = flagged(repo)["120 thousand tonnes"]
    err = review(repo, "add", "--figure", tonnes, "--table", "commodities", "--reporter", "MNG", "--partner", "KAZ",
                 "--flow", "import", "--commodity", "flour", "--value", "12000", ok=False).stderr
    assert "column '--value'" in err and f"must state figure {tonnes}" in err
    assert "give --figure" in review(repo, "add", "--table", "turnover", "--reporter", "KAZ", "--partner", "MNG",
                                     ok=False).stderr


def test_validate_blocks_on_open_flagged_figures_until_each_is_decided(repo):
    accept_all_candidates(repo)
    result = validation(repo)
    assert {f.values["text"] for f in result.open_figures} == {"120 thousand tonnes", "$40 million"}
    assert result.stats["figures_unclaimed"] == 2 and result.stats["figures_flagged"] == 2
    ids = flagged(repo)
    review(repo, "dismiss", ids["$40 million"], "--reason", "a pledge")
    review(repo, "add", "--figure", ids["120 thousand tonnes"], "--table", "commodities", "--reporter", "MNG",
           "--partner", "KAZ", "--flow", "import", "--commodity", "flour", "--qualifier", "exact")
    result = validation(repo)
    assert not result.open_figures and not result.problems and not result.pending
    assert result.stats["figures_dismissed"] == 1


def test_the_severity_of_unclaimed_figures_is_a_parameter(repo):
    accept_all_candidates(repo)
    warned = validation(repo, "warning")
    assert len(warned.open_figures) == 2 and sum(w.check == "unclaimed_figures" for w in warned.warnings) == 2
    assert not validation(repo, "off").open_figures
    with pytest.raises(Exception, match="params.yaml is invalid"):
        validation(repo, "loud")


def test_a_dismissal_goes_stale_when_its_sentence_changes(repo):
    pledge = flagged(repo)["$40 million"]
    review(repo, "dismiss", pledge, "--reason", "a pledge")
    dismissed = repo / "validated" / "dismissed.csv"
    dismissed.write_text(dismissed.read_text(encoding="utf-8").replace("next years", "next decade"), encoding="utf-8")
    status = review(repo, "status").stdout
    assert "stale row(s)" in status and pledge in status and "to review again" in status
    assert pledge in review(repo, "show").stdout, "flagged again"
    accept_all_candidates(repo)
    result = validation(repo)
    assert pledge in {f.id for f in result.open_figures}
    assert any(w.file == "validated/dismissed.csv" and w.line == 2 for w in result.warnings)
    assert "replacing the dismissal" in review(repo, "dismiss", pledge, "--reason", "a pledge").stdout


def test_undo_flags_a_dismissed_figure_again_and_prune_drops_vanished_ones(repo):
    ids = flagged(repo)
    review(repo, "dismiss", ids["$40 million"], ids["120 thousand tonnes"], "--reason", "not trade")
    assert "(flagged again)" in review(repo, "undo", ids["$40 million"]).stdout
    figures = repo / "build" / "figures.csv"
    figures.write_text("".join(line for line in figures.read_text(encoding="utf-8").splitlines(keepends=True)
                               if ids["120 thousand tonnes"] not in line), encoding="utf-8")
    assert "1 dismissal(s) refer to figures no longer extracted" in review(repo, "status").stdout
    pruned = review(repo, "status", "--prune").stdout
    assert f"{ids['120 thousand tonnes']}: dropped from validated/dismissed.csv" in pruned
    assert (repo / "validated" / "dismissed.csv").read_text(encoding="utf-8").count("\n") == 1


# --------------------------------------------------------------------------------- end to end
E2E_SOURCE = "901_figures_e2e"
E2E_STATED = "In 2024 trade between Kazakhstan and Mongolia reached $210.4 million."
E2E_PLEDGE = "Kazakhstan also agreed to supply Mongolia with fuel worth $55 million."  # a deal, not a statistic
E2E_ARTICLE = f" date 2025-02-10\nKazakhstan and Mongolia review their trade\n{E2E_STATED}\n{E2E_PLEDGE}\n"


@pytest.mark.e2e
def test_an_unclaimed_trade_figure_stops_dvc_repro_until_dismissed(tmp_path):
    repo = copy_repo(tmp_path / "repo")
    (repo / "raw" / f"{E2E_SOURCE}.txt").write_text(E2E_ARTICLE, encoding="utf-8")
    with open(repo / "raw" / "metadata.csv", "a", encoding="utf-8") as fh:
        fh.write(f"{E2E_SOURCE},2025-02-10,,Kazakhstan and Mongolia review their trade,Test wire\n")
    assert dvc_repro(repo).returncode != 0
    session = ReviewSession(ReviewPaths.in_repo(repo))
    cli = [sys.executable, "-m", "stages.review"]
    assert run(repo, *cli, "accept", *[c.id for c in session.pending()]).returncode == 0

    failed = dvc_repro(repo)
    [pledge] = [f for f in session.open_figures() if f.source_id == E2E_SOURCE]
    assert failed.returncode != 0
    assert f"{pledge.id}  {E2E_SOURCE}  '$55 million'" in failed.stderr, failed.stderr
    before = {p.name: p.read_bytes() for p in (repo / "data").iterdir()}

    dismissed = run(repo, *cli, "dismiss", pledge.id, "--reason", "a supply deal, not a statistic")
    assert dismissed.returncode == 0, dismissed.stderr
    published = dvc_repro(repo)
    assert published.returncode == 0, published.stdout + published.stderr
    assert {p.name: p.read_bytes() for p in (repo / "data").iterdir()} != before
    assert run(repo, str(Path(sys.executable).parent / "frictionless"), "validate",
               "datapackage.json").returncode == 0


def test_a_ranking_going_on_in_a_paragraph_of_its_own_is_flagged_but_not_a_remark_after_trade():
    text = ("In 2024 Mongolia's exports to Kazakhstan were $95 million.\n"
            "That was followed by a line of fleeces at about $3 million a year.\n"
            "A footbridge in the old town cost $12 million to build.\n")
    figures, _ = figures_of(text)
    assert figures["$3 million"].needs_review == "yes", "a ranking goes on past its paragraph"
    assert figures["$12 million"].needs_review == "no", "a new paragraph with no trade word, no ranking"

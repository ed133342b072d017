"""The validate stage refuses bad rows, drifted quotes and undecided candidates."""
import pandas as pd

import schemas
from stages.validate import pending_message, validate
from tests.conftest import SENTENCE, TEXT, fact_row, make_doc, write_validated


def candidates(*ids: str) -> pd.DataFrame:
    rows = [{c: "" for c in schemas.CANDIDATES.columns} | {"candidate_id": i, "source_id": "t01_test",
            "table": "turnover", "reporter": "KAZ", "partner": "AFG", "quote": SENTENCE} for i in ids]
    return pd.DataFrame(rows, columns=schemas.CANDIDATES.columns, dtype=str)


def run(tmp_path, rows=None, rejected=None, cands=("c0123456789ab",)):
    folder = write_validated(tmp_path / "validated", rows, rejected)
    return validate(folder, {"t01_test": make_doc()}, candidates(*cands))


def test_clean_tables_pass(tmp_path):
    result = run(tmp_path, {"turnover": [fact_row()]})
    assert result.problems == [] and result.pending == []
    assert result.stats["rows"]["turnover"] == 1 and result.stats["accepted"] == 1


def test_quote_that_no_longer_matches_its_source(tmp_path):
    start = TEXT.index(SENTENCE)
    shifted = fact_row(char_start=str(start + 1), char_end=str(start + 1 + len(SENTENCE)))
    result = run(tmp_path, {"turnover": [shifted]})
    [p] = result.problems
    assert (p.file, p.line, p.column, p.check) == ("validated/turnover.csv", 2, "quote", "quote matches source")
    assert f"occurs at {start}:" in p.message


def test_edited_quote_not_in_source(tmp_path):
    result = run(tmp_path, {"turnover": [fact_row(quote=SENTENCE.replace("12.5", "21.5"))]})
    [p] = result.problems
    assert p.column == "quote" and "not in the source" in p.message


def test_bad_partner_code(tmp_path):
    result = run(tmp_path, {"turnover": [fact_row(partner="AFX")]})
    [p] = result.problems
    assert (p.line, p.column, p.check, p.value) == (2, "partner", "reference", "AFX")


def test_pending_candidate_is_listed_with_how_to_review(tmp_path):
    result = run(tmp_path, {"turnover": [fact_row()]}, cands=("c0123456789ab", "c00000000000f"))
    assert [r["candidate_id"] for r in result.pending] == ["c00000000000f"]
    message = pending_message(result.pending)
    assert "c00000000000f" in message and "review" in message


def test_rejected_candidate_is_decided_but_not_also_accepted(tmp_path):
    rejected = [{"candidate_id": "c0123456789ab", "source_id": "t01_test", "quote": SENTENCE, "reason": "a target"}]
    ok = run(tmp_path / "a", rejected=rejected)
    assert ok.pending == [] and ok.problems == []
    both = run(tmp_path / "b", {"turnover": [fact_row()]}, rejected)
    assert any(p.check == "decided once" for p in both.problems)


def test_correction_must_keep_original_and_say_why(tmp_path):
    result = run(tmp_path, {"turnover": [fact_row(review="corrected")]})
    assert {p.column for p in result.problems} == {"corrected_from", "note"}


def test_hand_added_row_needs_no_candidate_but_a_true_quote(tmp_path):
    result = run(tmp_path, {"exports": [fact_row("exports", fact_id="h0123456789ab", review="added")]}, cands=())
    assert result.problems == [] and result.stats["hand_added"] == 1


def test_unknown_source(tmp_path):
    result = run(tmp_path, {"imports": [fact_row("imports", source_id="t99_missing")]})
    assert [(p.column, p.check) for p in result.problems] == [("source_id", "source exists")]


def test_an_interrupted_review_blocks_validation(tmp_path):
    from tradestats.review import JOURNAL

    folder = write_validated(tmp_path / "validated", {"turnover": [fact_row()]})
    (folder / JOURNAL).write_text("{}", encoding="utf-8")
    result = validate(folder, {"t01_test": make_doc()}, candidates("c0123456789ab"))
    assert [p.check for p in result.problems] == ["no interrupted review"]

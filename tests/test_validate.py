"""The validate stage refuses bad rows, drifted quotes and undecided candidates."""
import pandas as pd
import pytest

import schemas
from stages.validate import markdown_report, pending_message, validate
from tradestats.errors import InputError
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


def test_a_hand_edited_accepted_row_is_reported_against_its_candidate(tmp_path):
    cands = candidates("c0123456789ab")
    cands.loc[0, ["value", "period_start", "period_end"]] = ["12500000", "2021-01-01", "2021-12-31"]
    folder = write_validated(tmp_path / "validated", {"turnover": [fact_row(value="1250000")]})
    result = validate(folder, {"t01_test": make_doc()}, cands)
    drift = [(p.line, p.column, p.value, p.severity) for p in result.warnings if p.check == "matches its candidate"]
    assert ("2", "value", "1250000", "warning") in [(str(a), b, c, d) for a, b, c, d in drift]
    assert result.problems == [], "the row stays valid: its quote still checks out"


def conflicting(tmp_path):
    rows = {"turnover": [fact_row(), fact_row(fact_id="c0123456789ac", source_id="t02_test", value="99000000")]}
    folder = write_validated(tmp_path / "validated", rows)
    docs = {"t01_test": make_doc(), "t02_test": make_doc("t02_test")}
    return folder, docs, candidates()


def test_a_warning_is_reported_and_published_anyway(tmp_path):
    folder, docs, cands = conflicting(tmp_path)
    result = validate(folder, docs, cands, {"sources_agree": "warning"})
    assert result.problems == []
    assert {(p.file, p.line, p.check, p.severity) for p in result.warnings} >= {
        ("validated/turnover.csv", 2, "sources_agree", "warning"), ("validated/turnover.csv", 3, "sources_agree", "warning")}
    assert result.stats["conflicts"] == 2 and result.stats["warnings"] >= 2
    report = markdown_report(result)
    assert "| `sources_agree` | warning | 2 |" in report and "t02_test" in report


def test_an_error_check_blocks_and_off_disables(tmp_path):
    folder, docs, cands = conflicting(tmp_path)
    blocked = validate(folder, docs, cands, {"sources_agree": "error"})
    assert [p.check for p in blocked.problems] == ["sources_agree", "sources_agree"]
    assert "12500000" in blocked.problems[0].message and SENTENCE[:30] in blocked.problems[0].message
    off = validate(folder, docs, cands, {"sources_agree": "off"})
    assert off.problems == [] and off.checks["sources_agree"]["passed"] is False


def test_a_mistyped_severity_is_an_error_not_a_warning(tmp_path):
    folder, docs, cands = conflicting(tmp_path)
    with pytest.raises(InputError) as exc:
        validate(folder, docs, cands, {"sum_of_flows": "eror"})
    [p] = exc.value.problems
    assert (p.file, p.column, p.value) == ("params.yaml", "checks.sum_of_flows", "eror")


def test_the_checked_tables_are_made_beside_the_checks_only_for_a_run_that_can_publish(tmp_path):
    """A run that publishes has its checked tables made while the cross-row checks run; one that stops for review
    does not make them (it writes none), and writing them without the made text gives the same files."""
    from stages.validate import checked_texts, write_checked

    rows = {"turnover": [fact_row(), fact_row(fact_id="c0123456789ac", period_start="2022-01-01",
                                              period_end="2022-12-31", value="14000000")]}
    passed = run(tmp_path / "a", rows, cands=("c0123456789ab", "c0123456789ac"))
    assert passed.checked == checked_texts(passed.loaded) and "c0123456789ac" in passed.checked["turnover"]
    write_checked(tmp_path / "made", passed)
    passed.checked = None
    write_checked(tmp_path / "fresh", passed)
    assert {p.name: p.read_bytes() for p in (tmp_path / "made").iterdir()} == {
        p.name: p.read_bytes() for p in (tmp_path / "fresh").iterdir()}
    stopped = run(tmp_path / "b", rows, cands=("c0123456789ab", "c0123456789ac", "c00000000000f"))
    assert stopped.pending and stopped.checked is None

"""The per-source cache of the validate stage's row checks: it saves work and never hides a finding."""
import pandas as pd

import schemas
from stages import validate as stage
from stages.validate import validate
from tests.conftest import SENTENCE, TEXT, fact_row, make_doc, write_validated

OTHER = TEXT.replace("12.5", "13.5")


def candidates(**values) -> pd.DataFrame:
    rows = [{c: "" for c in schemas.CANDIDATES.columns} | {
        "candidate_id": cid, "source_id": sid, "table": "turnover", "reporter": "KAZ", "partner": partner,
        "period_start": "2021-01-01", "period_end": "2021-12-31", "value": value, "unit": "USD",
        "qualifier": "exact", "quote": quote, "char_start": str(TEXT.index(SENTENCE)),
        "char_end": str(TEXT.index(SENTENCE) + len(SENTENCE))}
        for cid, sid, partner, value, quote in (
            ("c0000000000a1", "t01_test", "AFG", "12500000", SENTENCE),
            ("c0000000000b2", "t02_test", "UZB", "13500000", SENTENCE.replace("12.5", "13.5")))]
    frame = pd.DataFrame(rows, columns=schemas.CANDIDATES.columns, dtype=str)
    for column, value in values.items():
        frame.loc[0, column] = value
    return frame


def rows(**first) -> dict[str, list[dict]]:
    """Two sources, one row each; ``first`` edits the first source's row."""
    quote_b = SENTENCE.replace("12.5", "13.5")
    return {"turnover": [fact_row(fact_id="c0000000000a1", **first),
                         fact_row(fact_id="c0000000000b2", source_id="t02_test", partner="UZB", value="13500000",
                                  quote=quote_b)]}


def docs(first_text: str = TEXT) -> dict:
    return {"t01_test": make_doc("t01_test", first_text), "t02_test": make_doc("t02_test", OTHER)}


def findings(result) -> list[tuple]:
    return sorted((p.file, p.line or 0, p.column or "", p.check, p.severity, p.message)
                  for p in result.problems + result.warnings)


def run(tmp_path, table_rows, documents=None, cands=None, cache=True):
    folder = write_validated(tmp_path / "validated", table_rows)
    return validate(folder, documents or docs(), cands if cands is not None else candidates(),
                    cache_dir=tmp_path / "cache" if cache else None)


def test_an_unchanged_source_is_not_checked_again(tmp_path, monkeypatch):
    first = run(tmp_path, rows())
    assert first.problems == [] and first.stats_cache == {"sources": 2, "from_cache": 0}
    checked = []
    real = stage.source_row_findings
    monkeypatch.setattr(stage, "source_row_findings", lambda r, *a: checked.append(r[0].row["source_id"]) or real(r, *a))
    again = run(tmp_path, rows())
    assert checked == [] and again.stats_cache == {"sources": 2, "from_cache": 2}
    assert findings(again) == findings(first)


def test_editing_a_row_of_a_cached_source_shows_the_error(tmp_path):
    assert run(tmp_path, rows()).problems == []
    result = run(tmp_path, rows(quote=SENTENCE.replace("12.5", "21.5")))
    assert [(p.file, p.line, p.column, p.check) for p in result.problems] == [
        ("validated/turnover.csv", 2, "quote", "quote matches source")]
    assert result.stats_cache["from_cache"] == 1, "the other source still comes from the cache"


def test_a_changed_source_text_shows_the_error(tmp_path):
    assert run(tmp_path, rows()).problems == []
    moved = " date 2022-03-01\nA longer note for the tests, moving the sentence.\n" + SENTENCE + "\n"
    [problem] = run(tmp_path, rows(), docs(moved)).problems
    assert (problem.line, problem.column, "occurs at" in problem.message) == (2, "quote", True)


def test_a_changed_candidate_shows_the_drift(tmp_path):
    assert run(tmp_path, rows()).warnings == []
    result = run(tmp_path, rows(), cands=candidates(value="12600000"))
    assert [(p.line, p.column, p.severity) for p in result.warnings] == [(2, "value", "warning")]


def test_a_cached_error_follows_its_row_to_a_new_line(tmp_path):
    bad = rows(char_start="0")
    first = run(tmp_path, bad)
    assert [(p.line, p.column) for p in first.problems] == [(2, "quote")]
    earlier = fact_row(fact_id="c0000000000b3", source_id="t02_test", partner="UZB", value="13500000",
                       quote=SENTENCE.replace("12.5", "13.5"), period_start="2020-01-01", period_end="2020-12-31")
    moved = {"turnover": [earlier, *bad["turnover"]]}  # the bad row is now on line 3
    result = run(tmp_path, moved, cands=pd.concat([candidates(), candidates().iloc[[1]].assign(
        candidate_id="c0000000000b3", period_start="2020-01-01", period_end="2020-12-31")], ignore_index=True))
    assert [(p.line, p.column) for p in result.problems if p.check == "quote matches source"] == [(3, "quote")]
    assert result.stats_cache["from_cache"] == 1, "the bad row's source was unchanged and came from the cache"


def test_cached_and_fresh_runs_agree(tmp_path):
    bad = rows(review="corrected", char_start="1")
    fresh = run(tmp_path / "a", bad, cache=False)
    run(tmp_path / "b", bad)
    cached = run(tmp_path / "b", bad)
    assert cached.stats_cache["from_cache"] == 2
    assert findings(cached) == findings(fresh) and len(fresh.problems) == 3, fresh.problems


def test_a_changed_decision_of_a_cached_source_shows_its_error(tmp_path):
    assert run(tmp_path, rows()).problems == []
    result = run(tmp_path, rows(review="corrected"))  # a correction without its note and original values
    assert [(p.line, p.column) for p in result.problems] == [(2, "corrected_from"), (2, "note")]
    assert result.stats_cache["from_cache"] == 1


def test_a_cell_written_differently_is_checked_again(tmp_path, monkeypatch):
    """A row enters its source's key by its cells as written: the same value written another way is another row."""
    run(tmp_path, rows())
    checked = []
    real = stage.source_row_findings
    monkeypatch.setattr(stage, "source_row_findings", lambda r, *a: checked.append(r[0].row["source_id"]) or real(r, *a))
    result = run(tmp_path, rows(value="12500000.0"))
    assert checked == ["t01_test"] and result.stats_cache["from_cache"] == 1


def test_a_key_of_another_layout_or_check_code_is_not_matched(tmp_path, monkeypatch):
    run(tmp_path, rows())
    monkeypatch.setattr(stage, "KEY_LAYOUT", stage.KEY_LAYOUT + 1)
    assert run(tmp_path, rows()).stats_cache["from_cache"] == 0
    monkeypatch.setattr(stage, "ROW_CHECK_CODE", (*stage.ROW_CHECK_CODE, stage.Path(schemas.__file__)))
    run(tmp_path, rows())
    assert run(tmp_path, rows()).stats_cache["from_cache"] == 2
    monkeypatch.setattr(stage, "ROW_CHECK_CODE", stage.ROW_CHECK_CODE[:-1])
    assert run(tmp_path, rows()).stats_cache["from_cache"] == 0

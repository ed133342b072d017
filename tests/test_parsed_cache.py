"""Parsed forms of unchanged inputs kept between runs: read back only for the very bytes and code they came from."""
import pickle

import schemas
from stages import reconcile as reconcile_stage
from stages import validate as validate_stage
from tests.conftest import SENTENCE, TEXT, make_doc
from tradestats.csvio import write_csv_atomic
from tradestats.documents import documents_jsonl
from tradestats.parsed_cache import cached_parse


def counting(parse):
    """``parse``, counting its calls in ``.calls``."""
    def wrapped(path):
        wrapped.calls += 1
        return parse(path)
    wrapped.calls = 0
    return wrapped


def words(path):
    return path.read_text(encoding="utf-8").split()


def test_an_unchanged_file_is_read_back_and_a_changed_one_parsed_again(tmp_path):
    source, cache = tmp_path / "input.txt", tmp_path / "cache"
    source.write_text("one two", encoding="utf-8")
    parse = counting(words)
    assert cached_parse(source, parse, "words", "code 1", cache) == ["one", "two"]
    assert cached_parse(source, parse, "words", "code 1", cache) == ["one", "two"]
    assert parse.calls == 1, "the second run reads the stored form"
    source.write_text("one three", encoding="utf-8")
    assert cached_parse(source, parse, "words", "code 1", cache) == ["one", "three"]
    assert parse.calls == 2, "one changed byte is a new key"


def test_changed_code_another_name_or_no_cache_folder_parse_again(tmp_path):
    source, cache = tmp_path / "input.txt", tmp_path / "cache"
    source.write_text("one two", encoding="utf-8")
    parse = counting(words)
    cached_parse(source, parse, "words", "code 1", cache)
    cached_parse(source, parse, "words", "code 2", cache)
    assert parse.calls == 2, "an edit of the parsing code is a new key"
    cached_parse(source, parse, "other", "code 2", cache)
    assert parse.calls == 3, "another form of the same file is stored apart"
    cached_parse(source, parse, "words", "code 2", None)
    assert parse.calls == 4


def test_a_damaged_or_foreign_cache_file_is_parsed_again(tmp_path):
    source, cache = tmp_path / "input.txt", tmp_path / "cache"
    source.write_text("one two", encoding="utf-8")
    parse = counting(words)
    cached_parse(source, parse, "words", "code", cache)
    (cache / "words.pickle").write_bytes(b"not a pickle")
    assert cached_parse(source, parse, "words", "code", cache) == ["one", "two"]
    (cache / "words.pickle").write_bytes(pickle.dumps(("another key", ["stale"])))
    assert cached_parse(source, parse, "words", "code", cache) == ["one", "two"]
    assert parse.calls == 3


def test_a_file_rewritten_while_parsed_is_not_stored_under_its_old_bytes(tmp_path):
    source, cache = tmp_path / "input.txt", tmp_path / "cache"
    source.write_text("old", encoding="utf-8")

    def rewriting(path):
        value = words(path)
        path.write_text("new", encoding="utf-8")  # a writer finishing while this run read the old bytes
        return value

    assert cached_parse(source, rewriting, "words", "code", cache) == ["old"]
    assert not (cache / "words.pickle").exists()
    assert cached_parse(source, words, "words", "code", cache) == ["new"]


def test_a_missing_file_is_reported_by_the_parser(tmp_path):
    def parse(path):
        raise FileNotFoundError(path)

    try:
        cached_parse(tmp_path / "missing.txt", parse, "words", "code", tmp_path / "cache")
    except FileNotFoundError:
        pass
    else:
        raise AssertionError("the parser's error is raised")


# ------------------------------------------------------------------ the stages' forms

def extraction_files(tmp_path, value="12500000", text=TEXT):
    documents = tmp_path / "documents.jsonl"
    documents.write_text(documents_jsonl([make_doc("t01_test", text), make_doc("t02_test", text)]), encoding="utf-8")
    row = {c: "" for c in schemas.CANDIDATES.columns} | {
        "candidate_id": "c0000000000a1", "source_id": "t01_test", "table": "turnover", "reporter": "KAZ",
        "partner": "AFG", "period_start": "2021-01-01", "period_end": "2021-12-31", "value": value, "unit": "USD",
        "qualifier": "exact", "quote": SENTENCE}
    candidates = tmp_path / "candidates.csv"
    write_csv_atomic(candidates, schemas.CANDIDATES.columns, [[row[c] for c in schemas.CANDIDATES.columns]])
    figure = {c: "" for c in schemas.FIGURES.columns} | {
        "figure_id": "f0000000000a1", "source_id": "t01_test", "text": "$12.5 million", "value": "12500000",
        "unit": "USD", "char_start": "1", "char_end": "2", "sentence_start": "0", "sentence_end": "3",
        "needs_review": "no"}
    figures = tmp_path / "figures.csv"
    write_csv_atomic(figures, schemas.FIGURES.columns, [[figure[c] for c in schemas.FIGURES.columns]])
    return documents, figures, candidates


def comparable(extraction):
    (docs, hashes), figures, candidates = extraction
    return (docs, hashes, {k: f.values for k, f in figures.items()}, candidates.rows, candidates.lines,
            candidates.digests)


def test_validate_reads_an_unchanged_extraction_back_and_a_changed_one_again(tmp_path, monkeypatch):
    paths = extraction_files(tmp_path)
    cache = tmp_path / "cache"
    fresh = comparable(validate_stage.read_extraction(None, *paths))
    first = comparable(validate_stage.read_extraction(cache, *paths))
    assert first == fresh and sorted(p.name for p in cache.iterdir()) == [
        "candidates.pickle", "documents.pickle", "figures.pickle"]
    parsed = []
    for name in ("read_documents", "figure_values", "candidate_parts"):
        real = getattr(validate_stage, name)
        monkeypatch.setattr(validate_stage, name, lambda path, real=real, name=name: parsed.append(name) or real(path))
    assert comparable(validate_stage.read_extraction(cache, *paths)) == fresh
    assert parsed == [], "nothing changed: every form comes from the cache"
    changed = extraction_files(tmp_path, value="12600000", text=TEXT.replace("short", "brief"))
    again = comparable(validate_stage.read_extraction(cache, *changed))
    assert parsed == ["read_documents", "candidate_parts"], "the figures file is the same: read back"
    assert again == comparable(validate_stage.read_extraction(None, *changed)) and again != fresh
    assert again[3][0]["value"] == "12600000" and again[5] != fresh[5], "the new candidate and its new key"


def test_a_changed_document_changes_the_row_checks_key(tmp_path):
    """The text digest read back from the cache is the text's: a source whose article changed is checked again."""
    paths = extraction_files(tmp_path)
    cache = tmp_path / "cache"
    (_, before), _, _ = validate_stage.read_extraction(cache, *paths)
    paths = extraction_files(tmp_path, text=TEXT.replace("short", "brief"))
    (docs, after), _, _ = validate_stage.read_extraction(cache, *paths)
    assert before["t01_test"] != after["t01_test"]
    assert after["t01_test"] == validate_stage.text_digest(docs["t01_test"])


def test_reconcile_reads_unchanged_dates_back_and_changed_ones_again(tmp_path, monkeypatch):
    documents, _, _ = extraction_files(tmp_path)
    cache = tmp_path / "cache"
    assert reconcile_stage.published_dates(documents, cache) == {"t01_test": "2022-03-01", "t02_test": "2022-03-01"}
    parsed = []
    real = reconcile_stage.read_published
    monkeypatch.setattr(reconcile_stage, "read_published", lambda path: parsed.append(path) or real(path))
    assert reconcile_stage.published_dates(documents, cache) == {"t01_test": "2022-03-01", "t02_test": "2022-03-01"}
    assert parsed == []
    documents.write_text(documents_jsonl([make_doc("t01_test", published="2023-01-02")]), encoding="utf-8")
    assert reconcile_stage.published_dates(documents, cache) == {"t01_test": "2023-01-02"}
    assert parsed == [documents]


def test_a_stored_form_leaves_no_staged_file_and_a_stale_one_is_not_unpickled(tmp_path, monkeypatch):
    source, cache = tmp_path / "input.txt", tmp_path / "cache"
    source.write_text("one two", encoding="utf-8")
    cached_parse(source, words, "words", "code 1", cache)
    cached_parse(source, words, "words", "code 2", cache)  # stored again, under the new code's key
    assert [p.name for p in cache.iterdir()] == ["words.pickle"]
    loads = []
    real_load = pickle.load
    monkeypatch.setattr(pickle, "load", lambda fh: loads.append(1) or real_load(fh))
    assert cached_parse(source, words, "words", "code 3", cache) == ["one", "two"]
    assert len(loads) == 1  # the key only: the stale form under it was never read

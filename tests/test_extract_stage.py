"""The extract stage: per-document cache keyed by source, content, date and extractor version."""
from stages import extract
from tests.conftest import TEXT, make_doc


def test_cache_reuses_unchanged_documents_and_keeps_identical_texts_apart(tmp_path, monkeypatch):
    calls = []
    real = extract.read_document
    monkeypatch.setattr(extract, "read_document", lambda doc: calls.append(doc.source_id) or real(doc))
    a, b = make_doc("t01_a"), make_doc("t02_b")  # the same text in two files
    first, figures = extract.extract_all([a, b], tmp_path)
    assert calls == ["t01_a", "t02_b"]
    assert {c.source_id for c in first} == {"t01_a", "t02_b"}
    assert len({c.candidate_id for c in first}) == len(first), "ids differ between the two sources"
    assert {f.source_id for f in figures} == {"t01_a", "t02_b"}
    assert len({f.figure_id for f in figures}) == len(figures), "figure ids differ between the two sources"
    again = extract.extract_all([a, b], tmp_path)
    assert calls == ["t01_a", "t02_b"], "nothing re-extracted"
    assert again == (first, figures), "the cache gives back the same candidates and figures"


def test_prune_drops_entries_of_removed_documents(tmp_path):
    a, b = make_doc("t01_a"), make_doc("t02_b", TEXT + "More text.\n")
    extract.extract_all([a, b], tmp_path)
    assert extract.prune_cache(tmp_path, [a]) == 1
    assert [p.name for p in tmp_path.iterdir()] == [extract.cache_key(a)]

"""Ingest: exact text, dates from the date line or the metadata, every problem reported."""
import pytest

from tradestats.documents import Document, load_documents, read_metadata
from tradestats.errors import InputError

META_HEADER = "source_id,published,url,title,publisher\n"


def write(folder, name, text, encoding="utf-8"):
    (folder / name).write_bytes(text.encode(encoding))


def test_date_line_and_metadata(tmp_path):
    write(tmp_path, "a.txt", " date 2024-02-01 Trade grew.\n")
    write(tmp_path, "b.txt", "No date line here.\n")
    write(tmp_path, "metadata.csv", META_HEADER + "a,,https://example.org/a,A,Pub\nb,2023-05-04,,,\n")
    docs = {d.source_id: d for d in load_documents(tmp_path, read_metadata(tmp_path / "metadata.csv"))}
    assert docs["a"].published == "2024-02-01" and docs["a"].url == "https://example.org/a"
    assert docs["b"].published == "2023-05-04"
    assert docs["a"].text == " date 2024-02-01 Trade grew.\n"  # offsets index the text exactly as stored
    assert docs["a"].text[docs["a"].body_start:].strip() == "Trade grew."
    assert len(docs["a"].sha256) == 64


def test_conflicting_dates_missing_date_bad_utf8_and_orphan_metadata_all_reported(tmp_path):
    write(tmp_path, "a.txt", " date 2024-02-01 Trade grew.\n")
    write(tmp_path, "b.txt", "No date anywhere.\n")
    write(tmp_path, "c.txt", "Caf\u00e9 in latin-1.\n", encoding="latin-1")
    write(tmp_path, "metadata.csv", META_HEADER + "a,2024-02-02,,,\nc,2020-01-01,,,\nghost,2020-01-01,,,\n")
    with pytest.raises(InputError) as exc:
        load_documents(tmp_path, read_metadata(tmp_path / "metadata.csv"), "raw/metadata.csv")
    problems = {(p.file.split("/")[-1], p.line, p.check) for p in exc.value.problems}
    assert ("metadata.csv", 2, "agrees with date line") in problems
    assert ("b.txt", 1, "publication date") in problems
    assert ("c.txt", 1, "UTF-8") in problems
    assert ("metadata.csv", 4, "article exists") in problems


def test_bad_metadata_date_names_line_and_column(tmp_path):
    write(tmp_path, "metadata.csv", META_HEADER + "a,2024-13-01,,,\n")
    with pytest.raises(InputError) as exc:
        read_metadata(tmp_path / "metadata.csv")
    [p] = exc.value.problems
    assert (p.line, p.column, p.value) == (2, "published", "2024-13-01")


def test_document_json_round_trip():
    doc = Document("x", "Text \u2014 with a dash.\r\nSecond line.", "2020-01-01", sha256="0" * 64)
    assert Document.from_json(doc.to_json()) == doc


def test_a_byte_order_mark_and_crlf_line_ends_are_kept_as_text(tmp_path):
    """A file saved on Windows is an article like any other; its offsets are those of a plain UTF-8 reader."""
    write(tmp_path, "a.txt", "\ufeff date 2024-02-01\r\nTrade grew.\r\n")
    [doc] = load_documents(tmp_path, None)
    assert doc.published == "2024-02-01"
    assert doc.text == "\ufeff date 2024-02-01\r\nTrade grew.\r\n"
    assert doc.text[doc.text.index("Trade"):].startswith("Trade grew.")


def test_ingest_refuses_a_file_name_that_is_not_a_source_id(tmp_path):
    from stages.ingest import file_name_problems

    write(tmp_path, "good_1.txt", " date 2024-02-01 Trade grew.\n")
    write(tmp_path, "bad name.txt", " date 2024-02-01 Trade grew.\n")
    problems = file_name_problems(tmp_path)
    assert [(p.file.split("/")[-1], p.column, p.value) for p in problems] == [("bad name.txt", "source_id", "bad name")]


def test_a_date_line_in_another_form_is_an_error_not_article_text(tmp_path):
    write(tmp_path, "a.txt", "Date: 2024-02-01\nTrade grew.\n")
    write(tmp_path, "b.txt", "Date palms were exported.\n")  # a sentence, not a date line
    write(tmp_path, "metadata.csv", META_HEADER + "a,2024-02-01,,,\nb,2024-02-01,,,\n")
    with pytest.raises(InputError) as exc:
        load_documents(tmp_path, read_metadata(tmp_path / "metadata.csv"))
    assert [(p.file, p.line, p.check) for p in exc.value.problems] == [(f"{tmp_path.name}/a.txt", 1, "date line")]

"""Articles in raw/ that are not what an article should be: each is refused by file, line and column, and the
published package stays byte for byte as it was; the benign ones (a byte-order mark, Windows line ends) work."""
from __future__ import annotations

import csv
import io
import os
import time
from pathlib import Path

import pytest

from tests.hostile.harness import Case, assert_refused, package_snapshot, run_pipeline, run_stage

SENTENCE = "Trade between Kazakhstan and Afghanistan reached $12.5 million in 2021."
INGEST = "cannot ingest the articles: 1 problem(s)"
METADATA = "raw/metadata.csv has invalid rows: 1 problem(s)"
UTF8 = "expected UTF-8 text (the file may be latin-1 or another legacy encoding); save the article as UTF-8"
NAME = ("the file name (without .txt) is the source id: expected letters, digits, '_', '.' or '-' "
        "([A-Za-z0-9][A-Za-z0-9_.-]*); rename it, e.g. to {}.txt, and its row in raw/metadata.csv")
SOURCE_ID = ("expected the article's file name in raw/ without .txt, matching [A-Za-z0-9][A-Za-z0-9_.-]* "
             "(no folders, no '..')")
#: A 3 MB article on one line: an ordinary article's text (trade sentences, so the extractor has work) repeated.
BIG_LINE = " date 2022-03-01 " + (SENTENCE + " ") * (3_000_000 // (len(SENTENCE) + 1) + 1)

CASES = [
    Case("raw", "empty file", (INGEST, "raw/zz_case.txt 1 1 not empty the article has no text: expected its words "
                                       "(the file is empty or only spaces)")),
    Case("raw", "whitespace only", (INGEST, "raw/zz_case.txt 1 1 not empty the article has no text: expected its "
                                            "words (the file is empty or only spaces)")),
    Case("raw", "NUL byte", (INGEST, "raw/zz_case.txt 2 4 text 'U+0000' a control character (1 in the file): "
                                     "expected plain text; is this a binary file?")),
    Case("raw", "binary bytes", (INGEST, "raw/zz_case.txt 1 2 UTF-8 '0x89' byte 1 is not UTF-8: " + UTF8)),
    Case("raw", "latin-1 (not UTF-8)", (INGEST, "raw/zz_case.txt 2 4 UTF-8 '0xe9' byte 20 is not UTF-8: " + UTF8)),
    Case("raw", "impossible date line 2022-02-30", (INGEST, "raw/zz_case.txt 1 7 date line '2022-02-30' not a real "
                                                            "calendar date: expected ' date YYYY-MM-DD' with a date "
                                                            "that exists")),
    Case("raw", "impossible metadata date 2022-02-30", (METADATA, "raw/metadata.csv 7 published ISO date "
                                                                  "'2022-02-30' expected an ISO date YYYY-MM-DD that "
                                                                  "exists in the calendar")),
    Case("raw", "two files with the same bytes", (INGEST, "raw/zz_case.txt 1 1 unique text the same bytes as "
                                                          "raw/003_db493cc0d8cb6667.txt: expected each article once; "
                                                          "delete one of the two files and its row in "
                                                          "raw/metadata.csv")),
    Case("raw", "file name with spaces", (INGEST, "raw/my article.txt source_id file name 'my article' "
                                                  + NAME.format("my_article"))),
    Case("raw", "file name with accents", (INGEST, "raw/caf\u00e9_\u00fc.txt source_id file name 'caf\u00e9_\u00fc' "
                                                   + NAME.format("cafe_u"))),
    Case("raw", "symlink pointing outside the repository", (INGEST, "raw/zz_case.txt 1 1 regular file a symbolic "
                                                                    "link to a file outside the repository: expected "
                                                                    "the article's own file; copy the text into raw/")),
    Case("raw", "metadata source_id with ../", (METADATA, "raw/metadata.csv 7 source_id pattern '../zz_case' "
                                                          + SOURCE_ID)),
    Case("raw", "metadata source_id with /", (METADATA, "raw/metadata.csv 7 source_id pattern 'sub/zz_case' "
                                                        + SOURCE_ID)),
    Case("raw", "3 MB single-line article", (INGEST, f"raw/zz_case.txt 1 1 line length a line of {len(BIG_LINE):,} "
                                                     "characters: expected paragraphs on lines of their own, at most "
                                                     "100,000 characters each (is the article joined onto one "
                                                     "line?); break it into its paragraphs"),
         "refused within seconds (a 30 s bound guards against a hang): a line that long is a page joined onto one "
         "line, read as one paragraph of thousands of sentences"),
]


def write_article(repo: Path, name: str, data: bytes, published: str | None = "2022-03-01") -> None:
    (repo / "raw" / name).write_bytes(data)
    if published is not None:
        with open(repo / "raw/metadata.csv", "a", encoding="utf-8") as fh:
            fh.write(f"{Path(name).stem},{published},,,\n")


def setup(repo: Path, case: str, tmp_path: Path) -> None:
    body = f" date 2022-03-01\n{SENTENCE}\n".encode()
    if case == "empty file":
        write_article(repo, "zz_case.txt", b"", None)
    elif case == "whitespace only":
        write_article(repo, "zz_case.txt", b"  \n\t \r\n", None)
    elif case == "NUL byte":
        write_article(repo, "zz_case.txt", b" date 2022-03-01\nabc\0def\n" + body, None)
    elif case == "binary bytes":
        write_article(repo, "zz_case.txt", b"\x7f\x89PNG\r\n\x1a\n\0\0\0\rIHDR", None)
    elif case == "latin-1 (not UTF-8)":
        write_article(repo, "zz_case.txt", " date 2022-03-01\nCaf\u00e9 trade grew.\n".encode("latin-1"), None)
    elif case == "impossible date line 2022-02-30":
        write_article(repo, "zz_case.txt", f" date 2022-02-30\n{SENTENCE}\n".encode(), None)
    elif case == "impossible metadata date 2022-02-30":
        write_article(repo, "zz_case.txt", f"{SENTENCE}\n".encode(), "2022-02-30")
    elif case == "two files with the same bytes":
        write_article(repo, "zz_case.txt", (repo / "raw/003_db493cc0d8cb6667.txt").read_bytes(), None)
    elif case == "file name with spaces":
        write_article(repo, "my article.txt", body, None)
    elif case == "file name with accents":
        write_article(repo, "caf\u00e9_\u00fc.txt", body, None)
    elif case == "symlink pointing outside the repository":
        outside = tmp_path / "outside.txt"
        outside.write_bytes(body)
        os.symlink(outside, repo / "raw/zz_case.txt")
    elif case == "metadata source_id with ../":
        write_article(repo, "zz_case.txt", body, None)
        with open(repo / "raw/metadata.csv", "a", encoding="utf-8") as fh:
            fh.write("../zz_case,2022-03-01,,,\n")
    elif case == "metadata source_id with /":
        write_article(repo, "zz_case.txt", body, None)
        with open(repo / "raw/metadata.csv", "a", encoding="utf-8") as fh:
            fh.write("sub/zz_case,2022-03-01,,,\n")
    elif case == "3 MB single-line article":
        write_article(repo, "zz_case.txt", BIG_LINE.encode(), None)
    else:
        raise AssertionError(case)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_hostile_article_is_refused_by_file_line_and_column(case, repo, tmp_path, monkeypatch):
    setup(repo, case.name, tmp_path)
    before = package_snapshot(repo)
    started = time.perf_counter()
    run = run_pipeline(repo, monkeypatch)
    assert time.perf_counter() - started < 30, "a hang guard: the refusal takes about a second"
    assert run.stages == ["ingest"], run.stderr
    assert_refused(run, case.expected, before, repo)


BENIGN = [
    Case("raw", "BOM + CRLF article", "works",
         "ingested; the extractor proposes the same facts as from the clean text (offsets count the mark and the CRs)"),
]


def candidates(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_a_byte_order_mark_and_crlf_give_the_same_facts_as_the_clean_text(repo, tmp_path, monkeypatch):
    clean = (repo / "raw/003_db493cc0d8cb6667.txt").read_text(encoding="utf-8")
    windows = "\ufeff" + clean.replace("\n", "\r\n")
    found = {}
    for name, text in (("clean", clean), ("windows", windows)):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "zz_article.txt").write_bytes(text.encode("utf-8"))
        (folder / "metadata.csv").write_text("source_id,published,url,title,publisher\n", encoding="utf-8")
        run = run_stage(repo, "extract", ["--raw", str(folder), "--out", str(folder / "candidates.csv"),
                                          "--no-cache", "-j", "1"], monkeypatch)
        assert run.code == 0 and "Traceback" not in run.stderr, run.stderr
        rows = candidates(folder / "candidates.csv")
        for row in rows:  # every quote is the text at its offsets, in the text as stored
            assert text[int(row["char_start"]):int(row["char_end"])] == row["quote"]
        found[name] = [(r["table"], r["reporter"], r["partner"], r["period_start"], r["period_end"], r["value"],
                        r["unit"], r["qualifier"], r["growth_ratio"], r["commodity"], r["quote"].replace("\r", ""))
                       for r in rows]
    assert found["clean"] and sorted(found["windows"]) == sorted(found["clean"])  # the ids (offsets) differ
    # and the pipeline ingests it like any other article
    write_article(repo, "zz_windows.txt", windows.encode("utf-8"), None)
    with open(repo / "raw/metadata.csv", "a", encoding="utf-8") as fh:
        fh.write("zz_windows,,,,\n")
    run = run_stage(repo, "ingest", [], monkeypatch)
    assert run.code == 0 and "Traceback" not in run.stderr, run.stderr

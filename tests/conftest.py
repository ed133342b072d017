"""Shared fixtures: small documents and hand-kept tables written for the tests."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import schemas
from tradestats.csvio import write_csv_atomic
from tradestats.documents import Document
from tradestats.extract import Candidate, extract_document

#: A sentence written for the tests (never article text).
SENTENCE = "Trade between Kazakhstan and Afghanistan reached $12.5 million in 2021."
TEXT = " date 2022-03-01\nA short note for the tests.\n" + SENTENCE + "\nNothing else happened.\n"


def make_doc(source_id: str = "t01_test", text: str = TEXT, published: str = "2022-03-01") -> Document:
    return Document(source_id, text, published, sha256=hashlib.sha256(text.encode()).hexdigest())


def fact_row(table: str = "turnover", **overrides) -> dict[str, str]:
    """A valid hand-kept row whose quote is SENTENCE in TEXT."""
    start = TEXT.index(SENTENCE)
    row = {c: "" for c in schemas.VALIDATED[table].columns}
    row.update(fact_id="c0123456789ab", reporter="KAZ", partner="AFG", period_start="2021-01-01",
               period_end="2021-12-31", value="12500000", unit="USD", qualifier="exact", source_id="t01_test",
               quote=SENTENCE, char_start=str(start), char_end=str(start + len(SENTENCE)), review="accepted")
    if table == "commodities":
        row.update(flow="export", commodity="wheat", hs_code="1001")
    row.update(overrides)
    return row


def write_validated(folder: Path, rows: dict[str, list[dict]] | None = None, rejected: list[dict] | None = None,
                    dismissed: list[dict] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    rows = rows or {}
    for name, table in schemas.VALIDATED.items():
        write_csv_atomic(folder / f"{name}.csv", table.columns, ([r[c] for c in table.columns] for r in rows.get(name, [])))
    write_csv_atomic(folder / "rejected.csv", schemas.REJECTED.columns,
                     ([r[c] for c in schemas.REJECTED.columns] for r in rejected or []))
    write_csv_atomic(folder / "dismissed.csv", schemas.DISMISSED.columns,
                     ([r[c] for c in schemas.DISMISSED.columns] for r in dismissed or []))
    return folder


@pytest.fixture
def doc() -> Document:
    return make_doc()


def extract_text(text: str, published: str = "2023-06-15") -> list[Candidate]:
    """The extractor's candidates for one written text, as if it were an article published on ``published``."""
    return extract_document(Document("t01_test", text, published))


def candidate_rows(text: str, published: str = "2023-06-15") -> set[tuple]:
    """What each candidate states, as comparable tuples: table, parties, period, value, growth, commodity."""
    return {(c.table, c.reporter, c.partner, c.period_start, c.period_end, c.value, c.growth_ratio, c.commodity)
            for c in extract_text(text, published)}


def review(repo: Path, *args: str, ok: bool = True):
    """Run the review command in-process on ``repo``; fails the test when its exit status is not as expected."""
    from typer.testing import CliRunner

    from stages.review import app

    result = CliRunner().invoke(app, ["--repo", str(repo), *args])
    assert (result.exit_code == 0) == ok, result.output
    return result

"""Stage 2, extract: documents -> candidate statements of trade statistics.

Extraction runs per document and is cached by the document's SHA-256 and the
extractor version, so adding one article to a corpus of thousands costs one
article. Also runnable on any folder of articles::

    python -m stages.extract --raw DIR [--metadata FILE] --out FILE
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from stages.common import CANDIDATES, DOCUMENTS, relative, run_stage
from tradestats.csvio import csv_text, format_number, write_text_atomic
from tradestats.documents import Document, iter_documents, load_documents, read_metadata
from tradestats.extract import EXTRACTOR_VERSION, Candidate, extract_document

CACHE = CANDIDATES.parent / "extract-cache"


def cache_key(doc: Document) -> str:
    """Everything the candidates of a document depend on: its id, its text, its date, the extractor."""
    return f"{doc.source_id}-{doc.sha256}-{doc.published or 'nodate'}-v{EXTRACTOR_VERSION}.json"


def cached_extract(doc: Document, cache_dir: Path | None) -> list[Candidate]:
    """Candidates of one document, from the cache when its text and the extractor are unchanged."""
    if cache_dir is None or not doc.sha256:
        return extract_document(doc)
    key = cache_dir / cache_key(doc)
    if key.exists():
        return [Candidate(**row) for row in json.loads(key.read_text(encoding="utf-8"))]
    found = extract_document(doc)
    write_text_atomic(key, json.dumps([c.__dict__ for c in found], ensure_ascii=False))
    return found


def prune_cache(cache_dir: Path, docs: list[Document]) -> int:
    """Drop entries of removed articles and of older extractor versions, so the cache does not grow forever."""
    keep = {cache_key(d) for d in docs}
    stale = [p for p in cache_dir.glob("*.json") if p.name not in keep] if cache_dir.exists() else []
    for path in stale:
        path.unlink()
    return len(stale)


def candidates_csv(candidates: list[Candidate]) -> str:
    numeric = {"value", "growth_ratio", "change_value"}
    rows = (
        [format_number(v) if name in numeric else v for name, v in zip(Candidate.columns(), c.row())]
        for c in candidates
    )
    return csv_text(Candidate.columns(), rows)


def extract_all(docs: list[Document], cache_dir: Path | None, progress_every: int = 500) -> list[Candidate]:
    out: list[Candidate] = []
    started = time.perf_counter()
    for i, doc in enumerate(docs, 1):
        out.extend(cached_extract(doc, cache_dir))
        if i % progress_every == 0 or i == len(docs):
            rate = i / max(time.perf_counter() - started, 1e-9)
            print(f"extract: {i}/{len(docs)} documents, {len(out)} candidates ({rate:.0f} docs/s)", file=sys.stderr)
    return sorted(out, key=lambda c: (c.source_id, c.char_start, c.candidate_id))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m stages.extract", description=__doc__.split("\n")[0])
    parser.add_argument("--raw", type=Path, help="a folder of .txt articles (default: the pipeline's documents)")
    parser.add_argument("--metadata", type=Path, help="CSV with source_id,published,... for articles without a date line")
    parser.add_argument("--out", type=Path, default=CANDIDATES, help="where to write the candidate CSV")
    parser.add_argument("--no-cache", action="store_true", help="ignore and do not write the per-document cache")
    args = parser.parse_args(argv)

    if args.raw:
        metadata = read_metadata(args.metadata) if args.metadata else None
        docs = load_documents(args.raw, metadata, str(args.metadata or "metadata"), require_date=False)
        cache_dir = None
    else:
        docs = list(iter_documents(DOCUMENTS))
        cache_dir = None if args.no_cache else CACHE
    candidates = extract_all(docs, cache_dir)
    write_text_atomic(args.out, candidates_csv(candidates))
    if cache_dir is not None:
        prune_cache(cache_dir, docs)
    print(f"extract: wrote {len(candidates)} candidates from {len(docs)} documents to {relative(args.out)}",
          file=sys.stderr)


if __name__ == "__main__":
    run_stage(main)

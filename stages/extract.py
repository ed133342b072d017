"""Stage 2, extract: documents -> candidate statements of trade statistics, and every stated figure.

Beside the candidates (``build/candidates.csv``) the stage lists every money amount
and quantity of every article (``build/figures.csv``), with the candidate that uses
it; a figure no candidate uses, in a sentence that speaks of trade, is flagged for
the keeper, so nothing an article states is lost because the extractor missed it.

Extraction runs per document and is cached by the document's SHA-256 and the
extractor version, so adding one article to a corpus of thousands costs one
article. Also runnable on any folder of articles::

    python -m stages.extract --raw DIR [--metadata FILE] --out FILE --figures FILE
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from stages.common import CANDIDATES, DOCUMENTS, FIGURES, relative, run_stage
from tradestats.csvio import csv_text, format_number, write_text_atomic
from tradestats.documents import Document, iter_documents, load_documents, read_metadata
from tradestats.extract import EXTRACTOR_VERSION, Candidate, Extraction, StatedFigure, read_document

CACHE = CANDIDATES.parent / "extract-cache"


def cache_key(doc: Document) -> str:
    """Everything the candidates of a document depend on: its id, its text, its date, the extractor."""
    return f"{doc.source_id}-{doc.sha256}-{doc.published or 'nodate'}-v{EXTRACTOR_VERSION}.json"


def cached_extract(doc: Document, cache_dir: Path | None) -> Extraction:
    """Candidates and figures of one document, from the cache when its text and the extractor are unchanged."""
    if cache_dir is None or not doc.sha256:
        return read_document(doc)
    key = cache_dir / cache_key(doc)
    if key.exists():
        cached = json.loads(key.read_text(encoding="utf-8"))
        return Extraction([Candidate(**row) for row in cached["candidates"]],
                          [StatedFigure(**row) for row in cached["figures"]])
    found = read_document(doc)
    write_text_atomic(key, json.dumps({"candidates": [c.__dict__ for c in found.candidates],
                                       "figures": [f.__dict__ for f in found.figures]}, ensure_ascii=False))
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


def figures_csv(figures: list[StatedFigure]) -> str:
    rows = ([format_number(v) if name == "value" else v for name, v in zip(StatedFigure.columns(), f.row())]
            for f in figures)
    return csv_text(StatedFigure.columns(), rows)


def extract_all(docs: list[Document], cache_dir: Path | None,
                progress_every: int = 500) -> tuple[list[Candidate], list[StatedFigure]]:
    candidates: list[Candidate] = []
    figures: list[StatedFigure] = []
    started = time.perf_counter()
    for i, doc in enumerate(docs, 1):
        found = cached_extract(doc, cache_dir)
        candidates.extend(found.candidates)
        figures.extend(found.figures)
        if i % progress_every == 0 or i == len(docs):
            rate = i / max(time.perf_counter() - started, 1e-9)
            print(f"extract: {i}/{len(docs)} documents, {len(candidates)} candidates ({rate:.0f} docs/s)",
                  file=sys.stderr)
    candidates.sort(key=lambda c: (c.source_id, c.char_start, c.candidate_id))
    figures.sort(key=lambda f: (f.source_id, f.char_start, f.figure_id))
    return candidates, figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m stages.extract", description=__doc__.split("\n")[0])
    parser.add_argument("--raw", type=Path, help="a folder of .txt articles (default: the pipeline's documents)")
    parser.add_argument("--metadata", type=Path, help="CSV with source_id,published,... for articles without a date line")
    parser.add_argument("--out", type=Path, default=CANDIDATES, help="where to write the candidate CSV")
    parser.add_argument("--figures", type=Path, default=None,
                        help="where to write every stated figure (default: figures.csv beside --out)")
    parser.add_argument("--no-cache", action="store_true", help="ignore and do not write the per-document cache")
    args = parser.parse_args(argv)

    if args.raw:
        metadata = read_metadata(args.metadata) if args.metadata else None
        docs = load_documents(args.raw, metadata, str(args.metadata or "metadata"), require_date=False)
        cache_dir = None
    else:
        docs = list(iter_documents(DOCUMENTS))
        cache_dir = None if args.no_cache else CACHE
    figures_path = args.figures or (FIGURES if args.out == CANDIDATES else args.out.with_name("figures.csv"))
    candidates, figures = extract_all(docs, cache_dir)
    write_text_atomic(args.out, candidates_csv(candidates))
    write_text_atomic(figures_path, figures_csv(figures))
    if cache_dir is not None:
        prune_cache(cache_dir, docs)
    flagged = sum(1 for f in figures if f.needs_review == "yes")
    print(f"extract: wrote {len(candidates)} candidates from {len(docs)} documents to {relative(args.out)}; "
          f"{len(figures)} figures, {flagged} flagged for review (no candidate uses them), to "
          f"{relative(figures_path)}", file=sys.stderr)


if __name__ == "__main__":
    run_stage(main)

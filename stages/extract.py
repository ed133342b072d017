"""Stage 2, extract: documents -> candidate statements of trade statistics, and every stated figure.

Beside the candidates (``build/candidates.csv``) the stage lists every money amount
and quantity of every article (``build/figures.csv``), with the candidate that uses
it; a figure no candidate uses, in a sentence that speaks of trade, is flagged for
the keeper, so nothing an article states is lost because the extractor missed it.

Extraction runs per document and is cached by the document's SHA-256 and the
extractor version, so adding one article to a corpus of thousands costs one
article. Documents the cache does not hold are read in parallel: by a pool of
``-j/--jobs`` processes (default: ``extract.jobs`` in ``params.yaml``, 0 = one per
CPU), or, when a Dask scheduler address is given (``--scheduler``, else the
``DASK_SCHEDULER_ADDRESS`` environment variable, else ``extract.scheduler``), on that
Dask cluster. Each way runs the same per-document function and the results are put
in the same order, so the output is byte for byte the serial run's. Also runnable on
any folder of articles::

    python -m stages.extract --raw DIR [--metadata FILE] --out FILE --figures FILE [-j N] [--scheduler ADDR]
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from stages.common import stage_parser, CANDIDATES, DOCUMENTS, FIGURES, params, relative, run_stage
from tradestats.csvio import csv_text, format_number, write_text_atomic
from tradestats.documents import Document, iter_documents, load_documents, read_metadata
from tradestats.errors import InputError, Problem
from tradestats.progress import progress
from tradestats.extract import EXTRACTOR_VERSION, Candidate, Extraction, StatedFigure, read_document

CACHE = CANDIDATES.parent / "extract-cache"
#: Dask's own setting for the scheduler to connect to; the stage honours it too.
SCHEDULER_ENV = "DASK_SCHEDULER_ADDRESS"
#: Below this many documents to read, a pool costs more to start than it saves.
POOL_MIN_DOCUMENTS = 8
#: How long to wait for a Dask scheduler to answer before giving up with an error.
CONNECT_TIMEOUT = "20s"


def cache_key(doc: Document) -> str:
    """Everything the candidates of a document depend on: its id, its text, its date, the extractor."""
    return f"{doc.source_id}-{doc.sha256}-{doc.published or 'nodate'}-v{EXTRACTOR_VERSION}.json"


def read_cached(doc: Document, cache_dir: Path | None) -> Extraction | None:
    """The cached candidates and figures of a document whose text and extractor are unchanged, else None."""
    if cache_dir is None or not doc.sha256:
        return None
    key = cache_dir / cache_key(doc)
    if not key.exists():
        return None
    cached = json.loads(key.read_text(encoding="utf-8"))
    return Extraction([Candidate(**row) for row in cached["candidates"]],
                      [StatedFigure(**row) for row in cached["figures"]])


def write_cached(doc: Document, cache_dir: Path | None, found: Extraction) -> None:
    """Keep a document's results for the next run (written by this process only, whoever computed them)."""
    if cache_dir is None or not doc.sha256:
        return
    write_text_atomic(cache_dir / cache_key(doc), json.dumps({"candidates": [c.__dict__ for c in found.candidates],
                                                              "figures": [f.__dict__ for f in found.figures]},
                                                             ensure_ascii=False))


def cached_extract(doc: Document, cache_dir: Path | None) -> Extraction:
    """Candidates and figures of one document, from the cache when its text and the extractor are unchanged."""
    found = read_cached(doc, cache_dir)
    if found is None:
        found = read_document(doc)
        write_cached(doc, cache_dir, found)
    return found


# ---------------------------------------------------------------- where documents are read
# Each runner maps read_document (the one per-document function) over documents and yields
# the results in the documents' order, whatever order the workers finish in.

Runner = Callable[[Sequence[Document]], Iterator[Extraction]]


def serial_runner(docs: Sequence[Document]) -> Iterator[Extraction]:
    return map(read_document, docs)


def pool_runner(jobs: int) -> Runner:
    """A pool of ``jobs`` processes; documents go in chunks, so a small article is not one round trip each."""
    def run(docs: Sequence[Document]) -> Iterator[Extraction]:
        if jobs <= 1 or len(docs) < POOL_MIN_DOCUMENTS:
            yield from serial_runner(docs)
            return
        chunk = max(1, min(64, len(docs) // (jobs * 8)))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            yield from pool.map(read_document, docs, chunksize=chunk)
    return run


def dask_runner(address: str) -> Runner:
    """The Dask cluster at ``address``: a bag of documents, partitioned so each worker gets several chunks.

    Workers only compute; the cache is read and written here, so they need no access to
    this machine's files.
    """
    def run(docs: Sequence[Document]) -> Iterator[Extraction]:
        try:
            import dask.bag as db
            from distributed import Client
        except ImportError as exc:  # pragma: no cover - dask is a dependency; this is for a broken environment
            raise InputError([Problem("--scheduler", None, None, "dask installed", address, str(exc))],
                             "cannot extract on Dask") from exc
        try:
            client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, ValueError, TimeoutError) as exc:
            raise InputError([Problem("--scheduler", None, None, "a Dask scheduler that answers", address,
                                      f"no Dask scheduler answered at {address} within {CONNECT_TIMEOUT} "
                                      f"({type(exc).__name__}: {exc}); start one there (`dask scheduler`, then "
                                      f"`dask worker {address}`), or extract on this machine by clearing the "
                                      f"address: --scheduler '', ${SCHEDULER_ENV} and extract.scheduler in "
                                      f"params.yaml")], "cannot extract on Dask") from exc
        with client:
            workers = max(1, sum(client.nthreads().values()))
            bag = db.from_sequence(list(docs), npartitions=min(len(docs), workers * 4) or 1)
            yield from bag.map(read_document).compute(scheduler=client.get)
    return run


def choose_runner(jobs: int | None, scheduler: str | None) -> tuple[Runner, str]:
    """Dask when a scheduler address is configured, else a process pool (0 jobs = one per CPU); and its name."""
    if scheduler:
        return dask_runner(scheduler), f"Dask scheduler {scheduler}"
    count = jobs if jobs and jobs > 0 else (os.cpu_count() or 1)
    return pool_runner(count), f"{count} process(es)"


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
                runner: Runner = serial_runner) -> tuple[list[Candidate], list[StatedFigure]]:
    """Every document's candidates and figures, cached ones read here and the rest by ``runner``, in source order."""
    results: list[Extraction | None] = [read_cached(doc, cache_dir) for doc in docs]
    todo = [i for i, found in enumerate(results) if found is None]
    with progress("extract", len(todo), "documents") as advance:
        for i, found in zip(todo, runner([docs[i] for i in todo])):
            results[i] = found
            write_cached(docs[i], cache_dir, found)
            advance(1)
    candidates = [c for found in results for c in found.candidates]
    figures = [f for found in results for f in found.figures]
    candidates.sort(key=lambda c: (c.source_id, c.char_start, c.candidate_id))
    figures.sort(key=lambda f: (f.source_id, f.char_start, f.figure_id))
    return candidates, figures


def settings(jobs: int | None, scheduler: str | None) -> tuple[int | None, str | None]:
    """Jobs and scheduler: the option, else (scheduler) the environment, else ``extract:`` in params.yaml.

    They decide where documents are read, never what is read from them, so they are not
    DVC parameters of the stage: changing them does not rerun it.
    """
    configured = params("extract")
    if jobs is None:
        jobs = configured.get("jobs")
    if scheduler is None:
        scheduler = os.environ.get(SCHEDULER_ENV) or configured.get("scheduler") or None
    if jobs is not None and (not isinstance(jobs, int) or jobs < 0):
        raise InputError([Problem("params.yaml", None, "extract.jobs", "a count", str(jobs),
                                  "expected a whole number of processes, 0 for one per CPU")], "bad settings")
    return jobs, scheduler


def main(argv: list[str] | None = None) -> None:
    parser = stage_parser("extract", __doc__)
    parser.add_argument("--raw", type=Path, metavar="DIR", help="a folder of .txt articles (default: the pipeline's documents)")
    parser.add_argument("--metadata", type=Path, metavar="FILE",
                        help="CSV with the columns source_id,published,url,title,publisher: the dates of articles "
                             "without a date line (default: metadata.csv in --raw)")
    parser.add_argument("--out", type=Path, default=CANDIDATES, metavar="FILE",
                        help=f"where to write the candidate CSV (default: {relative(CANDIDATES)})")
    parser.add_argument("--figures", type=Path, default=None, metavar="FILE",
                        help="where to write every stated figure (default: figures.csv beside --out)")
    parser.add_argument("--no-cache", action="store_true", help="ignore and do not write the per-document cache")
    parser.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                        help="how many processes read documents, a whole number (default: extract.jobs in params.yaml; 0: one per CPU)")
    parser.add_argument("--scheduler", default=None, metavar="ADDRESS",
                        help=f"address of a Dask scheduler to read documents on (default: ${SCHEDULER_ENV}, then "
                             f"extract.scheduler in params.yaml; empty: this machine)")
    args = parser.parse_args(argv)
    if args.jobs is not None and args.jobs < 0:
        parser.error("--jobs must be 0 (one per CPU) or more")

    if args.raw:
        metadata = read_metadata(args.metadata) if args.metadata else None
        docs = load_documents(args.raw, metadata, str(args.metadata or "metadata"), require_date=False)
        cache_dir = None
    else:
        docs = list(iter_documents(DOCUMENTS))
        cache_dir = None if args.no_cache else CACHE
    figures_path = args.figures or (FIGURES if args.out == CANDIDATES else args.out.with_name("figures.csv"))
    runner, where = choose_runner(*settings(args.jobs, args.scheduler))
    print(f"extract: {len(docs)} documents; those not in the cache are read on {where}", file=sys.stderr)
    candidates, figures = extract_all(docs, cache_dir, runner)
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

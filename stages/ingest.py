"""Stage 1, ingest: ``raw/*.txt`` + ``raw/metadata.csv`` -> ``build/documents.jsonl``.

Every article is decoded exactly as stored (offsets downstream index this text),
its publication date is taken from its ``date`` line or the metadata (and the two
must agree), and its SHA-256 is recorded so a reader can verify the source.
All problems across all articles are reported in one run.
"""
from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import schemas
from stages.common import stage_parser, DOCUMENTS, RAW, relative, run_stage
from tradestats.csvio import write_text_atomic
from tradestats.documents import documents_jsonl, load_documents, read_metadata
from tradestats.errors import InputError, Problem


def file_name_problems(raw_dir: Path) -> list[Problem]:
    """An article's file name becomes its published ``source_id``; refuse one the tables would refuse later.

    Caught here, before any review decision records the id, rather than at validate
    after a keeper has accepted rows under it.
    """
    pattern = schemas.SOURCES.field("source_id").pattern
    return [Problem(f"{raw_dir.name}/{path.name}", None, "source_id", "file name", path.stem,
                    f"the file name (without .txt) is the source id: expected letters, digits, '_', '.' or '-' "
                    f"({pattern}); rename it, e.g. to {suggested_name(path.stem)}.txt, and its row in "
                    f"{raw_dir.name}/metadata.csv")
            for path in sorted(raw_dir.glob("*.txt")) if not re.fullmatch(pattern, path.stem)]


def suggested_name(stem: str) -> str:
    """A source id close to a refused file name: accents dropped, every other run of odd characters one '_'."""
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", ascii_stem).strip("_.-") or "article"


def main(argv: list[str] | None = None) -> None:
    parser = stage_parser("ingest", __doc__)
    parser.add_argument("--raw", type=Path, default=RAW, metavar="DIR",
                        help=f"folder of the .txt articles and their metadata.csv (default: {relative(RAW)})")
    parser.add_argument("--out", type=Path, default=DOCUMENTS, metavar="FILE",
                        help=f"the documents to write, JSON Lines (default: {relative(DOCUMENTS)})")
    args = parser.parse_args(argv)
    meta_path = args.raw / "metadata.csv"
    bad_names = file_name_problems(args.raw)
    if bad_names:
        raise InputError(bad_names, "cannot ingest the articles")
    docs = load_documents(args.raw, read_metadata(meta_path, relative(meta_path)), relative(meta_path), require_date=True)
    write_text_atomic(args.out, documents_jsonl(docs))
    print(f"ingest: {len(docs)} documents, {sum(d.characters for d in docs)} characters -> {relative(args.out)}",
          file=sys.stderr)


if __name__ == "__main__":
    run_stage(main)

"""Stage 5, publish: checked tables and the series -> ``data/*.csv`` + ``datapackage.json``.

The package is assembled in a staging folder, validated there with
frictionless (schemas, primary keys, foreign keys, hashes), and only then moved
into place file by file with atomic renames, the descriptor last. A failed run
leaves the previously published package exactly as it was. Frictionless checks
each row's cells once (rows it passed before are known by their digest); keys,
sizes and hashes are checked over every row on every run
(:mod:`tradestats.package_check`); ``--full`` runs frictionless on every row.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path

import schemas
from schemas.model import Table
from stages.common import Beside, stage_parser, CHECKED, DOCUMENTS, REFERENCE, REPO, SERIES, params, relative, run_stage
from tradestats import csvio as csvio_module
from tradestats import documents as documents_module
from tradestats.csvio import csv_text, read_csv_records
from tradestats.documents import Document, iter_documents
from tradestats.errors import InputError, Problem
from tradestats.parsed_cache import cached_parse
from tradestats.source_cache import code_digest, digest
# tradestats.package_check imports frictionless: imported where it is used (below)
from tradestats.transaction import commit_texts

DESCRIPTOR = "datapackage.json"
JOURNAL = ".publish-journal.json"
PUBLISH_CACHE = Path("build") / "publish-cache"


def sources_csv(docs: list[Document]) -> str:
    table = schemas.SOURCES
    rows = ([getattr(d, c) for c in table.columns] for d in sorted(docs, key=lambda d: d.source_id))
    return csv_text(table.columns, rows)


def reference_csv(table: Table, path: Path) -> str:
    """One row per code of a hand-kept reference CSV (which lists a code once per alias or term)."""
    key, label = table.columns
    first: dict[str, str] = {}
    for rec in read_csv_records(path, None, relative(path)):
        first.setdefault(rec.values[key], rec.values[label])
    return csv_text(table.columns, sorted(first.items()))


def cells_in_order(table: Table, cells: list[str]) -> list[str]:
    """A row's cells (in the table's column order) with a turnover pair in alphabetical order: turnover has no
    direction, so facts and series write a pair one way (the hand-kept table keeps the article's order, which the
    quote shows anyway). The list is one made for the row: swapped in place."""
    if table.name != "turnover":
        return cells
    reporter, partner = table.columns.index("reporter"), table.columns.index("partner")
    if cells[reporter] > cells[partner]:
        cells[reporter], cells[partner] = cells[partner], cells[reporter]
    return cells


def checked_csv(table: Table, path: Path) -> str:
    """A checked table's rows, re-emitted so the published header is exactly the schema's.

    A record read against the table's columns holds its cells in their order (the file's
    header must be exactly them), so each row is its record's cells as they are.
    """
    records = read_csv_records(path, table.columns, relative(path))
    return csv_text(table.columns, [cells_in_order(table, list(r.values.values())) for r in records])


def documents_sources(path: Path, cache_dir: Path | None) -> str:
    """:func:`sources_csv` of the documents file, read back from ``cache_dir`` while the file's bytes and the code
    making the table are the same (:func:`tradestats.parsed_cache.cached_parse`): a reviewed article changes no
    document, and parsing every text for the sources table was a tenth of the stage."""
    code = digest([code_digest(Path(__file__), Path(documents_module.__file__), Path(csvio_module.__file__)),
                   schemas.SOURCES.columns])
    return cached_parse(path, lambda p: sources_csv(list(iter_documents(p))), "sources", code, cache_dir)


def resource(table: Table, text: str) -> dict:
    data = text.encode("utf-8")
    return {
        "name": table.name,
        "title": table.title,
        "description": table.description,
        "path": f"data/{table.name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "schema": table.to_frictionless(),
    }


def descriptor(meta: dict, resources: list[dict], created: str) -> dict:
    return {
        "profile": "tabular-data-package",
        "name": meta["name"],
        "title": meta["title"],
        "description": meta["description"],
        "version": meta["version"],
        "created": created,
        "homepage": meta.get("homepage", ""),
        "keywords": meta["keywords"],
        "licenses": meta["licenses"],
        "sources": meta["sources"],
        "contributors": meta["contributors"],
        "resources": resources,
    }


def stable_created(previous: Path, candidate: dict) -> str:
    """Keep the old ``created`` when nothing else changed, so a rebuild is byte-identical."""
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    if previous.exists():
        try:
            old = json.loads(previous.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            return now
        if {**old, "created": None} == {**candidate, "created": None}:
            return old.get("created", now)
    return now


def frictionless_problems(package_dir: Path) -> list[Problem]:
    """Frictionless on the whole package, every row: what a consumer's ``frictionless validate`` reports."""
    from tradestats.package_check import whole_package_problems

    return whole_package_problems(package_dir, DESCRIPTOR)


def build_package(stage_dir: Path, checked_dir: Path, series: Path, sources: str, meta: dict,
                  previous: Path) -> dict:
    """Write the whole package into ``stage_dir`` (``sources`` is the sources table's text) and return its
    descriptor."""
    texts = {name: checked_csv(table, checked_dir / f"{name}.csv") for name, table in schemas.FACT_TABLES.items()}
    texts["sources"] = sources
    texts["trade_series"] = checked_csv(schemas.SERIES, series)
    texts["countries"] = reference_csv(schemas.COUNTRIES, REFERENCE / "countries.csv")
    texts["hs_codes"] = reference_csv(schemas.HS_CODES, REFERENCE / "commodities.csv")
    (stage_dir / "data").mkdir(parents=True)
    for name, text in texts.items():
        (stage_dir / "data" / f"{name}.csv").write_text(text, encoding="utf-8", newline="")
    resources = [resource(schemas.PUBLISHED[name], texts[name]) for name in schemas.PUBLISHED]
    desc = descriptor(meta, resources, created="")
    desc["created"] = stable_created(previous, desc)
    (stage_dir / DESCRIPTOR).write_text(json.dumps(desc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return desc


def move_into_place(stage_dir: Path, repo: Path, desc: dict) -> None:
    """Replace the published files all at once (descriptor last); resources no longer published are removed."""
    texts: dict[str, str | None] = {r["path"]: (stage_dir / r["path"]).read_text(encoding="utf-8")
                                    for r in desc["resources"]}
    for old in sorted((repo / "data").glob("*.csv")):
        texts.setdefault(f"data/{old.name}", None)
    texts[DESCRIPTOR] = (stage_dir / DESCRIPTOR).read_text(encoding="utf-8")
    try:
        commit_texts(repo, texts, JOURNAL)
    except OSError as exc:
        raise InputError([Problem(relative(Path(exc.filename or repo)), None, None, "write", None, exc.strerror or str(exc))],
                         "publish: could not write the package; the previous package was restored") from exc


def main(argv: list[str] | None = None) -> None:
    parser = stage_parser("publish", __doc__)
    parser.add_argument("--checked", type=Path, default=CHECKED, metavar="DIR",
                        help=f"folder of the checked fact tables (default: {relative(CHECKED)})")
    parser.add_argument("--series", type=Path, default=SERIES, metavar="FILE",
                        help=f"the reconciled series (default: {relative(SERIES)})")
    parser.add_argument("--out", type=Path, default=REPO, metavar="DIR",
                        help="folder that receives datapackage.json and data/ (default: the repository)")
    parser.add_argument("--cache", type=Path, metavar="DIR",
                        help="digests of the rows frictionless has passed, so that only new rows are validated "
                             "row by row, and the sources table as last made from the documents "
                             "(default: build/publish-cache in the --out folder)")
    parser.add_argument("--full", action="store_true",
                        help="validate every row of the whole package with frictionless, as a consumer does "
                             "(slower; the cache is not used)")
    args = parser.parse_args(argv)

    for leftover in args.out.glob(".publish-*"):  # the staging folder of a run that was killed (no finally ran)
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
    stage_dir = Path(tempfile.mkdtemp(prefix=".publish-", dir=args.out))
    cache_dir = args.cache or args.out / PUBLISH_CACHE
    try:
        def staged_package() -> dict:
            for old in stage_dir.iterdir():  # what a failed attempt left (see Beside)
                shutil.rmtree(old) if old.is_dir() else old.unlink()
            sources = documents_sources(DOCUMENTS, None if args.full else cache_dir)
            return build_package(stage_dir, args.checked, args.series, sources, params("package"),
                                 args.out / DESCRIPTOR)

        # the package is staged on another core while frictionless (a fifth of the stage) is imported here
        staging = Beside(staged_package)
        from tradestats.package_check import descriptor_problems, package_problems, remember

        desc = staging.result()
        report = None
        if args.full:
            problems = frictionless_problems(stage_dir)
            counts = {r["name"]: count_records(stage_dir / r["path"]) for r in desc["resources"]}
            checked = "every row checked by frictionless"
        else:
            # frictionless checks the descriptor on another core while the rows are checked here
            descriptor_check = Beside(lambda: descriptor_problems(stage_dir, DESCRIPTOR))
            report = package_problems(stage_dir, desc, cache_dir, DESCRIPTOR, descriptor_check=descriptor_check.result)
            problems, counts = report.problems, report.rows
            checked = f"{report.validated} new rows checked by frictionless, {report.known} passed before"
        if problems:
            raise InputError(problems, "publish: the package is not valid; nothing was published")
        move_into_place(stage_dir, args.out, desc)
        if report is not None:
            remember(report, cache_dir)
    finally:
        shutil.rmtree(stage_dir, ignore_errors=True)
    rows = ", ".join(f"{name} {count}" for name, count in counts.items())
    print(f"publish: {DESCRIPTOR} is valid ({rows}; {checked})", file=sys.stderr)


def count_records(path: Path) -> int:
    return len(read_csv_records(path, None, relative(path)))


if __name__ == "__main__":
    run_stage(main)

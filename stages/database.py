"""Stage 6, database: the published package -> ``dist/tradestats.sqlite`` + ``dist/parquet/<table>.parquet``.

For consumers whose tools guess types from CSV (and lose the leading zero of
HS code 0101): every resource as a typed table, with the types, keys and links
of ``schemas/``. Both outputs are built beside their targets and renamed into
place, so a failed run leaves the previous ones whole.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import schemas
from stages.common import DATA, REPO, relative, run_stage
from tradestats.typed_export import build_sqlite, read_all, replace_folder, write_parquet_folder

DIST = REPO / "dist"
SQLITE = "tradestats.sqlite"
PARQUET = "parquet"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m stages.database", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder of the published CSVs")
    parser.add_argument("--out", type=Path, default=DIST)
    args = parser.parse_args(argv)

    tables = schemas.PUBLISHED
    rows = read_all(tables, args.data, relative)
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".database-", dir=args.out))
    try:
        build_sqlite(work / SQLITE, tables, rows)
        write_parquet_folder(work / PARQUET, tables, rows)
        replace_folder(work / PARQUET, args.out / PARQUET)
        (work / SQLITE).replace(args.out / SQLITE)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    counts = ", ".join(f"{name} {len(r)}" for name, r in rows.items())
    print(f"database: {relative(args.out / SQLITE)} and {relative(args.out / PARQUET)}/ ({counts})", file=sys.stderr)


if __name__ == "__main__":
    run_stage(main)

"""The small helper every stage shares: repository paths, parameters, and error exit."""
from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

from tradestats.errors import InputError

REPO = Path(__file__).resolve().parent.parent
RAW = REPO / "raw"
REFERENCE = REPO / "reference"
BUILD = REPO / "build"
VALIDATED = REPO / "validated"
DATA = REPO / "data"
REPORTS = REPO / "reports"
DOCUMENTS = BUILD / "documents.jsonl"
CANDIDATES = BUILD / "candidates.csv"
FIGURES = BUILD / "figures.csv"
CHECKED = BUILD / "checked"
SERIES = BUILD / "series" / "trade_series.csv"


def params(section: str) -> dict:
    """One section of ``params.yaml`` (DVC tracks the keys each stage declares)."""
    with open(REPO / "params.yaml", encoding="utf-8") as fh:
        return (yaml.safe_load(fh) or {}).get(section, {})


def relative(path: Path) -> str:
    """A path as a keeper would type it: relative to the repository when inside it."""
    try:
        return str(Path(path).resolve().relative_to(REPO))
    except ValueError:
        return str(path)


def run_stage(main: Callable[[], None]) -> None:
    """Run a stage; report input problems plainly and exit 1 instead of a traceback.

    Python's cycle collector is paused while the stage runs: a stage is a short process
    that builds one row object per fact and keeps them to the end, and each full
    collection walks all of them again for nothing to free (a sixth of validate's run at
    10,000 articles, the peak memory unchanged). Reference counting still frees
    everything else; the collector is resumed afterwards, for a caller that goes on.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        main()
    except InputError as exc:
        print(str(exc), file=sys.stderr)
        sys.exit(1)
    finally:
        if collecting:
            gc.enable()


def stage_parser(name: str, doc: str | None) -> argparse.ArgumentParser:
    """The argument parser of ``python -m stages.<name>``, described by its docstring's first line (without the
    double backquotes of reStructuredText)."""
    summary = (doc or "").strip().split("\n")[0].replace("``", "")
    return argparse.ArgumentParser(prog=f"python -m stages.{name}", description=summary)

"""The small helper every stage shares: repository paths, parameters, and error exit."""
from __future__ import annotations

import argparse
import gc
import os
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

    A stage run as a program (``python -m stages.<name>``, its ``main`` in ``__main__``)
    that succeeds ends its process at once, once its output is flushed: every file it
    writes is written, closed and renamed into place before ``main`` returns, and freeing
    every row object one by one at exit, for nobody, costs a stage that holds the whole
    package up to a tenth of a second.
    """
    collecting = gc.isenabled()
    gc.disable()
    as_program = getattr(main, "__module__", None) == "__main__"
    FORKING["allowed"] = as_program
    try:
        main()
    except InputError as exc:
        print(str(exc), file=sys.stderr)
        sys.exit(1)
    finally:
        FORKING["allowed"] = False
        if collecting:
            gc.enable()
    if as_program:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


def stage_parser(name: str, doc: str | None) -> argparse.ArgumentParser:
    """The argument parser of ``python -m stages.<name>``, described by its docstring's first line (without the
    double backquotes of reStructuredText)."""
    summary = (doc or "").strip().split("\n")[0].replace("``", "")
    return argparse.ArgumentParser(prog=f"python -m stages.{name}", description=summary)


#: Whether :class:`Beside` may fork: set by :func:`run_stage` for a stage run as a program (its own process, no
#: threads yet), left off for a stage called in a test's or a caller's process.
FORKING = {"allowed": False}


class Beside:
    """``fn()`` worked out in a forked child process while the caller goes on with other work; :meth:`result` waits
    for it and returns what ``fn()`` returns.

    A stage is one process on a machine with more than one core, and some of its steps
    do not need each other (validate's cross-row checks and its per-source row checks;
    the database's SQLite file and its Parquet files). The child computes from the same
    memory (a fork copies it), sends its result back pickled and ends. Nothing depends on
    which process did the work: if the child fails in any way (an exception, a result that
    does not pickle, a crash), :meth:`result` calls ``fn()`` itself, which returns or
    raises as it would have. Without forking (not a stage's program, one core, no
    ``os.fork``), ``fn()`` runs when the result is asked for.
    """

    def __init__(self, fn: Callable[[], object]) -> None:
        self.fn = fn
        self.pid: int | None = None
        if FORKING["allowed"] and hasattr(os, "fork") and (os.cpu_count() or 1) > 1:
            read, write = os.pipe()
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:  # the child: compute, send, end (no exit handlers, no teardown)
                os.close(read)
                code = 1
                try:
                    import pickle

                    data = pickle.dumps(fn(), protocol=pickle.HIGHEST_PROTOCOL)
                    with os.fdopen(write, "wb") as out:
                        out.write(data)
                    code = 0
                finally:
                    os._exit(code)
            os.close(write)
            self.pid, self.read = pid, read

    def result(self):
        if self.pid is None:
            return self.fn()
        import pickle

        with os.fdopen(self.read, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
            try:
                return pickle.loads(data)
            except Exception:
                pass
        return self.fn()  # the child failed: the caller's own run says why (or succeeds)

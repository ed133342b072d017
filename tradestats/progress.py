"""Progress of a long stage: a rich bar on a terminal, a plain line now and then elsewhere (CI, logs).

A keeper at a terminal wants to see a 100k-article build move; a CI log wants a few
lines, not a bar redrawn ten times a second. Short runs say nothing: their stage's
own summary line is enough.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

#: Fewer items than this finish too soon for progress to help.
MIN_ITEMS = 1000
#: Plain lines: one per this share of the items (and one at the end).
LINE_EVERY = 0.1


def plain_line(label: str, done: int, total: int, started: float, unit: str) -> str:
    """``extract: 2000/10000 documents (20%, 812/s, 2.5 s)``: what CI logs show."""
    seconds = max(time.perf_counter() - started, 1e-9)
    return f"{label}: {done}/{total} {unit} ({done / max(total, 1):.0%}, {done / seconds:.0f}/s, {seconds:.1f} s)"


@contextmanager
def progress(label: str, total: int, unit: str = "items", stream: TextIO | None = None,
             min_items: int = MIN_ITEMS) -> Iterator[Callable[[int], None]]:
    """Yield ``advance(n=1)``, to be called as items finish; draws a bar on a TTY, prints plain lines otherwise."""
    stream = stream or sys.stderr
    if total < min_items:
        yield lambda n=1: None
        return
    started = time.perf_counter()
    if stream.isatty():
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
        with Progress(TextColumn(f"{label} {unit}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                      console=Console(file=stream), transient=False) as bar:
            task = bar.add_task(label, total=total)
            yield lambda n=1: bar.advance(task, n)
        return
    step = max(1, int(total * LINE_EVERY))
    state = {"done": 0, "next": step}

    def advance(n: int = 1) -> None:
        state["done"] += n
        if state["done"] >= state["next"] or state["done"] >= total:
            print(plain_line(label, state["done"], total, started, unit), file=stream, flush=True)
            while state["next"] <= state["done"]:
                state["next"] += step
            if state["done"] >= total:
                state["next"] = float("inf")

    yield advance

"""The whole pipeline at scale: a generated corpus of N articles, every candidate accepted, the real `dvc repro`.

Run on demand, not as a test::

    python -m benchmarks.bench_scale               # 10,000 articles
    python -m benchmarks.bench_scale --n 100000    # the corpus the issue asks to stay fast at
    python -m benchmarks.bench_scale --n 2000 --source DIR   # another checkout's code (say, before a change)

It copies the repository (as the end-to-end tests do) to a temporary folder, writes N
articles made from sentence templates written for this benchmark (no real article
text) into its ``raw/``, extracts them once, accepts every candidate and dismisses
every flagged figure the way ``review accept`` / ``review dismiss`` do (through
:class:`tradestats.review.ReviewSession`, so the rows are exactly what a keeper's
commands write), then measures

* the full build: ``dvc repro -f`` after removing ``build/`` (the extraction cache
  included), with the time of each stage;
* one more article: ``dvc repro`` after adding it (stops at validate: its candidates are
  pending), then ``dvc repro`` after accepting them (the reviewed article);

and the peak memory (resident set) of the largest process of each run.

Figures are drawn per pair of economies and year, not per article, so the many
articles that state the same statistic agree (as most real sources do) and the
consistency checks pass: turnover is exports plus imports, growth ratios match the
prior year.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_extract import COUNTRIES  # noqa: E402
from tests.repo_copy import BIN, REPO, copy_repo  # noqa: E402
from tradestats.review import Accept, Dismiss, Origin, ReviewPaths, ReviewSession  # noqa: E402

PRODUCTS = ["wheat", "flour", "coal", "cotton", "copper", "sugar"]
FILLER = [
    "The meeting focused on transport, logistics, energy and digital cooperation.",
    "Participants discussed the construction of a new railway line linking the two countries.",
    "A cultural festival featuring artists from {b} will take place in the capital next month.",
    "The delegation also visited an industrial park and a logistics hub near the border.",
    "The sides agreed to hold the next session of the intergovernmental commission in {b}.",
    "Flights between the capitals will resume in spring, the airline announced.",
    "Students from {b} will be able to study at {n} universities under a new exchange programme.",
    "Officials said the new border crossing would handle up to {n}00 trucks a day.",
]


def figure(*key: object, low: float = 5.0, high: float = 900.0) -> float:
    """A value in millions with one decimal, fixed by its key (pair, year, ...): every article states the same one."""
    digest = hashlib.sha256("|".join(map(str, key)).encode()).digest()
    return round(low + int.from_bytes(digest[:8], "big") / 2 ** 64 * (high - low), 1)


def flow(exporter: str, importer: str, year: int) -> float:
    """What ``exporter`` sells ``importer`` in a year: one economy's exports are its partner's imports, so the
    turnover of a pair is the same whichever of the two an article names first."""
    return figure(exporter, importer, year, "x")


def article(rng: random.Random) -> str:
    """One generated article about one pair of economies and one year, published early the next year."""
    a, b = rng.sample(COUNTRIES, 2)
    year = rng.randint(2016, 2023)
    exports, imports = flow(a, b, year), flow(b, a, year)
    turnover = round(exports + imports, 1)
    before = round(flow(a, b, year - 1) + flow(b, a, year - 1), 1)
    ratio = round(turnover / before, 1)
    sentences = [f"Trade turnover between {a} and {b} in {year} amounted to ${turnover:.1f} million, "
                 f"{ratio:.1f} times more than in {year - 1}." if ratio > 1.0 else
                 f"Trade turnover between {a} and {b} in {year} amounted to ${turnover:.1f} million."]
    if rng.random() < 0.6:
        sentences.append(f"{a}'s exports to {b} reached ${exports:.1f} million in {year}, while imports from {b} "
                         f"amounted to ${imports:.1f} million.")
    if rng.random() < 0.5:
        product = rng.choice(PRODUCTS)
        tonnes = int(figure(a, b, year, product, low=10, high=900))  # one article per product: no one repeats it
        sentences.append(f"{a} exported {tonnes} thousand tonnes of {product} to {b} in {year}.")
    for _ in range(rng.randint(3, 6)):
        sentences.append(rng.choice(FILLER).format(b=b, n=rng.randint(2, 9)))
    head, rest = sentences[:2], sentences[2:]
    rng.shuffle(rest)
    published = f"{year + 1}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return f" date {published}\n" + " ".join(head) + "\n\n" + " ".join(rest) + "\n"


def write_corpus(raw: Path, n: int, seed: int, start: int = 0) -> list[str]:
    """Articles ``bench_<i>`` for i in [start, start + n) into ``raw``; their source ids."""
    ids = []
    for i in range(start, start + n):
        rng = random.Random(f"{seed}-{i}")
        source_id = f"bench_{i:06d}"
        (raw / f"{source_id}.txt").write_text(article(rng), encoding="utf-8")
        ids.append(source_id)
    return ids


def accept_everything(repo: Path) -> tuple[int, int]:
    """Accept every pending candidate and dismiss every open flagged figure, as `review` would; the counts."""
    session = ReviewSession(ReviewPaths.in_repo(repo))
    origin = Origin("bench_scale")
    accepts = [Accept(c.id, origin) for c in session.pending()]
    dismissals = [Dismiss(f.id, origin, "generated text: not a trade statistic") for f in session.open_figures()]
    session.apply([*accepts, *dismissals])
    return len(accepts), len(dismissals)


#: Runs a command and writes the peak resident set (KiB) of its largest process to argv[1].
PEAK = ("import resource, subprocess, sys\n"
        "rc = subprocess.call(sys.argv[2:])\n"
        "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
        "sys.exit(rc)\n")


@dataclass
class Run:
    """One measured `dvc repro`: wall time, the time from each stage's start to the next, peak memory."""

    seconds: float
    peak_mb: float
    returncode: int
    stages: dict[str, float] = field(default_factory=dict)
    output: str = ""


def measured_repro(repo: Path, *args: str) -> Run:
    """`dvc repro ARGS` in ``repo``, timed as a whole and per stage (from DVC's "Running stage" lines)."""
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "PYTHONDONTWRITEBYTECODE": "1"}
    with tempfile.NamedTemporaryFile(suffix=".peak", delete=False) as fh:
        peak_file = fh.name
    marks: list[tuple[str, float]] = []
    lines = []
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", PEAK, peak_file, str(BIN / "dvc"), "repro", *args], cwd=repo,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        lines.append(line)
        if line.startswith("Running stage '"):
            marks.append((line.split("'")[1], time.perf_counter()))
    returncode = proc.wait()
    ended = time.perf_counter()
    peak = Path(peak_file).read_text() if Path(peak_file).stat().st_size else "0"
    os.unlink(peak_file)
    stages = {name: (marks[i + 1][1] if i + 1 < len(marks) else ended) - at for i, (name, at) in enumerate(marks)}
    return Run(ended - started, int(peak) / 1024, returncode, stages, "".join(lines))


def require(run: Run, what: str) -> Run:
    if run.returncode != 0:
        raise SystemExit(f"bench_scale: {what} failed (exit {run.returncode}):\n{run.output[-4000:]}")
    return run


def table(rows: list[tuple[str, str, str]]) -> str:
    """A plain text table (also valid Markdown), so the numbers paste into an issue as they are."""
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |" for row in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_scale", description=__doc__.split("\n\n")[0].replace("\n", " "))
    parser.add_argument("--n", type=int, default=10_000, help="articles to generate (default 10000)")
    parser.add_argument("--seed", type=int, default=20240501, help="random seed of the corpus")
    parser.add_argument("--source", type=Path, default=REPO,
                        help="the repository to copy and build (default: this one); its code runs the stages")
    parser.add_argument("--keep", type=Path, help="build in this (new) folder and leave it there, for a look after")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="bench-scale-")) if args.keep is None else args.keep
    repo = work / "repo" if args.keep is None else work
    try:
        copy_repo(repo, args.source.resolve())
        t = time.perf_counter()
        write_corpus(repo / "raw", args.n, args.seed)
        print(f"bench_scale: wrote {args.n} articles in {time.perf_counter() - t:.1f} s; extracting", file=sys.stderr)
        require(measured_repro(repo, "extract"), "the first extraction")
        t = time.perf_counter()
        accepted, dismissed = accept_everything(repo)
        print(f"bench_scale: accepted {accepted} candidates, dismissed {dismissed} figures in "
              f"{time.perf_counter() - t:.1f} s; full build", file=sys.stderr)
        shutil.rmtree(repo / "build")
        full = require(measured_repro(repo, "-f"), "the full build")
        write_corpus(repo / "raw", 1, args.seed, start=args.n)
        first = measured_repro(repo)
        if first.returncode == 0:
            raise SystemExit("bench_scale: the new article's candidates were published unreviewed")
        accept_everything(repo)
        reviewed = require(measured_repro(repo), "the build with the reviewed article")
        facts = json.loads((repo / "reports" / "validation.json").read_text(encoding="utf-8"))["quotes_checked"]
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)

    rows = [("run", "seconds", "peak MB"),
            (f"full build ({args.n} articles, {accepted} accepted): dvc repro -f, no build/", f"{full.seconds:.1f}",
             f"{full.peak_mb:.0f}")]
    rows += [(f"  {name}", f"{seconds:.1f}", "") for name, seconds in full.stages.items()]
    rows += [("+1 article: dvc repro (stops at validate: pending)", f"{first.seconds:.1f}", f"{first.peak_mb:.0f}")]
    rows += [(f"  {name}", f"{seconds:.1f}", "") for name, seconds in first.stages.items()]
    rows += [("+1 reviewed article: dvc repro", f"{reviewed.seconds:.1f}", f"{reviewed.peak_mb:.0f}")]
    rows += [(f"  {name}", f"{seconds:.1f}", "") for name, seconds in reviewed.stages.items()]
    rows += [("+1 reviewed article / full build", f"{reviewed.seconds / full.seconds:.0%}", ""),
             ("both +1 runs / full build", f"{(first.seconds + reviewed.seconds) / full.seconds:.0%}", ""),
             (f"validate + publish (full build, {facts} facts)",
              f"{full.stages.get('validate', 0) + full.stages.get('publish', 0):.1f}", "")]
    print(table(rows))


if __name__ == "__main__":
    main()

"""Extraction throughput on a synthetic corpus (MB of text per second, one process): candidates and the
figures table, as the extract stage computes them.

Run on demand, not as a test::

    python -m benchmarks.bench_extract            # 50 MB corpus
    python -m benchmarks.bench_extract --mb 5     # quicker
    python -m benchmarks.bench_extract --trade-share 0.2   # a trade-news feed: far more statements to read

The corpus is generated in memory from sentence templates written for this
benchmark (trade statements mixed with the filler that fills real news: visits,
quotes, transport, culture), reproducibly from ``--seed``. Nothing is written
to disk.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tradestats.documents import Document  # noqa: E402
from tradestats.extract import EXTRACTOR_VERSION, read_document  # noqa: E402

COUNTRIES = ["Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Azerbaijan", "Georgia",
             "Turkey", "China", "Russia", "Iran", "Afghanistan", "Mongolia", "Hungary", "Germany", "Belarus",
             "Pakistan", "India", "Italy", "South Korea"]
PRODUCTS = ["wheat", "flour", "sunflower oil", "petroleum products", "coal", "ferroalloys", "cotton", "fruits",
            "vegetables", "rolled steel", "copper", "fertilizers", "trucks", "electricity", "sugar", "meat"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
PEOPLE = ["the Prime Minister", "the Deputy Minister of Trade", "the ambassador", "the head of the chamber of "
          "commerce", "the foreign minister", "a senior official"]

TRADE = [
    "Trade turnover between {a} and {b} in {year} amounted to ${v} million, {g} times higher than a year earlier.",
    "In {m1}-{m2} {year}, mutual trade between {a} and {b} reached ${v} million, up {p}% year-on-year.",
    "Exports from {a} to {b} grew by {p} percent in the first half of {year} and totaled ${v} million.",
    "{a}'s imports from {b} decreased by {p}% to ${v} million over {n} months of {year}.",
    "Bilateral trade rose {g}-fold to about ${v} million last year, {person} said.",
    "According to official statistics, the trade volume between the two countries exceeded ${v} billion in {year}.",
    "Exports of {prod} to {b} increased {g} times, while supplies of {prod2} rose by ${v} million.",
    "{a} exported {t} thousand tons of {prod} to {b} in the third quarter of {year}.",
    "The sides aim to bring trade turnover to ${big} billion by 2030.",
    "Trade between {a} and {b} could reach ${big} billion in the coming years, {person} noted.",
    "The parties signed agreements worth ${v} million on the sidelines of the forum.",
    "Trade turnover amounted to {kzt} billion tenge (${v} million), {person} reported.",
]
FILLER = [
    "{person} held talks with a delegation from {b} on {m1} {day}.",
    "The meeting focused on transport, logistics, energy and digital cooperation.",
    "Participants discussed the construction of a new {km} km railway line linking the two countries.",
    "\u201cWe value our long-standing friendship and will continue to deepen it,\u201d {person} said.",
    "A cultural festival featuring artists from {b} will take place in the capital next month.",
    "The forum brought together more than {n}0 companies and business associations.",
    "Flights between the capitals will resume in {m1}, the airline announced.",
    "The two countries established diplomatic relations in 199{d}.",
    "Students from {b} will be able to study at {n} universities under a new exchange programme.",
    "The delegation also visited an industrial park and a logistics hub near the border.",
    "Officials said the new border crossing would handle up to {n}00 trucks a day.",
    "The sides agreed to hold the next session of the intergovernmental commission in {b}.",
]


def sentence(rng: random.Random, pool: list[str]) -> str:
    a, b = rng.sample(COUNTRIES, 2)
    p1, p2 = rng.sample(PRODUCTS, 2)
    m1 = rng.randrange(1, 12)
    return rng.choice(pool).format(
        a=a, b=b, year=rng.randint(2015, 2023), v=f"{rng.uniform(1, 999):.1f}", g=f"{rng.uniform(1.1, 5):.1f}",
        p=f"{rng.uniform(1, 90):.1f}", m1=MONTHS[0], m2=MONTHS[m1], n=rng.randint(2, 11), prod=p1, prod2=p2,
        t=rng.randint(10, 900), big=rng.randint(2, 40), kzt=rng.randint(10, 900), person=rng.choice(PEOPLE),
        day=rng.randint(1, 28), km=rng.randint(50, 900), d=rng.randint(0, 9),
    )


def article(rng: random.Random, trade_share: float) -> str:
    """One synthetic article: a few paragraphs, ``trade_share`` of its sentences trade statements."""
    paragraphs = []
    for _ in range(rng.randint(4, 9)):
        count = rng.randint(2, 5)
        paragraphs.append(" ".join(sentence(rng, TRADE if rng.random() < trade_share else FILLER)
                                   for _ in range(count)))
    return f" date 2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n" + "\n\n".join(paragraphs) + "\n"


def corpus(megabytes: float, seed: int, trade_share: float = 0.05) -> Iterator[Document]:
    rng = random.Random(seed)
    size = 0
    i = 0
    while size < megabytes * 1_000_000:
        text = article(rng, trade_share)
        size += len(text.encode("utf-8"))
        yield Document(f"bench_{i:06d}", text, text[6:16])
        i += 1


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].replace("\n", " "))
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size in MB (default 50)")
    parser.add_argument("--seed", type=int, default=20240501, help="random seed of the corpus")
    parser.add_argument("--trade-share", type=float, default=0.05,
                        help="share of sentences that are trade statements (default 0.05; a trade-news feed is "
                             "nearer 0.2)")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over the corpus; the best is reported")
    args = parser.parse_args(argv)

    docs = list(corpus(args.mb, args.seed, args.trade_share))
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    best_cpu = best_wall = float("inf")
    candidates = figures = 0
    for _ in range(args.repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        found = [read_document(d) for d in docs]
        candidates, figures = sum(len(x.candidates) for x in found), sum(len(x.figures) for x in found)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    # CPU time of this one process: the rate per core, whatever else the machine is running.
    print(f"extractor {EXTRACTOR_VERSION}: {len(docs)} documents, {size / 1e6:.1f} MB, trade share "
          f"{args.trade_share:.2f}, {candidates} candidates, {figures} figures; best of {args.repeat}: {best_cpu:.2f} s CPU "
          f"({best_wall:.2f} s wall) = {size / 1e6 / best_cpu:.2f} MB/s per core")


if __name__ == "__main__":
    main()

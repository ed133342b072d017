"""Does every stated figure reach the keeper? Coverage of reference answers by candidates and flagged figures.

Run on demand on annotated corpora (folders holding ``raw/*.txt``, ``metadata.csv`` and a
reference ``facts.csv``)::

    python -m benchmarks.coverage CORPUS [CORPUS ...] [--candidates-dir DIR]

For each corpus it extracts every article as the extract stage does and reports

* coverage: the share of reference facts with a value whose value (in its currency or
  tonnes) is that of a candidate of the same article (its value or absolute change) or
  of a figure flagged for review there: what a keeper gets to see;
* flagged: figures no candidate uses in sentences about trade, against the number of
  candidates: how much the keeper must read beyond the candidates;
* the reference values nobody sees, to read.

``--candidates-dir`` also writes each corpus's candidates as ``<corpus name>.csv`` there,
for a scorer of precision and recall.
"""
from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from stages.extract import candidates_csv  # noqa: E402
from tradestats.csvio import write_text_atomic  # noqa: E402
from tradestats.documents import load_documents, read_metadata  # noqa: E402
from tradestats.extract import EXTRACTOR_VERSION, Candidate, StatedFigure, read_document  # noqa: E402

#: Values match within this relative tolerance (the reference writes them in full units, as the extractor does).
TOLERANCE = 1e-3


@dataclass
class Coverage:
    name: str
    facts: int = 0
    covered: int = 0
    candidates: int = 0
    flagged: int = 0
    missed: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.covered / self.facts if self.facts else 1.0

    @property
    def flagged_per_candidate(self) -> float:
        return self.flagged / self.candidates if self.candidates else 0.0


def close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= TOLERANCE * max(abs(a), abs(b), 1e-9)


def number(text: str) -> float | None:
    try:
        return float(text) if text.strip() else None
    except ValueError:
        return None


def seen_values(candidates: list[Candidate], figures: list[StatedFigure]) -> dict[str, list[tuple[float, str]]]:
    """Per source, the (value, unit) pairs a keeper is shown: candidates' values and changes, flagged figures."""
    seen: dict[str, list[tuple[float, str]]] = {}
    for c in candidates:
        for v in (c.value, c.change_value):
            if v is not None:
                seen.setdefault(c.source_id, []).append((v, c.unit))
    for f in figures:
        if f.needs_review == "yes" and not f.candidate_id:
            seen.setdefault(f.source_id, []).append((f.value, f.unit))
    return seen


def measure(corpus: Path, candidates_dir: Path | None) -> Coverage:
    metadata_path = corpus / "metadata.csv"
    docs = load_documents(corpus / "raw", read_metadata(metadata_path), str(metadata_path), require_date=False)
    found = [read_document(d) for d in docs]
    candidates = [c for x in found for c in x.candidates]
    figures = [f for x in found for f in x.figures]
    result = Coverage(corpus.name, candidates=len(candidates),
                      flagged=sum(1 for f in figures if f.needs_review == "yes" and not f.candidate_id))
    seen = seen_values(candidates, figures)
    with open(corpus / "facts.csv", newline="", encoding="utf-8") as fh:
        for fact in csv.DictReader(fh):
            value = number(fact["value"])
            if value is None:
                continue
            unit = "t" if fact["currency"].strip().lower() in ("t", "tonnes", "tons") else fact["currency"].strip()
            result.facts += 1
            if any(close(value, v) and (u == unit or not unit) for v, u in seen.get(fact["source_id"], ())):
                result.covered += 1
            else:
                result.missed.append(f"{fact['source_id']} {fact['table']} {fact['value']} {fact['currency']}: "
                                     f"{fact['quote_hint']}")
    if candidates_dir is not None:
        write_text_atomic(candidates_dir / f"{corpus.name}.csv", candidates_csv(candidates))
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].replace("\n", " "))
    parser.add_argument("corpora", nargs="+", type=Path, help="folders with raw/, metadata.csv and facts.csv")
    parser.add_argument("--candidates-dir", type=Path, help="also write each corpus's candidates there")
    args = parser.parse_args(argv)
    results = [measure(c, args.candidates_dir) for c in args.corpora]
    total = Coverage("all", sum(r.facts for r in results), sum(r.covered for r in results),
                     sum(r.candidates for r in results), sum(r.flagged for r in results))
    print(f"extractor {EXTRACTOR_VERSION}")
    print(f"{'corpus':<12} {'facts':>6} {'covered':>8} {'coverage':>9} {'candidates':>11} {'flagged':>8} "
          f"{'flagged/cand':>13}")
    for r in [*results, total] if len(results) > 1 else results:
        print(f"{r.name:<12} {r.facts:>6} {r.covered:>8} {r.share:>9.3f} {r.candidates:>11} {r.flagged:>8} "
              f"{r.flagged_per_candidate:>13.2f}")
    for r in results:
        for line in r.missed:
            print(f"  not seen [{r.name}] {line}")


if __name__ == "__main__":
    main()

"""The extractor: reads English news text and proposes trade statistics as candidates.

``extract_document`` is a pure function of one document, so the extract stage can
cache its result by the document's content hash and ``EXTRACTOR_VERSION`` and run
it on many documents in parallel. Bump ``EXTRACTOR_VERSION`` whenever a change
can alter the output for unchanged text.

The records built per word or figure (``FlowWord``, ``Amount``, ``Figure`` ...) are plain,
not frozen, dataclasses: one is built for every word or figure read, a frozen dataclass is
several times slower to build, and nothing changes them after.
"""
from tradestats.extract.candidate import Candidate, candidate_id
from tradestats.extract.residue import StatedFigure
from tradestats.extract.rules import EXTRACTOR_VERSION, Extraction, extract_document, read_document

__all__ = ["EXTRACTOR_VERSION", "Candidate", "Extraction", "StatedFigure", "candidate_id", "extract_document",
           "read_document"]

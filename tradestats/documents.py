"""Articles as documents: exact text, publication date and provenance.

Offsets everywhere in the project index ``Document.text``, the file's bytes
decoded as UTF-8 and nothing else (no newline or whitespace normalisation), so a
quote can always be checked against the file a reader downloads.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from tradestats.csvio import read_csv_records
from tradestats.errors import InputError, Problem

METADATA_COLUMNS = ("source_id", "published", "url", "title", "publisher")
#: An article may open with `` date YYYY-MM-DD`` (on its own line or before the text).
DATE_LINE = re.compile(r"\A\ufeff?\s*date\s+(\d{4}-\d{2}-\d{2})\b")


@dataclass(frozen=True)
class Document:
    source_id: str
    text: str
    published: str  # ISO date, or "" when unknown (only outside the pipeline)
    title: str = ""
    url: str = ""
    publisher: str = ""
    sha256: str = ""

    @property
    def characters(self) -> int:
        return len(self.text)

    @property
    def body_start(self) -> int:
        """Offset where the article's own words begin (after a date line, if any)."""
        m = DATE_LINE.match(self.text)
        return m.end() if m else 0

    def to_json(self) -> str:
        return json.dumps({**asdict(self), "characters": self.characters}, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, line: str) -> "Document":
        data = json.loads(line)
        data.pop("characters", None)
        return cls(**data)


def parse_iso_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None
    except ValueError:
        return None


def read_metadata(path: Path, label: str | None = None) -> dict[str, dict[str, str]]:
    """The hand-kept article metadata, keyed by source id, checked cell by cell."""
    label = label or str(path)
    records = read_csv_records(path, None, label)
    problems: list[Problem] = []
    out: dict[str, dict[str, str]] = {}
    for rec in records:
        missing = [c for c in ("source_id", "published") if c not in rec.values]
        if missing:
            raise InputError([Problem(label, 1, c, "column present", None,
                                      f"missing column; the header must be: {','.join(METADATA_COLUMNS)}")
                              for c in missing], f"{label} is malformed")
        sid = rec.values["source_id"].strip()
        published = rec.values["published"].strip()
        if not sid:
            problems.append(Problem(label, rec.line, "source_id", "required", "",
                                    "every row needs a source_id: the article's file name without .txt"))
            continue
        if sid in out:
            problems.append(Problem(label, rec.line, "source_id", "unique", sid, "listed twice: one row per article"))
        if published and parse_iso_date(published) is None:
            problems.append(Problem(label, rec.line, "published", "ISO date", published,
                                    "expected an ISO date YYYY-MM-DD that exists in the calendar"))
        out[sid] = {k: (rec.values.get(k) or "").strip() for k in METADATA_COLUMNS} | {"_line": str(rec.line)}
    if problems:
        raise InputError(problems, f"{label} has invalid rows")
    return out


def read_article(path: Path, label: str | None = None) -> tuple[str, str, list[Problem]]:
    """The decoded text of one article, its date line's date ("" if none), and problems."""
    label = label or str(path)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return "", "", [Problem(label, line, None, "UTF-8", None,
                                f"byte {exc.start} (0x{raw[exc.start]:02x}) is not valid UTF-8; save the article as UTF-8")]
    problems = []
    if text.startswith("\ufeff"):
        problems.append(Problem(label, 1, None, "no byte-order mark", None,
                                "the file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM "
                                "(offsets index the text exactly as stored)"))
    if not text.strip():
        problems.append(Problem(label, 1, None, "not empty", None, "the article has no text"))
    date = ""
    m = DATE_LINE.match(text)
    if m:
        date = m.group(1)
        if parse_iso_date(date) is None:
            problems.append(Problem(label, 1, None, "date line", date, "not a real calendar date"))
            date = ""
    elif re.match(r"\A\s*date\s*[:=-]?\s*\d", text, re.IGNORECASE):
        problems.append(Problem(label, 1, None, "date line", text.split("\n", 1)[0][:40],
                                "a date line must read ' date YYYY-MM-DD'"))
    return text, date, problems


def load_documents(raw_dir: Path, metadata: dict[str, dict[str, str]] | None,
                   metadata_label: str = "metadata", require_date: bool = True) -> list[Document]:
    """Every ``*.txt`` in ``raw_dir`` as a Document, or an InputError listing every problem.

    The date comes from the article's date line, else from the metadata; both
    present and different is an error, because one of them is wrong.
    """
    problems: list[Problem] = []
    docs: list[Document] = []
    paths = sorted(raw_dir.glob("*.txt"))
    if not paths:
        problems.append(Problem(str(raw_dir), None, None, "articles present", None, "no .txt files found"))
    for path in paths:
        sid, label = path.stem, f"{raw_dir.name}/{path.name}"
        text, line_date, article_problems = read_article(path, label)
        problems.extend(article_problems)
        meta = (metadata or {}).get(sid, {})
        meta_date = meta.get("published", "")
        if line_date and meta_date and line_date != meta_date:
            problems.append(Problem(f"{metadata_label}", int(meta.get("_line", 0)) or None, "published", "agrees with date line",
                                    meta_date, f"{path.name} starts with ' date {line_date}'"))
        published = line_date or meta_date
        if require_date and not published:
            problems.append(Problem(label, 1, None, "publication date", None,
                                    f"no ' date YYYY-MM-DD' line and no 'published' in {metadata_label}"))
        docs.append(Document(sid, text, published, meta.get("title", ""), meta.get("url", ""),
                             meta.get("publisher", ""), hashlib.sha256(path.read_bytes()).hexdigest()))
    if metadata is not None:
        known = {p.stem for p in paths}
        for sid, meta in metadata.items():
            if sid not in known:
                problems.append(Problem(metadata_label, int(meta["_line"]), "source_id", "article exists", sid,
                                        f"no file {sid}.txt in {raw_dir}"))
    if problems:
        raise InputError(problems, "cannot ingest the articles")
    return docs


def documents_jsonl(docs: list[Document]) -> str:
    """JSON Lines, one document per line, in source-id order (stable bytes, stable diffs)."""
    return "".join(d.to_json() + "\n" for d in sorted(docs, key=lambda d: d.source_id))


def iter_documents(path: Path) -> Iterator[Document]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield Document.from_json(line)

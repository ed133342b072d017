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
    import schemas  # the pattern of a source id is declared once, with the column

    source_id = schemas.SOURCES.field("source_id").pattern
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
        if not re.fullmatch(source_id, sid):
            problems.append(Problem(label, rec.line, "source_id", "pattern", sid,
                                    f"expected the article's file name in raw/ without .txt, matching {source_id} "
                                    f"(no folders, no '..')"))
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


#: Characters no article text contains: C0 controls but tab, line feed and carriage return, and DEL.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]")
#: The longest line an article may have. A news paragraph is a few thousand characters; a longer line is a
#: whole page or file joined onto one line, which the extractor would read as one paragraph of thousands of
#: sentences, carrying its statements across all of them (it would finish: about 13 s for 3 MB, linear in size).
MAX_LINE = 100_000


def text_position(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of offset ``index`` of ``text``."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def byte_position(raw: bytes, index: int) -> tuple[int, int]:
    """The 1-based line and column (in characters, as far as they decode) of byte ``index`` of ``raw``."""
    line_start = raw.rfind(b"\n", 0, index) + 1
    return raw.count(b"\n", 0, index) + 1, len(raw[line_start:index].decode("utf-8", errors="replace")) + 1


def read_article(path: Path, label: str | None = None) -> tuple[str, str, list[Problem]]:
    """The decoded text of one article, its date line's date ("" if none), and problems.

    A UTF-8 byte-order mark and Windows line ends (CRLF) are kept as they are: the
    mark is the text's first character and each line end two characters, so offsets
    are those of any UTF-8 reader of the file.
    """
    label = label or str(path)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = byte_position(raw, exc.start)
        return "", "", [Problem(label, line, str(column), "UTF-8", f"0x{raw[exc.start]:02x}",
                                f"byte {exc.start} is not UTF-8: expected UTF-8 text (the file may be latin-1 or "
                                f"another legacy encoding); save the article as UTF-8")]
    problems = []
    control = CONTROL.search(text)
    if control:
        line, column = text_position(text, control.start())
        count = len(CONTROL.findall(text))
        problems.append(Problem(label, line, str(column), "text", f"U+{ord(control.group()):04X}",
                                f"a control character ({count} in the file): expected plain text; is this a "
                                f"binary file?"))
    longest = max(re.finditer(r"[^\n]*", text), key=lambda m: m.end() - m.start())
    if longest.end() - longest.start() > MAX_LINE:
        line, _ = text_position(text, longest.start())
        problems.append(Problem(label, line, "1", "line length", None,
                                f"a line of {longest.end() - longest.start():,} characters: expected paragraphs on "
                                f"lines of their own, at most {MAX_LINE:,} characters each (is the article joined "
                                f"onto one line?); break it into its paragraphs"))
        return text, "", problems
    if not text.strip("\ufeff \t\r\n"):
        problems.append(Problem(label, 1, "1", "not empty", None,
                                "the article has no text: expected its words (the file is empty or only spaces)"))
        return text, "", problems
    date = ""
    m = DATE_LINE.match(text)
    if m:
        date = m.group(1)
        if parse_iso_date(date) is None:
            line, column = text_position(text, m.start(1))
            problems.append(Problem(label, line, str(column), "date line", date,
                                    "not a real calendar date: expected ' date YYYY-MM-DD' with a date that exists"))
            date = ""
    elif re.match(r"\A\ufeff?\s*date\s*[:=-]?\s*\d", text, re.IGNORECASE):
        problems.append(Problem(label, 1, "1", "date line", text.split("\n", 1)[0][:40],
                                "expected a date line reading ' date YYYY-MM-DD'"))
    return text, date, problems


def article_link_problem(path: Path, label: str) -> Problem | None:
    """An article must be a file of its own in ``raw/``, not a symbolic link (least of all out of the repository).

    Git would keep the link, not the text: the published checksum and offsets could
    not be checked by anyone who clones the package. The link's target is not named
    (it is a path on someone's machine).
    """
    if not path.is_symlink():
        return None
    inside = path.resolve().is_relative_to(path.parent.resolve().parent)
    where = "inside the repository" if inside else "outside the repository"
    return Problem(label, 1, "1", "regular file", None,
                   f"a symbolic link to a file {where}: expected the article's own file; copy the text into raw/")


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
        problems.append(Problem(raw_dir.name, None, None, "articles present", None, "no .txt files found"))
    first_with: dict[str, str] = {}
    for path in paths:
        sid, label = path.stem, f"{raw_dir.name}/{path.name}"
        link = article_link_problem(path, label)
        if link is not None:
            problems.append(link)
            continue
        text, line_date, article_problems = read_article(path, label)
        problems.extend(article_problems)
        sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
        if sha256 in first_with and not article_problems:
            problems.append(Problem(label, 1, "1", "unique text", None,
                                    f"the same bytes as {first_with[sha256]}: expected each article once; delete "
                                    f"one of the two files and its row in {metadata_label}"))
        first_with.setdefault(sha256, label)
        meta = (metadata or {}).get(sid, {})
        meta_date = meta.get("published", "")
        if line_date and meta_date and line_date != meta_date:
            problems.append(Problem(f"{metadata_label}", int(meta.get("_line", 0)) or None, "published", "agrees with date line",
                                    meta_date, f"{path.name} starts with ' date {line_date}'"))
        published = line_date or meta_date
        if require_date and not published and not article_problems:  # an unreadable article's date is unknown
            problems.append(Problem(label, 1, "1", "publication date", None,
                                    f"expected a ' date YYYY-MM-DD' line or a 'published' date in {metadata_label}"))
        docs.append(Document(sid, text, published, meta.get("title", ""), meta.get("url", ""),
                             meta.get("publisher", ""), sha256))
    if metadata is not None:
        known = {p.stem for p in paths}
        for sid, meta in metadata.items():
            if sid not in known:
                problems.append(Problem(metadata_label, int(meta["_line"]), "source_id", "article exists", sid,
                                        f"expected a file {sid}.txt in {raw_dir.name}/"))
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

"""What a stage made of a big input file, kept between runs by the exact bytes it was made from.

Adding one reviewed article changes the hand-kept tables, not the documents, the
candidates or the figures of the extraction, yet every stage after it parsed those
files again: at 10,000 articles a good part of each run, for the same result. A
stage's parsed form of such a file is kept in one pickle under a key made of the
SHA-256 of the file's bytes, the hash of the code that parses it, a name for what
is kept, and Python's version. Anything that could change the parsed form changes
the key: a different byte, an edit of the parsing code, another Python. A stored
form is used only for identical inputs; a missing, damaged or stale one is parsed
again and stored.

A form is stored only if the file still has the bytes it was keyed by once parsed,
so a file rewritten while it was read is never stored under the old bytes' key.
Each stage keeps its forms in its own cache folder (git- and DVC-ignored, like the
other caches in ``build/``).
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from tradestats.source_cache import digest

T = TypeVar("T")

#: Bump when what is stored changes; a file stored another way is then parsed again.
LAYOUT = 2


def file_sha256(path: Path) -> str | None:
    """The SHA-256 of the file's bytes, or None when it cannot be read (the parser then reports why)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def parsed_key(name: str, code: str, file_hash: str) -> str:
    """The key of one parsed form: what it is, the code that makes it, the bytes it is made from, Python's version
    (pickles of one version are read by the same)."""
    return digest([LAYOUT, name, code, sys.version_info[:2], file_hash])


def cached_parse(path: Path, parse: Callable[[Path], T], name: str, code: str, cache_dir: Path | None) -> T:
    """``parse(path)``, or the form stored in ``cache_dir/<name>.pickle`` for exactly these bytes and this code.

    ``code`` is the hash of everything the parsed form depends on besides the bytes (the
    parsing code, the columns it expects): :func:`tradestats.source_cache.code_digest`
    of its source files, and more when it reads more. Without ``cache_dir``, or for a
    file that cannot be read, ``parse`` runs (and raises as it does).
    """
    file_hash = file_sha256(path) if cache_dir is not None else None
    if file_hash is None:
        return parse(path)
    key = parsed_key(name, code, file_hash)
    stored = cache_dir / f"{name}.pickle"
    try:
        with open(stored, "rb") as fh:
            # the key is a record of its own, read first: a stale form is never unpickled
            if pickle.load(fh) == key:
                return pickle.load(fh)
    except Exception:  # missing, damaged or of another layout: parsed again
        pass
    value = parse(path)
    if file_sha256(path) == file_hash:
        store(stored, key, value)
    return value


def store(stored: Path, key: str, value: object) -> None:
    """Write ``key`` and ``value`` as two pickle records to a file of its own beside ``stored``, then rename it into
    place: two runs storing at once never write the same file, and a reader sees an old form or a whole new one."""
    staged: Path | None = None
    try:
        stored.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=stored.parent, prefix=f".{stored.name}.", delete=False) as fh:
            staged = Path(fh.name)
            pickle.dump(key, fh, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(staged, stored)
    except OSError:  # a cache that cannot be written only means the next run parses again
        if staged is not None:
            staged.unlink(missing_ok=True)

"""Replace several files at once: either every one changes, or none does.

Used by the review command (the tables in ``validated/``) and by the publish
stage (``data/*.csv`` + ``datapackage.json``). A single rename is atomic; a set
of renames is made atomic with backups and a journal: every new text is staged
beside its target, hard-link backups of the targets and a journal naming them are
written, and only then are the staged files renamed over their targets (or the
targets removed). Deleting the journal is the commit point. A failure during the
renames restores every backup before the error propagates; a process killed in
the middle leaves the journal behind, and :func:`recover_interrupted` (called at
the start of the next commit) rolls the files back from it.
"""
from __future__ import annotations

import json
import os
import shutil
from collections.abc import Mapping
from pathlib import Path

STAGED_SUFFIX = ".staged"
BACKUP_SUFFIX = ".backup"


def commit_texts(folder: Path, texts: Mapping[str, str | None], journal: str) -> None:
    """Write ``texts`` (paths relative to ``folder``; ``None`` deletes the file) all or nothing."""
    if not texts:
        return
    recover_interrupted(folder, journal)
    staged: dict[str, Path] = {}
    backups: dict[str, str | None] = {}
    journal_written = False
    try:
        for name, text in texts.items():
            if text is not None:
                staged[name] = _stage(folder / name, text)
        for name in texts:
            backups[name] = _backup(folder, name)
        _write_journal(folder / journal, backups)
        journal_written = True
        for name, text in texts.items():
            if text is None:
                (folder / name).unlink(missing_ok=True)
            else:
                os.replace(staged[name], folder / name)
    except BaseException:
        if journal_written:
            recover_interrupted(folder, journal)
        _remove(folder, [b for b in backups.values() if b])
        for path in staged.values():
            path.unlink(missing_ok=True)
        raise
    (folder / journal).unlink()
    _remove(folder, [b for b in backups.values() if b])


def recover_interrupted(folder: Path, journal: str) -> list[str]:
    """Undo a commit that was interrupted before its journal was deleted; return the files restored.

    Without a journal, left-over staged files and backups belong to no commit in
    progress (the last one either finished or never started renaming) and are removed.
    """
    path = folder / journal
    restored: list[str] = []
    if path.exists():
        entries: dict[str, str | None] = json.loads(path.read_text(encoding="utf-8"))["files"]
        for name, backup in entries.items():
            if backup is None:
                (folder / name).unlink(missing_ok=True)  # the file did not exist before the commit
            elif (folder / backup).exists():
                os.replace(folder / backup, folder / name)
            restored.append(name)
        path.unlink()
    for pattern in (f".*{STAGED_SUFFIX}", f".*{BACKUP_SUFFIX}", f"*/.*{STAGED_SUFFIX}", f"*/.*{BACKUP_SUFFIX}"):
        for leftover in folder.glob(pattern):
            leftover.unlink(missing_ok=True)
    return sorted(restored)


def _hidden_sibling(name: str, suffix: str) -> str:
    path = Path(name)
    return str(path.with_name(f".{path.name}{suffix}"))


def _stage(target: Path, text: str) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    path = target.with_name(f".{target.name}{STAGED_SUFFIX}")
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    return path


def _backup(folder: Path, name: str) -> str | None:
    """A second name for the current file (a hard link, else a copy); ``None`` when there is no file yet."""
    target, backup = folder / name, _hidden_sibling(name, BACKUP_SUFFIX)
    if not target.exists():
        return None
    (folder / backup).unlink(missing_ok=True)
    try:
        os.link(target, folder / backup)
    except OSError:
        shutil.copy2(target, folder / backup)
    return backup


def _write_journal(path: Path, backups: Mapping[str, str | None]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump({"files": dict(backups)}, fh, sort_keys=True)
        fh.flush()
        os.fsync(fh.fileno())


def _remove(folder: Path, names: list[str]) -> None:
    for name in names:
        (folder / name).unlink(missing_ok=True)

"""Helpers for end-to-end tests: a temporary copy of the repository and commands run in it."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SKIP = {".venv", "build", ".git", ".hypothesis", ".pytest_cache", "__pycache__", "tmp", "cache"}


def copy_repo(dest: Path, source: Path = REPO, with_build: bool = False) -> Path:
    """The working tree as git sees it (tracked and new files, nothing git ignores), as a fresh git repository.

    What git ignores stays behind: environments, caches, and a keeper's own leftovers
    such as a half-filled ``queue.csv``, which a test must not pick up. DVC needs the
    copy to be a git repository.
    """
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=source,
                            capture_output=True, text=True)
    if listed.returncode == 0:
        dest.mkdir(parents=True)
        for name in filter(None, listed.stdout.split("\0")):
            if (source / name).is_file():
                (dest / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source / name, dest / name)
    else:  # not a git checkout (an exported tarball): everything but environments and caches
        shutil.copytree(source, dest, ignore=lambda d, names: [n for n in names if n in SKIP or n.startswith(".publish-")])
    if with_build:
        shutil.copytree(source / "build", dest / "build")
    subprocess.run(["git", "init", "-q"], cwd=dest, check=True)
    return dest


def run(repo: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    """A command in the copy, with this interpreter's environment first on PATH (so `python` and `dvc` are ours)."""
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(list(args), cwd=repo, env=env, capture_output=True, text=True, timeout=timeout)


def dvc_repro(repo: Path) -> subprocess.CompletedProcess:
    return run(repo, str(BIN / "dvc"), "repro")

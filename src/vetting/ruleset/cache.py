"""A cache of checked rule sets, keyed by the bytes they were read from.

Reading, validating and checking the default rule set costs about 50 ms: little
for one command, most of the start-up of `vetting score` over a portfolio, and
paid again by every CI run. A rule set that passed its checks is stored with the
SHA-256 of every file it was read from; the next run re-reads those files (a
millisecond), and when every digest matches and vetting, Python and pydantic are
the same code, it compiles the stored model instead of parsing and checking it
again. Anything else is a miss, and a miss is simply the normal path: no failure
of the cache (no home folder, a folder owned by another user, a damaged entry)
ever stops a command.

Where: `$VETTING_CACHE_DIR`, else `$XDG_CACHE_HOME/vetting`, else
`~/.cache/vetting`; `VETTING_CACHE_DIR=off` turns the cache off. The folder is
created private (0700), entries are private (0600) and written atomically, and
an entry is used only when it belongs to the current user and nobody else may
write it: the same trust Python gives the `__pycache__` files it executes.
The cache holds rule sets only, never answers.

Overlays (`extends`) are not cached: which base they get depends on the
folders around them, not only on the files they read.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from vetting import __version__
from vetting.errors import VettingError
from vetting.files import atomic_write
from vetting.ruleset.compiled import CompiledRuleSet, compile_checked
from vetting.ruleset.model import RuleSet
from vetting.ruleset.sources import MANIFEST, LoadedRuleSet, SourceMap
from vetting.yamlio import read_bytes

CACHE_ENV = "VETTING_CACHE_DIR"
_OFF = {"", "0", "off", "no", "false", "none"}


@dataclass(frozen=True)
class _Entry:
    """What is stored: the checked model, and the files it was read from."""

    files: tuple[tuple[str, str], ...]
    ruleset: RuleSet
    sha256: str


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is off."""
    value = os.environ.get(CACHE_ENV)
    if value is not None:
        return None if value.strip().lower() in _OFF else Path(value)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "vetting"


@lru_cache(maxsize=1)
def _code_key() -> str:
    """Which code is running: vetting's version and the size and date of each of its
    modules (a development checkout with a new check, or a new shape of what is
    stored, never reuses an old entry), Python's and pydantic's versions."""
    import pydantic

    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(f"{__version__}|{sys.version}|{pydantic.VERSION}".encode())
    for top, dirs, names in os.walk(package):
        dirs.sort()
        for name in sorted(names):
            if name.endswith(".py"):
                info = os.stat(os.path.join(top, name))
                rel = os.path.relpath(os.path.join(top, name), package)
                digest.update(f"|{rel}:{info.st_size}:{info.st_mtime_ns}".encode())
    return digest.hexdigest()


def _entry_path(folder: Path, display: str, embedded: bool) -> Path | None:
    where = cache_dir()
    if where is None:
        return None
    key = f"{_code_key()}|{folder.resolve()}|{display}|{embedded}"
    return where / f"ruleset-{hashlib.sha256(key.encode()).hexdigest()[:32]}.pickle"


def _digest(path: Path) -> str | None:
    """The SHA-256 of a rule file, read as the loader reads it (size checked first)."""
    try:
        return hashlib.sha256(read_bytes(path, str(path))).hexdigest()
    except VettingError:  # gone, unreadable or too large: a miss, the loader says why
        return None


def _trusted(path: Path) -> bool:
    """Ours and writable by nobody else, like the folder it is in.

    Windows has no owner id to compare (no `os.getuid`): there the per-user folder's
    access rights keep others out, and only the write bits are checked.
    """
    getuid = getattr(os, "getuid", None)
    for item in (path, path.parent):
        info = item.stat()
        if getuid is not None and info.st_uid != getuid():
            return False
        if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return False
    return True


def lookup(folder: Path, display: str, embedded: bool) -> CompiledRuleSet | None:
    """The stored rule set for this folder if every file it came from is unchanged."""
    try:
        return _lookup(folder, display, embedded)
    except Exception:  # the cache may only ever save time: any failure is a miss
        return None


def _lookup(folder: Path, display: str, embedded: bool) -> CompiledRuleSet | None:
    path = _entry_path(folder, display, embedded)
    if path is None or not path.is_file() or not _trusted(path):
        return None
    entry = pickle.loads(path.read_bytes())
    if not isinstance(entry, _Entry):
        return None
    for name, digest in entry.files:
        if _digest(folder / name) != digest:
            return None
    loaded = LoadedRuleSet(entry.ruleset, folder, display, entry.sha256, SourceMap(), entry.files)
    return compile_checked(loaded, embedded=embedded)


def store(loaded: LoadedRuleSet, embedded: bool) -> None:
    """Remember a rule set that passed its checks, with the digests of the very bytes
    that were parsed (a file saved since is a miss next time); never fails."""
    try:
        _store(loaded, embedded)
    except Exception:  # a read-only home, a full disk: the next run loads normally
        return


def _store(loaded: LoadedRuleSet, embedded: bool) -> None:
    if loaded.ruleset.extends is not None or MANIFEST not in dict(loaded.files):
        return
    path = _entry_path(loaded.folder, loaded.display, embedded)
    if path is None:
        return
    entry = _Entry(loaded.files, loaded.ruleset, loaded.sha256)
    data = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    atomic_write(path, data, mode=0o600)  # private: only its owner may write what is trusted

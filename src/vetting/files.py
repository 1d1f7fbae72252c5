"""Writing files so that a reader sees the old content or the new, never half, never a mix.

One file: a temporary file in the same folder, `fsync`, rename over the target.
A set of files (a report in five formats): every content is rendered before this
module is called; each file is written to its temporary and synced; then, with
SIGINT and SIGTERM held, each target is linked to a backup and the temporaries
are renamed into place. If a rename fails, the targets already replaced get
their backups back. Whatever happens (a full disk, Ctrl-C, SIGTERM, an error),
the folder holds the whole old set or the whole new set, and no temporary file.
`kill -9` or a power cut during the renames themselves (microseconds) is the one
case left to the file system.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from vetting.signals import held, terminate_as_interrupt

Content = str | bytes
#: What `link` says on a file system without hard links (FAT, some network shares).
_NO_HARD_LINKS = frozenset(
    {errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP}
)


def atomic_write(path: Path, content: Content, mode: int | None = None) -> None:
    """Write one file so that readers see the old or the new content, never half.

    `mode` gives the new file's permissions (0o600: private); by default it gets
    those of the file it replaces, or those of a new file.
    """
    write_files([(Path(path), content)], mode)


def write_files(outputs: Sequence[tuple[Path, Content]], mode: int | None = None) -> None:
    """Write every file of `outputs`, as a unit: all the new ones, or none of them."""
    created: list[Path] = []  # every temporary and backup made, removed at the end
    staged: list[tuple[Path, Path]] = []  # (temporary, target)
    backups: dict[Path, Path] = {}  # target -> backup of its old content
    try:
        with terminate_as_interrupt():
            for path, content in outputs:
                staged.append((_stage(Path(path), content, created, mode), Path(path)))
            with held():
                # One rename is atomic by itself; only a set needs the old files kept aside.
                for _, target in staged if len(staged) > 1 else ():
                    backup = _backup(target, created)
                    if backup is not None:
                        backups[target] = backup
                _swap(staged, backups)
    finally:
        with held():
            for leftover in created:
                _remove(leftover)


def _stage(path: Path, content: Content, created: list[Path], mode: int | None) -> Path:
    """The content in a synced temporary file beside `path`, with the mode `path` gets."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.parent.mkdir(parents=True, exist_ok=True)
    with held():  # the temporary is on the list of files to remove as soon as it exists
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        created.append(Path(name))
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        # mkstemp makes the file owner-only; give it the mode a plain write would.
        os.fchmod(fd, _mode_for(path) if mode is None else mode)
        os.fsync(fd)
    finally:
        os.close(fd)
    return Path(name)


def _backup(target: Path, created: list[Path]) -> Path | None:
    """A second name for the target's current content (a hard link: no copy, no space)."""
    if not os.path.lexists(target):
        return None
    backup = target.with_name(f".{target.name}.{os.getpid()}.old")
    _remove(backup)
    created.append(backup)
    try:
        os.link(target, backup, follow_symlinks=False)
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        shutil.copy2(target, backup, follow_symlinks=False)  # then copy the old content
    return backup


def _swap(staged: list[tuple[Path, Path]], backups: dict[Path, Path]) -> None:
    """Rename every temporary over its target; on a failure, put the old ones back."""
    done: list[Path] = []
    try:
        for temporary, target in staged:
            os.replace(temporary, target)
            done.append(target)
    except BaseException:
        for target in reversed(done):
            with contextlib.suppress(OSError):
                if target in backups:
                    os.replace(backups.pop(target), target)
                else:
                    os.unlink(target)
        raise


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):  # gone already (renamed into place), or not ours
        os.unlink(path)


def _mode_for(path: Path) -> int:
    """The permissions of the file replaced, else those of a new file (0666 & ~umask).

    A symbolic link is replaced, not followed: its target's mode (a setuid
    program's, say) is not copied; nor are the setuid, setgid and sticky bits of
    a file replaced.
    """
    try:
        info = os.lstat(path)
    except OSError:
        info = None
    if info is not None and stat.S_ISREG(info.st_mode):
        return stat.S_IMODE(info.st_mode) & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask

"""One writer per answers file: a small portable lock beside the file, `.<name>.lock`.

Two sessions on one file would each save their own answers over the other's,
so the second is refused. The lock file is ours alone: it is opened without
following a link (a planted `.x.lock -> ../other.yaml` is removed, never
written through), only ever holds our process id, and is removed on every
normal exit. The operating system drops the lock itself when the process dies,
so a crash (even kill -9) never leaves the answers file locked; the stale lock
file is taken over by the next session.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from vetting.errors import Position, Problem, VettingError

#: Open flags that refuse a link where the lock file goes (0 where the OS has none).
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_FLAGS = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
#: How many times a lock file removed under our feet is opened again.
_ATTEMPTS = 5


class LockBusy(VettingError):
    """Another process holds the lock: its id, when it wrote one."""

    def __init__(self, path: Path, holder: str) -> None:
        self.path = path
        self.holder = holder
        super().__init__(
            Problem(
                Position(str(path)),
                f"already open in another vetting session (process {holder})",
                hint="finish or stop that session first",
            )
        )


def lock_path(path: Path) -> Path:
    """`dir/tool.answers.yaml` -> `dir/.tool.answers.yaml.lock`."""
    return path.with_name(f".{path.name}.lock")


def _try_lock(fd: int) -> bool:
    """Take the lock on `fd` without waiting; False when another process holds it."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)  # msvcrt locks bytes from the current position
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
            return False
        raise
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def _open_own(target: Path) -> int:
    """Open (or create) the lock file itself, never what a link at its place points to."""
    for _ in range(_ATTEMPTS):
        try:
            info = os.lstat(target)
        except FileNotFoundError:
            info = None
        if info is not None and not stat.S_ISREG(info.st_mode):
            # A link (or anything but a plain file) where our lock goes: not ours to
            # write through. Removing the link leaves what it points to untouched.
            if stat.S_ISLNK(info.st_mode):
                os.unlink(target)
                continue
            raise VettingError(
                Problem(
                    Position(str(target)),
                    "something other than a lock file stands where the lock file goes",
                    hint="remove it, then start again",
                )
            )
        try:
            return os.open(target, _FLAGS | _NOFOLLOW, 0o600)
        except OSError as exc:
            if exc.errno == errno.ELOOP:  # a link appeared between lstat and open
                continue
            raise
    raise VettingError(
        Problem(Position(str(target)), "the lock file keeps changing", hint="start again")
    )


def _same_file(fd: int, target: Path) -> bool:
    """Whether `target` is still the file `fd` holds (not removed or replaced meanwhile)."""
    try:
        now = os.lstat(target)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return stat.S_ISREG(now.st_mode) and (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino)


def _holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 32).decode("ascii", "replace").split("\n")[0].strip()
    except OSError:
        text = ""
    return text if text.isdigit() else "?"


@contextmanager
def exclusive(path: Path) -> Iterator[None]:
    """Hold the lock of `path` for the block; raise `LockBusy` when another process has it."""
    target = lock_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(_ATTEMPTS):
        fd = _open_own(target)
        if not _try_lock(fd):
            holder = _holder(fd)
            os.close(fd)
            raise LockBusy(path, holder)
        # The previous holder may have removed the file between our open and our lock:
        # a lock on a removed file guards nothing, so start again on the new one.
        if _same_file(fd, target):
            break
        _unlock(fd)
        os.close(fd)
    else:
        raise VettingError(
            Problem(Position(str(target)), "the lock file keeps changing", hint="start again")
        )
    try:
        if sys.platform != "win32":
            os.ftruncate(fd, 0)  # our own regular file (checked above), never a link's target
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        yield
    finally:
        _release(fd, target)


def _release(fd: int, target: Path) -> None:
    """Remove the lock file and let go; a file left behind is taken over by the next session."""
    if sys.platform == "win32":  # pragma: no cover - Windows cannot remove an open file
        _unlock(fd)
        os.close(fd)
        with suppress(OSError):
            os.unlink(target)
        return
    # Removed while still held, so no other session takes a file about to go.
    with suppress(OSError):
        if _same_file(fd, target):
            os.unlink(target)
    _unlock(fd)
    os.close(fd)


__all__ = ["LockBusy", "exclusive", "lock_path"]

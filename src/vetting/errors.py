"""User-facing errors: every problem carries a position and a fix.

Nothing below the CLI prints or exits; it raises `VettingError`, which the CLI
turns into `file:line:col: message` lines and exit code 2.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field

from vetting.controls import escape_controls


@dataclass(frozen=True, order=True)
class Position:
    """Where something sits in a file: 1-based line and column, as editors count."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, with where it is and how to fix it."""

    position: Position | None
    message: str
    path: str = ""
    hint: str = ""

    def __str__(self) -> str:
        return self._line("")

    def warning(self) -> str:
        """The problem as a warning line: `file:line:col: warning: ...`."""
        return self._line("warning: ")

    def _line(self, kind: str) -> str:
        # One terminal line: a file name or a value from a vendor's file may carry
        # escape sequences or bidi overrides; they are shown, never obeyed.
        where = f"{self.position}: " if self.position else ""
        inside = f"{self.path}: " if self.path else ""
        fix = f" ({self.hint})" if self.hint else ""
        return escape_controls(f"{where}{kind}{inside}{self.message}{fix}")

    def sort_key(self) -> tuple[str, int, int, str]:
        pos = self.position or Position("")
        return (pos.file, pos.line, pos.col, self.message)


class VettingError(Exception):
    """A mistake in the user's input: one or more problems, never a bug of ours."""

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(None, problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = problems
        super().__init__("\n".join(str(p) for p in problems))


#: How many problems a command prints before it summarises the rest.
SHOWN_PROBLEMS = 100


def format_problems(problems: list[Problem], limit: int = SHOWN_PROBLEMS) -> str:
    """One line per problem, at most `limit`, then how many more there are."""
    lines = [str(p) for p in problems[:limit]]
    if len(problems) > limit:
        lines.append(f"... and {len(problems) - limit:,} more problems")
    return "".join(f"{line}\n" for line in lines)


@dataclass
class ProblemCollector:
    """Gathers every problem of a pass, so the user sees them all at once."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, position: Position | None, message: str, path: str = "", hint: str = "") -> None:
        self.problems.append(Problem(position, message, path, hint))

    def raise_if_any(self) -> None:
        if self.problems:
            raise VettingError(sorted(self.problems, key=Problem.sort_key))


#: What to do about the operating system's refusals, by error number.
_OS_HINTS = {
    errno.ENOSPC: "the disk is full: free some space, then run the command again",
    errno.EDQUOT: "the disk quota is used up: free some space, then run the command again",
    errno.EACCES: "check the permissions, or choose another folder",
    errno.EPERM: "check the permissions, or choose another folder",
    errno.EROFS: "the file system is read-only: choose another folder",
    errno.EEXIST: "a file is in the way: choose another path, or move that file",
    errno.ENOTDIR: "a part of the path is a file, not a folder: choose another path",
    errno.EISDIR: "that is a folder: give a file name",
    errno.ENOENT: "check the path",
    errno.ENAMETOOLONG: "choose a shorter path",
}


def os_problem(exc: OSError) -> Problem:
    """An operating-system error as one line: the path, what went wrong, what to do."""
    name = exc.filename if exc.filename is not None else exc.filename2
    where = Position(os.fsdecode(name)) if name is not None else None
    reason = exc.strerror or type(exc).__name__
    return Problem(where, reason[:1].lower() + reason[1:], hint=_OS_HINTS.get(exc.errno or 0, ""))

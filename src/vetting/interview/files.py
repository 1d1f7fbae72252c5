"""Which answers file a new assessment goes to: never another tool's.

The file is named after the tool (`<slug>.answers.yaml`). Two names can give
one slug ("Scribe+ (Acme)" and "Scribe - Acme"): a file of the same name that
holds another tool is never resumed silently. The user chooses: a new file with
a distinct name (the default), resuming that other assessment, or cancelling.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from vetting import catalog
from vetting.errors import Position, Problem, VettingError
from vetting.escape import plain
from vetting.interview.prompts import Terminal
from vetting.report.naming import ANSWERS_SUFFIX, slugify

#: How many `<slug>-N` names are tried before giving up on a distinct one.
_MAX_SUFFIX = 999


def same_tool(a: str, b: str) -> bool:
    """Whether two typed names are the same tool (case and spacing aside)."""

    def key(name: str) -> str:
        return " ".join(unicodedata.normalize("NFKC", name).casefold().split())

    return key(a) == key(b)


def answers_file(folder: Path, slug: str, n: int = 1) -> Path:
    """`folder/<slug>.answers.yaml`, then `<slug>-2.answers.yaml`, ..."""
    return folder / (f"{slug}{ANSWERS_SUFFIX}" if n == 1 else f"{slug}-{n}{ANSWERS_SUFFIX}")


@dataclass(frozen=True)
class Found:
    """Where a new assessment of a tool could go, from the files already in the folder."""

    #: The file that already holds this tool, if any (resumed without asking).
    own: Path | None
    #: The first free file name.
    free: Path
    #: Files of the same slug holding other tools, with their tools' names.
    others: tuple[tuple[Path, str], ...]


def find(folder: Path, name: str, tool_of: Callable[[Path], str]) -> Found:
    """Look at `<slug>.answers.yaml`, `<slug>-2...`: this tool's file, or the first free name.

    `tool_of` reads the tool's name in an existing file (and raises on a broken one).
    """
    slug = slugify(name)
    others: list[tuple[Path, str]] = []
    for n in range(1, _MAX_SUFFIX + 1):
        path = answers_file(folder, slug, n)
        if not path.exists():
            return Found(None, path, tuple(others))
        other = tool_of(path)
        if same_tool(other, name):
            return Found(path, path, tuple(others))
        others.append((path, other))
    raise VettingError(
        Problem(
            Position(str(answers_file(folder, slug))),
            f"{_MAX_SUFFIX} answers files already take this name",
            hint="choose another folder with --out, or another name",
        )
    )


def choose(term: Terminal, found: Found) -> Path | None:
    """The file to use: this tool's own, a free one, or (asked) another tool's; None: cancel."""
    if found.own is not None:
        return found.own
    if not found.others:
        return found.free
    lang = term.lang
    path, written = found.others[0]
    other = plain(written)  # read from a file: no control sequence reaches the terminal
    options = [
        (catalog.text(lang, "interview.other_new").format(path=found.free), found.free),
        (catalog.text(lang, "interview.other_resume").format(other=other), path),
        (catalog.text(lang, "interview.other_cancel"), None),
    ]
    message = catalog.text(lang, "interview.other_tool").format(path=path, other=other)
    chosen: Path | None = term.select(message, options, pointer=found.free)
    return chosen


__all__ = ["Found", "answers_file", "choose", "find", "same_tool"]

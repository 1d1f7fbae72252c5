"""Text helpers shared by the loader, the CLI and the questionnaire: light, no dependency.

`vetting --help` imports this module (did-you-mean for commands), so it must
stay free of pydantic, YAML and prompt_toolkit.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable


def closest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The candidate nearest to a misspelt word, if one is near enough."""
    close = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=cutoff)
    return close[0] if close else None


def suggest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str:
    """`did you mean 'x'?` for a misspelt id, key, command or flag, or an empty string."""
    near = closest(word, candidates, cutoff)
    return f"did you mean '{near}'?" if near else ""


def width(text: str) -> int:
    """Columns `text` takes in a terminal: wide scripts count two, combining marks none."""
    total = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in {"Cf", "Mn", "Me"}:
            continue
        total += 2 if unicodedata.east_asian_width(char) in {"W", "F"} else 1
    return total


def _split_long(word: str, room: int) -> list[str]:
    """A word wider than a whole line, cut into pieces that fit (URLs, long ids)."""
    pieces, current = [], ""
    for char in word:
        if current and width(current + char) > room:
            pieces.append(current)
            current = ""
        current += char
    return [*pieces, current] if current else pieces


def wrap(text: str, columns: int, indent: int = 0, first: int | None = None) -> list[str]:
    """`text` on lines of at most `columns`, cut between words, with a hanging indent.

    The first line starts at column `first` (default: `indent`), the others at
    `indent`; the lines returned hold the text only, without the indent, so the
    caller decides what to put in front. Runs of white space count as one.
    """
    start = indent if first is None else first
    lines: list[str] = []
    current = ""
    room = max(columns - start, 8)
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if width(candidate) <= room:
            current = candidate
            continue
        if current:
            lines.append(current)
            current = ""
            room = max(columns - indent, 8)
        if width(word) <= room:
            current = word
            continue
        *full, current = _split_long(word, room)
        lines.extend(full)
        room = max(columns - indent, 8)
    if current or not lines:
        lines.append(current)
    return lines


def hanging(text: str, columns: int, indent: int, first: int | None = None) -> str:
    """`wrap`, joined with newlines and the hanging indent before every line but the first."""
    return ("\n" + " " * indent).join(wrap(text, columns, indent, first))


__all__ = ["closest", "hanging", "suggest", "width", "wrap"]

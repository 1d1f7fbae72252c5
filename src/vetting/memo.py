"""A bounded memo: results that recur from file to file, built once, memory capped.

Scoring a portfolio meets the same few findings, point vectors and scope maxima in
file after file. Each is kept for the next files, up to a limit; past it the memo
starts again rather than grow with the portfolio (a simple bound, and a varied
portfolio loses only the time to rebuild what recurs).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_MISSING = object()


def remember(memo: dict[K, V], key: K, make: Callable[[], V], limit: int) -> V:
    """`memo[key]`, made by `make()` the first time; the memo is emptied at `limit` entries."""
    found = memo.get(key, _MISSING)
    if found is _MISSING:
        if len(memo) >= limit:
            memo.clear()
        found = memo[key] = make()
    return found  # type: ignore[return-value]


__all__ = ["remember"]

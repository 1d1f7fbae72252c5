"""Memos: results that recur, built once.

Scoring a portfolio meets the same few findings, point vectors and scope maxima in
file after file. Each is kept for the next files, up to a limit; past it the memo
starts again rather than grow with the portfolio (a simple bound, and a varied
portfolio loses only the time to rebuild what recurs).

What is derived from an object (a compiled rule set's prepared form, the rule
tests' index of rules by question, a finding's JSON data and its encoded bytes) is
kept while that object lives: `derived`. A memo of findings that starts again thus
frees what was derived from them too, instead of leaving it to a limit of its own.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

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


class SharedData(dict[str, Any]):
    """JSON data shared between results (never changed once built), which `derived`
    can key by identity: a plain dict takes no weak reference."""

    __slots__ = ("__weakref__",)


#: A table of `derived` values: the object's id -> (a weak reference to it, the value).
Derived = dict[int, tuple["weakref.ref[Any]", V]]


def derived(table: Derived[V], source: Any, make: Callable[[], V]) -> V:
    """`make()`'s value for `source`, kept in `table` while `source` lives.

    Keyed by identity (a rule set compares field by field, and an equal one loaded
    again is another object): the entry goes when the object does.
    """
    key = id(source)
    entry = table.get(key)
    if entry is not None and entry[0]() is source:
        return entry[1]
    value = make()

    def forget(_: object) -> None:
        table.pop(key, None)

    table[key] = (weakref.ref(source, forget), value)
    return value


__all__ = ["Derived", "SharedData", "derived", "remember"]

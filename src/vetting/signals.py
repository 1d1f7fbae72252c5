"""Ctrl-C and SIGTERM: never lost, never in the middle of a set of renames.

Python turns Ctrl-C into `KeyboardInterrupt` wherever the main thread happens to
be. Where it cannot propagate (a finalizer, a fork hook, an atexit callback) it is
printed and dropped, and a batch that was interrupted could finish and exit 0: a
CI gate reporting success. `recording_interrupts` remembers every Ctrl-C, so the
command exits 130 whatever swallowed the exception, and long loops stop at the
next `check_interrupted`.

`held` defers SIGINT and SIGTERM while a set of files is renamed into place, then
delivers them: the set is whole (old or new) when the signal acts.
`terminate_as_interrupt` makes SIGTERM unwind like Ctrl-C, so `finally` blocks
remove temporary files instead of the process vanishing with them.

Handlers can only be set from the main thread; elsewhere these helpers do nothing.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

_received: set[int] = set()

Handler = Callable[[int, FrameType | None], Any] | int | None


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def _interrupt(signum: int, frame: FrameType | None) -> None:
    _received.add(signum)
    raise KeyboardInterrupt


@contextmanager
def recording_interrupts() -> Iterator[None]:
    """Ctrl-C raises `KeyboardInterrupt` as usual, and is remembered until the block ends.

    Left alone when SIGINT is ignored (a background job) or already handled.
    """
    if not _main_thread() or signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield
        return
    _received.clear()
    signal.signal(signal.SIGINT, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def interrupted() -> bool:
    """Whether Ctrl-C (or a SIGTERM taken as one) arrived inside `recording_interrupts`."""
    return bool(_received)


def check_interrupted() -> None:
    """Raise `KeyboardInterrupt` again when one arrived and was swallowed on its way."""
    if _received:
        raise KeyboardInterrupt


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM unwinds like Ctrl-C (`finally` blocks run), where it would kill outright."""
    if not _main_thread() or signal.getsignal(signal.SIGTERM) != signal.SIG_DFL:
        yield
        return
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


@contextmanager
def held() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block ends, then act, in the order they came."""
    if not _main_thread():
        yield
        return
    pending: list[int] = []
    previous: dict[int, Handler] = {}

    def defer(signum: int, frame: FrameType | None) -> None:
        pending.append(signum)

    for held_signal in (signal.SIGINT, signal.SIGTERM):
        previous[held_signal] = signal.getsignal(held_signal)
        signal.signal(held_signal, defer)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)
        for number in pending:
            signal.raise_signal(number)

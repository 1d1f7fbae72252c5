"""The JSON outputs of `vetting score`, written as results arrive, in input order.

`--format jsonl` writes one line per result; `--format json` one object for a
single file, else an array whose items are written one by one: the bytes are
those of `json.dumps(results, indent=2)`, but no result is kept once written,
so a portfolio of 10,000 files runs in the memory of one (docs/performance.md).
"""

from __future__ import annotations

import json
from typing import Any, TextIO


class JsonOutput:
    """One result at a time to `stream`; `close()` ends the array, if one was opened."""

    def __init__(self, stream: TextIO, fmt: str, *, single: bool) -> None:
        self.stream = stream
        self.fmt = fmt
        self.single = single
        self.count = 0

    def write(self, item: dict[str, Any]) -> None:
        if self.fmt == "jsonl":
            self.stream.write(json.dumps(item, ensure_ascii=False) + "\n")
        elif self.single:
            self.stream.write(json.dumps(item, ensure_ascii=False, indent=2) + "\n")
        else:
            # An item of an indented array: its own lines, two spaces further in. JSON
            # escapes the newlines inside strings, so every newline here is a line break.
            text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            self.stream.write(("[\n  " if self.count == 0 else ",\n  ") + text)
        self.count += 1
        self.stream.flush()

    def close(self) -> None:
        if self.fmt == "json" and not self.single:
            self.stream.write("\n]\n" if self.count else "[]\n")
            self.stream.flush()


__all__ = ["JsonOutput"]

"""The JSON outputs of `vetting score`, written as results arrive, in input order.

`--format jsonl` writes one line per result; `--format json` one object for a
single file, else an array whose items are written one by one, as
`json.dumps(results, ensure_ascii=False, indent=2)` lays it out, but no result
is kept once written, so a portfolio of 10,000 files runs in the memory of one
(docs/performance.md).

Each result is encoded where it was scored (`encode_assessment`, in a worker process,
straight from the model), so
the parent only writes bytes: encoding is most of the cost of a JSON result, and
bytes cross from a worker far faster than the nested data they hold. They stay
UTF-8 bytes all the way to the output: decoding a result of 60 kB of French and
English text to a string, and encoding it back to write it, cost more than
encoding it to JSON.
pydantic-core's encoder writes what `json.dumps` does for the texts and numbers of
a result (tests/test_score_stream.py), several times faster, and with an indent
too; a float below 1e-4 (a number answer) comes out without an exponent.
"""

from __future__ import annotations

from functools import cache
from typing import Any, BinaryIO, TextIO

from pydantic_core import to_json

from vetting.assess.assessment import (
    JSON_FORMAT,
    NOT_IN_JSON,
    Assessment,
    assessment_json,
    finding_data,
    ruleset_texts_left_out,
)
from vetting.memo import Derived, SharedData, derived

#: Stands for the findings while the rest of a result is encoded. Encoded, the list of
#: this one text is found once, or the result is encoded whole (`_spliced`).
_MARK = "\x00findings\x00"
_MARK_JSON = b'"\\u0000findings\\u0000"'
#: Each finding's JSON by layout, kept while its (shared) data lives.
_ENCODED: Derived[dict[bytes | None, bytes]] = {}


def encode_assessment(
    assessment: Assessment, fmt: str, *, single: bool, lang: str | None, compact: bool
) -> bytes:
    """One assessment as `encode(assessment_json(...))` gives it, encoded from the model.

    The result's fields go to JSON straight from the model (pydantic-core), in two
    runs: the fields before the findings and those after, with the findings (each
    encoded once, see `encode`) between them: no intermediate data to build. One
    language of the texts (`lang`) needs them rewritten: that goes through the data.
    tests/test_score_stream.py checks the bytes against `encode(assessment_json(...))`.
    """
    if lang is not None:
        return encode(assessment_json(assessment, lang=lang, compact=compact), fmt, single=single)
    before, after = _around_findings()
    texts = ruleset_texts_left_out() if compact else None
    inner, outer = _indents(fmt, single)
    indent = None if inner is None else 2
    head = to_json(assessment, by_alias=True, include=before, exclude=texts, indent=indent)
    tail = to_json(assessment, by_alias=True, include=after, exclude=texts, indent=indent)
    parts = [_encoded(finding_data(f, None, compact), inner) for f in assessment.findings]
    findings = _array(parts, inner, outer)
    if inner is None:
        return b"".join((_FLAT_START, head[1:-1], b',"findings":', findings, b",", tail[1:]))
    start = _START + head[2:-2] + b',\n  "findings": '
    end = b",\n" + tail[2:]
    if not single:  # an item of the array: every line indented two more
        start, end = start.replace(b"\n", b"\n  "), end.replace(b"\n", b"\n  ")
    return start + findings + end


_FLAT_START = b'{"vetting_score":' + to_json(JSON_FORMAT) + b","
_START = b'{\n  "vetting_score": ' + to_json(JSON_FORMAT) + b",\n"


@cache
def _around_findings() -> tuple[set[str], set[str]]:
    """The fields of a JSON result before its findings, and those after."""
    names = [name for name in Assessment.model_fields if name not in NOT_IN_JSON]
    at = names.index("findings")
    return set(names[:at]), set(names[at + 1 :])


def encode(item: dict[str, Any], fmt: str, *, single: bool) -> bytes:
    """One result as its format writes it, before `JsonOutput.write` places it.

    jsonl: one line, no spaces; json: indented by two, and two more as an item of
    the array. JSON escapes the newlines inside strings, so each newline of the
    indented text is a line break.

    The findings are most of a result's bytes, and the same few recur in file after
    file: each is encoded once (they are shared data, see `assessment_json`) and
    spliced into the rest of the result, which is encoded with a mark in their place.
    tests/test_score_stream.py checks the bytes against encoding the whole result.
    """
    findings = item.get("findings")
    if not findings:
        return _whole(item, fmt, single)
    marked = _whole({**item, "findings": [_MARK]}, fmt, single)
    inner, outer = _indents(fmt, single)
    parts = [_encoded(finding, inner) for finding in findings]
    spliced = _spliced(marked, _array([_MARK_JSON], inner, outer), _array(parts, inner, outer))
    return spliced if spliced is not None else _whole(item, fmt, single)


def _indents(fmt: str, single: bool) -> tuple[bytes | None, bytes]:
    """The line break before each finding and the one before the findings' closing
    bracket; (None, b"") in jsonl, which has none. The findings list sits at depth 1
    of a result, its items at depth 2; an item of the array is indented two more."""
    if fmt == "jsonl":
        return None, b""
    outer = b"\n" + (b"  " if single else b"    ")
    return outer + b"  ", outer


def _array(parts: list[bytes], inner: bytes | None, outer: bytes) -> bytes:
    """Encoded findings as the JSON list of a result, in its layout."""
    if not parts:
        return b"[]"
    if inner is None:
        return b"[" + b",".join(parts) + b"]"
    return b"[" + inner + (b"," + inner).join(parts) + outer + b"]"


def _spliced(marked: bytes, mark: bytes, findings: bytes) -> bytes | None:
    """The findings in place of the mark; None unless the mark is there exactly once
    (a text of the result could, in principle, read as the mark)."""
    if marked.count(mark) != 1:
        return None
    return marked.replace(mark, findings)


def _whole(item: dict[str, Any], fmt: str, single: bool) -> bytes:
    if fmt == "jsonl":
        return to_json(item)
    text = to_json(item, indent=2)
    return text if single else text.replace(b"\n", b"\n  ")


def _encoded(finding: dict[str, Any], newline: bytes | None) -> bytes:
    """A finding's JSON: compact (`newline` None), or indented with each line break
    followed by `newline`'s indentation."""

    if not isinstance(finding, SharedData):  # data of one result only: nothing to keep
        return _layout(finding, newline)
    layouts = derived(_ENCODED, finding, dict)
    found = layouts.get(newline)
    if found is None:
        found = layouts[newline] = _layout(finding, newline)
    return found


def _layout(finding: dict[str, Any], newline: bytes | None) -> bytes:
    if newline is None:
        return to_json(finding)
    return to_json(finding, indent=2).replace(b"\n", newline)


class JsonOutput:
    """One encoded result at a time to `stream`; `close()` ends the array, if one was opened.

    The bytes go to the stream's binary buffer when it has one (a console, a pipe, a
    file); a stream of text only (a test's StringIO) gets them decoded.
    """

    def __init__(self, stream: TextIO, fmt: str, *, single: bool) -> None:
        self.stream = stream
        self.fmt = fmt
        self.single = single
        self.count = 0
        stream.flush()  # what was written as text comes first
        self.binary: BinaryIO | None = getattr(stream, "buffer", None)

    def write(self, data: bytes) -> None:
        """Write a result that `encode` gave, with the same `fmt` and `single`."""
        if self.fmt == "jsonl" or self.single:
            self._out(data + b"\n")
        else:
            self._out((b"[\n  " if self.count == 0 else b",\n  ") + data)
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json" and not self.single:
            self._out(b"\n]\n" if self.count else b"[]\n")

    def _out(self, data: bytes) -> None:
        if self.binary is not None:
            self.binary.write(data)
            self.binary.flush()
        else:
            self.stream.write(data.decode())
            self.stream.flush()


__all__ = ["JsonOutput", "encode", "encode_assessment"]

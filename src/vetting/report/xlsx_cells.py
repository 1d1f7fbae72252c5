"""Texts longer than a spreadsheet cell: split over continuation cells, joined back on import.

A cell holds 32,767 characters (Excel's limit, counted in UTF-16 units; XlsxWriter
cuts anything longer without a word), and vetting accepts notes and evidence of
100,000. A long text is written in parts: the first in its own cell, the others in
continuation cells. On the Checklist sheet they sit in columns of their own, keyed
in the hidden first row as `note+2`, `note+3`...; on the Tool sheet, right of the
value, on the same row. `vetting import-checklist` joins the parts back, so a text
makes the round trip whole. Each part is guarded against formulas on its own.
"""

from __future__ import annotations

from typing import Any

from vetting.report.escape import xlsx_unguard

#: What one cell holds, in UTF-16 code units.
CELL_MAX = 32_767
#: Parts a text of the longest length vetting accepts (100,000 characters) needs.
MAX_PARTS = 7
#: Between a column key and its part number: `note+2`.
JOIN = "+"


def _units(char: str) -> int:
    return 2 if ord(char) > 0xFFFF else 1


def split_text(text: str) -> list[str]:
    """`text` in parts that each fit a cell once guarded (the guard takes one unit)."""
    limit = CELL_MAX - 1
    parts: list[str] = []
    start = size = 0
    for index, char in enumerate(text):
        width = _units(char)
        if size + width > limit:
            parts.append(text[start:index])
            start, size = index, 0
        size += width
    parts.append(text[start:])
    return parts


def part_key(key: str, number: int) -> str:
    """The key of part `number` (2, 3, ...) of column `key`: `note+2`."""
    return f"{key}{JOIN}{number}"


def parse_part_key(key: str) -> tuple[str, int] | None:
    """`note+2` -> `("note", 2)`; None for a key that is not a continuation."""
    base, sep, number = key.rpartition(JOIN)
    if not sep or not number.isdigit() or not 2 <= int(number) <= MAX_PARTS:
        return None
    return base, int(number)


class Joined:
    """A cell and its continuation cells, read as one cell by the importer.

    `value` keeps the first part as the sheet has it (the importer unguards it like
    any cell) and the other parts unguarded; a formula in any part shows as one.
    """

    def __init__(self, first: Any, rest: list[Any]) -> None:
        head = "" if first is None or first.value is None else _text(first.value)
        tail = "".join(xlsx_unguard(_text(cell.value)) for cell in rest)
        self.value: str | None = (head + tail) or None
        types = [getattr(cell, "data_type", None) for cell in (first, *rest) if cell is not None]
        self.data_type = "f" if "f" in types else "s"


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)

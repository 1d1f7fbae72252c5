"""The checklist's layout: its format tag, its columns, its limits, the names of its cells.

Two sheets a person reads, one hidden sheet of choice lists:

- *Tool* (`Outil`): the tool, the assessor, the date, the rule set, as `key | label | value`
  rows; the key column is hidden, so labels can be reworded without breaking the import.
- *Checklist* (`Questionnaire`): one row per question. Row 1 (hidden) holds the column
  keys, row 2 the headers. Yellow cells are for the vendor: answer, note, evidence and
  its status and dates.
- *Choices* (`Choix`, hidden): each question's answer labels, the source of its dropdown.

A cell holds 32,767 characters (Excel's limit, counted in UTF-16 units; XlsxWriter
cuts anything longer without a word), and vetting accepts notes and evidence of
100,000. A long text is written in parts: the first in its own cell, the others in
continuation cells. On the Checklist sheet they sit in columns of their own, keyed
in the hidden first row as `note+2`, `note+3`...; on the Tool sheet, right of the
value, on the same row. The import joins the parts back, so a text makes the round
trip whole. Each part is guarded against formulas on its own.
"""

from __future__ import annotations

#: Written in the Tool sheet; the import refuses other formats.
FORMAT = "vetting-checklist-1"
#: Column keys of the Checklist sheet, in order. The import finds columns by key.
COLUMNS = (
    "id",
    "section",
    "question",
    "answer",
    "note",
    "evidence",
    "evidence_status",
    "issued",
    "expires",
    "choices",
    "evidence_requested",
    "references",
    "status",
    "points",
    "severity",
)
#: Column widths, in characters.
WIDTHS = {
    "id": 24,
    "section": 18,
    "question": 60,
    "answer": 40,
    "note": 36,
    "evidence": 32,
    "evidence_status": 14,
    "issued": 12,
    "expires": 12,
    "choices": 48,
    "evidence_requested": 56,
    "references": 40,
    "status": 14,
    "points": 16,
    "severity": 14,
}
#: Tool-sheet keys the import reads; keys starting with `_` are for reading only.
TOOL_KEYS = (
    "format",
    "kind",
    "lang",
    "ruleset",
    "ruleset_sha256",
    "tool.name",
    "tool.vendor",
    "tool.version",
    "tool.url",
    "assessor",
    "date",
    "go_live",
)
HEADER_ROW = 2  # 1-based: row 1 holds the keys (hidden), row 2 the headers

#: What one cell holds, in UTF-16 code units.
CELL_MAX = 32_767
#: Parts a text of the longest length vetting accepts (100,000 characters) needs.
MAX_PARTS = 7
#: Between a column key and its part number: `note+2`.
JOIN = "+"

#: Bounds that keep a hostile workbook from costing much.
MAX_BYTES = 20 * 1024 * 1024
#: What the parts of a checklist may unpack to, in all (a decompression-bomb guard).
MAX_UNPACKED = 32 * 1024 * 1024
MAX_ROWS = 5000
#: Columns the import reads at most: each known column and its continuation parts.
MAX_COLUMNS = len(COLUMNS) * MAX_PARTS


def column_letters(index: int) -> str:
    """0-based column index -> spreadsheet letters (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_name(sheet: str, row: int, col: int) -> str:
    """`Checklist!D12` from a sheet name, a 1-based row and a 0-based column."""
    return f"{sheet}!{column_letters(col)}{row}"


# --------------------------------------------------------------------------- long texts


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

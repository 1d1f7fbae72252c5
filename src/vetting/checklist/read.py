"""The checklist workbook, read back: a filled sheet becomes `Answers`.

`import_checklist` reads the workbook through the same checks as an answers
file; every mistake names its cell (`Checklist!D12`) and a fix. A typed answer
matches a choice by its label in either language or its id, whatever the case,
accents, quotes and spacing; a long text comes back whole from its continuation
cells. A hostile workbook costs little: its size, what it unpacks to, its rows
and its columns are bounded before anything is parsed.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from typing import Any

from vetting import catalog
from vetting.assess.answers import UNKNOWN_ANSWER, Answers, read_answers
from vetting.checklist.layout import (
    COLUMNS,
    FORMAT,
    HEADER_ROW,
    MAX_BYTES,
    MAX_COLUMNS,
    MAX_PARTS,
    MAX_ROWS,
    MAX_UNPACKED,
    TOOL_KEYS,
    cell_name,
    parse_part_key,
)
from vetting.dates import as_date
from vetting.errors import Position, Problem, ProblemCollector, VettingError
from vetting.escape import xlsx_unguard
from vetting.i18n import pick
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.model import Question
from vetting.templates import labels
from vetting.words import fold, suggest
from vetting.yamlio import Document


class Joined:
    """A cell and its continuation cells, read as one cell.

    `value` keeps the first part as the sheet has it (the reader unguards it like
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


class _Reader:
    """Reads a filled checklist; gathers every problem with its cell."""

    def __init__(self, path: Path, compiled: CompiledRuleSet) -> None:
        self.path = path
        self.file = str(path)
        self.compiled = compiled
        self.problems = ProblemCollector()
        both = {lang: labels(lang) for lang in catalog.LANGUAGES}
        self.unknown_words = {fold(UNKNOWN_ANSWER)} | {
            fold(words[key]) for words in both.values() for key in ("xlsx_unknown", "unknown")
        }
        self.none_words = {fold(words["none_ticked"]) for words in both.values()}
        self.status_words = {
            fold(words[f"evidence_{status}"]): status
            for words in both.values()
            for status in ("declared", "verified")
        } | {"declared": "declared", "verified": "verified"}

    def error(self, cell: str, message: str, hint: str = "") -> None:
        self.problems.add(Position(self.file), message, cell, hint)

    # ------------------------------------------------------------------ cells

    def text(self, cell: Any, where: str) -> str | None:
        value = cell.value
        if value is None:
            return None
        if getattr(cell, "data_type", None) == "f":
            self.error(where, "formulas are not accepted", "type the text itself")
            return None
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = xlsx_unguard(str(value))
        return text if text.strip() else None

    def day(self, cell: Any, where: str) -> dt.date | None:
        value = cell.value
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        found = as_date(value.strip() if isinstance(value, str) else value)
        if found is not None:
            return found
        self.error(where, f"expected a date, got {value!r}", "write YYYY-MM-DD")
        return None

    def choice(self, q: Question, raw: str, where: str) -> str | None:
        folded = fold(raw)
        if folded in self.unknown_words:
            return UNKNOWN_ANSWER
        for ch in q.choices:
            if folded == fold(ch.id) or any(folded == fold(t) for t in ch.label.values()):
                return ch.id
        names = [pick(ch.label, lang) for ch in q.choices for lang in catalog.LANGUAGES]
        hint = suggest(raw, names + [ch.id for ch in q.choices]) or "pick a value from the dropdown"
        shown = raw if len(raw) <= 60 else raw[:57] + "..."
        self.error(where, f"'{shown}' is not a choice of '{q.id}'", hint)
        return None

    def answer(self, q: Question, cell: Any, where: str) -> Any:
        value = cell.value
        if value is None or (isinstance(value, str) and not xlsx_unguard(value).strip()):
            return None
        if q.type == "number":
            if isinstance(value, int | float) and not isinstance(value, bool):
                return int(value) if float(value).is_integer() else float(value)
            text = self.text(cell, where)
            if text is None:
                return None
            if fold(text) in self.unknown_words:
                return UNKNOWN_ANSWER
            try:
                number = float(text.replace(",", ".").replace("\u00a0", "").replace(" ", ""))
            except ValueError:
                self.error(where, f"'{q.id}' takes a number, got {text!r}", "write a number")
                return None
            return int(number) if number.is_integer() else number
        if q.type == "date":
            if isinstance(value, str) and fold(xlsx_unguard(value)) in self.unknown_words:
                return UNKNOWN_ANSWER
            return self.day(cell, where)
        text = self.text(cell, where)
        if text is None:
            return None
        if q.type == "text":
            return UNKNOWN_ANSWER if fold(text) in self.unknown_words else text
        if q.type == "single":
            return self.choice(q, text.strip(), where)
        if fold(text) in self.none_words:
            return []
        if fold(text) in self.unknown_words:
            return UNKNOWN_ANSWER
        # One choice per line; a line of `a; b` is accepted when each part is a choice.
        parts = [p.strip(" \t•") for p in text.splitlines() if p.strip(" \t•")]
        chosen: list[str] = []
        for part in parts:
            pieces = [part]
            if not self._matches(q, part) and ";" in part:
                split = [s.strip() for s in part.split(";") if s.strip()]
                if all(self._matches(q, s) for s in split):
                    pieces = split
            for piece in pieces:
                found = self.choice(q, piece, where)
                if found is None:
                    return None
                chosen.append(found)
        if UNKNOWN_ANSWER in chosen:
            self.error(where, "'unknown' stands alone, never with other choices", "keep one")
            return None
        return chosen

    def _matches(self, q: Question, raw: str) -> bool:
        folded = fold(raw)
        return folded in self.unknown_words or any(
            folded == fold(ch.id) or any(folded == fold(t) for t in ch.label.values())
            for ch in q.choices
        )

    # ------------------------------------------------------------------ sheets

    def refuse_bombs(self) -> None:
        """Look inside the zip before parsing: a small file may unpack to gigabytes.

        A filled checklist of a hundred questions unpacks to well under a megabyte;
        `MAX_UNPACKED` leaves room for long answers and refuses decompression bombs
        before openpyxl spends time and memory on them.
        """
        import zipfile

        try:
            with zipfile.ZipFile(self.path) as archive:
                unpacked = sum(item.file_size for item in archive.infolist())
        except (zipfile.BadZipFile, OSError):
            return  # load_workbook reports it as not a readable XLSX file
        if unpacked > MAX_UNPACKED:
            raise VettingError(
                Problem(
                    Position(self.file),
                    f"unpacks to {unpacked // (1024 * 1024)} MiB; a checklist needs far less "
                    f"(limit {MAX_UNPACKED // (1024 * 1024)} MiB)",
                    hint="is it the checklist vetting made? re-export it from the spreadsheet",
                )
            )

    def read(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The answers-file data of the workbook, and where each answer came from."""
        import openpyxl

        try:
            size = self.path.stat().st_size
        except OSError as exc:
            raise VettingError(
                Problem(Position(self.file), f"cannot read: {exc.strerror}")
            ) from None
        if size > MAX_BYTES:
            raise VettingError(
                Problem(Position(self.file), f"larger than {MAX_BYTES // (1024 * 1024)} MiB")
            )
        self.refuse_bombs()
        # Read-only mode streams each sheet and yields only the rows and columns asked
        # for: one cell at column XFD no longer makes every row 16,384 cells wide.
        # openpyxl warns (on stderr) about what it cannot read; the import says it.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                book = openpyxl.load_workbook(self.path, read_only=True, data_only=False)
            except Exception as exc:  # a zip, XML or format error: not a workbook we can read
                raise VettingError(
                    Problem(
                        Position(self.file),
                        f"not a readable XLSX file ({type(exc).__name__})",
                        hint="save it as .xlsx (Excel 2007 or later)",
                    )
                ) from None
            try:
                return self.read_book(book)
            finally:
                book.close()

    def read_book(self, book: Any) -> tuple[dict[str, Any], dict[str, str]]:
        if len(book.worksheets) < 2:
            raise VettingError(
                Problem(Position(self.file), "not a vetting checklist: it needs two sheets")
            )
        tool_sheet, sheet = book.worksheets[0], book.worksheets[1]
        data: dict[str, Any] = self.read_tool(tool_sheet)
        cells: dict[str, str] = {}
        answers, notes, evidence = self.read_questions(sheet, cells)
        data["answers"] = answers
        if notes:
            data["notes"] = notes
        if evidence:
            data["evidence"] = evidence
        return data, cells

    def read_tool(self, sheet: Any) -> dict[str, Any]:
        name = sheet.title
        found: dict[str, tuple[Any, str]] = {}
        rows = sheet.iter_rows(min_row=1, max_row=60, max_col=2 + MAX_PARTS)
        for line, row in enumerate(rows, start=1):
            key = row[0].value if row else None
            if isinstance(key, str) and key in TOOL_KEYS and len(row) > 2:
                rest = [cell for cell in row[3:] if cell.value is not None]
                found[key] = (Joined(row[2], rest) if rest else row[2], cell_name(name, line, 2))
        if "format" not in found or self.text(*found["format"]) != FORMAT:
            raise VettingError(
                Problem(
                    Position(self.file),
                    f"not a vetting checklist (no '{FORMAT}' in the first sheet)",
                    cell_name(name, 1, 0),
                    "start from `vetting checklist` or `vetting report --format xlsx`",
                )
            )
        rs = self.compiled.ruleset
        ruleset = self.text(*found["ruleset"]) if "ruleset" in found else None
        if ruleset and ruleset.split("@", 1)[0] != rs.id:
            self.error(
                found["ruleset"][1],
                f"this checklist is for rule set '{ruleset}', not '{rs.id}'",
                "pass --rules with that rule set",
            )
        data: dict[str, Any] = {"ruleset": ruleset or f"{rs.id}@{rs.version}"}
        sha = self.text(*found["ruleset_sha256"]) if "ruleset_sha256" in found else None
        if sha:
            data["ruleset_sha256"] = sha
        tool: dict[str, str] = {}
        for key in ("name", "vendor", "version", "url"):
            if f"tool.{key}" in found:
                value = self.text(*found[f"tool.{key}"])
                if value is not None:
                    tool[key] = value
        if "name" not in tool:
            where = found.get("tool.name", (None, cell_name(name, 10, 2)))[1]
            self.error(where, "the tool's name is missing", "write the name of the tool")
        data["tool"] = tool
        if "assessor" in found:
            assessor = self.text(*found["assessor"])
            if assessor is not None:
                data["assessor"] = assessor
        for key in ("date", "go_live"):
            if key in found:
                day = self.day(*found[key])
                if day is not None:
                    data[key] = day
        return data

    def read_questions(
        self, sheet: Any, cells: dict[str, str]
    ) -> tuple[dict[str, Any], dict[str, str], dict[str, Any]]:
        name = sheet.title
        head = next(sheet.iter_rows(min_row=1, max_row=1, max_col=MAX_COLUMNS), ())
        keys = [c.value for c in head]
        col = {k: i for i, k in enumerate(keys) if isinstance(k, str) and k in COLUMNS}
        parts: dict[str, list[tuple[int, int]]] = {}  # column key -> (part number, index)
        for index, key in enumerate(keys):
            found = parse_part_key(key) if isinstance(key, str) else None
            if found is not None and found[0] in col:
                parts.setdefault(found[0], []).append((found[1], index))
        for required in ("id", "answer"):
            if required not in col:
                raise VettingError(
                    Problem(
                        Position(self.file),
                        f"column key '{required}' is missing from row 1",
                        cell_name(name, 1, 0),
                        "keep the hidden first row as generated",
                    )
                )
        answers: dict[str, Any] = {}
        notes: dict[str, str] = {}
        evidence: dict[str, Any] = {}
        seen: dict[str, str] = {}
        by_id = self.compiled.question_by_id
        last = HEADER_ROW + MAX_ROWS  # 1-based: the last row a checklist may use
        width = max([*col.values(), *(i for found in parts.values() for _, i in found)]) + 1
        rows = sheet.iter_rows(min_row=HEADER_ROW + 1, max_row=last + 1, max_col=width)
        for line, row in enumerate(rows, start=HEADER_ROW + 1):
            if not row:
                continue
            if line > last:
                if any(c.value is not None for c in row):
                    raise VettingError(
                        Problem(
                            Position(self.file),
                            f"more than {MAX_ROWS} rows",
                            cell_name(name, line, 0),
                        )
                    )
                break

            def cell(key: str, row: Any = row, line: int = line) -> tuple[Any, str]:
                index = col[key]
                target = row[index] if index < len(row) else None
                rest = [row[i] for _, i in sorted(parts.get(key, ())) if i < len(row)]
                rest = [c for c in rest if c.value is not None]
                if rest:
                    target = Joined(target, rest)
                return target, cell_name(name, line, index)

            id_cell, id_where = cell("id")
            qid = self.text(id_cell, id_where) if id_cell is not None else None
            if qid is None:
                continue
            qid = qid.strip()
            if qid not in by_id:
                self.error(
                    id_where,
                    f"'{qid}' is not a question of {self.compiled.ruleset.id}",
                    suggest(qid, by_id) or "do not edit the Id column",
                )
                continue
            if qid in seen:
                self.error(
                    id_where, f"'{qid}' is listed twice (first at {seen[qid]})", "keep one row"
                )
                continue
            seen[qid] = id_where
            q = by_id[qid]
            target, where = cell("answer")
            if target is not None:
                value = self.answer(q, target, where)
                if value is not None:
                    answers[qid] = value
                    cells[f"answers.{qid}"] = where
            if "note" in col:
                target, where = cell("note")
                note = self.text(target, where) if target is not None else None
                if note is not None:
                    notes[qid] = note
                    cells[f"notes.{qid}"] = where
            record = self.read_evidence(cell, col)
            if record is not None:
                evidence[qid] = record
                cells[f"evidence.{qid}"] = cell("evidence")[1]
                for key, column in (("status", "evidence_status"), ("issued", ""), ("expires", "")):
                    if key in record:
                        cells[f"evidence.{qid}.{key}"] = cell(column or key)[1]
        order = self.compiled.order
        return (
            {k: answers[k] for k in sorted(answers, key=order.__getitem__)},
            {k: notes[k] for k in sorted(notes, key=order.__getitem__)},
            {k: evidence[k] for k in sorted(evidence, key=order.__getitem__)},
        )

    def read_evidence(self, cell: Any, col: dict[str, int]) -> dict[str, Any] | None:
        if "evidence" not in col:
            return None
        target, where = cell("evidence")
        text = self.text(target, where) if target is not None else None
        record: dict[str, Any] = {}
        if "evidence_status" in col:
            status_cell, status_where = cell("evidence_status")
            raw = self.text(status_cell, status_where) if status_cell is not None else None
            if raw is not None:
                status = self.status_words.get(fold(raw))
                if status is None:
                    self.error(
                        status_where, f"'{raw}' is not an evidence status", "declared or verified"
                    )
                else:
                    record["status"] = status
        for key in ("issued", "expires"):
            if key in col:
                date_cell, date_where = cell(key)
                day = self.day(date_cell, date_where) if date_cell is not None else None
                if day is not None:
                    record[key] = day
        if text is None:
            if record:
                self.error(
                    where, "evidence details without the evidence itself", "name the document"
                )
            return None
        return {"text": text, **record}


def import_checklist(path: Path, compiled: CompiledRuleSet) -> tuple[Answers, list[Problem]]:
    """A filled checklist back into `Answers` (and the warnings), checked like an answers file."""
    reader = _Reader(Path(path), compiled)
    data, cells = reader.read()
    reader.problems.raise_if_any()
    doc = Document(reader.file, data, {})
    try:
        answers, warnings = read_answers(doc, compiled)
    except VettingError as exc:
        raise VettingError([_at_cell(p, cells, reader.file) for p in exc.problems]) from None
    answers = answers.model_copy(update={"source": None, "file_sha256": None})
    return answers, [_at_cell(p, cells, reader.file) for p in warnings]


def _at_cell(problem: Problem, cells: dict[str, str], file: str) -> Problem:
    """A problem found by the answers checks, moved to the cell the value came from."""
    path = problem.path
    for key in sorted(cells, key=len, reverse=True):
        if path == key or path.startswith((key + "[", key + ".")):
            return Problem(Position(file), problem.message, cells[key], problem.hint)
    return Problem(Position(file), problem.message, path, problem.hint)


__all__ = ["import_checklist"]

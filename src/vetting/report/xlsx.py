"""The XLSX procurement checklist: out (filled or blank, with dropdowns) and back in.

Two sheets a person reads, one hidden sheet of choice lists:

- *Tool* (`Outil`): the tool, the assessor, the date, the rule set, as `key | label | value`
  rows; the key column is hidden, so labels can be reworded without breaking the import.
- *Checklist* (`Questionnaire`): one row per question. Row 1 (hidden) holds the column
  keys, row 2 the headers. Yellow cells are for the vendor: answer, note, evidence and
  its status and dates.
- *Choices* (`Choix`, hidden): each question's answer labels, the source of its dropdown.

`import_checklist` reads a filled sheet back into `Answers`, through the same checks
as an answers file; every mistake names its cell (`Checklist!D12`) and a fix.

Untrusted text (tool names, notes, evidence, text answers) is written with
`write_string`, never as a formula, and a text that starts like a formula (`=`, `+`,
`-`, `@`, tab, CR) gets a leading apostrophe, which the import strips back
(`escape.xlsx_guard`). The workbook's dates are the assessment's, so the same
inputs give the same file.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vetting.assess.answers import UNKNOWN_ANSWER, Answers, read_answers
from vetting.assess.assessment import Assessment
from vetting.errors import Position, Problem, ProblemCollector, VettingError
from vetting.i18n import LEVEL_NAMES, SEVERITY_NAMES, VERDICT_NAMES, pick
from vetting.report.escape import xlsx_guard, xlsx_unguard
from vetting.report.texts import labels as load_labels
from vetting.report.texts import num, percent, points, typo
from vetting.report.xlsx_cells import MAX_PARTS, Joined, parse_part_key, part_key, split_text
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.conditions import ABSENT
from vetting.ruleset.describe import cite
from vetting.ruleset.model import Question
from vetting.yamlio import Document

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
#: Bounds that keep a hostile workbook from costing much.
MAX_BYTES = 20 * 1024 * 1024
#: What the parts of a checklist may unpack to, in all (a decompression-bomb guard).
MAX_UNPACKED = 32 * 1024 * 1024
MAX_ROWS = 5000
#: Columns the import reads at most: each known column and its continuation parts.
MAX_COLUMNS = len(COLUMNS) * MAX_PARTS
HEADER_ROW = 2  # 1-based: row 1 holds the keys (hidden), row 2 the headers
_WIDTHS = {
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


def _col(index: int) -> str:
    """0-based column index -> spreadsheet letters (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell(sheet: str, row: int, col: int) -> str:
    """`Checklist!D12` from a sheet name, a 1-based row and a 0-based column."""
    return f"{sheet}!{_col(col)}{row}"


def _fold(text: str) -> str:
    """For matching a typed answer: case, accents, quotes and spaces do not matter."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[\"'`«»“”‘’]", " ", plain).split())


# --------------------------------------------------------------------------- writing


@dataclass(frozen=True)
class _Row:
    question: Question
    value: Any
    status: str


def _rows(
    compiled: CompiledRuleSet, answers: Answers | None, filled: bool, day: dt.date
) -> list[_Row]:
    if answers is None:
        return [_Row(q, None, "unanswered") for q in compiled.questions]
    if filled:
        state = compiled.walk(answers.answers, day)
        keep = {qid for qid, v in state.items() if v is not ABSENT}
        keep |= set(answers.answers) | set(answers.notes) | set(answers.evidence)
    else:
        from vetting.assess.score import possible_given_scope

        keep = set(possible_given_scope(compiled, answers, day))
        state = compiled.walk(answers.answers, day)
    rows = []
    for q in compiled.questions:
        if q.id not in keep:
            continue
        value = answers.answers.get(q.id)
        if not filled and not compiled.is_scope(q.id):
            value = None  # a blank sheet carries the buyer's scope answers only
        if state.get(q.id, ABSENT) is ABSENT and filled:
            status = "not_applicable"
        elif value is None:
            status = "unanswered"
        elif value == UNKNOWN_ANSWER:
            status = "unknown"
        else:
            status = "answered"
        rows.append(_Row(q, value, status))
    return rows


class _Writer:
    """Writes one workbook; holds the formats and the language."""

    def __init__(self, compiled: CompiledRuleSet, lang: str, templates: Path | None) -> None:
        import xlsxwriter

        self.compiled = compiled
        self.rs = compiled.ruleset
        self.lang = lang
        self.L = load_labels(lang, templates)
        #: (column, part number) -> the Checklist column holding that part of long texts.
        self.parts: dict[tuple[int, int], int] = {}
        self.buffer = io.BytesIO()
        self.book = xlsxwriter.Workbook(
            self.buffer,
            {
                "in_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
            },
        )
        book = self.book
        self.f_title = book.add_format({"bold": True, "font_size": 14})
        self.f_wrap = book.add_format({"text_wrap": True, "valign": "top"})
        self.f_head = book.add_format(
            {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#D9D9D9", "border": 1}
        )
        self.f_label = book.add_format({"bold": True, "valign": "top"})
        self.f_read = book.add_format(
            {"text_wrap": True, "valign": "top", "font_color": "#333333", "border": 1}
        )
        self.f_code = book.add_format(
            {"font_name": "Consolas", "valign": "top", "font_color": "#333333", "border": 1}
        )
        self.f_edit = book.add_format(
            {"text_wrap": True, "valign": "top", "bg_color": "#FFF4B3", "border": 1}
        )
        self.f_edit_date = book.add_format(
            {"num_format": "yyyy-mm-dd", "valign": "top", "bg_color": "#FFF4B3", "border": 1}
        )
        self.f_edit_num = book.add_format({"valign": "top", "bg_color": "#FFF4B3", "border": 1})
        self.f_muted = book.add_format(
            {"text_wrap": True, "valign": "top", "font_color": "#595959", "italic": True}
        )

    def text(self, value: dict[str, str] | None) -> str:
        return typo(pick(value, self.lang), self.lang)

    def write_text(self, sheet: Any, row: int, col: int, value: str, fmt: Any) -> None:
        """Every string goes through here: string cells, guarded against formulas, and
        continuation cells for a text longer than a cell holds (`xlsx_cells`)."""
        first, *rest = split_text(value)
        sheet.write_string(row, col, xlsx_guard(first), fmt)
        for number, part in enumerate(rest, start=2):
            sheet.write_string(row, self.part_column(sheet, col, number), xlsx_guard(part), fmt)

    def part_column(self, sheet: Any, col: int, number: int) -> int:
        """Where part `number` of a long text goes: on the Checklist sheet, a column of
        its own keyed `note+2` (made on first use); elsewhere, the next cells right."""
        if sheet.name != self.L["xlsx_sheet_checklist"]:
            return col + number - 1
        if (col, number) not in self.parts:
            index = len(COLUMNS) + len(self.parts)
            self.parts[(col, number)] = index
            key = COLUMNS[col]
            sheet.set_column(index, index, _WIDTHS[key])
            sheet.write_string(0, index, part_key(key, number))
            title = self.L["xlsx_continued"].format(column=self.L[f"col_{key}"], n=number)
            sheet.write_string(1, index, title, self.f_head)
        return self.parts[(col, number)]

    def choice_labels(self, q: Question) -> list[str]:
        return [self.text(ch.label) for ch in q.choices]

    def answer_cell(self, q: Question, value: Any) -> str | float | dt.date | None:
        if value is None:
            return None
        if value == UNKNOWN_ANSWER:
            return self.L["xlsx_unknown"]
        if q.type == "single":
            choice = self.compiled.choice(q.id, str(value))
            return self.text(choice.label) if choice else str(value)
        if q.type == "multiple":
            if not value:
                return self.L["none_ticked"]
            return "\n".join(self.text(ch.label) for ch in q.choices if ch.id in value)
        if q.type == "number" and isinstance(value, int | float):
            return float(value)
        if isinstance(value, dt.date):
            return value
        return str(value)

    def references(self, q: Question) -> str:
        return "\n".join(typo(cite(self.rs, ref, self.lang), self.lang) for ref in q.references)

    # ------------------------------------------------------------------ sheets

    def tool_sheet(
        self,
        answers: Answers | None,
        assessment: Assessment | None,
        filled: bool,
        ruleset_ref: str,
        ruleset_sha: str,
    ) -> None:
        L = self.L
        sheet = self.book.add_worksheet(L["xlsx_sheet_tool"])
        sheet.set_column(0, 0, 18, None, {"hidden": True})
        sheet.set_column(1, 1, 30)
        sheet.set_column(2, 2, 80)
        title = L["xlsx_title_filled" if filled else "xlsx_title_blank"]
        tool = answers.tool if answers else None
        heading = f"{title}{' : ' if self.lang == 'fr' else ': '}{tool.name}" if tool else title
        self.write_text(sheet, 0, 1, heading, self.f_title)
        instructions = L["xlsx_instructions_filled" if filled else "xlsx_instructions_blank"]
        self.write_text(sheet, 1, 1, instructions, self.f_muted)
        self.write_text(sheet, 2, 1, L["xlsx_guard_note"], self.f_muted)
        sheet.set_row(1, 45)
        sheet.set_row(2, 30)
        rows: list[tuple[str, str, Any]] = [
            ("format", L["xlsx_format"], FORMAT),
            ("kind", L["xlsx_kind"], "filled" if filled else "blank"),
            ("lang", L["xlsx_lang"], self.lang),
            ("ruleset", L["ruleset"], ruleset_ref),
            ("ruleset_sha256", L["ruleset_sha256"], ruleset_sha),
            ("tool.name", L["tool"], tool.name if tool else ""),
            ("tool.vendor", L["vendor"], (tool.vendor or "") if tool else ""),
            ("tool.version", L["version"], (tool.version or "") if tool else ""),
            ("tool.url", L["url"], (tool.url or "") if tool else ""),
            ("assessor", L["assessor"], (answers.assessor or "") if answers else ""),
            ("date", L["date"], answers.date if answers and answers.date else ""),
            # Dated duties are judged on it when it is later: a round trip keeps it.
            ("go_live", L["go_live"], answers.go_live if answers and answers.go_live else ""),
        ]
        if assessment is not None:
            rows += [
                ("_verdict", L["verdict"], VERDICT_NAMES[assessment.verdict][self.lang]),
                ("_level", L["fig_level"], LEVEL_NAMES[assessment.level][self.lang]),
                (
                    "_points_level",
                    L["fig_points_level"],
                    LEVEL_NAMES[assessment.points_level][self.lang],
                ),
                ("_score", L["fig_score"], f"{num(assessment.score, self.lang)} / 100"),
                (
                    "_completeness",
                    L["fig_completeness"],
                    percent(assessment.completeness, self.lang),
                ),
                ("_knockouts", L["fig_knockouts"], str(len(assessment.knockouts))),
            ]
        for index, (key, label, value) in enumerate(rows):
            row = 4 + index
            sheet.write_string(row, 0, key)
            sheet.write_string(row, 1, label, self.f_label)
            editable = key.startswith(("tool.", "assessor", "date", "go_live")) and not filled
            fmt = self.f_edit if editable else self.f_wrap
            if isinstance(value, dt.date):
                sheet.write_datetime(
                    row, 2, dt.datetime.combine(value, dt.time()), self.f_edit_date
                )
            elif key in ("date", "go_live") and editable:
                sheet.write_blank(row, 2, None, self.f_edit_date)
            else:
                self.write_text(sheet, row, 2, str(value), fmt)

    def choices_sheet(self, rows: list[_Row]) -> dict[str, str]:
        """The hidden sheet of answer labels; returns each question's dropdown range."""
        sheet = self.book.add_worksheet(self.L["xlsx_sheet_choices"])
        name = self.L["xlsx_sheet_choices"]
        ranges: dict[str, str] = {}
        line = 0
        for item in rows:
            q = item.question
            if q.type != "single" or not q.choices:
                continue
            first = line
            for ch in q.choices:
                sheet.write_string(line, 0, q.id)
                sheet.write_string(line, 1, ch.id)
                sheet.write_string(line, 2, self.text(ch.label))
                line += 1
            sheet.write_string(line, 0, q.id)
            sheet.write_string(line, 1, UNKNOWN_ANSWER)
            sheet.write_string(line, 2, self.L["xlsx_unknown"])
            line += 1
            ranges[q.id] = f"='{name}'!$C${first + 1}:$C${line}"
        sheet.hide()
        return ranges

    def checklist_sheet(
        self,
        rows: list[_Row],
        answers: Answers | None,
        assessment: Assessment | None,
        filled: bool,
    ) -> Any:
        L = self.L
        sheet = self.book.add_worksheet(L["xlsx_sheet_checklist"])
        for index, key in enumerate(COLUMNS):
            hidden = not filled and key in ("status", "points", "severity")
            sheet.set_column(index, index, _WIDTHS[key], None, {"hidden": hidden})
            sheet.write_string(0, index, key)
            sheet.write_string(1, index, L[f"col_{key}"], self.f_head)
        sheet.set_row(0, None, None, {"hidden": True})
        sheet.freeze_panes(2, 1)
        sheet.autofilter(1, 0, 1 + len(rows), len(COLUMNS) - 1)
        return sheet

    def fill_rows(
        self,
        sheet: Any,
        rows: list[_Row],
        ranges: dict[str, str],
        answers: Answers | None,
        assessment: Assessment | None,
        filled: bool,
    ) -> None:
        from vetting.report.context import question_points

        L = self.L
        col = {key: index for index, key in enumerate(COLUMNS)}
        categories = self.compiled.category_by_id
        findings = {f.id: f for f in assessment.findings if f.kind != "rule"} if assessment else {}
        knocked = (
            {ko.questions[0] for ko in assessment.knockouts if ko.kind == "choice"}
            if assessment
            else set()
        )
        statuses = [L["evidence_declared"], L["evidence_verified"]]
        for index, item in enumerate(rows):
            q = item.question
            r = HEADER_ROW + index  # 0-based row of this question
            sheet.write_string(r, col["id"], q.id, self.f_code)
            self.write_text(
                sheet, r, col["section"], self.text(categories[q.category or ""].title), self.f_read
            )
            self.write_text(sheet, r, col["question"], self.text(q.text), self.f_read)
            value = self.answer_cell(q, item.value)
            if isinstance(value, float):
                sheet.write_number(r, col["answer"], value, self.f_edit_num)
            elif isinstance(value, dt.date):
                sheet.write_datetime(
                    r, col["answer"], dt.datetime.combine(value, dt.time()), self.f_edit_date
                )
            elif value is None:
                sheet.write_blank(r, col["answer"], None, self.f_edit)
            else:
                self.write_text(sheet, r, col["answer"], value, self.f_edit)
            if q.id in ranges:
                sheet.data_validation(
                    r,
                    col["answer"],
                    r,
                    col["answer"],
                    {
                        "validate": "list",
                        "source": ranges[q.id],
                        "input_message": L["xlsx_pick_hint"],
                        "error_title": L["xlsx_bad_choice"],
                        "error_message": L["xlsx_pick_hint"],
                        "error_type": "warning",
                    },
                )
            elif q.type == "multiple":
                sheet.data_validation(
                    r,
                    col["answer"],
                    r,
                    col["answer"],
                    {"validate": "any", "input_message": L["xlsx_multiple_hint"]},
                )
            # A blank sheet goes to the vendor: never the buyer's own notes or evidence.
            note = answers.notes.get(q.id, "") if answers and filled else ""
            if note:
                self.write_text(sheet, r, col["note"], note, self.f_edit)
            else:
                sheet.write_blank(r, col["note"], None, self.f_edit)
            record = answers.evidence.get(q.id) if answers and filled else None
            if record is not None:
                self.write_text(sheet, r, col["evidence"], record.text, self.f_edit)
            else:
                sheet.write_blank(r, col["evidence"], None, self.f_edit)
            if record is not None and record.status:
                sheet.write_string(
                    r, col["evidence_status"], L[f"evidence_{record.status}"], self.f_edit
                )
            else:
                sheet.write_blank(r, col["evidence_status"], None, self.f_edit)
            sheet.data_validation(
                r,
                col["evidence_status"],
                r,
                col["evidence_status"],
                {"validate": "list", "source": statuses, "error_type": "warning"},
            )
            for key in ("issued", "expires"):
                day = getattr(record, key) if record is not None else None
                if day is not None:
                    sheet.write_datetime(
                        r, col[key], dt.datetime.combine(day, dt.time()), self.f_edit_date
                    )
                else:
                    sheet.write_blank(r, col[key], None, self.f_edit_date)
            possible = self.choice_labels(q)
            if q.type == "multiple":
                possible = [L["xlsx_multiple_hint"], *possible]
            if q.choices:
                possible.append(L["xlsx_unknown"])
            self.write_text(sheet, r, col["choices"], "\n".join(possible), self.f_read)
            self.write_text(sheet, r, col["evidence_requested"], self.text(q.evidence), self.f_read)
            self.write_text(sheet, r, col["references"], self.references(q), self.f_read)
            if filled and assessment is not None:
                self.write_text(sheet, r, col["status"], L[f"status_{item.status}"], self.f_read)
                if item.status != "not_applicable":
                    pts = question_points(self.compiled, assessment, q, item.value)
                    words = " · ".join(
                        f"{L.get('pool_' + pool, pool)} {points(amount, self.lang)}"
                        for pool, amount in pts.items()
                    )
                    self.write_text(sheet, r, col["points"], words, self.f_read)
                    finding = findings.get(q.id)
                    severity = SEVERITY_NAMES[finding.severity][self.lang] if finding else ""
                    if q.id in knocked:
                        severity = f"{severity} ({L['knockout_short']})"
                    self.write_text(sheet, r, col["severity"], severity, self.f_read)

    def close(self) -> bytes:
        self.book.close()
        return self.buffer.getvalue()


def checklist_xlsx(
    compiled: CompiledRuleSet,
    lang: str,
    *,
    answers: Answers | None = None,
    assessment: Assessment | None = None,
    scope: bool = False,
    templates: Path | None = None,
) -> bytes:
    """The checklist as XLSX bytes.

    With `assessment`: the procurement checklist of that assessment (answers,
    points, severity), which imports back to the same answers. Without it: the
    blank vendor questionnaire; with `scope=True` and `answers`, limited to the
    questions that may apply given those answers' scope, which are filled in.
    """
    filled = assessment is not None
    day = (
        assessment.assessment_date
        if assessment is not None
        else (answers.date if answers and answers.date else compiled.ruleset.as_of)
    )
    writer = _Writer(compiled, lang, templates)
    writer.book.set_properties(
        {
            "title": writer.L["xlsx_title_filled" if filled else "xlsx_title_blank"],
            "created": dt.datetime.combine(day, dt.time()),
            "author": "vetting",
        }
    )
    rs = compiled.ruleset
    if answers is not None and filled:
        ruleset_ref, ruleset_sha = answers.ruleset, answers.ruleset_sha256 or ""
    else:
        ruleset_ref, ruleset_sha = f"{rs.id}@{rs.version}", compiled.origin.sha256
    rows = _rows(compiled, answers if (filled or scope) else None, filled, day)
    tool_answers = answers if (filled or scope) else None
    writer.tool_sheet(tool_answers, assessment, filled, ruleset_ref, ruleset_sha)
    sheet = writer.checklist_sheet(rows, tool_answers, assessment, filled)
    ranges = writer.choices_sheet(rows)
    writer.fill_rows(sheet, rows, ranges, tool_answers, assessment, filled)
    sheet.activate()
    return writer.close()


# --------------------------------------------------------------------------- reading


class _Reader:
    """Reads a filled checklist; gathers every problem with its cell."""

    def __init__(self, path: Path, compiled: CompiledRuleSet) -> None:
        self.path = path
        self.file = str(path)
        self.compiled = compiled
        self.problems = ProblemCollector()
        both = {lang: load_labels(lang) for lang in ("fr", "en")}
        self.unknown_words = {_fold(UNKNOWN_ANSWER)} | {
            _fold(words[key]) for words in both.values() for key in ("xlsx_unknown", "unknown")
        }
        self.none_words = {_fold(words["none_ticked"]) for words in both.values()}
        self.status_words = {
            _fold(words[f"evidence_{status}"]): status
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
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.error(where, f"expected a date, got {value!r}", "write YYYY-MM-DD")
        return None

    def choice(self, q: Question, raw: str, where: str) -> str | None:
        folded = _fold(raw)
        if folded in self.unknown_words:
            return UNKNOWN_ANSWER
        for ch in q.choices:
            if folded == _fold(ch.id) or any(folded == _fold(t) for t in ch.label.values()):
                return ch.id
        labels = [pick(ch.label, lang) for ch in q.choices for lang in ("fr", "en")]
        close = difflib.get_close_matches(raw, labels + [ch.id for ch in q.choices], n=1)
        hint = f"did you mean '{close[0]}'?" if close else "pick a value from the dropdown"
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
            if _fold(text) in self.unknown_words:
                return UNKNOWN_ANSWER
            try:
                number = float(text.replace(",", ".").replace("\u00a0", "").replace(" ", ""))
            except ValueError:
                self.error(where, f"'{q.id}' takes a number, got {text!r}", "write a number")
                return None
            return int(number) if number.is_integer() else number
        if q.type == "date":
            if isinstance(value, str) and _fold(xlsx_unguard(value)) in self.unknown_words:
                return UNKNOWN_ANSWER
            return self.day(cell, where)
        text = self.text(cell, where)
        if text is None:
            return None
        if q.type == "text":
            return UNKNOWN_ANSWER if _fold(text) in self.unknown_words else text
        if q.type == "single":
            return self.choice(q, text.strip(), where)
        if _fold(text) in self.none_words:
            return []
        if _fold(text) in self.unknown_words:
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
        folded = _fold(raw)
        return folded in self.unknown_words or any(
            folded == _fold(ch.id) or any(folded == _fold(t) for t in ch.label.values())
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
                found[key] = (Joined(row[2], rest) if rest else row[2], _cell(name, line, 2))
        if "format" not in found or self.text(*found["format"]) != FORMAT:
            raise VettingError(
                Problem(
                    Position(self.file),
                    f"not a vetting checklist (no '{FORMAT}' in the first sheet)",
                    _cell(name, 1, 0),
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
            where = found.get("tool.name", (None, _cell(name, 10, 2)))[1]
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
                        _cell(name, 1, 0),
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
                            Position(self.file), f"more than {MAX_ROWS} rows", _cell(name, line, 0)
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
                return target, _cell(name, line, index)

            id_cell, id_where = cell("id")
            qid = self.text(id_cell, id_where) if id_cell is not None else None
            if qid is None:
                continue
            qid = qid.strip()
            if qid not in by_id:
                close = difflib.get_close_matches(qid, list(by_id), n=1)
                self.error(
                    id_where,
                    f"'{qid}' is not a question of {self.compiled.ruleset.id}",
                    f"did you mean '{close[0]}'?" if close else "do not edit the Id column",
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
                status = self.status_words.get(_fold(raw))
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

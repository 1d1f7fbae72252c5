"""The checklist workbook, written: filled from an assessment, or blank for a vendor.

The filled checklist is the XLSX report (`vetting report --format xlsx`): answers,
points, severity, and it imports back to the same answers. The blank one is the
vendor questionnaire (`vetting checklist`), with dropdowns, limited to the
questions that may apply when the buyer's scope answers are given.

Untrusted text (tool names, notes, evidence, text answers) is written with
`write_string`, never as a formula, and a text that starts like a formula (`=`, `+`,
`-`, `@`, tab, CR) gets a leading apostrophe, which the import strips back
(`escape.xlsx_guard`). The workbook's dates are the assessment's, so the same
inputs give the same file.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vetting import catalog
from vetting.answer_points import points_text, question_points
from vetting.assess.answers import UNKNOWN_ANSWER, Answers
from vetting.assess.assessment import Assessment
from vetting.assess.prepare import possible_given_scope
from vetting.assess.when import later_of
from vetting.checklist.layout import COLUMNS, FORMAT, HEADER_ROW, WIDTHS, part_key, split_text
from vetting.escape import xlsx_guard, xlsx_workbook
from vetting.i18n import level_name, severity_name, verdict_name
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.conditions import ABSENT
from vetting.ruleset.describe import cite
from vetting.ruleset.model import Question
from vetting.templates import labels
from vetting.words import number, percent, text_in, typo


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
        self.compiled = compiled
        self.rs = compiled.ruleset
        self.lang = lang
        self.L = labels(lang, templates)
        #: (column, part number) -> the Checklist column holding that part of long texts.
        self.parts: dict[tuple[int, int], int] = {}
        self.buffer = io.BytesIO()
        self.book = xlsx_workbook(self.buffer)
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
        return text_in(value, self.lang)

    def write_text(self, sheet: Any, row: int, col: int, value: str, fmt: Any) -> None:
        """Every string goes through here: string cells, guarded against formulas, and
        continuation cells for a text longer than a cell holds (`layout.split_text`)."""
        first, *rest = split_text(value)
        sheet.write_string(row, col, xlsx_guard(first), fmt)
        for part_number, part in enumerate(rest, start=2):
            column = self.part_column(sheet, col, part_number)
            sheet.write_string(row, column, xlsx_guard(part), fmt)

    def part_column(self, sheet: Any, col: int, number: int) -> int:
        """Where part `number` of a long text goes: on the Checklist sheet, a column of
        its own keyed `note+2` (made on first use); elsewhere, the next cells right."""
        if sheet.name != self.L["xlsx_sheet_checklist"]:
            return col + number - 1
        if (col, number) not in self.parts:
            index = len(COLUMNS) + len(self.parts)
            self.parts[(col, number)] = index
            key = COLUMNS[col]
            sheet.set_column(index, index, WIDTHS[key])
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
        colon = catalog.text(self.lang, "formats.plain_colon")
        heading = f"{title}{colon}{tool.name}" if tool else title
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
                ("_verdict", L["verdict"], verdict_name(assessment.verdict, self.lang)),
                ("_level", L["fig_level"], level_name(assessment.level, self.lang)),
                (
                    "_points_level",
                    L["fig_points_level"],
                    level_name(assessment.points_level, self.lang),
                ),
                ("_score", L["fig_score"], f"{number(assessment.score, self.lang)} / 100"),
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
            sheet.set_column(index, index, WIDTHS[key], None, {"hidden": hidden})
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
            # The short title first, the words reports use; the vendor answers the full question.
            title = self.text(q.short_title)
            question = f"{title}\n{self.text(q.text)}" if title else self.text(q.text)
            self.write_text(sheet, r, col["question"], question, self.f_read)
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
                    pts = question_points(assessment, q.id)
                    words = points_text(pts, self.rs.scoring.pools, L, self.lang)
                    self.write_text(sheet, r, col["points"], words, self.f_read)
                    finding = findings.get(q.id)
                    severity = severity_name(finding.severity, self.lang) if finding else ""
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
    # Which questions apply is judged on the judged date (the later of the assessment
    # and go-live), as the score judges it: a duty that starts before go-live is asked.
    judged = (
        assessment.judged_date
        if assessment is not None
        else later_of(day, answers.go_live if answers else None)
    )
    rows = _rows(compiled, answers if (filled or scope) else None, filled, judged)
    tool_answers = answers if (filled or scope) else None
    writer.tool_sheet(tool_answers, assessment, filled, ruleset_ref, ruleset_sha)
    sheet = writer.checklist_sheet(rows, tool_answers, assessment, filled)
    ranges = writer.choices_sheet(rows)
    writer.fill_rows(sheet, rows, ranges, tool_answers, assessment, filled)
    sheet.activate()
    return writer.close()


__all__ = ["checklist_xlsx"]

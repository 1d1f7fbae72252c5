"""`vetting compare`: several tools side by side, the best value per row standing out.

`compare()` decides everything once (rows, texts, which cell is best, which
rows differ); Markdown, HTML and XLSX only lay the same table out.

Rows: a summary (verdict, level, score, ...), the score per category, every
knock-out that fires or is pending for some tool, the key questions (those
that can produce a knock-out: always shown), then every other question where
the answers differ. "Best" is the lowest risk: the best verdict and level, the
lowest score, no knock-out, the answer with the fewest risk points.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from vetting import catalog
from vetting.assess.answers import UNKNOWN_ANSWER
from vetting.assess.assessment import LEVELS, VERDICTS, Assessment
from vetting.assess.numbers import ZERO
from vetting.assess.prepare import prepare
from vetting.escape import xlsx_guard, xlsx_workbook
from vetting.i18n import pick
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.words import number, percent
from vetting.workflows import words
from vetting.workflows.inputs import Scored
from vetting.workflows.render import asset, csp_hash, render, trusted

#: A cell's risk, compared within its row: the smallest is the best; None is not comparable.
RiskKey = tuple[Any, ...] | None


@dataclass(frozen=True)
class Cell:
    """One tool's value in a row. `kind` styles it: ko, pending, unknown, na or nothing."""

    text: str
    best: bool = False
    kind: str = ""
    #: The number behind the text, for a spreadsheet (scores, counts).
    value: float | None = None
    #: Its risk within the row (smaller is better); None when not comparable.
    risk: RiskKey = None


@dataclass(frozen=True)
class Row:
    label: str
    key: str
    cells: tuple[Cell, ...]
    differs: bool


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    rows: tuple[Row, ...]
    empty: str = ""


@dataclass(frozen=True)
class Column:
    heading: str
    tool: str
    version: str
    vendor: str
    source: str


@dataclass(frozen=True)
class Comparison:
    """The whole table in one language, ready for any format."""

    lang: str
    title: str
    legend: str
    ruleset: str
    columns: tuple[Column, ...]
    sections: tuple[Section, ...]
    #: The latest assessment date: a stable timestamp for file metadata.
    latest: dt.date


def _row(
    label: str,
    key: str,
    cells: Sequence[Cell],
    risks: Sequence[RiskKey],
    eligible: Sequence[bool] | None = None,
) -> Row:
    """A row with its best cells marked: only when the comparable cells disagree, and only
    among the `eligible` ones (all by default)."""
    comparable = [r for r in risks if r is not None]
    allowed = eligible or [True] * len(risks)
    candidates = [r for r, ok in zip(risks, allowed, strict=True) if ok and r is not None]
    best = min(candidates) if len(set(comparable)) > 1 and candidates else None
    marked = tuple(
        Cell(c.text, best is not None and ok and r == best, c.kind, c.value, r)
        for c, r, ok in zip(cells, risks, allowed, strict=True)
    )
    return Row(label, key, marked, len({c.text for c in cells}) > 1)


def _not_for_rejected(section: Section, rejected: Sequence[bool]) -> Section:
    """The section with "best" chosen among the tools not rejected only.

    A rejected tool is out of the running: showing its cells as the best of a row
    (its lowest score, its cheapest answer) would point a committee at the one
    tool it cannot adopt.
    """
    eligible = [not out for out in rejected]
    rows = tuple(
        _row(row.label, row.key, row.cells, [c.risk for c in row.cells], eligible)
        for row in section.rows
    )
    return Section(section.id, section.title, rows, section.empty)


def _info(label: str, texts: Sequence[str]) -> Row:
    cells = [Cell(t or "—") for t in texts]
    return _row(label, "", cells, [None] * len(cells))


def _ranked(
    label: str,
    items: Sequence[Assessment],
    text: Callable[[Assessment], str],
    risk: Callable[[Assessment], float],
    value: Callable[[Assessment], float] | None = None,
) -> Row:
    cells = [Cell(text(a), value=value(a) if value else None) for a in items]
    return _row(label, "", cells, [(risk(a),) for a in items])


def _summary(items: Sequence[Scored], lang: str) -> Section:
    a = [item.assessment for item in items]
    rows = [
        _info(
            catalog.text(lang, "workflows.columns.vendor"), [words.clean(x.tool.vendor) for x in a]
        ),
        _info(
            catalog.text(lang, "workflows.columns.version"),
            [words.clean(x.tool.version) for x in a],
        ),
        _info(
            catalog.text(lang, "workflows.columns.assessment_date"),
            [words.day(x.assessment_date) for x in a],
        ),
        _ranked(
            catalog.text(lang, "workflows.columns.verdict"),
            a,
            lambda x: words.verdict_name(x.verdict, lang),
            lambda x: VERDICTS.index(x.verdict),
        ),
        _ranked(
            catalog.text(lang, "workflows.columns.level"),
            a,
            lambda x: words.level_name(x.level, lang),
            lambda x: LEVELS.index(x.level),
        ),
        _ranked(
            catalog.text(lang, "workflows.columns.points_level"),
            a,
            lambda x: words.level_name(x.points_level, lang),
            lambda x: LEVELS.index(x.points_level),
        ),
        _ranked(
            catalog.text(lang, "workflows.columns.score"),
            a,
            lambda x: number(x.score, lang),
            lambda x: x.score,
            lambda x: x.score,
        ),
        _ranked(
            catalog.text(lang, "workflows.columns.completeness"),
            a,
            lambda x: percent(x.completeness, lang),
            lambda x: -x.completeness,
            lambda x: x.completeness,
        ),
        _ranked(
            catalog.text(lang, "workflows.columns.knockout_count"),
            a,
            lambda x: str(len(x.knockouts)),
            lambda x: len(x.knockouts),
        ),
        _ranked(
            catalog.text(lang, "workflows.columns.pending_count"),
            a,
            lambda x: str(len(x.pending)),
            lambda x: len(x.pending),
        ),
        _ranked(
            catalog.text(lang, "workflows.columns.expired_evidence"),
            a,
            lambda x: str(sum(e.expired for e in x.evidence)),
            lambda x: sum(e.expired for e in x.evidence),
        ),
    ]
    if any(x.decision for x in a):
        rows.append(
            _info(
                catalog.text(lang, "workflows.columns.decision"),
                [_decision_text(x, lang) for x in a],
            )
        )
    rows.append(
        _info(
            catalog.text(lang, "workflows.columns.next_review"),
            [words.day(x.review.next_review) for x in a],
        )
    )
    rows.append(
        _info(
            catalog.text(lang, "workflows.columns.file"), [words.clean(item.path) for item in items]
        )
    )
    return Section("summary", catalog.text(lang, "workflows.compare.sections.summary"), tuple(rows))


def _decision_text(a: Assessment, lang: str) -> str:
    if a.decision is None:
        return ""
    text = f"{words.outcome_name(a.decision.outcome, lang)} ({words.day(a.decision.date)})"
    text += f", {words.clean(a.decision.by)}"
    if a.accepted_despite_knockout:
        text += " – " + catalog.text(lang, "workflows.cells.despite_knockout")
    return text


def _categories(items: Sequence[Scored], lang: str) -> Section:
    first = items[0].assessment
    rows = []
    for index, category in enumerate(first.categories):
        scores = [item.assessment.categories[index] for item in items]
        cells = [
            Cell(f"{number(s.score, lang)} · {words.level_name(s.level, lang)}") for s in scores
        ]
        rows.append(
            _row(pick(category.title, lang), category.id, cells, [(s.score,) for s in scores])
        )
    return Section(
        "categories", catalog.text(lang, "workflows.compare.sections.categories"), tuple(rows)
    )


def _knockout_order(compiled: CompiledRuleSet) -> Callable[[str], tuple[int, int, str]]:
    rules = {rule.id: index for index, rule in enumerate(compiled.findings)}
    size = len(compiled.order)

    def order(ko_id: str) -> tuple[int, int, str]:
        qid, _, choice = ko_id.partition("=")
        if choice and qid in compiled.order:
            choices = [c.id for c in compiled.question_by_id[qid].choices]
            return (compiled.order[qid], choices.index(choice) if choice in choices else 0, ko_id)
        return (size + rules.get(ko_id, 0), 0, ko_id)

    return order


def _knockouts(compiled: CompiledRuleSet, items: Sequence[Scored], lang: str) -> Section:
    ids: set[str] = set()
    for item in items:
        ids.update(k.id for k in item.assessment.knockouts)
        ids.update(ko for p in item.assessment.pending for ko in p.knockouts)
    rows = []
    for ko_id in sorted(ids, key=_knockout_order(compiled)):
        cells, risks = [], []
        for item in items:
            a = item.assessment
            if any(k.id == ko_id for k in a.knockouts):
                cells.append(Cell(catalog.text(lang, "workflows.cells.ko_fires"), kind="ko"))
                risks.append((2,))
            elif any(ko_id in p.knockouts for p in a.pending):
                cells.append(Cell(catalog.text(lang, "workflows.cells.ko_pending"), kind="pending"))
                risks.append((1,))
            else:
                cells.append(Cell(catalog.text(lang, "workflows.cells.ko_clear")))
                risks.append((0,))
        label = words.knockout_label(compiled, ko_id, lang, answer=50, message=100)
        rows.append(_row(label, ko_id, cells, risks))
    return Section(
        "knockouts",
        catalog.text(lang, "workflows.compare.sections.knockouts"),
        tuple(rows),
        catalog.text(lang, "workflows.compare.empty.knockouts"),
    )


def _answer_cell(
    compiled: CompiledRuleSet, item: Scored, qid: str, lang: str
) -> tuple[Cell, RiskKey]:
    """A tool's answer to a question, and its risk (None when it cannot be compared)."""
    a = item.assessment
    value = item.answers.answers.get(qid)
    if qid in a.not_applicable or (value is None and qid not in a.unanswered):
        return Cell(catalog.text(lang, "workflows.cells.not_applicable"), kind="na"), None
    text = words.answer(compiled, qid, value, lang)
    fired = any(k.kind == "choice" and k.id.partition("=")[0] == qid for k in a.knockouts)
    unknown = value is None or value == UNKNOWN_ANSWER
    kind = "ko" if fired else "unknown" if unknown else ""
    return Cell(text, kind=kind), _risk(compiled, qid, value, fired)


def _risk(compiled: CompiledRuleSet, qid: str, value: Any, fired: bool) -> RiskKey:
    """(knocks out, score-pool points, severity): what makes one answer better than another."""
    prepared = prepare(compiled)
    pq = prepared.by_id[qid]
    si = prepared.score_index
    if pq.question.type not in {"single", "multiple"}:
        return None
    if value is None or value == UNKNOWN_ANSWER:
        points, severity = pq.unknown_points[si], pq.unknown_severity
    elif isinstance(value, list):
        points = sum((pq.points[c][si] for c in value if c in pq.points), Decimal(ZERO))
        severity = max((pq.severity[c] for c in value if c in pq.severity), default=0)
    elif isinstance(value, str) and value in pq.points:
        points, severity = pq.points[value][si], pq.severity[value]
    else:
        return None
    return (fired, points, severity)


def _questions(
    compiled: CompiledRuleSet,
    items: Sequence[Scored],
    lang: str,
    qids: Sequence[str],
    *,
    only_differences: bool,
) -> tuple[Row, ...]:
    rows = []
    for qid in qids:
        pairs = [_answer_cell(compiled, item, qid, lang) for item in items]
        cells = [cell for cell, _ in pairs]
        if only_differences and len({c.text for c in cells}) < 2:
            continue
        label = words.question_text(compiled, qid, lang)
        rows.append(_row(label, qid, cells, [risk for _, risk in pairs]))
    return tuple(rows)


def compare(compiled: CompiledRuleSet, items: Sequence[Scored], lang: str) -> Comparison:
    """The comparison table of `items`, in the order given, in `lang`."""
    if not items:
        raise ValueError("nothing to compare")
    key = [
        q.id
        for q in compiled.questions
        if q.id in compiled.knockout_capable and not compiled.is_scope(q.id)
    ]
    others = [q.id for q in compiled.questions if q.id not in set(key)]
    columns = tuple(
        Column(
            heading=" ".join(
                p
                for p in (words.clean(i.answers.tool.name), words.clean(i.answers.tool.version))
                if p
            ),
            tool=words.clean(i.answers.tool.name),
            version=words.clean(i.answers.tool.version),
            vendor=words.clean(i.answers.tool.vendor),
            source=words.clean(i.path),
        )
        for i in items
    )
    built = (
        _summary(items, lang),
        _categories(items, lang),
        _knockouts(compiled, items, lang),
        Section(
            "key_questions",
            catalog.text(lang, "workflows.compare.sections.key_questions"),
            _questions(compiled, items, lang, key, only_differences=False),
        ),
        Section(
            "other_differences",
            catalog.text(lang, "workflows.compare.sections.other_differences"),
            _questions(compiled, items, lang, others, only_differences=True),
            catalog.text(lang, "workflows.compare.empty.other_differences"),
        ),
    )
    rejected = [i.assessment.verdict == "reject" for i in items]
    sections = tuple(_not_for_rejected(section, rejected) for section in built)
    return Comparison(
        lang=lang,
        title=catalog.plural(lang, "workflows.compare.title", len(items)),
        legend=catalog.text(lang, "workflows.compare.legend"),
        ruleset=words.rulesets_named([i.assessment.ruleset for i in items], compiled, lang),
        columns=columns,
        sections=sections,
        latest=max(i.assessment.assessment_date for i in items),
    )


# --------------------------------------------------------------------------- formats


def to_markdown(comparison: Comparison) -> str:
    return render("compare.md.j2", "md", comparison.lang, {"c": comparison})


def to_html(comparison: Comparison) -> str:
    css = asset("workflows.css")
    return render(
        "compare.html.j2",
        "html",
        comparison.lang,
        {"c": comparison, "css": trusted(css), "css_hash": csp_hash(css)},
    )


def to_xlsx(comparison: Comparison) -> bytes:
    """One sheet, the same rows; untrusted text written as strings, formula prefixes guarded."""
    buffer = io.BytesIO()
    workbook = xlsx_workbook(buffer)
    # A fixed creation time: the same inputs give the same bytes.
    created = dt.datetime.combine(comparison.latest, dt.time())
    workbook.set_properties({"title": comparison.title, "created": created})
    lang = comparison.lang
    sheet = workbook.add_worksheet(catalog.text(lang, "workflows.compare.sheet"))
    title = workbook.add_format({"bold": True, "font_size": 14})
    header = workbook.add_format(
        {"bold": True, "bg_color": "#E8EEF4", "border": 1, "text_wrap": True, "valign": "top"}
    )
    section = workbook.add_format({"bold": True, "bg_color": "#D5DEE8", "border": 1})
    plain = workbook.add_format({"text_wrap": True, "valign": "top", "border": 1})
    differs = workbook.add_format(
        {"text_wrap": True, "valign": "top", "border": 1, "bg_color": "#FFF6D6"}
    )
    best = workbook.add_format(
        {"text_wrap": True, "valign": "top", "border": 1, "bold": True, "bg_color": "#D8F0DC"}
    )
    best_number = workbook.add_format(
        {"valign": "top", "border": 1, "bold": True, "bg_color": "#D8F0DC", "num_format": "0.0"}
    )
    number = workbook.add_format({"valign": "top", "border": 1, "num_format": "0.0"})
    ko = workbook.add_format(
        {"text_wrap": True, "valign": "top", "border": 1, "font_color": "#9C0006"}
    )

    def text(row: int, col: int, value: str, fmt: Any = None) -> None:
        sheet.write_string(row, col, xlsx_guard(value), fmt)

    width = len(comparison.columns)
    text(0, 0, comparison.title, title)
    ruleset = catalog.text(lang, "workflows.columns.ruleset")
    colon = catalog.text(lang, "formats.colon")
    text(1, 0, f"{ruleset}{colon}{comparison.ruleset}")
    text(2, 0, comparison.legend)
    r = 4
    text(r, 0, catalog.text(lang, "workflows.columns.row"), header)
    text(r, 1, "id", header)
    for c, column in enumerate(comparison.columns, start=2):
        text(r, c, column.heading, header)
    text(r, width + 2, "≠", header)
    sheet.freeze_panes(r + 1, 2)
    for part in comparison.sections:
        r += 1
        sheet.merge_range(r, 0, r, width + 2, "", section)
        text(r, 0, part.title, section)
        if not part.rows:
            r += 1
            text(r, 0, part.empty)
        for row in part.rows:
            r += 1
            text(r, 0, row.label, differs if row.differs else plain)
            text(r, 1, row.key, plain)
            for c, cell in enumerate(row.cells, start=2):
                if cell.value is not None and cell.text not in {"", "—"}:
                    sheet.write_number(r, c, cell.value, best_number if cell.best else number)
                else:
                    fmt = best if cell.best else ko if cell.kind == "ko" else plain
                    text(r, c, cell.text, fmt)
            text(r, width + 2, "≠" if row.differs else "", plain)
    sheet.set_column(0, 0, 60)
    sheet.set_column(1, 1, 28)
    sheet.set_column(2, width + 1, 32)
    sheet.set_column(width + 2, width + 2, 4)
    workbook.close()
    return buffer.getvalue()

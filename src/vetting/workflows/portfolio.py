"""`vetting portfolio DIR`: every assessment of a folder on one page, read on a given day.

A portfolio is read *now*: reviews fall due and evidence expires against the
day it is built (`today`, passed in by the CLI from the clock or `--today`),
while each assessment keeps its own date. Of several assessments of the same
tool (same name and vendor), the latest is current; the older ones are shown
as superseded and never ask for action. An assessment dated after `today` is
flagged and never supersedes one that is not: a typo in a date must not hide
the assessment in force. What a row asks someone to do is in `actions.py`.

The HTML page is self-contained: inline style and a small inline script
(sorting, filtering) allowed by a Content-Security-Policy hash, no network, and
every row readable with JavaScript off.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from vetting import catalog
from vetting.assess.answers import DecisionCondition
from vetting.assess.assessment import LEVELS, VERDICTS, EvidenceStatus
from vetting.assess.review import expired_on, review_on
from vetting.errors import Problem
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.registry import RuleSets
from vetting.words import number
from vetting.workflows import words
from vetting.workflows.actions import actions_of
from vetting.workflows.inputs import Scored, Unreadable, score_folder
from vetting.workflows.render import asset, csp_hash, render, trusted

#: Version of the JSON output (2: `actions`, `future`, and needs_action for every reason).
JSON_FORMAT = 2
#: A review or an expiry this close is flagged "due soon": time to prepare it.
DUE_SOON_DAYS = 60

ReviewState = Literal["overdue", "due", "scheduled", "none"]
#: Reasons shown as a warning rather than an alarm: time to prepare, not yet late.
_WARN = frozenset({"review_due", "stale_rules", "other_rules"})
_OUTCOME_RANK = {"accept": 0, "accept_with_conditions": 1, "reject": 2}


@dataclass(frozen=True)
class Row:
    """One assessment as the portfolio shows it, checked on the portfolio's day."""

    file: str
    scored: Scored
    review_state: ReviewState
    overdue_conditions: tuple[DecisionCondition, ...]
    open_conditions: int
    expired: tuple[EvidenceStatus, ...]
    expiring: tuple[EvidenceStatus, ...]
    undated: tuple[EvidenceStatus, ...]
    superseded: bool
    #: Dated after the day the portfolio is read.
    future: bool = False
    #: The tool's assessment in force: its latest dated on or before the day read.
    current: bool = True
    #: Why the row needs action (`actions.ACTIONS` codes); () when it needs none.
    actions: tuple[str, ...] = ()

    @property
    def needs_action(self) -> bool:
        """Any reason in `actions`, never for a superseded row."""
        return bool(self.actions) and not self.superseded


@dataclass(frozen=True)
class Portfolio:
    folder: str
    today: dt.date
    lang: str
    compiled: CompiledRuleSet
    rows: tuple[Row, ...]
    errors: tuple[Unreadable, ...]
    warnings: tuple[Problem, ...]


def _state(next_review: dt.date | None, today: dt.date) -> ReviewState:
    if next_review is None:
        return "none"
    if next_review < today:
        return "overdue"
    if next_review <= today + dt.timedelta(days=DUE_SOON_DAYS):
        return "due"
    return "scheduled"


def _row(file: str, item: Scored, today: dt.date, current: bool, compiled: CompiledRuleSet) -> Row:
    a = item.assessment
    review = review_on(a, today)
    soon = today + dt.timedelta(days=DUE_SOON_DAYS)
    expired = expired_on(a.evidence, today)
    expiring = tuple(
        e for e in a.evidence if e.valid_until is not None and today <= e.valid_until <= soon
    )
    conditions = a.decision.conditions if a.decision else ()
    state = _state(review.next_review, today)
    return Row(
        file=file,
        scored=item,
        review_state=state,
        overdue_conditions=review.overdue_conditions,
        open_conditions=sum(not c.done for c in conditions),
        expired=expired,
        expiring=expiring,
        undated=tuple(e for e in a.evidence if e.undated),
        superseded=not current and a.assessment_date <= today,
        future=a.assessment_date > today,
        current=current,
        actions=actions_of(
            a,
            item.answers.ruleset,
            compiled,
            today,
            review_state=state,
            overdue_conditions=len(review.overdue_conditions),
            expired=len(expired),
        ),
    )


def _tool_key(item: Scored) -> tuple[str, str]:
    tool = item.assessment.tool
    return (tool.name.casefold(), (tool.vendor or "").casefold())


def rows_of(
    items: Sequence[tuple[str, Scored]], today: dt.date, compiled: CompiledRuleSet
) -> tuple[Row, ...]:
    """The rows, sorted by tool, vendor and date; older assessments of a tool superseded.

    The current assessment of a tool is its latest dated on or before `today`;
    one dated later is flagged and supersedes nothing (it is current only when
    the tool has no other).
    """
    latest: dict[tuple[str, str], tuple[bool, dt.date, str]] = {}
    for file, item in items:
        key = _tool_key(item)
        day = item.assessment.assessment_date
        mark = (day <= today, day, file)
        if key not in latest or mark > latest[key]:
            latest[key] = mark
    ordered = sorted(
        items, key=lambda pair: (*_tool_key(pair[1]), pair[1].assessment.assessment_date, pair[0])
    )
    rows = []
    for file, item in ordered:
        day = item.assessment.assessment_date
        current = latest[_tool_key(item)] == (day <= today, day, file)
        rows.append(_row(file, item, today, current, item.compiled or compiled))
    return tuple(rows)


def build(
    rules: CompiledRuleSet | RuleSets,
    folder: Path,
    today: dt.date,
    lang: str,
    date: dt.date | None = None,
) -> Portfolio:
    """Read, score and check every answers file under `folder`, as of `today`.

    Each file is scored with the rule set it names (given the run's `RuleSets`);
    `date` dates the files that record no assessment date (`--date`).
    """
    compiled = rules.default() if isinstance(rules, RuleSets) else rules
    scored, unreadable = score_folder(rules, folder, date)
    return Portfolio(
        folder=str(folder),
        today=today,
        lang=lang,
        compiled=compiled,
        rows=rows_of(scored, today, compiled),
        errors=tuple(item for _, item in unreadable),
        warnings=tuple(w for _, item in scored for w in item.warnings),
    )


# --------------------------------------------------------------------------- JSON


def _evidence_json(e: EvidenceStatus) -> dict[str, Any]:
    return {"question": e.question, "text": e.text, "valid_until": words.day(e.valid_until)}


def row_json(row: Row) -> dict[str, Any]:
    """One row as plain, language-neutral data (ids, ISO dates)."""
    a = row.scored.assessment
    decision = a.decision.model_dump(mode="json") if a.decision else None
    return {
        "file": row.file,
        "tool": a.tool.model_dump(mode="json"),
        "verdict": a.verdict,
        "level": a.level,
        "score": a.score,
        "assessment_date": words.day(a.assessment_date),
        "ruleset": row.scored.answers.ruleset,
        "scored_with": a.ruleset.model_dump(mode="json", exclude={"path"}),
        "knockouts": [k.id for k in a.knockouts],
        "pending": len(a.pending),
        "decision": decision,
        "accepted_despite_knockout": a.accepted_despite_knockout,
        "review": {
            "next_review": words.day(a.review.next_review) or None,
            "basis": a.review.basis,
            "state": row.review_state,
            "overdue_conditions": [c.model_dump(mode="json") for c in row.overdue_conditions],
            "open_conditions": row.open_conditions,
        },
        "evidence": {
            "expired": [_evidence_json(e) for e in row.expired],
            "expiring": [_evidence_json(e) for e in row.expiring],
            "undated": [e.question for e in row.undated],
        },
        "superseded": row.superseded,
        "current": row.current,
        "future": row.future,
        "actions": list(row.actions) if not row.superseded else [],
        "needs_action": row.needs_action,
    }


def to_json(portfolio: Portfolio) -> str:
    """The same rows as the page, for other tools; the errors too."""
    origin = portfolio.compiled.origin
    current = [r for r in portfolio.rows if r.current]
    data = {
        "vetting_portfolio": JSON_FORMAT,
        "today": portfolio.today.isoformat(),
        "folder": portfolio.folder,
        "ruleset": {
            "id": origin.id,
            "version": origin.version,
            "sha256": origin.sha256,
            "path": origin.path,
        },
        "due_soon_days": DUE_SOON_DAYS,
        "summary": {
            "assessments": len(portfolio.rows),
            "current": len(current),
            "verdicts": {
                v: sum(r.scored.assessment.verdict == v for r in current) for v in VERDICTS
            },
            "needs_action": sum(r.needs_action for r in portfolio.rows),
            "future": sum(r.future for r in portfolio.rows),
            "errors": len(portfolio.errors),
        },
        "rows": [row_json(r) for r in portfolio.rows],
        "errors": [
            {"file": e.path, "problems": [str(p) for p in e.problems]} for e in portfolio.errors
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------- HTML


@dataclass(frozen=True)
class Flag:
    """A short badge: its text and its tone (bad, warn, ok)."""

    text: str
    tone: str


@dataclass(frozen=True)
class RowView:
    """Every cell of one row, in one language, with the value each column sorts on."""

    order: int
    file: str
    tool: str
    version: str
    vendor: str
    verdict: str
    verdict_name: str
    verdict_rank: int
    knockouts: int
    #: "4 knock-outs" in the page's language.
    knockouts_text: str
    level_name: str
    level_rank: int
    score: str
    score_value: float
    date: str
    decision: str
    decision_detail: str
    decision_rank: int
    decision_flags: tuple[Flag, ...]
    rationale: str
    justification: str
    conditions: tuple[str, ...]
    next_review: str
    review_sort: str
    review_flag: Flag | None
    evidence_count: int
    evidence_flags: tuple[Flag, ...]
    evidence_lines: tuple[str, ...]
    superseded: bool
    needs_action: bool
    future: bool = False
    #: Which rule set scored it, when the page mixes several or the answers were older.
    scored_with: str = ""
    actions: tuple[Flag, ...] = ()


def _view(order: int, row: Row, lang: str, mixed: bool) -> RowView:
    a = row.scored.assessment
    d = a.decision
    decision_flags: list[Flag] = []
    conditions: list[str] = []
    if d is not None:
        if a.accepted_despite_knockout:
            decision_flags.append(
                Flag(catalog.text(lang, "workflows.cells.despite_knockout"), "bad")
            )
        if row.overdue_conditions:
            decision_flags.append(
                Flag(
                    catalog.plural(
                        lang,
                        "workflows.portfolio.counts.overdue_conditions",
                        len(row.overdue_conditions),
                    ),
                    "bad",
                )
            )
        overdue = set(row.overdue_conditions)
        for c in d.conditions:
            mark = "✔" if c.done else "✖" if c in overdue else "○"
            conditions.append(f"{mark} {words.clean(c.text)} ({words.day(c.due)})")
    review_flag = None
    if not row.superseded and row.review_state in {"overdue", "due"}:
        tone = "bad" if row.review_state == "overdue" else "warn"
        review_flag = Flag(
            catalog.text(lang, "workflows.portfolio.review." + row.review_state), tone
        )
    evidence_flags: list[Flag] = []
    lines: list[str] = []
    compiled = row.scored.compiled
    colon = catalog.text(lang, "formats.colon")

    def named(qid: str) -> str:
        """A question by its short title (ids are for machines)."""
        return words.question_text(compiled, qid, lang) if compiled is not None else qid

    if row.expired:
        evidence_flags.append(
            Flag(
                catalog.plural(lang, "workflows.portfolio.counts.expired", len(row.expired)), "bad"
            )
        )
    for e in row.expired:
        until = words.day(e.valid_until)
        expired = catalog.text(lang, "workflows.evidence.expired", date=until)
        lines.append(f"{named(e.question)}{colon}{words.clean(e.text)} – {expired}")
    for e in row.expiring:
        until = words.day(e.valid_until)
        expires = catalog.text(lang, "workflows.evidence.expires_soon", date=until)
        lines.append(f"{named(e.question)}{colon}{words.clean(e.text)} – {expires}")
    if row.expiring:
        evidence_flags.append(
            Flag(
                catalog.plural(lang, "workflows.portfolio.counts.expiring", len(row.expiring)),
                "warn",
            )
        )
    for e in row.undated:
        undated = catalog.text(lang, "workflows.evidence.undated")
        lines.append(f"{named(e.question)}{colon}{words.clean(e.text)} – {undated}")
    next_review = words.day(a.review.next_review)
    return RowView(
        order=order,
        file=words.clean(row.file),
        tool=words.clean(a.tool.name),
        version=words.clean(a.tool.version),
        vendor=words.clean(a.tool.vendor),
        verdict=a.verdict,
        verdict_name=words.verdict_name(a.verdict, lang),
        verdict_rank=VERDICTS.index(a.verdict),
        knockouts=len(a.knockouts),
        knockouts_text=catalog.plural(
            lang, "workflows.portfolio.counts.knockouts", len(a.knockouts)
        ),
        level_name=words.level_name(a.level, lang),
        level_rank=LEVELS.index(a.level),
        score=number(a.score, lang),
        score_value=a.score,
        date=words.day(a.assessment_date),
        decision=words.outcome_name(d.outcome, lang)
        if d
        else catalog.text(lang, "workflows.portfolio.rows.no_decision"),
        decision_detail=f"{words.day(d.date)}, {words.clean(d.by)}" if d else "",
        decision_rank=_OUTCOME_RANK[d.outcome] if d else len(_OUTCOME_RANK),
        decision_flags=tuple(decision_flags),
        rationale=words.clean(d.rationale) if d else "",
        justification=words.clean(d.knockout_justification) if d else "",
        conditions=tuple(conditions),
        next_review=next_review,
        review_sort=next_review or "9999-12-31",
        review_flag=review_flag,
        evidence_count=len(row.expired),
        evidence_flags=tuple(evidence_flags),
        evidence_lines=tuple(lines),
        superseded=row.superseded,
        needs_action=row.needs_action,
        future=row.future,
        scored_with=words.scored_with(a.ruleset, lang) if mixed or a.ruleset.written_for else "",
        actions=tuple(
            Flag(
                catalog.text(lang, "workflows.portfolio.actions." + code),
                "warn" if code in _WARN else "bad",
            )
            for code in (row.actions if row.needs_action else ())
        ),
    )


def to_html(portfolio: Portfolio) -> str:
    lang = portfolio.lang
    css, script = asset("workflows.css"), asset("portfolio.js")
    current = [r for r in portfolio.rows if r.current]
    cards = [
        (catalog.text(lang, "workflows.portfolio.cards.tools"), str(len(current))),
        *(
            (
                words.verdict_name(v, lang).capitalize(),
                str(sum(r.scored.assessment.verdict == v for r in current)),
            )
            for v in VERDICTS
        ),
        (
            catalog.text(lang, "workflows.portfolio.cards.needs_action"),
            str(sum(r.needs_action for r in portfolio.rows)),
        ),
    ]
    if portfolio.errors:
        cards.append(
            (catalog.text(lang, "workflows.portfolio.cards.errors"), str(len(portfolio.errors)))
        )
    ruleset = catalog.text(lang, "workflows.columns.ruleset")
    colon = catalog.text(lang, "formats.colon")
    used = dict.fromkeys(
        f"{r.scored.assessment.ruleset.id} {r.scored.assessment.ruleset.version}"
        for r in portfolio.rows
    )
    if not used:
        used = {f"{portfolio.compiled.ruleset.id} {portfolio.compiled.ruleset.version}": None}
    return render(
        "portfolio.html.j2",
        "html",
        lang,
        {
            "lang": lang,
            "title": catalog.text(lang, "workflows.portfolio.title"),
            "as_of": catalog.text(
                lang, "workflows.portfolio.as_of", date=portfolio.today.isoformat()
            ),
            "assessments": catalog.plural(
                lang, "workflows.portfolio.assessments", len(portfolio.rows)
            ),
            "ruleset": f"{ruleset}{colon}{', '.join(used)}",
            "folder": portfolio.folder,
            "cards": cards,
            "rows": [_view(i, r, lang, len(used) > 1) for i, r in enumerate(portfolio.rows)],
            "verdicts": [(v, words.verdict_name(v, lang)) for v in VERDICTS],
            "errors": [(e.path, [str(p) for p in e.problems]) for e in portfolio.errors],
            "warnings": [str(w) for w in portfolio.warnings],
            "css": trusted(css),
            "css_hash": csp_hash(css),
            "script": trusted(script),
            "script_hash": csp_hash(script),
        },
    )

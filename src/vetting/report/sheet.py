"""Page 1 of the report, and the findings laid out by section.

The decision sheet is what a committee reads in a meeting and signs: the
verdict and the level, the blocking items one line each, what is pending and
from whom, the few changes that would move the verdict, and the decision
block. The findings part groups the findings by section, most severe first:
the serious ones as cards, the others folded into one table per section.
"""

from __future__ import annotations

from vetting.i18n import level_name, verdict_name
from vetting.report import claims
from vetting.report.views import (
    CategoryView,
    ClauseView,
    DecisionSheet,
    DecisionView,
    FindingView,
    Glance,
    KnockOutView,
    PendingView,
    SectionFindings,
    SheetLine,
)
from vetting.report.wording import Wording
from vetting.words import number, short

#: How many changes that would move the verdict page 1 lists.
SHEET_ACTIONS = 3
#: How long an answer may run on page 1 before it is cut (the whole one is in the parts).
SHEET_DETAIL = 70
#: Severities shown as cards in the findings part, with what to do and what to ask.
CARD_SEVERITIES = ("critical", "high")
#: Severities named in one line per section (their answers are in the annex).
MINOR_SEVERITIES = ("low", "info")


def who(w: Wording, question_ids: tuple[str, ...] | list[str]) -> str:
    """Who can settle these questions: the vendor, your organisation, or both."""
    kinds = {
        "buyer" if (q := w.c.question_by_id.get(qid)) and q.asked_of == "buyer" else "vendor"
        for qid in question_ids
    }
    if kinds == {"buyer"}:
        return w.L["from_buyer"]
    if kinds == {"vendor"}:
        return w.L["from_vendor"]
    return w.L["from_both"]


def decision_sheet(
    w: Wording,
    glance: Glance,
    knockouts: tuple[KnockOutView, ...],
    pending: tuple[PendingView, ...],
    decision: DecisionView | None,
    findings: tuple[FindingView, ...],
    clauses: tuple[ClauseView, ...],
) -> DecisionSheet:
    """The decision sheet, from the parts already worded (nothing is said twice differently)."""
    blocking = tuple(SheetLine(ko.title, short(ko.answer, SHEET_DETAIL)) for ko in knockouts)
    waiting = tuple(
        SheetLine(" / ".join(q.question for q in p.questions) or p.id, f"{p.reason}, {p.who}")
        for p in pending
    )
    actions, outcome, more = _actions(w)
    return DecisionSheet(
        verdict=glance.verdict,
        verdict_name=glance.verdict_name,
        summary=glance.summary,
        level_name=glance.level_name,
        level_note=glance.level_note,
        score=glance.score,
        scale=glance.scale,
        blocking=blocking,
        pending=waiting,
        actions=actions,
        actions_outcome=outcome,
        actions_more=more,
        decision=decision,
        conditions=_conditions(w, glance.verdict, findings, clauses),
    )


def _conditions(
    w: Wording, verdict: str, findings: tuple[FindingView, ...], clauses: tuple[ClauseView, ...]
) -> tuple[SheetLine, ...]:
    """What "accept with conditions" is conditional on: each serious finding with what to do,
    then each contract clause to negotiate. Only for a conditional verdict: a rejected or
    pending tool is not yet at the point of conditions."""
    if verdict != "conditional":
        return ()
    serious = [
        SheetLine(short(f.title, SHEET_DETAIL), short(f.recommendation, SHEET_DETAIL))
        for f in findings
        if _place(f) == "card" and not f.knockout
    ]
    negotiate = [SheetLine(c.title, w.L["sheet_clause"]) for c in clauses if c.required]
    return (*serious, *negotiate)


def _actions(w: Wording) -> tuple[tuple[SheetLine, ...], str, int]:
    """The few answer changes that would move the verdict (those of the first what-if found
    that reaches a better verdict, one line each), the result they give, and how many more
    changes the actions part lists."""
    exp = w.a.explanation
    whatif = next((wi for wi in exp.what_would_change if wi.reached), None) if exp else None
    if whatif is None:
        return (), "", 0
    lines = [
        SheetLine(
            w.question_text(ch.question),
            "→ " + short(w.answer_text(ch.question, ch.to), SHEET_DETAIL),
        )
        for ch in whatif.changes
    ]
    lines += [
        SheetLine(words, "") for words in claims.evidence_words(whatif, w.a, w.L, w.question_text)
    ]
    outcome = (
        f"{verdict_name(whatif.verdict, w.lang)}, {level_name(whatif.level, w.lang)}, "
        f"{number(whatif.score, w.lang)} / 100"
    )
    return tuple(lines[:SHEET_ACTIONS]), outcome, max(0, len(lines) - SHEET_ACTIONS)


def _place(f: FindingView) -> str:
    """Where a finding goes in its section: a card, a table row, or a name in the minor line.

    Serious findings (critical, high) get a card with what to do; a pending one, or a
    medium one, a row with its answer; a low or informative one only its name (its
    answer is in the annex).
    """
    if f.severity in MINOR_SEVERITIES and not f.pending:
        return "minor"
    if f.severity in CARD_SEVERITIES and not f.pending:
        return "card"
    return "row"


def by_section(
    findings: list[FindingView] | tuple[FindingView, ...],
    categories: tuple[CategoryView, ...],
    order: tuple[str, ...],
) -> tuple[SectionFindings, ...]:
    """The findings grouped by section (the sections in questionnaire order), most severe first."""
    rank = {sev: i for i, sev in enumerate(order)}
    out: list[SectionFindings] = []
    for cat in categories:
        ours = [f for f in findings if f.category_id == cat.id]
        # Knock-outs have their cards in the blocking part; unknown answers are in the
        # list of what to obtain: a section only counts the latter.
        unknown = sum(1 for f in ours if f.unknown and not f.knockout)
        mine = sorted(
            (f for f in ours if not f.knockout and not f.unknown),
            key=lambda f: rank.get(f.severity, len(rank)),
        )
        if not mine and not unknown:
            continue
        out.append(
            SectionFindings(
                id=cat.id,
                title=cat.title,
                score=cat.score,
                level=cat.level,
                level_name=cat.level_name,
                cards=tuple(f for f in mine if _place(f) == "card"),
                rows=tuple(f for f in mine if _place(f) == "row"),
                minor=tuple(f for f in mine if _place(f) == "minor"),
                unknown=unknown,
            )
        )
    rest = [
        f
        for f in findings
        if f.category_id not in {c.id for c in categories} and not f.knockout and not f.unknown
    ]
    if rest:
        rest.sort(key=lambda f: rank.get(f.severity, len(rank)))
        out.append(
            SectionFindings(
                id="other",
                title="",
                score="",
                level="",
                level_name="",
                cards=tuple(f for f in rest if _place(f) == "card"),
                rows=tuple(f for f in rest if _place(f) == "row"),
                minor=tuple(f for f in rest if _place(f) == "minor"),
            )
        )
    return tuple(out)


__all__ = ["by_section", "decision_sheet", "who"]

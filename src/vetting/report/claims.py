"""The words that keep a report from reassuring wrongly.

One risk scale said once ("0 = no risk found, 100 = every risk"), the level
with the points level it was raised from, and, in the verdict box, what a
reader must not miss: an answer that contradicts the scope, evidence missing,
expired or only declared where a claim needs it. `context.py` builds the
report; these helpers give it the sentences, in one language.
"""

from __future__ import annotations

from collections.abc import Callable

from vetting.assess.answers import Decision
from vetting.assess.assessment import Assessment, Pending, WhatIf
from vetting.i18n import level_raised, scale_legend
from vetting.ruleset.model import RuleSet
from vetting.words import fill, long_date

Words = dict[str, str]
QuestionText = Callable[[str], str]


def level_note(a: Assessment, lang: str) -> str:
    """`level from points: low, raised to critical by 4 knock-outs`, or ""."""
    raised = [(r.kind, len(r.ids)) for r in a.level_raised_by if r.level == a.level]
    text = level_raised(a.points_level, a.level, raised, lang)
    return f"{text[:1].upper()}{text[1:]}." if text else ""


def scale_note(rs: RuleSet, lang: str) -> str:
    """What the score and the level mean, with this rule set's floors."""
    floors = rs.scoring.level_floors
    return scale_legend(floors.knockout, floors.pending, floors.severity.items(), lang)


def verdict_box_lines(
    a: Assessment, L: Words, question: QuestionText, lang: str
) -> tuple[str, ...]:
    """What holds the verdict back besides the knock-outs: one line per item.

    Contradictions and missing or expired evidence leave knock-outs pending;
    declared evidence where verified is required is shown, though it counts.
    """
    valid_until = {e.question: e.valid_until for e in a.evidence}
    out: list[str] = []
    for item in a.pending:
        if item.kind not in ("contradiction", "evidence"):
            continue
        key = "claim_contradiction" if item.kind == "contradiction" else f"claim_{item.evidence}"
        until = valid_until.get(item.id)
        out.append(
            fill(
                L[key],
                {
                    "question": question(item.id),
                    "date": long_date(until, lang) if until else "",
                    "status": L[f"evidence_{item.evidence_required or 'declared'}"],
                },
            )
        )
    for record in a.evidence:
        if record.unverified:
            out.append(fill(L["claim_unverified"], {"question": question(record.question)}))
    return tuple(out)


def pending_reason(item: Pending, L: Words) -> str:
    """Why a knock-out is pending, in a few words."""
    if item.kind == "evidence":
        return fill(
            L[f"pending_reason_evidence_{item.evidence}"],
            {"status": L[f"evidence_{item.evidence_required or 'declared'}"]},
        )
    return L[f"pending_reason_{item.kind}"]


def goal(whatif: WhatIf, L: Words, name: QuestionText) -> str:
    """The target of a what-if: one knock-out (by `name`, never by id), or all of them."""
    if whatif.id is None and whatif.target in ("knockout", "pending"):
        return L[f"goal_{whatif.target}_all"]
    text = L[f"goal_{whatif.target}"]
    return f"{text} ({name(whatif.id)})" if whatif.id else text


def note_words(whatif: WhatIf, L: Words, name: QuestionText) -> str:
    """Why a what-if falls short, in the report's language (the JSON's `note` is English),
    the items that block by `name`."""
    if whatif.reason is None:
        return ""
    if whatif.reason == "cannot_be_lifted":
        items = ", ".join(map(name, whatif.blocked_by))
        return fill(L["whatif_note_cannot_be_lifted"], {"items": items})
    return L[f"whatif_note_{whatif.reason}"]


def evidence_words(
    whatif: WhatIf, a: Assessment, L: Words, question: QuestionText
) -> tuple[str, ...]:
    """`record the evidence (verified): <question>`, for each proof a what-if assumes."""
    needed = {e.question: e.required for e in a.evidence}
    needed.update({p.id: p.evidence_required for p in a.pending if p.kind == "evidence"})
    return tuple(
        fill(
            L["record_evidence"],
            {
                "question": question(qid),
                "status": L[f"evidence_{needed.get(qid) or 'verified'}"],
            },
        )
        for qid in whatif.evidence
    )


def members(decision: Decision | None) -> tuple[str, ...]:
    """`Dr Claire Martin, présidente de la CME`: who decided, as recorded."""
    if decision is None:
        return ()
    return tuple(f"{m.name}, {m.role}" for m in decision.members)


__all__ = [
    "evidence_words",
    "goal",
    "level_note",
    "members",
    "note_words",
    "pending_reason",
    "scale_note",
    "verdict_box_lines",
]

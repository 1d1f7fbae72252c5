"""Answers handed on to the documents a DPO writes next: the PIA file and the FRIA draft.

Both documents quote named answers under headings of their own. `answer_lines`
reads them once, in one language: the question, the answer as a reader says it,
the assessor's note and the evidence seen. An answer nobody knows is never
filled in: it becomes "To be completed: ask the vendor for <the evidence the
rule set names>" (or "by the establishment" for a question only the buyer can
answer), so the draft shows what is missing instead of inventing it. A question
that does not apply is left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from vetting import catalog
from vetting.errors import Position, Problem, VettingError
from vetting.report.wording import Wording
from vetting.ruleset.conditions import (
    ABSENT,
    UNKNOWN,
    Predicate,
    compile_condition,
    definitions_of,
)
from vetting.words import fill, typo


@dataclass(frozen=True)
class Line:
    """One answer quoted in a draft; `known` is False for a "to be completed" line.

    `note` and `evidence` come from the answers file (untrusted): each output
    escapes them its own way.
    """

    question_id: str
    question: str
    answer: str
    known: bool
    note: str = ""
    evidence: str = ""


def draft_text(lang: str, key: str) -> str:
    """A word of the drafts' catalog (`drafts.` keys, written whole), typeset."""
    return typo(catalog.text(lang, key), lang)


def to_complete(w: Wording, qid: str) -> str:
    """What to do about an unknown answer: whom to ask, and for what."""
    question = w.c.question_by_id[qid]
    if question.asked_of == "buyer":
        return draft_text(w.lang, "drafts.ask_buyer")
    wanted = w.text(question.evidence).rstrip(".")
    if not wanted:
        return draft_text(w.lang, "drafts.ask_vendor_plain")
    # "La liste des centres..." reads "ask the vendor for the list of...".
    wanted = wanted[:1].lower() + wanted[1:]
    return fill(draft_text(w.lang, "drafts.ask_vendor"), {"evidence": wanted}) + "."


def answer_lines(w: Wording, qids: Iterable[str]) -> tuple[Line, ...]:
    """The answers of `qids` that apply, in that order, each once."""
    out: list[Line] = []
    seen: set[str] = set()
    for qid in qids:
        if qid in seen or qid not in w.c.question_by_id:
            continue  # another rule set: this answer is not there
        seen.add(qid)
        value = w.state.get(qid, ABSENT)
        if value is ABSENT:
            continue
        record = w.evidence.get(qid)
        note = w.answers.notes.get(qid, "")
        evidence = record.text if record is not None else ""
        if value is UNKNOWN:
            out.append(Line(qid, w.question_text(qid), to_complete(w, qid), False, note, evidence))
            continue
        answer = w.answer_text(qid, w.answers.answers.get(qid))
        out.append(Line(qid, w.question_text(qid), answer, True, note, evidence))
    return tuple(out)


def holds(w: Wording, condition: Any, where: str) -> bool | None:
    """Whether a rule-set condition holds for these answers (None: an unknown answer decides).

    `where` names the data file the condition comes from: a user's copy may name a
    definition this rule set does not have.
    """
    unknown = sorted(definitions_of(condition) - set(w.c.definitions))
    if unknown:
        raise VettingError(
            Problem(
                Position(where),
                f"condition names '{unknown[0]}', which rule set {w.rs.id} does not define",
                hint=f"use one of: {', '.join(sorted(w.c.definitions))}",
            )
        )
    predicate: Predicate = compile_condition(condition, w.c.definitions)
    return predicate(w.state, w.a.assessment_date)


__all__ = ["Line", "answer_lines", "draft_text", "holds", "to_complete"]

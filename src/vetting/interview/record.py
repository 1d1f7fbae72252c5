"""The evidence behind an answer and the committee's decision, asked in the terminal.

Both end in the answers file, so both are checked by the file's own reader
(`check_answers`) before they are kept: what the questionnaire records is
always a file that `vetting score` reads back. The prompts check each field as
it is typed, in the user's language, so that final check normally has nothing
to say.

The decision is asked field by field (`_DECISION_STEPS`): a new field of the
decision record is one more step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from vetting import catalog
from vetting.assess.answers import (
    OUTCOMES,
    Answers,
    Decision,
    DecisionCondition,
    DecisionMember,
    Evidence,
    check_answers,
)
from vetting.assess.assessment import Assessment
from vetting.assess.review import decision_problems
from vetting.errors import Problem, VettingError
from vetting.interview.prompts import Interrupted, Terminal
from vetting.ruleset.compiled import CompiledRuleSet

#: The outcome the pointer starts on, after the verdict the answers reach.
_SUGGESTED = {
    "accept": "accept",
    "conditional": "accept_with_conditions",
    "pending_evidence": "reject",
    "reject": "reject",
}


class Unfinished(KeyboardInterrupt):
    """Ctrl-C in the middle of the evidence step, with what was typed so far."""

    def __init__(self, partial: Evidence) -> None:
        super().__init__()
        self.partial = partial


def parse_day(raw: str) -> dt.date:
    """A date typed as YYYY-MM-DD, as the answers file reads it; ValueError otherwise."""
    return dt.date.fromisoformat(raw.strip())


def ask_day(
    term: Terminal,
    message: str,
    default: dt.date | None = None,
    *,
    required: bool = False,
    not_before: tuple[dt.date, str] | None = None,
    after: tuple[dt.date, str] | None = None,
) -> dt.date | None:
    """A date, or None when left empty (if allowed); `not_before` and `after` give a bound
    and the message (with `{day}`) shown when the date breaks it."""
    lang = term.lang

    def check(raw: str) -> bool | str:
        if not raw.strip():
            return catalog.text(lang, "interview.required") if required else True
        try:
            day = parse_day(raw)
        except ValueError:
            return catalog.text(lang, "interview.not_a_date")
        if not_before is not None and day < not_before[0]:
            return not_before[1].format(day=not_before[0])
        if after is not None and day <= after[0]:
            return after[1].format(day=after[0])
        return True

    raw = term.text(message, default=default.isoformat() if default else "", validate=check)
    return parse_day(raw) if raw else None


def ask_required(term: Terminal, message: str, default: str = "") -> str:
    """A text that cannot be left empty."""
    required = catalog.text(term.lang, "interview.required")
    return term.text(message, default=default, validate=lambda raw: bool(raw.strip()) or required)


def ask_evidence(term: Terminal, existing: Evidence | None) -> Evidence | None:
    """The evidence behind an answer: its text, then status and dates; None to skip it.

    Enter on an empty text skips the step (or, when the recorded text was erased
    on purpose, removes the evidence). Ctrl-C raises `Unfinished` with what was
    typed, so the caller keeps it.
    """
    lang = term.lang
    try:
        text = term.text(
            catalog.text(lang, "interview.evidence_text"), default=existing.text if existing else ""
        )
    except Interrupted as exc:
        if exc.typed:
            raise Unfinished(_evidence(existing, text=exc.typed)) from None
        raise
    if not text:
        return None
    record = _evidence(existing, text=text)
    try:
        status = term.select(
            catalog.text(lang, "interview.evidence_status"),
            [
                (catalog.text(lang, "interview.status_declared"), "declared"),
                (catalog.text(lang, "interview.status_verified"), "verified"),
            ],
            pointer=record.status or "declared",
        )
        record = record.model_copy(update={"status": status})
        issued = ask_day(term, catalog.text(lang, "interview.evidence_issued"), record.issued)
        record = record.model_copy(update={"issued": issued})
        bound = (issued, catalog.text(lang, "interview.expires_before_issued")) if issued else None
        expires = ask_day(
            term, catalog.text(lang, "interview.evidence_expires"), record.expires, not_before=bound
        )
        record = record.model_copy(update={"expires": expires})
    except KeyboardInterrupt:
        raise Unfinished(record) from None
    return record


def _evidence(existing: Evidence | None, *, text: str) -> Evidence:
    if existing is None:
        return Evidence(text=text)
    return existing.model_copy(update={"text": text})


@dataclass
class DecisionDraft:
    """The decision as typed so far: each step reads and fills it."""

    knockouts: Sequence[str]
    outcome: str = "reject"
    #: The verdict decided on: accepting a tool still pending evidence is confirmed first.
    verdict: str = ""
    by: str = ""
    members: list[DecisionMember] = field(default_factory=list)
    date: dt.date | None = None
    rationale: str = ""
    conditions: list[DecisionCondition] = field(default_factory=list)
    next_review: dt.date | None = None
    knockout_justification: str | None = None

    @classmethod
    def start(
        cls, existing: Decision | None, verdict: str, knockouts: Sequence[str], today: dt.date
    ) -> DecisionDraft:
        if existing is None:
            suggested = _SUGGESTED.get(verdict, "reject")
            return cls(knockouts, outcome=suggested, verdict=verdict, date=today)
        return cls(
            knockouts,
            outcome=existing.outcome,
            verdict=verdict,
            by=existing.by,
            members=list(existing.members),
            date=existing.date,
            rationale=existing.rationale,
            conditions=list(existing.conditions),
            next_review=existing.next_review,
            knockout_justification=existing.knockout_justification,
        )

    def decision(self) -> Decision:
        assert self.date is not None  # the date step requires one
        return Decision.model_validate(
            {
                "outcome": self.outcome,
                "by": self.by,
                "members": tuple(self.members),
                "date": self.date,
                "rationale": self.rationale,
                "conditions": tuple(self.conditions),
                "next_review": self.next_review,
                "knockout_justification": self.knockout_justification,
            }
        )


def _outcome(term: Terminal, draft: DecisionDraft) -> None:
    lang = term.lang
    options = [
        (catalog.text(lang, "interview.outcomes." + outcome), outcome) for outcome in OUTCOMES
    ]
    while True:
        draft.outcome = term.select(
            catalog.text(lang, "interview.decision_outcome"), options, pointer=draft.outcome
        )
        if draft.verdict != "pending_evidence" or draft.outcome == "reject":
            return
        # Accepting before the evidence is in is the committee's call, made knowingly.
        term.say(catalog.text(lang, "interview.accept_pending_warning"))
        if term.yes_no(catalog.text(lang, "interview.accept_pending_confirm"), pointer=False):
            return
        draft.outcome = "reject"  # asked again from the safe answer, not the one declined


def _by(term: Terminal, draft: DecisionDraft) -> None:
    draft.by = ask_required(term, catalog.text(term.lang, "interview.decision_by"), draft.by)


def _members(term: Terminal, draft: DecisionDraft) -> None:
    """Who sat on the committee, each a name and a role; none is fine.

    Each recorded member is offered again: Enter keeps it, and erasing a name
    ends the list there (as for conditions).
    """
    lang = term.lang
    earlier = list(draft.members)
    kept: list[DecisionMember] = []
    while True:
        n = len(kept) + 1
        before = earlier[n - 1] if n <= len(earlier) else None
        name = term.text(
            catalog.text(lang, "interview.member_name").format(n=n),
            default=before.name if before else "",
        )
        if not name:
            break
        role = ask_required(
            term,
            catalog.text(lang, "interview.member_role").format(n=n),
            before.role if before else "",
        )
        kept.append(DecisionMember(name=name, role=role))
    draft.members = kept


def _date(term: Terminal, draft: DecisionDraft) -> None:
    draft.date = ask_day(
        term, catalog.text(term.lang, "interview.decision_date"), draft.date, required=True
    )


def _rationale(term: Terminal, draft: DecisionDraft) -> None:
    draft.rationale = ask_required(
        term, catalog.text(term.lang, "interview.decision_rationale"), draft.rationale
    )


def _conditions(term: Terminal, draft: DecisionDraft) -> None:
    """The conditions of an acceptance: each a text and a due date; at least one."""
    lang = term.lang
    if draft.outcome != "accept_with_conditions":
        draft.conditions = []
        return
    assert draft.date is not None
    bound = (draft.date, catalog.text(lang, "interview.due_before_decision"))
    earlier = list(draft.conditions)
    kept: list[DecisionCondition] = []
    while True:
        n = len(kept) + 1
        before = earlier[n - 1] if n <= len(earlier) else None
        text = term.text(
            catalog.text(lang, "interview.condition_text").format(n=n),
            default=before.text if before else "",
        )
        if not text:
            if kept:
                break
            term.say(catalog.text(lang, "interview.conditions_needed"))
            continue
        due = ask_day(
            term,
            catalog.text(lang, "interview.condition_due").format(n=n),
            before.due if before else None,
            required=True,
            not_before=bound,
        )
        assert due is not None
        done = False
        if before is not None:  # a condition recorded earlier may have been met since
            done = term.yes_no(
                catalog.text(lang, "interview.condition_done").format(n=n), pointer=before.done
            )
        kept.append(DecisionCondition(text=text, due=due, done=done))
    draft.conditions = kept


def _next_review(term: Terminal, draft: DecisionDraft) -> None:
    assert draft.date is not None
    bound = (draft.date, catalog.text(term.lang, "interview.review_not_after"))
    draft.next_review = ask_day(
        term, catalog.text(term.lang, "interview.next_review"), draft.next_review, after=bound
    )


def _justification(term: Terminal, draft: DecisionDraft) -> None:
    """Accepting despite a knock-out needs written reasons; rejecting takes none."""
    if draft.outcome == "reject" or not draft.knockouts:
        draft.knockout_justification = None
        return
    message = catalog.text(term.lang, "interview.ko_justification").format(
        ids=", ".join(draft.knockouts)
    )
    draft.knockout_justification = ask_required(term, message, draft.knockout_justification or "")


#: The decision record, one step per field, in the order of the file format.
_DECISION_STEPS: tuple[Callable[[Terminal, DecisionDraft], None], ...] = (
    _outcome,
    _by,
    _members,
    _date,
    _rationale,
    _conditions,
    _next_review,
    _justification,
)


def file_problems(
    answers: Answers, compiled: CompiledRuleSet, knockouts: Sequence[str]
) -> list[Problem]:
    """What the answers file's reader (and the check after scoring) would refuse."""
    try:
        check_answers(answers, compiled)
    except VettingError as exc:
        return exc.problems
    return decision_problems(knockouts, answers)


def ask_decision(
    term: Terminal,
    answers: Answers,
    compiled: CompiledRuleSet,
    *,
    verdict: str,
    knockouts: Sequence[str],
    today: dt.date,
) -> Answers:
    """The answers with the committee's decision, asked field by field and checked.

    The pointer starts on the outcome the verdict suggests, or the one recorded;
    every field starts from what is recorded. Asked again (with what was typed)
    until the answers file accepts it.
    """
    draft = DecisionDraft.start(answers.decision, verdict, knockouts, today)
    while True:
        for step in _DECISION_STEPS:
            step(term, draft)
        candidate = answers.model_copy(update={"decision": draft.decision()})
        problems = file_problems(candidate, compiled, knockouts)
        if not problems:
            return candidate
        term.say(catalog.text(term.lang, "interview.invalid"))
        for problem in problems:
            term.say(f"  {problem.path}: {problem.message}" if problem.path else f"  {problem}")


def ask_decision_on(
    term: Terminal,
    answers: Answers,
    compiled: CompiledRuleSet,
    assessment: Assessment,
    today: dt.date,
) -> Answers:
    """`ask_decision` once the answers are scored: the outcome `assessment` suggests."""
    return ask_decision(
        term,
        answers,
        compiled,
        verdict=assessment.verdict,
        knockouts=assessment.knockout_ids,
        today=today,
    )


def record_evidence(
    answers: Answers, compiled: CompiledRuleSet, question_id: str, record: Evidence | None
) -> tuple[Answers, list[Problem]]:
    """The answers with this evidence (or without any, for None), and what the file refuses."""
    evidence: dict[str, Any] = dict(answers.evidence)
    if record is None:
        evidence.pop(question_id, None)
    else:
        evidence[question_id] = record
    candidate = answers.model_copy(update={"evidence": evidence})
    return candidate, file_problems(candidate, compiled, ())


__all__ = [
    "Unfinished",
    "ask_day",
    "ask_decision",
    "ask_decision_on",
    "ask_evidence",
    "ask_required",
    "file_problems",
    "parse_day",
    "record_evidence",
]

"""Dates that move: evidence that expires, reviews that fall due, decisions to check.

All of it is computed against a date given as a parameter, never the clock:
`score()` passes the assessment date, and `vetting portfolio` passes the day
it is run (or `--today`), so the same inputs always give the same result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from vetting.assess.answers import Answers, Decision, DecisionCondition, Evidence
from vetting.assess.assessment import Assessment, EvidenceStatus, ReviewStatus
from vetting.dates import add_months
from vetting.errors import Position, Problem
from vetting.ruleset.compiled import CompiledRuleSet


def valid_until(record: Evidence, valid_months: int | None) -> dt.date | None:
    """The last day evidence holds: its own `expires`, else `issued` + the rule set's period.

    The evidence's own date wins: a certificate says how long it runs.
    """
    if record.expires is not None:
        return record.expires
    if record.issued is not None and valid_months is not None:
        return add_months(record.issued, valid_months)
    return None


def evidence_statuses(
    compiled: CompiledRuleSet, answers: Answers, day: dt.date
) -> tuple[EvidenceStatus, ...]:
    """Each evidence entry with its validity, checked on `day`."""
    out: list[EvidenceStatus] = []
    for qid, record in answers.evidence.items():
        question = compiled.question_by_id.get(qid)
        months = question.evidence_valid_months if question is not None else None
        until = valid_until(record, months)
        out.append(
            EvidenceStatus(
                question=qid,
                text=record.text,
                status=record.status,
                issued=record.issued,
                expires=record.expires,
                expired=until is not None and until < day,
                valid_until=until,
                undated=months is not None and record.issued is None and record.expires is None,
            )
        )
    return tuple(out)


def expired_on(evidence: Iterable[EvidenceStatus], day: dt.date) -> tuple[EvidenceStatus, ...]:
    """The evidence no longer valid on `day` (a portfolio checks on the day it is read)."""
    return tuple(e for e in evidence if e.valid_until is not None and e.valid_until < day)


def review_status(
    decision: Decision | None,
    assessed: dt.date,
    period_months: int | None,
    day: dt.date,
) -> ReviewStatus:
    """The next review and what is overdue on `day`.

    The committee's date wins; else the rule set's review period runs from the
    assessment date.
    """
    overdue: tuple[DecisionCondition, ...] = ()
    if decision is not None:
        overdue = tuple(c for c in decision.conditions if not c.done and c.due < day)
    if decision is not None and decision.next_review is not None:
        return ReviewStatus(
            next_review=decision.next_review,
            basis="decision",
            due=decision.next_review <= day,
            overdue_conditions=overdue,
        )
    if period_months is not None:
        next_review = add_months(assessed, period_months)
        return ReviewStatus(
            next_review=next_review,
            basis="review_period",
            due=next_review <= day,
            overdue_conditions=overdue,
        )
    return ReviewStatus(overdue_conditions=overdue)


def review_on(assessment: Assessment, day: dt.date) -> ReviewStatus:
    """The assessment's review status checked on another day than its own date."""
    review = assessment.review
    overdue: tuple[DecisionCondition, ...] = ()
    if assessment.decision is not None:
        overdue = tuple(c for c in assessment.decision.conditions if not c.done and c.due < day)
    return review.model_copy(
        update={
            "due": review.next_review is not None and review.next_review <= day,
            "overdue_conditions": overdue,
        }
    )


def accepted_despite_knockout(
    decision: Decision | None, knockouts: int, assessment_date: dt.date | None
) -> bool:
    """Whether the committee accepts, on these answers, a tool that a knock-out blocks.

    A decision older than the assessment accepts nothing of it (`decision_outdated`).
    """
    return (
        decision is not None
        and decision.outcome != "reject"
        and knockouts > 0
        and not decision_outdated(decision, assessment_date)
    )


def accepted_pending(
    decision: Decision | None, verdict: str, assessment_date: dt.date | None
) -> bool:
    """Whether the committee accepts, on these answers, a tool whose evidence is pending.

    What is missing could still block the tool. An outdated decision is reported as
    outdated instead: it was not taken on these answers.
    """
    return (
        decision is not None
        and decision.outcome != "reject"
        and verdict == "pending_evidence"
        and not decision_outdated(decision, assessment_date)
    )


def decision_outdated(decision: Decision | None, assessment_date: dt.date | None) -> bool:
    """A decision dated before the assessment it sits with: it was taken on earlier answers.

    Re-assessing a tool (a new version, new answers) keeps the old decision in the
    file until the committee decides again; until then it covers nothing that is
    shown, and must not be read as a decision on these answers.
    """
    return decision is not None and assessment_date is not None and decision.date < assessment_date


def decision_problems(knockouts: Sequence[str], answers: Answers) -> list[Problem]:
    """What is wrong with a decision once the answers are scored (`knockouts`: fired ids).

    Accepting a tool despite a knock-out needs a written justification: the
    loader cannot tell (it does not score), so every command that scores and
    shows a decision calls this and treats a problem as an input error.
    """
    decision = answers.decision
    if not accepted_despite_knockout(decision, len(knockouts), answers.date):
        return []  # an outdated decision accepts nothing of these answers (see the alerts)
    assert decision is not None
    if decision.knockout_justification:
        return []
    where = answers.decision_position or Position(answers.source or "<answers>")
    ids = ", ".join(knockouts)
    return [
        Problem(
            where,
            f"'{decision.outcome}' while a knock-out holds ({ids})",
            "decision.outcome",
            "write the committee's reasons in decision.knockout_justification, or reject",
        )
    ]


__all__ = [
    "accepted_despite_knockout",
    "accepted_pending",
    "decision_outdated",
    "decision_problems",
    "evidence_statuses",
    "expired_on",
    "review_on",
    "review_status",
    "valid_until",
]

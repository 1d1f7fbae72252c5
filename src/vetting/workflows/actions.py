"""What a portfolio row asks someone to do, on the day the portfolio is read.

A row that needs nothing must really need nothing: a rejected tool with no
decision, a pending or conditional tool nobody decided on, a tool used despite
a knock-out or while evidence that could block it is still missing, a decision
older than the assessment it sits with, a review or a condition overdue,
evidence expired, rules past their review date or not the ones used, and an
assessment dated in the future all ask for action. Each reason is a code; the page says it in words.
"""

from __future__ import annotations

import datetime as dt

from vetting.assess.assessment import Assessment
from vetting.assess.review import accepted_pending, decision_outdated
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.stale import is_stale

#: Every reason, in the order a row lists them (the most serious first).
ACTIONS = (
    "reject",
    "accepted_despite_knockout",
    "no_decision",
    "accepted_pending",
    "decision_outdated",
    "future_date",
    "review_overdue",
    "review_due",
    "condition_overdue",
    "evidence_expired",
    "stale_rules",
    "other_rules",
)


def actions_of(
    a: Assessment,
    written_for: str,
    compiled: CompiledRuleSet,
    today: dt.date,
    *,
    review_state: str,
    overdue_conditions: int,
    expired: int,
) -> tuple[str, ...]:
    """The reasons a row needs action, in `ACTIONS` order; () when it needs none.

    `written_for` is the answers file's `ruleset` (`id@version`): an assessment
    written for another version is read with warnings, and should be redone.
    """
    found: set[str] = set()
    decision = a.decision
    if a.verdict == "reject":
        if a.accepted_despite_knockout:
            found.add("accepted_despite_knockout")
        elif decision is None or decision.outcome != "reject":
            found.add("reject")
    elif a.verdict in ("pending_evidence", "conditional") and decision is None:
        found.add("no_decision")
    elif accepted_pending(decision, a.verdict, a.assessment_date):
        found.add("accepted_pending")
    if decision_outdated(decision, a.assessment_date):
        found.add("decision_outdated")
    if a.assessment_date > today:
        found.add("future_date")
    if review_state in ("overdue", "due"):
        found.add(f"review_{review_state}")
    if overdue_conditions:
        found.add("condition_overdue")
    if expired:
        found.add("evidence_expired")
    if is_stale(compiled, today):
        found.add("stale_rules")
    _, _, version = written_for.partition("@")
    if version and version != compiled.ruleset.version:
        found.add("other_rules")
    return tuple(code for code in ACTIONS if code in found)


__all__ = ["ACTIONS", "actions_of"]

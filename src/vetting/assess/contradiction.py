"""Contradictions never lower risk: an answer the scope contradicts counts as unknown.

"No third-party hosting" for a SaaS is not a low-risk answer, it is a wrong
one; scored on its face it would avoid the HDS knock-out. A finding rule
marked `contradicts_scope: <question>` names the answer it catches: while
the rule holds (or may hold, when a scope answer is unknown), that answer is
scored as `unknown`, the worst case, and its knock-outs stay pending until
the contradiction is resolved. The rule reads only scope questions and that
one (the checker enforces it), so it can be decided as soon as the answer is
read, before anything else depends on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from vetting.ruleset.conditions import UNKNOWN, Predicate, Truth

if TYPE_CHECKING:
    from vetting.assess.prepare import PreparedRule
    from vetting.ruleset.compiled import CompiledRuleSet


def check(
    rules: Sequence[PreparedRule],
    state: Mapping[str, Any],
    day: dt.date,
    truths: dict[str, Truth],
) -> bool:
    """Whether the answer in `state` may contradict the scope; records each rule's truth.

    Only a rule that holds raises a finding; one left undecided by an unknown
    scope answer still voids the answer, as the worst case.
    """
    contradicted = False
    for pr in rules:
        truth = pr.condition(state, day)
        truths[pr.id] = truth
        contradicted = contradicted or truth is not False
    return contradicted


def contradicts(
    conditions: Sequence[Predicate],
    qid: str,
    value: Any,
    state: Mapping[str, Any],
    day: dt.date,
) -> bool:
    """Whether answering `value` to `qid` would contradict the scope in `state`.

    `conditions` are those of the rules that name `qid` (`conditions_for`).
    "What would change the result" never proposes such an answer, and the live
    level never assumes one for a question not asked yet.
    """
    if not conditions or value is UNKNOWN:
        return False
    trial = {**state, qid: value}
    return any(condition(trial, day) is not False for condition in conditions)


def conditions_for(compiled: CompiledRuleSet, qid: str) -> tuple[Predicate, ...]:
    """The conditions of the finding rules marked `contradicts_scope: qid`."""
    return tuple(
        compiled.finding_conditions[rule.id]
        for rule in compiled.findings
        if rule.contradicts_scope == qid
    )


__all__ = ["check", "conditions_for", "contradicts"]

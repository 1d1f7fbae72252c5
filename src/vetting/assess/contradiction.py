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

from vetting.ruleset.conditions import UNKNOWN, Truth

if TYPE_CHECKING:
    from vetting.assess.score import PreparedRule


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
    rules: Sequence[PreparedRule], qid: str, value: Any, state: Mapping[str, Any], day: dt.date
) -> bool:
    """Whether answering `value` to `qid` would contradict the scope in `state`.

    "What would change the result" never proposes such an answer.
    """
    if not rules or value is UNKNOWN:
        return False
    trial = {**state, qid: value}
    return any(pr.condition(trial, day) is not False for pr in rules)


__all__ = ["check", "contradicts"]

"""Which answer is worse: derived from what each choice does, not from the order it is shown in.

Authors list choices in the order their readers expect ("Yes / No", "Oui /
Non"). Monotonicity, "what would change the result", the rule tests' "best
choice" and the evidence a worse answer inherits all need a risk order
instead; it is derived, in this order, from: a choice that can knock out, its
severity, its points (more risk, then less mitigation, is worse), then the
author's explicit `rank` where these tie, then the order written. The checker
(`check.py`) makes sure the points agree with the order, so a worse answer
never scores lower.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import get_args

from vetting.ruleset.model import Choice, Question, Severity

#: Choice severities from the mildest.
SEVERITY_ORDER: tuple[str, ...] = get_args(Severity)


def risk_key(
    choice: Choice, index: int, pools: Sequence[str], score_pool: str
) -> tuple[float, ...]:
    """What ranks a choice: knock-out, severity, risk points, less mitigation, rank, position."""
    mitigation = sum(choice.points.get(pool, 0) for pool in pools if pool != score_pool)
    return (
        float(choice.knockout is not None),
        float(SEVERITY_ORDER.index(choice.severity)),
        float(choice.points.get(score_pool, 0)),
        -float(mitigation),
        float(choice.rank or 0),
        float(index),
    )


def by_risk(question: Question, pools: Sequence[str], score_pool: str) -> tuple[Choice, ...]:
    """The question's choices from the lowest risk to the highest."""
    ranked = sorted(
        enumerate(question.choices), key=lambda item: risk_key(item[1], item[0], pools, score_pool)
    )
    return tuple(choice for _, choice in ranked)


__all__ = ["SEVERITY_ORDER", "by_risk", "risk_key"]

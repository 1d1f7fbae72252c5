"""The points each answer brings, as the report's appendix and the checklist show them.

The scorer's own figures (`Assessment.answer_points`), never recomputed here: the
weighted points each relevant answer added before the adjustments. Pools come in the
rule set's order, and a pool the answer gives nothing is left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from vetting.assess.assessment import Assessment
from vetting.words import amount


def question_points(assessment: Assessment, qid: str) -> dict[str, float]:
    """The points the scorer added for a question's answer (none for scope or unasked ones)."""
    return dict(assessment.answer_points.get(qid, {}))


def points_text(
    values: Mapping[str, float], pools: Sequence[str], labels: Mapping[str, str], lang: str
) -> str:
    """`risk 4 · mitigation 1.5`: each pool with points, in the rule set's order."""
    return " · ".join(
        f"{labels.get('pool_' + pool, pool)} {amount(values[pool], lang)}"
        for pool in pools
        if values.get(pool)
    )


__all__ = ["points_text", "question_points"]

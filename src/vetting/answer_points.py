"""The points each answer brings, as the report's appendix and the checklist show them.

For an answer behind a finding, the scorer's own figure; for any other answer,
its choices' points times the question's and the section's weights, in Decimal
arithmetic as the scorer does, so `1.2 x 1.5` shows as `1.8`. Pools come in the
rule set's order, and a pool the answer gives nothing is left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from vetting.assess.answers import UNKNOWN_ANSWER
from vetting.assess.assessment import Assessment
from vetting.assess.numbers import dec
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.model import Question
from vetting.words import amount


def weighted_points(compiled: CompiledRuleSet, q: Question, value: Any) -> dict[str, float]:
    """Weighted points of an answer: choice points x question weight x section weight."""
    if value is None or value == UNKNOWN_ANSWER or not q.choices:
        return {}
    chosen = value if isinstance(value, list) else [value]
    cat = compiled.category_by_id[q.category or ""]
    weight = dec(q.weight) * dec(cat.weight)
    totals: dict[str, Decimal] = {}
    for cid in chosen:
        choice = compiled.choice(q.id, str(cid))
        if choice is None:
            continue
        for pool, points in choice.points.items():
            totals[pool] = totals.get(pool, Decimal(0)) + dec(points) * weight
    pools = compiled.ruleset.scoring.pools
    return {pool: float(totals[pool]) for pool in pools if totals.get(pool)}


def question_points(
    compiled: CompiledRuleSet, assessment: Assessment, q: Question, value: Any
) -> dict[str, float]:
    """The points a question contributes: the scorer's for a finding, else the answer's own."""
    for finding in assessment.findings:
        if (
            finding.kind != "rule"
            and finding.id == q.id
            and (finding.points or value in (None, UNKNOWN_ANSWER))
        ):
            return dict(finding.points)
    return weighted_points(compiled, q, value)


def points_text(
    values: Mapping[str, float], pools: Sequence[str], labels: Mapping[str, str], lang: str
) -> str:
    """`risk 4 · mitigation 1.5`: each pool with points, in the rule set's order."""
    return " · ".join(
        f"{labels.get('pool_' + pool, pool)} {amount(values[pool], lang)}"
        for pool in pools
        if values.get(pool)
    )


__all__ = ["points_text", "question_points", "weighted_points"]

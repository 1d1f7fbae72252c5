"""Which answers a what-if tries, in which order, and which it never proposes.

The explanation's searches (explain.py) move answers towards better ones: the
candidates for a question are its answers from the fewest risk points up, never
one the scope contradicts or the rule set marks `proposed: false`, and never
one that certainly knocks out on its own.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from vetting.assess import contradiction
from vetting.assess.evaluate import Run, answer_points
from vetting.assess.incremental import graph
from vetting.assess.numbers import ZERO
from vetting.assess.prepare import Prepared, PreparedQuestion
from vetting.ruleset.conditions import ABSENT


def knocks_out(prep: Prepared, run: Run, pq: PreparedQuestion, value: Any) -> bool:
    """Whether answering `value` alone certainly knocks out, so no search need try it.

    `value` is a knock-out answer whose condition holds, and the condition reads
    no answer the change can move (the question itself, what depends on it, or
    what a contradiction rule decides). The trial would raise the knock-out
    `pq.id=value`, which no goal of `_search` allows: the run it starts from
    cannot have had it, since the question had another answer.
    """
    when = pq.knockouts.get(value) if isinstance(value, str) else None
    if when is None or pq.question.type != "single" or prep.contradictions.get(pq.id):
        return False
    reach = graph(prep).reach.get(pq.id)
    if reach is None or not reach.isdisjoint(pq.knockout_reads[value]):
        return False
    return when(run.state, run.day) is True


def usable(prep: Prepared, run: Run, pq: PreparedQuestion, value: Any) -> bool:
    """An answer a what-if may propose: never one the rule set says is not a remedy (a fact
    about the tool's origin or history), never one the scope contradicts."""
    chosen = value if isinstance(value, list) else [value]
    if any(cid in pq.not_proposed for cid in chosen):
        return False
    conditions = [pr.condition for pr in prep.contradictions.get(pq.id, ())]
    return not contradiction.contradicts(conditions, pq.id, value, run.state, run.day)


def pool_points(prep: Prepared, pq: PreparedQuestion, value: Any) -> tuple[Decimal, Decimal]:
    """(score-pool points, other pools' points) of an answer: to rank candidate answers."""
    si = prep.score_index
    vector, _ = answer_points(pq, value, len(prep.pools))
    others = sum((v for i, v in enumerate(vector) if i != si), ZERO)
    return vector[si], others


def preferred_answers(prep: Prepared, pq: PreparedQuestion) -> list[Any]:
    """Answers from the fewest risk points (then the most mitigation) up; [] for free text."""
    q = pq.question
    candidates: list[Any]
    if q.type == "single":
        candidates = list(pq.risk_order)
    elif q.type == "multiple":
        si = prep.score_index
        plain = [
            cid for cid in pq.choice_ids if cid not in pq.exclusive and pq.points[cid][si] == 0
        ]
        candidates = [plain] if plain else []
        candidates.extend([cid] for cid in pq.choice_ids if cid in pq.exclusive)
        candidates.append([])
    else:
        return []
    ranked = sorted(enumerate(candidates), key=lambda item: (*_rank(prep, pq, item[1]), item[0]))
    return [value for _, value in ranked]


def best_answer(prep: Prepared, pq: PreparedQuestion) -> Any:
    """The answer with the fewest risk points, then the most mitigation; None for free text."""
    answers = preferred_answers(prep, pq)
    return answers[0] if answers else None


def _rank(prep: Prepared, pq: PreparedQuestion, value: Any) -> tuple[Decimal, Decimal]:
    risk, others = pool_points(prep, pq, value)
    return risk, -others


def alternatives(prep: Prepared, pq: PreparedQuestion, current: Any) -> list[Any]:
    """Answers to try instead of `current`, the smallest move first."""
    q = pq.question
    if q.type == "single":
        ids = list(pq.risk_order)
        if not isinstance(current, str) or current not in ids:
            return ids
        here = ids.index(current)
        order = sorted((i for i in range(len(ids)) if i != here), key=lambda i: (abs(i - here), i))
        return [ids[i] for i in order]
    if q.type == "multiple":
        candidates: list[list[str]] = []
        if isinstance(current, list):
            candidates.extend([x for x in current if x != cid] for cid in current)
        candidates.append(best_answer(prep, pq))
        candidates.append([])
        if not isinstance(current, list):
            candidates.extend([cid] for cid in pq.choice_ids)
        out: list[Any] = []
        for candidate in candidates:
            if candidate != current and candidate not in out:
                out.append(candidate)
        return out
    return []


def changeable(prep: Prepared, run: Run, qids: tuple[str, ...]) -> list[PreparedQuestion]:
    """Relevant, non-scope questions among `qids`, once each, in asking order."""
    seen: dict[str, PreparedQuestion] = {}
    for qid in qids:
        pq = prep.by_id.get(qid)
        if pq is None or pq.scope or run.state.get(qid, ABSENT) is ABSENT:
            continue
        seen.setdefault(qid, pq)
    return sorted(seen.values(), key=lambda pq: pq.index)


__all__ = [
    "alternatives",
    "best_answer",
    "changeable",
    "knocks_out",
    "pool_points",
    "preferred_answers",
    "usable",
]

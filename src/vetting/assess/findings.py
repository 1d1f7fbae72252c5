"""The findings of a run, and the plain data they share with other results.

A finding depends only on its question (or rule), the answers it reads, and
whether it knocks out or waits: the same ones recur from file to file of a
portfolio, so `score()` builds each once per rule set and shares it (findings
are frozen), as it does their references and point vectors (`memo.remember`).
"""

from __future__ import annotations

from decimal import Decimal
from functools import partial
from typing import Any, Literal

from vetting.assess.assessment import SEVERITIES, Finding
from vetting.assess.evaluate import FiredKnockOut, Run
from vetting.assess.numbers import SeverityRank, as_float
from vetting.assess.prepare import Prepared, PreparedQuestion, PreparedRule, public_value
from vetting.memo import remember
from vetting.ruleset.conditions import ABSENT, UNKNOWN
from vetting.ruleset.model import Reference

#: Each reference's plain data, by id: the entry holds the reference, so the id stays its.
_DUMPED_REFS: dict[int, tuple[Reference, dict[str, Any]]] = {}
#: The same for a list of references (a knock-out's, a rule's), by the list's id.
_DUMPED_LISTS: dict[int, tuple[tuple[Reference, ...], tuple[dict[str, Any], ...]]] = {}


def _ref_data(ref: Reference) -> tuple[Reference, dict[str, Any]]:
    return ref, ref.model_dump(mode="json", exclude_none=True)


def _ref_list(
    references: tuple[Reference, ...],
) -> tuple[tuple[Reference, ...], tuple[dict[str, Any], ...]]:
    dumped = tuple(
        remember(_DUMPED_REFS, id(ref), partial(_ref_data, ref), KEPT_FINDINGS)[1]
        for ref in references
    )
    return references, dumped


def refs(references: tuple[Reference, ...]) -> tuple[dict[str, Any], ...]:
    """References as plain data; each (immutable) reference, and each list of them, is
    dumped once per process (the entry holds the list, so the id stays its)."""
    made = partial(_ref_list, references)
    return remember(_DUMPED_LISTS, id(references), made, KEPT_FINDINGS)[1]


#: How many findings (and point vectors) are kept built for the next files before
#: starting again: a bound on the memory of a portfolio of varied answers.
KEPT_FINDINGS = 1_000
_VECTORS: dict[tuple[tuple[Decimal, ...], tuple[str, ...]], dict[str, float]] = {}


def vector(points: tuple[Decimal, ...], pools: tuple[str, ...]) -> dict[str, float]:
    """Points per pool as floats, zeros left out; shared (never changed) between results.

    The same few vectors (an answer's points) recur in every file of a portfolio.
    """
    return remember(
        _VECTORS,
        (points, pools),
        lambda: {pool: as_float(v) for pool, v in zip(pools, points, strict=True) if v},
        KEPT_FINDINGS,
    )


def answers_of(run: Run, qids: tuple[str, ...]) -> dict[str, Any]:
    return {
        qid: public_value(run.given(qid))
        for qid in qids
        if run.state.get(qid, ABSENT) is not ABSENT
    }


def _value_key(value: Any) -> tuple[type, Any]:
    """An answer as a dictionary key: its type too, so that 1 and True stay apart, and a
    float by its text, so that -0.0 and 0.0 do."""
    if isinstance(value, float):
        return float, repr(value)
    return type(value), tuple(value) if isinstance(value, list) else value


def findings_of(prep: Prepared, run: Run) -> list[Finding]:
    """The findings of a run, worst first.

    A finding depends only on its question (or rule), the answers it reads, and
    whether it knocks out or waits: the same ones recur from file to file of a
    portfolio, so each is built once per rule set and shared (findings are frozen).
    """
    kept = prep.findings
    state = run.state
    si = prep.score_index
    fired_by_q: dict[str, list[FiredKnockOut]] = {}
    for ko in run.knockouts:
        if ko.question is not None:
            fired_by_q.setdefault(ko.question.id, []).append(ko)
    pending_q = {p.question.id for p in run.pending if p.question is not None}
    out: list[tuple[tuple[int, int, int, int], Finding]] = []
    for pq in run.relevant:
        qid = pq.id
        # A contradicted answer is scored as unknown but shown as given.
        value = run.given(qid)
        fired = fired_by_q.get(qid, [])
        waiting = qid in pending_q
        if pq.scope and not fired and not (waiting and value is not UNKNOWN):
            continue
        got = run.points.get(qid, ())
        sev = run.severity.get(qid, 0)
        if not _raises_finding(value, got, sev, bool(fired), waiting, si):
            continue
        key: tuple[Any, ...] = (
            qid,
            _value_key(value),
            got,
            sev,
            tuple(ko.choice for ko in fired),
            waiting,
        )
        finding = remember(
            kept,
            key,
            partial(_answer_finding, prep, pq, value, got, sev, fired, waiting),
            KEPT_FINDINGS,
        )
        if finding is not None:
            out.append(((-sev, pq.index, 0, 0), finding))
    fired_rules = {ko.rule.id for ko in run.knockouts if ko.rule is not None}
    pending_rules = {p.rule.id for p in run.pending if p.rule is not None}
    for pr in run.fired_rules:
        blocked = pr.id in fired_rules
        waiting = pr.id in pending_rules
        asked = (q for q in pr.reads if state.get(q, ABSENT) is not ABSENT)
        read = tuple((q, _value_key(run.given(q))) for q in asked)
        key = (pr.id, read, blocked, waiting)
        made = partial(_rule_finding, prep, pr, run, blocked, waiting)
        sev = SeverityRank.BLOCKER if blocked else pr.severity
        out.append(((-sev, pr.position, 1, pr.index), remember(kept, key, made, KEPT_FINDINGS)))
    out.sort(key=lambda item: item[0])
    return [finding for _, finding in out]


def _raises_finding(
    value: Any, got: tuple[Decimal, ...], sev: int, fired: bool, waiting: bool, si: int
) -> bool:
    """Whether an answer raises a finding: unknown, knocking out, waiting, risky or severe.

    A plain answer without risk points or severity raises none.
    """
    return (
        value is UNKNOWN
        or fired
        or waiting
        or sev >= SeverityRank.LOW
        or (bool(got) and got[si] > 0)
    )


def _answer_finding(
    prep: Prepared,
    pq: PreparedQuestion,
    value: Any,
    got: tuple[Decimal, ...],
    sev: int,
    fired: list[FiredKnockOut],
    waiting: bool,
) -> Finding | None:
    """The finding of a question's answer; None when the answer raises none."""
    q = pq.question
    kind: Literal["answer", "unknown"]
    if value is UNKNOWN:
        kind = "unknown"
        labels: tuple[dict[str, str], ...] = ()
        recommendation = q.recommendation
    else:
        chosen = value if isinstance(value, list) else [value]
        chosen = [cid for cid in chosen if cid in pq.points]
        if not _raises_finding(value, got, sev, bool(fired), waiting, prep.score_index):
            return None
        kind = "answer"
        by_id = {ch.id: ch for ch in q.choices}
        labels = tuple(by_id[cid].label for cid in chosen)
        worst = max(chosen, key=lambda cid: pq.severity[cid], default=None)
        own = by_id[worst].recommendation if worst else None
        recommendation = own or q.recommendation
    references = list(q.references)
    rationale = None
    for ko in fired:
        knockout = q.choices[pq.choice_ids.index(ko.choice or "")].knockout
        if knockout is not None:
            rationale = rationale or knockout.rationale
            references.extend(r for r in knockout.references if r not in references)
    return Finding.model_construct(
        id=pq.id,
        kind=kind,
        severity=SEVERITIES[sev],
        category=pq.category,
        questions=(pq.id,),
        answers={pq.id: public_value(value)},
        points=vector(got, prep.pools) if got else {},
        knockout=bool(fired),
        pending=waiting,
        title=q.text,
        answer_labels=labels,
        recommendation=recommendation,
        ask_vendor=q.evidence,
        rationale=rationale,
        references=refs(tuple(references)),
    )


def _rule_finding(
    prep: Prepared, pr: PreparedRule, run: Run, blocked: bool, waiting: bool
) -> Finding:
    """The finding of a fired rule."""
    rule = pr.rule
    references = list(rule.references)
    if blocked and rule.knockout is not None:
        references.extend(r for r in rule.knockout.references if r not in references)
    return Finding.model_construct(
        id=pr.id,
        kind="rule",
        severity=SEVERITIES[SeverityRank.BLOCKER if blocked else pr.severity],
        category=pr.category,
        questions=tuple(q for q in pr.reads if run.state.get(q, ABSENT) is not ABSENT),
        answers=answers_of(run, pr.reads),
        points=vector(pr.points, prep.pools),
        knockout=blocked,
        pending=waiting,
        title=rule.message,
        recommendation=rule.recommendation,
        ask_vendor=rule.ask_vendor,
        rationale=rule.knockout.rationale if blocked and rule.knockout else None,
        references=refs(tuple(references)),
    )


__all__ = ["KEPT_FINDINGS", "answers_of", "findings_of", "refs", "vector"]

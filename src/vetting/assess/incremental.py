"""Trial: a run with a few answers changed, recomputing only what they reach.

"What would change the result" (explain.py) tries dozens of answer changes per
file; re-evaluating the whole rule set for each one was most of the time of
`vetting score --format json`. The compiled conditions say which questions
each relevance test, knock-out and finding rule reads, so a change needs only
the questions, knock-outs and rules downstream of it; everything else is taken
from the run the change starts from. The result is the same `Run` as a full
`evaluate()` (tests/test_incremental.py proves it on drawn answers, for every
rule set the tests know). A `Trial` stops before the score: the searches that
only ask whether a knock-out is lifted conclude the few trials they keep.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from vetting.assess import contradiction
from vetting.assess.evaluate import (
    FiredKnockOut,
    Parts,
    PendingItem,
    Run,
    Tally,
    answer_points,
    conclude,
    evaluate,
    question_knockouts,
    rule_truths,
    settled_verdict,
    worst_severity,
)
from vetting.assess.numbers import SeverityRank, VerdictRank
from vetting.assess.prepare import (
    Graph,
    Maxima,
    Prepared,
    PreparedQuestion,
    PreparedRule,
    add_points,
    subtract_points,
)
from vetting.ruleset.conditions import ABSENT, UNKNOWN


def graph(prep: Prepared) -> Graph:
    """The dependency graph of a prepared rule set (built once, kept with it)."""
    if prep.graph is not None:
        return prep.graph
    depends_on = prep.compiled.depends_on
    dependents: dict[str, list[int]] = {pq.id: [] for pq in prep.questions}
    ordered = True
    for pq in prep.questions:
        reads = set(depends_on.get(pq.id, ()))
        for pr in prep.contradictions.get(pq.id, ()):
            reads.update(pr.reads)
        reads.discard(pq.id)
        for qid in reads:
            if qid in prep.by_id:
                dependents[qid].append(pq.index)
                ordered = ordered and prep.by_id[qid].index < pq.index
    knockout_readers: dict[str, set[str]] = {}
    for pq in prep.questions:
        for read in pq.knockout_reads.values():
            for qid in read:
                knockout_readers.setdefault(qid, set()).add(pq.id)
    rule_readers: dict[str, set[int]] = {}
    for pr in prep.rules:
        caught = pr.rule.contradicts_scope
        for qid in (*pr.reads, *((caught,) if caught else ())):
            rule_readers.setdefault(qid, set()).add(pr.index)
    reach: dict[str, frozenset[str]] = {}
    if ordered:
        # Dependents come later in asking order: walking back, theirs are known.
        for pq in reversed(prep.questions):
            reached = {pq.id}
            for index in dependents[pq.id]:
                reached.update(reach[prep.questions[index].id])
            reach[pq.id] = frozenset(reached)
    prep.graph = Graph(
        dependents={qid: tuple(sorted(ids)) for qid, ids in dependents.items()},
        knockout_readers={qid: frozenset(ids) for qid, ids in knockout_readers.items()},
        rule_readers={qid: frozenset(ids) for qid, ids in rule_readers.items()},
        ordered=ordered,
        reach=reach,
    )
    return prep.graph


class Trial:
    """A run with a few answers changed: its knock-outs, pending items and rules at
    once, its score, level and verdict (the maxima, the adjustments) only when asked.

    The explanation's searches keep or drop most trials on their knock-outs and
    pending items alone, and rank them by verdict and severity, which a trial that
    still knocks out or waits has without a score.

    `base` must be `evaluate(prep, values, base.day, base.evidence)`; `run()` is then
    `evaluate(prep, {**values, **changes}, base.day, proofs)`. A change to a scope
    answer (which moves the score's maxima) is evaluated in full.
    """

    __slots__ = ("_base", "_found", "_moved", "_prep", "_proofs", "_values")

    def __init__(
        self,
        prep: Prepared,
        base: Run,
        values: Mapping[str, Any],
        changes: Mapping[str, Any],
        proofs: Mapping[str, int],
    ) -> None:
        day = base.day
        self._prep, self._base, self._proofs = prep, base, proofs
        self._values = new_values = {**values, **changes}
        self._moved: set[str] = set()
        reads = graph(prep)
        if not reads.ordered or any(
            qid not in prep.by_id or prep.by_id[qid].scope for qid in changes
        ):
            # Concluded at once: the run holds the same items a tally would.
            self._found: Tally | Run = evaluate(prep, new_values, day, proofs)
            return
        self._found = tally = _copy(prep, base)
        redone, self._moved = _questions(prep, reads, base, values, new_values, changes, day, tally)
        _knockouts(prep, reads, base, proofs, redone, self._moved, day, tally)
        _rules(prep, reads, base, redone, self._moved, day, tally)

    @property
    def knockouts(self) -> list[FiredKnockOut]:
        return self._found.knockouts

    @property
    def pending(self) -> list[PendingItem]:
        return self._found.pending

    @property
    def fired_rules(self) -> list[PreparedRule]:
        return self._found.fired_rules

    @property
    def max_severity(self) -> int:
        """The run's `max_severity`, without concluding it."""
        found = self._found
        return found.max_severity if isinstance(found, Run) else worst_severity(found)

    @property
    def verdict(self) -> VerdictRank:
        """The run's verdict; concluded only when the level decides it."""
        settled = settled_verdict(self._found, self.max_severity)
        return settled if settled is not None else self.run().verdict

    def run(self) -> Run:
        """The whole run, concluded once."""
        found = self._found
        if isinstance(found, Tally):
            maxima = _maxima(self._prep, self._base, found, self._moved)
            self._found = found = conclude(
                self._prep, self._values, self._base.day, self._proofs, found, maxima
            )
        return found


#: A trial's rank in a search: its verdict, worst severity and number of fired rules.
Outcome = tuple[VerdictRank, int, int]


def least_outcome(prep: Prepared, base: Run, changed: Iterable[PreparedQuestion]) -> Outcome:
    """The least (verdict, worst severity, fired rules) of any trial from `base` that
    changes only these (non-scope) questions' answers and evidence.

    What none of the changes reaches keeps its state in every such trial (see
    `Trial`): its answers' severities, its knock-outs, pending items and fired rules.
    A search that finds a change reaching this bound need try no other
    (tests/test_incremental.py checks the bound against trials of drawn answers).
    """
    reads = graph(prep)
    if not reads.ordered:
        return VerdictRank.ACCEPT, SeverityRank.INFO, 0
    reached: set[str] = set()
    for pq in changed:
        reached |= reads.reach[pq.id]
    # The questions whose knock-outs, and the rules whose outcomes, may be decided again.
    decided = set(reached)
    rules: set[int] = set()
    for qid in reached:
        decided.update(reads.knockout_readers.get(qid, ()))
        rules.update(reads.rule_readers.get(qid, ()))
        rules.update(pr.index for pr in prep.contradictions.get(qid, ()))

    def kept(item: FiredKnockOut | PendingItem) -> bool:
        if item.rule is not None:
            return item.rule.index not in rules
        return item.question is not None and item.question.id not in decided

    fired = [pr for pr in base.fired_rules if pr.index not in rules]
    knockouts = [ko for ko in base.knockouts if kept(ko)]
    ko_rules = {ko.rule.index for ko in knockouts if ko.rule is not None}
    if any(ko.question is not None for ko in knockouts) or any(
        pr.index in ko_rules for pr in fired
    ):
        return VerdictRank.REJECT, SeverityRank.BLOCKER, len(fired)
    worst = max((pr.severity for pr in fired), default=SeverityRank.INFO)
    size = len(prep.pools)
    # The worst first: the first answer no change reaches, a blocker aside, is the worst.
    for severity, qid in Parts.of(base).severities:
        if qid in reached:
            continue
        if severity == SeverityRank.BLOCKER:  # a knock-out that may be lifted: its answer's
            pq = prep.by_id[qid]
            worst = max(worst, 0 if pq.scope else answer_points(pq, base.state[qid], size)[1])
            continue
        worst = max(worst, severity)
        break
    if knockouts:
        verdict = VerdictRank.REJECT
    elif any(kept(item) for item in base.pending):
        verdict = VerdictRank.PENDING_EVIDENCE
    elif worst >= SeverityRank.HIGH:
        verdict = VerdictRank.CONDITIONAL
    else:
        verdict = VerdictRank.ACCEPT
    return verdict, worst, len(fired)


def _copy(prep: Prepared, base: Run) -> Tally:
    """The question pass of `base`, to be patched: severities as before any knock-out."""
    severity = dict(base.severity)
    size = len(prep.pools)
    for ko in base.knockouts:
        pq = ko.question
        if pq is not None:
            if pq.scope:
                severity.pop(pq.id, None)
            else:
                severity[pq.id] = answer_points(pq, base.state[pq.id], size)[1]
    return Tally(
        state=dict(base.state),
        relevant=list(base.relevant),
        missing=list(base.missing),
        unknown=list(base.unknown),
        not_applicable=list(base.not_applicable),
        points=dict(base.points),
        severity=severity,
        contradicted=dict(base.contradicted),
        truths=dict(base.contradiction_truth),
        answer_raw=list(base.answer_raw),
    )


def _lists(tally: Tally, pq: PreparedQuestion, values: Mapping[str, Any], state: Any) -> list[Any]:
    """The lists of the tally that hold a question, given its state and answers."""
    if state is ABSENT:
        return [tally.not_applicable] if pq.id in values else []
    held: list[Any] = [tally.relevant]
    if pq.id not in values:
        held.append(tally.missing)
    elif values[pq.id] is UNKNOWN:
        held.append(tally.unknown)
    return held


def _questions(
    prep: Prepared,
    reads: Graph,
    base: Run,
    values: Mapping[str, Any],
    new_values: Mapping[str, Any],
    changes: Mapping[str, Any],
    day: dt.date,
    tally: Tally,
) -> tuple[set[str], set[str]]:
    """The question pass of `evaluate()`, redone for the questions a change reaches.

    Questions are decided again in asking order, starting from the changed ones
    and following who reads whom; returns those decided again and, among them,
    those whose state moved. Every question reads only earlier ones (`ordered`),
    so each sees exactly the answers it would see in a full pass.
    """
    size = len(prep.pools)
    state = tally.state
    redone: set[str] = set()
    moved: set[str] = set()
    queue = sorted(prep.by_id[qid].index for qid in changes)
    heapq.heapify(queue)
    while queue:
        pq = prep.questions[heapq.heappop(queue)]
        qid = pq.id
        if qid in redone:
            continue
        redone.add(qid)
        old = base.state[qid]
        if old is not ABSENT and not pq.scope:
            subtract_points(tally.answer_raw, tally.points.pop(qid))
            del tally.severity[qid]
            tally.contradicted.pop(qid, None)
            for pr in prep.contradictions.get(qid, ()):
                tally.truths.pop(pr.id, None)
        before = _lists(tally, pq, values, old)
        if pq.relevance(state, day) is False:
            value = state[qid] = ABSENT
        else:
            value = state[qid] = new_values.get(qid, UNKNOWN)
            if not pq.scope:
                rules = prep.contradictions.get(qid)
                if (
                    rules
                    and value is not UNKNOWN
                    and contradiction.check(rules, state, day, tally.truths)
                ):
                    tally.contradicted[qid] = value
                    value = state[qid] = UNKNOWN
                got, tally.severity[qid] = answer_points(pq, value, size)
                tally.points[qid] = got
                add_points(tally.answer_raw, got)
        after = _lists(tally, pq, new_values, state[qid])
        for held in before:
            if not any(held is other for other in after):
                held.remove(pq if held is tally.relevant else qid)
        for held in after:
            if not any(held is other for other in before):
                _insert(prep, held, pq if held is tally.relevant else qid)
        new = state[qid]
        if new is not old and new != old:
            moved.add(qid)
            for index in reads.dependents[qid]:
                heapq.heappush(queue, index)
    return redone, moved


def _insert(prep: Prepared, held: list[Any], item: Any) -> None:
    """Insert a question (or its id) into a list kept in asking order."""
    if isinstance(item, str):
        bisect.insort(held, item, key=lambda qid: prep.by_id[qid].index)
    else:
        bisect.insort(held, item, key=lambda pq: pq.index)


def _knockouts(
    prep: Prepared,
    reads: Graph,
    base: Run,
    proofs: Mapping[str, int],
    redone: set[str],
    moved: set[str],
    day: dt.date,
    tally: Tally,
) -> None:
    """The knock-outs of each relevant question: decided again only where a change reaches.

    A question's knock-outs are decided again when it was scored again, when a
    question its knock-outs read moved, or when its evidence changed.
    """
    parts = Parts.of(base)
    dirty = {qid for qid in redone if prep.by_id[qid].knockouts}
    for qid in moved:
        dirty.update(reads.knockout_readers.get(qid, ()))
    # The questions whose evidence differs (strengths are ints: the items hash).
    dirty.update(qid for qid, _ in proofs.items() ^ base.evidence.items())
    if not dirty:
        tally.knockouts.extend(parts.by_questions[0])
        tally.pending.extend(parts.by_questions[1])
        tally.unverified.extend(base.unverified)
        return
    # The few dirty questions are decided again; the base's items of the others are
    # kept, and both are merged back in asking order (each list is in asking order).
    fresh: tuple[list[FiredKnockOut], list[PendingItem], list[str]] = ([], [], [])
    by_id = prep.by_id
    # (Evidence may name a question the rule set does not have: it raises nothing.)
    for pq in sorted((by_id[q] for q in dirty if q in by_id), key=lambda pq: pq.index):
        if pq.knockouts and tally.state[pq.id] is not ABSENT:
            question_knockouts(pq, tally.state, day, proofs, pq.id in tally.contradicted, fresh)
    fired, waiting = parts.by_questions
    tally.knockouts.extend(_merged(fired, fresh[0], dirty, by_id, _raised_by))
    tally.pending.extend(_merged(waiting, fresh[1], dirty, by_id, _raised_by))
    tally.unverified.extend(_merged(base.unverified, fresh[2], dirty, by_id, lambda qid: qid))


def _raised_by(item: FiredKnockOut | PendingItem) -> str:
    """The question whose answer raised a knock-out or a pending item."""
    assert item.question is not None
    return item.question.id


def _merged(
    base: list[Any],
    fresh: list[Any],
    dirty: set[str],
    by_id: Mapping[str, PreparedQuestion],
    owner: Callable[[Any], str],
) -> list[Any]:
    """`base` without the items of `dirty` questions, `fresh` merged in (by asking order)."""
    kept = [item for item in base if owner(item) not in dirty]
    if not fresh:
        return kept
    return list(heapq.merge(kept, fresh, key=lambda item: by_id[owner(item)].index))


def _rules(
    prep: Prepared,
    reads: Graph,
    base: Run,
    redone: set[str],
    moved: set[str],
    day: dt.date,
    tally: Tally,
) -> None:
    """The finding rules: decided again only when a question they read moved.

    A rule that catches a contradiction was decided on the answer as given:
    it is decided again whenever that question was scored again.
    """
    parts = Parts.of(base)
    dirty: set[int] = set()
    for qid in moved:
        dirty.update(reads.rule_readers.get(qid, ()))
    for qid in redone:
        dirty.update(pr.index for pr in prep.contradictions.get(qid, ()))
    if not dirty:
        tally.fired_rules.extend(base.fired_rules)
        tally.undecided_rules.extend(base.undecided_rules)
        tally.knockouts.extend(parts.by_rules[0])
        tally.pending.extend(parts.by_rules[1])
        return
    worst = prep.compiled.ruleset.scoring.unknown == "worst"
    for pr in prep.rules:
        if pr.index in dirty:
            truth, holds = rule_truths(pr, tally.state, day, tally.truths)
            tally.rule(pr, truth, holds, worst)
            continue
        if pr.id in parts.fired_rules:
            tally.fired_rules.append(pr)
        elif pr.id in parts.undecided_rules:
            tally.undecided_rules.append(pr)
        if pr.id in parts.rule_knockouts:
            tally.knockouts.append(parts.rule_knockouts[pr.id])
        elif pr.id in parts.rule_pending:
            tally.pending.append(parts.rule_pending[pr.id])


def _maxima(prep: Prepared, base: Run, tally: Tally, moved: set[str]) -> Maxima | None:
    """The base run's maxima when they cannot have changed; None to compute them again.

    The scope is never changed here (see `Trial`), so the `scope` and `all`
    conventions keep theirs; `relevant` keeps them while the same questions are
    relevant and the same rules count.
    """
    if prep.compiled.ruleset.scoring.denominator != "relevant":
        return base.maxima
    if any((base.state[qid] is ABSENT) != (tally.state[qid] is ABSENT) for qid in moved):
        return None
    counted = tally.fired_rules + tally.undecided_rules
    before = base.fired_rules + base.undecided_rules
    if len(counted) != len(before) or any(a is not b for a, b in zip(counted, before, strict=True)):
        return None
    return base.maxima


__all__ = ["Outcome", "Trial", "graph", "least_outcome"]

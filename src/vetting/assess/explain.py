"""Why a result is what it is, and which answer changes would change it.

Kept apart from `score()` because it re-scores the answers many times: batch
scoring that needs only the verdict skips it (`score(..., explain=False)`).
Every search is deterministic (asking order, then a declared preference among
answers) and bounded, and never touches the buyer's scope answers: the scope
is the buyer's situation, not something the vendor can improve.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Literal, Protocol

from vetting.assess import evidence
from vetting.assess.answers import UNKNOWN_ANSWER, Answers
from vetting.assess.assessment import (
    CANNOT_BE_LIFTED,
    LEVELS,
    NOTES,
    VERDICTS,
    Change,
    Contribution,
    Explanation,
    ShortfallReason,
    WhatIf,
)
from vetting.assess.candidates import (
    alternatives,
    changeable,
    knocks_out,
    pool_points,
    preferred_answers,
    usable,
)
from vetting.assess.evaluate import FiredKnockOut, PendingItem, Run, evaluate
from vetting.assess.incremental import Trial, least_outcome
from vetting.assess.numbers import LevelRank, SeverityRank, VerdictRank, as_float, percent
from vetting.assess.prepare import (
    Prepared,
    PreparedQuestion,
    PreparedRule,
    internal_values,
    prepare,
    public_value,
)
from vetting.assess.when import judged_date
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.conditions import UNKNOWN

#: How many answers the explanation lists as the main contributors.
MAX_CONTRIBUTORS = 10
#: Bound on the pairs of changes tried for one knock-out or pending item.
MAX_PAIRS = 400
#: How many of a question's best answers the greedy search tries before skipping it.
MAX_ANSWERS_TRIED = 3


class Blockers(Protocol):
    """What the goals of a search read: a Run's, or a Trial's before it is concluded."""

    @property
    def knockouts(self) -> list[FiredKnockOut]: ...

    @property
    def pending(self) -> list[PendingItem]: ...


#: What a search for one knock-out or pending item must reach.
Goal = Callable[[Blockers], bool]
#: What a search for a better level or verdict must reach.
RunGoal = Callable[[Run], bool]
Target = Literal["knockout", "pending", "level", "verdict"]


def explain(compiled: CompiledRuleSet, answers: Answers) -> Explanation:
    """The explanation of one assessment, computed on its own."""
    prep = prepare(compiled)
    values = internal_values(answers, compiled)
    judged = judged_date(answers)
    proofs = evidence.strengths(compiled, answers, judged)
    run = evaluate(prep, values, judged, proofs)
    return explain_run(prep, values, run)


def explain_run(prep: Prepared, values: Mapping[str, Any], run: Run) -> Explanation:
    """Contributors, what lifts each blocking item, and what would change the result.

    A change is proposed only when it changes the verdict (or, for the level
    target, the level): lifting one knock-out of four leaves the tool rejected,
    so that lift is listed under `lifts`, and `what_would_change` gathers the
    lifts of every knock-out (or pending item) into one change of verdict.
    """
    lifts: list[WhatIf] = []
    for ko in run.knockouts:
        if ko.question is not None:
            pq = ko.question
            touch = (pq.id, *pq.knockout_reads[ko.choice or ""])
        else:
            assert ko.rule is not None
            touch = ko.rule.reads
        lifts.append(_search(prep, values, run, "knockout", ko.id, touch, _lifted(ko.id, run)))
    for item in run.pending:
        goal = _resolved(item.id, item.knockouts, run)
        if item.kind == "evidence":
            lifts.append(_with_evidence(prep, values, run, item.id, goal))
            continue
        touch = item.questions
        if item.question is not None:
            touch = (*touch, item.question.id)
        lifts.append(_search(prep, values, run, "pending", item.id, touch, goal))
    whatifs: list[WhatIf] = []
    if run.knockouts:
        whatifs.append(_all_at_once(prep, values, run, "knockout", lifts))
    elif run.pending:
        whatifs.append(_all_at_once(prep, values, run, "pending", lifts))
    floor = prep.floors.floor(bool(run.knockouts), bool(run.pending), run.max_severity)
    if run.level > 0 and floor < run.level:
        # A level held up by a knock-out, a pending item or a severe finding drops only
        # with them: the targets above and below say how.
        target = run.level
        whatifs.append(
            _greedy(prep, values, run, "level", lambda r: r.level < target, severe_first=False)
        )
    if run.verdict == VerdictRank.CONDITIONAL:
        whatifs.append(
            _greedy(
                prep,
                values,
                run,
                "verdict",
                lambda r: r.verdict == VerdictRank.ACCEPT,
                severe_first=True,
            )
        )
    return Explanation(
        contributors=_contributors(prep, run),
        what_would_change=tuple(w for w in whatifs if _changes_result(w, run)),
        lifts=tuple(lifts),
    )


def _changes_result(whatif: WhatIf, run: Run) -> bool:
    """A proposal worth making: its target is reached and the result moves."""
    if not whatif.reached:
        return True  # says why the target cannot be reached
    if whatif.target == "level":
        return LevelRank.of(whatif.level) < run.level
    return VerdictRank.of(whatif.verdict) != run.verdict


def _all_at_once(
    prep: Prepared, values: Mapping[str, Any], run: Run, target: Target, lifts: list[WhatIf]
) -> WhatIf:
    """Every knock-out (or every pending item) lifted together: the change of verdict.

    The lifts found one by one are combined, in order (a question changed twice
    keeps its first change), and verified by re-scoring.
    """
    mine = [w for w in lifts if w.target == target]
    if len(mine) == 1:
        return mine[0]
    if not all(w.reached for w in mine):
        blocked = tuple(w.id or "" for w in mine if not w.reached)
        return _whatif(
            prep, values, target, None, [], (), run, run, False, "cannot_be_lifted", blocked
        )
    changes: dict[str, Any] = {}
    proofs: dict[str, None] = {}
    for w in mine:
        for ch in w.changes:
            changes.setdefault(ch.question, _internal(ch.to))
        proofs.update(dict.fromkeys(w.evidence))
    trial = _trial(prep, values, run, changes, tuple(proofs)).run()
    reached = not trial.knockouts and (target == "knockout" or not trial.pending)
    reason: ShortfallReason | None = None if reached else "not_together"
    return _whatif(
        prep,
        values,
        target,
        None,
        list(changes.items()),
        tuple(proofs),
        run,
        trial,
        reached,
        reason,
    )


def _internal(value: Any) -> Any:
    """A public answer value (`"unknown"`) back as the scorer reads it."""
    return UNKNOWN if value == UNKNOWN_ANSWER else value


def _with_evidence(
    prep: Prepared, values: Mapping[str, Any], run: Run, qid: str, goal: Goal
) -> WhatIf:
    """A claim without its proof: the change is to record the evidence, not the answer."""
    trial = _trial(prep, values, run, {}, (qid,)).run()
    return _whatif(prep, values, "pending", qid, [], (qid,), run, trial, goal(trial))


def _trial(
    prep: Prepared,
    values: Mapping[str, Any],
    run: Run,
    changes: Mapping[str, Any],
    proven: tuple[str, ...] = (),
) -> Trial:
    """Re-score with answers changed; a changed answer comes with the proof it needs.

    A what-if that moves an answer to a claim (a certificate, a contract)
    assumes that claim's evidence is recorded too, and says so (`evidence`).
    The trial is concluded (`.run()`) only where its score or level is needed.
    """
    proofs = {**run.evidence, **dict.fromkeys((*changes, *proven), evidence.VERIFIED)}
    return Trial(prep, run, values, changes, proofs)


# --------------------------------------------------------------------------- contributors


def _contributors(prep: Prepared, run: Run) -> tuple[Contribution, ...]:
    """The answers and rules that add the most risk points, the largest first."""
    si = prep.score_index
    total = run.raw[si]
    # (points, place, kind, then the order found, which no two share), compared as is.
    items: list[tuple[Decimal, int, int, int, PreparedQuestion | PreparedRule]] = []
    all_points = run.points
    for pq in run.relevant:
        points = all_points.get(pq.id)
        if pq.scope or not points or points[si] <= 0:
            continue
        items.append((-points[si], pq.index, 0, len(items), pq))
    for pr in run.fired_rules + run.undecided_rules:
        if pr.points[si] > 0:
            items.append((-pr.points[si], pr.position, 1, len(items), pr))
    out = []
    for negative, _, _, _, item in heapq.nsmallest(MAX_CONTRIBUTORS, items):
        rule = isinstance(item, PreparedRule)
        out.append(
            Contribution(
                id=item.id,
                kind="rule" if rule else "question",
                category=item.category,
                answer=None if rule else public_value(run.given(item.id)),
                points=as_float(-negative),
                share=as_float(percent(-negative, total)),
            )
        )
    return tuple(out)


# --------------------------------------------------------------------------- searches


def _lifted(ko_id: str, before: Run) -> Goal:
    """The knock-out neither holds nor is pending, and no other knock-out appears."""
    known = {k.id for k in before.knockouts}

    def goal(r: Blockers) -> bool:
        return all(k.id != ko_id and k.id in known for k in r.knockouts) and all(
            ko_id not in p.knockouts for p in r.pending
        )

    return goal


def _resolved(pending_id: str, knockouts: tuple[str, ...], before: Run) -> Goal:
    """The pending item is gone without any new knock-out or pending item."""
    known_kos = {k.id for k in before.knockouts}
    known_pending = {p.id for p in before.pending}

    def goal(r: Blockers) -> bool:
        return all(k.id not in knockouts and k.id in known_kos for k in r.knockouts) and all(
            p.id != pending_id and p.id in known_pending for p in r.pending
        )

    return goal


def _whatif(
    prep: Prepared,
    values: Mapping[str, Any],
    target: Target,
    target_id: str | None,
    changes: list[tuple[str, Any]],
    proven: tuple[str, ...],
    before: Run,
    result: Run,
    reached: bool,
    reason: ShortfallReason | None = None,
    blocked: tuple[str, ...] = (),
) -> WhatIf:
    """The what-if of these changes; a shortfall keeps its reason as an id and in English."""
    if reason == "cannot_be_lifted":
        note: str | None = CANNOT_BE_LIFTED + ", ".join(blocked)
    else:
        note = NOTES[reason] if reason else None
    return WhatIf(
        target=target,
        id=target_id,
        reached=reached,
        changes=tuple(
            Change(
                question=qid,
                from_=public_value(before.given(qid)) if qid in values else None,
                to=public_value(new),
            )
            for qid, new in changes
        ),
        evidence=_proofs_needed(prep, changes, proven, before, result),
        verdict=VERDICTS[result.verdict],
        level=LEVELS[result.level],
        score=as_float(result.score),
        note=note,
        reason=reason,
        blocked_by=blocked,
    )


def _proofs_needed(
    prep: Prepared,
    changes: list[tuple[str, Any]],
    proven: tuple[str, ...],
    before: Run,
    result: Run,
) -> tuple[str, ...]:
    """Questions whose evidence the result assumes: asked for, or needed by a new answer.

    A new answer needs its evidence when it requires more than is recorded and
    some other answer of the question could knock out in the result's situation.
    """
    out = dict.fromkeys(proven)
    for qid, new in changes:
        pq = prep.by_id[qid]
        need = pq.evidence_required.get(new, 0) if isinstance(new, str) else 0
        if need <= before.evidence.get(qid, evidence.NO_EVIDENCE):
            continue
        if any(
            cid != new and when(result.state, result.day) is not False
            for cid, when in pq.knockouts.items()
        ):
            out[qid] = None
    return tuple(out)


def _search(
    prep: Prepared,
    values: Mapping[str, Any],
    run: Run,
    target: Target,
    target_id: str,
    touch: tuple[str, ...],
    goal: Goal,
) -> WhatIf:
    """The smallest set of changes to `touch` that reaches `goal`: singles, then pairs.

    Singles are all tried (a question has a handful of answers); pairs stop at
    the first that works, in asking order, within `MAX_PAIRS`. An answer the
    scope contradicts is never tried.
    """
    questions = changeable(prep, run, touch)
    if not questions:
        return _whatif(
            prep,
            values,
            target,
            target_id,
            [],
            (),
            run,
            run,
            False,
            "scope_only",
        )
    singles = [
        (pq.id, alt)
        for pq in questions
        for alt in alternatives(prep, pq, run.given(pq.id))
        if usable(prep, run, pq, alt)
    ]
    # Every single change that works, then the least harmful: lowest verdict, lowest
    # severity, fewest finding rules fired (an answer may contradict another), and
    # only then the smallest move. A change as harmless as any can be ends the search.
    least = least_outcome(prep, run, questions)
    working: list[tuple[tuple[int, int, int, int], tuple[str, Any], Trial]] = []
    for order, (qid, alt) in enumerate(singles):
        if knocks_out(prep, run, prep.by_id[qid], alt):
            continue
        attempt = _trial(prep, values, run, {qid: alt})
        if goal(attempt):
            outcome = (attempt.verdict, attempt.max_severity, len(attempt.fired_rules))
            working.append(((*outcome, order), (qid, alt), attempt))
            if outcome == least:
                break
    if working:
        _, change, chosen = min(working, key=lambda item: item[0])
        return _whatif(prep, values, target, target_id, [change], (), run, chosen.run(), True)
    for tries, (first, second) in enumerate(
        (a, b) for a, b in itertools.combinations(singles, 2) if a[0] != b[0]
    ):
        if tries >= MAX_PAIRS:
            break
        pair = _trial(prep, values, run, {first[0]: first[1], second[0]: second[1]})
        if goal(pair):
            changes = [first, second]
            return _whatif(prep, values, target, target_id, changes, (), run, pair.run(), True)
    return _whatif(
        prep,
        values,
        target,
        target_id,
        [],
        (),
        run,
        run,
        False,
        "no_small_change",
    )


def _greedy(
    prep: Prepared,
    values: Mapping[str, Any],
    run: Run,
    target: Target,
    goal: RunGoal,
    *,
    severe_first: bool,
) -> WhatIf:
    """Move answers towards their best, largest gain first, until the goal holds; then prune.

    Gains are estimated from the answer's own points (cheap); every step is
    verified by re-scoring. A step that makes things worse (a contradiction
    rule that fires, a new knock-out) is replaced by the next-best answer, or
    skipped; an answer the scope contradicts is never tried. The final set is
    pruned to changes that are each needed.
    """
    severe: set[str] = set()
    if severe_first:
        severe = {pq.id for pq in run.relevant if run.severity.get(pq.id, 0) >= SeverityRank.HIGH}
        for pr in run.fired_rules:
            if pr.severity >= SeverityRank.HIGH:
                severe.update(pr.reads)
    ranked: list[tuple[tuple[int, int, Decimal, Decimal, int], PreparedQuestion]] = []
    for pq in run.relevant:
        if pq.scope:
            continue
        current = run.state[pq.id]
        best = next((a for a in preferred_answers(prep, pq) if usable(prep, run, pq, a)), None)
        if best is None or best == run.given(pq.id):
            continue
        risk_now, other_now = pool_points(prep, pq, current)
        risk_best, other_best = pool_points(prep, pq, best)
        gain, other_gain = risk_now - risk_best, other_best - other_now
        is_severe = pq.id in severe
        if gain <= 0 and other_gain <= 0 and not is_severe:
            continue
        rank = -run.severity.get(pq.id, 0) if is_severe else 0
        ranked.append(((0 if is_severe else 1, rank, -gain, -other_gain, pq.index), pq))
    ranked.sort(key=lambda item: item[0])

    def no_worse(before: Run, after: Run) -> bool:
        # Towards `accept`, a change may not raise a new finding of high severity or above.
        ceiling = (
            max(before.max_severity, SeverityRank.HIGH - 1)
            if severe_first
            else SeverityRank.BLOCKER
        )
        return (
            after.score <= before.score
            and after.verdict <= before.verdict
            and after.max_severity <= ceiling
        )

    changes: list[tuple[str, Any]] = []
    trial = run
    reached = False
    for _, pq in ranked:
        current = run.state[pq.id]
        risk_now, _ = pool_points(prep, pq, current)
        tried = [a for a in preferred_answers(prep, pq) if usable(prep, run, pq, a)]
        for answer in tried[:MAX_ANSWERS_TRIED]:
            if answer == run.given(pq.id) or pool_points(prep, pq, answer)[0] > risk_now:
                continue
            attempt = _trial(prep, values, run, {**dict(changes), pq.id: answer}).run()
            if no_worse(trial, attempt):
                changes.append((pq.id, answer))
                trial = attempt
                break
        if goal(trial):
            reached = True
            break
    if not reached:
        return _whatif(prep, values, target, None, [], (), run, run, False, "not_reachable")
    for change in reversed(list(changes)):
        if len(changes) == 1:
            break
        fewer = [c for c in changes if c != change]
        attempt = _trial(prep, values, run, dict(fewer)).run()
        if goal(attempt):
            changes, trial = fewer, attempt
    return _whatif(prep, values, target, None, changes, (), run, trial, True)


__all__ = ["MAX_CONTRIBUTORS", "explain", "explain_run"]

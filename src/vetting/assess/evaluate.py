"""evaluate(): the numbers of one assessment, on a plain mapping of answers.

Relevance, points, maxima, adjustments, level, knock-outs and verdict, in the
order docs/scoring.md gives them. It is fast and pure: `score()` runs it once
and builds the `Assessment`; `explain.py` runs it many times to try answer
changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from vetting.assess import contradiction, evidence
from vetting.assess.assessment import PendingKind
from vetting.assess.numbers import (
    HUNDRED,
    TOP_SCORE,
    ZERO,
    LevelRank,
    SeverityRank,
    VerdictRank,
    percent,
    round_to,
)
from vetting.assess.prepare import (
    Maxima,
    Prepared,
    PreparedQuestion,
    PreparedRule,
    add_points,
    column_sums,
    maxima_of,
    scope_maxima,
)
from vetting.ruleset.conditions import ABSENT, UNKNOWN, Truth


@dataclass(frozen=True)
class FiredKnockOut:
    id: str
    kind: str
    question: PreparedQuestion | None
    rule: PreparedRule | None
    choice: str | None


@dataclass(frozen=True)
class PendingItem:
    id: str
    kind: PendingKind
    knockouts: tuple[str, ...]
    questions: tuple[str, ...]
    question: PreparedQuestion | None
    rule: PreparedRule | None
    choice: str | None


@dataclass
class AppliedAdjustment:
    index: int
    applied: bool
    if_percent: Decimal
    before: Decimal
    after: Decimal


@dataclass
class Run:
    """The numbers of one evaluation: what `score()` turns into an Assessment."""

    day: dt.date
    state: dict[str, Any]
    relevant: list[PreparedQuestion]
    missing: list[str]
    unknown: list[str]
    not_applicable: list[str]
    #: Question id -> the weighted points its answer adds to each pool (in the order of
    #: `Prepared.pools`), for every relevant question but the scope's: the points of the
    #: choices given, or the question's unknown points for an answer that is unknown,
    #: missing or contradicted by the scope. The scorer's own figures, before adjustments.
    points: dict[str, tuple[Decimal, ...]]
    fired_rules: list[PreparedRule]
    #: Rules with points that unknown answers may fire: counted under `unknown: worst`.
    undecided_rules: list[PreparedRule]
    raw: list[Decimal]
    adjusted: list[Decimal]
    maxima: Maxima
    adjustments: list[AppliedAdjustment]
    score: Decimal
    level: LevelRank
    knockouts: list[FiredKnockOut]
    pending: list[PendingItem]
    #: Question id -> the severity of its answer (a `SeverityRank`).
    severity: dict[str, int]
    max_severity: int
    verdict: VerdictRank
    #: The band of the score alone; `level` is raised from it by the floors.
    points_level: LevelRank = LevelRank.LOW
    #: Answers the scope contradicts (scored as unknown): question id -> the answer given.
    contradicted: dict[str, Any] = field(default_factory=dict)
    contradiction_truth: dict[str, Truth] = field(default_factory=dict)
    #: Answers whose required verified evidence is only declared.
    unverified: list[str] = field(default_factory=list)
    #: The evidence strengths this run was scored with (explain re-scores with them).
    evidence: Mapping[str, int] = field(default_factory=dict)
    #: `raw` before the finding rules: the sum of `points` (incremental.py updates it).
    answer_raw: list[Decimal] = field(default_factory=list)
    #: This run's items grouped by what raised them: built by incremental.py for the
    #: what-ifs that start from this run.
    parts: Parts | None = field(default=None, compare=False, repr=False)

    def given(self, qid: str) -> Any:
        """The answer as given (a contradicted one too), for showing; ABSENT if not asked."""
        return self.contradicted.get(qid, self.state.get(qid, ABSENT))


@dataclass(frozen=True)
class Parts:
    """A run's knock-outs, pending items and rule outcomes, by what raised them."""

    fired_rules: frozenset[str]
    undecided_rules: frozenset[str]
    rule_knockouts: dict[str, FiredKnockOut]
    rule_pending: dict[str, PendingItem]
    #: The knock-outs and pending items of the questions, then of the rules, in order.
    by_questions: tuple[list[FiredKnockOut], list[PendingItem]]
    by_rules: tuple[list[FiredKnockOut], list[PendingItem]]
    #: The answers' severities, the worst first: (severity, question id).
    severities: list[tuple[int, str]]

    @classmethod
    def of(cls, run: Run) -> Parts:
        """The parts of a run, grouped once and kept with it."""
        if run.parts is not None:
            return run.parts
        run.parts = cls(
            fired_rules=frozenset(pr.id for pr in run.fired_rules),
            undecided_rules=frozenset(pr.id for pr in run.undecided_rules),
            rule_knockouts={ko.rule.id: ko for ko in run.knockouts if ko.rule is not None},
            rule_pending={item.rule.id: item for item in run.pending if item.rule is not None},
            by_questions=(
                [ko for ko in run.knockouts if ko.rule is None],
                [item for item in run.pending if item.rule is None],
            ),
            by_rules=(
                [ko for ko in run.knockouts if ko.rule is not None],
                [item for item in run.pending if item.rule is not None],
            ),
            severities=sorted(((sev, qid) for qid, sev in run.severity.items()), reverse=True),
        )
        return run.parts


def level_of(prep: Prepared, part: Decimal, whole: Decimal) -> LevelRank:
    """The level reached by the exact value `part / whole` (never by a rounded score).

    `whole` is 1 for a value in points; for a percentage `part` is points x 100
    and `whole` the maximum (500 of 2,001 is 24.99 %: below 25 even though it is
    shown as 25.0). Cross-multiplied, so no division rounds anything.
    """
    if whole <= 0:
        part, whole = ZERO, Decimal(1)
    level = LevelRank.LOW
    for rank, threshold in enumerate(prep.thresholds, start=1):
        bound = threshold * whole
        if part > bound or (part == bound and not prep.strict):
            level = LevelRank(rank)
    return level


def overall_level(prep: Prepared, points: Decimal, top: Decimal) -> LevelRank:
    """The points level of the whole: its share of the maximum, or its points."""
    if prep.unit == "percent":
        return level_of(prep, points * HUNDRED, top)
    return level_of(prep, points, Decimal(1))


def answer_points(pq: PreparedQuestion, value: Any, size: int) -> tuple[tuple[Decimal, ...], int]:
    """The weighted points per pool and the severity of a relevant answer, as scored.

    `value` is the answer as the state holds it: UNKNOWN for an unknown, missing
    or contradicted one. Its severity is before any knock-out makes it a blocker.
    """
    if value is UNKNOWN:
        return pq.unknown_points, pq.unknown_severity
    if isinstance(value, list):
        total = [ZERO] * size
        sev: int = SeverityRank.INFO
        for choice in value:
            add_points(total, pq.points[choice])
            sev = max(sev, pq.severity[choice])
        return tuple(total), sev
    if pq.points and isinstance(value, str) and value in pq.points:
        return pq.points[value], pq.severity[value]
    return tuple(ZERO for _ in range(size)), SeverityRank.INFO


def question_knockouts(
    pq: PreparedQuestion,
    state: Mapping[str, Any],
    day: dt.date,
    proofs: Mapping[str, int],
    contradicted: bool,
    out: tuple[list[FiredKnockOut], list[PendingItem], list[str]],
) -> None:
    """What a relevant question's answer knocks out, leaves pending, or claims unproven.

    Appends to `out` (knock-outs, pending items, unverified claims), in the order
    docs/scoring.md reports them.
    """
    knockouts, pending, unverified = out
    value = state[pq.id]
    if value is UNKNOWN:
        possible = tuple(
            f"{pq.id}={cid}" for cid, when in pq.knockouts.items() if when(state, day) is not False
        )
        if possible:
            kind: PendingKind = "contradiction" if contradicted else "unknown"
            pending.append(PendingItem(pq.id, kind, possible, (pq.id,), pq, None, None))
        return
    chosen = value if isinstance(value, list) else [value]
    settled = True
    for cid in chosen:
        when = pq.knockouts.get(cid)
        if when is None:
            continue
        holds = when(state, day)
        ko_id = f"{pq.id}={cid}"
        if holds is True:
            knockouts.append(FiredKnockOut(ko_id, "choice", pq, None, cid))
        elif holds is None:
            waiting = tuple(q for q in pq.knockout_reads[cid] if state.get(q) is UNKNOWN)
            pending.append(PendingItem(ko_id, "undecided", (ko_id,), waiting, pq, None, cid))
        settled = settled and holds is False
    need = pq.evidence_required.get(value) if settled and isinstance(value, str) else None
    if need:
        avoided = tuple(
            f"{pq.id}={cid}"
            for cid, when in pq.knockouts.items()
            if cid != value and when(state, day) is not False
        )
        if avoided and evidence.short_of(need, proofs, pq.id):
            pending.append(PendingItem(pq.id, "evidence", avoided, (pq.id,), pq, None, None))
        elif avoided and proofs.get(pq.id, 0) < need:
            unverified.append(pq.id)


def rule_truths(
    pr: PreparedRule, state: Mapping[str, Any], day: dt.date, truths: Mapping[str, Truth]
) -> tuple[Truth, Truth]:
    """A finding rule's condition and knock-out, each true, false or undecided (None).

    A rule that catches a contradiction was decided on the answer as given, before
    that answer was voided: its truth is the one recorded then.
    """
    truth = truths[pr.id] if pr.id in truths else pr.condition(state, day)
    return truth, pr.knockout(state, day) if pr.knockout is not None else False


@dataclass
class Tally:
    """The parts of a Run that `conclude()` turns into a score, a level and a verdict."""

    state: dict[str, Any] = field(default_factory=dict)
    relevant: list[PreparedQuestion] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    not_applicable: list[str] = field(default_factory=list)
    points: dict[str, tuple[Decimal, ...]] = field(default_factory=dict)
    severity: dict[str, int] = field(default_factory=dict)
    contradicted: dict[str, Any] = field(default_factory=dict)
    truths: dict[str, Truth] = field(default_factory=dict)
    knockouts: list[FiredKnockOut] = field(default_factory=list)
    pending: list[PendingItem] = field(default_factory=list)
    unverified: list[str] = field(default_factory=list)
    fired_rules: list[PreparedRule] = field(default_factory=list)
    undecided_rules: list[PreparedRule] = field(default_factory=list)
    #: The sum of `points`, per pool.
    answer_raw: list[Decimal] = field(default_factory=list)

    def place(self, pq: PreparedQuestion, values: Mapping[str, Any], value: Any) -> None:
        """Files a question under relevant, missing, unknown or not applicable."""
        self.state[pq.id] = value
        if value is ABSENT:
            if pq.id in values:
                self.not_applicable.append(pq.id)
            return
        self.relevant.append(pq)
        if pq.id not in values:
            self.missing.append(pq.id)
        elif values[pq.id] is UNKNOWN:
            self.unknown.append(pq.id)

    def rule(self, pr: PreparedRule, truth: Truth, holds: Truth, worst: bool) -> None:
        """Files a finding rule's outcome: fired, counted as undecided, knock-out or pending."""
        if truth is True:
            self.fired_rules.append(pr)
        elif truth is None and worst and any(pr.points):
            # "Unknown scores the worst": a rule that unknown answers may fire counts its
            # points (no finding), so `unknown` never scores better than a real answer.
            self.undecided_rules.append(pr)
        if holds is True:
            self.knockouts.append(FiredKnockOut(pr.id, "rule", None, pr, None))
        elif holds is None:
            waiting = tuple(q for q in pr.reads if self.state.get(q) is UNKNOWN)
            self.pending.append(PendingItem(pr.id, "undecided", (pr.id,), waiting, None, pr, None))


def evaluate(
    prep: Prepared,
    values: Mapping[str, Any],
    day: dt.date,
    proofs: Mapping[str, int] | None = None,
) -> Run:
    """Relevance, points, maxima, adjustments, level, knock-outs and verdict.

    `proofs` gives each question's evidence strength on `day` (evidence.py);
    without it, no evidence is recorded.
    """
    proofs = proofs if proofs is not None else {}
    size = len(prep.pools)
    tally = Tally()
    state, points = tally.state, tally.points
    for pq in prep.questions:
        if pq.relevance(state, day) is False:
            tally.place(pq, values, ABSENT)
            continue
        value = values.get(pq.id, UNKNOWN)
        tally.place(pq, values, value)
        if pq.scope:
            continue
        rules = prep.contradictions.get(pq.id)
        if rules and value is not UNKNOWN and contradiction.check(rules, state, day, tally.truths):
            tally.contradicted[pq.id] = value
            value = state[pq.id] = UNKNOWN
        points[pq.id], tally.severity[pq.id] = answer_points(pq, value, size)
    # Pool by pool, in asking order, as adding each answer's points in turn would.
    tally.answer_raw = list(column_sums(list(points.values()), size))

    out = (tally.knockouts, tally.pending, tally.unverified)
    for pq in tally.relevant:
        if pq.knockouts:
            question_knockouts(pq, state, day, proofs, pq.id in tally.contradicted, out)
    worst = prep.compiled.ruleset.scoring.unknown == "worst"
    for pr in prep.rules:
        truth, holds = rule_truths(pr, state, day, tally.truths)
        tally.rule(pr, truth, holds, worst)
    return conclude(prep, values, day, proofs, tally)


def conclude(
    prep: Prepared,
    values: Mapping[str, Any],
    day: dt.date,
    proofs: Mapping[str, int],
    tally: Tally,
    maxima: Maxima | None = None,
) -> Run:
    """Blockers, severities, maxima, adjustments, level and verdict from a full tally.

    `maxima` may be given when the caller knows them unchanged.
    """
    policy = prep.compiled.ruleset.scoring
    raw = list(tally.answer_raw)
    severity = tally.severity
    for ko in tally.knockouts:
        if ko.question is not None:
            severity[ko.question.id] = SeverityRank.BLOCKER
    max_severity = worst_severity(tally)
    for pr in (*tally.fired_rules, *tally.undecided_rules):
        add_points(raw, pr.points)

    if maxima is not None:
        pass
    elif policy.denominator == "scope":
        maxima = scope_maxima(prep, values, day)
    elif policy.denominator == "all":
        maxima = prep.all_maxima
    else:
        maxima = maxima_of(prep, tally.relevant, tally.fired_rules + tally.undecided_rules)

    adjusted, applied = _adjust(prep, raw, maxima.overall)
    si = prep.score_index
    score = min(percent(adjusted[si], maxima.overall[si]), TOP_SCORE)
    points_level = overall_level(prep, adjusted[si], maxima.overall[si])
    knockouts, pending = tally.knockouts, tally.pending
    level = prep.floors.level(points_level, bool(knockouts), bool(pending), max_severity)
    verdict = settled_verdict(tally, max_severity)
    if verdict is None:
        verdict = VerdictRank.CONDITIONAL if level > LevelRank.LOW else VerdictRank.ACCEPT
    return Run(
        day=day,
        state=tally.state,
        relevant=tally.relevant,
        missing=tally.missing,
        unknown=tally.unknown,
        not_applicable=tally.not_applicable,
        points=tally.points,
        fired_rules=tally.fired_rules,
        undecided_rules=tally.undecided_rules,
        raw=raw,
        adjusted=adjusted,
        maxima=maxima,
        adjustments=applied,
        score=score,
        level=level,
        knockouts=knockouts,
        pending=pending,
        severity=severity,
        max_severity=max_severity,
        verdict=verdict,
        points_level=points_level,
        contradicted=tally.contradicted,
        contradiction_truth=tally.truths,
        unverified=tally.unverified,
        evidence=proofs,
        answer_raw=tally.answer_raw,
    )


def settled_verdict(tally: Tally | Run, max_severity: int) -> VerdictRank | None:
    """The verdict when what was found settles it, before any score: a knock-out
    rejects, a pending item waits, a high finding makes it conditional. None when the
    level decides between conditional and accept."""
    if tally.knockouts:
        return VerdictRank.REJECT
    if tally.pending:
        return VerdictRank.PENDING_EVIDENCE
    if max_severity >= SeverityRank.HIGH:
        return VerdictRank.CONDITIONAL
    return None


def worst_severity(tally: Tally) -> int:
    """The worst severity of a tally: its answers', its fired rules', a knock-out's blocker.

    Every relevant non-scope answer has a severity, and a question that knocks out
    (a scope one too) is a blocker; a fired rule is a blocker when it knocks out.
    """
    worst = max(tally.severity.values(), default=SeverityRank.INFO)
    ko_rules: set[str] = set()
    for ko in tally.knockouts:
        if ko.question is not None:
            return SeverityRank.BLOCKER
        if ko.rule is not None:
            ko_rules.add(ko.rule.id)
    for pr in tally.fired_rules:
        worst = max(worst, SeverityRank.BLOCKER if pr.id in ko_rules else pr.severity)
    return worst


def _adjust(
    prep: Prepared, raw: list[Decimal], maxima: tuple[Decimal, ...]
) -> tuple[list[Decimal], list[AppliedAdjustment]]:
    """Apply the declared adjustments in order, each on the result of the previous ones."""
    adjusted = list(raw)
    applied: list[AppliedAdjustment] = []
    for index, adj in enumerate(prep.adjustments):
        top = maxima[adj.if_pool]
        reached = top > 0 and adjusted[adj.if_pool] * HUNDRED >= adj.reaches * top
        before = adjusted[adj.then_pool]
        after = before
        if reached:
            after = round_to(before * adj.factor, adj.decimals, adj.rounding)
            adjusted[adj.then_pool] = after
        applied.append(
            AppliedAdjustment(index, reached, percent(adjusted[adj.if_pool], top), before, after)
        )
    return adjusted, applied


__all__ = [
    "AppliedAdjustment",
    "FiredKnockOut",
    "PendingItem",
    "Run",
    "Tally",
    "answer_points",
    "conclude",
    "evaluate",
    "level_of",
    "overall_level",
    "question_knockouts",
    "rule_truths",
    "settled_verdict",
    "worst_severity",
]

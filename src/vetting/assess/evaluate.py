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
    dec,
    percent,
    round_to,
)
from vetting.assess.prepare import (
    Maxima,
    Prepared,
    PreparedQuestion,
    PreparedRule,
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

    def given(self, qid: str) -> Any:
        """The answer as given (a contradicted one too), for showing; ABSENT if not asked."""
        return self.contradicted.get(qid, self.state.get(qid, ABSENT))


def add_points(total: list[Decimal], points: tuple[Decimal, ...]) -> None:
    for i, value in enumerate(points):
        total[i] += value


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
    policy = prep.compiled.ruleset.scoring
    worst = policy.unknown == "worst"
    size = len(prep.pools)
    state: dict[str, Any] = {}
    relevant: list[PreparedQuestion] = []
    missing: list[str] = []
    unknown: list[str] = []
    not_applicable: list[str] = []
    points: dict[str, tuple[Decimal, ...]] = {}
    severity: dict[str, int] = {}
    raw = [ZERO] * size
    max_severity: int = SeverityRank.INFO
    contradicted: dict[str, Any] = {}
    truths: dict[str, Truth] = {}
    for pq in prep.questions:
        if pq.relevance(state, day) is False:
            state[pq.id] = ABSENT
            if pq.id in values:
                not_applicable.append(pq.id)
            continue
        relevant.append(pq)
        value = values.get(pq.id, UNKNOWN)
        if pq.id not in values:
            missing.append(pq.id)
        elif value is UNKNOWN:
            unknown.append(pq.id)
        state[pq.id] = value
        if pq.scope:
            continue
        rules = prep.contradictions.get(pq.id)
        if rules and value is not UNKNOWN and contradiction.check(rules, state, day, truths):
            contradicted[pq.id] = value
            value = state[pq.id] = UNKNOWN
        if value is UNKNOWN:
            got, sev = pq.unknown_points, pq.unknown_severity
        elif isinstance(value, list):
            total = [ZERO] * size
            sev = SeverityRank.INFO
            for choice in value:
                add_points(total, pq.points[choice])
                sev = max(sev, pq.severity[choice])
            got = tuple(total)
        elif pq.points and isinstance(value, str) and value in pq.points:
            got, sev = pq.points[value], pq.severity[value]
        else:
            got, sev = tuple(ZERO for _ in range(size)), SeverityRank.INFO
        points[pq.id] = got
        severity[pq.id] = sev
        add_points(raw, got)

    knockouts: list[FiredKnockOut] = []
    pending: list[PendingItem] = []
    unverified: list[str] = []
    for pq in relevant:
        if not pq.knockouts:
            continue
        value = state[pq.id]
        if value is UNKNOWN:
            possible = tuple(
                f"{pq.id}={cid}"
                for cid, when in pq.knockouts.items()
                if when(state, day) is not False
            )
            if possible:
                kind: PendingKind = "contradiction" if pq.id in contradicted else "unknown"
                pending.append(PendingItem(pq.id, kind, possible, (pq.id,), pq, None, None))
            continue
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
                severity[pq.id] = SeverityRank.BLOCKER
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

    fired_rules: list[PreparedRule] = []
    undecided_rules: list[PreparedRule] = []
    for pr in prep.rules:
        # A contradiction was decided on the answer as given, before it was voided.
        truth = truths[pr.id] if pr.id in truths else pr.condition(state, day)
        fires = truth is True
        if fires:
            fired_rules.append(pr)
            add_points(raw, pr.points)
        elif truth is None and worst and any(pr.points):
            # "Unknown scores the worst": a rule that unknown answers may fire counts its
            # points (no finding), so `unknown` never scores better than a real answer.
            undecided_rules.append(pr)
            add_points(raw, pr.points)
        if pr.knockout is not None:
            holds = pr.knockout(state, day)
            if holds is True:
                knockouts.append(FiredKnockOut(pr.id, "rule", None, pr, None))
            elif holds is None:
                waiting = tuple(q for q in pr.reads if state.get(q) is UNKNOWN)
                pending.append(PendingItem(pr.id, "undecided", (pr.id,), waiting, None, pr, None))
        if fires:
            fired_ko = any(k.rule is pr for k in knockouts)
            max_severity = max(max_severity, SeverityRank.BLOCKER if fired_ko else pr.severity)

    for pq in relevant:
        if not pq.scope or severity.get(pq.id) == SeverityRank.BLOCKER:
            max_severity = max(max_severity, severity.get(pq.id, SeverityRank.INFO))

    if policy.denominator == "scope":
        maxima = scope_maxima(prep, values, day)
    elif policy.denominator == "all":
        maxima = prep.all_maxima
    else:
        maxima = maxima_of(prep, relevant, fired_rules + undecided_rules)

    adjusted, applied = _adjust(prep, raw, maxima.overall)
    si = prep.score_index
    score = min(percent(adjusted[si], maxima.overall[si]), TOP_SCORE)
    points_level = overall_level(prep, adjusted[si], maxima.overall[si])
    level = prep.floors.level(points_level, bool(knockouts), bool(pending), max_severity)
    if knockouts:
        verdict = VerdictRank.REJECT
    elif pending:
        verdict = VerdictRank.PENDING_EVIDENCE
    elif level > LevelRank.LOW or max_severity >= SeverityRank.HIGH:
        verdict = VerdictRank.CONDITIONAL
    else:
        verdict = VerdictRank.ACCEPT
    return Run(
        day=day,
        state=state,
        relevant=relevant,
        missing=missing,
        unknown=unknown,
        not_applicable=not_applicable,
        points=points,
        fired_rules=fired_rules,
        undecided_rules=undecided_rules,
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
        contradicted=contradicted,
        contradiction_truth=truths,
        unverified=unverified,
        evidence=proofs,
    )


def _adjust(
    prep: Prepared, raw: list[Decimal], maxima: tuple[Decimal, ...]
) -> tuple[list[Decimal], list[AppliedAdjustment]]:
    """Apply the declared adjustments in order, each on the result of the previous ones."""
    adjusted = list(raw)
    applied: list[AppliedAdjustment] = []
    for index, adj in enumerate(prep.compiled.ruleset.scoring.adjustments):
        i_if, i_then = prep.pools.index(adj.if_pool), prep.pools.index(adj.then_pool)
        top = maxima[i_if]
        reached = top > 0 and adjusted[i_if] * HUNDRED >= dec(adj.reaches_percent) * top
        before = adjusted[i_then]
        after = before
        if reached:
            after = round_to(before * dec(adj.multiply_by), adj.decimals, adj.rounding)
            adjusted[i_then] = after
        applied.append(
            AppliedAdjustment(index, reached, percent(adjusted[i_if], top), before, after)
        )
    return adjusted, applied


__all__ = [
    "AppliedAdjustment",
    "FiredKnockOut",
    "PendingItem",
    "Run",
    "add_points",
    "evaluate",
    "level_of",
    "overall_level",
]

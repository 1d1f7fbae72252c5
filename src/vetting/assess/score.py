"""score(): a rule set and answers in, an Assessment out. Pure: no I/O, no clock.

The method, in plain words, is in docs/scoring.md; this module follows it step
by step. Arithmetic on points is decimal (never binary floats), so a
"round half up" declared in the rule set means what a buyer computes by hand.

The module is split in two layers:

- `evaluate()` does the numbers (relevance, points, maxima, adjustments, level,
  knock-outs, verdict) on a plain mapping of answers. It is fast, and
  `explain.py` calls it many times to try answer changes.
- `score()` runs it once and builds the frozen `Assessment` with findings,
  texts, hashes and (optionally) the explanation.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP, Decimal
from typing import Any, Literal

from vetting.assess import contradiction, evidence
from vetting.assess.answers import UNKNOWN_ANSWER, Answers, answers_sha256
from vetting.assess.assessment import (
    LEVELS,
    SEVERITIES,
    VERDICTS,
    Adjustment,
    Assessment,
    CategoryScore,
    EvidenceStatus,
    Finding,
    KnockOut,
    Pending,
    PendingKind,
    PoolScore,
    RuleSetRef,
)
from vetting.assess.floors import Floors, category_level
from vetting.assess.review import accepted_despite_knockout, evidence_statuses, review_status
from vetting.assess.when import assessment_date, judged_date
from vetting.ruleset import conditions as c
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.conditions import ABSENT, UNKNOWN, Predicate, Truth, support
from vetting.ruleset.export import max_points
from vetting.ruleset.model import FindingRule, Question, Reference

ZERO = Decimal(0)
HUNDRED = Decimal(100)
TENTH = Decimal("0.1")
_ROUNDING = {
    "half_up": ROUND_HALF_UP,
    "half_even": ROUND_HALF_EVEN,
    "down": ROUND_DOWN,
    "up": ROUND_UP,
}

SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}
HIGH = SEVERITY_RANK["high"]
CRITICAL = SEVERITY_RANK["critical"]
BLOCKER = SEVERITY_RANK["blocker"]
LOW = SEVERITY_RANK["low"]
LEVEL_RANK: dict[str, int] = {name: rank for rank, name in enumerate(LEVELS)}
VERDICT_RANK: dict[str, int] = {name: rank for rank, name in enumerate(VERDICTS)}


class _Wildcard:
    """A non-scope answer not yet known when only the scope is: any answer, or none."""

    def __repr__(self) -> str:
        return "ANY"


WILDCARD: Any = _Wildcard()


def dec(value: float | int) -> Decimal:
    """A float as the decimal its author wrote (0.85 is 0.85, not 0.84999...)."""
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def as_float(value: Decimal) -> float:
    """A decimal for JSON: a plain float, never -0.0."""
    out = float(value)
    return 0.0 if out == 0 else out


def percent(part: Decimal, whole: Decimal) -> Decimal:
    """part / whole x 100, rounded half up to 0.1; 0 when there is nothing to measure."""
    if whole <= 0:
        return ZERO.quantize(TENTH)
    return (part * HUNDRED / whole).quantize(TENTH, rounding=ROUND_HALF_UP)


def public_value(value: Any) -> Any:
    """An internal answer as the answers file writes it (`unknown`, lists, scalars)."""
    if value is UNKNOWN:
        return UNKNOWN_ANSWER
    if value is ABSENT:
        return None
    if isinstance(value, list):
        return list(value)
    return value


# --------------------------------------------------------------------------- preparation


def _undecided_on_wildcard(qid: str, test: Predicate) -> Predicate:
    """For the scope pass: a not-yet-known (WILDCARD) answer may become anything.

    The rule set's own predicates treat `answered: true` on an unknown answer as
    decided (false); here every test that reads a WILDCARD is undecided. Three-valued
    logic is monotone, so a condition false in the scope pass is false whatever the
    other answers are: the maximum computed from it never shrinks when an answer
    gets worse.
    """

    def possible(a: c.Answers, d: dt.date) -> Truth:
        return None if a.get(qid, ABSENT) is WILDCARD else test(a, d)

    return possible


@dataclass(frozen=True)
class PreparedQuestion:
    """A question with its weighted points and severities precomputed."""

    question: Question
    id: str
    index: int
    category: str
    scope: bool
    relevance: Predicate
    possible: Predicate
    choice_ids: tuple[str, ...]
    #: choice id -> weighted points per pool (in the order of `Prepared.pools`).
    points: dict[str, tuple[Decimal, ...]]
    severity: dict[str, int]
    unknown_points: tuple[Decimal, ...]
    unknown_severity: int
    max_points: tuple[Decimal, ...]
    #: Choices that can knock out, with when their knock-out holds.
    knockouts: dict[str, Predicate]
    knockout_reads: dict[str, tuple[str, ...]]
    exclusive: frozenset[str]
    #: Choice id -> the evidence it needs to rule out the knock-outs (evidence.py ranks).
    evidence_required: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class PreparedRule:
    """A finding rule with its weighted points and the questions it reads."""

    rule: FindingRule
    id: str
    index: int
    category: str | None
    condition: Predicate
    possible: Predicate
    knockout: Predicate | None
    reads: tuple[str, ...]
    points: tuple[Decimal, ...]
    severity: int
    position: int


@dataclass(frozen=True)
class Maxima:
    """Weighted maxima per pool, overall and per category."""

    overall: tuple[Decimal, ...]
    categories: dict[str, tuple[Decimal, ...]]


@dataclass
class Prepared:
    """Everything `evaluate()` needs, derived once per compiled rule set."""

    compiled: CompiledRuleSet
    pools: tuple[str, ...]
    score_index: int
    questions: tuple[PreparedQuestion, ...]
    by_id: dict[str, PreparedQuestion]
    rules: tuple[PreparedRule, ...]
    scored_categories: tuple[str, ...]
    thresholds: tuple[Decimal, Decimal, Decimal]
    unit: str
    scope_ids: tuple[str, ...]
    all_maxima: Maxima
    floors: Floors
    #: Question id -> the finding rules that catch its answer contradicting the scope.
    contradictions: dict[str, tuple[PreparedRule, ...]] = field(default_factory=dict)
    scope_cache: dict[Any, Maxima] = field(default_factory=dict)


_PREPARED: dict[int, tuple[weakref.ref[CompiledRuleSet], Prepared]] = {}


def _forget(key: int) -> Callable[[object], None]:
    def forget(_: object) -> None:
        cache = _PREPARED  # None while the interpreter shuts down
        if cache is not None:
            cache.pop(key, None)

    return forget


def prepare(compiled: CompiledRuleSet) -> Prepared:
    """The prepared form of a compiled rule set, cached while the rule set lives."""
    key = id(compiled)
    cached = _PREPARED.get(key)
    if cached is not None and cached[0]() is compiled:
        return cached[1]
    prepared = _prepare(compiled)
    _PREPARED[key] = (weakref.ref(compiled, _forget(key)), prepared)
    return prepared


def _prepare(compiled: CompiledRuleSet) -> Prepared:
    rs = compiled.ruleset
    policy = rs.scoring
    pools = tuple(policy.pools)
    score_index = pools.index(policy.score_pool)
    possible_definitions = c.compile_definitions(rs.definitions, _undecided_on_wildcard)

    def possible(cond: Any) -> Predicate:
        return c.compile_condition(cond, possible_definitions, _undecided_on_wildcard)

    zero = tuple(ZERO for _ in pools)

    def vector(points: Mapping[str, float] | None, weight: Decimal) -> tuple[Decimal, ...]:
        points = points or {}
        return tuple(dec(points.get(pool, 0.0)) * weight for pool in pools)

    questions: list[PreparedQuestion] = []
    for index, q in enumerate(rs.questions):
        category = compiled.category_by_id[q.category or ""]
        weight = dec(q.weight) * dec(category.weight)
        points = {ch.id: vector(ch.points, weight) for ch in q.choices}
        severity = {ch.id: SEVERITY_RANK[ch.severity] for ch in q.choices}
        worst = tuple(dec(max_points(q, pool)) * weight for pool in pools)
        if q.unknown is not None and q.unknown.points is not None:
            unknown_points = vector(q.unknown.points, weight)
        elif policy.unknown == "worst":
            unknown_points = tuple(
                worst[i] if i == score_index else ZERO for i in range(len(pools))
            )
        else:
            unknown_points = zero
        if q.unknown is not None and q.unknown.severity is not None:
            unknown_severity = SEVERITY_RANK[q.unknown.severity]
        else:
            unknown_severity = max(
                (CRITICAL if ch.knockout else SEVERITY_RANK[ch.severity] for ch in q.choices),
                default=0,
            )
        knockouts = {
            ch.id: compiled.choice_knockouts[(q.id, ch.id)] for ch in q.choices if ch.knockout
        }
        knockout_reads = {
            ch.id: _ordered(c.questions_read(ch.knockout.when, rs.definitions), compiled.order)
            for ch in q.choices
            if ch.knockout
        }
        questions.append(
            PreparedQuestion(
                question=q,
                id=q.id,
                index=index,
                category=category.id,
                scope=category.scope,
                relevance=compiled.relevance[q.id],
                possible=possible(q.when),
                choice_ids=tuple(ch.id for ch in q.choices),
                points=points,
                severity=severity,
                unknown_points=unknown_points,
                unknown_severity=unknown_severity,
                max_points=tuple(max(a, b) for a, b in zip(worst, unknown_points, strict=True)),
                knockouts=knockouts,
                knockout_reads=knockout_reads,
                exclusive=frozenset(ch.id for ch in q.choices if ch.exclusive),
                evidence_required=evidence.required_by_choice(q),
            )
        )
    rules: list[PreparedRule] = []
    for index, rule in enumerate(rs.findings):
        rule_category = compiled.category_by_id.get(rule.category or "")
        weight = dec(rule_category.weight) if rule_category else Decimal(1)
        reads = c.questions_read(rule.when, rs.definitions)
        if rule.knockout is not None:
            reads |= c.questions_read(rule.knockout.when, rs.definitions)
        ordered = _ordered(reads, compiled.order)
        rules.append(
            PreparedRule(
                rule=rule,
                id=rule.id,
                index=index,
                category=rule_category.id if rule_category else None,
                condition=compiled.finding_conditions[rule.id],
                possible=possible(rule.when),
                knockout=compiled.finding_knockouts.get(rule.id),
                reads=ordered,
                points=vector(rule.points, weight),
                severity=SEVERITY_RANK[rule.severity],
                position=max((compiled.order[q] for q in ordered), default=len(rs.questions)),
            )
        )
    levels = policy.levels
    prepared = Prepared(
        compiled=compiled,
        pools=pools,
        score_index=score_index,
        questions=tuple(questions),
        by_id={pq.id: pq for pq in questions},
        rules=tuple(rules),
        scored_categories=tuple(cat.id for cat in rs.categories if not cat.scope),
        thresholds=(dec(levels.moderate), dec(levels.high), dec(levels.critical)),
        unit=levels.unit,
        scope_ids=tuple(pq.id for pq in questions if pq.scope),
        all_maxima=Maxima(zero, {}),
        floors=Floors.of(policy.level_floors),
    )
    for pr in rules:
        if pr.rule.contradicts_scope is not None:
            qid = pr.rule.contradicts_scope
            prepared.contradictions[qid] = (*prepared.contradictions.get(qid, ()), pr)
    prepared.all_maxima = _maxima(prepared, questions, rules)
    return prepared


def _ordered(ids: set[str], order: Mapping[str, int]) -> tuple[str, ...]:
    return tuple(sorted((q for q in ids if q in order), key=order.__getitem__))


def _maxima(
    prep: Prepared,
    questions: Iterator[PreparedQuestion] | list[PreparedQuestion],
    rules: Iterator[PreparedRule] | list[PreparedRule],
) -> Maxima:
    size = len(prep.pools)
    overall = [ZERO] * size
    categories: dict[str, list[Decimal]] = {cat: [ZERO] * size for cat in prep.scored_categories}
    for pq in questions:
        if pq.scope:
            continue
        bucket = categories[pq.category]
        for i, value in enumerate(pq.max_points):
            overall[i] += value
            bucket[i] += value
    for pr in rules:
        bucket = categories.get(pr.category or "", [ZERO] * size)
        for i, value in enumerate(pr.points):
            overall[i] += value
            bucket[i] += value
    return Maxima(tuple(overall), {cat: tuple(v) for cat, v in categories.items()})


def _freeze(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _scope_pass(
    prep: Prepared, values: Mapping[str, Any], day: dt.date
) -> tuple[list[PreparedQuestion], dict[str, Any]]:
    """The questions possible when only the scope answers are known, and that state."""
    state: dict[str, Any] = {}
    possible: list[PreparedQuestion] = []
    for pq in prep.questions:
        relevant = pq.possible(state, day)
        if relevant is False:
            state[pq.id] = ABSENT
        elif not pq.scope or relevant is None:
            # An undecided scope question may still turn out irrelevant: not yet known.
            state[pq.id] = WILDCARD
            possible.append(pq)
        else:
            value = values.get(pq.id)
            state[pq.id] = UNKNOWN if value is None else value
            possible.append(pq)
    return possible, state


def possible_given_scope(
    compiled: CompiledRuleSet, answers: Answers, day: dt.date | None = None
) -> list[str]:
    """Question ids that may apply given the scope answers alone, in asking order.

    The blank vendor checklist keeps these; the `scope` denominator counts them.
    """
    prep = prepare(compiled)
    when = day or judged_date(answers)
    possible, _ = _scope_pass(prep, internal_values(answers), when)
    return [pq.id for pq in possible]


def _scope_maxima(prep: Prepared, values: Mapping[str, Any], day: dt.date) -> Maxima:
    """Maxima over what the scope answers alone leave possible (cached per scope)."""
    key = (day, *(_freeze(values.get(qid)) for qid in prep.scope_ids))
    cached = prep.scope_cache.get(key)
    if cached is not None:
        return cached
    possible, state = _scope_pass(prep, values, day)
    # Scope questions the scope answers settle are the buyer's facts, not scored.
    counted = [pq for pq in possible if state[pq.id] is WILDCARD]
    rules = [pr for pr in prep.rules if pr.possible(state, day) is not False]
    maxima = _maxima(prep, counted, rules)
    if len(prep.scope_cache) > 512:
        prep.scope_cache.clear()
    prep.scope_cache[key] = maxima
    return maxima


# --------------------------------------------------------------------------- evaluation


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
    points: dict[str, tuple[Decimal, ...]]
    fired_rules: list[PreparedRule]
    #: Rules with points that unknown answers may fire: counted under `unknown: worst`.
    undecided_rules: list[PreparedRule]
    raw: list[Decimal]
    adjusted: list[Decimal]
    maxima: Maxima
    adjustments: list[AppliedAdjustment]
    score: Decimal
    level: int
    knockouts: list[FiredKnockOut]
    pending: list[PendingItem]
    severity: dict[str, int]
    max_severity: int
    verdict: int
    #: The band of the score alone; `level` is raised from it by the floors.
    points_level: int = 0
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

    @property
    def level_name(self) -> str:
        return LEVELS[self.level]

    @property
    def verdict_name(self) -> str:
        return VERDICTS[self.verdict]


def internal_values(answers: Answers) -> dict[str, Any]:
    """The answers as conditions read them: `unknown` becomes the UNKNOWN sentinel."""
    return {
        qid: UNKNOWN if value == UNKNOWN_ANSWER else value for qid, value in answers.answers.items()
    }


def _add(total: list[Decimal], points: tuple[Decimal, ...]) -> None:
    for i, value in enumerate(points):
        total[i] += value


def level_of(prep: Prepared, score: Decimal, points: Decimal) -> int:
    """The level reached: the highest threshold at or below the value measured."""
    measured = score if prep.unit == "percent" else points
    level = 0
    for rank, threshold in enumerate(prep.thresholds, start=1):
        if measured >= threshold:
            level = rank
    return level


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
    max_severity = 0
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
            sev = 0
            for choice in value:
                _add(total, pq.points[choice])
                sev = max(sev, pq.severity[choice])
            got = tuple(total)
        elif pq.points and isinstance(value, str) and value in pq.points:
            got, sev = pq.points[value], pq.severity[value]
        else:
            got, sev = tuple(ZERO for _ in range(size)), 0
        points[pq.id] = got
        severity[pq.id] = sev
        _add(raw, got)

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
                severity[pq.id] = BLOCKER
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
            _add(raw, pr.points)
        elif truth is None and worst and any(pr.points):
            # "Unknown scores the worst": a rule that unknown answers may fire counts its
            # points (no finding), so `unknown` never scores better than a real answer.
            undecided_rules.append(pr)
            _add(raw, pr.points)
        if pr.knockout is not None:
            holds = pr.knockout(state, day)
            if holds is True:
                knockouts.append(FiredKnockOut(pr.id, "rule", None, pr, None))
            elif holds is None:
                waiting = tuple(q for q in pr.reads if state.get(q) is UNKNOWN)
                pending.append(PendingItem(pr.id, "undecided", (pr.id,), waiting, None, pr, None))
        if fires:
            fired_ko = any(k.rule is pr for k in knockouts)
            max_severity = max(max_severity, BLOCKER if fired_ko else pr.severity)

    for pq in relevant:
        if not pq.scope or severity.get(pq.id) == BLOCKER:
            max_severity = max(max_severity, severity.get(pq.id, 0))

    if policy.denominator == "scope":
        maxima = _scope_maxima(prep, values, day)
    elif policy.denominator == "all":
        maxima = prep.all_maxima
    else:
        maxima = _maxima(prep, relevant, fired_rules + undecided_rules)

    adjusted, applied = _adjust(prep, raw, maxima.overall)
    si = prep.score_index
    score = min(percent(adjusted[si], maxima.overall[si]), HUNDRED.quantize(TENTH))
    points_level = level_of(prep, score, adjusted[si])
    level = prep.floors.level(points_level, bool(knockouts), bool(pending), max_severity)
    if knockouts:
        verdict = 3
    elif pending:
        verdict = 2
    elif level >= 1 or max_severity >= HIGH:
        verdict = 1
    else:
        verdict = 0
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
            after = _round(before * dec(adj.multiply_by), adj.decimals, adj.rounding)
            adjusted[i_then] = after
        applied.append(
            AppliedAdjustment(index, reached, percent(adjusted[i_if], top), before, after)
        )
    return adjusted, applied


def _round(value: Decimal, decimals: int, rounding: str) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=_ROUNDING[rounding])


# --------------------------------------------------------------------------- the Assessment


_DUMPED_REFS: dict[int, tuple[Reference, dict[str, Any]]] = {}


def _refs(references: tuple[Reference, ...]) -> tuple[dict[str, Any], ...]:
    """References as plain data; each (immutable) reference is dumped once per process."""
    out = []
    for ref in references:
        cached = _DUMPED_REFS.get(id(ref))
        if cached is None or cached[0] is not ref:
            cached = (ref, ref.model_dump(mode="json", exclude_none=True))
            _DUMPED_REFS[id(ref)] = cached
        out.append(cached[1])
    return tuple(out)


def _vector(points: tuple[Decimal, ...], pools: tuple[str, ...]) -> dict[str, float]:
    return {pool: as_float(v) for pool, v in zip(pools, points, strict=True) if v}


def _answers_of(run: Run, qids: tuple[str, ...]) -> dict[str, Any]:
    return {
        qid: public_value(run.given(qid))
        for qid in qids
        if run.state.get(qid, ABSENT) is not ABSENT
    }


def _findings(prep: Prepared, run: Run) -> list[Finding]:
    pools, si = prep.pools, prep.score_index
    fired_by_q: dict[str, list[FiredKnockOut]] = {}
    for ko in run.knockouts:
        if ko.question is not None:
            fired_by_q.setdefault(ko.question.id, []).append(ko)
    pending_q = {p.question.id for p in run.pending if p.question is not None}
    out: list[tuple[tuple[int, int, int, int], Finding]] = []
    for pq in run.relevant:
        # A contradicted answer is scored as unknown but shown as given.
        value = run.given(pq.id)
        q = pq.question
        fired = fired_by_q.get(pq.id, [])
        waiting = pq.id in pending_q
        if pq.scope and not fired and not (waiting and value is not UNKNOWN):
            continue
        got = run.points.get(pq.id, ())
        sev = run.severity.get(pq.id, 0)
        kind: Literal["answer", "unknown"]
        if value is UNKNOWN:
            kind = "unknown"
            labels: tuple[dict[str, str], ...] = ()
            recommendation = q.recommendation
        else:
            chosen = value if isinstance(value, list) else [value]
            chosen = [cid for cid in chosen if cid in pq.points]
            has_points = bool(got) and got[si] > 0
            if not (fired or waiting or has_points or sev >= LOW):
                continue
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
        out.append(
            (
                (-sev, pq.index, 0, 0),
                Finding.model_construct(
                    id=pq.id,
                    kind=kind,
                    severity=SEVERITIES[sev],
                    category=pq.category,
                    questions=(pq.id,),
                    answers={pq.id: public_value(value)},
                    points=_vector(got, pools) if got else {},
                    knockout=bool(fired),
                    pending=waiting,
                    title=q.text,
                    answer_labels=labels,
                    recommendation=recommendation,
                    ask_vendor=q.evidence,
                    rationale=rationale,
                    references=_refs(tuple(references)),
                ),
            )
        )
    fired_rules = {ko.rule.id for ko in run.knockouts if ko.rule is not None}
    pending_rules = {p.rule.id for p in run.pending if p.rule is not None}
    for pr in run.fired_rules:
        rule = pr.rule
        blocked = pr.id in fired_rules
        sev = BLOCKER if blocked else pr.severity
        references = list(rule.references)
        if blocked and rule.knockout is not None:
            references.extend(r for r in rule.knockout.references if r not in references)
        out.append(
            (
                (-sev, pr.position, 1, pr.index),
                Finding.model_construct(
                    id=pr.id,
                    kind="rule",
                    severity=SEVERITIES[sev],
                    category=pr.category,
                    questions=tuple(q for q in pr.reads if run.state.get(q, ABSENT) is not ABSENT),
                    answers=_answers_of(run, pr.reads),
                    points=_vector(pr.points, pools),
                    knockout=blocked,
                    pending=pr.id in pending_rules,
                    title=rule.message,
                    recommendation=rule.recommendation,
                    ask_vendor=rule.ask_vendor,
                    rationale=rule.knockout.rationale if blocked and rule.knockout else None,
                    references=_refs(tuple(references)),
                ),
            )
        )
    out.sort(key=lambda item: item[0])
    return [finding for _, finding in out]


def _knockouts(run: Run, definitions: Mapping[str, Any]) -> list[KnockOut]:
    out: list[KnockOut] = []
    for ko in run.knockouts:
        if ko.question is not None:
            pq = ko.question
            choice = pq.question.choices[pq.choice_ids.index(ko.choice or "")]
            knockout = choice.knockout
            assert knockout is not None
            # The answers that make the knock-out's condition hold, in asking order.
            _, decisive = support(knockout.when, definitions, run.state, run.day)
            qids = (pq.id, *(q for q in pq.knockout_reads[choice.id] if q in decisive))
            out.append(
                KnockOut(
                    id=ko.id,
                    kind="choice",
                    questions=tuple(dict.fromkeys(qids)),
                    answers=_answers_of(run, qids),
                    choice=choice.id,
                    rationale=knockout.rationale,
                    references=_refs(knockout.references),
                )
            )
        elif ko.rule is not None:
            rule = ko.rule.rule
            assert rule.knockout is not None
            out.append(
                KnockOut(
                    id=ko.id,
                    kind="rule",
                    questions=tuple(
                        q for q in ko.rule.reads if run.state.get(q, ABSENT) is not ABSENT
                    ),
                    answers=_answers_of(run, ko.rule.reads),
                    rationale=rule.knockout.rationale,
                    references=_refs(rule.knockout.references),
                )
            )
    return out


def _pending(run: Run, expired: set[str]) -> list[Pending]:
    out: list[Pending] = []
    for item in run.pending:
        proof: dict[str, Any] = {}
        if item.kind == "evidence" and item.question is not None:
            need = item.question.evidence_required[run.state[item.id]]
            proof = {
                "evidence": "expired" if item.id in expired else "missing",
                "evidence_required": evidence.NAMES[need],
            }
        if item.rule is not None:
            knockout = item.rule.rule.knockout
        else:
            assert item.question is not None
            q = item.question.question
            cid = item.choice or item.knockouts[0].split("=", 1)[1]
            knockout = q.choices[item.question.choice_ids.index(cid)].knockout
        assert knockout is not None
        out.append(
            Pending(
                id=item.id,
                kind=item.kind,
                knockouts=item.knockouts,
                questions=item.questions,
                rationale=knockout.rationale,
                references=_refs(knockout.references),
                **proof,
            )
        )
    return out


def _categories(prep: Prepared, run: Run, findings: list[Finding]) -> list[CategoryScore]:
    rs = prep.compiled.ruleset
    size, si = len(prep.pools), prep.score_index
    raw: dict[str, list[Decimal]] = {cat: [ZERO] * size for cat in prep.scored_categories}
    answered: dict[str, int] = dict.fromkeys(prep.scored_categories, 0)
    relevant: dict[str, int] = dict.fromkeys(prep.scored_categories, 0)
    for pq in run.relevant:
        if pq.scope:
            continue
        _add(raw[pq.category], run.points[pq.id])
        relevant[pq.category] += 1
        if run.state[pq.id] is not UNKNOWN:
            answered[pq.category] += 1
    for pr in run.fired_rules + run.undecided_rules:
        if pr.category in raw:
            _add(raw[pr.category], pr.points)
    adjustments = rs.scoring.adjustments
    overall_max = run.maxima.overall[si]
    out: list[CategoryScore] = []
    for cat_id in prep.scored_categories:
        points = raw[cat_id]
        # The discount is earned by the tool as a whole: a category gets the overall's.
        for applied in run.adjustments:
            if applied.applied:
                adj = adjustments[applied.index]
                i_then = prep.pools.index(adj.then_pool)
                points[i_then] = _round(
                    points[i_then] * dec(adj.multiply_by), adj.decimals, adj.rounding
                )
        top = run.maxima.categories.get(cat_id, (ZERO,) * size)[si]
        cat_score = min(percent(points[si], top), HUNDRED.quantize(TENTH))
        if prep.unit == "percent":
            level = level_of(prep, cat_score, points[si])
        else:
            # Absolute thresholds are for the whole; a category uses the same share of its max.
            level = 0
            for rank, threshold in enumerate(prep.thresholds, start=1):
                if overall_max > 0 and cat_score * overall_max >= threshold * HUNDRED:
                    level = rank
        category = prep.compiled.category_by_id[cat_id]
        effective, raised = category_level(
            prep.floors, level, (f for f in findings if f.category == cat_id)
        )
        out.append(
            CategoryScore(
                id=cat_id,
                title=category.title,
                weight=category.weight,
                score=as_float(cat_score),
                level=LEVELS[effective],
                points_level=LEVELS[level],
                level_raised_by=raised,
                points=as_float(points[si]),
                max=as_float(top),
                answered=answered[cat_id],
                relevant=relevant[cat_id],
            )
        )
    return out


def _evidence(
    prep: Prepared, run: Run, records: tuple[EvidenceStatus, ...]
) -> tuple[EvidenceStatus, ...]:
    """Evidence entries with what their answer requires, and whether they fall short."""
    out = []
    for record in records:
        pq = prep.by_id.get(record.question)
        given = run.given(record.question)
        need = pq.evidence_required.get(given) if pq and isinstance(given, str) else None
        if need:
            record = record.model_copy(
                update={
                    "required": evidence.NAMES[need],
                    "unverified": record.question in run.unverified,
                }
            )
        out.append(record)
    return tuple(out)


def _completeness(run: Run) -> Decimal:
    total = len(run.relevant)
    if total == 0:
        return HUNDRED.quantize(TENTH)
    answered = total - len(run.missing) - len(run.unknown)
    return percent(Decimal(answered), Decimal(total))


@dataclass(frozen=True)
class Summary:
    """The headline of an assessment: what a batch table and a CI gate need.

    Equal, field by field, to the same fields of `score()`'s Assessment; it skips
    findings, texts, references and hashes, which `vetting score --format text`
    never shows, so a portfolio of thousands of files scores at parsing speed.
    """

    verdict: str
    level: str
    points_level: str
    score: float
    knockouts: tuple[str, ...]
    completeness: float

    @classmethod
    def of(cls, assessment: Assessment) -> Summary:
        """The headline of a full assessment."""
        return cls(
            verdict=assessment.verdict,
            level=assessment.level,
            points_level=assessment.points_level,
            score=assessment.score,
            knockouts=assessment.knockout_ids,
            completeness=assessment.completeness,
        )


def summarize(compiled: CompiledRuleSet, answers: Answers) -> Summary:
    """Verdict, level, score, knock-outs and completeness of answers, as `score()` has them."""
    proofs = evidence.strengths(compiled, answers, assessment_date(answers))
    run = evaluate(prepare(compiled), internal_values(answers), judged_date(answers), proofs)
    return Summary(
        verdict=VERDICTS[run.verdict],
        level=LEVELS[run.level],
        points_level=LEVELS[run.points_level],
        score=as_float(run.score),
        knockouts=tuple(ko.id for ko in run.knockouts),
        completeness=as_float(_completeness(run)),
    )


def score(compiled: CompiledRuleSet, answers: Answers, *, explain: bool = True) -> Assessment:
    """Score answers against a rule set: the same inputs always give the same Assessment.

    `explain=False` skips the explanation (contributors and what-ifs), which
    re-scores the answers many times: batch scoring that only needs the verdict
    uses it.
    """
    prep = prepare(compiled)
    day = assessment_date(answers)
    judged = judged_date(answers)
    values = internal_values(answers)
    run = evaluate(prep, values, judged, evidence.strengths(compiled, answers, day))
    rs = compiled.ruleset
    pools = tuple(
        PoolScore(
            pool=pool,
            raw=as_float(run.raw[i]),
            adjusted=as_float(run.adjusted[i]),
            max=as_float(run.maxima.overall[i]),
            percent=as_float(percent(run.adjusted[i], run.maxima.overall[i])),
        )
        for i, pool in enumerate(prep.pools)
    )
    adjustments = tuple(
        Adjustment(
            id=adj.id,
            label=adj.label,
            applied=applied.applied,
            if_pool=adj.if_pool,
            if_percent=as_float(applied.if_percent),
            reaches_percent=adj.reaches_percent,
            then_pool=adj.then_pool,
            multiply_by=adj.multiply_by,
            before=as_float(applied.before),
            after=as_float(applied.after),
        )
        for adj, applied in zip(rs.scoring.adjustments, run.adjustments, strict=True)
    )
    records = _evidence(prep, run, evidence_statuses(compiled, answers, day))
    expired = {e.question for e in records if e.expired}
    knockouts = tuple(_knockouts(run, rs.definitions))
    findings = _findings(prep, run)
    explanation = None
    if explain:
        from vetting.assess.explain import explain_run

        explanation = explain_run(prep, values, run)
    return Assessment(
        ruleset=RuleSetRef(
            id=compiled.origin.id,
            version=compiled.origin.version,
            sha256=compiled.origin.sha256,
            path=compiled.origin.path,
        ),
        source=answers.source,
        answers_sha256=answers_sha256(answers, compiled),
        tool=answers.tool,
        assessor=answers.assessor,
        assessment_date=day,
        judged_date=judged,
        go_live=answers.go_live,
        verdict=VERDICTS[run.verdict],
        level=LEVELS[run.level],
        points_level=LEVELS[run.points_level],
        level_raised_by=prep.floors.raised_by(
            run.points_level,
            (ko.id for ko in run.knockouts),
            (p.id for p in run.pending),
            findings,
        ),
        score=as_float(run.score),
        denominator=rs.scoring.denominator,
        pools=pools,
        adjustments=adjustments,
        categories=tuple(_categories(prep, run, findings)),
        knockouts=knockouts,
        pending=tuple(_pending(run, expired)),
        findings=tuple(findings),
        unanswered=tuple(run.missing),
        unknown=tuple(run.unknown),
        not_applicable=tuple(run.not_applicable),
        completeness=as_float(_completeness(run)),
        evidence=records,
        decision=answers.decision,
        accepted_despite_knockout=accepted_despite_knockout(answers.decision, len(knockouts)),
        review=review_status(
            answers.decision,
            day,
            rs.review_periods.get(VERDICTS[run.verdict], rs.review_period_months),
            day,
        ),
        explanation=explanation,
    )


#: What a caller may compare verdicts and levels with.
def verdict_rank(verdict: str) -> int:
    return VERDICT_RANK[verdict]


def level_rank(level: str) -> int:
    return LEVEL_RANK[level]


__all__ = [
    "Prepared",
    "Run",
    "Summary",
    "assessment_date",
    "evaluate",
    "internal_values",
    "level_rank",
    "prepare",
    "score",
    "summarize",
    "verdict_rank",
]

"""Everything `evaluate()` needs, derived once per compiled rule set; and the scope pass.

Each question and finding rule gets its weighted points per pool (points x
question weight x category weight, in decimals), its severities as ranks and
its compiled conditions. The maxima that a score is a percent of come from here
too: over every question (`denominator: all`), or over what the scope answers
alone leave possible (`scope`), computed once per scope and kept.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

from vetting.assess import evidence
from vetting.assess.answers import UNKNOWN_ANSWER, Answers
from vetting.assess.floors import Floors
from vetting.assess.numbers import ZERO, SeverityRank, dec
from vetting.assess.when import judged_date
from vetting.memo import Derived, derived, remember
from vetting.ruleset import conditions as c
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.conditions import ABSENT, UNKNOWN, WILDCARD, Predicate
from vetting.ruleset.export import max_points
from vetting.ruleset.migrate import migration
from vetting.ruleset.model import FindingRule, Question, RuleSet
from vetting.ruleset.slots import conditions_of


def internal_values(answers: Answers, compiled: CompiledRuleSet) -> dict[str, Any]:
    """The answers as conditions read them: `unknown` becomes the UNKNOWN sentinel.

    Answers written for an older version of the rule set do not count for the questions
    its changelog says changed in meaning since: they answered another question, so they
    are left unanswered (scored as unknown) until someone answers again. An old answer
    must never lower the risk of a question it was not given for.
    """
    changed = changed_since(answers, compiled)
    return {
        qid: UNKNOWN if value == UNKNOWN_ANSWER else value
        for qid, value in answers.answers.items()
        if qid not in changed
    }


def changed_since(answers: Answers, compiled: CompiledRuleSet) -> frozenset[str]:
    """Questions whose meaning changed since the version the answers were written for."""
    version = answers.ruleset_version
    if not version or version == compiled.ruleset.version:
        return frozenset()
    return frozenset(migration(compiled.ruleset, version).changed)


def public_value(value: Any) -> Any:
    """An internal answer as the answers file writes it (`unknown`, lists, scalars)."""
    if value is UNKNOWN:
        return UNKNOWN_ANSWER
    if value is ABSENT:
        return None
    if isinstance(value, list):
        return list(value)
    return value


@dataclass(frozen=True, eq=False)
class PreparedQuestion:
    """A question with its weighted points and severities precomputed.

    Compared by identity: a prepared rule set holds one per question, and runs
    compare and remove them in lists by the thousand (field by field, each would
    compare the whole question).
    """

    question: Question
    id: str
    index: int
    category: str
    scope: bool
    relevance: Predicate
    choice_ids: tuple[str, ...]
    #: The choice ids from the lowest risk to the highest (not the order shown).
    risk_order: tuple[str, ...]
    #: choice id -> weighted points per pool (in the order of `Prepared.pools`).
    points: dict[str, tuple[Decimal, ...]]
    #: Choice id -> its severity (a `SeverityRank`).
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
    #: The choices a what-if never proposes (`proposed: false`).
    not_proposed: frozenset[str] = frozenset()


@dataclass(frozen=True, eq=False)
class PreparedRule:
    """A finding rule with its weighted points and the questions it reads (compared by
    identity, as `PreparedQuestion`)."""

    rule: FindingRule
    id: str
    index: int
    category: str | None
    condition: Predicate
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


@dataclass(frozen=True)
class Graph:
    """Which questions each step of `evaluate()` reads, and who reads each question."""

    #: Question id -> the positions of the questions whose relevance or contradictions
    #: read it: those to decide again when its state moves.
    dependents: dict[str, tuple[int, ...]]
    #: Question id -> the questions whose knock-outs read it.
    knockout_readers: dict[str, frozenset[str]]
    #: Question id -> the positions of the rules that read it, or catch it contradicting
    #: the scope.
    rule_readers: dict[str, frozenset[int]]
    #: Every question reads only questions asked before it (or itself): then a
    #: question decided again sees the same answers as in a full pass.
    ordered: bool
    #: Question id -> itself and every question whose state may move when its answer
    #: does (its dependents, theirs, and so on); filled only when `ordered`.
    reach: dict[str, frozenset[str]] = field(default_factory=dict)


class PreparedAdjustment(NamedTuple):
    """A scoring adjustment as numbers: pools by index, the threshold in %."""

    if_pool: int
    then_pool: int
    reaches: Decimal
    factor: Decimal
    decimals: int
    rounding: str


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
    #: Levels are reached only strictly above their thresholds (`levels.reached: above`).
    strict: bool
    scope_ids: tuple[str, ...]
    #: Every date a `judged_date` condition compares with, sorted: days between two of
    #: them judge every condition alike (`day_class`).
    day_bounds: tuple[dt.date, ...]
    all_maxima: Maxima
    floors: Floors
    #: Question id -> the finding rules that catch its answer contradicting the scope.
    contradictions: dict[str, tuple[PreparedRule, ...]] = field(default_factory=dict)
    #: Maxima by scope answers and day (`scope_maxima`): few scopes recur in a portfolio.
    scope_cache: dict[Any, Maxima] = field(default_factory=dict)
    #: The scoring adjustments, in order, as numbers ready to use.
    adjustments: tuple[PreparedAdjustment, ...] = ()
    #: The findings built so far, by what they depend on (findings.py): shared by the
    #: files of a portfolio that raise the same ones. None: the answer raises none.
    findings: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    #: What each step of `evaluate()` reads: built by incremental.py on first use.
    graph: Graph | None = None


_PREPARED: Derived[Prepared] = {}


def prepare(compiled: CompiledRuleSet) -> Prepared:
    """The prepared form of a compiled rule set, cached while the rule set lives."""
    return derived(_PREPARED, compiled, lambda: _prepare(compiled))


def _prepare(compiled: CompiledRuleSet) -> Prepared:
    rs = compiled.ruleset
    policy = rs.scoring
    pools = tuple(policy.pools)
    score_index = pools.index(policy.score_pool)
    zero = tuple(ZERO for _ in pools)

    def vector(points: Mapping[str, float] | None, weight: Decimal) -> tuple[Decimal, ...]:
        points = points or {}
        return tuple(dec(points.get(pool, 0.0)) * weight for pool in pools)

    questions: list[PreparedQuestion] = []
    for index, q in enumerate(rs.questions):
        category = compiled.category_by_id[q.category or ""]
        weight = dec(q.weight) * dec(category.weight)
        points = {ch.id: vector(ch.points, weight) for ch in q.choices}
        severity: dict[str, int] = {ch.id: SeverityRank.of(ch.severity) for ch in q.choices}
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
            unknown_severity = SeverityRank.of(q.unknown.severity)
        else:
            # Unknown weighs as the worst of the choices, one that can knock out as critical.
            unknown_severity = max(
                (
                    SeverityRank.CRITICAL if ch.knockout else SeverityRank.of(ch.severity)
                    for ch in q.choices
                ),
                default=SeverityRank.INFO,
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
                choice_ids=tuple(ch.id for ch in q.choices),
                risk_order=compiled.risk_order[q.id],
                points=points,
                severity=severity,
                unknown_points=unknown_points,
                unknown_severity=unknown_severity,
                max_points=tuple(max(a, b) for a, b in zip(worst, unknown_points, strict=True)),
                knockouts=knockouts,
                knockout_reads=knockout_reads,
                exclusive=frozenset(ch.id for ch in q.choices if ch.exclusive),
                evidence_required=evidence.required_by_choice(q, compiled.risk_order[q.id]),
                not_proposed=frozenset(ch.id for ch in q.choices if not ch.proposed),
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
                knockout=compiled.finding_knockouts.get(rule.id),
                reads=ordered,
                points=vector(rule.points, weight),
                severity=SeverityRank.of(rule.severity),
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
        strict=levels.reached == "above",
        scope_ids=tuple(pq.id for pq in questions if pq.scope),
        day_bounds=_day_bounds(rs),
        all_maxima=Maxima(zero, {}),
        floors=Floors.of(policy.level_floors),
        adjustments=tuple(
            PreparedAdjustment(
                pools.index(adj.if_pool),
                pools.index(adj.then_pool),
                dec(adj.reaches_percent),
                dec(adj.multiply_by),
                adj.decimals,
                adj.rounding,
            )
            for adj in policy.adjustments
        ),
    )
    for pr in rules:
        if pr.rule.contradicts_scope is not None:
            qid = pr.rule.contradicts_scope
            prepared.contradictions[qid] = (*prepared.contradictions.get(qid, ()), pr)
    prepared.all_maxima = maxima_of(prepared, questions, rules)
    return prepared


def _ordered(ids: set[str], order: Mapping[str, int]) -> tuple[str, ...]:
    return tuple(sorted((q for q in ids if q in order), key=order.__getitem__))


def maxima_of(
    prep: Prepared, questions: Iterable[PreparedQuestion], rules: Iterable[PreparedRule]
) -> Maxima:
    """The weighted maxima of these questions (scope ones left out) and rules.

    Sums are exact (Decimal), so adding per category first gives the same figures.
    Added pool by pool over each category's vectors: this runs for every scope a
    portfolio holds.
    """
    size = len(prep.pools)
    held: dict[str, list[tuple[Decimal, ...]]] = {cat: [] for cat in prep.scored_categories}
    loose: list[tuple[Decimal, ...]] = []  # rules outside the scored categories
    for pq in questions:
        if not pq.scope:
            held[pq.category].append(pq.max_points)
    for pr in rules:
        held.get(pr.category or "", loose).append(pr.points)
    sums = {cat: column_sums(vectors, size) for cat, vectors in held.items()}
    overall = list(column_sums(loose, size))
    for total in sums.values():
        add_points(overall, total)
    return Maxima(tuple(overall), sums)


def column_sums(vectors: list[tuple[Decimal, ...]], size: int) -> tuple[Decimal, ...]:
    """Vectors added pool by pool, in their order (zeros when there are none)."""
    if not vectors:
        return (ZERO,) * size
    return tuple(sum(pool, ZERO) for pool in zip(*vectors, strict=True))


def add_points(total: list[Decimal], points: Iterable[Decimal]) -> None:
    """Add a vector of points to a running total, pool by pool."""
    for i, value in enumerate(points):
        total[i] += value


def subtract_points(total: list[Decimal], points: Iterable[Decimal]) -> None:
    """Take a vector of points off a running total (a what-if's changed answer)."""
    for i, value in enumerate(points):
        total[i] -= value


def _freeze(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _scope_pass(
    prep: Prepared, values: Mapping[str, Any], day: dt.date
) -> tuple[list[PreparedQuestion], dict[str, Any]]:
    """The questions possible when only the scope answers are known, and that state."""
    state: dict[str, Any] = {}
    possible: list[PreparedQuestion] = []
    for pq in prep.questions:
        # WILDCARD answers leave every test that reads them undecided (conditions.py).
        relevant = pq.relevance(state, day)
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
    possible, _ = _scope_pass(prep, internal_values(answers, compiled), when)
    return [pq.id for pq in possible]


def _day_bounds(rs: RuleSet) -> tuple[dt.date, ...]:
    """The dates the rule set's `judged_date` conditions compare the judged date with."""
    bounds: set[dt.date] = set()
    for cond in conditions_of(rs):
        for _, node in c.iter_nodes(cond):
            if isinstance(node, c.JudgedDate):
                found = c.comparison_bounds(node.judged_date).values()
                bounds.update(b for b in found if isinstance(b, dt.date))
    return tuple(sorted(bounds))


def day_class(prep: Prepared, day: dt.date) -> tuple[int, int]:
    """Where `day` falls among the rule set's date bounds: days of one class are judged alike.

    A `judged_date` condition only compares the day with its bounds (<, <=, >, >=): two
    days before, on, or after each bound alike give every condition the same truth.
    """
    return bisect.bisect_left(prep.day_bounds, day), bisect.bisect_right(prep.day_bounds, day)


#: How many scopes' maxima are kept (`scope_maxima`).
SCOPES_KEPT = 512


def scope_maxima(prep: Prepared, values: Mapping[str, Any], day: dt.date) -> Maxima:
    """Maxima over what the scope answers alone leave possible (cached per scope)."""
    # Keyed by the day's class, not the day: a portfolio's files have many dates.
    key = (day_class(prep, day), *(_freeze(values.get(qid)) for qid in prep.scope_ids))

    def make() -> Maxima:
        possible, state = _scope_pass(prep, values, day)
        # Scope questions the scope answers settle are the buyer's facts, not scored.
        counted = [pq for pq in possible if state[pq.id] is WILDCARD]
        rules = [pr for pr in prep.rules if pr.condition(state, day) is not False]
        return maxima_of(prep, counted, rules)

    return remember(prep.scope_cache, key, make, SCOPES_KEPT)


__all__ = [
    "Maxima",
    "Prepared",
    "PreparedAdjustment",
    "PreparedQuestion",
    "PreparedRule",
    "add_points",
    "column_sums",
    "internal_values",
    "maxima_of",
    "possible_given_scope",
    "prepare",
    "public_value",
    "scope_maxima",
    "subtract_points",
]

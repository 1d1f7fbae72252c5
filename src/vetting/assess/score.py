"""score(): a rule set and answers in, an Assessment out. Pure: no I/O, no clock.

The method, in plain words, is in docs/scoring.md. `evaluate()` (evaluate.py)
does the numbers on a plain mapping of answers; this module runs it once and
builds the frozen `Assessment`: findings, knock-outs, categories, texts, hashes
and (optionally) the explanation. `summarize()` gives the headline alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from vetting.assess import evidence
from vetting.assess.answers import Answers, answers_sha256
from vetting.assess.assessment import (
    LEVELS,
    VERDICTS,
    Adjustment,
    Assessment,
    CategoryScore,
    EvidenceStatus,
    Finding,
    KnockOut,
    Pending,
    PoolScore,
    ReviewStatus,
    RuleSetRef,
    UpcomingKnockOuts,
)
from vetting.assess.evaluate import (
    Run,
    evaluate,
    level_of,
    overall_level,
)
from vetting.assess.explain import explain_run
from vetting.assess.findings import answers_of, findings_of, refs, vector
from vetting.assess.floors import category_level
from vetting.assess.numbers import (
    TOP_SCORE,
    ZERO,
    as_float,
    percent,
    round_to,
)
from vetting.assess.prepare import (
    Prepared,
    internal_values,
    prepare,
)
from vetting.assess.review import (
    accepted_despite_knockout,
    evidence_statuses,
    review_status,
)
from vetting.assess.upcoming import upcoming_knockouts
from vetting.assess.when import assessment_date, judged_date
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.conditions import ABSENT, UNKNOWN, support
from vetting.ruleset.registry import written_for


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
                    answers=answers_of(run, qids),
                    choice=choice.id,
                    rationale=knockout.rationale,
                    references=refs(knockout.references),
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
                    answers=answers_of(run, ko.rule.reads),
                    rationale=rule.knockout.rationale,
                    references=refs(rule.knockout.references),
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
            pq = item.question
            # An unknown answer could be any of its knock-outs: the committee reads why
            # the worst of them would block (the riskiest choice), not the first written.
            cid = item.choice or max(
                (ko.split("=", 1)[1] for ko in item.knockouts), key=pq.risk_order.index
            )
            knockout = pq.question.choices[pq.choice_ids.index(cid)].knockout
        assert knockout is not None
        out.append(
            Pending(
                id=item.id,
                kind=item.kind,
                knockouts=item.knockouts,
                questions=item.questions,
                rationale=knockout.rationale,
                references=refs(knockout.references),
                **proof,
            )
        )
    return out


def _categories(prep: Prepared, run: Run, findings: list[Finding]) -> list[CategoryScore]:
    """Each scored category's score pool: its answers' and fired rules' points, the
    discounts the tool as a whole earned, its level raised by its own findings."""
    si = prep.score_index
    totals = dict.fromkeys(prep.scored_categories, ZERO)
    relevant = dict.fromkeys(prep.scored_categories, 0)
    answered = dict.fromkeys(prep.scored_categories, 0)
    state, points_of = run.state, run.points
    # Sums in the order of the full vectors' (answers in asking order, then rules): exact.
    for pq in run.relevant:
        if pq.scope:
            continue
        cat = pq.category
        totals[cat] += points_of[pq.id][si]
        relevant[cat] += 1
        if state[pq.id] is not UNKNOWN:
            answered[cat] += 1
    for pr in run.fired_rules + run.undecided_rules:
        if pr.category in totals:
            totals[pr.category] += pr.points[si]
    # The discount is earned by the tool as a whole: a category gets the overall's. Only
    # those on the score pool move a category's score.
    discounts = [
        adj
        for adj in (prep.adjustments[a.index] for a in run.adjustments if a.applied)
        if adj.then_pool == si
    ]
    overall_max = run.maxima.overall[si]
    by_category: dict[str | None, list[Finding]] = {}
    for finding in findings:
        by_category.setdefault(finding.category, []).append(finding)
    maxima = run.maxima.categories
    out: list[CategoryScore] = []
    for cat_id in prep.scored_categories:
        points = totals[cat_id]
        for adj in discounts:
            points = round_to(points * adj.factor, adj.decimals, adj.rounding)
        top = maxima[cat_id][si] if cat_id in maxima else ZERO
        if prep.unit == "percent":
            level = overall_level(prep, points, top)
        else:
            # Absolute thresholds are for the whole; a category uses the same share of its max.
            level = level_of(prep, points * overall_max, top if overall_max > 0 else ZERO)
        category = prep.compiled.category_by_id[cat_id]
        effective, raised = category_level(prep.floors, level, by_category.get(cat_id, ()))
        out.append(
            CategoryScore(
                id=cat_id,
                title=category.title,
                weight=category.weight,
                score=as_float(min(percent(points, top), TOP_SCORE)),
                level=LEVELS[effective],
                points_level=LEVELS[level],
                level_raised_by=raised,
                points=as_float(points),
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


def _review(compiled: CompiledRuleSet, answers: Answers, run: Run, day: dt.date) -> ReviewStatus:
    """The next review, and the knock-outs that start to hold before it."""
    rs = compiled.ruleset
    period = rs.review_periods.get(VERDICTS[run.verdict], rs.review_period_months)
    review = review_status(answers.decision, day, period, day)
    if review.next_review is None:
        return review
    coming = upcoming_knockouts(compiled, answers, review.next_review, run)
    return review.model_copy(update={"upcoming_knockouts": coming}) if coming else review


def _completeness(run: Run) -> Decimal:
    total = len(run.relevant)
    if total == 0:
        return TOP_SCORE
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
    #: `review.next_review` and `review.upcoming_knockouts`: a gate warns of a knock-out
    #: that starts before the next review (a later duty), though it does not fail on it.
    next_review: dt.date | None = None
    upcoming: tuple[UpcomingKnockOuts, ...] = ()

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
            next_review=assessment.review.next_review,
            upcoming=assessment.review.upcoming_knockouts,
        )


def summarize(compiled: CompiledRuleSet, answers: Answers) -> Summary:
    """Verdict, level, score, knock-outs and completeness of answers, as `score()` has them."""
    judged = judged_date(answers)
    proofs = evidence.strengths(compiled, answers, judged)
    prep = prepare(compiled)
    values = internal_values(answers, compiled)
    run = evaluate(prep, values, judged, proofs)
    review = _review(compiled, answers, run, assessment_date(answers))
    return Summary(
        verdict=VERDICTS[run.verdict],
        level=LEVELS[run.level],
        points_level=LEVELS[run.points_level],
        score=as_float(run.score),
        knockouts=tuple(ko.id for ko in run.knockouts),
        completeness=as_float(_completeness(run)),
        next_review=review.next_review,
        upcoming=review.upcoming_knockouts,
    )


def score(
    compiled: CompiledRuleSet, answers: Answers, *, explain: bool = True, points: bool = True
) -> Assessment:
    """Score answers against a rule set: the same inputs always give the same Assessment.

    `explain=False` skips the explanation (contributors and what-ifs), which
    re-scores the answers many times: batch scoring that only needs the verdict
    uses it. `points=False` leaves `answer_points` empty: the JSON results of
    `vetting score` do not carry them (`NOT_IN_JSON`), only the reports read them.
    """
    prep = prepare(compiled)
    day = assessment_date(answers)
    judged = judged_date(answers)
    values = internal_values(answers, compiled)
    # Evidence must still be valid when the duties bite: on the judged date (go-live).
    run = evaluate(prep, values, judged, evidence.strengths(compiled, answers, judged))
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
    records = _evidence(prep, run, evidence_statuses(compiled, answers, judged))
    expired = {e.question for e in records if e.expired}
    knockouts = tuple(_knockouts(run, rs.definitions))
    findings = findings_of(prep, run)
    explanation = None
    if explain:
        explanation = explain_run(prep, values, run)
    return Assessment(
        ruleset=RuleSetRef(
            id=compiled.origin.id,
            version=compiled.origin.version,
            sha256=compiled.origin.sha256,
            path=compiled.origin.path,
            written_for=written_for(answers.ruleset, compiled.origin.version),
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
        answer_points=(
            {qid: vector(pts, prep.pools) for qid, pts in run.points.items()} if points else {}
        ),
        unanswered=tuple(run.missing),
        unknown=tuple(run.unknown),
        not_applicable=tuple(run.not_applicable),
        completeness=as_float(_completeness(run)),
        evidence=records,
        decision=answers.decision,
        accepted_despite_knockout=accepted_despite_knockout(answers.decision, len(knockouts), day),
        review=_review(compiled, answers, run, day),
        explanation=explanation,
    )


__all__ = [
    "Summary",
    "score",
    "summarize",
]

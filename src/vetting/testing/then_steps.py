"""The Then steps on the result: verdict, level, knock-outs, pending evidence, findings, score."""

from __future__ import annotations

from vetting.assess.assessment import LEVELS, SEVERITIES, VERDICTS, Assessment
from vetting.errors import Problem, VettingError
from vetting.testing.expect import (
    check_target,
    fail,
    fmt,
    ids,
    level_words,
    number,
    one_of,
    position,
    quote,
    severity_words,
    verdict_words,
)
from vetting.testing.features import Step
from vetting.testing.matching import Args
from vetting.testing.world import World, check_question


def _matches(ko_id: str, target: str) -> bool:
    return ko_id == target or ko_id.startswith(f"{target}=")


def verdict_is(world: World, args: Args, step: Step, lang: str) -> None:
    want = one_of(args["verdict"], verdict_words(), "verdict", VERDICTS, position(world, step))
    a = world.assessment()
    if a.verdict != want:
        raise fail(lang, "testing.fail.verdict_is", a, want=want, got=a.verdict)


def verdict_is_not(world: World, args: Args, step: Step, lang: str) -> None:
    want = one_of(args["verdict"], verdict_words(), "verdict", VERDICTS, position(world, step))
    a = world.assessment()
    if a.verdict == want:
        raise fail(lang, "testing.fail.verdict_is_not", a, want=want)


def _level(world: World, args: Args, step: Step) -> tuple[str, int, Assessment]:
    want = one_of(args["level"], level_words(), "level", LEVELS, position(world, step))
    a = world.assessment()
    return want, LEVELS.index(a.level) - LEVELS.index(want), a


def level_is(world: World, args: Args, step: Step, lang: str) -> None:
    want, delta, a = _level(world, args, step)
    if delta != 0:
        raise fail(lang, "testing.fail.level_is", a, want=want, got=a.level)


def level_at_least(world: World, args: Args, step: Step, lang: str) -> None:
    want, delta, a = _level(world, args, step)
    if delta < 0:
        raise fail(lang, "testing.fail.level_at_least", a, want=want, got=a.level)


def level_at_most(world: World, args: Args, step: Step, lang: str) -> None:
    want, delta, a = _level(world, args, step)
    if delta > 0:
        raise fail(lang, "testing.fail.level_at_most", a, want=want, got=a.level)


def knockout(world: World, args: Args, step: Step, lang: str) -> None:
    target = args["target"]
    check_target(world.compiled(), target, position(world, step))
    a = world.assessment()
    if not any(_matches(k.id, target) for k in a.knockouts):
        raise fail(lang, "testing.fail.knockout", a, target=quote(target, lang))


def no_knockout_on(world: World, args: Args, step: Step, lang: str) -> None:
    target = args["target"]
    check_target(world.compiled(), target, position(world, step))
    a = world.assessment()
    hits = [k.id for k in a.knockouts if _matches(k.id, target)]
    if hits:
        raise fail(
            lang, "testing.fail.no_knockout_on", a, target=quote(target, lang), hits=", ".join(hits)
        )


def no_knockout(world: World, args: Args, step: Step, lang: str) -> None:
    a = world.assessment()
    if a.knockouts:
        raise fail(lang, "testing.fail.no_knockout", a)


def _pending_hits(a: Assessment, target: str) -> list[str]:
    return [
        p.id
        for p in a.pending
        if _matches(p.id, target) or any(_matches(k, target) for k in p.knockouts)
    ]


def pending_on(world: World, args: Args, step: Step, lang: str) -> None:
    target = args["target"]
    check_target(world.compiled(), target, position(world, step))
    a = world.assessment()
    if not _pending_hits(a, target):
        raise fail(lang, "testing.fail.pending_on", a, target=quote(target, lang))


def no_pending_on(world: World, args: Args, step: Step, lang: str) -> None:
    target = args["target"]
    check_target(world.compiled(), target, position(world, step))
    a = world.assessment()
    hits = _pending_hits(a, target)
    if hits:
        raise fail(
            lang, "testing.fail.no_pending_on", a, target=quote(target, lang), hits=", ".join(hits)
        )


def no_pending(world: World, args: Args, step: Step, lang: str) -> None:
    a = world.assessment()
    if a.pending:
        raise fail(lang, "testing.fail.no_pending", a)


def _findings(a: Assessment, lang: str) -> str:
    return ids([f"{f.id} ({f.severity})" for f in a.findings], lang)


def finding_on(world: World, args: Args, step: Step, lang: str) -> None:
    target = args["target"]
    check_target(world.compiled(), target, position(world, step))
    a = world.assessment()
    if not any(f.id == target for f in a.findings):
        raise fail(
            lang,
            "testing.fail.finding_on",
            a,
            target=quote(target, lang),
            findings=_findings(a, lang),
        )


def no_finding_on(world: World, args: Args, step: Step, lang: str) -> None:
    target = args["target"]
    check_target(world.compiled(), target, position(world, step))
    a = world.assessment()
    for f in a.findings:
        if f.id == target:
            raise fail(
                lang,
                "testing.fail.no_finding_on",
                a,
                target=quote(target, lang),
                severity=f.severity,
            )


def finding_severity(world: World, args: Args, step: Step, lang: str) -> None:
    target = args["target"]
    where = position(world, step)
    check_target(world.compiled(), target, where)
    want = one_of(args["severity"], severity_words(), "severity", SEVERITIES, where)
    a = world.assessment()
    found = [f for f in a.findings if f.id == target]
    if not found:
        raise fail(
            lang,
            "testing.fail.finding_missing",
            a,
            target=quote(target, lang),
            want=want,
            findings=_findings(a, lang),
        )
    if found[0].severity != want:
        raise fail(
            lang,
            "testing.fail.finding_severity",
            a,
            target=quote(target, lang),
            want=want,
            got=found[0].severity,
        )


def score_between(world: World, args: Args, step: Step, lang: str) -> None:
    where = position(world, step)
    low, high = number(args["low"], where), number(args["high"], where)
    if low > high:
        raise VettingError(Problem(where, f"the range {args['low']} to {args['high']} is empty"))
    a = world.assessment()
    if not low <= a.score <= high:
        raise fail(
            lang,
            "testing.fail.score_between",
            a,
            low=fmt(low, lang),
            high=fmt(high, lang),
            got=fmt(a.score, lang),
        )


def score_at_least(world: World, args: Args, step: Step, lang: str) -> None:
    bound = number(args["value"], position(world, step))
    a = world.assessment()
    if a.score < bound:
        raise fail(
            lang, "testing.fail.score_at_least", a, bound=fmt(bound, lang), got=fmt(a.score, lang)
        )


def score_at_most(world: World, args: Args, step: Step, lang: str) -> None:
    bound = number(args["value"], position(world, step))
    a = world.assessment()
    if a.score > bound:
        raise fail(
            lang, "testing.fail.score_at_most", a, bound=fmt(bound, lang), got=fmt(a.score, lang)
        )


def answer_worth(world: World, args: Args, step: Step, lang: str) -> None:
    """The weighted points the answer to one question adds to a pool (before adjustments).

    The pool is the score's (risk) unless the step names one.
    """
    where = position(world, step)
    want = number(args["points"], where)
    compiled = world.compiled()
    qid = args["question"]
    check_question(compiled, qid, where)
    pools = compiled.ruleset.scoring.pools
    pool = args.get("pool", compiled.ruleset.scoring.score_pool)
    if pool not in pools:
        raise VettingError(
            Problem(where, f"'{pool}' is not a pool of this rule set", hint=", ".join(pools))
        )
    a = world.assessment()
    if qid not in a.answer_points:  # not asked here, or a scope question (it adds nothing)
        raise fail(
            lang,
            "testing.fail.answer_worth_not_asked",
            a,
            question=quote(qid, lang),
            want=fmt(want, lang),
        )
    got = a.answer_points.get(qid, {}).get(pool, 0.0)
    if abs(got - want) > 1e-9:
        raise fail(
            lang,
            "testing.fail.answer_worth",
            a,
            question=quote(qid, lang),
            want=fmt(want, lang),
            pool=pool,
            got=fmt(got, lang),
        )

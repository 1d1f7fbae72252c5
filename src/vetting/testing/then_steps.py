"""The Then steps on the result: verdict, level, knock-outs, pending evidence, findings, score."""

from __future__ import annotations

from vetting.assess.assessment import LEVELS, SEVERITIES, VERDICTS, Assessment
from vetting.errors import Problem, VettingError
from vetting.testing.expect import (
    LEVEL_WORDS,
    SEVERITY_WORDS,
    VERDICT_WORDS,
    check_target,
    fail,
    fmt,
    ids,
    number,
    one_of,
    position,
    quote,
)
from vetting.testing.features import Step
from vetting.testing.matching import Args
from vetting.testing.world import World, check_question


def _matches(ko_id: str, target: str) -> bool:
    return ko_id == target or ko_id.startswith(f"{target}=")


def verdict_is(world: World, args: Args, step: Step, lang: str) -> None:
    want = one_of(args["verdict"], VERDICT_WORDS, "verdict", VERDICTS, position(world, step))
    a = world.assessment()
    if a.verdict != want:
        raise fail(
            lang,
            f"expected the verdict '{want}', got '{a.verdict}'",
            f"verdict attendu : {want}, obtenu : {a.verdict}",
            a,
        )


def verdict_is_not(world: World, args: Args, step: Step, lang: str) -> None:
    want = one_of(args["verdict"], VERDICT_WORDS, "verdict", VERDICTS, position(world, step))
    a = world.assessment()
    if a.verdict == want:
        raise fail(
            lang,
            f"expected any verdict but '{want}'",
            f"verdict attendu : autre que {want}",
            a,
        )


def _level(world: World, args: Args, step: Step) -> tuple[str, int, Assessment]:
    want = one_of(args["level"], LEVEL_WORDS, "level", LEVELS, position(world, step))
    a = world.assessment()
    return want, LEVELS.index(a.level) - LEVELS.index(want), a


def level_is(world: World, args: Args, step: Step, lang: str) -> None:
    want, delta, a = _level(world, args, step)
    if delta != 0:
        raise fail(
            lang,
            f"expected the level '{want}', got '{a.level}'",
            f"niveau attendu : {want}, obtenu : {a.level}",
            a,
        )


def level_at_least(world: World, args: Args, step: Step, lang: str) -> None:
    want, delta, a = _level(world, args, step)
    if delta < 0:
        raise fail(
            lang,
            f"expected the level '{want}' or above, got '{a.level}'",
            f"niveau attendu : au moins {want}, obtenu : {a.level}",
            a,
        )


def level_at_most(world: World, args: Args, step: Step, lang: str) -> None:
    want, delta, a = _level(world, args, step)
    if delta > 0:
        raise fail(
            lang,
            f"expected the level '{want}' or below, got '{a.level}'",
            f"niveau attendu : au plus {want}, obtenu : {a.level}",
            a,
        )


def knockout(world: World, args: Args, step: Step, lang: str) -> None:
    target = args["target"]
    check_target(world.compiled(), target, position(world, step))
    a = world.assessment()
    if not any(_matches(k.id, target) for k in a.knockouts):
        raise fail(
            lang,
            f"expected a knock-out on '{target}'",
            f"KO attendu sur {quote(target, lang)}",
            a,
        )


def no_knockout_on(world: World, args: Args, step: Step, lang: str) -> None:
    target = args["target"]
    check_target(world.compiled(), target, position(world, step))
    a = world.assessment()
    hits = [k.id for k in a.knockouts if _matches(k.id, target)]
    if hits:
        raise fail(
            lang,
            f"expected no knock-out on '{target}', got {', '.join(hits)}",
            f"aucun KO attendu sur {quote(target, lang)}, obtenu : {', '.join(hits)}",
            a,
        )


def no_knockout(world: World, args: Args, step: Step, lang: str) -> None:
    a = world.assessment()
    if a.knockouts:
        raise fail(lang, "expected no knock-out", "aucun KO attendu", a)


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
        raise fail(
            lang,
            f"expected a knock-out pending evidence on '{target}'",
            f"KO en attente de preuves attendu sur {quote(target, lang)}",
            a,
        )


def no_pending_on(world: World, args: Args, step: Step, lang: str) -> None:
    target = args["target"]
    check_target(world.compiled(), target, position(world, step))
    a = world.assessment()
    hits = _pending_hits(a, target)
    if hits:
        raise fail(
            lang,
            f"expected no knock-out pending evidence on '{target}', got {', '.join(hits)}",
            f"aucun KO en attente attendu sur {quote(target, lang)}, obtenu : {', '.join(hits)}",
            a,
        )


def no_pending(world: World, args: Args, step: Step, lang: str) -> None:
    a = world.assessment()
    if a.pending:
        raise fail(lang, "expected no knock-out pending evidence", "aucun KO en attente attendu", a)


def _findings(a: Assessment, lang: str) -> str:
    return ids([f"{f.id} ({f.severity})" for f in a.findings], lang)


def finding_on(world: World, args: Args, step: Step, lang: str) -> None:
    target = args["target"]
    check_target(world.compiled(), target, position(world, step))
    a = world.assessment()
    if not any(f.id == target for f in a.findings):
        raise fail(
            lang,
            f"expected a finding on '{target}'; findings were: {_findings(a, lang)}",
            f"constat attendu sur {quote(target, lang)} ; constats obtenus : {_findings(a, lang)}",
            a,
        )


def no_finding_on(world: World, args: Args, step: Step, lang: str) -> None:
    target = args["target"]
    check_target(world.compiled(), target, position(world, step))
    a = world.assessment()
    for f in a.findings:
        if f.id == target:
            raise fail(
                lang,
                f"expected no finding on '{target}', got one of severity '{f.severity}'",
                f"aucun constat attendu sur {quote(target, lang)}, obtenu : sévérité {f.severity}",
                a,
            )


def finding_severity(world: World, args: Args, step: Step, lang: str) -> None:
    target = args["target"]
    where = position(world, step)
    check_target(world.compiled(), target, where)
    want = one_of(args["severity"], SEVERITY_WORDS, "severity", SEVERITIES, where)
    a = world.assessment()
    found = [f for f in a.findings if f.id == target]
    if not found:
        raise fail(
            lang,
            f"expected a finding on '{target}' of severity '{want}', but there is no finding "
            f"on it; findings were: {_findings(a, lang)}",
            f"constat de sévérité {want} attendu sur {quote(target, lang)}, mais il n'y a aucun "
            f"constat sur cette question ; constats obtenus : {_findings(a, lang)}",
            a,
        )
    if found[0].severity != want:
        raise fail(
            lang,
            f"expected the finding on '{target}' to have severity '{want}', "
            f"got '{found[0].severity}'",
            f"sévérité attendue pour le constat sur {quote(target, lang)} : {want}, "
            f"obtenue : {found[0].severity}",
            a,
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
            f"expected a score between {fmt(low, lang)} and {fmt(high, lang)}, "
            f"got {fmt(a.score, lang)}",
            f"score attendu entre {fmt(low, lang)} et {fmt(high, lang)}, "
            f"obtenu : {fmt(a.score, lang)}",
            a,
        )


def score_at_least(world: World, args: Args, step: Step, lang: str) -> None:
    bound = number(args["value"], position(world, step))
    a = world.assessment()
    if a.score < bound:
        raise fail(
            lang,
            f"expected a score of at least {fmt(bound, lang)}, got {fmt(a.score, lang)}",
            f"score attendu d'au moins {fmt(bound, lang)}, obtenu : {fmt(a.score, lang)}",
            a,
        )


def score_at_most(world: World, args: Args, step: Step, lang: str) -> None:
    bound = number(args["value"], position(world, step))
    a = world.assessment()
    if a.score > bound:
        raise fail(
            lang,
            f"expected a score of at most {fmt(bound, lang)}, got {fmt(a.score, lang)}",
            f"score attendu d'au plus {fmt(bound, lang)}, obtenu : {fmt(a.score, lang)}",
            a,
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
            f"expected the answer to '{qid}' to be worth {fmt(want, lang)} points, "
            "but the question is not asked here",
            f"la réponse à « {qid} » devait valoir {fmt(want, lang)} points, "
            "mais la question n'est pas posée ici",
            a,
        )
    got = a.answer_points.get(qid, {}).get(pool, 0.0)
    if abs(got - want) > 1e-9:
        raise fail(
            lang,
            f"expected the answer to '{qid}' to be worth {fmt(want, lang)} {pool} points, "
            f"got {fmt(got, lang)}",
            f"la réponse à « {qid} » devait valoir {fmt(want, lang)} points ({pool}), "
            f"obtenu : {fmt(got, lang)}",
            a,
        )

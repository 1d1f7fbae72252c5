"""Steps for the rules that keep a result from reassuring wrongly.

The evidence a claim needs, answers the scope contradicts, the level's floors,
review dates and what the explanation may propose. Their texts are in the one
step table (`steps.STEPS`); their functions live here.
"""

from __future__ import annotations

from vetting.assess.assessment import LEVELS, Assessment
from vetting.assess.explain import explain
from vetting.errors import Problem, VettingError
from vetting.testing.expect import (
    check_target,
    fail,
    level_words,
    one_of,
    position,
    quote,
    step_date,
)
from vetting.testing.features import Step
from vetting.testing.matching import Args
from vetting.testing.world import EVIDENCE_STATES, World, check_question

#: Words a scenario may use for a state of evidence, in either language.
_EVIDENCE_WORDS = {
    "verified": "verified",
    "vérifiée": "verified",
    "verifiee": "verified",
    "declared": "declared",
    "déclarée": "declared",
    "declaree": "declared",
    "expired": "expired",
    "expirée": "expired",
    "expiree": "expired",
    "missing": "missing",
    "absente": "missing",
    "manquante": "missing",
}


def given_evidence(world: World, args: Args, step: Step, lang: str) -> None:
    """`the evidence for "Q" is "verified|declared|expired|missing"`."""
    where = position(world, step)
    state = _EVIDENCE_WORDS.get(args["state"].strip().lower())
    if state is None:
        raise VettingError(
            Problem(
                where,
                f"'{args['state']}' is not a state of evidence",
                hint=f"use one of: {', '.join(EVIDENCE_STATES)}",
            )
        )
    world.set_evidence(args["question"], state, where)


def points_level_is(world: World, args: Args, step: Step, lang: str) -> None:
    """`the points level is "low"`: the band of the score alone, before the floors."""
    want = one_of(args["level"], level_words(), "level", LEVELS, position(world, step))
    a = world.assessment()
    if a.points_level != want:
        raise fail(lang, "testing.fail.points_level_is", a, want=want, got=a.points_level)


def _pending_kind(world: World, args: Args, step: Step, lang: str, kind: str) -> Assessment:
    qid = args["question"]
    check_question(world.compiled(), qid, position(world, step))
    a = world.assessment()
    if not any(p.kind == kind and p.id == qid for p in a.pending):
        got = ", ".join(f"{p.id} ({p.kind})" for p in a.pending) or "-"
        raise fail(
            lang, "testing.fail.pending_kind", a, question=quote(qid, lang), kind=kind, got=got
        )
    return a


def contradicts_scope(world: World, args: Args, step: Step, lang: str) -> None:
    """`the answer to "Q" contradicts the scope`: scored as unknown, its knock-outs pending."""
    _pending_kind(world, args, step, lang, "contradiction")


def waits_for_evidence(world: World, args: Args, step: Step, lang: str) -> None:
    """`the knock-outs of "Q" wait for its evidence`: missing or expired."""
    _pending_kind(world, args, step, lang, "evidence")


def unverified(world: World, args: Args, step: Step, lang: str) -> None:
    """`the evidence for "Q" is shown as unverified`: declared where verified is needed."""
    qid = args["question"]
    check_question(world.compiled(), qid, position(world, step))
    a = world.assessment()
    if not any(e.question == qid and e.unverified for e in a.evidence):
        raise fail(lang, "testing.fail.unverified", a, question=quote(qid, lang))


def next_review_is(world: World, args: Args, step: Step, lang: str) -> None:
    """`the next review is on "YYYY-MM-DD"`."""
    want = step_date(world, args, step)  # no range check: a review may fall after LATEST
    a = world.assessment()
    got = a.review.next_review
    if got != want:
        shown = got.isoformat() if got else "-"
        raise fail(lang, "testing.fail.next_review_is", a, want=want.isoformat(), got=shown)


def _proposed(world: World) -> set[str]:
    """Every `question=answer` the explanation proposes, in what-ifs and lifts."""
    explanation = explain(world.compiled(), world.answers())
    out: set[str] = set()
    for whatif in (*explanation.what_would_change, *explanation.lifts):
        for change in whatif.changes:
            values = change.to if isinstance(change.to, list) else [change.to]
            out.update(f"{change.question}={value}" for value in values)
    return out


def proposes(world: World, args: Args, step: Step, lang: str) -> None:
    """`what would change the result proposes "Q=choice"`."""
    target = args["target"]
    check_target(world.compiled(), target, position(world, step))
    found = _proposed(world)
    if target not in found:
        shown = ", ".join(sorted(found)) or "-"
        raise fail(
            lang, "testing.fail.proposes", world.assessment(), target=quote(target, lang), got=shown
        )


def does_not_propose(world: World, args: Args, step: Step, lang: str) -> None:
    """`what would change the result does not propose "Q=choice"`."""
    target = args["target"]
    check_target(world.compiled(), target, position(world, step))
    if target in _proposed(world):
        raise fail(
            lang, "testing.fail.does_not_propose", world.assessment(), target=quote(target, lang)
        )


__all__ = [
    "contradicts_scope",
    "does_not_propose",
    "given_evidence",
    "next_review_is",
    "points_level_is",
    "proposes",
    "unverified",
    "waits_for_evidence",
]

"""Checks of the rules that keep a result from reassuring wrongly.

Level floors, review periods by verdict, the evidence a claim needs and the
contradictions of the scope: each must point the same way as the verdicts
(a worse state never gets a lower floor, a later review or less proof), or
a worse answer could improve the result. Kept apart from `check.py`, which
calls `check_claims()` from its semantic pass.
"""

from __future__ import annotations

import itertools
from typing import get_args

from vetting.ruleset.context import CheckContext
from vetting.ruleset.model import CHOICE_TYPES, SEVERITY_NAMES, Level, Verdict

_LEVELS: tuple[Level, ...] = get_args(Level)
#: Verdicts a tool may be in use under, from the best to the worst (a rejected tool is not).
_IN_USE: tuple[Verdict, ...] = ("accept", "conditional", "pending_evidence")


def _rank(level: str | None) -> int:
    return -1 if level is None else _LEVELS.index(level)


def check_claims(checker: CheckContext) -> None:
    """Every problem of floors, review periods, evidence requirements and contradictions."""
    _check_floors(checker)
    _check_review_periods(checker)
    _check_evidence_required(checker)
    _check_contradictions(checker)


def _check_floors(checker: CheckContext) -> None:
    floors = checker.rs.scoring.level_floors
    where = ("scoring", "level_floors")
    if _rank(floors.knockout) < _rank(floors.pending):
        checker.problem(
            checker.manifest,
            (*where, "knockout"),
            f"the knock-out floor ({floors.knockout}) is below the pending floor "
            f"({floors.pending}): a knock-out that fires would lower the level",
            "raise knockout to at least the pending floor",
        )
    previous: tuple[str, str] | None = None
    for severity in SEVERITY_NAMES:
        level = floors.severity.get(severity)
        if level is None:
            continue
        if max(_rank(floors.pending), _rank(floors.knockout)) < _rank(level):
            checker.problem(
                checker.manifest,
                (*where, "severity", severity),
                f"the floor of a {severity} finding ({level}) is above the pending or "
                "knock-out floor: a knock-out would lower the level",
                "keep severity floors at or below pending and knockout",
            )
        if previous is not None and _rank(level) < _rank(previous[1]):
            checker.problem(
                checker.manifest,
                (*where, "severity", severity),
                f"a {severity} finding has a lower floor ({level}) than a {previous[0]} one "
                f"({previous[1]})",
                "floors must not fall as severity rises",
            )
        previous = (severity, level)


def _check_review_periods(checker: CheckContext) -> None:
    rs = checker.rs
    months = {
        verdict: rs.review_periods.get(verdict, rs.review_period_months) for verdict in _IN_USE
    }
    for better, worse in itertools.pairwise(_IN_USE):
        a, b = months[better], months[worse]
        if a is not None and b is not None and b > a:
            checker.problem(
                checker.manifest,
                ("review_periods", worse if worse in rs.review_periods else better),
                f"a {worse} tool would be reviewed later ({b} months) than a {better} one "
                f"({a} months)",
                "a worse verdict needs a review at least as soon",
            )


def _check_evidence_required(checker: CheckContext) -> None:
    for i, q in enumerate(checker.rs.questions):
        required = [j for j, ch in enumerate(q.choices) if ch.evidence_required]
        if not required:
            continue
        if q.type != "single":
            what = "a multiple-choice" if q.type in CHOICE_TYPES else f"a {q.type}"
            checker.problem(
                checker.q_place(i),
                ("choices", required[0], "evidence_required"),
                f"evidence_required applies to single-choice questions, not {what} question",
            )
        elif not any(ch.knockout for ch in q.choices):
            checker.problem(
                checker.q_place(i),
                ("choices", required[0], "evidence_required"),
                f"evidence_required has no effect: '{q.id}' has no knock-out to rule out",
                "remove it, or add the knock-out the evidence rules out",
            )


def _check_contradictions(checker: CheckContext) -> None:
    for i, rule in enumerate(checker.rs.findings):
        qid = rule.contradicts_scope
        if qid is None:
            continue
        place, sub = checker.f_place(i), ("contradicts_scope",)
        reads = checker.expand_questions(rule.when)
        if qid not in checker.by_id:
            checker.problem(place, sub, f"unknown question '{qid}'")
            continue
        if checker.by_id[qid].category in _scope_categories(checker):
            checker.problem(
                place, sub, f"'{qid}' is a scope question: the scope cannot contradict itself"
            )
            continue
        if qid not in reads:
            checker.problem(
                place,
                sub,
                f"the rule's condition does not read '{qid}'",
                "name the question whose answer the scope contradicts",
            )
            continue
        others = sorted(
            q
            for q in reads
            if q != qid
            and checker.by_id.get(q) is not None
            and checker.by_id[q].category not in _scope_categories(checker)
        )
        if others:
            checker.problem(
                place,
                ("when",),
                f"a scope contradiction reads only scope questions and '{qid}', "
                f"not {', '.join(others)}",
                "write a plain finding rule for a contradiction between two answers",
            )
        elif len(reads) == 1:
            checker.problem(
                place,
                ("when",),
                "a scope contradiction must read a scope question",
                "compare the answer with the scope (e.g. {is: third_party_hosting})",
            )
        later = sorted(q for q in reads if checker.order.get(q, -1) > checker.order[qid])
        if later:
            checker.problem(
                place,
                ("when",),
                f"a scope contradiction reads {', '.join(later)}, asked after '{qid}'",
                "the scope it compares with must be answered first",
            )
        if rule.knockout is not None:
            checker.problem(
                place,
                ("knockout",),
                "a scope contradiction cannot knock out: it leaves the answer's knock-outs "
                "pending until the contradiction is resolved",
                "remove the knockout, or drop contradicts_scope",
            )


def _scope_categories(checker: CheckContext) -> set[str]:
    return {cat.id for cat in checker.rs.categories if cat.scope}


__all__ = ["check_claims"]

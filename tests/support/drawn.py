"""Answer sets drawn by Hypothesis, for the property tests of scoring (monotone, summarize)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from tests.conftest import FIXTURES, ROOT
from vetting.assess.answers import Answers, Tool
from vetting.assess.prepare import PreparedQuestion, prepare
from vetting.ruleset.compiled import CompiledRuleSet

RULE_SETS = {
    "health-ai": ROOT / "rules" / "health-ai",
    "clinic": FIXTURES / "scoring" / "clinic",
    "claims": FIXTURES / "scoring" / "claims",
    # clinic with every single choice shown riskiest first and some help left out.
    "yes-first": FIXTURES / "scoring" / "yes-first",
    "aia-like": ROOT / "examples" / "rulesets" / "aia-like",
}
SETTINGS = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _decode(pq: PreparedQuestion, code: int) -> Any:
    """One drawn integer as an answer (None: no answer); small codes give the first choices.

    Drawing one integer per question, rather than composing strategies, keeps
    generation fast on a rule set of a hundred questions, and still shrinks well.
    """
    q = pq.question
    if q.type == "single":
        options: list[Any] = [*pq.choice_ids, "unknown", None]
        return options[code % len(options)]
    kind, rest = code % 10, code // 10
    if kind == 8:
        return "unknown"
    if kind == 9:
        return None
    if q.type == "multiple":
        if kind == 7 and pq.exclusive:
            return [sorted(pq.exclusive)[rest % len(pq.exclusive)]]
        plain = [cid for cid in pq.choice_ids if cid not in pq.exclusive]
        return [cid for bit, cid in enumerate(plain) if rest >> bit & 1]
    if q.type == "number":
        low = int(q.minimum) if q.minimum is not None else -1000
        high = int(q.maximum) if q.maximum is not None else 1000
        return low + rest % (high - low + 1)
    if q.type == "date":
        return dt.date(2020, 1, 1) + dt.timedelta(days=rest % 4000)
    return "x" * (rest % 3)


@st.composite
def answer_sets(draw: st.DrawFn, compiled: CompiledRuleSet) -> dict[str, Any]:
    """A whole answers file: scope included, some answers unknown, some missing."""
    prep = prepare(compiled)
    size = len(prep.questions)
    codes = draw(st.lists(st.integers(0, 2**16 - 1), min_size=size, max_size=size))
    values: dict[str, Any] = {}
    for pq, code in zip(prep.questions, codes, strict=True):
        value = _decode(pq, code)
        if value is not None:
            values[pq.id] = value
    return values


@st.composite
def answers_files(draw: st.DrawFn, compiled: CompiledRuleSet) -> Answers:
    """A dated answers file for the rule set, its answers drawn by `answer_sets`."""
    return Answers(
        ruleset=compiled.ruleset.id,
        tool=Tool(name="t"),
        date=compiled.ruleset.as_of,
        answers=draw(answer_sets(compiled)),
    )


@st.composite
def answer_changes(
    draw: st.DrawFn, compiled: CompiledRuleSet, among: frozenset[str] | None = None
) -> dict[str, Any]:
    """One to three non-scope answers changed (`among` these), as a what-if changes them."""
    prep = prepare(compiled)
    movable = [pq for pq in prep.questions if not pq.scope and (among is None or pq.id in among)]
    picked = draw(st.lists(st.sampled_from(movable), min_size=1, max_size=3, unique_by=id))
    changes: dict[str, Any] = {}
    for pq in picked:
        value = _decode(pq, draw(st.integers(0, 2**16 - 1)))
        if value is not None:
            changes[pq.id] = value
    return changes

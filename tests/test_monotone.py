"""Monotonicity, proved by search: a worse answer never lowers the score, level or verdict.

"Worse" is the risk order derived from each choice (knock-out, severity,
points, rank: `vetting.ruleset.order`), whatever order the choices are shown
in; the checker guarantees that the points agree with it.
Hypothesis draws whole answer sets (scope included, some answers unknown or
missing, evidence recorded, missing, declared or expired), picks a relevant
non-scope question, moves its answer to a worse one, and compares. An answer
the scope contradicts is not a real answer: it scores as `unknown`, never
better (a property of its own below). Run on the shipped rule set: a failure
here names a question and two choices, and is a content bug to fix in the rule
set, never in this test.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests.support.drawn import RULE_SETS, SETTINGS, answer_sets
from vetting.assess import Answers, Tool, score
from vetting.assess.answers import Evidence
from vetting.assess.assessment import LEVELS, VERDICTS, Assessment
from vetting.assess.evaluate import evaluate
from vetting.assess.evidence import strengths
from vetting.assess.prepare import prepare
from vetting.ruleset.api import load_ruleset
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.conditions import UNKNOWN

pytestmark = pytest.mark.slow  # big Hypothesis searches over four rule sets


@pytest.fixture(scope="module", params=sorted(RULE_SETS))
def compiled(request: pytest.FixtureRequest) -> CompiledRuleSet:
    return load_ruleset(RULE_SETS[request.param])


def _unknown_worst_and_scope_maximum(name: str) -> bool:
    policy = load_ruleset(RULE_SETS[name]).ruleset.scoring
    return policy.unknown == "worst" and policy.denominator == "scope"


#: The rule sets that score `unknown` as the worst answer and count the maximum by scope
#: (the AIA encoding does neither, as the AIA itself).
WORST_AND_SCOPE = [name for name in sorted(RULE_SETS) if _unknown_worst_and_scope_maximum(name)]


@pytest.fixture(scope="module", params=WORST_AND_SCOPE)
def scope_compiled(request: pytest.FixtureRequest) -> CompiledRuleSet:
    return load_ruleset(RULE_SETS[request.param])


def _has_claims(name: str) -> bool:
    rs = load_ruleset(RULE_SETS[name]).ruleset
    return any(f.contradicts_scope for f in rs.findings) and any(
        ch.evidence_required for q in rs.questions for ch in q.choices
    )


#: The rule sets with scope contradictions and claims that need evidence.
WITH_CLAIMS = [name for name in sorted(RULE_SETS) if _has_claims(name)]


@pytest.fixture(scope="module", params=WITH_CLAIMS)
def claims_compiled(request: pytest.FixtureRequest) -> CompiledRuleSet:
    return load_ruleset(RULE_SETS[request.param])


def test_the_properties_below_cover_the_default_rule_set() -> None:
    assert "health-ai" in WORST_AND_SCOPE
    assert "health-ai" in WITH_CLAIMS


#: Evidence as drawn: none, declared, verified, or verified but expired on the assessment date.
_PROOFS: tuple[Evidence | None, ...] = (
    None,
    Evidence(text="seen", status="declared"),
    Evidence(text="seen", status="verified"),
    Evidence(
        text="seen", status="verified", issued=dt.date(2010, 1, 1), expires=dt.date(2011, 1, 1)
    ),
)


@st.composite
def evidence_sets(draw: st.DrawFn, compiled: CompiledRuleSet) -> dict[str, Evidence]:
    """Evidence for the questions whose answers may need it: each one of `_PROOFS`."""
    prep = prepare(compiled)
    out: dict[str, Evidence] = {}
    for pq in prep.questions:
        if pq.evidence_required:
            proof = draw(st.sampled_from(_PROOFS))
            if proof is not None:
                out[pq.id] = proof
    return out


def _answers(
    compiled: CompiledRuleSet, values: dict[str, Any], proofs: dict[str, Evidence] | None = None
) -> Answers:
    return Answers(
        ruleset=compiled.ruleset.id,
        tool=Tool(name="t"),
        date=compiled.ruleset.as_of,
        answers=values,
        evidence=proofs or {},
    )


def _score(
    compiled: CompiledRuleSet, values: dict[str, Any], proofs: dict[str, Evidence] | None = None
) -> Assessment:
    return score(compiled, _answers(compiled, values, proofs), explain=False)


def _run(compiled: CompiledRuleSet, values: dict[str, Any], proofs: dict[str, Evidence]) -> Any:
    day = compiled.ruleset.as_of
    held = strengths(compiled, _answers(compiled, values, proofs), day)
    return evaluate(prepare(compiled), _internal(values), day, held)


def _internal(values: dict[str, Any]) -> dict[str, Any]:
    return {qid: UNKNOWN if value == "unknown" else value for qid, value in values.items()}


def _ranks(a: Assessment) -> tuple[float, int, int]:
    return a.score, LEVELS.index(a.level), VERDICTS.index(a.verdict)


def _check_a_worse_answer(compiled: CompiledRuleSet, data: st.DataObject) -> None:
    values = data.draw(answer_sets(compiled), label="answers")
    proofs = data.draw(evidence_sets(compiled), label="evidence")
    run = _run(compiled, values, proofs)
    movable = [
        pq
        for pq in run.relevant
        if not pq.scope
        and pq.question.type == "single"
        and values.get(pq.id) in pq.risk_order[:-1]
        and pq.id not in run.contradicted
    ]
    assume(movable)
    pq = data.draw(st.sampled_from(movable), label="question")
    here = pq.risk_order.index(values[pq.id])
    worse = pq.risk_order[data.draw(st.integers(here + 1, len(pq.risk_order) - 1), label="to")]
    before = _score(compiled, values, proofs)
    after = _score(compiled, {**values, pq.id: worse}, proofs)
    note = f"{pq.id}: {values[pq.id]} -> {worse}: {_ranks(before)} -> {_ranks(after)}"
    assert after.score >= before.score, note
    assert LEVELS.index(after.level) >= LEVELS.index(before.level), note
    assert VERDICTS.index(after.verdict) >= VERDICTS.index(before.verdict), note


@SETTINGS
@given(data=st.data())
def test_a_worse_answer_never_lowers_the_result(
    compiled: CompiledRuleSet, data: st.DataObject
) -> None:
    _check_a_worse_answer(compiled, data)


def test_the_search_finds_a_rule_set_that_is_not_monotone(tmp_path: Path) -> None:
    """The property can fail: a rule that rewards a worse answer is caught."""
    folder = tmp_path / "clinic"
    shutil.copytree(RULE_SETS["clinic"], folder)
    ops = folder / "ops.yaml"
    text = ops.read_text(encoding="utf-8")
    # The unsupervised-data rule now fires on the BEST oversight answer, with 20 points.
    text = text.replace(
        "{question: ops.oversight, equals: never}", "{question: ops.oversight, equals: always}"
    )
    ops.write_text(text.replace("points: {risk: 2}", "points: {risk: 20}"), encoding="utf-8")
    compiled = load_ruleset(folder)

    @settings(max_examples=300, deadline=None, database=None)
    @given(data=st.data())
    def search(data: st.DataObject) -> None:
        _check_a_worse_answer(compiled, data)

    with pytest.raises(AssertionError, match=r"ops\.oversight: always -> "):
        search()


@SETTINGS
@given(data=st.data())
def test_not_knowing_never_lowers_the_result(
    scope_compiled: CompiledRuleSet, data: st.DataObject
) -> None:
    """`unknown` scores like the worst answer; a knock-out becomes pending, never accepted."""
    compiled = scope_compiled
    prep = prepare(compiled)
    values = data.draw(answer_sets(compiled), label="answers")
    run = evaluate(prep, _internal(values), compiled.ruleset.as_of)
    answered = [
        pq for pq in run.relevant if not pq.scope and values.get(pq.id, "unknown") != "unknown"
    ]
    assume(answered)
    pq = data.draw(st.sampled_from(answered), label="question")
    before, after = _score(compiled, values), _score(compiled, {**values, pq.id: "unknown"})
    note = f"{pq.id}: {values[pq.id]} -> unknown: {_ranks(before)} -> {_ranks(after)}"
    assert after.score >= before.score, note
    assert LEVELS.index(after.points_level) >= LEVELS.index(before.points_level), note
    # A knock-out becomes pending: the level may fall from the knock-out's floor to the
    # pending one, never lower.
    pending = compiled.ruleset.scoring.level_floors.pending or "low"
    assert LEVELS.index(after.level) >= min(LEVELS.index(before.level), LEVELS.index(pending))
    floor = min(VERDICTS.index(before.verdict), VERDICTS.index("pending_evidence"))
    assert VERDICTS.index(after.verdict) >= floor, note


@SETTINGS
@given(data=st.data())
def test_a_contradictory_answer_never_scores_better_than_unknown(
    claims_compiled: CompiledRuleSet, data: st.DataObject
) -> None:
    """An answer the scope contradicts is void: worst points, knock-outs left pending."""
    compiled = claims_compiled
    drawn = data.draw(answer_sets(compiled), label="answers")
    # Every answer the drawn scope contradicts, on every question a contradiction names.
    found = []
    prep = prepare(compiled)
    for qid in prep.contradictions:
        for cid in prep.by_id[qid].choice_ids:
            trial = {**drawn, qid: cid}
            if qid in _run(compiled, trial, {}).contradicted:
                found.append((qid, trial))
    assume(found)
    qid, values = data.draw(st.sampled_from(found), label="contradicted")
    given, unknown = _score(compiled, values), _score(compiled, {**values, qid: "unknown"})
    note = f"{qid}: {values[qid]} (contradicted) vs unknown: {_ranks(given)} vs {_ranks(unknown)}"
    assert given.score >= unknown.score, note
    assert LEVELS.index(given.level) >= LEVELS.index(unknown.level), note
    assert VERDICTS.index(given.verdict) >= VERDICTS.index(unknown.verdict), note
    # Its knock-outs are pending exactly when they would be for `unknown`.
    as_unknown = {p.knockouts for p in unknown.pending if p.id == qid}
    assert {p.knockouts for p in given.pending if p.id == qid} == as_unknown, note
    assert all(p.kind == "contradiction" for p in given.pending if p.id == qid), note


@SETTINGS
@given(data=st.data())
def test_missing_evidence_never_lowers_the_result(
    claims_compiled: CompiledRuleSet, data: st.DataObject
) -> None:
    """Removing a piece of evidence, or letting it expire, never improves the result."""
    compiled = claims_compiled
    values = data.draw(answer_sets(compiled), label="answers")
    proofs = data.draw(evidence_sets(compiled), label="evidence")
    assume(proofs)
    qid = data.draw(st.sampled_from(sorted(proofs)), label="question")
    weaker = data.draw(st.sampled_from(_PROOFS[:1] + _PROOFS[3:]), label="to")
    fewer = {k: v for k, v in proofs.items() if k != qid}
    if weaker is not None:
        fewer[qid] = weaker
    before, after = _score(compiled, values, proofs), _score(compiled, values, fewer)
    note = f"{qid}: {proofs[qid].status} -> {weaker}: {_ranks(before)} -> {_ranks(after)}"
    assert after.score >= before.score, note
    assert LEVELS.index(after.level) >= LEVELS.index(before.level), note
    assert VERDICTS.index(after.verdict) >= VERDICTS.index(before.verdict), note


@SETTINGS
@given(data=st.data())
def test_the_maximum_depends_on_the_scope_alone(
    scope_compiled: CompiledRuleSet, data: st.DataObject
) -> None:
    """Under `denominator: scope`, the maxima never move with non-scope answers."""
    compiled = scope_compiled
    values = data.draw(answer_sets(compiled), label="answers")
    scope_only = {k: v for k, v in values.items() if compiled.is_scope(k)}
    full, bare = _score(compiled, values), _score(compiled, scope_only)
    assert [p.max for p in full.pools] == [p.max for p in bare.pools]
    assert [c.max for c in full.categories] == [c.max for c in bare.categories]


@SETTINGS
@given(data=st.data())
def test_points_never_exceed_their_maximum(compiled: CompiledRuleSet, data: st.DataObject) -> None:
    a = _score(compiled, data.draw(answer_sets(compiled), label="answers"))
    for pool in a.pools:
        assert 0 <= pool.raw <= pool.max, pool
    assert 0 <= a.score <= 100
    for category in a.categories:
        assert 0 <= category.points <= category.max or category.max == 0, category


def test_the_shipped_rule_set_is_among_those_tested() -> None:
    assert (Path(RULE_SETS["health-ai"]) / "ruleset.yaml").is_file()

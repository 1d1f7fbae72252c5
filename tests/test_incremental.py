"""A what-if `Trial` gives exactly the run a full `evaluate()` gives.

The explanation's searches score dozens of answer changes per file, each by
recomputing only what the change reaches. Hypothesis draws whole answer sets,
evidence strengths and one to three changed answers, for every rule set the
tests know, and compares the incremental run with a full re-evaluation, field
by field (points, knock-outs, pending items, maxima, score, level, verdict).
"""

from __future__ import annotations

import functools
import importlib
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.support.drawn import RULE_SETS, SETTINGS, answer_changes, answer_sets
from vetting.assess import candidates, incremental
from vetting.assess import evaluate as evaluate_module
from vetting.assess.evaluate import evaluate
from vetting.assess.evidence import DECLARED, NO_EVIDENCE, VERIFIED
from vetting.assess.explain import explain_run
from vetting.assess.incremental import Trial
from vetting.assess.numbers import SeverityRank, VerdictRank
from vetting.assess.prepare import Prepared, prepare
from vetting.ruleset.api import load_ruleset
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.conditions import UNKNOWN


@functools.cache
def _health_ai() -> CompiledRuleSet:
    """The default rule set, loaded once: the properties draw hundreds of examples."""
    return load_ruleset(RULE_SETS["health-ai"])


@pytest.fixture(scope="module", params=sorted(RULE_SETS))
def compiled(request: pytest.FixtureRequest) -> CompiledRuleSet:
    return load_ruleset(RULE_SETS[request.param])


def _internal(values: dict[str, Any]) -> dict[str, Any]:
    return {qid: UNKNOWN if value == "unknown" else value for qid, value in values.items()}


def _proofs(data: st.DataObject, prep: Prepared, label: str) -> dict[str, int]:
    """An evidence strength for some of the questions whose answers may need one."""
    strengths = st.sampled_from((None, NO_EVIDENCE, DECLARED, VERIFIED))
    out: dict[str, int] = {}
    for pq in prep.questions:
        if pq.evidence_required:
            strength = data.draw(strengths, label=f"{label} {pq.id}")
            if strength is not None:
                out[pq.id] = strength
    return out


@pytest.mark.slow
@SETTINGS
@given(data=st.data())
def test_a_changed_run_equals_a_full_evaluation(
    compiled: CompiledRuleSet, data: st.DataObject
) -> None:
    """A trial equals the full evaluation, and before it is concluded already has the
    run's knock-outs, pending items, fired rules, severity and verdict (the searches
    rank trials on them)."""
    prep = prepare(compiled)
    assert incremental.graph(prep).ordered  # else a trial would evaluate in full
    day = compiled.ruleset.as_of
    values = _internal(data.draw(answer_sets(compiled), label="answers"))
    before = _proofs(data, prep, "evidence before")
    base = evaluate(prep, values, day, before)
    changes = _internal(data.draw(answer_changes(compiled), label="changes"))
    after = {**before, **_proofs(data, prep, "evidence after")}
    expected = evaluate(prep, {**values, **changes}, day, after)
    trial = Trial(prep, base, values, changes, after)
    seen = (trial.knockouts, trial.pending, trial.fired_rules, trial.max_severity, trial.verdict)
    assert seen == (
        expected.knockouts,
        expected.pending,
        expected.fired_rules,
        expected.max_severity,
        expected.verdict,
    )
    assert trial.run() == expected


@pytest.mark.slow
@SETTINGS
@given(data=st.data())
def test_no_trial_does_better_than_its_least_outcome(
    compiled: CompiledRuleSet, data: st.DataObject
) -> None:
    """`least_outcome` bounds every trial that changes those questions: verdict, worst
    severity and fired rules each at least the bound's (a search stops at the bound)."""
    prep = prepare(compiled)
    day = compiled.ruleset.as_of
    values = _internal(data.draw(answer_sets(compiled), label="answers"))
    before = _proofs(data, prep, "evidence")
    base = evaluate(prep, values, day, before)
    changes = _internal(data.draw(answer_changes(compiled), label="changes"))
    proofs = {**before, **dict.fromkeys(changes, VERIFIED)}
    trial = Trial(prep, base, values, changes, proofs)
    least = incremental.least_outcome(prep, base, (prep.by_id[qid] for qid in changes))
    seen = (trial.verdict, trial.max_severity, len(trial.fired_rules))
    assert all(got >= bound for got, bound in zip(seen, least, strict=True)), (seen, least)


@pytest.mark.slow
@SETTINGS
@given(data=st.data())
def test_a_search_that_stops_at_the_bound_explains_the_same(
    data: st.DataObject, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stopping at the first change that reaches `least_outcome` gives the explanation
    that trying every change gives."""
    compiled = _health_ai()
    prep = prepare(compiled)
    day = compiled.ruleset.as_of
    values = _internal(data.draw(answer_sets(compiled), label="answers"))
    run = evaluate(prep, values, day)
    stopped = explain_run(prep, values, run)
    with monkeypatch.context() as patch:
        never = (VerdictRank.ACCEPT, SeverityRank.INFO, -1)
        # (`vetting.assess.explain` is also a function the package exports: by module.)
        patch.setattr(
            importlib.import_module("vetting.assess.explain"), "least_outcome", lambda *_: never
        )
        assert explain_run(prep, values, run) == stopped


@pytest.mark.slow
@SETTINGS
@given(data=st.data())
def test_an_answer_the_search_skips_knocks_out(data: st.DataObject) -> None:
    """`knocks_out` says an answer knocks out only when a full evaluation agrees.

    The search skips such answers untried: a wrong "yes" would hide the one change
    that lifts a knock-out.
    """
    compiled = _health_ai()
    prep = prepare(compiled)
    day = compiled.ruleset.as_of
    values = _internal(data.draw(answer_sets(compiled), label="answers"))
    base = evaluate(prep, values, day)
    for pq in base.relevant:
        for cid in pq.knockouts:
            if pq.scope or not candidates.knocks_out(prep, base, pq, cid):
                continue
            run = evaluate(prep, {**values, pq.id: cid}, day, {pq.id: VERIFIED})
            assert f"{pq.id}={cid}" in {ko.id for ko in run.knockouts}


def test_the_search_skips_answers_that_knock_out() -> None:
    """Patients' data in a vendor's cloud outside the EEA: a knock-out no search need try."""
    compiled = _health_ai()
    prep = prepare(compiled)
    scope = {"scope.patient_data": ["identifiable"], "scope.deployment": "vendor_saas"}
    base = evaluate(prep, scope, compiled.ruleset.as_of)
    hosting = prep.by_id["hosting.location"]
    assert candidates.knocks_out(prep, base, hosting, "outside_eea")
    assert not candidates.knocks_out(prep, base, hosting, hosting.risk_order[0])


def _read_by_others(prep: Prepared) -> frozenset[str]:
    """Non-scope questions that another question's relevance or knock-outs read."""
    read = {q for pq in prep.questions for reads in pq.knockout_reads.values() for q in reads}
    read |= {q for pq in prep.questions for q in prep.compiled.depends_on[pq.id]}
    return frozenset(q for q in read if q in prep.by_id and not prep.by_id[q].scope)


@pytest.mark.slow
@SETTINGS
@given(data=st.data())
def test_a_change_that_others_read_equals_a_full_evaluation(data: st.DataObject) -> None:
    """Changes drawn among the answers other conditions read: where reuse could go wrong."""
    compiled = _health_ai()
    prep = prepare(compiled)
    day = compiled.ruleset.as_of
    values = _internal(data.draw(answer_sets(compiled), label="answers"))
    base = evaluate(prep, values, day)
    among = _read_by_others(prep)
    changes = _internal(data.draw(answer_changes(compiled, among), label="changes"))
    expected = evaluate(prep, {**values, **changes}, day)
    assert Trial(prep, base, values, changes, {}).run() == expected


def test_a_scope_change_is_evaluated_in_full() -> None:
    compiled = _health_ai()
    prep = prepare(compiled)
    day = compiled.ruleset.as_of
    scope = next(pq for pq in prep.questions if pq.scope and pq.question.type == "single")
    values = {scope.id: scope.choice_ids[0]}
    base = evaluate(prep, values, day)
    changes = {scope.id: scope.choice_ids[-1]}
    expected = evaluate(prep, {**values, **changes}, day)
    assert Trial(prep, base, values, changes, {}).run() == expected


def test_a_change_decides_again_only_what_reads_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Work counted: one leaf answer changed decides few rules, a full run decides all."""
    compiled = _health_ai()
    prep = prepare(compiled)
    day = compiled.ruleset.as_of
    calls: list[str] = []
    real = evaluate_module.rule_truths

    def counted(pr: Any, *args: Any) -> Any:
        calls.append(pr.id)
        return real(pr, *args)

    monkeypatch.setattr(evaluate_module, "rule_truths", counted)
    monkeypatch.setattr(incremental, "rule_truths", counted)
    read_by = {q for pr in prep.rules for q in pr.reads}
    leaf = next(
        pq
        for pq in reversed(prep.questions)
        if not pq.scope and pq.question.type == "single" and pq.id in read_by
    )
    base = evaluate(prep, {}, day)
    assert len(calls) == len(prep.rules)
    calls.clear()
    changes = {leaf.id: leaf.choice_ids[0]}
    assert Trial(prep, base, {}, changes, {}).run() == evaluate(prep, changes, day)
    incremental_calls, full_calls = calls[: len(calls) - len(prep.rules)], len(prep.rules)
    readers = [pr.id for pr in prep.rules if leaf.id in pr.reads]
    assert sorted(incremental_calls) == sorted(readers)
    assert len(incremental_calls) < full_calls

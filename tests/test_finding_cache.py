"""Findings built once and shared give the results built afresh, byte for byte.

`score()` keeps each finding it builds, keyed by what the finding depends on, and
gives it to the next file that raises it; `assessment_json()` keeps each finding's
public data. A key that missed a dependency would hand one file another file's
finding. Hypothesis draws answer sets one after another, so each is scored with
the caches the earlier ones filled; the same answers are then scored with empty
caches, and the two results must be equal in every JSON mode.
"""

from __future__ import annotations

import datetime as dt
import gc
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import ROOT
from tests.support.drawn import RULE_SETS, SETTINGS, answers_files
from vetting.assess import Answers, load_answers, score
from vetting.assess import assessment as assessment_module
from vetting.assess.assessment import Assessment, assessment_json
from vetting.assess.prepare import day_class, internal_values, prepare, scope_maxima
from vetting.cli import score_output
from vetting.cli.score_output import encode
from vetting.ruleset.api import load_ruleset
from vetting.ruleset.compiled import CompiledRuleSet

MODES: list[dict[str, Any]] = [{}, {"lang": "fr"}, {"lang": "en"}, {"compact": True}]


@pytest.fixture(scope="module", params=sorted(RULE_SETS))
def compiled(request: pytest.FixtureRequest) -> CompiledRuleSet:
    return load_ruleset(RULE_SETS[request.param])


def _fresh(compiled: CompiledRuleSet, answers: Answers) -> tuple[Assessment, list[Any]]:
    """The result with both caches emptied first: every finding built and dumped anew."""
    prepare(compiled).findings.clear()
    assessment_module._DUMPED.clear()
    fresh = score(compiled, answers)
    return fresh, [assessment_json(fresh, **mode) for mode in MODES]


def _same(compiled: CompiledRuleSet, answers: Answers) -> None:
    kept = score(compiled, answers)
    data = [assessment_json(kept, **mode) for mode in MODES]
    fresh, fresh_data = _fresh(compiled, answers)
    assert kept == fresh
    assert data == fresh_data


def test_the_examples_scored_in_turn_equal_their_fresh_results() -> None:
    health_ai = load_ruleset(ROOT / "rules" / "health-ai")
    examples = sorted((ROOT / "examples" / "health-ai").rglob("*.yaml"))
    loaded = [load_answers(path, health_ai)[0] for path in examples]
    for answers in loaded:  # fill the caches with every example's findings
        score(health_ai, answers)
    for answers in reversed(loaded):
        _same(health_ai, answers)


def test_a_finding_is_built_once_for_two_files_that_raise_it() -> None:
    health_ai = load_ruleset(ROOT / "rules" / "health-ai")
    answers, _ = load_answers(ROOT / "examples/health-ai/us-chatbot-reject.yaml", health_ai)
    first, second = score(health_ai, answers), score(health_ai, answers)
    assert first.findings and all(
        a is b for a, b in zip(first.findings, second.findings, strict=True)
    )


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_what_is_derived_from_findings_goes_with_them(fmt: str) -> None:
    """The dumped and encoded forms of a finding live as long as the finding: once
    score()'s memo of findings starts again (as it does every thousand findings on a
    portfolio), nothing derived from the findings it dropped stays behind."""
    health_ai = load_ruleset(ROOT / "rules" / "health-ai")
    answers, _ = load_answers(ROOT / "examples/health-ai/us-chatbot-reject.yaml", health_ai)
    prepare(health_ai).findings.clear()
    gc.collect()
    tables = (assessment_module._DUMPED, score_output._ENCODED)
    before = [len(table) for table in tables]
    assessment = score(health_ai, answers)
    for mode in MODES:
        encode(assessment_json(assessment, **mode), fmt, single=False)
        score_output.encode_assessment(
            assessment, fmt, single=False, lang=mode.get("lang"), compact="compact" in mode
        )
    count = len(assessment.findings)
    assert count > 3
    # Dumped once per finding and mode; encoded once in each, whichever encoder asks.
    assert [len(table) for table in tables] == [before[0] + count, before[1] + count * len(MODES)]
    del assessment
    prepare(health_ai).findings.clear()
    gc.collect()
    assert [len(table) for table in tables] == before


@pytest.mark.slow
@SETTINGS
@given(data=st.data())
def test_drawn_answers_scored_in_turn_equal_their_fresh_results(
    compiled: CompiledRuleSet, data: st.DataObject
) -> None:
    answers = data.draw(answers_files(compiled), label="answers")
    score(compiled, answers)  # what the earlier examples left, plus this one's own
    _same(compiled, answers)


def _days_around(bounds: tuple[dt.date, ...]) -> list[dt.date]:
    one = dt.timedelta(days=1)
    days = {dt.date(2000, 1, 1), dt.date(2100, 1, 1)}
    for bound in bounds:
        days |= {bound - one, bound, bound + one}
    return sorted(days)


@pytest.mark.parametrize("name", sorted(RULE_SETS))
def test_scope_maxima_kept_by_the_days_class_equal_fresh_ones(name: str) -> None:
    """The scope's maxima are kept by where the day falls among the rule set's date
    bounds, not by the day: on every side of every bound, and on it, the kept maxima
    equal those computed afresh."""
    compiled = load_ruleset(RULE_SETS[name])
    prep = prepare(compiled)
    examples = sorted((ROOT / "examples" / "health-ai").glob("*.yaml"))
    scopes: list[dict[str, Any]] = [{}]
    if name == "health-ai":
        scopes += [internal_values(load_answers(p, compiled)[0], compiled) for p in examples]
    days = _days_around(prep.day_bounds)
    for values in scopes:
        prep.scope_cache.clear()
        kept = [scope_maxima(prep, values, day) for day in days + days[::-1]]
        fresh = []
        for day in days + days[::-1]:
            prep.scope_cache.clear()
            fresh.append(scope_maxima(prep, values, day))
        assert kept == fresh


def test_the_date_bounds_are_the_rule_sets_own() -> None:
    prep = prepare(load_ruleset(ROOT / "rules" / "health-ai"))
    assert dt.date(2026, 8, 2) in prep.day_bounds  # AI Act, high-risk duties (art. 113)
    assert list(prep.day_bounds) == sorted(set(prep.day_bounds))
    assert day_class(prep, dt.date(2026, 8, 1)) != day_class(prep, dt.date(2026, 8, 2))
    assert day_class(prep, dt.date(2026, 8, 2)) != day_class(prep, dt.date(2026, 8, 3))
    assert day_class(prep, dt.date(2026, 8, 3)) == day_class(prep, dt.date(2026, 12, 5))

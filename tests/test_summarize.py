"""`summarize()` (the batch table's headline) agrees with `score()` field by field.

`vetting score --format text` shows only the headline, so it skips findings,
texts and references; this is the proof that skipping them changes nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import ROOT
from tests.support.drawn import RULE_SETS, SETTINGS, answers_files
from vetting.assess import Answers, load_answers, score
from vetting.assess.score import Summary, summarize
from vetting.ruleset.api import load_ruleset
from vetting.ruleset.compiled import CompiledRuleSet

EXAMPLES = sorted((ROOT / "examples" / "health-ai").rglob("*.yaml"))


def headline(compiled: CompiledRuleSet, answers: Answers) -> Summary:
    full = score(compiled, answers, explain=False)
    return Summary(
        verdict=full.verdict,
        level=full.level,
        points_level=full.points_level,
        score=full.score,
        knockouts=full.knockout_ids,
        completeness=full.completeness,
        next_review=full.review.next_review,
        upcoming=full.review.upcoming_knockouts,
    )


@pytest.fixture(scope="module", params=sorted(RULE_SETS))
def compiled(request: pytest.FixtureRequest) -> CompiledRuleSet:
    return load_ruleset(RULE_SETS[request.param])


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_has_the_same_headline(path: Path) -> None:
    health_ai = load_ruleset(ROOT / "rules" / "health-ai")
    answers, _ = load_answers(path, health_ai)
    assert summarize(health_ai, answers) == headline(health_ai, answers)


@pytest.mark.slow
@SETTINGS
@given(data=st.data())
def test_random_answers_have_the_same_headline(
    compiled: CompiledRuleSet, data: st.DataObject
) -> None:
    answers = data.draw(answers_files(compiled), label="answers")
    assert summarize(compiled, answers) == headline(compiled, answers)

"""A duty that starts while the decision still runs is said before it bites.

The trial's patient chatbot does not tell patients they talk to an AI. Judged on
1 July 2026 it is conditional; from 2 August 2026 (AI Act art. 50(1), 113) that is a
knock-out, and a decision of July, reviewed in January, still applies in August.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import ROOT
from vetting.assess import Answers, load_answers, score
from vetting.assess.upcoming import upcoming_knockouts
from vetting.interview.session import summary
from vetting.report import render_markdown
from vetting.ruleset.api import load_ruleset
from vetting.ruleset.compiled import CompiledRuleSet

CHATBOT = (
    ROOT / "docs" / "trials" / "2026-12-06-evening" / "09-info-chatbot-undisclosed-undated.yaml"
)
AUGUST = dt.date(2026, 8, 2)


def _answers(day: dt.date) -> tuple[CompiledRuleSet, Answers]:
    compiled = load_ruleset(ROOT / "rules" / "health-ai")
    answers, _ = load_answers(CHATBOT, compiled, date=day)
    return compiled, answers


def test_a_knockout_that_starts_before_the_next_review_is_found() -> None:
    compiled, answers = _answers(dt.date(2026, 7, 1))
    assert score(compiled, answers).knockout_ids == ()
    found = upcoming_knockouts(compiled, answers, dt.date(2027, 1, 1))
    assert [u.day for u in found] == [AUGUST]
    assert all(ko.startswith("transparency.") for u in found for ko in u.knockouts)
    on_the_day = score(compiled, answers.model_copy(update={"date": AUGUST}))
    assert set(found[0].knockouts) <= set(on_the_day.knockout_ids)


@pytest.mark.parametrize(
    ("day", "until"),
    [
        (dt.date(2026, 7, 1), dt.date(2026, 8, 1)),  # the review comes first
        (dt.date(2026, 12, 6), dt.date(2027, 6, 6)),  # it holds already: not "upcoming"
    ],
)
def test_nothing_is_announced_outside_the_decisions_life(day: dt.date, until: dt.date) -> None:
    compiled, answers = _answers(day)
    assert upcoming_knockouts(compiled, answers, until) == ()


@pytest.mark.parametrize(
    ("lang", "words"),
    [("fr", "Attention : à partir du 2 août 2026, un élément bloquera l'adoption"),
     ("en", "Warning: from 2 August 2026, one item will block adoption")],
)  # fmt: skip
def test_the_report_says_it_in_its_first_lines(lang: str, words: str) -> None:
    compiled, answers = _answers(dt.date(2026, 7, 1))
    markdown = render_markdown(score(compiled, answers), compiled, answers, lang)
    first = markdown.split("\n## ", 1)[0]
    assert words in " ".join(first.split())


@pytest.mark.parametrize(
    ("lang", "words"),
    [("fr", "! Attention : à partir du 2 août 2026, un élément bloquera l'adoption"),
     ("en", "! Warning: from 2 August 2026, one item will block adoption")],
)  # fmt: skip
def test_the_terminal_says_it_before_the_decision_prompt(lang: str, words: str) -> None:
    """The questionnaire's summary, shown just before "record the committee's decision?",
    carries the report's warnings: a committee does not accept without seeing them."""
    compiled, answers = _answers(dt.date(2026, 7, 1))
    text = summary(score(compiled, answers), compiled, answers, lang)
    assert words in " ".join(text.split())

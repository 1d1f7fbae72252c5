"""A duty that starts while the decision still runs is said before it bites.

The trial's patient chatbot does not tell patients they talk to an AI. Judged on
1 July 2026 it is conditional; from 2 August 2026 (AI Act art. 50(1), 113) that is a
knock-out, and a decision of July, reviewed in January, still applies in August.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.conftest import ROOT
from tests.test_cli_score import Cli
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
    assert [u.date for u in found] == [AUGUST]
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


@pytest.mark.parametrize(
    ("lang", "words"),
    [("fr", "il ne la bloque pas au 1er juillet 2026, date à laquelle les obligations ont été "
            "appréciées, mais la prochaine revue n'est prévue que le 1er janvier 2027"),
     ("en", "it does not on 1 July 2026, the date the duties were judged at, but the next "
            "review is not due until 1 January 2027")],
)  # fmt: skip
def test_the_warning_does_not_presume_a_decision(lang: str, words: str) -> None:
    """The chatbot has no decision yet: the warning is about one taken on this result."""
    compiled, answers = _answers(dt.date(2026, 7, 1))
    assert answers.decision is None
    markdown = render_markdown(score(compiled, answers), compiled, answers, lang)
    assert words in " ".join(markdown.split())


@pytest.mark.parametrize("mode", [(), ("--compact",), ("--lang", "fr")])
def test_a_json_result_carries_them(cli: Cli, mode: tuple[str, ...]) -> None:
    """A dashboard reading JSON is warned as the committee is, in every mode."""
    result = cli("score", "--format", "json", "--date", "2026-07-01", *mode, str(CHATBOT))
    review = json.loads(result.out)["review"]
    assert review["next_review"] == "2027-01-01"
    assert [u["date"] for u in review["upcoming_knockouts"]] == ["2026-08-02"]
    assert all(ko.startswith("transparency.") for u in review["upcoming_knockouts"]
               for ko in u["knockouts"])  # fmt: skip


def test_a_knockout_that_holds_is_not_upcoming(cli: Cli) -> None:
    """Judged in December 2026, the duty already binds: a knock-out, not an upcoming one."""
    result = cli("score", "--format", "json", "--date", "2026-12-06", str(CHATBOT))
    data = json.loads(result.out)
    assert [ko["id"].split("=")[0] for ko in data["knockouts"]] == ["transparency.ai_disclosure"]
    assert data["review"]["upcoming_knockouts"] == []


@pytest.mark.parametrize("fmt", ["text", "jsonl"])
def test_the_gate_warns_but_judges_the_judged_date(cli: Cli, fmt: str) -> None:
    """`--fail-on reject` passes the tool in July (it is not rejected on its judged date),
    and says on stderr what starts to hold before its next review."""
    result = cli(
        "score", "--format", fmt, "--date", "2026-07-01", "--fail-on", "reject", str(CHATBOT)
    )
    assert result.code == 0
    assert (
        "warning: from 2026-08-02, before the next review (2027-01-01), this knock-out holds "
        "(not yet on the judged date): transparency." in result.err
    )
    assert "require compliance before 2026-08-02" in result.err


def test_no_warning_when_nothing_starts_before_the_review(cli: Cli) -> None:
    result = cli("score", "--date", "2026-12-06", str(CHATBOT))
    assert "warning: from" not in result.err

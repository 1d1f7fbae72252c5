"""A decision counts only for the assessment it was taken on, and never hides pending evidence.

Re-assessing a tool keeps its old decision in the answers file until the committee
decides again. Until then nothing may read as if these answers were decided: no
patient notice, a blank decision block on the report's sheet, an alert naming the
old decision, and a portfolio row asking for a new decision. A tool accepted while
evidence that could block it is pending gets an alert and a portfolio action too.
Each rule is pinned both ways: a decision taken on (or after) the assessment day,
or a rejection, raises nothing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.support.reports import EXAMPLES, example, ruleset
from vetting.assess.answers import Answers, parse_answers
from vetting.assess.assessment import Assessment
from vetting.assess.review import decision_outdated
from vetting.assess.score import score
from vetting.report import render_markdown, without_refused_notice
from vetting.report.notice import notice_allowed
from vetting.workflows.actions import actions_of


def _with_decision(name: str, outcome: str, day: str) -> tuple[Answers, Assessment]:
    """An example with a decision block dated `day` (the examples are dated 2026-11-24)."""
    text = (EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8")
    text += (
        f"decision:\n  outcome: {outcome}\n  by: Commission IA\n  date: {day}\n"
        "  rationale: Decided on the answers of the time.\n"
    )
    if outcome == "accept_with_conditions":
        text += "  conditions: [{text: Proof of HDS certification, due: 2027-03-01}]\n"
    answers, _ = parse_answers(text, ruleset(), file=f"{name}.yaml")
    return answers, score(ruleset(), answers)


def _actions(assessment: Assessment) -> tuple[str, ...]:
    return actions_of(
        assessment,
        f"health-ai@{ruleset().ruleset.version}",
        ruleset(),
        dt.date(2026, 12, 5),
        review_state="ok",
        overdue_conditions=0,
        expired=0,
    )


@pytest.mark.parametrize(
    ("day", "outdated"),
    [("2026-06-01", True), ("2026-11-23", True), ("2026-11-24", False), ("2026-12-01", False)],
)
def test_a_decision_is_outdated_only_when_dated_before_the_assessment(
    day: str, outdated: bool
) -> None:
    answers, assessment = _with_decision("scribe-accept", "accept", day)
    assert answers.date == dt.date(2026, 11, 24)
    assert decision_outdated(answers.decision, answers.date) is outdated
    assert notice_allowed(answers) is not outdated
    assert ("decision_outdated" in _actions(assessment)) is outdated


@pytest.mark.parametrize(
    ("lang", "why"),
    [
        (
            "en",
            "the committee's decision of 1 June 2026 predates this assessment of "
            "24 November 2026, so it decided on other answers",
        ),
        (
            "fr",
            "la décision du comité du 1er juin 2026 est antérieure à cette évaluation du "
            "24 novembre 2026 : elle portait sur d'autres réponses",
        ),
    ],
)
def test_the_notice_of_an_outdated_decision_is_refused_and_says_why(lang: str, why: str) -> None:
    answers, assessment = _with_decision("scribe-accept", "accept", "2026-06-01")
    formats = ("md", "patient-notice")
    kept, message = without_refused_notice(assessment, ruleset(), answers, formats, lang, "s.yaml")
    assert kept == ("md",)
    assert message is not None
    assert why in " ".join(message.replace("\u00a0", " ").split())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_report_of_an_outdated_decision_alerts_and_leaves_the_block_to_fill(
    lang: str,
) -> None:
    answers, assessment = _with_decision("scribe-accept", "accept", "2026-06-01")
    report = render_markdown(assessment, ruleset(), answers, lang)
    alert = {"en": "predates this assessment", "fr": "est antérieure à cette évaluation"}[lang]
    assert alert in report
    assert "Decided on the answers of the time." not in report  # not shown as this decision
    current, fresh = _with_decision("scribe-accept", "accept", "2026-12-01")
    recorded = render_markdown(fresh, ruleset(), current, lang)
    assert alert not in recorded
    assert "Decided on the answers of the time." in recorded


@pytest.mark.parametrize(
    ("outcome", "day", "flagged"),
    [
        ("accept", "2026-12-01", True),
        ("accept_with_conditions", "2026-12-01", True),
        ("reject", "2026-12-01", False),
        # Taken on earlier answers: reported as outdated, never as accepted on these.
        ("accept", "2026-06-01", False),
    ],
)
def test_accepting_while_evidence_is_pending_asks_for_the_evidence(
    outcome: str, day: str, flagged: bool
) -> None:
    """The portfolio and the report agree, both ways, on what "accepted pending" means."""
    answers, assessment = _with_decision("triage-pending", outcome, day)
    assert assessment.verdict == "pending_evidence" and assessment.pending
    assert ("accepted_pending" in _actions(assessment)) is flagged
    report = render_markdown(assessment, ruleset(), answers, "en")
    assert ("that could block it are still pending" in report) is flagged
    assert ("decision_outdated" in _actions(assessment)) is (day == "2026-06-01")


def test_an_accepted_tool_without_pending_evidence_asks_for_nothing_new() -> None:
    _, assessment = _with_decision("scribe-accept", "accept", "2026-12-01")
    assert assessment.verdict == "accept"
    assert _actions(assessment) == ()
    undecided = example("triage-pending")[1]
    assert "accepted_pending" not in _actions(undecided)  # no decision: "no_decision" instead
    assert "no_decision" in _actions(undecided)


def test_the_examples_hold_no_outdated_decision() -> None:
    for path in sorted(Path(EXAMPLES).glob("*.yaml")):
        answers, _ = example(path.stem)
        assert not decision_outdated(answers.decision, answers.date), path.name


@pytest.mark.parametrize(("day", "refused"), [("2026-06-01", False), ("2026-12-01", True)])
def test_an_outdated_acceptance_neither_blocks_the_file_nor_counts_as_accepted(
    day: str, refused: bool
) -> None:
    """Accepting despite a knock-out needs a written justification: a current decision
    without one is refused; an outdated one accepts nothing of these answers, so it is
    neither refused nor counted as accepted despite the knock-out."""
    from vetting.assess.review import decision_problems

    answers, assessment = _with_decision("us-chatbot-reject", "accept", day)
    assert assessment.knockouts
    assert bool(decision_problems(assessment.knockout_ids, answers)) is refused
    assert assessment.accepted_despite_knockout is refused

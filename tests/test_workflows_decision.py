"""The decision record, review dates and expiring evidence: loader, scorer and `vetting score`."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, Result
from vetting.assess import dump_answers, load_answers, parse_answers, score
from vetting.assess.answers import Decision, DecisionCondition, Evidence
from vetting.assess.review import (
    decision_problems,
    evidence_statuses,
    review_on,
    review_status,
)
from vetting.errors import VettingError
from vetting.ruleset.api import load_ruleset
from vetting.ruleset.compiled import CompiledRuleSet

RULES = ROOT / "rules" / "health-ai"
EXAMPLES = ROOT / "examples" / "health-ai"
REVIEWS = EXAMPLES / "reviews"
Cli = Callable[..., Result]


@pytest.fixture(scope="module")
def health_ai() -> CompiledRuleSet:
    return load_ruleset(RULES)


def _body(name: str) -> str:
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))


ACCEPT = _body("scribe-accept.yaml")
REJECTED = _body("assistant-reject.yaml")  # four knock-outs

DECISION = """\
decision:
  outcome: accept_with_conditions
  by: Commission IA
  date: 2026-12-01
  rationale: Lowest risk of the tender.
  conditions:
  - {text: Pentest report of version 3.3, due: 2027-03-01}
  - {text: DPA annex signed, due: 2026-12-15, done: true}
  next_review: 2027-06-01
"""


# ------------------------------------------------------------------ the loader


def test_a_decision_loads_and_dumps_canonically(health_ai: CompiledRuleSet) -> None:
    answers, warnings = parse_answers(ACCEPT + DECISION, health_ai, file="t.yaml")
    assert warnings == []
    assert answers.decision == Decision(
        outcome="accept_with_conditions",
        by="Commission IA",
        date=dt.date(2026, 12, 1),
        rationale="Lowest risk of the tender.",
        conditions=(
            DecisionCondition(text="Pentest report of version 3.3", due=dt.date(2027, 3, 1)),
            DecisionCondition(text="DPA annex signed", due=dt.date(2026, 12, 15), done=True),
        ),
        next_review=dt.date(2027, 6, 1),
    )
    dumped = dump_answers(answers, health_ai)
    assert dumped.endswith(
        "decision:\n  outcome: accept_with_conditions\n  by: Commission IA\n  date: 2026-12-01\n"
        "  rationale: Lowest risk of the tender.\n  conditions:\n"
        "  - text: Pentest report of version 3.3\n    due: 2027-03-01\n    done: false\n"
        "  - text: DPA annex signed\n    due: 2026-12-15\n    done: true\n"
        "  next_review: 2027-06-01\n"
    )
    again, _ = parse_answers(dumped, health_ai, file="t.yaml")
    assert again.decision == answers.decision
    assert dump_answers(again, health_ai) == dumped


def test_the_committee_members_load_and_dump_beside_by(health_ai: CompiledRuleSet) -> None:
    block = DECISION.replace(
        "  by: Commission IA\n",
        "  by: Commission IA\n  members:\n"
        "  - {name: Dr Claire Martin, role: présidente de la CME}\n"
        "  - {name: Paul Durand, role: DPO}\n",
    )
    answers, _ = parse_answers(ACCEPT + block, health_ai, file="t.yaml")
    assert answers.decision is not None
    assert [(m.name, m.role) for m in answers.decision.members] == [
        ("Dr Claire Martin", "présidente de la CME"),
        ("Paul Durand", "DPO"),
    ]
    dumped = dump_answers(answers, health_ai)
    assert (
        "  by: Commission IA\n  members:\n  - name: Dr Claire Martin\n"
        "    role: présidente de la CME\n  - name: Paul Durand\n    role: DPO\n  date: 2026-12-01\n"
    ) in dumped
    again, _ = parse_answers(dumped, health_ai, file="t.yaml")
    assert again.decision == answers.decision
    data = score(health_ai, answers, explain=False).decision
    assert data is not None and data.members == answers.decision.members


def test_answers_without_a_decision_dump_as_before(health_ai: CompiledRuleSet) -> None:
    answers, _ = parse_answers(ACCEPT, health_ai, file="t.yaml")
    assert answers.decision is None
    assert dump_answers(answers, health_ai) == ACCEPT


@pytest.mark.parametrize(
    ("block", "at", "message"),
    [
        (
            "decision:\n  outcome: maybe\n  by: C\n  date: 2026-12-01\n  rationale: R\n",
            "  outcome:",
            "'maybe' is not a decision",
        ),
        (
            "decision:\n  outcome: acept\n  by: C\n  date: 2026-12-01\n  rationale: R\n",
            "  outcome:",
            "did you mean 'accept'",
        ),
        (
            "decision:\n  outcome: accept\n  date: 2026-12-01\n  rationale: R\n",
            "decision:",
            "missing required field 'by'",
        ),
        (
            "decision:\n  outcome: accept\n  by: C\n  date: 2026-12-01\n",
            "decision:",
            "missing required field 'rationale'",
        ),
        (
            "decision:\n  outcome: accept\n  by: C\n  date: 1 Dec\n  rationale: R\n",
            "  date:",
            "expected a date YYYY-MM-DD",
        ),
        (
            "decision:\n  outcome: accept_with_conditions\n  by: C\n  date: 2026-12-01\n"
            "  rationale: R\n",
            "  outcome:",
            "accept_with_conditions needs its conditions",
        ),
        (
            "decision:\n  outcome: accept\n  by: C\n  date: 2026-12-01\n  rationale: R\n"
            "  conditions: [{text: T, due: 2027-01-01}]\n",
            "  conditions:",
            "conditions go with accept_with_conditions, not accept",
        ),
        (
            "decision:\n  outcome: accept_with_conditions\n  by: C\n  date: 2026-12-01\n"
            "  rationale: R\n  conditions: [{text: T}]\n",
            "  conditions:",
            "missing required field 'due'",
        ),
        (
            "decision:\n  outcome: accept_with_conditions\n  by: C\n  date: 2026-12-01\n"
            "  rationale: R\n  conditions: [Pentest report]\n",
            "  conditions:",
            "expected {text, due, done}, got a text",
        ),
        (
            "decision:\n  outcome: accept_with_conditions\n  by: C\n  date: 2026-12-01\n"
            "  rationale: R\n  conditions: [{text: T, due: 2027-01-01, done: 'yes'}]\n",
            "  conditions:",
            "expected true or false, got a text",
        ),
        (
            "decision:\n  outcome: accept_with_conditions\n  by: C\n  date: 2026-12-01\n"
            "  rationale: R\n  conditions: [{text: T, due: 2026-11-01}]\n",
            "  conditions:",
            "due (2026-11-01) is before the decision date (2026-12-01)",
        ),
        (
            "decision:\n  outcome: accept\n  by: C\n  date: 2026-12-01\n  rationale: R\n"
            "  next_review: 2026-12-01\n",
            "  next_review:",
            "next_review (2026-12-01) is not after the decision date (2026-12-01)",
        ),
        (
            "decision:\n  outcome: reject\n  by: C\n  date: 2026-12-01\n  rationale: R\n"
            "  knockout_justification: J\n",
            "  knockout_justification:",
            "a knock-out justification explains an acceptance",
        ),
        (
            "decision:\n  outcome: accept\n  by: C\n  date: 2026-12-01\n  rationale: R\n"
            "  reviewer: X\n",
            "  reviewer:",
            "unknown field 'reviewer'",
        ),
        ("decision: accepted\n", "decision:", "expected a mapping"),
        (
            "decision:\n  outcome: accept\n  by: C\n  members: Dr Martin\n  date: 2026-12-01\n"
            "  rationale: R\n",
            "  members:",
            "expected a list of {name, role}, got a text",
        ),
        (
            "decision:\n  outcome: accept\n  by: C\n  members: [{name: Dr Martin}]\n"
            "  date: 2026-12-01\n  rationale: R\n",
            "  members:",
            "missing required field 'role'",
        ),
        (
            "decision:\n  outcome: accept\n  by: C\n  members: [{name: A, role: DPO, seat: 1}]\n"
            "  date: 2026-12-01\n  rationale: R\n",
            "  members:",
            "unknown field 'seat'",
        ),
        (
            "decision:\n  outcome: accept\n  by: C\n  members: [{name: ' ', role: DPO}]\n"
            "  date: 2026-12-01\n  rationale: R\n",
            "  members:",
            "'name' cannot be empty",
        ),
    ],
)
def test_a_wrong_decision_is_reported_where_it_is(
    health_ai: CompiledRuleSet, block: str, at: str, message: str
) -> None:
    text = ACCEPT + block
    line = text.splitlines().index(next(x for x in text.splitlines() if x.startswith(at))) + 1
    with pytest.raises(VettingError) as info:
        parse_answers(text, health_ai, file="t.yaml")
    found = [p for p in info.value.problems if message in str(p)]
    assert found, [str(p) for p in info.value.problems]
    assert found[0].position is not None and found[0].position.file == "t.yaml"
    assert found[0].position.line == line
    assert found[0].path.startswith("decision")


def test_a_decision_older_than_the_assessment_is_a_warning(health_ai: CompiledRuleSet) -> None:
    block = "decision:\n  outcome: accept\n  by: C\n  date: 2026-01-10\n  rationale: R\n"
    answers, warnings = parse_answers(ACCEPT + block, health_ai, file="t.yaml", strict=True)
    assert answers.decision is not None
    assert [w.message for w in warnings] == [
        "the decision (2026-01-10) is older than this assessment (2026-11-24): "
        "it was taken on an earlier assessment"
    ]


# ------------------------------------------------------------------ decision and knock-outs


@pytest.mark.parametrize(
    ("outcome", "justification", "problem", "despite"),
    [
        # The assessment states the fact; the commands refuse it without a justification.
        ("accept", None, True, True),
        ("accept_with_conditions", None, True, True),
        ("accept", "Pilot on synthetic data only, no patient data until fixed.", False, True),
        ("reject", None, False, False),
    ],
)
def test_accepting_despite_a_knockout_needs_a_justification(
    health_ai: CompiledRuleSet,
    outcome: str,
    justification: str | None,
    problem: bool,
    despite: bool,
) -> None:
    block = f"decision:\n  outcome: {outcome}\n  by: C\n  date: 2026-12-01\n  rationale: R\n"
    if outcome == "accept_with_conditions":
        block += "  conditions: [{text: T, due: 2027-01-01}]\n"
    if justification:
        block += f"  knockout_justification: {justification}\n"
    text = REJECTED + block
    answers, _ = parse_answers(text, health_ai, file="t.yaml")
    assessment = score(health_ai, answers, explain=False)
    assert assessment.verdict == "reject"
    problems = decision_problems(assessment.knockout_ids, answers)
    assert bool(problems) is problem
    if problems:
        line = text.splitlines().index(f"  outcome: {outcome}") + 1
        assert str(problems[0]).startswith(f"t.yaml:{line}:3: decision.outcome: '{outcome}'")
        assert "hosting.location=outside_eea" in problems[0].message
    assert assessment.accepted_despite_knockout is despite


def test_accepting_a_tool_without_knockout_needs_no_justification(
    health_ai: CompiledRuleSet,
) -> None:
    answers, _ = parse_answers(ACCEPT + DECISION, health_ai, file="t.yaml")
    assessment = score(health_ai, answers, explain=False)
    assert decision_problems(assessment.knockout_ids, answers) == []
    assert assessment.accepted_despite_knockout is False
    assert assessment.decision == answers.decision


def test_vetting_score_refuses_an_unjustified_acceptance(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        REJECTED + "decision:\n  outcome: accept\n  by: C\n  date: 2026-12-01\n  rationale: R\n",
        encoding="utf-8",
    )
    good = REVIEWS / "dictanote-pilot.yaml"
    result = cli("score", str(bad), str(good), "--rules", str(RULES), "--format", "json")
    assert result.code == 2
    assert f"{bad}:" in result.err and "decision.outcome: 'accept' while a knock-out holds" in (
        result.err
    )
    data = json.loads(result.out)
    assert data[0]["errors"] and data[1]["accepted_despite_knockout"] is True
    assert data[1]["decision"]["knockout_justification"].startswith("The vendor passed")


def test_decide_does_not_replace_another_file_without_force(cli: Cli, tmp_path: Path) -> None:
    """`decide A -o B` with B holding another assessment stops before asking anything."""
    other = tmp_path / "other.answers.yaml"
    other.write_text(REJECTED, encoding="utf-8")
    source = REVIEWS / "dictanote-pilot.yaml"
    result = cli("decide", str(source), "-o", str(other), "--rules", str(RULES))
    assert result.code == 2
    assert f"{other}: already exists" in result.err and "--force" in result.err
    assert other.read_text(encoding="utf-8") == REJECTED


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    ("qid", "record", "valid_until", "expired", "undated"),
    [
        # The rule set's 12 months from `issued`, checked on the assessment date 2026-11-24.
        (
            "security.penetration_test",
            {"issued": dt.date(2025, 11, 1)},
            dt.date(2026, 11, 1),
            True,
            False,
        ),
        (
            "security.penetration_test",
            {"issued": dt.date(2026, 1, 10)},
            dt.date(2027, 1, 10),
            False,
            False,
        ),
        # The evidence's own `expires` wins over the rule set's period.
        (
            "security.penetration_test",
            {"issued": dt.date(2025, 11, 1), "expires": dt.date(2026, 12, 31)},
            dt.date(2026, 12, 31),
            False,
            False,
        ),
        (
            "hosting.hds_certified",
            {"issued": dt.date(2023, 11, 25)},
            dt.date(2026, 11, 25),
            False,
            False,
        ),
        (
            "hosting.hds_certified",
            {"issued": dt.date(2023, 11, 23)},
            dt.date(2026, 11, 23),
            True,
            False,
        ),
        # Expiring evidence with no date at all: its age cannot be checked.
        ("security.penetration_test", {}, None, False, True),
        # A question without a validity period: only an explicit `expires` counts.
        ("regulatory.dpia", {"issued": dt.date(2001, 1, 1)}, None, False, False),
        ("regulatory.dpia", {"expires": dt.date(2026, 11, 23)}, dt.date(2026, 11, 23), True, False),
    ],
)
def test_evidence_expires_by_its_date_or_the_rule_sets_period(
    health_ai: CompiledRuleSet,
    qid: str,
    record: dict[str, dt.date],
    valid_until: dt.date | None,
    expired: bool,
    undated: bool,
) -> None:
    answers, _ = parse_answers(ACCEPT, health_ai, file="t.yaml")
    answers = answers.model_copy(update={"evidence": {qid: Evidence(text="doc", **record)}})
    (status,) = evidence_statuses(health_ai, answers, dt.date(2026, 11, 24))
    assert (status.valid_until, status.expired, status.undated) == (valid_until, expired, undated)
    (scored,) = score(health_ai, answers, explain=False).evidence
    what_it_needs = {"required", "unverified"}  # set by scoring, from the answer
    assert scored.model_dump(exclude=what_it_needs) == status.model_dump(exclude=what_it_needs)


def test_the_rule_set_declares_which_evidence_expires(health_ai: CompiledRuleSet) -> None:
    months = {q.id: q.evidence_valid_months for q in health_ai.questions if q.evidence_valid_months}
    assert months == {
        "hosting.hds_certified": 36,
        "hosting.remote_administration_hds": 36,
        "security.penetration_test": 12,
    }


@pytest.mark.parametrize(
    ("decision", "day", "next_review", "basis", "due", "overdue"),
    [
        (None, dt.date(2026, 11, 24), dt.date(2027, 11, 24), "review_period", False, 0),
        (None, dt.date(2027, 11, 24), dt.date(2027, 11, 24), "review_period", True, 0),
        ("next", dt.date(2027, 5, 31), dt.date(2027, 6, 1), "decision", False, 1),
        ("next", dt.date(2027, 6, 1), dt.date(2027, 6, 1), "decision", True, 1),
        ("next", dt.date(2027, 3, 1), dt.date(2027, 6, 1), "decision", False, 0),
    ],
)
def test_the_next_review_comes_from_the_decision_else_the_period(
    decision: str | None,
    day: dt.date,
    next_review: dt.date,
    basis: str,
    due: bool,
    overdue: int,
) -> None:
    record = None
    if decision:
        record = Decision(
            outcome="accept_with_conditions",
            by="C",
            date=dt.date(2026, 12, 1),
            rationale="R",
            conditions=(
                DecisionCondition(text="open", due=dt.date(2027, 3, 1)),
                DecisionCondition(text="done", due=dt.date(2027, 1, 1), done=True),
            ),
            next_review=dt.date(2027, 6, 1),
        )
    status = review_status(record, dt.date(2026, 11, 24), 12, day)
    assert (status.next_review, status.basis, status.due) == (next_review, basis, due)
    assert len(status.overdue_conditions) == overdue


def test_without_a_period_or_a_date_there_is_no_next_review() -> None:
    status = review_status(None, dt.date(2026, 11, 24), None, dt.date(2030, 1, 1))
    assert (status.next_review, status.basis, status.due) == (None, None, False)


def test_the_assessment_is_checked_on_its_own_date_never_the_clock(
    health_ai: CompiledRuleSet,
) -> None:
    answers, _ = load_answers(REVIEWS / "scribe-alpha-2027.yaml", health_ai)
    a = score(health_ai, answers, explain=False)
    assert a.review.next_review == dt.date(2028, 6, 1) and a.review.basis == "decision"
    assert a.review.due is False and a.review.overdue_conditions == ()
    later = review_on(a, dt.date(2028, 6, 1))
    assert later.due is True
    assert [c.text for c in later.overdue_conditions] == [
        "Independent penetration test of version 3.3, with its summary and remediation plan"
    ]
    expired = {e.question: e.expired for e in a.evidence}
    assert expired == {
        "hosting.hds_certified": False,
        "security.penetration_test": True,
        "regulatory.dpa": False,
        "regulatory.medical_device": False,
    }


# ------------------------------------------------------------------ the review examples

REVIEW_EXAMPLES = {
    "scribe-alpha-2027.yaml": ("accept", "accept_with_conditions", False),
    "triageplus-2027.yaml": ("accept", "accept", False),
    "dictanote-pilot.yaml": ("reject", "accept_with_conditions", True),
}


def test_every_review_example_is_listed_here() -> None:
    assert sorted(p.name for p in REVIEWS.glob("*.yaml")) == sorted(REVIEW_EXAMPLES)


@pytest.mark.parametrize("name", sorted(REVIEW_EXAMPLES))
def test_a_review_example_scores_and_decides_as_documented(
    health_ai: CompiledRuleSet, name: str
) -> None:
    answers, warnings = load_answers(REVIEWS / name, health_ai)
    assert warnings == []
    a = score(health_ai, answers, explain=False)
    assert a.decision is not None
    assert (a.verdict, a.decision.outcome, a.accepted_despite_knockout) == REVIEW_EXAMPLES[name]
    assert decision_problems(a.knockout_ids, answers) == []


@pytest.mark.parametrize("name", sorted(REVIEW_EXAMPLES))
def test_a_review_example_is_in_canonical_form(health_ai: CompiledRuleSet, name: str) -> None:
    text = (REVIEWS / name).read_text(encoding="utf-8")
    body = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))
    answers, _ = load_answers(REVIEWS / name, health_ai)
    assert dump_answers(answers, health_ai) == body


def test_the_questionnaire_keeps_the_decision_when_it_saves(
    health_ai: CompiledRuleSet, tmp_path: Path
) -> None:
    from vetting.interview.session import Session

    answers, _ = load_answers(REVIEWS / "scribe-alpha-2027.yaml", health_ai)
    path = tmp_path / "scribe.answers.yaml"
    session = Session(health_ai, object(), path, answers)  # type: ignore[arg-type]
    saved = session.save()
    assert saved.decision == answers.decision
    reread, _ = load_answers(path, health_ai)
    assert reread.decision == answers.decision

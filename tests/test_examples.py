"""The example answer files: fictional tools, one per verdict at least, scored for real."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from vetting.assess import load_answers, score
from vetting.assess.assessment import VERDICTS
from vetting.ruleset.compiled import CompiledRuleSet

EXAMPLES = ROOT / "examples" / "health-ai"
#: verdict, level (the effective one) and the band of the score alone.
EXPECTED = {
    "scribe-accept.yaml": ("accept", "low", "low"),
    "planner-conditional.yaml": ("conditional", "high", "low"),
    "chatbot-conditional.yaml": ("conditional", "high", "high"),
    "triage-pending.yaml": ("pending_evidence", "high", "low"),
    "assistant-reject.yaml": ("reject", "critical", "low"),
    "us-chatbot-reject.yaml": ("reject", "critical", "moderate"),
    "imaging-no-ce-reject.yaml": ("reject", "critical", "low"),
    "everything-unknown-pending.yaml": ("pending_evidence", "critical", "critical"),
}


def test_every_example_is_listed_here() -> None:
    assert sorted(p.name for p in EXAMPLES.glob("*.yaml")) == sorted(EXPECTED)


def test_the_examples_cover_every_verdict() -> None:
    assert {verdict for verdict, _, _ in EXPECTED.values()} == set(VERDICTS)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_an_example_scores_as_documented(health_ai: CompiledRuleSet, name: str) -> None:
    answers, warnings = load_answers(EXAMPLES / name, health_ai)
    assert warnings == []
    assessment = score(health_ai, answers)
    assert (assessment.verdict, assessment.level, assessment.points_level) == EXPECTED[name]
    assert assessment.explanation is not None


def test_the_reject_example_names_its_knockouts(health_ai: CompiledRuleSet) -> None:
    answers, _ = load_answers(EXAMPLES / "assistant-reject.yaml", health_ai)
    assessment = score(health_ai, answers)
    assert [k.id for k in assessment.knockouts] == [
        "hosting.location=outside_eea",
        "hosting.hds_certified=none",
        "reuse.training=yes",
        "regulatory.dpa=no",
    ]
    assert all(k.references for k in assessment.knockouts)


def test_the_pending_example_asks_the_vendor(health_ai: CompiledRuleSet) -> None:
    answers, _ = load_answers(EXAMPLES / "triage-pending.yaml", health_ai)
    assessment = score(health_ai, answers)
    assert {p.id for p in assessment.pending} >= {"hosting.hds_certified", "reuse.training"}
    unknown = [f for f in assessment.findings if f.kind == "unknown"]
    assert unknown and all(f.ask_vendor for f in unknown if f.id == "hosting.hds_certified")


def test_the_examples_are_in_canonical_form(health_ai: CompiledRuleSet) -> None:
    """What `vetting assess` would write: the header comment, then the canonical dump."""
    from vetting.assess import dump_answers

    for path in sorted(EXAMPLES.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        body = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))
        answers, _ = load_answers(Path(path), health_ai)
        assert dump_answers(answers, health_ai) == body, path.name


@pytest.mark.parametrize(
    ("name", "knockouts"),
    [
        (
            "us-chatbot-reject.yaml",
            [
                "hosting.location=outside_eea",
                "hosting.hds_certified=infrastructure_only",
                "reuse.training=yes",
                # It orients patients by their symptoms: a medical use, whatever the vendor says.
                "regulatory.medical_device=no_medical_purpose",
            ],
        ),
        ("imaging-no-ce-reject.yaml", ["regulatory.medical_device=not_ce_marked"]),
        ("scribe-accept.yaml", []),
    ],
)
def test_the_issue_examples_block_for_the_right_reasons(
    health_ai: CompiledRuleSet, name: str, knockouts: list[str]
) -> None:
    answers, _ = load_answers(EXAMPLES / name, health_ai)
    assert [k.id for k in score(health_ai, answers, explain=False).knockouts] == knockouts


def test_everything_unknown_sends_every_blocking_question_back(health_ai: CompiledRuleSet) -> None:
    answers, _ = load_answers(EXAMPLES / "everything-unknown-pending.yaml", health_ai)
    assessment = score(health_ai, answers, explain=False)
    assert assessment.knockouts == ()
    assert assessment.completeness == 0
    pending_questions = {q for p in assessment.pending for q in p.questions}
    assert {"hosting.location", "reuse.training", "reuse.resale"} <= pending_questions


@pytest.mark.parametrize(
    ("question", "worst"),
    [
        ("hosting.hds_certified", "none"),
        ("regulatory.medical_device", "not_ce_marked"),
        ("regulatory.emotion_recognition", "staff_workplace"),
    ],
)
def test_an_unknown_answer_says_why_its_worst_knockout_would_block(
    health_ai: CompiledRuleSet, question: str, worst: str
) -> None:
    """Not the first knock-out written (the GHT exemption's, for HDS) but the riskiest one."""
    answers, _ = load_answers(EXAMPLES / "everything-unknown-pending.yaml", health_ai)
    assessment = score(health_ai, answers, explain=False)
    (item,) = (p for p in assessment.pending if p.id == question)
    choice = next(ch for ch in health_ai.question_by_id[question].choices if ch.id == worst)
    assert choice.knockout is not None
    assert item.rationale == choice.knockout.rationale

"""Answers in, assessment out: the answers file, the scorer and its explanation.

    compiled = load_ruleset(None)
    answers, warnings = load_answers(Path("tool.yaml"), compiled)
    assessment = score(compiled, answers)          # explain=False skips the what-ifs

`score` is pure: no I/O, no clock; the same inputs give the same Assessment.
"""

from __future__ import annotations

from vetting.assess.answers import (
    UNKNOWN_ANSWER,
    Answers,
    Evidence,
    Tool,
    answers_sha256,
    check_answers,
    dump_answers,
    load_answers,
    parse_answers,
)
from vetting.assess.assessment import (
    LEVELS,
    VERDICTS,
    Assessment,
    Finding,
    KnockOut,
    Pending,
    assessment_json,
)
from vetting.assess.explain import explain
from vetting.assess.score import score

__all__ = [
    "LEVELS",
    "UNKNOWN_ANSWER",
    "VERDICTS",
    "Answers",
    "Assessment",
    "Evidence",
    "Finding",
    "KnockOut",
    "Pending",
    "Tool",
    "answers_sha256",
    "assessment_json",
    "check_answers",
    "dump_answers",
    "explain",
    "load_answers",
    "parse_answers",
    "score",
]

"""Rule-format precision on a toy rule set: exact thresholds, the author's order, optional texts.

The toy is written the way an author converting another instrument writes it:
one question whose choices put the score just below, on and above a 25 %
threshold of an odd maximum (2,001 points).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from vetting.assess import Answers, Tool, score
from vetting.ruleset.api import load_ruleset
from vetting.ruleset.compiled import CompiledRuleSet

MANIFEST = """\
format: 1
id: toy
version: 1.0.0
title: {{en: "Toy"}}
description: {{en: "A toy rule set."}}
languages: [en]
as_of: 2026-01-01
authors: ["tests"]
license: CC0-1.0
include: [questions.yaml]
categories:
  - id: main
    title: {{en: "Main"}}
scoring:
  pools: [risk]
  score_pool: risk
  denominator: all
  unknown: zero
  levels: {{unit: percent, moderate: 25, high: 50, critical: 75{reached}}}
{policy}"""

AMOUNT = """\
questions:
  - id: q.amount
    category: main
    type: single
    text: {en: "How much?"}
    help: {en: "The share of the maximum."}
    choices:
      - id: none
        label: {en: "None"}
      - id: below
        label: {en: "Just below a quarter"}
        points: {risk: 500}
      - id: quarter
        label: {en: "Exactly a quarter"}
        points: {risk: 500.25}
      - id: above
        label: {en: "Just above a quarter"}
        points: {risk: 501}
      - id: all
        label: {en: "All"}
        points: {risk: 2001}
"""


def write_toy(folder: Path, questions: str = AMOUNT, reached: str = "", policy: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    extra = f", reached: {reached}" if reached else ""
    (folder / "ruleset.yaml").write_text(
        MANIFEST.format(reached=extra, policy=policy), encoding="utf-8"
    )
    (folder / "questions.yaml").write_text(questions, encoding="utf-8")
    return folder


def run(compiled: CompiledRuleSet, values: dict[str, Any]) -> tuple[float, str]:
    answers = Answers(
        ruleset="toy@1.0.0", tool=Tool(name="T"), date=dt.date(2026, 6, 1), answers=values
    )
    assessment = score(compiled, answers)
    return assessment.score, assessment.points_level


@pytest.mark.parametrize(
    ("reached", "choice", "shown", "level"),
    [
        # 500 / 2,001 = 24.99 %: shown 25.0, but below the threshold whatever the reading.
        ("", "below", 25.0, "low"),
        ("above", "below", 25.0, "low"),
        # Exactly 25 %: the boundary belongs to the higher level by default...
        ("", "quarter", 25.0, "moderate"),
        ("at_or_above", "quarter", 25.0, "moderate"),
        # ...and to the lower one when the rule set says "above" ("up to 25 % is level I").
        ("above", "quarter", 25.0, "low"),
        ("above", "above", 25.0, "moderate"),
        ("above", "all", 100.0, "critical"),
    ],
)
def test_levels_compare_the_exact_value_not_the_rounded_score(
    tmp_path: Path, reached: str, choice: str, shown: float, level: str
) -> None:
    compiled = load_ruleset(write_toy(tmp_path / "toy", reached=reached))
    assert run(compiled, {"q.amount": choice}) == (shown, level)


def test_a_category_level_compares_exactly_too(tmp_path: Path) -> None:
    compiled = load_ruleset(write_toy(tmp_path / "toy"))
    answers = Answers(
        ruleset="toy@1.0.0",
        tool=Tool(name="T"),
        date=dt.date(2026, 6, 1),
        answers={"q.amount": "below"},
    )
    (category,) = score(compiled, answers).categories
    assert (category.score, category.points_level) == (25.0, "low")

"""Rule-format precision on a toy rule set: exact thresholds, the author's order, optional texts.

The toy is written the way an author converting another instrument writes it:
one question whose choices put the score just below, on and above a 25 %
threshold of an odd maximum (2,001 points).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import FIXTURES, ROOT
from tests.support.drawn import answer_sets
from vetting.assess import Answers, Tool, score
from vetting.errors import VettingError
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


# --------------------------------------------------------------------------- display order

CLINIC = FIXTURES / "scoring" / "clinic"
YES_FIRST = FIXTURES / "scoring" / "yes-first"


def test_choices_shown_riskiest_first_pass_the_checker_and_keep_their_order() -> None:
    compiled = load_ruleset(YES_FIRST)
    hds = compiled.question_by_id["data.hds"]
    assert [ch.id for ch in hds.choices] == ["no", "yes"]  # as the author wrote them
    assert compiled.risk_order["data.hds"] == ("yes", "no")  # which is worse: derived


def _outcome(compiled: CompiledRuleSet, values: dict[str, Any]) -> dict[str, Any]:
    """The whole result, explanation included, less what names the rule set and the file."""
    answers = Answers(
        ruleset=f"{compiled.ruleset.id}@1.0.0",
        tool=Tool(name="T"),
        date=compiled.ruleset.as_of,
        answers=values,
    )
    result = score(compiled, answers).model_dump(mode="json")
    del result["ruleset"], result["answers_sha256"]
    return result


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_the_display_order_changes_nothing_in_the_result(data: st.DataObject) -> None:
    clinic, yes_first = load_ruleset(CLINIC), load_ruleset(YES_FIRST)
    values = data.draw(answer_sets(clinic), label="answers")
    assert _outcome(clinic, values) == _outcome(yes_first, values)


def test_a_worse_choice_with_fewer_points_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "yes-first"
    shutil.copytree(YES_FIRST, folder)
    data = folder / "data.yaml"
    text = data.read_text(encoding="utf-8")
    # The knock-out answer of data.hds now earns more mitigation than "yes" (2 points).
    hds = text.index("- id: data.hds")
    at = text.index("      risk: 4", hds)
    data.write_text(text[:at] + "      mitigation: 3" + text[at + 13 :], encoding="utf-8")
    with pytest.raises(VettingError) as caught:
        load_ruleset(folder)
    (problem,) = [p for p in caught.value.problems if "worse answer" in p.message]
    assert str(problem).startswith(f"{folder / 'data.yaml'}:")
    assert "'no' is a worse answer than 'yes' (it can knock out)" in problem.message
    assert "mitigation points" in problem.message


def test_rank_breaks_a_tie_the_author_decides(tmp_path: Path) -> None:
    tie = AMOUNT.replace("      - id: below\n", "      - id: below\n        rank: 2\n").replace(
        "points: {risk: 500}", "points: {risk: 0}"
    )
    compiled = load_ruleset(write_toy(tmp_path / "toy", questions=tie))
    # "none" and "below" tie on points; the author ranks "below" worse.
    assert compiled.risk_order["q.amount"][:2] == ("none", "below")
    reversed_tie = tie.replace("rank: 2", "rank: -1")
    compiled = load_ruleset(write_toy(tmp_path / "toy2", questions=reversed_tie))
    assert compiled.risk_order["q.amount"][:2] == ("below", "none")


# --------------------------------------------------------------------------- optional texts


def test_help_is_optional_without_a_policy_and_required_with_one(tmp_path: Path) -> None:
    load_ruleset(YES_FIRST)  # two questions without help: fine, no policy
    folder = tmp_path / "yes-first"
    shutil.copytree(YES_FIRST, folder)
    manifest = folder / "ruleset.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("license:", "require: [help]\nlicense:"), encoding="utf-8")
    with pytest.raises(VettingError) as caught:
        load_ruleset(folder)
    missing = sorted(
        (Path(str(p.position)).name.split(":")[0], p.message)
        for p in caught.value.problems
        if "has no help" in p.message
    )
    assert [m[0] for m in missing] == ["data.yaml", "ops.yaml"]
    assert "question 'data.training_scope' has no help" in missing[0][1]
    assert "require: [help]" in missing[0][1]


@pytest.mark.parametrize(
    ("lang", "says"),
    [
        ("en", "The rule set gives no explanation for this question."),
        ("fr", "Le jeu de règles ne donne pas d'explication pour cette question."),
    ],
)
def test_a_question_without_help_says_so_and_its_doc_has_no_empty_why(lang: str, says: str) -> None:
    from vetting.interview.prompts import help_text
    from vetting.ruleset.docgen import ruleset_markdown

    compiled = load_ruleset(YES_FIRST)
    bare = compiled.question_by_id["data.training_scope"]
    assert bare.help is None
    assert says in help_text(compiled, bare, lang)
    helped = compiled.question_by_id["data.hds"]
    assert says not in help_text(compiled, helped, lang)
    doc = ruleset_markdown(compiled, lang)
    section = doc.split("### `data.training_scope`", 1)[1].split("###", 1)[0]
    why = {"en": "*Why we ask.*", "fr": "*Pourquoi cette question.*"}[lang]
    assert why not in section
    assert why in doc.split("### `data.hds`", 1)[1].split("###", 1)[0]


def test_health_ai_requires_help() -> None:
    assert "help" in load_ruleset(ROOT / "rules" / "health-ai").ruleset.require

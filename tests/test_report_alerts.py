"""A report's first lines say what a reader must not miss: a knock-out accepted anyway,
or a rule set older than its review period."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from vetting.assess.answers import load_answers, parse_answers
from vetting.assess.score import score
from vetting.report import render_html, render_markdown
from vetting.ruleset.compiled import CompiledRuleSet

EXAMPLES = ROOT / "examples" / "health-ai"


def _first_lines(markdown: str) -> str:
    return markdown.split("## ", 1)[0]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_knockout_accepted_with_justification_is_said_first(
    health_ai: CompiledRuleSet, lang: str
) -> None:
    answers, _ = load_answers(EXAMPLES / "reviews" / "dictanote-pilot.yaml", health_ai)
    assessment = score(health_ai, answers)
    assert assessment.accepted_despite_knockout
    top = _first_lines(render_markdown(assessment, health_ai, answers, lang))
    word = "despite 1 knock-out (" if lang == "en" else "malgré 1 élément bloquant ("
    assert word in top
    # The knock-out by its short title: internal ids stay in the annex.
    name = "HDS certification of the chain" if lang == "en" else "Certification HDS de la chaîne"
    assert f"({name})" in top and "hosting.hds" not in top
    assert "HDS v2 audit" in top  # the written justification, in full
    html = render_html(assessment, health_ai, answers, lang)
    assert html.index('role="alert"') < html.index('id="h-glance"')


@pytest.mark.parametrize(
    ("day", "stale"), [("2027-12-04", False), ("2027-12-05", True), ("2029-01-01", True)]
)
def test_report_made_with_outdated_rules_says_so_first(
    health_ai: CompiledRuleSet, day: str, stale: bool
) -> None:
    text = (EXAMPLES / "scribe-accept.yaml").read_text(encoding="utf-8")
    answers, _ = parse_answers(text.replace("date: 2026-11-24", f"date: {day}"), health_ai)
    top = _first_lines(render_markdown(score(health_ai, answers), health_ai, answers, "en"))
    assert ("was due for review on 4 December 2027" in top) is stale


def test_a_clean_current_report_has_no_alert(health_ai: CompiledRuleSet) -> None:
    answers, _ = load_answers(EXAMPLES / "scribe-accept.yaml", health_ai)
    top = _first_lines(render_markdown(score(health_ai, answers), health_ai, answers, "en"))
    assert "Warning" not in top


def test_decision_section_shows_who_when_why_and_conditions(
    health_ai: CompiledRuleSet, tmp_path: Path
) -> None:
    answers, _ = load_answers(EXAMPLES / "reviews" / "dictanote-pilot.yaml", health_ai)
    md = render_markdown(score(health_ai, answers), health_ai, answers, "en")
    section = md.split("**Committee decision**", 1)[1].split("## ", 1)[0]
    assert "accepted with conditions" in section
    assert "Decided by: " in section
    assert "(due 31 March 2027, open)" in section
    assert "Next review: " in section

"""A public questionnaire's scoring, encoded as a rule set: Canada's AIA.

examples/rulesets/aia-like holds a short illustrative questionnaire scored
exactly as the AIA scores: a risk pool and a mitigation pool, every question in
the maximum, -15 % rounded half up when mitigation reaches 80 %, levels at
25/50/75 %. Hand-computed cases first, then the AIA's own algorithm (a
transcription of `calculateFinalScore` in canada-ca/aia-eia-js, src/store.ts)
as an oracle over random answers.
"""

from __future__ import annotations

import math
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from vetting.assess import Answers, Tool, score
from vetting.assess.assessment import Assessment
from vetting.ruleset.api import load_ruleset
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.export import max_points

AIA = ROOT / "examples" / "rulesets" / "aia-like"
LEVELS = {1: "low", 2: "moderate", 3: "high", 4: "critical"}

NO_MITIGATION = {
    "consultation.internal": "no",
    "consultation.external": "no",
    "derisking.documented_process": "no",
    "derisking.bias_testing": "no",
    "derisking.audit_trail": "no",
    "derisking.recourse": "no",
    "derisking.gba_plus": "no",
}
FULL_MITIGATION = {qid: "yes" for qid in NO_MITIGATION}


@pytest.fixture(scope="module")
def aia() -> CompiledRuleSet:
    return load_ruleset(AIA)


def run(compiled: CompiledRuleSet, values: dict[str, Any]) -> Assessment:
    answers = Answers(
        ruleset="aia-like@1.0.0",
        tool=Tool(name="System"),
        date=compiled.ruleset.as_of,
        answers=values,
    )
    return score(compiled, answers)


def test_the_maxima_are_every_question_s(aia: CompiledRuleSet) -> None:
    a = run(aia, {})
    assert (a.pool("risk").max, a.pool("mitigation").max) == (29, 10)
    # Unanswered questions score nothing, as in the AIA.
    assert (a.pool("risk").raw, a.score, a.level, a.verdict) == (0, 0.0, "low", "accept")


@pytest.mark.parametrize(
    ("values", "raw", "mitigation", "adjusted", "score_", "level"),
    [
        pytest.param(
            {
                "system.public_scrutiny": "no",
                "system.capabilities": ["text_analysis"],
                "decision.duration": "brief_reversible",
                "decision.automation": "assists",
                "decision.vulnerable_clients": "no",
                "data.personal_information": "no",
                "data.security_classification": "protected_a",
                "consultation.internal": "yes",
                "derisking.documented_process": "yes",
                "derisking.audit_trail": "yes",
                "derisking.recourse": "yes",
            },
            3,  # 1 + 1 + 1
            6,  # 1 + 2 + 2 + 1: 60 %, no discount
            3,
            10.3,  # 3 / 29
            "low",
            id="level-I",
        ),
        pytest.param(
            {
                "system.public_scrutiny": "yes",
                "system.capabilities": ["image_recognition", "text_analysis"],
                "decision.duration": "short_likely_reversible",
                "decision.automation": "recommends",
                "data.security_classification": "protected_a",
                **FULL_MITIGATION,
                "derisking.recourse": "no",
                "derisking.gba_plus": "no",
            },
            10,  # 3 + 2 + 2 + 2 + 1
            8,  # exactly 80 %: the discount applies
            9,  # 0.85 x 10 = 8.5, rounded half up (half-even would give 8)
            31.0,  # 9 / 29
            "moderate",
            id="discount-half-up",
        ),
        pytest.param(
            {
                "system.public_scrutiny": "yes",
                "system.capabilities": ["risk_assessment"],
                "decision.duration": "short_likely_reversible",
                "decision.automation": "recommends",
                **FULL_MITIGATION,
            },
            8,  # 27.6 % before the discount: level II
            10,
            7,  # 0.85 x 8 = 6.8 -> 7: 24.1 %, level I
            24.1,
            "low",
            id="discount-lowers-the-level",
        ),
        pytest.param(
            {
                "system.public_scrutiny": "yes",
                "system.capabilities": [
                    "image_recognition",
                    "text_analysis",
                    "risk_assessment",
                    "content_generation",
                ],
                "decision.duration": "irreversible",
                "decision.automation": "decides",
                "decision.vulnerable_clients": "yes",
                "data.security_classification": "protected_c",
                **NO_MITIGATION,
            },
            21,
            0,
            21,
            72.4,  # 21 <= 75 % of 29 = 21.75: level III
            "high",
            id="level-III",
        ),
        pytest.param(
            {
                "system.public_scrutiny": "yes",
                "system.capabilities": [
                    "image_recognition",
                    "text_analysis",
                    "risk_assessment",
                    "content_generation",
                    "process_optimisation",
                ],
                "decision.duration": "irreversible",
                "decision.automation": "decides",
                "decision.vulnerable_clients": "yes",
                "data.security_classification": "protected_c",
                **NO_MITIGATION,
            },
            22,
            0,
            22,
            75.9,  # 22 > 21.75: level IV
            "critical",
            id="level-IV",
        ),
        pytest.param(
            {
                "data.personal_information": "yes",
                "data.controller": "third_party",
                "system.capabilities": ["none"],
            },
            7,  # a follow-up question adds its points; the maximum stays 29
            0,
            7,
            24.1,
            "low",
            id="follow-up",
        ),
    ],
)
def test_hand_computed_aia_results(
    aia: CompiledRuleSet,
    values: dict[str, Any],
    raw: float,
    mitigation: float,
    adjusted: float,
    score_: float,
    level: str,
) -> None:
    a = run(aia, values)
    assert a.pool("risk").raw == raw
    assert a.pool("mitigation").raw == mitigation
    assert a.pool("risk").adjusted == adjusted
    assert a.adjustments[0].applied == (mitigation >= 8)
    assert (a.score, a.level) == (score_, level)
    assert a.pool("risk").max == 29


def aia_reference(raw: float, mitigation: float, max_raw: float, max_mitigation: float) -> int:
    """`calculateFinalScore` of canada-ca/aia-eia-js (src/store.ts), in Python floats.

    The original halves the mitigation maximum because its form lists mitigation
    questions twice (design and implementation phases); ours lists them once.
    JavaScript's Math.round(x) is floor(x + 0.5).
    """
    percentage, deduction = 0.8, 0.15
    total: float
    if mitigation >= percentage * max_mitigation:
        total = math.floor((1 - deduction) * raw + 0.5)
    else:
        total = raw
    if total <= max_raw * 0.25:
        return 1
    if total <= max_raw * 0.5:
        return 2
    if total <= max_raw * 0.75:
        return 3
    return 4


@st.composite
def aia_answers(draw: st.DrawFn, compiled: CompiledRuleSet) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for q in compiled.questions:
        # Unanswered questions score 0 in both. A follow-up whose parent is unanswered
        # differs on purpose: the AIA hides it, vetting asks it (and scores it) because
        # it may apply. So the parent question is always answered here.
        if q.id != "data.personal_information" and draw(st.integers(0, 9)) == 0:
            continue
        if q.type == "multiple":
            plain = [ch.id for ch in q.choices if not ch.exclusive]
            values[q.id] = draw(st.lists(st.sampled_from(plain), unique=True))
        else:
            values[q.id] = draw(st.sampled_from([ch.id for ch in q.choices]))
    return values


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_the_encoding_agrees_with_the_aia_algorithm(data: st.DataObject) -> None:
    compiled = load_ruleset(AIA)
    values = data.draw(aia_answers(compiled))
    a = score(
        compiled,
        Answers(
            ruleset="aia-like", tool=Tool(name="s"), date=compiled.ruleset.as_of, answers=values
        ),
        explain=False,
    )

    # A hidden question's answer does not count (SurveyJS clears invisible values).
    visible = dict(values)
    if values.get("data.personal_information") != "yes":
        visible.pop("data.controller", None)

    def points(pool: str) -> float:
        total = 0.0
        for qid, value in visible.items():
            q = compiled.question_by_id[qid]
            chosen = value if isinstance(value, list) else [value]
            total += sum(ch.points.get(pool, 0) for ch in q.choices if ch.id in chosen)
        return total

    maxima = {
        pool: sum(max_points(q, pool) for q in compiled.questions)
        for pool in ("risk", "mitigation")
    }
    assert (a.pool("risk").raw, a.pool("mitigation").raw) == (points("risk"), points("mitigation"))
    expected = aia_reference(
        points("risk"), points("mitigation"), maxima["risk"], maxima["mitigation"]
    )
    assert a.level == LEVELS[expected]


@pytest.mark.parametrize(
    ("lang", "says"),
    [("en", "only a score strictly above a threshold"), ("fr", "strictement supérieur")],
)
def test_strict_thresholds_are_shown_as_strict(aia: CompiledRuleSet, lang: str, says: str) -> None:
    """`reached: above`: the report and the rule-set doc say ">" and "strictly" for every
    threshold above `low` (which starts at 0 whatever the mode)."""
    from vetting.report import render_html, render_markdown
    from vetting.ruleset.docgen import ruleset_markdown

    a = run(aia, NO_MITIGATION)
    answers = Answers(
        ruleset="aia-like@1.0.0", tool=Tool(name="System"), date=aia.ruleset.as_of, answers={}
    )
    md = render_markdown(a, aia, answers, lang)
    html = render_html(a, aia, answers, lang)
    assert says in md and says in html
    doc = ruleset_markdown(aia, lang)
    for text in (md, html, doc):
        assert "≥ 25" not in text and "≥&nbsp;25" not in text
    assert re.search(r"\| \\> 25\s?%", md), md
    assert ">&nbsp;25" in html.replace("&gt;", ">")
    assert "> 25" in doc

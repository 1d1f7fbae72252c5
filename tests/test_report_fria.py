"""`--format fria`: the draft fundamental rights impact assessment of AI Act art. 27."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, Result
from tests.support.reports import EXAMPLES, example, hostile_answers, ruleset
from vetting import catalog
from vetting.assess import parse_answers, score
from vetting.report import render_fria, write_reports
from vetting.report.fria import FriaRefused, build_fria, fria_applies, load_spec
from vetting.words import long_date, typo

Cli = Callable[..., Result]
RULES = str(ROOT / "rules" / "health-ai")

#: The answers of the public hospital's triage example each element must quote.
EXPECTED = {
    "a": [("scope.use", "triage"), ("scope.buyer", "public_hospital")],
    "c": [("scope.patient_data", "identifiable"), ("bias.subgroup_evaluation", "published")],
    "e": [("oversight.human_decision", "always"), ("oversight.override_and_stop", "full")],
}


def words(lang: str, key: str) -> str:
    return typo(catalog.text(lang, f"drafts.{key}"), lang)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_triage_draft_has_the_six_elements_filled_from_named_answers(lang: str) -> None:
    answers, assessment = example("triage-pending")
    compiled = ruleset()
    fria = build_fria(assessment, compiled, answers, lang, load_spec(None))
    assert [e.letter for e in fria.elements] == ["a", "b", "c", "d", "e", "f"]
    by_letter = {e.letter: e for e in fria.elements}
    for letter, expected in EXPECTED.items():
        element = by_letter[letter]
        assert element.filled
        quoted = {line.question_id: line.answer for line in element.lines if line.known}
        for qid, choice_id in expected:
            choice = compiled.choice(qid, choice_id)
            assert choice is not None
            assert typo(choice.label[lang], lang) in quoted[qid], (letter, qid)
    # (b): no go-live in the file, no frequency anywhere: both marked to complete.
    assert words(lang, "fria_go_live_unknown") in by_letter["b"].facts
    assert words(lang, "fria_frequency") in by_letter["b"].facts
    markdown = render_fria(assessment, compiled, answers, lang, "md")
    html = render_fria(assessment, compiled, answers, lang, "html")
    for element in fria.elements:
        assert f"### {element.letter}) {element.title}" in markdown
        assert f'<h3 id="h-{element.letter}">' in html
    assert "art. 27(1)" in markdown
    assert "27(5)" in markdown and "27(3)" in markdown and "27(4)" in markdown
    verify = words(lang, "fria_template_verify")
    assert verify.startswith("[") and verify.replace("'", "&#39;") in html
    assert words(lang, "fria_draft") in markdown


def test_an_unknown_answer_is_a_gap_and_an_empty_element_says_so() -> None:
    compiled = ruleset()
    text = (EXAMPLES / "triage-pending.yaml").read_text(encoding="utf-8")
    for qid in ("oversight.human_decision", "oversight.override_and_stop"):
        text = text.replace(f"  {qid}: ", f"  {qid}: unknown\n  x-{qid}: ")
    text = "\n".join(line for line in text.splitlines() if "x-" not in line) + "\n"
    for qid in ("oversight.automation_bias", "oversight.governance", "oversight.safety_netting"):
        text = text.replace(f"  {qid}:", f"  # {qid}:")
    text = text.replace("  training.user_training:", "  # training.user_training:")
    text = text.replace("  training.refresher:", "  # training.refresher:")
    answers, _ = parse_answers(text, compiled, file="t.yaml")
    assessment = score(compiled, answers)
    fria = build_fria(assessment, compiled, answers, "en", load_spec(None))
    oversight = next(e for e in fria.elements if e.letter == "e")
    assert not oversight.filled
    assert all(not line.known for line in oversight.lines)
    assert any(
        line.answer.startswith("To be completed: ask the vendor for") for line in oversight.lines
    )
    markdown = render_fria(assessment, compiled, answers, "en", "md")
    assert words("en", "fria_element_open") in markdown


def test_the_planned_go_live_is_the_period_of_use() -> None:
    compiled = ruleset()
    text = (EXAMPLES / "triage-pending.yaml").read_text(encoding="utf-8")
    text = text.replace("date: 2026-11-24\n", "date: 2026-11-24\ngo_live: 2027-01-15\n")
    answers, _ = parse_answers(text, compiled, file="t.yaml")
    assert answers.go_live is not None
    fria = build_fria(score(compiled, answers), compiled, answers, "fr", load_spec(None))
    period = next(e for e in fria.elements if e.letter == "b")
    assert f"Mise en service prévue\u00a0: {long_date(answers.go_live, 'fr')}." in period.facts


@pytest.mark.parametrize(
    ("name", "applies"),
    [("triage-pending", True), ("scribe-accept", False), ("assistant-reject", False)],
)
def test_only_when_art_27_applies_unless_forced(name: str, applies: bool, tmp_path: Path) -> None:
    answers, assessment = example(name)
    compiled = ruleset()
    assert fria_applies(assessment, compiled, answers, load_spec(None)) is applies
    if applies:
        paths = write_reports(assessment, compiled, answers, ("fria",), tmp_path, "en")
        assert [p.suffix for p in paths] == [".html"]
        return
    with pytest.raises(FriaRefused):
        write_reports(assessment, compiled, answers, ("fria",), tmp_path, "en")
    assert list(tmp_path.iterdir()) == []
    paths = write_reports(
        assessment, compiled, answers, ("fria", "md"), tmp_path, "en", force_fria=True
    )
    assert [p.name.split(".", 1)[1] for p in paths] == ["report.md", "fria.md"]
    text = paths[1].read_text(encoding="utf-8")
    assert words("en", "fria_forced") in text
    assert words("en", "fria_applies").split(":")[0] not in text


def test_the_cli_refuses_then_forces(cli: Cli, tmp_path: Path) -> None:
    source = EXAMPLES / "scribe-accept.yaml"
    out = tmp_path / "out"
    result = cli("report", str(source), "--format", "md,fria", "-o", str(out), "--rules", RULES,
                 "--lang", "fr")  # fmt: skip
    assert result.code == 1
    assert "--force-fria" in result.err and "article 27" in result.err
    assert sorted(p.name for p in out.iterdir()) == ["scribe-alpha.report.md"]
    result = cli("report", str(source), "--format", "md,fria", "-o", str(out), "--rules", RULES,
                 "--lang", "fr", "--force-fria")  # fmt: skip
    assert result.code == 0, result.err
    assert sorted(p.name for p in out.iterdir()) == [
        "scribe-alpha.fria.md",
        "scribe-alpha.report.md",
    ]


def test_untrusted_text_is_escaped() -> None:
    answers, assessment = hostile_answers()
    compiled = ruleset()
    html = render_fria(assessment, compiled, answers, "en", "html")
    assert "<script" not in html and "<img" not in html and "<svg" not in html
    assert "&lt;script&gt;" in html
    markdown = render_fria(assessment, compiled, answers, "en", "md")
    assert isinstance(markdown, str)
    assert re.search(r"(?<!\\)<", markdown) is None  # every < escaped
    assert "\\<script\\>" in markdown


def test_the_mapping_names_questions_of_the_rule_set() -> None:
    spec = load_spec(None)
    compiled = ruleset()
    assert spec.condition in compiled.question_by_id
    assert [e.letter for e in spec.elements] == list("abcdef")
    categories = set(compiled.category_by_id)
    for element in spec.elements:
        assert set(element.questions) <= set(compiled.question_by_id), element.letter
        assert set(element.findings) <= categories

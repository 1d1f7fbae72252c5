"""The report's data files and escaping rules: ids that exist, texts in both languages."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.support.reports import LANGS, example, ruleset
from vetting.controls import BIDI_CONTROLS
from vetting.escape import (
    FORMULA_PREFIXES,
    GUARD,
    WORD_JOINER,
    md_escape,
    web_url,
    xlsx_guard,
    xlsx_unguard,
)
from vetting.report import clauses, notice
from vetting.words import typo


def test_every_clause_names_questions_rules_and_sources_of_health_ai() -> None:
    compiled = ruleset()
    rules = {rule.id for rule in compiled.ruleset.findings}
    spec = clauses.load_spec(None)
    assert len({c.id for c in spec.clauses}) == len(spec.clauses)
    for clause in spec.clauses:
        assert set(clause.title) == set(clause.text) == set(LANGS), clause.id
        for qid in clause.questions:
            assert qid in compiled.question_by_id, f"{clause.id}: {qid}"
        for rid in clause.findings:
            assert rid in rules, f"{clause.id}: {rid}"
        for ref in clause.references:
            assert ref.ref in compiled.ruleset.sources, f"{clause.id}: {ref.ref}"


def test_every_risky_question_leads_to_some_clause_or_is_known_not_to() -> None:
    """A question whose answer can block adoption is covered by a contract clause."""
    compiled = ruleset()
    covered = {q for c in clauses.load_spec(None).clauses for q in c.questions}
    missing = sorted(
        q for q in compiled.knockout_capable if q not in covered and not compiled.is_scope(q)
    )
    # The buyer's own duties: who interprets the outputs (CSP L.4161-1), the FRIA (AI Act
    # art. 27), the formalities of its own research (French Data Protection Act), informing
    # its staff (L.1222-4); and the coherence of its own scope: contents filed automatically
    # in its record contradict an app whose publisher is the sole controller
    # (regulatory.publisher_controller_record_contradiction), which no contract clause fixes.
    assert missing == [
        "oversight.qualified_reader",
        "regulatory.fria",
        "regulatory.research_formalities",
        "transparency.record_traceability",
        "transparency.staff_information",
    ]


def test_every_notice_fact_names_a_question_and_its_choices() -> None:
    compiled = ruleset()
    spec = notice.load_spec(None)
    for section in spec.sections:
        for fact in section.facts:
            q = compiled.question_by_id[fact.question]
            ids = {ch.id for ch in q.choices}
            assert set(fact.choices) == ids, f"{fact.question}: {set(fact.choices) ^ ids}"
            assert fact.unknown is not None and set(fact.unknown) == set(LANGS)
            for text in fact.choices.values():
                assert set(text) == set(LANGS), fact.question


def test_the_notice_names_definitions_of_the_rule_set() -> None:
    """Who the notice concerns is read from health-ai's definitions: a name it lacks would
    leave the notice written for every tool."""
    definitions = set(ruleset().definitions)
    concerns = notice.load_spec(None).concerns
    assert concerns and set(concerns) <= definitions


def test_notice_sentences_are_short() -> None:
    """Plain language: no sentence of the notice longer than 25 words."""
    spec = notice.load_spec(None)
    texts = [
        t for s in spec.sections for f in s.facts for c in f.choices.values() for t in c.values()
    ]
    texts += [t for s in spec.sections for a in s.always for t in a.values()]
    for text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            assert len(sentence.split()) <= 25, sentence


@pytest.mark.parametrize("lang", LANGS)
def test_the_notice_says_what_is_not_known(lang: str) -> None:
    answers, assessment = example("everything-unknown-pending")
    built = notice.build_notice(assessment, ruleset(), answers, lang, notice.load_spec(None))
    unknown = [s for section in built.sections for s in section.statements if not s.known]
    assert built.unknown_count == len(unknown) >= 5
    answers, assessment = example("scribe-accept")
    built = notice.build_notice(assessment, ruleset(), answers, lang, notice.load_spec(None))
    assert built.unknown_count == 0


def test_a_placeholder_in_a_tool_name_is_never_expanded() -> None:
    answers, assessment = example("scribe-accept")
    tool = assessment.tool.model_copy(update={"name": "{vendor} {date}"})
    built = notice.build_notice(
        assessment.model_copy(update={"tool": tool}),
        ruleset(),
        answers,
        "en",
        notice.load_spec(None),
    )
    assert "{vendor} {date}" in built.intro


# --------------------------------------------------------------------------- escaping

_MD_SPECIAL = set("\\`*_[]<>|#&~")


@given(st.text())
def test_markdown_escaping_leaves_no_active_character(text: str) -> None:
    out = md_escape(text)
    assert "\n" not in out and "\r" not in out
    index = 0
    while index < len(out):
        char = out[index]
        if char == "\\":
            assert index + 1 < len(out), "a lone backslash at the end"
            index += 2
            continue
        assert char not in _MD_SPECIAL, (text, out)
        index += 1


@given(
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cc", "Zl", "Zp"), blacklist_characters=WORD_JOINER
        )
    )
)
def test_markdown_escaping_loses_nothing_but_whitespace_runs(text: str) -> None:
    """Nothing lost but whitespace runs and bidi overrides; the word joiners that keep an
    e-mail address from becoming a link are invisible additions."""
    out = md_escape(text)
    restored = re.sub(r"\\(.)", r"\1", out).replace(WORD_JOINER, "")
    expected = "".join(ch for ch in text if ch not in BIDI_CONTROLS)
    assert restored == re.sub(r"[ \t]+", " ", expected).lstrip(" ")


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("- item", r"\- item"),
        ("1. item", r"1\. item"),
        ("1.0", "1.0"),
        ("---", r"\---"),
        ("# title", r"\# title"),
        ("[a](javascript:x)", r"\[a\](javascript:x)"),
        ("a | b", r"a \| b"),
        ("line\nbreak", "line break"),
    ],
)
def test_markdown_escaping_examples(text: str, escaped: str) -> None:
    assert md_escape(text) == escaped


@given(st.text())
def test_the_spreadsheet_guard_round_trips_and_never_starts_a_formula(text: str) -> None:
    guarded = xlsx_guard(text)
    assert not guarded.startswith(FORMULA_PREFIXES)
    assert xlsx_unguard(guarded) == text
    if not text.startswith((*FORMULA_PREFIXES, GUARD)):
        assert guarded == text  # ordinary text is untouched


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://vendor.example/doc", "https://vendor.example/doc"),
        ("http://vendor.example", "http://vendor.example"),
        ("javascript:alert(1)", None),
        (" https://x.example", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<b>x</b>", None),
        ('https://x.example/"onmouseover="alert(1)', None),
        ("//x.example", None),
        ("", None),
        (None, None),
    ],
)
def test_only_web_urls_become_links(url: str | None, link: str | None) -> None:
    assert web_url(url) == link


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Verdict : oui ; « non » ?", "fr", "Verdict\u00a0: oui\u00a0; «\u00a0non\u00a0»\u00a0?"),
        ("80 % of  them:\nyes", "en", "80 % of them: yes"),
        ("45\u00a0000 €", "fr", "45\u00a0000 €"),
    ],
)
def test_typography(text: str, lang: str, expected: str) -> None:
    assert typo(text, lang) == expected

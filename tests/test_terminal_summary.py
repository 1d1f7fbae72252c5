"""The end of the questionnaire: a verdict a committee can read on an 80x24 screen.

Items are named by their short titles (ids are for the annex), a pending item is what
to obtain from the vendor (not a breach stated as fact), lists stop at a handful, and
numbers are written as the language writes them.
"""

from __future__ import annotations

import pytest

from tests.support.reports import EXAMPLE_NAMES, LANGS, example, ruleset
from vetting.i18n import pick
from vetting.interview.session import SHOWN, summary
from vetting.words import number


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_the_summary_names_items_by_title_and_stays_short(name: str, lang: str) -> None:
    answers, assessment = example(name)
    compiled = ruleset()
    text = summary(assessment, compiled, answers, lang)
    for q in compiled.questions:
        assert q.id not in text, q.id
    listed = [line for line in text.splitlines() if line.startswith(("  ✖", "  ?", "  ·"))]
    assert len(listed) <= 3 * SHOWN
    assert f"{number(assessment.score, lang)}/100" in text


@pytest.mark.parametrize("lang", LANGS)
def test_pending_items_are_what_to_obtain_not_breaches(lang: str) -> None:
    answers, assessment = example("everything-unknown-pending")
    compiled = ruleset()
    text = summary(assessment, compiled, answers, lang)
    count = len(assessment.pending)
    assert count > SHOWN
    heading = {"fr": f"{count} éléments en attente de preuves", "en": f"{count} items pending"}
    assert heading[lang] in text
    for item in assessment.pending:
        assert " ".join(pick(item.rationale, lang).split()) not in text
    more = {"fr": f"… et {count - SHOWN} autres", "en": f"… and {count - SHOWN} more"}
    assert more[lang] in text
    assert text.count("\n  ? ") == SHOWN


def test_french_numbers_have_a_decimal_comma() -> None:
    answers, assessment = example("assistant-reject")
    assert assessment.knockouts  # so the score is labelled as not deciding
    assert "Score (ne décide pas) 10,8/100" in summary(assessment, ruleset(), answers, "fr")
    assert "Score (not deciding) 10.8/100" in summary(assessment, ruleset(), answers, "en")

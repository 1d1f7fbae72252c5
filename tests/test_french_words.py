"""French outputs for buyers say "élément bloquant", never the jargon "KO".

The rule set, the reports and the workflows were moved to the buyer's word; these
are the places the terminal, the portfolio and the procurement checklist still
printed "KO" under `--lang fr`.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import openpyxl
import pytest

import vetting.workflows.portfolio as portfolio
from tests.conftest import ROOT
from tests.support.reports import example, ruleset
from vetting.checklist import checklist_xlsx
from vetting.interview.session import summary

#: "KO" as a word of its own (not inside an identifier or a longer word).
KO = re.compile(r"(?<![\w.=-])KOs?(?![\w*])")


def test_the_terminal_summary_names_knockouts_in_french() -> None:
    answers, assessment = example("assistant-reject")
    text = summary(assessment, ruleset(), answers, "fr")
    assert KO.findall(text) == []
    assert "✖ Élément bloquant" in text
    assert "✖ KO" in summary(assessment, ruleset(), answers, "en")


def test_the_portfolio_names_knockouts_in_french() -> None:
    listing = portfolio.build(
        ruleset(), ROOT / "examples" / "health-ai", dt.date(2026, 12, 15), "fr"
    )
    page = portfolio.to_html(listing)
    assert KO.findall(page) == []
    assert "4 éléments bloquants" in page and "1 élément bloquant<" in page


@pytest.mark.parametrize(("lang", "word"), [("fr", "(bloquant)"), ("en", "(KO)")])
def test_the_checklist_marks_knockouts_in_the_buyers_language(lang: str, word: str) -> None:
    answers, assessment = example("assistant-reject")
    data = checklist_xlsx(ruleset(), lang, answers=answers, assessment=assessment)
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    cells = [
        str(v)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for v in row
        if v is not None
    ]
    assert any(cell.endswith(word) for cell in cells)
    if lang == "fr":
        assert [c for c in cells if KO.search(c)] == []


def test_no_french_interface_string_says_ko_or_another_word_for_it() -> None:
    """One word for one thing: the questionnaire's French strings say "élément bloquant"."""
    from vetting import catalog

    french = {
        f"{ns}.{key}": text
        for ns in ("interview", "cli")
        for key, text in catalog.entry("fr", ns).items()
        if isinstance(text, str)
    }
    assert {k: v for k, v in french.items() if KO.search(v) or "éliminatoire" in v} == {}

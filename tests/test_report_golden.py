"""Golden files: the Markdown and JSON reports of two examples, in French and English.

A change to the templates, the labels, the rule set or the scoring changes these
files on purpose: regenerate them and review the diff like code.

    VETTING_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_report_golden.py

The vetting version in the colophon is replaced by `{version}`, so a release
does not touch the golden files.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.support.reports import LANGS, example, ruleset
from vetting import __version__
from vetting.report import render_markdown, render_notice, report_json

GOLDEN = ROOT / "tests" / "golden" / "report"
UPDATE = os.environ.get("VETTING_UPDATE_GOLDEN") == "1"
EXAMPLES = ("triage-pending", "assistant-reject")


def _compare(path: Path, actual: str) -> None:
    actual = actual.replace(f"vetting {__version__}", "vetting {version}")
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.is_file(), f"{path.name} is missing: run with VETTING_UPDATE_GOLDEN=1"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, (
        f"{path.relative_to(ROOT)} differs; if the change is intended, "
        "regenerate with VETTING_UPDATE_GOLDEN=1 and review the diff"
    )


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("lang", LANGS)
def test_markdown_report_matches_its_golden_file(name: str, lang: str) -> None:
    answers, assessment = example(name)
    text = render_markdown(assessment, ruleset(), answers, lang)
    _compare(GOLDEN / f"{name}.{lang}.report.md", text)


@pytest.mark.parametrize("name", EXAMPLES)
def test_json_report_matches_its_golden_file(name: str) -> None:
    _, assessment = example(name)
    _compare(GOLDEN / f"{name}.report.json", report_json(assessment))


@pytest.mark.parametrize("lang", LANGS)
def test_patient_notice_matches_its_golden_file(lang: str) -> None:
    answers, assessment = example("triage-pending")
    # Pending, with no decision: its notice can only be a draft, marked as such.
    text = render_notice(assessment, ruleset(), answers, lang, "md", draft=True)
    _compare(GOLDEN / f"triage-pending.{lang}.patient-notice.md", text)


def test_every_golden_file_is_checked() -> None:
    expected = {f"{n}.{lang}.report.md" for n in EXAMPLES for lang in LANGS}
    expected |= {f"{n}.report.json" for n in EXAMPLES}
    expected |= {f"triage-pending.{lang}.patient-notice.md" for lang in LANGS}
    assert {p.name for p in GOLDEN.iterdir()} == expected

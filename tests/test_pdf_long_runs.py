"""Long unbroken runs of text reach the PDF layout with break opportunities.

Pango's line breaking is quadratic in the length of a run without a break: one
99,999-character note took 112 s. The checked work is the longest run WeasyPrint
is handed (watched by a spy around the real renderer), not the time it takes.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.support.reports import need_weasyprint, pdftotext
from vetting.report.pdf import RUN, ZWSP, breakable

pytestmark = pytest.mark.slow  # PDFs printed by WeasyPrint

_VISIBLE_RUN = re.compile(r"(?:&#?\w+;|[^\s<&\u200b])+")


def _longest_text_run(html: str) -> int:
    text = re.sub(r"<style\b.*?</style>|<[^>]*>", " ", html, flags=re.S)
    runs = [len(re.findall(r"&#?\w+;|.", run)) for run in _VISIBLE_RUN.findall(text)]
    return max(runs, default=0)


@pytest.mark.parametrize(
    "html",
    [
        "<p>" + "x" * 99_999 + "</p>",
        "<td>" + "&amp;" * 500 + "y" * 500 + "</td>",
        "<p>" + ("a" * 81 + " ") * 3 + "</p>",
        "<p>" + "é" * 300 + "<b>" + "z" * 300 + "</b></p>",
    ],
)
def test_no_text_run_is_longer_than_run(html: str) -> None:
    out = breakable(html)
    assert _longest_text_run(out) <= RUN
    assert out.replace(ZWSP, "") == html


def test_markup_styles_and_short_words_are_left_alone() -> None:
    sha = "a" * 64
    html = (
        "<style>.x{background:url(data:image/png;base64," + "Q" * 400 + ")}</style>"
        f'<a href="https://example.org/{"p" * 300}" title="{"t" * 300}">{sha}</a>'
    )
    assert breakable(html) == html


def test_a_note_of_99999_characters_reaches_weasyprint_breakable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    need_weasyprint()
    import weasyprint

    from tests.conftest import ROOT
    from vetting.cli import main

    seen: list[str] = []
    real = weasyprint.HTML

    def spy(*args: object, string: str = "", **kwargs: object) -> object:
        seen.append(string)
        return real(*args, string=string, **kwargs)

    monkeypatch.setattr(weasyprint, "HTML", spy)
    note = "x" * 99_999
    text = (ROOT / "examples/health-ai/scribe-accept.yaml").read_text(encoding="utf-8")
    answers = tmp_path / "long.yaml"
    answers.write_text(text.replace("notes:\n", f"notes:\n  scope.use: {note}\n", 1))
    assert main(["report", str(answers), "--format", "pdf", "-o", str(tmp_path)]) == 0
    assert len(seen) == 1 and note in seen[0].replace(ZWSP, "")
    assert _longest_text_run(seen[0]) <= RUN
    pdf = next(tmp_path.glob("*.pdf"))
    shown = subprocess.run(
        [pdftotext(), "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert shown.count("x") >= len(note)  # every character printed (pages cut the run)

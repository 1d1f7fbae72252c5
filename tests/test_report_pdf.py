"""The PDF report and patient notice, rendered with WeasyPrint and read back with pdftotext."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.support.reports import (
    EXAMPLE_NAMES,
    LANGS,
    example,
    need_weasyprint,
    pages,
    pdftotext,
    ruleset,
)
from vetting.assess.answers import parse_answers
from vetting.assess.score import score
from vetting.errors import VettingError
from vetting.report import render_notice, write_reports
from vetting.report.pdf import html_to_pdf

A4 = (595.28, 841.89)  # points


def page_size(path: Path) -> tuple[float, float]:
    """The first page's size in points, as pdfinfo reports it."""
    pdfinfo = Path(pdftotext()).with_name("pdfinfo")
    proc = subprocess.run([str(pdfinfo), str(path)], capture_output=True, text=True, check=True)
    match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", proc.stdout)
    assert match, proc.stdout
    return float(match.group(1)), float(match.group(2))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "lang", "verdict"),
    [("triage-pending", "fr", "en attente de preuves"), ("assistant-reject", "en", "reject")],
)
def test_the_pdf_report_is_a4_with_header_and_page_numbers(
    tmp_path: Path, name: str, lang: str, verdict: str
) -> None:
    need_weasyprint()
    answers, assessment = example(name)
    formats = ("pdf", "patient-notice")
    path, notice = write_reports(
        assessment, ruleset(), answers, formats, tmp_path, lang, draft=True
    )
    assert (path.name, notice.name) == (
        f"{path.name.split('.')[0]}.report.pdf",
        f"{path.name.split('.')[0]}.patient-notice.pdf",
    )
    assert len(pages(notice)) == 1
    assert path.read_bytes().startswith(b"%PDF-")
    assert page_size(path) == pytest.approx(A4, abs=0.5)
    texts = pages(path)
    total = len(texts)
    assert total >= 5
    for number, text in enumerate(texts, start=1):
        lines = [line for line in text.splitlines() if line.strip()]
        assert lines[0].strip().startswith(answers.tool.name), f"page {number} header"
        assert re.search(rf"\b{number} / {total}\s*$", lines[-1]), f"page {number} footer"
    whole = "\n".join(texts)
    assert verdict.upper() in whole
    assert assessment.ruleset.sha256 in whole.replace("\n", "").replace(" ", "")
    if name == "assistant-reject":
        # A line may break inside "art. L.1111-8": compare without spaces.
        assert "Knock-outs" in whole and "CSPart.L.1111-8" in "".join(whole.split())


@pytest.mark.slow
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
@pytest.mark.parametrize("lang", LANGS)
def test_the_patient_notice_fits_one_a4_page(tmp_path: Path, name: str, lang: str) -> None:
    need_weasyprint()
    answers, assessment = example(name)
    notice = tmp_path / "notice.pdf"
    html = render_notice(assessment, ruleset(), answers, lang, "html")
    notice.write_bytes(html_to_pdf(html))
    assert page_size(notice) == pytest.approx(A4, abs=0.5)
    (text,) = pages(notice)
    assert answers.tool.name in text
    assert re.search(r"84\s?%", text) and re.search(r"77\s?%", text)


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_the_longest_possible_notice_still_fits_one_page(tmp_path: Path, lang: str) -> None:
    """Every use ticked, every kind of data, every fact unknown: the most lines a notice has."""
    need_weasyprint()
    compiled = ruleset()
    uses = [ch.id for ch in compiled.question_by_id["scope.use"].choices]
    data = ["identifiable", "pseudonymised", "audio", "images"]
    lines = [
        "ruleset: health-ai",
        "tool: {name: A tool with a rather long name for a notice,",
        "       vendor: A vendor with a long name}",
        "date: 2026-12-04",
        "answers:",
        f"  scope.use: [{', '.join(uses)}]",
        f"  scope.patient_data: [{', '.join(data)}]",
        "  scope.deployment: vendor_saas",
        "  scope.audience: professionals_and_patients",
        "  scope.buyer: public_hospital",
        "  scope.generative: 'yes'",
    ]
    answers, _ = parse_answers("\n".join(lines) + "\n", compiled)
    assessment = score(compiled, answers)
    path = tmp_path / "notice.pdf"
    path.write_bytes(html_to_pdf(render_notice(assessment, compiled, answers, lang, "html")))
    texts = pages(path)
    assert len(texts) == 1, f"{len(texts)} pages"
    not_known = {"fr": "Pas encore connu", "en": "Not known yet"}[lang]
    assert texts[0].count(not_known) >= 10


def test_a_missing_weasyprint_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import builtins

    real_import = builtins.__import__

    def no_weasyprint(name: str, *args: object, **kwargs: object) -> object:
        if name == "weasyprint":
            raise ImportError("No module named 'weasyprint'")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    answers, assessment = example("scribe-accept")
    with pytest.raises(VettingError) as caught:
        write_reports(assessment, ruleset(), answers, ("md", "pdf"), tmp_path, "en")
    assert "PDF needs WeasyPrint: pip install 'vetting[pdf]'" in str(caught.value)
    assert list(tmp_path.iterdir()) == []  # nothing written when one format fails


@pytest.mark.parametrize("enabled", [True, False])
@pytest.mark.parametrize("fails", [False, True])
def test_the_garbage_collector_is_restored_after_a_pdf(
    enabled: bool, fails: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """html_to_pdf pauses the cyclic collector for speed, and always gives it back."""
    import gc

    need_weasyprint()
    if fails:

        def broken(*args: object, **kwargs: object) -> None:
            raise RuntimeError("layout failed")

        monkeypatch.setattr("weasyprint.HTML", broken)
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        if fails:
            with pytest.raises(RuntimeError, match="layout failed"):
                html_to_pdf("<p>x</p>")
        else:
            assert html_to_pdf("<p>x</p>").startswith(b"%PDF")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()

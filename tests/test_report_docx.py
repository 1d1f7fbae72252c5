"""`--format docx`: the risk report and the FRIA draft as editable Word documents.

Read back with python-docx (headings, tables, the decision sheet first), and
converted to PDF by LibreOffice where it is installed (skipped otherwise).
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.support.reports import EXAMPLES, XSS, example, hostile_answers, pdftotext, ruleset
from vetting import catalog
from vetting.assess import parse_answers, score
from vetting.errors import VettingError
from vetting.report import write_reports
from vetting.report.context import build_report
from vetting.report.docx import fria_docx, report_docx
from vetting.report.fria import build_fria, load_spec
from vetting.words import typo

docx = pytest.importorskip("docx", reason="python-docx is the docx extra")

DECISION = (
    "decision:\n  outcome: accept_with_conditions\n  by: Commission IA\n"
    "  members:\n  - {name: Paul Durand, role: délégué à la protection des données}\n"
    "  date: 2026-12-01\n  rationale: Lowest risk of the tender.\n"
    "  conditions: [{text: Pentest of version 3.3, due: 2027-03-01}]\n"
)


def words(lang: str, key: str) -> str:
    return typo(catalog.text(lang, f"drafts.{key}"), lang)


def read(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def headings(document: Any) -> list[tuple[int, str]]:
    """(level, text) of every heading, in order; the title is level 0."""
    out = []
    for p in document.paragraphs:
        name = p.style.name
        if name == "Title":
            out.append((0, p.text))
        elif name.startswith("Heading "):
            out.append((int(name.split()[1]), p.text))
    return out


def rows(table: Any) -> dict[str, str]:
    return {r.cells[0].text: r.cells[-1].text for r in table.rows}


def decided(lang: str) -> tuple[Any, Any]:
    compiled = ruleset()
    text = (EXAMPLES / "triage-pending.yaml").read_text(encoding="utf-8") + DECISION
    answers, _ = parse_answers(text, compiled, file="t.yaml")
    return answers, score(compiled, answers)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("with_decision", [False, True])
def test_the_risk_report_opens_on_the_decision_sheet(lang: str, with_decision: bool) -> None:
    answers, assessment = decided(lang) if with_decision else example("triage-pending")
    compiled = ruleset()
    report = build_report(assessment, compiled, answers, lang)
    document = read(report_docx(report))
    found = headings(document)
    L = report.L
    assert found[0] == (0, report.title)
    assert found[1] == (1, words(lang, "docx_sheet"))
    order = [text for _, text in found]
    sheet = order.index(words(lang, "docx_sheet"))
    detail = order.index(words(lang, "docx_detail"))
    for key in ("h_knockouts", "h_pending"):
        assert sheet < order.index(L[key]) < detail
    assert sheet < order.index(words(lang, "docx_actions")) < detail
    for key in ("h_identification", "h_categories", "h_findings", "h_appendix"):
        assert order.index(L[key]) > detail
    # The first table is the verdict's, with the same figures as the HTML.
    first = rows(document.tables[0])
    assert first[L["verdict"]] == report.glance.verdict_name
    assert first[L["level"]] == report.glance.level_name
    for figure in report.glance.figures:
        assert first[figure.label] == figure.value
    assert document.tables[0].rows[0].cells[0].paragraphs[0].runs[0].bold
    text = "\n".join(p.text for p in document.paragraphs)
    if with_decision:
        assert (2, L["h_decision"]) in found
        decision = next(t for t in document.tables if L["decided_by"] in rows(t))
        assert rows(decision)[L["decided_by"]] == "Commission IA"
        assert "Pentest of version 3.3" in text
        assert words(lang, "docx_outcomes") not in text
    else:
        assert (2, words(lang, "docx_decision_blank")) in found
        assert words(lang, "docx_outcomes") in text
        assert words(lang, "docx_sign_members") in text
    # The sheet states the DPIA line, before the detail.
    assert report.dpia and report.dpia in text


def test_the_file_is_deterministic() -> None:
    answers, assessment = example("triage-pending")
    compiled = ruleset()
    first = report_docx(build_report(assessment, compiled, answers, "fr"))
    second = report_docx(build_report(assessment, compiled, answers, "fr"))
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    props = read(first).core_properties
    assert props.created.date() == assessment.assessment_date


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_fria_draft_has_its_six_elements_as_headings(lang: str) -> None:
    answers, assessment = example("triage-pending")
    data = fria_docx(build_fria(assessment, ruleset(), answers, lang, load_spec(None), None))
    document = read(data)
    found = headings(document)
    letters = [text.split(")")[0] for level, text in found if level == 2]
    assert letters == list("abcdef")
    text = "\n".join(p.text for p in document.paragraphs)
    assert "27(5)" in text and words(lang, "fria_template_verify") in text


def test_hostile_text_is_kept_as_text_without_controls() -> None:
    answers, assessment = hostile_answers()
    compiled = ruleset()
    text = (EXAMPLES / "triage-pending.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "assessor: SAMU de Fictiville", 'assessor: "SAMU\\x07\\x1b[31m de\\u202e Fictiville"'
    )
    controlled, _ = parse_answers(text, compiled, file="t.yaml")
    for a, s in ((answers, assessment), (controlled, score(compiled, controlled))):
        document = read(report_docx(build_report(s, compiled, a, "en")))
        cells = " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        assert "\x07" not in cells and "\x1b" not in cells and "\u202e" not in cells
    document = read(report_docx(build_report(assessment, compiled, answers, "en")))
    texts = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert XSS in texts  # the tool's name, as written


def test_write_reports_writes_the_docx_of_both(tmp_path: Path) -> None:
    answers, assessment = example("triage-pending")
    paths = write_reports(assessment, ruleset(), answers, ("docx", "fria"), tmp_path, "en")
    assert [p.name for p in paths] == ["triageplus.report.docx", "triageplus.fria.docx"]
    for path in paths:
        assert zipfile.is_zipfile(path)


def test_without_python_docx_the_error_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers, assessment = example("triage-pending")
    report = build_report(assessment, ruleset(), answers, "en")
    monkeypatch.setitem(sys.modules, "docx", None)  # import docx now raises ImportError
    with pytest.raises(VettingError) as caught:
        report_docx(report)
    assert "vetting[docx]" in str(caught.value.problems[0].hint)


@pytest.mark.slow  # LibreOffice
def test_libreoffice_converts_it_to_pdf_with_the_sheet_on_page_one(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: the DOCX is not converted to PDF")
    answers, assessment = example("triage-pending")
    paths = write_reports(assessment, ruleset(), answers, ("docx", "fria"), tmp_path, "fr")
    profile = tmp_path / "lo-profile"
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(tmp_path / "pdf"),
        *map(str, paths),
    ]
    try:
        subprocess.run(command, capture_output=True, timeout=240, check=False)
    except subprocess.TimeoutExpired:
        pytest.skip("LibreOffice did not convert within 240 s")
    report_pdf = tmp_path / "pdf" / "triageplus.report.pdf"
    fria_pdf = tmp_path / "pdf" / "triageplus.fria.pdf"
    assert report_pdf.is_file() and fria_pdf.is_file()
    first = subprocess.run(
        [pdftotext(), "-f", "1", "-l", "1", str(report_pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Fiche de décision" in first
    assert "en attente de preuves" in first  # the verdict, on page one
    fria_text = subprocess.run(
        [pdftotext(), str(fria_pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "a) Les processus du déployeur" in fria_text
    assert "f) Les mesures à prendre" in fria_text

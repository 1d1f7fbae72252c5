"""The patient notice is only for tools you will use: refused otherwise, unless a marked draft.

The notice tells patients "we use this tool". It is written when the recorded
decision accepts the tool (with or without conditions); for a rejected or an
undecided tool `vetting report` refuses it (exit 1) and writes the other
reports; `--draft` writes it with "DRAFT - not for distribution" on every page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, Result
from tests.support.reports import example, need_weasyprint, pages, ruleset
from vetting.assess import parse_answers, score
from vetting.report import NoticeRefused, render_notice, without_refused_notice, write_reports
from vetting.words import long_date

Cli = Callable[..., Result]
EXAMPLES = ROOT / "examples" / "health-ai"
RULES = str(ROOT / "rules" / "health-ai")
DRAFT = {"fr": "PROJET - ne pas diffuser", "en": "DRAFT - not for distribution"}
MEMBERS = (
    "  members:\n  - {name: Dr Claire Martin, role: présidente de la CME}\n"
    "  - {name: Paul Durand, role: délégué à la protection des données}\n"
)


def _decided(outcome: str, tmp_path: Path) -> Path:
    """scribe-accept.yaml with a decision block and its committee's members."""
    text = (EXAMPLES / "scribe-accept.yaml").read_text(encoding="utf-8")
    block = f"decision:\n  outcome: {outcome}\n  by: Commission IA\n{MEMBERS}"
    block += "  date: 2026-12-01\n  rationale: Lowest risk of the tender.\n"
    if outcome == "accept_with_conditions":
        block += "  conditions: [{text: Pentest of version 3.3, due: 2027-03-01}]\n"
    path = tmp_path / f"{outcome}.yaml"
    path.write_text(text + block, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("path", "why"),
    [
        (EXAMPLES / "assistant-reject.yaml", "no decision is recorded (verdict: reject)"),
        (EXAMPLES / "triage-pending.yaml", "no decision is recorded (verdict: pending evidence)"),
        (None, "the committee decided to reject the tool"),
    ],
    ids=["rejected", "undecided", "decided-reject"],
)
def test_the_notice_is_refused_and_the_other_reports_written(
    cli: Cli, tmp_path: Path, path: Path | None, why: str
) -> None:
    source = path or _decided("reject", tmp_path)
    out = tmp_path / "out"
    result = cli(
        "report", str(source), "--format", "md,patient-notice", "-o", str(out), "--rules", RULES
    )
    assert result.code == 1
    assert f"{source}: patient notice not written: {why}." in result.err
    assert "--draft" in result.err
    assert f"(vetting decide {source})" in result.err  # the command, not the YAML to edit
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == 1 and written[0].endswith(".report.md")


def test_the_refusal_speaks_french(cli: Cli, tmp_path: Path) -> None:
    source = EXAMPLES / "assistant-reject.yaml"
    result = cli(
        "report", str(source), "--format", "patient-notice", "-o", str(tmp_path), "--rules", RULES,
        "--lang", "fr",
    )  # fmt: skip
    assert result.code == 1
    assert "note d'information des patients non écrite" in result.err
    assert "aucune décision n'est enregistrée (verdict : à rejeter)" in result.err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("outcome", ["accept", "accept_with_conditions"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_decided_tool_gets_its_notice_naming_the_committee(
    cli: Cli, tmp_path: Path, outcome: str, lang: str
) -> None:
    source = _decided(outcome, tmp_path)
    out = tmp_path / "out"
    result = cli(
        "report", str(source), "--format", "md,html,patient-notice", "-o", str(out),
        "--rules", RULES, "--lang", lang,
    )  # fmt: skip
    assert (result.code, result.err) == (0, "")
    notice = (out / "scribe-alpha.patient-notice.md").read_text(encoding="utf-8")
    day = long_date(dt.date(2026, 12, 1), lang)
    decided = {
        "fr": f"L'utilisation de cet outil a été décidée le {day} par Commission IA (",
        "en": f"The use of this tool was decided on {day} by Commission IA (",
    }[lang]
    flat = " ".join(notice.replace("\u00a0", " ").split())
    assert " ".join(decided.replace("\u00a0", " ").split()) in flat
    semicolon = {"fr": " ; ", "en": "; "}[lang]  # French typography, as the report has it
    assert f"Dr Claire Martin, présidente de la CME{semicolon}Paul Durand" in flat
    assert DRAFT[lang] not in notice
    report = (out / "scribe-alpha.report.md").read_text(encoding="utf-8")
    assert "Paul Durand, délégué à la protection des données" in report


def test_write_reports_refuses_the_notice_of_an_undecided_tool(tmp_path: Path) -> None:
    answers, assessment = example("triage-pending")
    with pytest.raises(NoticeRefused):
        write_reports(assessment, ruleset(), answers, ("md", "patient-notice"), tmp_path, "en")
    assert list(tmp_path.iterdir()) == []  # nothing written, not even the report


def test_only_the_notice_is_dropped_from_the_formats() -> None:
    answers, assessment = example("assistant-reject")
    compiled, formats = ruleset(), ("md", "json", "patient-notice")
    kept, message = without_refused_notice(assessment, compiled, answers, formats, "en", "a.yaml")
    assert kept == ("md", "json") and message is not None
    draft = without_refused_notice(assessment, compiled, answers, formats, "en", "a", draft=True)
    assert draft == (formats, None)
    only_md = without_refused_notice(assessment, compiled, answers, ("md",), "en", "a.yaml")
    assert only_md == (("md",), None)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_draft_is_marked_in_markdown_and_html(lang: str) -> None:
    answers, assessment = example("assistant-reject")
    md = render_notice(assessment, ruleset(), answers, lang, "md", draft=True)
    assert md.startswith(f"**{DRAFT[lang]}**")
    assert md.rstrip().endswith(f"**{DRAFT[lang]}**")
    html = render_notice(assessment, ruleset(), answers, lang, "html", draft=True)
    assert f"<title>{DRAFT[lang]} — " in html
    assert f'<p class="draft-mark" role="note">{DRAFT[lang]}</p>' in html
    plain = render_notice(assessment, ruleset(), answers, lang, "html")
    assert DRAFT[lang] not in plain and "draft-mark" not in plain.split("</style>")[1]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_page_of_a_draft_pdf_is_marked(cli: Cli, tmp_path: Path, lang: str) -> None:
    """Large type spreads the notice over several pages: each one carries the mark."""
    need_weasyprint()
    templates = tmp_path / "templates"
    templates.mkdir()
    css = (ROOT / "reports" / "notice.css").read_text(encoding="utf-8")
    (templates / "notice.css").write_text(css + "\nhtml { font-size: 260% !important; }\n")
    out = tmp_path / "out"
    result = cli(
        "report", str(EXAMPLES / "triage-pending.yaml"), "--format", "pdf,patient-notice",
        "-o", str(out), "--rules", RULES, "--lang", lang, "--draft", "--templates", str(templates),
    )  # fmt: skip
    assert result.code == 0, result.err
    texts = pages(out / "triageplus.patient-notice.pdf")
    assert len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        assert DRAFT[lang] in " ".join(text.split()), f"page {number} is not marked"


@pytest.mark.slow
def test_the_longest_draft_notice_still_fits_one_page(tmp_path: Path) -> None:
    """The mark sits in the page's margin: it never pushes the notice onto a second page."""
    need_weasyprint()
    from vetting.report.pdf import html_to_pdf

    compiled = ruleset()
    uses = ", ".join(ch.id for ch in compiled.question_by_id["scope.use"].choices)
    text = (
        "ruleset: health-ai\ntool: {name: A tool with a rather long name for a notice}\n"
        "date: 2026-12-04\n"
        f"answers:\n  scope.use: [{uses}]\n"
        "  scope.patient_data: [identifiable, pseudonymised, audio, images]\n"
        "  scope.deployment: vendor_saas\n  scope.audience: professionals_and_patients\n"
        "  scope.buyer: public_hospital\n  scope.generative: 'yes'\n"
    )
    answers, _ = parse_answers(text, compiled)
    assessment = score(compiled, answers)
    path = tmp_path / "notice.pdf"
    html = render_notice(assessment, compiled, answers, "fr", "html", draft=True)
    path.write_bytes(html_to_pdf(html))
    (page,) = pages(path)
    assert DRAFT["fr"] in page


@pytest.mark.parametrize(
    ("lang", "trains", "studies"),
    [
        (
            "fr",
            "Elles peuvent servir à entraîner l'IA du fournisseur.",
            "Le fournisseur ne s'en sert pas pour ses propres études.",
        ),
        (
            "en",
            "They may be used to train the supplier's AI.",
            "The supplier does not use them for its own studies.",
        ),
    ],
)
def test_a_vendor_that_trains_on_the_data_is_never_said_to_use_them_only_for_the_service(
    lang: str, trains: str, studies: str
) -> None:
    """Each fact of the notice answers its own question: "no studies of its own" must not
    read as "used only for the service" next to "may train the supplier's AI"."""
    text = (EXAMPLES / "scribe-accept.yaml").read_text(encoding="utf-8")
    text = text.replace("reuse.training: 'no'", "reuse.training: 'yes'")
    compiled = ruleset()
    answers, _ = parse_answers(text, compiled, file="trains.yaml")
    notice = render_notice(score(compiled, answers), compiled, answers, lang, "md", draft=True)
    assert trains in notice and studies in notice
    for exclusive in ("ne s'en sert que", "que pour rendre", "only to provide", "uses them only"):
        assert exclusive not in notice


#: A tool patients neither use nor have data in: bed-flow forecasts from anonymous counts.
NO_PATIENTS = """\
ruleset: health-ai@3.0.0
tool: {name: FluxLits, vendor: Prevoyance (fictional)}
date: 2026-12-04
decision: {outcome: accept, by: Comité IA, date: 2026-12-04, rationale: Prévisions agrégées.}
answers:
  scope.buyer: public_hospital
  scope.use: [administrative]
  scope.patient_data: [anonymised]
  scope.audience: administrative_staff
"""


@pytest.mark.parametrize(
    ("changes", "written"),
    [
        ({}, False),  # anonymous counts, staff only: nothing true to tell patients
        ({"scope.patient_data: [anonymised]": "scope.patient_data: [pseudonymised]"}, True),
        ({"scope.audience: administrative_staff": "scope.audience: patients"}, True),
        ({"scope.patient_data: [anonymised]": "scope.patient_data: unknown"}, True),
    ],
)
@pytest.mark.parametrize("draft", [False, True])
def test_a_notice_is_written_only_for_a_tool_that_concerns_patients(
    changes: dict[str, str], written: bool, draft: bool, tmp_path: Path
) -> None:
    """Patients' data, or patients using the tool (or not known yet): a notice; neither:
    none, draft or not, for it would tell patients of data it does not hold."""
    text = NO_PATIENTS
    for old, new in changes.items():
        text = text.replace(old, new)
    compiled = ruleset()
    answers, _ = parse_answers(text, compiled)
    assessment = score(compiled, answers)
    formats = ("md", "patient-notice")
    kept, message = without_refused_notice(
        assessment, compiled, answers, formats, "fr", "flux.yaml", draft=draft
    )
    assert (kept == formats) == written
    if not written:
        assert message is not None and "aucune donnée de patient" in message
        with pytest.raises(NoticeRefused):
            write_reports(assessment, compiled, answers, formats, tmp_path, "fr", draft=draft)
    else:
        write_reports(assessment, compiled, answers, formats, tmp_path, "fr", draft=draft)
        assert (tmp_path / "fluxlits.patient-notice.md").exists()


@pytest.mark.parametrize(
    ("concerns", "written"),
    [
        (None, False),  # a user's older notice.yaml without `concerns`: ours apply
        ("concerns: [health_data, patient_facing]", False),
        ("concerns: [no_such_definition]", True),  # none defined: taken to concern patients
    ],
)
def test_whom_a_notice_concerns_is_read_from_the_users_notice_yaml(
    concerns: str | None, written: bool, tmp_path: Path
) -> None:
    ours = (ROOT / "reports" / "notice.yaml").read_text(encoding="utf-8")
    lines = [line for line in ours.splitlines() if not line.startswith("concerns:")]
    assert len(lines) == len(ours.splitlines()) - 1
    (tmp_path / "notice.yaml").write_text(
        "\n".join([*lines, *([concerns] if concerns else [])]) + "\n", encoding="utf-8"
    )
    compiled = ruleset()
    answers, _ = parse_answers(NO_PATIENTS, compiled)
    kept, _ = without_refused_notice(
        score(compiled, answers), compiled, answers, ("patient-notice",), "en", "f", False, tmp_path
    )
    assert (kept == ("patient-notice",)) == written

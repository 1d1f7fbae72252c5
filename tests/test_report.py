"""`vetting report` and `write_reports`: formats, file names, determinism, templates, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, Result
from tests.support.reports import EXAMPLE_NAMES, LANGS, example, ruleset
from vetting.assess.assessment import assessment_json
from vetting.errors import VettingError
from vetting.report import FORMATS, parse_formats, report_json, write_reports
from vetting.report.naming import slugify
from vetting.templates import labels


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("md", ("md",)),
        ("html,md", ("md", "html")),
        (" HTML , md,md ", ("md", "html")),
        ("patient-notice", ("patient-notice",)),
        (",".join(FORMATS), FORMATS),
    ],
)
def test_formats_are_parsed_once_each_in_a_fixed_order(
    text: str, expected: tuple[str, ...]
) -> None:
    assert parse_formats(text) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("odt", "formats: md, html, pdf, docx, json, xlsx, patient-notice, pia, fria"),
        ("htm", "did you mean 'html'?"),
        ("md,pfd", "did you mean 'pdf'?"),
        ("", "no format given"),
    ],
)
def test_an_unknown_format_is_an_error_listing_the_formats(text: str, fragment: str) -> None:
    with pytest.raises(VettingError) as caught:
        parse_formats(text)
    assert fragment in str(caught.value)


@pytest.mark.parametrize(
    ("formats", "names"),
    [
        (("md",), ["triageplus.report.md"]),
        (("json", "html"), ["triageplus.report.html", "triageplus.report.json"]),
        (("patient-notice",), ["triageplus.patient-notice.html"]),
        (
            ("md", "patient-notice"),
            ["triageplus.report.md", "triageplus.patient-notice.md"],
        ),
        (("xlsx",), ["triageplus.report.xlsx"]),
    ],
)
def test_files_are_named_after_the_tool(
    tmp_path: Path, formats: tuple[str, ...], names: list[str]
) -> None:
    answers, assessment = example("triage-pending")
    # Pending: its notice can only be a draft (see tests/test_report_notice.py).
    paths = write_reports(assessment, ruleset(), answers, formats, tmp_path, "en", draft=True)
    assert [p.name for p in paths] == names
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
@pytest.mark.parametrize("lang", LANGS)
def test_the_same_inputs_give_byte_identical_outputs(tmp_path: Path, name: str, lang: str) -> None:
    answers, assessment = example(name)
    formats = ("md", "html", "json", "patient-notice")
    first = write_reports(assessment, ruleset(), answers, formats, tmp_path / "a", lang, draft=True)
    second = write_reports(
        assessment, ruleset(), answers, formats, tmp_path / "b", lang, draft=True
    )
    assert [p.name for p in first] == [p.name for p in second]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_the_json_report_is_the_score_contract(tmp_path: Path) -> None:
    answers, assessment = example("assistant-reject")
    (path,) = write_reports(assessment, ruleset(), answers, ("json",), tmp_path, "fr")
    text = path.read_text(encoding="utf-8")
    assert text == report_json(assessment)
    assert text.endswith("}\n")
    assert json.loads(text) == assessment_json(assessment)


def test_the_date_shown_is_the_assessment_date_never_today(tmp_path: Path) -> None:
    answers, assessment = example("scribe-accept")
    moved = assessment.model_copy(
        update={"assessment_date": assessment.assessment_date.replace(year=2031)}
    )
    (path,) = write_reports(moved, ruleset(), answers, ("md",), tmp_path, "en")
    text = path.read_text(encoding="utf-8")
    assert "24 November 2031 (2031-11-24)" in text
    assert "2026-11-24" not in text.split("## Knock-outs")[0]


@pytest.mark.parametrize("lang", LANGS)
def test_every_report_exists_in_both_languages(tmp_path: Path, lang: str) -> None:
    answers, assessment = example("chatbot-conditional")
    paths = write_reports(assessment, ruleset(), answers, ("md", "html"), tmp_path, lang)
    text = paths[0].read_text(encoding="utf-8")
    heading = {"fr": "## Éléments bloquants", "en": "## Knock-outs"}[lang]
    assert heading in text
    assert f'<html lang="{lang}">' in paths[1].read_text(encoding="utf-8")


def test_french_reports_use_french_typography(tmp_path: Path) -> None:
    answers, assessment = example("triage-pending")
    (path,) = write_reports(assessment, ruleset(), answers, ("md",), tmp_path, "fr")
    text = path.read_text(encoding="utf-8")
    assert "Verdict\u00a0: EN ATTENTE DE PREUVES" in text
    assert "94,4\u00a0%" in text
    assert "«\u00a0je ne sais pas\u00a0»" in text
    assert " ?" not in text.replace("\u00a0?", "")  # no plain space before a question mark


def test_user_templates_override_ours_and_keep_the_rest(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "labels.yaml").write_text(
        'h_sheet: {fr: "Synthèse pour le comité", en: "Summary for the committee"}\n',
        encoding="utf-8",
    )
    (templates / "notice.md.j2").write_text("Custom notice for {{ n.tool }}\n", encoding="utf-8")
    answers, assessment = example("scribe-accept")
    paths = write_reports(
        assessment,
        ruleset(),
        answers,
        ("md", "patient-notice"),
        tmp_path / "out",
        "en",
        templates,
        draft=True,
    )
    report, notice = (p.read_text(encoding="utf-8") for p in paths)
    assert "## Summary for the committee" in report
    assert "## Knock-outs" in report  # labels not overridden stay ours
    assert notice == "Custom notice for Scribe Alpha\n"


@pytest.mark.parametrize(
    ("override", "n", "expected"),
    [
        # A counted phrase overridden by one text: the same words whatever the count.
        ('{fr: "Accepté ({n})", en: "Accepted ({n})"}', 2, "Accepted (2)"),
        ('{fr: "Accepté ({n})", en: "Accepted ({n})"}', 1, "Accepted (1)"),
        # ... or by both forms, picked by the language's plural rule.
        ("{en: {one: 'One KO ({n})', other: 'KOs ({n})'}}", 1, "One KO (1)"),
        ("{en: {one: 'One KO ({n})', other: 'KOs ({n})'}}", 3, "KOs (3)"),
    ],
)
def test_a_user_may_override_a_counted_phrase(
    tmp_path: Path, override: str, n: int, expected: str
) -> None:
    (tmp_path / "labels.yaml").write_text(
        f"alert_accepted_despite_ko: {override}\n", encoding="utf-8"
    )
    words = labels("en", tmp_path)
    assert words.count("alert_accepted_despite_ko", n) == expected
    assert words["h_knockouts"] == "Knock-outs"  # the rest stays ours


def test_counted_phrases_of_ours_follow_the_plural_rule() -> None:
    fields = {"ids": "x", "by": "b", "date": "d", "justification": "j"}
    fr = labels("fr")
    assert "malgré 0 élément bloquant (" in fr.count("alert_accepted_despite_ko", 0, **fields)
    assert "malgré 2 éléments bloquants (" in fr.count("alert_accepted_despite_ko", 2, **fields)
    en = labels("en")
    assert "despite 0 knock-outs (" in en.count("alert_accepted_despite_ko", 0, **fields)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('h_glance: "Summary"', "must map languages to texts"),
        ("h_glance: {en: {one: a, other: b}}", "must give a text per language"),
        ("alert_accepted_despite_ko: {en: {one: a}}", "or {one: ..., other: ...}"),
    ],
)
def test_a_wrong_user_label_is_an_error_at_its_line(
    tmp_path: Path, line: str, message: str
) -> None:
    (tmp_path / "labels.yaml").write_text(f"report_title: {{en: Report}}\n{line}\n", "utf-8")
    with pytest.raises(VettingError) as caught:
        labels("en", tmp_path)
    shown = str(caught.value)
    assert "labels.yaml:2:" in shown
    assert message in shown


def test_a_broken_user_template_is_an_error_at_its_line(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "report.md.j2").write_text("# {{ r.title }}\n\n{% if %}\n", encoding="utf-8")
    answers, assessment = example("scribe-accept")
    with pytest.raises(VettingError) as caught:
        write_reports(assessment, ruleset(), answers, ("md",), tmp_path / "out", "en", templates)
    assert f"{templates / 'report.md.j2'}:3" in str(caught.value)
    assert not (tmp_path / "out").exists()  # nothing half written


def test_an_undefined_name_in_a_user_template_is_an_error_at_its_line(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "report.md.j2").write_text(
        "# {{ r.title }}\n{{ r.no_such_thing }}\n", encoding="utf-8"
    )
    answers, assessment = example("scribe-accept")
    with pytest.raises(VettingError) as caught:
        write_reports(assessment, ruleset(), answers, ("md",), tmp_path, "en", templates)
    message = str(caught.value)
    assert "report.md.j2:2" in message and "no_such_thing" in message


def test_the_cli_writes_the_reports_of_several_files(
    cli: Callable[..., Result], in_root: Path, tmp_path: Path
) -> None:
    result = cli(
        "report",
        "examples/health-ai/scribe-accept.yaml",
        "examples/health-ai/assistant-reject.yaml",
        "--format",
        "md,json",
        "--lang",
        "en",
        "-o",
        str(tmp_path),
    )
    assert result.code == 0, result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "genassist.report.json",
        "genassist.report.md",
        "scribe-alpha.report.json",
        "scribe-alpha.report.md",
    ]
    assert "Reports written:" in result.out


def test_the_cli_reports_a_bad_file_and_writes_the_others(
    cli: Callable[..., Result], in_root: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("ruleset: health-ai\ntool: {name: X}\nanswers: {hosting.location: mars}\n")
    result = cli(
        "report",
        str(bad),
        "examples/health-ai/scribe-accept.yaml",
        "--format",
        "md",
        "-o",
        str(tmp_path),
    )
    assert result.code == 2
    assert "bad.yaml:3" in result.err and "'mars' is not a choice" in result.err
    assert (tmp_path / "scribe-alpha.report.md").is_file()


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--format", "odt"], "unknown report format 'odt'"),
        (["--templates", "no/such/folder"], "no such folder"),
    ],
)
def test_the_cli_usage_errors_exit_2(
    cli: Callable[..., Result], in_root: Path, tmp_path: Path, args: list[str], fragment: str
) -> None:
    result = cli("report", "examples/health-ai/scribe-accept.yaml", "-o", str(tmp_path), *args)
    assert result.code == 2
    assert fragment in result.err
    assert "Traceback" not in result.err
    assert list(tmp_path.iterdir()) == []


def test_two_files_of_the_same_tool_do_not_overwrite_each_other(
    cli: Callable[..., Result], in_root: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.yaml"
    copy.write_bytes((ROOT / "examples/health-ai/scribe-accept.yaml").read_bytes())
    result = cli(
        "report",
        "examples/health-ai/scribe-accept.yaml",
        str(copy),
        "--format",
        "md",
        "-o",
        str(tmp_path / "out"),
    )
    assert result.code == 2
    assert "same file name (scribe-alpha)" in result.err
    french = cli(
        "report", "examples/health-ai/scribe-accept.yaml", str(copy), "--format", "md",
        "-o", str(tmp_path / "fr"), "--lang", "fr",
    )  # fmt: skip
    assert "a le même nom de fichier (scribe-alpha)" in french.err


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Scribe Santé 2", "scribe-sante-2"),
        ("../../etc/passwd", "etc-passwd"),
        ("", "tool"),
        ("<>", "tool"),
    ],
)
def test_the_slug_is_a_safe_file_name(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_the_questionnaire_still_exports_slugify() -> None:
    from vetting.interview.session import slugify as from_session

    assert from_session is slugify


def test_importing_the_report_package_stays_light() -> None:
    code = (
        "import sys, vetting.report, vetting.report.naming; "
        "names = ('jinja2', 'weasyprint', 'xlsxwriter', 'openpyxl'); "
        "heavy = [m for m in names if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == ""


def test_expired_evidence_goes_back_to_the_vendor() -> None:
    from tests.support.reports import hostile_answers
    from vetting.report import render_markdown

    answers, assessment = hostile_answers()
    md = render_markdown(assessment, ruleset(), answers, "en")
    section = md.split("### Expired evidence to renew", 1)[1].split("\n## ", 1)[0]
    assert "**Hosting location**" in section  # its short title: ids stay in the annex
    assert "Expired on 2026-01-01" in section


@pytest.mark.parametrize(
    ("name", "required"),
    [
        ("scribe-accept", set()),
        # Its art. 28 agreement is claimed but not proven: the clause is to negotiate.
        (
            "triage-pending",
            {"no_training", "hds_certification", "regulatory_compliance", "processing_agreement"},
        ),
        # Its "no medical purpose" comes with no qualification analysis: pending, negotiate.
        (
            "assistant-reject",
            {
                "no_training",
                "data_location",
                "hds_certification",
                "processing_agreement",
                "regulatory_compliance",
            },
        ),
    ],
)
def test_clauses_to_negotiate_follow_the_findings(name: str, required: set[str]) -> None:
    from vetting.report import clauses

    answers, assessment = example(name)
    compiled = ruleset()
    state = compiled.walk(answers.answers, assessment.assessment_date)
    derived = clauses.derive_clauses(clauses.load_spec(None), assessment, compiled, state)
    assert {c.spec.id for c in derived if c.required} == required
    flags = [c.required for c in derived]
    assert flags == sorted(flags, reverse=True)  # to negotiate first
    assert len(derived) >= 10  # the standard ones are listed too


def test_reports_of_an_answers_file_are_named_alike_by_either_command(
    cli: Callable[..., Result], in_root: Path, tmp_path: Path
) -> None:
    """`vetting assess --answers m2.answers.yaml` writes `m2.report.*`; `vetting report` on
    the same file writes the same names, not the tool's slug (here `scribe-alpha`)."""
    answers = tmp_path / "m2.answers.yaml"
    answers.write_bytes((ROOT / "examples/health-ai/scribe-accept.yaml").read_bytes())
    result = cli("report", str(answers), "--format", "md", "-o", str(tmp_path / "out"))
    assert result.code == 0, result.err
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["m2.report.md"]

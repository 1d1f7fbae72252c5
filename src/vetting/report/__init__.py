"""Reports from an assessment: Markdown, HTML, PDF, DOCX, JSON, the XLSX checklist, the patient
notice, and the drafts a DPO writes next (the PIA tool's file, the FRIA draft).

    paths = write_reports(assessment, compiled, answers, ("md", "html"), Path("out"), "fr")

`vetting report` and `vetting assess` both call `write_reports`. Importing this
package is cheap: Jinja2, WeasyPrint and XlsxWriter are imported by the
functions that need them. Outputs are deterministic: the date shown is the
assessment's, never the clock's, so the same inputs give byte-identical
Markdown, HTML and JSON.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from vetting import catalog
from vetting.errors import Problem, VettingError
from vetting.files import write_files
from vetting.i18n import verdict_name
from vetting.report.naming import document_name, notice_name, report_name, slugify
from vetting.words import fill, long_date, suggest

if TYPE_CHECKING:  # `vetting assess` checks --format before its first prompt: stay light
    from vetting.assess.answers import Answers
    from vetting.assess.assessment import Assessment
    from vetting.report.fria import Fria
    from vetting.ruleset.compiled import CompiledRuleSet

#: Every format `--format` accepts, in the order files are written.
FORMATS = ("md", "html", "pdf", "docx", "json", "xlsx", "patient-notice", "pia", "fria")
#: The document formats the patient notice comes in (HTML when none is asked for).
NOTICE_FORMATS = ("md", "html", "pdf")
#: The document formats the FRIA draft comes in (HTML when none is asked for).
FRIA_FORMATS = ("md", "html", "docx")


def parse_formats(text: str) -> tuple[str, ...]:
    """`"md, HTML,md"` -> `("md", "html")`: known formats, each once, in `FORMATS` order."""
    asked = [part.strip().lower() for part in text.split(",") if part.strip()]
    if not asked:
        raise VettingError(f"--format: no format given; formats: {', '.join(FORMATS)}")
    problems = []
    for name in asked:
        if name not in FORMATS:
            hint = suggest(name, FORMATS) or f"formats: {', '.join(FORMATS)}"
            problems.append(Problem(None, f"--format: unknown report format '{name}'", hint=hint))
    if problems:
        raise VettingError(problems)
    return tuple(f for f in FORMATS if f in asked)


def report_json(assessment: Assessment) -> str:
    """The `.report.json`: the same contract as `vetting score --format json`, pretty-printed."""
    from vetting.assess.assessment import assessment_json

    return json.dumps(assessment_json(assessment), ensure_ascii=False, indent=2) + "\n"


def render_markdown(
    assessment: Assessment,
    compiled: CompiledRuleSet,
    answers: Answers,
    lang: str,
    templates: Path | None = None,
    *,
    annex: bool = True,
) -> str:
    """The risk report in Markdown."""
    return _render_report("md", assessment, compiled, answers, lang, templates, annex)


def render_html(
    assessment: Assessment,
    compiled: CompiledRuleSet,
    answers: Answers,
    lang: str,
    templates: Path | None = None,
    *,
    annex: bool = True,
) -> str:
    """The risk report as one self-contained HTML file (inline CSS and SVG, nothing fetched)."""
    return _render_report("html", assessment, compiled, answers, lang, templates, annex)


def _render_report(
    kind: Literal["md", "html"],
    assessment: Assessment,
    compiled: CompiledRuleSet,
    answers: Answers,
    lang: str,
    templates: Path | None,
    annex: bool,
) -> str:
    from vetting.report.context import build_report

    report = build_report(assessment, compiled, answers, lang, templates, annex=annex)
    return _render(f"report.{kind}.j2", kind, {"r": report}, templates)


def _render(
    name: str, kind: Literal["md", "html"], context: dict[str, Any], templates: Path | None
) -> str:
    """One template of the report or the notice, from the user's folder first."""
    from vetting.templates import render, search_path

    return render(name, kind, context, search_path(templates))


def render_notice(
    assessment: Assessment,
    compiled: CompiledRuleSet,
    answers: Answers,
    lang: str,
    kind: str,
    templates: Path | None = None,
    *,
    draft: bool = False,
) -> str:
    """The patient information notice, in Markdown (`kind="md"`) or HTML (`"html"`).

    `draft` marks every page "DRAFT - not for distribution" (in the notice's language).
    """
    from vetting.report.notice import build_notice, load_spec

    notice = build_notice(assessment, compiled, answers, lang, load_spec(templates), draft)
    if kind == "md":
        return _render("notice.md.j2", "md", {"n": notice}, templates)
    return _render("notice.html.j2", "html", {"n": notice}, templates)


def render_fria(
    assessment: Assessment,
    compiled: CompiledRuleSet,
    answers: Answers,
    lang: str,
    kind: str,
    templates: Path | None = None,
    *,
    forced: bool = False,
) -> str | bytes:
    """The FRIA draft in Markdown (`kind="md"`), HTML (`"html"`) or DOCX (`"docx"`, bytes).

    Raises `FriaRefused` when art. 27's condition does not hold, unless `forced`.
    """
    from vetting.report.fria import build_fria, load_spec

    fria = build_fria(
        assessment, compiled, answers, lang, load_spec(templates), templates, forced=forced
    )
    return _fria_document(fria, kind, templates)


def _fria_document(fria: Fria, kind: str, templates: Path | None) -> str | bytes:
    if kind == "docx":
        from vetting.report.docx import fria_docx

        return fria_docx(fria)
    if kind == "md":
        return _render("fria.md.j2", "md", {"f": fria}, templates)
    return _render("fria.html.j2", "html", {"f": fria}, templates)


class NoticeRefused(Exception):
    """The patient notice was asked for a tool nobody decided to use, or one that concerns
    no patient (a gate, exit 1)."""


def without_refused_notice(
    assessment: Assessment,
    compiled: CompiledRuleSet,
    answers: Answers,
    formats: tuple[str, ...],
    lang: str,
    source: str,
    draft: bool = False,
    templates: Path | None = None,
) -> tuple[tuple[str, ...], str | None]:
    """The formats to write, and why the patient notice was dropped from them (or None).

    The notice tells patients "we use this tool": it is written only when the
    recorded decision accepts the tool (with or without conditions), unless it
    is a draft, marked as such on every page; and never, draft or not, for a tool
    that processes no data about patients and that patients do not use.
    """
    from vetting.report.notice import concerns_patients, load_spec, notice_allowed

    if "patient-notice" not in formats:
        return formats, None
    if not concerns_patients(compiled, answers, load_spec(templates)):
        message = fill(catalog.text(lang, "cli.notice_no_patients"), {"file": source})
        return tuple(f for f in formats if f != "patient-notice"), message
    if draft or notice_allowed(answers):
        return formats, None
    if answers.decision is None:
        verdict = verdict_name(assessment.verdict, lang)
        why = fill(catalog.text(lang, "cli.notice_no_decision"), {"verdict": verdict})
    elif answers.decision.outcome == "reject":
        why = catalog.text(lang, "cli.notice_rejected")
    else:
        why = fill(
            catalog.text(lang, "cli.notice_outdated_decision"),
            {
                "decided": long_date(answers.decision.date, lang),
                "assessed": long_date(assessment.assessment_date, lang),
            },
        )
    message = fill(catalog.text(lang, "cli.notice_refused"), {"why": why, "file": source})
    return tuple(f for f in formats if f != "patient-notice"), message


def without_refused_fria(
    assessment: Assessment,
    compiled: CompiledRuleSet,
    answers: Answers,
    formats: tuple[str, ...],
    lang: str,
    source: str,
    templates: Path | None = None,
    force: bool = False,
) -> tuple[tuple[str, ...], str | None]:
    """The formats to write, and why the FRIA draft was dropped from them (or None).

    The draft is written only when the answers meet art. 27's condition as the
    rule set models it, unless `force`.
    """
    from vetting.report.fria import fria_applies, fria_refusal, load_spec

    if "fria" not in formats or force:
        return formats, None
    if fria_applies(assessment, compiled, answers, load_spec(templates)):
        return formats, None
    return tuple(f for f in formats if f != "fria"), fria_refusal(lang, source)


def write_reports(
    assessment: Assessment,
    compiled: CompiledRuleSet,
    answers: Answers,
    formats: tuple[str, ...] | list[str],
    out_dir: Path,
    lang: str,
    templates: Path | None = None,
    *,
    draft: bool = False,
    slug: str | None = None,
    force_fria: bool = False,
    annex: bool = True,
) -> list[Path]:
    """Write the reports asked for into `out_dir`; return the files written, in `FORMATS` order.

    Files are `<tool-slug>.report.<ext>` and, for `patient-notice`,
    `<tool-slug>.patient-notice.<ext>` in each document format asked for
    (md, html, pdf; html when none is). `slug` replaces the tool's slug: the
    questionnaire names the reports after the answers file, so two tools whose
    names give one slug (`scribe-acme`, `scribe-acme-2`) keep their reports apart.
    Everything is rendered in memory first, then the files are written as a set
    (`vetting.files.write_files`): a template error, a full disk, Ctrl-C or SIGTERM
    leaves the whole old set or the whole new set, never a mix, and no temporary
    file. The notice of a tool nobody decided to use raises `NoticeRefused` before
    anything is written, unless `draft` (callers drop it first with
    `without_refused_notice`). `fria` writes `<tool-slug>.fria.<ext>` in each of
    md and html asked for (html when none is); for answers that do not meet art.
    27's condition it raises `FriaRefused`, unless `force_fria` (callers drop it
    first with `without_refused_fria`). `annex=False` leaves the report's annex out.
    """
    wanted = parse_formats(",".join(formats))
    if "patient-notice" in wanted:
        from vetting.report.notice import concerns_patients, notice_allowed
        from vetting.report.notice import load_spec as notice_spec

        if not concerns_patients(compiled, answers, notice_spec(templates)):
            raise NoticeRefused(f"{assessment.tool.name}: no data about patients, no patient use")
        if not draft and not notice_allowed(answers):
            raise NoticeRefused(f"{assessment.tool.name}: no decision to use this tool")
    if "fria" in wanted and not force_fria:
        from vetting.report.fria import FriaRefused, fria_applies
        from vetting.report.fria import load_spec as fria_spec

        if not fria_applies(assessment, compiled, answers, fria_spec(templates)):
            raise FriaRefused(f"{assessment.tool.name}: art. 27's condition does not hold")
    slug = slug or slugify(assessment.tool.name)
    out = Path(out_dir)
    outputs: list[tuple[Path, str | bytes]] = []
    html: str | None = None
    if {"md", "html", "pdf", "docx"} & set(wanted):
        from vetting.report.context import build_report

        report = build_report(assessment, compiled, answers, lang, templates, annex=annex)
    if "md" in wanted:
        text = _render("report.md.j2", "md", {"r": report}, templates)
        outputs.append((out / report_name(slug, "md"), text))
    if "html" in wanted or "pdf" in wanted:
        html = _render("report.html.j2", "html", {"r": report}, templates)
        if "html" in wanted:
            outputs.append((out / report_name(slug, "html"), html))
    if "pdf" in wanted:
        from vetting.report.pdf import html_to_pdf

        assert html is not None
        outputs.append((out / report_name(slug, "pdf"), html_to_pdf(html)))
    if "docx" in wanted:
        from vetting.report.docx import report_docx

        outputs.append((out / report_name(slug, "docx"), report_docx(report)))
    if "json" in wanted:
        outputs.append((out / report_name(slug, "json"), report_json(assessment)))
    if "xlsx" in wanted:
        from vetting.checklist import checklist_xlsx

        data = checklist_xlsx(compiled, lang, answers=answers, assessment=assessment)
        outputs.append((out / report_name(slug, "xlsx"), data))
    if "patient-notice" in wanted:
        kinds = [k for k in NOTICE_FORMATS if k in wanted] or ["html"]
        notice_html: str | None = None
        for kind in kinds:
            if kind == "md":
                text = render_notice(
                    assessment, compiled, answers, lang, "md", templates, draft=draft
                )
                outputs.append((out / notice_name(slug, "md"), text))
                continue
            if notice_html is None:
                notice_html = render_notice(
                    assessment, compiled, answers, lang, "html", templates, draft=draft
                )
            if kind == "html":
                outputs.append((out / notice_name(slug, "html"), notice_html))
            else:
                from vetting.report.pdf import html_to_pdf

                outputs.append((out / notice_name(slug, "pdf"), html_to_pdf(notice_html)))
    if "pia" in wanted:
        from vetting.report.pia import pia_json

        text = pia_json(assessment, compiled, answers, lang, templates)
        outputs.append((out / document_name(slug, "pia", "json"), text))
    if "fria" in wanted:
        from vetting.report.fria import build_fria, load_spec

        fria = build_fria(
            assessment, compiled, answers, lang, load_spec(templates), templates, forced=force_fria
        )
        for kind in [k for k in FRIA_FORMATS if k in wanted] or ["html"]:
            document = _fria_document(fria, kind, templates)
            outputs.append((out / document_name(slug, "fria", kind), document))
    write_files(outputs)
    return [path for path, _ in outputs]


__all__ = [
    "FORMATS",
    "FRIA_FORMATS",
    "NOTICE_FORMATS",
    "NoticeRefused",
    "parse_formats",
    "render_fria",
    "render_html",
    "render_markdown",
    "render_notice",
    "report_json",
    "slugify",
    "without_refused_fria",
    "without_refused_notice",
    "write_reports",
]

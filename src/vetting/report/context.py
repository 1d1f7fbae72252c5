"""The report as data: every text picked in one language, every number formatted.

Templates only lay this out; all the decisions (what goes in which section, in
which order, with which words) are made in `sections.py`, once, for Markdown,
HTML and PDF alike. This module puts the parts together into one `Report`.
"""

from __future__ import annotations

from pathlib import Path

from vetting import __version__, catalog
from vetting.assess.answers import Answers
from vetting.assess.assessment import Assessment
from vetting.report import sections, sheet
from vetting.report.dpia import dpia_statement
from vetting.report.pia import load_spec
from vetting.report.views import Report
from vetting.report.wording import Wording
from vetting.ruleset.compiled import CompiledRuleSet


def build_report(
    assessment: Assessment,
    compiled: CompiledRuleSet,
    answers: Answers,
    lang: str,
    templates: Path | None = None,
    *,
    annex: bool = True,
) -> Report:
    """The report of one assessment as data, in `lang`; `annex=False` leaves the annex out."""
    w = Wording(assessment, compiled, answers, lang, templates)
    categories, chart = sections.categories(w)
    contributors, whatifs = sections.explanation(w)
    # The parts that cite sources, in the order the sources section lists them.
    knockouts = sections.knockouts(w)
    pending = sections.pending(w)
    groups = sections.severity_groups(w)
    clauses = sections.clauses(w)
    appendix, absent = sections.appendix(w)
    glance = sections.glance(w)
    decision = sections.decision(w)
    findings = [f for group in groups for f in group.findings]
    return Report(
        lang=lang,
        L=w.L,
        generator=f"vetting {__version__}",
        colon=catalog.text(lang, "formats.colon"),
        semicolon=catalog.text(lang, "formats.semicolon"),
        title=f"{w.colon(w.L['report_title'])} {assessment.tool.name}",
        alerts=sections.alerts(w),
        decision=decision,
        cover=sections.cover(w),
        glance=glance,
        knockouts=knockouts,
        pending=pending,
        categories=categories,
        chart=chart,
        severity_groups=groups,
        vendor_questions=sections.vendor_questions(w),
        clarifications=sections.clarifications(w),
        expired_evidence=sections.expired_evidence(w),
        clauses=clauses,
        contributors=contributors,
        whatifs=whatifs,
        appendix=appendix,
        not_applicable=absent,
        method=sections.method(w),
        sources=sections.sources(w),
        dpia=dpia_statement(w, load_spec(templates).dpia),
        sheet=sheet.decision_sheet(
            w, glance, knockouts, pending, decision, tuple(findings), clauses
        ),
        sections=sheet.by_section(findings, categories, sections.SEVERITY_ORDER),
        annex=annex,
    )


__all__ = ["Report", "build_report"]

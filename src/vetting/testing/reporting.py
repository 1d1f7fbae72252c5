"""The text of a report, for the step `the report in "fr" mentions "HDS"`.

When the package's report renderer (`vetting.report.render_markdown`) is
available, the step searches the Markdown report it renders in memory, with
Markdown's escapes removed. Otherwise it
searches the texts a report is made of, taken from the rule set in the
language asked: the verdict and level names, each finding's title, the
answers' labels, the recommendation, what to ask the vendor, the knock-outs'
rationales and the references' titles and articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from vetting.assess.answers import Answers
from vetting.assess.assessment import Assessment
from vetting.i18n import level_name, pick, severity_name, verdict_name
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.describe import cite

_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def markdown_report(
    compiled: CompiledRuleSet, assessment: Assessment, answers: Answers, lang: str
) -> str | None:
    """The Markdown risk report as plain text, or None when this build has no renderer."""
    try:
        from vetting.report import render_markdown
    except ImportError:  # pragma: no cover - a build without the report package
        return None
    text = render_markdown(assessment, compiled, answers, lang)
    # Markdown escapes (`hosting\_location`) are not what a reader sees.
    return _MD_ESCAPE.sub(r"\1", text)


def _references(refs: Iterable[Mapping[str, Any]], compiled: CompiledRuleSet, lang: str) -> str:
    parts: list[str] = []
    for ref in refs:
        parts.append(cite(compiled.ruleset, ref, lang))
    return "; ".join(parts)


def findings_text(compiled: CompiledRuleSet, assessment: Assessment, lang: str) -> str:
    """The rule-set texts a report shows for this assessment, in one language."""
    a = assessment
    lines = [
        pick(compiled.ruleset.title, lang),
        f"{verdict_name(a.verdict, lang)} ({a.verdict})",
        f"{level_name(a.level, lang)} ({a.level})",
    ]
    for ko in a.knockouts:
        lines.append(f"KO {ko.id}: {pick(ko.rationale, lang)}")
        lines.append(_references(ko.references, compiled, lang))
    for item in a.pending:
        lines.append(f"{item.id}: {pick(item.rationale, lang)}")
        lines.append(_references(item.references, compiled, lang))
    for finding in a.findings:
        severity = severity_name(finding.severity, lang)
        lines.append(f"{finding.id} ({severity}): {pick(finding.title, lang)}")
        lines.extend(pick(label, lang) for label in finding.answer_labels)
        for text in (finding.recommendation, finding.ask_vendor, finding.rationale):
            if text:
                lines.append(pick(text, lang))
        lines.append(_references(finding.references, compiled, lang))
    return "\n".join(line for line in lines if line)


def report_text(
    compiled: CompiledRuleSet, assessment: Assessment, answers: Answers, lang: str
) -> str:
    """The Markdown report when the renderer is there, else the texts it is made of."""
    report = markdown_report(compiled, assessment, answers, lang)
    return report if report is not None else findings_text(compiled, assessment, lang)

"""The draft fundamental rights impact assessment of AI Act art. 27 (`--format fria`).

A body governed by public law, or a private entity providing a public service,
that deploys an Annex III high-risk AI system must assess its impact on
fundamental rights before first use (art. 27(1), elements (a) to (f)) and
notify the results (27(3)). The answers of an assessment already say much of
it: the processes the tool serves, the people it affects, the risks the
provider documents, the human oversight and the complaint channels. This module
turns them into a draft that follows the six elements, quotes the named
answers, and marks every gap "to be completed" instead of filling it.

The draft is written only when the rule set's question that models art. 27
applies to the answers (`condition` in `reports/fria.yaml`), unless forced.
`build_fria` returns a view; Markdown and HTML templates and the DOCX writer
lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vetting import __version__, catalog
from vetting.assess.answers import Answers
from vetting.assess.assessment import Assessment
from vetting.i18n import severity_name
from vetting.report.dpia import dpia_statement
from vetting.report.drafting import Line, answer_lines, draft_text
from vetting.report.pia import load_spec as load_pia_spec
from vetting.report.wording import Wording
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.templates import DataSpec, data_file
from vetting.words import fill, long_date, text_in, typo

FRIA = "fria.yaml"
Text = dict[str, str]


class ElementSpec(DataSpec):
    """One element of art. 27(1): its letter, its words, the answers that fill it."""

    letter: str
    title: Text
    questions: tuple[str, ...] = ()
    go_live: bool = False
    findings: tuple[str, ...] = ()
    severities: tuple[str, ...] = ()


class FriaSpec(DataSpec):
    """`reports/fria.yaml`."""

    condition: str
    elements: tuple[ElementSpec, ...]


class FriaRefused(Exception):
    """The FRIA was asked for answers that do not meet art. 27's condition (a gate, exit 1)."""


@dataclass(frozen=True)
class Element:
    """One element of the draft; `filled` is False when nothing in it is known."""

    letter: str
    title: str
    lines: tuple[Line, ...]
    #: Our own sentences (the planned go-live, the frequency to fill in, the findings).
    facts: tuple[str, ...]
    findings: tuple[str, ...]
    filled: bool


@dataclass(frozen=True)
class Fria:
    """Everything the FRIA templates show, in one language."""

    lang: str
    #: The drafts' words (`drafts` namespace), as the FRIA templates read them: `f.D.key`.
    D: dict[str, str]
    colon: str
    title: str
    draft: str
    tool: str
    intro: str
    #: Why this draft exists: the condition holds, or it was forced.
    basis: str
    forced: bool
    context: tuple[tuple[str, str], ...]
    #: The rule set's answer on the FRIA itself, and its own "to verify" note.
    status: Line | None
    status_verify: str
    elements: tuple[Element, ...]
    dpia: str
    dpia_statement: str
    notify: str
    template: str
    template_verify: str
    generated: str
    date_iso: str


def load_spec(templates: Path | None) -> FriaSpec:
    """The FRIA mapping: the user's `fria.yaml` when `--templates` has one, else ours."""
    return data_file(FRIA, FriaSpec, templates)


def fria_applies(
    assessment: Assessment, compiled: CompiledRuleSet, answers: Answers, spec: FriaSpec
) -> bool:
    """Whether art. 27's condition, as the rule set models it, holds for these answers."""
    predicate = compiled.relevance.get(spec.condition)
    if predicate is None:
        return False  # a rule set that does not model art. 27
    state = compiled.walk(answers.answers, assessment.assessment_date)
    return predicate(state, assessment.assessment_date) is True


def fria_refusal(lang: str, source: str) -> str:
    """The one-line reason the FRIA is not written, and how to write it anyway."""
    return fill(draft_text(lang, "drafts.fria_refused"), {"file": source})


def _labels(lang: str) -> dict[str, str]:
    words = catalog.entry(lang, "drafts")
    return {key: typo(value, lang) for key, value in words.items() if isinstance(value, str)}


def _element(w: Wording, spec: ElementSpec) -> Element:
    lines = answer_lines(w, spec.questions)
    facts: list[str] = []
    known = any(line.known for line in lines)
    if spec.go_live:
        if w.answers.go_live is not None:
            day = long_date(w.answers.go_live, w.lang)
            facts.append(fill(draft_text(w.lang, "drafts.fria_go_live"), {"date": day}))
            known = True
        else:
            facts.append(draft_text(w.lang, "drafts.fria_go_live_unknown"))
        facts.append(draft_text(w.lang, "drafts.fria_frequency"))
    findings: list[str] = []
    if spec.findings:
        for f in w.a.findings:
            if f.category in spec.findings and f.severity in spec.severities:
                words = {"title": w.text(f.title), "severity": severity_name(f.severity, w.lang)}
                findings.append(fill(draft_text(w.lang, "drafts.fria_finding"), words))
        known = known or bool(findings)
    return Element(
        letter=spec.letter,
        title=text_in(spec.title, w.lang),
        lines=lines,
        facts=tuple(facts),
        findings=tuple(findings),
        filled=known,
    )


def build_fria(
    assessment: Assessment,
    compiled: CompiledRuleSet,
    answers: Answers,
    lang: str,
    spec: FriaSpec,
    templates: Path | None = None,
    *,
    forced: bool = False,
) -> Fria:
    """The FRIA draft of one assessment, as data, in `lang`."""
    w = Wording(assessment, compiled, answers, lang, templates)
    D = _labels(lang)
    tool = assessment.tool
    not_stated = w.L["not_stated"]
    rs = assessment.ruleset
    ruleset = f"{rs.id} {rs.version}"
    date = long_date(assessment.assessment_date, lang)
    names = {
        "tool": tool.name,
        "vendor": tool.vendor or not_stated,
        "version": tool.version or not_stated,
        "date": date,
        "ruleset": ruleset,
    }
    status_lines = answer_lines(w, [spec.condition])
    condition = compiled.question_by_id.get(spec.condition)
    source = Path(assessment.source).name if assessment.source else tool.name
    return Fria(
        lang=lang,
        D=D,
        colon=catalog.text(lang, "formats.colon"),
        title=D["fria_title"],
        draft=D["fria_draft"],
        tool=tool.name,
        intro=fill(D["fria_intro"], names),
        basis=D["fria_forced"] if forced else fill(D["fria_applies"], names),
        forced=forced,
        context=(
            (D["fria_tool"], tool.name),
            (D["fria_vendor"], names["vendor"]),
            (D["fria_version"], names["version"]),
            (D["fria_assessor"], answers.assessor or not_stated),
            (D["fria_date"], date),
            (D["fria_ruleset"], ruleset),
        ),
        status=status_lines[0] if status_lines else None,
        status_verify=w.text(condition.verify) if condition is not None else "",
        elements=tuple(_element(w, element) for element in spec.elements),
        dpia=D["fria_dpia"],
        dpia_statement=dpia_statement(w, load_pia_spec(templates).dpia),
        notify=D["fria_notify"],
        template=D["fria_template"],
        template_verify=D["fria_template_verify"],
        generated=fill(
            D["fria_generated"],
            {"generator": f"vetting {__version__}", "file": source, "ruleset": ruleset},
        ),
        date_iso=assessment.assessment_date.isoformat(),
    )


__all__ = [
    "Element",
    "Fria",
    "FriaRefused",
    "FriaSpec",
    "build_fria",
    "fria_applies",
    "fria_refusal",
    "load_spec",
]

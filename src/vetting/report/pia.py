"""The DPIA pre-filled for the CNIL's PIA tool: `<tool>.pia.json`, imported there as a new PIA.

Most French DPOs write their data protection impact assessment (GDPR art. 35)
in the CNIL's free PIA tool (LINCnil/pia), which imports a PIA from a JSON file:
`{"pia": {...}, "answers": [...], "measures": [...], "evaluations": [...],
"comments": [...]}`. This module writes that file from an assessment: the name
and the people (author: the assessor; evaluator: the DPO among the committee's
members; validator: the committee), the text answers of the context and the
fundamental principles, the measures of section 3.1 and, for each of the three
risks, the impacts, threats and sources the answers reveal and the measures
that address it. What the answers cannot decide is left to the DPO: the
seriousness and likelihood gauges stay at 0 ("not assessed"), no evaluation is
written, and an unknown answer reads "To be completed: ask the vendor for...".

The tool shows texts and measure titles as HTML (Angular's `innerHTML` with
the sanitiser bypassed), so every text is escaped here, ours and the answers
file's alike; list items are shown as text by the tool and stay as written.
Which answers fill which question is data: `reports/pia.yaml`. The ids and
fields relied on are recorded, with the upstream commit, in
tests/test_report_pia.py.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any, Literal

from vetting import __version__
from vetting.assess.answers import Answers
from vetting.assess.assessment import Assessment
from vetting.report.drafting import Line, answer_lines, draft_text, holds
from vetting.report.wording import Wording
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.conditions import Condition
from vetting.templates import DataSpec, data_file
from vetting.words import fill, long_date, text_in

PIA = "pia.yaml"
Text = dict[str, str]

#: The placeholder the PIA tool gives a measure added by hand.
MEASURE_PLACEHOLDER = "measures.default_placeholder"
#: A role of the committee that names the DPO (délégué à la protection des données).
_DPO_ROLE = re.compile(r"\b(DPO|DPD)\b|d[ée]l[ée]gu[ée] à la protection", re.IGNORECASE)


class Tag(DataSpec):
    """An impact, threat or source: kept when its `when` holds (always, without one)."""

    text: Text
    when: Condition | None = None


class AnswerSpec(DataSpec):
    """A text question of the PIA tool, and the answers that fill it."""

    pia: int
    intro: Text | None = None
    questions: tuple[str, ...]


class MeasureSpec(DataSpec):
    id: str
    title: Text
    questions: tuple[str, ...]


class RiskSpec(DataSpec):
    """One of the three risks: the PIA tool's question ids, and what the answers reveal."""

    id: str
    impacts: int
    threats: int
    sources: int
    measures: int
    seriousness: int
    likelihood: int
    impact_tags: tuple[Tag, ...] = ()
    threat_tags: tuple[Tag, ...] = ()
    source_tags: tuple[Tag, ...] = ()
    measure_ids: tuple[str, ...] = ()


class DpiaLevel(DataSpec):
    need: Literal["mandatory", "likely", "to_assess"]
    when: Condition


class DpiaSpec(DataSpec):
    """When the answers make a DPIA mandatory, and the question that says whether one exists."""

    question: str
    levels: tuple[DpiaLevel, ...]


class PiaSpec(DataSpec):
    """`reports/pia.yaml`."""

    dpia: DpiaSpec | None = None
    answers: tuple[AnswerSpec, ...]
    measures: tuple[MeasureSpec, ...]
    risks: tuple[RiskSpec, ...]


def load_spec(templates: Path | None) -> PiaSpec:
    """The mapping: the user's `pia.yaml` when `--templates` has one, else ours."""
    return data_file(PIA, PiaSpec, templates)


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _lines_html(lines: tuple[Line, ...], lang: str) -> str:
    """Each answer as `<p><strong>question</strong><br>answer</p>`, escaped."""
    out = []
    for line in lines:
        answer = _escape(line.answer) if line.known else f"<em>{_escape(line.answer)}</em>"
        parts = [f"<strong>{_escape(line.question)}</strong>", answer]
        if line.note:
            parts.append(_escape(fill(draft_text(lang, "drafts.note"), {"note": line.note})))
        if line.evidence:
            parts.append(
                _escape(fill(draft_text(lang, "drafts.evidence"), {"evidence": line.evidence}))
            )
        out.append("<p>" + "<br>".join(parts) + "</p>")
    return "\n".join(out)


def _people(answers: Answers) -> dict[str, str]:
    """Author, evaluator (the DPO among the members), validator (the committee), DPO names."""
    decision = answers.decision
    dpos = [m.name for m in decision.members if _DPO_ROLE.search(m.role)] if decision else []
    return {
        "author_name": answers.assessor or "",
        "evaluator_name": ", ".join(dpos),
        "validator_name": decision.by if decision else "",
        "dpos_names": ", ".join(dpos),
    }


def _tags(w: Wording, tags: tuple[Tag, ...]) -> list[str]:
    return [
        text_in(t.text, w.lang) for t in tags if t.when is None or holds(w, t.when, PIA) is True
    ]


def build_pia(
    assessment: Assessment,
    compiled: CompiledRuleSet,
    answers: Answers,
    lang: str,
    spec: PiaSpec,
    templates: Path | None = None,
) -> dict[str, Any]:
    """The PIA tool's import file for one assessment, as data, in `lang`."""
    w = Wording(assessment, compiled, answers, lang, templates)
    stamp = f"{assessment.assessment_date.isoformat()}T00:00:00.000Z"
    tool = assessment.tool
    names = {
        "tool": tool.name,
        "vendor": tool.vendor or w.L["not_stated"],
        "version": tool.version or w.L["not_stated"],
    }

    def entry(reference: int, text: str | None, gauge: int | None, tags: list[str]) -> Any:
        data = {"text": text, "gauge": gauge, "list": tags}
        return {"reference_to": reference, "data": data, "created_at": stamp, "updated_at": stamp}

    out_answers = []
    for item in spec.answers:
        paragraphs = []
        if item.intro is not None:
            paragraphs.append(f"<p>{_escape(fill(text_in(item.intro, lang), names))}</p>")
        body = _lines_html(answer_lines(w, item.questions), lang)
        if not body:
            body = f"<p><em>{_escape(draft_text(lang, 'drafts.pia_not_covered'))}</em></p>"
        paragraphs.append(body)
        if item.pia == spec.answers[0].pia:
            rs = assessment.ruleset
            made = fill(
                draft_text(lang, "drafts.pia_prefilled"),
                {
                    "generator": f"vetting {__version__}",
                    "file": Path(assessment.source).name if assessment.source else tool.name,
                    "ruleset": f"{rs.id} {rs.version}",
                    "date": long_date(assessment.assessment_date, lang),
                },
            )
            paragraphs.append(f"<p><em>{_escape(made)}</em></p>")
        out_answers.append(entry(item.pia, "\n".join(paragraphs), 0, []))

    measures: list[dict[str, Any]] = []
    titles: dict[str, str] = {}
    for m in spec.measures:
        lines = answer_lines(w, m.questions)
        if not lines:
            continue  # no answer of this measure applies to the buyer's situation
        title = text_in(m.title, lang)
        titles[m.id] = title
        measures.append(
            {
                "id": len(measures) + 1,
                "title": _escape(title),
                "content": _lines_html(lines, lang),
                "placeholder": MEASURE_PLACEHOLDER,
                "created_at": stamp,
                "updated_at": stamp,
            }
        )

    questions_of = {m.id: m.questions for m in spec.measures}
    for risk in spec.risks:
        out_answers.append(entry(risk.impacts, None, None, _tags(w, risk.impact_tags)))
        out_answers.append(entry(risk.threats, None, None, _tags(w, risk.threat_tags)))
        out_answers.append(entry(risk.sources, None, None, _tags(w, risk.source_tags)))
        addressed = [titles[m] for m in risk.measure_ids if m in titles]
        out_answers.append(entry(risk.measures, None, None, addressed))
        gauge = _gauge_text(w, [q for m in risk.measure_ids for q in questions_of.get(m, ())])
        out_answers.append(entry(risk.seriousness, gauge, 0, []))
        out_answers.append(entry(risk.likelihood, gauge, 0, []))

    pia = {
        "name": tool.name,
        "category": "",
        "status": 0,
        **_people(answers),
        "created_at": stamp,
        "updated_at": stamp,
    }
    return {
        "pia": pia,
        "answers": out_answers,
        "measures": measures,
        "evaluations": [],
        "comments": [],
    }


def _gauge_text(w: Wording, qids: list[str]) -> str:
    """Left for the DPO, with the answers of the risk's measures that carry a finding."""
    paragraphs = [f"<p><em>{_escape(draft_text(w.lang, 'drafts.pia_gauge'))}</em></p>"]
    flagged = {
        q for f in w.a.findings if f.kind == "answer" and f.severity != "info" for q in f.questions
    }
    lines = [li for li in answer_lines(w, qids) if not li.known or li.question_id in flagged]
    if lines:
        paragraphs.append(f"<p>{_escape(draft_text(w.lang, 'drafts.pia_gauge_findings'))}</p>")
        paragraphs.append(_lines_html(tuple(lines), w.lang))
    return "\n".join(paragraphs)


def pia_json(
    assessment: Assessment,
    compiled: CompiledRuleSet,
    answers: Answers,
    lang: str,
    templates: Path | None = None,
) -> str:
    """`<tool>.pia.json`: deterministic (dates are the assessment's), UTF-8, pretty-printed."""
    data = build_pia(assessment, compiled, answers, lang, load_spec(templates), templates)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


__all__ = ["DpiaSpec", "PiaSpec", "build_pia", "load_spec", "pia_json"]

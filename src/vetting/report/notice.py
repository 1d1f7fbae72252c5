"""What the patient information notice says, derived from the answers.

84 % of French people (ACSEL 2025) and 77 % of patient representatives (Cercle
P, 2025) want to be told when AI is used in their care. The notice says it in
plain words: what the AI does, where the data are, whether they are reused,
who decides, how to ask or object. It never guesses: an answer that is
`unknown` (or missing) becomes a "not known yet" line, so the establishment
sees what it still has to find out before handing the notice to patients.

The sentences live in `reports/notice.yaml`, keyed by question and choice ids.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import Field

from vetting import catalog
from vetting.assess.answers import Answers
from vetting.assess.assessment import Assessment
from vetting.assess.review import decision_outdated
from vetting.assess.when import judged_date
from vetting.report import claims
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.conditions import ABSENT, UNKNOWN
from vetting.templates import NOTICE, DataSpec, data_file
from vetting.words import fill, long_date, text_in, typo

Text = dict[str, str]


class Fact(DataSpec):
    """One question read for the notice: a sentence per answer, and one for "not known"."""

    question: str
    choices: dict[str, Text] = Field(default_factory=dict)
    unknown: Text | None = None


class Section(DataSpec):
    """A heading of the notice, with the facts under it."""

    id: str
    title: Text
    always: tuple[Text, ...] = ()
    facts: tuple[Fact, ...] = ()


class ContactLine(DataSpec):
    """A line of the contact box; `blank` leaves room to write a name by hand."""

    text: Text
    blank: bool = False


class Contact(DataSpec):
    title: Text
    lines: tuple[ContactLine, ...]


class NoticeSpec(DataSpec):
    """`reports/notice.yaml`; a user's older file without `decision`, `draft` or `concerns`
    gets ours."""

    title: Text
    intro: Text
    unknown_vendor: Text
    not_known: Text
    sections: tuple[Section, ...]
    contact: Contact
    footer: Text
    no_version: Text
    decision: Text | None = None  # None: the catalog's `report.notice_decision`
    draft: Text | None = None  # None: the catalog's `report.notice_draft`
    #: The rule set's definitions of a tool that concerns patients (`concerns_patients`);
    #: None: those of our reports/notice.yaml.
    concerns: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Statement:
    """A sentence of the notice; `known` is False for a "not known yet" line."""

    text: str
    known: bool


@dataclass(frozen=True)
class NoticeSection:
    id: str
    title: str
    statements: tuple[Statement, ...]


@dataclass(frozen=True)
class NoticeLine:
    text: str
    blank: bool


@dataclass(frozen=True)
class Notice:
    """Everything the notice templates show, in one language."""

    lang: str
    colon: str
    title: str
    tool: str
    intro: str
    sections: tuple[NoticeSection, ...]
    not_known: str
    unknown_count: int
    contact_title: str
    contact: tuple[NoticeLine, ...]
    footer: str
    date_iso: str
    #: Who decided to use the tool, and when; "" for a draft without a decision.
    decision: str = ""
    #: "DRAFT - not for distribution" on every page, or "" for a notice to hand out.
    draft: str = ""


#: The decisions after which patients may be told "we use this tool".
USE_OUTCOMES = ("accept", "accept_with_conditions")


def notice_allowed(answers: Answers) -> bool:
    """A notice tells patients "we use this tool": only once a committee decided to use
    it, on this assessment (a decision older than a re-assessment decided on other answers)."""
    return (
        answers.decision is not None
        and answers.decision.outcome in USE_OUTCOMES
        and not decision_outdated(answers.decision, answers.date)
    )


def concerns_patients(compiled: CompiledRuleSet, answers: Answers, spec: NoticeSpec) -> bool:
    """Whether a patient notice has anything true to say: one of the rule set's
    definitions the notice names (`concerns`) holds, or the answers leave it open.

    A bed-flow forecaster fed anonymous counts, or a recruitment tool, would otherwise get
    a notice telling patients that "only the checked result goes into your record" and how
    to see their data. A rule set that defines none of them is taken to concern patients.
    """
    names = spec.concerns if spec.concerns is not None else load_spec(None).concerns or ()
    found = [compiled.definitions[n] for n in names if n in compiled.definitions]
    if not found:
        return True
    day = judged_date(answers)
    state = compiled.walk(answers.answers, day)
    return any(definition(state, day) is not False for definition in found)


def load_spec(templates: Path | None) -> NoticeSpec:
    """The notice texts: the user's `notice.yaml` when `--templates` has one, else ours."""
    return data_file(NOTICE, NoticeSpec, templates)


def _facts(
    fact: Fact, compiled: CompiledRuleSet, state: dict[str, Any], lang: str
) -> list[Statement]:
    if fact.question not in compiled.question_by_id:
        return []  # another rule set: this fact does not apply
    value = state.get(fact.question, ABSENT)
    if value is ABSENT:
        return []
    if value is UNKNOWN:
        if fact.unknown is None:
            return []
        return [Statement(text_in(fact.unknown, lang), known=False)]
    chosen = value if isinstance(value, list) else [value]
    return [
        Statement(text_in(fact.choices[cid], lang), known=True)
        for cid in chosen
        if isinstance(cid, str) and cid in fact.choices
    ]


def build_notice(
    assessment: Assessment,
    compiled: CompiledRuleSet,
    answers: Answers,
    lang: str,
    spec: NoticeSpec,
    draft: bool = False,
) -> Notice:
    """The notice for one assessment, in `lang`; `draft` marks every page as not to hand out."""
    day: dt.date = assessment.assessment_date
    state = compiled.walk(answers.answers, day)
    tool = assessment.tool
    vendor = tool.vendor or text_in(spec.unknown_vendor, lang)
    # Our sentences get French typography first; the tool's own names are inserted as written.
    names = {"tool": tool.name, "vendor": vendor}
    sections: list[NoticeSection] = []
    for section in spec.sections:
        statements = [Statement(text_in(t, lang), known=True) for t in section.always]
        for fact in section.facts:
            statements.extend(_facts(fact, compiled, state, lang))
        if statements:
            sections.append(
                NoticeSection(
                    id=section.id,
                    title=text_in(section.title, lang),
                    statements=tuple(statements),
                )
            )
    rs = assessment.ruleset
    footer_values = {
        **names,
        "date": long_date(day, lang),
        "version": tool.version or text_in(spec.no_version, lang),
        "ruleset": f"{rs.id} {rs.version}",
    }
    return Notice(
        lang=lang,
        colon=catalog.text(lang, "formats.colon"),
        title=text_in(spec.title, lang),
        tool=tool.name,
        intro=fill(text_in(spec.intro, lang), names),
        sections=tuple(sections),
        not_known=text_in(spec.not_known, lang),
        unknown_count=sum(1 for s in sections for st in s.statements if not st.known),
        contact_title=text_in(spec.contact.title, lang),
        contact=tuple(
            NoticeLine(text_in(line.text, lang), line.blank) for line in spec.contact.lines
        ),
        footer=fill(text_in(spec.footer, lang), footer_values),
        date_iso=day.isoformat(),
        decision=_decision(answers, spec, lang) if notice_allowed(answers) else "",
        draft=_spec_or_ours(spec.draft, lang, catalog.text(lang, "report.notice_draft"))
        if draft
        else "",
    )


def _decision(answers: Answers, spec: NoticeSpec, lang: str) -> str:
    """`The use of this tool was decided on 1 December 2027 by the AI committee (...)`."""
    decision = answers.decision
    assert decision is not None
    # Names as recorded (never retypeset); the separator in the notice's typography.
    members = catalog.text(lang, "formats.semicolon").join(claims.members(decision))
    template = _spec_or_ours(spec.decision, lang, catalog.text(lang, "report.notice_decision"))
    return fill(
        template,
        {
            "date": long_date(decision.date, lang),
            "by": decision.by,
            "members": f" ({members})" if members else "",
        },
    )


def _spec_or_ours(text: Text | None, lang: str, ours: str) -> str:
    """A text of the user's notice file, or ours (the catalog's) when their older file lacks it."""
    return text_in(text, lang) if text is not None else typo(ours, lang)

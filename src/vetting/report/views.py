"""What the report templates show: one frozen view per part, every text already in one language.

Strings stay plain `str`: the HTML template escapes them (autoescape) and the
Markdown template escapes them (its `finalize`), whether they come from the
rule set or from an answers file. `sections.py` fills these views;
`context.py` puts them together into a `Report`.
"""

from __future__ import annotations

from dataclasses import dataclass

from vetting.report import svg


@dataclass(frozen=True)
class Reference:
    """A citation in words: `Title, article (note)`, and what to double-check."""

    text: str
    verify: str


@dataclass(frozen=True)
class Cover:
    tool: str
    vendor: str
    version: str
    url: str
    url_href: str | None
    assessor: str
    date: str
    date_iso: str
    #: The planned go-live, and the day dated duties were judged at, when the answers give one.
    go_live: str | None
    judged: str | None
    ruleset_title: str
    ruleset_id: str
    ruleset_version: str
    ruleset_sha256: str
    answers_sha256: str
    source: str


@dataclass(frozen=True)
class ConditionView:
    text: str
    due: str
    done: bool


@dataclass(frozen=True)
class DecisionView:
    """The committee's decision as the report shows it."""

    outcome: str
    outcome_name: str
    by: str
    date: str
    rationale: str
    conditions: tuple[ConditionView, ...]
    next_review: str
    review_due: bool
    justification: str
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class Figure:
    """A key number of the verdict box: a label and its value."""

    label: str
    value: str


@dataclass(frozen=True)
class Glance:
    verdict: str
    verdict_name: str
    level: str
    level_name: str
    score: str
    summary: str
    figures: tuple[Figure, ...]
    #: "level from points: low, raised to critical by 4 knock-outs", or "".
    level_note: str = ""
    #: What the score and the level mean: said once, in the verdict box.
    scale: str = ""
    #: Contradictions and missing, expired or unverified evidence: what holds the verdict.
    claims: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnswerLine:
    """One answer shown as `question: answer` (the conditions behind a KO, a rule's inputs)."""

    question_id: str
    question: str
    answer: str


@dataclass(frozen=True)
class KnockOutView:
    id: str
    title: str
    question_id: str | None
    answer: str
    because: tuple[AnswerLine, ...]
    rationale: str
    references: tuple[Reference, ...]
    lift: str
    anchor: str


@dataclass(frozen=True)
class PendingView:
    id: str
    questions: tuple[AnswerLine, ...]
    rationale: str
    evidence: tuple[str, ...]
    references: tuple[Reference, ...]
    reason: str = ""
    lift: str = ""
    #: Who can settle it: the vendor, your organisation, or both.
    who: str = ""


@dataclass(frozen=True)
class CategoryView:
    id: str
    title: str
    weight: str
    score: str
    level: str
    level_name: str
    points: str
    max: str
    answered: int
    relevant: int
    bar: str
    #: The band of the section's score, when the section's findings raised its level.
    points_level_name: str = ""


@dataclass(frozen=True)
class EvidenceView:
    text: str
    status: str
    issued: str
    expires: str
    expired: bool
    unverified: bool = False


@dataclass(frozen=True)
class FindingView:
    id: str
    anchor: str
    kind: str
    severity: str
    severity_name: str
    title: str
    category: str
    question_id: str | None
    answer: str
    inputs: tuple[AnswerLine, ...]
    points: str
    knockout: bool
    pending: bool
    recommendation: str
    ask_vendor: str
    rationale: str
    references: tuple[Reference, ...]
    note: str
    evidence: EvidenceView | None
    category_id: str = ""
    #: The answer is unknown or missing: the finding is in the list of what to ask.
    unknown: bool = False


@dataclass(frozen=True)
class SeverityGroup:
    severity: str
    name: str
    findings: tuple[FindingView, ...]


@dataclass(frozen=True)
class VendorQuestion:
    id: str
    question: str
    reason: str
    evidence: str
    can_block: bool
    note: str
    #: Who can answer: the vendor, or only the buying organisation (its DPIA, its policies).
    who: str = ""


@dataclass(frozen=True)
class ClauseReason:
    """A finding that calls for a clause: its id, its anchor in the report, its severity."""

    id: str
    anchor: str
    severity: str
    #: What the report calls it: the question's short title, or the rule's message.
    title: str = ""


@dataclass(frozen=True)
class ClauseView:
    id: str
    title: str
    text: str
    required: bool
    because: tuple[ClauseReason, ...]
    references: tuple[Reference, ...]
    #: The clause's first sentence: what the body of the report shows (the annex has it all).
    summary: str = ""


@dataclass(frozen=True)
class Contributor:
    title: str
    question_id: str
    answer: str
    points: str
    share: str


@dataclass(frozen=True)
class WhatIfView:
    goal: str
    changes: tuple[str, ...]
    outcome: str
    reached: bool
    note: str


@dataclass(frozen=True)
class AppendixQuestion:
    id: str
    text: str
    answer: str
    status: str
    points: str
    severity: str
    knockout: bool
    note: str
    evidence: EvidenceView | None
    #: What to do about the answer, when it is a finding (the body shows it only for the
    #: serious ones).
    recommendation: str = ""


@dataclass(frozen=True)
class AppendixSection:
    id: str
    title: str
    scope: bool
    questions: tuple[AppendixQuestion, ...]


@dataclass(frozen=True)
class Threshold:
    level: str
    name: str
    value: str
    sign: str  # "≥", or ">" above `low` when the rule set reads thresholds strictly


@dataclass(frozen=True)
class AdjustmentView:
    label: str
    applied: bool
    detail: str


@dataclass(frozen=True)
class Method:
    formula: str
    computation: str
    thresholds: tuple[Threshold, ...]
    unit: str
    levels_rule: str  # the sentence that says which of the two
    denominator: str
    unknown: str
    adjustments: tuple[AdjustmentView, ...]
    pools: tuple[Figure, ...]


@dataclass(frozen=True)
class SourceView:
    id: str
    title: str
    date: str
    url: str
    url_href: str | None


@dataclass(frozen=True)
class Report:
    """Everything the report templates show, in one language."""

    lang: str
    L: dict[str, str]
    generator: str
    colon: str
    semicolon: str
    title: str
    #: What a reader must see first: a knock-out accepted anyway, outdated rules.
    alerts: tuple[str, ...]
    decision: DecisionView | None
    cover: Cover
    glance: Glance
    knockouts: tuple[KnockOutView, ...]
    pending: tuple[PendingView, ...]
    categories: tuple[CategoryView, ...]
    chart: svg.BarChart
    severity_groups: tuple[SeverityGroup, ...]
    vendor_questions: tuple[VendorQuestion, ...]
    clarifications: tuple[VendorQuestion, ...]
    expired_evidence: tuple[VendorQuestion, ...]
    clauses: tuple[ClauseView, ...]
    contributors: tuple[Contributor, ...]
    whatifs: tuple[WhatIfView, ...]
    appendix: tuple[AppendixSection, ...]
    not_applicable: tuple[AnswerLine, ...]
    method: Method
    sources: tuple[SourceView, ...]
    sheet: DecisionSheet
    sections: tuple[SectionFindings, ...]
    #: Whether the annex (every question and answer, ids, sources) is printed.
    annex: bool = True
    #: Whether the answers make a DPIA mandatory, and whether one exists (one or two sentences).
    dpia: str = ""


@dataclass(frozen=True)
class SheetLine:
    """One line of the decision sheet: what it is about, and what to say of it."""

    title: str
    detail: str


@dataclass(frozen=True)
class DecisionSheet:
    """Page 1: what the committee decides on, and the block it signs.

    `decision` is the recorded decision when there is one; otherwise the template
    prints the block blank, with lines to write on and sign.
    """

    verdict: str
    verdict_name: str
    summary: str
    level_name: str
    level_note: str
    score: str
    scale: str
    blocking: tuple[SheetLine, ...]
    pending: tuple[SheetLine, ...]
    actions: tuple[SheetLine, ...]
    decision: DecisionView | None
    #: For a conditional verdict, what the conditions are: the serious findings with what
    #: to do, then the contract clauses to negotiate.
    conditions: tuple[SheetLine, ...] = ()
    #: What the actions lead to ("conditional, high, 18.1 / 100"), and how many more there are.
    actions_outcome: str = ""
    actions_more: int = 0


@dataclass(frozen=True)
class SectionFindings:
    """One section's findings: the serious ones as cards, medium ones in a table, the minor
    ones named in a line."""

    id: str
    title: str
    score: str
    level: str
    level_name: str
    cards: tuple[FindingView, ...]
    rows: tuple[FindingView, ...]
    minor: tuple[FindingView, ...] = ()
    #: How many of the section's questions have no known answer (listed in what to obtain).
    unknown: int = 0

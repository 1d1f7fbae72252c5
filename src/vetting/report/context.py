"""The report as data: every text picked in one language, every number formatted.

Templates only lay this out; all the decisions (what goes in which section, in
which order, with which words) are made here, once, for Markdown, HTML and PDF
alike. Strings stay plain `str`: the HTML template escapes them (autoescape)
and the Markdown template escapes them (its `finalize`), whether they come
from the rule set or from an answers file.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from vetting import __version__
from vetting.assess.answers import Answers
from vetting.assess.assessment import Assessment, Finding, WhatIf
from vetting.assess.score import dec
from vetting.i18n import LEVEL_NAMES, SEVERITY_NAMES, VERDICT_NAMES, pick
from vetting.report import claims, svg
from vetting.report import clauses as clause_mod
from vetting.report.escape import web_url
from vetting.report.texts import fill, long_date, num, percent, pick_text, points, typo
from vetting.report.texts import labels as load_labels
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.conditions import ABSENT
from vetting.ruleset.describe import cite
from vetting.ruleset.model import Question

#: Severities from the worst to the mildest: the order of the findings section.
SEVERITY_ORDER = ("blocker", "critical", "high", "medium", "low", "info")
#: How many main contributors the report lists.
TOP_CONTRIBUTORS = 10


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


@dataclass(frozen=True)
class ClauseReason:
    """A finding that calls for a clause: its id, its anchor in the report, its severity."""

    id: str
    anchor: str
    severity: str


@dataclass(frozen=True)
class ClauseView:
    id: str
    title: str
    text: str
    required: bool
    because: tuple[ClauseReason, ...]
    references: tuple[Reference, ...]


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


def weighted_points(compiled: CompiledRuleSet, q: Question, value: Any) -> dict[str, float]:
    """Weighted points of an answer: choice points x question weight x section weight.

    Decimal arithmetic, as the scorer does, so `1.2 x 1.5` shows as `1.8`.
    """
    if value is None or value == "unknown" or not q.choices:
        return {}
    chosen = value if isinstance(value, list) else [value]
    cat = compiled.category_by_id[q.category or ""]
    weight = dec(q.weight) * dec(cat.weight)
    totals: dict[str, Decimal] = {}
    for cid in chosen:
        choice = compiled.choice(q.id, str(cid))
        if choice is None:
            continue
        for pool, amount in choice.points.items():
            totals[pool] = totals.get(pool, Decimal(0)) + dec(amount) * weight
    return {pool: float(v) for pool, v in totals.items() if v}


def question_points(
    compiled: CompiledRuleSet, assessment: Assessment, q: Question, value: Any
) -> dict[str, float]:
    """The points a question contributes: the scorer's for a finding, else the answer's own."""
    for finding in assessment.findings:
        if (
            finding.kind != "rule"
            and finding.id == q.id
            and (finding.points or value in (None, "unknown"))
        ):
            return dict(finding.points)
    return weighted_points(compiled, q, value)


class _Builder:
    """Builds a `Report`; holds the language and the lookups every part needs."""

    def __init__(
        self,
        assessment: Assessment,
        compiled: CompiledRuleSet,
        answers: Answers,
        lang: str,
        templates: Path | None,
    ) -> None:
        self.a = assessment
        self.c = compiled
        self.rs = compiled.ruleset
        self.answers = answers
        self.lang = lang
        self.templates = templates
        self.L = load_labels(lang, templates)
        self.L["generated_by"] = fill(
            self.L["generated_by"], {"generator": f"vetting {__version__}"}
        )
        self.state = compiled.walk(answers.answers, assessment.assessment_date)
        self.cited: dict[str, None] = {}
        self.evidence = {e.question: e for e in assessment.evidence}

    # ------------------------------------------------------------------ words

    def text(self, value: dict[str, str] | None) -> str:
        """A rule-set text in the report's language, with its typography."""
        return typo(pick(value, self.lang), self.lang)

    def colon(self, label: str) -> str:
        return f"{label}\u00a0:" if self.lang == "fr" else f"{label}:"

    def question_text(self, qid: str) -> str:
        q = self.c.question_by_id.get(qid)
        return self.text(q.text) if q else qid

    def choice_label(self, q: Question, cid: str) -> str:
        choice = self.c.choice(q.id, cid)
        return self.text(choice.label) if choice else cid

    def answer_text(self, qid: str, value: Any) -> str:
        """An answer as a reader says it: choice labels, a number with its unit, a date."""
        q = self.c.question_by_id.get(qid)
        if value is None:
            return self.L["unanswered"]
        if value == "unknown":
            return self.L["unknown"]
        if q is None:
            return str(value)
        if q.type == "multiple" and isinstance(value, list):
            if not value:
                return self.L["none_ticked"]
            joiner = "\u00a0; " if self.lang == "fr" else "; "
            return joiner.join(self.choice_label(q, c) for c in value)
        if q.type == "single":
            return self.choice_label(q, str(value))
        if q.type == "number" and isinstance(value, int | float):
            unit = f" {self.text(q.unit)}" if q.unit else ""
            return points(float(value), self.lang) + unit
        if hasattr(value, "isoformat"):
            return str(value.isoformat())
        return str(value)  # a text answer: the user's words, escaped by the renderer

    def references(
        self, refs: tuple[dict[str, Any], ...] | list[dict[str, Any]]
    ) -> tuple[Reference, ...]:
        out: list[Reference] = []
        for ref in refs:
            self.cited.setdefault(str(ref.get("ref", "")), None)
            words = cite(self.rs, ref, self.lang)
            verify = ref.get("verify")
            out.append(
                Reference(
                    text=typo(words, self.lang),
                    verify=self.text(verify) if isinstance(verify, dict) else "",
                )
            )
        return tuple(out)

    def evidence_view(self, qid: str) -> EvidenceView | None:
        record = self.evidence.get(qid)
        if record is None:
            return None
        status = self.L[f"evidence_{record.status}"] if record.status else ""
        return EvidenceView(
            text=record.text,
            status=status,
            issued=record.issued.isoformat() if record.issued else "",
            expires=record.expires.isoformat() if record.expires else "",
            expired=record.expired,
            unverified=record.unverified,
        )

    def pool_points(self, values: dict[str, float]) -> str:
        parts = [
            f"{self.L.get('pool_' + pool, pool)} {points(values.get(pool, 0.0), self.lang)}"
            for pool in self.rs.scoring.pools
            if values.get(pool)
        ]
        return " · ".join(parts)

    # ------------------------------------------------------------------ parts

    def cover(self) -> Cover:
        a, L = self.a, self.L
        tool = a.tool
        return Cover(
            tool=tool.name,
            vendor=tool.vendor or L["not_stated"],
            version=tool.version or L["not_stated"],
            url=tool.url or L["not_stated"],
            url_href=web_url(tool.url),
            assessor=a.assessor or L["not_stated"],
            date=long_date(a.assessment_date, self.lang),
            date_iso=a.assessment_date.isoformat(),
            go_live=long_date(a.go_live, self.lang) if a.go_live else None,
            judged=long_date(a.judged_date, self.lang) if a.go_live else None,
            ruleset_title=self.text(self.rs.title),
            ruleset_id=a.ruleset.id,
            ruleset_version=a.ruleset.version,
            ruleset_sha256=a.ruleset.sha256,
            answers_sha256=a.answers_sha256,
            source=a.source or L["not_stated"],
        )

    def glance(self) -> Glance:
        a, L = self.a, self.L
        serious = sum(
            1 for f in a.findings if f.severity in ("critical", "high") and not f.knockout
        )
        figures = (
            Figure(L["fig_score"], f"{num(a.score, self.lang)} / 100"),
            Figure(L["fig_level"], LEVEL_NAMES[a.level][self.lang]),
            Figure(L["fig_points_level"], LEVEL_NAMES[a.points_level][self.lang]),
            Figure(L["fig_knockouts"], str(len(a.knockouts))),
            Figure(L["fig_pending"], str(len(a.pending))),
            Figure(L["fig_serious"], str(serious)),
            Figure(L["fig_unknown"], str(len(a.unknown) + len(a.unanswered))),
            Figure(L["fig_completeness"], percent(a.completeness, self.lang)),
        )
        return Glance(
            verdict=a.verdict,
            verdict_name=VERDICT_NAMES[a.verdict][self.lang],
            level=a.level,
            level_name=LEVEL_NAMES[a.level][self.lang],
            score=num(a.score, self.lang),
            summary=L[f"summary_{a.verdict}"],
            figures=figures,
            level_note=claims.level_note(a, self.lang),
            scale=claims.scale_note(self.rs, self.lang),
            claims=tuple(
                typo(line, self.lang)
                for line in claims.verdict_box_lines(a, L, self.question_text, self.lang)
            ),
        )

    def answer_lines(
        self, answers: dict[str, Any], skip: str | None = None
    ) -> tuple[AnswerLine, ...]:
        return tuple(
            AnswerLine(qid, self.question_text(qid), self.answer_text(qid, value))
            for qid, value in answers.items()
            if qid != skip
        )

    def lifts(self) -> dict[str, WhatIf]:
        """What lifts each knock-out or pending item alone (the verdict may stay the same)."""
        if self.a.explanation is None:
            return {}
        return {w.id: w for w in self.a.explanation.lifts if w.id is not None and w.reached}

    def change_words(self, whatif: WhatIf, own: str | None = None) -> tuple[str, ...]:
        """`Question — old answer → new answer`, one per change (no question when it is `own`),
        then the evidence the change assumes."""
        out = []
        for ch in whatif.changes:
            before = self.answer_text(ch.question, ch.from_)
            move = f"{before} → {self.answer_text(ch.question, ch.to)}"
            out.append(
                move if ch.question == own else f"{self.question_text(ch.question)} — {move}"
            )
        words = claims.evidence_words(whatif, self.a, self.L, self.question_text)
        return (*out, *(typo(w, self.lang) for w in words))

    def knockouts(self) -> tuple[KnockOutView, ...]:
        lifts = self.lifts()
        out: list[KnockOutView] = []
        for ko in self.a.knockouts:
            main = ko.questions[0] if ko.kind == "choice" else None
            if main is not None:
                title = self.question_text(main)
                answer = self.answer_text(main, ko.answers.get(main))
                because = self.answer_lines(ko.answers, skip=main)
            else:
                rule = next((r for r in self.rs.findings if r.id == ko.id), None)
                title = self.text(rule.message) if rule else ko.id
                answer = ""
                because = self.answer_lines(ko.answers)
            whatif = lifts.get(ko.id)
            lift = "; ".join(self.change_words(whatif, own=main)) if whatif else ""
            out.append(
                KnockOutView(
                    id=ko.id,
                    title=title,
                    question_id=main,
                    answer=answer,
                    because=because,
                    rationale=self.text(ko.rationale),
                    references=self.references(ko.references),
                    lift=lift,
                    anchor=f"f-{main or ko.id}",
                )
            )
        return tuple(out)

    def pending(self) -> tuple[PendingView, ...]:
        lifts = self.lifts()
        out: list[PendingView] = []
        for item in self.a.pending:
            lines = tuple(
                AnswerLine(
                    qid,
                    self.question_text(qid),
                    self.answer_text(qid, self.answers.answers.get(qid)),
                )
                for qid in item.questions
            )
            evidence = tuple(
                self.text(q.evidence)
                for q in (self.c.question_by_id.get(qid) for qid in item.questions)
                if q is not None and q.evidence
            )
            whatif = lifts.get(item.id)
            out.append(
                PendingView(
                    id=item.id,
                    questions=lines,
                    rationale=self.text(item.rationale),
                    evidence=evidence,
                    references=self.references(item.references),
                    reason=typo(claims.pending_reason(item, self.L), self.lang),
                    lift="; ".join(self.change_words(whatif)) if whatif else "",
                )
            )
        return tuple(out)

    def thresholds(self) -> list[tuple[str, float]]:
        """Level thresholds as scores out of 100 (points are turned into a share of the max)."""
        levels = self.rs.scoring.levels
        values = [
            ("moderate", levels.moderate),
            ("high", levels.high),
            ("critical", levels.critical),
        ]
        if levels.unit == "percent":
            return values
        top = self.a.pool(self.rs.scoring.score_pool).max
        return [(name, (v * 100 / top) if top else 0.0) for name, v in values]

    def categories(self) -> tuple[tuple[CategoryView, ...], svg.BarChart]:
        views: list[CategoryView] = []
        rows: list[tuple[str, float, str, str, str]] = []
        for cat in self.a.categories:
            filled = round(cat.score / 10)
            bar = "█" * filled + "░" * (10 - filled)
            title = self.text(cat.title)
            level_name = LEVEL_NAMES[cat.level][self.lang]
            views.append(
                CategoryView(
                    id=cat.id,
                    title=title,
                    weight=points(cat.weight, self.lang),
                    score=num(cat.score, self.lang),
                    level=cat.level,
                    level_name=level_name,
                    points=points(cat.points, self.lang),
                    max=points(cat.max, self.lang),
                    answered=cat.answered,
                    relevant=cat.relevant,
                    bar=bar,
                    points_level_name=(
                        LEVEL_NAMES[cat.points_level][self.lang]
                        if cat.points_level != cat.level
                        else ""
                    ),
                )
            )
            rows.append((title, cat.score, num(cat.score, self.lang), cat.level, level_name))
        ticks = [(value, points(value, self.lang)) for _, value in self.thresholds()]
        return tuple(views), svg.bar_chart(rows, ticks)

    def finding_view(self, f: Finding) -> FindingView:
        qid = f.id if f.kind != "rule" else None
        if f.kind == "rule":
            answer = ""
            inputs = self.answer_lines(f.answers)
        else:
            answer = self.answer_text(f.id, self.answers.answers.get(f.id))
            inputs = ()
        category = self.c.category_by_id.get(f.category or "")
        return FindingView(
            id=f.id,
            anchor=f"f-{f.id}",
            kind=f.kind,
            severity=f.severity,
            severity_name=SEVERITY_NAMES[f.severity][self.lang],
            title=self.text(f.title),
            category=self.text(category.title) if category else "",
            question_id=qid,
            answer=answer,
            inputs=inputs,
            points=self.pool_points(f.points),
            knockout=f.knockout,
            pending=f.pending,
            recommendation=self.text(f.recommendation),
            ask_vendor=self.text(f.ask_vendor),
            rationale=self.text(f.rationale),
            references=self.references(f.references),
            note=self.answers.notes.get(f.id, "") if qid else "",
            evidence=self.evidence_view(f.id) if qid else None,
        )

    def severity_groups(self) -> tuple[SeverityGroup, ...]:
        groups: list[SeverityGroup] = []
        for severity in SEVERITY_ORDER:
            found = tuple(self.finding_view(f) for f in self.a.findings if f.severity == severity)
            if found:
                groups.append(SeverityGroup(severity, SEVERITY_NAMES[severity][self.lang], found))
        return tuple(groups)

    def vendor_questions(self) -> tuple[VendorQuestion, ...]:
        """Every relevant question left unknown or unanswered, in asking order."""
        missing = set(self.a.unknown) | set(self.a.unanswered)
        can_block = {q for p in self.a.pending for q in p.questions}
        out: list[VendorQuestion] = []
        for q in self.c.questions:
            if q.id not in missing:
                continue
            reason = "unanswered" if q.id in self.a.unanswered else "unknown"
            out.append(
                VendorQuestion(
                    id=q.id,
                    question=self.text(q.text),
                    reason=self.L[reason],
                    evidence=self.text(q.evidence),
                    can_block=q.id in can_block,
                    note=self.answers.notes.get(q.id, ""),
                )
            )
        return tuple(out)

    def clarifications(self) -> tuple[VendorQuestion, ...]:
        """Finding rules (contradictions, combinations) that come with a question to the vendor."""
        return tuple(
            VendorQuestion(
                id=f.id,
                question=self.text(f.ask_vendor),
                reason=self.text(f.title),
                evidence="",
                can_block=f.knockout or f.pending,
                note="",
            )
            for f in self.a.findings
            if f.kind == "rule" and f.ask_vendor
        )

    def expired_evidence(self) -> tuple[VendorQuestion, ...]:
        out: list[VendorQuestion] = []
        for record in self.a.evidence:
            if not record.expired:
                continue
            q = self.c.question_by_id.get(record.question)
            out.append(
                VendorQuestion(
                    id=record.question,
                    question=self.question_text(record.question),
                    reason=record.text,
                    evidence=self.text(q.evidence) if q else "",
                    can_block=False,
                    note=record.expires.isoformat() if record.expires else "",
                )
            )
        return tuple(out)

    def clauses(self) -> tuple[ClauseView, ...]:
        spec = clause_mod.load_spec(self.templates)
        out: list[ClauseView] = []
        for derived in clause_mod.derive_clauses(spec, self.a, self.c, self.state):
            because = tuple(
                ClauseReason(f.id, f"f-{f.id}", SEVERITY_NAMES[f.severity][self.lang])
                for f in derived.findings
            )
            out.append(
                ClauseView(
                    id=derived.spec.id,
                    title=typo(pick_text(derived.spec.title, self.lang), self.lang),
                    text=typo(pick_text(derived.spec.text, self.lang), self.lang),
                    required=derived.required,
                    because=because,
                    references=self.references(
                        [r.model_dump(exclude_none=True) for r in derived.spec.references]
                    ),
                )
            )
        return tuple(out)

    def explanation(self) -> tuple[tuple[Contributor, ...], tuple[WhatIfView, ...]]:
        exp = self.a.explanation
        if exp is None:
            return (), ()
        contributors = []
        for item in exp.contributors[:TOP_CONTRIBUTORS]:
            if item.kind == "question":
                title = self.question_text(item.id)
                answer = self.answer_text(item.id, item.answer)
            else:
                rule = next((r for r in self.rs.findings if r.id == item.id), None)
                title = self.text(rule.message) if rule else item.id
                answer = ""
            contributors.append(
                Contributor(
                    title=title,
                    question_id=item.id,
                    answer=answer,
                    points=points(item.points, self.lang),
                    share=percent(item.share, self.lang),
                )
            )
        whatifs = []
        for w in exp.what_would_change:
            goal = claims.goal(w, self.L)
            outcome = (
                f"{VERDICT_NAMES[w.verdict][self.lang]}, "
                f"{LEVEL_NAMES[w.level][self.lang]}, {num(w.score, self.lang)} / 100"
            )
            whatifs.append(
                WhatIfView(
                    goal=goal,
                    changes=self.change_words(w),
                    outcome=outcome,
                    reached=w.reached,
                    note=w.note or "",
                )
            )
        return tuple(contributors), tuple(whatifs)

    def appendix(self) -> tuple[tuple[AppendixSection, ...], tuple[AnswerLine, ...]]:
        knocked = {ko.questions[0] for ko in self.a.knockouts if ko.kind == "choice"}
        by_question = {f.id: f for f in self.a.findings if f.kind != "rule"}
        sections: list[AppendixSection] = []
        absent: list[AnswerLine] = []
        for cat in self.rs.categories:
            rows: list[AppendixQuestion] = []
            for q in self.c.questions:
                if q.category != cat.id:
                    continue
                if self.state.get(q.id, ABSENT) is ABSENT:
                    absent.append(AnswerLine(q.id, self.text(q.text), ""))
                    continue
                value = self.answers.answers.get(q.id)
                status = "answered"
                if value is None:
                    status = "unanswered"
                elif value == "unknown":
                    status = "unknown"
                finding = by_question.get(q.id)
                pts = self.pool_points(question_points(self.c, self.a, q, value))
                rows.append(
                    AppendixQuestion(
                        id=q.id,
                        text=self.text(q.text),
                        answer=self.answer_text(q.id, value),
                        status=status,
                        points=pts,
                        severity=SEVERITY_NAMES[finding.severity][self.lang] if finding else "",
                        knockout=q.id in knocked,
                        note=self.answers.notes.get(q.id, ""),
                        evidence=self.evidence_view(q.id),
                    )
                )
            if rows:
                sections.append(
                    AppendixSection(cat.id, self.text(cat.title), cat.scope, tuple(rows))
                )
        return tuple(sections), tuple(absent)

    def method(self) -> Method:
        a, L, policy = self.a, self.L, self.rs.scoring
        pool = a.pool(policy.score_pool)
        if policy.levels.unit == "percent":
            unit = "\u00a0%" if self.lang == "fr" else "%"
        else:
            unit = f" {L['points_unit']}"
        thresholds = [Threshold("low", LEVEL_NAMES["low"][self.lang], "0")]
        for name, value in (
            ("moderate", policy.levels.moderate),
            ("high", policy.levels.high),
            ("critical", policy.levels.critical),
        ):
            thresholds.append(
                Threshold(name, LEVEL_NAMES[name][self.lang], points(value, self.lang))
            )
        adjustments = []
        for adj in a.adjustments:
            detail = fill(
                L["adjustment_detail"],
                {
                    "pool": L.get("pool_" + adj.if_pool, adj.if_pool),
                    "value": percent(adj.if_percent, self.lang),
                    "threshold": percent(adj.reaches_percent, self.lang, 0),
                    "before": points(adj.before, self.lang),
                    "after": points(adj.after, self.lang),
                },
            )
            adjustments.append(AdjustmentView(self.text(adj.label), adj.applied, detail))
        computation = (
            f"{points(pool.adjusted, self.lang)} / {points(pool.max, self.lang)} × 100 = "
            f"{num(a.score, self.lang)}"
        )
        pools = tuple(
            Figure(
                L.get("pool_" + p.pool, p.pool),
                f"{points(p.adjusted, self.lang)} / {points(p.max, self.lang)} "
                f"({percent(p.percent, self.lang)})",
            )
            for p in a.pools
        )
        return Method(
            formula=L["formula"],
            computation=computation,
            thresholds=tuple(thresholds),
            unit=unit,
            denominator=L[f"denominator_{policy.denominator}"],
            unknown=L[f"unknown_{policy.unknown}"],
            adjustments=tuple(adjustments),
            pools=pools,
        )

    def sources(self) -> tuple[SourceView, ...]:
        out = []
        for rid in self.cited:
            source = self.rs.sources.get(rid)
            if source is None:
                continue
            out.append(
                SourceView(
                    id=rid,
                    title=self.text(source.title),
                    date=source.date.isoformat() if source.date else "",
                    url=source.url or "",
                    url_href=web_url(source.url),
                )
            )
        return tuple(out)

    def alerts(self) -> tuple[str, ...]:
        from vetting.ruleset.stale import is_stale, review_due

        a, L, out = self.a, self.L, []
        decision = self.answers.decision
        if a.accepted_despite_knockout and decision is not None:
            out.append(
                L["alert_accepted_despite_ko"].format(
                    n=len(a.knockouts),
                    ids=", ".join(ko.id for ko in a.knockouts),
                    by=decision.by,
                    date=long_date(decision.date, self.lang),
                    justification=decision.knockout_justification or "",
                )
            )
        if is_stale(self.c, a.assessment_date):
            due = review_due(self.c)
            rs = self.rs
            out.append(
                L["alert_stale_rules"].format(
                    id=rs.id,
                    version=rs.version,
                    as_of=long_date(rs.as_of, self.lang),
                    due=long_date(due, self.lang) if due else "",
                )
            )
        return tuple(out)

    def decision(self) -> DecisionView | None:
        decision, L = self.answers.decision, self.L
        if decision is None:
            return None
        review = self.a.review
        return DecisionView(
            outcome=decision.outcome,
            outcome_name=L[f"outcome_{decision.outcome}"],
            by=decision.by,
            date=long_date(decision.date, self.lang),
            rationale=decision.rationale,
            conditions=tuple(
                ConditionView(c.text, long_date(c.due, self.lang), c.done)
                for c in decision.conditions
            ),
            next_review=long_date(review.next_review, self.lang) if review.next_review else "",
            review_due=review.due,
            justification=decision.knockout_justification or "",
            members=claims.members(decision),
        )

    def build(self) -> Report:
        categories, chart = self.categories()
        contributors, whatifs = self.explanation()
        knockouts = self.knockouts()
        pending = self.pending()
        groups = self.severity_groups()
        clauses = self.clauses()
        appendix, absent = self.appendix()
        return Report(
            lang=self.lang,
            L=self.L,
            generator=f"vetting {__version__}",
            colon="\u00a0: " if self.lang == "fr" else ": ",
            semicolon="\u00a0; " if self.lang == "fr" else "; ",
            title=f"{self.colon(self.L['report_title'])} {self.a.tool.name}",
            alerts=self.alerts(),
            decision=self.decision(),
            cover=self.cover(),
            glance=self.glance(),
            knockouts=knockouts,
            pending=pending,
            categories=categories,
            chart=chart,
            severity_groups=groups,
            vendor_questions=self.vendor_questions(),
            clarifications=self.clarifications(),
            expired_evidence=self.expired_evidence(),
            clauses=clauses,
            contributors=contributors,
            whatifs=whatifs,
            appendix=appendix,
            not_applicable=absent,
            method=self.method(),
            sources=self.sources(),
        )


def build_report(
    assessment: Assessment,
    compiled: CompiledRuleSet,
    answers: Answers,
    lang: str,
    templates: Path | None = None,
) -> Report:
    """The report of one assessment as data, in `lang`."""
    return _Builder(assessment, compiled, answers, lang, templates).build()

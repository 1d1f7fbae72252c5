"""The parts of the report, each a plain function of one `Wording`.

Every decision about a part is made here, once, for Markdown, HTML and PDF
alike: what goes in it, in which order, with which words. `context.py` calls
them in turn and puts the parts together; `sources` comes last, since it lists
what the other parts cited.
"""

from __future__ import annotations

from vetting import catalog
from vetting.answer_points import question_points
from vetting.assess.answers import UNKNOWN_ANSWER
from vetting.assess.assessment import Finding
from vetting.assess.review import accepted_pending, decision_outdated
from vetting.escape import web_url
from vetting.i18n import level_name, severity_name, verdict_name
from vetting.report import claims, sheet, svg
from vetting.report import clauses as clause_mod
from vetting.report.views import (
    AdjustmentView,
    AnswerLine,
    AppendixQuestion,
    AppendixSection,
    CategoryView,
    ClauseReason,
    ClauseView,
    ConditionView,
    Contributor,
    Cover,
    DecisionView,
    Figure,
    FindingView,
    Glance,
    KnockOutView,
    Method,
    PendingView,
    SeverityGroup,
    SourceView,
    Threshold,
    VendorQuestion,
    WhatIfView,
)
from vetting.report.wording import Wording
from vetting.ruleset.conditions import ABSENT
from vetting.ruleset.stale import is_stale, review_due
from vetting.words import amount, fill, long_date, number, percent, typo

#: Severities from the worst to the mildest: the order of the findings section.
SEVERITY_ORDER = ("blocker", "critical", "high", "medium", "low", "info")
#: How many main contributors the report lists.
TOP_CONTRIBUTORS = 10


def cover(w: Wording) -> Cover:
    a, L = w.a, w.L
    tool = a.tool
    return Cover(
        tool=tool.name,
        vendor=tool.vendor or L["not_stated"],
        version=tool.version or L["not_stated"],
        url=tool.url or L["not_stated"],
        url_href=web_url(tool.url),
        assessor=a.assessor or L["not_stated"],
        date=long_date(a.assessment_date, w.lang),
        date_iso=a.assessment_date.isoformat(),
        go_live=long_date(a.go_live, w.lang) if a.go_live else None,
        judged=long_date(a.judged_date, w.lang) if a.go_live else None,
        ruleset_title=w.text(w.rs.title),
        ruleset_id=a.ruleset.id,
        ruleset_version=a.ruleset.version,
        ruleset_sha256=a.ruleset.sha256,
        answers_sha256=a.answers_sha256,
        source=a.source or L["not_stated"],
    )


def glance(w: Wording) -> Glance:
    a, L = w.a, w.L
    serious = sum(1 for f in a.findings if f.severity in ("critical", "high") and not f.knockout)
    figures = (
        Figure(L["fig_score"], f"{number(a.score, w.lang)} / 100"),
        Figure(L["fig_level"], level_name(a.level, w.lang)),
        Figure(L["fig_points_level"], level_name(a.points_level, w.lang)),
        Figure(L["fig_knockouts"], str(len(a.knockouts))),
        Figure(L["fig_pending"], str(len(a.pending))),
        Figure(L["fig_serious"], str(serious)),
        Figure(L["fig_unknown"], str(len(a.unknown) + len(a.unanswered))),
        Figure(L["fig_completeness"], percent(a.completeness, w.lang)),
    )
    return Glance(
        verdict=a.verdict,
        verdict_name=verdict_name(a.verdict, w.lang),
        level=a.level,
        level_name=level_name(a.level, w.lang),
        score=number(a.score, w.lang),
        summary=L[f"summary_{a.verdict}"],
        figures=figures,
        level_note=claims.level_note(a, w.lang),
        scale=claims.scale_note(w.rs, w.lang),
        claims=tuple(
            typo(line, w.lang) for line in claims.verdict_box_lines(a, L, w.question_text, w.lang)
        ),
    )


def knockouts(w: Wording) -> tuple[KnockOutView, ...]:
    lifts = w.lifts()
    out: list[KnockOutView] = []
    for ko in w.a.knockouts:
        main = ko.questions[0] if ko.kind == "choice" else None
        if main is not None:
            title = w.question_text(main)
            answer = w.answer_text(main, ko.answers.get(main))
            because = w.answer_lines(ko.answers, skip=main)
        else:
            title = w.rule_message(ko.id)
            answer = ""
            because = w.answer_lines(ko.answers)
        whatif = lifts.get(ko.id)
        lift = "; ".join(w.change_words(whatif, own=main)) if whatif else ""
        out.append(
            KnockOutView(
                id=ko.id,
                title=title,
                question_id=main,
                answer=answer,
                because=because,
                rationale=w.text(ko.rationale),
                references=w.references(ko.references),
                lift=lift,
                anchor=f"f-{main or ko.id}",
            )
        )
    return tuple(out)


def pending(w: Wording) -> tuple[PendingView, ...]:
    lifts = w.lifts()
    out: list[PendingView] = []
    for item in w.a.pending:
        lines = tuple(
            AnswerLine(
                qid,
                w.question_text(qid),
                w.answer_text(qid, w.answers.answers.get(qid)),
            )
            for qid in item.questions
        )
        evidence = tuple(
            w.text(q.evidence)
            for q in (w.c.question_by_id.get(qid) for qid in item.questions)
            if q is not None and q.evidence
        )
        whatif = lifts.get(item.id)
        out.append(
            PendingView(
                id=item.id,
                questions=lines,
                rationale=w.text(item.rationale),
                evidence=evidence,
                references=w.references(item.references),
                reason=typo(claims.pending_reason(item, w.L), w.lang),
                lift="; ".join(w.change_words(whatif)) if whatif else "",
                who=sheet.who(w, item.questions),
            )
        )
    return tuple(out)


def _bands(w: Wording) -> list[tuple[str, float]]:
    """Where each level above `low` starts, in the rule set's unit."""
    levels = w.rs.scoring.levels
    return [("moderate", levels.moderate), ("high", levels.high), ("critical", levels.critical)]


def thresholds(w: Wording) -> list[tuple[str, float]]:
    """Level thresholds as scores out of 100 (points are turned into a share of the max)."""
    values = _bands(w)
    if w.rs.scoring.levels.unit == "percent":
        return values
    top = w.a.pool(w.rs.scoring.score_pool).max
    return [(name, (v * 100 / top) if top else 0.0) for name, v in values]


def categories(w: Wording) -> tuple[tuple[CategoryView, ...], svg.BarChart]:
    views: list[CategoryView] = []
    rows: list[tuple[str, float, str, str, str]] = []
    for cat in w.a.categories:
        filled = round(cat.score / 10)
        bar = "█" * filled + "░" * (10 - filled)
        title = w.text(cat.title)
        cat_level = level_name(cat.level, w.lang)
        views.append(
            CategoryView(
                id=cat.id,
                title=title,
                weight=amount(cat.weight, w.lang),
                score=number(cat.score, w.lang),
                level=cat.level,
                level_name=cat_level,
                points=amount(cat.points, w.lang),
                max=amount(cat.max, w.lang),
                answered=cat.answered,
                relevant=cat.relevant,
                bar=bar,
                points_level_name=(
                    level_name(cat.points_level, w.lang) if cat.points_level != cat.level else ""
                ),
            )
        )
        rows.append((title, cat.score, number(cat.score, w.lang), cat.level, cat_level))
    ticks = [(value, amount(value, w.lang)) for _, value in thresholds(w)]
    return tuple(views), svg.bar_chart(rows, ticks)


def finding_view(w: Wording, f: Finding) -> FindingView:
    qid = f.id if f.kind != "rule" else None
    value = None
    if f.kind == "rule":
        answer = ""
        inputs = w.answer_lines(f.answers)
    else:
        value = w.answers.answers.get(f.id)
        answer = w.answer_text(f.id, value)
        inputs = ()
    category = w.c.category_by_id.get(f.category or "")
    return FindingView(
        id=f.id,
        anchor=f"f-{f.id}",
        kind=f.kind,
        severity=f.severity,
        severity_name=severity_name(f.severity, w.lang),
        title=w.question_text(f.id) if qid else w.text(f.title),
        category=w.text(category.title) if category else "",
        question_id=qid,
        answer=answer,
        inputs=inputs,
        points=w.pool_points(f.points),
        knockout=f.knockout,
        pending=f.pending,
        recommendation=w.text(f.recommendation),
        ask_vendor=w.text(f.ask_vendor),
        rationale=w.text(f.rationale),
        references=w.references(f.references),
        note=w.answers.notes.get(f.id, "") if qid else "",
        evidence=w.evidence_view(f.id) if qid else None,
        category_id=f.category or "",
        unknown=qid is not None and (value is None or value == UNKNOWN_ANSWER),
    )


def severity_groups(w: Wording) -> tuple[SeverityGroup, ...]:
    groups: list[SeverityGroup] = []
    for severity in SEVERITY_ORDER:
        found = tuple(finding_view(w, f) for f in w.a.findings if f.severity == severity)
        if found:
            groups.append(SeverityGroup(severity, severity_name(severity, w.lang), found))
    return tuple(groups)


def vendor_questions(w: Wording) -> tuple[VendorQuestion, ...]:
    """Every relevant question left unknown or unanswered, in asking order."""
    missing = set(w.a.unknown) | set(w.a.unanswered)
    can_block = {q for p in w.a.pending for q in p.questions}
    out: list[VendorQuestion] = []
    for q in w.c.questions:
        if q.id not in missing:
            continue
        reason = "unanswered" if q.id in w.a.unanswered else "unknown"
        out.append(
            VendorQuestion(
                id=q.id,
                question=w.question_text(q.id),
                reason=w.L[reason],
                evidence=w.text(q.evidence),
                can_block=q.id in can_block,
                note=w.answers.notes.get(q.id, ""),
                who=sheet.who(w, [q.id]),
            )
        )
    return tuple(out)


def clarifications(w: Wording) -> tuple[VendorQuestion, ...]:
    """Finding rules (contradictions, combinations) that come with a question to the vendor."""
    return tuple(
        VendorQuestion(
            id=f.id,
            question=w.text(f.ask_vendor),
            reason=w.text(f.title),
            evidence="",
            can_block=f.knockout or f.pending,
            note="",
        )
        for f in w.a.findings
        if f.kind == "rule" and f.ask_vendor
    )


def expired_evidence(w: Wording) -> tuple[VendorQuestion, ...]:
    out: list[VendorQuestion] = []
    for record in w.a.evidence:
        if not record.expired:
            continue
        q = w.c.question_by_id.get(record.question)
        out.append(
            VendorQuestion(
                id=record.question,
                question=w.question_text(record.question),
                reason=record.text,
                evidence=w.text(q.evidence) if q else "",
                can_block=False,
                note=record.expires.isoformat() if record.expires else "",
            )
        )
    return tuple(out)


def clauses(w: Wording) -> tuple[ClauseView, ...]:
    spec = clause_mod.load_spec(w.templates)
    unknown = set(w.a.unknown) | set(w.a.unanswered)
    out: list[ClauseView] = []
    for derived in clause_mod.derive_clauses(spec, w.a, w.c, w.state):
        because = tuple(
            ClauseReason(
                f.id,
                # A finding on an unknown answer is listed with what to obtain, not as a card.
                "pending" if f.id in unknown else f"f-{f.id}",
                severity_name(f.severity, w.lang),
                w.question_text(f.id) if f.kind != "rule" else w.text(f.title),
            )
            for f in derived.findings
        )
        out.append(
            ClauseView(
                id=derived.spec.id,
                title=w.text(derived.spec.title),
                text=w.text(derived.spec.text),
                summary=first_sentence(w.text(derived.spec.text)),
                required=derived.required,
                because=because,
                references=w.references(
                    [r.model_dump(exclude_none=True) for r in derived.spec.references]
                ),
            )
        )
    return tuple(out)


def first_sentence(text: str) -> str:
    """A text's first sentence (all of it when it has one sentence)."""
    head, dot, rest = text.partition(". ")
    return f"{head}." if dot and rest else text


def explanation(w: Wording) -> tuple[tuple[Contributor, ...], tuple[WhatIfView, ...]]:
    exp = w.a.explanation
    if exp is None:
        return (), ()
    contributors = []
    for item in exp.contributors[:TOP_CONTRIBUTORS]:
        if item.kind == "question":
            title = w.question_text(item.id)
            answer = w.answer_text(item.id, item.answer)
        else:
            title = w.rule_message(item.id)
            answer = ""
        contributors.append(
            Contributor(
                title=title,
                question_id=item.id,
                answer=answer,
                points=amount(item.points, w.lang),
                share=percent(item.share, w.lang),
            )
        )
    whatifs = []
    for whatif in exp.what_would_change:
        outcome = (
            f"{verdict_name(whatif.verdict, w.lang)}, "
            f"{level_name(whatif.level, w.lang)}, {number(whatif.score, w.lang)} / 100"
        )
        whatifs.append(
            WhatIfView(
                goal=claims.goal(whatif, w.L, w.item_name),
                changes=w.change_words(whatif),
                outcome=outcome,
                reached=whatif.reached,
                note=claims.note_words(whatif, w.L, w.item_name),
            )
        )
    return tuple(contributors), tuple(whatifs)


def appendix(w: Wording) -> tuple[tuple[AppendixSection, ...], tuple[AnswerLine, ...]]:
    knocked = {ko.questions[0] for ko in w.a.knockouts if ko.kind == "choice"}
    by_question = {f.id: f for f in w.a.findings if f.kind != "rule"}
    sections: list[AppendixSection] = []
    absent: list[AnswerLine] = []
    for cat in w.rs.categories:
        rows: list[AppendixQuestion] = []
        for q in w.c.questions:
            if q.category != cat.id:
                continue
            if w.state.get(q.id, ABSENT) is ABSENT:
                absent.append(AnswerLine(q.id, w.text(q.text), ""))
                continue
            value = w.answers.answers.get(q.id)
            status = "answered"
            if value is None:
                status = "unanswered"
            elif value == UNKNOWN_ANSWER:
                status = "unknown"
            finding = by_question.get(q.id)
            pts = w.pool_points(question_points(w.a, q.id))
            rows.append(
                AppendixQuestion(
                    id=q.id,
                    text=w.text(q.text),
                    answer=w.answer_text(q.id, value),
                    status=status,
                    points=pts,
                    severity=severity_name(finding.severity, w.lang) if finding else "",
                    knockout=q.id in knocked,
                    note=w.answers.notes.get(q.id, ""),
                    evidence=w.evidence_view(q.id),
                    recommendation=w.text(finding.recommendation) if finding else "",
                )
            )
        if rows:
            sections.append(AppendixSection(cat.id, w.text(cat.title), cat.scope, tuple(rows)))
    return tuple(sections), tuple(absent)


def method(w: Wording) -> Method:
    a, L, policy = w.a, w.L, w.rs.scoring
    pool = a.pool(policy.score_pool)
    if policy.levels.unit == "percent":
        unit = catalog.text(w.lang, "formats.percent", number="")  # the sign as a percent has it
    else:
        unit = f" {L['points_unit']}"
    sign = "≥" if policy.levels.reached == "at_or_above" else ">"
    bands = [Threshold("low", level_name("low", w.lang), "0", "≥")]  # from 0, whatever the mode
    for name, value in _bands(w):
        bands.append(Threshold(name, level_name(name, w.lang), amount(value, w.lang), sign))
    adjustments = []
    for adj in a.adjustments:
        detail = fill(
            L["adjustment_detail"],
            {
                "pool": L.get("pool_" + adj.if_pool, adj.if_pool),
                "value": percent(adj.if_percent, w.lang),
                "threshold": percent(adj.reaches_percent, w.lang, 0),
                "before": amount(adj.before, w.lang),
                "after": amount(adj.after, w.lang),
            },
        )
        adjustments.append(AdjustmentView(w.text(adj.label), adj.applied, detail))
    computation = (
        f"{amount(pool.adjusted, w.lang)} / {amount(pool.max, w.lang)} × 100 = "
        f"{number(a.score, w.lang)}"
    )
    pools = tuple(
        Figure(
            L.get("pool_" + p.pool, p.pool),
            f"{amount(p.adjusted, w.lang)} / {amount(p.max, w.lang)} "
            f"({percent(p.percent, w.lang)})",
        )
        for p in a.pools
    )
    return Method(
        formula=L["formula"],
        computation=computation,
        thresholds=tuple(bands),
        unit=unit,
        levels_rule=L["method_levels_" + policy.levels.reached],
        denominator=L[f"denominator_{policy.denominator}"],
        unknown=L[f"unknown_{policy.unknown}"],
        adjustments=tuple(adjustments),
        pools=pools,
    )


def sources(w: Wording) -> tuple[SourceView, ...]:
    out = []
    for rid in w.cited:
        source = w.rs.sources.get(rid)
        if source is None:
            continue
        out.append(
            SourceView(
                id=rid,
                title=w.text(source.title),
                date=source.date.isoformat() if source.date else "",
                url=source.url or "",
                url_href=web_url(source.url),
            )
        )
    return tuple(out)


def _upcoming(w: Wording) -> list[str]:
    """A knock-out that starts to hold before the next review: the decision still runs then."""
    review = w.a.review
    if review.next_review is None:  # upcoming knock-outs are looked for up to the review
        return []
    until = long_date(review.next_review, w.lang)
    return [
        w.L.count(
            "alert_upcoming_knockouts",
            len(coming.knockouts),
            date=long_date(coming.date, w.lang),
            ids=", ".join(w.item_name(ko) for ko in coming.knockouts),
            judged=long_date(w.a.judged_date, w.lang),
            review=until,
        )
        for coming in review.upcoming_knockouts
    ]


def alerts(w: Wording) -> tuple[str, ...]:
    a, L, out = w.a, w.L, []
    decision = w.answers.decision
    if a.accepted_despite_knockout and decision is not None:
        out.append(
            L.count(
                "alert_accepted_despite_ko",
                len(a.knockouts),
                ids=", ".join(w.item_name(ko.id) for ko in a.knockouts),
                by=decision.by,
                date=long_date(decision.date, w.lang),
                justification=decision.knockout_justification or "",
            )
        )
    if decision is not None and decision_outdated(decision, a.assessment_date):
        out.append(
            L["alert_decision_outdated"].format(
                outcome=L[f"outcome_{decision.outcome}"],
                by=decision.by,
                date=long_date(decision.date, w.lang),
                assessed=long_date(a.assessment_date, w.lang),
            )
        )
    elif decision is not None and accepted_pending(decision, a.verdict, a.assessment_date):
        out.append(
            L.count(
                "alert_accepted_pending",
                len(a.pending),
                ids=", ".join(w.item_name(item.id) for item in a.pending),
                by=decision.by,
                date=long_date(decision.date, w.lang),
            )
        )
    out.extend(_upcoming(w))
    if is_stale(w.c, a.assessment_date):
        due = review_due(w.c)
        rs = w.rs
        out.append(
            L["alert_stale_rules"].format(
                id=rs.id,
                version=rs.version,
                as_of=long_date(rs.as_of, w.lang),
                due=long_date(due, w.lang) if due else "",
            )
        )
    return tuple(out)


def decision(w: Wording) -> DecisionView | None:
    """The recorded decision; None (a blank block to fill) when there is none, or when it
    predates this assessment: the committee has not decided on these answers yet."""
    recorded, L = w.answers.decision, w.L
    if recorded is None or decision_outdated(recorded, w.a.assessment_date):
        return None
    review = w.a.review
    return DecisionView(
        outcome=recorded.outcome,
        outcome_name=L[f"outcome_{recorded.outcome}"],
        by=recorded.by,
        date=long_date(recorded.date, w.lang),
        rationale=recorded.rationale,
        conditions=tuple(
            ConditionView(c.text, long_date(c.due, w.lang), c.done) for c in recorded.conditions
        ),
        next_review=long_date(review.next_review, w.lang) if review.next_review else "",
        review_due=review.due,
        justification=recorded.knockout_justification or "",
        members=claims.members(recorded),
    )

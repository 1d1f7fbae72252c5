"""One questionnaire session: ask, autosave after every answer, resume, review, finish.

The flow (`flow.Interview`) decides what to ask; `prompts.ask` asks; this
module saves after every answer (atomically, so an interruption loses at most
the question being answered) and shows the live level.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from vetting import catalog
from vetting.assess.answers import Answers, Evidence, dump_answers
from vetting.assess.assessment import SEVERITIES, Assessment
from vetting.assess.evidence import required_by_choice
from vetting.assess.score import score
from vetting.assess.when import judged_date
from vetting.files import atomic_write
from vetting.i18n import level_name, pick, question_name, severity_name, verdict_name
from vetting.interview.flow import Interview, needs_go_live
from vetting.interview.prompts import BACK, UNKNOWN_VALUE, Interrupted, Terminal, ask
from vetting.interview.record import Unfinished, ask_evidence, record_evidence
from vetting.report.naming import slugify as slugify  # re-exported: its former home
from vetting.ruleset.compiled import CompiledRuleSet


class Session:
    """Runs the questionnaire over one answers file."""

    def __init__(
        self,
        compiled: CompiledRuleSet,
        term: Terminal,
        path: Path,
        answers: Answers,
        *,
        live: bool = True,
        reask: set[str] | None = None,
    ) -> None:
        self.compiled = compiled
        self.term = term
        self.path = path
        self.meta = answers
        self.live = live
        self.flow = Interview(
            compiled,
            judged_date(answers),
            answers=dict(answers.answers),
            reask=set(reask or ()),
        )
        #: The go-live question is asked once a session, when a dated duty comes into scope.
        self.go_live_asked = answers.go_live is not None
        self.notes = dict(answers.notes)
        self.evidence: dict[str, Evidence] = dict(answers.evidence)
        #: Ticks of a multiple choice left with "back", offered again when it comes back.
        self.drafts: dict[str, list[str]] = {}
        # On resume, "back" walks the answers already given, in asking order.
        self.flow.history = [q.id for q in self.flow.questions() if q.id in self.flow.answers]

    def ask_go_live(self) -> None:
        """The planned go-live, asked once the scope brings a duty that starts on a date."""
        from vetting.interview.record import ask_day

        self.go_live_asked = True
        day = ask_day(
            self.term, catalog.text(self.term.lang, "interview.go_live"), self.meta.go_live
        )
        self.meta = self.meta.model_copy(update={"go_live": day})
        self.flow.day = judged_date(self.meta)
        self.save()

    # ------------------------------------------------------------------ saving

    def current(self) -> Answers:
        """The answers as they stand, ready to save or score."""
        rs = self.compiled.ruleset
        return self.meta.model_copy(
            update={
                "ruleset": f"{rs.id}@{rs.version}",
                "ruleset_sha256": self.compiled.origin.sha256,
                "answers": dict(self.flow.answers),
                "notes": {q: n for q, n in self.notes.items() if n},
                "evidence": dict(self.evidence),
                "source": str(self.path),
                "file_sha256": None,
            }
        )

    def save(self) -> Answers:
        answers = self.current()
        atomic_write(self.path, dump_answers(answers, self.compiled))
        return answers

    # ------------------------------------------------------------------ display

    def reached_so_far(self) -> Assessment:
        """The result the answers given so far already reach.

        Questions not yet asked count at their best answer that the scope does not
        contradict, with its evidence, so the indicator only moves when an answer
        moves it (an unasked question is not an `unknown`).
        """
        from vetting.assess.contradiction import conditions_for, contradicts

        current = self.current()
        answers = dict(self.flow.answers)
        proofs = dict(current.evidence)
        day = judged_date(current)
        state = self.compiled.walk(answers, day)
        for question in self.flow.questions():
            if question.id in answers or self.compiled.is_scope(question.id):
                continue
            if question.type == "single" and question.choices:
                rules = conditions_for(self.compiled, question.id)
                by_risk = self.compiled.risk_order[question.id]
                answers[question.id] = next(
                    (
                        cid
                        for cid in by_risk
                        if not contradicts(rules, question.id, cid, state, day)
                    ),
                    by_risk[0],
                )
                proofs.setdefault(question.id, Evidence(text="not asked yet", status="verified"))
            elif question.type == "multiple":
                answers[question.id] = []
        return score(
            self.compiled,
            current.model_copy(update={"answers": answers, "evidence": proofs}),
            explain=False,
        )

    def indicator(self) -> str:
        """The live level: at least this level, knock-outs, pending evidence."""
        lang = self.term.lang
        result = self.reached_so_far()
        parts = [f"{catalog.text(lang, 'interview.level')} ≥ {level_name(result.level, lang)}"]
        if result.knockouts:
            parts.append(f"{catalog.text(lang, 'interview.knockouts')} {len(result.knockouts)}")
        if result.pending:
            parts.append(f"{len(result.pending)} {catalog.text(lang, 'interview.pending')}")
        return " · ".join(parts)

    def header(self, question_id: str) -> str:
        question = self.compiled.question_by_id[question_id]
        category = self.compiled.category_by_id[question.category or ""]
        index, total = self.flow.position(question_id)
        head = f"{pick(category.title, self.term.lang)} · {index}/{total}"
        if self.live:
            head += f"   [{self.indicator()}]"
        return head

    # ------------------------------------------------------------------ asking

    def carries_risk(self, question_id: str, value: Any) -> bool:
        """Whether an answer deserves a note: it scores risk, or can block."""
        if value == UNKNOWN_VALUE:
            return True
        question = self.compiled.question_by_id[question_id]
        chosen = value if isinstance(value, list) else [value]
        pool = self.compiled.ruleset.scoring.score_pool
        for choice in question.choices:
            if choice.id in chosen and (choice.points.get(pool, 0) > 0 or choice.knockout):
                return True
        return False

    def ask_note(self, question_id: str) -> None:
        """A note on a risky answer; what is typed is kept even when Ctrl-C cuts it short."""
        previous = self.notes.get(question_id, "")
        try:
            self.notes[question_id] = self.term.text(
                catalog.text(self.term.lang, "interview.note"), default=previous
            )
        except Interrupted as exc:
            if exc.typed:
                self.notes[question_id] = exc.typed
            raise

    def ask_evidence(self, question_id: str) -> None:
        """The optional evidence step after an answer, kept only as the file accepts it.

        When the answer rules out a knock-out only with evidence (`evidence_required`),
        the step says so first: skipping it leaves that knock-out pending.
        """
        need = self.evidence_needed(question_id)
        if need is not None:
            status = catalog.text(self.term.lang, "interview.evidence_needs." + need)
            self.term.say(
                catalog.text(self.term.lang, "interview.evidence_needed").format(status=status)
            )
        try:
            record = ask_evidence(self.term, self.evidence.get(question_id))
        except Unfinished as exc:
            self.keep_evidence(question_id, exc.partial)
            raise
        self.keep_evidence(question_id, record)

    def evidence_needed(self, question_id: str) -> str | None:
        """`verified` or `declared` when, without evidence, this answer's knock-outs are
        pending (the scorer decides, on the answers given so far); else None."""
        question = self.compiled.question_by_id[question_id]
        if not required_by_choice(question, self.compiled.risk_order[question_id]):
            return None
        current = self.current()
        evidence = {q: e for q, e in current.evidence.items() if q != question_id}
        without = score(
            self.compiled, current.model_copy(update={"evidence": evidence}), explain=False
        )
        pending = next(
            (p for p in without.pending if p.kind == "evidence" and p.id == question_id), None
        )
        return pending.evidence_required if pending is not None else None

    def keep_evidence(self, question_id: str, record: Evidence | None) -> None:
        _, problems = record_evidence(self.current(), self.compiled, question_id, record)
        if problems:
            self.term.say(catalog.text(self.term.lang, "interview.invalid"))
            for problem in problems:
                self.term.say(f"  {problem.path}: {problem.message}")
            return
        if record is None:
            self.evidence.pop(question_id, None)
        else:
            self.evidence[question_id] = record

    def run(self, order: Iterator[str] | None = None) -> None:
        """Ask until every relevant question has an answer (or `order` is exhausted)."""
        cursor: str | None = None
        while True:
            if cursor is None and order is not None:
                cursor = next(order, None)
                if cursor is None:
                    return
                if cursor not in {q.id for q in self.flow.questions()}:
                    cursor = None
                    continue
            question = self.compiled.question_by_id[cursor] if cursor else self.flow.next_question()
            if question is None:
                return
            qid = question.id
            if (
                order is None  # a review walks the answers given; the full run asks it
                and not self.go_live_asked
                and not self.compiled.is_scope(qid)
                and needs_go_live(self.flow)
            ):
                self.ask_go_live()
                continue
            head = self.header(qid)  # once per question: the live level scores the answers
            reply, draft = ask(
                self.term,
                self.compiled,
                question,
                functools.partial(str, head),
                default=self.drafts.get(qid, self.flow.default_for(qid)),
                can_go_back=bool(self.flow.history) and self.flow.history != [qid],
            )
            if reply is BACK:
                if draft is not None:
                    self.drafts[qid] = draft
                previous = self.flow.back(qid)
                if order is None:
                    cursor = previous.id if previous else None
                else:
                    cursor = previous.id if previous else qid
                continue
            self.drafts.pop(qid, None)
            before = self.flow.answers.get(qid)
            self.flow.answer(qid, reply)
            self.save()
            changed = before != reply or qid not in self.notes
            try:
                if changed and self.carries_risk(qid, reply):
                    self.ask_note(qid)
                    self.save()
                if reply != UNKNOWN_VALUE and not self.compiled.is_scope(qid):
                    # Scope answers describe the buyer's project: no vendor evidence behind them.
                    self.ask_evidence(qid)
                    self.save()
            except KeyboardInterrupt:
                self.save()
                raise
            cursor = None

    def targets(self, target: str | None) -> list[str]:
        """The questions `--review` walks: all, one section's, or one question."""
        asked = [q.id for q in self.flow.questions()]
        if target is None:
            return asked
        if target in self.compiled.question_by_id:
            return [target]
        return [qid for qid in asked if self.compiled.question_by_id[qid].category == target]

    def review(self, target: str | None = None) -> None:
        """Walk through the relevant questions again (all, a section's, or one); Enter keeps
        each answer. Then ask whatever is still unanswered."""
        self.term.say(catalog.text(self.term.lang, "interview.review_intro"))
        self.run(iter(self.targets(target)))
        self.run()


#: How many knock-outs, pending items and findings the terminal lists before "and N more":
#: the report has them all, and the decision prompt repeats the verdict.
SHOWN = 5


def summary(
    assessment: Assessment,
    compiled: CompiledRuleSet,
    answers: Answers,
    lang: str,
    top: int = SHOWN,
) -> str:
    """What the terminal shows at the end: verdict, level, the report's warnings,
    knock-outs, what to obtain, findings.

    Items are named by their questions' short titles. A pending item is what to obtain,
    not a breach: its rationale (what the worst answer would mean) is left to the report.
    The warnings are the report's first lines (a knock-out that starts before the next
    review, a decision that accepted a blocked tool...): the decision prompt comes next.
    """
    colon = catalog.text(lang, "interview.colon")
    from vetting.report.claims import level_note, scale_note
    from vetting.report.sections import alerts
    from vetting.report.wording import Wording
    from vetting.words import number

    def titles(qids: tuple[str, ...]) -> str:
        names = []
        for qid in qids:
            q = compiled.question_by_id.get(qid)
            names.append(question_name(q, lang) if q is not None else qid)
        return ", ".join(" ".join(name.split()) for name in names)

    def bounded(items: list[str]) -> list[str]:
        if len(items) <= top:
            return items
        more = catalog.plural(lang, "interview.and_more", len(items) - top)
        return [*items[:top], f"    {more}"]

    # Beside a knock-out a low score says nothing of the verdict: the report says so too.
    score_label = "report.score_not_deciding" if assessment.knockouts else "interview.score"
    lines = [
        f"{catalog.text(lang, 'interview.verdict')}{colon}"
        f"{verdict_name(assessment.verdict, lang).upper()}",
        f"{catalog.text(lang, 'interview.level')}{colon}{level_name(assessment.level, lang)} · "
        f"{catalog.text(lang, score_label)} {number(assessment.score, lang)}/100",
    ]
    note = level_note(assessment, lang)
    if note:
        lines.append(f"  {note}")
    lines.append(f"  {scale_note(compiled.ruleset, lang)}")
    warnings = alerts(Wording(assessment, compiled, answers, lang, None))
    lines += [f"  ! {warning}" for warning in warnings]
    mark = catalog.text(lang, "interview.knockout_mark")
    lines += bounded(
        [
            f"  ✖ {mark} {titles(_named(ko.kind, ko.questions))}{colon}"
            f"{' '.join(pick(ko.rationale, lang).split())}"
            for ko in assessment.knockouts
        ]
    )
    if assessment.pending:
        heading = catalog.plural(lang, "interview.to_obtain", len(assessment.pending))
        lines.append(f"{heading}{colon.rstrip()}")
        lines += bounded([f"  ? {titles(item.questions)}" for item in assessment.pending])
    ranked = sorted(
        (f for f in assessment.findings if not f.knockout and not f.pending),
        key=lambda f: -SEVERITIES.index(f.severity),
    )[:top]
    if ranked:
        lines.append(f"{catalog.text(lang, 'interview.top_findings')}{colon.rstrip()}")
        for finding in ranked:
            named = (
                titles((finding.id,))
                if finding.kind != "rule" and finding.id in compiled.question_by_id
                else " ".join(pick(finding.title, lang).split())
            )
            lines.append(f"  · [{severity_name(finding.severity, lang)}] {named}")
    return "\n".join(lines)


def _named(kind: str, questions: tuple[str, ...]) -> tuple[str, ...]:
    """The questions that name a knock-out: the answer's own question for a choice (the
    others are the scope it applies in), every question a finding rule reads."""
    return questions[:1] if kind == "choice" else questions


def today() -> dt.date:
    """The assessment date written into a new answers file (the one use of the clock)."""
    return dt.date.today()

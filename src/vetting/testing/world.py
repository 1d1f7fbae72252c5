"""What a scenario builds before it checks: the rule set, the answers, the assessment.

A scenario is declarative: its Given steps record a rule set, an answers file,
single answers and datatables; the answers are assembled, checked against the
rule set and scored only when a Then step needs the result. So the order of
the Given steps does not matter, and every answer is checked by the same
strict reader as an answers file (`no` stays the text "no", a misspelt
question id gets a "did you mean"), with the position of the cell it came from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vetting import yamlio
from vetting.assess.answers import (
    UNKNOWN_ANSWER,
    Answers,
    AnswerValue,
    Evidence,
    Tool,
    read_answers,
)
from vetting.assess.assessment import SEVERITIES, Assessment
from vetting.assess.evidence import required_by_choice
from vetting.assess.score import score
from vetting.dates import add_months
from vetting.errors import Position, Problem, VettingError
from vetting.memo import Derived, derived
from vetting.ruleset import conditions as c
from vetting.ruleset.api import resolve_rules_dir
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.model import CHOICE_TYPES, Question
from vetting.words import suggest
from vetting.yamlio import Document

#: Above this many scenarios' worth of answers files, the cache starts again.
_CACHE_LIMIT = 256
#: What a scenario may say of a question's evidence (`the evidence for "Q" is "..."`).
EVIDENCE_STATES = ("verified", "declared", "expired", "missing")


class RuleSets:
    """Rule sets by folder, each loaded and checked once per run.

    `default` is the rule set of scenarios that name none (`vetting test
    --rules`, else `./rules/health-ai`, else the embedded one). `overrides`
    maps a folder to a rule set built in memory: the mutation self-check
    puts its mutant there.
    """

    def __init__(
        self,
        root: Path,
        default: str | Path | None = None,
        overrides: dict[Path, CompiledRuleSet] | None = None,
    ) -> None:
        self.root = root
        self.default = default
        self.overrides = dict(overrides or {})
        self._cache: dict[Path, CompiledRuleSet] = {}
        self._documents: dict[Path, Document] = {}
        self._folders: dict[str | None, Path] = {}
        #: Rendered reports by content: a mutant that leaves an assessment alone reuses it.
        self.reports: dict[tuple[str, str], str] = {}

    def with_override(self, folder: Path, compiled: CompiledRuleSet) -> RuleSets:
        """The same caches, with one folder's rule set replaced (a mutant)."""
        other = RuleSets(self.root, self.default, {**self.overrides, folder.resolve(): compiled})
        other._cache = self._cache
        other._documents = self._documents
        other._folders = self._folders
        other.reports = self.reports
        return other

    def folder(self, text: str | None) -> Path:
        """The folder a step names (relative to the project root), or the default one."""
        found = self._folders.get(text)
        if found is None:
            found = self._folder(text)
            self._folders[text] = found
        return found

    def _folder(self, text: str | None) -> Path:
        if text is None:
            if self.default is None:
                folder, _ = resolve_rules_dir(None, cwd=self.root)
                return folder.resolve()
            return self.resolve_path(str(self.default))[0]
        return self.resolve_path(text)[0]

    def resolve_path(self, text: str) -> tuple[Path, bool]:
        path = Path(text)
        if not path.is_absolute():
            path = self.root / path
        folder, embedded = resolve_rules_dir(path, cwd=self.root)
        return folder.resolve(), embedded

    def get(self, text: str | None) -> CompiledRuleSet:
        """The compiled rule set a scenario uses; raises every `vetting check` problem."""
        folder = self.folder(text)
        if folder in self.overrides:
            return self.overrides[folder]
        cached = self._cache.get(folder)
        if cached is None:
            from vetting.ruleset.api import load_ruleset

            cached = load_ruleset(folder, cwd=self.root)
            self._cache[folder] = cached
        return cached

    def document(self, path: Path, display: str) -> Document:
        """An answers file read once; it is checked against each rule set used with it."""
        key = path.resolve()
        doc = self._documents.get(key)
        if doc is None:
            if len(self._documents) > _CACHE_LIMIT:
                self._documents.clear()
            doc = yamlio.load(path, display)
            self._documents[key] = doc
        return doc


@dataclass(frozen=True)
class Outcome:
    """What a change to the rules can change: compared to tell equivalent mutants apart."""

    verdict: str
    level: str
    knockouts: tuple[str, ...]
    findings: tuple[tuple[str, str], ...]
    asked: tuple[str, ...]
    #: The score and each pool's raw, adjusted and maximum points: a mutant that moves
    #: only these is *silent*.
    score: float = 0.0
    points: tuple[float, ...] = ()

    def decision(self) -> tuple[object, ...]:
        """Everything but the figures: what a committee reads as the result."""
        return (self.verdict, self.level, self.knockouts, self.findings, self.asked)


def check_question(compiled: CompiledRuleSet, qid: str, where: Position) -> None:
    """A question id the rule set has, or an error with a did-you-mean."""
    if qid not in compiled.question_by_id:
        rs = compiled.ruleset
        raise VettingError(
            Problem(
                where,
                f"'{qid}' is not a question of {rs.id} {rs.version}",
                hint=suggest(qid, list(compiled.question_by_id)),
            )
        )


def asked_questions(assessment: Assessment, answers: Answers) -> set[str]:
    """Questions that apply: answered ones that are not out of scope, plus the unanswered."""
    applies = set(answers.answers) - set(assessment.not_applicable)
    return applies | set(assessment.unanswered) | set(assessment.unknown)


def outcome_of(assessment: Assessment, answers: Answers) -> Outcome:
    return Outcome(
        verdict=assessment.verdict,
        level=assessment.level,
        knockouts=tuple(sorted(k.id for k in assessment.knockouts)),
        findings=tuple(sorted((f.id, f.severity) for f in assessment.findings)),
        asked=tuple(sorted(asked_questions(assessment, answers))),
        score=assessment.score,
        points=tuple(v for pool in assessment.pools for v in (pool.raw, pool.adjusted, pool.max)),
    )


def parse_cell(text: str, position: Position) -> Any:
    """One answer as an answers file would type it: `no` is a text, `[a, b]` a list."""
    if not text.strip():
        return None
    try:
        return yamlio.parse(text, position.file).data
    except VettingError as exc:
        message = exc.problems[0].message if exc.problems else "not a valid answer"
        raise VettingError(
            Problem(
                position,
                f"cannot read the answer {text!r}: {message}",
                hint="write a choice id, [a, b], a, b, [], or unknown",
            )
        ) from None


def _as_list(value: Any) -> Any:
    """`a, b` or a lone choice id stands for a list on a multiple-choice question."""
    if isinstance(value, str) and value != UNKNOWN_ANSWER:
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


#: What a question's answer can set off: (predicate, how bad, the questions it reads).
RulesByQuestion = dict[str, list[tuple[c.Predicate, int, frozenset[str]]]]
_RULES_BY_QUESTION: Derived[RulesByQuestion] = {}


def _rules_by_question(compiled: CompiledRuleSet) -> RulesByQuestion:
    """The finding rules (and their knock-outs) each question's answer can set off.

    Each comes with how bad it is when it fires (its severity's rank; one above
    the worst severity for a knock-out) and the questions it reads. Built once per
    rule set: every scenario that fills answers needs it.
    """
    return derived(_RULES_BY_QUESTION, compiled, lambda: _index_rules(compiled))


def _index_rules(compiled: CompiledRuleSet) -> RulesByQuestion:
    out: RulesByQuestion = {}
    blocker = len(SEVERITIES)
    definitions = compiled.ruleset.definitions
    for rule in compiled.ruleset.findings:
        reads = c.questions_read(rule.when, definitions)
        if rule.knockout is not None:
            reads |= c.questions_read(rule.knockout.when, definitions)
        frozen = frozenset(reads)
        predicates = [
            (compiled.finding_conditions[rule.id], SEVERITIES.index(rule.severity), frozen)
        ]
        if rule.id in compiled.finding_knockouts:
            predicates.append((compiled.finding_knockouts[rule.id], blocker, frozen))
        for qid in reads:
            out.setdefault(qid, []).extend(predicates)
    return out


def best_candidates(
    question: Question, pool: str, risk_order: tuple[str, ...]
) -> list[AnswerValue]:
    """Answers from the best: a single choice's ids from the lowest risk up (`risk_order`).

    For a multiple choice, an exclusive choice that carries no risk and no
    knock-out (such as `none`) comes first, then nothing ticked (`[]`).
    """
    if question.type == "single":
        return list(risk_order)
    out: list[AnswerValue] = []
    for ch in question.choices:
        if ch.exclusive and not ch.points.get(pool) and ch.knockout is None:
            out.append([ch.id])
            break
    out.append([])
    return out


def fill_best(
    compiled: CompiledRuleSet,
    given: dict[str, AnswerValue],
    skip: set[str],
    day: dt.date,
) -> dict[str, AnswerValue]:
    """Answer every other choice question with its best choice.

    The best choice is the first one in risk order (from the lowest risk up,
    whatever order the choices are shown in) that sets off no knock-out, and no finding
    rule that reads only the scope and other filled answers: so "no
    third-party hosting" is not picked for a SaaS, nor "no medical purpose" for
    a diagnostic tool. A rule that reads an answer the scenario states (say,
    retention "indefinite") is left to fire: it is part of what the scenario
    tests. Failing a clean choice, the least harmful one. Scope questions,
    text, number and date questions are never filled: a scenario states its
    scope itself.
    """
    pool = compiled.ruleset.scoring.score_pool
    rules = _rules_by_question(compiled)
    state = compiled.walk(given, day)
    filled = dict(given)
    stated = {qid for qid in given if not compiled.is_scope(qid)}
    for q in compiled.questions:
        if compiled.relevance[q.id](state, day) is False:
            state[q.id] = c.ABSENT
            continue
        if q.id in filled or q.id in skip or compiled.is_scope(q.id) or q.type not in CHOICE_TYPES:
            value = filled.get(q.id)
            state[q.id] = c.UNKNOWN if value is None or value == UNKNOWN_ANSWER else value
            continue
        # The first candidate that sets off nothing; failing that, the least harmful.
        least: int | None = None
        chosen: AnswerValue = []
        for candidate in best_candidates(q, pool, compiled.risk_order[q.id]):
            state[q.id] = candidate
            single = candidate if isinstance(candidate, list) else [str(candidate)]
            harm = -1
            for cid in single:
                knockout = compiled.choice_knockouts.get((q.id, cid))
                if knockout is not None and knockout(state, day) is True:
                    harm = len(SEVERITIES)
            for predicate, severity, reads in rules.get(q.id, ()):
                # A rule that also reads an answer the scenario gave is the author's to see.
                if reads & stated:
                    continue
                if predicate(state, day) is True:
                    harm = max(harm, severity)
            if least is None or harm < least:
                least, chosen = harm, candidate
            if harm < 0:
                break
        filled[q.id] = chosen
        state[q.id] = chosen
    return filled


@dataclass
class World:
    """One scenario's state: what its Given steps said, and the assessment it led to."""

    rulesets: RuleSets
    scenario_file: str
    scenario_name: str
    scenario_line: int
    rules: tuple[str, Position] | None = None
    answers_file: tuple[str, Position] | None = None
    entries: dict[str, tuple[Any, Position]] = field(default_factory=dict)
    cleared: dict[str, Position] = field(default_factory=dict)
    #: Question id -> one of EVIDENCE_STATES, as a Given step set it.
    evidence: dict[str, tuple[str, Position]] = field(default_factory=dict)
    fill: bool = False
    date: dt.date | None = None
    go_live: dt.date | None = None
    outcomes: list[Outcome] = field(default_factory=list)
    _assessment: Assessment | None = None
    _answers: Answers | None = None
    _reports: dict[str, str] = field(default_factory=dict)

    # ------------------------------------------------------------------ changes

    def changed(self) -> None:
        """A Given step changed the inputs: score again when a Then step asks."""
        self._assessment = None
        self._answers = None
        self._reports = {}

    def set_answer(self, qid: str, raw: Any, position: Position) -> None:
        self.changed()
        if raw is None:
            self.entries.pop(qid, None)
            self.cleared[qid] = position
            return
        self.cleared.pop(qid, None)
        self.entries[qid] = (raw, position)

    def clear_answer(self, qid: str, position: Position) -> None:
        self.changed()
        self.entries.pop(qid, None)
        self.cleared[qid] = position

    def set_evidence(self, qid: str, state: str, position: Position) -> None:
        self.changed()
        self.evidence[qid] = (state, position)

    # ------------------------------------------------------------------ reading

    def compiled(self) -> CompiledRuleSet:
        text, position = self.rules if self.rules else (None, None)
        try:
            return self.rulesets.get(text)
        except VettingError as exc:
            if position is None:
                raise
            head = Problem(
                position,
                f"the rule set '{text}' cannot be used: vetting check finds "
                f"{len(exc.problems)} problem(s)",
            )
            raise VettingError([head, *exc.problems]) from None

    def answers(self) -> Answers:
        if self._answers is None:
            self._answers = self._build()
        return self._answers

    def assessment(self) -> Assessment:
        """The scenario's assessment, scored now if the inputs changed."""
        if self._assessment is None:
            compiled = self.compiled()
            answers = self.answers()
            self._assessment = score(compiled, answers, explain=False)
            self.outcomes.append(outcome_of(self._assessment, answers))
        return self._assessment

    def _build(self) -> Answers:
        compiled = self.compiled()
        rs = compiled.ruleset
        base: dict[str, AnswerValue] = {}
        recorded: dict[str, Evidence] = {}
        day = self.date
        if self.answers_file is not None:
            text, position = self.answers_file
            path = Path(text)
            if not path.is_absolute():
                path = self.rulesets.root / path
            if not path.is_file():
                raise VettingError(
                    Problem(
                        position,
                        f"answers file '{text}' not found",
                        hint="paths are relative to the project root (where vetting test runs)",
                    )
                )
            doc = self.rulesets.document(path, text)
            loaded, _ = read_answers(doc, compiled)
            base = dict(loaded.answers)
            recorded = dict(loaded.evidence)
            day = day or loaded.date
            go_live = self.go_live or loaded.go_live
        else:
            go_live = self.go_live
        merged = {**base, **self._entries(compiled)}
        for qid in self.cleared:
            merged.pop(qid, None)
        # A scenario states its date, or its answers file does; else the rule set's `as_of`
        # (the date its content was checked): rule tests never read the clock.
        assessment_day = day or rs.as_of
        judged_day = max(assessment_day, go_live) if go_live is not None else assessment_day
        if self.fill:
            stated = set(merged)
            merged = fill_best(compiled, merged, set(self.cleared), judged_day)
            # A best answer that needs evidence comes with it: the best case is a proven one.
            for qid in set(merged) - stated:
                needs = required_by_choice(compiled.question_by_id[qid], compiled.risk_order[qid])
                if isinstance(merged[qid], str) and merged[qid] in needs:
                    recorded[qid] = Evidence(text="best answer, proven", status="verified")
        recorded = self._evidence(compiled, recorded, assessment_day)
        order = compiled.order
        ordered = {qid: merged[qid] for qid in sorted(merged, key=lambda q: order.get(q, 0))}
        return Answers(
            ruleset=rs.id,
            tool=Tool(name=self.scenario_name or "scenario"),
            date=assessment_day,
            go_live=go_live,
            answers=ordered,
            evidence={
                qid: recorded[qid] for qid in sorted(recorded, key=lambda q: order.get(q, 0))
            },
            source=f"{self.scenario_file}:{self.scenario_line}",
        )

    def _evidence(
        self, compiled: CompiledRuleSet, recorded: dict[str, Evidence], day: dt.date
    ) -> dict[str, Evidence]:
        """The evidence the scenario's steps state, over the file's and the best answers'."""
        out = dict(recorded)
        for qid, (state, position) in self.evidence.items():
            check_question(compiled, qid, position)
            if state == "missing":
                out.pop(qid, None)
            elif state == "expired":
                last = day - dt.timedelta(days=1)
                out[qid] = Evidence(
                    text="stated in the scenario, out of date",
                    status="verified",
                    issued=add_months(last, -36),
                    expires=last,
                )
            else:
                out[qid] = Evidence(text="stated in the scenario", status=state)
        return out

    def _entries(self, compiled: CompiledRuleSet) -> dict[str, AnswerValue]:
        """The scenario's own answers, checked like an answers file, errors at their cells."""
        for qid, position in self.cleared.items():
            check_question(compiled, qid, position)
        if not self.entries:
            return {}
        data: dict[str, Any] = {}
        positions: dict[tuple[str | int, ...], tuple[int, int]] = {(): (self.scenario_line, 1)}
        for qid, (raw, position) in self.entries.items():
            q = compiled.question_by_id.get(qid)
            data[qid] = _as_list(raw) if q is not None and q.type == "multiple" else raw
            positions[("answers", qid)] = (position.line, position.col)
            if isinstance(data[qid], list):
                for index in range(len(data[qid])):
                    positions[("answers", qid, index)] = (position.line, position.col)
        doc = Document(
            self.scenario_file,
            {"ruleset": compiled.ruleset.id, "tool": {"name": "scenario"}, "answers": data},
            positions,
        )
        try:
            answers, _ = read_answers(doc, compiled)
        except VettingError as exc:
            raise VettingError(
                [Problem(p.position, p.message, "", p.hint) for p in exc.problems]
            ) from None
        return dict(answers.answers)

    def report(self, lang: str) -> str:
        """The report's text in one language, rendered once per distinct assessment."""
        if lang not in self._reports:
            from vetting.testing.reporting import report_text

            assessment, answers = self.assessment(), self.answers()
            digest = hashlib.sha256(
                (assessment.model_dump_json() + answers.model_dump_json()).encode("utf-8")
            ).hexdigest()
            cache = self.rulesets.reports
            text = cache.get((lang, digest))
            if text is None:
                if len(cache) > _CACHE_LIMIT:
                    cache.clear()
                text = report_text(self.compiled(), assessment, answers, lang)
                cache[(lang, digest)] = text
            self._reports[lang] = text
        return self._reports[lang]

"""A checked rule set with its conditions compiled and its indexes built, once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vetting.errors import Problem
from vetting.ruleset import conditions as c
from vetting.ruleset.conditions import ABSENT, UNKNOWN, Predicate
from vetting.ruleset.model import Category, Choice, FindingRule, Question, RuleSet
from vetting.ruleset.order import by_risk
from vetting.ruleset.sources import LoadedRuleSet


@dataclass(frozen=True)
class RuleSetOrigin:
    """Which rule set was used: recorded in every output, so a result can be re-checked."""

    id: str
    version: str
    sha256: str
    path: str
    embedded: bool

    def as_dict(self) -> dict[str, str | bool]:
        return {
            "id": self.id,
            "version": self.version,
            "sha256": self.sha256,
            "path": self.path,
            "embedded": self.embedded,
        }


@dataclass(frozen=True)
class CompiledRuleSet:
    """Everything the scorer and the questionnaire need, precomputed."""

    ruleset: RuleSet
    origin: RuleSetOrigin
    folder: Path
    questions: tuple[Question, ...]
    question_by_id: dict[str, Question]
    order: dict[str, int]
    category_by_id: dict[str, Category]
    relevance: dict[str, Predicate]
    definitions: dict[str, Predicate]
    #: (question id, choice id) -> when the choice's knock-out holds.
    choice_knockouts: dict[tuple[str, str], Predicate]
    finding_conditions: dict[str, Predicate]
    #: finding id -> when its knock-out holds (its own `when` and the knock-out's).
    finding_knockouts: dict[str, Predicate]
    #: Questions whose answer can produce a knock-out, directly or through a rule.
    knockout_capable: frozenset[str]
    scope_questions: frozenset[str]
    #: Questions each question's relevance reads, directly or through definitions.
    depends_on: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Question id -> the ids of its choices, for reading answers fast.
    choice_ids: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Question id -> its choice ids from the lowest risk to the highest (order.py).
    risk_order: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: What `vetting check` says without failing (e.g. a question without a short title).
    warnings: tuple[Problem, ...] = ()

    @property
    def findings(self) -> tuple[FindingRule, ...]:
        return self.ruleset.findings

    def choice(self, question_id: str, choice_id: str) -> Choice | None:
        for choice in self.question_by_id[question_id].choices:
            if choice.id == choice_id:
                return choice
        return None

    def is_scope(self, question_id: str) -> bool:
        return question_id in self.scope_questions

    def walk(self, answers: Mapping[str, Any], day: dt.date) -> dict[str, Any]:
        """Answers as conditions see them, deciding relevance in asking order.

        A question whose `when` is definitely false is ABSENT (its answer, if any, is
        ignored); a relevant question that is unanswered or answered `unknown` is
        UNKNOWN. Conditions only read earlier questions, so one pass suffices.
        """
        state: dict[str, Any] = {}
        for question in self.questions:
            if self.relevance[question.id](state, day) is False:
                state[question.id] = ABSENT
                continue
            value = answers.get(question.id)
            state[question.id] = UNKNOWN if value is None or value == "unknown" else value
        return state


def compile_checked(loaded: LoadedRuleSet, *, embedded: bool = False) -> CompiledRuleSet:
    """Compile the conditions and build the indexes of a rule set known to be valid.

    `check` calls it once its checks pass; the rule-set cache calls it on a rule
    set that passed them when it was stored (same bytes, same vetting).
    """
    rs = loaded.ruleset
    definitions = c.compile_definitions(rs.definitions)

    relevance: dict[str, c.Predicate] = {}
    depends_on: dict[str, frozenset[str]] = {}
    for q in rs.questions:
        relevance[q.id] = c.compile_condition(q.when, definitions)
        depends_on[q.id] = frozenset(c.questions_read(q.when, rs.definitions))

    choice_kos: dict[tuple[str, str], c.Predicate] = {}
    ko_capable: set[str] = set()
    for q in rs.questions:
        for ch in q.choices:
            if ch.knockout is not None:
                choice_kos[(q.id, ch.id)] = c.compile_condition(ch.knockout.when, definitions)
                ko_capable.add(q.id)

    finding_conditions: dict[str, c.Predicate] = {}
    finding_kos: dict[str, c.Predicate] = {}
    for rule in rs.findings:
        finding_conditions[rule.id] = c.compile_condition(rule.when, definitions)
        if rule.knockout is not None:
            ko_when: Any = rule.when
            if rule.knockout.when is not None:
                ko_when = c.AllOf(all=(rule.when, rule.knockout.when))
            finding_kos[rule.id] = c.compile_condition(ko_when, definitions)
            ko_capable |= c.questions_read(ko_when, rs.definitions)

    scope_cats = {cat.id for cat in rs.categories if cat.scope}
    origin = RuleSetOrigin(
        id=rs.id,
        version=rs.version,
        sha256=loaded.sha256,
        path=loaded.display,
        embedded=embedded,
    )
    return CompiledRuleSet(
        ruleset=rs,
        origin=origin,
        folder=loaded.folder,
        questions=rs.questions,
        question_by_id={q.id: q for q in rs.questions},
        order={q.id: i for i, q in enumerate(rs.questions)},
        category_by_id={cat.id: cat for cat in rs.categories},
        relevance=relevance,
        definitions=definitions,
        choice_knockouts=choice_kos,
        finding_conditions=finding_conditions,
        finding_knockouts=finding_kos,
        knockout_capable=frozenset(ko_capable),
        scope_questions=frozenset(q.id for q in rs.questions if q.category in scope_cats),
        depends_on=depends_on,
        choice_ids={q.id: frozenset(ch.id for ch in q.choices) for q in rs.questions},
        risk_order={
            q.id: tuple(ch.id for ch in by_risk(q, rs.scoring.pools, rs.scoring.score_pool))
            for q in rs.questions
        },
    )


__all__ = ["CompiledRuleSet", "RuleSetOrigin", "compile_checked"]

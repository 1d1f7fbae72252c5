"""What to ask next, and what changes when an answer changes: pure, no terminal.

The prompt layer only asks and saves; every decision about the order of
questions, relevance and going back is made here, where it can be tested.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from vetting.ruleset import conditions as c
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.conditions import ABSENT
from vetting.ruleset.model import Question


def asked(compiled: CompiledRuleSet, answers: Mapping[str, Any], day: dt.date) -> list[Question]:
    """The questions asked under the current answers, in asking order.

    Unanswered questions count as unknown, so a question that depends on one
    not yet answered is counted (its condition is undecided, not false).
    """
    state = compiled.walk(answers, day)
    return [q for q in compiled.questions if state[q.id] is not ABSENT]


def is_answered(answers: Mapping[str, Any], question_id: str) -> bool:
    """Whether the question has an answer, `unknown` included (it is a real reply)."""
    return answers.get(question_id) is not None


@dataclass
class Interview:
    """The state of one questionnaire session over a rule set.

    `answers` holds what will be saved. Answers to questions that became
    irrelevant are parked, not lost: they come back if the question applies again.
    """

    compiled: CompiledRuleSet
    day: dt.date
    answers: dict[str, Any] = field(default_factory=dict)
    parked: dict[str, Any] = field(default_factory=dict)
    history: list[str] = field(default_factory=list)
    #: Answered questions to ask again (their meaning changed in a newer rule set).
    reask: set[str] = field(default_factory=set)

    def questions(self) -> list[Question]:
        return asked(self.compiled, self.answers, self.day)

    def next_question(self) -> Question | None:
        """The first relevant question without an answer, in asking order."""
        for question in self.questions():
            if question.id in self.reask or not is_answered(self.answers, question.id):
                return question
        return None

    def position(self, question_id: str) -> tuple[int, int]:
        """1-based position of a question among those asked, and their count."""
        ids = [q.id for q in self.questions()]
        index = ids.index(question_id) + 1 if question_id in ids else len(ids)
        return index, len(ids)

    def answer(self, question_id: str, value: Any) -> list[str]:
        """Record an answer; park the answers it made irrelevant and return their ids."""
        self.answers[question_id] = value
        self.parked.pop(question_id, None)
        self.reask.discard(question_id)
        if not self.history or self.history[-1] != question_id:
            self.history.append(question_id)
        return self._reconcile()

    def back(self, current: str | None) -> Question | None:
        """The question to re-ask when the user goes back from `current`."""
        while self.history:
            previous = self.history.pop()
            if previous == current:
                continue
            if any(q.id == previous for q in self.questions()):
                return self.compiled.question_by_id[previous]
        return None

    def _reconcile(self) -> list[str]:
        # One pass in asking order decides relevance with parked answers restored:
        # conditions read only earlier questions, so this is the fixed point.
        merged = {**self.parked, **self.answers}
        state = self.compiled.walk(merged, self.day)
        moved = [qid for qid in self.answers if state.get(qid, None) is ABSENT]
        self.answers = {q: v for q, v in merged.items() if state.get(q) is not ABSENT}
        self.parked = {q: v for q, v in merged.items() if state.get(q) is ABSENT}
        return moved

    def default_for(self, question_id: str) -> Any:
        """The answer to pre-select when a question is asked again."""
        return self.answers.get(question_id, self.parked.get(question_id))


def dated_questions(compiled: CompiledRuleSet) -> frozenset[str]:
    """Questions whose relevance or knock-outs depend on a date (`judged_date`).

    The questionnaire asks the planned go-live once one of them applies: those duties
    are judged on the day the tool will be used.
    """
    definitions = compiled.ruleset.definitions

    def dated(cond: Any, seen: frozenset[str] = frozenset()) -> bool:
        if cond is None:
            return False
        for _, node in c.iter_nodes(cond):
            if isinstance(node, c.JudgedDate):
                return True
            if (
                isinstance(node, c.Is)
                and node.is_ not in seen
                and dated(definitions[node.is_].when, seen | {node.is_})
            ):
                return True
        return False

    return frozenset(
        q.id
        for q in compiled.questions
        if dated(q.when) or any(ch.knockout and dated(ch.knockout.when) for ch in q.choices)
    )


def needs_go_live(interview: Interview) -> bool:
    """Whether a question the scope makes relevant has a duty that starts on a date."""
    dated = dated_questions(interview.compiled)
    return any(q.id in dated for q in interview.questions())

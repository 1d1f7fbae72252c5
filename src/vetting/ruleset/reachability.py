"""Can a question ever be asked, a finding rule ever fire? A bounded search for answers.

For each condition, the questions it reads (and those their own relevance reads)
are given every answer worth trying: each choice, and for numbers and dates the
bounds that conditions compare them with, one step either side. Dates judged
against a day are tried the day before, on, and after each bound. Past
`REACHABILITY_BUDGET` combinations, a condition is assumed reachable rather
than guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from vetting.ruleset import conditions as c
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.model import Question

#: Beyond this many answer combinations, reachability is assumed rather than proven.
REACHABILITY_BUDGET = 200_000


def unreachable(
    compiled: CompiledRuleSet, conditions: Iterable[Any]
) -> tuple[list[int], list[int]]:
    """The questions that can never be asked and the finding rules that can never fire.

    Both are given as indexes (in the rule set's asking order and finding order).
    `conditions` are every condition of the rule set: the answers worth trying,
    and the days worth judging on, come from them.
    """
    return unreachable_by(search_for(compiled, conditions), compiled)


def search_for(compiled: CompiledRuleSet, conditions: Iterable[Any]) -> Search:
    """The search over a rule set: its questions, the days and the values worth trying."""
    rs = compiled.ruleset
    days, nodes_by_q = search_space(compiled, conditions)
    return Search(
        questions=compiled.question_by_id,
        order=compiled.order,
        relevance=compiled.relevance,
        reads_of=compiled.depends_on,
        days=days,
        nodes_by_q=nodes_by_q,
        dated={q.id: reads_the_day(q.when, rs.definitions) for q in rs.questions},
    )


def unreachable_by(search: Search, compiled: CompiledRuleSet) -> tuple[list[int], list[int]]:
    """The questions and finding rules `search` finds no answers for (see `unreachable`)."""
    rs = compiled.ruleset
    questions = [
        i
        for i, q in enumerate(rs.questions)
        if q.when is not None
        and not search.satisfiable(
            compiled.relevance[q.id], compiled.depends_on[q.id], search.dated[q.id]
        )
    ]
    findings = [
        i
        for i, rule in enumerate(rs.findings)
        if not search.satisfiable(
            compiled.finding_conditions[rule.id],
            c.questions_read(rule.when, rs.definitions),
            reads_the_day(rule.when, rs.definitions),
        )
    ]
    return questions, findings


def search_space(
    compiled: CompiledRuleSet, conditions: Iterable[Any]
) -> tuple[list[dt.date], dict[str, list[Any]]]:
    """The days worth judging on (around each legal date, in order) and, per question,
    the condition nodes that test it (the values worth trying come from them)."""
    days = {compiled.ruleset.as_of}
    nodes_by_q: dict[str, list[Any]] = {}
    for cond in conditions:
        for _, node in c.iter_nodes(cond):
            if isinstance(node, c.JudgedDate):
                for bound in c.comparison_bounds(node.judged_date).values():
                    if isinstance(bound, dt.date):
                        days |= {bound - dt.timedelta(days=1), bound, bound + dt.timedelta(days=1)}
            if hasattr(node, "question"):
                nodes_by_q.setdefault(node.question, []).append(node)
    return sorted(days), nodes_by_q


def reads_the_day(cond: Any, definitions: Mapping[str, Any]) -> bool:
    """Whether a condition compares the judged date, directly or through definitions.

    A condition that never does has the same value on every day: the search tries it on
    one day instead of on every day around every legal date of the rule set.
    """
    return any(isinstance(node, c.JudgedDate) for node in c.nodes_read(cond, definitions))


@dataclass(frozen=True)
class Search:
    """What a search for satisfying answers needs from the compiled rule set."""

    questions: Mapping[str, Question]
    order: Mapping[str, int]
    relevance: Mapping[str, c.Predicate]
    #: Question id -> the questions its relevance reads.
    reads_of: Mapping[str, Iterable[str]]
    days: list[dt.date]
    #: Question id -> the condition nodes that test it.
    nodes_by_q: Mapping[str, list[Any]]
    #: Question id -> whether its own condition compares the judged date.
    dated: Mapping[str, bool]

    def satisfiable(self, target: c.Predicate, reads: Iterable[str], target_dated: bool) -> bool:
        """Whether some answers (and day) make `target` true; True past the budget."""
        cases = self.cases(reads, target_dated)
        if cases is None:
            return True  # too many cases to enumerate: assume reachable rather than guess
        ordered, options, days = cases
        return any(self._some_answers(target, ordered, options, 0, {}, day) for day in days)

    def cases(
        self, reads: Iterable[str], target_dated: bool
    ) -> tuple[list[str], list[list[Any]], list[dt.date]] | None:
        """The questions to answer (in asking order), the answers worth trying for each,
        and the days to try; None past `REACHABILITY_BUDGET` combinations."""
        closure: set[str] = set()
        stack = list(reads)
        while stack:
            qid = stack.pop()
            if qid in closure or qid not in self.questions:
                continue
            closure.add(qid)
            stack.extend(self.reads_of.get(qid, ()))
        ordered = sorted(closure, key=lambda qid: self.order[qid])
        options = [
            _candidates(self.questions[qid], self.nodes_by_q.get(qid, [])) for qid in ordered
        ]
        dated = target_dated or any(self.dated.get(qid, False) for qid in ordered)
        # Latest first: most dated conditions hold from a day on ("from 2 August 2026").
        days = self.days[::-1] if dated else self.days[:1]
        total = len(days)
        for opt in options:
            total *= max(1, len(opt))
        return None if total > REACHABILITY_BUDGET else (ordered, options, days)

    def _some_answers(
        self,
        target: c.Predicate,
        ordered: list[str],
        options: list[list[Any]],
        index: int,
        answers: dict[str, Any],
        day: dt.date,
    ) -> bool:
        """Depth first, in asking order: a question its earlier answers leave unasked is
        tried once, as absent, instead of once per choice (the same answers each time)."""
        if index == len(ordered):
            return target(answers, day) is True
        qid = ordered[index]
        rel = self.relevance.get(qid)
        if rel is not None and rel(answers, day) is False:
            answers[qid] = c.ABSENT
            found = self._some_answers(target, ordered, options, index + 1, answers, day)
        else:
            found = False
            for value in options[index]:
                answers[qid] = value
                if self._some_answers(target, ordered, options, index + 1, answers, day):
                    found = True
                    break
        del answers[qid]
        return found


def _candidates(q: Question, nodes: list[Any]) -> list[Any]:
    """Answers worth trying for a question when searching for a satisfying case."""
    if q.type == "single":
        return [ch.id for ch in q.choices]
    if q.type == "multiple":
        plain = [ch.id for ch in q.choices if not ch.exclusive]
        out: list[Any] = [[], *([ch.id] for ch in q.choices), plain]
        out.extend(list(n.includes_all) for n in nodes if isinstance(n, c.IncludesAll))
        return out
    values: list[Any] = []
    for n in nodes:
        if isinstance(n, c.Equals):
            values.append(n.equals)
        elif isinstance(n, c.In):
            values.extend(n.in_)
        elif isinstance(n, c.Compare):
            for bound in c.comparison_bounds(n).values():
                step: Any = dt.timedelta(days=1) if isinstance(bound, dt.date) else 1
                values.extend([bound - step, bound, bound + step])
    if q.type == "number":
        values.append(0)
    elif q.type == "text":
        values.append("")
    return values or [dt.date(2000, 1, 1) if q.type == "date" else "x"]


__all__ = [
    "REACHABILITY_BUDGET",
    "Search",
    "reads_the_day",
    "search_for",
    "search_space",
    "unreachable",
    "unreachable_by",
]

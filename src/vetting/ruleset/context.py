"""What every check of a rule set reads: the rule set, where its parts were written, the problems.

The semantic pass (check.py) and the checks of the claims (check_claims.py) share
it: each reports a problem at a place (a question, a finding rule, the manifest)
and a path inside it, which the source map turns into `file:line:col`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from vetting.errors import Problem, ProblemCollector
from vetting.ruleset import conditions as c
from vetting.ruleset.model import Question, RuleSet
from vetting.ruleset.slots import condition_slots, slot_condition, slot_path
from vetting.ruleset.sources import LoadedRuleSet, SourceMap
from vetting.yamlio import DocPath

#: Where an element was written: its file and its path in that file.
Place = tuple[str, DocPath]


class CheckContext:
    """A loaded rule set under check, its questions by id and asking order, its problems."""

    def __init__(self, loaded: LoadedRuleSet) -> None:
        self.rs: RuleSet = loaded.ruleset
        self.sm: SourceMap = loaded.sources
        self.out = ProblemCollector()
        #: What `vetting check` mentions without failing (a text the rule set does not require).
        self.warnings: list[Problem] = []
        self.manifest: Place | None = self.sm.places.get(("manifest", ""))
        self.by_id: dict[str, Question] = {}
        self.order: dict[str, int] = {}
        for index, q in enumerate(self.rs.questions):
            self.order.setdefault(q.id, index)
            self.by_id.setdefault(q.id, q)

    def problem(
        self, place: Place | None, sub: tuple[Any, ...], message: str, hint: str = ""
    ) -> None:
        """Report a problem at `sub` inside `place`."""
        pos, path = self.sm.at(place, *sub)
        self.out.add(pos if place else None, message, path, hint)

    def warn(self, place: Place | None, sub: tuple[Any, ...], message: str, hint: str = "") -> None:
        """Report something worth fixing at `sub` inside `place`, without failing the check."""
        pos, path = self.sm.at(place, *sub)
        self.warnings.append(Problem(pos if place else None, message, path, hint))

    def q_place(self, index: int) -> Place:
        """Where the question at `index` (in asking order) was written."""
        return self.sm.questions[index]

    def f_place(self, index: int) -> Place:
        """Where the finding rule at `index` was written."""
        return self.sm.findings[index]

    def expand_questions(self, cond: Any) -> set[str]:
        """Questions a condition reads, through definitions too."""
        return c.questions_read(cond, self.rs.definitions)

    def conditions(self) -> Iterator[tuple[Place | None, tuple[Any, ...], Any, int | None]]:
        """Every condition with its place and, for relevance, the asking index."""
        for slot in condition_slots(self.rs):
            kind = slot[0]
            place: Place | None
            if kind == "definition":
                place = self.sm.places.get(("definitions", slot[1]))
            elif kind in ("question", "choice_ko"):
                place = self.q_place(slot[1])
            else:
                place = self.f_place(slot[1])
            asked_at = slot[1] if kind == "question" else None
            yield place, slot_path(slot), slot_condition(self.rs, slot), asked_at


__all__ = ["CheckContext", "Place"]

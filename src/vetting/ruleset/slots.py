"""Where a rule set's conditions live: one walk shared by the checker, the scorer and the mutants.

A slot names one condition of the validated model: a definition's `when`, a
question's `when`, a choice's knock-out, a finding rule's `when` or its
knock-out. Walking the slots in one place keeps the checker, the scorer's date
bounds and the mutation operators looking at the same conditions, in the same
order.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from vetting.ruleset.model import RuleSet

#: Where a condition lives: ("definition", name), ("question", i) its `when`,
#: ("choice_ko", i, j) a choice's knock-out, ("finding", i), ("finding_ko", i).
Slot = tuple[Any, ...]


def condition_slots(rs: RuleSet) -> Iterator[Slot]:
    """Every slot holding a condition: definitions, then questions, then finding rules."""
    for name in rs.definitions:
        yield ("definition", name)
    for i, q in enumerate(rs.questions):
        if q.when is not None:
            yield ("question", i)
        for j, ch in enumerate(q.choices):
            if ch.knockout is not None and ch.knockout.when is not None:
                yield ("choice_ko", i, j)
    for i, rule in enumerate(rs.findings):
        yield ("finding", i)
        if rule.knockout is not None and rule.knockout.when is not None:
            yield ("finding_ko", i)


def slot_condition(rs: RuleSet, slot: Slot) -> Any:
    """The condition held in `slot`."""
    kind = slot[0]
    if kind == "question":
        return rs.questions[slot[1]].when
    if kind == "choice_ko":
        knockout = rs.questions[slot[1]].choices[slot[2]].knockout
        return knockout.when if knockout else None
    if kind == "finding":
        return rs.findings[slot[1]].when
    if kind == "finding_ko":
        knockout = rs.findings[slot[1]].knockout
        return knockout.when if knockout else None
    return rs.definitions[slot[1]].when


def slot_path(slot: Slot) -> tuple[str | int, ...]:
    """The path of the slot's condition inside its question, finding rule or definition."""
    kind = slot[0]
    if kind == "choice_ko":
        return ("choices", slot[2], "knockout", "when")
    if kind == "finding_ko":
        return ("knockout", "when")
    return ("when",)


def conditions_of(rs: RuleSet) -> Iterator[Any]:
    """Every condition of the rule set, in slot order."""
    for slot in condition_slots(rs):
        yield slot_condition(rs, slot)


__all__ = ["Slot", "condition_slots", "conditions_of", "slot_condition", "slot_path"]

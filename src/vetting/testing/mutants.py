"""The mutants of a rule set: each operator's changes, listed in a stable order, applied in memory.

An operator weakens one thing on the validated model: a knock-out dropped, a
choice's points zeroed, a condition negated or dropped (or one part of an
`all`/`any` dropped), two thresholds swapped, a question dropped. Each mutant
says what it changed and where (`file:line:col`), in the words of
docs/ruleset-*.md. `vetting.testing.mutate` judges them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from dataclasses import dataclass
from typing import Any, Literal

from vetting.errors import Position
from vetting.ruleset import conditions as c
from vetting.ruleset.describe import describe
from vetting.ruleset.model import RuleSet
from vetting.ruleset.slots import Slot, condition_slots, slot_condition, slot_path
from vetting.ruleset.sources import LoadedRuleSet

Operator = Literal[
    "drop_knockout",
    "zero_points",
    "negate_condition",
    "drop_condition",
    "swap_thresholds",
    "drop_question",
]
OPERATORS: tuple[Operator, ...] = (
    "drop_knockout",
    "zero_points",
    "negate_condition",
    "drop_condition",
    "swap_thresholds",
    "drop_question",
)

NodePath = tuple[str | int, ...]


@dataclass(frozen=True)
class Mutant:
    """One change to the rule set, with where it is and what it does, in words."""

    index: int
    operator: Operator
    target: tuple[Any, ...]
    description: str


# --------------------------------------------------------------------------- editing


def _replace(items: tuple[Any, ...], index: int, value: Any) -> tuple[Any, ...]:
    return (*items[:index], value, *items[index + 1 :])


def _set_slot(rs: RuleSet, slot: Slot, cond: Any) -> RuleSet:
    kind = slot[0]
    if kind == "question":
        q = rs.questions[slot[1]].model_copy(update={"when": cond})
        return rs.model_copy(update={"questions": _replace(rs.questions, slot[1], q)})
    if kind == "choice_ko":
        q = rs.questions[slot[1]]
        choice = q.choices[slot[2]]
        assert choice.knockout is not None
        knockout = choice.knockout.model_copy(update={"when": cond})
        choice = choice.model_copy(update={"knockout": knockout})
        q = q.model_copy(update={"choices": _replace(q.choices, slot[2], choice)})
        return rs.model_copy(update={"questions": _replace(rs.questions, slot[1], q)})
    if kind == "finding":
        rule = rs.findings[slot[1]].model_copy(update={"when": cond})
        return rs.model_copy(update={"findings": _replace(rs.findings, slot[1], rule)})
    if kind == "finding_ko":
        rule = rs.findings[slot[1]]
        assert rule.knockout is not None
        rule = rule.model_copy(update={"knockout": rule.knockout.model_copy(update={"when": cond})})
        return rs.model_copy(update={"findings": _replace(rs.findings, slot[1], rule)})
    definitions = dict(rs.definitions)
    definitions[slot[1]] = definitions[slot[1]].model_copy(update={"when": cond})
    return rs.model_copy(update={"definitions": definitions})


def _node_at(cond: Any, path: NodePath) -> Any:
    node = cond
    at = 0
    while at < len(path):
        key = path[at]
        if key == "not":
            node = node.not_
            at += 1
        else:
            node = getattr(node, str(key))[int(path[at + 1])]
            at += 2
    return node


def _replace_node(cond: Any, path: NodePath, new: Any) -> Any:
    if not path:
        return new
    key = path[0]
    if key == "not":
        return cond.model_copy(update={"not_": _replace_node(cond.not_, path[1:], new)})
    items: tuple[Any, ...] = getattr(cond, str(key))
    index = int(path[1])
    child = _replace_node(items[index], path[2:], new)
    return cond.model_copy(update={str(key): _replace(items, index, child)})


def _without_member(cond: Any, path: NodePath, member: int) -> Any:
    node = _node_at(cond, path)
    key = "all" if isinstance(node, c.AllOf) else "any"
    items: tuple[Any, ...] = getattr(node, key)
    return _replace_node(
        cond, path, node.model_copy(update={key: items[:member] + items[member + 1 :]})
    )


def _set_bound(cond: Any, path: NodePath, op: str, value: Any) -> Any:
    node = _node_at(cond, path)
    if isinstance(node, c.JudgedDate):
        bounds = node.judged_date.model_copy(update={op: value})
        return _replace_node(cond, path, node.model_copy(update={"judged_date": bounds}))
    return _replace_node(cond, path, node.model_copy(update={op: value}))


def apply_mutant(loaded: LoadedRuleSet, mutant: Mutant) -> LoadedRuleSet:
    """The loaded rule set with one mutation, ready for `check`; the original is untouched."""
    rs = loaded.ruleset
    sources = loaded.sources
    op, target = mutant.operator, mutant.target
    if op == "drop_knockout":
        if target[0] == "choice":
            q = rs.questions[target[1]]
            choice = q.choices[target[2]].model_copy(update={"knockout": None})
            q = q.model_copy(update={"choices": _replace(q.choices, target[2], choice)})
            rs = rs.model_copy(update={"questions": _replace(rs.questions, target[1], q)})
        else:
            rule = rs.findings[target[1]].model_copy(update={"knockout": None})
            rs = rs.model_copy(update={"findings": _replace(rs.findings, target[1], rule)})
    elif op == "zero_points":
        q = rs.questions[target[1]]
        choice = q.choices[target[2]].model_copy(update={"points": {}})
        q = q.model_copy(update={"choices": _replace(q.choices, target[2], choice)})
        rs = rs.model_copy(update={"questions": _replace(rs.questions, target[1], q)})
    elif op == "negate_condition":
        cond = slot_condition(rs, target[0])
        rs = _set_slot(rs, target[0], cond.not_ if isinstance(cond, c.Not) else c.Not(not_=cond))
    elif op == "drop_condition":
        slot, path, member = target
        if member is None:
            rs = _set_slot(rs, slot, None)
        else:
            rs = _set_slot(rs, slot, _without_member(slot_condition(rs, slot), path, member))
    elif op == "swap_thresholds":
        if target[0] == "levels":
            levels = rs.scoring.levels
            a, b = target[1], target[2]
            levels = levels.model_copy(update={a: getattr(levels, b), b: getattr(levels, a)})
            rs = rs.model_copy(update={"scoring": rs.scoring.model_copy(update={"levels": levels})})
        else:
            (slot_a, path_a, op_a, value_a), (slot_b, path_b, op_b, value_b) = target[1], target[2]
            # One after the other: both bounds may sit in the same condition.
            cond_a = _set_bound(slot_condition(rs, slot_a), path_a, op_a, value_b)
            rs = _set_slot(rs, slot_a, cond_a)
            cond_b = _set_bound(slot_condition(rs, slot_b), path_b, op_b, value_a)
            rs = _set_slot(rs, slot_b, cond_b)
    elif op == "drop_question":
        index = target[1]
        rs = rs.model_copy(update={"questions": rs.questions[:index] + rs.questions[index + 1 :]})
        questions = sources.questions[:index] + sources.questions[index + 1 :]
        sources = dataclasses.replace(sources, questions=questions)
    return dataclasses.replace(loaded, ruleset=rs, sources=sources)


# --------------------------------------------------------------------------- listing


class _Describer:
    """Where a thing is and what it says, in the words of docs/ruleset-*.md."""

    def __init__(self, loaded: LoadedRuleSet) -> None:
        self.loaded = loaded
        rs = loaded.ruleset
        self.labels = {
            name: d.label.get("en") or next(iter(d.label.values()))
            for name, d in rs.definitions.items()
        }

    def where(self, slot_or_place: Slot, *sub: str | int) -> str:
        sm = self.loaded.sources
        kind = slot_or_place[0]
        position: Position
        if kind in ("question", "choice_ko"):
            position, _ = sm.at(sm.questions[slot_or_place[1]], *sub)
        elif kind in ("finding", "finding_ko"):
            position, _ = sm.at(sm.findings[slot_or_place[1]], *sub)
        elif kind == "definition":
            position, _ = sm.locate("definitions", slot_or_place[1], *sub)
        else:
            position, _ = sm.locate("scoring", "", *sub)
        return str(position)

    def words(self, cond: Any) -> str:
        return describe(cond, "en", self.labels) if cond is not None else "(always)"

    def slot_name(self, slot: Slot) -> str:
        rs = self.loaded.ruleset
        kind = slot[0]
        if kind == "question":
            return f"question {rs.questions[slot[1]].id}"
        if kind == "choice_ko":
            q = rs.questions[slot[1]]
            return f"the knock-out on {q.id}={q.choices[slot[2]].id}"
        if kind == "finding":
            return f"finding rule {rs.findings[slot[1]].id}"
        if kind == "finding_ko":
            return f"the knock-out of finding rule {rs.findings[slot[1]].id}"
        return f"definition {slot[1]}"


def _points(points: dict[str, float]) -> str:
    return ", ".join(f"{pool} {value:g}" for pool, value in points.items() if value)


def list_mutants(loaded: LoadedRuleSet) -> list[Mutant]:
    """Every mutant of a rule set, in a stable order (the same in every process)."""
    rs = loaded.ruleset
    say = _Describer(loaded)
    found: list[tuple[Operator, tuple[Any, ...], str]] = []

    for i, q in enumerate(rs.questions):
        for j, ch in enumerate(q.choices):
            if ch.knockout is not None:
                where = say.where(("question", i), "choices", j, "knockout")
                found.append(
                    (
                        "drop_knockout",
                        ("choice", i, j),
                        f"dropped the knock-out on {q.id}={ch.id} ({where})",
                    )
                )
    for i, rule in enumerate(rs.findings):
        if rule.knockout is not None:
            where = say.where(("finding", i), "knockout")
            found.append(
                (
                    "drop_knockout",
                    ("finding", i),
                    f"dropped the knock-out of finding rule {rule.id} ({where})",
                )
            )

    for i, q in enumerate(rs.questions):
        for j, ch in enumerate(q.choices):
            if any(ch.points.values()):
                where = say.where(("question", i), "choices", j, "points")
                found.append(
                    (
                        "zero_points",
                        ("question", i, j),
                        f"zeroed the points of {q.id}={ch.id} ({_points(ch.points)}) ({where})",
                    )
                )

    for slot in condition_slots(rs):
        cond = slot_condition(rs, slot)
        where = say.where(slot, *slot_path(slot))
        name = say.slot_name(slot)
        found.append(
            (
                "negate_condition",
                (slot,),
                f"negated the condition of {name}: {say.words(cond)} ({where})",
            )
        )
        if slot[0] in ("question", "choice_ko", "finding_ko"):
            found.append(
                (
                    "drop_condition",
                    (slot, (), None),
                    f"dropped the condition of {name}: {say.words(cond)} ({where})",
                )
            )
        for path, node in sorted(c.iter_nodes(cond), key=lambda item: str(item[0])):
            if isinstance(node, c.AllOf | c.AnyOf):
                members = node.all if isinstance(node, c.AllOf) else node.any
                if len(members) < 2:
                    continue
                for k, member in enumerate(members):
                    found.append(
                        (
                            "drop_condition",
                            (slot, path, k),
                            f"dropped [{say.words(member)}] from the condition of {name}: "
                            f"{say.words(cond)} ({where})",
                        )
                    )

    levels = rs.scoring.levels
    for a, b in itertools.combinations(("moderate", "high", "critical"), 2):
        found.append(
            (
                "swap_thresholds",
                ("levels", a, b),
                f"swapped the {a} ({getattr(levels, a):g}) and {b} ({getattr(levels, b):g}) "
                f"level thresholds ({say.where(('scoring',), 'levels')})",
            )
        )
    bounds: list[tuple[Slot, NodePath, str, Any, str]] = []
    for slot in condition_slots(rs):
        cond = slot_condition(rs, slot)
        for path, node in sorted(c.iter_nodes(cond), key=lambda item: str(item[0])):
            holder = node.judged_date if isinstance(node, c.JudgedDate) else node
            if isinstance(node, c.JudgedDate | c.Compare):
                for op, value in c.comparison_bounds(holder).items():
                    bounds.append((slot, path, op, value, say.slot_name(slot)))
    for first, second in itertools.combinations(bounds, 2):
        if isinstance(first[3], dt.date) != isinstance(second[3], dt.date) or first[3] == second[3]:
            continue
        found.append(
            (
                "swap_thresholds",
                ("bounds", first[:4], second[:4]),
                f"swapped the thresholds {_bound(first[3])} ({first[4]}, "
                f"{say.where(first[0], *slot_path(first[0]))}) and {_bound(second[3])} "
                f"({second[4]}, {say.where(second[0], *slot_path(second[0]))})",
            )
        )

    for i, q in enumerate(rs.questions):
        found.append(
            (
                "drop_question",
                ("question", i),
                f"dropped the question {q.id} ({say.where(('question', i))})",
            )
        )

    return [Mutant(index, op, target, text) for index, (op, target, text) in enumerate(found)]


def _bound(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else f"{value:g}"

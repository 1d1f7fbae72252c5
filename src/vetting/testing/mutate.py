"""The mutation self-check: would the scenarios notice if the rules were weakened?

Each mutant is the rule set with one systematic change, made in memory on the
validated model: a knock-out dropped, a choice's points zeroed, a condition
negated or dropped (or one part of an `all`/`any` dropped), two thresholds
swapped, a question dropped. Then:

- a mutant that `vetting check` rejects is not counted (the checker caught it);
- a mutant is **caught** when at least one scenario fails with it (an error,
  such as a question that no longer exists, counts as a failure);
- a mutant that no scenario catches and that changes no outcome (verdict,
  level, knock-outs, findings and their severities, questions asked) on any
  scenario or example answers file is **equivalent**: reported apart, not
  counted;
- the others are **missed**: the scenarios would let that change through.

The mutation score is caught / (caught + missed). Scenarios run in-process,
through the same interpreter as `vetting test`; mutants are spread over
worker processes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import os
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from vetting.assess.answers import read_answers
from vetting.assess.assessment import Assessment
from vetting.assess.score import score
from vetting.errors import Position, VettingError
from vetting.ruleset import conditions as c
from vetting.ruleset.check import check
from vetting.ruleset.describe import describe
from vetting.ruleset.load import LoadedRuleSet, load_folder
from vetting.ruleset.model import RuleSet
from vetting.testing.features import Scenario, parse_feature
from vetting.testing.steps import run_scenario
from vetting.testing.world import Outcome, RuleSets, outcome_of

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
Verdict = Literal["rejected", "caught", "missed", "equivalent"]

#: Where a condition lives: ("question", i) its `when`, ("choice_ko", i, j) a choice's
#: knock-out, ("finding", i), ("finding_ko", i), ("definition", name).
Slot = tuple[Any, ...]
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


def _get_slot(rs: RuleSet, slot: Slot) -> Any:
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
        cond = _get_slot(rs, target[0])
        rs = _set_slot(rs, target[0], cond.not_ if isinstance(cond, c.Not) else c.Not(not_=cond))
    elif op == "drop_condition":
        slot, path, member = target
        if member is None:
            rs = _set_slot(rs, slot, None)
        else:
            rs = _set_slot(rs, slot, _without_member(_get_slot(rs, slot), path, member))
    elif op == "swap_thresholds":
        if target[0] == "levels":
            levels = rs.scoring.levels
            a, b = target[1], target[2]
            levels = levels.model_copy(update={a: getattr(levels, b), b: getattr(levels, a)})
            rs = rs.model_copy(update={"scoring": rs.scoring.model_copy(update={"levels": levels})})
        else:
            (slot_a, path_a, op_a, value_a), (slot_b, path_b, op_b, value_b) = target[1], target[2]
            rs = _set_slot(rs, slot_a, _set_bound(_get_slot(rs, slot_a), path_a, op_a, value_b))
            rs = _set_slot(rs, slot_b, _set_bound(_get_slot(rs, slot_b), path_b, op_b, value_a))
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

    def slot_sub(self, slot: Slot) -> tuple[str | int, ...]:
        kind = slot[0]
        if kind == "choice_ko":
            return ("choices", slot[2], "knockout", "when")
        if kind == "finding_ko":
            return ("knockout", "when")
        return ("when",)


def _slots(rs: RuleSet) -> Iterator[Slot]:
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

    for slot in _slots(rs):
        cond = _get_slot(rs, slot)
        where = say.where(slot, *say.slot_sub(slot))
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
    for slot in _slots(rs):
        cond = _get_slot(rs, slot)
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
                f"{say.where(first[0], *say.slot_sub(first[0]))}) and {_bound(second[3])} "
                f"({second[4]}, {say.where(second[0], *say.slot_sub(second[0]))})",
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


# --------------------------------------------------------------------------- running


@dataclass
class _Context:
    """What every worker needs, built once per process."""

    loaded: LoadedRuleSet
    folder: Path
    rulesets: RuleSets
    scenarios: list[Scenario]
    original: dict[int, tuple[Outcome, ...]]
    examples: list[tuple[Path, str]]
    example_outcomes: dict[int, Outcome]
    mutants: list[Mutant]
    order: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Setup:
    """The inputs of a mutation run (plain data, so that worker processes can rebuild it)."""

    root: Path
    rules: Path
    features: tuple[Path, ...]
    examples: tuple[Path, ...] = ()


class MutationSetupError(Exception):
    """The scenarios do not all pass on the original rule set: nothing to measure."""


def _example_outcome(rulesets: RuleSets, path: Path, display: str) -> Outcome:
    compiled = rulesets.get(None)
    answers, _ = read_answers(rulesets.document(path, display), compiled)
    assessment: Assessment = score(compiled, answers, explain=False)
    return outcome_of(assessment, answers)


def _build(setup: Setup) -> _Context:
    folder = setup.rules.resolve()
    loaded = load_folder(folder, _display(folder, setup.root))
    rulesets = RuleSets(setup.root, folder)
    original_compiled = rulesets.get(None)
    rulesets = rulesets.with_override(folder, original_compiled)
    scenarios = [s for path in setup.features for s in parse_feature(path, setup.root).scenarios]
    original: dict[int, tuple[Outcome, ...]] = {}
    failing: list[str] = []
    for index, scenario in enumerate(scenarios):
        result = run_scenario(scenario, rulesets)
        if result.status != "passed":
            failing.append(f"{scenario.where}: {scenario.name}")
        original[index] = result.outcomes
    if failing:
        raise MutationSetupError(
            "the scenarios must pass on the rule set before mutating it; failing: "
            + "; ".join(failing)
        )
    examples: list[tuple[Path, str]] = []
    example_outcomes: dict[int, Outcome] = {}
    for path in setup.examples:
        display = _display(path, setup.root)
        try:
            outcome = _example_outcome(rulesets, path, display)
        except VettingError:
            continue  # not an answers file of this rule set: nothing to compare
        example_outcomes[len(examples)] = outcome
        examples.append((path, display))
    return _Context(
        loaded=loaded,
        folder=folder,
        rulesets=rulesets,
        scenarios=scenarios,
        original=original,
        examples=examples,
        example_outcomes=example_outcomes,
        mutants=list_mutants(loaded),
        order=list(range(len(scenarios))),
    )


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _judge(ctx: _Context, mutant: Mutant) -> tuple[Verdict, str]:
    """Check, then run every scenario and example against one mutant."""
    try:
        compiled = check(apply_mutant(ctx.loaded, mutant))
    except VettingError as exc:
        first = exc.problems[0].message if exc.problems else ""
        return "rejected", first
    rulesets = ctx.rulesets.with_override(ctx.folder, compiled)
    differs = False
    for position, index in enumerate(ctx.order):
        scenario = ctx.scenarios[index]
        result = run_scenario(scenario, rulesets)
        if result.status != "passed":
            # The scenario that caught this mutant is tried first on the next one.
            ctx.order.insert(0, ctx.order.pop(position))
            return "caught", scenario.where
        differs = differs or result.outcomes != ctx.original[index]
    if not differs:
        for index, (path, display) in enumerate(ctx.examples):
            try:
                outcome = _example_outcome(rulesets, path, display)
            except VettingError:
                differs = True
                break
            if outcome != ctx.example_outcomes[index]:
                differs = True
                break
    return ("missed", "") if differs else ("equivalent", "")


_WORKER: _Context | None = None


def _init_worker(setup: Setup) -> None:
    global _WORKER
    _WORKER = _build(setup)


def _work(indexes: Sequence[int]) -> list[tuple[int, Verdict, str]]:
    assert _WORKER is not None
    return [(i, *_judge(_WORKER, _WORKER.mutants[i])) for i in indexes]


@dataclass
class MutationReport:
    """What the self-check found; the score counts caught and missed mutants only."""

    rules: str
    mutants: list[Mutant]
    verdicts: dict[int, tuple[Verdict, str]]
    scenarios: int
    examples: int
    seconds: float

    def of(self, verdict: Verdict) -> list[Mutant]:
        return [m for m in self.mutants if self.verdicts[m.index][0] == verdict]

    @property
    def counted(self) -> int:
        return len(self.of("caught")) + len(self.of("missed"))

    @property
    def score(self) -> float:
        """Caught / counted, in percent (100 when nothing is counted)."""
        if not self.counted:
            return 100.0
        return 100.0 * len(self.of("caught")) / self.counted

    def by_operator(self) -> dict[str, dict[str, int]]:
        table: dict[str, dict[str, int]] = {}
        for m in self.mutants:
            row = table.setdefault(
                m.operator, dict.fromkeys(("rejected", "caught", "missed", "equivalent"), 0)
            )
            row[self.verdicts[m.index][0]] += 1
        return table


def run_mutations(
    setup: Setup,
    *,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> MutationReport:
    """Build every mutant, judge each, and report; raises `MutationSetupError` first if
    a scenario fails on the original rule set."""
    started = time.perf_counter()
    ctx = _build(setup)
    total = len(ctx.mutants)
    wanted = workers if workers is not None else min(4, os.cpu_count() or 1)
    verdicts: dict[int, tuple[Verdict, str]] = {}
    if wanted <= 1 or total < 40:
        for mutant in ctx.mutants:
            verdicts[mutant.index] = _judge(ctx, mutant)
            if progress:
                progress(len(verdicts), total)
    else:
        # Small interleaved chunks: neighbouring mutants cost alike (one file, one kind).
        chunks = [list(range(start, total, wanted * 8)) for start in range(wanted * 8)]
        with ProcessPoolExecutor(
            max_workers=wanted, initializer=_init_worker, initargs=(setup,)
        ) as pool:
            for batch in pool.map(_work, chunks):
                for index, verdict, detail in batch:
                    verdicts[index] = (verdict, detail)
                if progress:
                    progress(len(verdicts), total)
    return MutationReport(
        rules=_display(ctx.folder, setup.root),
        mutants=ctx.mutants,
        verdicts=verdicts,
        scenarios=len(ctx.scenarios),
        examples=len(ctx.examples),
        seconds=time.perf_counter() - started,
    )

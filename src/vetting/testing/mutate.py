"""The mutation self-check: would the scenarios notice if the rules were weakened?

Each mutant is the rule set with one systematic change, made in memory on the
validated model: a knock-out dropped, a choice's points zeroed, a condition
negated or dropped (or one part of an `all`/`any` dropped), two thresholds
swapped, a question dropped. Then:

- a mutant that `vetting check` rejects is not counted (the checker caught it);
- a mutant is **caught** when at least one scenario fails with it (an error,
  such as a question that no longer exists, counts as a failure);
- a mutant that no scenario catches and that changes nothing (verdict, level,
  knock-outs, findings and their severities, questions asked, score, points)
  on any scenario or example answers file is **equivalent**: reported apart,
  not counted;
- one that changes only figures (a score, a pool's points) and that no
  scenario catches is **silent**: reported apart and counted as missed (the
  scenarios would let a weakened weighting through);
- the others are **missed**: the scenarios would let that change through.

The mutation score is caught / (caught + silent + missed). Scenarios run in-process,
through the same interpreter as `vetting test`; mutants are spread over
worker processes.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from vetting.assess.answers import read_answers
from vetting.assess.assessment import Assessment
from vetting.assess.score import score
from vetting.errors import VettingError
from vetting.ruleset.check import check
from vetting.ruleset.load import load_folder
from vetting.ruleset.sources import LoadedRuleSet
from vetting.testing.features import Scenario, parse_feature
from vetting.testing.mutants import Mutant, apply_mutant, list_mutants
from vetting.testing.runner import run_scenario
from vetting.testing.world import Outcome, RuleSets, outcome_of

Verdict = Literal["rejected", "caught", "missed", "silent", "equivalent"]
VERDICTS: tuple[Verdict, ...] = ("rejected", "caught", "missed", "silent", "equivalent")


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
    decides, figures = False, False
    for position, index in enumerate(ctx.order):
        scenario = ctx.scenarios[index]
        result = run_scenario(scenario, rulesets)
        if result.status != "passed":
            # The scenario that caught this mutant is tried first on the next one.
            ctx.order.insert(0, ctx.order.pop(position))
            return "caught", scenario.where
        decides = decides or _decisions(result.outcomes) != _decisions(ctx.original[index])
        figures = figures or result.outcomes != ctx.original[index]
    if not decides:
        for index, (path, display) in enumerate(ctx.examples):
            try:
                outcome = _example_outcome(rulesets, path, display)
            except VettingError:
                decides = True
                break
            original = ctx.example_outcomes[index]
            if outcome.decision() != original.decision():
                decides = True
                break
            figures = figures or outcome != original
    if decides:
        return "missed", ""
    return ("silent", "") if figures else ("equivalent", "")


def _decisions(outcomes: Sequence[Outcome]) -> list[tuple[object, ...]]:
    return [outcome.decision() for outcome in outcomes]


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
        """Caught, missed and silent: every mutant that changes something."""
        return len(self.of("caught")) + len(self.of("missed")) + len(self.of("silent"))

    @property
    def score(self) -> float:
        """Caught / counted, in percent (100 when nothing is counted)."""
        if not self.counted:
            return 100.0
        return 100.0 * len(self.of("caught")) / self.counted

    def by_operator(self) -> dict[str, dict[str, int]]:
        table: dict[str, dict[str, int]] = {}
        for m in self.mutants:
            row = table.setdefault(m.operator, dict.fromkeys(VERDICTS, 0))
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

"""Running a scenario: its steps in order, each matched in the table and run on one world.

The pytest plugin and the mutation self-check both run scenarios through
`run_scenario`, so "a mutant is caught" means exactly "a scenario of
`vetting test` would fail".
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from vetting.errors import Problem, VettingError
from vetting.testing.expect import StepFailed
from vetting.testing.features import Scenario, Step
from vetting.testing.matching import STEP_LANGUAGES
from vetting.testing.steps import match_step
from vetting.testing.world import Outcome, RuleSets, World

Status = Literal["passed", "failed", "error", "skipped"]


@dataclass(frozen=True)
class StepResult:
    """How one step went."""

    step: Step
    status: Status
    message: str = ""


@dataclass(frozen=True)
class ScenarioResult:
    """How one scenario went, with what it produced (for the mutation self-check)."""

    scenario: Scenario
    status: Literal["passed", "failed", "error"]
    steps: tuple[StepResult, ...]
    message: str = ""
    outcomes: tuple[Outcome, ...] = ()

    @property
    def failed_step(self) -> Step | None:
        for result in self.steps:
            if result.status in ("failed", "error"):
                return result.step
        return None


def crash_message(exc: BaseException) -> str:
    """What a step that crashed says: the exception and where it was raised."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return (
        f"crashed: {type(exc).__name__}: {exc}{where} "
        "(a bug in vetting or in a step: please report it)"
    )


def run_scenario(scenario: Scenario, rulesets: RuleSets) -> ScenarioResult:
    """Run a scenario's steps in order; stop at the first that fails."""
    lang = scenario.language if scenario.language in STEP_LANGUAGES else "en"
    world = World(rulesets, scenario.file, scenario.name, scenario.line)
    results: list[StepResult] = []
    status: Literal["passed", "failed", "error"] = "passed"
    message = ""
    checks = 0
    for step in scenario.steps:
        if status != "passed":
            results.append(StepResult(step, "skipped"))
            continue
        try:
            definition, args = match_step(step, scenario)
            checks += definition.kind == "then"
            definition.run(world, args, step, lang)
        except StepFailed as exc:
            status, message = "failed", str(exc)
            results.append(StepResult(step, "failed", message))
            continue
        except VettingError as exc:
            status, message = "error", "\n".join(str(p) for p in exc.problems)
            results.append(StepResult(step, "error", message))
            continue
        except Exception as exc:  # a crash is an error of this scenario, never a silence
            status, message = "error", crash_message(exc)
            results.append(StepResult(step, "error", message))
            continue
        results.append(StepResult(step, "passed"))
    if status == "passed" and checks == 0:
        status = "error"
        message = str(
            Problem(
                scenario.position(),
                "this scenario checks nothing",
                hint='add a Then step, e.g. Then the verdict is "reject"',
            )
        )
    return ScenarioResult(scenario, status, tuple(results), message, tuple(world.outcomes))

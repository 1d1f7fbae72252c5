"""vetting's rule tests under pytest-bdd: the shipped step table as a pytest-bdd step library.

A team that already runs pytest-bdd writes one test module beside `rules/`
and `features/`:

    from vetting.testing.bdd import scenarios; scenarios("features")

and pytest runs every scenario with pytest-bdd's own collection (one test per
scenario, Outlines parametrised by their Examples). The steps are not copied:
one pytest-bdd step, put in that module, matches any step text through
`steps.match_step` (the table `vetting test` uses, both languages, the same
typographic leniency, the same "unknown step, did you mean" error) and runs
the same step function on the same `World`. pytest-bdd hands its scenario and
step to the hooks below, which keep vetting's view of them (positions, tables)
on the test item; a scenario whose steps check nothing is an error, as under
`vetting test`. With `--vetting-report FILE`, each scenario's result is written
in the format `vetting test` reads, so the two runners can be compared.

`vetting test` and `--mutate` keep their own in-process runner (`runner.py`):
it needs no test module, reads failures as the author wrote the step, and runs
thousands of mutants fast. This module is registered by the vetting pytest
plugin when pytest-bdd is installed; it imports vetting's scorer only when a
scenario runs.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pytest
from pytest_bdd import parsers
from pytest_bdd import scenario as bdd_scenario
from pytest_bdd import step as bdd_step

if TYPE_CHECKING:
    from pytest_bdd.parser import Feature as BddFeature
    from pytest_bdd.parser import Scenario as BddScenario
    from pytest_bdd.parser import Step as BddStep

    from vetting.testing.features import Scenario, Step
    from vetting.testing.world import World

#: Marks the test functions made by `scenarios`, so the hooks leave other pytest-bdd tests alone.
_MARK = "__vetting_bdd__"
#: The name of the one step fixture put in the test module.
_STEP_FIXTURE = "vetting_step"


@dataclass
class _Run:
    """One scenario as vetting sees it, kept on the test item while pytest-bdd runs it."""

    scenario: Scenario
    world: World
    step: Step | None = None
    checks: int = 0
    status: Literal["passed", "failed", "error"] = "passed"
    message: str = ""


_RUN = pytest.StashKey[_Run]()


class AnyStep(parsers.StepParser):
    """Matches every step text: `steps.match_step` decides, as in `vetting test`."""

    def __init__(self) -> None:
        super().__init__("<a vetting step>")

    def parse_arguments(self, name: str) -> dict[str, Any]:
        return {}

    def is_matching(self, name: str) -> bool:
        return True


def scenarios(*paths: str, features_base_dir: str | None = None) -> None:
    """Every scenario of the feature files under `paths`, as tests of the calling module.

    Paths are relative to `features_base_dir`, by default the calling module's
    folder. Also puts vetting's step in the module (stacklevel: pytest-bdd's
    documented way to register a step in a module other than its own).
    """
    caller = sys._getframe(1).f_globals
    base = Path(features_base_dir or Path(str(caller["__file__"])).resolve().parent)
    bdd_step(AnyStep(), stacklevel=2)(_run_step)
    used = set(caller)
    for path, names in _scenario_names(base, paths):
        for name in names:

            def test() -> None:
                """The scenario's steps run in pytest-bdd's scenario wrapper."""

            made = bdd_scenario(str(path), name, features_base_dir=str(base))(test)
            setattr(made, _MARK, True)
            slug = re.sub(r"\W+", "_", f"{path.stem}_{name}".lower()).strip("_")
            test_name, n = f"test_{slug}", 1
            while test_name in used:
                n += 1
                test_name = f"test_{slug}_{n}"
            used.add(test_name)
            caller[test_name] = made


def _scenario_names(base: Path, paths: tuple[str, ...]) -> Iterator[tuple[Path, list[str]]]:
    """Each feature file under `paths` with its scenario names as pytest-bdd knows them.

    Files are found as `vetting test` finds them (sorted, hidden folders
    skipped, a wrong path an error); the names are pytest-bdd's (an Outline's
    name before its Examples fill it in).
    """
    from pytest_bdd.feature import get_feature

    from vetting.testing.features import find_features

    roots = [Path(p) if os.path.isabs(p) else base / p for p in paths]
    for path in find_features(roots):
        _refuse_twins(path)
        yield path, list(get_feature(str(base), str(path)).scenarios)


def _refuse_twins(path: Path) -> None:
    """Two scenarios of one file with the same name: an error, not a silent loss.

    pytest-bdd binds a scenario by its name, so of two twins (say, one Scenario Outline
    per Rule, named alike) it would run only the last, and `vetting test` all of them.
    """
    from gherkin.parser import Parser

    from vetting.errors import Position, Problem, VettingError

    feature: Any = Parser().parse(path.read_text(encoding="utf-8")).get("feature") or {}
    seen: dict[str, int] = {}
    problems = []
    children = list(feature.get("children", ()))
    while children:
        child = children.pop(0)
        if "rule" in child:
            children[:0] = child["rule"].get("children", ())
            continue
        scenario = child.get("scenario")
        if scenario is None:
            continue
        name, line = scenario["name"], scenario["location"]["line"]
        if name in seen:
            problems.append(
                Problem(
                    Position(str(path), line, scenario["location"]["column"]),
                    f"a scenario named like the one at line {seen[name]}: {name!r}",
                    hint="pytest-bdd runs scenarios by name and would run only one of them: "
                    "give each a name of its own",
                )
            )
        seen.setdefault(name, line)
    if problems:
        raise VettingError(problems)


def _run_step(request: pytest.FixtureRequest) -> None:
    """One step: matched in vetting's table, run on the scenario's world."""
    from vetting.errors import VettingError
    from vetting.testing.expect import StepFailed
    from vetting.testing.matching import STEP_LANGUAGES
    from vetting.testing.runner import crash_message
    from vetting.testing.steps import match_step

    run = request.node.stash[_RUN]
    step = run.step
    assert step is not None, "pytest-bdd ran a step without announcing it"
    lang = run.scenario.language if run.scenario.language in STEP_LANGUAGES else "en"
    try:
        definition, args = match_step(step, run.scenario)
        run.checks += definition.kind == "then"
        definition.run(run.world, args, step, lang)
    except StepFailed as exc:
        run.status, run.message = "failed", str(exc)
        raise
    except VettingError as exc:
        run.status, run.message = "error", "\n".join(str(p) for p in exc.problems)
        raise
    except Exception as exc:
        run.status, run.message = "error", crash_message(exc)
        raise


# --------------------------------------------------------------------------- pytest-bdd hooks


def _ours(request: pytest.FixtureRequest) -> bool:
    return bool(getattr(getattr(request.node, "function", None), _MARK, False))


def pytest_bdd_before_scenario(
    request: pytest.FixtureRequest, feature: BddFeature, scenario: BddScenario
) -> None:
    if not _ours(request):
        return
    from vetting.testing.features import Scenario, display_path
    from vetting.testing.plugin import rulesets
    from vetting.testing.world import World

    root = request.config.rootpath
    file = display_path(Path(feature.filename), root)
    ours = Scenario(
        file=file,
        feature=feature.name,
        name=scenario.name,
        line=scenario.line_number,
        language=feature.language,
        steps=(),
        tags=tuple(sorted(scenario.tags)),
    )
    world = World(rulesets(request.config), file, scenario.name, scenario.line_number)
    request.node.stash[_RUN] = _Run(ours, world)


def pytest_bdd_before_step(
    request: pytest.FixtureRequest,
    feature: BddFeature,
    scenario: BddScenario,
    step: BddStep,
    step_func: object,
) -> None:
    run = request.node.stash.get(_RUN, None)
    if run is not None:
        run.step = _step(step)


def pytest_bdd_step_func_lookup_error(
    request: pytest.FixtureRequest,
    feature: BddFeature,
    scenario: BddScenario,
    step: BddStep,
    exception: Exception,
) -> None:
    run = request.node.stash.get(_RUN, None)
    if run is not None:  # another module's step of the same name shadows ours
        run.status, run.message = "error", str(exception)


def pytest_bdd_after_scenario(
    request: pytest.FixtureRequest, feature: BddFeature, scenario: BddScenario
) -> None:
    run = request.node.stash.get(_RUN, None)
    if run is None:
        return
    from vetting.errors import Problem, VettingError
    from vetting.testing.plugin import record_result

    failed = run.status != "passed"
    if not failed and run.checks == 0:
        run.status = "error"
        problem = Problem(
            run.scenario.position(),
            "this scenario checks nothing",
            hint='add a Then step, e.g. Then the verdict is "reject"',
        )
        run.message = str(problem)
    record_result(request.node, run.scenario, run.status, run.step if failed else None, run.message)
    if run.status != "passed" and not failed:
        raise VettingError(problem)


def _step(step: BddStep) -> Step:
    """pytest-bdd's step (Outline values filled in) as vetting's, with its table's cells."""
    from vetting.testing.features import Cell, Step

    table = None
    if step.datatable is not None:
        table = tuple(
            tuple(Cell(cell.value, cell.location.line, cell.location.column) for cell in row.cells)
            for row in step.datatable.rows
        )
    return Step(
        keyword=step.keyword,
        text=step.name,
        line=step.line_number,
        col=step.indent + 1,
        table=table,
    )

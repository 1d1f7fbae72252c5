"""The pytest plugin: `.feature` files become tests, with no Python to write.

Registered under the `pytest11` entry point, so installing vetting makes it
available to pytest; it stays silent until asked. It collects `*.feature` files
only with `--vetting` (or `--vetting-rules DIR`, or `vetting_features = true`
in the pytest configuration), so that a project's own pytest-bdd features are
never touched.

Each scenario (and each Examples row of a Scenario Outline) is one test item,
run by the same interpreter as the mutation self-check
(`vetting.testing.runner.run_scenario`). Why not pytest-bdd's `scenarios()`:
it binds steps to a Python test module and its fixtures, so a rule author
would need a module per folder; here a folder with `rules/` and `features/`
is all it takes, a failure reads as the rule author wrote the step, and "a
mutant is caught" means exactly "a scenario fails". The Gherkin parser is the
one pytest-bdd 9 uses (the official `gherkin`), so the syntax, the French
keywords and the Outlines are the same.

    pytest --vetting features/                       # ./rules/health-ai or the embedded set
    pytest --vetting --vetting-rules rules/mine features/
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:  # the plugin loads in every pytest run: vetting's core only when used
    from vetting.testing.features import Feature, Scenario, Step
    from vetting.testing.runner import ScenarioResult
    from vetting.testing.world import RuleSets

FEATURE_SUFFIX = ".feature"
_RULES = pytest.StashKey[str | None]()
_RULESETS = pytest.StashKey["RuleSets"]()

#: user_properties key under which an item hands its result to the report.
_PROPERTY = "vetting_scenario"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("vetting", "vetting rule tests (Gherkin features)")
    group.addoption(
        "--vetting",
        action="store_true",
        default=False,
        help="collect *.feature files as vetting rule tests",
    )
    group.addoption(
        "--vetting-rules",
        metavar="DIR",
        default=None,
        help="rule set of scenarios that name none (default: ./rules/health-ai, else the "
        "embedded one); implies --vetting",
    )
    group.addoption(
        "--vetting-report",
        metavar="FILE",
        default=None,
        help="write each scenario's result as JSON (used by `vetting test`)",
    )
    parser.addini(
        "vetting_features",
        type="bool",
        default=False,
        help="collect *.feature files as vetting rule tests (like --vetting)",
    )


def _enabled(config: pytest.Config) -> bool:
    return bool(
        config.getoption("vetting")
        or config.getoption("vetting_rules")
        or config.getini("vetting_features")
    )


def pytest_configure(config: pytest.Config) -> None:
    rules = config.getoption("vetting_rules")
    if rules is not None and not Path(rules).is_absolute():
        rules = str(config.invocation_params.dir / rules)
    config.stash[_RULES] = rules
    if config.pluginmanager.has_plugin("pytest-bdd"):
        # vetting's steps as a pytest-bdd step library (`vetting.testing.bdd.scenarios`);
        # its hooks exist only when pytest-bdd's plugin is loaded.
        config.pluginmanager.import_plugin("vetting.testing.bdd")


def rulesets(config: pytest.Config) -> RuleSets:
    """One cache of loaded rule sets per session, made on first use."""
    if _RULESETS not in config.stash:
        from vetting.testing.world import RuleSets

        config.stash[_RULESETS] = RuleSets(config.rootpath, config.stash.get(_RULES, None))
    return config.stash[_RULESETS]


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix == FEATURE_SUFFIX and _enabled(parent.config):
        feature_file: FeatureFile = FeatureFile.from_parent(parent, path=file_path)
        return feature_file
    return None


class FeatureFileError(Exception):
    """A feature file that cannot be read: its problems, each with a position."""


class FeatureFile(pytest.File):
    """A `.feature` file: one test item per scenario or Examples row."""

    def collect(self) -> list[pytest.Item]:
        from vetting.errors import VettingError
        from vetting.testing.features import parse_feature

        try:
            feature = parse_feature(self.path, self.config.rootpath)
        except VettingError as exc:
            raise FeatureFileError("\n".join(str(p) for p in exc.problems)) from None
        except ImportError as exc:  # gherkin missing: vetting installed without [test]
            raise FeatureFileError(
                f"vetting's rule tests need the Gherkin parser ({exc.name}): "
                "pip install 'vetting[test]'"
            ) from None
        return list(_items(self, feature))

    def repr_failure(  # type: ignore[override]
        self, excinfo: pytest.ExceptionInfo[BaseException]
    ) -> str:
        if isinstance(excinfo.value, FeatureFileError):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))


def _items(parent: FeatureFile, feature: Feature) -> list[pytest.Item]:
    names: dict[str, int] = {}
    for scenario in feature.scenarios:
        names[scenario.name] = names.get(scenario.name, 0) + 1
    items: list[pytest.Item] = []
    for scenario in feature.scenarios:
        name = scenario.name or "(unnamed scenario)"
        if names.get(scenario.name, 0) > 1:
            name = f"{name} [line {scenario.line}]"
        item: ScenarioItem = ScenarioItem.from_parent(parent, name=name, scenario=scenario)
        items.append(item)
    return items


class ScenarioFailed(Exception):
    """A scenario did not pass: carries its result for the report."""

    def __init__(self, result: ScenarioResult) -> None:
        super().__init__(result.message)
        self.result = result


class ScenarioItem(pytest.Item):
    """One scenario, run by vetting's step interpreter."""

    def __init__(self, *, scenario: Scenario, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scenario = scenario
        # Tags select with -k (markers would trip --strict-markers on free-form tags).
        self.extra_keyword_matches.update(tag.lstrip("@") for tag in scenario.tags)

    def runtest(self) -> None:
        from vetting.testing.runner import ScenarioResult, crash_message, run_scenario

        try:
            result = run_scenario(self.scenario, rulesets(self.config))
        except Exception as exc:  # outside the steps: still this scenario's error
            result = ScenarioResult(self.scenario, "error", (), crash_message(exc))
        record_result(self, result.scenario, result.status, result.failed_step, result.message)
        if result.status != "passed":
            raise ScenarioFailed(result)

    def repr_failure(  # type: ignore[override]
        self, excinfo: pytest.ExceptionInfo[BaseException]
    ) -> str:
        if isinstance(excinfo.value, ScenarioFailed):
            return describe_result(excinfo.value.result)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.scenario.line - 1, f"Scenario: {self.scenario.name}"


def describe_result(result: ScenarioResult) -> str:
    """A failed scenario as its author reads it: each step marked, then the message."""
    scenario = result.scenario
    lines = [f"Scenario: {scenario.name} ({scenario.where})"]
    marks = {"passed": "✓", "failed": "✗", "error": "!", "skipped": "-"}
    for step in result.steps:
        lines.append(f"  {marks[step.status]} {step.step.display}   (line {step.step.line})")
        if step.message:
            lines.extend(f"      {line}" for line in step.message.splitlines())
    if result.status == "error" and not result.failed_step:
        lines.append(f"  {result.message}")
    return "\n".join(lines)


def record_result(
    item: pytest.Item, scenario: Scenario, status: str, step: Step | None, message: str
) -> None:
    """Hand a scenario's result to the report (`--vetting-report`), whichever runner ran it."""
    record = {
        "file": scenario.file,
        "line": scenario.line,
        "feature": scenario.feature,
        "name": scenario.name,
        "status": status,
        "step": None if step is None else {"text": step.display, "line": step.line},
        "message": message,
    }
    item.user_properties.append((_PROPERTY, record))


@pytest.hookimpl
def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call":
        for key, value in report.user_properties:
            if key == _PROPERTY and isinstance(value, dict):
                _CURRENT.append(value)
                _REPORTED.add(report.nodeid)
        return
    path, line, domain = report.location
    if report.failed and domain.startswith("Scenario: ") and report.nodeid not in _REPORTED:
        # Setup or teardown broke (a fixture, another plugin): the scenario never ran its
        # steps, and must still be counted, as an error with its cause.
        crash = getattr(report.longrepr, "reprcrash", None)
        cause = [crash.message] if crash is not None else str(report.longrepr).splitlines()
        _CURRENT.append(
            {
                "file": path,
                "line": (line or 0) + 1,
                "feature": "",
                "name": domain.removeprefix("Scenario: "),
                "status": "error",
                "step": None,
                "message": f"{report.when} failed: {cause[-1] if cause else 'no detail'}",
            }
        )
        _REPORTED.add(report.nodeid)


@pytest.hookimpl
def pytest_collectreport(report: pytest.CollectReport) -> None:
    if report.failed:
        _COLLECT_ERRORS.append({"file": report.nodeid, "message": str(report.longrepr)})


#: Filled by the hooks above during a session; written by `pytest_sessionfinish`.
_CURRENT: list[dict[str, Any]] = []
_REPORTED: set[str] = set()
_COLLECT_ERRORS: list[dict[str, Any]] = []


def pytest_sessionstart(session: pytest.Session) -> None:
    _CURRENT.clear()
    _REPORTED.clear()
    _COLLECT_ERRORS.clear()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    target = session.config.getoption("vetting_report")
    if not target:
        return
    data = {
        "format": 1,
        "exit_status": int(exitstatus),
        "scenarios": list(_CURRENT),
        "errors": list(_COLLECT_ERRORS),
    }
    Path(target).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")

"""`vetting test` never hides a scenario: each ends passed, failed or in error.

A step that raised anything but vetting's own error used to vanish from the
counts ("1 scenario: 1 passed, 0 failed: ok", exit 0, for a feature of two).
The crash is injected into the real pytest child through a plugin module
(`PYTEST_PLUGINS`), so the whole chain is the one a rule author runs.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, Result

pytestmark = pytest.mark.slow  # pytest in child processes

FEATURE = textwrap.dedent(
    """
    Feature: two scenarios
      Background:
        Given a tool whose answers are:
          | question    | answer          |
          | scope.buyer | public_hospital |

      Scenario: the one that passes
        When the assessment is scored
        Then the verdict is "pending_evidence"

      Scenario: the one that breaks
        Given every other question is answered with its best choice
        When the assessment is scored
        Then the verdict is "pending_evidence"
    """
)

PLUGINS = {
    "crash_in_a_step": """
        import vetting.testing.steps as steps

        def _explode(world, args, step, lang):
            raise ZeroDivisionError("division by zero")

        for definition in steps.STEPS:
            if definition.name == "best":
                object.__setattr__(definition, "run", _explode)
    """,
    "crash_before_the_steps": """
        import pytest

        def pytest_runtest_setup(item):
            if item.name == "the one that breaks":
                raise RuntimeError("no rule set for you")
    """,
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "two.feature").write_text(FEATURE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _inject(project: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    plugins = project / "plugins"
    plugins.mkdir()
    (plugins / f"{name}.py").write_text(textwrap.dedent(PLUGINS[name]), encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", f"{plugins}:{ROOT}")
    monkeypatch.setenv("PYTEST_PLUGINS", name)


def test_both_scenarios_pass_without_a_fault(project: Path, cli: Callable[..., Result]) -> None:
    result = cli("test", "--rules", str(ROOT / "rules" / "health-ai"))
    assert result.code == 0, result.out + result.err
    assert "2 scenarios: 2 passed, 0 failed: ok" in result.out


def test_a_crashing_step_is_an_error_that_fails_the_run(
    project: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    _inject(project, monkeypatch, "crash_in_a_step")
    result = cli("test", "--rules", str(ROOT / "rules" / "health-ai"))
    assert result.code == 1, result.out + result.err
    assert "features/two.feature: 1 passed, 1 in error" in result.out
    assert "✗ the one that breaks (features/two.feature:12)" in result.out
    assert "crashed: ZeroDivisionError: division by zero" in result.out
    assert "2 scenarios: 1 passed, 0 failed, 1 in error: FAILED" in result.out


def test_a_scenario_that_never_reports_is_an_error(
    project: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    _inject(project, monkeypatch, "crash_before_the_steps")
    result = cli("test", "--rules", str(ROOT / "rules" / "health-ai"))
    assert result.code == 1, result.out + result.err
    assert "✗ the one that breaks (features/two.feature:12)" in result.out
    assert "setup failed: RuntimeError: no rule set for you" in result.out
    assert "2 scenarios: 1 passed, 0 failed, 1 in error: FAILED" in result.out

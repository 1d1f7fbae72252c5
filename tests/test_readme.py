"""The README's Quick start and the contributor guide are promises that CI keeps.

The Quick start gives the command that runs the questionnaire, the one that runs every
test (CI runs exactly it) and the fast lane; CONTRIBUTING.md lists the gates, and
.ci/run runs each of them before the tests.
"""

from __future__ import annotations

import re

from tests.conftest import ROOT


def quick_start_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Quick start\n(.*?)^## ", text, re.S | re.M)
    assert section, "README.md has no '## Quick start' section"
    return re.findall(r"```sh\n(.*?)\n```", section.group(1), re.S)


def gate_commands() -> list[str]:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = re.search(r"^## The gates\n(.*?)^## ", text, re.S | re.M)
    assert section, "CONTRIBUTING.md has no '## The gates' section"
    block = re.search(r"```sh\n(.*?)\n```", section.group(1), re.S)
    assert block, "the gates are one sh block"
    return [line.split("  #")[0].strip() for line in block.group(1).splitlines()]


def test_quick_start_runs_the_tool_every_test_and_the_fast_lane() -> None:
    run, every, fast = quick_start_commands()
    for command in (run, every):
        assert command.startswith("python3 -m venv .venv && ")
    assert "vetting" in run
    assert every.endswith("python -m pytest")  # every test: no marker left out
    assert ".[dev]" in every  # the project's own test tools
    assert re.search(r"pytest -m \"not slow\"", fast)


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert quick_start_commands()[1] in ci


def test_ci_runs_every_gate_of_the_contributor_guide_before_the_tests() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    gates = gate_commands()
    assert len(gates) == 4  # lint, format, types, duplicate code
    tests_at = ci.index(quick_start_commands()[1])
    for gate in gates:
        command = gate.removeprefix(".venv/bin/")
        lines = [i for i, line in enumerate(ci) if line == f"gate .venv/bin/{command}"]
        assert lines and lines[0] < tests_at, f".ci/run does not run the gate: {gate}"

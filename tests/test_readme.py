"""The README's Quick start is a promise: two commands, and CI runs the second one."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def quick_start_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Quick start\n(.*?)^## ", text, re.S | re.M)
    assert section, "README.md has no '## Quick start' section"
    return re.findall(r"```sh\n(.*?)\n```", section.group(1), re.S)


def test_quick_start_has_two_commands_that_make_their_own_venv() -> None:
    commands = quick_start_commands()
    assert len(commands) == 2
    for command in commands:
        assert command.startswith("python3 -m venv .venv && ")
    assert "vetting" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert quick_start_commands()[1] in ci

"""Shared fixtures: the repository root, an in-process CLI runner, the rule sets many tests use.

Helpers that are not fixtures live in `tests/support/`.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support import rulesets
from tests.support.paths import FIXTURES as FIXTURES
from tests.support.paths import ROOT as ROOT
from vetting.cli import main

# A run started in the background by a non-interactive shell (`cmd &` in a script) inherits
# SIGINT ignored, and so do the commands the tests start: the Ctrl-C tests would see
# nothing. Take Ctrl-C back as a terminal gives it (the tests below restore nothing else).
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)
from vetting.ruleset.api import load_ruleset
from vetting.ruleset.compiled import CompiledRuleSet


@pytest.fixture(autouse=True, scope="session")
def _private_rule_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The rule-set cache of the tests (and the CLIs they start) stays out of ~/.cache."""
    before = os.environ.get("VETTING_CACHE_DIR")
    os.environ["VETTING_CACHE_DIR"] = str(tmp_path_factory.mktemp("rule-cache"))
    yield
    if before is None:
        os.environ.pop("VETTING_CACHE_DIR", None)
    else:
        os.environ["VETTING_CACHE_DIR"] = before


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run `vetting ARGS...` in this process and capture what it prints."""

    def run(*args: str) -> Result:
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse's --help, --version and usage errors
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the repository root, so printed paths are relative to it."""
    monkeypatch.chdir(ROOT)
    return ROOT


@pytest.fixture(scope="session")
def health_ai() -> CompiledRuleSet:
    """The default rule set, loaded from the checkout."""
    return rulesets.health_ai()


@pytest.fixture(scope="session")
def mini() -> CompiledRuleSet:
    """tests/fixtures/rules/mini: three questions, one knock-out."""
    return load_ruleset(rulesets.MINI)


@pytest.fixture(scope="session")
def clinic() -> CompiledRuleSet:
    """tests/fixtures/scoring/clinic: the scoring rules, each once."""
    return load_ruleset(rulesets.CLINIC)

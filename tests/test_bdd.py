"""pytest-bdd runs vetting's features with the same steps and the same outcomes as `vetting test`.

Each side runs in a child pytest, as a user would: `vetting test`'s own
runner (the command's pytest invocation, plugins autoload off) and a one-line
pytest-bdd test module. Both write the same per-scenario report, compared
scenario by scenario: passed, failed or error.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from vetting.cli.test import _run_pytest

ROOT = Path(__file__).resolve().parent.parent
ONE_LINE = 'from vetting.testing.bdd import scenarios; scenarios("features")\n'

Outcome = tuple[str, str, str]


def _outcomes(report: dict[str, Any]) -> list[Outcome]:
    return [(r["file"], r["name"], r["status"]) for r in report["scenarios"]]


def _under_vetting_test(folder: Path) -> list[Outcome]:
    _, report, output = _run_pytest([folder / "features"], folder / "rules" / "health-ai", folder)
    assert report, output
    return _outcomes(report)


def _under_pytest_bdd(folder: Path) -> tuple[list[Outcome], str]:
    (folder / "test_rules.py").write_text(ONE_LINE, encoding="utf-8")
    report = folder / "bdd-report.json"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
         "--rootdir", str(folder), "-c", os.devnull, "--vetting-report", str(report),
         "test_rules.py"],
        cwd=folder, capture_output=True, text=True, check=False,
    )  # fmt: skip
    output = done.stdout + done.stderr
    assert report.is_file(), output
    return _outcomes(json.loads(report.read_text(encoding="utf-8"))), output


def _project(tmp_path: Path, features: dict[str, str] | None = None) -> Path:
    """A folder as a rule author has it: rules/, features/ (and the examples they name)."""
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    if features is None:
        shutil.copytree(ROOT / "features", tmp_path / "features")
        shutil.copytree(ROOT / "examples", tmp_path / "examples")
    else:
        (tmp_path / "features").mkdir()
        for name, text in features.items():
            (tmp_path / "features" / name).write_text(text, encoding="utf-8")
    return tmp_path


def _same(left: list[Outcome], right: list[Outcome]) -> None:
    assert Counter(left) == Counter(right)
    for file in {o[0] for o in left}:  # and in the same order, file by file
        assert [o for o in left if o[0] == file] == [o for o in right if o[0] == file]


@pytest.mark.slow
def test_every_shipped_feature_has_the_same_outcome_under_both_runners(tmp_path: Path) -> None:
    folder = _project(tmp_path)
    ours = _under_vetting_test(folder)
    bdd, output = _under_pytest_bdd(folder)
    _same(ours, bdd)
    files = {o[0] for o in ours}
    assert len(ours) >= 500 and len(files) == len(list((ROOT / "features").rglob("*.feature")))
    assert {o[2] for o in ours} == {"passed"}
    assert f"{len(ours)} passed" in output


BROKEN_EN = """\
Feature: every outcome
  Background:
    Given a tool whose answers are:
      | question           | answer                   |
      | scope.buyer        | public_hospital          |
      | scope.use          | [clinical_documentation] |
      | scope.patient_data | [identifiable, audio]    |
      | scope.deployment   | vendor_saas              |
      | scope.audience     | professionals            |
      | scope.generative   | yes                      |

  Scenario: passes
    Given every other question is answered with its best choice
    When the assessment is scored
    Then the verdict is "accept"

  Scenario: fails on a wrong verdict
    Given every other question is answered with its best choice
    When the assessment is scored
    Then the verdict is "reject"

  Scenario: an unknown step
    Given the answr to "scope.use" is "administrative"
    Then the verdict is "accept"

  Scenario: checks nothing
    Given every other question is answered with its best choice
    When the assessment is scored

  Scenario: a question that does not exist
    Given the answer to "no.such.question" is "yes"
    When the assessment is scored
    Then the verdict is "accept"

  Scenario Outline: an outline, one row failing
    Given every other question is answered with its best choice
    When the assessment is scored
    Then the verdict is "<verdict>"

    Examples:
      | verdict |
      | accept  |
      | reject  |
"""

BROKEN_FR = """\
# language: fr
Fonctionnalité: chaque issue, en français
  Contexte:
    Étant donné un outil dont les réponses sont :
      | question           | réponse                  |
      | scope.buyer        | public_hospital          |
      | scope.use          | [clinical_documentation] |
      | scope.patient_data | [identifiable, audio]    |
      | scope.deployment   | vendor_saas              |
      | scope.audience     | professionals            |
      | scope.generative   | yes                      |

  Scénario: réussit
    Étant donné toutes les autres questions ont leur meilleure réponse
    Quand l'évaluation est calculée
    Alors le verdict est "accept"

  Scénario: échoue
    Étant donné toutes les autres questions ont leur meilleure réponse
    Quand l'évaluation est calculée
    Alors le verdict est "reject"

  Plan du scénario: un plan
    Étant donné toutes les autres questions ont leur meilleure réponse
    Quand l'évaluation est calculée
    Alors le verdict est "<verdict>"

    Exemples:
      | verdict |
      | accept  |
      | inconnu |
"""


def test_passed_failed_and_error_are_the_same_under_both_runners(tmp_path: Path) -> None:
    folder = _project(tmp_path, {"broken.feature": BROKEN_EN, "fr.feature": BROKEN_FR})
    ours = _under_vetting_test(folder)
    bdd, _ = _under_pytest_bdd(folder)
    _same(ours, bdd)
    statuses = {(name, status) for _, name, status in ours}
    assert statuses == {
        ("passes", "passed"),
        ("fails on a wrong verdict", "failed"),
        ("an unknown step", "error"),
        ("checks nothing", "error"),
        ("a question that does not exist", "error"),
        ("an outline, one row failing", "passed"),
        ("an outline, one row failing", "failed"),
        ("réussit", "passed"),
        ("échoue", "failed"),
        ("un plan", "passed"),
        ("un plan", "error"),
    }


def test_a_failing_step_reads_as_the_author_wrote_it_under_pytest_bdd(tmp_path: Path) -> None:
    folder = _project(tmp_path, {"broken.feature": BROKEN_EN})
    _, output = _under_pytest_bdd(folder)
    assert 'unknown step \'Given the answr to "scope.use" is "administrative"\'' in output
    assert "did you mean" in output
    assert "this scenario checks nothing" in output
    assert "features/broken.feature:" in output


TWINS = """\
Feature: twins
  Rule: one context
    Scenario Outline: <verdict> holds
      Then the verdict is "<verdict>"

      Examples:
        | verdict |
        | accept  |

  Rule: another context
    Scenario Outline: <verdict> holds
      Then the verdict is "<verdict>"

      Examples:
        | verdict |
        | reject  |
"""


def test_two_scenarios_named_alike_are_refused_not_silently_dropped(tmp_path: Path) -> None:
    """pytest-bdd binds by name: it would run one twin; the collection says why instead."""
    folder = _project(tmp_path, {"twins.feature": TWINS})
    (folder / "test_rules.py").write_text(ONE_LINE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir",
         str(folder), "-c", os.devnull, "test_rules.py"],
        cwd=folder, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode != 0
    assert "twins.feature:11:5: a scenario named like the one at line 3" in done.stdout
    assert "give each a name of its own" in done.stdout

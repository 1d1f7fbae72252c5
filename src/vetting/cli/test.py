"""`vetting test [--rules DIR] [FEATURES...] [--mutate]`: run the rule tests; a CI gate.

The scenarios run under pytest with vetting's plugin, in a child process
isolated from the project's own pytest configuration; the plugin writes each
scenario's result as JSON, and this command prints a summary a rule author
reads: scenarios per feature file, each failure with its step and why.

Exit codes: 0 every scenario passes (and, with --mutate, the mutation score
reaches --min-score); 1 otherwise; 2 on a usage or configuration error (no
feature file, an invalid rule set, a feature file that is not valid Gherkin).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vetting.cli.console import program
from vetting.errors import Position, Problem, VettingError
from vetting.ruleset.api import load_ruleset, resolve_rules_dir
from vetting.ruleset.sources import MANIFEST

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INPUT = 2

_NEEDS = "pip install 'vetting[test]'"


def _rules_folder(args: argparse.Namespace, cwd: Path) -> Path:
    """--rules DIR; else the one rule set under ./rules; else ./rules/health-ai or embedded."""
    if args.rules is not None:
        folder, _ = resolve_rules_dir(args.rules, cwd)
        return folder
    local = cwd / "rules"
    if (local / MANIFEST).is_file():
        return local
    inner = sorted(p.parent for p in local.glob(f"*/{MANIFEST}")) if local.is_dir() else []
    if len(inner) == 1:
        return inner[0]
    folder, _ = resolve_rules_dir(None, cwd)
    return folder


def _feature_paths(args: argparse.Namespace, cwd: Path) -> list[Path]:
    from vetting.testing.features import find_features

    given = [Path(p) for p in args.features]
    if not given:
        default = cwd / "features"
        if not default.is_dir():
            raise VettingError(
                Problem(
                    Position(str(cwd)),
                    "no feature files: give FEATURES, or run in a folder that holds features/",
                    hint=f"{program()} test features/ (docs/rule-tests.md shows how to write one)",
                )
            )
        given = [default]
    paths = find_features(given)
    if not paths:
        shown = ", ".join(str(p) for p in given)
        raise VettingError(
            Problem(Position(shown), "no .feature file here", hint="name rule tests *.feature")
        )
    return paths


def _require(module: str, what: str) -> None:
    if importlib.util.find_spec(module) is None:
        raise VettingError(f"vetting test needs {what} ({module}): {_NEEDS}")


def _check_named_rulesets(paths: list[Path], cwd: Path, default: Path) -> int:
    """Parse every feature (Gherkin errors are exit 2) and check each rule set they name."""
    from vetting.testing.features import parse_feature
    from vetting.testing.steps import match_step
    from vetting.testing.world import RuleSets

    problems: list[Problem] = []
    named: dict[str, Position] = {}
    scenarios = 0
    for path in paths:
        try:
            feature = parse_feature(path, cwd)
        except VettingError as exc:
            problems.extend(exc.problems)
            continue
        for scenario in feature.scenarios:
            scenarios += 1
            for step in scenario.steps:
                try:
                    definition, args = match_step(step, scenario)
                except VettingError:
                    continue  # reported by the scenario itself, as a failure
                if definition.name == "rule_set":
                    named.setdefault(args["path"], scenario.position(step))
    if problems:
        raise VettingError(problems)
    rulesets = RuleSets(cwd, default)
    for text, position in named.items():
        try:
            rulesets.get(text)
        except VettingError as exc:
            head = Problem(position, f"the rule set '{text}' does not pass vetting check")
            raise VettingError([head, *exc.problems]) from None
    return scenarios


def _run_pytest(paths: list[Path], rules: Path, cwd: Path) -> tuple[int, dict[str, Any], str]:
    """pytest in a child process, with only vetting's plugin and an empty configuration."""
    with tempfile.TemporaryDirectory(prefix="vetting-test-") as tmp:
        report = Path(tmp) / "report.json"
        ini = Path(tmp) / "pytest.ini"
        ini.write_text("[pytest]\n", encoding="utf-8")
        command = [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "vetting.testing.plugin",
            "--vetting",
            "--vetting-rules",
            str(rules),
            "--vetting-report",
            str(report),
            "-c",
            str(ini),
            "--rootdir",
            str(cwd),
            "-p",
            "no:cacheprovider",
            "--noconftest",
            "-q",
            "--no-header",
            "--tb=no",
            "-rN",
            "--color=no",
            *(str(p) for p in paths),
        ]
        env = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
        done = subprocess.run(
            command, cwd=cwd, env=env, capture_output=True, text=True, check=False
        )
        output = done.stdout + done.stderr
        if not report.is_file():
            return done.returncode, {}, output
        data: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
        return done.returncode, data, output


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _summary(data: dict[str, Any], write: Callable[[str], object]) -> dict[str, int]:
    """Per feature file: scenarios passed, failed and in error; each one not passed with
    its step and why. Returns the counts by status."""
    by_file: dict[str, list[dict[str, Any]]] = {}
    for record in data.get("scenarios", []):
        by_file.setdefault(str(record["file"]), []).append(record)
    counts = {"passed": 0, "failed": 0, "error": 0}
    for file, records in by_file.items():
        mine = {status: 0 for status in counts}
        for record in records:
            status = record["status"] if record["status"] in counts else "error"
            mine[status] += 1
        counts = {status: counts[status] + mine[status] for status in counts}
        bad = [r for r in records if r["status"] != "passed"]
        shown = f"{mine['passed']} passed" + "".join(
            f", {mine[status]} {word}"
            for status, word in (("failed", "failed"), ("error", "in error"))
            if mine[status]
        )
        write(f"{'✗' if bad else '✓'} {file}: {shown}\n")
        for record in bad:
            write(f"    ✗ {record['name']} ({file}:{record['line']})\n")
            step = record.get("step")
            if step:
                write(f"        {step['text']}   (line {step['line']})\n")
            for line in str(record.get("message", "")).splitlines():
                write(f"        {line}\n")
    return counts


def _mutate(args: argparse.Namespace, paths: list[Path], rules: Path, cwd: Path) -> int:
    from vetting.testing.mutate import MutationSetupError, Setup, run_mutations

    examples: list[Path] = []
    for name in ("examples", "answers"):
        folder = cwd / name
        if folder.is_dir():
            examples.extend(
                sorted(
                    p
                    for p in folder.rglob("*")
                    if p.suffix in {".yaml", ".yml", ".json"}
                    and p.is_file()
                    and not any(part.startswith(".") for part in p.relative_to(folder).parts)
                )
            )
    setup = Setup(root=cwd, rules=rules, features=tuple(paths), examples=tuple(examples))
    out = sys.stdout
    out.write("\nMutation self-check: does a weakened rule set make a scenario fail?\n")
    out.flush()
    progress = None
    if sys.stderr.isatty():

        def progress(done: int, total: int) -> None:
            sys.stderr.write(f"\r  {done}/{total} mutants judged")
            if done == total:
                sys.stderr.write("\r" + " " * 40 + "\r")
            sys.stderr.flush()

    try:
        report = run_mutations(setup, progress=progress)
    except MutationSetupError as exc:
        sys.stderr.write(f"vetting test --mutate: {exc}\n")
        return EXIT_FAILED
    caught, missed, silent = report.of("caught"), report.of("missed"), report.of("silent")
    equivalent, rejected = report.of("equivalent"), report.of("rejected")
    out.write(
        f"{report.rules}: {len(report.mutants)} mutants, against {report.scenarios} scenarios "
        f"and {report.examples} example answers files, in {report.seconds:.1f} s\n"
    )
    out.write(f"  rejected by vetting check (not counted): {len(rejected)}\n")
    out.write(
        f"  equivalent, nothing changes on any scenario or example (not counted): "
        f"{len(equivalent)}\n"
    )
    out.write(
        f"  counted: {report.counted}, caught: {len(caught)}, missed: {len(missed)}, "
        f"silent (only a score or points change; counted as missed): {len(silent)}\n"
    )
    reached = report.score >= args.min_score
    out.write(
        f"  mutation score: {report.score:.1f} % (required: {args.min_score:g} %) "
        f"{'ok' if reached else 'TOO LOW'}\n"
    )
    out.write("\n  per operator (caught / counted, silent, equivalent, rejected):\n")
    for operator, row in report.by_operator().items():
        counted = row["caught"] + row["missed"] + row["silent"]
        out.write(
            f"    {operator:<17} {row['caught']:>4} / {counted:<4} {row['silent']:>4} silent, "
            f"{row['equivalent']:>4} equivalent, {row['rejected']:>4} rejected\n"
        )
    if missed:
        out.write(
            f"\nMissed (no scenario fails; add one that pins this behaviour): {len(missed)}\n"
        )
        for mutant in missed:
            out.write(f"  - {mutant.description}\n")
    if silent:
        out.write(
            f"\nSilent (only a score or points change; pin them, e.g. Then the answer to "
            f'"<question>" is worth <n> points): {len(silent)}\n'
        )
        for mutant in silent:
            out.write(f"  - {mutant.description}\n")
    if equivalent:
        out.write(f"\nEquivalent (nothing changes on any scenario or example): {len(equivalent)}\n")
        for mutant in equivalent:
            out.write(f"  - {mutant.description}\n")
    return EXIT_OK if reached else EXIT_FAILED


def execute(args: argparse.Namespace) -> int:
    if not 0 <= args.min_score <= 100:
        raise VettingError(f"--min-score: {args.min_score:g} is not a percentage (0 to 100)")
    _require("gherkin", "the Gherkin parser")
    _require("pytest", "pytest")
    cwd = Path.cwd()
    paths = _feature_paths(args, cwd)
    rules = _rules_folder(args, cwd)
    compiled = load_ruleset(rules, cwd)  # exit 2 with every vetting check problem
    scenarios = _check_named_rulesets(paths, cwd, rules)
    out = sys.stdout
    rs = compiled.ruleset
    out.write(
        f"vetting test: {_plural(scenarios, 'scenario')} in {_plural(len(paths), 'feature file')}, "
        f"rule set {rs.id} {rs.version} ({compiled.origin.path})\n"
    )
    out.flush()
    code, data, output = _run_pytest(paths, rules, cwd)
    if not data:
        sys.stderr.write(output)
        sys.stderr.write(
            f"vetting test: pytest stopped (exit {code}) before running the scenarios\n"
        )
        return EXIT_INPUT
    for error in data.get("errors", []):
        sys.stderr.write(f"{error['message']}\n")
    counts = _summary(data, out.write)
    passed, failed, crashed = counts["passed"], counts["failed"], counts["error"]
    # Every collected scenario must end passed, failed or in error: one that left no
    # result (its run stopped before reporting) is an error too, never a silence.
    silent = max(0, scenarios - passed - failed - crashed)
    if silent:
        sys.stderr.write(
            f"vetting test: {_plural(silent, 'scenario')} ended without a result "
            f"(pytest exit {code}):\n{output}"
        )
    errors = len(data.get("errors", []))
    verdict = "ok" if not (failed or crashed or silent or errors) else "FAILED"
    total = passed + failed + crashed + silent
    out.write(
        f"\n{_plural(total, 'scenario')}: {passed} passed, {failed} failed"
        + (f", {crashed + silent} in error" if crashed or silent else "")
        + f": {verdict}\n"
    )
    if errors:
        return EXIT_INPUT
    if total == 0:
        sys.stderr.write("vetting test: the feature files hold no scenario\n")
        return EXIT_INPUT
    if failed or crashed or silent or code not in (0, 1):
        return EXIT_FAILED
    if args.mutate:
        return _mutate(args, paths, rules, cwd)
    return EXIT_OK

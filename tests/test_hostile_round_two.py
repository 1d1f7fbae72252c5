"""Hostile inputs, round two: far-future dates, huge numbers, memory before the caps.

Each case runs the real CLI, most in a child process under an address-space cap
(`RLIMIT_AS`), so a blow-up shows as a failure, not as a slow test. What is
checked is bounded work (an exit code and one clean line, memory under the cap),
never time; docs/reliability.md records the measured times.
"""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES, ROOT, Result

EXAMPLES = ROOT / "examples" / "health-ai"
SCRIBE = EXAMPLES / "scribe-accept.yaml"


def capped_cli(*args: str, cwd: Path, mib: int) -> subprocess.CompletedProcess[str]:
    """`vetting ARGS` in a child that may map at most `mib` MiB of memory."""

    def cap() -> None:
        limit = mib * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "vetting", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        preexec_fn=cap,
        check=False,
    )


def _clean_error(proc: subprocess.CompletedProcess[str], starts: str) -> None:
    assert proc.returncode == 2, proc.stdout[-500:] + proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr and "Error:" not in proc.stderr, proc.stderr[-2000:]
    assert proc.stderr.startswith(starts), proc.stderr[:300]


# ------------------------------------------------------------------ memory before the caps


@pytest.mark.slow
@pytest.mark.parametrize("command", ["score", "check"])
def test_eight_million_values_are_refused_in_bounded_memory(tmp_path: Path, command: str) -> None:
    """Under 16 MiB, 8.4 million `0,`: composed whole, this took 31 s and 2.66 GB."""
    head = "ruleset: health-ai@1.0.0\ntool: {name: T}\nnotes: ["
    count = (16 * 1024 * 1024 - 100 - len(head)) // 2
    if command == "check":
        shutil.copytree(FIXTURES / "rules" / "mini", tmp_path / "rules")
        path = tmp_path / "rules" / "questions.yaml"
        argv = ["check", "rules"]
    else:
        path = tmp_path / "values.yaml"
        argv = ["score", str(path)]
    path.write_text(head + "0," * count + "0]\n", encoding="ascii")
    proc = capped_cli(*argv, cwd=tmp_path, mib=400)
    _clean_error(proc, f"{'rules/questions.yaml' if command == 'check' else path}:3:")
    assert "the document has more than 200,000 values" in proc.stderr


@pytest.mark.parametrize("command", ["score", "check"])
def test_an_eight_gigabyte_file_is_not_read(tmp_path: Path, command: str) -> None:
    """A sparse 8 GB file: refused from its size, before a byte is read."""
    target = tmp_path / "rules" / "questions.yaml" if command == "check" else tmp_path / "big.yaml"
    if command == "check":
        shutil.copytree(FIXTURES / "rules" / "mini", tmp_path / "rules")
    with open(target, "wb") as handle:
        handle.truncate(8 * 1024**3)
    argv = ["check", "rules"] if command == "check" else ["score", str(target)]
    proc = capped_cli(*argv, cwd=tmp_path, mib=300)
    _clean_error(proc, "rules/questions.yaml" if command == "check" else str(target))
    assert "larger than 16 MiB" in proc.stderr


# ------------------------------------------------------------------ huge numbers


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [
        ("note", "9" * 5000, "a number of 5,000 digits"),
        ("note", "-" + "1" * 31, "a number of 31 digits"),
        ("note", "1" * 400 + ".0", "a number too large to compute with"),
        ("date", "1_000_000_000_000_000_000_000_000_000_000", "a number of 31 digits"),
        ("answer", "9" * 5000, "a number of 5,000 digits"),
    ],
)
def test_a_huge_number_is_a_clean_error(
    tmp_path: Path, cli: Callable[..., Result], where: str, value: str, message: str
) -> None:
    text = SCRIBE.read_text(encoding="utf-8")
    if where == "note":
        text = text.replace("notes:\n", f"notes:\n  scope.use: {value}\n", 1)
    elif where == "date":
        text = text.replace("date: 2026-11-24", f"date: {value}", 1)
    else:
        text = text.replace("  scope.buyer: public_hospital", f"  scope.buyer: {value}", 1)
    path = tmp_path / "huge.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("score", str(path))
    assert result.code == 2
    assert f"{message}; numbers have at most 30 digits (put it in quotes" in result.err
    assert result.err.startswith(f"{path}:")


def test_a_huge_number_in_a_rule_file_is_a_clean_error(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(FIXTURES / "rules" / "mini", rules)
    manifest = rules / "ruleset.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8") + f"review_period_months: {'9' * 5000}\n",
        encoding="utf-8",
    )
    proc = capped_cli("check", str(rules), cwd=tmp_path, mib=400)
    _clean_error(proc, "rules/ruleset.yaml:")
    assert "a number of 5,000 digits" in proc.stderr


# ------------------------------------------------------------------ far-future dates

FAR = {
    "date": ("date: 2026-11-24", "date: 9999-12-31"),
    "issued": ("    issued: 2025-03-01", "    issued: 9999-06-01"),
    "expires": ("    expires: 2028-02-28", "    expires: 9999-12-31"),
    "json_string": ("date: 2026-11-24", "date: '9999-12-31'"),
    "too_early": ("date: 2026-11-24", "date: 0001-01-01"),
}


def _far(tmp_path: Path, case: str, name: str = "far.yaml") -> Path:
    old, new = FAR[case]
    text = SCRIBE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


FAR_COMMANDS = [
    ["score", "--format", "json"],
    ["score", "--format", "jsonl"],
    ["score"],
    ["report", "--format", "md,json", "-o", "out"],
    ["compare", "{good}"],
    ["diff", "{good}"],
]


def _every_command_and_case() -> list[Any]:
    """Every command with every far date; the fast lane takes each case on `score` and
    each command on a far `date:`, the slow lane the rest."""
    return [
        pytest.param(
            command,
            case,
            id=f"command{index}-{case}",
            marks=() if command == ["score"] or case == "date" else pytest.mark.slow,
        )
        for index, command in enumerate(FAR_COMMANDS)
        for case in sorted(FAR)
    ]


@pytest.mark.parametrize(("command", "case"), _every_command_and_case())
def test_a_far_date_is_one_clean_error_in_every_command(
    tmp_path: Path,
    cli: Callable[..., Result],
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    command: list[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    path = _far(tmp_path, case)
    argv = [arg.replace("{good}", str(SCRIBE)) for arg in command]
    if command[0] in ("compare", "diff"):
        argv.insert(1, str(path))
    else:
        argv.append(str(path))
    result = cli(*argv)
    assert result.code == 2, result.err
    shown = FAR[case][1].split(": ")[1].strip("'")
    assert f"{shown} is out of range (write a date between 1900-01-01 and 2999-12-31)" in result.err
    assert f"{path}:" in result.err


def test_a_far_date_in_a_decision_is_a_clean_error(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    text = (EXAMPLES / "chatbot-conditional.yaml").read_text(encoding="utf-8")
    decision = (
        "decision:\n  outcome: accept_with_conditions\n  by: Committee\n  date: 2026-12-01\n"
        "  rationale: Fine.\n  conditions:\n  - {text: Audit, due: 9999-12-31}\n"
        "  next_review: 9999-11-30\n"
    )
    path = tmp_path / "decided.yaml"
    path.write_text(text + decision, encoding="utf-8")
    result = cli("score", str(path))
    assert result.code == 2
    assert "decision.conditions[0].due: 9999-12-31 is out of range" in result.err
    assert "decision.next_review: 9999-11-30 is out of range" in result.err


def test_a_far_date_in_a_portfolio_folder_is_listed_as_an_error(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    folder = tmp_path / "tools"
    shutil.copytree(EXAMPLES, folder, ignore=shutil.ignore_patterns("reviews"))
    _far(folder, "issued")
    result = cli("portfolio", str(folder), "--format", "json", "-o", str(tmp_path / "p.json"))
    assert result.code == 2
    assert "9999-06-01 is out of range" in result.err
    listing = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    assert len(listing["rows"]) == len(list(EXAMPLES.glob("*.yaml")))
    assert [Path(error["file"]).name for error in listing["errors"]] == ["far.yaml"]


@pytest.mark.parametrize(
    "argv",
    [
        ["portfolio", str(EXAMPLES), "--today", "9999-12-31"],
        ["check", "--stale", "--today", "9999-12-31"],
        ["check", "--stale", "--today", "0001-01-01"],
    ],
)
def test_a_far_today_is_a_usage_error(cli: Callable[..., Result], argv: list[str]) -> None:
    result = cli(*argv)
    assert result.code == 2
    assert result.err.startswith("--today: ")
    assert "is out of range (write a date between 1900-01-01 and 2999-12-31)" in result.err


def test_a_bad_today_is_a_usage_error(cli: Callable[..., Result]) -> None:
    result = cli("check", "--stale", "--today", "2026-13-45")
    assert (result.code, result.err) == (
        2,
        "--today: '2026-13-45' is not a date (write YYYY-MM-DD)\n",
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("review_period_months: 1000000", "Input should be less than or equal to 240"),
        ("as_of: 9999-12-31", "9999-12-31 is out of range: write a date between"),
    ],
)
def test_a_rule_set_period_or_date_out_of_range_fails_check(
    tmp_path: Path, cli: Callable[..., Result], line: str, message: str
) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules" / "health-ai", rules)
    manifest = rules / "ruleset.yaml"
    text = manifest.read_text(encoding="utf-8")
    key = line.split(":")[0]
    lines = [row for row in text.splitlines() if not row.startswith(f"{key}:")]
    manifest.write_text("\n".join([*lines, line]) + "\n", encoding="utf-8")
    result = cli("check", str(rules))
    assert result.code == 2
    assert f"ruleset.yaml:{len(lines) + 1}:1: {key}: {message}" in result.err


def test_a_far_date_from_a_vendor_checklist_is_refused_at_its_cell(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    import datetime as dt

    import openpyxl

    assert cli("report", str(SCRIBE), "--format", "xlsx", "-o", str(tmp_path)).code == 0
    book = openpyxl.load_workbook(next(tmp_path.glob("*.xlsx")))
    sheet = book.worksheets[1]
    keys = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=3) if r[keys.index("evidence")].value)
    row[keys.index("issued")].value = dt.date(9999, 6, 1)
    where = row[keys.index("issued")].coordinate
    book.save(tmp_path / "filled.xlsx")
    result = cli("import-checklist", str(tmp_path / "filled.xlsx"))
    assert result.code == 2
    assert f"filled.xlsx: Checklist!{where}: 9999-06-01 is out of range" in result.err


# ------------------------------------------------------------------ one bad file among many


@pytest.mark.slow
def test_score_over_a_folder_scores_every_other_file_and_exits_2(tmp_path: Path) -> None:
    """The gate of the issue: hostile files among 200 good ones, scored with workers."""
    folder = tmp_path / "answers"
    folder.mkdir()
    examples = sorted(EXAMPLES.glob("*.yaml"))
    for index in range(200):
        source = examples[index % len(examples)]
        (folder / f"{index:03d}-{source.name}").write_bytes(source.read_bytes())
    hostile = {
        "050-far-date.yaml": _far(tmp_path, "date").read_bytes(),
        "100-far-evidence.yaml": _far(tmp_path, "issued").read_bytes(),
        "150-huge-integer.yaml": SCRIBE.read_bytes() + b"x: " + b"9" * 5000 + b"\n",
        "199-many-values.yaml": b"notes: [" + b"0," * 600_000 + b"0]\n",
    }
    for name, data in hostile.items():
        (folder / name).write_bytes(data)
    proc = capped_cli(
        "score", str(folder), "--format", "json", "--jobs", "4", cwd=tmp_path, mib=2048
    )
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    results = json.loads(proc.stdout)
    assert len(results) == 204
    failed = [Path(item["source"]).name for item in results if "errors" in item]
    assert failed == sorted(hostile)
    assert all(item["verdict"] for item in results if "errors" not in item)


def test_a_bug_on_one_file_does_not_stop_the_batch(
    tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fault injection: scoring one file raises what no input error should."""
    import vetting.cli.score as score_cli
    from vetting.assess.score import score as real

    def flaky(compiled: object, answers: object, **kwargs: object) -> object:
        if answers.tool.name == "GenAssist":  # type: ignore[attr-defined]
            raise ValueError("year 10000 is out of range")
        return real(compiled, answers, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(score_cli, "score", flaky)
    result = cli("score", str(EXAMPLES), "--format", "jsonl", "--jobs", "1")
    assert result.code == 2
    lines = [json.loads(line) for line in result.out.splitlines()]
    assert len(lines) == len(list(EXAMPLES.rglob("*.yaml")))
    broken = [line for line in lines if "errors" in line]
    assert [Path(line["source"]).name for line in broken] == ["assistant-reject.yaml"]
    assert "vetting failed on this file (ValueError: year 10000 is out of range)" in result.err

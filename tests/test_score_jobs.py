"""`vetting score --jobs N`: the same results as one process, in the input order."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from vetting.cli.score import FILES_PER_JOB, job_count, usable_cores

EXAMPLES = ROOT / "examples" / "health-ai"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vetting", "score", *args], capture_output=True, text=True
    )


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "jsonl", "text"])
def test_jobs_give_the_same_output_in_the_same_order(fmt: str) -> None:
    one = run(str(EXAMPLES), "--format", fmt)
    two = run(str(EXAMPLES), "--format", fmt, "--jobs", "2")
    assert (one.returncode, one.stdout) == (two.returncode, two.stdout)
    if fmt == "jsonl":
        sources = [json.loads(line)["source"] for line in two.stdout.splitlines()]
        assert sources == sorted(sources)


@pytest.mark.slow
def test_jobs_still_report_a_bad_file_in_place_and_exit_2(tmp_path: Path) -> None:
    folder = tmp_path / "answers"
    shutil.copytree(EXAMPLES, folder)
    (folder / "broken.yaml").write_text("ruleset: health-ai\ntool: [\n", encoding="utf-8")
    result = run(str(folder), "--format", "jsonl", "--jobs", "2")
    assert result.returncode == 2
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    broken = next(item for item in lines if item["source"].endswith("broken.yaml"))
    assert broken["errors"] and "YAML syntax error" in broken["errors"][0]
    assert "broken.yaml" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["2", "3", "auto"])
def test_many_files_score_the_same_with_any_number_of_processes(tmp_path: Path, jobs: str) -> None:
    """Enough files for `auto` to fork on a multi-core machine, in nested folders."""
    examples = sorted(EXAMPLES.glob("*.yaml"))
    for index in range(3 * FILES_PER_JOB):
        source = examples[index % len(examples)]
        target = tmp_path / f"batch-{index // 100}" / f"{index:04d}-{source.name}"
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(source.read_bytes())
    one = run(str(tmp_path), "--format", "jsonl", "--jobs", "1")
    many = run(str(tmp_path), "--format", "jsonl", "--jobs", jobs)
    assert (many.returncode, many.stdout, many.stderr) == (one.returncode, one.stdout, one.stderr)
    assert len(many.stdout.splitlines()) == 3 * FILES_PER_JOB


@pytest.mark.parametrize(
    ("requested", "files", "cores", "expected"),
    [
        (1, 10_000, 8, 1),
        (3, 5, 8, 3),
        (0, FILES_PER_JOB - 1, 8, 1),
        (0, 2 * FILES_PER_JOB, 8, 2),
        (0, 100 * FILES_PER_JOB, 8, 8),
        (0, 100 * FILES_PER_JOB, 1, 1),
    ],
)
def test_auto_uses_the_cores_the_files_can_keep_busy(
    monkeypatch: pytest.MonkeyPatch, requested: int, files: int, cores: int, expected: int
) -> None:
    monkeypatch.setattr("vetting.cli.score.usable_cores", lambda: cores)
    assert job_count(requested, files) == expected


@pytest.mark.parametrize(
    ("cpu_max", "cap"),
    [("max 100000\n", None), ("200000 100000\n", 2), ("50000 100000\n", 1), ("garbage", None)],
)
def test_a_container_cpu_quota_caps_the_cores(
    tmp_path: Path, cpu_max: str, cap: int | None
) -> None:
    quota = tmp_path / "cpu.max"
    quota.write_text(cpu_max, encoding="ascii")
    cores = len(os.sched_getaffinity(0))
    assert usable_cores(quota) == (min(cores, cap) if cap else cores)
    assert usable_cores(tmp_path / "absent") == cores


@pytest.mark.parametrize("value", ["0", "-2", "many"])
def test_a_bad_jobs_value_is_a_usage_error(value: str) -> None:
    result = run(str(EXAMPLES), "--jobs", value)
    assert result.returncode == 2
    assert f"'{value}' is neither a positive number nor auto" in result.stderr
    assert "Traceback" not in result.stderr


def test_workers_leave_the_interpreter_as_they_found_it(capsys: pytest.CaptureFixture[str]) -> None:
    """While workers run, this process takes shorter turns (their results drain faster);
    the default comes back after, even when the batch stops early."""
    from vetting.cli import main

    before = sys.getswitchinterval()
    assert main(["score", str(EXAMPLES), "--format", "jsonl", "--jobs", "2"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == len(list(EXAMPLES.rglob("*.yaml")))
    assert sys.getswitchinterval() == before

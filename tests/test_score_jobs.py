"""`vetting score --jobs N`: the same results as one process, in the input order."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

EXAMPLES = ROOT / "examples" / "health-ai"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vetting", "score", *args], capture_output=True, text=True
    )


@pytest.mark.parametrize("fmt", ["json", "jsonl", "text"])
def test_jobs_give_the_same_output_in_the_same_order(fmt: str) -> None:
    one = run(str(EXAMPLES), "--format", fmt)
    two = run(str(EXAMPLES), "--format", fmt, "--jobs", "2")
    assert (one.returncode, one.stdout) == (two.returncode, two.stdout)
    if fmt == "jsonl":
        sources = [json.loads(line)["source"] for line in two.stdout.splitlines()]
        assert sources == sorted(sources)


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

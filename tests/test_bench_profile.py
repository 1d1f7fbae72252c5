"""bench/profile.py, the per-step profile of `vetting score`, runs and prints each step."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT

STEPS = (
    "PyYAML C-loader parse (the floor)",
    "reading the answers",
    "text table headline (summarize)",
    "evaluating",
    "assessment without explanation (with evaluating)",
    "explanation",
    "encoding (jsonl)",
    "a whole file, jsonl (read, scored, encoded)",
    "a whole file, text (read, scored, encoded)",
)


def test_the_profile_prints_the_cpu_of_every_step() -> None:
    script = ROOT / "bench" / "profile.py"
    argv = [sys.executable, str(script), "--files", "6", "--repeat", "1"]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(STEPS)
    assert all(line.startswith(step + " ") for line, step in zip(lines, STEPS, strict=True))
    for line in lines:
        figure = re.search(r"(\d+\.\d{3}) ms per file$", line)
        assert figure is not None, line
        assert float(figure.group(1)) > 0, line

"""Launch to first prompt on screen: `vetting assess` against a bare questionary prompt.

Both are driven in a pseudo-terminal (pexpect), as a user sees them; the time
is from spawn to the prompt text appearing. Median of N runs. Not a test: run

    .venv/bin/python bench/bench_startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

import pexpect

FLOOR = "import questionary; questionary.text('Name of the tool assessed:').ask()"


def first_prompt(argv: list[str], expect: str, cwd: str) -> float:
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "LANG": "en_GB.UTF-8", "TERM": "xterm"}
    start = time.perf_counter()
    child = pexpect.spawn(argv[0], argv[1:], cwd=cwd, env=env, encoding="utf-8", timeout=30)
    child.expect(expect)
    elapsed = time.perf_counter() - start
    child.terminate(force=True)
    return elapsed


def measure(argv: list[str], expect: str, runs: int, cwd: str) -> list[float]:
    first_prompt(argv, expect, cwd)  # warm the file cache
    return [first_prompt(argv, expect, cwd) for _ in range(runs)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as cwd:
        vetting = measure(
            [python, "-m", "vetting", "assess", "--lang", "en"], "Name of the tool", args.runs, cwd
        )
        floor = measure([python, "-c", FLOOR], "Name of the tool", args.runs, cwd)
    v, f = statistics.median(vetting), statistics.median(floor)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, runs: {args.runs}")
    print(f"vetting assess, launch to first prompt: median {v * 1000:.0f} ms")
    print(f"bare questionary.text() prompt:         median {f * 1000:.0f} ms")
    print(f"ratio: {v / f:.2f} x the questionary floor")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

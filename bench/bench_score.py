"""Benchmark: score 1,000 answer files in one `vetting score` run (not a test).

    .venv/bin/python bench/bench_score.py [--files 1000] [--rules rules/health-ai] [--seed 1]

Writes N random but valid answer files for the rule set (fixed seed: the same
files every time) to a temporary folder, then times, each in one fresh process:

- parsing every file with vetting's YAML loader, and nothing else (the baseline);
- `vetting score FOLDER --format text` (no explanation);
- `vetting score FOLDER --format jsonl` (with the explanation: contributors and
  what-ifs, which re-score each file many times).

It prints the time per file and the ratio of each run to the baseline. Each
figure is the best of `--repeat` runs, to damp noise from the machine.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

PARSE_ONLY = """
import sys
from pathlib import Path
from vetting import yamlio
for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    yamlio.load(path)
"""


def write_answers(folder: Path, rules: Path, count: int, seed: int) -> int:
    """N answer files with relevant questions answered at random (some unknown)."""
    from vetting.assess import Answers, Tool, dump_answers
    from vetting.assess.evaluate import evaluate
    from vetting.assess.prepare import prepare
    from vetting.ruleset.api import load_ruleset
    from vetting.ruleset.conditions import ABSENT, UNKNOWN

    compiled = load_ruleset(rules)
    prep = prepare(compiled)
    rng = random.Random(seed)
    total = 0
    for index in range(count):
        values: dict[str, Any] = {}
        for pq in prep.questions:
            q = pq.question
            roll = rng.random()
            if roll < 0.05:
                continue
            if roll < 0.12 and not pq.scope:
                values[q.id] = "unknown"
            elif q.type == "single":
                # Skewed towards the first (safer) choices, as real answers are.
                values[q.id] = pq.choice_ids[min(int(rng.expovariate(1.2)), len(pq.choice_ids) - 1)]
            elif q.type == "multiple":
                plain = [cid for cid in pq.choice_ids if cid not in pq.exclusive]
                values[q.id] = [cid for cid in plain if rng.random() < 0.3] or plain[:1]
        internal = {k: UNKNOWN if v == "unknown" else v for k, v in values.items()}
        state = evaluate(prep, internal, compiled.ruleset.as_of).state
        kept = {k: v for k, v in values.items() if state.get(k, ABSENT) is not ABSENT}
        answers = Answers(
            ruleset=f"{compiled.ruleset.id}@{compiled.ruleset.version}",
            tool=Tool(name=f"Tool {index:04d}", vendor="Bench"),
            # Dated: an undated file is refused, and the bench would time the refusal.
            date=compiled.ruleset.as_of,
            answers=kept,
        )
        text = dump_answers(answers, compiled)
        (folder / f"tool-{index:04d}.yaml").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def timed(command: list[str], repeat: int) -> float:
    """Best wall-clock time of `repeat` runs of a command, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(command, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - start
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}):\n{proc.stderr}")
        best = min(best, elapsed)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--rules", default=str(ROOT / "rules" / "health-ai"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="vetting-bench-") as tmp:
        folder = Path(tmp)
        size = write_answers(folder, Path(args.rules), args.files, args.seed)
        python = sys.executable
        vetting = [python, "-m", "vetting", "score", str(folder), "--rules", args.rules]
        runs = {
            "parse only (YAML loader)": [python, "-c", PARSE_ONLY, str(folder)],
            "vetting score --format text": [*vetting, "--format", "text"],
            "vetting score --format jsonl (explained)": [*vetting, "--format", "jsonl"],
        }
        times = {name: timed(command, args.repeat) for name, command in runs.items()}

    n = args.files
    print(f"{n} answer files, {size / n / 1024:.1f} KiB each, rule set {args.rules}")
    print(f"{'run':44} {'total':>8} {'per file':>10} {'ratio':>7}")
    baseline = times["parse only (YAML loader)"]
    for name, seconds in times.items():
        print(f"{name:44} {seconds:7.2f}s {seconds / n * 1000:8.2f}ms {seconds / baseline:6.1f}x")
    print("(each a fresh process, startup included; best of", args.repeat, "runs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

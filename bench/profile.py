"""Where a file's time goes in `vetting score`: the CPU of each step, per file (not a test).

    .venv/bin/python bench/profile.py [--files 1000] [--repeat 4] [--rules rules/health-ai]

Writes N random but valid answer files (bench_score.py's, with the bench's seed: the
same files as bench/run.py's), reads them once, then scores them in this process, on
one core, step by step, and prints the CPU per file of each step, the least of
`--repeat` runs:

- reading the answers (and, beside it, PyYAML's C loader on the same files: the floor
  of bench/run.py's budgets);
- the text table's headline (`summarize`: what `--format text` scores);
- evaluating (`evaluate`: relevance, points, knock-outs, verdict);
- the assessment without its explanation (its evaluation included), and the
  explanation alone;
- encoding a jsonl result;
- then a whole file, as `vetting score` scores it (`_score_file`: read, scored, encoded
  one after the other), for jsonl and for the text table.

The steps alone sum to less than a whole file: run back to back on files already
read, each finds the rule set's structures in the processor's caches, where a
whole file's reading has just replaced them (measured 2026-12-07: 1.8 ms of steps,
2.4 ms whole). Budgets are judged on whole files; the steps say where to look.

What was made before the runs is frozen for the garbage collector, as `vetting score`
does before it forks its workers. The budgets are bench/run.py's; this script says
where to look (docs/performance.md, "sixth round", has a run of it).
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def least_cpu_per_file(step: Callable[[], Any], files: int, repeat: int) -> float:
    """The least CPU time (ms) of `repeat` runs of `step`, divided by the files it scored."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        step()
        best = min(best, time.process_time() - start)
    return best * 1000 / files


def profile(folder: Path, rules: Path, repeat: int) -> list[tuple[str, float]]:
    """Each step's CPU per file on the answer files of `folder`."""
    import yaml

    from vetting.assess import evidence
    from vetting.assess.answers import load_answers
    from vetting.assess.evaluate import evaluate
    from vetting.assess.explain import explain_run
    from vetting.assess.prepare import internal_values, prepare
    from vetting.assess.score import score, summarize
    from vetting.assess.when import judged_date
    from vetting.cli import score as score_command
    from vetting.cli.score_output import encode_assessment
    from vetting.ruleset.api import load_ruleset

    compiled = load_ruleset(rules)
    paths = sorted(folder.glob("*.yaml"))
    loaded = [load_answers(path, compiled)[0] for path in paths]
    prep = prepare(compiled)
    inputs = []
    for answers in loaded:
        day = judged_date(answers)
        values = internal_values(answers, compiled)
        inputs.append((values, day, evidence.strengths(compiled, answers, day)))
    runs = [evaluate(prep, values, day, proofs) for values, day, proofs in inputs]
    assessments = [score(compiled, answers, points=False) for answers in loaded]
    # `vetting score`'s own per-file function, with its job as the command builds it.
    jobs = {fmt: score_command._Job((str(rules),), ROOT, fmt, False) for fmt in ("jsonl", "text")}
    rule_sets = score_command._rule_sets(jobs["text"])
    gc.collect()
    gc.freeze()

    def each(step: Callable[..., Any], items: list[Any]) -> Callable[[], Any]:
        return lambda: [step(*item) if isinstance(item, tuple) else step(item) for item in items]

    steps: list[tuple[str, Callable[[], Any]]] = [
        ("PyYAML C-loader parse (the floor)", each(_parse_floor(yaml), paths)),
        ("reading the answers", each(lambda path: load_answers(path, compiled), paths)),
        ("text table headline (summarize)", each(lambda a: summarize(compiled, a), loaded)),
        ("evaluating", each(lambda v, d, p: evaluate(prep, v, d, p), inputs)),
        (
            "assessment without explanation (with evaluating)",
            each(lambda a: score(compiled, a, explain=False, points=False), loaded),
        ),
        (
            "explanation",
            each(
                lambda run, item: explain_run(prep, item[0], run),
                list(zip(runs, inputs, strict=True)),
            ),
        ),
        (
            "encoding (jsonl)",
            each(
                lambda a: encode_assessment(a, "jsonl", single=False, lang=None, compact=False),
                assessments,
            ),
        ),
        *(
            (
                f"a whole file, {fmt} (read, scored, encoded)",
                each(
                    lambda path, job=job: score_command._score_file(rule_sets, job, str(path)),
                    paths,
                ),
            )
            for fmt, job in jobs.items()
        ),
    ]
    return [(name, least_cpu_per_file(step, len(paths), repeat)) for name, step in steps]


def _parse_floor(yaml: Any) -> Callable[[Path], Any]:
    def parse(path: Path) -> Any:
        return yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)

    return parse


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=4)
    parser.add_argument("--rules", type=Path, default=ROOT / "rules" / "health-ai")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_score import write_answers

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_answers(folder, args.rules, args.files, seed=1)
        for name, ms in profile(folder, args.rules, args.repeat):
            print(f"{name:50s} {ms:6.3f} ms per file")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

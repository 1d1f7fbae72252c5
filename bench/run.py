"""The benchmark runner: every speed budget, measured side by side with its reference.

    .venv/bin/python bench/run.py [--runs 15] [--files 1000 10000] [--no-copier]

Measures, in one run, on this machine, with repeats and medians:

- `vetting --help` against a bare `python -c pass`;
- `vetting check` of the default rules;
- launch to first prompt of `vetting assess`, against Copier (installed by this runner in
  bench/.cache, a two-question copier.yml, driven in a pseudo-terminal) and a bare
  `questionary.text()` prompt;
- `vetting score` of 1,000 and 10,000 answer files (the default `--jobs auto`, and
  `--jobs 1`), against the floor of parsing the same files with PyYAML's C loader; peak
  memory of each batch as JSON Lines; one file with and without the rule-set cache;
- the render time of each report format; the duration of the feature suite.

It prints each figure against the previous results (bench/results.json), writes the new
results there, and rewrites docs/performance.md, ratios first. Not a test: timing tests
are flaky; budgets live here and in the docs.

vetting is measured as installed: its modules byte-compiled first (pip does that for a
wheel; without it every run would also compile the sources), and the rule-set cache in
a private folder that the warm-up run fills.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
RESULTS = ROOT / "bench" / "results.json"
DOC = ROOT / "docs" / "performance.md"
VETTING = [sys.executable, "-m", "vetting"]
#: The heading of the hand-written part of docs/performance.md, kept by each run.
NOTES = "## Profiles and what was tried"

FLOOR_PARSE = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
"""


def median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 1)


def timed(
    argv: list[str], runs: int, cwd: Path | None = None, env: dict[str, str] | None = None
) -> float:
    """Median wall time of a command, in ms, after one warm-up run."""
    environ = {**os.environ, **(env or {})}
    subprocess.run(argv, capture_output=True, cwd=cwd, check=False, env=environ)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, cwd=cwd, check=False, env=environ)
        samples.append(time.perf_counter() - start)
    return median_ms(samples)


def first_prompt(argv: list[str], expect: str, runs: int, cwd: Path) -> float:
    import pexpect

    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "LANG": "en_GB.UTF-8", "TERM": "xterm"}

    def once() -> float:
        start = time.perf_counter()
        child = pexpect.spawn(
            argv[0], argv[1:], cwd=str(cwd), env=env, encoding="utf-8", timeout=60
        )
        child.expect(expect)
        elapsed = time.perf_counter() - start
        child.terminate(force=True)
        return elapsed

    once()
    return median_ms([once() for _ in range(runs)])


def copier_binary() -> Path:
    """Copier in its own virtual environment under bench/.cache (installed once)."""
    venv = CACHE / "copier-venv"
    binary = venv / "bin" / "copier"
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "copier"], check=True)
    return binary


def copier_template(folder: Path) -> Path:
    template = folder / "copier-template"
    template.mkdir(exist_ok=True)
    (template / "copier.yml").write_text(
        "tool_name:\n  type: str\n  help: Name of the tool assessed\n"
        "vendor:\n  type: str\n  help: Vendor\n",
        encoding="utf-8",
    )
    return template


def _descendants(pid: int) -> list[int]:
    """A process and every process below it, from /proc/PID/task/TID/children."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                with open(f"/proc/{current}/task/{tid}/children", encoding="ascii") as f:
                    todo.extend(int(child) for child in f.read().split())
            except OSError:
                continue
    return found


def _pss_kib(pid: int) -> int:
    """The proportional set size of a live process, in KiB (0 once it is gone).

    PSS divides each page among the processes that share it, so the PSS of a parent
    and its forked workers add up to the memory they hold together.
    """
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def peak_memory(argv: list[str], cwd: Path | None = None) -> tuple[float, int]:
    """Peak memory (MiB) of a command and its workers together, and its stdout bytes.

    Every 10 ms, the PSS of the process and of every process below it, summed; the
    largest sum is the peak. A peak shorter than 10 ms may be missed.
    """
    peak = 0
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.DEVNULL, cwd=cwd)
        while proc.poll() is None:
            peak = max(peak, sum(_pss_kib(pid) for pid in _descendants(proc.pid)))
            time.sleep(0.01)
        size = out.tell()
    return round(peak / 1024, 1), size


def longest_example() -> Path:
    """The example answers file whose HTML report is the longest: the PDF budget's case."""
    from vetting.assess.answers import load_answers
    from vetting.assess.score import score
    from vetting.report import render_html
    from vetting.ruleset.api import load_ruleset

    compiled = load_ruleset(ROOT / "rules" / "health-ai")
    sizes = {}
    for path in sorted((ROOT / "examples" / "health-ai").glob("*.yaml")):
        answers, _ = load_answers(path, compiled)
        sizes[path] = len(render_html(score(compiled, answers), compiled, answers, "en"))
    return max(sizes, key=lambda path: (sizes[path], path.name))


def render_times(runs: int) -> dict[str, float]:
    """Median in-process render time per report format (warm: templates compiled)."""
    from vetting.assess.answers import load_answers
    from vetting.assess.score import score
    from vetting.checklist import checklist_xlsx
    from vetting.report import render_html, render_markdown, render_notice, report_json
    from vetting.report.pdf import html_to_pdf
    from vetting.ruleset.api import load_ruleset

    compiled = load_ruleset(ROOT / "rules" / "health-ai")
    answers, _ = load_answers(ROOT / "examples/health-ai/us-chatbot-reject.yaml", compiled)
    assessment = score(compiled, answers)
    longest = longest_example()
    long_answers, _ = load_answers(longest, compiled)
    long_assessment = score(compiled, long_answers)
    jobs: dict[str, Callable[[], Any]] = {
        "md": lambda: render_markdown(assessment, compiled, answers, "en"),
        "html": lambda: render_html(assessment, compiled, answers, "en"),
        "json": lambda: report_json(assessment),
        "xlsx": lambda: checklist_xlsx(compiled, "en", answers=answers, assessment=assessment),
        "pdf": lambda: html_to_pdf(render_html(assessment, compiled, answers, "en")),
        "notice_html": lambda: render_notice(assessment, compiled, answers, "en", "html"),
        "pdf_longest": lambda: html_to_pdf(
            render_html(long_assessment, compiled, long_answers, "en")
        ),
    }
    out = {}
    for name, job in jobs.items():
        job()
        count = 5 if name.startswith("pdf") else runs
        samples = []
        for _ in range(count):
            start = time.perf_counter()
            job()
            samples.append(time.perf_counter() - start)
        out[name] = median_ms(samples)
    out["longest_example"] = longest.name  # type: ignore[assignment]
    return out


#: The outputs of `vetting score` measured side by side: the options after the folder.
OUTPUTS: dict[str, list[str]] = {
    "score": [],
    "json": ["--format", "json"],
    "jsonl": ["--format", "jsonl"],
    "jsonl_lang": ["--format", "jsonl", "--lang", "en"],
    "jsonl_compact": ["--format", "jsonl", "--compact"],
}


def score_runs(counts: list[int], folder: Path, big_runs: int = 3) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_score import write_answers

    results: dict[str, Any] = {}
    for count in counts:
        data = folder / f"answers-{count}"
        data.mkdir()
        size = write_answers(data, ROOT / "rules" / "health-ai", count, seed=1)
        runs = 5 if count <= 1000 else big_runs
        # Side by side: one run of each command in turn, repeated, so a busy spell of
        # the machine weighs on every figure alike.
        commands = {
            "floor_ms": [sys.executable, "-c", FLOOR_PARSE, str(data)],
            **{
                f"{name}_ms": [*VETTING, "score", str(data), *opts]
                for name, opts in OUTPUTS.items()
            },
            "score_jobs1_ms": [*VETTING, "score", str(data), "--jobs", "1"],
        }
        entry: dict[str, Any] = {"answers_bytes": size}
        # The first batch warms the rule-set cache and the files' pages; a batch of 10,000
        # files is warm enough after it.
        entry.update(interleaved(commands, runs, warm=count == counts[0]))
        for name in ("score", "json", "jsonl", "jsonl_lang", "jsonl_compact"):
            argv = [*VETTING, "score", str(data), *OUTPUTS[name]]
            entry[f"{name}_peak_mb"], entry[f"{name}_bytes"] = peak_memory(argv)
        results[str(count)] = entry
    one = sorted((folder / f"answers-{counts[0]}").glob("*.yaml"))[0]
    results["one_file_ms"] = timed([*VETTING, "score", str(one)], 10)
    results["one_file_no_cache_ms"] = timed(
        [*VETTING, "score", str(one)], 10, env={"VETTING_CACHE_DIR": "off"}
    )
    return results


def interleaved(commands: dict[str, list[str]], runs: int, *, warm: bool) -> dict[str, float]:
    """Median wall time (ms) of each command, run in turn `runs` times (after a warm-up)."""
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for repeat in range(0 if warm else 1, runs + 1):
        for name, argv in commands.items():
            start = time.perf_counter()
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            if repeat:
                samples[name].append(time.perf_counter() - start)
    return {name: median_ms(values) for name, values in samples.items()}


def measure(args: argparse.Namespace) -> dict[str, Any]:
    runs = args.runs
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(ROOT / "src" / "vetting")], check=True
        )
        os.environ["VETTING_CACHE_DIR"] = str(folder / "rule-cache")
        print("measuring vetting --help ...", flush=True)
        results["python_pass_ms"] = timed([sys.executable, "-c", "pass"], runs)
        results["help_ms"] = timed([str(Path(sys.executable).parent / "vetting"), "--help"], runs)
        print("measuring vetting check ...", flush=True)
        results["check_ms"] = timed([*VETTING, "check", str(ROOT / "rules/health-ai")], runs)
        print("measuring first prompts ...", flush=True)
        results["assess_first_prompt_ms"] = first_prompt(
            [*VETTING, "assess", "--lang", "en"], "Name of the tool", runs, folder
        )
        results["questionary_first_prompt_ms"] = first_prompt(
            [
                sys.executable,
                "-c",
                "import questionary; questionary.text('Name of the tool assessed:').ask()",
            ],
            "Name of the tool",
            runs,
            folder,
        )
        if not args.no_copier:
            copier = copier_binary()
            template = copier_template(folder)
            results["copier_first_prompt_ms"] = first_prompt(
                [str(copier), "copy", str(template), str(folder / "copier-out")],
                "Name of the tool",
                runs,
                folder,
            )
        print("measuring vetting score ...", flush=True)
        results["score"] = score_runs(args.files, folder, args.big_runs)
        print("measuring report rendering ...", flush=True)
        results["render_ms"] = render_times(runs)
        print("measuring the feature suite ...", flush=True)
        start = time.perf_counter()
        subprocess.run([*VETTING, "test"], cwd=ROOT, capture_output=True, check=False)
        results["features_s"] = round(time.perf_counter() - start, 1)
    return results


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "n/a"


def report(results: dict[str, Any], previous: dict[str, Any] | None) -> list[tuple[str, ...]]:
    """Rows: measure, figure, reference, ratio, budget, ok, previous figure."""
    r, p = results, previous or {}
    rows: list[tuple[str, ...]] = []

    def add(
        name: str,
        value: float,
        unit: str,
        ref: str,
        rel: str,
        budget: str,
        ok: bool,
        old: float | None,
    ) -> None:
        prev = f"{old:g} {unit}" if old is not None else "—"
        rows.append((name, rel, f"{value:g} {unit}", ref, budget, "yes" if ok else "**no**", prev))

    add(
        "`vetting --help`",
        r["help_ms"],
        "ms",
        f"`python -c pass` {r['python_pass_ms']:g} ms",
        ratio(r["help_ms"], r["python_pass_ms"]),
        "≤ 60 ms",
        r["help_ms"] <= 60,
        p.get("help_ms"),
    )
    add(
        "`vetting check` (default rules)",
        r["check_ms"],
        "ms",
        "—",
        "—",
        "≤ 300 ms",
        r["check_ms"] <= 300,
        p.get("check_ms"),
    )
    first, floor = r["assess_first_prompt_ms"], r["questionary_first_prompt_ms"]
    copier = r.get("copier_first_prompt_ms")
    add(
        "`vetting assess`, launch to first prompt",
        first,
        "ms",
        f"bare questionary {floor:g} ms",
        ratio(first, floor),
        "≤ 2× questionary",
        first <= 2 * floor,
        p.get("assess_first_prompt_ms"),
    )
    if copier:
        add(
            "`vetting assess`, launch to first prompt",
            first,
            "ms",
            f"Copier {copier:g} ms",
            ratio(first, copier),
            "≤ 0.6× Copier",
            first <= 0.6 * copier,
            p.get("assess_first_prompt_ms"),
        )
    score = r["score"]
    old_score = p.get("score") or {}
    counts = [count for count, entry in score.items() if isinstance(entry, dict)]
    for count in counts:
        entry, old = score[count], old_score.get(count, {})
        floor = f"PyYAML C-loader parse {entry['floor_ms']:g} ms"
        files = f"{int(count):,} files"
        timings = [
            ("score", f"`vetting score` of {files} (text table, `--jobs auto`)", 1.5),
            ("score_jobs1", f"`vetting score --jobs 1` of {files} (text table, one core)", None),
            ("json", f"`vetting score --format json` of {files}", 2.0),
            ("jsonl", f"`vetting score --format jsonl` of {files}", 2.0),
            ("jsonl_lang", f"`vetting score --format jsonl --lang en` of {files}", None),
            ("jsonl_compact", f"`vetting score --format jsonl --compact` of {files}", None),
        ]
        for key, name, times in timings:
            value = entry[f"{key}_ms"]
            add(
                name,
                value,
                "ms",
                floor,
                ratio(value, entry["floor_ms"]),
                f"≤ {times:g}× parse" if times else "—",
                value <= times * entry["floor_ms"] if times else True,
                old.get(f"{key}_ms"),
            )
    for count in counts:
        entry, old = score[count], old_score.get(count, {})
        small = score.get(counts[0], {})
        for key, label in (
            ("score", "text table"),
            ("json", "`--format json`"),
            ("jsonl", "`--format jsonl`"),
            ("jsonl_lang", "`--format jsonl --lang en`"),
            ("jsonl_compact", "`--format jsonl --compact`"),
        ):
            value = entry[f"{key}_peak_mb"]
            budgeted = key in ("json", "jsonl") and count != counts[0]
            first = small.get(f"{key}_peak_mb", value)
            add(
                f"peak memory, {label} of {int(count):,} files (parent and workers)",
                value,
                "MiB",
                f"{int(counts[0]):,} files {first:g} MiB" if budgeted else "—",
                ratio(value, first) if budgeted else "—",
                "≤ 120 MiB and ≤ 1.2× 1,000 files" if budgeted else "—",
                value <= 120 and value <= 1.2 * first if budgeted else True,
                old.get(f"{key}_peak_mb"),
            )
    for count in counts:
        entry, old = score[count], old_score.get(count, {})
        answers = entry["answers_bytes"] / 2**20
        for key, label in (
            ("json", "`--format json`"),
            ("jsonl", "`--format jsonl`"),
            ("jsonl_lang", "`--format jsonl --lang en`"),
            ("jsonl_compact", "`--format jsonl --compact`"),
        ):
            value = round(entry[f"{key}_bytes"] / 2**20, 1)
            size_before = old.get(f"{key}_bytes")
            add(
                f"output of {label}, {int(count):,} files",
                value,
                "MiB",
                f"answer files {answers:.1f} MiB",
                ratio(value, answers),
                "—",
                True,
                round(size_before / 2**20, 1) if isinstance(size_before, int) else None,
            )
    add(
        "`vetting score` of one file (rule-set cache warm)",
        score["one_file_ms"],
        "ms",
        f"cache off {score['one_file_no_cache_ms']:g} ms",
        ratio(score["one_file_ms"], score["one_file_no_cache_ms"]),
        "—",
        True,
        old_score.get("one_file_ms"),
    )
    budgets = {"md": 50, "html": 50, "json": 50, "pdf": 1500, "pdf_longest": 1500}
    old_render = p.get("render_ms") or {}
    longest = r["render_ms"].get("longest_example", "")
    for fmt, value in r["render_ms"].items():
        if not isinstance(value, int | float):
            continue
        limit = budgets.get(fmt)
        add(
            f"render pdf (longest example report, {longest})"
            if fmt == "pdf_longest"
            else f"render {fmt} (CareChat example)",
            value,
            "ms",
            "—",
            "—",
            f"≤ {limit} ms" if limit else "—",
            value <= limit if limit else True,
            old_render.get(fmt),
        )
    add(
        "feature suite (`vetting test`)",
        r["features_s"],
        "s",
        "—",
        "—",
        "—",
        True,
        p.get("features_s"),
    )
    return rows


def write_doc(results: dict[str, Any], rows: list[tuple[str, ...]], machine: str) -> None:
    head = (
        "| measure | ratio | figure | reference | budget | met | previous run |",
        "|---|---|---|---|---|---|---|",
    )
    table = "\n".join([*head, *("| " + " | ".join(row) + " |" for row in rows)])
    missed = [row[0] for row in rows if row[5] != "yes"]
    # The notes written by hand (profiles, what was tried) are kept from the last page.
    notes = ""
    if DOC.exists():
        old = DOC.read_text(encoding="utf-8")
        if NOTES in old:
            notes = old[old.index(NOTES) :]
    load = results.get("load") or [0.0, 0.0]
    load_text = f"{load[0]:.2f} at the start and {load[-1]:.2f} at the end of the run"
    cores = os.cpu_count() or 1
    if max(load) > cores:
        load_text += f": above {cores} (its cores), other work shared them while this ran"
    else:
        load_text += f": at most {cores} (its cores), this run's own processes included"
    DOC.write_text(
        f"""# Performance

Measured by `.venv/bin/python bench/run.py{results.get("options", "")}` on {machine},
{results["date"]}. Each figure is the median of {results["runs"]} runs (5 for the batches of
1,000 files and for the PDF, {results.get("big_runs", 3)} for 10,000 files, one for peak
memory and output size), after a warm-up; the references
are measured in the same run, on the same machine. The commands of a batch run side by
side: each in turn, then again, so a busy spell weighs on all of them alike; their output
goes to /dev/null. Ratios first: they travel between machines better than milliseconds.
vetting is measured as installed: byte-compiled, its rule-set cache filled by the
warm-up. Re-run the command to update this page; `bench/results.json` keeps the previous
run, shown in the last column.

The answer files are random but valid and dated (`bench/bench_score.py`, fixed seed), for
the default rule set. Peak memory is that of the parent and its workers together: every
10 ms, the sum of their proportional set sizes (PSS, from /proc: a page shared by a
forked worker and its parent counts once), the largest sum over the run.

The machine's load average (1 minute) was {load_text}.

{table}

Budgets missed in this run: {", ".join(missed) if missed else "none"}.

How the budgets are kept without flaky timing tests:

- `tests/test_cli.py` checks that `vetting --help` imports neither prompt_toolkit,
  questionary, Jinja2, pydantic nor PyYAML; the report package imports nothing heavy
  until it renders.
- `vetting assess` imports neither pydantic nor PyYAML before its first prompt
  (`tests/test_cli.py`), and loads the rule set in a thread once that prompt is drawn,
  while the buyer types the tool's name: the prompt costs little more than
  questionary's own.
- `vetting score` (what the figures above measure):
  - reuses the rule set checked by an earlier run when none of its files changed (a
    cache keyed by their SHA-256, see docs/security.md), instead of parsing and
    checking it again;
  - composes YAML with libyaml and types scalars itself, once (no YAML 1.1 resolver
    pass), and looks positions up in the node tree only when a message needs one;
  - builds the text table from the scorer's numbers alone (`summarize`, proved equal
    to the full assessment's headline by tests/test_summarize.py), and the JSON from
    checked internal data without re-validating it;
  - with `--jobs auto` (the default), forks one worker per usable core once there are
    200 files per core, the parent scoring its share too; results stream in input
    order, so memory stays flat on a portfolio;
  - answers "what would change the result" (json and jsonl) by re-scoring only what
    each tried change reaches (`assess/incremental.py`, proved equal to a full
    re-evaluation by tests/test_incremental.py), not the whole rule set, and stops a
    search at the first change that no other can beat (`least_outcome`, a bound
    checked against drawn trials; the explanation proved the same);
  - builds each finding once per rule set and shares it between the files that raise
    it, its texts the rule set's own (proved equal to fresh ones by
    tests/test_finding_cache.py);
  - encodes each json or jsonl result where it is scored, straight from the model with
    pydantic-core (no intermediate data; the answers' points, which no JSON result
    carries, are not computed), and writes it as it arrives
    (tests/test_score_stream.py): no result is kept once written.
- Regression guards: `tests/test_cli.py` (imports), `tests/test_summarize.py`,
  `tests/test_finding_cache.py`, `tests/test_rule_cache.py`,
  `tests/test_score_jobs.py` (same output whatever the
  number of processes), `tests/test_incremental.py` (work counted: a changed answer
  decides again only the rules that read it; the search's bound),
  `tests/test_score_stream.py` (the bytes of each layout); and this runner prints every
  figure beside the previous run.
{notes and chr(10) + notes}""",
        encoding="utf-8",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--files", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument(
        "--big-runs", type=int, default=3, help="runs of each batch above 1,000 files"
    )
    parser.add_argument("--no-copier", action="store_true", help="skip installing Copier")
    args = parser.parse_args()
    previous = json.loads(RESULTS.read_text()) if RESULTS.exists() else None
    load = [os.getloadavg()[0]]
    results = measure(args)
    results["load"] = [*load, os.getloadavg()[0]]
    cpu = os.cpu_count()
    machine = (
        f"{cpu} cores, {platform.system()} {platform.machine()}, Python {platform.python_version()}"
    )
    options = " ".join(sys.argv[1:])
    results.update(
        {
            "date": dt.date.today().isoformat(),
            "runs": args.runs,
            "big_runs": args.big_runs,
            "options": f" {options}" if options else "",
            "machine": machine,
        }
    )
    rows = report(results, previous)
    width = max(len(row[0]) for row in rows)
    for row in rows:
        print(
            f"{row[0]:<{width}}  {row[2]:>12}  {row[1]:>7}  vs {row[3]:<36} "
            f"budget {row[4]:<18} met {row[5]:<7} previous {row[6]}"
        )
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    write_doc(results, rows, machine)
    print(f"wrote {RESULTS.relative_to(ROOT)} and {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

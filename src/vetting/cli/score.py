"""`vetting score ANSWERS...`: score many answer files in one run; a CI gate.

Exit codes: 2 when a file (or the rule set) cannot be read, which takes
precedence; else 1 when a result reaches the `--fail-on` level or verdict;
else 0. A file that cannot be read is reported and the others are still scored.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import signal
import sys
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from vetting import catalog
from vetting.assess.answers import load_answers_with
from vetting.assess.assessment import JSON_FORMAT, LEVELS, VERDICTS
from vetting.assess.review import decision_problems
from vetting.assess.score import Summary, score, summarize
from vetting.cli.console import warnings_text
from vetting.cli.score_output import JsonOutput, encode, encode_assessment
from vetting.controls import escape_controls
from vetting.dates import maybe_day_option
from vetting.errors import Position, Problem, VettingError, format_problems
from vetting.i18n import default_language, level_name, scale_legend, verdict_name
from vetting.ruleset.registry import RuleSets, written_for
from vetting.signals import check_interrupted
from vetting.words import suggest

if TYPE_CHECKING:
    from collections import deque
    from multiprocessing.pool import AsyncResult

ANSWER_SUFFIXES = (".yaml", ".yml", ".json")
GATE_LEVELS: tuple[str, ...] = LEVELS
GATE_VERDICTS: tuple[str, ...] = VERDICTS


@dataclass
class _Row:
    """What the summary table and the gate need of one assessment."""

    tool: str
    verdict: str
    level: str
    points_level: str
    score: float
    knockouts: int
    completeness: float
    #: `id version` of the rule set that scored it, and the older version the answers
    #: name when they were read through its changelog.
    ruleset: str = ""
    written_for: str | None = None


@dataclass
class _Outcome:
    """One input: its summary row (and its JSON text), or the problems that stopped it."""

    path: str
    row: _Row | None = None
    #: The result as `--format json` or `jsonl` writes it (score_output.encode).
    text: bytes | None = None
    problems: list[Problem] = field(default_factory=list)
    stderr: str = ""


def _gate(value: str | None) -> tuple[str, int] | None:
    """`--fail-on X` as (kind, rank); a usage error when X is neither a level nor a verdict."""
    if value is None:
        return None
    name = value.strip().lower().replace("-", "_")
    if name in GATE_LEVELS:
        return "level", GATE_LEVELS.index(name)
    if name in GATE_VERDICTS:
        return "verdict", GATE_VERDICTS.index(name)
    near = suggest(name, GATE_LEVELS + GATE_VERDICTS)
    hint = f" ({near})" if near else ""
    raise VettingError(
        f"--fail-on: '{value}' is neither a level ({', '.join(GATE_LEVELS)}) "
        f"nor a verdict ({', '.join(GATE_VERDICTS)}){hint}"
    )


def _answer_files(folder: Path) -> list[str]:
    """The answer files under a folder, sorted, skipping hidden files and folders.

    `os.walk` and one `stat` per answer file rather than `Path.rglob`: listing
    10,000 files costs milliseconds, not a tenth of a second.
    """
    found: list[tuple[str, ...]] = []
    for top, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = Path(top).relative_to(folder).parts
        for name in files:
            # Regular files only: not a dangling link, nor a FIFO that would block.
            if (
                not name.startswith(".")
                and name.endswith(ANSWER_SUFFIXES)
                and os.path.isfile(os.path.join(top, name))
            ):
                found.append((*rel, name))
    found.sort()
    # Named as Path would name them (`dir/a.yaml`, not `./dir/a.yaml`).
    return [str(folder.joinpath(*parts)) for parts in found]


def _expand(inputs: list[str]) -> list[str | _Outcome]:
    """Files to score, in the order given; a folder gives its answer files, sorted.

    An empty folder is an input error, kept in place so outputs stay in order.
    """
    items: list[str | _Outcome] = []
    for raw in inputs:
        path = Path(raw)
        if not path.is_dir():
            items.append(raw)
            continue
        found = _answer_files(path)
        if not found:
            problem = Problem(Position(raw), "no .yaml, .yml or .json answers file in this folder")
            items.append(_Outcome(raw, problems=[problem]))
        items.extend(found)
    return items


def _reached(row: _Row, gate: tuple[str, int]) -> bool:
    kind, rank = gate
    if kind == "level":
        return GATE_LEVELS.index(row.level) >= rank
    return GATE_VERDICTS.index(row.verdict) >= rank


def _number(value: float, lang: str) -> str:
    text = f"{value:.1f}"
    return text.replace(".", catalog.text(lang, "formats.decimal_separator"))


def _ruleset_cell(row: _Row, lang: str) -> str:
    if row.written_for is None:
        return row.ruleset
    return catalog.text(
        lang, "cli.score.ruleset_migrated", ruleset=row.ruleset, version=row.written_for
    )


def _table(outcomes: list[_Outcome], lang: str) -> str:
    scored = [item.row for item in outcomes if item.row is not None]
    # A rule-set column only when the run mixes rule sets or reads older answers.
    mixed = len({r.ruleset for r in scored}) > 1 or any(r.written_for for r in scored)
    header = list(catalog.entry(lang, "cli.score.headers"))
    if mixed:
        header.insert(2, catalog.text(lang, "cli.score.ruleset_header"))
    rows: list[tuple[str, ...]] = [tuple(header)]
    counts = dict.fromkeys((*GATE_VERDICTS, "error"), 0)
    for item in outcomes:
        a = item.row
        if a is None:
            cells = [escape_controls(item.path), "", catalog.text(lang, "cli.score.error")]
            if mixed:
                cells.insert(2, "")
            rows.append(tuple(cells + [""] * (len(header) - len(cells))))
            counts["error"] += 1
            continue
        counts[a.verdict] += 1
        cells = [
            escape_controls(item.path),
            escape_controls(a.tool),
            verdict_name(a.verdict, lang),
            level_name(a.level, lang),
            level_name(a.points_level, lang),
            _number(a.score, lang),
            str(a.knockouts),
            f"{_number(a.completeness, lang)} %",
        ]
        if mixed:
            cells.insert(2, _ruleset_cell(a, lang))
        rows.append(tuple(cells))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    right = {6, 7, 8} if mixed else {5, 6, 7}
    lines = []
    for row in rows:
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
    names = {
        **{v: verdict_name(v, lang) for v in GATE_VERDICTS},
        "error": catalog.text(lang, "cli.score.error"),
    }
    summary = ", ".join(f"{n} {names[key]}" for key, n in counts.items() if n)
    files = catalog.plural(lang, "cli.score.files", len(outcomes))
    lines.append(f"{files}{catalog.text(lang, 'interview.colon')}{summary}")
    return "\n".join(lines) + "\n"


def _json_text(item: _Outcome, fmt: str, *, single: bool) -> bytes:
    if item.text is None:
        error = {
            "vetting_score": JSON_FORMAT,
            "source": item.path,
            "errors": [str(p) for p in item.problems],
        }
        return encode(error, fmt, single=single)
    return item.text


#: The rule sets of this process: set once, inherited or rebuilt by worker processes,
#: each loading (from the cache) only the rule sets its files name.
_RULE_SETS: RuleSets | None = None


@dataclass
class _Job:
    rules: tuple[str, ...]
    cwd: Path
    fmt: str
    strict: bool
    #: `--date`: the assessment date of files that record none.
    date: dt.date | None = None
    #: `--lang` given: the one language of the rule set's texts in json and jsonl.
    lang: str | None = None
    #: `--compact`: json and jsonl without the rule set's texts.
    compact: bool = False
    #: One answers file, not a folder: `--format json` writes an object, not an array.
    single: bool = False


def _rule_sets(job: _Job) -> RuleSets:
    global _RULE_SETS
    if _RULE_SETS is None:
        _RULE_SETS = RuleSets(job.rules, job.cwd)
    return _RULE_SETS


def _init_worker(job: _Job) -> None:
    # Ctrl-C is the parent's to handle: a worker killed by it while waiting for work
    # would die holding the pool's queue lock, and the parent would wait on it forever.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _rule_sets(job).default()


def _score_one(job: _Job, entry: str) -> _Outcome:
    """Score one file into what the outputs need: small, so a portfolio streams."""
    try:
        return _score_file(_rule_sets(job), job, entry)
    except VettingError as exc:
        return _Outcome(entry, problems=exc.problems, stderr=format_problems(exc.problems))
    except Exception as exc:  # a bug of ours on one file must not stop a whole batch
        problem = Problem(
            Position(entry),
            f"vetting failed on this file ({type(exc).__name__}: {exc})",
            hint="a bug in vetting: please report it, with the file if you can",
        )
        return _Outcome(entry, problems=[problem], stderr=format_problems([problem]))


def _score_file(rule_sets: RuleSets, job: _Job, entry: str) -> _Outcome:
    """One file's outcome; its input errors are raised, for `_score_one` to keep."""
    compiled, answers, warnings = load_answers_with(
        Path(entry), rule_sets, strict=job.strict, display=entry, date=job.date
    )
    notes = warnings_text(warnings)
    tool = answers.tool.name + (f" {answers.tool.version}" if answers.tool.version else "")
    text: bytes | None = None
    if job.fmt == "text":
        # The table needs the headline only: no findings, texts or explanation to build.
        head = summarize(compiled, answers)
    else:
        assessment = score(compiled, answers, explain=True, points=False)
        head = Summary.of(assessment)
        text = encode_assessment(
            assessment, job.fmt, single=job.single, lang=job.lang, compact=job.compact
        )
    notes += warnings_text(_upcoming_problems(entry, head))
    problems = decision_problems(head.knockouts, answers)
    if problems:
        return _Outcome(entry, problems=problems, stderr=notes + format_problems(problems))
    row = _Row(
        tool,
        head.verdict,
        head.level,
        head.points_level,
        head.score,
        len(head.knockouts),
        head.completeness,
        f"{compiled.origin.id} {compiled.origin.version}",
        written_for(answers.ruleset, compiled.origin.version),
    )
    return _Outcome(entry, row=row, text=text, stderr=notes)


def _upcoming_problems(entry: str, head: Summary) -> list[Problem]:
    """A knock-out that starts to hold before the next review, as a warning: the gate
    judges the tool on its judged date, but a decision taken now still runs then."""
    if head.next_review is None:  # upcoming knock-outs are looked for up to the review
        return []
    review = head.next_review.isoformat()
    return [
        Problem(
            Position(entry),
            f"from {coming.date.isoformat()}, before the next review ({review}), "
            f"{'this knock-out holds' if len(coming.knockouts) == 1 else 'these knock-outs hold'}"
            f" (not yet on the judged date): {', '.join(coming.knockouts)}",
            hint=f"require compliance before {coming.date.isoformat()}, or review the tool then",
        )
        for coming in head.upcoming
    ]


#: `--jobs auto` adds a process per this many files. Measured on the bench's answer
#: files: forking a worker costs about 6 ms and a file about 0.4 ms, so 200 files keep
#: a worker busy for some 80 ms, well worth its start.
FILES_PER_JOB = 200


def usable_cores(cpu_max: Path = Path("/sys/fs/cgroup/cpu.max")) -> int:
    """The cores this process may keep busy: its CPU affinity, capped by a container's
    CPU quota (cgroup v2 `cpu.max`), so a CI runner with a 2-CPU quota on a 64-core
    host gets 2 workers, not 64."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS and Windows have no affinity
        cores = os.cpu_count() or 1
    try:
        quota, period = cpu_max.read_text(encoding="ascii").split()[:2]
        if quota != "max":
            cores = min(cores, max(1, int(int(quota) / int(period))))
    except (OSError, ValueError):
        pass
    return max(1, cores)


def job_count(requested: int, files: int) -> int:
    """Processes to use: `requested`, or for `auto` (0) the cores the files can keep busy."""
    if requested >= 1:
        return requested
    return max(1, min(usable_cores(), files // FILES_PER_JOB))


def _score_block(job: _Job, block: list[str]) -> list[_Outcome]:
    """A worker's block: its outcomes in one list, sent back at once."""
    return [_score_one(job, entry) for entry in block]


def _score_each(job: _Job, block: list[str]) -> Iterator[_Outcome]:
    """This process's block, one outcome at a time: each is written and let go before
    the next is scored (a JSON result is tens of kilobytes)."""
    for entry in block:
        yield _score_one(job, entry)


#: The interpreter's turn while workers run (seconds): see `_run_jobs`.
SWITCH_INTERVAL = 0.0005


def _run_jobs(job: _Job, entries: list[str], jobs: int) -> Generator[_Outcome, None, None]:
    """Outcomes in input order; with jobs > 1, this process and jobs - 1 forked workers.

    Files go in blocks, one block in `jobs` scored here and the others by the
    workers, so every core scores (the parent is not left waiting) and results
    still stream in input order.
    """
    if jobs <= 1 or len(entries) < 2:
        for entry in entries:
            yield _score_one(job, entry)
        return
    import gc
    import multiprocessing
    from collections import deque

    # The first file is scored before the workers fork: what every process builds on
    # its first file (the validators and serializers of the models, the prepared rule
    # set, some 30 ms) is then built once, and the workers inherit it.
    first = _score_one(job, entries[0])
    size = max(1, min(64 if job.fmt == "text" else 32, len(entries) // (jobs * 8)))
    blocks = [entries[i : i + size] for i in range(0, len(entries), size)]
    mine = set(range(0, len(blocks), jobs))
    theirs = iter([block for index, block in enumerate(blocks) if index not in mine])
    # Objects made so far are never collected: the children do not copy them to count.
    gc.freeze()
    # The pool's threads and workers start with SIGINT blocked: Ctrl-C then reaches this
    # thread, which alone runs Python's handler, at once (a signal taken by a helper
    # thread waits until this one next looks, which may be after its last output).
    # POSIX only: Windows has no signal masks, and delivers Ctrl-C to the main thread.
    sigmask = getattr(signal, "pthread_sigmask", None)
    mask = sigmask(signal.SIG_BLOCK, {signal.SIGINT}) if sigmask else None
    try:
        pool = multiprocessing.Pool(jobs - 1, initializer=_init_worker, initargs=(job,))
    finally:
        if sigmask and mask is not None:
            sigmask(signal.SIG_SETMASK, mask)
    # The pool's thread that takes in the workers' results needs the interpreter while
    # this thread scores: with the default 5 ms turns, a block of results (2 MB of
    # JSON) crossed the pipe in 20 to 30 ms, and the worker waited for it to drain.
    switch = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL)
    try:
        with pool:
            # A bounded window of blocks in flight: workers never run far ahead of the
            # output, so results do not pile up in memory while this process scores.
            flight: deque[AsyncResult[list[_Outcome]]] = deque()

            def submit() -> None:
                block = next(theirs, None)
                if block is not None:
                    flight.append(pool.apply_async(_score_block, (job, block)))

            for _ in range(2 * (jobs - 1)):
                submit()
            for index, block in enumerate(blocks):
                if index == 0:
                    yield first
                    yield from _score_each(job, block[1:])
                    continue
                if index in mine:
                    yield from _score_each(job, block)
                    continue
                done = flight.popleft().get()
                submit()
                if not flight:
                    # The workers' share is done: no process outlives it, whatever follows.
                    pool.close()
                    pool.join()
                yield from done
    finally:
        sys.setswitchinterval(switch)


def execute(args: argparse.Namespace) -> int:
    global _RULE_SETS
    lang = args.lang or default_language()
    gate = _gate(args.fail_on)
    if args.compact and args.format == "text":
        raise VettingError(
            "--compact: only json and jsonl have texts to leave out; add --format json or jsonl"
        )
    job = _Job(
        tuple(args.rules or ()),
        Path.cwd(),
        args.format,
        args.strict,
        maybe_day_option("--date", args.date),
        lang=args.lang,
        compact=args.compact,
        single=len(args.answers) == 1 and not Path(args.answers[0]).is_dir(),
    )
    _RULE_SETS = None
    default = _rule_sets(job).default()  # checked once, before any worker starts
    items = _expand(list(args.answers))
    entries = [item for item in items if isinstance(item, str)]
    scored = _run_jobs(job, entries, job_count(args.jobs, len(entries)))
    # Only the text table keeps its (small) rows: json and jsonl stream each result as
    # soon as it is ready and keep nothing, so a portfolio of any size runs in flat memory.
    kept: list[_Outcome] = []
    count = 0
    failed = False
    reached: list[str] = []
    output = JsonOutput(sys.stdout, args.format, single=job.single)
    for item in items:
        check_interrupted()  # a Ctrl-C swallowed on its way still stops the batch here
        outcome = item if isinstance(item, _Outcome) else next(scored)
        if isinstance(item, _Outcome):
            outcome.stderr = format_problems(item.problems)
        sys.stderr.write(outcome.stderr)
        failed = failed or outcome.row is None
        if outcome.row is not None and gate is not None and _reached(outcome.row, gate):
            reached.append(outcome.path)
        if args.format != "text":
            output.write(_json_text(outcome, args.format, single=job.single))
        count += 1
        if args.format == "text":
            kept.append(outcome)
    scored.close()  # every result is in: end the worker pool before the last output

    if args.format == "text":
        floors = default.ruleset.scoring.level_floors
        legend = scale_legend(floors.knockout, floors.pending, floors.severity.items(), lang)
        sys.stdout.write(_table(kept, lang) + legend + "\n")
    else:
        output.close()

    if failed:
        return 2
    if gate is not None and reached:
        sys.stderr.write(
            f"--fail-on {args.fail_on}: {len(reached)} of {count} reached it: "
            + escape_controls(", ".join(reached))
            + "\n"
        )
        return 1
    return 0

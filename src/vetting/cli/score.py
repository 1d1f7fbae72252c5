"""`vetting score ANSWERS...`: score many answer files in one run; a CI gate.

Exit codes: 2 when a file (or the rule set) cannot be read, which takes
precedence; else 1 when a result reaches the `--fail-on` level or verdict;
else 0. A file that cannot be read is reported and the others are still scored.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vetting.assess.answers import load_answers
from vetting.assess.assessment import JSON_FORMAT, LEVELS, VERDICTS, assessment_json
from vetting.assess.review import decision_problems
from vetting.assess.score import score
from vetting.errors import Position, Problem, VettingError, format_problems
from vetting.i18n import LEVEL_NAMES, VERDICT_NAMES, default_language
from vetting.ruleset.api import load_ruleset
from vetting.ruleset.compiled import CompiledRuleSet

ANSWER_SUFFIXES = (".yaml", ".yml", ".json")
GATE_LEVELS: tuple[str, ...] = LEVELS
GATE_VERDICTS: tuple[str, ...] = VERDICTS

_HEADERS = {
    "en": ("file", "tool", "verdict", "level", "score", "KO", "complete"),
    "fr": ("fichier", "outil", "verdict", "niveau", "score", "KO", "complétude"),
}
_ERROR = {"en": "error", "fr": "erreur"}
_FILES = {"en": "file(s)", "fr": "fichier(s)"}


@dataclass
class _Row:
    """What the summary table and the gate need of one assessment."""

    tool: str
    verdict: str
    level: str
    score: float
    knockouts: int
    completeness: float


@dataclass
class _Outcome:
    """One input: its summary row (and JSON), or the problems that stopped it."""

    path: str
    row: _Row | None = None
    data: dict[str, Any] | None = None
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
    import difflib

    close = difflib.get_close_matches(name, GATE_LEVELS + GATE_VERDICTS, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    raise VettingError(
        f"--fail-on: '{value}' is neither a level ({', '.join(GATE_LEVELS)}) "
        f"nor a verdict ({', '.join(GATE_VERDICTS)}){hint}"
    )


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
        found = sorted(
            p
            for p in path.rglob("*")
            if p.suffix in ANSWER_SUFFIXES
            and p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        if not found:
            problem = Problem(Position(raw), "no .yaml, .yml or .json answers file in this folder")
            items.append(_Outcome(raw, problems=[problem]))
        items.extend(str(p) for p in found)
    return items


def _reached(row: _Row, gate: tuple[str, int]) -> bool:
    kind, rank = gate
    if kind == "level":
        return GATE_LEVELS.index(row.level) >= rank
    return GATE_VERDICTS.index(row.verdict) >= rank


def _warning(problem: Problem) -> str:
    where = f"{problem.position}: " if problem.position else ""
    inside = f"{problem.path}: " if problem.path else ""
    fix = f" ({problem.hint})" if problem.hint else ""
    return f"{where}warning: {inside}{problem.message}{fix}"


def _number(value: float, lang: str) -> str:
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "fr" else text


def _table(outcomes: list[_Outcome], lang: str) -> str:
    rows: list[tuple[str, ...]] = [_HEADERS[lang]]
    counts = dict.fromkeys((*GATE_VERDICTS, "error"), 0)
    for item in outcomes:
        a = item.row
        if a is None:
            rows.append((item.path, "", _ERROR[lang], "", "", "", ""))
            counts["error"] += 1
            continue
        counts[a.verdict] += 1
        rows.append(
            (
                item.path,
                a.tool,
                VERDICT_NAMES[a.verdict][lang],
                LEVEL_NAMES[a.level][lang],
                _number(a.score, lang),
                str(a.knockouts),
                f"{_number(a.completeness, lang)} %",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    right = {4, 5, 6}
    lines = []
    for row in rows:
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
    names = {**{v: VERDICT_NAMES[v][lang] for v in GATE_VERDICTS}, "error": _ERROR[lang]}
    summary = ", ".join(f"{n} {names[key]}" for key, n in counts.items() if n)
    lines.append(f"{len(outcomes)} {_FILES[lang]}: {summary}")
    return "\n".join(lines) + "\n"


def _json_item(item: _Outcome) -> dict[str, Any]:
    if item.data is None:
        return {
            "vetting_score": JSON_FORMAT,
            "source": item.path,
            "errors": [str(p) for p in item.problems],
        }
    return item.data


#: The rule set of this process: set once, inherited or loaded by worker processes.
_COMPILED: CompiledRuleSet | None = None


@dataclass
class _Job:
    rules: str | None
    fmt: str
    strict: bool


def _init_worker(rules: str | None) -> None:
    global _COMPILED
    if _COMPILED is None:
        _COMPILED = load_ruleset(rules)


def _score_one(job: _Job, entry: str) -> _Outcome:
    """Score one file into what the outputs need: small, so a portfolio streams."""
    if _COMPILED is None:
        _init_worker(job.rules)
    compiled = _COMPILED
    assert compiled is not None
    try:
        answers, warnings = load_answers(Path(entry), compiled, strict=job.strict, display=entry)
    except VettingError as exc:
        return _Outcome(entry, problems=exc.problems, stderr=format_problems(exc.problems))
    notes = "".join(_warning(problem) + "\n" for problem in warnings)
    assessment = score(compiled, answers, explain=job.fmt != "text")
    problems = decision_problems(assessment, answers)
    if problems:
        return _Outcome(entry, problems=problems, stderr=notes + format_problems(problems))
    row = _Row(
        tool=assessment.tool.name
        + (f" {assessment.tool.version}" if assessment.tool.version else ""),
        verdict=assessment.verdict,
        level=assessment.level,
        score=assessment.score,
        knockouts=len(assessment.knockouts),
        completeness=assessment.completeness,
    )
    data = assessment_json(assessment) if job.fmt != "text" else None
    return _Outcome(entry, row=row, data=data, stderr=notes)


def _run_jobs(job: _Job, entries: list[str], jobs: int) -> Iterator[_Outcome]:
    """Outcomes in input order; with jobs > 1, from worker processes, as they finish."""
    if jobs <= 1 or len(entries) < 2:
        for entry in entries:
            yield _score_one(job, entry)
        return
    import multiprocessing
    from functools import partial

    with multiprocessing.Pool(jobs, initializer=_init_worker, initargs=(job.rules,)) as pool:
        chunk = max(1, min(64, len(entries) // (jobs * 8)))
        yield from pool.imap(partial(_score_one, job), entries, chunksize=chunk)


def execute(args: argparse.Namespace) -> int:
    global _COMPILED
    lang = args.lang or default_language()
    gate = _gate(args.fail_on)
    _COMPILED = load_ruleset(args.rules)  # checked once, before any worker starts
    job = _Job(args.rules, args.format, args.strict)
    items = _expand(list(args.answers))
    entries = [item for item in items if isinstance(item, str)]
    scored = _run_jobs(job, entries, max(1, args.jobs))
    # Only small rows are kept: jsonl streams each result as soon as it is ready.
    kept: list[_Outcome] = []
    failed = False
    reached: list[str] = []
    json_items: list[dict[str, Any]] = []
    for item in items:
        outcome = item if isinstance(item, _Outcome) else next(scored)
        if isinstance(item, _Outcome):
            outcome.stderr = format_problems(item.problems)
        sys.stderr.write(outcome.stderr)
        failed = failed or outcome.row is None
        if outcome.row is not None and gate is not None and _reached(outcome.row, gate):
            reached.append(outcome.path)
        if args.format == "jsonl":
            sys.stdout.write(json.dumps(_json_item(outcome), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        elif args.format == "json":
            json_items.append(_json_item(outcome))
        outcome.data = None
        kept.append(outcome)

    if args.format == "text":
        sys.stdout.write(_table(kept, lang))
    elif args.format == "json":
        single = len(args.answers) == 1 and len(kept) == 1 and not Path(args.answers[0]).is_dir()
        data: Any = json_items[0] if single else json_items
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")

    if failed:
        return 2
    if gate is not None and reached:
        sys.stderr.write(
            f"--fail-on {args.fail_on}: {len(reached)} of {len(kept)} reached it: "
            + ", ".join(reached)
            + "\n"
        )
        return 1
    return 0

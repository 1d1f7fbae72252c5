"""`vetting score ANSWERS...`: score many answer files in one run; a CI gate.

Exit codes: 2 when a file (or the rule set) cannot be read, which takes
precedence; else 1 when a result reaches the `--fail-on` level or verdict;
else 0. A file that cannot be read is reported and the others are still scored.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vetting.assess.answers import load_answers
from vetting.assess.assessment import JSON_FORMAT, LEVELS, VERDICTS, Assessment, assessment_json
from vetting.assess.review import decision_problems
from vetting.assess.score import score
from vetting.errors import Position, Problem, VettingError, format_problems
from vetting.i18n import LEVEL_NAMES, VERDICT_NAMES, default_language
from vetting.ruleset.api import load_ruleset

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
class _Outcome:
    """One input: its assessment, or the problems that stopped it."""

    path: str
    assessment: Assessment | None = None
    problems: list[Problem] = field(default_factory=list)


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


def _reached(assessment: Assessment, gate: tuple[str, int]) -> bool:
    kind, rank = gate
    if kind == "level":
        return GATE_LEVELS.index(assessment.level) >= rank
    return GATE_VERDICTS.index(assessment.verdict) >= rank


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
        a = item.assessment
        if a is None:
            rows.append((item.path, "", _ERROR[lang], "", "", "", ""))
            counts["error"] += 1
            continue
        tool = a.tool.name + (f" {a.tool.version}" if a.tool.version else "")
        counts[a.verdict] += 1
        rows.append(
            (
                item.path,
                tool,
                VERDICT_NAMES[a.verdict][lang],
                LEVEL_NAMES[a.level][lang],
                _number(a.score, lang),
                str(len(a.knockouts)),
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
    if item.assessment is None:
        return {
            "vetting_score": JSON_FORMAT,
            "source": item.path,
            "errors": [str(p) for p in item.problems],
        }
    return assessment_json(item.assessment)


def execute(args: argparse.Namespace) -> int:
    lang = args.lang or default_language()
    gate = _gate(args.fail_on)
    compiled = load_ruleset(args.rules)
    outcomes: list[_Outcome] = []
    explain = args.format != "text"
    for entry in _expand(list(args.answers)):
        if isinstance(entry, _Outcome):
            for problem in entry.problems:
                sys.stderr.write(f"{problem}\n")
            outcomes.append(entry)
            continue
        try:
            answers, warnings = load_answers(
                Path(entry), compiled, strict=args.strict, display=entry
            )
        except VettingError as exc:
            sys.stderr.write(format_problems(exc.problems))
            outcomes.append(_Outcome(entry, problems=exc.problems))
            continue
        for problem in warnings:
            sys.stderr.write(_warning(problem) + "\n")
        assessment = score(compiled, answers, explain=explain)
        problems = decision_problems(assessment, answers)
        if problems:
            sys.stderr.write(format_problems(problems))
            outcomes.append(_Outcome(entry, problems=problems))
            continue
        outcomes.append(_Outcome(entry, assessment))

    if args.format == "text":
        sys.stdout.write(_table(outcomes, lang))
    elif args.format == "jsonl":
        for item in outcomes:
            sys.stdout.write(json.dumps(_json_item(item), ensure_ascii=False) + "\n")
    else:
        single = (
            len(args.answers) == 1 and len(outcomes) == 1 and not Path(args.answers[0]).is_dir()
        )
        data: Any = _json_item(outcomes[0]) if single else [_json_item(o) for o in outcomes]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")

    if any(item.assessment is None for item in outcomes):
        return 2
    if gate is not None:
        reached = [o.path for o in outcomes if o.assessment and _reached(o.assessment, gate)]
        if reached:
            sys.stderr.write(
                f"--fail-on {args.fail_on}: {len(reached)} of {len(outcomes)} reached it: "
                + ", ".join(reached)
                + "\n"
            )
            return 1
    return 0

"""Answer files in, scored assessments out: the reading every workflow shares.

A decision that accepts a tool despite a knock-out without a written
justification is an input error here, as a typo would be: the committee's
record must hold up before any output shows it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from vetting.assess.answers import Answers, load_answers_with
from vetting.assess.assessment import Assessment
from vetting.assess.review import decision_problems
from vetting.assess.score import score
from vetting.errors import Position, Problem, VettingError
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.registry import RuleSets

ANSWER_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class Scored:
    """One answers file, checked and scored, with the warnings its reading gave."""

    path: str
    answers: Answers
    assessment: Assessment
    warnings: tuple[Problem, ...] = ()
    #: The rule set that scored it: the one its `ruleset:` names (several per run).
    compiled: CompiledRuleSet | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Unreadable:
    """A file that could not be scored, and why (kept in place, so outputs stay in order)."""

    path: str
    problems: tuple[Problem, ...] = field(default_factory=tuple)


def score_file(
    rules: CompiledRuleSet | RuleSets,
    path: Path,
    display: str | None = None,
    *,
    explain: bool = False,
    date: dt.date | None = None,
) -> Scored:
    """Load, score and check the decision of one answers file; `VettingError` if it fails.

    `date` dates a file that has none (`--date`); an undated file is refused otherwise.
    """
    name = display or str(path)
    compiled, answers, warnings = load_answers_with(path, rules, display=name, date=date)
    assessment = score(compiled, answers, explain=explain)
    problems = decision_problems(assessment.knockout_ids, answers)
    if problems:
        raise VettingError(problems)
    return Scored(name, answers, assessment, tuple(warnings), compiled)


def answer_files(folder: Path) -> list[Path]:
    """Every answers file under `folder`, recursively, sorted; hidden files and folders skipped."""
    if not folder.is_dir():
        what = "no such folder" if not folder.exists() else "not a folder"
        raise VettingError(Problem(Position(str(folder)), what))
    return sorted(
        p
        for p in folder.rglob("*")
        if p.suffix in ANSWER_SUFFIXES
        and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def score_folder(
    rules: CompiledRuleSet | RuleSets, folder: Path, date: dt.date | None = None
) -> tuple[list[tuple[str, Scored]], list[tuple[str, Unreadable]]]:
    """Every answers file of a folder: (path relative to the folder, scored or unreadable)."""
    scored: list[tuple[str, Scored]] = []
    unreadable: list[tuple[str, Unreadable]] = []
    for path in answer_files(folder):
        relative = path.relative_to(folder).as_posix()
        display = str(path)
        try:
            scored.append((relative, score_file(rules, path, display, date=date)))
        except VettingError as exc:
            unreadable.append((relative, Unreadable(display, tuple(exc.problems))))
    return scored, unreadable

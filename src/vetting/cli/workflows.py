"""`vetting compare`, `vetting diff`, `vetting portfolio`: the shell around `vetting.workflows`.

The only place the workflows read the clock (the portfolio's "today", unless
`--today` gives it) and the only place they print or write files. Exit codes:
2 when an input cannot be read (or a decision does not hold up); for `diff`,
1 when something changed, else 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from vetting.cli.console import warn
from vetting.dates import maybe_day_option
from vetting.errors import Position, Problem, VettingError, format_problems
from vetting.files import atomic_write
from vetting.i18n import default_language
from vetting.ruleset.registry import RuleSets
from vetting.workflows.inputs import Scored, score_file

EXIT_OK = 0
EXIT_CHANGED = 1
EXIT_INPUT = 2


def _emit(output: str | None, content: str | bytes) -> None:
    """Standard output unless `-o FILE`; a file is written whole or not at all."""
    if output:
        atomic_write(Path(output), content)
        return
    if isinstance(content, bytes):
        if sys.stdout.isatty():
            raise VettingError(
                Problem(None, "an XLSX workbook is binary", hint="write it to a file: -o FILE.xlsx")
            )
        sys.stdout.flush()
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
        return
    sys.stdout.write(content)


def _score_all(rule_sets: RuleSets, paths: list[str], date: dt.date | None) -> list[Scored]:
    """Every file scored with the rule set it names, or every problem of every file raised."""
    scored: list[Scored] = []
    problems: list[Problem] = []
    for raw in paths:
        try:
            item = score_file(rule_sets, Path(raw), raw, date=date)
        except VettingError as exc:
            problems.extend(exc.problems)
            continue
        warn(item.warnings)
        scored.append(item)
    if problems:
        raise VettingError(problems)
    return scored


def _compare(args: argparse.Namespace, rule_sets: RuleSets, lang: str) -> int:
    from vetting.workflows import compare

    items = _score_all(rule_sets, list(args.answers), maybe_day_option("--date", args.date))
    # The rows follow the first file's rule set; the page names every one used.
    table = compare.compare(items[0].compiled or rule_sets.default(), items, lang)
    if args.format == "xlsx":
        _emit(args.output, compare.to_xlsx(table))
    elif args.format == "html":
        _emit(args.output, compare.to_html(table))
    else:
        _emit(args.output, compare.to_markdown(table))
    return EXIT_OK


def _diff(args: argparse.Namespace, rule_sets: RuleSets, lang: str) -> int:
    from vetting.workflows import diff

    day = maybe_day_option("--date", args.date)
    old, new = _score_all(rule_sets, [args.old, args.new], day)
    # The question rows follow the new file's rule set; the output names both when they differ.
    changes = diff.diff(new.compiled or rule_sets.default(), old, new, lang)
    text = diff.to_markdown(changes) if args.format == "md" else diff.to_text(changes)
    _emit(args.output, text)
    return EXIT_CHANGED if changes.changed else EXIT_OK


def _today(value: str | None) -> dt.date:
    from vetting.dates import day_option

    return dt.date.today() if value is None else day_option("--today", value)


def _portfolio(args: argparse.Namespace, rule_sets: RuleSets, lang: str) -> int:
    from vetting.workflows import portfolio

    today = _today(getattr(args, "today", None))
    folder = Path(args.folder)
    day = maybe_day_option("--date", args.date)
    listing = portfolio.build(rule_sets, folder, today, lang, day)
    if not listing.rows and not listing.errors:
        raise VettingError(
            Problem(Position(str(folder)), "no .yaml, .yml or .json answers file in this folder")
        )
    for error in listing.errors:
        sys.stderr.write(format_problems(list(error.problems)))
    warn(listing.warnings)
    if args.format == "json":
        _emit(args.output, portfolio.to_json(listing))
    else:
        _emit(args.output, portfolio.to_html(listing))
    return EXIT_INPUT if listing.errors else EXIT_OK


def execute(args: argparse.Namespace) -> int:
    lang = args.lang or default_language()
    rule_sets = RuleSets(tuple(args.rules or ()))
    rule_sets.default()  # a broken --rules folder stops the run before any file is read
    if args.command == "compare":
        return _compare(args, rule_sets, lang)
    if args.command == "diff":
        return _diff(args, rule_sets, lang)
    return _portfolio(args, rule_sets, lang)

"""`vetting decide ANSWERS`: record the committee's decision without editing YAML.

A thin shell: it scores the file, shows the verdict, asks the decision
(interview/record.py, which checks it as the file format requires) and saves
the file atomically, under the same lock as `vetting assess`.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from vetting import catalog
from vetting.cli.assess import refuse_without_terminal
from vetting.cli.console import program, warn
from vetting.dates import maybe_day_option
from vetting.errors import Position, Problem, VettingError
from vetting.i18n import default_language


def _refuse_to_replace(path: Path, output: str | None, force: bool) -> None:
    """An -o FILE other than ANSWERS may hold another tool's answers and decision: keep it."""
    if output is None or force:
        return
    target = Path(output)
    if target.exists() and target.resolve() != path.resolve():
        raise VettingError(
            Problem(
                Position(output),
                "already exists: the decision would replace its answers and its decision",
                hint="choose another -o file, or add --force to replace it",
            )
        )


def execute(args: argparse.Namespace) -> int:
    lang = args.lang or default_language()
    _refuse_to_replace(Path(args.answers), args.output, args.force)
    if refuse_without_terminal("decide", lang):
        return 2
    from vetting.assess.answers import dump_answers, load_answers
    from vetting.assess.score import score
    from vetting.files import atomic_write
    from vetting.interview.prompts import Terminal
    from vetting.interview.record import ask_decision_on
    from vetting.interview.session import summary, today
    from vetting.lockfile import LockBusy, exclusive
    from vetting.ruleset.api import load_ruleset
    from vetting.signals import terminate_as_interrupt

    compiled = load_ruleset(args.rules, cache=True)
    path = Path(args.answers)
    target = Path(args.output) if args.output else path
    term = Terminal(lang)
    try:
        with exclusive(target), terminate_as_interrupt():
            day = maybe_day_option("--date", args.date)
            answers, warnings = load_answers(path, compiled, display=args.answers, date=day)
            warn(warnings)
            assessment = score(compiled, answers)
            term.say(summary(assessment, compiled, answers, lang))
            try:
                decided = ask_decision_on(term, answers, compiled, assessment, today())
            except KeyboardInterrupt:
                term.say("")
                again = f"{program()} decide {shlex.quote(args.answers)}"
                term.say(catalog.text(lang, "cli.decide_cancelled"))
                term.say(f"  {again}", wrap=False)
                return 130
            atomic_write(target, dump_answers(decided, compiled))
    except LockBusy as busy:
        sys.stderr.write(
            catalog.text(lang, "cli.busy").format(path=busy.path, pid=busy.holder) + "\n"
        )
        return 2
    term.say(f"{catalog.text(lang, 'cli.decision_saved')} {target}")
    return 0

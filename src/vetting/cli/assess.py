"""`vetting assess`: the interactive questionnaire, a thin shell over interview/."""

from __future__ import annotations

import argparse
import shlex
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from vetting import catalog
from vetting.cli.console import program, warn
from vetting.i18n import default_language, verdict_name

if TYPE_CHECKING:
    from collections.abc import Callable

    from vetting.assess.answers import Answers
    from vetting.assess.assessment import Assessment
    from vetting.interview.prompts import Terminal, ToolDetails
    from vetting.ruleset.compiled import CompiledRuleSet


def _is_terminal() -> bool:
    stdin, stdout = sys.stdin, sys.stdout
    return bool(stdin and stdout and stdin.isatty() and stdout.isatty())


def resume_command(args: argparse.Namespace, path: Path, lang: str) -> str:
    """The command that resumes this assessment, as the user started vetting."""
    parts = ["assess", "--answers", str(path), "--lang", lang]
    if args.rules:
        parts += ["--rules", args.rules]
    return f"{program()} {shlex.join(parts)}"


def refuse_without_terminal(command: str, lang: str) -> bool:
    """Print why an interactive command needs a terminal; True when there is none."""
    if _is_terminal():
        return False
    # prompt_toolkit waits forever on an open, silent pipe: refuse before it starts.
    sys.stderr.write(
        catalog.text(lang, "cli.not_tty").format(prog=program(), command=command) + "\n"
    )
    return True


def execute(args: argparse.Namespace) -> int:
    lang = args.lang or default_language()
    if refuse_without_terminal("assess", lang):
        return 2
    from concurrent.futures import ThreadPoolExecutor

    from vetting.interview.prompts import Terminal, ask_tool
    from vetting.report import parse_formats

    parse_formats(args.format)  # a typo in --format is refused before any question
    shown = threading.Event()
    term = Terminal(lang, on_shown=shown.set)
    # The rule set (pydantic, YAML, checks) loads while the user types the tool's
    # name, once the first prompt is on the screen: started earlier, it would hold
    # the interpreter while the prompt is being drawn.
    with ThreadPoolExecutor(max_workers=1) as pool:
        loading = pool.submit(_load, args.rules, shown)
        details: ToolDetails | None = None
        try:
            if not args.answers:
                term.say(catalog.text(lang, "cli.start_intro"))
                try:
                    details = ask_tool(term)
                except KeyboardInterrupt:
                    term.say("")
                    return 130
        finally:
            shown.set()
        compiled = loading.result()
    return _run(args, lang, term, compiled, details)


def _load(rules: str | None, shown: threading.Event) -> CompiledRuleSet:
    shown.wait(timeout=2.0)  # never longer: a prompt that is not drawn must not block
    from vetting.ruleset.api import load_ruleset

    return load_ruleset(rules, cache=True)


def _tool_of(compiled: CompiledRuleSet) -> Callable[[Path], str]:
    def read(path: Path) -> str:
        from vetting.assess.answers import load_answers

        answers, _ = load_answers(path, compiled)
        return answers.tool.name

    return read


def _review_target(target: str | None, compiled: CompiledRuleSet, lang: str) -> str | None:
    """`--review` alone walks everything; `--review ID` a section or one question."""
    from vetting.errors import Problem, VettingError
    from vetting.words import closest

    if target is None or target in compiled.question_by_id or target in compiled.category_by_id:
        return target
    rs = compiled.ruleset
    near = closest(target, [*compiled.category_by_id, *compiled.question_by_id])
    raise VettingError(
        Problem(
            None,
            catalog.text(lang, "cli.review_target").format(
                target=target, ruleset=f"{rs.id} {rs.version}"
            ),
            hint=catalog.text(lang, "cli.did_you_mean").format(word=near) if near else "",
        )
    )


def _run(
    args: argparse.Namespace,
    lang: str,
    term: Terminal,
    compiled: CompiledRuleSet,
    details: ToolDetails | None,
) -> int:
    from vetting.interview import files
    from vetting.lockfile import LockBusy

    target = _review_target(args.review if isinstance(args.review, str) else None, compiled, lang)
    if details is None:
        path = Path(args.answers)
    else:
        try:
            chosen = files.choose(
                term, files.find(Path(args.output), details.name, _tool_of(compiled))
            )
        except KeyboardInterrupt:
            term.say("")
            return 130
        if chosen is None:
            term.say(catalog.text(lang, "cli.cancelled"))
            return 130
        path = chosen
    try:
        return _session(args, lang, term, compiled, details, path, target)
    except LockBusy as busy:
        sys.stderr.write(
            catalog.text(lang, "cli.busy").format(path=busy.path, pid=busy.holder) + "\n"
        )
        return 2


def _session(
    args: argparse.Namespace,
    lang: str,
    term: Terminal,
    compiled: CompiledRuleSet,
    details: ToolDetails | None,
    path: Path,
    target: str | None,
) -> int:
    from vetting.assess.answers import Answers, Tool, load_answers
    from vetting.assess.prepare import changed_since
    from vetting.assess.review import decision_problems
    from vetting.assess.score import score
    from vetting.errors import format_problems
    from vetting.interview.session import Session, summary, today
    from vetting.lockfile import exclusive
    from vetting.report import (
        parse_formats,
        without_refused_fria,
        without_refused_notice,
        write_reports,
    )
    from vetting.report.naming import report_slug
    from vetting.signals import terminate_as_interrupt

    session: Session | None = None
    with exclusive(path), terminate_as_interrupt():
        try:
            if path.exists():
                # Resume; never overwrite earlier work, even when the name is typed again.
                answers, warnings = load_answers(path, compiled)
                warn(warnings)
                if answers.date is None:
                    # Resuming is assessing today: the file gets that date, and says so.
                    day = today()
                    answers = answers.model_copy(update={"date": day})
                    term.say(catalog.text(lang, "cli.dated_today").format(day=day.isoformat()))
                if details is not None:
                    term.say(f"{catalog.text(lang, 'cli.saved')} {path}")
            elif details is None:
                answers, _ = load_answers(path, compiled)  # reports "file not found"
            else:
                rs = compiled.ruleset
                answers = Answers(
                    ruleset=f"{rs.id}@{rs.version}",
                    tool=Tool(name=details.name, vendor=details.vendor, version=details.version),
                    assessor=details.assessor,
                    date=today(),
                )
            session = Session(
                compiled,
                term,
                path,
                answers,
                live=args.live,
                reask=set(changed_since(answers, compiled)),
            )
            session.save()
            if args.review:
                session.review(target)
            else:
                session.run()
            final = session.save()
            assessment = score(compiled, final)
            unresolved = len(assessment.unknown) + len(assessment.unanswered)
            if unresolved:
                term.say(catalog.plural(lang, "cli.open_answers", unresolved))
            else:
                term.say(catalog.text(lang, "cli.all_answered"))
            term.say("")
            term.say(summary(assessment, compiled, final, lang))
            final = _maybe_decide(term, compiled, final, assessment)
            if final.decision is not None and final.decision != session.meta.decision:
                session.meta = final
                final = session.save()
                assessment = score(compiled, final)
        except KeyboardInterrupt:
            term.say("")
            if session is not None:
                session.save()
                term.say(f"{catalog.text(lang, 'cli.saved')} {session.path}")
                term.say(catalog.text(lang, "cli.resume"))
                term.say(f"  {resume_command(args, session.path, lang)}", wrap=False)
            return 130
    term.say(f"{catalog.text(lang, 'cli.saved')} {session.path}")
    problems = decision_problems(assessment.knockout_ids, final)
    if problems:
        # The answers are saved; only the reports wait for the decision to be fixed.
        sys.stderr.write(format_problems(problems))
        return 2
    formats, refusal = without_refused_notice(
        assessment, compiled, final, parse_formats(args.format), lang, str(path)
    )
    formats, fria_refusal = without_refused_fria(
        assessment, compiled, final, formats, lang, str(path)
    )
    for message in (refusal, fria_refusal):
        if message:
            sys.stderr.write(message + "\n")
    slug = report_slug(path, final.tool.name)
    if formats:
        paths = write_reports(assessment, compiled, final, formats, path.parent, lang, slug=slug)
        term.say(catalog.text(lang, "cli.reports_written"))
        for written in paths:
            term.say(f"  {written}")
    if final.decision is None:
        term.say(catalog.text(lang, "cli.decision_hint"))
        term.say(f"  {program()} decide {shlex.quote(str(path))}", wrap=False)
    return 1 if refusal or fria_refusal else 0


def _maybe_decide(
    term: Terminal, compiled: CompiledRuleSet, answers: Answers, assessment: Assessment
) -> Answers:
    """At the end of the questionnaire: record the committee's decision now, or later."""
    from vetting.interview.record import ask_decision_on
    from vetting.interview.session import today

    lang = term.lang
    options = [
        (catalog.text(lang, "cli.decide_later"), False),
        (catalog.text(lang, "cli.decide_record"), True),
    ]
    # The summary above may have scrolled the verdict off an 80x24 screen: say it again.
    verdict = verdict_name(assessment.verdict, lang).upper()
    if not term.select(
        catalog.text(lang, "cli.decide_now", verdict=verdict), options, pointer=False
    ):
        return answers
    return ask_decision_on(term, answers, compiled, assessment, today())

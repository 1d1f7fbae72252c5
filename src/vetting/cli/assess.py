"""`vetting assess`: the interactive questionnaire, a thin shell over interview/."""

from __future__ import annotations

import argparse
import shlex
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from vetting.i18n import default_language, t

if TYPE_CHECKING:
    from vetting.assess.answers import Answers
    from vetting.interview.prompts import Terminal, ToolDetails
    from vetting.ruleset.compiled import CompiledRuleSet


def _is_terminal() -> bool:
    stdin, stdout = sys.stdin, sys.stdout
    return bool(stdin and stdout and stdin.isatty() and stdout.isatty())


def resume_command(args: argparse.Namespace, path: Path, lang: str) -> str:
    parts = ["vetting", "assess", "--answers", str(path), "--lang", lang]
    if args.rules:
        parts += ["--rules", args.rules]
    return shlex.join(parts)


def execute(args: argparse.Namespace) -> int:
    lang = args.lang or default_language()
    if not _is_terminal():
        # prompt_toolkit waits forever on an open, silent pipe: refuse before it starts.
        sys.stderr.write(t("not_tty", lang) + "\n")
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
                term.say(t("start_intro", lang))
                try:
                    details = ask_tool(term)
                except KeyboardInterrupt:
                    term.say("")
                    return 130
        finally:
            shown.set()
        compiled = loading.result()
    return _run(args, lang, term, compiled, details)


def _changed_since(answers: Answers, compiled: CompiledRuleSet) -> set[str]:
    """Questions whose meaning changed since the version the answers were written for."""
    from vetting.ruleset.migrate import migration

    version = answers.ruleset_version
    if not version or version == compiled.ruleset.version:
        return set()
    return set(migration(compiled.ruleset, version).changed)


def _load(rules: str | None, shown: threading.Event) -> CompiledRuleSet:
    shown.wait(timeout=2.0)  # never longer: a prompt that is not drawn must not block
    from vetting.ruleset.api import load_ruleset

    return load_ruleset(rules, cache=True)


def _run(
    args: argparse.Namespace,
    lang: str,
    term: Terminal,
    compiled: CompiledRuleSet,
    details: ToolDetails | None,
) -> int:
    from vetting.assess.answers import Answers, Tool, load_answers
    from vetting.assess.review import decision_problems
    from vetting.assess.score import score
    from vetting.errors import format_problems
    from vetting.interview.session import (
        Session,
        exclusive,
        sigterm_as_interrupt,
        slugify,
        summary,
        today,
    )
    from vetting.report import parse_formats, without_refused_notice, write_reports

    if details is None:
        path = Path(args.answers)
    else:
        path = Path(args.out) / f"{slugify(details.name)}.answers.yaml"
    session: Session | None = None
    with exclusive(path), sigterm_as_interrupt():
        try:
            if path.exists():
                # Resume; never overwrite earlier work, even when the name is typed again.
                answers, warnings = load_answers(path, compiled)
                for warning in warnings:
                    sys.stderr.write(f"warning: {warning}\n")
                if details is not None:
                    term.say(f"{t('saved', lang)} {path}")
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
                reask=_changed_since(answers, compiled),
            )
            session.save()
            if args.review:
                session.review()
            else:
                session.run()
            final = session.save()
        except KeyboardInterrupt:
            term.say("")
            if session is not None:
                session.save()
                term.say(f"{t('saved', lang)} {session.path}")
                term.say(f"{t('resume', lang)} {resume_command(args, session.path, lang)}")
            return 130
    term.say(t("all_answered", lang))
    assessment = score(compiled, final)
    term.say("")
    term.say(summary(assessment, compiled, lang))
    term.say(f"{t('saved', lang)} {session.path}")
    problems = decision_problems(assessment.knockout_ids, final)
    if problems:
        # The answers are saved; only the reports wait for the decision to be fixed.
        sys.stderr.write(format_problems(problems))
        return 2
    formats, refusal = without_refused_notice(
        assessment, final, parse_formats(args.format), lang, str(path)
    )
    if refusal:
        sys.stderr.write(refusal + "\n")
    if formats:
        paths = write_reports(assessment, compiled, final, formats, path.parent, lang)
        term.say(t("reports_written", lang))
        for written in paths:
            term.say(f"  {written}")
    return 1 if refusal else 0

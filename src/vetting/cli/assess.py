"""`vetting assess`: the interactive questionnaire, a thin shell over interview/."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from vetting.i18n import default_language, t


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
    from vetting.assess.answers import Answers, load_answers
    from vetting.assess.score import score
    from vetting.interview.prompts import Terminal
    from vetting.interview.session import (
        Session,
        ask_tool,
        sigterm_as_interrupt,
        slugify,
        summary,
        today,
    )
    from vetting.ruleset.api import load_ruleset

    compiled = load_ruleset(args.rules)
    term = Terminal(lang)
    session: Session | None = None
    with sigterm_as_interrupt():
        try:
            term.say(t("start_intro", lang))
            if args.answers:
                path = Path(args.answers)
                answers, warnings = load_answers(path, compiled)
                for warning in warnings:
                    sys.stderr.write(f"warning: {warning}\n")
            else:
                tool, assessor = ask_tool(term)
                path = Path(args.out) / f"{slugify(tool.name)}.answers.yaml"
                if path.exists():
                    # Never overwrite earlier work: continue it.
                    answers, _ = load_answers(path, compiled)
                    term.say(f"{t('saved', lang)} {path}")
                else:
                    rs = compiled.ruleset
                    answers = Answers(
                        ruleset=f"{rs.id}@{rs.version}",
                        tool=tool,
                        assessor=assessor,
                        date=today(),
                    )
            session = Session(compiled, term, path, answers, live=args.live)
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
    return 0

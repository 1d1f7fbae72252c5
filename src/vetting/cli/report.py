"""`vetting report`, `vetting checklist`, `vetting import-checklist`: thin shells over report/.

- `report ANSWERS...`: score each file and write `<tool-slug>.report.<ext>` (and the
  patient notice) into `-o DIR`; for an answers file the questionnaire wrote
  (`<name>.answers.yaml`), `<name>.report.<ext>`, as the questionnaire names them. A
  file that cannot be read is reported and the others are still written; the exit code
  is then 2. The patient notice of a tool no recorded decision accepts is not written
  (its other reports are), exit 1, unless `--draft` marks every page of it as a draft.
  Likewise the FRIA draft (`fria`) of answers that do not meet art. 27's condition,
  unless `--force-fria`.
- `checklist [--scope ANSWERS] -o FILE.xlsx`: the blank vendor questionnaire.
- `import-checklist FILE.xlsx [-o answers.yaml]`: a filled checklist back into an
  answers file (stdout without `-o`).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from vetting import catalog
from vetting.cli.console import warn
from vetting.controls import escape_controls
from vetting.dates import maybe_day_option
from vetting.errors import Position, Problem, VettingError
from vetting.i18n import default_language


def _report(args: argparse.Namespace) -> int:
    from vetting.assess.answers import load_answers_with
    from vetting.assess.review import decision_problems
    from vetting.assess.score import score
    from vetting.errors import format_problems
    from vetting.report import (
        parse_formats,
        without_refused_fria,
        without_refused_notice,
        write_reports,
    )
    from vetting.report.naming import report_slug
    from vetting.ruleset.registry import RuleSets

    lang = args.lang or default_language()
    formats = parse_formats(args.format)
    day = maybe_day_option("--date", args.date)
    templates = Path(args.templates) if args.templates else None
    if templates is not None and not templates.is_dir():
        raise VettingError(
            Problem(Position(str(templates)), "no such folder", hint="check the --templates path")
        )
    rule_sets = RuleSets(tuple(args.rules or ()))
    rule_sets.default()  # a broken --rules folder stops the run before any file
    out_dir = Path(args.output)
    failed = False
    refused = False
    written_by: dict[str, str] = {}
    for entry in args.answers:
        try:
            compiled, answers, warnings = load_answers_with(
                Path(entry), rule_sets, display=entry, date=day
            )
        except VettingError as exc:
            sys.stderr.write(format_problems(exc.problems))
            failed = True
            continue
        warn(warnings)
        slug = report_slug(entry, answers.tool.name)
        if slug in written_by:
            same = catalog.text(
                lang,
                "cli.same_report_name",
                file=entry,
                tool=answers.tool.name,
                slug=slug,
                other=written_by[slug],
            )
            sys.stderr.write(escape_controls(same) + "\n")
            failed = True
            continue
        written_by[slug] = entry
        assessment = score(compiled, answers)
        problems = decision_problems(assessment.knockout_ids, answers)
        if problems:
            sys.stderr.write(format_problems(problems))
            failed = True
            continue
        kept, refusal = without_refused_notice(
            assessment, compiled, answers, formats, lang, entry, args.draft, templates
        )
        kept, fria_refusal = without_refused_fria(
            assessment, compiled, answers, kept, lang, entry, templates, force=args.force_fria
        )
        for message in (refusal, fria_refusal):
            if message:
                sys.stderr.write(escape_controls(message) + "\n")
                refused = True
        if not kept:
            continue
        paths = write_reports(
            assessment,
            compiled,
            answers,
            kept,
            out_dir,
            lang,
            templates,
            draft=args.draft,
            force_fria=args.force_fria,
            annex=args.annex,
            slug=slug,
        )
        sys.stdout.write(f"{catalog.text(lang, 'cli.reports_written')}\n")
        for path in paths:
            sys.stdout.write(f"  {path}\n")
    return 2 if failed else 1 if refused else 0


def _checklist(args: argparse.Namespace) -> int:
    from vetting.assess.answers import load_answers
    from vetting.checklist import checklist_xlsx
    from vetting.files import atomic_write
    from vetting.ruleset.api import load_ruleset

    lang = args.lang or default_language()
    compiled = load_ruleset(args.rules)
    scope = None
    if args.scope:
        scope, warnings = load_answers(Path(args.scope), compiled, display=args.scope)
        warn(warnings)
    data = checklist_xlsx(compiled, lang, answers=scope, scope=scope is not None)
    output = Path(args.output)
    atomic_write(output, data)
    sys.stdout.write(f"{output}\n")
    return 0


def _import(args: argparse.Namespace) -> int:
    from vetting.assess.answers import dump_answers
    from vetting.checklist import import_checklist
    from vetting.files import atomic_write
    from vetting.ruleset.api import load_ruleset

    compiled = load_ruleset(args.rules)
    output = Path(args.output) if args.output else None
    if output is not None and os.path.lexists(output) and not args.force:
        # An answers file may hold work no checklist carries: notes, the decision.
        raise VettingError(
            Problem(
                Position(str(output)),
                "already exists: the import would replace its answers and its decision",
                hint="choose another -o file, or add --force to replace it",
            )
        )
    answers, warnings = import_checklist(Path(args.checklist), compiled)
    warn(warnings)
    text = dump_answers(answers, compiled)
    if output is not None:
        atomic_write(output, text)
    else:
        sys.stdout.write(text)
    return 0


def execute(args: argparse.Namespace) -> int:
    if args.command == "checklist":
        return _checklist(args)
    if args.command == "import-checklist":
        return _import(args)
    return _report(args)

"""The `vetting` command: argparse only here, so `vetting --help` stays fast.

Each subcommand lives in its own module, imported only when it runs, and
returns an exit code: 0 ok, 1 a gate or a test failed, 2 usage or input error,
130 interrupted (after saving).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any

from vetting import __version__

EXIT_OK = 0
EXIT_GATE = 1
EXIT_INPUT = 2
EXIT_INTERRUPTED = 130

EPILOG = """exit codes: 0 ok · 1 a policy gate or a test failed · 2 usage or input error ·
130 interrupted (answers saved first)

Which rule set: --rules DIR, else ./rules/health-ai/ when it exists, else the embedded one.
Docs: docs/ in the source repository."""


def _flags_of_command(parser: argparse.ArgumentParser, parsed: argparse.Namespace) -> set[str]:
    """The flags the command as invoked accepts: its own and those of the commands above
    it (`vetting rules doc`: doc's, rules' and vetting's), never another command's."""
    found: set[str] = set()
    current: argparse.ArgumentParser | None = parser
    while current is not None:
        chosen: argparse.ArgumentParser | None = None
        for action in current._actions:
            found.update(action.option_strings)
            if isinstance(action, argparse._SubParsersAction):
                chosen = action.choices.get(getattr(parsed, action.dest, None) or "")
        current = chosen
    return found


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors exit 2 with one line (argparse's default is also 2),
    and a mistyped command, choice or flag comes with a did-you-mean."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(EXIT_INPUT)

    def _check_value(self, action: argparse.Action, value: object) -> None:
        choices = action.choices
        if choices is not None and value not in choices:
            from vetting.words import suggest

            names = [str(choice) for choice in choices]
            hint = suggest(str(value), names) or f"choose from {', '.join(names)}"
            raise argparse.ArgumentError(action, f"invalid choice: '{value}' ({hint})")
        super()._check_value(action, value)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            from vetting.words import suggest

            flags = _flags_of_command(self, parsed)
            hints = [suggest(extra.split("=")[0], flags) for extra in extras if extra[:1] == "-"]
            message = f"unrecognized arguments: {' '.join(extras)}"
            shown = "; ".join(hint for hint in hints if hint)
            self.error(f"{message} ({shown})" if shown else message)
        return parsed


def _add_output(parser: argparse.ArgumentParser, metavar: str, help: str, **kwargs: Any) -> None:
    """`-o`, `--out` and `--output`: every command that writes files takes all three."""
    parser.add_argument(
        "-o", "--out", "--output", dest="output", metavar=metavar, help=help, **kwargs
    )


def _jobs(value: str) -> int:
    """`--jobs`: a positive number, or `auto` (0)."""
    if value.strip().lower() == "auto":
        return 0
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 1:
        raise argparse.ArgumentTypeError(f"'{value}' is neither a positive number nor auto")
    return number


def _add_rules(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules", metavar="DIR", help="rule-set folder (default: ./rules/health-ai or embedded)"
    )


def _add_rule_sets(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules",
        metavar="DIR",
        action="append",
        help="a rule-set folder; repeat it for several: each answers file is scored with "
        "the rule set it names (ruleset: id@version), looked for in these folders, then "
        "./rules/<id>/, then the embedded ones",
    )


def _add_date(
    parser: argparse.ArgumentParser,
    help: str = "the assessment date of answers files that record none (a file's own date "
    "wins); without it, an undated file is refused",
) -> None:
    parser.add_argument("--date", metavar="YYYY-MM-DD", help=help)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="vetting",
        description="Vet AI tools for health care, with evidence.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"vetting {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = sub.add_parser(
        "check",
        help="check a rule set and list every problem",
        description="Validate a rule set: schema, references, conditions, languages, "
        "knock-outs. Exit 0 when clean, 2 with every problem listed.",
    )
    check.add_argument("rules_arg", nargs="?", metavar="RULES", help="rule-set folder")
    _add_rules(check)
    check.add_argument(
        "--stale",
        action="store_true",
        help="also list the references due for review (and those marked to verify)",
    )
    check.add_argument(
        "--today", metavar="YYYY-MM-DD", help="the date staleness is judged on (default: today)"
    )

    rules = sub.add_parser("rules", help="export the compiled rule set, its JSON Schema, or docs")
    rules_sub = rules.add_subparsers(dest="rules_command", metavar="ACTION", parser_class=_Parser)
    rules_sub.required = True
    export = rules_sub.add_parser("export", help="the compiled rule set as JSON")
    export.add_argument("--format", choices=["json"], default="json")
    _add_output(export, "FILE", "write to FILE (default: stdout)")
    _add_rules(export)
    schema = rules_sub.add_parser("schema", help="JSON Schema of the rule-set format")
    _add_output(schema, "FILE", "write to FILE (default: stdout)")
    rdiff = rules_sub.add_parser(
        "diff",
        help="what a rule set (or an overlay) changes against another, and the bump it needs",
        description="List the differences from OLD to NEW, each marked major (incompatible), "
        "minor (compatible: new questions, points, conditions) or patch (texts). Exit 0 when "
        "they are the same, 1 when they differ; with --check-version, exit 0 when NEW's "
        "version is a large enough bump, 1 otherwise.",
    )
    rdiff.add_argument("old", metavar="OLD", help="rule-set folder")
    rdiff.add_argument("new", metavar="NEW", help="rule-set folder")
    rdiff.add_argument(
        "--check-version", action="store_true", help="fail when the version bump is too small"
    )
    doc = rules_sub.add_parser("doc", help="the rule set as a Markdown reference document")
    doc.add_argument("--lang", choices=["fr", "en"], default="en")
    doc.add_argument(
        "--legal-basis",
        action="store_true",
        help="only the knock-outs: legal basis, where each applies, the lawful case it must "
        "not block",
    )
    _add_output(doc, "FILE", "write to FILE (default: stdout)")
    _add_rules(doc)

    score = sub.add_parser(
        "score",
        help="score answer files (a CI gate)",
        description="Score one or many answer files. Exit 1 when a file fails the --fail-on "
        "gate, 2 when a file cannot be read (the others are still scored).",
    )
    score.add_argument("answers", nargs="+", metavar="ANSWERS", help="answer files (YAML or JSON)")
    _add_rule_sets(score)
    _add_date(score)
    score.add_argument("--format", choices=["text", "json", "jsonl"], default="text")
    score.add_argument(
        "--fail-on",
        metavar="LEVEL|VERDICT",
        help="exit 1 when a result reaches this level (low, moderate, high, critical) "
        "or verdict (conditional, pending_evidence, reject)",
    )
    score.add_argument(
        "--lang",
        choices=["fr", "en"],
        help="language of the text summary; with json or jsonl, keep the rule set's texts in "
        "this language only (default: both)",
    )
    score.add_argument(
        "--compact",
        action="store_true",
        help="json or jsonl with ids and numbers only, without the rule set's texts "
        "(vetting rules export gives them once)",
    )
    score.add_argument(
        "--strict", action="store_true", help="answers for another rule-set version are an error"
    )
    score.add_argument(
        "--jobs",
        type=_jobs,
        default=0,
        metavar="N|auto",
        help="score with N processes; auto (the default) uses every usable core once there "
        "are enough files to pay for them, 1 stays in one process. Results keep the input "
        "order; jsonl streams",
    )

    assess = sub.add_parser(
        "assess",
        help="the interactive questionnaire (the main job)",
        description="Answer the questionnaire with the vendor's documentation at hand. The "
        'pointer starts on "I don\'t know" until you choose; after each answer you may record '
        "the evidence seen. Every answer is saved at once in <tool>.answers.yaml; Ctrl-C saves "
        "(a note half typed included) and prints the command to resume (exit 130). At the end, "
        "the verdict, the committee's decision (now, or later with vetting decide) and the "
        "reports.",
    )
    _add_rules(assess)
    assess.add_argument("--lang", choices=["fr", "en"], help="default: from the locale")
    assess.add_argument("--answers", metavar="FILE", help="resume (or review) this answers file")
    _add_output(assess, "DIR", "where files go (default: .)", default=".")
    assess.add_argument(
        "--format", default="md,html", help="report formats, comma-separated (default: md,html)"
    )
    assess.add_argument(
        "--review",
        nargs="?",
        const=True,
        default=False,
        metavar="SECTION|QUESTION",
        help="walk through the answers again: all of them, one section's, or one question",
    )
    assess.add_argument(
        "--no-live", dest="live", action="store_false", help="hide the live level indicator"
    )

    decide = sub.add_parser(
        "decide",
        help="record the committee's decision in an answers file",
        description="Show the verdict of an answers file, then ask the committee's decision "
        "(outcome, by, members, date, reasons, conditions, next review, knock-out "
        "justification) and save it in the file, checked as the file format requires. "
        "Interactive; exit 130 on Ctrl-C (nothing changed).",
    )
    decide.add_argument("answers", metavar="ANSWERS", help="the answers file")
    _add_rules(decide)
    _add_date(
        decide,
        "the assessment date of an answers file that records none, saved in it with the "
        "decision (a file's own date wins); without it, an undated file is refused",
    )
    decide.add_argument("--lang", choices=["fr", "en"], help="default: from the locale")
    _add_output(decide, "FILE", "write the answers with the decision there (default: ANSWERS)")
    decide.add_argument(
        "--force",
        action="store_true",
        help="replace FILE when it exists and is not ANSWERS (its answers and decision are lost)",
    )

    report = sub.add_parser(
        "report",
        help="write the risk report, the checklist and the patient notice",
        description="Render reports for answer files: <tool-slug>.report.<ext> and "
        "<tool-slug>.patient-notice.<ext> in the output folder.",
    )
    report.add_argument("answers", nargs="+", metavar="ANSWERS", help="answer files")
    _add_rule_sets(report)
    _add_date(report)
    report.add_argument(
        "--format",
        default="md,html",
        help="comma-separated: md, html, pdf, json, xlsx, patient-notice, pia (default: md,html)",
    )
    report.add_argument("--lang", choices=["fr", "en"], help="default: from the locale")
    _add_output(report, "DIR", "output folder (default: .)", default=".")
    report.add_argument("--templates", metavar="DIR", help="your own Jinja2 templates")
    report.add_argument(
        "--draft",
        action="store_true",
        help="write the patient notice before a decision to use the tool, marked "
        "'DRAFT - not for distribution' on every page",
    )
    report.add_argument(
        "--force-fria",
        action="store_true",
        help="write the FRIA draft (fria) even when the answers do not show that AI Act "
        "art. 27 applies",
    )
    report.add_argument(
        "--no-annex",
        dest="annex",
        action="store_false",
        help="leave out the annex (every question with its answer, note, evidence and id, "
        "and the sources): a shorter report for the committee",
    )

    checklist = sub.add_parser(
        "checklist",
        help="a blank XLSX checklist for vendors, with dropdowns",
        description="A blank procurement checklist for a vendor to fill in, limited to the "
        "questions relevant to the buyer's scope answers when --scope gives them.",
    )
    _add_rules(checklist)
    checklist.add_argument("--scope", metavar="ANSWERS", help="answers file with scope answers")
    checklist.add_argument("--lang", choices=["fr", "en"], help="default: from the locale")
    _add_output(checklist, "FILE", "the .xlsx file", required=True)

    importer = sub.add_parser(
        "import-checklist",
        help="turn a vendor-filled XLSX checklist back into an answers file",
    )
    importer.add_argument("checklist", metavar="FILE.xlsx")
    _add_rules(importer)
    _add_output(importer, "FILE", "answers file to write (default: stdout)")
    importer.add_argument(
        "--force",
        action="store_true",
        help="replace FILE when it exists (its answers and its decision are lost)",
    )

    test = sub.add_parser(
        "test",
        help="run the rule tests (Gherkin features) against a rule set",
        description="Run the Gherkin scenarios that pin what a rule set decides. With no "
        "argument, in a folder holding rules/ and features/, runs those. Exit 0 when every "
        "scenario passes (and, with --mutate, the mutation score reaches --min-score), 1 "
        "otherwise, 2 on a usage or configuration error.",
    )
    _add_rules(test)
    test.add_argument("features", nargs="*", metavar="FEATURES", help="feature files or folders")
    test.add_argument(
        "--mutate", action="store_true", help="check that the scenarios catch rule mutations"
    )
    test.add_argument(
        "--min-score",
        type=float,
        default=90.0,
        metavar="PERCENT",
        help="mutation score required with --mutate (default: 90)",
    )

    compare = sub.add_parser(
        "compare",
        help="compare several tools side by side",
        description="One table: verdict, level, score, categories, knock-outs and key "
        "questions per tool; differences and the best answer per row stand out.",
    )
    compare.add_argument("answers", nargs="+", metavar="ANSWERS", help="answer files")
    _add_rule_sets(compare)
    _add_date(compare)
    compare.add_argument("--format", choices=["md", "html", "xlsx"], default="md")
    compare.add_argument("--lang", choices=["fr", "en"], help="default: from the locale")
    _add_output(compare, "FILE", "write to FILE (default: stdout)")

    diff = sub.add_parser(
        "diff",
        help="what changed between two assessments of a tool",
        description="Answers, findings, knock-outs, level and verdict that changed between two "
        "assessments, also across rule-set versions. Exit 0 when nothing changed, 1 when "
        "something did, 2 on an input error.",
    )
    diff.add_argument("old", metavar="OLD.yaml")
    diff.add_argument("new", metavar="NEW.yaml")
    _add_rule_sets(diff)
    _add_date(diff)
    diff.add_argument("--format", choices=["text", "md"], default="text")
    diff.add_argument("--lang", choices=["fr", "en"], help="default: from the locale")
    _add_output(diff, "FILE", "write to FILE (default: stdout)")

    portfolio = sub.add_parser(
        "portfolio",
        help="one page listing every assessment in a folder",
        description="A self-contained HTML page (and a JSON) listing every assessment in a "
        "folder: tool, vendor, verdict, level, date, decision, next review, expired evidence.",
    )
    portfolio.add_argument("folder", metavar="DIR")
    _add_rule_sets(portfolio)
    _add_date(portfolio)
    portfolio.add_argument("--format", choices=["html", "json"], default="html")
    portfolio.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help="the day reviews and evidence expiry are checked on (default: today)",
    )
    portfolio.add_argument("--lang", choices=["fr", "en"], help="default: from the locale")
    _add_output(portfolio, "FILE", "write to FILE (default: stdout)")
    return parser


#: subcommand -> module under vetting.cli that implements it (imported on demand).
COMMANDS = {
    "check": "check",
    "rules": "rules",
    "score": "score",
    "assess": "assess",
    "decide": "decide",
    "report": "report",
    "checklist": "report",
    "import-checklist": "report",
    "test": "test",
    "compare": "workflows",
    "diff": "workflows",
    "portfolio": "workflows",
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    # A pydantic plugin installed beside vetting would see every answer validated (and
    # may send it elsewhere): the command loads none. Finding them also costs a scan of
    # every installed package's metadata at each start.
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
    from vetting.errors import VettingError, format_problems, os_problem
    from vetting.signals import interrupted, recording_interrupts

    with recording_interrupts():
        try:
            module = importlib.import_module(f"vetting.cli.{COMMANDS[args.command]}")
            code: int = module.execute(args)
        except VettingError as exc:
            sys.stderr.write(format_problems(exc.problems))
            code = EXIT_INPUT
        except KeyboardInterrupt:
            sys.stderr.write("interrupted\n")
            return EXIT_INTERRUPTED
        except BrokenPipeError:
            code = EXIT_OK
        except OSError as exc:  # a full disk, a file in the way, no permission: one line
            sys.stderr.write(format_problems([os_problem(exc)]))
            code = EXIT_INPUT
        # A Ctrl-C that something swallowed on its way (a finalizer, a fork hook) still
        # ends the command as interrupted: an interrupted gate never reports success. A
        # command that handled it (saved, said so in the user's language) returns 130.
        if interrupted() and code != EXIT_INTERRUPTED:
            sys.stderr.write("interrupted\n")
            return EXIT_INTERRUPTED
        return code


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())

"""`vetting check [RULES]`: exit 0 (warnings on stderr), or 2 with every problem."""

from __future__ import annotations

import argparse
import sys

from vetting.ruleset.api import load_ruleset


def execute(args: argparse.Namespace) -> int:
    compiled = load_ruleset(args.rules_arg or args.rules)
    rs = compiled.ruleset
    for problem in compiled.warnings:
        sys.stderr.write(problem.warning() + "\n")
    ko = len(compiled.knockout_capable)
    knockouts = sum(1 for q in rs.questions for ch in q.choices if ch.knockout) + sum(
        1 for f in rs.findings if f.knockout
    )
    sys.stdout.write(
        f"{compiled.origin.path}: ok: rule set {rs.id} {rs.version} "
        f"(sha256 {compiled.origin.sha256[:12]}), {len(rs.questions)} questions in "
        f"{len(rs.categories)} categories, {len(rs.findings)} finding rules, "
        f"{knockouts} knock-out{'s' if knockouts != 1 else ''} on {ko} "
        f"question{'s' if ko != 1 else ''}\n"
    )
    if args.stale:
        import datetime as dt

        from vetting.dates import day_option
        from vetting.ruleset.stale import stale_report

        today = day_option("--today", args.today) if args.today else dt.date.today()
        sys.stdout.write(stale_report(compiled, today))
    return 0

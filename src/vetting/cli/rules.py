"""`vetting rules export|schema`: the compiled rule set and its format, as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from vetting.files import atomic_write


def emit(data: Any, output: str | None) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if output:
        atomic_write(Path(output), text)
    else:
        sys.stdout.write(text)


def execute(args: argparse.Namespace) -> int:
    if args.rules_command == "schema":
        from vetting.ruleset.export import ruleset_schema

        emit(ruleset_schema(), args.output)
        return 0
    from vetting.ruleset.api import load_ruleset

    if args.rules_command == "diff":
        return _diff(args)
    if args.rules_command == "doc":
        compiled = load_ruleset(args.rules)
        if args.legal_basis:
            from vetting.ruleset.legal_basis import legal_basis_markdown

            text = legal_basis_markdown(compiled, args.lang)
        else:
            from vetting.ruleset.docgen import ruleset_markdown

            text = ruleset_markdown(compiled, args.lang)
        if args.output:
            atomic_write(Path(args.output), text)
        else:
            sys.stdout.write(text)
        return 0
    from vetting.ruleset.export import export_ruleset

    emit(export_ruleset(load_ruleset(args.rules)), args.output)
    return 0


def _diff(args: argparse.Namespace) -> int:
    from vetting.ruleset.api import load_ruleset
    from vetting.ruleset.diff import bump_is_enough, diff_rulesets

    old, new = load_ruleset(args.old), load_ruleset(args.new)
    changes = diff_rulesets(old.ruleset, new.ruleset)
    head = (
        f"{old.origin.path} ({old.ruleset.id} {old.ruleset.version}) -> "
        f"{new.origin.path} ({new.ruleset.id} {new.ruleset.version}): "
        f"{len(changes)} change{'s' if len(changes) != 1 else ''}"
    )
    sys.stdout.write(head + "\n")
    for change in changes:
        sys.stdout.write(f"  {change}\n")
    ok, verdict = bump_is_enough(old.ruleset, new.ruleset, changes)
    sys.stdout.write(f"version: {verdict}{'' if ok else ' (too small)'}\n")
    if args.check_version:
        return 0 if ok else 1
    return 1 if changes else 0

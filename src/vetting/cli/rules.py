"""`vetting rules export|schema`: the compiled rule set and its format, as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from vetting.yamlio import atomic_write


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

    if args.rules_command == "doc":
        from vetting.ruleset.docgen import ruleset_markdown

        text = ruleset_markdown(load_ruleset(args.rules), args.lang)
        if args.output:
            atomic_write(Path(args.output), text)
        else:
            sys.stdout.write(text)
        return 0
    from vetting.ruleset.export import export_ruleset

    emit(export_ruleset(load_ruleset(args.rules)), args.output)
    return 0

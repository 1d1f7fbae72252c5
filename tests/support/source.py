"""Reading our Python sources as code: without the docstrings and comments that quote it."""

from __future__ import annotations

import ast
import functools
from pathlib import Path


@functools.cache
def code_of(path: Path) -> str:
    """The code of `path` as Python writes it back (`ast.unparse`: no comments, strings in
    single quotes), without docstrings, which quote keys and tests freely."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            node.body = body[1:] or [ast.Pass()]
    return ast.unparse(tree)

"""Jinja2 for the workflow templates (`reports/workflows/`), escaping per format.

- HTML: autoescape; nothing from an answers file is ever marked safe. The
  only trusted insertions are our own style sheet and script, read from the
  templates folder.
- Markdown: every `{{ value }}` goes through `md_escape` (the environment's
  `finalize`), so a template cannot forget it; `|code` writes an id as a code
  span, the one way to write Markdown syntax from data.

The same rules as `vetting.report.render`, kept separate so the workflows do
not depend on the report pipeline's internals.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from vetting.errors import Position, Problem, VettingError
from vetting.report.escape import html_finalize, md_escape
from vetting.resources import embedded_reports_dir

if TYPE_CHECKING:
    import jinja2

Kind = Literal["md", "html"]
FOLDER = "workflows"


class MarkdownCode(str):
    """Markdown written by the template itself: not escaped again."""

    __slots__ = ()


def _code(value: object) -> MarkdownCode:
    """An id as a code span; backticks inside are dropped, never interpreted."""
    text = str(value).replace("`", "").replace("\n", " ")
    return MarkdownCode(f"`{text}`") if text else MarkdownCode("")


def _finalize_markdown(value: object) -> str:
    if isinstance(value, MarkdownCode):
        return str(value)
    return md_escape(value)


def templates_dir() -> Path:
    """Where the workflow templates live (the embedded `reports/workflows/`)."""
    return embedded_reports_dir() / FOLDER


def asset(name: str) -> str:
    """One of our own files next to the templates (a style sheet, a script)."""
    return (templates_dir() / name).read_text(encoding="utf-8")


def csp_hash(source: str) -> str:
    """The Content-Security-Policy hash that allows exactly this inline script or style."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def environment(kind: Kind) -> jinja2.Environment:
    import jinja2

    common: dict[str, Any] = {
        "loader": jinja2.FileSystemLoader(str(templates_dir())),
        "undefined": jinja2.StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
        "auto_reload": False,
    }
    if kind == "html":
        return jinja2.Environment(autoescape=True, finalize=html_finalize, **common)
    env = jinja2.Environment(autoescape=False, finalize=_finalize_markdown, **common)
    env.filters["code"] = _code
    return env


def render(name: str, kind: Kind, context: dict[str, Any]) -> str:
    """Render one workflow template; a broken template is a `VettingError`, not a traceback."""
    import jinja2

    try:
        return environment(kind).get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        where = Position(exc.filename or name, exc.lineno or 0)
        raise VettingError(Problem(where, f"template error: {exc.message}")) from None
    except jinja2.TemplateNotFound as exc:
        raise VettingError(
            Problem(Position(name), f"template not found: {exc}", hint=str(templates_dir()))
        ) from None


def trusted(markup: str) -> Any:
    """Our own CSS or JS, inserted as is into an HTML template (never data from a file)."""
    import markupsafe

    return markupsafe.Markup(markup)

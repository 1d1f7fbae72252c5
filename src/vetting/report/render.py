"""Jinja2 rendering: the template search path, escaping per format, template errors.

Two environments, because escaping differs:

- HTML: autoescape on for `*.html.j2`; nothing from an answers file is ever
  marked safe.
- Markdown: every `{{ value }}` goes through `md_escape` (the environment's
  `finalize`), so a template cannot forget it; the `code` filter is the one way
  to write trusted Markdown (a code span around an id or a hash).

Templates are looked up in the user's `--templates` folder first, then in the
embedded `reports/` folder, so a user copies only what they change.
"""

from __future__ import annotations

import functools
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from vetting.errors import Position, Problem, VettingError
from vetting.report.escape import html_finalize, md_escape, web_url
from vetting.report.texts import search_path

if TYPE_CHECKING:
    import jinja2

Kind = Literal["md", "html"]


class MarkdownCode(str):
    """Markdown written by the template itself (a code span): not escaped again."""

    __slots__ = ()


def _code(value: object) -> MarkdownCode:
    """`hosting.location` -> a code span; backticks inside are dropped, never interpreted."""
    return MarkdownCode("`" + str(value).replace("`", "") + "`")


def _autolink(url: object) -> MarkdownCode | str:
    """An http(s) URL as a Markdown autolink `<...>`; anything else as escaped text."""
    href = web_url(str(url))
    return MarkdownCode(f"<{href}>") if href else md_escape(url)


def _finalize_markdown(value: object) -> str:
    if isinstance(value, MarkdownCode):
        return str(value)
    return md_escape(value)


def environment(kind: Kind, templates: Path | None = None) -> jinja2.Environment:
    """The Jinja2 environment for one output kind, over the template search path.

    Cached per kind and folder, so templates are compiled once per process (a
    report renders in a few tens of milliseconds instead of a hundred).
    """
    return _environment(kind, str(Path(templates).resolve()) if templates else None)


@functools.lru_cache(maxsize=16)
def _environment(kind: Kind, templates: str | None) -> jinja2.Environment:
    import jinja2

    folder = Path(templates) if templates else None
    loader = jinja2.FileSystemLoader([str(p) for p in search_path(folder)])
    common: dict[str, Any] = {
        "loader": loader,
        "undefined": jinja2.StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
        "auto_reload": False,
    }
    if kind == "html":
        env = jinja2.Environment(
            autoescape=jinja2.select_autoescape(
                enabled_extensions=("html", "html.j2", "svg.j2"), default=False
            ),
            finalize=html_finalize,
            **common,
        )
    else:
        env = jinja2.Environment(autoescape=False, finalize=_finalize_markdown, **common)
        env.filters["code"] = _code
        env.filters["autolink"] = _autolink
    return env


def _template_position(exc: BaseException, roots: list[Path]) -> Position | None:
    """Where in a template a rendering error happened (Jinja2 rewrites the traceback)."""
    found: Position | None = None
    for frame in traceback.extract_tb(exc.__traceback__):
        path = Path(frame.filename).resolve()
        if any(root in path.parents for root in roots) and frame.lineno:
            found = Position(str(path), frame.lineno)
    return found


def render(name: str, kind: Kind, context: dict[str, Any], templates: Path | None = None) -> str:
    """Render one template; a broken template is a `VettingError` at its line, not a traceback."""
    import jinja2

    env = environment(kind, templates)
    roots = [p.resolve() for p in search_path(templates)]
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        where = Position(exc.filename or name, exc.lineno or 0)
        raise VettingError(Problem(where, f"template error: {exc.message}")) from None
    except jinja2.TemplateNotFound as exc:
        hint = f"looked in {', '.join(str(p) for p in roots)}"
        raise VettingError(
            Problem(Position(name), f"template not found: {exc}", hint=hint)
        ) from None
    except jinja2.TemplateError as exc:
        where = _template_position(exc, roots) or Position(name)
        raise VettingError(Problem(where, f"template error: {exc}")) from None

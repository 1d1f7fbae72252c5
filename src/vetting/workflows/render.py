"""The workflow templates (`reports/workflows/`) and our own assets next to them.

Rendering goes through the one Jinja2 factory (`vetting.templates`), with the
report's escaping rules. The HTML pages are self-contained: the only trusted
insertions are our own style sheet and script, read from this folder and
allowed by their Content-Security-Policy hash.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from pathlib import Path
from typing import Any

from vetting import catalog, templates
from vetting.resources import embedded_reports_dir

FOLDER = "workflows"


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


def render(name: str, kind: templates.Kind, lang: str, context: dict[str, Any]) -> str:
    """Render one workflow template in `lang`; a broken template is a `VettingError`.

    Templates read their words from the catalog with `t("workflows.columns.tool")`,
    the same literal keys as the code, and a colon with `t("formats.colon")`.
    """
    words = {"t": functools.partial(catalog.text, lang)}
    return templates.render(name, kind, {**context, **words}, [templates_dir()])


def trusted(markup: str) -> Any:
    """Our own CSS or JS, inserted as is into an HTML template (never data from a file)."""
    import markupsafe

    return markupsafe.Markup(markup)

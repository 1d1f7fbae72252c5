"""One Jinja2 environment factory (vetting.templates) for the report, the notice and the
workflows: the same escaping and the same `code` filter everywhere.

The report and the workflows each had their own `code` filter; the report's kept a
line break inside a code span (which breaks a Markdown table row) and wrote an
empty pair of backticks, which Markdown shows as two backticks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from vetting import templates
from vetting.errors import VettingError
from vetting.templates import code, environment, render, search_path
from vetting.workflows.render import templates_dir


def test_a_code_span_stays_on_one_line_and_never_interprets_a_backtick() -> None:
    assert code("health-ai@2.0.0") == "`health-ai@2.0.0`"
    assert code("a\nb`c\x1b[31m") == "`a bc[31m`"
    assert code("") == ""


def _escapes(env: Any, name: str) -> bool:
    return bool(env.autoescape(name) if callable(env.autoescape) else env.autoescape)


@pytest.mark.parametrize("kind", ["md", "html"])
def test_the_report_and_the_workflows_share_one_environment_per_kind(kind: str) -> None:
    report = environment(kind, search_path(None))  # type: ignore[arg-type]
    workflows = environment(kind, [templates_dir()])  # type: ignore[arg-type]
    assert report.finalize is workflows.finalize
    for name in ("report.html.j2", "compare.html.j2", "report.css", "diff.md.j2"):
        expected = kind == "html" and name.endswith(".html.j2")
        assert _escapes(report, name) == _escapes(workflows, name) == expected
    assert report.filters.get("code") is workflows.filters.get("code")
    assert environment(kind, search_path(None)) is report  # type: ignore[arg-type]


def test_markdown_escapes_every_value_but_code_spans_and_autolinks(tmp_path: Path) -> None:
    (tmp_path / "t.md.j2").write_text(
        "{{ x }} {{ x | code }} {{ url | autolink }} {{ bad | autolink }}\n", encoding="utf-8"
    )
    out = render(
        "t.md.j2",
        "md",
        {"x": "*a*\nb", "url": "https://example.org", "bad": "javascript:alert(1)"},
        [tmp_path],
    )
    assert out == "\\*a\\* b `*a* b` <https://example.org> javascript:alert(1)\n"


def test_html_escapes_every_value_and_drops_controls(tmp_path: Path) -> None:
    (tmp_path / "t.html.j2").write_text("<p>{{ x }}</p>\n", encoding="utf-8")
    out = render("t.html.j2", "html", {"x": "<b>\u202ex</b>"}, [tmp_path])
    assert out == "<p>&lt;b&gt;x&lt;/b&gt;</p>\n"


def test_a_broken_template_is_an_error_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "t.md.j2").write_text("fine\n{{ missing }}\n", encoding="utf-8")
    with pytest.raises(VettingError) as caught:
        render("t.md.j2", "md", {}, [tmp_path])
    (problem,) = caught.value.problems
    assert problem.position is not None and problem.position.line == 2
    with pytest.raises(VettingError, match="template not found"):
        templates.render("nothing.md.j2", "md", {}, [tmp_path])

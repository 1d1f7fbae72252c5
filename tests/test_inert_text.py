"""Text from a vendor's file stays inert: no terminal escape, no bidi override, no live link.

Terminal escapes (`ESC ]0;...BEL` retitles the terminal, `ESC [31m` recolours it) and
right-to-left overrides (U+202E) may sit in a tool's name, an answer or a file name;
bare URLs, `www.` names and e-mail addresses in notes become links under
GitHub-flavoured Markdown. The oracle for links is GitHub's own renderer (cmark-gfm),
not the escaper's own idea of what is special.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options

from tests.conftest import ROOT, Result
from vetting.escape import md_escape

ESC = "\x1b]0;PWNED\x07\x1b[31mRED"
RLO = "\u202e"
LINKS = "see https://evil.example/a, HTTPS://evil.example/b, www.evil.example, ftp://evil.example"
MAIL = "write to bob@evil.example or mailto:eve@evil.example or xmpp:eve@evil.example"
RAW = ("\x1b", "\x07", "\x9b", RLO, "\u2066")


def _hostile(tmp_path: Path, name: str, note: str) -> Path:
    text = (ROOT / "examples/health-ai/us-chatbot-reject.yaml").read_text(encoding="utf-8")
    text = text.replace("name: CareChat", f'name: "Care{ESC}{RLO}Chat www.evil.example"', 1)
    text = text.replace("vendor: CareChat Inc.", "vendor: bob@evil.example CareChat Inc.", 1)
    text = (
        text.replace(
            "notes:\n",
            f'notes:\n  scope.buyer: "{note} {LINKS} {MAIL} {ESC}{RLO}"\n',
            1,
        )
        .replace("\x1b", "\\e")
        .replace("\x07", "\\a")
        .replace(RLO, "\\u202e")
    )
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _gfm_links(markdown: str) -> list[str]:
    html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    return re.findall(r"<a [^>]*href=\"([^\"]*)\"", html)


# ------------------------------------------------------------------ links in Markdown


@pytest.mark.parametrize(
    "text",
    [
        "https://evil.example/x",
        "HtTpS://evil.example",
        "ftp://evil.example/x",
        "www.evil.example",
        "WWW.evil.example",
        "(www.evil.example)",
        "bob@evil.example",
        "a_b.c+d@x.evil.example",
        "mailto:bob@evil.example",
        "xmpp:bob@evil.example/home",
        "<https://evil.example>",
        "<bob@evil.example>",
        "[x](https://evil.example)",
        LINKS + " " + MAIL,
    ],
)
def test_escaped_text_has_no_link_under_gfm(text: str) -> None:
    for where in ("{}", "| a |\n|---|\n| {} |", "- {}", "*{}*"):
        markdown = where.format(md_escape(text))
        assert _gfm_links(markdown) == [], markdown


def test_neutralised_text_still_reads_the_same() -> None:
    html = cmarkgfm.github_flavored_markdown_to_html(md_escape(LINKS + " " + MAIL))
    shown = html.replace("\u2060", "")
    assert LINKS in shown and MAIL in shown


@pytest.fixture(scope="module")
def markdown_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Every Markdown output of the hostile file: report, notice, compare, diff."""
    from vetting.cli import main

    tmp = tmp_path_factory.mktemp("links")
    old = _hostile(tmp, "old.yaml", "first")
    new = _hostile(tmp, "new.yaml", "second")
    changed = new.read_text(encoding="utf-8").replace(
        "reuse.retention: long", "reuse.retention: none"
    )
    new.write_text(changed, encoding="utf-8")
    out = tmp / "out"
    args = ["--lang", "en"]
    # --draft: the notice of a tool nobody decided to use is otherwise refused (exit 1).
    report = ["report", str(new), "--format", "md,patient-notice", "--draft", "-o", str(out)]
    assert main([*report, *args]) == 0
    assert main(["compare", str(old), str(new), "-o", str(tmp / "c.md"), *args]) == 0
    assert main(["diff", str(old), str(new), "--format", "md", "-o", str(tmp / "d.md"), *args]) == 1
    files = {
        "report": next(out.glob("*.report.md")),
        "notice": next(out.glob("*.patient-notice.md")),
        "compare": tmp / "c.md",
        "diff": tmp / "d.md",
    }
    return {kind: path.read_text(encoding="utf-8") for kind, path in files.items()}


@pytest.mark.parametrize("kind", ["report", "notice", "compare", "diff"])
def test_no_markdown_output_links_to_what_a_vendor_wrote(
    markdown_outputs: dict[str, str], kind: str
) -> None:
    markdown = markdown_outputs[kind]
    assert "evil" in markdown.replace("\u2060", "")  # the text is there, shown
    links = _gfm_links(markdown)
    assert not [href for href in links if "evil" in href], links


@pytest.mark.parametrize("kind", ["report", "notice", "compare", "diff"])
def test_no_markdown_output_carries_controls(markdown_outputs: dict[str, str], kind: str) -> None:
    markdown = markdown_outputs[kind]
    assert not [ch for ch in RAW if ch in markdown]


# ------------------------------------------------------------------ documents and terminal


@pytest.mark.parametrize(
    "pattern", ["*.report.html", "*.patient-notice.html", "*.report.md", "*.patient-notice.md"]
)
def test_documents_drop_escapes_and_bidi_overrides(
    tmp_path: Path, cli: Callable[..., Result], pattern: str
) -> None:
    path = _hostile(tmp_path, "tool.yaml", "n")
    fmt = "md,html,patient-notice"
    assert cli("report", str(path), "--format", fmt, "--draft", "-o", str(tmp_path / "o")).code == 0
    text = next((tmp_path / "o").glob(pattern)).read_text(encoding="utf-8")
    assert "PWNED" in text
    assert not [ch for ch in RAW if ch in text]


def test_score_table_and_error_lines_show_escapes_never_obey_them(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    good = _hostile(tmp_path, "tool.yaml", "n")
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        good.read_text(encoding="utf-8").replace(
            "scope.buyer: private_clinic", 'scope.buyer: "\\e[31mX\\u202eY"'
        ),
        encoding="utf-8",
    )
    named = tmp_path / "\x1b[31mevil\u202e.yaml"
    named.write_text("ruleset: [\n", encoding="utf-8")
    result = cli("score", str(good), str(bad), str(named))
    assert result.code == 2
    printed = result.out + result.err
    assert not [ch for ch in RAW if ch in printed]
    assert "Care\\x1b]0;PWNED\\x07\\x1b[31mRED\\u202eChat" in result.out
    assert "'\\x1b[31mX\\u202eY' is not a choice of 'scope.buyer'" in result.err
    assert "\\x1b[31mevil\\u202e.yaml:2:1: YAML syntax error" in result.err


def test_warnings_are_shown_escaped(tmp_path: Path, cli: Callable[..., Result]) -> None:
    path = _hostile(tmp_path, "tool.yaml", "n")
    text = path.read_text(encoding="utf-8").replace(
        "ruleset: health-ai@3.0.0", "ruleset: health-ai@1.0.0"
    )
    text = text.replace("answers:\n", 'answers:\n  "gone\\e[2J": x\n', 1)
    path.write_text(text, encoding="utf-8")
    result = cli("report", str(path), "-o", str(tmp_path / "o"))
    assert "warning: answers.gone\\x1b[2J: 'gone\\x1b[2J' is not a question" in result.err
    assert "\x1b" not in result.err


def test_a_name_collision_is_reported_escaped(tmp_path: Path, cli: Callable[..., Result]) -> None:
    first = _hostile(tmp_path, "first.yaml", "a")
    second = _hostile(tmp_path, "second.yaml", "b")
    result = cli("report", str(first), str(second), "-o", str(tmp_path / "o"))
    assert result.code == 2
    assert "the tool 'Care\\x1b]0;PWNED\\x07\\x1b[31mRED\\u202eChat" in result.err
    assert not [ch for ch in RAW if ch in result.err]

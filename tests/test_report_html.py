"""The HTML report and notice, parsed: structure, accessibility, self-containment, escaping."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest

from tests.support.reports import (
    EXAMPLE_NAMES,
    FORMULA,
    LANGS,
    XSS,
    example,
    hostile_answers,
    ruleset,
)
from vetting.report import render_html, render_markdown, render_notice
from vetting.templates import search_path


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    text: str = ""


@dataclass
class Page(HTMLParser):
    """Every element with its attributes, every text node, and the heading outline."""

    elements: list[Element] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    headings: list[tuple[int, str]] = field(default_factory=list)
    stack: list[Element] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs))
        self.elements.append(element)
        if tag not in {"meta", "br", "img", "input", "link", "rect", "line"}:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            element = self.stack.pop()
            if re.fullmatch(r"h[1-6]", element.tag):
                self.headings.append((int(element.tag[1]), " ".join(element.text.split())))
            if element.tag == tag:
                break

    def handle_data(self, data: str) -> None:
        self.texts.append(data)
        for element in self.stack:
            element.text += data

    def all(self, tag: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag]


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
@pytest.mark.parametrize("lang", LANGS)
def test_the_report_is_accessible_and_self_contained(name: str, lang: str) -> None:
    answers, assessment = example(name)
    html = render_html(assessment, ruleset(), answers, lang)
    assert html.startswith("<!DOCTYPE html>\n")
    page = parse(html)
    assert page.all("html")[0].attrs["lang"] == lang
    assert page.all("meta")[1].attrs == {
        "name": "viewport",
        "content": "width=device-width, initial-scale=1",
    }
    # Headings: one h1, then no level skipped on the way down.
    levels = [int(m.group(1)) for m in re.finditer(r"<h([1-6])[ >]", html)]
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"heading h{after} after h{before}"
    # Table headers say what they head; every table has a caption.
    for th in page.all("th"):
        assert th.attrs.get("scope") in {"col", "row"}
    assert len(page.all("caption")) == len(page.all("table"))
    # The chart is an image with a title and a description.
    (svg,) = page.all("svg")
    assert svg.attrs["role"] == "img"
    assert svg.attrs["aria-labelledby"] == "chart-title chart-desc"
    # Nothing is fetched, nothing runs.
    assert page.all("script") == [] and page.all("link") == [] and page.all("img") == []
    assert page.all("iframe") == [] and page.all("object") == []
    for element in page.elements:
        assert "src" not in element.attrs
        assert not any(k.startswith("on") for k in element.attrs), element
    assert "url(" not in html and "@import" not in html
    for a in page.all("a"):
        href = a.attrs["href"] or ""
        assert href.startswith(("#", "https://", "http://")), href
    # Internal links point at something.
    ids = {e.attrs["id"] for e in page.elements if e.attrs.get("id")}
    for a in page.all("a"):
        href = a.attrs["href"] or ""
        if href.startswith("#"):
            assert href[1:] in ids, href


@pytest.mark.parametrize("annex", [True, False])
def test_pending_items_give_their_legal_basis_and_their_rationale_in_the_annex(
    annex: bool,
) -> None:
    """The pending table names the law under which each item could block; the annex says
    why, and the table links there only when the annex is in the copy."""
    answers, assessment = example("triage-pending")
    assert assessment.pending
    html = render_html(assessment, ruleset(), answers, "en", annex=annex)
    page = parse(html)
    (table,) = [t for t in page.all("table") if (t.attrs.get("class") or "") == "pending"]
    why = {e.attrs["id"]: e for e in page.all("dt") if (e.attrs.get("id") or "").startswith("why-")}
    links = [a.attrs["href"] for a in page.all("a") if (a.attrs["href"] or "").startswith("#why-")]
    text = " ".join(" ".join(page.texts).split())
    for item in assessment.pending:
        rationale = " ".join(item.rationale["en"].split())
        assert rationale not in " ".join(table.text.split()), item.id
        if annex:
            assert f"why-{item.id}" in why and f"#why-{item.id}" in links, item.id
            assert rationale in text, item.id
        else:
            assert not why and not links
            assert rationale not in text, item.id


def test_hostile_text_stays_inert_text() -> None:
    answers, assessment = hostile_answers()
    html = render_html(assessment, ruleset(), answers, "en")
    page = parse(html)
    assert page.all("script") == [] and page.all("img") == []
    assert [e for e in page.all("svg") if "onload" in e.attrs] == []
    for element in page.elements:
        assert not any(k.startswith("on") for k in element.attrs), element
    text = "".join(page.texts)
    assert XSS in text  # shown exactly as written, as text
    assert FORMULA in text
    # A javascript: URL is shown, never linked.
    assert "javascript:alert(3)" in text
    assert all("javascript" not in (a.attrs["href"] or "") for a in page.all("a"))
    # The PDF header takes the tool's name from the page, not from CSS text.
    assert "alert" not in html[html.index("<style>") : html.index("</style>")]


def test_hostile_text_is_escaped_in_markdown() -> None:
    answers, assessment = hostile_answers()
    md = render_markdown(assessment, ruleset(), answers, "en")
    # The only raw `<` are our autolinks to the rule set's sources.
    assert re.findall(r"(?<!\\)<(?!https?://)", md) == []
    assert r"\<script\>alert('x')\</script\>" in md
    assert "](javascript" not in md and "<javascript" not in md


@pytest.mark.parametrize("lang", LANGS)
def test_the_notice_is_escaped_and_in_its_language(lang: str) -> None:
    answers, assessment = hostile_answers()
    html = render_notice(assessment, ruleset(), answers, lang, "html")
    page = parse(html)
    assert page.all("html")[0].attrs["lang"] == lang
    assert page.all("script") == [] and page.all("img") == []
    assert XSS in "".join(page.texts)
    assert next(level for level, _ in page.headings) == 1


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_calculation_is_right() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_every_colour_pair_of_the_report_meets_wcag_aa() -> None:
    css = (search_path(None)[0] / "report.css").read_text(encoding="utf-8")
    colours = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6});", css))
    pairs = [
        (name[:-3], colours[name], colours[name[:-3] + "-bg"])
        for name in colours
        if name.endswith("-fg")
    ]
    assert len(pairs) >= 12
    for name, fg, bg in pairs:
        assert contrast(fg, bg) >= 4.5, f"--{name}-fg on --{name}-bg: {contrast(fg, bg):.2f}"
    # Text on the cards and the page is ink on white, the muted grey too.
    for fg in ("ink-fg", "muted-fg", "link-fg", "pending-fg", "reject-fg"):
        assert contrast(colours[fg], "#ffffff") >= 4.5, fg


def test_chart_bars_stand_out_from_the_page() -> None:
    from vetting.report.svg import LEVEL_FILL

    for level, fill in LEVEL_FILL.items():
        assert contrast(fill, "#ffffff") >= 3.0, level  # WCAG 1.4.11, non-text contrast

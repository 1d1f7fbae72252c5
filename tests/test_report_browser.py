"""The HTML report in a real headless browser (Debian's chromium): layout and inertness.

Screenshots at a phone's width (375 px) and a desktop's (1280 px), checked with
Pillow: the page is not blank, nothing overflows to the right on the phone (the
right-hand margin stays background), and on the desktop the text column is
centred. A hostile answers file is loaded with JavaScript on: nothing it
carries runs.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.support.reports import chromium, example, hostile_answers, ruleset
from vetting.report import render_html, render_notice

pytestmark = pytest.mark.slow  # a real browser

WHITE = (255, 255, 255)


def run_chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    command = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--user-data-dir={profile}",
        *args,
    ]
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    except subprocess.TimeoutExpired:
        pytest.skip("chromium did not answer within 120 s")


def screenshot(tmp_path: Path, page: Path, width: int, height: int) -> object:
    from PIL import Image

    png = tmp_path / f"{page.stem}-{width}.png"
    proc = run_chromium(
        tmp_path, f"--window-size={width},{height}", f"--screenshot={png}", page.as_uri()
    )
    if not png.is_file():
        pytest.skip(f"chromium could not take a screenshot: {proc.stderr[-300:]}")
    image = Image.open(png).convert("RGB")
    assert image.size == (width, height)
    return image


def blank_columns(image: object, columns: range) -> bool:
    """Whether every pixel of these columns is background white."""
    from PIL import Image

    assert isinstance(image, Image.Image)
    height = image.height
    return all(image.getpixel((x, y)) == WHITE for x in columns for y in range(height))


def not_blank(image: object) -> float:
    """Share of non-white pixels, and at least three colours: text, rules, the verdict box."""
    from PIL import Image

    assert isinstance(image, Image.Image)
    colours = image.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 3
    white = sum(count for count, colour in colours if colour == WHITE)
    return 1 - white / (image.width * image.height)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pages")
    answers, assessment = example("triage-pending")
    out = {
        "report": render_html(assessment, ruleset(), answers, "fr"),
        "notice": render_notice(assessment, ruleset(), answers, "fr", "html"),
    }
    paths = {}
    for name, html in out.items():
        path = folder / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        paths[name] = path
    return paths


@pytest.mark.parametrize("name", ["report", "notice"])
def test_on_a_phone_nothing_overflows_to_the_right(
    tmp_path: Path, pages: dict[str, Path], name: str
) -> None:
    image = screenshot(tmp_path, pages[name], 375, 4000 if name == "report" else 2400)
    assert not_blank(image) > 0.03
    # Content keeps a margin: the right-hand 8 px are background all the way down.
    assert blank_columns(image, range(367, 375)), "something overflows the phone's width"
    assert blank_columns(image, range(0, 6))


@pytest.mark.parametrize("name", ["report", "notice"])
def test_on_a_desktop_the_text_column_is_centred(
    tmp_path: Path, pages: dict[str, Path], name: str
) -> None:
    image = screenshot(tmp_path, pages[name], 1280, 2400)
    assert not_blank(image) > 0.02
    # A readable line length: wide white margins on both sides.
    assert blank_columns(image, range(0, 150))
    assert blank_columns(image, range(1130, 1280))


def test_nothing_from_the_answers_file_runs_in_a_browser(tmp_path: Path) -> None:
    answers, assessment = hostile_answers()
    payload = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">"
    answers = answers.model_copy(update={"notes": {**answers.notes, "reuse.training": payload}})
    page = tmp_path / "hostile.html"
    page.write_text(render_html(assessment, ruleset(), answers, "en"), encoding="utf-8")
    proc = run_chromium(tmp_path, "--dump-dom", page.as_uri())
    dom = proc.stdout
    if "<body" not in dom:
        pytest.skip(f"chromium could not dump the page: {proc.stderr[-300:]}")
    start = dom.index("<body")
    assert "data-pwned" not in dom[start : dom.index(">", start)]
    assert "&lt;img src=x onerror=" in dom  # the payload is there, as text


@pytest.fixture(scope="module")
def workflow_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The portfolio of every example and a comparison of three tools, in French."""
    import datetime as dt

    from tests.support.reports import EXAMPLES
    from vetting.workflows import portfolio
    from vetting.workflows.compare import compare, to_html
    from vetting.workflows.inputs import Scored

    folder = tmp_path_factory.mktemp("workflows")
    items = []
    for name in ("scribe-accept", "chatbot-conditional", "us-chatbot-reject"):
        answers, assessment = example(name)
        items.append(Scored(f"{name}.yaml", answers, assessment))
    paths = {
        "compare": folder / "compare.html",
        "portfolio": folder / "portfolio.html",
    }
    paths["compare"].write_text(to_html(compare(ruleset(), items, "fr")), encoding="utf-8")
    every = portfolio.build(ruleset(), EXAMPLES, dt.date(2026, 12, 15), "fr")
    paths["portfolio"].write_text(portfolio.to_html(every), encoding="utf-8")
    return paths


@pytest.mark.parametrize("name", ["portfolio", "compare"])
def test_portfolio_and_compare_fit_a_phone(
    tmp_path: Path, workflow_pages: dict[str, Path], name: str
) -> None:
    image = screenshot(tmp_path, workflow_pages[name], 375, 2400)
    assert not_blank(image) > 0.03
    # The page itself never scrolls sideways: the portfolio is a pile of cards (the verdict
    # under each tool's name), the comparison scrolls inside its frame with the row names.
    assert blank_columns(image, range(367, 375)), "something overflows the phone's width"

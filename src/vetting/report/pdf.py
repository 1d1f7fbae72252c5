"""PDF from the HTML report with WeasyPrint: A4, page numbers, the tool's name in the header.

WeasyPrint is an optional dependency (`pip install 'vetting[pdf]'`) with system
libraries (Pango); it is imported here only, when a PDF is asked for. The page
layout lives in the report's CSS (`@page`), so the PDF is exactly the HTML
file printed. Nothing is fetched while rendering: the HTML is self-contained,
and any URL WeasyPrint would follow is refused.
"""

from __future__ import annotations

import gc
import re
from typing import Any, NoReturn

from vetting.errors import Problem, VettingError

INSTALL_HINT = "pip install 'vetting[pdf]'"


#: Runs of visible characters longer than this get a break opportunity every `RUN`
#: characters: long enough for a SHA-256 (64) or most addresses to stay whole.
RUN = 80
#: Zero-width space: an invisible place where a line may break.
ZWSP = "\u200b"
#: What HTML text is cut into: markup (tags, comments, style and script blocks) that is
#: never touched, and the text between.
_MARKUP = re.compile(r"(<style\b.*?</style>|<script\b.*?</script>|<!--.*?-->|<[^>]*>)", re.S | re.I)
#: One visible character of text: a character reference counts as one.
_CHAR = r"(?:&#?\w+;|[^\s<&\u200b])"
_LONG = re.compile(f"{_CHAR}{{{RUN + 1},}}")
_ONE = re.compile(_CHAR)


def _cut(match: re.Match[str]) -> str:
    chars = _ONE.findall(match.group())
    return ZWSP.join("".join(chars[i : i + RUN]) for i in range(0, len(chars), RUN))


def breakable(html: str) -> str:
    """The HTML with a break opportunity in every run of more than `RUN` characters.

    Pango looks for a line break inside an unbroken run by trying ever shorter
    prefixes of it, so its cost grows with the square of the run: one 99,999-
    character note took 112 s. Broken up before layout, it takes a page's time.
    """
    parts = _MARKUP.split(html)
    for index in range(0, len(parts), 2):  # even items: text between markup
        if len(parts[index]) > RUN:
            parts[index] = _LONG.sub(_cut, parts[index])
    return "".join(parts)


def _refuse(url: str, *args: Any, **kwargs: Any) -> NoReturn:
    """WeasyPrint's URL fetcher: the report needs nothing from outside, so fetch nothing."""
    raise ValueError(f"vetting reports fetch nothing (refused: {url[:80]})")


def _weasyprint() -> Any:
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: WeasyPrint present, Pango missing
        raise VettingError(
            Problem(None, f"PDF needs WeasyPrint: {INSTALL_HINT}", hint=str(exc).splitlines()[0])
        ) from None
    return weasyprint


def available() -> bool:
    """Whether PDF output works here (WeasyPrint and its system libraries)."""
    try:
        _weasyprint()
    except VettingError:
        return False
    return True


def html_to_pdf(html: str) -> bytes:
    """Render a self-contained HTML document to PDF bytes.

    The cyclic garbage collector is paused meanwhile: WeasyPrint makes hundreds of
    thousands of short-lived boxes that reference counting frees, so the collector
    finds almost nothing among them yet costs a tenth of the render (bench/run.py:
    1.43 s -> 1.30 s for a 28-page report, with the same peak memory).
    """
    weasyprint = _weasyprint()
    paused = gc.isenabled()
    gc.disable()
    try:
        document = weasyprint.HTML(string=breakable(html), base_url=None, url_fetcher=_refuse)
        data: bytes = document.write_pdf()
    finally:
        if paused:
            gc.enable()
    return data

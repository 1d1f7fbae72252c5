"""PDF from the HTML report with WeasyPrint: A4, page numbers, the tool's name in the header.

WeasyPrint is an optional dependency (`pip install 'vetting[pdf]'`) with system
libraries (Pango); it is imported here only, when a PDF is asked for. The page
layout lives in the report's CSS (`@page`), so the PDF is exactly the HTML
file printed. Nothing is fetched while rendering: the HTML is self-contained,
and any URL WeasyPrint would follow is refused.
"""

from __future__ import annotations

from typing import Any, NoReturn

from vetting.errors import Problem, VettingError

INSTALL_HINT = "pip install 'vetting[pdf]'"


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
    """Render a self-contained HTML document to PDF bytes."""
    weasyprint = _weasyprint()
    document = weasyprint.HTML(string=html, base_url=None, url_fetcher=_refuse)
    data: bytes = document.write_pdf()
    return data

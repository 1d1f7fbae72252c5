"""File names of the outputs: `<tool-slug>.report.<ext>`, `<tool-slug>.patient-notice.<ext>`.

Kept apart from the questionnaire (which names the answers file the same way)
so that both import it without pulling in each other's dependencies.
"""

from __future__ import annotations

import re
import unicodedata


def slugify(name: str) -> str:
    """`Scribe Santé 2` -> `scribe-sante-2`: a file name that every system accepts."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug[:60] or "tool"


def report_name(slug: str, ext: str) -> str:
    """`scribe-alpha.report.html`."""
    return f"{slug}.report.{ext}"


def notice_name(slug: str, ext: str) -> str:
    """`scribe-alpha.patient-notice.html`."""
    return f"{slug}.patient-notice.{ext}"

"""File names of the outputs: `<tool-slug>.report.<ext>`, `<tool-slug>.patient-notice.<ext>`.

Kept apart from the questionnaire (which names the answers file the same way)
so that both import it without pulling in each other's dependencies.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

#: Longest slug, in characters and in UTF-8 bytes (file names stop at 255 bytes).
_MAX_CHARS = 60
_MAX_BYTES = 120


def _letter(char: str) -> str:
    """Latin letters lose their accents (`é` -> `e`); letters of other scripts stay."""
    decomposed = unicodedata.normalize("NFKD", char)
    if decomposed[:1].isascii():
        return "".join(c for c in decomposed if c.isascii())
    return char


def slugify(name: str) -> str:
    """`Scribe Santé 2` -> `scribe-sante-2`, `Писарь` -> `писарь`: a file name every system
    accepts, that keeps apart tools whose names are written in other scripts.

    Letters and digits of any script stay, Latin ones without accents; every other
    run of characters becomes one `-` (so no `/`, `..` or control character survives).
    """
    kept: list[str] = []
    for char in unicodedata.normalize("NFKC", name).lower():
        for part in _letter(char):
            kept.append(part if part.isalnum() else "-")
    slug = "-".join(p for p in "".join(kept).split("-") if p)
    slug = slug[:_MAX_CHARS]
    while len(slug.encode("utf-8")) > _MAX_BYTES:
        slug = slug[:-1]
    return unicodedata.normalize("NFC", slug.strip("-")) or "tool"


def report_name(slug: str, ext: str) -> str:
    """`scribe-alpha.report.html`."""
    return f"{slug}.report.{ext}"


def notice_name(slug: str, ext: str) -> str:
    """`scribe-alpha.patient-notice.html`."""
    return f"{slug}.patient-notice.{ext}"


def document_name(slug: str, kind: str, ext: str) -> str:
    """`scribe-alpha.pia.json`, `triageplus.fria.docx`: the documents a DPO writes next."""
    return f"{slug}.{kind}.{ext}"


#: How the questionnaire names an answers file: `<name>.answers.yaml`.
ANSWERS_SUFFIX = ".answers.yaml"


def report_slug(answers_file: str | Path, tool_name: str) -> str:
    """The name a file's reports take, whichever command writes them.

    An answers file the questionnaire wrote (`<name>.answers.yaml`) gives `<name>`, which
    keeps two tools whose names give one slug apart (`scribe-acme`, `scribe-acme-2`); any
    other file, the tool's slug.
    """
    name = Path(answers_file).name
    if name.endswith(ANSWERS_SUFFIX):
        return slugify(name.removesuffix(ANSWERS_SUFFIX))
    return slugify(tool_name)

"""Neutralising untrusted text for each output: Markdown, links, spreadsheets.

Untrusted text is everything that comes from an answers file or a checklist:
the tool's name, vendor, version and URL, the assessor, notes, evidence, text
answers. HTML is escaped by Jinja2's autoescape; this module covers the rest.
"""

from __future__ import annotations

import re
from typing import IO, Any

from vetting.controls import BIDI_CONTROLS, drop_controls

#: Characters that mean something in CommonMark or GitHub Markdown, anywhere in a line.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#&~])")
#: Block markers that only matter at the start of a line: a list item (`- `, `+ `, `1. `),
#: a thematic break or a setext underline (`---`, `===`).
_MD_BULLET = re.compile(r"^([-+])(?=\s|$)")
_MD_RULE = re.compile(r"^([-=])(?=[-= ]*$)")
_MD_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")

#: What a spreadsheet reads as the start of a formula (OWASP "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
#: The guard put before such a text, and before a text that already starts with it.
GUARD = "'"

#: Control characters (Unicode's Cc: C0, DEL, C1) but the spaces, and bidi overrides.
_DROPPED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "]")
_SPACE_RUN = re.compile(r"[ \t\n\r\f\v\u2028\u2029\x85]+")

#: What GitHub-flavoured Markdown turns into a link by itself (its autolink extension):
#: `scheme://` (http, https, ftp, any case), `www.` (GitHub: lower case; other
#: renderers: any case) and `name@domain.tld`. Escaping the `:` or the `.` breaks the
#: first two; an e-mail address is found in the text after escapes are undone, so a
#: word joiner (U+2060, invisible) after the `@` breaks it.
_SCHEME = re.compile(r"(?<=[A-Za-z0-9+.-])(:)(?=//)")
_WWW = re.compile(r"(?i)\b(www)\.")
_AT = re.compile(r"@(?=[^\s])")
WORD_JOINER = "\u2060"

_WEB_URL = re.compile(r"^https?://[^\s<>\"'`\\]+$", re.IGNORECASE)


def plain(text: object) -> str:
    """One line of text: runs of spaces and line breaks become one space, controls dropped.

    No-break spaces are kept: French typography relies on them. Bidi overrides
    (U+202E...) go too: they would reorder the text that follows them.
    """
    return _SPACE_RUN.sub(" ", _DROPPED.sub("", str(text)))


def md_escape(text: object) -> str:
    """Text that Markdown shows as written: no emphasis, link, autolink, HTML, table cell
    or heading.

    The text is flattened to one line first, because a value may sit in a table
    cell or a list item where a newline would break the structure.
    """
    # Leading spaces could indent the value into a list item or a code block.
    out = _MD_SPECIAL.sub(r"\\\1", plain(text).lstrip(" "))
    out = _MD_BULLET.sub(r"\\\1", out)
    out = _MD_RULE.sub(r"\\\1", out)
    out = _MD_ORDERED.sub(r"\1\\\2", out)
    return no_autolinks(out)


def no_autolinks(markdown: str) -> str:
    """Markdown in which no bare URL, `www.` name or e-mail address becomes a link."""
    out = markdown
    if "://" in out:
        out = _SCHEME.sub(r"\\\1", out)
    if "." in out:
        out = _WWW.sub(r"\1\\.", out)
    if "@" in out:
        out = _AT.sub("@" + WORD_JOINER, out)
    return out


def html_finalize(value: object) -> object:
    """Jinja's `finalize` for HTML: a text loses its controls and bidi overrides before
    autoescape; markup (`__html__`: our own SVG, CSS) passes untouched."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return drop_controls(value)
    return value


def web_url(url: str | None) -> str | None:
    """The URL when it is safe to make it a link (http or https, nothing odd), else None.

    Anything else (`javascript:`, `data:`, a relative path, spaces) is shown as
    text only.
    """
    if url and _WEB_URL.match(url):
        return url
    return None


def xlsx_guard(text: str) -> str:
    """A text a spreadsheet never evaluates: `=HYPERLINK(...)` becomes `'=HYPERLINK(...)`.

    The text is written as a string cell anyway; the guard also protects the
    value once the sheet is exported to CSV and opened again. A text already
    starting with the guard gets a second one, so `xlsx_unguard` is exact.
    """
    if text.startswith((*FORMULA_PREFIXES, GUARD)):
        return GUARD + text
    return text


def xlsx_unguard(text: str) -> str:
    """Undo `xlsx_guard`: drop one guard in front of a formula prefix or another guard."""
    if text.startswith(GUARD) and text[1:].startswith((*FORMULA_PREFIXES, GUARD)):
        return text[1:]
    return text


def xlsx_workbook(buffer: IO[bytes]) -> Any:
    """An XlsxWriter workbook, in memory, that keeps every string a string.

    XlsxWriter would otherwise turn a text that looks like a formula, a URL or a
    number into one; untrusted text is written with `write_string` and guarded
    (`xlsx_guard`) on top of this.
    """
    import xlsxwriter

    options = {
        "in_memory": True,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
    }
    return xlsxwriter.Workbook(buffer, options)

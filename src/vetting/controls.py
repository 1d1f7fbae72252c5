"""Control characters and bidirectional overrides in untrusted text.

A tool's name, an answer or a file name comes from a vendor: an escape sequence in
it (`ESC ]0;...`) would retitle or recolour the buyer's terminal, and a right-to-left
override (U+202E) would make `fdp.exe` read as `exe.pdf`. Documents (Markdown, HTML,
the patient notice) drop them; a terminal line shows them escaped (`\\x1b`,
`\\u202e`), so the user sees that the file holds something odd.
"""

from __future__ import annotations

import re

#: Embeddings, overrides and isolates (Unicode's "Trojan Source" set): they reorder
#: what follows them. The plain marks (LRM, RLM) only nudge neutral characters: kept.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

#: C0 and C1 controls, DEL and the bidi controls, except tab and line feed.
_DOCUMENT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: The same, line feed and tab included: a terminal line is one line.
_TERMINAL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def drop_controls(text: str) -> str:
    """`text` without control characters (tabs and line feeds kept) nor bidi overrides."""
    return _DOCUMENT.sub("", text)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """`text` as one terminal line: every control and bidi override shown as `\\xNN`/`\\uNNNN`."""
    return _TERMINAL.sub(_visible, text)

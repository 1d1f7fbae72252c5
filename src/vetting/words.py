"""Text helpers shared by every output: words, numbers and dates as a reader sees them.

Did-you-mean and terminal wrapping for the CLI and the questionnaire; French
typography, numbers with the French decimal comma, percentages, long dates and
answers for the reports, the checklist and the workflows. One copy of each, so
the outputs never disagree on how a number or an answer reads.

`vetting --help` imports this module (did-you-mean for commands), so it must
stay free of pydantic, YAML and prompt_toolkit.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from vetting import catalog
from vetting.i18n import pick

NBSP = "\u00a0"

# --------------------------------------------------------------------------- did you mean


def closest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The candidate nearest to a misspelt word, if one is near enough."""
    close = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=cutoff)
    return close[0] if close else None


def suggest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str:
    """`did you mean 'x'?` for a misspelt id, key, command or flag, or an empty string."""
    near = closest(word, candidates, cutoff)
    return f"did you mean '{near}'?" if near else ""


_SEPARATORS = re.compile(r"[\s\-\"'`«»“”‘’]+")


def fold(text: str, sep: str = " ") -> str:
    """`text` for matching what a person typed: case, accents, quotes and spacing do not matter.

    `« Élevé »` and `eleve` fold alike, and so do `pending-evidence` and `Pending
    evidence`. Letters of other scripts stay as they are (`Да` and `Нет` must not
    fold to the same empty word); each run of spaces, hyphens and quotes becomes one
    `sep`.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SEPARATORS.sub(sep, bare).strip(sep)


# --------------------------------------------------------------------------- terminal lines


def width(text: str) -> int:
    """Columns `text` takes in a terminal: wide scripts count two, combining marks none."""
    total = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in {"Cf", "Mn", "Me"}:
            continue
        total += 2 if unicodedata.east_asian_width(char) in {"W", "F"} else 1
    return total


def _split_long(word: str, room: int) -> list[str]:
    """A word wider than a whole line, cut into pieces that fit (URLs, long ids)."""
    pieces, current = [], ""
    for char in word:
        if current and width(current + char) > room:
            pieces.append(current)
            current = ""
        current += char
    return [*pieces, current] if current else pieces


def wrap(text: str, columns: int, indent: int = 0, first: int | None = None) -> list[str]:
    """`text` on lines of at most `columns`, cut between words, with a hanging indent.

    The first line starts at column `first` (default: `indent`), the others at
    `indent`; the lines returned hold the text only, without the indent, so the
    caller decides what to put in front. Runs of white space count as one.
    """
    start = indent if first is None else first
    lines: list[str] = []
    current = ""
    room = max(columns - start, 8)
    # Cut at ASCII white space only: a no-break space (French "outil ?") holds its words.
    for word in _SPACE_RUN.split(text):
        if not word:
            continue
        candidate = f"{current} {word}" if current else word
        if width(candidate) <= room:
            current = candidate
            continue
        if current:
            lines.append(current)
            current = ""
            room = max(columns - indent, 8)
        if width(word) <= room:
            current = word
            continue
        *full, current = _split_long(word, room)
        lines.extend(full)
        room = max(columns - indent, 8)
    if current or not lines:
        lines.append(current)
    return lines


def hanging(text: str, columns: int, indent: int, first: int | None = None) -> str:
    """`wrap`, joined with newlines and the hanging indent before every line but the first."""
    return ("\n" + " " * indent).join(wrap(text, columns, indent, first))


# --------------------------------------------------------------------------- typography

_SPACE_RUN = re.compile(r"[ \t\n\r\f\v]+")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_BEFORE = re.compile(r" ([:;?!»%])")
_AFTER = re.compile(r"« ")


def typo(text: str, lang: str) -> str:
    """Whitespace collapsed and, in French, no-break spaces before : ; ? ! » % and after «.

    Only for our own texts and the rule set's: text from an answers file is shown
    exactly as written.
    """
    flat = _SPACE_RUN.sub(" ", text).strip()
    if not catalog.entry(lang, "formats.typography"):
        return flat
    return _AFTER.sub("«" + NBSP, _BEFORE.sub(NBSP + r"\1", flat))


def text_in(text: Mapping[str, str] | None, lang: str) -> str:
    """A `{fr: ..., en: ...}` text of the rule set or of our data files, in `lang`, typeset."""
    return typo(pick(text, lang), lang)


def short(text: str, limit: int = 90) -> str:
    """A long text cut at a word, with an ellipsis: a table's first column, a line of page 1."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return f"{cut}…"


def fill(template: str, values: Mapping[str, str]) -> str:
    """Replace `{name}` placeholders in one pass: a value is never read as a template.

    Never `str.format`, which would read attributes, and never a loop of
    `replace`, which would expand a `{vendor}` written inside a tool's name.
    """
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


# --------------------------------------------------------------------------- numbers


def _comma(text: str, lang: str) -> str:
    return text.replace(".", catalog.text(lang, "formats.decimal_separator"))


def number(value: float, lang: str, decimals: int = 1) -> str:
    """`9.5` -> `9,5` in French; a fixed number of decimals, so outputs never jitter."""
    return _comma(f"{value:.{decimals}f}", lang)


def amount(value: float, lang: str) -> str:
    """A number as written by hand: `4`, `4.5` (`4,5` in French), `1234567`.

    At most four decimals, never `4.500000001` nor an exponent.
    """
    text = f"{round(value, 4):.4f}".rstrip("0").rstrip(".")
    return _comma("0" if text == "-0" else text, lang)


def percent(value: float, lang: str, decimals: int = 1) -> str:
    """`94.4%`; `94,4 %` in French, with a no-break space."""
    return fill(catalog.text(lang, "formats.percent"), {"number": number(value, lang, decimals)})


def signed(value: float, lang: str) -> str:
    """A change: `+4.5`, `-2.0`, `0.0` (`+4,5` in French)."""
    if round(value, 1) == 0:
        return number(0.0, lang)
    text = number(abs(value), lang)
    return f"+{text}" if value > 0 else f"-{text}"


# --------------------------------------------------------------------------- dates


def long_date(day: dt.date, lang: str) -> str:
    """`24 novembre 2026`, `24 November 2026`: no locale, so the same on every machine."""
    month = catalog.entry(lang, "formats.months")[day.month - 1]
    first = catalog.text(lang, "formats.first_day") if day.day == 1 else str(day.day)
    values = {"day": first, "month": month, "year": str(day.year)}
    return fill(catalog.text(lang, "formats.long_date"), values)


# --------------------------------------------------------------------------- answers


class _Choice(Protocol):
    """What `answer_text` reads of a rule set's choice (`vetting.ruleset.model.Choice`)."""

    @property
    def id(self) -> str: ...
    @property
    def label(self) -> Mapping[str, str]: ...


class _Question(Protocol):
    """What `answer_text` reads of a rule set's question (`vetting.ruleset.model.Question`)."""

    @property
    def type(self) -> str: ...
    @property
    def choices(self) -> Sequence[_Choice]: ...
    @property
    def unit(self) -> Mapping[str, str] | None: ...


def answer_text(
    question: _Question | None,
    value: Any,
    lang: str,
    words: Mapping[str, str],
    *,
    typeset: bool = False,
) -> str:
    """An answer as a reader says it: choice labels, a number with its unit, a date.

    `words` gives `unanswered`, `unknown` and `none_ticked` in the output's own
    vocabulary. `typeset` applies French typography to the rule set's words (the
    labels, the unit, the `;` between choices), as the report does. A text answer
    is returned as written: each output escapes it its own way.
    """
    if value is None:
        return words["unanswered"]
    if value == "unknown":  # the answers file's UNKNOWN_ANSWER: words stays below assess
        return words["unknown"]

    def text(source: Mapping[str, str] | None) -> str:
        return text_in(source, lang) if typeset else pick(source, lang)

    joiner = catalog.text(lang, "formats.semicolon") if typeset else "; "
    if question is not None and question.type in ("single", "multiple"):
        labels = {choice.id: text(choice.label) for choice in question.choices}
        chosen = value if isinstance(value, list) else [value]
        if not chosen:
            return words["none_ticked"]
        return joiner.join(labels.get(str(c), str(c)) for c in chosen)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        unit = question.unit if question is not None else None
        return amount(float(value), lang) + (f" {text(unit)}" if unit else "")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return joiner.join(str(v) for v in value)
    return str(value)


__all__ = [
    "NBSP",
    "amount",
    "answer_text",
    "closest",
    "fill",
    "fold",
    "hanging",
    "long_date",
    "number",
    "percent",
    "short",
    "signed",
    "suggest",
    "text_in",
    "typo",
    "width",
    "wrap",
]

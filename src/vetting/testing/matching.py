"""How a step's text is matched: templates with placeholders compiled to patterns.

A template is the text a rule author types, with `"{name}"` for a quoted
argument and `{name:n}` for a number: `the score is between {low:n} and
{high:n}`. The same template is matched, compared on a typo (`shape`) and
printed in docs/rule-tests.md (`shown`), so the three never disagree.
Typographic variants (curly quotes, French guillemets, non-breaking spaces, a
space before a colon, a final full stop) match as their plain forms.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # a step function's signature only
    from vetting.testing.features import Step
    from vetting.testing.world import World

Kind = Literal["given", "when", "then"]
Args = dict[str, str]

#: Languages with their own step texts; a feature in another language uses English steps.
STEP_LANGUAGES = ("en", "fr")

_QUOTED = r"[\"“«]\s*(?P<{name}>.*?)\s*[\"”»]"
_NUMBER = r"(?P<{name}>[-+]?\d+(?:[.,]\d+)?)"
_PLACEHOLDER = re.compile(r'"\{(\w+)\}"|\{(\w+):n\}')


def normalise(text: str) -> str:
    """Typographic variants a French keyboard or a word processor produce, made plain."""
    text = text.replace("’", "'").replace("‘", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text).strip().rstrip(".")


def _compile(template: str) -> re.Pattern[str]:
    out: list[str] = []
    at = 0
    for match in _PLACEHOLDER.finditer(template):
        out.append(_literal(template[at : match.start()]))
        if match.group(1):
            out.append(_QUOTED.format(name=match.group(1)))
        else:
            out.append(_NUMBER.format(name=match.group(2)))
        at = match.end()
    out.append(_literal(template[at:]))
    return re.compile("^" + "".join(out) + "$", re.IGNORECASE)


def _literal(text: str) -> str:
    text = text.replace("’", "'").replace("\u00a0", " ")
    escaped = re.escape(text).replace(r"\ ", " ")
    escaped = re.sub(" +", r"\\s+", escaped)
    # "sont :" and "sont:" are both what people type before a table.
    return escaped.replace(r"\s+:", r"\s*:")


@dataclass(frozen=True)
class StepDef:
    """One step: its texts per language and what it does."""

    name: str
    kind: Kind
    templates: Mapping[str, tuple[str, ...]]
    run: Callable[[World, Args, Step, str], None]
    table: bool = False

    def patterns(self) -> list[tuple[str, re.Pattern[str]]]:
        return [(lang, _compile(t)) for lang, items in self.templates.items() for t in items]


def shape(text: str) -> str:
    """A step text with its arguments blanked: what a typo is compared on."""
    text = re.sub(r"\{\w+:n\}|[-+]?\d+(?:[.,]\d+)?", "N", text)
    return re.sub(r"[\"“«][^\"”»]*[\"”»]", '"…"', text).lower()


def shown(template: str) -> str:
    """A step template as documented: `the verdict is "<verdict>"`, `between <low> and <high>`."""
    return re.sub(r"\{(\w+)(?::n)?\}", r"<\1>", template)

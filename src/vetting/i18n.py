"""The language of an output and the risk scale in words.

Which language to write in (`default_language`), a rule-set text in it (`pick`),
and the names and phrases of the risk scale, read from the catalog's `scale`
namespace. The interface strings themselves are in the catalog (`vetting/catalog/`);
rule texts live in the rule set.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from vetting import catalog

if TYPE_CHECKING:
    from vetting.ruleset.model import Question


def pick(text: Mapping[str, str] | None, lang: str) -> str:
    """A rule-set text in `lang`, else in any language it has."""
    if not text:
        return ""
    return text.get(lang) or text.get("en") or next(iter(text.values()))


def question_name(question: Question, lang: str) -> str:
    """What reports, tables and charts call a question: its short title, else its text.

    The full question is shown where it is asked or answered (the report's annex, the
    vendor's checklist, the questionnaire).
    """
    return pick(question.short_title or question.text, lang)


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """French when the locale is French, else English."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var, "")
        if value:
            return catalog.language(value.lower()[:2])
    return "en"


# --------------------------------------------------------------------------- the risk scale


def level_name(level: str, lang: str) -> str:
    """A risk level's name in `lang` (`élevé`)."""
    return catalog.text(lang, "scale.levels." + level)


def verdict_name(verdict: str, lang: str) -> str:
    """A verdict's name in `lang` (`à rejeter`)."""
    return catalog.text(lang, "scale.verdicts." + verdict)


def severity_name(severity: str, lang: str) -> str:
    """A severity's name in `lang` (`bloquante`)."""
    return catalog.text(lang, "scale.severities." + severity)


def level_raised(
    points_level: str, level: str, raised: Sequence[tuple[str, int]], lang: str
) -> str:
    """`level from points: low, raised to critical by 4 knock-outs`; "" when not raised.

    `raised` lists (kind, count) of what lifts the level, the highest floor
    first (the first one sets the level): `knockout`, `pending` or `finding`.
    """
    if not raised or points_level == level:
        return ""
    kind, count = raised[0]
    why = catalog.plural(lang, "scale.raised_by." + kind, count)
    return catalog.text(
        lang,
        "scale.raised",
        points=level_name(points_level, lang),
        level=level_name(level, lang),
        why=why,
    )


def scale_legend(
    knockout: str | None, pending: str | None, severity: Iterable[tuple[str, str]], lang: str
) -> str:
    """What the score and the level mean, with the rule set's floors: said once per output."""
    colon = catalog.text(lang, "formats.colon")
    parts: list[str] = []
    for kind, floor in (("knockout", knockout), ("pending", pending)):
        if floor is not None:
            what = catalog.text(lang, "scale.floor_what." + kind)
            parts.append(f"{what}{colon}{level_name(floor, lang)}")
    order = list(catalog.entry(lang, "scale.severities"))  # the mildest first
    by_floor: dict[str, list[str]] = {}
    for name, floor in sorted(severity, key=lambda item: order.index(item[0])):
        by_floor.setdefault(floor, []).append(severity_name(name, lang))
    for floor, names in by_floor.items():
        severities = catalog.text(lang, "scale.or").join(names)
        what = catalog.text(lang, "scale.floor_what.finding", severities=severities)
        parts.append(f"{what}{colon}{level_name(floor, lang)}")
    floors = f" ({catalog.text(lang, 'formats.semicolon').join(parts)})" if parts else ""
    return catalog.text(lang, "scale.legend", floors=floors)

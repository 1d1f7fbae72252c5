"""What the step functions share: where a step is, the ids it names, its values, its messages.

Two kinds of trouble, told apart for the author:

- an expectation that does not hold (`StepFailed`, made by `fail`): the rules
  decide otherwise than the scenario says; the message shows what was expected
  and what came out;
- a mistake in the scenario (`VettingError`): a question id that is not in the
  rule set, a verdict that does not exist, a date that is not one. It points at
  `file:line:col` and suggests a fix.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence

from vetting import catalog
from vetting.assess.assessment import LEVELS, SEVERITIES, VERDICTS, Assessment
from vetting.errors import Position, Problem, VettingError
from vetting.i18n import level_name, severity_name, verdict_name
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.testing.features import Step
from vetting.testing.matching import Args
from vetting.testing.world import World
from vetting.words import closest, suggest


class StepFailed(Exception):
    """An expectation of the scenario does not hold: the rules decide otherwise."""


# --------------------------------------------------------------------------- values


def fold(text: str) -> str:
    """Case, accents, spaces, hyphens and apostrophes do not matter: `Non applicable` ->
    `non_applicable`."""
    text = unicodedata.normalize("NFKD", text.strip().lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[\s\-']+", "_", text)


def _aliases(idents: Sequence[str], names: Callable[[str, str], str]) -> dict[str, str]:
    """Each id, and each of its names in any language, folded -> the id."""
    table: dict[str, str] = {}
    for ident in idents:
        table[fold(ident)] = ident
        for lang in catalog.LANGUAGES:
            table.setdefault(fold(names(ident, lang)), ident)
    return table


@functools.cache
def verdict_words() -> dict[str, str]:
    """A scenario's word for a verdict (`reject`, `à rejeter`), folded -> the verdict."""
    return _aliases(VERDICTS, verdict_name)


@functools.cache
def level_words() -> dict[str, str]:
    """A scenario's word for a level (`high`, `élevé`), folded -> the level."""
    return _aliases(LEVELS, level_name)


@functools.cache
def severity_words() -> dict[str, str]:
    """A scenario's word for a severity (`blocker`, `bloquante`), folded -> the severity."""
    return _aliases(SEVERITIES, severity_name)


def one_of(
    value: str, table: Mapping[str, str], what: str, known: Sequence[str], where: Position
) -> str:
    """The id a scenario's word stands for (`reject`, `Rejeter`, `Not applicable`...)."""
    found = table.get(fold(value))
    if found is None:
        near = closest(fold(value), table)
        hint = f"did you mean '{table[near]}'? " if near else ""
        raise VettingError(
            Problem(
                where, f"'{value}' is not a {what}", hint=f"{hint}use one of: {', '.join(known)}"
            )
        )
    return found


def number(value: str, where: Position) -> float:
    """`12`, `-3.5` or `3,5` (the French decimal comma) as a number."""
    try:
        return float(value.replace(",", "."))
    except ValueError:
        raise VettingError(Problem(where, f"'{value}' is not a number")) from None


def fmt(value: float, lang: str) -> str:
    """A number as the scenario's language writes it."""
    text = f"{value:g}"
    return text.replace(".", catalog.text(lang, "formats.decimal_separator"))


# --------------------------------------------------------------------------- messages


def ids(items: Sequence[str], lang: str, limit: int = 12) -> str:
    """A list of ids in a message, cut after `limit`."""
    if not items:
        return catalog.text(lang, "testing.none")
    shown = list(items[:limit])
    more = len(items) - len(shown)
    tail = ""
    if more:
        tail = catalog.text(lang, "testing.more", more=more)
    return ", ".join(shown) + tail


def _state(a: Assessment, lang: str) -> str:
    """The result in one line: what a DPO needs to see why a check failed."""
    kos = ids([k.id for k in a.knockouts], lang)
    pending = [p.id for p in a.pending]
    score = fmt(a.score, lang)
    text = catalog.text(
        lang, "testing.state", kos=kos, verdict=a.verdict, level=a.level, score=score
    )
    if pending:
        text += catalog.text(lang, "testing.state_pending", ids=ids(pending, lang))
    return text


def fail(lang: str, key: str, a: Assessment | None = None, /, **fields: object) -> StepFailed:
    """The failure to raise: the catalog's message `key` in the scenario's language, filled
    with `fields`, and the result when there is one (what a DPO needs to see why)."""
    text = catalog.text(lang, key, **fields)
    if a is not None:
        text += catalog.text(lang, "testing.semicolon") + _state(a, lang)
    return StepFailed(text)


def quote(text: str, lang: str) -> str:
    """Quotation marks as the scenario's language writes them."""
    return catalog.text(lang, "testing.quote", text=text)


# --------------------------------------------------------------------------- ids and dates


def position(world: World, step: Step) -> Position:
    """Where the step is, for an error that points at it."""
    return Position(world.scenario_file, step.line, step.col)


def check_target(compiled: CompiledRuleSet, target: str, where: Position) -> None:
    """A question, `question=choice` or a finding rule: a typo must never pass silently."""
    rules = {rule.id for rule in compiled.ruleset.findings}
    if target in compiled.question_by_id or target in rules:
        return
    qid, sep, cid = target.partition("=")
    if sep and qid in compiled.question_by_id:
        if compiled.choice(qid, cid) is not None:
            return
        choices = [ch.id for ch in compiled.question_by_id[qid].choices]
        raise VettingError(
            Problem(
                where,
                f"'{cid}' is not a choice of '{qid}'",
                hint=suggest(cid, choices) or f"choices: {', '.join(choices)}",
            )
        )
    rs = compiled.ruleset
    raise VettingError(
        Problem(
            where,
            f"'{target}' is neither a question, a question=choice nor a finding rule "
            f"of {rs.id} {rs.version}",
            hint=suggest(target, [*compiled.question_by_id, *rules]),
        )
    )


def step_date(world: World, args: Args, step: Step) -> dt.date:
    """The step's `date` argument as a date, or an error at the step."""
    try:
        return dt.date.fromisoformat(args["date"])
    except ValueError:
        raise VettingError(
            Problem(position(world, step), f"'{args['date']}' is not a date", hint="YYYY-MM-DD")
        ) from None

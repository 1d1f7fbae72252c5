"""Conditions in plain words, for documents and reports that a buyer reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from vetting.i18n import pick
from vetting.ruleset import conditions as c
from vetting.ruleset.model import Reference, RuleSet

_WORDS = {
    "equals": {"fr": "{q} = {v}", "en": "{q} = {v}"},
    "in": {"fr": "{q} est l'une de : {v}", "en": "{q} is one of: {v}"},
    "includes_any": {"fr": "{q} inclut l'une de : {v}", "en": "{q} includes any of: {v}"},
    "includes_all": {"fr": "{q} inclut toutes : {v}", "en": "{q} includes all of: {v}"},
    "answered_true": {"fr": "{q} a une réponse", "en": "{q} is answered"},
    "answered_false": {"fr": "{q} n'a pas de réponse", "en": "{q} is not answered"},
    "gt": {"fr": "{q} > {v}", "en": "{q} > {v}"},
    "gte": {"fr": "{q} ≥ {v}", "en": "{q} ≥ {v}"},
    "lt": {"fr": "{q} < {v}", "en": "{q} < {v}"},
    "lte": {"fr": "{q} ≤ {v}", "en": "{q} ≤ {v}"},
    "date": {"fr": "date retenue {op} {v}", "en": "judged date {op} {v}"},
    "is": {"fr": "« {v} »", "en": "“{v}”"},
    "not": {"fr": "non ({v})", "en": "not ({v})"},
    "all": {"fr": " et ", "en": " and "},
    "any": {"fr": " ou ", "en": " or "},
}
_OPS = {"gt": ">", "gte": "≥", "lt": "<", "lte": "≤"}


def _value(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return f"`{value}`"


def describe(cond: Any, lang: str, labels: dict[str, str] | None = None, top: bool = True) -> str:
    """`{all: [...]}` -> "`scope.use` includes any of: `triage` and “patient data”"."""
    if cond is None:
        return ""
    words = {k: v.get(lang, v["en"]) for k, v in _WORDS.items()}
    if isinstance(cond, c.AllOf | c.AnyOf):
        parts = cond.all if isinstance(cond, c.AllOf) else cond.any
        joiner = words["all"] if isinstance(cond, c.AllOf) else words["any"]
        text = joiner.join(describe(p, lang, labels, top=False) for p in parts)
        return text if top or len(parts) == 1 else f"({text})"
    if isinstance(cond, c.Not):
        return words["not"].format(v=describe(cond.not_, lang, labels, top=True))
    if isinstance(cond, c.Is):
        return words["is"].format(v=(labels or {}).get(cond.is_, cond.is_))
    if isinstance(cond, c.JudgedDate):
        bounds = c.comparison_bounds(cond.judged_date)
        return words["all"].join(
            words["date"].format(op=_OPS[op], v=_value(b)) for op, b in bounds.items()
        )
    q = f"`{cond.question}`"
    if isinstance(cond, c.Equals):
        return words["equals"].format(q=q, v=_value(cond.equals))
    if isinstance(cond, c.In):
        return words["in"].format(q=q, v=", ".join(_value(v) for v in cond.in_))
    if isinstance(cond, c.IncludesAny):
        return words["includes_any"].format(q=q, v=", ".join(_value(v) for v in cond.includes_any))
    if isinstance(cond, c.IncludesAll):
        return words["includes_all"].format(q=q, v=", ".join(_value(v) for v in cond.includes_all))
    if isinstance(cond, c.Answered):
        return words["answered_true" if cond.answered else "answered_false"].format(q=q)
    bounds = c.comparison_bounds(cond)
    return words["all"].join(words[op].format(q=q, v=_value(b)) for op, b in bounds.items())


def cite(ruleset: RuleSet, ref: Reference | Mapping[str, Any], lang: str) -> str:
    """A reference as a reader cites it: `Source title, article (note)`.

    `ref` is a rule-set reference, or its plain-data form as results carry it.
    """
    data: Mapping[str, Any] = ref if isinstance(ref, Mapping) else vars(ref)
    rid = str(data.get("ref") or "")
    source = ruleset.sources.get(rid)
    words = pick(source.title, lang) if source else rid
    if data.get("article"):
        words += f", {data['article']}"
    note = data.get("note")
    if isinstance(note, Mapping) and note:
        words += f" ({pick(note, lang)})"
    return words

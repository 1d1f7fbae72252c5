"""Conditions in plain words, for documents and reports that a buyer reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from vetting import catalog
from vetting.i18n import pick
from vetting.ruleset import conditions as c
from vetting.ruleset.model import Reference, RuleSet

_OPS = {"gt": ">", "gte": "≥", "lt": "<", "lte": "≤"}


def _value(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return f"`{value}`"


def _values(values: Any) -> str:
    return ", ".join(_value(v) for v in values)


def describe(cond: Any, lang: str, labels: dict[str, str] | None = None, top: bool = True) -> str:
    """`{all: [...]}` -> "`scope.use` includes any of: `triage` and “patient data”"."""
    if cond is None:
        return ""
    if isinstance(cond, c.AllOf | c.AnyOf):
        parts = cond.all if isinstance(cond, c.AllOf) else cond.any
        joiner = (
            catalog.text(lang, "docs.conditions.all")
            if isinstance(cond, c.AllOf)
            else catalog.text(lang, "docs.conditions.any")
        )
        text = joiner.join(describe(p, lang, labels, top=False) for p in parts)
        return text if top or len(parts) == 1 else f"({text})"
    if isinstance(cond, c.Not):
        inner = describe(cond.not_, lang, labels, top=True)
        return catalog.text(lang, "docs.conditions.not", v=inner)
    if isinstance(cond, c.Is):
        return catalog.text(lang, "docs.conditions.is", v=(labels or {}).get(cond.is_, cond.is_))
    both = catalog.text(lang, "docs.conditions.all")
    if isinstance(cond, c.JudgedDate):
        bounds = c.comparison_bounds(cond.judged_date)
        return both.join(
            catalog.text(lang, "docs.conditions.date", op=_OPS[op], v=_value(b))
            for op, b in bounds.items()
        )
    q = f"`{cond.question}`"
    if isinstance(cond, c.Equals):
        return catalog.text(lang, "docs.conditions.equals", q=q, v=_value(cond.equals))
    if isinstance(cond, c.In):
        return catalog.text(lang, "docs.conditions.in", q=q, v=_values(cond.in_))
    if isinstance(cond, c.IncludesAny):
        return catalog.text(lang, "docs.conditions.includes_any", q=q, v=_values(cond.includes_any))
    if isinstance(cond, c.IncludesAll):
        return catalog.text(lang, "docs.conditions.includes_all", q=q, v=_values(cond.includes_all))
    if isinstance(cond, c.Answered):
        if cond.answered:
            return catalog.text(lang, "docs.conditions.answered", q=q)
        return catalog.text(lang, "docs.conditions.not_answered", q=q)
    bounds = c.comparison_bounds(cond)
    return both.join(
        catalog.text(lang, "docs.conditions." + op, q=q, v=_value(b)) for op, b in bounds.items()
    )


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

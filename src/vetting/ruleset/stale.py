"""Is the content still current? The rule set's review date, and references to check."""

from __future__ import annotations

import datetime as dt

from vetting.dates import add_months
from vetting.i18n import pick
from vetting.ruleset.compiled import CompiledRuleSet


def review_due(compiled: CompiledRuleSet) -> dt.date | None:
    """When the rule set's content is due for review, if it declares a period."""
    rs = compiled.ruleset
    return add_months(rs.as_of, rs.review_period_months) if rs.review_period_months else None


def is_stale(compiled: CompiledRuleSet, on: dt.date) -> bool:
    """Whether, on that day, the rule set is older than its declared review period."""
    due = review_due(compiled)
    return due is not None and on > due


def stale_report(compiled: CompiledRuleSet, today: dt.date, lang: str = "en") -> str:
    """`vetting check --stale`: the rule set's review date, sources due, points to verify."""
    rs = compiled.ruleset
    period = rs.review_period_months or 12
    lines = []
    due = review_due(compiled)
    if due is None:
        lines.append(f"rule set {rs.id} {rs.version}: as of {rs.as_of}; no review period declared")
    else:
        state = "DUE FOR REVIEW" if today > due else "current"
        lines.append(f"rule set {rs.id} {rs.version}: as of {rs.as_of}, review by {due}: {state}")
    overdue = []
    for name, source in rs.sources.items():
        checked = source.checked or rs.as_of
        if add_months(checked, period) < today:
            overdue.append(f"  {name}: {pick(source.title, lang)} (last checked {checked})")
    lines.append(f"sources not checked for {period} months: {len(overdue)}")
    lines.extend(overdue)
    verify = [
        f"  source {name}: {' '.join(pick(s.verify, lang).split())}"
        for name, s in rs.sources.items()
        if s.verify
    ]
    for q in rs.questions:
        if q.verify:
            verify.append(f"  {q.id}: {' '.join(pick(q.verify, lang).split())}")
        for ref in q.references:
            if ref.verify:
                verify.append(f"  {q.id} ({ref.ref}): {' '.join(pick(ref.verify, lang).split())}")
    lines.append(f"points marked to verify: {len(verify)}")
    lines.extend(verify)
    return "\n".join(lines) + "\n"

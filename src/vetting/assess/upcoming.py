"""Knock-outs that start to hold after the judged date, while the decision still runs.

A committee deciding in July 2026 authorises use after 2 August 2026, when the AI Act's
transparency duties bite; a result judged on the day it is made says nothing of them.
This evaluates the same answers again on each of the rule set's date bounds between the
judged date and the decision's next review, and keeps the knock-outs that appear.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vetting.assess import evidence
from vetting.assess.answers import Answers
from vetting.assess.evaluate import evaluate
from vetting.assess.prepare import internal_values, prepare
from vetting.assess.when import judged_date
from vetting.ruleset.compiled import CompiledRuleSet


@dataclass(frozen=True)
class Upcoming:
    """From `day` on, these knock-outs hold (and did not on the judged date)."""

    day: dt.date
    knockouts: tuple[str, ...]


def upcoming_knockouts(
    compiled: CompiledRuleSet, answers: Answers, until: dt.date
) -> tuple[Upcoming, ...]:
    """The knock-outs that start to hold after the judged date and on or before `until`.

    A date condition compares the day with its bounds (<, <=, >=, >), so what holds
    changes only on a bound or the day after it: those are the days tried, in order.
    Each day is scored as `score()` would score it then, its evidence judged that day.
    """
    prep = prepare(compiled)
    start = judged_date(answers)
    days = sorted(
        {
            day
            for bound in prep.day_bounds
            for day in (bound, bound + dt.timedelta(days=1))
            if start < day <= until
        }
    )
    if not days:
        return ()
    values = internal_values(answers, compiled)
    first = evaluate(prep, values, start, evidence.strengths(compiled, answers, start))
    seen = {ko.id for ko in first.knockouts}
    out: list[Upcoming] = []
    for day in days:
        run = evaluate(prep, values, day, evidence.strengths(compiled, answers, day))
        new = tuple(ko.id for ko in run.knockouts if ko.id not in seen)
        if new:
            out.append(Upcoming(day, new))
            seen.update(new)
    return tuple(out)


__all__ = ["Upcoming", "upcoming_knockouts"]

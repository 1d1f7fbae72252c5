"""Knock-outs that start to hold after the judged date, while the decision still runs.

A committee deciding in July 2026 authorises use after 2 August 2026, when the AI Act's
transparency duties bite; a result judged on the day it is made says nothing of them.
This evaluates the same answers again on each of the rule set's date bounds between the
judged date and the decision's next review, and keeps the knock-outs that appear. Every
result carries them (`review.upcoming_knockouts`), so a dashboard reading JSON is warned
as the committee's report is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from vetting.assess import evidence
from vetting.assess.answers import Answers
from vetting.assess.evaluate import Run, evaluate
from vetting.assess.prepare import Prepared, internal_values, prepare
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
    if not _days(prep, start, until):
        return ()
    values = internal_values(answers, compiled)
    first = evaluate(prep, values, start, evidence.strengths(compiled, answers, start))
    return upcoming_after(prep, compiled, answers, values, first, until)


def upcoming_after(
    prep: Prepared,
    compiled: CompiledRuleSet,
    answers: Answers,
    values: Mapping[str, Any],
    judged: Run,
    until: dt.date,
) -> tuple[Upcoming, ...]:
    """`upcoming_knockouts`, from the run `score()` made on the judged date.

    Most results have no date bound before their next review: they cost a comparison.
    """
    seen = {ko.id for ko in judged.knockouts}
    out: list[Upcoming] = []
    for day in _days(prep, judged.day, until):
        run = evaluate(prep, values, day, evidence.strengths(compiled, answers, day))
        new = tuple(ko.id for ko in run.knockouts if ko.id not in seen)
        if new:
            out.append(Upcoming(day, new))
            seen.update(new)
    return tuple(out)


def _days(prep: Prepared, start: dt.date, until: dt.date) -> list[dt.date]:
    """The days after `start`, up to `until`, on which what holds may change."""
    return sorted(
        {
            day
            for bound in prep.day_bounds
            for day in (bound, bound + dt.timedelta(days=1))
            if start < day <= until
        }
    )


__all__ = ["Upcoming", "upcoming_after", "upcoming_knockouts"]

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

from vetting.assess import evidence
from vetting.assess.answers import Answers
from vetting.assess.assessment import UpcomingKnockOuts
from vetting.assess.evaluate import Run, evaluate
from vetting.assess.prepare import Prepared, internal_values, prepare
from vetting.assess.when import judged_date
from vetting.ruleset.compiled import CompiledRuleSet


def upcoming_knockouts(
    compiled: CompiledRuleSet,
    answers: Answers,
    until: dt.date,
    judged: Run | None = None,
) -> tuple[UpcomingKnockOuts, ...]:
    """The knock-outs that start to hold after the judged date and on or before `until`.

    A date condition compares the day with its bounds (<, <=, >=, >), so what holds
    changes only on a bound or the day after it: those are the days tried, in order.
    Each day is scored as `score()` would score it then, its evidence judged that day.
    `judged` is the run on the judged date when the caller has it (`score()` does): most
    results have no date bound before their next review, and cost a comparison.
    """
    prep = prepare(compiled)
    days = _days(prep, judged.day if judged else judged_date(answers), until)
    if not days:
        return ()
    values = internal_values(answers, compiled)
    if judged is None:
        start = judged_date(answers)
        judged = evaluate(prep, values, start, evidence.strengths(compiled, answers, start))
    seen = {ko.id for ko in judged.knockouts}
    out: list[UpcomingKnockOuts] = []
    for day in days:
        run = evaluate(prep, values, day, evidence.strengths(compiled, answers, day))
        new = tuple(ko.id for ko in run.knockouts if ko.id not in seen)
        if new:
            out.append(UpcomingKnockOuts(date=day, knockouts=new))
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


__all__ = ["upcoming_knockouts"]

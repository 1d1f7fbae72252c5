"""When an assessment is judged: its own date, and the day the tool will first be used.

A duty that binds before deployment (a fundamental-rights impact assessment, telling
people they talk to an AI) is judged on the day the tool goes live when that is later
than the assessment: a tool assessed in November for a January go-live must meet the
duties that bite in December. Nothing here reads the clock: an answers file without
a date is refused rather than dated silently, so the same file always gives the same
verdict.
"""

from __future__ import annotations

import datetime as dt

from vetting.assess.answers import Answers
from vetting.errors import Position, Problem, VettingError

#: The option that dates an undated answers file (named in the error, used by the CLI).
DATE_OPTION = "--date"


def assessment_date(answers: Answers) -> dt.date:
    """The date of the assessment, as the answers file records it; refused when absent."""
    if answers.date is None:
        raise VettingError(
            Problem(
                Position(answers.source or "<answers>", 1, 1),
                "date: these answers have no assessment date, and duties that start on a "
                "given day cannot be judged without one",
                hint=f"add 'date: YYYY-MM-DD' to the file, or give it with "
                f"{DATE_OPTION} YYYY-MM-DD",
            )
        )
    return answers.date


def later_of(day: dt.date, go_live: dt.date | None) -> dt.date:
    """The day duties are judged at: the later of `day` and go-live, when it is known.

    A duty that bites between the assessment and go-live applies to the tool in use.
    """
    return max(day, go_live) if go_live is not None else day


def judged_date(answers: Answers) -> dt.date:
    """The day conditions on dates are judged at: the later of the assessment and go-live."""
    return later_of(assessment_date(answers), answers.go_live)

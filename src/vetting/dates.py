"""Dates a file may give, and the one way to move a date by months.

Reviews and evidence validity add up to `MAX_MONTHS` to a date someone typed (an
assessment date, a certificate's issue date, `--today`). Python's calendar ends in
9999: `9999-12-31` plus a month is an error, not a date. So every date read from a
file or the command line is kept between `EARLIEST` and `LATEST`, and every period
under `MAX_MONTHS`: then no sum of them leaves the calendar, and one bad date is
one clear error at load time instead of a crash while scoring.
"""

from __future__ import annotations

import calendar
import datetime as dt

from vetting.errors import Problem, VettingError

#: The range of dates an answers file, a checklist, a rule set or `--today` may give.
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2999, 12, 31)
#: The longest review period or evidence validity a rule set may declare (20 years).
MAX_MONTHS = 240

RANGE_HINT = f"write a date between {EARLIEST} and {LATEST}"


def as_date(value: object) -> dt.date | None:
    """A date from YAML or a spreadsheet (a date) or JSON (an ISO string); None if not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def out_of_range(day: dt.date) -> str | None:
    """Why `day` cannot be used, or None when it is within the range."""
    if EARLIEST <= day <= LATEST:
        return None
    return f"{day.isoformat()} is out of range"


def add_months(day: dt.date, months: int) -> dt.date:
    """`2026-01-31` + 1 month = `2026-02-28`: the same day of the month, or its last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def day_option(option: str, value: str) -> dt.date:
    """A date given on the command line (`--today 2027-01-01`), or a usage error."""
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise VettingError(
            Problem(None, f"{option}: '{value}' is not a date", hint="write YYYY-MM-DD")
        ) from None
    why = out_of_range(day)
    if why is not None:
        raise VettingError(Problem(None, f"{option}: {why}", hint=RANGE_HINT))
    return day


def maybe_day_option(option: str, value: str | None) -> dt.date | None:
    """An optional date option (`--date`): None when not given, else as `day_option`."""
    return None if value is None else day_option(option, value)

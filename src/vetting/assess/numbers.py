"""The scorer's numbers: decimal points, percents, and the ranks of severities, levels, verdicts.

Arithmetic on points is decimal, never binary floats, so a "round half up"
declared in the rule set means what a buyer computes by hand (docs/scoring.md).
Severities, levels and verdicts are compared as ranks (`IntEnum`s, the mildest
first); their names, as files and results write them, are `SEVERITIES`,
`LEVELS` and `VERDICTS` (assessment.py), in the same order.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP, Decimal
from enum import IntEnum
from functools import cache
from typing import Self

ZERO = Decimal(0)
HUNDRED = Decimal(100)
TENTH = Decimal("0.1")
#: A score never exceeds 100.0, whatever the adjustments did.
TOP_SCORE = HUNDRED.quantize(TENTH)
_ROUNDING = {
    "half_up": ROUND_HALF_UP,
    "half_even": ROUND_HALF_EVEN,
    "down": ROUND_DOWN,
    "up": ROUND_UP,
}


def dec(value: float | int) -> Decimal:
    """A float as the decimal its author wrote (0.85 is 0.85, not 0.84999...)."""
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def as_float(value: Decimal) -> float:
    """A decimal for JSON: a plain float, never -0.0."""
    out = float(value)
    return 0.0 if out == 0 else out


def percent(part: Decimal, whole: Decimal) -> Decimal:
    """part / whole x 100, rounded half up to 0.1; 0 when there is nothing to measure."""
    if whole <= 0:
        return ZERO.quantize(TENTH)
    return (part * HUNDRED / whole).quantize(TENTH, rounding=ROUND_HALF_UP)


def round_to(value: Decimal, decimals: int, rounding: str) -> Decimal:
    """`value` to `decimals` places, the way an adjustment declares (`half_up`, `down`...)."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=_ROUNDING[rounding])


class _Rank(IntEnum):
    """A name of an ordered scale, compared by its rank."""

    @classmethod
    def of(cls, name: str) -> Self:
        """The rank of a name as files write it (`pending_evidence`)."""
        return _rank_of(cls, name)  # type: ignore[return-value]

    @property
    def id(self) -> str:
        """The name as files write it (`pending_evidence`)."""
        return self.name.lower()


@cache
def _rank_of(scale: type[_Rank], name: str) -> _Rank:
    """Looked up once per scale and name: findings' severities are read per file."""
    return scale[name.upper()]


class SeverityRank(_Rank):
    """How bad a finding is; `BLOCKER` is a knock-out's."""

    INFO = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4
    BLOCKER = 5


class LevelRank(_Rank):
    """Risk levels, from the lowest."""

    LOW = 0
    MODERATE = 1
    HIGH = 2
    CRITICAL = 3


class VerdictRank(_Rank):
    """Verdicts, from the best to the worst."""

    ACCEPT = 0
    CONDITIONAL = 1
    PENDING_EVIDENCE = 2
    REJECT = 3


__all__ = [
    "HUNDRED",
    "TENTH",
    "TOP_SCORE",
    "ZERO",
    "LevelRank",
    "SeverityRank",
    "VerdictRank",
    "as_float",
    "dec",
    "percent",
    "round_to",
]

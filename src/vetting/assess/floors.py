"""One risk scale: the level is the worst of the points band and what was found.

A tool with four knock-outs can score 11 / 100: few of its answers carry
points, but one of them is against the law. Its points band is "low"; its
level is "critical". The rule set's scoring policy declares the floors
(`scoring.level_floors`, docs/scoring.md step 5); results keep the points
band as `points_level` and say what raised it (`level_raised_by`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from vetting.assess.assessment import LEVELS, SEVERITIES, Finding, LevelRaise, RaiseKind
from vetting.assess.numbers import LevelRank, SeverityRank
from vetting.ruleset.model import SEVERITY_NAMES, LevelFloors

#: No floor: below every level's rank.
NONE = -1


@dataclass(frozen=True)
class Floors:
    """A rule set's floors as level ranks, for the scorer's inner loop."""

    knockout: int
    pending: int
    #: Severity rank (`SEVERITIES`, blocker included) -> the least level it sets.
    by_severity: tuple[int, ...]

    @classmethod
    def of(cls, floors: LevelFloors) -> Floors:
        """The ranks of a scoring policy's `level_floors`."""

        def rank(level: str | None) -> int:
            return NONE if level is None else LevelRank.of(level)

        by_severity = [rank(floors.severity.get(name)) for name in SEVERITY_NAMES]
        # A blocker is a knock-out's finding: the knock-out floor covers it.
        by_severity.append(rank(floors.knockout))
        return cls(rank(floors.knockout), rank(floors.pending), tuple(by_severity))

    def floor(self, knockout: bool, pending: bool, max_severity: int) -> int:
        """The least level, given what holds (NONE when nothing sets one)."""
        out = self.by_severity[max_severity]
        if knockout:
            out = max(out, self.knockout)
        if pending:
            out = max(out, self.pending)
        return out

    def level(
        self, points_level: LevelRank, knockout: bool, pending: bool, max_severity: int
    ) -> LevelRank:
        """The effective level: the points band, raised to the floor."""
        floor = self.floor(knockout, pending, max_severity)
        return LevelRank(floor) if floor > points_level else points_level

    def raised_by(
        self,
        points_level: int,
        knockouts: Iterable[str],
        pending: Iterable[str],
        findings: Iterable[Finding],
    ) -> tuple[LevelRaise, ...]:
        """What lifts the level above its points band, the highest floor first.

        Findings that knock out or are pending are counted under `knockout` and
        `pending`, not again under their severity.
        """
        severe: dict[int, list[str]] = {}
        for f in findings:
            if f.knockout or f.pending:
                continue
            floor = self.by_severity[_RANK[f.severity]]
            if floor > points_level:
                severe.setdefault(floor, []).append(f.id)
        return self.raised_by_ids(points_level, tuple(knockouts), tuple(pending), severe)

    def raised_by_ids(
        self,
        points_level: int,
        knockouts: tuple[str, ...],
        pending: tuple[str, ...],
        severe: dict[int, list[str]],
    ) -> tuple[LevelRaise, ...]:
        """`raised_by` from the ids of the knock-outs, pending items and severe findings
        (by the floor their severity sets)."""
        out: list[tuple[int, int, LevelRaise]] = []
        if knockouts and self.knockout > points_level:
            out.append((self.knockout, 0, _raise("knockout", self.knockout, knockouts)))
        if pending and self.pending > points_level:
            out.append((self.pending, 1, _raise("pending", self.pending, pending)))
        for floor, ids in severe.items():
            out.append((floor, 2, _raise("finding", floor, tuple(dict.fromkeys(ids)))))
        out.sort(key=lambda item: (-item[0], item[1]))
        return tuple(item[2] for item in out)


#: Severity name -> rank, for the loops over findings.
_RANK = {name: SeverityRank.of(name) for name in SEVERITIES}


def _raise(kind: RaiseKind, floor: int, ids: tuple[str, ...]) -> LevelRaise:
    return LevelRaise(kind=kind, level=LEVELS[floor], ids=ids)


def category_level(
    floors: Floors, points_level: LevelRank, findings: Iterable[Finding]
) -> tuple[LevelRank, tuple[LevelRaise, ...]]:
    """A section's level: its points band raised by its own findings (one pass over them)."""
    knockouts: list[str] = []
    pending: list[str] = []
    severe: dict[int, list[str]] = {}
    worst = SeverityRank.INFO
    for f in findings:
        if f.knockout:
            knockouts.append(f.id)
            continue
        if f.pending:
            pending.append(f.id)
            continue
        rank = _RANK[f.severity]
        worst = max(worst, rank)
        floor = floors.by_severity[rank]
        if floor > points_level:
            severe.setdefault(floor, []).append(f.id)
    level = floors.level(points_level, bool(knockouts), bool(pending), worst)
    return level, floors.raised_by_ids(points_level, tuple(knockouts), tuple(pending), severe)


__all__ = ["NONE", "Floors", "category_level"]

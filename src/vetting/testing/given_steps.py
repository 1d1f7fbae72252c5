"""The Given and When steps: what a scenario records before anything is scored.

Each function is named as its step in `steps.STEPS`.
"""

from __future__ import annotations

import datetime as dt

from vetting.dates import RANGE_HINT, out_of_range
from vetting.errors import Position, Problem, VettingError
from vetting.testing.expect import position, step_date
from vetting.testing.features import Step
from vetting.testing.matching import Args
from vetting.testing.world import World, parse_cell

# --------------------------------------------------------------------------- Given


def rule_set(world: World, args: Args, step: Step, lang: str) -> None:
    world.changed()
    world.rules = (args["path"], position(world, step))


def answers_file(world: World, args: Args, step: Step, lang: str) -> None:
    world.changed()
    world.answers_file = (args["path"], position(world, step))


def answers_table(world: World, args: Args, step: Step, lang: str) -> None:
    rows = list(step.table or ())
    where = position(world, step)
    if not rows:
        raise VettingError(
            Problem(
                where,
                "this step needs a table of answers below it",
                hint="| question | answer | rows, one per question",
            )
        )
    first = [cell.text.strip().lower() for cell in rows[0]]
    if first and first[0] in {"question", "questions", "id"}:
        rows = rows[1:]
    seen: dict[str, int] = {}
    for row in rows:
        if len(row) != 2:
            cell = row[0]
            raise VettingError(
                Problem(
                    Position(world.scenario_file, cell.line, cell.col),
                    f"a row of answers has two cells (question | answer), this one has {len(row)}",
                )
            )
        qcell, acell = row
        qid = qcell.text.strip()
        if qid in seen:
            raise VettingError(
                Problem(
                    Position(world.scenario_file, qcell.line, qcell.col),
                    f"'{qid}' is answered twice in this table (first on line {seen[qid]})",
                    hint="keep one row per question",
                )
            )
        seen[qid] = qcell.line
        at = Position(world.scenario_file, acell.line, acell.col)
        world.set_answer(qid, parse_cell(acell.text, at), at)


def answer(world: World, args: Args, step: Step, lang: str) -> None:
    where = position(world, step)
    world.set_answer(args["question"], parse_cell(args["answer"], where), where)


def unanswered(world: World, args: Args, step: Step, lang: str) -> None:
    world.clear_answer(args["question"], position(world, step))


def best(world: World, args: Args, step: Step, lang: str) -> None:
    world.changed()
    world.fill = True


def _dated(world: World, args: Args, step: Step) -> dt.date:
    day = step_date(world, args, step)
    why = out_of_range(day)
    if why is not None:
        raise VettingError(Problem(position(world, step), why, hint=RANGE_HINT))
    return day


def date(world: World, args: Args, step: Step, lang: str) -> None:
    day = _dated(world, args, step)
    world.changed()
    world.date = day


def go_live(world: World, args: Args, step: Step, lang: str) -> None:
    day = _dated(world, args, step)
    world.changed()
    world.go_live = day


# --------------------------------------------------------------------------- When


def scored(world: World, args: Args, step: Step, lang: str) -> None:
    world.assessment()

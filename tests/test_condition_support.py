"""`support`: which answers make a condition hold, so reports name only those.

A knock-out's condition is often a disjunction ("health data" = clinical data, or
appointment data, or an appointment use): the report must cite the branch that
holds, not every question the condition could read.
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from dataclasses import dataclass
from typing import Any

import pytest
from pydantic import TypeAdapter

from vetting.ruleset.conditions import ABSENT, UNKNOWN, WILDCARD, Condition, support

DAY = dt.date(2026, 12, 4)


@dataclass(frozen=True)
class Definition:
    when: Any


def _cond(raw: Any) -> Any:
    return TypeAdapter(Condition).validate_python(raw)


HEALTH = Definition(
    _cond(
        {
            "any": [
                {"question": "data", "includes_any": ["clinical"]},
                {"question": "use", "includes_any": ["appointments"]},
            ]
        }
    )
)
DEFINITIONS = {"health": HEALTH}


@pytest.mark.parametrize(
    ("raw", "answers", "value", "questions"),
    [
        # `any`: the first branch that holds, alone.
        ({"is": "health"}, {"data": ["clinical"], "use": ["research"]}, True, {"data"}),
        ({"is": "health"}, {"data": ["none"], "use": ["appointments"]}, True, {"use"}),
        # `any` false: every branch read decides it.
        ({"is": "health"}, {"data": ["none"], "use": ["research"]}, False, {"data", "use"}),
        # `any` undecided: only the undecided branches.
        ({"is": "health"}, {"data": UNKNOWN, "use": ["research"]}, None, {"data"}),
        # `all` true: every part.
        (
            {"all": [{"is": "health"}, {"question": "deployment", "equals": "saas"}]},
            {"data": ["clinical"], "use": [], "deployment": "saas"},
            True,
            {"data", "deployment"},
        ),
        # `all` false: the first part that fails.
        (
            {"all": [{"question": "deployment", "equals": "saas"}, {"is": "health"}]},
            {"data": ["clinical"], "deployment": "on_premises"},
            False,
            {"deployment"},
        ),
        # `not` keeps its operand's questions.
        (
            {"not": {"question": "deployment", "equals": "saas"}},
            {"deployment": "x"},
            True,
            {"deployment"},
        ),
        # A date reads no question.
        ({"assessment_date": {"gte": dt.date(2026, 8, 2)}}, {}, True, set()),
        ({"assessment_date": {"gte": dt.date(2027, 12, 2)}}, {}, False, set()),
    ],
)
def test_support_names_the_deciding_answers(
    raw: Any, answers: dict[str, Any], value: bool | None, questions: set[str]
) -> None:
    assert support(_cond(raw), DEFINITIONS, answers, DAY) == (value, questions)


def test_no_condition_holds_with_no_question() -> None:
    assert support(None, DEFINITIONS, {}, DAY) == (True, set())


@pytest.mark.parametrize("sentinel", [UNKNOWN, ABSENT, WILDCARD], ids=repr)
def test_a_sentinel_stays_itself_through_pickle_and_copies(sentinel: object) -> None:
    """Conditions compare answers with `is`: a worker process or a deep copy of answers
    must get the very object back, not an equal one."""
    assert pickle.loads(pickle.dumps(sentinel)) is sentinel
    assert copy.deepcopy(sentinel) is sentinel

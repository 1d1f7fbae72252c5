"""Relevance and trigger conditions: structured data, never code.

A condition is a small tree (`all`, `any`, `not`, `is`, a comparison on one
question, or on the assessment date). Each node is validated by its own model,
chosen by a callable discriminator so that a bad node gets one clear error.
Conditions are compiled once into closures and evaluated in three-valued logic:
True, False, or None (undecided) when they depend on an unknown answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from typing import Annotated, Any, Union

from pydantic import AliasChoices, BaseModel, ConfigDict, Discriminator, Field, Tag

#: Scalars a comparison may hold: a choice id, a number, a date or a text.
Scalar = Annotated[
    Union[dt.date, int, float, str],  # noqa: UP007 - keeps the JSON Schema readable
    Field(union_mode="left_to_right"),
]

QUESTION_OPERATORS = (
    "equals",
    "in",
    "includes_any",
    "includes_all",
    "answered",
    "gt",
    "gte",
    "lt",
    "lte",
)
COMPOUND_KEYS = ("all", "any", "not", "is", "judged_date", "assessment_date")


class _Node(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


class AllOf(_Node):
    """True when every sub-condition is true."""

    all: tuple[Condition, ...] = Field(min_length=1)


class AnyOf(_Node):
    """True when at least one sub-condition is true."""

    any: tuple[Condition, ...] = Field(min_length=1)


class Not(_Node):
    """True when the sub-condition is false."""

    not_: Condition = Field(alias="not")


class Is(_Node):
    """True when a named definition of the rule set holds (e.g. `patient_data`)."""

    is_: str = Field(alias="is", min_length=1)


class Equals(_Node):
    """The answer to a single-choice (or text, number, date) question equals a value."""

    question: str
    equals: Scalar


class In(_Node):
    """The answer to a single-choice question is one of the values."""

    question: str
    in_: tuple[Scalar, ...] = Field(alias="in", min_length=1)


class IncludesAny(_Node):
    """A multiple-choice answer includes at least one of the choices."""

    question: str
    includes_any: tuple[str, ...] = Field(min_length=1)


class IncludesAll(_Node):
    """A multiple-choice answer includes every one of the choices."""

    question: str
    includes_all: tuple[str, ...] = Field(min_length=1)


class Answered(_Node):
    """The question has a real answer (`answered: true`) or not (`answered: false`).

    `unknown` is not a real answer; an empty multiple choice (`[]`) is.
    """

    question: str
    answered: bool


class Compare(_Node):
    """A number or date answer compared with a bound: exactly one of gt, gte, lt, lte."""

    question: str
    gt: float | dt.date | None = None
    gte: float | dt.date | None = None
    lt: float | dt.date | None = None
    lte: float | dt.date | None = None


class DateBounds(_Node):
    """Bounds on the judged date; give at least one."""

    gt: dt.date | None = None
    gte: dt.date | None = None
    lt: dt.date | None = None
    lte: dt.date | None = None


class JudgedDate(_Node):
    """The judged date is within bounds: legal duties that start on a given day.

    The judged date is the later of the assessment date and the planned go-live date:
    a duty that binds before deployment (a FRIA, an AI notice) is judged on the day the
    tool will be used, not on the day it was assessed. `assessment_date` is the
    condition's former name, still read.
    """

    judged_date: DateBounds = Field(
        validation_alias=AliasChoices("judged_date", "assessment_date"),
        serialization_alias="judged_date",
    )


def _tag(value: Any) -> str | None:
    """Pick the node model from the keys present, or None for one clear error."""
    if isinstance(value, BaseModel):
        return type(value).__name__
    if not isinstance(value, dict):
        return None
    keys = set(value)
    compound = keys & set(COMPOUND_KEYS)
    if compound:
        if len(compound) != 1 or "question" in keys:
            return None
        return {
            "all": "AllOf",
            "any": "AnyOf",
            "not": "Not",
            "is": "Is",
            "judged_date": "JudgedDate",
            "assessment_date": "JudgedDate",
        }[compound.pop()]
    if "question" not in keys:
        return None
    ops = keys & set(QUESTION_OPERATORS)
    if len(ops) != 1:
        return None
    op = ops.pop()
    if op in {"gt", "gte", "lt", "lte"}:
        return "Compare"
    return {
        "equals": "Equals",
        "in": "In",
        "includes_any": "IncludesAny",
        "includes_all": "IncludesAll",
        "answered": "Answered",
    }[op]


CONDITION_FORMS = (
    "a condition is one of: {all: [...]}, {any: [...]}, {not: ...}, {is: definition}, "
    "{judged_date: {gte: YYYY-MM-DD}}, or {question: id, OP: value} with exactly one OP "
    "among " + ", ".join(QUESTION_OPERATORS)
)

Condition = Annotated[
    Annotated[AllOf, Tag("AllOf")]
    | Annotated[AnyOf, Tag("AnyOf")]
    | Annotated[Not, Tag("Not")]
    | Annotated[Is, Tag("Is")]
    | Annotated[Equals, Tag("Equals")]
    | Annotated[In, Tag("In")]
    | Annotated[IncludesAny, Tag("IncludesAny")]
    | Annotated[IncludesAll, Tag("IncludesAll")]
    | Annotated[Answered, Tag("Answered")]
    | Annotated[Compare, Tag("Compare")]
    | Annotated[JudgedDate, Tag("JudgedDate")],
    Discriminator(
        _tag,
        custom_error_type="invalid_condition",
        custom_error_message=CONDITION_FORMS,
    ),
]


def describe_bad_condition(value: Any) -> str:
    """A precise message for a node the discriminator rejected."""
    if not isinstance(value, dict):
        return f"a condition must be a mapping, not {type(value).__name__}"
    keys = set(value)
    compound = sorted(keys & set(COMPOUND_KEYS))
    if len(compound) > 1:
        return f"one condition node holds {', '.join(compound)}: wrap them in 'all' or 'any'"
    if compound and "question" in keys:
        return f"'{compound[0]}' cannot stand beside 'question' in one node"
    if "question" in keys:
        ops = sorted(keys & set(QUESTION_OPERATORS))
        if not ops:
            extra = sorted(keys - {"question"})
            got = f" (found {', '.join(extra)})" if extra else ""
            return "a question condition needs one operator: " + ", ".join(QUESTION_OPERATORS) + got
        return f"a question condition takes exactly one operator, found {', '.join(ops)}"
    return f"unknown condition keys {', '.join(sorted(keys)) or '(none)'}; {CONDITION_FORMS}"


# --------------------------------------------------------------------------- walking


def iter_nodes(cond: Any) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every node of a condition tree with its path (as the user wrote it)."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), cond)]
    while stack:
        path, node = stack.pop()
        yield path, node
        if isinstance(node, AllOf):
            stack.extend(((*path, "all", i), c) for i, c in enumerate(node.all))
        elif isinstance(node, AnyOf):
            stack.extend(((*path, "any", i), c) for i, c in enumerate(node.any))
        elif isinstance(node, Not):
            stack.append(((*path, "not"), node.not_))


def questions_of(cond: Any) -> set[str]:
    """Question ids a condition reads directly (not through definitions)."""
    return {n.question for _, n in iter_nodes(cond) if hasattr(n, "question")}


def definitions_of(cond: Any) -> set[str]:
    """Definition names a condition uses directly."""
    return {n.is_ for _, n in iter_nodes(cond) if isinstance(n, Is)}


def comparison_bounds(node: Compare | DateBounds) -> dict[str, float | dt.date]:
    """The bounds actually given on a comparison node."""
    return {
        op: getattr(node, op) for op in ("gt", "gte", "lt", "lte") if getattr(node, op) is not None
    }


# --------------------------------------------------------------------------- evaluation


class _Sentinel:
    """A value no answer can be, compared by identity: one object per name, in every
    process (a pickled one comes back as the module's own constant)."""

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def __repr__(self) -> str:
        return self._name

    def __reduce__(self) -> str:
        return self._name


#: The answer `unknown`: the buyer does not know, or the vendor did not say.
UNKNOWN: Any = _Sentinel("UNKNOWN")
#: No answer because the question does not apply (its `when` is false).
ABSENT: Any = _Sentinel("ABSENT")
#: An answer not known yet: in a pass over the scope answers alone, every other answer
#: may turn out to be anything, or nothing. Any test that reads it is undecided (the
#: rule set's own `answered: true` included), so a condition false on it is false
#: whatever that answer becomes: three-valued logic is monotone.
WILDCARD: Any = _Sentinel("WILDCARD")

#: Three-valued truth: True, False, or None when undecided.
Truth = bool | None
#: What a compiled condition reads: answers by question id, and the assessment date.
Answers = Mapping[str, Any]
Predicate = Callable[[Answers, dt.date], Truth]


def _decided_by(parts: list[Predicate], decisive: bool) -> Predicate:
    """Three-valued AND (`decisive` False) or OR (True): one decisive part decides;
    else any undecided part leaves the whole undecided. A loop, not a generator:
    this runs for every question of every file scored. One part is itself; two, the
    most frequent, are tested without a loop."""
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        first, second = parts

        def pair(a: Answers, d: dt.date) -> Truth:
            v = first(a, d)
            if v is decisive:
                return decisive
            w = second(a, d)
            if w is decisive:
                return decisive
            return None if v is None or w is None else not decisive

        return pair

    def combined(a: Answers, d: dt.date) -> Truth:
        undecided = False
        for part in parts:
            v = part(a, d)
            if v is decisive:
                return decisive
            if v is None:
                undecided = True
        return None if undecided else not decisive

    return combined


def _compare(value: Any, op: str, bound: Any) -> bool:
    if isinstance(value, dt.date) != isinstance(bound, dt.date):
        return False
    if op == "gt":
        return bool(value > bound)
    if op == "gte":
        return bool(value >= bound)
    if op == "lt":
        return bool(value < bound)
    return bool(value <= bound)


def compile_condition(cond: Any, definitions: Mapping[str, Predicate]) -> Predicate:
    """Turn a validated condition tree into a closure, once.

    `definitions` maps names to already compiled predicates (see
    `compile_definitions`). The closure reads UNKNOWN and WILDCARD answers as
    undecided: the scorer's pass over the scope answers alone (prepare.py) gives
    every other answer as WILDCARD.
    """
    if cond is None:
        return lambda answers, day: True
    if isinstance(cond, AllOf):
        parts = [compile_condition(c, definitions) for c in cond.all]
        return parts[0] if len(parts) == 1 else _decided_by(parts, False)
    if isinstance(cond, AnyOf):
        parts = [compile_condition(c, definitions) for c in cond.any]
        return parts[0] if len(parts) == 1 else _decided_by(parts, True)
    if isinstance(cond, Not):
        inner = compile_condition(cond.not_, definitions)

        def negate(a: Answers, d: dt.date) -> Truth:
            v = inner(a, d)
            return None if v is None else not v

        return negate
    if isinstance(cond, Is):
        return definitions[cond.is_]
    if isinstance(cond, JudgedDate):
        bounds = comparison_bounds(cond.judged_date)
        return lambda a, d: all(_compare(d, op, b) for op, b in bounds.items())
    if isinstance(cond, Answered):
        qid, wanted = cond.question, cond.answered

        def answered(a: Answers, d: dt.date) -> Truth:
            v = a.get(qid, ABSENT)
            if v is WILDCARD:
                return None
            return (v is not ABSENT and v is not UNKNOWN) == wanted

        return answered
    return _compile_question_test(cond)


def compile_definitions(definitions: Mapping[str, Any]) -> dict[str, Predicate]:
    """Compile named definitions (objects with a `when`), each after those it uses.

    The checker has rejected unknown names and cycles before this runs.
    """
    compiled: dict[str, Predicate] = {}

    def define(name: str) -> Predicate:
        if name not in compiled:
            cond = definitions[name].when
            for used in sorted(definitions_of(cond)):
                define(used)
            compiled[name] = compile_condition(cond, compiled)
        return compiled[name]

    for name in definitions:
        define(name)
    return compiled


def nodes_read(cond: Any, definitions: Mapping[str, Any]) -> Iterator[Any]:
    """Every node of a condition and of the definitions it uses (each definition once,
    however many times it is used): what the condition reads, in all."""
    seen: set[str] = set()
    stack = [cond]
    while stack:
        current = stack.pop()
        if current is None:
            continue
        for _, node in iter_nodes(current):
            yield node
            if isinstance(node, Is) and node.is_ not in seen and node.is_ in definitions:
                seen.add(node.is_)
                stack.append(definitions[node.is_].when)


def questions_read(cond: Any, definitions: Mapping[str, Any]) -> set[str]:
    """Question ids a condition reads, directly or through definitions."""
    return {n.question for n in nodes_read(cond, definitions) if hasattr(n, "question")}


def support(
    cond: Any, definitions: Mapping[str, Any], answers: Answers, day: dt.date
) -> tuple[Truth, set[str]]:
    """A condition's value and the questions that decide it: the branch of an `any` that
    holds, not every question it could read.

    Reports use it to say why a knock-out applies ("condition met: ..."); it walks the
    tree instead of compiling it, as it runs only for the few knock-outs that fire.
    """
    if cond is None:
        return True, set()
    if isinstance(cond, AllOf | AnyOf):
        decisive = isinstance(cond, AnyOf)
        undecided: set[str] = set()
        everything: set[str] = set()
        parts = cond.any if isinstance(cond, AnyOf) else cond.all
        for part in parts:
            value, questions = support(part, definitions, answers, day)
            if value is decisive:
                return value, questions
            if value is None:
                undecided |= questions
            everything |= questions
        return (None, undecided) if undecided else (not decisive, everything)
    if isinstance(cond, Not):
        value, questions = support(cond.not_, definitions, answers, day)
        return (None if value is None else not value), questions
    if isinstance(cond, Is):
        return support(definitions[cond.is_].when, definitions, answers, day)
    if isinstance(cond, JudgedDate):
        bounds = comparison_bounds(cond.judged_date)
        return all(_compare(day, op, b) for op, b in bounds.items()), set()
    if isinstance(cond, Answered):
        v = answers.get(cond.question, ABSENT)
        return (v is not ABSENT and v is not UNKNOWN) == cond.answered, {cond.question}
    return _compile_question_test(cond)(answers, day), {cond.question}


def _compile_question_test(cond: Any) -> Predicate:
    """A test on one question's answer: false when the question does not apply,
    undecided when the answer is unknown, else the test of the value."""
    qid: str = cond.question
    test: Callable[[Any], bool]
    if isinstance(cond, Equals):
        expected = cond.equals
        test = lambda v: bool(v == expected)  # noqa: E731
    elif isinstance(cond, In):
        options = frozenset(cond.in_)
        test = lambda v: not isinstance(v, list) and v in options  # noqa: E731
    elif isinstance(cond, IncludesAny):
        wanted_any = frozenset(cond.includes_any)
        test = lambda v: isinstance(v, list) and not wanted_any.isdisjoint(v)  # noqa: E731
    elif isinstance(cond, IncludesAll):
        wanted_all = frozenset(cond.includes_all)
        test = lambda v: isinstance(v, list) and wanted_all.issubset(v)  # noqa: E731
    elif isinstance(cond, Compare):
        bounds = comparison_bounds(cond)
        test = lambda v: (  # noqa: E731
            isinstance(v, int | float | dt.date)
            and not isinstance(v, bool)
            and all(_compare(v, op, b) for op, b in bounds.items())
        )
    else:  # pragma: no cover - the discriminator admits nothing else
        raise TypeError(f"not a condition: {cond!r}")

    def on_answer(a: Answers, d: dt.date) -> Truth:
        v = a.get(qid, ABSENT)
        if v is ABSENT:
            return False
        if v is UNKNOWN or v is WILDCARD:
            return None
        return test(v)

    return on_answer

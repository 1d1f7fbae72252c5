"""The answers file's structure, declared once as pydantic models, and its errors in our words.

What a file can say by itself is here: its fields, their types, which are
required, the values a decision or an evidence status takes. Each validator
raises its mistake as the reader words it (`expected a text, got a number`), and
`problems()` places it at `file:line:col` with the path in the file. What needs
the rule set (its name, the question ids, the answers' choices) and what ties
two fields together is checked by the reader, in answers.py.

The same models hold answers built in memory (the questionnaire, the rule
tests). One rule binds only what is read from a file: dates stay within the
calendar range that scoring can add months to (`FILE` context); the
questionnaire's own dates meet it when its answers are checked as a file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from vetting import yamlio
from vetting.dates import RANGE_HINT, as_date, out_of_range
from vetting.errors import Position, Problem
from vetting.words import suggest
from vetting.yamlio import DocPath, Document, format_path

#: The answer every question accepts: the buyer does not know, or the vendor did not say.
UNKNOWN_ANSWER = "unknown"
#: What a committee can decide, from the most to the least favourable.
Outcome = Literal["accept", "accept_with_conditions", "reject"]
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)
EvidenceStatusName = Literal["declared", "verified"]
EVIDENCE_STATUSES: tuple[EvidenceStatusName, ...] = get_args(EvidenceStatusName)
#: A choice id (single), a list of choice ids (multiple), a text, a number or a date.
AnswerValue = str | list[str] | int | float | dt.date

#: The validation context of a file being read: the rules that bind files alone apply.
FILE = {"file": True}

_SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
#: The hint of a required field left out, by field name.
_MISSING_HINTS = {
    "tool": 'add: tool: {name: "..."}',
    "outcome": " | ".join(OUTCOMES),
    "date": "write YYYY-MM-DD",
    "due": "write YYYY-MM-DD",
}


def kind(value: Any) -> str:
    """What a value is, in a user's words: `a number`, `a list`, `nothing`..."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "a text"


def _error(message: str, hint: str = "") -> PydanticCustomError:
    # Our messages may hold braces (`{name, role}`): they go in the context, not the template.
    return PydanticCustomError("answers", "{message}", {"message": message, "hint": hint})


# --------------------------------------------------------------------------- field types


def _text(value: Any) -> str:
    if value is None:
        raise PydanticCustomError("missing", "missing")
    if not isinstance(value, str):
        hint = "put it in quotes" if isinstance(value, int | float | dt.date) else ""
        raise _error(f"expected a text, got {kind(value)}", hint)
    if len(value) > yamlio.MAX_STRING:  # a YAML file is stopped earlier; a checklist here
        raise _error(yamlio.text_too_long(len(value)), yamlio.TEXT_TOO_LONG_HINT)
    return value


def _required_text(value: Any) -> str:
    text = _text(value)
    if not text.strip():
        raise PydanticCustomError("blank", "blank")
    return text


def _day(value: Any, info: ValidationInfo) -> dt.date:
    if value is None:
        raise PydanticCustomError("missing", "missing")
    day = as_date(value)
    if day is None:
        raise _error("expected a date YYYY-MM-DD", f"got {value!r}")
    why = out_of_range(day) if info.context == FILE else None
    if why is not None:
        raise _error(why, RANGE_HINT)
    return day


def _status(value: Any) -> Any:
    if value is not None and value not in EVIDENCE_STATUSES:
        hint = suggest(str(value), EVIDENCE_STATUSES) or "use declared or verified"
        raise _error(f"'{value}' is not an evidence status", hint)
    return value


def _outcome(value: Any) -> Any:
    if value is None:
        raise PydanticCustomError("missing", "missing")
    if value not in OUTCOMES:
        hint = suggest(str(value), OUTCOMES) or f"write one of {', '.join(OUTCOMES)}"
        raise _error(f"'{value}' is not a decision", hint)
    return value


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _error(f"expected true or false, got {kind(value)}")
    return value


def _sha256(value: Any) -> Any:
    if value is not None and not (isinstance(value, str) and _SHA256_RE.match(value)):
        raise _error("expected 64 lowercase hexadecimal digits")
    return value


def _mapping(value: Any) -> dict[Any, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _error(f"expected a mapping (key: value), got {kind(value)}")
    return value


def _meant(value: str | None) -> str | None:
    return value if value and value.strip() else None


def _listing(shape: str, hint: str) -> BeforeValidator:
    """A list of `shape` entries, at least one; nothing written is an empty list."""

    def check(value: Any) -> Any:
        if value is None:
            return ()
        if isinstance(value, tuple):  # built in memory, where none is ()
            return value
        if not isinstance(value, list) or not value:
            raise _error(f"expected a list of {shape}, got {kind(value or None)}", hint)
        return value

    return BeforeValidator(check)


#: A text, perhaps empty; at most `yamlio.MAX_STRING` characters.
Text = Annotated[str, BeforeValidator(_text)]
#: A text that says something: not empty, not only spaces.
RequiredText = Annotated[str, Field(min_length=1), BeforeValidator(_required_text)]
#: A date (YAML) or an ISO text (JSON); in a file, within the calendar range.
Day = Annotated[dt.date, BeforeValidator(_day)]
#: Any mapping: its keys and values are checked against the rule set.
_Mapping = Annotated[dict[Any, Any], BeforeValidator(_mapping)]
_MEMBERS_HINT = "write: members: [{name: ..., role: ...}]"
_CONDITIONS_HINT = "write: conditions: [{text: ..., due: YYYY-MM-DD}]"


# --------------------------------------------------------------------------- the models


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def _shape(data: Any, expected: str, hint: str = "") -> Any:
    """`data` when it is a mapping; else the mistake, worded with what was expected."""
    if not isinstance(data, dict):
        raise _error(f"expected {expected}, got {kind(data)}", hint)
    return data


class Tool(_Model):
    """The tool assessed, as the vendor names it."""

    name: RequiredText
    vendor: Text | None = None
    version: Text | None = None
    url: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _mapping_of_fields(cls, data: Any) -> Any:
        if data is None:
            raise PydanticCustomError("missing", "missing")
        if isinstance(data, str):
            raise _error("expected a mapping", f'write: tool: {{name: "{data}"}}')
        return _shape(data, "a mapping (key: value)")


class Evidence(_Model):
    """What backs an answer: a document seen, and whether it was checked.

    A file may give it as its text alone: `data.hds: "Certificate n° 42"`.
    """

    text: RequiredText
    status: Annotated[EvidenceStatusName | None, BeforeValidator(_status)] = None
    issued: Day | None = None
    expires: Day | None = None

    @model_validator(mode="before")
    @classmethod
    def _text_or_fields(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"text": data}
        return _shape(data, "a text or {text, status, expires}")


class DecisionCondition(_Model):
    """One condition of an acceptance: what must be done, by when, and whether it is."""

    text: RequiredText
    due: Day
    done: Annotated[bool, BeforeValidator(_flag)] = False

    @model_validator(mode="before")
    @classmethod
    def _mapping_of_fields(cls, data: Any) -> Any:
        return _shape(data, "{text, due, done}", "write: {text: ..., due: YYYY-MM-DD}")


class DecisionMember(_Model):
    """Someone who took the decision: an auditor asks who, and in which capacity."""

    name: RequiredText
    role: RequiredText

    @model_validator(mode="before")
    @classmethod
    def _mapping_of_fields(cls, data: Any) -> Any:
        return _shape(data, "{name, role}", _MEMBERS_HINT)


class Decision(_Model):
    """The committee's decision on the tool: the record an auditor asks for first.

    Accepting despite a knock-out is allowed only with `knockout_justification`;
    that check needs the score, so `vetting.assess.review.decision_problems` does it.
    """

    outcome: Annotated[Outcome, BeforeValidator(_outcome)]
    by: RequiredText
    members: Annotated[tuple[DecisionMember, ...], _listing("{name, role}", _MEMBERS_HINT)] = Field(
        default=(), description="The committee's members who decided: name and role."
    )
    date: Day
    rationale: RequiredText
    conditions: Annotated[
        tuple[DecisionCondition, ...], _listing("{text, due, done}", _CONDITIONS_HINT)
    ] = ()
    next_review: Day | None = None
    #: Blank reasons are no reasons: kept as None.
    knockout_justification: Annotated[Text | None, AfterValidator(_meant)] = None

    @model_validator(mode="before")
    @classmethod
    def _mapping_of_fields(cls, data: Any) -> Any:
        return _shape(data, "a mapping (outcome, by, date, ...)")


class AnswersFile(_Model):
    """An answers file as written, before the rule set is read: `Answers` once checked.

    `ruleset` is checked against the rule set, and `answers`, `notes` and
    `evidence` are keyed by its question ids: the reader does both.
    """

    ruleset: Any = None
    ruleset_sha256: Annotated[str | None, BeforeValidator(_sha256)] = None
    tool: Tool
    assessor: Text | None = None
    date: Day | None = None
    go_live: Day | None = None
    answers: _Mapping = Field(default_factory=dict)
    notes: _Mapping = Field(default_factory=dict)
    evidence: _Mapping = Field(default_factory=dict)
    decision: Decision | None = None

    @model_validator(mode="before")
    @classmethod
    def _mapping_of_fields(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            raise _error("an answers file holds a mapping: ruleset, tool, answers, ...")
        return data


#: Top-level fields, in the order `dump_answers` writes them.
FIELDS = tuple(AnswersFile.model_fields)


class Answers(_Model):
    """One assessment's answers, checked against a rule set.

    `answers` holds choice ids (single), lists of choice ids in the rule set's
    order (multiple), texts, numbers, dates, or the string `unknown`. A question
    absent from `answers` is unanswered (it counts as unknown when relevant).
    """

    ruleset: str = Field(description="'id' or 'id@version'.")
    ruleset_sha256: str | None = None
    tool: Tool
    assessor: str | None = None
    date: dt.date | None = None
    #: When the tool will first be used: duties that bind before deployment are judged then.
    go_live: dt.date | None = None
    answers: dict[str, AnswerValue] = Field(default_factory=dict)
    notes: dict[str, str] = Field(default_factory=dict)
    evidence: dict[str, Evidence] = Field(default_factory=dict)
    decision: Decision | None = None
    #: Where the answers were read from (not part of the file).
    source: str | None = Field(default=None, exclude=True)
    #: SHA-256 of the file's bytes, when read from a file (not part of the file).
    file_sha256: str | None = Field(default=None, exclude=True)
    #: Where `decision.outcome` sits in the file, for errors found after scoring.
    decision_position: Position | None = Field(default=None, exclude=True)
    #: Answers to questions this rule set does not have (written for another version).
    ignored: dict[str, Any] = Field(default_factory=dict, exclude=True)

    @property
    def ruleset_id(self) -> str:
        return self.ruleset.split("@", 1)[0]

    @property
    def ruleset_version(self) -> str | None:
        _, _, version = self.ruleset.partition("@")
        return version or None


# --------------------------------------------------------------------------- errors


def problems(
    errors: Iterable[Mapping[str, Any]], doc: Document, model: type[BaseModel], at: DocPath = ()
) -> list[Problem]:
    """Pydantic's errors for `model`, read at `at` in `doc`, as positioned problems."""
    out = []
    for err in errors:
        loc = tuple(err["loc"])
        path = doc.resolve((*at, *loc))
        display = format_path(path)
        name = str(loc[-1]) if loc else ""
        context = err.get("ctx") or {}
        hint = str(context.get("hint", ""))
        if err["type"] == "missing":
            if not path or path[-1] != loc[-1]:  # left out: shown under its parent
                display = f"{display}.{name}" if display else name
            message = f"missing required field '{name}'"
            hint = _MISSING_HINTS.get(name, "")
        elif err["type"] == "blank":
            message = f"'{name}' cannot be empty"
        elif err["type"] == "invalid_key":  # data built in memory: a file's keys are texts
            message = f"unknown field {loc[-1]!r}: keys must be plain text"
        elif err["type"] == "extra_forbidden":
            fields = _fields_at(model, loc)
            message = f"unknown field '{name}'"
            hint = suggest(name, fields) or f"the fields are {', '.join(fields)}"
        else:
            message = str(context.get("message", err["msg"]))
        out.append(Problem(doc.position(path), message, display, hint))
    return out


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[str, ...]:
    """The fields of the model that the mapping at `loc[:-1]` is validated by."""
    for step in loc[:-1]:
        info = model.model_fields.get(step) if isinstance(step, str) else None
        inner = _model_in(info.annotation) if info is not None else None
        if inner is not None:
            model = inner
    return tuple(model.model_fields)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model inside a field's type (`tuple[Member, ...]`, `Decision | None`)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def validate(model: type[_Model], data: Any) -> tuple[Any, list[dict[str, Any]]]:
    """`data` read from a file as a `model`; or None, and pydantic's errors for `problems()`."""
    try:
        return model.model_validate(data, context=FILE), []
    except ValidationError as exc:
        return None, [dict(err) for err in exc.errors(include_url=False)]


def text_error(value: Any) -> tuple[str, str] | None:
    """Why `value` cannot be an optional text (a note, a text answer), with a hint; else None."""
    if value is None:
        return None
    try:
        _text(value)
    except PydanticCustomError as exc:
        context = exc.context or {}
        return str(context["message"]), str(context["hint"])
    return None


def file_day(value: Any) -> dt.date | None:
    """`value` as a date a file may give (within the calendar range), or None."""
    day = as_date(value)
    return day if day is not None and out_of_range(day) is None else None


__all__ = [
    "EVIDENCE_STATUSES",
    "FIELDS",
    "FILE",
    "OUTCOMES",
    "UNKNOWN_ANSWER",
    "AnswerValue",
    "Answers",
    "AnswersFile",
    "Day",
    "Decision",
    "DecisionCondition",
    "DecisionMember",
    "Evidence",
    "Outcome",
    "RequiredText",
    "Text",
    "Tool",
    "file_day",
    "kind",
    "problems",
    "text_error",
    "validate",
]

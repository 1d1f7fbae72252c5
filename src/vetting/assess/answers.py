"""The answers file: a public contract that users keep in git and exchange with vendors.

YAML or JSON (JSON is read by the same YAML loader, so errors carry positions too):

    ruleset: health-ai@1.0.0
    tool: {name: ..., vendor: ..., version: ..., url: ...}
    assessor: ...                 # optional
    date: 2026-11-24              # the assessment date (required to score; see --date)
    go_live: 2027-03-01           # optional: when the tool will first be used
    answers: {question.id: choice | [choices] | text | number | date | unknown}
    notes: {question.id: free text}
    evidence: {question.id: text | {text, status: declared|verified, issued, expires}}
    decision:                     # optional: the committee's decision (docs/workflows.md)
      outcome: accept | accept_with_conditions | reject
      by: ...
      members: [{name: ..., role: ...}]   # optional: who sat on the committee
      date: 2026-12-01
      rationale: ...
      conditions: [{text: ..., due: 2027-03-01, done: false}]
      next_review: 2027-12-01     # optional; else the assessment date + the review period
      knockout_justification: ... # required to accept despite a knock-out

The loader is strict and helpful: every mistake is reported at once, with
`file:line:col`, the path in the file and a suggestion. Answers for another
version of the rule set load with warnings (errors under `strict`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from vetting import yamlio
from vetting.dates import RANGE_HINT, out_of_range
from vetting.errors import Position, Problem, ProblemCollector, VettingError
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.migrate import Migration, migration
from vetting.ruleset.model import Question
from vetting.words import suggest
from vetting.yamlio import DocPath, Document, format_path

#: The answer every question accepts: the buyer does not know, or the vendor did not say.
UNKNOWN_ANSWER = "unknown"
#: Top-level fields, in the order `dump_answers` writes them.
FIELDS = (
    "ruleset",
    "ruleset_sha256",
    "tool",
    "assessor",
    "date",
    "go_live",
    "answers",
    "notes",
    "evidence",
    "decision",
)
TOOL_FIELDS = ("name", "vendor", "version", "url")
EVIDENCE_FIELDS = ("text", "status", "issued", "expires")
EVIDENCE_STATUSES = ("declared", "verified")
DECISION_FIELDS = (
    "outcome",
    "by",
    "members",
    "date",
    "rationale",
    "conditions",
    "next_review",
    "knockout_justification",
)
CONDITION_FIELDS = ("text", "due", "done")
MEMBER_FIELDS = ("name", "role")
#: What a committee can decide, from the most to the least favourable.
OUTCOMES = ("accept", "accept_with_conditions", "reject")
Outcome = Literal["accept", "accept_with_conditions", "reject"]

#: A choice id (single), a list of choice ids (multiple), a text, a number or a date.
AnswerValue = str | list[str] | int | float | dt.date

_RULESET_RE = re.compile(r"^([a-z][a-z0-9-]*)(?:@([0-9A-Za-z.+-]+))?$")
_SHA256_RE = re.compile(r"^[0-9a-f]{64}$")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Tool(_Model):
    """The tool assessed, as the vendor names it."""

    name: str = Field(min_length=1)
    vendor: str | None = None
    version: str | None = None
    url: str | None = None


class Evidence(_Model):
    """What backs an answer: a document seen, and whether it was checked."""

    text: str = Field(min_length=1)
    status: Literal["declared", "verified"] | None = None
    issued: dt.date | None = None
    expires: dt.date | None = None


class DecisionCondition(_Model):
    """One condition of an acceptance: what must be done, by when, and whether it is."""

    text: str = Field(min_length=1)
    due: dt.date
    done: bool = False


class DecisionMember(_Model):
    """Someone who took the decision: an auditor asks who, and in which capacity."""

    name: str = Field(min_length=1)
    role: str = Field(min_length=1)


class Decision(_Model):
    """The committee's decision on the tool: the record an auditor asks for first.

    Accepting despite a knock-out is allowed only with `knockout_justification`;
    that check needs the score, so `vetting.assess.review.decision_problems` does it.
    """

    outcome: Outcome
    by: str = Field(min_length=1)
    members: tuple[DecisionMember, ...] = Field(
        default=(), description="The committee's members who decided: name and role."
    )
    date: dt.date
    rationale: str = Field(min_length=1)
    conditions: tuple[DecisionCondition, ...] = ()
    next_review: dt.date | None = None
    knockout_justification: str | None = None


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


# --------------------------------------------------------------------------- reading


def _kind(value: Any) -> str:
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


def _as_date(value: Any) -> dt.date | None:
    """A date from YAML (a date) or JSON (an ISO string); None if it is not one."""
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


class _Reader:
    """One pass over an answers document; gathers every error and warning."""

    def __init__(self, doc: Document, compiled: CompiledRuleSet, strict: bool) -> None:
        self.doc = doc
        self.compiled = compiled
        self.strict = strict
        self.errors = ProblemCollector()
        self.warnings: list[Problem] = []
        self.same_version = True
        self.migration = Migration("", compiled.ruleset.version)
        self.stale_ids: list[str] = []
        self.ignored: dict[str, Any] = {}
        self.decision_position: Position | None = None
        self.claimed = ""

    def error(self, path: DocPath, message: str, hint: str = "") -> None:
        self.errors.add(self.doc.position(path), message, format_path(path), hint)

    def warn(self, path: DocPath, message: str, hint: str = "") -> None:
        problem = Problem(self.doc.position(path), message, format_path(path), hint)
        if self.strict:
            self.errors.problems.append(problem)
        else:
            self.warnings.append(problem)

    def text(self, path: DocPath, value: Any, *, required: bool = False) -> str | None:
        if value is None:
            if required:
                self.error(path, f"missing required field '{path[-1]}'")
            return None
        if isinstance(value, str):
            if len(value) > yamlio.MAX_STRING:  # a YAML file is stopped earlier; a checklist here
                self.error(path, yamlio.text_too_long(len(value)), yamlio.TEXT_TOO_LONG_HINT)
                return None
            if required and not value.strip():
                self.error(path, f"'{path[-1]}' cannot be empty")
            return value
        hint = "put it in quotes" if isinstance(value, int | float | dt.date) else ""
        self.error(path, f"expected a text, got {_kind(value)}", hint)
        return None

    def mapping(self, path: DocPath, value: Any) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.error(path, f"expected a mapping (key: value), got {_kind(value)}")
            return {}
        return value

    # ------------------------------------------------------------------ the file

    def read(self) -> dict[str, Any]:
        data = self.doc.data
        if not isinstance(data, dict):
            self.error((), "an answers file holds a mapping: ruleset, tool, answers, ...")
            self.errors.raise_if_any()
        for key in data:
            if key not in FIELDS:
                self.error(
                    (key,),
                    f"unknown field '{key}'",
                    suggest(key, FIELDS) or f"the fields are {', '.join(FIELDS)}",
                )
        out: dict[str, Any] = {}
        out["ruleset"] = self.read_ruleset(data.get("ruleset"))
        sha = data.get("ruleset_sha256")
        if sha is not None:
            if not isinstance(sha, str) or not _SHA256_RE.match(sha):
                self.error(("ruleset_sha256",), "expected 64 lowercase hexadecimal digits")
            else:
                out["ruleset_sha256"] = sha
                if self.same_version and sha != self.compiled.origin.sha256:
                    self.warnings.append(
                        Problem(
                            self.doc.position(("ruleset_sha256",)),
                            f"the rule set changed since these answers were written "
                            f"(same version {self.compiled.ruleset.version}, other content)",
                            "ruleset_sha256",
                            "review the answers; the rule set's authors should bump its version",
                        )
                    )
        out["tool"] = self.read_tool(data.get("tool"))
        out["assessor"] = self.text(("assessor",), data.get("assessor"))
        if data.get("date") is not None:
            out["date"] = self.date(("date",), data["date"])
        if data.get("go_live") is not None:
            out["go_live"] = self.date(("go_live",), data["go_live"])
        out["answers"] = self.read_answers(self.mapping(("answers",), data.get("answers")))
        notes: dict[str, str] = {}
        for old_id, note in self.mapping(("notes",), data.get("notes")).items():
            qid = self.current_id(old_id)
            if self.known(("notes", old_id), qid) and note is not None:
                value = self.text(("notes", old_id), note)
                if value is not None:
                    notes[qid] = value
        out["notes"] = self.ordered(notes)
        evidence: dict[str, Evidence] = {}
        for old_id, item in self.mapping(("evidence",), data.get("evidence")).items():
            qid = self.current_id(old_id)
            if self.known(("evidence", old_id), qid) and item is not None:
                record = self.read_evidence(("evidence", old_id), item)
                if record is not None:
                    evidence[qid] = record
        out["evidence"] = self.ordered(evidence)
        if data.get("decision") is not None:
            out["decision"] = self.read_decision(("decision",), data["decision"], out.get("date"))
        self.summarise_version()
        self.errors.raise_if_any()
        return out

    def read_ruleset(self, value: Any) -> str:
        rs = self.compiled.ruleset
        expected = f"{rs.id}@{rs.version}"
        if value is None:
            self.error(
                ("ruleset",), "missing required field 'ruleset'", f"add: ruleset: {expected}"
            )
            return expected
        match = _RULESET_RE.match(value) if isinstance(value, str) else None
        if match is None:
            self.error(
                ("ruleset",),
                f"'{value}' is not a rule-set name",
                f"write the rule set's id, optionally with its version: {expected}",
            )
            return expected
        rid, version = match.group(1), match.group(2)
        if rid != rs.id:
            self.error(
                ("ruleset",),
                f"these answers are for the rule set '{rid}', not '{rs.id}' "
                f"({self.compiled.origin.path})",
                f"use --rules DIR to point to the '{rid}' rule set",
            )
            self.errors.raise_if_any()
        self.claimed = version or ""
        self.same_version = version is None or version == rs.version
        if not self.same_version:
            self.migration = migration(rs, self.claimed)
        return str(value)

    def summarise_version(self) -> None:
        if self.same_version:
            return
        rs = self.compiled.ruleset
        moves = self.migration
        for label, ids in (
            ("renamed (answers carried over)", [f"{a} -> {b}" for a, b in moves.renamed.items()]),
            ("added (to answer)", moves.added),
            ("removed", moves.removed),
            ("changed in meaning (to answer again)", moves.changed),
        ):
            if ids:
                self.warn(
                    ("ruleset",),
                    f"since {rs.id} {self.claimed}, questions {label}: {', '.join(ids)}",
                    "vetting assess --answers FILE asks the added and changed ones",
                )
        changed = (
            f"; {len(self.stale_ids)} answered question(s) no longer exist and are ignored: "
            + ", ".join(self.stale_ids)
            if self.stale_ids
            else "; every answered question still exists"
        )
        self.warn(
            ("ruleset",),
            f"these answers were written for {rs.id} {self.claimed}, "
            f"scored with {rs.id} {rs.version}{changed}",
            "review the answers against this version, then update 'ruleset'",
        )

    def read_tool(self, value: Any) -> Tool:
        if value is None:
            self.error(("tool",), "missing required field 'tool'", 'add: tool: {name: "..."}')
            return Tool(name="?")
        if isinstance(value, str):
            self.error(("tool",), "expected a mapping", f'write: tool: {{name: "{value}"}}')
            return Tool(name=value or "?")
        fields = self.mapping(("tool",), value)
        for key in fields:
            if key not in TOOL_FIELDS:
                self.error(
                    ("tool", key),
                    f"unknown field '{key}'",
                    suggest(key, TOOL_FIELDS) or f"the fields are {', '.join(TOOL_FIELDS)}",
                )
        name = self.text(("tool", "name"), fields.get("name"), required=True)
        return Tool(
            name=name if name and name.strip() else "?",
            vendor=self.text(("tool", "vendor"), fields.get("vendor")),
            version=self.text(("tool", "version"), fields.get("version")),
            url=self.text(("tool", "url"), fields.get("url")),
        )

    def read_evidence(self, path: DocPath, value: Any) -> Evidence | None:
        if isinstance(value, str):
            return Evidence(text=value)
        if not isinstance(value, dict):
            self.error(path, f"expected a text or {{text, status, expires}}, got {_kind(value)}")
            return None
        for key in value:
            if key not in EVIDENCE_FIELDS:
                self.error(
                    (*path, key),
                    f"unknown field '{key}'",
                    suggest(key, EVIDENCE_FIELDS) or f"the fields are {', '.join(EVIDENCE_FIELDS)}",
                )
        text = self.text((*path, "text"), value.get("text"), required=True)
        status = value.get("status")
        if status is not None and status not in EVIDENCE_STATUSES:
            self.error(
                (*path, "status"),
                f"'{status}' is not an evidence status",
                suggest(str(status), EVIDENCE_STATUSES) or "use declared or verified",
            )
            status = None
        dates: dict[str, dt.date | None] = {}
        for key in ("issued", "expires"):
            dates[key] = self.date((*path, key), value.get(key))
        issued, expires = dates["issued"], dates["expires"]
        if issued and expires and expires < issued:
            self.error((*path, "expires"), f"expires ({expires}) is before issued ({issued})")
        if text is None:
            return None
        return Evidence(text=text, status=status, issued=issued, expires=expires)

    # ------------------------------------------------------------------ decision

    def date(self, path: DocPath, value: Any, *, required: bool = False) -> dt.date | None:
        if value is None:
            if required:
                self.error(path, f"missing required field '{path[-1]}'", "write YYYY-MM-DD")
            return None
        day = _as_date(value)
        if day is None:
            self.error(path, "expected a date YYYY-MM-DD", f"got {value!r}")
        return self.in_range(path, day)

    def in_range(self, path: DocPath, day: dt.date | None) -> dt.date | None:
        """`day` when scoring can add a review period to it; else an error (9999-12-31)."""
        why = None if day is None else out_of_range(day)
        if why is None:
            return day
        self.error(path, why, RANGE_HINT)
        return None

    def fields(self, path: DocPath, value: dict[str, Any], names: tuple[str, ...]) -> None:
        for key in value:
            if key not in names:
                self.error(
                    (*path, key),
                    f"unknown field '{key}'",
                    suggest(str(key), names) or f"the fields are {', '.join(names)}",
                )

    def read_decision(self, path: DocPath, value: Any, assessed: dt.date | None) -> Decision | None:
        """The decision block: complete, dated, and coherent with its outcome."""
        if not isinstance(value, dict):
            self.error(path, f"expected a mapping (outcome, by, date, ...), got {_kind(value)}")
            return None
        self.fields(path, value, DECISION_FIELDS)
        outcome = value.get("outcome")
        if outcome is None:
            self.error((*path, "outcome"), "missing required field 'outcome'", " | ".join(OUTCOMES))
        elif outcome not in OUTCOMES:
            self.error(
                (*path, "outcome"),
                f"'{outcome}' is not a decision",
                suggest(str(outcome), OUTCOMES) or f"write one of {', '.join(OUTCOMES)}",
            )
            outcome = None
        by = self.text((*path, "by"), value.get("by"), required=True)
        members = self.read_members((*path, "members"), value.get("members"))
        day = self.date((*path, "date"), value.get("date"), required=True)
        rationale = self.text((*path, "rationale"), value.get("rationale"), required=True)
        next_review = self.date((*path, "next_review"), value.get("next_review"))
        justification = self.text(
            (*path, "knockout_justification"), value.get("knockout_justification")
        )
        conditions = self.read_conditions((*path, "conditions"), value.get("conditions"), day)
        if outcome == "accept_with_conditions" and "conditions" not in value:
            self.error(
                (*path, "outcome"),
                "accept_with_conditions needs its conditions",
                "add conditions: [{text: ..., due: YYYY-MM-DD}], or decide accept",
            )
        elif outcome in {"accept", "reject"} and "conditions" in value:
            self.error(
                (*path, "conditions"),
                f"conditions go with accept_with_conditions, not {outcome}",
                "change the outcome, or remove the conditions",
            )
        if outcome == "reject" and justification is not None:
            self.error(
                (*path, "knockout_justification"),
                "a knock-out justification explains an acceptance, not a rejection",
                "remove it, or put the reasons in rationale",
            )
        if day and next_review and next_review <= day:
            self.error(
                (*path, "next_review"),
                f"next_review ({next_review}) is not after the decision date ({day})",
            )
        if day and assessed and day < assessed:
            # A re-assessment that keeps last year's decision: worth a word, not an error.
            self.warnings.append(
                Problem(
                    self.doc.position((*path, "date")),
                    f"the decision ({day}) is older than this assessment ({assessed}): "
                    "it was taken on an earlier assessment",
                    format_path((*path, "date")),
                    "record the committee's decision on this assessment, or remove the block",
                )
            )
        if (
            outcome is None
            or by is None
            or members is None
            or day is None
            or rationale is None
            or conditions is None
        ):
            return None
        self.decision_position = self.doc.position((*path, "outcome"))
        return Decision(
            outcome=outcome,
            by=by,
            members=members,
            date=day,
            rationale=rationale,
            conditions=conditions,
            next_review=next_review,
            knockout_justification=justification
            if justification and justification.strip()
            else None,
        )

    def read_members(self, path: DocPath, value: Any) -> tuple[DecisionMember, ...] | None:
        """Who sat on the committee; None when one entry is wrong."""
        hint = "write: members: [{name: ..., role: ...}]"
        if value is None:
            return ()
        if not isinstance(value, list) or not value:
            self.error(path, f"expected a list of {{name, role}}, got {_kind(value or None)}", hint)
            return None
        out: list[DecisionMember] = []
        ok = True
        for index, item in enumerate(value):
            at = (*path, index)
            if not isinstance(item, dict):
                self.error(at, f"expected {{name, role}}, got {_kind(item)}", hint)
                ok = False
                continue
            self.fields(at, item, MEMBER_FIELDS)
            name = self.text((*at, "name"), item.get("name"), required=True)
            role = self.text((*at, "role"), item.get("role"), required=True)
            if name is None or role is None or not name.strip() or not role.strip():
                ok = False
                continue
            out.append(DecisionMember(name=name, role=role))
        return tuple(out) if ok else None

    def read_conditions(
        self, path: DocPath, value: Any, decided: dt.date | None
    ) -> tuple[DecisionCondition, ...] | None:
        """The conditions of an acceptance; None when one of them is wrong."""
        if value is None:
            return ()
        if not isinstance(value, list) or not value:
            self.error(
                path,
                f"expected a list of {{text, due, done}}, got {_kind(value or None)}",
                "write: conditions: [{text: ..., due: YYYY-MM-DD}]",
            )
            return None
        out: list[DecisionCondition] = []
        ok = True
        for index, item in enumerate(value):
            at = (*path, index)
            if not isinstance(item, dict):
                hint = "write: {text: ..., due: YYYY-MM-DD}"
                self.error(at, f"expected {{text, due, done}}, got {_kind(item)}", hint)
                ok = False
                continue
            self.fields(at, item, CONDITION_FIELDS)
            text = self.text((*at, "text"), item.get("text"), required=True)
            due = self.date((*at, "due"), item.get("due"), required=True)
            done = item.get("done", False)
            if not isinstance(done, bool):
                self.error((*at, "done"), f"expected true or false, got {_kind(done)}")
                ok = False
            if due and decided and due < decided:
                self.error((*at, "due"), f"due ({due}) is before the decision date ({decided})")
            if text is None or not text.strip() or due is None:
                ok = False
                continue
            out.append(DecisionCondition(text=text, due=due, done=done is True))
        return tuple(out) if ok else None

    # ------------------------------------------------------------------ answers

    def current_id(self, qid: Any) -> Any:
        """A question id as the current version names it (renames applied)."""
        return self.migration.question(qid) if isinstance(qid, str) else qid

    def known(self, path: DocPath, qid: Any) -> bool:
        """Whether `qid` is a question of this rule set; reports it when not."""
        if isinstance(qid, str) and qid in self.compiled.question_by_id:
            return True
        rs = self.compiled.ruleset
        hint = suggest(str(qid), list(self.compiled.question_by_id))
        if self.same_version:
            self.error(path, f"'{qid}' is not a question of {rs.id} {rs.version}", hint)
        else:
            if path[0] == "answers":
                self.stale_ids.append(str(qid))
            self.warn(path, f"'{qid}' is not a question of {rs.id} {rs.version}; ignored", hint)
        return False

    def read_answers(self, raw: Mapping[str, Any]) -> dict[str, AnswerValue]:
        values: dict[str, AnswerValue] = {}
        # Most answers are one valid choice id under the current ids: accept those at
        # once; everything else takes the full path, with its renames and messages.
        renames = self.migration.renamed or self.migration.renamed_choices
        choice_ids = {} if renames else self.compiled.choice_ids
        for old_id, value in raw.items():
            if (
                type(value) is str
                and value in choice_ids.get(old_id, ())
                and self.compiled.question_by_id[old_id].type == "single"
            ):
                values[old_id] = value
                continue
            qid = self.current_id(old_id)
            if not self.known(("answers", old_id), qid):
                if not self.same_version:
                    self.ignored[str(old_id)] = value
                continue
            if value is None:
                continue
            value = self.migrate_choices(qid, value)
            checked = self.answer(self.compiled.question_by_id[qid], ("answers", old_id), value)
            if checked is not None:
                values[qid] = checked
        return self.ordered(values)

    def migrate_choices(self, qid: str, value: Any) -> Any:
        """Choice ids renamed since the answers' version, for one answer."""
        if isinstance(value, list):
            return [self.migration.choice(qid, v) if isinstance(v, str) else v for v in value]
        return self.migration.choice(qid, value) if isinstance(value, str) else value

    def ordered(self, values: dict[str, Any]) -> dict[str, Any]:
        order = self.compiled.order
        return {qid: values[qid] for qid in sorted(values, key=order.__getitem__)}

    def answer(self, q: Question, path: DocPath, value: Any) -> AnswerValue | None:
        if value == UNKNOWN_ANSWER:
            return UNKNOWN_ANSWER
        if q.type == "single":
            return self.single(q, path, value)
        if q.type == "multiple":
            return self.multiple(q, path, value)
        if q.type == "text":
            return self.text(path, value)
        if q.type == "number":
            if isinstance(value, bool) or not isinstance(value, int | float):
                self.error(
                    path,
                    f"'{q.id}' takes a number, got {_kind(value)}",
                    "write a number, or unknown",
                )
                return None
            if not math.isfinite(value) or abs(value) >= 10**yamlio.MAX_DIGITS:
                # nan passes every comparison: refused before minimum and maximum are checked.
                self.error(path, f"'{q.id}' takes a finite number, got {value:g}", "write a number")
                return None
            if q.minimum is not None and value < q.minimum:
                self.error(path, f"{value:g} is below the minimum of '{q.id}' ({q.minimum:g})")
            if q.maximum is not None and value > q.maximum:
                self.error(path, f"{value:g} is above the maximum of '{q.id}' ({q.maximum:g})")
            return value
        day = _as_date(value)
        if day is None:
            self.error(
                path, f"'{q.id}' takes a date, got {value!r}", "write YYYY-MM-DD, or unknown"
            )
        return self.in_range(path, day)

    def choice_hint(self, q: Question, value: str) -> str:
        ids = [ch.id for ch in q.choices]
        return suggest(value, ids) or f"choices: {', '.join(ids)}, or unknown"

    def choice_id(self, q: Question, path: DocPath, value: Any) -> str | None:
        ids = [ch.id for ch in q.choices]
        if isinstance(value, int) and not isinstance(value, bool) and str(value) in ids:
            value = str(value)
        if isinstance(value, bool):
            self.error(
                path,
                f"expected a choice id of '{q.id}', got {str(value).lower()}",
                f"choices: {', '.join(ids)}",
            )
            return None
        if not isinstance(value, str):
            self.error(
                path,
                f"expected a choice id of '{q.id}', got {_kind(value)}",
                f"choices: {', '.join(ids)}",
            )
            return None
        if value not in ids:
            self.error(path, f"'{value}' is not a choice of '{q.id}'", self.choice_hint(q, value))
            return None
        return value

    def single(self, q: Question, path: DocPath, value: Any) -> str | None:
        if isinstance(value, list):
            self.error(
                path,
                f"'{q.id}' takes one choice, not a list",
                f"choices: {', '.join(ch.id for ch in q.choices)}",
            )
            return None
        return self.choice_id(q, path, value)

    def multiple(self, q: Question, path: DocPath, value: Any) -> list[str] | None:
        if not isinstance(value, list):
            if isinstance(value, str) and value in {ch.id for ch in q.choices}:
                self.error(path, f"'{q.id}' is multiple choice: write a list", f"[{value}]")
            elif isinstance(value, str):
                self.error(
                    path, f"'{value}' is not a choice of '{q.id}'", self.choice_hint(q, value)
                )
            else:
                self.error(path, f"'{q.id}' takes a list of choices, got {_kind(value)}")
            return None
        chosen: list[str] = []
        ok = True
        for index, item in enumerate(value):
            at = (*path, index)
            if item == UNKNOWN_ANSWER:
                self.error(
                    at, "'unknown' stands alone, never inside a list", f"write: {q.id}: unknown"
                )
                ok = False
                continue
            cid = self.choice_id(q, at, item)
            if cid is None:
                ok = False
            elif cid in chosen:
                self.error(at, f"'{cid}' is listed twice")
                ok = False
            else:
                chosen.append(cid)
        exclusive = [ch.id for ch in q.choices if ch.exclusive and ch.id in chosen]
        if exclusive and len(chosen) > 1:
            self.error(
                path,
                f"'{exclusive[0]}' cannot be combined with other choices",
                f"keep [{exclusive[0]}] alone, or remove it",
            )
            ok = False
        if not ok:
            return None
        order = [ch.id for ch in q.choices]
        return sorted(chosen, key=order.index)


def read_answers(
    doc: Document,
    compiled: CompiledRuleSet,
    *,
    strict: bool = False,
    file_sha256: str | None = None,
) -> tuple[Answers, list[Problem]]:
    """Check a parsed answers document against a rule set: the answers and the warnings.

    Raises `VettingError` with every problem; warnings (another rule-set version)
    become errors under `strict`.
    """
    reader = _Reader(doc, compiled, strict)
    data = reader.read()
    answers = Answers.model_validate(data).model_copy(
        update={
            "source": doc.file,
            "file_sha256": file_sha256,
            "decision_position": reader.decision_position,
            "ignored": reader.ignored,
        }
    )
    return answers, reader.warnings


def parse_answers(
    text: str,
    compiled: CompiledRuleSet,
    *,
    file: str = "<answers>",
    strict: bool = False,
) -> tuple[Answers, list[Problem]]:
    """Parse and check answers held in a string (YAML or JSON)."""
    raw = text.encode("utf-8")
    doc = yamlio.parse(yamlio.decode(raw, file), file)
    return read_answers(doc, compiled, strict=strict, file_sha256=hashlib.sha256(raw).hexdigest())


def load_answers(
    path: Path,
    compiled: CompiledRuleSet,
    *,
    strict: bool = False,
    display: str | None = None,
    date: dt.date | None = None,
) -> tuple[Answers, list[Problem]]:
    """Read and check an answers file (YAML or JSON); its hash is that of its bytes.

    `date` (the `--date` option) dates a file that records no assessment date of its
    own; a file's own date always wins, it is the record.
    """
    name = display or str(path)
    raw = yamlio.read_bytes(Path(path), name)
    doc = yamlio.parse(yamlio.decode(raw, name), name)
    answers, warnings = read_answers(
        doc, compiled, strict=strict, file_sha256=hashlib.sha256(raw).hexdigest()
    )
    if answers.date is None and date is not None:
        answers = answers.model_copy(update={"date": date})
    return answers, warnings


def check_answers(
    answers: Answers, compiled: CompiledRuleSet, *, strict: bool = False
) -> list[Problem]:
    """Check answers built in memory (e.g. by the questionnaire): the same rules as a file."""
    doc = Document(answers.source or "<answers>", _plain(answers, None), {})
    _, warnings = read_answers(doc, compiled, strict=strict)
    return warnings


# --------------------------------------------------------------------------- writing


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Block style, but short lists of choice ids in flow style: `[identifiable, audio]`.

    Never anchors (`&id001`): our loader refuses them, and a value repeated
    (a date used twice) must be written out twice.
    """

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flow = all(isinstance(item, str | int | float) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


#: Plain texts our YAML 1.2 loader reads as something else start with one of these,
#: or are one of `_NOT_TEXT`: only those are worth checking.
_NUMERIC_START = frozenset("+-.0123456789")
_NOT_TEXT = frozenset(
    {"~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"}
)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    """Quote a text that our YAML 1.2 loader would read as something else (`1e5`)."""
    style = None
    if data in _NOT_TEXT or (data[:1] in _NUMERIC_START and "\n" not in data and len(data) < 100):
        try:
            if yamlio.parse(data, "<text>").data != data:
                style = "'"
        except VettingError:
            pass  # not a plain scalar at all: the emitter quotes it by itself
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(str, _represent_str)


def _plain(answers: Answers, compiled: CompiledRuleSet | None) -> dict[str, Any]:
    """The answers as plain data in the canonical key order (dates stay dates)."""

    def order(values: Mapping[str, Any]) -> list[str]:
        if compiled is None:
            return sorted(values)
        known = compiled.order
        return sorted(values, key=lambda qid: (qid not in known, known.get(qid, 0), qid))

    data: dict[str, Any] = {"ruleset": answers.ruleset}
    if answers.ruleset_sha256:
        data["ruleset_sha256"] = answers.ruleset_sha256
    data["tool"] = answers.tool.model_dump(exclude_none=True)
    if answers.assessor is not None:
        data["assessor"] = answers.assessor
    if answers.date is not None:
        data["date"] = answers.date
    if answers.go_live is not None:
        data["go_live"] = answers.go_live

    def choices_in_order(qid: str, value: list[str]) -> list[str]:
        q = compiled.question_by_id.get(qid) if compiled else None
        if q is None:
            return list(value)
        ids = [ch.id for ch in q.choices]
        return sorted(value, key=lambda cid: (cid not in ids, ids.index(cid) if cid in ids else 0))

    data["answers"] = {
        qid: choices_in_order(qid, v) if isinstance(v, list) else v
        for qid, v in ((qid, answers.answers[qid]) for qid in order(answers.answers))
    }
    if answers.notes:
        data["notes"] = {qid: answers.notes[qid] for qid in order(answers.notes)}
    if answers.evidence:
        evidence: dict[str, Any] = {}
        for qid in order(answers.evidence):
            record = answers.evidence[qid].model_dump(exclude_none=True)
            evidence[qid] = record["text"] if list(record) == ["text"] else record
        data["evidence"] = evidence
    if answers.decision is not None:
        data["decision"] = _plain_decision(answers.decision)
    return data


def _plain_decision(decision: Decision) -> dict[str, Any]:
    """The decision in its documented key order; `done` always written (it is the record)."""
    out: dict[str, Any] = {
        "outcome": decision.outcome,
        "by": decision.by,
    }
    if decision.members:
        out["members"] = [{"name": m.name, "role": m.role} for m in decision.members]
    out |= {
        "date": decision.date,
        "rationale": decision.rationale,
    }
    if decision.conditions:
        out["conditions"] = [
            {"text": c.text, "due": c.due, "done": c.done} for c in decision.conditions
        ]
    if decision.next_review is not None:
        out["next_review"] = decision.next_review
    if decision.knockout_justification is not None:
        out["knockout_justification"] = decision.knockout_justification
    return out


def dump_answers(answers: Answers, compiled: CompiledRuleSet | None = None) -> str:
    """Canonical YAML: ruleset, ruleset_sha256, tool, assessor, date, go_live, answers, notes,
    evidence, decision.

    With the rule set, answers follow its asking order and a multiple choice
    its choices' order; without it, question ids are sorted.

    Two equal `Answers` always dump to the same text, so the file diffs cleanly
    in git and its hash identifies the answers.
    """
    text: str = yaml.dump(
        _plain(answers, compiled),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
    return text


def answers_sha256(answers: Answers, compiled: CompiledRuleSet | None = None) -> str:
    """SHA-256 of the file's bytes, or of the canonical dump for answers built in memory."""
    if answers.file_sha256:
        return answers.file_sha256
    return hashlib.sha256(dump_answers(answers, compiled).encode("utf-8")).hexdigest()


__all__ = [
    "UNKNOWN_ANSWER",
    "AnswerValue",
    "Answers",
    "Decision",
    "DecisionCondition",
    "DecisionMember",
    "Evidence",
    "Tool",
    "answers_sha256",
    "check_answers",
    "dump_answers",
    "load_answers",
    "parse_answers",
    "read_answers",
]

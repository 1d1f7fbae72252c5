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

The file's structure is declared once, as the models of answers_model.py; this
module checks what needs the rule set (its name and version, the question ids,
each answer against its question) and what ties two fields together;
answers_dump.py writes answers back in their canonical form.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from vetting import yamlio
from vetting.assess.answers_dump import answers_sha256, dump_answers, plain
from vetting.assess.answers_model import (
    OUTCOMES,
    UNKNOWN_ANSWER,
    Answers,
    AnswersFile,
    AnswerValue,
    Decision,
    DecisionCondition,
    DecisionMember,
    Evidence,
    Tool,
    file_day,
    kind,
    problems,
    text_error,
    validate,
)
from vetting.dates import RANGE_HINT, as_date, out_of_range
from vetting.errors import Problem, ProblemCollector
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.migrate import Migration, migration
from vetting.ruleset.model import Question
from vetting.ruleset.registry import CLAIM, RuleSets
from vetting.words import suggest
from vetting.yamlio import DocPath, Document, format_path

# --------------------------------------------------------------------------- reading


class _Reader:
    """One pass over an answers document against a rule set; gathers every error and warning."""

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
        self.claimed = ""

    def error(self, path: DocPath, message: str, hint: str = "") -> None:
        self.errors.add(self.doc.position(path), message, format_path(path), hint)

    def warn(self, path: DocPath, message: str, hint: str = "") -> None:
        problem = Problem(self.doc.position(path), message, format_path(path), hint)
        if self.strict:
            self.errors.problems.append(problem)
        else:
            self.warnings.append(problem)

    def note(self, path: DocPath, message: str, hint: str = "") -> None:
        """A warning that stays one under `strict`: worth a word, never a refusal."""
        self.warnings.append(Problem(self.doc.position(path), message, format_path(path), hint))

    def structure(
        self, errors: list[dict[str, Any]], model: type[BaseModel], at: DocPath = ()
    ) -> None:
        """Report pydantic's errors for `model`, read at `at`, in our words."""
        self.errors.problems.extend(problems(errors, self.doc, model, at))

    # ------------------------------------------------------------------ the file

    def read(self) -> Answers:
        data = self.doc.data
        file, errors = validate(AnswersFile, data)
        if not isinstance(data, dict):
            self.structure(errors, AnswersFile)
            self.errors.raise_if_any()
        # Answers for another rule set stop at its name: only its unknown fields are told.
        unknown = [e for e in errors if e["type"] == "extra_forbidden" and len(e["loc"]) == 1]
        self.structure(unknown, AnswersFile)
        ruleset = self.read_ruleset(data.get("ruleset"))
        self.structure([e for e in errors if e not in unknown], AnswersFile)
        sha = data.get("ruleset_sha256")
        if self.same_version and sha != self.compiled.origin.sha256 and _valid_sha(errors, sha):
            self.note(
                ("ruleset_sha256",),
                f"the rule set changed since these answers were written "
                f"(same version {self.compiled.ruleset.version}, other content)",
                "review the answers; the rule set's authors should bump its version",
            )
        answers = self.read_answers(_mapping(data.get("answers")))
        notes: dict[str, str] = {}
        for old_id, value in _mapping(data.get("notes")).items():
            qid = self.current_id(old_id)
            path = ("notes", old_id)
            if self.known(path, qid) and value is not None and self.text(path, value):
                notes[qid] = value
        evidence: dict[str, Evidence] = {}
        for old_id, item in _mapping(data.get("evidence")).items():
            qid = self.current_id(old_id)
            if self.known(("evidence", old_id), qid) and item is not None:
                record = self.read_evidence(("evidence", old_id), item)
                if record is not None:
                    evidence[qid] = record
        if isinstance(data.get("decision"), dict):
            self.check_decision(("decision",), data["decision"], file_day(data.get("date")))
        self.summarise_version()
        self.errors.raise_if_any()
        assert file is not None  # no problem: every field is valid
        return Answers(
            ruleset=ruleset,
            ruleset_sha256=file.ruleset_sha256,
            tool=file.tool,
            assessor=file.assessor,
            date=file.date,
            go_live=file.go_live,
            answers=answers,
            notes=self.ordered(notes),
            evidence=self.ordered(evidence),
            decision=file.decision,
            source=self.doc.file,
            decision_position=(
                self.doc.position(("decision", "outcome")) if file.decision else None
            ),
            ignored=self.ignored,
        )

    def text(self, path: DocPath, value: Any) -> bool:
        """Whether `value` is a text (a note, a text answer); reports it when not."""
        wrong = text_error(value)
        if wrong is not None:
            self.error(path, *wrong)
        return wrong is None

    def read_evidence(self, path: DocPath, value: Any) -> Evidence | None:
        record, errors = validate(Evidence, value)
        self.structure(errors, Evidence, path)
        if isinstance(value, dict):
            issued, expires = file_day(value.get("issued")), file_day(value.get("expires"))
            if issued and expires and expires < issued:
                self.error((*path, "expires"), f"expires ({expires}) is before issued ({issued})")
        return record  # type: ignore[no-any-return]

    def check_decision(
        self, path: DocPath, value: Mapping[str, Any], assessed: dt.date | None
    ) -> None:
        """What ties the decision's fields together, and to the assessment's date.

        Read on the fields as written, so that it is told with any other mistake
        of the file; a field that is itself wrong counts as absent.
        """
        outcome = value.get("outcome") if value.get("outcome") in OUTCOMES else None
        day, next_review = file_day(value.get("date")), file_day(value.get("next_review"))
        justification = value.get("knockout_justification")
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
        if outcome == "reject" and justification is not None and text_error(justification) is None:
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
            self.note(
                (*path, "date"),
                f"the decision ({day}) is older than this assessment ({assessed}): "
                "it was taken on an earlier assessment",
                "record the committee's decision on this assessment, or remove the block",
            )
        conditions = value.get("conditions")
        for index, item in enumerate(conditions if isinstance(conditions, list) else ()):
            due = file_day(item.get("due")) if isinstance(item, dict) else None
            if due and day and due < day:
                self.error(
                    (*path, "conditions", index, "due"),
                    f"due ({due}) is before the decision date ({day})",
                )

    def read_ruleset(self, value: Any) -> str:
        rs = self.compiled.ruleset
        expected = f"{rs.id}@{rs.version}"
        if value is None:
            self.error(
                ("ruleset",), "missing required field 'ruleset'", f"add: ruleset: {expected}"
            )
            return expected
        match = CLAIM.match(value) if isinstance(value, str) else None
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
            ("changed in meaning (old answers not counted until answered again)", moves.changed),
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
            return value if self.text(path, value) else None
        if q.type == "number":
            if isinstance(value, bool) or not isinstance(value, int | float):
                self.error(
                    path,
                    f"'{q.id}' takes a number, got {kind(value)}",
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
        day = as_date(value)
        if day is None:
            self.error(
                path, f"'{q.id}' takes a date, got {value!r}", "write YYYY-MM-DD, or unknown"
            )
        why = None if day is None else out_of_range(day)
        if why is not None:
            self.error(path, why, RANGE_HINT)
            return None
        return day

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
                f"expected a choice id of '{q.id}', got {kind(value)}",
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
                self.error(path, f"'{q.id}' takes a list of choices, got {kind(value)}")
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


def _mapping(value: Any) -> dict[Any, Any]:
    """A mapping of the file; {} when it is none (its structure says why)."""
    return value if isinstance(value, dict) else {}


def _valid_sha(errors: list[dict[str, Any]], sha: Any) -> bool:
    return sha is not None and not any(e["loc"][:1] == ("ruleset_sha256",) for e in errors)


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
    answers = reader.read()
    if file_sha256 is not None:
        answers = answers.model_copy(update={"file_sha256": file_sha256})
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
    _, answers, warnings = load_answers_with(
        path, compiled, strict=strict, display=display, date=date
    )
    return answers, warnings


def load_answers_with(
    path: Path,
    rules: CompiledRuleSet | RuleSets,
    *,
    strict: bool = False,
    display: str | None = None,
    date: dt.date | None = None,
) -> tuple[CompiledRuleSet, Answers, list[Problem]]:
    """`load_answers`, and the rule set that read the file.

    Given a run's `RuleSets`, the file is read with the rule set its `ruleset:` field
    names (ruleset/registry.py): the rule set of one file is not that of the next.
    """
    name = display or str(path)
    raw = yamlio.read_bytes(Path(path), name)
    doc = yamlio.parse(yamlio.decode(raw, name), name)
    if isinstance(rules, RuleSets):
        claim = doc.data.get("ruleset") if isinstance(doc.data, dict) else None
        compiled = rules.for_claim(claim, lambda: doc.position(("ruleset",)))
    else:
        compiled = rules
    answers, warnings = read_answers(
        doc, compiled, strict=strict, file_sha256=hashlib.sha256(raw).hexdigest()
    )
    if answers.date is None and date is not None:
        answers = answers.model_copy(update={"date": date})
    return compiled, answers, warnings


def check_answers(
    answers: Answers, compiled: CompiledRuleSet, *, strict: bool = False
) -> list[Problem]:
    """Check answers built in memory (e.g. by the questionnaire): the same rules as a file."""
    doc = Document(answers.source or "<answers>", plain(answers, None), {})
    _, warnings = read_answers(doc, compiled, strict=strict)
    return warnings


# The models of the file are part of this module's public face (answers_model.py declares them).
__all__ = [
    "OUTCOMES",
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
    "load_answers_with",
    "parse_answers",
    "read_answers",
]

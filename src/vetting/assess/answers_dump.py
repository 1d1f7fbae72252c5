"""The answers file written back: canonical YAML that diffs cleanly and hashes the same.

Keys in the documented order, answers in the rule set's asking order, the
choices of a multiple choice in the question's order: two equal `Answers`
always give the same text, so the file diffs cleanly in git and its hash
identifies the answers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from vetting import yamlio
from vetting.assess.answers_model import Answers, Decision
from vetting.ruleset.compiled import CompiledRuleSet


def plain(answers: Answers, compiled: CompiledRuleSet | None) -> dict[str, Any]:
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
    return yamlio.dump(plain(answers, compiled))


def answers_sha256(answers: Answers, compiled: CompiledRuleSet | None = None) -> str:
    """SHA-256 of the file's bytes, or of the canonical dump for answers built in memory."""
    if answers.file_sha256:
        return answers.file_sha256
    return hashlib.sha256(dump_answers(answers, compiled).encode("utf-8")).hexdigest()


__all__ = ["answers_sha256", "dump_answers", "plain"]

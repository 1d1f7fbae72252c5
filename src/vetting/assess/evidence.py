"""Evidence counts: a claim that rules out a knock-out needs its proof, valid today.

"The whole chain is HDS-certified" avoids a legal knock-out; said without a
certificate, or with one that expired, it proves nothing, so the knock-out
stays pending (verdict at least `pending_evidence`). A choice declares what
it needs with `evidence_required: declared | verified`, and the choices below
it need at least as much (a worse answer never needs less proof). Evidence
that is only declared where verified is required is shown as unverified.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from vetting.assess.answers import Answers
from vetting.assess.review import evidence_statuses
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.model import Question

#: Strength of evidence, compared as ranks: none (or expired), declared, verified.
NO_EVIDENCE, DECLARED, VERIFIED = 0, 1, 2
STRENGTH = {"declared": DECLARED, "verified": VERIFIED}
NAMES = {DECLARED: "declared", VERIFIED: "verified"}


def required_by_choice(question: Question, risk_order: Sequence[str]) -> dict[str, int]:
    """The evidence each choice needs, inherited by the worse ones; {} when none does.

    `risk_order` is the question's choice ids from the lowest risk up
    (`CompiledRuleSet.risk_order`): a worse answer never needs less proof.
    """
    if question.type != "single":
        return {}
    choices = {choice.id: choice for choice in question.choices}
    out: dict[str, int] = {}
    need = NO_EVIDENCE
    for choice in (choices[cid] for cid in risk_order):
        if choice.evidence_required is not None:
            need = max(need, STRENGTH[choice.evidence_required])
        if need:
            out[choice.id] = need
    return out


def strengths(compiled: CompiledRuleSet, answers: Answers, day: dt.date) -> dict[str, int]:
    """Question id -> the strength of its evidence on `day` (expired counts as none).

    Validity is the one `evidence_statuses` reports. An entry without a status
    counts as declared: someone wrote it down, nobody said it was checked.
    """
    return {
        record.question: NO_EVIDENCE
        if record.expired
        else STRENGTH.get(record.status or "declared", DECLARED)
        for record in evidence_statuses(compiled, answers, day)
    }


def short_of(need: int, have: Mapping[str, int], qid: str) -> bool:
    """The answer's knock-outs stay pending: its evidence is missing or expired."""
    return need > NO_EVIDENCE and have.get(qid, NO_EVIDENCE) == NO_EVIDENCE


__all__ = [
    "DECLARED",
    "NAMES",
    "NO_EVIDENCE",
    "VERIFIED",
    "required_by_choice",
    "short_of",
    "strengths",
]

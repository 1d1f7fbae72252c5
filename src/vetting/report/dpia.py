"""Whether the answers make a DPIA mandatory, and whether one exists: one line of the report.

A French health establishment that processes patients' health data for their
care must carry out a data protection impact assessment before it starts (the
CNIL's list, deliberation 2018-327; GDPR art. 35(3)(b) and 35(4)); elsewhere,
health data and an innovative technology make one necessary in most cases. The
levels and their conditions are data (`dpia` in `reports/pia.yaml`); the words
are the catalog's (`drafts.dpia.*`).
"""

from __future__ import annotations

from vetting.report.drafting import draft_text, holds
from vetting.report.pia import PIA, DpiaSpec
from vetting.report.wording import Wording
from vetting.ruleset.conditions import ABSENT, UNKNOWN
from vetting.words import fill


def dpia_statement(w: Wording, spec: DpiaSpec | None) -> str:
    """`DPIA mandatory: ... DPIA status: done ...`, or "" when the rule set cannot say."""
    if spec is None or spec.question not in w.c.question_by_id:
        return ""
    need = "not_required"
    for level in spec.levels:
        truth = holds(w, level.when, PIA)
        if truth is None:
            need = "undetermined"
            break
        if truth:
            need = level.need
            break
    sentences = [draft_text(w.lang, "drafts.dpia." + need)]
    value = w.state.get(spec.question, ABSENT)
    if value is UNKNOWN:
        sentences.append(draft_text(w.lang, "drafts.dpia_status_unknown"))
    elif value is not ABSENT:
        answer = w.answer_text(spec.question, value)
        sentences.append(fill(draft_text(w.lang, "drafts.dpia_status"), {"answer": answer}))
    return " ".join(sentences)


__all__ = ["dpia_statement"]

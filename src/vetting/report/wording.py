"""How one report words things: what every section shares.

A `Wording` holds the inputs of one report (the assessment, the compiled rule
set, the answers), its language and its labels, and says in that language how
a rule-set text, a question, an answer, a reference, an evidence record or a
what-if reads. The sections (`sections.py`) are plain functions of it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vetting import __version__, catalog
from vetting.answer_points import points_text
from vetting.assess.answers import Answers
from vetting.assess.assessment import Assessment, WhatIf
from vetting.i18n import question_name
from vetting.report import claims
from vetting.report.views import AnswerLine, EvidenceView, Reference
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.describe import cite
from vetting.templates import labels
from vetting.words import answer_text, fill, text_in, typo


class Wording:
    """One report's inputs, language and labels, and how things read in it.

    `references` records every source it cites, in order: the sources section,
    built last, lists them.
    """

    def __init__(
        self,
        assessment: Assessment,
        compiled: CompiledRuleSet,
        answers: Answers,
        lang: str,
        templates: Path | None,
    ) -> None:
        self.a = assessment
        self.c = compiled
        self.rs = compiled.ruleset
        self.answers = answers
        self.lang = lang
        self.templates = templates
        self.L = labels(lang, templates)
        self.L["generated_by"] = fill(
            self.L["generated_by"], {"generator": f"vetting {__version__}"}
        )
        self.state = compiled.walk(answers.answers, assessment.assessment_date)
        self.cited: dict[str, None] = {}
        self.evidence = {e.question: e for e in assessment.evidence}

    def text(self, value: dict[str, str] | None) -> str:
        """A rule-set text in the report's language, with its typography."""
        return text_in(value, self.lang)

    def colon(self, label: str) -> str:
        """`Label:` (`Label :` in French), as a title or a heading says it."""
        return label + catalog.text(self.lang, "formats.colon").removesuffix(" ")

    def question_text(self, qid: str) -> str:
        """What the report calls a question outside the annex: its short title."""
        q = self.c.question_by_id.get(qid)
        return typo(question_name(q, self.lang), self.lang) if q else qid

    def item_name(self, item_id: str) -> str:
        """A knock-out or pending item as the report names it: `question=choice` and a
        question by the question's short title, a finding rule by its message."""
        qid = item_id.partition("=")[0]
        if qid in self.c.question_by_id:
            return self.question_text(qid)
        return self.rule_message(item_id)

    def rule_message(self, rule_id: str) -> str:
        """A finding rule's message (its id when the rule set lacks it)."""
        rule = next((r for r in self.rs.findings if r.id == rule_id), None)
        return self.text(rule.message) if rule else rule_id

    def answer_text(self, qid: str, value: Any) -> str:
        """An answer as a reader says it: choice labels, a number with its unit, a date."""
        q = self.c.question_by_id.get(qid)
        return answer_text(q, value, self.lang, self.L, typeset=True)

    def answer_lines(
        self, answers: dict[str, Any], skip: str | None = None
    ) -> tuple[AnswerLine, ...]:
        return tuple(
            AnswerLine(qid, self.question_text(qid), self.answer_text(qid, value))
            for qid, value in answers.items()
            if qid != skip
        )

    def references(
        self, refs: tuple[dict[str, Any], ...] | list[dict[str, Any]]
    ) -> tuple[Reference, ...]:
        out: list[Reference] = []
        for ref in refs:
            self.cited.setdefault(str(ref.get("ref", "")), None)
            words = cite(self.rs, ref, self.lang)
            verify = ref.get("verify")
            out.append(
                Reference(
                    text=typo(words, self.lang),
                    verify=self.text(verify) if isinstance(verify, dict) else "",
                )
            )
        return tuple(out)

    def evidence_view(self, qid: str) -> EvidenceView | None:
        record = self.evidence.get(qid)
        if record is None:
            return None
        status = self.L[f"evidence_{record.status}"] if record.status else ""
        return EvidenceView(
            text=record.text,
            status=status,
            issued=record.issued.isoformat() if record.issued else "",
            expires=record.expires.isoformat() if record.expires else "",
            expired=record.expired,
            unverified=record.unverified,
        )

    def pool_points(self, values: dict[str, float]) -> str:
        return points_text(values, self.rs.scoring.pools, self.L, self.lang)

    def lifts(self) -> dict[str, WhatIf]:
        """What lifts each knock-out or pending item alone (the verdict may stay the same)."""
        if self.a.explanation is None:
            return {}
        return {w.id: w for w in self.a.explanation.lifts if w.id is not None and w.reached}

    def change_words(self, whatif: WhatIf, own: str | None = None) -> tuple[str, ...]:
        """`Question — old answer → new answer`, one per change (`→ new answer` when it is
        `own`, the question the reader is looking at), then the evidence the change assumes."""
        out = []
        for ch in whatif.changes:
            after = self.answer_text(ch.question, ch.to)
            if ch.question == own:  # the card shows the answer just above: only where to go
                out.append(f"→ {after}")
                continue
            before = self.answer_text(ch.question, ch.from_)
            out.append(f"{self.question_text(ch.question)} — {before} → {after}")
        words = claims.evidence_words(whatif, self.a, self.L, self.question_text)
        return (*out, *(typo(w, self.lang) for w in words))

"""Helpers that put the workflow outputs' words together: names, answers, row labels.

Rule-set texts come from the rule set; the labels around them are the catalog's
`workflows` namespace (`catalog/<lang>/workflows.yaml`), kept apart from the
report's because the workflows have their own vocabulary (columns, changes,
reviews).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from vetting import catalog
from vetting.assess.assessment import RuleSetRef
from vetting.escape import plain
from vetting.i18n import level_name as level_name
from vetting.i18n import pick, question_name
from vetting.i18n import severity_name as severity_name
from vetting.i18n import verdict_name as verdict_name
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.words import answer_text
from vetting.words import short as short


def day(value: dt.date | None) -> str:
    """Dates are ISO everywhere in the workflows: sortable, and the same in both languages."""
    return value.isoformat() if value else ""


def outcome_name(outcome: str, lang: str) -> str:
    """The committee's decision in words: `accept_with_conditions` -> `accepted with conditions`."""
    return catalog.text(lang, "workflows.outcomes." + outcome)


def clean(text: str | None) -> str:
    """Untrusted text (from an answers file) on one line, without control characters.

    Escaping for each format still happens in the templates; this keeps a
    terminal escape sequence or a stray control byte out of every output.
    """
    return plain(text) if text else ""


def answer(compiled: CompiledRuleSet, qid: str, value: object, lang: str) -> str:
    """An answer as a buyer reads it in a table cell: choice labels, a number with its
    unit and the French decimal comma, `unknown`; on one line, without control characters."""
    question = compiled.question_by_id.get(qid)
    cells = {
        "unanswered": catalog.text(lang, "workflows.cells.unanswered"),
        "unknown": catalog.text(lang, "workflows.cells.unknown"),
        "none_ticked": catalog.text(lang, "workflows.cells.none_ticked"),
    }
    return clean(answer_text(question, value, lang, cells))


def question_text(compiled: CompiledRuleSet, qid: str, lang: str, limit: int = 90) -> str:
    """A question's short title (else its text, shortened) for a row label; its id when the
    rule set lacks it."""
    question = compiled.question_by_id.get(qid)
    return short(question_name(question, lang), limit) if question else qid


def knockout_label(
    compiled: CompiledRuleSet, ko_id: str, lang: str, *, answer: int, message: int
) -> str:
    """A knock-out as a row label: `question → answer` for a choice's (the question cut at
    70 characters, the answer at `answer`), the rule's message (cut at `message`) for a
    finding rule's."""
    qid, _, choice_id = ko_id.partition("=")
    if choice_id and qid in compiled.question_by_id:
        choice = compiled.choice(qid, choice_id)
        label = pick(choice.label, lang) if choice else choice_id
        return f"{question_text(compiled, qid, lang, 70)} → {short(label, answer)}"
    for rule in compiled.findings:
        if rule.id == ko_id:
            return short(pick(rule.message, lang), message)
    return ko_id


def ruleset_name(compiled: CompiledRuleSet, lang: str) -> str:
    """`Health AI (health-ai 2.0.0)`: the rule set a table was scored with."""
    rs = compiled.ruleset
    return f"{pick(rs.title, lang)} ({rs.id} {rs.version})"


def scored_with(ref: RuleSetRef, lang: str) -> str:
    """Which rule set scored one file, and the older version its answers were written for."""
    name = f"{ref.id} {ref.version}"
    if ref.written_for:
        return catalog.text(
            lang, "workflows.rulesets.scored_with_migrated", ruleset=name, version=ref.written_for
        )
    return catalog.text(lang, "workflows.rulesets.scored_with", ruleset=name)


def rulesets_named(refs: Sequence[RuleSetRef], compiled: CompiledRuleSet, lang: str) -> str:
    """The rule set of a compare or diff; when the files were scored with several, all of
    them and which one (`compiled`) the question-by-question rows follow."""
    names = list(dict.fromkeys(f"{r.id} {r.version}" for r in refs))
    if len(names) < 2:
        return ruleset_name(compiled, lang)
    rows = f"{compiled.ruleset.id} {compiled.ruleset.version}"
    return catalog.text(lang, "workflows.rulesets.mixed", list=", ".join(names), ruleset=rows)

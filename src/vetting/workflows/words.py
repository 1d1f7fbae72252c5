"""The words of the workflow outputs, in French and English.

Rule-set texts come from the rule set; these are the labels around them. Kept
apart from the report labels (`reports/labels.yaml`) because the workflows
have their own vocabulary (columns, changes, reviews).
"""

from __future__ import annotations

import datetime as dt
import re

from vetting.escape import plain
from vetting.i18n import level_name as level_name
from vetting.i18n import pick
from vetting.i18n import severity_name as severity_name
from vetting.i18n import verdict_name as verdict_name
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.words import answer_text

_LABELS: dict[str, dict[str, str]] = {
    # compare
    "compare_title": {"fr": "Comparaison de {n} outils", "en": "Comparison of {n} tools"},
    "compare_legend": {
        "fr": "En gras : la meilleure valeur de la ligne. ≠ : les outils diffèrent.",
        "en": "In bold: the best value in the row. ≠: the tools differ.",
    },
    "best": {"fr": "meilleur", "en": "best"},
    "colon": {"fr": "\u00a0: ", "en": ": "},
    "sheet": {"fr": "Comparaison", "en": "Comparison"},
    "differs": {"fr": "diffère", "en": "differs"},
    "ruleset": {"fr": "Référentiel", "en": "Rule set"},
    "summary": {"fr": "Synthèse", "en": "Summary"},
    "categories": {"fr": "Sections", "en": "Categories"},
    "knockouts": {"fr": "Éléments bloquants", "en": "Knock-outs"},
    "key_questions": {
        "fr": "Questions clés (celles qui peuvent bloquer l'adoption)",
        "en": "Key questions (those that can block adoption)",
    },
    "other_differences": {"fr": "Autres différences", "en": "Other differences"},
    "no_knockout": {"fr": "Aucun point bloquant.", "en": "No knock-out."},
    "no_other_difference": {"fr": "Aucune autre différence.", "en": "No other difference."},
    "row": {"fr": "Ligne", "en": "Row"},
    "tool": {"fr": "Outil", "en": "Tool"},
    "vendor": {"fr": "Fournisseur", "en": "Vendor"},
    "version": {"fr": "Version", "en": "Version"},
    "assessment_date": {"fr": "Date de l'évaluation", "en": "Assessment date"},
    "verdict": {"fr": "Verdict", "en": "Verdict"},
    "level": {"fr": "Niveau", "en": "Level"},
    "points_level": {"fr": "Niveau selon les points", "en": "Level from the points"},
    "score": {"fr": "Score (0 = aucun risque)", "en": "Score (0 = no risk)"},
    "score_short": {"fr": "Score", "en": "Score"},
    "completeness": {"fr": "Complétude", "en": "Completeness"},
    "knockout_count": {"fr": "Éléments bloquants", "en": "Knock-outs"},
    "pending_count": {
        "fr": "Éléments bloquants en attente de preuves",
        "en": "Knock-outs pending evidence",
    },
    "expired_evidence": {"fr": "Preuves expirées", "en": "Expired evidence"},
    "decision": {"fr": "Décision", "en": "Decision"},
    "next_review": {"fr": "Prochaine revue", "en": "Next review"},
    "file": {"fr": "Fichier", "en": "File"},
    "ko_fires": {"fr": "✖ bloquant", "en": "✖ KO"},
    "ko_pending": {"fr": "? en attente", "en": "? pending"},
    "ko_clear": {"fr": "non", "en": "no"},
    "none": {"fr": "—", "en": "—"},
    "unanswered": {"fr": "(sans réponse)", "en": "(no answer)"},
    "unknown": {"fr": "inconnu", "en": "unknown"},
    "not_applicable": {"fr": "sans objet", "en": "not applicable"},
    "none_ticked": {"fr": "aucun", "en": "none"},
    "despite_knockout": {
        "fr": "accepté malgré un élément bloquant, avec justification",
        "en": "accepted despite a knock-out, with a justification",
    },
    # diff
    "diff_title": {"fr": "Ce qui a changé : {tool}", "en": "What changed: {tool}"},
    "old": {"fr": "Avant", "en": "Before"},
    "new": {"fr": "Après", "en": "After"},
    "unchanged": {"fr": "inchangé", "en": "unchanged"},
    "nothing_changed": {
        "fr": "Rien n'a changé entre les deux évaluations.",
        "en": "Nothing changed between the two assessments.",
    },
    "written_for": {"fr": "écrit pour", "en": "written for"},
    "written_for_title": {"fr": "Écrit pour", "en": "Written for"},
    "evidence_declared": {"fr": "déclarée", "en": "declared"},
    "evidence_verified": {"fr": "vérifiée", "en": "verified"},
    "scored_with": {"fr": "Toutes deux notées avec", "en": "Both scored with"},
    "result": {"fr": "Résultat", "en": "Result"},
    "knockouts_added": {"fr": "Éléments bloquants apparus", "en": "Knock-outs added"},
    "knockouts_removed": {"fr": "Éléments bloquants levés", "en": "Knock-outs removed"},
    "pending_added": {
        "fr": "Éléments bloquants désormais en attente",
        "en": "Knock-outs now pending",
    },
    "pending_removed": {
        "fr": "Éléments bloquants plus en attente",
        "en": "Knock-outs no longer pending",
    },
    "findings_added": {"fr": "Constats apparus", "en": "Findings added"},
    "findings_removed": {"fr": "Constats disparus", "en": "Findings removed"},
    "findings_severity": {
        "fr": "Constats de gravité changée",
        "en": "Findings with a new severity",
    },
    "answers_changed": {"fr": "Réponses changées", "en": "Answers changed"},
    "not_in_ruleset": {
        "fr": "Réponses à des questions absentes de ce référentiel (ignorées)",
        "en": "Answers to questions not in this rule set (ignored)",
    },
    "evidence_changed": {"fr": "Preuves", "en": "Evidence"},
    "evidence_added": {"fr": "ajoutée", "en": "added"},
    "evidence_removed": {"fr": "retirée", "en": "removed"},
    "evidence_expired": {"fr": "expirée le {date}", "en": "expired on {date}"},
    "evidence_valid": {"fr": "valable jusqu'au {date}", "en": "valid until {date}"},
    "evidence_undated": {"fr": "non datée", "en": "undated"},
    "question": {"fr": "Question", "en": "Question"},
    "severity": {"fr": "Gravité", "en": "Severity"},
    "warnings": {"fr": "Avertissements", "en": "Warnings"},
    "other_tool": {
        "fr": "les deux fichiers décrivent des outils différents ({old}, {new}) : "
        "pour comparer des outils, utilisez vetting compare",
        "en": "the two files describe different tools ({old}, {new}): "
        "to compare tools, use vetting compare",
    },
    # portfolio
    "portfolio_title": {
        "fr": "Portefeuille des outils évalués",
        "en": "Portfolio of assessed tools",
    },
    "as_of": {"fr": "Situation au {date}", "en": "As of {date}"},
    "assessments": {"fr": "évaluations", "en": "assessments"},
    "filter": {"fr": "Filtrer", "en": "Filter"},
    "filter_placeholder": {"fr": "outil, fournisseur, fichier…", "en": "tool, vendor, file…"},
    "all_verdicts": {"fr": "Tous les verdicts", "en": "All verdicts"},
    "attention_only": {
        "fr": "Seulement ce qui demande une action",
        "en": "Only what needs action",
    },
    "sort_hint": {
        "fr": "Cliquez sur un en-tête pour trier.",
        "en": "Click a column header to sort.",
    },
    "shown": {"fr": "affichées", "en": "shown"},
    "review_overdue": {"fr": "en retard", "en": "overdue"},
    "review_due": {"fr": "à faire bientôt", "en": "due soon"},
    "review_scheduled": {"fr": "prévue", "en": "scheduled"},
    "review_none": {"fr": "non fixée", "en": "not set"},
    "overdue_conditions_1": {"fr": "1 condition en retard", "en": "1 overdue condition"},
    "overdue_conditions_n": {"fr": "{n} conditions en retard", "en": "{n} overdue conditions"},
    "knockouts_1": {"fr": "1 élément bloquant", "en": "1 KO"},
    "knockouts_n": {"fr": "{n} éléments bloquants", "en": "{n} KO"},
    "expired_1": {"fr": "1 expirée", "en": "1 expired"},
    "expired_n": {"fr": "{n} expirées", "en": "{n} expired"},
    "expiring_1": {"fr": "1 expire bientôt", "en": "1 expires soon"},
    "expiring_n": {"fr": "{n} expirent bientôt", "en": "{n} expire soon"},
    "tools": {"fr": "Outils", "en": "Tools"},
    "rationale": {"fr": "Motifs", "en": "Rationale"},
    "knockout_justification": {
        "fr": "Justification de l'acceptation malgré l'élément bloquant",
        "en": "Why it is accepted despite the knock-out",
    },
    "superseded": {"fr": "remplacée par une évaluation plus récente", "en": "superseded"},
    "errors": {"fr": "Fichiers illisibles", "en": "Files that could not be read"},
    "needs_action": {"fr": "Demandent une action", "en": "Need action"},
    "action_column": {"fr": "À faire", "en": "Action needed"},
    "nothing_to_do": {"fr": "rien", "en": "nothing"},
    "future": {"fr": "date future", "en": "future date"},
    "action_reject": {
        "fr": "à rejeter : décision du comité à enregistrer",
        "en": "reject: record the committee's decision",
    },
    "action_accepted_despite_knockout": {
        "fr": "utilisé malgré un élément bloquant",
        "en": "in use despite a knock-out",
    },
    "action_no_decision": {
        "fr": "aucune décision enregistrée",
        "en": "no decision recorded",
    },
    "action_future_date": {
        "fr": "datée dans le futur : corriger la date",
        "en": "dated in the future: correct the date",
    },
    "action_review_overdue": {"fr": "revue en retard", "en": "review overdue"},
    "action_review_due": {"fr": "revue à préparer", "en": "review due soon"},
    "action_condition_overdue": {"fr": "condition en retard", "en": "condition overdue"},
    "action_evidence_expired": {"fr": "preuve expirée", "en": "evidence expired"},
    "action_stale_rules": {
        "fr": "référentiel dont la revue est dépassée",
        "en": "rule set past its review date",
    },
    "action_other_rules": {
        "fr": "évaluée avec une autre version du référentiel",
        "en": "assessed with another rule-set version",
    },
    "no_decision": {"fr": "aucune", "en": "none"},
    "expires_soon": {"fr": "expire le {date}", "en": "expires on {date}"},
}

OUTCOME_NAMES: dict[str, dict[str, str]] = {
    "accept": {"fr": "accepté", "en": "accepted"},
    "accept_with_conditions": {"fr": "accepté sous conditions", "en": "accepted with conditions"},
    "reject": {"fr": "rejeté", "en": "rejected"},
}

_SPACES = re.compile(r"\s+")


def labels(lang: str) -> dict[str, str]:
    """Every workflow label in `lang` (English when a label lacks it)."""
    return {key: text.get(lang) or text["en"] for key, text in _LABELS.items()}


def day(value: dt.date | None) -> str:
    """Dates are ISO everywhere in the workflows: sortable, and the same in both languages."""
    return value.isoformat() if value else ""


def outcome_name(outcome: str, lang: str) -> str:
    return OUTCOME_NAMES[outcome][lang]


def count(n: int, key: str, lang: str) -> str:
    """`1 expired`, `3 expired`: the label `key_1` or `key_n`."""
    words = labels(lang)
    return words[f"{key}_1"] if n == 1 else words[f"{key}_n"].format(n=n)


def short(text: str, limit: int = 90) -> str:
    """A long rule-set text cut at a word, for a table's first column."""
    flat = _SPACES.sub(" ", text).strip()
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return f"{cut}…"


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
    return clean(answer_text(question, value, lang, labels(lang)))


def question_text(compiled: CompiledRuleSet, qid: str, lang: str, limit: int = 90) -> str:
    """A question's text, shortened for a row label (its id when the rule set lacks it)."""
    question = compiled.question_by_id.get(qid)
    return short(pick(question.text, lang), limit) if question else qid


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

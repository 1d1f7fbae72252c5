"""Interface strings in French and English (rule texts live in the rule set)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence

from vetting import catalog

_STRINGS: dict[str, dict[str, str]] = {
    "unknown": {
        "fr": "Je ne sais pas / le fournisseur n'a pas répondu",
        "en": "I don't know / the vendor did not answer",
    },
    "not_decided": {"fr": "Pas encore décidé", "en": "Not decided yet"},
    "back": {"fr": "← Question précédente", "en": "← Previous question"},
    "why": {"fr": "? Pourquoi cette question", "en": "? Why we ask"},
    "why_title": {"fr": "Pourquoi cette question", "en": "Why we ask"},
    "references": {"fr": "Références", "en": "References"},
    "evidence": {"fr": "Preuve à demander", "en": "Evidence to request"},
    "verify": {"fr": "À vérifier", "en": "To verify"},
    "tool_name": {"fr": "Nom de l'outil évalué :", "en": "Name of the tool assessed:"},
    "tool_vendor": {"fr": "Fournisseur :", "en": "Vendor:"},
    "tool_version": {"fr": "Version (facultatif) :", "en": "Version (optional):"},
    "assessor": {
        "fr": "Votre nom ou fonction (facultatif) :",
        "en": "Your name or role (optional):",
    },
    "required": {"fr": "Une réponse est nécessaire.", "en": "An answer is needed."},
    "note": {"fr": "Note (Entrée pour passer) :", "en": "Note (Enter to skip):"},
    "text_hint": {
        "fr": "Entrée sans rien saisir : « {unknown} » · « ? » : pourquoi cette question · "
        "« < » : question précédente",
        "en": "Enter with nothing typed: '{unknown}' · '?': why we ask · '<': previous question",
    },
    "select_hint": {
        "fr": "(↑↓ choisir, Entrée valider, Ctrl-C enregistrer et quitter)",
        "en": "(↑↓ move, Enter choose, Ctrl-C save and quit)",
    },
    "checkbox_hint": {
        "fr": "(Espace cocher, Entrée valider ; sans case cochée, Entrée choisit la ligne "
        "pointée ; Ctrl-C enregistrer et quitter)",
        "en": "(Space tick, Enter confirm; with nothing ticked, Enter takes the line under the "
        "pointer; Ctrl-C save and quit)",
    },
    "unknown_alone": {"fr": "« {unknown} » se coche seul.", "en": "'{unknown}' stands alone."},
    "exclusive_alone": {
        "fr": "« {choice} » ne se combine pas avec d'autres réponses.",
        "en": "'{choice}' cannot be combined with other answers.",
    },
    "not_a_number": {"fr": "Saisissez un nombre.", "en": "Enter a number."},
    "not_a_date": {"fr": "Saisissez une date AAAA-MM-JJ.", "en": "Enter a date YYYY-MM-DD."},
    "out_of_range": {"fr": "Valeur hors limites", "en": "Value out of range"},
    "level": {"fr": "Niveau", "en": "Level"},
    "knockouts": {"fr": "Éléments bloquants", "en": "Knock-outs"},
    "knockout_mark": {"fr": "Élément bloquant", "en": "KO"},
    "pending": {"fr": "en attente de preuves", "en": "pending evidence"},
    "saved": {"fr": "Réponses enregistrées dans", "en": "Answers saved in"},
    "resume": {"fr": "Pour reprendre :", "en": "To resume:"},
    "not_tty": {
        "fr": "{prog} {command} est interactif et demande un terminal ; pour noter des fichiers "
        "de réponses sans terminal (CI), utilisez : {prog} score FICHIER",
        "en": "{prog} {command} is interactive and needs a terminal; to score answer files "
        "without one (CI), use: {prog} score FILE",
    },
    "verdict": {"fr": "Verdict", "en": "Verdict"},
    "score": {"fr": "Score", "en": "Score"},
    "top_findings": {"fr": "Principaux constats", "en": "Top findings"},
    "reports_written": {"fr": "Rapports écrits :", "en": "Reports written:"},
    "notice_refused": {
        "fr": "{file} : note d'information des patients non écrite : {why}. Elle annonce aux "
        "patients que l'outil est utilisé ; enregistrez d'abord la décision du comité "
        "(decision.outcome : accept ou accept_with_conditions), ou écrivez un projet avec --draft.",
        "en": "{file}: patient notice not written: {why}. It tells patients the tool is in use; "
        "record the committee's decision first (decision.outcome: accept or "
        "accept_with_conditions), or write a draft with --draft.",
    },
    "notice_no_decision": {
        "fr": "aucune décision n'est enregistrée (verdict : {verdict})",
        "en": "no decision is recorded (verdict: {verdict})",
    },
    "notice_rejected": {
        "fr": "le comité a décidé de rejeter l'outil",
        "en": "the committee decided to reject the tool",
    },
    "all_answered": {
        "fr": "Toutes les questions pertinentes ont une réponse.",
        "en": "Every relevant question has an answer.",
    },
    "review_intro": {
        "fr": "Relecture : Entrée garde la réponse actuelle.",
        "en": "Review: Enter keeps the current answer.",
    },
    "dated_today": {
        "fr": "Ce fichier n'avait pas de date d'évaluation : il est daté d'aujourd'hui, {day}.",
        "en": "This file had no assessment date: it is dated today, {day}.",
    },
    "go_live": {
        "fr": "Date de mise en service prévue, AAAA-MM-JJ (Entrée si elle n'est pas fixée) : "
        "les obligations qui commencent à une date donnée se jugent ce jour-là.",
        "en": "Planned go-live date, YYYY-MM-DD (Enter if not set yet): duties that start on "
        "a given day are judged on it.",
    },
    "evidence_text": {
        "fr": "Preuve vue pour cette réponse : document, page (Entrée pour passer) :",
        "en": "Evidence seen for this answer: document, page (Enter to skip):",
    },
    "evidence_needed": {
        "fr": "Cette réponse n'écarte un élément bloquant qu'avec une preuve {status} : sans "
        "elle, le verdict reste en attente de preuves.",
        "en": "This answer rules out a knock-out only with evidence {status}: without it, the "
        "verdict stays pending evidence.",
    },
    "need_verified": {"fr": "vérifiée par l'établissement", "en": "verified by your organisation"},
    "need_declared": {
        "fr": "au moins déclarée par le fournisseur",
        "en": "declared by the vendor at least",
    },
    "evidence_status": {"fr": "Statut de cette preuve :", "en": "Status of this evidence:"},
    "status_declared": {"fr": "Déclarée par le fournisseur", "en": "Declared by the vendor"},
    "status_verified": {
        "fr": "Vérifiée par l'établissement",
        "en": "Verified by your organisation",
    },
    "evidence_issued": {
        "fr": "Date d'émission (AAAA-MM-JJ ; Entrée si aucune) :",
        "en": "Issued on (YYYY-MM-DD; Enter if none):",
    },
    "evidence_expires": {
        "fr": "Date d'expiration (AAAA-MM-JJ ; Entrée si aucune) :",
        "en": "Expires on (YYYY-MM-DD; Enter if none):",
    },
    "expires_before_issued": {
        "fr": "Cette date précède la date d'émission ({day}).",
        "en": "This date comes before the date of issue ({day}).",
    },
    "decide_now": {
        "fr": "Enregistrer maintenant la décision de l'instance ?",
        "en": "Record the committee's decision now?",
    },
    "decide_later": {"fr": "Plus tard", "en": "Later"},
    "decide_record": {"fr": "Enregistrer la décision", "en": "Record the decision"},
    "decision_outcome": {"fr": "Décision de l'instance :", "en": "The committee's decision:"},
    "outcome_accept": {"fr": "Accepter l'outil", "en": "Accept the tool"},
    "outcome_accept_with_conditions": {
        "fr": "Accepter l'outil sous conditions",
        "en": "Accept the tool with conditions",
    },
    "outcome_reject": {"fr": "Rejeter l'outil", "en": "Reject the tool"},
    "decision_by": {
        "fr": "Décidé par (instance ou personne) :",
        "en": "Decided by (committee or person):",
    },
    "member_name": {
        "fr": "Membre n° {n} de l'instance, nom (Entrée sans rien saisir pour terminer) :",
        "en": "Member {n} of the committee, name (Enter with nothing typed to finish):",
    },
    "member_role": {"fr": "Fonction du membre n° {n} :", "en": "Role of member {n}:"},
    "decision_date": {
        "fr": "Date de la décision (AAAA-MM-JJ) :",
        "en": "Date of the decision (YYYY-MM-DD):",
    },
    "decision_rationale": {"fr": "Motifs de la décision :", "en": "Reasons for the decision:"},
    "condition_text": {
        "fr": "Condition n° {n} (Entrée sans rien saisir pour terminer) :",
        "en": "Condition {n} (Enter with nothing typed to finish):",
    },
    "condition_due": {
        "fr": "Échéance de la condition n° {n} (AAAA-MM-JJ) :",
        "en": "Due date of condition {n} (YYYY-MM-DD):",
    },
    "condition_done": {
        "fr": "La condition n° {n} est-elle remplie ?",
        "en": "Is condition {n} met?",
    },
    "yes": {"fr": "Oui", "en": "Yes"},
    "no": {"fr": "Non", "en": "No"},
    "conditions_needed": {
        "fr": "Une acceptation sous conditions en demande au moins une.",
        "en": "An acceptance with conditions needs at least one condition.",
    },
    "due_before_decision": {
        "fr": "L'échéance précède la date de la décision ({day}).",
        "en": "The due date comes before the date of the decision ({day}).",
    },
    "next_review": {
        "fr": "Prochaine réévaluation (AAAA-MM-JJ ; Entrée : selon la périodicité du "
        "référentiel) :",
        "en": "Next review (YYYY-MM-DD; Enter: after the rule set's review period):",
    },
    "review_not_after": {
        "fr": "La réévaluation doit suivre la date de la décision ({day}).",
        "en": "The review must come after the date of the decision ({day}).",
    },
    "ko_justification": {
        "fr": "Motifs d'accepter malgré les éléments bloquants ({ids}) :",
        "en": "Why accept despite the knock-outs ({ids}):",
    },
    "decide_cancelled": {
        "fr": "Interrompu : le fichier n'a pas changé. Pour recommencer :",
        "en": "Interrupted: the file did not change. To start again:",
    },
    "decision_saved": {"fr": "Décision enregistrée dans", "en": "Decision saved in"},
    "decision_hint": {
        "fr": "Pour enregistrer la décision de l'instance :",
        "en": "To record the committee's decision:",
    },
    "invalid": {
        "fr": "Non enregistré : le fichier de réponses le refuserait.",
        "en": "Not recorded: the answers file would refuse it.",
    },
    "busy": {
        "fr": "{path} est déjà ouvert dans une autre session vetting (processus {pid}) : "
        "terminez ou arrêtez d'abord cette session.",
        "en": "{path} is already open in another vetting session (process {pid}): finish or "
        "stop that session first.",
    },
    "other_tool": {
        "fr": "{path} contient déjà l'évaluation d'un autre outil : {other}.",
        "en": "{path} already holds the assessment of another tool: {other}.",
    },
    "other_new": {"fr": "Créer un nouveau fichier : {path}", "en": "Start a new file: {path}"},
    "other_resume": {
        "fr": "Reprendre l'évaluation de {other}",
        "en": "Resume the assessment of {other}",
    },
    "other_cancel": {"fr": "Annuler", "en": "Cancel"},
    "cancelled": {"fr": "Annulé : aucun fichier écrit.", "en": "Cancelled: no file written."},
    "review_target": {
        "fr": "« {target} » n'est ni une section ni une question de {ruleset}",
        "en": "'{target}' is neither a section nor a question of {ruleset}",
    },
    "did_you_mean": {"fr": "vouliez-vous dire « {word} » ?", "en": "did you mean '{word}'?"},
    "start_intro": {
        "fr": "Évaluation d'un outil d'IA en santé. Répondez avec la documentation du "
        "fournisseur sous les yeux. Chaque réponse est enregistrée aussitôt.",
        "en": "Assessment of a health AI tool. Answer with the vendor's documentation at "
        "hand. Every answer is saved at once.",
    },
}


def t(key: str, lang: str) -> str:
    """An interface string in `lang` (English when missing)."""
    entry = _STRINGS[key]
    return entry.get(lang) or entry["en"]


def pick(text: Mapping[str, str] | None, lang: str) -> str:
    """A rule-set text in `lang`, else in any language it has."""
    if not text:
        return ""
    return text.get(lang) or text.get("en") or next(iter(text.values()))


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """French when the locale is French, else English."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


# --------------------------------------------------------------------------- the risk scale


def level_name(level: str, lang: str) -> str:
    """A risk level's name in `lang` (`élevé`)."""
    return catalog.text(lang, "scale.levels." + level)


def verdict_name(verdict: str, lang: str) -> str:
    """A verdict's name in `lang` (`à rejeter`)."""
    return catalog.text(lang, "scale.verdicts." + verdict)


def severity_name(severity: str, lang: str) -> str:
    """A severity's name in `lang` (`bloquante`)."""
    return catalog.text(lang, "scale.severities." + severity)


def level_raised(
    points_level: str, level: str, raised: Sequence[tuple[str, int]], lang: str
) -> str:
    """`level from points: low, raised to critical by 4 knock-outs`; "" when not raised.

    `raised` lists (kind, count) of what lifts the level, the highest floor
    first (the first one sets the level): `knockout`, `pending` or `finding`.
    """
    if not raised or points_level == level:
        return ""
    kind, count = raised[0]
    why = catalog.plural(lang, "scale.raised_by." + kind, count)
    return catalog.text(
        lang,
        "scale.raised",
        points=level_name(points_level, lang),
        level=level_name(level, lang),
        why=why,
    )


def scale_legend(
    knockout: str | None, pending: str | None, severity: Iterable[tuple[str, str]], lang: str
) -> str:
    """What the score and the level mean, with the rule set's floors: said once per output."""
    colon = catalog.text(lang, "formats.colon")
    parts: list[str] = []
    for kind, floor in (("knockout", knockout), ("pending", pending)):
        if floor is not None:
            what = catalog.text(lang, "scale.floor_what." + kind)
            parts.append(f"{what}{colon}{level_name(floor, lang)}")
    order = list(catalog.entry(lang, "scale.severities"))  # the mildest first
    by_floor: dict[str, list[str]] = {}
    for name, floor in sorted(severity, key=lambda item: order.index(item[0])):
        by_floor.setdefault(floor, []).append(severity_name(name, lang))
    for floor, names in by_floor.items():
        severities = catalog.text(lang, "scale.or").join(names)
        what = catalog.text(lang, "scale.floor_what.finding", severities=severities)
        parts.append(f"{what}{colon}{level_name(floor, lang)}")
    floors = f" ({catalog.text(lang, 'formats.semicolon').join(parts)})" if parts else ""
    return catalog.text(lang, "scale.legend", floors=floors)

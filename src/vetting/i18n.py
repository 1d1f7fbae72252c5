"""Interface strings in French and English (rule texts live in the rule set)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence

_STRINGS: dict[str, dict[str, str]] = {
    "unknown": {
        "fr": "Je ne sais pas / le fournisseur n'a pas répondu",
        "en": "I don't know / the vendor did not answer",
    },
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
    "note": {
        "fr": "Note ou preuve vue (Entrée pour passer) :",
        "en": "Note or evidence seen (Enter to skip):",
    },
    "text_hint": {
        "fr": "Entrée vide = je ne sais pas · « ? » = pourquoi · « < » = précédente",
        "en": "Empty = I don't know · '?' = why we ask · '<' = previous",
    },
    "select_hint": {
        "fr": "(↑↓ choisir, Entrée valider, Ctrl-C enregistrer et quitter)",
        "en": "(↑↓ move, Enter choose, Ctrl-C save and quit)",
    },
    "checkbox_hint": {
        "fr": "(Espace cocher, Entrée valider ; ne rien cocher = aucun)",
        "en": "(Space tick, Enter confirm; tick nothing = none)",
    },
    "unknown_alone": {
        "fr": "« Je ne sais pas » se coche seul.",
        "en": "'I don't know' stands alone.",
    },
    "exclusive_alone": {
        "fr": "« {choice} » ne se combine pas avec d'autres réponses.",
        "en": "'{choice}' cannot be combined with other answers.",
    },
    "not_a_number": {"fr": "Saisissez un nombre.", "en": "Enter a number."},
    "not_a_date": {"fr": "Saisissez une date AAAA-MM-JJ.", "en": "Enter a date YYYY-MM-DD."},
    "out_of_range": {"fr": "Valeur hors limites", "en": "Value out of range"},
    "level": {"fr": "Niveau", "en": "Level"},
    "knockouts": {"fr": "Éléments bloquants", "en": "Knock-outs"},
    "pending": {"fr": "en attente de preuves", "en": "pending evidence"},
    "saved": {"fr": "Réponses enregistrées dans", "en": "Answers saved in"},
    "resume": {"fr": "Pour reprendre :", "en": "To resume:"},
    "not_tty": {
        "fr": "vetting assess est interactif et demande un terminal ; pour noter des fichiers "
        "de réponses sans terminal (CI), utilisez : vetting score FICHIER",
        "en": "vetting assess is interactive and needs a terminal; to score answer files "
        "without one (CI), use: vetting score FILE",
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
    "start_intro": {
        "fr": "Évaluation d'un outil d'IA en santé. Répondez avec la documentation du "
        "fournisseur sous les yeux. Chaque réponse est enregistrée aussitôt.",
        "en": "Assessment of a health AI tool. Answer with the vendor's documentation at "
        "hand. Every answer is saved at once.",
    },
}

LEVEL_NAMES = {
    "low": {"fr": "faible", "en": "low"},
    "moderate": {"fr": "modéré", "en": "moderate"},
    "high": {"fr": "élevé", "en": "high"},
    "critical": {"fr": "critique", "en": "critical"},
}
VERDICT_NAMES = {
    "accept": {"fr": "acceptable", "en": "accept"},
    "conditional": {"fr": "acceptable sous conditions", "en": "conditional"},
    "pending_evidence": {"fr": "en attente de preuves", "en": "pending evidence"},
    "reject": {"fr": "à rejeter", "en": "reject"},
}
SEVERITY_NAMES = {
    "info": {"fr": "information", "en": "info"},
    "low": {"fr": "faible", "en": "low"},
    "medium": {"fr": "moyenne", "en": "medium"},
    "high": {"fr": "élevée", "en": "high"},
    "critical": {"fr": "critique", "en": "critical"},
    "blocker": {"fr": "bloquante", "en": "blocker"},
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

_RAISED_BY = {
    "knockout": {"fr": "{n}\u00a0élément{s} bloquant{s}", "en": "{n} knock-out{s}"},
    "pending": {
        "fr": "{n}\u00a0élément{s} bloquant{s} en attente de preuves",
        "en": "{n} knock-out{s} pending evidence",
    },
    "finding": {"fr": "{n}\u00a0constat{s} grave{s}", "en": "{n} serious finding{s}"},
}
_RAISED = {
    "fr": "niveau selon les points\u00a0: {points}, relevé à {level} par {why}",
    "en": "level from points: {points}, raised to {level} by {why}",
}
_FLOOR_WHAT = {
    "knockout": {"fr": "un élément bloquant", "en": "a knock-out"},
    "pending": {
        "fr": "un élément bloquant en attente de preuves",
        "en": "a knock-out pending evidence",
    },
    "finding": {"fr": "un constat de gravité {severities}", "en": "a {severities} finding"},
}
_OR = {"fr": " ou ", "en": " or "}
_SCALE = {
    "fr": "Score de 0 (aucun risque relevé) à 100 (tous les risques). Niveau\u00a0: celui du "
    "score, relevé par ce qui a été trouvé{floors}.",
    "en": "Score from 0 (no risk found) to 100 (every risk). Level: the score's band, raised "
    "by what was found{floors}.",
}


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
    why = _RAISED_BY[kind][lang].format(n=count, s="s" if count > 1 else "")
    return _RAISED[lang].format(
        points=LEVEL_NAMES[points_level][lang], level=LEVEL_NAMES[level][lang], why=why
    )


def scale_legend(
    knockout: str | None, pending: str | None, severity: Iterable[tuple[str, str]], lang: str
) -> str:
    """What the score and the level mean, with the rule set's floors: said once per output."""
    colon, semicolon = ("\u00a0: ", "\u00a0; ") if lang == "fr" else (": ", "; ")
    parts: list[str] = []
    for kind, floor in (("knockout", knockout), ("pending", pending)):
        if floor is not None:
            parts.append(f"{_FLOOR_WHAT[kind][lang]}{colon}{LEVEL_NAMES[floor][lang]}")
    by_floor: dict[str, list[str]] = {}
    for name, floor in sorted(severity, key=lambda item: list(SEVERITY_NAMES).index(item[0])):
        by_floor.setdefault(floor, []).append(SEVERITY_NAMES[name][lang])
    for floor, names in by_floor.items():
        what = _FLOOR_WHAT["finding"][lang].format(severities=_OR[lang].join(names))
        parts.append(f"{what}{colon}{LEVEL_NAMES[floor][lang]}")
    floors = f" ({semicolon.join(parts)})" if parts else ""
    return _SCALE[lang].format(floors=floors)
